// One place of the gate (compare.ts): a memory size of the PR's run against its counterpart on the baseline, each
// relative metric (cost, duration, and Init Duration when it is gated) measured — the figures, the interval of the
// PR/base ratio, the finding — and, when it can be significant, its p-value and how to settle it once the verdict's
// family is judged (compare.ts judgeFamily).

import { entryAt } from '../results/figures.js';
import { trimmedMean } from '../tuning/stats.js';
import type { GateSettings, PowerValueResult, Prices, RunResult } from '../types.js';
import { changeFloor } from './family.js';
import type { Change, FailShortfall, RelativeFinding, RelativeMetric, UncomparedFinding } from './findings.js';
import { exceeds } from './limits.js';
import { minFailEnvironments } from './looks.js';
import { isOk, metricBlocks, metricValues, pricesForBase, type ComparisonPoint } from './metrics.js';
import { applyFinding, metricName } from './reasons.js';
import {
  blockRatioInterval,
  MIN_STORED_RUNS,
  ratioInterval,
  runToRunVariance,
  twoSidedPValue,
  type RunToRunVariance,
} from './stats.js';
import { comparisonRow, rowMemory, type MetricComparison } from './verdict.js';

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

/** Every relative metric at one place, or one row saying why the place cannot be compared (not measured, failed). */
export function comparePoint(
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
      storedHistoryAt(pr, history, point.baseMemoryMb, kind),
    ),
  );
}

/**
 * One metric at one place, measured: its row with the figures and the interval, and — when it can be significant
 * at all — its p-value and how to settle it once the family's significance is known (judgeFamily).
 */
export interface Measured {
  row: MetricComparison;
  /** Two-sided p-value of "no change"; absent when the comparison cannot be significant. */
  pValue?: number;
  /** Sets the row's significance and finding. */
  settle?: (significant: boolean) => void;
  /**
   * What the comparison lacks before it can fail; absent when it has the evidence a fail needs. The monthly limit,
   * which projects the cost comparison, cannot fail without it either (limits.ts monthlyComparison).
   */
  shortfall?: FailShortfall;
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
  stored: StoredHistory,
): Measured {
  const { runToRun } = stored;
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
  // A live comparison fails only on enough environments. A stored baseline has one environment per run on each
  // side and was measured at another time: only its run-to-run term (3+ stored runs there) carries the drift
  // between the two runs, and without it that drift would be called a significant change.
  const shortfall = failShortfall(sameRun ? (blocked?.blocks ?? 1) : null, stored, gate.confidence);
  const { failPct, warnPct } = relativeLimits(metric, gate);
  const excludesNoChange = interval.low > 1 || interval.high < 1;
  const settle = (significant: boolean): void => {
    row.significant = significant && excludesNoChange;
    if (!row.significant) {
      found(
        interval.exact ? { kind: 'unchanged' } : { kind: 'not-significant', change, afterFamily: excludesNoChange },
      );
    } else if (interval.low > 1) {
      found(increase(change, shortfall, failPct, warnPct));
    } else {
      // A significant decrease is an improvement beyond the warn limit (else the fail limit), or small.
      found({ kind: exceeds(-deltaPct, warnPct ?? failPct ?? 0) ? 'improvement' : 'small-improvement', change });
    }
  };
  // Over enough environments to fail, both tests must agree: t for the size, the sign test for the direction
  // (stats.ts). Over fewer, the sign test cannot speak (7 pairs at 95% are its least); t alone decides, and the
  // level stops at warn (increase below).
  const enoughToFail = shortfall?.kind !== 'too-few-environments';
  const pValue =
    blocked && enoughToFail ? Math.max(twoSidedPValue(interval), blocked.signPValue) : twoSidedPValue(interval);
  return { row, pValue, settle, ...(shortfall ? { shortfall } : {}) };
}

/**
 * What a comparison lacks before it can fail: environments (live: the pairs it was measured in), or for a stored
 * baseline (environments null) the estimate of the drift between runs. Null when it has the evidence.
 */
function failShortfall(environments: number | null, stored: StoredHistory, confidence: number): FailShortfall | null {
  if (environments !== null) {
    const needed = minFailEnvironments(confidence);
    return environments < needed ? { kind: 'too-few-environments', environments, needed } : null;
  }
  if (stored.runToRun) return null;
  return { kind: 'no-drift-estimate', storedRuns: stored.runs, needed: MIN_STORED_RUNS, history: stored.history };
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

/** A significant increase against the limits: above the fail limit, a fail needs the evidence a fail needs. */
function increase(
  change: Change,
  shortfall: FailShortfall | null,
  failPct: number | undefined,
  warnPct: number | undefined,
): RelativeOutcome {
  if (failPct !== undefined && exceeds(change.deltaPct, failPct)) {
    return shortfall ? { ...shortfall, change, limitPct: failPct } : { kind: 'fail-limit', change, limitPct: failPct };
  }
  if (warnPct !== undefined && exceeds(change.deltaPct, warnPct))
    return { kind: 'warn-limit', change, limitPct: warnPct };
  const limitPct = warnPct ?? failPct;
  return limitPct === undefined ? { kind: 'within-limit', change } : { kind: 'within-limit', change, limitPct };
}

/** What the stored runs say about the drift between runs at one memory size (stored baselines only). */
interface StoredHistory {
  /** Null with fewer than MIN_STORED_RUNS stored runs there. */
  runToRun: RunToRunVariance | null;
  /** The stored runs that measured the memory size, the baseline among them (1 without a history: a lone file). */
  runs: number;
  /** The runs are a data branch's history (else a lone baseline-file). */
  history: boolean;
}

/** Run-to-run variance of a metric at one memory size, from the stored runs that measured it successfully. */
function storedHistoryAt(pr: RunResult, history: RunResult[], memoryMb: number, metric: RelativeMetric): StoredHistory {
  const runs = history.flatMap((run) => {
    const entry = entryAt(run, memoryMb);
    if (!isOk(entry)) return [];
    return [{ values: metricValues(run, entry, metric, pricesForBase(pr, run)), trim: run.settings.discardTopBottom }];
  });
  // A run with fewer than 2 values (Init Duration: one cold start) has no trimmed mean to compare (stats.ts).
  const usable = runs.filter((run) => run.values.length >= 2).length;
  return {
    runToRun: runs.length >= MIN_STORED_RUNS ? runToRunVariance(runs) : null,
    runs: Math.max(1, usable),
    history: history.length > 0,
  };
}
