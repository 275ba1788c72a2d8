// compareRuns with hand-made runs. Prices are $0.00001/GB-s without request price, so at 1024 MB a billed
// millisecond costs 1e-8 USD and a cost ratio equals a billed-duration ratio.

import { compareRuns } from '../../src/gate/compare.js';
import type { MetricComparison, RunResult, Verdict } from '../../src/types.js';
import { ROUND_PRICES, blocked, makeRun, repeat } from '../helpers/run-fixture.js';
import { gateSettings } from '../helpers/settings.js';

const GATE = gateSettings();
const MONTHLY = 1_000_000;

function row(verdict: Verdict, kind: MetricComparison['kind'], metric: string | RegExp = /./): MetricComparison {
  const found = verdict.comparisons.find(
    (entry) =>
      entry.kind === kind && (typeof metric === 'string' ? entry.metric === metric : metric.test(entry.metric)),
  );
  if (!found)
    throw new Error(
      `no ${kind} row matching ${String(metric)} in ${JSON.stringify(verdict.comparisons.map((entry) => entry.metric))}`,
    );
  return found;
}

const single = (durationsMs: number[], configuredMb = 1024) =>
  makeRun({ configuredMb, powerValues: [{ memoryMb: configuredMb, durationsMs }], sha: 'b'.repeat(40) });

/**
 * A stored baseline fails only with the drift between runs estimated, from 3 stored runs at the memory compared: a
 * data branch whose three runs measured the baseline's very figures (no drift, so the interval is unchanged).
 */
const steady = (base: RunResult) => ({ history: [base, base, base] });

describe('compareRuns: zero variance', () => {
  it('identical samples on both sides: unchanged, not significant, pass', () => {
    const verdict = compareRuns(single(repeat(100, 5)), single(repeat(100, 5)), GATE, MONTHLY);
    const cost = row(verdict, 'cost');
    expect(cost).toEqual(
      expect.objectContaining({ deltaPct: 0, ciLowPct: 0, ciHighPct: 0, significant: false, level: 'pass' }),
    );
    expect(cost.metric).toBe('cost per invocation at 1024 MB (configured, recommended)');
    expect(cost.reason).toBe(
      'Cost per invocation at 1024 MB (configured, recommended) is unchanged: every sample on each side is the same.',
    );
    expect(verdict.level).toBe('pass');
    expect(verdict.reason).toBe(
      `No significant regression against the run of orders-api at bbbbbbb (2026-03-01): cost 0.0%, duration 0.0% at 1024 MB (configured, recommended).`,
    );
  });

  it('every sample +10% on each side: exact, significant; cost fails at 5%, duration warns at 5% (10% is not above 10%)', () => {
    const base = single(repeat(100, 5));
    const verdict = compareRuns(single(repeat(110, 5)), base, GATE, MONTHLY, steady(base));
    const cost = row(verdict, 'cost');
    // 110e-8 / 100e-8 − 1 = 10% (up to float rounding); the interval has zero width.
    expect(cost.baseValue).toBeCloseTo(1e-6, 15);
    expect(cost.prValue).toBeCloseTo(1.1e-6, 15);
    expect(cost.deltaPct).toBeCloseTo(10, 9);
    expect(cost.ciLowPct).toBeCloseTo(10, 9);
    expect(cost.ciHighPct).toBeCloseTo(10, 9);
    expect(cost.significant).toBe(true);
    expect(cost.level).toBe('fail');
    expect(cost.reason).toBe(
      'Cost per invocation at 1024 MB (configured, recommended) rose 10.0% (every sample on each side is the same, so the difference is exact), significant and above the 5% fail limit.',
    );
    expect(row(verdict, 'duration').level).toBe('warn');
    expect(verdict.level).toBe('fail');
    expect(verdict.reason).toBe(
      'Cost per invocation at 1024 MB (configured, recommended) rose 10.0% (every sample on each side is the same, so the difference is exact), significant and above the 5% fail limit.',
    );
    expect(verdict.costDeltaPct).toBeCloseTo(10, 9);
    expect(verdict.durationDeltaPct).toBeCloseTo(10, 9);
    // (1.1e-6 − 1e-6) × 1,000,000 = $0.10 a month.
    expect(verdict.monthlyCostDeltaUsd).toBeCloseTo(0.1, 12);
  });
});

