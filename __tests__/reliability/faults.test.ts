// Faults at every phase of a run — snapshot, each configuration update, the update waiter, each publish, alias
// creation, invocations, restore, clean-up — and in the handler itself. After every scenario, checked through
// the API: $LATEST as found (memory, description, timeout, environment), no alias or version of the run left,
// and the right outcome: a transient fault is retried and the run succeeds; a permanent one fails loudly, with a
// message that says what happened, after restoring and cleaning up. Scenarios run one after another in one
// emulator, one function each.

import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { FaultConfig } from '../../emulator/lambda/faults.js';
import type { CreateFunctionSpec } from '../../emulator/lambda/server.js';
import { main } from '../../src/cli.js';
import { messageOf } from '../../src/lib/errors.js';
import { parseStateAliasName } from '../../src/tuning/markers.js';
import { TuningCancelledError } from '../../src/tuning/run-state.js';
import { tune } from '../../src/tuning/tuner.js';
import { unpacedLimiter } from '../helpers/settings.js';
import type { RunResult, TuningSettings } from '../../src/types.js';
import {
  FIXTURE_FUNCTIONS,
  LEFT_AS_FOUND,
  aliasMemoryMb,
  createOriginal,
  fastSleep,
  observe,
  recordingLogger,
  settingsFor,
  settledStateOf,
  startHarness,
  type Harness,
  type LeftState,
} from './harness.js';

let harness: Harness;
let observed: ReturnType<typeof observe>;

beforeAll(async () => {
  // Faults, not pace: the quota and the engine's limiter are tested in cleanup.test.ts, and would cost minutes here.
  harness = await startHarness({ controlPlaneQuota: false });
  observed = observe(harness.engineClient);
});

afterAll(async () => {
  await harness.close();
});

type Outcome = { succeeds: true; statuses?: ('ok' | 'failed')[] } | { fails: RegExp; cancelled?: boolean };

interface Scenario {
  phase: string;
  fault: string;
  faults: FaultConfig;
  outcome: Outcome;
  fn?: Partial<CreateFunctionSpec>;
  settings?: Partial<TuningSettings>;
  /** Abort the run once the emulator has seen this many requests of an operation for the function. */
  abortAfter?: { operation: string; count: number };
  /** What the run may leave when a fault never lets it clean up (the message must name it). */
  left?: Partial<LeftState>;
  /** Skip creating the function. */
  noFunction?: boolean;
}

const ok: Outcome = { succeeds: true };

/** A scenario that creates its function with its own timeout expects that timeout back. */
function timeoutOf(fn: Partial<CreateFunctionSpec> | undefined): Partial<LeftState> {
  return fn?.timeoutSec === undefined ? {} : { timeoutSec: fn.timeoutSec };
}
const UFC = 'UpdateFunctionConfiguration' as const;
const ALWAYS = 1;
/** The run's state alias, lpg-<run>-until-<deadline> (src/tuning/markers.ts stateAliasName). */
const STATE_ALIAS = '*-until-\\d{8}T\\d{6}Z';

