// A copy's name and tags, which make it recognisable as this tool's and as one run's, and its delete — by the run
// that made it (arch-copy.ts, `dispose`), by the post step from the names the run saved (`removeRunCopies`, for a
// killed main step), and by the next copying run's sweep of copies whose run is over (`recoverAbandonedCopies`: their
// `lambda-power-gate:until` tag has passed), which the run's first makeArchitectureCopy does itself before creating
// anything (`sweepLeftovers`, default on). Lambda has no filter by tag in ListFunctions (its FunctionConfiguration
// carries no tags), so the sweep lists the region's functions, keeps the names with this tool's prefix and reads
// their tags with ListTags before deleting anything.

import {
  DeleteFunctionCommand,
  GetFunctionCommand,
  ListFunctionsCommand,
  ListTagsCommand,
  type Architecture,
  type LambdaClient,
} from '@aws-sdk/client-lambda';
import { createHash } from 'node:crypto';
import { messageOf } from '../lib/errors.js';
import { realSleep, type EngineLogger, type Sleep } from '../lib/ports.js';
import { inertText } from '../lib/untrusted.js';
import { ControlPlane } from './control-plane.js';
import type { RateLimiter } from './limiter.js';
import { isoSeconds } from './markers.js';
import { isNotFound } from './target-errors.js';

/** Every copy's name starts with this; docs/SECURITY.md scopes CreateFunction and DeleteFunction to it. */
export const COPY_NAME_PREFIX = 'lpg-copy-';

/** The tags every copy carries (at most 128-character keys, 256-character values: AWS's tag limits). */
export const COPY_TAGS = {
  /** The source function's ARN. */
  copyOf: 'lambda-power-gate:copy-of',
  runId: 'lambda-power-gate:run-id',
  /** The run's deadline (ISO 8601): after it, a later run may delete the copy. */
  until: 'lambda-power-gate:until',
} as const;

/**
 * A function name: "If you specify only the function name, it is limited to 64 characters in length" (the
 * FunctionName member of CreateFunction, Lambda API reference); the characters are `[a-zA-Z0-9-_]`.
 */
export const MAX_FUNCTION_NAME_CHARS = 64;

/** The copy's name: `lpg-copy-<run>-<architecture>-<source>`, the source shortened (with a hash) to fit 64. */
export function copyName(runId: string, architecture: Architecture, sourceName: string): string {
  const base = `${COPY_NAME_PREFIX}${runId}-${architecture}-`;
  const room = MAX_FUNCTION_NAME_CHARS - base.length;
  if (room < 8) throw new Error(`run id ${runId} is too long for a copy's name`);
  if (sourceName.length <= room) return base + sourceName;
  const hash = createHash('sha256').update(sourceName).digest('hex').slice(0, 6);
  return `${base}${sourceName.slice(0, room - hash.length - 1)}-${hash}`;
}

/** The run a copy's name belongs to, or undefined for any other function. */
export function copyRunId(functionName: string): string | undefined {
  return new RegExp(`^${COPY_NAME_PREFIX}([A-Za-z0-9_]+)-(?:x86_64|arm64)-`).exec(functionName)?.[1];
}

export interface CopyCleanupOptions {
  logger: EngineLogger;
  sleep?: Sleep;
  limiter?: RateLimiter;
  signal?: AbortSignal;
}

/** A copy's control plane, paced by the run's limiter when it has one (ArchitectureCopyOptions has all of these). */
export function controlPlaneFor(
  client: LambdaClient,
  functionName: string,
  options: CopyCleanupOptions & { random?: () => number; waiterMinDelaySec?: number },
): ControlPlane {
  return new ControlPlane(client, functionName, {
    logger: options.logger,
    sleep: options.sleep ?? realSleep,
    ...(options.random ? { random: options.random } : {}),
    ...(options.limiter ? { limiter: options.limiter } : {}),
    ...(options.waiterMinDelaySec !== undefined ? { waiterMinDelaySec: options.waiterMinDelaySec } : {}),
  });
}

/** DeleteFunction without a qualifier (the copy, its versions and aliases); "not found" counts as deleted. */
export async function deleteCopy(api: ControlPlane, functionName: string, signal?: AbortSignal): Promise<void> {
  if (copyRunId(functionName) === undefined) throw new Error(`refusing to delete ${functionName}: not a copy's name`);
  await api
    .send('DeleteFunction', new DeleteFunctionCommand({ FunctionName: functionName }), signal)
    .catch((error: unknown) => {
      if (!isNotFound(error)) throw error;
    });
}

