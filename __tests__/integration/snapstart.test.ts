// SnapStart on the emulator, with the real SDK over HTTP: a published version of a SnapStart function is Pending
// while its snapshot is made, and Lambda does not invoke it until it is Active. The engine waits with the SDK's
// waitUntilPublishedVersionActive after every such PublishVersion, bounded by timeout-minutes and the run's signal,
// and reports the cold starts' Restore Duration. The sample is a Python handler (emulator/functions/snapstart-py),
// because Lambda offers SnapStart for Java, Python and .NET, not Node.js; without python3 these tests are skipped.

import {
  GetFunctionConfigurationCommand,
  LambdaClient,
  ListAliasesCommand,
  ListVersionsByFunctionCommand,
} from '@aws-sdk/client-lambda';
import { findPython, startEmulator, type Emulator } from '../../emulator/lambda/server.js';
import { renderReport } from '../../src/report/markdown.js';
import { silentLogger, type EngineLogger } from '../../src/lib/ports.js';
import { TuningCancelledError, TuningFailedError } from '../../src/tuning/run-state.js';
import { tune } from '../../src/tuning/tuner.js';
import type { TuningSettings } from '../../src/types.js';
import { tuningSettings } from '../helpers/settings.js';

const python = findPython();
const describePython = python ? describe : describe.skip;
if (!python)
  console.warn('SnapStart integration tests skipped: no python3 on PATH (the SnapStart sample is a Python function)');

/** Long enough that an invocation sent at once after PublishVersion meets a Pending version. */
const SNAPSHOT_MS = 1500;

let emulator: Emulator;
let client: LambdaClient;

beforeAll(async () => {
  if (!python) return;
  emulator = await startEmulator({ updateDelayMs: 50, snapStartPendingMs: SNAPSHOT_MS });
  client = new LambdaClient({
    region: emulator.region,
    endpoint: emulator.endpoint,
    credentials: { accessKeyId: 't', secretAccessKey: 't' },
  });
});

afterAll(async () => {
  client?.destroy();
  await emulator?.close();
});

function settingsFor(functionName: string, overrides: Partial<TuningSettings> = {}): TuningSettings {
  return tuningSettings({
    functionName,
    region: emulator.region,
    endpoint: emulator.endpoint,
    powerValuesMb: [256, 1024],
    invocationsPerValue: 3,
    discardTopBottom: 0,
    timeoutMinutes: 5,
    ...overrides,
  });
}

function recordingLogger(): EngineLogger & { lines: string[] } {
  const lines: string[] = [];
  return {
    ...silentLogger,
    lines,
    info: (line) => lines.push(line),
    warning: (line) => lines.push(`warning: ${line}`),
  };
}

const deps = { waiterMinDelaySec: 0.05, versionWaiterMinDelaySec: 0.1 };

async function createSnapStartFunction(name: string) {
  await emulator.createFunction({
    name,
    sample: 'snapstart-py',
    runtime: 'python3.12',
    snapStart: true,
    memoryMb: 512,
    timeoutSec: 30,
    description: 'as deployed',
  });
}

/** Checked through the API, as a user would: $LATEST as found, nothing of ours left. */
async function expectLeftAsFound(functionName: string) {
  const config = await client.send(new GetFunctionConfigurationCommand({ FunctionName: functionName }));
  expect({ memory: config.MemorySize, description: config.Description, snapStart: config.SnapStart?.ApplyOn }).toEqual({
    memory: 512,
    description: 'as deployed',
    snapStart: 'PublishedVersions',
  });
  expect((await client.send(new ListAliasesCommand({ FunctionName: functionName }))).Aliases ?? []).toEqual([]);
  const versions = await client.send(new ListVersionsByFunctionCommand({ FunctionName: functionName }));
  expect((versions.Versions ?? []).map((version) => version.Version)).toEqual(['$LATEST']);
}

describePython('SnapStart versions on the emulator', () => {
  it('waits for each version to become Active, tunes, reports restore figures and leaves nothing behind', async () => {
    await createSnapStartFunction('snap');
    const logger = recordingLogger();
    const result = await tune(settingsFor('snap'), { client, logger, ...deps });

    // Every memory size measured: no invocation met a Pending version (that would be a 409 ResourceConflictException).
    expect(result.powerValues.map((entry) => [entry.memoryMb, entry.status, entry.invocations, entry.errors])).toEqual([
      [256, 'ok', 3, 0],
      [1024, 'ok', 3, 0],
    ]);
    for (const entry of result.powerValues) {
      // One cold start per version, restored from the "snapshot": Restore Duration, no Init Duration.
      const cold = entry.samples.filter((sample) => sample.coldStart);
      expect(cold).toHaveLength(1);
      expect(cold[0]).toMatchObject({
        restoreDurationMs: expect.any(Number),
        billedRestoreDurationMs: expect.any(Number),
      });
      expect(cold[0]?.initDurationMs).toBeUndefined();
      expect(entry.restore?.count).toBe(1);
      expect(entry.coldStart).toBeNull();
    }
    // The wait is logged, with its bound.
    expect(logger.lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^256 MB: version \d+ is Pending \(SnapStart snapshot\), waiting up to \d+ s$/),
        expect.stringMatching(/^1024 MB: version \d+ is Active after [0-9.]+ s$/),
      ]),
    );
    // The report shows the restore figures.
    const report = renderReport({ result });
    expect(report).toContain('Cold × Init / Restore');
    expect(report).toMatch(/\| 1\s×\s[0-9.]+\sms\srestore \|/);
    await expectLeftAsFound('snap');
  }, 60_000);

  it('stops waiting when the run is cancelled, and still deletes the Pending version', async () => {
    await emulator.createFunction({
      name: 'snap-cancel',
      sample: 'snapstart-py',
      runtime: 'python3.12',
      snapStart: true,
      memoryMb: 512,
      timeoutSec: 30,
      description: 'as deployed',
      versionPendingMs: 600_000,
    });
    const controller = new AbortController();
    const logger = recordingLogger();
    logger.info = (line) => {
      logger.lines.push(line);
      if (/is Pending \(SnapStart snapshot\), waiting up to/.test(line))
        setTimeout(() => controller.abort(new Error('cancelled by the test')), 200);
    };
    const startedMs = Date.now();
    const error = await tune(settingsFor('snap-cancel'), { client, logger, ...deps }, controller.signal).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(TuningCancelledError);
    // A 10-minute snapshot, and the run was over within seconds of the cancellation.
    expect(Date.now() - startedMs).toBeLessThan(60_000);
    await expectLeftAsFound('snap-cancel');
  }, 90_000);

  it('does not wait beyond timeout-minutes: the memory size fails and says why', async () => {
    await createSnapStartFunction('snap-late');
    const start = Date.now();
    let calls = 0;
    // The run started almost timeoutMinutes (1) ago: half a second is left when the first version is published.
    const clock = { now: () => new Date(calls++ === 0 ? start - 59_500 : Date.now()) };
    const error = await tune(settingsFor('snap-late', { timeoutMinutes: 1 }), {
      client,
      logger: silentLogger,
      clock,
      ...deps,
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TuningFailedError);
    expect((error as TuningFailedError).message).toMatch(
      /version \d+ is Pending \(SnapStart snapshot\) and no time is left within timeout-minutes/,
    );
    await expectLeftAsFound('snap-late');
  }, 60_000);
});
