import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  costPerMillionUsd,
  formatMs,
  formatUsd,
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
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => (row[column] ?? "").length)));
  return [header, ...rows].map(
    (row) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join("  ").trimEnd()
  ).join("\n");
}
export {
  renderTerminalTable
};
