// The gate: two runs (the PR's and the baseline's) and the thresholds in, a verdict per metric and overall out.
// Pure: no I/O, no clock, no randomness, so the same two results.json files always give the same verdict.
//
// Where it compares (see docs/gate.md for the reasoning):
// - At the configured memory of each side: the PR's MemorySize on the PR side against the base's MemorySize on
//   the base side. This is what merging the PR does to the bill, so a PR that changes MemorySize is judged on the
//   memory it sets. It is the headline (outputs, monthly delta) whenever both sides measured it.
// - At each side's recommended memory, the same memory on both sides: the PR's recommendation (where the
//   function will be tuned to after the merge) and the base's (where it is tuned to now). Comparing one memory
//   size with itself isolates the code's effect from a shift of the recommendation, which noise alone can cause
//   between two memory sizes of nearly equal cost.
// Duplicates collapse into one row ("512 MB (configured, recommended)").
//
// A relative regression needs both: the estimated change (the ratio of the trimmed means shown in the report)
// above the threshold, AND significance: the confidence interval of the PR/base ratio (stats.ts) excludes 1, with
// at least min-samples successful samples on each side. Improvements are reported by the same rule.

import { costPerInvocationUsd } from '../tuning/pricing.js';
import { nearlyEqual } from '../tuning/analyze.js';
import { formatMs, formatUsd } from '../lib/format.js';
import { measuredSamples as measuredSamplesOf } from '../tuning/samples.js';
import { durationStats, trimmedMean } from '../tuning/stats.js';
import type { GateSettings, MetricComparison, PowerValueResult, Prices, RunResult, Sample, Verdict, VerdictLevel } from '../types.js';
import { changeFloor, familyAlpha, holmSignificant } from './family.js';
import { minFailEnvironments } from './looks.js';
import { blockRatioInterval, ratioInterval, runToRunVariance, twoSidedPValue, type RunToRunVariance } from './stats.js';

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
}

type MetricKind = 'cost' | 'duration';

/** One memory pairing to compare: PR at prMemoryMb against base at baseMemoryMb. */
interface ComparisonPoint {
  prMemoryMb: number;
  baseMemoryMb: number;
  /** 'configured', 'recommended', "PR's recommendation", "base's recommendation". */
  roles: string[];
  configured: boolean;
}

const LEVEL_RANK: Record<VerdictLevel, number> = { pass: 0, warn: 1, fail: 2 };

export function compareRuns(pr: RunResult, base: RunResult | null, gate: GateSettings, monthlyInvocations: number, options: CompareOptions = {}): Verdict {
  const comparisons: MetricComparison[] = [];
  let headline: Headline = { costDeltaPct: null, durationDeltaPct: null, monthlyCostDeltaUsd: null, memoryMb: null, label: null };

  if (base) {
    const basePrices = pricesForBase(pr, base);
    const points = comparisonPoints(pr, base);
    const headlinePoint = points.find((point) => point.configured && isOk(entryAt(pr, point.prMemoryMb)) && isOk(entryAt(base, point.baseMemoryMb))) ??
      points.find((point) => isOk(entryAt(pr, point.prMemoryMb)) && isOk(entryAt(base, point.baseMemoryMb)));
    const measured = points.map((point) => comparePoint(pr, base, basePrices, point, gate, options.history ?? []));
    // Significance is decided for the whole verdict at once (judgeFamily) before the monthly rows copy it.
    judgeFamily(measured.flat(), familyAlpha(pr, base, gate));
    for (const [index, point] of points.entries()) {
      const rows = (measured[index] ?? []).map((entry) => entry.row);
      comparisons.push(...rows);
      if (point === headlinePoint) {
        const cost = rows.find((row) => row.kind === 'cost');
        const duration = rows.find((row) => row.kind === 'duration');
        headline = {
          costDeltaPct: cost?.deltaPct ?? null,
          durationDeltaPct: duration?.deltaPct ?? null,
          monthlyCostDeltaUsd: null,
          memoryMb: point.prMemoryMb,
          label: pointLabel(point),
        };
        if (cost && cost.prValue !== null && cost.baseValue !== null) {
          const monthly = monthlyComparison(cost, point, gate, monthlyInvocations);
          comparisons.push(monthly);
          headline.monthlyCostDeltaUsd = (cost.prValue - cost.baseValue) * monthlyInvocations;
        }
      }
    }
    if (!headlinePoint) {
      comparisons.push(
        uncomparedRow('comparison with the baseline', 'cost', 'warn', 'Nothing could be compared with the baseline: no memory size was measured successfully on both sides.'),
      );
    }
  }
  if (!base && options.baselineProblem) {
    comparisons.push(uncomparedRow('baseline', 'cost', 'warn', `No comparison: ${options.baselineProblem}.`));
  }
  comparisons.push(...absoluteChecks(pr, gate));

  const level = comparisons.reduce<VerdictLevel>((worst, row) => (LEVEL_RANK[row.level] > LEVEL_RANK[worst] ? row.level : worst), 'pass');
  const baselineDescription = base ? (options.baselineDescription ?? describeRun(base)) : null;
  return {
    level,
    reason: overallReason(level, comparisons, base !== null, baselineDescription, headline, gate, options.noBaselineNote),
    comparisons,
    baselineDescription,
    ...(base ? { baselineKind: pr.runId !== undefined && pr.runId === base.runId ? ('live' as const) : ('stored' as const) } : {}),
    costDeltaPct: headline.costDeltaPct,
    durationDeltaPct: headline.durationDeltaPct,
    monthlyCostDeltaUsd: headline.monthlyCostDeltaUsd,
  };
}

