// The safety net for a main step that never got to clean up. GitHub kills a cancelled job's step (SIGINT, 7.5 s,
// SIGTERM, 2.5 s, SIGKILL; actions/runner#1309) and then runs the action's post step (action.yml runs.post,
// post-if: always()) with the state the main step saved (GITHUB_STATE → STATE_<name>). Where no post step runs
// (another CI, a lost runner), the next run on the function must put it back and remove the leftovers itself.
// The action runs as a child process (src/index.ts through tsx), the emulator in this process, the checks through
// the real SDK.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseOutputsFile } from '../../emulator/github/runner.js';
import { realSleep } from '../../src/lib/ports.js';
import {
  FIXTURE_FUNCTIONS,
  LEFT_AS_FOUND,
  createOriginal,
  runActionInProcess,
  settledStateOf,
  spawnAction,
  startHarness,
  stateOf,
  until,
  type ActionProcess,
  type Harness,
} from './harness.js';

let harness: Harness;
let workspace: string;
let run: (options?: { clock?: { now(): Date } }) => Promise<void>;

beforeAll(async () => {
  harness = await startHarness();
  workspace = mkdtempSync(join(tmpdir(), 'lpg-post-'));
  ({ run } = await import('../../src/action/main.js'));
});

afterAll(async () => {
  await harness.close();
});

const SLEEP_MS = 250;
const slowFunction = (name: string, sleepMs = SLEEP_MS) =>
  createOriginal(harness, name, {
    codeDir: join(FIXTURE_FUNCTIONS, 'slow'),
    environment: { SLEEP_MS: String(sleepMs) },
  });

async function expectLeftAsFound(functionName: string, sleepMs = SLEEP_MS) {
  const state = await settledStateOf(harness.checkClient, functionName);
  expect({ ...state, lastUpdateStatus: undefined }).toEqual({
    ...LEFT_AS_FOUND,
    environment: { ...LEFT_AS_FOUND.environment, SLEEP_MS: String(sleepMs) },
    lastUpdateStatus: undefined,
  });
}

/** The main step, with a state file as the runner gives it. */
function startMain(name: string, inputs: Record<string, string>): { child: ActionProcess; statePath: string } {
  const dir = join(workspace, name);
  const statePath = join(dir, 'github-state.txt');
  const child = spawnAction({
    workspace: dir,
    inputs: { 'comment-mode': 'off', endpoint: harness.emulator.endpoint, ...inputs },
    env: { GITHUB_STATE: statePath },
  });
  writeFileSync(statePath, '', { flag: 'a' });
  return { child, statePath };
}

/** The post step as the runner starts it: the same inputs, and the saved state as STATE_<name>. */
async function runPost(
  name: string,
  statePath: string,
  inputs: Record<string, string>,
): Promise<ActionProcess & { code: number }> {
  const state = parseOutputsFile(readFileSync(statePath, 'utf8'));
  const env = Object.fromEntries(Object.entries(state).map(([key, value]) => [`STATE_${key}`, value]));
  const post = spawnAction({
    workspace: join(workspace, `${name}-post`),
    inputs: { 'comment-mode': 'off', endpoint: harness.emulator.endpoint, ...inputs },
    env,
  });
  return { ...post, code: await post.exited };
}

/** The killed run left something: otherwise a test below would pass without anything to clean up. */
async function expectLeftovers(functionName: string) {
  const state = await stateOf(harness.checkClient, functionName);
  expect(state.aliases.filter((alias) => alias.startsWith('lpg-')).length + state.versions.length - 1).toBeGreaterThan(
    0,
  );
}

