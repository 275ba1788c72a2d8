// The gate never blocks identical code (issue 13): the practical floor, one error rate for the whole verdict
// (Holm across comparisons, Bonferroni across the live gate's looks), and the least evidence a fail needs.

import { compareRuns } from '../../src/gate/compare.js';
import { holmSignificant } from '../../src/gate/family.js';
import { environmentSchedule, failableLooks, invocationsForFail, minFailEnvironments } from '../../src/gate/looks.js';
import { signTestPValue } from '../../src/gate/stats.js';
import { nextGateRound } from '../../src/gate/sequential.js';
import { renderReport } from '../../src/report/markdown.js';
import type { MetricComparison, Verdict } from '../../src/types.js';
import { blocked, makeRun, repeat } from '../helpers/run-fixture.js';
import { gateSettings } from '../helpers/settings.js';

const LIVE = 'live-run';
const row = (verdict: Verdict, kind: MetricComparison['kind']): MetricComparison => {
  const found = verdict.comparisons.find((entry) => entry.kind === kind);
  if (!found) throw new Error(`no ${kind} row`);
  return found;
};
/** Samples alternating ±spread around centre. */
const around = (centre: number, n: number, spread = 0.05) =>
  Array.from({ length: n }, (_, index) => centre * (index % 2 === 0 ? 1 - spread : 1 + spread));

describe('the practical floor (min-duration-change-ms)', () => {
  // The issue's repro: a sub-millisecond handler, its duration up 40% (0.2 → 0.28 ms), significant by any interval.
  const base = makeRun({ configuredMb: 256, powerValues: [{ memoryMb: 256, durationsMs: around(0.2, 10, 0.01) }] });
  const pr = makeRun({ configuredMb: 256, powerValues: [{ memoryMb: 256, durationsMs: around(0.28, 10, 0.01) }] });

  it('a change under 1 ms is within noise whatever its interval says', () => {
    const verdict = compareRuns(pr, base, gateSettings(), 1_000_000);
    const duration = row(verdict, 'duration');
    expect(duration.ciLowPct).toBeGreaterThan(30);
    expect(duration).toEqual(expect.objectContaining({ level: 'pass', significant: false, belowFloor: true }));
    expect(duration.reason).toBe(
      'Duration at 256 MB (configured, recommended) rose 40.0% (95% CI +38.6% to +41.4%): within noise, a change of 0.0800 ms is below the 1.00 ms floor (min-duration-change-ms).',
    );
    // Cost: billed in 1 ms units, a 0.08 ms change is far below what 1 ms costs at 256 MB.
    expect(row(verdict, 'cost')).toEqual(expect.objectContaining({ level: 'pass', belowFloor: true }));
    expect(verdict.level).toBe('pass');
  });

  it('the floor at 0 leaves the interval to decide', () => {
    // Three stored runs at 256 MB give the drift estimate a stored baseline's fail needs (here no drift).
    const history = [base, base, base];
    expect(compareRuns(pr, base, gateSettings({ minDurationChangeMs: 0 }), 1_000_000, { history }).level).toBe('fail');
  });
});

describe('one error rate for the verdict: Holm across comparisons', () => {
  it('tests the smallest p at alpha/m, the next at alpha/(m−1), and stops at the first that is not significant', () => {
    expect(holmSignificant([0.01, 0.04, 0.03, 0.002], 0.05)).toEqual([true, false, false, true]);
    expect(holmSignificant([0.012, 0.02], 0.05)).toEqual([true, true]);
    expect(holmSignificant([0.03, 0.04], 0.05)).toEqual([false, false]);
    expect(holmSignificant([], 0.05)).toEqual([]);
  });

  it('a change significant on its own is not, once the verdict’s other comparisons count', () => {
    // Cost and duration each up 18%, p = 0.026 each: significant alone at 95%, but not with Holm over the two (0.025).
    const base = makeRun({ configuredMb: 1024, powerValues: [{ memoryMb: 1024, durationsMs: around(100, 6, 0.1) }] });
    const pr = makeRun({ configuredMb: 1024, powerValues: [{ memoryMb: 1024, durationsMs: around(118, 6, 0.1) }] });
    const alone = compareRuns(pr, base, gateSettings({ maxCostIncreasePct: 5, maxDurationIncreasePct: 5 }), 0);
    const duration = row(alone, 'duration');
    expect(duration.ciLowPct).toBeGreaterThan(0);
    expect(duration.significant).toBe(false);
    expect(duration.reason).toMatch(
      /not statistically significant once the verdict's other comparisons are accounted for\.$/,
    );
    // At 90% confidence (alpha 10%, 5% each) the same change is significant.
    expect(
      row(
        compareRuns(pr, base, gateSettings({ confidence: 0.9, maxCostIncreasePct: 5, maxDurationIncreasePct: 5 }), 0),
        'duration',
      ).significant,
    ).toBe(true);
  });
});