interface Headline {
  costDeltaPct: number | null;
  durationDeltaPct: number | null;
  monthlyCostDeltaUsd: number | null;
  memoryMb: number | null;
  label: string | null;
}

// ---------------------------------------------------------------------------------------------------------
// Samples

/**
 * Prices for the base side. A price-table update between the two runs is not the PR's doing, so when both ran in
 * the same region on the same architecture the base's samples are priced with the PR's prices; a PR that moves
 * the function to another architecture does change the price, so then each side keeps its own.
 */
/** A row with no figures yet: a notice, or an absolute check that fills in its values. */
function uncomparedRow(metric: string, kind: MetricComparison['kind'], level: VerdictLevel, reason: string): MetricComparison {
  return { metric, kind, baseValue: null, prValue: null, deltaPct: null, ciLowPct: null, ciHighPct: null, significant: false, level, reason };
}

export function pricesForBase(pr: RunResult, base: RunResult): Prices {
  const same = pr.prices.region === base.prices.region && pr.prices.architecture === base.prices.architecture;
  return same ? pr.prices : base.prices;
}

function entryAt(run: RunResult, memoryMb: number): PowerValueResult | undefined {
  return run.powerValues.find((entry) => entry.memoryMb === memoryMb);
}

function isOk(entry: PowerValueResult | undefined): entry is PowerValueResult {
  return entry !== undefined && entry.status === 'ok';
}

/**
 * The samples the run's own statistics use (summarisePowerValue's rule): successful (no error, or an allowed
 * one), and warm unless the run measured cold starts or had nothing else, since each memory size's first
 * invocation is a cold start caused by tuning itself.
 */
export function measuredSamples(run: RunResult, entry: PowerValueResult): Sample[] {
  return measuredSamplesOf(entry.samples, run.settings);
}

export function metricValues(run: RunResult, entry: PowerValueResult, kind: MetricKind, prices: Prices): number[] {
  return measuredSamples(run, entry).map((sample) => metricValue(sample, entry, kind, prices));
}

function metricValue(sample: Sample, entry: PowerValueResult, kind: MetricKind, prices: Prices): number {
  return kind === 'duration' ? sample.durationMs : costPerInvocationUsd(sample.billedDurationMs, entry.memoryMb, prices);
}

/** The metric's values by environment block (Sample.environment; the planned invocations are block 0). */
export function metricBlocks(run: RunResult, entry: PowerValueResult, kind: MetricKind, prices: Prices): Map<number, number[]> {
  const blocks = new Map<number, number[]>();
  for (const sample of measuredSamples(run, entry)) {
    const block = sample.environment ?? 0;
    const values = blocks.get(block) ?? [];
    values.push(metricValue(sample, entry, kind, prices));
    blocks.set(block, values);
  }
  return blocks;
}

// ---------------------------------------------------------------------------------------------------------
// Where to compare

