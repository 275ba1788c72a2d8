import { durationStats, percentile, tQuantile, trimCount, trimmedMean } from '../../src/tuning/stats.js';

describe('trimmedMean', () => {
  it('drops floor(n·discard) values at each end: [1,2,3,4,2000] at 0.2 → mean(2,3,4) = 3', () => {
    expect(trimmedMean([1, 2, 3, 4, 2000], 0.2)).toBe(3);
  });

  it('sorts before trimming', () => {
    expect(trimmedMean([2000, 4, 1, 3, 2], 0.2)).toBe(3);
  });

  it('drops nothing when floor(n·discard) is 0: n=4 at 0.2 → k=0', () => {
    expect(trimmedMean([1, 2, 3, 10], 0.2)).toBe(4);
  });

  it('is the plain mean at discard 0', () => {
    expect(trimmedMean([1, 2, 3, 10], 0)).toBe(4);
  });

  it('drops k=4 of 10 at 0.4 from each end: [1..10] → mean(5,6) = 5.5', () => {
    expect(trimmedMean([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 0.4)).toBe(5.5);
  });

  it('is not fooled by floating products: 0.29 × 100 is 28.999… but k is 29', () => {
    expect(trimCount(100, 0.29)).toBe(29);
    // values 1..100: dropping 29 each end leaves 30..71, mean 50.5
    const oneToHundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(trimmedMean(oneToHundred, 0.29)).toBe(50.5);
  });

  it('keeps at least one value even when asked to drop half or more', () => {
    expect(trimCount(2, 0.5)).toBe(0);
    expect(trimCount(3, 0.9)).toBe(1);
    expect(trimmedMean([1, 5, 100], 0.9)).toBe(5);
  });

  it('treats a negative or NaN fraction as 0', () => {
    expect(trimmedMean([1, 2, 6], -1)).toBe(3);
    expect(trimmedMean([1, 2, 6], NaN)).toBe(3);
  });

  it('returns the value for n=1 and NaN for an empty sample', () => {
    expect(trimmedMean([42], 0.4)).toBe(42);
    expect(trimmedMean([], 0.2)).toBeNaN();
  });

  it('does not reorder the caller’s array', () => {
    const values = [3, 1, 2];
    trimmedMean(values, 0.2);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('percentile (linear interpolation between closest ranks, rank = p/100·(n−1))', () => {
  const values = [4, 1, 3, 2]; // sorted 1,2,3,4

  it('p0 is the minimum and p100 the maximum', () => {
    expect(percentile(values, 0)).toBe(1);
    expect(percentile(values, 100)).toBe(4);
  });

  it('p50 of 1..4 is 2.5 (rank 1.5)', () => {
    expect(percentile(values, 50)).toBe(2.5);
  });

  it('p25 of 1..4 is 1.75 (rank 0.75)', () => {
    expect(percentile(values, 25)).toBe(1.75);
  });

  it('p90 of 10,20,30,40,50 is 46 (rank 3.6: 40 + 0.6·10)', () => {
    expect(percentile([50, 10, 40, 20, 30], 90)).toBeCloseTo(46, 12);
  });

  it('hits exact ranks without interpolating: p50 of 1..5 is 3', () => {
    expect(percentile([5, 4, 3, 2, 1], 50)).toBe(3);
  });

  it('is the value itself for n=1, and NaN for an empty sample', () => {
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });

  it('rejects p outside [0, 100]', () => {
    expect(() => percentile([1, 2], -1)).toThrow(RangeError);
    expect(() => percentile([1, 2], 101)).toThrow('between 0 and 100');
    expect(() => percentile([1, 2], NaN)).toThrow(RangeError);
  });
});

describe('tQuantile', () => {
  // Reference values from Student-t tables (R: qt(p, df)).
  it.each([
    [0.975, 1, 12.706205],
    [0.975, 4, 2.776445],
    [0.95, 10, 1.812461],
    [0.99, 30, 2.457262],
  ])('t(%s, df=%s) = %s', (p, df, expected) => {
    expect(tQuantile(p, df)).toBeCloseTo(expected, 5);
  });

  it('is symmetric around 0 and 0 at the median', () => {
    expect(tQuantile(0.025, 4)).toBeCloseTo(-2.776445, 5);
    expect(tQuantile(0.5, 7)).toBe(0);
  });

  it('accepts non-integer degrees of freedom (Welch), between its integer neighbours', () => {
    const t = tQuantile(0.975, 2.5);
    expect(t).toBeLessThan(tQuantile(0.975, 2)); // 4.303
    expect(t).toBeGreaterThan(tQuantile(0.975, 3)); // 3.182
  });

  it('tends to the normal quantile 1.959964 for infinite degrees of freedom', () => {
    expect(tQuantile(0.975, Infinity)).toBeCloseTo(1.959964, 6);
  });

  it('gives ±∞ at p = 0 and 1, NaN for p outside [0,1] or df ≤ 0', () => {
    expect(tQuantile(0, 3)).toBe(-Infinity);
    expect(tQuantile(1, 3)).toBe(Infinity);
    expect(tQuantile(1.5, 3)).toBeNaN();
    expect(tQuantile(0.975, 0)).toBeNaN();
    expect(tQuantile(0.975, NaN)).toBeNaN();
  });
});

describe('durationStats', () => {
  it('is null for an empty sample', () => {
    expect(durationStats([], 0.2)).toBeNull();
  });

  it('summarises 10,20,30,40,50 (hand-computed)', () => {
    const stats = durationStats([30, 10, 50, 20, 40], 0.2);
    // sample variance = (400+100+0+100+400)/4 = 250; sd = 15.8113883; sd/√5 = 7.0710678;
    // half width = t(0.975, 4) · 7.0710678 = 2.7764451 · 7.0710678 = 19.6324316
    expect(stats).toMatchObject({ count: 5, mean: 30, trimmedMean: 30, median: 30, min: 10, max: 50 });
    expect(stats?.p90).toBeCloseTo(46, 10);
    expect(stats?.p95).toBeCloseTo(48, 10);
    expect(stats?.p99).toBeCloseTo(49.6, 10);
    expect(stats?.stdDev).toBeCloseTo(15.8113883, 6);
    expect(stats?.ci95Low).toBeCloseTo(30 - 19.6324316, 5);
    expect(stats?.ci95High).toBeCloseTo(30 + 19.6324316, 5);
  });

  it('uses the trimmed mean with the given fraction: [1,2,3,4,2000] at 0.2', () => {
    const stats = durationStats([1, 2, 3, 4, 2000], 0.2);
    expect(stats?.trimmedMean).toBe(3);
    expect(stats?.mean).toBe(402);
  });

  it('n=2: CI of the mean is 12 ± t(0.975,1)·√8/√2 = 12 ± 2·12.7062047', () => {
    const stats = durationStats([10, 14], 0);
    expect(stats?.stdDev).toBeCloseTo(Math.SQRT2 * 2, 12);
    expect(stats?.ci95Low).toBeCloseTo(12 - 25.4124095, 5);
    expect(stats?.ci95High).toBeCloseTo(12 + 25.4124095, 5);
  });

  it('n=1: stdDev 0 and the interval collapses to the mean (no NaN)', () => {
    expect(durationStats([123.4], 0.2)).toEqual({
      count: 1,
      mean: 123.4,
      trimmedMean: 123.4,
      median: 123.4,
      p90: 123.4,
      p95: 123.4,
      p99: 123.4,
      min: 123.4,
      max: 123.4,
      stdDev: 0,
      ci95Low: 123.4,
      ci95High: 123.4,
    });
  });

  it('all values equal: stdDev 0 and a zero-width interval, nothing NaN', () => {
    const stats = durationStats([5, 5, 5, 5], 0.2);
    expect(stats).toMatchObject({ mean: 5, stdDev: 0, ci95Low: 5, ci95High: 5, p99: 5 });
    expect(Object.values(stats ?? {}).some((v) => Number.isNaN(v))).toBe(false);
  });
});
