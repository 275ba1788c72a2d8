// Cold starts in the cost: Lambda's billing rules for a cold invocation by packaging, runtime and SnapStart; the
// extra a cold start bills per memory size (measured, estimated or unknown); the expected cost; the cost strategy,
// the gate's monthly projection and the report using it. Prices are $0.00001/GB-s without request price, so at
// 1024 MB a billed millisecond costs exactly 1e-8 USD.

import { compareRuns } from '../../src/gate/compare.js';
import { renderHtmlReport } from '../../src/report/html.js';
import { renderReport } from '../../src/report/markdown.js';
import { monthlyChangeUsd, savingPct } from '../../src/report/model.js';
import { parseColdStartRate } from '../../src/settings/tuning.js';
import { recommend } from '../../src/tuning/analyze.js';
import {
  coldStartBilling,
  DEFAULT_COLD_START_RATE,
  expectedCostPerInvocationUsd,
  resolvedColdStartRate,
  withColdStartCosts,
} from '../../src/tuning/cold-cost.js';
import { identityFromConfiguration } from '../../src/tuning/function-config.js';
import { buildResult, summarisePowerValue } from '../../src/tuning/summary.js';
import { tuningSettings } from '../helpers/settings.js';
import type { PowerValueResult, RunResult, Sample } from '../../src/types.js';
import { ROUND_PRICES, makeRun, repeat } from '../helpers/run-fixture.js';
import { gateSettings } from '../helpers/settings.js';

const AFTER = new Date('2026-12-01T00:00:00Z');
const BEFORE = new Date('2025-07-31T23:59:59Z');
const RULE = { allowedExceptions: [], onlyColdStarts: false, discardTopBottom: 0 };

const warm = (billedMs: number): Sample => ({
  durationMs: billedMs,
  billedDurationMs: billedMs,
  payloadIndex: 0,
  coldStart: false,
});
const cold = (billedMs: number, initMs: number): Sample => ({
  durationMs: billedMs,
  billedDurationMs: billedMs,
  initDurationMs: initMs,
  payloadIndex: 0,
  coldStart: true,
});

/** One memory size: optionally a cold start billing coldBilledMs, then warm invocations billing warmMs each. */
function entry(memoryMb: number, warmMs: number, coldBilledMs?: number): PowerValueResult {
  const samples = [
    ...(coldBilledMs === undefined ? [] : [cold(coldBilledMs, coldBilledMs - warmMs)]),
    ...repeat(warmMs, 4).map(warm),
  ];
  return summarisePowerValue(memoryMb, samples, RULE, ROUND_PRICES);
}

describe('coldStartBilling: what Lambda bills for a cold invocation', () => {
  it('zip on a managed runtime: INIT billed since 1 August 2025, not before', () => {
    expect(coldStartBilling({ runtime: 'nodejs22.x', packageType: 'Zip' }, AFTER)).toEqual({
      billed: 'init',
      rule: 'zip package on a managed runtime: the INIT phase is billed since 1 August 2025',
    });
    expect(coldStartBilling({ runtime: 'python3.13' }, BEFORE).billed).toBe('none');
  });

  it('container images and custom runtimes: INIT billed before that date too', () => {
    expect(coldStartBilling({ packageType: 'Image' }, BEFORE).billed).toBe('init');
    expect(coldStartBilling({ runtime: 'provided.al2023', packageType: 'Zip' }, BEFORE)).toEqual({
      billed: 'init',
      rule: 'custom runtime (provided.*): the INIT phase is billed (it was before 1 August 2025 too)',
    });
  });

  it('SnapStart: the restore is billed (Billed Restore Duration), INIT ran at publish', () => {
    expect(coldStartBilling({ runtime: 'java21', packageType: 'Zip', snapStart: true }, AFTER).billed).toBe('restore');
    expect(coldStartBilling({ runtime: 'python3.12', snapStart: true }, BEFORE).billed).toBe('restore');
  });
});

