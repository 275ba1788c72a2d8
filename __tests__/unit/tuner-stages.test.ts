// The tuner's stages on their own (issue 14): what tuner.ts strings together, each tested without a run around it.

import { silentLogger, systemClock, type EngineLogger } from '../../src/lib/ports.js';
import { autoOptimize } from '../../src/tuning/apply.js';
import { CleanupBudgetError, cleanupBudget } from '../../src/tuning/cleanup.js';
import { morePayloads } from '../../src/tuning/invoke.js';
import { firstRound, adaptiveRounds } from '../../src/tuning/rounds/adaptive.js';
import { environmentBlocks, nextEnvironment, type ExtraSampling } from '../../src/tuning/rounds/environment-blocks.js';
import type { RunState, SubjectState } from '../../src/tuning/run-state.js';
import { functionErrorOf, visibleMessage } from '../../src/tuning/sample.js';
import { emptyResult } from '../../src/tuning/summary.js';
import { MAX_RAW_ERROR_TYPE_CHARS } from '../../src/lib/untrusted.js';
import type { PowerValueResult, RunResult, Sample } from '../../src/types.js';
import { makeRun } from '../helpers/run-fixture.js';

const fixture = () =>
  makeRun({
    configuredMb: 512,
    powerValues: [
      { memoryMb: 256, durationsMs: [10, 11] },
      { memoryMb: 512, durationsMs: [10, 11] },
    ],
    recommendedMb: 256,
  });
import { tuningSettings } from '../helpers/settings.js';

function sample(environment?: number): Sample {
  return {
    durationMs: 10,
    billedDurationMs: 10,
    payloadIndex: 0,
    coldStart: false,
    ...(environment !== undefined ? { environment } : {}),
  };
}

function entry(memoryMb: number, samples: Sample[]): PowerValueResult {
  return { ...emptyResult(memoryMb), invocations: samples.length, samples };
}

/** A function's state as far as the stages below read it; touching its target fails the test. */
function stateStub(plans: SubjectState['plans'], logger: EngineLogger = silentLogger): SubjectState {
  const target = new Proxy(
    {},
    { get: (_, name) => () => Promise.reject(new Error(`unexpected Lambda call: ${String(name)}`)) },
  );
  return { plans, logger, settings: tuningSettings(), prepared: [], running: [], target } as unknown as SubjectState;
}

describe('sample.ts: the function error of an invocation', () => {
  it('takes the error type from the payload, else from the FunctionError header, bounded either way', () => {
    expect(functionErrorOf('{"errorType":"OrderNotFound","errorMessage":"order 7"}', 'Unhandled')).toEqual({
      type: 'OrderNotFound',
      message: 'order 7',
    });
    expect(functionErrorOf('not json', 'Unhandled')).toEqual({ type: 'Unhandled', message: '' });
    expect(functionErrorOf('{"errorType":""}', 'Handled')).toEqual({ type: 'Handled', message: '' });
    expect(
      functionErrorOf(JSON.stringify({ errorType: 'E'.repeat(5_000) }), 'Unhandled').type.length,
    ).toBeLessThanOrEqual(MAX_RAW_ERROR_TYPE_CHARS);
  });

  it("shows Lambda's own messages always, and a handler's message only with log-payloads", () => {
    expect(visibleMessage({ type: 'Runtime.OutOfMemory', message: 'Runtime exited' }, false)).toBe('Runtime exited');
    expect(visibleMessage({ type: 'Sandbox.Timedout', message: 'Task timed out' }, false)).toBe('Task timed out');
    expect(visibleMessage({ type: 'OrderNotFound', message: 'customer 42' }, false)).toBeUndefined();
    expect(visibleMessage({ type: 'OrderNotFound', message: 'customer 42' }, true)).toBe('customer 42');
  });
});

describe('invoke.ts: more invocations continue the plan', () => {
  it("continues the plan's interleaved payload order after those done, cycling past its end so weights hold", () => {
    // Weights 2:1 interleave to 0, 1, 0; two done, four more: 0 | 0, 1, 0 again.
    const state = stateStub([{ memoryMb: 128, payloadIndexes: [0, 0, 1] }]);
    expect(morePayloads(state, 128, 2, 4)).toEqual({ memoryMb: 128, payloadIndexes: [0, 0, 1, 0] });
    expect(morePayloads(state, 256, 0, 2)).toEqual({ memoryMb: 256, payloadIndexes: [0, 0] });
  });
});

describe('rounds/adaptive.ts', () => {
  it('runs only the start of each plan first, payloads interleaved, with adaptive sampling; all of it otherwise', () => {
    const plan = { memoryMb: 512, payloadIndexes: [...Array<number>(15).fill(0), ...Array<number>(15).fill(1)] };
    const fixed = tuningSettings({ invocationsPerValue: 30 });
    expect(firstRound(plan, fixed)).toBe(plan);
    const first = firstRound(plan, tuningSettings({ invocationsPerValue: 30, sampling: 'adaptive' }));
    expect(first.memoryMb).toBe(512);
    expect(first.payloadIndexes.length).toBeLessThan(30);
    expect(first.payloadIndexes.slice(0, 4)).toEqual([0, 1, 0, 1]);
    expect(adaptiveRounds().firstPass).toBe(firstRound);
  });
});

