// The emulator holds every request to the official Lambda API model (emulator/contracts/lambda.ts, constraints generated
// from botocore's service-2.json by scripts/gen-lambda-contracts.mjs) and answers a violation as Lambda does.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateAliasCommand,
  GetPolicyCommand,
  InvokeCommand,
  LambdaClient,
  ListVersionsByFunctionCommand,
  UpdateFunctionConfigurationCommand,
} from '@aws-sdk/client-lambda';
import {
  lambdaContracts,
  matchOperation,
  validateRequest,
  type RequestParts,
} from '../../emulator/contracts/lambda.js';
import {
  startEmulator,
  type Emulator,
  type FunctionRuntimeSpec,
  type InvokeResult,
  type SandboxPoolLike,
} from '../../emulator/lambda/server.js';

const ROOT = join(import.meta.dirname, '..', '..');
const GENERATOR = join(ROOT, 'scripts', 'gen-lambda-contracts.mjs');
const contracts = lambdaContracts();

/** Whether this machine has botocore's Lambda model (the generator's input). */
const modelPresent = spawnSync('python3', ['-c', 'import botocore'], { stdio: 'ignore' }).status === 0;

describe('the generated constraints file', () => {
  (modelPresent ? it : it.skip)(
    modelPresent
      ? "is current: regenerating it from the machine's botocore model gives the committed file byte for byte"
      : 'is current (SKIPPED: botocore is not installed here, so there is no model to regenerate from; pip install botocore)',
    () => {
      const check = spawnSync(process.execPath, [GENERATOR, '--check'], { encoding: 'utf8' });
      expect(check.stderr).toBe('');
      expect(check.status).toBe(0);
    },
  );

  it('records where it came from and covers every operation of the model', () => {
    expect(contracts.provenance).toMatchObject({
      apiVersion: '2015-03-31',
      protocol: 'rest-json',
      modelFile: expect.stringMatching(/^service-2\.json/),
    });
    expect(contracts.provenance['modelJsonSha256']).toMatch(/^[0-9a-f]{64}$/);
    expect(contracts.provenance['botocoreVersion']).toMatch(/^\d+\.\d+\.\d+$/);
    expect(Object.keys(contracts.operations).length).toBe(contracts.provenance['operations']);
    expect(contracts.operations['UpdateFunctionConfiguration']).toEqual({
      method: 'PUT',
      requestUri: '/2015-03-31/functions/{FunctionName}/configuration',
      input: 'UpdateFunctionConfigurationRequest',
    });
    expect(contracts.shapes['Description']).toMatchObject({ type: 'string', max: 256 });
    // Java patterns are full-matched: anchored in their JavaScript form.
    expect(contracts.shapes['Alias']).toMatchObject({
      pattern: '(?!^[0-9]+$)([a-zA-Z0-9-_]+)',
      jsPattern: '^(?:(?!^[0-9]+$)([a-zA-Z0-9-_]+))$',
    });
  });
});

describe('routing by the model', () => {
  const match = (method: string, path: string, query = '') =>
    matchOperation(contracts, method, path, new URLSearchParams(query))?.operation;

  it('finds every operation by method and path, decoding labels', () => {
    expect(
      matchOperation(
        contracts,
        'POST',
        '/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Afunction%3Afn/invocations',
        new URLSearchParams(),
      ),
    ).toEqual({
      operation: 'Invoke',
      labels: { FunctionName: 'arn:aws:lambda:us-east-1:123456789012:function:fn' },
    });
    expect(match('DELETE', '/2015-03-31/functions/fn/aliases/live')).toBe('DeleteAlias');
    expect(match('GET', '/2015-03-31/functions/fn/policy')).toBe('GetPolicy');
    expect(match('GET', '/2018-10-31/layers', 'find=LayerVersion&Arn=x')).toBe('GetLayerVersionByArn');
    expect(match('GET', '/2018-10-31/layers')).toBe('ListLayers');
  });

  it('knows no operation for a path or method the model does not have', () => {
    expect(match('GET', '/2015-03-31/functions/fn/invocations')).toBeUndefined();
    expect(match('GET', '/2015-03-31/nothing')).toBeUndefined();
    expect(match('POST', '/')).toBeUndefined();
  });
});

