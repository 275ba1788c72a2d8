import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);

// src/tuning/plan.ts
var MIN_MEMORY_MB = 128;
var MAX_MEMORY_MB = 10240;
var ALL_POWER_VALUES_MB = Object.freeze(
  Array.from({ length: (3008 - 128) / 64 + 1 }, (_, i) => 128 + i * 64)
);
function clamp(x, low, high, name) {
  if (Number.isNaN(x)) throw new RangeError(`${name} must be a number, got NaN`);
  return Math.min(high, Math.max(low, x));
}
function clampBalancedWeight(x) {
  return clamp(x, 0, 1, "balancedWeight");
}
function shares(weights, invocations) {
  const total = weights.reduce((sum, w) => sum + w, 0);
  const counts = weights.map((w) => Math.floor(w * invocations / total));
  const others = counts.slice(0, -1).reduce((sum, c) => sum + c, 0);
  counts[counts.length - 1] = invocations - others;
  return counts;
}
function everyShareNonEmpty(weights, invocations) {
  return shares(weights, invocations).every((count) => count >= 1);
}
function minimumInvocationsForWeights(weights, from = 1) {
  const total = weights.reduce((sum, w) => sum + w, 0);
  const bound = weights.slice(0, -1).reduce((needed, w) => Math.max(needed, Math.ceil(total / w)), weights.length);
  let n = Math.max(from, bound - 1, 1);
  while (!everyShareNonEmpty(weights, n)) n++;
  return n;
}
function validateWeightedPayloads(payloads, invocations) {
  if (payloads.length === 0) throw new Error("at least one payload is needed");
  if (!Number.isInteger(invocations) || invocations < 1) {
    throw new Error(`invocations must be a whole number of at least 1, got ${invocations}`);
  }
  payloads.forEach((p, i) => {
    if (!Number.isFinite(p.weight) || p.weight <= 0) {
      throw new Error(`payload ${i + 1} has weight ${p.weight}; weights must be positive numbers`);
    }
  });
}
function splitWeightedPayloads(payloads, invocations) {
  validateWeightedPayloads(payloads, invocations);
  const weights = payloads.map((p) => p.weight);
  const counts = shares(weights, invocations);
  const starved = counts.findIndex((count) => count < 1);
  if (starved !== -1) {
    const needed = minimumInvocationsForWeights(weights, invocations);
    throw new Error(
      `invocations (${invocations}) is too small for ${payloads.length} weighted payloads: the payload with weight ${weights[starved]} would get ${Math.max(0, counts[starved] ?? 0)} invocations; use at least ${needed}`
    );
  }
  return counts.flatMap((count, index) => Array.from({ length: count }, () => index));
}

export {
  MIN_MEMORY_MB,
  MAX_MEMORY_MB,
  ALL_POWER_VALUES_MB,
  clampBalancedWeight,
  minimumInvocationsForWeights,
  splitWeightedPayloads
};
