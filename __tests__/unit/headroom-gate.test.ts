// The memory headroom checks (gate/headroom.ts): peak Max Memory Used against max-memory-used-percent and
// warn-memory-used-percent at the configured memory and at the recommendation, with the baseline's peak beside it.

import { compareRuns } from '../../src/gate/compare.js';
import type { RunResult } from '../../src/types.js';
import { makeRun, repeat } from '../helpers/run-fixture.js';
import { gateSettings } from '../helpers/settings.js';

const GATE = gateSettings({ maxMemoryUsedPct: 90, warnMemoryUsedPct: 80 });

/** A run configured at 256 MB with 256 and 512 MB measured, and each size's peak Max Memory Used. */
function run(usedMb: Record<number, number>, recommendedMb: number | null = 512, sha = 'a'.repeat(40)): RunResult {
  const result = makeRun({
    configuredMb: 256,
    powerValues: [
      { memoryMb: 256, durationsMs: repeat(100, 5) },
      { memoryMb: 512, durationsMs: repeat(60, 5) },
    ],
    recommendedMb,
    sha,
  });
  for (const entry of result.powerValues) entry.maxMemoryUsedMb = usedMb[entry.memoryMb] ?? null;
  return result;
}

const memoryRows = (pr: RunResult, base: RunResult | null, gate = GATE) =>
  compareRuns(pr, base, gate, 1_000_000).comparisons.filter((row) => row.kind === 'memory');

describe('memory headroom checks', () => {
  it('fails at the configured memory over the fail level, and passes the recommendation within the warn level', () => {
    const verdict = compareRuns(run({ 256: 243, 512: 245 }), null, GATE, 1_000_000);
    const rows = verdict.comparisons.filter((row) => row.kind === 'memory');
    expect(rows.map((row) => [row.metric, row.level, row.prValue])).toEqual([
      ['max memory used at 256 MB (configured)', 'fail', 243],
      ['max memory used at 512 MB (recommended)', 'pass', 245],
    ]);
    expect(rows[0]?.reason).toBe(
      'Max Memory Used at 256 MB (configured): 243 of 256 MB used (94%), above the 90% max-memory-used-percent limit: a larger input would run it out of memory.',
    );
    expect(rows[1]?.reason).toBe(
      'Max Memory Used at 512 MB (recommended): 245 of 512 MB used (47%), within the 80% warn-memory-used-percent level.',
    );
    expect(verdict.level).toBe('fail');
    expect(verdict.reason).toMatch(/^Max Memory Used at 256 MB \(configured\): 243 of 256 MB used \(94%\), above/);
  });

  it('warns between the levels, and says the change against the baseline at the same memory', () => {
    const rows = memoryRows(run({ 256: 220, 512: 230 }, 256), run({ 256: 180, 512: 190 }, 256, 'b'.repeat(40)));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toEqual(
      expect.objectContaining({
        metric: 'max memory used at 256 MB (configured, recommended)',
        level: 'warn',
        baseValue: 180,
        prValue: 220,
        significant: false,
      }),
    );
    expect(rows[0]?.deltaPct).toBeCloseTo((220 / 180 - 1) * 100, 9);
    expect(rows[0]?.reason).toBe(
      'Max Memory Used at 256 MB (configured, recommended): 220 of 256 MB used (85%), above the 80% warn-memory-used-percent level; the baseline peaked at 180 MB (+22.2%).',
    );
  });

  it('counts an out-of-memory size as fully used', () => {
    const rows = memoryRows(run({ 256: 256, 512: 300 }), null);
    expect(rows[0]?.level).toBe('fail');
    expect(rows[0]?.reason).toContain('256 of 256 MB used (100%)');
  });

  it('checks nothing when both levels are off, or when no sample reported Max Memory Used', () => {
    expect(memoryRows(run({ 256: 250 }), null, gateSettings({}))).toEqual([]);
    expect(memoryRows(run({}), null)).toEqual([]);
  });

  it('makes a first run with headroom checks an absolute-limit pass', () => {
    const verdict = compareRuns(run({ 256: 100, 512: 100 }), null, GATE, 1_000_000);
    expect(verdict.level).toBe('pass');
    expect(verdict.reason).toBe('No baseline to compare with, so only the absolute limits apply, and they are met.');
  });
});

describe('the report shows memory headroom', () => {
  it('puts the peak, its share and its change in the table, marks the failed check, and says why a size was skipped', async () => {
    const { renderReport } = await import('../../src/report/markdown.js');
    const { renderHtmlReport } = await import('../../src/report/html.js');
    const pr = run({ 256: 243, 512: 245 });
    pr.recommendation = {
      ...pr.recommendation!,
      reason: 'cheapest of 1 memory sizes; 256 MB skipped: 243 of 256 MB used (94%), over the 90% limit',
    };
    const base = run({ 256: 180, 512: 190 }, 512, 'b'.repeat(40));
    const verdict = compareRuns(pr, base, GATE, 1_000_000);
    const markdown = renderReport({ result: pr, baseline: base, verdict });
    expect(markdown).toContain('| Max used | Δ max used |');
    expect(markdown).toMatch(/\| ❌\u00a0243\u00a0MB\u00a0\(94%\) \| \+35\.0% \|/);
    expect(markdown).toMatch(/\| 245\u00a0MB\u00a0\(47%\) \| \+28\.9% \|/);
    expect(markdown).toContain('256 MB skipped\\: 243 of 256 MB used \\(94%\\), over the 90% limit');
    expect(markdown).toContain('max memory used at 256 MB \\(configured\\)');
    const html = renderHtmlReport({ result: pr, baseline: base, verdict });
    expect(html).toContain('<td class="lvl-fail">❌ 243 MB (94%)</td><td title="not tested by the gate">+35.0%</td>');
  });

  it('says why nothing is recommended when every size is over the limit', async () => {
    const { renderReport } = await import('../../src/report/markdown.js');
    const pr = run({ 256: 256, 512: 500 }, null);
    pr.settings.maxMemoryUsedPct = 90;
    expect(renderReport({ result: pr })).toContain(
      '**No recommendation:** All 2 memory sizes that ran used more than the 90% max-memory-used-percent limit, so none is recommended \\(add larger power-values\\)\\: 256 MB\\: 256 of 256 MB used \\(100%\\); 512 MB\\: 500 of 512 MB used \\(97%\\).',
    );
  });
});
