// npm run build (then scripts/dist-package.mjs): bundles src/index.ts into dist/ with esbuild — ESM, for Node 20 and
// later (action.yml runs it on node24) — and writes dist/licenses.txt.
//
// Why esbuild, not @vercel/ncc: the start-up (`npm run bench -- startup`) is mostly V8 compiling and running the
// bundle before the first Lambda request. esbuild tree-shakes ESM (zod's `import * as z` drops its locales and the
// parts we do not use: 796 KB → about 210 KB) and splits what a run may never need (Octokit and undici, the report
// renderers, the CLI, the post step) into chunks loaded by their import(); ncc (webpack) did neither here, and with
// chunks its licenses.txt listed only the last chunk's packages.
//
// dist/ is emptied first, so a chunk of an earlier build cannot linger and .ci/run's dist check (git diff plus
// untracked files) sees exactly what this build wrote. Chunk names carry a content hash: unchanged code, unchanged
// names.
//

import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');

rmSync(DIST, { recursive: true, force: true });
mkdirSync(DIST);

const result = await esbuild.build({
  absWorkingDir: ROOT,
  entryPoints: { index: 'src/index.ts' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  splitting: true,
  // ESM builds first: for a package without an `exports` map (@aws-sdk/client-lambda) esbuild's default on Node is
  // `main` (CommonJS), which it can neither tree-shake nor load without its CommonJS wrappers (measured: ~20 ms).
  mainFields: ['module', 'main'],
  outdir: DIST,
  chunkNames: '[name]-[hash]',
  metafile: true,
  legalComments: 'none',
  logLevel: 'warning',
  // Some dependencies are CommonJS and require() Node's modules; an ES module has no require of its own.
  banner: {
    js: "import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);",
  },
});

writeFileSync(join(DIST, 'licenses.txt'), licenses(Object.keys(result.metafile.inputs)));

const files = readdirSync(DIST);
const bytes = files.reduce((sum, file) => sum + readFileSync(join(DIST, file)).length, 0);
console.log(`dist/: ${files.length} files, ${(bytes / 1024).toFixed(0)} KB`);

/**
 * The third-party licenses of every package with code in the bundle, in the format ncc's --license wrote (its
 * license-webpack-plugin): by name, each "name\nlicense\ntext", separated by a blank line. The packages are read
 * from esbuild's metafile, so a package tree-shaken away entirely is not listed.
 */
function licenses(inputs) {
  const packages = new Map();
  for (const input of inputs) {
    const at = input.lastIndexOf('node_modules/');
    if (at < 0) continue;
    const parts = input.slice(at + 'node_modules/'.length).split('/');
    const root = input.slice(0, at) + 'node_modules/' + parts.slice(0, parts[0]?.startsWith('@') ? 2 : 1).join('/');
    if (packages.has(root)) continue;
    const manifest = JSON.parse(readFileSync(join(ROOT, root, 'package.json'), 'utf8'));
    const licenseId =
      typeof manifest.license === 'string'
        ? manifest.license
        : (manifest.license?.type ?? manifest.licenses?.map((entry) => entry.type).join(' OR '));
    const file = readdirSync(join(ROOT, root)).find((name) => /^licen[cs]e/i.test(name));
    const text = file ? readFileSync(join(ROOT, root, file), 'utf8') : undefined;
    packages.set(root, { name: manifest.name, licenseId, text });
  }
  const unique = new Map([...packages.values()].map((entry) => [entry.name, entry]));
  return (
    [...unique.values()]
      .sort((a, b) => (a.name < b.name ? -1 : 1))
      .reduce(
        (all, { name, licenseId, text }) =>
          `${all}${name}${licenseId ? `\n${licenseId}` : ''}${text ? `\n${text}` : ''}\n\n`,
        '',
      )
      .trim() + '\n'
  );
}
