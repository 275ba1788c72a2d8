import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  costPerInvocationUsd,
  require_lib as require_lib6
} from "./chunk-BK65RNT3.js";
import {
  entryAt,
  memoryUseOf,
  memoryUseText,
  nearlyEqual,
  usedAbove
} from "./chunk-YQCAHPBZ.js";
import {
  worseLevel
} from "./chunk-XTUQEIAI.js";
import {
  durationStats,
  mean,
  measuredSamples,
  require_lib,
  require_lib3 as require_lib2,
  require_lib5 as require_lib3,
  require_lib6 as require_lib4,
  require_lib7 as require_lib5,
  sampleVariance,
  successfulSamples,
  tQuantile,
  trimCount,
  trimmedMean
} from "./chunk-B4XUQD3K.js";
import {
  failableLooks,
  minFailEnvironments
} from "./chunk-BHX5YG2T.js";
import {
  formatConfidence,
  formatMs,
  formatPct,
  formatUnsignedPct,
  formatUsd,
  lowerFirst
} from "./chunk-XYJEIEPD.js";
import {
  __commonJS,
  __toESM
} from "./chunk-URRKCZFK.js";

// node_modules/@stdlib/stats-base-dists-t-cdf/lib/main.js
var require_main = __commonJS({
  "node_modules/@stdlib/stats-base-dists-t-cdf/lib/main.js"(exports, module) {
    "use strict";
    var betainc = require_lib4();
    var isnan = require_lib2();
    var pow = require_lib3();
    function cdf(x, v) {
      var x2;
      var p;
      var z;
      if (isnan(x) || isnan(v) || v <= 0) {
        return NaN;
      }
      if (x === 0) {
        return 0.5;
      }
      x2 = pow(x, 2);
      if (v > 2 * x2) {
        z = x2 / (v + x2);
        p = betainc(z, 0.5, v / 2, true, true) / 2;
      } else {
        z = v / (v + x2);
        p = betainc(z, v / 2, 0.5, true, false) / 2;
      }
      return x > 0 ? 1 - p : p;
    }
    module.exports = cdf;
  }
});

// node_modules/@stdlib/stats-base-dists-t-cdf/lib/factory.js
var require_factory = __commonJS({
  "node_modules/@stdlib/stats-base-dists-t-cdf/lib/factory.js"(exports, module) {
    "use strict";
    var constantFunction = require_lib5();
    var betainc = require_lib4();
    var isnan = require_lib2();
    var pow = require_lib3();
    function factory(v) {
      if (isnan(v) || v <= 0) {
        return constantFunction(NaN);
      }
      return cdf;
      function cdf(x) {
        var x2;
        var p;
        var z;
        if (isnan(x)) {
          return NaN;
        }
        if (x === 0) {
          return 0.5;
        }
        x2 = pow(x, 2);
        if (v > 2 * x2) {
          z = x2 / (v + x2);
          p = betainc(z, 0.5, v / 2, true, true) / 2;
        } else {
          z = v / (v + x2);
          p = betainc(z, v / 2, 0.5, true, false) / 2;
        }
        return x > 0 ? 1 - p : p;
      }
    }
    module.exports = factory;
  }
});

// node_modules/@stdlib/stats-base-dists-t-cdf/lib/index.js
var require_lib7 = __commonJS({
  "node_modules/@stdlib/stats-base-dists-t-cdf/lib/index.js"(exports, module) {
    "use strict";
    var setReadOnly = require_lib();
    var main = require_main();
    var factory = require_factory();
    setReadOnly(main, "factory", factory);
    module.exports = main;
  }
});

// src/gate/family.ts
function changeFloor(kind, gate, memoryMb, prices) {
  const floorMs = gate.minDurationChangeMs;
  if (kind !== "cost") return floorMs;
  return memoryMb / 1024 * (floorMs / 1e3) * prices.pricePerGbSecondUsd;
}
function familyAlpha(pr, base, gate) {
  const live = pr.runId !== void 0 && pr.runId === base.runId;
  const looks = live ? failableLooks(gate.maxInvocations, pr.settings.invocationsPerValue, gate.confidence) : 1;
  return (1 - gate.confidence) / looks;
}
function holmSignificant(pValues, alpha) {
  const order = pValues.map((pValue, index) => ({ pValue, index })).sort((a, b) => a.pValue - b.pValue);
  const significant = pValues.map(() => false);
  for (const [rank, { pValue, index }] of order.entries()) {
    if (pValue > alpha / (pValues.length - rank)) break;
    significant[index] = true;
  }
  return significant;
}

// src/gate/findings.ts
function levelOf(finding) {
  switch (finding.kind) {
    case "fail-limit":
      return "fail";
    case "warn-limit":
    case "too-few-environments":
    case "nothing-compared":
    case "baseline-problem":
      return "warn";
    // Breaking the memory the function is deployed with is a regression; breaking the memory the base happened to
    // recommend may be the PR's deliberate choice of more memory, so it warns.
    case "pr-failed":
      return isConfigured(finding.at) ? "fail" : "warn";
    case "both-failed":
      return isConfigured(finding.at) ? "warn" : "pass";
    case "monthly-cost":
      return finding.outcome === "above" ? "fail" : "pass";
    case "memory-headroom":
      return finding.outcome === "above-fail" ? "fail" : finding.outcome === "above-warn" ? "warn" : "pass";
    case "absolute-limit":
      return finding.outcome === "above" || finding.outcome === "failed" ? "fail" : finding.outcome === "within" ? "pass" : "warn";
    default:
      return "pass";
  }
}
function isConfigured(place) {
  return place.roles.includes("configured");
}

