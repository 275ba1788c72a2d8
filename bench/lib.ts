// What the benchmarks share: an emulator with a client pointed at it, a trace of every Lambda API call, settings
// for the engine, tables, and a note on how busy the machine was (the machine is shared: say so next to a number).

import { LambdaClient } from '@aws-sdk/client-lambda';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { startEmulator, type Emulator, type EmulatorOptions } from '../emulator/lambda/server.js';
import { waiterMinDelaySecFor } from '../src/tuning/client.js';
import type { EngineLogger } from '../src/lib/ports.js';
import type { TuningSettings } from '../src/types.js';
import { tuningSettings as defaultTuningSettings } from '../emulator/fixtures/settings.js';

export interface BenchEmulator {
  emulator: Emulator;
  client: LambdaClient;
  trace: CallTrace;
  /** The engine's dependencies as the action sets them for a loopback endpoint. */
  deps: { client: LambdaClient; logger: EngineLogger; waiterMinDelaySec: number };
  close(): Promise<void>;
}

export async function startBenchEmulator(options: EmulatorOptions = {}): Promise<BenchEmulator> {
  const emulator = await startEmulator(options);
  const client = new LambdaClient({
    region: emulator.region,
    endpoint: emulator.endpoint,
    credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
    maxAttempts: 3,
  });
  const trace = new CallTrace();
  trace.attach(client);
  return {
    emulator,
    client,
    trace,
    deps: { client, logger: quietLogger, waiterMinDelaySec: waiterMinDelaySecFor(emulator.endpoint) },
    close: async () => {
      client.destroy();
      await emulator.close();
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// A trace of API calls, through the SDK's middleware (so it sees the engine's calls exactly as sent)

export interface Call {
  operation: string;
  /** Invoke's Qualifier, or CreateAlias's Name: the alias, when there is one. */
  alias?: string;
  startMs: number;
  endMs: number;
  /** The error's name when the call failed (e.g. ResourceConflictException). */
  error?: string;
}

export class CallTrace {
  calls: Call[] = [];

  attach(client: LambdaClient): void {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const input = args.input as { Qualifier?: string; Name?: string };
        const call: Call = {
          operation: String(context.commandName ?? '').replace(/Command$/, ''),
          startMs: performance.now(),
          endMs: 0,
        };
        const alias = input.Qualifier ?? input.Name;
        if (alias !== undefined) call.alias = alias;
        try {
          return await next(args);
        } catch (error) {
          call.error = error instanceof Error ? error.name : 'Error';
          throw error;
        } finally {
          call.endMs = performance.now();
          this.calls.push(call);
        }
      },
      { step: 'initialize', name: 'benchTrace' },
    );
  }

  reset(): void {
    this.calls = [];
  }

  count(operation: string, error?: string): number {
    return this.calls.filter((call) => call.operation === operation && (error === undefined || call.error === error))
      .length;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Settings and logging

export function tuningSettings(
  functionName: string,
  emulator: Emulator,
  overrides: Partial<TuningSettings> = {},
): TuningSettings {
  return defaultTuningSettings({
    functionName,
    region: emulator.region,
    endpoint: emulator.endpoint,
    powerValuesMb: [128, 256, 512, 1024],
    invocationsPerValue: 10,
    concurrency: 10,
    resultsPath: '/tmp/lambda-power-gate-bench-results.json',
    ...overrides,
  });
}

/** Warnings go to stderr (they matter); everything else is quiet so the tables stay readable. */
export const quietLogger: EngineLogger = {
  info: () => {},
  warning: (message) => process.stderr.write(`  warning: ${message}\n`),
  debug: () => {},
  group: (_name, fn) => fn(),
  progress: () => {},
};

/** Progress on stderr, so stdout holds only the tables. */
export function note(message: string): void {
  process.stderr.write(`  ${message}\n`);
}

// ---------------------------------------------------------------------------------------------------------
// Numbers and tables

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? NaN)
    : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
}

export function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

export const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
export const ratio = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(2)}×` : 'n/a');
export const percent = (fraction: number): string => `${(fraction * 100).toFixed(0)} %`;

/** A plain-text table: the first column left-aligned, the others right-aligned. */
export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0)))
      .join('  ');
  return [line(headers), widths.map((width) => '─'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

export function heading(title: string): void {
  console.log(`\n${title}\n${'='.repeat(title.length)}`);
}

/** Cores and load average, to print next to timings: a busy machine stretches every figure. */
export function machineNote(): string {
  const [one = 0, five = 0] = os.loadavg();
  return `${os.availableParallelism()} cores, load average ${one.toFixed(2)} (1 min) / ${five.toFixed(2)} (5 min), Node ${process.version}`;
}

/** A deterministic PRNG for seeded repeats: the emulator's own (mulberry32). */
export { seededRandom } from '../emulator/lambda/faults.js';

/** The 95% Wilson score interval of a rate: how far a number of repeats can pin it down. */
export function wilson(successes: number, n: number): [number, number] {
  if (n === 0) return [0, 1];
  const z = 1.959964;
  const p = successes / n;
  const denominator = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denominator;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}