function comparisonPoints(pr: RunResult, base: RunResult): ComparisonPoint[] {
  const candidates: ComparisonPoint[] = [
    { prMemoryMb: pr.current.memoryMb, baseMemoryMb: base.current.memoryMb, roles: ['configured'], configured: true },
  ];
  const prRecommended = pr.recommendation?.memoryMb;
  const baseRecommended = base.recommendation?.memoryMb;
  if (prRecommended !== undefined && prRecommended === baseRecommended) {
    candidates.push({ prMemoryMb: prRecommended, baseMemoryMb: prRecommended, roles: ['recommended'], configured: false });
  } else {
    if (prRecommended !== undefined) candidates.push({ prMemoryMb: prRecommended, baseMemoryMb: prRecommended, roles: ["PR's recommendation"], configured: false });
    if (baseRecommended !== undefined) candidates.push({ prMemoryMb: baseRecommended, baseMemoryMb: baseRecommended, roles: ["base's recommendation"], configured: false });
  }
  const points: ComparisonPoint[] = [];
  for (const candidate of candidates) {
    // A memory size measured on neither side has nothing to say (the configured memory need not be tuned).
    if (!entryAt(pr, candidate.prMemoryMb) && !entryAt(base, candidate.baseMemoryMb)) continue;
    const same = points.find((point) => point.prMemoryMb === candidate.prMemoryMb && point.baseMemoryMb === candidate.baseMemoryMb);
    if (same) {
      same.roles.push(...candidate.roles);
      same.configured ||= candidate.configured;
    } else {
      points.push({ ...candidate, roles: [...candidate.roles] });
    }
  }
  return points;
}

function baseMemory(point: ComparisonPoint): { baseMemoryMb?: number } {
  return point.baseMemoryMb === point.prMemoryMb ? {} : { baseMemoryMb: point.baseMemoryMb };
}

/** "512 MB (configured, recommended)" or "1024 MB against the base's 512 MB (configured)". */
function pointLabel(point: ComparisonPoint): string {
  const memory = point.prMemoryMb === point.baseMemoryMb ? `${point.prMemoryMb} MB` : `${point.prMemoryMb} MB against the base's ${point.baseMemoryMb} MB`;
  return `${memory} (${point.roles.join(', ')})`;
}

function metricName(kind: MetricKind | 'monthly-cost', point: ComparisonPoint): string {
  const what = kind === 'cost' ? 'cost per invocation' : kind === 'duration' ? 'duration' : 'monthly cost';
  return `${what} at ${pointLabel(point)}`;
}

// ---------------------------------------------------------------------------------------------------------
// One point

function comparePoint(pr: RunResult, base: RunResult, basePrices: Prices, point: ComparisonPoint, gate: GateSettings, history: RunResult[]): Measured[] {
  const prEntry = entryAt(pr, point.prMemoryMb);
  const baseEntry = entryAt(base, point.baseMemoryMb);
  const where = pointLabel(point);
  const notComparable = (level: VerdictLevel, reason: string): Measured[] => [
    { row: {
      metric: metricName('cost', point),
      kind: 'cost',
      memoryMb: point.prMemoryMb,
      ...baseMemory(point),
      baseValue: baseEntry?.costPerInvocationUsd ?? null,
      prValue: prEntry?.costPerInvocationUsd ?? null,
      deltaPct: null,
      ciLowPct: null,
      ciHighPct: null,
      significant: false,
      level,
      reason,
    } },
  ];
  if (!prEntry) return notComparable('pass', `Not compared at ${where}: the PR run did not measure ${point.prMemoryMb} MB (its power values differ from the base's).`);
  if (!baseEntry) return notComparable('pass', `Not compared at ${where}: the baseline did not measure ${point.baseMemoryMb} MB (its power values differ from the PR's).`);
  const prFailed = prEntry.status === 'failed';
  const baseFailed = baseEntry.status === 'failed';
  if (prFailed && !baseFailed) {
    // Breaking the memory the function is deployed with is a regression; breaking the memory the base happened
    // to recommend may be the PR's deliberate choice of more memory, so it warns.
    const level: VerdictLevel = point.configured ? 'fail' : 'warn';
    return notComparable(level, `The PR fails at ${where}, where the baseline succeeded: ${prEntry.failureReason ?? 'no successful invocation'}.`);
  }
  if (prFailed && baseFailed) {
    return notComparable(point.configured ? 'warn' : 'pass', `Both runs fail at ${where}, so there is nothing to compare and no regression; the PR ${prEntry.failureReason ?? 'failed'}.`);
  }
  if (baseFailed) {
    return notComparable('pass', `The PR succeeds at ${where}, where the baseline failed (an improvement, not compared): ${baseEntry.failureReason ?? 'failed'}.`);
  }
  return (['cost', 'duration'] as const).map((kind) => compareMetric(pr, base, basePrices, prEntry, baseEntry, point, kind, gate, runToRunAt(pr, history, point.baseMemoryMb, kind)));
}

