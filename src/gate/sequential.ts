// The live gate's sequential sampling: more interleaved invocations of both functions where a comparison is still
// open, so the gate catches a real regression just above its limit without calling noise one.
//
// Why: the verdict needs the estimated change above the limit AND a confidence interval that excludes no change.
// With ten invocations per side and 10–15% noise per invocation, the interval of a ratio is ±10% wide: a true +10%
// cost regression against a 5% limit is then caught about one time in three, and shrinking the interval by
// invoking everything more would multiply the cost of every run. A live baseline can be invoked again, in the same
// time window as the PR's function, so only the comparisons that are still undecided get more samples.
//
// The rule, per relative comparison (cost and duration at each compared memory size, compare.ts):
// - open while its confidence interval of the PR/base ratio contains its limit (the fail limit, else the warn
//   limit): with more samples it could land on either side, or while a side has fewer than min-samples;
// - settled when the interval lies wholly below the limit (within it, whatever more samples say), or wholly above
//   it once confirmed: the planned invocations ran in one execution environment per function, and one slow
//   environment (another host, another CPU) looks exactly like a regression, so "above" on those alone gets one
//   more round before it counts;
// - each round doubles the invocations at the open memory sizes, for both functions, up to gate-max-invocations
//   per function, submitted in turns with several in flight (tuner.ts GATE_ROUND_CONCURRENCY), so each function's
//   extra samples come from several environments and a persistent offset of one of them averages out.
//
// Why the false-alarm rate holds: the verdict is still made once, by compareRuns on all samples, with the same
// rule. Stopping early never turns noise into a regression: a comparison stops as "above the limit" only when its
// whole interval is above it, which at 95% confidence happens to an unchanged function less often than the fixed-n
// false alarm it replaces. Doubling keeps the number of looks small (log2 of gate-max-invocations / invocations),
// and a borderline estimate gets more samples rather than a verdict, so it regresses to the truth.
// Not sampled further: the monthly and absolute limits (they follow from the same figures), and runs measuring
// only cold starts (each of their invocations needs a version of its own).

import type { ExtraRound, ExtraSampling } from '../tuning/tuner.js';
import type { GateSettings, MetricComparison, RunResult } from '../types.js';
import { compareRuns, measuredSamples } from './compare.js';

/** The live gate's policy for tuneTogether: PR first, baseline second. */
export function gateSampling(gate: GateSettings): ExtraSampling {
  return {
    maxInvocations: gate.maxInvocations,
    next: (results) => {
      const [pr, base] = results;
      if (!pr || !base) return { pairings: [], settled: true, reason: 'there is no baseline to compare with' };
      return nextGateRound(pr, base, gate);
    },
  };
}

interface OpenPoint {
  prMemoryMb: number;
  baseMemoryMb: number;
  metrics: string[];
  /** Invocations so far: the larger of the two sides. */
  invocations: number;
}

