// RunResult and Verdict fixtures built by hand for the report tests: every figure is written here or follows
// from one line of arithmetic, so a golden file can be checked by eye.

import type {
  DurationStats,
  MetricComparison,
  PowerValueResult,
  Prices,
  RunResult,
  RunSpend,
  Sample,
  TuningSettings,
  Verdict,
} from '../../src/types.js';
import { tuningSettings } from './settings.js';

/** The settings as results.json records them: the shared builder's, payloads replaced by their count. */
function recordedSettings(overrides: Partial<TuningSettings>): RunResult['settings'] {
  const { payloads, coldStartRate, ...rest } = tuningSettings(overrides);
  // results.json records a resolved rate (tuning/summary.ts); 'auto' never reaches it.
  return { ...rest, ...(typeof coldStartRate === 'number' ? { coldStartRate } : {}), payloadCount: payloads.length };
}

export const PRICES: Prices = {
  region: 'us-east-1',
  architecture: 'x86_64',
  pricePerGbSecondUsd: 0.0000166667,
  pricePerRequestUsd: 0.0000002,
  source: 'AWS Lambda pricing page',
  asOf: '2026-11-28',
  fallback: false,
};

/** Cost of one invocation: billed seconds × GB × price per GB-s + the request price. */
export function costUsd(memoryMb: number, billedMs: number): number {
  return (billedMs / 1000) * (memoryMb / 1024) * PRICES.pricePerGbSecondUsd + PRICES.pricePerRequestUsd;
}

/** Statistics around a trimmed mean m, in fixed proportions (fixtures, not measurements). */
export function stats(m: number, count = 10): DurationStats {
  return {
    count,
    mean: m * 1.04,
    trimmedMean: m,
    median: m * 0.99,
    p90: m * 1.12,
    p95: m * 1.2,
    p99: m * 1.3,
    min: m * 0.9,
    max: m * 1.35,
    stdDev: m * 0.08,
    ci95Low: m * 0.98,
    ci95High: m * 1.1,
  };
}

export function okEntry(memoryMb: number, durationMs: number, extra: Partial<PowerValueResult> = {}): PowerValueResult {
  const billedMs = Math.ceil(durationMs);
  return {
    memoryMb,
    status: 'ok',
    invocations: 10,
    errors: 0,
    errorTypes: {},
    samples: [],
    duration: stats(durationMs),
    coldStart: { ...stats(180, 1), mean: 180 },
    costPerInvocationUsd: costUsd(memoryMb, billedMs),
    billedDurationMs: billedMs,
    maxMemoryUsedMb: 92,
    ...extra,
  };
}

export function failedEntry(
  memoryMb: number,
  errorType: string,
  reason: string,
  samples: Sample[] = [],
): PowerValueResult {
  return {
    memoryMb,
    status: 'failed',
    failureReason: reason,
    invocations: 1,
    errors: 1,
    errorTypes: { [errorType]: 1 },
    samples,
    duration: null,
    coldStart: null,
    costPerInvocationUsd: null,
    billedDurationMs: null,
    maxMemoryUsedMb: memoryMb,
  };
}

/** Durations (trimmed mean, ms) of the base branch's run. At 512 MB it is the cheapest. */
export const BASE_DURATIONS_MS: Record<number, number> = { 128: 310, 256: 150, 512: 74, 1024: 40, 1536: 39 };

