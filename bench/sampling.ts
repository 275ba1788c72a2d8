// Benchmark 2: adaptive sampling against fixed n = 50 — invocations spent, and how often the recommendations agree.
//
// Part A, seeded repeats. For each workload the real engine records a pool of samples per memory size on the
// emulator (tune() with a large fixed n: the emulator's natural noise, REPORT lines parsed as in any run). Each
// repeat then draws from those pools with a seeded PRNG: fixed sampling draws 50 per memory size; adaptive sampling
// runs the very decision the tuner runs (planNextRound from src/tuning/adaptive.ts) and draws only what it asks
// for; a second, independent fixed draw shows how often fixed n = 50 agrees with itself, the ceiling for any
// agreement with it. "Pool" is the recommendation from every recorded sample. The strategies are replayed on the
// same pools, so workloads × strategies cost one recording each.
//
// Part B, live runs: tune() on the emulator with sampling adaptive (cap 50) and fixed n = 50, alternating, to
// check the replay against real rounds (warm environments, the machine's drift between rounds, wall time).
//
//   npm run bench -- sampling [--quick] [--policy-grid]

import { performance } from 'node:perf_hooks';
import { adaptivePolicy, planNextRound, type AdaptivePolicy } from '../src/tuning/adaptive.js';
import { recommend } from '../src/tuning/analyze.js';
import { pricesFor } from '../src/tuning/pricing.js';
import { summarisePowerValue } from '../src/tuning/summary.js';
import { tune } from '../src/tuning/tuner.js';
import type { PowerValueResult, Prices, Sample, SamplingStopReason, TuningSettings } from '../src/types.js';
import {
  heading,
  machineNote,
  note,
  percent,
  seconds,
  seededRandom,
  startBenchEmulator,
  table,
  tuningSettings,
  type BenchEmulator,
} from './lib.js';
import { tuningSettings as defaultTuningSettings } from '../emulator/fixtures/settings.js';

export interface SamplingOptions {
  /** Seeded repeats per scenario. */
  repeats: number;
  /** Samples recorded per memory size for the pools. */
  poolSize: number;
  /** Live runs per mode and workload. */
  liveRuns: number;
  fixedInvocations: number;
  /** Also replay other first-round sizes and growth factors (how the policy's constants were chosen). */
  policyGrid: boolean;
}

export const SAMPLING_DEFAULTS: SamplingOptions = {
  repeats: 400,
  poolSize: 200,
  liveRuns: 3,
  fixedInvocations: 50,
  policyGrid: false,
};

/** Alternatives to adaptivePolicy()'s first round (a fifth of the cap) and growth (× 1.5), for --policy-grid. */
const POLICY_GRID = [
  { initialInvocations: 5, growth: 1.5 },
  { initialInvocations: 10, growth: 1.5 },
  { initialInvocations: 15, growth: 1.5 },
  { initialInvocations: 10, growth: 1.3 },
  { initialInvocations: 10, growth: 2 },
];

const POWER_VALUES_MB = [128, 256, 512, 1024, 1536, 3008];
const CONFIDENCES = [0.9, 0.95, 0.99];

export interface Workload {
  name: string;
  sample: string;
  environment: Record<string, string>;
  what: string;
}

export const WORKLOADS: Workload[] = [
  { name: 'noop', sample: 'noop', environment: {}, what: 'no-op (< 1 ms)' },
  {
    name: 'network',
    sample: 'network',
    environment: { NETWORK_LATENCY_MS: '20' },
    what: 'network-bound (waits 20 ms)',
  },
  {
    name: 'primes',
    sample: 'primes',
    environment: { PRIMES_N: '1', PRIMES_M: '1000000' },
    what: 'CPU-bound (all primes ≤ 1M, ~7 ms of a vCPU)',
  },
];

export interface Scenario {
  workload: string;
  strategy: TuningSettings['strategy'];
  /** Set from the pool for the percentile strategy. */
  percentileLimit?: TuningSettings['percentileLimit'];
}

