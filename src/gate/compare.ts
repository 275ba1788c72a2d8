// The gate: two runs (the PR's and the baseline's) and the thresholds in, a verdict per metric and overall out.
// Pure: no I/O, no clock, no randomness, so the same two results.json files always give the same verdict.
//
// Each comparison gets a finding (findings.ts): what its figures say, as data. Its level follows from the finding
// and its sentence is reasons.ts's; where it is compared is metrics.ts's, the monthly and absolute limits
// limits.ts's.
//
// A relative regression needs both: the estimated change (the ratio of the trimmed means shown in the report)
// above the threshold, AND significance: the confidence interval of the PR/base ratio (stats.ts) excludes 1, with
// at least min-samples successful samples on each side. Improvements are reported by the same rule.

import { entryAt } from '../results/figures.js';
import { trimmedMean } from '../tuning/stats.js';
import type { GateSettings, PowerValueResult, Prices, RunResult } from '../types.js';
import { changeFloor, familyAlpha, holmSignificant } from './family.js';
import type { Change, Finding, Place, RelativeFinding, RelativeMetric, UncomparedFinding } from './findings.js';
import { headroomChecks } from './headroom.js';
import { worseLevel } from './levels.js';
import { absoluteChecks, exceeds, monthlyComparison } from './limits.js';
import { minFailEnvironments } from './looks.js';
import { comparisonPoints, isOk, metricBlocks, metricValues, pricesForBase, type ComparisonPoint } from './metrics.js';
import { applyFinding, describeRun, metricName, overallReason } from './reasons.js';
import { blockRatioInterval, ratioInterval, runToRunVariance, twoSidedPValue, type RunToRunVariance } from './stats.js';
import { comparisonRow, rowMemory, type MetricComparison, type Verdict, type VerdictLevel } from './verdict.js';

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
      const rows = (measured[index] ?? []).map((entry) => entry.row);
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
        const monthly = monthlyComparison(cost, point, gate, monthlyInvocations, expectedAt(pr, base, point));
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

/**
 * Init Duration is compared only when a relative Init limit is set: each comparison is one more member of the
 * verdict's family (judgeFamily), which costs the cost and duration comparisons a little power, and one more reason
 * for the live gate to sample further (sequential.ts), which costs invocations.
 */
export function initGated(gate: GateSettings): boolean {
  return gate.maxInitDurationIncreasePct !== undefined || gate.warnInitDurationIncreasePct !== undefined;
}

/** The relative metrics the verdict compares at each place. */
function relativeMetrics(gate: GateSettings): RelativeMetric[] {
  return initGated(gate) ? ['cost', 'duration', 'init'] : ['cost', 'duration'];
}

/** A row with no figures: a notice about the baseline as a whole. */
function noticeRow(metric: string, finding: Finding): MetricComparison {
  return applyFinding(comparisonRow({ metric, kind: 'cost' }), finding);
}

// ---------------------------------------------------------------------------------------------------------
// One place

function comparePoint(
  pr: RunResult,
  base: RunResult,
  basePrices: Prices,
  point: ComparisonPoint,
  gate: GateSettings,
  history: RunResult[],
): Measured[] {
  const prEntry = entryAt(pr, point.prMemoryMb);
  const baseEntry = entryAt(base, point.baseMemoryMb);
  const notComparable = (finding: UncomparedFinding): Measured[] => [
    {
      row: applyFinding(
        comparisonRow({
          metric: metricName('cost', point),
          kind: 'cost',
          ...rowMemory(point),
          baseValue: baseEntry?.costPerInvocationUsd ?? null,
          prValue: prEntry?.costPerInvocationUsd ?? null,
        }),
        finding,
      ),
    },
  ];
  const failure = (entry: PowerValueResult) =>
    entry.failureReason !== undefined ? { failure: entry.failureReason } : {};
  if (!prEntry) return notComparable({ kind: 'not-measured', at: point, side: 'pr' });
  if (!baseEntry)
    return notComparable({
      kind: 'not-measured',
      at: point,
      side: 'base',
      ...(base.curve === 'compared' ? { reduced: true } : {}),
    });
  const prFailed = prEntry.status === 'failed';
  const baseFailed = baseEntry.status === 'failed';
  if (prFailed && !baseFailed) return notComparable({ kind: 'pr-failed', at: point, ...failure(prEntry) });
  if (prFailed && baseFailed) return notComparable({ kind: 'both-failed', at: point, ...failure(prEntry) });
  if (baseFailed) return notComparable({ kind: 'base-failed', at: point, ...failure(baseEntry) });
  return relativeMetrics(gate).map((kind) =>
    compareMetric(
      pr,
      base,
      basePrices,
      prEntry,
      baseEntry,
      point,
      kind,
      gate,
      runToRunAt(pr, history, point.baseMemoryMb, kind),
    ),
  );
}

