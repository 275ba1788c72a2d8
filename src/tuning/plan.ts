// The tuning plan's pure parts: which payload each invocation sends, the balanced weight's clamp, and power value lists.

import type { WeightedPayload } from '../types.js';

export const MIN_MEMORY_MB = 128;
export const MAX_MEMORY_MB = 10240;

/** The original tool's "ALL": 128 … 3008 MB in steps of 64 (46 values). */
export const ALL_POWER_VALUES_MB: readonly number[] = Object.freeze(
  Array.from({ length: (3008 - 128) / 64 + 1 }, (_, i) => 128 + i * 64),
);

function clamp(x: number, low: number, high: number, name: string): number {
  if (Number.isNaN(x)) throw new RangeError(`${name} must be a number, got NaN`);
  return Math.min(high, Math.max(low, x));
}

/** balancedWeight clamped to [0, 1]: 0 = speed only, 1 = cost only. */
export function clampBalancedWeight(x: number): number {
  return clamp(x, 0, 1, 'balancedWeight');
}

/** Invocations per payload: floor(weight·n/total) each, the last one taking the remainder. */
function shares(weights: readonly number[], invocations: number): number[] {
  const total = weights.reduce((sum, w) => sum + w, 0);
  const counts = weights.map((w) => Math.floor((w * invocations) / total));
  const others = counts.slice(0, -1).reduce((sum, c) => sum + c, 0);
  counts[counts.length - 1] = invocations - others;
  return counts;
}

function everyShareNonEmpty(weights: readonly number[], invocations: number): boolean {
  return shares(weights, invocations).every((count) => count >= 1);
}

/**
 * The smallest invocation count ≥ `from` at which every payload gets at least one invocation.
 * Every payload but the last needs floor(w·n/total) ≥ 1, i.e. n ≥ total/w; the last takes the remainder, which
 * is at least its own share. The search starts at that bound and steps up in case floating point rounded the
 * bound the wrong way.
 */
export function minimumInvocationsForWeights(weights: readonly number[], from = 1): number {
  const total = weights.reduce((sum, w) => sum + w, 0);
  const bound = weights.slice(0, -1).reduce((needed, w) => Math.max(needed, Math.ceil(total / w)), weights.length);
  let n = Math.max(from, bound - 1, 1);
  while (!everyShareNonEmpty(weights, n)) n++;
  return n;
}

function validateWeightedPayloads(payloads: readonly WeightedPayload[], invocations: number): void {
  if (payloads.length === 0) throw new Error('at least one payload is needed');
  if (!Number.isInteger(invocations) || invocations < 1) {
    throw new Error(`invocations must be a whole number of at least 1, got ${invocations}`);
  }
  payloads.forEach((p, i) => {
    if (!Number.isFinite(p.weight) || p.weight <= 0) {
      throw new Error(`payload ${i + 1} has weight ${p.weight}; weights must be positive numbers`);
    }
  });
}

/**
 * The payload index of each invocation, in order: payload i gets floor(weightᵢ·n/total) invocations and the last
 * payload gets n minus the rest, in contiguous blocks in input order (as the original tool does).
 * @throws Error when some payload would get no invocation, saying the smallest invocation count that works.
 */
export function splitWeightedPayloads(payloads: readonly WeightedPayload[], invocations: number): number[] {
  validateWeightedPayloads(payloads, invocations);
  const weights = payloads.map((p) => p.weight);
  const counts = shares(weights, invocations);
  const starved = counts.findIndex((count) => count < 1);
  if (starved !== -1) {
    const needed = minimumInvocationsForWeights(weights, invocations);
    throw new Error(
      `invocations (${invocations}) is too small for ${payloads.length} weighted payloads: ` +
        `the payload with weight ${weights[starved]} would get ${Math.max(0, counts[starved] ?? 0)} invocations; ` +
        `use at least ${needed}`,
    );
  }
  return counts.flatMap((count, index) => Array.from({ length: count }, () => index));
}
