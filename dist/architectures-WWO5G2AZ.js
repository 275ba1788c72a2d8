import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  metricValues,
  ratioInterval
} from "./chunk-2K2G7BBZ.js";
import "./chunk-JRNMWUVF.js";
import {
  candidatesOf,
  entryAt
} from "./chunk-Q3BMP5S5.js";
import "./chunk-LYDXGQBP.js";
import {
  clampBalancedWeight
} from "./chunk-SFJ7IVIP.js";
import {
  formatMemory,
  formatMs,
  formatUsd
} from "./chunk-F67DHOCG.js";
import "./chunk-TM45P2KR.js";
import "./chunk-URRKCZFK.js";

// src/gate/architectures.ts
function compareArchitectures(own, other, options) {
  const byArchitecture = (architecture) => own.function.architecture === architecture ? own : other;
  const x86 = byArchitecture("x86_64");
  const arm = byArchitecture("arm64");
  const memories = [...new Set([...own.powerValues, ...other.powerValues].map((entry) => entry.memoryMb))].sort(
    (a, b) => a - b
  );
  const memorySizes = memories.map((memoryMb) => ({
    memoryMb,
    x86_64: figuresAt(x86, memoryMb),
    arm64: figuresAt(arm, memoryMb),
    cost: ratioAt(arm, x86, memoryMb, "cost", options.confidence),
    duration: ratioAt(arm, x86, memoryMb, "duration", options.confidence)
  }));
  return {
    source: options.source,
    confidence: options.confidence,
    functions: [own, other].map((run) => ({
      architecture: run.function.architecture,
      name: run.function.name,
      arn: run.function.arn,
      prices: run.prices,
      recommendation: run.recommendation ? {
        memoryMb: run.recommendation.memoryMb,
        costPerInvocationUsd: run.recommendation.costPerInvocationUsd,
        durationMs: run.recommendation.durationMs
      } : null
    })),
    memorySizes,
    configured: { architecture: own.function.architecture, memoryMb: own.current.memoryMb },
    recommendation: pairRecommendation(own, other, options.confidence)
  };
}
function figuresAt(run, memoryMb) {
  const entry = entryAt(run, memoryMb);
  const durationMs = entry?.duration?.trimmedMean;
  if (entry?.status !== "ok" || entry.costPerInvocationUsd === null || typeof durationMs !== "number") return null;
  return {
    costPerInvocationUsd: entry.costPerInvocationUsd,
    ...typeof entry.expectedCostPerInvocationUsd === "number" ? { expectedCostPerInvocationUsd: entry.expectedCostPerInvocationUsd } : {},
    durationMs
  };
}
function ratioAt(arm, x86, memoryMb, kind, confidence) {
  return intervalBetween(arm, entryAt(arm, memoryMb), x86, entryAt(x86, memoryMb), kind, confidence);
}
function intervalBetween(a, aEntry, b, bEntry, kind, confidence) {
  if (aEntry?.status !== "ok" || bEntry?.status !== "ok") return null;
  const interval = ratioInterval(
    metricValues(a, aEntry, kind, a.prices),
    metricValues(b, bEntry, kind, b.prices),
    a.settings.discardTopBottom,
    b.settings.discardTopBottom,
    confidence
  );
  if (!interval) return null;
  return {
    ratio: interval.ratio,
    low: interval.low,
    high: interval.high,
    significant: interval.low > 1 || interval.high < 1
  };
}
function comparedCosts(a, b) {
  if (typeof a.expectedCostPerInvocationUsd === "number" && typeof b.expectedCostPerInvocationUsd === "number")
    return [a.expectedCostPerInvocationUsd, b.expectedCostPerInvocationUsd];
  return [a.costPerInvocationUsd, b.costPerInvocationUsd];
}
function preference(own, other, ownRec, otherRec) {
  const strategy = own.settings.strategy;
  if (strategy === "speed") return otherRec.durationMs - ownRec.durationMs;
  const [otherCost, ownCost] = comparedCosts(otherRec, ownRec);
  if (strategy !== "balanced") return otherCost - ownCost;
  const candidates = [...candidatesOf(own.powerValues), ...candidatesOf(other.powerValues)];
  const maxCost = Math.max(...candidates.map((c) => c.costUsd), otherCost, ownCost);
  const maxDuration = Math.max(...candidates.map((c) => c.durationMs), otherRec.durationMs, ownRec.durationMs);
  const weight = clampBalancedWeight(own.settings.balancedWeight);
  const score = (cost, duration) => weight * (maxCost > 0 ? cost / maxCost : 0) + (1 - weight) * (maxDuration > 0 ? duration / maxDuration : 0);
  return score(otherCost, otherRec.durationMs) - score(ownCost, ownRec.durationMs);
}
function pairOf(run, rec, own, reason, significant) {
  return {
    architecture: run.function.architecture,
    memoryMb: rec.memoryMb,
    costPerInvocationUsd: rec.costPerInvocationUsd,
    ...typeof rec.expectedCostPerInvocationUsd === "number" ? { expectedCostPerInvocationUsd: rec.expectedCostPerInvocationUsd } : {},
    durationMs: rec.durationMs,
    savingPct: savingAgainstConfigured(own, rec),
    changesArchitecture: run !== own,
    significant,
    reason
  };
}
function savingAgainstConfigured(own, rec) {
  const current = own.current;
  if (current.costPerInvocationUsd === null) return null;
  const expected = typeof rec.expectedCostPerInvocationUsd === "number" && typeof current.expectedCostPerInvocationUsd === "number";
  const recommended = expected ? rec.expectedCostPerInvocationUsd : rec.costPerInvocationUsd;
  const configured = expected ? current.expectedCostPerInvocationUsd : current.costPerInvocationUsd;
  return configured > 0 ? (1 - recommended / configured) * 100 : null;
}
var ratioText = (ratio, confidence) => `${ratio.ratio.toFixed(2)}\xD7 (${Math.round(confidence * 100)}% interval ${ratio.low.toFixed(2)}\u2013${ratio.high.toFixed(2)})`;
function pairRecommendation(own, other, confidence) {
  const ownRec = own.recommendation;
  const otherRec = other.recommendation;
  const ownArch = own.function.architecture;
  const otherArch = other.function.architecture;
  const at = (arch, rec) => `${arch} at ${formatMemory(rec.memoryMb)}`;
  if (!ownRec && !otherRec) return null;
  if (!otherRec && ownRec)
    return pairOf(
      own,
      ownRec,
      own,
      `${otherArch} has no recommendation; ${at(ownArch, ownRec)}: ${ownRec.reason}`,
      false
    );
  if (!ownRec && otherRec)
    return pairOf(
      other,
      otherRec,
      own,
      `${ownArch} has no recommendation; ${at(otherArch, otherRec)}: ${otherRec.reason}`,
      false
    );
  const mine = ownRec;
  const theirs = otherRec;
  const between = (metric) => intervalBetween(other, entryAt(other, theirs.memoryMb), own, entryAt(own, mine.memoryMb), metric, confidence);
  const metrics = own.settings.strategy === "speed" ? ["duration"] : own.settings.strategy === "balanced" ? ["cost", "duration"] : ["cost"];
  const intervals = metrics.map((metric) => ({ metric, interval: between(metric) }));
  const lower = intervals.some(({ interval }) => interval !== null && interval.high < 1);
  const higher = intervals.some(({ interval }) => interval !== null && interval.low > 1);
  const figures = (rec) => metrics[0] === "cost" ? `${formatUsd(comparedCosts(rec, rec)[0])} per invocation` : formatMs(rec.durationMs);
  const comparison = intervals.map(
    ({ metric, interval }) => interval ? `${otherArch}'s ${metric} ${ratioText(interval, confidence)} of ${ownArch}'s` : `no ${metric} interval (too few samples)`
  ).join(", ");
  const picks = `${at(otherArch, theirs)} (${figures(theirs)}) against ${at(ownArch, mine)} (${figures(mine)}): ${comparison}`;
  const strategy = own.settings.strategy;
  if (preference(own, other, mine, theirs) < 0) {
    const settled = lower && !higher;
    return pairOf(
      other,
      theirs,
      own,
      settled ? `${picks}; ${otherArch} is better by the ${strategy} strategy` : `${picks}; ${otherArch} is better by the ${strategy} strategy's figures, but within noise: more invocations would settle it before a new build`,
      settled
    );
  }
  return pairOf(
    own,
    mine,
    own,
    `${picks}; ${ownArch} is as good or better by the ${strategy} strategy`,
    higher && !lower
  );
}
export {
  compareArchitectures,
  savingAgainstConfigured
};
