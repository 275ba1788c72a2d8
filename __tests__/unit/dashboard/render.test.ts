// The dashboard page, rendered from hand-made histories: points per chart, change points, links, escaping, CSP.

import { changePoints } from '../../../src/report/dashboard/change-points.js';
import { dashboardModel, readsPerKey, type KeyHistory, type StoredRun } from '../../../src/report/dashboard/model.js';
import { renderDashboard } from '../../../src/report/dashboard/render.js';
import { visualizationUrl } from '../../../src/results/visualization.js';
import { makeRun } from '../../helpers/run-fixture.js';

const sha = (n: number) => `${n}`.repeat(7) + 'a'.repeat(33);

/** Ten durations around `level` (a fixed ±3% pattern), the first a cold start with Init Duration `level`. */
const around = (level: number) => [0.97, 1.01, 0.99, 1.03, 1.0, 0.98, 1.02, 1.0, 0.99, 1.01].map((f) => f * level);

function stored(n: number, level: number, extra: Partial<StoredRun> = {}, name = 'orders-api'): StoredRun {
  const result = makeRun({
    configuredMb: 1024,
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
  });

const count = (html: string, pattern: RegExp) => (html.match(pattern) ?? []).length;
const figure = (html: string, metric: string) => {
  const start = html.indexOf(`<figure data-metric="${metric}"`);
  return html.slice(start, html.indexOf('</figure>', start));
};

describe('changePoints', () => {
  it('names the run where a step entered, and none in a flat history', () => {
    const series = (levels: number[]) => levels.map((level) => ({ values: around(level), trim: 0, carried: false }));
    expect(changePoints(series([100, 100, 100, 140, 140, 140]), 0.95).map((c) => c.index)).toEqual([3]);
    expect(changePoints(series([100, 101, 99, 100, 100, 101]), 0.95)).toEqual([]);
  });

  it('compares nothing with fewer than 3 measured runs, and skips carried copies', () => {
    const run = (level: number, carried = false) => ({ values: around(level), trim: 0, carried });
    expect(changePoints([run(100), run(140)], 0.95)).toEqual([]);
    // The carried copy sits between the two levels; the step is found against the measured run before it.
    const found = changePoints([run(100), run(100), run(100), run(100, true), run(140), run(140)], 0.95);
    expect(found.map((c) => [c.index, c.previousIndex])).toEqual([[4, 2]]);
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
    expect(figure(html, 'duration')).toContain('<g class="change" data-index="3">');
    expect(figure(html, 'cost')).toContain('<g class="change" data-index="3">');
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
