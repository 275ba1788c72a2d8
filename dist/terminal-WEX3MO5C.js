import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  LEVEL_WORD,
  appRow
} from "./chunk-SY3Y76DO.js";
import "./chunk-KRVNPDAI.js";
import "./chunk-7YLHKTCD.js";
import "./chunk-CRAAEAMK.js";
import "./chunk-SQASOR6X.js";
import "./chunk-YMHSN3C3.js";
import "./chunk-WRXVBI5R.js";
import "./chunk-BK65RNT3.js";
import "./chunk-5WM6ETGA.js";
import {
  memoryUseOf,
  usedPctText
} from "./chunk-YQCAHPBZ.js";
import {
  orderOutcomes
} from "./chunk-4BXJBNHU.js";
import "./chunk-XTUQEIAI.js";
import "./chunk-P5327EIW.js";
import "./chunk-B4XUQD3K.js";
import "./chunk-BHX5YG2T.js";
import "./chunk-SFJ7IVIP.js";
import "./chunk-4JLOGNLJ.js";
import {
  costPerMillionUsd,
  formatMs,
  formatUsd,
  formatUsdDelta
} from "./chunk-XYJEIEPD.js";
import {
  inertText
} from "./chunk-TM45P2KR.js";
import "./chunk-URRKCZFK.js";

// src/report/terminal.ts
function renderTerminalTable(result) {
  const header = ["memory", "duration", "p90", "cost/1M inv.", "max used", "errors", ""];
  const rows = result.powerValues.map((entry) => [
    `${entry.memoryMb} MB`,
    entry.status === "failed" ? "failed" : formatMs(entry.duration?.trimmedMean),
    formatMs(entry.duration?.p90),
    formatUsd(costPerMillionUsd(entry.costPerInvocationUsd)),
    maxUsedText(entry),
    `${entry.errors}/${entry.invocations}`,
    entry.memoryMb === result.recommendation?.memoryMb ? "\u2190 recommended" : entry.status === "failed" ? inertText(entry.failureReason ?? "", 160) : ""
  ]);
  return alignColumns([header, ...rows]);
}
function maxUsedText(entry) {
  const use = memoryUseOf(entry);
  return use ? `${use.maxMemoryUsedMb} MB (${usedPctText(use.usedPct)})` : "\u2013";
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