describe('the post step', () => {
  it('after SIGKILL while versions are being prepared: puts $LATEST back and deletes every alias and version of the run', async () => {
    const name = 'post-kill-prepare';
    await slowFunction(name);
    const inputs = { 'function-name': name, 'power-values': '128,256,512,1024', invocations: '4' };
    const { child, statePath } = startMain(name, inputs);
    await until(() => (harness.requestsFor(name).PublishVersion ?? 0) >= 2, 'two versions published');
    child.child.kill('SIGKILL');
    await child.exited;
    await expectLeftovers(name);
    expect(parseOutputsFile(readFileSync(statePath, 'utf8'))).toMatchObject({
      isPost: 'true',
      run: expect.stringContaining(`"name":"${name}"`),
    });

    const post = await runPost(name, statePath, inputs);
    expect(post.code).toBe(0);
    expect(post.lines.filter((line) => line.startsWith('::error'))).toEqual([]);
    expect(
      post.lines.some((line) =>
        /^::warning::The main step did not finish cleaning up run \w+ .*the post step did: post-kill-prepare: .*deleted \d+ aliases/.test(
          line,
        ),
      ),
    ).toBe(true);
    await expectLeftAsFound(name);
  });

  it('after SIGKILL with compare-function (architectures x86_64,arm64): puts both functions back', async () => {
    const [name, arm] = ['post-kill-arch', 'post-kill-arch-arm64'];
    await slowFunction(name);
    await createOriginal(harness, arm, {
      codeDir: join(FIXTURE_FUNCTIONS, 'slow'),
      environment: { SLEEP_MS: String(SLEEP_MS) },
      architecture: 'arm64',
    });
    const inputs = { 'function-name': name, 'compare-function': arm, 'power-values': '128,256', invocations: '4' };
    const { child, statePath } = startMain(name, inputs);
    await until(() => (harness.requestsFor(arm).Invoke ?? 0) >= 2, 'two invocations of the arm64 deployment');
    child.child.kill('SIGKILL');
    await child.exited;
    await expectLeftovers(name);
    await expectLeftovers(arm);

    const post = await runPost(name, statePath, inputs);
    expect(post.code).toBe(0);
    expect(post.lines.filter((line) => line.startsWith('::error'))).toEqual([]);
    await expectLeftAsFound(name);
    const state = await settledStateOf(harness.checkClient, arm);
    expect([state.memoryMb, state.aliases, state.versions]).toEqual([
      LEFT_AS_FOUND.memoryMb,
      LEFT_AS_FOUND.aliases,
      LEFT_AS_FOUND.versions,
    ]);
  }, 60_000);

  it("after GitHub's cancel sequence (SIGINT, 7.5 s, SIGTERM, 2.5 s, SIGKILL) during a slow clean-up: finishes the clean-up", async () => {
    const name = 'post-cancel-slow';
    // Invocations of 2 s: after the second, at least 20 s of measuring remain, so however late this process sees it
    // on a loaded machine, the signal below always lands before the main step could have started its clean-up.
    const sleepMs = 2_000;
    await slowFunction(name, sleepMs);
    const inputs = { 'function-name': name, 'power-values': '128,256,512', invocations: '4' };
    const { child, statePath } = startMain(name, inputs);
    await until(() => (harness.requestsFor(name).Invoke ?? 0) >= 2, 'two invocations');
    // Every control-plane call now takes 4 s: restoring $LATEST alone (update, then the waiter's read) outlasts the
    // 7 s budget, so the three versions and their aliases cannot all go however they are deleted (in parallel, 10 at
    // a time), and the runner's 10 s end the step first.
    harness.emulator.setFaults(name, { controlPlaneLatencyMs: 4_000 });
    child.child.kill('SIGINT');
    await realSleep(7_500);
    child.child.kill('SIGTERM');
    await realSleep(2_500);
    child.child.kill('SIGKILL');
    // Not finished: the main step's clean-up stops itself when its budget after the signal runs out (7 s, before
    // SIGTERM) and names what it leaves; on a slower machine the SIGKILL cuts it off first.
    const code = await child.exited;
    expect([1, 128]).toContain(code);
    if (code === 1)
      expect(
        child.lines.some((line) =>
          line.startsWith('::warning::Clean-up stopped when its 7 s after the cancel signal ran out'),
        ),
      ).toBe(true);
    expect(child.lines).toContain(
      `::warning::SIGINT received: stopping, restoring the function and deleting this run's versions and aliases`,
    );
    harness.emulator.setFaults(name, {});
    await expectLeftovers(name);

    const post = await runPost(name, statePath, inputs);
    expect(post.code).toBe(0);
    expect(post.lines.filter((line) => line.startsWith('::error'))).toEqual([]);
    await expectLeftAsFound(name, sleepMs);
  }, 90_000);

  it('after a main step that cleaned up: one line, no change, two read calls', async () => {
    const name = 'post-clean';
    await slowFunction(name);
    const inputs = { 'function-name': name, 'power-values': '128', invocations: '2' };
    const { child, statePath } = startMain(name, inputs);
    expect(await child.exited).toBe(0);
    const before = harness.requestsFor(name);
    const post = await runPost(name, statePath, inputs);
    expect(post.code).toBe(0);
    // One line (stderr may carry Node's own warnings, which are not the action's).
    expect(
      post.lines.filter(
        (line) => line.startsWith('lambda-power-gate') || (line.startsWith('::') && !line.startsWith('::debug')),
      ),
    ).toEqual([
      expect.stringMatching(/^lambda-power-gate post step: run \w+ left nothing behind; nothing to clean up\.$/),
    ]);
    const after = harness.requestsFor(name);
    const calls = Object.fromEntries(
      Object.entries(after)
        .map(([operation, count]) => [operation, count - (before[operation] ?? 0)])
        .filter(([, count]) => Number(count) > 0),
    );
    expect(calls).toEqual({ GetFunctionConfiguration: 1, ListAliases: 1 });
    await expectLeftAsFound(name);
  });

  it('without saved state (the main step failed before reading the function): one line', async () => {
    // The runner sets STATE_isPost (saved by every main step) and no STATE_run.
    const only = spawnAction({
      workspace: join(workspace, 'post-no-state'),
      inputs: { 'function-name': 'post-no-state', endpoint: harness.emulator.endpoint },
      env: { STATE_isPost: 'true' },
    });
    expect(await only.exited).toBe(0);
    expect(only.lines.filter((line) => line.startsWith('lambda-power-gate') || line.startsWith('::'))).toEqual([
      'lambda-power-gate post step: the main step changed no function; nothing to clean up.',
    ]);
  });
});

