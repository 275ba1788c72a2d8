// Clean-up that always finishes, within Lambda's control-plane quota. Against the emulator over HTTP with the real
// SDK: the emulator holds every client to Lambda's 15 control-plane requests per second (emulator/lambda/quota.ts), and
// its fault injection loses answers, throttles and slows the control plane.
//
// - the 16th control-plane request in one second is refused as Lambda refuses it, and the engine's one limiter per
//   run keeps a normal run (both sides of a live gate) at zero throttled requests;
// - a version whose PublishVersion answer was lost is found by this run's description and deleted, and a run that
//   lost every answer is not green;
// - retries stop at the signal: nothing is prepared after it;
// - GitHub's cancel sequence (SIGINT, 7.5 s, SIGTERM, 2.5 s, SIGKILL) on a throttled, slow control plane leaves the
//   function as found, or names every leftover in one warning.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetFunctionConfigurationCommand, LambdaClient, TooManyRequestsException } from '@aws-sdk/client-lambda';
import { startEmulator } from '../../emulator/lambda/server.js';
import { realSleep } from '../../src/lib/ports.js';
import { messageOf } from '../../src/lib/errors.js';
import { TuningCancelledError, TuningFailedError } from '../../src/tuning/run-state.js';
import { tune, tuneTogether } from '../../src/tuning/tuner.js';
import {
  FIXTURE_FUNCTIONS,
  LEFT_AS_FOUND,
  createOriginal,
  fastSleep,
  recordingLogger,
  settingsFor,
  settledStateOf,
  spawnAction,
  startHarness,
  until,
  type Harness,
} from './harness.js';

let harness: Harness;
let workspace: string;

beforeAll(async () => {
  // Lambda's real quota (the emulator's default) and its real InProgress window would make this suite slow; the
  // window is short here, the quota is not.
  harness = await startHarness();
  workspace = mkdtempSync(join(tmpdir(), 'lpg-cleanup-'));
});

afterAll(async () => {
  await harness.close();
});

describe("the emulator's control-plane quota", () => {
  it('refuses the 16th control-plane request in a second with TooManyRequestsException, as Lambda does; GetFunction and Invoke apart', async () => {
    let nowMs = Date.parse('2026-01-01T00:00:00Z');
    const emulator = await startEmulator({ controlPlaneQuota: { now: () => nowMs }, updateDelayMs: 0 });
    const client = new LambdaClient({
      region: emulator.region,
      endpoint: emulator.endpoint,
      credentials: { accessKeyId: 'q', secretAccessKey: 'q' },
      maxAttempts: 1,
    });
    try {
      await emulator.createFunction({ name: 'quota', sample: 'noop' });
      const read = () => client.send(new GetFunctionConfigurationCommand({ FunctionName: 'quota' }));
      const outcomes = [];
      for (let i = 0; i < 16; i++)
        outcomes.push(
          await read().then(
            () => 'ok',
            (error: unknown) => error,
          ),
        );
      expect(outcomes.slice(0, 15)).toEqual(Array.from({ length: 15 }, () => 'ok'));
      const refused = outcomes[15];
      expect(refused).toBeInstanceOf(TooManyRequestsException);
      const error = refused as TooManyRequestsException;
      expect(error.$metadata.httpStatusCode).toBe(429);
      expect(error.Reason).toBe('CallerRateLimitExceeded');
      expect(error.Type).toBe('User');
      expect(error.message).toBe('Rate exceeded');
      expect(error.retryAfterSeconds).toBe('1');
      // GetFunction has its own 100 per second; invocations are not counted at all.
      const { GetFunctionCommand, InvokeCommand } = await import('@aws-sdk/client-lambda');
      await expect(client.send(new GetFunctionCommand({ FunctionName: 'quota' }))).resolves.toBeDefined();
      await expect(client.send(new InvokeCommand({ FunctionName: 'quota' }))).resolves.toBeDefined();
      // A second later the bucket is full again.
      nowMs += 1000;
      for (let i = 0; i < 15; i++) await expect(read()).resolves.toBeDefined();
      expect(emulator.stats().throttledByQuota).toBe(1);
    } finally {
      client.destroy();
      await emulator.close();
    }
  });

  it("keeps a live gate's run (both functions, clean-up included) at zero throttled requests", async () => {
    await createOriginal(harness, 'quota-pr');
    await createOriginal(harness, 'quota-base');
    const before = harness.emulator.stats().throttledByQuota;
    const settings = settingsFor(harness, 'quota-pr', { powerValuesMb: [128, 256, 512, 1024] });
    const results = await tuneTogether(
      [{ settings }, { settings: { ...settings, functionName: 'quota-base' }, label: 'baseline' }],
      {
        client: harness.engineClient,
        logger: recordingLogger(),
        sleep: fastSleep,
        runId: 'quota1',
        waiterMinDelaySec: 0.02,
      },
    );
    expect(results.map((result) => result.powerValues.map((entry) => entry.status))).toEqual([
      ['ok', 'ok', 'ok', 'ok'],
      ['ok', 'ok', 'ok', 'ok'],
    ]);
    // The engine's client has no SDK retries: a throttled request would show here or fail the run.
    expect(harness.emulator.stats().throttledByQuota - before).toBe(0);
    expect(harness.lines.filter((line) => line.includes('[quota]'))).toEqual([]);
    for (const name of ['quota-pr', 'quota-base']) {
      const state = await settledStateOf(harness.checkClient, name);
      expect({ ...state, lastUpdateStatus: undefined }).toEqual({ ...LEFT_AS_FOUND, lastUpdateStatus: undefined });
    }
  });
});

