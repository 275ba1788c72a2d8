// Init Duration in the gate (issue 16): compared over the cold starts, one per execution environment, with the same
// significance rule as cost and duration; an absolute max-init-duration-ms; the live gate's sequential sampling
// asks for more environments while an Init comparison is open.

import { appVerdict } from '../../src/gate/app.js';
import { compareRuns } from '../../src/gate/compare.js';
import { nextGateRound } from '../../src/gate/sequential.js';
import { parseSettings } from '../../src/settings/index.js';
import type { RunResult, Sample } from '../../src/types.js';
import { makeRun } from '../helpers/run-fixture.js';
import { gateSettings } from '../helpers/settings.js';

const LIVE = 'live-init';
const INIT_GATE = gateSettings({
  baselineSource: 'function',
  baselineFunction: 'orders-api-staging',
  maxInitDurationIncreasePct: 20,
  warnInitDurationIncreasePct: 10,
  maxInvocations: 200,
});

/**
 * One function's samples at 1024 MB in `blocks` environments of 10 invocations: each block's first is its cold
 * start (Init Duration `init(block)`, plus the handler's 100 ms), the other 9 warm, 100 ms ± 2%.
 */
function samplesIn(blocks: number, init: (block: number) => number): Sample[] {
  const samples: Sample[] = [];
  for (let block = 0; block < blocks; block++) {
    for (let index = 0; index < 10; index++) {
      const warm = 100 * (index % 2 === 0 ? 0.98 : 1.02);
      const cold = index === 0;
      samples.push({
        durationMs: cold ? warm + init(block) : warm,
        billedDurationMs: Math.ceil(warm),
        payloadIndex: 0,
        coldStart: cold,
        ...(cold ? { initDurationMs: init(block) } : {}),
        ...(block > 0 ? { environment: block } : {}),
      });
    }
  }
  return samples;
}

const liveRun = (blocks: number, init: (block: number) => number, runId = LIVE): RunResult =>
  makeRun({
    configuredMb: 1024,
    invocationsPerValue: 10,
    powerValues: [{ memoryMb: 1024, samples: samplesIn(blocks, init) }],
    runId,
  });

/** Environments differ: ±5% from one block to the next, alike on both sides of a pair (the same time window). */
const wobble = (block: number) => 1 + 0.05 * Math.sin(block * 1.7);

const initRows = (rows: ReturnType<typeof compareRuns>['comparisons']) => rows.filter((row) => row.kind === 'init');

describe('Init Duration, live baseline (environment blocks)', () => {
  it('fails 3× the Init Duration over enough environments while warm cost and duration pass', () => {
    const pr = liveRun(8, (block) => 600 * wobble(block) * (block % 2 === 0 ? 1.02 : 0.98));
    const base = liveRun(8, (block) => 200 * wobble(block));
    const verdict = compareRuns(pr, base, INIT_GATE, 1_000_000);
    expect(verdict.level).toBe('fail');
    const [init, ...others] = initRows(verdict.comparisons);
    expect(others).toEqual([]);
    expect(init?.finding?.kind).toBe('fail-limit');
    expect(init?.metric).toBe('Init Duration at 1024 MB (configured, recommended)');
    expect(init?.reason).toMatch(
      /^Init Duration at 1024 MB \(configured, recommended\) rose 200\.\d% \(95% CI \+\d+\.\d% to \+\d+\.\d% over 8 pairs of execution environments\), significant and above the 20% fail limit\.$/,
    );
    expect(verdict.reason).toBe(init?.reason);
    for (const row of verdict.comparisons.filter((row) => row.kind === 'cost' || row.kind === 'duration'))
      expect(row.level).toBe('pass');
    expect(verdict.initDurationDeltaPct).toBeCloseTo(200, 0);
  });

  it("names Init Duration in an app's sentence when it decided a function's fail", () => {
    const result = liveRun(8, (block) => 600 * wobble(block));
    const baseline = liveRun(8, (block) => 200 * wobble(block));
    const verdict = compareRuns(result, baseline, INIT_GATE, 0);
    const app = appVerdict([
      { key: 'CatalogApi', functionName: 'catalog', status: 'measured', result, baseline, verdict },
    ]);
    expect(app.level).toBe('fail');
    expect(app.reason).toMatch(/CatalogApi \(Init Duration \+200\.0% at 1024 MB\)/);
  });

  it('with too few environments for a fail, warns and says how many a fail needs', () => {
    const verdict = compareRuns(
      liveRun(4, (block) => 600 * wobble(block)),
      liveRun(4, (block) => 200 * wobble(block)),
      INIT_GATE,
      0,
    );
    const [init] = initRows(verdict.comparisons);
    expect(init?.finding?.kind).toBe('too-few-samples');
    expect(init?.reason).toMatch(
      /only 4 cold starts \(one per execution environment\) \(min-samples is 5\), so it is not called significant\.$/,
    );
    const five = compareRuns(
      liveRun(5, (block) => 600 * wobble(block)),
      liveRun(5, (block) => 200 * wobble(block)),
      INIT_GATE,
      0,
    );
    expect(initRows(five.comparisons)[0]?.finding?.kind).toBe('too-few-environments');
    expect(five.level).toBe('warn');
    expect(five.reason).toMatch(/measured in 5 pairs of execution environments per function: a fail needs 7/);
  });

  it('passes identical code: the interval over environments contains no change', () => {
    const verdict = compareRuns(
      liveRun(8, (block) => 200 * wobble(block) * (block % 2 === 0 ? 1.06 : 0.94)),
      liveRun(8, (block) => 196 * wobble(block) * (block % 3 === 0 ? 1.05 : 0.97)),
      INIT_GATE,
      0,
    );
    expect(verdict.level).toBe('pass');
    expect(initRows(verdict.comparisons)[0]?.finding?.kind).toBe('not-significant');
    expect(verdict.reason).toMatch(/Init Duration [+-]\d+\.\d% at 1024 MB/);
  });

  it('is not compared, and the verdict unchanged, when no Init limit is set', () => {
    const pr = liveRun(8, (block) => 600 * wobble(block));
    const base = liveRun(8, (block) => 200 * wobble(block));
    const gate = gateSettings({ baselineSource: 'function', baselineFunction: 'orders-api-staging' });
    const verdict = compareRuns(pr, base, gate, 0);
    expect(initRows(verdict.comparisons)).toEqual([]);
    expect(verdict.level).toBe('pass');
    expect(verdict).not.toHaveProperty('initDurationDeltaPct');
  });

  it('a change under min-duration-change-ms is within noise', () => {
    const verdict = compareRuns(
      liveRun(8, () => 2.5),
      liveRun(8, () => 2),
      { ...INIT_GATE, minDurationChangeMs: 1 },
      0,
    );
    const [init] = initRows(verdict.comparisons);
    expect(init?.finding?.kind).toBe('below-floor');
    expect(init?.reason).toMatch(
      /within noise, a change of 0\.500 ms is below the 1\.00 ms floor \(min-duration-change-ms\)/,
    );
  });
});