describe('compareRuns: significance', () => {
  it('+10% with ±10% noise in 5 samples is not significant, so it passes', () => {
    // PR = base × 1.1 exactly; Welch on logs gives the 95% interval 0.9798 … 1.2349 (scipy agrees).
    const base = [100, 90, 110, 95, 105];
    const verdict = compareRuns(single(base.map((value) => value * 1.1)), single(base), GATE, MONTHLY);
    const cost = row(verdict, 'cost');
    expect(cost.deltaPct).toBeCloseTo(10, 9);
    expect(cost.ciLowPct).toBeCloseTo(-2.0163, 3);
    expect(cost.ciHighPct).toBeCloseTo(23.49, 2);
    expect(cost.significant).toBe(false);
    expect(cost.level).toBe('pass');
    expect(cost.reason).toBe(
      'Cost per invocation at 1024 MB (configured, recommended) rose 10.0% (95% CI -2.0% to +23.5%), which is not statistically significant.',
    );
    expect(verdict.level).toBe('pass');
  });

  it('+20% over a cold start: trimming keeps the interval tight and it fails', () => {
    // Yuen at trim 0.2 (k = 2 of 10): interval exp(0.16061 … 0.20404) − 1 = +17.42% … +22.63%, df 10.
    const base = [400, 100, 102, 98, 101, 99, 103, 97, 100, 100];
    const pr = makeRun({
      configuredMb: 1024,
      discardTopBottom: 0.2,
      powerValues: [{ memoryMb: 1024, durationsMs: base.map((value) => value * 1.2) }],
    });
    const baseline = makeRun({
      configuredMb: 1024,
      discardTopBottom: 0.2,
      powerValues: [{ memoryMb: 1024, durationsMs: base }],
    });
    const verdict = compareRuns(pr, baseline, GATE, MONTHLY, steady(baseline));
    const duration = row(verdict, 'duration');
    expect(duration.deltaPct).toBeCloseTo(20, 9);
    expect(duration.ciLowPct).toBeCloseTo(17.4223, 3);
    expect(duration.ciHighPct).toBeCloseTo(22.6343, 3);
    expect(duration.level).toBe('fail');
    expect(verdict.level).toBe('fail');
    expect(verdict.reason).toMatch(
      /^Cost per invocation at 1024 MB \(configured, recommended\) rose 20\.0% \(95% CI \+17\.4% to \+22\.6%\), significant and above the 5% fail limit; 1 more check failed\.$/,
    );
  });

  it('a significant change between the warn and fail limits warns', () => {
    const verdict = compareRuns(single(repeat(104, 5)), single(repeat(100, 5)), GATE, MONTHLY);
    expect(row(verdict, 'cost')).toEqual(expect.objectContaining({ level: 'warn', significant: true }));
    expect(row(verdict, 'cost').reason).toMatch(/significant and above the 2\.5% warn limit\.$/);
    expect(verdict.level).toBe('warn');
  });

  it('a significant change below the warn limit passes and says so', () => {
    const verdict = compareRuns(single(repeat(102, 5)), single(repeat(100, 5)), GATE, MONTHLY);
    expect(row(verdict, 'cost').reason).toMatch(/rose 2\.0% .*significant but within the 2\.5% limit\.$/);
    expect(verdict.level).toBe('pass');
  });

  it('reports a significant improvement, and passes', () => {
    const verdict = compareRuns(single(repeat(90, 5)), single(repeat(100, 5)), GATE, MONTHLY);
    const cost = row(verdict, 'cost');
    expect(cost).toEqual(expect.objectContaining({ significant: true, level: 'pass' }));
    expect(cost.deltaPct).toBeCloseTo(-10, 9);
    expect(cost.reason).toMatch(/fell 10\.0% .*: a significant improvement\.$/);
    expect(verdict.level).toBe('pass');
    expect(verdict.reason).toMatch(
      /and cost per invocation at 1024 MB \(configured, recommended\) improved -10\.0%\.$/,
    );
  });
});

