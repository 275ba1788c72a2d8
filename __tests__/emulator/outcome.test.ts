// The pure invocation outcome (emulator/lambda/sandbox/outcome.ts): what the emulator answers and logs, from what
// happened in the environment. Expectations are worked out by hand from Lambda's REPORT format (logformat.ts).
import { describe, expect, it } from '@jest/globals';
import { type InvocationFacts, MAX_RESPONSE_BYTES, invocationOutcome } from '../../emulator/lambda/sandbox/index.js';

const MiB = 1024 * 1024;
const REQUEST = 'req-1';
const STARTED = new Date('2026-03-01T10:00:00.000Z');
const ENDED = new Date('2026-03-01T10:00:00.250Z');
const timings = { wallMs: 12.344, cpuMs: 10, runQueueWaitMs: 0 };

const facts = (overrides: Partial<InvocationFacts> = {}): InvocationFacts => ({
  requestId: REQUEST,
  spec: { version: '$LATEST', memoryMb: 128, timeoutSec: 3, logFormat: 'Text' },
  happened: { kind: 'returned', payload: '{"ok":true}', timings },
  cpu: { mode: 'cgroup', cores: 2 },
  elapsedMs: 15,
  handlerTimeoutMs: 3000,
  peakMemoryBytes: 70 * MiB,
  log: { beforeStart: '', output: 'hello\n' },
  startedAt: STARTED,
  endedAt: ENDED,
  ...overrides,
});
const body = (payload: Buffer): unknown => JSON.parse(payload.toString('utf8'));

describe('invocationOutcome: success', () => {
  it('answers the payload, bills the rounded duration plus a cold start, and writes START … END REPORT', () => {
    const { result, discard } = invocationOutcome(facts({ coldInitMs: 150.126 }));
    expect(discard).toBe(false);
    expect(result).toEqual({
      payload: Buffer.from('{"ok":true}'),
      log:
        'START RequestId: req-1 Version: $LATEST\n' +
        'hello\n' +
        'END RequestId: req-1\n' +
        'REPORT RequestId: req-1\tDuration: 12.34 ms\tBilled Duration: 163 ms\tMemory Size: 128 MB\tMax Memory Used: 70 MB\tInit Duration: 150.13 ms\t\n',
      durationMs: 12.34,
      billedDurationMs: 163,
      initDurationMs: 150.13,
      maxMemoryUsedMb: 70,
      executedVersion: '$LATEST',
    });
  });

  it('uses the CPU-time model without cgroups and adds a retried init to Duration', () => {
    // model: off-CPU 12.344 - 10 = 2.344, on-CPU 10 × 1769/128 = 138.203125 → 140.547125; + 100 of retried init
    const { result } = invocationOutcome(facts({ cpu: { mode: 'model', cores: 2 }, reinitMs: 100 }));
    expect(result.durationMs).toBe(240.55);
    expect(result.billedDurationMs).toBe(241);
    expect(result.initDurationMs).toBeUndefined();
  });

  it("reports a SnapStart version's cold start as a restore, billed on top of the duration", () => {
    const { result } = invocationOutcome(
      facts({
        spec: { version: '3', memoryMb: 512, timeoutSec: 3, logFormat: 'Text', snapStart: true },
        coldInitMs: 302.5,
      }),
    );
    expect(result).toMatchObject({
      restoreDurationMs: 302.5,
      billedRestoreDurationMs: 303,
      billedDurationMs: 13 + 303,
    });
    expect(result.initDurationMs).toBeUndefined();
    expect(
      result.log.startsWith('RESTORE_REPORT Restore Duration: 302.50 ms\nSTART RequestId: req-1 Version: 3\n'),
    ).toBe(true);
  });
});

