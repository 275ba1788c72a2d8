// The expected cost (cold starts included) in a report: a memory size's cell, and the sentences under the table
// that say what it is, which cost the gate uses, and which sizes' cold-start extras were estimated or unknown.

import type { PowerValueResult, RunResult } from '../types.js';
import { formatMemory } from '../lib/format.js';

/** An expected-cost cell: the figure, and whether its cold-start extra was estimated or is unknown. */
export interface ExpectedCostCell {
  costUsd: number | null;
  estimated: boolean;
}

/** The power value's expected cost, or null when the result has no expected costs at all (older results). */
export function expectedCostCell(entry: PowerValueResult): ExpectedCostCell | null {
  if (entry.expectedCostPerInvocationUsd === undefined) return null;
  return {
    costUsd: entry.expectedCostPerInvocationUsd,
    estimated: entry.coldStartCost?.source === 'estimated',
  };
}

/**
 * The sentences under the table about cold starts: what the expected cost is, what a cold start bills for this
 * function, which cost the gate and the strategy use, and which memory sizes' extras were estimated or unknown.
 * Null when the result has no expected costs (older results: the report reads as before).
 */
export function coldStartLegend(result: RunResult, escape: (untrusted: string) => string): string | null {
  const rate = coldStartRateOf(result);
  if (rate === null) return null;
  // The rule and the notes come from results.json, which may be a fork's upload (comment-only): escaped.
  const billing = result.coldStartBilling ? ` (${escape(result.coldStartBilling.rule)})` : '';
  const sentences = [
    `Expected: cost per 1M invocations when ${ratePct(rate)} of them are cold starts (cold-start-rate), each adding what its cold start billed over a warm invocation${billing}.`,
    'The gate compares warm costs (its % limits and max-cost-per-invocation); monthly projections and the cost strategy use expected costs.',
  ];
  const estimated = result.powerValues.filter((entry) => entry.coldStartCost?.source === 'estimated');
  if (estimated.length > 0) {
    const from = estimated
      .slice(0, 5)
      .map((entry) => `${formatMemory(entry.memoryMb)} from ${formatMemory(entry.coldStartCost?.fromMemoryMb ?? 0)}`)
      .join(', ');
    sentences.push(
      `≈: no successful cold start at that size, so the nearest measured size's extra billed duration is used (${from}${estimated.length > 5 ? ', …' : ''}).`,
    );
  }
  const unknown = result.powerValues.find((entry) => entry.coldStartCost?.source === 'unknown');
  if (unknown)
    sentences.push(`Unknown: ${unknown.coldStartCost?.note ?? 'the cold-start extra could not be measured'}.`);
  return sentences.join(' ');
}

/** 0.01 → "1%", 0.005 → "0.5%", 0.125 → "12.5%". */
export function ratePct(rate: number): string {
  return `${Number((rate * 100).toPrecision(3))}%`;
}

/** The cold-start rate a result's expected costs use, when it has any (results from before them have none). */
export function coldStartRateOf(result: RunResult): number | null {
  const any = result.powerValues.some((entry) => entry.expectedCostPerInvocationUsd !== undefined);
  return any ? (result.settings.coldStartRate ?? null) : null;
}
