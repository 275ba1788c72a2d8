// How often the Init Duration gate cries wolf, and how often it catches a real init regression, with a live baseline
// on the emulator (the heavy-init sample: its init builds a lookup table, its warm handler reads a few entries):
//   A/A        the same code as PR and baseline                        → false alarms (verdict fail, and warn)
//   A/B +25%   the PR's Init Duration 25% longer, warm work unchanged   → detection (the Init comparison fails)
// "25% longer" is measured, not assumed: Init Duration includes the runtime's own start, which INIT_MULTIPLIER does
// not scale, so a calibration first measures Init Duration at ×1, ×1.25, ×1.5 and ×2 the init work (only cold
// starts, the four functions taking turns) and reads the multiplier for +25% off a least-squares line.
//
//   npx tsx bench/gate-init.ts [--repeats 20] [--invocations 10] [--power-values 1769,3008] [--max-invocations 200]
//                              [--init-limit 10] [--entries 50000] [--calibration-invocations 24]
//                              [--scenarios 'A/A,A/B +25%'] [--reserved-cores 1]
//
// Defaults are the action's (10 invocations, gate-max-invocations 200, confidence 95%, min-samples 5, cost 5% and
// duration 10% with warn at half), plus max-init-duration-increase --init-limit (warn at half), which has no default.

import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { compareRuns } from '../src/gate/compare.js';
import { tuneWithLiveBaseline } from '../src/gate/live.js';
import { silentLogger } from '../src/lib/ports.js';
import { tuneTogether } from '../src/tuning/tuner.js';
import type { GateSettings, RunResult, TuningSettings, Verdict } from '../src/types.js';
import { gateSettings } from '../emulator/fixtures/settings.js';
import { heading, machineNote, note, startBenchEmulator, table, tuningSettings, wilson } from './lib.js';

const { values: args } = parseArgs({
  options: {
    repeats: { type: 'string', default: '20' },
    invocations: { type: 'string', default: '10' },
    'power-values': { type: 'string', default: '1769,3008' },
    'max-invocations': { type: 'string', default: '200' },
    'init-limit': { type: 'string', default: '10' },
    entries: { type: 'string', default: '50000' },
    'calibration-invocations': { type: 'string', default: '24' },
    scenarios: { type: 'string', default: 'A/A,A/B +25%' },
    'reserved-cores': { type: 'string', default: '1' },
  },
});

const REPEATS = Number(args.repeats);
const POWER_VALUES = String(args['power-values']).split(',').map(Number);
const CONFIGURED_MB = POWER_VALUES[0] ?? 1769;
const INIT_LIMIT_PCT = Number(args['init-limit']);

const GATE: GateSettings = gateSettings({
  baselineSource: 'function',
  baselineFunction: 'init-a-twin',
  key: 'heavy-init',
  maxInitDurationIncreasePct: INIT_LIMIT_PCT,
  warnInitDurationIncreasePct: INIT_LIMIT_PCT / 2,
  maxInvocations: Number(args['max-invocations']),
});

type Scenario = 'A/A' | 'A/B +25%';
const SCENARIOS = (['A/A', 'A/B +25%'] as const).filter((scenario) =>
  String(args.scenarios).split(',').includes(scenario),
);

interface Observation {
  scenario: Scenario;
  verdict: Verdict;
  /** The Init comparison at the configured memory failed. */
  initFailed: boolean;
  initWarned: boolean;
  /** Init Duration Δ at the configured memory, percent (trimmed means of the cold starts). */
  initDeltaPct: number;
  /** The Init comparison's finding and interval, e.g. "not-significant +3.1% to +48.0%". */
  initFinding: string;
  /** Spread (sd) of the paired differences of the environments' log Init Durations: the noise the interval sees. */
  initLogSd: number;
  /** Invocations and environments per function at the configured memory. */
  invocations: number;
  environments: number;
}

function leastSquares(xs: number[], ys: number[]): { intercept: number; slope: number } {
  const n = xs.length;
  const meanX = xs.reduce((sum, x) => sum + x, 0) / n;
  const meanY = ys.reduce((sum, y) => sum + y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const [index, x] of xs.entries()) {
    sxy += (x - meanX) * ((ys[index] ?? 0) - meanY);
    sxx += (x - meanX) ** 2;
  }
  const slope = sxy / sxx;
  return { intercept: meanY - slope * meanX, slope };
}

