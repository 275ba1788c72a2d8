// The run's control-plane pace (limiter.ts) and retries that stop on abort (retry.ts), on an injected clock and
// sleep: no real time passes.

import { jest } from '@jest/globals';
import { RateLimiter } from '../../src/tuning/limiter.js';
import type { Sleep } from '../../src/lib/ports.js';
import { withRetry } from '../../src/lib/retry.js';

/** A manual clock whose sleep advances it: every wait is recorded and takes no real time. */
function manualTime() {
  let nowMs = 0;
  const waits: number[] = [];
  const sleep: Sleep = async (ms, signal) => {
    if (signal?.aborted) throw signal.reason;
    waits.push(ms);
    nowMs += ms;
  };
  return { now: () => nowMs, sleep, waits, advance: (ms: number) => (nowMs += ms) };
}

describe('RateLimiter', () => {
  it('lets a burst of 5 through at once, then 10 per second: never more than 15 in any second', async () => {
    const time = manualTime();
    const limiter = new RateLimiter({ ratePerSecond: 10, burst: 5, now: time.now, sleep: time.sleep });
    const grantedAtMs: number[] = [];
    await Promise.all(Array.from({ length: 40 }, () => limiter.take().then(() => grantedAtMs.push(time.now()))));
    expect(grantedAtMs.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
    // Then one every 100 ms.
    expect(grantedAtMs.slice(5, 8)).toEqual([100, 200, 300]);
    for (const [index, startMs] of grantedAtMs.entries()) {
      const inWindow = grantedAtMs.slice(index).filter((ms) => ms < startMs + 1000).length;
      expect(inWindow).toBeLessThanOrEqual(15);
    }
    expect(limiter.granted).toBe(40);
  });

  it('refills while idle, up to the burst only', async () => {
    const time = manualTime();
    const limiter = new RateLimiter({ ratePerSecond: 10, burst: 5, now: time.now, sleep: time.sleep });
    for (let i = 0; i < 5; i++) await limiter.take();
    time.advance(60_000);
    for (let i = 0; i < 5; i++) await limiter.take();
    expect(time.waits).toEqual([]);
    await limiter.take();
    expect(time.waits).toEqual([100]);
  });

  it('rejects a waiting caller as soon as its signal aborts, and the next caller still gets its turn', async () => {
    const pending: { resolve: () => void; reject: (reason: unknown) => void }[] = [];
    let nowMs = 0;
    const sleep: Sleep = (_ms, signal) =>
      new Promise<void>((resolve, reject) => {
        signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
        pending.push({ resolve, reject });
      });
    const limiter = new RateLimiter({ ratePerSecond: 10, burst: 1, now: () => nowMs, sleep });
    await limiter.take();
    const controller = new AbortController();
    const cancelled = limiter.take(controller.signal);
    const next = limiter.take();
    await Promise.resolve();
    controller.abort(new Error('SIGINT received'));
    await expect(cancelled).rejects.toThrow('SIGINT received');
    nowMs += 100;
    for (const entry of pending.splice(0)) entry.resolve();
    await expect(next).resolves.toBeUndefined();
  });

  it('starts nothing for an already aborted signal', async () => {
    const time = manualTime();
    const limiter = new RateLimiter({ ratePerSecond: 10, burst: 5, now: time.now, sleep: time.sleep });
    const controller = new AbortController();
    controller.abort(new Error('cancelled'));
    const call = jest.fn(async () => 'sent');
    await expect(limiter.schedule(call, controller.signal)).rejects.toThrow('cancelled');
    expect(call).not.toHaveBeenCalled();
  });
});

describe('withRetry and the abort signal', () => {
  it('ends the backoff at the abort and starts no new attempt', async () => {
    const controller = new AbortController();
    const attempts = jest.fn(async () => {
      throw Object.assign(new Error('Rate exceeded'), { name: 'TooManyRequestsException' });
    });
    // The signal aborts during the first backoff; a sleep that ignored it would let attempt 2 start.
    const sleep: Sleep = async (_ms, signal) => {
      controller.abort(new Error('SIGINT received'));
      if (signal?.aborted) throw signal.reason;
    };
    await expect(
      withRetry(attempts, {
        attempts: 8,
        baseDelayMs: 500,
        maxDelayMs: 10_000,
        sleep,
        signal: controller.signal,
        shouldRetry: () => true,
      }),
    ).rejects.toThrow('SIGINT received');
    expect(attempts).toHaveBeenCalledTimes(1);
  });

  it('starts no attempt once the signal has aborted, even when the sleep does not listen', async () => {
    const controller = new AbortController();
    const attempts = jest.fn(async () => {
      throw Object.assign(new Error('Rate exceeded'), { name: 'TooManyRequestsException' });
    });
    const deafSleep: Sleep = async () => {
      controller.abort(new Error('SIGINT received'));
    };
    await expect(
      withRetry(attempts, {
        attempts: 8,
        baseDelayMs: 1,
        maxDelayMs: 1,
        sleep: deafSleep,
        signal: controller.signal,
        shouldRetry: () => true,
      }),
    ).rejects.toThrow('SIGINT received');
    expect(attempts).toHaveBeenCalledTimes(1);
  });
});
