// How often the gate cries wolf, and how often it catches a real regression, for each baseline source, on the
// emulator (cgroup CPU limits when available) with the talk's CPU-bound `primes` function:
//   A/A       the same code as PR and baseline                        → false-positive rate (verdict fail)
//   A/B +10%  the PR's handler costs 10% more per invocation         → detection rate
//   A/B +25%  25% more                                                 → detection rate
// "10% more" is measured, not assumed: 10% more work costs less than 10% more (the request price and the fixed
// per-invocation overhead do not grow with it), so a calibration run first measures the cost of 1× and 2× the work
// at the configured memory, interleaved, and picks the WORK_MULTIPLIER that gives +10% and +25% cost.
// Beside the gate, on the same runs: a plain ratio threshold as github-action-benchmark applies it (alert when
// PR / baseline of the cost or the duration at the configured memory exceeds 1 + threshold), with no statistics.
//
// Sources:
//   function  live A/B: each repeat tunes the PR function and the baseline function together, interleaved.
//   file      the baseline is an earlier run stored as results.json, read back through loadBaseline.
//   branch    the same earlier runs pushed to a data branch (real Octokit against the local GitHub stand-in) and
//             found by commit through loadBaseline; it also hands the gate its recent history, from which the
//             gate estimates the run-to-run drift. file and branch share one sequence of runs: A₀, B10₀, B25₀,
//             A₁, …, after --warmup earlier pushes; A/A pairs are (Aᵢ, Aᵢ₊₁), A/B pairs (Aᵢ, Bᵢ), and each PR run is
//             compared as soon as it exists, against what the branch holds then.
//
//   npx tsx bench/gate.ts [--repeats 20] [--invocations 10] [--power-values 1769,3008] [--threshold 5]
//                         [--n 100] [--m 100000] [--warmup 4] [--sources function,file,branch] [--max-invocations 200]
//                         [--scenarios 'A/A,A/B +10%,A/B +25%']   (the stored sources always run all three)
//                         [--reserved-cores 1] [--save-dir DIR]   (cores kept free of sandboxes; keep each live pair)
//
// Defaults: the action's default 10 invocations and gate-max-invocations 200, and two power values at or above one
// vCPU (1769 MB), both measured at once; --power-values 512,1024 measures a fraction of a vCPU. The live source takes
// about a minute per repeat and scenario (its environment blocks, docs/gate.md); the stored sources a few seconds.
// n = 100 small sieves let the multiplier move in 1% steps.
// --max-invocations is the gate's gate-max-invocations (0 measures the planned invocations alone). The stored sources
// cannot sample further (their baseline was measured earlier).

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { getOctokit } from '@actions/github';
import { startGitHubApiStub } from '../emulator/github/api.js';
import { loadBaseline, type BaselineContext } from '../src/gate/baseline.js';
import { compareRuns } from '../src/gate/compare.js';
import { DataBranch } from '../src/gate/databranch.js';
import { tuneWithLiveBaseline } from '../src/gate/live.js';
import { silentLogger } from '../src/lib/ports.js';
import { tune, tuneTogether } from '../src/tuning/tuner.js';
import type { GateSettings, RunResult, TuningSettings, Verdict } from '../src/types.js';
import { gateSettings } from '../emulator/fixtures/settings.js';
import { heading, machineNote, note, startBenchEmulator, table, tuningSettings, wilson } from './lib.js';

const { values: args } = parseArgs({
  options: {
    repeats: { type: 'string', default: '20' },
    invocations: { type: 'string', default: '10' },
    'power-values': { type: 'string', default: '1769,3008' },
    threshold: { type: 'string', default: '5' },
    n: { type: 'string', default: '100' },
    m: { type: 'string', default: '100000' },
    'max-invocations': { type: 'string', default: '200' },
    'calibration-invocations': { type: 'string', default: '80' },
    sources: { type: 'string', default: 'function,file,branch' },
    monthly: { type: 'string', default: '1000000' },
    warmup: { type: 'string', default: '4' },
    scenarios: { type: 'string', default: 'A/A,A/B +10%,A/B +25%' },
    'save-dir': { type: 'string' },
    'reserved-cores': { type: 'string', default: '1' },
  },
});

