// Several runs tuning the same function at once (two PRs, a re-run, a matrix that names one function twice):
// every measurement must come from a version with the memory it is filed under, nobody's restore may clobber
// another's, and all must clean up. A run that finds another run's memory size on $LATEST (its marker
// description) waits for it to go before taking its snapshot; a marker left by a killed run fails loudly.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PublishVersionCommand, UpdateAliasCommand, UpdateFunctionConfigurationCommand } from '@aws-sdk/client-lambda';
import { markerRunId, versionDescription } from '../../src/tuning/markers.js';
import { newRunId, TuningCancelledError } from '../../src/tuning/run-state.js';
import { tune } from '../../src/tuning/tuner.js';
import type { RunResult } from '../../src/types.js';
import {
  FIXTURE_FUNCTIONS,
  LEFT_AS_FOUND,
  ORIGINAL,
  aliasMemoryMb,
  createOriginal,
  fastSleep,
  observe,
  recordingLogger,
  settingsFor,
  settledStateOf,
  spawnAction,
  startHarness,
  until,
  type Harness,
} from './harness.js';
import { readFunctionResult } from '../helpers/results-file.js';

let harness: Harness;
let observed: ReturnType<typeof observe>;

beforeAll(async () => {
  // Without Lambda's control-plane quota: four runs at once are four processes with a limiter each, together over
  // the account's 15 per second, and their backoff here is 200 times faster than the quota's clock, so they would
  // give up where real runs wait. This suite is about runs taking turns; cleanup.test.ts holds runs to the quota.
  harness = await startHarness({ controlPlaneQuota: false });
  observed = observe(harness.engineClient);
});

afterAll(async () => {
  await harness.close();
});

const POWER_VALUES: number[][] = [
  [128, 256],
  [256, 1024],
  [192, 320],
  [128, 640],
];

function runTune(functionName: string, runId: string, powerValuesMb: number[], invocationsPerValue = 2) {
  const logger = recordingLogger();
  const promise = tune(settingsFor(harness, functionName, { powerValuesMb, invocationsPerValue }), {
    client: harness.engineClient,
    logger,
    sleep: fastSleep,
    runId,
    waiterMinDelaySec: 0.02,
  });
  return { promise, logger };
}

/** Each measurement's REPORT memory and executed version match the memory of the alias it was filed under. */
function expectMeasurementsFromRightVersions(functionName: string, runIds: string[]) {
  let checked = 0;
  for (const runId of runIds) {
    for (const invoke of observed.invokes.filter((entry) => entry.alias.startsWith(`lpg-${runId}-`))) {
      const memoryMb = aliasMemoryMb(invoke.alias);
      expect({
        alias: invoke.alias,
        reportMemoryMb: invoke.reportMemoryMb,
        versionMemoryMb: observed.publishedMemoryMb.get(`${functionName}:${invoke.executedVersion}`),
      }).toEqual({
        alias: invoke.alias,
        reportMemoryMb: memoryMb,
        versionMemoryMb: memoryMb,
      });
      checked++;
    }
  }
  return checked;
}

function expectEveryPowerValueOk(result: RunResult, powerValuesMb: number[]) {
  expect(result.powerValues.map((entry) => [entry.memoryMb, entry.status, entry.invocations, entry.errors])).toEqual(
    powerValuesMb.map((memoryMb) => [memoryMb, 'ok', 2, 0]),
  );
  // Each run's snapshot is the function's own configuration, never another run's memory size.
  expect(result.function.originalMemoryMb).toBe(ORIGINAL.memoryMb);
  expect(result.current.memoryMb).toBe(ORIGINAL.memoryMb);
}

async function expectLeftAsFound(functionName: string) {
  const state = await settledStateOf(harness.checkClient, functionName);
  expect({ ...state, lastUpdateStatus: undefined }).toEqual({ ...LEFT_AS_FOUND, lastUpdateStatus: undefined });
}

describe('markers: how a run recognises another run on $LATEST', () => {
  it.each([
    [versionDescription('a1b2c3d4', 256), 'a1b2c3d4'],
    [versionDescription('a1b2c3d4', 1024, 3), 'a1b2c3d4'],
    ['lambda-power-gate a1b2c3d4: 512 MB for alias live', 'a1b2c3d4'],
    ['as deployed', undefined],
    ['lambda-power-gate is how we tune this function', undefined],
    ['', undefined],
  ])('%j → %s', (description, runId) => {
    expect(markerRunId(description)).toBe(runId);
  });
});

