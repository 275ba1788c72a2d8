// Where a significant change entered a key's history: between which two consecutive stored runs (default-branch
// pushes) cost or duration at one memory size moved by more than run-to-run drift explains. Pure.
//
// The test is the gate's own for a stored baseline (compare.ts): the confidence interval of the ratio of trimmed
// geometric means (stats.ts ratioInterval, Yuen's trimmed Welch on logs) with the run-to-run term, the practical
// floor (family.ts changeFloor), and Holm's procedure over every pair and metric tested at once, so a window of ten
// runs does not find changes in identical code one time in two.
//
// The run-to-run term is estimated as the gate estimates it (stats.ts runToRunVariance: the spread of the runs'
// trimmed log means beyond what their own samples explain), but within the stretches between change points: a step
// of +25% in the middle of the window is not drift, and counting it as drift widens every interval until the step
// itself cannot be seen. So the search tries k = 0, 1, 2, … change points: the split into k + 1 stretches that
// explains the runs best (least squares, bestSplit; stretches of 2 runs or more, the newest may be 1), the drift
// estimated within its stretches, every pair and metric tested with it under Holm. The largest k whose every change
// point is significant wins, and the change points are the pairs significant under its split.
// Simulated 10-run windows (unit test, 3% drift, 4% in-run noise, 10 samples a run): a +25% step found in 76 of
// 100, at the newest run in 80; identical code shows a change in 3 of 100. Comparing consecutive runs (not stretch
// means) is what the gate does between two runs, and it needs a large step: +10% is mostly not named.
//
// Carried entries (an app's unchanged function: `carriedFrom`) are copies of an earlier run, not measurements; they
// are neither compared nor counted, and a change is always between two measured runs.

import { entryAt } from '../results/figures.js';
import { trimmedMean } from '../tuning/stats.js';
import type { Prices, RunResult } from '../types.js';
import { changeFloor, holmSignificant } from './family.js';
import { isOk, metricValues } from './metrics.js';
import { ratioInterval, summariseLogs, twoSidedPValue, type RunToRunVariance } from './stats.js';

/** One stored run of the key, as the trend reads it. */
export interface StoredRun {
  /** The default-branch commit it measured. */
  sha: string;
  /** Set when the figures are a copy of the run for commit `carriedFrom` (not a new measurement). */
  carriedFrom?: string;
  /** The commit's date (ISO 8601), when stored. */
  committedAt?: string;
  result: RunResult;
}

export type TrendMetric = 'cost' | 'duration';

export interface ChangePointOptions {
  /** The memory size compared (the PR's configured memory). */
  memoryMb: number;
  /** The gate's confidence, e.g. 0.95. */
  confidence: number;
  /** The gate's practical floor (min-duration-change, ms); cost's floor follows from it (family.ts). */
  minDurationChangeMs: number;
  /** One price list for every run, so a price change is not a change in the code (the PR's). */
  prices: Prices;
}

export interface MetricChange {
  metric: TrendMetric;
  /** Change of the trimmed mean from the previous measured run, percent. */
  deltaPct: number;
  lowPct: number;
  highPct: number;
}

export interface ChangePoint {
  /** The commit whose run first shows the change. */
  sha: string;
  /** The measured run before it. */
  previousSha: string;
  changes: MetricChange[];
}

export interface ChangePointResult {
  changePoints: ChangePoint[];
  /** Measured (not carried) runs with figures at the memory size. */
  measuredRuns: number;
  /** Why nothing could be tested, when so. */
  note?: string;
}

const METRICS: readonly TrendMetric[] = ['cost', 'duration'];

export interface Measurement {
  sha: string;
  values: Record<TrendMetric, number[]>;
  trim: number;
}

