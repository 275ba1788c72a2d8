// results.json version 2 (every function of a run) and its readers: a version 1 file reads as a version 2 file of
// one function, a version 2 file round-trips and validates against the published JSON Schema, and what a reader
// refuses is refused in one inert line naming the input.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readReportedResults } from '../../src/action/comment-only.js';
import { readBaselineFile } from '../../src/gate/baseline.js';
import { entryFor, parseResultsFile } from '../../src/results/parse.js';
import type { ResultsFile, RunResult } from '../../src/types.js';
import { makeRun, repeat } from '../helpers/run-fixture.js';
import { resultsFileProblems } from '../helpers/results-schema.js';

const SHA = 'a'.repeat(40);
const run = (functionName: string, durationMs = 100): RunResult =>
  JSON.parse(
    JSON.stringify(
      makeRun({
        configuredMb: 1024,
        functionName,
        sha: SHA,
        runId: `run-${functionName}-${durationMs}`,
        powerValues: [{ memoryMb: 1024, durationsMs: repeat(durationMs, 5) }],
      }),
    ),
  ) as RunResult;

/** A version 2 file with one function of each status. */
function appFile(): ResultsFile {
  return {
    schemaVersion: 2,
    tool: { name: 'lambda-power-gate', version: '0.0.0-test' },
    key: 'shop',
    git: { sha: SHA, ref: 'refs/pull/7/merge', pullRequest: 7 },
    functions: [
      {
        key: 'Orders',
        functionName: 'shop-pr-7-orders',
        status: 'measured',
        result: run('shop-pr-7-orders', 90),
        baseline: run('shop-staging-orders', 100),
      },
      {
        key: 'Search',
        functionName: 'shop-pr-7-search',
        status: 'unchanged',
        result: run('shop-staging-search', 120),
        unchangedNote: 'the baseline function shop-staging-search',
      },
      {
        key: 'Payments',
        functionName: 'shop-pr-7-payments',
        status: 'failed',
        result: null,
        failure: 'AccessDeniedException: not authorized to perform lambda:UpdateFunctionConfiguration',
      },
    ],
    startedAt: '2026-03-01T10:00:00.000Z',
    finishedAt: '2026-03-01T10:05:00.000Z',
  };
}

const parse = (document: unknown): ResultsFile =>
  parseResultsFile(JSON.stringify(document), (problem) => new Error(`results.json ${problem}`));

const messageOf = (act: () => unknown): string => {
  try {
    act();
  } catch (error) {
    return (error as Error).message;
  }
  return '(no error)';
};

