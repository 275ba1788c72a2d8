// Lambda's account-wide control-plane quota, as Lambda enforces it.
//
// Lambda quotas page (https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html#api-requests):
// control-plane API requests are limited to "15 requests per second across all APIs (not 15 requests per second
// per API). Cannot be increased"; GetFunction and GetPolicy have their own 100 per second; invocations are metered
// apart (concurrency, not this quota). Over it, Lambda answers 429 TooManyRequestsException (botocore's model:
// `Type`, `message`, `Reason` from ThrottleReason, and `retryAfterSeconds` in the Retry-After header), Reason
// CallerRateLimitExceeded. Modelled as token buckets that hold one second's worth and refill continuously, so
// the 16th request in the same instant is refused and a steady 15 per second is not.

import type { OperationName } from './faults.js';

export interface ControlPlaneQuotaOptions {
  /** Every control-plane operation but GetFunction (and GetPolicy, which the emulator does not serve). Default 15. */
  requestsPerSecond?: number;
  /** GetFunction's own quota. Default 100. */
  getFunctionPerSecond?: number;
  /**
   * Milliseconds for the buckets; default Date.now. Apart from the emulator's `clock` (which tests stop to step
   * through InProgress windows): a stopped clock would never refill the buckets.
   */
  now?: () => number;
}

export const LAMBDA_CONTROL_PLANE_PER_SECOND = 15;
export const LAMBDA_GET_FUNCTION_PER_SECOND = 100;

class TokenBucket {
  private tokens: number;
  private updatedMs: number;

  constructor(
    private readonly perSecond: number,
    private readonly now: () => number,
  ) {
    this.tokens = perSecond;
    this.updatedMs = now();
  }

  /** Takes a token; when none is there, how many seconds until one is (Retry-After, rounded up). */
  take(): { ok: true } | { ok: false; retryAfterSeconds: number } {
    const nowMs = this.now();
    this.tokens = Math.min(this.perSecond, this.tokens + ((nowMs - this.updatedMs) / 1000) * this.perSecond);
    this.updatedMs = nowMs;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - this.tokens) / this.perSecond)) };
  }
}

export class ControlPlaneQuota {
  private readonly general: TokenBucket;
  private readonly getFunction: TokenBucket;

  constructor(options: ControlPlaneQuotaOptions = {}, now: () => number = options.now ?? Date.now) {
    this.general = new TokenBucket(options.requestsPerSecond ?? LAMBDA_CONTROL_PLANE_PER_SECOND, now);
    this.getFunction = new TokenBucket(options.getFunctionPerSecond ?? LAMBDA_GET_FUNCTION_PER_SECOND, now);
  }

  /** Undefined when the request may go; otherwise the Retry-After to answer with. */
  admit(operation: OperationName): { retryAfterSeconds: number } | undefined {
    if (operation === 'Invoke') return undefined;
    const verdict = (operation === 'GetFunction' ? this.getFunction : this.general).take();
    return verdict.ok ? undefined : { retryAfterSeconds: verdict.retryAfterSeconds };
  }
}

/**
 * The highest number of control-plane requests in any one-second window, from their arrival times (ms, sorted):
 * what a recording of requests per second shows at its peak.
 */
export function peakPerSecond(arrivalsMs: readonly number[]): number {
  let peak = 0;
  let start = 0;
  for (let end = 0; end < arrivalsMs.length; end++) {
    while ((arrivalsMs[end] ?? 0) - (arrivalsMs[start] ?? 0) >= 1000) start++;
    peak = Math.max(peak, end - start + 1);
  }
  return peak;
}
