import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  functionSpend
} from "./chunk-EE6MQ7ES.js";
import {
  compareVisualizationUrl,
  visualizationUrl
} from "./chunk-5WM6ETGA.js";
import {
  shortSha
} from "./chunk-3LRRCGUT.js";
import {
  formatGbSeconds,
  formatMemory,
  formatUsd,
  formatWallTime
} from "./chunk-F67DHOCG.js";

// src/report/spend-sentences.ts
function reportSpend(input) {
  if (input.carried) return null;
  return functionSpend({
    status: "measured",
    result: input.result,
    baseline: input.baseline,
    otherArchitecture: input.otherArchitecture
  });
}
var invocationsWord = (count) => `${count.toLocaleString("en-US")} invocation${count === 1 ? "" : "s"}`;
function spendFigures(total) {
  const unbilled = total.invocations - total.billedInvocations;
  const note = unbilled > 0 ? `; ${invocationsWord(unbilled)} without a REPORT record (refused by Lambda, e.g. throttled, which is not billed) ${unbilled === 1 ? "is" : "are"} left out of the GB-seconds and dollars` : "";
  return `${formatGbSeconds(total.gbSeconds)}, ${formatUsd(total.costUsd)} (${formatUsd(total.requestCostUsd)} requests + ${formatUsd(total.computeCostUsd)} compute), ${formatWallTime(total.wallTimeSeconds)} of wall time${note}`;
}
function spendSentence(spend) {
  const parts = [
    ...spend.baseline ? [`${spend.baseline.invocations.toLocaleString("en-US")} of the baseline function`] : [],
    ...spend.otherArchitecture ? [`${spend.otherArchitecture.invocations.toLocaleString("en-US")} of the other architecture's function`] : []
  ];
  const split = parts.length > 0 ? ` (${[`${spend.function.invocations.toLocaleString("en-US")} of this function`, ...parts].join(", ")})` : "";
  return `${invocationsWord(spend.total.invocations)}${split}, ${spendFigures(spend.total)}`;
}
function fileSpendSentence(spend) {
  const functions = `${spend.measuredFunctions} function${spend.measuredFunctions === 1 ? "" : "s"}`;
  const parts = [
    ...spend.baselines ? [`${spend.baselines.invocations.toLocaleString("en-US")} of their live baselines`] : [],
    ...spend.otherArchitectures ? [`${spend.otherArchitectures.invocations.toLocaleString("en-US")} of their other-architecture functions`] : []
  ];
  const split = parts.length > 0 ? ` (${[`${spend.functions.invocations.toLocaleString("en-US")} of ${functions}`, ...parts].join(", ")})` : ` of ${functions}`;
  return `${invocationsWord(spend.total.invocations)}${split}, ${spendFigures(spend.total)}`;
}
var SPEND_LEGEND = "Every invocation counts (failed, cold, extra rounds); GB-s: Billed Duration \xD7 memory, INIT included where billed; on-demand prices, no free tier; wall time: reading the function to the end of clean-up.";

// src/report/cold-start-legend.ts
function expectedCostCell(entry) {
  if (entry.expectedCostPerInvocationUsd === void 0) return null;
  return {
    costUsd: entry.expectedCostPerInvocationUsd,
    estimated: entry.coldStartCost?.source === "estimated"
  };
}
function coldStartLegend(result, escape) {
  const rate = coldStartRateOf(result);
  if (rate === null) return null;
  const billing = result.coldStartBilling ? ` (${escape(result.coldStartBilling.rule)})` : "";
  const sentences = [
    `Expected: cost per 1M invocations when ${ratePct(rate)} of them are cold starts (cold-start-rate), each adding what its cold start billed over a warm invocation${billing}.`,
    "The gate compares warm costs (its % limits and max-cost-per-invocation); monthly projections and the cost strategy use expected costs."
  ];
  const estimated = result.powerValues.filter((entry) => entry.coldStartCost?.source === "estimated");
  if (estimated.length > 0) {
    const from = estimated.slice(0, 5).map((entry) => `${formatMemory(entry.memoryMb)} from ${formatMemory(entry.coldStartCost?.fromMemoryMb ?? 0)}`).join(", ");
    sentences.push(
      `\u2248: no successful cold start at that size, so the nearest measured size's extra billed duration is used (${from}${estimated.length > 5 ? ", \u2026" : ""}).`
    );
  }
  const unknown = result.powerValues.find((entry) => entry.coldStartCost?.source === "unknown");
  if (unknown)
    sentences.push(`Unknown: ${unknown.coldStartCost?.note ?? "the cold-start extra could not be measured"}.`);
  return sentences.join(" ");
}
function ratePct(rate) {
  return `${Number((rate * 100).toPrecision(3))}%`;
}
function coldStartRateOf(result) {
  const any = result.powerValues.some((entry) => entry.expectedCostPerInvocationUsd !== void 0);
  return any ? result.settings.coldStartRate ?? null : null;
}

// src/report/links.ts
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
  reportSpend,
  spendSentence,
  fileSpendSentence,
  SPEND_LEGEND,
  expectedCostCell,
  coldStartLegend,
  ratePct,
  coldStartRateOf,
  visualizationLinks
};
