// Benchmark 2: sampling judged by regret — how much worse the recommended memory size is than the best one, and
// how many invocations it took, for fixed n = 10, fixed n = 50 and adaptive sampling.
//
// Regret: for each scenario (workload × strategy) the truth is what the strategy ranks by, measured on every
// recorded sample of every memory size: the expected cost per invocation (cold starts priced in, as the
// recommendation ranks it) for cost, the trimmed-mean duration for speed, the balanced score for balanced, the
// expected cost of the sizes whose pool p90 meets the limit for percentile. A run's regret is its pick's figure over
// the best one, minus 1: 0 % when it picked the best or a size tied with it, and infinite ("miss") when it picked a
// size that misses the percentile limit or picked none. On a statistical tie every tied pick has ~0 regret, which
// is why regret, not agreement with another run, is the measure.
//
// Pools: for each workload the real engine records `poolSize` samples per memory size on the emulator (tune() with a
// large fixed n: the emulator's natural noise, REPORT lines parsed as in any run), stored in
// bench/data/sampling-pools.json so the replays are reproducible. Each seeded repeat draws from those pools: fixed
// sampling draws n per memory size; adaptive sampling runs the very decision the tuner runs (planNextRound from
// src/tuning/adaptive.ts) and draws only what it asks for; the recommendation is made as the tuner makes it (cold
// starts priced in: withColdStartCosts, then recommend). Every method gets its own random stream per repeat.
//
// Live runs (--live): tune() on the emulator with sampling adaptive (cap 50) and fixed n = 50, alternating, to check
// the replay against real rounds (warm environments, the machine's drift between rounds, wall time). Their regret
// is judged against one run of n = 200 made just before (itself measured at one time: a rough truth).
//
//   npm run bench -- sampling [--quick] [--policy-grid] [--live] [--record]
//     --record       record the pools anew on the emulator (about 4 minutes on 2 cores) and store them
//     --policy-grid  also replay other first rounds, growth factors and tie margins (how the defaults were chosen)

import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { adaptivePolicy, planNextRound, type AdaptivePolicy } from '../src/tuning/adaptive.js';
import { candidatesOf, durationPercentileMs, recommend, type Candidate } from '../src/tuning/analyze.js';
import { resolvedColdStartRate, withColdStartCosts } from '../src/tuning/cold-cost.js';
import { clampBalancedWeight } from '../src/tuning/plan.js';
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
  /** Samples recorded per memory size for the pools (with --record). */
  poolSize: number;
  /** Live runs per mode and workload (with --live). */
  liveRuns: number;
  /** The cap of adaptive sampling and the n it is judged against. */
  fixedInvocations: number;
  /** Also replay other policies. */
  policyGrid: boolean;
  /** Record the pools anew (else the stored ones are replayed). */
  record: boolean;
  live: boolean;
  /** Where the pools are stored. */
  poolsPath: string;
}

export const SAMPLING_DEFAULTS: SamplingOptions = {
  repeats: 1000,
  poolSize: 200,
  liveRuns: 5,
  fixedInvocations: 50,
  policyGrid: false,
  record: false,
  live: false,
  poolsPath: new URL('./data/sampling-pools.json', import.meta.url).pathname,
};

/** The goal for adaptive sampling as the default (issue 20): p99 regret ≤ 1 % in every scenario, ≤ 40 % of fixed n = 50. */
const GOAL_P99_REGRET = 0.01;
const GOAL_SHARE_OF_FIXED = 0.4;
/** The fixed sample sizes adaptive sampling is shown against: today's `invocations` default, and the cap. */
const SMALL_FIXED_N = 10;
/** The live runs' truth: one run of this many invocations per memory size, before the runs it judges. */
const LIVE_TRUTH_N = 200;

