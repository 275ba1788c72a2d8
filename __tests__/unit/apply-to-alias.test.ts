// LambdaTarget.applyToAlias (auto-optimize-alias) publishes its kept version by the same path as the run's own
// versions (prepareVersion): update guarded by the RevisionId just read → the update waited for → $LATEST read back
// and verified → PublishVersion guarded by the RevisionId read → Active → memory verified, and the whole step redone
// when another run or a deploy changes $LATEST in between. Races the emulator cannot produce on demand, so the
// stateful fake behind aws-sdk-client-mock (helpers/fake-lambda.ts) plays Lambda.

import { GetAliasCommand, PublishVersionCommand, UpdateFunctionConfigurationCommand } from '@aws-sdk/client-lambda';
import type { EngineLogger } from '../../src/lib/ports.js';
import { RateLimiter } from '../../src/tuning/limiter.js';
import { LambdaTarget } from '../../src/tuning/target.js';
import { createFakeLambda } from '../helpers/fake-lambda.js';

const noSleep = async () => {};

function setUp() {
  const fake = createFakeLambda();
  const warnings: string[] = [];
  const logger: EngineLogger = {
    info: () => {},
    warning: (message) => warnings.push(message),
    debug: () => {},
    group: (_name, fn) => fn(),
    progress: () => {},
  };
  const target = new LambdaTarget(fake.client, 'fake-fn', 'us-east-1', {
    logger,
    sleep: noSleep,
    random: () => 0.5,
    runId: 'apply123',
    waiterMinDelaySec: 0.001,
    // No pacing: the limiter has its own tests (limiter.test.ts).
    limiter: new RateLimiter({ ratePerSecond: 1e6, burst: 1e6, now: Date.now, sleep: noSleep }),
  });
  return { fake, target, warnings };
}

/** The two callers of the one publish path, each publishing 256 MB; returns the version it made. */
const paths = {
  prepareVersion: async (target: LambdaTarget) => {
    const snapshot = await target.snapshot();
    const prepared = await target.prepareVersion(snapshot, 256);
    await target.restore(snapshot);
    return prepared.version;
  },
  applyToAlias: async (target: LambdaTarget) => target.applyToAlias(await target.snapshot(), 256, 'live'),
};

const preconditionFailed = () =>
  Object.assign(new Error('The Revision Id provided does not match the latest Revision Id'), {
    name: 'PreconditionFailedException',
  });

describe.each(Object.entries(paths))('%s publishes by the one guarded path', (_name, publish) => {
  it('redoes the whole step when $LATEST changed between its read and its publish (PublishVersion refused with 412)', async () => {
    const { fake, target, warnings } = setUp();
    // Another run or a deploy moved the RevisionId after the read-back: the first publish is refused.
    let refused = false;
    fake.hooks.beforePublish = () => {
      if (refused) return;
      refused = true;
      throw preconditionFailed();
    };

    const version = await publish(target);

    expect(fake.versions.get(version)?.MemorySize).toBe(256);
    const updates = fake.mock.commandCalls(UpdateFunctionConfigurationCommand).map((call) => call.args[0].input);
    // Twice the guarded update at 256 MB (once per attempt), then the restore.
    expect(updates.map((input) => input.MemorySize)).toEqual([256, 256, 1024]);
    for (const input of updates) expect(input.RevisionId).toMatch(/^rev-\d+$/);
    expect(warnings.some((line) => line.startsWith('Preparing 256 MB again (attempt 2)'))).toBe(true);
    expect(fake.latest).toMatchObject({ MemorySize: 1024, Description: 'original' });
  });

  it('never publishes what it did not verify: a deploy that lands after its update is seen, and the step redone', async () => {
    const { fake, target, warnings } = setUp();
    // Read 1 is the snapshot, read 2 our turn before the update; read 3, after it, finds a deploy's 512 MB, not ours.
    let reads = 0;
    fake.hooks.beforeRead = () => {
      if (++reads === 3)
        Object.assign(fake.latest, { MemorySize: 512, Description: 'deployed meanwhile', RevisionId: 'rev-deploy' });
    };
    const version = await publish(target);

    expect(fake.versions.get(version)?.MemorySize).toBe(256);
    expect(warnings.some((line) => /^Preparing 256 MB again \(attempt 2\): ConcurrentChangeError/.test(line))).toBe(
      true,
    );
    const published = fake.mock.commandCalls(PublishVersionCommand).map((call) => call.args[0].input);
    expect(published).toHaveLength(1);
    expect(published[0]?.RevisionId).not.toBe('rev-deploy');
  });
});

describe('applyToAlias', () => {
  it('points the alias at the verified version and puts $LATEST back', async () => {
    const { fake, target } = setUp();
    const version = await paths.applyToAlias(target);
    expect(fake.aliases.get('live')).toBe(version);
    expect(fake.versions.get(version)?.Description).toBe('lambda-power-gate apply123: 256 MB for alias live');
    expect(fake.mock.commandCalls(GetAliasCommand).map((call) => call.args[0].input.Name)).toEqual(['live']);
    expect(fake.latest).toMatchObject({ MemorySize: 1024, Description: 'original' });
  });
});