describe('rounds/environment-blocks.ts', () => {
  it('numbers the next block one past the highest any function used at its own memory size', () => {
    const measured = [
      [entry(128, [sample(), sample(1), sample(3)]), entry(256, [sample(9)])],
      [entry(128, [sample(2)]), entry(256, [sample(7)])],
    ];
    expect(nextEnvironment(measured, [128, 128])).toBe(4);
    expect(nextEnvironment(measured, [256, 128])).toBe(10);
    expect(nextEnvironment(measured, [512, 512])).toBe(1);
  });

  it('a gate settled from the start: no round, no Lambda call, one summary per function with its reason', async () => {
    const asked: RunResult[][] = [];
    const extra: ExtraSampling = {
      maxInvocations: 40,
      blockInvocations: 5,
      next: (results) => {
        asked.push(results);
        return { pairings: [], settled: true, reason: 'every comparison is decided' };
      },
    };
    const lines: string[] = [];
    const logger = { ...silentLogger, info: (line: string) => lines.push(line) };
    const template = fixture();
    const states = [0, 1].map(
      () =>
        ({
          ...stateStub([], logger),
          snapshot: { identity: template.function, memoryMb: 512 },
          prices: template.prices,
        }) as SubjectState,
    );
    const run = {
      runId: 'r1',
      startedAt: template.startedAt,
      settings: tuningSettings(),
      states,
      measured: [[], []],
      logger,
      clock: systemClock,
      sleep: async () => {},
      signal: undefined,
    } as unknown as RunState;

    const records = await environmentBlocks(extra).run(run);

    expect(asked).toHaveLength(1);
    expect(asked[0]).toHaveLength(2);
    const summary = { rounds: 0, added: [], maxInvocations: 40, settled: true, reason: 'every comparison is decided' };
    expect(records).toEqual([{ gateSampling: summary }, { gateSampling: summary }]);
    expect(lines).toEqual([]);
  });
});

describe('apply.ts: auto-optimize only on a run that passes', () => {
  const result = (): RunResult => fixture();
  const lambdaUntouched = { send: () => Promise.reject(new Error('unexpected Lambda call')) } as never;

  it('after a failure, says what it did not apply and why, and changes nothing', async () => {
    const lines: string[] = [];
    const logger = { ...silentLogger, warning: (line: string) => lines.push(line) };
    const run = result();
    const outcome = await autoOptimize(
      run,
      tuningSettings({ autoOptimize: true }),
      { client: lambdaUntouched, logger },
      'Regression gate failed: cost +12%',
    );
    expect(outcome).toBeUndefined();
    expect(run.applied).toBeUndefined();
    expect(lines).toEqual([
      `Auto-optimize did not apply 256 MB: it changes the function only when the run passes, and this one failed (Regression gate failed: cost +12%). ${run.function.name} keeps ${run.current.memoryMb} MB.`,
    ]);
  });

  it('does nothing without auto-optimize, without a recommendation, or on a dry run', async () => {
    const deps = { client: lambdaUntouched, logger: silentLogger };
    expect(await autoOptimize(result(), tuningSettings({ autoOptimize: false }), deps, undefined)).toBeUndefined();
    expect(
      await autoOptimize(
        { ...result(), recommendation: null },
        tuningSettings({ autoOptimize: true }),
        deps,
        undefined,
      ),
    ).toBeUndefined();
    expect(
      await autoOptimize({ ...result(), dryRun: true }, tuningSettings({ autoOptimize: true }), deps, undefined),
    ).toBeUndefined();
  });

  it('a failure to apply is the run failure it returns, with the memory size', async () => {
    const refusing = {
      send: () => Promise.reject(Object.assign(new Error('not authorized'), { name: 'AccessDeniedException' })),
    } as never;
    const run = result();
    const outcome = await autoOptimize(
      run,
      tuningSettings({ autoOptimize: true }),
      { client: refusing, logger: silentLogger, sleep: async () => {} },
      undefined,
    );
    expect(outcome).toMatch(/^Auto-optimize could not apply 256 MB: .*not authorized/);
    expect(run.applied).toBeUndefined();
  });
});

describe('cleanup.ts: the clean-up budget', () => {
  it('counts only from the run signal’s abort, then ends clean-up’s signal with a CleanupBudgetError', async () => {
    const run = new AbortController();
    const budget = cleanupBudget(run.signal, 20);
    expect(budget.armed).toBe(false);
    expect(budget.signal.aborted).toBe(false);
    run.abort(new Error('cancelled'));
    expect(budget.armed).toBe(true);
    await new Promise((resolve) => budget.signal.addEventListener('abort', resolve, { once: true }));
    expect(budget.signal.reason).toBeInstanceOf(CleanupBudgetError);
    expect((budget.signal.reason as Error).message).toBe("clean-up's 0.02 s after the cancel signal ran out");
    budget.dispose();
  });

  it('without a run signal, or disposed before an abort, never ends', () => {
    const alone = cleanupBudget(undefined, 20);
    expect(alone.armed).toBe(false);
    alone.dispose();
    const run = new AbortController();
    const disposed = cleanupBudget(run.signal, 20);
    disposed.dispose();
    run.abort();
    expect(disposed.armed).toBe(false);
  });
});