describe('invocationOutcome: function errors that keep the environment', () => {
  it('answers a thrown error as Unhandled with the Invoke Error line, and a REPORT that is still a success', () => {
    const error = { errorType: 'Error', errorMessage: 'boom', trace: ['Error: boom'] };
    const { result, discard } = invocationOutcome(facts({ happened: { kind: 'threw', error, timings } }));
    expect(discard).toBe(false);
    expect(result).toMatchObject({ functionError: 'Unhandled', errorType: 'Error' });
    expect(body(result.payload)).toEqual(error);
    expect(result.log).toContain(
      '\tERROR\tInvoke Error \t{"errorType":"Error","errorMessage":"boom","stack":["Error: boom"]}\n',
    );
    expect(result.log.endsWith('Max Memory Used: 70 MB\t\n')).toBe(true);
  });

  it('refuses a response one byte over 6291556 bytes with Function.ResponseSizeTooLarge, and lets 6291556 through', () => {
    const atLimit = invocationOutcome(
      facts({ happened: { kind: 'returned', payload: 'x'.repeat(MAX_RESPONSE_BYTES), timings } }),
    );
    expect(atLimit.result.functionError).toBeUndefined();
    expect(atLimit.result.payload.length).toBe(6291556);

    const over = invocationOutcome(
      facts({
        spec: { version: '$LATEST', memoryMb: 128, timeoutSec: 3, logFormat: 'JSON' },
        happened: { kind: 'returned', payload: 'x'.repeat(MAX_RESPONSE_BYTES + 1), timings },
        log: { beforeStart: '', output: '' },
      }),
    );
    expect(over.discard).toBe(false);
    // (small values compared, not the result: a failure here must not diff 6 MB buffers)
    expect([over.result.functionError, over.result.errorType]).toEqual(['Unhandled', 'Function.ResponseSizeTooLarge']);
    expect(body(over.result.payload)).toEqual({
      errorType: 'Function.ResponseSizeTooLarge',
      errorMessage: 'Response payload size exceeded maximum allowed payload size (6291556 bytes).',
    });
    const records = over.result.log
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type?: string; record?: Record<string, unknown> });
    const runtimeDone = records.find((entry) => entry.type === 'platform.runtimeDone');
    expect(runtimeDone?.record).toMatchObject({
      status: 'failure',
      errorType: 'Function.ResponseSizeTooLarge',
      metrics: { producedBytes: over.result.payload.length },
    });
    expect(records.find((entry) => entry.type === 'platform.report')?.record).toMatchObject({ status: 'success' });
  });
});

describe('invocationOutcome: timeouts, crashes and out of memory discard the environment', () => {
  it('times out with Sandbox.Timedout after the time the handler had, with the platform notice and Status: timeout', () => {
    const { result, discard } = invocationOutcome(
      facts({ happened: { kind: 'timedOut' }, elapsedMs: 3012, reinitMs: 500, handlerTimeoutMs: 2500 }),
    );
    expect(discard).toBe(true);
    expect(body(result.payload)).toEqual({
      errorType: 'Sandbox.Timedout',
      errorMessage: 'RequestId: req-1 Error: Task timed out after 3.00 seconds',
    });
    expect(result).toMatchObject({
      functionError: 'Unhandled',
      errorType: 'Sandbox.Timedout',
      durationMs: 3000,
      billedDurationMs: 3000,
    });
    expect(result.log).toContain(
      '2026-03-01T10:00:00.250Z req-1 Task timed out after 3.00 seconds\nEND RequestId: req-1\n',
    );
    expect(result.log.endsWith('\tMax Memory Used: 70 MB\tStatus: timeout\n')).toBe(true);
  });

  it('reports a process killed for its memory as Runtime.OutOfMemory at the full memory size, timed from its own answer', () => {
    const exit = { errorType: 'Runtime.OutOfMemory' as const, reason: 'Runtime exited with error: signal: killed' };
    const { result, discard } = invocationOutcome(
      facts({ happened: { kind: 'died', exit, timings }, peakMemoryBytes: 20 * MiB }),
    );
    expect(discard).toBe(true);
    expect(body(result.payload)).toEqual({
      errorType: 'Runtime.OutOfMemory',
      errorMessage: 'RequestId: req-1 Error: Runtime exited with error: signal: killed',
    });
    expect(result).toMatchObject({ durationMs: 12.34, maxMemoryUsedMb: 128 });
    expect(result.log).toContain(
      'RequestId: req-1 Error: Runtime exited with error: signal: killed\nRuntime.OutOfMemory\nEND RequestId: req-1\n',
    );
    expect(result.log.endsWith('\tMax Memory Used: 128 MB\tStatus: error\tError Type: Runtime.OutOfMemory\n')).toBe(
      true,
    );
  });

  it('times a process that died without answering by what the pool saw, and caps Max Memory Used at the size', () => {
    const exit = { errorType: 'Runtime.ExitError' as const, reason: 'Runtime exited with error: exit status 1' };
    const { result } = invocationOutcome(
      facts({ happened: { kind: 'died', exit }, elapsedMs: 41.005, peakMemoryBytes: 300 * MiB }),
    );
    expect(result).toMatchObject({ errorType: 'Runtime.ExitError', durationMs: 41.01, maxMemoryUsedMb: 128 });
  });

  it('answers an uncaught exception with its own error and a REPORT of Runtime.ExitError', () => {
    const error = { errorType: 'Runtime.UnhandledPromiseRejection', errorMessage: 'nope' };
    const { result, discard } = invocationOutcome(facts({ happened: { kind: 'crashed', error } }));
    expect(discard).toBe(true);
    expect(body(result.payload)).toEqual(error);
    expect(result.log.endsWith('\tStatus: error\tError Type: Runtime.ExitError\n')).toBe(true);
  });
});

