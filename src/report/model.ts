// What a report shows, decided once for every renderer (markdown.ts for the comment and summary, html.ts for the
// artefact): which comparison the headline quotes, the saving, the Δ at each memory size, the rows that matter,
// the links (links.ts; the spend's words are spend-sentences.ts's, the expected cost's cold-start-legend.ts's). Pure
// data and plain words: no markdown, no HTML, no escaping (each renderer escapes what it prints).
// A results file is untrusted input (comment-only mode may render one uploaded by a fork): nothing here trusts a
// URL or text in it beyond what the figures say.

import type { TrendInput } from './trend.js';
import type { MetricComparison, PowerValueResult, RunResult, Verdict, VerdictLevel } from '../types.js';
import { LEVEL_RANK } from '../gate/levels.js';
import { entryAt } from '../results/figures.js';
import { formatCount, formatMemory, formatMs, formatPct, formatUsdDelta, truncateText } from '../lib/format.js';
import { explainNoRecommendation } from '../tuning/analyze.js';
import { memoryUseOf, usedPctText } from '../tuning/headroom.js';

export interface ReportInput {
  result: RunResult;
  verdict?: Verdict | null;
  /** The baseline run, when there is one: the table's Δ columns, the chart's line and the compare link use it. */
  baseline?: RunResult | null;
  /** architectures x86_64,arm64: the other architecture's run (its spend; the table reads result.architectureComparison). */
  otherArchitecture?: RunResult | null;
  /** Link to the workflow run, when known. */
  runUrl?: string;
  /**
   * The result is an earlier run's, carried over (an app's unchanged function): this run spent nothing on it, so the
   * report leaves that run's spend out (the app report already says the function was not measured).
   */
  carried?: boolean;
  /** The default-branch history of this key from the data branch, with its change points (report/trend.ts). */
  trend?: TrendInput | null;
}

export const VERDICT_ICON: Record<VerdictLevel, string> = { pass: '✅', warn: '⚠️', fail: '❌' };
/** The headline's icon when no gate ran. */
export const NO_VERDICT_ICON = '⚡';
/** A fail verdict accepted on purpose (accept-label): still a regression, but the job passes. */
export const ACCEPTED_ICON = '☑️';

// ---------------------------------------------------------------------------------------------------------
// Headline

const KIND_WORDS: Record<MetricComparison['kind'], string> = {
  cost: 'cost per invocation',
  duration: 'duration',
  init: 'Init Duration',
  'monthly-cost': 'monthly cost',
  memory: 'max memory used',
};

/**
 * The comparison the headline quotes: the worst level first; within a level the configured memory (the one with
 * the monthly figure), then cost before duration, significant before not, then the largest change.
 */
