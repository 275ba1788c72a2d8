import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  compareVisualizationUrl
} from "./chunk-5WM6ETGA.js";
import {
  codeSpan,
  costPerMillionUsd,
  escapeMarkdown,
  formatMemory,
  formatMs,
  formatPct,
  formatUnsignedPct,
  formatUsd,
  nonBreaking
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
    CHART_INIT,
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

// src/report/architectures.ts
var ARCHITECTURES = ["x86_64", "arm64"];
function pairHeadline(comparison) {
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
  return `${at}, ${formatUnsignedPct(saving)} ${saving >= 0 ? "cheaper" : "more expensive"} than ${configuredText}`;
}
function ratioDeltaText(ratio) {
  if (!ratio) return "\u2013";
  const pct = (value) => formatPct((value - 1) * 100);
  return `${pct(ratio.ratio)} (${pct(ratio.low)} to ${pct(ratio.high)})`;
}
function architectureCompareUrl(comparison) {
  const points = (architecture) => comparison.memorySizes.flatMap((row) => {
    const figures = row[architecture];
    return figures ? [{ memoryMb: row.memoryMb, durationMs: figures.durationMs, costUsd: figures.costPerInvocationUsd }] : [];
  });
  const x86 = points("x86_64");
  const arm = points("arm64");
  return x86.length > 0 && arm.length > 0 ? compareVisualizationUrl(x86, arm, "x86_64", "arm64") : null;
}
function chartedRows(comparison) {
  return comparison.memorySizes.filter((row) => row.x86_64 !== null && row.arm64 !== null);
}
function architectureMermaid(comparison) {
  const rows = chartedRows(comparison);
  if (rows.length === 0) return [];
  const categories = rows.map((row) => String(row.memoryMb));
  const chart = (title, yAxisLabel, pick) => {
    const x86 = rows.map((row) => pick(row.x86_64));
    const arm = rows.map((row) => pick(row.arm64));
    return renderXyChart({
      title: `${title} (bars: x86_64, line: arm64)`,
      xAxisLabel: "Memory (MB)",
      categories,
      yAxisLabel,
      yMax: niceCeiling(Math.max(...x86, ...arm) * 1.05),
      bar: x86,
      line: arm
    });
  };
  return [
    chart("Mean duration by architecture", "Duration (ms)", (figures) => figures.durationMs),
    chart(
      "Cost per 1M invocations by architecture",
      "USD per 1M invocations",
      (figures) => costPerMillionUsd(figures.costPerInvocationUsd) ?? 0
    )
  ];
}
function marksAt(comparison, architecture, memoryMb) {
  const pair = comparison.recommendation;
  const marks = [];
  if (pair && pair.architecture === architecture && pair.memoryMb === memoryMb) marks.push("\u2B50");
  if (comparison.configured.architecture === architecture && comparison.configured.memoryMb === memoryMb)
    marks.push("\u{1F4CC}");
  return marks.join("");
}
function cell(comparison, row, architecture, what) {
  const figures = row[architecture];
  if (!figures) return "\u2013";
  const text = what === "mean" ? formatMs(figures.durationMs) : formatUsd(costPerMillionUsd(figures.costPerInvocationUsd));
  const marks = marksAt(comparison, architecture, row.memoryMb);
  return nonBreaking(marks ? `**${text}**\xA0${marks}` : text);
}
var deltaCell = (ratio) => {
  const text = nonBreaking(ratioDeltaText(ratio));
  return ratio?.significant ? `**${text}**` : text;
};
function architectureSection(result, options = { charts: true }) {
  const comparison = result.architectureComparison;
  if (!comparison) return "";
  const pair = comparison.recommendation;
  const lines = ["#### x86_64 against arm64"];
  const names = comparison.functions.map((fn) => `${fn.architecture} ${codeSpan(fn.name, 140)}`).join(" and ");
  if (pair) {
    lines.push(
      `**Recommended pair: ${pair.architecture} at ${formatMemory(pair.memoryMb)}** (strategy ${codeSpan(result.settings.strategy)}): ${formatUsd(costPerMillionUsd(pair.costPerInvocationUsd))} per 1M invocations, ${formatMs(pair.durationMs)} mean duration${pair.savingPct === null ? "" : `, ${formatUnsignedPct(pair.savingPct)} ${pair.savingPct >= 0 ? "cheaper" : "more expensive"} than the configured ${comparison.configured.architecture} at ${formatMemory(comparison.configured.memoryMb)}`}. ${escapeMarkdown(pair.reason, 1200)}.`
    );
    if (pair.changesArchitecture)
      lines.push(
        "",
        `Switching to ${pair.architecture} is a new build and deployment of ${codeSpan(result.function.name, 140)}: auto-optimize sets memory only.`
      );
  } else {
    lines.push("**No recommended pair:** neither architecture has a recommendation (see the tables).");
  }
  const header = "| Memory | x86_64 mean | arm64 mean | \u0394 mean arm64 | x86_64 cost / 1M | arm64 cost / 1M | \u0394 cost arm64 |";
  const align = "|---:|---:|---:|---:|---:|---:|---:|";
  const rows = comparison.memorySizes.map(
    (row) => `| ${nonBreaking(formatMemory(row.memoryMb))} | ${cell(comparison, row, "x86_64", "mean")} | ${cell(comparison, row, "arm64", "mean")} | ${deltaCell(row.duration)} | ${cell(comparison, row, "x86_64", "cost")} | ${cell(comparison, row, "arm64", "cost")} | ${deltaCell(row.cost)} |`
  );
  lines.push("", header, align, ...rows, "");
  lines.push(
    `<sub>${names}, tuned in the same run with invocations taking turns, each at its own architecture's price (${comparison.functions.map((fn) => `${fn.architecture} ${formatUsd(fn.prices.pricePerGbSecondUsd)}/GB-s`).join(", ")}). \u2B50 recommended pair \xB7 \u{1F4CC} configured pair \xB7 \u0394: arm64 against x86_64 at the same memory with its ${Math.round(comparison.confidence * 100)}% interval (the gate's); **bold**: significant.</sub>`
  );
  if (options.charts) {
    const charts = architectureMermaid(comparison);
    for (const chart of charts) lines.push("", "```mermaid", chart, "```");
  }
  const url = architectureCompareUrl(comparison);
  if (url) lines.push("", `[\u2696\uFE0F x86_64 against arm64 in Lambda Power Tuning](${url})`);
  return lines.join("\n");
}

export {
  chartData,
  niceCeiling,
  chartMarkdown,
  ARCHITECTURES,
  pairHeadline,
  ratioDeltaText,
  architectureCompareUrl,
  chartedRows,
  architectureMermaid,
  marksAt,
  architectureSection
};
