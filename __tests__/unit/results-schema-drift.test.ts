// docs/results-schema.json must be the JSON Schema generated from the one results schema (src/results/schema.ts),
// and docs/results-schema.md must point to it. The document is results.json version 2 (every function of a run); a
// function's run (all a version 1 file held) is its RunResult definition. To regenerate after editing the schema:
//   UPDATE_RESULTS_SCHEMA=1 npm test -- __tests__/unit/results-schema-drift.test.ts
//
// Draft-07: the draft every common validator and editor reads (ajv's default, VS Code's json.schemas). io 'input':
// the schema says what a reader accepts, so it does not forbid additional properties — a newer version may add an
// optional field without a new schemaVersion, and readers drop the fields they do not know.

import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import {
  RESULTS_FILE_SCHEMA_VERSION,
  RESULTS_SCHEMA_VERSION,
  resultsFileSchema,
  runResultSchema,
} from '../../src/results/schema.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const JSON_SCHEMA = `${root}docs/results-schema.json`;
const SCHEMA_DOC = `${root}docs/results-schema.md`;

function renderResultsJsonSchema(): string {
  const { $schema, ...rest } = z.toJSONSchema(resultsFileSchema, { target: 'draft-07', io: 'input' });
  const document = {
    $schema,
    title: `lambda-power-gate results.json, schema version ${RESULTS_FILE_SCHEMA_VERSION}`,
    ...rest,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

if (process.env['UPDATE_RESULTS_SCHEMA'] === '1') writeFileSync(JSON_SCHEMA, renderResultsJsonSchema());

describe('docs/results-schema.json', () => {
  test('is the JSON Schema generated from src/results/schema.ts (regenerate: UPDATE_RESULTS_SCHEMA=1)', () => {
    expect(readFileSync(JSON_SCHEMA, 'utf8')).toBe(renderResultsJsonSchema());
  });

  test('names its version, and every part of a run is a named definition', () => {
    const schema = JSON.parse(readFileSync(JSON_SCHEMA, 'utf8')) as {
      title: string;
      properties: Record<string, unknown>;
      definitions: Record<string, { properties: Record<string, unknown> }>;
    };
    expect(schema.title).toContain(`schema version ${RESULTS_FILE_SCHEMA_VERSION}`);
    expect(schema.properties['schemaVersion']).toEqual({ type: 'number', const: RESULTS_FILE_SCHEMA_VERSION });
    // A function's run keeps its own version: the unit the data branch stores, and all a version 1 file held.
    expect(schema.definitions['RunResult']?.properties['schemaVersion']).toEqual({
      type: 'number',
      const: RESULTS_SCHEMA_VERSION,
    });
    expect(Object.keys(schema.definitions).sort()).toEqual(
      [
        'ArchitectureComparison',
        'ColdStartBilling',
        'ColdStartCost',
        'FunctionEntry',
        'RunResult',
        'DurationStats',
        'FunctionIdentity',
        'GateSamplingSummary',
        'PercentileLimit',
        'PowerValueResult',
        'Prices',
        'Recommendation',
        'RecordedSettings',
        'RunSpend',
        'RunSpendTotal',
        'Sample',
        'SamplingSummary',
        'WeightedPayload',
      ].sort(),
    );
  });
});

describe('docs/results-schema.md', () => {
  const doc = readFileSync(SCHEMA_DOC, 'utf8');

  test('points to the generated JSON Schema and the zod schema it comes from, at the current version', () => {
    expect(doc).toContain('](results-schema.json)');
    expect(doc).toContain('src/results/schema.ts');
    expect(doc).toMatch(new RegExp(`^# results\\.json — schema version ${RESULTS_FILE_SCHEMA_VERSION}$`, 'm'));
  });

  const fieldsNamedIn = (heading: string): string[] => {
    const start = doc.indexOf(`\n${heading}\n`);
    expect(start).toBeGreaterThanOrEqual(0);
    const section = doc.slice(start, doc.indexOf('\n## ', start + 1));
    return [...section.matchAll(/^\| `(\w+)`/gm)].map((match) => match[1] ?? '');
  };

  test.each([
    ['## Top level', resultsFileSchema.shape],
    ["## A function's entry: `functions[]`", functionEntryShape()],
    ["## A function's run: `functions[].result`", runResultSchema.shape],
  ])('every field named in backticks under "%s" exists in the schema (the page stays true)', (heading, shape) => {
    const named = fieldsNamedIn(heading);
    expect(named.length).toBeGreaterThan(0);
    for (const field of named) expect(Object.keys(shape)).toContain(field);
  });
});

function functionEntryShape(): Record<string, unknown> {
  const items = resultsFileSchema.shape.functions.element;
  return items.shape;
}
