// The trend in the PR comment: the last default-branch runs of this key (from the data branch) and this run (the
// PR's) as the last point, at the configured memory, as mermaid line charts, and the commits where a significant
// change entered (gate/change-points.ts finds them; this module only shows them).
//
// Three small charts and not one: an xychart has one y-axis, and dollars, milliseconds and megabytes share no scale
// (chart.ts says the same of the memory charts). The x-axis labels are short commit SHAs, checked to be hex: the
// data branch is writable by anyone who can push, so nothing else from it reaches the chart's labels.

import {
  findChangePoints,
  type ChangePoint,
  type ChangePointResult,
  type MetricChange,
  type StoredRun,
} from '../gate/change-points.js';
import { entryAt } from '../results/figures.js';
import type { GateSettings, RunResult } from '../types.js';
import { chartedFigures, niceCeiling, renderXyChart } from './chart.js';
import { formatConfidence, formatMemory, formatPct, formatUsd, formatMs, safeUrl } from '../lib/format.js';
import { shortSha } from './model.js';

/** What the comment's trend shows; built by the flow from the loaded baseline (gate/baseline.ts LoadedBaseline). */
export interface TrendInput {
  /** Stored runs of the key, oldest first, the baseline last. */
  runs: StoredRun[];
  /** The memory size charted and tested: this PR's configured memory. */
  memoryMb: number;
  changes: ChangePointResult;
  /** The gate's confidence, for the sentence. */
  confidence: number;
  /** e.g. https://github.com/owner/repo, for commit links; none when unknown. */
  repositoryUrl?: string;
}

export interface TrendPointData {
  /** Short SHA, or THIS_RUN. */
  label: string;
  sha?: string;
  carried: boolean;
  costPerMillionUsd: number;
  durationMs: number;
  recommendedMemoryMb: number | null;
}

/**
 * The trend of a run compared with a stored baseline that brought its history (gate/baseline.ts LoadedBaseline
 * trend), at the run's configured memory; null without one, or with trend-runs off.
 */
export function buildTrend(
  result: RunResult,
  stored: readonly StoredRun[] | undefined,
  gate: Pick<GateSettings, 'confidence' | 'minDurationChangeMs' | 'trendRuns'>,
  runUrl?: string,
): TrendInput | null {
  if (!stored || stored.length === 0 || gate.trendRuns <= 0 || result.dryRun) return null;
  const runs = stored.slice(-gate.trendRuns);
  const memoryMb = result.current.memoryMb;
  const repositoryUrl = repositoryUrlOf(runUrl);
  return {
    runs,
    memoryMb,
    changes: findChangePoints(runs, {
      memoryMb,
      confidence: gate.confidence,
      minDurationChangeMs: gate.minDurationChangeMs,
      prices: result.prices,
    }),
    confidence: gate.confidence,
    ...(repositoryUrl ? { repositoryUrl } : {}),
  };
}

/** The charted points, oldest first, this PR last; runs without figures at the memory size are left out. */
export function trendPoints(trend: TrendInput, pr: RunResult): { points: TrendPointData[]; skipped: number } {
  const points: TrendPointData[] = [];
  let skipped = 0;
  const add = (run: RunResult, label: string | null, carried: boolean, sha?: string): void => {
    const entry = entryAt(run, trend.memoryMb);
    const figures = entry ? chartedFigures(entry) : null;
    if (!figures || label === null) {
      skipped++;
      return;
    }
    points.push({
      label,
      ...(sha ? { sha } : {}),
      carried,
      ...figures,
      recommendedMemoryMb: run.recommendation?.memoryMb ?? null,
    });
  };
  for (const run of trend.runs) add(run.result, shortSha(run.sha), run.carriedFrom !== undefined, run.sha);
  // This PR: skipped silently when it has no figures there (the report's table says why).
  const before = skipped;
  add(pr, THIS_RUN, false);
  skipped = before;
  return { points, skipped };
}

// Wider than the memory charts: 13 commit labels of 7 characters (and a change point's mark) overlapped at 700 px
// in headless Chromium; at 900 they do not. GitHub scales a mermaid chart down to the comment's width.
const TREND_WIDTH = 900;
const TREND_HEIGHT = 240;
/** The last point's label: the PR's run in a PR comment, the push's own run in a default-branch summary. */
export const THIS_RUN = 'this run';

