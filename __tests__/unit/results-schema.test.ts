// The one results contract: what the engine writes is what the zod schema and the published JSON Schema accept,
// it round-trips, older files of version 1 still read, and a bad file is refused in one line that says where and
// what to do.

import { compareArchitectures } from '../../src/gate/architectures.js';
import { readBaselineFile } from '../../src/gate/baseline.js';
import { parseRunResult } from '../../src/results/parse.js';
import { runResultSchema } from '../../src/results/schema.js';
import { silentLogger } from '../../src/lib/ports.js';
import { sampleFromOutcome } from '../../src/tuning/sample.js';
import { withColdStartCosts } from '../../src/tuning/cold-cost.js';
import { summarisePowerValue } from '../../src/tuning/summary.js';
import { tune } from '../../src/tuning/tuner.js';
import type { RunResult } from '../../src/types.js';
import { createFakeLambda } from '../helpers/fake-lambda.js';
import { blocked, makeRun, ROUND_PRICES } from '../helpers/run-fixture.js';
import { jsonSchemaProblems, resultsJsonSchema } from '../helpers/results-schema.js';
import { tuningSettings } from '../helpers/settings.js';

const validate = (document: unknown): boolean => jsonSchemaProblems(document).length === 0;

/** A real SnapStart REPORT (Billed Duration includes Billed Restore Duration), as the engine parses it. */
const SNAPSTART_TAIL =
  'RESTORE_REPORT Restore Duration: 474.16 ms\nSTART RequestId: r Version: 3\nEND RequestId: r\n' +
  'REPORT RequestId: r\tDuration: 306.34 ms\tBilled Duration: 610 ms\tMemory Size: 1024 MB\tMax Memory Used: 150 MB\tRestore Duration: 474.16 ms\tBilled Restore Duration: 303 ms\t\n';

/**
 * What the engine writes for a run with cold starts, a failing memory size, adaptive sampling, logged payloads and a
 * cheaper memory size skipped for its memory headroom (512 MB at 94% used).
 */
async function tunedRun(): Promise<RunResult> {
  const fake = createFakeLambda({
    behaviour: (memoryMb, index) =>
      memoryMb === 128
        ? {
            durationMs: 3000,
            functionError: { errorType: 'Sandbox.Timedout', errorMessage: 'Task timed out after 3.00 seconds' },
          }
        : {
            durationMs: 100_000 / memoryMb + (index % 3),
            maxMemoryUsedMb: memoryMb === 512 ? 480 : 200,
            ...(index === 0 ? { initDurationMs: 150 } : {}),
          },
  });
  const settings = tuningSettings({
    powerValuesMb: [128, 512, 1024],
    invocationsPerValue: 12,
    sampling: 'adaptive',
    samplingConfidence: 0.95,
    logPayloads: true,
    payloads: [
      { payload: '{"a":1}', weight: 3 },
      { payload: '{"b":1}', weight: 1 },
    ],
    qualifier: 'live',
    endpoint: 'http://127.0.0.1:9001',
    monthlyInvocations: 1_000_000,
    monthlyInvocationsAuto: true,
    usageFunction: 'orders-prod',
    maxMemoryUsedPct: 90,
  });
  return tune(settings, {
    client: fake.client,
    logger: silentLogger,
    sleep: async () => {},
    random: () => 0.5,
    runId: 'schema01',
    waiterMinDelaySec: 0.001,
  });
}

/** A live-gate run as the gate reads it: environment blocks, the gate's extra sampling, a SnapStart memory size. */
function liveGateRun(): RunResult {
  const run = makeRun({
    configuredMb: 1024,
    runId: 'live-1',
    sha: 'a'.repeat(40),
    powerValues: [{ memoryMb: 1024, ...blocked(3, () => [100, 101, 102]) }],
  });
  const snapStart = [
    sampleFromOutcome({ logTail: SNAPSTART_TAIL, payload: '"ok"' }, 0, false),
    ...[300, 310].map((durationMs) => ({
      durationMs,
      billedDurationMs: durationMs,
      payloadIndex: 0,
      coldStart: false,
    })),
  ];
  return {
    ...run,
    settings: {
      ...run.settings,
      strategy: 'percentile',
      percentileLimit: { percentile: 95, maxDurationMs: 300 },
      autoOptimize: true,
      autoOptimizeAlias: 'live',
    },
    function: { ...run.function, packageType: 'Zip', snapStart: true },
    // 512 MB's SnapStart cold start is measured; 1024 MB (warm blocks only) gets an estimate from it.
    powerValues: withColdStartCosts(
      [summarisePowerValue(512, snapStart, run.settings, ROUND_PRICES), ...run.powerValues],
      0.01,
      ROUND_PRICES,
      run.settings,
    ),
    gateSampling: {
      rounds: 1,
      added: [{ memoryMb: 1024, invocations: 6, environments: 2 }],
      maxInvocations: 200,
      settled: true,
      reason: 'every comparison was settled',
      pinned: { recommendedMb: 1024, baseRecommendedMb: null },
    },
    // A live baseline measured only where the gate compares (gate/live.ts) says so.
    curve: 'compared',
    applied: { target: 'alias', alias: 'live', version: '7', memoryMb: 1024 },
    git: { sha: 'a'.repeat(40), ref: 'refs/pull/7/merge', pullRequest: 7 },
  };
}