// With power values [128, 256]: update 1 and 2 prepare the memory sizes, update 3 restores $LATEST.
const SCENARIOS: Scenario[] = [
  // ---- snapshot (the first GetFunctionConfiguration) ----
  {
    phase: 'snapshot',
    fault: 'throttling burst',
    faults: { throttle: { operations: ['GetFunctionConfiguration'], next: 3 } },
    outcome: ok,
  },
  {
    phase: 'snapshot',
    fault: '5xx burst',
    faults: { serverError: { operations: ['GetFunctionConfiguration'], next: 3 } },
    outcome: ok,
  },
  {
    phase: 'snapshot',
    fault: 'dropped connections',
    faults: { dropConnection: { operations: ['GetFunctionConfiguration'], next: 3 } },
    outcome: ok,
  },
  {
    phase: 'snapshot',
    fault: '5xx on every call',
    faults: { serverError: { operations: ['GetFunctionConfiguration'], probability: ALWAYS } },
    outcome: { fails: /^ServiceException: Lambda encountered an internal error/ },
  },
  {
    phase: 'snapshot',
    fault: 'function does not exist',
    faults: {},
    noFunction: true,
    outcome: { fails: /^ResourceNotFoundException: Function not found/ },
  },
  // ---- configuration updates ----
  { phase: 'update 1', fault: 'throttling burst', faults: { throttle: { operations: [UFC], next: 3 } }, outcome: ok },
  {
    phase: 'update 2',
    fault: '5xx burst',
    faults: { serverError: { operations: [UFC], after: 1, next: 3 } },
    outcome: ok,
  },
  {
    phase: 'update 2',
    fault: 'dropped connections',
    faults: { dropConnection: { operations: [UFC], after: 1, next: 2 } },
    outcome: ok,
  },
  {
    phase: 'update 1',
    fault: 'answer lost after the update',
    faults: { dropResponse: { operations: [UFC], next: 1 } },
    outcome: ok,
  },
  {
    phase: 'update 1',
    fault: 'ResourceConflictException storm',
    faults: { conflict: { operations: [UFC], next: 6 } },
    outcome: ok,
  },
  {
    phase: 'updates',
    fault: '5xx on every update',
    faults: { serverError: { operations: [UFC], probability: ALWAYS } },
    outcome: {
      fails:
        /^TuningFailedError: Every memory size failed: 128 MB could not be prepared: ServiceException.*; 256 MB could not be prepared/,
    },
  },
  {
    phase: 'updates',
    fault: 'endless ResourceConflictException',
    faults: { conflict: { operations: [UFC], probability: ALWAYS } },
    outcome: {
      fails: /^TuningFailedError: Every memory size failed: 128 MB could not be prepared: ResourceConflictException/,
    },
  },
  // ---- the waiter (GetFunction until LastUpdateStatus is Successful) ----
  {
    phase: 'update waiter',
    fault: '5xx burst',
    faults: { serverError: { operations: ['GetFunction'], next: 4 } },
    outcome: ok,
  },
  {
    phase: 'update waiter',
    fault: 'dropped connections',
    faults: { dropConnection: { operations: ['GetFunction'], next: 3 } },
    outcome: ok,
  },
  // ---- publishing ----
  {
    phase: 'publish 1',
    fault: 'throttling burst',
    faults: { throttle: { operations: ['PublishVersion'], next: 3 } },
    outcome: ok,
  },
  {
    phase: 'publish 2',
    fault: '5xx burst',
    faults: { serverError: { operations: ['PublishVersion'], after: 1, next: 3 } },
    outcome: ok,
  },
  {
    phase: 'publish 1',
    fault: 'dropped connections',
    faults: { dropConnection: { operations: ['PublishVersion'], next: 2 } },
    outcome: ok,
  },
  {
    phase: 'publish 1',
    fault: 'answer lost after publishing',
    faults: { dropResponse: { operations: ['PublishVersion'], next: 1 } },
    outcome: ok,
  },
  {
    phase: 'publish 2',
    fault: 'answer lost after publishing',
    faults: { dropResponse: { operations: ['PublishVersion'], after: 1, next: 1 } },
    outcome: ok,
  },
  {
    phase: 'publish 1',
    fault: 'ResourceConflictException storm',
    faults: { conflict: { operations: ['PublishVersion'], next: 6 } },
    outcome: ok,
  },
  {
    phase: 'publishes',
    fault: '5xx on every publish',
    faults: { serverError: { operations: ['PublishVersion'], probability: ALWAYS } },
    outcome: { fails: /^TuningFailedError: Every memory size failed: 128 MB could not be prepared: ServiceException/ },
  },
  {
    phase: 'publish 2',
    fault: '5xx on every later publish',
    faults: { serverError: { operations: ['PublishVersion'], after: 1, probability: ALWAYS } },
    outcome: { succeeds: true, statuses: ['ok', 'failed'] },
  },
  // ---- alias creation ----
  {
    phase: 'alias 1',
    fault: 'throttling burst',
    faults: { throttle: { operations: ['CreateAlias'], next: 3 } },
    outcome: ok,
  },
  {
    phase: 'alias 2',
    fault: '5xx burst',
    faults: { serverError: { operations: ['CreateAlias'], after: 1, next: 3 } },
    outcome: ok,
  },
  {
    phase: 'alias 1',
    fault: 'dropped connections',
    faults: { dropConnection: { operations: ['CreateAlias'], next: 2 } },
    outcome: ok,
  },
  {
    phase: 'alias 1',
    fault: 'answer lost after creating',
    faults: { dropResponse: { operations: ['CreateAlias'], next: 1 } },
    outcome: ok,
  },
  {
    phase: 'alias 1',
    fault: 'ResourceConflictException storm',
    faults: { conflict: { operations: ['CreateAlias'], next: 4 } },
    outcome: ok,
  },
  {
    phase: 'aliases',
    fault: '5xx on every alias creation',
    faults: { serverError: { operations: ['CreateAlias'], probability: ALWAYS } },
    outcome: { fails: /^TuningFailedError: Every memory size failed: 128 MB could not be prepared: ServiceException/ },
  },
  // ---- invocations ----
  {
    phase: 'invocations',
    fault: 'throttling burst',
    faults: { throttle: { operations: ['Invoke'], next: 5 } },
    outcome: ok,
  },
  {
    phase: 'invocations',
    fault: '5xx burst',
    faults: { serverError: { operations: ['Invoke'], next: 3 } },
    outcome: ok,
  },
  {
    phase: 'invocations',
    fault: 'dropped connections',
    faults: { dropConnection: { operations: ['Invoke'], next: 3 } },
    outcome: ok,
  },
  {
    phase: 'invocations',
    fault: 'random throttling, parallel',
    faults: { throttle: { operations: ['Invoke'], probability: 0.2 }, seed: 3 },
    settings: { parallelInvocation: true, invocationsPerValue: 3 },
    outcome: ok,
  },
  {
    phase: 'invocations',
    fault: '5xx on every invocation',
    faults: { serverError: { operations: ['Invoke'], probability: ALWAYS } },
    outcome: { fails: /^TuningFailedError: Every memory size failed: 128 MB failed with ServiceException/ },
  },
  {
    phase: 'invocations',
    fault: 'throttled forever',
    faults: { throttle: { operations: ['Invoke'], probability: ALWAYS } },
    outcome: { fails: /^TuningFailedError: Every memory size failed: 128 MB failed with TooManyRequestsException/ },
  },
  {
    phase: 'invocations',
    fault: 'every connection dropped',
    faults: { dropConnection: { operations: ['Invoke'], probability: ALWAYS } },
    outcome: { fails: /^TuningFailedError: Every memory size failed: 128 MB failed with/ },
  },
  // ---- the handler ----
  {
    phase: 'handler',
    fault: 'one crash (Runtime.ExitError)',
    faults: { crash: { next: 1 } },
    outcome: { succeeds: true, statuses: ['failed', 'ok'] },
  },
  {
    phase: 'handler',
    fault: 'one crash, allowed',
    faults: { crash: { next: 1 } },
    settings: { allowedExceptions: ['Runtime.ExitError'] },
    outcome: ok,
  },
  {
    phase: 'handler',
    fault: 'crash on every invocation',
    faults: { crash: { probability: ALWAYS } },
    outcome: { fails: /^TuningFailedError: Every memory size failed: 128 MB failed with Runtime\.ExitError/ },
  },
  {
    phase: 'handler',
    fault: 'out of memory at 128 MB only',
    faults: {},
    fn: { sample: 'memory-hungry', timeoutSec: 30 },
    settings: { powerValuesMb: [128, 1024] },
    outcome: { succeeds: true, statuses: ['failed', 'ok'] },
  },
  {
    phase: 'handler',
    fault: 'out of memory everywhere',
    faults: {},
    fn: { sample: 'memory-hungry', timeoutSec: 30 },
    outcome: {
      fails:
        /^TuningFailedError: Every memory size failed: 128 MB failed with Runtime\.OutOfMemory.*; 256 MB failed with Runtime\.OutOfMemory/,
    },
  },
  {
    phase: 'handler',
    fault: 'timeout everywhere',
    faults: {},
    fn: { sample: 'faulty', timeoutSec: 1, environment: { FAULT_MODE: 'hang' } },
    outcome: {
      fails:
        /^TuningFailedError: Every memory size failed: 128 MB failed with Sandbox\.Timedout: .*Task timed out after 1\.00 seconds/,
    },
    left: { environment: { STAGE: 'test', FEATURE: 'on', FAULT_MODE: 'hang' } },
  },
  {
    phase: 'handler',
    fault: 'throws every time',
    faults: {},
    fn: { sample: 'faulty', environment: { FAULT_MODE: 'throw' } },
    outcome: { fails: /^TuningFailedError: Every memory size failed: 128 MB failed with Error/ },
    left: { environment: { STAGE: 'test', FEATURE: 'on', FAULT_MODE: 'throw' } },
  },
  // ---- restore (update 3) ----
  {
    phase: 'restore',
    fault: 'throttling burst',
    faults: { throttle: { operations: [UFC], after: 2, next: 3 } },
    outcome: ok,
  },
  {
    phase: 'restore',
    fault: '5xx burst',
    faults: { serverError: { operations: [UFC], after: 2, next: 3 } },
    outcome: ok,
  },
  {
    phase: 'restore',
    fault: 'dropped connections',
    faults: { dropConnection: { operations: [UFC], after: 2, next: 2 } },
    outcome: ok,
  },
  {
    phase: 'restore',
    fault: 'answer lost after restoring',
    faults: { dropResponse: { operations: [UFC], after: 2, next: 1 } },
    outcome: ok,
  },
  {
    phase: 'restore',
    fault: 'ResourceConflictException storm',
    faults: { conflict: { operations: [UFC], after: 2, next: 6 } },
    outcome: ok,
  },
  {
    phase: 'restore',
    fault: '5xx on every restore',
    faults: { serverError: { operations: [UFC], after: 2, probability: ALWAYS } },
    // Nothing can put $LATEST back while every update fails: the run must say so, and still delete its versions.
    outcome: { fails: /^RestoreError: Restoring \$LATEST of \S+ to 512 MB failed: ServiceException/ },
    // The state alias stays: the original configuration, for the post step or the next run (docs/recovery.md).
    left: { memoryMb: 256, aliases: [STATE_ALIAS] },
  },
  // ---- clean-up ----
  {
    phase: 'clean-up',
    fault: 'alias deletion throttled',
    faults: { throttle: { operations: ['DeleteAlias'], next: 3 } },
    outcome: ok,
  },
  {
    phase: 'clean-up',
    fault: 'alias deletion 5xx burst',
    faults: { serverError: { operations: ['DeleteAlias'], next: 3 } },
    outcome: ok,
  },
  {
    phase: 'clean-up',
    fault: 'alias deleted, answer lost',
    faults: { dropResponse: { operations: ['DeleteAlias'], next: 2 } },
    outcome: ok,
  },
  {
    phase: 'clean-up',
    fault: 'version deletion throttled',
    faults: { throttle: { operations: ['DeleteFunction'], next: 3 } },
    outcome: ok,
  },
  {
    phase: 'clean-up',
    fault: 'version deletion 5xx burst',
    faults: { serverError: { operations: ['DeleteFunction'], next: 3 } },
    outcome: ok,
  },
  {
    phase: 'clean-up',
    fault: 'version deleted, answer lost',
    faults: { dropResponse: { operations: ['DeleteFunction'], next: 2 } },
    outcome: ok,
  },
  {
    phase: 'clean-up',
    fault: 'alias deletion always fails',
    faults: { serverError: { operations: ['DeleteAlias'], probability: ALWAYS } },
    outcome: {
      fails:
        /^TuningFailedError: Clean-up incomplete for \S+: alias lpg-\S+-128: ServiceException.*; alias lpg-\S+-256: ServiceException/,
    },
    left: { aliases: ['*-128', '*-256', STATE_ALIAS], versions: ['$LATEST', '1', '2'] },
  },
  {
    phase: 'clean-up',
    fault: 'version deletion always fails',
    faults: { serverError: { operations: ['DeleteFunction'], probability: ALWAYS } },
    outcome: {
      fails:
        /^TuningFailedError: Clean-up incomplete for \S+: version 1: ServiceException.*; version 2: ServiceException/,
    },
    left: { aliases: [STATE_ALIAS], versions: ['$LATEST', '1', '2'] },
  },
  // ---- the whole run ----
  {
    phase: 'every phase',
    fault: 'slow control plane',
    faults: { controlPlaneLatencyMs: 60, updateDelayMs: 200 },
    outcome: ok,
  },
  {
    phase: 'every phase',
    fault: 'random throttling, 5xx and drops',
    faults: {
      throttle: { probability: 0.1 },
      serverError: { probability: 0.05 },
      dropConnection: { probability: 0.05 },
      seed: 11,
    },
    outcome: ok,
  },
  {
    phase: 'every phase',
    fault: 'random faults of every kind, parallel',
    faults: {
      throttle: { probability: 0.05 },
      serverError: { probability: 0.03 },
      dropConnection: { probability: 0.03 },
      dropResponse: { probability: 0.03 },
      conflict: { operations: [UFC, 'PublishVersion', 'CreateAlias'], probability: 0.06 },
      seed: 12,
    },
    settings: { parallelInvocation: true, invocationsPerValue: 3 },
    outcome: ok,
  },
  // ---- cancellation (an aborted signal: what SIGTERM/SIGINT and timeout-minutes do) ----
  {
    phase: 'preparation',
    fault: 'cancelled after the first publish',
    faults: {},
    abortAfter: { operation: 'PublishVersion', count: 1 },
    outcome: {
      fails: /^TuningCancelledError: Tuning cancelled \(cancelled by the test\); \S+ was restored/,
      cancelled: true,
    },
  },
  {
    phase: 'invocations',
    fault: 'cancelled mid-invocation',
    faults: {},
    fn: { codeDir: join(FIXTURE_FUNCTIONS, 'slow') },
    abortAfter: { operation: 'Invoke', count: 1 },
    outcome: { fails: /^TuningCancelledError: Tuning cancelled \(cancelled by the test\)/, cancelled: true },
  },
  {
    phase: 'invocations',
    fault: 'cancelled while throttled',
    faults: { throttle: { operations: ['Invoke'], probability: ALWAYS } },
    abortAfter: { operation: 'Invoke', count: 2 },
    outcome: { fails: /^TuningCancelledError: Tuning cancelled \(cancelled by the test\)/, cancelled: true },
  },
];

