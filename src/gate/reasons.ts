// Every sentence the gate writes, in one place: each finding (findings.ts) in words, the names of the places and
// metrics compared, and the verdict's overall reason. Pure. compare.ts decides; this file only words.

import { memoryUseText } from '../tuning/headroom.js';
import { formatConfidence, formatMs, formatPct, formatUnsignedPct, formatUsd, lowerFirst } from '../lib/format.js';
import type { RunResult } from '../types.js';
import type {
  AbsoluteFinding,
  AbsolutePlace,
  Change,
  FailShortfall,
  Finding,
  HeadroomFinding,
  MonthlyFinding,
  Place,
  PlaceRole,
  RelativeFinding,
  RelativeMetric,
} from './findings.js';
import { levelOf } from './findings.js';
import type { MetricComparison, VerdictLevel } from './verdict.js';

const ROLE_WORDS: Record<PlaceRole, string> = {
  configured: 'configured',
  recommended: 'recommended',
  'pr-recommended': "PR's recommendation",
  'base-recommended': "base's recommendation",
};

/** "512 MB", or "1024 MB against the base's 512 MB" when the sides differ. */
export function placeMemory(place: Pick<Place, 'prMemoryMb' | 'baseMemoryMb'>): string {
  return place.prMemoryMb === place.baseMemoryMb
    ? `${place.prMemoryMb} MB`
    : `${place.prMemoryMb} MB against the base's ${place.baseMemoryMb} MB`;
}

/** "512 MB (configured, recommended)" or "1024 MB against the base's 512 MB (configured)". */
export function placeLabel(place: Place): string {
  return `${placeMemory(place)} (${place.roles.map((role) => ROLE_WORDS[role]).join(', ')})`;
}

const METRIC_WORDS: Record<RelativeMetric | 'monthly-cost', string> = {
  cost: 'cost per invocation',
  duration: 'duration',
  init: 'Init Duration',
  'monthly-cost': 'monthly cost',
};

/** A comparison row's name: "cost per invocation at 512 MB (configured, recommended)". */
export function metricName(kind: RelativeMetric | 'monthly-cost', place: Place): string {
  return `${METRIC_WORDS[kind]} at ${placeLabel(place)}`;
}