// src/gate/reasons.ts
var ROLE_WORDS = {
  configured: "configured",
  recommended: "recommended",
  "pr-recommended": "PR's recommendation",
  "base-recommended": "base's recommendation"
};
function placeMemory(place) {
  return place.prMemoryMb === place.baseMemoryMb ? `${place.prMemoryMb} MB` : `${place.prMemoryMb} MB against the base's ${place.baseMemoryMb} MB`;
}
function placeLabel(place) {
  return `${placeMemory(place)} (${place.roles.map((role) => ROLE_WORDS[role]).join(", ")})`;
}
var METRIC_WORDS = {
  cost: "cost per invocation",
  duration: "duration",
  init: "Init Duration",
  "monthly-cost": "monthly cost"
};
function metricName(kind, place) {
  return `${METRIC_WORDS[kind]} at ${placeLabel(place)}`;
}
function subjectOf(metric) {
  const words = METRIC_WORDS[metric];
  return words.charAt(0).toUpperCase() + words.slice(1);
}
function describeRun(run) {
  const sha = run.git?.sha ? ` at ${run.git.sha.slice(0, 7)}` : "";
  return `run of ${run.function.name}${sha} (${run.startedAt.slice(0, 10)})`;
}
function reasonFor(finding) {
  switch (finding.kind) {
    case "not-measured":
      return finding.side === "pr" ? `Not compared at ${placeLabel(finding.at)}: the PR run did not measure ${finding.at.prMemoryMb} MB (its power values differ from the base's).` : `Not compared at ${placeLabel(finding.at)}: the baseline did not measure ${finding.at.baseMemoryMb} MB (its power values differ from the PR's).`;
    case "pr-failed":
      return `The PR fails at ${placeLabel(finding.at)}, where the baseline succeeded: ${finding.failure ?? "no successful invocation"}.`;
    case "both-failed":
      return `Both runs fail at ${placeLabel(finding.at)}, so there is nothing to compare and no regression; the PR ${finding.failure ?? "failed"}.`;
    case "base-failed":
      return `The PR succeeds at ${placeLabel(finding.at)}, where the baseline failed (an improvement, not compared): ${finding.failure ?? "failed"}.`;
    case "nothing-compared":
      return "Nothing could be compared with the baseline: no memory size was measured successfully on both sides.";
    case "baseline-problem":
      return `No comparison: ${finding.problem}.`;
    case "monthly-cost":
      return monthlyReason(finding);
    case "absolute-limit":
      return absoluteReason(finding);
    case "memory-headroom":
      return headroomReason(finding);
    default:
      return relativeReason(finding);
  }
}
function relativeReason(finding) {
  const subject = `${subjectOf(finding.metric)} at ${placeLabel(finding.at)}`;
  switch (finding.kind) {
    case "no-samples":
      return `${subject} is not compared: a side has no successful sample.`;
    case "unchanged":
      return `${subject} is unchanged: every sample on each side is the same.`;
    case "too-few-samples": {
      const { samples } = finding;
      const side = finding.side === "pr" ? "the PR" : "the baseline";
      const what = finding.metric === "init" ? `cold start${samples === 1 ? "" : "s"} (one per execution environment)` : `measured sample${samples === 1 ? "" : "s"}`;
      return `${subject} ${changeText(finding.change)}, but ${side} has only ${samples} ${what} (min-samples is ${finding.minSamples}), so it is not called significant.`;
    }
    case "no-interval":
      return `${subject} ${changeText(finding.change)}, with too few samples for a confidence interval.`;
    case "below-floor": {
      const format = (value) => finding.metric === "cost" ? `${formatUsd(value)} per invocation` : formatMs(value);
      const why = finding.metric !== "cost" ? "min-duration-change-ms" : `the cost of ${formatMs(finding.floorMs)} at ${finding.at.prMemoryMb} MB, min-duration-change-ms`;
      return `${subject} ${changeText(finding.change)}: within noise, a change of ${format(finding.difference)} is below the ${format(finding.floor)} floor (${why}).`;
    }
    case "not-significant":
      return finding.afterFamily ? `${subject} ${changeText(finding.change)}, which is not statistically significant once the verdict's other comparisons are accounted for.` : `${subject} ${changeText(finding.change)}, which is not statistically significant.`;
    case "too-few-environments": {
      const measured = finding.environments === 1 ? "one execution environment" : `${finding.environments} pairs of execution environments`;
      return `${subject} ${changeText(finding.change)}, significant and above the ${finding.limitPct}% fail limit, but measured in ${measured} per function: a fail needs ${finding.needed} (raise gate-max-invocations).`;
    }
    case "fail-limit":
      return `${subject} ${changeText(finding.change)}${exactNote(finding.change)}, significant and above the ${finding.limitPct}% fail limit.`;
    case "warn-limit":
      return `${subject} ${changeText(finding.change)}${exactNote(finding.change)}, significant and above the ${finding.limitPct}% warn limit.`;
    case "within-limit": {
      const limit = finding.limitPct === void 0 ? "not limited (no threshold set)" : `within the ${finding.limitPct}% limit`;
      return `${subject} ${changeText(finding.change)}${exactNote(finding.change)}, significant but ${limit}.`;
    }
    case "improvement":
      return `${subject} ${changeText(finding.change)}${exactNote(finding.change)}: a significant improvement.`;
    case "small-improvement":
      return `${subject} ${changeText(finding.change)}${exactNote(finding.change)}, significant but small.`;
  }
}
function changeText(change) {
  const { interval } = change;
  if (!interval || interval.exact) return changeWords(change.deltaPct);
  const basis = interval.environments !== void 0 ? ` over ${interval.environments} pairs of execution environments` : interval.storedRuns !== void 0 ? `, run-to-run noise of ${interval.storedRuns} stored runs included` : "";
  return `${changeWords(change.deltaPct)} (${formatConfidence(interval.confidence)} CI ${formatPct(interval.lowPct)} to ${formatPct(interval.highPct)}${basis})`;
}
function changeWords(deltaPct) {
  if (Math.abs(deltaPct) < 0.05) return "is unchanged (0.0%)";
  return `${deltaPct > 0 ? "rose" : "fell"} ${formatUnsignedPct(deltaPct)}`;
}
function exactNote(change) {
  return change.interval?.exact ? " (every sample on each side is the same, so the difference is exact)" : "";
}
function monthlyReason(finding) {
  const deltaUsd = finding.prUsd - finding.baseUsd;
  const basis = finding.withColdStarts ? " with cold starts" : "";
  const where = `at ${placeLabel(finding.at)}, for ${finding.invocations.toLocaleString("en-US")} invocations a month${basis},`;
  const change = `${deltaUsd >= 0 ? "rises" : "falls"} by ${formatUsd(Math.abs(deltaUsd))} (${formatUsd(finding.baseUsd)} \u2192 ${formatUsd(finding.prUsd)})`;
  if (finding.outcome === "no-limit") return `Monthly cost ${where} ${change}; no monthly limit is set.`;
  const limit = formatUsd(finding.limitUsd);
  if (finding.outcome === "above")
    return `Monthly cost ${where} ${change}, a significant increase above the ${limit} limit.`;
  if (finding.outcome === "above-not-significant")
    return `Monthly cost ${where} ${change}, above the ${limit} limit but not statistically significant.`;
  return `Monthly cost ${where} ${change}, within the ${limit} limit.`;
}
function absoluteStatistic(finding) {
  if (finding.metric === "cost") return "cost per invocation";
  return finding.metric === "init" ? "mean Init Duration" : `${finding.statistic} duration`;
}
function absolutePlaceLabel(at) {
  return at.untunedConfiguredMb === void 0 ? `${at.memoryMb} MB (configured)` : `${at.memoryMb} MB (recommended; the configured ${at.untunedConfiguredMb} MB was not tuned)`;
}
function absoluteMetricName(finding) {
  return finding.outcome === "unmeasured" ? `${absoluteStatistic(finding)} limit` : `${absoluteStatistic(finding)} at ${absolutePlaceLabel(finding.at)}`;
}
function absoluteReason(finding) {
  const statistic = absoluteStatistic(finding);
  const show = (value) => finding.metric === "cost" ? formatUsd(value) : formatMs(value);
  const limit = show(finding.limit);
  switch (finding.outcome) {
    case "unmeasured":
      return `The ${statistic} limit of ${limit} cannot be checked: neither the configured nor a recommended memory was measured.`;
    case "failed":
      return `The ${statistic} limit of ${limit} is not met at ${absolutePlaceLabel(finding.at)}: it ${finding.failure ?? "failed"}.`;
    case "no-sample":
      return `The ${statistic} limit of ${limit} cannot be checked at ${absolutePlaceLabel(finding.at)}: no successful ${finding.metric === "init" ? "cold start" : "sample"}.`;
    case "above":
      return `The ${statistic} at ${absolutePlaceLabel(finding.at)} is ${show(finding.value)}, above the ${limit} limit.`;
    case "within":
      return `The ${statistic} at ${absolutePlaceLabel(finding.at)} is ${show(finding.value)}, within the ${limit} limit.`;
  }
}
function headroomMetricName(finding) {
  return `max memory used at ${finding.memoryMb} MB (${finding.roles.join(", ")})`;
}
function headroomReason(finding) {
  const use = { memoryMb: finding.memoryMb, maxMemoryUsedMb: finding.maxMemoryUsedMb, usedPct: finding.usedPct };
  const limit = finding.outcome === "above-fail" ? finding.failPct : finding.warnPct ?? finding.failPct;
  const subject = `Max Memory Used at ${finding.memoryMb} MB (${finding.roles.join(", ")}): ${memoryUseText(use, limit)}`;
  const base = finding.baseMaxMemoryUsedMb;
  const was = base === void 0 ? "" : base === finding.maxMemoryUsedMb ? `; the baseline peaked at the same ${base} MB` : `; the baseline peaked at ${base} MB (${base > 0 ? formatPct((finding.maxMemoryUsedMb / base - 1) * 100) : "n/a"})`;
  switch (finding.outcome) {
    case "above-fail":
      return `${subject}, above the ${finding.failPct}% max-memory-used-percent limit: a larger input would run it out of memory${was}.`;
    case "above-warn":
      return `${subject}, above the ${finding.warnPct}% warn-memory-used-percent level${was}.`;
    case "within":
      return `${subject}, within the ${limit}% ${finding.warnPct !== void 0 ? "warn-memory-used-percent level" : "max-memory-used-percent limit"}${was}.`;
  }
}
function overallReason(level, context) {
  if (level !== "pass") {
    const worst = context.findings.filter((finding) => levelOf(finding) === level);
    const first = worst[0] ? reasonFor(worst[0]).replace(/\.$/, "") : "";
    const more = worst.length - 1;
    const word = level === "fail" ? "failed" : "warned";
    return more > 0 ? `${first}; ${more} more check${more === 1 ? "" : "s"} ${word}.` : `${first}.`;
  }
  const { baselineDescription, headline } = context;
  if (baselineDescription === null) {
    const none = context.noBaselineNote ? `No baseline to compare with (${context.noBaselineNote})` : "No baseline to compare with";
    return context.absoluteLimits ? `${none}, so only the absolute limits apply, and they are met.` : `${none} and no absolute limit set, so nothing is gated (a first run never fails for lack of history).`;
  }
  if (headline === null) return `Nothing was compared with the ${baselineDescription}.`;
  const init = headline.initDurationDeltaPct === void 0 || headline.initDurationDeltaPct === null ? "" : `, Init Duration ${formatPct(headline.initDurationDeltaPct)}`;
  const deltas = `cost ${formatPct(headline.costDeltaPct)}, duration ${formatPct(headline.durationDeltaPct)}${init} at ${placeLabel(headline.at)}`;
  const improvement = context.findings.find((finding) => finding.kind === "improvement");
  if (improvement) {
    return `No significant regression against the ${baselineDescription} (${deltas}), and ${lowerFirst(metricName(improvement.metric, improvement.at))} improved ${formatPct(improvement.change.deltaPct)}.`;
  }
  return `No significant regression against the ${baselineDescription}: ${deltas}.`;
}
function applyFinding(row, finding) {
  row.finding = finding;
  row.level = levelOf(finding);
  row.reason = reasonFor(finding);
  return row;
}

