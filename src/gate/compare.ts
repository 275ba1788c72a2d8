// The gate: two runs (the PR's and the baseline's) and the thresholds in, a verdict per metric and overall out.
// Pure: no I/O, no clock, no randomness, so the same two results.json files always give the same verdict.
//
// Each place (a memory size on both sides) is compared in compare-place.ts; significance is judged here for the
// whole verdict at once. Each comparison gets a finding (findings.ts): what its figures say, as data. Its level
// follows from the finding and its sentence is reasons.ts's; where it is compared is metrics.ts's, the monthly and
// absolute limits limits.ts's.
//
// A relative regression needs both: the estimated change (the ratio of the trimmed means shown in the report)
// above the threshold, AND significance: the confidence interval of the PR/base ratio (stats.ts) excludes 1, with
// at least min-samples successful samples on each side. Improvements are reported by the same rule.

import { entryAt } from '../results/figures.js';
import type { GateSettings, RunResult } from '../types.js';
import { comparePoint, initGated, relativeLimits, type Measured } from './compare-place.js';
import { familyAlpha, holmSignificant } from './family.js';
import type { Finding, Place } from './findings.js';
import { headroomChecks } from './headroom.js';
import { worseLevel } from './levels.js';
import { absoluteChecks, monthlyComparison } from './limits.js';
import { comparisonPoints, isOk, pricesForBase, type ComparisonPoint } from './metrics.js';
import { applyFinding, describeRun, overallReason } from './reasons.js';
import { comparisonRow, type MetricComparison, type Verdict, type VerdictLevel } from './verdict.js';

export interface CompareOptions {
  /** How the report names the baseline, e.g. "data branch entry for abc1234 (the PR base)". */
  baselineDescription?: string;
  /** Without a baseline: why there is none, e.g. "the data branch has no entry for orders-api yet". */
  noBaselineNote?: string;
  /** The baseline could not be read (e.g. a GitHub API error): a warning row, so it never passes silently. */
  baselineProblem?: string;
  /**
   * Stored runs of the baseline (the data branch's recent entries, the baseline itself among them). With 3 or more
   * at a memory size, the drift from one run to the next is estimated from them and added to the interval: a stored
   * baseline was measured at another time, maybe on another runner, which no single run's samples can show.
   */
  history?: RunResult[];
  /**
   * The recommendations compared at (live gate: pinned at its first look, sequential.ts). Default: the PR run's
   * pinned ones when it recorded them (gateSampling.pinned), else each run's recommendation.
   */
  comparedAt?: { recommendedMb: number | null; baseRecommendedMb: number | null };
}

/** The headline comparison: the configured memory when both sides measured it, else the first place they did. */
interface Headline {
  at: Place;
  costDeltaPct: number | null;
  durationDeltaPct: number | null;
  initDurationDeltaPct: number | null;
  monthlyCostDeltaUsd: number | null;
}

export function compareRuns(
  pr: RunResult,
  base: RunResult | null,
  gate: GateSettings,
  monthlyInvocations: number,
  options: CompareOptions = {},
): Verdict {
  return judgeRuns(pr, base, gate, monthlyInvocations, options).verdict;
}

/**
 * compareRuns, and which of its fails are decisive: a relative comparison that fails with its whole interval above
 * the fail limit and a p-value within the verdict's error rate divided by all its comparisons (Bonferroni, Holm's
 * first step). Such a fail stands whatever the other comparisons show, however many more samples they get; the live
 * gate's sequential sampling stops there (sequential.ts), since more blocks elsewhere cannot change the verdict.
 */
