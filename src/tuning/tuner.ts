// The tuning run: plan → prepare (one verified version per power value) → invoke (bounded concurrency) →
// collect → always restore and clean up. A power value that fails is reported and skipped; only a run where every
// power value fails is a failed run, and it fails loudly.
//
// tuneTogether runs the same plan on several functions at once (the gate's live A/B: the PR's function and the
// baseline function). At each memory size both are prepared first, then their invocations take turns through a
// Turnstile (PR, base, base, PR, PR, base, …), so both see the same time window and any drift of the machine or
// the service hits both alike. tune() is tuneTogether with one function, where the turnstile is never used.

import { randomBytes } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import type { LambdaClient } from '@aws-sdk/client-lambda';
import pLimit from 'p-limit';
import { visualizationUrl } from '../results/visualization.js';
import {
  RESULTS_SCHEMA_VERSION,
  type PowerValueResult,
  type Prices,
  type RunResult,
  type Sample,
  type GateSamplingSummary,
  type SamplingSummary,
  type TuningSettings,
} from '../types.js';
import { adaptivePolicy, describeSampling, interleavePayloads, planNextRound } from './adaptive.js';
import { controlPlaneLimiter, type RateLimiter } from './limiter.js';
import { recommend } from './analyze.js';
import { parseReport } from './logs.js';
import { splitWeightedPayloads } from './plan.js';
import { realSleep, systemClock, type Clock, type EngineLogger, type Sleep } from '../lib/ports.js';
import { costPerInvocationUsd, pricesFor } from './pricing.js';
import { errorName } from '../lib/retry.js';
import { measuredSamples, successfulSamples } from './samples.js';
import { durationStats, trimmedMean } from './stats.js';
import { recoverAbandonedRuns } from './recovery.js';
import { messageOf } from '../lib/errors.js';
import { LambdaTarget, type CleanupReport, type FunctionSnapshot, type InvokeOutcome, type PreparedVersion } from './target.js';
import { TOOL_VERSION } from '../lib/version.js';
import { inertText, MAX_RAW_ERROR_TYPE_CHARS, MAX_SHOWN_CHARS, truncateText } from '../lib/untrusted.js';

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
  /** Clean-up's time after the run's signal aborts, counted from the abort. Default CLEANUP_BUDGET_MS. */
  cleanupBudgetMs?: number;
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

/**
 * How long clean-up may take after a cancel signal. GitHub cancels a job with SIGINT, then SIGTERM 7.5 s later,
 * then kills the process tree 2.5 s after that (actions/runner#1309): 7 s from the first signal restores $LATEST
 * and deletes what it can, and leaves half a second to say what is left before SIGTERM (and 3 s before the kill).
 * What is left then is named in one warning, for the post step or the next run to remove.
 */
export const CLEANUP_BUDGET_MS = 7_000;

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

interface PowerValuePlan {
  memoryMb: number;
  /** payload index per invocation, in order */
  payloadIndexes: number[];
}

export function planRun(settings: TuningSettings): PowerValuePlan[] {
  const payloadIndexes = splitWeightedPayloads(settings.payloads, settings.invocationsPerValue);
  return settings.powerValuesMb.map((memoryMb) => ({ memoryMb, payloadIndexes }));
}

/**
 * More invocations after the plan, decided from the results so far: the live gate's sequential sampling
 * (gate/sequential.ts). The tuner stays ignorant of the gate; it only runs the rounds this asks for.
 */
export interface ExtraSampling {
  /**
   * Given one interim result per function, the next round: pairings of memory sizes (one per function, in
   * subject order) and how many more environment blocks each function gets there. No pairings: done, and why.
   */
  next(results: RunResult[]): ExtraRound;
  maxInvocations: number;
  /** Invocations per environment block (the first of them a cold start). */
  blockInvocations: number;
}

export interface ExtraRound {
  /** `environments`: new blocks per function, each a fresh version of that memory size invoked blockInvocations times. */
  pairings: { memoryBySubject: number[]; environments: number }[];
  /** The round's reason, or why no more is needed (settled) or possible (budget). */
  reason: string;
  settled: boolean;
}

export function newRunId(): string {
  return randomBytes(4).toString('hex');
}

export async function tune(settings: TuningSettings, deps: TunerDeps, signal?: AbortSignal): Promise<RunResult> {
  const [result] = await tuneTogether([{ settings }], deps, signal);
  if (!result) throw new Error('tuneTogether returned no result');
  return result;
}

/**
 * Lambda refused the memory size itself. New accounts "have reduced concurrency and memory quotas" (Lambda docs):
 * UpdateFunctionConfiguration answers 400 "'MemorySize' value failed to satisfy constraint: Member must have value
 * less than or equal to 3008" (ValidationException; InvalidParameterValueException in some answers). Said plainly,
 * with the fix, instead of the raw constraint text.
 */
export function memoryRefusal(error: unknown, memoryMb: number): string | undefined {
  const name = errorName(error);
  const message = (error as { message?: unknown } | null)?.message;
  if ((name !== 'ValidationException' && name !== 'InvalidParameterValueException') || typeof message !== 'string' || !/MemorySize/i.test(message)) return undefined;
  const limit = /less than or equal to (\d+)/.exec(message)?.[1];
  return (
    `Lambda refused ${memoryMb} MB${limit ? ` (this account allows at most ${limit} MB)` : ''}: new accounts have reduced memory quotas; ` +
    `use power-values up to ${limit ? `${limit} MB` : 'the allowed memory'}, or ask AWS (Service Quotas or Support) to raise the memory quota`
  );
}

/** One function measured in a run. The first subject is the primary: the one auto-optimize applies to. */
export interface TuningSubject {
  settings: TuningSettings;
  /** Defaults to deps.client (another region needs another client). */
  client?: LambdaClient;
  /** How logs name this function when there are several, e.g. "baseline". */
  label?: string;
}

interface SubjectState {
  subject: TuningSubject;
  settings: TuningSettings;
  target: LambdaTarget;
  snapshot: FunctionSnapshot;
  prices: Prices;
  plans: PowerValuePlan[];
  logger: EngineLogger;
  prepared: PreparedVersion[];
  running: Promise<PowerValueResult>[];
  /** The state alias exists (recordRun). */
  recorded?: boolean;
}

/**
 * Tunes several functions with one plan, their invocations interleaved at each memory size. Every subject must
 * have the same power values and invocations (the gate derives the baseline's settings from the PR's). Returns
 * one RunResult per subject, in order. Only the primary's failure to measure anything throws
 * TuningFailedError; a secondary subject whose every power value failed comes back as such a result.
 */