/**
 * One metric at one point, measured: its row with the figures and the interval, and — when it can be significant
 * at all — its p-value and how to settle it once the family's significance is known (judgeFamily).
 */
interface Measured {
  row: MetricComparison;
  /** Two-sided p-value of "no change"; absent when the comparison cannot be significant. */
  pValue?: number;
  /** Sets the row's significance, level and reason. */
  settle?: (significant: boolean) => void;
}

function compareMetric(
  pr: RunResult,
  base: RunResult,
  basePrices: Prices,
  prEntry: PowerValueResult,
  baseEntry: PowerValueResult,
  point: ComparisonPoint,
  kind: MetricKind,
  gate: GateSettings,
  runToRun: RunToRunVariance | null,
): Measured {
  const prValues = metricValues(pr, prEntry, kind, pr.prices);
  const baseValues = metricValues(base, baseEntry, kind, basePrices);
  const prTrim = pr.settings.discardTopBottom;
  const baseTrim = base.settings.discardTopBottom;
  const prValue = prValues.length > 0 ? trimmedMean(prValues, prTrim) : null;
  const baseValue = baseValues.length > 0 ? trimmedMean(baseValues, baseTrim) : null;
  const metric = metricName(kind, point);
  const name = kind === 'cost' ? 'Cost per invocation' : 'Duration';
  const where = `at ${pointLabel(point)}`;
  const row: MetricComparison = {
    metric,
    kind,
    memoryMb: point.prMemoryMb,
    ...baseMemory(point),
    baseValue,
    prValue,
    deltaPct: null,
    ciLowPct: null,
    ciHighPct: null,
    significant: false,
    level: 'pass',
    reason: '',
  };
  if (prValue === null || baseValue === null || baseValue <= 0) {
    row.reason = `${name} ${where} is not compared: a side has no successful sample.`;
    return { row };
  }
  const deltaPct = (prValue / baseValue - 1) * 100;
  row.deltaPct = deltaPct;
  // Measured in several environments on both sides in one run (the live gate's extra blocks): the environments are
  // the unit. Blocks of two separate runs are not paired: each run's own drift would be missing from their spread.
  const sameRun = pr.runId !== undefined && pr.runId === base.runId;
  const blocked = sameRun
    ? blockRatioInterval(metricBlocks(pr, prEntry, kind, pr.prices), metricBlocks(base, baseEntry, kind, basePrices), prTrim, baseTrim, gate.confidence)
    : null;
  const interval = blocked ?? ratioInterval(prValues, baseValues, prTrim, baseTrim, gate.confidence, runToRun ?? undefined);
  if (interval) {
    row.ciLowPct = (interval.low - 1) * 100;
    row.ciHighPct = (interval.high - 1) * 100;
  }
  const few = Math.min(prValues.length, baseValues.length);
  const confidenceText = `${formatConfidence(gate.confidence)} CI`;
  const drift = blocked
    ? ` over ${blocked.blocks} pairs of execution environments`
    : runToRun && runToRun.variance > 0
      ? `, run-to-run noise of ${runToRun.runs} stored runs included`
      : '';
  const change = `${changeWords(deltaPct)}${interval && !interval.exact ? ` (${confidenceText} ${formatPct(row.ciLowPct)} to ${formatPct(row.ciHighPct)}${drift})` : ''}`;
  if (few < gate.minSamples) {
    const side = prValues.length <= baseValues.length ? 'the PR' : 'the baseline';
    row.reason = `${name} ${where} ${change}, but ${side} has only ${few} measured sample${few === 1 ? '' : 's'} (min-samples is ${gate.minSamples}), so it is not called significant.`;
    return { row };
  }
  if (!interval) {
    row.reason = `${name} ${where} ${change}, with too few samples for a confidence interval.`;
    return { row };
  }
  // Below the practical floor nobody pays for the change or feels it: within noise, whatever the interval says.
  const floor = changeFloor(kind, gate, point.prMemoryMb, pr.prices);
  if (Math.abs(prValue - baseValue) < floor.value) row.belowFloor = true;
  // (An exact tie keeps its own sentence, "unchanged", from settle below.)
  if (row.belowFloor && !(interval.exact && prValue === baseValue)) {
    row.reason = `${name} ${where} ${change}: within noise, a change of ${floor.format(Math.abs(prValue - baseValue))} is below the ${floor.format(floor.value)} floor (${floor.why}).`;
    // Still one of the family (the floor looks at the data, so leaving it out would shrink m after the fact).
    return { row, pValue: twoSidedPValue(interval), settle: () => undefined };
  }
  // A live comparison fails only on enough environments; a stored baseline has one environment per run on each
  // side, which its run-to-run term (with history) accounts for instead.
  const environments = sameRun ? (blocked?.blocks ?? 1) : null;
  const failPct = kind === 'cost' ? gate.maxCostIncreasePct : gate.maxDurationIncreasePct;
  const warnPct = kind === 'cost' ? gate.warnCostIncreasePct : gate.warnDurationIncreasePct;
  const exactNote = interval.exact ? ' (every sample on each side is the same, so the difference is exact)' : '';
  const settle = (significant: boolean): void => {
    const up = significant && interval.low > 1;
    row.significant = significant && (interval.low > 1 || interval.high < 1);
    if (!row.significant) {
      row.reason = interval.exact
        ? `${name} ${where} is unchanged: every sample on each side is the same.`
        : interval.low > 1 || interval.high < 1
          ? `${name} ${where} ${change}, which is not statistically significant once the verdict's other comparisons are accounted for.`
          : `${name} ${where} ${change}, which is not statistically significant.`;
      return;
    }
    if (up) {
      if (failPct !== undefined && exceeds(deltaPct, failPct)) {
        const needed = minFailEnvironments(gate.confidence);
        if (environments !== null && environments < needed) {
          row.level = 'warn';
          row.reason = `${name} ${where} ${change}, significant and above the ${failPct}% fail limit, but measured in ${environments === 1 ? 'one execution environment' : `${environments} pairs of execution environments`} per function: a fail needs ${needed} (raise gate-max-invocations).`;
          return;
        }
        row.level = 'fail';
        row.reason = `${name} ${where} ${change}${exactNote}, significant and above the ${failPct}% fail limit.`;
      } else if (warnPct !== undefined && exceeds(deltaPct, warnPct)) {
        row.level = 'warn';
        row.reason = `${name} ${where} ${change}${exactNote}, significant and above the ${warnPct}% warn limit.`;
      } else {
        const limit = warnPct ?? failPct;
        row.reason = `${name} ${where} ${change}${exactNote}, significant but ${limit === undefined ? 'not limited (no threshold set)' : `within the ${limit}% limit`}.`;
      }
      return;
    }
    const notable = warnPct ?? failPct ?? 0;
    row.reason = exceeds(-deltaPct, notable)
      ? `${name} ${where} ${change}${exactNote}: a significant improvement.`
      : `${name} ${where} ${change}${exactNote}, significant but small.`;
  };
  // Over enough environments to fail, both tests must agree: t for the size, the sign test for the direction
  // (stats.ts). Over fewer, the sign test cannot speak (7 pairs at 95% are its least); t alone decides, and the
  // level stops at warn (settle above).
  const enoughToFail = environments === null || environments >= minFailEnvironments(gate.confidence);
  const pValue = blocked && enoughToFail ? Math.max(twoSidedPValue(interval), blocked.signPValue) : twoSidedPValue(interval);
  return { row, pValue, settle };
}

