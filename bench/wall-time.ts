// Benchmark 1: wall time of a tuning run against the original tool's shape, side by side in one run.
//
// The original tool (AWS Lambda Power Tuning) prepares every configuration one after another, and only then starts
// its executors: one per power value, side by side, each invoking serially. originalShape() below does exactly
// that with the same LambdaTarget the engine uses, so the only difference measured is the shape. The engine
// (tune()) starts invoking a memory size as soon as its version is ready, while the next one is being prepared.
//
// The goal: wall time ≤ 1.2 × the slowest memory size's invocation time (S) + the control-plane waiting nothing can
// avoid: snapshot and the first version (F) before any invocation can start, clean-up (C) after the last one ends.
// So the table's (wall − F − C) / S should be at most 1.20.
// Every figure comes from a trace of the API calls of that very run.
//
//   npm run bench -- wall [--quick]

import { performance } from 'node:perf_hooks';
import { LambdaTarget, type PreparedVersion } from '../src/tuning/target.js';
import { newRunId } from '../src/tuning/run-state.js';
import { tune } from '../src/tuning/tuner.js';
import { realSleep } from '../src/lib/ports.js';
import type { TuningSettings } from '../src/types.js';
import {
  heading,
  machineNote,
  note,
  ratio,
  seconds,
  startBenchEmulator,
  table,
  tuningSettings,
  type BenchEmulator,
  type Call,
} from './lib.js';

export interface WallTimeOptions {
  repeats: number;
  invocations: number;
  /** The emulator's InProgress window after an update or a publish (Lambda takes about a second or more). */
  updateDelayMs: number;
}

export const WALL_TIME_DEFAULTS: WallTimeOptions = { repeats: 3, invocations: 10, updateDelayMs: 1000 };

/** The talk's CPU-bound workload: 10 × all primes ≤ 1M, about 70 ms of one vCPU, so about 1 s at 128 MB. */
const WORKLOAD = { sample: 'primes', environment: { PRIMES_N: '10', PRIMES_M: '1000000' } };
const POWER_VALUES_MB = [128, 256, 512, 1024, 1536];

/**
 * The original tool's shape with the engine's own LambdaTarget: prepare every version one after another, restore
 * $LATEST, then every power value's invocations serially, the power values side by side; then clean up.
 */
export async function originalShape(bench: BenchEmulator, settings: TuningSettings): Promise<void> {
  const target = new LambdaTarget(bench.client, settings.functionName, settings.region, {
    logger: bench.deps.logger,
    sleep: realSleep,
    runId: newRunId(),
    waiterMinDelaySec: bench.deps.waiterMinDelaySec,
  });
  const snapshot = await target.snapshot();
  const prepared: PreparedVersion[] = [];
  try {
    for (const memoryMb of settings.powerValuesMb) prepared.push(await target.prepareVersion(snapshot, memoryMb));
    await target.restore(snapshot);
    await Promise.all(
      prepared.map(async (version) => {
        for (let i = 0; i < settings.invocationsPerValue; i++)
          await target.invoke(snapshot.functionArn, version.alias, '{}');
      }),
    );
  } finally {
    await target.cleanup(snapshot.functionArn, prepared);
    await target.restore(snapshot);
  }
}

interface Timeline {
  wallMs: number;
  /** Per memory size, ms since the start: alias created, first invocation started, last invocation ended. */
  rows: {
    memoryMb: number;
    aliasReadyMs: number;
    firstInvokeMs: number;
    lastInvokeEndMs: number;
    invokeSpanMs: number;
  }[];
  /** Start → first invocation; last invocation → end. */
  headMs: number;
  tailMs: number;
  conflicts: number;
  controlPlaneCalls: number;
}

function timelineOf(calls: readonly Call[], startMs: number, endMs: number): Timeline {
  const invokes = calls.filter((call) => call.operation === 'Invoke');
  const rows = POWER_VALUES_MB.map((memoryMb) => {
    const mine = invokes.filter((call) => call.alias?.endsWith(`-${memoryMb}`));
    const alias = calls.find((call) => call.operation === 'CreateAlias' && call.alias?.endsWith(`-${memoryMb}`));
    const first = Math.min(...mine.map((call) => call.startMs));
    const last = Math.max(...mine.map((call) => call.endMs));
    return {
      memoryMb,
      aliasReadyMs: (alias?.endMs ?? NaN) - startMs,
      firstInvokeMs: first - startMs,
      lastInvokeEndMs: last - startMs,
      invokeSpanMs: last - first,
    };
  });
  const firstInvoke = Math.min(...invokes.map((call) => call.startMs));
  const lastInvokeEnd = Math.max(...invokes.map((call) => call.endMs));
  return {
    wallMs: endMs - startMs,
    rows,
    headMs: firstInvoke - startMs,
    tailMs: endMs - lastInvokeEnd,
    conflicts: calls.filter((call) => call.error === 'ResourceConflictException').length,
    controlPlaneCalls: calls.filter((call) => call.operation !== 'Invoke').length,
  };
}

