import { InvokeCommand, PublishVersionCommand, ResourceConflictException } from '@aws-sdk/client-lambda';
import { silentLogger, type EngineLogger } from '../../src/lib/ports.js';
import { TuningCancelledError, TuningFailedError } from '../../src/tuning/run-state.js';
import { sampleFromOutcome } from '../../src/tuning/sample.js';
import { summarisePowerValue } from '../../src/tuning/summary.js';
import { fitInTime, type ExtraSampling } from '../../src/tuning/rounds/environment-blocks.js';
import { tune, tuneTogether } from '../../src/tuning/tuner.js';
import { applyRecommendation } from '../../src/tuning/apply.js';
import type { TuningSettings } from '../../src/types.js';
import { createFakeLambda, reportLine } from '../helpers/fake-lambda.js';
import { ROUND_PRICES } from '../helpers/run-fixture.js';
import { tuningSettings } from '../helpers/settings.js';

function settingsFor(overrides: Partial<TuningSettings> = {}): TuningSettings {
  return tuningSettings(overrides);
}

const noSleep = async () => {};
const deps = (client: ReturnType<typeof createFakeLambda>['client'], logger: EngineLogger = silentLogger) => ({
  client,
  logger,
  sleep: noSleep,
  random: () => 0.5,
  runId: 'test1234',
  waiterMinDelaySec: 0.001,
});

/** tune, then auto-optimize as the flow does once the run passed (tuning/apply.ts). */
async function tuneAndApply(settings: TuningSettings, tunerDeps: ReturnType<typeof deps>) {
  const result = await tune(settings, tunerDeps);
  result.applied = await applyRecommendation(result, settings, tunerDeps);
  return result;
}

function expectLeftAsFound(fake: ReturnType<typeof createFakeLambda>, memoryMb = 1024) {
  expect(fake.latest.MemorySize).toBe(memoryMb);
  expect(fake.latest.Description).toBe('original');
  expect(fake.aliases.size).toBe(0);
  expect(fake.versions.size).toBe(0);
}