export async function tuneTogether(subjects: TuningSubject[], deps: TunerDeps, signal?: AbortSignal, extra?: ExtraSampling): Promise<RunResult[]> {
  const primary = subjects[0];
  if (!primary) throw new Error('tuneTogether needs at least one function');
  for (const other of subjects.slice(1)) {
    if (other.settings.powerValuesMb.join(',') !== primary.settings.powerValuesMb.join(',') || other.settings.invocationsPerValue !== primary.settings.invocationsPerValue) {
      throw new Error('functions tuned together need the same power values and invocations');
    }
  }
  const settings = primary.settings;
  const clock = deps.clock ?? systemClock;
  const sleep = deps.sleep ?? realSleep;
  const { logger } = deps;
  const runId = deps.runId ?? newRunId();
  const startedAt = clock.now().toISOString();
  // What is left of timeout-minutes bounds waits for versions to become Active (the signal stops the run there).
  const runTimeLeftMs = () => Date.parse(startedAt) + settings.timeoutMinutes * 60_000 - clock.now().getTime();
  const deadlineMs = runDeadlineMs(Date.parse(startedAt), settings.timeoutMinutes);
  const now = () => clock.now().getTime();
  // One pace for every control-plane call of this run, whichever function or side of the gate makes it.
  const limiter = deps.controlPlaneLimiter ?? controlPlaneLimiter(realSleep);

  // Every function is read before any is changed: a baseline function that does not exist stops the run here.
  const states: SubjectState[] = [];
  for (const [index, subject] of subjects.entries()) {
    const subjectLogger = index === 0 ? logger : labelledLogger(logger, subject.label ?? `function ${index + 1}`);
    const targetFor = (owner: string) =>
      new LambdaTarget(subject.client ?? deps.client, subject.settings.functionName, subject.settings.region, {
        logger: subjectLogger,
        sleep,
        runId: owner,
        random: deps.random,
        waiterMinDelaySec: deps.waiterMinDelaySec,
        timeLeftMs: runTimeLeftMs,
        ...(deps.versionWaiterMinDelaySec !== undefined ? { versionWaiterMinDelaySec: deps.versionWaiterMinDelaySec } : {}),
        deadlineMs,
        now,
        limiter,
      });
    const target = targetFor(runId);
    const snapshot = await target.snapshot(signal).catch((error: unknown) => {
      // Waiting for another run to put $LATEST back can outlast a cancellation: nothing was changed yet.
      if (signal?.aborted) throw new TuningCancelledError(`Tuning cancelled (${reasonText(signal.reason)}) before anything was changed`);
      throw error;
    });
    // After the snapshot (which already took $LATEST back from a killed run's marker): its aliases and versions.
    if (!settings.dryRun) await recoverLeftovers(targetFor, subject.settings, runId, now(), subjectLogger);
    deps.onSnapshot?.(snapshot, { runId, deadlineMs });
    const prices = pricesFor(subject.settings.region, snapshot.identity.architecture);
    if (prices.fallback) {
      subjectLogger.warning(`No Lambda prices known for region ${subject.settings.region}; using ${prices.region} prices (see docs/pricing.md)`);
    }
    states.push({ subject, settings: subject.settings, target, snapshot, prices, plans: planRun(subject.settings), logger: subjectLogger, prepared: [], running: [] });
  }
  for (const state of states) {
    state.logger.info(
      `Tuning ${state.snapshot.identity.name} (${state.snapshot.identity.architecture}, ${state.snapshot.memoryMb} MB now) at ` +
        `${state.settings.powerValuesMb.join(', ')} MB, ${state.settings.invocationsPerValue} invocations each, run ${runId}`,
    );
  }
  if (states.length > 1) logger.info(`Invocations of the ${states.length} functions take turns at each memory size, so they share one time window`);
  const primary0 = states[0];
  // Known before anything is measured: an alias auto-optimize must not move fails the run now, not after it.
  if (settings.autoOptimize && settings.autoOptimizeAlias && primary0) await primary0.target.aliasForAutoOptimize(primary0.snapshot.functionArn, settings.autoOptimizeAlias);

  if (settings.dryRun) {
    logger.info('Dry run: settings are valid and the function exists; nothing was changed or invoked.');
    return states.map((state) => buildResult(runId, state.settings, state.snapshot, state.prices, state.plans.map((plan) => emptyResult(plan.memoryMb)), startedAt, clock, true));
  }

  const limit = pLimit(settings.concurrency);
  const budget = cleanupBudget(signal, deps.cleanupBudgetMs ?? CLEANUP_BUDGET_MS);
  const measured: PowerValueResult[][] = states.map(() => []);
  let sampling: SamplingSummary | undefined;
  let gateSampling: GateSamplingSummary[] | undefined;
  let failure: unknown;
  let cleanUpOnly = false;
  let cleanupComplete: boolean | undefined;
  try {
    // Before the first change: what a later run needs if this process is killed (recovery.ts).
    for (const state of states) {
      try {
        await state.target.recordRun(state.snapshot);
        state.recorded = true;
      } catch (error) {
        // A safety net, not a measurement: the run goes on, and says what a kill would now leave to a person.
        state.logger.warning(
          `Could not create this run's state alias (${messageOf(error)}): if this run is killed before it restores ${state.snapshot.identity.name}, neither the post step nor the next run can put its description back`,
        );
      }
    }
    const groupName = states.length === 1 ? 'Preparing one version per memory size' : `Preparing one version per memory size of each of the ${states.length} functions`;
    await logger.group(groupName, async () => {
      for (const [planIndex, plan] of (states[0]?.plans ?? []).entries()) {
        const ready: { state: SubjectState; versions: PreparedVersion[] }[] = [];
        for (const state of states) {
          throwIfAborted(signal);
          const statePlan = state.plans[planIndex] ?? plan;
          const versions: PreparedVersion[] = [];
          try {
            const count = state.settings.onlyColdStarts ? statePlan.payloadIndexes.length : 1;
            for (let i = 0; i < count; i++) {
              const version = await state.target.prepareVersion(state.snapshot, statePlan.memoryMb, state.settings.onlyColdStarts ? i : undefined, signal);
              state.prepared.push(version);
              versions.push(version);
            }
            throwIfAborted(signal);
            state.logger.info(`${statePlan.memoryMb} MB ready: ${versions.length === 1 ? `version ${versions[0]?.version}` : `${versions.length} versions`}`);
            ready.push({ state, versions });
          } catch (error) {
            throwIfAborted(signal);
            const why = memoryRefusal(error, statePlan.memoryMb) ?? messageOf(error);
            state.logger.warning(`${statePlan.memoryMb} MB could not be prepared and is skipped: ${why}`);
            state.running.push(Promise.resolve(failedResult(statePlan.memoryMb, `could not be prepared: ${why}`)));
          }
        }
        // Start measuring this memory size now; its versions are immutable, so the next update of $LATEST cannot
        // affect them. With several functions ready, their invocations take turns.
        const turnstile = ready.length > 1 ? new Turnstile(ready.length) : undefined;
        for (const [party, { state, versions }] of ready.entries()) {
          const statePlan = state.plans[planIndex] ?? plan;
          const measuring = invokePowerValue(
            state.settings,
            state.target,
            state.snapshot,
            firstRound(statePlan, state.settings),
            versions,
            state.prices,
            limit,
            state.logger,
            sleep,
            signal,
            turnstile?.pacer(party),
          );
          // Settled below; until then a rejection (cancellation) must not count as unhandled.
          measuring.catch(() => undefined);
          state.running.push(measuring);
        }
      }
    });
    // $LATEST goes back as soon as the last version exists, not after the invocations.
    await Promise.all(states.map((state) => state.target.restore(state.snapshot, signal)));
    for (const [index, state] of states.entries()) {
      const settled = await Promise.allSettled(state.running);
      measured[index] = settled.map((outcome, planIndex) => {
        if (outcome.status === 'fulfilled') return outcome.value;
        return failedResult(state.plans[planIndex]?.memoryMb ?? 0, `invocations failed: ${messageOf(outcome.reason)}`);
      });
    }
    throwIfAborted(signal);
    if (settings.sampling === 'adaptive') sampling = await sampleUntilSettled(states, measured, limit, sleep, signal);
    if (extra) {
      const interim = () => states.map((state, index) => buildResult(runId, state.settings, state.snapshot, state.prices, measured[index] ?? [], startedAt, clock, false));
      // Extra rounds must leave a quarter of timeout-minutes for clean-up and the report: a gate that times out
      // reports nothing, which is worse than a verdict on fewer samples.
      const deadlineMs = Date.parse(startedAt) + settings.timeoutMinutes * 60_000 * 0.75;
      const timeLeftMs = () => deadlineMs - clock.now().getTime();
      gateSampling = await sampleForGate(states, measured, extra, interim, timeLeftMs, sleep, signal);
    }
  } catch (error) {
    failure = error;
  } finally {
    // Every function is restored and cleaned up, whatever happened to the others.
    let outcome: CleanupOutcome;
    try {
      outcome = await restoreAndCleanUp(states, budget, logger);
    } finally {
      budget.dispose();
    }
    cleanupComplete = outcome.complete;
    if (outcome.problem !== undefined) {
      // Never hide a clean-up failure, but never let it replace the error that caused the clean-up either.
      if (failure === undefined) {
        failure = new TuningFailedError(outcome.problem);
        cleanUpOnly = true;
      } else {
        logger.warning(outcome.problem);
      }
    }
  }
  if (failure !== undefined && cleanUpOnly && !signal?.aborted) {
    // Measured fine but could not clean up: fail loudly, and still hand over what was measured.
    const partial = states.map((state, index) => buildResult(runId, state.settings, state.snapshot, state.prices, measured[index] ?? [], startedAt, clock, false));
    throw new TuningFailedError(messageOf(failure).replace(/^TuningFailedError: /, ''), partial[0]);
  }
  if (failure !== undefined) {
    if (signal?.aborted) {
      const names = states.map((state) => state.snapshot.identity.name).join(' and ');
      if (cleanupComplete === false) {
        throw new TuningCancelledError(`Tuning cancelled (${reasonText(signal.reason)}); clean-up of ${names} is incomplete, and the warning above names what is left`);
      }
      throw new TuningCancelledError(`Tuning cancelled (${reasonText(signal.reason)}); ${names} ${states.length === 1 ? 'was' : 'were'} restored and this run's versions and aliases deleted`);
    }
    throw failure;
  }

  const results = states.map((state, index) => buildResult(runId, state.settings, state.snapshot, state.prices, measured[index] ?? [], startedAt, clock, false));
  if (sampling) for (const entry of results) entry.sampling = sampling;
  if (gateSampling) for (const [index, entry] of results.entries()) if (gateSampling[index]) entry.gateSampling = gateSampling[index];
  const result = results[0] as RunResult;
  const powerValues = result.powerValues;
  const ok = powerValues.filter((entry) => entry.status === 'ok');
  if (ok.length === 0) {
    const reasons = powerValues.map((entry) => `${entry.memoryMb} MB ${entry.failureReason ?? 'failed'}`).join('; ');
    throw new TuningFailedError(`Every memory size failed: ${reasons}`, result);
  }
  const primaryState = states[0] as SubjectState;
  if (settings.autoOptimize && result.recommendation) {
    try {
      result.applied = await applyRecommendation(settings, primaryState.target, primaryState.snapshot, result.recommendation.memoryMb, logger, signal);
    } catch (error) {
      // The measurements stand; only applying them failed.
      throw new TuningFailedError(`Auto-optimize could not apply ${result.recommendation.memoryMb} MB: ${messageOf(error)}`, result);
    }
  }
  return results;
}

