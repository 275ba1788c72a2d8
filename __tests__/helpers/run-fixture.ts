// Hand-made RunResults for the gate's tests: every sample given explicitly, prices chosen so costs are round.

import { RESULTS_SCHEMA_VERSION, type PowerValueResult, type Prices, type RunResult, type Sample, type TuningSettings } from '../../src/types.js';
import { summarisePowerValue } from '../../src/tuning/summary.js';
import { tuningSettings } from './settings.js';

/** results.json keeps no payloads unless log-payloads is on. */
function withoutPayloads({ payloads: _payloads, ...rest }: TuningSettings): Omit<TuningSettings, 'payloads'> {
  return rest;
}

/** $0.00001 per GB-s and no request price: at 1024 MB a billed millisecond costs exactly 1e-8 USD. */
export const ROUND_PRICES: Prices = {
  region: 'us-east-1',
  architecture: 'x86_64',
  pricePerGbSecondUsd: 0.00001,
  pricePerRequestUsd: 0,
  source: 'test',
  asOf: '2026-01-01',
  fallback: false,
};

export interface PowerValueSpec {
  memoryMb: number;
  /** Durations in ms; billed duration is the same unless `billedMs` is given. */
  durationsMs?: number[];
  billedMs?: number[];
  /** Every sample fails with this error type (a failed power value). */
  failWith?: string;
  /** The first sample is a cold start (as each memory size's first invocation is when tuning). */
  coldFirst?: boolean;
  /** No samples at all: prepared but not measured. */
  failureReason?: string;
  /** Each sample's environment block (Sample.environment), as the live gate's extra rounds tag them. */
  environments?: number[];
  /** The samples themselves (measured ones, replayed by bench/gate-replay.ts); overrides durationsMs. */
  samples?: Sample[];
}

export interface RunSpec {
  configuredMb: number;
  /** The planned invocations per memory size; defaults to the most samples given for one. */
  invocationsPerValue?: number;
  powerValues: PowerValueSpec[];
  /** Defaults to the cheapest ok power value. */
  recommendedMb?: number | null;
  discardTopBottom?: number;
  prices?: Prices;
  sha?: string;
  functionName?: string;
  allowedExceptions?: string[];
  /**
   * Runs with the same runId were measured together (a live baseline: intervals over environments, and a fail needs
   * 3 of them). By default each fixture run is a run of its own, as a stored baseline is.
   */
  runId?: string;
}

export function sample(durationMs: number, billedDurationMs = durationMs, errorType?: string): Sample {
  return { durationMs, billedDurationMs, payloadIndex: 0, coldStart: false, ...(errorType ? { errorType } : {}) };
}

let fixtureRuns = 0;

export function makeRun(spec: RunSpec): RunResult {
  const prices = spec.prices ?? ROUND_PRICES;
  const discardTopBottom = spec.discardTopBottom ?? 0;
  const settings = tuningSettings({
    functionName: spec.functionName ?? 'orders-api',
    powerValuesMb: spec.powerValues.map((value) => value.memoryMb),
    invocationsPerValue: spec.invocationsPerValue ?? Math.max(0, ...spec.powerValues.map((value) => value.samples?.length ?? value.durationsMs?.length ?? 0)),
    concurrency: 1,
    discardTopBottom,
    allowedExceptions: spec.allowedExceptions ?? [],
    resultsPath: '/tmp/results.json',
  });
  const powerValues: PowerValueResult[] = spec.powerValues.map((value) => {
    if (value.failureReason) return { ...summarisePowerValue(value.memoryMb, [], settings, prices), status: 'failed', failureReason: value.failureReason };
    const durations = value.durationsMs ?? [];
    const samples = value.samples
      ? value.samples
      : value.failWith
      ? durations.map((duration) => sample(duration, duration, value.failWith))
      : durations.map((duration, index) => ({
          ...sample(duration, value.billedMs?.[index] ?? duration),
          ...(value.coldFirst && index === 0 ? { coldStart: true, initDurationMs: duration / 2 } : {}),
          ...(value.environments?.[index] ? { environment: value.environments[index] } : {}),
        }));
    return summarisePowerValue(value.memoryMb, samples, settings, prices, value.failWith ? `failed with ${value.failWith}` : undefined);
  });
  const ok = powerValues.filter((entry) => entry.status === 'ok' && entry.costPerInvocationUsd !== null);
  const cheapest = ok.reduce<PowerValueResult | undefined>((best, entry) => (!best || (entry.costPerInvocationUsd ?? 0) < (best.costPerInvocationUsd ?? 0) ? entry : best), undefined);
  const recommendedMb = spec.recommendedMb === undefined ? cheapest?.memoryMb : spec.recommendedMb;
  const recommended = recommendedMb === null || recommendedMb === undefined ? undefined : powerValues.find((entry) => entry.memoryMb === recommendedMb);
  const current = powerValues.find((entry) => entry.memoryMb === spec.configuredMb && entry.status === 'ok');
  return {
    schemaVersion: RESULTS_SCHEMA_VERSION,
    tool: { name: 'lambda-power-gate', version: '0.0.0-test' },
    runId: spec.runId ?? `fixture-${++fixtureRuns}`,
    function: {
      name: spec.functionName ?? 'orders-api',
      arn: `arn:aws:lambda:us-east-1:123456789012:function:${spec.functionName ?? 'orders-api'}`,
      region: 'us-east-1',
      architecture: prices.architecture,
      originalMemoryMb: spec.configuredMb,
      logFormat: 'Text',
    },
    settings: { ...withoutPayloads(settings), payloadCount: 1 },
    prices,
    powerValues,
    recommendation: recommended
      ? {
          strategy: 'cost',
          memoryMb: recommended.memoryMb,
          costPerInvocationUsd: recommended.costPerInvocationUsd ?? 0,
          durationMs: recommended.duration?.trimmedMean ?? 0,
          reason: 'test',
        }
      : null,
    current: {
      memoryMb: spec.configuredMb,
      costPerInvocationUsd: current?.costPerInvocationUsd ?? null,
      durationMs: current?.duration?.trimmedMean ?? null,
    },
    tuningCostUsd: 0,
    visualizationUrl: null,
    dryRun: false,
    ...(spec.sha ? { git: { sha: spec.sha } } : {}),
    startedAt: '2026-03-01T10:00:00.000Z',
    finishedAt: '2026-03-01T10:01:00.000Z',
  };
}

/** n copies of a value. */
export function repeat(value: number, n: number): number[] {
  return Array.from({ length: n }, () => value);
}

/** `blocks` environment blocks of `perBlock` samples each: block b's samples are `durations(b)`, tagged b. */
export function blocked(blocks: number, durations: (block: number) => number[]): { durationsMs: number[]; environments: number[] } {
  const durationsMs: number[] = [];
  const environments: number[] = [];
  for (let block = 0; block < blocks; block++) {
    for (const duration of durations(block)) {
      durationsMs.push(duration);
      environments.push(block);
    }
  }
  return { durationsMs, environments };
}