export const SCENARIOS: Scenario[] = [
  { workload: 'noop', strategy: 'cost' },
  { workload: 'noop', strategy: 'speed' },
  { workload: 'network', strategy: 'cost' },
  { workload: 'network', strategy: 'balanced' },
  { workload: 'primes', strategy: 'speed' },
  { workload: 'primes', strategy: 'cost' },
  { workload: 'primes', strategy: 'balanced' },
  { workload: 'primes', strategy: 'percentile' },
];

/** Recorded samples of one memory size: the cold start first, then the warm ones. */
export interface Pool {
  memoryMb: number;
  cold: Sample[];
  warm: Sample[];
}

export async function recordPools(bench: BenchEmulator, workload: Workload, poolSize: number): Promise<Pool[]> {
  const name = `pool-${workload.name}`;
  await bench.emulator.createFunction({
    name,
    sample: workload.sample,
    memoryMb: 1024,
    timeoutSec: 60,
    environment: workload.environment,
  });
  const result = await tune(
    tuningSettings(name, bench.emulator, { powerValuesMb: POWER_VALUES_MB, invocationsPerValue: poolSize }),
    bench.deps,
  );
  return result.powerValues.map((entry) => ({
    memoryMb: entry.memoryMb,
    cold: entry.samples.filter((sample) => sample.coldStart && sample.errorType === undefined),
    warm: entry.samples.filter((sample) => !sample.coldStart && sample.errorType === undefined),
  }));
}

/** The samples of `count` more invocations: a cold start first when none was drawn yet, as a fresh version has. */
function draw(pool: Pool, alreadyDrawn: number, count: number, random: () => number): Sample[] {
  const samples: Sample[] = [];
  for (let i = 0; i < count; i++) {
    const source = alreadyDrawn + i === 0 && pool.cold.length > 0 ? pool.cold : pool.warm;
    const sample = source[Math.floor(random() * source.length)];
    if (sample) samples.push(sample);
  }
  return samples;
}

function settingsFor(scenario: Scenario): TuningSettings {
  return {
    ...tuningSettingsTemplate,
    strategy: scenario.strategy,
    ...(scenario.percentileLimit ? { percentileLimit: scenario.percentileLimit } : {}),
  };
}

const tuningSettingsTemplate: TuningSettings = defaultTuningSettings({
  functionName: 'replay',
  powerValuesMb: POWER_VALUES_MB,
  invocationsPerValue: 50,
  concurrency: 10,
});

function summarise(pool: Pool, samples: Sample[], settings: TuningSettings, prices: Prices): PowerValueResult {
  return summarisePowerValue(pool.memoryMb, samples, settings, prices);
}

function recommendOf(powerValues: PowerValueResult[], settings: TuningSettings): number | null {
  return recommend(powerValues, settings)?.memoryMb ?? null;
}

function fixedReplay(
  pools: Pool[],
  settings: TuningSettings,
  prices: Prices,
  n: number,
  random: () => number,
): number | null {
  return recommendOf(
    pools.map((pool) => summarise(pool, draw(pool, 0, n, random), settings, prices)),
    settings,
  );
}

interface AdaptiveOutcome {
  memoryMb: number | null;
  invocations: number;
  rounds: number;
  stopReason: SamplingStopReason;
}

/** The tuner's rounds (tuning/rounds/adaptive.ts sampleUntilSettled), drawing from the pools instead of invoking. */
export function adaptiveReplay(
  pools: Pool[],
  settings: TuningSettings,
  prices: Prices,
  policy: AdaptivePolicy,
  random: () => number,
): AdaptiveOutcome {
  let results = pools.map((pool) =>
    summarise(pool, draw(pool, 0, policy.initialInvocations, random), settings, prices),
  );
  for (let rounds = 1; ; rounds++) {
    const next = planNextRound(results, settings, prices, policy);
    if (next.stopReason !== undefined) {
      const invocations = results.reduce((total, entry) => total + entry.invocations, 0);
      return { memoryMb: recommendOf(results, settings), invocations, rounds, stopReason: next.stopReason };
    }
    results = results.map((entry, index) => {
      const count = next.additions.get(entry.memoryMb);
      const pool = pools[index];
      if (!count || !pool) return entry;
      return summarise(pool, [...entry.samples, ...draw(pool, entry.invocations, count, random)], settings, prices);
    });
  }
}

