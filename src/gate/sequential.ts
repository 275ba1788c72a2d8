// The live gate's sequential sampling: more execution environments of both functions where a comparison is still
// open, so the gate catches a real regression just above its limit without calling noise one.
//
// Why: the verdict needs the estimated change above the limit AND a confidence interval that excludes no change.
// With ten invocations per side and 10–15% noise per invocation, the interval of a ratio is ±10% wide: a true +10%
// cost regression against a 5% limit is then caught about one time in three, and shrinking the interval by
// invoking everything more would multiply the cost of every run. A live baseline can be invoked again, in the same
// time window as the PR's function, so only the comparisons that are still undecided get more samples.
//
// Why environments, not invocations: the planned invocations of one memory size run in one execution environment
// per function, and environments of the same code differ persistently (another host, another CPU generation, a
// differently warmed JIT): by about 5% (sd) at one vCPU and at 0.29 vCPU on the emulator. More invocations in the
// same environments only measure those environments better, and an interval that counts invocations as
// independent then calls an environment's offset a significant change (the opt-in version of this before counted
// invocations, and failed an identical pair once in three demo runs). So each extra sample comes in a block: a fresh
// version of each function (Lambda keeps environments per version), invoked BLOCK_INVOCATIONS times, the two taking
// turns. Once both sides have two or more blocks, the interval counts blocks (stats.ts blockRatioInterval): its width
// contains the environments' spread, and the pairing by block cancels the drift both saw in one time window.
//
// The rule, per relative comparison (cost and duration at each compared memory size, and Init Duration when an Init
// limit is set, compare.ts):
// - open while its confidence interval of the PR/base ratio contains its limit (the fail limit, else the warn
//   limit): with more samples it could land on either side, or while a side has fewer than min-samples;
// - open while its interval was computed from one environment per function, wherever it lies: one slow
//   environment looks exactly like a regression, and one fast one hides a regression;
// - settled when its interval over two or more pairs of environments lies wholly below the limit (within it,
//   whatever more samples say) or wholly above it;
// - each round at least doubles the environments at the open memory sizes (two more at first), for both functions,
//   while the invocations per function there stay within gate-max-invocations.
//
// Why the false-alarm rate holds: the verdict is still made once, by compareRuns on all samples, with the same
// rule, and over blocks its interval is Student's t with J − 1 degrees of freedom for J pairs of environments, so few
// blocks give a wide interval rather than a confident one. Stopping early never turns noise into a regression: a
// comparison stops as "above the limit" only when its whole interval is above it. Doubling keeps the number of
// looks small (log2 of the blocks the budget allows).
// Init Duration fits the same rule without a change: each block's first invocation is its cold start, so a block adds
// one Init sample per function, paired with the other function's in the same time window; an open Init comparison
// asks for blocks like an open cost comparison, and its interval counts environments (one cold start each).
// Not sampled further: the monthly and absolute limits (they follow from the same figures), and runs measuring
// only cold starts (each of their invocations needs a version of its own).
//
// Spending only where it must (issue 20):
// - The baseline is planned at its configured memory only (live.ts; baseline-full-curve plans every power value).
//   A compared memory size it has no entry at — the PR's recommendation — opens with FIRST_BLOCKS_UNMEASURED fresh
//   environments of both functions: the PR's planned invocations there ran in another time window and pair with
//   nothing, so three pairs are what a measured point has after its first round (1 + 2), and the doubling that
//   follows reaches a fail's evidence at the same look.
// - The comparison points are pinned at the first look (the PR's recommendation, and the base's with its full
//   curve): the blocks change the PR's figures, and a recommendation that moves to a nearly equal neighbour would
//   otherwise open a new point that needs its own rounds. The report says when it moved (describeGateSampling).
// - Each round's pairings go weakest first (the comparison furthest from settled), so the blocks that run first,
//   and the time left when timeout-minutes is short (fitInTime), go where the evidence is weakest.
// - Once a fail is decisive — its whole interval above the fail limit (settled, by the rule above) and significant
//   within the verdict's error rate divided by all its comparisons, where Holm's first step passes it whatever the
//   others show — no comparison gets more blocks: the verdict is fail whatever they would show. Identical code is
//   not put at more risk: a false fail at any look is what the looks' split of the error rate already bounds.

import { formatPct } from '../lib/format.js';
import { entryAt } from '../results/figures.js';
import type { ExtraRound, ExtraSampling } from '../tuning/rounds/environment-blocks.js';
import type { GateSettings, RunResult, Sample } from '../types.js';
import { judgeRuns } from './compare.js';
import { relativeLimits } from './compare-place.js';
import type { RelativeMetric } from './findings.js';
import { BLOCK_INVOCATIONS, minFailEnvironments } from './looks.js';
import { metricSamples } from './metrics.js';
import { placeMemory } from './reasons.js';

