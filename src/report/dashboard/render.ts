// The dashboard page (index.html on the data branch or on dashboard-branch): every key's stored history as inline
// SVG line charts, one per metric, with change points marked (model.ts finds them with the comment trend's rule).
// Self-contained like report.html: the same page wrapper and CSP (html.ts htmlPage: default-src 'none', no
// script), so it opens from GitHub Pages, a checkout or a zip. The SVG is written by hand: four small line charts
// need a polyline, circles and a few labels, and a chart library would mean a script (the CSP forbids it) or a
// dependency that renders server-side for no gain.
// Function-derived text (function names) and whatever the data branch holds (SHAs, dates) pass escapeHtml (the
// sanitiser, then HTML escaping); URLs pass safeUrl.

import type { RelativeMetric } from '../../gate/findings.js';
import { escapeHtml, formatConfidence, formatMemory, formatMs, formatPct } from '../../lib/format.js';
import { niceCeiling } from '../chart.js';
import { htmlPage } from '../html.js';
import {
  commitUrl,
  type DashboardChange,
  type DashboardKey,
  type DashboardMetric,
  type DashboardModel,
  type DashboardPoint,
} from './model.js';

const h = (text: string | number | null | undefined, maxChars = 300): string =>
  escapeHtml(String(text ?? ''), maxChars);

interface ChartSpec {
  metric: DashboardMetric;
  title: string;
  value: (point: DashboardPoint) => number | null;
  format: (value: number) => string;
}

const CHARTS: readonly ChartSpec[] = [
  {
    metric: 'cost',
    title: 'Cost per 1M invocations (configured memory)',
    value: (p) => p.costPerMillionUsd,
    format: (v) => `$${Number(v.toPrecision(3))}`,
  },
  { metric: 'duration', title: 'Duration (configured memory)', value: (p) => p.durationMs, format: formatMs },
  { metric: 'init', title: 'Init Duration (cold starts)', value: (p) => p.initDurationMs, format: formatMs },
  { metric: 'recommendation', title: 'Recommended memory', value: (p) => p.recommendedMemoryMb, format: formatMemory },
];

const WIDTH = 520;
const HEIGHT = 200;
const PAD = { left: 64, right: 16, top: 12, bottom: 36 };

export function renderDashboard(model: DashboardModel): string {
  const body = [
    `<h1>Lambda power history: <code>${h(model.repository.owner)}/${h(model.repository.repo)}</code></h1>`,
    `<p class="muted">${model.keys.length} key${model.keys.length === 1 ? '' : 's'} from the data branch <code>${h(model.branch)}</code>, ` +
      `written ${h(model.generatedAt)}. Each point is a run on the default branch: click it for the commit; ` +
      `the table links each run's lambda-power-tuning.show chart. <span class="cp-legend">▼</span> marks a change point, ` +
      `the run where a significant change entered, by the rule of the pull request comment's trend: the gate's ` +
      `${h(formatConfidence(model.confidence))} interval of the change from the previous measured run, with the drift ` +
      `between runs, the floor of ${h(formatMs(model.minDurationChangeMs))} (min-duration-change) and Holm's procedure over ` +
      `all of a key's pairs and metrics. A key is tested at its newest run's configured memory; runs configured at ` +
      `another memory size (grey) and copies of an earlier run (hollow) are never compared.</p>`,
    model.keys.length === 0 ? '<p>No stored runs yet: the first push to the default branch adds one.</p>' : '',
    ...model.keys.map((key) => keySection(model, key)),
  ];
  return htmlPage(
    `Lambda power history: ${model.repository.owner}/${model.repository.repo}`,
    'dashboard',
    body.join('\n'),
    STYLE,
  );
}

function keySection(model: DashboardModel, key: DashboardKey): string {
  const name =
    key.functionName !== key.key
      ? ` <span class="muted small">(function <code>${h(key.functionName)}</code>)</span>`
      : '';
  const other = key.points.filter((point) => point.otherMemory).length;
  const compared = `<p class="muted small">Change points tested at ${h(formatMemory(key.comparedMemoryMb))}, the newest run's configured memory${
    other > 0
      ? `; ${other} run${other === 1 ? ' was' : 's were'} configured at another memory size: drawn, not compared`
      : ''
  }.</p>`;
  const notRead =
    key.notRead > 0
      ? `<p class="muted small">${key.notRead} older stored run${key.notRead === 1 ? '' : 's'} not shown (the dashboard reads a bounded number of runs).</p>`
      : '';
  return `<section class="fn" id="key-${h(key.key.replace(/[^A-Za-z0-9_-]/g, '-'))}" data-key="${h(key.key)}">
<h1><code>${h(key.key)}</code>${name}</h1>
${compared}
${notRead}
<div class="charts">
${CHARTS.map((spec) => chart(model, key, spec)).join('\n')}
</div>
${runsTable(model, key)}
</section>`;
}