/** The live gate's run, also compared with an arm64 deployment (architectures x86_64,arm64). */
function architecturesRun(): RunResult {
  const own = liveGateRun();
  own.settings = { ...own.settings, architectures: ['x86_64', 'arm64'], compareFunction: 'orders-api-arm64' };
  const arm = makeRun({
    configuredMb: 1024,
    functionName: 'orders-api-arm64',
    runId: 'live-1',
    prices: { ...ROUND_PRICES, architecture: 'arm64', pricePerGbSecondUsd: 0.000008 },
    powerValues: [{ memoryMb: 1024, durationsMs: [110, 111, 112, 113] }],
  });
  // Expected costs on both, so the pair carries expectedCostPerInvocationUsd.
  const withExpected = (run: RunResult): RunResult => ({
    ...run,
    powerValues: run.powerValues.map((entry) => ({
      ...entry,
      expectedCostPerInvocationUsd: (entry.costPerInvocationUsd ?? 0) * 1.01,
    })),
    recommendation: run.recommendation
      ? { ...run.recommendation, expectedCostPerInvocationUsd: run.recommendation.costPerInvocationUsd * 1.01 }
      : null,
  });
  return {
    ...own,
    architectureComparison: compareArchitectures(withExpected(own), withExpected(arm), {
      confidence: 0.95,
      source: 'compare-function',
    }),
  };
}

/** As results.json holds it: what JSON.stringify keeps (undefined fields go). */
const asWritten = (run: RunResult): unknown => JSON.parse(JSON.stringify(run));

const parse = (document: unknown): RunResult =>
  parseRunResult(JSON.stringify(document), (problem) => new Error(`results.json ${problem}`));

/** Every property path the JSON Schema declares (array items as []), and every one a document has. */
function schemaPaths(
  schema: Record<string, unknown>,
  definitions: Record<string, Record<string, unknown>>,
  prefix = '',
): string[] {
  const ref = schema['$ref'] as string | undefined;
  if (ref) return schemaPaths(definitions[ref.replace('#/definitions/', '')] ?? {}, definitions, prefix);
  const branches = [
    ...((schema['anyOf'] as Record<string, unknown>[]) ?? []),
    ...((schema['allOf'] as Record<string, unknown>[]) ?? []),
  ];
  const properties = (schema['properties'] as Record<string, Record<string, unknown>>) ?? {};
  const items = schema['items'] as Record<string, unknown> | undefined;
  return [
    ...branches.flatMap((branch) => schemaPaths(branch, definitions, prefix)),
    ...Object.entries(properties).flatMap(([key, value]) => [
      `${prefix}${key}`,
      ...schemaPaths(value, definitions, `${prefix}${key}.`),
    ]),
    ...(items ? schemaPaths(items, definitions, `${prefix}[].`) : []),
  ];
}

function documentPaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => documentPaths(item, `${prefix}[].`));
  if (typeof value !== 'object' || value === null) return [];
  // errorTypes is a record: its keys are error types, not fields.
  return Object.entries(value).flatMap(([key, inner]) => [
    `${prefix}${key}`,
    ...(key === 'errorTypes' ? [] : documentPaths(inner, `${prefix}${key}.`)),
  ]);
}

describe('what the engine writes', () => {
  let documents: unknown[];
  beforeAll(async () => {
    documents = [asWritten(await tunedRun()), asWritten(liveGateRun()), asWritten(architecturesRun())];
  });

  test('validates against the published JSON Schema (docs/results-schema.json)', () => {
    for (const document of documents) expect(jsonSchemaProblems(document)).toEqual([]);
  });

  test('round-trips: written, read back by the one parser, equal to what was written', () => {
    for (const document of documents) expect(parse(document)).toEqual(document);
  });

  test('exercises every field the schema declares, and has none it does not (so the schema is complete)', () => {
    const definitions = resultsJsonSchema['definitions'] as Record<string, Record<string, unknown>>;
    const declared = new Set(schemaPaths(definitions['RunResult'] ?? {}, definitions));
    const written = new Set(documents.flatMap((document) => documentPaths(document)));
    expect([...declared].filter((path) => !written.has(path)).sort()).toEqual([]);
    expect([...written].filter((path) => !declared.has(path)).sort()).toEqual([]);
  });
});

