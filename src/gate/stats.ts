// The significance test of the gate: a confidence interval of the PR/base ratio of one metric.
//
// Method: Welch's t on log values, in Yuen's trimmed form (Yuen 1974), trimming the same fraction the run's
// trimmed mean drops (discard-top-bottom). With no trimming it is exactly Welch's test on log values.
//
// Why this and not a bootstrap:
// - Tiny samples. The default is 10 invocations per memory size and min-samples may be as low as 2. A percentile
//   bootstrap interval is known to be too narrow at such sizes (at n = 5 it covers far less than its nominal
//   95%, and at n = 2 it has three distinct resamples per side), which is exactly where a gate must not cry
//   wolf. Welch's t widens the interval with the t quantile at its (fractional) degrees of freedom instead.
// - Logs. Lambda durations and costs are positive and right-skewed, and a regression is multiplicative
//   ("12% slower"), so the ratio is what is estimated: the difference of log means is the log of the ratio, and
//   the interval maps back to the ratio by exp, never crossing zero.
// - Trimming. A cold start (Init Duration) in a 10-sample run is a 2–10× outlier. Plain Welch would let that one
//   sample blow up the variance and hide every regression; Yuen's form uses the trimmed mean and the winsorized
//   variance, so the outlier is handled like the report's trimmed mean handles it.
// - Deterministic and closed form: the same results.json gives the same verdict on every re-run, and the unit
//   tests check the interval by hand.

import binomialCdf from '@stdlib/stats-base-dists-binomial-cdf';
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import { mean, sampleVariance } from 'simple-statistics';
import { tQuantile, trimCount } from '../tuning/stats.js';

/** One side's log values, summarised for Yuen's test. */
export interface TrimmedLogSummary {
  /** Samples. */
  n: number;
  /** Samples left after trimming (n − 2k), at least 2 whenever n ≥ 2. */
  h: number;
  /** Trimmed mean of the log values. */
  trimmedMean: number;
  /** (n − 1)·s²_w / (h·(h − 1)): this side's share of the squared standard error; 0 when every value is equal. */
  squaredError: number;
}

/**
 * Variance of a run's level that the samples of one run cannot show: the drift from one run to the next (another
 * runner, a busier host, a changed fleet). Estimated from stored runs (runToRunVariance); added once per side.
 */
export interface RunToRunVariance {
  /** σ²_b of a run's trimmed log mean. */
  variance: number;
  /** Its degrees of freedom (stored runs − 1). */
  degreesOfFreedom: number;
  /** Stored runs it came from. */
  runs: number;
}

export interface RatioInterval {
  /** exp(difference of trimmed log means): the ratio of trimmed geometric means, PR over base. */
  ratio: number;
  low: number;
  high: number;
  /** Welch–Satterthwaite degrees of freedom; Infinity when both sides have zero variance. */
  degreesOfFreedom: number;
  /** True when both sides have zero variance: the interval has zero width. */
  exact: boolean;
  /** ln(ratio) and its standard error (0 when exact): the test statistic is their quotient. */
  logRatio: number;
  standardError: number;
}

/**
 * The two-sided p-value of "no change" for an interval: from Student's t at the interval's degrees of freedom.
 * An exact interval (every sample equal on each side) is certain: 0 for any change, 1 for none.
 */
export function twoSidedPValue(interval: RatioInterval): number {
  if (interval.exact || interval.standardError === 0) return interval.logRatio === 0 ? 1 : 0;
  const t = Math.abs(interval.logRatio) / interval.standardError;
  const upper = interval.degreesOfFreedom === Infinity ? tCdf(-t, 1e12) : tCdf(-t, interval.degreesOfFreedom);
  return Math.min(1, 2 * upper);
}

/** Smallest positive value taken to a log; a zero duration is not a real measurement but must not give −∞. */
const LOG_FLOOR = 1e-9;

/**
 * Yuen's summary of one side. k = trimCount(n, trim) values are dropped at each end, but never so many that
 * fewer than 2 remain (a variance needs 2). Null when n < 2.
 */
