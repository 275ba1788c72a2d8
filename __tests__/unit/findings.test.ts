// The gate's structured findings (src/gate/findings.ts): each kind produced by compareRuns on hand-made runs, with
// the numbers its sentence needs, and the level that follows from it. Prices are $0.00001/GB-s without request
// price, so at 1024 MB a billed millisecond costs 1e-8 USD and a cost ratio equals a billed-duration ratio.

import { compareRuns, type CompareOptions } from '../../src/gate/compare.js';
import type { Finding, Place } from '../../src/gate/findings.js';
import { levelOf } from '../../src/gate/findings.js';
import type { GateSettings, MetricComparison, RunResult, Verdict } from '../../src/types.js';
import { blocked, makeRun, repeat, type RunSpec } from '../helpers/run-fixture.js';
import { gateSettings } from '../helpers/settings.js';

const GATE = gateSettings();
const HERE: Place = { prMemoryMb: 1024, baseMemoryMb: 1024, roles: ['configured', 'recommended'] };

const single = (durationsMs: number[], extra: Partial<RunSpec> = {}) =>
  makeRun({ configuredMb: 1024, powerValues: [{ memoryMb: 1024, durationsMs }], ...extra });
/** Samples alternating ±spread around centre. */
const around = (centre: number, n: number, spread = 0.05) =>
  Array.from({ length: n }, (_, index) => centre * (index % 2 === 0 ? 1 - spread : 1 + spread));

function rows(
  pr: RunResult,
  base: RunResult | null,
  gate: GateSettings = GATE,
  monthly = 0,
  options: CompareOptions = {},
): MetricComparison[] {
  return compareRuns(pr, base, gate, monthly, options).comparisons;
}

function findingOf(comparisons: MetricComparison[], kind: MetricComparison['kind'], metric: RegExp = /./): Finding {
  const row = comparisons.find((entry) => entry.kind === kind && metric.test(entry.metric));
  if (!row?.finding) throw new Error(`no ${kind} row with a finding matching ${String(metric)}`);
  // The row's level is always the finding's.
  expect(row.level).toBe(levelOf(row.finding));
  return row.finding;
}

/** An exact change: every sample on each side the same. */
const exact = (deltaPct: number) => ({
  deltaPct: expect.closeTo(deltaPct, 9),
  interval: {
    lowPct: expect.closeTo(deltaPct, 9),
    highPct: expect.closeTo(deltaPct, 9),
    confidence: 0.95,
    exact: true,
  },
});

