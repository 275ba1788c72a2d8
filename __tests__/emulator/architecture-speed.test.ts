// The emulator's per-function architecture speed (issue 17 item 5): a sample declares in its function.json how fast
// arm64 runs it relative to x86_64, and Duration stretches the handler's CPU work by 1 / speed. Expectations worked
// out by hand from scheduler.ts architectureAdjustedMs.
import { describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type InvocationFacts, invocationOutcome } from '../../emulator/lambda/sandbox/index.js';
import { architectureAdjustedMs } from '../../emulator/lambda/sandbox/scheduler.js';
import { GetFunctionConfigurationCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { architectureSpeedOf, startEmulator } from '../../emulator/lambda/server.js';

const FUNCTIONS = fileURLToPath(new URL('../../emulator/functions/', import.meta.url));

describe('architectureAdjustedMs', () => {
  it('leaves a duration alone at speed 1', () => {
    expect(architectureAdjustedMs(100, 100, 80, 1769, 2, 1)).toBe(100);
  });

  it('stretches only the CPU work of a single-threaded handler: 20 ms off CPU + 80 ms on CPU / 0.5', () => {
    // 1769 MB = one vCPU: on-CPU time = cpu = 80 ms, the other 20 ms (I/O) stay.
    expect(architectureAdjustedMs(100, 100, 80, 1769, 2, 0.5)).toBeCloseTo(180, 9);
  });

  it('stretches at every memory size, above one vCPU too (a smaller quota would not slow a single thread there)', () => {
    expect(architectureAdjustedMs(100, 100, 100, 3008, 2, 0.8)).toBeCloseTo(125, 9);
  });

  it('shortens the CPU work of a function arm64 runs faster, never below the time off CPU', () => {
    expect(architectureAdjustedMs(100, 100, 50, 1769, 2, 1.25)).toBeCloseTo(90, 9);
  });

  it('uses the CPU share a quota gives below one vCPU: at 884.5 MB 10 ms of CPU took 20 ms of wall time', () => {
    expect(architectureAdjustedMs(20, 20, 10, 884.5, 2, 0.5)).toBeCloseTo(40, 9);
  });
});

describe('invocationOutcome with a declared architecture speed', () => {
  const facts = (cpuSpeed?: number): InvocationFacts => ({
    requestId: 'req-1',
    spec: { version: '1', memoryMb: 1769, timeoutSec: 3, logFormat: 'Text', ...(cpuSpeed ? { cpuSpeed } : {}) },
    happened: { kind: 'returned', payload: '{}', timings: { wallMs: 50, cpuMs: 40, runQueueWaitMs: 0 } },
    cpu: { mode: 'cgroup', cores: 2 },
    elapsedMs: 52,
    handlerTimeoutMs: 3000,
    peakMemoryBytes: 50 * 1024 * 1024,
    log: { beforeStart: '', output: '' },
    startedAt: new Date('2026-03-01T10:00:00.000Z'),
    endedAt: new Date('2026-03-01T10:00:00.050Z'),
  });

  it('reports and bills the stretched duration: 10 + 40 / 0.6', () => {
    const plain = invocationOutcome(facts()).result;
    const slow = invocationOutcome(facts(0.6)).result;
    expect(plain.durationMs).toBe(50);
    expect(slow.durationMs).toBeCloseTo(10 + 40 / 0.6, 2);
    expect(slow.billedDurationMs).toBe(Math.ceil(slow.durationMs));
    expect(slow.log).toContain(`Duration: ${slow.durationMs.toFixed(2)} ms`);
  });
});

describe('architectureSpeedOf: the sample functions declare a trade-off', () => {
  it('arm64 is cheaper for primes (0.95 × the speed at 0.8 × the price) and dearer for matrix (0.6 × at 0.8 ×)', () => {
    const primes = architectureSpeedOf(join(FUNCTIONS, 'primes'), 'arm64');
    const matrix = architectureSpeedOf(join(FUNCTIONS, 'matrix'), 'arm64');
    expect(primes).toBe(0.95);
    expect(matrix).toBe(0.6);
    // Cost per unit of CPU work on arm64 relative to x86_64: price ratio 0.8 over speed.
    expect(0.8 / primes).toBeLessThan(1);
    expect(0.8 / matrix).toBeGreaterThan(1);
  });

  it('is 1 on x86_64, without a function.json, for a bad one and for a non-positive factor', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lpg-speed-'));
    try {
      expect(architectureSpeedOf(join(FUNCTIONS, 'matrix'), 'x86_64')).toBe(1);
      expect(architectureSpeedOf(dir, 'arm64')).toBe(1);
      const bad = join(dir, 'bad');
      const zero = join(dir, 'zero');
      for (const [sub, text] of [
        [bad, '{ not json'],
        [zero, '{ "architectureSpeed": { "arm64": 0 } }'],
      ] as const) {
        mkdirSync(sub);
        writeFileSync(join(sub, 'function.json'), text);
      }
      expect(architectureSpeedOf(bad, 'arm64')).toBe(1);
      expect(architectureSpeedOf(zero, 'arm64')).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('sample functions with a declared arm64 speed get an arm64 twin', () => {
  it('creates primes-arm64 and matrix-arm64 (Architectures arm64), and no twin for a sample without one', async () => {
    const emulator = await startEmulator({ sampleFunctions: true, updateDelayMs: 50, logger: () => undefined });
    try {
      const lambda = new LambdaClient({
        endpoint: emulator.endpoint,
        region: 'us-east-1',
        credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      });
      for (const name of ['primes-arm64', 'matrix-arm64']) {
        const config = await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: name }));
        expect(config.Architectures).toEqual(['arm64']);
      }
      expect(
        (await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'primes' }))).Architectures,
      ).toEqual(['x86_64']);
      await expect(lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'noop-arm64' }))).rejects.toThrow(
        /not found/i,
      );
      lambda.destroy();
    } finally {
      await emulator.close();
    }
  });
});
