// The app's verdict: one level and one sentence over every function of the app (issue 15), from each function's
// own verdict. Pure. The rules, as docs/gate.md states them:
// - the app's level is its worst function's: one failing function fails the app;
// - a function that could not be measured (status 'failed') fails the app. It must never pass silently, and a
//   function that now crashes, times out or cannot be prepared is as likely a regression as a slower one; the
//   sentence names it and why;
// - an unchanged function (same code and configuration as its baseline, not measured) counts as a pass;
// - a measured function without a verdict (no gate ran) counts as a pass, as a single run without a gate does;
// - an app with no function at all warns: a stack or a filter that matches nothing is most likely a mistake.
// The monthly cost change is the sum of the functions' known ones. Function keys and failure texts come from stacks,
// config files and the functions themselves: they go through the one sanitiser before they reach the sentence.

import type { AppVerdict, FunctionOutcome, FunctionStatus, MetricComparison } from '../types.js';
import { formatMemory, formatPct, formatUsdDelta } from '../lib/format.js';
import { inertText } from '../lib/untrusted.js';
import { worseLevel } from './levels.js';
import type { VerdictLevel } from './verdict.js';

/** How many functions one part of the sentence names; the rest are counted ("and 4 more"). */
export const MAX_NAMED_FUNCTIONS = 5;
/** A key as the sentence shows it (keys are at most 128 characters; names from a stack can be longer). */
const MAX_KEY_CHARS = 64;
/** A failure's reason as the sentence shows it; the function's own report has it in full. */
const MAX_FAILURE_CHARS = 100;

/**
 * Where a function stands for the app, worst first: its verdict level for a measured function, 'failed' and
 * 'unchanged' for the others. The report orders its rows and keeps its details in this order.
 */
export type FunctionStanding = 'fail' | 'warn' | 'failed' | 'pass' | 'unchanged';

/**
 * fail and warn are what the PR changed for the worse, so they lead; a failed function is next (it needs a look,
 * but says nothing about cost or speed); passes, then unchanged functions, which were not even measured.
 */
export const STANDING_RANK: Readonly<Record<FunctionStanding, number>> = {
  fail: 0,
  warn: 1,
  failed: 2,
  pass: 3,
  unchanged: 4,
};

export function standingOf(outcome: FunctionOutcome): FunctionStanding {
  if (outcome.status === 'failed') return 'failed';
  if (outcome.status === 'unchanged') return 'unchanged';
  return outcome.verdict?.level ?? 'pass';
}

/** The level a function adds to the app's: failed → fail, unchanged → pass (the rules above). */
export function functionLevel(outcome: FunctionOutcome): VerdictLevel {
  const standing = standingOf(outcome);
  if (standing === 'failed') return 'fail';
  if (standing === 'unchanged') return 'pass';
  return standing;
}

/**
 * The functions in report order: worst standing first, then by key. Within a standing the order is the key's, not
 * the size of the change: a re-run's noise then never reshuffles the sticky comment's rows, and a reader finds a
 * function where it was. Keys compare by code unit, the same on every machine and locale.
 */
export function orderOutcomes(outcomes: readonly FunctionOutcome[]): FunctionOutcome[] {
  return [...outcomes].sort(
    (a, b) =>
      STANDING_RANK[standingOf(a)] - STANDING_RANK[standingOf(b)] ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) ||
      (a.functionName < b.functionName ? -1 : a.functionName > b.functionName ? 1 : 0),
  );
}

/**
 * The comparison that gave the function its level, for the sentence: at the verdict's level, with a change, cost
 * before duration, the largest change first. Null when the level came from a row without a change (an absolute
 * limit, a notice).
 */
export function decidingComparison(outcome: FunctionOutcome): MetricComparison | null {
  const verdict = outcome.verdict;
  if (!verdict) return null;
  const rows = verdict.comparisons.filter(
    (row) =>
      row.level === verdict.level && row.deltaPct !== null && row.kind !== 'monthly-cost' && row.kind !== 'memory',
  );
  const score = (row: MetricComparison): number =>
    (row.kind === 'cost' ? 1e9 : 0) + Math.min(Math.abs(row.deltaPct ?? 0), 1e8);
  return rows.reduce<MetricComparison | null>((best, row) => (!best || score(row) > score(best) ? row : best), null);
}

/** A pass whose cost per invocation fell significantly at the configured memory (the verdict's headline change). */
export function isImproved(outcome: FunctionOutcome): boolean {
  if (outcome.status !== 'measured' || outcome.verdict?.level !== 'pass') return false;
  const row = headlineCostRow(outcome);
  return row !== null && (row.deltaPct ?? 0) < 0 && row.significant;
}

/** The cost row the verdict's headline change (costDeltaPct, at the configured memory) comes from. */
function headlineCostRow(outcome: FunctionOutcome): MetricComparison | null {
  const verdict = outcome.verdict;
  if (!verdict || verdict.costDeltaPct === null) return null;
  return verdict.comparisons.find((row) => row.kind === 'cost' && row.deltaPct === verdict.costDeltaPct) ?? null;
}