interface ScenarioOutcome {
  scenario: Scenario;
  poolMb: number | null;
  fixedMatchesPool: number;
  fixedMatchesFixed: number;
  adaptiveMatchesFixed: number;
  adaptiveMatchesPool: number;
  meanInvocations: number;
  fixedInvocationsTotal: number;
  settledShare: number;
  meanRounds: number;
}

export function replayScenario(
  pools: Pool[],
  scenario: Scenario,
  prices: Prices,
  options: SamplingOptions,
  confidence: number,
  policy: AdaptivePolicy = adaptivePolicy(options.fixedInvocations, confidence),
): ScenarioOutcome {
  const settings = { ...settingsFor(scenario), invocationsPerValue: options.fixedInvocations };
  const poolMb = recommendOf(
    pools.map((pool) => summarise(pool, [...pool.cold.slice(0, 1), ...pool.warm], settings, prices)),
    settings,
  );
  let fixedMatchesPool = 0;
  let fixedMatchesFixed = 0;
  let adaptiveMatchesFixed = 0;
  let adaptiveMatchesPool = 0;
  let invocations = 0;
  let settled = 0;
  let rounds = 0;
  for (let seed = 1; seed <= options.repeats; seed++) {
    // Three independent streams per repeat, so each side's draws do not depend on how many the others made.
    const fixed = fixedReplay(pools, settings, prices, options.fixedInvocations, seededRandom(seed * 3));
    const fixedAgain = fixedReplay(pools, settings, prices, options.fixedInvocations, seededRandom(seed * 3 + 1));
    const adaptive = adaptiveReplay(pools, settings, prices, policy, seededRandom(seed * 3 + 2));
    if (fixed === poolMb) fixedMatchesPool++;
    if (fixed === fixedAgain) fixedMatchesFixed++;
    if (adaptive.memoryMb === fixed) adaptiveMatchesFixed++;
    if (adaptive.memoryMb === poolMb) adaptiveMatchesPool++;
    invocations += adaptive.invocations;
    rounds += adaptive.rounds;
    if (adaptive.stopReason === 'settled') settled++;
  }
  const n = options.repeats;
  return {
    scenario,
    poolMb,
    fixedMatchesPool: fixedMatchesPool / n,
    fixedMatchesFixed: fixedMatchesFixed / n,
    adaptiveMatchesFixed: adaptiveMatchesFixed / n,
    adaptiveMatchesPool: adaptiveMatchesPool / n,
    meanInvocations: invocations / n,
    fixedInvocationsTotal: options.fixedInvocations * pools.length,
    settledShare: settled / n,
    meanRounds: rounds / n,
  };
}

/** A p90 limit halfway between 256 and 512 MB's pool p90: sizes from 512 MB up meet it, 128 and 256 MB do not. */
export function percentileLimitFrom(pools: Pool[]): TuningSettings['percentileLimit'] {
  const p90 = (memoryMb: number) => {
    const warm = [...(pools.find((pool) => pool.memoryMb === memoryMb)?.warm ?? [])]
      .map((s) => s.durationMs)
      .sort((a, b) => a - b);
    return warm[Math.floor(warm.length * 0.9)] ?? NaN;
  };
  return { percentile: 90, maxDurationMs: Math.round((p90(256) + p90(512)) / 2) };
}

const label = (scenario: Scenario) =>
  `${scenario.workload} / ${scenario.strategy}${scenario.percentileLimit ? ` p${scenario.percentileLimit.percentile}≤${scenario.percentileLimit.maxDurationMs}ms` : ''}`;
const mb = (memoryMb: number | null) => (memoryMb === null ? 'none' : `${memoryMb} MB`);