describe('the live gate’s looks and evidence', () => {
  it('a fail needs the environments with which the sign test can be significant: 2·½^J ≤ (1 − confidence)/2', () => {
    expect([0.9, 0.95, 0.99].map(minFailEnvironments)).toEqual([6, 7, 9]);
    expect(signTestPValue([1, 1, 1, 1, 1, 1, 1])).toBeCloseTo(2 / 128, 12);
    expect(signTestPValue([1, 1, 1])).toBeCloseTo(0.25, 12);
    expect(signTestPValue([1, -1, 1, 0])).toBe(1);
    expect(invocationsForFail(10, 0.95)).toBe(70);
  });

  it('schedules environments by doubling within the cap, and counts the looks that could fail', () => {
    expect(environmentSchedule(200, 10)).toEqual([1, 3, 6, 12, 20]);
    expect(failableLooks(200, 10, 0.95)).toBe(2);
    expect(environmentSchedule(16, 4)).toEqual([1, 2]);
    expect(failableLooks(16, 4, 0.95)).toBe(1);
    expect(environmentSchedule(0, 10)).toEqual([1]);
  });

  const blocks = (count: number, level: number) =>
    makeRun({
      configuredMb: 1024,
      powerValues: [
        { memoryMb: 1024, ...blocked(count, (block) => around(level * (1 + 0.01 * (block % 2)), 10, 0.02)) },
      ],
      runId: LIVE,
    });

  it('a regression over fewer than 7 pairs of environments warns and says what is missing', () => {
    const verdict = compareRuns(
      blocks(6, 150),
      blocks(6, 100),
      gateSettings({ baselineSource: 'function', maxInvocations: 60 }),
      0,
    );
    const duration = row(verdict, 'duration');
    expect(duration.level).toBe('warn');
    expect(duration.reason).toMatch(
      /above the 10% fail limit, but measured in 6 pairs of execution environments per function: a fail needs 7 \(raise gate-max-invocations\)\.$/,
    );
    expect(verdict.level).toBe('warn');
  });

  it('the same regression over 7 pairs fails: every pair points up (sign test p = 2/128)', () => {
    const verdict = compareRuns(
      blocks(7, 150),
      blocks(7, 100),
      gateSettings({ baselineSource: 'function', maxInvocations: 70 }),
      0,
    );
    expect(row(verdict, 'duration').level).toBe('fail');
  });

  it('over 7 pairs where the environments disagree in direction, the t interval alone does not fail it', () => {
    // Six pairs +60%, one −5%: t says significant, the sign test (6 of 7, p = 0.125) does not.
    const levels = [1.6, 1.6, 1.6, 1.6, 1.6, 1.6, 0.95];
    const pr = makeRun({
      configuredMb: 1024,
      powerValues: [{ memoryMb: 1024, ...blocked(7, (block) => around(100 * (levels[block] ?? 1), 10, 0.02)) }],
      runId: LIVE,
    });
    const verdict = compareRuns(
      pr,
      blocks(7, 100),
      gateSettings({ baselineSource: 'function', maxInvocations: 70 }),
      0,
    );
    const duration = row(verdict, 'duration');
    expect(duration.ciLowPct).toBeGreaterThan(0);
    expect(duration.level).toBe('pass');
    expect(duration.significant).toBe(false);
  });

  it('a stored baseline (another run) is not held to environments, but to the drift between runs', () => {
    const pr = makeRun({ configuredMb: 1024, powerValues: [{ memoryMb: 1024, durationsMs: around(150, 10) }] });
    const base = makeRun({ configuredMb: 1024, powerValues: [{ memoryMb: 1024, durationsMs: around(100, 10) }] });
    const verdict = compareRuns(pr, base, gateSettings(), 0, { history: [base, base, base] });
    expect(verdict.level).toBe('fail');
    expect(row(verdict, 'duration').reason).not.toMatch(/environment/);
  });

  it('the monthly limit cannot fail on a cost change measured in fewer environments than a fail needs', () => {
    // +50% over 6 pairs: the cost comparison warns (a fail needs 7), and its monthly projection, far above the
    // $0.01 limit, warns with it instead of failing on the same evidence.
    const verdict = compareRuns(
      blocks(6, 150),
      blocks(6, 100),
      gateSettings({ baselineSource: 'function', maxInvocations: 60, maxMonthlyCostIncreaseUsd: 0.01 }),
      1_000_000,
    );
    expect(row(verdict, 'cost').finding?.kind).toBe('too-few-environments');
    const monthly = row(verdict, 'monthly-cost');
    expect(monthly.finding).toEqual(
      expect.objectContaining({
        outcome: 'above-unconfirmed',
        shortfall: { kind: 'too-few-environments', environments: 6, needed: 7 },
      }),
    );
    expect(monthly.level).toBe('warn');
    expect(monthly.reason).toMatch(
      /, a significant increase above the \$0\.0100 limit, but the cost change it projects was measured in 6 pairs of execution environments per function: a fail needs 7 \(raise gate-max-invocations\)\.$/,
    );
    expect(verdict.level).toBe('warn');
    // Over 7 pairs both fail.
    const enough = compareRuns(
      blocks(7, 150),
      blocks(7, 100),
      gateSettings({ baselineSource: 'function', maxInvocations: 70, maxMonthlyCostIncreaseUsd: 0.01 }),
      1_000_000,
    );
    expect(row(enough, 'monthly-cost').finding).toEqual(expect.objectContaining({ outcome: 'above' }));
    expect(row(enough, 'monthly-cost').level).toBe('fail');
  });

  it('sampling goes on where a regression is above the limit in 2 environments: a fail needs 7', () => {
    const round = nextGateRound(
      blocks(2, 150),
      blocks(2, 100),
      gateSettings({ baselineSource: 'function', maxInvocations: 200 }),
    );
    expect(round.settled).toBe(false);
    expect(round.pairings).toEqual([{ memoryBySubject: [1024, 1024], environments: 2 }]);
    expect(round.reason).toMatch(/above the 10% limit in 2 environments per function, to be confirmed in others/);
  });

  it('a change below the floor settles once a second environment confirms it', () => {
    const tiny = (level: number, environments: number) =>
      makeRun({
        configuredMb: 1024,
        powerValues: [{ memoryMb: 1024, ...blocked(environments, () => around(level, 10, 0.3)) }],
        runId: LIVE,
      });
    const gate = gateSettings({ baselineSource: 'function', maxInvocations: 200 });
    expect(nextGateRound(tiny(0.3, 1), tiny(0.2, 1), gate).pairings).toEqual([
      { memoryBySubject: [1024, 1024], environments: 2 },
    ]);
    expect(nextGateRound(tiny(0.3, 3), tiny(0.2, 3), gate)).toEqual({
      pairings: [],
      settled: true,
      reason: 'every comparison with the baseline is settled',
    });
    expect(repeat(1, 2)).toEqual([1, 1]);
  });
});

