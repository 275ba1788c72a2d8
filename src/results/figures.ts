// Small lookups on a RunResult that the gate, the report and the engine all need.

import type { PowerValueResult, RunResult } from '../types.js';

/** The result measured at a memory size, if the run measured it. */
export function entryAt(run: RunResult | null | undefined, memoryMb: number): PowerValueResult | undefined {
  return run?.powerValues.find((entry) => entry.memoryMb === memoryMb);
}