// src/gate/verdict.ts
function comparisonRow({ metric, kind, memoryMb, baseMemoryMb, ...figures }) {
  return {
    metric,
    kind,
    ...memoryMb === void 0 ? {} : { memoryMb },
    ...baseMemoryMb === void 0 ? {} : { baseMemoryMb },
    baseValue: null,
    prValue: null,
    deltaPct: null,
    ciLowPct: null,
    ciHighPct: null,
    significant: false,
    ...figures,
    level: "pass",
    reason: ""
  };
}
function rowMemory(place) {
  return place.baseMemoryMb === place.prMemoryMb ? { memoryMb: place.prMemoryMb } : { memoryMb: place.prMemoryMb, baseMemoryMb: place.baseMemoryMb };
}

// src/gate/headroom.ts
function headroomPlaces(pr) {
  const places = [];
  if (entryAt(pr, pr.current.memoryMb)) places.push({ memoryMb: pr.current.memoryMb, roles: ["configured"] });
  const recommended = pr.recommendation?.memoryMb;
  if (recommended !== void 0) {
    const same = places.find((place) => place.memoryMb === recommended);
    if (same) same.roles.push("recommended");
    else places.push({ memoryMb: recommended, roles: ["recommended"] });
  }
  return places;
}
function headroomChecks(pr, base, gate) {
  const failPct = gate.maxMemoryUsedPct;
  const warnPct = gate.warnMemoryUsedPct;
  if (failPct === void 0 && warnPct === void 0 || pr.dryRun) return [];
  return headroomPlaces(pr).flatMap(({ memoryMb, roles }) => {
    const entry = entryAt(pr, memoryMb);
    const use = entry ? memoryUseOf(entry) : null;
    if (!use) return [];
    const baseUsedMb = entryAt(base, memoryMb)?.maxMemoryUsedMb ?? null;
    const finding = {
      kind: "memory-headroom",
      memoryMb,
      roles,
      maxMemoryUsedMb: use.maxMemoryUsedMb,
      usedPct: use.usedPct,
      ...failPct !== void 0 ? { failPct } : {},
      ...warnPct !== void 0 ? { warnPct } : {},
      ...baseUsedMb !== null ? { baseMaxMemoryUsedMb: baseUsedMb } : {},
      outcome: failPct !== void 0 && usedAbove(use, failPct) ? "above-fail" : warnPct !== void 0 && usedAbove(use, warnPct) ? "above-warn" : "within"
    };
    const row = comparisonRow({
      metric: headroomMetricName(finding),
      kind: "memory",
      memoryMb,
      prValue: use.maxMemoryUsedMb,
      baseValue: baseUsedMb,
      deltaPct: baseUsedMb !== null && baseUsedMb > 0 ? (use.maxMemoryUsedMb / baseUsedMb - 1) * 100 : null
    });
    return [applyFinding(row, finding)];
  });
}

