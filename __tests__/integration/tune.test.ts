// The engine against the emulator over HTTP, with the real @aws-sdk/client-lambda: what a user meets.

import {
  GetFunctionConfigurationCommand,
  LambdaClient,
  ListAliasesCommand,
  ListVersionsByFunctionCommand,
  UpdateFunctionConfigurationCommand,
} from '@aws-sdk/client-lambda';
import { startEmulator, type Emulator } from '../../emulator/lambda/server.js';
import { silentLogger } from '../../src/lib/ports.js';
import { TuningFailedError } from '../../src/tuning/run-state.js';
import { tune } from '../../src/tuning/tuner.js';
import type { TuningSettings } from '../../src/types.js';
import { tuningSettings } from '../helpers/settings.js';

let emulator: Emulator;
let client: LambdaClient;

beforeAll(async () => {
  emulator = await startEmulator({ updateDelayMs: 50 });
  client = new LambdaClient({
    region: emulator.region,
    endpoint: emulator.endpoint,
    credentials: { accessKeyId: 't', secretAccessKey: 't' },
  });
});

afterAll(async () => {
  client.destroy();
  await emulator.close();
});

function settingsFor(functionName: string, overrides: Partial<TuningSettings> = {}): TuningSettings {
  return tuningSettings({
    functionName,
    region: emulator.region,
    endpoint: emulator.endpoint,
    powerValuesMb: [256, 1024],
    invocationsPerValue: 3,
    discardTopBottom: 0,
    timeoutMinutes: 5,
    ...overrides,
  });
}

const deps = { logger: silentLogger, waiterMinDelaySec: 0.05 };

/** Checked through the API, as a user would: $LATEST as found, nothing of ours left. */
async function expectLeftAsFound(functionName: string, memoryMb: number, description: string) {
  const config = await client.send(new GetFunctionConfigurationCommand({ FunctionName: functionName }));
  expect({ memory: config.MemorySize, description: config.Description }).toEqual({ memory: memoryMb, description });
  const aliases = await client.send(new ListAliasesCommand({ FunctionName: functionName }));
  expect(aliases.Aliases ?? []).toEqual([]);
  const versions = await client.send(new ListVersionsByFunctionCommand({ FunctionName: functionName }));
  expect((versions.Versions ?? []).map((version) => version.Version)).toEqual(['$LATEST']);
}