describe('the next run, where no post step ran', () => {
  /** The next run, in this process, its clock this far ahead (the killed run's deadline is 30 + 10 minutes after its start). */
  const later = (minutes: number) => ({ now: () => new Date(Date.now() + minutes * 60_000) });

  it("on the PR function: puts back $LATEST from the killed run's marker, removes its aliases and versions, says so, and tunes", async () => {
    const name = 'next-pr';
    await slowFunction(name);
    const { child } = startMain(name, { 'function-name': name, 'power-values': '128,256,512,1024', invocations: '4' });
    await until(() => (harness.requestsFor(name).PublishVersion ?? 0) >= 2, 'two versions published');
    child.child.kill('SIGKILL');
    await child.exited;
    await expectLeftovers(name);
    expect((await stateOf(harness.checkClient, name)).description).toMatch(
      /^lambda-power-gate \w+ \d+ MB \(was 512 MB, until \S+Z\)$/,
    );

    const outcome = await runActionInProcess(
      run,
      {
        'function-name': name,
        endpoint: harness.emulator.endpoint,
        'power-values': '128',
        invocations: '2',
        'comment-mode': 'off',
      },
      { workspace: join(workspace, `${name}-next`), clock: later(45) },
    );
    expect(outcome.exitCode).toBe(0);
    expect(outcome.log).toMatch(
      /::warning::\$LATEST of next-pr carried run \w+'s marker and its deadline \S+ has passed \(was that run killed\?\): put back to 512 MB/,
    );
    expect(outcome.log).toMatch(
      /::warning::Run \w+ ended at \S+ without cleaning up \(was it killed\?\); removed what it left: next-pr: deleted \d+ aliases \(lpg-\w+-\d+.*\); deleted \d+ versions/,
    );
    expect(outcome.outputs['current-memory']).toBe('512');
    await expectLeftAsFound(name);
  }, 60_000);

  it("on the PR function, before the killed run's deadline: takes $LATEST back after 5 minutes unchanged and leaves the aliases alone, saying until when", async () => {
    const name = 'next-pr-early';
    await slowFunction(name);
    const { child } = startMain(name, { 'function-name': name, 'power-values': '128,256,512,1024', invocations: '4' });
    await until(() => (harness.requestsFor(name).PublishVersion ?? 0) >= 2, 'two versions published');
    child.child.kill('SIGKILL');
    await child.exited;

    const outcome = await runActionInProcess(
      run,
      {
        'function-name': name,
        endpoint: harness.emulator.endpoint,
        'power-values': '128',
        invocations: '2',
        'comment-mode': 'off',
      },
      { workspace: join(workspace, `${name}-next`), clock: later(6) },
    );
    expect(outcome.exitCode).toBe(0);
    expect(outcome.log).toMatch(
      /::warning::\$LATEST of next-pr-early carried run \w+'s marker and it has not changed for 6 minutes/,
    );
    expect(outcome.log).toMatch(
      /next-pr-early has \d+ aliases of lambda-power-gate run \w+, which may still be running until \S+: left alone/,
    );
    const state = await settledStateOf(harness.checkClient, name);
    expect([state.memoryMb, state.description]).toEqual([LEFT_AS_FOUND.memoryMb, LEFT_AS_FOUND.description]);
    expect(state.aliases.length).toBeGreaterThan(0);
  }, 60_000);

  it('a marker whose state alias is gone: never guesses the description, stops with the fix (memory included)', async () => {
    const name = 'next-no-state-alias';
    await createOriginal(harness, name, {
      description: 'lambda-power-gate 0badc0de 256 MB (was 512 MB, until 2026-01-01T00:00:00Z)',
      memoryMb: 256,
    });
    const outcome = await runActionInProcess(
      run,
      {
        'function-name': name,
        endpoint: harness.emulator.endpoint,
        'power-values': '128',
        invocations: '2',
        'comment-mode': 'off',
      },
      { workspace: join(workspace, name), clock: later(0) },
    );
    expect(outcome.exitCode).toBe(1);
    expect(outcome.log).toMatch(
      /::error::.*lambda-power-gate run 0badc0de set it and never put the function back \(was that run killed\?\)\. Its original description is unknown here \(its state alias is gone\): set MemorySize back to 512 and Description by hand, delete the aliases named lpg-0badc0de-\* and their versions, then run again/,
    );
    const state = await settledStateOf(harness.checkClient, name);
    expect([state.memoryMb, state.aliases, state.versions]).toEqual([256, [], ['$LATEST']]);
  });

  it('on the baseline function: removes what the killed run left on it, says so, and compares', async () => {
    const [pr, base, nextPr] = ['next-gate-pr', 'next-gate-base', 'next-gate-pr2'];
    for (const name of [pr, base, nextPr]) await slowFunction(name);
    const { child } = startMain(pr, {
      'function-name': pr,
      'baseline-function': base,
      'power-values': '128,256',
      invocations: '4',
      'gate-max-invocations': '0',
    });
    await until(() => (harness.requestsFor(base).Invoke ?? 0) >= 2, 'two invocations of the baseline function');
    child.child.kill('SIGKILL');
    await child.exited;
    await expectLeftovers(base);

    const outcome = await runActionInProcess(
      run,
      {
        'function-name': nextPr,
        'baseline-function': base,
        endpoint: harness.emulator.endpoint,
        'power-values': '128',
        invocations: '2',
        'gate-max-invocations': '0',
        'comment-mode': 'off',
      },
      { workspace: join(workspace, `${nextPr}-next`), clock: later(45) },
    );
    expect(outcome.exitCode).toBe(0);
    expect(outcome.log).toMatch(
      /::warning::\[baseline\] Run \w+ ended at \S+ without cleaning up \(was it killed\?\); removed what it left: next-gate-base: .*deleted \d+ aliases/,
    );
    await expectLeftAsFound(base);
    await expectLeftAsFound(nextPr);
  }, 60_000);
});