// Random faults are drawn from a seeded PRNG, but how many requests a run makes (waiter polls) varies with timing,
// so the draws do too: the probabilities are kept low enough that exhausting a retry budget (8 control-plane or
// 6 invoke attempts in a row) is below one in ten thousand per run.

/** How many injected faults must have fired: every one of a burst (so the phase was really hit), else at least one. */
function expectedFired(faults: FaultConfig): { exactly?: number; atLeast: number } {
  const rules = [
    faults.throttle,
    faults.serverError,
    faults.dropConnection,
    faults.dropResponse,
    faults.conflict,
    faults.crash,
  ].filter((rule) => rule !== undefined);
  if (rules.length === 0) return { atLeast: 0 };
  if (rules.some((rule) => rule.probability !== undefined)) return { atLeast: 1 };
  const total = rules.reduce((sum, rule) => sum + (rule.next ?? 0), 0);
  return { exactly: total, atLeast: total };
}

/** '*-128' stands for any name ending in -128 (alias names carry the run id). */
const namesLike = (patterns: readonly string[]) =>
  patterns.map((pattern) =>
    pattern.startsWith('*') ? expect.stringMatching(new RegExp(`${pattern.slice(1)}$`)) : pattern,
  );

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);

describe(`faults at every phase (${SCENARIOS.length} scenarios)`, () => {
  it('has at least 50 scenarios covering every phase', () => {
    expect(SCENARIOS.length).toBeGreaterThanOrEqual(50);
    const phases = SCENARIOS.map((scenario) => scenario.phase);
    for (const phase of [
      'snapshot',
      'update',
      'update waiter',
      'publish',
      'alias',
      'invocations',
      'handler',
      'restore',
      'clean-up',
      'preparation',
    ]) {
      expect(phases.filter((name) => name.startsWith(phase)).length).toBeGreaterThan(0);
    }
  });

  it.each(
    SCENARIOS.map(
      (scenario, index) => [`${index + 1}. ${scenario.phase}: ${scenario.fault}`, scenario, index] as const,
    ),
  )('%s', async (_title, scenario, index) => {
    const name = `s${index + 1}-${slug(`${scenario.phase} ${scenario.fault}`)}`.slice(0, 64);
    if (!scenario.noFunction) await createOriginal(harness, name, scenario.fn);
    harness.emulator.setFaults(name, scenario.faults);
    const runId = `r${index + 1}`;
    const controller = new AbortController();
    let poll: NodeJS.Timeout | undefined;
    if (scenario.abortAfter) {
      const { operation, count } = scenario.abortAfter;
      poll = setInterval(() => {
        if ((harness.requestsFor(name)[operation] ?? 0) >= count) controller.abort(new Error('cancelled by the test'));
      }, 2);
    }
    const logger = recordingLogger();
    let result: RunResult | undefined;
    let error: unknown;
    try {
      result = await tune(
        settingsFor(harness, name, scenario.settings),
        {
          client: harness.engineClient,
          logger,
          sleep: fastSleep,
          runId,
          waiterMinDelaySec: 0.02,
          controlPlaneLimiter: unpacedLimiter(),
        },
        controller.signal,
      );
    } catch (caught) {
      error = caught;
    } finally {
      clearInterval(poll);
      harness.emulator.setFaults(name, {});
    }

    // The outcome, and its message.
    if ('succeeds' in scenario.outcome) {
      if (error) throw error;
      const statuses = scenario.outcome.statuses ?? result?.powerValues.map(() => 'ok');
      expect(result?.powerValues.map((entry) => entry.status)).toEqual(statuses);
      for (const entry of result?.powerValues ?? []) {
        if (entry.status === 'ok') expect(entry.invocations).toBe(scenario.settings?.invocationsPerValue ?? 2);
      }
    } else {
      expect(error).toBeInstanceOf(Error);
      expect(messageOf(error)).toMatch(scenario.outcome.fails);
      if (scenario.outcome.cancelled) expect(error).toBeInstanceOf(TuningCancelledError);
      // One sentence for the job log: no stack trace, no multi-line dump.
      expect((error as Error).message).not.toMatch(/\n/);
    }

    // The faults really hit the phase.
    const fired = harness.faultsFired(name).length;
    const expected = expectedFired(scenario.faults);
    if (expected.exactly !== undefined && 'succeeds' in scenario.outcome) expect(fired).toBe(expected.exactly);
    else expect(fired).toBeGreaterThanOrEqual(expected.atLeast);

    // Every measurement came from a version with the memory it was filed under.
    for (const invoke of observed.invokes.filter((entry) => entry.alias.startsWith(`lpg-${runId}-`))) {
      const memoryMb = aliasMemoryMb(invoke.alias);
      expect({ alias: invoke.alias, memoryMb: invoke.reportMemoryMb }).toEqual({ alias: invoke.alias, memoryMb });
      expect(observed.publishedMemoryMb.get(`${name}:${invoke.executedVersion}`)).toBe(memoryMb);
    }

    // Left as found, through the API.
    if (scenario.noFunction) {
      expect(harness.requestsFor(name)).toEqual({ GetFunctionConfiguration: expect.any(Number) });
      return;
    }
    const state = await settledStateOf(harness.checkClient, name);
    const expectedLeft = { ...LEFT_AS_FOUND, ...timeoutOf(scenario.fn), ...scenario.left };
    expect({ ...state, aliases: [], versions: [], lastUpdateStatus: undefined }).toEqual({
      ...expectedLeft,
      aliases: [],
      versions: [],
      lastUpdateStatus: undefined,
      ...(scenario.left?.memoryMb !== undefined ? { description: expect.stringMatching(/^lambda-power-gate /) } : {}),
    });
    expect(state.aliases).toEqual(namesLike(expectedLeft.aliases));
    expect(state.versions).toEqual(namesLike(expectedLeft.versions));
    // The state alias never stays alone: it is kept only while something it is needed for is left too.
    const stateAliases = state.aliases.filter((alias) => parseStateAliasName(alias) !== undefined);
    if (stateAliases.length > 0)
      expect(
        state.aliases.length > stateAliases.length ||
          state.versions.length > 1 ||
          state.memoryMb !== LEFT_AS_FOUND.memoryMb,
      ).toBe(true);
    // What is left is exactly what the failure message names (a failed restore names the restore, not the state alias).
    if (!('succeeds' in scenario.outcome)) {
      const named = /^RestoreError/.test(messageOf(error))
        ? state.aliases.filter((alias) => !stateAliases.includes(alias))
        : state.aliases;
      for (const alias of named) expect((error as Error).message).toContain(alias);
      for (const version of state.versions.filter((version) => version !== '$LATEST'))
        expect((error as Error).message).toContain(`version ${version}`);
    }
  });
});

