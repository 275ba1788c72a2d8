// mode: aggregate — the last job of the matrix recipe (docs/apps.md): each shard of a matrix tuned its share of an
// app's functions and uploaded its results.json; this reads them back (results-files, globs inside the workspace)
// and merges them into one version 2 file, so the app gets one comment and one verdict. Every shard is untrusted
// text: it is validated by the one parser, and what a message quotes from it is made inert.
//
// What is refused, each in one line naming results-files: no file matched, a shard of another head commit (a stale
// artifact, e.g. from an earlier attempt or another push), a shard of another key, one function in two shards.
//
// Globs: tinyglobby (its two dependencies, fdir and picomatch, are all it brings). Node 20, which this code must run
// on, has no fs.glob (Node 22+); fast-glob would do the same with five times the dependencies.

import { relative } from 'node:path';
import { glob } from 'tinyglobby';
import { InputError, messageOf } from '../lib/errors.js';
import { confinePath, describeReadError, MAX_RESULTS_FILE_BYTES, PathProblem, readBoundedText } from '../lib/paths.js';
import { inertText } from '../lib/untrusted.js';
import { parseResultsFile, showKey } from '../results/parse.js';
import { RESULTS_FILE_SCHEMA_VERSION, type FunctionEntry, type ResultsFile } from '../results/schema.js';

const INPUT = 'results-files';

/**
 * At most this many shard files: GitHub runs "a maximum of 256 jobs per workflow run" of a matrix (docs.github.com,
 * Running variations of jobs in a workflow), so more files than that are not one matrix's shards.
 */
export const MAX_SHARDS = 256;

export interface Shard {
  /** The file, as the report names it: relative to the workspace. */
  path: string;
  file: ResultsFile;
}

export interface ShardExpectation {
  /** The commit the shards must have measured (the pull request's head, or the push's commit); else they must agree. */
  headSha?: string;
  /** The app's key (AppPlan.key): every shard must be of it. */
  key: string;
}

const fail = (message: string): InputError => new InputError(INPUT, `Input '${INPUT}': ${message}`);
const short = (sha: string): string => inertText(sha, 40).slice(0, 12);
const shown = (path: string): string => inertText(path, 200);

/**
 * The shards as one version 2 file: functions in the order of the shards' paths, then each shard's own order (so the
 * same artifacts always give the same comment); git from the expected head; the earliest start and latest finish.
 * Pure.
 */
export function mergeShards(files: readonly Shard[], expect: ShardExpectation): ResultsFile {
  const shards = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const [first] = shards;
  if (!first) {
    throw fail(
      'matched no results.json; give the paths or globs of the shards\u2019 results.json files, e.g. shards/*/results.json',
    );
  }
  const headSha = expect.headSha ?? first.file.git?.sha;
  const owner = new Map<string, string>();
  const functions: FunctionEntry[] = [];
  for (const { path, file } of shards) {
    if (file.key !== expect.key) {
      throw fail(
        `${shown(path)} is a run of the key ${showKey(file.key)}, not ${showKey(expect.key)}; ` +
          'give every shard the same key input as this step, or leave out the other app\u2019s files',
      );
    }
    const sha = file.git?.sha;
    if (headSha !== undefined && sha !== headSha) {
      throw fail(
        sha === undefined
          ? `${shown(path)} does not say which commit it measured (no git.sha), so it cannot be checked against ${short(headSha)}; give the shards of this run`
          : `${shown(path)} measured commit ${short(sha)}, not ${short(headSha)}${expect.headSha ? ' (this run\u2019s head)' : ` (as ${shown(first.path)} did)`}: a stale shard, e.g. an artifact of an earlier run; download only this run\u2019s artifacts`,
      );
    }
    for (const entry of file.functions) {
      const other = owner.get(entry.key);
      if (other !== undefined) {
        throw fail(
          `the function ${showKey(entry.key)} is in both ${shown(other)} and ${shown(path)}; give each function to exactly one shard`,
        );
      }
      owner.set(entry.key, path);
      functions.push(entry);
    }
  }
  const git = { ...first.file.git, ...(headSha !== undefined ? { sha: headSha } : {}) };
  return {
    schemaVersion: RESULTS_FILE_SCHEMA_VERSION,
    tool: first.file.tool,
    key: expect.key,
    ...(Object.keys(git).length > 0 ? { git } : {}),
    functions,
    startedAt: earliest(shards.map((shard) => shard.file.startedAt)),
    finishedAt: latest(shards.map((shard) => shard.file.finishedAt)),
  };
}