/** Paces one function's invocations at one memory size against the other functions'. */
export interface Pacer {
  /** Resolves when it is this function's turn. */
  acquire(): Promise<void>;
  /** Hands the turn to the next function. */
  release(): void;
  /** This function is done (or stopped early): the others no longer wait for it. */
  leave(): void;
}

/**
 * Turns between parties in a counterbalanced order: forward, then backward, then forward (ABBA for two: 0, 1, 1,
 * 0, 0, 1, …), so neither function always goes first — a fixed order would give one of them a consistent edge
 * (caches, the moment in the host's or service's cycle), which many samples turn into a false "significant" change.
 * A party that leaves is skipped from then on, so one function stopping early (a failed power value) never stalls
 * the other.
 */
export class Turnstile {
  private readonly active: number[];
  private position = 0;
  private direction: 1 | -1 = 1;
  private readonly waiting = new Map<number, () => void>();

  /** `fromLast`: the last party goes first (B A A B …), so alternating blocks cancel any edge of going first. */
  constructor(parties: number, fromLast = false) {
    this.active = Array.from({ length: parties }, (_, index) => index);
    if (fromLast && parties > 1) {
      this.position = parties - 1;
      this.direction = -1;
    }
  }

  pacer(party: number): Pacer {
    return { acquire: () => this.acquire(party), release: () => this.release(party), leave: () => this.leave(party) };
  }

  private current(): number | undefined {
    return this.active[this.position];
  }

  private acquire(party: number): Promise<void> {
    if (this.current() === party || !this.active.includes(party)) return Promise.resolve();
    return new Promise((resolve) => this.waiting.set(party, resolve));
  }

  private release(party: number): void {
    if (this.current() !== party) return;
    const next = this.position + this.direction;
    if (next < 0 || next >= this.active.length) {
      // At either end the direction turns and the same party goes again: A B | B A | A B …
      this.direction = this.direction === 1 ? -1 : 1;
    } else {
      this.position = next;
    }
    this.wake();
  }

  private leave(party: number): void {
    const index = this.active.indexOf(party);
    if (index < 0) return;
    this.active.splice(index, 1);
    if (index < this.position) this.position--;
    this.position = Math.min(this.position, Math.max(0, this.active.length - 1));
    this.wake();
  }

  private wake(): void {
    const party = this.current();
    if (party === undefined) return;
    const resolve = this.waiting.get(party);
    if (resolve) {
      this.waiting.delete(party);
      resolve();
    }
  }
}

