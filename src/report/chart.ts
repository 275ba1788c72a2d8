// Charts of duration and cost by memory, PR against baseline: the data both reports draw, and the mermaid
// xychart GitHub renders itself in a comment or job summary.
//
// Why two charts and not one: an xychart has a single y-axis, and milliseconds and dollars share no scale.
// Normalising both to percentages would hide the figures a reviewer wants to read off, so each unit gets its
// own small chart with the same x-axis. An xychart has no legend either, so the title says which is which:
// bars are this run, the line is the baseline.

import { inertText } from '../lib/untrusted.js';
import type { PowerValueResult, RunResult } from '../types.js';
import { costPerMillionUsd } from '../lib/format.js';

/** The figures of one run at the charted memory sizes, in the order of ChartData.memoryMb. */
export interface ChartSeries {
  durationMs: number[];
  costPerMillionUsd: number[];
}

export interface ChartData {
  /** Memory sizes on the x-axis, ascending. */
  memoryMb: number[];
  pr: ChartSeries;
  /** Present when a baseline was given and has figures at every charted memory size. */
  baseline: ChartSeries | null;
  /** Why a memory size or the baseline is missing from the chart, one sentence each. */
  notes: string[];
}

interface Figures {
  durationMs: number;
  costPerMillionUsd: number;
}

/** The duration a chart shows: the trimmed mean, as the recommendation and the table use. */
export function chartedFigures(entry: PowerValueResult): Figures | null {
  const durationMs = entry.duration?.trimmedMean;
  const cost = costPerMillionUsd(entry.costPerInvocationUsd);
  if (entry.status !== 'ok' || typeof durationMs !== 'number' || !Number.isFinite(durationMs) || cost === null)
    return null;
  return { durationMs, costPerMillionUsd: cost };
}

function figuresByMemory(result: RunResult): Map<number, Figures> {
  const map = new Map<number, Figures>();
  for (const entry of result.powerValues) {
    const figures = chartedFigures(entry);
    if (figures) map.set(entry.memoryMb, figures);
  }
  return map;
}

function seriesAt(figures: Map<number, Figures>, memoryMb: readonly number[]): ChartSeries {
  const at = memoryMb.map((memory) => figures.get(memory) as Figures);
  return { durationMs: at.map((f) => f.durationMs), costPerMillionUsd: at.map((f) => f.costPerMillionUsd) };
}

/** "128 MB, 256 MB", or "12 memory sizes" when a list would be longer than the chart. */
const listMb = (values: readonly number[]): string =>
  values.length > 6 ? `${values.length} memory sizes` : values.map((value) => `${value} MB`).join(', ');

/** More categories than this and the x-axis labels run into each other (mermaid cannot skip labels). */
export const MAX_CHART_CATEGORIES = 16;

/**
 * At most `max` of the memory sizes, evenly spread over the list, always with the first, the last and the
 * `keep` ones (the recommendation, the configured memory) when present. Ascending.
 */
export function thinOut(memoryMb: readonly number[], max: number, keep: readonly number[] = []): number[] {
  if (memoryMb.length <= max) return [...memoryMb];
  const kept = keep.filter((memory) => memoryMb.includes(memory));
  const evenly = (slots: number): number[] =>
    Array.from({ length: slots }, (_, i) => memoryMb[Math.round((i * (memoryMb.length - 1)) / (slots - 1))] as number);
  // The most evenly spaced points that, with the kept ones, still fit.
  let chosen = new Set<number>([...kept, ...evenly(2)]);
  for (let slots = 3; slots <= max; slots++) {
    const candidate = new Set<number>([...kept, ...evenly(slots)]);
    if (candidate.size > max) break;
    chosen = candidate;
  }
  return [...chosen].sort((a, b) => a - b);
}

/**
 * What to chart. The x-axis holds the memory sizes this run measured; with a baseline, only those both runs
 * measured (a line needs a value at every category), unless that would drop more than half of this run's or
 * leave fewer than two, in which case the baseline is left out instead. Null when this run has nothing to chart.
 */
export function chartData(result: RunResult, baseline?: RunResult | null): ChartData | null {
  const data = chartDataAll(result, baseline);
  if (!data || data.memoryMb.length <= MAX_CHART_CATEGORIES) return data;
  const keep = [result.recommendation?.memoryMb, result.current.memoryMb].filter(
    (memory): memory is number => memory !== undefined,
  );
  const chosen = thinOut(data.memoryMb, MAX_CHART_CATEGORIES, keep);
  const pick = (series: ChartSeries): ChartSeries => {
    const index = chosen.map((memory) => data.memoryMb.indexOf(memory));
    return {
      durationMs: index.map((i) => series.durationMs[i] as number),
      costPerMillionUsd: index.map((i) => series.costPerMillionUsd[i] as number),
    };
  };
  return {
    memoryMb: chosen,
    pr: pick(data.pr),
    baseline: data.baseline ? pick(data.baseline) : null,
    notes: [
      ...data.notes,
      `${chosen.length} of the ${data.memoryMb.length} measured memory sizes are charted, so the labels stay readable; the table has them all.`,
    ],
  };
}

