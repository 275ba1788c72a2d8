// The emulator's HTTP API, driven by the real @aws-sdk/client-lambda: if the SDK parses every answer into the
// documented shapes and typed exceptions, the engine will too. A fake pool stands in for the sandbox here.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateAliasCommand,
  CreateFunctionCommand,
  DeleteAliasCommand,
  DeleteFunctionCommand,
  GetAliasCommand,
  GetFunctionCommand,
  GetFunctionConfigurationCommand,
  InvalidParameterValueException,
  InvalidRequestContentException,
  InvokeCommand,
  LambdaClient,
  LambdaServiceException,
  ListAliasesCommand,
  ListFunctionsCommand,
  ListVersionsByFunctionCommand,
  PreconditionFailedException,
  PublishVersionCommand,
  ResourceConflictException,
  ResourceNotFoundException,
  ServiceException,
  TooManyRequestsException,
  UpdateAliasCommand,
  UpdateFunctionConfigurationCommand,
  paginateListVersionsByFunction,
  waitUntilFunctionUpdatedV2,
  waitUntilPublishedVersionActive,
} from '@aws-sdk/client-lambda';
import {
  asRuntimeExit,
  startEmulator,
  type Emulator,
  type EmulatorOptions,
  type FunctionRuntimeSpec,
  type InvokeResult,
  type SandboxPoolLike,
} from '../../emulator/lambda/server.js';

const REGION = 'us-east-1';
const ARN_PREFIX = 'arn:aws:lambda:us-east-1:123456789012:function:';
const START_MS = Date.parse('2024-05-01T10:00:00.000Z');

interface Call {
  spec: FunctionRuntimeSpec;
  payload: string;
  requestId: string;
}

/** Records what the server asks of the sandbox and answers like one, with a Lambda-shaped text log. */
class FakePool implements SandboxPoolLike {
  readonly cpuMode = 'model' as const;
  readonly calls: Call[] = [];
  readonly retired: Array<[string, string | undefined]> = [];
  respond: (spec: FunctionRuntimeSpec) => Partial<InvokeResult> = () => ({});
  /** While set, invocations wait for it: lets a test hold invocations in flight. */
  gate: Promise<void> | undefined;
  private arrivals: Array<() => void> = [];

  async invoke(spec: FunctionRuntimeSpec, payload: Buffer, requestId: string): Promise<InvokeResult> {
    this.calls.push({ spec, payload: payload.toString('utf8'), requestId });
    this.arrivals.splice(0).forEach((notify) => notify());
    if (this.gate) await this.gate;
    const log =
      `START RequestId: ${requestId} Version: ${spec.version}\n` +
      `END RequestId: ${requestId}\n` +
      `REPORT RequestId: ${requestId}\tDuration: 1.50 ms\tBilled Duration: 2 ms\tMemory Size: ${spec.memoryMb} MB\tMax Memory Used: 40 MB\t\n`;
    return {
      payload: Buffer.from(JSON.stringify({ memoryMb: spec.memoryMb, version: spec.version })),
      log,
      durationMs: 1.5,
      billedDurationMs: 2,
      maxMemoryUsedMb: 40,
      executedVersion: spec.version,
      ...this.respond(spec),
    };
  }

  /** Resolves when `count` invocations in total have reached the pool. */
  async waitForCalls(count: number): Promise<void> {
    while (this.calls.length < count) await new Promise<void>((resolve) => this.arrivals.push(resolve));
  }

  async retire(functionName: string, version?: string): Promise<void> {
    this.retired.push([functionName, version]);
  }

  async close(): Promise<void> {}
}

let codeDir: string;
const open: Emulator[] = [];

beforeAll(() => {
  codeDir = mkdtempSync(join(tmpdir(), 'lpg-emulator-'));
  writeFileSync(join(codeDir, 'index.mjs'), 'export const handler = async (event) => event;\n');
});
afterAll(() => rmSync(codeDir, { recursive: true, force: true }));
afterEach(async () => {
  await Promise.all(open.splice(0).map((emulator) => emulator.close()));
});

interface Setup {
  emulator: Emulator;
  pool: FakePool;
  lambda: LambdaClient;
  /** A client with the SDK's default retries. */
  retrying: LambdaClient;
  advance(ms: number): void;
}

/**
 * An emulator on a manual clock (unless `clock` is given) with function `fn` (128 MB) created Active. Without the
 * control-plane quota (tested in quota.test.ts and reliability/cleanup.test.ts): these tests send requests back to back.
 */
async function setup(options: EmulatorOptions = {}): Promise<Setup> {
  let nowMs = START_MS;
  const pool = new FakePool();
  const emulator = await startEmulator({
    pool,
    clock: () => nowMs,
    updateDelayMs: 50,
    controlPlaneQuota: false,
    ...options,
  });
  open.push(emulator);
  await emulator.createFunction({ name: 'fn', codeDir });
  const clientConfig = {
    endpoint: emulator.endpoint,
    region: REGION,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  };
  return {
    emulator,
    pool,
    lambda: new LambdaClient({ ...clientConfig, maxAttempts: 1 }),
    retrying: new LambdaClient({ ...clientConfig, retryMode: 'standard' }),
    advance: (ms) => {
      nowMs += ms;
    },
  };
}

const decode = (bytes: Uint8Array | undefined) => Buffer.from(bytes ?? new Uint8Array()).toString('utf8');

/** Updates memory, lets the update finish, publishes: the engine's per-power-value step. */
async function publishAt(s: Setup, memoryMb: number, functionName = 'fn') {
  await s.lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: functionName, MemorySize: memoryMb }));
  s.advance(50);
  const published = await s.lambda.send(new PublishVersionCommand({ FunctionName: functionName }));
  s.advance(50);
  return published;
}

