// The gate's sentences (src/gate/reasons.ts): each finding in words, as the comment, the summary and the log show
// them. The sentences are the ones the gate wrote before findings existed (compare.test.ts checks them end to end).

import type { Change, Finding, Place } from '../../src/gate/findings.js';
import {
  changeText,
  metricName,
  overallReason,
  placeLabel,
  reasonFor,
  type OverallContext,
} from '../../src/gate/reasons.js';
import { formatMs, formatUsd } from '../../src/lib/format.js';

// Milliseconds and dollars are lib/format.ts's figures (one formatter set for every text users read): these tests
// check the sentences around them.
const ms = formatMs;
const usd = formatUsd;

const HERE: Place = { prMemoryMb: 1024, baseMemoryMb: 1024, roles: ['configured', 'recommended'] };
const CI: Change = { deltaPct: 12.04, interval: { lowPct: 4.06, highPct: 20.31, confidence: 0.95, exact: false } };
const EXACT: Change = { deltaPct: 10, interval: { lowPct: 10, highPct: 10, confidence: 0.95, exact: true } };
const cost = { metric: 'cost', at: HERE } as const;
const duration = { metric: 'duration', at: HERE } as const;

describe('where and what', () => {
  it('names a place by its memory and roles, and a metric at it', () => {
    expect(placeLabel(HERE)).toBe('1024 MB (configured, recommended)');
    expect(placeLabel({ prMemoryMb: 2048, baseMemoryMb: 1024, roles: ['configured'] })).toBe(
      "2048 MB against the base's 1024 MB (configured)",
    );
    expect(placeLabel({ prMemoryMb: 512, baseMemoryMb: 512, roles: ['pr-recommended', 'base-recommended'] })).toBe(
      "512 MB (PR's recommendation, base's recommendation)",
    );
    expect(metricName('cost', HERE)).toBe('cost per invocation at 1024 MB (configured, recommended)');
    expect(metricName('duration', HERE)).toBe('duration at 1024 MB (configured, recommended)');
    expect(metricName('monthly-cost', HERE)).toBe('monthly cost at 1024 MB (configured, recommended)');
  });

  it('words a change with its interval and what the interval was computed over', () => {
    expect(changeText(CI)).toBe('rose 12.0% (95% CI +4.1% to +20.3%)');
    expect(changeText({ deltaPct: -3.25 })).toBe('fell 3.3%');
    expect(changeText({ deltaPct: 0.04 })).toBe('is unchanged (0.0%)');
    expect(changeText(EXACT)).toBe('rose 10.0%');
    expect(
      changeText({
        deltaPct: 1,
        interval: { lowPct: -0.02, highPct: 2, confidence: 0.995, exact: false, environments: 7 },
      }),
    ).toBe('rose 1.0% (99.5% CI 0.0% to +2.0% over 7 pairs of execution environments)');
    expect(
      changeText({ deltaPct: 1, interval: { lowPct: -1, highPct: 3, confidence: 0.9, exact: false, storedRuns: 4 } }),
    ).toBe('rose 1.0% (90% CI -1.0% to +3.0%, run-to-run noise of 4 stored runs included)');
  });
});