/**
 * Removes what killed runs left on the function before this run starts (recovery.ts). A failure here (say, a
 * policy without lambda:ListAliases) never stops the run: it says what it could not check.
 */
async function recoverLeftovers(
  targetFor: (runId: string) => LambdaTarget,
  settings: TuningSettings,
  runId: string,
  nowMs: number,
  logger: EngineLogger,
): Promise<void> {
  try {
    await recoverAbandonedRuns(targetFor, settings.functionName, settings.functionName, settings.region, runId, nowMs, logger);
  } catch (error) {
    logger.warning(
      `Could not look for what killed runs left on ${settings.functionName} (${messageOf(error)}); the policy needs lambda:ListAliases and lambda:ListVersionsByFunction (docs/SECURITY.md)`,
    );
  }
}

/** The primary's logger with a prefix, and without per-invocation progress (the primary reports that). */
function labelledLogger(logger: EngineLogger, label: string): EngineLogger {
  return {
    info: (message) => logger.info(`[${label}] ${message}`),
    warning: (message) => logger.warning(`[${label}] ${message}`),
    debug: (message) => logger.debug(`[${label}] ${message}`),
    group: (name, fn) => logger.group(`[${label}] ${name}`, fn),
    progress: () => {},
  };
}

/** Clean-up's signal: none until the run's signal aborts, then one that ends budgetMs after that first abort. */
interface CleanupBudget {
  signal: AbortSignal;
  budgetMs: number;
  /** The run's signal has aborted: the budget is counting. */
  readonly armed: boolean;
  dispose(): void;
}

function cleanupBudget(runSignal: AbortSignal | undefined, budgetMs: number): CleanupBudget {
  const controller = new AbortController();
  // Every delete in flight listens to it (the request, its backoff, its turn at the limiter): dozens, not a leak.
  setMaxListeners(0, controller.signal);
  let timer: NodeJS.Timeout | undefined;
  let armed = false;
  // Real time, not the injected sleep: the runner's kill comes on the wall clock.
  const arm = () => {
    armed = true;
    timer = setTimeout(() => controller.abort(new CleanupBudgetError(`clean-up's ${budgetMs / 1000} s after the cancel signal ran out`)), budgetMs);
  };
  if (runSignal?.aborted) arm();
  else runSignal?.addEventListener('abort', arm, { once: true });
  return {
    signal: controller.signal,
    budgetMs,
    get armed() {
      return armed;
    },
    dispose: () => {
      clearTimeout(timer);
      runSignal?.removeEventListener('abort', arm);
    },
  };
}

export class CleanupBudgetError extends Error {
  override name = 'CleanupBudgetError';
}

interface CleanupOutcome {
  /** Everything restored and deleted. */
  complete: boolean;
  /** Problems that are not the budget running out, in one sentence per function. */
  problem?: string;
}

/**
 * Restores every function's $LATEST first (the one thing a user would notice) and, beside it, deletes every
 * function's aliases and versions, then checks $LATEST against the snapshot. The restores take the limiter's first
 * turns (it is first come, first served); the deletes do not wait for them because a slow control plane answers in
 * about a second a call, and restore then delete one after the other would not fit the runner's cancel window.
 * After a cancel signal it all runs on the clean-up budget; what the budget cuts short is named in ONE warning, for
 * the post step or the next run.
 */
async function restoreAndCleanUp(states: SubjectState[], budget: CleanupBudget, logger: EngineLogger): Promise<CleanupOutcome> {
  const signal = budget.signal;
  const problems = states.map((): string[] => []);
  const restoring = Promise.all(
    states.map((state, index) =>
      state.target.restore(state.snapshot, signal).then(
        () => true,
        (error: unknown) => {
          if (!signal.aborted) problems[index]?.push(`restoring $LATEST: ${messageOf(error)}`);
          return false;
        },
      ),
    ),
  );
  const cleaning = Promise.all(states.map((state) => state.target.cleanup(state.snapshot.functionArn, state.prepared, signal)));
  const restored = await restoring;
  const reports = await cleaning;
  const checked = await Promise.all(
    states.map(async (state, index) => {
      if (signal.aborted) return restored[index] ?? false;
      // After a cancel signal, a restore that succeeded has read or set $LATEST itself: the budget goes to deletes.
      if (budget.armed && restored[index]) return true;
      try {
        const differences = await state.target.differencesFrom(state.snapshot, signal);
        if (differences.length === 0) return true;
        await state.target.restore(state.snapshot, signal);
        const after = await state.target.differencesFrom(state.snapshot, signal);
        if (after.length > 0 && !signal.aborted) problems[index]?.push(`$LATEST differs from how it was found: ${after.join('; ')}`);
        return after.length === 0;
      } catch (error) {
        if (!signal.aborted) problems[index]?.push(`checking $LATEST: ${messageOf(error)}`);
        return false;
      }
    }),
  );
  const left: string[] = [];
  for (const [index, state] of states.entries()) {
    const report = reports[index] as CleanupReport;
    problems[index]?.push(...report.problems);
    const { aliases, versions } = report.remaining;
    const name = state.snapshot.identity.name;
    // The run's state alias (recovery data for a later run, recovery.ts) goes last, and only when everything else is
    // done: whatever remains needs it.
    const kept = state.recorded ? state.target.stateAliasOf(state.snapshot) : undefined;
    const done = checked[index] && aliases.length === 0 && versions.length === 0 && (problems[index] ?? []).length === 0;
    let stateAliasKept = kept !== undefined;
    if (kept !== undefined && done && !signal.aborted) {
      try {
        // On the clean-up budget like every other call here: after a cancel, the runner's window is the limit.
        await state.target.forgetRun(state.snapshot, signal);
        stateAliasKept = false;
      } catch (error) {
        if (!signal.aborted) problems[index]?.push(`deleting the run's state alias ${kept}: ${messageOf(error)}`);
      }
    }
    if (stateAliasKept && kept !== undefined && (problems[index] ?? []).length > 0) {
      problems[index]?.push(`kept alias ${kept} (the original configuration) so that the post step or the next run can finish the clean-up`);
    }
    if (signal.aborted && (!checked[index] || aliases.length > 0 || versions.length > 0 || stateAliasKept)) {
      const parts = [
        ...(checked[index] ? [] : [`$LATEST not confirmed back at ${state.snapshot.memoryMb} MB and "${state.snapshot.description}"`]),
        ...(aliases.length > 0 ? [`aliases ${aliases.join(', ')}`] : []),
        ...(versions.length > 0 ? [`versions ${versions.join(', ')}`] : []),
        ...(stateAliasKept && kept !== undefined ? [`alias ${kept} (the original configuration, for whoever finishes)`] : []),
      ];
      left.push(`on ${name}: ${parts.join('; ')}`);
    }
    state.logger.info(
      `Clean-up: $LATEST ${checked[index] ? `restored to ${state.snapshot.memoryMb} MB` : 'not confirmed restored'}; deleted ${report.deletedAliases.length} aliases and ${report.deletedVersions.length} versions`,
    );
  }
  if (left.length > 0) {
    logger.warning(
      `Clean-up stopped when its ${budget.budgetMs / 1000} s after the cancel signal ran out (the runner kills the job 10 s after it). ` +
        `Left ${left.join('; and ')}. The post step removes them, or else the next run on ${states.length === 1 ? 'this function' : 'these functions'} does.`,
    );
  }
  const problem = states
    .map((state, index) => ((problems[index] ?? []).length > 0 ? `Clean-up incomplete for ${state.snapshot.identity.name}: ${(problems[index] ?? []).join('; ')}` : ''))
    .filter((text) => text !== '')
    .join('. ');
  return { complete: left.length === 0 && problem === '', ...(problem ? { problem } : {}) };
}

