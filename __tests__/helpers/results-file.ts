// results.json as tests read it back: version 2 holds every function of the run; most tests tune one.
import { readFileSync } from 'node:fs';
import type { ResultsFile, RunResult } from '../../src/types.js';

export function readResultsFile(path: string): ResultsFile {
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as ResultsFile;
  if (parsed.schemaVersion !== 2) throw new Error(`${path}: expected a version 2 results.json`);
  return parsed;
}

/** The run result of one function (the first by default); throws when it has none. */
export function readFunctionResult(path: string, index = 0): RunResult {
  const result = readResultsFile(path).functions[index]?.result;
  if (!result) throw new Error(`${path}: function ${index} has no result`);
  return result;
}