describe('compareRuns: the minimum-sample guard and tiny samples', () => {
  it('an exact +20% on 3 samples a side is not significant below min-samples 5, and the reason says so', () => {
    const verdict = compareRuns(single(repeat(120, 3)), single(repeat(100, 3)), GATE, MONTHLY);
    const cost = row(verdict, 'cost');
    expect(cost.deltaPct).toBeCloseTo(20, 9);
    expect(cost.significant).toBe(false);
    expect(cost.level).toBe('pass');
    expect(cost.reason).toBe(
      'Cost per invocation at 1024 MB (configured, recommended) rose 20.0%, but the PR has only 3 measured samples (min-samples is 5), so it is not called significant.',
    );
  });

  it('counts successful samples only: errors on one side take it under the guard', () => {
    const pr = makeRun({ configuredMb: 1024, powerValues: [{ memoryMb: 1024, durationsMs: repeat(120, 6) }] });
    // Six base invocations, two of them errors that are not allowed: four samples count, below five.
    const baseline = makeRun({ configuredMb: 1024, powerValues: [{ memoryMb: 1024, durationsMs: repeat(100, 6) }] });
    const samples = baseline.powerValues[0]?.samples ?? [];
    samples[1] = { ...samples[1], errorType: 'Handled.NotFound' } as (typeof samples)[number];
    samples[2] = { ...samples[2], errorType: 'Handled.NotFound' } as (typeof samples)[number];
    const verdict = compareRuns(pr, baseline, GATE, MONTHLY);
    expect(row(verdict, 'cost').reason).toMatch(/the baseline has only 4 measured samples \(min-samples is 5\)/);
    // Allowed, they count again.
    const allowed = { ...baseline, settings: { ...baseline.settings, allowedExceptions: ['Handled.NotFound'] } };
    expect(row(compareRuns(pr, allowed, GATE, MONTHLY), 'cost').significant).toBe(true);
  });

  it("leaves tuning's own cold start out, as the run's statistics do", () => {
    // 5 invocations, the first a cold start: 4 warm samples remain, below min-samples 5; the cold 400 ms is not
    // part of the comparison (the warm values are identical, so the change is exactly 0).
    const withCold = (durationsMs: number[]) =>
      makeRun({ configuredMb: 1024, powerValues: [{ memoryMb: 1024, durationsMs, coldFirst: true }] });
    const verdict = compareRuns(
      withCold([400, 100, 100, 100, 100]),
      withCold([900, 100, 100, 100, 100]),
      GATE,
      MONTHLY,
    );
    const cost = row(verdict, 'cost');
    expect(cost.deltaPct).toBe(0);
    expect(cost.reason).toMatch(/only 4 measured samples \(min-samples is 5\)/);
  });

  it('two samples a side with min-samples 2: a wide interval (df ≈ 1.94), +19% not significant', () => {
    // Trimmed means (nothing trimmed at n = 2): 125 / 105 − 1 = 19.05%; interval 0.90404 … 1.56872.
    const verdict = compareRuns(single([120, 130]), single([100, 110]), { ...GATE, minSamples: 2 }, MONTHLY);
    const duration = row(verdict, 'duration');
    expect(duration.deltaPct).toBeCloseTo((125 / 105 - 1) * 100, 9);
    expect(duration.ciLowPct).toBeCloseTo(-9.596, 2);
    expect(duration.ciHighPct).toBeCloseTo(56.872, 2);
    expect(duration.significant).toBe(false);
  });

  it('one successful sample: no interval at all', () => {
    const verdict = compareRuns(single([120]), single([100]), { ...GATE, minSamples: 2 }, MONTHLY);
    const cost = row(verdict, 'cost');
    expect(cost.ciLowPct).toBeNull();
    expect(cost.significant).toBe(false);
    expect(cost.reason).toMatch(/only 1 measured sample \(min-samples is 2\)/);
  });
});

