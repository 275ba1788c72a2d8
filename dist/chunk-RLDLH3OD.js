import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  costPerMillionUsd
} from "./chunk-F67DHOCG.js";
import {
  inertText
} from "./chunk-TM45P2KR.js";

// src/report/chart.ts
function chartedFigures(entry) {
  const durationMs = entry.duration?.trimmedMean;
  const cost = costPerMillionUsd(entry.costPerInvocationUsd);
  if (entry.status !== "ok" || typeof durationMs !== "number" || !Number.isFinite(durationMs) || cost === null)
    return null;
  return { durationMs, costPerMillionUsd: cost };
}
function figuresByMemory(result) {
  const map = /* @__PURE__ */ new Map();
  for (const entry of result.powerValues) {
    const figures = chartedFigures(entry);
    if (figures) map.set(entry.memoryMb, figures);
  }
  return map;
}
function seriesAt(figures, memoryMb) {
  const at = memoryMb.map((memory) => figures.get(memory));
  return { durationMs: at.map((f) => f.durationMs), costPerMillionUsd: at.map((f) => f.costPerMillionUsd) };
}
var listMb = (values) => values.length > 6 ? `${values.length} memory sizes` : values.map((value) => `${value} MB`).join(", ");
var MAX_CHART_CATEGORIES = 16;
function thinOut(memoryMb, max, keep = []) {
  if (memoryMb.length <= max) return [...memoryMb];
  const kept = keep.filter((memory) => memoryMb.includes(memory));
  const evenly = (slots) => Array.from({ length: slots }, (_, i) => memoryMb[Math.round(i * (memoryMb.length - 1) / (slots - 1))]);
  let chosen = /* @__PURE__ */ new Set([...kept, ...evenly(2)]);
  for (let slots = 3; slots <= max; slots++) {
    const candidate = /* @__PURE__ */ new Set([...kept, ...evenly(slots)]);
    if (candidate.size > max) break;
    chosen = candidate;
  }
  return [...chosen].sort((a, b) => a - b);
}
function chartData(result, baseline) {
  const data = chartDataAll(result, baseline);
  if (!data || data.memoryMb.length <= MAX_CHART_CATEGORIES) return data;
  const keep = [result.recommendation?.memoryMb, result.current.memoryMb].filter(
    (memory) => memory !== void 0
  );
  const chosen = thinOut(data.memoryMb, MAX_CHART_CATEGORIES, keep);
  const pick = (series) => {
    const index = chosen.map((memory) => data.memoryMb.indexOf(memory));
    return {
      durationMs: index.map((i) => series.durationMs[i]),
      costPerMillionUsd: index.map((i) => series.costPerMillionUsd[i])
    };
  };
  return {
    memoryMb: chosen,
    pr: pick(data.pr),
    baseline: data.baseline ? pick(data.baseline) : null,
    notes: [
      ...data.notes,
      `${chosen.length} of the ${data.memoryMb.length} measured memory sizes are charted, so the labels stay readable; the table has them all.`
    ]
  };
}
function chartDataAll(result, baseline) {
  const pr = figuresByMemory(result);
  const notes = [];
  const failed = result.powerValues.filter((entry) => !pr.has(entry.memoryMb)).map((entry) => entry.memoryMb);
  if (failed.length > 0) notes.push(`${listMb(failed)}: no successful measurement in this run, not charted.`);
  const prMemory = [...pr.keys()].sort((a, b) => a - b);
  if (prMemory.length === 0) return null;
  if (!baseline) return { memoryMb: prMemory, pr: seriesAt(pr, prMemory), baseline: null, notes };
  const base = figuresByMemory(baseline);
  const shared = prMemory.filter((memory) => base.has(memory));
  if (shared.length === prMemory.length || shared.length >= 2 && shared.length * 2 >= prMemory.length) {
    const unshared = prMemory.filter((memory) => !base.has(memory));
    if (unshared.length > 0) notes.push(`${listMb(unshared)}: the baseline has no figures there, not charted.`);
    return { memoryMb: shared, pr: seriesAt(pr, shared), baseline: seriesAt(base, shared), notes };
  }
  notes.push(
    `The baseline measured only ${shared.length} of this run's ${prMemory.length} memory sizes, so it is not charted.`
  );
  return { memoryMb: prMemory, pr: seriesAt(pr, prMemory), baseline: null, notes };
}
function niceCeiling(value) {
  if (!(value > 0) || !Number.isFinite(value)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) {
    const candidate = step * magnitude;
    if (candidate >= value * (1 - 1e-12)) return Number(candidate.toPrecision(12));
  }
  return 10 * magnitude;
}
function chartNumber(value) {
  if (!Number.isFinite(value) || Math.abs(value) < 1e-6) return "0";
  return Number(value.toPrecision(4)).toLocaleString("en-US", { useGrouping: false, maximumFractionDigits: 10 });
}
var quoted = (text) => `"${inertText(text, 200).replace(/"/g, "'")}"`;
var CHART_INIT = '%%{init: {"xyChart": {"width": 700, "height": 300}, "themeVariables": {"xyChart": {"plotColorPalette": "#4493f8, #d4a72c"}}}}%%';
function renderXyChart(spec) {
  const lines = [
    CHART_INIT.replace('"width": 700', `"width": ${Math.round(spec.width ?? 700)}`).replace(
      '"height": 300',
      `"height": ${Math.round(spec.height ?? 300)}`
    ),
    "xychart-beta",
    `    title ${quoted(spec.title)}`,
    `    x-axis ${quoted(spec.xAxisLabel)} [${spec.categories.map((category) => /^[\w.]+$/.test(category) ? category : quoted(category)).join(", ")}]`,
    `    y-axis ${quoted(spec.yAxisLabel)} 0 --> ${chartNumber(spec.yMax)}`
  ];
  if (spec.bar) lines.push(`    bar [${spec.bar.map(chartNumber).join(", ")}]`);
  if (spec.line) lines.push(`    line [${spec.line.map(chartNumber).join(", ")}]`);
  return lines.join("\n");
}
var HEADROOM = 1.05;
function mermaidCharts(data) {
  const categories = data.memoryMb.map(String);
  const legend = data.baseline ? " (bars: this run, line: baseline)" : "";
  const chart = (title, yAxisLabel, pick) => {
    const pr = pick(data.pr);
    const base = data.baseline ? pick(data.baseline) : void 0;
    return renderXyChart({
      title: `${title}${legend}`,
      xAxisLabel: "Memory (MB)",
      categories,
      yAxisLabel,
      yMax: niceCeiling(Math.max(...pr, ...base ?? []) * HEADROOM),
      bar: pr,
      ...base ? { line: base } : {}
    });
  };
  return {
    duration: chart("Mean duration by memory", "Duration (ms)", (series) => series.durationMs),
    cost: chart("Cost per 1M invocations by memory", "USD per 1M invocations", (series) => series.costPerMillionUsd)
  };
}
function chartMarkdown(result, baseline) {
  const data = chartData(result, baseline);
  if (!data) return "";
  const { duration, cost } = mermaidCharts(data);
  const parts = ["```mermaid", duration, "```", "", "```mermaid", cost, "```"];
  if (data.notes.length > 0) parts.push("", `<sub>${data.notes.join(" ")}</sub>`);
  return parts.join("\n");
}

export {
  chartedFigures,
  chartData,
  niceCeiling,
  renderXyChart,
  chartMarkdown
};