describe('reasonFor: relative findings', () => {
  const cases: [Finding, string][] = [
    [
      { ...cost, kind: 'no-samples' },
      'Cost per invocation at 1024 MB (configured, recommended) is not compared: a side has no successful sample.',
    ],
    [
      { ...cost, kind: 'unchanged' },
      'Cost per invocation at 1024 MB (configured, recommended) is unchanged: every sample on each side is the same.',
    ],
    [
      { ...cost, kind: 'too-few-samples', change: EXACT, side: 'pr', samples: 3, minSamples: 5 },
      'Cost per invocation at 1024 MB (configured, recommended) rose 10.0%, but the PR has only 3 measured samples (min-samples is 5), so it is not called significant.',
    ],
    [
      { ...duration, kind: 'too-few-samples', change: CI, side: 'base', samples: 1, minSamples: 2 },
      'Duration at 1024 MB (configured, recommended) rose 12.0% (95% CI +4.1% to +20.3%), but the baseline has only 1 measured sample (min-samples is 2), so it is not called significant.',
    ],
    [
      { ...duration, kind: 'no-interval', change: { deltaPct: 25 } },
      'Duration at 1024 MB (configured, recommended) rose 25.0%, with too few samples for a confidence interval.',
    ],
    [
      {
        ...duration,
        kind: 'below-floor',
        change: { deltaPct: 40, interval: { lowPct: 38.6, highPct: 41.4, confidence: 0.95, exact: false } },
        difference: 0.08,
        floor: 1,
        floorMs: 1,
      },
      `Duration at 1024 MB (configured, recommended) rose 40.0% (95% CI +38.6% to +41.4%): within noise, a change of ${ms(0.08)} is below the ${ms(1)} floor (min-duration-change-ms).`,
    ],
    [
      { ...cost, kind: 'below-floor', change: { deltaPct: 40 }, difference: 8e-10, floor: 1e-8, floorMs: 1 },
      `Cost per invocation at 1024 MB (configured, recommended) rose 40.0%: within noise, a change of ${usd(8e-10)} per invocation is below the ${usd(1e-8)} per invocation floor (the cost of ${ms(1)} at 1024 MB, min-duration-change-ms).`,
    ],
    [
      { ...cost, kind: 'not-significant', change: CI, afterFamily: false },
      'Cost per invocation at 1024 MB (configured, recommended) rose 12.0% (95% CI +4.1% to +20.3%), which is not statistically significant.',
    ],
    [
      { ...cost, kind: 'not-significant', change: CI, afterFamily: true },
      "Cost per invocation at 1024 MB (configured, recommended) rose 12.0% (95% CI +4.1% to +20.3%), which is not statistically significant once the verdict's other comparisons are accounted for.",
    ],
    [
      { ...cost, kind: 'fail-limit', change: CI, limitPct: 5 },
      'Cost per invocation at 1024 MB (configured, recommended) rose 12.0% (95% CI +4.1% to +20.3%), significant and above the 5% fail limit.',
    ],
    [
      { ...cost, kind: 'fail-limit', change: EXACT, limitPct: 5 },
      'Cost per invocation at 1024 MB (configured, recommended) rose 10.0% (every sample on each side is the same, so the difference is exact), significant and above the 5% fail limit.',
    ],
    [
      { ...duration, kind: 'too-few-environments', change: CI, limitPct: 10, environments: 6, needed: 7 },
      'Duration at 1024 MB (configured, recommended) rose 12.0% (95% CI +4.1% to +20.3%), significant and above the 10% fail limit, but measured in 6 pairs of execution environments per function: a fail needs 7 (raise gate-max-invocations).',
    ],
    [
      { ...duration, kind: 'too-few-environments', change: CI, limitPct: 10, environments: 1, needed: 7 },
      'Duration at 1024 MB (configured, recommended) rose 12.0% (95% CI +4.1% to +20.3%), significant and above the 10% fail limit, but measured in one execution environment per function: a fail needs 7 (raise gate-max-invocations).',
    ],
    [
      { ...cost, kind: 'no-drift-estimate', change: CI, limitPct: 5, storedRuns: 2, needed: 3, history: true },
      'Cost per invocation at 1024 MB (configured, recommended) rose 12.0% (95% CI +4.1% to +20.3%), significant and above the 5% fail limit, but measured against 2 stored runs: a fail against a stored baseline needs the drift between runs, estimated from 3 stored runs at this memory size (baseline-branch), or a live baseline-function.',
    ],
    [
      { ...cost, kind: 'no-drift-estimate', change: CI, limitPct: 5, storedRuns: 1, needed: 3, history: true },
      'Cost per invocation at 1024 MB (configured, recommended) rose 12.0% (95% CI +4.1% to +20.3%), significant and above the 5% fail limit, but measured against 1 stored run: a fail against a stored baseline needs the drift between runs, estimated from 3 stored runs at this memory size (baseline-branch), or a live baseline-function.',
    ],
    [
      { ...duration, kind: 'no-drift-estimate', change: CI, limitPct: 10, storedRuns: 1, needed: 3, history: false },
      'Duration at 1024 MB (configured, recommended) rose 12.0% (95% CI +4.1% to +20.3%), significant and above the 10% fail limit, but measured against one stored run (baseline-file): a fail against a stored baseline needs the drift between runs, estimated from 3 stored runs at this memory size on a data branch (baseline-branch), or a live baseline-function.',
    ],
    [
      { ...cost, kind: 'warn-limit', change: CI, limitPct: 2.5 },
      'Cost per invocation at 1024 MB (configured, recommended) rose 12.0% (95% CI +4.1% to +20.3%), significant and above the 2.5% warn limit.',
    ],
    [
      { ...cost, kind: 'within-limit', change: CI, limitPct: 15 },
      'Cost per invocation at 1024 MB (configured, recommended) rose 12.0% (95% CI +4.1% to +20.3%), significant but within the 15% limit.',
    ],
    [
      { ...cost, kind: 'within-limit', change: CI },
      'Cost per invocation at 1024 MB (configured, recommended) rose 12.0% (95% CI +4.1% to +20.3%), significant but not limited (no threshold set).',
    ],
    [
      {
        ...cost,
        kind: 'improvement',
        change: { deltaPct: -10, interval: { lowPct: -12, highPct: -8, confidence: 0.95, exact: false } },
      },
      'Cost per invocation at 1024 MB (configured, recommended) fell 10.0% (95% CI -12.0% to -8.0%): a significant improvement.',
    ],
    [
      {
        ...cost,
        kind: 'small-improvement',
        change: { deltaPct: -2, interval: { lowPct: -2, highPct: -2, confidence: 0.95, exact: true } },
      },
      'Cost per invocation at 1024 MB (configured, recommended) fell 2.0% (every sample on each side is the same, so the difference is exact), significant but small.',
    ],
  ];
  it.each(cases)('%j', (finding, sentence) => {
    expect(reasonFor(finding)).toBe(sentence);
  });
});

