// docs/results-schema.json must be the JSON Schema generated from the one results schema (src/results/schema.ts),
// and docs/results-schema.md must point to it. To regenerate after editing the schema:
//   UPDATE_RESULTS_SCHEMA=1 npm test -- __tests__/unit/results-schema-drift.test.ts
//
// Draft-07: the draft every common validator and editor reads (ajv's default, VS Code's json.schemas). io 'input':
// the schema says what a reader accepts, so it does not forbid additional properties — a newer version may add an
// optional field without a new schemaVersion, and readers drop the fields they do not know.

import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { RESULTS_SCHEMA_VERSION, runResultSchema } from '../../src/results/schema.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const JSON_SCHEMA = `${root}docs/results-schema.json`;
const SCHEMA_DOC = `${root}docs/results-schema.md`;

function renderResultsJsonSchema(): string {
  const { $schema, ...rest } = z.toJSONSchema(runResultSchema, { target: 'draft-07', io: 'input' });
  const document = {
    $schema,
    title: `lambda-power-gate results.json, schema version ${RESULTS_SCHEMA_VERSION}`,
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
      definitions: Record<string, unknown>;
    };
    expect(schema.title).toContain(`schema version ${RESULTS_SCHEMA_VERSION}`);
    expect(schema.properties['schemaVersion']).toEqual({ type: 'number', const: RESULTS_SCHEMA_VERSION });
    expect(Object.keys(schema.definitions).sort()).toEqual(
      [
        'DurationStats',
        'FunctionIdentity',
        'GateSamplingSummary',
        'PercentileLimit',
        'PowerValueResult',
        'Prices',
        'Recommendation',
        'RecordedSettings',
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
    expect(doc).toMatch(new RegExp(`^# results\\.json — schema version ${RESULTS_SCHEMA_VERSION}$`, 'm'));
  });

  test('every top-level field it names in backticks exists in the schema (the page stays true)', () => {
    const topLevel = new Set(Object.keys(runResultSchema.shape));
    const section = doc.slice(doc.indexOf('## Top level'), doc.indexOf('\n## ', doc.indexOf('## Top level') + 1));
    const named = [...section.matchAll(/^\| `(\w+)`/gm)].map((match) => match[1] ?? '');
    expect(named.length).toBeGreaterThan(0);
    for (const field of named) expect(topLevel).toContain(field);
  });
});
