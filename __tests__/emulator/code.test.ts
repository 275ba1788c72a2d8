// The emulator's deployment packages, layers and tags, through the real @aws-sdk/client-lambda: CreateFunction with
// Code.ZipFile (unpacked into a directory the emulator owns and deletes with the function), GetFunction's
// Code.Location (a pre-signed-looking link the emulator serves for 10 minutes), Lambda's package-size limits,
// GetLayerVersion's CompatibleArchitectures, and tags on CreateFunction, GetFunction and ListTags.

import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateFunctionCommand,
  DeleteFunctionCommand,
  GetFunctionCommand,
  GetLayerVersionByArnCommand,
  GetLayerVersionCommand,
  InvalidParameterValueException,
  InvokeCommand,
  LambdaClient,
  ListTagsCommand,
  UpdateFunctionConfigurationCommand,
  waitUntilFunctionActiveV2,
  waitUntilFunctionUpdatedV2,
} from '@aws-sdk/client-lambda';
import { unzipSync, zipSync } from 'fflate';
import { createHash } from 'node:crypto';
import { MAX_CREATE_FUNCTION_REQUEST_BYTES } from '../../emulator/lambda/code.js';
import {
  startEmulator,
  type Emulator,
  type FunctionRuntimeSpec,
  type InvokeResult,
} from '../../emulator/lambda/server.js';

const ROLE = 'arn:aws:iam::123456789012:role/lambda-power-gate-emulator';
const HANDLER_SOURCE = 'export const handler = async () => ({ ok: true });\n';

/** Answers every invocation and records the code directory it was asked to run. */
class RecordingPool {
  readonly cpuMode = 'model' as const;
  readonly codeDirs: string[] = [];
  async invoke(spec: FunctionRuntimeSpec, _payload: Buffer, requestId: string): Promise<InvokeResult> {
    this.codeDirs.push(spec.codeDir);
    return {
      payload: Buffer.from(readFileSync(join(spec.codeDir, 'index.mjs'))),
      log: `REPORT RequestId: ${requestId}\tDuration: 1.00 ms\tBilled Duration: 1 ms\tMemory Size: ${spec.memoryMb} MB\tMax Memory Used: 40 MB\t\n`,
      durationMs: 1,
      billedDurationMs: 1,
      maxMemoryUsedMb: 40,
      executedVersion: spec.version,
    };
  }
  async retire(): Promise<void> {}
  async close(): Promise<void> {}
}

let emulator: Emulator;
let lambda: LambdaClient;
let pool: RecordingPool;
let nowMs = Date.parse('2026-12-01T10:00:00Z');
let codeDir: string;

beforeAll(async () => {
  codeDir = mkdtempSync(join(tmpdir(), 'lpg-code-'));
  writeFileSync(join(codeDir, 'index.mjs'), HANDLER_SOURCE);
  pool = new RecordingPool();
  emulator = await startEmulator({ pool, clock: () => nowMs, updateDelayMs: 0, controlPlaneQuota: false });
  lambda = new LambdaClient({
    endpoint: emulator.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  });
});

afterAll(async () => {
  lambda.destroy();
  await emulator.close();
  rmSync(codeDir, { recursive: true, force: true });
});

const zipOf = (files: Record<string, string | Uint8Array>) =>
  zipSync(Object.fromEntries(Object.entries(files).map(([name, body]) => [name, Buffer.from(body)])));

const createZip = (
  name: string,
  zip: Uint8Array,
  extra: Partial<ConstructorParameters<typeof CreateFunctionCommand>[0]> = {},
) =>
  lambda.send(
    new CreateFunctionCommand({
      FunctionName: name,
      Role: ROLE,
      Runtime: 'nodejs20.x',
      Handler: 'index.handler',
      Code: { ZipFile: zip },
      ...extra,
    }),
  );

