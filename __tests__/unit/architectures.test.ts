// x86_64 against arm64 (issue 17): the pure comparison and pair (gate/architectures.ts), the gate's note when a PR
// changes the architecture, the settings, and the report. Runs are hand-made with round prices: at 1024 MB a
// billed millisecond costs 1e-8 USD on x86_64 and 0.8e-8 on arm64 (the real 0.8 ratio), no request price.

import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeRun, repeat, ROUND_PRICES } from '../../emulator/fixtures/runs.js';
import { gateSettings } from '../helpers/settings.js';
import { compareArchitectures } from '../../src/gate/architectures.js';
import { compareRuns } from '../../src/gate/compare.js';
import { renderHtmlReport } from '../../src/report/html.js';
import { renderReport } from '../../src/report/markdown.js';
import { InputError, parseSettings } from '../../src/settings/index.js';
import { decodeVisualizationHash } from '../../src/results/visualization.js';
import type { Prices, RunResult } from '../../src/types.js';

const ARM_PRICES: Prices = { ...ROUND_PRICES, architecture: 'arm64', pricePerGbSecondUsd: 0.000008 };

/** Ten warm samples around `ms` (±2%), so intervals are narrow but not exact. */
const around = (ms: number): number[] => [0.98, 1.02, 0.99, 1.01, 1, 0.985, 1.015, 0.995, 1.005, 1].map((f) => f * ms);

function pairOfRuns(
  x86Ms: { 512: number; 1024: number },
  armMs: { 512: number; 1024: number },
  own: 'x86_64' | 'arm64' = 'x86_64',
): { own: RunResult; other: RunResult } {
  const run = (ms: { 512: number; 1024: number }, prices: Prices, name: string) =>
    makeRun({
      functionName: name,
      configuredMb: 1024,
      prices,
      runId: 'run-1',
      powerValues: [
        { memoryMb: 512, durationsMs: around(ms[512]) },
        { memoryMb: 1024, durationsMs: around(ms[1024]) },
      ],
    });
  const x86 = run(x86Ms, ROUND_PRICES, own === 'x86_64' ? 'orders' : 'orders-x86');
  const arm = run(armMs, ARM_PRICES, own === 'arm64' ? 'orders' : 'orders-arm64');
  return own === 'x86_64' ? { own: x86, other: arm } : { own: arm, other: x86 };
}

const compare = (own: RunResult, other: RunResult) =>
  compareArchitectures(own, other, { confidence: 0.95, source: 'compare-function' });

