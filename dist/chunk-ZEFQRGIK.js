import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  compareVisualizationUrl,
  visualizationUrl
} from "./chunk-5WM6ETGA.js";
import {
  entryAt
} from "./chunk-D27PZQRW.js";
import {
  LEVEL_RANK
} from "./chunk-XTUQEIAI.js";
import {
  formatCount,
  formatMemory,
  formatMs,
  formatPct,
  formatUsdDelta,
  truncateText
} from "./chunk-YTU5BVUS.js";

// src/report/model.ts
var VERDICT_ICON = { pass: "\u2705", warn: "\u26A0\uFE0F", fail: "\u274C" };
var NO_VERDICT_ICON = "\u26A1";
var KIND_WORDS = {
  cost: "cost per invocation",
  duration: "duration",
  "monthly-cost": "monthly cost"
};
function headlineComparison(verdict) {
  const candidates = verdict.comparisons.filter((row) => row.deltaPct !== null && row.kind !== "monthly-cost");
  if (candidates.length === 0) return null;
  const monthlyMemory = verdict.comparisons.find((row) => row.kind === "monthly-cost")?.memoryMb;
  const score = (row) => [
    LEVEL_RANK[row.level],
    // The configured memory is what production pays for: quote it whenever it is at the worst level.
    row.memoryMb === monthlyMemory ? 1 : 0,
    row.kind === "cost" ? 1 : 0,
    row.significant ? 1 : 0,
    Math.abs(row.deltaPct ?? 0)
  ];
  const better = (a, b) => {
    for (let i = 0; i < a.length; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
    return false;
  };
  return candidates.reduce((best, row) => better(score(row), score(best)) ? row : best);
}
function headlineNumber(verdict, monthlyInvocations) {
  const row = headlineComparison(verdict);
  if (!row) return null;
  const at = row.memoryMb !== void 0 ? ` at ${formatMemory(row.memoryMb)}` : "";
  const prefix = row.significant ? "" : "no significant change: ";
  const parts = [`${prefix}${KIND_WORDS[row.kind]} ${formatPct(row.deltaPct)}${at}`];
  if (verdict.monthlyCostDeltaUsd !== null && Number.isFinite(verdict.monthlyCostDeltaUsd)) {
    const volume = monthlyInvocations ? ` at ${formatCount(monthlyInvocations)} invocations/month` : "";
    parts.push(`${formatUsdDelta(verdict.monthlyCostDeltaUsd)}/month${volume}`);
  }
  return parts.join(", ");
}
function storedBaselineNote(verdict) {
  if (verdict.baselineKind !== "stored" || verdict.level === "pass") return "";
  return " \u2014 a stored run, measured at another time in other execution environments: it can flag what a live baseline-function would show as noise (docs/gate.md)";
}
function savingPct(result) {
  const recommended = result.recommendation?.costPerInvocationUsd;
  const current = result.current.costPerInvocationUsd;
  if (recommended === void 0 || current === null || current === 0) return null;
  return (1 - recommended / current) * 100;
}
function monthlyChangeUsd(result) {
  const monthly = result.settings.monthlyInvocations;
  const rec = result.recommendation;
  if (!monthly || !rec || result.current.costPerInvocationUsd === null) return null;
  return (rec.costPerInvocationUsd - result.current.costPerInvocationUsd) * monthly;
}
function ratioPct(pr, base) {
  if (typeof pr !== "number" || typeof base !== "number" || !Number.isFinite(pr) || !Number.isFinite(base) || base <= 0)
    return null;
  return (pr / base - 1) * 100;
}
function deltaAt(input, memoryMb, kind) {
  const tested = input.verdict?.comparisons.find(
    (row) => row.kind === kind && row.memoryMb === memoryMb && (row.baseMemoryMb ?? memoryMb) === memoryMb && row.deltaPct !== null
  );
  if (tested && tested.deltaPct !== null)
    return { deltaPct: tested.deltaPct, significant: tested.significant, level: tested.level };
  const pr = entryAt(input.result, memoryMb);
  const base = entryAt(input.baseline, memoryMb);
  if (pr?.status !== "ok" || base?.status !== "ok") return null;
  const deltaPct = kind === "cost" ? ratioPct(pr.costPerInvocationUsd, base.costPerInvocationUsd) : ratioPct(pr.duration?.trimmedMean, base.duration?.trimmedMean);
  return deltaPct === null ? null : { deltaPct };
}
function hasBaselineColumns(input) {
  return Boolean(input.baseline) || Boolean(input.verdict?.comparisons.some((row) => row.deltaPct !== null && row.memoryMb !== void 0));
}
function errorsText(entry, escape = (text) => text) {
  const types = Object.entries(entry.errorTypes).sort(([, a], [, b]) => b - a);
  const count = `${entry.errors}\xA0/\xA0${entry.invocations}`;
  const [top] = types;
  if (!top) return count;
  const more = types.length > 1 ? `, ${types.length - 1} more type${types.length === 2 ? "" : "s"}` : "";
  return `${count} (${escape(truncateText(top[0], 40))} \xD7${top[1]}${more})`;
}
var MAX_TABLE_ROWS = 12;
function keyMemorySizes(input) {
  const { result } = input;
  const keys = /* @__PURE__ */ new Set();
  if (result.recommendation) keys.add(result.recommendation.memoryMb);
  keys.add(result.current.memoryMb);
  for (const row of input.verdict?.comparisons ?? []) if (row.memoryMb !== void 0) keys.add(row.memoryMb);
  const ok = result.powerValues.filter(
    (entry) => entry.status === "ok" && entry.duration && entry.costPerInvocationUsd !== null
  );
  const fastest = ok.reduce(
    (best, entry) => !best || (entry.duration?.trimmedMean ?? Infinity) < (best.duration?.trimmedMean ?? Infinity) ? entry : best,
    void 0
  );
  const cheapest = ok.reduce(
    (best, entry) => !best || (entry.costPerInvocationUsd ?? Infinity) < (best.costPerInvocationUsd ?? Infinity) ? entry : best,
    void 0
  );
  if (fastest) keys.add(fastest.memoryMb);
  if (cheapest) keys.add(cheapest.memoryMb);
  return keys;
}
function coldStartTexts(entry) {
  const parts = [];
  if (entry.coldStart) parts.push(`${entry.coldStart.count} \xD7 ${formatMs(entry.coldStart.mean)}`);
  if (entry.restore) parts.push(`${entry.restore.count} \xD7 ${formatMs(entry.restore.mean)} restore`);
  return parts;
}
function firstErrors(result) {
  return result.powerValues.flatMap((entry) => {
    const sample = entry.samples.find((s) => s.errorType !== void 0 && s.errorMessage);
    return sample ? [{ memoryMb: entry.memoryMb, errorType: sample.errorType ?? "", errorMessage: sample.errorMessage ?? "" }] : [];
  });
}
var shortSha = (sha) => sha && /^[0-9a-f]{7,40}$/i.test(sha) ? sha.slice(0, 7) : null;
function visualizationPoints(result) {
  return result.powerValues.flatMap((entry) => {
    const durationMs = entry.duration?.trimmedMean;
    if (entry.status !== "ok" || typeof durationMs !== "number" || typeof entry.costPerInvocationUsd !== "number")
      return [];
    return [{ memoryMb: entry.memoryMb, durationMs, costUsd: entry.costPerInvocationUsd }];
  });
}
function legendFor(run, fallback) {
  const sha = shortSha(run.git?.sha);
  const pr = run.git?.pullRequest;
  if (fallback === "PR" && Number.isInteger(pr)) return sha ? `PR #${pr} (${sha})` : `PR #${pr}`;
  return sha ? `${fallback} (${sha})` : fallback;
}
function visualizationLinks(result, baseline) {
  const points = visualizationPoints(result);
  const single = points.length > 0 ? visualizationUrl(points) : null;
  const basePoints = baseline ? visualizationPoints(baseline) : [];
  const compare = baseline && points.length > 0 && basePoints.length > 0 ? compareVisualizationUrl(
    basePoints,
    points,
    legendFor(baseline, "baseline"),
    legendFor(result, result.git?.pullRequest ? "PR" : "this run")
  ) : null;
  return { single, compare };
}

export {
  VERDICT_ICON,
  NO_VERDICT_ICON,
  headlineComparison,
  headlineNumber,
  storedBaselineNote,
  savingPct,
  monthlyChangeUsd,
  deltaAt,
  hasBaselineColumns,
  errorsText,
  MAX_TABLE_ROWS,
  keyMemorySizes,
  coldStartTexts,
  firstErrors,
  shortSha,
  visualizationPoints,
  visualizationLinks
};
