// Benchmark 4: start-up — from `node dist/index.js` (the action as a runner starts it) to its first Lambda API
// request — and the size of dist/.
//
// A tiny HTTP server stands in for Lambda and notes when the first request arrives; it answers 404
// ResourceNotFoundException, and the action is stopped there. Both times are read on this process's clock
// (performance.now()), from just before spawn() to the request's arrival. `node -e 0` is measured the same way
// (spawn → exit) as the floor: what starting Node itself costs on this machine.
//
//   npm run bench -- startup [--quick]

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { heading, machineNote, median, note, table } from './lib.js';

export interface StartupOptions {
  repeats: number;
}

export const STARTUP_DEFAULTS: StartupOptions = { repeats: 7 };

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DIST = join(ROOT, 'dist');
const ENTRY = join(DIST, 'index.js');

/** spawn → the first request at a stand-in Lambda endpoint, in ms. */
async function timeToFirstRequest(workspace: string): Promise<number> {
  let firstRequestMs: number | undefined;
  let onFirst: () => void = () => {};
  const firstRequest = new Promise<void>((resolve) => (onFirst = resolve));
  const server = createServer((req, res) => {
    firstRequestMs ??= performance.now();
    onFirst();
    req.resume();
    res.writeHead(404, { 'content-type': 'application/json', 'x-amzn-errortype': 'ResourceNotFoundException' });
    res.end(JSON.stringify({ Type: 'User', Message: 'Function not found: startup-probe' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: workspace,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_EVENT_PATH: join(workspace, 'event.json'),
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_SHA: '0000000000000000000000000000000000000000',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: join(workspace, 'output.txt'),
    GITHUB_STEP_SUMMARY: join(workspace, 'summary.md'),
    AWS_ACCESS_KEY_ID: 'bench',
    AWS_SECRET_ACCESS_KEY: 'bench',
    'INPUT_FUNCTION-NAME': 'startup-probe',
    INPUT_ENDPOINT: endpoint,
    INPUT_REGION: 'us-east-1',
  };
  const startedMs = performance.now();
  const child = spawn(process.execPath, [ENTRY], { cwd: workspace, env, stdio: 'ignore' });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const outcome = await Promise.race([firstRequest.then(() => 'request' as const), exited.then(() => 'exit' as const)]);
  child.kill('SIGKILL');
  await exited;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (outcome !== 'request' || firstRequestMs === undefined) throw new Error('dist/index.js exited before making any Lambda request');
  return firstRequestMs - startedMs;
}

/** spawn → exit of `node -e 0`, in ms: the floor set by Node itself. */
async function bareNodeMs(): Promise<number> {
  const startedMs = performance.now();
  const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
  await new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return performance.now() - startedMs;
}

function sizes(): { file: string; bytes: number; gzipBytes: number }[] {
  return readdirSync(DIST)
    .map((file) => {
      const path = join(DIST, file);
      const bytes = statSync(path).size;
      return { file: `dist/${file}`, bytes, gzipBytes: gzipSync(readFileSync(path)).length };
    })
    .sort((a, b) => b.bytes - a.bytes);
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const ms = (value: number) => `${value.toFixed(0)} ms`;

export async function runStartup(options: StartupOptions = STARTUP_DEFAULTS): Promise<void> {
  heading('4. Start-up: node dist/index.js → first Lambda API request; dist size');
  try {
    statSync(ENTRY);
  } catch {
    console.log('dist/index.js is missing: run `npm run build` first.');
    return;
  }
  const workspace = mkdtempSync(join(tmpdir(), 'lpg-startup-'));
  writeFileSync(join(workspace, 'event.json'), '{}');
  const before = machineNote();
  const action: number[] = [];
  const bare: number[] = [];
  try {
    // Alternate, so a change in the machine's load hits both alike; the first of each warms the file cache.
    await timeToFirstRequest(workspace);
    await bareNodeMs();
    for (let i = 0; i < options.repeats; i++) {
      note(`startup: run ${i + 1} of ${options.repeats}`);
      action.push(await timeToFirstRequest(workspace));
      bare.push(await bareNodeMs());
    }
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
  console.log(`${options.repeats} runs each, alternating, after one warm-up run each. Before: ${before}.\n`);
  console.log(
    table(
      ['', 'median', 'min', 'max'],
      [
        ['node dist/index.js → first Lambda request', ms(median(action)), ms(Math.min(...action)), ms(Math.max(...action))],
        ['node -e 0 (spawn → exit)', ms(median(bare)), ms(Math.min(...bare)), ms(Math.max(...bare))],
        ['the action’s own share (difference of medians)', ms(median(action) - median(bare)), '', ''],
      ],
    ),
  );
  const built = statSync(ENTRY).mtime.toISOString();
  console.log(`\ndist/ (built ${built}):`);
  const files = sizes();
  console.log(table(['file', 'size', 'gzip'], [...files.map((f) => [f.file, kb(f.bytes), kb(f.gzipBytes)]), ['total', kb(files.reduce((t, f) => t + f.bytes, 0)), kb(files.reduce((t, f) => t + f.gzipBytes, 0))]]));
  console.log(`After: ${machineNote()}.`);
}