/**
 * The post step's delete of the copies a run saved (by name): only names of that run (`lpg-copy-<run>-…`); one already
 * gone counts as deleted. Returns the names deleted and the problems, one per copy that could not be deleted.
 */
export async function removeRunCopies(
  client: LambdaClient,
  runId: string,
  functionNames: readonly string[],
  options: CopyCleanupOptions,
): Promise<{ deleted: string[]; problems: string[] }> {
  const deleted: string[] = [];
  const problems: string[] = [];
  for (const name of functionNames) {
    if (copyRunId(name) !== runId) {
      problems.push(`${name}: not a copy of run ${runId}, left alone`);
      continue;
    }
    const api = controlPlaneFor(client, name, options);
    try {
      const exists = await api
        .send('GetFunction', new GetFunctionCommand({ FunctionName: name }), options.signal)
        .then(() => true)
        .catch((error: unknown) => {
          if (isNotFound(error)) return false;
          throw error;
        });
      if (!exists) continue;
      await deleteCopy(api, name, options.signal);
      deleted.push(name);
    } catch (error) {
      problems.push(`copy ${name}: ${messageOf(error)}`);
    }
  }
  return { deleted, problems };
}

/** Lambda's page size for ListFunctions ("up to 50 functions per call"). */
const PAGE_SIZE = 50;

/**
 * Before a run makes a copy: deletes the copies killed runs left in this region — a function named `lpg-copy-…` whose
 * tags say it is this tool's copy (`lambda-power-gate:copy-of`) and whose run's deadline (`lambda-power-gate:until`)
 * has passed. A copy of a run that may still be going, or without those tags, is left alone with one line. Never
 * fails the run: a policy without lambda:ListFunctions or lambda:ListTags gets one warning naming them.
 */
export async function recoverAbandonedCopies(
  client: LambdaClient,
  ownRunId: string,
  nowMs: number,
  options: CopyCleanupOptions,
): Promise<{ deleted: string[]; leftAlone: string[] }> {
  const { logger, signal } = options;
  const api = controlPlaneFor(client, 'lambda-power-gate-copies', options);
  const deleted: string[] = [];
  const leftAlone: string[] = [];
  try {
    const candidates: Array<{ name: string; arn: string }> = [];
    let marker: string | undefined;
    do {
      const page = await api.send(
        'ListFunctions',
        new ListFunctionsCommand({ Marker: marker, MaxItems: PAGE_SIZE }),
        signal,
      );
      for (const fn of page.Functions ?? []) {
        const name = fn.FunctionName ?? '';
        const runId = copyRunId(name);
        if (runId !== undefined && runId !== ownRunId) candidates.push({ name, arn: fn.FunctionArn ?? name });
      }
      marker = page.NextMarker;
    } while (marker);
    for (const { name, arn } of candidates) {
      const { Tags: tags = {} } = await api.send('ListTags', new ListTagsCommand({ Resource: arn }), signal);
      const untilMs = Date.parse(tags[COPY_TAGS.until] ?? '');
      if (tags[COPY_TAGS.copyOf] === undefined || !Number.isFinite(untilMs)) {
        logger.info(`${name} looks like a lambda-power-gate copy but lacks its tags: left alone; delete it by hand`);
        leftAlone.push(name);
        continue;
      }
      if (nowMs <= untilMs) {
        logger.info(`${name} is a copy of a run that may still be going until ${isoSeconds(untilMs)}: left alone`);
        leftAlone.push(name);
        continue;
      }
      await deleteCopy(controlPlaneFor(client, name, options), name, signal);
      deleted.push(name);
      logger.warning(
        `Deleted ${name}, a copy of ${inertText(tags[COPY_TAGS.copyOf] ?? '')} that run ${inertText(tags[COPY_TAGS.runId] ?? '?')} left (it ended at ${isoSeconds(untilMs)} without cleaning up: was it killed?)`,
      );
    }
  } catch (error) {
    if (signal?.aborted) throw error;
    logger.warning(
      `Could not look for copies killed runs left (${messageOf(error)}); the policy needs lambda:ListFunctions, lambda:ListTags and lambda:DeleteFunction on lpg-copy-* (docs/SECURITY.md)`,
    );
  }
  return { deleted, leftAlone };
}
