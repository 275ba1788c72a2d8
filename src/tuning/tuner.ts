// The tuning run, in stages: open (read every function before any is changed) → prepare and measure (one verified
// version per power value, invocations bounded) → restore $LATEST → sampling rounds (plug-ins, rounds/) → always
// restore and clean up (cleanup.ts) → results. A power value that fails is reported and skipped; only a run where
// every power value fails is a failed run, and it fails loudly. Auto-optimize is not the tuner's: the flow applies
// the recommendation once the gate has judged the run (apply.ts).
//
// tuneTogether runs the same plan on several functions at once (the gate's live A/B: the PR's function and the
// baseline function). At each memory size both are prepared first, then their invocations take turns through a
// Turnstile (PR, base, base, PR, PR, base, …), so both see the same time window and any drift of the machine or
// the service hits both alike. tune() is tuneTogether with one function, where the turnstile is never used.

import pLimit from 'p-limit';
import type { PowerValueResult, RunResult, TuningSettings } from '../types.js';
import { InputError, messageOf } from '../lib/errors.js';
import { errorName } from '../lib/retry.js';
import { checkAutoOptimizeTarget } from './apply.js';
import {
  CLEANUP_BUDGET_MS,
  cleanupBudget,
  recoverLeftovers,
  restoreAndCleanUp,
  type CleanupOutcome,
} from './cleanup.js';
import { invokePowerValue } from './invoke.js';
import { adaptiveRounds } from './rounds/adaptive.js';
import { environmentBlocks, type ExtraSampling } from './rounds/environment-blocks.js';
import type { RoundsRecord, SamplingRounds } from './rounds/rounds.js';
import {
  labelledLogger,
  reasonText,
  startRun,
  subjectState,
  targetFor,
  throwIfAborted,
  TuningCancelledError,
  TuningFailedError,
  type PowerValuePlan,
  type RunState,
  type SubjectState,
  type TunerDeps,
  type TuningSubject,
} from './run-state.js';
import { dryRunResults, failedResult, resultsOf } from './summary.js';
import type { FunctionSnapshot, PreparedVersion } from './target.js';
import { Turnstile } from './turnstile.js';

export async function tune(settings: TuningSettings, deps: TunerDeps, signal?: AbortSignal): Promise<RunResult> {
  const [result] = await tuneTogether([{ settings }], deps, signal);
  if (!result) throw new Error('tuneTogether returned no result');
  return result;
}

/**
 * Tunes several functions with one plan, their invocations interleaved at each memory size. Every subject must
 * have the same power values and invocations (the gate derives the baseline's settings from the PR's). Returns
 * one RunResult per subject, in order. Only the primary's failure to measure anything throws
 * TuningFailedError; a secondary subject whose every power value failed comes back as such a result.
 * `extra`: the live gate's environment blocks (gate/sequential.ts decides them; rounds/environment-blocks.ts runs them).
 */
export async function tuneTogether(
  subjects: TuningSubject[],
  deps: TunerDeps,
  signal?: AbortSignal,
  extra?: ExtraSampling,
): Promise<RunResult[]> {
  // Open: every function is read before any is changed.
  const run = await openRun(subjects, deps, signal);
  if (run.settings.dryRun) {
    run.logger.info('Dry run: settings are valid and the function exists; nothing was changed or invoked.');
    return dryRunResults(run);
  }
  const rounds = roundsFor(run.settings, extra);
  const budget = cleanupBudget(signal, deps.cleanupBudgetMs ?? CLEANUP_BUDGET_MS);
  const records: RoundsRecord[][] = [];
  let failure: unknown;
  let cleanup: CleanupOutcome;
  try {
    // Before the first change: what a later run needs if this process is killed (recovery.ts).
    await recordRuns(run);
    // Prepare and measure: the planned versions, each memory size measured as soon as it is ready.
    await prepareAndMeasure(run, rounds);
    // Restore: $LATEST goes back as soon as the last version exists, not after the invocations.
    await Promise.all(run.states.map((state) => state.target.restore(state.snapshot, signal)));
    await collectMeasured(run);
    throwIfAborted(signal);
    // Rounds: more invocations where the plug-ins ask for them.
    for (const plugin of rounds) records.push(await plugin.run(run));
  } catch (error) {
    failure = error;
  } finally {
    // Always: every function is restored and cleaned up, whatever happened to the others.
    cleanup = await restoreAndCleanUp(run.states, budget, run.logger).finally(() => budget.dispose());
  }
  // Results, or the one error that says what happened.
  return finish(run, records, failure, cleanup, signal);
}

