import {
  adaptivePolicy,
  describeSampling,
  interleavePayloads,
  planNextRound,
  type AdaptiveSettings,
} from '../../src/tuning/adaptive.js';
import { overlaps, percentileInterval, trimmedMeanInterval } from '../../src/tuning/intervals.js';
import { InputError, parseSettings } from '../../src/settings/index.js';
import { silentLogger } from '../../src/lib/ports.js';
import { pricesFor } from '../../src/tuning/pricing.js';
import { summarisePowerValue } from '../../src/tuning/summary.js';
import { tune } from '../../src/tuning/tuner.js';
import type { PowerValueResult, Sample, TuningSettings } from '../../src/types.js';
import { createFakeLambda } from '../helpers/fake-lambda.js';
import { tuningSettings } from '../helpers/settings.js';

const prices = pricesFor('us-east-1', 'x86_64');

function settingsOf(overrides: Partial<AdaptiveSettings> = {}): AdaptiveSettings {
  return {
    strategy: 'speed',
    balancedWeight: 0.5,
    discardTopBottom: 0,
    allowedExceptions: [],
    onlyColdStarts: false,
    ...overrides,
  };
}

function warm(durationMs: number, billedDurationMs = Math.ceil(durationMs)): Sample {
  return { durationMs, billedDurationMs, payloadIndex: 0, coldStart: false };
}

/** A power value summarised exactly as the tuner summarises it, from warm samples with these durations. */
function measuredAt(memoryMb: number, durationsMs: number[], settings = settingsOf()): PowerValueResult {
  return summarisePowerValue(
    memoryMb,
    durationsMs.map((d) => warm(d)),
    settings,
    prices,
  );
}

describe('trimmedMeanInterval', () => {
  it('is the t interval of the mean without trimming', () => {
    // mean 3, s = √2.5, se = √0.5, t(0.975, 4) = 2.776445 → ± 1.963243
    const interval = trimmedMeanInterval([1, 2, 3, 4, 5], 0, 0.95);
    expect(interval.estimate).toBe(3);
    expect(interval.low).toBeCloseTo(1.036757, 5);
    expect(interval.high).toBeCloseTo(4.963243, 5);
  });

  it('uses the winsorized deviation and n − 2k − 1 degrees of freedom when trimming', () => {
    // k = 1: trimmed mean of 2, 3, 4 = 3; winsorized 2, 2, 3, 4, 4 → s_w = 1; se = 1 / (0.6 · √5) = 0.745356;
    // t(0.975, 2) = 4.302653 → ± 3.207004. The outlier 100 does not widen it.
    const interval = trimmedMeanInterval([1, 2, 3, 4, 100], 0.2, 0.95);
    expect(interval.estimate).toBe(3);
    expect(interval.low).toBeCloseTo(-0.207004, 5);
    expect(interval.high).toBeCloseTo(6.207004, 5);
  });

  it('knows nothing from one value and everything from identical values', () => {
    expect(trimmedMeanInterval([7], 0, 0.95)).toEqual({ estimate: 7, low: -Infinity, high: Infinity });
    expect(trimmedMeanInterval([4, 4, 4], 0, 0.95)).toEqual({ estimate: 4, low: 4, high: 4 });
  });
});

describe('percentileInterval', () => {
  it('gives the textbook order statistics for a median of 20', () => {
    // P(Bin(20, ½) ≤ 5) = 0.0207 ≤ 0.025 < P(≤ 6); P(≤ 13) = 0.9423 < 0.975 ≤ P(≤ 14) = 0.9793 → x(6), x(15)
    const values = Array.from({ length: 20 }, (_, i) => 20 - i);
    expect(percentileInterval(values, 50, 0.95)).toEqual({ estimate: 10.5, low: 6, high: 15 });
  });

  it('leaves p95 unbounded above with 50 samples', () => {
    const values = Array.from({ length: 50 }, (_, i) => i + 1);
    const interval = percentileInterval(values, 95, 0.95);
    expect(interval.high).toBe(Infinity);
    expect(interval.low).toBeGreaterThan(40);
  });
});

