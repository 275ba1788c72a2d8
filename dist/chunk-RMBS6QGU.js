import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  compareVisualizationUrl
} from "./chunk-5WM6ETGA.js";
import {
  niceCeiling,
  renderXyChart
} from "./chunk-RLDLH3OD.js";
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
  ARCHITECTURES,
  pairHeadline,
  ratioDeltaText,
  architectureCompareUrl,
  chartedRows,
  architectureMermaid,
  marksAt,
  architectureSection
};