const pct = (value: number) => `${(value * 100).toFixed(0)}%`;
const rate = (hits: number, n: number) => {
  const [low, high] = wilson(hits, n);
  return `${hits}/${n} ${pct(hits / n)} [${pct(low)}–${pct(high)}]`;
};
const medianOf = (values: number[]) => {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};
const signed = (value: number) => (Number.isFinite(value) ? `${value >= 0 ? '+' : ''}${value.toFixed(1)}%` : '–');

/** The sd of the paired per-environment differences of log Init Duration (one cold start per environment). */
function pairedLogSd(pr: RunResult, base: RunResult): number {
  const initsByBlock = (run: RunResult) => {
    const entry = run.powerValues.find((candidate) => candidate.memoryMb === run.current.memoryMb);
    const blocks = new Map<number, number>();
    for (const sample of entry?.samples ?? [])
      if (sample.coldStart && sample.initDurationMs !== undefined && !blocks.has(sample.environment ?? 0))
        blocks.set(sample.environment ?? 0, sample.initDurationMs);
    return blocks;
  };
  const prInits = initsByBlock(pr);
  const baseInits = initsByBlock(base);
  const differences = [...prInits].flatMap(([block, value]) => {
    const other = baseInits.get(block);
    return other === undefined ? [] : [Math.log(value) - Math.log(other)];
  });
  if (differences.length < 2) return NaN;
  const mean = differences.reduce((sum, value) => sum + value, 0) / differences.length;
  return Math.sqrt(differences.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (differences.length - 1));
}

function observe(scenario: Scenario, pr: RunResult, base: RunResult, verdict: Verdict): Observation {
  const init = verdict.comparisons.find(
    (row) => row.kind === 'init' && row.memoryMb === pr.current.memoryMb && row.baseMemoryMb === undefined,
  );
  const entry = pr.powerValues.find((candidate) => candidate.memoryMb === pr.current.memoryMb);
  return {
    scenario,
    verdict,
    initFailed: init?.level === 'fail',
    initWarned: init?.level === 'warn',
    initDeltaPct: init?.deltaPct ?? NaN,
    initFinding: `${init?.finding?.kind ?? 'none'} ${signed(init?.ciLowPct ?? NaN)} to ${signed(init?.ciHighPct ?? NaN)}`,
    initLogSd: pairedLogSd(pr, base),
    invocations: entry?.invocations ?? 0,
    environments: new Set((entry?.samples ?? []).map((sample) => sample.environment ?? 0)).size,
  };
}

