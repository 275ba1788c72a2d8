// Small lookups on a RunResult that the gate, the report and the engine all need.

import type { PowerValueResult, RunResult } from '../types.js';

/**
 * The peak Max Memory Used at a memory size as percent of it (the memory headroom checks' figure), or null when the
 * run did not measure that size or no sample reported it.
 */
export function memoryUsedPctAt(run: RunResult | null | undefined, memoryMb: number | undefined): number | null {
  if (memoryMb === undefined || memoryMb <= 0) return null;
  const used = entryAt(run, memoryMb)?.maxMemoryUsedMb;
  return typeof used === 'number' && Number.isFinite(used) ? (used / memoryMb) * 100 : null;
}

/** The result measured at a memory size, if the run measured it. */
export function entryAt(run: RunResult | null | undefined, memoryMb: number): PowerValueResult | undefined {
  return run?.powerValues.find((entry) => entry.memoryMb === memoryMb);
}