describe('Init Duration, stored baseline', () => {
  it('one cold start per side cannot be significant, and says why', () => {
    const verdict = compareRuns(
      liveRun(1, () => 600, 'pr-run'),
      liveRun(1, () => 200, 'base-run'),
      { ...INIT_GATE, baselineSource: 'file' },
      0,
    );
    const [init] = initRows(verdict.comparisons);
    expect(init?.deltaPct).toBeCloseTo(200, 6);
    expect(init?.finding?.kind).toBe('too-few-samples');
    expect(verdict.level).toBe('pass');
  });

  it('only-cold-starts runs (every invocation its own environment) compare their Init Durations as duration does', () => {
    const coldRun = (init: number, runId: string): RunResult => {
      const samples: Sample[] = Array.from({ length: 10 }, (_, index) => ({
        durationMs: 100 + init * (index % 2 === 0 ? 0.97 : 1.03),
        billedDurationMs: 100,
        payloadIndex: 0,
        coldStart: true,
        initDurationMs: init * (index % 2 === 0 ? 0.97 : 1.03),
      }));
      const run = makeRun({ configuredMb: 1024, powerValues: [{ memoryMb: 1024, samples }], runId });
      return { ...run, settings: { ...run.settings, onlyColdStarts: true } };
    };
    // A data branch of 3 such runs: the drift estimate a stored baseline's fail needs (no drift between them).
    const base = coldRun(200, 'base-run');
    const verdict = compareRuns(coldRun(600, 'pr-run'), base, INIT_GATE, 0, { history: [base, base, base] });
    const [init] = initRows(verdict.comparisons);
    expect(init?.finding?.kind).toBe('fail-limit');
    expect(init?.reason).toMatch(/rose 200\.0% \(95% CI .*\), significant and above the 20% fail limit\.$/);
  });
});

describe('max-init-duration-ms', () => {
  const gate = gateSettings({ baselineSource: 'none', maxInitDurationMs: 400 });

  it('fails when the mean Init Duration of the cold starts is above it, needing no baseline', () => {
    const verdict = compareRuns(
      liveRun(1, () => 600),
      null,
      gate,
      0,
    );
    expect(verdict.level).toBe('fail');
    expect(verdict.reason).toBe('The mean Init Duration at 1024 MB (configured) is 600 ms, above the 400 ms limit.');
    expect(
      compareRuns(
        liveRun(1, () => 300),
        null,
        gate,
        0,
      ).reason,
    ).toBe('No baseline to compare with, so only the absolute limits apply, and they are met.');
  });

  it('warns when no cold start was measured (nothing to check)', () => {
    const run = makeRun({ configuredMb: 1024, powerValues: [{ memoryMb: 1024, durationsMs: [100, 100, 100] }] });
    const verdict = compareRuns(run, null, gate, 0);
    expect(verdict.level).toBe('warn');
    expect(verdict.reason).toBe(
      'The mean Init Duration limit of 400 ms cannot be checked at 1024 MB (configured): no successful cold start.',
    );
  });
});

