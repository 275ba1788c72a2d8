// One tuning run's state: what every stage of tuner.ts reads and adds to (the functions opened, their snapshots,
// prices and plans, what was prepared and measured), the run's deadlines, and its two errors. Opening the run —
// reading every function before any is changed — is here too, since it is what creates the state.

import { randomBytes } from 'node:crypto';
import type { LambdaClient } from '@aws-sdk/client-lambda';
import type { LimitFunction } from 'p-limit';
import type { PowerValueResult, Prices, RunResult, TuningSettings } from '../types.js';
import { controlPlaneLimiter, type RateLimiter } from './limiter.js';
import { splitWeightedPayloads } from './plan.js';
import { realSleep, systemClock, type Clock, type EngineLogger, type Sleep } from '../lib/ports.js';
import { pricesFor } from './pricing.js';
import { LambdaTarget, type FunctionSnapshot, type PreparedVersion } from './target.js';

export interface TunerDeps {
  client: LambdaClient;
  logger: EngineLogger;
  clock?: Clock;
  sleep?: Sleep;
  random?: () => number;
  /** Unique per run (alias names, version descriptions); random when unset. */
  runId?: string;
  /** Poll interval of the SDK waiter in seconds; the emulator and tests use a short one. */
  waiterMinDelaySec?: number;
  /** Poll interval while a published version is Pending (default 5 s, the API model's); tests use a short one. */
  versionWaiterMinDelaySec?: number;
  /**
   * Called for each function once its original configuration is known and before anything is changed: the action
   * saves it for its post step (main.ts); the CLI ignores it.
   */
  onSnapshot?: (snapshot: FunctionSnapshot, run: { runId: string; deadlineMs: number }) => void;
  /**
   * Paces every control-plane call of the run (every function, both sides of the live gate, the gate's environment
   * blocks, clean-up) under Lambda's account-wide quota. Default: one at 10 requests per second (limiter.ts).
   */
  controlPlaneLimiter?: RateLimiter;
  /**
   * The bound on invocations in flight, when several runs share one (an app's functions tuned side by side share the
   * step's `concurrency`). Default: the run's own, of its settings' concurrency.
   */
  invocationLimit?: LimitFunction;
  /** Clean-up's time after the run's signal aborts, counted from the abort. Default CLEANUP_BUDGET_MS. */
  cleanupBudgetMs?: number;
}

/** One function measured in a run. The first subject is the primary: the one judged, and the one auto-optimize (apply.ts) applies to. */
export interface TuningSubject {
  settings: TuningSettings;
  /** Defaults to deps.client (another region needs another client). */
  client?: LambdaClient;
  /** How logs name this function when there are several, e.g. "baseline". */
  label?: string;
  /**
   * The other architecture's deployment (architectures x86_64,arm64): opening the run refuses it, before anything
   * is changed, when it has the first function's architecture. `input` names where it came from (compare-function).
   */
  otherArchitectureOf?: { input: string };
  /**
   * Plan only this function's own configured memory (when it is among the power values), not every power value:
   * the live gate's baseline, which needs only the memory sizes the gate compares; the gate's rounds add the others
   * it needs (rounds/environment-blocks.ts measures a memory size a function has no entry at yet).
   */
  planOnlyConfigured?: boolean;
}

/**
 * After timeout-minutes a run stops itself and then cleans up; only past this grace on top is it surely over, and
 * may a later run remove what it left (recovery.ts).
 */
export const CLEANUP_GRACE_MS = 10 * 60_000;

/** When a run started at startedAtMs is over for everyone else: written into its markers and state alias. */
export function runDeadlineMs(startedAtMs: number, timeoutMinutes: number): number {
  return startedAtMs + timeoutMinutes * 60_000 + CLEANUP_GRACE_MS;
}

export function newRunId(): string {
  return randomBytes(4).toString('hex');
}

/** Every power value failed, the function could not be restored, or clean-up left something behind. */
export class TuningFailedError extends Error {
  override name = 'TuningFailedError';
  constructor(
    message: string,
    readonly result?: RunResult,
  ) {
    super(message);
  }
}

export class TuningCancelledError extends Error {
  override name = 'TuningCancelledError';
}

export interface PowerValuePlan {
  memoryMb: number;
  /** payload index per invocation, in order */
  payloadIndexes: number[];
}

export function planRun(settings: TuningSettings): PowerValuePlan[] {
  const payloadIndexes = splitWeightedPayloads(settings.payloads, settings.invocationsPerValue);
  return settings.powerValuesMb.map((memoryMb) => ({ memoryMb, payloadIndexes }));
}

/** One function of the run, from its snapshot on. */
export interface SubjectState {
  subject: TuningSubject;
  settings: TuningSettings;
  target: LambdaTarget;
  snapshot: FunctionSnapshot;
  prices: Prices;
  plans: PowerValuePlan[];
  logger: EngineLogger;
  /** Every version this run prepared on the function: what clean-up deletes. */
  prepared: PreparedVersion[];
  /** The planned power values being measured, in plan order. */
  running: Promise<PowerValueResult>[];
  /** The state alias exists (recordRun). */
  recorded?: boolean;
}

