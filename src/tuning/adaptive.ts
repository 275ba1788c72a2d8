// Adaptive sampling: spend invocations only where the recommendation is still open.
//
// Every memory size first gets a small round. Between rounds, planNextRound() looks at what the chosen strategy
// compares (cost, duration, the balanced score, or the percentile limit and cost), puts a confidence interval
// around each candidate's figure, and asks: can any other candidate still beat the current leader by more than
// the tie margin (0.5 %)? Those (and the leader itself) get another, larger round; the rest are done. Sampling
// stops when the leader is shown ahead of every other size (settled), ahead or within the margin (tied: picking
// any of the tied sizes costs at most the margin more), when every open memory size has reached the cap
// (max-invocations: the cap is `invocations`, so adaptive never spends more than fixed sampling would), or when
// there is nothing left to compare. The leader is ranked as recommend() ranks at the end: costs with cold starts
// priced in (cold-cost.ts).
//
// Pure: results in, the next round out. The tuner runs the rounds; bench/sampling.ts replays them on recorded
// emulator samples and measures the regret of the pick (how much worse than the best size) and the invocations.
//
// Intervals (intervals.ts):
// - cost, speed, balanced: the trimmed mean's interval (Tukey & McLaughlin): the winsorized standard deviation
//   over (1 − 2g)·√n, with a Student t of n − 2k − 1 degrees of freedom. It is centred on the figure analyze.ts
//   ranks by, so the leader here is the one recommend() picks.
// - percentile: whether a memory size meets pXX ≤ limit is decided with the distribution-free interval of a
//   quantile from order statistics (binomial ranks); its cost is compared as for `cost`.
//   Note what that implies: with 50 samples no p95 can be certified as *under* a limit at 95 % confidence
//   (the upper rank would be the 52nd of 50), so the leader of a p95 limit always runs to the cap, while sizes
//   clearly over the limit stop early.

import type {
  PercentileLimit,
  PowerValueResult,
  Prices,
  Sample,
  SamplingStopReason,
  SamplingSummary,
  Strategy,
} from '../types.js';
import { candidatesOf, recommend, type Candidate } from './analyze.js';
import { measuredSamples, type SampleRule } from './sample-rule.js';
import { formatConfidence } from '../lib/format.js';
import { clampBalancedWeight } from './plan.js';
import { costPerInvocationUsd } from './pricing.js';
import { percentileInterval, trimmedMeanInterval, type Interval } from './intervals.js';
import { resolvedColdStartRate, withColdStartCosts } from './cold-cost.js';

/** What the decision needs from the tuning settings. */
export interface AdaptiveSettings {
  strategy: Strategy;
  /** Cold starts' share of invocations: the cost figures are the expected cost, as recommend() ranks them. */
  coldStartRate?: number | 'auto';
  balancedWeight: number;
  percentileLimit?: PercentileLimit;
  discardTopBottom: number;
  allowedExceptions: string[];
  onlyColdStarts: boolean;
  /** The recommendation leaves out sizes above it (headroom.ts), so the leader does too. */
  maxMemoryUsedPct?: number;
}

export interface AdaptivePolicy {
  /** Two-sided confidence of each interval, e.g. 0.95. */
  confidence: number;
  /** Invocations every memory size gets in the first round (its cold start included). */
  initialInvocations: number;
  /** The cap per memory size: `invocations`. */
  maxInvocations: number;
  /** An open memory size's next round brings it to ceil(n × growth) invocations (capped). */
  growth: number;
  /**
   * A fraction, e.g. 0.005: a memory size whose figure the leader is shown to be within this share of (the upper
   * bound of leader − size ≤ margin × the size's figure) is done, even when neither is shown ahead: on a tie,
   * picking either costs at most the margin. 0 keeps sampling every undecided comparison to the cap.
   */
  tieMargin: number;
}

export const DEFAULT_SAMPLING_CONFIDENCE = 0.95;
/** Below this many invocations a first round has too few warm samples for an interval worth the name. */
export const MIN_INITIAL_INVOCATIONS = 5;
const INITIAL_SHARE_OF_CAP = 0.2;
const ROUND_GROWTH = 1.5;
/** Picking a size within 0.5% of the best is no regret worth more invocations (bench/sampling.ts: regret). */
export const DEFAULT_TIE_MARGIN = 0.005;

