import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StoredRun } from '../../src/gate/change-points.js';
import { renderReport } from '../../src/report/markdown.js';
import { buildTrend, commitLink, repositoryUrlOf, trendMarkdown } from '../../src/report/trend.js';
import { shortSha } from '../../src/report/model.js';
import { makeRun } from '../helpers/run-fixture.js';

const PARSER = join(dirname(fileURLToPath(import.meta.url)), '..', 'helpers', 'mermaid-parse.mjs');
const sha = (n: number): string => n.toString(16).padStart(2, '0').repeat(20);
const GATE = { confidence: 0.95, minDurationChangeMs: 1, trendRuns: 10 };
const RUN_URL = 'https://github.com/acme/shop/actions/runs/42';

/** Stored runs at 512 MB: 100 ms for the first four, 130 ms from the fifth on (a 30% step), small noise. */
function stored(count = 8, step = 4): StoredRun[] {
  return Array.from({ length: count }, (_, index) => {
    const level = index < step ? 100 : 130;
    const wobble = [0, 2, -2, 1, -1, 3, -3, 0][index % 8] as number;
    const durationsMs = [97, 99, 100, 101, 103, 98, 102, 100, 99, 101].map((d) => d * (level / 100) + wobble);
    return {
      sha: sha(index + 1),
      result: makeRun({
        configuredMb: 512,
        sha: sha(index + 1),
        powerValues: [
          { memoryMb: 512, durationsMs },
          { memoryMb: 1024, durationsMs: durationsMs.map((d) => d / 2) },
        ],
        recommendedMb: 512,
      }),
    };
  });
}

const pr = makeRun({
  configuredMb: 512,
  powerValues: [
    { memoryMb: 512, durationsMs: [128, 130, 131, 129, 130] },
    { memoryMb: 1024, durationsMs: [64, 65, 66, 65, 65] },
  ],
  recommendedMb: 1024,
});

function mermaidBlocks(markdown: string): string[] {
  return Array.from(markdown.matchAll(/^```mermaid\n([\s\S]*?)\n```$/gm), (match) => match[1] ?? '');
}

describe('the trend in the comment', () => {
  it('charts the stored runs and this run as lines, and names the commit where the step entered', () => {
    const trend = buildTrend(pr, stored(), GATE, RUN_URL)!;
    expect(trend.changes.changePoints.map((point) => point.sha)).toEqual([sha(5)]);
    const markdown = trendMarkdown(trend, pr);
    expect(markdown).toContain('#### 📈 Trend at 512 MB: the last 8 default-branch runs and this run');
    expect(markdown).toContain('▲ ▼: the commit where a significant change entered.');
    expect(markdown).toContain(`- [\`0505050\`](https://github.com/acme/shop/commit/${sha(5)}): cost +`);
    expect(markdown).toContain(`against [\`0404040\`](https://github.com/acme/shop/commit/${sha(4)})`);
    const charts = mermaidBlocks(markdown);
    expect(charts).toHaveLength(3);
    for (const chart of charts) {
      expect(chart).toContain(
        'x-axis "Default-branch commit, oldest first" [0101010, 0202020, 0303030, 0404040, "▲ 0505050"',
      );
      expect(chart).toContain(', 0808080, "this run"]');
      expect(chart).toContain('"width": 900, "height": 240');
      // Nine points: eight stored runs and this one.
      expect(chart.match(/line \[(.*)\]/)?.[1]?.split(', ')).toHaveLength(9);
    }
    expect(charts[2]).toContain('line [512, 512, 512, 512, 512, 512, 512, 512, 1024]');
    const parsed = JSON.parse(
      execFileSync(process.execPath, [PARSER], { input: JSON.stringify(charts), encoding: 'utf8', timeout: 60_000 }),
    ) as { ok: boolean; diagramType?: string; error?: string }[];
    expect(parsed).toEqual(charts.map(() => ({ ok: true, diagramType: 'xychart' })));
  });

  it('sits in the report after the memory charts', () => {
    const report = renderReport({ result: pr, trend: buildTrend(pr, stored(), GATE, RUN_URL) });
    expect(report.indexOf('📈 Trend')).toBeGreaterThan(report.indexOf('Cost per 1M invocations by memory'));
  });

  it('says why no change point was tested with too few runs, and draws nothing with no stored run', () => {
    const trend = buildTrend(pr, stored(2), GATE)!;
    expect(trendMarkdown(trend, pr)).toContain(
      'No change points tested: 2 measured runs at 512 MB; 3 are needed to tell a change from the drift between runs.',
    );
    expect(buildTrend(pr, [], GATE)).toBeNull();
    expect(buildTrend(pr, stored(), { ...GATE, trendRuns: 0 })).toBeNull();
    expect(buildTrend(pr, stored(), { ...GATE, trendRuns: 3 })?.runs.map((run) => run.sha)).toEqual([
      sha(6),
      sha(7),
      sha(8),
    ]);
  });

  it('shows nothing from the data branch but hex commit SHAs: another value is left out of the chart', () => {
    const runs = stored(4, 9);
    (runs[1] as StoredRun).sha = 'x"]\n    line [1]';
    const markdown = trendMarkdown(buildTrend(pr, runs, GATE)!, pr);
    expect(markdown).not.toContain('line [1]');
    expect(markdown).toContain('1 stored run not charted (no figures at 512 MB, or no commit SHA).');
    expect(shortSha('ABCDEF0123')).toBe('abcdef0');
    expect(shortSha('abc')).toBeNull();
    expect(commitLink('](javascript:x)', 'https://github.com/a/b')).toBe('`?`');
    expect(repositoryUrlOf(RUN_URL)).toBe('https://github.com/acme/shop');
    expect(repositoryUrlOf('javascript:alert(1)')).toBeUndefined();
  });

  it('marks copies of an earlier run (carried) as not tested', () => {
    const runs = stored(6, 9);
    runs.push({ sha: sha(9), carriedFrom: sha(6), result: (runs[5] as StoredRun).result });
    const trend = buildTrend(pr, runs, GATE)!;
    expect(trend.changes.measuredRuns).toBe(6);
    expect(trendMarkdown(trend, pr)).toContain('1 point is a copy of an earlier run (the function was unchanged)');
  });
});