export function runResult(
  durations: Record<number, number> = BASE_DURATIONS_MS,
  overrides: Partial<RunResult> = {},
): RunResult {
  const powerValues = Object.entries(durations).map(([memory, duration]) => okEntry(Number(memory), duration));
  const cheapest = powerValues.reduce((best, entry) =>
    (entry.costPerInvocationUsd ?? Infinity) < (best.costPerInvocationUsd ?? Infinity) ? entry : best,
  );
  const current = powerValues.find((entry) => entry.memoryMb === 1024);
  const run: RunResult = {
    schemaVersion: 1,
    tool: { name: 'lambda-power-gate', version: '0.1.0' },
    function: {
      name: 'checkout-api',
      arn: 'arn:aws:lambda:us-east-1:123456789012:function:checkout-api',
      region: 'us-east-1',
      architecture: 'x86_64',
      runtime: 'nodejs20.x',
      codeSha256: 'Yl6wT4Zq0c2cE2xw6m1O0bCz5yJ1mAf4s4tWq7bXk3E=',
      originalMemoryMb: 1024,
      logFormat: 'Text',
    },
    settings: recordedSettings({
      functionName: 'checkout-api',
      powerValuesMb: powerValues.map((entry) => entry.memoryMb),
      invocationsPerValue: 10,
      concurrency: 10,
      resultsPath: 'lambda-power-gate/results.json',
      monthlyInvocations: 10_000_000,
    }),
    prices: PRICES,
    powerValues,
    recommendation: {
      strategy: 'cost',
      memoryMb: cheapest.memoryMb,
      costPerInvocationUsd: cheapest.costPerInvocationUsd ?? 0,
      durationMs: cheapest.duration?.trimmedMean ?? 0,
      reason: `The cheapest per invocation of the ${powerValues.length} memory sizes measured.`,
    },
    current: {
      memoryMb: 1024,
      costPerInvocationUsd: current?.costPerInvocationUsd ?? null,
      durationMs: current?.duration?.trimmedMean ?? null,
    },
    tuningCostUsd: 0,
    visualizationUrl: null,
    dryRun: false,
    git: { sha: 'aaaaaaa1111111111111111111111111111111111'.slice(0, 40), ref: 'refs/heads/main' },
    startedAt: '2026-11-27T09:00:00.000Z',
    finishedAt: '2026-11-27T09:01:10.000Z',
    ...overrides,
  };
  if (overrides.spend) return run;
  const spend = fixtureSpend(run.powerValues, (Date.parse(run.finishedAt) - Date.parse(run.startedAt)) / 1000);
  return { ...run, spend, tuningCostUsd: overrides.tuningCostUsd ?? spend.costUsd };
}

/**
 * Fixtures keep no samples, so their spend is given: each of an entry's invocations billed its trimmed-mean billed
 * duration (what results/spend.ts would count from such samples).
 */
export function fixtureSpend(powerValues: readonly PowerValueResult[], wallTimeSeconds: number): RunSpend {
  let gbSeconds = 0;
  let invocations = 0;
  for (const entry of powerValues) {
    invocations += entry.invocations;
    gbSeconds += entry.invocations * ((entry.billedDurationMs ?? 0) / 1000) * (entry.memoryMb / 1024);
  }
  const requestCostUsd = invocations * PRICES.pricePerRequestUsd;
  const computeCostUsd = gbSeconds * PRICES.pricePerGbSecondUsd;
  return {
    invocations,
    billedInvocations: invocations,
    gbSeconds,
    requestCostUsd,
    computeCostUsd,
    costUsd: requestCostUsd + computeCostUsd,
    wallTimeSeconds,
  };
}

export function baselineRun(): RunResult {
  return runResult(BASE_DURATIONS_MS);
}

/** The PR's run: the given durations, on the PR's commit. */
export function prRun(durations: Record<number, number>, overrides: Partial<RunResult> = {}): RunResult {
  return runResult(durations, {
    git: { sha: 'bbbbbbb2222222222222222222222222222222222'.slice(0, 40), ref: 'refs/pull/42/merge', pullRequest: 42 },
    startedAt: '2026-11-28T10:00:00.000Z',
    finishedAt: '2026-11-28T10:01:12.000Z',
    ...overrides,
  });
}

function comparison(row: Partial<MetricComparison> & Pick<MetricComparison, 'metric' | 'kind'>): MetricComparison {
  return {
    baseValue: null,
    prValue: null,
    deltaPct: null,
    ciLowPct: null,
    ciHighPct: null,
    significant: false,
    level: 'pass',
    reason: '',
    ...row,
  };
}

