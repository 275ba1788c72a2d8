// A whole app in one step (issue 15), end to end through runApp on the emulator (real SDK over HTTP): three
// functions with live twins — one unchanged (skipped: no invocation), one improved, one regressed — give one
// results.json, one report and one failing verdict; a function that cannot be measured does not stop the others;
// a cancel in the middle leaves every function as it found it.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  GetFunctionConfigurationCommand,
  InvokeCommand,
  LambdaClient,
  ListAliasesCommand,
  ListVersionsByFunctionCommand,
} from '@aws-sdk/client-lambda';
import { startEmulator, type Emulator } from '../../emulator/lambda/server.js';
import { runApp, type AppDeps } from '../../src/app/run.js';
import { parseAppSettings } from '../../src/settings/index.js';
import { silentLogger } from '../../src/lib/ports.js';
import type { AppPlan } from '../../src/types.js';
import { readResultsFile } from '../helpers/results-file.js';
import { unpacedLimiter } from '../helpers/settings.js';

let emulator: Emulator;
let client: LambdaClient;
let workspace: string;

// primes: 4 rounds of the sieve up to 200,000 (a few ms of CPU). The regressed PR does 4× the work, the improved
// one a quarter of its twin's: far beyond any noise, so no assertion depends on timing.
const PRIMES = { PRIMES_N: '4', PRIMES_M: '200000' };

beforeAll(async () => {
  emulator = await startEmulator({ updateDelayMs: 50, controlPlaneQuota: false });
  client = new LambdaClient({
    region: emulator.region,
    endpoint: emulator.endpoint,
    credentials: { accessKeyId: 't', secretAccessKey: 't' },
  });
  workspace = mkdtempSync(join(tmpdir(), 'lpg-app-'));
  const deploy = (name: string, environment: Record<string, string>) =>
    emulator.createFunction({
      name,
      sample: 'primes',
      memoryMb: 1024,
      description: `${name} as deployed`,
      environment,
    });
  await deploy('checkout-staging', PRIMES);
  await deploy('checkout-pr', PRIMES);
  await deploy('search-staging', PRIMES);
  await deploy('search-pr', { ...PRIMES, WORK_MULTIPLIER: '4' });
  await deploy('report-staging', { ...PRIMES, PRIMES_N: '16' });
  await deploy('report-pr', PRIMES);
});

afterAll(async () => {
  client.destroy();
  await emulator.close();
});

let runCount = 0;
function planFor(inputs: Record<string, string>): AppPlan {
  const all: Record<string, string> = {
    endpoint: emulator.endpoint,
    'power-values': '512,1024',
    invocations: '6',
    'min-samples': '4',
    // Enough extra environments for the live gate to settle a 4× regression (a fail needs 7 pairs of
    // environments, docs/gate.md), few enough to stay quick.
    'gate-max-invocations': '130',
    'max-cost-increase': '10',
    'max-duration-increase': '10',
    key: 'shop',
    'results-path': join(workspace, `run-${runCount++}`, 'results.json'),
    ...inputs,
  };
  return parseAppSettings((name) => all[name] ?? '', { env: {}, cwd: workspace, readFile: () => '' }).app;
}

function depsFor(signal?: AbortSignal): AppDeps {
  return {
    client,
    logger: silentLogger,
    waiterMinDelaySec: 0.05,
    controlPlaneLimiter: unpacedLimiter(),
    ...(signal ? { signal } : {}),
  };
}

async function configurationOf(name: string) {
  const config = await client.send(new GetFunctionConfigurationCommand({ FunctionName: name }));
  const aliases = await client.send(new ListAliasesCommand({ FunctionName: name }));
  const versions = await client.send(new ListVersionsByFunctionCommand({ FunctionName: name }));
  return {
    memoryMb: config.MemorySize,
    description: config.Description,
    aliases: (aliases.Aliases ?? []).map((alias) => alias.Name),
    versions: (versions.Versions ?? []).map((version) => version.Version),
  };
}