export function summariseLogs(values: readonly number[], trim: number): TrimmedLogSummary | null {
  const n = values.length;
  if (n < 2) return null;
  const logs = values.map((value) => Math.log(Math.max(value, LOG_FLOOR))).sort((a, b) => a - b);
  const k = Math.min(trimCount(n, trim), Math.floor((n - 2) / 2));
  const h = n - 2 * k;
  const kept = logs.slice(k, n - k);
  const trimmedMean = kept.reduce((sum, value) => sum + value, 0) / h;
  const low = logs[k] as number;
  const high = logs[n - k - 1] as number;
  if (low === high) return { n, h, trimmedMean: low, squaredError: 0 };
  const winsorized = logs.map((value) => Math.min(Math.max(value, low), high));
  const winsorizedMean = winsorized.reduce((sum, value) => sum + value, 0) / n;
  const winsorizedVariance = winsorized.reduce((sum, value) => sum + (value - winsorizedMean) ** 2, 0) / (n - 1);
  return { n, h, trimmedMean, squaredError: ((n - 1) * winsorizedVariance) / (h * (h - 1)) };
}

/**
 * The two-sided confidence interval (at `confidence`, e.g. 0.95) of the PR/base ratio of trimmed geometric means.
 * Null when either side has fewer than 2 values.
 */
export function ratioInterval(
  prValues: readonly number[],
  baseValues: readonly number[],
  trimPr: number,
  trimBase: number,
  confidence: number,
  runToRun?: RunToRunVariance,
): RatioInterval | null {
  const pr = summariseLogs(prValues, trimPr);
  const base = summariseLogs(baseValues, trimBase);
  if (!pr || !base) return null;
  const logRatio = pr.trimmedMean - base.trimmedMean;
  // Each of the two runs carries its own run-to-run deviation: 2σ²_b.
  const between = runToRun && runToRun.variance > 0 && runToRun.degreesOfFreedom > 0 ? 2 * runToRun.variance : 0;
  const squaredError = pr.squaredError + base.squaredError + between;
  if (squaredError === 0) {
    // Every sample on each side is identical: the difference is not an estimate with an error, it is the data.
    const ratio = Math.exp(logRatio);
    return { ratio, low: ratio, high: ratio, degreesOfFreedom: Infinity, exact: true, logRatio, standardError: 0 };
  }
  // Welch–Satterthwaite over the two sides and, with stored history, the run-to-run term.
  const degreesOfFreedom =
    squaredError ** 2 /
    (pr.squaredError ** 2 / (pr.h - 1) +
      base.squaredError ** 2 / (base.h - 1) +
      (between > 0 ? between ** 2 / (runToRun?.degreesOfFreedom ?? 1) : 0));
  const standardError = Math.sqrt(squaredError);
  const halfWidth = tQuantile((1 + confidence) / 2, degreesOfFreedom) * standardError;
  return {
    ratio: Math.exp(logRatio),
    low: Math.exp(logRatio - halfWidth),
    high: Math.exp(logRatio + halfWidth),
    degreesOfFreedom,
    exact: false,
    logRatio,
    standardError,
  };
}

/** The stored runs a run-to-run variance needs: two give one degree of freedom, too few to lean on. */
export const MIN_STORED_RUNS = 3;

/**
 * The run-to-run variance of a metric at one memory size, from stored runs (each a list of sample values with its
 * trim): the variance of their trimmed log means, minus what their within-run errors explain (method of moments,
 * floored at 0). Null with fewer than 3 runs: two runs give one degree of freedom, too few to lean on.
 * Stored runs measured different commits, so a real change in the history counts as noise here: conservative.
 */
export function runToRunVariance(
  runs: readonly { values: readonly number[]; trim: number }[],
): RunToRunVariance | null {
  const summaries = runs
    .map((run) => summariseLogs(run.values, run.trim))
    .filter((summary): summary is TrimmedLogSummary => summary !== null);
  if (summaries.length < MIN_STORED_RUNS) return null;
  const means = summaries.map((summary) => summary.trimmedMean);
  const grand = means.reduce((sum, value) => sum + value, 0) / means.length;
  const observed = means.reduce((sum, value) => sum + (value - grand) ** 2, 0) / (means.length - 1);
  const within = summaries.reduce((sum, summary) => sum + summary.squaredError, 0) / summaries.length;
  return { variance: Math.max(0, observed - within), degreesOfFreedom: summaries.length - 1, runs: summaries.length };
}

