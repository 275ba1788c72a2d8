import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);

// src/results/spend.ts
var MB_PER_GB = 1024;
var billed = (billedDurationMs) => billedDurationMs > 0;
function measureSpend(powerValues, prices, span) {
  let invocations = 0;
  let billedInvocations = 0;
  let gbSeconds = 0;
  for (const entry of powerValues) {
    for (const sample of entry.samples) {
      invocations++;
      if (!billed(sample.billedDurationMs)) continue;
      billedInvocations++;
      gbSeconds += sample.billedDurationMs / 1e3 * (entry.memoryMb / MB_PER_GB);
    }
  }
  const requestCostUsd = billedInvocations * prices.pricePerRequestUsd;
  const computeCostUsd = gbSeconds * prices.pricePerGbSecondUsd;
  return {
    invocations,
    billedInvocations,
    gbSeconds,
    requestCostUsd,
    computeCostUsd,
    costUsd: requestCostUsd + computeCostUsd,
    wallTimeSeconds: spanSeconds([span])
  };
}
function spendOf(run) {
  return run.spend ?? measureSpend(run.powerValues, run.prices, run);
}
function spanSeconds(spans) {
  const starts = spans.map((span) => Date.parse(span.startedAt)).filter(Number.isFinite);
  const ends = spans.map((span) => Date.parse(span.finishedAt)).filter(Number.isFinite);
  if (starts.length === 0 || ends.length === 0) return 0;
  return Math.max(0, (Math.max(...ends) - Math.min(...starts)) / 1e3);
}
function addSpends(runs) {
  const parts = runs.map(spendOf);
  const sum = (pick) => parts.reduce((total, part) => total + pick(part), 0);
  return {
    invocations: sum((part) => part.invocations),
    billedInvocations: sum((part) => part.billedInvocations),
    gbSeconds: sum((part) => part.gbSeconds),
    requestCostUsd: sum((part) => part.requestCostUsd),
    computeCostUsd: sum((part) => part.computeCostUsd),
    costUsd: sum((part) => part.costUsd),
    wallTimeSeconds: spanSeconds(runs)
  };
}
function isSameRun(result, baseline) {
  return Boolean(baseline && result.runId !== void 0 && baseline.runId === result.runId && !baseline.dryRun);
}
function functionSpend(entry) {
  const { result } = entry;
  if (!result || result.dryRun || entry.status === "unchanged") return null;
  const live = isSameRun(result, entry.baseline) ? entry.baseline : null;
  const other = isSameRun(result, entry.otherArchitecture) ? entry.otherArchitecture : null;
  return {
    function: spendOf(result),
    baseline: live ? spendOf(live) : null,
    otherArchitecture: other ? spendOf(other) : null,
    total: addSpends([result, ...live ? [live] : [], ...other ? [other] : []])
  };
}
function fileSpend(entries) {
  const functions = [];
  const baselines = [];
  const others = [];
  for (const entry of entries) {
    if (!functionSpend(entry) || !entry.result) continue;
    functions.push(entry.result);
    if (isSameRun(entry.result, entry.baseline)) baselines.push(entry.baseline);
    if (isSameRun(entry.result, entry.otherArchitecture)) others.push(entry.otherArchitecture);
  }
  if (functions.length === 0) return null;
  return {
    total: addSpends([...functions, ...baselines, ...others]),
    functions: addSpends(functions),
    ...baselines.length > 0 ? { baselines: addSpends(baselines) } : {},
    ...others.length > 0 ? { otherArchitectures: addSpends(others) } : {},
    measuredFunctions: functions.length
  };
}

export {
  measureSpend,
  functionSpend,
  fileSpend
};
