// The report model (src/report/model.ts): what both renderers show, decided once. The headline, Δ and link
// functions are exercised in markdown.test.ts through the goldens; these are the pieces html.ts and markdown.ts
// used to compute each on their own.

import {
  coldStartTexts,
  firstErrors,
  hasBaselineColumns,
  monthlyChangeUsd,
  savingPct,
  shortSha,
} from '../../src/report/model.js';
import type { Sample } from '../../src/types.js';
import { baselineRun, failedEntry, okEntry, runResult, stats } from '../helpers/fixtures.js';

describe('monthlyChangeUsd', () => {
  test('the recommendation against the configured memory at the monthly volume; negative saves', () => {
    const run = runResult({ 512: 74, 1024: 40 });
    const rec = run.recommendation?.costPerInvocationUsd ?? NaN;
    const current = run.current.costPerInvocationUsd ?? NaN;
    expect(monthlyChangeUsd(run)).toBeCloseTo((rec - current) * 10_000_000, 9);
    expect(Math.sign(monthlyChangeUsd(run) ?? 0)).toBe(Math.sign(-(savingPct(run) ?? 0)));
  });

  test('null without a volume, a recommendation or a current cost', () => {
    const run = baselineRun();
    expect(monthlyChangeUsd({ ...run, settings: { ...run.settings, monthlyInvocations: undefined } })).toBeNull();
    expect(monthlyChangeUsd({ ...run, recommendation: null })).toBeNull();
    expect(monthlyChangeUsd({ ...run, current: { ...run.current, costPerInvocationUsd: null } })).toBeNull();
  });
});

describe('details', () => {
  test('cold starts and SnapStart restores, in words', () => {
    const entry = okEntry(512, 74, { restore: { ...stats(312.4, 2), mean: 312.4 } });
    expect(coldStartTexts(entry)).toEqual(['1 × 180 ms', '2 × 312 ms restore']);
    expect(coldStartTexts(okEntry(512, 74, { coldStart: null }))).toEqual([]);
  });

  test('the first error message per memory size, only where one was kept', () => {
    const sample: Sample = {
      durationMs: 1,
      billedDurationMs: 1,
      payloadIndex: 0,
      coldStart: false,
      errorType: 'Runtime.OutOfMemory',
      errorMessage: 'out of memory',
    };
    const run = runResult({ 1024: 40 });
    run.powerValues.push(
      failedEntry(128, 'Runtime.OutOfMemory', 'every invocation failed', [sample]),
      failedEntry(256, 'Timeout', 'timed out'),
    );
    expect(firstErrors(run)).toEqual([
      { memoryMb: 128, errorType: 'Runtime.OutOfMemory', errorMessage: 'out of memory' },
    ]);
  });

  test('a short SHA only from a SHA (a results file is untrusted)', () => {
    expect([shortSha('0123456789abcdef'), shortSha('main'), shortSha('<b>x</b>'), shortSha(undefined)]).toEqual([
      '0123456',
      null,
      null,
      null,
    ]);
  });

  test('Δ columns with a baseline run or a compared memory size', () => {
    const result = baselineRun();
    expect(hasBaselineColumns({ result })).toBe(false);
    expect(hasBaselineColumns({ result, baseline: baselineRun() })).toBe(true);
  });
});