/** The policy for a cap: a first round of a fifth of the cap (at least 5), rounds growing by half. */
export function adaptivePolicy(maxInvocations: number, confidence = DEFAULT_SAMPLING_CONFIDENCE): AdaptivePolicy {
  const initial = Math.max(MIN_INITIAL_INVOCATIONS, Math.ceil(maxInvocations * INITIAL_SHARE_OF_CAP));
  return {
    confidence,
    initialInvocations: Math.min(initial, maxInvocations),
    maxInvocations,
    growth: ROUND_GROWTH,
    tieMargin: DEFAULT_TIE_MARGIN,
  };
}

export interface NextRound {
  /** Memory size → invocations to add in the next round. Empty when sampling stops. */
  additions: Map<number, number>;
  /** Set when sampling stops. */
  stopReason?: SamplingStopReason;
  /** The memory size recommend() picks now, if any. */
  leaderMb: number | null;
  /** Memory sizes whose comparison with the leader is still open (the leader included when any is). */
  openMb: number[];
  /** One sentence for the log. */
  explanation: string;
}

// ---------------------------------------------------------------------------------------------------------
// What each strategy compares

/** The interval of the figure a strategy ranks by (lower is better), centred on the figure recommend() uses. */
function rankingIntervals(
  candidates: readonly Candidate[],
  settings: AdaptiveSettings,
  prices: Prices,
  confidence: number,
): Map<number, Interval> {
  const strategy = settings.strategy === 'percentile' ? 'cost' : settings.strategy;
  const weight = clampBalancedWeight(settings.balancedWeight);
  const maxCostUsd = Math.max(...candidates.map((c) => c.costUsd));
  const maxDurationMs = Math.max(...candidates.map((c) => c.durationMs));
  const normalised = (value: number, max: number) => (max > 0 ? value / max : 0);
  const intervals = new Map<number, Interval>();
  for (const candidate of candidates) {
    const samples = measuredSamples(candidate.result.samples, settings);
    const cost = (sample: Sample) => costPerInvocationUsd(sample.billedDurationMs, candidate.memoryMb, prices);
    let perSample: number[];
    let estimate: number;
    if (strategy === 'cost') {
      perSample = samples.map(cost);
      estimate = candidate.costUsd;
    } else if (strategy === 'speed') {
      perSample = samples.map((sample) => sample.durationMs);
      estimate = candidate.durationMs;
    } else {
      // The score's maxima are treated as constants: they move far less than one candidate's figures.
      perSample = samples.map(
        (s) => weight * normalised(cost(s), maxCostUsd) + (1 - weight) * normalised(s.durationMs, maxDurationMs),
      );
      estimate =
        weight * normalised(candidate.costUsd, maxCostUsd) +
        (1 - weight) * normalised(candidate.durationMs, maxDurationMs);
    }
    const interval = trimmedMeanInterval(perSample, settings.discardTopBottom, confidence);
    const halfLow = interval.estimate - interval.low;
    const halfHigh = interval.high - interval.estimate;
    intervals.set(candidate.memoryMb, { estimate, low: estimate - halfLow, high: estimate + halfHigh });
  }
  return intervals;
}

type Qualification = 'yes' | 'no' | 'unknown';

/** Does this candidate meet the percentile limit, at the confidence? Samples as analyze.ts takes them. */
function qualification(
  candidate: Candidate,
  limit: PercentileLimit,
  confidence: number,
  rule: SampleRule,
): Qualification {
  const durations = measuredSamples(candidate.result.samples, rule).map((sample) => sample.durationMs);
  const interval = percentileInterval(durations, limit.percentile, confidence);
  if (interval.high <= limit.maxDurationMs) return 'yes';
  if (interval.low > limit.maxDurationMs) return 'no';
  return 'unknown';
}

/**
 * Is the leader shown to be no worse than this candidate by more than the margin? The interval of their difference
 * (leader − candidate: the estimates' difference ± the two half-widths combined as √(a² + b²), as Welch's interval
 * combines standard errors) lies below margin × the candidate's figure (+ floor). With margin 0 it says the leader
 * is ahead. Two separate intervals that merely do not overlap demand more (a + b instead of √(a² + b²)): the
 * difference is what decides (bench/sampling.ts: the same regret with about a tenth fewer invocations).
 */
function leaderWithinMargin(leader: Interval, candidate: Interval, margin: number, floor: number): boolean {
  const halfWidth = Math.hypot(leader.high - leader.estimate, candidate.estimate - candidate.low);
  return leader.estimate - candidate.estimate + halfWidth <= candidate.estimate * margin + floor;
}