describe('configuration', () => {
  it('answers GetFunctionConfiguration with the fields Lambda returns', async () => {
    const s = await setup();
    const config = await s.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'fn' }));
    expect(config).toMatchObject({
      FunctionName: 'fn',
      FunctionArn: `${ARN_PREFIX}fn`,
      Runtime: 'nodejs20.x',
      Role: 'arn:aws:iam::123456789012:role/lambda-power-gate-emulator',
      Handler: 'index.handler',
      CodeSize: Buffer.byteLength('export const handler = async (event) => event;\n'),
      Description: '',
      Timeout: 3,
      MemorySize: 128,
      LastModified: '2024-05-01T10:00:00.000+0000',
      Version: '$LATEST',
      State: 'Active',
      LastUpdateStatus: 'Successful',
      PackageType: 'Zip',
      Architectures: ['x86_64'],
      LoggingConfig: { LogFormat: 'Text', LogGroup: '/aws/lambda/fn' },
    });
    expect(config.CodeSha256).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(config.RevisionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(config.Environment).toBeUndefined();
    expect(config.$metadata.httpStatusCode).toBe(200);
  });

  it('answers GetFunction with the configuration and a code location', async () => {
    const s = await setup();
    const fn = await s.lambda.send(new GetFunctionCommand({ FunctionName: 'fn' }));
    expect(fn.Configuration?.FunctionName).toBe('fn');
    // A pre-signed-looking link the emulator serves (code.test.ts downloads it).
    expect(fn.Code?.RepositoryType).toBe('S3');
    expect(fn.Code?.Location).toMatch(new RegExp(`^${s.emulator.endpoint}/snapshots/123456789012/fn-[0-9a-f]{16}\\?`));
  });

  it('lists functions', async () => {
    const s = await setup();
    await s.emulator.createFunction({ name: 'another', codeDir });
    const listed = await s.lambda.send(new ListFunctionsCommand({}));
    expect(listed.Functions?.map((f) => f.FunctionName)).toEqual(['another', 'fn']);
  });

  it('resolves a name, a full ARN, a partial ARN and name:qualifier like Lambda', async () => {
    const s = await setup();
    await publishAt(s, 256);
    const ask = (FunctionName: string, Qualifier?: string) =>
      s.lambda.send(new GetFunctionConfigurationCommand({ FunctionName, Qualifier }));
    expect((await ask(`${ARN_PREFIX}fn`)).MemorySize).toBe(256);
    expect((await ask('123456789012:function:fn')).MemorySize).toBe(256);
    expect(await ask('fn:1')).toMatchObject({ Version: '1', FunctionArn: `${ARN_PREFIX}fn:1` });
    expect(await ask(`${ARN_PREFIX}fn:1`)).toMatchObject({ Version: '1' });
    expect(await ask('fn', '$LATEST')).toMatchObject({ Version: '$LATEST', FunctionArn: `${ARN_PREFIX}fn:$LATEST` });
    await expect(ask('fn:1', '2')).rejects.toBeInstanceOf(InvalidParameterValueException);
    await expect(ask('arn:aws:lambda:eu-west-1:123456789012:function:fn')).rejects.toBeInstanceOf(
      ResourceNotFoundException,
    );
  });

  it('raises ResourceNotFoundException with Lambda message for unknown functions and versions', async () => {
    const s = await setup();
    const missing = s.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'nope' }));
    await expect(missing).rejects.toBeInstanceOf(ResourceNotFoundException);
    await expect(missing).rejects.toMatchObject({
      message: `Function not found: ${ARN_PREFIX}nope`,
      Type: 'User',
      $metadata: { httpStatusCode: 404 },
    });
    await expect(
      s.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'fn', Qualifier: '7' })),
    ).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: `Function not found: ${ARN_PREFIX}fn:7`,
    });
  });
});

describe('UpdateFunctionConfiguration and the InProgress window', () => {
  it('stays InProgress for updateDelayMs, refuses updates and publishes meanwhile, then succeeds', async () => {
    const s = await setup();
    const updated = await s.lambda.send(
      new UpdateFunctionConfigurationCommand({
        FunctionName: 'fn',
        MemorySize: 512,
        Description: 'tuned',
        Timeout: 10,
        Environment: { Variables: { MODE: 'fast' } },
        LoggingConfig: { LogFormat: 'JSON' },
      }),
    );
    expect(updated).toMatchObject({
      MemorySize: 512,
      Description: 'tuned',
      Timeout: 10,
      Environment: { Variables: { MODE: 'fast' } },
      LoggingConfig: {
        LogFormat: 'JSON',
        LogGroup: '/aws/lambda/fn',
        ApplicationLogLevel: 'INFO',
        SystemLogLevel: 'INFO',
      },
      State: 'Active',
      LastUpdateStatus: 'InProgress',
      LastUpdateStatusReason: 'The function is being created.',
      LastUpdateStatusReasonCode: 'Creating',
    });
    const busyMessage = `The operation cannot be performed at this time. An update is in progress for resource: ${ARN_PREFIX}fn`;
    const again = s.lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'fn', MemorySize: 1024 }));
    await expect(again).rejects.toBeInstanceOf(ResourceConflictException);
    await expect(again).rejects.toMatchObject({ message: busyMessage, $metadata: { httpStatusCode: 409 } });
    await expect(s.lambda.send(new PublishVersionCommand({ FunctionName: 'fn' }))).rejects.toMatchObject({
      name: 'ResourceConflictException',
      message: busyMessage,
    });

    s.advance(49);
    expect((await s.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'fn' }))).LastUpdateStatus).toBe(
      'InProgress',
    );
    s.advance(1);
    const done = await s.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'fn' }));
    expect(done.LastUpdateStatus).toBe('Successful');
    expect(done.LastUpdateStatusReason).toBeUndefined();
    expect(done.MemorySize).toBe(512);
    // Finishing the update moves RevisionId on, as Lambda does.
    expect(done.RevisionId).not.toBe(updated.RevisionId);
    expect(s.pool.retired).toEqual([['fn', '$LATEST']]);
  });

  it('returns once Successful through the SDK waiter (real clock)', async () => {
    const s = await setup({ clock: Date.now });
    await s.lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'fn', MemorySize: 256 }));
    const waited = await waitUntilFunctionUpdatedV2(
      { client: s.lambda, minDelay: 0.05, maxDelay: 0.1, maxWaitTime: 20 },
      { FunctionName: 'fn' },
    );
    expect(waited.state).toBe('SUCCESS');
    const config = await s.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'fn' }));
    expect(config).toMatchObject({ LastUpdateStatus: 'Successful', MemorySize: 256 });
  });

  it('enforces RevisionId when the request carries one', async () => {
    const s = await setup();
    const { RevisionId } = await s.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'fn' }));
    const stale = s.lambda.send(
      new UpdateFunctionConfigurationCommand({ FunctionName: 'fn', MemorySize: 256, RevisionId: 'not-it' }),
    );
    await expect(stale).rejects.toBeInstanceOf(PreconditionFailedException);
    await expect(stale).rejects.toMatchObject({ $metadata: { httpStatusCode: 412 } });
    const updated = await s.lambda.send(
      new UpdateFunctionConfigurationCommand({ FunctionName: 'fn', MemorySize: 256, RevisionId }),
    );
    s.advance(50);
    // The RevisionId UpdateFunctionConfiguration returned is stale once the update has finished.
    await expect(
      s.lambda.send(new PublishVersionCommand({ FunctionName: 'fn', RevisionId: updated.RevisionId })),
    ).rejects.toBeInstanceOf(PreconditionFailedException);
    const current = await s.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'fn' }));
    const published = await s.lambda.send(
      new PublishVersionCommand({ FunctionName: 'fn', RevisionId: current.RevisionId }),
    );
    expect(published).toMatchObject({ Version: '1', MemorySize: 256 });
  });

  it('validates values as Lambda does', async () => {
    const s = await setup();
    await expect(
      s.lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'fn', MemorySize: 100 })),
    ).rejects.toMatchObject({
      name: 'ValidationException',
      $metadata: { httpStatusCode: 400 },
    });
    await expect(
      s.lambda.send(
        new UpdateFunctionConfigurationCommand({ FunctionName: 'fn', Environment: { Variables: { AWS_REGION: 'x' } } }),
      ),
    ).rejects.toBeInstanceOf(InvalidParameterValueException);
    await expect(
      s.lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'fn:1', MemorySize: 256 })),
    ).rejects.toBeInstanceOf(InvalidParameterValueException);
  });
});

