// What the emulator reports as Max Memory Used (emulator/README.md, "Max Memory Used"), measured on this machine:
// a no-op Node function (Lambda: 64–68 MB at 128 MB in published REPORT lines), the same no-op after it wrote and
// read back a file (page cache, which Lambda's figure does not count), and memory-hungry allocating 400 MB (out of
// memory at 128 MB, fits at 1024 MB) or holding a working set loaded at init.
//
//   npx tsx bench/max-memory.ts [--repeats 3] [--cache-mb 96] [--memory-mode cgroup|watchdog]

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type FunctionRuntimeSpec, SandboxPool } from '../emulator/lambda/sandbox/index.js';
import { heading, machineNote, table } from './lib.js';

const { values: args } = parseArgs({
  options: {
    repeats: { type: 'string', default: '3' },
    'cache-mb': { type: 'string', default: '96' },
    'memory-mode': { type: 'string', default: 'cgroup' },
  },
});
const FUNCTIONS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../emulator/functions');
const spec = (name: string, memoryMb: number, overrides: Partial<FunctionRuntimeSpec> = {}): FunctionRuntimeSpec => ({
  functionName: name,
  version: '$LATEST',
  codeDir: path.join(FUNCTIONS, name),
  handler: 'index.handler',
  memoryMb,
  timeoutSec: 30,
  environment: {},
  logFormat: 'Text',
  ...overrides,
});

// A no-op that writes a fresh file and reads it back in 1 MB steps: page cache charged to its group, little heap.
const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lpg-bench-cache-'));
fs.writeFileSync(
  path.join(cacheDir, 'index.mjs'),
  [
    "import fs from 'node:fs';",
    "import path from 'node:path';",
    "import os from 'node:os';",
    'export const handler = async (event) => {',
    '  const file = path.join(os.tmpdir(), `lpg-cache-${process.pid}-${Date.now()}`);',
    '  const chunk = Buffer.alloc(1024 * 1024, 7);',
    "  const fd = fs.openSync(file, 'w');",
    '  for (let i = 0; i < event.mb; i++) fs.writeSync(fd, chunk);',
    '  fs.closeSync(fd);',
    "  const rd = fs.openSync(file, 'r');",
    '  let read = 0;',
    '  for (let n; (n = fs.readSync(rd, chunk, 0, chunk.length, null)) > 0; ) read += n;',
    '  fs.closeSync(rd);',
    '  fs.rmSync(file);',
    '  return { mb: read / 1024 / 1024 };',
    '};',
    '',
  ].join('\n'),
);

const pool = new SandboxPool({
  idleTimeoutMs: 60_000,
  memoryMode: args['memory-mode'] === 'watchdog' ? 'watchdog' : 'auto',
  logger: () => {},
});
const cacheMb = Number(args['cache-mb']);
const rows: string[][] = [];
const cases: { label: string; spec: () => FunctionRuntimeSpec; payload: unknown }[] = [
  { label: 'noop 128 MB (cold)', spec: () => spec('noop', 128), payload: {} },
  { label: 'noop 1024 MB (cold)', spec: () => spec('noop', 1024), payload: {} },
  {
    label: `noop + ${cacheMb} MB file written and read, 128 MB`,
    spec: () => spec('cache-writer', 128, { codeDir: cacheDir }),
    payload: { mb: cacheMb },
  },
  { label: 'memory-hungry 400 MB at 128 MB', spec: () => spec('memory-hungry', 128), payload: {} },
  { label: 'memory-hungry 400 MB at 1024 MB', spec: () => spec('memory-hungry', 1024), payload: {} },
  {
    label: 'memory-hungry working set 220 MB at 256 MB',
    spec: () => spec('memory-hungry', 256, { environment: { MEMORY_HUNGRY_RSS_MB: '220' } }),
    payload: {},
  },
];
try {
  heading(`Max Memory Used (memory mode: ${pool.memoryMode})`);
  for (const c of cases) {
    const figures: string[] = [];
    for (let i = 0; i < Number(args.repeats); i++) {
      const s = c.spec();
      const result = await pool.invoke(s, Buffer.from(JSON.stringify(c.payload)), `bench-${i}`);
      figures.push(`${result.maxMemoryUsedMb}${result.errorType ? ` (${result.errorType})` : ''}`);
      await pool.retire(s.functionName);
    }
    rows.push([c.label, figures.join(', ')]);
  }
  console.log(table(['case (each a cold start)', 'Max Memory Used, MB'], rows));
  console.log(machineNote());
} finally {
  await pool.close();
  fs.rmSync(cacheDir, { recursive: true, force: true });
}