export { BLOCK_INVOCATIONS } from './looks.js';

/**
 * How the live gate spends. The default is issue 20's; `POLICY_BEFORE` is the policy before it (the baseline's full
 * curve, points that follow the recommendation, rounds in comparison order), kept so bench/gate-replay.ts can
 * measure both in one run.
 */
export interface LiveGatePolicy {
  /** The baseline was planned at every power value (baseline-full-curve), so its own recommendation is compared too. */
  baselineFullCurve: boolean;
  /** Pin the comparison points at the first look. */
  pin: boolean;
  /** Order each round's pairings by how far their comparisons are from settled. */
  weakestFirst: boolean;
  /** Stop once a fail is decisive: it stands whatever the other comparisons show (compare.ts judgeRuns). */
  stopWhenDecided: boolean;
}

export const LIVE_GATE_POLICY: LiveGatePolicy = {
  baselineFullCurve: false,
  pin: true,
  weakestFirst: true,
  stopWhenDecided: true,
};
export const POLICY_BEFORE: LiveGatePolicy = {
  baselineFullCurve: true,
  pin: false,
  weakestFirst: false,
  stopWhenDecided: false,
};

/** Environments per function a compared memory size the baseline has no entry at gets in its first round. */
export const FIRST_BLOCKS_UNMEASURED = 3;

/** The recommendations the gate compares at (null: none); pinned at the first look. */
export type ComparedAt = NonNullable<NonNullable<RunResult['gateSampling']>['pinned']>;

/** The live gate's policy for tuneTogether: PR first, baseline second. */
export function gateSampling(gate: GateSettings, policy: LiveGatePolicy = LIVE_GATE_POLICY): ExtraSampling {
  let pinned: ComparedAt | undefined;
  return {
    maxInvocations: gate.maxInvocations,
    blockInvocations: BLOCK_INVOCATIONS,
    next: (results) => {
      const [pr, base] = results;
      if (!pr || !base) return { pairings: [], settled: true, reason: 'there is no baseline to compare with' };
      // A baseline planned at its configured memory only has no curve: its "recommendation" would be the cheapest
      // of the one or two sizes it measured, so it is never a comparison point.
      const now: ComparedAt = {
        recommendedMb: pr.recommendation?.memoryMb ?? null,
        baseRecommendedMb: policy.baselineFullCurve ? (base.recommendation?.memoryMb ?? null) : null,
      };
      if (policy.pin) pinned ??= now;
      const comparedAt = pinned ?? now;
      const round = nextGateRound(pr, base, gate, {
        comparedAt,
        weakestFirst: policy.weakestFirst,
        stopWhenDecided: policy.stopWhenDecided,
      });
      return pinned ? { ...round, pinned } : round;
    },
  };
}

export interface GateRoundOptions {
  /** Where the recommendations are compared; default: the results' own (compareRuns). */
  comparedAt?: ComparedAt;
  /** Order the pairings weakest first (default true). */
  weakestFirst?: boolean;
  /** Stop as soon as a fail is decisive (default true). */
  stopWhenDecided?: boolean;
}

interface OpenPoint {
  prMemoryMb: number;
  baseMemoryMb: number;
  metrics: string[];
  /** Invocations so far: the larger of the two sides. */
  invocations: number;
  /** Environment blocks measured on both sides so far (1: the planned invocations only; 0: the base has none). */
  environments: number;
  /** How far its least settled comparison is from settled: larger is weaker (weakness). */
  weakness: number;
}

/**
 * How far a comparison is from settled, for ordering a round (larger: weaker). Nothing on one side, or under
 * min-samples: weakest. Then one environment per function (it says nothing about environments yet). Then an
 * interval that contains the limit, by the share of its half-width it must still lose on the nearer side to leave
 * the limit out (1: the limit at its centre, 0: at an end). Then intervals on one side of the limit that wait for
 * confirmation or for the verdict's significance.
 */
export function weakness(state: {
  unmeasured?: boolean;
  few?: boolean;
  environments: number;
  straddles: boolean;
  ciLowPct: number | null;
  ciHighPct: number | null;
  limitPct: number;
}): number {
  if (state.unmeasured || state.few) return 4;
  if (state.environments < 2) return 3;
  if (state.straddles) {
    if (state.ciLowPct === null || state.ciHighPct === null || state.ciHighPct <= state.ciLowPct) return 2;
    const halfWidth = (state.ciHighPct - state.ciLowPct) / 2;
    const nearerEnd = Math.min(state.limitPct - state.ciLowPct, state.ciHighPct - state.limitPct);
    // The share of its half-width the interval must still lose on the nearer side to leave the limit out.
    return 1 + Math.max(0, Math.min(1, nearerEnd / halfWidth));
  }
  return 0.5;
}

