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
} from "./chunk-2K2G7BBZ.js";
import {
  entryAt
} from "./chunk-Q3BMP5S5.js";
import {
  trimmedMean
} from "./chunk-LYDXGQBP.js";

// src/gate/change-points.ts
var DEFAULT_METRICS = ["cost", "duration"];
var ORDER = ["cost", "duration", "init"];
function testable(run, metric) {
  const values = run.values[metric];
  return values && values.length >= 2 ? values : void 0;
}
function findChangePoints(runs, options) {
  const metrics = ORDER.filter((metric) => (options.metrics ?? DEFAULT_METRICS).includes(metric));
  const measured = [];
  for (const [index, run] of runs.entries()) {
    if (run.carriedFrom !== void 0) continue;
    const entry = entryAt(run.result, options.memoryMb);
    if (!isOk(entry)) continue;
    const values = Object.fromEntries(
      metrics.map((metric) => [metric, metricValues(run.result, entry, metric, options.prices)])
    );
    const measurement = { sha: run.sha, index, values, trim: run.result.settings.discardTopBottom };
    if (!metrics.some((metric) => testable(measurement, metric))) continue;
    measured.push(measurement);
  }
  const testableRuns = Object.fromEntries(
    metrics.map((metric) => [metric, measured.filter((run) => testable(run, metric)).length])
  );
  if (measured.length < 3)
    return {
      changePoints: [],
      measuredRuns: measured.length,
      testableRuns,
      note: `${measured.length} measured run${measured.length === 1 ? "" : "s"} at ${options.memoryMb} MB; 3 are needed to tell a change from the drift between runs`
    };
  let accepted = significantPairs(measured, /* @__PURE__ */ new Set(), metrics, options);
  for (let k = 1; k < measured.length; k++) {
    const split = bestSplit(measured, k, metrics);
    if (!split) break;
    const significant = significantPairs(measured, split, metrics, options);
    if ([...split].every((pair) => significant.has(pair))) accepted = significant;
  }
  const changePoints = [...accepted.entries()].sort(([a], [b]) => a - b).map(([pair, changes]) => {
    const current = measured[pair];
    const previous = measured[pair - 1];
    return {
      sha: current.sha,
      previousSha: previous.sha,
      index: current.index,
      previousIndex: previous.index,
      changes: [...changes].sort((a, b) => ORDER.indexOf(a.metric) - ORDER.indexOf(b.metric))
    };
  });
  return { changePoints, measuredRuns: measured.length, testableRuns };
}
function significantPairs(measured, split, metrics, options) {
  const tests = [];
  for (const metric of metrics) {
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
function bestSplit(measured, k, metrics = DEFAULT_METRICS) {
  const n = measured.length;
  if (n - (k + 1) < 2 || n < k * MIN_STRETCH + 1) return null;
  const series = metrics.map(
    (metric) => measured.map((run) => {
      const values = testable(run, metric);
      return values ? summariseLogs(values, run.trim)?.trimmedMean ?? null : null;
    })
  );
  const squares = (values) => {
    const present = values.filter((value) => value !== null);
    if (present.length === 0) return 0;
    const mean = present.reduce((sum, value) => sum + value, 0) / present.length;
    return present.reduce((sum, value) => sum + (value - mean) ** 2, 0);
  };
  const weights = series.map((values) => {
    const present = values.filter((value) => value !== null);
    const steps = present.slice(1).map((value, i) => (value - present[i]) ** 2);
    const noise = median(steps) || steps.reduce((sum, step) => sum + step, 0) / Math.max(1, steps.length);
    return noise > 0 ? 1 / noise : 0;
  });
  const spread = (a, b) => series.reduce((total, values, m) => total + weights[m] * squares(values.slice(a, b)), 0);
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
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return 0;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
function testPair(previous, current, metric, runToRun, options) {
  const currentValues = testable(current, metric);
  const previousValues = testable(previous, metric);
  if (!currentValues || !previousValues) return null;
  const interval = ratioInterval(
    currentValues,
    previousValues,
    current.trim,
    previous.trim,
    options.confidence,
    runToRun ?? void 0
  );
  if (!interval) return null;
  const now = trimmedMean(currentValues, current.trim);
  const before = trimmedMean(previousValues, previous.trim);
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
    const summary = summariseLogs(run.values[metric] ?? [], run.trim);
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

export {
  findChangePoints
};
