import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  absoluteMetricName,
  applyFinding,
  describeRun,
  headroomMetricName,
  metricName,
  overallReason
} from "./chunk-HSPD55DC.js";
import {
  changeFloor,
  familyAlpha,
  holmSignificant
} from "./chunk-RZWVMN26.js";
import {
  MIN_STORED_RUNS,
  blockRatioInterval,
  comparisonPoints,
  isOk,
  metricBlocks,
  metricValues,
  pricesForBase,
  ratioInterval,
  runToRunVariance,
  twoSidedPValue
} from "./chunk-2K2G7BBZ.js";
import {
  worseLevel
} from "./chunk-XTUQEIAI.js";
import {
  entryAt,
  memoryUseOf,
  nearlyEqual,
  usedAbove
} from "./chunk-Q3BMP5S5.js";
import {
  durationStats,
  trimmedMean
} from "./chunk-LYDXGQBP.js";
import {
  minFailEnvironments
} from "./chunk-BHX5YG2T.js";

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

// src/gate/limits.ts
function exceeds(value, limit) {
  return value > limit && !nearlyEqual(value, limit);
}
function monthlyComparison(cost, point, gate, monthlyInvocations, expected = null, shortfall = null) {
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
  const significantIncrease = cost.significant && (cost.ciLowPct ?? 0) > 0;
  const finding = limitUsd === void 0 ? { ...common, outcome: "no-limit" } : !exceeds(deltaUsd, limitUsd) ? { ...common, limitUsd, outcome: "within" } : !significantIncrease ? { ...common, limitUsd, outcome: "above-not-significant" } : shortfall ? { ...common, limitUsd, outcome: "above-unconfirmed", shortfall } : { ...common, limitUsd, outcome: "above" };
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

// src/gate/compare-place.ts
function initGated(gate) {
  return gate.maxInitDurationIncreasePct !== void 0 || gate.warnInitDurationIncreasePct !== void 0;
}
function relativeMetrics(gate) {
  return initGated(gate) ? ["cost", "duration", "init"] : ["cost", "duration"];
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
  if (!baseEntry)
    return notComparable({
      kind: "not-measured",
      at: point,
      side: "base",
      ...base.curve === "compared" ? { reduced: true } : {}
    });
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
      storedHistoryAt(pr, history, point.baseMemoryMb, kind)
    )
  );
}
function compareMetric(pr, base, basePrices, prEntry, baseEntry, point, metric, gate, stored) {
  const { runToRun } = stored;
  const sameRun = pr.runId !== void 0 && pr.runId === base.runId;
  const prBlocks = metricBlocks(pr, prEntry, metric, pr.prices);
  const baseBlocks = metricBlocks(base, baseEntry, metric, basePrices);
  const shared = sameRun ? [...prBlocks.keys()].filter((block) => baseBlocks.has(block)) : [];
  const pairedOnly = shared.length > 0 && (shared.length < prBlocks.size || shared.length < baseBlocks.size);
  const valuesIn = (blocks) => shared.flatMap((block) => blocks.get(block) ?? []);
  const prValues = pairedOnly ? valuesIn(prBlocks) : metricValues(pr, prEntry, metric, pr.prices);
  const baseValues = pairedOnly ? valuesIn(baseBlocks) : metricValues(base, baseEntry, metric, basePrices);
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
  const blocked = sameRun ? blockRatioInterval(prBlocks, baseBlocks, prTrim, baseTrim, gate.confidence) : null;
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
  const shortfall = failShortfall(sameRun ? blocked?.blocks ?? 1 : null, stored, gate.confidence);
  const { failPct, warnPct } = relativeLimits(metric, gate);
  const excludesNoChange = interval.low > 1 || interval.high < 1;
  const settle = (significant) => {
    row.significant = significant && excludesNoChange;
    if (!row.significant) {
      found(
        interval.exact ? { kind: "unchanged" } : { kind: "not-significant", change, afterFamily: excludesNoChange }
      );
    } else if (interval.low > 1) {
      found(increase(change, shortfall, failPct, warnPct));
    } else {
      found({ kind: exceeds(-deltaPct, warnPct ?? failPct ?? 0) ? "improvement" : "small-improvement", change });
    }
  };
  const enoughToFail = shortfall?.kind !== "too-few-environments";
  const pValue = blocked && enoughToFail ? Math.max(twoSidedPValue(interval), blocked.signPValue) : twoSidedPValue(interval);
  return { row, pValue, settle, ...shortfall ? { shortfall } : {} };
}
function failShortfall(environments, stored, confidence) {
  if (environments !== null) {
    const needed = minFailEnvironments(confidence);
    return environments < needed ? { kind: "too-few-environments", environments, needed } : null;
  }
  if (stored.runToRun) return null;
  return { kind: "no-drift-estimate", storedRuns: stored.runs, needed: MIN_STORED_RUNS, history: stored.history };
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
function increase(change, shortfall, failPct, warnPct) {
  if (failPct !== void 0 && exceeds(change.deltaPct, failPct)) {
    return shortfall ? { ...shortfall, change, limitPct: failPct } : { kind: "fail-limit", change, limitPct: failPct };
  }
  if (warnPct !== void 0 && exceeds(change.deltaPct, warnPct))
    return { kind: "warn-limit", change, limitPct: warnPct };
  const limitPct = warnPct ?? failPct;
  return limitPct === void 0 ? { kind: "within-limit", change } : { kind: "within-limit", change, limitPct };
}
function storedHistoryAt(pr, history, memoryMb, metric) {
  const runs = history.flatMap((run) => {
    const entry = entryAt(run, memoryMb);
    if (!isOk(entry)) return [];
    return [{ values: metricValues(run, entry, metric, pricesForBase(pr, run)), trim: run.settings.discardTopBottom }];
  });
  const usable = runs.filter((run) => run.values.length >= 2).length;
  return {
    runToRun: runs.length >= MIN_STORED_RUNS ? runToRunVariance(runs) : null,
    runs: Math.max(1, usable),
    history: history.length > 0
  };
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

// src/gate/compare.ts
function compareRuns(pr, base, gate, monthlyInvocations, options = {}) {
  return judgeRuns(pr, base, gate, monthlyInvocations, options).verdict;
}
function judgeRuns(pr, base, gate, monthlyInvocations, options = {}) {
  const comparisons = [];
  let headline = null;
  let decisive = [];
  if (base) {
    const basePrices = pricesForBase(pr, base);
    const points = comparisonPoints(pr, base, options.comparedAt ?? comparedAtOf(pr, base));
    const bothOk = (point) => isOk(entryAt(pr, point.prMemoryMb)) && isOk(entryAt(base, point.baseMemoryMb));
    const headlinePoint = points.find((point) => point.roles.includes("configured") && bothOk(point)) ?? points.find(bothOk);
    const measured = points.map((point) => comparePoint(pr, base, basePrices, point, gate, options.history ?? []));
    const alpha = familyAlpha(pr, base, gate);
    judgeFamily(measured.flat(), alpha);
    const tested = measured.flat().filter((entry) => entry.pValue !== void 0 && entry.settle !== void 0);
    decisive = tested.filter(
      (entry) => entry.row.level === "fail" && entry.row.finding?.kind === "fail-limit" && (entry.row.kind === "cost" || entry.row.kind === "duration" || entry.row.kind === "init") && (entry.row.ciLowPct ?? -Infinity) > (relativeLimits(entry.row.kind, gate).failPct ?? Infinity) && (entry.pValue ?? 1) <= alpha / tested.length
    ).map((entry) => entry.row);
    for (const [index, point] of points.entries()) {
      const here = measured[index] ?? [];
      const rows = here.map((entry) => entry.row);
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
        const shortfall = here.find((entry) => entry.row === cost)?.shortfall ?? null;
        const expected = expectedAt(pr, base, point);
        const monthly = monthlyComparison(cost, point, gate, monthlyInvocations, expected, shortfall);
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
  const verdict = {
    level,
    reason,
    comparisons,
    baselineDescription,
    ...base ? { baselineKind: pr.runId !== void 0 && pr.runId === base.runId ? "live" : "stored" } : {},
    costDeltaPct: headline?.costDeltaPct ?? null,
    durationDeltaPct: headline?.durationDeltaPct ?? null,
    ...initGated(gate) ? { initDurationDeltaPct: headline?.initDurationDeltaPct ?? null } : {},
    monthlyCostDeltaUsd: headline?.monthlyCostDeltaUsd ?? null,
    ...base && base.function.architecture !== pr.function.architecture ? { architectureChange: { from: base.function.architecture, to: pr.function.architecture } } : {}
  };
  return { verdict, decisive };
}
function comparedAtOf(pr, base) {
  const live = pr.runId !== void 0 && pr.runId === base.runId;
  return live ? pr.gateSampling?.pinned : void 0;
}
function expectedAt(pr, base, point) {
  const prUsd = entryAt(pr, point.prMemoryMb)?.expectedCostPerInvocationUsd;
  const baseUsd = entryAt(base, point.baseMemoryMb)?.expectedCostPerInvocationUsd;
  return typeof prUsd === "number" && typeof baseUsd === "number" ? { baseUsd, prUsd } : null;
}
function noticeRow(metric, finding) {
  return applyFinding(comparisonRow({ metric, kind: "cost" }), finding);
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

export {
  relativeLimits,
  compareRuns,
  judgeRuns
};