describe('CreateFunction with Code.ZipFile', () => {
  it('unpacks the zip, runs it, reports its SHA-256 and size, and deletes the directory with the function', async () => {
    const zip = zipOf({ 'index.mjs': HANDLER_SOURCE, 'lib/data.json': '{"a":1}' });
    const created = await createZip('zipped', zip, { Architectures: ['arm64'] });
    expect(created).toMatchObject({
      CodeSha256: createHash('sha256').update(zip).digest('base64'),
      CodeSize: zip.length,
      Architectures: ['arm64'],
      PackageType: 'Zip',
    });
    await waitUntilFunctionActiveV2({ client: lambda, minDelay: 1, maxWaitTime: 10 }, { FunctionName: 'zipped' });
    const invoked = await lambda.send(new InvokeCommand({ FunctionName: 'zipped' }));
    expect(invoked.StatusCode).toBe(200);
    const dir = pool.codeDirs.at(-1) ?? '';
    expect(readFileSync(join(dir, 'lib', 'data.json'), 'utf8')).toBe('{"a":1}');
    await lambda.send(new DeleteFunctionCommand({ FunctionName: 'zipped' }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(existsSync(dir)).toBe(false);
  });

  it('refuses what is not a zip, and an entry that would land outside the package', async () => {
    await expect(createZip('notzip', new Uint8Array([1, 2, 3]))).rejects.toMatchObject({
      name: 'InvalidParameterValueException',
      message: 'Could not unzip uploaded file. Please check your file, then try to upload again.',
    });
    await expect(createZip('slip', zipOf({ '../escape.mjs': HANDLER_SOURCE }))).rejects.toBeInstanceOf(
      InvalidParameterValueException,
    );
    expect(emulator.functionNames()).not.toContain('slip');
  });

  it('refuses a request over Lambda’s 69905067 bytes (50 MB zipped, base64) with RequestEntityTooLargeException', async () => {
    const big = new Uint8Array(50 * 1024 * 1024 + 1);
    await expect(createZip('big', big)).rejects.toMatchObject({
      name: 'RequestEntityTooLargeException',
      message: `Request must be smaller than ${MAX_CREATE_FUNCTION_REQUEST_BYTES} bytes for the CreateFunction operation`,
    });
    expect(MAX_CREATE_FUNCTION_REQUEST_BYTES).toBe(69905067);
  });

  it('refuses a package over 250 MB unzipped, read from the zip before inflating anything', async () => {
    // A small zip whose central directory declares 250 MB for its one file: refused from the directory alone.
    const bomb = zipOf({ 'index.mjs': HANDLER_SOURCE });
    const view = new DataView(bomb.buffer, bomb.byteOffset, bomb.byteLength);
    for (let at = 0; at + 4 <= bomb.length; at++)
      if (view.getUint32(at, true) === 0x02014b50) view.setUint32(at + 24, 262_144_000, true);
    await expect(createZip('bomb', bomb)).rejects.toMatchObject({
      name: 'InvalidParameterValueException',
      message: 'Unzipped size must be smaller than 262144000 bytes',
    });
  });
});

describe('GetFunction Code.Location', () => {
  it('is a pre-signed-looking link to the package, served for 10 minutes', async () => {
    const zip = zipOf({ 'index.mjs': HANDLER_SOURCE });
    await createZip('linked', zip);
    const { Code } = await lambda.send(new GetFunctionCommand({ FunctionName: 'linked' }));
    expect(Code?.RepositoryType).toBe('S3');
    const url = new URL(Code?.Location ?? '');
    expect(url.origin).toBe(emulator.endpoint);
    expect(url.pathname).toMatch(/^\/snapshots\/123456789012\/linked-[0-9a-f]{16}$/);
    expect(url.searchParams.get('X-Amz-Algorithm')).toBe('AWS4-HMAC-SHA256');
    expect(url.searchParams.get('X-Amz-Expires')).toBe('600');
    const downloaded = new Uint8Array(await (await fetch(url)).arrayBuffer());
    expect(Buffer.from(downloaded).equals(Buffer.from(zip))).toBe(true);

    const forged = new URL(url);
    forged.searchParams.set('versionId', '7');
    expect((await fetch(forged)).status).toBe(403);
    nowMs += 601_000;
    const expired = await fetch(url);
    expect(expired.status).toBe(403);
    expect(await expired.text()).toContain('<Code>AccessDenied</Code><Message>Request has expired</Message>');
  });

  it('serves a function made from a directory as the zip of that directory', async () => {
    await emulator.createFunction({ name: 'fromdir', codeDir });
    const { Code } = await lambda.send(new GetFunctionCommand({ FunctionName: 'fromdir' }));
    const zip = new Uint8Array(await (await fetch(Code?.Location ?? '')).arrayBuffer());
    expect(Buffer.from(unzipSync(zip)['index.mjs'] ?? new Uint8Array()).toString('utf8')).toBe(HANDLER_SOURCE);
  });
});

describe('layers and tags', () => {
  it('answers GetLayerVersion and GetLayerVersionByArn with the declared architectures', async () => {
    const arn = emulator.publishLayer({
      name: 'deps',
      compatibleArchitectures: ['x86_64'],
      compatibleRuntimes: ['nodejs20.x'],
    });
    expect(arn).toBe('arn:aws:lambda:us-east-1:123456789012:layer:deps:1');
    expect(await lambda.send(new GetLayerVersionByArnCommand({ Arn: arn }))).toMatchObject({
      LayerVersionArn: arn,
      Version: 1,
      CompatibleArchitectures: ['x86_64'],
      CompatibleRuntimes: ['nodejs20.x'],
    });
    expect(await lambda.send(new GetLayerVersionCommand({ LayerName: 'deps', VersionNumber: 1 }))).toMatchObject({
      LayerVersionArn: arn,
    });
    await expect(
      lambda.send(new GetLayerVersionCommand({ LayerName: 'deps', VersionNumber: 2 })),
    ).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
  });

  it('lets a function use a layer of the other architecture, as Lambda does, and shows it in Configuration.Layers', async () => {
    const arn = emulator.publishLayer({ name: 'x86only', compatibleArchitectures: ['x86_64'] });
    const created = await createZip('armwithlayer', zipOf({ 'index.mjs': HANDLER_SOURCE }), {
      Architectures: ['arm64'],
      Layers: [arn],
      EphemeralStorage: { Size: 1024 },
    });
    expect(created.Layers).toEqual([{ Arn: arn, CodeSize: 1024 }]);
    expect(created.EphemeralStorage).toEqual({ Size: 1024 });
    await expect(
      createZip('missinglayer', zipOf({ 'index.mjs': HANDLER_SOURCE }), {
        Layers: ['arn:aws:lambda:us-east-1:123456789012:layer:nothere:3'],
      }),
    ).rejects.toBeInstanceOf(InvalidParameterValueException);
  });

  it('keeps CreateFunction’s tags: GetFunction and ListTags return them; aws: keys are reserved', async () => {
    const created = await createZip('tagged', zipOf({ 'index.mjs': HANDLER_SOURCE }), { Tags: { team: 'shop' } });
    expect((await lambda.send(new GetFunctionCommand({ FunctionName: 'tagged' }))).Tags).toEqual({ team: 'shop' });
    expect((await lambda.send(new ListTagsCommand({ Resource: created.FunctionArn }))).Tags).toEqual({ team: 'shop' });
    await expect(
      createZip('awstag', zipOf({ 'index.mjs': HANDLER_SOURCE }), { Tags: { 'aws:owner': 'me' } }),
    ).rejects.toBeInstanceOf(InvalidParameterValueException);
  });
});

describe('UpdateFunctionConfiguration', () => {
  it('applies Layers and EphemeralStorage, refusing a layer the emulator does not have', async () => {
    const arn = emulator.publishLayer({ name: 'later', compatibleArchitectures: ['arm64'] });
    await createZip('updated', zipOf({ 'index.mjs': HANDLER_SOURCE }));
    const updated = await lambda.send(
      new UpdateFunctionConfigurationCommand({
        FunctionName: 'updated',
        Layers: [arn],
        EphemeralStorage: { Size: 4096 },
      }),
    );
    expect(updated.Layers).toEqual([{ Arn: arn, CodeSize: 1024 }]);
    expect(updated.EphemeralStorage).toEqual({ Size: 4096 });
    await waitUntilFunctionUpdatedV2({ client: lambda, minDelay: 1, maxWaitTime: 10 }, { FunctionName: 'updated' });
    await expect(
      lambda.send(
        new UpdateFunctionConfigurationCommand({
          FunctionName: 'updated',
          Layers: ['arn:aws:lambda:us-east-1:123456789012:layer:nothere:1'],
        }),
      ),
    ).rejects.toBeInstanceOf(InvalidParameterValueException);
  });

  it('counts layers with the code toward 250 MB unzipped, as Lambda does', async () => {
    const heavy = emulator.publishLayer({ name: 'heavy', unzippedSizeBytes: 262_144_000 - 10 });
    await expect(
      createZip('toobig', zipOf({ 'index.mjs': HANDLER_SOURCE }), { Layers: [heavy] }),
    ).rejects.toMatchObject({
      name: 'InvalidParameterValueException',
      message: expect.stringMatching(
        /^Function code combined with layers exceeds the maximum allowed size of 262144000 bytes\. The actual size is \d+ bytes\.$/,
      ),
    });
    await expect(
      lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'updated', Layers: [heavy] })),
    ).rejects.toMatchObject({
      name: 'InvalidParameterValueException',
      message: 'Layers consume more than the available size of 262144000 bytes',
    });
  });
});