describe('concurrent runs on one function', () => {
  it.each([2, 4])(
    '%i runs started together all succeed, measure the right versions and leave the function as found',
    async (count) => {
      const name = `together-${count}`;
      await createOriginal(harness, name);
      const runIds = Array.from({ length: count }, (_, index) => `t${count}${index}${newRunId()}`);
      const runs = runIds.map((runId, index) => runTune(name, runId, POWER_VALUES[index] ?? [128, 256]));
      const results = await Promise.all(runs.map((run) => run.promise));
      results.forEach((result, index) => expectEveryPowerValueOk(result, POWER_VALUES[index] ?? []));
      expect(expectMeasurementsFromRightVersions(name, runIds)).toBe(count * 2 * 2);
      await expectLeftAsFound(name);
    },
  );

  it('a run that starts while another holds $LATEST at a tested memory size waits, then snapshots the original', async () => {
    const name = 'staggered';
    await createOriginal(harness, name);
    // Updates that take a while keep the first run on a tested memory size long after the second starts, so the
    // overlap does not depend on how busy the machine is.
    harness.emulator.setFaults(name, { updateDelayMs: 400 });
    const first = runTune(name, 'stgA', [128, 256]);
    // The second run starts the moment the first has put its first memory size on $LATEST.
    await until(
      () => (harness.requestsFor(name).UpdateFunctionConfiguration ?? 0) >= 1,
      'the first run to change $LATEST',
    );
    const second = runTune(name, 'stgB', [1024, 2048]);
    const [a, b] = await Promise.all([first.promise, second.promise]);
    expectEveryPowerValueOk(a, [128, 256]);
    expectEveryPowerValueOk(b, [1024, 2048]);
    expect(second.logger.lines.some((line) => /held by another lambda-power-gate run \(stgA/.test(line))).toBe(true);
    expect(expectMeasurementsFromRightVersions(name, ['stgA', 'stgB'])).toBe(8);
    await expectLeftAsFound(name);
  });

  it('a chain of three runs, each starting while the previous one prepares, ends with the original $LATEST', async () => {
    const name = 'chain';
    await createOriginal(harness, name);
    const runs = [runTune(name, 'chnA', [128, 256])];
    await until(() => (harness.requestsFor(name).UpdateFunctionConfiguration ?? 0) >= 1, 'run A to change $LATEST');
    runs.push(runTune(name, 'chnB', [192, 320]));
    await until(
      () => (harness.requestsFor(name).UpdateFunctionConfiguration ?? 0) >= 2,
      'run A to change $LATEST again',
    );
    runs.push(runTune(name, 'chnC', [128, 640]));
    const results = await Promise.all(runs.map((run) => run.promise));
    expectEveryPowerValueOk(results[0] as RunResult, [128, 256]);
    expectEveryPowerValueOk(results[1] as RunResult, [192, 320]);
    expectEveryPowerValueOk(results[2] as RunResult, [128, 640]);
    expect(expectMeasurementsFromRightVersions(name, ['chnA', 'chnB', 'chnC'])).toBe(12);
    await expectLeftAsFound(name);
  });

  it('a run cancelled while it waits for another run changes nothing', async () => {
    const name = 'wait-cancelled';
    await createOriginal(harness, name);
    // A live run's marker (just set): the new run waits for it, and its timeout or a SIGTERM ends the wait.
    await harness.checkClient.send(
      new UpdateFunctionConfigurationCommand({
        FunctionName: name,
        MemorySize: 256,
        Description: 'lambda-power-gate liveRun 256 MB',
      }),
    );
    const controller = new AbortController();
    const logger = recordingLogger();
    const running = tune(
      settingsFor(harness, name),
      { client: harness.engineClient, logger, sleep: fastSleep, runId: 'waiter', waiterMinDelaySec: 0.02 },
      controller.signal,
    );
    await until(
      () => logger.lines.some((line) => line.includes('held by another lambda-power-gate run (liveRun')),
      'the run to start waiting',
    );
    controller.abort(new Error('SIGTERM received'));
    const error = await running.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TuningCancelledError);
    expect((error as Error).message).toBe('Tuning cancelled (SIGTERM received) before anything was changed');
    expect(harness.requestsFor(name).UpdateFunctionConfiguration).toBe(1);
    const state = await settledStateOf(harness.checkClient, name);
    expect([state.memoryMb, state.description, state.aliases, state.versions]).toEqual([
      256,
      'lambda-power-gate liveRun 256 MB',
      [],
      ['$LATEST'],
    ]);
  });

  it('two action processes tuning one function at once both pass and leave it as found', async () => {
    const name = 'two-actions';
    await createOriginal(harness, name);
    const workspace = mkdtempSync(join(tmpdir(), 'lpg-concurrent-'));
    const start = (label: string, powerValues: string) =>
      spawnAction({
        workspace: join(workspace, label),
        inputs: {
          'function-name': name,
          endpoint: harness.emulator.endpoint,
          'power-values': powerValues,
          invocations: '2',
          'comment-mode': 'off',
        },
      });
    const processes = [start('a', '128,256'), start('b', '256,1024')];
    const codes = await Promise.all(processes.map((child) => child.exited));
    expect(codes).toEqual([0, 0]);
    for (const [index, child] of processes.entries()) {
      const result = readFunctionResult(child.outputs()['results-path'] ?? '');
      expectEveryPowerValueOk(result, index === 0 ? [128, 256] : [256, 1024]);
    }
    await expectLeftAsFound(name);
  });
});

