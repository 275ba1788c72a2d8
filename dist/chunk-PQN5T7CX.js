import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  SPEND_LEGEND,
  coldStartLegend,
  expectedCostCell,
  reportSpend,
  spendSentence,
  visualizationLinks
} from "./chunk-5NFCYHVM.js";
import {
  architectureChangeSentence
} from "./chunk-HSPD55DC.js";
import {
  architectureCompareUrl,
  chartedRows,
  marksAt,
  pairHeadline,
  ratioDeltaText
} from "./chunk-RMBS6QGU.js";
import {
  chartData,
  niceCeiling
} from "./chunk-RLDLH3OD.js";
import {
  ACCEPTED_ICON,
  NO_VERDICT_ICON,
  VERDICT_ICON,
  coldStartTexts,
  deltaAt,
  errorsText,
  firstErrors,
  hasBaselineColumns,
  hasMemoryColumns,
  headlineNumber,
  memoryDeltaAt,
  memoryUseAt,
  memoryUseCellText,
  monthlyChangeUsd,
  noRecommendationReason,
  projectedCosts,
  savingPct,
  shortSha,
  storedBaselineNote
} from "./chunk-3LRRCGUT.js";
import {
  acceptedSentence
} from "./chunk-4JLOGNLJ.js";
import {
  capitalise,
  costPerMillionUsd,
  escapeHtml,
  formatCount,
  formatMemory,
  formatMs,
  formatPct,
  formatUnsignedPct,
  formatUsd,
  formatUsdDelta,
  measuredInvocationsText,
  safeUrl
} from "./chunk-F67DHOCG.js";

