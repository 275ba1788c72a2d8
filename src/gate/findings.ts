// What each comparison of the verdict found, as data: compare.ts and compare-place.ts decide a finding per comparison,
// reasons.ts words it, and the level follows from it (levelOf). Nothing here is prose, so the overall reason, the
// report or a test can ask "was this an improvement?" without reading a sentence.

import type { VerdictLevel } from './verdict.js';

/** Why a memory size is compared: the roles of a comparison place, in the order they were found. */
export type PlaceRole = 'configured' | 'recommended' | 'pr-recommended' | 'base-recommended';

/** Where a comparison was made: the PR at prMemoryMb against the base at baseMemoryMb. */
export interface Place {
  prMemoryMb: number;
  baseMemoryMb: number;
  roles: readonly PlaceRole[];
}

/** The confidence interval of the PR/base ratio, as percent change, and what it was computed over. */
export interface ChangeInterval {
  lowPct: number;
  highPct: number;
  /** The interval's confidence, e.g. 0.95. */
  confidence: number;
  /** Every sample on each side is the same: the difference is exact and the interval has no width. */
  exact: boolean;
  /** Computed over pairs of execution environments (the live gate's blocks). */
  environments?: number;
  /** Computed with the run-to-run noise of this many stored runs. */
  storedRuns?: number;
}

/** An estimated change (the ratio of the trimmed means) and its interval, when one could be computed. */
export interface Change {
  deltaPct: number;
  interval?: ChangeInterval;
}

/**
 * What a relative comparison compares: cost per invocation and duration over the warm samples, Init Duration over
 * the cold starts (one per execution environment: metrics.ts).
 */
export type RelativeMetric = 'cost' | 'duration' | 'init';

interface Relative {
  metric: RelativeMetric;
  at: Place;
}

/**
 * What a comparison lacks before it can fail, whatever its interval says. Live (one run): the environments the sign
 * test needs (looks.ts). Stored (file, data branch): the drift between runs, which only an interval with a
 * run-to-run term carries, estimated from 3 or more stored runs at that memory size (stats.ts runToRunVariance).
 */
export type FailShortfall =
  | { kind: 'too-few-environments'; environments: number; needed: number }
  /** storedRuns: the stored runs that measured the memory size (1 for a lone file); history: they are a data branch's. */
  | { kind: 'no-drift-estimate'; storedRuns: number; needed: number; history: boolean };

/** A relative comparison of cost or duration at one place: what its figures say. */
export type RelativeFinding = Relative &
  (
    | { kind: 'no-samples' }
    | { kind: 'too-few-samples'; change: Change; side: 'pr' | 'base'; samples: number; minSamples: number }
    | { kind: 'no-interval'; change: Change }
    /** Under the practical floor (min-duration-change-ms): within noise. difference and floor in the metric's unit. */
    | { kind: 'below-floor'; change: Change; difference: number; floor: number; floorMs: number }
    /** Every sample on each side the same, and the same on both sides. */
    | { kind: 'unchanged' }
    /** afterFamily: the interval alone excludes no change, the verdict's other comparisons (Holm) make it not significant. */
    | { kind: 'not-significant'; change: Change; afterFamily: boolean }
    | { kind: 'fail-limit'; change: Change; limitPct: number }
    /** Significant and above the fail limit, in fewer environments than a fail needs: a warning. */
    | { kind: 'too-few-environments'; change: Change; limitPct: number; environments: number; needed: number }
    /**
     * Significant and above the fail limit against a stored baseline whose interval has no run-to-run term (a lone
     * baseline-file, a data branch with fewer than 3 stored runs there): the drift between the runs is unknown, so
     * a warning.
     */
    | {
        kind: 'no-drift-estimate';
        change: Change;
        limitPct: number;
        storedRuns: number;
        needed: number;
        history: boolean;
      }
    | { kind: 'warn-limit'; change: Change; limitPct: number }
    /** A significant increase within the limit; limitPct absent when no threshold is set. */
    | { kind: 'within-limit'; change: Change; limitPct?: number }
    | { kind: 'improvement'; change: Change }
    /** A significant decrease smaller than the limit: not worth calling an improvement. */
    | { kind: 'small-improvement'; change: Change }
  );

/** A place where the two sides could not be compared. */
export type UncomparedFinding =
  /** reduced: a live baseline measured only where the gate compares, which could not get here (no budget or time). */
  | { kind: 'not-measured'; at: Place; side: 'pr' | 'base'; reduced?: boolean }
  | { kind: 'pr-failed'; at: Place; failure?: string }
  | { kind: 'both-failed'; at: Place; failure?: string }
  | { kind: 'base-failed'; at: Place; failure?: string };