/**
 * The interval of the PR/base ratio when both sides were measured in several execution environments, block by
 * block (the live gate's extra rounds: a fresh version of each function per block, invoked in turns, so block j of
 * the PR and block j of the base ran in the same time window). The unit is the environment, not the invocation:
 * d_j is the difference of block j's trimmed log means, and the interval is Student's t on the d_j with J − 1
 * degrees of freedom.
 *
 * Why: environments of the same code differ persistently (another host, another CPU, a differently warmed JIT),
 * by about 5% (sd) at 1769 and at 512 MB on the emulator. Counting invocations as independent makes such
 * an offset "significant" once there are enough of them; counting environments cannot, because the spread of the
 * d_j contains the offsets. Pairing by block also cancels the drift both functions see in one time window.
 * Blocks present on one side only are left out. Null with fewer than 2 paired blocks.
 */
export function blockRatioInterval(
  prBlocks: ReadonlyMap<number, readonly number[]>,
  baseBlocks: ReadonlyMap<number, readonly number[]>,
  trimPr: number,
  trimBase: number,
  confidence: number,
): (RatioInterval & { blocks: number; signPValue: number }) | null {
  const differences: number[] = [];
  for (const [block, prValues] of prBlocks) {
    const baseValues = baseBlocks.get(block);
    if (!baseValues || prValues.length === 0 || baseValues.length === 0) continue;
    differences.push(blockLogMean(prValues, trimPr) - blockLogMean(baseValues, trimBase));
  }
  const blocks = differences.length;
  if (blocks < 2) return null;
  const logRatio = mean(differences);
  const variance = sampleVariance(differences);
  const ratio = Math.exp(logRatio);
  // Equal differences up to rounding (logs of equal ratios rarely subtract to exactly the same double).
  const signPValue = signTestPValue(differences);
  if (variance <= (Number.EPSILON * Math.max(1, Math.abs(logRatio))) ** 2 * 16) {
    return {
      ratio,
      low: ratio,
      high: ratio,
      degreesOfFreedom: Infinity,
      exact: true,
      blocks,
      logRatio,
      standardError: 0,
      signPValue,
    };
  }
  const degreesOfFreedom = blocks - 1;
  const standardError = Math.sqrt(variance / blocks);
  const halfWidth = tQuantile((1 + confidence) / 2, degreesOfFreedom) * standardError;
  return {
    ratio,
    low: Math.exp(logRatio - halfWidth),
    high: Math.exp(logRatio + halfWidth),
    degreesOfFreedom,
    exact: false,
    blocks,
    logRatio,
    standardError,
    signPValue,
  };
}

/** A block's trimmed log mean; one value is its own log. */
function blockLogMean(values: readonly number[], trim: number): number {
  const summary = summariseLogs(values, trim);
  return summary ? summary.trimmedMean : Math.log(Math.max(values[0] ?? LOG_FLOOR, LOG_FLOOR));
}

/**
 * The two-sided sign test of paired block differences: how likely at least this many of them point one way if
 * each were equally likely to point either way (Binomial(J, ½); zero differences are left out). Why beside the t
 * interval: Student's t assumes the differences are roughly normal, and environments are not always — at 128 MB a
 * short CPU-bound handler either fits its CPU quota or waits out a scheduler period, so one environment can run
 * twice as long as its twin. Replayed on such environments, t alone failed identical code in 1.1–1.4% of runs at
 * low settings (bench/gate-replay.ts). The sign test holds whatever the tails, because for identical code each
 * difference is as likely positive as negative; it needs enough environments to say anything (J = 3 gives at
 * best p = 0.25), which is exactly the evidence a fail should rest on.
 */
export function signTestPValue(differences: readonly number[]): number {
  const nonZero = differences.filter((difference) => difference !== 0);
  const n = nonZero.length;
  if (n === 0) return 1;
  const positive = nonZero.filter((difference) => difference > 0).length;
  const extreme = Math.min(positive, n - positive);
  return Math.min(1, 2 * binomialCdf(extreme, n, 0.5));
}