/** Alternatives to adaptivePolicy()'s confidence, first round, growth, tie margin and cap, for --policy-grid. */
function policyGrid(cap: number): (AdaptivePolicy & { label: string })[] {
  const base = adaptivePolicy(cap);
  const grid: AdaptivePolicy[] = [
    { ...base, tieMargin: 0 },
    base,
    { ...base, tieMargin: 0.01 },
    { ...base, initialInvocations: 5 },
    { ...base, initialInvocations: 8 },
    { ...base, initialInvocations: 15 },
    { ...base, growth: 2 },
    { ...base, confidence: 0.99 },
    { ...base, maxInvocations: 30, initialInvocations: 6 },
    { ...base, maxInvocations: 100, initialInvocations: 10 },
  ];
  return grid.map((p) => ({
    ...p,
    label:
      `cap ${p.maxInvocations}, first ${p.initialInvocations}, × ${p.growth}, margin ${(p.tieMargin * 100).toFixed(2)} %, ${p.confidence}` +
      (JSON.stringify(p) === JSON.stringify(base) ? ' (default)' : ''),
  }));
}

const POWER_VALUES_MB = [128, 256, 512, 1024, 1536, 3008];

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
    what: 'CPU-bound, one thread (all primes ≤ 1M, ~7 ms of a vCPU)',
  },
  {
    name: 'flat',
    sample: 'multithread',
    environment: { THREADS: '2', MULTITHREAD_LIMIT: '150000' },
    what: 'CPU-bound on two threads: duration × memory, so cost, stays about flat from 128 to 3008 MB (ties are the rule)',
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
  { workload: 'flat', strategy: 'cost' },
  { workload: 'flat', strategy: 'balanced' },
  { workload: 'flat', strategy: 'percentile' },
];

/** Recorded samples of one memory size: its cold starts, and the warm ones. */
export interface Pool {
  memoryMb: number;
  cold: Sample[];
  warm: Sample[];
}

interface StoredPools {
  collectedAt: string;
  machine: string;
  poolSize: number;
  workloads: { name: string; what: string; pools: Pool[] }[];
}

/** What the figures use of a sample, durations to the microsecond (the emulator's own resolution is 10 µs). */
function storedSample(sample: Sample): Sample {
  const round = (value: number) => Math.round(value * 1000) / 1000;
  return {
    durationMs: round(sample.durationMs),
    billedDurationMs: sample.billedDurationMs,
    ...(sample.initDurationMs !== undefined ? { initDurationMs: round(sample.initDurationMs) } : {}),
    ...(sample.maxMemoryUsedMb !== undefined ? { maxMemoryUsedMb: sample.maxMemoryUsedMb } : {}),
    payloadIndex: sample.payloadIndex,
    coldStart: sample.coldStart,
  };
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
    cold: entry.samples.filter((sample) => sample.coldStart && sample.errorType === undefined).map(storedSample),
    warm: entry.samples.filter((sample) => !sample.coldStart && sample.errorType === undefined).map(storedSample),
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

const tuningSettingsTemplate: TuningSettings = defaultTuningSettings({
  functionName: 'replay',
  powerValuesMb: POWER_VALUES_MB,
  invocationsPerValue: 50,
  concurrency: 10,
});

function settingsFor(scenario: Scenario): TuningSettings {
  return {
    ...tuningSettingsTemplate,
    strategy: scenario.strategy,
    ...(scenario.percentileLimit ? { percentileLimit: scenario.percentileLimit } : {}),
  };
}

function summarise(pool: Pool, samples: Sample[], settings: TuningSettings, prices: Prices): PowerValueResult {
  return summarisePowerValue(pool.memoryMb, samples, settings, prices);
}

/** As the tuner's summary (summary.ts) recommends: cold starts priced in, then the strategy. */
function recommendOf(powerValues: PowerValueResult[], settings: TuningSettings, prices: Prices): number | null {
  const priced = withColdStartCosts(powerValues, resolvedColdStartRate(settings.coldStartRate), prices, settings);
  return recommend(priced, settings)?.memoryMb ?? null;
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
    prices,
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
      return { memoryMb: recommendOf(results, settings, prices), invocations, rounds, stopReason: next.stopReason };
    }
    results = results.map((entry, index) => {
      const count = next.additions.get(entry.memoryMb);
      const pool = pools[index];
      if (!count || !pool) return entry;
      return summarise(pool, [...entry.samples, ...draw(pool, entry.invocations, count, random)], settings, prices);
    });
  }
}

// ---------------------------------------------------------------------------------------------------------
// Regret

