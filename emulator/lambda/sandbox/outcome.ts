// The outcome of one invocation, decided in one pure function: given what happened in the environment (the handler
// returned or threw, the runtime crashed, the invocation timed out, the process died or ran out of memory, the init
// failed) and what was measured, it returns the response, the figures and the log Lambda would give.
// The pool (pool.ts) does the I/O: it kills and reaps what must die, reads the peak memory and the output, then asks.
import {
  type LambdaError,
  type PlatformStatus,
  billedDurationMs,
  formatInitReport,
  formatRuntimeError,
  formatRuntimeExit,
  formatTimeoutNotice,
  roundTo2,
  timeoutMessage,
} from '../logformat.js';
import type { HandlerTimings } from './environment.js';
import { composeInvocationLog } from './invocation-log.js';
import { architectureAdjustedMs, modeledDurationMs } from './scheduler.js';
import type { FunctionRuntimeSpec, InvokeResult } from './spec.js';

/**
 * Synchronous invocation response limit: 100 bytes more than the request's 6 MiB. Lambda answers a bigger response
 * with "Response payload size exceeded maximum allowed payload size (6291556 bytes)." (zaccharles, "Deep Dive:
 * Lambda's Request Payload Size Limit": "Lambda's payload size limit is 100 bytes more for responses than requests").
 */
export const MAX_RESPONSE_BYTES = 6 * 1024 * 1024 + 100;

export interface ExitClassification {
  errorType: 'Runtime.OutOfMemory' | 'Runtime.ExitError';
  /** As Lambda words it after "RequestId: <id> Error: ". */
  reason: string;
}

const SIGNAL_WORDS: Partial<Record<NodeJS.Signals, string>> = {
  SIGKILL: 'killed',
  SIGABRT: 'aborted',
  SIGSEGV: 'segmentation fault',
  SIGTERM: 'terminated',
  SIGBUS: 'bus error',
  SIGILL: 'illegal instruction',
};

/** Why an environment's process died: out of memory (kernel OOM kill, V8 heap limit, RSS watchdog) or otherwise. */
export function classifyExit(exit: {
  code: number | null;
  signal: NodeJS.Signals | null;
  oomKills: number;
  watchdogOom: boolean;
  stderrTail: string;
}): ExitClassification {
  const how =
    exit.signal !== null
      ? `signal: ${SIGNAL_WORDS[exit.signal] ?? exit.signal.toLowerCase()}`
      : exit.code === 0
        ? undefined
        : `exit status ${exit.code ?? 'unknown'}`;
  const reason = how === undefined ? 'Runtime exited without providing a reason' : `Runtime exited with error: ${how}`;
  const heapOom = /heap out of memory|Reached heap limit|Fatal process out of memory/i.test(exit.stderrTail);
  const oom = exit.watchdogOom || (exit.signal === 'SIGKILL' && exit.oomKills > 0) || heapOom;
  return { errorType: oom ? 'Runtime.OutOfMemory' : 'Runtime.ExitError', reason };
}

/** How an init that was not ready ended: the handler module threw, the time ran out, or the process died. */
export type InitFailure =
  { kind: 'initError'; error: LambdaError } | { kind: 'timedOut' } | { kind: 'died'; exit: ExitClassification };

/** What happened to the invocation, as the pool saw it once whatever had to die was reaped. */
export type Happened =
  /** The handler returned this JSON. */
  | { kind: 'returned'; payload: string; timings: HandlerTimings }
  /** The handler threw or rejected. */
  | { kind: 'threw'; error: LambdaError; timings: HandlerTimings }
  /** The runtime reported an uncaught exception or unhandled rejection, then exited. */
  | { kind: 'crashed'; error: LambdaError }
  | { kind: 'timedOut' }
  /** The process died (or was killed for its memory after it answered: then its timings are known). */
  | { kind: 'died'; exit: ExitClassification; timings?: HandlerTimings }
  /** The environment never got ready: phase 'init' is Lambda's init phase, 'invoke' an init retried in the invocation. */
  | { kind: 'initFailed'; phase: 'init' | 'invoke'; failure: InitFailure };

