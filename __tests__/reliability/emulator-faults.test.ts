// The fault kinds the reliability suite added to the emulator: `after` (aim at one step of a sequence),
// `conflict` (409 storms) and `dropResponse` (the request happens, the answer is lost).

import {
  GetFunctionConfigurationCommand,
  PublishVersionCommand,
  UpdateFunctionConfigurationCommand,
} from '@aws-sdk/client-lambda';
import { startHarness, type Harness } from './harness.js';

let harness: Harness;

beforeAll(async () => {
  // These tests send requests back to back with no retries to see each injected fault; Lambda's control-plane quota
  // (on by default, tested in cleanup.test.ts and emulator/quota.test.ts) would add throttles of its own.
  harness = await startHarness({ updateDelayMs: 0, controlPlaneQuota: false });
  await harness.emulator.createFunction({ name: 'fx', sample: 'noop', memoryMb: 256, description: 'd' });
});

afterAll(async () => {
  await harness.close();
});

const outcome = (promise: Promise<unknown>) =>
  promise.then(
    () => 'ok',
    (error: Error) => error.name,
  );
const get = () => harness.engineClient.send(new GetFunctionConfigurationCommand({ FunctionName: 'fx' }));

describe('emulator faults added for the reliability suite', () => {
  it('lets `after` matching requests through, then applies the rule', async () => {
    harness.emulator.setFaults('fx', { serverError: { operations: ['GetFunctionConfiguration'], after: 2, next: 2 } });
    const seen = [];
    for (let i = 0; i < 5; i++) seen.push(await outcome(get()));
    expect(seen).toEqual(['ok', 'ok', 'ServiceException', 'ServiceException', 'ok']);
    expect(harness.faultsFired('fx').map((fault) => fault.kind)).toEqual(['serverError', 'serverError']);
  });

  it('counts only matching operations toward `after`', async () => {
    harness.emulator.setFaults('fx', { throttle: { operations: ['PublishVersion'], after: 1, next: 1 } });
    expect(await outcome(get())).toBe('ok');
    expect(await outcome(harness.engineClient.send(new PublishVersionCommand({ FunctionName: 'fx' })))).toBe('ok');
    expect(await outcome(harness.engineClient.send(new PublishVersionCommand({ FunctionName: 'fx' })))).toBe(
      'TooManyRequestsException',
    );
  });

  it('answers 409 ResourceConflictException storms without touching the function', async () => {
    harness.emulator.setFaults('fx', { conflict: { operations: ['UpdateFunctionConfiguration'], next: 3 } });
    const update = () =>
      harness.engineClient.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'fx', MemorySize: 1024 }));
    const error = await update().catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'ResourceConflictException', $metadata: { httpStatusCode: 409 } });
    expect((error as Error).message).toMatch(/An update is in progress/);
    expect(await outcome(update())).toBe('ResourceConflictException');
    expect(await outcome(update())).toBe('ResourceConflictException');
    expect((await get()).MemorySize).toBe(256);
    expect(await outcome(update())).toBe('ok');
    expect((await get()).MemorySize).toBe(1024);
  });

  it('carries out a request whose answer it then drops', async () => {
    harness.emulator.setFaults('fx', { dropResponse: { operations: ['UpdateFunctionConfiguration'], next: 1 } });
    const lost = await harness.engineClient
      .send(new UpdateFunctionConfigurationCommand({ FunctionName: 'fx', MemorySize: 640 }))
      .catch((caught: unknown) => caught);
    // The caller sees a reset connection, exactly as for a request that never arrived (under jest's VM realm the
    // SDK wraps the error, so read its text) ...
    expect(String(lost)).toMatch(/socket hang up/);
    // ... but this one took effect.
    expect((await get()).MemorySize).toBe(640);
    expect(harness.faultsFired('fx').at(-1)).toEqual({
      operation: 'UpdateFunctionConfiguration',
      functionName: 'fx',
      kind: 'dropResponse',
    });
  });
});
