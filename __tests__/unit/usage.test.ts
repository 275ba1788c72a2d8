// Real traffic, measured (issue 16 item 3): the pure parts (the GetMetricData request, the sum, the Insights row),
// the settings (monthly-invocations auto, usage-function), and the fallbacks when CloudWatch or CloudWatch Logs
// refuses (aws-sdk-client-mock: the emulator has no IAM to refuse with).

import { CloudWatchClient, GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import {
  CloudWatchLogsClient,
  GetQueryResultsCommand,
  StartQueryCommand,
  type GetQueryResultsCommandOutput,
} from '@aws-sdk/client-cloudwatch-logs';
import { mockClient } from 'aws-sdk-client-mock';
import { InputError, parseSettings } from '../../src/settings/index.js';
import { COLD_START_QUERY, parseColdStartResults, resolveColdStartRate } from '../../src/usage/cold-starts.js';
import { invocationsRequest, sumInvocations } from '../../src/usage/invocations.js';
import { applyUsage, nameAndRegion, resolveUsage, type UsageDeps } from '../../src/usage/usage.js';
import type { EngineLogger } from '../../src/lib/ports.js';
import type { Settings } from '../../src/types.js';
import { gateSettings, tuningSettings } from '../helpers/settings.js';

const NOW = new Date('2026-12-01T14:37:12.345Z');

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

function settings(tuning: Partial<Settings['tuning']> & { coldStartRate?: number | 'auto' } = {}, gate = {}): Settings {
  return {
    tuning: tuningSettings({ monthlyInvocations: 1_000_000, ...tuning }),
    gate: gateSettings(gate),
    report: { mode: 'tune', commentMode: 'off', summary: false },
  };
}

const accessDenied = (name: string) =>
  Object.assign(new Error('User is not authorized to perform this action'), { name });

describe('monthly invocations from CloudWatch (pure)', () => {
  it('asks for 30 daily sums of AWS/Lambda Invocations by FunctionName, ending at the next whole hour', () => {
    const request = invocationsRequest('orders-prod', NOW);
    expect(request.EndTime).toEqual(new Date('2026-12-01T15:00:00.000Z'));
    expect(request.StartTime).toEqual(new Date('2026-11-01T15:00:00.000Z'));
    expect(request.MetricDataQueries).toEqual([
      {
        Id: 'invocations',
        ReturnData: true,
        MetricStat: {
          Metric: {
            Namespace: 'AWS/Lambda',
            MetricName: 'Invocations',
            Dimensions: [{ Name: 'FunctionName', Value: 'orders-prod' }],
          },
          Period: 86_400,
          Stat: 'Sum',
        },
      },
    ]);
  });

  it('sums the daily values: a month is the last 30 days, unscaled', () => {
    expect(sumInvocations([400_000, 411_522.0, 2])).toEqual({ monthlyInvocations: 811_524, daysWithData: 3 });
    expect(sumInvocations([])).toBeUndefined();
  });

  it('takes the bare name and region from an ARN for the dimension and the client', () => {
    expect(nameAndRegion('arn:aws:lambda:eu-west-1:123456789012:function:orders-prod')).toEqual({
      name: 'orders-prod',
      region: 'eu-west-1',
    });
    expect(nameAndRegion('123456789012:function:orders-prod')).toEqual({ name: 'orders-prod' });
    expect(nameAndRegion('orders-prod')).toEqual({ name: 'orders-prod' });
  });
});

describe('cold-start share from Logs Insights (pure)', () => {
  it('reads the stats row; cold starts are init plus restore', () => {
    expect(
      parseColdStartResults([
        [
          { field: 'invocations', value: '2000' },
          { field: 'initStarts', value: '18' },
          { field: 'restores', value: '2' },
        ],
      ]),
    ).toEqual({ invocations: 2000, coldStarts: 20 });
  });

  it('no row, or zero invocations, is no data', () => {
    expect(parseColdStartResults([])).toBeUndefined();
    expect(parseColdStartResults([[{ field: 'invocations', value: '0' }]])).toBeUndefined();
  });

  it('the query is a constant that counts text and JSON reports', () => {
    expect(COLD_START_QUERY).toContain('filter @type = "REPORT" or type = "platform.report"');
    expect(COLD_START_QUERY).toContain('strcontains(@message, "Init Duration")');
    expect(COLD_START_QUERY).toContain('strcontains(@message, "initDurationMs")');
  });
});

describe('settings: monthly-invocations auto and usage-function', () => {
  const ctx = { env: {}, cwd: '/repo', readFile: () => '' };
  const parse = (inputs: Record<string, string>) =>
    parseSettings((name) => ({ 'function-name': 'orders-pr', region: 'us-east-1', ...inputs })[name] ?? '', ctx);

  it('auto keeps the default until resolved, and says it is auto', () => {
    const { tuning } = parse({ 'monthly-invocations': 'auto', 'usage-function': 'orders-prod' }).settings;
    expect(tuning.monthlyInvocations).toBe(1_000_000);
    expect(tuning.monthlyInvocationsAuto).toBe(true);
    expect(tuning.usageFunction).toBe('orders-prod');
  });

  it('a number is as before', () => {
    const { tuning } = parse({ 'monthly-invocations': '2,500,000' }).settings;
    expect(tuning.monthlyInvocations).toBe(2_500_000);
    expect(tuning.monthlyInvocationsAuto).toBeUndefined();
  });

  it('refuses a usage-function with a qualifier, naming the fix', () => {
    expect(() => parse({ 'usage-function': 'orders-prod:live' })).toThrow(InputError);
    expect(() => parse({ 'usage-function': 'orders-prod:live' })).toThrow(
      /usage-function.*give the name alone, e\.g\. orders-prod/,
    );
  });

  it('warns that usage-function alone does nothing', () => {
    expect(parse({ 'usage-function': 'orders-prod' }).warnings).toContain(
      "Input 'usage-function': has no effect without monthly-invocations auto or cold-start-rate auto, which read its traffic",
    );
    expect(parse({ 'usage-function': 'orders-prod', 'monthly-invocations': 'auto' }).warnings).toEqual([]);
  });

  it('the bad-number message mentions auto', () => {
    expect(() => parse({ 'monthly-invocations': 'lots' })).toThrow(/or auto/);
  });
});

describe('resolveUsage: fallbacks never fail the run', () => {
  const cw = mockClient(CloudWatchClient);
  const logs = mockClient(CloudWatchLogsClient);
  beforeEach(() => {
    cw.reset();
    logs.reset();
  });
  const deps = (logger: EngineLogger): UsageDeps => ({
    logger,
    clock: { now: () => NOW },
    sleep: async () => {},
    clientsFor: () => ({
      cloudWatch: new CloudWatchClient({ region: 'us-east-1' }),
      logs: new CloudWatchLogsClient({ region: 'us-east-1' }),
    }),
  });

  it('reads monthly invocations and says what it read', async () => {
    cw.on(GetMetricDataCommand).resolves({
      MetricDataResults: [{ Id: 'invocations', StatusCode: 'Complete', Values: Array(30).fill(411_522.6) as number[] }],
    });
    const { logger, lines } = recordingLogger();
    const usage = await resolveUsage(
      settings({ monthlyInvocationsAuto: true, usageFunction: 'orders-prod' }),
      deps(logger),
    );
    expect(usage.monthlyInvocations).toBe(12_345_678);
    expect(lines).toEqual(['info monthly-invocations: 12,345,678 from 30 days of Invocations of orders-prod']);
    expect(applyUsage(settings({ monthlyInvocationsAuto: true }), usage).tuning.monthlyInvocations).toBe(12_345_678);
  });

  it('defaults to the baseline function', async () => {
    cw.on(GetMetricDataCommand).resolves({ MetricDataResults: [{ Id: 'invocations', Values: [5] }] });
    const { logger } = recordingLogger();
    await resolveUsage(
      settings({ monthlyInvocationsAuto: true }, { baselineFunction: 'orders-staging' }),
      deps(logger),
    );
    const sent = cw.commandCalls(GetMetricDataCommand)[0]?.args[0].input;
    expect(sent?.MetricDataQueries?.[0]?.MetricStat?.Metric?.Dimensions).toEqual([
      { Name: 'FunctionName', Value: 'orders-staging' },
    ]);
  });

  it.each(['AccessDenied', 'AccessDeniedException'])('falls back with a warning on %s', async (name) => {
    cw.on(GetMetricDataCommand).rejects(accessDenied(name));
    const { logger, lines } = recordingLogger();
    const s = settings({ monthlyInvocationsAuto: true, usageFunction: 'orders-prod' });
    const usage = await resolveUsage(s, deps(logger));
    expect(usage.monthlyInvocations).toBeUndefined();
    expect(lines).toEqual([
      "warning monthly-invocations: could not read orders-prod's Invocations: no permission (cloudwatch:GetMetricData was refused); using 1,000,000",
    ]);
    expect(applyUsage(s, usage).tuning.monthlyInvocations).toBe(1_000_000);
  });

  it('falls back when CloudWatch has no datapoint', async () => {
    cw.on(GetMetricDataCommand).resolves({
      MetricDataResults: [{ Id: 'invocations', StatusCode: 'Complete', Values: [] }],
    });
    const { logger, lines } = recordingLogger();
    const usage = await resolveUsage(
      settings({ monthlyInvocationsAuto: true, usageFunction: 'orders-prod' }),
      deps(logger),
    );
    expect(usage.monthlyInvocations).toBeUndefined();
    expect(lines[0]).toMatch(
      /^warning monthly-invocations: CloudWatch has no Invocations of orders-prod in the last 30 days.*using 1,000,000$/,
    );
  });

  it('warns without a production function to read', async () => {
    const { logger, lines } = recordingLogger();
    const usage = await resolveUsage(settings({ monthlyInvocationsAuto: true }), deps(logger));
    expect(usage.monthlyInvocations).toBeUndefined();
    expect(lines[0]).toMatch(/monthly-invocations: auto needs a production function.*Set usage-function/);
    expect(cw.calls()).toHaveLength(0);
  });

  it('does nothing when nothing is auto', async () => {
    const { logger, lines } = recordingLogger();
    expect(await resolveUsage(settings({ usageFunction: 'orders-prod' }), deps(logger))).toEqual({
      notes: [],
      warnings: [],
    });
    expect(lines).toEqual([]);
  });

  it('resolves cold-start-rate auto, polling until Complete', async () => {
    logs.on(StartQueryCommand).resolves({ queryId: 'q-1' });
    logs
      .on(GetQueryResultsCommand)
      .resolvesOnce({ status: 'Running', results: [] })
      .resolves({
        status: 'Complete',
        results: [
          [
            { field: 'invocations', value: '1234' },
            { field: 'initStarts', value: '12' },
            { field: 'restores', value: '0' },
          ],
        ],
      } as Partial<GetQueryResultsCommandOutput>);
    const { logger, lines } = recordingLogger();
    const s = settings({ coldStartRate: 'auto', usageFunction: 'orders-prod' });
    const usage = await resolveUsage(s, deps(logger));
    expect(usage.coldStartRate).toBeCloseTo(12 / 1234, 12);
    expect(lines).toEqual([
      'info cold-start-rate: 0.97% from 12 cold starts in 1,234 invocations over 7 days of /aws/lambda/orders-prod',
    ]);
    const start = logs.commandCalls(StartQueryCommand)[0]?.args[0].input;
    expect(start).toEqual({
      logGroupName: '/aws/lambda/orders-prod',
      startTime: Math.floor(NOW.getTime() / 1000) - 7 * 86_400,
      endTime: Math.floor(NOW.getTime() / 1000),
      queryString: COLD_START_QUERY,
    });
    expect(logs.commandCalls(GetQueryResultsCommand)).toHaveLength(2);
    expect((applyUsage(s, usage).tuning as { coldStartRate?: unknown }).coldStartRate).toBeCloseTo(12 / 1234, 12);
  });

  it('falls back on AccessDeniedException from CloudWatch Logs', async () => {
    logs.on(StartQueryCommand).rejects(accessDenied('AccessDeniedException'));
    const { logger, lines } = recordingLogger();
    const s = settings({ coldStartRate: 'auto', usageFunction: 'orders-prod' });
    const usage = await resolveUsage(s, deps(logger));
    expect(usage.coldStartRate).toBeUndefined();
    expect(lines).toEqual([
      "warning cold-start-rate: could not query orders-prod's logs: no permission (logs:StartQuery / logs:GetQueryResults was refused); using the default rate",
    ]);
    expect((applyUsage(s, usage, 0.01).tuning as { coldStartRate?: unknown }).coldStartRate).toBe(0.01);
  });

  it('gives up on a query that never completes, within the timeout', async () => {
    logs.on(StartQueryCommand).resolves({ queryId: 'q-2' });
    logs.on(GetQueryResultsCommand).resolves({ status: 'Running' });
    const slept: number[] = [];
    const rate = resolveColdStartRate('orders-prod', 7, {
      logs: new CloudWatchLogsClient({ region: 'us-east-1' }),
      now: NOW,
      sleep: async (ms) => {
        slept.push(ms);
      },
      timeoutMs: 5_000,
    });
    await expect(rate).rejects.toThrow('the Logs Insights query was not complete after 5 s');
    expect(logs.commandCalls(GetQueryResultsCommand)).toHaveLength(5);
  });

  it('a failed query falls back', async () => {
    logs.on(StartQueryCommand).resolves({ queryId: 'q-3' });
    logs.on(GetQueryResultsCommand).resolves({ status: 'Failed' });
    const { logger, lines } = recordingLogger();
    const usage = await resolveUsage(settings({ coldStartRate: 'auto', usageFunction: 'orders-prod' }), deps(logger));
    expect(usage.coldStartRate).toBeUndefined();
    expect(lines[0]).toMatch(
      /cold-start-rate: could not query orders-prod's logs: the read failed \(ColdStartQueryError: the Logs Insights query ended Failed\); using the default rate/,
    );
  });
});
