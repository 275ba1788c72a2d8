// The post step (action.yml `runs.post`, `post-if: always()`): the safety net for a main step the runner killed
// (a cancelled job: SIGINT, 7.5 s, SIGTERM, 2.5 s, SIGKILL) or that died. The main step saves the run id and each
// function's original configuration as soon as it has read them (saveRunState); this step finds what of that run is
// still on each function — its marker on $LATEST, `lpg-<run>-*` aliases, versions with its description — puts
// $LATEST back and deletes the rest (tuning/recovery.ts). After a main step that cleaned up, it makes two read
// calls per function and says so in one line. The architecture copies the run made (tuning/arch-copy.ts) are saved
// by name before each is created; the post step deletes those still there (tuning/arch-copy-leftovers.ts; one
// GetFunction each when gone).

import * as runner from './runner.js';
import { createLambdaClient, waiterMinDelaySecFor } from '../tuning/client.js';
import { actionLog } from './log.js';
import { realSleep, type EngineLogger } from '../lib/ports.js';
import { errorName } from '../lib/retry.js';
import { describeRemoval, removeRunLeftovers } from '../tuning/recovery.js';
import { messageOf } from '../lib/errors.js';
import { LambdaTarget, type FunctionSnapshot } from '../tuning/target.js';
import { removeRunCopies } from '../tuning/arch-copy-leftovers.js';

/** saveState's name for the run; the runner hands it to the post step as STATE_run. */
export const RUN_STATE = 'run';

/** What the post step needs of the main step's run. */
export interface SavedRun {
  runId: string;
  /** The Lambda endpoint (the emulator), empty for AWS. */
  endpoint?: string;
  functions: SavedFunction[];
  /** The temporary copies on the other architecture (tuning/arch-copy.ts), saved before each was created. */
  copies?: SavedCopy[];
}

export interface SavedCopy {
  functionName: string;
  region: string;
}

export interface SavedFunction {
  name: string;
  functionArn: string;
  region: string;
  memoryMb: number;
  description: string;
  revisionId: string;
}

/**
 * The main step's savers, both writing one run state (each save holds everything so far; the runner keeps the last):
 * `onSnapshot` each time a function's snapshot is taken, `onCopy` before an architecture copy is created (pass it
 * as makeArchitectureCopy's `onCreating`). Only where the runner gives a state file (GITHUB_STATE): the old
 * `::save-state` command is deprecated.
 */
export function runStateSavers(
  endpoint: string | undefined,
  env: NodeJS.ProcessEnv,
): {
  onSnapshot: (snapshot: FunctionSnapshot, run: { runId: string }) => void;
  onCopy: (copy: SavedCopy, run: { runId: string }) => void;
} {
  const saved: SavedRun = { runId: '', ...(endpoint ? { endpoint } : {}), functions: [] };
  const save = (runId: string) => {
    saved.runId = runId;
    runner.saveState(RUN_STATE, JSON.stringify(saved));
  };
  return {
    onSnapshot: (snapshot, run) => {
      if (!env.GITHUB_STATE) return;
      saved.functions = [
        ...saved.functions.filter((entry) => entry.functionArn !== snapshot.functionArn),
        {
          name: snapshot.identity.name,
          functionArn: snapshot.functionArn,
          region: snapshot.identity.region,
          memoryMb: snapshot.memoryMb,
          description: snapshot.description,
          revisionId: snapshot.revisionId,
        },
      ];
      save(run.runId);
    },
    onCopy: (copy, run) => {
      if (!env.GITHUB_STATE) return;
      saved.copies = [...(saved.copies ?? []).filter((entry) => entry.functionName !== copy.functionName), copy];
      save(run.runId);
    },
  };
}

/** The saved run, or undefined when the main step saved none (it failed before reading any function, or a dry run). */
export function parseSavedRun(text: string): SavedRun | undefined {
  if (!text) return undefined;
  try {
    const parsed = JSON.parse(text) as Partial<SavedRun>;
    if (typeof parsed.runId !== 'string' || !/^[A-Za-z0-9_]+$/.test(parsed.runId) || !Array.isArray(parsed.functions))
      return undefined;
    const copies = Array.isArray(parsed.copies)
      ? parsed.copies.filter(
          (copy): copy is SavedCopy =>
            typeof copy?.functionName === 'string' && typeof copy.region === 'string' && copy.region !== '',
        )
      : [];
    return { ...(parsed as SavedRun), copies };
  } catch {
    return undefined;
  }
}

export async function post(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const saved = parseSavedRun(runner.getState(RUN_STATE));
  const copies = saved?.copies ?? [];
  if (!saved || (saved.functions.length === 0 && copies.length === 0) || !saved.runId) {
    actionLog.info('lambda-power-gate post step: the main step changed no function; nothing to clean up.');
    return;
  }
  const logger: EngineLogger = {
    info: (message) => actionLog.info(message),
    warning: (message) => actionLog.warning(message),
    debug: (message) => actionLog.debug(message),
    group: (name, fn) => actionLog.group(name, fn),
    progress: () => {},
  };
  const problems: string[] = [];
  const lines: string[] = [];
  for (const fn of saved.functions) {
    const client = createLambdaClient(
      { region: fn.region, ...(saved.endpoint ? { endpoint: saved.endpoint } : {}) },
      env,
    );
    const target = new LambdaTarget(client, fn.functionArn, fn.region, {
      logger,
      sleep: realSleep,
      runId: saved.runId,
      waiterMinDelaySec: waiterMinDelaySecFor(saved.endpoint),
    });
    try {
      const removed = await removeRunLeftovers(target, fn.functionArn, fn.region, saved.runId, {
        memoryMb: fn.memoryMb,
        description: fn.description,
      });
      const found =
        removed.restoredMemoryMb !== undefined ||
        removed.deletedAliases.length + removed.deletedVersions.length + removed.problems.length > 0;
      if (found) lines.push(describeRemoval(removed, fn.name));
      problems.push(...removed.problems.map((problem) => `${fn.name}: ${problem}`));
    } catch (error) {
      // Deleted since (a per-PR stack torn down before the post step): nothing of it is left to clean up.
      if (errorName(error) === 'ResourceNotFoundException')
        actionLog.info(`lambda-power-gate post step: ${fn.name} no longer exists; nothing to clean up there.`);
      else problems.push(`${fn.name}: ${messageOf(error)}`);
    } finally {
      client.destroy();
    }
  }
  for (const region of [...new Set(copies.map((copy) => copy.region))]) {
    const client = createLambdaClient({ region, ...(saved.endpoint ? { endpoint: saved.endpoint } : {}) }, env);
    try {
      const names = copies.filter((copy) => copy.region === region).map((copy) => copy.functionName);
      const removed = await removeRunCopies(client, saved.runId, names, { logger, sleep: realSleep });
      if (removed.deleted.length > 0)
        lines.push(`deleted the architecture copies ${removed.deleted.join(', ')} (${region})`);
      problems.push(...removed.problems);
    } finally {
      client.destroy();
    }
  }
  if (lines.length === 0 && problems.length === 0) {
    actionLog.info(`lambda-power-gate post step: run ${saved.runId} left nothing behind; nothing to clean up.`);
    return;
  }
  for (const line of lines)
    actionLog.warning(
      `The main step did not finish cleaning up run ${saved.runId} (was it cancelled or killed?); the post step did: ${line}`,
    );
  if (problems.length > 0) {
    actionLog.setFailed(`lambda-power-gate post step could not clean up run ${saved.runId}: ${problems.join('; ')}`);
  }
}