describe('reading', () => {
  const run = (): Record<string, unknown> => asWritten(liveGateRun()) as Record<string, unknown>;

  test('a version 1 file written before runId, environment blocks, SnapStart restore and sampling summaries still reads', () => {
    const older = run() as {
      runId?: string;
      gateSampling?: unknown;
      powerValues: { restore?: unknown; samples: Record<string, unknown>[] }[];
    };
    delete older.runId;
    delete older.gateSampling;
    for (const entry of older.powerValues) {
      delete entry.restore;
      for (const sample of entry.samples)
        for (const key of ['environment', 'restoreDurationMs', 'billedRestoreDurationMs']) delete sample[key];
    }
    expect(validate(older)).toBe(true);
    expect(parse(older)).toEqual(older);
  });

  test('fields this version does not know (a newer writer added them) are accepted and dropped', () => {
    const newer = run() as { powerValues: { samples: Record<string, unknown>[] }[] } & Record<string, unknown>;
    newer['carbonGrams'] = 1.5;
    (newer.powerValues[0]?.samples[0] as Record<string, unknown>)['cpuModel'] = 'Graviton9';
    expect(validate(newer)).toBe(true);
    const read = parse(newer);
    expect(read).toEqual(run());
    expect(JSON.stringify(read)).not.toMatch(/carbonGrams|cpuModel/);
  });

  test('a wrong type is refused in one line naming the input, the file, where, and the fix', () => {
    const bad = run() as { powerValues: { samples: Record<string, unknown>[] }[] };
    (bad.powerValues[1]?.samples[2] as Record<string, unknown>)['coldStart'] = 'yes';
    expect(jsonSchemaProblems(bad)).toEqual(['.powerValues[1].samples[2].coldStart should be boolean']);
    expect(() => readBaselineFile('base/results.json', () => JSON.stringify(bad))).toThrow(
      "Input 'baseline-file': base/results.json is not a valid lambda-power-gate results.json: powerValues[1].samples[2].coldStart: Invalid input: expected boolean, received string; give a results.json written by lambda-power-gate (its schema: docs/results-schema.json)",
    );
  });

  test('a missing field is refused the same way, and several problems are counted, not listed', () => {
    const bad = run() as { prices: Record<string, unknown>; function: Record<string, unknown> };
    delete bad.prices['pricePerRequestUsd'];
    bad.function['originalMemoryMb'] = 1.5;
    expect(validate(bad)).toBe(false);
    expect(() => parse(bad)).toThrow(
      /^results\.json is not a valid lambda-power-gate results\.json: function\.originalMemoryMb: Invalid input: expected int, received number \(and 1 more problem\); give a results\.json written by lambda-power-gate/,
    );
  });

  test('a key chosen by the function (an error type) is shown inert: the message stays one line', () => {
    const bad = run() as { powerValues: { errorTypes: Record<string, unknown> }[] };
    (bad.powerValues[0] as { errorTypes: Record<string, unknown> }).errorTypes = { 'Boom\n::error::forged': 'many' };
    let message = '';
    try {
      parse(bad);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain(
      'powerValues[0].errorTypes["Boom ::error::forged"]: Invalid input: expected number, received string',
    );
    expect(message).not.toMatch(/[\r\n]/);
  });

  test('a dry run is a valid results.json, refused as a baseline because it measured nothing', async () => {
    const fake = createFakeLambda();
    const dry = asWritten(
      await tune(tuningSettings({ dryRun: true }), {
        client: fake.client,
        logger: silentLogger,
        sleep: async () => {},
        random: () => 0.5,
        runId: 'dry1',
      }),
    );
    expect(validate(dry)).toBe(true);
    expect(runResultSchema.safeParse(dry).success).toBe(true);
    expect(() => parse(dry)).toThrow('results.json is a dry run, which measured nothing to compare with');
  });

  test('another schemaVersion is refused before the schema, naming the version this one reads', () => {
    expect(() => parse({ ...run(), schemaVersion: 2 })).toThrow(
      'results.json has schemaVersion 2, but this version of lambda-power-gate reads schemaVersion 1',
    );
  });

  test('zod and the published JSON Schema agree on what is a results.json', () => {
    const mutations: [
      string,
      (document: Record<string, unknown> & { powerValues: Record<string, unknown>[] }) => void,
    ][] = [
      ['a negative memory size', (d) => ((d.powerValues[0] as Record<string, unknown>)['memoryMb'] = -1)],
      ['an unknown status', (d) => ((d.powerValues[0] as Record<string, unknown>)['status'] = 'maybe')],
      ['no recommendation', (d) => (d['recommendation'] = null)],
      ['a start that is not a timestamp', (d) => (d['startedAt'] = 'yesterday')],
      ['a numeric visualization URL', (d) => (d['visualizationUrl'] = 5)],
      ['another tool', (d) => (d['tool'] = { name: 'aws-lambda-power-tuning', version: '4' })],
      ['a negative cost', (d) => (d['tuningCostUsd'] = -0.01)],
      [
        'a discard fraction above one half',
        (d) => ((d['settings'] as Record<string, unknown>)['discardTopBottom'] = 0.6),
      ],
      ['no samples array', (d) => delete (d.powerValues[0] as Record<string, unknown>)['samples']],
    ];
    for (const [what, mutate] of mutations) {
      const document = run() as Record<string, unknown> & { powerValues: Record<string, unknown>[] };
      mutate(document);
      expect([what, runResultSchema.safeParse(document).success]).toEqual([what, validate(document) === true]);
    }
  });
});
