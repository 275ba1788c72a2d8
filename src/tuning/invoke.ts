// Invoking: one power value's invocations (in parallel, one after the other, or taking turns with the other
// functions through a Pacer) and a single invocation's sample. The first error that is not allowed stops a power
// value, since more invocations would only cost money.

import type { LimitFunction } from 'p-limit';
import type { PowerValueResult, Sample, TuningSettings } from '../types.js';
import { interleavePayloads } from './adaptive.js';
import { splitWeightedPayloads } from './plan.js';
import type { Sleep } from '../lib/ports.js';
import { errorName } from '../lib/retry.js';
import { messageOf } from '../lib/errors.js';
import { inertText } from '../lib/untrusted.js';
import { throwIfAborted, type PowerValuePlan, type SubjectState } from './run-state.js';
import { sampleFromOutcome } from './sample.js';
import { summarisePowerValue } from './summary.js';
import type { InvokeOutcome } from './invoke-alias.js';
import type { LambdaTarget, PreparedVersion } from './target.js';
import type { Pacer } from './turnstile.js';

export interface InvokeOptions {
  /** The bound on invocations in flight. */
  limit: LimitFunction;
  sleep: Sleep;
  signal: AbortSignal | undefined;
  /** Turns with the other functions at this memory size, when there are several. */
  pacer?: Pacer;
  /** The function's settings with changes for this call (an environment block invokes one at a time). */
  settings?: TuningSettings;
}

/**
 * Invokes `plan` on the function's versions (one per invocation when measuring only cold starts, else the first)
 * and summarises what came back.
 */
export async function invokePowerValue(
  state: SubjectState,
  plan: PowerValuePlan,
  versions: PreparedVersion[],
  options: InvokeOptions,
): Promise<PowerValueResult> {
  const { limit, sleep, signal, pacer } = options;
  const settings = options.settings ?? state.settings;
  const { target, snapshot, logger } = state;
  const total = plan.payloadIndexes.length;
  const samples: (Sample | undefined)[] = new Array(total);
  let done = 0;
  let stopReason: string | undefined;
  const allowed = new Set(settings.allowedExceptions);

  const invokeOne = async (index: number): Promise<void> => {
    if (stopReason !== undefined) return;
    throwIfAborted(signal);
    const version = settings.onlyColdStarts ? versions[index] : versions[0];
    const payloadIndex = plan.payloadIndexes[index] ?? 0;
    const payload = settings.payloads[payloadIndex]?.payload ?? '{}';
    const sample = await invokeForSample(
      target,
      snapshot.functionArn,
      version?.alias ?? '',
      payload,
      payloadIndex,
      settings,
      signal,
    );
    samples[index] = sample;
    done++;
    logger.progress(plan.memoryMb, done, total);
    if (sample.errorType !== undefined && !allowed.has(sample.errorType) && stopReason === undefined) {
      // The first error that is not allowed settles it: more invocations would only cost money.
      // The reason is shown everywhere (log, comment, gate reasons): the function's text goes in inert and short.
      stopReason = `failed with ${inertText(sample.errorType, 100)}${sample.errorMessage ? `: ${inertText(sample.errorMessage)}` : ''} (invocation ${index + 1} of ${total})`;
    }
  };

  try {
    if (settings.parallelInvocation && !pacer) {
      await Promise.all(plan.payloadIndexes.map((_, index) => limit(() => invokeOne(index))));
    } else if (settings.parallelInvocation && pacer) {
      // Submissions take turns, so the shared queue holds PR, base, PR, base, … and runs them in that order.
      const running: Promise<void>[] = [];
      for (let index = 0; index < total; index++) {
        await pacer.acquire();
        const invocation = limit(() => invokeOne(index));
        invocation.catch(() => undefined);
        running.push(invocation);
        pacer.release();
      }
      await Promise.all(running);
    } else {
      for (let index = 0; index < total && stopReason === undefined; index++) {
        if (pacer) await pacer.acquire();
        try {
          await limit(() => invokeOne(index));
        } finally {
          pacer?.release();
        }
        if (settings.sleepBetweenRunsMs > 0 && index < total - 1) await sleep(settings.sleepBetweenRunsMs, signal);
      }
    }
  } finally {
    pacer?.leave();
  }
  const collected = samples.filter((sample): sample is Sample => sample !== undefined);
  return summarisePowerValue(plan.memoryMb, collected, settings, state.prices, stopReason);
}

/**
 * `count` more invocations of the function at memoryMb after the `done` it has had there: its plan's payload order,
 * interleaved and continued (cycling past its end, so weights hold).
 */
export function morePayloads(state: SubjectState, memoryMb: number, done: number, count: number): PowerValuePlan {
  // A memory size outside this function's plan (a live baseline planned only at its configured memory) continues
  // the plan's payload order all the same: every plan shares one.
  const planned =
    state.plans.find((plan) => plan.memoryMb === memoryMb)?.payloadIndexes ??
    splitWeightedPayloads(state.settings.payloads, state.settings.invocationsPerValue);
  const order = interleavePayloads(planned.length > 0 ? planned : [0]);
  return { memoryMb, payloadIndexes: Array.from({ length: count }, (_, i) => order[(done + i) % order.length] ?? 0) };
}

/** One invocation → a sample; an invocation Lambda refused (after retries) is a sample with its error. */
export async function invokeForSample(
  target: LambdaTarget,
  functionArn: string,
  alias: string,
  payload: string,
  payloadIndex: number,
  settings: TuningSettings,
  signal: AbortSignal | undefined,
): Promise<Sample> {
  let outcome: InvokeOutcome;
  try {
    outcome = await target.invoke(functionArn, alias, payload, signal);
  } catch (error) {
    throwIfAborted(signal);
    return {
      durationMs: 0,
      billedDurationMs: 0,
      errorType: errorName(error),
      errorMessage: messageOf(error),
      payloadIndex,
      coldStart: false,
    };
  }
  return sampleFromOutcome(outcome, payloadIndex, settings.logPayloads);
}
