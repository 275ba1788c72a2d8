import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  failableLooks
} from "./chunk-BHX5YG2T.js";

// src/gate/family.ts
function changeFloor(kind, gate, memoryMb, prices) {
  const floorMs = gate.minDurationChangeMs;
  if (kind !== "cost") return floorMs;
  return memoryMb / 1024 * (floorMs / 1e3) * prices.pricePerGbSecondUsd;
}
function familyAlpha(pr, base, gate) {
  const live = pr.runId !== void 0 && pr.runId === base.runId;
  const looks = live ? failableLooks(gate.maxInvocations, pr.settings.invocationsPerValue, gate.confidence) : 1;
  return (1 - gate.confidence) / looks;
}
function holmSignificant(pValues, alpha) {
  const order = pValues.map((pValue, index) => ({ pValue, index })).sort((a, b) => a.pValue - b.pValue);
  const significant = pValues.map(() => false);
  for (const [rank, { pValue, index }] of order.entries()) {
    if (pValue > alpha / (pValues.length - rank)) break;
    significant[index] = true;
  }
  return significant;
}

export {
  changeFloor,
  familyAlpha,
  holmSignificant
};
