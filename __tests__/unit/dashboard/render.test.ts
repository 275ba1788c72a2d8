// The dashboard page, rendered from hand-made histories: points per chart, change points (the comment trend's rule,
// gate/change-points.ts, set up by the model), links, escaping, CSP.

import { dashboardModel, readsPerKey, type KeyHistory, type StoredRun } from '../../../src/report/dashboard/model.js';
import { renderDashboard } from '../../../src/report/dashboard/render.js';
import { visualizationUrl } from '../../../src/results/visualization.js';
import type { Sample } from '../../../src/types.js';
import { makeRun } from '../../helpers/run-fixture.js';

const sha = (n: number) => `${n}`.repeat(7) + 'a'.repeat(33);

/** Ten durations around `level` (a fixed ±3% pattern), the first a cold start with Init Duration `level`. */
const around = (level: number) => [0.97, 1.01, 0.99, 1.03, 1.0, 0.98, 1.02, 1.0, 0.99, 1.01].map((f) => f * level);

function stored(
  n: number,
  level: number,
  extra: Partial<StoredRun> = {},
  name = 'orders-api',
  configuredMb = 1024,
): StoredRun {
  const result = makeRun({
    configuredMb,
    functionName: name,
    sha: sha(n),
    recommendedMb: 512,
    powerValues: [
      { memoryMb: 512, durationsMs: around(level * 1.8) },
      { memoryMb: 1024, durationsMs: around(level), coldFirst: true },
    ],
  });
  result.visualizationUrl = visualizationUrl([{ memoryMb: 1024, durationMs: level, costUsd: 1e-6 }]);
  return { sha: sha(n), committedAt: `2026-03-0${n}T10:00:00Z`, carried: false, result, ...extra };
}

/** Newest first, as the index keeps them: runs 1..6, duration steps up by 40% at run 4. */
const stepHistory: KeyHistory = {
  key: 'orders-api',
  runs: [6, 5, 4, 3, 2, 1].map((n) => stored(n, n >= 4 ? 140 : 100)),
};

const model = (histories: KeyHistory[]) =>
  dashboardModel(histories, {
    repository: { owner: 'acme', repo: 'shop', serverUrl: 'https://github.com' },
    branch: 'lambda-power-gate-data',
    generatedAt: '2026-03-10T00:00:00.000Z',
    confidence: 0.95,
    minDurationChangeMs: 1,
  });

const count = (html: string, pattern: RegExp) => (html.match(pattern) ?? []).length;
const figure = (html: string, metric: string) => {
  const start = html.indexOf(`<figure data-metric="${metric}"`);
  return html.slice(start, html.indexOf('</figure>', start));
};

/** A run at 1024 MB whose 10 warm invocations are `around(level)` and whose 4 cold starts have Init `around(init)`. */
function withColdStarts(n: number, level: number, init: number): StoredRun {
  const run = stored(n, level);
  const inits = around(init).slice(0, 4);
  const samples: Sample[] = [
    ...inits.map((initDurationMs, environment) => ({
      durationMs: level,
      billedDurationMs: level + initDurationMs,
      payloadIndex: 0,
      coldStart: true,
      initDurationMs,
      environment,
    })),
    ...around(level).map((durationMs, i) => ({
      durationMs,
      billedDurationMs: durationMs,
      payloadIndex: 0,
      coldStart: false,
      environment: i % 4,
    })),
  ];
  run.result = makeRun({
    configuredMb: 1024,
    sha: sha(n),
    powerValues: [{ memoryMb: 1024, samples }],
  });
  return run;
}

