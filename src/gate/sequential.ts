// The live gate's sequential sampling: more execution environments of both functions where a comparison is still
// open, so the gate catches a real regression just above its limit without calling noise one.
//
// Why: the verdict needs the estimated change above the limit AND a confidence interval that excludes no change.
// With ten invocations per side and 10–15% noise per invocation, the interval of a ratio is ±10% wide: a true +10%
// cost regression against a 5% limit is then caught about one time in three, and shrinking the interval by
// invoking everything more would multiply the cost of every run. A live baseline can be invoked again, in the same
// time window as the PR's function, so only the comparisons that are still undecided get more samples.
//
// Why environments, not invocations: the planned invocations of one memory size run in one execution environment
// per function, and environments of the same code differ persistently (another host, another CPU generation, a
// differently warmed JIT): by about 5% (sd) at one vCPU and at 0.29 vCPU on the emulator. More invocations in the
// same environments only measure those environments better, and an interval that counts invocations as
// independent then calls an environment's offset a significant change (the opt-in version of this before counted
// invocations, and failed an identical pair once in three demo runs). So each extra sample comes in a block: a fresh
// version of each function (Lambda keeps environments per version), invoked BLOCK_INVOCATIONS times, the two taking
// turns. Once both sides have two or more blocks, the interval counts blocks (stats.ts blockRatioInterval): its width
// contains the environments' spread, and the pairing by block cancels the drift both saw in one time window.
//
// The rule, per relative comparison (cost and duration at each compared memory size, and Init Duration when an Init
// limit is set, compare.ts):
// - open while its confidence interval of the PR/base ratio contains its limit (the fail limit, else the warn
//   limit): with more samples it could land on either side, or while a side has fewer than min-samples;
// - open while its interval was computed from one environment per function, wherever it lies: one slow
//   environment looks exactly like a regression, and one fast one hides a regression;
// - settled when its interval over two or more pairs of environments lies wholly below the limit (within it,
//   whatever more samples say) or wholly above it;
// - each round at least doubles the environments at the open memory sizes (two more at first), for both functions,
//   while the invocations per function there stay within gate-max-invocations.
//
// Why the false-alarm rate holds: the verdict is still made once, by compareRuns on all samples, with the same
// rule, and over blocks its interval is Student's t with J − 1 degrees of freedom for J pairs of environments, so few
// blocks give a wide interval rather than a confident one. Stopping early never turns noise into a regression: a
// comparison stops as "above the limit" only when its whole interval is above it. Doubling keeps the number of
// looks small (log2 of the blocks the budget allows).
// Init Duration fits the same rule without a change: each block's first invocation is its cold start, so a block adds
// one Init sample per function, paired with the other function's in the same time window; an open Init comparison
// asks for blocks like an open cost comparison, and its interval counts environments (one cold start each).
// Not sampled further: the monthly and absolute limits (they follow from the same figures), and runs measuring
// only cold starts (each of their invocations needs a version of its own).

import { formatPct } from '../lib/format.js';
import { entryAt } from '../results/figures.js';
import type { ExtraRound, ExtraSampling } from '../tuning/rounds/environment-blocks.js';
import type { GateSettings, RunResult, Sample } from '../types.js';
import { compareRuns, relativeLimits } from './compare.js';
import type { RelativeMetric } from './findings.js';
import { BLOCK_INVOCATIONS, minFailEnvironments } from './looks.js';
import { metricSamples } from './metrics.js';
import { placeMemory } from './reasons.js';

export { BLOCK_INVOCATIONS } from './looks.js';