/**
 * Lambda's REPORT gives Duration in hundredths of a millisecond ("Duration: 250.06 ms"): durations closer than
 * that are not told apart, so for the speed strategy a tie within it is a tie whatever its share.
 */
export const DURATION_RESOLUTION_MS = 0.01;

interface Comparisons {
  /** The memory sizes (leader included) whose comparison is still open. */
  open: number[];
  /** Sizes the leader is not shown to be ahead of, closed by the tie margin. */
  tied: number[];
}

function openComparisons(
  candidates: readonly Candidate[],
  leaderMb: number | null,
  settings: AdaptiveSettings,
  prices: Prices,
  policy: AdaptivePolicy,
): Comparisons {
  const { confidence, tieMargin } = policy;
  const floor = settings.strategy === 'speed' && tieMargin > 0 ? DURATION_RESOLUTION_MS : 0;
  const intervals = rankingIntervals(candidates, settings, prices, confidence);
  const leaderInterval = leaderMb === null ? undefined : intervals.get(leaderMb);
  const open: number[] = [];
  const tied: number[] = [];
  // Open while the candidate could still beat the leader by more than the margin; tied when only the margin closed it.
  const compare = (memoryMb: number, interval: Interval, leader: Interval) => {
    if (!leaderWithinMargin(leader, interval, tieMargin, floor)) open.push(memoryMb);
    else if (!leaderWithinMargin(leader, interval, 0, 0)) tied.push(memoryMb);
  };
  if (settings.strategy !== 'percentile') {
    if (!leaderInterval) return { open: [], tied: [] };
    for (const candidate of candidates) {
      const interval = intervals.get(candidate.memoryMb);
      if (candidate.memoryMb !== leaderMb && interval) compare(candidate.memoryMb, interval, leaderInterval);
    }
  } else {
    const limit = settings.percentileLimit;
    if (!limit) return { open: [], tied: [] };
    for (const candidate of candidates) {
      const meets = qualification(candidate, limit, confidence, settings);
      if (candidate.memoryMb === leaderMb) {
        // The leader must be shown to meet the limit.
        if (meets === 'unknown') open.push(candidate.memoryMb);
        continue;
      }
      if (meets === 'no') continue;
      const interval = intervals.get(candidate.memoryMb);
      // Could it be cheaper than the leader by more than the margin (or is there no leader yet)? Then whether it
      // meets the limit, or how its cost compares, still matters.
      if (!leaderInterval || !interval) open.push(candidate.memoryMb);
      else compare(candidate.memoryMb, interval, leaderInterval);
    }
  }
  if (open.length > 0 && leaderMb !== null && !open.includes(leaderMb)) open.push(leaderMb);
  return { open: open.sort((a, b) => a - b), tied: tied.sort((a, b) => a - b) };
}

// ---------------------------------------------------------------------------------------------------------
// The decision

/**
 * After a round: which memory sizes get how many more invocations, or why sampling stops.
 * A failed power value is never sampled again (its failure already settled it).
 */
