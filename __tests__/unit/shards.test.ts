// mode: aggregate's shards (src/app/shards.ts): merged into one version 2 file when they are one run's, refused in
// one line naming results-files when they are not (a stale shard of another commit, another key, a function twice).

import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mergeShards, readShards, type Shard } from '../../src/app/shards.js';
import { InputError } from '../../src/lib/errors.js';
import type { FunctionEntry, ResultsFile, RunResult } from '../../src/types.js';
import { makeRun, repeat } from '../helpers/run-fixture.js';

const HEAD = 'a'.repeat(40);
const STALE = 'b'.repeat(40);

const run = (functionName: string, sha = HEAD): RunResult =>
  JSON.parse(
    JSON.stringify(
      makeRun({
        configuredMb: 1024,
        functionName,
        sha,
        runId: `run-${functionName}`,
        powerValues: [{ memoryMb: 1024, durationsMs: repeat(100, 5) }],
      }),
    ),
  ) as RunResult;

const entry = (key: string, sha = HEAD): FunctionEntry => ({
  key,
  functionName: `shop-${key.toLowerCase()}`,
  status: 'measured',
  result: run(`shop-${key.toLowerCase()}`, sha),
});

function shard(keys: string[], options: { sha?: string | null; key?: string; start?: string; end?: string } = {}) {
  const sha = options.sha === undefined ? HEAD : options.sha;
  return {
    schemaVersion: 2 as const,
    tool: { name: 'lambda-power-gate' as const, version: '0.0.0-test' },
    key: options.key ?? 'shop',
    ...(sha === null ? {} : { git: { sha, ref: 'refs/pull/7/merge', pullRequest: 7 } }),
    functions: keys.map((key) => entry(key, sha ?? HEAD)),
    startedAt: options.start ?? '2026-03-01T10:00:00.000Z',
    finishedAt: options.end ?? '2026-03-01T10:05:00.000Z',
  } satisfies ResultsFile;
}

const messageOf = (act: () => unknown): string => {
  try {
    act();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).input).toBe('results-files');
    return (error as Error).message;
  }
  return '(no error)';
};

describe('mergeShards', () => {
  test('merges one run’s shards in the order of their paths, whatever order they came in', () => {
    const files: Shard[] = [
      { path: 'shards/shard-2/results.json', file: shard(['Search'], { start: '2026-03-01T10:01:00.000Z' }) },
      {
        path: 'shards/shard-1/results.json',
        file: shard(['Orders', 'Payments'], { end: '2026-03-01T10:09:00.000Z' }),
      },
    ];
    const merged = mergeShards(files, { headSha: HEAD, key: 'shop' });
    expect(merged).toEqual({
      schemaVersion: 2,
      tool: { name: 'lambda-power-gate', version: '0.0.0-test' },
      key: 'shop',
      git: { sha: HEAD, ref: 'refs/pull/7/merge', pullRequest: 7 },
      functions: [entry('Orders'), entry('Payments'), entry('Search')],
      startedAt: '2026-03-01T10:00:00.000Z',
      finishedAt: '2026-03-01T10:09:00.000Z',
    });
    expect(mergeShards([...files].reverse(), { headSha: HEAD, key: 'shop' })).toEqual(merged);
  });

  test('refuses a stale shard (another head commit), naming the file and both commits', () => {
    const files: Shard[] = [
      { path: 'shards/shard-1/results.json', file: shard(['Orders']) },
      { path: 'shards/shard-2/results.json', file: shard(['Search'], { sha: STALE }) },
    ];
    expect(messageOf(() => mergeShards(files, { headSha: HEAD, key: 'shop' }))).toBe(
      "Input 'results-files': shards/shard-2/results.json measured commit bbbbbbbbbbbb, not aaaaaaaaaaaa (this run’s head): a stale shard, e.g. an artifact of an earlier run; download only this run’s artifacts",
    );
    // Without a head to check against, the shards must at least agree with each other.
    expect(messageOf(() => mergeShards(files, { key: 'shop' }))).toBe(
      "Input 'results-files': shards/shard-2/results.json measured commit bbbbbbbbbbbb, not aaaaaaaaaaaa (as shards/shard-1/results.json did): a stale shard, e.g. an artifact of an earlier run; download only this run’s artifacts",
    );
  });

  test('refuses a shard that does not say which commit it measured when the head is known', () => {
    const files: Shard[] = [{ path: 'shards/x/results.json', file: shard(['Orders'], { sha: null }) }];
    expect(messageOf(() => mergeShards(files, { headSha: HEAD, key: 'shop' }))).toMatch(
      /^Input 'results-files': shards\/x\/results\.json does not say which commit it measured \(no git\.sha\), so it cannot be checked against aaaaaaaaaaaa/,
    );
  });

  test('refuses a shard of another key', () => {
    const files: Shard[] = [
      { path: 'shards/a/results.json', file: shard(['Orders']) },
      { path: 'shards/b/results.json', file: shard(['Search'], { key: 'billing' }) },
    ];
    expect(messageOf(() => mergeShards(files, { headSha: HEAD, key: 'shop' }))).toBe(
      `Input 'results-files': shards/b/results.json is a run of the key "billing", not "shop"; give every shard the same key input as this step, or leave out the other app’s files`,
    );
  });

  test('refuses a function found in two shards, naming both files', () => {
    const files: Shard[] = [
      { path: 'shards/a/results.json', file: shard(['Orders', 'Search']) },
      { path: 'shards/b/results.json', file: shard(['Search']) },
    ];
    expect(messageOf(() => mergeShards(files, { headSha: HEAD, key: 'shop' }))).toBe(
      `Input 'results-files': the function "Search" is in both shards/a/results.json and shards/b/results.json; give each function to exactly one shard`,
    );
  });

  test('refuses an empty set', () => {
    expect(messageOf(() => mergeShards([], { headSha: HEAD, key: 'shop' }))).toMatch(
      /^Input 'results-files': matched no results\.json; give the paths or globs/,
    );
  });

  test('shows a hostile key inert', () => {
    const hostile = shard(['Orders'], { key: 'x\n::error::forged' });
    const message = messageOf(() => mergeShards([{ path: 'a.json', file: hostile }], { key: 'shop' }));
    expect(message).toContain('"x ::error::forged"');
    expect(message).not.toMatch(/[\r\n]/);
  });
});

