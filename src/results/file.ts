// results.json (version 2) from the functions of a run: one file per run holding every function's result.

import { TOOL_VERSION } from '../lib/version.js';
import type { FunctionEntry, FunctionOutcome, ResultsFile, RunResult } from '../types.js';
import { fileSpend } from './spend.js';
import { RESULTS_FILE_SCHEMA_VERSION } from './version.js';

/** One function's entry: its run, and the live baseline's when it was measured beside it. */
export function functionEntry(outcome: FunctionOutcome, liveBaseline: boolean): FunctionEntry {
  return {
    key: outcome.key,
    functionName: outcome.functionName,
    status: outcome.status,
    result: outcome.result,
    ...(liveBaseline && outcome.baseline ? { baseline: outcome.baseline } : {}),
    ...(outcome.otherArchitecture ? { otherArchitecture: outcome.otherArchitecture } : {}),
    ...(outcome.failure ? { failure: outcome.failure } : {}),
    ...(outcome.unchangedNote ? { unchangedNote: outcome.unchangedNote } : {}),
    ...(outcome.verdict?.accepted ? { accepted: outcome.verdict.accepted } : {}),
  };
}

/**
 * The file: the app's key, the commit, what the run spent (results/spend.ts), and the run's span (from the functions'
 * own, else the given times).
 */
export function resultsFile(
  key: string,
  entries: FunctionEntry[],
  span: { startedAt: string; finishedAt: string; git?: RunResult['git'] },
): ResultsFile {
  const measured = entries.flatMap((entry) => (entry.status === 'measured' && entry.result ? [entry.result] : []));
  const starts = measured.map((run) => run.startedAt).sort();
  const ends = measured.map((run) => run.finishedAt).sort();
  const spend = fileSpend(entries);
  return {
    schemaVersion: RESULTS_FILE_SCHEMA_VERSION,
    tool: { name: 'lambda-power-gate', version: TOOL_VERSION },
    key,
    ...(span.git ? { git: span.git } : {}),
    functions: entries,
    ...(spend ? { spend } : {}),
    startedAt: starts[0] ?? span.startedAt,
    finishedAt: ends[ends.length - 1] ?? span.finishedAt,
  };
}