function judgeFamily(measured: readonly Measured[], alpha: number): void {
  const tested = measured.filter((entry): entry is Required<Measured> => entry.pValue !== undefined && entry.settle !== undefined);
  const significant = holmSignificant(
    tested.map((entry) => entry.pValue),
    alpha,
  );
  tested.forEach((entry, index) => entry.settle(significant[index] ?? false));
}

/** Run-to-run variance of a metric at one memory size, from the stored runs that measured it successfully. */
function runToRunAt(pr: RunResult, history: RunResult[], memoryMb: number, kind: MetricKind): RunToRunVariance | null {
  if (history.length < 3) return null;
  const runs = history.flatMap((run) => {
    const entry = entryAt(run, memoryMb);
    if (!isOk(entry)) return [];
    return [{ values: metricValues(run, entry, kind, pricesForBase(pr, run)), trim: run.settings.discardTopBottom }];
  });
  return runToRunVariance(runs);
}

function monthlyComparison(cost: MetricComparison, point: ComparisonPoint, gate: GateSettings, monthlyInvocations: number): MetricComparison {
  const baseValue = (cost.baseValue ?? 0) * monthlyInvocations;
  const prValue = (cost.prValue ?? 0) * monthlyInvocations;
  const deltaUsd = prValue - baseValue;
  const where = `at ${pointLabel(point)}, for ${monthlyInvocations.toLocaleString('en-US')} invocations a month,`;
  const row: MetricComparison = {
    metric: metricName('monthly-cost', point),
    kind: 'monthly-cost',
    memoryMb: point.prMemoryMb,
    ...baseMemory(point),
    baseValue,
    prValue,
    deltaPct: cost.deltaPct,
    ciLowPct: cost.ciLowPct,
    ciHighPct: cost.ciHighPct,
    significant: cost.significant,
    level: 'pass',
    reason: '',
  };
  const change = `${deltaUsd >= 0 ? 'rises' : 'falls'} by ${formatDollars(Math.abs(deltaUsd))} (${formatDollars(baseValue)} → ${formatDollars(prValue)})`;
  const limit = gate.maxMonthlyCostIncreaseUsd;
  if (limit === undefined) {
    row.reason = `Monthly cost ${where} ${change}; no monthly limit is set.`;
  } else if (exceeds(deltaUsd, limit) && cost.significant && (cost.ciLowPct ?? 0) > 0) {
    row.level = 'fail';
    row.reason = `Monthly cost ${where} ${change}, a significant increase above the ${formatDollars(limit)} limit.`;
  } else if (exceeds(deltaUsd, limit)) {
    row.reason = `Monthly cost ${where} ${change}, above the ${formatDollars(limit)} limit but not statistically significant.`;
  } else {
    row.reason = `Monthly cost ${where} ${change}, within the ${formatDollars(limit)} limit.`;
  }
  return row;
}

