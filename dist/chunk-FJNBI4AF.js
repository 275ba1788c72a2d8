import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  findChangePoints
} from "./chunk-SU6SV6QQ.js";
import {
  chartedFigures,
  niceCeiling,
  renderXyChart
} from "./chunk-RLDLH3OD.js";
import {
  shortSha
} from "./chunk-3LRRCGUT.js";
import {
  entryAt
} from "./chunk-Q3BMP5S5.js";
import {
  formatConfidence,
  formatMemory,
  formatMs,
  formatPct,
  formatUsd,
  safeUrl
} from "./chunk-F67DHOCG.js";

// src/report/trend.ts
function buildTrend(result, stored, gate, runUrl) {
  if (!stored || stored.length === 0 || gate.trendRuns <= 0 || result.dryRun) return null;
  const runs = stored.slice(-gate.trendRuns);
  const memoryMb = result.current.memoryMb;
  const repositoryUrl = repositoryUrlOf(runUrl);
  return {
    runs,
    memoryMb,
    changes: findChangePoints(runs, {
      memoryMb,
      confidence: gate.confidence,
      minDurationChangeMs: gate.minDurationChangeMs,
      prices: result.prices
    }),
    confidence: gate.confidence,
    ...repositoryUrl ? { repositoryUrl } : {}
  };
}
function trendPoints(trend, pr) {
  const points = [];
  let skipped = 0;
  const add = (run, label, carried, sha) => {
    const entry = entryAt(run, trend.memoryMb);
    const figures = entry ? chartedFigures(entry) : null;
    if (!figures || label === null) {
      skipped++;
      return;
    }
    points.push({
      label,
      ...sha ? { sha } : {},
      carried,
      ...figures,
      recommendedMemoryMb: run.recommendation?.memoryMb ?? null
    });
  };
  for (const run of trend.runs) add(run.result, shortSha(run.sha), run.carriedFrom !== void 0, run.sha);
  const before = skipped;
  add(pr, THIS_RUN, false);
  skipped = before;
  return { points, skipped };
}
var TREND_WIDTH = 900;
var TREND_HEIGHT = 240;
var THIS_RUN = "this run";
function trendMarkdown(trend, pr) {
  const { points, skipped } = trendPoints(trend, pr);
  if (points.length < 2) return "";
  const stored = points.filter((point) => point.label !== THIS_RUN).length;
  const hasThisRun = points[points.length - 1]?.label === THIS_RUN;
  const marks = new Map(
    trend.changes.changePoints.map((point) => [point.sha, (point.changes[0]?.deltaPct ?? 0) >= 0 ? "\u25B2" : "\u25BC"])
  );
  const categories = points.map((point) => {
    const mark = point.sha ? marks.get(point.sha) : void 0;
    return mark ? `${mark} ${point.label}` : point.label;
  });
  const line = (title, yAxisLabel, values) => [
    "```mermaid",
    renderXyChart({
      title,
      xAxisLabel: "Default-branch commit, oldest first",
      categories,
      yAxisLabel,
      yMax: niceCeiling(Math.max(...values) * 1.1),
      line: values,
      width: TREND_WIDTH,
      height: TREND_HEIGHT
    }),
    "```"
  ].join("\n");
  const at = formatMemory(trend.memoryMb);
  const parts = [
    `#### \u{1F4C8} Trend at ${at}: the last ${stored} default-branch run${stored === 1 ? "" : "s"}${hasThisRun ? " and this run" : ""}`,
    changeSentence(trend),
    line(
      `Cost per 1M invocations at ${at}`,
      "USD per 1M",
      points.map((point) => point.costPerMillionUsd)
    ),
    line(
      `Mean duration at ${at}`,
      "Duration (ms)",
      points.map((point) => point.durationMs)
    )
  ];
  const recommended = points.map((point) => point.recommendedMemoryMb);
  if (recommended.every((memory) => memory !== null))
    parts.push(line("Recommended memory", "Memory (MB)", recommended));
  const notes = [];
  if (marks.size > 0) notes.push("\u25B2 \u25BC: the commit where a significant change entered.");
  if (skipped > 0)
    notes.push(`${skipped} stored run${skipped === 1 ? "" : "s"} not charted (no figures at ${at}, or no commit SHA).`);
  const carried = points.filter((point) => point.carried).length;
  if (carried > 0)
    notes.push(
      `${carried} point${carried === 1 ? " is a copy" : "s are copies"} of an earlier run (the function was unchanged), not a new measurement, and ${carried === 1 ? "is" : "are"} not tested for a change.`
    );
  if (notes.length > 0) parts.push(`<sub>${notes.join(" ")}</sub>`);
  parts.push(
    `<details><summary>The trend's figures</summary>

${pointsNote(points, trend.repositoryUrl)}

</details>`
  );
  return parts.join("\n\n");
}
function changeSentence(trend) {
  const { changePoints, note, measuredRuns } = trend.changes;
  const method = `the gate's ${formatConfidence(trend.confidence)} interval between consecutive stored runs, with the drift between runs`;
  if (note) return `No change points tested: ${note}.`;
  if (changePoints.length === 0) return `No significant change between the ${measuredRuns} measured runs (${method}).`;
  const items = changePoints.map((point) => `- ${changePointText(point, trend.repositoryUrl)}`);
  return [`**Significant change${changePoints.length === 1 ? "" : "s"} entered at** (${method}):`, "", ...items].join(
    "\n"
  );
}
function changePointText(point, repositoryUrl) {
  const changes = point.changes.map(metricChangeText).join(", ");
  return `${commitLink(point.sha, repositoryUrl)}: ${changes || "a change"} against ${commitLink(point.previousSha, repositoryUrl)}`;
}
function metricChangeText(change) {
  const what = { cost: "cost", duration: "duration", init: "Init Duration" }[change.metric];
  return `${what} ${formatPct(change.deltaPct)} (${formatPct(change.lowPct)} to ${formatPct(change.highPct)})`;
}
function commitLink(sha, repositoryUrl) {
  const short = shortSha(sha);
  if (!short) return "`?`";
  const base = safeUrl(repositoryUrl);
  return base ? `[\`${short}\`](${base}/commit/${sha.toLowerCase()})` : `\`${short}\``;
}
function pointsNote(points, repositoryUrl) {
  const text = points.map((point) => {
    const name = point.sha ? commitLink(point.sha, repositoryUrl) : THIS_RUN;
    const rec = point.recommendedMemoryMb === null ? "" : `, ${formatMemory(point.recommendedMemoryMb)} recommended`;
    return `${name} ${formatUsd(point.costPerMillionUsd)}/1M, ${formatMs(point.durationMs)}${rec}`;
  }).join(" \xB7 ");
  return `Points, oldest first: ${text}.`;
}
function repositoryUrlOf(runUrl) {
  const match = safeUrl(runUrl)?.match(/^(https?:\/\/[^/]+\/[^/]+\/[^/]+)\/actions\/runs\/\d+/);
  return match?.[1];
}

export {
  buildTrend,
  trendPoints,
  THIS_RUN,
  trendMarkdown,
  changeSentence,
  commitLink,
  repositoryUrlOf
};