/** Pure: which memory sizes need more invocations for the gate to decide, and how many. */
export function nextGateRound(
  pr: RunResult,
  base: RunResult,
  gate: GateSettings,
  options: GateRoundOptions = {},
): ExtraRound {
  if (pr.settings.onlyColdStarts)
    return {
      pairings: [],
      settled: false,
      reason: 'cold-start runs are not sampled further (each invocation needs a version of its own)',
    };
  const { verdict, decisive } = judgeRuns(
    pr,
    base,
    gate,
    0,
    options.comparedAt ? { comparedAt: options.comparedAt } : {},
  );
  // A fail that stands whatever the open comparisons show (compare.ts judgeRuns): more blocks cannot change the
  // verdict, so none are spent.
  const [decided] = decisive;
  if (decided && (options.stopWhenDecided ?? true))
    return {
      pairings: [],
      settled: true,
      reason: `the verdict is fail whatever the other comparisons show (${decided.metric}: ${formatPct(decided.deltaPct)}, CI ${formatPct(decided.ciLowPct)} to ${formatPct(decided.ciHighPct)})`,
    };
  const open: OpenPoint[] = [];
  for (const row of verdict.comparisons) {
    // A compared memory size the baseline was not planned at (live.ts): its first environments.
    if (row.finding?.kind === 'not-measured' && row.finding.side === 'base') {
      const { prMemoryMb, baseMemoryMb } = row.finding.at;
      if (entryAt(pr, prMemoryMb)?.status !== 'ok' || entryAt(base, baseMemoryMb) !== undefined) continue;
      open.push({
        prMemoryMb,
        baseMemoryMb,
        metrics: ['not yet measured on the baseline'],
        invocations: entryAt(pr, prMemoryMb)?.invocations ?? 0,
        environments: 0,
        weakness: weakness({
          unmeasured: true,
          environments: 0,
          straddles: true,
          ciLowPct: null,
          ciHighPct: null,
          limitPct: 0,
        }),
      });
      continue;
    }
    // Memory headroom rows are a peak against a limit, not a change to settle with more environments.
    if (row.kind === 'monthly-cost' || row.kind === 'memory' || row.memoryMb === undefined || row.deltaPct === null)
      continue;
    const metric: RelativeMetric = row.kind;
    const { failPct, warnPct } = relativeLimits(metric, gate);
    const limit = failPct ?? warnPct;
    if (limit === undefined) continue;
    const prMemoryMb = row.memoryMb;
    const baseMemoryMb = row.baseMemoryMb ?? row.memoryMb;
    const prEntry = entryAt(pr, prMemoryMb);
    const baseEntry = entryAt(base, baseMemoryMb);
    if (prEntry?.status !== 'ok' || baseEntry?.status !== 'ok') continue;
    // Cost and duration count warm samples; Init Duration counts cold starts, one per environment.
    const prSamples = metricSamples(pr, prEntry, metric);
    const baseSamples = metricSamples(base, baseEntry, metric);
    const few = Math.min(prSamples.length, baseSamples.length) < gate.minSamples;
    const environments = pairedEnvironments(prSamples, baseSamples);
    // Below the practical floor a comparison is within noise, whatever more samples would say: settled — once
    // confirmed in a second environment, since one fast PR environment could hide a change above the floor.
    if (!few && row.belowFloor && environments >= 2) continue;
    const straddles =
      row.ciLowPct === null || row.ciHighPct === null || (row.ciLowPct <= limit && limit <= row.ciHighPct);
    const above = !straddles && (row.ciLowPct ?? 0) > limit;
    // One environment per function cannot tell the code from the environment, in either direction: a slow one
    // looks like a regression, a fast one hides it. Only an interval over environments settles a comparison, and
    // one above the limit needs the environments a fail needs (looks.ts).
    const unconfirmed = !straddles && environments < (above ? minFailEnvironments(gate.confidence) : 2);
    // Above the limit in this comparison's own interval, but not significant once the verdict's other comparisons
    // and looks are accounted for (compare.ts judgeFamily): more environments decide it.
    const unsettledFamily = above && !unconfirmed && !row.significant;
    if (!few && !straddles && !unconfirmed && !unsettledFamily) continue;
    const why = few
      ? 'under min-samples'
      : unconfirmed
        ? `CI ${formatPct(row.ciLowPct)} to ${formatPct(row.ciHighPct)} ${above ? 'above' : 'below'} the ${limit}% limit in ${environments === 1 ? 'one environment' : `${environments} environments`} per function, to be confirmed in others`
        : unsettledFamily
          ? `CI ${formatPct(row.ciLowPct)} to ${formatPct(row.ciHighPct)} above the ${limit}% limit, not yet significant for the whole verdict`
          : `CI ${formatPct(row.ciLowPct)} to ${formatPct(row.ciHighPct)} contains the ${limit}% limit`;
    const what = `${METRIC_WORDS[metric]} (${why})`;
    const weak = weakness({
      few,
      environments,
      straddles,
      ciLowPct: row.ciLowPct,
      ciHighPct: row.ciHighPct,
      limitPct: limit,
    });
    const point = open.find((entry) => entry.prMemoryMb === prMemoryMb && entry.baseMemoryMb === baseMemoryMb);
    if (point) {
      point.metrics.push(what);
      point.weakness = Math.max(point.weakness, weak);
    } else
      open.push({
        prMemoryMb,
        baseMemoryMb,
        metrics: [what],
        invocations: Math.max(prEntry.invocations, baseEntry.invocations),
        environments,
        weakness: weak,
      });
  }
  // Weakest first (a stable sort: equals keep the verdict's order).
  if (options.weakestFirst ?? true) open.sort((a, b) => b.weakness - a.weakness);
  if (open.length === 0)
    return { pairings: [], settled: true, reason: 'every comparison with the baseline is settled' };
  const roomFor = (point: OpenPoint) => Math.floor((gate.maxInvocations - point.invocations) / BLOCK_INVOCATIONS);
  const room = open.filter((point) => roomFor(point) > 0);
  const where = (point: OpenPoint) => `${placeMemory(point)}: ${point.metrics.join(', ')}`;
  if (room.length === 0) {
    return {
      pairings: [],
      settled: false,
      reason: `gate-max-invocations (${gate.maxInvocations}) reached with ${open.map(where).join('; ')}, so the verdict rests on the samples there are`,
    };
  }
  const pairings = room.map((point) => ({
    memoryBySubject: [point.prMemoryMb, point.baseMemoryMb],
    // Doubling: few looks, each on at least twice the environments of the last (two more to start with: an
    // interval over blocks needs two, and is very wide on two). Unmeasured on the base: FIRST_BLOCKS_UNMEASURED.
    environments: Math.min(
      point.environments === 0 ? FIRST_BLOCKS_UNMEASURED : Math.max(point.environments, 2),
      roomFor(point),
    ),
  }));
  const plan = room.map(
    (point, index) =>
      `${where(point)} → ${pairings[index]?.environments} more environments of ${BLOCK_INVOCATIONS} invocations per function`,
  );
  return { pairings, settled: false, reason: plan.join('; ') };
}