export function headlineComparison(verdict: Verdict): MetricComparison | null {
  // A headroom row's change is shown, not tested: the headline quotes cost and duration (the reason says a headroom
  // fail or warn).
  const candidates = verdict.comparisons.filter(
    (row) => row.deltaPct !== null && row.kind !== 'monthly-cost' && row.kind !== 'memory',
  );
  if (candidates.length === 0) return null;
  const monthlyMemory = verdict.comparisons.find((row) => row.kind === 'monthly-cost')?.memoryMb;
  const score = (row: MetricComparison): number[] => [
    LEVEL_RANK[row.level],
    // The configured memory is what production pays for: quote it whenever it is at the worst level.
    row.memoryMb === monthlyMemory ? 1 : 0,
    row.kind === 'cost' ? 1 : 0,
    row.significant ? 1 : 0,
    Math.abs(row.deltaPct ?? 0),
  ];
  const better = (a: number[], b: number[]): boolean => {
    for (let i = 0; i < a.length; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
    return false;
  };
  return candidates.reduce((best, row) => (better(score(row), score(best)) ? row : best));
}

/**
 * "cost per invocation +18.2% at 512 MB, +$42.10/month at 10M invocations/month" (prefixed "no significant
 * change: " when the quoted change is within noise), or null when nothing was compared.
 */
export function headlineNumber(verdict: Verdict, monthlyInvocations: number | undefined): string | null {
  const row = headlineComparison(verdict);
  if (!row) return null;
  const at = row.memoryMb !== undefined ? ` at ${formatMemory(row.memoryMb)}` : '';
  const prefix = row.significant ? '' : 'no significant change: ';
  const parts = [`${prefix}${KIND_WORDS[row.kind]} ${formatPct(row.deltaPct)}${at}`];
  if (verdict.monthlyCostDeltaUsd !== null && Number.isFinite(verdict.monthlyCostDeltaUsd)) {
    const volume = monthlyInvocations ? ` at ${formatCount(monthlyInvocations)} invocations/month` : '';
    parts.push(`${formatUsdDelta(verdict.monthlyCostDeltaUsd)}/month${volume}`);
  }
  return parts.join(', ');
}

/**
 * A warn or fail against a stored run says what the reader should weigh: that run was measured at another time, in
 * other execution environments, which no interval over one run's samples can fully see (docs/gate.md, "Stored
 * baselines"); a live baseline can.
 */
export function storedBaselineNote(verdict: Verdict): string {
  if (verdict.baselineKind !== 'stored' || verdict.level === 'pass') return '';
  return ' — a stored run, measured at another time in other execution environments: it can flag what a live baseline-function would show as noise (docs/gate.md)';
}

// ---------------------------------------------------------------------------------------------------------
// Recommendation

/**
 * The per-invocation costs a projection of switching uses: expected costs (cold starts included) when both the
 * recommendation and the configured memory have one, else warm costs; null when either is unknown.
 */
export function projectedCosts(
  result: RunResult,
): { recommendedUsd: number; currentUsd: number; withColdStarts: boolean } | null {
  const rec = result.recommendation;
  if (!rec || result.current.costPerInvocationUsd === null) return null;
  const recExpected = rec.expectedCostPerInvocationUsd;
  const currentExpected = result.current.expectedCostPerInvocationUsd;
  if (typeof recExpected === 'number' && typeof currentExpected === 'number')
    return { recommendedUsd: recExpected, currentUsd: currentExpected, withColdStarts: true };
  return {
    recommendedUsd: rec.costPerInvocationUsd,
    currentUsd: result.current.costPerInvocationUsd,
    withColdStarts: false,
  };
}

/** Cost saving of the recommendation over the configured memory, percent; null when either is unknown. */
export function savingPct(result: RunResult): number | null {
  const costs = projectedCosts(result);
  if (!costs || costs.currentUsd === 0) return null;
  return (1 - costs.recommendedUsd / costs.currentUsd) * 100;
}

/**
 * What switching to the recommendation changes a month at the configured volume (negative: it saves), or null
 * without a volume, a recommendation or a current cost.
 */
export function monthlyChangeUsd(result: RunResult): number | null {
  const monthly = result.settings.monthlyInvocations;
  const costs = projectedCosts(result);
  if (!monthly || !costs) return null;
  return (costs.recommendedUsd - costs.currentUsd) * monthly;
}

/**
 * Why a run has no recommendation, in one sentence, from its own figures and settings (every size failed, every one
 * used more memory than max-memory-used-percent, none met the percentile limit); null when that cannot be said.
 */
export function noRecommendationReason(result: RunResult): string | null {
  if (result.recommendation || result.dryRun) return null;
  const s = result.settings;
  try {
    return explainNoRecommendation(result.powerValues, {
      strategy: s.strategy,
      balancedWeight: s.balancedWeight,
      ...(s.percentileLimit ? { percentileLimit: s.percentileLimit } : {}),
      sampleRule: s,
      ...(s.maxMemoryUsedPct !== undefined ? { maxMemoryUsedPct: s.maxMemoryUsedPct } : {}),
    });
  } catch {
    // A hand-made results file with the percentile strategy and no limit: the generic sentence stands.
    return null;
  }
}

// ---------------------------------------------------------------------------------------------------------
// The table

export interface DeltaCell {
  deltaPct: number;
  /** Undefined when the gate did not test this memory size. */
  significant?: boolean;
  level?: VerdictLevel;
}

function ratioPct(pr: number | null | undefined, base: number | null | undefined): number | null {
  if (typeof pr !== 'number' || typeof base !== 'number' || !Number.isFinite(pr) || !Number.isFinite(base) || base <= 0)
    return null;
  return (pr / base - 1) * 100;
}

/**
 * Δ at one memory size: the gate's comparison when it compared this memory with the same memory on the base
 * (it knows the significance), else the change of the two runs' own figures, without a significance mark.
 */
export function deltaAt(input: ReportInput, memoryMb: number, kind: 'cost' | 'duration'): DeltaCell | null {
  const tested = input.verdict?.comparisons.find(
    (row) =>
      row.kind === kind &&
      row.memoryMb === memoryMb &&
      (row.baseMemoryMb ?? memoryMb) === memoryMb &&
      row.deltaPct !== null,
  );
  if (tested && tested.deltaPct !== null)
    return { deltaPct: tested.deltaPct, significant: tested.significant, level: tested.level };
  const pr = entryAt(input.result, memoryMb);
  const base = entryAt(input.baseline, memoryMb);
  if (pr?.status !== 'ok' || base?.status !== 'ok') return null;
  const deltaPct =
    kind === 'cost'
      ? ratioPct(pr.costPerInvocationUsd, base.costPerInvocationUsd)
      : ratioPct(pr.duration?.trimmedMean, base.duration?.trimmedMean);
  return deltaPct === null ? null : { deltaPct };
}

/** A memory size's peak Max Memory Used, its share of the size, and the gate's headroom level there. */
export interface MemoryUseCell {
  maxMemoryUsedMb: number;
  usedPct: number;
  /** The gate's headroom check at this memory (absent when it checked none here). */
  level?: VerdictLevel;
}

/** The peak Max Memory Used at a memory size (the figure the headroom checks use), or null without one. */
export function memoryUseAt(input: ReportInput, memoryMb: number): MemoryUseCell | null {
  const entry = entryAt(input.result, memoryMb);
  const use = entry ? memoryUseOf(entry) : null;
  if (!use) return null;
  const check = input.verdict?.comparisons.find((row) => row.kind === 'memory' && row.memoryMb === memoryMb);
  return { maxMemoryUsedMb: use.maxMemoryUsedMb, usedPct: use.usedPct, ...(check ? { level: check.level } : {}) };
}

/** "241 MB (94%)". */
export function memoryUseCellText(cell: MemoryUseCell): string {
  return `${formatMemory(cell.maxMemoryUsedMb)} (${usedPctText(cell.usedPct)})`;
}

/**
 * Δ of the peak Max Memory Used against the baseline at the same memory: a change of two figures, never tested for
 * significance (a peak is one figure per run), so it carries no significance mark.
 */
export function memoryDeltaAt(input: ReportInput, memoryMb: number): DeltaCell | null {
  const deltaPct = ratioPct(
    entryAt(input.result, memoryMb)?.maxMemoryUsedMb,
    entryAt(input.baseline, memoryMb)?.maxMemoryUsedMb,
  );
  return deltaPct === null ? null : { deltaPct };
}

/** The table has the memory columns when some memory size reported Max Memory Used (a column of dashes says nothing). */
export function hasMemoryColumns(input: ReportInput): boolean {
  return input.result.powerValues.some((entry) => memoryUseOf(entry) !== null);
}

/** The table has Δ columns when there is a baseline run or the gate compared some memory size. */
export function hasBaselineColumns(input: ReportInput): boolean {
  return (
    Boolean(input.baseline) ||
    Boolean(input.verdict?.comparisons.some((row) => row.deltaPct !== null && row.memoryMb !== undefined))
  );
}

/** "3 / 10 (Runtime.OutOfMemory ×3, 1 more type)": the most frequent error type only, so the cell stays narrow. */
export function errorsText(entry: PowerValueResult, escape: (text: string) => string = (text) => text): string {
  const types = Object.entries(entry.errorTypes).sort(([, a], [, b]) => b - a);
  const count = `${entry.errors}\u00a0/\u00a0${entry.invocations}`;
  const [top] = types;
  if (!top) return count;
  const more = types.length > 1 ? `, ${types.length - 1} more type${types.length === 2 ? '' : 's'}` : '';
  return `${count} (${escape(truncateText(top[0], 40))} ×${top[1]}${more})`;
}

/** Beyond this many memory sizes (power-values ALL has 46) the table shows the rows that matter, the rest folded. */
export const MAX_TABLE_ROWS = 12;

/** The rows a reviewer needs: recommended, configured, those the gate compared, the fastest and the cheapest. */
export function keyMemorySizes(input: ReportInput): Set<number> {
  const { result } = input;
  const keys = new Set<number>();
  if (result.recommendation) keys.add(result.recommendation.memoryMb);
  keys.add(result.current.memoryMb);
  for (const row of input.verdict?.comparisons ?? []) if (row.memoryMb !== undefined) keys.add(row.memoryMb);
  const ok = result.powerValues.filter(
    (entry) => entry.status === 'ok' && entry.duration && entry.costPerInvocationUsd !== null,
  );
  const fastest = ok.reduce<PowerValueResult | undefined>(
    (best, entry) =>
      !best || (entry.duration?.trimmedMean ?? Infinity) < (best.duration?.trimmedMean ?? Infinity) ? entry : best,
    undefined,
  );
  const cheapest = ok.reduce<PowerValueResult | undefined>(
    (best, entry) =>
      !best || (entry.costPerInvocationUsd ?? Infinity) < (best.costPerInvocationUsd ?? Infinity) ? entry : best,
    undefined,
  );
  if (fastest) keys.add(fastest.memoryMb);
  if (cheapest) keys.add(cheapest.memoryMb);
  return keys;
}

// ---------------------------------------------------------------------------------------------------------
// Details

/** Cold starts and their mean Init Duration, or for SnapStart versions their mean Restore Duration: "1 × 180 ms". */
export function coldStartTexts(entry: PowerValueResult): string[] {
  const parts: string[] = [];
  if (entry.coldStart) parts.push(`${entry.coldStart.count} × ${formatMs(entry.coldStart.mean)}`);
  if (entry.restore) parts.push(`${entry.restore.count} × ${formatMs(entry.restore.mean)} restore`);
  return parts;
}

export interface FirstError {
  memoryMb: number;
  errorType: string;
  errorMessage: string;
}

/**
 * The first error message at each memory size that has one. Messages are kept in results.json only when Lambda
 * wrote them or the user opted in (log-payloads).
 */
export function firstErrors(result: RunResult): FirstError[] {
  return result.powerValues.flatMap((entry) => {
    const sample = entry.samples.find((s) => s.errorType !== undefined && s.errorMessage);
    return sample
      ? [{ memoryMb: entry.memoryMb, errorType: sample.errorType ?? '', errorMessage: sample.errorMessage ?? '' }]
      : [];
  });
}

/**
 * A commit's short SHA (7 hex digits, lower case), or null when the field is not a SHA (a results file and the data
 * branch are untrusted). Up to 64 digits: a SHA-256 repository's commits.
 */
export const shortSha = (sha: string | undefined): string | null =>
  sha && /^[0-9a-f]{7,64}$/i.test(sha) ? sha.slice(0, 7).toLowerCase() : null;