async function measure(
  bench: BenchEmulator,
  shape: 'engine' | 'original',
  settings: TuningSettings,
): Promise<Timeline> {
  bench.trace.reset();
  const startMs = performance.now();
  if (shape === 'engine') await tune(settings, bench.deps);
  else await originalShape(bench, settings);
  return timelineOf(bench.trace.calls, startMs, performance.now());
}

export async function runWallTime(options: WallTimeOptions = WALL_TIME_DEFAULTS): Promise<void> {
  heading('1. Wall time: the engine against the original tool’s shape');
  const bench = await startBenchEmulator({ updateDelayMs: options.updateDelayMs });
  try {
    await bench.emulator.createFunction({
      name: 'wall-primes',
      sample: WORKLOAD.sample,
      memoryMb: 1024,
      timeoutSec: 60,
      environment: WORKLOAD.environment,
    });
    const settings = tuningSettings('wall-primes', bench.emulator, {
      powerValuesMb: POWER_VALUES_MB,
      invocationsPerValue: options.invocations,
    });
    const loadBefore = machineNote();
    const results: { shape: string; timeline: Timeline }[] = [];
    // Alternate the two shapes so a change in the machine's load hits both alike.
    for (let repeat = 1; repeat <= options.repeats; repeat++) {
      for (const shape of ['engine', 'original'] as const) {
        note(`wall time: ${shape} shape, repeat ${repeat} of ${options.repeats}`);
        results.push({ shape, timeline: await measure(bench, shape, settings) });
      }
    }
    console.log(
      `primes (10 × all primes ≤ 1M) at ${POWER_VALUES_MB.join(', ')} MB, ${options.invocations} serial invocations each; ` +
        `emulator InProgress window ${options.updateDelayMs} ms after each update and publish; ${results.length} runs alternating.`,
    );
    console.log(`Before: ${loadBefore}. After: ${machineNote()}.\n`);

    const last = (shape: string) => [...results].reverse().find((entry) => entry.shape === shape)?.timeline;
    for (const shape of ['engine', 'original']) {
      const timeline = last(shape);
      if (!timeline) continue;
      console.log(`Timeline of the last ${shape}-shape run (seconds from its start):`);
      console.log(
        table(
          ['memory', 'alias ready', 'first invoke', 'last invoke end', 'invoking'],
          timeline.rows.map((row) => [
            `${row.memoryMb} MB`,
            seconds(row.aliasReadyMs),
            seconds(row.firstInvokeMs),
            seconds(row.lastInvokeEndMs),
            seconds(row.invokeSpanMs),
          ]),
        ),
      );
      console.log('');
    }

    const rows = results.map(({ shape, timeline }) => {
      const slowestMs = Math.max(...timeline.rows.map((row) => row.invokeSpanMs));
      // Unavoidable: nothing can be invoked before one version exists, and clean-up follows the last invocation.
      const firstVersionMs = timeline.rows[0]?.aliasReadyMs ?? NaN;
      const goal = (timeline.wallMs - firstVersionMs - timeline.tailMs) / slowestMs;
      return [
        shape,
        seconds(timeline.wallMs),
        seconds(slowestMs),
        seconds(firstVersionMs),
        seconds(timeline.headMs),
        seconds(timeline.tailMs),
        ratio(goal),
        String(timeline.conflicts),
        String(timeline.controlPlaneCalls),
      ];
    });
    console.log(
      table(
        [
          'shape',
          'wall',
          'slowest invoking (S)',
          'first version (F)',
          'to 1st invoke',
          'clean-up (C)',
          '(wall − F − C) / S',
          'conflicts',
          'control-plane calls',
        ],
        rows,
      ),
    );
    const engineWall = results.filter((entry) => entry.shape === 'engine').map((entry) => entry.timeline.wallMs);
    const originalWall = results.filter((entry) => entry.shape === 'original').map((entry) => entry.timeline.wallMs);
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    console.log(
      `\nengine / original wall time: ${ratio(mean(engineWall) / mean(originalWall))} (means of ${engineWall.length} runs each; ` +
        `goal for the engine: (wall − F − C) / S ≤ 1.20×)`,
    );
  } finally {
    await bench.close();
  }
}
