// The short plain-text table the CLI and the demo print: figures from the one formatter set, function text made
// inert (a terminal would act on an escape sequence in a failure reason).

import type { RunResult } from '../types.js';
import { costPerMillionUsd, formatMs, formatUsd } from '../lib/format.js';
import { inertText } from '../lib/untrusted.js';

/** A short plain-text table for terminals (the CLI and the demo). */
export function renderTerminalTable(result: RunResult): string {
  const header = ['memory', 'duration', 'p90', 'cost/1M inv.', 'errors', ''];
  const rows = result.powerValues.map((entry) => [
    `${entry.memoryMb} MB`,
    entry.status === 'failed' ? 'failed' : formatMs(entry.duration?.trimmedMean),
    formatMs(entry.duration?.p90),
    formatUsd(costPerMillionUsd(entry.costPerInvocationUsd)),
    `${entry.errors}/${entry.invocations}`,
    entry.memoryMb === result.recommendation?.memoryMb
      ? '← recommended'
      : entry.status === 'failed'
        ? inertText(entry.failureReason ?? '', 160)
        : '',
  ]);
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => (row[column] ?? '').length)));
  return [header, ...rows]
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
