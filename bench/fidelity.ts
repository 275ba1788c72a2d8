// How faithfully the emulator's execution environments reproduce Lambda's memory → CPU scaling.
// Runs the talk's CPU-bound example (primes) at 128, 256, 512 and 1024 MB straight through SandboxPool (no HTTP),
// warm invocations only, and prints its durations next to the talk's real-Lambda figures, with the ratios to
// 1024 MB (on Lambda, duration × memory is roughly constant below one vCPU, so 128 → 1024 MB is about 8×).
// Then measures the emulator's own per-invocation overhead with a warm no-op: wall time of invoke() minus the
// reported Duration.
//
//   npx tsx bench/fidelity.ts [--mode auto|cgroup|model|both] [--invocations 5] [--n 50] [--m 1000000]
//
// Run it on a quiet machine: other processes competing for the cores distort every figure.
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { type FunctionRuntimeSpec, SandboxPool } from '../emulator/lambda/sandbox/index.js';
import { startEmulator } from '../emulator/lambda/server.js';
import { decodeLogResult, parseReport } from '../src/tuning/logs.js';
import { percentile, trimmedMean } from '../src/tuning/stats.js';

const FUNCTIONS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../emulator/functions');
/** The talk's table: "Compute 1,000 times all prime numbers <= 1M" on real Lambda (seconds). */
const LAMBDA_SECONDS: Record<number, number> = { 128: 11.722, 256: 6.678, 512: 3.194, 1024: 1.465 };
const MEMORY_SIZES_MB = [128, 256, 512, 1024];
const DISCARD_TOP_BOTTOM = 0.2;

const { values: args } = parseArgs({
  options: {
    mode: { type: 'string', default: 'auto' },
    invocations: { type: 'string', default: '5' },
    // 50 sieves of 1M take ~0.5-1 s of CPU on one core of this project's machines: ~1 s at 1024 MB.
    n: { type: 'string', default: '50' },
    m: { type: 'string', default: '1000000' },
    'overhead-invocations': { type: 'string', default: '50' },
  },
});

const spec = (name: string, memoryMb: number, environment: Record<string, string> = {}): FunctionRuntimeSpec => ({
  functionName: name,
  version: '$LATEST',
  codeDir: path.join(FUNCTIONS, name),
  handler: 'index.handler',
  memoryMb,
  timeoutSec: 900,
  environment,
  logFormat: 'Text',
});

let requestSequence = 0;
const requestId = (): string => `bench-${++requestSequence}`;

async function measurePrimes(pool: SandboxPool, invocations: number): Promise<Map<number, number>> {
  const meanMsByMemory = new Map<number, number>();
  const environment = { PRIMES_N: String(args.n), PRIMES_M: String(args.m) };
  for (const memoryMb of MEMORY_SIZES_MB) {
    const fn = spec('primes', memoryMb, environment);
    const cold = await pool.invoke(fn, Buffer.from('{}'), requestId());
    if (cold.functionError) throw new Error(`primes failed at ${memoryMb} MB: ${cold.payload.toString()}`);
    const durations: number[] = [];
    for (let i = 0; i < invocations; i++)
      durations.push((await pool.invoke(fn, Buffer.from('{}'), requestId())).durationMs);
    meanMsByMemory.set(memoryMb, trimmedMean(durations, DISCARD_TOP_BOTTOM));
    process.stderr.write(`  ${pool.cpuMode} ${memoryMb} MB: ${durations.map((d) => d.toFixed(0)).join(', ')} ms\n`);
  }
  return meanMsByMemory;
}

/**
 * What a client sees: the real SDK over HTTP to the emulator, warm no-op, wall time of send() minus the REPORT's
 * Duration. This is the emulator's whole overhead as the engine meets it (HTTP, routing, the pool, the child).
 */
async function measureHttpOverhead(invocations: number): Promise<number[]> {
  const emulator = await startEmulator({ updateDelayMs: 0 });
  const client = new LambdaClient({
    region: emulator.region,
    endpoint: emulator.endpoint,
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
  });
  try {
    await emulator.createFunction({ name: 'noop', sample: 'noop', memoryMb: 1024 });
    const invoke = () =>
      client.send(
        new InvokeCommand({ FunctionName: 'noop', LogType: 'Tail', Payload: Buffer.from('{"items":[3,1,2]}') }),
      );
    await invoke();
    const overheadsMs: number[] = [];
    for (let i = 0; i < invocations; i++) {
      const started = performance.now();
      const response = await invoke();
      const elapsedMs = performance.now() - started;
      const report = parseReport(decodeLogResult(response.LogResult));
      if (report) overheadsMs.push(elapsedMs - report.durationMs);
    }
    return overheadsMs;
  } finally {
    client.destroy();
    await emulator.close();
  }
}

