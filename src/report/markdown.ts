// The report body (job summary, PR comment, report.md): data in, string out.

import type { PowerValueResult, RunResult, Verdict } from '../types.js';
import { escapeMarkdown, formatMs, formatPct, formatUsd } from './format.js';

export interface ReportInput {
  result: RunResult;
  verdict?: Verdict | null;
  /** Link to the workflow run, when known. */
  runUrl?: string;
}

const VERDICT_ICON = { pass: '✅', warn: '⚠️', fail: '❌' } as const;

export function renderReport(input: ReportInput): string {
  const { result } = input;
  const sections = [
    headline(input),
    recommendationSection(result),
    powerValueTable(result),
    failures(result),
    links(input),
    details(result),
  ];
  return sections.filter((section) => section.length > 0).join('\n\n') + '\n';
}

function headline({ result, verdict }: ReportInput): string {
  const name = escapeMarkdown(result.function.name);
  if (result.dryRun) return `### 🧪 Lambda power tuning dry run: \`${name}\``;
  const icon = verdict ? VERDICT_ICON[verdict.level] : '⚡';
  const title = `### ${icon} Lambda power tuning: \`${name}\``;
  return verdict ? `${title}\n\n${escapeMarkdown(verdict.reason)}` : title;
}

export function savingPct(result: RunResult): number | null {
  const recommended = result.recommendation?.costPerInvocationUsd;
  const current = result.current.costPerInvocationUsd;
  if (recommended === undefined || current === null || current === 0) return null;
  return (1 - recommended / current) * 100;
}

function recommendationSection(result: RunResult): string {
  if (result.dryRun) {
    const invocations = result.settings.invocationsPerValue * result.settings.powerValuesMb.length;
    return `Would tune ${result.settings.powerValuesMb.join(', ')} MB with ${result.settings.invocationsPerValue} invocations each (${invocations} in all, strategy \`${result.settings.strategy}\`). Nothing was changed or invoked.`;
  }
  const rec = result.recommendation;
  if (!rec) return `**No recommendation:** no memory size met the \`${result.settings.strategy}\` strategy's conditions.`;
  const lines = [
    `**Recommended: ${rec.memoryMb} MB** (strategy \`${rec.strategy}\`) — ${formatUsd(rec.costPerInvocationUsd)} and ${formatMs(rec.durationMs)} per invocation. ${escapeMarkdown(rec.reason)}`,
  ];
  const saving = savingPct(result);
  if (rec.memoryMb === result.current.memoryMb) {
    lines.push(`The function already runs at ${rec.memoryMb} MB.`);
  } else if (saving !== null) {
    const word = saving >= 0 ? 'cheaper' : 'more expensive';
    lines.push(
      `Currently ${result.current.memoryMb} MB (${formatUsd(result.current.costPerInvocationUsd)}, ${formatMs(result.current.durationMs)}): the recommendation is ${Math.abs(saving).toFixed(1)}% ${word}.`,
    );
  } else {
    lines.push(`Currently ${result.current.memoryMb} MB (not among the tuned memory sizes).`);
  }
  if (result.applied) {
    lines.push(
      result.applied.target === 'alias'
        ? `Applied: alias \`${escapeMarkdown(result.applied.alias ?? '')}\` → version ${result.applied.version} (${result.applied.memoryMb} MB).`
        : `Applied: $LATEST now has ${result.applied.memoryMb} MB.`,
    );
  }
  return lines.join('\n');
}

function powerValueTable(result: RunResult): string {
  if (result.dryRun) return '';
  const rows = result.powerValues.map((entry) => {
    const mark = entry.memoryMb === result.recommendation?.memoryMb ? ' ⭐' : entry.memoryMb === result.current.memoryMb ? ' (current)' : '';
    if (entry.status === 'failed') {
      return `| ${entry.memoryMb} MB${mark} | ❌ failed | – | – | – | ${errorsCell(entry)} |`;
    }
    const stats = entry.duration;
    return `| ${entry.memoryMb} MB${mark} | ${formatMs(stats?.trimmedMean)} | ${formatMs(stats?.p90)} | ${formatUsd(entry.costPerInvocationUsd)} | ${formatMs(entry.coldStart?.mean)} | ${errorsCell(entry)} |`;
  });
  return [
    '| Memory | Duration (trimmed mean) | p90 | Cost / invocation | Init (cold) | Errors |',
    '|---:|---:|---:|---:|---:|:---|',
    ...rows,
  ].join('\n');
}