/** The trend section in markdown; empty when fewer than two points can be drawn. */
export function trendMarkdown(trend: TrendInput, pr: RunResult): string {
  const { points, skipped } = trendPoints(trend, pr);
  if (points.length < 2) return '';
  const stored = points.filter((point) => point.label !== THIS_RUN).length;
  const hasThisRun = points[points.length - 1]?.label === THIS_RUN;
  // A change point's commit is marked on the x-axis (an xychart has no annotations): ▲ up, ▼ down.
  const marks = new Map(
    trend.changes.changePoints.map((point) => [point.sha, (point.changes[0]?.deltaPct ?? 0) >= 0 ? '▲' : '▼']),
  );
  const categories = points.map((point) => {
    const mark = point.sha ? marks.get(point.sha) : undefined;
    return mark ? `${mark} ${point.label}` : point.label;
  });
  const line = (title: string, yAxisLabel: string, values: number[]): string =>
    [
      '```mermaid',
      renderXyChart({
        title,
        xAxisLabel: 'Default-branch commit, oldest first',
        categories,
        yAxisLabel,
        yMax: niceCeiling(Math.max(...values) * 1.1),
        line: values,
        width: TREND_WIDTH,
        height: TREND_HEIGHT,
      }),
      '```',
    ].join('\n');
  const at = formatMemory(trend.memoryMb);
  const parts = [
    `#### 📈 Trend at ${at}: the last ${stored} default-branch run${stored === 1 ? '' : 's'}${hasThisRun ? ' and this run' : ''}`,
    changeSentence(trend),
    line(
      `Cost per 1M invocations at ${at}`,
      'USD per 1M',
      points.map((point) => point.costPerMillionUsd),
    ),
    line(
      `Mean duration at ${at}`,
      'Duration (ms)',
      points.map((point) => point.durationMs),
    ),
  ];
  const recommended = points.map((point) => point.recommendedMemoryMb);
  if (recommended.every((memory): memory is number => memory !== null))
    parts.push(line('Recommended memory', 'Memory (MB)', recommended));
  const notes: string[] = [];
  if (marks.size > 0) notes.push('▲ ▼: the commit where a significant change entered.');
  if (skipped > 0)
    notes.push(`${skipped} stored run${skipped === 1 ? '' : 's'} not charted (no figures at ${at}, or no commit SHA).`);
  const carried = points.filter((point) => point.carried).length;
  if (carried > 0)
    notes.push(
      `${carried} point${carried === 1 ? ' is a copy' : 's are copies'} of an earlier run (the function was unchanged), not a new measurement, and ${carried === 1 ? 'is' : 'are'} not tested for a change.`,
    );
  if (notes.length > 0) parts.push(`<sub>${notes.join(' ')}</sub>`);
  parts.push(
    `<details><summary>The trend's figures</summary>\n\n${pointsNote(points, trend.repositoryUrl)}\n\n</details>`,
  );
  return parts.join('\n\n');
}

/** Which commits brought a significant change, in one paragraph. */
export function changeSentence(trend: TrendInput): string {
  const { changePoints, note, measuredRuns } = trend.changes;
  const method = `the gate's ${formatConfidence(trend.confidence)} interval between consecutive stored runs, with the drift between runs`;
  if (note) return `No change points tested: ${note}.`;
  if (changePoints.length === 0) return `No significant change between the ${measuredRuns} measured runs (${method}).`;
  const items = changePoints.map((point) => `- ${changePointText(point, trend.repositoryUrl)}`);
  return [`**Significant change${changePoints.length === 1 ? '' : 's'} entered at** (${method}):`, '', ...items].join(
    '\n',
  );
}

function changePointText(point: ChangePoint, repositoryUrl: string | undefined): string {
  const changes = point.changes.map(metricChangeText).join(', ');
  return `${commitLink(point.sha, repositoryUrl)}: ${changes || 'a change'} against ${commitLink(point.previousSha, repositoryUrl)}`;
}

function metricChangeText(change: MetricChange): string {
  const what = { cost: 'cost', duration: 'duration', init: 'Init Duration' }[change.metric];
  return `${what} ${formatPct(change.deltaPct)} (${formatPct(change.lowPct)} to ${formatPct(change.highPct)})`;
}

/** `abc1234` linked to its commit when the repository is known; '?' for a value that is not a SHA. */
export function commitLink(sha: string, repositoryUrl: string | undefined): string {
  const short = shortSha(sha);
  if (!short) return '`?`';
  const base = safeUrl(repositoryUrl);
  return base ? `[\`${short}\`](${base}/commit/${sha.toLowerCase()})` : `\`${short}\``;
}

/** The points' figures in one line, so they can be read without the chart (and where mermaid is not rendered). */
function pointsNote(points: readonly TrendPointData[], repositoryUrl: string | undefined): string {
  const text = points
    .map((point) => {
      const name = point.sha ? commitLink(point.sha, repositoryUrl) : THIS_RUN;
      const rec = point.recommendedMemoryMb === null ? '' : `, ${formatMemory(point.recommendedMemoryMb)} recommended`;
      return `${name} ${formatUsd(point.costPerMillionUsd)}/1M, ${formatMs(point.durationMs)}${rec}`;
    })
    .join(' · ');
  return `Points, oldest first: ${text}.`;
}

/** The repository's URL from the workflow run's (https://github.com/o/r/actions/runs/1 → https://github.com/o/r). */
export function repositoryUrlOf(runUrl: string | undefined): string | undefined {
  const match = safeUrl(runUrl)?.match(/^(https?:\/\/[^/]+\/[^/]+\/[^/]+)\/actions\/runs\/\d+/);
  return match?.[1];
}