/** Environment blocks with measured samples on both sides (the planned invocations are block 0). */
function pairedEnvironments(prSamples: readonly Sample[], baseSamples: readonly Sample[]): number {
  const base = new Set(baseSamples.map((sample) => sample.environment ?? 0));
  return new Set(prSamples.map((sample) => sample.environment ?? 0).filter((block) => base.has(block))).size;
}

const METRIC_WORDS: Record<RelativeMetric, string> = { cost: 'cost', duration: 'duration', init: 'Init Duration' };

/**
 * One sentence for the report: what the gate's extra sampling spent and why it stopped; with `recommendedMb` (the
 * PR's final recommendation), a second when it moved after the comparison points were pinned.
 */
export function describeGateSampling(summary: RunResult['gateSampling'], recommendedMb?: number | null): string | null {
  if (!summary) return null;
  const pinned = summary.pinned?.recommendedMb;
  const moved =
    recommendedMb !== undefined &&
    recommendedMb !== null &&
    pinned !== undefined &&
    pinned !== null &&
    pinned !== recommendedMb
      ? ` The recommendation moved from ${pinned} MB to ${recommendedMb} MB while the gate sampled; the gate compared at ${pinned} MB, where its comparison points were pinned at its first look.`
      : '';
  return `${describeSpending(summary)}${moved}`;
}

function describeSpending(summary: NonNullable<RunResult['gateSampling']>): string {
  if (summary.rounds === 0) {
    return summary.settled
      ? 'The planned invocations settled every comparison with the baseline; no extra invocations were needed.'
      : `No extra invocations to settle the comparisons with the baseline: ${summary.reason}.`;
  }
  const spent = summary.added
    .map(
      (entry) =>
        `${entry.environments} more execution environment${entry.environments === 1 ? '' : 's'} at ${entry.memoryMb} MB (${entry.invocations} invocations)`,
    )
    .join(', ');
  const rounds = `${summary.rounds} round${summary.rounds === 1 ? '' : 's'}`;
  const lead = `To settle the comparisons with the baseline, each function was measured in ${spent}, a fresh version each, taking turns with the other function, in ${rounds}`;
  return summary.settled ? `${lead}, until every comparison was settled.` : `${lead}; then ${summary.reason}.`;
}