describe('the cold-start rate', () => {
  it('is a percent of invocations, like every percent input, or auto', () => {
    expect(parseColdStartRate('1%')).toBe(0.01);
    expect(parseColdStartRate('10')).toBe(0.1);
    expect(parseColdStartRate('0.5 %')).toBe(0.005);
    expect(parseColdStartRate('AUTO')).toBe('auto');
  });

  it('refuses other values in one line naming the input and the fix', () => {
    expect(() => parseColdStartRate('150%')).toThrow(
      'Input \'cold-start-rate\': "150%" is above 100%; use a percent of invocations from 0 to 100, such as 1 or 1% (the default), or auto',
    );
    expect(() => parseColdStartRate('often')).toThrow(/^Input 'cold-start-rate': "often" is not a number; /);
  });

  it("defaults to AWS's under 1%; 'auto' unresolved reads as the default", () => {
    expect(DEFAULT_COLD_START_RATE).toBe(0.01);
    expect(resolvedColdStartRate('auto')).toBe(0.01);
    expect(resolvedColdStartRate(undefined)).toBe(0.01);
    expect(resolvedColdStartRate(0.1)).toBe(0.1);
  });
});

describe('withColdStartCosts', () => {
  it('measured: mean cold Billed Duration minus warm, priced at the memory size; expected = warm + rate × extra', () => {
    // 1024 MB: warm 100 ms (1e-6 USD), a cold start billing 400 ms (INIT 300 ms): 300 ms extra = 3e-6 USD.
    const [at1pct] = withColdStartCosts([entry(1024, 100, 400)], 0.01, ROUND_PRICES, RULE);
    expect(at1pct?.coldStartCost).toEqual({
      source: 'measured',
      extraBilledMs: 300,
      extraCostUsd: 3e-6,
      coldStarts: 1,
    });
    expect(at1pct?.costPerInvocationUsd).toBeCloseTo(1e-6, 15);
    expect(at1pct?.expectedCostPerInvocationUsd).toBeCloseTo(1.03e-6, 15);
    const [at10pct] = withColdStartCosts([entry(1024, 100, 400)], 0.1, ROUND_PRICES, RULE);
    expect(at10pct?.expectedCostPerInvocationUsd).toBeCloseTo(1.3e-6, 15);
    expect(expectedCostPerInvocationUsd(1e-6, 0.1, 3e-6)).toBeCloseTo(1.3e-6, 15);
  });

  it('a size without a cold start takes the nearest measured size’s extra billed ms, marked estimated', () => {
    const [, estimated] = withColdStartCosts([entry(1024, 100, 400), entry(2048, 50)], 0.01, ROUND_PRICES, RULE);
    // 300 ms at 2048 MB = 300 × 2 × 1e-8 USD.
    expect(estimated?.coldStartCost).toEqual({
      source: 'estimated',
      extraBilledMs: 300,
      extraCostUsd: 6e-6,
      coldStarts: 0,
      fromMemoryMb: 1024,
      note: "no successful cold start at 2048 MB; the extra billed duration of 1024 MB's is used",
    });
    expect(estimated?.expectedCostPerInvocationUsd).toBeCloseTo(1e-6 + 0.01 * 6e-6, 15);
  });

  it('nothing to measure from: unknown and null, never zero', () => {
    const [unknown] = withColdStartCosts([entry(1024, 100)], 0.01, ROUND_PRICES, RULE);
    expect(unknown?.coldStartCost).toMatchObject({ source: 'unknown', extraCostUsd: null });
    expect(unknown?.expectedCostPerInvocationUsd).toBeNull();
    const [onlyCold] = withColdStartCosts([entry(1024, 100, 400)], 0.01, ROUND_PRICES, {
      ...RULE,
      onlyColdStarts: true,
    });
    expect(onlyCold?.coldStartCost?.note).toBe(
      'only-cold-starts measures no warm invocation to compare a cold start with',
    );
  });
});