describe('reasonFor: places, the baseline, the monthly and the absolute limits', () => {
  const configured: Place = { prMemoryMb: 1024, baseMemoryMb: 1024, roles: ['configured'] };
  const cases: [Finding, string][] = [
    [
      { kind: 'not-measured', at: { prMemoryMb: 512, baseMemoryMb: 512, roles: ['pr-recommended'] }, side: 'base' },
      "Not compared at 512 MB (PR's recommendation): the baseline did not measure 512 MB (its power values differ from the PR's).",
    ],
    [
      { kind: 'not-measured', at: { prMemoryMb: 2048, baseMemoryMb: 2048, roles: ['base-recommended'] }, side: 'pr' },
      "Not compared at 2048 MB (base's recommendation): the PR run did not measure 2048 MB (its power values differ from the base's).",
    ],
    [
      { kind: 'pr-failed', at: configured, failure: 'failed with Runtime.OutOfMemory' },
      'The PR fails at 1024 MB (configured), where the baseline succeeded: failed with Runtime.OutOfMemory.',
    ],
    [
      { kind: 'pr-failed', at: configured },
      'The PR fails at 1024 MB (configured), where the baseline succeeded: no successful invocation.',
    ],
    [
      { kind: 'both-failed', at: configured, failure: 'failed with Boom' },
      'Both runs fail at 1024 MB (configured), so there is nothing to compare and no regression; the PR failed with Boom.',
    ],
    [
      { kind: 'both-failed', at: configured },
      'Both runs fail at 1024 MB (configured), so there is nothing to compare and no regression; the PR failed.',
    ],
    [
      { kind: 'base-failed', at: configured, failure: 'failed with Boom' },
      'The PR succeeds at 1024 MB (configured), where the baseline failed (an improvement, not compared): failed with Boom.',
    ],
    [
      { kind: 'nothing-compared' },
      'Nothing could be compared with the baseline: no memory size was measured successfully on both sides.',
    ],
    [
      { kind: 'baseline-problem', problem: 'the data branch could not be read (Server Error)' },
      'No comparison: the data branch could not be read (Server Error).',
    ],
    [
      { kind: 'monthly-cost', at: HERE, invocations: 1_000_000, baseUsd: 1, prUsd: 1.03, outcome: 'no-limit' },
      'Monthly cost at 1024 MB (configured, recommended), for 1,000,000 invocations a month, rises by $0.0300 ($1.00 → $1.03); no monthly limit is set.',
    ],
    [
      {
        kind: 'monthly-cost',
        at: HERE,
        invocations: 1_000_000,
        baseUsd: 1,
        prUsd: 1.03,
        outcome: 'above',
        limitUsd: 0.02,
      },
      'Monthly cost at 1024 MB (configured, recommended), for 1,000,000 invocations a month, rises by $0.0300 ($1.00 → $1.03), a significant increase above the $0.0200 limit.',
    ],
    [
      {
        kind: 'monthly-cost',
        at: HERE,
        invocations: 1_000_000,
        baseUsd: 1,
        prUsd: 1.03,
        outcome: 'above-unconfirmed',
        limitUsd: 0.02,
        shortfall: { kind: 'no-drift-estimate', storedRuns: 1, needed: 3, history: false },
      },
      'Monthly cost at 1024 MB (configured, recommended), for 1,000,000 invocations a month, rises by $0.0300 ($1.00 → $1.03), a significant increase above the $0.0200 limit, but the cost change it projects was measured against one stored run (baseline-file): a fail against a stored baseline needs the drift between runs, estimated from 3 stored runs at this memory size on a data branch (baseline-branch), or a live baseline-function.',
    ],
    [
      {
        kind: 'monthly-cost',
        at: HERE,
        invocations: 1_000_000,
        baseUsd: 1,
        prUsd: 1.03,
        outcome: 'above-unconfirmed',
        limitUsd: 0.02,
        shortfall: { kind: 'too-few-environments', environments: 3, needed: 7 },
      },
      'Monthly cost at 1024 MB (configured, recommended), for 1,000,000 invocations a month, rises by $0.0300 ($1.00 → $1.03), a significant increase above the $0.0200 limit, but the cost change it projects was measured in 3 pairs of execution environments per function: a fail needs 7 (raise gate-max-invocations).',
    ],
    [
      {
        kind: 'monthly-cost',
        at: HERE,
        invocations: 1_000_000,
        baseUsd: 1,
        prUsd: 1.03,
        outcome: 'above-not-significant',
        limitUsd: 0.01,
      },
      'Monthly cost at 1024 MB (configured, recommended), for 1,000,000 invocations a month, rises by $0.0300 ($1.00 → $1.03), above the $0.0100 limit but not statistically significant.',
    ],
    [
      {
        kind: 'monthly-cost',
        at: HERE,
        invocations: 10_000_000,
        baseUsd: 1234.5,
        prUsd: 1200,
        outcome: 'within',
        limitUsd: 50,
      },
      'Monthly cost at 1024 MB (configured, recommended), for 10,000,000 invocations a month, falls by $34.50 ($1,234.50 → $1,200.00), within the $50.00 limit.',
    ],
    [
      {
        kind: 'absolute-limit',
        metric: 'cost',
        statistic: 'mean',
        limit: 5e-7,
        outcome: 'above',
        at: { memoryMb: 1024 },
        value: 1e-6,
      },
      `The cost per invocation at 1024 MB (configured) is ${usd(1e-6)}, above the ${usd(5e-7)} limit.`,
    ],
    [
      {
        kind: 'absolute-limit',
        metric: 'duration',
        statistic: 'p95',
        limit: 150,
        outcome: 'above',
        at: { memoryMb: 1024 },
        value: 180,
      },
      `The p95 duration at 1024 MB (configured) is ${ms(180)}, above the ${ms(150)} limit.`,
    ],
    [
      {
        kind: 'absolute-limit',
        metric: 'duration',
        statistic: 'mean',
        limit: 150,
        outcome: 'within',
        at: { memoryMb: 1024, untunedConfiguredMb: 3008 },
        value: 120,
      },
      `The mean duration at 1024 MB (recommended; the configured 3008 MB was not tuned) is ${ms(120)}, within the ${ms(150)} limit.`,
    ],
    [
      {
        kind: 'absolute-limit',
        metric: 'duration',
        statistic: 'mean',
        limit: 1000,
        outcome: 'failed',
        at: { memoryMb: 128 },
        failure: 'failed with Sandbox.Timedout',
      },
      `The mean duration limit of ${ms(1000)} is not met at 128 MB (configured): it failed with Sandbox.Timedout.`,
    ],
    [
      {
        kind: 'absolute-limit',
        metric: 'duration',
        statistic: 'p99',
        limit: 1000,
        outcome: 'no-sample',
        at: { memoryMb: 128 },
      },
      `The p99 duration limit of ${ms(1000)} cannot be checked at 128 MB (configured): no successful sample.`,
    ],
    [
      { kind: 'absolute-limit', metric: 'cost', statistic: 'mean', limit: 0.00002, outcome: 'unmeasured' },
      `The cost per invocation limit of ${usd(0.00002)} cannot be checked: neither the configured nor a recommended memory was measured.`,
    ],
  ];
  it.each(cases)('%j', (finding, sentence) => {
    expect(reasonFor(finding)).toBe(sentence);
  });
});