describe('stored baselines need the drift between runs', () => {
  const stored = (level: number, drift = 1) =>
    makeRun({ configuredMb: 1024, powerValues: [{ memoryMb: 1024, durationsMs: around(level * drift, 10) }] });
  const pr = stored(150);
  const base = stored(100);

  it('against a lone baseline-file, a significant +50% above the fail limit warns and says what a fail needs', () => {
    const verdict = compareRuns(pr, base, gateSettings(), 0);
    const cost = row(verdict, 'cost');
    expect(cost.significant).toBe(true);
    expect(cost.finding).toEqual(
      expect.objectContaining({ kind: 'no-drift-estimate', limitPct: 5, storedRuns: 1, needed: 3, history: false }),
    );
    expect(cost.level).toBe('warn');
    expect(cost.reason).toMatch(
      /^Cost per invocation at 1024 MB \(configured, recommended\) rose 50\.0% \(95% CI \+\d+\.\d% to \+\d+\.\d%\), significant and above the 5% fail limit, but measured against one stored run \(baseline-file\): a fail against a stored baseline needs the drift between runs, estimated from 3 stored runs at this memory size on a data branch \(baseline-branch\), or a live baseline-function\.$/,
    );
    expect(verdict.level).toBe('warn');
    expect(verdict.reason).toMatch(/^Cost per invocation .* or a live baseline-function; 1 more check warned\.$/);
  });

  it('a data branch with 1 or 2 stored runs there warns; the third stored run turns it into a fail', () => {
    const one = row(compareRuns(pr, base, gateSettings(), 0, { history: [base] }), 'duration');
    expect(one.level).toBe('warn');
    expect(one.reason).toMatch(
      /, but measured against 1 stored run: a fail against a stored baseline needs the drift between runs, estimated from 3 stored runs at this memory size \(baseline-branch\), or a live baseline-function\.$/,
    );
    const two = compareRuns(pr, base, gateSettings(), 0, { history: [base, stored(100, 1.02)] });
    expect(row(two, 'duration').finding).toEqual(
      expect.objectContaining({ kind: 'no-drift-estimate', storedRuns: 2, history: true }),
    );
    expect(row(two, 'duration').reason).toMatch(/, but measured against 2 stored runs: /);
    expect(two.level).toBe('warn');
    // Three stored runs drifting by ±2%: the run-to-run term joins the interval, and +50% stays far above it.
    const three = compareRuns(pr, base, gateSettings(), 0, {
      history: [base, stored(100, 1.02), stored(100, 0.98)],
    });
    expect(row(three, 'duration').finding?.kind).toBe('fail-limit');
    expect(row(three, 'duration').reason).toMatch(/run-to-run noise of 3 stored runs included\), significant/);
    expect(three.level).toBe('fail');
  });

  it('counts only the stored runs that measured the memory size compared', () => {
    const elsewhere = makeRun({ configuredMb: 512, powerValues: [{ memoryMb: 512, durationsMs: around(200, 10) }] });
    const verdict = compareRuns(pr, base, gateSettings(), 0, { history: [base, stored(100, 1.02), elsewhere] });
    expect(row(verdict, 'cost').finding).toEqual(expect.objectContaining({ kind: 'no-drift-estimate', storedRuns: 2 }));
    expect(verdict.level).toBe('warn');
  });

  it('the monthly limit cannot fail on a cost change without the drift estimate, and says why', () => {
    const gate = gateSettings({ maxMonthlyCostIncreaseUsd: 0.01 });
    const verdict = compareRuns(pr, base, gate, 1_000_000, { history: [base, stored(100, 1.02)] });
    const monthly = row(verdict, 'monthly-cost');
    expect(monthly.finding).toEqual(
      expect.objectContaining({
        outcome: 'above-unconfirmed',
        shortfall: { kind: 'no-drift-estimate', storedRuns: 2, needed: 3, history: true },
      }),
    );
    expect(monthly.level).toBe('warn');
    expect(monthly.reason).toMatch(
      /, a significant increase above the \$0\.0100 limit, but the cost change it projects was measured against 2 stored runs: a fail against a stored baseline needs the drift between runs, estimated from 3 stored runs at this memory size \(baseline-branch\), or a live baseline-function\.$/,
    );
    expect(verdict.level).toBe('warn');
    const enough = compareRuns(pr, base, gate, 1_000_000, { history: [base, stored(100, 1.02), stored(100, 0.98)] });
    expect(row(enough, 'monthly-cost').level).toBe('fail');
  });

  it('a monthly increase on a significant cost change within the relative limits needs the drift estimate too', () => {
    // +3%, every sample alike: significant, under the 4% warn limit; at 1,000,000 a month its projection is above $0.01.
    const gate = gateSettings({ maxCostIncreasePct: 5, warnCostIncreasePct: 4, maxMonthlyCostIncreaseUsd: 0.01 });
    const flat = (level: number) =>
      makeRun({ configuredMb: 1024, powerValues: [{ memoryMb: 1024, durationsMs: repeat(level, 10) }] });
    const lone = compareRuns(flat(103), flat(100), gate, 1_000_000);
    expect(row(lone, 'cost').finding?.kind).toBe('within-limit');
    expect(row(lone, 'monthly-cost').finding).toEqual(expect.objectContaining({ outcome: 'above-unconfirmed' }));
    expect(lone.level).toBe('warn');
    const history = [flat(100), flat(100), flat(100)];
    expect(compareRuns(flat(103), flat(100), gate, 1_000_000, { history }).level).toBe('fail');
  });
});

describe('stored baselines, honestly', () => {
  it('the verdict says which kind of baseline it rests on, and a warn or fail against a stored run says what that means', () => {
    const pr = makeRun({ configuredMb: 1024, powerValues: [{ memoryMb: 1024, durationsMs: around(150, 10) }] });
    const stored = makeRun({ configuredMb: 1024, powerValues: [{ memoryMb: 1024, durationsMs: around(100, 10) }] });
    const verdict = compareRuns(pr, stored, gateSettings(), 0, { baselineDescription: 'baseline file base.json' });
    expect(verdict.baselineKind).toBe('stored');
    expect(renderReport({ result: pr, verdict, baseline: stored })).toContain(
      'Baseline: baseline file base.json — a stored run, measured at another time in other execution environments: it can flag what a live baseline-function would show as noise (docs/gate.md)',
    );
    const live = compareRuns(
      { ...pr, runId: LIVE },
      { ...stored, runId: LIVE },
      gateSettings({ baselineSource: 'function' }),
      0,
      { baselineDescription: 'live baseline function twin' },
    );
    expect(live.baselineKind).toBe('live');
    expect(renderReport({ result: pr, verdict: live, baseline: stored })).not.toContain('a stored run');
  });
});