/** The rounds after the plan: adaptive sampling's, then the live gate's environment blocks. */
function roundsFor(settings: TuningSettings, extra: ExtraSampling | undefined): SamplingRounds[] {
  return [
    ...(settings.sampling === 'adaptive' ? [adaptiveRounds()] : []),
    ...(extra ? [environmentBlocks(extra)] : []),
  ];
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
  if (
    (name !== 'ValidationException' && name !== 'InvalidParameterValueException') ||
    typeof message !== 'string' ||
    !/MemorySize/i.test(message)
  )
    return undefined;
  const limit = /less than or equal to (\d+)/.exec(message)?.[1];
  return (
    `Lambda refused ${memoryMb} MB${limit ? ` (this account allows at most ${limit} MB)` : ''}: new accounts have reduced memory quotas; ` +
    `use power-values up to ${limit ? `${limit} MB` : 'the allowed memory'}, or ask AWS (Service Quotas or Support) to raise the memory quota`
  );
}

/**
 * Reads every function (a baseline function that does not exist stops the run here, before anything changed),
 * removes what killed runs left on it, and checks what auto-optimize will need.
 */
async function openRun(subjects: TuningSubject[], deps: TunerDeps, signal: AbortSignal | undefined): Promise<RunState> {
  const primary = subjects[0];
  if (!primary) throw new Error('tuneTogether needs at least one function');
  for (const other of subjects.slice(1)) {
    if (
      other.settings.powerValuesMb.join(',') !== primary.settings.powerValuesMb.join(',') ||
      other.settings.invocationsPerValue !== primary.settings.invocationsPerValue
    ) {
      throw new Error('functions tuned together need the same power values and invocations');
    }
  }
  const settings = primary.settings;
  const { logger } = deps;
  const started = startRun(settings, deps);
  const { runId, deadlineMs } = started;
  const states: SubjectState[] = [];
  for (const [index, subject] of subjects.entries()) {
    const subjectLogger = index === 0 ? logger : labelledLogger(logger, subject.label ?? `function ${index + 1}`);
    const targetOf = (owner: string) =>
      targetFor(subject.client ?? deps.client, subject.settings, owner, started, deps, subjectLogger);
    const target = targetOf(runId);
    const snapshot = await target.snapshot(signal).catch((error: unknown) => {
      // Waiting for another run to put $LATEST back can outlast a cancellation: nothing was changed yet.
      if (signal?.aborted)
        throw new TuningCancelledError(`Tuning cancelled (${reasonText(signal.reason)}) before anything was changed`);
      throw error;
    });
    const refusal = architectureRefusal(subject, snapshot, states[0]?.snapshot);
    if (refusal) throw refusal;
    // After the snapshot (which already took $LATEST back from a killed run's marker): its aliases and versions.
    if (!settings.dryRun) await recoverLeftovers(targetOf, subject.settings, runId, started.now(), subjectLogger);
    deps.onSnapshot?.(snapshot, { runId, deadlineMs });
    states.push(subjectState(subject, target, snapshot, subjectLogger));
  }
  for (const state of states) {
    const planned = state.plans.map((plan) => plan.memoryMb);
    state.logger.info(
      `Tuning ${state.snapshot.identity.name} (${state.snapshot.identity.architecture}, ${state.snapshot.memoryMb} MB now) at ` +
        `${planned.length > 0 ? planned.join(', ') : 'no planned'} MB, ${state.settings.invocationsPerValue} invocations each, run ${runId}` +
        (state.subject.planOnlyConfigured ? ' (its configured memory only; more where the gate compares)' : ''),
    );
  }
  if (states.length > 1)
    logger.info(
      `Invocations of the ${states.length} functions take turns at each memory size, so they share one time window`,
    );
  const first = states[0] as SubjectState;
  await checkAutoOptimizeTarget(settings, first.target, first.snapshot);
  return {
    runId,
    startedAt: started.startedAt,
    settings,
    states,
    measured: states.map(() => []),
    logger,
    clock: started.clock,
    sleep: started.sleep,
    signal,
    limit: deps.invocationLimit ?? pLimit(settings.concurrency),
  };
}