describe('PublishVersion and versions', () => {
  it('publishes immutable snapshots and returns the last version when nothing changed', async () => {
    const s = await setup();
    const v1 = await publishAt(s, 256);
    expect(v1).toMatchObject({
      Version: '1',
      MemorySize: 256,
      FunctionArn: `${ARN_PREFIX}fn:1`,
      LastUpdateStatus: 'Successful',
    });
    expect(v1.$metadata.httpStatusCode).toBe(201);
    const v2 = await publishAt(s, 1024);
    expect(v2.Version).toBe('2');
    const unchanged = await s.lambda.send(new PublishVersionCommand({ FunctionName: 'fn' }));
    expect(unchanged.Version).toBe('2');
    expect(unchanged.RevisionId).toBe(v2.RevisionId);
    const snapshot = await s.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'fn', Qualifier: '1' }));
    expect(snapshot.MemorySize).toBe(256);
  });

  it('takes a Description for the version and checks CodeSha256', async () => {
    const s = await setup();
    const { CodeSha256 } = await s.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'fn' }));
    await expect(
      s.lambda.send(new PublishVersionCommand({ FunctionName: 'fn', CodeSha256: 'AAAA' })),
    ).rejects.toBeInstanceOf(InvalidParameterValueException);
    const published = await s.lambda.send(
      new PublishVersionCommand({ FunctionName: 'fn', CodeSha256, Description: 'run 42' }),
    );
    expect(published).toMatchObject({ Version: '1', Description: 'run 42' });
    expect((await s.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'fn' }))).Description).toBe('');
  });

  it('paginates ListVersionsByFunction with Marker and MaxItems', async () => {
    const s = await setup();
    for (const memoryMb of [256, 512, 1024, 2048, 3008]) await publishAt(s, memoryMb);
    const first = await s.lambda.send(new ListVersionsByFunctionCommand({ FunctionName: 'fn', MaxItems: 2 }));
    expect(first.Versions?.map((v) => v.Version)).toEqual(['$LATEST', '1']);
    expect(first.Versions?.[0]?.FunctionArn).toBe(`${ARN_PREFIX}fn:$LATEST`);
    const second = await s.lambda.send(
      new ListVersionsByFunctionCommand({ FunctionName: 'fn', MaxItems: 2, Marker: first.NextMarker }),
    );
    expect(second.Versions?.map((v) => [v.Version, v.MemorySize])).toEqual([
      ['2', 512],
      ['3', 1024],
    ]);
    const seen: string[] = [];
    for await (const page of paginateListVersionsByFunction(
      { client: s.lambda, pageSize: 4 },
      { FunctionName: 'fn' },
    )) {
      seen.push((page.Versions ?? []).map((v) => v.Version).join(','));
    }
    expect(seen).toEqual(['$LATEST,1,2,3', '4,5']);
  });

  it('deletes one version with a Qualifier, refusing $LATEST and versions an alias points at', async () => {
    const s = await setup();
    await publishAt(s, 256);
    await publishAt(s, 512);
    await s.lambda.send(new CreateAliasCommand({ FunctionName: 'fn', Name: 'live', FunctionVersion: '1' }));
    const blocked = s.lambda.send(new DeleteFunctionCommand({ FunctionName: 'fn', Qualifier: '1' }));
    await expect(blocked).rejects.toBeInstanceOf(ResourceConflictException);
    await expect(blocked).rejects.toMatchObject({
      message: 'Unable to delete version because the following aliases reference it: [live]',
    });
    await expect(
      s.lambda.send(new DeleteFunctionCommand({ FunctionName: 'fn', Qualifier: '$LATEST' })),
    ).rejects.toBeInstanceOf(InvalidParameterValueException);
    const deleted = await s.lambda.send(new DeleteFunctionCommand({ FunctionName: 'fn:2' }));
    expect(deleted.StatusCode).toBe(204);
    expect(s.pool.retired).toContainEqual(['fn', '2']);
    await expect(
      s.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'fn', Qualifier: '2' })),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);
    // Version numbers are never reused.
    expect((await publishAt(s, 1024)).Version).toBe('3');
  });

  it('deletes the whole function', async () => {
    const s = await setup();
    await publishAt(s, 256);
    await s.lambda.send(new DeleteFunctionCommand({ FunctionName: `${ARN_PREFIX}fn` }));
    await expect(s.lambda.send(new GetFunctionCommand({ FunctionName: 'fn' }))).rejects.toBeInstanceOf(
      ResourceNotFoundException,
    );
    expect(s.pool.retired).toContainEqual(['fn', undefined]);
  });
});