describe('compareArchitectures', () => {
  it('recommends arm64 when it is significantly cheaper, with the saving against the configured pair', () => {
    // arm64 10% slower at 0.8× the price: 0.88× the cost. x86_64 at 1024 MB (configured) costs 100 × 1e-8.
    const { own, other } = pairOfRuns({ 512: 200, 1024: 100 }, { 512: 220, 1024: 110 });
    const comparison = compare(own, other);
    expect(comparison.configured).toEqual({ architecture: 'x86_64', memoryMb: 1024 });
    expect(comparison.functions.map((fn) => [fn.architecture, fn.name])).toEqual([
      ['x86_64', 'orders'],
      ['arm64', 'orders-arm64'],
    ]);
    const at1024 = comparison.memorySizes[1];
    expect(at1024?.x86_64?.durationMs).toBeCloseTo(100, 6);
    expect(at1024?.arm64?.durationMs).toBeCloseTo(110, 6);
    expect(at1024?.cost?.ratio).toBeCloseTo(0.88, 2);
    expect(at1024?.cost?.significant).toBe(true);
    expect(at1024?.duration?.ratio).toBeCloseTo(1.1, 2);
    const pair = comparison.recommendation;
    // Both cost the same at 512 and 1024 MB per architecture (half the memory, twice the time): the tie goes to
    // the smaller memory size, as analyze.ts breaks ties.
    expect(pair).toEqual(
      expect.objectContaining({ architecture: 'arm64', memoryMb: 512, changesArchitecture: true, significant: true }),
    );
    // 220 ms × 0.5 GB × 0.000008 = 8.8e-7 against 100 ms × 1 GB × 0.00001 = 1e-6: 12% cheaper.
    expect(pair?.savingPct).toBeCloseTo(12, 1);
    expect(pair?.reason).toContain("arm64's cost 0.88×");
    expect(pair?.reason).toContain('arm64 is better by the cost strategy');
  });

  it('keeps x86_64 when arm64 is slower than its lower price makes up for (numeric code: 0.6× the speed)', () => {
    const { own, other } = pairOfRuns({ 512: 200, 1024: 100 }, { 512: 333, 1024: 167 });
    const pair = compare(own, other).recommendation;
    expect(pair).toEqual(expect.objectContaining({ architecture: 'x86_64', changesArchitecture: false }));
    expect(pair?.reason).toContain('x86_64 is as good or better by the cost strategy');
  });

  it('picks by the figures, and says when the difference is within noise', () => {
    const noisy = (ms: number) => [0.6, 1.4, 0.7, 1.3, 1, 0.8, 1.2, 0.9, 1.1, 1].map((f) => f * ms);
    const run = (ms: number, prices: Prices, name: string) =>
      makeRun({
        functionName: name,
        configuredMb: 1024,
        prices,
        powerValues: [{ memoryMb: 1024, durationsMs: noisy(ms) }],
      });
    // arm64 1.2× as slow at 0.8× the price: 0.96× the cost, with ±40% noise.
    const pair = compare(run(100, ROUND_PRICES, 'orders'), run(120, ARM_PRICES, 'orders-arm64')).recommendation;
    expect(pair).toEqual(expect.objectContaining({ architecture: 'arm64', significant: false }));
    expect(pair?.reason).toContain("arm64 is better by the cost strategy's figures, but within noise");
  });

  it('compares durations with the speed strategy', () => {
    const { own, other } = pairOfRuns({ 512: 200, 1024: 100 }, { 512: 180, 1024: 90 });
    own.settings.strategy = 'speed';
    own.recommendation = { ...(own.recommendation as NonNullable<RunResult['recommendation']>), memoryMb: 1024 };
    other.recommendation = { ...(other.recommendation as NonNullable<RunResult['recommendation']>), memoryMb: 1024 };
    own.recommendation.durationMs = 100;
    other.recommendation.durationMs = 90;
    const pair = compare(own, other).recommendation;
    expect(pair).toEqual(expect.objectContaining({ architecture: 'arm64', memoryMb: 1024 }));
    expect(pair?.reason).toContain("arm64's duration 0.90×");
  });

  it('always states arm64 over x86_64, whichever architecture the function has', () => {
    const { own, other } = pairOfRuns({ 512: 200, 1024: 100 }, { 512: 220, 1024: 110 }, 'arm64');
    const comparison = compare(own, other);
    expect(comparison.configured.architecture).toBe('arm64');
    expect(comparison.memorySizes[1]?.cost?.ratio).toBeCloseTo(0.88, 2);
    expect(comparison.recommendation?.changesArchitecture).toBe(false);
  });

  it('has no pair when neither architecture has a recommendation', () => {
    const { own, other } = pairOfRuns({ 512: 200, 1024: 100 }, { 512: 220, 1024: 110 });
    own.recommendation = null;
    other.recommendation = null;
    expect(compare(own, other).recommendation).toBeNull();
  });
});

describe('the gate compares like with like when a PR changes the architecture', () => {
  it('notes the change; each side keeps its own price', () => {
    const base = makeRun({ configuredMb: 1024, powerValues: [{ memoryMb: 1024, durationsMs: repeat(100, 10) }] });
    const pr = makeRun({
      configuredMb: 1024,
      prices: ARM_PRICES,
      powerValues: [{ memoryMb: 1024, durationsMs: repeat(100, 10) }],
    });
    const verdict = compareRuns(pr, base, gateSettings({ baselineSource: 'file' }), 1_000_000);
    expect(verdict.architectureChange).toEqual({ from: 'x86_64', to: 'arm64' });
    // Same duration, arm64's price: 20% cheaper.
    expect(verdict.costDeltaPct).toBeCloseTo(-20, 6);
    const markdown = renderReport({ result: pr, verdict, baseline: base });
    expect(markdown).toContain('> [!NOTE]\n> The architecture changed from x86_64 to arm64');
    expect(renderHtmlReport({ result: pr, verdict, baseline: base })).toContain('The architecture changed from x86_64');
    const same = compareRuns(base, base, gateSettings({ baselineSource: 'file' }), 1_000_000);
    expect(same.architectureChange).toBeUndefined();
  });
});