// src/gate/metrics.ts
function pricesForBase(pr, base) {
  const same = pr.prices.region === base.prices.region && pr.prices.architecture === base.prices.architecture;
  return same ? pr.prices : base.prices;
}
function isOk(entry) {
  return entry !== void 0 && entry.status === "ok";
}
function metricSamples(run, entry, kind) {
  if (kind !== "init") return measuredSamples(entry.samples, run.settings);
  return successfulSamples(entry.samples, run.settings).filter(
    (sample) => sample.coldStart && initMs(sample) !== void 0
  );
}
function initMs(sample) {
  return sample.initDurationMs ?? sample.restoreDurationMs;
}
function metricValues(run, entry, kind, prices) {
  return metricSamples(run, entry, kind).map((sample) => metricValue(sample, entry, kind, prices));
}
function metricValue(sample, entry, kind, prices) {
  if (kind === "init") return initMs(sample) ?? 0;
  return kind === "duration" ? sample.durationMs : costPerInvocationUsd(sample.billedDurationMs, entry.memoryMb, prices);
}
function metricBlocks(run, entry, kind, prices) {
  const blocks = /* @__PURE__ */ new Map();
  for (const sample of metricSamples(run, entry, kind)) {
    const block = sample.environment ?? 0;
    const values = blocks.get(block) ?? [];
    values.push(metricValue(sample, entry, kind, prices));
    blocks.set(block, values);
  }
  return blocks;
}
function comparisonPoints(pr, base) {
  const candidates = [
    { prMemoryMb: pr.current.memoryMb, baseMemoryMb: base.current.memoryMb, roles: ["configured"] }
  ];
  const prRecommended = pr.recommendation?.memoryMb;
  const baseRecommended = base.recommendation?.memoryMb;
  if (prRecommended !== void 0 && prRecommended === baseRecommended) {
    candidates.push({ prMemoryMb: prRecommended, baseMemoryMb: prRecommended, roles: ["recommended"] });
  } else {
    if (prRecommended !== void 0)
      candidates.push({ prMemoryMb: prRecommended, baseMemoryMb: prRecommended, roles: ["pr-recommended"] });
    if (baseRecommended !== void 0)
      candidates.push({ prMemoryMb: baseRecommended, baseMemoryMb: baseRecommended, roles: ["base-recommended"] });
  }
  const points = [];
  for (const candidate of candidates) {
    if (!entryAt(pr, candidate.prMemoryMb) && !entryAt(base, candidate.baseMemoryMb)) continue;
    const same = points.find(
      (point) => point.prMemoryMb === candidate.prMemoryMb && point.baseMemoryMb === candidate.baseMemoryMb
    );
    if (same) {
      same.roles.push(...candidate.roles);
    } else {
      points.push({ ...candidate, roles: [...candidate.roles] });
    }
  }
  return points;
}

