// How often the Init Duration gate cries wolf, and how often it catches a real init regression, with a live baseline
// on the emulator (the heavy-init sample: its init builds a lookup table, its warm handler reads a few entries):
//   A/A        the same code as PR and baseline                        → false alarms (verdict fail, and warn)
//   A/B +25%   the PR's Init Duration 25% longer, warm work unchanged   → detection (the Init comparison fails)
// "25% longer" is measured, not assumed, and measured the way the gate measures it: Init Duration includes the
// runtime's own start, which INIT_MULTIPLIER does not scale, and it is not linear in the init work (V8 grows its
// tables and heap in steps: 50,000 → ×1.29 entries measured −2% and ×1.49 +41%, across the Map's 65,536 step). So a
// pilot runs the live gate's A/B pair --pilot-repeats times at a multiplier, reads the median Init Δ, and moves the
// multiplier along the line through its last two points until the Δ is within 5 points of +25% (at most 4 tries;
// the closest is used). The table's "median Init Δ measured" column is the check.
//
//   npx tsx bench/gate-init.ts [--repeats 20] [--invocations 10] [--power-values 1769,3008] [--max-invocations 200]
//                              [--init-limit 20] [--entries 140000]
//                              [--scenarios 'A/A,A/B +25%'] [--reserved-cores 1] [--multiplier 1.2] [--pilot-repeats 3]
//
// --multiplier sets the A/B variant's INIT_MULTIPLIER and skips the pilot.
//
// Defaults are the action's (10 invocations, gate-max-invocations 200, confidence 95%, min-samples 5, cost 5% and
// duration 10% with warn at half), plus max-init-duration-increase --init-limit (warn at half), 20% by default as the action with a live baseline.

import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { compareRuns } from '../src/gate/compare.js';
import { tuneWithLiveBaseline } from '../src/gate/live.js';
import type { GateSettings, RunResult, TuningSettings, Verdict } from '../src/types.js';
import { gateSettings } from '../emulator/fixtures/settings.js';
import { heading, machineNote, note, startBenchEmulator, table, tuningSettings, wilson } from './lib.js';

const { values: args } = parseArgs({
  options: {
    repeats: { type: 'string', default: '20' },
    invocations: { type: 'string', default: '10' },
    'power-values': { type: 'string', default: '1769,3008' },
    'max-invocations': { type: 'string', default: '200' },
    'init-limit': { type: 'string', default: '20' },
    entries: { type: 'string', default: '140000' },
    scenarios: { type: 'string', default: 'A/A,A/B +25%' },
    'reserved-cores': { type: 'string', default: '1' },
    multiplier: { type: 'string' },
    'pilot-repeats': { type: 'string', default: '3' },
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

  await create('init-a', 1);
  await create('init-a-twin', 1);

  /** One live-gate run of the pair and the gate's verdict on it. */
  async function gatePair(scenario: Scenario, prName: string, baseName: string): Promise<Observation> {
    const gate = { ...GATE, baselineFunction: baseName };
    const live = await tuneWithLiveBaseline(settings(prName), { functionName: baseName }, deps, undefined, gate);
    if (!live.baseline) throw new Error(`live baseline failed: ${live.problem ?? 'unknown'}`);
    const verdict = compareRuns(live.result, live.baseline.result, gate, 1_000_000, {
      baselineDescription: live.baseline.description,
    });
    return observe(scenario, live.result, live.baseline.result, verdict);
  }

  async function pilot(): Promise<number> {
    const TARGET_PCT = 25;
    const tried: [number, number][] = [];
    let multiplier = 1.25;
    for (let round = 0; round < 4; round++) {
      const name = `init-pilot-${round}`;
      await create(name, multiplier);
      const deltas: number[] = [];
      for (let repeat = 0; repeat < Number(args['pilot-repeats']); repeat++)
        deltas.push((await gatePair('A/B +25%', name, 'init-a')).initDeltaPct);
      const delta = medianOf(deltas);
      tried.push([multiplier, delta]);
      note(`pilot: INIT_MULTIPLIER ${multiplier} → median Init Δ ${signed(delta)} (${deltas.map(signed).join(', ')})`);
      if (Math.abs(delta - TARGET_PCT) <= 5) break;
      const [previousMultiplier, previousDelta] = tried.at(-2) ?? [1, 0];
      const slope = (delta - previousDelta) / (multiplier - previousMultiplier);
      const next =
        slope > 0 ? multiplier + (TARGET_PCT - delta) / slope : multiplier * (delta < TARGET_PCT ? 1.2 : 0.9);
      multiplier = Math.round(Math.min(3, Math.max(1.02, next)) * 100) / 100;
    }
    const [best] = [...tried].sort((a, b) => Math.abs(a[1] - TARGET_PCT) - Math.abs(b[1] - TARGET_PCT));
    if (!best || !Number.isFinite(best[1])) throw new Error(`pilot failed: ${JSON.stringify(tried)}`);
    note(`pilot: the A/B variant uses INIT_MULTIPLIER ${best[0]} (median Init Δ ${signed(best[1])} in the pilot)`);
    return best[0];
  }

  const multiplier = args.multiplier === undefined ? await pilot() : Number(args.multiplier);
  if (args.multiplier !== undefined) note(`A/B variant: INIT_MULTIPLIER ${multiplier} (--multiplier, no pilot)`);
  await create('init-b25', multiplier);
  const observations: Observation[] = [];
  const pairs = (
    [
      ['A/A', 'init-a', 'init-a-twin'],
      ['A/B +25%', 'init-b25', 'init-a'],
    ] as [Scenario, string, string][]
  ).filter(([scenario]) => (SCENARIOS as readonly string[]).includes(scenario));
  for (let repeat = 0; repeat < REPEATS; repeat++) {
    for (const [scenario, prName, baseName] of pairs) observations.push(await gatePair(scenario, prName, baseName));
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
