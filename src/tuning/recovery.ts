// What a run left on a function, and removing it: the post step's safety net (this run's leftovers; the original
// comes from the state the main step saved) and a later run's recovery (a killed run's leftovers; the original
// comes from its marker and its state alias). Everything a run needs to find is written on the function itself
// (docs/recovery.md), so no process of the killed run is needed: markers, `lpg-<run>-*` aliases, and versions whose
// Description is the run's marker. Only LambdaTarget calls Lambda.

import type { AliasConfiguration } from '@aws-sdk/client-lambda';
import type { EngineLogger } from '../lib/ports.js';
import { messageOf } from '../lib/errors.js';
import { snapshotOf } from './function-config.js';
import { runAliasNames } from './leftovers.js';
import { aliasRunId, parseMarker, parseStateAliasName } from './markers.js';
import type { LambdaTarget } from './target.js';

/** $LATEST's fields a run changes, as they were before it. */
export interface OriginalConfiguration {
  memoryMb: number;
  description: string;
}

export interface RemovedLeftovers {
  runId: string;
  /** $LATEST carried the run's marker and was put back to this memory size. */
  restoredMemoryMb?: number;
  deletedAliases: string[];
  deletedVersions: string[];
  /** What could not be removed or restored, with the reason. */
  problems: string[];
}

/** One run's aliases (`lpg-<run>-*`) among a function's aliases, and its deadline when its state alias says it. */
export function runAliases(
  aliases: readonly AliasConfiguration[],
  runId: string,
): { names: string[]; deadlineMs?: number; originalDescription?: string } {
  const names = runAliasNames(aliases, runId);
  const state = aliases.find((alias) => parseStateAliasName(alias.Name ?? '')?.runId === runId);
  const parsed = state ? parseStateAliasName(state.Name ?? '') : undefined;
  return {
    names,
    ...(parsed ? { deadlineMs: parsed.deadlineMs, originalDescription: state?.Description ?? '' } : {}),
  };
}

/**
 * Finds and removes everything of one run on one function: puts $LATEST back when it carries the run's marker,
 * deletes the run's aliases, then the versions whose Description is the run's, then the state alias — last, and only
 * when nothing else is left, so a failure here leaves what the next attempt needs. `target` must be built with
 * `runId` (its restore() only undoes its own run's marker). `original` is the post step's saved snapshot; without it
 * the marker's original memory and the state alias's Description are used. Returns without a single version listing
 * when the run left nothing (no alias, no marker): the state alias outlives every other leftover.
 */
export async function removeRunLeftovers(
  target: LambdaTarget,
  functionArn: string,
  region: string,
  runId: string,
  original?: OriginalConfiguration,
): Promise<RemovedLeftovers> {
  const removed: RemovedLeftovers = { runId, deletedAliases: [], deletedVersions: [], problems: [] };
  const config = await target.currentConfiguration(functionArn);
  const marker = parseMarker(config.Description);
  const markerIsOurs = marker?.runId === runId;
  const aliases = runAliases(await target.listAliases(functionArn), runId);
  if (!markerIsOurs && aliases.names.length === 0) return removed;

  if (markerIsOurs) {
    const memoryMb = original?.memoryMb ?? marker.originalMemoryMb;
    const description = original?.description ?? aliases.originalDescription;
    if (memoryMb === undefined || description === undefined) {
      removed.problems.push(
        `$LATEST carries run ${runId}'s marker but its original configuration is unknown (no state alias): set MemorySize and Description back by hand`,
      );
    } else {
      // The function's ARN as given (the post step's saved one), not as read back.
      const snapshot = { ...snapshotOf(config, region, functionArn, { memoryMb, description }), functionArn };
      try {
        await target.restore(snapshot);
        removed.restoredMemoryMb = memoryMb;
      } catch (error) {
        removed.problems.push(messageOf(error));
      }
    }
  }

  // The aliases, then the versions, by the one clean-up there is (leftovers.ts); the state alias last, and only when
  // nothing else is left.
  const stateAlias = aliases.names.find((name) => parseStateAliasName(name) !== undefined);
  const aliasReport = await target.removeLeftovers(functionArn, {
    aliases: aliases.names.filter((entry) => entry !== stateAlias),
    versions: [],
  });
  const versionReport = await target.removeLeftovers(functionArn, {
    aliases: [],
    versions: await target.listRunVersions(functionArn, runId),
  });
  for (const report of [aliasReport, versionReport]) {
    removed.deletedAliases.push(...report.deletedAliases);
    removed.deletedVersions.push(...report.deletedVersions);
    removed.problems.push(...report.problems);
  }
  if (stateAlias && removed.problems.length === 0) {
    try {
      await target.deleteAlias(functionArn, stateAlias);
      removed.deletedAliases.push(stateAlias);
    } catch (error) {
      removed.problems.push(`alias ${stateAlias}: ${messageOf(error)}`);
    }
  }
  return removed;
}

