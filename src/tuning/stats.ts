// Duration statistics: trimmed mean, percentiles, and a Student-t confidence interval of the mean.
//
// simple-statistics supplies mean, sample standard deviation, min/max and the quantile (its quantileSorted is
// the linear interpolation between closest ranks, Hyndman & Fan type 7, the default of numpy and R).
// It has no trimmed mean with Power Tuning's rule and no t distribution, so:
//   - trimmedMean is written here (k = floor(n·discard) dropped at each end, as the original tool does);
//   - the t quantile comes from @stdlib/stats-base-dists-t-quantile, a Cephes-derived inverse of the
//     incomplete beta function. The gate needs it for non-integer (Welch) degrees of freedom and for tiny
//     samples (n = 2 → 1 degree of freedom), where normal or table approximations are off by a lot.

import tQuantileImpl from '@stdlib/stats-base-dists-t-quantile';
import { max, mean, min, quantileSorted, sampleStandardDeviation } from 'simple-statistics';
import type { DurationStats } from '../types.js';

/** Guards floor(n·discard) against products like 0.29 × 100 = 28.999999999999996. */
const FLOOR_EPSILON = 1e-9;

const ascending = (a: number, b: number): number => a - b;

function sortedCopy(values: readonly number[]): number[] {
  return [...values].sort(ascending);
}

/** How many values trimmedMean drops at each end; always leaves at least one value. */
export function trimCount(n: number, discardTopBottom: number): number {
  const fraction = Number.isFinite(discardTopBottom) && discardTopBottom > 0 ? discardTopBottom : 0;
  const k = Math.floor(n * fraction + FLOOR_EPSILON);
  return Math.max(0, Math.min(k, Math.floor((n - 1) / 2)));
}

function trimmedMeanSorted(sorted: readonly number[], discardTopBottom: number): number {
  if (sorted.length === 0) return NaN;
  const k = trimCount(sorted.length, discardTopBottom);
  return mean(sorted.slice(k, sorted.length - k));
}

/**
 * Mean after dropping k = floor(n · discardTopBottom) values at each end of the sorted sample.
 * [1, 2, 3, 4, 2000] at 0.2 → k = 1 → mean(2, 3, 4) = 3. Empty → NaN.
 * A fraction of 0.5 or more would drop everything; k is capped so that at least one value remains.
 */
export function trimmedMean(values: readonly number[], discardTopBottom: number): number {
  return trimmedMeanSorted(sortedCopy(values), discardTopBottom);
}

function assertPercentile(p: number): void {
  if (!(p >= 0 && p <= 100)) {
    throw new RangeError(`percentile must be between 0 and 100, got ${p}`);
  }
}

function percentileSorted(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return quantileSorted(sorted as number[], p / 100);
}

/**
 * The p-th percentile (p in [0, 100]) by linear interpolation between closest ranks: rank = p/100 · (n − 1)
 * on the sorted sample, interpolated between the two neighbouring values (numpy's default, Excel's
 * PERCENTILE.INC). p0 is the minimum, p100 the maximum. Empty → NaN. p outside [0, 100] → RangeError.
 */
export function percentile(values: readonly number[], p: number): number {
  assertPercentile(p);
  return percentileSorted(sortedCopy(values), p);
}

/**
 * Student's t quantile: the x with P(T ≤ x) = p for T ~ t(degreesOfFreedom). Degrees of freedom may be
 * non-integer. p outside [0, 1] or degreesOfFreedom ≤ 0 (or NaN) → NaN; p = 0 → −∞, p = 1 → +∞.
 */
export function tQuantile(p: number, degreesOfFreedom: number): number {
  if (degreesOfFreedom === Infinity && p > 0 && p < 1) {
    // The limit is the normal quantile; stdlib's incomplete beta does not take an infinite parameter.
    return normalQuantile(p);
  }
  return tQuantileImpl(p, degreesOfFreedom);
}

/**
 * Standard normal quantile through a t with a huge df (1.9599639845424 for p = 0.975, exact 1.9599639845401).
 * simple-statistics' probit is not used: it gives 1.9572 there, 0.14% off.
 */
function normalQuantile(p: number): number {
  return tQuantileImpl(p, 1e12);
}

/**
 * Summary of one sample of durations (ms). Null for an empty sample.
 * stdDev is the sample standard deviation (n − 1), 0 when n = 1. ci95Low/High is the 95% confidence interval
 * of the mean, mean ± t(0.975, n − 1) · stdDev / √n; both equal the mean when n < 2.
 */
export function durationStats(values: readonly number[], discardTopBottom: number): DurationStats | null {
  if (values.length === 0) return null;
  const sorted = sortedCopy(values);
  const count = sorted.length;
  const sampleMean = mean(sorted);
  const stdDev = count > 1 ? sampleStandardDeviation(sorted) : 0;
  const halfWidth = count > 1 ? tQuantile(0.975, count - 1) * (stdDev / Math.sqrt(count)) : 0;
  return {
    count,
    mean: sampleMean,
    trimmedMean: trimmedMeanSorted(sorted, discardTopBottom),
    median: percentileSorted(sorted, 50),
    p90: percentileSorted(sorted, 90),
    p95: percentileSorted(sorted, 95),
    p99: percentileSorted(sorted, 99),
    min: min(sorted),
    max: max(sorted),
    stdDev,
    ci95Low: sampleMean - halfWidth,
    ci95High: sampleMean + halfWidth,
  };
}