export function planNextRound(
  powerValues: readonly PowerValueResult[],
  settings: AdaptiveSettings,
  prices: Prices,
  policy: AdaptivePolicy,
): NextRound {
  // Costs with cold starts priced in, as summary.ts gives them to recommend() at the end: the leader here is the
  // memory size the run will recommend. The intervals' widths come from the warm samples (one cold start per size
  // says nothing about its spread).
  const ranked = withColdStartCosts(powerValues, resolvedColdStartRate(settings.coldStartRate), prices, settings);
  const candidates = candidatesOf(ranked);
  const percent = `${formatConfidence(policy.confidence)} confidence`;
  if (candidates.length === 0) {
    return stop('no-candidates', null, [], 'no memory size has results to compare');
  }
  const recommendation = recommend(
    candidates.map((c) => c.result),
    {
      strategy: settings.strategy,
      balancedWeight: settings.balancedWeight,
      percentileLimit: settings.percentileLimit,
      sampleRule: settings,
      maxMemoryUsedPct: settings.maxMemoryUsedPct,
    },
  );
  const leaderMb = recommendation?.memoryMb ?? null;
  if (candidates.length === 1) {
    return stop(
      'one-candidate',
      leaderMb,
      [],
      `only ${candidates[0]?.memoryMb} MB has results, so there is nothing to compare`,
    );
  }
  const { open: openMb, tied } = openComparisons(candidates, leaderMb, settings, prices, policy);
  if (openMb.length === 0) {
    if (leaderMb === null)
      return stop('settled', null, [], `no memory size can meet the percentile limit at ${percent}`);
    if (tied.length === 0) {
      return stop('settled', leaderMb, [], `${leaderMb} MB is ahead of every other memory size at ${percent}`);
    }
    const others = tied.map((mb) => `${mb} MB`).join(', ');
    return stop(
      'tied',
      leaderMb,
      [],
      `${leaderMb} MB is ahead of or within ${formatMarginPct(policy.tieMargin)} of every other memory size at ${percent} ` +
        `(tied with ${others}: picking any of them would cost at most that much more)`,
    );
  }
  const additions = new Map<number, number>();
  for (const memoryMb of openMb) {
    const done = powerValues.find((entry) => entry.memoryMb === memoryMb)?.invocations ?? 0;
    const target = Math.min(policy.maxInvocations, Math.max(done + 1, Math.ceil(done * policy.growth)));
    if (target > done) additions.set(memoryMb, target - done);
  }
  const list = openMb.map((mb) => `${mb} MB`).join(', ');
  if (additions.size === 0) {
    return stop(
      'max-invocations',
      leaderMb,
      openMb,
      `${list} are still undecided at ${percent} but have had the most invocations allowed (${policy.maxInvocations} each)`,
    );
  }
  const more = [...additions].map(([mb, n]) => `${mb} MB +${n}`).join(', ');
  return { additions, leaderMb, openMb, explanation: `still open at ${percent}: ${list}; next round ${more}` };
}

/** 0.005 → "0.5%". */
function formatMarginPct(margin: number): string {
  return `${Number((margin * 100).toFixed(2))}%`;
}

function stop(
  stopReason: SamplingStopReason,
  leaderMb: number | null,
  openMb: number[],
  explanation: string,
): NextRound {
  return { additions: new Map(), stopReason, leaderMb, openMb, explanation };
}

// ---------------------------------------------------------------------------------------------------------
// Order of payloads

/**
 * The same payload indexes, reordered so that every prefix holds the payloads in about their planned shares
 * (smooth weighted round robin): a round that stops early still sends every payload its share, where the
 * planned order (contiguous blocks) would send only the first.
 * [0,0,0,0,1,1] → [0,1,0,0,1,0].
 */
export function interleavePayloads(payloadIndexes: readonly number[]): number[] {
  const remaining = new Map<number, number>();
  for (const index of payloadIndexes) remaining.set(index, (remaining.get(index) ?? 0) + 1);
  const weights = new Map(remaining);
  const total = payloadIndexes.length;
  const credit = new Map<number, number>([...weights.keys()].map((index) => [index, 0]));
  const order: number[] = [];
  for (let i = 0; i < total; i++) {
    let pick: number | undefined;
    for (const [index, weight] of weights) {
      if ((remaining.get(index) ?? 0) === 0) continue;
      credit.set(index, (credit.get(index) ?? 0) + weight);
      if (pick === undefined || (credit.get(index) ?? 0) > (credit.get(pick) ?? 0)) pick = index;
    }
    if (pick === undefined) break;
    credit.set(pick, (credit.get(pick) ?? 0) - total);
    remaining.set(pick, (remaining.get(pick) ?? 0) - 1);
    order.push(pick);
  }
  return order;
}

// ---------------------------------------------------------------------------------------------------------
// Words for reports

const STOP_WORDS: Record<SamplingStopReason, string> = {
  settled: 'the recommendation was settled',
  tied: 'the recommendation was settled within the tie margin',
  'max-invocations': 'the open memory sizes reached the invocation cap',
  'no-candidates': 'no memory size had results',
  'one-candidate': 'only one memory size had results',
};

/** "120 of 300 invocations (cap 50 per memory size) in 3 rounds; stopped because the recommendation was settled at 95% confidence." */
export function describeSampling(summary: SamplingSummary): string {
  const rounds = summary.rounds === 1 ? '1 round' : `${summary.rounds} rounds`;
  return (
    `Adaptive sampling: ${summary.invocations} of ${summary.maxInvocations} invocations (cap ${summary.maxInvocationsPerValue} per memory size) in ${rounds}; ` +
    `stopped because ${STOP_WORDS[summary.stopReason]} at ${formatConfidence(summary.confidence)} confidence.`
  );
}
