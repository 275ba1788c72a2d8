// One TuningSettings and one GateSettings builder for the tests and benchmarks: the defaults a user gets from the
// inputs, minus what a test never wants (a real results path, a long timeout). Each caller overrides what it measures.

import { RateLimiter } from '../../src/tuning/limiter.js';
import { realSleep } from '../../src/lib/ports.js';
import type { GateSettings, TuningSettings } from '../../src/types.js';

export function tuningSettings(overrides: Partial<TuningSettings> = {}): TuningSettings {
  return {
    functionName: 'fake-fn',
    region: 'us-east-1',
    powerValuesMb: [128, 512, 1024],
    invocationsPerValue: 5,
    payloads: [{ payload: '{}', weight: 1 }],
    parallelInvocation: false,
    concurrency: 4,
    sleepBetweenRunsMs: 0,
    discardTopBottom: 0.2,
    allowedExceptions: [],
    onlyColdStarts: false,
    strategy: 'cost',
    balancedWeight: 0.5,
    autoOptimize: false,
    dryRun: false,
    logPayloads: false,
    resultsPath: '/tmp/lambda-power-gate-unused.json',
    timeoutMinutes: 30,
    ...overrides,
  };
}

/** A file baseline with 5% cost and 10% duration limits (warn at half), 95% confidence, min-samples 5. */
export function gateSettings(overrides: Partial<GateSettings> = {}): GateSettings {
  return {
    baselineSource: 'file',
    key: 'orders-api',
    historyLimit: 20,
    maxCostIncreasePct: 5,
    maxDurationIncreasePct: 10,
    warnCostIncreasePct: 2.5,
    warnDurationIncreasePct: 5,
    maxDurationStatistic: 'mean',
    confidence: 0.95,
    minSamples: 5,
    minDurationChangeMs: 1,
    maxInvocations: 100,
    failOnRegression: true,
    ...overrides,
  };
}

/**
 * A limiter that does not pace: for tests of the engine's and the gate's logic against an emulator whose
 * control-plane quota is off. Pacing in real time is tested on its own (reliability/cleanup.test.ts, the
 * control-plane bench); here it would only make each version cost a tenth of a second.
 */
export function unpacedLimiter(): RateLimiter {
  return new RateLimiter({ ratePerSecond: 1e6, burst: 1e6, now: Date.now, sleep: realSleep });
}