async function liveRuns(bench: BenchEmulator, options: SamplingOptions): Promise<void> {
  const live: { workload: Workload; strategy: TuningSettings['strategy'] }[] = [
    { workload: WORKLOADS[0] as Workload, strategy: 'cost' },
    { workload: WORKLOADS[2] as Workload, strategy: 'speed' },
  ];
  const rows: string[][] = [];
  for (const { workload, strategy } of live) {
    const name = `live-${workload.name}`;
    await bench.emulator.createFunction({
      name,
      sample: workload.sample,
      memoryMb: 1024,
      timeoutSec: 60,
      environment: workload.environment,
    });
    for (let run = 1; run <= options.liveRuns; run++) {
      for (const sampling of ['fixed', 'adaptive'] as const) {
        note(`sampling: live ${workload.name} / ${strategy}, ${sampling}, run ${run} of ${options.liveRuns}`);
        const settings = tuningSettings(name, bench.emulator, {
          powerValuesMb: POWER_VALUES_MB,
          invocationsPerValue: options.fixedInvocations,
          strategy,
          ...(sampling === 'adaptive' ? { sampling, samplingConfidence: 0.95 } : {}),
        });
        const started = performance.now();
        const result = await tune(settings, bench.deps);
        const wallMs = performance.now() - started;
        const invocations = result.powerValues.reduce((total, entry) => total + entry.invocations, 0);
        rows.push([
          `${workload.name} / ${strategy}`,
          sampling,
          mb(result.recommendation?.memoryMb ?? null),
          `${invocations}`,
          result.powerValues.map((entry) => entry.invocations).join(' '),
          result.sampling ? `${result.sampling.rounds}, ${result.sampling.stopReason}` : '—',
          seconds(wallMs),
        ]);
      }
    }
  }
  console.log(
    table(
      ['workload / strategy', 'sampling', 'recommends', 'invocations', 'per memory size', 'rounds, stop', 'wall'],
      rows,
    ),
  );
}

