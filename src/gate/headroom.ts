// Memory headroom checks: the PR's peak Max Memory Used against max-memory-used-percent (fail) and
// warn-memory-used-percent (warn), at the configured memory and at the recommendation. Absolute limits: no
// baseline needed; with one, the row also shows the baseline's peak at the same memory and the change, which is
// information, not a test (a peak is one figure per run, with no interval to speak of). Pure; the sentences are
// reasons.ts's.

import { entryAt } from '../results/figures.js';
import { memoryUseOf, usedAbove } from '../tuning/headroom.js';
import type { GateSettings, RunResult } from '../types.js';
import type { HeadroomFinding, HeadroomRole } from './findings.js';
import { applyFinding, headroomMetricName } from './reasons.js';
import { comparisonRow, type MetricComparison } from './verdict.js';

/** The memory sizes to check: the configured one when it was measured, then the recommendation; one row each. */
function headroomPlaces(pr: RunResult): { memoryMb: number; roles: HeadroomRole[] }[] {
  const places: { memoryMb: number; roles: HeadroomRole[] }[] = [];
  if (entryAt(pr, pr.current.memoryMb)) places.push({ memoryMb: pr.current.memoryMb, roles: ['configured'] });
  const recommended = pr.recommendation?.memoryMb;
  if (recommended !== undefined) {
    const same = places.find((place) => place.memoryMb === recommended);
    if (same) same.roles.push('recommended');
    else places.push({ memoryMb: recommended, roles: ['recommended'] });
  }
  return places;
}

export function headroomChecks(pr: RunResult, base: RunResult | null, gate: GateSettings): MetricComparison[] {
  const failPct = gate.maxMemoryUsedPct;
  const warnPct = gate.warnMemoryUsedPct;
  if ((failPct === undefined && warnPct === undefined) || pr.dryRun) return [];
  return headroomPlaces(pr).flatMap(({ memoryMb, roles }) => {
    const entry = entryAt(pr, memoryMb);
    const use = entry ? memoryUseOf(entry) : null;
    // No REPORT gave Max Memory Used (e.g. LogType Tail blocked): nothing to check, and the report's table says so.
    if (!use) return [];
    const baseUsedMb = entryAt(base, memoryMb)?.maxMemoryUsedMb ?? null;
    const finding: HeadroomFinding = {
      kind: 'memory-headroom',
      memoryMb,
      roles,
      maxMemoryUsedMb: use.maxMemoryUsedMb,
      usedPct: use.usedPct,
      ...(failPct !== undefined ? { failPct } : {}),
      ...(warnPct !== undefined ? { warnPct } : {}),
      ...(baseUsedMb !== null ? { baseMaxMemoryUsedMb: baseUsedMb } : {}),
      outcome:
        failPct !== undefined && usedAbove(use, failPct)
          ? 'above-fail'
          : warnPct !== undefined && usedAbove(use, warnPct)
            ? 'above-warn'
            : 'within',
    };
    const row = comparisonRow({
      metric: headroomMetricName(finding),
      kind: 'memory',
      memoryMb,
      prValue: use.maxMemoryUsedMb,
      baseValue: baseUsedMb,
      deltaPct: baseUsedMb !== null && baseUsedMb > 0 ? (use.maxMemoryUsedMb / baseUsedMb - 1) * 100 : null,
    });
    return [applyFinding(row, finding)];
  });
}