const REPEATS = Number(args.repeats);
const THRESHOLD_PCT = Number(args.threshold);
const POWER_VALUES = String(args['power-values']).split(',').map(Number);
const CONFIGURED_MB = POWER_VALUES[0] ?? 1024;
const SOURCES = new Set(String(args.sources).split(','));
const MONTHLY = Number(args.monthly);
const WARMUP = Number(args.warmup);

const gate = (source: GateSettings['baselineSource'], extra: Partial<GateSettings> = {}): GateSettings =>
  gateSettings({
    baselineSource: source,
    key: 'primes',
    historyLimit: 1000,
    maxCostIncreasePct: THRESHOLD_PCT,
    maxDurationIncreasePct: THRESHOLD_PCT,
    warnCostIncreasePct: THRESHOLD_PCT / 2,
    warnDurationIncreasePct: THRESHOLD_PCT / 2,
    maxInvocations: Number(args['max-invocations']),
    ...extra,
  });

type Scenario = 'A/A' | 'A/B +10%' | 'A/B +25%';
const SCENARIOS: Scenario[] = (['A/A', 'A/B +10%', 'A/B +25%'] as const).filter((scenario) =>
  String(args.scenarios).split(',').includes(scenario),
);

interface Observation {
  source: string;
  scenario: Scenario;
  verdict: Verdict;
  /** The plain ratio rule: cost or duration at the configured memory above 1 + threshold. */
  ratioAlert: boolean;
  /** Invocations each side got at the configured memory (the live gate may have added some). */
  invocations: number;
  costRatioPct: number | null;
  durationRatioPct: number | null;
}

/** github-action-benchmark's rule on our data: PR / base of the trimmed means at the configured memory. */
function plainRatio(
  pr: RunResult,
  base: RunResult,
): { alert: boolean; costPct: number | null; durationPct: number | null } {
  const prEntry = pr.powerValues.find((entry) => entry.memoryMb === pr.current.memoryMb);
  const baseEntry = base.powerValues.find((entry) => entry.memoryMb === base.current.memoryMb);
  const ratioPct = (a: number | null | undefined, b: number | null | undefined) => (a && b ? (a / b - 1) * 100 : null);
  const costPct = ratioPct(prEntry?.costPerInvocationUsd, baseEntry?.costPerInvocationUsd);
  const durationPct = ratioPct(prEntry?.duration?.trimmedMean, baseEntry?.duration?.trimmedMean);
  return { alert: (costPct ?? 0) > THRESHOLD_PCT || (durationPct ?? 0) > THRESHOLD_PCT, costPct, durationPct };
}

function observe(source: string, scenario: Scenario, pr: RunResult, base: RunResult, verdict: Verdict): Observation {
  const ratio = plainRatio(pr, base);
  const invocations = pr.powerValues.find((entry) => entry.memoryMb === pr.current.memoryMb)?.invocations ?? 0;
  return {
    source,
    scenario,
    verdict,
    ratioAlert: ratio.alert,
    invocations,
    costRatioPct: ratio.costPct,
    durationRatioPct: ratio.durationPct,
  };
}

/** The least-squares line y = intercept + slope·x. */
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