export async function runSampling(options: SamplingOptions = SAMPLING_DEFAULTS): Promise<void> {
  heading('2. Adaptive sampling against fixed n = 50');
  const bench = await startBenchEmulator({ updateDelayMs: 200 });
  const prices = pricesFor('us-east-1', 'x86_64');
  try {
    const before = machineNote();
    const pools = new Map<string, Pool[]>();
    for (const workload of WORKLOADS) {
      note(`sampling: recording ${options.poolSize} samples per memory size of ${workload.name}`);
      pools.set(workload.name, await recordPools(bench, workload, options.poolSize));
    }
    const recorded = machineNote();
    const scenarios = SCENARIOS.map((scenario) =>
      scenario.strategy === 'percentile'
        ? { ...scenario, percentileLimit: percentileLimitFrom(pools.get(scenario.workload) ?? []) }
        : scenario,
    );

    console.log(
      `A. Seeded repeats: ${options.repeats} per scenario, drawn from ${options.poolSize} recorded samples per memory size ` +
        `(${POWER_VALUES_MB.join(', ')} MB); fixed n = ${options.fixedInvocations} (${options.fixedInvocations * POWER_VALUES_MB.length} invocations); ` +
        `adaptive: cap ${options.fixedInvocations}, first round ${adaptivePolicy(options.fixedInvocations).initialInvocations}, rounds × ${adaptivePolicy(options.fixedInvocations).growth}.`,
    );
    for (const workload of WORKLOADS) console.log(`  ${workload.name}: ${workload.what}`);
    console.log(`Recording: before ${before}; after ${recorded}.\n`);

    const outcomes = new Map<number, ScenarioOutcome[]>();
    for (const confidence of CONFIDENCES) {
      outcomes.set(
        confidence,
        scenarios.map((scenario) =>
          replayScenario(pools.get(scenario.workload) ?? [], scenario, prices, options, confidence),
        ),
      );
    }
    const main = outcomes.get(0.95) ?? [];
    console.log('At confidence 0.95 (the default):');
    console.log(
      table(
        [
          'workload / strategy',
          'pool says',
          'fixed = pool',
          'fixed = fixed',
          'adaptive = fixed',
          'adaptive = pool',
          'adaptive invocations',
          'settled',
          'rounds',
        ],
        main.map((o) => [
          label(o.scenario),
          mb(o.poolMb),
          percent(o.fixedMatchesPool),
          percent(o.fixedMatchesFixed),
          percent(o.adaptiveMatchesFixed),
          percent(o.adaptiveMatchesPool),
          `${o.meanInvocations.toFixed(0)} of ${o.fixedInvocationsTotal} (${percent(o.meanInvocations / o.fixedInvocationsTotal)})`,
          percent(o.settledShare),
          o.meanRounds.toFixed(1),
        ]),
      ),
    );
    console.log(
      '\n"fixed = fixed": two independent fixed n = 50 draws agree — the most any method can agree with fixed n = 50.' +
        '\n"settled": the share of repeats where adaptive sampling stopped because no interval overlapped the leader’s (else it hit the cap).',
    );

    console.log('\nBy confidence (adaptive = fixed, and invocations as a share of fixed n = 50):');
    console.log(
      table(
        ['workload / strategy', ...CONFIDENCES.flatMap((c) => [`${c}: = fixed`, `${c}: spent`])],
        scenarios.map((scenario, index) => [
          label(scenario),
          ...CONFIDENCES.flatMap((c) => {
            const o = outcomes.get(c)?.[index];
            return o
              ? [percent(o.adaptiveMatchesFixed), percent(o.meanInvocations / o.fixedInvocationsTotal)]
              : ['', ''];
          }),
        ]),
      ),
    );
    const overall = (key: 'adaptiveMatchesFixed' | 'fixedMatchesFixed') =>
      main.reduce((total, o) => total + o[key], 0) / main.length;
    const spent =
      main.reduce((total, o) => total + o.meanInvocations, 0) /
      main.reduce((total, o) => total + o.fixedInvocationsTotal, 0);
    const clear = main.filter((o) => o.fixedMatchesFixed >= 0.95);
    console.log(
      `\nOver all ${main.length} scenarios at 0.95: adaptive = fixed in ${percent(overall('adaptiveMatchesFixed'))} of repeats ` +
        `(fixed = fixed ${percent(overall('fixedMatchesFixed'))}), spending ${percent(spent)} of fixed’s invocations.` +
        (clear.length > 0
          ? ` Where fixed n = 50 is itself reproducible (fixed = fixed ≥ 95 %: ${clear.map((o) => label(o.scenario)).join('; ')}): adaptive = fixed in ` +
            `${percent(clear.reduce((t, o) => t + o.adaptiveMatchesFixed, 0) / clear.length)}, spending ` +
            `${percent(clear.reduce((t, o) => t + o.meanInvocations, 0) / clear.reduce((t, o) => t + o.fixedInvocationsTotal, 0))}.`
          : ''),
    );

    if (options.policyGrid) {
      console.log('\nOther policies at confidence 0.95 (adaptive = fixed / invocations as a share of fixed n = 50):');
      console.log(
        table(
          ['workload / strategy', ...POLICY_GRID.map((p) => `first ${p.initialInvocations}, × ${p.growth}`)],
          scenarios.map((scenario) => [
            label(scenario),
            ...POLICY_GRID.map((p) => {
              const policy = { confidence: 0.95, maxInvocations: options.fixedInvocations, ...p };
              const o = replayScenario(pools.get(scenario.workload) ?? [], scenario, prices, options, 0.95, policy);
              return `${percent(o.adaptiveMatchesFixed)} / ${percent(o.meanInvocations / o.fixedInvocationsTotal)}`;
            }),
          ]),
        ),
      );
    }

    console.log(
      `\nB. Live runs on the emulator (InProgress window 200 ms), alternating fixed and adaptive; ${machineNote()}:`,
    );
    await liveRuns(bench, options);
  } finally {
    await bench.close();
  }
}