describe('dashboardModel change points (the trend rule)', () => {
  it('marks a known step at the run where it entered, per metric, with the change and its interval', () => {
    const key = model([stepHistory]).keys[0];
    expect(key?.comparedMemoryMb).toBe(1024);
    for (const metric of ['cost', 'duration'] as const) {
      expect(key?.changes[metric].map((c) => [c.index, c.previousIndex])).toEqual([[3, 2]]);
      expect(key?.changes[metric][0]?.deltaPct).toBeCloseTo(40, 6);
      expect(key?.changes[metric][0]?.lowPct).toBeGreaterThan(0);
      expect(key?.changes[metric][0]?.highPct).toBeGreaterThan(40);
    }
    // One cold start a run at 1024 MB: Init Duration cannot be tested, and the chart says why.
    expect(key?.changes.init).toEqual([]);
    expect(key?.untested.init).toBe('not tested: 0 of 6 runs have 2 cold starts or more');
    const flat = model([{ key: 'k', runs: [6, 5, 4, 3, 2, 1].map((n) => stored(n, 100)) }]).keys[0];
    expect(flat?.changes).toEqual({ cost: [], duration: [], init: [] });
  });

  it('marks an Init Duration step on runs with several cold starts', () => {
    const runs = [6, 5, 4, 3, 2, 1].map((n) => withColdStarts(n, 100, n >= 4 ? 300 : 200));
    const key = model([{ key: 'k', runs }]).keys[0];
    expect(key?.changes.init.map((c) => [c.index, c.previousIndex])).toEqual([[3, 2]]);
    expect(key?.changes.init[0]?.deltaPct).toBeCloseTo(50, 6);
    expect(key?.changes.duration).toEqual([]);
    expect(key?.untested).toEqual({});
    const same = model([{ key: 'k', runs: [6, 5, 4, 3, 2, 1].map((n) => withColdStarts(n, 100, 200)) }]).keys[0];
    expect(same?.changes.init).toEqual([]);
  });

  it('never compares a carried entry: a copy at another level is no change, and a change is against a measured run', () => {
    // Oldest first: 100, 100, 100, a carried copy that (as a hand-edited branch could) holds 140, then 140, 140.
    const runs = [
      stored(6, 140),
      stored(5, 140),
      stored(4, 140, { carried: true }),
      stored(3, 100),
      stored(2, 100),
      stored(1, 100),
    ];
    const key = model([{ key: 'k', runs }]).keys[0];
    expect(key?.changes.duration.map((c) => [c.index, c.previousIndex])).toEqual([[4, 2]]);
    // Carried copies between identical runs: nothing to name.
    const quiet = model([
      { key: 'k', runs: [stored(5, 100), stored(4, 140, { carried: true }), ...[3, 2, 1].map((n) => stored(n, 100))] },
    ]);
    expect(quiet.keys[0]?.changes.duration).toEqual([]);
  });

  it("never compares a run configured at another memory size, and tests at the newest run's memory", () => {
    // Run 3 was configured at 512 MB (its 512 MB figures are drawn); its 1024 MB power value is 40% slower.
    const other = stored(3, 140, {}, 'orders-api', 512);
    const runs = [stored(6, 100), stored(5, 100), stored(4, 100), other, stored(2, 100), stored(1, 100)];
    const key = model([{ key: 'k', runs }]).keys[0];
    expect(key?.comparedMemoryMb).toBe(1024);
    expect(key?.points.map((p) => p.otherMemory)).toEqual([false, false, true, false, false, false]);
    expect(key?.changes).toEqual({ cost: [], duration: [], init: [] });
    // The newest run decides: older runs at 1024 MB are the other memory when the function moved to 512 MB.
    const moved = model([{ key: 'k', runs: [stored(7, 100, {}, 'orders-api', 512), ...runs] }]).keys[0];
    expect(moved?.comparedMemoryMb).toBe(512);
    expect(moved?.points.filter((p) => !p.otherMemory)).toHaveLength(2);
    expect(moved?.untested.duration).toBe('not tested: 2 measured runs, 3 needed');
    const html = renderDashboard(model([{ key: 'k', runs }]));
    expect(html).toContain('1 run was configured at another memory size: drawn, not compared');
    expect(html).toContain('configured at 512 MB: not compared');
  });
});

