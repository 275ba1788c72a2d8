// The short plain-text table the CLI and the demo print: figures from the one formatter set, function text made
// inert (a terminal would act on an escape sequence in a failure reason).

import type { AppVerdict, FunctionOutcome, PowerValueResult, RunResult } from '../types.js';
import { fileSpend, functionSpend, type SpendEntry } from '../results/spend.js';
import { orderOutcomes } from '../gate/app.js';
import { costPerMillionUsd, formatMs, formatUsd, formatUsdDelta } from '../lib/format.js';
import { inertText } from '../lib/untrusted.js';
import { memoryUseOf, usedPctText } from '../tuning/headroom.js';
import { appRow, LEVEL_WORD } from './app.js';
import { coldStartRateOf, expectedCostCell, ratePct } from './cold-start-legend.js';
import { fileSpendSentence, spendSentence } from './spend-sentences.js';

/** A short plain-text table for terminals (the CLI and the demo). */
export function renderTerminalTable(result: RunResult): string {
  // Warm cost and the expected cost with cold starts, as the comment shows them (results from before it: warm only).
  const withExpected = result.powerValues.some((entry) => expectedCostCell(entry) !== null);
  const header = [
    'memory',
    'duration',
    'p90',
    'cost/1M inv.',
    ...(withExpected ? ['expected/1M'] : []),
    'max used',
    'errors',
    '',
  ];
  const rows = result.powerValues.map((entry) => [
    `${entry.memoryMb} MB`,
    entry.status === 'failed' ? 'failed' : formatMs(entry.duration?.trimmedMean),
    formatMs(entry.duration?.p90),
    formatUsd(costPerMillionUsd(entry.costPerInvocationUsd)),
    ...(withExpected ? [expectedText(entry)] : []),
    maxUsedText(entry),
    `${entry.errors}/${entry.invocations}`,
    entry.memoryMb === result.recommendation?.memoryMb
      ? '← recommended'
      : entry.status === 'failed'
        ? inertText(entry.failureReason ?? '', 160)
        : '',
  ]);
  const table = alignColumns([header, ...rows]);
  const rate = coldStartRateOf(result);
  if (!withExpected || rate === null) return table;
  const estimated = result.powerValues.some((entry) => expectedCostCell(entry)?.estimated)
    ? '; ≈: its cold start estimated from another memory size'
    : '';
  return `${table}\n\nexpected: with ${ratePct(rate)} cold starts (cold-start-rate), each adding what its cold start billed${estimated}. The gate compares warm costs; projections and the cost strategy use expected costs.`;
}

/** "$1.23", "≈$1.23" (its cold-start extra estimated from another memory size), "unknown" or "–" (failed). */
function expectedText(entry: PowerValueResult): string {
  if (entry.status === 'failed' || !entry.duration) return '–';
  const cell = expectedCostCell(entry);
  if (!cell || cell.costUsd === null) return 'unknown';
  return `${cell.estimated ? '≈' : ''}${formatUsd(costPerMillionUsd(cell.costUsd))}`;
}

/**
 * What the run spent measuring, for the CLI's closing lines: every function measured and every live baseline
 * (results/spend.ts); null when it measured nothing.
 */
export function renderSpendLine(functions: readonly SpendEntry[]): string | null {
  const [only] = functions;
  const one = functions.length === 1 && only ? functionSpend(only) : null;
  if (one) return spendSentence(one);
  const spend = fileSpend(functions);
  return spend ? fileSpendSentence(spend) : null;
}

/** "243 MB (94%)": the peak Max Memory Used and its share of the memory size (tuning/headroom.ts), or –. */
function maxUsedText(entry: PowerValueResult): string {
  const use = memoryUseOf(entry);
  return use ? `${use.maxMemoryUsedMb} MB (${usedPctText(use.usedPct)})` : '–';
}

/**
 * The app's table for terminals: one row per function, worst first (gate/app.ts orderOutcomes), then the app's
 * verdict. Keys, names and failure reasons come from stacks, config files and functions: made inert.
 */
export function renderAppTerminalTable(outcomes: readonly FunctionOutcome[], verdict: AppVerdict): string {
  const header = ['function', 'verdict', 'memory', 'Δ cost', 'Δ duration', 'monthly Δ'];
  const rows = orderOutcomes(outcomes).map((outcome) => {
    const row = appRow(outcome);
    const verdictText = row.failure !== null ? `failed: ${inertText(row.failure, 120)}` : row.verdictWords;
    return [inertText(outcome.key, 64), verdictText, row.memory, row.costDelta, row.durationDelta, row.monthlyDelta];
  });
  const monthly =
    verdict.monthlyCostDeltaUsd !== null
      ? `${formatUsdDelta(verdict.monthlyCostDeltaUsd)}/month in all`
      : 'monthly cost change unknown';
  return `${alignColumns([header, ...rows])}\n\n${LEVEL_WORD[verdict.level]}, ${monthly}: ${inertText(verdict.reason, 2000)}`;
}

/** Columns padded to their widest cell, trailing spaces trimmed. */
function alignColumns(table: readonly string[][]): string {
  const widths = (table[0] ?? []).map((_, column) => Math.max(...table.map((row) => (row[column] ?? '').length)));
  return table
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