function errorsCell(entry: PowerValueResult): string {
  if (entry.errors === 0 && Object.keys(entry.errorTypes).length === 0) return `0 / ${entry.invocations}`;
  const types = Object.entries(entry.errorTypes)
    .map(([type, count]) => `${escapeMarkdown(type)} ×${count}`)
    .join(', ');
  return `${entry.errors} / ${entry.invocations} (${types})`;
}

function failures(result: RunResult): string {
  const failed = result.powerValues.filter((entry) => entry.status === 'failed');
  if (failed.length === 0) return '';
  return [
    '**Skipped memory sizes** (left out of the recommendation):',
    ...failed.map((entry) => `- ${entry.memoryMb} MB ${escapeMarkdown(entry.failureReason ?? 'failed')}`),
  ].join('\n');
}

function links(input: ReportInput): string {
  const parts: string[] = [];
  if (input.result.visualizationUrl) parts.push(`[📈 Visualize](${input.result.visualizationUrl})`);
  if (input.runUrl) parts.push(`[Workflow run](${input.runUrl})`);
  return parts.join(' · ');
}

function details(result: RunResult): string {
  const s = result.settings;
  const lines = [
    '<details><summary>Settings, prices and statistics</summary>',
    '',
    `- Function: \`${escapeMarkdown(result.function.arn)}\` (${result.function.architecture}, ${escapeMarkdown(result.function.runtime ?? 'unknown runtime')}, log format ${result.function.logFormat})`,
    `- ${s.invocationsPerValue} invocations per memory size, ${s.parallelInvocation ? 'in parallel' : 'one after another'}, concurrency ${s.concurrency}, discard top/bottom ${s.discardTopBottom}${s.onlyColdStarts ? ', cold starts only' : ''}, ${s.payloadCount} payload(s)`,
    `- Prices (${result.prices.region}, ${result.prices.architecture}): ${formatUsd(result.prices.pricePerGbSecondUsd)} per GB-s + ${formatUsd(result.prices.pricePerRequestUsd)} per request${result.prices.fallback ? ' (region unknown: default prices)' : ''} — ${escapeMarkdown(result.prices.source)}, ${result.prices.asOf}`,
    `- This tuning run's invocations cost ${formatUsd(result.tuningCostUsd)}`,
    '',
    '| Memory | n | mean | median | p90 | p99 | std dev | 95% CI of mean | billed | max memory used |',
    '|---:|---:|---:|---:|---:|---:|---:|:--|---:|---:|',
    ...result.powerValues
      .filter((entry) => entry.duration)
      .map((entry) => {
        const d = entry.duration!;
        return `| ${entry.memoryMb} MB | ${d.count} | ${formatMs(d.mean)} | ${formatMs(d.median)} | ${formatMs(d.p90)} | ${formatMs(d.p99)} | ${formatMs(d.stdDev)} | ${formatMs(d.ci95Low)} – ${formatMs(d.ci95High)} | ${formatMs(entry.billedDurationMs)} | ${entry.maxMemoryUsedMb ?? '–'} MB |`;
      }),
    '',
    '</details>',
  ];
  return lines.join('\n');
}

/** A short plain-text table for terminals (the CLI and the demo). */
export function renderTerminalTable(result: RunResult): string {
  const header = ['memory', 'duration', 'p90', 'cost/invocation', 'errors', ''];
  const rows = result.powerValues.map((entry) => [
    `${entry.memoryMb} MB`,
    entry.status === 'failed' ? 'failed' : formatMs(entry.duration?.trimmedMean),
    formatMs(entry.duration?.p90),
    formatUsd(entry.costPerInvocationUsd),
    `${entry.errors}/${entry.invocations}`,
    entry.memoryMb === result.recommendation?.memoryMb ? '← recommended' : entry.status === 'failed' ? (entry.failureReason ?? '') : '',
  ]);
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => (row[column] ?? '').length)));
  return [header, ...rows].map((row) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd()).join('\n');
}

export { formatPct };
