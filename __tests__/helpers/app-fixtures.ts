// FunctionOutcome fixtures for the app verdict and the app report: runs made by emulator/fixtures/runs.ts (every
// sample given, round prices), judged by the real gate (compareRuns), so a golden file shows what a run would.

import type { FunctionOutcome, RunResult } from '../../src/types.js';
import { compareRuns } from '../../src/gate/compare.js';
import { makeRun, ROUND_PRICES } from '../../emulator/fixtures/runs.js';
import { gateSettings } from '../../emulator/fixtures/settings.js';

export const MONTHLY_INVOCATIONS = 10_000_000;

/** Ten samples around a mean, the same spread at every memory size: the gate sees a real (small) variance. */
const SPREAD = [0.97, 1.01, 0.99, 1.03, 1.0, 0.98, 1.02, 1.0, 0.99, 1.01];

/** Mean durations at 128, 512 and 1024 MB of the base side; 512 MB is the cheapest under ROUND_PRICES. */
const BASE_MEANS_MS: Record<number, number> = { 128: 800, 512: 150, 1024: 100 };

function run(functionName: string, factor: number, runId: string, sha: string): RunResult {
  const result = makeRun({
    functionName,
    configuredMb: 1024,
    runId,
    sha,
    prices: ROUND_PRICES,
    powerValues: Object.entries(BASE_MEANS_MS).map(([memory, mean]) => ({
      memoryMb: Number(memory),
      durationsMs: SPREAD.map((share) => Math.round(mean * factor * share)),
    })),
  });
  return { ...result, settings: { ...result.settings, monthlyInvocations: MONTHLY_INVOCATIONS } };
}

const PR_SHA = 'bbbbbbb2222222222222222222222222222222222'.slice(0, 40);
const BASE_SHA = 'aaaaaaa1111111111111111111111111111111111'.slice(0, 40);

/**
 * A measured function whose PR side runs `factor` × the base's durations, judged against a data branch whose three
 * stored runs measured the base's figures: the drift estimate a fail against a stored baseline needs (no drift).
 */
export function measured(key: string, factor: number, functionName = key): FunctionOutcome {
  const baseline = run(functionName, 1, `base-${key}`, BASE_SHA);
  const result = run(functionName, factor, `pr-${key}`, PR_SHA);
  const verdict = compareRuns(result, baseline, gateSettings({ key }), MONTHLY_INVOCATIONS, {
    baselineDescription: `data branch entry for aaaaaaa (the PR base)`,
    history: [baseline, baseline, baseline],
  });
  return { key, functionName, status: 'measured', result, baseline, verdict };
}

/** Not measured: the baseline's run is carried, no verdict of its own. */
export function unchanged(key: string, functionName = key): FunctionOutcome {
  const baseline = run(functionName, 1, `base-${key}`, BASE_SHA);
  return {
    key,
    functionName,
    status: 'unchanged',
    result: baseline,
    baseline,
    verdict: null,
    unchangedNote: `the baseline function ${functionName}-staging`,
  };
}

export function failed(key: string, failure: string, functionName = key): FunctionOutcome {
  return { key, functionName, status: 'failed', result: null, baseline: null, verdict: null, failure };
}

/** The demo's app: one unchanged, one improved, one regressed (→ fail). */
export function threeFunctionApp(): FunctionOutcome[] {
  return [
    unchanged('UsersApi', 'shop-pr-42-UsersApi-1A2B3C'),
    measured('CatalogApi', 0.75),
    measured('OrdersApi', 1.2),
  ];
}

/**
 * A 60-function app: 3 regressed, 5 with a warning, 2 failed, 22 passed, 28 unchanged, given in key order (the
 * report must reorder them).
 */
export function sixtyFunctionApp(): FunctionOutcome[] {
  const outcomes: FunctionOutcome[] = [];
  for (let i = 0; i < 60; i++) {
    const key = `Function${String(i).padStart(2, '0')}`;
    const name = `shop-pr-42-${key}-${(i * 7919).toString(36).toUpperCase()}`;
    if (i === 16 || i === 44)
      outcomes.push(failed(key, `The function's timeout (3 s) ended every invocation at 128 MB: Task timed out`, name));
    else if (i % 20 === 3) outcomes.push(measured(key, 1.2 + i / 1000, name));
    else if (i % 12 === 5) outcomes.push(measured(key, 1.04, name));
    else if (i % 2 === 0) outcomes.push(unchanged(key, name));
    else outcomes.push(measured(key, 1, name));
  }
  return outcomes;
}
