// What the gate compares, and where: each side's per-invocation values of a metric (the samples the run's own
// statistics use), and the memory sizes at which the PR is compared with the base. Pure.
//
// Where it compares (see docs/gate.md for the reasoning):
// - At the configured memory of each side: the PR's MemorySize on the PR side against the base's MemorySize on
//   the base side. This is what merging the PR does to the bill, so a PR that changes MemorySize is judged on the
//   memory it sets. It is the headline (outputs, monthly delta) whenever both sides measured it.
// - At each side's recommended memory, the same memory on both sides: the PR's recommendation (where the
//   function will be tuned to after the merge) and the base's (where it is tuned to now). Comparing one memory
//   size with itself isolates the code's effect from a shift of the recommendation, which noise alone can cause
//   between two memory sizes of nearly equal cost.
// Duplicates collapse into one place ("512 MB (configured, recommended)").

import { entryAt } from '../results/figures.js';
import { costPerInvocationUsd } from '../tuning/pricing.js';
import { measuredSamples, successfulSamples } from '../tuning/sample-rule.js';
import type { PowerValueResult, Prices, RunResult, Sample } from '../types.js';
import type { Place, PlaceRole, RelativeMetric } from './findings.js';

/** A place to compare (its roles grow while duplicates merge). */
export interface ComparisonPoint extends Place {
  roles: PlaceRole[];
}

/**
 * Prices for the base side. A price-table update between the two runs is not the PR's doing, so when both ran in
 * the same region on the same architecture the base's samples are priced with the PR's prices; a PR that moves
 * the function to another architecture does change the price, so then each side keeps its own.
 */
export function pricesForBase(pr: RunResult, base: RunResult): Prices {
  const same = pr.prices.region === base.prices.region && pr.prices.architecture === base.prices.architecture;
  return same ? pr.prices : base.prices;
}

export function isOk(entry: PowerValueResult | undefined): entry is PowerValueResult {
  return entry !== undefined && entry.status === 'ok';
}

/**
 * The samples a metric is measured on. Cost and duration: the measured samples (tuning/sample-rule.ts: successful,
 * and warm unless the run measured cold starts or had nothing else, since each memory size's first invocation is a
 * cold start caused by tuning itself). Init: the successful cold starts, which are exactly what tuning causes — one
 * per fresh execution environment: each memory size's first planned invocation, each environment block's first,
 * and every invocation of an only-cold-starts run.
 */
export function metricSamples(run: RunResult, entry: PowerValueResult, kind: RelativeMetric): Sample[] {
  if (kind !== 'init') return measuredSamples(entry.samples, run.settings);
  return successfulSamples(entry.samples, run.settings).filter(
    (sample) => sample.coldStart && initMs(sample) !== undefined,
  );
}

/** A cold start's init: Init Duration, or Restore Duration on a SnapStart version (it has no Init Duration). */
function initMs(sample: Sample): number | undefined {
  return sample.initDurationMs ?? sample.restoreDurationMs;
}

/** The metric's value per sample it is measured on (metricSamples). */
export function metricValues(run: RunResult, entry: PowerValueResult, kind: RelativeMetric, prices: Prices): number[] {
  return metricSamples(run, entry, kind).map((sample) => metricValue(sample, entry, kind, prices));
}

function metricValue(sample: Sample, entry: PowerValueResult, kind: RelativeMetric, prices: Prices): number {
  if (kind === 'init') return initMs(sample) ?? 0;
  return kind === 'duration'
    ? sample.durationMs
    : costPerInvocationUsd(sample.billedDurationMs, entry.memoryMb, prices);
}

/**
 * The metric's values by environment block (Sample.environment; the planned invocations are block 0). For Init
 * Duration a block holds its one cold start (the planned block 0 more when invocations ran in parallel).
 */
export function metricBlocks(
  run: RunResult,
  entry: PowerValueResult,
  kind: RelativeMetric,
  prices: Prices,
): Map<number, number[]> {
  const blocks = new Map<number, number[]>();
  for (const sample of metricSamples(run, entry, kind)) {
    const block = sample.environment ?? 0;
    const values = blocks.get(block) ?? [];
    values.push(metricValue(sample, entry, kind, prices));
    blocks.set(block, values);
  }
  return blocks;
}

/**
 * The places to compare: the configured memory of each side, then the recommendations, duplicates merged.
 * `comparedAt`: the recommendations to compare at instead of the runs' own (the live gate pins them at its first
 * look; a baseline measured only where the gate compares has none of its own).
 */
export function comparisonPoints(
  pr: RunResult,
  base: RunResult,
  comparedAt?: { recommendedMb: number | null; baseRecommendedMb: number | null },
): ComparisonPoint[] {
  const candidates: ComparisonPoint[] = [
    { prMemoryMb: pr.current.memoryMb, baseMemoryMb: base.current.memoryMb, roles: ['configured'] },
  ];
  const prRecommended = comparedAt ? (comparedAt.recommendedMb ?? undefined) : pr.recommendation?.memoryMb;
  const baseRecommended = comparedAt
    ? (comparedAt.baseRecommendedMb ?? undefined)
    : base.curve === 'compared'
      ? undefined
      : base.recommendation?.memoryMb;
  // A baseline with no curve of its own (measured only where the gate compares): the recommendation is the PR's.
  const baseHasCurve = comparedAt ? comparedAt.baseRecommendedMb !== null : base.curve !== 'compared';
  if (prRecommended !== undefined && (prRecommended === baseRecommended || !baseHasCurve)) {
    candidates.push({ prMemoryMb: prRecommended, baseMemoryMb: prRecommended, roles: ['recommended'] });
  } else {
    if (prRecommended !== undefined)
      candidates.push({ prMemoryMb: prRecommended, baseMemoryMb: prRecommended, roles: ['pr-recommended'] });
    if (baseRecommended !== undefined)
      candidates.push({ prMemoryMb: baseRecommended, baseMemoryMb: baseRecommended, roles: ['base-recommended'] });
  }
  const points: ComparisonPoint[] = [];
  for (const candidate of candidates) {
    // A memory size measured on neither side has nothing to say (the configured memory need not be tuned).
    if (!entryAt(pr, candidate.prMemoryMb) && !entryAt(base, candidate.baseMemoryMb)) continue;
    const same = points.find(
      (point) => point.prMemoryMb === candidate.prMemoryMb && point.baseMemoryMb === candidate.baseMemoryMb,
    );
    if (same) {
      same.roles.push(...candidate.roles);
    } else {
      points.push({ ...candidate, roles: [...candidate.roles] });
    }
  }
  return points;
}