async function main(): Promise<void> {
  const started = performance.now();
  const bench = await startBenchEmulator({ updateDelayMs: 50, reservedCores: Number(args['reserved-cores']) });
  const { emulator, deps } = bench;
  note(`emulator at ${emulator.endpoint}, CPU limits: ${emulator.cpuMode ?? 'unknown'}; ${machineNote()}`);
  const environment = (multiplier: number) => ({
    INIT_ENTRIES: String(args.entries),
    INIT_MULTIPLIER: String(multiplier),
  });
  const create = (name: string, multiplier: number) =>
    emulator.createFunction({
      name,
      sample: 'heavy-init',
      memoryMb: CONFIGURED_MB,
      environment: environment(multiplier),
    });
  const settings = (functionName: string, overrides: Partial<TuningSettings> = {}) =>
    tuningSettings(functionName, emulator, {
      powerValuesMb: POWER_VALUES,
      invocationsPerValue: Number(args.invocations),
      ...overrides,
    });

  // ---- calibration: Init Duration against INIT_MULTIPLIER, cold starts only, the four functions taking turns.
  const points = [1, 1.25, 1.5, 2];
  for (const multiplier of points) await create(`init-cal-${Math.round(multiplier * 100)}`, multiplier);
  const calibration = await tuneTogether(
    points.map((multiplier) => ({
      settings: settings(`init-cal-${Math.round(multiplier * 100)}`, {
        powerValuesMb: [CONFIGURED_MB],
        invocationsPerValue: Number(args['calibration-invocations']),
        onlyColdStarts: true,
        discardTopBottom: 0,
        concurrency: 1,
      }),
      label: `×${multiplier}`,
    })),
    { ...deps, logger: silentLogger },
  );
  const inits = calibration.map((run) => run.powerValues[0]?.coldStart?.trimmedMean ?? NaN);
  const line = leastSquares(points, inits);
  const atOne = line.intercept + line.slope;
  const multiplier = Math.round((1 + (0.25 * atOne) / line.slope) * 100) / 100;
  if (!(line.slope > 0) || !Number.isFinite(multiplier))
    throw new Error(`calibration failed: Init Durations ${inits.join(', ')} at ×${points.join(', ×')}`);
  note(
    `calibration at ${CONFIGURED_MB} MB, ${args['calibration-invocations']} cold starts each at ×${points.join(', ×')}: Init Duration ` +
      `${inits.map((value) => `${value.toFixed(0)} ms`).join(', ')}; fitted line → +25% Init Duration is INIT_MULTIPLIER ${multiplier}`,
  );

  await create('init-a', 1);
  await create('init-a-twin', 1);
  await create('init-b25', multiplier);
  const observations: Observation[] = [];
  const pairs = (
    [
      ['A/A', 'init-a', 'init-a-twin'],
      ['A/B +25%', 'init-b25', 'init-a'],
    ] as [Scenario, string, string][]
  ).filter(([scenario]) => (SCENARIOS as readonly string[]).includes(scenario));
  for (let repeat = 0; repeat < REPEATS; repeat++) {
    for (const [scenario, prName, baseName] of pairs) {
      const gate = { ...GATE, baselineFunction: baseName };
      const live = await tuneWithLiveBaseline(settings(prName), { functionName: baseName }, deps, undefined, gate);
      if (!live.baseline) throw new Error(`live baseline failed: ${live.problem ?? 'unknown'}`);
      const verdict = compareRuns(live.result, live.baseline.result, gate, 1_000_000, {
        baselineDescription: live.baseline.description,
      });
      observations.push(observe(scenario, live.result, live.baseline.result, verdict));
    }
    // A running tally, so a bench cut short still says what it saw.
    const tally = SCENARIOS.map((scenario) => {
      const seen = observations.filter((observation) => observation.scenario === scenario);
      const count = (level: string) => seen.filter((observation) => observation.verdict.level === level).length;
      const last = seen[seen.length - 1];
      return `${scenario} fail ${count('fail')} warn ${count('warn')} of ${seen.length} (last: Init ${signed(last?.initDeltaPct ?? NaN)}, ${last?.initFinding}, paired log sd ${last?.initLogSd.toFixed(2)}, ${last?.invocations ?? 0} invocations)`;
    });
    note(
      `repeat ${repeat + 1}/${REPEATS} done (${((performance.now() - started) / 1000).toFixed(0)} s): ${tally.join('; ')}`,
    );
  }

  heading(
    `Init Duration gate, live baseline: heavy-init (${args.entries} entries), ${POWER_VALUES.join(', ')} MB (configured ${CONFIGURED_MB}), ` +
      `${args.invocations} invocations, gate-max-invocations ${args['max-invocations']}, max-init-duration-increase ${INIT_LIMIT_PCT}% (warn ${INIT_LIMIT_PCT / 2}%)`,
  );
  const rows = SCENARIOS.map((scenario) => {
    const seen = observations.filter((observation) => observation.scenario === scenario);
    const fails = seen.filter((observation) => observation.verdict.level === 'fail').length;
    const warns = seen.filter((observation) => observation.verdict.level === 'warn').length;
    const initFails = seen.filter((observation) => observation.initFailed).length;
    return [
      scenario,
      rate(fails, seen.length),
      rate(warns, seen.length),
      rate(initFails, seen.length),
      signed(medianOf(seen.map((observation) => observation.initDeltaPct))),
      String(medianOf(seen.map((observation) => observation.invocations))),
      String(medianOf(seen.map((observation) => observation.environments))),
      medianOf(seen.map((observation) => observation.initLogSd)).toFixed(2),
    ];
  });
  console.log(
    table(
      [
        'scenario',
        'verdict fail',
        'verdict warn',
        'Init comparison fail',
        'median Init Δ measured',
        'median invocations / function (configured)',
        'median environments / function',
        'median sd of paired log Init differences',
      ],
      rows,
    ),
  );
  for (const observation of observations.filter((entry) => entry.verdict.level !== 'pass'))
    note(`${observation.scenario}: ${observation.verdict.level}: ${observation.verdict.reason}`);
  note(`total ${((performance.now() - started) / 1000).toFixed(0)} s`);
  await bench.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