describe('PublishVersion leaves $LATEST free', () => {
  // Real Lambda has no lock after PublishVersion: AWS Lambda Power Tuning 4.0–4.3 (lambda/utils.js at c4e7541,
  // 2021-07 → 2024-05) ran update → wait → publish → alias → next update with no wait after the publish, on real
  // Lambda for every user (its PR #177: 250 versions made in a row that way). LocalStack's publish leaves
  // LastUpdateStatus alone and gives $LATEST a new RevisionId ("Update revision id for $LATEST version").
  it('accepts the next UpdateFunctionConfiguration at once and moves $LATEST to a new RevisionId', async () => {
    const s = await setup();
    await s.lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'fn', MemorySize: 256 }));
    s.advance(50);
    const before = await s.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'fn' }));
    const published = await s.lambda.send(
      new PublishVersionCommand({ FunctionName: 'fn', RevisionId: before.RevisionId }),
    );
    expect(published).toMatchObject({ Version: '1', State: 'Active' });
    const after = await s.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'fn' }));
    expect(after.LastUpdateStatus).toBe('Successful');
    expect(after.RevisionId).not.toBe(before.RevisionId);
    // A RevisionId read before the publish no longer guards a change; the one read after it does, with no wait.
    await expect(
      s.lambda.send(
        new UpdateFunctionConfigurationCommand({ FunctionName: 'fn', MemorySize: 512, RevisionId: before.RevisionId }),
      ),
    ).rejects.toBeInstanceOf(PreconditionFailedException);
    const next = await s.lambda.send(
      new UpdateFunctionConfigurationCommand({ FunctionName: 'fn', MemorySize: 512, RevisionId: after.RevisionId }),
    );
    expect(next).toMatchObject({ MemorySize: 512, LastUpdateStatus: 'InProgress' });
  });

  it('does not move $LATEST when PublishVersion hands back the existing version', async () => {
    const s = await setup();
    await publishAt(s, 256);
    const before = await s.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'fn' }));
    expect((await s.lambda.send(new PublishVersionCommand({ FunctionName: 'fn' }))).Version).toBe('1');
    expect((await s.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'fn' }))).RevisionId).toBe(
      before.RevisionId,
    );
  });
});

describe('versions that take time to become Active', () => {
  const busy =
    'The operation cannot be performed at this time. The function is currently in the following state: Pending';

  it('keeps a SnapStart version Pending for its window and refuses to invoke it, directly or through an alias', async () => {
    // A python3.12 function is SnapStart-capable; the fake pool runs nothing, so any interpreter path will do.
    const s = await setup({ snapStartPendingMs: 5000, python: '/usr/bin/python3' });
    await s.emulator.createFunction({
      name: 'snap',
      codeDir,
      runtime: 'python3.12',
      handler: 'index.handler',
      snapStart: true,
    });
    const latest = await s.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'snap' }));
    expect(latest).toMatchObject({
      Runtime: 'python3.12',
      State: 'Active',
      SnapStart: { ApplyOn: 'PublishedVersions', OptimizationStatus: 'Off' },
    });
    const published = await publishAt(s, 256, 'snap');
    // AWS docs (snapstart-activate): a version is ready when "OptimizationStatus is On and State is Active".
    expect(published).toMatchObject({
      Version: '1',
      State: 'Pending',
      StateReasonCode: 'Creating',
      SnapStart: { ApplyOn: 'PublishedVersions', OptimizationStatus: 'On' },
    });
    await s.lambda.send(new CreateAliasCommand({ FunctionName: 'snap', Name: 'live', FunctionVersion: '1' }));
    for (const Qualifier of ['1', 'live']) {
      const refused = s.lambda.send(new InvokeCommand({ FunctionName: 'snap', Qualifier }));
      await expect(refused).rejects.toBeInstanceOf(ResourceConflictException);
      await expect(refused).rejects.toMatchObject({ message: busy, $metadata: { httpStatusCode: 409 } });
    }
    // $LATEST is not a SnapStart version: it runs on demand meanwhile.
    await s.lambda.send(new InvokeCommand({ FunctionName: 'snap' }));
    s.advance(5000 - 50);
    const version = await s.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'snap', Qualifier: '1' }));
    expect(version).toMatchObject({ State: 'Active', SnapStart: { OptimizationStatus: 'On' } });
    expect(version.StateReasonCode).toBeUndefined();
    await s.lambda.send(new InvokeCommand({ FunctionName: 'snap', Qualifier: 'live' }));
    expect(s.pool.calls.map((call) => [call.spec.version, call.spec.snapStart])).toEqual([
      ['$LATEST', false],
      ['1', true],
    ]);
  });

  it('waits through the SDK waiter waitUntilPublishedVersionActive (real clock)', async () => {
    const s = await setup({ clock: Date.now, snapStartPendingMs: 300, python: '/usr/bin/python3' });
    await s.emulator.createFunction({ name: 'snap', codeDir, runtime: 'python3.13', snapStart: true });
    const published = await s.lambda.send(new PublishVersionCommand({ FunctionName: 'snap' }));
    expect(published.State).toBe('Pending');
    const waited = await waitUntilPublishedVersionActive(
      { client: s.lambda, minDelay: 0.05, maxDelay: 0.1, maxWaitTime: 20 },
      { FunctionName: 'snap', Qualifier: published.Version },
    );
    expect(waited.state).toBe('SUCCESS');
  });

  it('gives versions of other functions the window configured for them, per function', async () => {
    const s = await setup({ versionPendingMs: 200 });
    await s.emulator.createFunction({ name: 'quick', codeDir, versionPendingMs: 0 });
    expect((await publishAt(s, 256)).State).toBe('Pending');
    // publishAt advanced 50 ms after the publish: 150 ms of the 200 ms window left.
    expect(
      (await s.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'fn', Qualifier: '1' }))).State,
    ).toBe('Pending');
    s.advance(150);
    expect(
      (await s.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'fn', Qualifier: '1' }))).State,
    ).toBe('Active');
    expect((await publishAt(s, 256, 'quick')).State).toBe('Active');
  });

  it('refuses SnapStart on Node.js runtimes as Lambda does', async () => {
    const s = await setup();
    // Lambda offers SnapStart for Java 11+, Python 3.12+ and .NET 8+; on AWS a Node.js function gets
    // "nodejs22.x is not supported for SnapStart enabled functions." (localstack/localstack#12458).
    await expect(
      s.lambda.send(
        new UpdateFunctionConfigurationCommand({ FunctionName: 'fn', SnapStart: { ApplyOn: 'PublishedVersions' } }),
      ),
    ).rejects.toMatchObject({
      name: 'InvalidParameterValueException',
      message: 'nodejs20.x is not supported for SnapStart enabled functions.',
      $metadata: { httpStatusCode: 400 },
    });
    await expect(s.emulator.createFunction({ name: 'node-snap', codeDir, snapStart: true })).rejects.toThrow(
      'nodejs20.x is not supported for SnapStart enabled functions.',
    );
  });

  it('says so when python3 is missing', async () => {
    const s = await setup({ python: null });
    await expect(s.emulator.createFunction({ name: 'py', codeDir, runtime: 'python3.12' })).rejects.toThrow(
      /python3\.12 cannot run here: no python3 on PATH/,
    );
    expect(s.emulator.python).toEqual({ missing: expect.stringContaining('no python3 on PATH') });
  });
});

