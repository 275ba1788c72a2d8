// tuning/leftovers.ts on the emulator through the real SDK: a run's leftovers are found among everything else on the
// function (the user's aliases, another run's, the version auto-optimize-alias keeps) and removed, and a version the
// user's alias still points at stays, reported, never forced.

import {
  CreateAliasCommand,
  PublishVersionCommand,
  UpdateFunctionConfigurationCommand,
  waitUntilFunctionUpdatedV2,
} from '@aws-sdk/client-lambda';
import { ControlPlane } from '../../src/tuning/control-plane.js';
import { listRunLeftovers, removeLeftovers } from '../../src/tuning/leftovers.js';
import { runMarker, stateAliasName } from '../../src/tuning/markers.js';
import { createOriginal, fastSleep, recordingLogger, settledStateOf, startHarness, type Harness } from './harness.js';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness.close();
});

const recovery = { originalMemoryMb: 512, deadlineMs: Date.UTC(2026, 11, 1, 10) };

/** Publishes a version with `description`, and points the aliases at it. */
async function publish(name: string, memoryMb: number, description: string, aliases: string[]): Promise<string> {
  const client = harness.checkClient;
  await client.send(
    new UpdateFunctionConfigurationCommand({ FunctionName: name, MemorySize: memoryMb, Description: description }),
  );
  await waitUntilFunctionUpdatedV2({ client, maxWaitTime: 30, minDelay: 0.1 } as never, { FunctionName: name });
  const { Version } = await client.send(new PublishVersionCommand({ FunctionName: name, Description: description }));
  for (const alias of aliases)
    await client.send(new CreateAliasCommand({ FunctionName: name, Name: alias, FunctionVersion: Version }));
  return Version ?? '';
}

describe('leftovers on the emulator', () => {
  it("finds exactly the run's aliases and versions, and removes them but a version the user's alias holds", async () => {
    const name = 'leftovers-fn';
    const arn = await createOriginal(harness, name);
    expect(await publish(name, 128, runMarker('left1', 128, undefined, recovery), ['lpg-left1-128'])).toBe('1');
    expect(await publish(name, 256, runMarker('left1', 256, 1, recovery), ['lpg-left1-256-c1', 'pinned'])).toBe('2');
    expect(await publish(name, 256, 'lambda-power-gate left1: 256 MB for alias live', ['live'])).toBe('3');
    expect(await publish(name, 128, runMarker('other1', 128, undefined, recovery), ['lpg-other1-128'])).toBe('4');
    const stateAlias = stateAliasName('left1', recovery.deadlineMs);
    await harness.checkClient.send(
      new CreateAliasCommand({ FunctionName: name, Name: stateAlias, FunctionVersion: '$LATEST' }),
    );
    const api = new ControlPlane(harness.engineClient, name, {
      logger: recordingLogger(),
      sleep: fastSleep,
      waiterMinDelaySec: 0.05,
    });

    const found = await listRunLeftovers(api, arn, 'left1');
    expect(found).toEqual({ aliases: ['lpg-left1-128', 'lpg-left1-256-c1', stateAlias], versions: ['1', '2'] });

    const report = await removeLeftovers(api, arn, {
      aliases: found.aliases.filter((alias) => alias !== stateAlias),
      versions: found.versions,
    });
    expect(report.deletedAliases).toEqual(['lpg-left1-128', 'lpg-left1-256-c1']);
    expect(report.deletedVersions).toEqual(['1']);
    expect(report.problems).toEqual([expect.stringMatching(/^version 2: ResourceConflictException: .*\[pinned\]/)]);
    expect(report.remaining).toEqual({ aliases: [], versions: ['2'] });
    const state = await settledStateOf(harness.checkClient, name);
    expect(state.aliases.sort()).toEqual(['live', 'lpg-left1-until-20261201T100000Z', 'lpg-other1-128', 'pinned']);
    expect(state.versions).toEqual(['$LATEST', '2', '3', '4']);
  });
});
