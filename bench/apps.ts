// Benchmark: a whole app in one step (issue 15), on the emulator, with the real SDK over HTTP.
//
//   1. 20 functions tuned in one step (runApp: a few at a time, one bound on invocations in flight, one
//      control-plane pace) against the same 20 tuned one after another as 20 single-function runs (runFlow, each
//      with its own pace, as 20 sequential steps would). Figures: wall time of each and their ratio, the busiest
//      second of control-plane requests as the emulator counted them, and the requests its 15-per-second quota
//      refused (the goal: 0).
//   2. The same 20 with a live twin each (a staging stack), 15 of them unchanged: invocations spent with the
//      unchanged check on (the default) and off (measure-unchanged), side by side in one run.
//
//   npm run bench -- apps [--quick]

import { performance } from 'node:perf_hooks';
import { runApp } from '../src/app/run.js';
import { runFlow } from '../src/flow.js';
import { gateSettings } from '../emulator/fixtures/settings.js';
import type { AppFunctionSettings, AppPlan, Settings } from '../src/types.js';
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
} from './lib.js';

export interface AppsOptions {
  functions: number;
  unchanged: number;
  invocations: number;
  parallelFunctions: number;
}

export const APPS_DEFAULTS: AppsOptions = { functions: 20, unchanged: 15, invocations: 5, parallelFunctions: 4 };

const WORK = { PRIMES_N: '2', PRIMES_M: '200000' };
const POWER_VALUES_MB = [256, 512, 1024];

export async function runApps(options: AppsOptions): Promise<void> {
  heading(`A whole app in one step: ${options.functions} functions (${machineNote()})`);
  await oneStepAgainstSequential(options);
  await unchangedSkipped(options);
}

async function oneStepAgainstSequential(options: AppsOptions): Promise<void> {
  const rows: string[][] = [];
  const wall: Record<string, number> = {};
  for (const shape of ['sequential', 'one step'] as const) {
    // A fresh emulator each: its quota counters and warm environments start from nothing on both sides.
    const bench = await startBenchEmulator({ updateDelayMs: 300, logger: () => {} });
    try {
      const names = await deploy(bench, 'fn', options.functions, () => WORK);
      const settings = names.map((name) => settingsFor(bench, name, options));
      note(`${shape}: tuning ${names.length} functions…`);
      const started = performance.now();
      if (shape === 'sequential') {
        for (const one of settings) {
          const outcome = await runFlow(one, { ...bench.deps });
          if (outcome.failure) note(`  ${one.tuning.functionName}: ${outcome.failure}`);
        }
      } else {
        const outcome = await runApp(appPlan(settings, options, true), { ...bench.deps });
        if (outcome.failure) note(`  ${outcome.failure}`);
      }
      wall[shape] = performance.now() - started;
      const stats = bench.emulator.stats();
      rows.push([
        shape,
        seconds(wall[shape] ?? NaN),
        String(stats.peakControlPlanePerSecond),
        String(stats.throttledByQuota),
        String(stats.requests.Invoke ?? 0),
      ]);
    } finally {
      await bench.close();
    }
  }
  console.log(
    table(['shape', 'wall time', 'busiest second (control plane)', 'throttled by the quota', 'invocations'], rows),
  );
  console.log(
    `\nOne step / sequential wall time: ${ratio((wall['one step'] ?? NaN) / (wall.sequential ?? NaN))} ` +
      `(${options.parallelFunctions} functions at a time; power values ${POWER_VALUES_MB.join(', ')} MB, ${options.invocations} invocations each)`,
  );
}

async function unchangedSkipped(options: AppsOptions): Promise<void> {
  const rows: string[][] = [];
  const invocations: Record<string, number> = {};
  for (const measureUnchanged of [true, false]) {
    const bench = await startBenchEmulator({ updateDelayMs: 300, logger: () => {} });
    try {
      // Staging twins with the same code; the first `functions − unchanged` PR functions do more work per request.
      const changed = options.functions - options.unchanged;
      const base = await deploy(bench, 'staging', options.functions, () => WORK);
      const pr = await deploy(bench, 'pr', options.functions, (index) =>
        index < changed ? { ...WORK, WORK_MULTIPLIER: '1.3' } : WORK,
      );
      const settings = pr.map((name, index) => {
        const one = settingsFor(bench, name, options);
        one.gate = { ...one.gate, baselineSource: 'function', baselineFunction: base[index] ?? '', maxInvocations: 0 };
        return one;
      });
      const label = measureUnchanged ? 'measure-unchanged: true' : 'unchanged skipped (default)';
      note(`${label}: tuning ${pr.length} functions against their twins…`);
      const started = performance.now();
      const outcome = await runApp(appPlan(settings, options, measureUnchanged), { ...bench.deps });
      const wallMs = performance.now() - started;
      const spent = bench.emulator.stats().requests.Invoke ?? 0;
      invocations[label] = spent;
      const skipped = outcome.functions.filter((fn) => fn.status === 'unchanged').length;
      rows.push([label, String(skipped), String(spent), seconds(wallMs), outcome.appVerdict?.level ?? 'none']);
    } finally {
      await bench.close();
    }
  }
  console.log(
    `\n${table(['run', 'functions skipped', 'invocations', 'wall time', 'app verdict'], rows)}\n` +
      `Invocations saved by skipping ${options.unchanged} unchanged of ${options.functions}: ` +
      `${(100 * (1 - (invocations['unchanged skipped (default)'] ?? NaN) / (invocations['measure-unchanged: true'] ?? NaN))).toFixed(0)} %`,
  );
}

/** Deploys `count` primes functions named `<prefix>-NN`. */
async function deploy(
  bench: BenchEmulator,
  prefix: string,
  count: number,
  environment: (index: number) => Record<string, string>,
): Promise<string[]> {
  const names: string[] = [];
  for (let index = 0; index < count; index++) {
    const name = `${prefix}-${String(index).padStart(2, '0')}`;
    await bench.emulator.createFunction({ name, sample: 'primes', memoryMb: 512, environment: environment(index) });
    names.push(name);
  }
  return names;
}

function settingsFor(bench: BenchEmulator, name: string, options: AppsOptions): Settings {
  return {
    tuning: tuningSettings(name, bench.emulator, {
      powerValuesMb: POWER_VALUES_MB,
      invocationsPerValue: options.invocations,
      concurrency: 10,
      resultsPath: `/tmp/lambda-power-gate-bench-apps/${name}/results.json`,
    }),
    gate: gateSettings({ key: name, baselineSource: 'none', baselineFile: undefined }),
    report: { mode: 'tune', commentMode: 'off', summary: false },
  };
}

/** The plan settings/app.ts would build for a `functions:` input of these functions. */
function appPlan(settings: Settings[], options: AppsOptions, measureUnchanged: boolean): AppPlan {
  const functions: AppFunctionSettings[] = settings.map((one, index) => ({
    key: one.tuning.functionName,
    origin: `functions line ${index + 1}`,
    settings: one,
  }));
  const shared = { ...(settings[0] as Settings) };
  shared.tuning = { ...shared.tuning, resultsPath: '/tmp/lambda-power-gate-bench-apps/app/results.json' };
  return {
    kind: 'app',
    key: 'bench-app',
    shared,
    functions,
    measureUnchanged,
    parallelFunctions: options.parallelFunctions,
    settingsFor: () => {
      throw new Error('no stack in this bench');
    },
  };
}
