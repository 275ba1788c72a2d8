// The Python runtime (emulator/runtime/bootstrap.py, run by this machine's python3) and SnapStart's REPORT fields,
// through the real SandboxPool and the real SDK. Python is optional: without python3 these tests are skipped, and
// say why.

import {
  GetFunctionConfigurationCommand,
  InvokeCommand,
  LambdaClient,
  PublishVersionCommand,
  UpdateFunctionConfigurationCommand,
  waitUntilPublishedVersionActive,
} from '@aws-sdk/client-lambda';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findPython, startEmulator, type Emulator } from '../../emulator/lambda/server.js';
import { parseReport } from '../../src/tuning/logs.js';

const python = findPython();
const describePython = python ? describe : describe.skip;
if (!python) {
  // Visible in the test output: the tests below are skipped, not passed.
  console.warn(
    'Python runtime tests skipped: no python3 on PATH (the emulator runs python3.12/python3.13 functions with it)',
  );
}

let emulator: Emulator;
let lambda: LambdaClient;
let codeDir: string;

beforeAll(async () => {
  if (!python) return;
  codeDir = mkdtempSync(join(tmpdir(), 'lpg-python-'));
  writeFileSync(
    join(codeDir, 'app.py'),
    [
      'import logging, os',
      'print("init runs once")',
      'def handler(event, context):',
      '    print("hello", event.get("name"))',
      '    logging.getLogger().warning("careful")',
      '    if event.get("fail"):',
      '        raise ValueError("no good")',
      '    return {"name": event.get("name"), "memory": context.memory_limit_in_mb, "version": context.function_version,',
      '            "remaining": context.get_remaining_time_in_millis() > 0, "init": os.environ["AWS_LAMBDA_INITIALIZATION_TYPE"]}',
      '',
    ].join('\n'),
  );
  emulator = await startEmulator({ updateDelayMs: 20, snapStartPendingMs: 200 });
  lambda = new LambdaClient({
    endpoint: emulator.endpoint,
    region: emulator.region,
    credentials: { accessKeyId: 't', secretAccessKey: 't' },
    maxAttempts: 1,
  });
}, 30_000);

afterAll(async () => {
  lambda?.destroy();
  await emulator?.close();
  if (codeDir) rmSync(codeDir, { recursive: true, force: true });
});

const logOf = (result: { LogResult?: string }) => Buffer.from(result.LogResult ?? '', 'base64').toString('utf8');
const payloadOf = (result: { Payload?: Uint8Array }) =>
  JSON.parse(Buffer.from(result.Payload ?? new Uint8Array()).toString('utf8')) as Record<string, unknown>;

async function publishActive(name: string): Promise<string> {
  const published = await lambda.send(new PublishVersionCommand({ FunctionName: name }));
  await waitUntilPublishedVersionActive(
    { client: lambda, minDelay: 0.05, maxDelay: 0.1, maxWaitTime: 30 },
    { FunctionName: name, Qualifier: published.Version },
  );
  return published.Version ?? '';
}