const keyText = (outcome: FunctionOutcome): string => inertText(outcome.key, MAX_KEY_CHARS);

/** "orders-api (cost +18.2% at 1024 MB)", "orders-api" when no change decided it. */
function namedWithChange(outcome: FunctionOutcome): string {
  return namedWith(outcome, decidingComparison(outcome));
}

function namedWith(outcome: FunctionOutcome, row: MetricComparison | null): string {
  if (!row) return keyText(outcome);
  const at = row.memoryMb !== undefined ? ` at ${formatMemory(row.memoryMb)}` : '';
  const what = row.kind === 'init' ? 'Init Duration' : row.kind;
  return `${keyText(outcome)} (${what} ${formatPct(row.deltaPct)}${at})`;
}

/** An improvement is quoted at the configured memory: the change the table shows. */
const namedWithSaving = (outcome: FunctionOutcome): string => namedWith(outcome, headlineCostRow(outcome));

function namedWithFailure(outcome: FunctionOutcome): string {
  const why = inertText(outcome.failure ?? 'no reason given', MAX_FAILURE_CHARS);
  return `${keyText(outcome)} (${why.replace(/[.\s]+$/, '')})`;
}

/** "a (x), b (y) and 3 more": at most MAX_NAMED_FUNCTIONS named. */
function listed(outcomes: readonly FunctionOutcome[], name: (outcome: FunctionOutcome) => string): string {
  const named = outcomes.slice(0, MAX_NAMED_FUNCTIONS).map(name);
  const more = outcomes.length - named.length;
  return more > 0 ? `${named.join(', ')} and ${more} more` : named.join(', ');
}

const functions = (count: number): string => `${count} function${count === 1 ? '' : 's'}`;

/** The one sentence: what regressed, what warns, what failed, then how many passed and were unchanged. */
function appReason(ordered: readonly FunctionOutcome[], monthlyCostDeltaUsd: number | null): string {
  const total = ordered.length;
  if (total === 0) return 'No function was tuned: the app has no function to measure (check the stack or the filters).';
  const of = (standing: FunctionStanding) => ordered.filter((outcome) => standingOf(outcome) === standing);
  const [fail, warn, failed, pass, unchanged] = [of('fail'), of('warn'), of('failed'), of('pass'), of('unchanged')];
  const parts: string[] = [];
  if (fail.length > 0)
    parts.push(
      `${fail.length} of ${total} ${total === 1 ? 'function' : 'functions'} regressed: ${listed(fail, namedWithChange)}`,
    );
  if (warn.length > 0) parts.push(`${functions(warn.length)} with a warning: ${listed(warn, namedWithChange)}`);
  if (failed.length > 0)
    parts.push(
      `${functions(failed.length)} could not be measured, which fails the gate: ${listed(failed, namedWithFailure)}`,
    );
  const improved = pass.filter(isImproved);
  const rest: string[] = [];
  if (improved.length > 0) rest.push(`${improved.length} improved: ${listed(improved, namedWithSaving)}`);
  if (pass.length > improved.length) rest.push(`${pass.length - improved.length} passed`);
  if (unchanged.length > 0) rest.push(`${unchanged.length} unchanged, not measured`);
  if (parts.length === 0) {
    const all =
      pass.length === total && improved.length === 0
        ? `All ${functions(total)} passed`
        : `No regression in ${functions(total)}`;
    const detail = all.startsWith('All') ? '' : `: ${rest.join('; ')}`;
    const monthly = monthlyCostDeltaUsd !== null ? ` (monthly cost ${formatUsdDelta(monthlyCostDeltaUsd)} in all)` : '';
    return `${all}${detail}${monthly}.`;
  }
  return `${[...parts, ...rest].join('; ')}.`;
}

export function appVerdict(outcomes: readonly FunctionOutcome[]): AppVerdict {
  const ordered = orderOutcomes(outcomes);
  const counts: AppVerdict['counts'] = { measured: 0, unchanged: 0, failed: 0, pass: 0, warn: 0, fail: 0 };
  let level: VerdictLevel = outcomes.length === 0 ? 'warn' : 'pass';
  let monthlyCostDeltaUsd: number | null = null;
  for (const outcome of outcomes) {
    counts[outcome.status satisfies FunctionStatus] += 1;
    const functionLevelOf = functionLevel(outcome);
    counts[functionLevelOf] += 1;
    level = worseLevel(level, functionLevelOf);
    const monthly = outcome.verdict?.monthlyCostDeltaUsd;
    if (typeof monthly === 'number' && Number.isFinite(monthly))
      monthlyCostDeltaUsd = (monthlyCostDeltaUsd ?? 0) + monthly;
  }
  // To a millionth of a dollar: a sum of floating-point products would otherwise show "-$0.00000000000000222".
  if (monthlyCostDeltaUsd !== null) monthlyCostDeltaUsd = Math.round(monthlyCostDeltaUsd * 1e6) / 1e6 || 0;
  return { level, reason: appReason(ordered, monthlyCostDeltaUsd), monthlyCostDeltaUsd, counts };
}
