// JSON logs with LoggingConfig.SystemLogLevel WARN (the model's enum is DEBUG, INFO, WARN): Lambda sends no platform.report, so no invocation can
// be measured (issue 12). The emulator drops the INFO platform events as Lambda does, and the engine refuses such a
// function at the snapshot, with the fix, before changing anything.

import { InvokeCommand, UpdateFunctionConfigurationCommand, waitUntilFunctionUpdatedV2 } from '@aws-sdk/client-lambda';
import { tune } from '../../src/tuning/tuner.js';
import {
  createOriginal,
  fastSleep,
  recordingLogger,
  settingsFor,
  settledStateOf,
  startHarness,
  LEFT_AS_FOUND,
  type Harness,
} from './harness.js';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness.close();
});

async function withSystemLogLevel(name: string, level: 'INFO' | 'WARN'): Promise<void> {
  await createOriginal(harness, name);
  await harness.checkClient.send(
    new UpdateFunctionConfigurationCommand({
      FunctionName: name,
      LoggingConfig: { LogFormat: 'JSON', SystemLogLevel: level },
    }),
  );
  await waitUntilFunctionUpdatedV2({ client: harness.checkClient, maxWaitTime: 30, minDelay: 0.1 } as never, {
    FunctionName: name,
  });
  // The configuration change itself is the original here: the run must leave it so.
  await harness.checkClient.send(
    new UpdateFunctionConfigurationCommand({ FunctionName: name, Description: 'as deployed' }),
  );
  await waitUntilFunctionUpdatedV2({ client: harness.checkClient, maxWaitTime: 30, minDelay: 0.1 } as never, {
    FunctionName: name,
  });
}

async function tailOf(name: string): Promise<string> {
  const answer = await harness.checkClient.send(
    new InvokeCommand({ FunctionName: name, LogType: 'Tail', Payload: new TextEncoder().encode('{}') }),
  );
  return Buffer.from(answer.LogResult ?? '', 'base64').toString('utf8');
}

describe('SystemLogLevel', () => {
  it('emulator: at INFO the tail has platform.report; at WARN it has none', async () => {
    await withSystemLogLevel('level-info', 'INFO');
    await withSystemLogLevel('level-warn', 'WARN');
    expect(await tailOf('level-info')).toContain('"type":"platform.report"');
    const tail = await tailOf('level-warn');
    expect(tail).not.toContain('platform.report');
    expect(tail).not.toContain('platform.start');
  });

  it('engine: a function at WARN is refused at the snapshot with the fix, and nothing is changed', async () => {
    await withSystemLogLevel('quiet-fn', 'WARN');
    const logger = recordingLogger();
    await expect(
      tune(settingsFor(harness, 'quiet-fn'), {
        client: harness.engineClient,
        logger,
        sleep: fastSleep,
        waiterMinDelaySec: 0.05,
      }),
    ).rejects.toThrow(
      /quiet-fn logs system events at WARN, so Lambda sends no platform\.report .*set LoggingConfig\.SystemLogLevel to INFO or DEBUG/,
    );
    const requests = harness.requestsFor('quiet-fn');
    expect(requests['UpdateFunctionConfiguration']).toBe(2); // the two the test made, none by the run
    expect(requests['Invoke']).toBeUndefined();
    expect(requests['PublishVersion']).toBeUndefined();
    const state = await settledStateOf(harness.checkClient, 'quiet-fn');
    expect(state).toMatchObject({
      memoryMb: LEFT_AS_FOUND.memoryMb,
      description: 'as deployed',
      aliases: [],
      versions: ['$LATEST'],
    });
  });
});
