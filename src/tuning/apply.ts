// Auto-optimize (`auto-optimize`, `auto-optimize-alias`): the one change a run leaves behind on purpose. It runs
// after the run, once the gate has judged it (src/flow.ts), and only on a run that passes: a failed gate, a failed
// clean-up or a failed run changes nothing for good (docs/gate.md, "Auto-optimize and the gate").

import type { RunResult, TuningSettings } from '../types.js';
import { messageOf } from '../lib/errors.js';
import type { EngineLogger } from '../lib/ports.js';
import { startRun, targetFor, TuningFailedError, type TunerDeps } from './run-state.js';
import type { FunctionSnapshot, LambdaTarget } from './target.js';

/**
 * The decision, in one place: with auto-optimize on and a recommendation, apply it when the run passed, and say
 * so when it did not (`failure`: why the job fails — the gate, tuning or clean-up). "Passed" is the job's outcome:
 * with fail-on-regression false a fail verdict does not fail the job, and the recommendation is applied.
 * Sets result.applied; returns the failure applying caused, if any.
 */
export async function autoOptimize(
  result: RunResult,
  settings: TuningSettings,
  deps: TunerDeps,
  failure: string | undefined,
  signal?: AbortSignal,
): Promise<string | undefined> {
  const recommended = result.recommendation?.memoryMb;
  if (!settings.autoOptimize || result.dryRun || recommended === undefined) return undefined;
  if (failure !== undefined) {
    deps.logger.warning(
      `Auto-optimize did not apply ${recommended} MB: it changes the function only when the run passes, and this one failed (${failure}). ${result.function.name} keeps ${result.current.memoryMb} MB.`,
    );
    return undefined;
  }
  try {
    result.applied = await applyRecommendation(result, settings, deps, signal);
    return undefined;
  } catch (error) {
    // The job's failure sentence, as the flow gives any TuningFailedError's: its message, without the class name.
    return error instanceof TuningFailedError ? error.message : messageOf(error);
  }
}

/**
 * Applies the result's recommendation to the function the run measured, under the run's id (so its marker and
 * state alias are the run's, and the post step or a later run can finish after a kill): $LATEST gets the memory,
 * or auto-optimize-alias points at a new version with it. Reads $LATEST first, as the run left it (restored).
 * Throws TuningFailedError carrying the result: the measurements stand, only applying them failed.
 */
export async function applyRecommendation(
  result: RunResult,
  settings: TuningSettings,
  deps: TunerDeps,
  signal?: AbortSignal,
): Promise<RunResult['applied']> {
  const memoryMb = result.recommendation?.memoryMb;
  if (memoryMb === undefined) throw new TuningFailedError('Auto-optimize has no recommendation to apply', result);
  try {
    const run = startRun(settings, deps, { runId: result.runId, startedAt: result.startedAt });
    const target = targetFor(deps.client, settings, run.runId, run, deps, deps.logger);
    const snapshot = await target.snapshot(signal);
    return await apply(settings, target, snapshot, memoryMb, deps.logger, signal);
  } catch (error) {
    throw new TuningFailedError(`Auto-optimize could not apply ${memoryMb} MB: ${messageOf(error)}`, result);
  }
}

/**
 * Before anything is measured: an alias auto-optimize must not move (weighted routing, a canary in progress) fails
 * the run now, not after it.
 */
export async function checkAutoOptimizeTarget(
  settings: TuningSettings,
  target: LambdaTarget,
  snapshot: FunctionSnapshot,
): Promise<void> {
  if (settings.autoOptimize && settings.autoOptimizeAlias)
    await target.aliasForAutoOptimize(snapshot.functionArn, settings.autoOptimizeAlias);
}

async function apply(
  settings: TuningSettings,
  target: LambdaTarget,
  snapshot: FunctionSnapshot,
  memoryMb: number,
  logger: EngineLogger,
  signal: AbortSignal | undefined,
): Promise<RunResult['applied']> {
  if (settings.autoOptimizeAlias) {
    const version = await target.applyToAlias(snapshot, memoryMb, settings.autoOptimizeAlias, signal);
    logger.info(
      `Auto-optimize: alias ${settings.autoOptimizeAlias} now points at version ${version} with ${memoryMb} MB`,
    );
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