// src/gate/limits.ts
function exceeds(value, limit) {
  return value > limit && !nearlyEqual(value, limit);
}
function monthlyComparison(cost, point, gate, monthlyInvocations, expected = null) {
  const baseUsd = (expected ? expected.baseUsd : cost.baseValue ?? 0) * monthlyInvocations;
  const prUsd = (expected ? expected.prUsd : cost.prValue ?? 0) * monthlyInvocations;
  const deltaUsd = prUsd - baseUsd;
  const limitUsd = gate.maxMonthlyCostIncreaseUsd;
  const common = {
    kind: "monthly-cost",
    at: point,
    invocations: monthlyInvocations,
    baseUsd,
    prUsd,
    ...expected ? { withColdStarts: true } : {}
  };
  const finding = limitUsd === void 0 ? { ...common, outcome: "no-limit" } : {
    ...common,
    limitUsd,
    outcome: !exceeds(deltaUsd, limitUsd) ? "within" : cost.significant && (cost.ciLowPct ?? 0) > 0 ? "above" : "above-not-significant"
  };
  const row = comparisonRow({
    metric: metricName("monthly-cost", point),
    kind: "monthly-cost",
    ...rowMemory(point),
    baseValue: baseUsd,
    prValue: prUsd,
    deltaPct: cost.deltaPct,
    ciLowPct: cost.ciLowPct,
    ciHighPct: cost.ciHighPct,
    significant: cost.significant
  });
  return applyFinding(row, finding);
}
function judgedEntry(pr) {
  const configured = entryAt(pr, pr.current.memoryMb);
  if (configured) return { entry: configured, at: { memoryMb: configured.memoryMb } };
  const recommended = pr.recommendation ? entryAt(pr, pr.recommendation.memoryMb) : void 0;
  if (recommended)
    return { entry: recommended, at: { memoryMb: recommended.memoryMb, untunedConfiguredMb: pr.current.memoryMb } };
  return null;
}
function absoluteChecks(pr, gate) {
  const limits = [];
  if (gate.maxCostPerInvocationUsd !== void 0) limits.push({ metric: "cost", limit: gate.maxCostPerInvocationUsd });
  if (gate.maxDurationMs !== void 0) limits.push({ metric: "duration", limit: gate.maxDurationMs });
  if (gate.maxInitDurationMs !== void 0) limits.push({ metric: "init", limit: gate.maxInitDurationMs });
  if (limits.length === 0 || pr.dryRun) return [];
  const judged = judgedEntry(pr);
  return limits.map(({ metric, limit }) => {
    const common = {
      kind: "absolute-limit",
      metric,
      statistic: metric === "duration" ? gate.maxDurationStatistic : "mean",
      limit
    };
    let finding;
    let value = null;
    if (!judged) {
      finding = { ...common, outcome: "unmeasured" };
    } else {
      value = judged.entry.status === "ok" ? absoluteValue(pr, judged.entry, metric, gate.maxDurationStatistic) : null;
      if (value === null) {
        finding = judged.entry.status === "failed" ? {
          ...common,
          outcome: "failed",
          at: judged.at,
          ...judged.entry.failureReason !== void 0 ? { failure: judged.entry.failureReason } : {}
        } : { ...common, outcome: "no-sample", at: judged.at };
      } else {
        finding = { ...common, outcome: exceeds(value, limit) ? "above" : "within", at: judged.at, value };
      }
    }
    const row = comparisonRow({
      metric: absoluteMetricName(finding),
      kind: metric,
      memoryMb: judged?.entry.memoryMb,
      prValue: value
    });
    return applyFinding(row, finding);
  });
}
function absoluteValue(pr, entry, metric, statistic) {
  const values = metricValues(pr, entry, metric, pr.prices);
  if (values.length === 0) return null;
  if (metric !== "duration" || statistic === "mean") return trimmedMean(values, pr.settings.discardTopBottom);
  const stats = durationStats(values, pr.settings.discardTopBottom);
  if (!stats) return null;
  return statistic === "p50" ? stats.median : stats[statistic];
}

