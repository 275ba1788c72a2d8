// Zero contract violations: the engine's requests, in the kinds of runs the integration suites make, all satisfy the
// official Lambda API model (the emulator checks every request against it: emulator/contracts/lambda.ts). A violation
// here is an engine bug that real Lambda would answer with a ValidationException.

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  GetAliasCommand,
  GetFunctionConfigurationCommand,
  LambdaClient,
  ListAliasesCommand,
  ListVersionsByFunctionCommand,
} from '@aws-sdk/client-lambda';
import { startEmulator, type Emulator } from '../../emulator/lambda/server.js';
import { runFlow, type FlowDeps } from '../../src/flow.js';
import { parseSettings } from '../../src/settings/index.js';
import { silentLogger } from '../../src/lib/ports.js';
import type { Settings } from '../../src/types.js';

let emulator: Emulator;
let client: LambdaClient;
let workspace: string;
const PRIMES = { PRIMES_N: '4', PRIMES_M: '200000' };

beforeAll(async () => {
  emulator = await startEmulator({ updateDelayMs: 50 });
  client = new LambdaClient({
    region: emulator.region,
    endpoint: emulator.endpoint,
    credentials: { accessKeyId: 't', secretAccessKey: 't' },
  });
  workspace = mkdtempSync(join(tmpdir(), 'lpg-contracts-'));
  await emulator.createFunction({
    name: 'orders',
    sample: 'primes',
    memoryMb: 1024,
    description: 'as deployed',
    environment: PRIMES,
  });
  await emulator.createFunction({
    name: 'orders-twin',
    sample: 'primes',
    memoryMb: 1024,
    description: 'twin',
    environment: PRIMES,
  });
  await emulator.createFunction({ name: 'cold', sample: 'noop', memoryMb: 256, description: 'cold starts' });
});

afterAll(async () => {
  client.destroy();
  await emulator.close();
});

let runCount = 0;
function settingsFor(inputs: Record<string, string>): Settings {
  const all: Record<string, string> = {
    endpoint: emulator.endpoint,
    'results-path': join(workspace, `run-${runCount++}`, 'results.json'),
    ...inputs,
  };
  return parseSettings((name) => all[name] ?? '', {
    env: {},
    cwd: workspace,
    readFile: (path) => readFileSync(path, 'utf8'),
  }).settings;
}

const flowDeps = (): FlowDeps => ({ client, logger: silentLogger, waiterMinDelaySec: 0.05 });

async function expectCleanedUp(functionName: string, aliases: string[] = []) {
  expect(
    ((await client.send(new ListAliasesCommand({ FunctionName: functionName }))).Aliases ?? []).map(
      (alias) => alias.Name,
    ),
  ).toEqual(aliases);
  const versions = (
    (await client.send(new ListVersionsByFunctionCommand({ FunctionName: functionName }))).Versions ?? []
  ).map((v) => v.Version);
  expect(versions.filter((version) => version !== '$LATEST').length).toBe(aliases.length);
}

describe('the engine keeps to the Lambda API model', () => {
  it('a live-baseline tuning with environment blocks and auto-optimize to an alias, cleaned up: zero contract violations', async () => {
    // 3 invocations leave the comparison open, so the gate adds environment blocks (fresh versions) on both sides.
    const outcome = await runFlow(
      settingsFor({
        'function-name': 'orders',
        'baseline-function': 'orders-twin',
        'power-values': '512,1024',
        invocations: '3',
        'min-samples': '4',
        'gate-max-invocations': '13',
        'max-cost-increase': '200',
        'max-duration-increase': '200',
        'auto-optimize': 'true',
        'auto-optimize-alias': 'live',
      }),
      flowDeps(),
    );
    expect(outcome.failure).toBeUndefined();
    expect(outcome.result?.gateSampling?.added.length).toBeGreaterThan(0);
    // Auto-optimize kept one version behind the alias; everything else the run made is gone.
    expect((await client.send(new GetAliasCommand({ FunctionName: 'orders', Name: 'live' }))).FunctionVersion).toMatch(
      /^\d+$/,
    );
    await expectCleanedUp('orders', ['live']);
    await expectCleanedUp('orders-twin');
    expect(emulator.contractViolations()).toEqual([]);
  });

  it('cold-start versions and auto-optimize on $LATEST, then a dry run: zero contract violations', async () => {
    const cold = await runFlow(
      settingsFor({
        'function-name': 'cold',
        'power-values': '128,256',
        invocations: '2',
        'only-cold-starts': 'true',
        'auto-optimize': 'true',
      }),
      flowDeps(),
    );
    expect(cold.failure).toBeUndefined();
    expect((await client.send(new GetFunctionConfigurationCommand({ FunctionName: 'cold' }))).MemorySize).toBe(
      cold.result?.recommendation?.memoryMb,
    );
    await expectCleanedUp('cold');
    const dry = await runFlow(
      settingsFor({ 'function-name': 'cold', 'power-values': '128', invocations: '2', 'dry-run': 'true' }),
      flowDeps(),
    );
    expect(dry.failure).toBeUndefined();
    expect(emulator.contractViolations()).toEqual([]);
    // Every operation the engine used is one the emulator serves and the model defines.
    expect(Object.keys(emulator.stats().requests).sort()).toEqual(
      expect.arrayContaining([
        'CreateAlias',
        'DeleteAlias',
        'DeleteFunction',
        'GetFunctionConfiguration',
        'Invoke',
        'PublishVersion',
        'UpdateFunctionConfiguration',
      ]),
    );
  });
});