/** Pure: which memory sizes need more invocations for the gate to decide, and how many. */
export function nextGateRound(pr: RunResult, base: RunResult, gate: GateSettings): ExtraRound {
  if (pr.settings.onlyColdStarts) return { pairings: [], settled: false, reason: 'cold-start runs are not sampled further (each invocation needs a version of its own)' };
  const verdict = compareRuns(pr, base, gate, 0);
  const open: OpenPoint[] = [];
  for (const row of verdict.comparisons) {
    if ((row.kind !== 'cost' && row.kind !== 'duration') || row.memoryMb === undefined || row.deltaPct === null) continue;
    const limit = limitOf(row, gate);
    if (limit === undefined) continue;
    const prMemoryMb = row.memoryMb;
    const baseMemoryMb = row.baseMemoryMb ?? row.memoryMb;
    const prEntry = pr.powerValues.find((entry) => entry.memoryMb === prMemoryMb);
    const baseEntry = base.powerValues.find((entry) => entry.memoryMb === baseMemoryMb);
    if (prEntry?.status !== 'ok' || baseEntry?.status !== 'ok') continue;
    const few = Math.min(measuredSamples(pr, prEntry).length, measuredSamples(base, baseEntry).length) < gate.minSamples;
    const straddles = row.ciLowPct === null || row.ciHighPct === null || (row.ciLowPct <= limit && limit <= row.ciHighPct);
    // Above the limit on the planned invocations alone — one environment per function — is confirmed by a round
    // from several environments before it settles: one slow environment must not fail a PR.
    const unconfirmed = !straddles && (row.ciLowPct ?? 0) > limit && Math.max(prEntry.invocations, baseEntry.invocations) <= pr.settings.invocationsPerValue;
    if (!few && !straddles && !unconfirmed) continue;
    const why = few ? 'under min-samples' : unconfirmed ? `CI ${pct(row.ciLowPct)} to ${pct(row.ciHighPct)} above the ${limit}% limit, to be confirmed` : `CI ${pct(row.ciLowPct)} to ${pct(row.ciHighPct)} contains the ${limit}% limit`;
    const what = `${row.kind === 'cost' ? 'cost' : 'duration'} (${why})`;
    const point = open.find((entry) => entry.prMemoryMb === prMemoryMb && entry.baseMemoryMb === baseMemoryMb);
    if (point) point.metrics.push(what);
    else open.push({ prMemoryMb, baseMemoryMb, metrics: [what], invocations: Math.max(prEntry.invocations, baseEntry.invocations) });
  }
  if (open.length === 0) return { pairings: [], settled: true, reason: 'every comparison with the baseline is settled' };
  const room = open.filter((point) => point.invocations < gate.maxInvocations);
  const where = (point: OpenPoint) => `${memories(point)}: ${point.metrics.join(', ')}`;
  if (room.length === 0) {
    return {
      pairings: [],
      settled: false,
      reason: `gate-max-invocations (${gate.maxInvocations}) reached with ${open.map(where).join('; ')}, so the verdict rests on the samples there are`,
    };
  }
  const pairings = room.map((point) => ({
    memoryBySubject: [point.prMemoryMb, point.baseMemoryMb],
    // Doubling: few looks, each on twice the evidence of the last.
    count: Math.min(Math.max(point.invocations, 1), gate.maxInvocations - point.invocations),
  }));
  const plan = room.map((point, index) => `${where(point)} → ${pairings[index]?.count} more invocations per function`);
  return { pairings, settled: false, reason: plan.join('; ') };
}

function limitOf(row: MetricComparison, gate: GateSettings): number | undefined {
  return row.kind === 'cost' ? (gate.maxCostIncreasePct ?? gate.warnCostIncreasePct) : (gate.maxDurationIncreasePct ?? gate.warnDurationIncreasePct);
}

function memories(point: OpenPoint): string {
  return point.prMemoryMb === point.baseMemoryMb ? `${point.prMemoryMb} MB` : `${point.prMemoryMb} MB against the base's ${point.baseMemoryMb} MB`;
}

function pct(value: number | null): string {
  if (value === null) return '–';
  return `${value >= 0 ? '+' : ''}${value.toFixed(1)}%`;
}

/** One sentence for the report: what the gate's extra sampling spent and why it stopped. */
export function describeGateSampling(summary: RunResult['gateSampling']): string | null {
  if (!summary) return null;
  if (summary.rounds === 0) {
    return summary.settled
      ? 'The planned invocations settled every comparison with the baseline; no extra invocations were needed.'
      : `No extra invocations to settle the comparisons with the baseline: ${summary.reason}.`;
  }
  const spent = summary.added.map((entry) => `${entry.invocations} at ${entry.memoryMb} MB`).join(', ');
  const rounds = `${summary.rounds} round${summary.rounds === 1 ? '' : 's'}`;
  const lead = `To settle the comparisons with the baseline, each function got extra interleaved invocations (${spent}) in ${rounds}`;
  return summary.settled ? `${lead}, until every comparison was settled.` : `${lead}; then ${summary.reason}.`;
}