describe('settings: architectures and compare-function', () => {
  const parse = (inputs: Record<string, string>) =>
    parseSettings((name) => ({ 'function-name': 'orders', ...inputs })[name] ?? '', {
      env: { AWS_REGION: 'us-east-1' },
      cwd: '/repo',
      readFile: () => {
        throw new Error('no files');
      },
    });
  const error = (inputs: Record<string, string>): string => {
    try {
      parse(inputs);
    } catch (caught) {
      if (caught instanceof InputError) return caught.message;
      throw caught;
    }
    throw new Error('expected an InputError');
  };

  it('compare-function implies both architectures', () => {
    const { tuning } = parse({ 'compare-function': 'orders-arm64' }).settings;
    expect(tuning.architectures).toEqual(['x86_64', 'arm64']);
    expect(tuning.compareFunction).toBe('orders-arm64');
    expect(parse({}).settings.tuning.architectures).toBeUndefined();
    // Both without compare-function: the run makes a copy on the other architecture.
    expect(parse({ architectures: 'x86_64,arm64' }).settings.tuning).toMatchObject({
      architectures: ['x86_64', 'arm64'],
    });
    expect(parse({ architectures: 'x86_64,arm64' }).settings.tuning.compareFunction).toBeUndefined();
    expect(parse({ architectures: 'ARM64' }).settings.tuning.architectures).toEqual(['arm64']);
  });

  it('refuses bad combinations in one line naming the input and the fix', () => {
    expect(error({ architectures: 'arm' })).toContain('Input \'architectures\': "arm" is not an architecture');
    expect(error({ architectures: 'arm64, arm64' })).toContain('lists arm64 twice');
    expect(error({ architectures: 'arm64', 'compare-function': 'orders-arm64' })).toContain(
      'architectures lists only arm64',
    );
    expect(error({ 'compare-function': 'orders-arm64:live' })).toContain('has a qualifier (:live)');
    expect(error({ 'compare-function': 'orders' })).toContain('is function-name itself');
  });
});

describe('the report', () => {
  const PARSER = join(dirname(fileURLToPath(import.meta.url)), '..', 'helpers', 'mermaid-parse.mjs');
  const { own, other } = pairOfRuns({ 512: 200, 1024: 100 }, { 512: 220, 1024: 110 });
  own.architectureComparison = compare(own, other);

  it('puts the pair in the headline, both architectures in one table and the charts, and the compare link', () => {
    const markdown = renderReport({ result: own });
    expect(markdown).toContain(
      '### ⚡ `orders`: arm64 at 512 MB recommended, 12.0% cheaper than the configured x86_64 at 1024 MB',
    );
    expect(markdown).toContain(
      '| Memory | x86_64 mean | arm64 mean | Δ mean arm64 | x86_64 cost / 1M | arm64 cost / 1M | Δ cost arm64 |',
    );
    // 1024 MB: x86_64 configured (📌), arm64 at 512 MB the pair (⭐).
    expect(markdown).toMatch(/\| 1024\u00a0MB \| \*\*100\u00a0ms\*\*\u00a0📌 \|/);
    expect(markdown).toMatch(/\| 512\u00a0MB \| [^|]+ \| \*\*220\u00a0ms\*\*\u00a0⭐ \|/);
    const link = /\[⚖️ x86_64 against arm64 in Lambda Power Tuning\]\((https:[^)]+)\)/.exec(markdown)?.[1] ?? '';
    const decoded = decodeVisualizationHash(link);
    expect(decoded).toMatchObject({ kind: 'compare', legendA: 'x86_64', legendB: 'arm64' });
    const blocks = Array.from(markdown.matchAll(/^```mermaid\n([\s\S]*?)\n```$/gm), (match) => match[1] ?? '');
    const architectureCharts = blocks.filter((block) => block.includes('(bars: x86_64, line: arm64)'));
    expect(architectureCharts).toHaveLength(2);
    const parsed = JSON.parse(
      execFileSync(process.execPath, [PARSER], { input: JSON.stringify(architectureCharts), encoding: 'utf8' }),
    ) as { ok: boolean }[];
    expect(parsed.every((entry) => entry.ok)).toBe(true);
    expect(markdown).toContain('auto-optimize sets memory only');
  });

  it('draws the same in the HTML report', () => {
    const html = renderHtmlReport({ result: own });
    expect(html).toContain('<h2>x86_64 against arm64</h2>');
    expect(html).toContain('arm64 at 512 MB recommended');
    expect(html).toContain('aria-label="Cost per 1M invocations by architecture"');
  });
});