async function invokePowerValue(
  settings: TuningSettings,
  target: LambdaTarget,
  snapshot: FunctionSnapshot,
  plan: PowerValuePlan,
  versions: PreparedVersion[],
  prices: Prices,
  limit: ReturnType<typeof pLimit>,
  logger: EngineLogger,
  sleep: Sleep,
  signal: AbortSignal | undefined,
  pacer?: Pacer,
): Promise<PowerValueResult> {
  const total = plan.payloadIndexes.length;
  const samples: (Sample | undefined)[] = new Array(total);
  let done = 0;
  let stopReason: string | undefined;
  const allowed = new Set(settings.allowedExceptions);

  const invokeOne = async (index: number): Promise<void> => {
    if (stopReason !== undefined) return;
    throwIfAborted(signal);
    const version = settings.onlyColdStarts ? versions[index] : versions[0];
    const payloadIndex = plan.payloadIndexes[index] ?? 0;
    const payload = settings.payloads[payloadIndex]?.payload ?? '{}';
    const sample = await invokeForSample(target, snapshot.functionArn, version?.alias ?? '', payload, payloadIndex, settings, signal);
    samples[index] = sample;
    done++;
    logger.progress(plan.memoryMb, done, total);
    if (sample.errorType !== undefined && !allowed.has(sample.errorType) && stopReason === undefined) {
      // The first error that is not allowed settles it: more invocations would only cost money.
      // The reason is shown everywhere (log, comment, gate reasons): the function's text goes in inert and short.
      stopReason = `failed with ${inertText(sample.errorType, 100)}${sample.errorMessage ? `: ${inertText(sample.errorMessage)}` : ''} (invocation ${index + 1} of ${total})`;
    }
  };

  try {
    if (settings.parallelInvocation && !pacer) {
      await Promise.all(plan.payloadIndexes.map((_, index) => limit(() => invokeOne(index))));
    } else if (settings.parallelInvocation && pacer) {
      // Submissions take turns, so the shared queue holds PR, base, PR, base, … and runs them in that order.
      const running: Promise<void>[] = [];
      for (let index = 0; index < total; index++) {
        await pacer.acquire();
        const invocation = limit(() => invokeOne(index));
        invocation.catch(() => undefined);
        running.push(invocation);
        pacer.release();
      }
      await Promise.all(running);
    } else {
      for (let index = 0; index < total && stopReason === undefined; index++) {
        if (pacer) await pacer.acquire();
        try {
          await limit(() => invokeOne(index));
        } finally {
          pacer?.release();
        }
        if (settings.sleepBetweenRunsMs > 0 && index < total - 1) await sleep(settings.sleepBetweenRunsMs, signal);
      }
    }
  } finally {
    pacer?.leave();
  }
  const collected = samples.filter((sample): sample is Sample => sample !== undefined);
  return summarisePowerValue(plan.memoryMb, collected, settings, prices, stopReason);
}

/** Adaptive sampling's first round: the start of the plan, payloads interleaved so every prefix has its share. */
function firstRound(plan: PowerValuePlan, settings: TuningSettings): PowerValuePlan {
  if (settings.sampling !== 'adaptive') return plan;
  const { initialInvocations } = adaptivePolicy(settings.invocationsPerValue, settings.samplingConfidence);
  return { memoryMb: plan.memoryMb, payloadIndexes: interleavePayloads(plan.payloadIndexes).slice(0, initialInvocations) };
}

/**
 * Adaptive sampling after the first round: planNextRound (adaptive.ts) decides from the primary function's
 * results which memory sizes get more invocations, until the recommendation is settled or the cap is reached.
 * Functions tuned together get the same rounds, their invocations taking turns as in the first round, so the
 * gate's pairs stay paired. Updates `measured` in place.
 */
async function sampleUntilSettled(
  states: SubjectState[],
  measured: PowerValueResult[][],
  limit: ReturnType<typeof pLimit>,
  sleep: Sleep,
  signal: AbortSignal | undefined,
): Promise<SamplingSummary> {
  const primary = states[0] as SubjectState;
  const settings = primary.settings;
  const policy = adaptivePolicy(settings.invocationsPerValue, settings.samplingConfidence);
  const roundsOf = new Map<number, number>(settings.powerValuesMb.map((memoryMb) => [memoryMb, 1]));
  for (let round = 1; ; round++) {
    throwIfAborted(signal);
    const next = planNextRound(measured[0] ?? [], settings, primary.prices, policy);
    if (next.stopReason !== undefined) {
      for (const list of measured) {
        for (const entry of list) entry.sampling = { rounds: roundsOf.get(entry.memoryMb) ?? 1, open: next.openMb.includes(entry.memoryMb) };
      }
      const summary: SamplingSummary = {
        mode: 'adaptive',
        confidence: policy.confidence,
        rounds: round,
        stopReason: next.stopReason,
        reason: next.explanation,
        invocations: (measured[0] ?? []).reduce((sum, entry) => sum + entry.invocations, 0),
        maxInvocations: policy.maxInvocations * settings.powerValuesMb.length,
        maxInvocationsPerValue: policy.maxInvocations,
      };
      primary.logger.info(`${describeSampling(summary)} ${capitalise(next.explanation)}.`);
      return summary;
    }
    primary.logger.info(`Adaptive sampling, round ${round + 1}: ${next.explanation}`);
    await Promise.all(
      [...next.additions].map(async ([memoryMb, count]) => {
        roundsOf.set(memoryMb, (roundsOf.get(memoryMb) ?? 1) + 1);
        await extendTogether(states, measured, memoryMb, count, limit, sleep, signal);
      }),
    );
  }
}

/**
 * `count` more invocations of each function at `memoryMb`, continuing each plan's payload order (cycling past its
 * end, so weights hold) and taking turns as in the first round, so the gate's pairs stay paired. Functions whose
 * entry there failed are left out. Updates `measured` in place.
 */