// ---------------------------------------------------------------------------------------------------------
// Absolute limits: need no baseline

/** The memory absolute limits apply to: the configured one when it was measured, else the recommendation. */
function judgedEntry(pr: RunResult): { entry: PowerValueResult; label: string } | null {
  const configured = entryAt(pr, pr.current.memoryMb);
  if (configured) return { entry: configured, label: `${configured.memoryMb} MB (configured)` };
  const recommended = pr.recommendation ? entryAt(pr, pr.recommendation.memoryMb) : undefined;
  if (recommended) return { entry: recommended, label: `${recommended.memoryMb} MB (recommended; the configured ${pr.current.memoryMb} MB was not tuned)` };
  return null;
}

function absoluteChecks(pr: RunResult, gate: GateSettings): MetricComparison[] {
  const limits: { kind: MetricKind; limit: number }[] = [];
  if (gate.maxCostPerInvocationUsd !== undefined) limits.push({ kind: 'cost', limit: gate.maxCostPerInvocationUsd });
  if (gate.maxDurationMs !== undefined) limits.push({ kind: 'duration', limit: gate.maxDurationMs });
  if (limits.length === 0 || pr.dryRun) return [];
  const judged = judgedEntry(pr);
  return limits.map(({ kind, limit }) => {
    const statistic = kind === 'cost' ? 'cost per invocation' : `${gate.maxDurationStatistic === 'mean' ? 'mean' : gate.maxDurationStatistic} duration`;
    const row = uncomparedRow(`${statistic} limit`, kind, 'pass', '');
    const shownLimit = kind === 'cost' ? formatUsd(limit) : formatMs(limit);
    if (!judged) {
      row.level = 'warn';
      row.reason = `The ${statistic} limit of ${shownLimit} cannot be checked: neither the configured nor a recommended memory was measured.`;
      return row;
    }
    row.memoryMb = judged.entry.memoryMb;
    row.metric = `${statistic} at ${judged.label}`;
    const value = judged.entry.status === 'ok' ? absoluteValue(pr, judged.entry, kind, gate.maxDurationStatistic) : null;
    row.prValue = value;
    if (value === null) {
      // A memory size that fails (a timeout, out of memory) is over any limit, not merely unchecked.
      row.level = judged.entry.status === 'failed' ? 'fail' : 'warn';
      row.reason =
        judged.entry.status === 'failed'
          ? `The ${statistic} limit of ${shownLimit} is not met at ${judged.label}: it ${judged.entry.failureReason ?? 'failed'}.`
          : `The ${statistic} limit of ${shownLimit} cannot be checked at ${judged.label}: no successful sample.`;
      return row;
    }
    const shown = kind === 'cost' ? formatUsd(value) : formatMs(value);
    if (exceeds(value, limit)) {
      row.level = 'fail';
      row.reason = `The ${statistic} at ${judged.label} is ${shown}, above the ${shownLimit} limit.`;
    } else {
      row.reason = `The ${statistic} at ${judged.label} is ${shown}, within the ${shownLimit} limit.`;
    }
    return row;
  });
}