describe('lost PublishVersion answers', () => {
  it('deletes the versions whose answers were lost (found by the run description), and the run is not green', async () => {
    const name = 'lost-publish';
    await createOriginal(harness, name);
    harness.emulator.setFaults(name, { dropResponse: { operations: ['PublishVersion'], probability: 1 } });
    let error: unknown;
    try {
      await tune(settingsFor(harness, name), {
        client: harness.engineClient,
        logger: recordingLogger(),
        sleep: fastSleep,
        runId: 'lost1',
        waiterMinDelaySec: 0.02,
      });
    } catch (caught) {
      error = caught;
    } finally {
      harness.emulator.setFaults(name, {});
    }
    expect(error).toBeInstanceOf(TuningFailedError);
    expect(messageOf(error)).toMatch(/Every memory size failed: 128 MB could not be prepared/);
    expect(harness.faultsFired(name).filter((fault) => fault.kind === 'dropResponse').length).toBeGreaterThanOrEqual(2);
    const state = await settledStateOf(harness.checkClient, name);
    expect({ ...state, lastUpdateStatus: undefined }).toEqual({ ...LEFT_AS_FOUND, lastUpdateStatus: undefined });
  });
});

describe('retries and the abort signal', () => {
  it('prepares nothing after the signal: no PublishVersion or CreateAlias reaches Lambda, no "ready" line', async () => {
    const name = 'abort-retries';
    await createOriginal(harness, name);
    // Every other control-plane call throttled: the run is in a retry backoff most of the time.
    harness.emulator.setFaults(name, {
      throttle: {
        operations: ['UpdateFunctionConfiguration', 'PublishVersion', 'CreateAlias', 'GetFunctionConfiguration'],
        probability: 0.5,
      },
      seed: 7,
    });
    const controller = new AbortController();
    const logger = recordingLogger();
    let linesAtAbort = -1;
    let logAtAbort = -1;
    // Requests are counted as they arrive (the log line comes with the answer, after a request in flight).
    const arrived = () => {
      const { requests } = harness.emulator.stats();
      return { PublishVersion: requests.PublishVersion ?? 0, CreateAlias: requests.CreateAlias ?? 0 };
    };
    let arrivedAtAbort: ReturnType<typeof arrived> | undefined;
    const poll = setInterval(() => {
      if (
        linesAtAbort < 0 &&
        harness.lines.some((line) => line.startsWith(`PublishVersion ${name} `) && line.includes('[fault throttle]'))
      ) {
        linesAtAbort = harness.lines.length;
        logAtAbort = logger.lines.length;
        arrivedAtAbort = arrived();
        controller.abort(new Error('SIGINT received'));
      }
    }, 1);
    let error: unknown;
    try {
      // Real backoff (hundreds of ms): the signal lands inside one.
      await tune(
        settingsFor(harness, name, { powerValuesMb: [128, 256, 512] }),
        { client: harness.engineClient, logger, sleep: realSleep, runId: 'abort1', waiterMinDelaySec: 0.02 },
        controller.signal,
      );
    } catch (caught) {
      error = caught;
    } finally {
      clearInterval(poll);
      harness.emulator.setFaults(name, {});
    }
    expect(linesAtAbort).toBeGreaterThan(0);
    expect(error).toBeInstanceOf(TuningCancelledError);
    // Nothing new was sent: the request in flight at the signal (if any) finishes, no retry or next step starts.
    expect(arrived()).toEqual(arrivedAtAbort);
    expect(logger.lines.slice(logAtAbort).filter((line) => /ready: version/.test(line))).toEqual([]);
    const state = await settledStateOf(harness.checkClient, name);
    expect({ ...state, lastUpdateStatus: undefined }).toEqual({ ...LEFT_AS_FOUND, lastUpdateStatus: undefined });
  });
});

