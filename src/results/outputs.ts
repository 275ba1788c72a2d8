// The step's outputs (action.yml's outputs, the CLI's results) from a function's run, its verdict and what it spent:
// strings, as GITHUB_OUTPUT takes them, numbers as plain decimals a shell or a comparison can use. Pure.

import { memoryUsedPctAt } from './figures.js';
import { functionSpend } from './spend.js';
import type { RunResult, RunSpend, Verdict } from '../types.js';

/**
 * The step's outputs; `saving` is the recommendation's saving in percent (report/model.ts savingPct); `baseline` the
 * run compared with (its spend counts only when it was a live baseline, measured in this run).
 */
export function outputsFor(
  result: RunResult | null,
  verdict: Verdict | null,
  resultsPath: string,
  saving: number | null,
  baseline: RunResult | null,
  otherArchitecture: RunResult | null,
): Record<string, string> {
  const outputs: Record<string, string> = { 'results-path': resultsPath };
  if (!result) return outputs;
  Object.assign(
    outputs,
    spendOutputs(functionSpend({ status: 'measured', result, baseline, otherArchitecture })?.total ?? null),
  );
  const rec = result.recommendation;
  // With both architectures tuned, the recommended pair: its memory, figures and architecture.
  const pair = result.architectureComparison?.recommendation;
  Object.assign(outputs, {
    'recommended-memory': pair ? String(pair.memoryMb) : rec ? String(rec.memoryMb) : '',
    'recommended-architecture': pair ? pair.architecture : rec ? result.function.architecture : '',
    'recommended-cost': pair
      ? perInvocationText(pair.costPerInvocationUsd)
      : rec
        ? perInvocationText(rec.costPerInvocationUsd)
        : '',
    'recommended-duration': pair ? String(pair.durationMs) : rec ? String(rec.durationMs) : '',
    'current-memory': String(result.current.memoryMb),
    'current-cost':
      result.current.costPerInvocationUsd === null ? '' : perInvocationText(result.current.costPerInvocationUsd),
    'saving-percent': pair
      ? pair.savingPct === null
        ? ''
        : pair.savingPct.toFixed(2)
      : saving === null
        ? ''
        : saving.toFixed(2),
    'visualization-url': result.visualizationUrl ?? '',
    'memory-used-percent': percentText(memoryUsedPctAt(result, result.current.memoryMb)),
    'recommended-memory-used-percent': percentText(memoryUsedPctAt(result, rec?.memoryMb)),
  });
  if (verdict) {
    Object.assign(outputs, {
      verdict: verdict.level,
      accepted: String(verdict.accepted !== undefined),
      'accepted-by': verdict.accepted?.by ?? '',
      'cost-delta-percent': verdict.costDeltaPct === null ? '' : verdict.costDeltaPct.toFixed(2),
      'duration-delta-percent': verdict.durationDeltaPct === null ? '' : verdict.durationDeltaPct.toFixed(2),
      'init-duration-delta-percent':
        verdict.initDurationDeltaPct === undefined || verdict.initDurationDeltaPct === null
          ? ''
          : verdict.initDurationDeltaPct.toFixed(2),
      'monthly-cost-delta': verdict.monthlyCostDeltaUsd === null ? '' : verdict.monthlyCostDeltaUsd.toFixed(2),
    });
  }
  return outputs;
}

const percentText = (value: number | null): string => (value === null ? '' : value.toFixed(2));

/** A plain decimal, never exponent notation (String(7.8e-7) is "7.8e-7"), trailing zeros dropped. */
const plain = (value: number, decimals: number): string =>
  value
    .toFixed(decimals)
    .replace(/(\.\d*?)0+$/, '$1')
    .replace(/\.$/, '');

/** A cost per invocation (2×10⁻⁷ USD and up: the request price) to 12 decimals: at least 6 significant digits. */
const perInvocationText = (usd: number): string => plain(usd, 12);

/**
 * What the run spent (results/spend.ts), as the run-* outputs: plain decimals, never exponent notation (a cost can be
 * millionths of a dollar); empty when it measured nothing (a dry run).
 */
export function spendOutputs(spend: RunSpend | null): Record<string, string> {
  return {
    'run-invocations': spend ? String(spend.invocations) : '',
    'run-gb-seconds': spend ? plain(spend.gbSeconds, 6) : '',
    'run-cost': spend ? plain(spend.costUsd, 10) : '',
    'run-wall-time-seconds': spend ? plain(spend.wallTimeSeconds, 1) : '',
  };
}