describe('overlaps', () => {
  it('counts touching intervals as overlapping', () => {
    expect(overlaps({ estimate: 1, low: 0, high: 2 }, { estimate: 3, low: 2, high: 4 })).toBe(true);
    expect(overlaps({ estimate: 1, low: 0, high: 2 }, { estimate: 3, low: 2.1, high: 4 })).toBe(false);
  });
});

describe('adaptivePolicy', () => {
  it('starts with a fifth of the cap, at least 5, never more than the cap', () => {
    expect(adaptivePolicy(50)).toEqual({
      confidence: 0.95,
      initialInvocations: 10,
      maxInvocations: 50,
      growth: 1.5,
      tieMargin: 0.005,
    });
    expect(adaptivePolicy(10).initialInvocations).toBe(5);
    expect(adaptivePolicy(3).initialInvocations).toBe(3);
    expect(adaptivePolicy(50, 0.99).confidence).toBe(0.99);
  });
});

describe('planNextRound', () => {
  const policy = adaptivePolicy(50);

  it('stops when the leader is clear of every other memory size', () => {
    const next = planNextRound(
      [measuredAt(128, [100, 101, 99, 100, 102]), measuredAt(1024, [10, 11, 9, 10, 10])],
      settingsOf(),
      prices,
      policy,
    );
    expect(next).toEqual(expect.objectContaining({ stopReason: 'settled', leaderMb: 1024, openMb: [] }));
    expect(next.additions.size).toBe(0);
  });

  it('grows the rounds of the leader and of those that overlap it, and no others', () => {
    const powerValues = [
      measuredAt(128, [100, 101, 99, 100, 102]),
      measuredAt(512, [50, 60, 40, 55, 45]),
      measuredAt(1024, [48, 58, 42, 52, 50]),
    ];
    const next = planNextRound(powerValues, settingsOf(), prices, policy);
    expect(next.stopReason).toBeUndefined();
    expect(next.leaderMb).toBe(512);
    expect(next.openMb).toEqual([512, 1024]);
    // 5 done → ceil(5 × 1.5) = 8
    expect([...next.additions]).toEqual([
      [512, 3],
      [1024, 3],
    ]);
  });

  it('stops at the cap when the comparison is still open', () => {
    const powerValues = [measuredAt(512, [50, 60, 40, 55, 45]), measuredAt(1024, [48, 58, 42, 52, 50])];
    const next = planNextRound(powerValues, settingsOf(), prices, adaptivePolicy(5));
    expect(next).toEqual(expect.objectContaining({ stopReason: 'max-invocations', openMb: [512, 1024] }));
  });

  it('never goes past the cap', () => {
    const powerValues = [measuredAt(512, [50, 60, 40, 55, 45, 50, 51]), measuredAt(1024, [48, 58, 42, 52, 50, 49, 51])];
    const next = planNextRound(powerValues, settingsOf(), prices, adaptivePolicy(8));
    expect([...next.additions]).toEqual([
      [512, 1],
      [1024, 1],
    ]);
  });

  it('settles on cost from billed durations: 1 ms at 128 MB beats 1 ms at 256 MB with no spread', () => {
    const settings = settingsOf({ strategy: 'cost' });
    const next = planNextRound(
      [measuredAt(128, [0.5, 0.6, 0.4], settings), measuredAt(256, [0.3, 0.3, 0.4], settings)],
      settings,
      prices,
      policy,
    );
    expect(next).toEqual(expect.objectContaining({ stopReason: 'settled', leaderMb: 128 }));
  });

  it('compares the balanced score', () => {
    // Durations equal and steady: only cost differs (256 MB costs twice as much per ms), so 128 MB leads clearly.
    const settings = settingsOf({ strategy: 'balanced' });
    const next = planNextRound(
      [measuredAt(128, [10, 10, 10, 10]), measuredAt(256, [10, 10, 10, 10])],
      settings,
      prices,
      policy,
    );
    expect(next).toEqual(expect.objectContaining({ stopReason: 'settled', leaderMb: 128 }));
  });

  it('stops on a tie when the leader is shown within the tie margin of the others', () => {
    // [99.91, 100.09] against [100.01, 100.19] (n = 5, t intervals): they overlap, and 100.09 is within 0.5 % of
    // 100.01: picking either costs at most 0.5 %.
    const powerValues = [
      measuredAt(512, [99.9, 100, 100.1, 100, 100]),
      measuredAt(1024, [100, 100.1, 100.2, 100.1, 100.1]),
      measuredAt(128, [400, 401, 399, 400, 400]),
    ];
    const tied = planNextRound(powerValues, settingsOf(), prices, policy);
    expect(tied).toEqual(expect.objectContaining({ stopReason: 'tied', leaderMb: 512, openMb: [] }));
    expect(tied.explanation).toBe(
      '512 MB is ahead of or within 0.5% of every other memory size at 95% confidence (tied with 1024 MB: picking any of them would cost at most that much more)',
    );
    // Without a margin the overlap stays open to the cap, as before.
    const open = planNextRound(powerValues, settingsOf(), prices, { ...policy, tieMargin: 0 });
    expect(open.stopReason).toBeUndefined();
    expect(open.openMb).toEqual([512, 1024]);
  });

  it("counts durations closer than REPORT's 0.01 ms as a tie for speed", () => {
    const powerValues = [
      measuredAt(128, [0.03, 0.03, 0.03, 0.02, 0.03]),
      measuredAt(3008, [0.02, 0.02, 0.03, 0.02, 0.02]),
    ];
    expect(planNextRound(powerValues, settingsOf(), prices, policy).stopReason).toBe('tied');
    expect(planNextRound(powerValues, settingsOf(), prices, { ...policy, tieMargin: 0 }).stopReason).toBeUndefined();
  });

  it('ranks by the expected cost, cold starts priced in, as the recommendation does', () => {
    // Warm, 256 MB is cheaper (4 ms × 256 MB < 10 ms × 128 MB); its cold start bills 2 s, so at a 1 % cold-start
    // rate it costs about 5× more per invocation: 128 MB leads, as recommend() will pick after withColdStartCosts.
    const settings = settingsOf({ strategy: 'cost', coldStartRate: 0.01 });
    const cold = (billedDurationMs: number): Sample => ({
      durationMs: billedDurationMs,
      billedDurationMs,
      initDurationMs: billedDurationMs - 5,
      payloadIndex: 0,
      coldStart: true,
    });
    const at = (memoryMb: number, coldMs: number, warmMs: number) =>
      summarisePowerValue(memoryMb, [cold(coldMs), ...Array.from({ length: 9 }, () => warm(warmMs))], settings, prices);
    const next = planNextRound([at(128, 10, 10), at(256, 2000, 4)], settings, prices, policy);
    expect(next).toEqual(expect.objectContaining({ stopReason: 'settled', leaderMb: 128 }));
  });

  it('ignores failed power values and says when there is nothing to compare', () => {
    const failed: PowerValueResult = {
      ...measuredAt(128, [1]),
      status: 'failed',
      failureReason: 'failed with Runtime.OutOfMemory',
    };
    expect(planNextRound([failed], settingsOf(), prices, policy).stopReason).toBe('no-candidates');
    expect(planNextRound([failed, measuredAt(256, [5, 6])], settingsOf(), prices, policy)).toEqual(
      expect.objectContaining({ stopReason: 'one-candidate', leaderMb: 256 }),
    );
  });

  describe('percentile strategy', () => {
    const limit = { percentile: 50, maxDurationMs: 20 };
    const settings = settingsOf({ strategy: 'percentile', percentileLimit: limit });
    const twenty = (offset: number) => Array.from({ length: 20 }, (_, i) => offset + i * 0.5);

    it('settles once the cheapest size that meets the limit is shown to meet it and cheaper ones are shown not to', () => {
      // 128 MB: median 104.75, lower bound x(6) = 102.5 > 20 → out. 256 MB: upper bound x(15) = 7 ≤ 20 → in.
      const next = planNextRound(
        [measuredAt(128, twenty(100), settings), measuredAt(256, twenty(0), settings)],
        settings,
        prices,
        policy,
      );
      expect(next).toEqual(expect.objectContaining({ stopReason: 'settled', leaderMb: 256 }));
    });

    it('keeps sampling a cheaper size whose percentile may still be within the limit', () => {
      // 128 MB: values 14..23.5, median 18.75 (in by the estimate), bounds x(6) = 16.5, x(15) = 21 → unknown.
      // 256 MB: values 10..19.5, in for sure (x(15) = 17) but clearly dearer (≈ 15 ms × 256 MB vs ≈ 19 ms × 128 MB).
      const next = planNextRound(
        [measuredAt(128, twenty(14), settings), measuredAt(256, twenty(10), settings)],
        settings,
        prices,
        policy,
      );
      expect(next.stopReason).toBeUndefined();
      expect(next.leaderMb).toBe(128);
      expect(next.openMb).toEqual([128]);
      expect([...next.additions]).toEqual([[128, 10]]);
    });
  });
});

