import {
  durationPercentileMs,
  explainNoRecommendation,
  nearlyEqual,
  recommend,
  type RecommendOptions,
} from '../../src/tuning/analyze.js';
import type { DurationStats, PowerValueResult, Sample } from '../../src/types.js';

function stats(trimmedMeanMs: number): DurationStats {
  return {
    count: 5,
    mean: trimmedMeanMs,
    trimmedMean: trimmedMeanMs,
    median: trimmedMeanMs,
    p90: trimmedMeanMs,
    p95: trimmedMeanMs,
    p99: trimmedMeanMs,
    min: trimmedMeanMs,
    max: trimmedMeanMs,
    stdDev: 0,
    ci95Low: trimmedMeanMs,
    ci95High: trimmedMeanMs,
  };
}

function sample(durationMs: number, errorType?: string): Sample {
  return {
    durationMs,
    billedDurationMs: Math.ceil(durationMs),
    payloadIndex: 0,
    coldStart: false,
    ...(errorType ? { errorType } : {}),
  };
}

/** An 'ok' power value whose trimmed-mean duration and cost are given; samples only matter to 'percentile'. */
function ok(memoryMb: number, durationMs: number, costUsd: number, sampleDurationsMs: number[] = []): PowerValueResult {
  return {
    memoryMb,
    status: 'ok',
    invocations: sampleDurationsMs.length,
    errors: 0,
    errorTypes: {},
    samples: sampleDurationsMs.map((d) => sample(d)),
    duration: stats(durationMs),
    coldStart: null,
    costPerInvocationUsd: costUsd,
    billedDurationMs: Math.ceil(durationMs),
    maxMemoryUsedMb: 60,
  };
}

function failed(memoryMb: number, failureReason: string): PowerValueResult {
  return {
    memoryMb,
    status: 'failed',
    failureReason,
    invocations: 5,
    errors: 5,
    errorTypes: { 'Runtime.OutOfMemory': 5 },
    samples: [],
    duration: null,
    coldStart: null,
    costPerInvocationUsd: null,
    billedDurationMs: null,
    maxMemoryUsedMb: null,
  };
}

const cost: RecommendOptions = { strategy: 'cost', balancedWeight: 0.5 };
const speed: RecommendOptions = { strategy: 'speed', balancedWeight: 0.5 };
const balanced = (balancedWeight: number): RecommendOptions => ({ strategy: 'balanced', balancedWeight });
const percentileStrategy = (percentile: number, maxDurationMs: number): RecommendOptions => ({
  strategy: 'percentile',
  balancedWeight: 0.5,
  percentileLimit: { percentile, maxDurationMs },
});

describe('nearlyEqual', () => {
  it('treats a relative difference up to 1e-9 as equal', () => {
    expect(nearlyEqual(2.1e-6, 2.1e-6 * (1 + 1e-12))).toBe(true);
    expect(nearlyEqual(2.1e-6, 2.1e-6 * (1 + 1e-6))).toBe(false);
    expect(nearlyEqual(0, 0)).toBe(true);
    expect(nearlyEqual(0, 1e-300)).toBe(false);
  });
});

describe('recommend: cost', () => {
  it('picks the cheapest and says so in one sentence', () => {
    const values = [ok(128, 300, 0.0000027), ok(256, 120, 0.0000021), ok(512, 70, 0.0000032)];
    expect(recommend(values, cost)).toEqual({
      strategy: 'cost',
      memoryMb: 256,
      costPerInvocationUsd: 0.0000021,
      durationMs: 120,
      reason: 'cheapest of 3 memory sizes at $0.00000210 per invocation (120 ms)',
    });
  });

  it('breaks a float tie (within 1e-9 relative) by speed', () => {
    const values = [ok(128, 200, 0.0000021), ok(256, 100, 0.0000021 * (1 + 1e-12))];
    const result = recommend(values, cost);
    expect(result?.memoryMb).toBe(256);
    expect(result?.reason).toContain('2 sizes tied on cost and this is the fastest of them');
  });

  it('does not call a real difference a tie', () => {
    const values = [ok(128, 200, 0.0000021), ok(256, 100, 0.0000021 * (1 + 1e-6))];
    expect(recommend(values, cost)?.memoryMb).toBe(128);
  });

  it('falls back to the smaller memory when cost and duration both tie, whatever the input order', () => {
    expect(recommend([ok(512, 100, 1e-6), ok(256, 100, 1e-6)], cost)?.memoryMb).toBe(256);
    expect(recommend([ok(256, 100, 1e-6), ok(512, 100, 1e-6)], cost)?.memoryMb).toBe(256);
  });

  it('considers only ok entries with a duration and a cost', () => {
    const noCost = { ...ok(128, 10, 1e-9), costPerInvocationUsd: null };
    const noDuration = { ...ok(192, 10, 1e-9), duration: null };
    const values = [
      failed(64, 'All 5 invocations failed with Runtime.OutOfMemory.'),
      noCost,
      noDuration,
      ok(1024, 50, 5e-6),
    ];
    expect(recommend(values, cost)).toMatchObject({
      memoryMb: 1024,
      reason: 'the only memory size with results at $0.00000500 per invocation (50.0 ms)',
    });
  });

  it('returns null when there is no candidate', () => {
    expect(recommend([], cost)).toBeNull();
    expect(recommend([failed(128, 'x')], cost)).toBeNull();
  });
});

