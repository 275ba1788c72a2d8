// The gate's significance test, checked against hand computation (and scipy.stats.ttest_ind(equal_var=False,
// trim=…), which gives the same intervals on the log values).

import { blockRatioInterval, ratioInterval, runToRunVariance, summariseLogs } from '../../src/gate/stats.js';

const exps = (logs: number[]) => logs.map((value) => Math.exp(value));

describe('summariseLogs', () => {
  it('is Welch (s²/n) without trimming', () => {
    // logs 0, 0.1, 0.2: mean 0.1, s² = (0.01 + 0 + 0.01) / 2 = 0.01, s²/n = 0.01/3.
    const summary = summariseLogs(exps([0, 0.1, 0.2]), 0);
    expect(summary?.h).toBe(3);
    expect(summary?.trimmedMean).toBeCloseTo(0.1, 12);
    expect(summary?.squaredError).toBeCloseTo(0.01 / 3, 12);
  });

  it("uses Yuen's trimmed mean and winsorized variance with trimming", () => {
    // n = 5, trim 0.2 → k = 1, h = 3. Sorted logs 0, 0.1, 0.2, 0.3, 5: kept 0.1..0.3 (mean 0.2); winsorized
    // 0.1, 0.1, 0.2, 0.3, 0.3 (mean 0.2, s²_w = 0.04 / 4 = 0.01); d = (n − 1)·s²_w / (h·(h − 1)) = 0.04 / 6.
    const summary = summariseLogs(exps([0.3, 5, 0, 0.2, 0.1]), 0.2);
    expect(summary?.h).toBe(3);
    expect(summary?.trimmedMean).toBeCloseTo(0.2, 12);
    expect(summary?.squaredError).toBeCloseTo(0.04 / 6, 12);
  });

  it('never trims below two values, and needs two', () => {
    // n = 3 at trim 0.4 would keep 1 value (k = 1); k is lowered to 0 so a variance exists.
    expect(summariseLogs([1, 2, 3], 0.4)?.h).toBe(3);
    expect(summariseLogs([1], 0)).toBeNull();
  });

  it('reports zero error for identical values', () => {
    expect(summariseLogs([7, 7, 7, 7], 0)).toEqual({ n: 4, h: 4, trimmedMean: Math.log(7), squaredError: 0 });
  });
});