describe('aliases', () => {
  it('creates, reads, updates, lists and deletes aliases', async () => {
    const s = await setup();
    await publishAt(s, 256);
    await publishAt(s, 512);
    const created = await s.lambda.send(
      new CreateAliasCommand({ FunctionName: 'fn', Name: 'run-1-256', FunctionVersion: '1', Description: 'd' }),
    );
    expect(created).toMatchObject({
      AliasArn: `${ARN_PREFIX}fn:run-1-256`,
      Name: 'run-1-256',
      FunctionVersion: '1',
      Description: 'd',
    });
    expect(created.$metadata.httpStatusCode).toBe(201);
    await expect(
      s.lambda.send(new CreateAliasCommand({ FunctionName: 'fn', Name: 'run-1-256', FunctionVersion: '1' })),
    ).rejects.toMatchObject({
      name: 'ResourceConflictException',
      message: `Alias already exists: ${ARN_PREFIX}fn:run-1-256`,
    });
    await expect(
      s.lambda.send(new CreateAliasCommand({ FunctionName: 'fn', Name: 'x', FunctionVersion: '9' })),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);
    expect(await s.lambda.send(new GetAliasCommand({ FunctionName: 'fn', Name: 'run-1-256' }))).toMatchObject({
      FunctionVersion: '1',
    });

    await expect(
      s.lambda.send(
        new UpdateAliasCommand({ FunctionName: 'fn', Name: 'run-1-256', FunctionVersion: '2', RevisionId: 'stale' }),
      ),
    ).rejects.toBeInstanceOf(PreconditionFailedException);
    const updated = await s.lambda.send(
      new UpdateAliasCommand({
        FunctionName: 'fn',
        Name: 'run-1-256',
        FunctionVersion: '2',
        RevisionId: created.RevisionId,
      }),
    );
    expect(updated.FunctionVersion).toBe('2');
    expect(updated.RevisionId).not.toBe(created.RevisionId);

    await s.lambda.send(new CreateAliasCommand({ FunctionName: 'fn', Name: 'a-first', FunctionVersion: '1' }));
    await s.lambda.send(new CreateAliasCommand({ FunctionName: 'fn', Name: 'z-last', FunctionVersion: '1' }));
    const page1 = await s.lambda.send(new ListAliasesCommand({ FunctionName: 'fn', MaxItems: 2 }));
    expect(page1.Aliases?.map((a) => a.Name)).toEqual(['a-first', 'run-1-256']);
    const page2 = await s.lambda.send(
      new ListAliasesCommand({ FunctionName: 'fn', MaxItems: 2, Marker: page1.NextMarker }),
    );
    expect(page2.Aliases?.map((a) => a.Name)).toEqual(['z-last']);
    expect(page2.NextMarker).toBeUndefined();
    const onVersion1 = await s.lambda.send(new ListAliasesCommand({ FunctionName: 'fn', FunctionVersion: '1' }));
    expect(onVersion1.Aliases?.map((a) => a.Name)).toEqual(['a-first', 'z-last']);

    const deleted = await s.lambda.send(new DeleteAliasCommand({ FunctionName: 'fn', Name: 'z-last' }));
    expect(deleted.$metadata.httpStatusCode).toBe(204);
    await expect(s.lambda.send(new GetAliasCommand({ FunctionName: 'fn', Name: 'z-last' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: `Alias not found: ${ARN_PREFIX}fn:z-last`,
    });
  });

  it('invokes an alias with the memory of the version it points at, while $LATEST has moved on', async () => {
    const s = await setup();
    await publishAt(s, 1024);
    await s.lambda.send(new CreateAliasCommand({ FunctionName: 'fn', Name: 'big', FunctionVersion: '1' }));
    await s.lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'fn', MemorySize: 128 }));
    const viaAlias = await s.lambda.send(new InvokeCommand({ FunctionName: 'fn', Qualifier: 'big' }));
    expect(viaAlias.ExecutedVersion).toBe('1');
    expect(JSON.parse(decode(viaAlias.Payload))).toEqual({ memoryMb: 1024, version: '1' });
    const viaArn = await s.lambda.send(new InvokeCommand({ FunctionName: `${ARN_PREFIX}fn:big` }));
    expect(viaArn.ExecutedVersion).toBe('1');
    const latest = await s.lambda.send(new InvokeCommand({ FunctionName: 'fn' }));
    expect(latest.ExecutedVersion).toBe('$LATEST');
    expect(s.pool.calls.map((c) => [c.spec.version, c.spec.memoryMb])).toEqual([
      ['1', 1024],
      ['1', 1024],
      ['$LATEST', 128],
    ]);
    expect(s.pool.calls.map((c) => c.spec.invokedFunctionArn)).toEqual([
      `${ARN_PREFIX}fn:big`,
      `${ARN_PREFIX}fn:big`,
      `${ARN_PREFIX}fn`,
    ]);
    expect(s.pool.calls[0]?.spec).toEqual({
      functionName: 'fn',
      invokedFunctionArn: `${ARN_PREFIX}fn:big`,
      runtime: 'nodejs20.x',
      snapStart: false,
      version: '1',
      codeDir,
      handler: 'index.handler',
      memoryMb: 1024,
      timeoutSec: 3,
      environment: {},
      logFormat: 'Text',
    });
  });
});