describe('recommend: speed', () => {
  it('picks the fastest', () => {
    const values = [ok(128, 300, 1e-6), ok(1024, 40, 5e-6), ok(2048, 41, 9e-6)];
    expect(recommend(values, speed)).toMatchObject({
      strategy: 'speed',
      memoryMb: 1024,
      reason: 'fastest of 3 memory sizes at 40.0 ms ($0.00000500 per invocation)',
    });
  });

  it('breaks a tie by cost', () => {
    const values = [ok(2048, 40, 9e-6), ok(1024, 40 * (1 + 1e-13), 5e-6)];
    expect(recommend(values, speed)?.memoryMb).toBe(1024);
  });
});

describe('recommend: balanced', () => {
  // maxCost = 3e-6, maxDuration = 100.
  // w = 0.5: 128 → 0.5·(1/3) + 0.5·1 = 0.667; 256 → 0.5·0.5 + 0.5·0.5 = 0.5; 512 → 0.5·1 + 0.5·0.3 = 0.65
  const values = [ok(128, 100, 1e-6), ok(256, 50, 1.5e-6), ok(512, 30, 3e-6)];

  it('minimises w·cost/maxCost + (1−w)·duration/maxDuration (w = 0.5 → 256 MB)', () => {
    expect(recommend(values, balanced(0.5))).toMatchObject({
      strategy: 'balanced',
      memoryMb: 256,
      reason:
        'best balance of cost and speed of 3 memory sizes (weight 0.5 on cost) at $0.00000150 per invocation and 50.0 ms',
    });
  });

  it('is the cost strategy at w = 1 and the speed strategy at w = 0', () => {
    expect(recommend(values, balanced(1))?.memoryMb).toBe(128);
    expect(recommend(values, balanced(0))?.memoryMb).toBe(512);
  });

  it('clamps the weight to [0, 1]', () => {
    expect(recommend(values, balanced(7))?.memoryMb).toBe(128);
    expect(recommend(values, balanced(-3))?.memoryMb).toBe(512);
  });

  it('w = 0.8: 128 → 0.8/3 + 0.2 = 0.467, 256 → 0.4 + 0.1 = 0.5 → 128 MB', () => {
    expect(recommend(values, balanced(0.8))?.memoryMb).toBe(128);
  });

  it('breaks a score tie by cost', () => {
    // w = 0.5, maxCost 2, maxDuration 2: 128 → 0.5·0.5 + 0.5·1 = 0.75; 256 → 0.5·1 + 0.5·0.5 = 0.75
    const tied = [ok(256, 1, 2e-6), ok(128, 2, 1e-6)];
    expect(recommend(tied, balanced(0.5))?.memoryMb).toBe(128);
  });

  it('does not divide by zero when every cost is 0 (free emulator prices)', () => {
    const free = [ok(128, 100, 0), ok(256, 60, 0)];
    expect(recommend(free, balanced(0.5))?.memoryMb).toBe(256);
  });
});

