// The baseline: what the PR's run is compared with. Three sources behind one interface (`loadBaseline` → a
// BaselinePlan), so the flow never knows where a baseline came from:
//   file      a results.json on disk (e.g. an artifact of the base branch's run), read and validated before any
//             AWS call;
//   branch    the history on a data branch (databranch.ts implements BaselineHistory through the GitHub API):
//             the entry for the PR's base commit, else the nearest earlier one;
//   function  a second live function (the base branch's deployment), tuned in the same run with its invocations
//             interleaved with the PR function's (live.ts). Nothing to load up front: the plan says which function.
// No source, no file yet or an empty history: no baseline, and only absolute limits apply.

import { z } from 'zod';
import { describeReadError, MAX_RESULTS_FILE_BYTES } from '../lib/paths.js';
import { InputError } from '../lib/errors.js';
import { RESULTS_SCHEMA_VERSION, type GateSettings, type RunResult } from '../types.js';

export interface LoadedBaseline {
  result: RunResult;
  /** In words for the report, e.g. "data branch lambda-power-gate-data entry for abc1234 (the PR base)". */
  description: string;
  /** Stored runs around it (itself included), from which the gate estimates the drift between runs. */
  history?: RunResult[];
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

/** Stored history of runs per key; implemented by the data branch. Throws on I/O errors. */
export interface BaselineHistory {
  readonly branch: string;
  /** The entry for target.sha, else the nearest earlier one; null (with why) when there is none. */
  find(key: string, target: BaselineTarget): Promise<{ baseline: LoadedBaseline | null; note: string }>;
  save(key: string, result: RunResult, commit: CommitInfo): Promise<SaveOutcome>;
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
  /** Needed for the branch source; main.ts builds it from the token and repository. */
  history?: BaselineHistory;
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
      return { source: 'file', baseline: { result: readBaselineFile(path, ctx.readFile), description: `baseline file ${path}` } };
    }
    case 'branch': {
      if (!ctx.history) {
        throw new InputError('baseline-branch', "Input 'baseline-branch': needs the GitHub API, so a github-token and the repository (GITHUB_REPOSITORY); give github-token, or use baseline-file");
      }
      try {
        const found = await ctx.history.find(gate.key, ctx.target ?? {});
        return { source: 'branch', baseline: found.baseline, note: found.note };
      } catch (error) {
        if (error instanceof InputError) throw error;
        const message = error instanceof Error ? error.message : String(error);
        return { source: 'branch', baseline: null, problem: `the data branch ${ctx.history.branch} could not be read (${oneLine(message)})` };
      }
    }
    case 'function':
      return { source: 'function', functionName: gate.baselineFunction ?? '' };
  }
}

export function readBaselineFile(path: string, readFile: (path: string, maxBytes: number) => string): RunResult {
  let text: string;
  try {
    text = readFile(path, MAX_RESULTS_FILE_BYTES);
  } catch (error) {
    const why = describeReadError(error, path);
    throw new InputError('baseline-file', `Input 'baseline-file': cannot read ${path} (${why}); give the path of a results.json written by lambda-power-gate`);
  }
  return parseRunResult(text, (problem) => new InputError('baseline-file', `Input 'baseline-file': ${path} ${problem}`));
}

// ---------------------------------------------------------------------------------------------------------
// Validation: the fields the gate reads, so a results.json of another tool or version fails with one line
// instead of a TypeError deep in the comparison.

const sampleSchema = z.looseObject({
  durationMs: z.number().nonnegative(),
  billedDurationMs: z.number().nonnegative(),
  errorType: z.string().optional(),
});

const powerValueSchema = z.looseObject({
  memoryMb: z.number().int().positive(),
  status: z.enum(['ok', 'failed']),
  failureReason: z.string().optional(),
  samples: z.array(sampleSchema),
  costPerInvocationUsd: z.number().nullable(),
});

const runResultSchema = z.looseObject({
  schemaVersion: z.literal(RESULTS_SCHEMA_VERSION),
  tool: z.looseObject({ name: z.literal('lambda-power-gate'), version: z.string() }),
  function: z.looseObject({ name: z.string(), region: z.string(), architecture: z.enum(['x86_64', 'arm64']) }),
  settings: z.looseObject({ discardTopBottom: z.number().min(0).max(0.5), allowedExceptions: z.array(z.string()) }),
  prices: z.looseObject({
    region: z.string(),
    architecture: z.enum(['x86_64', 'arm64']),
    pricePerGbSecondUsd: z.number().nonnegative(),
    pricePerRequestUsd: z.number().nonnegative(),
  }),
  powerValues: z.array(powerValueSchema),
  recommendation: z.looseObject({ memoryMb: z.number().int().positive() }).nullable(),
  current: z.looseObject({ memoryMb: z.number().int().positive() }),
  dryRun: z.boolean(),
  startedAt: z.string(),
});

/**
 * Parses and validates a results.json. `error` turns a one-line problem ("is not valid JSON …") into the error
 * to throw, so each source names its own input.
 */
export function parseRunResult(text: string, error: (problem: string) => Error): RunResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    throw error(`is not valid JSON (${oneLine(cause instanceof Error ? cause.message : String(cause)).slice(0, 120)})`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw error('is not a lambda-power-gate results.json (not a JSON object)');
  const version = (parsed as { schemaVersion?: unknown }).schemaVersion;
  if (version !== RESULTS_SCHEMA_VERSION) {
    throw error(
      version === undefined
        ? 'is not a lambda-power-gate results.json (no schemaVersion)'
        : `has schemaVersion ${JSON.stringify(version)}, but this version of lambda-power-gate reads schemaVersion ${RESULTS_SCHEMA_VERSION}`,
    );
  }
  const checked = runResultSchema.safeParse(parsed);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'the document';
    throw error(`is not a valid lambda-power-gate results.json: ${where}: ${oneLine(issue?.message ?? 'invalid')}`);
  }
  const result = parsed as RunResult;
  if (result.dryRun) throw error('is a dry run, which measured nothing to compare with');
  return result;
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
