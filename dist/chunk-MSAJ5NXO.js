import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);

// src/results/figures.ts
function memoryUsedPctAt(run, memoryMb) {
  if (memoryMb === void 0 || memoryMb <= 0) return null;
  const used = entryAt(run, memoryMb)?.maxMemoryUsedMb;
  return typeof used === "number" && Number.isFinite(used) ? used / memoryMb * 100 : null;
}
function entryAt(run, memoryMb) {
  return run?.powerValues.find((entry) => entry.memoryMb === memoryMb);
}

export {
  memoryUsedPctAt,
  entryAt
};
