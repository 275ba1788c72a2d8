import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  LEVEL_WORD,
  appRow
} from "./chunk-FIUSKK4D.js";
import "./chunk-UNM5K7IM.js";
import {
  coldStartRateOf,
  expectedCostCell,
  fileSpendSentence,
  ratePct,
  spendSentence
} from "./chunk-5NFCYHVM.js";
import {
  orderOutcomes
} from "./chunk-Q6PJKOY2.js";
import "./chunk-H3NRHUJY.js";
import "./chunk-VJXSU6PO.js";
import {
  fileSpend,
  functionSpend
} from "./chunk-EE6MQ7ES.js";
import "./chunk-RGAGO2E6.js";
import "./chunk-WALQUMYJ.js";
import "./chunk-HSPD55DC.js";
import "./chunk-RMBS6QGU.js";
import "./chunk-5WM6ETGA.js";
import "./chunk-FJNBI4AF.js";
import "./chunk-SU6SV6QQ.js";
import "./chunk-RZWVMN26.js";
import "./chunk-2K2G7BBZ.js";
import "./chunk-JRNMWUVF.js";
import "./chunk-RLDLH3OD.js";
import "./chunk-3LRRCGUT.js";
import "./chunk-XTUQEIAI.js";
import {
  memoryUseOf,
  usedPctText
} from "./chunk-Q3BMP5S5.js";
import "./chunk-LYDXGQBP.js";
import "./chunk-P5327EIW.js";
import "./chunk-BHX5YG2T.js";
import "./chunk-SFJ7IVIP.js";
import "./chunk-4JLOGNLJ.js";
import {
  costPerMillionUsd,
  formatMs,
  formatUsd,
  formatUsdDelta
} from "./chunk-F67DHOCG.js";
import {
  inertText
} from "./chunk-TM45P2KR.js";
import "./chunk-URRKCZFK.js";

// src/report/terminal.ts
function renderTerminalTable(result) {
  const withExpected = result.powerValues.some((entry) => expectedCostCell(entry) !== null);
  const header = [
    "memory",
    "duration",
    "p90",
    "cost/1M inv.",
    ...withExpected ? ["expected/1M"] : [],
    "max used",
    "errors",
    ""
  ];
  const rows = result.powerValues.map((entry) => [
    `${entry.memoryMb} MB`,
    entry.status === "failed" ? "failed" : formatMs(entry.duration?.trimmedMean),
    formatMs(entry.duration?.p90),
    formatUsd(costPerMillionUsd(entry.costPerInvocationUsd)),
    ...withExpected ? [expectedText(entry)] : [],
    maxUsedText(entry),
    `${entry.errors}/${entry.invocations}`,
    entry.memoryMb === result.recommendation?.memoryMb ? "\u2190 recommended" : entry.status === "failed" ? inertText(entry.failureReason ?? "", 160) : ""
  ]);
  const table = alignColumns([header, ...rows]);
  const rate = coldStartRateOf(result);
  if (!withExpected || rate === null) return table;
  const estimated = result.powerValues.some((entry) => expectedCostCell(entry)?.estimated) ? "; \u2248: its cold start estimated from another memory size" : "";
  return `${table}

expected: with ${ratePct(rate)} cold starts (cold-start-rate), each adding what its cold start billed${estimated}. The gate compares warm costs; projections and the cost strategy use expected costs.`;
}
function expectedText(entry) {
  if (entry.status === "failed" || !entry.duration) return "\u2013";
  const cell = expectedCostCell(entry);
  if (!cell || cell.costUsd === null) return "unknown";
  return `${cell.estimated ? "\u2248" : ""}${formatUsd(costPerMillionUsd(cell.costUsd))}`;
}
function renderSpendLine(functions) {
  const [only] = functions;
  const one = functions.length === 1 && only ? functionSpend(only) : null;
  if (one) return spendSentence(one);
  const spend = fileSpend(functions);
  return spend ? fileSpendSentence(spend) : null;
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
  renderSpendLine,
  renderTerminalTable
};