describe('interleavePayloads', () => {
  it('spreads each payload over the order in proportion to its share', () => {
    expect(interleavePayloads([0, 0, 0, 0, 1, 1])).toEqual([0, 1, 0, 0, 1, 0]);
    expect(interleavePayloads([0, 0, 0])).toEqual([0, 0, 0]);
    expect(interleavePayloads([])).toEqual([]);
  });
});

describe('describeSampling', () => {
  it('says what was spent and why it stopped', () => {
    expect(
      describeSampling({
        mode: 'adaptive',
        confidence: 0.95,
        rounds: 3,
        stopReason: 'settled',
        reason: '',
        invocations: 120,
        maxInvocations: 300,
        maxInvocationsPerValue: 50,
      }),
    ).toBe(
      'Adaptive sampling: 120 of 300 invocations (cap 50 per memory size) in 3 rounds; stopped because the recommendation was settled at 95% confidence.',
    );
  });
});

describe('tune with adaptive sampling', () => {
  function settingsFor(overrides: Partial<TuningSettings>): TuningSettings {
    return tuningSettings({
      invocationsPerValue: 50,
      strategy: 'speed',
      sampling: 'adaptive',
      samplingConfidence: 0.95,
      ...overrides,
    });
  }
  const deps = (client: ReturnType<typeof createFakeLambda>['client']) => ({
    client,
    logger: silentLogger,
    sleep: async () => {},
    random: () => 0.5,
    runId: 'adapt123',
    waiterMinDelaySec: 0.001,
  });
  /** ±1 % (or ± `spread`) around a base duration, repeating every 4 invocations. */
  const wobble = (baseMs: number, index: number, spread = 0.01) => baseMs * (1 + [0, 1, -1, 0.5][index % 4]! * spread);

  it('stops after the first round when one memory size is clearly fastest', async () => {
    const fake = createFakeLambda({
      behaviour: (memoryMb, index) => ({ durationMs: wobble(100_000 / memoryMb, index) }),
    });
    const result = await tune(settingsFor({}), deps(fake.client));
    expect(result.powerValues.map((entry) => [entry.memoryMb, entry.invocations, entry.sampling])).toEqual([
      [128, 10, { rounds: 1, open: false }],
      [512, 10, { rounds: 1, open: false }],
      [1024, 10, { rounds: 1, open: false }],
    ]);
    expect(result.recommendation?.memoryMb).toBe(1024);
    expect(result.sampling).toEqual(
      expect.objectContaining({
        mode: 'adaptive',
        rounds: 1,
        stopReason: 'settled',
        invocations: 30,
        maxInvocations: 150,
        maxInvocationsPerValue: 50,
      }),
    );
    expect(fake.aliases.size).toBe(0);
  });

  it('spends more only on the sizes that stay close, up to the cap', async () => {
    // 512 and 1024 MB take the same time on average (they alternate which is faster), ± 10 %: too noisy to show
    // them within 0.5 % of each other in 50 invocations. 128 MB is far behind.
    const fake = createFakeLambda({
      behaviour: (memoryMb, index) => ({
        durationMs: memoryMb === 128 ? 500 : wobble(100, index + (memoryMb === 512 ? 2 : 0), 0.1),
      }),
    });
    const result = await tune(settingsFor({}), deps(fake.client));
    // 10 → 15 → 23 → 35 → 50
    expect(result.powerValues.map((entry) => [entry.memoryMb, entry.invocations, entry.sampling])).toEqual([
      [128, 10, { rounds: 1, open: false }],
      [512, 50, { rounds: 5, open: true }],
      [1024, 50, { rounds: 5, open: true }],
    ]);
    expect(result.sampling).toEqual(
      expect.objectContaining({ rounds: 5, stopReason: 'max-invocations', invocations: 110 }),
    );
  });

  it('stops on a tie once the close sizes are shown within 0.5 % of each other', async () => {
    // The same, ± 0.3 %: after the first round the difference's interval is already within 0.5 % (without the
    // margin this ran to the cap, 110 invocations).
    const fake = createFakeLambda({
      behaviour: (memoryMb, index) => ({
        durationMs: memoryMb === 128 ? 500 : wobble(100, index + (memoryMb === 512 ? 2 : 0), 0.003),
      }),
    });
    const result = await tune(settingsFor({}), deps(fake.client));
    expect(result.powerValues.map((entry) => [entry.memoryMb, entry.invocations])).toEqual([
      [128, 10],
      [512, 10],
      [1024, 10],
    ]);
    expect(result.sampling).toEqual(expect.objectContaining({ rounds: 1, stopReason: 'tied', invocations: 30 }));
    expect(result.sampling?.reason).toMatch(/^\d+ MB is ahead of or within 0\.5% of every other memory size/);
  });
});