/** The gate's rows at one memory size, from the two runs' own figures, with the CI and level given. */
export function rowsAt(
  pr: RunResult,
  base: RunResult,
  memoryMb: number,
  label: string,
  judgement: {
    cost: Pick<MetricComparison, 'ciLowPct' | 'ciHighPct' | 'significant' | 'level' | 'reason'>;
    duration: Pick<MetricComparison, 'ciLowPct' | 'ciHighPct' | 'significant' | 'level' | 'reason'>;
  },
): MetricComparison[] {
  const prEntry = pr.powerValues.find((entry) => entry.memoryMb === memoryMb);
  const baseEntry = base.powerValues.find((entry) => entry.memoryMb === memoryMb);
  const ratio = (a: number | null | undefined, b: number | null | undefined) =>
    a != null && b != null ? (a / b - 1) * 100 : null;
  return [
    comparison({
      metric: `cost per invocation at ${memoryMb} MB (${label})`,
      kind: 'cost',
      memoryMb,
      baseValue: baseEntry?.costPerInvocationUsd ?? null,
      prValue: prEntry?.costPerInvocationUsd ?? null,
      deltaPct: ratio(prEntry?.costPerInvocationUsd, baseEntry?.costPerInvocationUsd),
      ...judgement.cost,
    }),
    comparison({
      metric: `duration at ${memoryMb} MB (${label})`,
      kind: 'duration',
      memoryMb,
      baseValue: baseEntry?.duration?.trimmedMean ?? null,
      prValue: prEntry?.duration?.trimmedMean ?? null,
      deltaPct: ratio(prEntry?.duration?.trimmedMean, baseEntry?.duration?.trimmedMean),
      ...judgement.duration,
    }),
  ];
}

export function monthlyRow(
  pr: RunResult,
  base: RunResult,
  memoryMb: number,
  monthlyInvocations: number,
  cost: MetricComparison,
): MetricComparison {
  const prCost = pr.powerValues.find((entry) => entry.memoryMb === memoryMb)?.costPerInvocationUsd ?? 0;
  const baseCost = base.powerValues.find((entry) => entry.memoryMb === memoryMb)?.costPerInvocationUsd ?? 0;
  return comparison({
    metric: `monthly cost at ${memoryMb} MB (configured)`,
    kind: 'monthly-cost',
    memoryMb,
    baseValue: baseCost * monthlyInvocations,
    prValue: prCost * monthlyInvocations,
    deltaPct: cost.deltaPct,
    ciLowPct: cost.ciLowPct,
    ciHighPct: cost.ciHighPct,
    significant: cost.significant,
    reason: 'No monthly limit is set.',
  });
}

export interface Scenario {
  result: RunResult;
  baseline: RunResult | null;
  verdict: Verdict | null;
  runUrl?: string;
}

const RUN_URL = 'https://github.com/acme/shop/actions/runs/123456789';
const BASELINE_DESCRIPTION = 'data branch entry for aaaaaaa (the PR base)';

function verdictOf(
  pr: RunResult,
  base: RunResult,
  level: Verdict['level'],
  reason: string,
  rows: MetricComparison[],
  configured = 1024,
): Verdict {
  const cost = rows.find((row) => row.kind === 'cost' && row.memoryMb === configured);
  const duration = rows.find((row) => row.kind === 'duration' && row.memoryMb === configured);
  const monthly = cost ? [monthlyRow(pr, base, configured, pr.settings.monthlyInvocations ?? 0, cost)] : [];
  const prCost = pr.powerValues.find((entry) => entry.memoryMb === configured)?.costPerInvocationUsd ?? 0;
  const baseCost = base.powerValues.find((entry) => entry.memoryMb === configured)?.costPerInvocationUsd ?? 0;
  return {
    level,
    reason,
    comparisons: [...rows, ...monthly],
    baselineDescription: BASELINE_DESCRIPTION,
    costDeltaPct: cost?.deltaPct ?? null,
    durationDeltaPct: duration?.deltaPct ?? null,
    monthlyCostDeltaUsd: (prCost - baseCost) * (pr.settings.monthlyInvocations ?? 0),
  };
}

const pct = (value: number | null | undefined): string =>
  value == null ? '–' : `${value > 0.05 ? '+' : ''}${value.toFixed(1)}%`;

/** The gate's sentence for a pass, from the rows at the configured 1024 MB. */
function noRegressionReason(rows: MetricComparison[]): string {
  const at = (kind: MetricComparison['kind']) =>
    rows.find((row) => row.kind === kind && row.memoryMb === 1024)?.deltaPct;
  return `No significant regression against the ${BASELINE_DESCRIPTION}: cost ${pct(at('cost'))}, duration ${pct(at('duration'))} at 1024 MB, configured.`;
}

