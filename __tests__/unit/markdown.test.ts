import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { markedBody } from '../../src/report/comment.js';
import { renderHtmlReport } from '../../src/report/html.js';
import { renderFailureReport, renderReport } from '../../src/report/markdown.js';
import { deltaAt, errorsText, headlineNumber } from '../../src/report/model.js';
import { visualizationLinks } from '../../src/report/links.js';
import { GITHUB_COMMENT_MAX_CHARS, fitToLimit } from '../../src/report/limits.js';
import { decodeVisualizationHash } from '../../src/results/visualization.js';
import {
  failScenario,
  failedPowerValueScenario,
  noBaselineScenario,
  passScenario,
  prRun,
  veryLongScenario,
  warnScenario,
  type Scenario,
} from '../helpers/fixtures.js';

const GOLDEN_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'golden');

/** Compares with __tests__/golden/<name>; UPDATE_GOLDEN=1 rewrites the file instead (review the diff!). */
function expectGolden(name: string, actual: string): void {
  const path = join(GOLDEN_DIR, name);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(path)) {
    if (process.env.CI) throw new Error(`golden file ${name} is missing; run UPDATE_GOLDEN=1 locally`);
    writeFileSync(path, actual);
  }
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

const render = (scenario: Scenario) => renderReport(scenario);