describe('renderDashboard', () => {
  it('draws one point per stored run in each chart, marks the change point and links commits and charts', () => {
    const html = renderDashboard(model([stepHistory]));
    for (const metric of ['cost', 'duration', 'init', 'recommendation']) {
      expect(count(figure(html, metric), /<circle class="pt/g)).toBe(6);
      expect(figure(html, metric)).toContain('data-points="6"');
    }
    // The step at run 4 (index 3 oldest first) is a change point of cost and duration; the recommendation has none.
    expect(figure(html, 'duration')).toContain('<g class="change" data-index="3" data-previous-index="2">');
    expect(figure(html, 'cost')).toContain('<g class="change" data-index="3" data-previous-index="2">');
    expect(figure(html, 'duration')).toMatch(
      /<title>duration \+40\.0% \(95% interval \+\d+\.\d% to \+\d+\.\d%\) entered at 4444444, against 3333333<\/title>/,
    );
    expect(count(figure(html, 'init'), /class="change"/g)).toBe(0);
    expect(figure(html, 'init')).toContain('(not tested: 0 of 6 runs have 2 cold starts or more)');
    expect(count(figure(html, 'recommendation'), /class="change"/g)).toBe(0);
    expect(count(html, /<a href="https:\/\/github\.com\/acme\/shop\/commit\/([1-6])\1{6}a{33}">/g)).toBe(6 * 4 + 6);
    expect(count(html, /<a href="https:\/\/lambda-power-tuning\.show\/#[^"]+">chart<\/a>/g)).toBe(6);
  });

  it('is self-contained: the restrictive CSP, no script, nothing fetched', () => {
    const html = renderDashboard(model([stepHistory]));
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    );
    expect(html).not.toMatch(/<script|src=|<link|@import|url\(/i);
  });

  it('escapes function-derived text and drops unsafe URLs', () => {
    const hostile = stored(1, 100, {}, '<script>alert(1)</script>"onload="x');
    hostile.result.visualizationUrl = 'javascript:alert(1)';
    const html = renderDashboard(model([{ key: 'orders-api', runs: [hostile] }]));
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;onload=&quot;x');
    expect(html).not.toContain('javascript:');
    expect(count(figure(html, 'duration'), /<circle class="pt/g)).toBe(1);
    // A data branch is writable by anyone who can push: its SHAs reach the change marks' titles escaped.
    const runs = stepHistory.runs.map((run) => ({ ...run, sha: `<b>${run.sha}` }));
    const marked = renderDashboard(model([{ key: 'orders-api', runs }]));
    expect(figure(marked, 'duration')).toContain('entered at &lt;b&gt;4444, against &lt;b&gt;3333</title>');
    expect(marked).not.toContain('<b>');
  });

  it('leaves a run out of a chart where it has no figure, and draws carried runs hollow', () => {
    const noCold = stored(2, 100);
    for (const entry of noCold.result.powerValues)
      entry.samples = entry.samples.map((s) => ({ ...s, coldStart: false }));
    const html = renderDashboard(
      model([{ key: 'k', runs: [stored(3, 100, { carried: true }), noCold, stored(1, 100)] }]),
    );
    expect(count(figure(html, 'init'), /<circle class="pt/g)).toBe(2);
    expect(count(figure(html, 'duration'), /<circle class="pt carried"/g)).toBe(1);
  });

  it('says there is nothing yet on an empty branch', () => {
    expect(renderDashboard(model([]))).toContain('No stored runs yet');
  });
});

describe('readsPerKey', () => {
  it('shares the read budget equally and hands on what a short history does not need', () => {
    expect(readsPerKey([20], 400)).toEqual([20]);
    expect(readsPerKey([3, 100, 100], 41)).toEqual([3, 19, 19]);
    expect(readsPerKey([0, 5, 500], 10)).toEqual([0, 5, 5]);
    expect(
      readsPerKey(
        Array.from({ length: 500 }, () => 20),
        400,
      ).reduce((a, b) => a + b, 0),
    ).toBe(400);
  });
});