// ---- the same faults through the CLI front door: exit code and the one line a user reads ----

function capture() {
  const chunks: string[] = [];
  return {
    stream: new Writable({
      write(chunk, _encoding, callback) {
        chunks.push(String(chunk));
        callback();
      },
    }),
    text: () => chunks.join(''),
  };
}

interface FrontDoorCase {
  fault: string;
  faults: FaultConfig;
  exitCode: 0 | 1;
  /** The last line of stderr on failure. */
  message?: RegExp;
  fn?: Partial<CreateFunctionSpec>;
  missing?: boolean;
}

const FRONT_DOOR: FrontDoorCase[] = [
  { fault: 'throttled updates (transient)', faults: { throttle: { operations: [UFC], next: 4 } }, exitCode: 0 },
  {
    fault: 'alias created, answer lost (transient)',
    faults: { dropResponse: { operations: ['CreateAlias'], next: 1 } },
    exitCode: 0,
  },
  {
    fault: 'dropped invocations (transient)',
    faults: { dropConnection: { operations: ['Invoke'], next: 4 } },
    exitCode: 0,
  },
  {
    fault: 'function does not exist',
    faults: {},
    missing: true,
    exitCode: 1,
    message:
      /^lambda-power-gate: Tuning failed: ResourceNotFoundException: Function not found: \S+cli-4-function-does-not-exist$/,
  },
  {
    fault: 'every invocation crashes',
    faults: { crash: { probability: ALWAYS } },
    exitCode: 1,
    message: /^lambda-power-gate: Every memory size failed: 128 MB failed with Runtime\.ExitError/,
  },
  {
    fault: 'handler killed for memory everywhere',
    faults: {},
    fn: { sample: 'memory-hungry', timeoutSec: 30 },
    exitCode: 1,
    message: /^lambda-power-gate: Every memory size failed: 128 MB failed with Runtime\.OutOfMemory/,
  },
];