describe('tuning on the emulator', () => {
  it('runs a full tune and leaves the function as found', async () => {
    await emulator.createFunction({ name: 'full', sample: 'noop', memoryMb: 512, description: 'as deployed' });
    const result = await tune(settingsFor('full', { powerValuesMb: [128, 256, 512] }), { client, ...deps });
    expect(result.powerValues.map((entry) => [entry.memoryMb, entry.status, entry.invocations, entry.errors])).toEqual([
      [128, 'ok', 3, 0],
      [256, 'ok', 3, 0],
      [512, 'ok', 3, 0],
    ]);
    for (const entry of result.powerValues) {
      // Exactly one cold start per memory size (a new version is a new environment), then warm ones.
      expect(entry.samples.filter((sample) => sample.coldStart)).toHaveLength(1);
      // Warm statistics leave the tuning-induced cold start out; it has statistics of its own.
      expect(entry.duration?.count).toBe(2);
      expect(entry.coldStart?.count).toBe(1);
      expect(entry.costPerInvocationUsd).toBeGreaterThan(0);
    }
    expect(result.recommendation?.memoryMb).toBeDefined();
    expect(result.function).toEqual(
      expect.objectContaining({ name: 'full', originalMemoryMb: 512, runtime: 'nodejs20.x' }),
    );
    await expectLeftAsFound('full', 512, 'as deployed');
  });

  it('skips the memory sizes that run out of memory and recommends among the rest', async () => {
    // A long timeout: at 256 MB (15% of a vCPU) on a loaded CI runner, reaching the memory limit can take over 3 s,
    // and this test is about running out of memory, not about timing out.
    await emulator.createFunction({
      name: 'hungry',
      sample: 'memory-hungry',
      memoryMb: 1024,
      timeoutSec: 30,
      description: 'd',
    });
    const result = await tune(settingsFor('hungry', { powerValuesMb: [256, 1024], invocationsPerValue: 2 }), {
      client,
      ...deps,
    });
    const [small, large] = result.powerValues;
    expect(small).toEqual(expect.objectContaining({ status: 'failed', errorTypes: { 'Runtime.OutOfMemory': 1 } }));
    expect(large?.status).toBe('ok');
    expect(result.recommendation?.memoryMb).toBe(1024);
    await expectLeftAsFound('hungry', 1024, 'd');
  });

  it('reports a timeout as a failed memory size', async () => {
    // 20 rounds of primes ≤ 1M (~0.2 s of CPU) take over 2 s at 128 MB (7% of a vCPU), well under 1 s at 1769 MB.
    await emulator.createFunction({
      name: 'slow',
      sample: 'primes',
      memoryMb: 1769,
      timeoutSec: 1,
      environment: { PRIMES_N: '20', PRIMES_M: '1000000' },
      description: 'd',
    });
    const result = await tune(settingsFor('slow', { powerValuesMb: [128, 1769], invocationsPerValue: 2 }), {
      client,
      ...deps,
    });
    const [small, large] = result.powerValues;
    expect(small?.status).toBe('failed');
    expect(small?.failureReason).toMatch(/Sandbox\.Timedout.*Task timed out after 1\.00 seconds/);
    expect(large?.status).toBe('ok');
    await expectLeftAsFound('slow', 1769, 'd');
  });

  it('retries through a burst of throttled invocations', async () => {
    await emulator.createFunction({ name: 'throttled', sample: 'noop', memoryMb: 256, description: 'd' });
    emulator.setFaults('throttled', { throttle: { operations: ['Invoke'], next: 4, retryAfterSeconds: 0 } });
    const result = await tune(settingsFor('throttled'), { client, ...deps });
    expect(result.powerValues.every((entry) => entry.status === 'ok' && entry.errors === 0)).toBe(true);
    expect(emulator.stats().requests.Invoke).toBeGreaterThanOrEqual(6 + 4);
    emulator.setFaults('throttled', {});
    await expectLeftAsFound('throttled', 256, 'd');
  });

  it('waits out ResourceConflictException when someone else is updating the function', async () => {
    await emulator.createFunction({ name: 'busy', sample: 'noop', memoryMb: 256, description: 'd' });
    // Another deploy's update is in progress when tuning starts; a slow control plane keeps it so for a while.
    emulator.setFaults('busy', { updateDelayMs: 400 });
    await client.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'busy', Timeout: 10 }));
    const result = await tune(settingsFor('busy'), { client, ...deps });
    expect(result.powerValues.every((entry) => entry.status === 'ok')).toBe(true);
    emulator.setFaults('busy', {});
    const config = await client.send(new GetFunctionConfigurationCommand({ FunctionName: 'busy' }));
    expect(config.Timeout).toBe(10);
    await expectLeftAsFound('busy', 256, 'd');
  });

  it('after a run where everything fails, leaves no alias or version and $LATEST as found', async () => {
    await emulator.createFunction({
      name: 'broken',
      sample: 'memory-hungry',
      memoryMb: 256,
      timeoutSec: 30,
      description: 'd',
    });
    const error = await tune(settingsFor('broken', { powerValuesMb: [128, 256] }), { client, ...deps }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(TuningFailedError);
    expect((error as Error).message).toMatch(/^Every memory size failed: 128 MB failed with Runtime\.OutOfMemory/);
    await expectLeftAsFound('broken', 256, 'd');
  });

  it('parses JSON-format logs, warm invocations included', async () => {
    await emulator.createFunction({
      name: 'json-logs',
      sample: 'noop',
      memoryMb: 256,
      logFormat: 'JSON',
      description: 'd',
    });
    const result = await tune(settingsFor('json-logs', { invocationsPerValue: 4 }), { client, ...deps });
    expect(result.function.logFormat).toBe('JSON');
    expect(
      result.powerValues.every(
        (entry) => entry.status === 'ok' && entry.duration?.count === 3 && entry.coldStart?.count === 1,
      ),
    ).toBe(true);
    await expectLeftAsFound('json-logs', 256, 'd');
  });
});
