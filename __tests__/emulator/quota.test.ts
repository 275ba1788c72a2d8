// The emulator's control-plane quota (Lambda: 15 per second across all control-plane APIs, GetFunction 100 apart,
// invocations not counted) and the slow control plane of fault injection, on a manual clock.

import { FaultInjector } from '../../emulator/lambda/faults.js';
import { ControlPlaneQuota, peakPerSecond } from '../../emulator/lambda/quota.js';

describe('ControlPlaneQuota', () => {
  it('admits 15 control-plane requests in an instant and refuses the 16th, whatever the operations', () => {
    let nowMs = 0;
    const quota = new ControlPlaneQuota({}, () => nowMs);
    const operations = [
      'GetFunctionConfiguration',
      'UpdateFunctionConfiguration',
      'PublishVersion',
      'CreateAlias',
      'DeleteAlias',
    ] as const;
    const verdicts = Array.from({ length: 16 }, (_, index) =>
      quota.admit(operations[index % operations.length] ?? 'GetAlias'),
    );
    expect(verdicts.slice(0, 15)).toEqual(Array.from({ length: 15 }, () => undefined));
    expect(verdicts[15]).toEqual({ retryAfterSeconds: 1 });
    // A token comes back every 1/15 s.
    nowMs += 67;
    expect(quota.admit('DeleteFunction')).toBeUndefined();
    expect(quota.admit('DeleteFunction')).toEqual({ retryAfterSeconds: 1 });
  });

  it('meters GetFunction apart at 100 per second and never counts invocations', () => {
    const quota = new ControlPlaneQuota({}, () => 0);
    for (let i = 0; i < 15; i++) expect(quota.admit('ListAliases')).toBeUndefined();
    expect(quota.admit('ListAliases')).toBeDefined();
    for (let i = 0; i < 100; i++) expect(quota.admit('GetFunction')).toBeUndefined();
    expect(quota.admit('GetFunction')).toBeDefined();
    for (let i = 0; i < 1000; i++) expect(quota.admit('Invoke')).toBeUndefined();
  });

  it('takes other rates when told', () => {
    const quota = new ControlPlaneQuota({ requestsPerSecond: 2 }, () => 0);
    expect([quota.admit('GetAlias'), quota.admit('GetAlias'), quota.admit('GetAlias')]).toEqual([
      undefined,
      undefined,
      { retryAfterSeconds: 1 },
    ]);
  });
});

describe('peakPerSecond', () => {
  it('is the most arrivals in any one-second window', () => {
    expect(peakPerSecond([])).toBe(0);
    expect(peakPerSecond([0, 100, 999, 1000, 1500, 1600, 1700])).toBe(5);
    expect(peakPerSecond([0, 1000, 2000])).toBe(1);
  });
});

describe('a slow control plane', () => {
  it("draws each call's latency from the range, reproducibly for a seed", () => {
    const draw = () => {
      const faults = new FaultInjector();
      faults.set('fn', { controlPlaneLatencyMs: { minMs: 800, maxMs: 1500 }, seed: 5 });
      return Array.from({ length: 50 }, () => faults.controlPlaneLatencyMs('fn'));
    };
    const latencies = draw();
    for (const latencyMs of latencies) {
      expect(latencyMs).toBeGreaterThanOrEqual(800);
      expect(latencyMs).toBeLessThanOrEqual(1500);
    }
    expect(new Set(latencies).size).toBeGreaterThan(10);
    expect(draw()).toEqual(latencies);
  });
});
