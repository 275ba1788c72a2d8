// `npm run pack-check` (.ci/run, after the dist/ check): the npm package as a user gets it. Packs this tree with
// `npm pack`, installs the tarball into an empty directory with npm --offline (the package has no dependencies:
// everything it runs is bundled into dist/, so an install that needs the registry is a defect), then runs the
// installed `lambda-power-gate` from there: --help, --version, `init --dry-run`, and a dry run against the local
// emulator. A file missing from package.json's `files` fails here, not on a user's machine. Prints the tarball's size.

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from '../emulator/lambda/server.js';

interface PackEntry {
  filename: string;
  size: number;
  unpackedSize: number;
  entryCount: number;
  files: { path: string }[];
}

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
};
// What the package must hold, and what it must never hold (the stand-ins, tests, benches, sources).
const REQUIRED = ['bin/lambda-power-gate.js', 'dist/index.js', 'dist/package.json', 'LICENSE', 'README.md'];
const FORBIDDEN = /^(src|__tests__|emulator|bench|demo|e2e|scripts|\.ci|\.github)\//;

function fail(message: string): never {
  process.stderr.write(`pack-check: ${message}\n`);
  process.exit(1);
}

/**
 * Runs a command without blocking the event loop: the emulator answers from this same process, so a synchronous
 * spawn would deadlock the dry run.
 */
async function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env) {
  try {
    const { stdout, stderr } = await promisify(execFile)(command, args, {
      cwd,
      env,
      encoding: 'utf8',
      timeout: 120_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number | string; stdout?: string; stderr?: string; message: string };
    if (typeof failed.code !== 'number') fail(`${command} ${args.join(' ')}: ${failed.message}`);
    return { code: failed.code, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const started = Date.now();
const work = mkdtempSync(join(tmpdir(), 'lpg-pack-'));
const emulator = await startEmulator({ updateDelayMs: 20 });
try {
  if (!existsSync('dist/index.js')) fail('dist/index.js is missing: run npm run build first');
  if (Object.keys(manifest.dependencies ?? {}).length > 0)
    fail(`package.json has dependencies (${Object.keys(manifest.dependencies ?? {}).join(', ')}): dist/ bundles them`);

  const packed = await run('npm', ['pack', '--json', '--pack-destination', work], process.cwd());
  if (packed.code !== 0) fail(`npm pack failed:\n${packed.stderr}`);
  const [pack] = JSON.parse(packed.stdout) as PackEntry[];
  if (!pack) fail('npm pack printed nothing');
  const paths = pack.files.map((file) => file.path);
  for (const path of REQUIRED) if (!paths.includes(path)) fail(`the package lacks ${path} (package.json "files")`);
  const leaked = paths.filter((path) => FORBIDDEN.test(path));
  if (leaked.length > 0) fail(`the package holds files it must not: ${leaked.slice(0, 5).join(', ')}`);

  const app = join(work, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'pack-check-app', private: true }) + '\n');
  const install = await run(
    'npm',
    ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', join(work, pack.filename)],
    app,
  );
  if (install.code !== 0)
    fail(`npm install of the tarball failed (offline: it must need no registry):\n${install.stderr}`);

  const bin = join(app, 'node_modules', '.bin', 'lambda-power-gate');
  // A clean environment: no AWS profile or GitHub variables of the machine running the check.
  const env = {
    PATH: process.env['PATH'],
    HOME: app,
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
  };
  const help = await run(bin, ['--help'], app, env);
  if (help.code !== 0 || !help.stdout.includes('--function-name')) fail(`--help failed:\n${help.stdout}${help.stderr}`);
  const version = await run(bin, ['--version'], app, env);
  if (version.stdout.trim() !== manifest.version)
    fail(`--version printed ${JSON.stringify(version.stdout.trim())}, package.json says ${manifest.version}`);
  const init = await run(bin, ['init', '--function', 'pack-fn', '--region', 'us-east-1', '--dry-run'], app, env);
  if (init.code !== 0 || !init.stdout.includes('uses: lambda-power-gate/lambda-power-gate@v'))
    fail(`init --dry-run failed:\n${init.stdout}${init.stderr}`);

  await emulator.createFunction({ name: 'pack-fn', sample: 'noop', memoryMb: 256 });
  const dryRun = await run(
    bin,
    ['tune', '--function-name', 'pack-fn', '--endpoint', emulator.endpoint, '--dry-run'],
    app,
    env,
  );
  if (dryRun.code !== 0) fail(`the dry run failed (exit ${dryRun.code}):\n${dryRun.stdout}${dryRun.stderr}`);

  if (!dryRun.stderr.includes('Dry run: settings are valid and the function exists'))
    fail(`the dry run did not check the function:\n${dryRun.stdout}${dryRun.stderr}`);
  const tarball = statSync(join(work, pack.filename)).size;
  process.stdout.write(
    `pack-check: ${pack.filename} ${kb(tarball)} (${tarball} bytes; unpacked ${kb(pack.unpackedSize)}, ${pack.entryCount} files); ` +
      `installed offline with no dependencies; --help, --version, init --dry-run and a dry run against the emulator pass ` +
      `(${((Date.now() - started) / 1000).toFixed(1)} s)\n`,
  );
} finally {
  await emulator.close();
  rmSync(work, { recursive: true, force: true });
}