/** One line for the log: what was removed (and put back). */
export function describeRemoval(removed: RemovedLeftovers, functionName: string): string {
  const parts: string[] = [];
  if (removed.restoredMemoryMb !== undefined)
    parts.push(`$LATEST put back to ${removed.restoredMemoryMb} MB and its original description`);
  if (removed.deletedAliases.length > 0)
    parts.push(`deleted ${removed.deletedAliases.length} aliases (${removed.deletedAliases.join(', ')})`);
  if (removed.deletedVersions.length > 0)
    parts.push(`deleted ${removed.deletedVersions.length} versions (${removed.deletedVersions.join(', ')})`);
  return `${functionName}: ${parts.length > 0 ? parts.join('; ') : 'nothing to remove'}`;
}

/**
 * Before a run: removes what killed runs left on the function — `lpg-<run>-*` aliases of another run whose deadline
 * (start + timeout-minutes + clean-up grace, in its state alias's name) has passed, with their versions, and
 * $LATEST when it still carries that run's marker. A run whose deadline has not passed may still be measuring
 * through its aliases: it is left alone, with one line saying until when. Returns the runs it removed.
 */
export async function recoverAbandonedRuns(
  targetFor: (runId: string) => LambdaTarget,
  functionArn: string,
  functionName: string,
  region: string,
  ownRunId: string,
  nowMs: number,
  logger: EngineLogger,
): Promise<RemovedLeftovers[]> {
  const aliases = await targetFor(ownRunId).listAliases(functionArn);
  const runIds = [
    ...new Set(
      aliases
        .map((alias) => aliasRunId(alias.Name ?? ''))
        .filter((id): id is string => id !== undefined && id !== ownRunId),
    ),
  ];
  const removedRuns: RemovedLeftovers[] = [];
  for (const runId of runIds) {
    const found = runAliases(aliases, runId);
    if (found.deadlineMs === undefined) {
      logger.info(
        `${functionName} has aliases of lambda-power-gate run ${runId} (${found.names.join(', ')}) that record no deadline (an older version of the tool, or the run is still cleaning up): left alone; delete them and their versions by hand if no run is in progress`,
      );
      continue;
    }
    const until = new Date(found.deadlineMs).toISOString();
    if (nowMs <= found.deadlineMs) {
      logger.info(
        `${functionName} has ${found.names.length} aliases of lambda-power-gate run ${runId}, which may still be running until ${until}: left alone`,
      );
      continue;
    }
    const removed = await removeRunLeftovers(targetFor(runId), functionArn, region, runId);
    removedRuns.push(removed);
    logger.warning(
      `Run ${runId} ended at ${until} without cleaning up (was it killed?); removed what it left: ${describeRemoval(removed, functionName)}`,
    );
    if (removed.problems.length > 0)
      logger.warning(
        `Could not remove everything run ${runId} left on ${functionName}: ${removed.problems.join('; ')}`,
      );
  }
  return removedRuns;
}