async function extendTogether(
  states: SubjectState[],
  measured: PowerValueResult[][],
  memoryMb: number,
  count: number,
  limit: ReturnType<typeof pLimit>,
  sleep: Sleep,
  signal: AbortSignal | undefined,
): Promise<void> {
  const parties = states
    .map((state, index) => {
      const list = measured[index] ?? [];
      return { state, list, at: list.findIndex((entry) => entry.memoryMb === memoryMb && entry.status === 'ok') };
    })
    .filter((party) => party.at >= 0);
  const turnstile = parties.length > 1 ? new Turnstile(parties.length) : undefined;
  await Promise.all(
    parties.map(async ({ state, list, at }, party) => {
      const entry = list[at] as PowerValueResult;
      const order = interleavePayloads(state.plans.find((plan) => plan.memoryMb === memoryMb)?.payloadIndexes ?? [0]);
      const payloadIndexes = Array.from({ length: count }, (_, i) => order[(entry.invocations + i) % order.length] ?? 0);
      const versions = state.prepared.filter((version) => version.memoryMb === memoryMb);
      const more = await invokePowerValue(state.settings, state.target, state.snapshot, { memoryMb, payloadIndexes }, versions, state.prices, limit, state.logger, sleep, signal, turnstile?.pacer(party));
      list[at] = summarisePowerValue(memoryMb, [...entry.samples, ...more.samples], state.settings, state.prices, more.status === 'failed' ? more.failureReason : undefined);
    }),
  );
}

/**
 * Rounds of extra environment blocks while `extra` asks for them (the live gate's sequential sampling). A block is
 * a fresh version of each function at the pairing's memory size — Lambda keeps execution environments per version,
 * so each block runs in environments of its own — invoked `blockInvocations` times, the functions taking turns, one
 * invocation in flight per function so the block stays in one environment. Samples are tagged with their block
 * (Sample.environment), which is what the gate's interval counts. A round that adds nothing (every party failed
 * there, or no version could be prepared) ends it, so a policy that keeps asking cannot loop. Updates `measured` in
 * place; returns one summary per function.
 */
async function sampleForGate(
  states: SubjectState[],
  measured: PowerValueResult[][],
  extra: ExtraSampling,
  interim: () => RunResult[],
  timeLeftMs: () => number,
  sleep: Sleep,
  signal: AbortSignal | undefined,
): Promise<GateSamplingSummary[]> {
  const primary = states[0] as SubjectState;
  const added = states.map(() => new Map<number, { invocations: number; environments: number }>());
  // Blocks are independent environments, so several may run at once without mixing their samples.
  const blockLimit = pLimit(Math.max(1, Math.min(GATE_BLOCKS_IN_FLIGHT, primary.settings.concurrency)));
  let rounds = 0;
  let last: ExtraRound;
  for (;;) {
    throwIfAborted(signal);
    last = extra.next(interim());
    if (last.pairings.length === 0) break;
    const fitted = fitInTime(last, measured, extra.blockInvocations, timeLeftMs());
    if (fitted.pairings.length === 0) {
      last = { pairings: [], settled: false, reason: 'no time was left for more within three quarters of timeout-minutes' };
      break;
    }
    last = fitted;
    rounds++;
    primary.logger.info(`Gate sampling, round ${rounds}: ${last.reason}`);
    const blocks = await prepareBlocks(states, measured, last.pairings, signal);
    // $LATEST goes back before the invocations, as after the planned versions.
    await Promise.all(states.map((state) => state.target.restore(state.snapshot, signal)));
    let any = false;
    await Promise.all(
      blocks.map((block) =>
        blockLimit(async () => {
          const counts = await invokeBlock(states, measured, block, extra.blockInvocations, sleep, signal);
          for (const [index, count] of counts.entries()) {
            if (count === 0) continue;
            any = true;
            const memoryMb = block.memoryBySubject[index] ?? 0;
            const map = added[index] as Map<number, { invocations: number; environments: number }>;
            const sum = map.get(memoryMb) ?? { invocations: 0, environments: 0 };
            map.set(memoryMb, { invocations: sum.invocations + count, environments: sum.environments + 1 });
          }
        }),
      ),
    );
    if (!any) {
      last = { pairings: [], settled: false, reason: 'the memory sizes still open could not be invoked again' };
      break;
    }
  }
  if (rounds > 0) primary.logger.info(`Gate sampling stopped after ${rounds} round${rounds === 1 ? '' : 's'}: ${last.reason}.`);
  return added.map((map) => ({
    rounds,
    added: [...map].sort(([a], [b]) => a - b).map(([memoryMb, sum]) => ({ memoryMb, ...sum })),
    maxInvocations: extra.maxInvocations,
    settled: last.settled,
    reason: last.reason,
  }));
}

/** One environment block: a fresh version per function (null where that function has nothing to add). */
interface EnvironmentBlock {
  memoryBySubject: readonly number[];
  environment: number;
  versions: (PreparedVersion | null)[];
}

/**
 * The round's versions, prepared one function at a time per block ($LATEST is each function's own, so the
 * functions go in parallel). A function whose entry there failed gets none; a version that cannot be prepared
 * leaves that block without it (the block is then unpaired and the gate's interval leaves it out).
 */
async function prepareBlocks(
  states: SubjectState[],
  measured: PowerValueResult[][],
  pairings: ExtraRound['pairings'],
  signal: AbortSignal | undefined,
): Promise<EnvironmentBlock[]> {
  const blocks: EnvironmentBlock[] = [];
  for (const pairing of pairings) {
    const first = nextEnvironment(states, measured, pairing.memoryBySubject);
    for (let i = 0; i < pairing.environments; i++) {
      blocks.push({ memoryBySubject: pairing.memoryBySubject, environment: first + i, versions: states.map(() => null) });
    }
  }
  await Promise.all(
    states.map(async (state, index) => {
      for (const block of blocks) {
        throwIfAborted(signal);
        const memoryMb = block.memoryBySubject[index] ?? 0;
        if (!(measured[index] ?? []).some((entry) => entry.memoryMb === memoryMb && entry.status === 'ok')) continue;
        try {
          const version = await state.target.prepareVersion(state.snapshot, memoryMb, { environment: block.environment }, signal);
          state.prepared.push(version);
          block.versions[index] = version;
        } catch (error) {
          throwIfAborted(signal);
          state.logger.warning(`An extra environment at ${memoryMb} MB could not be prepared: ${messageOf(error)}`);
        }
      }
    }),
  );
  return blocks;
}

/** The next free block number at these memory sizes: one past the highest any function has used. */
function nextEnvironment(states: SubjectState[], measured: PowerValueResult[][], memoryBySubject: readonly number[]): number {
  let highest = 0;
  for (const [index] of states.entries()) {
    const entry = (measured[index] ?? []).find((candidate) => candidate.memoryMb === memoryBySubject[index]);
    for (const sample of entry?.samples ?? []) highest = Math.max(highest, sample.environment ?? 0);
  }
  return highest + 1;
}

/**
 * One block: `count` invocations of each function's block version, taking turns, continuing each plan's payload
 * order (cycling past its end, so weights hold). Updates `measured` in place; returns how many invocations each
 * function got.
 */
