// Where a significant change entered a key's history: between which two consecutive stored runs (default-branch
// pushes) cost, duration or, when asked, Init Duration at one memory size moved by more than run-to-run drift
// explains. The one rule for both places that show history: the comment's trend (report/trend.ts; cost and
// duration) and the dashboard (report/dashboard/model.ts; Init Duration too). Pure.
//
// The test is the gate's own for a stored baseline (compare-place.ts): the confidence interval of the ratio of trimmed
// geometric means (stats.ts ratioInterval, Yuen's trimmed Welch on logs) with the run-to-run term, the practical
// floor (family.ts changeFloor: min-duration-change for duration and Init Duration, what it costs for cost), and
// Holm's procedure over every pair and metric tested at once, so a window of ten runs does not find changes in
// identical code one time in two.
//
// The run-to-run term is estimated as the gate estimates it (stats.ts runToRunVariance: the spread of the runs'
// trimmed log means beyond what their own samples explain), but within the stretches between change points: a step
// of +25% in the middle of the window is not drift, and counting it as drift widens every interval until the step
// itself cannot be seen. So the search tries k = 0, 1, 2, … change points: the split into k + 1 stretches that
// explains the runs best (least squares, bestSplit; stretches of 2 runs or more, the newest may be 1), the drift
// estimated within its stretches, every pair and metric tested with it under Holm. The largest k whose every change
// point is significant wins, and the change points are the pairs significant under its split.
// Simulated 10-run windows (unit test, 3% drift, 4% in-run noise, 10 samples a run): a +25% step found in 76 of
// 100, at the newest run in 81; identical code shows a change in 3 of 100. Comparing consecutive runs (not stretch
// means) is what the gate does between two runs, and it needs a large step: +10% is mostly not named.
// Init Duration is tested only on runs with 2 cold starts or more at the memory size (a stored run usually has one,
// its first invocation, and then Init is not tested at all). Simulated (unit test, 10-run windows of runs with 3
// cold starts each, 5% drift of Init between runs, 5% between one run's cold starts): a +50% Init step found in 76
// of 100 windows (26 with 10% between cold starts: 3 values a side leave the interval wide); identical code shows a
// change in any metric in 2 of 100. Testing Init makes the family larger: a +25% duration step in the same windows
// is found in 75 of 100 instead of 80.
//
// Carried entries (an app's unchanged function: `carriedFrom`) are copies of an earlier run, not measurements; they
// are neither compared nor counted, and a change is always between two measured runs.

import { entryAt } from '../results/figures.js';
import { trimmedMean } from '../tuning/stats.js';
import type { Prices, RunResult } from '../types.js';
import { changeFloor, holmSignificant } from './family.js';
import type { RelativeMetric } from './findings.js';
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

/** Cost, duration, and Init Duration (the gate's relative metrics, findings.ts). */
export type TrendMetric = RelativeMetric;

export interface ChangePointOptions {
  /** The memory size compared (the PR's configured memory). */
  memoryMb: number;
  /** The gate's confidence, e.g. 0.95. */
  confidence: number;
  /** The gate's practical floor (min-duration-change, ms); cost's floor follows from it (family.ts). */
  minDurationChangeMs: number;
  /** One price list for every run, so a price change is not a change in the code (the PR's). */
  prices: Prices;
  /** The metrics tested; default cost and duration (the comment's trend). The dashboard adds init. */
  metrics?: readonly TrendMetric[];
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
  /** Their positions in the runs given (a data branch written by hand may repeat a SHA). */
  index: number;
  previousIndex: number;
  changes: MetricChange[];
}

export interface ChangePointResult {
  changePoints: ChangePoint[];
  /** Measured (not carried) runs with figures at the memory size. */
  measuredRuns: number;
  /** Per metric tested, the measured runs with the 2 values or more a test needs (Init: 2 cold starts or more). */
  testableRuns: Partial<Record<TrendMetric, number>>;
  /** Why nothing could be tested, when so. */
  note?: string;
}

const DEFAULT_METRICS: readonly TrendMetric[] = ['cost', 'duration'];
const ORDER: readonly TrendMetric[] = ['cost', 'duration', 'init'];

