// The gate's verdict: a level and a sentence overall, and one row per comparison with its figures, its finding
// (findings.ts) and its sentence (reasons.ts). src/types.ts re-exports these types for the report and the doors.

import type { Architecture } from '../results/schema.js';
import type { AcceptedNote } from './acceptance.js';
import type { Finding, Place } from './findings.js';

export type VerdictLevel = 'pass' | 'warn' | 'fail';

export interface MetricComparison {
  /** e.g. 'cost per invocation at 512 MB (recommended)' */
  metric: string;
  /**
   * memory: a memory headroom check (gate/headroom.ts); its values are the peak Max Memory Used, MB. init: Init
   * Duration over the cold starts (max-/warn-init-duration-increase, max-init-duration-ms).
   */
  kind: 'cost' | 'duration' | 'init' | 'monthly-cost' | 'memory';
  /** The PR side's memory. */
  memoryMb?: number;
  /**
   * The baseline side's memory, when it differs from memoryMb (a PR that changes MemorySize is compared at each
   * side's configured memory). The report shows a comparison in its per-memory table only when both are equal.
   */
  baseMemoryMb?: number;
  baseValue: number | null;
  prValue: number | null;
  /** (pr / base − 1) × 100; null when not comparable. */
  deltaPct: number | null;
  /** Confidence interval of the PR/base ratio, as percent change. */
  ciLowPct: number | null;
  ciHighPct: number | null;
  significant: boolean;
  /** True when the change is under the practical floor (min-duration-change-ms): within noise, whatever the CI. */
  belowFloor?: boolean;
  level: VerdictLevel;
  /** One sentence: reasons.ts's wording of the finding. */
  reason: string;
  /**
   * What the comparison found, as data (findings.ts). compareRuns sets it on every row; verdicts built by hand
   * (report fixtures) may leave it out.
   */
  finding?: Finding;
}

/** What a row is built from: its name and kind, and the figures it has. */
export type RowFigures = Pick<MetricComparison, 'metric' | 'kind'> &
  Partial<
    Pick<
      MetricComparison,
      'memoryMb' | 'baseMemoryMb' | 'baseValue' | 'prValue' | 'deltaPct' | 'ciLowPct' | 'ciHighPct' | 'significant'
    >
  >;

/**
 * A row before its finding: the figures given, every other one empty (null, not significant). Its level and sentence
 * are the finding's (reasons.ts applyFinding); 'pass' and '' until then.
 */
export function comparisonRow({ metric, kind, memoryMb, baseMemoryMb, ...figures }: RowFigures): MetricComparison {
  return {
    metric,
    kind,
    ...(memoryMb === undefined ? {} : { memoryMb }),
    ...(baseMemoryMb === undefined ? {} : { baseMemoryMb }),
    baseValue: null,
    prValue: null,
    deltaPct: null,
    ciLowPct: null,
    ciHighPct: null,
    significant: false,
    ...figures,
    level: 'pass',
    reason: '',
  };
}

/** A row's memory sizes at a place: the PR side's, and the baseline side's only when it differs. */
export function rowMemory(
  place: Pick<Place, 'prMemoryMb' | 'baseMemoryMb'>,
): Pick<RowFigures, 'memoryMb' | 'baseMemoryMb'> {
  return place.baseMemoryMb === place.prMemoryMb
    ? { memoryMb: place.prMemoryMb }
    : { memoryMb: place.prMemoryMb, baseMemoryMb: place.baseMemoryMb };
}

export interface Verdict {
  level: VerdictLevel;
  /** One sentence for the headline. */
  reason: string;
  comparisons: MetricComparison[];
  /** Which baseline was used, in words (e.g. "data branch entry for abc1234 (the PR base)"), or null for none. */
  baselineDescription: string | null;
  /**
   * live: measured in this run beside the PR (baseline-function); stored: an earlier run (file, data branch), measured
   * at another time in other execution environments — the report says what that means for a warn or a fail.
   */
  baselineKind?: 'live' | 'stored';
  costDeltaPct: number | null;
  durationDeltaPct: number | null;
  /** Init Duration at the headline place; present when Init Duration is compared (an Init limit is set). */
  initDurationDeltaPct?: number | null;
  monthlyCostDeltaUsd: number | null;
  /**
   * Set on a fail verdict accepted on purpose (gate/acceptance.ts): who accepted it, when, and which checks it
   * covers. The level stays fail; the job passes and the report says so.
   */
  accepted?: AcceptedNote;
  /**
   * The PR moves the function to another architecture (x86_64 ↔ arm64): each side was measured on its own
   * architecture and priced at its own price (metrics.ts pricesForBase), so the change includes the architecture's.
   */
  architectureChange?: { from: Architecture; to: Architecture };
}
