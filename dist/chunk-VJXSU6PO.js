import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  resolvedColdStartRate,
  withColdStartCosts
} from "./chunk-RGAGO2E6.js";
import {
  costPerInvocationUsd,
  require_lib
} from "./chunk-JRNMWUVF.js";
import {
  candidatesOf,
  recommend
} from "./chunk-Q3BMP5S5.js";
import {
  measuredSamples,
  tQuantile,
  trimCount
} from "./chunk-LYDXGQBP.js";
import {
  clampBalancedWeight
} from "./chunk-SFJ7IVIP.js";
import {
  formatConfidence
} from "./chunk-F67DHOCG.js";
import {
  __toESM
} from "./chunk-URRKCZFK.js";

// src/tuning/intervals.ts
var import_stats_base_dists_binomial_cdf = __toESM(require_lib(), 1);
function trimmedMeanInterval(values, discardTopBottom, confidence) {
  const n = values.length;
  const sorted = [...values].sort((a, b) => a - b);
  const k = trimCount(n, discardTopBottom);
  const kept = sorted.slice(k, n - k);
  const estimate = kept.length > 0 ? kept.reduce((sum, v) => sum + v, 0) / kept.length : NaN;
  const degreesOfFreedom = n - 2 * k - 1;
  if (n < 2 || degreesOfFreedom < 1) return { estimate, low: -Infinity, high: Infinity };
  const lowest = sorted[k] ?? NaN;
  const highest = sorted[n - k - 1] ?? NaN;
  const winsorized = sorted.map((v) => Math.min(highest, Math.max(lowest, v)));
  const winsorizedMean = winsorized.reduce((sum, v) => sum + v, 0) / n;
  const winsorizedSd = Math.sqrt(winsorized.reduce((sum, v) => sum + (v - winsorizedMean) ** 2, 0) / (n - 1));
  const standardError = winsorizedSd / ((1 - 2 * k / n) * Math.sqrt(n));
  const halfWidth = tQuantile(1 - (1 - confidence) / 2, degreesOfFreedom) * standardError;
  return { estimate, low: estimate - halfWidth, high: estimate + halfWidth };
}
function percentileInterval(values, p, confidence) {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const q = p / 100;
  const tail = (1 - confidence) / 2;
  if (n === 0) return { estimate: NaN, low: -Infinity, high: Infinity };
  let lowerRank = 0;
  while (lowerRank < n && (0, import_stats_base_dists_binomial_cdf.default)(lowerRank, n, q) <= tail) lowerRank++;
  let upperRank = 0;
  while (upperRank <= n && (0, import_stats_base_dists_binomial_cdf.default)(upperRank, n, q) < 1 - tail) upperRank++;
  upperRank += 1;
  const estimate = interpolatedPercentile(sorted, q);
  return {
    estimate,
    low: lowerRank >= 1 ? sorted[lowerRank - 1] ?? -Infinity : -Infinity,
    high: upperRank <= n ? sorted[upperRank - 1] ?? Infinity : Infinity
  };
}
function interpolatedPercentile(sorted, q) {
  const rank = q * (sorted.length - 1);
  const below = Math.floor(rank);
  const a = sorted[below] ?? NaN;
  const b = sorted[Math.min(below + 1, sorted.length - 1)] ?? NaN;
  return a + (b - a) * (rank - below);
}

