import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);

// src/lib/progress.ts
function progressThrottle() {
  const lastDecile = /* @__PURE__ */ new Map();
  return (memoryMb, done, total) => {
    const decile = Math.floor(done / total * 10);
    if (decile === lastDecile.get(memoryMb) && done !== total) return false;
    lastDecile.set(memoryMb, decile);
    return true;
  };
}

export {
  progressThrottle
};