describe('ratioInterval', () => {
  it('Welch on logs: PR logs 0.1..0.3 against base 0..0.2', () => {
    // diff 0.1; se² = 0.01/3 + 0.01/3; df = se⁴ / (2·(0.01/3)² / 2) = 4; t(0.975, 4) = 2.7764451;
    // half-width 2.7764451 · √(0.02/3) = 0.2266958 → exp(0.1 ∓ 0.2266958) = 0.8810016 … 1.3863797.
    const interval = ratioInterval(exps([0.1, 0.2, 0.3]), exps([0, 0.1, 0.2]), 0, 0, 0.95);
    expect(interval?.degreesOfFreedom).toBeCloseTo(4, 9);
    expect(interval?.ratio).toBeCloseTo(Math.exp(0.1), 9);
    expect(interval?.low).toBeCloseTo(0.8810016, 6);
    expect(interval?.high).toBeCloseTo(1.3863797, 6);
    expect(interval?.exact).toBe(false);
  });

  it('Yuen: a 150× outlier (a cold start) does not swamp the interval', () => {
    // PR logs 0.3, 0.4, 0.5, 0.6, 0.6 → trimmed mean 0.5, d = 0.04/6; base as above → 0.2, d = 0.04/6.
    // diff 0.3, se² = 0.08/6, df = 4, half-width 2.7764451 · 0.1154701 = 0.3205963 → 0.9796144 … 1.8600368.
    const pr = exps([0.3, 0.4, 0.5, 0.6, 0.6]);
    const base = exps([0, 0.1, 0.2, 0.3, 5]);
    const trimmed = ratioInterval(pr, base, 0.2, 0.2, 0.95);
    expect(trimmed?.ratio).toBeCloseTo(Math.exp(0.3), 9);
    expect(trimmed?.low).toBeCloseTo(0.9796144, 6);
    expect(trimmed?.high).toBeCloseTo(1.8600368, 6);
    // Plain Welch on the same data: the outlier makes the interval span 0.036 … 7.8.
    const untrimmed = ratioInterval(pr, base, 0, 0, 0.95);
    expect(untrimmed?.low).toBeCloseTo(0.0356511, 5);
    expect(untrimmed?.high).toBeCloseTo(7.7988381, 4);
  });

  it('tiny samples: two a side give ~1.94 degrees of freedom and a wide interval', () => {
    // PR 120, 130 against base 100, 110: ratio of geometric means 1.1908744, df 1.9419961, t = 4.4281822.
    const interval = ratioInterval([120, 130], [100, 110], 0.2, 0.2, 0.95);
    expect(interval?.degreesOfFreedom).toBeCloseTo(1.9419961, 6);
    expect(interval?.ratio).toBeCloseTo(1.1908744, 6);
    expect(interval?.low).toBeCloseTo(0.9040387, 5);
    expect(interval?.high).toBeCloseTo(1.568718, 5);
  });

  it('zero variance on both sides: the difference is exact, with a zero-width interval', () => {
    const up = ratioInterval([110, 110, 110], [100, 100, 100], 0, 0, 0.95);
    expect(up).toEqual({
      ratio: expect.closeTo(1.1, 12),
      low: expect.closeTo(1.1, 12),
      high: expect.closeTo(1.1, 12),
      degreesOfFreedom: Infinity,
      exact: true,
      logRatio: expect.closeTo(Math.log(1.1), 12),
      standardError: 0,
    });
    const same = ratioInterval([100, 100, 100], [100, 100, 100], 0, 0, 0.95);
    expect(same).toEqual({
      ratio: 1,
      low: 1,
      high: 1,
      degreesOfFreedom: Infinity,
      exact: true,
      logRatio: 0,
      standardError: 0,
    });
  });

  it('zero variance on one side: the other side alone sets the width (df = h − 1)', () => {
    // base logs all ln 100; PR logs ln100 + 0, 0.1, 0.2: diff 0.1, se² = 0.01/3, df = 2, t(0.975, 2) = 4.3026527.
    const interval = ratioInterval(
      exps([0, 0.1, 0.2]).map((value) => value * 100),
      [100, 100, 100],
      0,
      0,
      0.95,
    );
    expect(interval?.degreesOfFreedom).toBeCloseTo(2, 9);
    const halfWidth = 4.3026527 * Math.sqrt(0.01 / 3);
    expect(interval?.low).toBeCloseTo(Math.exp(0.1 - halfWidth), 6);
    expect(interval?.high).toBeCloseTo(Math.exp(0.1 + halfWidth), 6);
  });

  it('is null with fewer than two values on a side', () => {
    expect(ratioInterval([1], [1, 2], 0, 0, 0.95)).toBeNull();
  });

  it('a higher confidence gives a wider interval', () => {
    const at95 = ratioInterval(exps([0.1, 0.2, 0.3]), exps([0, 0.1, 0.2]), 0, 0, 0.95);
    const at99 = ratioInterval(exps([0.1, 0.2, 0.3]), exps([0, 0.1, 0.2]), 0, 0, 0.99);
    // t(0.995, 4) = 4.6040949.
    expect(at99?.high).toBeCloseTo(Math.exp(0.1 + 4.6040949 * Math.sqrt(0.02 / 3)), 6);
    expect((at99?.high ?? 0) > (at95?.high ?? 0)).toBe(true);
  });
});