/**
 * Expands results-files (paths or globs, relative to the workspace; one per entry) and reads each match as a
 * results.json of either version. Each pattern must match a file; every file must stay inside the workspace
 * (symlinks included: lib/paths.ts) and be at most MAX_RESULTS_FILE_BYTES. Throws InputError naming results-files.
 */
export async function readShards(patterns: readonly string[], workspace: string): Promise<Shard[]> {
  const given = patterns.map((pattern) => pattern.trim()).filter((pattern) => pattern !== '');
  if (given.length === 0) {
    throw fail(
      'is required with mode aggregate; set it to the shards\u2019 results.json files, e.g. shards/*/results.json',
    );
  }
  const found = new Set<string>();
  for (const pattern of given) {
    const problem = patternProblem(pattern);
    if (problem) throw fail(`${JSON.stringify(inertText(pattern, 200))} ${problem}`);
    let matches: string[];
    try {
      matches = await glob(pattern, {
        cwd: workspace,
        onlyFiles: true,
        expandDirectories: false,
        // Symlinks are not matched: one could lead out of the workspace (a link to / under a ** pattern would crawl
        // the whole disk). A downloaded artifact holds none; a matched file is confined again below anyway.
        followSymbolicLinks: false,
        dot: false,
      });
    } catch (error) {
      throw fail(`${JSON.stringify(inertText(pattern, 200))} could not be expanded (${inertText(messageOf(error))})`);
    }
    if (matches.length === 0) {
      throw fail(
        `${JSON.stringify(inertText(pattern, 200))} matched no file in the workspace; download the shards\u2019 artifacts first (actions/download-artifact) or fix the pattern`,
      );
    }
    for (const match of matches) found.add(match);
  }
  if (found.size > MAX_SHARDS) {
    throw fail(
      `matched ${found.size} files, more than the ${MAX_SHARDS} jobs a matrix can have; narrow the patterns to the shards\u2019 results.json`,
    );
  }
  return [...found].sort().map((match) => readShard(match, workspace));
}

function readShard(match: string, workspace: string): Shard {
  let absolute: string;
  try {
    absolute = confinePath(match, workspace, 'read');
  } catch (error) {
    throw fail(error instanceof PathProblem ? error.message : messageOf(error));
  }
  const path = relative(workspace, absolute) || match;
  let text: string;
  try {
    text = readBoundedText(absolute, MAX_RESULTS_FILE_BYTES);
  } catch (error) {
    throw fail(
      `cannot read ${shown(path)} (${describeReadError(error, absolute)}); give the results.json files the shards uploaded`,
    );
  }
  return { path, file: parseResultsFile(text, (problem) => fail(`${shown(path)} ${problem}`)) };
}

/** Patterns are relative to the workspace and never climb out of it (a match is confined again when read). */
function patternProblem(pattern: string): string | undefined {
  if (pattern.startsWith('/') || /^[A-Za-z]:[\\/]/.test(pattern))
    return 'is an absolute path; give a path or glob relative to the workspace, e.g. shards/*/results.json';
  if (pattern.split(/[\\/]/).includes('..'))
    return 'climbs out of the workspace with ..; give a path or glob inside the workspace, e.g. shards/*/results.json';
  if (pattern.startsWith('!')) return 'is a negation; give the files to read, e.g. shards/*/results.json';
  return undefined;
}

function earliest(times: readonly string[]): string {
  return times.reduce((a, b) => (Date.parse(b) < Date.parse(a) ? b : a));
}

function latest(times: readonly string[]): string {
  return times.reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a));
}