describe('overallReason', () => {
  const context = (findings: Finding[], extra: Partial<OverallContext> = {}): OverallContext => ({
    findings,
    baselineDescription: 'run of orders-api at bbbbbbb (2026-03-01)',
    headline: { at: HERE, costDeltaPct: -10, durationDeltaPct: 0.01 },
    absoluteLimits: false,
    ...extra,
  });
  const fail: Finding = { ...cost, kind: 'fail-limit', change: CI, limitPct: 5 };

  it('a fail or warn: the first such finding, and how many more', () => {
    expect(
      overallReason(
        'fail',
        context([
          { ...cost, kind: 'unchanged' },
          fail,
          { ...duration, kind: 'fail-limit', change: CI, limitPct: 10 },
          { kind: 'nothing-compared' },
        ]),
      ),
    ).toBe(
      'Cost per invocation at 1024 MB (configured, recommended) rose 12.0% (95% CI +4.1% to +20.3%), significant and above the 5% fail limit; 1 more check failed.',
    );
    expect(overallReason('warn', context([{ kind: 'nothing-compared' }]))).toBe(
      'Nothing could be compared with the baseline: no memory size was measured successfully on both sides.',
    );
    expect(
      overallReason(
        'warn',
        context([
          { kind: 'nothing-compared' },
          { kind: 'baseline-problem', problem: 'x' },
          { kind: 'baseline-problem', problem: 'y' },
        ]),
      ),
    ).toMatch(/; 2 more checks warned\.$/);
  });

  it('a pass names the headline, and the first improvement found, from its finding', () => {
    const improvement: Finding = { ...duration, kind: 'improvement', change: { deltaPct: -10 } };
    expect(overallReason('pass', context([{ ...cost, kind: 'unchanged' }, improvement]))).toBe(
      'No significant regression against the run of orders-api at bbbbbbb (2026-03-01) (cost -10.0%, duration 0.0% at 1024 MB (configured, recommended)), and duration at 1024 MB (configured, recommended) improved -10.0%.',
    );
    // "an improvement, not compared" is not an improvement the gate measured, whatever its sentence says.
    expect(
      overallReason(
        'pass',
        context([
          { kind: 'base-failed', at: HERE },
          { ...cost, kind: 'small-improvement', change: { deltaPct: -2 } },
        ]),
      ),
    ).toBe(
      'No significant regression against the run of orders-api at bbbbbbb (2026-03-01): cost -10.0%, duration 0.0% at 1024 MB (configured, recommended).',
    );
    expect(overallReason('pass', context([], { headline: null }))).toBe(
      'Nothing was compared with the run of orders-api at bbbbbbb (2026-03-01).',
    );
  });

  it('without a baseline: what is gated', () => {
    expect(overallReason('pass', context([], { baselineDescription: null }))).toBe(
      'No baseline to compare with and no absolute limit set, so nothing is gated (a first run never fails for lack of history).',
    );
    expect(
      overallReason(
        'pass',
        context([], {
          baselineDescription: null,
          absoluteLimits: true,
          noBaselineNote: 'the data branch has no entry for orders-api yet',
        }),
      ),
    ).toBe(
      'No baseline to compare with (the data branch has no entry for orders-api yet), so only the absolute limits apply, and they are met.',
    );
  });
});
