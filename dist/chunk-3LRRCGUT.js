import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  LEVEL_RANK
} from "./chunk-XTUQEIAI.js";
import {
  entryAt,
  explainNoRecommendation,
  memoryUseOf,
  usedPctText
} from "./chunk-Q3BMP5S5.js";
import {
  formatCount,
  formatMemory,
  formatMs,
  formatPct,
  formatUsdDelta
} from "./chunk-F67DHOCG.js";
import {
  truncateText
} from "./chunk-TM45P2KR.js";

// src/report/model.ts
var VERDICT_ICON = { pass: "\u2705", warn: "\u26A0\uFE0F", fail: "\u274C" };
var NO_VERDICT_ICON = "\u26A1";
var ACCEPTED_ICON = "\u2611\uFE0F";
var KIND_WORDS = {
  cost: "cost per invocation",
  duration: "duration",
  init: "Init Duration",
  "monthly-cost": "monthly cost",
  memory: "max memory used"
};
function headlineComparison(verdict) {
  const candidates = verdict.comparisons.filter(
    (row) => row.deltaPct !== null && row.kind !== "monthly-cost" && row.kind !== "memory"
  );
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
function projectedCosts(result) {
  const rec = result.recommendation;
  if (!rec || result.current.costPerInvocationUsd === null) return null;
  const recExpected = rec.expectedCostPerInvocationUsd;
  const currentExpected = result.current.expectedCostPerInvocationUsd;
  if (typeof recExpected === "number" && typeof currentExpected === "number")
    return { recommendedUsd: recExpected, currentUsd: currentExpected, withColdStarts: true };
  return {
    recommendedUsd: rec.costPerInvocationUsd,
    currentUsd: result.current.costPerInvocationUsd,
    withColdStarts: false
  };
}
function savingPct(result) {
  const costs = projectedCosts(result);
  if (!costs || costs.currentUsd === 0) return null;
  return (1 - costs.recommendedUsd / costs.currentUsd) * 100;
}
function monthlyChangeUsd(result) {
  const monthly = result.settings.monthlyInvocations;
  const costs = projectedCosts(result);
  if (!monthly || !costs) return null;
  return (costs.recommendedUsd - costs.currentUsd) * monthly;
}
function noRecommendationReason(result) {
  if (result.recommendation || result.dryRun) return null;
  const s = result.settings;
  try {
    return explainNoRecommendation(result.powerValues, {
      strategy: s.strategy,
      balancedWeight: s.balancedWeight,
      ...s.percentileLimit ? { percentileLimit: s.percentileLimit } : {},
      sampleRule: s,
      ...s.maxMemoryUsedPct !== void 0 ? { maxMemoryUsedPct: s.maxMemoryUsedPct } : {}
    });
  } catch {
    return null;
  }
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
function memoryUseAt(input, memoryMb) {
  const entry = entryAt(input.result, memoryMb);
  const use = entry ? memoryUseOf(entry) : null;
  if (!use) return null;
  const check = input.verdict?.comparisons.find((row) => row.kind === "memory" && row.memoryMb === memoryMb);
  return { maxMemoryUsedMb: use.maxMemoryUsedMb, usedPct: use.usedPct, ...check ? { level: check.level } : {} };
}
function memoryUseCellText(cell) {
  return `${formatMemory(cell.maxMemoryUsedMb)} (${usedPctText(cell.usedPct)})`;
}
function memoryDeltaAt(input, memoryMb) {
  const deltaPct = ratioPct(
    entryAt(input.result, memoryMb)?.maxMemoryUsedMb,
    entryAt(input.baseline, memoryMb)?.maxMemoryUsedMb
  );
  return deltaPct === null ? null : { deltaPct };
}
function hasMemoryColumns(input) {
  return input.result.powerValues.some((entry) => memoryUseOf(entry) !== null);
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
var shortSha = (sha) => sha && /^[0-9a-f]{7,64}$/i.test(sha) ? sha.slice(0, 7).toLowerCase() : null;

export {
  VERDICT_ICON,
  NO_VERDICT_ICON,
  ACCEPTED_ICON,
  headlineComparison,
  headlineNumber,
  storedBaselineNote,
  projectedCosts,
  savingPct,
  monthlyChangeUsd,
  noRecommendationReason,
  deltaAt,
  memoryUseAt,
  memoryUseCellText,
  memoryDeltaAt,
  hasMemoryColumns,
  hasBaselineColumns,
  errorsText,
  MAX_TABLE_ROWS,
  keyMemorySizes,
  coldStartTexts,
  firstErrors,
  shortSha
};
