// The live gate's environment blocks: rounds of fresh versions of each function where the gate's comparison is still
// open. The gate decides (gate/sequential.ts, through ExtraSampling.next); this only runs the blocks it asks for.
//
// A block is a fresh version of each function at the pairing's memory size — Lambda keeps execution environments per
// version, so each block runs in environments of its own — invoked `blockInvocations` times, the functions taking
// turns, one invocation in flight per function so the block stays in one environment. Samples are tagged with their
// block (Sample.environment), which is what the gate's interval counts. A round that adds nothing (every party failed
// there, or no version could be prepared) ends it, so a policy that keeps asking cannot loop.

import pLimit from 'p-limit';
import type { GateSamplingSummary, PowerValueResult, RunResult } from '../../types.js';
import { messageOf } from '../../lib/errors.js';
import { invokePowerValue, morePayloads } from '../invoke.js';
import { throwIfAborted, type RunState, type SubjectState } from '../run-state.js';
import { resultsOf, summarisePowerValue } from '../summary.js';
import type { PreparedVersion } from '../target.js';
import { Turnstile } from '../turnstile.js';
import type { SamplingRounds } from './rounds.js';

/**
 * More invocations after the plan, decided from the results so far: the live gate's sequential sampling
 * (gate/sequential.ts). The tuner stays ignorant of the gate; it only runs the rounds this asks for.
 */
export interface ExtraSampling {
  /**
   * Given one interim result per function, the next round: pairings of memory sizes (one per function, in
   * subject order) and how many more environment blocks each function gets there. No pairings: done, and why.
   */
  next(results: RunResult[]): ExtraRound;
  maxInvocations: number;
  /** Invocations per environment block (the first of them a cold start). */
  blockInvocations: number;
}

export interface ExtraRound {
  /** `environments`: new blocks per function, each a fresh version of that memory size invoked blockInvocations times. */
  pairings: { memoryBySubject: number[]; environments: number }[];
  /** The round's reason, or why no more is needed (settled) or possible (budget). */
  reason: string;
  settled: boolean;
  /**
   * What the policy fixed at its first look and the results must record (GateSamplingSummary.pinned): the live
   * gate's comparison points, so a recommendation that moves later opens no new ones.
   */
  pinned?: GateSamplingSummary['pinned'];
}

/** Environment blocks running at once during the gate's extra rounds (each one invocation in flight per function). */
export const GATE_BLOCKS_IN_FLIGHT = 2;

/** Invocation overhead beyond the billed duration (network, the turn-taking), for time estimates. */
const INVOCATION_OVERHEAD_MS = 25;

/** Preparing a version per function (update, wait, publish, alias) and its cold start, for time estimates. */
const BLOCK_OVERHEAD_MS = 2_000;

/** Share of timeout-minutes the blocks may run into. */
const BLOCKS_SHARE_OF_TIMEOUT = 0.75;

/** The rounds `extra` asks for, as a plug-in of the tuner. */
export function environmentBlocks(extra: ExtraSampling): SamplingRounds {
  return {
    run: async (run) => {
      // Extra rounds must leave a quarter of timeout-minutes for clean-up and the report: a gate that times out
      // reports nothing, which is worse than a verdict on fewer samples.
      const deadlineMs = Date.parse(run.startedAt) + run.settings.timeoutMinutes * 60_000 * BLOCKS_SHARE_OF_TIMEOUT;
      const summaries = await sampleForGate(run, extra, () => deadlineMs - run.clock.now().getTime());
      return summaries.map((gateSampling) => ({ gateSampling }));
    },
  };
}