/** "Cost per invocation", "Duration", "Init Duration": what a relative finding's sentence is about. */
function subjectOf(metric: RelativeMetric): string {
  const words = METRIC_WORDS[metric];
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "run of orders-api at abc1234 (2026-03-01)": a baseline without a description of its own. */
export function describeRun(run: RunResult): string {
  const sha = run.git?.sha ? ` at ${run.git.sha.slice(0, 7)}` : '';
  return `run of ${run.function.name}${sha} (${run.startedAt.slice(0, 10)})`;
}

/** The sentence for one finding. */
export function reasonFor(finding: Finding): string {
  switch (finding.kind) {
    case 'not-measured':
      return finding.side === 'pr'
        ? `Not compared at ${placeLabel(finding.at)}: the PR run did not measure ${finding.at.prMemoryMb} MB (its power values differ from the base's).`
        : finding.reduced
          ? `Not compared at ${placeLabel(finding.at)}: the baseline function is measured only where the gate compares, and no gate-max-invocations or time was left to measure it at ${finding.at.baseMemoryMb} MB.`
          : `Not compared at ${placeLabel(finding.at)}: the baseline did not measure ${finding.at.baseMemoryMb} MB (its power values differ from the PR's).`;
    case 'pr-failed':
      return `The PR fails at ${placeLabel(finding.at)}, where the baseline succeeded: ${finding.failure ?? 'no successful invocation'}.`;
    case 'both-failed':
      return `Both runs fail at ${placeLabel(finding.at)}, so there is nothing to compare and no regression; the PR ${finding.failure ?? 'failed'}.`;
    case 'base-failed':
      return `The PR succeeds at ${placeLabel(finding.at)}, where the baseline failed (an improvement, not compared): ${finding.failure ?? 'failed'}.`;
    case 'nothing-compared':
      return 'Nothing could be compared with the baseline: no memory size was measured successfully on both sides.';
    case 'baseline-problem':
      return `No comparison: ${finding.problem}.`;
    case 'monthly-cost':
      return monthlyReason(finding);
    case 'absolute-limit':
      return absoluteReason(finding);
    case 'memory-headroom':
      return headroomReason(finding);
    default:
      return relativeReason(finding);
  }
}

function relativeReason(finding: RelativeFinding): string {
  const subject = `${subjectOf(finding.metric)} at ${placeLabel(finding.at)}`;
  switch (finding.kind) {
    case 'no-samples':
      return `${subject} is not compared: a side has no successful sample.`;
    case 'unchanged':
      return `${subject} is unchanged: every sample on each side is the same.`;
    case 'too-few-samples': {
      const { samples } = finding;
      const side = finding.side === 'pr' ? 'the PR' : 'the baseline';
      // Init Duration has one sample per cold start, and tuning makes one per execution environment.
      const what =
        finding.metric === 'init'
          ? `cold start${samples === 1 ? '' : 's'} (one per execution environment)`
          : `measured sample${samples === 1 ? '' : 's'}`;
      return `${subject} ${changeText(finding.change)}, but ${side} has only ${samples} ${what} (min-samples is ${finding.minSamples}), so it is not called significant.`;
    }
    case 'no-interval':
      return `${subject} ${changeText(finding.change)}, with too few samples for a confidence interval.`;
    case 'below-floor': {
      const format = (value: number) =>
        finding.metric === 'cost' ? `${formatUsd(value)} per invocation` : formatMs(value);
      const why =
        finding.metric !== 'cost'
          ? 'min-duration-change-ms'
          : `the cost of ${formatMs(finding.floorMs)} at ${finding.at.prMemoryMb} MB, min-duration-change-ms`;
      return `${subject} ${changeText(finding.change)}: within noise, a change of ${format(finding.difference)} is below the ${format(finding.floor)} floor (${why}).`;
    }
    case 'not-significant':
      return finding.afterFamily
        ? `${subject} ${changeText(finding.change)}, which is not statistically significant once the verdict's other comparisons are accounted for.`
        : `${subject} ${changeText(finding.change)}, which is not statistically significant.`;
    case 'too-few-environments':
    case 'no-drift-estimate':
      return `${subject} ${changeText(finding.change)}, significant and above the ${finding.limitPct}% fail limit, but ${shortfallText(finding)}.`;
    case 'fail-limit':
      return `${subject} ${changeText(finding.change)}${exactNote(finding.change)}, significant and above the ${finding.limitPct}% fail limit.`;
    case 'warn-limit':
      return `${subject} ${changeText(finding.change)}${exactNote(finding.change)}, significant and above the ${finding.limitPct}% warn limit.`;
    case 'within-limit': {
      const limit =
        finding.limitPct === undefined ? 'not limited (no threshold set)' : `within the ${finding.limitPct}% limit`;
      return `${subject} ${changeText(finding.change)}${exactNote(finding.change)}, significant but ${limit}.`;
    }
    case 'improvement':
      return `${subject} ${changeText(finding.change)}${exactNote(finding.change)}: a significant improvement.`;
    case 'small-improvement':
      return `${subject} ${changeText(finding.change)}${exactNote(finding.change)}, significant but small.`;
  }
}

/** "rose 12.0% (95% CI +4.1% to +20.3% over 7 pairs of execution environments)". */
export function changeText(change: Change): string {
  const { interval } = change;
  if (!interval || interval.exact) return changeWords(change.deltaPct);
  const basis =
    interval.environments !== undefined
      ? ` over ${interval.environments} pairs of execution environments`
      : interval.storedRuns !== undefined
        ? `, run-to-run noise of ${interval.storedRuns} stored runs included`
        : '';
  return `${changeWords(change.deltaPct)} (${formatConfidence(interval.confidence)} CI ${formatPct(interval.lowPct)} to ${formatPct(interval.highPct)}${basis})`;
}

/**
 * What a comparison lacks before it can fail, and the way out: "measured in 3 pairs of execution environments per
 * function: a fail needs 7 (raise gate-max-invocations)", "measured against 2 stored runs: a fail against a stored
 * baseline needs the drift between runs, …".
 */
function shortfallText(shortfall: FailShortfall): string {
  if (shortfall.kind === 'too-few-environments') {
    const measured =
      shortfall.environments === 1
        ? 'one execution environment'
        : `${shortfall.environments} pairs of execution environments`;
    return `measured in ${measured} per function: a fail needs ${shortfall.needed} (raise gate-max-invocations)`;
  }
  const needs = `a fail against a stored baseline needs the drift between runs, estimated from ${shortfall.needed} stored runs at this memory size`;
  if (!shortfall.history)
    return `measured against one stored run (baseline-file): ${needs} on a data branch (baseline-branch), or a live baseline-function`;
  const runs = `${shortfall.storedRuns} stored run${shortfall.storedRuns === 1 ? '' : 's'}`;
  return `measured against ${runs}: ${needs} (baseline-branch), or a live baseline-function`;
}

function changeWords(deltaPct: number): string {
  if (Math.abs(deltaPct) < 0.05) return 'is unchanged (0.0%)';
  return `${deltaPct > 0 ? 'rose' : 'fell'} ${formatUnsignedPct(deltaPct)}`;
}

function exactNote(change: Change): string {
  return change.interval?.exact ? ' (every sample on each side is the same, so the difference is exact)' : '';
}

function monthlyReason(finding: MonthlyFinding): string {
  const deltaUsd = finding.prUsd - finding.baseUsd;
  const basis = finding.withColdStarts ? ' with cold starts' : '';
  const where = `at ${placeLabel(finding.at)}, for ${finding.invocations.toLocaleString('en-US')} invocations a month${basis},`;
  const change = `${deltaUsd >= 0 ? 'rises' : 'falls'} by ${formatUsd(Math.abs(deltaUsd))} (${formatUsd(finding.baseUsd)} → ${formatUsd(finding.prUsd)})`;
  if (finding.outcome === 'no-limit') return `Monthly cost ${where} ${change}; no monthly limit is set.`;
  const limit = formatUsd(finding.limitUsd);
  if (finding.outcome === 'above')
    return `Monthly cost ${where} ${change}, a significant increase above the ${limit} limit.`;
  if (finding.outcome === 'above-unconfirmed')
    return `Monthly cost ${where} ${change}, a significant increase above the ${limit} limit, but the cost change it projects was ${shortfallText(finding.shortfall)}.`;
  if (finding.outcome === 'above-not-significant')
    return `Monthly cost ${where} ${change}, above the ${limit} limit but not statistically significant.`;
  return `Monthly cost ${where} ${change}, within the ${limit} limit.`;
}

/** "cost per invocation", "p95 duration", "mean Init Duration": what an absolute limit applies to. */
function absoluteStatistic(finding: AbsoluteFinding): string {
  if (finding.metric === 'cost') return 'cost per invocation';
  return finding.metric === 'init' ? 'mean Init Duration' : `${finding.statistic} duration`;
}

/** "1024 MB (configured)", or the recommendation when the configured memory was not tuned. */
function absolutePlaceLabel(at: AbsolutePlace): string {
  return at.untunedConfiguredMb === undefined
    ? `${at.memoryMb} MB (configured)`
    : `${at.memoryMb} MB (recommended; the configured ${at.untunedConfiguredMb} MB was not tuned)`;
}

/** The row name of an absolute limit: "p95 duration at 1024 MB (configured)", or "p95 duration limit" unchecked. */
export function absoluteMetricName(finding: AbsoluteFinding): string {
  return finding.outcome === 'unmeasured'
    ? `${absoluteStatistic(finding)} limit`
    : `${absoluteStatistic(finding)} at ${absolutePlaceLabel(finding.at)}`;
}

function absoluteReason(finding: AbsoluteFinding): string {
  const statistic = absoluteStatistic(finding);
  const show = (value: number) => (finding.metric === 'cost' ? formatUsd(value) : formatMs(value));
  const limit = show(finding.limit);
  switch (finding.outcome) {
    case 'unmeasured':
      return `The ${statistic} limit of ${limit} cannot be checked: neither the configured nor a recommended memory was measured.`;
    case 'failed':
      return `The ${statistic} limit of ${limit} is not met at ${absolutePlaceLabel(finding.at)}: it ${finding.failure ?? 'failed'}.`;
    case 'no-sample':
      return `The ${statistic} limit of ${limit} cannot be checked at ${absolutePlaceLabel(finding.at)}: no successful ${finding.metric === 'init' ? 'cold start' : 'sample'}.`;
    case 'above':
      return `The ${statistic} at ${absolutePlaceLabel(finding.at)} is ${show(finding.value)}, above the ${limit} limit.`;
    case 'within':
      return `The ${statistic} at ${absolutePlaceLabel(finding.at)} is ${show(finding.value)}, within the ${limit} limit.`;
  }
}

/** "max memory used at 256 MB (configured, recommended)". */
export function headroomMetricName(finding: Pick<HeadroomFinding, 'memoryMb' | 'roles'>): string {
  return `max memory used at ${finding.memoryMb} MB (${finding.roles.join(', ')})`;
}

function headroomReason(finding: HeadroomFinding): string {
  const use = { memoryMb: finding.memoryMb, maxMemoryUsedMb: finding.maxMemoryUsedMb, usedPct: finding.usedPct };
  const limit = finding.outcome === 'above-fail' ? finding.failPct : (finding.warnPct ?? finding.failPct);
  const subject = `Max Memory Used at ${finding.memoryMb} MB (${finding.roles.join(', ')}): ${memoryUseText(use, limit)}`;
  const base = finding.baseMaxMemoryUsedMb;
  const was =
    base === undefined
      ? ''
      : base === finding.maxMemoryUsedMb
        ? `; the baseline peaked at the same ${base} MB`
        : `; the baseline peaked at ${base} MB (${base > 0 ? formatPct((finding.maxMemoryUsedMb / base - 1) * 100) : 'n/a'})`;
  switch (finding.outcome) {
    case 'above-fail':
      return `${subject}, above the ${finding.failPct}% max-memory-used-percent limit: a larger input would run it out of memory${was}.`;
    case 'above-warn':
      return `${subject}, above the ${finding.warnPct}% warn-memory-used-percent level${was}.`;
    case 'within':
      return `${subject}, within the ${limit}% ${finding.warnPct !== undefined ? 'warn-memory-used-percent level' : 'max-memory-used-percent limit'}${was}.`;
  }
}

/** What the overall reason needs besides the findings. */
export interface OverallContext {
  /** The findings of every row, in the verdict's order. */
  findings: readonly Finding[];
  /** Null without a baseline. */
  baselineDescription: string | null;
  /** The headline comparison (configured memory when measured on both sides), or null when nothing was compared. */
  headline: {
    at: Place;
    costDeltaPct: number | null;
    durationDeltaPct: number | null;
    /** Present when Init Duration was compared there. */
    initDurationDeltaPct?: number | null;
  } | null;
  /** An absolute limit (max-cost-per-invocation, max-duration-ms, max-init-duration-ms) is set. */
  absoluteLimits: boolean;
  /** Without a baseline: why there is none. */
  noBaselineNote?: string;
}

/** The verdict's one sentence: its worst finding, or what passing means. */
export function overallReason(level: VerdictLevel, context: OverallContext): string {
  if (level !== 'pass') {
    const worst = context.findings.filter((finding) => levelOf(finding) === level);
    const first = worst[0] ? reasonFor(worst[0]).replace(/\.$/, '') : '';
    const more = worst.length - 1;
    const word = level === 'fail' ? 'failed' : 'warned';
    return more > 0 ? `${first}; ${more} more check${more === 1 ? '' : 's'} ${word}.` : `${first}.`;
  }
  const { baselineDescription, headline } = context;
  if (baselineDescription === null) {
    const none = context.noBaselineNote
      ? `No baseline to compare with (${context.noBaselineNote})`
      : 'No baseline to compare with';
    return context.absoluteLimits
      ? `${none}, so only the absolute limits apply, and they are met.`
      : `${none} and no absolute limit set, so nothing is gated (a first run never fails for lack of history).`;
  }
  if (headline === null) return `Nothing was compared with the ${baselineDescription}.`;
  const init =
    headline.initDurationDeltaPct === undefined || headline.initDurationDeltaPct === null
      ? ''
      : `, Init Duration ${formatPct(headline.initDurationDeltaPct)}`;
  const deltas = `cost ${formatPct(headline.costDeltaPct)}, duration ${formatPct(headline.durationDeltaPct)}${init} at ${placeLabel(headline.at)}`;
  const improvement = context.findings.find((finding) => finding.kind === 'improvement');
  if (improvement) {
    return `No significant regression against the ${baselineDescription} (${deltas}), and ${lowerFirst(metricName(improvement.metric, improvement.at))} improved ${formatPct(improvement.change.deltaPct)}.`;
  }
  return `No significant regression against the ${baselineDescription}: ${deltas}.`;
}

/** Gives a row its finding, and the level and the sentence that follow from it. */
export function applyFinding(row: MetricComparison, finding: Finding): MetricComparison {
  row.finding = finding;
  row.level = levelOf(finding);
  row.reason = reasonFor(finding);
  return row;
}

/**
 * A PR that changes the architecture: what its deltas include. Each side ran on its own architecture and is priced
 * at its own architecture's price (metrics.ts pricesForBase), so like is compared with like.
 */
export function architectureChangeSentence(change: { from: string; to: string }): string {
  return `The architecture changed from ${change.from} to ${change.to}: each side was measured on its own architecture and priced at its own architecture's price, so the changes above include the architecture's.`;
}