// src/gate/stats.ts
var import_stats_base_dists_binomial_cdf = __toESM(require_lib6(), 1);
var import_stats_base_dists_t_cdf = __toESM(require_lib7(), 1);
function twoSidedPValue(interval) {
  if (interval.exact || interval.standardError === 0) return interval.logRatio === 0 ? 1 : 0;
  const t = Math.abs(interval.logRatio) / interval.standardError;
  const upper = interval.degreesOfFreedom === Infinity ? (0, import_stats_base_dists_t_cdf.default)(-t, 1e12) : (0, import_stats_base_dists_t_cdf.default)(-t, interval.degreesOfFreedom);
  return Math.min(1, 2 * upper);
}
var LOG_FLOOR = 1e-9;
function summariseLogs(values, trim) {
  const n = values.length;
  if (n < 2) return null;
  const logs = values.map((value) => Math.log(Math.max(value, LOG_FLOOR))).sort((a, b) => a - b);
  const k = Math.min(trimCount(n, trim), Math.floor((n - 2) / 2));
  const h = n - 2 * k;
  const kept = logs.slice(k, n - k);
  const trimmedMean2 = kept.reduce((sum, value) => sum + value, 0) / h;
  const low = logs[k];
  const high = logs[n - k - 1];
  if (low === high) return { n, h, trimmedMean: low, squaredError: 0 };
  const winsorized = logs.map((value) => Math.min(Math.max(value, low), high));
  const winsorizedMean = winsorized.reduce((sum, value) => sum + value, 0) / n;
  const winsorizedVariance = winsorized.reduce((sum, value) => sum + (value - winsorizedMean) ** 2, 0) / (n - 1);
  return { n, h, trimmedMean: trimmedMean2, squaredError: (n - 1) * winsorizedVariance / (h * (h - 1)) };
}
function ratioInterval(prValues, baseValues, trimPr, trimBase, confidence, runToRun) {
  const pr = summariseLogs(prValues, trimPr);
  const base = summariseLogs(baseValues, trimBase);
  if (!pr || !base) return null;
  const logRatio = pr.trimmedMean - base.trimmedMean;
  const between = runToRun && runToRun.variance > 0 && runToRun.degreesOfFreedom > 0 ? 2 * runToRun.variance : 0;
  const squaredError = pr.squaredError + base.squaredError + between;
  if (squaredError === 0) {
    const ratio = Math.exp(logRatio);
    return { ratio, low: ratio, high: ratio, degreesOfFreedom: Infinity, exact: true, logRatio, standardError: 0 };
  }
  const degreesOfFreedom = squaredError ** 2 / (pr.squaredError ** 2 / (pr.h - 1) + base.squaredError ** 2 / (base.h - 1) + (between > 0 ? between ** 2 / (runToRun?.degreesOfFreedom ?? 1) : 0));
  const standardError = Math.sqrt(squaredError);
  const halfWidth = tQuantile((1 + confidence) / 2, degreesOfFreedom) * standardError;
  return {
    ratio: Math.exp(logRatio),
    low: Math.exp(logRatio - halfWidth),
    high: Math.exp(logRatio + halfWidth),
    degreesOfFreedom,
    exact: false,
    logRatio,
    standardError
  };
}
function runToRunVariance(runs) {
  const summaries = runs.map((run) => summariseLogs(run.values, run.trim)).filter((summary) => summary !== null);
  if (summaries.length < 3) return null;
  const means = summaries.map((summary) => summary.trimmedMean);
  const grand = means.reduce((sum, value) => sum + value, 0) / means.length;
  const observed = means.reduce((sum, value) => sum + (value - grand) ** 2, 0) / (means.length - 1);
  const within = summaries.reduce((sum, summary) => sum + summary.squaredError, 0) / summaries.length;
  return { variance: Math.max(0, observed - within), degreesOfFreedom: summaries.length - 1, runs: summaries.length };
}
function blockRatioInterval(prBlocks, baseBlocks, trimPr, trimBase, confidence) {
  const differences = [];
  for (const [block, prValues] of prBlocks) {
    const baseValues = baseBlocks.get(block);
    if (!baseValues || prValues.length === 0 || baseValues.length === 0) continue;
    differences.push(blockLogMean(prValues, trimPr) - blockLogMean(baseValues, trimBase));
  }
  const blocks = differences.length;
  if (blocks < 2) return null;
  const logRatio = mean(differences);
  const variance = sampleVariance(differences);
  const ratio = Math.exp(logRatio);
  const signPValue = signTestPValue(differences);
  if (variance <= (Number.EPSILON * Math.max(1, Math.abs(logRatio))) ** 2 * 16) {
    return {
      ratio,
      low: ratio,
      high: ratio,
      degreesOfFreedom: Infinity,
      exact: true,
      blocks,
      logRatio,
      standardError: 0,
      signPValue
    };
  }
  const degreesOfFreedom = blocks - 1;
  const standardError = Math.sqrt(variance / blocks);
  const halfWidth = tQuantile((1 + confidence) / 2, degreesOfFreedom) * standardError;
  return {
    ratio,
    low: Math.exp(logRatio - halfWidth),
    high: Math.exp(logRatio + halfWidth),
    degreesOfFreedom,
    exact: false,
    blocks,
    logRatio,
    standardError,
    signPValue
  };
}
function blockLogMean(values, trim) {
  const summary = summariseLogs(values, trim);
  return summary ? summary.trimmedMean : Math.log(Math.max(values[0] ?? LOG_FLOOR, LOG_FLOOR));
}
function signTestPValue(differences) {
  const nonZero = differences.filter((difference) => difference !== 0);
  const n = nonZero.length;
  if (n === 0) return 1;
  const positive = nonZero.filter((difference) => difference > 0).length;
  const extreme = Math.min(positive, n - positive);
  return Math.min(1, 2 * (0, import_stats_base_dists_binomial_cdf.default)(extreme, n, 0.5));
}

