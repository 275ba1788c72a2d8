// Strategies → recommendation. Pure: the power values in, one memory size (or none, with the reason) out.
//
// Candidates are the power values with status 'ok' and both a duration and a cost. "Duration" is the trimmed
// mean of the successful samples (duration.trimmedMean), "cost" is the expected cost per invocation, cold starts
// included (expectedCostPerInvocationUsd, tuning/cold-cost.ts), when every candidate has one, else the warm
// costPerInvocationUsd: the cheapest memory is the one with the cheapest bill, and a heavy INIT billed at a large
// memory size is part of that bill. Values within a relative
// 1e-9 of each other are equal, so float noise never decides a tie. Every strategy ends its tie-breaks with the
// smaller memory size, so the result never depends on input order.
//
// When nothing can be recommended, recommend() returns null and explainNoRecommendation() says why in one
// sentence (no power values, every power value failed, every one used more memory than max-memory-used-percent, or
// no power value met the percentile limit).
//
// Memory headroom (maxMemoryUsedPct): a memory size whose peak Max Memory Used is above the limit is no candidate
// (headroom.ts): production inputs larger than the test payloads would run it out of memory. The recommendation's
// reason names each such size the strategy would otherwise have picked ("256 MB skipped: 241 of 256 MB used (94%),
// over the 90% limit"), so a reader sees why the cheaper size was passed over.

import { clampBalancedWeight } from './plan.js';
import { percentile } from './stats.js';
import type { PercentileLimit, PowerValueResult, Recommendation, Strategy } from '../types.js';
import { measuredSamples, type SampleRule } from './sample-rule.js';
import { formatMs, formatUsd } from '../lib/format.js';
import { memoryUseOf, memoryUseText, skippedText, usedAbove } from './headroom.js';

export interface RecommendOptions {
  strategy: Strategy;
  /** 0 = speed only, 1 = cost only (the balanced strategy); clamped to [0, 1]. */
  balancedWeight: number;
  /** Required by the percentile strategy. */
  percentileLimit?: PercentileLimit;
  /** Which samples the percentile comes from (sample-rule.ts); default: warm, no error allowed. */
  sampleRule?: SampleRule;
  /** max-memory-used-percent: memory sizes whose peak Max Memory Used is above this percent are not candidates. */
  maxMemoryUsedPct?: number;
}

const DEFAULT_SAMPLE_RULE: SampleRule = { allowedExceptions: [], onlyColdStarts: false };

const RELATIVE_TOLERANCE = 1e-9;

/** a and b are equal within a relative 1e-9 (exactly equal for zeros). */
export function nearlyEqual(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
}

/** Negative when a < b, positive when a > b, 0 when nearly equal. */
function compareNumbers(a: number, b: number): number {
  return nearlyEqual(a, b) ? 0 : a - b;
}

export interface Candidate {
  memoryMb: number;
  /** What the strategies compare: the expected cost when every candidate has one (see `expected`), else warm. */
  costUsd: number;
  warmCostUsd: number;
  /** costUsd is the expected cost (cold starts included). */
  expected: boolean;
  durationMs: number;
  result: PowerValueResult;
}

/** Power values a strategy may choose: measured, with finite figures. */
export function candidatesOf(powerValues: readonly PowerValueResult[]): Candidate[] {
  const candidates: Candidate[] = [];
  for (const result of powerValues) {
    const durationMs = result.duration?.trimmedMean;
    const costUsd = result.costPerInvocationUsd;
    if (result.status !== 'ok' || durationMs === undefined || costUsd === null) continue;
    if (!Number.isFinite(durationMs) || !Number.isFinite(costUsd)) continue;
    candidates.push({ memoryMb: result.memoryMb, costUsd, warmCostUsd: costUsd, expected: false, durationMs, result });
  }
  // Expected costs only when all have one: comparing one size's expected cost with another's warm cost is unfair.
  const expected = candidates.map((c) => c.result.expectedCostPerInvocationUsd);
  if (candidates.length > 0 && expected.every((value) => typeof value === 'number' && Number.isFinite(value))) {
    candidates.forEach((c, index) => {
      c.costUsd = expected[index] ?? c.warmCostUsd;
      c.expected = true;
    });
  }
  return candidates;
}

