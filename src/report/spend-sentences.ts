// What the run spent (issue 20: what a PR costs), in words for every renderer: one function's spend, the whole
// run's (an app's one total line), and how the figures are counted. Plain text: numbers only, nothing to escape.

import type { FileSpend, RunSpend } from '../types.js';
import { formatGbSeconds, formatUsd, formatWallTime } from '../lib/format.js';
import { functionSpend, type FunctionSpend } from '../results/spend.js';
import type { ReportInput } from './model.js';

/** What this run spent measuring the function and a live baseline beside it; null when it spent nothing on it. */
export function reportSpend(input: ReportInput): FunctionSpend | null {
  if (input.carried) return null;
  return functionSpend({
    status: 'measured',
    result: input.result,
    baseline: input.baseline,
    otherArchitecture: input.otherArchitecture,
  });
}

const invocationsWord = (count: number): string =>
  `${count.toLocaleString('en-US')} invocation${count === 1 ? '' : 's'}`;

/** "6.21 GB-s, $0.000129 ($0.0000252 requests + $0.000104 compute), 1 min 12 s of wall time" and the unbilled note. */
function spendFigures(total: RunSpend): string {
  const unbilled = total.invocations - total.billedInvocations;
  const note =
    unbilled > 0
      ? `; ${invocationsWord(unbilled)} without a REPORT record (refused by Lambda, e.g. throttled, which is not billed) ${unbilled === 1 ? 'is' : 'are'} left out of the GB-seconds and dollars`
      : '';
  return `${formatGbSeconds(total.gbSeconds)}, ${formatUsd(total.costUsd)} (${formatUsd(total.requestCostUsd)} requests + ${formatUsd(total.computeCostUsd)} compute), ${formatWallTime(total.wallTimeSeconds)} of wall time${note}`;
}

/**
 * One function's spend in words, plain text (numbers only, nothing to escape): "126 invocations (63 of this function,
 * 63 of the baseline function), 6.21 GB-s, $0.000129 (…), 1 min 12 s of wall time".
 */
export function spendSentence(spend: FunctionSpend): string {
  const parts = [
    ...(spend.baseline ? [`${spend.baseline.invocations.toLocaleString('en-US')} of the baseline function`] : []),
    ...(spend.otherArchitecture
      ? [`${spend.otherArchitecture.invocations.toLocaleString('en-US')} of the other architecture's function`]
      : []),
  ];
  const split =
    parts.length > 0
      ? ` (${[`${spend.function.invocations.toLocaleString('en-US')} of this function`, ...parts].join(', ')})`
      : '';
  return `${invocationsWord(spend.total.invocations)}${split}, ${spendFigures(spend.total)}`;
}

/** The whole run's spend in words (an app's one total line), plain text. */
export function fileSpendSentence(spend: FileSpend): string {
  const functions = `${spend.measuredFunctions} function${spend.measuredFunctions === 1 ? '' : 's'}`;
  const parts = [
    ...(spend.baselines ? [`${spend.baselines.invocations.toLocaleString('en-US')} of their live baselines`] : []),
    ...(spend.otherArchitectures
      ? [`${spend.otherArchitectures.invocations.toLocaleString('en-US')} of their other-architecture functions`]
      : []),
  ];
  const split =
    parts.length > 0
      ? ` (${[`${spend.functions.invocations.toLocaleString('en-US')} of ${functions}`, ...parts].join(', ')})`
      : ` of ${functions}`;
  return `${invocationsWord(spend.total.invocations)}${split}, ${spendFigures(spend.total)}`;
}

/** How the figures are counted, for the report's legend. */
export const SPEND_LEGEND =
  'Every invocation counts (failed, cold, extra rounds); GB-s: Billed Duration × memory, INIT included where billed; on-demand prices, no free tier; wall time: reading the function to the end of clean-up.';