// src/gate/compare.ts
function compareRuns(pr, base, gate, monthlyInvocations, options = {}) {
  const comparisons = [];
  let headline = null;
  if (base) {
    const basePrices = pricesForBase(pr, base);
    const points = comparisonPoints(pr, base);
    const bothOk = (point) => isOk(entryAt(pr, point.prMemoryMb)) && isOk(entryAt(base, point.baseMemoryMb));
    const headlinePoint = points.find((point) => point.roles.includes("configured") && bothOk(point)) ?? points.find(bothOk);
    const measured = points.map((point) => comparePoint(pr, base, basePrices, point, gate, options.history ?? []));
    judgeFamily(measured.flat(), familyAlpha(pr, base, gate));
    for (const [index, point] of points.entries()) {
      const rows = (measured[index] ?? []).map((entry) => entry.row);
      comparisons.push(...rows);
      if (point !== headlinePoint) continue;
      const cost = rows.find((row) => row.kind === "cost");
      const duration = rows.find((row) => row.kind === "duration");
      const init = rows.find((row) => row.kind === "init");
      headline = {
        at: point,
        costDeltaPct: cost?.deltaPct ?? null,
        durationDeltaPct: duration?.deltaPct ?? null,
        initDurationDeltaPct: init?.deltaPct ?? null,
        monthlyCostDeltaUsd: null
      };
      if (cost && cost.prValue !== null && cost.baseValue !== null) {
        const monthly = monthlyComparison(cost, point, gate, monthlyInvocations, expectedAt(pr, base, point));
        comparisons.push(monthly);
        headline.monthlyCostDeltaUsd = (monthly.prValue ?? 0) - (monthly.baseValue ?? 0);
      }
    }
    if (!headlinePoint) comparisons.push(noticeRow("comparison with the baseline", { kind: "nothing-compared" }));
  }
  if (!base && options.baselineProblem) {
    comparisons.push(noticeRow("baseline", { kind: "baseline-problem", problem: options.baselineProblem }));
  }
  comparisons.push(...absoluteChecks(pr, gate));
  const headroom = headroomChecks(pr, base, gate);
  comparisons.push(...headroom);
  const level = comparisons.reduce((worst, row) => worseLevel(worst, row.level), "pass");
  const baselineDescription = base ? options.baselineDescription ?? describeRun(base) : null;
  const reason = overallReason(level, {
    findings: comparisons.flatMap((row) => row.finding ? [row.finding] : []),
    baselineDescription,
    headline,
    absoluteLimits: gate.maxCostPerInvocationUsd !== void 0 || gate.maxDurationMs !== void 0 || gate.maxInitDurationMs !== void 0 || headroom.length > 0,
    ...options.noBaselineNote !== void 0 ? { noBaselineNote: options.noBaselineNote } : {}
  });
  return {
    level,
    reason,
    comparisons,
    baselineDescription,
    ...base ? { baselineKind: pr.runId !== void 0 && pr.runId === base.runId ? "live" : "stored" } : {},
    costDeltaPct: headline?.costDeltaPct ?? null,
    durationDeltaPct: headline?.durationDeltaPct ?? null,
    ...initGated(gate) ? { initDurationDeltaPct: headline?.initDurationDeltaPct ?? null } : {},
    monthlyCostDeltaUsd: headline?.monthlyCostDeltaUsd ?? null
  };
}
function expectedAt(pr, base, point) {
  const prUsd = entryAt(pr, point.prMemoryMb)?.expectedCostPerInvocationUsd;
  const baseUsd = entryAt(base, point.baseMemoryMb)?.expectedCostPerInvocationUsd;
  return typeof prUsd === "number" && typeof baseUsd === "number" ? { baseUsd, prUsd } : null;
}
function initGated(gate) {
  return gate.maxInitDurationIncreasePct !== void 0 || gate.warnInitDurationIncreasePct !== void 0;
}
function relativeMetrics(gate) {
  return initGated(gate) ? ["cost", "duration", "init"] : ["cost", "duration"];
}
function noticeRow(metric, finding) {
  return applyFinding(comparisonRow({ metric, kind: "cost" }), finding);
}
function comparePoint(pr, base, basePrices, point, gate, history) {
  const prEntry = entryAt(pr, point.prMemoryMb);
  const baseEntry = entryAt(base, point.baseMemoryMb);
  const notComparable = (finding) => [
    {
      row: applyFinding(
        comparisonRow({
          metric: metricName("cost", point),
          kind: "cost",
          ...rowMemory(point),
          baseValue: baseEntry?.costPerInvocationUsd ?? null,
          prValue: prEntry?.costPerInvocationUsd ?? null
        }),
        finding
      )
    }
  ];
  const failure = (entry) => entry.failureReason !== void 0 ? { failure: entry.failureReason } : {};
  if (!prEntry) return notComparable({ kind: "not-measured", at: point, side: "pr" });
  if (!baseEntry) return notComparable({ kind: "not-measured", at: point, side: "base" });
  const prFailed = prEntry.status === "failed";
  const baseFailed = baseEntry.status === "failed";
  if (prFailed && !baseFailed) return notComparable({ kind: "pr-failed", at: point, ...failure(prEntry) });
  if (prFailed && baseFailed) return notComparable({ kind: "both-failed", at: point, ...failure(prEntry) });
  if (baseFailed) return notComparable({ kind: "base-failed", at: point, ...failure(baseEntry) });
  return relativeMetrics(gate).map(
    (kind) => compareMetric(
      pr,
      base,
      basePrices,
      prEntry,
      baseEntry,
      point,
      kind,
      gate,
      runToRunAt(pr, history, point.baseMemoryMb, kind)
    )
  );
}
function compareMetric(pr, base, basePrices, prEntry, baseEntry, point, metric, gate, runToRun) {
  const prValues = metricValues(pr, prEntry, metric, pr.prices);
  const baseValues = metricValues(base, baseEntry, metric, basePrices);
  const prTrim = pr.settings.discardTopBottom;
  const baseTrim = base.settings.discardTopBottom;
  const prValue = prValues.length > 0 ? trimmedMean(prValues, prTrim) : null;
  const baseValue = baseValues.length > 0 ? trimmedMean(baseValues, baseTrim) : null;
  const row = comparisonRow({
    metric: metricName(metric, point),
    kind: metric,
    ...rowMemory(point),
    baseValue,
    prValue
  });
  const found = (outcome) => {
    applyFinding(row, { ...outcome, metric, at: point });
  };
  if (prValue === null || baseValue === null || baseValue <= 0) {
    found({ kind: "no-samples" });
    return { row };
  }
  const deltaPct = (prValue / baseValue - 1) * 100;
  row.deltaPct = deltaPct;
  const sameRun = pr.runId !== void 0 && pr.runId === base.runId;
  const blocked = sameRun ? blockRatioInterval(
    metricBlocks(pr, prEntry, metric, pr.prices),
    metricBlocks(base, baseEntry, metric, basePrices),
    prTrim,
    baseTrim,
    gate.confidence
  ) : null;
  const interval = blocked ?? ratioInterval(prValues, baseValues, prTrim, baseTrim, gate.confidence, runToRun ?? void 0);
  const change = { deltaPct };
  if (interval) {
    row.ciLowPct = (interval.low - 1) * 100;
    row.ciHighPct = (interval.high - 1) * 100;
    change.interval = {
      lowPct: row.ciLowPct,
      highPct: row.ciHighPct,
      confidence: gate.confidence,
      exact: interval.exact,
      ...blocked ? { environments: blocked.blocks } : runToRun && runToRun.variance > 0 ? { storedRuns: runToRun.runs } : {}
    };
  }
  const few = Math.min(prValues.length, baseValues.length);
  if (few < gate.minSamples) {
    found({
      kind: "too-few-samples",
      change,
      side: prValues.length <= baseValues.length ? "pr" : "base",
      samples: few,
      minSamples: gate.minSamples
    });
    return { row };
  }
  if (!interval) {
    found({ kind: "no-interval", change });
    return { row };
  }
  const floor = changeFloor(metric, gate, point.prMemoryMb, pr.prices);
  if (Math.abs(prValue - baseValue) < floor) row.belowFloor = true;
  if (row.belowFloor && !(interval.exact && prValue === baseValue)) {
    found({
      kind: "below-floor",
      change,
      difference: Math.abs(prValue - baseValue),
      floor,
      floorMs: gate.minDurationChangeMs
    });
    return { row, pValue: twoSidedPValue(interval), settle: () => void 0 };
  }
  const environments = sameRun ? blocked?.blocks ?? 1 : null;
  const { failPct, warnPct } = relativeLimits(metric, gate);
  const excludesNoChange = interval.low > 1 || interval.high < 1;
  const settle = (significant) => {
    row.significant = significant && excludesNoChange;
    if (!row.significant) {
      found(
        interval.exact ? { kind: "unchanged" } : { kind: "not-significant", change, afterFamily: excludesNoChange }
      );
    } else if (interval.low > 1) {
      found(increase(change, environments, failPct, warnPct, gate.confidence));
    } else {
      found({ kind: exceeds(-deltaPct, warnPct ?? failPct ?? 0) ? "improvement" : "small-improvement", change });
    }
  };
  const enoughToFail = environments === null || environments >= minFailEnvironments(gate.confidence);
  const pValue = blocked && enoughToFail ? Math.max(twoSidedPValue(interval), blocked.signPValue) : twoSidedPValue(interval);
  return { row, pValue, settle };
}
function relativeLimits(metric, gate) {
  switch (metric) {
    case "cost":
      return { failPct: gate.maxCostIncreasePct, warnPct: gate.warnCostIncreasePct };
    case "duration":
      return { failPct: gate.maxDurationIncreasePct, warnPct: gate.warnDurationIncreasePct };
    case "init":
      return { failPct: gate.maxInitDurationIncreasePct, warnPct: gate.warnInitDurationIncreasePct };
  }
}
function increase(change, environments, failPct, warnPct, confidence) {
  if (failPct !== void 0 && exceeds(change.deltaPct, failPct)) {
    const needed = minFailEnvironments(confidence);
    if (environments !== null && environments < needed)
      return { kind: "too-few-environments", change, limitPct: failPct, environments, needed };
    return { kind: "fail-limit", change, limitPct: failPct };
  }
  if (warnPct !== void 0 && exceeds(change.deltaPct, warnPct))
    return { kind: "warn-limit", change, limitPct: warnPct };
  const limitPct = warnPct ?? failPct;
  return limitPct === void 0 ? { kind: "within-limit", change } : { kind: "within-limit", change, limitPct };
}
function judgeFamily(measured, alpha) {
  const tested = measured.filter(
    (entry) => entry.pValue !== void 0 && entry.settle !== void 0
  );
  const significant = holmSignificant(
    tested.map((entry) => entry.pValue),
    alpha
  );
  tested.forEach((entry, index) => entry.settle(significant[index] ?? false));
}
function runToRunAt(pr, history, memoryMb, metric) {
  if (history.length < 3) return null;
  const runs = history.flatMap((run) => {
    const entry = entryAt(run, memoryMb);
    if (!isOk(entry)) return [];
    return [{ values: metricValues(run, entry, metric, pricesForBase(pr, run)), trim: run.settings.discardTopBottom }];
  });
  return runToRunVariance(runs);
}

export {
  placeMemory,
  metricSamples,
  compareRuns,
  initGated,
  relativeLimits
};
