import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  worseLevel
} from "./chunk-XTUQEIAI.js";
import {
  formatMemory,
  formatPct,
  formatUsdDelta
} from "./chunk-F67DHOCG.js";
import {
  inertText
} from "./chunk-TM45P2KR.js";

// src/gate/app.ts
var MAX_NAMED_FUNCTIONS = 5;
var MAX_KEY_CHARS = 64;
var MAX_FAILURE_CHARS = 100;
var STANDING_RANK = {
  fail: 0,
  warn: 1,
  failed: 2,
  pass: 3,
  unchanged: 4
};
function standingOf(outcome) {
  if (outcome.status === "failed") return "failed";
  if (outcome.status === "unchanged") return "unchanged";
  return outcome.verdict?.level ?? "pass";
}
function functionLevel(outcome) {
  const standing = standingOf(outcome);
  if (standing === "failed") return "fail";
  if (standing === "unchanged") return "pass";
  return standing;
}
function orderOutcomes(outcomes) {
  return [...outcomes].sort(
    (a, b) => STANDING_RANK[standingOf(a)] - STANDING_RANK[standingOf(b)] || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) || (a.functionName < b.functionName ? -1 : a.functionName > b.functionName ? 1 : 0)
  );
}
function decidingComparison(outcome) {
  const verdict = outcome.verdict;
  if (!verdict) return null;
  const rows = verdict.comparisons.filter(
    (row) => row.level === verdict.level && row.deltaPct !== null && row.kind !== "monthly-cost" && row.kind !== "memory"
  );
  const score = (row) => (row.kind === "cost" ? 1e9 : 0) + Math.min(Math.abs(row.deltaPct ?? 0), 1e8);
  return rows.reduce((best, row) => !best || score(row) > score(best) ? row : best, null);
}
function isImproved(outcome) {
  if (outcome.status !== "measured" || outcome.verdict?.level !== "pass") return false;
  const row = headlineCostRow(outcome);
  return row !== null && (row.deltaPct ?? 0) < 0 && row.significant;
}
function headlineCostRow(outcome) {
  const verdict = outcome.verdict;
  if (!verdict || verdict.costDeltaPct === null) return null;
  return verdict.comparisons.find((row) => row.kind === "cost" && row.deltaPct === verdict.costDeltaPct) ?? null;
}
var keyText = (outcome) => inertText(outcome.key, MAX_KEY_CHARS);
function namedWithChange(outcome) {
  return namedWith(outcome, decidingComparison(outcome));
}
function namedWith(outcome, row) {
  if (!row) return keyText(outcome);
  const at = row.memoryMb !== void 0 ? ` at ${formatMemory(row.memoryMb)}` : "";
  const what = row.kind === "init" ? "Init Duration" : row.kind;
  return `${keyText(outcome)} (${what} ${formatPct(row.deltaPct)}${at})`;
}
var namedWithSaving = (outcome) => namedWith(outcome, headlineCostRow(outcome));
function namedWithFailure(outcome) {
  const why = inertText(outcome.failure ?? "no reason given", MAX_FAILURE_CHARS);
  return `${keyText(outcome)} (${why.replace(/[.\s]+$/, "")})`;
}
function listed(outcomes, name) {
  const named = outcomes.slice(0, MAX_NAMED_FUNCTIONS).map(name);
  const more = outcomes.length - named.length;
  return more > 0 ? `${named.join(", ")} and ${more} more` : named.join(", ");
}
var functions = (count) => `${count} function${count === 1 ? "" : "s"}`;
function appReason(ordered, monthlyCostDeltaUsd) {
  const total = ordered.length;
  if (total === 0) return "No function was tuned: the app has no function to measure (check the stack or the filters).";
  const of = (standing) => ordered.filter((outcome) => standingOf(outcome) === standing);
  const [fail, warn, failed, pass, unchanged] = [of("fail"), of("warn"), of("failed"), of("pass"), of("unchanged")];
  const parts = [];
  if (fail.length > 0)
    parts.push(
      `${fail.length} of ${total} ${total === 1 ? "function" : "functions"} regressed: ${listed(fail, namedWithChange)}`
    );
  if (warn.length > 0) parts.push(`${functions(warn.length)} with a warning: ${listed(warn, namedWithChange)}`);
  if (failed.length > 0)
    parts.push(
      `${functions(failed.length)} could not be measured, which fails the gate: ${listed(failed, namedWithFailure)}`
    );
  const improved = pass.filter(isImproved);
  const rest = [];
  if (improved.length > 0) rest.push(`${improved.length} improved: ${listed(improved, namedWithSaving)}`);
  if (pass.length > improved.length) rest.push(`${pass.length - improved.length} passed`);
  if (unchanged.length > 0) rest.push(`${unchanged.length} unchanged, not measured`);
  if (parts.length === 0) {
    const all = pass.length === total && improved.length === 0 ? `All ${functions(total)} passed` : `No regression in ${functions(total)}`;
    const detail = all.startsWith("All") ? "" : `: ${rest.join("; ")}`;
    const monthly = monthlyCostDeltaUsd !== null ? ` (monthly cost ${formatUsdDelta(monthlyCostDeltaUsd)} in all)` : "";
    return `${all}${detail}${monthly}.`;
  }
  return `${[...parts, ...rest].join("; ")}.`;
}
function appVerdict(outcomes) {
  const ordered = orderOutcomes(outcomes);
  const counts = { measured: 0, unchanged: 0, failed: 0, pass: 0, warn: 0, fail: 0 };
  let level = outcomes.length === 0 ? "warn" : "pass";
  let monthlyCostDeltaUsd = null;
  for (const outcome of outcomes) {
    counts[outcome.status] += 1;
    const functionLevelOf = functionLevel(outcome);
    counts[functionLevelOf] += 1;
    level = worseLevel(level, functionLevelOf);
    const monthly = outcome.verdict?.monthlyCostDeltaUsd;
    if (typeof monthly === "number" && Number.isFinite(monthly))
      monthlyCostDeltaUsd = (monthlyCostDeltaUsd ?? 0) + monthly;
  }
  if (monthlyCostDeltaUsd !== null) monthlyCostDeltaUsd = Math.round(monthlyCostDeltaUsd * 1e6) / 1e6 || 0;
  return { level, reason: appReason(ordered, monthlyCostDeltaUsd), monthlyCostDeltaUsd, counts };
}

export {
  MAX_NAMED_FUNCTIONS,
  STANDING_RANK,
  standingOf,
  functionLevel,
  orderOutcomes,
  decidingComparison,
  isImproved,
  appVerdict
};