export interface InvocationFacts {
  requestId: string;
  spec: Pick<FunctionRuntimeSpec, 'version' | 'memoryMb' | 'timeoutSec' | 'logFormat' | 'snapStart' | 'cpuSpeed'>;
  happened: Happened;
  /** How CPU was limited: cgroup quotas (durations are wall time) or the CPU-time model on `cores`. */
  cpu: { mode: 'cgroup' | 'model'; cores: number };
  /** Wall time the pool saw: from sending the invocation to its end, or, for initFailed, the failed init's. */
  elapsedMs: number;
  /** The time the handler had (the function's timeout less a retried init's). */
  handlerTimeoutMs: number;
  /** A cold start's init: Init Duration, or Restore Duration for a SnapStart version. */
  coldInitMs?: number;
  /** An init Lambda retried inside this invocation: its time counts in Duration and no Init Duration is reported. */
  reinitMs?: number;
  /** The environment's peak memory over its life, as measured. */
  peakMemoryBytes: number;
  /** Output before START (init output, or a timed-out init's INIT_REPORT) and after it (retried init, handler). */
  log: { beforeStart: string; output: string };
  startedAt: Date;
  endedAt: Date;
}

export interface InvocationOutcome {
  result: InvokeResult;
  /** The environment cannot serve another invocation (timed out, died, crashed, never ready). */
  discard: boolean;
}

const errorBody = (error: LambdaError): Buffer => Buffer.from(JSON.stringify(error));
const platformError = (errorType: string, requestId: string, reason: string): LambdaError => ({
  errorType,
  errorMessage: `RequestId: ${requestId} Error: ${reason}`,
});

/** What the outcome says: the response, the platform's statuses and lines. */
interface Verdict {
  error?: LambdaError;
  body: Buffer;
  /** REPORT's status (the platform's view: a handler that threw is still 'success'). */
  status: PlatformStatus;
  /** END's status (JSON platform.runtimeDone): 'failure' when the handler failed. */
  runtimeStatus: PlatformStatus | 'failure';
  /** The Error Type REPORT names (with status 'error'). */
  reportErrorType?: string;
  platformLines: string[];
  outOfMemory: boolean;
  discard: boolean;
}

/** The invocation's outcome and its log, from what happened. Pure: no clock, no process, no file. */
export function invocationOutcome(facts: InvocationFacts): InvocationOutcome {
  return facts.happened.kind === 'initFailed'
    ? initFailedOutcome(facts, facts.happened)
    : ranOutcome(facts, facts.happened);
}

/** What happened when the handler ran (or was meant to). */
type Ran = Exclude<Happened, { kind: 'initFailed' }>;
type FailedVerdict = Verdict & { error: LambdaError };

function verdictOf(facts: InvocationFacts, happened: Ran): Verdict {
  const { requestId, endedAt } = facts;
  const format = facts.spec.logFormat;
  switch (happened.kind) {
    case 'returned': {
      const body = Buffer.from(happened.payload);
      if (body.length <= MAX_RESPONSE_BYTES) {
        return {
          body,
          status: 'success',
          runtimeStatus: 'success',
          platformLines: [],
          outOfMemory: false,
          discard: false,
        };
      }
      const error = {
        errorType: 'Function.ResponseSizeTooLarge',
        errorMessage: `Response payload size exceeded maximum allowed payload size (${MAX_RESPONSE_BYTES} bytes).`,
      };
      return {
        error,
        body: errorBody(error),
        status: 'success',
        runtimeStatus: 'failure',
        platformLines: [],
        outOfMemory: false,
        discard: false,
      };
    }
    case 'threw':
      return {
        error: happened.error,
        body: errorBody(happened.error),
        status: 'success',
        runtimeStatus: 'failure',
        platformLines: [formatRuntimeError(format, endedAt, requestId, 'Invoke Error', happened.error)],
        outOfMemory: false,
        discard: false,
      };
    case 'crashed':
      // The runtime's own error line is already in the output; the response is that error.
      return {
        error: happened.error,
        body: errorBody(happened.error),
        status: 'error',
        runtimeStatus: 'error',
        reportErrorType: 'Runtime.ExitError',
        platformLines: [],
        outOfMemory: false,
        discard: true,
      };
    case 'timedOut':
      return timedOutVerdict(facts);
    case 'died':
      return diedVerdict(facts, happened.exit);
  }
}

