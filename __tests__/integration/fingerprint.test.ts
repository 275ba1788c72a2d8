// The engine records what an unchanged check compares (issue 15): a run's `function` carries the handler, the
// layers and a SHA-256 of the environment variables — never their values — so a later run can tell a function
// equal to the one this run measured. Against the emulator over HTTP with the real @aws-sdk/client-lambda.

import {
  GetFunctionConfigurationCommand,
  LambdaClient,
  UpdateFunctionConfigurationCommand,
} from '@aws-sdk/client-lambda';
import { startEmulator, type Emulator } from '../../emulator/lambda/server.js';
import { checkUnchanged, fingerprintFromConfiguration, fingerprintFromResult } from '../../src/app/unchanged.js';
import { silentLogger } from '../../src/lib/ports.js';
import { runResultSchema } from '../../src/results/schema.js';
import { environmentSha256 } from '../../src/tuning/function-config.js';
import { tune } from '../../src/tuning/tuner.js';
import { tuningSettings } from '../helpers/settings.js';

const SECRET_NAME = 'PAYMENT_API_KEY';
const SECRET_VALUE = 'sk_live_do_not_leak_7f3a9c';

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

it('records handler, layers and the environment hash, no environment value, and a later check finds it unchanged', async () => {
  await emulator.createFunction({
    name: 'fingerprinted',
    sample: 'noop',
    memoryMb: 256,
    environment: { [SECRET_NAME]: SECRET_VALUE, TABLE: 'orders' },
  });
  const settings = tuningSettings({
    functionName: 'fingerprinted',
    region: emulator.region,
    endpoint: emulator.endpoint,
    powerValuesMb: [128, 256],
    invocationsPerValue: 2,
    discardTopBottom: 0,
    timeoutMinutes: 5,
  });
  const result = await tune(settings, { client, logger: silentLogger, waiterMinDelaySec: 0.05 });

  expect(result.function).toEqual(
    expect.objectContaining({
      handler: 'index.handler',
      layers: [],
      environmentSha256: environmentSha256({ [SECRET_NAME]: SECRET_VALUE, TABLE: 'orders' }),
    }),
  );
  // What results.json holds (the artifact and the data branch publish it): no value, and it validates.
  const written = JSON.stringify(result);
  expect(written).not.toContain(SECRET_VALUE);
  expect(runResultSchema.parse(JSON.parse(written)).function.environmentSha256).toMatch(/^[0-9a-f]{64}$/);

  // The function as it is now (restored by the run) equals what the run measured.
  const now = await client.send(new GetFunctionConfigurationCommand({ FunctionName: 'fingerprinted' }));
  expect(checkUnchanged(fingerprintFromConfiguration(now), fingerprintFromResult(result))).toEqual({
    unchanged: true,
  });

  // A changed value is told apart, by its hash.
  await client.send(
    new UpdateFunctionConfigurationCommand({
      FunctionName: 'fingerprinted',
      Environment: { Variables: { [SECRET_NAME]: `${SECRET_VALUE}-rotated`, TABLE: 'orders' } },
    }),
  );
  const changed = await client.send(new GetFunctionConfigurationCommand({ FunctionName: 'fingerprinted' }));
  expect(checkUnchanged(fingerprintFromConfiguration(changed), fingerprintFromResult(result))).toEqual({
    unchanged: false,
    differences: ['environment variables'],
  });
});