/** Runs are oldest first. */
export function findChangePoints(runs: readonly StoredRun[], options: ChangePointOptions): ChangePointResult {
  const measured: Measurement[] = [];
  for (const run of runs) {
    if (run.carriedFrom !== undefined) continue;
    const entry = entryAt(run.result, options.memoryMb);
    if (!isOk(entry)) continue;
    const values = {
      cost: metricValues(run.result, entry, 'cost', options.prices),
      duration: metricValues(run.result, entry, 'duration', options.prices),
    };
    if (values.cost.length < 2 || values.duration.length < 2) continue;
    measured.push({ sha: run.sha, values, trim: run.result.settings.discardTopBottom });
  }
  if (measured.length < 3)
    return {
      changePoints: [],
      measuredRuns: measured.length,
      note: `${measured.length} measured run${measured.length === 1 ? '' : 's'} at ${options.memoryMb} MB; 3 are needed to tell a change from the drift between runs`,
    };

  // k change points at a time: the best split into k + 1 stretches, kept while every one of its change points is
  // significant. It stops at the first k that fails: going on to larger k fits the noise (least squares makes the
  // stretches' spread, and so the drift, too small) and showed changes in 15% of identical-code windows.
  let accepted = significantPairs(measured, new Set(), options);
  for (let k = 1; k < measured.length; k++) {
    const split = bestSplit(measured, k);
    if (!split) break;
    const significant = significantPairs(measured, split, options);
    if ([...split].every((pair) => significant.has(pair))) accepted = significant;
  }

  const changePoints: ChangePoint[] = [...accepted.entries()]
    .sort(([a], [b]) => a - b)
    .map(([pair, changes]) => ({
      sha: (measured[pair] as Measurement).sha,
      previousSha: (measured[pair - 1] as Measurement).sha,
      changes: [...changes].sort((a, b) => METRICS.indexOf(a.metric) - METRICS.indexOf(b.metric)),
    }));
  return { changePoints, measuredRuns: measured.length };
}

/**
 * Every consecutive pair and metric tested with the drift estimated within the split's stretches, Holm's procedure
 * over all of them (as the gate's family: any pair could have been the change): the pairs with a significant
 * change, and its figures.
 */
function significantPairs(
  measured: readonly Measurement[],
  split: ReadonlySet<number>,
  options: ChangePointOptions,
): Map<number, MetricChange[]> {
  const tests: { pair: number; pValue: number; change: MetricChange }[] = [];
  for (const metric of METRICS) {
    // Without the run-to-run term two stored runs' samples alone would call every drift a change: test nothing.
    const runToRun = segmentedRunToRun(measured, split, metric);
    if (!runToRun) continue;
    for (let pair = 1; pair < measured.length; pair++) {
      const tested = testPair(
        measured[pair - 1] as Measurement,
        measured[pair] as Measurement,
        metric,
        runToRun,
        options,
      );
      if (tested) tests.push({ pair, ...tested });
    }
  }
  const significant = holmSignificant(
    tests.map((test) => test.pValue),
    1 - options.confidence,
  );
  const pairs = new Map<number, MetricChange[]>();
  tests.forEach((test, index) => {
    if (significant[index]) pairs.set(test.pair, [...(pairs.get(test.pair) ?? []), test.change]);
  });
  return pairs;
}

/**
 * The k change points (pair indices: a change between run i − 1 and run i) that leave the least spread of the runs'
 * trimmed log means (cost and duration together) around their stretch's mean: least squares by dynamic programming,
 * O(k·n²) for n ≤ 16 runs. Null when k + 1 stretches leave the drift fewer than 2 degrees of freedom.
 */
/**
 * Runs in a stretch at least: a stretch of one run has no spread, and least squares would isolate every outlier.
 * The newest stretch may be one run: a change that entered at the newest stored commit is the one a PR meets.
 */
const MIN_STRETCH = 2;