/** "per invocation", or "per invocation expected" when cold starts are priced in. */
function perInvocation(candidate: Candidate): string {
  return candidate.expected ? 'per invocation with cold starts' : 'per invocation';
}

type Comparator = (a: Candidate, b: Candidate) => number;

const byCost: Comparator = (a, b) => compareNumbers(a.costUsd, b.costUsd);
const byDuration: Comparator = (a, b) => compareNumbers(a.durationMs, b.durationMs);
const byMemory: Comparator = (a, b) => a.memoryMb - b.memoryMb;

function chain(...comparators: Comparator[]): Comparator {
  return (a, b) => {
    for (const compare of comparators) {
      const order = compare(a, b);
      if (order !== 0) return order;
    }
    return 0;
  };
}

function best(candidates: readonly Candidate[], compare: Comparator): Candidate {
  return candidates.reduce((winner, next) => (compare(next, winner) < 0 ? next : winner));
}

/**
 * The p-th percentile of a power value's measured durations (the samples its other figures use: warm ones, not the
 * cold start that tuning itself causes); NaN when it has none.
 */
export function durationPercentileMs(
  result: PowerValueResult,
  p: number,
  rule: SampleRule = DEFAULT_SAMPLE_RULE,
): number {
  return percentile(
    measuredSamples(result.samples, rule).map((sample) => sample.durationMs),
    p,
  );
}

// ---------------------------------------------------------------------------------------------------------
// Sentences

function ofSizes(n: number): string {
  return n === 1 ? 'the only memory size with results' : `of ${n} memory sizes`;
}

/** "; 2 sizes tied on cost and this is the fastest of them", or '' without a tie. */
function tieNote(
  candidates: readonly Candidate[],
  winner: Candidate,
  primary: Comparator,
  tiedOn: string,
  pick: string,
): string {
  const tied = candidates.filter((c) => primary(c, winner) === 0).length;
  return tied < 2 ? '' : `; ${tied} sizes tied on ${tiedOn} and this is the ${pick} of them`;
}

