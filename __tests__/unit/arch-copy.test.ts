// The architecture copy's edge cases the emulator cannot produce (a container image, a package over 50 MB, a
// non-HTTPS Code.Location, a copy that never becomes Active, a CreateFunction whose first answer was lost), with
// aws-sdk-client-mock. The normal path and the refusals the emulator can show are in integration/arch-copy.test.ts.

import {
  CreateFunctionCommand,
  DeleteFunctionCommand,
  GetFunctionCommand,
  LambdaClient,
  ResourceConflictException,
  type GetFunctionCommandOutput,
} from '@aws-sdk/client-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { zipSync } from 'fflate';
import { silentLogger } from '../../src/lib/ports.js';
import {
  CopyRefusedError,
  createInput,
  makeArchitectureCopy,
  type ArchitectureCopyOptions,
} from '../../src/tuning/arch-copy.js';
import { nativeFiles } from '../../src/tuning/arch-copy-package.js';

const client = new LambdaClient({ region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
const mock = mockClient(client);
const ZIP = zipSync({ 'index.mjs': Buffer.from('export const handler = async () => 1;\n') });
const ARN = 'arn:aws:lambda:us-east-1:123456789012:function:shop';

const options = (extra: Partial<ArchitectureCopyOptions> = {}): ArchitectureCopyOptions => ({
  runId: 'abcd1234',
  deadlineMs: Date.parse('2026-12-01T12:00:00Z'),
  logger: silentLogger,
  sleep: async () => {},
  fetch: async () => new Response(ZIP, { status: 200 }),
  waiterMinDelaySec: 1,
  waiterMaxWaitSec: 2,
  sweepLeftovers: false,
  ...extra,
});

const source = (configuration: Record<string, unknown> = {}, code: Record<string, unknown> = {}) =>
  ({
    Configuration: {
      FunctionName: 'shop',
      FunctionArn: ARN,
      Runtime: 'nodejs20.x',
      Role: 'arn:aws:iam::123456789012:role/shop',
      Handler: 'index.handler',
      Architectures: ['x86_64'],
      PackageType: 'Zip',
      CodeSize: ZIP.length,
      ...configuration,
    },
    Code: {
      RepositoryType: 'S3',
      Location: 'https://awslambda-us-east-1-tasks.s3.amazonaws.com/snapshots/x?sig=1',
      ...code,
    },
    $metadata: {},
  }) as GetFunctionCommandOutput;

beforeEach(() => mock.reset());

describe('makeArchitectureCopy refuses, in one line naming compare-function', () => {
  it('a container image', async () => {
    mock
      .on(GetFunctionCommand)
      .resolves(source({ PackageType: 'Image' }, { ImageUri: '1.dkr.ecr/x:1', Location: undefined }));
    await expect(makeArchitectureCopy(client, 'shop', 'arm64', options())).rejects.toThrow(
      'Cannot make an arm64 copy of shop: it is a container image (PackageType Image), and only a .zip function can be copied; deploy an arm64 build of the function yourself and name it in compare-function',
    );
    expect(mock.commandCalls(CreateFunctionCommand)).toHaveLength(0);
  });

  it('a package over Lambda’s 50 MB direct upload, before downloading it', async () => {
    let downloaded = false;
    mock.on(GetFunctionCommand).resolves(source({ CodeSize: 50 * 1024 * 1024 + 1 }));
    const refused = makeArchitectureCopy(
      client,
      'shop',
      'arm64',
      options({
        fetch: async () => {
          downloaded = true;
          return new Response(ZIP);
        },
      }),
    );
    await expect(refused).rejects.toBeInstanceOf(CopyRefusedError);
    await expect(refused).rejects.toThrow(
      /its package is 50\.0 MB zipped, over the 50 MB Lambda takes as a direct upload/,
    );
    expect(downloaded).toBe(false);
  });

  it('an OS-only runtime (a native bootstrap)', async () => {
    mock.on(GetFunctionCommand).resolves(source({ Runtime: 'provided.al2023' }));
    await expect(makeArchitectureCopy(client, 'shop', 'arm64', options())).rejects.toThrow(
      /OS-only runtime \(provided\.al2023\).*compare-function$/,
    );
  });

  it('a download that keeps failing: three tries, then one line without the link’s signature', async () => {
    mock.on(GetFunctionCommand).resolves(source());
    let tries = 0;
    const failing = options({
      fetch: async () => {
        tries++;
        return new Response('busy', { status: 503 });
      },
    });
    await expect(makeArchitectureCopy(client, 'shop', 'arm64', failing)).rejects.toThrow(
      'Downloading the package of the function from https://awslambda-us-east-1-tasks.s3.amazonaws.com/snapshots/x failed: HTTP 503',
    );
    expect(tries).toBe(3);
  });

  it('a Code.Location that is not HTTPS (unless it is the emulator’s own endpoint)', async () => {
    mock.on(GetFunctionCommand).resolves(source({}, { Location: 'http://evil.example/zip' }));
    await expect(makeArchitectureCopy(client, 'shop', 'arm64', options())).rejects.toThrow(/not an HTTPS link/);
  });
});

describe('makeArchitectureCopy when creating goes wrong', () => {
  it('deletes the copy when it does not become Active, then throws', async () => {
    mock
      .on(GetFunctionCommand, { FunctionName: 'shop' })
      .resolves(source())
      .on(GetFunctionCommand, { FunctionName: 'lpg-copy-abcd1234-arm64-shop' })
      .resolves({ Configuration: { State: 'Failed', StateReason: 'role cannot be assumed' }, $metadata: {} });
    mock.on(CreateFunctionCommand).resolves({ FunctionName: 'lpg-copy-abcd1234-arm64-shop', State: 'Pending' });
    mock.on(DeleteFunctionCommand).resolves({});
    await expect(makeArchitectureCopy(client, 'shop', 'arm64', options())).rejects.toThrow(
      'The copy lpg-copy-abcd1234-arm64-shop did not become Active: role cannot be assumed',
    );
    expect(mock.commandCalls(DeleteFunctionCommand).map((call) => call.args[0].input)).toEqual([
      { FunctionName: 'lpg-copy-abcd1234-arm64-shop' },
    ]);
  });

  it('takes "already exists" as its own CreateFunction whose answer was lost (the name is the run’s)', async () => {
    mock
      .on(GetFunctionCommand, { FunctionName: 'shop' })
      .resolves(source())
      .on(GetFunctionCommand, { FunctionName: 'lpg-copy-abcd1234-arm64-shop' })
      .resolves({
        Configuration: { FunctionArn: `${ARN}-copy`, State: 'Active' },
        Tags: { 'lambda-power-gate:run-id': 'abcd1234' },
        $metadata: {},
      });
    mock
      .on(CreateFunctionCommand)
      .rejects(new ResourceConflictException({ message: 'Function already exist: x', $metadata: {} }));
    const copy = await makeArchitectureCopy(client, 'shop', 'arm64', options());
    expect(copy.functionArn).toBe(`${ARN}-copy`);
  });
});

describe('createInput', () => {
  it('copies what the copy needs to run alike, on the other architecture, and tags it', () => {
    const input = createInput(
      {
        FunctionName: 'shop',
        FunctionArn: ARN,
        Role: 'r',
        Handler: 'h',
        Runtime: 'python3.12',
        Timeout: 30,
        MemorySize: 1024,
        Environment: { Variables: { A: '1' } },
        Layers: [{ Arn: 'arn:aws:lambda:us-east-1:123456789012:layer:l:1', CodeSize: 3 }],
        EphemeralStorage: { Size: 4096 },
        LoggingConfig: { LogFormat: 'JSON', ApplicationLogLevel: 'WARN', SystemLogLevel: 'INFO', LogGroup: '/shared' },
        TracingConfig: { Mode: 'Active' },
        VpcConfig: { SubnetIds: ['s-1'], SecurityGroupIds: ['sg-1'], VpcId: 'vpc-1' },
        SnapStart: { ApplyOn: 'PublishedVersions', OptimizationStatus: 'On' },
      },
      'lpg-copy-abcd1234-arm64-shop',
      'arm64',
      ZIP,
      { runId: 'abcd1234', deadlineMs: Date.parse('2026-12-01T12:00:00.200Z') },
    );
    expect(input).toEqual({
      FunctionName: 'lpg-copy-abcd1234-arm64-shop',
      Role: 'r',
      Handler: 'h',
      Runtime: 'python3.12',
      Code: { ZipFile: ZIP },
      PackageType: 'Zip',
      Architectures: ['arm64'],
      Description: 'lambda-power-gate abcd1234: arm64 copy of shop',
      Timeout: 30,
      MemorySize: 1024,
      Publish: false,
      Environment: { Variables: { A: '1' } },
      Layers: ['arn:aws:lambda:us-east-1:123456789012:layer:l:1'],
      EphemeralStorage: { Size: 4096 },
      LoggingConfig: { LogFormat: 'JSON', ApplicationLogLevel: 'WARN', SystemLogLevel: 'INFO', LogGroup: '/shared' },
      TracingConfig: { Mode: 'Active' },
      VpcConfig: { SubnetIds: ['s-1'], SecurityGroupIds: ['sg-1'] },
      SnapStart: { ApplyOn: 'PublishedVersions' },
      Tags: {
        'lambda-power-gate:copy-of': ARN,
        'lambda-power-gate:run-id': 'abcd1234',
        'lambda-power-gate:until': '2026-12-01T12:00:01Z',
      },
    });
  });

  it('finds native files by name', () => {
    expect(
      nativeFiles([
        'a.js',
        'x/y.node',
        'lib/libvips.so.42',
        'm.cpython-312-x86_64-linux-gnu.so',
        'so.txt',
        'README.so.md',
      ]),
    ).toEqual(['x/y.node', 'lib/libvips.so.42', 'm.cpython-312-x86_64-linux-gnu.so']);
    expect(
      nativeFiles([
        'node_modules/@esbuild/linux-x64/bin/esbuild',
        'node_modules/@img/sharp-linux-arm64/package.json',
        'node_modules/linux-x64-ish/index.js',
        'src/linux-x64/notes.md',
      ]),
    ).toEqual(['node_modules/@esbuild/linux-x64/bin/esbuild', 'node_modules/@img/sharp-linux-arm64/package.json']);
  });
});