export function bestSplit(measured: readonly Measurement[], k: number): Set<number> | null {
  const n = measured.length;
  if (n - (k + 1) < 2 || n < k * MIN_STRETCH + 1) return null;
  const points = measured.map((run) =>
    METRICS.map((metric) => summariseLogs(run.values[metric], run.trim)?.trimmedMean ?? 0),
  );
  // cost[a][b]: squared spread of runs a..b-1 around their mean.
  const spread = (a: number, b: number): number => {
    let total = 0;
    for (let m = 0; m < METRICS.length; m++) {
      const values = points.slice(a, b).map((point) => point[m] as number);
      const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
      total += values.reduce((sum, value) => sum + (value - mean) ** 2, 0);
    }
    return total;
  };
  // best[j][b]: least spread of runs 0..b-1 in j + 1 stretches; from[j][b]: where the last stretch starts.
  const best: number[][] = [Array.from({ length: n + 1 }, (_, b) => (b >= MIN_STRETCH ? spread(0, b) : Infinity))];
  const from: number[][] = [Array.from({ length: n + 1 }, () => 0)];
  for (let j = 1; j <= k; j++) {
    best.push(Array.from({ length: n + 1 }, () => Infinity));
    from.push(Array.from({ length: n + 1 }, () => -1));
    for (let b = j * MIN_STRETCH + 1; b <= n; b++) {
      for (let a = j * MIN_STRETCH; a <= b - (b === n ? 1 : MIN_STRETCH); a++) {
        const total = (best[j - 1]?.[a] ?? Infinity) + spread(a, b);
        if (total < (best[j]?.[b] ?? Infinity)) {
          (best[j] as number[])[b] = total;
          (from[j] as number[])[b] = a;
        }
      }
    }
  }
  const split = new Set<number>();
  let end = n;
  for (let j = k; j >= 1; j--) {
    const start = from[j]?.[end] ?? -1;
    if (start <= 0) return null;
    split.add(start);
    end = start;
  }
  return split;
}

function testPair(
  previous: Measurement,
  current: Measurement,
  metric: TrendMetric,
  runToRun: RunToRunVariance | null,
  options: ChangePointOptions,
): { pValue: number; change: MetricChange } | null {
  const interval = ratioInterval(
    current.values[metric],
    previous.values[metric],
    current.trim,
    previous.trim,
    options.confidence,
    runToRun ?? undefined,
  );
  if (!interval) return null;
  const now = trimmedMean(current.values[metric], current.trim);
  const before = trimmedMean(previous.values[metric], previous.trim);
  if (!(before > 0)) return null;
  // Below the practical floor nobody pays for the change or feels it, as in the gate.
  if (Math.abs(now - before) < changeFloor(metric, gateFloor(options), options.memoryMb, options.prices)) return null;
  return {
    pValue: twoSidedPValue(interval),
    change: {
      metric,
      deltaPct: (now / before - 1) * 100,
      lowPct: (interval.low - 1) * 100,
      highPct: (interval.high - 1) * 100,
    },
  };
}

/** changeFloor reads only min-duration-change from the gate settings. */
function gateFloor(options: ChangePointOptions): Parameters<typeof changeFloor>[1] {
  return { minDurationChangeMs: options.minDurationChangeMs } as Parameters<typeof changeFloor>[1];
}

/**
 * stats.ts runToRunVariance, with each run's trimmed log mean taken from its own stretch's mean instead of the
 * window's (one degree of freedom per stretch). With no change points it is exactly runToRunVariance. Null with
 * fewer than 2 degrees of freedom, as there: too few to lean on.
 */
export function segmentedRunToRun(
  measured: readonly { values: Record<TrendMetric, number[]>; trim: number }[],
  boundaries: ReadonlySet<number>,
  metric: TrendMetric,
): RunToRunVariance | null {
  const stretches: number[][] = [[]];
  let within = 0;
  let count = 0;
  for (const [index, run] of measured.entries()) {
    if (boundaries.has(index)) stretches.push([]);
    const summary = summariseLogs(run.values[metric], run.trim);
    if (!summary) continue;
    (stretches[stretches.length - 1] as number[]).push(summary.trimmedMean);
    within += summary.squaredError;
    count++;
  }
  const used = stretches.filter((stretch) => stretch.length > 0);
  const degreesOfFreedom = count - used.length;
  if (count < 3 || degreesOfFreedom < 2) return null;
  let squares = 0;
  for (const stretch of used) {
    const mean = stretch.reduce((sum, value) => sum + value, 0) / stretch.length;
    squares += stretch.reduce((sum, value) => sum + (value - mean) ** 2, 0);
  }
  const observed = squares / degreesOfFreedom;
  return { variance: Math.max(0, observed - within / count), degreesOfFreedom, runs: count };
}