describe('parseResultsFile', () => {
  test('a version 1 file reads as a version 2 file of one function: key = its name, status measured', () => {
    const v1 = run('orders-api');
    expect(parse(v1)).toEqual({
      schemaVersion: 2,
      tool: v1.tool,
      key: 'orders-api',
      git: { sha: SHA },
      functions: [{ key: 'orders-api', functionName: 'orders-api', status: 'measured', result: v1 }],
      startedAt: v1.startedAt,
      finishedAt: v1.finishedAt,
    });
  });

  test('a version 2 file round-trips and is valid against the published JSON Schema', () => {
    const file = appFile();
    expect(resultsFileProblems(file)).toEqual([]);
    expect(parse(file)).toEqual(file);
    expect(parse(JSON.parse(JSON.stringify(parse(file))))).toEqual(file);
  });

  test('zod and the published JSON Schema agree on a version 2 file', () => {
    const mutations: [string, (file: Record<string, unknown> & { functions: Record<string, unknown>[] }) => void][] = [
      ['no functions', (f) => (f.functions = [])],
      ['an unknown status', (f) => ((f.functions[0] as Record<string, unknown>)['status'] = 'skipped')],
      ['an empty key', (f) => ((f.functions[0] as Record<string, unknown>)['key'] = '')],
      [
        'a run of another version',
        (f) => ((f.functions[1]?.['result'] as Record<string, unknown>)['schemaVersion'] = 2),
      ],
      ['no key', (f) => delete f['key']],
    ];
    for (const [what, mutate] of mutations) {
      const file = JSON.parse(JSON.stringify(appFile())) as Record<string, unknown> & {
        functions: Record<string, unknown>[];
      };
      mutate(file);
      expect([what, resultsFileProblems(file).length === 0]).toEqual([what, false]);
      expect(() => parse(file)).toThrow(/^results\.json is not a valid lambda-power-gate results\.json: /);
    }
  });

  test('a wrong field deep in a function is refused naming where it is', () => {
    const file = appFile() as unknown as { functions: { result: { powerValues: { memoryMb: unknown }[] } }[] };
    (file.functions[1]?.result.powerValues[0] as { memoryMb: unknown }).memoryMb = 'lots';
    expect(messageOf(() => parse(file))).toBe(
      'results.json is not a valid lambda-power-gate results.json: functions[1].result.powerValues[0].memoryMb: Invalid input: expected number, received string; give a results.json written by lambda-power-gate (its schema: docs/results-schema.json)',
    );
  });

  test('another version is refused, naming the versions this one reads', () => {
    expect(messageOf(() => parse({ ...appFile(), schemaVersion: 3 }))).toBe(
      "results.json has schemaVersion 3, but this version of lambda-power-gate reads schemaVersion 2 (and 1, one function's run)",
    );
  });

  test('two functions with one key are refused; the key is shown inert (it may come from a fork)', () => {
    const file = appFile();
    const hostile = 'Orders\n::error::forged\u202e';
    file.functions = file.functions.map((entry) => ({ ...entry, key: hostile }));
    const message = messageOf(() => parse(file));
    expect(message).toMatch(/^results\.json has two functions with the key "Orders ::error::forged\\u202E"; give/);
    expect(message).not.toMatch(/[\r\n\u202e]/);
  });

  test('a measured function without a result, and a dry run, are refused', () => {
    const measuredEmpty = appFile();
    (measuredEmpty.functions[0] as { result: RunResult | null }).result = null;
    expect(messageOf(() => parse(measuredEmpty))).toBe(
      'results.json functions[0] ("Orders") is measured but has no result',
    );
    const dry = appFile();
    (dry.functions[1] as { result: RunResult }).result = { ...run('x'), dryRun: true };
    expect(messageOf(() => parse(dry))).toBe(
      'results.json functions[1] ("Search") is a dry run, which measured nothing to compare with',
    );
  });

  test('entryFor: the function with the key, else the only one, else none', () => {
    const file = parse(appFile());
    expect(entryFor(file, 'Search')?.functionName).toBe('shop-pr-7-search');
    expect(entryFor(file, 'Nope')).toBeUndefined();
    expect(entryFor(parse(run('orders-api')), 'orders')?.key).toBe('orders-api');
  });
});

describe('baseline-file of either version', () => {
  const read = (document: unknown, key?: string) =>
    readBaselineFile('base/results.json', () => JSON.stringify(document), key);

  test('a version 1 file is its run, whatever the key', () => {
    expect(read(run('orders-api'), 'orders')).toEqual(run('orders-api'));
  });

  test("a version 2 file gives the gate key's function", () => {
    expect(read(appFile(), 'Search')).toEqual(run('shop-staging-search', 120));
  });

  test('a version 2 file of one function gives it under any key', () => {
    const one = { ...appFile(), functions: appFile().functions.slice(0, 1) };
    expect(read(one, 'orders')).toEqual(run('shop-pr-7-orders', 90));
  });

  test('several functions without the key, or a failed one, are refused naming baseline-file', () => {
    expect(messageOf(() => read(appFile(), 'Nope'))).toBe(
      `Input 'baseline-file': base/results.json holds 3 functions but none with the key "Nope" (it holds "Orders", "Search", "Payments"); give the key of the function to compare with (input key), or a results.json of that function`,
    );
    expect(messageOf(() => read(appFile(), 'Payments'))).toBe(
      `Input 'baseline-file': base/results.json has no figures for "Payments" (status failed); give a results.json of a run that measured it`,
    );
  });
});

describe("comment-only's results-file of either version", () => {
  const workspace = mkdtempSync(join(tmpdir(), 'lpg-results-file-'));
  const write = (name: string, document: unknown): string => {
    writeFileSync(join(workspace, name), JSON.stringify(document));
    return name;
  };

  test('a version 1 file is reported as before', () => {
    expect(readReportedResults(write('v1.json', run('orders-api')), workspace)).toEqual(run('orders-api'));
  });

  test("a version 2 file gives its first function with figures (until the app's report reads them all)", () => {
    const file = appFile();
    file.functions = [file.functions[2], file.functions[1]] as ResultsFile['functions'];
    expect(readReportedResults(write('v2.json', file), workspace)).toEqual(run('shop-staging-search', 120));
  });

  test('a version 2 file where every function failed is refused naming results-file', () => {
    const file = appFile();
    file.functions = file.functions.slice(2);
    expect(messageOf(() => readReportedResults(write('failed.json', file), workspace))).toBe(
      `Input 'results-file': ${join(workspace, 'failed.json')} has no function with figures (every one failed); nothing to report`,
    );
  });
});
