// What a run spent (results/spend.ts): every invocation counted, billed ones priced, a live baseline added, a stored
// baseline and an unchanged function's carried figures never; hand-computed figures.

import { addSpends, fileSpend, functionSpend, measureSpend, spanSeconds, spendOf } from '../../src/results/spend.js';
import type { Prices, RunResult, Sample } from '../../src/types.js';
import { makeRun, repeat } from '../helpers/run-fixture.js';

/** $0.00001 per GB-s and $0.0000002 a request: round figures. */
const PRICES: Prices = {
  region: 'us-east-1',
  architecture: 'x86_64',
  pricePerGbSecondUsd: 0.00001,
  pricePerRequestUsd: 0.0000002,
  source: 'test',
  asOf: '2026-01-01',
  fallback: false,
};

const billedSample = (billedDurationMs: number, extra: Partial<Sample> = {}): Sample => ({
  durationMs: billedDurationMs,
  billedDurationMs,
  payloadIndex: 0,
  coldStart: false,
  ...extra,
});

describe('measureSpend', () => {
  it('counts every sample, prices the billed ones (INIT in their Billed Duration), over the run’s span', () => {
    const powerValues = [
      {
        memoryMb: 1024,
        samples: [
          // A cold start: Billed Duration already holds the INIT Lambda bills.
          billedSample(300, { coldStart: true, initDurationMs: 200 }),
          billedSample(100),
          billedSample(100, { errorType: 'Error' }),
          // Refused after the retries (throttled): no REPORT, not billed.
          { ...billedSample(0), errorType: 'TooManyRequestsException' },
        ],
      },
      { memoryMb: 512, samples: [billedSample(200), billedSample(200)] },
    ];
    const spend = measureSpend(powerValues, PRICES, {
      startedAt: '2026-03-01T10:00:00.000Z',
      finishedAt: '2026-03-01T10:01:30.000Z',
    });
    // 1024 MB: (0.3 + 0.1 + 0.1) s × 1 GB = 0.5 GB-s; 512 MB: 0.4 s × 0.5 GB = 0.2 GB-s.
    expect(spend.invocations).toBe(6);
    expect(spend.billedInvocations).toBe(5);
    expect(spend.gbSeconds).toBeCloseTo(0.7, 12);
    expect(spend.requestCostUsd).toBeCloseTo(5 * 0.0000002, 15);
    expect(spend.computeCostUsd).toBeCloseTo(0.7 * 0.00001, 15);
    expect(spend.costUsd).toBeCloseTo(0.000008, 15);
    expect(spend.wallTimeSeconds).toBe(90);
  });

  it('a run without samples (a dry run) spent nothing', () => {
    expect(
      measureSpend([{ memoryMb: 128, samples: [] }], PRICES, {
        startedAt: '2026-03-01T10:00:00.000Z',
        finishedAt: '2026-03-01T10:00:01.500Z',
      }),
    ).toEqual({
      invocations: 0,
      billedInvocations: 0,
      gbSeconds: 0,
      requestCostUsd: 0,
      computeCostUsd: 0,
      costUsd: 0,
      wallTimeSeconds: 1.5,
    });
  });
});

describe('spanSeconds and addSpends', () => {
  it('runs side by side overlap: their wall time is the span they cover, not the sum', () => {
    expect(
      spanSeconds([
        { startedAt: '2026-03-01T10:00:00.000Z', finishedAt: '2026-03-01T10:01:00.000Z' },
        { startedAt: '2026-03-01T10:00:30.000Z', finishedAt: '2026-03-01T10:02:00.000Z' },
      ]),
    ).toBe(120);
    const a = run('a', 'shared', 4);
    const b = {
      ...run('b', 'shared', 6),
      startedAt: '2026-03-01T10:00:30.000Z',
      finishedAt: '2026-03-01T10:02:00.000Z',
    };
    const sum = addSpends([a, b]);
    expect(sum.invocations).toBe(10);
    expect(sum.costUsd).toBeCloseTo(spendOf(a).costUsd + spendOf(b).costUsd, 15);
    expect(sum.wallTimeSeconds).toBe(120);
  });
});

/** A run of `n` invocations of 100 ms at 1024 MB (ROUND_PRICES: 1e-8 USD a billed ms), in run `runId`. */
function run(functionName: string, runId: string, n: number): RunResult {
  return makeRun({
    configuredMb: 1024,
    functionName,
    runId,
    powerValues: [{ memoryMb: 1024, durationsMs: repeat(100, n) }],
  });
}

describe('functionSpend', () => {
  it('adds a live baseline (measured in the same run) to the function’s own', () => {
    const spend = functionSpend({ status: 'measured', result: run('pr', 'r1', 5), baseline: run('base', 'r1', 7) });
    expect(spend?.function.invocations).toBe(5);
    expect(spend?.baseline?.invocations).toBe(7);
    expect(spend?.total.invocations).toBe(12);
    // 12 × 100 ms at 1 GB = 1.2 GB-s; ROUND_PRICES has no request price.
    expect(spend?.total.gbSeconds).toBeCloseTo(1.2, 12);
    expect(spend?.total.costUsd).toBeCloseTo(12 * 100 * 1e-8, 15);
  });

  it('leaves out a stored baseline: an earlier run measured it, and paid for it', () => {
    const spend = functionSpend({ status: 'measured', result: run('pr', 'r1', 5), baseline: run('base', 'r0', 7) });
    expect(spend?.baseline).toBeNull();
    expect(spend?.total.invocations).toBe(5);
  });

  it('an unchanged function’s carried figures and a dry run spent nothing in this run', () => {
    expect(functionSpend({ status: 'unchanged', result: run('carried', 'r0', 5) })).toBeNull();
    expect(functionSpend({ status: 'measured', result: { ...run('dry', 'r1', 0), dryRun: true } })).toBeNull();
  });

  it('prefers the spend the run recorded; results from before it are counted from their samples', () => {
    const old = run('old', 'r1', 3);
    expect(old.spend).toBeUndefined();
    expect(spendOf(old).invocations).toBe(3);
    const recorded = { ...old, spend: { ...spendOf(old), invocations: 99 } };
    expect(spendOf(recorded).invocations).toBe(99);
  });
});

describe('fileSpend', () => {
  it('the whole run: measured and part-way failed functions and their live baselines; not unchanged ones', () => {
    const spend = fileSpend([
      { status: 'measured', result: run('orders', 'app', 5), baseline: run('orders-base', 'app', 5) },
      { status: 'unchanged', result: run('search', 'old', 50), baseline: null },
      { status: 'failed', result: run('payments', 'app', 2), baseline: null },
      { status: 'failed', result: null, baseline: null },
      // A stored baseline from the data branch (another run): not this run's.
      { status: 'measured', result: run('catalog', 'app', 3), baseline: run('catalog', 'stored', 40) },
    ]);
    expect(spend?.measuredFunctions).toBe(3);
    expect(spend?.functions.invocations).toBe(10);
    expect(spend?.baselines?.invocations).toBe(5);
    expect(spend?.total.invocations).toBe(15);
    expect(spend?.total.costUsd).toBeCloseTo(15 * 100 * 1e-8, 15);
    expect(spend?.total.wallTimeSeconds).toBe(60);
  });

  it('nothing measured (every function unchanged): no spend', () => {
    expect(fileSpend([{ status: 'unchanged', result: run('search', 'old', 5) }])).toBeNull();
  });
});
