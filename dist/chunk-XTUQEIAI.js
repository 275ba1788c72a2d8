import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);

// src/gate/levels.ts
var LEVEL_RANK = { pass: 0, warn: 1, fail: 2 };
function worseLevel(a, b) {
  return LEVEL_RANK[b] > LEVEL_RANK[a] ? b : a;
}

export {
  LEVEL_RANK,
  worseLevel
};
