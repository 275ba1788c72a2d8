import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  measuredSamples,
  percentile
} from "./chunk-LYDXGQBP.js";
import {
  clampBalancedWeight
} from "./chunk-SFJ7IVIP.js";
import {
  formatMs,
  formatUsd
} from "./chunk-F67DHOCG.js";

// src/tuning/headroom.ts
function memoryUseOf(entry) {
  const used = entry.maxMemoryUsedMb;
  if (used === null || !Number.isFinite(used) || entry.memoryMb <= 0) return null;
  return { memoryMb: entry.memoryMb, maxMemoryUsedMb: used, usedPct: used / entry.memoryMb * 100 };
}
function usedAbove(use, limitPct) {
  const limitMb = limitPct / 100 * use.memoryMb;
  return use.maxMemoryUsedMb > limitMb && Math.abs(use.maxMemoryUsedMb - limitMb) > 1e-9 * use.memoryMb;
}
function usedPctText(usedPct, limitPct) {
  const whole = Math.floor(usedPct + 1e-9);
  if (limitPct !== void 0 && usedPct > limitPct && whole <= limitPct)
    return `${(Math.floor(usedPct * 10) / 10).toFixed(1)}%`;
  return `${whole}%`;
}
function memoryUseText(use, limitPct) {
  return `${use.maxMemoryUsedMb} of ${use.memoryMb} MB used (${usedPctText(use.usedPct, limitPct)})`;
}
function skippedText(use, limitPct) {
  return `${use.memoryMb} MB skipped: ${memoryUseText(use, limitPct)}, over the ${limitPct}% limit`;
}