// src/tuning/adaptive.ts
var DEFAULT_SAMPLING_CONFIDENCE = 0.95;
var MIN_INITIAL_INVOCATIONS = 5;
var INITIAL_SHARE_OF_CAP = 0.2;
var ROUND_GROWTH = 1.5;
var DEFAULT_TIE_MARGIN = 5e-3;
function adaptivePolicy(maxInvocations, confidence = DEFAULT_SAMPLING_CONFIDENCE) {
  const initial = Math.max(MIN_INITIAL_INVOCATIONS, Math.ceil(maxInvocations * INITIAL_SHARE_OF_CAP));
  return {
    confidence,
    initialInvocations: Math.min(initial, maxInvocations),
    maxInvocations,
    growth: ROUND_GROWTH,
    tieMargin: DEFAULT_TIE_MARGIN
  };
}
function rankingIntervals(candidates, settings, prices, confidence) {
  const strategy = settings.strategy === "percentile" ? "cost" : settings.strategy;
  const weight = clampBalancedWeight(settings.balancedWeight);
  const maxCostUsd = Math.max(...candidates.map((c) => c.costUsd));
  const maxDurationMs = Math.max(...candidates.map((c) => c.durationMs));
  const normalised = (value, max) => max > 0 ? value / max : 0;
  const intervals = /* @__PURE__ */ new Map();
  for (const candidate of candidates) {
    const samples = measuredSamples(candidate.result.samples, settings);
    const cost = (sample) => costPerInvocationUsd(sample.billedDurationMs, candidate.memoryMb, prices);
    let perSample;
    let estimate;
    if (strategy === "cost") {
      perSample = samples.map(cost);
      estimate = candidate.costUsd;
    } else if (strategy === "speed") {
      perSample = samples.map((sample) => sample.durationMs);
      estimate = candidate.durationMs;
    } else {
      perSample = samples.map(
        (s) => weight * normalised(cost(s), maxCostUsd) + (1 - weight) * normalised(s.durationMs, maxDurationMs)
      );
      estimate = weight * normalised(candidate.costUsd, maxCostUsd) + (1 - weight) * normalised(candidate.durationMs, maxDurationMs);
    }
    const interval = trimmedMeanInterval(perSample, settings.discardTopBottom, confidence);
    const halfLow = interval.estimate - interval.low;
    const halfHigh = interval.high - interval.estimate;
    intervals.set(candidate.memoryMb, { estimate, low: estimate - halfLow, high: estimate + halfHigh });
  }
  return intervals;
}
function qualification(candidate, limit, confidence, rule) {
  const durations = measuredSamples(candidate.result.samples, rule).map((sample) => sample.durationMs);
  const interval = percentileInterval(durations, limit.percentile, confidence);
  if (interval.high <= limit.maxDurationMs) return "yes";
  if (interval.low > limit.maxDurationMs) return "no";
  return "unknown";
}
function leaderWithinMargin(leader, candidate, margin, floor) {
  const halfWidth = Math.hypot(leader.high - leader.estimate, candidate.estimate - candidate.low);
  return leader.estimate - candidate.estimate + halfWidth <= candidate.estimate * margin + floor;
}
var DURATION_RESOLUTION_MS = 0.01;
function openComparisons(candidates, leaderMb, settings, prices, policy) {
  const { confidence, tieMargin } = policy;
  const floor = settings.strategy === "speed" && tieMargin > 0 ? DURATION_RESOLUTION_MS : 0;
  const intervals = rankingIntervals(candidates, settings, prices, confidence);
  const leaderInterval = leaderMb === null ? void 0 : intervals.get(leaderMb);
  const open = [];
  const tied = [];
  const compare = (memoryMb, interval, leader) => {
    if (!leaderWithinMargin(leader, interval, tieMargin, floor)) open.push(memoryMb);
    else if (!leaderWithinMargin(leader, interval, 0, 0)) tied.push(memoryMb);
  };
  if (settings.strategy !== "percentile") {
    if (!leaderInterval) return { open: [], tied: [] };
    for (const candidate of candidates) {
      const interval = intervals.get(candidate.memoryMb);
      if (candidate.memoryMb !== leaderMb && interval) compare(candidate.memoryMb, interval, leaderInterval);
    }
  } else {
    const limit = settings.percentileLimit;
    if (!limit) return { open: [], tied: [] };
    for (const candidate of candidates) {
      const meets = qualification(candidate, limit, confidence, settings);
      if (candidate.memoryMb === leaderMb) {
        if (meets === "unknown") open.push(candidate.memoryMb);
        continue;
      }
      if (meets === "no") continue;
      const interval = intervals.get(candidate.memoryMb);
      if (!leaderInterval || !interval) open.push(candidate.memoryMb);
      else compare(candidate.memoryMb, interval, leaderInterval);
    }
  }
  if (open.length > 0 && leaderMb !== null && !open.includes(leaderMb)) open.push(leaderMb);
  return { open: open.sort((a, b) => a - b), tied: tied.sort((a, b) => a - b) };
}
function planNextRound(powerValues, settings, prices, policy) {
  const ranked = withColdStartCosts(powerValues, resolvedColdStartRate(settings.coldStartRate), prices, settings);
  const candidates = candidatesOf(ranked);
  const percent = `${formatConfidence(policy.confidence)} confidence`;
  if (candidates.length === 0) {
    return stop("no-candidates", null, [], "no memory size has results to compare");
  }
  const recommendation = recommend(
    candidates.map((c) => c.result),
    {
      strategy: settings.strategy,
      balancedWeight: settings.balancedWeight,
      percentileLimit: settings.percentileLimit,
      sampleRule: settings,
      maxMemoryUsedPct: settings.maxMemoryUsedPct
    }
  );
  const leaderMb = recommendation?.memoryMb ?? null;
  if (candidates.length === 1) {
    return stop(
      "one-candidate",
      leaderMb,
      [],
      `only ${candidates[0]?.memoryMb} MB has results, so there is nothing to compare`
    );
  }
  const { open: openMb, tied } = openComparisons(candidates, leaderMb, settings, prices, policy);
  if (openMb.length === 0) {
    if (leaderMb === null)
      return stop("settled", null, [], `no memory size can meet the percentile limit at ${percent}`);
    if (tied.length === 0) {
      return stop("settled", leaderMb, [], `${leaderMb} MB is ahead of every other memory size at ${percent}`);
    }
    const others = tied.map((mb) => `${mb} MB`).join(", ");
    return stop(
      "tied",
      leaderMb,
      [],
      `${leaderMb} MB is ahead of or within ${formatMarginPct(policy.tieMargin)} of every other memory size at ${percent} (tied with ${others}: picking any of them would cost at most that much more)`
    );
  }
  const additions = /* @__PURE__ */ new Map();
  for (const memoryMb of openMb) {
    const done = powerValues.find((entry) => entry.memoryMb === memoryMb)?.invocations ?? 0;
    const target = Math.min(policy.maxInvocations, Math.max(done + 1, Math.ceil(done * policy.growth)));
    if (target > done) additions.set(memoryMb, target - done);
  }
  const list = openMb.map((mb) => `${mb} MB`).join(", ");
  if (additions.size === 0) {
    return stop(
      "max-invocations",
      leaderMb,
      openMb,
      `${list} are still undecided at ${percent} but have had the most invocations allowed (${policy.maxInvocations} each)`
    );
  }
  const more = [...additions].map(([mb, n]) => `${mb} MB +${n}`).join(", ");
  return { additions, leaderMb, openMb, explanation: `still open at ${percent}: ${list}; next round ${more}` };
}
function formatMarginPct(margin) {
  return `${Number((margin * 100).toFixed(2))}%`;
}
function stop(stopReason, leaderMb, openMb, explanation) {
  return { additions: /* @__PURE__ */ new Map(), stopReason, leaderMb, openMb, explanation };
}
function interleavePayloads(payloadIndexes) {
  const remaining = /* @__PURE__ */ new Map();
  for (const index of payloadIndexes) remaining.set(index, (remaining.get(index) ?? 0) + 1);
  const weights = new Map(remaining);
  const total = payloadIndexes.length;
  const credit = new Map([...weights.keys()].map((index) => [index, 0]));
  const order = [];
  for (let i = 0; i < total; i++) {
    let pick;
    for (const [index, weight] of weights) {
      if ((remaining.get(index) ?? 0) === 0) continue;
      credit.set(index, (credit.get(index) ?? 0) + weight);
      if (pick === void 0 || (credit.get(index) ?? 0) > (credit.get(pick) ?? 0)) pick = index;
    }
    if (pick === void 0) break;
    credit.set(pick, (credit.get(pick) ?? 0) - total);
    remaining.set(pick, (remaining.get(pick) ?? 0) - 1);
    order.push(pick);
  }
  return order;
}
var STOP_WORDS = {
  settled: "the recommendation was settled",
  tied: "the recommendation was settled within the tie margin",
  "max-invocations": "the open memory sizes reached the invocation cap",
  "no-candidates": "no memory size had results",
  "one-candidate": "only one memory size had results"
};
function describeSampling(summary) {
  const rounds = summary.rounds === 1 ? "1 round" : `${summary.rounds} rounds`;
  return `Adaptive sampling: ${summary.invocations} of ${summary.maxInvocations} invocations (cap ${summary.maxInvocationsPerValue} per memory size) in ${rounds}; stopped because ${STOP_WORDS[summary.stopReason]} at ${formatConfidence(summary.confidence)} confidence.`;
}

export {
  adaptivePolicy,
  planNextRound,
  interleavePayloads,
  describeSampling
};