describe("GitHub's cancel sequence on a throttled, slow control plane", () => {
  it('SIGINT, 7.5 s, SIGTERM, 2.5 s, SIGKILL: the function is as found, or one warning names every leftover', async () => {
    const name = 'cancel-throttled';
    await createOriginal(harness, name, { codeDir: join(FIXTURE_FUNCTIONS, 'slow'), environment: { SLEEP_MS: '50' } });
    harness.emulator.setFaults(name, {
      throttle: { probability: 0.5 },
      controlPlaneLatencyMs: { minMs: 800, maxMs: 1500 },
      seed: 3,
    });
    const child = spawnAction({
      workspace: join(workspace, name),
      inputs: {
        'function-name': name,
        endpoint: harness.emulator.endpoint,
        'power-values': '128,256,512,1024,1536,2048',
        invocations: '2',
        'comment-mode': 'off',
      },
    });
    let exitedAtMs: number | undefined;
    void child.exited.then(() => (exitedAtMs = Date.now()));
    // Cancel once two versions exist, while more are being prepared.
    await until(
      () =>
        harness.lines.filter((line) => line.startsWith(`PublishVersion ${name} `) && line.includes('→ 201')).length >=
        2,
      'two versions',
      120_000,
    );
    const signalledAtMs = Date.now();
    child.child.kill('SIGINT');
    await untilOrTimeout(() => exitedAtMs !== undefined, 7_500);
    if (exitedAtMs === undefined) child.child.kill('SIGTERM');
    await untilOrTimeout(() => exitedAtMs !== undefined, 2_500);
    const killed = exitedAtMs === undefined;
    if (killed) child.child.kill('SIGKILL');
    const code = await child.exited;
    harness.emulator.setFaults(name, {});

    // It finished inside the runner's window, and said why it stopped.
    expect(killed).toBe(false);
    expect((exitedAtMs ?? 0) - signalledAtMs).toBeLessThan(10_000);
    expect(code).toBe(1);
    const log = child.lines.join('\n');
    // Retries stopped at the signal: nothing was prepared after it.
    expect(log).not.toMatch(/SIGINT received[\s\S]*MB ready: version/);
    const state = await settledStateOf(harness.checkClient, name);
    // $LATEST first: always back as found.
    expect({ memoryMb: state.memoryMb, description: state.description }).toEqual({
      memoryMb: LEFT_AS_FOUND.memoryMb,
      description: LEFT_AS_FOUND.description,
    });
    const aliases = state.aliases;
    const versions = state.versions.filter((version) => version !== '$LATEST');
    const warnings = child.lines.filter((line) => line.startsWith('::warning::Clean-up stopped'));
    if (aliases.length === 0 && versions.length === 0) {
      expect(warnings).toEqual([]);
    } else {
      // ONE warning, naming every leftover, and who removes them.
      expect(warnings).toHaveLength(1);
      for (const alias of aliases) expect(warnings[0]).toContain(alias);
      for (const version of versions) expect(warnings[0]).toMatch(new RegExp(`versions [0-9, ]*\\b${version}\\b`));
      expect(warnings[0]).toContain('The post step removes them');
    }
  }, 180_000);
});

describe('a clean-up budget too short for everything', () => {
  it('restores first, then names every alias and version it could not delete in ONE warning', async () => {
    const name = 'budget-short';
    await createOriginal(harness, name);
    const controller = new AbortController();
    const poll = setInterval(() => {
      if (
        !controller.signal.aborted &&
        harness.lines.filter((line) => line.startsWith(`CreateAlias ${name} `) && line.includes('→ 201')).length >= 4
      ) {
        // Slow answers from the moment of the signal on: the budget cannot cover every delete.
        harness.emulator.setFaults(name, { controlPlaneLatencyMs: 250 });
        controller.abort(new Error('SIGINT received'));
      }
    }, 1);
    const logger = recordingLogger();
    let error: unknown;
    try {
      await tune(
        settingsFor(harness, name, { powerValuesMb: [128, 256, 512, 1024, 1536, 2048] }),
        // The budget shrunk with the control plane's answers: 700 ms against 250 ms a call, where the action has 7 s
        // against a slow control plane's second or more.
        {
          client: harness.engineClient,
          logger,
          sleep: fastSleep,
          runId: 'budget1',
          waiterMinDelaySec: 0.02,
          cleanupBudgetMs: 700,
        },
        controller.signal,
      );
    } catch (caught) {
      error = caught;
    } finally {
      clearInterval(poll);
    }
    harness.emulator.setFaults(name, {});
    expect(error).toBeInstanceOf(TuningCancelledError);
    const state = await settledStateOf(harness.checkClient, name);
    const warnings = logger.lines.filter((line) => line.startsWith('warning: Clean-up stopped'));
    const versions = state.versions.filter((version) => version !== '$LATEST');
    expect(state.aliases.length + versions.length).toBeGreaterThan(0);
    expect(warnings).toHaveLength(1);
    for (const alias of state.aliases) expect(warnings[0]).toContain(alias);
    for (const version of versions) expect(warnings[0]).toMatch(new RegExp(`versions [0-9, ]*\\b${version}\\b`));
    if (state.memoryMb !== LEFT_AS_FOUND.memoryMb || state.description !== LEFT_AS_FOUND.description)
      expect(warnings[0]).toContain('$LATEST not confirmed back at 512 MB');
    expect(messageOf(error)).toMatch(
      /clean-up of budget-short is incomplete, and the warning above names what is left/,
    );
  });
});

/** Polls until the predicate holds or the time is up (whichever first); never throws. */
async function untilOrTimeout(predicate: () => boolean, timeoutMs: number): Promise<void> {
  const started = Date.now();
  while (!predicate() && Date.now() - started < timeoutMs) await realSleep(20);
}
