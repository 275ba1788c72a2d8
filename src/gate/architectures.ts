// x86_64 against arm64 (architectures x86_64,arm64): the function and its other-architecture deployment were tuned
// in the same run, invocations taking turns (gate/arch-run.ts), each priced at its own architecture's price. This
// compares them at each memory size with the gate's interval (stats.ts ratioInterval: Yuen–Welch on log values,
// the run's trim, the gate's confidence) and recommends an (architecture, memory) pair. Pure.
//
// The pair: each architecture's own recommendation by the strategy (the tuner's, so memory headroom and the
// percentile limit hold on both), then the better of the two by the strategy's metric — cost for cost, percentile
// and balanced (balanced re-scores both picks on the scale of every candidate of both architectures), duration
// for speed; ties go to the function's own architecture. Like the memory recommendation, the pick is by the
// figures; the interval of the two picks says whether it is settled (`significant`), and the sentence says when the
// difference is within noise, since a change of architecture is a new build and deployment.
// (Requiring significance before recommending the other architecture was tried: at the default 10 invocations it
// kept x86_64 in 16 of 20 repeats where arm64 was 9% cheaper; bench/architectures.ts, docs/architectures.md.)

import { formatMemory, formatMs, formatUsd } from '../lib/format.js';
import { entryAt } from '../results/figures.js';
import { candidatesOf } from '../tuning/analyze.js';
import { clampBalancedWeight } from '../tuning/plan.js';
import type { Architecture, ArchitectureComparison, PowerValueResult, Recommendation, RunResult } from '../types.js';
import { metricValues } from './metrics.js';
import { ratioInterval } from './stats.js';

type Figures = NonNullable<ArchitectureComparison['memorySizes'][number]['x86_64']>;
type Ratio = ArchitectureComparison['memorySizes'][number]['cost'];
type PairRecommendation = NonNullable<ArchitectureComparison['recommendation']>;

export interface CompareArchitecturesOptions {
  /** The gate's confidence (e.g. 0.95). */
  confidence: number;
  source: ArchitectureComparison['source'];
}

/** Both runs side by side: figures and intervals per memory size, and the recommended pair. */
export function compareArchitectures(
  own: RunResult,
  other: RunResult,
  options: CompareArchitecturesOptions,
): ArchitectureComparison {
  const byArchitecture = (architecture: Architecture) => (own.function.architecture === architecture ? own : other);
  const x86 = byArchitecture('x86_64');
  const arm = byArchitecture('arm64');
  const memories = [...new Set([...own.powerValues, ...other.powerValues].map((entry) => entry.memoryMb))].sort(
    (a, b) => a - b,
  );
  const memorySizes = memories.map((memoryMb) => ({
    memoryMb,
    x86_64: figuresAt(x86, memoryMb),
    arm64: figuresAt(arm, memoryMb),
    cost: ratioAt(arm, x86, memoryMb, 'cost', options.confidence),
    duration: ratioAt(arm, x86, memoryMb, 'duration', options.confidence),
  }));
  return {
    source: options.source,
    confidence: options.confidence,
    functions: [own, other].map((run) => ({
      architecture: run.function.architecture,
      name: run.function.name,
      arn: run.function.arn,
      prices: run.prices,
      recommendation: run.recommendation
        ? {
            memoryMb: run.recommendation.memoryMb,
            costPerInvocationUsd: run.recommendation.costPerInvocationUsd,
            durationMs: run.recommendation.durationMs,
          }
        : null,
    })),
    memorySizes,
    configured: { architecture: own.function.architecture, memoryMb: own.current.memoryMb },
    recommendation: pairRecommendation(own, other, options.confidence),
  };
}

function figuresAt(run: RunResult, memoryMb: number): Figures | null {
  const entry = entryAt(run, memoryMb);
  const durationMs = entry?.duration?.trimmedMean;
  if (entry?.status !== 'ok' || entry.costPerInvocationUsd === null || typeof durationMs !== 'number') return null;
  return {
    costPerInvocationUsd: entry.costPerInvocationUsd,
    ...(typeof entry.expectedCostPerInvocationUsd === 'number'
      ? { expectedCostPerInvocationUsd: entry.expectedCostPerInvocationUsd }
      : {}),
    durationMs,
  };
}

/** arm64 over x86_64 at one memory size, each side's samples at its own price. */
function ratioAt(
  arm: RunResult,
  x86: RunResult,
  memoryMb: number,
  kind: 'cost' | 'duration',
  confidence: number,
): Ratio {
  return intervalBetween(arm, entryAt(arm, memoryMb), x86, entryAt(x86, memoryMb), kind, confidence);
}

function intervalBetween(
  a: RunResult,
  aEntry: PowerValueResult | undefined,
  b: RunResult,
  bEntry: PowerValueResult | undefined,
  kind: 'cost' | 'duration',
  confidence: number,
): Ratio {
  if (aEntry?.status !== 'ok' || bEntry?.status !== 'ok') return null;
  const interval = ratioInterval(
    metricValues(a, aEntry, kind, a.prices),
    metricValues(b, bEntry, kind, b.prices),
    a.settings.discardTopBottom,
    b.settings.discardTopBottom,
    confidence,
  );
  if (!interval) return null;
  return {
    ratio: interval.ratio,
    low: interval.low,
    high: interval.high,
    significant: interval.low > 1 || interval.high < 1,
  };
}

/** The cost a strategy compares: expected (cold starts included) when both picks have one, else warm. */
function comparedCosts(a: Recommendation, b: Recommendation): [number, number] {
  if (typeof a.expectedCostPerInvocationUsd === 'number' && typeof b.expectedCostPerInvocationUsd === 'number')
    return [a.expectedCostPerInvocationUsd, b.expectedCostPerInvocationUsd];
  return [a.costPerInvocationUsd, b.costPerInvocationUsd];
}

