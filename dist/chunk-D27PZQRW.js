import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);

// src/results/figures.ts
function entryAt(run, memoryMb) {
  return run?.powerValues.find((entry) => entry.memoryMb === memoryMb);
}

export {
  entryAt
};