describe('an app in one step', () => {
  it('skips the unchanged function, catches the regressed one, and reports all three in one verdict', async () => {
    const invokesBefore = emulator.stats().requests.Invoke ?? 0;
    const plan = planFor({
      functions: 'checkout-pr=checkout-staging\nsearch-pr=search-staging\nreport-pr=report-staging',
    });
    expect(plan.kind).toBe('app');
    const outcome = await runApp(plan, depsFor());

    const byKey = new Map(outcome.functions.map((fn) => [fn.key, fn]));
    expect(byKey.get('checkout-pr')?.status).toBe('unchanged');
    expect(byKey.get('search-pr')?.verdict?.level).toBe('fail');
    expect(byKey.get('report-pr')?.verdict?.level).toBe('pass');
    expect(byKey.get('report-pr')?.verdict?.costDeltaPct).toBeLessThan(-20);
    expect(outcome.appVerdict?.level).toBe('fail');
    expect(outcome.failure).toMatch(/^Regression gate failed/);

    // The unchanged function cost no invocation: every invocation sent is a sample of the two measured functions or
    // of their twins.
    const samples = ['search-pr', 'report-pr'].flatMap((key) => {
      const fn = byKey.get(key);
      return [fn?.result, fn?.baseline].flatMap((run) => run?.powerValues.flatMap((entry) => entry.samples) ?? []);
    });
    expect(samples.length).toBeGreaterThanOrEqual(4 * 2 * 6);
    expect((emulator.stats().requests.Invoke ?? 0) - invokesBefore).toBe(samples.length);

    const file = readResultsFile(outcome.resultsPath);
    expect(file.key).toBe('shop');
    expect(file.functions.map((entry) => [entry.key, entry.status])).toEqual([
      ['checkout-pr', 'unchanged'],
      ['search-pr', 'measured'],
      ['report-pr', 'measured'],
    ]);
    expect(JSON.parse(outcome.outputs.functions ?? '[]')).toHaveLength(3);
    expect(outcome.outputs.verdict).toBe('fail');
    expect(outcome.markdown).toContain('checkout-pr');
    for (const name of ['checkout-pr', 'search-pr', 'report-pr', 'search-staging', 'report-staging'])
      expect(await configurationOf(name)).toEqual({
        memoryMb: 1024,
        description: `${name} as deployed`,
        aliases: [],
        versions: ['$LATEST'],
      });
  }, 120_000);

  it('measure-unchanged measures the unchanged function too', async () => {
    const outcome = await runApp(
      planFor({ functions: 'checkout-pr=checkout-staging', 'measure-unchanged': 'true' }),
      depsFor(),
    );
    expect(outcome.functions[0]?.status).toBe('measured');
    expect(outcome.functions[0]?.verdict?.level).not.toBe('fail');
  }, 120_000);

  it('a function that cannot be measured is reported, and the others go on', async () => {
    const outcome = await runApp(planFor({ functions: 'report-pr\nno-such-function\nsearch-pr' }), depsFor());
    const statuses = outcome.functions.map((fn) => [fn.key, fn.status]);
    expect(statuses).toEqual([
      ['report-pr', 'measured'],
      ['no-such-function', 'failed'],
      ['search-pr', 'measured'],
    ]);
    expect(outcome.functions[1]?.failure).toMatch(/no-such-function/);
    expect(outcome.failure).toMatch(/1 of 3 functions failed: no-such-function/);
    expect(readResultsFile(outcome.resultsPath).functions).toHaveLength(3);
  }, 120_000);

  it("monthly-invocations auto reads the production function through the door's clients", async () => {
    // The production twin served at least these invocations (CloudWatch's Invocations metric, as the emulator keeps it).
    for (let i = 0; i < 5; i++)
      await client.send(new InvokeCommand({ FunctionName: 'report-staging', Payload: new TextEncoder().encode('{}') }));
    const outcome = await runApp(
      planFor({
        'function-name': 'report-pr',
        key: 'report',
        'monthly-invocations': 'auto',
        'usage-function': 'report-staging',
      }),
      { ...depsFor(), env: {} },
    );
    const monthly = outcome.result?.settings.monthlyInvocations ?? 0;
    expect(outcome.result?.settings.monthlyInvocationsAuto).toBe(true);
    expect(monthly).toBeGreaterThanOrEqual(5);
    expect(monthly).toBeLessThan(1_000_000);
  }, 120_000);

  it('a cancel in the middle leaves every function as it found it', async () => {
    const controller = new AbortController();
    const invokesBefore = emulator.stats().requests.Invoke ?? 0;
    // Abort once invocations are under way: some functions are being measured, others not started yet.
    const timer = setInterval(() => {
      if ((emulator.stats().requests.Invoke ?? 0) - invokesBefore >= 5) controller.abort(new Error('SIGTERM'));
    }, 5);
    const names = ['report-pr', 'search-pr', 'checkout-pr', 'report-staging'];
    const plan = planFor({ functions: names.join('\n'), 'parallel-functions': '2', invocations: '30' });
    const outcome = await runApp(plan, depsFor(controller.signal)).finally(() => clearInterval(timer));
    expect(controller.signal.aborted).toBe(true);
    expect(outcome.failure).toBeDefined();
    expect(outcome.functions.some((fn) => fn.failure === 'Not started: the run was cancelled first')).toBe(true);
    for (const name of names)
      expect(await configurationOf(name)).toEqual({
        memoryMb: 1024,
        description: `${name} as deployed`,
        aliases: [],
        versions: ['$LATEST'],
      });
  }, 120_000);
});