describe('a run records its rate, the billing rule and the expected costs', () => {
  const identity = identityFromConfiguration(
    {
      FunctionName: 'fn',
      FunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:fn',
      Runtime: 'python3.12',
      PackageType: 'Zip',
      SnapStart: { ApplyOn: 'PublishedVersions', OptimizationStatus: 'On' },
      MemorySize: 1024,
    },
    'us-east-1',
  );
  const snapshot = {
    identity,
    functionArn: identity.arn,
    memoryMb: 1024,
    description: '',
    timeoutSec: 3,
    revisionId: 'r',
    environment: {},
  };
  const clock = { now: () => new Date('2026-12-01T00:01:00Z') };
  const build = (coldStartRate: number | 'auto' | undefined) =>
    buildResult(
      'run1',
      tuningSettings({
        powerValuesMb: [1024],
        discardTopBottom: 0,
        ...(coldStartRate !== undefined ? { coldStartRate } : {}),
      }),
      snapshot,
      ROUND_PRICES,
      [entry(1024, 100, 400)],
      '2026-12-01T00:00:00Z',
      clock,
      false,
    );

  it('reads packaging and SnapStart from the configuration', () => {
    expect(identity).toMatchObject({ packageType: 'Zip', snapStart: true, runtime: 'python3.12' });
  });

  it("'auto' not yet resolved (and absent) are recorded as the default 1%; a number as given", () => {
    expect(build('auto').settings.coldStartRate).toBe(0.01);
    expect(build(undefined).settings.coldStartRate).toBe(0.01);
    const result = build(0.1);
    expect(result.settings.coldStartRate).toBe(0.1);
    expect(result.coldStartBilling?.billed).toBe('restore');
    expect(result.current.expectedCostPerInvocationUsd).toBeCloseTo(1.3e-6, 15);
    expect(result.recommendation?.expectedCostPerInvocationUsd).toBeCloseTo(1.3e-6, 15);
  });
});

describe('the cost strategy uses the expected cost', () => {
  // 512 MB: warm 200 ms (1e-6 USD); 1024 MB: warm 90 ms (0.9e-6 USD), cheaper warm. A 2 s INIT at each: 1e-5 USD
  // extra at 512 MB, 2e-5 at 1024 MB. At 10% cold starts 512 MB is cheaper (2e-6 against 2.9e-6).
  const sizes = [entry(512, 200, 2200), entry(1024, 90, 2090)];
  const options = { strategy: 'cost', balancedWeight: 0.5 } as const;

  it('at 10% cold starts the heavy INIT at 1024 MB makes 512 MB the cheaper bill', () => {
    const rec = recommend(withColdStartCosts(sizes, 0.1, ROUND_PRICES, RULE), options);
    expect(rec?.memoryMb).toBe(512);
    expect(rec?.costPerInvocationUsd).toBeCloseTo(1e-6, 15);
    expect(rec?.expectedCostPerInvocationUsd).toBeCloseTo(2e-6, 15);
    expect(rec?.reason).toMatch(/per invocation with cold starts/);
  });

  it('at 0% (or without expected costs) warm costs decide, as before', () => {
    expect(recommend(withColdStartCosts(sizes, 0, ROUND_PRICES, RULE), options)?.memoryMb).toBe(1024);
    expect(recommend(sizes, options)?.memoryMb).toBe(1024);
  });
});

/** A run whose 1024 MB has a cold start billing warm + initMs, priced in at `rate`. */
function runWithInit(warmMs: number, initMs: number, rate: number, sha: string): RunResult {
  const run = makeRun({ configuredMb: 1024, powerValues: [{ memoryMb: 1024, durationsMs: repeat(warmMs, 6) }], sha });
  const samples = [cold(warmMs + initMs, initMs), ...repeat(warmMs, 6).map(warm)];
  const powerValues = withColdStartCosts(
    [summarisePowerValue(1024, samples, RULE, ROUND_PRICES)],
    rate,
    ROUND_PRICES,
    RULE,
  );
  const current = powerValues[0];
  return {
    ...run,
    settings: { ...run.settings, coldStartRate: rate, monthlyInvocations: 1_000_000 },
    powerValues,
    current: {
      memoryMb: 1024,
      costPerInvocationUsd: current?.costPerInvocationUsd ?? null,
      expectedCostPerInvocationUsd: current?.expectedCostPerInvocationUsd ?? null,
      durationMs: current?.duration?.trimmedMean ?? null,
    },
    coldStartBilling: coldStartBilling({ runtime: 'nodejs22.x' }, AFTER),
  };
}

