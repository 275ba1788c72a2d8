// One pace for a run's Lambda control-plane calls.
//
// AWS Lambda allows 15 control-plane requests per second per account and region, "across all APIs (not 15 requests
// per second per API). Cannot be increased" (Lambda quotas page,
// https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html#api-requests). GetFunction and GetPolicy
// have their own 100 per second, and invocations are not counted. A run of this action shares that quota with the
// user's own deploys (CloudFormation, SAM, Terraform) in the same account, and with the other function of a live
// gate. So one limiter serves every function of a run, both sides of the live gate, its environment blocks and
// clean-up, as a token bucket of 10 requests per second with a burst of 5: in any one second it sends at most
// 5 + 10 = 15 (never over the quota on its own), and in steady state it leaves 5 per second to everyone else.
//
// Why our own and not p-throttle or bottleneck: p-throttle (8.x, well kept) has one AbortSignal for the whole
// throttle, while clean-up must keep calling after the run's signal has aborted, and neither takes an injected
// clock and sleep, which the unit tests need to run without real time passing. The bucket is a dozen lines.

import type { Sleep } from '../lib/ports.js';

export interface RateLimiterOptions {
  /** Tokens added per second. */
  ratePerSecond: number;
  /** Tokens the bucket holds at most (and starts with). */
  burst: number;
  /** Milliseconds, monotonic enough; tests inject it. */
  now: () => number;
  sleep: Sleep;
}

/** The engine's pace for Lambda's account-wide control-plane quota of 15 per second (see above for the why). */
export const CONTROL_PLANE_RATE_PER_SECOND = 10;
export const CONTROL_PLANE_BURST = 5;

export class RateLimiter {
  private tokens: number;
  private updatedMs: number;
  /** Waiters in arrival order: first come, first served, so no caller starves. */
  private queue: Promise<void> = Promise.resolve();
  /** Requests let through so far (for benches and tests). */
  granted = 0;

  constructor(private readonly options: RateLimiterOptions) {
    this.tokens = options.burst;
    this.updatedMs = options.now();
  }

  /**
   * Resolves when one request may go; rejects with the signal's reason as soon as it aborts (a cancelled run
   * starts no new request). A caller that gives up keeps its place from blocking the others.
   */
  take(signal?: AbortSignal): Promise<void> {
    const turn = this.queue.then(() => this.waitForToken(signal));
    // The next caller waits for this one's turn, whether it got its token or gave up.
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  /** Runs `call` once a token is there. */
  async schedule<T>(call: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.take(signal);
    return call();
  }

  private async waitForToken(signal?: AbortSignal): Promise<void> {
    for (;;) {
      if (signal?.aborted) throw abortReason(signal);
      this.refill();
      if (this.tokens >= 1) {
        this.tokens -= 1;
        this.granted++;
        return;
      }
      const waitMs = Math.ceil(((1 - this.tokens) / this.options.ratePerSecond) * 1000);
      await this.options.sleep(Math.max(1, waitMs), signal);
    }
  }

  private refill(): void {
    const nowMs = this.options.now();
    const elapsedMs = Math.max(0, nowMs - this.updatedMs);
    this.tokens = Math.min(this.options.burst, this.tokens + (elapsedMs / 1000) * this.options.ratePerSecond);
    this.updatedMs = nowMs;
  }
}

export function abortReason(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new Error(String(signal.reason ?? 'aborted'));
}

/** The pace a run uses unless told otherwise. */
export function controlPlaneLimiter(sleep: Sleep, now: () => number = Date.now): RateLimiter {
  return new RateLimiter({ ratePerSecond: CONTROL_PLANE_RATE_PER_SECOND, burst: CONTROL_PLANE_BURST, now, sleep });
}
