import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  changeFloor,
  holmSignificant
} from "./chunk-RZWVMN26.js";
import {
  isOk,
  metricValues,
  ratioInterval,
  summariseLogs,
  twoSidedPValue
} from "./chunk-EYMQLSDJ.js";
import {
  chartedFigures,
  niceCeiling,
  renderXyChart
} from "./chunk-RLDLH3OD.js";
import {
  entryAt
} from "./chunk-MSAJ5NXO.js";
import {
  trimmedMean
} from "./chunk-B4XUQD3K.js";
import {
  formatConfidence,
  formatMemory,
  formatMs,
  formatPct,
  formatUsd,
  safeUrl
} from "./chunk-F67DHOCG.js";

// src/gate/change-points.ts
var METRICS = ["cost", "duration"];
function findChangePoints(runs, options) {
  const measured = [];
  for (const run of runs) {
    if (run.carriedFrom !== void 0) continue;
    const entry = entryAt(run.result, options.memoryMb);
    if (!isOk(entry)) continue;
    const values = {
      cost: metricValues(run.result, entry, "cost", options.prices),
      duration: metricValues(run.result, entry, "duration", options.prices)
    };
    if (values.cost.length < 2 || values.duration.length < 2) continue;
    measured.push({ sha: run.sha, values, trim: run.result.settings.discardTopBottom });
  }
  if (measured.length < 3)
    return {
      changePoints: [],
      measuredRuns: measured.length,
      note: `${measured.length} measured run${measured.length === 1 ? "" : "s"} at ${options.memoryMb} MB; 3 are needed to tell a change from the drift between runs`
    };
  let accepted = significantPairs(measured, /* @__PURE__ */ new Set(), options);
  for (let k = 1; k < measured.length; k++) {
    const split = bestSplit(measured, k);
    if (!split) break;
    const significant = significantPairs(measured, split, options);
    if ([...split].every((pair) => significant.has(pair))) accepted = significant;
  }
  const changePoints = [...accepted.entries()].sort(([a], [b]) => a - b).map(([pair, changes]) => ({
    sha: measured[pair].sha,
    previousSha: measured[pair - 1].sha,
    changes: [...changes].sort((a, b) => METRICS.indexOf(a.metric) - METRICS.indexOf(b.metric))
  }));
  return { changePoints, measuredRuns: measured.length };
}
function significantPairs(measured, split, options) {
  const tests = [];
  for (const metric of METRICS) {
    const runToRun = segmentedRunToRun(measured, split, metric);
    if (!runToRun) continue;
    for (let pair = 1; pair < measured.length; pair++) {
      const tested = testPair(
        measured[pair - 1],
        measured[pair],
        metric,
        runToRun,
        options
      );
      if (tested) tests.push({ pair, ...tested });
    }
  }
  const significant = holmSignificant(
    tests.map((test) => test.pValue),
    1 - options.confidence
  );
  const pairs = /* @__PURE__ */ new Map();
  tests.forEach((test, index) => {
    if (significant[index]) pairs.set(test.pair, [...pairs.get(test.pair) ?? [], test.change]);
  });
  return pairs;
}
var MIN_STRETCH = 2;
function bestSplit(measured, k) {
  const n = measured.length;
  if (n - (k + 1) < 2 || n < k * MIN_STRETCH + 1) return null;
  const points = measured.map(
    (run) => METRICS.map((metric) => summariseLogs(run.values[metric], run.trim)?.trimmedMean ?? 0)
  );
  const spread = (a, b) => {
    let total = 0;
    for (let m = 0; m < METRICS.length; m++) {
      const values = points.slice(a, b).map((point) => point[m]);
      const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
      total += values.reduce((sum, value) => sum + (value - mean) ** 2, 0);
    }
    return total;
  };
  const best = [Array.from({ length: n + 1 }, (_, b) => b >= MIN_STRETCH ? spread(0, b) : Infinity)];
  const from = [Array.from({ length: n + 1 }, () => 0)];
  for (let j = 1; j <= k; j++) {
    best.push(Array.from({ length: n + 1 }, () => Infinity));
    from.push(Array.from({ length: n + 1 }, () => -1));
    for (let b = j * MIN_STRETCH + 1; b <= n; b++) {
      for (let a = j * MIN_STRETCH; a <= b - (b === n ? 1 : MIN_STRETCH); a++) {
        const total = (best[j - 1]?.[a] ?? Infinity) + spread(a, b);
        if (total < (best[j]?.[b] ?? Infinity)) {
          best[j][b] = total;
          from[j][b] = a;
        }
      }
    }
  }
  const split = /* @__PURE__ */ new Set();
  let end = n;
  for (let j = k; j >= 1; j--) {
    const start = from[j]?.[end] ?? -1;
    if (start <= 0) return null;
    split.add(start);
    end = start;
  }
  return split;
}
function testPair(previous, current, metric, runToRun, options) {
  const interval = ratioInterval(
    current.values[metric],
    previous.values[metric],
    current.trim,
    previous.trim,
    options.confidence,
    runToRun ?? void 0
  );
  if (!interval) return null;
  const now = trimmedMean(current.values[metric], current.trim);
  const before = trimmedMean(previous.values[metric], previous.trim);
  if (!(before > 0)) return null;
  if (Math.abs(now - before) < changeFloor(metric, gateFloor(options), options.memoryMb, options.prices)) return null;
  return {
    pValue: twoSidedPValue(interval),
    change: {
      metric,
      deltaPct: (now / before - 1) * 100,
      lowPct: (interval.low - 1) * 100,
      highPct: (interval.high - 1) * 100
    }
  };
}
function gateFloor(options) {
  return { minDurationChangeMs: options.minDurationChangeMs };
}
function segmentedRunToRun(measured, boundaries, metric) {
  const stretches = [[]];
  let within = 0;
  let count = 0;
  for (const [index, run] of measured.entries()) {
    if (boundaries.has(index)) stretches.push([]);
    const summary = summariseLogs(run.values[metric], run.trim);
    if (!summary) continue;
    stretches[stretches.length - 1].push(summary.trimmedMean);
    within += summary.squaredError;
    count++;
  }
  const used = stretches.filter((stretch) => stretch.length > 0);
  const degreesOfFreedom = count - used.length;
  if (count < 3 || degreesOfFreedom < 2) return null;
  let squares = 0;
  for (const stretch of used) {
    const mean = stretch.reduce((sum, value) => sum + value, 0) / stretch.length;
    squares += stretch.reduce((sum, value) => sum + (value - mean) ** 2, 0);
  }
  const observed = squares / degreesOfFreedom;
  return { variance: Math.max(0, observed - within / count), degreesOfFreedom, runs: count };
}

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
function shortSha(sha) {
  return sha && /^[0-9a-f]{7,64}$/i.test(sha) ? sha.slice(0, 7).toLowerCase() : null;
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
  const what = change.metric === "cost" ? "cost" : "duration";
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
  shortSha,
  trendPoints,
  THIS_RUN,
  trendMarkdown,
  changeSentence,
  commitLink,
  repositoryUrlOf
};
