// Benchmark 4: start-up — from `node dist/index.js` (the action as a runner starts it) to its first Lambda API
// request — and the size of dist/.
//
// A tiny HTTP server stands in for Lambda and notes when the first request arrives; it answers 404
// ResourceNotFoundException, and the action is stopped there. Both times are read on this process's clock
// (performance.now()), from just before spawn() to the request's arrival. `node -e 0` is measured the same way
// (spawn → exit) as the floor: what starting Node itself costs on this machine.
//
//   npm run bench -- startup [--quick] [--against <git revision>]
//
// With --against, that revision's committed dist/ is measured in the same run, alternating with this tree's dist/
// and `node -e 0`, so a before/after comparison sees the same machine load.

import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
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
  /** A git revision whose committed dist/ is measured alongside this tree's. */
  against?: string;
}

export const STARTUP_DEFAULTS: StartupOptions = { repeats: 7 };

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DIST = join(ROOT, 'dist');
const ENTRY = join(DIST, 'index.js');

/** spawn → the first request at a stand-in Lambda endpoint, in ms. */
async function timeToFirstRequest(workspace: string, entry = ENTRY): Promise<number> {
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
  const child = spawn(process.execPath, [entry], { cwd: workspace, env, stdio: 'ignore' });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const outcome = await Promise.race([firstRequest.then(() => 'request' as const), exited.then(() => 'exit' as const)]);
  child.kill('SIGKILL');
  await exited;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (outcome !== 'request' || firstRequestMs === undefined)
    throw new Error('dist/index.js exited before making any Lambda request');
  return firstRequestMs - startedMs;
}

/**
 * spawn → exit of `node -e 0`, in ms: the floor set by Node itself. It gets the action's environment (PATH and
 * HOME), not this process's: a variable Node reads at start changes the floor — NODE_EXTRA_CA_CERTS, set on this
 * machine, makes every start parse 220 KB of certificates (`node -e 0` 62 ms with it, about 22 ms without), and a
 * floor measured with it while the action starts without it hid ~40 ms of the action's share.
 */
async function bareNodeMs(workspace: string): Promise<number> {
  const startedMs = performance.now();
  const env = { PATH: process.env.PATH ?? '', HOME: workspace };
  const child = spawn(process.execPath, ['-e', '0'], { env, stdio: 'ignore' });
  await new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return performance.now() - startedMs;
}

/** A revision's committed dist/ (every file git has there), written to a directory of its own. */
function distAt(revision: string, into: string): string {
  const dir = join(into, 'dist');
  mkdirSync(dir, { recursive: true });
  const files = execFileSync('git', ['ls-tree', '--name-only', `${revision}:dist`], { cwd: ROOT, encoding: 'utf8' })
    .split('\n')
    .filter(Boolean);
  for (const file of files)
    writeFileSync(
      join(dir, file),
      execFileSync('git', ['show', `${revision}:dist/${file}`], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 }),
    );
  return dir;
}

function sizes(dist = DIST, label = 'dist'): { file: string; bytes: number; gzipBytes: number }[] {
  return readdirSync(dist)
    .map((file) => {
      const path = join(dist, file);
      const bytes = statSync(path).size;
      return { file: `${label}/${file}`, bytes, gzipBytes: gzipSync(readFileSync(path)).length };
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
  const other: number[] = [];
  const otherDist = options.against ? distAt(options.against, workspace) : undefined;
  const otherEntry = otherDist ? join(otherDist, 'index.js') : undefined;
  const otherSizes = otherDist && options.against ? sizes(otherDist, `${options.against}:dist`) : [];
  try {
    // Alternate, so a change in the machine's load hits all alike; the first of each warms the file cache.
    await timeToFirstRequest(workspace);
    if (otherEntry) await timeToFirstRequest(workspace, otherEntry);
    await bareNodeMs(workspace);
    for (let i = 0; i < options.repeats; i++) {
      note(`startup: run ${i + 1} of ${options.repeats}`);
      action.push(await timeToFirstRequest(workspace));
      if (otherEntry) other.push(await timeToFirstRequest(workspace, otherEntry));
      bare.push(await bareNodeMs(workspace));
    }
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
  console.log(`${options.repeats} runs each, alternating, after one warm-up run each. Before: ${before}.\n`);
  console.log(
    table(
      ['', 'median', 'min', 'max'],
      [
        [
          'node dist/index.js → first Lambda request',
          ms(median(action)),
          ms(Math.min(...action)),
          ms(Math.max(...action)),
        ],
        ['node -e 0 (spawn → exit)', ms(median(bare)), ms(Math.min(...bare)), ms(Math.max(...bare))],
        ['the action’s own share (difference of medians)', ms(median(action) - median(bare)), '', ''],
        ...(options.against
          ? [
              [
                `${options.against}'s dist/index.js → first Lambda request`,
                ms(median(other)),
                ms(Math.min(...other)),
                ms(Math.max(...other)),
              ],
              [`${options.against}'s own share (difference of medians)`, ms(median(other) - median(bare)), '', ''],
            ]
          : []),
      ],
    ),
  );
  const built = statSync(ENTRY).mtime.toISOString();
  console.log(`\ndist/ (built ${built}):`);
  const files = sizes();
  const rows = (list: typeof files) => [
    ...list.map((f) => [f.file, kb(f.bytes), kb(f.gzipBytes)]),
    ['total', kb(list.reduce((t, f) => t + f.bytes, 0)), kb(list.reduce((t, f) => t + f.gzipBytes, 0))],
  ];
  console.log(table(['file', 'size', 'gzip'], [...rows(files), ...(otherSizes.length > 0 ? rows(otherSizes) : [])]));
  console.log(`After: ${machineNote()}.`);
}
