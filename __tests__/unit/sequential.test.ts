// The live gate's sequential sampling rule (src/gate/sequential.ts), on hand-made runs.

import { compareRuns } from '../../src/gate/compare.js';
import {
  describeGateSampling,
  FIRST_BLOCKS_UNMEASURED,
  gateSampling,
  nextGateRound,
  POLICY_BEFORE,
} from '../../src/gate/sequential.js';
import { blocked, makeRun, repeat } from '../helpers/run-fixture.js';
import { gateSettings } from '../helpers/settings.js';

const GATE = gateSettings({
  baselineSource: 'function',
  baselineFunction: 'orders-api-staging',
  maxDurationIncreasePct: 5,
  warnDurationIncreasePct: 2.5,
  maxInvocations: 40,
});

// Both sides of a live gate are one run: one runId.
const LIVE = 'live-run';
const run = (durationsMs: number[], configuredMb = 1024) =>
  makeRun({ configuredMb, powerValues: [{ memoryMb: configuredMb, durationsMs }], runId: LIVE });
/** A run measured in `blocks` environments of 10 samples, block b's level `level(b)` with ±10% noise. */
const blockedRun = (blocks: number, level: (block: number) => number) =>
  makeRun({
    configuredMb: 1024,
    powerValues: [{ memoryMb: 1024, ...blocked(blocks, (block) => noisy(level(block), 10)) }],
    runId: LIVE,
  });
/** Noisy samples around `centre`: ±10% alternating, so the interval is wide and its centre is known. */
const noisy = (centre: number, n: number) =>
  Array.from({ length: n }, (_, index) => centre * (index % 2 === 0 ? 0.9 : 1.1));

