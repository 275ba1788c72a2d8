// The published JSON Schema of results.json (docs/results-schema.json, generated from src/results/schema.ts), as an
// independent validator would read it: tests check real output of the engine and the action against it.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';

export const RESULTS_JSON_SCHEMA_PATH = fileURLToPath(new URL('../../docs/results-schema.json', import.meta.url));

export const resultsJsonSchema = JSON.parse(readFileSync(RESULTS_JSON_SCHEMA_PATH, 'utf8')) as Record<string, unknown>;

const validator = new Ajv({ allErrors: true }).compile(resultsJsonSchema);

/** The JSON Schema's complaints about a document, one line each (`.powerValues[0].memoryMb should be integer`); none when valid. */
export function jsonSchemaProblems(document: unknown): string[] {
  if (validator(document)) return [];
  return (validator.errors ?? []).map((error) => `${error.dataPath || '(document)'} ${error.message ?? 'is invalid'}`);
}