/** The baseline as a whole gave nothing to compare. */
export type BaselineFinding = { kind: 'nothing-compared' } | { kind: 'baseline-problem'; problem: string };

/** The monthly cost change at the headline place, against max-monthly-cost-increase (absent: no monthly limit). */
export type MonthlyFinding = {
  kind: 'monthly-cost';
  at: Place;
  invocations: number;
  baseUsd: number;
  prUsd: number;
  /** The figures are expected costs, cold starts included; absent: warm costs. */
  withColdStarts?: true;
} & (
  | { outcome: 'no-limit' }
  | { outcome: 'above' | 'above-not-significant' | 'within'; limitUsd: number }
  /**
   * Above the limit on a significant cost increase that cannot fail: the cost comparison it projects lacks the
   * evidence a fail needs (too few environments, no estimate of the drift between runs), so a warning.
   */
  | { outcome: 'above-unconfirmed'; limitUsd: number; shortfall: FailShortfall }
);

export type DurationStatistic = 'mean' | 'p50' | 'p90' | 'p95' | 'p99';

/** Where an absolute limit was checked: the configured memory, or the recommendation when that was not tuned. */
export interface AbsolutePlace {
  memoryMb: number;
  /** Set when the configured memory was not tuned and the recommendation is checked instead. */
  untunedConfiguredMb?: number;
}

/** An absolute limit (max-cost-per-invocation, max-duration-ms, max-init-duration-ms), which needs no baseline. */
export type AbsoluteFinding = {
  kind: 'absolute-limit';
  metric: RelativeMetric;
  /** The statistic the limit applies to (max-duration-statistic); cost and Init Duration are always the trimmed mean. */
  statistic: DurationStatistic;
  limit: number;
} & (
  | { outcome: 'unmeasured' }
  | { outcome: 'failed'; at: AbsolutePlace; failure?: string }
  | { outcome: 'no-sample'; at: AbsolutePlace }
  | { outcome: 'above' | 'within'; at: AbsolutePlace; value: number }
);

/** Why a memory size's headroom is checked. */
export type HeadroomRole = 'configured' | 'recommended';

/**
 * Memory headroom at one memory size of the PR (max-memory-used-percent, warn-memory-used-percent): its peak Max
 * Memory Used against the limits. The baseline's peak at the same memory is shown beside it, not tested.
 */
export interface HeadroomFinding {
  kind: 'memory-headroom';
  memoryMb: number;
  roles: readonly HeadroomRole[];
  maxMemoryUsedMb: number;
  /** maxMemoryUsedMb / memoryMb × 100. */
  usedPct: number;
  failPct?: number;
  warnPct?: number;
  baseMaxMemoryUsedMb?: number;
  outcome: 'above-fail' | 'above-warn' | 'within';
}

export type Finding =
  RelativeFinding | UncomparedFinding | BaselineFinding | MonthlyFinding | AbsoluteFinding | HeadroomFinding;
export type FindingKind = Finding['kind'];

/** The level a finding gives the verdict. */
export function levelOf(finding: Finding): VerdictLevel {
  switch (finding.kind) {
    case 'fail-limit':
      return 'fail';
    case 'warn-limit':
    case 'too-few-environments':
    case 'no-drift-estimate':
    case 'nothing-compared':
    case 'baseline-problem':
      return 'warn';
    // Breaking the memory the function is deployed with is a regression; breaking the memory the base happened to
    // recommend may be the PR's deliberate choice of more memory, so it warns.
    case 'pr-failed':
      return isConfigured(finding.at) ? 'fail' : 'warn';
    case 'both-failed':
      return isConfigured(finding.at) ? 'warn' : 'pass';
    case 'monthly-cost':
      return finding.outcome === 'above' ? 'fail' : finding.outcome === 'above-unconfirmed' ? 'warn' : 'pass';
    case 'memory-headroom':
      return finding.outcome === 'above-fail' ? 'fail' : finding.outcome === 'above-warn' ? 'warn' : 'pass';
    case 'absolute-limit':
      // A memory size that fails (a timeout, out of memory) is over any limit, not merely unchecked.
      return finding.outcome === 'above' || finding.outcome === 'failed'
        ? 'fail'
        : finding.outcome === 'within'
          ? 'pass'
          : 'warn';
    default:
      return 'pass';
  }
}

export function isConfigured(place: Place): boolean {
  return place.roles.includes('configured');
}