describe('nextGateRound', () => {
  it('within the limit in one environment per function is confirmed in others too; over environments it settles', () => {
    // One environment a side: a fast PR environment could hide a regression, so even identical figures get a round.
    const round = nextGateRound(run(repeat(100, 10)), run(repeat(100, 10)), GATE);
    expect(round.pairings).toEqual([{ memoryBySubject: [1024, 1024], environments: 2 }]);
    expect(round.reason).toMatch(/below the 5% limit in one environment per function, to be confirmed in others/);
    const settled = nextGateRound(
      blockedRun(3, (block) => 100 + block),
      blockedRun(3, (block) => 100 + block),
      { ...GATE, maxInvocations: 200 },
    );
    expect(settled).toEqual({ pairings: [], settled: true, reason: 'every comparison with the baseline is settled' });
  });

  it('above the limit in one environment per function is confirmed in fresh environments, then settled', () => {
    const first = nextGateRound(run(noisy(130, 10)), run(noisy(100, 10)), GATE);
    expect(first.pairings).toEqual([{ memoryBySubject: [1024, 1024], environments: 2 }]);
    expect(first.reason).toMatch(
      /^1024 MB: cost \(CI \+\d+\.\d% to \+\d+\.\d% above the 5% limit in one environment per function, to be confirmed in others\)/,
    );
    // Twelve environments each, every PR block about 30% above its base block: significant for the whole verdict
    // (sign test 2/4096 against 5% over 2 looks and 2 comparisons), so settled.
    const pr = blockedRun(12, (block) => 130 + block);
    const base = blockedRun(12, (block) => 100 + block);
    expect(nextGateRound(pr, base, { ...GATE, maxInvocations: 200 }, { stopWhenDecided: false })).toEqual({
      pairings: [],
      settled: true,
      reason: 'every comparison with the baseline is settled',
    });
  });

  it('open: an interval that contains the limit adds two environments, then doubles them, for both functions', () => {
    // ±10% noise, 10 per side, +5% centre: the 95% interval spans roughly −5% to +16%, across the 5% limit.
    const round = nextGateRound(run(noisy(105, 10)), run(noisy(100, 10)), GATE);
    expect(round.settled).toBe(false);
    expect(round.pairings).toEqual([{ memoryBySubject: [1024, 1024], environments: 2 }]);
    expect(round.reason).toMatch(
      /^1024 MB: cost \(CI -\d+\.\d% to \+\d+\.\d% contains the 5% limit\), duration \(CI .* contains the 5% limit\) → 2 more environments of 10 invocations per function$/,
    );
    // Three environments, their PR/base differences +1%, +5%, +9%: the interval over blocks straddles 5%, so 3 more.
    const again = nextGateRound(
      blockedRun(3, (block) => [101, 105, 109][block] ?? 0),
      blockedRun(3, () => 100),
      { ...GATE, maxInvocations: 200 },
    );
    expect(again.pairings).toEqual([{ memoryBySubject: [1024, 1024], environments: 3 }]);
  });

  it('never plans past gate-max-invocations, and says when the budget ran out', () => {
    const near = nextGateRound(run(noisy(105, 30)), run(noisy(100, 30)), GATE);
    expect(near.pairings).toEqual([{ memoryBySubject: [1024, 1024], environments: 1 }]);
    const spent = nextGateRound(run(noisy(105, 40)), run(noisy(100, 40)), GATE);
    expect(spent.pairings).toEqual([]);
    expect(spent.settled).toBe(false);
    expect(spent.reason).toMatch(
      /^gate-max-invocations \(40\) reached with 1024 MB: cost \(CI .*\), so the verdict rests on the samples there are$/,
    );
  });

  it('counts the larger side, so a side with more samples does not overshoot the budget', () => {
    expect(nextGateRound(run(noisy(105, 10)), run(noisy(100, 25)), GATE).pairings).toEqual([
      { memoryBySubject: [1024, 1024], environments: 1 },
    ]);
    expect(nextGateRound(run(noisy(105, 10)), run(noisy(100, 35)), GATE).pairings).toEqual([]);
  });

  it('fewer than min-samples is open even when the interval excludes the limit', () => {
    const round = nextGateRound(run(repeat(100, 3)), run(repeat(100, 3)), GATE);
    expect(round.pairings).toEqual([{ memoryBySubject: [1024, 1024], environments: 2 }]);
    expect(round.reason).toMatch(/under min-samples/);
  });

  it('a PR that changes MemorySize pairs its memory with the base configured memory', () => {
    const pr = makeRun({
      configuredMb: 2048,
      recommendedMb: 1024,
      powerValues: [
        { memoryMb: 1024, durationsMs: repeat(100, 10) },
        { memoryMb: 2048, durationsMs: noisy(52, 10) },
      ],
      runId: LIVE,
    });
    const base = makeRun({
      configuredMb: 1024,
      recommendedMb: 1024,
      powerValues: [
        { memoryMb: 1024, durationsMs: repeat(100, 10) },
        { memoryMb: 2048, durationsMs: noisy(50, 10) },
      ],
      runId: LIVE,
    });
    const round = nextGateRound(pr, base, GATE);
    // 2048 MB against the base's 1024 MB is +4% cost (52 ms × 2 GB vs 100 ms × 1 GB) with a wide interval; the
    // recommended 1024 MB on both sides is open too, measured in one environment each.
    expect(round.pairings).toEqual([
      { memoryBySubject: [2048, 1024], environments: 2 },
      { memoryBySubject: [1024, 1024], environments: 2 },
    ]);
    expect(round.reason).toMatch(/^2048 MB against the base's 1024 MB: cost/);
  });

  it('only the warn limit, when the fail limit is off', () => {
    const warnOnly = {
      ...GATE,
      maxCostIncreasePct: undefined,
      maxDurationIncreasePct: undefined,
      warnCostIncreasePct: 30,
      warnDurationIncreasePct: 30,
    };
    // Over three environments of ±10% noise the interval lies wholly below 30%: settled on the warn limit alone.
    expect(
      nextGateRound(
        blockedRun(3, () => 105),
        blockedRun(3, () => 100),
        { ...warnOnly, maxInvocations: 200 },
      ).pairings,
    ).toEqual([]);
  });

  it('no limits at all: nothing to settle', () => {
    const none = {
      ...GATE,
      maxCostIncreasePct: undefined,
      maxDurationIncreasePct: undefined,
      warnCostIncreasePct: undefined,
      warnDurationIncreasePct: undefined,
    };
    expect(nextGateRound(run(noisy(105, 10)), run(noisy(100, 10)), none)).toEqual(
      expect.objectContaining({ pairings: [], settled: true }),
    );
  });

  it('a memory size failed on a side is not sampled further', () => {
    const pr = makeRun({
      configuredMb: 1024,
      powerValues: [{ memoryMb: 1024, durationsMs: repeat(100, 3), failWith: 'Runtime.OutOfMemory' }],
      runId: LIVE,
    });
    expect(nextGateRound(pr, run(noisy(100, 10)), GATE).pairings).toEqual([]);
  });

  it('cold-start runs are not sampled further', () => {
    const pr = run(noisy(105, 10));
    pr.settings.onlyColdStarts = true;
    expect(nextGateRound(pr, run(noisy(100, 10)), GATE)).toEqual(
      expect.objectContaining({ pairings: [], settled: false, reason: expect.stringMatching(/cold-start/) }),
    );
  });
});

describe('spending only where it must (issue 20)', () => {
  // The PR measured at 512 and 1024 MB (configured 1024, recommended 512); the baseline, planned at its configured
  // memory only, has no entry at 512 MB.
  const pr = (recommendedMb = 512) =>
    makeRun({
      configuredMb: 1024,
      recommendedMb,
      powerValues: [
        { memoryMb: 512, durationsMs: noisy(150, 10) },
        { memoryMb: 1024, ...blocked(3, () => noisy(100, 10)) },
      ],
      runId: LIVE,
    });
  const reducedBase = () =>
    makeRun({
      configuredMb: 1024,
      recommendedMb: 1024,
      powerValues: [{ memoryMb: 1024, ...blocked(3, () => noisy(100, 10)) }],
      runId: LIVE,
    });
  const CAPPED = { ...GATE, maxInvocations: 200 };

  it('a compared memory size the baseline has no entry at opens with three fresh environments of both functions', () => {
    const round = nextGateRound(pr(), reducedBase(), CAPPED, {
      comparedAt: { recommendedMb: 512, baseRecommendedMb: null },
    });
    expect(round.pairings).toEqual([{ memoryBySubject: [512, 512], environments: FIRST_BLOCKS_UNMEASURED }]);
    expect(round.reason).toMatch(/^512 MB: not yet measured on the baseline → 3 more environments/);
  });

  it('the base of a reduced plan has no recommendation of its own to compare at', () => {
    // Without comparedAt the base's "recommendation" (its only size, 1024 MB) would open nothing new, but a policy
    // without the full curve never asks for it either: only the PR's recommendation is a comparison point.
    const sampling = gateSampling(CAPPED);
    const round = sampling.next([pr(), reducedBase()]);
    expect(round.pairings.map((pairing) => pairing.memoryBySubject)).toEqual([[512, 512]]);
    expect(round.pinned).toEqual({ recommendedMb: 512, baseRecommendedMb: null });
  });

  it('pins the comparison points at the first look: a recommendation that moves opens no new one', () => {
    const sampling = gateSampling(CAPPED);
    expect(sampling.next([pr(512), reducedBase()]).pinned).toEqual({ recommendedMb: 512, baseRecommendedMb: null });
    // The PR's recommendation moved to 2048 MB (say its blocks changed the figures): still compared at 512.
    const moved = makeRun({
      configuredMb: 1024,
      recommendedMb: 2048,
      powerValues: [
        { memoryMb: 512, durationsMs: noisy(150, 10) },
        { memoryMb: 1024, ...blocked(3, () => noisy(100, 10)) },
        { memoryMb: 2048, durationsMs: noisy(45, 10) },
      ],
      runId: LIVE,
    });
    const round = sampling.next([moved, reducedBase()]);
    expect(round.pinned).toEqual({ recommendedMb: 512, baseRecommendedMb: null });
    expect(round.pairings.map((pairing) => pairing.memoryBySubject)).toEqual([[512, 512]]);
    // The policy before followed the recommendation to 2048 MB.
    const before = gateSampling(CAPPED, POLICY_BEFORE);
    before.next([pr(512), reducedBase()]);
    const followed = before.next([moved, reducedBase()]);
    expect(followed.pinned).toBeUndefined();
    expect(followed.pairings.map((pairing) => pairing.memoryBySubject)).toEqual([[2048, 2048]]);
    // The final verdict reads the pinned points from the PR's result.
    const recorded = {
      ...moved,
      gateSampling: {
        rounds: 1,
        added: [],
        maxInvocations: 200,
        settled: true,
        reason: 'every comparison with the baseline is settled',
        pinned: { recommendedMb: 512, baseRecommendedMb: null },
      },
    };
    const places = compareRuns(
      recorded,
      { ...reducedBase(), curve: 'compared' as const, recommendation: null },
      CAPPED,
      0,
    ).comparisons.map((row) => row.memoryMb);
    expect(places).toContain(512);
    expect(places).not.toContain(2048);
  });

  it('a decisive fail ends the sampling: more blocks elsewhere cannot change the verdict', () => {
    // 1024 MB: twelve environments, every PR block about 30% above its base block (decisive); 512 MB: one
    // environment each, which would otherwise get two more.
    const prRun = makeRun({
      configuredMb: 1024,
      recommendedMb: 512,
      powerValues: [
        { memoryMb: 512, durationsMs: noisy(100, 10) },
        { memoryMb: 1024, ...blocked(12, (block) => noisy(130 + block, 10)) },
      ],
      runId: LIVE,
    });
    const baseRun = makeRun({
      configuredMb: 1024,
      recommendedMb: 512,
      powerValues: [
        { memoryMb: 512, durationsMs: noisy(100, 10) },
        { memoryMb: 1024, ...blocked(12, (block) => noisy(100 + block, 10)) },
      ],
      runId: LIVE,
    });
    const decided = nextGateRound(prRun, baseRun, CAPPED);
    expect(decided.pairings).toEqual([]);
    expect(decided.settled).toBe(true);
    expect(decided.reason).toMatch(
      /^the verdict is fail whatever the other comparisons show \(cost per invocation at 1024 MB/,
    );
    expect(
      nextGateRound(prRun, baseRun, CAPPED, { stopWhenDecided: false }).pairings.map(
        (pairing) => pairing.memoryBySubject,
      ),
    ).toEqual([[512, 512]]);
  });

  it('blocks go first where the evidence is weakest', () => {
    // Both open: at 1024 MB the interval (+1.5% to +6.5%) must shrink by 60% of its half-width to leave out the 5%
    // limit; at 512 MB (−4.5% to +15.4%) the limit sits at its centre, so by 95%. In the verdict's order 1024 MB
    // (configured) would go first.
    const prRun = makeRun({
      configuredMb: 1024,
      recommendedMb: 512,
      powerValues: [
        { memoryMb: 512, ...blocked(3, (block) => noisy([101, 105, 109][block] ?? 0, 10)) },
        { memoryMb: 1024, ...blocked(3, (block) => noisy([103, 104, 105][block] ?? 0, 10)) },
      ],
      runId: LIVE,
    });
    const baseRun = makeRun({
      configuredMb: 1024,
      recommendedMb: 512,
      powerValues: [
        { memoryMb: 512, ...blocked(3, () => noisy(100, 10)) },
        { memoryMb: 1024, ...blocked(3, () => noisy(100, 10)) },
      ],
      runId: LIVE,
    });
    const order = (weakestFirst: boolean) =>
      nextGateRound(prRun, baseRun, CAPPED, { weakestFirst }).pairings.map((pairing) => pairing.memoryBySubject[0]);
    expect(order(false)).toEqual([1024, 512]);
    expect(order(true)).toEqual([512, 1024]);
  });
});

describe('describeGateSampling', () => {
  it('says when the recommendation moved after the comparison points were pinned', () => {
    const summary = {
      rounds: 1,
      added: [{ memoryMb: 512, invocations: 30, environments: 3 }],
      maxInvocations: 200,
      settled: true,
      reason: 'every comparison with the baseline is settled',
      pinned: { recommendedMb: 512, baseRecommendedMb: null },
    };
    expect(describeGateSampling(summary, 512)).not.toMatch(/moved/);
    expect(describeGateSampling(summary, 1024)).toMatch(
      / The recommendation moved from 512 MB to 1024 MB while the gate sampled; the gate compared at 512 MB, where its comparison points were pinned at its first look\.$/,
    );
  });

  it('says what was spent and why it stopped', () => {
    expect(describeGateSampling(undefined)).toBeNull();
    expect(
      describeGateSampling({
        rounds: 0,
        added: [],
        maxInvocations: 100,
        settled: true,
        reason: 'every comparison with the baseline is settled',
      }),
    ).toBe('The planned invocations settled every comparison with the baseline; no extra invocations were needed.');
    expect(
      describeGateSampling({
        rounds: 2,
        added: [{ memoryMb: 1769, invocations: 40, environments: 4 }],
        maxInvocations: 100,
        settled: true,
        reason: 'every comparison with the baseline is settled',
      }),
    ).toBe(
      'To settle the comparisons with the baseline, each function was measured in 4 more execution environments at 1769 MB (40 invocations), a fresh version each, taking turns with the other function, in 2 rounds, until every comparison was settled.',
    );
    expect(
      describeGateSampling({
        rounds: 0,
        added: [],
        maxInvocations: 200,
        settled: false,
        reason: 'no time was left for more within three quarters of timeout-minutes',
      }),
    ).toBe(
      'No extra invocations to settle the comparisons with the baseline: no time was left for more within three quarters of timeout-minutes.',
    );
    const spent = {
      rounds: 4,
      added: [{ memoryMb: 1769, invocations: 190, environments: 19 }],
      maxInvocations: 200,
      settled: false,
      reason:
        'gate-max-invocations (200) reached with 1769 MB: cost (CI +1.0% to +9.0% contains the 5% limit), so the verdict rests on the samples there are',
    };
    expect(describeGateSampling(spent)).toBe(
      'To settle the comparisons with the baseline, each function was measured in 19 more execution environments at 1769 MB (190 invocations), a fresh version each, taking turns with the other function, in 4 rounds; then gate-max-invocations (200) reached with 1769 MB: cost (CI +1.0% to +9.0% contains the 5% limit), so the verdict rests on the samples there are.',
    );
  });
});