describe('relative findings: cost and duration at one place', () => {
  it('unchanged: every sample on each side the same, and the same on both sides', () => {
    expect(findingOf(rows(single(repeat(100, 5)), single(repeat(100, 5))), 'cost')).toEqual({
      kind: 'unchanged',
      metric: 'cost',
      at: HERE,
    });
  });

  it('fail-limit and warn-limit: an exact +10% is above the 5% cost fail limit and the 5% duration warn limit', () => {
    // Three stored runs at 1024 MB: the drift estimate a stored baseline's fail needs (no drift here).
    const base = single(repeat(100, 5));
    const comparisons = rows(single(repeat(110, 5)), base, GATE, 0, { history: [base, base, base] });
    expect(findingOf(comparisons, 'cost')).toEqual({
      kind: 'fail-limit',
      metric: 'cost',
      at: HERE,
      change: exact(10),
      limitPct: 5,
    });
    // 10% is not above the 10% duration fail limit (float noise aside), so it warns.
    expect(findingOf(comparisons, 'duration')).toEqual({
      kind: 'warn-limit',
      metric: 'duration',
      at: HERE,
      change: exact(10),
      limitPct: 5,
    });
  });

  it('within-limit: a significant +2% under the 2.5% warn limit, and without any threshold', () => {
    expect(findingOf(rows(single(repeat(102, 5)), single(repeat(100, 5))), 'cost')).toEqual({
      kind: 'within-limit',
      metric: 'cost',
      at: HERE,
      change: exact(2),
      limitPct: 2.5,
    });
    const unlimited = gateSettings({ maxCostIncreasePct: undefined, warnCostIncreasePct: undefined });
    expect(findingOf(rows(single(repeat(102, 5)), single(repeat(100, 5)), unlimited), 'cost')).toEqual({
      kind: 'within-limit',
      metric: 'cost',
      at: HERE,
      change: exact(2),
    });
  });

  it('improvement and small-improvement: a significant −10% is one, a significant −2% (under the 2.5% limit) is small', () => {
    expect(findingOf(rows(single(repeat(90, 5)), single(repeat(100, 5))), 'cost')).toEqual({
      kind: 'improvement',
      metric: 'cost',
      at: HERE,
      change: exact(-10),
    });
    expect(findingOf(rows(single(repeat(98, 5)), single(repeat(100, 5))), 'cost')).toEqual({
      kind: 'small-improvement',
      metric: 'cost',
      at: HERE,
      change: exact(-2),
    });
  });

  it('not-significant: an interval that contains no change, and one that excludes it alone but not with the other comparisons', () => {
    const noisy = findingOf(rows(single([99, 121, 110, 88, 132]), single([90, 110, 100, 80, 120])), 'cost');
    expect(noisy).toEqual({
      kind: 'not-significant',
      metric: 'cost',
      at: HERE,
      change: {
        deltaPct: expect.closeTo(10, 9),
        interval: { lowPct: expect.any(Number), highPct: expect.any(Number), confidence: 0.95, exact: false },
      },
      afterFamily: false,
    });
    if (noisy.kind !== 'not-significant' || !noisy.change.interval) throw new Error('unreachable');
    expect(noisy.change.interval.lowPct).toBeLessThan(0);
    expect(noisy.change.interval.highPct).toBeGreaterThan(0);
    // Cost and duration each +18%, p = 0.026 each: significant alone at 95%, not with Holm over the two.
    const holm = findingOf(
      rows(
        single(around(118, 6, 0.1)),
        single(around(100, 6, 0.1)),
        gateSettings({ maxCostIncreasePct: 5, maxDurationIncreasePct: 5 }),
      ),
      'duration',
    );
    expect(holm).toEqual(expect.objectContaining({ kind: 'not-significant', afterFamily: true }));
    if (holm.kind !== 'not-significant' || !holm.change.interval) throw new Error('unreachable');
    expect(holm.change.interval.lowPct).toBeGreaterThan(0);
  });

  it('too-few-samples: an exact +20% on 3 samples a side, under min-samples 5, says which side and how many', () => {
    expect(findingOf(rows(single(repeat(120, 3)), single(repeat(100, 3))), 'cost')).toEqual({
      kind: 'too-few-samples',
      metric: 'cost',
      at: HERE,
      change: exact(20),
      side: 'pr',
      samples: 3,
      minSamples: 5,
    });
    expect(findingOf(rows(single(repeat(120, 5)), single(repeat(100, 4))), 'duration')).toEqual(
      expect.objectContaining({ kind: 'too-few-samples', side: 'base', samples: 4 }),
    );
  });

  it('no-interval: one sample a side allowed by min-samples 1 gives an estimate but no interval', () => {
    expect(findingOf(rows(single([125]), single([100]), gateSettings({ minSamples: 1 })), 'duration')).toEqual({
      kind: 'no-interval',
      metric: 'duration',
      at: HERE,
      change: { deltaPct: expect.closeTo(25, 9) },
    });
  });

  it('no-samples: a side whose memory size is ok but has no measured sample', () => {
    const pr = single(repeat(100, 5));
    const entry = pr.powerValues[0];
    if (!entry) throw new Error('no entry');
    entry.samples = [];
    expect(findingOf(rows(pr, single(repeat(100, 5))), 'cost')).toEqual({
      kind: 'no-samples',
      metric: 'cost',
      at: HERE,
    });
  });

  it('below-floor: a 0.08 ms change under the 1 ms floor, with the figures the sentence needs', () => {
    const base = makeRun({ configuredMb: 256, powerValues: [{ memoryMb: 256, durationsMs: around(0.2, 10, 0.01) }] });
    const pr = makeRun({ configuredMb: 256, powerValues: [{ memoryMb: 256, durationsMs: around(0.28, 10, 0.01) }] });
    const comparisons = rows(pr, base);
    expect(findingOf(comparisons, 'duration')).toEqual({
      kind: 'below-floor',
      metric: 'duration',
      at: { prMemoryMb: 256, baseMemoryMb: 256, roles: ['configured', 'recommended'] },
      change: {
        deltaPct: expect.closeTo(40, 9),
        interval: { lowPct: expect.closeTo(38.6, 1), highPct: expect.closeTo(41.4, 1), confidence: 0.95, exact: false },
      },
      difference: expect.closeTo(0.08, 12),
      floor: 1,
      floorMs: 1,
    });
    // Cost: 1 ms at 256 MB costs 0.25 × 0.001 × $0.00001.
    expect(findingOf(comparisons, 'cost')).toEqual(
      expect.objectContaining({ kind: 'below-floor', floor: expect.closeTo(2.5e-9, 20), floorMs: 1 }),
    );
  });

  const live = (count: number, level: number) =>
    makeRun({
      configuredMb: 1024,
      powerValues: [
        { memoryMb: 1024, ...blocked(count, (block) => around(level * (1 + 0.01 * (block % 2)), 10, 0.02)) },
      ],
      runId: 'live-run',
    });

  it('too-few-environments: above the fail limit over 6 pairs of environments, where a fail needs 7', () => {
    const finding = findingOf(
      rows(live(6, 150), live(6, 100), gateSettings({ baselineSource: 'function', maxInvocations: 60 })),
      'duration',
    );
    expect(finding).toEqual(
      expect.objectContaining({
        kind: 'too-few-environments',
        metric: 'duration',
        limitPct: 10,
        environments: 6,
        needed: 7,
      }),
    );
    if (finding.kind !== 'too-few-environments') throw new Error('unreachable');
    expect(finding.change.interval).toEqual(expect.objectContaining({ environments: 6, exact: false }));
  });

  it('no-drift-estimate: above the fail limit against a stored baseline without 3 stored runs there', () => {
    const base = single(repeat(100, 5));
    expect(findingOf(rows(single(repeat(110, 5)), base), 'cost')).toEqual({
      kind: 'no-drift-estimate',
      metric: 'cost',
      at: HERE,
      change: exact(10),
      limitPct: 5,
      storedRuns: 1,
      needed: 3,
      history: false,
    });
    expect(findingOf(rows(single(repeat(110, 5)), base, GATE, 0, { history: [base, base] }), 'cost')).toEqual(
      expect.objectContaining({ kind: 'no-drift-estimate', storedRuns: 2, needed: 3, history: true }),
    );
  });

  it('an interval over stored runs says how many it took its run-to-run noise from', () => {
    const base = single(around(100, 10));
    const history = [base, single(around(104, 10)), single(around(96, 10))];
    const finding = findingOf(rows(single(around(110, 10)), base, GATE, 0, { history }), 'cost');
    expect(finding).toEqual(expect.objectContaining({ kind: 'not-significant', afterFamily: false }));
    if (finding.kind !== 'not-significant') throw new Error('unreachable');
    expect(finding.change.interval).toEqual(expect.objectContaining({ storedRuns: 3 }));
  });
});

