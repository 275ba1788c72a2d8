// The emulator's CloudWatch and CloudWatch Logs stand-in (emulator/cloudwatch/usage.ts, contracts/json-rpc.ts):
// requests are held to botocore's models and answered in each service's protocol, through the real SDK clients;
// what it does not serve is refused and recorded, never answered wrongly.

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { CloudWatchClient, GetMetricDataCommand, PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import {
  CloudWatchLogsClient,
  DescribeLogGroupsCommand,
  GetQueryResultsCommand,
  StartQueryCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { planQuery, reportLineOf } from '../../emulator/cloudwatch/usage.js';
import { jsonRpcContracts } from '../../emulator/contracts/json-rpc.js';
import { startEmulator, type Emulator, type SandboxPoolLike } from '../../emulator/lambda/server.js';
import { COLD_START_QUERY } from '../../src/usage/cold-starts.js';

const noPool: SandboxPoolLike = {
  invoke: () => Promise.reject(new Error('no invocations in this test')),
  retire: () => Promise.resolve(),
  close: () => Promise.resolve(),
};
const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };
let emulator: Emulator;
let cloudWatch: CloudWatchClient;
let logs: CloudWatchLogsClient;

beforeAll(async () => {
  emulator = await startEmulator({ pool: noPool });
  const config = { endpoint: emulator.endpoint, region: emulator.region, credentials, maxAttempts: 1 };
  cloudWatch = new CloudWatchClient(config);
  logs = new CloudWatchLogsClient(config);
});

afterAll(async () => {
  cloudWatch.destroy();
  logs.destroy();
  await emulator.close();
});

const modelPresent = spawnSync('python3', ['-c', 'import botocore'], { stdio: 'ignore' }).status === 0;
const GENERATOR = join(import.meta.dirname, '..', '..', 'scripts', 'gen-lambda-contracts.mjs');

describe('the generated CloudWatch and CloudWatch Logs constraints', () => {
  (modelPresent ? it.each(['cloudwatch', 'logs']) : it.skip.each(['cloudwatch', 'logs']))(
    '%s is current with botocore',
    (service) => {
      const check = spawnSync(process.execPath, [GENERATOR, '--service', service, '--check'], { encoding: 'utf8' });
      expect(check.stderr).toBe('');
      expect(check.status).toBe(0);
    },
  );

  it('record the JSON RPC target prefixes the SDKs send', () => {
    expect(jsonRpcContracts('cloudwatch').provenance).toMatchObject({
      apiVersion: '2010-08-01',
      targetPrefix: 'GraniteServiceVersion20100801',
    });
    expect(jsonRpcContracts('logs').provenance).toMatchObject({
      apiVersion: '2014-03-28',
      protocol: 'json',
      targetPrefix: 'Logs_20140328',
    });
  });
});

describe('requests held to the models', () => {
  it("refuses a log group name outside the model's pattern, as CloudWatch Logs words it", async () => {
    const before = emulator.contractViolations().length;
    await expect(
      logs.send(new StartQueryCommand({ logGroupName: 'bad name!', startTime: 0, endTime: 1, queryString: 'x' })),
    ).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: expect.stringContaining(
        "Value 'bad name!' at 'logGroupName' failed to satisfy constraint: Member must satisfy regular expression pattern",
      ) as unknown,
    });
    expect(emulator.contractViolations().slice(before)).toMatchObject([
      { kind: 'validation', operation: 'StartQuery' },
    ]);
  });

  it('refuses a GetMetricData period below 1 (InvalidParameterValue, awsQuery-compatible)', async () => {
    const request = new GetMetricDataCommand({
      StartTime: new Date(0),
      EndTime: new Date(86_400_000),
      MetricDataQueries: [
        {
          Id: 'm',
          MetricStat: {
            Metric: {
              Namespace: 'AWS/Lambda',
              MetricName: 'Invocations',
              Dimensions: [{ Name: 'FunctionName', Value: 'f' }],
            },
            Period: 0,
            Stat: 'Sum',
          },
        },
      ],
    });
    await expect(cloudWatch.send(request)).rejects.toMatchObject({
      name: 'InvalidParameterValueException',
      message: expect.stringContaining('Member must have value greater than or equal to 1') as unknown,
    });
  });

  it('records operations it does not serve (501), never answering them', async () => {
    const before = emulator.contractViolations().length;
    await expect(logs.send(new DescribeLogGroupsCommand({}))).rejects.toMatchObject({
      $metadata: { httpStatusCode: 501 },
    });
    await expect(
      cloudWatch.send(new PutMetricDataCommand({ Namespace: 'x', MetricData: [{ MetricName: 'y', Value: 1 }] })),
    ).rejects.toMatchObject({ $metadata: { httpStatusCode: 501 } });
    expect(
      emulator
        .contractViolations()
        .slice(before)
        .map((v) => [v.kind, v.operation]),
    ).toEqual([
      ['unimplemented', 'DescribeLogGroups'],
      ['unimplemented', 'PutMetricData'],
    ]);
  });

  it('answers a metric it does not keep with 501, not with an empty series', async () => {
    const request = new GetMetricDataCommand({
      StartTime: new Date(0),
      EndTime: new Date(86_400_000),
      MetricDataQueries: [
        {
          Id: 'm',
          MetricStat: {
            Metric: {
              Namespace: 'AWS/Lambda',
              MetricName: 'Errors',
              Dimensions: [{ Name: 'FunctionName', Value: 'f' }],
            },
            Period: 86_400,
            Stat: 'Sum',
          },
        },
      ],
    });
    await expect(cloudWatch.send(request)).rejects.toMatchObject({ $metadata: { httpStatusCode: 501 } });
  });

  it('answers an unknown query id as not found', async () => {
    await expect(logs.send(new GetQueryResultsCommand({ queryId: 'nope' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
  });
});

describe('the Insights subset', () => {
  const text = [
    'REPORT RequestId: a\tDuration: 1.00 ms\tBilled Duration: 2 ms\tMemory Size: 128 MB\tMax Memory Used: 60 MB\tInit Duration: 120.00 ms\t',
    'REPORT RequestId: b\tDuration: 1.00 ms\tBilled Duration: 1 ms\tMemory Size: 128 MB\tMax Memory Used: 60 MB\t',
    'REPORT RequestId: c\tDuration: 1.00 ms\tBilled Duration: 310 ms\tMemory Size: 128 MB\tMax Memory Used: 60 MB\tRestore Duration: 300.00 ms\tBilled Restore Duration: 300 ms\t',
    '{"time":"t","type":"platform.report","record":{"requestId":"d","metrics":{"durationMs":1,"billedDurationMs":200,"memorySizeMB":128,"maxMemoryUsedMB":60,"initDurationMs":190}}}',
    '{"time":"t","type":"platform.report","record":{"requestId":"e","metrics":{"durationMs":1,"billedDurationMs":1,"memorySizeMB":128,"maxMemoryUsedMB":60}}}',
    '2024-01-01T00:00:00.000Z\tf\tINFO\tInit Duration is what this line says, but it is no REPORT',
  ];

  it("runs the action's query: text and JSON reports, init and restore", () => {
    const plan = planQuery(COLD_START_QUERY);
    if (!plan) throw new Error('the query is not served');
    const matched = text.filter((line) => plan.filter(line));
    expect(matched).toHaveLength(5);
    expect(Object.fromEntries(plan.stats.map(({ name, value }) => [name, value(matched)]))).toEqual({
      invocations: 5,
      initStarts: 2,
      restores: 1,
    });
  });

  it('refuses what it cannot run', () => {
    expect(planQuery('fields @message | limit 10')).toBeUndefined();
    expect(planQuery('filter @type = "REPORT" | stats avg(@duration) as d')).toBeUndefined();
  });

  it('takes the REPORT line out of an invocation log', () => {
    expect(reportLineOf(`START RequestId: a\nEND RequestId: a\n${text[0]}\n`)).toBe(text[0]);
    expect(reportLineOf(`{"type":"platform.start"}\n${text[3]}\n`)).toBe(text[3]);
    expect(reportLineOf('START RequestId: a\n')).toBeUndefined();
  });
});
