// A power value's samples → its result (statistics, cost, errors), and the run's results → a RunResult with the
// recommendation. Pure: the same figures whether a power value was measured once or in rounds.

import { measureSpend } from '../results/spend.js';
import { visualizationUrl } from '../results/visualization.js';
import {
  RESULTS_SCHEMA_VERSION,
  type PowerValueResult,
  type Prices,
  type RunResult,
  type Sample,
  type TuningSettings,
} from '../types.js';
import { recommend } from './analyze.js';
import type { Clock } from '../lib/ports.js';
import { coldStartBilling, resolvedColdStartRate, withColdStartCosts } from './cold-cost.js';
import { costPerInvocationUsd } from './pricing.js';
import { measuredSamples, successfulSamples } from './sample-rule.js';
import { durationStats, trimmedMean } from './stats.js';
import type { RunState } from './run-state.js';
import type { FunctionSnapshot } from './target.js';
import { TOOL_VERSION } from '../lib/version.js';

export function summarisePowerValue(
  memoryMb: number,
  samples: Sample[],
  settings: Pick<TuningSettings, 'allowedExceptions' | 'discardTopBottom' | 'onlyColdStarts'>,
  prices: Prices,
  stopReason?: string,
): PowerValueResult {
  const errorTypes: Record<string, number> = {};
  for (const sample of samples) {
    if (sample.errorType !== undefined) errorTypes[sample.errorType] = (errorTypes[sample.errorType] ?? 0) + 1;
  }
  const successful = successfulSamples(samples, settings);
  const errors = samples.length - successful.length;
  const measured = measuredSamples(samples, settings);
  const failureReason = stopReason ?? (successful.length === 0 ? 'no successful invocation' : undefined);
  const coldStarts = samples
    .map((sample) => sample.initDurationMs)
    .filter((value): value is number => value !== undefined);
  const restores = samples
    .map((sample) => sample.restoreDurationMs)
    .filter((value): value is number => value !== undefined);
  const memoryUsed = samples
    .map((sample) => sample.maxMemoryUsedMb)
    .filter((value): value is number => value !== undefined);
  const status = failureReason === undefined ? 'ok' : 'failed';
  const result: PowerValueResult = {
    memoryMb,
    status,
    invocations: samples.length,
    errors,
    errorTypes,
    samples,
    duration: durationStats(
      measured.map((sample) => sample.durationMs),
      settings.discardTopBottom,
    ),
    coldStart: durationStats(coldStarts, 0),
    costPerInvocationUsd:
      measured.length > 0
        ? trimmedMean(
            measured.map((sample) => costPerInvocationUsd(sample.billedDurationMs, memoryMb, prices)),
            settings.discardTopBottom,
          )
        : null,
    billedDurationMs:
      measured.length > 0
        ? trimmedMean(
            measured.map((sample) => sample.billedDurationMs),
            settings.discardTopBottom,
          )
        : null,
    maxMemoryUsedMb: memoryUsed.length > 0 ? Math.max(...memoryUsed) : null,
  };
  const restore = durationStats(restores, 0);
  if (restore) result.restore = restore;
  if (failureReason !== undefined) result.failureReason = failureReason;
  return result;
}

export function emptyResult(memoryMb: number): PowerValueResult {
  return {
    memoryMb,
    status: 'ok',
    invocations: 0,
    errors: 0,
    errorTypes: {},
    samples: [],
    duration: null,
    coldStart: null,
    costPerInvocationUsd: null,
    billedDurationMs: null,
    maxMemoryUsedMb: null,
  };
}

export function failedResult(memoryMb: number, reason: string): PowerValueResult {
  return { ...emptyResult(memoryMb), status: 'failed', failureReason: reason };
}

export function buildResult(
  runId: string,
  settings: TuningSettings,
  snapshot: FunctionSnapshot,
  prices: Prices,
  measuredValues: PowerValueResult[],
  startedAt: string,
  clock: Clock,
  dryRun: boolean,
): RunResult {
  // Cold starts priced in: every figure below that projects a bill (the cost strategy, the current memory's
  // expected cost) sees the expected cost; 'auto' not yet resolved reads as the default rate (cold-cost.ts).
  const coldStartRate = resolvedColdStartRate(settings.coldStartRate);
  const powerValues = dryRun ? measuredValues : withColdStartCosts(measuredValues, coldStartRate, prices, settings);
  const recommendation = dryRun
    ? null
    : recommend(powerValues, {
        strategy: settings.strategy,
        balancedWeight: settings.balancedWeight,
        percentileLimit: settings.percentileLimit,
        sampleRule: settings,
        maxMemoryUsedPct: settings.maxMemoryUsedPct,
      });
  const current = powerValues.find((entry) => entry.memoryMb === snapshot.memoryMb && entry.status === 'ok');
  const points = powerValues
    .filter((entry) => entry.status === 'ok' && entry.duration && entry.costPerInvocationUsd !== null)
    .map((entry) => ({
      memoryMb: entry.memoryMb,
      durationMs: entry.duration?.trimmedMean ?? 0,
      costUsd: entry.costPerInvocationUsd ?? 0,
    }));
  const { payloads, ...rest } = settings;
  const finishedAt = clock.now().toISOString();
  // Every sample the run recorded, billed ones priced (results/spend.ts says which Lambda bills).
  const spend = measureSpend(powerValues, prices, { startedAt, finishedAt });
  const result: RunResult = {
    schemaVersion: RESULTS_SCHEMA_VERSION,
    tool: { name: 'lambda-power-gate', version: TOOL_VERSION },
    runId,
    function: snapshot.identity,
    settings: {
      ...rest,
      coldStartRate,
      payloadCount: payloads.length,
      ...(settings.logPayloads ? { payloads } : {}),
    },
    prices,
    powerValues,
    recommendation,
    current: {
      memoryMb: snapshot.memoryMb,
      costPerInvocationUsd: current?.costPerInvocationUsd ?? null,
      ...(current?.expectedCostPerInvocationUsd !== undefined
        ? { expectedCostPerInvocationUsd: current.expectedCostPerInvocationUsd }
        : {}),
      durationMs: current?.duration?.trimmedMean ?? null,
    },
    coldStartBilling: coldStartBilling(snapshot.identity, new Date(startedAt)),
    tuningCostUsd: spend.costUsd,
    spend,
    visualizationUrl: points.length > 0 ? visualizationUrl(points) : null,
    dryRun,
    startedAt,
    finishedAt,
  };
  return result;
}

/** One result per function of the run from what it measured so far, in subject order. */
export function resultsOf(run: Pick<RunState, 'runId' | 'states' | 'measured' | 'startedAt' | 'clock'>): RunResult[] {
  return run.states.map((state, index) =>
    buildResult(
      run.runId,
      state.settings,
      state.snapshot,
      state.prices,
      run.measured[index] ?? [],
      run.startedAt,
      run.clock,
      false,
    ),
  );
}

/** A dry run's results: every planned power value without samples, and no recommendation. */
export function dryRunResults(run: Pick<RunState, 'runId' | 'states' | 'startedAt' | 'clock'>): RunResult[] {
  return run.states.map((state) =>
    buildResult(
      run.runId,
      state.settings,
      state.snapshot,
      state.prices,
      state.plans.map((plan) => emptyResult(plan.memoryMb)),
      run.startedAt,
      run.clock,
      true,
    ),
  );
}
