// A run's leftovers on one function: finding them (its `lpg-<run>-…` aliases, the versions whose Description is the
// run's) and deleting them. The one implementation behind the main step's clean-up (LambdaTarget.cleanup), the post
// step and a later run's recovery (recovery.ts): every call through the run's control plane (its limiter), deletes in
// parallel within it, and a failure of one delete never stops the others.

import { ListAliasesCommand, ListVersionsByFunctionCommand, type AliasConfiguration } from '@aws-sdk/client-lambda';
import pLimit from 'p-limit';
import { messageOf } from '../lib/errors.js';
import type { ControlPlane } from './control-plane.js';
import { isRunVersion } from './markers.js';
import { isNotFound } from './target-errors.js';

/** A run's aliases and versions on one function, by name and number. */
export interface RunLeftovers {
  aliases: string[];
  versions: string[];
}

export interface CleanupReport {
  deletedAliases: string[];
  deletedVersions: string[];
  /** Things we could not delete, with the reason: reported loudly, never swallowed. */
  problems: string[];
  /** What is (or may be) still there: failed, or not tried because the clean-up's signal ended it. */
  remaining: RunLeftovers;
}

export interface PublishedVersion {
  version: string;
  description: string;
}

/**
 * Deletes in flight at once; the limiter sets the pace, this only bounds open sockets. A slow control plane answers
 * in about a second, so one call at a time would not fit the runner's cancel window.
 */
const DELETES_IN_FLIGHT = 10;

/** Lambda's page size for both listings ("returns a maximum of 50 items in each response", botocore's Lambda model). */
const PAGE_SIZE = 50;

/** Every alias of the function (ListAliases, all pages). */
export async function listAliases(
  api: ControlPlane,
  functionArn: string,
  signal?: AbortSignal,
): Promise<AliasConfiguration[]> {
  const aliases: AliasConfiguration[] = [];
  let marker: string | undefined;
  do {
    const page = await api.send(
      'ListAliases',
      new ListAliasesCommand({ FunctionName: functionArn, Marker: marker, MaxItems: PAGE_SIZE }),
      signal,
    );
    aliases.push(...(page.Aliases ?? []));
    marker = page.NextMarker;
  } while (marker);
  return aliases;
}

/** Every published version of the function with its Description (ListVersionsByFunction, all pages; never $LATEST). */
export async function listVersions(
  api: ControlPlane,
  functionArn: string,
  signal?: AbortSignal,
): Promise<PublishedVersion[]> {
  const versions: PublishedVersion[] = [];
  let marker: string | undefined;
  do {
    const command = new ListVersionsByFunctionCommand({
      FunctionName: functionArn,
      Marker: marker,
      MaxItems: PAGE_SIZE,
    });
    const page = await api.send('ListVersionsByFunction', command, signal);
    for (const config of page.Versions ?? []) {
      if (config.Version && config.Version !== '$LATEST')
        versions.push({ version: config.Version, description: config.Description ?? '' });
    }
    marker = page.NextMarker;
  } while (marker);
  return versions;
}

/** The run's aliases among a function's: named `lpg-<runId>-…`. */
export function runAliasNames(aliases: readonly AliasConfiguration[], runId: string): string[] {
  return aliases.map((alias) => alias.Name ?? '').filter((name) => name.startsWith(`lpg-${runId}-`));
}

/** The versions the run published among a function's (by their Description, unique to the run), in number order. */
export function runVersionNumbers(versions: readonly PublishedVersion[], runId: string): string[] {
  return versions
    .filter((entry) => isRunVersion(entry.description, runId))
    .map((entry) => entry.version)
    .sort((a, b) => Number(a) - Number(b));
}

/** The versions of the run, as Lambda lists them now. */
export async function listRunVersions(
  api: ControlPlane,
  functionArn: string,
  runId: string,
  signal?: AbortSignal,
): Promise<string[]> {
  return runVersionNumbers(await listVersions(api, functionArn, signal), runId);
}

/** The run's aliases and versions, as Lambda lists them now (both listings side by side). */
export async function listRunLeftovers(
  api: ControlPlane,
  functionArn: string,
  runId: string,
  signal?: AbortSignal,
): Promise<RunLeftovers> {
  const [aliases, versions] = await Promise.all([
    listAliases(api, functionArn, signal),
    listRunVersions(api, functionArn, runId, signal),
  ]);
  return { aliases: runAliasNames(aliases, runId), versions };
}

/**
 * Deletes the aliases, then the versions (a version an alias points at cannot be deleted), each group in parallel
 * within the control-plane pace. "Not found" counts as deleted. Calls the signal cuts short are left in `remaining`,
 * and never reported as problems. Every list in the report is in the order of `leftovers`, whatever order the
 * parallel deletes answer in.
 */
export async function removeLeftovers(
  api: ControlPlane,
  functionArn: string,
  leftovers: RunLeftovers,
  signal?: AbortSignal,
): Promise<CleanupReport> {
  const inFlight = pLimit(DELETES_IN_FLIGHT);
  const deleted = new Set<string>();
  const problems = new Map<string, string>();
  const remove = (key: string, call: () => Promise<unknown>) =>
    inFlight(async () => {
      try {
        await call();
        deleted.add(key);
      } catch (error) {
        if (isNotFound(error)) deleted.add(key);
        else if (!signal?.aborted) problems.set(key, `${key}: ${messageOf(error)}`);
      }
    });
  await Promise.all(
    leftovers.aliases.map((alias) => remove(`alias ${alias}`, () => api.deleteAlias(functionArn, alias, signal))),
  );
  await Promise.all(
    leftovers.versions.map((version) =>
      remove(`version ${version}`, () => api.deleteVersion(functionArn, version, signal)),
    ),
  );
  const isDeleted = (kind: string) => (name: string) => deleted.has(`${kind} ${name}`);
  const isLeft = (kind: string) => (name: string) => !deleted.has(`${kind} ${name}`);
  return {
    deletedAliases: leftovers.aliases.filter(isDeleted('alias')),
    deletedVersions: leftovers.versions.filter(isDeleted('version')),
    problems: [
      ...leftovers.aliases.map((alias) => `alias ${alias}`),
      ...leftovers.versions.map((version) => `version ${version}`),
    ].flatMap((key) => {
      const problem = problems.get(key);
      return problem === undefined ? [] : [problem];
    }),
    remaining: {
      aliases: leftovers.aliases.filter(isLeft('alias')),
      versions: leftovers.versions.filter(isLeft('version')).sort((a, b) => Number(a) - Number(b)),
    },
  };
}
