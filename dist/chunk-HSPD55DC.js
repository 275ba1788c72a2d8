import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  memoryUseText
} from "./chunk-Q3BMP5S5.js";
import {
  formatConfidence,
  formatMs,
  formatPct,
  formatUnsignedPct,
  formatUsd,
  lowerFirst
} from "./chunk-F67DHOCG.js";

// src/gate/findings.ts
function levelOf(finding) {
  switch (finding.kind) {
    case "fail-limit":
      return "fail";
    case "warn-limit":
    case "too-few-environments":
    case "no-drift-estimate":
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
      return finding.outcome === "above" ? "fail" : finding.outcome === "above-unconfirmed" ? "warn" : "pass";
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
      return finding.side === "pr" ? `Not compared at ${placeLabel(finding.at)}: the PR run did not measure ${finding.at.prMemoryMb} MB (its power values differ from the base's).` : finding.reduced ? `Not compared at ${placeLabel(finding.at)}: the baseline function is measured only where the gate compares, and no gate-max-invocations or time was left to measure it at ${finding.at.baseMemoryMb} MB.` : `Not compared at ${placeLabel(finding.at)}: the baseline did not measure ${finding.at.baseMemoryMb} MB (its power values differ from the PR's).`;
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
    case "too-few-environments":
    case "no-drift-estimate":
      return `${subject} ${changeText(finding.change)}, significant and above the ${finding.limitPct}% fail limit, but ${shortfallText(finding)}.`;
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
function shortfallText(shortfall) {
  if (shortfall.kind === "too-few-environments") {
    const measured = shortfall.environments === 1 ? "one execution environment" : `${shortfall.environments} pairs of execution environments`;
    return `measured in ${measured} per function: a fail needs ${shortfall.needed} (raise gate-max-invocations)`;
  }
  const needs = `a fail against a stored baseline needs the drift between runs, estimated from ${shortfall.needed} stored runs at this memory size`;
  if (!shortfall.history)
    return `measured against one stored run (baseline-file): ${needs} on a data branch (baseline-branch), or a live baseline-function`;
  const runs = `${shortfall.storedRuns} stored run${shortfall.storedRuns === 1 ? "" : "s"}`;
  return `measured against ${runs}: ${needs} (baseline-branch), or a live baseline-function`;
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
  if (finding.outcome === "above-unconfirmed")
    return `Monthly cost ${where} ${change}, a significant increase above the ${limit} limit, but the cost change it projects was ${shortfallText(finding.shortfall)}.`;
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
function architectureChangeSentence(change) {
  return `The architecture changed from ${change.from} to ${change.to}: each side was measured on its own architecture and priced at its own architecture's price, so the changes above include the architecture's.`;
}

export {
  placeMemory,
  metricName,
  describeRun,
  absoluteMetricName,
  headroomMetricName,
  overallReason,
  applyFinding,
  architectureChangeSentence
};