/**
 * architectures, checked on what Lambda says before anything is changed: one architecture listed must be the
 * function's own; the other architecture's deployment must not have the first function's architecture.
 */
export function architectureRefusal(
  subject: TuningSubject,
  snapshot: FunctionSnapshot,
  primary: FunctionSnapshot | undefined,
): InputError | undefined {
  const { name, architecture } = snapshot.identity;
  const listed = subject.settings.architectures;
  if (!primary && listed?.length === 1 && listed[0] !== architecture) {
    return new InputError(
      'architectures',
      `Input 'architectures': ${name} is ${architecture}, not ${listed[0]}; leave architectures empty, list ${architecture}, or list both (x86_64,arm64) with compare-function naming the ${listed[0]} deployment`,
    );
  }
  if (primary && subject.otherArchitectureOf && primary.identity.architecture === architecture) {
    const other = architecture === 'arm64' ? 'x86_64' : 'arm64';
    return new InputError(
      subject.otherArchitectureOf.input,
      `Input '${subject.otherArchitectureOf.input}': ${name} is ${architecture} like ${primary.identity.name}; name the deployment built for ${other}`,
    );
  }
  return undefined;
}

/** Each function's state alias, before the run changes anything (recovery.ts). */
async function recordRuns(run: RunState): Promise<void> {
  for (const state of run.states) {
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
}

/**
 * One memory size at a time: a version of each function (one per invocation when measuring only cold starts), then
 * its invocations start while the next memory size is prepared — its versions are immutable, so the next update of
 * $LATEST cannot affect them. With several functions ready, their invocations take turns. A memory size that cannot
 * be prepared is a failed result for that function.
 */
async function prepareAndMeasure(run: RunState, rounds: SamplingRounds[]): Promise<void> {
  const { states, signal, logger } = run;
  const firstPass = (plan: PowerValuePlan, settings: TuningSettings) =>
    rounds.reduce((current, plugin) => plugin.firstPass?.(current, settings) ?? current, plan);
  const groupName =
    states.length === 1
      ? 'Preparing one version per memory size'
      : `Preparing one version per memory size of each of the ${states.length} functions`;
  await logger.group(groupName, async () => {
    for (const plan of states[0]?.plans ?? []) {
      const ready: { state: SubjectState; plan: PowerValuePlan; versions: PreparedVersion[] }[] = [];
      for (const state of states) {
        throwIfAborted(signal);
        // A function planned at fewer memory sizes (planOnlyConfigured) sits this one out.
        const statePlan = state.plans.find((candidate) => candidate.memoryMb === plan.memoryMb);
        if (!statePlan) continue;
        try {
          ready.push({ state, plan: statePlan, versions: await prepareVersions(state, statePlan, signal) });
        } catch (error) {
          throwIfAborted(signal);
          const why = memoryRefusal(error, statePlan.memoryMb) ?? messageOf(error);
          state.logger.warning(`${statePlan.memoryMb} MB could not be prepared and is skipped: ${why}`);
          state.running.push(Promise.resolve(failedResult(statePlan.memoryMb, `could not be prepared: ${why}`)));
        }
      }
      const turnstile = ready.length > 1 ? new Turnstile(ready.length) : undefined;
      for (const [party, { state, plan: statePlan, versions }] of ready.entries()) {
        const options = { limit: run.limit, sleep: run.sleep, signal, pacer: turnstile?.pacer(party) };
        const measuring = invokePowerValue(state, firstPass(statePlan, state.settings), versions, options);
        // Settled in collectMeasured; until then a rejection (cancellation) must not count as unhandled.
        measuring.catch(() => undefined);
        state.running.push(measuring);
      }
    }
  });
}

async function prepareVersions(
  state: SubjectState,
  plan: PowerValuePlan,
  signal: AbortSignal | undefined,
): Promise<PreparedVersion[]> {
  const versions: PreparedVersion[] = [];
  const count = state.settings.onlyColdStarts ? plan.payloadIndexes.length : 1;
  for (let i = 0; i < count; i++) {
    const version = await state.target.prepareVersion(
      state.snapshot,
      plan.memoryMb,
      state.settings.onlyColdStarts ? i : undefined,
      signal,
    );
    state.prepared.push(version);
    versions.push(version);
  }
  throwIfAborted(signal);
  state.logger.info(
    `${plan.memoryMb} MB ready: ${versions.length === 1 ? `version ${versions[0]?.version}` : `${versions.length} versions`}`,
  );
  return versions;
}

/** Waits for every planned power value; one whose invocations threw is a failed result. */
async function collectMeasured(run: RunState): Promise<void> {
  for (const [index, state] of run.states.entries()) {
    const settled = await Promise.allSettled(state.running);
    run.measured[index] = settled.map((outcome, planIndex): PowerValueResult => {
      if (outcome.status === 'fulfilled') return outcome.value;
      return failedResult(state.plans[planIndex]?.memoryMb ?? 0, `invocations failed: ${messageOf(outcome.reason)}`);
    });
  }
}

/**
 * The run's outcome after clean-up: the results, or one error. A clean-up problem never hides the error that caused
 * the clean-up, nor is it hidden: alone, it fails the run with what was measured.
 */
function finish(
  run: RunState,
  records: RoundsRecord[][],
  caught: unknown,
  cleanup: CleanupOutcome,
  signal: AbortSignal | undefined,
): RunResult[] {
  let failure = caught;
  let cleanUpOnly = false;
  if (cleanup.problem !== undefined) {
    if (failure === undefined) {
      failure = new TuningFailedError(cleanup.problem);
      cleanUpOnly = true;
    } else {
      run.logger.warning(cleanup.problem);
    }
  }
  if (failure !== undefined && cleanUpOnly && !signal?.aborted) {
    // Measured fine but could not clean up: fail loudly, and still hand over what was measured.
    throw new TuningFailedError(messageOf(failure).replace(/^TuningFailedError: /, ''), resultsOf(run)[0]);
  }
  if (failure !== undefined) {
    if (signal?.aborted) {
      const names = run.states.map((state) => state.snapshot.identity.name).join(' and ');
      if (!cleanup.complete) {
        throw new TuningCancelledError(
          `Tuning cancelled (${reasonText(signal.reason)}); clean-up of ${names} is incomplete, and the warning above names what is left`,
        );
      }
      throw new TuningCancelledError(
        `Tuning cancelled (${reasonText(signal.reason)}); ${names} ${run.states.length === 1 ? 'was' : 'were'} restored and this run's versions and aliases deleted`,
      );
    }
    throw failure;
  }
  const results = resultsOf(run);
  for (const perFunction of records)
    for (const [index, record] of perFunction.entries()) Object.assign(results[index] ?? {}, record);
  const result = results[0] as RunResult;
  if (!result.powerValues.some((entry) => entry.status === 'ok')) {
    const reasons = result.powerValues
      .map((entry) => `${entry.memoryMb} MB ${entry.failureReason ?? 'failed'}`)
      .join('; ');
    throw new TuningFailedError(`Every memory size failed: ${reasons}`, result);
  }
  return results;
}