// src/report/html.ts
var LEVEL_WORD = { pass: "Pass", warn: "Warning", fail: "Fail" };
var h = (text, maxChars = 2e3) => escapeHtml(String(text ?? ""), maxChars);
function renderHtmlReport(input) {
  const { result, verdict } = input;
  const level = verdict?.level ?? "none";
  return htmlPage(`${result.function.name}: Lambda power tuning`, `level-${level}`, functionSections(input).join("\n"));
}
function functionSections(input) {
  const { result, verdict } = input;
  return [
    header(input),
    result.dryRun ? "" : recommendation(result),
    result.dryRun ? "" : architecturesHtml(result),
    result.dryRun ? "" : memoryTable(input),
    result.dryRun ? "" : charts(input),
    links(input),
    verdict && verdict.comparisons.length > 0 ? comparisons(verdict.comparisons) : "",
    result.dryRun ? "" : statistics(result, "Statistics of this run"),
    input.baseline && !result.dryRun ? statistics(input.baseline, "Statistics of the baseline") : "",
    errorMessages(result),
    result.dryRun ? "" : spent(input),
    settings(input)
  ].filter(Boolean);
}
function htmlPage(title, bodyClass, body, extraStyle = "") {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${h(title)}</title>
<style>${STYLE}${extraStyle}</style>
</head>
<body class="${h(bodyClass)}">
<main>
${body}
</main>
</body>
</html>
`;
}
var STYLE = `
:root { color-scheme: light dark; --fg: #1f2328; --muted: #59636e; --bg: #ffffff; --card: #f6f8fa; --border: #d1d9e0;
  --pr: #0969da; --base: #bf8700; --pass: #1a7f37; --warn: #9a6700; --fail: #d1242f; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --muted: #9198a1; --bg: #0d1117; --card: #151b23; --border: #3d444d;
  --pr: #4493f8; --base: #d29922; --pass: #3fb950; --warn: #d29922; --fail: #f85149; } }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 14px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; }
main { max-width: 1100px; margin: 0 auto; padding: 24px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 16px; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--border); }
.banner { border: 1px solid var(--border); border-left: 6px solid var(--muted); border-radius: 6px; padding: 12px 16px; background: var(--card); }
.level-pass .banner { border-left-color: var(--pass); } .level-warn .banner { border-left-color: var(--warn); } .level-fail .banner { border-left-color: var(--fail); }
.banner p { margin: 6px 0 0; } .muted { color: var(--muted); } .small { font-size: 12px; }
code { font: 12px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: var(--card); padding: 1px 4px; border-radius: 4px; word-break: break-all; }
h1 code { font-size: 0.9em; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid var(--border); padding: 4px 8px; text-align: right; vertical-align: top; white-space: nowrap; }
.scroll { overflow-x: auto; }
th { background: var(--card); font-weight: 600; }
td.text, th.text { text-align: left; white-space: normal; }
tr.recommended td { font-weight: 600; } tr.failed td { color: var(--fail); }
.significant { font-weight: 700; } .lvl-fail { color: var(--fail); } .lvl-warn { color: var(--warn); }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 16px; }
figure { margin: 0; border: 1px solid var(--border); border-radius: 6px; padding: 8px; background: var(--card); }
figcaption { font-weight: 600; margin: 0 0 4px 4px; }
svg text { fill: var(--muted); font-size: 11px; }
svg .grid { stroke: var(--border); stroke-width: 1; }
svg circle.pr { fill: var(--pr); } svg circle.base { fill: var(--base); }
svg polyline { fill: none; stroke-width: 2.5; } svg polyline.pr { stroke: var(--pr); } svg polyline.base { stroke: var(--base); stroke-dasharray: 6 4; }
.legend { display: flex; gap: 16px; font-size: 12px; color: var(--muted); margin: 4px 0 0 8px; }
.swatch { display: inline-block; width: 18px; height: 0; border-top: 3px solid var(--pr); vertical-align: middle; margin-right: 4px; }
.swatch.base { border-top: 3px dashed var(--base); }
ul.links { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 16px; } a { color: var(--pr); }
section.fn { margin: 32px 0 0; padding: 16px; border: 1px solid var(--border); border-radius: 8px; }
section.fn h1 { font-size: 18px; } section.fn h2 { font-size: 15px; }
`;
function header(input) {
  const { result, verdict } = input;
  const name = `<code>${h(result.function.name, 140)}</code>`;
  if (result.dryRun) {
    const s = result.settings;
    return `<div class="banner"><h1>\u{1F9EA} ${name}: dry run</h1><p>Would tune ${h(s.powerValuesMb.map(formatMemory).join(", "))} with ${s.invocationsPerValue} invocations each. Nothing was changed or invoked.</p></div>`;
  }
  const number = verdict ? headlineNumber(verdict, result.settings.monthlyInvocations) : null;
  const icon = verdict?.accepted ? ACCEPTED_ICON : verdict ? VERDICT_ICON[verdict.level] : NO_VERDICT_ICON;
  const word = verdict ? `<span class="lvl-${verdict.level}">${LEVEL_WORD[verdict.level]}</span>: ` : "";
  const pair = result.architectureComparison ? pairHeadline(result.architectureComparison) : null;
  const headline = number ?? pair ?? (result.recommendation ? `${formatMemory(result.recommendation.memoryMb)} recommended` : "no recommendation");
  const lines = [`<h1>${icon} ${name}</h1>`, `<p><strong>${word}${h(headline)}</strong></p>`];
  if (number && pair) lines.push(`<p><strong>${h(pair)}.</strong></p>`);
  if (verdict) lines.push(`<p>${h(verdict.reason)}</p>`);
  if (verdict?.architectureChange) lines.push(`<p>${h(architectureChangeSentence(verdict.architectureChange))}</p>`);
  if (verdict?.accepted)
    lines.push(
      `<p><strong>Accepted on purpose, the job passes.</strong> ${h(acceptedSentence(verdict.accepted), 1500)}</p>`
    );
  if (verdict?.baselineDescription)
    lines.push(
      `<p class="muted small">Baseline: ${h(verdict.baselineDescription)}${h(storedBaselineNote(verdict))}</p>`
    );
  else if (!input.baseline) lines.push('<p class="muted small">Baseline: none (nothing to compare with)</p>');
  return `<div class="banner">${lines.join("\n")}</div>`;
}
var perMillion = (cost) => `${formatUsd(costPerMillionUsd(cost))} per 1M invocations`;
function recommendation(result) {
  const rec = result.recommendation;
  if (!rec) {
    const why = noRecommendationReason(result);
    return why ? `<h2>Recommendation</h2><p>No recommendation: ${h(why, 1e3)}</p>` : `<h2>Recommendation</h2><p>No memory size met the <code>${h(result.settings.strategy)}</code> strategy's conditions.</p>`;
  }
  const lines = [
    `<p><strong>${formatMemory(rec.memoryMb)}${result.architectureComparison ? ` on ${h(result.function.architecture)}` : ""}</strong> (strategy <code>${h(rec.strategy)}</code>): ${perMillion(rec.costPerInvocationUsd)}, ${formatMs(rec.durationMs)} mean duration. ${h(capitalise(rec.reason), 600)}</p>`
  ];
  const saving = savingPct(result);
  const current = result.current;
  if (rec.memoryMb === current.memoryMb) {
    lines.push(`<p>The function already runs at ${formatMemory(rec.memoryMb)}.</p>`);
  } else if (saving !== null) {
    const monthly = monthlyChangeUsd(result);
    const monthlyText = monthly !== null ? ` (${formatUsdDelta(monthly)}/month at ${formatCount(result.settings.monthlyInvocations)} invocations/month${projectedCosts(result)?.withColdStarts ? ", cold starts included" : ""})` : "";
    lines.push(
      `<p>Currently ${formatMemory(current.memoryMb)}: ${perMillion(current.costPerInvocationUsd)}, ${formatMs(current.durationMs)}. Switching ${saving >= 0 ? "saves" : "costs"} ${formatUnsignedPct(saving)}${monthlyText}.</p>`
    );
  } else {
    lines.push(`<p>Currently ${formatMemory(current.memoryMb)} (not among the tuned memory sizes).</p>`);
  }
  return `<h2>Recommendation</h2>${lines.join("\n")}`;
}
function architecturesHtml(result) {
  const comparison = result.architectureComparison;
  if (!comparison) return "";
  const pair = comparison.recommendation;
  const parts = ["<h2>x86_64 against arm64</h2>"];
  parts.push(
    pair ? `<p><strong>Recommended pair: ${h(pair.architecture)} at ${formatMemory(pair.memoryMb)}</strong> (strategy <code>${h(result.settings.strategy)}</code>): ${perMillion(pair.costPerInvocationUsd)}, ${formatMs(pair.durationMs)} mean duration${pair.savingPct === null ? "" : `, ${formatUnsignedPct(pair.savingPct)} ${pair.savingPct >= 0 ? "cheaper" : "more expensive"} than the configured ${h(comparison.configured.architecture)} at ${formatMemory(comparison.configured.memoryMb)}`}. ${h(pair.reason, 1200)}.</p>` + (pair.changesArchitecture ? `<p>Switching to ${h(pair.architecture)} is a new build and deployment: auto-optimize sets memory only.</p>` : "") : "<p>No recommended pair: neither architecture has a recommendation.</p>"
  );
  const figure = (architecture, memoryMb, what) => {
    const row = comparison.memorySizes.find((entry) => entry.memoryMb === memoryMb);
    const figures = row?.[architecture];
    if (!figures) return "<td>\u2013</td>";
    const text = what === "mean" ? formatMs(figures.durationMs) : formatUsd(costPerMillionUsd(figures.costPerInvocationUsd));
    const marks = marksAt(comparison, architecture, memoryMb);
    return marks ? `<td><strong>${h(text)}</strong> ${marks}</td>` : `<td>${h(text)}</td>`;
  };
  const delta = (ratio) => `<td${ratio?.significant ? ' class="significant"' : ""}>${h(ratioDeltaText(ratio))}</td>`;
  const rows = comparison.memorySizes.map(
    (row) => `<tr><td>${formatMemory(row.memoryMb)}</td>${figure("x86_64", row.memoryMb, "mean")}${figure("arm64", row.memoryMb, "mean")}${delta(row.duration)}${figure("x86_64", row.memoryMb, "cost")}${figure("arm64", row.memoryMb, "cost")}${delta(row.cost)}</tr>`
  );
  parts.push(
    `<table><thead><tr><th>Memory</th><th>x86_64 mean</th><th>arm64 mean</th><th>\u0394 mean arm64</th><th>x86_64 cost / 1M</th><th>arm64 cost / 1M</th><th>\u0394 cost arm64</th></tr></thead><tbody>${rows.join("")}</tbody></table>`,
    `<p class="muted small">${comparison.functions.map((fn) => `${h(fn.architecture)} <code>${h(fn.name, 140)}</code> at ${formatUsd(fn.prices.pricePerGbSecondUsd)}/GB-s`).join(" and ")}, tuned in the same run with invocations taking turns. \u2B50 recommended pair \xB7 \u{1F4CC} configured pair \xB7 \u0394: arm64 against x86_64 at the same memory with its ${Math.round(comparison.confidence * 100)}% interval (the gate's); bold: significant.</p>`
  );
  const charted = chartedRows(comparison);
  if (charted.length > 0) {
    const memories = charted.map((row) => row.memoryMb);
    const chart = (title, unit, pick) => {
      const series = [
        { className: "base", label: "arm64", values: charted.map((row) => pick(row.arm64)) },
        { className: "pr", label: "x86_64", values: charted.map((row) => pick(row.x86_64)) }
      ];
      const legend = '<div class="legend"><span><span class="swatch"></span>x86_64</span><span><span class="swatch base"></span>arm64</span></div>';
      return `<figure><figcaption>${h(title)}</figcaption>${svgLineChart(memories, series, unit, title)}${legend}</figure>`;
    };
    parts.push(
      `<div class="charts">${chart("Mean duration by architecture", "ms", (f) => f.durationMs)}${chart("Cost per 1M invocations by architecture", "usd", (f) => costPerMillionUsd(f.costPerInvocationUsd) ?? 0)}</div>`
    );
  }
  const url = architectureCompareUrl(comparison);
  if (url)
    parts.push(
      `<ul class="links"><li><a href="${h(url, 1e5)}">\u2696\uFE0F x86_64 against arm64 in Lambda Power Tuning</a></li></ul>`
    );
  return parts.join("\n");
}
function deltaHtml(input, memoryMb, kind) {
  const cell = deltaAt(input, memoryMb, kind);
  if (!cell) return "<td>\u2013</td>";
  const classes = [
    cell.significant ? "significant" : "",
    cell.level && cell.level !== "pass" ? `lvl-${cell.level}` : ""
  ].filter(Boolean).join(" ");
  const icon = cell.level === "fail" ? "\u274C " : cell.level === "warn" ? "\u26A0\uFE0F " : "";
  const note = cell.significant === void 0 ? "not tested by the gate" : cell.significant ? "significant" : "not significant";
  return `<td${classes ? ` class="${classes}"` : ""} title="${note}">${icon}${formatPct(cell.deltaPct)}</td>`;
}
function memoryUseHtml(input, memoryMb) {
  const cell = memoryUseAt(input, memoryMb);
  if (!cell) return "<td>\u2013</td>";
  const level = cell.level && cell.level !== "pass" ? cell.level : void 0;
  const icon = level === "fail" ? "\u274C " : level === "warn" ? "\u26A0\uFE0F " : "";
  return `<td${level ? ` class="lvl-${level}"` : ""}>${icon}${h(memoryUseCellText(cell))}</td>`;
}
function memoryDeltaHtml(input, memoryMb) {
  const cell = memoryDeltaAt(input, memoryMb);
  return cell ? `<td title="not tested by the gate">${formatPct(cell.deltaPct)}</td>` : "<td>\u2013</td>";
}
function memoryLabel(result, entry) {
  const labels = [];
  if (entry.memoryMb === result.recommendation?.memoryMb) labels.push("\u2B50 recommended");
  if (entry.memoryMb === result.current.memoryMb) labels.push("current");
  return `${formatMemory(entry.memoryMb)}${labels.length > 0 ? ` <span class="muted small">${labels.join(", ")}</span>` : ""}`;
}
function memoryTable(input) {
  const { result } = input;
  const withDelta = hasBaselineColumns(input);
  const withMemory = hasMemoryColumns(input);
  const memoryHead = withMemory ? `<th>Max memory used</th>${withDelta ? "<th>\u0394 max memory used</th>" : ""}` : "";
  const coldLegend = coldStartLegend(result, (text) => h(text, 200));
  const expectedHead = coldLegend !== null ? "<th>Expected / 1M invocations</th>" : "";
  const expectedCell = (entry) => {
    if (coldLegend === null) return "";
    const cell = expectedCostCell(entry);
    if (!cell || cell.costUsd === null) return "<td>unknown</td>";
    return `<td>${cell.estimated ? "\u2248" : ""}${formatUsd(costPerMillionUsd(cell.costUsd))}</td>`;
  };
  const head = `<tr><th>Memory</th><th>Mean duration</th><th>p90</th><th>Cost / 1M invocations</th>${expectedHead}${withDelta ? "<th>\u0394 cost</th><th>\u0394 duration</th>" : ""}${memoryHead}<th class="text">Errors</th></tr>`;
  const rows = result.powerValues.map((entry) => {
    const deltas = withDelta ? deltaHtml(input, entry.memoryMb, "cost") + deltaHtml(input, entry.memoryMb, "duration") : "";
    const memory = withMemory ? memoryUseHtml(input, entry.memoryMb) + (withDelta ? memoryDeltaHtml(input, entry.memoryMb) : "") : "";
    const classes = [
      entry.memoryMb === result.recommendation?.memoryMb ? "recommended" : "",
      entry.status === "failed" ? "failed" : ""
    ].filter(Boolean).join(" ");
    const open = `<tr${classes ? ` class="${classes}"` : ""}><td>${memoryLabel(result, entry)}</td>`;
    const errors = `<td class="text">${h(errorsText(entry))}</td>`;
    if (entry.status === "failed" || !entry.duration) {
      return `${open}<td class="text" colspan="${coldLegend !== null ? 4 : 3}">\u274C ${h(entry.failureReason ?? "failed: no successful invocation", 300)}</td>${deltas}${memory}${errors}</tr>`;
    }
    return `${open}<td>${formatMs(entry.duration.trimmedMean)}</td><td>${formatMs(entry.duration.p90)}</td><td>${formatUsd(costPerMillionUsd(entry.costPerInvocationUsd))}</td>${expectedCell(entry)}${deltas}${memory}${errors}</tr>`;
  });
  const legend = `Mean duration: trimmed mean (the slowest and fastest ${Math.round(result.settings.discardTopBottom * 100)}% dropped), ${measuredInvocationsText(result.settings)}.${withMemory ? " Max memory used: the highest Max Memory Used of any invocation, and its share of the memory size." : ""}${withDelta ? " \u0394: change against the baseline at the same memory; bold: significant; \u26A0\uFE0F \u274C: over the warn or fail limit." : ""}${coldLegend !== null ? ` ${coldLegend}` : ""}`;
  return `<h2>By memory size</h2><div class="scroll"><table>${head}${rows.join("\n")}</table></div><p class="muted small">${legend}</p>`;
}
var CHART_WIDTH = 520;
var CHART_HEIGHT = 260;
var MARGIN = { top: 12, right: 16, bottom: 40, left: 64 };
var TICKS = 5;
function tickLabel(value, unit, step) {
  const decimals = Math.max(0, Math.min(8, Math.ceil(-Math.log10(step) + 1e-9)));
  if (unit === "usd") return value === 0 ? "$0" : `$${value.toFixed(Math.max(2, decimals))}`;
  return value >= 1e3 ? `${Number((value / 1e3).toFixed(2))} s` : `${Number(value.toFixed(decimals))} ms`;
}
var pointLabel = (value, unit) => unit === "usd" ? formatUsd(value) : formatMs(value);
function svgLineChart(memoryMb, series, unit, label) {
  const plotWidth = CHART_WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = CHART_HEIGHT - MARGIN.top - MARGIN.bottom;
  const yMax = niceCeiling(Math.max(...series.flatMap((s) => s.values)) * 1.05);
  const x = (i) => MARGIN.left + (memoryMb.length === 1 ? plotWidth / 2 : i * plotWidth / (memoryMb.length - 1));
  const y = (value) => MARGIN.top + plotHeight - value / yMax * plotHeight;
  const r = (value) => value.toFixed(1);
  const parts = [];
  for (let tick = 0; tick <= TICKS; tick++) {
    const value = yMax * tick / TICKS;
    parts.push(
      `<line class="grid" x1="${MARGIN.left}" x2="${CHART_WIDTH - MARGIN.right}" y1="${r(y(value))}" y2="${r(y(value))}"/>`
    );
    parts.push(
      `<text x="${MARGIN.left - 6}" y="${r(y(value) + 4)}" text-anchor="end">${h(tickLabel(value, unit, yMax / TICKS))}</text>`
    );
  }
  memoryMb.forEach(
    (memory, i) => parts.push(`<text x="${r(x(i))}" y="${CHART_HEIGHT - MARGIN.bottom + 16}" text-anchor="middle">${memory}</text>`)
  );
  parts.push(
    `<text x="${MARGIN.left + plotWidth / 2}" y="${CHART_HEIGHT - 6}" text-anchor="middle">Memory (MB)</text>`
  );
  for (const s of series) {
    const points = s.values.map((value, i) => `${r(x(i))},${r(y(value))}`).join(" ");
    parts.push(`<polyline class="${s.className}" points="${points}"/>`);
    s.values.forEach(
      (value, i) => parts.push(
        `<circle class="${s.className}" cx="${r(x(i))}" cy="${r(y(value))}" r="3.5"><title>${h(s.label)}, ${memoryMb[i]} MB: ${h(pointLabel(value, unit))}</title></circle>`
      )
    );
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${CHART_WIDTH} ${CHART_HEIGHT}" width="100%" role="img" aria-label="${h(label)}">${parts.join("")}</svg>`;
}
function chartFigure(data, title, unit, pick) {
  const series = [];
  if (data.baseline) series.push({ className: "base", label: "Baseline", values: pick(data.baseline) });
  series.push({ className: "pr", label: "This run", values: pick(data.pr) });
  const legend = data.baseline ? '<div class="legend"><span><span class="swatch"></span>This run</span><span><span class="swatch base"></span>Baseline</span></div>' : "";
  return `<figure><figcaption>${h(title)}</figcaption>${svgLineChart(data.memoryMb, series, unit, title)}${legend}</figure>`;
}
function charts(input) {
  const data = chartData(input.result, input.baseline);
  if (!data) return "";
  const notes = data.notes.length > 0 ? `<p class="muted small">${h(data.notes.join(" "))}</p>` : "";
  return `<h2>Charts</h2><div class="charts">${chartFigure(data, "Mean duration by memory", "ms", (s) => s.durationMs)}${chartFigure(
    data,
    "Cost per 1M invocations by memory",
    "usd",
    (s) => s.costPerMillionUsd
  )}</div>${notes}`;
}
function links(input) {
  const { single, compare } = visualizationLinks(input.result, input.baseline);
  const run = safeUrl(input.runUrl);
  const items = [
    single ? `<li><a href="${h(single, 1e5)}">\u{1F4C8} This run in Lambda Power Tuning</a></li>` : "",
    compare ? `<li><a href="${h(compare, 1e5)}">\u2696\uFE0F Compared with the baseline</a></li>` : "",
    run ? `<li><a href="${h(run)}">\u{1F50E} Workflow run</a></li>` : ""
  ].filter(Boolean);
  return items.length > 0 ? `<ul class="links">${items.join("")}</ul>` : "";
}
function comparisonValue(row, value) {
  if (row.kind === "duration" || row.kind === "init") return formatMs(value);
  if (row.kind === "monthly-cost") return formatUsd(value);
  if (row.kind === "memory") return value === null ? "\u2013" : formatMemory(value);
  return `${formatUsd(costPerMillionUsd(value))} / 1M`;
}
function comparisons(rows) {
  const body = rows.map((row) => {
    const interval = row.ciLowPct !== null && row.ciHighPct !== null ? `${formatPct(row.ciLowPct)} \u2026 ${formatPct(row.ciHighPct)}` : "\u2013";
    return `<tr><td class="text">${VERDICT_ICON[row.level]} ${h(row.metric, 200)}</td><td>${comparisonValue(row, row.baseValue)}</td><td>${comparisonValue(row, row.prValue)}</td><td${row.significant ? ' class="significant"' : ""}>${formatPct(row.deltaPct)}</td><td>${interval}</td><td class="text">${h(row.reason, 500)}</td></tr>`;
  });
  return `<h2>Gate checks</h2><div class="scroll"><table><tr><th class="text">Check</th><th>Baseline</th><th>This run</th><th>\u0394</th><th>Confidence interval of \u0394</th><th class="text">Why</th></tr>${body.join("\n")}</table></div>`;
}
function statistics(result, title) {
  const rows = result.powerValues.map((entry) => {
    const d = entry.duration;
    const cold = coldStartTexts(entry).join(", ") || "\u2013";
    const cells = d ? [
      d.count,
      formatMs(d.mean),
      formatMs(d.trimmedMean),
      formatMs(d.median),
      formatMs(d.p90),
      formatMs(d.p95),
      formatMs(d.p99),
      formatMs(d.stdDev),
      `${formatMs(d.ci95Low)} \u2026 ${formatMs(d.ci95High)}`
    ] : [0, "\u2013", "\u2013", "\u2013", "\u2013", "\u2013", "\u2013", "\u2013", "\u2013"];
    return `<tr><td>${formatMemory(entry.memoryMb)}</td>${cells.map((cell) => `<td>${h(cell)}</td>`).join("")}<td>${formatMs(entry.billedDurationMs)}</td><td>${entry.maxMemoryUsedMb ?? "\u2013"}</td><td>${cold}</td></tr>`;
  });
  return `<h2>${h(title)}</h2><p class="muted small">Successful ${h(measuredInvocationsText(result.settings))}.</p><div class="scroll"><table><tr><th>Memory</th><th>n</th><th>Mean</th><th>Trimmed mean</th><th>Median</th><th>p90</th><th>p95</th><th>p99</th><th>Std dev</th><th>95% CI of mean</th><th>Billed (trimmed)</th><th>Max memory used (MB)</th><th>Cold starts \xD7 ${result.powerValues.some((entry) => entry.restore) ? "Init / Restore" : "Init"}</th></tr>${rows.join("\n")}</table></div>`;
}
function errorMessages(result) {
  const items = firstErrors(result).map(
    (error) => `<li>${formatMemory(error.memoryMb)}: <code>${h(error.errorType, 80)}</code> ${h(error.errorMessage, 300)}</li>`
  );
  return items.length > 0 ? `<h2>First error message per memory size</h2><ul>${items.join("")}</ul>` : "";
}
function spent(input) {
  const spend = reportSpend(input);
  if (!spend) return "";
  return `<h2>What this run spent</h2><p>${h(capitalise(spendSentence(spend)))}.</p><p class="muted small">${h(SPEND_LEGEND)}</p>`;
}
function settings(input) {
  const { result, baseline } = input;
  const s = result.settings;
  const f = result.function;
  const p = result.prices;
  const payloads = s.logPayloads && s.payloads && s.payloads.length > 0 ? `<li>Payloads (shown because log-payloads is on): ${s.payloads.map((payload) => `<code>${h(payload.payload, 500)}</code> \xD7${payload.weight}`).join(", ")}</li>` : "";
  const sha = shortSha(result.git?.sha);
  const baseSha = baseline ? shortSha(baseline.git?.sha) : null;
  const items = [
    `<li>Function: <code>${h(f.arn)}</code> (${h(f.architecture)}, ${h(f.runtime ?? "unknown runtime")}, ${h(f.logFormat)} logs), configured memory ${formatMemory(f.originalMemoryMb)}${f.codeSha256 ? `, code SHA-256 <code>${h(f.codeSha256, 64)}</code>` : ""}</li>`,
    `<li>${s.invocationsPerValue} invocations per memory size, ${s.parallelInvocation ? `in parallel (concurrency ${s.concurrency})` : "one after another"}; ${s.payloadCount} payload${s.payloadCount === 1 ? "" : "s"}${s.onlyColdStarts ? "; cold starts only" : ""}</li>`,
    `<li>Strategy <code>${h(s.strategy)}</code>; trimmed mean drops ${Math.round(s.discardTopBottom * 100)}% at each end; allowed error types: ${s.allowedExceptions.length > 0 ? h(s.allowedExceptions.join(", ")) : "none"}</li>`,
    s.monthlyInvocations ? `<li>Monthly projections assume ${formatCount(s.monthlyInvocations)} invocations a month</li>` : "",
    `<li>Prices (${h(p.region)}, ${h(p.architecture)}): ${formatUsd(p.pricePerGbSecondUsd)} per GB-second and ${formatUsd(p.pricePerRequestUsd)} per request${p.fallback ? " (region not in the price table: default prices)" : ""}; ${h(p.source)}, as of ${h(p.asOf)}</li>`,
    payloads,
    `<li>${h(result.tool.name)} ${h(result.tool.version)}, measured ${h(result.startedAt)} \u2192 ${h(result.finishedAt)}${sha ? `, commit <code>${h(sha)}</code>` : ""}</li>`,
    baseline ? `<li>Baseline measured ${h(baseline.startedAt)}${baseSha ? ` at <code>${h(baseSha)}</code>` : ""}</li>` : ""
  ].filter(Boolean);
  return `<h2>Settings and prices</h2><ul>${items.join("\n")}</ul>`;
}

export {
  renderHtmlReport,
  functionSections,
  htmlPage,
  svgLineChart
};
