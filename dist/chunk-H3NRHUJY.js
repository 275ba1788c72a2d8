import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  judgeRuns,
  relativeLimits
} from "./chunk-WALQUMYJ.js";
import {
  placeMemory
} from "./chunk-HSPD55DC.js";
import {
  metricSamples
} from "./chunk-2K2G7BBZ.js";
import {
  entryAt
} from "./chunk-Q3BMP5S5.js";
import {
  BLOCK_INVOCATIONS,
  minFailEnvironments
} from "./chunk-BHX5YG2T.js";
import {
  formatPct
} from "./chunk-F67DHOCG.js";

// src/gate/sequential.ts
var LIVE_GATE_POLICY = {
  baselineFullCurve: false,
  pin: true,
  weakestFirst: true,
  stopWhenDecided: true
};
var FIRST_BLOCKS_UNMEASURED = 3;
function gateSampling(gate, policy = LIVE_GATE_POLICY) {
  let pinned;
  return {
    maxInvocations: gate.maxInvocations,
    blockInvocations: BLOCK_INVOCATIONS,
    next: (results) => {
      const [pr, base] = results;
      if (!pr || !base) return { pairings: [], settled: true, reason: "there is no baseline to compare with" };
      const now = {
        recommendedMb: pr.recommendation?.memoryMb ?? null,
        baseRecommendedMb: policy.baselineFullCurve ? base.recommendation?.memoryMb ?? null : null
      };
      if (policy.pin) pinned ??= now;
      const comparedAt = pinned ?? now;
      const round = nextGateRound(pr, base, gate, {
        comparedAt,
        weakestFirst: policy.weakestFirst,
        stopWhenDecided: policy.stopWhenDecided
      });
      return pinned ? { ...round, pinned } : round;
    }
  };
}
function weakness(state) {
  if (state.unmeasured || state.few) return 4;
  if (state.environments < 2) return 3;
  if (state.straddles) {
    if (state.ciLowPct === null || state.ciHighPct === null || state.ciHighPct <= state.ciLowPct) return 2;
    const halfWidth = (state.ciHighPct - state.ciLowPct) / 2;
    const nearerEnd = Math.min(state.limitPct - state.ciLowPct, state.ciHighPct - state.limitPct);
    return 1 + Math.max(0, Math.min(1, nearerEnd / halfWidth));
  }
  return 0.5;
}
function nextGateRound(pr, base, gate, options = {}) {
  if (pr.settings.onlyColdStarts)
    return {
      pairings: [],
      settled: false,
      reason: "cold-start runs are not sampled further (each invocation needs a version of its own)"
    };
  const { verdict, decisive } = judgeRuns(
    pr,
    base,
    gate,
    0,
    options.comparedAt ? { comparedAt: options.comparedAt } : {}
  );
  const [decided] = decisive;
  if (decided && (options.stopWhenDecided ?? true))
    return {
      pairings: [],
      settled: true,
      reason: `the verdict is fail whatever the other comparisons show (${decided.metric}: ${formatPct(decided.deltaPct)}, CI ${formatPct(decided.ciLowPct)} to ${formatPct(decided.ciHighPct)})`
    };
  const open = [];
  for (const row of verdict.comparisons) {
    if (row.finding?.kind === "not-measured" && row.finding.side === "base") {
      const { prMemoryMb: prMemoryMb2, baseMemoryMb: baseMemoryMb2 } = row.finding.at;
      if (entryAt(pr, prMemoryMb2)?.status !== "ok" || entryAt(base, baseMemoryMb2) !== void 0) continue;
      open.push({
        prMemoryMb: prMemoryMb2,
        baseMemoryMb: baseMemoryMb2,
        metrics: ["not yet measured on the baseline"],
        invocations: entryAt(pr, prMemoryMb2)?.invocations ?? 0,
        environments: 0,
        weakness: weakness({
          unmeasured: true,
          environments: 0,
          straddles: true,
          ciLowPct: null,
          ciHighPct: null,
          limitPct: 0
        })
      });
      continue;
    }
    if (row.kind === "monthly-cost" || row.kind === "memory" || row.memoryMb === void 0 || row.deltaPct === null)
      continue;
    const metric = row.kind;
    const { failPct, warnPct } = relativeLimits(metric, gate);
    const limit = failPct ?? warnPct;
    if (limit === void 0) continue;
    const prMemoryMb = row.memoryMb;
    const baseMemoryMb = row.baseMemoryMb ?? row.memoryMb;
    const prEntry = entryAt(pr, prMemoryMb);
    const baseEntry = entryAt(base, baseMemoryMb);
    if (prEntry?.status !== "ok" || baseEntry?.status !== "ok") continue;
    const prSamples = metricSamples(pr, prEntry, metric);
    const baseSamples = metricSamples(base, baseEntry, metric);
    const few = Math.min(prSamples.length, baseSamples.length) < gate.minSamples;
    const environments = pairedEnvironments(prSamples, baseSamples);
    if (!few && row.belowFloor && environments >= 2) continue;
    const straddles = row.ciLowPct === null || row.ciHighPct === null || row.ciLowPct <= limit && limit <= row.ciHighPct;
    const above = !straddles && (row.ciLowPct ?? 0) > limit;
    const unconfirmed = !straddles && environments < (above ? minFailEnvironments(gate.confidence) : 2);
    const unsettledFamily = above && !unconfirmed && !row.significant;
    if (!few && !straddles && !unconfirmed && !unsettledFamily) continue;
    const why = few ? "under min-samples" : unconfirmed ? `CI ${formatPct(row.ciLowPct)} to ${formatPct(row.ciHighPct)} ${above ? "above" : "below"} the ${limit}% limit in ${environments === 1 ? "one environment" : `${environments} environments`} per function, to be confirmed in others` : unsettledFamily ? `CI ${formatPct(row.ciLowPct)} to ${formatPct(row.ciHighPct)} above the ${limit}% limit, not yet significant for the whole verdict` : `CI ${formatPct(row.ciLowPct)} to ${formatPct(row.ciHighPct)} contains the ${limit}% limit`;
    const what = `${METRIC_WORDS[metric]} (${why})`;
    const weak = weakness({
      few,
      environments,
      straddles,
      ciLowPct: row.ciLowPct,
      ciHighPct: row.ciHighPct,
      limitPct: limit
    });
    const point = open.find((entry) => entry.prMemoryMb === prMemoryMb && entry.baseMemoryMb === baseMemoryMb);
    if (point) {
      point.metrics.push(what);
      point.weakness = Math.max(point.weakness, weak);
    } else
      open.push({
        prMemoryMb,
        baseMemoryMb,
        metrics: [what],
        invocations: Math.max(prEntry.invocations, baseEntry.invocations),
        environments,
        weakness: weak
      });
  }
  if (options.weakestFirst ?? true) open.sort((a, b) => b.weakness - a.weakness);
  if (open.length === 0)
    return { pairings: [], settled: true, reason: "every comparison with the baseline is settled" };
  const roomFor = (point) => Math.floor((gate.maxInvocations - point.invocations) / BLOCK_INVOCATIONS);
  const room = open.filter((point) => roomFor(point) > 0);
  const where = (point) => `${placeMemory(point)}: ${point.metrics.join(", ")}`;
  if (room.length === 0) {
    return {
      pairings: [],
      settled: false,
      reason: `gate-max-invocations (${gate.maxInvocations}) reached with ${open.map(where).join("; ")}, so the verdict rests on the samples there are`
    };
  }
  const pairings = room.map((point) => ({
    memoryBySubject: [point.prMemoryMb, point.baseMemoryMb],
    // Doubling: few looks, each on at least twice the environments of the last (two more to start with: an
    // interval over blocks needs two, and is very wide on two). Unmeasured on the base: FIRST_BLOCKS_UNMEASURED.
    environments: Math.min(
      point.environments === 0 ? FIRST_BLOCKS_UNMEASURED : Math.max(point.environments, 2),
      roomFor(point)
    )
  }));
  const plan = room.map(
    (point, index) => `${where(point)} \u2192 ${pairings[index]?.environments} more environments of ${BLOCK_INVOCATIONS} invocations per function`
  );
  return { pairings, settled: false, reason: plan.join("; ") };
}
function pairedEnvironments(prSamples, baseSamples) {
  const base = new Set(baseSamples.map((sample) => sample.environment ?? 0));
  return new Set(prSamples.map((sample) => sample.environment ?? 0).filter((block) => base.has(block))).size;
}
var METRIC_WORDS = { cost: "cost", duration: "duration", init: "Init Duration" };
function describeGateSampling(summary, recommendedMb) {
  if (!summary) return null;
  const pinned = summary.pinned?.recommendedMb;
  const moved = recommendedMb !== void 0 && recommendedMb !== null && pinned !== void 0 && pinned !== null && pinned !== recommendedMb ? ` The recommendation moved from ${pinned} MB to ${recommendedMb} MB while the gate sampled; the gate compared at ${pinned} MB, where its comparison points were pinned at its first look.` : "";
  return `${describeSpending(summary)}${moved}`;
}
function describeSpending(summary) {
  if (summary.rounds === 0) {
    return summary.settled ? "The planned invocations settled every comparison with the baseline; no extra invocations were needed." : `No extra invocations to settle the comparisons with the baseline: ${summary.reason}.`;
  }
  const spent = summary.added.map(
    (entry) => `${entry.environments} more execution environment${entry.environments === 1 ? "" : "s"} at ${entry.memoryMb} MB (${entry.invocations} invocations)`
  ).join(", ");
  const rounds = `${summary.rounds} round${summary.rounds === 1 ? "" : "s"}`;
  const lead = `To settle the comparisons with the baseline, each function was measured in ${spent}, a fresh version each, taking turns with the other function, in ${rounds}`;
  return summary.settled ? `${lead}, until every comparison was settled.` : `${lead}; then ${summary.reason}.`;
}

export {
  LIVE_GATE_POLICY,
  gateSampling,
  describeGateSampling
};
