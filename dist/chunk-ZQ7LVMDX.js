import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);

// src/results/figures.ts
function entryAt(run, memoryMb) {
  return run?.powerValues.find((entry) => entry.memoryMb === memoryMb);
}

// src/gate/levels.ts
var LEVEL_RANK = { pass: 0, warn: 1, fail: 2 };
function worseLevel(a, b) {
  return LEVEL_RANK[b] > LEVEL_RANK[a] ? b : a;
}

export {
  entryAt,
  LEVEL_RANK,
  worseLevel
};
