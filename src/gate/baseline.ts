// The baseline: what the PR's run is compared with. Three sources behind one interface (`loadBaseline` → a
// BaselinePlan), so the flow never knows where a baseline came from:
//   file      a results.json on disk (e.g. an artifact of the base branch's run), read and validated before any
//             AWS call;
//   branch    the history on a data branch (databranch.ts implements BaselineHistory through the GitHub API):
//             the entry for the PR's base commit, else the nearest earlier one;
//   function  a second live function (the base branch's deployment), tuned in the same run with its invocations
//             interleaved with the PR function's (live.ts). Nothing to load up front: the plan says which function.
// No source, no file yet or an empty history: no baseline, and only absolute limits apply.

import { describeReadError, MAX_RESULTS_FILE_BYTES } from '../lib/paths.js';
import { InputError } from '../lib/errors.js';
import { oneLine } from '../lib/format.js';
import { describeKeys, entryFor, parseResultsFile, parseRunResult, showKey } from '../results/parse.js';
import type { FunctionStatus, GateSettings, RunResult } from '../types.js';
import type { StoredRun } from './change-points.js';

// Every reader of a results.json parses with the one schema (results/parse.ts); re-exported for the data branch and
// comment-only, which read stored and uploaded runs through the baseline's module.
export { parseRunResult };

export interface LoadedBaseline {
  result: RunResult;
  /** In words for the report, e.g. "data branch lambda-power-gate-data entry for abc1234 (the PR base)". */
  description: string;
  /** Stored runs around it (itself included), from which the gate estimates the drift between runs. */
  history?: RunResult[];
  /**
   * The last stored runs of the key up to this one (trend-runs of them), oldest first, this one last: the comment's
   * trend (report/trend.ts) and its change points (change-points.ts). Data branch only.
   */
  trend?: StoredRun[];
}

/** The commit a PR is measured against (its base), or the previous commit of a push. */
export interface BaselineTarget {
  sha?: string;
  /** How the report names that commit: "the PR base" (default "the base commit"), "the previous commit". */
  label?: string;
}

export interface CommitInfo {
  sha: string;
  ref?: string;
  /** The commit's committer date (ISO 8601), stored for the timestamp fallback of the nearest-entry search. */
  committedAt?: string;
}

export interface SaveOutcome {
  /** The data branch commit that holds the new entry. */
  commitSha: string;
  /** Where the results.json was stored on the branch. */
  path: string;
  /** Write attempts it took (more than 1 when another run moved the branch at the same time). */
  attempts: number;
  /** Entries kept for the key, this one included. */
  kept: number;
  /** Paths of entries dropped to stay within history-limit. */
  dropped: string[];
}

/** One key's stored history of runs (a function-name's key, or an app's function's key). Throws on I/O errors. */
export interface KeyedHistory {
  readonly branch: string;
  /** The entry for target.sha, else the nearest earlier one; null (with why) when there is none. */
  find(key: string, target: BaselineTarget): Promise<{ baseline: LoadedBaseline | null; note: string }>;
  save(key: string, result: RunResult, commit: CommitInfo): Promise<SaveOutcome>;
}

/** Stored history of runs per key; implemented by the data branch. Throws on I/O errors. */
export interface BaselineHistory extends KeyedHistory {
  /**
   * An app's history (AppPlan kind 'app'): the same, per function under the app's key (`<app-key>/<function-key>/`).
   * Its find and save take the function's key, so `loadBaseline(fn.settings.gate, { history: history.forApp(key) })`
   * loads a function's baseline as for one function.
   */
  forApp(appKey: string): AppHistory;
}

/** One function of an app run to store: FunctionOutcome and results.json's FunctionEntry both fit. */
export interface AppRunToStore {
  key: string;
  status: FunctionStatus;
  result: RunResult | null;
}

export interface AppSaveOutcome {
  /** The data branch commit that holds every stored function; null when there was nothing to store. */
  commitSha: string | null;
  attempts: number;
  /** What was stored, per function, in the order given. */
  stored: { key: string; path: string; kept: number; dropped: string[]; carried: boolean }[];
  /** Functions not stored, and why (failed, measured nothing). */
  skipped: { key: string; why: string }[];
}