function timedOutVerdict(facts: InvocationFacts): FailedVerdict {
  const { requestId, spec } = facts;
  const error = platformError('Sandbox.Timedout', requestId, timeoutMessage(spec.timeoutSec));
  return {
    error,
    body: errorBody(error),
    status: 'timeout',
    runtimeStatus: 'timeout',
    platformLines: [formatTimeoutNotice(spec.logFormat, facts.endedAt, requestId, spec.timeoutSec)],
    outOfMemory: false,
    discard: true,
  };
}

function diedVerdict(facts: InvocationFacts, exit: ExitClassification): FailedVerdict {
  const error = platformError(exit.errorType, facts.requestId, exit.reason);
  return {
    error,
    body: errorBody(error),
    status: 'error',
    runtimeStatus: 'error',
    reportErrorType: exit.errorType,
    platformLines: [formatRuntimeExit(facts.spec.logFormat, facts.requestId, exit.reason, exit.errorType)],
    outOfMemory: exit.errorType === 'Runtime.OutOfMemory',
    discard: true,
  };
}

/** Max Memory Used: the peak of the environment's whole life, as Lambda reports it; the full size when it ran out. */
function maxMemoryUsedMb(memoryMb: number, peakMemoryBytes: number, outOfMemory: boolean): number {
  if (outOfMemory) return memoryMb;
  return Math.min(memoryMb, Math.max(1, Math.round(peakMemoryBytes / (1024 * 1024))));
}

/** The handler ran (or was meant to): Duration from its own timings, the time it had, or what the pool saw. */
function ranOutcome(facts: InvocationFacts, happened: Ran): InvocationOutcome {
  const { spec, cpu } = facts;
  const timings =
    happened.kind === 'returned' || happened.kind === 'threw' || happened.kind === 'died'
      ? happened.timings
      : undefined;
  const quotaMs = timings
    ? cpu.mode === 'cgroup'
      ? timings.wallMs
      : modeledDurationMs(timings.wallMs, timings.cpuMs, spec.memoryMb, cpu.cores, timings.runQueueWaitMs)
    : undefined;
  // The architecture's declared speed (spec.cpuSpeed) on the handler's CPU work; a timeout stays the time it had.
  const measuredMs = timings
    ? architectureAdjustedMs(
        quotaMs ?? timings.wallMs,
        timings.wallMs,
        timings.cpuMs,
        spec.memoryMb,
        cpu.cores,
        spec.cpuSpeed ?? 1,
      )
    : happened.kind === 'timedOut'
      ? facts.handlerTimeoutMs
      : facts.elapsedMs;
  // A retried init spent the invocation's own time: Duration includes it.
  const durationMs = roundTo2(measuredMs + (facts.reinitMs ?? 0));
  const verdict = verdictOf(facts, happened);
  const coldMs = facts.coldInitMs === undefined ? undefined : roundTo2(facts.coldInitMs);
  // A SnapStart version reports its cold start as a restore; Billed Duration includes Billed Restore Duration
  // (real REPORT: 306.34 ms + 303 ms billed restore → 610 ms). The emulator bills the restore rounded up.
  const restoreMs = spec.snapStart ? coldMs : undefined;
  const initMs = spec.snapStart ? undefined : coldMs;
  const billedRestoreMs = restoreMs === undefined ? undefined : Math.max(1, Math.ceil(restoreMs));
  const billed = billedDurationMs(durationMs, initMs) + (billedRestoreMs ?? 0);
  const memoryUsedMb = maxMemoryUsedMb(spec.memoryMb, facts.peakMemoryBytes, verdict.outOfMemory);
  const log = composeInvocationLog({
    format: spec.logFormat,
    requestId: facts.requestId,
    version: spec.version,
    startedAt: facts.startedAt,
    endedAt: facts.endedAt,
    beforeStart: facts.log.beforeStart,
    ...(restoreMs === undefined ? {} : { restoreDurationMs: restoreMs }),
    output: facts.log.output,
    platformLines: verdict.platformLines,
    end: {
      status: verdict.runtimeStatus,
      errorType: verdict.error?.errorType,
      durationMs,
      producedBytes: verdict.body.length,
    },
    report: {
      durationMs,
      billedDurationMs: billed,
      memorySizeMb: spec.memoryMb,
      maxMemoryUsedMb: memoryUsedMb,
      initDurationMs: initMs,
      restoreDurationMs: restoreMs,
      billedRestoreDurationMs: billedRestoreMs,
      status: verdict.status,
      errorType: verdict.reportErrorType,
    },
  });
  const result: InvokeResult = {
    payload: verdict.body,
    log,
    durationMs,
    billedDurationMs: billed,
    maxMemoryUsedMb: memoryUsedMb,
    executedVersion: spec.version,
  };
  if (initMs !== undefined) result.initDurationMs = initMs;
  if (restoreMs !== undefined) result.restoreDurationMs = restoreMs;
  if (billedRestoreMs !== undefined) result.billedRestoreDurationMs = billedRestoreMs;
  if (verdict.error) {
    result.functionError = 'Unhandled';
    result.errorType = verdict.error.errorType;
  }
  return { result, discard: verdict.discard };
}