describe('sequential sampling with an Init limit', () => {
  it('asks for more environments while the Init comparison is open, even when cost and duration are settled', () => {
    // Warm figures identical over 3 environments (settled); Init +15% in a wide interval around the 20% limit.
    const pr = liveRun(3, (block) => 230 * (block % 2 === 0 ? 1.2 : 0.85));
    const base = liveRun(3, () => 200);
    const round = nextGateRound(pr, base, INIT_GATE);
    expect(round.pairings).toEqual([{ memoryBySubject: [1024, 1024], environments: 3 }]);
    expect(round.reason).toMatch(/^1024 MB: Init Duration \((under min-samples|CI .* contains the 20% limit)\)/);
    expect(round.reason).not.toMatch(/cost|duration \(/);
    // Without an Init limit the same runs are settled.
    const gate = { ...INIT_GATE, maxInitDurationIncreasePct: undefined, warnInitDurationIncreasePct: undefined };
    expect(nextGateRound(pr, base, gate).settled).toBe(true);
  });

  it('settles once the Init interval over environments is wholly above the limit and significant', () => {
    const pr = liveRun(12, (block) => 600 * wobble(block));
    const base = liveRun(12, (block) => 200 * wobble(block) * (block % 2 === 0 ? 1.01 : 0.99));
    // (Without stopWhenDecided off, the decisive Init fail itself ends the sampling: sequential.test.ts.)
    expect(nextGateRound(pr, base, INIT_GATE, { stopWhenDecided: false })).toEqual({
      pairings: [],
      settled: true,
      reason: 'every comparison with the baseline is settled',
    });
  });
});

describe('inputs', () => {
  const parse = (inputs: Record<string, string>) =>
    parseSettings((name) => ({ 'function-name': 'orders', region: 'us-east-1', ...inputs })[name] ?? '', {
      env: {},
      cwd: '/repo',
      readFile: () => '',
    }).settings;

  it('are off by default; warn defaults to half of max', () => {
    const gate = parse({}).gate;
    expect(gate.maxInitDurationIncreasePct).toBeUndefined();
    expect(gate.warnInitDurationIncreasePct).toBeUndefined();
    expect(gate.maxInitDurationMs).toBeUndefined();
    const set = parse({ 'max-init-duration-increase': '20%', 'max-init-duration-ms': '800 ms' }).gate;
    expect(set).toMatchObject({
      maxInitDurationIncreasePct: 20,
      warnInitDurationIncreasePct: 10,
      maxInitDurationMs: 800,
    });
  });

  it('says up front when Init Duration can never be significant (too few cold starts)', () => {
    const warningsOf = (inputs: Record<string, string>) =>
      parseSettings((name) => ({ 'function-name': 'orders', region: 'us-east-1', ...inputs })[name] ?? '', {
        env: {},
        cwd: '/repo',
        readFile: () => '{}',
      }).warnings;
    expect(warningsOf({ 'max-init-duration-increase': '20', 'baseline-branch': 'lpg-data' })).toContainEqual(
      expect.stringMatching(
        /^Input 'max-init-duration-increase': a stored baseline holds one cold start per memory size, under min-samples \(5\) cold starts, so no Init Duration change can be called significant; use baseline-function with gate-max-invocations of at least 50, or only-cold-starts$/,
      ),
    );
    const live = { 'max-init-duration-increase': '20', 'baseline-function': 'orders-staging' };
    expect(warningsOf(live).filter((warning) => warning.includes('Init Duration'))).toEqual([]);
    expect(warningsOf({ ...live, 'gate-max-invocations': '0' })).toContainEqual(
      expect.stringContaining('gate-max-invocations 0 (off) gives each function at most 1 execution environment'),
    );
    expect(
      warningsOf({
        'max-init-duration-increase': '20',
        'baseline-branch': 'lpg-data',
        'only-cold-starts': 'true',
        'discard-top-bottom': '0',
      }),
    ).not.toContainEqual(expect.stringContaining('Init Duration'));
  });

  it.each([
    [{ 'max-init-duration-increase': 'lots' }, "Input 'max-init-duration-increase'"],
    [
      { 'max-init-duration-increase': '20', 'warn-init-duration-increase': '30' },
      "Input 'warn-init-duration-increase': 30% is above max-init-duration-increase (20%)",
    ],
    [{ 'max-init-duration-ms': '0' }, "Input 'max-init-duration-ms'"],
  ])('refuses %j in one line', (inputs, message) => {
    expect(() => parse(inputs)).toThrow(message);
  });
});