describe('Invoke', () => {
  it('returns the payload, the function error and the last 4 KB of the log', async () => {
    const s = await setup();
    const longLog = `${'x'.repeat(5000)}\nEND\n`;
    s.pool.respond = () => ({
      payload: Buffer.from('{"errorType":"Error","errorMessage":"boom"}'),
      functionError: 'Unhandled',
      errorType: 'Error',
      log: longLog,
    });
    const response = await s.lambda.send(
      new InvokeCommand({ FunctionName: 'fn', LogType: 'Tail', Payload: Buffer.from('{"n":1}') }),
    );
    expect(response.StatusCode).toBe(200);
    expect(response.FunctionError).toBe('Unhandled');
    expect(JSON.parse(decode(response.Payload))).toEqual({ errorType: 'Error', errorMessage: 'boom' });
    const tail = Buffer.from(response.LogResult ?? '', 'base64').toString('utf8');
    expect(tail).toBe(longLog.slice(longLog.length - 4096));
    expect(s.pool.calls[0]?.payload).toBe('{"n":1}');
    expect(s.pool.calls[0]?.requestId).toBe(response.$metadata.requestId);
  });

  it('omits LogResult without LogType Tail and sends {} for an empty payload', async () => {
    const s = await setup();
    const response = await s.lambda.send(new InvokeCommand({ FunctionName: 'fn' }));
    expect(response.LogResult).toBeUndefined();
    expect(response.FunctionError).toBeUndefined();
    expect(s.pool.calls[0]?.payload).toBe('{}');
  });

  it('rejects a payload that is not JSON', async () => {
    const s = await setup();
    await expect(
      s.lambda.send(new InvokeCommand({ FunctionName: 'fn', Payload: Buffer.from('not json') })),
    ).rejects.toBeInstanceOf(InvalidRequestContentException);
    expect(s.pool.calls).toHaveLength(0);
  });

  it('answers Event with 202 and DryRun with 204', async () => {
    const s = await setup();
    expect((await s.lambda.send(new InvokeCommand({ FunctionName: 'fn', InvocationType: 'DryRun' }))).StatusCode).toBe(
      204,
    );
    expect(s.pool.calls).toHaveLength(0);
    expect((await s.lambda.send(new InvokeCommand({ FunctionName: 'fn', InvocationType: 'Event' }))).StatusCode).toBe(
      202,
    );
    await s.pool.waitForCalls(1);
  });

  it('refuses invocations above the concurrency limit with 429', async () => {
    const s = await setup({ concurrencyLimit: 2, throttleRetryAfterSeconds: 3 });
    let release = () => {};
    s.pool.gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const running = [1, 2].map(() => s.lambda.send(new InvokeCommand({ FunctionName: 'fn' })));
    await s.pool.waitForCalls(2);
    const throttled = s.lambda.send(new InvokeCommand({ FunctionName: 'fn' }));
    await expect(throttled).rejects.toBeInstanceOf(TooManyRequestsException);
    await expect(throttled).rejects.toMatchObject({
      Reason: 'ConcurrentInvocationLimitExceeded',
      retryAfterSeconds: '3',
      message: 'Rate Exceeded.',
      $metadata: { httpStatusCode: 429 },
    });
    release();
    await Promise.all(running);
    await expect(s.lambda.send(new InvokeCommand({ FunctionName: 'fn' }))).resolves.toMatchObject({ StatusCode: 200 });
  });
});

