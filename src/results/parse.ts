// Reading a results.json back: the baseline file, the data branch's stored runs, comment-only's results-file and
// aggregate mode's shards (which may come from a fork's workflow, so everything in them is untrusted: every piece
// of the file's own text in an error is made inert). One parser per shape, the one schema:
//   parseRunResult     one function's run (RunResult, schemaVersion 1): what the data branch stores per function;
//   parseResultsFile   a results.json as a run writes it: version 2 (every function of the run), or a version 1
//                      file (one run), upgraded to a version 2 file of one entry so readers see one type.

import type * as z from 'zod';
import { oneLine } from '../lib/format.js';
import { inertText } from '../lib/untrusted.js';
import {
  RESULTS_FILE_SCHEMA_VERSION,
  RESULTS_SCHEMA_VERSION,
  resultsFileSchema,
  runResultSchema,
  type FunctionEntry,
  type ResultsFile,
  type RunResult,
} from './schema.js';

/** What the caller should do about a file that is not a results.json this version reads. */
const FIX = 'give a results.json written by lambda-power-gate (its schema: docs/results-schema.json)';

type Problem = (problem: string) => Error;

/**
 * Parses and validates one function's run (a version 1 results.json, as the data branch stores it). `error` turns
 * a one-line problem ("is not valid JSON …") into the error to throw, so each source names its own input and
 * file. Fields this version does not know are dropped (a newer version may add optional ones without a new
 * schemaVersion); a missing or wrong field is refused.
 */
export function parseRunResult(text: string, error: Problem): RunResult {
  const parsed = parseObject(text, error);
  const version = parsed['schemaVersion'];
  if (version !== RESULTS_SCHEMA_VERSION) {
    throw error(
      version === undefined
        ? 'is not a lambda-power-gate results.json (no schemaVersion)'
        : `has schemaVersion ${showVersion(version)}, but this version of lambda-power-gate reads schemaVersion ${RESULTS_SCHEMA_VERSION}`,
    );
  }
  return checkRunResult(parsed, error);
}

/**
 * Parses and validates a results.json of either version into a version 2 file. A version 1 file (one RunResult)
 * becomes one entry whose key is its function's name, status measured. Refused in one line: not JSON, another
 * schemaVersion, a wrong or missing field (where, and how many more), two entries with one key, a measured entry
 * without a result, and a dry run (it measured nothing to compare with or report).
 */
export function parseResultsFile(text: string, error: Problem): ResultsFile {
  const parsed = parseObject(text, error);
  const version = parsed['schemaVersion'];
  if (version === RESULTS_SCHEMA_VERSION) return upgradeRunResult(checkRunResult(parsed, error));
  if (version !== RESULTS_FILE_SCHEMA_VERSION) {
    throw error(
      version === undefined
        ? 'is not a lambda-power-gate results.json (no schemaVersion)'
        : `has schemaVersion ${showVersion(version)}, but this version of lambda-power-gate reads schemaVersion ` +
            `${RESULTS_FILE_SCHEMA_VERSION} (and ${RESULTS_SCHEMA_VERSION}, one function's run)`,
    );
  }
  const checked = resultsFileSchema.safeParse(parsed);
  if (!checked.success) {
    throw error(`is not a valid lambda-power-gate results.json: ${describeIssues(checked.error.issues)}; ${FIX}`);
  }
  const file = checked.data;
  const seen = new Set<string>();
  for (const [position, entry] of file.functions.entries()) {
    const where = `functions[${position}] (${showKey(entry.key)})`;
    if (seen.has(entry.key)) throw error(`has two functions with the key ${showKey(entry.key)}; ${FIX}`);
    seen.add(entry.key);
    if (entry.status === 'measured' && entry.result === null) throw error(`${where} is measured but has no result`);
    if (entry.result?.dryRun || entry.baseline?.dryRun)
      throw error(`${where} is a dry run, which measured nothing to compare with`);
  }
  return file;
}

/** A version 1 file as version 2: one entry, keyed by the function's name. */
export function upgradeRunResult(result: RunResult): ResultsFile {
  const key = result.function.name;
  return {
    schemaVersion: RESULTS_FILE_SCHEMA_VERSION,
    tool: result.tool,
    key,
    ...(result.git ? { git: result.git } : {}),
    functions: [{ key, functionName: result.function.name, status: 'measured', result }],
    startedAt: result.startedAt,
    finishedAt: result.finishedAt,
  };
}

/**
 * The entry a reader that wants one function takes: the one with this key, else the only one when the file holds
 * one function (a version 1 file, or a run of one function under another key). Undefined when neither.
 */
export function entryFor(file: ResultsFile, key: string): FunctionEntry | undefined {
  return (
    file.functions.find((entry) => entry.key === key) ?? (file.functions.length === 1 ? file.functions[0] : undefined)
  );
}

/** The keys of a file's functions, inert and cut, for an error that lists what the file holds. */
export function describeKeys(file: ResultsFile, max = 5): string {
  const keys = file.functions.map((entry) => showKey(entry.key));
  const more = keys.length - max;
  return keys.slice(0, max).join(', ') + (more > 0 ? ` and ${more} more` : '');
}

/** A key (or any short text) from a file, quoted and inert: it may come from a fork. */
export function showKey(key: string): string {
  return `"${inertText(key, 60)}"`;
}

function parseObject(text: string, error: Problem): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    throw error(`is not valid JSON (${oneLine(cause instanceof Error ? cause.message : String(cause)).slice(0, 120)})`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw error('is not a lambda-power-gate results.json (not a JSON object)');
  }
  return parsed as Record<string, unknown>;
}

function checkRunResult(parsed: Record<string, unknown>, error: Problem): RunResult {
  const checked = runResultSchema.safeParse(parsed);
  if (!checked.success) {
    throw error(`is not a valid lambda-power-gate results.json: ${describeIssues(checked.error.issues)}; ${FIX}`);
  }
  const result = checked.data;
  if (result.dryRun) throw error('is a dry run, which measured nothing to compare with');
  return result;
}

function showVersion(version: unknown): string {
  return inertText(JSON.stringify(version) ?? String(version), 40);
}

/** The first problem, where it is (`powerValues[0].samples[3].durationMs`), and how many more there are. */
function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const [first] = issues;
  if (!first) return 'invalid';
  const more = issues.length - 1;
  return `${pathText(first.path)}: ${inertText(oneLine(first.message), 200)}${more > 0 ? ` (and ${more} more problem${more === 1 ? '' : 's'})` : ''}`;
}

/** A path as code reads it. Keys come from the file (e.g. an error type chosen by the function): made inert. */
function pathText(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'the document';
  return path
    .map((key, index) => {
      if (typeof key === 'number') return `[${key}]`;
      const name = typeof key === 'symbol' ? key.toString() : key;
      if (/^[A-Za-z_$][\w$]*$/.test(name)) return index === 0 ? name : `.${name}`;
      return `[${JSON.stringify(inertText(name, 60))}]`;
    })
    .join('');
}