async function measureOverhead(pool: SandboxPool, invocations: number): Promise<number[]> {
  const fn = spec('noop', 1024);
  await pool.invoke(fn, Buffer.from('{}'), requestId());
  const overheadsMs: number[] = [];
  for (let i = 0; i < invocations; i++) {
    const started = performance.now();
    const result = await pool.invoke(fn, Buffer.from('{"items":[3,1,2]}'), requestId());
    overheadsMs.push(performance.now() - started - result.durationMs);
  }
  return overheadsMs;
}

const pad = (text: string, width: number): string => text.padStart(width);
const seconds = (ms: number): string => `${(ms / 1000).toFixed(3)} s`;

function printTable(columns: Array<{ label: string; msByMemory: Map<number, number> }>): void {
  const lambda = new Map(MEMORY_SIZES_MB.map((mb) => [mb, (LAMBDA_SECONDS[mb] ?? Number.NaN) * 1000]));
  const all = [{ label: 'Lambda (talk)', msByMemory: lambda }, ...columns];
  const width = 13;
  const header = ['memory', ...all.flatMap((c) => [c.label, '× vs 1024', 'ms·GB rel.'])];
  console.log(header.map((h, i) => pad(h, i === 0 ? 8 : width)).join(' '));
  for (const memoryMb of MEMORY_SIZES_MB) {
    const cells = [`${memoryMb} MB`];
    for (const column of all) {
      const ms = column.msByMemory.get(memoryMb) ?? Number.NaN;
      const at1024 = column.msByMemory.get(1024) ?? Number.NaN;
      // duration × memory relative to 1024 MB: 1.00 means cost per invocation is flat.
      cells.push(seconds(ms), (ms / at1024).toFixed(2), ((ms * memoryMb) / (at1024 * 1024)).toFixed(2));
    }
    console.log(cells.map((c, i) => pad(c, i === 0 ? 8 : width)).join(' '));
  }
}

async function main(): Promise<void> {
  const invocations = Number(args.invocations);
  const modes: Array<'auto' | 'cgroup' | 'model'> =
    args.mode === 'both' ? ['cgroup', 'model'] : [args.mode as 'auto' | 'cgroup' | 'model'];
  const loadBefore = os.loadavg()[0] ?? 0;
  const columns: Array<{ label: string; msByMemory: Map<number, number> }> = [];
  let overheads: number[] = [];
  for (const mode of modes) {
    const pool = new SandboxPool({ cpuMode: mode, logger: (line) => process.stderr.write(`${line}\n`) });
    try {
      columns.push({ label: `emulator ${pool.cpuMode}`, msByMemory: await measurePrimes(pool, invocations) });
      if (overheads.length === 0) overheads = await measureOverhead(pool, Number(args['overhead-invocations']));
    } finally {
      await pool.close();
    }
  }
  const httpOverheads = await measureHttpOverhead(Number(args['overhead-invocations']));
  const loadAfter = os.loadavg()[0] ?? 0;
  console.log(
    `\nprimes: ${args.n} × all primes ≤ ${args.m} (Lambda: 1,000 × ≤ 1M), warm, trimmed mean of ${invocations} ` +
      `(${DISCARD_TOP_BOTTOM * 100} % dropped at each end); ${os.availableParallelism()} cores; ` +
      `load average ${loadBefore.toFixed(2)} → ${loadAfter.toFixed(2)}\n`,
  );
  printTable(columns);
  console.log(
    `\nwarm no-op overhead (invoke() wall time − reported Duration), ${overheads.length} invocations: ` +
      `median ${percentile(overheads, 50).toFixed(2)} ms, p95 ${percentile(overheads, 95).toFixed(2)} ms, ` +
      `max ${Math.max(...overheads).toFixed(2)} ms`,
  );
  console.log(
    `warm no-op overhead over HTTP with the real SDK (send() wall time − REPORT Duration), ${httpOverheads.length} invocations: ` +
      `median ${percentile(httpOverheads, 50).toFixed(2)} ms, p95 ${percentile(httpOverheads, 95).toFixed(2)} ms, ` +
      `max ${Math.max(...httpOverheads).toFixed(2)} ms`,
  );
}

await main();