describe('the gate', () => {
  it('judges warm cost per invocation; its monthly projection uses expected costs', () => {
    // Same warm figures; the PR's INIT doubles from 500 to 1000 ms: +5e-6 USD per cold start, at 10% cold
    // starts +5e-7 USD per invocation, $0.50 a month at 1M invocations.
    const base = runWithInit(100, 500, 0.1, 'b'.repeat(40));
    const pr = runWithInit(100, 1000, 0.1, 'c'.repeat(40));
    const verdict = compareRuns(pr, base, gateSettings({ maxMonthlyCostIncreaseUsd: 0.1 }), 1_000_000);
    const cost = verdict.comparisons.find((row) => row.kind === 'cost');
    expect(cost?.deltaPct).toBe(0);
    const monthly = verdict.comparisons.find((row) => row.kind === 'monthly-cost');
    expect(monthly?.baseValue).toBeCloseTo(1.5, 9);
    expect(monthly?.prValue).toBeCloseTo(2, 9);
    expect(verdict.monthlyCostDeltaUsd).toBeCloseTo(0.5, 9);
    expect(monthly?.reason).toMatch(/for 1,000,000 invocations a month with cold starts, rises by \$0\.5/);
    // The warm cost did not change significantly, so the monthly limit can only warn: Init Duration has its own gate.
    expect(monthly?.level).not.toBe('fail');
  });
});

describe('the report', () => {
  const result = runWithInit(100, 500, 0.01, 'c'.repeat(40));

  it('shows warm and expected cost and says which the gate used', () => {
    const markdown = renderReport({ result });
    expect(markdown).toContain('| Memory | Mean | p90 | Cost / 1M | Expected / 1M | Errors |');
    // Warm $1.00 per 1M; expected $1.00 + 1% × $5.00 = $1.05.
    expect(markdown).toMatch(/\| \$1\.00 \| \$1\.05 \|/);
    expect(markdown).toContain('when 1% of them are cold starts (cold-start-rate)');
    expect(markdown).toContain('(zip package on a managed runtime\\: the INIT phase is billed since 1 August 2025)');
    expect(markdown).toContain(
      'The gate compares warm costs (its % limits and max-cost-per-invocation); monthly projections and the cost strategy use expected costs.',
    );
    const html = renderHtmlReport({ result });
    expect(html).toContain('<th>Expected / 1M invocations</th>');
    expect(html).toContain('The gate compares warm costs');
  });

  it('marks an estimated extra with ≈ and an unknown one as unknown, saying why', () => {
    const estimated: RunResult = {
      ...result,
      powerValues: withColdStartCosts([entry(1024, 100, 400), entry(2048, 50)], 0.01, ROUND_PRICES, RULE),
    };
    const markdown = renderReport({ result: estimated });
    expect(markdown).toMatch(/\| ≈\$1\.06 \|/);
    expect(markdown).toContain(
      "≈: no successful cold start at that size, so the nearest measured size's extra billed duration is used (2048 MB from 1024 MB)",
    );
    const unknown: RunResult = {
      ...result,
      powerValues: withColdStartCosts([entry(1024, 100)], 0.01, ROUND_PRICES, RULE),
    };
    expect(renderReport({ result: unknown })).toMatch(/\| \$1\.00 \| unknown \|/);
  });

  it('a result from before expected costs reads as before: no column', () => {
    const old = makeRun({ configuredMb: 1024, powerValues: [{ memoryMb: 1024, durationsMs: repeat(100, 5) }] });
    expect(renderReport({ result: old })).not.toContain('Expected');
  });

  it('projects switching with expected costs when both sides have them', () => {
    const rec512 = withColdStartCosts([entry(512, 200, 2200), entry(1024, 90, 2090)], 0.1, ROUND_PRICES, RULE);
    const two: RunResult = {
      ...result,
      powerValues: rec512,
      recommendation: recommend(rec512, { strategy: 'cost', balancedWeight: 0.5 }),
      current: {
        memoryMb: 1024,
        costPerInvocationUsd: rec512[1]?.costPerInvocationUsd ?? null,
        expectedCostPerInvocationUsd: rec512[1]?.expectedCostPerInvocationUsd ?? null,
        durationMs: 90,
      },
    };
    // Warm, 512 MB would cost 11% more; with 10% cold starts it saves (2.9e-6 → 2e-6).
    expect(savingPct(two)).toBeCloseTo((1 - 2 / 2.9) * 100, 6);
    expect(monthlyChangeUsd(two)).toBeCloseTo(-0.9, 9);
    expect(renderReport({ result: two })).toContain('invocations/month, cold starts included)');
  });
});
