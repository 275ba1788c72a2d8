// The data branch's model: what each function key's index.json holds, which entries it keeps, and which stored runs
// a comparison reads. Pure; databranch.ts reads and writes it through the GitHub API.
//
// Layout, one directory per key (the stable name of a function across PR deployments):
//   README.md                   what the branch is (written when the branch is created)
//   <key>/index.json            { schemaVersion, key, entries: [{ sha, ref, committedAt, storedAt, path, … }] },
//                               newest first, at most history-limit entries
//   <key>/runs/<sha>.json       the results.json of the run that measured commit <sha>

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
}

export interface HistoryIndex {
  schemaVersion: typeof INDEX_SCHEMA_VERSION;
  key: string;
  entries: HistoryEntry[];
}

export const indexPath = (key: string): string => `${key}/index.json`;
export const runPath = (key: string, sha: string): string => `${key}/runs/${sha}.json`;

/** The index entry of a run stored at `path` for `commit`. */
export function historyEntry(commit: CommitInfo, result: RunResult, path: string, storedAt: Date): HistoryEntry {
  return {
    sha: commit.sha,
    ...(commit.ref ? { ref: commit.ref } : {}),
    ...(commit.committedAt ? { committedAt: commit.committedAt } : {}),
    storedAt: storedAt.toISOString(),
    path,
    toolVersion: result.tool.version,
    recommendedMemoryMb: result.recommendation?.memoryMb ?? null,
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
 * run-to-run noise estimate.
 */
export function neighbourEntries(entries: readonly HistoryEntry[], chosen: HistoryEntry): HistoryEntry[] {
  const at = entries.indexOf(chosen);
  return entries
    .map((entry, index) => ({ entry, distance: Math.abs(index - at) + (index > at ? 0 : 0.5) }))
    .filter(({ entry }) => entry !== chosen)
    .sort((a, b) => a.distance - b.distance)
    .slice(0, HISTORY_RUNS - 1)
    .map(({ entry }) => entry);
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
run that measured that commit). Pull requests compare with the entry for their base commit, else the nearest
earlier one. Do not merge this branch; deleting it starts the history afresh.
`;
