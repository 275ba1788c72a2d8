// x86_64 against arm64 in the report (architectures x86_64,arm64): the recommended pair for the headline, one table
// with both architectures per memory size, both in the charts, and the lambda-power-tuning.show compare link. The
// figures come from result.architectureComparison (gate/architectures.ts); this decides what to show and says it
// in markdown (html.ts draws the same model). A results file is untrusted: names are escaped, links rebuilt here.

import {
  codeSpan,
  costPerMillionUsd,
  escapeMarkdown,
  formatMemory,
  formatMs,
  formatPct,
  formatUnsignedPct,
  formatUsd,
  nonBreaking,
} from '../lib/format.js';
import { compareVisualizationUrl, type VisualizationPoint } from '../results/visualization.js';
import type { Architecture, ArchitectureComparison, RunResult } from '../types.js';
import { niceCeiling, renderXyChart } from './chart.js';

type Row = ArchitectureComparison['memorySizes'][number];
type Ratio = Row['cost'];

export const ARCHITECTURES: readonly Architecture[] = ['x86_64', 'arm64'];

/** "arm64 at 512 MB recommended, 23.4% cheaper than the configured x86_64 at 1024 MB", or null without a pair. */
export function pairHeadline(comparison: ArchitectureComparison): string | null {
  const pair = comparison.recommendation;
  if (!pair) return null;
  const { configured } = comparison;
  const at = `${pair.architecture} at ${formatMemory(pair.memoryMb)} recommended`;
  if (pair.architecture === configured.architecture && pair.memoryMb === configured.memoryMb)
    return `${at}: the configured pair, ${formatUsd(costPerMillionUsd(pair.costPerInvocationUsd))} per 1M invocations`;
  const saving = pair.savingPct;
  const configuredText = `the configured ${configured.architecture} at ${formatMemory(configured.memoryMb)}`;
  if (saving === null)
    return `${at} (the configured ${formatMemory(configured.memoryMb)} was not tuned, so no saving is computed)`;
  if (Math.abs(saving) < 0.05) return `${at}, as cheap as ${configuredText}`;
  return `${at}, ${formatUnsignedPct(saving)} ${saving >= 0 ? 'cheaper' : 'more expensive'} than ${configuredText}`;
}

/** "−16.0% (−19.8% to −12.1%)": arm64 against x86_64, from the ratio and its interval. */
export function ratioDeltaText(ratio: Ratio): string {
  if (!ratio) return '–';
  const pct = (value: number) => formatPct((value - 1) * 100);
  return `${pct(ratio.ratio)} (${pct(ratio.low)} to ${pct(ratio.high)})`;
}

/** The compare chart on lambda-power-tuning.show: x86_64 against arm64. Null when either has nothing to chart. */
export function architectureCompareUrl(comparison: ArchitectureComparison): string | null {
  const points = (architecture: Architecture): VisualizationPoint[] =>
    comparison.memorySizes.flatMap((row) => {
      const figures = row[architecture];
      return figures
        ? [{ memoryMb: row.memoryMb, durationMs: figures.durationMs, costUsd: figures.costPerInvocationUsd }]
        : [];
    });
  const x86 = points('x86_64');
  const arm = points('arm64');
  return x86.length > 0 && arm.length > 0 ? compareVisualizationUrl(x86, arm, 'x86_64', 'arm64') : null;
}

/** Memory sizes both architectures measured, with both figures: what the charts draw. */
export function chartedRows(comparison: ArchitectureComparison): Row[] {
  return comparison.memorySizes.filter((row) => row.x86_64 !== null && row.arm64 !== null);
}

/** The two mermaid charts (duration, cost): bars x86_64, line arm64. Empty without two architectures to chart. */
export function architectureMermaid(comparison: ArchitectureComparison): string[] {
  const rows = chartedRows(comparison);
  if (rows.length === 0) return [];
  const categories = rows.map((row) => String(row.memoryMb));
  const chart = (title: string, yAxisLabel: string, pick: (figures: NonNullable<Row['x86_64']>) => number) => {
    const x86 = rows.map((row) => pick(row.x86_64 as NonNullable<Row['x86_64']>));
    const arm = rows.map((row) => pick(row.arm64 as NonNullable<Row['arm64']>));
    return renderXyChart({
      title: `${title} (bars: x86_64, line: arm64)`,
      xAxisLabel: 'Memory (MB)',
      categories,
      yAxisLabel,
      yMax: niceCeiling(Math.max(...x86, ...arm) * 1.05),
      bar: x86,
      line: arm,
    });
  };
  return [
    chart('Mean duration by architecture', 'Duration (ms)', (figures) => figures.durationMs),
    chart(
      'Cost per 1M invocations by architecture',
      'USD per 1M invocations',
      (figures) => costPerMillionUsd(figures.costPerInvocationUsd) ?? 0,
    ),
  ];
}