function recommendation(strategy: Strategy, winner: Candidate, reason: string): Recommendation {
  return {
    strategy,
    memoryMb: winner.memoryMb,
    costPerInvocationUsd: winner.warmCostUsd,
    ...(winner.expected ? { expectedCostPerInvocationUsd: winner.costUsd } : {}),
    durationMs: winner.durationMs,
    reason,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Strategies

function cheapest(candidates: readonly Candidate[]): Recommendation {
  const winner = best(candidates, chain(byCost, byDuration, byMemory));
  const which = candidates.length === 1 ? ofSizes(1) : `cheapest ${ofSizes(candidates.length)}`;
  const reason =
    `${which} at ${formatUsd(winner.costUsd)} ${perInvocation(winner)} (${formatMs(winner.durationMs)})` +
    tieNote(candidates, winner, byCost, 'cost', 'fastest');
  return recommendation('cost', winner, reason);
}

function fastest(candidates: readonly Candidate[]): Recommendation {
  const winner = best(candidates, chain(byDuration, byCost, byMemory));
  const which = candidates.length === 1 ? ofSizes(1) : `fastest ${ofSizes(candidates.length)}`;
  const reason =
    `${which} at ${formatMs(winner.durationMs)} (${formatUsd(winner.costUsd)} ${perInvocation(winner)})` +
    tieNote(candidates, winner, byDuration, 'duration', 'cheapest');
  return recommendation('speed', winner, reason);
}

/** w·cost/maxCost + (1−w)·duration/maxDuration; a zero maximum contributes 0 (every candidate is 0 there). */
function balancedScore(candidate: Candidate, weight: number, maxCostUsd: number, maxDurationMs: number): number {
  const costPart = maxCostUsd > 0 ? candidate.costUsd / maxCostUsd : 0;
  const durationPart = maxDurationMs > 0 ? candidate.durationMs / maxDurationMs : 0;
  return weight * costPart + (1 - weight) * durationPart;
}

function balanced(candidates: readonly Candidate[], balancedWeight: number): Recommendation {
  const weight = clampBalancedWeight(balancedWeight);
  const maxCostUsd = Math.max(...candidates.map((c) => c.costUsd));
  const maxDurationMs = Math.max(...candidates.map((c) => c.durationMs));
  const scores = new Map(candidates.map((c) => [c, balancedScore(c, weight, maxCostUsd, maxDurationMs)]));
  const byScore: Comparator = (a, b) => compareNumbers(scores.get(a) ?? NaN, scores.get(b) ?? NaN);
  const winner = best(candidates, chain(byScore, byCost, byDuration, byMemory));
  const which = candidates.length === 1 ? ofSizes(1) : `best balance of cost and speed ${ofSizes(candidates.length)}`;
  const reason =
    `${which} (weight ${weight} on cost) at ${formatUsd(winner.costUsd)} ${perInvocation(winner)} and ` +
    `${formatMs(winner.durationMs)}` +
    tieNote(candidates, winner, byScore, 'score', 'cheapest');
  return recommendation('balanced', winner, reason);
}

function requirePercentileLimit(options: RecommendOptions): PercentileLimit {
  if (!options.percentileLimit) {
    throw new Error("the 'percentile' strategy needs a percentile limit (percentile and max duration)");
  }
  return options.percentileLimit;
}

function withinPercentileLimit(
  candidates: readonly Candidate[],
  limit: PercentileLimit,
  rule: SampleRule,
): Candidate[] {
  return candidates.filter((c) => {
    const value = durationPercentileMs(c.result, limit.percentile, rule);
    return Number.isFinite(value) && (value <= limit.maxDurationMs || nearlyEqual(value, limit.maxDurationMs));
  });
}

function cheapestWithinPercentile(
  candidates: readonly Candidate[],
  limit: PercentileLimit,
  rule: SampleRule,
): Recommendation | null {
  const qualified = withinPercentileLimit(candidates, limit, rule);
  if (qualified.length === 0) return null;
  const winner = best(qualified, chain(byCost, byDuration, byMemory));
  const p = `p${limit.percentile}`;
  const winnerPercentileMs = durationPercentileMs(winner.result, limit.percentile, rule);
  const which =
    qualified.length === 1
      ? `the only memory size of ${candidates.length} with ${p} within ${formatMs(limit.maxDurationMs)}`
      : `cheapest of ${qualified.length} memory sizes with ${p} within ${formatMs(limit.maxDurationMs)}`;
  const reason =
    `${which}: ${formatUsd(winner.costUsd)} ${perInvocation(winner)}, ${p} ${formatMs(winnerPercentileMs)}` +
    tieNote(qualified, winner, byCost, 'cost', 'fastest');
  return recommendation('percentile', winner, reason);
}

/** The strategy's pick among these candidates, or null (none, or none within the percentile limit). */
function pick(candidates: readonly Candidate[], options: RecommendOptions): Recommendation | null {
  if (options.strategy === 'percentile') {
    const limit = requirePercentileLimit(options);
    return candidates.length === 0
      ? null
      : cheapestWithinPercentile(candidates, limit, options.sampleRule ?? DEFAULT_SAMPLE_RULE);
  }
  if (candidates.length === 0) return null;
  switch (options.strategy) {
    case 'cost':
      return cheapest(candidates);
    case 'speed':
      return fastest(candidates);
    case 'balanced':
      return balanced(candidates, options.balancedWeight);
  }
}

/** A candidate whose peak Max Memory Used is above the limit (a size without the figure is not judged). */
function overHeadroom(candidate: Candidate, limitPct: number | undefined): boolean {
  if (limitPct === undefined) return false;
  const use = memoryUseOf(candidate.result);
  return use !== null && usedAbove(use, limitPct);
}

/**
 * The recommended memory size for a strategy, or null when none can be recommended (no candidate, every candidate
 * over the memory headroom limit, or no candidate within the percentile limit); explainNoRecommendation() then says
 * why.
 * - cost: the cheapest; ties → faster.
 * - speed: the fastest; ties → cheaper.
 * - balanced: minimum of w·cost/maxCost + (1−w)·duration/maxDuration over the candidates; ties → cheaper.
 * - percentile: the cheapest whose p-th percentile of successful sample durations is ≤ maxDurationMs; ties → faster.
 * With maxMemoryUsedPct, the sizes above it are left out, and those the strategy would have picked instead of the
 * winner are named in the reason and in skippedForHeadroom.
 * @throws Error for the percentile strategy without options.percentileLimit.
 */
export function recommend(powerValues: readonly PowerValueResult[], options: RecommendOptions): Recommendation | null {
  const all = candidatesOf(powerValues);
  const limitPct = options.maxMemoryUsedPct;
  const within = all.filter((c) => !overHeadroom(c, limitPct));
  const winner = pick(within, options);
  if (!winner || limitPct === undefined || within.length === all.length) return winner;
  // A skipped size is one the strategy prefers to the winner: it would win among the others plus itself.
  const skipped = all.filter((c) => !within.includes(c) && pick([...within, c], options)?.memoryMb === c.memoryMb);
  const uses = skipped.flatMap((c) => {
    const use = memoryUseOf(c.result);
    return use ? [use] : [];
  });
  if (uses.length === 0) return winner;
  return {
    ...winner,
    reason: `${winner.reason}; ${uses.map((use) => skippedText(use, limitPct)).join('; ')}`,
    skippedForHeadroom: uses.map((use) => ({
      memoryMb: use.memoryMb,
      maxMemoryUsedMb: use.maxMemoryUsedMb,
      usedPct: use.usedPct,
      limitPct,
    })),
  };
}

function failedSummary(powerValues: readonly PowerValueResult[]): string {
  const reasons = powerValues.map((pv) => {
    const why = pv.status === 'failed' ? (pv.failureReason ?? 'failed') : 'no successful invocation';
    return `${pv.memoryMb} MB: ${why.replace(/\.$/, '')}`;
  });
  return reasons.join('; ');
}

/**
 * One sentence saying why recommend() returns null for these inputs, or null when it returns a recommendation.
 */
export function explainNoRecommendation(
  powerValues: readonly PowerValueResult[],
  options: RecommendOptions,
): string | null {
  if (recommend(powerValues, options) !== null) return null;
  if (powerValues.length === 0) return 'No memory size was tested.';
  const candidates = candidatesOf(powerValues);
  if (candidates.length === 0) {
    const all = powerValues.length === 1 ? 'The only memory size' : `All ${powerValues.length} memory sizes`;
    return `${all} failed, so there is nothing to recommend: ${failedSummary(powerValues)}.`;
  }
  const limitPct = options.maxMemoryUsedPct;
  if (limitPct !== undefined && candidates.every((c) => overHeadroom(c, limitPct))) {
    const uses = candidates.flatMap((c) => {
      const use = memoryUseOf(c.result);
      return use ? [`${use.memoryMb} MB: ${memoryUseText(use, limitPct)}`] : [];
    });
    const which =
      candidates.length === 1 ? 'The only memory size that ran' : `All ${candidates.length} memory sizes that ran`;
    return `${which} used more than the ${limitPct}% max-memory-used-percent limit, so none is recommended (add larger power-values): ${uses.join('; ')}.`;
  }
  const limit = requirePercentileLimit(options);
  const p = `p${limit.percentile}`;
  const fastestAtP = candidates
    .filter((c) => !overHeadroom(c, limitPct))
    .map((c) => ({
      memoryMb: c.memoryMb,
      valueMs: durationPercentileMs(c.result, limit.percentile, options.sampleRule ?? DEFAULT_SAMPLE_RULE),
    }))
    .filter((c) => Number.isFinite(c.valueMs))
    .reduce<{ memoryMb: number; valueMs: number } | null>(
      (winner, next) => (winner === null || next.valueMs < winner.valueMs ? next : winner),
      null,
    );
  const closest = fastestAtP ? `; the lowest was ${formatMs(fastestAtP.valueMs)} at ${fastestAtP.memoryMb} MB` : '';
  return `No memory size kept ${p} duration within ${formatMs(limit.maxDurationMs)}${closest}.`;
}