describe('tune', () => {
  it('measures every power value, recommends, and leaves the function as found', async () => {
    // duration 100 s / memory: 128 MB → 781 ms, 512 → 195 ms, 1024 → 98 ms. GB-s are equal, so the request
    // price decides nothing and billing rounds up: the cheapest is the one with the least rounding.
    const fake = createFakeLambda();
    const result = await tune(settingsFor(), deps(fake.client));
    expect(result.powerValues.map((entry) => [entry.memoryMb, entry.status, entry.invocations])).toEqual([
      [128, 'ok', 5],
      [512, 'ok', 5],
      [1024, 'ok', 5],
    ]);
    expect(result.powerValues[0]?.duration?.trimmedMean).toBeCloseTo(781.25, 2);
    expect(result.recommendation).not.toBeNull();
    expect(result.current).toEqual(expect.objectContaining({ memoryMb: 1024 }));
    expect(result.visualizationUrl).toMatch(/^https:\/\/lambda-power-tuning\.show\/#/);
    expect(result.tuningCostUsd).toBeGreaterThan(0);
    // What the run spent: every invocation, priced by its Billed Duration at its memory (results/spend.ts).
    const gbSeconds = result.powerValues.reduce(
      (sum, entry) =>
        sum + entry.samples.reduce((inner, s) => inner + (s.billedDurationMs / 1000) * (entry.memoryMb / 1024), 0),
      0,
    );
    expect(result.spend).toEqual(
      expect.objectContaining({ invocations: 15, billedInvocations: 15, costUsd: result.tuningCostUsd }),
    );
    expect(result.spend?.gbSeconds).toBeCloseTo(gbSeconds, 9);
    expect(result.spend?.wallTimeSeconds).toBe((Date.parse(result.finishedAt) - Date.parse(result.startedAt)) / 1000);
    expectLeftAsFound(fake);
    // Every invocation went to an alias of this run.
    const qualifiers = fake.mock.commandCalls(InvokeCommand).map((call) => call.args[0].input.Qualifier);
    expect(new Set(qualifiers)).toEqual(new Set(['lpg-test1234-128', 'lpg-test1234-512', 'lpg-test1234-1024']));
  });

  it('publishes each version guarded by the RevisionId it verified', async () => {
    const fake = createFakeLambda();
    await tune(settingsFor({ powerValuesMb: [256] }), deps(fake.client));
    const publish = fake.mock.commandCalls(PublishVersionCommand)[0]?.args[0].input;
    expect(publish?.RevisionId).toMatch(/^rev-/);
    // The run's marker, with what a later run needs if this one is killed (docs/recovery.md).
    expect(publish?.Description).toMatch(
      /^lambda-power-gate test1234 256 MB \(was 1024 MB, until \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\)$/,
    );
  });

  it('retries throttled invocations with backoff instead of failing the memory size', async () => {
    const fake = createFakeLambda();
    const throttle = fake.throttling();
    let throttled = 0;
    fake.hooks.beforeInvoke = () => {
      if (throttled < 3) {
        throttled++;
        throw throttle;
      }
    };
    const result = await tune(settingsFor({ powerValuesMb: [512] }), deps(fake.client));
    expect(throttled).toBe(3);
    expect(result.powerValues[0]).toEqual(expect.objectContaining({ status: 'ok', invocations: 5, errors: 0 }));
    expectLeftAsFound(fake);
  });

  it('waits out ResourceConflictException while an update is in progress', async () => {
    const fake = createFakeLambda({ updatePolls: 2 });
    let conflicts = 0;
    fake.hooks.beforeUpdate = () => {
      // Someone else's update is in progress the first time we try.
      if (conflicts++ === 0)
        throw new ResourceConflictException({ message: 'An update is in progress for resource', $metadata: {} });
    };
    const result = await tune(settingsFor({ powerValuesMb: [256, 512] }), deps(fake.client));
    expect(conflicts).toBeGreaterThan(1);
    expect(result.powerValues.every((entry) => entry.status === 'ok')).toBe(true);
    expectLeftAsFound(fake);
  });

  it('reports a failing power value and goes on with the others', async () => {
    const fake = createFakeLambda({
      behaviour: (memoryMb) =>
        memoryMb < 512
          ? {
              durationMs: 90,
              functionError: {
                errorType: 'Runtime.OutOfMemory',
                errorMessage: 'Runtime exited with error: signal: killed',
              },
            }
          : { durationMs: 50_000 / memoryMb },
    });
    const result = await tune(settingsFor({ powerValuesMb: [128, 256, 512, 1024] }), deps(fake.client));
    const [m128, m256, m512] = result.powerValues;
    expect(m128).toEqual(
      expect.objectContaining({
        status: 'failed',
        invocations: 1,
        errors: 1,
        errorTypes: { 'Runtime.OutOfMemory': 1 },
      }),
    );
    expect(m128?.failureReason).toContain('Runtime.OutOfMemory');
    expect(m256?.status).toBe('failed');
    expect(m512?.status).toBe('ok');
    expect([512, 1024]).toContain(result.recommendation?.memoryMb);
    expectLeftAsFound(fake);
  });

  it('counts allowed exceptions as samples instead of failures', async () => {
    const fake = createFakeLambda({
      behaviour: (_memory, index) =>
        index % 2 === 0
          ? { durationMs: 10, functionError: { errorType: 'ValidationError', errorMessage: 'secret payload' } }
          : { durationMs: 10 },
    });
    const result = await tune(
      settingsFor({ powerValuesMb: [256], allowedExceptions: ['ValidationError'] }),
      deps(fake.client),
    );
    expect(result.powerValues[0]).toEqual(
      expect.objectContaining({ status: 'ok', errors: 0, errorTypes: { ValidationError: 3 } }),
    );
    // A handler's own error message is function output: not kept without log-payloads.
    expect(result.powerValues[0]?.samples.find((sample) => sample.errorType)?.errorMessage).toBeUndefined();
  });

  it('fails loudly, with the results, when every power value fails', async () => {
    const fake = createFakeLambda({
      behaviour: () => ({
        durationMs: 3000,
        functionError: { errorType: 'Sandbox.Timedout', errorMessage: 'Task timed out after 3.00 seconds' },
      }),
    });
    const error = await tune(settingsFor({ powerValuesMb: [128, 256] }), deps(fake.client)).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(TuningFailedError);
    expect((error as TuningFailedError).message).toMatch(
      /Every memory size failed: 128 MB failed with Sandbox\.Timedout: Task timed out after 3\.00 seconds/,
    );
    expect((error as TuningFailedError).result?.powerValues).toHaveLength(2);
    expectLeftAsFound(fake);
  });

  it('on SIGTERM mid-run restores the memory and deletes every alias and version it created', async () => {
    const fake = createFakeLambda();
    const controller = new AbortController();
    let invocations = 0;
    fake.hooks.beforeInvoke = () => {
      invocations++;
      if (invocations === 3) controller.abort(new Error('SIGTERM received'));
    };
    const error = await tune(
      settingsFor({ powerValuesMb: [128, 256, 512, 1024], invocationsPerValue: 20 }),
      deps(fake.client),
      controller.signal,
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TuningCancelledError);
    expect((error as Error).message).toContain('SIGTERM received');
    expect(invocations).toBeLessThan(80);
    expectLeftAsFound(fake);
  });

  it('skips a memory size that cannot be prepared', async () => {
    const fake = createFakeLambda();
    fake.hooks.beforeUpdate = (memoryMb) => {
      if (memoryMb !== 10240) return;
      const error = new Error("'MemorySize' value failed to satisfy constraint");
      error.name = 'InvalidParameterValueException';
      throw error;
    };
    const result = await tune(settingsFor({ powerValuesMb: [10240, 512] }), deps(fake.client));
    expect(result.powerValues.find((entry) => entry.memoryMb === 10240)?.failureReason).toMatch(
      /could not be prepared: Lambda refused 10240 MB: new accounts have reduced memory quotas/,
    );
    expect(result.powerValues.find((entry) => entry.memoryMb === 512)?.status).toBe('ok');
    expectLeftAsFound(fake);
  });

  it('skips a memory size whose version Lambda could not make Active, and deletes that version', async () => {
    const fake = createFakeLambda({
      publishedState: (memoryMb) =>
        memoryMb === 256
          ? { State: 'Failed', StateReason: 'Init failed while taking the snapshot' }
          : { State: 'Active' },
    });
    const result = await tune(settingsFor({ powerValuesMb: [256, 512] }), deps(fake.client));
    expect(result.powerValues.find((entry) => entry.memoryMb === 256)?.failureReason).toMatch(
      /could not be prepared: VersionNotActiveError: 256 MB: version 1 failed: Init failed while taking the snapshot/,
    );
    expect(result.powerValues.find((entry) => entry.memoryMb === 512)?.status).toBe('ok');
    // No invocation ever went to it, and it is gone.
    expect(fake.invokedQualifiers.every((qualifier) => qualifier === 'lpg-test1234-512')).toBe(true);
    expectLeftAsFound(fake);
  });

  it('in cold-start mode measures each invocation on its own version', async () => {
    const fake = createFakeLambda({ behaviour: () => ({ durationMs: 20, initDurationMs: 150 }) });
    const result = await tune(
      settingsFor({ powerValuesMb: [256], invocationsPerValue: 3, onlyColdStarts: true, discardTopBottom: 0 }),
      deps(fake.client),
    );
    const qualifiers = fake.mock.commandCalls(InvokeCommand).map((call) => call.args[0].input.Qualifier);
    expect(qualifiers).toEqual(['lpg-test1234-256-c0', 'lpg-test1234-256-c1', 'lpg-test1234-256-c2']);
    expect(result.powerValues[0]?.coldStart?.mean).toBe(150);
    expect(result.powerValues[0]?.duration?.mean).toBe(170);
    expectLeftAsFound(fake);
  });

  it('sends weighted payloads in contiguous blocks', async () => {
    const fake = createFakeLambda();
    await tune(
      settingsFor({
        powerValuesMb: [512],
        invocationsPerValue: 4,
        payloads: [
          { payload: '"a"', weight: 1 },
          { payload: '"b"', weight: 3 },
        ],
      }),
      deps(fake.client),
    );
    const sent = fake.mock
      .commandCalls(InvokeCommand)
      .map((call) => new TextDecoder().decode(call.args[0].input.Payload as Uint8Array));
    expect(sent).toEqual(['"a"', '"b"', '"b"', '"b"']);
  });

  it('dry run reads the function and changes nothing', async () => {
    const fake = createFakeLambda();
    const result = await tune(settingsFor({ dryRun: true }), deps(fake.client));
    expect(result.dryRun).toBe(true);
    expect(fake.calls).toEqual(['GetFunctionConfiguration']);
  });

  it('auto-optimize applies the recommendation to $LATEST', async () => {
    const fake = createFakeLambda({ behaviour: (memoryMb) => ({ durationMs: memoryMb >= 512 ? 40 : 200 }) });
    const result = await tuneAndApply(
      settingsFor({ powerValuesMb: [128, 512], autoOptimize: true, strategy: 'speed' }),
      deps(fake.client),
    );
    expect(result.applied).toEqual({ target: '$LATEST', memoryMb: 512 });
    expect(fake.latest.MemorySize).toBe(512);
    expect(fake.aliases.size).toBe(0);
  });

  it('auto-optimize to an alias keeps one version and leaves $LATEST alone', async () => {
    const fake = createFakeLambda({ behaviour: (memoryMb) => ({ durationMs: memoryMb >= 512 ? 40 : 200 }) });
    const result = await tuneAndApply(
      settingsFor({ powerValuesMb: [128, 512], autoOptimize: true, autoOptimizeAlias: 'live', strategy: 'speed' }),
      deps(fake.client),
    );
    expect(result.applied).toEqual(expect.objectContaining({ target: 'alias', alias: 'live', memoryMb: 512 }));
    expect(fake.latest.MemorySize).toBe(1024);
    expect([...fake.aliases.keys()]).toEqual(['live']);
    expect(fake.versions.get(fake.aliases.get('live') ?? '')?.MemorySize).toBe(512);
  });
});

describe('extra sampling (the live gate asks for more)', () => {
  it('runs the rounds asked for as fresh versions (environment blocks), continues the weighted payload order, records the summary, and still cleans up', async () => {
    const fake = createFakeLambda();
    const asked: number[] = [];
    const extra: ExtraSampling = {
      maxInvocations: 16,
      blockInvocations: 4,
      next: ([result]) => {
        const at1024 = result?.powerValues.find((entry) => entry.memoryMb === 1024)?.invocations ?? 0;
        asked.push(at1024);
        return at1024 < 16
          ? {
              pairings: [{ memoryBySubject: [1024], environments: at1024 === 4 ? 1 : 2 }],
              settled: false,
              reason: 'open',
            }
          : { pairings: [], settled: false, reason: 'gate-max-invocations (16) reached' };
      },
    };
    const payloads = [
      { payload: '{"a":1}', weight: 3 },
      { payload: '{"b":1}', weight: 1 },
    ];
    const [result] = await tuneTogether(
      [{ settings: settingsFor({ powerValuesMb: [512, 1024], invocationsPerValue: 4, payloads }) }],
      deps(fake.client),
      undefined,
      extra,
    );
    expect(asked).toEqual([4, 8, 16]);
    const at1024 = result?.powerValues.find((entry) => entry.memoryMb === 1024);
    expect(at1024?.invocations).toBe(16);
    expect(result?.powerValues.find((entry) => entry.memoryMb === 512)?.invocations).toBe(4);
    // Each block is its own version, invoked through its own alias, and its samples say which block they came from.
    expect(at1024?.samples.map((sample) => sample.environment ?? 0).sort((a, b) => a - b)).toEqual([
      0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3,
    ]);
    const blockAliases = fake.invokedQualifiers.filter((qualifier) => /-e\d$/.test(qualifier ?? ''));
    expect(new Set(blockAliases)).toEqual(
      new Set(['lpg-test1234-1024-e1', 'lpg-test1234-1024-e2', 'lpg-test1234-1024-e3']),
    );
    // 3:1 weights over 4 invocations, interleaved, then cycled: every block of 4 keeps the 3:1 split.
    for (let block = 0; block < 4; block++) {
      const indexes =
        at1024?.samples.filter((sample) => (sample.environment ?? 0) === block).map((sample) => sample.payloadIndex) ??
        [];
      expect(indexes.filter((index) => index === 1)).toHaveLength(1);
    }
    expect(result?.gateSampling).toEqual({
      rounds: 2,
      added: [{ memoryMb: 1024, invocations: 12, environments: 3 }],
      maxInvocations: 16,
      settled: false,
      reason: 'gate-max-invocations (16) reached',
    });
    expectLeftAsFound(fake);
  });

  it('an extra environment that cannot be prepared is skipped, the others are measured, and nothing is left behind', async () => {
    const fake = createFakeLambda();
    fake.hooks.beforeCreateAlias = (name) => {
      if (name.endsWith('-e1'))
        throw Object.assign(new Error('not authorized to perform: lambda:CreateAlias'), {
          name: 'AccessDeniedException',
        });
    };
    let calls = 0;
    const extra: ExtraSampling = {
      maxInvocations: 100,
      blockInvocations: 3,
      next: () =>
        calls++ === 0
          ? { pairings: [{ memoryBySubject: [1024], environments: 2 }], settled: false, reason: 'open' }
          : { pairings: [], settled: true, reason: 'done' },
    };
    const [result] = await tuneTogether(
      [{ settings: settingsFor({ powerValuesMb: [1024], invocationsPerValue: 3 }) }],
      deps(fake.client),
      undefined,
      extra,
    );
    expect(result?.powerValues[0]?.samples.map((sample) => sample.environment ?? 0)).toEqual([0, 0, 0, 2, 2, 2]);
    expect(result?.gateSampling?.added).toEqual([{ memoryMb: 1024, invocations: 3, environments: 1 }]);
    expectLeftAsFound(fake);
  });

  it('stops asking for rounds when three quarters of timeout-minutes have passed', async () => {
    const fake = createFakeLambda();
    const start = Date.parse('2026-11-28T10:00:00Z');
    let calls = 0;
    // The first reading is the run's start; every later one is 25 minutes in (past 22.5 of 30).
    const clock = { now: () => new Date(calls++ === 0 ? start : start + 25 * 60_000) };
    const extra: ExtraSampling = {
      maxInvocations: 100,
      blockInvocations: 5,
      next: () => ({ pairings: [{ memoryBySubject: [1024], environments: 1 }], settled: false, reason: 'open' }),
    };
    const [result] = await tuneTogether(
      [{ settings: settingsFor({ powerValuesMb: [1024], invocationsPerValue: 3, timeoutMinutes: 30 }) }],
      { ...deps(fake.client), clock },
      undefined,
      extra,
    );
    expect(result?.powerValues[0]?.invocations).toBe(3);
    expect(result?.gateSampling).toEqual(
      expect.objectContaining({
        rounds: 0,
        settled: false,
        reason: 'no time was left for more within three quarters of timeout-minutes',
      }),
    );
    expectLeftAsFound(fake);
  });

  it('a round that adds nothing (the memory size failed) ends it instead of looping', async () => {
    const fake = createFakeLambda({
      behaviour: (memoryMb) =>
        memoryMb === 512
          ? { durationMs: 10, functionError: { errorType: 'Boom', errorMessage: 'x' } }
          : { durationMs: 10 },
    });
    let calls = 0;
    const extra: ExtraSampling = {
      maxInvocations: 100,
      blockInvocations: 2,
      next: () =>
        calls++ < 50
          ? { pairings: [{ memoryBySubject: [512], environments: 1 }], settled: false, reason: 'open' }
          : { pairings: [], settled: true, reason: 'done' },
    };
    const [result] = await tuneTogether(
      [{ settings: settingsFor({ powerValuesMb: [512, 1024], invocationsPerValue: 3 }) }],
      deps(fake.client),
      undefined,
      extra,
    );
    expect(calls).toBe(1);
    expect(result?.gateSampling).toEqual(
      expect.objectContaining({
        rounds: 1,
        added: [],
        settled: false,
        reason: 'the memory sizes still open could not be invoked again',
      }),
    );
    expectLeftAsFound(fake);
  });
});

describe('fitInTime', () => {
  const entry = (memoryMb: number, billedMs: number) =>
    summarisePowerValue(
      memoryMb,
      [{ durationMs: billedMs, billedDurationMs: billedMs, payloadIndex: 0, coldStart: false }],
      { allowedExceptions: [], discardTopBottom: 0, onlyColdStarts: false },
      ROUND_PRICES,
    );
  // Two functions; a turn at 1024 MB costs 75 + 25 + 175 + 25 = 300 ms, a block of 10 turns 3 s plus 2 s to prepare.
  const measured = [[entry(1024, 75)], [entry(1024, 175)]];
  const round = { pairings: [{ memoryBySubject: [1024, 1024], environments: 4 }], settled: false, reason: 'open' };

  it('keeps a round that fits', () => {
    expect(fitInTime(round, measured, 10, 20_000)).toBe(round);
  });

  it('scales a round down to the time left, and says so', () => {
    expect(fitInTime(round, measured, 10, 10_000)).toEqual({
      pairings: [{ memoryBySubject: [1024, 1024], environments: 2 }],
      settled: false,
      reason: 'open (fewer, to stay within three quarters of timeout-minutes)',
    });
  });

  it('gives the time left to the pairings in order (the gate puts the weakest first), not a share to each', () => {
    const two = {
      pairings: [
        { memoryBySubject: [1024, 1024], environments: 2 },
        { memoryBySubject: [1024, 1024], environments: 2 },
      ],
      settled: false,
      reason: 'open',
    };
    // Time for three blocks of 5 s: the first gets both it asked for, the second one.
    expect(fitInTime(two, measured, 10, 15_000).pairings.map((pairing) => pairing.environments)).toEqual([2, 1]);
  });

  it('a function not yet measured at a memory size counts as slow as the slowest that was', () => {
    const firstAtRecommendation = { ...round, pairings: [{ memoryBySubject: [1024, 512], environments: 4 }] };
    // 175 ms assumed for the baseline at 512 MB: 3 + 2 s a block, as above.
    expect(fitInTime(firstAtRecommendation, measured, 10, 10_000).pairings).toEqual([
      { memoryBySubject: [1024, 512], environments: 2 },
    ]);
  });

  it('drops pairings with no time for a single block', () => {
    expect(fitInTime(round, measured, 10, 4_000).pairings).toEqual([]);
    expect(fitInTime(round, measured, 10, -5).pairings).toEqual([]);
  });
});

describe('tune keeps what it measured when only the last step fails', () => {
  const accessDenied = () => {
    const error = new Error('not authorized to perform: lambda:CreateAlias');
    error.name = 'AccessDeniedException';
    return error;
  };

  it('auto-optimize to an alias that cannot be created: fails with the results, and leaves no version behind', async () => {
    const fake = createFakeLambda({ behaviour: (memoryMb) => ({ durationMs: memoryMb >= 512 ? 40 : 200 }) });
    fake.hooks.beforeCreateAlias = (name) => {
      if (name === 'live') throw accessDenied();
    };
    const error = await tuneAndApply(
      settingsFor({ powerValuesMb: [128, 512], autoOptimize: true, autoOptimizeAlias: 'live', strategy: 'speed' }),
      deps(fake.client),
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TuningFailedError);
    expect((error as TuningFailedError).message).toMatch(
      /^Auto-optimize could not apply 512 MB: AccessDeniedException/,
    );
    expect((error as TuningFailedError).result?.recommendation?.memoryMb).toBe(512);
    expectLeftAsFound(fake);
  });

  it('a clean-up that cannot delete a version: fails loudly with the results', async () => {
    const fake = createFakeLambda();
    fake.hooks.beforeDeleteVersion = () => {
      const error = new Error('not authorized to perform: lambda:DeleteFunction');
      error.name = 'AccessDeniedException';
      throw error;
    };
    const error = await tune(settingsFor({ powerValuesMb: [256] }), deps(fake.client)).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(TuningFailedError);
    expect((error as TuningFailedError).message).toMatch(
      /Clean-up incomplete for fake-fn: version 1: AccessDeniedException/,
    );
    expect((error as TuningFailedError).result?.powerValues[0]?.status).toBe('ok');
    expect(fake.latest.MemorySize).toBe(1024);
    // Only the run's state alias is left, and named: the post step or the next run finishes from it.
    expect([...fake.aliases.keys()]).toEqual([expect.stringMatching(/^lpg-test1234-until-\d{8}T\d{6}Z$/)]);
    expect((error as TuningFailedError).message).toContain(`kept alias ${[...fake.aliases.keys()][0]}`);
  });
});

describe('summarisePowerValue', () => {
  const prices = {
    region: 'us-east-1',
    architecture: 'x86_64' as const,
    pricePerGbSecondUsd: 0.0000166667,
    pricePerRequestUsd: 0.0000002,
    source: 's',
    asOf: 'd',
    fallback: false,
  };
  const sample = (durationMs: number, coldStart = false) => ({
    durationMs,
    billedDurationMs: Math.ceil(durationMs),
    payloadIndex: 0,
    coldStart,
    ...(coldStart ? { initDurationMs: 200 } : {}),
  });
  const settings = { allowedExceptions: [], discardTopBottom: 0, onlyColdStarts: false };

  it('leaves the cold start that tuning itself causes out of the warm figures', () => {
    const result = summarisePowerValue(1024, [sample(300, true), sample(10), sample(20)], settings, prices);
    expect(result.duration?.mean).toBe(15);
    expect(result.coldStart).toEqual(expect.objectContaining({ count: 1, mean: 200 }));
    // 15 ms billed at 1 GB: 0.015 s × 1 GB × price + the request price.
    expect(result.costPerInvocationUsd).toBeCloseTo(0.015 * 0.0000166667 + 0.0000002, 15);
  });

  it('keeps cold samples when measuring cold starts, or when nothing else succeeded', () => {
    expect(
      summarisePowerValue(1024, [sample(300, true), sample(100, true)], { ...settings, onlyColdStarts: true }, prices)
        .duration?.mean,
    ).toBe(200);
    expect(summarisePowerValue(1024, [sample(300, true)], settings, prices).duration?.mean).toBe(300);
  });
});

describe('sampleFromOutcome', () => {
  it('adds Restore Duration to the duration of a SnapStart cold start, and keeps Billed Duration as Lambda bills it', () => {
    // A real SnapStart REPORT: Billed Duration already includes Billed Restore Duration (306.34 + 303 → 610).
    const logTail =
      'RESTORE_REPORT Restore Duration: 474.16 ms\nSTART RequestId: r Version: 3\nEND RequestId: r\n' +
      'REPORT RequestId: r\tDuration: 306.34 ms\tBilled Duration: 610 ms\tMemory Size: 1024 MB\tMax Memory Used: 150 MB\tRestore Duration: 474.16 ms\tBilled Restore Duration: 303 ms\t\n';
    const sample = sampleFromOutcome({ logTail, payload: '"ok"' }, 0, false);
    expect(sample).toEqual({
      durationMs: 780.5,
      billedDurationMs: 610,
      restoreDurationMs: 474.16,
      billedRestoreDurationMs: 303,
      maxMemoryUsedMb: 150,
      payloadIndex: 0,
      coldStart: true,
    });
  });

  it('adds Init Duration to the duration of a cold start', () => {
    const sample = sampleFromOutcome({ logTail: reportLine(10.5, 256, 120.25), payload: '"ok"' }, 0, false);
    expect(sample).toEqual({
      durationMs: 130.75,
      billedDurationMs: 131,
      initDurationMs: 120.25,
      maxMemoryUsedMb: 60,
      payloadIndex: 0,
      coldStart: true,
    });
  });

  it('reports a missing REPORT record as an error of its own', () => {
    const sample = sampleFromOutcome({ logTail: 'nothing here', payload: '"ok"' }, 1, false);
    expect(sample.errorType).toBe('LambdaPowerGate.NoReport');
  });

  it('keeps platform error messages and drops handler ones unless payload logging is on', () => {
    const timeout = sampleFromOutcome(
      {
        logTail: reportLine(3000, 128),
        functionError: 'Unhandled',
        payload: JSON.stringify({ errorType: 'Sandbox.Timedout', errorMessage: 'Task timed out after 3.00 seconds' }),
      },
      0,
      false,
    );
    expect(timeout.errorMessage).toBe('Task timed out after 3.00 seconds');
    const handler = {
      logTail: reportLine(5, 128),
      functionError: 'Unhandled',
      payload: JSON.stringify({ errorType: 'Error', errorMessage: 'user 42 not found' }),
    };
    expect(sampleFromOutcome(handler, 0, false).errorMessage).toBeUndefined();
    expect(sampleFromOutcome(handler, 0, true).errorMessage).toBe('user 42 not found');
  });
});