export interface Measurement {
  sha: string;
  /** Position in the runs given. */
  index: number;
  /** Per metric, its values; absent (or fewer than 2) when this run cannot be tested on it. */
  values: Partial<Record<TrendMetric, number[]>>;
  trim: number;
}

/** A metric's values of a run, when there are the 2 an interval needs. */
function testable(run: Measurement, metric: TrendMetric): number[] | undefined {
  const values = run.values[metric];
  return values && values.length >= 2 ? values : undefined;
}

/** Runs are oldest first. */
export function findChangePoints(runs: readonly StoredRun[], options: ChangePointOptions): ChangePointResult {
  const metrics = ORDER.filter((metric) => (options.metrics ?? DEFAULT_METRICS).includes(metric));
  // Membership is per metric. Cost and duration come from the same samples (metrics.ts), so a run has both or
  // neither; Init Duration comes from the cold starts alone, and a stored run often has one at a memory size (its
  // first invocation), too few for an interval. Such a run still counts for cost and duration: dropping it would
  // make their consecutive pairs span it and hide its own change. A pair is tested on a metric only when both of
  // its runs have 2 values or more of it; Init is not tested across a run without them, since a change found there
  // could have entered at either commit.
  const measured: Measurement[] = [];
  for (const [index, run] of runs.entries()) {
    if (run.carriedFrom !== undefined) continue;
    const entry = entryAt(run.result, options.memoryMb);
    if (!isOk(entry)) continue;
    const values = Object.fromEntries(
      metrics.map((metric) => [metric, metricValues(run.result, entry, metric, options.prices)]),
    ) as Partial<Record<TrendMetric, number[]>>;
    const measurement = { sha: run.sha, index, values, trim: run.result.settings.discardTopBottom };
    if (!metrics.some((metric) => testable(measurement, metric))) continue;
    measured.push(measurement);
  }
  const testableRuns = Object.fromEntries(
    metrics.map((metric) => [metric, measured.filter((run) => testable(run, metric)).length]),
  ) as Partial<Record<TrendMetric, number>>;
  if (measured.length < 3)
    return {
      changePoints: [],
      measuredRuns: measured.length,
      testableRuns,
      note: `${measured.length} measured run${measured.length === 1 ? '' : 's'} at ${options.memoryMb} MB; 3 are needed to tell a change from the drift between runs`,
    };

  // k change points at a time: the best split into k + 1 stretches, accepted when every one of its change points is
  // significant; every k is tried while a split exists, and the largest accepted wins. Stopping at the first k that
  // fails would miss two steps: the best single split of a staircase lies on one step with the other counted as
  // drift (the 12-run staircase of the unit test was then found in 0 of 100 windows instead of 70).
  let accepted = significantPairs(measured, new Set(), metrics, options);
  for (let k = 1; k < measured.length; k++) {
    const split = bestSplit(measured, k, metrics);
    if (!split) break;
    const significant = significantPairs(measured, split, metrics, options);
    if ([...split].every((pair) => significant.has(pair))) accepted = significant;
  }

  const changePoints: ChangePoint[] = [...accepted.entries()]
    .sort(([a], [b]) => a - b)
    .map(([pair, changes]) => {
      const current = measured[pair] as Measurement;
      const previous = measured[pair - 1] as Measurement;
      return {
        sha: current.sha,
        previousSha: previous.sha,
        index: current.index,
        previousIndex: previous.index,
        changes: [...changes].sort((a, b) => ORDER.indexOf(a.metric) - ORDER.indexOf(b.metric)),
      };
    });
  return { changePoints, measuredRuns: measured.length, testableRuns };
}

/**
 * Every consecutive pair and metric tested with the drift estimated within the split's stretches, Holm's procedure
 * over all of them (as the gate's family: any pair could have been the change): the pairs with a significant
 * change, and its figures.
 */