describe('golden report bodies', () => {
  test.each([
    ['pass.md', passScenario],
    ['warn.md', warnScenario],
    ['fail.md', failScenario],
    ['no-baseline.md', noBaselineScenario],
    ['failed-power-value.md', failedPowerValueScenario],
  ])('%s', (name, scenario) => {
    expectGolden(name, render(scenario()));
  });

  test('very-long-comment.md: cut to fit GitHub, with the marker, structure closed, and a notice', () => {
    const full = render(veryLongScenario());
    expect(full.length).toBeGreaterThan(GITHUB_COMMENT_MAX_CHARS);
    const { body, truncated } = markedBody(full, {
      key: 'checkout-api',
      sha: 'bbbbbbb2222222222222222222222222222222222'.slice(0, 40),
      at: '2026-11-28T10:00:00Z',
    });
    expect(truncated).toBe(true);
    expect(body.length).toBeLessThanOrEqual(GITHUB_COMMENT_MAX_CHARS);
    expect(body).toContain("This report was cut to fit GitHub's size limit");
    expect(body.match(/<details>/g)?.length).toBe(body.match(/<\/details>/g)?.length);
    expect((body.match(/^```/gm)?.length ?? 0) % 2).toBe(0);
    expectGolden('very-long-comment.md', body);
  });
});

describe('headline', () => {
  test('a fail quotes the worst cost change and the monthly cost at the configured volume', () => {
    const { verdict, result } = failScenario();
    // 1024 MB: base 40 ms → 0.04 s × 1 GB × 0.0000166667 + 0.0000002 = 0.000000866668; PR 48 ms → 0.000001000002.
    // +15.4%, and (1.000002 − 0.866668) × 10 = $1.33 a month at 10M invocations.
    expect(headlineNumber(verdict!, result.settings.monthlyInvocations)).toBe(
      'cost per invocation +15.4% at 1024 MB, +$1.33/month at 10M invocations/month',
    );
    expect(render(failScenario()).split('\n')[0]).toBe(
      '### ❌ `checkout-api`: cost per invocation +15.4% at 1024 MB, +$1.33/month at 10M invocations/month',
    );
  });

  test('a warn quotes the row over the warn limit, not a larger passing one', () => {
    const { verdict, result } = warnScenario();
    expect(headlineNumber(verdict!, result.settings.monthlyInvocations)).toMatch(/^duration \+9\.0% at 1024 MB, /);
  });

  test('a pass within noise says so', () => {
    const { verdict, result } = passScenario();
    expect(headlineNumber(verdict!, result.settings.monthlyInvocations)).toMatch(
      /^no significant change: cost per invocation \+1\.9% at 1024 MB/,
    );
  });

  test('without a comparison the recommendation is the headline', () => {
    expect(render(noBaselineScenario()).split('\n')[0]).toBe(
      '### ✅ `checkout-api`: 512 MB recommended, 5.8% cheaper than the current 1024 MB',
    );
    const { result } = noBaselineScenario();
    expect(renderReport({ result }).split('\n')[0]).toMatch(/^### ⚡ /);
  });
});

describe('table deltas', () => {
  test("the gate's row gives significance; other memory sizes show the runs' own change, unmarked", () => {
    const scenario = failScenario();
    expect(deltaAt(scenario, 512, 'duration')).toEqual({
      deltaPct: expect.closeTo(18.92, 2),
      significant: true,
      level: 'fail',
    });
    // 128 MB was not compared by the gate: 365 / 310 − 1 = 17.74%.
    expect(deltaAt(scenario, 128, 'duration')).toEqual({ deltaPct: expect.closeTo(17.74, 2) });
  });

  test('a comparison of different memory sizes on the two sides is not shown as a same-memory delta', () => {
    const scenario = failScenario();
    const verdict = {
      ...scenario.verdict!,
      comparisons: scenario.verdict!.comparisons.map((row) =>
        row.memoryMb === 1024 ? { ...row, baseMemoryMb: 512 } : row,
      ),
    };
    expect(deltaAt({ ...scenario, verdict }, 1024, 'cost')?.significant).toBeUndefined();
  });
});

describe('links', () => {
  test('the compare link carries both runs and legends naming the commits', () => {
    const { result, baseline } = failScenario();
    const { compare, single } = visualizationLinks(result, baseline);
    const decoded = decodeVisualizationHash(compare!);
    expect(decoded).toMatchObject({ kind: 'compare', legendA: 'baseline (aaaaaaa)', legendB: 'PR #42 (bbbbbbb)' });
    if (decoded.kind !== 'compare') throw new Error('not a compare hash');
    expect(decoded.b.map((p) => p.memoryMb)).toEqual([128, 256, 512, 1024, 1536]);
    expect(decoded.a[0]?.durationMs).toBe(310);
    expect(decodeVisualizationHash(single!).kind).toBe('single');
  });

  test("a results file's own visualization URL is never used (it could point anywhere)", () => {
    const result = prRun({ 512: 74 }, { visualizationUrl: 'javascript:alert(1)' });
    const body = renderReport({ result, runUrl: 'javascript:alert(2)' });
    expect(body).not.toContain('javascript:');
    expect(body).toContain('https://lambda-power-tuning.show/#');
  });
});

describe('fitToLimit', () => {
  test('returns short text unchanged', () => {
    expect(fitToLimit('abc\n', 10)).toBe('abc\n');
  });

  test('cuts at a line boundary and closes an open fence and details', () => {
    const text = [
      'intro',
      '<details><summary>x</summary>',
      '',
      '```mermaid',
      ...Array.from({ length: 200 }, (_, i) => `line ${i}`),
    ].join('\n');
    const cut = fitToLimit(text, 600, 'the job summary');
    expect(cut.length).toBeLessThanOrEqual(600);
    expect(cut).toMatch(
      /line \d+\n```\n\n<\/details>\n\n> \[!WARNING\]\n> This report was cut to fit GitHub's size limit; the full report is in the job summary\.\n$/,
    );
  });

  test('never leaves half a surrogate pair', () => {
    const cut = fitToLimit('😀'.repeat(1000), 1000);
    expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(cut.length).toBeLessThanOrEqual(1000);
  });
});

describe('opt-in content', () => {
  test('payloads appear only with log-payloads on', () => {
    const withPayloads = prRun({ 512: 74 });
    withPayloads.settings.payloads = [{ payload: '{"secret":"s3cr3t"}', weight: 1 }];
    expect(renderReport({ result: withPayloads })).not.toContain('s3cr3t');
    withPayloads.settings.logPayloads = true;
    expect(renderReport({ result: withPayloads })).toContain('s3cr3t');
  });
});

describe('many memory sizes', () => {
  test('the table shows the key rows and folds the full list', () => {
    const scenario = veryLongScenario();
    const body = renderReport(scenario);
    const [keyTable] = body.split('<details><summary>All 159 memory sizes</summary>');
    const keyRows = (keyTable ?? '').split('\n').filter((line) => /^\| \**\d+\u00a0MB/.test(line));
    // Configured 1024 MB; recommended 9216 MB, which is also the cheapest and (the first at round(40 × 1024 / m)
    // = 4 ms among the successful, even-numbered sizes) the fastest.
    expect(keyRows.map((line) => line.split(' | ')[0])).toEqual([
      '| **1024\u00a0MB**\u00a0📌',
      '| **9216\u00a0MB**\u00a0⭐',
    ]);
    expect(body).toContain('<details><summary>All 159 memory sizes</summary>');
  });

  test('the list of failures stops at ten', () => {
    const body = renderReport(veryLongScenario());
    expect(body).toContain('- and 69 more memory sizes (every reason is in results.json)');
  });

  test('an errors cell names the most frequent type only', () => {
    const { result } = failedPowerValueScenario();
    const entry = {
      ...result.powerValues[0]!,
      errors: 4,
      invocations: 10,
      errorTypes: { 'Sandbox.Timedout': 1, 'Runtime.OutOfMemory': 3 },
    };
    expect(errorsText(entry)).toBe('4\u00a0/\u00a010 (Runtime.OutOfMemory ×3, 1 more type)');
  });
});

describe('other shapes', () => {
  test("the recommendation's reason reads as a sentence (the engine writes it in lower case, to be joined)", () => {
    const result = prRun({ 512: 74, 1024: 40 });
    result.recommendation = { ...result.recommendation!, reason: 'cheapest of 2 memory sizes measured' };
    expect(renderReport({ result })).toContain('mean duration. Cheapest of 2 memory sizes measured');
    expect(renderHtmlReport({ result })).toContain('mean duration. Cheapest of 2 memory sizes measured');
  });

  test('a dry run says what it would do and shows no table', () => {
    const result = prRun({ 512: 74, 1024: 40 }, { dryRun: true });
    const body = renderReport({ result });
    expect(body.split('\n')[0]).toBe('### 🧪 `checkout-api`: dry run');
    expect(body).toContain(
      'Would tune 512 MB, 1024 MB with 10 invocations each (20 in all, strategy `cost`). Nothing was changed or invoked.',
    );
    expect(body).not.toContain('| Memory |');
  });

  test('a failure before any measurement is escaped', () => {
    expect(renderFailureReport('baseline-file <x> not found', 'https://github.com/a/b/actions/runs/1')).toBe(
      '### ❌ Lambda power tuning failed\n\nbaseline-file &lt;x&gt; not found\n\n[🔎 Workflow run](https://github.com/a/b/actions/runs/1)\n',
    );
  });
});