/** Negative when the other architecture's pick is better by the strategy, positive when the own one is, 0 tie. */
function preference(own: RunResult, other: RunResult, ownRec: Recommendation, otherRec: Recommendation): number {
  const strategy = own.settings.strategy;
  if (strategy === 'speed') return otherRec.durationMs - ownRec.durationMs;
  const [otherCost, ownCost] = comparedCosts(otherRec, ownRec);
  if (strategy !== 'balanced') return otherCost - ownCost;
  // Both picks on one scale: the largest cost and duration of any candidate of either architecture.
  const candidates = [...candidatesOf(own.powerValues), ...candidatesOf(other.powerValues)];
  const maxCost = Math.max(...candidates.map((c) => c.costUsd), otherCost, ownCost);
  const maxDuration = Math.max(...candidates.map((c) => c.durationMs), otherRec.durationMs, ownRec.durationMs);
  const weight = clampBalancedWeight(own.settings.balancedWeight);
  const score = (cost: number, duration: number) =>
    weight * (maxCost > 0 ? cost / maxCost : 0) + (1 - weight) * (maxDuration > 0 ? duration / maxDuration : 0);
  return score(otherCost, otherRec.durationMs) - score(ownCost, ownRec.durationMs);
}

function pairOf(
  run: RunResult,
  rec: Recommendation,
  own: RunResult,
  reason: string,
  significant: boolean,
): PairRecommendation {
  return {
    architecture: run.function.architecture,
    memoryMb: rec.memoryMb,
    costPerInvocationUsd: rec.costPerInvocationUsd,
    ...(typeof rec.expectedCostPerInvocationUsd === 'number'
      ? { expectedCostPerInvocationUsd: rec.expectedCostPerInvocationUsd }
      : {}),
    durationMs: rec.durationMs,
    savingPct: savingAgainstConfigured(own, rec),
    changesArchitecture: run !== own,
    significant,
    reason,
  };
}

/** Against the configured pair (the function's own architecture at its configured memory), percent. */
export function savingAgainstConfigured(own: RunResult, rec: Recommendation): number | null {
  const current = own.current;
  if (current.costPerInvocationUsd === null) return null;
  const expected =
    typeof rec.expectedCostPerInvocationUsd === 'number' && typeof current.expectedCostPerInvocationUsd === 'number';
  const recommended = expected ? (rec.expectedCostPerInvocationUsd as number) : rec.costPerInvocationUsd;
  const configured = expected ? (current.expectedCostPerInvocationUsd as number) : current.costPerInvocationUsd;
  return configured > 0 ? (1 - recommended / configured) * 100 : null;
}

const ratioText = (ratio: NonNullable<Ratio>, confidence: number): string =>
  `${ratio.ratio.toFixed(2)}× (${Math.round(confidence * 100)}% interval ${ratio.low.toFixed(2)}–${ratio.high.toFixed(2)})`;

function pairRecommendation(own: RunResult, other: RunResult, confidence: number): PairRecommendation | null {
  const ownRec = own.recommendation;
  const otherRec = other.recommendation;
  const ownArch = own.function.architecture;
  const otherArch = other.function.architecture;
  const at = (arch: Architecture, rec: Recommendation) => `${arch} at ${formatMemory(rec.memoryMb)}`;
  if (!ownRec && !otherRec) return null;
  if (!otherRec && ownRec)
    return pairOf(
      own,
      ownRec,
      own,
      `${otherArch} has no recommendation; ${at(ownArch, ownRec)}: ${ownRec.reason}`,
      false,
    );
  if (!ownRec && otherRec)
    return pairOf(
      other,
      otherRec,
      own,
      `${ownArch} has no recommendation; ${at(otherArch, otherRec)}: ${otherRec.reason}`,
      false,
    );
  const mine = ownRec as Recommendation;
  const theirs = otherRec as Recommendation;
  const between = (metric: 'cost' | 'duration') =>
    intervalBetween(other, entryAt(other, theirs.memoryMb), own, entryAt(own, mine.memoryMb), metric, confidence);
  const metrics: ('cost' | 'duration')[] =
    own.settings.strategy === 'speed'
      ? ['duration']
      : own.settings.strategy === 'balanced'
        ? ['cost', 'duration']
        : ['cost'];
  const intervals = metrics.map((metric) => ({ metric, interval: between(metric) }));
  const lower = intervals.some(({ interval }) => interval !== null && interval.high < 1);
  const higher = intervals.some(({ interval }) => interval !== null && interval.low > 1);
  const figures = (rec: Recommendation) =>
    metrics[0] === 'cost' ? `${formatUsd(comparedCosts(rec, rec)[0])} per invocation` : formatMs(rec.durationMs);
  const comparison = intervals
    .map(({ metric, interval }) =>
      interval
        ? `${otherArch}'s ${metric} ${ratioText(interval, confidence)} of ${ownArch}'s`
        : `no ${metric} interval (too few samples)`,
    )
    .join(', ');
  const picks = `${at(otherArch, theirs)} (${figures(theirs)}) against ${at(ownArch, mine)} (${figures(mine)}): ${comparison}`;
  const strategy = own.settings.strategy;
  if (preference(own, other, mine, theirs) < 0) {
    const settled = lower && !higher;
    return pairOf(
      other,
      theirs,
      own,
      settled
        ? `${picks}; ${otherArch} is better by the ${strategy} strategy`
        : `${picks}; ${otherArch} is better by the ${strategy} strategy's figures, but within noise: more invocations would settle it before a new build`,
      settled,
    );
  }
  return pairOf(
    own,
    mine,
    own,
    `${picks}; ${ownArch} is as good or better by the ${strategy} strategy`,
    higher && !lower,
  );
}