describe('places that could not be compared', () => {
  const twoSizes = (
    at1024: Partial<RunSpec['powerValues'][number]>,
    at512: Partial<RunSpec['powerValues'][number]> = {},
  ) =>
    makeRun({
      configuredMb: 1024,
      recommendedMb: 512,
      powerValues: [
        { memoryMb: 512, durationsMs: repeat(200, 5), ...at512 },
        { memoryMb: 1024, durationsMs: repeat(100, 5), ...at1024 },
      ],
    });
  const configured: Place = { prMemoryMb: 1024, baseMemoryMb: 1024, roles: ['configured'] };

  it('pr-failed: fails at the configured memory (a fail), at a recommendation only (a warning)', () => {
    const comparisons = rows(twoSizes({ failWith: 'Runtime.OutOfMemory' }), twoSizes({}));
    expect(findingOf(comparisons, 'cost', /1024 MB/)).toEqual({
      kind: 'pr-failed',
      at: configured,
      failure: 'failed with Runtime.OutOfMemory',
    });
    expect(levelOf({ kind: 'pr-failed', at: configured })).toBe('fail');
    expect(levelOf({ kind: 'pr-failed', at: { ...configured, roles: ['pr-recommended'] } })).toBe('warn');
  });

  it('both-failed and base-failed', () => {
    expect(findingOf(rows(twoSizes({ failWith: 'Boom' }), twoSizes({ failWith: 'Boom' })), 'cost', /1024 MB/)).toEqual({
      kind: 'both-failed',
      at: configured,
      failure: 'failed with Boom',
    });
    expect(findingOf(rows(twoSizes({}), twoSizes({ failWith: 'Boom' })), 'cost', /1024 MB/)).toEqual({
      kind: 'base-failed',
      at: configured,
      failure: 'failed with Boom',
    });
  });

  it('not-measured: a memory size one side did not tune', () => {
    const pr = makeRun({
      configuredMb: 1024,
      recommendedMb: 512,
      powerValues: [
        { memoryMb: 512, durationsMs: repeat(200, 5) },
        { memoryMb: 1024, durationsMs: repeat(100, 5) },
      ],
    });
    const base = makeRun({
      configuredMb: 1024,
      recommendedMb: 2048,
      powerValues: [
        { memoryMb: 1024, durationsMs: repeat(100, 5) },
        { memoryMb: 2048, durationsMs: repeat(50, 5) },
      ],
    });
    const comparisons = rows(pr, base);
    expect(findingOf(comparisons, 'cost', /512 MB/)).toEqual({
      kind: 'not-measured',
      at: { prMemoryMb: 512, baseMemoryMb: 512, roles: ['pr-recommended'] },
      side: 'base',
    });
    expect(findingOf(comparisons, 'cost', /2048 MB/)).toEqual({
      kind: 'not-measured',
      at: { prMemoryMb: 2048, baseMemoryMb: 2048, roles: ['base-recommended'] },
      side: 'pr',
    });
  });

  it('nothing-compared, and baseline-problem when the baseline could not be read', () => {
    const failing = makeRun({
      configuredMb: 1024,
      recommendedMb: null,
      powerValues: [{ memoryMb: 1024, durationsMs: [10, 11], failWith: 'Boom' }],
    });
    expect(findingOf(rows(failing, single(repeat(100, 5))), 'cost', /comparison with the baseline/)).toEqual({
      kind: 'nothing-compared',
    });
    expect(
      findingOf(
        rows(single(repeat(100, 5)), null, GATE, 0, {
          baselineProblem: 'the data branch could not be read (Server Error)',
        }),
        'cost',
      ),
    ).toEqual({
      kind: 'baseline-problem',
      problem: 'the data branch could not be read (Server Error)',
    });
  });
});

