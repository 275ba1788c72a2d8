import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CHART_INIT,
  chartData,
  thinOut,
  chartMarkdown,
  chartNumber,
  mermaidCharts,
  niceCeiling,
  renderXyChart,
} from '../../src/report/chart.js';
import { renderReport } from '../../src/report/markdown.js';
import {
  baselineRun,
  failScenario,
  failedEntry,
  failedPowerValueScenario,
  noBaselineScenario,
  passScenario,
  prRun,
  veryLongScenario,
  warnScenario,
} from '../helpers/fixtures.js';

const PARSER = join(dirname(fileURLToPath(import.meta.url)), '..', 'helpers', 'mermaid-parse.mjs');

type ParseResult = { ok: true; diagramType: string } | { ok: false; error: string };

/** mermaid.parse in a plain Node process (mermaid needs jsdom, which jest's ESM runtime cannot load). */
function mermaidParse(diagrams: string[]): ParseResult[] {
  const out = execFileSync(process.execPath, [PARSER], {
    input: JSON.stringify(diagrams),
    encoding: 'utf8',
    timeout: 60_000,
  });
  return JSON.parse(out) as ParseResult[];
}

function mermaidBlocks(markdown: string): string[] {
  return Array.from(markdown.matchAll(/^```mermaid\n([\s\S]*?)\n```$/gm), (match) => match[1] ?? '');
}

describe('chartData', () => {
  test('PR and baseline at the memory sizes both measured', () => {
    const { result, baseline } = failScenario();
    const data = chartData(result, baseline)!;
    expect(data.memoryMb).toEqual([128, 256, 512, 1024, 1536]);
    expect(data.pr.durationMs).toEqual([365, 180, 88, 48, 46]);
    expect(data.baseline?.durationMs).toEqual([310, 150, 74, 40, 39]);
    // 512 MB, 74 ms billed: 0.074 × 0.5 × 0.0000166667 + 0.0000002 = 0.000000816668 → $0.816668 per 1M.
    expect(data.baseline?.costPerMillionUsd[2]).toBeCloseTo(0.816668, 6);
    expect(data.notes).toEqual([]);
  });

  test('a failed memory size is left out, with a note', () => {
    const { result, baseline } = failedPowerValueScenario();
    const data = chartData(result, baseline)!;
    expect(data.memoryMb).toEqual([256, 512, 1024, 1536]);
    expect(data.notes).toEqual(['128 MB: no successful measurement in this run, not charted.']);
  });

  test('memory sizes the baseline lacks are dropped while two or more are shared', () => {
    const data = chartData(prRun({ 128: 300, 512: 70, 2048: 20 }), baselineRun())!;
    expect(data.memoryMb).toEqual([128, 512]);
    expect(data.notes).toEqual(['2048 MB: the baseline has no figures there, not charted.']);
  });

  test('with fewer than two shared memory sizes the baseline is left out instead', () => {
    const data = chartData(prRun({ 512: 70, 2048: 20, 3008: 15 }), baselineRun())!;
    expect(data.memoryMb).toEqual([512, 2048, 3008]);
    expect(data.baseline).toBeNull();
    expect(data.notes).toEqual(["The baseline measured only 1 of this run's 3 memory sizes, so it is not charted."]);
  });

  test('the baseline is left out when charting it would drop more than half of this run', () => {
    const data = chartData(prRun({ 128: 300, 512: 70, 2048: 20, 3008: 15, 4096: 12 }), baselineRun())!;
    expect(data.memoryMb).toEqual([128, 512, 2048, 3008, 4096]);
    expect(data.baseline).toBeNull();
  });

  test('a long list of memory sizes in a note is counted instead', () => {
    const data = chartData(veryLongScenario().result, null)!;
    expect(data.notes[0]).toBe('79 memory sizes: no successful measurement in this run, not charted.');
  });

  test('thinOut keeps the ends and the key sizes, spread evenly', () => {
    const all = Array.from({ length: 46 }, (_, i) => 128 + i * 64);
    const chosen = thinOut(all, 16, [1024, 1600]);
    expect(chosen.length).toBeLessThanOrEqual(16);
    expect(chosen.length).toBeGreaterThanOrEqual(15);
    expect(chosen[0]).toBe(128);
    expect(chosen.at(-1)).toBe(3008);
    expect(chosen).toEqual(expect.arrayContaining([1024, 1600]));
    expect(thinOut([128, 256], 16)).toEqual([128, 256]);
  });

  test('many memory sizes are thinned to 16 on the chart, with a note', () => {
    const data = chartData(veryLongScenario().result, null)!;
    expect(data.memoryMb.length).toBeLessThanOrEqual(16);
    expect(data.memoryMb).toEqual(expect.arrayContaining([128, 1024, 9216, 10240]));
    expect(data.pr.durationMs[data.memoryMb.indexOf(1024)]).toBe(40);
    expect(data.notes.at(-1)).toBe(
      `${data.memoryMb.length} of the 80 measured memory sizes are charted, so the labels stay readable; the table has them all.`,
    );
  });

  test('nothing to chart when every memory size failed', () => {
    const result = prRun({ 512: 70 });
    result.powerValues = [failedEntry(512, 'Sandbox.Timedout', 'timed out')];
    expect(chartData(result, null)).toBeNull();
    expect(chartMarkdown(result, null)).toBe('');
  });
});