/** The run as every stage sees it. `measured` holds one list per function, in subject order; rounds add to it. */
export interface RunState {
  runId: string;
  startedAt: string;
  /** The primary function's settings: the plan, the timeout and the sampling every function shares. */
  settings: TuningSettings;
  states: SubjectState[];
  measured: PowerValueResult[][];
  logger: EngineLogger;
  clock: Clock;
  sleep: Sleep;
  signal: AbortSignal | undefined;
  /** The run's bound on invocations in flight (concurrency). */
  limit: LimitFunction;
}

/** The collaborators of a run and its deadlines, known before any function is read. */
export interface RunClock {
  runId: string;
  startedAt: string;
  clock: Clock;
  sleep: Sleep;
  /** This run's end for everyone else (runDeadlineMs): in every marker. */
  deadlineMs: number;
  /** What is left of timeout-minutes: bounds waits for versions to become Active. */
  timeLeftMs: () => number;
  now: () => number;
  limiter: RateLimiter;
}

/** A new run's clock; or, with `resume`, the clock of a run that already started (auto-optimize after it). */
export function startRun(
  settings: TuningSettings,
  deps: TunerDeps,
  resume?: { runId?: string; startedAt: string },
): RunClock {
  const clock = deps.clock ?? systemClock;
  const runId = resume?.runId ?? deps.runId ?? newRunId();
  const startedAt = resume?.startedAt ?? clock.now().toISOString();
  const startedAtMs = Date.parse(startedAt);
  return {
    runId,
    startedAt,
    clock,
    sleep: deps.sleep ?? realSleep,
    deadlineMs: runDeadlineMs(startedAtMs, settings.timeoutMinutes),
    // The signal stops the run at timeout-minutes; this bounds the waits inside it.
    timeLeftMs: () => startedAtMs + settings.timeoutMinutes * 60_000 - clock.now().getTime(),
    now: () => clock.now().getTime(),
    // One pace for every control-plane call of this run, whichever function or side of the gate makes it.
    limiter: deps.controlPlaneLimiter ?? controlPlaneLimiter(realSleep),
  };
}

/** A LambdaTarget for one function of the run; `owner` is the run id its markers carry (recovery uses others). */
export function targetFor(
  client: LambdaClient,
  settings: TuningSettings,
  owner: string,
  run: RunClock,
  deps: TunerDeps,
  logger: EngineLogger,
): LambdaTarget {
  return new LambdaTarget(client, settings.functionName, settings.region, {
    logger,
    sleep: run.sleep,
    runId: owner,
    random: deps.random,
    waiterMinDelaySec: deps.waiterMinDelaySec,
    timeLeftMs: run.timeLeftMs,
    ...(deps.versionWaiterMinDelaySec !== undefined ? { versionWaiterMinDelaySec: deps.versionWaiterMinDelaySec } : {}),
    deadlineMs: run.deadlineMs,
    now: run.now,
    limiter: run.limiter,
  });
}

/** A function's state once its snapshot is taken: its prices (warned about when a fallback) and its plan. */
export function subjectState(
  subject: TuningSubject,
  target: LambdaTarget,
  snapshot: FunctionSnapshot,
  logger: EngineLogger,
): SubjectState {
  const prices = pricesFor(subject.settings.region, snapshot.identity.architecture);
  if (prices.fallback) {
    logger.warning(
      `No Lambda prices known for region ${subject.settings.region}; using ${prices.region} prices (see docs/pricing.md)`,
    );
  }
  return {
    subject,
    settings: subject.settings,
    target,
    snapshot,
    prices,
    plans: subject.planOnlyConfigured
      ? planRun(subject.settings).filter((plan) => plan.memoryMb === snapshot.memoryMb)
      : planRun(subject.settings),
    logger,
    prepared: [],
    running: [],
  };
}

/** The primary's logger with a prefix, and without per-invocation progress (the primary reports that). */
/**
 * Each line names its function. `flatGroups`: a group is only a line, for loggers shared by runs side by side (an
 * app's functions), whose groups the runner's log could not interleave.
 */
export function labelledLogger(
  logger: EngineLogger,
  label: string,
  options: { flatGroups?: boolean } = {},
): EngineLogger {
  return {
    info: (message) => logger.info(`[${label}] ${message}`),
    warning: (message) => logger.warning(`[${label}] ${message}`),
    debug: (message) => logger.debug(`[${label}] ${message}`),
    group: options.flatGroups
      ? (name, fn) => {
          logger.info(`[${label}] ${name}`);
          return fn();
        }
      : (name, fn) => logger.group(`[${label}] ${name}`, fn),
    progress: () => {},
  };
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted)
    throw signal.reason instanceof Error ? signal.reason : new TuningCancelledError(reasonText(signal.reason));
}

export function reasonText(reason: unknown): string {
  if (reason instanceof Error) return reason.message;
  return reason === undefined ? 'aborted' : String(reason);
}
