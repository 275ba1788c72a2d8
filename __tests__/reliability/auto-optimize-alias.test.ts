// auto-optimize-alias and an alias with weighted routing (issue 12): an alias whose RoutingConfig splits traffic is
// a deployment in progress (a canary), so the run refuses it before measuring anything, and leaves the alias, its
// weights, $LATEST and the versions as they were. An alias without weights is still moved to the new version.

import {
  CreateAliasCommand,
  GetAliasCommand,
  ListVersionsByFunctionCommand,
  PublishVersionCommand,
  UpdateFunctionConfigurationCommand,
  waitUntilFunctionUpdatedV2,
} from '@aws-sdk/client-lambda';
import { applyRecommendation } from '../../src/tuning/apply.js';
import { tune } from '../../src/tuning/tuner.js';
import {
  createOriginal,
  fastSleep,
  recordingLogger,
  settingsFor,
  settledStateOf,
  startHarness,
  type Harness,
} from './harness.js';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness.close();
});

/** Publishes versions 1 and 2 (two descriptions), then puts the description back as deployed. */
async function withTwoVersions(name: string): Promise<void> {
  await createOriginal(harness, name);
  const client = harness.checkClient;
  const settle = () =>
    waitUntilFunctionUpdatedV2({ client, maxWaitTime: 30, minDelay: 0.1 } as never, { FunctionName: name });
  for (const description of ['release 1', 'release 2', 'as deployed']) {
    await client.send(new UpdateFunctionConfigurationCommand({ FunctionName: name, Description: description }));
    await settle();
    if (description === 'as deployed') continue;
    await client.send(new PublishVersionCommand({ FunctionName: name }));
    // Today's emulator holds $LATEST busy after a publish too (issue 12 removes that); waiting works either way.
    await settle();
  }
}

const optimizeSettings = (name: string) =>
  settingsFor(harness, name, {
    powerValuesMb: [128, 256],
    autoOptimize: true,
    autoOptimizeAlias: 'live',
    strategy: 'speed',
  });
const deps = () => ({
  client: harness.engineClient,
  logger: recordingLogger(),
  sleep: fastSleep,
  waiterMinDelaySec: 0.05,
});

describe('auto-optimize-alias', () => {
  it('refuses an alias with weighted routing before measuring, and changes nothing', async () => {
    await withTwoVersions('canary-fn');
    await harness.checkClient.send(
      new CreateAliasCommand({
        FunctionName: 'canary-fn',
        Name: 'live',
        FunctionVersion: '1',
        RoutingConfig: { AdditionalVersionWeights: { '2': 0.1 } },
      }),
    );
    const before = await harness.checkClient.send(new GetAliasCommand({ FunctionName: 'canary-fn', Name: 'live' }));

    await expect(tune(optimizeSettings('canary-fn'), deps())).rejects.toThrow(
      "alias live splits traffic (version 1 primary, version 2 at 10%): auto-optimize never moves an alias with weighted routing, so a deployment's canary weights are kept; finish or roll back that deployment, or leave auto-optimize-alias unset",
    );

    const after = await harness.checkClient.send(new GetAliasCommand({ FunctionName: 'canary-fn', Name: 'live' }));
    expect({ version: after.FunctionVersion, routing: after.RoutingConfig, revision: after.RevisionId }).toEqual({
      version: '1',
      routing: { AdditionalVersionWeights: { '2': 0.1 } },
      revision: before.RevisionId,
    });
    const requests = harness.requestsFor('canary-fn');
    expect(requests['Invoke']).toBeUndefined();
    expect(requests['UpdateFunctionConfiguration']).toBe(3); // the test's own three
    expect(requests['PublishVersion']).toBe(2);
    const state = await settledStateOf(harness.checkClient, 'canary-fn');
    expect(state).toMatchObject({
      memoryMb: 512,
      description: 'as deployed',
      aliases: ['live'],
      versions: ['$LATEST', '1', '2'],
    });
  });

  it('moves an alias without weights to a new version with the recommended memory', async () => {
    await withTwoVersions('plain-fn');
    await harness.checkClient.send(
      new CreateAliasCommand({ FunctionName: 'plain-fn', Name: 'live', FunctionVersion: '1' }),
    );
    const result = await tune(optimizeSettings('plain-fn'), deps());
    // The flow applies it once the run passed (tuning/apply.ts).
    result.applied = await applyRecommendation(result, optimizeSettings('plain-fn'), deps());
    // Versions 3 and 4 were the run's own (deleted); the applied one comes after them.
    expect(result.applied).toMatchObject({ target: 'alias', alias: 'live', version: '5' });
    const alias = await harness.checkClient.send(new GetAliasCommand({ FunctionName: 'plain-fn', Name: 'live' }));
    expect(alias.FunctionVersion).toBe('5');
    expect(alias.RoutingConfig?.AdditionalVersionWeights ?? {}).toEqual({});
    const versions = await harness.checkClient.send(new ListVersionsByFunctionCommand({ FunctionName: 'plain-fn' }));
    expect((versions.Versions ?? []).map((version) => version.Version)).toEqual(['$LATEST', '1', '2', '5']);
  });
});
