// New accounts have reduced memory quotas (Lambda docs): UpdateFunctionConfiguration above the quota answers 400
// "'MemorySize' value failed to satisfy constraint: Member must have value less than or equal to 3008". The emulator
// enforces an account quota when given one; the engine reports that memory size as failed, says why and how to fix
// it, measures the others, and leaves the function as found.

import { tune } from '../../src/tuning/tuner.js';
import {
  createOriginal,
  fastSleep,
  LEFT_AS_FOUND,
  recordingLogger,
  settingsFor,
  settledStateOf,
  startHarness,
  type Harness,
} from './harness.js';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({ accountMemoryLimitMb: 3008 });
  await createOriginal(harness, 'quota-fn');
});
afterAll(async () => {
  await harness.close();
});

describe('a memory size above the account quota', () => {
  it('is reported as failed with the quota and the fix; the other memory sizes are measured', async () => {
    const logger = recordingLogger();
    const result = await tune(settingsFor(harness, 'quota-fn', { powerValuesMb: [128, 4096] }), {
      client: harness.engineClient,
      logger,
      sleep: fastSleep,
      waiterMinDelaySec: 0.05,
    });
    const [low, high] = result.powerValues;
    expect(low).toMatchObject({ memoryMb: 128, status: 'ok' });
    expect(high).toMatchObject({ memoryMb: 4096, status: 'failed' });
    expect(high?.failureReason).toBe(
      'could not be prepared: Lambda refused 4096 MB (this account allows at most 3008 MB): new accounts have reduced memory quotas; use power-values up to 3008 MB, or ask AWS (Service Quotas or Support) to raise the memory quota',
    );
    expect(logger.lines).toContainEqual(
      expect.stringMatching(/^warning: 4096 MB could not be prepared and is skipped: Lambda refused 4096 MB/),
    );
    expect(result.recommendation?.memoryMb).toBe(128);
    expect(await settledStateOf(harness.checkClient, 'quota-fn')).toMatchObject(LEFT_AS_FOUND);
  });
});
