// The published JSON Schema of results.json (docs/results-schema.json, generated from src/results/schema.ts), as an
// independent validator would read it: tests check real output of the engine and the action against it. The
// document is the version 2 file; one function's run (all a version 1 file held, and what the data branch stores)
// is its RunResult definition.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';

export const RESULTS_JSON_SCHEMA_PATH = fileURLToPath(new URL('../../docs/results-schema.json', import.meta.url));

export const resultsJsonSchema = JSON.parse(readFileSync(RESULTS_JSON_SCHEMA_PATH, 'utf8')) as Record<string, unknown>;

const ajv = new Ajv({ allErrors: true });
ajv.addSchema(resultsJsonSchema, 'results.json');
const fileValidator = ajv.getSchema('results.json');
const runValidator = ajv.getSchema('results.json#/definitions/RunResult');
if (!fileValidator || !runValidator) throw new Error('docs/results-schema.json has no RunResult definition');

/**
 * The JSON Schema's complaints about a document, one line each (`.powerValues[0].memoryMb should be integer`); none
 * when valid. A version 2 file is checked against the document's schema, anything else as one function's run (a
 * version 1 file, which every reader still accepts).
 */
export function jsonSchemaProblems(document: unknown): string[] {
  const isFile = (document as { schemaVersion?: unknown } | null)?.schemaVersion === 2;
  return isFile ? resultsFileProblems(document) : runResultProblems(document);
}

/** Against the version 2 file (the document's own schema). */
export function resultsFileProblems(document: unknown): string[] {
  return problems(fileValidator as Ajv.ValidateFunction, document);
}

/** Against the RunResult definition: one function's run, a version 1 file. */
export function runResultProblems(document: unknown): string[] {
  return problems(runValidator as Ajv.ValidateFunction, document);
}

function problems(validate: Ajv.ValidateFunction, document: unknown): string[] {
  if (validate(document)) return [];
  return (validate.errors ?? []).map((error) => `${error.dataPath || '(document)'} ${error.message ?? 'is invalid'}`);
}