/**
 * Init failed: Lambda answers the invocation with the init's error and drops the environment. Duration is the init's;
 * no Init Duration is reported. An init retried inside the invocation (phase 'invoke') also writes its INIT_REPORT.
 */
function initFailedOutcome(
  facts: InvocationFacts,
  happened: Extract<Happened, { kind: 'initFailed' }>,
): InvocationOutcome {
  const { spec, requestId, endedAt } = facts;
  const format = spec.logFormat;
  const { failure } = happened;
  const verdict: FailedVerdict =
    failure.kind === 'initError'
      ? {
          error: failure.error,
          body: errorBody(failure.error),
          status: 'error',
          runtimeStatus: 'error',
          platformLines: [],
          outOfMemory: false,
          discard: true,
        }
      : failure.kind === 'timedOut'
        ? // Only an init retried inside an invocation times out here: it used up the function's timeout.
          timedOutVerdict(facts)
        : diedVerdict(facts, failure.exit);
  // END and REPORT name the init's own error type (a timeout's included: JSON's runtimeDone carries it).
  const reportErrorType = verdict.error.errorType;
  const status = verdict.status;
  const platformLines = [...verdict.platformLines];
  if (happened.phase === 'invoke') {
    const errorType = status === 'timeout' ? undefined : reportErrorType;
    platformLines.push(
      formatInitReport(format, endedAt, {
        durationMs: facts.elapsedMs,
        phase: 'invoke',
        status,
        ...(errorType ? { errorType } : {}),
      }),
    );
  }
  const durationMs = roundTo2(facts.elapsedMs);
  const billed = billedDurationMs(durationMs);
  const memoryUsedMb = maxMemoryUsedMb(spec.memoryMb, facts.peakMemoryBytes, reportErrorType === 'Runtime.OutOfMemory');
  const log = composeInvocationLog({
    format,
    requestId,
    version: spec.version,
    startedAt: facts.startedAt,
    endedAt,
    beforeStart: facts.log.beforeStart,
    output: facts.log.output,
    platformLines,
    end: { status, errorType: reportErrorType, durationMs, producedBytes: 0 },
    report: {
      durationMs,
      billedDurationMs: billed,
      memorySizeMb: spec.memoryMb,
      maxMemoryUsedMb: memoryUsedMb,
      status,
      errorType: reportErrorType,
    },
  });
  return {
    result: {
      payload: verdict.body,
      functionError: 'Unhandled',
      errorType: verdict.error.errorType,
      log,
      durationMs,
      billedDurationMs: billed,
      maxMemoryUsedMb: memoryUsedMb,
      executedVersion: spec.version,
    },
    discard: true,
  };
}
