// The order of verdict levels: the worst level of a set of comparisons is the verdict's.

import type { VerdictLevel } from './verdict.js';

export const LEVEL_RANK: Readonly<Record<VerdictLevel, number>> = { pass: 0, warn: 1, fail: 2 };

/** The worse of two levels. */
export function worseLevel(a: VerdictLevel, b: VerdictLevel): VerdictLevel {
  return LEVEL_RANK[b] > LEVEL_RANK[a] ? b : a;
}