async function invokeBlock(
  states: SubjectState[],
  measured: PowerValueResult[][],
  block: EnvironmentBlock,
  count: number,
  sleep: Sleep,
  signal: AbortSignal | undefined,
): Promise<number[]> {
  const added = states.map(() => 0);
  const parties = states
    .map((state, index) => ({ state, index, memoryMb: block.memoryBySubject[index] ?? 0, version: block.versions[index] }))
    .filter((party): party is typeof party & { version: PreparedVersion } => party.version !== null && party.version !== undefined);
  // Odd blocks start with the last function: within a block the first to go has its warm-up at other moments of
  // the window than the second, and the bench saw identical pairs differ by 1–2% in favour of the first.
  const turnstile = parties.length > 1 ? new Turnstile(parties.length, block.environment % 2 === 1) : undefined;
  // One invocation in flight per function: a second concurrent one would start a second environment in the block.
  const serial = pLimit(parties.length || 1);
  await Promise.all(
    parties.map(async ({ state, index, memoryMb, version }, party) => {
      const list = measured[index] ?? [];
      const at = list.findIndex((entry) => entry.memoryMb === memoryMb && entry.status === 'ok');
      const start = list[at];
      if (!start) return;
      const order = interleavePayloads(state.plans.find((plan) => plan.memoryMb === memoryMb)?.payloadIndexes ?? [0]);
      const payloadIndexes = Array.from({ length: count }, (_, i) => order[(start.invocations + i) % order.length] ?? 0);
      const settings = { ...state.settings, parallelInvocation: false };
      const more = await invokePowerValue(settings, state.target, state.snapshot, { memoryMb, payloadIndexes }, [version], state.prices, serial, state.logger, sleep, signal, turnstile?.pacer(party));
      const tagged = more.samples.map((sample) => ({ ...sample, environment: block.environment }));
      // Re-read: blocks of one memory size running at once each append to the entry as they finish.
      const current = list[at] as PowerValueResult;
      list[at] = summarisePowerValue(memoryMb, [...current.samples, ...tagged], state.settings, state.prices, more.status === 'failed' ? more.failureReason : current.failureReason);
      added[index] = tagged.length;
    }),
  );
  return added;
}

/** Environment blocks running at once during the gate's extra rounds (each one invocation in flight per function). */
export const GATE_BLOCKS_IN_FLIGHT = 2;

/** Invocation overhead beyond the billed duration (network, the turn-taking), for time estimates. */
const INVOCATION_OVERHEAD_MS = 25;

/** Preparing a version per function (update, wait, publish, alias) and its cold start, for time estimates. */
const BLOCK_OVERHEAD_MS = 2_000;

/**
 * The round, with each pairing's environments scaled down so the whole round fits in the time left (turns are
 * serial: each pairing's invocation time is the sum of its functions' mean billed durations). Pairings scaled to
 * zero are dropped.
 */