describe('mermaid source', () => {
  test('niceCeiling rounds up to 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 × 10^k', () => {
    expect([0.9, 1, 1.01, 1.3, 2.2, 3.5, 7, 9, 11, 401.5, 0.0033].map(niceCeiling)).toEqual([
      1, 1, 1.2, 1.5, 2.5, 4, 8, 10, 12, 500, 0.004,
    ]);
    expect(niceCeiling(0)).toBe(1);
  });

  test('chartNumber: 4 significant digits, never an exponent', () => {
    expect([365, 0.816668, 1234.567, 0.0000021, 1e-9, 12_345_678].map(chartNumber)).toEqual([
      '365',
      '0.8167',
      '1235',
      '0.0000021',
      '0',
      '12350000',
    ]);
  });

  test('renderXyChart: title, axes from 0, bar and line', () => {
    expect(
      renderXyChart({
        title: 'Say "hi"',
        xAxisLabel: 'Memory (MB)',
        categories: ['128', '1 GB'],
        yAxisLabel: 'ms',
        yMax: 400,
        bar: [1, 2],
        line: [3, 4],
      }),
    ).toBe(
      [
        CHART_INIT,
        'xychart-beta',
        `    title "Say 'hi'"`,
        '    x-axis "Memory (MB)" [128, "1 GB"]',
        '    y-axis "ms" 0 --> 400',
        '    bar [1, 2]',
        '    line [3, 4]',
      ].join('\n'),
    );
  });

  test('two charts, one per unit; the y-axis leaves 5% headroom', () => {
    const { result, baseline } = failScenario();
    const { duration, cost } = mermaidCharts(chartData(result, baseline)!);
    expect(duration).toContain('y-axis "Duration (ms)" 0 --> 400'); // 365 × 1.05 = 383.25 → 400
    expect(cost).toContain('y-axis "USD per 1M invocations" 0 --> 1.5'); // 1.35 × 1.05 = 1.4175 → 1.5
    expect(cost).toContain('line [0.8458, 0.825, 0.8167, 0.8667, 1.175]');
  });

  test("every chart of every golden scenario is accepted by mermaid's own parser; a broken one is not", () => {
    const scenarios = [
      passScenario(),
      warnScenario(),
      failScenario(),
      noBaselineScenario(),
      failedPowerValueScenario(),
      veryLongScenario(),
    ];
    const diagrams = scenarios.flatMap((scenario) => mermaidBlocks(renderReport(scenario)));
    expect(diagrams).toHaveLength(12);
    const broken = diagrams[0]!.replace(/bar \[/, 'bar [oops, ');
    const results = mermaidParse([...diagrams, broken]);
    expect(results.slice(0, -1)).toEqual(diagrams.map(() => ({ ok: true, diagramType: 'xychart' })));
    expect(results.at(-1)).toMatchObject({ ok: false, error: expect.stringMatching(/Parse error/) });
  });
});