describe('validation messages (pure)', () => {
  const request = (parts: Partial<RequestParts>): RequestParts => ({
    labels: {},
    query: new URLSearchParams(),
    headers: {},
    body: Buffer.alloc(0),
    ...parts,
  });
  const json = (value: unknown) => Buffer.from(JSON.stringify(value));
  const messageOf = (operation: string, parts: Partial<RequestParts>) =>
    validateRequest(contracts, operation, request(parts))?.error.message;

  it('reports a Description over 256 characters as Lambda words it', () => {
    const description = 'd'.repeat(300);
    const answer = validateRequest(
      contracts,
      'UpdateFunctionConfiguration',
      request({ labels: { FunctionName: 'fn' }, body: json({ Description: description }) }),
    );
    expect(answer?.error).toMatchObject({ code: 'ValidationException', status: 400 });
    expect(answer?.error.message).toBe(
      `1 validation error detected: Value '${description}' at 'description' failed to satisfy constraint: Member must have length less than or equal to 256`,
    );
    expect(
      messageOf('UpdateFunctionConfiguration', {
        labels: { FunctionName: 'fn' },
        body: json({ Description: 'd'.repeat(256) }),
      }),
    ).toBeUndefined();
  });

  it('reports missing required members, ranges, patterns, enums and several errors at once', () => {
    expect(
      messageOf('CreateAlias', { labels: { FunctionName: 'fn' }, body: json({ Name: '123', FunctionVersion: '1' }) }),
    ).toBe(
      "1 validation error detected: Value '123' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: (?!^[0-9]+$)([a-zA-Z0-9-_]+)",
    );
    expect(messageOf('CreateAlias', { labels: { FunctionName: 'fn' }, body: json({ FunctionVersion: '1' }) })).toBe(
      "1 validation error detected: Value null at 'name' failed to satisfy constraint: Member must not be null",
    );
    expect(
      messageOf('UpdateFunctionConfiguration', {
        labels: { FunctionName: 'fn' },
        body: json({ MemorySize: 64, Timeout: 0 }),
      }),
    ).toBe(
      "2 validation errors detected: Value '0' at 'timeout' failed to satisfy constraint: Member must have value greater than or equal to 1; " +
        "Value '64' at 'memorySize' failed to satisfy constraint: Member must have value greater than or equal to 128",
    );
    expect(messageOf('Invoke', { labels: { FunctionName: 'fn' }, headers: { 'x-amz-invocation-type': 'Sync' } })).toBe(
      "1 validation error detected: Value 'Sync' at 'invocationType' failed to satisfy constraint: Member must satisfy enum value set: [Event, RequestResponse, DryRun]",
    );
    expect(
      messageOf('ListVersionsByFunction', { labels: { FunctionName: 'fn' }, query: new URLSearchParams('MaxItems=0') }),
    ).toBe(
      "1 validation error detected: Value '0' at 'maxItems' failed to satisfy constraint: Member must have value greater than or equal to 1",
    );
    expect(messageOf('UpdateFunctionConfiguration', { labels: { FunctionName: 'f'.repeat(141) } })).toMatch(
      /^1 validation error detected: Value 'f{141}' at 'functionName' failed to satisfy constraint: Member must have length less than or equal to 140$/,
    );
  });

  it('reports nested members by path, list elements and map keys on their container, and leaves sensitive values out', () => {
    expect(
      messageOf('UpdateAlias', {
        labels: { FunctionName: 'fn', Name: 'live' },
        body: json({ RoutingConfig: { AdditionalVersionWeights: { '2': 1.5 } } }),
      }),
    ).toBe(
      "1 validation error detected: Value '{2=1.5}' at 'routingConfig.additionalVersionWeights' failed to satisfy constraint: Map value must satisfy constraint: [Member must have value less than or equal to 1.0]",
    );
    expect(
      messageOf('UpdateFunctionConfiguration', {
        labels: { FunctionName: 'fn' },
        body: json({ Architectures: undefined, Layers: [''] }),
      }),
    ).toBe(
      "1 validation error detected: Value '[]' at 'layers' failed to satisfy constraint: Member must satisfy constraint: [Member must have length greater than or equal to 1, Member must satisfy regular expression pattern: arn:[a-zA-Z0-9-]+:lambda:[a-zA-Z0-9-]+:\\d{12}:layer:[a-zA-Z0-9-_]+:[0-9]+]",
    );
    expect(
      messageOf('UpdateFunctionConfiguration', {
        labels: { FunctionName: 'fn' },
        body: json({ Environment: { Variables: { '1BAD': 'secret-value' } } }),
      }),
    ).toBe(
      "1 validation error detected: Value at 'environment.variables' failed to satisfy constraint: Map keys must satisfy constraint: [Member must satisfy regular expression pattern: [a-zA-Z]([a-zA-Z0-9_])+]",
    );
  });

  it("answers a body that is not the model's JSON with InvalidRequestContentException", () => {
    const answer = validateRequest(
      contracts,
      'UpdateFunctionConfiguration',
      request({ labels: { FunctionName: 'fn' }, body: json({ MemorySize: '256' }) }),
    );
    expect(answer).toMatchObject({ kind: 'malformed', error: { code: 'InvalidRequestContentException' } });
    expect(answer?.error.message).toMatch(/^Could not parse request body into json: 'memorySize' must be a integer/);
  });
});

