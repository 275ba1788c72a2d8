// The limits that are not a relative change of one metric: the monthly cost change at the headline place
// (max-monthly-cost-increase) and the absolute limits (max-cost-per-invocation, max-duration-ms,
// max-init-duration-ms), which need no baseline. Pure; the sentences are reasons.ts's.

import { entryAt } from '../results/figures.js';
import { nearlyEqual } from '../tuning/analyze.js';
import { durationStats, trimmedMean } from '../tuning/stats.js';
import type { GateSettings, PowerValueResult, RunResult } from '../types.js';
import type { AbsoluteFinding, AbsolutePlace, FailShortfall, MonthlyFinding, RelativeMetric } from './findings.js';
import type { ComparisonPoint } from './metrics.js';
import { metricValues } from './metrics.js';
import { absoluteMetricName, applyFinding, metricName } from './reasons.js';
import { comparisonRow, rowMemory, type MetricComparison } from './verdict.js';

/** Above the limit by more than float noise: 110 / 100 − 1 is 10.000000000000009%, which is not above 10%. */
export function exceeds(value: number, limit: number): boolean {
  return value > limit && !nearlyEqual(value, limit);
}

/**
 * The monthly cost row at the headline place, from its cost row's significance. A projection of the bill, so it
 * uses the expected cost per invocation (cold starts included, tuning/cold-cost.ts) when both sides have one, else
 * the warm cost of the cost row. Its significance stays the warm cost's: the cold-start part rests on one cold
 * start per environment, which the Init Duration comparison judges. Nor can it fail where the cost comparison could
 * not (shortfall: too few environments, no estimate of the drift between runs): the same figures, so the same
 * evidence, and a projection of noise is noise.
 */
export function monthlyComparison(
  cost: MetricComparison,
  point: ComparisonPoint,
  gate: GateSettings,
  monthlyInvocations: number,
  expected: { baseUsd: number; prUsd: number } | null = null,
  shortfall: FailShortfall | null = null,
): MetricComparison {
  const baseUsd = (expected ? expected.baseUsd : (cost.baseValue ?? 0)) * monthlyInvocations;
  const prUsd = (expected ? expected.prUsd : (cost.prValue ?? 0)) * monthlyInvocations;
  const deltaUsd = prUsd - baseUsd;
  const limitUsd = gate.maxMonthlyCostIncreaseUsd;
  const common: Omit<MonthlyFinding, 'outcome' | 'limitUsd'> = {
    kind: 'monthly-cost',
    at: point,
    invocations: monthlyInvocations,
    baseUsd,
    prUsd,
    ...(expected ? { withColdStarts: true as const } : {}),
  };
  const significantIncrease = cost.significant && (cost.ciLowPct ?? 0) > 0;
  const finding: MonthlyFinding =
    limitUsd === undefined
      ? { ...common, outcome: 'no-limit' }
      : !exceeds(deltaUsd, limitUsd)
        ? { ...common, limitUsd, outcome: 'within' }
        : !significantIncrease
          ? { ...common, limitUsd, outcome: 'above-not-significant' }
          : shortfall
            ? { ...common, limitUsd, outcome: 'above-unconfirmed', shortfall }
            : { ...common, limitUsd, outcome: 'above' };
  const row = comparisonRow({
    metric: metricName('monthly-cost', point),
    kind: 'monthly-cost',
    ...rowMemory(point),
    baseValue: baseUsd,
    prValue: prUsd,
    deltaPct: cost.deltaPct,
    ciLowPct: cost.ciLowPct,
    ciHighPct: cost.ciHighPct,
    significant: cost.significant,
  });
  return applyFinding(row, finding);
}

/** The memory absolute limits apply to: the configured one when it was measured, else the recommendation. */
function judgedEntry(pr: RunResult): { entry: PowerValueResult; at: AbsolutePlace } | null {
  const configured = entryAt(pr, pr.current.memoryMb);
  if (configured) return { entry: configured, at: { memoryMb: configured.memoryMb } };
  const recommended = pr.recommendation ? entryAt(pr, pr.recommendation.memoryMb) : undefined;
  if (recommended)
    return { entry: recommended, at: { memoryMb: recommended.memoryMb, untunedConfiguredMb: pr.current.memoryMb } };
  return null;
}

export function absoluteChecks(pr: RunResult, gate: GateSettings): MetricComparison[] {
  const limits: { metric: RelativeMetric; limit: number }[] = [];
  if (gate.maxCostPerInvocationUsd !== undefined) limits.push({ metric: 'cost', limit: gate.maxCostPerInvocationUsd });
  if (gate.maxDurationMs !== undefined) limits.push({ metric: 'duration', limit: gate.maxDurationMs });
  if (gate.maxInitDurationMs !== undefined) limits.push({ metric: 'init', limit: gate.maxInitDurationMs });
  if (limits.length === 0 || pr.dryRun) return [];
  const judged = judgedEntry(pr);
  return limits.map(({ metric, limit }) => {
    const common = {
      kind: 'absolute-limit',
      metric,
      statistic: metric === 'duration' ? gate.maxDurationStatistic : 'mean',
      limit,
    } as const;
    let finding: AbsoluteFinding;
    let value: number | null = null;
    if (!judged) {
      finding = { ...common, outcome: 'unmeasured' };
    } else {
      value = judged.entry.status === 'ok' ? absoluteValue(pr, judged.entry, metric, gate.maxDurationStatistic) : null;
      if (value === null) {
        finding =
          judged.entry.status === 'failed'
            ? {
                ...common,
                outcome: 'failed',
                at: judged.at,
                ...(judged.entry.failureReason !== undefined ? { failure: judged.entry.failureReason } : {}),
              }
            : { ...common, outcome: 'no-sample', at: judged.at };
      } else {
        finding = { ...common, outcome: exceeds(value, limit) ? 'above' : 'within', at: judged.at, value };
      }
    }
    const row = comparisonRow({
      metric: absoluteMetricName(finding),
      kind: metric,
      memoryMb: judged?.entry.memoryMb,
      prValue: value,
    });
    return applyFinding(row, finding);
  });
}

/**
 * 'mean' is the trimmed mean the report shows (cold-start outliers dropped by discard-top-bottom). Init Duration is
 * the trimmed mean of the cold starts (one per environment: a single one without the live gate's extra blocks).
 */
function absoluteValue(
  pr: RunResult,
  entry: PowerValueResult,
  metric: RelativeMetric,
  statistic: GateSettings['maxDurationStatistic'],
): number | null {
  const values = metricValues(pr, entry, metric, pr.prices);
  if (values.length === 0) return null;
  if (metric !== 'duration' || statistic === 'mean') return trimmedMean(values, pr.settings.discardTopBottom);
  const stats = durationStats(values, pr.settings.discardTopBottom);
  if (!stats) return null;
  return statistic === 'p50' ? stats.median : stats[statistic];
}
