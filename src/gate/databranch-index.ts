// The data branch's model: what each function key's index.json holds, which entries it keeps, and which stored runs
// a comparison reads. Pure; databranch.ts reads and writes it through the GitHub API.
//
// Layout, one directory per key (the stable name of a function across PR deployments):
//   README.md                   what the branch is (written when the branch is created)
//   <key>/index.json            { schemaVersion, key, entries: [{ sha, ref, committedAt, storedAt, path, … }] },
//                               newest first, at most history-limit entries
//   <key>/runs/<sha>.json       the results.json of the run that measured commit <sha>
// An app (several functions in one step, issue 15) keeps one such directory per function under the app's key, so
// a function's history is its own (a function added later starts its own; a matrix shard stores only its own):
//   <app-key>/<function-key>/index.json, <app-key>/<function-key>/runs/<sha>.json   (a version 1 run result each)
// The functions of one run are written in one commit. Everything below works on a "folder": <key> for one
// function-name (today's layout, unchanged), <app-key>/<function-key> for an app's function.

import type { RunResult } from '../types.js';
import type { CommitInfo } from './baseline.js';

export const INDEX_SCHEMA_VERSION = 1;
/** Stored runs read for the run-to-run noise estimate, the chosen one included. */
const HISTORY_RUNS = 10;

export interface HistoryEntry {
  /** The commit the run measured. */
  sha: string;
  ref?: string;
  /** The commit's committer date (ISO 8601), for the timestamp fallback. */
  committedAt?: string;
  /** When the entry was written. */
  storedAt: string;
  /** results.json on the branch. */
  path: string;
  toolVersion: string;
  recommendedMemoryMb: number | null;
  /**
   * Set when the function was unchanged in this run: the stored figures are a copy of the run that measured commit
   * `carriedFrom` (when known), not a new measurement, so the noise estimate must not count them twice.
   */
  carriedFrom?: string;
}

export interface HistoryIndex {
  schemaVersion: typeof INDEX_SCHEMA_VERSION;
  key: string;
  entries: HistoryEntry[];
}

export const indexPath = (key: string): string => `${key}/index.json`;
export const runPath = (key: string, sha: string): string => `${key}/runs/${sha}.json`;

/**
 * An app's function's folder. Both keys are one path segment each (settings/branches.ts checkKey already allows
 * nothing else); checked again here because a folder is a path on a branch, and a key with '/' or '..' would write
 * into another key's history.
 */
export function appFolder(appKey: string, functionKey: string): string {
  return `${pathSegment(appKey, 'app key')}/${pathSegment(functionKey, 'function key')}`;
}

export function pathSegment(name: string, what: string): string {
  if (!/^[A-Za-z0-9._-]{1,128}$/.test(name) || name === '.' || name === '..')
    throw new Error(
      `the ${what} ${JSON.stringify(name.slice(0, 60))} cannot name a folder on the data branch (letters, digits, '.', '-', '_')`,
    );
  return name;
}

/** The index entry of a run stored at `path` for `commit`. */
export function historyEntry(
  commit: CommitInfo,
  result: RunResult,
  path: string,
  storedAt: Date,
  carried = false,
): HistoryEntry {
  return {
    sha: commit.sha,
    ...(commit.ref ? { ref: commit.ref } : {}),
    ...(commit.committedAt ? { committedAt: commit.committedAt } : {}),
    storedAt: storedAt.toISOString(),
    path,
    toolVersion: result.tool.version,
    recommendedMemoryMb: result.recommendation?.memoryMb ?? null,
    ...(carried ? { carriedFrom: result.git?.sha ?? 'unknown' } : {}),
  };
}

/** The new index: the entry first (replacing one for the same commit), at most `limit`, and what fell off. */
export function addEntry(
  previous: HistoryIndex | null,
  key: string,
  entry: HistoryEntry,
  limit: number,
): { index: HistoryIndex; dropped: string[] } {
  const others = (previous?.entries ?? []).filter((existing) => existing.sha !== entry.sha);
  const entries = [entry, ...others];
  const kept = entries.slice(0, Math.max(1, limit));
  const keptPaths = new Set(kept.map((item) => item.path));
  const dropped = entries
    .slice(kept.length)
    .map((item) => item.path)
    .filter((path) => !keptPaths.has(path));
  return { index: { schemaVersion: INDEX_SCHEMA_VERSION, key, entries: kept }, dropped };
}

export function parseIndex(text: string, key: string): HistoryIndex {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`${key}/index.json on the data branch is not valid JSON`);
  }
  const index = parsed as Partial<HistoryIndex> | null;
  if (!index || index.schemaVersion !== INDEX_SCHEMA_VERSION || !Array.isArray(index.entries)) {
    throw new Error(
      `${key}/index.json on the data branch is not a lambda-power-gate index (schemaVersion ${INDEX_SCHEMA_VERSION})`,
    );
  }
  const entries = index.entries.filter(
    (entry): entry is HistoryEntry => typeof entry?.sha === 'string' && typeof entry.path === 'string',
  );
  return { schemaVersion: INDEX_SCHEMA_VERSION, key, entries };
}

/**
 * Up to HISTORY_RUNS − 1 other entries, the ones stored closest to the chosen one (older first on a tie), for the
 * run-to-run noise estimate. Carried entries (an unchanged function's copied figures) are no measurement of their
 * own, and neither is the run the chosen entry was copied from: counting a run twice would show no noise.
 */
export function neighbourEntries(entries: readonly HistoryEntry[], chosen: HistoryEntry): HistoryEntry[] {
  const at = entries.indexOf(chosen);
  return entries
    .map((entry, index) => ({ entry, distance: Math.abs(index - at) + (index > at ? 0 : 0.5) }))
    .filter(({ entry }) => entry !== chosen && entry.carriedFrom === undefined && entry.sha !== chosen.carriedFrom)
    .sort((a, b) => a.distance - b.distance)
    .slice(0, HISTORY_RUNS - 1)
    .map(({ entry }) => entry);
}

/**
 * The entries the trend shows: the chosen one and up to `runs` − 1 stored before it (the index is newest first),
 * returned oldest first. Entries stored after the chosen one measured commits that are not the PR's base's
 * ancestors, so they are no part of the PR's history.
 */
export function trendEntries(entries: readonly HistoryEntry[], chosen: HistoryEntry, runs: number): HistoryEntry[] {
  const at = entries.indexOf(chosen);
  if (at < 0 || runs <= 0) return [];
  return entries.slice(at, at + runs).reverse();
}

/** The timestamp fallback: the newest entry committed no later than the base commit (ms since the epoch). */
export function newestCommittedBy(entries: readonly HistoryEntry[], baseTimeMs: number): HistoryEntry | undefined {
  return entries
    .filter((entry) => entry.committedAt !== undefined && Date.parse(entry.committedAt) <= baseTimeMs)
    .sort((a, b) => Date.parse(b.committedAt ?? '') - Date.parse(a.committedAt ?? ''))[0];
}

export function shortCommit(sha: string | undefined): string {
  return sha ? sha.slice(0, 7) : 'an unknown commit';
}

export const BRANCH_README = `# lambda-power-gate data

This branch is written by lambda-power-gate on pushes to the default branch: one
directory per function key, with \`index.json\` (newest first) and \`runs/<commit>.json\` (the results.json of the
run that measured that commit). An app's functions are one directory each under the app's key:
\`<app-key>/<function-key>/\`. Pull requests compare with the entry for their base commit, else the nearest
earlier one. Do not merge this branch; deleting it starts the history afresh.
`;