/** Rounds of extra environment blocks while `extra` asks for them. Updates run.measured in place; one summary per function. */
async function sampleForGate(
  run: RunState,
  extra: ExtraSampling,
  timeLeftMs: () => number,
): Promise<GateSamplingSummary[]> {
  const { states, measured, signal } = run;
  const primary = states[0] as SubjectState;
  const added = states.map(() => new Map<number, { invocations: number; environments: number }>());
  // Blocks are independent environments, so several may run at once without mixing their samples.
  const blockLimit = pLimit(Math.max(1, Math.min(GATE_BLOCKS_IN_FLIGHT, primary.settings.concurrency)));
  let rounds = 0;
  let last: ExtraRound;
  let pinned: GateSamplingSummary['pinned'];
  for (;;) {
    throwIfAborted(signal);
    last = extra.next(resultsOf(run));
    pinned ??= last.pinned;
    if (last.pairings.length === 0) break;
    const fitted = fitInTime(last, measured, extra.blockInvocations, timeLeftMs());
    if (fitted.pairings.length === 0) {
      last = {
        pairings: [],
        settled: false,
        reason: 'no time was left for more within three quarters of timeout-minutes',
      };
      break;
    }
    last = fitted;
    rounds++;
    primary.logger.info(`Gate sampling, round ${rounds}: ${last.reason}`);
    const blocks = await prepareBlocks(states, measured, last.pairings, signal);
    // $LATEST goes back before the invocations, as after the planned versions.
    await Promise.all(states.map((state) => state.target.restore(state.snapshot, signal)));
    let any = false;
    await Promise.all(
      blocks.map((block) =>
        blockLimit(async () => {
          const counts = await invokeBlock(run, block, extra.blockInvocations);
          for (const [index, count] of counts.entries()) {
            if (count === 0) continue;
            any = true;
            const memoryMb = block.memoryBySubject[index] ?? 0;
            const map = added[index] as Map<number, { invocations: number; environments: number }>;
            const sum = map.get(memoryMb) ?? { invocations: 0, environments: 0 };
            map.set(memoryMb, { invocations: sum.invocations + count, environments: sum.environments + 1 });
          }
        }),
      ),
    );
    if (!any) {
      last = { pairings: [], settled: false, reason: 'the memory sizes still open could not be invoked again' };
      break;
    }
  }
  if (rounds > 0)
    primary.logger.info(`Gate sampling stopped after ${rounds} round${rounds === 1 ? '' : 's'}: ${last.reason}.`);
  return added.map((map) => ({
    rounds,
    added: [...map].sort(([a], [b]) => a - b).map(([memoryMb, sum]) => ({ memoryMb, ...sum })),
    maxInvocations: extra.maxInvocations,
    settled: last.settled,
    reason: last.reason,
    ...(pinned ? { pinned } : {}),
  }));
}

/** One environment block: a fresh version per function (null where that function has nothing to add). */
export interface EnvironmentBlock {
  memoryBySubject: readonly number[];
  environment: number;
  versions: (PreparedVersion | null)[];
}

/**
 * The round's versions, prepared one function at a time per block ($LATEST is each function's own, so the
 * functions go in parallel). A function whose entry there failed gets none; one with no entry there yet (a live
 * baseline planned only at its configured memory) gets its first; a version that cannot be prepared leaves that
 * block without it (the block is then unpaired and the gate leaves it out).
 */
export async function prepareBlocks(
  states: SubjectState[],
  measured: PowerValueResult[][],
  pairings: ExtraRound['pairings'],
  signal: AbortSignal | undefined,
): Promise<EnvironmentBlock[]> {
  const blocks: EnvironmentBlock[] = [];
  for (const pairing of pairings) {
    const first = nextEnvironment(measured, pairing.memoryBySubject);
    for (let i = 0; i < pairing.environments; i++) {
      blocks.push({
        memoryBySubject: pairing.memoryBySubject,
        environment: first + i,
        versions: states.map(() => null),
      });
    }
  }
  await Promise.all(
    states.map(async (state, index) => {
      for (const block of blocks) {
        throwIfAborted(signal);
        const memoryMb = block.memoryBySubject[index] ?? 0;
        const entry = (measured[index] ?? []).find((candidate) => candidate.memoryMb === memoryMb);
        if (entry && entry.status !== 'ok') continue;
        try {
          const version = await state.target.prepareVersion(
            state.snapshot,
            memoryMb,
            { environment: block.environment },
            signal,
          );
          state.prepared.push(version);
          block.versions[index] = version;
        } catch (error) {
          throwIfAborted(signal);
          state.logger.warning(`An extra environment at ${memoryMb} MB could not be prepared: ${messageOf(error)}`);
        }
      }
    }),
  );
  return blocks;
}

/** The next free block number at these memory sizes (one per function): one past the highest any function has used. */
export function nextEnvironment(measured: readonly PowerValueResult[][], memoryBySubject: readonly number[]): number {
  let highest = 0;
  for (const [index, memoryMb] of memoryBySubject.entries()) {
    const entry = (measured[index] ?? []).find((candidate) => candidate.memoryMb === memoryMb);
    for (const sample of entry?.samples ?? []) highest = Math.max(highest, sample.environment ?? 0);
  }
  return highest + 1;
}

/**
 * One block: `count` invocations of each function's block version, taking turns, continuing each plan's payload
 * order (cycling past its end, so weights hold). Updates run.measured in place; returns how many invocations each
 * function got.
 */