function chart(model: DashboardModel, key: DashboardKey, spec: ChartSpec): string {
  const points = key.points;
  const values = points.map(spec.value);
  const shown = values.filter((value): value is number => value !== null && Number.isFinite(value));
  const top = niceCeiling(Math.max(0, ...shown));
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (points.length === 1 ? innerW / 2 : (i * innerW) / (points.length - 1));
  const y = (v: number) => PAD.top + innerH - (v / top) * innerH;
  const f = (n: number) => n.toFixed(1);
  const grid = [0, 0.25, 0.5, 0.75, 1]
    .map((t) => {
      const gy = f(y(top * t));
      return `<line class="grid" x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${gy}" y2="${gy}"/><text x="${PAD.left - 6}" y="${gy}" text-anchor="end" dominant-baseline="middle">${h(spec.format(top * t))}</text>`;
    })
    .join('');
  // Every few commits, counted from the newest so it always has its label; 7 characters need ~45 px.
  const labelEvery = Math.max(1, Math.ceil(points.length / 7));
  const xLabels = points
    .map((p, i) =>
      (points.length - 1 - i) % labelEvery === 0
        ? `<text x="${f(x(i))}" y="${HEIGHT - PAD.bottom + 16}" text-anchor="${points.length > 1 && i === points.length - 1 ? 'end' : i === 0 && points.length > 1 ? 'start' : 'middle'}">${h(p.sha.slice(0, 7))}</text>`
        : '',
    )
    .join('');
  const line = values
    .map((v, i) => (v === null || !Number.isFinite(v) ? null : `${f(x(i))},${f(y(v))}`))
    .filter(Boolean)
    .join(' ');
  const metric = spec.metric === 'recommendation' ? null : (spec.metric as RelativeMetric);
  const changes: DashboardChange[] = metric ? key.changes[metric] : [];
  const marks = changes
    .map((change) => {
      const v = values[change.index];
      if (v === null || v === undefined || !metric) return '';
      const cx = x(change.index);
      const cy = y(v) - 10;
      return `<g class="change" data-index="${change.index}" data-previous-index="${change.previousIndex}"><line x1="${f(cx)}" x2="${f(cx)}" y1="${PAD.top}" y2="${PAD.top + innerH}"/><path d="M${f(cx - 5)},${f(cy - 8)} L${f(cx + 5)},${f(cy - 8)} L${f(cx)},${f(cy)} Z"/><title>${h(changeText(model, key, metric, change), 600)}</title></g>`;
    })
    .join('');
  const untested = metric ? key.untested[metric] : undefined;
  const circles = values
    .map((v, i) => {
      const point = points[i];
      if (v === null || !Number.isFinite(v) || !point) return '';
      const href = commitUrl(model, point.sha);
      const tip = `${point.sha.slice(0, 7)}${point.committedAt ? ` (${point.committedAt})` : ''}: ${spec.format(v)}${point.carried ? ', carried from an earlier run (unchanged function)' : ''}${point.otherMemory ? `, configured at ${formatMemory(point.memoryMb)}: not compared` : ''}`;
      const circle = `<circle class="pt${point.carried ? ' carried' : ''}${point.otherMemory ? ' other' : ''}" cx="${f(x(i))}" cy="${f(y(v))}" r="4.5"><title>${h(tip)}</title></circle>`;
      return href ? `<a href="${h(href, 2000)}">${circle}</a>` : circle;
    })
    .join('');
  const empty =
    shown.length === 0
      ? `<text x="${WIDTH / 2}" y="${HEIGHT / 2}" text-anchor="middle">no ${h(spec.metric === 'init' ? 'cold starts' : 'figures')} stored</text>`
      : '';
  return `<figure data-metric="${spec.metric}" data-points="${shown.length}">
<figcaption>${h(spec.title)}${untested ? ` <span class="muted small">(${h(untested)})</span>` : ''}</figcaption>
<svg viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${h(`${spec.title}, ${shown.length} runs`)}">${grid}${xLabels}${marks}${line ? `<polyline class="pr" points="${line}"/>` : ''}${circles}${empty}</svg>
</figure>`;
}