/** 'mean' is the trimmed mean the report shows (cold-start outliers dropped by discard-top-bottom). */
function absoluteValue(pr: RunResult, entry: PowerValueResult, kind: MetricKind, statistic: GateSettings['maxDurationStatistic']): number | null {
  const values = metricValues(pr, entry, kind, pr.prices);
  if (values.length === 0) return null;
  if (kind === 'cost' || statistic === 'mean') return trimmedMean(values, pr.settings.discardTopBottom);
  const stats = durationStats(values, pr.settings.discardTopBottom);
  if (!stats) return null;
  return statistic === 'p50' ? stats.median : stats[statistic];
}

// ---------------------------------------------------------------------------------------------------------
// Sentences

function formatPct(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '–';
  const rounded = Math.abs(value) < 0.05 ? '0.0' : value.toFixed(1);
  return `${value > 0 && rounded !== '0.0' ? '+' : ''}${rounded}%`;
}

/** Above the limit by more than float noise: 110 / 100 − 1 is 10.000000000000009%, which is not above 10%. */
function exceeds(value: number, limit: number): boolean {
  return value > limit && !nearlyEqual(value, limit);
}

/** Monthly amounts in cents ($1,234.50); amounts under a cent with 3 significant digits. */
function formatDollars(usd: number): string {
  if (Math.abs(usd) < 0.01) return formatUsd(usd);
  return `${usd < 0 ? '-' : ''}$${Math.abs(usd).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

function formatConfidence(confidence: number): string {
  return `${Number((confidence * 100).toFixed(1))}%`;
}

function changeWords(deltaPct: number): string {
  if (Math.abs(deltaPct) < 0.05) return 'is unchanged (0.0%)';
  return `${deltaPct > 0 ? 'rose' : 'fell'} ${Math.abs(deltaPct).toFixed(1)}%`;
}

export function describeRun(run: RunResult): string {
  const sha = run.git?.sha ? ` at ${run.git.sha.slice(0, 7)}` : '';
  return `run of ${run.function.name}${sha} (${run.startedAt.slice(0, 10)})`;
}

function overallReason(
  level: VerdictLevel,
  comparisons: MetricComparison[],
  haveBaseline: boolean,
  baselineDescription: string | null,
  headline: Headline,
  gate: GateSettings,
  noBaselineNote: string | undefined,
): string {
  if (level !== 'pass') {
    const worst = comparisons.filter((row) => row.level === level);
    const first = (worst[0]?.reason ?? '').replace(/\.$/, '');
    const more = worst.length - 1;
    const word = level === 'fail' ? 'failed' : 'warned';
    return more > 0 ? `${first}; ${more} more check${more === 1 ? '' : 's'} ${word}.` : `${first}.`;
  }
  const absolute = gate.maxCostPerInvocationUsd !== undefined || gate.maxDurationMs !== undefined;
  if (!haveBaseline) {
    const none = noBaselineNote ? `No baseline to compare with (${noBaselineNote})` : 'No baseline to compare with';
    return absolute
      ? `${none}, so only the absolute limits apply, and they are met.`
      : `${none} and no absolute limit set, so nothing is gated (a first run never fails for lack of history).`;
  }
  const improvement = comparisons.find((row) => row.significant && (row.deltaPct ?? 0) < 0 && /improvement/.test(row.reason));
  if (headline.label === null) return `Nothing was compared with the ${baselineDescription ?? 'baseline'}.`;
  const deltas = `cost ${formatPct(headline.costDeltaPct)}, duration ${formatPct(headline.durationDeltaPct)} at ${headline.label}`;
  if (improvement) return `No significant regression against the ${baselineDescription ?? 'baseline'} (${deltas}), and ${lowerFirst(improvement.metric)} improved ${formatPct(improvement.deltaPct)}.`;
  return `No significant regression against the ${baselineDescription ?? 'baseline'}: ${deltas}.`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