export async function invokeBlock(run: RunState, block: EnvironmentBlock, count: number): Promise<number[]> {
  const { states, measured } = run;
  const added = states.map(() => 0);
  const parties = states
    .map((state, index) => ({
      state,
      index,
      memoryMb: block.memoryBySubject[index] ?? 0,
      version: block.versions[index],
    }))
    .filter(
      (party): party is typeof party & { version: PreparedVersion } =>
        party.version !== null && party.version !== undefined,
    );
  // Odd blocks start with the last function: within a block the first to go has its warm-up at other moments of
  // the window than the second, and the bench saw identical pairs differ by 1–2% in favour of the first.
  const turnstile = parties.length > 1 ? new Turnstile(parties.length, block.environment % 2 === 1) : undefined;
  // One invocation in flight per function: a second concurrent one would start a second environment in the block.
  const serial = pLimit(parties.length || 1);
  await Promise.all(
    parties.map(async ({ state, index, memoryMb, version }, party) => {
      const list = measured[index] ?? [];
      const start = list.find((entry) => entry.memoryMb === memoryMb);
      if (start && start.status !== 'ok') return;
      const more = await invokePowerValue(
        state,
        morePayloads(state, memoryMb, start?.invocations ?? 0, count),
        [version],
        {
          limit: serial,
          sleep: run.sleep,
          signal: run.signal,
          pacer: turnstile?.pacer(party),
          settings: { ...state.settings, parallelInvocation: false },
        },
      );
      const tagged = more.samples.map((sample) => ({ ...sample, environment: block.environment }));
      // Re-read by memory size: blocks running at once each append to the entry as they finish, and a function's
      // first entry at a memory size goes in at its place (ascending).
      const at = list.findIndex((entry) => entry.memoryMb === memoryMb);
      const current = list[at];
      const summary = summarisePowerValue(
        memoryMb,
        [...(current?.samples ?? []), ...tagged],
        state.settings,
        state.prices,
        more.status === 'failed' ? more.failureReason : current?.failureReason,
      );
      if (current) list[at] = summary;
      else {
        list.push(summary);
        list.sort((a, b) => a.memoryMb - b.memoryMb);
      }
      added[index] = tagged.length;
    }),
  );
  return added;
}

/**
 * The round, cut to fit in the time left (turns are serial: each pairing's invocation time is the sum of its
 * functions' mean billed durations). Pairings come in the policy's order — the live gate puts the comparison
 * furthest from settled first — so the time goes to them in that order: each gets what is left, up to what it asked
 * for; pairings left with no environment are dropped.
 */
export function fitInTime(
  round: ExtraRound,
  measured: readonly PowerValueResult[][],
  blockInvocations: number,
  timeLeftMs: number,
): ExtraRound {
  const perBlockMs = round.pairings.map((pairing) => {
    const means = pairing.memoryBySubject.map((memoryMb, index) => {
      const entry = (measured[index] ?? []).find((candidate) => candidate.memoryMb === memoryMb);
      const billed = entry?.samples.map((sample) => sample.billedDurationMs) ?? [];
      return billed.length > 0 ? billed.reduce((total, value) => total + value, 0) / billed.length : undefined;
    });
    // A function not yet measured there (a live baseline's first blocks at the PR's recommendation) is assumed
    // as slow as the slowest that was.
    const known = means.filter((mean): mean is number => mean !== undefined);
    const fallback = known.length > 0 ? Math.max(...known) : 0;
    return (
      BLOCK_OVERHEAD_MS +
      blockInvocations * means.reduce<number>((sum, mean) => sum + (mean ?? fallback) + INVOCATION_OVERHEAD_MS, 0)
    );
  });
  const needMs = round.pairings.reduce(
    (sum, pairing, index) => sum + pairing.environments * (perBlockMs[index] ?? 0),
    0,
  );
  if (needMs <= timeLeftMs) return round;
  let leftMs = Math.max(0, timeLeftMs);
  const pairings = round.pairings
    .map((pairing, index) => {
      const perBlock = perBlockMs[index] ?? 0;
      const environments = perBlock > 0 ? Math.min(pairing.environments, Math.floor(leftMs / perBlock)) : 0;
      leftMs -= environments * perBlock;
      return { ...pairing, environments };
    })
    .filter((pairing) => pairing.environments > 0);
  return { ...round, pairings, reason: `${round.reason} (fewer, to stay within three quarters of timeout-minutes)` };
}