/**
 * One metric at one place, measured: its row with the figures and the interval, and — when it can be significant
 * at all — its p-value and how to settle it once the family's significance is known (judgeFamily).
 */
interface Measured {
  row: MetricComparison;
  /** Two-sided p-value of "no change"; absent when the comparison cannot be significant. */
  pValue?: number;
  /** Sets the row's significance and finding. */
  settle?: (significant: boolean) => void;
}

function compareMetric(
  pr: RunResult,
  base: RunResult,
  basePrices: Prices,
  prEntry: PowerValueResult,
  baseEntry: PowerValueResult,
  point: ComparisonPoint,
  metric: RelativeMetric,
  gate: GateSettings,
  runToRun: RunToRunVariance | null,
): Measured {
  // Measured in one run (a live baseline), the two sides are compared on the environment blocks both have: a block
  // with no twin on the other side — the PR's planned invocations at a memory size the baseline was not planned at,
  // or a block whose other version could not be prepared — ran in another time window, so it is left out.
  const sameRun = pr.runId !== undefined && pr.runId === base.runId;
  const prBlocks = metricBlocks(pr, prEntry, metric, pr.prices);
  const baseBlocks = metricBlocks(base, baseEntry, metric, basePrices);
  const shared = sameRun ? [...prBlocks.keys()].filter((block) => baseBlocks.has(block)) : [];
  const pairedOnly = shared.length > 0 && (shared.length < prBlocks.size || shared.length < baseBlocks.size);
  const valuesIn = (blocks: Map<number, number[]>) => shared.flatMap((block) => blocks.get(block) ?? []);
  const prValues = pairedOnly ? valuesIn(prBlocks) : metricValues(pr, prEntry, metric, pr.prices);
  const baseValues = pairedOnly ? valuesIn(baseBlocks) : metricValues(base, baseEntry, metric, basePrices);
  const prTrim = pr.settings.discardTopBottom;
  const baseTrim = base.settings.discardTopBottom;
  const prValue = prValues.length > 0 ? trimmedMean(prValues, prTrim) : null;
  const baseValue = baseValues.length > 0 ? trimmedMean(baseValues, baseTrim) : null;
  const row = comparisonRow({
    metric: metricName(metric, point),
    kind: metric,
    ...rowMemory(point),
    baseValue,
    prValue,
  });
  const found = (outcome: RelativeOutcome): void => {
    applyFinding(row, { ...outcome, metric, at: point });
  };
  if (prValue === null || baseValue === null || baseValue <= 0) {
    found({ kind: 'no-samples' });
    return { row };
  }
  const deltaPct = (prValue / baseValue - 1) * 100;
  row.deltaPct = deltaPct;
  // Measured in several environments on both sides in one run (the live gate's extra blocks): the environments are
  // the unit. Blocks of two separate runs are not paired: each run's own drift would be missing from their spread.
  const blocked = sameRun ? blockRatioInterval(prBlocks, baseBlocks, prTrim, baseTrim, gate.confidence) : null;
  const interval =
    blocked ?? ratioInterval(prValues, baseValues, prTrim, baseTrim, gate.confidence, runToRun ?? undefined);
  const change: Change = { deltaPct };
  if (interval) {
    row.ciLowPct = (interval.low - 1) * 100;
    row.ciHighPct = (interval.high - 1) * 100;
    change.interval = {
      lowPct: row.ciLowPct,
      highPct: row.ciHighPct,
      confidence: gate.confidence,
      exact: interval.exact,
      ...(blocked
        ? { environments: blocked.blocks }
        : runToRun && runToRun.variance > 0
          ? { storedRuns: runToRun.runs }
          : {}),
    };
  }
  const few = Math.min(prValues.length, baseValues.length);
  if (few < gate.minSamples) {
    found({
      kind: 'too-few-samples',
      change,
      side: prValues.length <= baseValues.length ? 'pr' : 'base',
      samples: few,
      minSamples: gate.minSamples,
    });
    return { row };
  }
  if (!interval) {
    found({ kind: 'no-interval', change });
    return { row };
  }
  // Below the practical floor nobody pays for the change or feels it: within noise, whatever the interval says.
  const floor = changeFloor(metric, gate, point.prMemoryMb, pr.prices);
  if (Math.abs(prValue - baseValue) < floor) row.belowFloor = true;
  // (An exact tie keeps its own finding, "unchanged", from settle below.)
  if (row.belowFloor && !(interval.exact && prValue === baseValue)) {
    found({
      kind: 'below-floor',
      change,
      difference: Math.abs(prValue - baseValue),
      floor,
      floorMs: gate.minDurationChangeMs,
    });
    // Still one of the family (the floor looks at the data, so leaving it out would shrink m after the fact).
    return { row, pValue: twoSidedPValue(interval), settle: () => undefined };
  }
  // A live comparison fails only on enough environments; a stored baseline has one environment per run on each
  // side, which its run-to-run term (with history) accounts for instead.
  const environments = sameRun ? (blocked?.blocks ?? 1) : null;
  const { failPct, warnPct } = relativeLimits(metric, gate);
  const excludesNoChange = interval.low > 1 || interval.high < 1;
  const settle = (significant: boolean): void => {
    row.significant = significant && excludesNoChange;
    if (!row.significant) {
      found(
        interval.exact ? { kind: 'unchanged' } : { kind: 'not-significant', change, afterFamily: excludesNoChange },
      );
    } else if (interval.low > 1) {
      found(increase(change, environments, failPct, warnPct, gate.confidence));
    } else {
      // A significant decrease is an improvement beyond the warn limit (else the fail limit), or small.
      found({ kind: exceeds(-deltaPct, warnPct ?? failPct ?? 0) ? 'improvement' : 'small-improvement', change });
    }
  };
  // Over enough environments to fail, both tests must agree: t for the size, the sign test for the direction
  // (stats.ts). Over fewer, the sign test cannot speak (7 pairs at 95% are its least); t alone decides, and the
  // level stops at warn (increase below).
  const enoughToFail = environments === null || environments >= minFailEnvironments(gate.confidence);
  const pValue =
    blocked && enoughToFail ? Math.max(twoSidedPValue(interval), blocked.signPValue) : twoSidedPValue(interval);
  return { row, pValue, settle };
}