describe('CreateFunction over the API', () => {
  it('creates from a local directory, Pending until the delay has passed', async () => {
    const s = await setup();
    const created = await s.lambda.send(
      new CreateFunctionCommand({
        FunctionName: 'made',
        Role: 'arn:aws:iam::123456789012:role/r',
        Runtime: 'nodejs20.x',
        Handler: 'index.handler',
        Code: { S3Bucket: 'local', S3Key: codeDir },
        MemorySize: 256,
        Architectures: ['arm64'],
      }),
    );
    expect(created).toMatchObject({
      FunctionName: 'made',
      State: 'Pending',
      StateReasonCode: 'Creating',
      MemorySize: 256,
      Architectures: ['arm64'],
    });
    expect(created.$metadata.httpStatusCode).toBe(201);
    await expect(s.lambda.send(new InvokeCommand({ FunctionName: 'made' }))).rejects.toMatchObject({
      name: 'ResourceConflictException',
      message:
        'The operation cannot be performed at this time. The function is currently in the following state: Pending',
    });
    s.advance(50);
    expect(await s.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'made' }))).toMatchObject({
      State: 'Active',
      LastUpdateStatus: 'Successful',
    });
    await expect(s.lambda.send(new InvokeCommand({ FunctionName: 'made' }))).resolves.toMatchObject({
      StatusCode: 200,
    });
  });

  it('rejects a ZipFile that is not a zip, unknown directories and duplicate names', async () => {
    const s = await setup();
    const base = { Role: 'arn:aws:iam::123456789012:role/r', Runtime: 'nodejs20.x' as const, Handler: 'index.handler' };
    await expect(
      s.lambda.send(
        new CreateFunctionCommand({ ...base, FunctionName: 'zip', Code: { ZipFile: new Uint8Array([1, 2]) } }),
      ),
    ).rejects.toBeInstanceOf(InvalidParameterValueException);
    await expect(
      s.lambda.send(
        new CreateFunctionCommand({
          ...base,
          FunctionName: 'gone',
          Code: { S3Bucket: 'local', S3Key: join(codeDir, 'missing') },
        }),
      ),
    ).rejects.toBeInstanceOf(InvalidParameterValueException);
    await expect(
      s.lambda.send(
        new CreateFunctionCommand({ ...base, FunctionName: 'fn', Code: { S3Bucket: 'local', S3Key: codeDir } }),
      ),
    ).rejects.toMatchObject({ name: 'ResourceConflictException', message: 'Function already exist: fn' });
  });
});

describe('fault injection', () => {
  it('throttles the next N requests of an operation, with Reason and Retry-After', async () => {
    const s = await setup({
      faults: { throttle: { operations: ['GetFunctionConfiguration'], next: 2, retryAfterSeconds: 0 } },
    });
    const get = () => s.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'fn' }));
    await expect(s.lambda.send(new GetAliasCommand({ FunctionName: 'fn', Name: 'x' }))).rejects.toBeInstanceOf(
      ResourceNotFoundException,
    );
    await expect(get()).rejects.toMatchObject({
      name: 'TooManyRequestsException',
      Reason: 'CallerRateLimitExceeded',
      retryAfterSeconds: '0',
    });
    await expect(get()).rejects.toBeInstanceOf(TooManyRequestsException);
    await expect(get()).resolves.toMatchObject({ FunctionName: 'fn' });
  });

  it('lets the SDK retry through a burst: every attempt reaches the emulator', async () => {
    const s = await setup({
      faults: { throttle: { operations: ['GetFunctionConfiguration'], next: 2, retryAfterSeconds: 0 } },
    });
    await expect(s.retrying.send(new GetFunctionConfigurationCommand({ FunctionName: 'fn' }))).resolves.toMatchObject({
      FunctionName: 'fn',
    });
    expect(s.emulator.stats().requests['GetFunctionConfiguration']).toBe(3);
  });

  it('answers 500 ServiceException for the next N requests', async () => {
    const s = await setup();
    s.emulator.setFaults('fn', { serverError: { next: 1 } });
    const failed = s.lambda.send(new InvokeCommand({ FunctionName: 'fn' }));
    await expect(failed).rejects.toBeInstanceOf(ServiceException);
    await expect(failed).rejects.toMatchObject({ $fault: 'server', $metadata: { httpStatusCode: 500 } });
    await expect(s.lambda.send(new InvokeCommand({ FunctionName: 'fn' }))).resolves.toMatchObject({ StatusCode: 200 });
    expect(s.pool.calls).toHaveLength(1);
  });

  it('draws probability faults from a seeded PRNG: the same seed fails the same requests', async () => {
    const pattern = async () => {
      const s = await setup({ faults: { serverError: { probability: 0.5 }, seed: 7 } });
      const outcomes: string[] = [];
      for (let i = 0; i < 16; i++) {
        outcomes.push(
          await s.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'fn' })).then(
            () => 'ok',
            (error: Error) => error.name,
          ),
        );
      }
      return outcomes;
    };
    const first = await pattern();
    expect(first).toContain('ok');
    expect(first).toContain('ServiceException');
    expect(await pattern()).toEqual(first);
  });

  it('drops the connection without answering', async () => {
    const s = await setup();
    s.emulator.setFaults('*', { dropConnection: { operations: ['PublishVersion'], next: 1 } });
    const dropped = await s.lambda
      .send(new PublishVersionCommand({ FunctionName: 'fn' }))
      .catch((error: unknown) => error);
    expect(dropped).toBeInstanceOf(Error);
    expect(dropped).not.toBeInstanceOf(LambdaServiceException);
    expect(s.emulator.stats().requests['PublishVersion']).toBe(1);
    await expect(s.lambda.send(new PublishVersionCommand({ FunctionName: 'fn' }))).resolves.toMatchObject({
      Version: '1',
    });
  });

  it('keeps per-function faults to that function', async () => {
    const s = await setup();
    await s.emulator.createFunction({ name: 'other', codeDir });
    s.emulator.setFaults('other', { throttle: { next: 5 } });
    await expect(s.lambda.send(new InvokeCommand({ FunctionName: 'fn' }))).resolves.toMatchObject({ StatusCode: 200 });
    await expect(s.lambda.send(new InvokeCommand({ FunctionName: `${ARN_PREFIX}other` }))).rejects.toMatchObject({
      Reason: 'ConcurrentInvocationLimitExceeded',
    });
    s.emulator.setFaults('other', {});
    await expect(s.lambda.send(new InvokeCommand({ FunctionName: 'other' }))).resolves.toMatchObject({
      StatusCode: 200,
    });
  });

  it('slows the control plane but not invocations', async () => {
    const s = await setup();
    s.emulator.setFaults('fn', { controlPlaneLatencyMs: 60_000 });
    const abort = new AbortController();
    let answered = false;
    const slow = s.lambda
      .send(new GetFunctionConfigurationCommand({ FunctionName: 'fn' }), { abortSignal: abort.signal })
      .then(() => {
        answered = true;
      })
      .catch(() => undefined);
    await expect(s.lambda.send(new InvokeCommand({ FunctionName: 'fn' }))).resolves.toMatchObject({ StatusCode: 200 });
    expect(answered).toBe(false);
    abort.abort();
    await slow;
    expect(answered).toBe(false);
  });

  it('lengthens the InProgress window per function', async () => {
    const s = await setup();
    s.emulator.setFaults('fn', { updateDelayMs: 5000 });
    await s.lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'fn', MemorySize: 256 }));
    s.advance(4999);
    expect((await s.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'fn' }))).LastUpdateStatus).toBe(
      'InProgress',
    );
    s.advance(1);
    expect((await s.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'fn' }))).LastUpdateStatus).toBe(
      'Successful',
    );
  });

  it('crashes the next N invocations with Runtime.ExitError and a cold environment after', async () => {
    const s = await setup();
    s.emulator.setFaults('fn', { crash: { next: 1 } });
    const crashed = await s.lambda.send(new InvokeCommand({ FunctionName: 'fn', LogType: 'Tail' }));
    expect(crashed.FunctionError).toBe('Unhandled');
    expect(JSON.parse(decode(crashed.Payload))).toMatchObject({ errorType: 'Runtime.ExitError' });
    const log = Buffer.from(crashed.LogResult ?? '', 'base64')
      .toString('utf8')
      .split('\n');
    const errorLine = log.findIndex((l) => l.includes('Error: Runtime exited with error'));
    expect(errorLine).toBeGreaterThan(0);
    expect(log[errorLine + 1]).toBe('Runtime.ExitError');
    expect(log[errorLine + 2]).toMatch(/^END RequestId: /);
    expect(log[errorLine + 3]).toMatch(
      /^REPORT RequestId: .*\tDuration: 1\.50 ms\t.*\tMax Memory Used: 40 MB\tStatus: error\tError Type: Runtime\.ExitError$/,
    );
    expect(s.pool.retired).toEqual([['fn', '$LATEST']]);
    const next = await s.lambda.send(new InvokeCommand({ FunctionName: 'fn' }));
    expect(next.FunctionError).toBeUndefined();
  });
});