export function judgeRuns(
  pr: RunResult,
  base: RunResult | null,
  gate: GateSettings,
  monthlyInvocations: number,
  options: CompareOptions = {},
): { verdict: Verdict; decisive: MetricComparison[] } {
  const comparisons: MetricComparison[] = [];
  let headline: Headline | null = null;
  let decisive: MetricComparison[] = [];

  if (base) {
    const basePrices = pricesForBase(pr, base);
    const points = comparisonPoints(pr, base, options.comparedAt ?? comparedAtOf(pr, base));
    const bothOk = (point: ComparisonPoint) =>
      isOk(entryAt(pr, point.prMemoryMb)) && isOk(entryAt(base, point.baseMemoryMb));
    const headlinePoint =
      points.find((point) => point.roles.includes('configured') && bothOk(point)) ?? points.find(bothOk);
    const measured = points.map((point) => comparePoint(pr, base, basePrices, point, gate, options.history ?? []));
    // Significance is decided for the whole verdict at once (judgeFamily) before the monthly rows copy it.
    const alpha = familyAlpha(pr, base, gate);
    judgeFamily(measured.flat(), alpha);
    const tested = measured.flat().filter((entry) => entry.pValue !== undefined && entry.settle !== undefined);
    decisive = tested
      .filter(
        (entry) =>
          entry.row.level === 'fail' &&
          entry.row.finding?.kind === 'fail-limit' &&
          (entry.row.kind === 'cost' || entry.row.kind === 'duration' || entry.row.kind === 'init') &&
          (entry.row.ciLowPct ?? -Infinity) > (relativeLimits(entry.row.kind, gate).failPct ?? Infinity) &&
          (entry.pValue ?? 1) <= alpha / tested.length,
      )
      .map((entry) => entry.row);
    for (const [index, point] of points.entries()) {
      const here = measured[index] ?? [];
      const rows = here.map((entry) => entry.row);
      comparisons.push(...rows);
      if (point !== headlinePoint) continue;
      const cost = rows.find((row) => row.kind === 'cost');
      const duration = rows.find((row) => row.kind === 'duration');
      const init = rows.find((row) => row.kind === 'init');
      headline = {
        at: point,
        costDeltaPct: cost?.deltaPct ?? null,
        durationDeltaPct: duration?.deltaPct ?? null,
        initDurationDeltaPct: init?.deltaPct ?? null,
        monthlyCostDeltaUsd: null,
      };
      if (cost && cost.prValue !== null && cost.baseValue !== null) {
        const shortfall = here.find((entry) => entry.row === cost)?.shortfall ?? null;
        const expected = expectedAt(pr, base, point);
        const monthly = monthlyComparison(cost, point, gate, monthlyInvocations, expected, shortfall);
        comparisons.push(monthly);
        headline.monthlyCostDeltaUsd = (monthly.prValue ?? 0) - (monthly.baseValue ?? 0);
      }
    }
    if (!headlinePoint) comparisons.push(noticeRow('comparison with the baseline', { kind: 'nothing-compared' }));
  }
  if (!base && options.baselineProblem) {
    comparisons.push(noticeRow('baseline', { kind: 'baseline-problem', problem: options.baselineProblem }));
  }
  comparisons.push(...absoluteChecks(pr, gate));
  const headroom = headroomChecks(pr, base, gate);
  comparisons.push(...headroom);

  const level = comparisons.reduce<VerdictLevel>((worst, row) => worseLevel(worst, row.level), 'pass');
  const baselineDescription = base ? (options.baselineDescription ?? describeRun(base)) : null;
  const reason = overallReason(level, {
    findings: comparisons.flatMap((row) => (row.finding ? [row.finding] : [])),
    baselineDescription,
    headline,
    absoluteLimits:
      gate.maxCostPerInvocationUsd !== undefined ||
      gate.maxDurationMs !== undefined ||
      gate.maxInitDurationMs !== undefined ||
      headroom.length > 0,
    ...(options.noBaselineNote !== undefined ? { noBaselineNote: options.noBaselineNote } : {}),
  });
  const verdict: Verdict = {
    level,
    reason,
    comparisons,
    baselineDescription,
    ...(base
      ? { baselineKind: pr.runId !== undefined && pr.runId === base.runId ? ('live' as const) : ('stored' as const) }
      : {}),
    costDeltaPct: headline?.costDeltaPct ?? null,
    durationDeltaPct: headline?.durationDeltaPct ?? null,
    ...(initGated(gate) ? { initDurationDeltaPct: headline?.initDurationDeltaPct ?? null } : {}),
    monthlyCostDeltaUsd: headline?.monthlyCostDeltaUsd ?? null,
    ...(base && base.function.architecture !== pr.function.architecture
      ? { architectureChange: { from: base.function.architecture, to: pr.function.architecture } }
      : {}),
  };
  return { verdict, decisive };
}

/** The live gate's pinned comparison points, when the PR run recorded them against this baseline. */
function comparedAtOf(pr: RunResult, base: RunResult): CompareOptions['comparedAt'] {
  const live = pr.runId !== undefined && pr.runId === base.runId;
  return live ? pr.gateSampling?.pinned : undefined;
}

/**
 * Both sides' expected cost per invocation at a place (cold starts included), or null when either lacks one: a
 * result from before expected costs, or a cold-start extra that could not be measured. Each side's own prices.
 */
function expectedAt(pr: RunResult, base: RunResult, point: ComparisonPoint): { baseUsd: number; prUsd: number } | null {
  const prUsd = entryAt(pr, point.prMemoryMb)?.expectedCostPerInvocationUsd;
  const baseUsd = entryAt(base, point.baseMemoryMb)?.expectedCostPerInvocationUsd;
  return typeof prUsd === 'number' && typeof baseUsd === 'number' ? { baseUsd, prUsd } : null;
}

/** A row with no figures: a notice about the baseline as a whole. */
function noticeRow(metric: string, finding: Finding): MetricComparison {
  return applyFinding(comparisonRow({ metric, kind: 'cost' }), finding);
}

function judgeFamily(measured: readonly Measured[], alpha: number): void {
  const tested = measured.filter(
    (entry): entry is Required<Measured> => entry.pValue !== undefined && entry.settle !== undefined,
  );
  const significant = holmSignificant(
    tested.map((entry) => entry.pValue),
    alpha,
  );
  tested.forEach((entry, index) => entry.settle(significant[index] ?? false));
}
