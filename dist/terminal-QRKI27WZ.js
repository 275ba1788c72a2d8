import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  LEVEL_WORD,
  appRow
} from "./chunk-O57YS64E.js";
import "./chunk-7NE4EGGQ.js";
import "./chunk-4OM7Z5EQ.js";
import {
  orderOutcomes
} from "./chunk-N33P7F4K.js";
import "./chunk-GPDC77GY.js";
import "./chunk-FHMK2VQE.js";
import "./chunk-THOYUKGK.js";
import "./chunk-EU7MXG5S.js";
import "./chunk-ZEFQRGIK.js";
import "./chunk-5WM6ETGA.js";
import "./chunk-D27PZQRW.js";
import "./chunk-XTUQEIAI.js";
import "./chunk-P5327EIW.js";
import "./chunk-Q2HGPL3K.js";
import {
  costPerMillionUsd,
  formatMs,
  formatUsd,
  formatUsdDelta,
  inertText
} from "./chunk-YTU5BVUS.js";
import "./chunk-URRKCZFK.js";

// src/report/terminal.ts
function renderTerminalTable(result) {
  const header = ["memory", "duration", "p90", "cost/1M inv.", "errors", ""];
  const rows = result.powerValues.map((entry) => [
    `${entry.memoryMb} MB`,
    entry.status === "failed" ? "failed" : formatMs(entry.duration?.trimmedMean),
    formatMs(entry.duration?.p90),
    formatUsd(costPerMillionUsd(entry.costPerInvocationUsd)),
    `${entry.errors}/${entry.invocations}`,
    entry.memoryMb === result.recommendation?.memoryMb ? "\u2190 recommended" : entry.status === "failed" ? inertText(entry.failureReason ?? "", 160) : ""
  ]);
  return alignColumns([header, ...rows]);
}
function renderAppTerminalTable(outcomes, verdict) {
  const header = ["function", "verdict", "memory", "\u0394 cost", "\u0394 duration", "monthly \u0394"];
  const rows = orderOutcomes(outcomes).map((outcome) => {
    const row = appRow(outcome);
    const verdictText = row.failure !== null ? `failed: ${inertText(row.failure, 120)}` : row.verdictWords;
    return [inertText(outcome.key, 64), verdictText, row.memory, row.costDelta, row.durationDelta, row.monthlyDelta];
  });
  const monthly = verdict.monthlyCostDeltaUsd !== null ? `${formatUsdDelta(verdict.monthlyCostDeltaUsd)}/month in all` : "monthly cost change unknown";
  return `${alignColumns([header, ...rows])}

${LEVEL_WORD[verdict.level]}, ${monthly}: ${inertText(verdict.reason, 2e3)}`;
}
function alignColumns(table) {
  const widths = (table[0] ?? []).map((_, column) => Math.max(...table.map((row) => (row[column] ?? "").length)));
  return table.map(
    (row) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join("  ").trimEnd()
  ).join("\n");
}
export {
  renderAppTerminalTable,
  renderTerminalTable
};