/** Per memory size, what the strategy ranks by on every recorded sample (lower is better; Infinity: misses the limit). */
export function truthOf(pools: Pool[], settings: TuningSettings, prices: Prices): Map<number, number> {
  const all = pools.map((pool) => summarise(pool, [...pool.cold, ...pool.warm], settings, prices));
  const candidates = candidatesOf(
    withColdStartCosts(all, resolvedColdStartRate(settings.coldStartRate), prices, settings),
  );
  const maxCostUsd = Math.max(...candidates.map((c) => c.costUsd));
  const maxDurationMs = Math.max(...candidates.map((c) => c.durationMs));
  const weight = clampBalancedWeight(settings.balancedWeight);
  const figure = (c: Candidate): number => {
    switch (settings.strategy) {
      case 'cost':
        return c.costUsd;
      case 'speed':
        return c.durationMs;
      case 'balanced':
        return weight * (c.costUsd / maxCostUsd) + (1 - weight) * (c.durationMs / maxDurationMs);
      case 'percentile': {
        const limit = settings.percentileLimit;
        if (!limit) return Infinity;
        return durationPercentileMs(c.result, limit.percentile, settings) <= limit.maxDurationMs ? c.costUsd : Infinity;
      }
    }
  };
  return new Map(candidates.map((c) => [c.memoryMb, figure(c)]));
}

/** The pick's figure over the best one, minus 1; Infinity for no pick or a pick that misses the limit. */
function regretOf(truth: Map<number, number>, pickMb: number | null): number {
  const best = Math.min(...truth.values());
  const figure = pickMb === null ? Infinity : (truth.get(pickMb) ?? Infinity);
  return figure === Infinity ? Infinity : figure / best - 1;
}

/** Nearest-rank quantile (q in 0..1) of values sorted ascending. */
function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? NaN;
}

interface MethodOutcome {
  /** Sorted ascending. */
  regrets: number[];
  meanInvocations: number;
  /** Adaptive only: the share of repeats per stop reason. */
  stops?: Partial<Record<SamplingStopReason, number>>;
  meanRounds?: number;
}

interface ScenarioOutcome {
  scenario: Scenario;
  bestMb: number;
  /** The best memory size's figure (USD, ms or score). */
  bestFigure: number;
  fixedSmall: MethodOutcome;
  fixedCap: MethodOutcome;
  adaptive: MethodOutcome;
  fixedCapInvocations: number;
}

