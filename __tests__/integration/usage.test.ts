// Real traffic, measured (issue 16 item 3), end to end: the emulator serves invocations of a "production" function,
// then resolveUsage reads them back through the real @aws-sdk/client-cloudwatch (GetMetricData, awsJson1_0) and
// @aws-sdk/client-cloudwatch-logs (StartQuery + GetQueryResults, awsJson1_1) over HTTP, with the clients the action
// builds (createUsageClients). Every request is checked against botocore's models (the contract guard).

import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { startEmulator, type Emulator } from '../../emulator/lambda/server.js';
import type { EngineLogger } from '../../src/lib/ports.js';
import type { Settings } from '../../src/types.js';
import { applyUsage, resolveUsage } from '../../src/usage/usage.js';
import { gateSettings, tuningSettings } from '../helpers/settings.js';

const DAY_MS = 86_400_000;
let emulator: Emulator;
let lambda: LambdaClient;
/** Moves the emulator's clock, so some invocations are served "31 days ago". */
let clockOffsetMs = 0;

beforeAll(async () => {
  emulator = await startEmulator({ updateDelayMs: 50, clock: () => Date.now() + clockOffsetMs });
  lambda = new LambdaClient({
    endpoint: emulator.endpoint,
    region: emulator.region,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  await emulator.createFunction({ name: 'orders-prod', sample: 'noop' });
  await emulator.createFunction({ name: 'orders-prod-json', sample: 'noop', logFormat: 'JSON' });
  await emulator.createFunction({ name: 'orders-idle', sample: 'noop' });
}, 60_000);

afterAll(async () => {
  lambda.destroy();
  await emulator.close();
});

function recordingLogger() {
  const lines: string[] = [];
  const logger: EngineLogger = {
    info: (m) => lines.push(`info ${m}`),
    warning: (m) => lines.push(`warning ${m}`),
    debug: () => {},
    group: (_n, fn) => fn(),
    progress: () => {},
  };
  return { logger, lines };
}

/** Invokes `n` times one after another; returns how many were cold starts, read from the REPORT in LogResult. */
async function invoke(functionName: string, n: number): Promise<number> {
  let cold = 0;
  for (let i = 0; i < n; i++) {
    const answer = await lambda.send(new InvokeCommand({ FunctionName: functionName, LogType: 'Tail' }));
    const tail = Buffer.from(answer.LogResult ?? '', 'base64').toString('utf8');
    if (/Init Duration|initDurationMs/.test(tail)) cold++;
  }
  return cold;
}

function settings(usageFunction: string): Settings & { tuning: { coldStartRate?: number | 'auto' } } {
  return {
    tuning: {
      ...tuningSettings({
        functionName: 'orders-pr',
        endpoint: emulator.endpoint,
        monthlyInvocations: 1_000_000,
        monthlyInvocationsAuto: true,
        usageFunction,
      }),
      coldStartRate: 'auto',
    } as Settings['tuning'] & { coldStartRate: 'auto' },
    gate: gateSettings(),
    report: { mode: 'tune', commentMode: 'off', summary: false },
  };
}

const deps = (logger: EngineLogger) => ({ logger, sleep: async () => {} });

describe('monthly-invocations auto and cold-start-rate auto against the emulator', () => {
  it('resolve from the invocations it served, within the 30-day window (text logs)', async () => {
    const cold = await invoke('orders-prod', 6);
    expect(cold).toBeGreaterThanOrEqual(1);
    clockOffsetMs = -31 * DAY_MS;
    await invoke('orders-prod', 2); // served "31 days ago": outside the window, not counted
    clockOffsetMs = 0;

    const { logger, lines } = recordingLogger();
    const s = settings('orders-prod');
    const usage = await resolveUsage(s, deps(logger));
    expect(usage.monthlyInvocations).toBe(6);
    expect(usage.coldStartRate).toBeCloseTo(cold / 6, 12);
    expect(lines).toEqual([
      'info monthly-invocations: 6 from 30 days of Invocations of orders-prod (invocations on 1 of them)',
      `info cold-start-rate: ${((cold / 6) * 100).toFixed(2)}% from ${cold} cold start${cold === 1 ? '' : 's'} in 6 invocations over 7 days of /aws/lambda/orders-prod`,
    ]);
    const applied = applyUsage(s, usage, 0.01);
    expect(applied.tuning.monthlyInvocations).toBe(6);
    expect((applied.tuning as { coldStartRate?: unknown }).coldStartRate).toBeCloseTo(cold / 6, 12);
    expect(emulator.stats().requests).toMatchObject({ GetMetricData: 1, StartQuery: 1, GetQueryResults: 2 });
  }, 60_000);

  it('reads JSON-format REPORT records (platform.report) too', async () => {
    const cold = await invoke('orders-prod-json', 4);
    const { logger } = recordingLogger();
    const usage = await resolveUsage(settings('orders-prod-json'), deps(logger));
    expect(usage.monthlyInvocations).toBe(4);
    expect(usage.coldStartRate).toBeCloseTo(cold / 4, 12);
    expect(cold).toBeGreaterThanOrEqual(1);
  }, 60_000);

  it('falls back with a warning when the function has no traffic (no datapoint, no log group)', async () => {
    const { logger, lines } = recordingLogger();
    const s = settings('orders-idle');
    const usage = await resolveUsage(s, deps(logger));
    expect(usage).toEqual({ notes: [], warnings: expect.any(Array) as unknown });
    expect(lines).toEqual([
      'warning monthly-invocations: CloudWatch has no Invocations of orders-idle in the last 30 days (a new or idle function, or another name or region?); using 1,000,000',
      "warning cold-start-rate: could not query orders-idle's logs: no data (ResourceNotFoundException: The specified log group does not exist.); using the default rate",
    ]);
    expect(applyUsage(s, usage).tuning.monthlyInvocations).toBe(1_000_000);
  }, 60_000);
});