describe('asRuntimeExit', () => {
  it('marks the JSON platform records of a crashed invocation', () => {
    const log =
      '{"time":"t","type":"platform.start","record":{"requestId":"r","version":"$LATEST"}}\n' +
      '{"timestamp":"t","level":"INFO","requestId":"r","message":"hi"}\n' +
      '{"time":"t","type":"platform.runtimeDone","record":{"requestId":"r","status":"success"}}\n' +
      '{"time":"t","type":"platform.report","record":{"requestId":"r","metrics":{"durationMs":1.5},"status":"success"}}\n';
    const crashed = asRuntimeExit(
      {
        payload: Buffer.from('{}'),
        log,
        durationMs: 1.5,
        billedDurationMs: 2,
        maxMemoryUsedMb: 40,
        executedVersion: '$LATEST',
      },
      'r',
      'JSON',
    );
    const records = crashed.log
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { type?: string; record?: object });
    expect(records[1]).toEqual({ timestamp: 't', level: 'INFO', requestId: 'r', message: 'hi' });
    expect(records[2]?.record).toEqual({ requestId: 'r', status: 'error', errorType: 'Runtime.ExitError' });
    expect(records[3]?.record).toEqual({
      requestId: 'r',
      metrics: { durationMs: 1.5 },
      status: 'error',
      errorType: 'Runtime.ExitError',
    });
    expect(crashed).toMatchObject({ functionError: 'Unhandled', errorType: 'Runtime.ExitError' });
  });
});

describe('stats', () => {
  it('counts API calls by operation', async () => {
    const s = await setup();
    expect(s.emulator.stats().requests).toEqual({});
    await s.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'fn' }));
    await s.lambda.send(new InvokeCommand({ FunctionName: 'fn' }));
    await s.lambda.send(new InvokeCommand({ FunctionName: 'fn' }));
    expect(s.emulator.stats().requests).toEqual({ GetFunctionConfiguration: 1, Invoke: 2 });
  });
});

describe('with the real SandboxPool', () => {
  it('runs the noop sample: cold then warm, and cold again after a configuration update', async () => {
    const emulator = await startEmulator({ sampleFunctions: true, updateDelayMs: 50 });
    open.push(emulator);
    expect(['cgroup', 'model']).toContain(emulator.cpuMode);
    const lambda = new LambdaClient({
      endpoint: emulator.endpoint,
      region: REGION,
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      maxAttempts: 1,
    });
    const invoke = async () => {
      const response = await lambda.send(
        new InvokeCommand({ FunctionName: 'noop', LogType: 'Tail', Payload: JSON.stringify({ items: [3, 1, 2] }) }),
      );
      const log = Buffer.from(response.LogResult ?? '', 'base64').toString('utf8');
      return { response, report: log.split('\n').find((line) => line.startsWith('REPORT RequestId: ')) ?? '' };
    };
    const cold = await invoke();
    expect(JSON.parse(decode(cold.response.Payload))).toMatchObject({ count: 3, items: [1, 2, 3] });
    expect(cold.response.ExecutedVersion).toBe('$LATEST');
    expect(cold.report).toContain(`RequestId: ${cold.response.$metadata.requestId}\t`);
    expect(cold.report).toContain('\tMemory Size: 128 MB\t');
    expect(cold.report).toContain('\tInit Duration: ');
    const warm = await invoke();
    expect(warm.report).not.toContain('Init Duration');

    await lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'noop', MemorySize: 256 }));
    await waitUntilFunctionUpdatedV2(
      { client: lambda, minDelay: 0.05, maxDelay: 0.1, maxWaitTime: 20 },
      { FunctionName: 'noop' },
    );
    const afterUpdate = await invoke();
    expect(afterUpdate.report).toContain('\tMemory Size: 256 MB\t');
    expect(afterUpdate.report).toContain('\tInit Duration: ');
  });
});