describe('the monthly limit', () => {
  // The data branch holds 3 stored runs at the base's figures: the drift estimate a stored baseline's fail needs.
  const monthly = (pr: number[], base: number[], limitUsd?: number, history = 3) =>
    findingOf(
      rows(single(pr), single(base), gateSettings({ maxMonthlyCostIncreaseUsd: limitUsd }), 1_000_000, {
        history: Array.from({ length: history }, () => single(base)),
      }),
      'monthly-cost',
    );

  it('no-limit, above, above-not-significant and within, with the dollars', () => {
    expect(monthly(repeat(103, 5), repeat(100, 5))).toEqual({
      kind: 'monthly-cost',
      at: HERE,
      invocations: 1_000_000,
      baseUsd: expect.closeTo(1, 12),
      prUsd: expect.closeTo(1.03, 12),
      outcome: 'no-limit',
    });
    expect(monthly(repeat(103, 5), repeat(100, 5), 0.02)).toEqual(
      expect.objectContaining({ outcome: 'above', limitUsd: 0.02 }),
    );
    expect(monthly([99, 121, 110, 88, 132], [90, 110, 100, 80, 120], 0.01)).toEqual(
      expect.objectContaining({ outcome: 'above-not-significant', limitUsd: 0.01 }),
    );
    expect(monthly(repeat(103, 5), repeat(100, 5), 0.05)).toEqual(
      expect.objectContaining({ outcome: 'within', limitUsd: 0.05 }),
    );
  });

  it('above-unconfirmed: above the limit on a significant cost change that cannot fail (2 stored runs)', () => {
    expect(monthly(repeat(103, 5), repeat(100, 5), 0.02, 2)).toEqual(
      expect.objectContaining({
        outcome: 'above-unconfirmed',
        limitUsd: 0.02,
        shortfall: { kind: 'no-drift-estimate', storedRuns: 2, needed: 3, history: true },
      }),
    );
  });
});