/** A passing scenario: at the configured (1024 MB) and recommended (512 MB) memory, changes within this interval. */
function withinNoise(pr: RunResult, base: RunResult, ciLowPct: number, ciHighPct: number): Scenario {
  const notSignificant = {
    ciLowPct,
    ciHighPct,
    significant: false,
    level: 'pass' as const,
    reason: 'Not statistically significant.',
  };
  const rows = [
    ...rowsAt(pr, base, 1024, 'configured', { cost: notSignificant, duration: notSignificant }),
    ...rowsAt(pr, base, 512, 'recommended', { cost: notSignificant, duration: notSignificant }),
  ];
  return {
    result: pr,
    baseline: base,
    verdict: verdictOf(pr, base, 'pass', noRegressionReason(rows), rows),
    runUrl: RUN_URL,
  };
}

/** Noise only: every change within a few percent and not significant. */
export function passScenario(): Scenario {
  const base = baselineRun();
  const pr = prRun({ 128: 312, 256: 151, 512: 74.6, 1024: 40.3, 1536: 39.2 });
  return withinNoise(pr, base, -2.1, 3.4);
}

/** Duration up 9% at the configured memory: significant, over the warn limit (5%), under the fail limit (10%). */
export function warnScenario(): Scenario {
  const base = baselineRun();
  const pr = prRun(
    { 128: 318, 256: 158, 512: 78, 1024: 43.6, 1536: 42 },
    {
      // As a live baseline's sequential sampling records it (gate/sequential.ts).
      gateSampling: {
        rounds: 2,
        added: [{ memoryMb: 1024, invocations: 50, environments: 5 }],
        maxInvocations: 200,
        settled: true,
        reason: 'every comparison with the baseline is settled',
      },
    },
  );
  const rows = [
    ...rowsAt(pr, base, 1024, 'configured', {
      cost: {
        ciLowPct: 1.2,
        ciHighPct: 6.9,
        significant: true,
        level: 'pass',
        reason: 'Cost per invocation at 1024 MB, configured rose 7.7%, significant but within the 8% warn limit.',
      },
      duration: {
        ciLowPct: 5.5,
        ciHighPct: 12.8,
        significant: true,
        level: 'warn',
        reason: 'Duration at 1024 MB, configured rose 9.0%, significant and above the 5% warn limit.',
      },
    }),
    ...rowsAt(pr, base, 512, 'recommended', {
      cost: {
        ciLowPct: -0.4,
        ciHighPct: 9.8,
        significant: false,
        level: 'pass',
        reason: 'Not statistically significant.',
      },
      duration: {
        ciLowPct: -1.1,
        ciHighPct: 11.2,
        significant: false,
        level: 'pass',
        reason: 'Not statistically significant.',
      },
    }),
  ];
  return {
    result: pr,
    baseline: base,
    verdict: verdictOf(
      pr,
      base,
      'warn',
      'Duration at 1024 MB, configured rose 9.0% (95% CI +5.5% to +12.8%), significant and above the 5% warn limit.',
      rows,
    ),
    runUrl: RUN_URL,
  };
}

/** Cost per invocation up ~19% at 512 MB (the recommendation) and ~20% at the configured 1024 MB: fail. */
export function failScenario(): Scenario {
  const base = baselineRun();
  const pr = prRun({ 128: 365, 256: 180, 512: 88, 1024: 48, 1536: 46 });
  const rows = [
    ...rowsAt(pr, base, 1024, 'configured', {
      cost: {
        ciLowPct: 12.4,
        ciHighPct: 24.9,
        significant: true,
        level: 'fail',
        reason: 'Cost per invocation at 1024 MB, configured rose 15.4%, significant and above the 5% fail limit.',
      },
      duration: {
        ciLowPct: 14.0,
        ciHighPct: 26.3,
        significant: true,
        level: 'fail',
        reason: 'Duration at 1024 MB, configured rose 20.0%, significant and above the 10% fail limit.',
      },
    }),
    ...rowsAt(pr, base, 512, 'recommended', {
      cost: {
        ciLowPct: 9.9,
        ciHighPct: 21.7,
        significant: true,
        level: 'fail',
        reason: 'Cost per invocation at 512 MB, recommended rose 14.3%, significant and above the 5% fail limit.',
      },
      duration: {
        ciLowPct: 12.2,
        ciHighPct: 26.1,
        significant: true,
        level: 'fail',
        reason: 'Duration at 512 MB, recommended rose 18.9%, significant and above the 10% fail limit.',
      },
    }),
  ];
  return {
    result: pr,
    baseline: base,
    verdict: verdictOf(
      pr,
      base,
      'fail',
      'Cost per invocation at 1024 MB, configured rose 15.4% (95% CI +12.4% to +24.9%), significant and above the 5% fail limit; 3 more checks failed.',
      rows,
    ),
    runUrl: RUN_URL,
  };
}