/** The live gate's policy for tuneTogether: PR first, baseline second. */
export function gateSampling(gate: GateSettings): ExtraSampling {
  return {
    maxInvocations: gate.maxInvocations,
    blockInvocations: BLOCK_INVOCATIONS,
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
  /** Environment blocks measured on both sides so far (1: the planned invocations only). */
  environments: number;
}

/** Pure: which memory sizes need more invocations for the gate to decide, and how many. */
export function nextGateRound(pr: RunResult, base: RunResult, gate: GateSettings): ExtraRound {
  if (pr.settings.onlyColdStarts)
    return {
      pairings: [],
      settled: false,
      reason: 'cold-start runs are not sampled further (each invocation needs a version of its own)',
    };
  const verdict = compareRuns(pr, base, gate, 0);
  const open: OpenPoint[] = [];
  for (const row of verdict.comparisons) {
    // Memory headroom rows are a peak against a limit, not a change to settle with more environments.
    if (row.kind === 'monthly-cost' || row.kind === 'memory' || row.memoryMb === undefined || row.deltaPct === null)
      continue;
    const metric: RelativeMetric = row.kind;
    const { failPct, warnPct } = relativeLimits(metric, gate);
    const limit = failPct ?? warnPct;
    if (limit === undefined) continue;
    const prMemoryMb = row.memoryMb;
    const baseMemoryMb = row.baseMemoryMb ?? row.memoryMb;
    const prEntry = entryAt(pr, prMemoryMb);
    const baseEntry = entryAt(base, baseMemoryMb);
    if (prEntry?.status !== 'ok' || baseEntry?.status !== 'ok') continue;
    // Cost and duration count warm samples; Init Duration counts cold starts, one per environment.
    const prSamples = metricSamples(pr, prEntry, metric);
    const baseSamples = metricSamples(base, baseEntry, metric);
    const few = Math.min(prSamples.length, baseSamples.length) < gate.minSamples;
    const environments = pairedEnvironments(prSamples, baseSamples);
    // Below the practical floor a comparison is within noise, whatever more samples would say: settled — once
    // confirmed in a second environment, since one fast PR environment could hide a change above the floor.
    if (!few && row.belowFloor && environments >= 2) continue;
    const straddles =
      row.ciLowPct === null || row.ciHighPct === null || (row.ciLowPct <= limit && limit <= row.ciHighPct);
    const above = !straddles && (row.ciLowPct ?? 0) > limit;
    // One environment per function cannot tell the code from the environment, in either direction: a slow one
    // looks like a regression, a fast one hides it. Only an interval over environments settles a comparison, and
    // one above the limit needs the environments a fail needs (looks.ts).
    const unconfirmed = !straddles && environments < (above ? minFailEnvironments(gate.confidence) : 2);
    // Above the limit in this comparison's own interval, but not significant once the verdict's other comparisons
    // and looks are accounted for (compare.ts judgeFamily): more environments decide it.
    const unsettledFamily = above && !unconfirmed && !row.significant;
    if (!few && !straddles && !unconfirmed && !unsettledFamily) continue;
    const why = few
      ? 'under min-samples'
      : unconfirmed
        ? `CI ${formatPct(row.ciLowPct)} to ${formatPct(row.ciHighPct)} ${above ? 'above' : 'below'} the ${limit}% limit in ${environments === 1 ? 'one environment' : `${environments} environments`} per function, to be confirmed in others`
        : unsettledFamily
          ? `CI ${formatPct(row.ciLowPct)} to ${formatPct(row.ciHighPct)} above the ${limit}% limit, not yet significant for the whole verdict`
          : `CI ${formatPct(row.ciLowPct)} to ${formatPct(row.ciHighPct)} contains the ${limit}% limit`;
    const what = `${METRIC_WORDS[metric]} (${why})`;
    const point = open.find((entry) => entry.prMemoryMb === prMemoryMb && entry.baseMemoryMb === baseMemoryMb);
    if (point) point.metrics.push(what);
    else
      open.push({
        prMemoryMb,
        baseMemoryMb,
        metrics: [what],
        invocations: Math.max(prEntry.invocations, baseEntry.invocations),
        environments,
      });
  }
  if (open.length === 0)
    return { pairings: [], settled: true, reason: 'every comparison with the baseline is settled' };
  const roomFor = (point: OpenPoint) => Math.floor((gate.maxInvocations - point.invocations) / BLOCK_INVOCATIONS);
  const room = open.filter((point) => roomFor(point) > 0);
  const where = (point: OpenPoint) => `${placeMemory(point)}: ${point.metrics.join(', ')}`;
  if (room.length === 0) {
    return {
      pairings: [],
      settled: false,
      reason: `gate-max-invocations (${gate.maxInvocations}) reached with ${open.map(where).join('; ')}, so the verdict rests on the samples there are`,
    };
  }
  const pairings = room.map((point) => ({
    memoryBySubject: [point.prMemoryMb, point.baseMemoryMb],
    // Doubling: few looks, each on at least twice the environments of the last (two more to start with: an
    // interval over blocks needs two, and is very wide on two).
    environments: Math.min(Math.max(point.environments, 2), roomFor(point)),
  }));
  const plan = room.map(
    (point, index) =>
      `${where(point)} → ${pairings[index]?.environments} more environments of ${BLOCK_INVOCATIONS} invocations per function`,
  );
  return { pairings, settled: false, reason: plan.join('; ') };
}

/** Environment blocks with measured samples on both sides (the planned invocations are block 0). */
function pairedEnvironments(prSamples: readonly Sample[], baseSamples: readonly Sample[]): number {
  const base = new Set(baseSamples.map((sample) => sample.environment ?? 0));
  return new Set(prSamples.map((sample) => sample.environment ?? 0).filter((block) => base.has(block))).size;
}

const METRIC_WORDS: Record<RelativeMetric, string> = { cost: 'cost', duration: 'duration', init: 'Init Duration' };

/** One sentence for the report: what the gate's extra sampling spent and why it stopped. */
export function describeGateSampling(summary: RunResult['gateSampling']): string | null {
  if (!summary) return null;
  if (summary.rounds === 0) {
    return summary.settled
      ? 'The planned invocations settled every comparison with the baseline; no extra invocations were needed.'
      : `No extra invocations to settle the comparisons with the baseline: ${summary.reason}.`;
  }
  const spent = summary.added
    .map(
      (entry) =>
        `${entry.environments} more execution environment${entry.environments === 1 ? '' : 's'} at ${entry.memoryMb} MB (${entry.invocations} invocations)`,
    )
    .join(', ');
  const rounds = `${summary.rounds} round${summary.rounds === 1 ? '' : 's'}`;
  const lead = `To settle the comparisons with the baseline, each function was measured in ${spent}, a fresh version each, taking turns with the other function, in ${rounds}`;
  return summary.settled ? `${lead}, until every comparison was settled.` : `${lead}; then ${summary.reason}.`;
}