describe('recommend: percentile', () => {
  // p95 by linear interpolation, rank 0.95·4 = 3.8:
  //   128: 100,110,120,130,400 → 130 + 0.8·270 = 346
  //   256:  50, 55, 60, 65, 70 →  65 + 0.8·5   = 69
  //   512:  30 ×5              →  30
  const values = [
    ok(128, 120, 1e-6, [100, 110, 120, 130, 400]),
    ok(256, 60, 1.2e-6, [50, 55, 60, 65, 70]),
    ok(512, 30, 2e-6, [30, 30, 30, 30, 30]),
  ];

  it('computes the percentile from the successful samples', () => {
    expect(durationPercentileMs(values[0] as PowerValueResult, 95)).toBeCloseTo(346, 10);
    expect(durationPercentileMs(values[1] as PowerValueResult, 95)).toBeCloseTo(69, 10);
  });

  it('picks the cheapest whose p95 is within the limit', () => {
    expect(recommend(values, percentileStrategy(95, 100))).toEqual({
      strategy: 'percentile',
      memoryMb: 256,
      costPerInvocationUsd: 1.2e-6,
      durationMs: 60,
      reason: 'cheapest of 2 memory sizes with p95 within 100 ms: $0.00000120 per invocation, p95 69.0 ms',
    });
  });

  it('counts a percentile equal to the limit as within it', () => {
    expect(recommend(values, percentileStrategy(95, 69))?.memoryMb).toBe(256);
    expect(recommend(values, percentileStrategy(95, 68.9))).toMatchObject({
      memoryMb: 512,
      reason: 'the only memory size of 3 with p95 within 68.9 ms: $0.00000200 per invocation, p95 30.0 ms',
    });
  });

  it('leaves failed samples out of the percentile', () => {
    const withError = {
      ...ok(256, 60, 1.2e-6, [50, 55, 60, 65, 70]),
      samples: [...[50, 55, 60, 65, 70].map((d) => sample(d)), sample(5000, 'Sandbox.Timedout')],
    };
    expect(durationPercentileMs(withError, 95)).toBeCloseTo(69, 10);
    expect(recommend([withError], percentileStrategy(95, 100))?.memoryMb).toBe(256);
  });

  it('skips a candidate without successful samples', () => {
    const noSamples = ok(128, 10, 1e-9, []);
    expect(recommend([noSamples, values[2] as PowerValueResult], percentileStrategy(95, 100))?.memoryMb).toBe(512);
  });

  it('breaks a cost tie by speed', () => {
    const a = ok(1024, 50, 2e-6, [40, 50, 60]);
    const b = ok(512, 30, 2e-6, [30, 30, 30]);
    expect(recommend([a, b], percentileStrategy(90, 100))?.memoryMb).toBe(512);
  });

  it('recommends nothing when no memory size meets the limit, and says why', () => {
    const options = percentileStrategy(95, 20);
    expect(recommend(values, options)).toBeNull();
    expect(explainNoRecommendation(values, options)).toBe(
      'No memory size kept p95 duration within 20.0 ms; the lowest was 30.0 ms at 512 MB.',
    );
  });

  it('needs a percentile limit', () => {
    expect(() => recommend(values, { strategy: 'percentile', balancedWeight: 0.5 })).toThrow('percentile limit');
  });
});

describe('explainNoRecommendation', () => {
  it('is null when there is a recommendation', () => {
    expect(explainNoRecommendation([ok(128, 10, 1e-6)], cost)).toBeNull();
  });

  it('says when nothing was tested', () => {
    expect(explainNoRecommendation([], speed)).toBe('No memory size was tested.');
  });

  it('lists why every memory size failed', () => {
    const values = [
      failed(128, 'All 5 invocations failed with Runtime.OutOfMemory.'),
      { ...ok(256, 10, 1e-6), duration: null },
    ];
    expect(explainNoRecommendation(values, cost)).toBe(
      'All 2 memory sizes failed, so there is nothing to recommend: ' +
        '128 MB: All 5 invocations failed with Runtime.OutOfMemory; 256 MB: no successful invocation.',
    );
  });

  it('says "the only memory size" for one', () => {
    expect(explainNoRecommendation([failed(128, 'Timed out.')], percentileStrategy(95, 10))).toBe(
      'The only memory size failed, so there is nothing to recommend: 128 MB: Timed out.',
    );
  });
});