export function replayScenario(
  pools: Pool[],
  scenario: Scenario,
  prices: Prices,
  options: SamplingOptions,
  policy: AdaptivePolicy = adaptivePolicy(options.fixedInvocations),
  methods: 'all' | 'adaptive' = 'all',
): ScenarioOutcome {
  const settings = { ...settingsFor(scenario), invocationsPerValue: options.fixedInvocations };
  const truth = truthOf(pools, settings, prices);
  const [bestMb, bestFigure] = [...truth].reduce((a, b) => (b[1] < a[1] ? b : a));
  const small: number[] = [];
  const cap: number[] = [];
  const adaptive: number[] = [];
  const stops: Partial<Record<SamplingStopReason, number>> = {};
  let invocations = 0;
  let rounds = 0;
  for (let seed = 1; seed <= options.repeats; seed++) {
    // Independent streams per method, so one method's draws never depend on how many another made.
    if (methods === 'all') {
      small.push(regretOf(truth, fixedReplay(pools, settings, prices, SMALL_FIXED_N, seededRandom(seed * 3))));
      cap.push(
        regretOf(truth, fixedReplay(pools, settings, prices, options.fixedInvocations, seededRandom(seed * 3 + 1))),
      );
    }
    const outcome = adaptiveReplay(pools, settings, prices, policy, seededRandom(seed * 3 + 2));
    adaptive.push(regretOf(truth, outcome.memoryMb));
    invocations += outcome.invocations;
    rounds += outcome.rounds;
    stops[outcome.stopReason] = (stops[outcome.stopReason] ?? 0) + 1 / options.repeats;
  }
  const sorted = (values: number[]) => values.sort((a, b) => a - b);
  const n = options.repeats;
  return {
    scenario,
    bestMb,
    bestFigure,
    fixedSmall: { regrets: sorted(small), meanInvocations: SMALL_FIXED_N * pools.length },
    fixedCap: { regrets: sorted(cap), meanInvocations: options.fixedInvocations * pools.length },
    adaptive: { regrets: sorted(adaptive), meanInvocations: invocations / n, stops, meanRounds: rounds / n },
    fixedCapInvocations: options.fixedInvocations * pools.length,
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
const regretText = (value: number) => (Number.isFinite(value) ? `${(value * 100).toFixed(2)} %` : 'miss');
const distribution = (o: MethodOutcome) => [0.5, 0.95, 0.99].map((q) => regretText(quantile(o.regrets, q))).join(' / ');
const meetsRegret = (o: MethodOutcome) => quantile(o.regrets, 0.99) <= GOAL_P99_REGRET;

interface GoalCheck {
  met: boolean;
  worstP99: number;
  worstScenario: string;
  overallShare: number;
  maxShare: number;
}

function goalCheck(outcomes: readonly ScenarioOutcome[]): GoalCheck {
  let worstP99 = -Infinity;
  let worstScenario = '';
  let maxShare = 0;
  for (const o of outcomes) {
    const p99 = quantile(o.adaptive.regrets, 0.99);
    if (p99 > worstP99) [worstP99, worstScenario] = [p99, label(o.scenario)];
    maxShare = Math.max(maxShare, o.adaptive.meanInvocations / o.fixedCapInvocations);
  }
  const overallShare =
    outcomes.reduce((t, o) => t + o.adaptive.meanInvocations, 0) /
    outcomes.reduce((t, o) => t + o.fixedCapInvocations, 0);
  return {
    met: worstP99 <= GOAL_P99_REGRET && maxShare <= GOAL_SHARE_OF_FIXED,
    worstP99,
    worstScenario,
    overallShare,
    maxShare,
  };
}

/** Per memory size, what the strategy ranks by in a run's results (the live runs' truth: a run with n = 200). */
function figuresOf(
  result: Awaited<ReturnType<typeof tune>>,
  strategy: TuningSettings['strategy'],
): Map<number, number> {
  return new Map(
    result.powerValues.flatMap((entry) => {
      const figure =
        strategy === 'speed'
          ? entry.duration?.trimmedMean
          : (entry.expectedCostPerInvocationUsd ?? entry.costPerInvocationUsd ?? undefined);
      return entry.status === 'ok' && figure !== undefined ? [[entry.memoryMb, figure] as [number, number]] : [];
    }),
  );
}

async function liveRuns(bench: BenchEmulator, options: SamplingOptions): Promise<void> {
  const live: { workload: Workload; strategy: TuningSettings['strategy'] }[] = [
    { workload: WORKLOADS[0] as Workload, strategy: 'cost' },
    { workload: WORKLOADS[2] as Workload, strategy: 'speed' },
    { workload: WORKLOADS[2] as Workload, strategy: 'cost' },
  ];
  const rows: string[][] = [];
  for (const { workload, strategy } of live) {
    const name = `live-${workload.name}-${strategy}`;
    await bench.emulator.createFunction({
      name,
      sample: workload.sample,
      memoryMb: 1024,
      timeoutSec: 60,
      environment: workload.environment,
    });
    const settingsOf = (sampling: 'fixed' | 'adaptive', n: number) =>
      tuningSettings(name, bench.emulator, {
        powerValuesMb: POWER_VALUES_MB,
        invocationsPerValue: n,
        strategy,
        ...(sampling === 'adaptive' ? { sampling, samplingConfidence: 0.95 } : {}),
      });
    note(`sampling: live ${workload.name} / ${strategy}, the truth: fixed n = ${LIVE_TRUTH_N}`);
    const truth = figuresOf(await tune(settingsOf('fixed', LIVE_TRUTH_N), bench.deps), strategy);
    const best = Math.min(...truth.values());
    for (let run = 1; run <= options.liveRuns; run++) {
      for (const sampling of ['fixed', 'adaptive'] as const) {
        note(`sampling: live ${workload.name} / ${strategy}, ${sampling}, run ${run} of ${options.liveRuns}`);
        const started = performance.now();
        const result = await tune(settingsOf(sampling, options.fixedInvocations), bench.deps);
        const wallMs = performance.now() - started;
        const invocations = result.powerValues.reduce((total, entry) => total + entry.invocations, 0);
        const pick = result.recommendation?.memoryMb ?? null;
        const figure = pick === null ? undefined : truth.get(pick);
        rows.push([
          `${workload.name} / ${strategy}`,
          sampling,
          mb(pick),
          figure === undefined ? 'miss' : regretText(figure / best - 1),
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
      [
        'workload / strategy',
        'sampling',
        'recommends',
        `regret against n = ${LIVE_TRUTH_N}`,
        'invocations',
        'per memory size',
        'rounds, stop',
        'wall',
      ],
      rows,
    ),
  );
}

async function loadOrRecordPools(options: SamplingOptions): Promise<StoredPools> {
  if (!options.record) return JSON.parse(readFileSync(options.poolsPath, 'utf8')) as StoredPools;
  const bench = await startBenchEmulator({ updateDelayMs: 200 });
  try {
    const before = machineNote();
    const workloads: StoredPools['workloads'] = [];
    for (const workload of WORKLOADS) {
      note(`sampling: recording ${options.poolSize} samples per memory size of ${workload.name}`);
      workloads.push({
        name: workload.name,
        what: workload.what,
        pools: await recordPools(bench, workload, options.poolSize),
      });
    }
    const stored: StoredPools = {
      collectedAt: new Date().toISOString(),
      machine: `before: ${before}; after: ${machineNote()}`,
      poolSize: options.poolSize,
      workloads,
    };
    writeFileSync(options.poolsPath, `${JSON.stringify(stored)}\n`);
    note(`sampling: pools written to ${options.poolsPath}`);
    return stored;
  } finally {
    await bench.close();
  }
}

export async function runSampling(options: SamplingOptions = SAMPLING_DEFAULTS): Promise<void> {
  heading('2. Sampling judged by regret: fixed n = 10, fixed n = 50, adaptive');
  const prices = pricesFor('us-east-1', 'x86_64');
  const stored = await loadOrRecordPools(options);
  const pools = new Map(stored.workloads.map((w) => [w.name, w.pools]));
  const scenarios = SCENARIOS.map((scenario) =>
    scenario.strategy === 'percentile'
      ? { ...scenario, percentileLimit: percentileLimitFrom(pools.get(scenario.workload) ?? []) }
      : scenario,
  );
  const policy = adaptivePolicy(options.fixedInvocations);
  const capTotal = options.fixedInvocations * POWER_VALUES_MB.length;
  console.log(
    `Seeded repeats: ${options.repeats} per scenario, drawn from the pools recorded ${stored.collectedAt} ` +
      `(${stored.poolSize} samples per memory size, ${POWER_VALUES_MB.join(', ')} MB; ${stored.machine}). ` +
      `Fixed n = ${SMALL_FIXED_N} (${SMALL_FIXED_N * POWER_VALUES_MB.length} invocations) and n = ${options.fixedInvocations} (${capTotal}); ` +
      `adaptive: cap ${policy.maxInvocations}, first round ${policy.initialInvocations}, rounds × ${policy.growth}, ` +
      `tie margin ${(policy.tieMargin * 100).toFixed(2)} %, confidence ${policy.confidence}.`,
  );
  for (const workload of stored.workloads) console.log(`  ${workload.name}: ${workload.what}`);

  const started = performance.now();
  const outcomes = scenarios.map((scenario) =>
    replayScenario(pools.get(scenario.workload) ?? [], scenario, prices, options, policy),
  );
  console.log(
    `\nRegret (median / p95 / p99, in % of the best memory size's figure on all samples; "miss": a pick that misses ` +
      `the percentile limit, or none), and invocations:`,
  );
  console.log(
    table(
      [
        'workload / strategy',
        'best',
        `fixed n = ${SMALL_FIXED_N}`,
        `fixed n = ${options.fixedInvocations}`,
        'adaptive',
        'adaptive invocations',
        'stopped: settled / tied / cap',
      ],
      outcomes.map((o) => [
        label(o.scenario),
        mb(o.bestMb),
        distribution(o.fixedSmall),
        distribution(o.fixedCap),
        distribution(o.adaptive),
        `${o.adaptive.meanInvocations.toFixed(0)} (${percent(o.adaptive.meanInvocations / o.fixedCapInvocations)})`,
        (['settled', 'tied', 'max-invocations'] as const).map((r) => percent(o.adaptive.stops?.[r] ?? 0)).join(' / '),
      ]),
    ),
  );
  for (const o of outcomes.filter((o) => o.scenario.strategy === 'speed')) {
    const ms = (q: number) => (quantile(o.adaptive.regrets, q) * o.bestFigure).toFixed(3);
    console.log(
      `${label(o.scenario)}: the best is ${o.bestFigure.toFixed(3)} ms; adaptive's p95 / p99 regret is ${ms(0.95)} / ${ms(0.99)} ms ` +
        `(REPORT gives Duration to 0.01 ms).`,
    );
  }
  const goal = goalCheck(outcomes);
  const fixedSmallMeets = outcomes.filter((o) => meetsRegret(o.fixedSmall)).length;
  const fixedCapMeets = outcomes.filter((o) => meetsRegret(o.fixedCap)).length;
  console.log(
    `\nGoal (p99 regret ≤ ${GOAL_P99_REGRET * 100} % in every scenario, ≤ ${percent(GOAL_SHARE_OF_FIXED)} of fixed n = ${options.fixedInvocations}'s invocations): ` +
      `${goal.met ? 'MET' : 'NOT MET'} — worst p99 ${regretText(goal.worstP99)} (${goal.worstScenario}); adaptive spends ` +
      `${percent(goal.overallShare)} of fixed n = ${options.fixedInvocations}'s invocations overall, at most ${percent(goal.maxShare)} in one scenario ` +
      `(${(goal.overallShare * capTotal).toFixed(0)} per run on average; fixed n = ${SMALL_FIXED_N} spends ${SMALL_FIXED_N * POWER_VALUES_MB.length}). ` +
      `p99 regret ≤ ${GOAL_P99_REGRET * 100} %: fixed n = ${SMALL_FIXED_N} in ${fixedSmallMeets} of ${outcomes.length} scenarios, ` +
      `fixed n = ${options.fixedInvocations} in ${fixedCapMeets}.`,
  );
  note(`sampling: replays took ${seconds(performance.now() - started)}`);

  if (options.policyGrid) {
    console.log(
      `\nOther policies (confidence ${policy.confidence}, cap ${options.fixedInvocations}): worst p99 regret, and invocations as a share of fixed n = ${options.fixedInvocations}:`,
    );
    // Fixed n = 50's own p99 per scenario: where even it misses 1 %, matching it is the most a cap of 50 can do.
    const reference = new Map(outcomes.map((o) => [label(o.scenario), quantile(o.fixedCap.regrets, 0.99)]));
    const rows = policyGrid(options.fixedInvocations).map((p) => {
      note(`sampling: policy ${p.label}`);
      const { label: _label, ...candidate } = p;
      const grid = scenarios.map((scenario) =>
        replayScenario(pools.get(scenario.workload) ?? [], scenario, prices, options, candidate, 'adaptive'),
      );
      const check = goalCheck(grid);
      return [
        p.label,
        `${regretText(check.worstP99)} (${check.worstScenario})`,
        `${grid.filter((o) => meetsRegret(o.adaptive)).length} of ${grid.length}`,
        `${grid.filter((o) => quantile(o.adaptive.regrets, 0.99) <= Math.max(GOAL_P99_REGRET, reference.get(label(o.scenario)) ?? 0)).length} of ${grid.length}`,
        grid.map((o) => regretText(quantile(o.adaptive.regrets, 0.99)).replace(' %', '')).join(' '),
        percent(check.overallShare),
        percent(check.maxShare),
        check.met ? 'yes' : 'no',
      ];
    });
    console.log(
      table(
        [
          'policy',
          'worst p99 regret',
          'p99 ≤ 1 %',
          "p99 ≤ max(1 %, fixed n = 50's)",
          'p99 per scenario (%, in the order above)',
          'spent overall',
          'spent at most',
          'goal met',
        ],
        rows,
      ),
    );
  }

  if (options.live) {
    const bench = await startBenchEmulator({ updateDelayMs: 200 });
    try {
      console.log(
        `\nLive runs on the emulator (InProgress window 200 ms), alternating fixed n = ${options.fixedInvocations} and adaptive; ${machineNote()}:`,
      );
      await liveRuns(bench, options);
    } finally {
      await bench.close();
    }
  }
}