describe('runToRunVariance', () => {
  it("is the variance of the runs' trimmed log means minus their within-run error", () => {
    // Three runs with constant values e^0, e^0.1, e^0.2: within-run error 0; means 0, 0.1, 0.2 → variance 0.01.
    const constant = (log: number) => ({ values: [1, 1, 1].map(() => Math.exp(log)), trim: 0 });
    expect(runToRunVariance([constant(0), constant(0.1), constant(0.2)])).toEqual({
      variance: expect.closeTo(0.01, 12),
      degreesOfFreedom: 2,
      runs: 3,
    });
    // Runs whose means differ by less than their own noise explains: no extra variance.
    const noisy = (shift: number) => ({ values: [0, 0.1, 0.2].map((log) => Math.exp(log + shift)), trim: 0 });
    // means 0.1, 0.11, 0.12 → observed 0.0001; within 0.01/3 each → floored at 0.
    expect(runToRunVariance([noisy(0), noisy(0.01), noisy(0.02)])?.variance).toBe(0);
  });

  it('needs three runs', () => {
    expect(
      runToRunVariance([
        { values: [1, 2], trim: 0 },
        { values: [1, 2], trim: 0 },
      ]),
    ).toBeNull();
  });

  it('widens the interval: 2σ²_b joins the squared error, with its own degrees of freedom', () => {
    // Exact +0.1 on the log scale; with σ²_b = 0.01 from 3 runs: se² = 0.02, df = 2, t(0.975, 2) = 4.3026527.
    const interval = ratioInterval(
      [1, 1, 1].map(() => Math.exp(0.1)),
      [1, 1, 1],
      0,
      0,
      0.95,
      { variance: 0.01, degreesOfFreedom: 2, runs: 3 },
    );
    expect(interval?.exact).toBe(false);
    expect(interval?.degreesOfFreedom).toBeCloseTo(2, 9);
    expect(interval?.low).toBeCloseTo(Math.exp(0.1 - 4.3026527 * Math.sqrt(0.02)), 6);
    expect(interval?.high).toBeCloseTo(Math.exp(0.1 + 4.3026527 * Math.sqrt(0.02)), 6);
  });
});

describe('blockRatioInterval', () => {
  const blocks = (...levels: number[][]) => new Map(levels.map((logs, block) => [block, exps(logs)]));

  it("is Student's t over the blocks' paired differences of log means", () => {
    // Differences of block log means 0.1, 0.2, 0.0: mean 0.1, s² = (0 + 0.01 + 0.01) / 2 = 0.01, se = √(0.01/3),
    // t(0.975, 2) = 4.302653, half-width 0.248414.
    const interval = blockRatioInterval(
      blocks([0.1, 0.1], [0.25, 0.15], [0, 0]),
      blocks([0, 0], [0, 0], [0, 0]),
      0,
      0,
      0.95,
    );
    expect(interval?.blocks).toBe(3);
    expect(interval?.degreesOfFreedom).toBe(2);
    expect(interval?.ratio).toBeCloseTo(Math.exp(0.1), 12);
    expect(interval?.low).toBeCloseTo(Math.exp(0.1 - 0.248414), 5);
    expect(interval?.high).toBeCloseTo(Math.exp(0.1 + 0.248414), 5);
  });

  it('pairs blocks by number and leaves out blocks measured on one side only', () => {
    const pr = new Map([
      [0, exps([0.1])],
      [1, exps([0.2])],
      [4, exps([9])],
    ]);
    const base = new Map([
      [0, exps([0])],
      [1, exps([0])],
      [2, exps([9])],
    ]);
    // Differences 0.1 and 0.2 only; two blocks give one degree of freedom (t = 12.706): mean 0.15, se = 0.05.
    const interval = blockRatioInterval(pr, base, 0, 0, 0.95);
    expect(interval?.blocks).toBe(2);
    expect(interval?.low).toBeCloseTo(Math.exp(0.15 - 12.706205 * 0.05), 5);
  });

  it('is null with fewer than two paired blocks, and exact when every difference is the same', () => {
    expect(blockRatioInterval(blocks([0.1, 0.2]), blocks([0, 0]), 0, 0, 0.95)).toBeNull();
    const exact = blockRatioInterval(blocks([0.1, 0.1], [0.3, 0.3]), blocks([0, 0], [0.2, 0.2]), 0, 0, 0.95);
    expect(exact).toEqual(expect.objectContaining({ exact: true, blocks: 2 }));
    expect(exact?.low).toBeCloseTo(Math.exp(0.1), 12);
  });

  it("trims within a block as the run's trimmed mean does", () => {
    // Block 0 of the PR has a 150× outlier; with 20% trimming of 5 values it drops out, and the difference is 0.
    const pr = blocks([0, 0, 0, 0, 5], [0.1, 0.1, 0.1, 0.1, 0.1]);
    const base = blocks([0, 0, 0, 0, 0], [0, 0, 0, 0, 0]);
    expect(blockRatioInterval(pr, base, 0.2, 0.2, 0.95)?.ratio).toBeCloseTo(Math.exp(0.05), 12);
  });
});