async function main(): Promise<void> {
  const started = performance.now();
  // One core stays free of sandboxes for the emulator's server and this process (the action under test): on Lambda
  // the invoker never shares the function's CPU, and on 2 cores a sandbox sharing its core with them is persistently
  // slower than its twin — a false "regression" of one execution environment (see docs/gate.md).
  const bench = await startBenchEmulator({ updateDelayMs: 50, reservedCores: Number(args['reserved-cores']) });
  const { emulator, deps } = bench;
  note(`emulator at ${emulator.endpoint}, CPU limits: ${emulator.cpuMode ?? 'unknown'}; ${machineNote()}`);
  const environment = (multiplier: string) => ({
    PRIMES_N: String(args.n),
    PRIMES_M: String(args.m),
    WORK_MULTIPLIER: multiplier,
  });
  await emulator.createFunction({
    name: 'primes-a',
    sample: 'primes',
    memoryMb: CONFIGURED_MB,
    environment: environment('1'),
  });
  await emulator.createFunction({
    name: 'primes-a-twin',
    sample: 'primes',
    memoryMb: CONFIGURED_MB,
    environment: environment('1'),
  });
  const settings = (functionName: string, overrides: Partial<TuningSettings> = {}) =>
    tuningSettings(functionName, emulator, {
      powerValuesMb: POWER_VALUES,
      invocationsPerValue: Number(args.invocations),
      monthlyInvocations: MONTHLY,
      ...overrides,
    });

  // ---- calibration: cost against WORK_MULTIPLIER near the effects wanted (1, 1.1, 1.25, 1.5), all four measured
  // together with interleaved invocations, and a least-squares line through them: cost is not proportional to
  // work (fixed per-invocation overhead, the request price), so the multiplier for +10% cost is read off the line.
  const calibrationPoints = [1, 1.1, 1.25, 1.5];
  for (const multiplier of calibrationPoints) {
    await emulator.createFunction({
      name: `primes-cal-${Math.round(multiplier * 100)}`,
      sample: 'primes',
      memoryMb: CONFIGURED_MB,
      environment: environment(String(multiplier)),
    });
  }
  const calibrationSettings = (name: string) =>
    settings(name, { powerValuesMb: [CONFIGURED_MB], invocationsPerValue: Number(args['calibration-invocations']) });
  const calibrationRuns = await tuneTogether(
    calibrationPoints.map((multiplier) => ({
      settings: calibrationSettings(`primes-cal-${Math.round(multiplier * 100)}`),
      label: `×${multiplier}`,
    })),
    { ...deps, logger: silentLogger },
  );
  const costs = calibrationRuns.map((run) => run.powerValues[0]?.costPerInvocationUsd ?? NaN);
  const line = leastSquares(calibrationPoints, costs);
  const baseCost = line.intercept + line.slope;
  const multiplierFor = (increase: number) => Math.round((1 + (increase * baseCost) / line.slope) * 100) / 100;
  const multipliers: Record<'A/B +10%' | 'A/B +25%', number> = {
    'A/B +10%': multiplierFor(0.1),
    'A/B +25%': multiplierFor(0.25),
  };
  if (!(line.slope > 0) || !Number.isFinite(multipliers['A/B +10%']))
    throw new Error(`calibration failed: costs ${costs.join(', ')} at ×${calibrationPoints.join(', ×')}`);
  note(
    `calibration at ${CONFIGURED_MB} MB, ${args['calibration-invocations']} interleaved invocations at each of ×${calibrationPoints.join(', ×')}: cost relative to ×1 ` +
      `${costs.map((cost) => `${((cost / (costs[0] ?? NaN) - 1) * 100).toFixed(1)}%`).join(', ')}; fitted line → +10% cost is WORK_MULTIPLIER ${multipliers['A/B +10%']}, +25% is ${multipliers['A/B +25%']}`,
  );
  await emulator.createFunction({
    name: 'primes-b10',
    sample: 'primes',
    memoryMb: CONFIGURED_MB,
    environment: environment(String(multipliers['A/B +10%'])),
  });
  await emulator.createFunction({
    name: 'primes-b25',
    sample: 'primes',
    memoryMb: CONFIGURED_MB,
    environment: environment(String(multipliers['A/B +25%'])),
  });
  const observations: Observation[] = [];

  // ---- live A/B
  if (SOURCES.has('function')) {
    const pairs = (
      [
        ['A/A', 'primes-a', 'primes-a-twin'],
        ['A/B +10%', 'primes-b10', 'primes-a'],
        ['A/B +25%', 'primes-b25', 'primes-a'],
      ] as [Scenario, string, string][]
    ).filter(([scenario]) => SCENARIOS.includes(scenario));
    for (let repeat = 0; repeat < REPEATS; repeat++) {
      for (const [scenario, prName, baseName] of pairs) {
        const live = await tuneWithLiveBaseline(
          settings(prName),
          { functionName: baseName },
          deps,
          undefined,
          gate('function'),
        );
        if (!live.baseline) throw new Error(`live baseline failed: ${live.problem ?? 'unknown'}`);
        const verdict = compareRuns(live.result, live.baseline.result, gate('function'), MONTHLY, {
          baselineDescription: live.baseline.description,
        });
        // --save-dir keeps each live pair for a closer look (which samples made a false alarm).
        if (args['save-dir'])
          writeFileSync(
            join(args['save-dir'], `${scenario.replace(/\W+/g, '')}-${repeat}.json`),
            JSON.stringify({ pr: live.result, base: live.baseline.result, verdict }),
          );
        observations.push(observe('function', scenario, live.result, live.baseline.result, verdict));
      }
      note(`function: repeat ${repeat + 1}/${REPEATS} done (${((performance.now() - started) / 1000).toFixed(0)} s)`);
    }
  }

  // ---- stored baselines: one sequence of runs, read back as a file and from the data branch. Each PR run is
  // compared as soon as it exists, against what the branch holds at that moment (never a later run), after
  // WARMUP earlier pushes, as in a repository whose history is established.
  if (SOURCES.has('file') || SOURCES.has('branch')) {
    const directory = mkdtempSync(join(tmpdir(), 'lpg-bench-gate-'));
    const stub = await startGitHubApiStub({ owner: 'bench', repo: 'primes' });
    const commits = Array.from({ length: WARMUP + REPEATS + 1 }, (_, index) => index.toString(16).padStart(40, '0'));
    stub.addHistory(
      commits.map((sha, index) => ({ sha, date: new Date(Date.UTC(2026, 0, 1) + index * 3_600_000).toISOString() })),
    );
    const history = new DataBranch({
      octokit: getOctokit('bench', { baseUrl: stub.url }),
      owner: stub.owner,
      repo: stub.repo,
      branch: 'lambda-power-gate-data',
      historyLimit: 1000,
    });
    let disagreements = 0;
    let compared = 0;
    const evaluate = async (scenario: Scenario, pr: RunResult, baseIndex: number): Promise<void> => {
      const context: BaselineContext = {
        readFile: (path) => readFileSync(path, 'utf8'),
        history,
        target: { sha: commits[baseIndex] as string, label: 'the PR base' },
      };
      const verdicts: Partial<Record<'file' | 'branch', Verdict>> = {};
      for (const source of ['file', 'branch'] as const) {
        if (!SOURCES.has(source)) continue;
        const plan = await loadBaseline(
          gate(
            source,
            source === 'file'
              ? { baselineFile: join(directory, `a-${baseIndex}.json`) }
              : { baselineBranch: 'lambda-power-gate-data' },
          ),
          context,
        );
        if (plan.source !== source || !plan.baseline) throw new Error(`no ${source} baseline for commit ${baseIndex}`);
        const verdict = compareRuns(pr, plan.baseline.result, gate(source), MONTHLY, {
          baselineDescription: plan.baseline.description,
          ...(plan.baseline.history ? { history: plan.baseline.history } : {}),
        });
        verdicts[source] = verdict;
        observations.push(observe(source, scenario, pr, plan.baseline.result, verdict));
      }
      compared++;
      if (verdicts.file && verdicts.branch && verdicts.file.costDeltaPct !== verdicts.branch.costDeltaPct)
        disagreements++;
    };
    const store = async (run: RunResult, index: number): Promise<void> => {
      run.git = { sha: commits[index] as string };
      writeFileSync(join(directory, `a-${index}.json`), JSON.stringify(run));
      await history.save('primes', run, { sha: commits[index] as string });
    };
    for (let index = 0; index < WARMUP; index++) await store(await tune(settings('primes-a'), deps), index);
    note(`sequential: ${WARMUP} warm-up pushes stored (${((performance.now() - started) / 1000).toFixed(0)} s)`);
    for (let round = 0; round <= REPEATS; round++) {
      const index = WARMUP + round;
      const a = await tune(settings('primes-a'), deps);
      if (round > 0) await evaluate('A/A', a, index - 1);
      await store(a, index);
      if (round === REPEATS) break;
      await evaluate('A/B +10%', await tune(settings('primes-b10'), deps), index);
      await evaluate('A/B +25%', await tune(settings('primes-b25'), deps), index);
      note(`sequential: round ${round + 1}/${REPEATS} done (${((performance.now() - started) / 1000).toFixed(0)} s)`);
    }
    if (SOURCES.has('file') && SOURCES.has('branch')) {
      note(
        `file and branch compared the same runs (headline deltas differ in ${disagreements} of ${compared}: 0 expected); the branch also estimates run-to-run noise from its history`,
      );
    }
    // The data branch's reads and writes must be ones GitHub accepts (emulator/contracts/github.ts); 0 expected.
    note(
      `GitHub contract violations: ${stub.violations.length}${stub.violations.map((entry) => `\n  ${entry.kind}: ${entry.message}`).join('')}`,
    );
    await stub.close();
  }
  await bench.close();

  // ---- report
  heading(`Regression gate: false positives and detection at a ${THRESHOLD_PCT}% threshold`);
  console.log(
    `${REPEATS} repeats per cell; power values ${POWER_VALUES.join(', ')} MB (configured ${CONFIGURED_MB} MB), ${args.invocations} invocations each, ` +
      `primes n=${args.n} m=${args.m}; gate: cost and duration limits ${THRESHOLD_PCT}% (warn ${THRESHOLD_PCT / 2}%), 95% confidence, min-samples 5.`,
  );
  console.log(
    'Rates with 95% Wilson intervals. "gate fail" is the verdict the job fails on; "ratio alert" is the plain rule.\n',
  );
  const rows: string[][] = [];
  for (const source of ['function', 'file', 'branch']) {
    for (const scenario of SCENARIOS) {
      const cell = observations.filter((entry) => entry.source === source && entry.scenario === scenario);
      if (cell.length === 0) continue;
      const fails = cell.filter((entry) => entry.verdict.level === 'fail').length;
      const costFails = cell.filter((entry) =>
        entry.verdict.comparisons.some((row) => row.kind === 'cost' && row.level === 'fail'),
      ).length;
      const warns = cell.filter((entry) => entry.verdict.level === 'warn').length;
      const alerts = cell.filter((entry) => entry.ratioAlert).length;
      rows.push([
        source,
        scenario,
        rate(fails, cell.length),
        rate(costFails, cell.length),
        String(warns),
        rate(alerts, cell.length),
        signed(medianOf(cell.map((entry) => entry.verdict.costDeltaPct ?? NaN))),
        signed(medianOf(cell.map((entry) => entry.verdict.durationDeltaPct ?? NaN))),
        signed(medianOf(cell.map((entry) => Math.abs(entry.costRatioPct ?? NaN)))).replace('+', '±'),
        `${medianOf(cell.map((entry) => entry.invocations))} (max ${Math.max(...cell.map((entry) => entry.invocations))})`,
      ]);
    }
  }
  console.log(
    table(
      [
        'source',
        'scenario',
        'gate fail',
        'cost fail',
        'warn',
        'ratio alert (plain)',
        'median cost Δ',
        'median duration Δ',
        'median |cost Δ|',
        'invocations at configured',
      ],
      rows,
    ),
  );
  const falseAlarms = observations.filter((entry) => entry.scenario === 'A/A' && entry.verdict.level === 'fail');
  if (falseAlarms.length > 0) {
    console.log('\nA/A runs the gate failed (the first failing check of each):');
    for (const entry of falseAlarms)
      console.log(
        `  ${entry.source}: ${entry.verdict.comparisons.find((row) => row.level === 'fail')?.reason ?? entry.verdict.reason}`,
      );
  }
  const misses = observations.filter((entry) => entry.scenario === 'A/B +10%' && entry.verdict.level !== 'fail');
  if (misses.length > 0) {
    console.log('\nA/B +10% runs the gate did not fail (the cost check at the configured memory):');
    for (const entry of misses) {
      const cost = entry.verdict.comparisons.find((row) => row.kind === 'cost');
      console.log(`  ${entry.source} (${entry.invocations} invocations): ${cost?.reason ?? entry.verdict.reason}`);
    }
  }
  console.log(
    `\nGoal: A/A gate fail ≤ 1%, A/B +10% gate fail ≥ 95%. Wall time ${((performance.now() - started) / 60000).toFixed(1)} min; ${machineNote()}.`,
  );
}

await main();