/** An app's stored history: find and save by function key, and the whole run stored in one commit. */
export interface AppHistory extends KeyedHistory {
  readonly appKey: string;
  /**
   * Stores the run's functions in one data-branch commit: measured ones with their figures, unchanged ones with
   * the figures they carry (their index entry says so: carriedFrom). Failed ones, and runs that measured nothing,
   * are skipped with why. Retries when another run moved the branch, as save does.
   */
  storeApp(runs: readonly AppRunToStore[], commit: CommitInfo): Promise<AppSaveOutcome>;
}

export type BaselinePlan =
  | { source: 'none' }
  | {
      source: 'file' | 'branch';
      baseline: LoadedBaseline | null;
      /** Why there is no baseline (first run, no entry for the key), or where it came from. */
      note?: string;
      /** The baseline could not be read (a GitHub API error): reported as a warning, never a silent pass. */
      problem?: string;
    }
  | { source: 'function'; functionName: string };

export interface BaselineContext {
  /** Reads at most maxBytes (lib/paths.ts readBoundedText). */
  readFile(path: string, maxBytes: number): string;
  /** Needed for the branch source; main.ts builds it from the token and repository (an app's: forApp). */
  history?: KeyedHistory;
  target?: BaselineTarget;
}

/**
 * Resolves the configured baseline source before tuning. A file that is missing or not a results.json throws an
 * InputError naming baseline-file (so the job fails before any AWS call); a data branch that cannot be read
 * does not fail the job, it becomes a `problem` the verdict reports.
 */
export async function loadBaseline(gate: GateSettings, ctx: BaselineContext): Promise<BaselinePlan> {
  switch (gate.baselineSource) {
    case 'none':
      return { source: 'none' };
    case 'file': {
      const path = gate.baselineFile ?? '';
      return {
        source: 'file',
        baseline: { result: readBaselineFile(path, ctx.readFile, gate.key), description: `baseline file ${path}` },
      };
    }
    case 'branch': {
      if (!ctx.history) {
        throw new InputError(
          'baseline-branch',
          "Input 'baseline-branch': needs the GitHub API, so a github-token and the repository (GITHUB_REPOSITORY); give github-token, or use baseline-file",
        );
      }
      try {
        const found = await ctx.history.find(gate.key, ctx.target ?? {});
        return { source: 'branch', baseline: found.baseline, note: found.note };
      } catch (error) {
        if (error instanceof InputError) throw error;
        const message = error instanceof Error ? error.message : String(error);
        return {
          source: 'branch',
          baseline: null,
          problem: `the data branch ${ctx.history.branch} could not be read (${oneLine(message)})`,
        };
      }
    }
    case 'function':
      return { source: 'function', functionName: gate.baselineFunction ?? '' };
  }
}

/**
 * A baseline file of either results.json version: the function with this key (the gate's key), else the only
 * function when the file holds one (a version 1 file, or a one-function run under another key). A file of several
 * functions without this key, or whose entry has no figures (it failed), is refused naming baseline-file.
 */
export function readBaselineFile(
  path: string,
  readFile: (path: string, maxBytes: number) => string,
  key?: string,
): RunResult {
  let text: string;
  try {
    text = readFile(path, MAX_RESULTS_FILE_BYTES);
  } catch (error) {
    const why = describeReadError(error, path);
    throw new InputError(
      'baseline-file',
      `Input 'baseline-file': cannot read ${path} (${why}); give the path of a results.json written by lambda-power-gate`,
    );
  }
  const fail = (problem: string) => new InputError('baseline-file', `Input 'baseline-file': ${path} ${problem}`);
  const file = parseResultsFile(text, fail);
  const entry = entryFor(file, key ?? '');
  if (!entry) {
    throw fail(
      `holds ${file.functions.length} functions but none with the key ${showKey(key ?? '')} (it holds ${describeKeys(file)}); ` +
        'give the key of the function to compare with (input key), or a results.json of that function',
    );
  }
  if (!entry.result) {
    throw fail(
      `has no figures for ${showKey(entry.key)} (status ${entry.status}); give a results.json of a run that measured it`,
    );
  }
  return entry.result;
}
