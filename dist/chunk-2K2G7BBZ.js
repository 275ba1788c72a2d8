import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  costPerInvocationUsd,
  require_lib as require_lib6
} from "./chunk-JRNMWUVF.js";
import {
  entryAt
} from "./chunk-Q3BMP5S5.js";
import {
  mean,
  measuredSamples,
  require_lib,
  require_lib2,
  require_lib5 as require_lib3,
  require_lib6 as require_lib4,
  require_lib7 as require_lib5,
  sampleVariance,
  successfulSamples,
  tQuantile,
  trimCount
} from "./chunk-LYDXGQBP.js";
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
function comparisonPoints(pr, base, comparedAt) {
  const candidates = [
    { prMemoryMb: pr.current.memoryMb, baseMemoryMb: base.current.memoryMb, roles: ["configured"] }
  ];
  const prRecommended = comparedAt ? comparedAt.recommendedMb ?? void 0 : pr.recommendation?.memoryMb;
  const baseRecommended = comparedAt ? comparedAt.baseRecommendedMb ?? void 0 : base.curve === "compared" ? void 0 : base.recommendation?.memoryMb;
  const baseHasCurve = comparedAt ? comparedAt.baseRecommendedMb !== null : base.curve !== "compared";
  if (prRecommended !== void 0 && (prRecommended === baseRecommended || !baseHasCurve)) {
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
  const trimmedMean = kept.reduce((sum, value) => sum + value, 0) / h;
  const low = logs[k];
  const high = logs[n - k - 1];
  if (low === high) return { n, h, trimmedMean: low, squaredError: 0 };
  const winsorized = logs.map((value) => Math.min(Math.max(value, low), high));
  const winsorizedMean = winsorized.reduce((sum, value) => sum + value, 0) / n;
  const winsorizedVariance = winsorized.reduce((sum, value) => sum + (value - winsorizedMean) ** 2, 0) / (n - 1);
  return { n, h, trimmedMean, squaredError: (n - 1) * winsorizedVariance / (h * (h - 1)) };
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
var MIN_STORED_RUNS = 3;
function runToRunVariance(runs) {
  const summaries = runs.map((run) => summariseLogs(run.values, run.trim)).filter((summary) => summary !== null);
  if (summaries.length < MIN_STORED_RUNS) return null;
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

export {
  pricesForBase,
  isOk,
  metricSamples,
  metricValues,
  metricBlocks,
  comparisonPoints,
  twoSidedPValue,
  summariseLogs,
  ratioInterval,
  MIN_STORED_RUNS,
  runToRunVariance,
  blockRatioInterval
};
