// A cancelled job and a run that outlives timeout-minutes. GitHub cancels a job by sending SIGINT to the action's
// process, then SIGTERM 7.5 s later, then kills it 2.5 s after that: the run must restore $LATEST and delete its
// versions and aliases within that window, exit 1 and say why. timeout-minutes aborts the same way.

import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { main } from '../../src/cli.js';
import {
  FIXTURE_FUNCTIONS,
  LEFT_AS_FOUND,
  createOriginal,
  runActionInProcess,
  settledStateOf,
  spawnAction,
  startHarness,
  until,
  type Harness,
} from './harness.js';

let harness: Harness;
let workspace: string;

beforeAll(async () => {
  harness = await startHarness();
  workspace = mkdtempSync(join(tmpdir(), 'lpg-cancel-'));
});

afterAll(async () => {
  await harness.close();
});

async function expectLeftAsFound(functionName: string, sleepMs = 250) {
  const state = await settledStateOf(harness.checkClient, functionName);
  expect({ ...state, lastUpdateStatus: undefined }).toEqual({
    ...LEFT_AS_FOUND,
    environment: { ...LEFT_AS_FOUND.environment, SLEEP_MS: String(sleepMs) },
    lastUpdateStatus: undefined,
  });
}

const slowFunction = (name: string, sleepMs = 250) =>
  createOriginal(harness, name, {
    codeDir: join(FIXTURE_FUNCTIONS, 'slow'),
    environment: { SLEEP_MS: String(sleepMs) },
  });

interface SignalCase {
  title: string;
  /** Send the first signal once the emulator has seen this many requests of the operation. */
  when: { operation: string; count: number };
  signals: NodeJS.Signals[];
}

const SIGNAL_CASES: SignalCase[] = [
  { title: 'SIGTERM mid-invocation', when: { operation: 'Invoke', count: 2 }, signals: ['SIGTERM'] },
  { title: 'SIGINT mid-invocation', when: { operation: 'Invoke', count: 2 }, signals: ['SIGINT'] },
  // What a runner does on cancel: SIGINT, then SIGTERM while the first is still being handled.
  {
    title: 'SIGINT then SIGTERM during the clean-up',
    when: { operation: 'Invoke', count: 2 },
    signals: ['SIGINT', 'SIGTERM'],
  },
  { title: 'SIGTERM while preparing versions', when: { operation: 'PublishVersion', count: 1 }, signals: ['SIGTERM'] },
];

describe('the action process, signalled', () => {
  it.each(SIGNAL_CASES.map((entry, index) => [entry.title, entry, index] as const))(
    '%s: restores, cleans up, exits 1 and says why',
    async (_title, entry, index) => {
      const name = `signal-${index + 1}`;
      await slowFunction(name);
      const child = spawnAction({
        workspace: join(workspace, name),
        inputs: {
          'function-name': name,
          endpoint: harness.emulator.endpoint,
          'power-values': '128,256',
          invocations: '4',
          'comment-mode': 'off',
        },
      });
      await until(
        () => (harness.requestsFor(name)[entry.when.operation] ?? 0) >= entry.when.count,
        `${entry.when.count} ${entry.when.operation} requests`,
      );
      const [first, ...later] = entry.signals;
      child.child.kill(first);
      for (const signal of later) {
        // The next signal lands while the first one's clean-up is under way.
        await until(
          () => child.lines.some((line) => line.includes(`${first} received`)),
          `the action to acknowledge ${first}`,
        );
        child.child.kill(signal);
      }
      const code = await child.exited;
      expect(code).toBe(1);
      const errors = child.lines.filter((line) => line.startsWith('::error'));
      expect(errors).toEqual([
        `::error::Tuning cancelled (${first} received); ${name} was restored and this run's versions and aliases deleted`,
      ]);
      expect(child.lines).toContain(
        `::warning::${first} received: stopping, restoring the function and deleting this run's versions and aliases`,
      );
      expect(child.lines.join('\n')).not.toMatch(/\n\s+at \S+ \(/);
      await expectLeftAsFound(name);
    },
  );
});

describe('timeout-minutes', () => {
  let run: (options?: { minuteMs?: number }) => Promise<void>;

  beforeAll(async () => {
    ({ run } = await import('../../src/action/main.js'));
  });

  it('aborts a run that outlives it: restores, cleans up, exits 1 with a clear message', async () => {
    const name = 'timeout';
    await slowFunction(name, 500);
    // One "minute" of 1.5 s against 6 s of invocations (12 × 500 ms): the run is cut off long before its end.
    const outcome = await runActionInProcess(
      run,
      {
        'function-name': name,
        endpoint: harness.emulator.endpoint,
        'power-values': '128,256',
        invocations: '6',
        'timeout-minutes': '1',
        'comment-mode': 'off',
      },
      { workspace: join(workspace, name), minuteMs: 1500 },
    );
    expect(outcome.exitCode).toBe(1);
    const errors = outcome.log.split('\n').filter((line) => line.startsWith('::error'));
    expect(errors).toEqual([
      `::error::Tuning cancelled (timeout-minutes (1) reached); ${name} was restored and this run's versions and aliases deleted`,
    ]);
    // It was cut off: far from all 12 invocations happened.
    expect(harness.requestsFor(name).Invoke ?? 0).toBeLessThan(12);
    await expectLeftAsFound(name, 500);
  });
});

describe('the CLI, signalled', () => {
  it('SIGINT (Ctrl-C) mid-run: restores, cleans up, exits 1', async () => {
    const name = 'cli-sigint';
    await slowFunction(name);
    const signals = new EventEmitter();
    const stderr: string[] = [];
    const sink = (into?: string[]) =>
      new Writable({
        write(chunk, _encoding, callback) {
          into?.push(String(chunk));
          callback();
        },
      });
    const running = main(
      [
        'tune',
        '--function-name',
        name,
        '--endpoint',
        harness.emulator.endpoint,
        '--power-values',
        '128,256',
        '--invocations',
        '4',
      ],
      {
        stdout: sink(),
        stderr: sink(stderr),
        env: { PATH: process.env.PATH },
        cwd: join(workspace),
        signalSource: signals,
      },
    );
    await until(() => (harness.requestsFor(name).Invoke ?? 0) >= 2, 'two invocations');
    signals.emit('SIGINT');
    expect(await running).toBe(1);
    const lines = stderr.join('').trim().split('\n');
    expect(lines.at(-1)).toBe(
      `lambda-power-gate: Tuning cancelled (SIGINT received); ${name} was restored and this run's versions and aliases deleted`,
    );
    await expectLeftAsFound(name);
  });
});
