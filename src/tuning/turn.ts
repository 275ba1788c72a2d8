// Whose turn it is on $LATEST. Runs of this tool take turns: each puts its marker on $LATEST with every change, and
// no run changes (or snapshots) $LATEST while another run's marker is on it. A marker left by a run that was killed
// is taken back from its recovery data (the marker's original memory, its state alias's Description).

import {
  GetAliasCommand,
  UpdateFunctionConfigurationCommand,
  type FunctionConfiguration,
} from '@aws-sdk/client-lambda';
import { backoffDelayMs, errorName } from '../lib/retry.js';
import { abortReason } from './limiter.js';
import type { ControlPlane } from './control-plane.js';
import { unqualifiedArn } from './function-config.js';
import { isoSeconds, markerRunId, parseMarker, stateAliasName } from './markers.js';
import { AbandonedRunError } from './target-errors.js';

export interface TurnOptions {
  /** This run: its own marker never blocks it. */
  runId: string;
  /** How long another run's marker may sit unchanged on $LATEST before it counts as abandoned. Default 5 minutes. */
  foreignRunStaleMs?: number;
}

const FOREIGN_RUN_STALE_MS = 5 * 60_000;

/**
 * Reads $LATEST once no update is in progress and no other lambda-power-gate run holds it; the RevisionId of
 * what it returns guards the change the caller makes next. A marker that stays unchanged for foreignRunStaleMs (or
 * past its run's deadline) belongs to a run that was killed before it could restore: its recovery data puts $LATEST
 * back, and without it this fails, loudly, because this run cannot know the function's original configuration.
 */
export async function awaitTurn(
  api: ControlPlane,
  options: TurnOptions,
  functionName: string,
  signal?: AbortSignal,
): Promise<FunctionConfiguration> {
  const { logger, sleep, random } = api.options;
  const staleMs = options.foreignRunStaleMs ?? FOREIGN_RUN_STALE_MS;
  const now = api.options.now ?? Date.now;
  let held: { key: string; sinceMs: number } | undefined;
  for (let attempt = 1; ; attempt++) {
    if (signal?.aborted) throw abortReason(signal);
    const config = await api.readConfiguration(functionName, signal);
    if (config.LastUpdateStatus === 'InProgress') {
      await api.untilNotUpdating(functionName, signal);
      continue;
    }
    const owner = markerRunId(config.Description);
    if (owner === undefined || owner === options.runId) return config;
    const nowMs = now();
    const key = `${config.Description ?? ''}|${config.LastModified ?? ''}`;
    if (held?.key !== key) {
      if (held === undefined) {
        logger.info(
          `$LATEST of ${config.FunctionName ?? functionName} is held by another lambda-power-gate run (${owner}: "${config.Description}"); waiting until it puts the function back`,
        );
      }
      held = { key, sinceMs: nowMs };
    }
    const modifiedMs = Date.parse(config.LastModified ?? '');
    const unchangedMs = Math.max(nowMs - held.sinceMs, Number.isFinite(modifiedMs) ? nowMs - modifiedMs : 0);
    const marker = parseMarker(config.Description);
    const over = marker?.deadlineMs !== undefined && nowMs > marker.deadlineMs;
    if (unchangedMs >= staleMs || over) {
      // A marker with recovery data says what to put back: take $LATEST back and go on. Safe even if its run is
      // alive after all (stuck, not killed): the original is the same for both runs, and every change of both is
      // guarded by the RevisionId just read. Its aliases and versions are another matter (recovery.ts).
      if (await takeBack(api, functionName, config, unchangedMs)) continue;
      throw new AbandonedRunError(
        `$LATEST of ${config.FunctionName ?? functionName} has carried "${config.Description}" since ${config.LastModified ?? 'an unknown time'}: ` +
          `lambda-power-gate run ${owner} set it and never put the function back (was that run killed?). ` +
          (marker?.originalMemoryMb === undefined
            ? 'Its original memory size is unknown here: set MemorySize and Description back by hand'
            : `Its original description is unknown here (its state alias is gone): set MemorySize back to ${marker.originalMemoryMb} and Description by hand`) +
          `, delete the aliases named lpg-${owner}-* and their versions, then run again`,
      );
    }
    await sleep(backoffDelayMs(Math.min(attempt, 6), 250, 5_000, random ?? Math.random), signal);
  }
}

/**
 * Puts back $LATEST that another run's marker holds, from the marker's original memory and its state alias's
 * Description. False when the marker carries no recovery data or the state alias is gone (then nobody knows the
 * original any more). Guarded by the RevisionId read with the marker; true, to read again, when that changed.
 */
export async function takeBack(
  api: ControlPlane,
  functionName: string,
  config: FunctionConfiguration,
  unchangedMs: number,
): Promise<boolean> {
  const marker = parseMarker(config.Description);
  if (marker?.originalMemoryMb === undefined || marker.deadlineMs === undefined) return false;
  const fn = config.FunctionArn ? unqualifiedArn(config.FunctionArn) : functionName;
  let original: string | undefined;
  try {
    const alias = await api.send(
      'GetAlias',
      new GetAliasCommand({ FunctionName: fn, Name: stateAliasName(marker.runId, marker.deadlineMs) }),
    );
    original = alias.Description ?? '';
  } catch (error) {
    if (errorName(error) === 'ResourceNotFoundException') return false;
    throw error;
  }
  try {
    await api.send(
      'UpdateFunctionConfiguration',
      new UpdateFunctionConfigurationCommand({
        FunctionName: fn,
        MemorySize: marker.originalMemoryMb,
        Description: original,
        RevisionId: config.RevisionId,
      }),
    );
  } catch (error) {
    // Changed since we read it: its run is alive after all, or another run took it back first. Read again.
    if (errorName(error) === 'PreconditionFailedException') return true;
    throw error;
  }
  await api.waitUntilUpdated(fn);
  const why =
    (api.options.now ?? Date.now)() > marker.deadlineMs
      ? `its deadline ${isoSeconds(marker.deadlineMs)} has passed`
      : `it has not changed for ${Math.round(unchangedMs / 60_000)} minutes`;
  api.options.logger.warning(
    `$LATEST of ${config.FunctionName ?? fn} carried run ${marker.runId}'s marker and ${why} (was that run killed?): put back to ${marker.originalMemoryMb} MB and its original description`,
  );
  return true;
}
