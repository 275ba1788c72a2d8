// What the verdict counts as evidence, beside each comparison's own interval (compare-place.ts): the practical floor
// under which a change is within noise, and the one error rate the whole verdict shares — split across the live gate's
// looks, then Holm across its comparisons. docs/gate.md, "Never blocking identical code", gives the reasoning. Pure.

import type { GateSettings, Prices, RunResult } from '../types.js';
import type { RelativeMetric } from './findings.js';
import { failableLooks } from './looks.js';

/**
 * The practical floor of a change, in the metric's unit: Lambda bills duration in 1 ms units, so by default a change
 * under 1 ms is one nobody pays for (min-duration-change-ms), and so is an Init Duration change; for cost, what that
 * floor costs at this memory size.
 */
export function changeFloor(kind: RelativeMetric, gate: GateSettings, memoryMb: number, prices: Prices): number {
  const floorMs = gate.minDurationChangeMs;
  if (kind !== 'cost') return floorMs;
  return (memoryMb / 1024) * (floorMs / 1000) * prices.pricePerGbSecondUsd;
}

/**
 * The verdict's error rate is what `confidence` means: the chance that identical code gets a significant change
 * anywhere in the verdict is at most 1 − confidence. Two things multiply the chances and are divided out here:
 * - looks: the live gate's sequential sampling stops a comparison as soon as it is decided, so every round that
 *   could fail it is a chance (looks.ts, Bonferroni across looks);
 * - comparisons: cost and duration (and Init Duration, when gated) at each compared memory size (judgeFamily, Holm).
 */
export function familyAlpha(pr: RunResult, base: RunResult, gate: GateSettings): number {
  const live = pr.runId !== undefined && pr.runId === base.runId;
  const looks = live ? failableLooks(gate.maxInvocations, pr.settings.invocationsPerValue, gate.confidence) : 1;
  return (1 - gate.confidence) / looks;
}

/**
 * Holm's step-down procedure over every comparison of the verdict that could be significant: the smallest p-value
 * is tested at alpha / m, the next at alpha / (m − 1), and so on until one is not significant, which ends it. It
 * keeps the chance of any false significance at alpha (like Bonferroni) and is uniformly more powerful. Why not
 * the interval alone: two memory sizes × two metrics at 95% each fail identical code several times as often as 5%.
 */
export function holmSignificant(pValues: readonly number[], alpha: number): boolean[] {
  const order = pValues.map((pValue, index) => ({ pValue, index })).sort((a, b) => a.pValue - b.pValue);
  const significant = pValues.map(() => false);
  for (const [rank, { pValue, index }] of order.entries()) {
    if (pValue > alpha / (pValues.length - rank)) break;
    significant[index] = true;
  }
  return significant;
}