describe('compareRuns: failed and missing power values', () => {
  it('the PR failing at its configured memory where the base succeeded fails the gate', () => {
    const pr = makeRun({
      configuredMb: 1024,
      powerValues: [
        { memoryMb: 512, durationsMs: repeat(200, 5) },
        { memoryMb: 1024, durationsMs: repeat(50, 5), failWith: 'Runtime.OutOfMemory' },
      ],
    });
    const baseline = makeRun({
      configuredMb: 1024,
      recommendedMb: 1024,
      powerValues: [
        { memoryMb: 512, durationsMs: repeat(200, 5) },
        { memoryMb: 1024, durationsMs: repeat(100, 5) },
      ],
    });
    const verdict = compareRuns(pr, baseline, GATE, MONTHLY);
    const failed = row(verdict, 'cost', /^cost per invocation at 1024 MB/);
    expect(failed).toEqual(expect.objectContaining({ level: 'fail', deltaPct: null, prValue: null }));
    expect(failed.baseValue).toBeCloseTo(1e-6, 15);
    expect(failed.metric).toBe("cost per invocation at 1024 MB (configured, base's recommendation)");
    expect(failed.reason).toBe(
      "The PR fails at 1024 MB (configured, base's recommendation), where the baseline succeeded: failed with Runtime.OutOfMemory.",
    );
    // 512 MB (the PR's recommendation) is compared normally and is unchanged; it is the headline since 1024 failed.
    expect(row(verdict, 'cost', /^cost per invocation at 512 MB/).level).toBe('pass');
    expect(verdict.costDeltaPct).toBe(0);
    expect(verdict.level).toBe('fail');
  });

  it("the PR failing only at the base's recommended memory warns (it may have chosen more memory on purpose)", () => {
    const pr = makeRun({
      configuredMb: 1024,
      powerValues: [
        { memoryMb: 128, durationsMs: repeat(50, 5), failWith: 'Runtime.OutOfMemory' },
        { memoryMb: 1024, durationsMs: repeat(100, 5) },
      ],
    });
    const baseline = makeRun({
      configuredMb: 1024,
      powerValues: [
        { memoryMb: 128, durationsMs: repeat(400, 5) },
        { memoryMb: 1024, durationsMs: repeat(100, 5) },
      ],
    });
    const verdict = compareRuns(pr, baseline, GATE, MONTHLY);
    expect(row(verdict, 'cost', /at 128 MB/)).toEqual(
      expect.objectContaining({ level: 'warn', metric: "cost per invocation at 128 MB (base's recommendation)" }),
    );
    expect(verdict.level).toBe('warn');
  });

  it('a power value the base failed and the PR passes is an improvement, not compared', () => {
    const pr = makeRun({ configuredMb: 1024, powerValues: [{ memoryMb: 1024, durationsMs: repeat(100, 5) }] });
    const baseline = makeRun({
      configuredMb: 1024,
      powerValues: [{ memoryMb: 1024, durationsMs: repeat(100, 5), failWith: 'Sandbox.Timedout' }],
    });
    const verdict = compareRuns(pr, baseline, GATE, MONTHLY);
    const configured = row(verdict, 'cost', /at 1024 MB \(configured/);
    expect(configured.level).toBe('pass');
    expect(configured.reason).toMatch(
      /^The PR succeeds at 1024 MB \(configured.*\), where the baseline failed \(an improvement, not compared\)/,
    );
    // Nothing measured successfully on both sides: a visible warning, not a silent pass.
    expect(row(verdict, 'cost', 'comparison with the baseline').level).toBe('warn');
    expect(verdict.level).toBe('warn');
  });

  it('a power value present on one side only is not compared and says why', () => {
    const pr = makeRun({
      configuredMb: 1024,
      powerValues: [
        { memoryMb: 512, durationsMs: repeat(150, 5) },
        { memoryMb: 1024, durationsMs: repeat(100, 5) },
      ],
    });
    const baseline = makeRun({ configuredMb: 1024, powerValues: [{ memoryMb: 1024, durationsMs: repeat(100, 5) }] });
    const verdict = compareRuns(pr, baseline, GATE, MONTHLY);
    // The PR recommends 512 MB (150 ms × 0.5 GB is cheaper than 100 ms × 1 GB), which the base never measured.
    const missing = row(verdict, 'cost', /at 512 MB/);
    expect(missing).toEqual(expect.objectContaining({ level: 'pass', deltaPct: null, baseValue: null }));
    expect(missing.reason).toBe(
      "Not compared at 512 MB (PR's recommendation): the baseline did not measure 512 MB (its power values differ from the PR's).",
    );
    expect(verdict.costDeltaPct).toBe(0);
    expect(verdict.level).toBe('pass');
  });
});

describe('compareRuns: configured memory', () => {
  it('a PR that changes MemorySize is judged on the memory it sets', () => {
    // PR at 2048 MB, 60 ms: 60 × 2 × 1e-8 = 1.2e-6; base at 1024 MB, 100 ms: 1e-6 → cost +20%, duration −40%.
    const pr = makeRun({
      configuredMb: 2048,
      powerValues: [
        { memoryMb: 1024, durationsMs: repeat(100, 5) },
        { memoryMb: 2048, durationsMs: repeat(60, 5) },
      ],
    });
    const baseline = makeRun({
      configuredMb: 1024,
      powerValues: [
        { memoryMb: 1024, durationsMs: repeat(100, 5) },
        { memoryMb: 2048, durationsMs: repeat(60, 5) },
      ],
    });
    const verdict = compareRuns(pr, baseline, GATE, MONTHLY, steady(baseline));
    const cost = row(verdict, 'cost', /configured/);
    expect(cost.metric).toBe("cost per invocation at 2048 MB against the base's 1024 MB (configured)");
    expect(cost).toEqual(expect.objectContaining({ memoryMb: 2048, baseMemoryMb: 1024 }));
    expect(row(verdict, 'cost', /\(recommended\)/).baseMemoryMb).toBeUndefined();
    expect(cost.deltaPct).toBeCloseTo(20, 9);
    expect(cost.level).toBe('fail');
    expect(row(verdict, 'duration', /configured/).deltaPct).toBeCloseTo(-40, 9);
    // Both recommend 1024 MB: unchanged there.
    expect(row(verdict, 'cost', /\(recommended\)/).deltaPct).toBe(0);
    expect(verdict.costDeltaPct).toBeCloseTo(20, 9);
    expect(verdict.monthlyCostDeltaUsd).toBeCloseTo(0.2, 12);
  });
});

describe('compareRuns: monthly cost and prices', () => {
  it('fails on a significant monthly increase above the limit', () => {
    // +3% at 1e-6 per invocation and 1,000,000 a month: +$0.03 against a $0.02 limit.
    const base = single(repeat(100, 5));
    const verdict = compareRuns(
      single(repeat(103, 5)),
      base,
      { ...GATE, maxMonthlyCostIncreaseUsd: 0.02 },
      MONTHLY,
      steady(base),
    );
    const monthly = row(verdict, 'monthly-cost');
    expect(monthly.baseValue).toBeCloseTo(1, 9);
    expect(monthly.prValue).toBeCloseTo(1.03, 9);
    expect(monthly.level).toBe('fail');
    expect(monthly.reason).toBe(
      'Monthly cost at 1024 MB (configured, recommended), for 1,000,000 invocations a month, rises by $0.0300 ($1.00 → $1.03), a significant increase above the $0.0200 limit.',
    );
    expect(verdict.level).toBe('fail');
  });

  it('does not fail on a monthly increase that is not significant', () => {
    const base = [100, 90, 110, 95, 105];
    const verdict = compareRuns(
      single(base.map((value) => value * 1.1)),
      single(base),
      { ...GATE, maxMonthlyCostIncreaseUsd: 0.01 },
      MONTHLY,
    );
    expect(row(verdict, 'monthly-cost').level).toBe('pass');
    expect(row(verdict, 'monthly-cost').reason).toMatch(
      /above the \$0\.0100 limit but not statistically significant\.$/,
    );
  });

  it('prices the base with the PR prices when region and architecture match (a price update is not a regression)', () => {
    const baseline = makeRun({
      configuredMb: 1024,
      prices: { ...ROUND_PRICES, pricePerGbSecondUsd: 0.000008 },
      powerValues: [{ memoryMb: 1024, durationsMs: repeat(100, 5) }],
    });
    const verdict = compareRuns(single(repeat(100, 5)), baseline, GATE, MONTHLY);
    expect(row(verdict, 'cost').deltaPct).toBe(0);
  });

  it('keeps the base prices when the PR moves to another architecture', () => {
    // Base on arm64 at $0.000008/GB-s, PR on x86_64 at $0.00001: same durations, cost +25%.
    const baseline = makeRun({
      configuredMb: 1024,
      prices: { ...ROUND_PRICES, architecture: 'arm64', pricePerGbSecondUsd: 0.000008 },
      powerValues: [{ memoryMb: 1024, durationsMs: repeat(100, 5) }],
    });
    const verdict = compareRuns(single(repeat(100, 5)), baseline, GATE, MONTHLY, steady(baseline));
    expect(row(verdict, 'cost').deltaPct).toBeCloseTo(25, 9);
    expect(row(verdict, 'cost').level).toBe('fail');
  });
});

describe('compareRuns: no baseline and absolute limits', () => {
  it('with no baseline, passes and says so; a first run never fails for lack of history', () => {
    const verdict = compareRuns(single(repeat(100, 5)), null, GATE, MONTHLY);
    expect(verdict).toEqual({
      level: 'pass',
      reason:
        'No baseline to compare with and no absolute limit set, so nothing is gated (a first run never fails for lack of history).',
      comparisons: [],
      baselineDescription: null,
      costDeltaPct: null,
      durationDeltaPct: null,
      monthlyCostDeltaUsd: null,
    });
  });

  it('applies the cost limit without a baseline', () => {
    const verdict = compareRuns(single(repeat(100, 5)), null, { ...GATE, maxCostPerInvocationUsd: 0.0000005 }, MONTHLY);
    expect(verdict.level).toBe('fail');
    expect(verdict.reason).toBe(
      'The cost per invocation at 1024 MB (configured) is $0.00000100, above the $0.000000500 limit.',
    );
    expect(verdict.baselineDescription).toBeNull();
  });

  it('applies the duration limit to the chosen statistic', () => {
    // 100, 100, 100, 100, 200: mean 120 (nothing trimmed); p95 by linear interpolation 100 + 0.8 × 100 = 180.
    const run = single([100, 100, 100, 100, 200]);
    const mean = compareRuns(run, null, { ...GATE, maxDurationMs: 150 }, MONTHLY);
    expect(mean.comparisons[0]).toEqual(
      expect.objectContaining({ metric: 'mean duration at 1024 MB (configured)', prValue: 120, level: 'pass' }),
    );
    expect(mean.reason).toBe('No baseline to compare with, so only the absolute limits apply, and they are met.');
    const p95 = compareRuns(run, null, { ...GATE, maxDurationMs: 150, maxDurationStatistic: 'p95' }, MONTHLY);
    expect(p95.comparisons[0]).toEqual(
      expect.objectContaining({ metric: 'p95 duration at 1024 MB (configured)', prValue: 180, level: 'fail' }),
    );
    expect(p95.reason).toBe('The p95 duration at 1024 MB (configured) is 180 ms, above the 150 ms limit.');
  });

  it('judges the recommendation when the configured memory was not tuned', () => {
    const run = makeRun({ configuredMb: 2048, powerValues: [{ memoryMb: 1024, durationsMs: repeat(100, 5) }] });
    const verdict = compareRuns(run, null, { ...GATE, maxDurationMs: 150 }, MONTHLY);
    expect(verdict.comparisons[0]?.metric).toBe(
      'mean duration at 1024 MB (recommended; the configured 2048 MB was not tuned)',
    );
  });
});

describe('compareRuns: run-to-run noise from stored history', () => {
  it('an exact +10.5% is significant alone, but not against a history whose runs drift by as much', () => {
    const pr = single(repeat(100 * Math.exp(0.1), 5));
    const base = single(repeat(100, 5));
    expect(row(compareRuns(pr, base, GATE, MONTHLY), 'cost').significant).toBe(true);
    // Stored runs at 100, 100·e^0.1, 100·e^0.2 ms: σ²_b = 0.01 (see compare-stats), so the interval is
    // exp(0.1 ± 4.3026527·√0.02) − 1 = −39.9% … +103.1%.
    const history = [base, single(repeat(100 * Math.exp(0.1), 5)), single(repeat(100 * Math.exp(0.2), 5))];
    const cost = row(compareRuns(pr, base, GATE, MONTHLY, { history }), 'cost');
    expect(cost.significant).toBe(false);
    expect(cost.ciLowPct).toBeCloseTo((Math.exp(0.1 - 4.3026527 * Math.sqrt(0.02)) - 1) * 100, 3);
    expect(cost.reason).toMatch(
      /^Cost per invocation at 1024 MB \(configured, recommended\) rose 10\.5% \(95% CI -39\.9% to \+103\.1%, run-to-run noise of 3 stored runs included\), which is not statistically significant\.$/,
    );
  });

  it('a steady history adds nothing', () => {
    const history = [single(repeat(100, 5)), single(repeat(100, 5)), single(repeat(100, 5))];
    const cost = row(compareRuns(single(repeat(110, 5)), single(repeat(100, 5)), GATE, MONTHLY, { history }), 'cost');
    expect(cost).toEqual(expect.objectContaining({ significant: true, level: 'fail' }));
  });
});

describe('compareRuns: environments, not invocations, when both sides were measured in several', () => {
  const levels = (values: number[]) =>
    makeRun({
      configuredMb: 1024,
      powerValues: [
        {
          memoryMb: 1024,
          ...blocked(values.length, (block) =>
            [0.99, 1, 1.01].flatMap((noise) => repeat((values[block] ?? 0) * noise, 4)),
          ),
        },
      ],
      runId: 'live-run',
    });

  it('identical code whose environments differ by a few percent: significant counted by invocation, not by environment', () => {
    // Four environments a side; the PR's happened to be slower (+6%, +7%, +5%, +8%) than the base's, 12 tight samples each.
    const pr = levels([106, 107, 105, 108]);
    const base = levels([100, 100, 100, 100]);
    // Pooled, 48 tight samples a side make +6.5% look certain; over the 4 pairs of environments the interval is
    // t(3) wide: exp(mean ± 3.182·s/2) of the log differences.
    const pooledBase = single(base.powerValues[0]?.samples.map((entry) => entry.durationMs) ?? []);
    const byInvocation = row(
      compareRuns(
        single(pr.powerValues[0]?.samples.map((entry) => entry.durationMs) ?? []),
        pooledBase,
        GATE,
        MONTHLY,
        steady(pooledBase),
      ),
      'cost',
    );
    expect(byInvocation.level).toBe('fail');
    const differences = [106, 107, 105, 108].map((level) => Math.log(level / 100));
    const mean = differences.reduce((sum, value) => sum + value, 0) / 4;
    const sd = Math.sqrt(differences.reduce((sum, value) => sum + (value - mean) ** 2, 0) / 3);
    const cost = row(compareRuns(pr, base, GATE, MONTHLY), 'cost');
    expect(cost.ciLowPct).toBeCloseTo((Math.exp(mean - 3.182446 * (sd / 2)) - 1) * 100, 2);
    expect(cost.reason).toMatch(/over 4 pairs of execution environments/);
    // Still significant here: four environments all +5..8% is evidence. The point is the width, which grows with
    // the environments' spread, as the next case shows.
    const spread = levels([112, 95, 110, 97]);
    const wide = row(compareRuns(spread, base, GATE, MONTHLY), 'cost');
    expect(wide).toEqual(expect.objectContaining({ significant: false, level: 'pass' }));
  });

  it('blocks of two separate runs (a stored baseline) are not paired: the interval is over invocations', () => {
    const pr = levels([106, 107, 105, 108]);
    const stored = { ...levels([100, 100, 100, 100]), runId: 'an-earlier-run' };
    expect(row(compareRuns(pr, stored, GATE, MONTHLY), 'cost').reason).not.toMatch(/environments/);
  });

  it('one environment on a side falls back to the interval over invocations', () => {
    const pr = levels([110, 110]);
    const stored = single(repeat(100, 10));
    const cost = row(compareRuns(pr, stored, GATE, MONTHLY, steady(stored)), 'cost');
    expect(cost.reason).not.toMatch(/environments/);
    expect(cost.level).toBe('fail');
  });
});

describe('absolute limits when the configured memory fails', () => {
  it('fails the gate: a timeout is over any duration limit, not merely unchecked', () => {
    const pr = makeRun({
      configuredMb: 128,
      powerValues: [
        { memoryMb: 128, durationsMs: [3000, 3000], failWith: 'Sandbox.Timedout' },
        { memoryMb: 1024, durationsMs: repeat(40, 10) },
      ],
    });
    const verdict = compareRuns(pr, null, { ...GATE, maxDurationMs: 300 }, 0);
    const row = verdict.comparisons.find(
      (candidate) => candidate.metric.includes('128 MB') && candidate.kind === 'duration',
    );
    expect(row?.level).toBe('fail');
    expect(row?.reason).toMatch(/is not met at 128 MB.*Sandbox\.Timedout/);
    expect(verdict.level).toBe('fail');
  });
});