describePython('the Python runtime', () => {
  it('runs a handler: init once, print and logging in the log, the return value as the payload', async () => {
    await emulator.createFunction({
      name: 'py',
      codeDir,
      runtime: 'python3.12',
      handler: 'app.handler',
      memoryMb: 256,
      timeoutSec: 30,
    });
    const cold = await lambda.send(
      new InvokeCommand({ FunctionName: 'py', Payload: JSON.stringify({ name: 'Ada' }), LogType: 'Tail' }),
    );
    expect(payloadOf(cold)).toEqual({
      name: 'Ada',
      memory: '256',
      version: '$LATEST',
      remaining: true,
      init: 'on-demand',
    });
    const log = logOf(cold);
    expect(log).toMatch(/^init runs once\nSTART RequestId: \S+ Version: \$LATEST\nhello Ada\n/);
    expect(log).toMatch(/\tWARN\tcareful\n/);
    expect(parseReport(log)).toMatchObject({ memorySizeMb: 256, initDurationMs: expect.any(Number) });
    const warm = await lambda.send(
      new InvokeCommand({ FunctionName: 'py', Payload: JSON.stringify({ name: 'Bo' }), LogType: 'Tail' }),
    );
    expect(parseReport(logOf(warm))?.initDurationMs).toBeUndefined();

    const failed = await lambda.send(
      new InvokeCommand({ FunctionName: 'py', Payload: JSON.stringify({ fail: true }) }),
    );
    expect(failed.FunctionError).toBe('Unhandled');
    expect(payloadOf(failed)).toMatchObject({ errorType: 'ValueError', errorMessage: 'no good' });
  }, 30_000);

  it('creates the snapstart-py sample as its function.json says: python3.12, SnapStart on published versions', async () => {
    const samples = await startEmulator({ sampleFunctions: true });
    try {
      const client = new LambdaClient({
        endpoint: samples.endpoint,
        region: samples.region,
        credentials: { accessKeyId: 't', secretAccessKey: 't' },
      });
      const config = await client.send(new GetFunctionConfigurationCommand({ FunctionName: 'snapstart-py' }));
      expect(config).toMatchObject({
        Runtime: 'python3.12',
        Handler: 'index.handler',
        SnapStart: { ApplyOn: 'PublishedVersions', OptimizationStatus: 'Off' },
      });
      client.destroy();
    } finally {
      await samples.close();
    }
  });

  it('reports a missing handler module as Runtime.ImportModuleError', async () => {
    await emulator.createFunction({
      name: 'py-missing',
      codeDir,
      runtime: 'python3.13',
      handler: 'nope.handler',
      timeoutSec: 30,
    });
    const result = await lambda.send(new InvokeCommand({ FunctionName: 'py-missing' }));
    expect(result.FunctionError).toBe('Unhandled');
    expect(payloadOf(result)).toMatchObject({
      errorType: 'Runtime.ImportModuleError',
      errorMessage: expect.stringContaining("Unable to import module 'nope'"),
    });
  }, 30_000);

  it.each(['Text', 'JSON'] as const)(
    'reports Restore Duration instead of Init Duration on a SnapStart version (%s logs)',
    async (logFormat) => {
      const name = `snap-${logFormat.toLowerCase()}`;
      await emulator.createFunction({
        name,
        codeDir,
        runtime: 'python3.12',
        handler: 'app.handler',
        snapStart: true,
        logFormat,
        memoryMb: 512,
        timeoutSec: 30,
      });
      // The version's own change, so PublishVersion makes a new one.
      await lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: name, Description: 'v' }));
      await new Promise((resolve) => setTimeout(resolve, 50));
      const version = await publishActive(name);
      const cold = await lambda.send(
        new InvokeCommand({
          FunctionName: name,
          Qualifier: version,
          Payload: JSON.stringify({ name: 'x' }),
          LogType: 'Tail',
        }),
      );
      expect(payloadOf(cold)).toMatchObject({ version, init: 'snap-start' });
      const log = logOf(cold);
      const report = parseReport(log);
      expect(report).toMatchObject({
        restoreDurationMs: expect.any(Number),
        billedRestoreDurationMs: expect.any(Number),
      });
      expect(report?.initDurationMs).toBeUndefined();
      // Billed Duration includes Billed Restore Duration (real REPORT: 306.34 ms + 303 ms → 610 ms).
      expect(report?.billedDurationMs).toBe(
        Math.ceil(report?.durationMs ?? 0) + (report?.billedRestoreDurationMs ?? 0),
      );
      if (logFormat === 'Text') {
        expect(log).toMatch(/RESTORE_REPORT Restore Duration: [0-9.]+ ms\nSTART RequestId: /);
        expect(log).toMatch(/\tRestore Duration: [0-9.]+ ms\tBilled Restore Duration: \d+ ms\t\n$/);
        expect(log).not.toContain('Init Duration');
      } else {
        expect(log).toContain('"type":"platform.restoreReport"');
      }
      const warm = await lambda.send(new InvokeCommand({ FunctionName: name, Qualifier: version, LogType: 'Tail' }));
      expect(parseReport(logOf(warm))?.restoreDurationMs).toBeUndefined();
    },
    30_000,
  );
});