// src/tuning/analyze.ts
var DEFAULT_SAMPLE_RULE = { allowedExceptions: [], onlyColdStarts: false };
var RELATIVE_TOLERANCE = 1e-9;
function nearlyEqual(a, b) {
  return a === b || Math.abs(a - b) <= RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
}
function compareNumbers(a, b) {
  return nearlyEqual(a, b) ? 0 : a - b;
}
function candidatesOf(powerValues) {
  const candidates = [];
  for (const result of powerValues) {
    const durationMs = result.duration?.trimmedMean;
    const costUsd = result.costPerInvocationUsd;
    if (result.status !== "ok" || durationMs === void 0 || costUsd === null) continue;
    if (!Number.isFinite(durationMs) || !Number.isFinite(costUsd)) continue;
    candidates.push({ memoryMb: result.memoryMb, costUsd, warmCostUsd: costUsd, expected: false, durationMs, result });
  }
  const expected = candidates.map((c) => c.result.expectedCostPerInvocationUsd);
  if (candidates.length > 0 && expected.every((value) => typeof value === "number" && Number.isFinite(value))) {
    candidates.forEach((c, index) => {
      c.costUsd = expected[index] ?? c.warmCostUsd;
      c.expected = true;
    });
  }
  return candidates;
}
function perInvocation(candidate) {
  return candidate.expected ? "per invocation with cold starts" : "per invocation";
}
var byCost = (a, b) => compareNumbers(a.costUsd, b.costUsd);
var byDuration = (a, b) => compareNumbers(a.durationMs, b.durationMs);
var byMemory = (a, b) => a.memoryMb - b.memoryMb;
function chain(...comparators) {
  return (a, b) => {
    for (const compare of comparators) {
      const order = compare(a, b);
      if (order !== 0) return order;
    }
    return 0;
  };
}
function best(candidates, compare) {
  return candidates.reduce((winner, next) => compare(next, winner) < 0 ? next : winner);
}
function durationPercentileMs(result, p, rule = DEFAULT_SAMPLE_RULE) {
  return percentile(
    measuredSamples(result.samples, rule).map((sample) => sample.durationMs),
    p
  );
}
function ofSizes(n) {
  return n === 1 ? "the only memory size with results" : `of ${n} memory sizes`;
}
function tieNote(candidates, winner, primary, tiedOn, pick2) {
  const tied = candidates.filter((c) => primary(c, winner) === 0).length;
  return tied < 2 ? "" : `; ${tied} sizes tied on ${tiedOn} and this is the ${pick2} of them`;
}
function recommendation(strategy, winner, reason) {
  return {
    strategy,
    memoryMb: winner.memoryMb,
    costPerInvocationUsd: winner.warmCostUsd,
    ...winner.expected ? { expectedCostPerInvocationUsd: winner.costUsd } : {},
    durationMs: winner.durationMs,
    reason
  };
}
function cheapest(candidates) {
  const winner = best(candidates, chain(byCost, byDuration, byMemory));
  const which = candidates.length === 1 ? ofSizes(1) : `cheapest ${ofSizes(candidates.length)}`;
  const reason = `${which} at ${formatUsd(winner.costUsd)} ${perInvocation(winner)} (${formatMs(winner.durationMs)})` + tieNote(candidates, winner, byCost, "cost", "fastest");
  return recommendation("cost", winner, reason);
}
function fastest(candidates) {
  const winner = best(candidates, chain(byDuration, byCost, byMemory));
  const which = candidates.length === 1 ? ofSizes(1) : `fastest ${ofSizes(candidates.length)}`;
  const reason = `${which} at ${formatMs(winner.durationMs)} (${formatUsd(winner.costUsd)} ${perInvocation(winner)})` + tieNote(candidates, winner, byDuration, "duration", "cheapest");
  return recommendation("speed", winner, reason);
}
function balancedScore(candidate, weight, maxCostUsd, maxDurationMs) {
  const costPart = maxCostUsd > 0 ? candidate.costUsd / maxCostUsd : 0;
  const durationPart = maxDurationMs > 0 ? candidate.durationMs / maxDurationMs : 0;
  return weight * costPart + (1 - weight) * durationPart;
}
function balanced(candidates, balancedWeight) {
  const weight = clampBalancedWeight(balancedWeight);
  const maxCostUsd = Math.max(...candidates.map((c) => c.costUsd));
  const maxDurationMs = Math.max(...candidates.map((c) => c.durationMs));
  const scores = new Map(candidates.map((c) => [c, balancedScore(c, weight, maxCostUsd, maxDurationMs)]));
  const byScore = (a, b) => compareNumbers(scores.get(a) ?? NaN, scores.get(b) ?? NaN);
  const winner = best(candidates, chain(byScore, byCost, byDuration, byMemory));
  const which = candidates.length === 1 ? ofSizes(1) : `best balance of cost and speed ${ofSizes(candidates.length)}`;
  const reason = `${which} (weight ${weight} on cost) at ${formatUsd(winner.costUsd)} ${perInvocation(winner)} and ${formatMs(winner.durationMs)}` + tieNote(candidates, winner, byScore, "score", "cheapest");
  return recommendation("balanced", winner, reason);
}
function requirePercentileLimit(options) {
  if (!options.percentileLimit) {
    throw new Error("the 'percentile' strategy needs a percentile limit (percentile and max duration)");
  }
  return options.percentileLimit;
}
function withinPercentileLimit(candidates, limit, rule) {
  return candidates.filter((c) => {
    const value = durationPercentileMs(c.result, limit.percentile, rule);
    return Number.isFinite(value) && (value <= limit.maxDurationMs || nearlyEqual(value, limit.maxDurationMs));
  });
}
function cheapestWithinPercentile(candidates, limit, rule) {
  const qualified = withinPercentileLimit(candidates, limit, rule);
  if (qualified.length === 0) return null;
  const winner = best(qualified, chain(byCost, byDuration, byMemory));
  const p = `p${limit.percentile}`;
  const winnerPercentileMs = durationPercentileMs(winner.result, limit.percentile, rule);
  const which = qualified.length === 1 ? `the only memory size of ${candidates.length} with ${p} within ${formatMs(limit.maxDurationMs)}` : `cheapest of ${qualified.length} memory sizes with ${p} within ${formatMs(limit.maxDurationMs)}`;
  const reason = `${which}: ${formatUsd(winner.costUsd)} ${perInvocation(winner)}, ${p} ${formatMs(winnerPercentileMs)}` + tieNote(qualified, winner, byCost, "cost", "fastest");
  return recommendation("percentile", winner, reason);
}
function pick(candidates, options) {
  if (options.strategy === "percentile") {
    const limit = requirePercentileLimit(options);
    return candidates.length === 0 ? null : cheapestWithinPercentile(candidates, limit, options.sampleRule ?? DEFAULT_SAMPLE_RULE);
  }
  if (candidates.length === 0) return null;
  switch (options.strategy) {
    case "cost":
      return cheapest(candidates);
    case "speed":
      return fastest(candidates);
    case "balanced":
      return balanced(candidates, options.balancedWeight);
  }
}
function overHeadroom(candidate, limitPct) {
  if (limitPct === void 0) return false;
  const use = memoryUseOf(candidate.result);
  return use !== null && usedAbove(use, limitPct);
}
function recommend(powerValues, options) {
  const all = candidatesOf(powerValues);
  const limitPct = options.maxMemoryUsedPct;
  const within = all.filter((c) => !overHeadroom(c, limitPct));
  const winner = pick(within, options);
  if (!winner || limitPct === void 0 || within.length === all.length) return winner;
  const skipped = all.filter((c) => !within.includes(c) && pick([...within, c], options)?.memoryMb === c.memoryMb);
  const uses = skipped.flatMap((c) => {
    const use = memoryUseOf(c.result);
    return use ? [use] : [];
  });
  if (uses.length === 0) return winner;
  return {
    ...winner,
    reason: `${winner.reason}; ${uses.map((use) => skippedText(use, limitPct)).join("; ")}`,
    skippedForHeadroom: uses.map((use) => ({
      memoryMb: use.memoryMb,
      maxMemoryUsedMb: use.maxMemoryUsedMb,
      usedPct: use.usedPct,
      limitPct
    }))
  };
}
function failedSummary(powerValues) {
  const reasons = powerValues.map((pv) => {
    const why = pv.status === "failed" ? pv.failureReason ?? "failed" : "no successful invocation";
    return `${pv.memoryMb} MB: ${why.replace(/\.$/, "")}`;
  });
  return reasons.join("; ");
}
function explainNoRecommendation(powerValues, options) {
  if (recommend(powerValues, options) !== null) return null;
  if (powerValues.length === 0) return "No memory size was tested.";
  const candidates = candidatesOf(powerValues);
  if (candidates.length === 0) {
    const all = powerValues.length === 1 ? "The only memory size" : `All ${powerValues.length} memory sizes`;
    return `${all} failed, so there is nothing to recommend: ${failedSummary(powerValues)}.`;
  }
  const limitPct = options.maxMemoryUsedPct;
  if (limitPct !== void 0 && candidates.every((c) => overHeadroom(c, limitPct))) {
    const uses = candidates.flatMap((c) => {
      const use = memoryUseOf(c.result);
      return use ? [`${use.memoryMb} MB: ${memoryUseText(use, limitPct)}`] : [];
    });
    const which = candidates.length === 1 ? "The only memory size that ran" : `All ${candidates.length} memory sizes that ran`;
    return `${which} used more than the ${limitPct}% max-memory-used-percent limit, so none is recommended (add larger power-values): ${uses.join("; ")}.`;
  }
  const limit = requirePercentileLimit(options);
  const p = `p${limit.percentile}`;
  const fastestAtP = candidates.filter((c) => !overHeadroom(c, limitPct)).map((c) => ({
    memoryMb: c.memoryMb,
    valueMs: durationPercentileMs(c.result, limit.percentile, options.sampleRule ?? DEFAULT_SAMPLE_RULE)
  })).filter((c) => Number.isFinite(c.valueMs)).reduce(
    (winner, next) => winner === null || next.valueMs < winner.valueMs ? next : winner,
    null
  );
  const closest = fastestAtP ? `; the lowest was ${formatMs(fastestAtP.valueMs)} at ${fastestAtP.memoryMb} MB` : "";
  return `No memory size kept ${p} duration within ${formatMs(limit.maxDurationMs)}${closest}.`;
}

// src/results/figures.ts
function memoryUsedPctAt(run, memoryMb) {
  if (memoryMb === void 0 || memoryMb <= 0) return null;
  const used = entryAt(run, memoryMb)?.maxMemoryUsedMb;
  return typeof used === "number" && Number.isFinite(used) ? used / memoryMb * 100 : null;
}
function entryAt(run, memoryMb) {
  return run?.powerValues.find((entry) => entry.memoryMb === memoryMb);
}

export {
  memoryUseOf,
  usedAbove,
  usedPctText,
  memoryUseText,
  nearlyEqual,
  candidatesOf,
  recommend,
  explainNoRecommendation,
  memoryUsedPctAt,
  entryAt
};
