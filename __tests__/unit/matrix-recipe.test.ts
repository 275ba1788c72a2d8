// The matrix recipe (docs/apps.md, examples/matrix.yml) stays true: the page shows the example file verbatim, the
// workflow parses, it gives the action only inputs the action has, the artifacts it uploads have unique names, and
// the files download-artifact lays out are the ones its results-files glob reads and merges.

import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { mergeShards, readShards } from '../../src/app/shards.js';
import { INPUTS } from '../../src/settings/inputs.js';
import type { ResultsFile } from '../../src/types.js';
import { makeRun, repeat } from '../helpers/run-fixture.js';

const ROOT = process.cwd();
const EXAMPLE = readFileSync(join(ROOT, 'examples/matrix.yml'), 'utf8');
const DOC = readFileSync(join(ROOT, 'docs/apps.md'), 'utf8');
const ACTION = 'lambda-power-gate/lambda-power-gate@v0';

/**
 * Inputs of issue 15 that the settings side adds (src/settings/inputs.ts on another branch): accepted here until
 * the table has them; then this list can go.
 */

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  needs?: string | string[];
  if?: string;
  steps: Step[];
  strategy?: { matrix?: unknown; 'fail-fast'?: boolean };
}
const workflow = parse(EXAMPLE) as { jobs: Record<string, Job> };
const steps = (job: string): Step[] => workflow.jobs[job]?.steps ?? [];
const stepUsing = (job: string, uses: string): Step => {
  const found = steps(job).find((step) => step.uses === uses);
  if (!found) throw new Error(`job ${job} has no step using ${uses}`);
  return found;
};

describe('the matrix recipe', () => {
  test('docs/apps.md shows examples/matrix.yml verbatim under its section', () => {
    const start = DOC.indexOf('\n### The recipe: a matrix of shards and one aggregate job\n');
    expect(start).toBeGreaterThanOrEqual(0);
    const section = DOC.slice(
      start,
      DOC.indexOf('\n## ', start + 1) === -1 ? undefined : DOC.indexOf('\n## ', start + 1),
    );
    const block = /```yaml\n([\s\S]*?)```/.exec(section)?.[1];
    expect(block).toBe(EXAMPLE);
  });

  test('lists the functions, tunes them in a matrix, and aggregates after the shards', () => {
    expect(Object.keys(workflow.jobs)).toEqual(['list', 'tune', 'aggregate']);
    expect(workflow.jobs['tune']?.needs).toBe('list');
    expect(workflow.jobs['tune']?.strategy?.matrix).toBe('${{ fromJSON(needs.list.outputs.matrix) }}');
    expect(workflow.jobs['tune']?.strategy?.['fail-fast']).toBe(false);
    expect(workflow.jobs['aggregate']?.needs).toBe('tune');
    expect(stepUsing('tune', ACTION).with?.['functions']).toBe('${{ matrix.functions }}');
    expect(stepUsing('aggregate', ACTION).with?.['mode']).toBe('aggregate');
  });

  test('gives the action only inputs it has', () => {
    const known = new Set(INPUTS.map((input) => input.name));
    const given = Object.values(workflow.jobs).flatMap((job) =>
      job.steps.filter((step) => step.uses === ACTION).flatMap((step) => Object.keys(step.with ?? {})),
    );
    expect(given.filter((name) => !known.has(name))).toEqual([]);
    // The shards and the aggregate step share one key: one comment, and the aggregate refuses another key.
    expect(stepUsing('tune', ACTION).with?.['key']).toBe(stepUsing('aggregate', ACTION).with?.['key']);
    const mode = String(stepUsing('aggregate', ACTION).with?.['mode']);
    expect(INPUTS.find((input) => input.name === 'mode')?.description).toContain(mode);
  });

  test('uploads one uniquely named artifact per shard, and downloads them into one directory each', () => {
    const upload = stepUsing('tune', 'actions/upload-artifact@v4').with ?? {};
    expect(String(upload['name'])).toContain('${{ matrix.shard }}');
    expect(upload['if-no-files-found']).toBe('error');
    const download = stepUsing('aggregate', 'actions/download-artifact@v4').with ?? {};
    expect(download['merge-multiple']).toBe(false);
    const prefix = String(upload['name']).replace('${{ matrix.shard }}', '');
    expect(download['pattern']).toBe(`${prefix}*`);
    expect(stepUsing('aggregate', ACTION).with?.['results-files']).toBe(`${String(download['path'])}/*/results.json`);
  });

  test('what download-artifact lays out is what results-files reads and merges', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'lpg-matrix-'));
    const upload = stepUsing('tune', 'actions/upload-artifact@v4').with ?? {};
    const download = stepUsing('aggregate', 'actions/download-artifact@v4').with ?? {};
    const sha = 'c'.repeat(40);
    const shardFile = (keys: string[]): ResultsFile => ({
      schemaVersion: 2,
      tool: { name: 'lambda-power-gate', version: '0.0.0-test' },
      key: 'shop',
      git: { sha },
      functions: keys.map((key) => ({
        key,
        functionName: key,
        status: 'measured',
        result: makeRun({
          configuredMb: 512,
          functionName: key,
          sha,
          powerValues: [{ memoryMb: 512, durationsMs: repeat(50, 3) }],
        }),
      })),
      startedAt: '2026-03-01T10:00:00.000Z',
      finishedAt: '2026-03-01T10:01:00.000Z',
    });
    // merge-multiple: false puts each artifact in <path>/<artifact name>/, holding what the shard uploaded.
    [['shop-pr-7-orders', 'shop-pr-7-search'], ['shop-pr-7-payments']].forEach((keys, shard) => {
      const dir = join(
        workspace,
        String(download['path']),
        String(upload['name']).replace('${{ matrix.shard }}', String(shard)),
      );
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'results.json'), JSON.stringify(shardFile(keys)));
      writeFileSync(join(dir, 'report.md'), '# a shard report');
    });
    const patterns = String(stepUsing('aggregate', ACTION).with?.['results-files']).split('\n');
    const merged = mergeShards(await readShards(patterns, workspace), { headSha: sha, key: 'shop' });
    expect(merged.functions.map((entry) => entry.key)).toEqual([
      'shop-pr-7-orders',
      'shop-pr-7-search',
      'shop-pr-7-payments',
    ]);
  });
});