describe('percentile strategy and the cold start tuning causes', () => {
  // 9 warm invocations near 100 ms and the first, cold, at 800 ms: the p95 that matters is the warm one's.
  const samples = [800, 95, 96, 97, 98, 99, 100, 101, 102, 103].map((durationMs, index) => ({
    durationMs,
    billedDurationMs: Math.ceil(durationMs),
    payloadIndex: 0,
    coldStart: index === 0,
  }));
  const entry = {
    memoryMb: 1024,
    status: 'ok' as const,
    invocations: 10,
    errors: 0,
    errorTypes: {},
    samples,
    duration: null,
    coldStart: null,
    costPerInvocationUsd: 0.0000017,
    billedDurationMs: 100,
    maxMemoryUsedMb: 70,
  };
  const withDuration = {
    ...entry,
    duration: {
      count: 9,
      mean: 99,
      trimmedMean: 99,
      median: 99,
      p90: 102,
      p95: 102.6,
      p99: 102.9,
      min: 95,
      max: 103,
      stdDev: 2.7,
      ci95Low: 97,
      ci95High: 101,
    },
  };

  it('leaves the cold start out of the percentile it checks', () => {
    expect(durationPercentileMs(withDuration, 95)).toBeCloseTo(102.6, 10);
    const recommendation = recommend([withDuration], {
      strategy: 'percentile',
      balancedWeight: 0.5,
      percentileLimit: { percentile: 95, maxDurationMs: 300 },
    });
    expect(recommendation?.memoryMb).toBe(1024);
  });

  it('keeps it when cold starts are what is measured', () => {
    expect(durationPercentileMs(withDuration, 95, { allowedExceptions: [], onlyColdStarts: true })).toBeGreaterThan(
      400,
    );
  });
});

describe('memory headroom (max-memory-used-percent)', () => {
  const used = (entry: PowerValueResult, maxMemoryUsedMb: number): PowerValueResult => ({ ...entry, maxMemoryUsedMb });
  const cost: RecommendOptions = { strategy: 'cost', balancedWeight: 0.5, maxMemoryUsedPct: 90 };

  it('skips the cheaper memory size whose peak is over the limit and says why', () => {
    const values = [used(ok(256, 100, 1e-6), 241), used(ok(512, 60, 1.2e-6), 243), used(ok(1024, 40, 2e-6), 245)];
    const rec = recommend(values, cost);
    expect(rec?.memoryMb).toBe(512);
    expect(rec?.reason).toMatch(/; 256 MB skipped: 241 of 256 MB used \(94%\), over the 90% limit$/);
    expect(rec?.skippedForHeadroom).toEqual([
      { memoryMb: 256, maxMemoryUsedMb: 241, usedPct: (241 / 256) * 100, limitPct: 90 },
    ]);
    // Without the limit the cheaper one wins, and nothing is said about memory.
    const free = recommend(values, { ...cost, maxMemoryUsedPct: undefined });
    expect(free?.memoryMb).toBe(256);
    expect(free?.skippedForHeadroom).toBeUndefined();
  });

  it('names only the sizes the strategy would have preferred', () => {
    // 128 MB is over the limit but slower than 1024 MB: the speed strategy never wanted it.
    const values = [used(ok(128, 300, 1e-6), 128), used(ok(1024, 40, 2e-6), 300), used(ok(2048, 30, 3e-6), 1900)];
    const rec = recommend(values, { ...cost, strategy: 'speed' });
    expect(rec?.memoryMb).toBe(1024);
    expect(rec?.reason).toContain('2048 MB skipped: 1900 of 2048 MB used (92%)');
    expect(rec?.reason).not.toContain('128 MB skipped');
  });

  it('keeps a size exactly at the limit, and shows a decimal just above it', () => {
    const atLimit = recommend([used(ok(256, 100, 1e-6), 230.4), used(ok(512, 60, 2e-6), 100)], cost);
    expect(atLimit?.memoryMb).toBe(256);
    const justOver = recommend([used(ok(1000, 100, 1e-6), 903), used(ok(2000, 60, 2e-6), 100)], cost);
    expect(justOver?.reason).toContain('1000 MB skipped: 903 of 1000 MB used (90.3%), over the 90% limit');
  });

  it('recommends nothing when every size is over the limit, and says why', () => {
    const values = [used(ok(128, 100, 1e-6), 128), used(ok(256, 60, 2e-6), 250)];
    expect(recommend(values, cost)).toBeNull();
    expect(explainNoRecommendation(values, cost)).toBe(
      'All 2 memory sizes that ran used more than the 90% max-memory-used-percent limit, so none is recommended (add larger power-values): 128 MB: 128 of 128 MB used (100%); 256 MB: 250 of 256 MB used (97%).',
    );
  });

  it('does not judge a size without Max Memory Used', () => {
    const values = [{ ...ok(256, 100, 1e-6), maxMemoryUsedMb: null }, used(ok(512, 60, 2e-6), 100)];
    expect(recommend(values, cost)?.memoryMb).toBe(256);
  });
});