/** A first run: no baseline, nothing gated. */
export function noBaselineScenario(): Scenario {
  const pr = prRun(BASE_DURATIONS_MS);
  return {
    result: pr,
    baseline: null,
    verdict: {
      level: 'pass',
      reason:
        'No baseline to compare with and no absolute limit set, so nothing is gated (a first run never fails for lack of history).',
      comparisons: [],
      baselineDescription: null,
      costDeltaPct: null,
      durationDeltaPct: null,
      monthlyCostDeltaUsd: null,
    },
    runUrl: RUN_URL,
  };
}

/** 128 MB runs out of memory in the PR; the rest is unchanged. The error type and message are hostile text. */
export function failedPowerValueScenario(): Scenario {
  const base = baselineRun();
  const pr = prRun({ 256: 150, 512: 74, 1024: 40, 1536: 39 });
  const oom = failedEntry(
    128,
    'Runtime.OutOfMemory',
    'failed with Runtime.OutOfMemory: Runtime exited with error: signal: killed (invocation 1 of 10)',
    [
      {
        durationMs: 0,
        billedDurationMs: 0,
        errorType: 'Runtime.OutOfMemory',
        errorMessage: 'Runtime exited with error: signal: killed <img src=x onerror=alert(1)> @octocat #1 | *not bold*',
        payloadIndex: 0,
        coldStart: true,
      },
    ],
  );
  pr.powerValues = [oom, ...pr.powerValues];
  pr.settings.powerValuesMb = [128, ...pr.settings.powerValuesMb];
  return withinNoise(pr, base, -2.0, 2.0);
}

/**
 * Every memory size Lambda allows in steps of 64 MB (128 to 10,240: 159), every other one failing with a long
 * error type, a long reason and a long message: a body far past GitHub's 65,536 characters.
 */
export function veryLongScenario(): Scenario {
  const base = baselineRun();
  const memories = Array.from({ length: 159 }, (_, i) => 128 + i * 64);
  const pr = prRun(Object.fromEntries(memories.map((memory) => [memory, Math.round((40 * 1024) / memory)])));
  pr.settings.logPayloads = true;
  pr.powerValues = pr.powerValues.map((entry, i) =>
    i % 2 === 0
      ? entry
      : {
          ...failedEntry(
            entry.memoryMb,
            `Custom.VeryLongErrorTypeName${'X'.repeat(80)}`,
            `failed with Custom.VeryLongErrorTypeName: ${'the downstream inventory service answered 503 '.repeat(12)}`,
            [
              {
                durationMs: 0,
                billedDurationMs: 0,
                errorType: `Custom.VeryLongErrorTypeName${'X'.repeat(80)}`,
                errorMessage: `${'stack frame at handler (/var/task/index.js:12:7) '.repeat(20)}`,
                payloadIndex: 0,
                coldStart: false,
              },
            ],
          ),
          errorTypes: Object.fromEntries(
            Array.from({ length: 12 }, (_, k) => [`Custom.Error${k}${'Y'.repeat(50)}`, 1]),
          ),
        },
  );
  const cheapest = pr.powerValues
    .filter((entry) => entry.status === 'ok')
    .reduce((best, entry) =>
      (entry.costPerInvocationUsd ?? Infinity) < (best.costPerInvocationUsd ?? Infinity) ? entry : best,
    );
  pr.recommendation = {
    strategy: 'cost',
    memoryMb: cheapest.memoryMb,
    costPerInvocationUsd: cheapest.costPerInvocationUsd ?? 0,
    durationMs: cheapest.duration?.trimmedMean ?? 0,
    reason: 'The cheapest per invocation of the 80 memory sizes measured.',
  };
  return { result: pr, baseline: base, verdict: null, runUrl: RUN_URL };
}