describe('the sampling inputs', () => {
  const ARN = 'arn:aws:lambda:eu-west-1:123456789012:function:orders';
  const parse = (inputs: Record<string, string>) =>
    parseSettings((name) => ({ 'function-name': ARN, ...inputs })[name] ?? '', {
      env: {},
      cwd: '/repo',
      readFile: () => '',
    });
  const message = (inputs: Record<string, string>) => {
    try {
      parse(inputs);
    } catch (error) {
      if (error instanceof InputError) return error.message;
      throw error;
    }
    return 'no error';
  };

  it('leaves fixed sampling out of the settings, so results from before adaptive sampling read the same', () => {
    const { settings } = parse({ sampling: 'fixed' });
    expect(settings.tuning.sampling).toBeUndefined();
    expect(settings.tuning.samplingConfidence).toBeUndefined();
  });

  it('reads adaptive sampling with its confidence, invocations being the cap', () => {
    const { settings, warnings } = parse({ sampling: 'Adaptive', 'sampling-confidence': '0.99', invocations: '50' });
    expect(settings.tuning).toEqual(
      expect.objectContaining({ sampling: 'adaptive', samplingConfidence: 0.99, invocationsPerValue: 50 }),
    );
    expect(warnings).toEqual([]);
  });

  it('says when adaptive sampling has too small a cap to save anything', () => {
    const { warnings } = parse({ sampling: 'adaptive', invocations: '10' });
    expect(warnings).toEqual([
      "Input 'invocations': 10 leaves adaptive sampling little to save (it is the most any memory size gets); 20 or more, e.g. 50, lets it stop early where the answer is clear",
    ]);
  });

  it('rejects what cannot work, naming the input', () => {
    expect(message({ sampling: 'smart' })).toMatch(
      /^Input 'sampling': "?smart"? is not a sampling mode; use one of fixed, adaptive/,
    );
    expect(message({ sampling: 'adaptive', 'only-cold-starts': 'true', invocations: '50' })).toMatch(
      /^Input 'sampling': adaptive does not work with only-cold-starts true/,
    );
    expect(message({ sampling: 'adaptive', 'sampling-confidence': '0.5' })).toMatch(
      /^Input 'sampling-confidence': 0\.5 is not above 0\.5/,
    );
  });

  it('warns that sampling-confidence alone does nothing', () => {
    expect(parse({ sampling: 'fixed', 'sampling-confidence': '0.9' }).warnings).toEqual([
      "Input 'sampling-confidence': has no effect with sampling fixed; it applies to sampling adaptive",
    ]);
  });
});