function chartDataAll(result: RunResult, baseline?: RunResult | null): ChartData | null {
  const pr = figuresByMemory(result);
  const notes: string[] = [];
  const failed = result.powerValues.filter((entry) => !pr.has(entry.memoryMb)).map((entry) => entry.memoryMb);
  if (failed.length > 0) notes.push(`${listMb(failed)}: no successful measurement in this run, not charted.`);
  const prMemory = [...pr.keys()].sort((a, b) => a - b);
  if (prMemory.length === 0) return null;
  if (!baseline) return { memoryMb: prMemory, pr: seriesAt(pr, prMemory), baseline: null, notes };

  const base = figuresByMemory(baseline);
  const shared = prMemory.filter((memory) => base.has(memory));
  if (shared.length === prMemory.length || (shared.length >= 2 && shared.length * 2 >= prMemory.length)) {
    const unshared = prMemory.filter((memory) => !base.has(memory));
    if (unshared.length > 0) notes.push(`${listMb(unshared)}: the baseline has no figures there, not charted.`);
    return { memoryMb: shared, pr: seriesAt(pr, shared), baseline: seriesAt(base, shared), notes };
  }
  notes.push(
    `The baseline measured only ${shared.length} of this run's ${prMemory.length} memory sizes, so it is not charted.`,
  );
  return { memoryMb: prMemory, pr: seriesAt(pr, prMemory), baseline: null, notes };
}

/** The top of a y-axis: the next 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 × 10^k at or above the value. */
export function niceCeiling(value: number): number {
  if (!(value > 0) || !Number.isFinite(value)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) {
    const candidate = step * magnitude;
    if (candidate >= value * (1 - 1e-12)) return Number(candidate.toPrecision(12));
  }
  return 10 * magnitude;
}

/** A number as mermaid's grammar accepts it: plain decimal, no exponent, 4 significant digits. */
export function chartNumber(value: number): string {
  if (!Number.isFinite(value) || Math.abs(value) < 1e-6) return '0';
  return Number(value.toPrecision(4)).toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 10 });
}

export interface XyChartSpec {
  title: string;
  xAxisLabel: string;
  categories: readonly string[];
  yAxisLabel: string;
  yMax: number;
  bar?: readonly number[];
  line?: readonly number[];
  /** Chart size in px, when not CHART_INIT's 700 × 300 (the trend's charts are wider and lower). */
  width?: number;
  height?: number;
}

/** Quoted strings in mermaid end at the next '"' and take no escapes: our labels must not hold one. */
const quoted = (text: string): string => `"${inertText(text, 200).replace(/"/g, "'")}"`;

/**
 * Colours and size for every chart: this run's bars in blue and the baseline's line in amber, readable in
 * GitHub's light and dark themes (mermaid's default bars are a pale lavender that a line barely shows on), and
 * 300 px high instead of 500, so two charts fit a screen. An init directive, not front matter: older mermaid
 * versions, which GitHub may run, read it too.
 */
export const CHART_INIT =
  '%%{init: {"xyChart": {"width": 700, "height": 300}, "themeVariables": {"xyChart": {"plotColorPalette": "#4493f8, #d4a72c"}}}}%%';

/** Mermaid source of one xychart (without the ``` fence). */
export function renderXyChart(spec: XyChartSpec): string {
  const lines = [
    CHART_INIT.replace('"width": 700', `"width": ${Math.round(spec.width ?? 700)}`).replace(
      '"height": 300',
      `"height": ${Math.round(spec.height ?? 300)}`,
    ),
    'xychart-beta',
    `    title ${quoted(spec.title)}`,
    `    x-axis ${quoted(spec.xAxisLabel)} [${spec.categories.map((category) => (/^[\w.]+$/.test(category) ? category : quoted(category))).join(', ')}]`,
    `    y-axis ${quoted(spec.yAxisLabel)} 0 --> ${chartNumber(spec.yMax)}`,
  ];
  if (spec.bar) lines.push(`    bar [${spec.bar.map(chartNumber).join(', ')}]`);
  if (spec.line) lines.push(`    line [${spec.line.map(chartNumber).join(', ')}]`);
  return lines.join('\n');
}

const HEADROOM = 1.05;

/** The two mermaid sources (duration, cost) for a run and its baseline. */
export function mermaidCharts(data: ChartData): { duration: string; cost: string } {
  const categories = data.memoryMb.map(String);
  const legend = data.baseline ? ' (bars: this run, line: baseline)' : '';
  const chart = (title: string, yAxisLabel: string, pick: (series: ChartSeries) => number[]): string => {
    const pr = pick(data.pr);
    const base = data.baseline ? pick(data.baseline) : undefined;
    return renderXyChart({
      title: `${title}${legend}`,
      xAxisLabel: 'Memory (MB)',
      categories,
      yAxisLabel,
      yMax: niceCeiling(Math.max(...pr, ...(base ?? [])) * HEADROOM),
      bar: pr,
      ...(base ? { line: base } : {}),
    });
  };
  return {
    duration: chart('Mean duration by memory', 'Duration (ms)', (series) => series.durationMs),
    cost: chart('Cost per 1M invocations by memory', 'USD per 1M invocations', (series) => series.costPerMillionUsd),
  };
}

/** The charts as markdown: two ```mermaid blocks and the notes. Empty when there is nothing to chart. */
export function chartMarkdown(result: RunResult, baseline?: RunResult | null): string {
  const data = chartData(result, baseline);
  if (!data) return '';
  const { duration, cost } = mermaidCharts(data);
  const parts = ['```mermaid', duration, '```', '', '```mermaid', cost, '```'];
  if (data.notes.length > 0) parts.push('', `<sub>${data.notes.join(' ')}</sub>`);
  return parts.join('\n');
}