describe('an alias repointed under a running measurement', () => {
  it('turns every invocation of the wrong version into an error, never a sample, and deletes only its own versions', async () => {
    const name = 'repointed';
    await createOriginal(harness, name, { codeDir: join(FIXTURE_FUNCTIONS, 'slow'), environment: { SLEEP_MS: '100' } });
    // Someone else's version 1 (512 MB), published before the run: it must survive the run's clean-up.
    await harness.checkClient.send(new PublishVersionCommand({ FunctionName: name, Description: 'release 1' }));
    const running = runTune(name, 'rpt', [128, 256], 6);
    await until(
      () => harness.lines.some((line) => line.startsWith(`Invoke ${name}?Qualifier=lpg-rpt-128 → 200`)),
      'the first 128 MB measurement',
    );
    // A deploy script repoints "our" alias at version 1.
    await harness.checkClient.send(
      new UpdateAliasCommand({ FunctionName: name, Name: 'lpg-rpt-128', FunctionVersion: '1' }),
    );
    const result = await running.promise;
    const [small, large] = result.powerValues;
    expect(small?.status).toBe('failed');
    expect(small?.failureReason).toMatch(
      /^failed with WrongVersionError: WrongVersionError: alias lpg-rpt-128 ran version 1 at 512 MB, expected version 2 at 128 MB/,
    );
    // What was measured before the switch is all from version 2; nothing from version 1 became a sample.
    expect(small?.samples.filter((sample) => sample.errorType === undefined).length).toBeGreaterThanOrEqual(1);
    expect(large).toMatchObject({ status: 'ok', invocations: 6, errors: 0 });
    const state = await settledStateOf(harness.checkClient, name);
    expect([state.memoryMb, state.description, state.aliases, state.versions]).toEqual([
      ORIGINAL.memoryMb,
      ORIGINAL.description,
      [],
      ['$LATEST', '1'],
    ]);
  });
});

describe('a run killed before it could restore', () => {
  let stale: Harness;

  beforeAll(async () => {
    // An emulator whose clock runs an hour behind: what it marks as modified "now" looks an hour old to the engine.
    stale = await startHarness({ clock: () => Date.now() - 3_600_000 });
  });

  afterAll(async () => {
    await stale.close();
  });

  it('fails at once, naming the dead run and the fix, and changes nothing', async () => {
    await stale.emulator.createFunction({
      name: 'abandoned',
      sample: 'noop',
      memoryMb: 256,
      description: 'lambda-power-gate deadbeef 256 MB',
    });
    const logger = recordingLogger();
    const error = await tune(settingsFor(stale, 'abandoned'), {
      client: stale.engineClient,
      logger,
      sleep: fastSleep,
      runId: 'next',
      waiterMinDelaySec: 0.02,
    }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'AbandonedRunError' });
    expect((error as Error).message).toMatch(
      /^\$LATEST of abandoned has carried "lambda-power-gate deadbeef 256 MB" since \S+: lambda-power-gate run deadbeef set it and never put the function back .*set MemorySize and Description back by hand, delete the aliases named lpg-deadbeef-\* and their versions, then run again$/,
    );
    expect(Object.keys(stale.requestsFor('abandoned'))).toEqual(['GetFunctionConfiguration']);
  });
});
