// One TuningSettings builder for the engine's tests and benchmarks: the defaults a user gets from the inputs,
// minus what a test never wants (a real results path, a long timeout). Each caller overrides what it measures.

import type { TuningSettings } from '../../src/types.js';

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
