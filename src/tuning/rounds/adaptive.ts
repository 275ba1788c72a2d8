// Adaptive sampling's rounds (sampling: adaptive): a first pass of a few invocations per memory size, then more
// where planNextRound (../adaptive.ts, the math) finds the recommendation still open, until it is settled or the
// cap is reached. Functions tuned together get the same rounds, their invocations taking turns, so the gate's
// pairs stay paired.

import type { PowerValueResult, SamplingSummary, TuningSettings } from '../../types.js';
import { capitalise } from '../../lib/format.js';
import { adaptivePolicy, describeSampling, interleavePayloads, planNextRound } from '../adaptive.js';
import { invokePowerValue, morePayloads } from '../invoke.js';
import { throwIfAborted, type PowerValuePlan, type RunState, type SubjectState } from '../run-state.js';
import { summarisePowerValue } from '../summary.js';
import { Turnstile } from '../turnstile.js';
import type { SamplingRounds } from './rounds.js';

export function adaptiveRounds(): SamplingRounds {
  return {
    firstPass: firstRound,
    run: async (run) => {
      const sampling = await sampleUntilSettled(run);
      return run.states.map(() => ({ sampling }));
    },
  };
}

/** Adaptive sampling's first round: the start of the plan, payloads interleaved so every prefix has its share. */
export function firstRound(plan: PowerValuePlan, settings: TuningSettings): PowerValuePlan {
  if (settings.sampling !== 'adaptive') return plan;
  const { initialInvocations } = adaptivePolicy(settings.invocationsPerValue, settings.samplingConfidence);
  return {
    memoryMb: plan.memoryMb,
    payloadIndexes: interleavePayloads(plan.payloadIndexes).slice(0, initialInvocations),
  };
}

/**
 * The rounds after the first: planNextRound decides from the primary function's results which memory sizes get
 * more invocations. Updates run.measured in place.
 */
async function sampleUntilSettled(run: RunState): Promise<SamplingSummary> {
  const { states, measured, signal } = run;
  const primary = states[0] as SubjectState;
  const settings = primary.settings;
  const policy = adaptivePolicy(settings.invocationsPerValue, settings.samplingConfidence);
  const roundsOf = new Map<number, number>(settings.powerValuesMb.map((memoryMb) => [memoryMb, 1]));
  for (let round = 1; ; round++) {
    throwIfAborted(signal);
    const next = planNextRound(measured[0] ?? [], settings, primary.prices, policy);
    if (next.stopReason !== undefined) {
      for (const list of measured) {
        for (const entry of list)
          entry.sampling = { rounds: roundsOf.get(entry.memoryMb) ?? 1, open: next.openMb.includes(entry.memoryMb) };
      }
      const summary: SamplingSummary = {
        mode: 'adaptive',
        confidence: policy.confidence,
        rounds: round,
        stopReason: next.stopReason,
        reason: next.explanation,
        invocations: (measured[0] ?? []).reduce((sum, entry) => sum + entry.invocations, 0),
        maxInvocations: policy.maxInvocations * settings.powerValuesMb.length,
        maxInvocationsPerValue: policy.maxInvocations,
      };
      primary.logger.info(`${describeSampling(summary)} ${capitalise(next.explanation)}.`);
      return summary;
    }
    primary.logger.info(`Adaptive sampling, round ${round + 1}: ${next.explanation}`);
    await Promise.all(
      [...next.additions].map(async ([memoryMb, count]) => {
        roundsOf.set(memoryMb, (roundsOf.get(memoryMb) ?? 1) + 1);
        await extendTogether(run, memoryMb, count);
      }),
    );
  }
}

/**
 * `count` more invocations of each function at `memoryMb`, continuing each plan's payload order and taking turns as
 * in the first round, so the gate's pairs stay paired. Functions whose entry there failed are left out. Updates
 * run.measured in place.
 */
async function extendTogether(run: RunState, memoryMb: number, count: number): Promise<void> {
  const parties = run.states
    .map((state, index) => {
      const list = run.measured[index] ?? [];
      return { state, list, at: list.findIndex((entry) => entry.memoryMb === memoryMb && entry.status === 'ok') };
    })
    .filter((party) => party.at >= 0);
  const turnstile = parties.length > 1 ? new Turnstile(parties.length) : undefined;
  await Promise.all(
    parties.map(async ({ state, list, at }, party) => {
      const entry = list[at] as PowerValueResult;
      const versions = state.prepared.filter((version) => version.memoryMb === memoryMb);
      const more = await invokePowerValue(state, morePayloads(state, memoryMb, entry.invocations, count), versions, {
        limit: run.limit,
        sleep: run.sleep,
        signal: run.signal,
        pacer: turnstile?.pacer(party),
      });
      list[at] = summarisePowerValue(
        memoryMb,
        [...entry.samples, ...more.samples],
        state.settings,
        state.prices,
        more.status === 'failed' ? more.failureReason : undefined,
      );
    }),
  );
}