/** A pool that answers every invocation with its payload (the server test's fake pool, reduced). */
class EchoPool implements SandboxPoolLike {
  readonly cpuMode = 'model' as const;
  async invoke(spec: FunctionRuntimeSpec, payload: Buffer, requestId: string): Promise<InvokeResult> {
    const log = `START RequestId: ${requestId} Version: ${spec.version}\nEND RequestId: ${requestId}\nREPORT RequestId: ${requestId}\tDuration: 1.00 ms\tBilled Duration: 1 ms\tMemory Size: ${spec.memoryMb} MB\tMax Memory Used: 40 MB\t\n`;
    return {
      payload: Buffer.from(String(payload.length)),
      log,
      durationMs: 1,
      billedDurationMs: 1,
      maxMemoryUsedMb: 40,
      executedVersion: spec.version,
    };
  }
  async retire(): Promise<void> {}
  async close(): Promise<void> {}
}

describe('the emulator answers violations as Lambda does, through the real SDK', () => {
  let emulator: Emulator;
  let lambda: LambdaClient;
  let codeDir: string;
  const logLines: string[] = [];

  beforeAll(async () => {
    codeDir = mkdtempSync(join(tmpdir(), 'lpg-contracts-'));
    writeFileSync(join(codeDir, 'index.mjs'), 'export const handler = async (event) => event;\n');
    emulator = await startEmulator({ pool: new EchoPool(), updateDelayMs: 0, logger: (line) => logLines.push(line) });
    await emulator.createFunction({ name: 'fn', codeDir });
    lambda = new LambdaClient({
      endpoint: emulator.endpoint,
      region: emulator.region,
      credentials: { accessKeyId: 't', secretAccessKey: 't' },
      maxAttempts: 1,
    });
  });
  afterAll(async () => {
    lambda.destroy();
    await emulator.close();
    rmSync(codeDir, { recursive: true, force: true });
  });

  it('catches a 300-character Description on UpdateFunctionConfiguration: 400 ValidationException, counted and logged', async () => {
    const before = emulator.contractViolations().length;
    const description = 'x'.repeat(300);
    await expect(
      lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'fn', Description: description })),
    ).rejects.toMatchObject({
      name: 'ValidationException',
      message: `1 validation error detected: Value '${description}' at 'description' failed to satisfy constraint: Member must have length less than or equal to 256`,
      $metadata: { httpStatusCode: 400 },
    });
    expect(emulator.contractViolations().slice(before)).toEqual([
      expect.objectContaining({
        kind: 'validation',
        operation: 'UpdateFunctionConfiguration',
        method: 'PUT',
        path: '/2015-03-31/functions/fn/configuration',
      }),
    ]);
    expect(
      logLines.some(
        (line) =>
          line.startsWith('contract violation [validation] UpdateFunctionConfiguration PUT') &&
          line.includes('→ 400 ValidationException'),
      ),
    ).toBe(true);
    // The request never reached the store: nothing changed.
    expect(emulator.stats().requests['UpdateFunctionConfiguration'] ?? 0).toBe(0);
  });

  it('passes MemorySize 10241 (the model allows 32768) to the service, which refuses it for an on-demand function', async () => {
    const before = emulator.contractViolations().length;
    await expect(
      lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'fn', MemorySize: 10241 })),
    ).rejects.toMatchObject({
      name: 'ValidationException',
      message: "'MemorySize' value failed to satisfy constraint: Member must have value less than or equal to 10240",
    });
    expect(emulator.contractViolations().length).toBe(before);
  });

  it('names an operation of the model that the emulator does not implement (501, not a silent 404)', async () => {
    await expect(lambda.send(new GetPolicyCommand({ FunctionName: 'fn' }))).rejects.toMatchObject({
      name: 'NotImplementedException',
      message: expect.stringMatching(
        /^GetPolicy \(GET \/2015-03-31\/functions\/\{FunctionName\}\/policy\) is a Lambda API operation that this emulator does not implement/,
      ),
      $metadata: { httpStatusCode: 501 },
    });
    expect(emulator.contractViolations().at(-1)).toMatchObject({ kind: 'unimplemented', operation: 'GetPolicy' });
  });

  it('answers a path the model does not know with 404 UnknownOperationException', async () => {
    const response = await fetch(`${emulator.endpoint}/2015-03-31/functions/fn/nothing-here`, { method: 'POST' });
    expect(response.status).toBe(404);
    expect(response.headers.get('x-amzn-errortype')).toBe('UnknownOperationException');
    expect(emulator.contractViolations().at(-1)).toMatchObject({
      kind: 'unknown-operation',
      method: 'POST',
      path: '/2015-03-31/functions/fn/nothing-here',
    });
  });

  it('refuses a request payload of exactly 6291456 bytes (Lambda takes only smaller ones) and takes one byte less', async () => {
    const payloadOf = (bytes: number) => Buffer.from(`"${'a'.repeat(bytes - 2)}"`);
    await expect(
      lambda.send(new InvokeCommand({ FunctionName: 'fn', Payload: payloadOf(6291456) })),
    ).rejects.toMatchObject({
      name: 'RequestEntityTooLargeException',
      message: 'Request must be smaller than 6291456 bytes for the InvokeFunction operation',
      $metadata: { httpStatusCode: 413 },
    });
    const accepted = await lambda.send(new InvokeCommand({ FunctionName: 'fn', Payload: payloadOf(6291455) }));
    expect(Buffer.from(accepted.Payload ?? new Uint8Array()).toString()).toBe('6291455');
  });

  it('lets valid requests through without counting them', async () => {
    const before = emulator.contractViolations().length;
    await lambda.send(new ListVersionsByFunctionCommand({ FunctionName: 'fn', MaxItems: 10 }));
    await lambda.send(new CreateAliasCommand({ FunctionName: 'fn', Name: 'live', FunctionVersion: '$LATEST' }));
    expect(emulator.contractViolations().length).toBe(before);
  });
});
