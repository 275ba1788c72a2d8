import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  successfulSamples,
  trimmedMean
} from "./chunk-LYDXGQBP.js";

// src/tuning/cold-cost.ts
var DEFAULT_COLD_START_RATE = 0.01;
var INIT_BILLING_STANDARDISED_AT = "2025-08-01T00:00:00Z";
function resolvedColdStartRate(rate) {
  return typeof rate === "number" ? rate : DEFAULT_COLD_START_RATE;
}
function coldStartBilling(fn, at) {
  if (fn.snapStart === true) {
    return {
      billed: "restore",
      rule: "SnapStart: INIT ran when the version was published; a cold start bills its Billed Restore Duration"
    };
  }
  if (fn.packageType === "Image") {
    return { billed: "init", rule: "container image: the INIT phase is billed (it was before 1 August 2025 too)" };
  }
  if (fn.runtime?.startsWith("provided")) {
    return {
      billed: "init",
      rule: "custom runtime (provided.*): the INIT phase is billed (it was before 1 August 2025 too)"
    };
  }
  const standardised = at.getTime() >= Date.parse(INIT_BILLING_STANDARDISED_AT);
  if (fn.runtime === void 0 || fn.runtime === "") {
    return {
      billed: "init",
      rule: standardised ? "the INIT phase is billed (every on-demand configuration since 1 August 2025)" : "runtime unknown: the INIT phase is assumed billed"
    };
  }
  return standardised ? { billed: "init", rule: "zip package on a managed runtime: the INIT phase is billed since 1 August 2025" } : { billed: "none", rule: "zip package on a managed runtime: the INIT phase was not billed before 1 August 2025" };
}
var MB_PER_GB = 1024;
function extraCostUsd(extraBilledMs, memoryMb, prices) {
  return extraBilledMs / 1e3 * (memoryMb / MB_PER_GB) * prices.pricePerGbSecondUsd;
}
function expectedCostPerInvocationUsd(warmCostUsd, rate, coldExtraUsd) {
  return warmCostUsd + rate * coldExtraUsd;
}
function measuredExtra(entry, rule, discardTopBottom) {
  if (entry.status !== "ok") return null;
  const successful = successfulSamples(entry.samples, rule);
  const cold = successful.filter((sample) => sample.coldStart).map((sample) => sample.billedDurationMs);
  const warm = successful.filter((sample) => !sample.coldStart).map((sample) => sample.billedDurationMs);
  if (cold.length === 0 || warm.length === 0) return null;
  const coldMean = cold.reduce((sum, value) => sum + value, 0) / cold.length;
  return { billedMs: Math.max(0, coldMean - trimmedMean(warm, discardTopBottom)), coldStarts: cold.length };
}
function withColdStartCosts(powerValues, rate, prices, settings) {
  const measured = /* @__PURE__ */ new Map();
  for (const entry of powerValues) {
    if (settings.onlyColdStarts) break;
    const extra = measuredExtra(entry, settings, settings.discardTopBottom);
    if (extra) measured.set(entry.memoryMb, extra);
  }
  return powerValues.map((entry) => {
    if (entry.status !== "ok" || entry.costPerInvocationUsd === null) return entry;
    const coldStartCost = coldStartCostAt(entry.memoryMb, measured, prices, settings.onlyColdStarts);
    const expected = coldStartCost.extraCostUsd === null ? null : expectedCostPerInvocationUsd(entry.costPerInvocationUsd, rate, coldStartCost.extraCostUsd);
    return { ...entry, coldStartCost, expectedCostPerInvocationUsd: expected };
  });
}
function coldStartCostAt(memoryMb, measured, prices, onlyColdStarts) {
  const own = measured.get(memoryMb);
  if (own) {
    return {
      source: "measured",
      extraBilledMs: own.billedMs,
      extraCostUsd: extraCostUsd(own.billedMs, memoryMb, prices),
      coldStarts: own.coldStarts
    };
  }
  const nearest = [...measured.keys()].reduce(
    (best, size) => best === void 0 || Math.abs(size - memoryMb) < Math.abs(best - memoryMb) || Math.abs(size - memoryMb) === Math.abs(best - memoryMb) && size < best ? size : best,
    void 0
  );
  const from = nearest === void 0 ? void 0 : measured.get(nearest);
  if (nearest === void 0 || !from) {
    return {
      source: "unknown",
      extraBilledMs: null,
      extraCostUsd: null,
      coldStarts: 0,
      note: onlyColdStarts ? "only-cold-starts measures no warm invocation to compare a cold start with" : "no memory size has both a successful cold start and a warm invocation"
    };
  }
  return {
    source: "estimated",
    extraBilledMs: from.billedMs,
    extraCostUsd: extraCostUsd(from.billedMs, memoryMb, prices),
    coldStarts: 0,
    fromMemoryMb: nearest,
    note: `no successful cold start at ${memoryMb} MB; the extra billed duration of ${nearest} MB's is used`
  };
}

export {
  DEFAULT_COLD_START_RATE,
  INIT_BILLING_STANDARDISED_AT,
  resolvedColdStartRate,
  coldStartBilling,
  extraCostUsd,
  expectedCostPerInvocationUsd,
  withColdStartCosts
};
