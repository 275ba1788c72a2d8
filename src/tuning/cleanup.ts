// Clean-up, the stage that always runs: every function restored and every version and alias of the run deleted,
// on success, failure and cancellation — within a budget after a cancel signal, so it fits the runner's window —
// and, before a run starts, what killed runs left behind (recovery.ts).

import { setMaxListeners } from 'node:events';
import type { TuningSettings } from '../types.js';
import type { EngineLogger } from '../lib/ports.js';
import { messageOf } from '../lib/errors.js';
import { recoverAbandonedRuns } from './recovery.js';
import type { SubjectState } from './run-state.js';
import type { CleanupReport, LambdaTarget } from './target.js';

/**
 * How long clean-up may take after a cancel signal. GitHub cancels a job with SIGINT, then SIGTERM 7.5 s later,
 * then kills the process tree 2.5 s after that (actions/runner#1309): 7 s from the first signal restores $LATEST
 * and deletes what it can, and leaves half a second to say what is left before SIGTERM (and 3 s before the kill).
 * What is left then is named in one warning, for the post step or the next run to remove.
 */
export const CLEANUP_BUDGET_MS = 7_000;

/**
 * Removes what killed runs left on the function before this run starts (recovery.ts). A failure here (say, a
 * policy without lambda:ListAliases) never stops the run: it says what it could not check.
 */
export async function recoverLeftovers(
  targetFor: (runId: string) => LambdaTarget,
  settings: TuningSettings,
  runId: string,
  nowMs: number,
  logger: EngineLogger,
): Promise<void> {
  try {
    await recoverAbandonedRuns(
      targetFor,
      settings.functionName,
      settings.functionName,
      settings.region,
      runId,
      nowMs,
      logger,
    );
  } catch (error) {
    logger.warning(
      `Could not look for what killed runs left on ${settings.functionName} (${messageOf(error)}); the policy needs lambda:ListAliases and lambda:ListVersionsByFunction (docs/SECURITY.md)`,
    );
  }
}

/** Clean-up's signal: none until the run's signal aborts, then one that ends budgetMs after that first abort. */
export interface CleanupBudget {
  signal: AbortSignal;
  budgetMs: number;
  /** The run's signal has aborted: the budget is counting. */
  readonly armed: boolean;
  dispose(): void;
}

export function cleanupBudget(runSignal: AbortSignal | undefined, budgetMs: number): CleanupBudget {
  const controller = new AbortController();
  // Every delete in flight listens to it (the request, its backoff, its turn at the limiter): dozens, not a leak.
  setMaxListeners(0, controller.signal);
  let timer: NodeJS.Timeout | undefined;
  let armed = false;
  // Real time, not the injected sleep: the runner's kill comes on the wall clock.
  const arm = () => {
    armed = true;
    timer = setTimeout(
      () => controller.abort(new CleanupBudgetError(`clean-up's ${budgetMs / 1000} s after the cancel signal ran out`)),
      budgetMs,
    );
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

export interface CleanupOutcome {
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
export async function restoreAndCleanUp(
  states: SubjectState[],
  budget: CleanupBudget,
  logger: EngineLogger,
): Promise<CleanupOutcome> {
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
  const cleaning = Promise.all(
    states.map((state) => state.target.cleanup(state.snapshot.functionArn, state.prepared, signal)),
  );
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
        if (after.length > 0 && !signal.aborted)
          problems[index]?.push(`$LATEST differs from how it was found: ${after.join('; ')}`);
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
    const done =
      checked[index] && aliases.length === 0 && versions.length === 0 && (problems[index] ?? []).length === 0;
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
      problems[index]?.push(
        `kept alias ${kept} (the original configuration) so that the post step or the next run can finish the clean-up`,
      );
    }
    if (signal.aborted && (!checked[index] || aliases.length > 0 || versions.length > 0 || stateAliasKept)) {
      const parts = [
        ...(checked[index]
          ? []
          : [`$LATEST not confirmed back at ${state.snapshot.memoryMb} MB and "${state.snapshot.description}"`]),
        ...(aliases.length > 0 ? [`aliases ${aliases.join(', ')}`] : []),
        ...(versions.length > 0 ? [`versions ${versions.join(', ')}`] : []),
        ...(stateAliasKept && kept !== undefined
          ? [`alias ${kept} (the original configuration, for whoever finishes)`]
          : []),
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
    .map((state, index) =>
      (problems[index] ?? []).length > 0
        ? `Clean-up incomplete for ${state.snapshot.identity.name}: ${(problems[index] ?? []).join('; ')}`
        : '',
    )
    .filter((text) => text !== '')
    .join('. ');
  return { complete: left.length === 0 && problem === '', ...(problem ? { problem } : {}) };
}
