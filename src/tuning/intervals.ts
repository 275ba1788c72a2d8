// Confidence intervals around a memory size's figure, for adaptive sampling (adaptive.ts says which one each strategy
// uses): the trimmed mean's (Tukey & McLaughlin) and a percentile's from order statistics. Pure.

import binomialCdf from '@stdlib/stats-base-dists-binomial-cdf';
import { tQuantile, trimCount } from './stats.js';

export interface Interval {
  estimate: number;
  low: number;
  high: number;
}

/**
 * The interval of the trimmed mean (k = trimCount(n, discard) dropped at each end) at `confidence`, after
 * Tukey & McLaughlin (1963): se = s_w / ((1 − 2k/n)·√n), s_w the standard deviation of the winsorized sample,
 * t with n − 2k − 1 degrees of freedom. Fewer than two values, or no degree of freedom left → (−∞, +∞): nothing
 * is known yet. Equal values → a zero-width interval.
 */
export function trimmedMeanInterval(values: readonly number[], discardTopBottom: number, confidence: number): Interval {
  const n = values.length;
  const sorted = [...values].sort((a, b) => a - b);
  const k = trimCount(n, discardTopBottom);
  const kept = sorted.slice(k, n - k);
  const estimate = kept.length > 0 ? kept.reduce((sum, v) => sum + v, 0) / kept.length : NaN;
  const degreesOfFreedom = n - 2 * k - 1;
  if (n < 2 || degreesOfFreedom < 1) return { estimate, low: -Infinity, high: Infinity };
  const lowest = sorted[k] ?? NaN;
  const highest = sorted[n - k - 1] ?? NaN;
  const winsorized = sorted.map((v) => Math.min(highest, Math.max(lowest, v)));
  const winsorizedMean = winsorized.reduce((sum, v) => sum + v, 0) / n;
  const winsorizedSd = Math.sqrt(winsorized.reduce((sum, v) => sum + (v - winsorizedMean) ** 2, 0) / (n - 1));
  const standardError = winsorizedSd / ((1 - (2 * k) / n) * Math.sqrt(n));
  const halfWidth = tQuantile(1 - (1 - confidence) / 2, degreesOfFreedom) * standardError;
  return { estimate, low: estimate - halfWidth, high: estimate + halfWidth };
}

/**
 * The distribution-free interval of the p-th percentile (0 < p < 100) at `confidence`: order statistics
 * x(l) ≤ q ≤ x(u) with P(Bin(n, p) ≤ l − 1) ≤ α/2 and P(Bin(n, p) ≤ u − 1) ≥ 1 − α/2. A rank outside 1..n
 * leaves that side unbounded. The estimate is analyze.ts's interpolated percentile.
 */
export function percentileInterval(values: readonly number[], p: number, confidence: number): Interval {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const q = p / 100;
  const tail = (1 - confidence) / 2;
  if (n === 0) return { estimate: NaN, low: -Infinity, high: Infinity };
  // l − 1 = the largest k with CDF(k) ≤ α/2 (−1 when even CDF(0) is above it); u − 1 = the smallest k with CDF(k) ≥ 1 − α/2.
  let lowerRank = 0;
  while (lowerRank < n && binomialCdf(lowerRank, n, q) <= tail) lowerRank++;
  let upperRank = 0;
  while (upperRank <= n && binomialCdf(upperRank, n, q) < 1 - tail) upperRank++;
  upperRank += 1;
  const estimate = interpolatedPercentile(sorted, q);
  return {
    estimate,
    low: lowerRank >= 1 ? (sorted[lowerRank - 1] ?? -Infinity) : -Infinity,
    high: upperRank <= n ? (sorted[upperRank - 1] ?? Infinity) : Infinity,
  };
}

function interpolatedPercentile(sorted: readonly number[], q: number): number {
  const rank = q * (sorted.length - 1);
  const below = Math.floor(rank);
  const a = sorted[below] ?? NaN;
  const b = sorted[Math.min(below + 1, sorted.length - 1)] ?? NaN;
  return a + (b - a) * (rank - below);
}

export function overlaps(a: Interval, b: Interval): boolean {
  return a.low <= b.high && b.low <= a.high;
}