function significantPairs(
  measured: readonly Measurement[],
  split: ReadonlySet<number>,
  metrics: readonly TrendMetric[],
  options: ChangePointOptions,
): Map<number, MetricChange[]> {
  const tests: { pair: number; pValue: number; change: MetricChange }[] = [];
  for (const metric of metrics) {
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
 * Runs in a stretch at least: a stretch of one run has no spread, and least squares would isolate every outlier.
 * The newest stretch may be one run: a change that entered at the newest stored commit is the one a PR meets.
 */
const MIN_STRETCH = 2;

/**
 * The k change points (pair indices: a change between run i − 1 and run i) that leave the least spread of the runs'
 * trimmed log means around their stretch's mean, summed over the metrics: least squares by dynamic programming,
 * O(k·n²) for n ≤ 16 runs. Null when k + 1 stretches leave the drift fewer than 2 degrees of freedom.
 *
 * Each metric's spread counts in units of its own run-to-run noise, so the split does not depend on a metric's
 * scale: Init Duration, the mean of a few cold starts, moves far more from run to run than warm duration, and in
 * plain log units its noise would choose the split for cost and duration. Nor does it depend on how many metrics
 * move together: cost follows billed duration, so weighting each metric by its spread over the window (steps
 * included) gave cost and duration two votes against Init's one, and their noise outvoted a +50% Init step. The
 * noise is the median of the squared successive differences of the runs' trimmed log means (a median, so a few steps
 * do not count as noise; the constant that would make it a variance is the same for every metric and left out).
 * Cost and duration move together in log units, so between the two this weighting changes nothing: the split of
 * the comment's trend is the one it had before Init could be tested (the simulated figures above are unchanged).
 * A run that cannot be tested on a metric adds nothing to that metric's spread.
 */
export function bestSplit(
  measured: readonly Measurement[],
  k: number,
  metrics: readonly TrendMetric[] = DEFAULT_METRICS,
): Set<number> | null {
  const n = measured.length;
  if (n - (k + 1) < 2 || n < k * MIN_STRETCH + 1) return null;
  const series = metrics.map((metric) =>
    measured.map((run) => {
      const values = testable(run, metric);
      return values ? (summariseLogs(values, run.trim)?.trimmedMean ?? null) : null;
    }),
  );
  const squares = (values: readonly (number | null)[]): number => {
    const present = values.filter((value): value is number => value !== null);
    if (present.length === 0) return 0;
    const mean = present.reduce((sum, value) => sum + value, 0) / present.length;
    return present.reduce((sum, value) => sum + (value - mean) ** 2, 0);
  };
  const weights = series.map((values) => {
    const present = values.filter((value): value is number => value !== null);
    const steps = present.slice(1).map((value, i) => (value - (present[i] as number)) ** 2);
    const noise = median(steps) || steps.reduce((sum, step) => sum + step, 0) / Math.max(1, steps.length);
    return noise > 0 ? 1 / noise : 0;
  });
  // spread(a, b): the weighted squared spread of runs a..b-1 around their mean.
  const spread = (a: number, b: number): number =>
    series.reduce((total, values, m) => total + (weights[m] as number) * squares(values.slice(a, b)), 0);
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

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return 0;
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

function testPair(
  previous: Measurement,
  current: Measurement,
  metric: TrendMetric,
  runToRun: RunToRunVariance | null,
  options: ChangePointOptions,
): { pValue: number; change: MetricChange } | null {
  const currentValues = testable(current, metric);
  const previousValues = testable(previous, metric);
  if (!currentValues || !previousValues) return null;
  const interval = ratioInterval(
    currentValues,
    previousValues,
    current.trim,
    previous.trim,
    options.confidence,
    runToRun ?? undefined,
  );
  if (!interval) return null;
  const now = trimmedMean(currentValues, current.trim);
  const before = trimmedMean(previousValues, previous.trim);
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
  measured: readonly { values: Partial<Record<TrendMetric, number[]>>; trim: number }[],
  boundaries: ReadonlySet<number>,
  metric: TrendMetric,
): RunToRunVariance | null {
  const stretches: number[][] = [[]];
  let within = 0;
  let count = 0;
  for (const [index, run] of measured.entries()) {
    if (boundaries.has(index)) stretches.push([]);
    const summary = summariseLogs(run.values[metric] ?? [], run.trim);
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