describe(`the CLI under faults (${FRONT_DOOR.length} scenarios)`, () => {
  it.each(FRONT_DOOR.map((entry, index) => [entry.fault, entry, index] as const))(
    '%s',
    async (_title, entry, index) => {
      const name = `cli-${index + 1}-${slug(entry.fault)}`;
      if (!entry.missing) await createOriginal(harness, name, entry.fn);
      harness.emulator.setFaults(name, entry.faults);
      const stdout = capture();
      const stderr = capture();
      const cwd = mkdtempSync(join(tmpdir(), 'lpg-faults-cli-'));
      const code = await main(
        [
          'tune',
          '--function-name',
          name,
          '--endpoint',
          harness.emulator.endpoint,
          '--power-values',
          '128,256',
          '--invocations',
          '2',
        ],
        {
          stdout: stdout.stream,
          stderr: stderr.stream,
          env: { PATH: process.env.PATH },
          cwd,
          signalSource: new EventEmitter(),
        },
      );
      harness.emulator.setFaults(name, {});
      expect(code).toBe(entry.exitCode);
      const errLines = stderr.text().trim().split('\n');
      if (entry.message) expect(errLines.at(-1)).toMatch(entry.message);
      expect(stderr.text() + stdout.text()).not.toMatch(/\n\s+at \S+ \(/);
      if (entry.missing) return;
      const state = await settledStateOf(harness.checkClient, name);
      expect({ ...state, lastUpdateStatus: undefined }).toEqual({
        ...LEFT_AS_FOUND,
        ...timeoutOf(entry.fn),
        lastUpdateStatus: undefined,
      });
    },
  );
});