/** A relative metric's fail and warn limits, percent (undefined: not checked). */
export function relativeLimits(
  metric: RelativeMetric,
  gate: GateSettings,
): { failPct: number | undefined; warnPct: number | undefined } {
  switch (metric) {
    case 'cost':
      return { failPct: gate.maxCostIncreasePct, warnPct: gate.warnCostIncreasePct };
    case 'duration':
      return { failPct: gate.maxDurationIncreasePct, warnPct: gate.warnDurationIncreasePct };
    case 'init':
      return { failPct: gate.maxInitDurationIncreasePct, warnPct: gate.warnInitDurationIncreasePct };
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** A relative finding without its metric and place, which compareMetric adds. */
type RelativeOutcome = DistributiveOmit<RelativeFinding, 'metric' | 'at'>;

/** A significant increase against the limits: a fail needs the environments a fail needs (looks.ts). */
function increase(
  change: Change,
  environments: number | null,
  failPct: number | undefined,
  warnPct: number | undefined,
  confidence: number,
): RelativeOutcome {
  if (failPct !== undefined && exceeds(change.deltaPct, failPct)) {
    const needed = minFailEnvironments(confidence);
    if (environments !== null && environments < needed)
      return { kind: 'too-few-environments', change, limitPct: failPct, environments, needed };
    return { kind: 'fail-limit', change, limitPct: failPct };
  }
  if (warnPct !== undefined && exceeds(change.deltaPct, warnPct))
    return { kind: 'warn-limit', change, limitPct: warnPct };
  const limitPct = warnPct ?? failPct;
  return limitPct === undefined ? { kind: 'within-limit', change } : { kind: 'within-limit', change, limitPct };
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

/** Run-to-run variance of a metric at one memory size, from the stored runs that measured it successfully. */
function runToRunAt(
  pr: RunResult,
  history: RunResult[],
  memoryMb: number,
  metric: RelativeMetric,
): RunToRunVariance | null {
  if (history.length < 3) return null;
  const runs = history.flatMap((run) => {
    const entry = entryAt(run, memoryMb);
    if (!isOk(entry)) return [];
    return [{ values: metricValues(run, entry, metric, pricesForBase(pr, run)), trim: run.settings.discardTopBottom }];
  });
  return runToRunVariance(runs);
}