describe('absolute limits', () => {
  const absolute = (pr: RunResult, gate: Partial<GateSettings>) =>
    findingOf(rows(pr, null, gateSettings(gate)), 'duration');

  it('above and within, with the value and where it was checked', () => {
    const pr = single([100, 120, 140, 160, 180, 200, 220]);
    expect(absolute(pr, { maxDurationMs: 150, maxDurationStatistic: 'p50' })).toEqual({
      kind: 'absolute-limit',
      metric: 'duration',
      statistic: 'p50',
      limit: 150,
      outcome: 'above',
      at: { memoryMb: 1024 },
      value: 160,
    });
    expect(absolute(pr, { maxDurationMs: 500 })).toEqual(
      expect.objectContaining({ outcome: 'within', statistic: 'mean', value: 160 }),
    );
    const cost = findingOf(rows(pr, null, gateSettings({ maxCostPerInvocationUsd: 5e-7 })), 'cost');
    expect(cost).toEqual({
      kind: 'absolute-limit',
      metric: 'cost',
      statistic: 'mean',
      limit: 5e-7,
      outcome: 'above',
      at: { memoryMb: 1024 },
      value: expect.closeTo(1.6e-6, 15),
    });
  });

  it('failed, no-sample and unmeasured', () => {
    const failed = makeRun({
      configuredMb: 128,
      powerValues: [{ memoryMb: 128, durationsMs: [3000, 3000], failWith: 'Sandbox.Timedout' }],
    });
    expect(absolute(failed, { maxDurationMs: 1000 })).toEqual({
      kind: 'absolute-limit',
      metric: 'duration',
      statistic: 'mean',
      limit: 1000,
      outcome: 'failed',
      at: { memoryMb: 128 },
      failure: 'failed with Sandbox.Timedout',
    });
    const empty = single(repeat(100, 5));
    const entry = empty.powerValues[0];
    if (!entry) throw new Error('no entry');
    entry.samples = [];
    expect(absolute(empty, { maxDurationMs: 1000 })).toEqual(
      expect.objectContaining({ outcome: 'no-sample', at: { memoryMb: 1024 } }),
    );
    const untuned = makeRun({
      configuredMb: 3008,
      recommendedMb: null,
      powerValues: [{ memoryMb: 1024, durationsMs: repeat(100, 5) }],
    });
    expect(absolute(untuned, { maxDurationMs: 1000 })).toEqual({
      kind: 'absolute-limit',
      metric: 'duration',
      statistic: 'mean',
      limit: 1000,
      outcome: 'unmeasured',
    });
    const recommended = makeRun({ configuredMb: 3008, powerValues: [{ memoryMb: 1024, durationsMs: repeat(100, 5) }] });
    expect(absolute(recommended, { maxDurationMs: 1000 })).toEqual(
      expect.objectContaining({ outcome: 'within', at: { memoryMb: 1024, untunedConfiguredMb: 3008 } }),
    );
  });
});

describe('levelOf', () => {
  it('gives each finding its level', () => {
    const change = { deltaPct: 12 };
    const relative = { metric: 'cost', at: HERE } as const;
    const levels = (findings: Finding[]) => findings.map(levelOf);
    expect(levels([{ ...relative, kind: 'fail-limit', change, limitPct: 5 }])).toEqual(['fail']);
    expect(
      levels([
        { ...relative, kind: 'warn-limit', change, limitPct: 5 },
        { ...relative, kind: 'too-few-environments', change, limitPct: 10, environments: 3, needed: 7 },
        { ...relative, kind: 'no-drift-estimate', change, limitPct: 10, storedRuns: 2, needed: 3, history: true },
      ]),
    ).toEqual(['warn', 'warn', 'warn']);
    const monthly = { kind: 'monthly-cost', at: HERE, invocations: 1, baseUsd: 1, prUsd: 2, limitUsd: 0.5 } as const;
    expect(
      levels([
        { ...monthly, outcome: 'above' },
        {
          ...monthly,
          outcome: 'above-unconfirmed',
          shortfall: { kind: 'too-few-environments', environments: 3, needed: 7 },
        },
        { ...monthly, outcome: 'above-not-significant' },
      ]),
    ).toEqual(['fail', 'warn', 'pass']);
    expect(
      levels([
        { ...relative, kind: 'within-limit', change },
        { ...relative, kind: 'improvement', change },
        { ...relative, kind: 'unchanged' },
      ]),
    ).toEqual(['pass', 'pass', 'pass']);
    expect(
      levels([
        { kind: 'both-failed', at: HERE },
        { kind: 'both-failed', at: { ...HERE, roles: ['recommended'] } },
      ]),
    ).toEqual(['warn', 'pass']);
    expect(levels([{ kind: 'nothing-compared' }, { kind: 'baseline-problem', problem: 'x' }])).toEqual([
      'warn',
      'warn',
    ]);
    const absolute = { kind: 'absolute-limit', metric: 'duration', statistic: 'mean', limit: 100 } as const;
    expect(
      levels([
        { ...absolute, outcome: 'unmeasured' },
        { ...absolute, outcome: 'no-sample', at: { memoryMb: 128 } },
        { ...absolute, outcome: 'failed', at: { memoryMb: 128 } },
      ]),
    ).toEqual(['warn', 'warn', 'fail']);
  });
});

// A verdict's rows all carry findings.
it('every row compareRuns makes has a finding', () => {
  const verdict: Verdict = compareRuns(
    single(repeat(110, 5)),
    single(repeat(100, 5)),
    gateSettings({ maxDurationMs: 50, maxMonthlyCostIncreaseUsd: 1 }),
    1_000_000,
  );
  expect(verdict.comparisons.length).toBe(4);
  expect(verdict.comparisons.every((row) => row.finding !== undefined)).toBe(true);
});