export function fitInTime(round: ExtraRound, measured: readonly PowerValueResult[][], blockInvocations: number, timeLeftMs: number): ExtraRound {
  const perBlockMs = round.pairings.map(
    (pairing) =>
      BLOCK_OVERHEAD_MS +
      blockInvocations *
        pairing.memoryBySubject.reduce((sum, memoryMb, index) => {
          const entry = (measured[index] ?? []).find((candidate) => candidate.memoryMb === memoryMb);
          const billed = entry?.samples.map((sample) => sample.billedDurationMs) ?? [];
          const mean = billed.length > 0 ? billed.reduce((total, value) => total + value, 0) / billed.length : 0;
          return sum + mean + INVOCATION_OVERHEAD_MS;
        }, 0),
  );
  const needMs = round.pairings.reduce((sum, pairing, index) => sum + pairing.environments * (perBlockMs[index] ?? 0), 0);
  if (needMs <= timeLeftMs) return round;
  const scale = Math.max(0, timeLeftMs) / needMs;
  const pairings = round.pairings
    .map((pairing) => ({ ...pairing, environments: Math.floor(pairing.environments * scale) }))
    .filter((pairing) => pairing.environments > 0);
  return { ...round, pairings, reason: `${round.reason} (fewer, to stay within three quarters of timeout-minutes)` };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

async function invokeForSample(
  target: LambdaTarget,
  functionArn: string,
  alias: string,
  payload: string,
  payloadIndex: number,
  settings: TuningSettings,
  signal: AbortSignal | undefined,
): Promise<Sample> {
  let outcome: InvokeOutcome;
  try {
    outcome = await target.invoke(functionArn, alias, payload, signal);
  } catch (error) {
    throwIfAborted(signal);
    return { durationMs: 0, billedDurationMs: 0, errorType: errorName(error), errorMessage: messageOf(error), payloadIndex, coldStart: false };
  }
  return sampleFromOutcome(outcome, payloadIndex, settings.logPayloads);
}

/** One invocation's response → a sample. Pure, so every log shape is unit-tested. */
export function sampleFromOutcome(outcome: InvokeOutcome, payloadIndex: number, logPayloads: boolean): Sample {
  const report = parseReport(outcome.logTail);
  const error = outcome.functionError ? functionErrorOf(outcome.payload, outcome.functionError) : undefined;
  if (!report) {
    return {
      durationMs: 0,
      billedDurationMs: 0,
      errorType: error?.type ?? 'LambdaPowerGate.NoReport',
      errorMessage: error ? visibleMessage(error, logPayloads) : 'the log tail had no REPORT record (is LogType Tail blocked, or the log format unknown?)',
      payloadIndex,
      coldStart: false,
    };
  }
  const sample: Sample = {
    durationMs: report.durationMs + (report.initDurationMs ?? 0) + (report.restoreDurationMs ?? 0),
    // Billed Duration already includes Billed Restore Duration on SnapStart (seen in real REPORT lines:
    // Duration 306.41, Billed Restore 303, Billed 610), so adding it, as the original tool does, double-counts.
    billedDurationMs: report.billedDurationMs,
    payloadIndex,
    coldStart: report.initDurationMs !== undefined || report.restoreDurationMs !== undefined,
  };
  if (report.initDurationMs !== undefined) sample.initDurationMs = report.initDurationMs;
  if (report.restoreDurationMs !== undefined) sample.restoreDurationMs = report.restoreDurationMs;
  if (report.billedRestoreDurationMs !== undefined) sample.billedRestoreDurationMs = report.billedRestoreDurationMs;
  if (report.maxMemoryUsedMb !== undefined) sample.maxMemoryUsedMb = report.maxMemoryUsedMb;
  if (error) {
    sample.errorType = error.type;
    const message = visibleMessage(error, logPayloads);
    if (message) sample.errorMessage = message;
  }
  return sample;
}

interface FunctionErrorInfo {
  type: string;
  message: string;
}

/** The function chose its error type: results.json keeps it raw (allowed-exceptions match it) but bounded. */
function functionErrorOf(payload: string, functionError: string): FunctionErrorInfo {
  try {
    const parsed = JSON.parse(payload) as { errorType?: unknown; errorMessage?: unknown };
    return {
      type: truncateText(typeof parsed.errorType === 'string' && parsed.errorType ? parsed.errorType : functionError, MAX_RAW_ERROR_TYPE_CHARS),
      message: typeof parsed.errorMessage === 'string' ? parsed.errorMessage : '',
    };
  } catch {
    return { type: truncateText(functionError, MAX_RAW_ERROR_TYPE_CHARS), message: '' };
  }
}

/**
 * Lambda's own error messages (timeouts, out of memory, crashes) are safe and needed to understand a failure;
 * a handler's error message is function output and may carry data, so it is kept only on opt-in.
 */
function visibleMessage(error: FunctionErrorInfo, logPayloads: boolean): string | undefined {
  const platform = /^(Runtime|Sandbox)\./.test(error.type);
  if (!platform && !logPayloads) return undefined;
  return truncateText(error.message, MAX_SHOWN_CHARS);
}

export function summarisePowerValue(
  memoryMb: number,
  samples: Sample[],
  settings: Pick<TuningSettings, 'allowedExceptions' | 'discardTopBottom' | 'onlyColdStarts'>,
  prices: Prices,
  stopReason?: string,
): PowerValueResult {
  const errorTypes: Record<string, number> = {};
  for (const sample of samples) {
    if (sample.errorType !== undefined) errorTypes[sample.errorType] = (errorTypes[sample.errorType] ?? 0) + 1;
  }
  const successful = successfulSamples(samples, settings);
  const errors = samples.length - successful.length;
  const measured = measuredSamples(samples, settings);
  const failureReason = stopReason ?? (successful.length === 0 ? 'no successful invocation' : undefined);
  const coldStarts = samples.map((sample) => sample.initDurationMs).filter((value): value is number => value !== undefined);
  const restores = samples.map((sample) => sample.restoreDurationMs).filter((value): value is number => value !== undefined);
  const memoryUsed = samples.map((sample) => sample.maxMemoryUsedMb).filter((value): value is number => value !== undefined);
  const status = failureReason === undefined ? 'ok' : 'failed';
  const result: PowerValueResult = {
    memoryMb,
    status,
    invocations: samples.length,
    errors,
    errorTypes,
    samples,
    duration: durationStats(
      measured.map((sample) => sample.durationMs),
      settings.discardTopBottom,
    ),
    coldStart: durationStats(coldStarts, 0),
    costPerInvocationUsd:
      measured.length > 0
        ? trimmedMean(
            measured.map((sample) => costPerInvocationUsd(sample.billedDurationMs, memoryMb, prices)),
            settings.discardTopBottom,
          )
        : null,
    billedDurationMs: measured.length > 0 ? trimmedMean(measured.map((sample) => sample.billedDurationMs), settings.discardTopBottom) : null,
    maxMemoryUsedMb: memoryUsed.length > 0 ? Math.max(...memoryUsed) : null,
  };
  const restore = durationStats(restores, 0);
  if (restore) result.restore = restore;
  if (failureReason !== undefined) result.failureReason = failureReason;
  return result;
}

function emptyResult(memoryMb: number): PowerValueResult {
  return {
    memoryMb,
    status: 'ok',
    invocations: 0,
    errors: 0,
    errorTypes: {},
    samples: [],
    duration: null,
    coldStart: null,
    costPerInvocationUsd: null,
    billedDurationMs: null,
    maxMemoryUsedMb: null,
  };
}

function failedResult(memoryMb: number, reason: string): PowerValueResult {
  return { ...emptyResult(memoryMb), status: 'failed', failureReason: reason };
}

function buildResult(
  runId: string,
  settings: TuningSettings,
  snapshot: FunctionSnapshot,
  prices: Prices,
  powerValues: PowerValueResult[],
  startedAt: string,
  clock: Clock,
  dryRun: boolean,
): RunResult {
  const recommendation = dryRun
    ? null
    : recommend(powerValues, {
        strategy: settings.strategy,
        balancedWeight: settings.balancedWeight,
        percentileLimit: settings.percentileLimit,
        sampleRule: settings,
      });
  const current = powerValues.find((entry) => entry.memoryMb === snapshot.memoryMb && entry.status === 'ok');
  const points = powerValues
    .filter((entry) => entry.status === 'ok' && entry.duration && entry.costPerInvocationUsd !== null)
    .map((entry) => ({ memoryMb: entry.memoryMb, durationMs: entry.duration?.trimmedMean ?? 0, costUsd: entry.costPerInvocationUsd ?? 0 }));
  const { payloads, ...rest } = settings;
  const tuningCostUsd = powerValues.reduce(
    (sum, entry) =>
      sum +
      entry.samples.reduce((inner, sample) => inner + (sample.billedDurationMs > 0 ? costPerInvocationUsd(sample.billedDurationMs, entry.memoryMb, prices) : 0), 0),
    0,
  );
  const result: RunResult = {
    schemaVersion: RESULTS_SCHEMA_VERSION,
    tool: { name: 'lambda-power-gate', version: TOOL_VERSION },
    runId,
    function: snapshot.identity,
    settings: { ...rest, payloadCount: payloads.length, ...(settings.logPayloads ? { payloads } : {}) },
    prices,
    powerValues,
    recommendation,
    current: {
      memoryMb: snapshot.memoryMb,
      costPerInvocationUsd: current?.costPerInvocationUsd ?? null,
      durationMs: current?.duration?.trimmedMean ?? null,
    },
    tuningCostUsd,
    visualizationUrl: points.length > 0 ? visualizationUrl(points) : null,
    dryRun,
    startedAt,
    finishedAt: clock.now().toISOString(),
  };
  return result;
}

async function applyRecommendation(
  settings: TuningSettings,
  target: LambdaTarget,
  snapshot: FunctionSnapshot,
  memoryMb: number,
  logger: EngineLogger,
  signal: AbortSignal | undefined,
): Promise<RunResult['applied']> {
  if (settings.autoOptimizeAlias) {
    const version = await target.applyToAlias(snapshot, memoryMb, settings.autoOptimizeAlias, signal);
    logger.info(`Auto-optimize: alias ${settings.autoOptimizeAlias} now points at version ${version} with ${memoryMb} MB`);
    return { target: 'alias', alias: settings.autoOptimizeAlias, version, memoryMb };
  }
  if (memoryMb === snapshot.memoryMb) {
    logger.info(`Auto-optimize: $LATEST already has the recommended ${memoryMb} MB`);
  } else {
    await target.applyToLatest(snapshot, memoryMb);
    logger.info(`Auto-optimize: $LATEST changed from ${snapshot.memoryMb} MB to ${memoryMb} MB`);
  }
  return { target: '$LATEST', memoryMb };
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new TuningCancelledError(reasonText(signal.reason));
}

function reasonText(reason: unknown): string {
  if (reason instanceof Error) return reason.message;
  return reason === undefined ? 'aborted' : String(reason);
}