const METRIC_NAMES: Record<RelativeMetric, string> = { cost: 'cost', duration: 'duration', init: 'Init Duration' };

/** A change in words: "duration +25.3% (95% interval +18.1% to +32.9%) entered at abc1234, against def5678". */
function changeText(model: DashboardModel, key: DashboardKey, metric: RelativeMetric, change: DashboardChange): string {
  const sha = (index: number) => key.points[index]?.sha.slice(0, 7) ?? '?';
  return `${METRIC_NAMES[metric]} ${formatPct(change.deltaPct)} (${formatConfidence(model.confidence)} interval ${formatPct(change.lowPct)} to ${formatPct(change.highPct)}) entered at ${sha(change.index)}, against ${sha(change.previousIndex)}`;
}

function runsTable(model: DashboardModel, key: DashboardKey): string {
  const changedAt = new Map<number, string[]>();
  for (const [metric, list] of Object.entries(key.changes) as [RelativeMetric, DashboardChange[]][])
    for (const change of list)
      changedAt.set(change.index, [
        ...(changedAt.get(change.index) ?? []),
        `${METRIC_NAMES[metric]} ${formatPct(change.deltaPct)} (${formatPct(change.lowPct)} to ${formatPct(change.highPct)}) against ${key.points[change.previousIndex]?.sha.slice(0, 7) ?? '?'}`,
      ]);
  const rows = key.points
    .map((point, i) => ({ point, i }))
    .reverse()
    .map(({ point, i }) => {
      const href = commitUrl(model, point.sha);
      const sha = h(point.sha.slice(0, 7));
      const commit = href ? `<a href="${h(href, 2000)}"><code>${sha}</code></a>` : `<code>${sha}</code>`;
      const chartLink = point.chartUrl ? `<a href="${h(point.chartUrl, 4000)}">chart</a>` : '—';
      const change = changedAt.get(i);
      return `<tr${change ? ' class="changed"' : ''}><td class="text">${commit}${point.carried ? ' <span class="muted small">carried</span>' : ''}</td><td class="text">${h(point.committedAt ?? '—')}</td><td>${h(formatMemory(point.memoryMb))}${point.otherMemory ? ' <span class="muted small">not compared</span>' : ''}</td><td>${point.costPerMillionUsd === null ? '—' : h(`$${point.costPerMillionUsd.toPrecision(3)}`)}</td><td>${h(formatMs(point.durationMs))}</td><td>${h(formatMs(point.initDurationMs))}</td><td>${point.recommendedMemoryMb === null ? '—' : h(formatMemory(point.recommendedMemoryMb))}</td><td class="text">${change ? `▼ ${h(change.join(', '))}` : ''}</td><td class="text">${chartLink}</td></tr>`;
    })
    .join('\n');
  return `<details><summary>Runs (${key.points.length}, newest first)</summary><div class="scroll"><table>
<thead><tr><th class="text">Commit</th><th class="text">Committed</th><th>Configured</th><th>Cost per 1M</th><th>Duration</th><th>Init Duration</th><th>Recommended</th><th class="text">Change point</th><th class="text">lambda-power-tuning.show</th></tr></thead>
<tbody>
${rows}
</tbody></table></div></details>`;
}

const STYLE = `
svg circle.pt { fill: var(--pr); } svg circle.pt.carried { fill: var(--bg); stroke: var(--pr); stroke-width: 2; }
svg circle.pt.other { fill: var(--muted); }
svg a:hover circle.pt { r: 6.5; }
svg .change line { stroke: var(--fail); stroke-width: 1; stroke-dasharray: 3 3; } svg .change path { fill: var(--fail); }
.cp-legend { color: var(--fail); } tr.changed td { background: color-mix(in srgb, var(--fail) 8%, transparent); }
details { margin: 12px 0 0; } summary { cursor: pointer; color: var(--muted); }
`;