/** Whether the pair or the configured pair sits at this architecture and memory: ⭐ and 📌. */
export function marksAt(comparison: ArchitectureComparison, architecture: Architecture, memoryMb: number): string {
  const pair = comparison.recommendation;
  const marks: string[] = [];
  if (pair && pair.architecture === architecture && pair.memoryMb === memoryMb) marks.push('⭐');
  if (comparison.configured.architecture === architecture && comparison.configured.memoryMb === memoryMb)
    marks.push('📌');
  return marks.join('');
}

function cell(comparison: ArchitectureComparison, row: Row, architecture: Architecture, what: 'mean' | 'cost') {
  const figures = row[architecture];
  if (!figures) return '–';
  const text =
    what === 'mean' ? formatMs(figures.durationMs) : formatUsd(costPerMillionUsd(figures.costPerInvocationUsd));
  const marks = marksAt(comparison, architecture, row.memoryMb);
  return nonBreaking(marks ? `**${text}**\u00a0${marks}` : text);
}

const deltaCell = (ratio: Ratio): string => {
  const text = nonBreaking(ratioDeltaText(ratio));
  return ratio?.significant ? `**${text}**` : text;
};

/** The markdown section: the pair and why, the table, the charts, the compare link. */
export function architectureSection(result: RunResult, options: { charts: boolean } = { charts: true }): string {
  const comparison = result.architectureComparison;
  if (!comparison) return '';
  const pair = comparison.recommendation;
  const lines: string[] = ['#### x86_64 against arm64'];
  const names = comparison.functions.map((fn) => `${fn.architecture} ${codeSpan(fn.name, 140)}`).join(' and ');
  if (pair) {
    lines.push(
      `**Recommended pair: ${pair.architecture} at ${formatMemory(pair.memoryMb)}** (strategy ${codeSpan(result.settings.strategy)}): ${formatUsd(costPerMillionUsd(pair.costPerInvocationUsd))} per 1M invocations, ${formatMs(pair.durationMs)} mean duration${pair.savingPct === null ? '' : `, ${formatUnsignedPct(pair.savingPct)} ${pair.savingPct >= 0 ? 'cheaper' : 'more expensive'} than the configured ${comparison.configured.architecture} at ${formatMemory(comparison.configured.memoryMb)}`}. ${escapeMarkdown(pair.reason, 1200)}.`,
    );
    if (pair.changesArchitecture)
      lines.push(
        '',
        `Switching to ${pair.architecture} is a new build and deployment of ${codeSpan(result.function.name, 140)}: auto-optimize sets memory only.`,
      );
  } else {
    lines.push('**No recommended pair:** neither architecture has a recommendation (see the tables).');
  }
  const header =
    '| Memory | x86_64 mean | arm64 mean | Δ mean arm64 | x86_64 cost / 1M | arm64 cost / 1M | Δ cost arm64 |';
  const align = '|---:|---:|---:|---:|---:|---:|---:|';
  const rows = comparison.memorySizes.map(
    (row) =>
      `| ${nonBreaking(formatMemory(row.memoryMb))} | ${cell(comparison, row, 'x86_64', 'mean')} | ${cell(comparison, row, 'arm64', 'mean')} | ${deltaCell(row.duration)} | ${cell(comparison, row, 'x86_64', 'cost')} | ${cell(comparison, row, 'arm64', 'cost')} | ${deltaCell(row.cost)} |`,
  );
  lines.push('', header, align, ...rows, '');
  lines.push(
    `<sub>${names}, tuned in the same run with invocations taking turns, each at its own architecture's price (${comparison.functions.map((fn) => `${fn.architecture} ${formatUsd(fn.prices.pricePerGbSecondUsd)}/GB-s`).join(', ')}). ⭐ recommended pair · 📌 configured pair · Δ: arm64 against x86_64 at the same memory with its ${Math.round(comparison.confidence * 100)}% interval (the gate's); **bold**: significant.</sub>`,
  );
  if (options.charts) {
    const charts = architectureMermaid(comparison);
    for (const chart of charts) lines.push('', '```mermaid', chart, '```');
  }
  const url = architectureCompareUrl(comparison);
  if (url) lines.push('', `[⚖️ x86_64 against arm64 in Lambda Power Tuning](${url})`);
  return lines.join('\n');
}