describe('invocationOutcome: init failures', () => {
  it("answers an init error with that error, the init's output before START and its duration, no Init Duration", () => {
    const error = { errorType: 'Runtime.ImportModuleError', errorMessage: "Error: Cannot find module 'index'" };
    const { result, discard } = invocationOutcome(
      facts({
        happened: { kind: 'initFailed', phase: 'init', failure: { kind: 'initError', error } },
        elapsedMs: 80.456,
        log: { beforeStart: 'init output\n', output: '' },
      }),
    );
    expect(discard).toBe(true);
    expect(body(result.payload)).toEqual(error);
    expect(result).toMatchObject({
      functionError: 'Unhandled',
      errorType: 'Runtime.ImportModuleError',
      durationMs: 80.46,
      billedDurationMs: 81,
    });
    expect(result.initDurationMs).toBeUndefined();
    expect(result.log).toBe(
      'init output\n' +
        'START RequestId: req-1 Version: $LATEST\n' +
        'END RequestId: req-1\n' +
        'REPORT RequestId: req-1\tDuration: 80.46 ms\tBilled Duration: 81 ms\tMemory Size: 128 MB\tMax Memory Used: 70 MB\tStatus: error\tError Type: Runtime.ImportModuleError\n',
    );
  });

  it('times out an init retried inside the invocation: its INIT_REPORT (Phase: invoke) before END, its output after START', () => {
    const { result } = invocationOutcome(
      facts({
        happened: { kind: 'initFailed', phase: 'invoke', failure: { kind: 'timedOut' } },
        elapsedMs: 3000.004,
        log: {
          beforeStart: 'INIT_REPORT Init Duration: 10000.00 ms\tPhase: init\tStatus: timeout\n',
          output: 'retry output\n',
        },
      }),
    );
    expect(result).toMatchObject({ errorType: 'Sandbox.Timedout', durationMs: 3000, billedDurationMs: 3000 });
    expect(result.log).toBe(
      'INIT_REPORT Init Duration: 10000.00 ms\tPhase: init\tStatus: timeout\n' +
        'START RequestId: req-1 Version: $LATEST\n' +
        'retry output\n' +
        '2026-03-01T10:00:00.250Z req-1 Task timed out after 3.00 seconds\n' +
        'INIT_REPORT Init Duration: 3000.00 ms\tPhase: invoke\tStatus: timeout\n' +
        'END RequestId: req-1\n' +
        'REPORT RequestId: req-1\tDuration: 3000.00 ms\tBilled Duration: 3000 ms\tMemory Size: 128 MB\tMax Memory Used: 70 MB\tStatus: timeout\n',
    );
  });

  it('reports an init that ran out of memory as Runtime.OutOfMemory at the full size, with Error Type in its INIT_REPORT', () => {
    const exit = { errorType: 'Runtime.OutOfMemory' as const, reason: 'Runtime exited with error: signal: killed' };
    const { result } = invocationOutcome(
      facts({ happened: { kind: 'initFailed', phase: 'invoke', failure: { kind: 'died', exit } }, elapsedMs: 200 }),
    );
    expect(result).toMatchObject({ errorType: 'Runtime.OutOfMemory', maxMemoryUsedMb: 128 });
    expect(result.log).toContain(
      'INIT_REPORT Init Duration: 200.00 ms\tPhase: invoke\tStatus: error\tError Type: Runtime.OutOfMemory\n',
    );
  });
});
