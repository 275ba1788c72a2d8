// Memory headroom: how much of a memory size the function used. Pure.
//
// The figure is the highest Max Memory Used of any sample at that memory size (PowerValueResult.maxMemoryUsedMb),
// not a mean or a percentile: Max Memory Used is already the peak of an execution environment's life, and out of
// memory happens at the single worst peak, so one environment that came close is the risk. Failed samples count
// (an out-of-memory invocation reports the whole memory size as used).

import type { PowerValueResult } from '../types.js';

/** A memory size's use of its memory: the peak Max Memory Used and its share of the size. */
export interface MemoryUse {
  memoryMb: number;
  maxMemoryUsedMb: number;
  /** maxMemoryUsedMb / memoryMb × 100. */
  usedPct: number;
}

/** The peak use at a memory size, or null when no sample reported Max Memory Used. */
export function memoryUseOf(entry: Pick<PowerValueResult, 'memoryMb' | 'maxMemoryUsedMb'>): MemoryUse | null {
  const used = entry.maxMemoryUsedMb;
  if (used === null || !Number.isFinite(used) || entry.memoryMb <= 0) return null;
  return { memoryMb: entry.memoryMb, maxMemoryUsedMb: used, usedPct: (used / entry.memoryMb) * 100 };
}

/**
 * Above a percent limit: strictly above, by more than float noise (230.4 of 256 MB is exactly 90%, which is at the
 * limit, not over it).
 */
export function usedAbove(use: MemoryUse, limitPct: number): boolean {
  const limitMb = (limitPct / 100) * use.memoryMb;
  return use.maxMemoryUsedMb > limitMb && Math.abs(use.maxMemoryUsedMb - limitMb) > 1e-9 * use.memoryMb;
}

/**
 * "94%": whole percent, rounded down so 89.9% never reads as the 90% it is under; one decimal when a value just over
 * a limit would read as the limit itself (90.3% against 90%).
 */
export function usedPctText(usedPct: number, limitPct?: number): string {
  const whole = Math.floor(usedPct + 1e-9);
  if (limitPct !== undefined && usedPct > limitPct && whole <= limitPct)
    return `${(Math.floor(usedPct * 10) / 10).toFixed(1)}%`;
  return `${whole}%`;
}

/** "241 of 256 MB used (94%)". */
export function memoryUseText(use: MemoryUse, limitPct?: number): string {
  return `${use.maxMemoryUsedMb} of ${use.memoryMb} MB used (${usedPctText(use.usedPct, limitPct)})`;
}

/** "256 MB skipped: 241 of 256 MB used (94%), over the 90% limit". */
export function skippedText(use: MemoryUse, limitPct: number): string {
  return `${use.memoryMb} MB skipped: ${memoryUseText(use, limitPct)}, over the ${limitPct}% limit`;
}