describe('readShards', () => {
  let workspace: string;
  beforeEach(() => {
    workspace = mkdtempSync(join(tmpdir(), 'lpg-shards-'));
  });
  const put = (path: string, document: unknown): void => {
    mkdirSync(join(workspace, path, '..'), { recursive: true });
    writeFileSync(join(workspace, path), typeof document === 'string' ? document : JSON.stringify(document));
  };
  const refusal = async (patterns: string[]): Promise<string> => {
    try {
      await readShards(patterns, workspace);
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      return (error as Error).message;
    }
    return '(no error)';
  };

  test('expands the globs inside the workspace, each file once, sorted, either version read as version 2', async () => {
    put('shards/lambda-power-gate-2/results.json', shard(['Search']));
    put('shards/lambda-power-gate-1/results.json', shard(['Orders']));
    put('shards/lambda-power-gate-1/report.md', '# not a shard');
    put('older/results.json', run('shop-refunds'));
    const shards = await readShards(
      ['shards/*/results.json', 'shards/lambda-power-gate-1/results.json', 'older/results.json'],
      workspace,
    );
    expect(shards.map((item) => [item.path, item.file.functions.map((fn) => fn.key)])).toEqual([
      ['older/results.json', ['shop-refunds']],
      ['shards/lambda-power-gate-1/results.json', ['Orders']],
      ['shards/lambda-power-gate-2/results.json', ['Search']],
    ]);
    expect(mergeShards(shards.slice(1), { headSha: HEAD, key: 'shop' }).functions.map((fn) => fn.key)).toEqual([
      'Orders',
      'Search',
    ]);
  });

  test('a pattern that matches nothing, climbs out or is absolute is refused before anything is read', async () => {
    expect(await refusal(['shards/*/results.json'])).toBe(
      `Input 'results-files': "shards/*/results.json" matched no file in the workspace; download the shards’ artifacts first (actions/download-artifact) or fix the pattern`,
    );
    expect(await refusal(['../*/results.json'])).toMatch(
      /"\.\.\/\*\/results\.json" climbs out of the workspace with \.\./,
    );
    expect(await refusal(['/etc/*'])).toMatch(/"\/etc\/\*" is an absolute path/);
    expect(await refusal(['', '  '])).toMatch(/is required with mode aggregate/);
  });

  test('a file that is not a results.json is refused naming it and results-files', async () => {
    put('shards/a/results.json', '{"schemaVersion": 2, "key": "shop"}');
    expect(await refusal(['shards/*/results.json'])).toMatch(
      /^Input 'results-files': shards\/a\/results\.json is not a valid lambda-power-gate results\.json: tool: /,
    );
  });

  test('a symlink (here, out of the workspace) is not followed, so never read', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'lpg-outside-'));
    writeFileSync(join(outside, 'results.json'), JSON.stringify(shard(['Orders'])));
    mkdirSync(join(workspace, 'shards'), { recursive: true });
    symlinkSync(join(outside, 'results.json'), join(workspace, 'shards', 'results.json'));
    expect(await refusal(['shards/results.json'])).toMatch(/"shards\/results\.json" matched no file in the workspace/);
  });
});
