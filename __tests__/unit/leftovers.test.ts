// tuning/leftovers.ts: the one listing and removal of a run's aliases and versions, behind the main step's clean-up
// (LambdaTarget.cleanup / removeLeftovers), the post step and a later run's recovery (recovery.ts). What it picks is
// tested as pure functions; the order of its report and its parallel deletes (edges the emulator cannot time on
// demand) with the stateful fake behind aws-sdk-client-mock. __tests__/reliability/leftovers.test.ts runs it on the
// emulator through the real SDK.

import { DeleteAliasCommand, DeleteFunctionCommand } from '@aws-sdk/client-lambda';
import { silentLogger } from '../../src/lib/ports.js';
import { runAliasNames, runVersionNumbers } from '../../src/tuning/leftovers.js';
import { RateLimiter } from '../../src/tuning/limiter.js';
import { runMarker, stateAliasName } from '../../src/tuning/markers.js';
import { removeRunLeftovers } from '../../src/tuning/recovery.js';
import { LambdaTarget } from '../../src/tuning/target.js';
import { createFakeLambda } from '../helpers/fake-lambda.js';

const noSleep = async () => {};
const ARN = 'arn:aws:lambda:us-east-1:123456789012:function:fake-fn';

function targetOn(fake: ReturnType<typeof createFakeLambda>, runId = 'left1') {
  return new LambdaTarget(fake.client, 'fake-fn', 'us-east-1', {
    logger: silentLogger,
    sleep: noSleep,
    random: () => 0.5,
    runId,
    waiterMinDelaySec: 0.001,
    limiter: new RateLimiter({ ratePerSecond: 1e6, burst: 1e6, now: Date.now, sleep: noSleep }),
  });
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** DeleteAlias answers after `delayMs(name)`; records how many deletes were in flight at once. */
function slowAliasDeletes(fake: ReturnType<typeof createFakeLambda>, delayMs: (name: string) => number) {
  const seen = { inFlight: 0, mostInFlight: 0, answered: [] as string[] };
  fake.mock.on(DeleteAliasCommand).callsFake(async (input: { Name: string }) => {
    seen.inFlight++;
    seen.mostInFlight = Math.max(seen.mostInFlight, seen.inFlight);
    await delay(delayMs(input.Name));
    fake.aliases.delete(input.Name);
    seen.inFlight--;
    seen.answered.push(input.Name);
    return {};
  });
  return seen;
}

describe('what is a run leftover', () => {
  it("runAliasNames: the run's lpg-<run>-… aliases, its state alias included; never another run's or the user's", () => {
    const aliases = [
      'live',
      'lpg-left1-128',
      'lpg-left1-256-c2',
      'lpg-left10-128',
      'lpg-other-128',
      stateAliasName('left1', Date.UTC(2026, 11, 1, 10)),
    ];
    expect(
      runAliasNames(
        aliases.map((Name) => ({ Name })),
        'left1',
      ),
    ).toEqual(['lpg-left1-128', 'lpg-left1-256-c2', 'lpg-left1-until-20261201T100000Z']);
  });

  it("runVersionNumbers: the run's versions by Description, in number order; never the kept auto-optimize version or another run's", () => {
    const recovery = { originalMemoryMb: 512, deadlineMs: Date.UTC(2026, 11, 1, 10) };
    const versions = [
      { version: '10', description: runMarker('left1', 128, undefined, recovery) },
      { version: '9', description: runMarker('left1', 256, 3, undefined) },
      { version: '11', description: runMarker('left1', 256, { environment: 2 }, recovery) },
      {
        version: '12',
        description: 'lambda-power-gate left1: 256 MB for alias live (was 512 MB, until 2026-12-01T10:00:00Z)',
      },
      { version: '13', description: runMarker('left10', 128, undefined, recovery) },
      { version: '14', description: 'release 14' },
    ];
    expect(runVersionNumbers(versions, 'left1')).toEqual(['9', '10', '11']);
  });
});

describe('removeLeftovers', () => {
  it('reports in the order of the leftovers, whatever order the parallel deletes answer in', async () => {
    const fake = createFakeLambda();
    for (const name of ['lpg-left1-128', 'lpg-left1-256', 'lpg-left1-512']) fake.aliases.set(name, '1');
    // The first alias answers last.
    const seen = slowAliasDeletes(fake, (name) => (name === 'lpg-left1-128' ? 60 : 5));
    const report = await targetOn(fake).removeLeftovers(ARN, {
      aliases: ['lpg-left1-128', 'lpg-left1-256', 'lpg-left1-512'],
      versions: [],
    });
    expect(seen.answered[seen.answered.length - 1]).toBe('lpg-left1-128');
    expect(report.deletedAliases).toEqual(['lpg-left1-128', 'lpg-left1-256', 'lpg-left1-512']);
    expect(report.remaining).toEqual({ aliases: [], versions: [] });
  });

  it('never deletes $LATEST (that would be the function): a problem, and no DeleteFunction sent', async () => {
    const fake = createFakeLambda();
    const report = await targetOn(fake).removeLeftovers(ARN, { aliases: [], versions: ['$LATEST'] });
    expect(fake.mock.commandCalls(DeleteFunctionCommand)).toHaveLength(0);
    expect(report.deletedVersions).toEqual([]);
    expect(report.problems).toEqual(['version $LATEST: Error: refusing to delete "$LATEST": not a published version']);
    expect(report.remaining.versions).toEqual(['$LATEST']);
  });
});

describe("recovery removes a run's leftovers by the same removal as clean-up", () => {
  it("deletes a killed run's aliases in parallel within the pace, reports them in order, and its state alias last", async () => {
    const deadlineMs = Date.UTC(2026, 0, 1);
    const fake = createFakeLambda();
    const names = ['lpg-left1-128', 'lpg-left1-256', 'lpg-left1-512', 'lpg-left1-1024'];
    for (const name of names) fake.aliases.set(name, '1');
    fake.aliases.set(stateAliasName('left1', deadlineMs), '$LATEST');
    fake.aliases.set('live', '1');
    const seen = slowAliasDeletes(fake, (name) => (name === 'lpg-left1-128' ? 60 : 10));

    const removed = await removeRunLeftovers(targetOn(fake, 'left1'), ARN, 'us-east-1', 'left1');

    expect(removed.problems).toEqual([]);
    expect(seen.mostInFlight).toBeGreaterThan(1);
    expect(removed.deletedAliases).toEqual([...names, 'lpg-left1-until-20260101T000000Z']);
    expect([...fake.aliases.keys()]).toEqual(['live']);
  });
});
