// What a run spent measuring (issue 20, "what a PR costs"): invocations, GB-seconds, dollars and wall time, per
// function, for a live baseline beside it, and for the whole run. Counted from the samples results.json already
// holds (every invocation is one: failed ones, cold starts, samples the figures leave out, adaptive rounds and the
// live gate's environment blocks), priced with the run's own prices. Pure, so the engine records it, the report and
// the outputs show it, and a results.json from before it still gets its figures.
//
// Which invocations Lambda bills: "Invocations … includes successful invocations and invocations that result in a
// function error. Invocations aren't recorded if the invocation request is throttled or otherwise results in an
// invocation error. The value of Invocations equals the number of requests billed." (Lambda docs,
// docs.aws.amazon.com/lambda/latest/dg/monitoring-metrics-types.html, the Invocations metric). A sample with a REPORT record ran, success or function error, and is billed: its Billed
// Duration is what Lambda charged (it includes INIT since 1 August 2025, and the SnapStart restore). A sample without
// one is an Invoke Lambda refused after the retries (throttled, a service error: not billed) or, rarely, a run
// whose log tail lost its REPORT (billed, at an unknown duration): counted as an invocation, never in the dollars.
// Retries of a throttled Invoke are not samples and are not billed either.

import type { FileSpend, FunctionEntry, PowerValueResult, Prices, RunResult, RunSpend } from '../types.js';

/** Lambda bills a GB as 1024 MB (as tuning/pricing.ts prices one invocation). */
const MB_PER_GB = 1024;

/** A sample Lambda billed: it has a REPORT record, whose Billed Duration is at least 1 ms. */
const billed = (billedDurationMs: number): boolean => billedDurationMs > 0;

/** What one run's samples spent, priced with its prices, over its span. */
export function measureSpend(
  powerValues: readonly Pick<PowerValueResult, 'memoryMb' | 'samples'>[],
  prices: Pick<Prices, 'pricePerGbSecondUsd' | 'pricePerRequestUsd'>,
  span: { startedAt: string; finishedAt: string },
): RunSpend {
  let invocations = 0;
  let billedInvocations = 0;
  let gbSeconds = 0;
  for (const entry of powerValues) {
    for (const sample of entry.samples) {
      invocations++;
      if (!billed(sample.billedDurationMs)) continue;
      billedInvocations++;
      gbSeconds += (sample.billedDurationMs / 1000) * (entry.memoryMb / MB_PER_GB);
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
    wallTimeSeconds: spanSeconds([span]),
  };
}

/** A run's spend: as it recorded it, or counted from its samples (results written before the field). */
export function spendOf(run: RunResult): RunSpend {
  return run.spend ?? measureSpend(run.powerValues, run.prices, run);
}

/** Seconds from the earliest start to the latest finish (runs side by side overlap: their time is not added). */
export function spanSeconds(spans: readonly { startedAt: string; finishedAt: string }[]): number {
  const starts = spans.map((span) => Date.parse(span.startedAt)).filter(Number.isFinite);
  const ends = spans.map((span) => Date.parse(span.finishedAt)).filter(Number.isFinite);
  if (starts.length === 0 || ends.length === 0) return 0;
  return Math.max(0, (Math.max(...ends) - Math.min(...starts)) / 1000);
}

/** The sum of several runs' spends; their wall time is the span they cover together. */
export function addSpends(runs: readonly RunResult[]): RunSpend {
  const parts = runs.map(spendOf);
  const sum = (pick: (spend: RunSpend) => number): number => parts.reduce((total, part) => total + pick(part), 0);
  return {
    invocations: sum((part) => part.invocations),
    billedInvocations: sum((part) => part.billedInvocations),
    gbSeconds: sum((part) => part.gbSeconds),
    requestCostUsd: sum((part) => part.requestCostUsd),
    computeCostUsd: sum((part) => part.computeCostUsd),
    costUsd: sum((part) => part.costUsd),
    wallTimeSeconds: spanSeconds(runs),
  };
}

/**
 * A baseline run measured in the same run as the function's (a live baseline: tuned together, one run id); a stored
 * baseline was measured, and paid for, by an earlier run.
 */
export function isSameRun(result: RunResult, baseline: RunResult | null | undefined): baseline is RunResult {
  return Boolean(baseline && result.runId !== undefined && baseline.runId === result.runId && !baseline.dryRun);
}

/** What spend is counted from: a function's status, its run, and the baseline beside it (a FunctionEntry's). */
export type SpendEntry = Pick<FunctionEntry, 'status' | 'result'> & {
  baseline?: RunResult | null;
  /** architectures x86_64,arm64: the other architecture's function (a copy or compare-function), tuned beside it. */
  otherArchitecture?: RunResult | null;
};

/** One function's share of a run: its own run and a live baseline's beside it. */
export interface FunctionSpend {
  function: RunSpend;
  /** The live baseline function's; null without one. */
  baseline: RunSpend | null;
  /** The other architecture's function's (architectures x86_64,arm64); null without one. */
  otherArchitecture: RunSpend | null;
  /** All together. */
  total: RunSpend;
}

/**
 * What measuring one function spent in this run, or null when this run measured nothing for it (a dry run, or an
 * unchanged function, whose result is an earlier run's carried over).
 */
export function functionSpend(entry: SpendEntry): FunctionSpend | null {
  const { result } = entry;
  if (!result || result.dryRun || entry.status === 'unchanged') return null;
  const live = isSameRun(result, entry.baseline) ? entry.baseline : null;
  const other = isSameRun(result, entry.otherArchitecture) ? entry.otherArchitecture : null;
  return {
    function: spendOf(result),
    baseline: live ? spendOf(live) : null,
    otherArchitecture: other ? spendOf(other) : null,
    total: addSpends([result, ...(live ? [live] : []), ...(other ? [other] : [])]),
  };
}

/** What the whole run spent: every function it measured (or that failed part-way) and every live baseline. */
export function fileSpend(entries: readonly SpendEntry[]): FileSpend | null {
  const functions: RunResult[] = [];
  const baselines: RunResult[] = [];
  const others: RunResult[] = [];
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
    ...(baselines.length > 0 ? { baselines: addSpends(baselines) } : {}),
    ...(others.length > 0 ? { otherArchitectures: addSpends(others) } : {}),
    measuredFunctions: functions.length,
  };
}
