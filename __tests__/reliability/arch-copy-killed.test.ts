// A run killed (SIGKILL: a cancelled job's last step, a lost runner) while it holds a copy on the other architecture
// (src/tuning/arch-copy.ts): the copy is left, tagged, and its name is in the saved state. The post step deletes it
// from that state; where no post step runs, the next run that makes a copy deletes it once the killed run's deadline
// has passed. The main step is a child process (__tests__/helpers/copy-holder.ts) killed with SIGKILL; the post step
// is the action's entrypoint (src/index.ts) with the saved state, as the runner starts it.

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetFunctionCommand } from '@aws-sdk/client-lambda';
import { parseOutputsFile } from '../../emulator/github/runner.js';
import { makeArchitectureCopy } from '../../src/tuning/arch-copy.js';
import { recordingLogger, REPO_ROOT, spawnAction, startHarness, type Harness } from './harness.js';

let harness: Harness;
let workspace: string;

beforeAll(async () => {
  harness = await startHarness({ updateDelayMs: 100 });
  workspace = mkdtempSync(join(tmpdir(), 'lpg-copy-killed-'));
});

afterAll(async () => {
  await harness.close();
});

const exists = (functionName: string) =>
  harness.checkClient.send(new GetFunctionCommand({ FunctionName: functionName })).then(
    () => true,
    (error: { name?: string }) => (error.name === 'ResourceNotFoundException' ? false : Promise.reject(error)),
  );

/** The main step holding a copy, killed with SIGKILL once the copy is Active; returns its name and the state file. */
async function killedWhileHoldingACopy(source: string, runId: string, deadlineMs: number) {
  const statePath = join(workspace, `${runId}-state.txt`);
  writeFileSync(statePath, '');
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, '__tests__/helpers/copy-holder.ts')], {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? workspace,
      GITHUB_STATE: statePath,
      LPG_ENDPOINT: harness.emulator.endpoint,
      LPG_SOURCE: source,
      LPG_RUN_ID: runId,
      LPG_DEADLINE_MS: String(deadlineMs),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const functionName = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /^COPY (\S+)$/m.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`the main step exited (${code}) before holding a copy: ${stderr}`)));
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  child.kill('SIGKILL');
  await exited;
  return { functionName, statePath };
}

it('the post step deletes the copy a killed main step left, from the state it saved', async () => {
  await harness.emulator.createFunction({ name: 'checkout', sample: 'noop' });
  const { functionName, statePath } = await killedWhileHoldingACopy('checkout', 'abab1212', Date.now() + 3_600_000);
  expect(functionName).toBe('lpg-copy-abab1212-arm64-checkout');
  expect(await exists(functionName)).toBe(true);

  const state = parseOutputsFile(readFileSync(statePath, 'utf8'));
  const post = spawnAction({
    workspace: join(workspace, 'post'),
    inputs: { endpoint: harness.emulator.endpoint },
    env: { STATE_isPost: 'true', STATE_run: state.run ?? '' },
  });
  expect(await post.exited).toBe(0);
  expect(post.lines.filter((line) => line.startsWith('::error'))).toEqual([]);
  expect(post.lines).toContainEqual(
    expect.stringMatching(
      /^::warning::The main step did not finish cleaning up run abab1212 .*the post step did: deleted the architecture copies lpg-copy-abab1212-arm64-checkout \(us-east-1\)/,
    ),
  );
  expect(await exists(functionName)).toBe(false);
  expect(harness.emulator.functionNames()).toEqual(['checkout']);
}, 120_000);

it('without a post step, the next run that makes a copy deletes it once the killed run’s deadline has passed', async () => {
  await harness.emulator.createFunction({ name: 'payments', sample: 'noop' });
  const left = await killedWhileHoldingACopy('payments', 'cdcd3434', Date.now() - 1000);
  expect(await exists(left.functionName)).toBe(true);

  const logger = recordingLogger();
  const next = await makeArchitectureCopy(harness.engineClient, 'payments', 'arm64', {
    runId: 'efef5656',
    deadlineMs: Date.now() + 3_600_000,
    logger,
    endpoint: harness.emulator.endpoint,
    waiterMinDelaySec: 1,
  });
  expect(await exists(left.functionName)).toBe(false);
  expect(logger.lines).toContainEqual(
    expect.stringMatching(
      /Deleted lpg-copy-cdcd3434-arm64-payments, a copy of .*function:payments that run cdcd3434 left/,
    ),
  );
  await next.dispose();
  expect(harness.emulator.functionNames().filter((name) => name.startsWith('lpg-copy-'))).toEqual([]);
}, 120_000);
