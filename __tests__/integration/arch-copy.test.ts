// The copy on the other architecture (src/tuning/arch-copy.ts), made through the real @aws-sdk/client-lambda against
// the emulator: downloaded from GetFunction's Code.Location, uploaded as ZipFile, tagged, Active, invocable, deleted;
// refused in one line naming compare-function for a layer without the other architecture and for native code; a copy
// a killed run left is found and deleted by the post step (from the saved state) and by the next copying run (by
// its tags, once its run's deadline has passed).

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateFunctionCommand,
  GetFunctionCommand,
  InvokeCommand,
  LambdaClient,
  waitUntilFunctionActiveV2,
} from '@aws-sdk/client-lambda';
import { zipSync } from 'fflate';
import { startEmulator, type Emulator } from '../../emulator/lambda/server.js';
import { parseOutputsFile } from '../../emulator/github/runner.js';
import {
  CopyRefusedError,
  makeArchitectureCopy,
  withArchitectureCopy,
  type ArchitectureCopyOptions,
} from '../../src/tuning/arch-copy.js';
import { COPY_TAGS, copyName, recoverAbandonedCopies } from '../../src/tuning/arch-copy-leftovers.js';
import type { EngineLogger } from '../../src/lib/ports.js';

const ROLE = 'arn:aws:iam::123456789012:role/lambda-power-gate-emulator';
const START_MS = Date.now();
const HOUR_MS = 3_600_000;

let emulator: Emulator;
let lambda: LambdaClient;
let workspace: string;

function recordingLogger(): EngineLogger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (message) => lines.push(`info: ${message}`),
    warning: (message) => lines.push(`warning: ${message}`),
    debug: () => {},
    group: (_name, fn) => fn(),
    progress: () => {},
  };
}

const optionsFor = (runId: string, extra: Partial<ArchitectureCopyOptions> = {}): ArchitectureCopyOptions => ({
  runId,
  deadlineMs: START_MS + HOUR_MS,
  logger: recordingLogger(),
  endpoint: emulator.endpoint,
  waiterMinDelaySec: 1,
  ...extra,
});

beforeAll(async () => {
  emulator = await startEmulator({ updateDelayMs: 100 });
  lambda = new LambdaClient({
    endpoint: emulator.endpoint,
    region: emulator.region,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  workspace = mkdtempSync(join(tmpdir(), 'lpg-arch-copy-'));
});

afterAll(async () => {
  lambda.destroy();
  await emulator.close();
  rmSync(workspace, { recursive: true, force: true });
});

const gone = async (functionName: string) =>
  lambda.send(new GetFunctionCommand({ FunctionName: functionName })).then(
    () => false,
    (error: { name?: string }) => error.name === 'ResourceNotFoundException',
  );

async function createZipFunction(name: string, files: Record<string, string>, layers: string[] = []) {
  const zip = zipSync(Object.fromEntries(Object.entries(files).map(([path, body]) => [path, Buffer.from(body)])));
  await lambda.send(
    new CreateFunctionCommand({
      FunctionName: name,
      Role: ROLE,
      Runtime: 'nodejs20.x',
      Handler: 'index.handler',
      Code: { ZipFile: zip },
      ...(layers.length > 0 ? { Layers: layers } : {}),
    }),
  );
  await waitUntilFunctionActiveV2({ client: lambda, minDelay: 1, maxWaitTime: 30 }, { FunctionName: name });
}

describe('makeArchitectureCopy', () => {
  it('makes an arm64 copy with the same code and configuration, tagged and Active, and dispose deletes it', async () => {
    const layer = emulator.publishLayer({ name: 'both', compatibleArchitectures: ['x86_64', 'arm64'] });
    await emulator.createFunction({
      name: 'shop',
      sample: 'noop',
      memoryMb: 512,
      timeoutSec: 20,
      environment: { STAGE: 'pr-7' },
      layers: [layer],
      ephemeralStorageMb: 2048,
      logFormat: 'JSON',
    });
    const source = await lambda.send(new GetFunctionCommand({ FunctionName: 'shop' }));
    const logger = recordingLogger();
    const copy = await makeArchitectureCopy(lambda, 'shop', 'arm64', optionsFor('aaaa1111', { logger }));

    expect(copy).toMatchObject({ functionName: 'lpg-copy-aaaa1111-arm64-shop', architecture: 'arm64' });
    const made = await lambda.send(new GetFunctionCommand({ FunctionName: copy.functionName }));
    const { Configuration: original } = source;
    expect(made.Configuration).toMatchObject({
      State: 'Active',
      Architectures: ['arm64'],
      Role: original?.Role,
      Handler: original?.Handler,
      Runtime: original?.Runtime,
      MemorySize: 512,
      Timeout: 20,
      Environment: { Variables: { STAGE: 'pr-7' } },
      Layers: [{ Arn: layer, CodeSize: 1024 }],
      EphemeralStorage: { Size: 2048 },
      LoggingConfig: { LogFormat: 'JSON', LogGroup: `/aws/lambda/${copy.functionName}` },
    });
    expect(made.Tags).toEqual({
      [COPY_TAGS.copyOf]: original?.FunctionArn,
      [COPY_TAGS.runId]: 'aaaa1111',
      [COPY_TAGS.until]: new Date(Math.ceil((START_MS + HOUR_MS) / 1000) * 1000).toISOString().replace(/\.000Z$/, 'Z'),
    });
    const [fromSource, fromCopy] = await Promise.all(
      ['shop', copy.functionName].map((name) =>
        lambda.send(new InvokeCommand({ FunctionName: name, Payload: Buffer.from('{"n":1}') })),
      ),
    );
    expect(fromCopy?.FunctionError).toBeUndefined();
    expect(Buffer.from(fromCopy?.Payload ?? []).toString()).toBe(Buffer.from(fromSource?.Payload ?? []).toString());

    await copy.dispose();
    await copy.dispose();
    expect(await gone(copy.functionName)).toBe(true);
    expect(emulator.functionNames()).not.toContain(copy.functionName);
    expect(logger.lines.some((line) => line.includes('Deleted the copy lpg-copy-aaaa1111-arm64-shop'))).toBe(true);
  });

  it('names a copy of a 64-character function within 64 characters, unique per source', () => {
    const long = 'a'.repeat(64);
    const name = copyName('0123abcd', 'x86_64', long);
    expect(name.length).toBeLessThanOrEqual(64);
    expect(name).toMatch(/^lpg-copy-0123abcd-x86_64-a+-[0-9a-f]{6}$/);
    expect(copyName('0123abcd', 'x86_64', `${'a'.repeat(63)}b`)).not.toBe(name);
  });

  it('refuses a layer without the other architecture, and one that declares none, in one line naming compare-function', async () => {
    const x86Layer = emulator.publishLayer({ name: 'native-deps', compatibleArchitectures: ['x86_64'] });
    const undeclared = emulator.publishLayer({ name: 'old-deps' });
    await emulator.createFunction({ name: 'with-x86-layer', sample: 'noop', layers: [x86Layer] });
    await emulator.createFunction({ name: 'with-old-layer', sample: 'noop', layers: [undeclared] });

    const refused = makeArchitectureCopy(lambda, 'with-x86-layer', 'arm64', optionsFor('bbbb2222'));
    await expect(refused).rejects.toBeInstanceOf(CopyRefusedError);
    await expect(refused).rejects.toThrow(
      `Cannot make an arm64 copy of with-x86-layer: its layer ${x86Layer} is built for x86_64 only; deploy an arm64 build of the function yourself and name it in compare-function`,
    );
    await expect(makeArchitectureCopy(lambda, 'with-old-layer', 'arm64', optionsFor('bbbb2222'))).rejects.toThrow(
      /declares no compatible architectures.*compare-function$/,
    );
    expect(emulator.functionNames().filter((name) => name.startsWith('lpg-copy-bbbb2222'))).toEqual([]);
  });

  it('refuses a package with native modules (.node, Python .so) in one line naming compare-function', async () => {
    await createZipFunction('with-sharp', {
      'index.mjs': 'export const handler = async () => 1;\n',
      'node_modules/sharp/build/Release/sharp-linux-x64.node': 'ELF',
    });
    await createZipFunction('with-numpy', {
      'index.mjs': 'export const handler = async () => 1;\n',
      'numpy/core/_multiarray_umath.cpython-312-x86_64-linux-gnu.so': 'ELF',
    });
    const message = await makeArchitectureCopy(lambda, 'with-sharp', 'arm64', optionsFor('cccc3333')).then(
      () => '',
      (error: Error) => error.message,
    );
    expect(message).toBe(
      'Cannot make an arm64 copy of with-sharp: its package holds native code built for x86_64 (node_modules/sharp/build/Release/sharp-linux-x64.node); deploy an arm64 build of the function yourself and name it in compare-function',
    );
    expect(message).not.toContain('\n');
    await expect(makeArchitectureCopy(lambda, 'with-numpy', 'arm64', optionsFor('cccc3333'))).rejects.toThrow(
      /native code built for x86_64 \(numpy\/core\/_multiarray_umath\.cpython-312-x86_64-linux-gnu\.so\)/,
    );
    expect(emulator.functionNames().filter((name) => name.startsWith('lpg-copy-cccc3333'))).toEqual([]);
  });
});

describe('withArchitectureCopy deletes the copy on every path', () => {
  beforeAll(() => emulator.createFunction({ name: 'cart', sample: 'noop' }));

  it('when the work succeeds, and when it fails', async () => {
    let used = '';
    await expect(
      withArchitectureCopy(lambda, 'cart', 'arm64', optionsFor('gggg7777'), async (copy) => {
        used = copy.functionName;
        return 'measured';
      }),
    ).resolves.toBe('measured');
    expect(await gone(used)).toBe(true);
    await expect(
      withArchitectureCopy(lambda, 'cart', 'arm64', optionsFor('hhhh8888'), async (copy) => {
        used = copy.functionName;
        throw new Error('every power value failed');
      }),
    ).rejects.toThrow('every power value failed');
    expect(await gone(used)).toBe(true);
  });

  it('when the run is cancelled (timeout-minutes, SIGTERM): on the clean-up budget after the signal', async () => {
    const cancel = new AbortController();
    let used = '';
    const run = withArchitectureCopy(
      lambda,
      'cart',
      'arm64',
      optionsFor('iiii9999', { signal: cancel.signal }),
      async (copy) => {
        used = copy.functionName;
        cancel.abort(new Error('SIGTERM'));
        throw cancel.signal.reason as Error;
      },
    );
    await expect(run).rejects.toThrow('SIGTERM');
    expect(await gone(used)).toBe(true);
  });
});

describe('a copy a killed run left', () => {
  it('is deleted by the post step from the state the main step saved before creating it', async () => {
    await emulator.createFunction({ name: 'orders', sample: 'noop' });
    const statePath = join(workspace, 'github-state.txt');
    writeFileSync(statePath, '');
    const env = { GITHUB_STATE: statePath };
    const saved = process.env.GITHUB_STATE;
    process.env.GITHUB_STATE = statePath;
    try {
      const { runStateSavers } = await import('../../src/action/post.js');
      const savers = runStateSavers(emulator.endpoint, env);
      // The main step: the copy is made, then the process is killed before dispose.
      const copy = await makeArchitectureCopy(
        lambda,
        'orders',
        'arm64',
        optionsFor('dddd4444', {
          onCreating: ({ functionName }) =>
            savers.onCopy({ functionName, region: emulator.region }, { runId: 'dddd4444' }),
        }),
      );
      expect(await gone(copy.functionName)).toBe(false);

      // The post step, as the runner starts it: the saved state as STATE_run.
      const state = parseOutputsFile(readFileSync(statePath, 'utf8'));
      process.env.STATE_run = state.run;
      const { post } = await import('../../src/action/post.js');
      const out: string[] = [];
      const write = process.stdout.write.bind(process.stdout);
      process.stdout.write = ((chunk: string) => {
        out.push(String(chunk));
        return true;
      }) as typeof process.stdout.write;
      try {
        // No credentials in the environment: the loopback endpoint gets placeholders (tuning/client.ts).
        await post(process.env);
      } finally {
        process.stdout.write = write;
      }
      expect(await gone(copy.functionName)).toBe(true);
      expect(out.join('')).toContain(`deleted the architecture copies ${copy.functionName} (us-east-1)`);
      expect(process.exitCode ?? 0).toBe(0);
    } finally {
      delete process.env.STATE_run;
      if (saved === undefined) delete process.env.GITHUB_STATE;
      else process.env.GITHUB_STATE = saved;
    }
  });

  it('is deleted by the next run that makes a copy once its deadline has passed; a live run’s copy is left alone', async () => {
    await emulator.createFunction({ name: 'billing', sample: 'noop' });
    // Two runs killed before dispose: one whose deadline has passed, one that may still be going.
    const killed = await makeArchitectureCopy(
      lambda,
      'billing',
      'arm64',
      optionsFor('eeee5555', { deadlineMs: START_MS - HOUR_MS, sweepLeftovers: false }),
    );
    const live = await makeArchitectureCopy(
      lambda,
      'billing',
      'arm64',
      optionsFor('ffff6666', { sweepLeftovers: false }),
    );
    expect(await recoverAbandonedCopies(lambda, 'ffff6666', Date.now(), { logger: recordingLogger() })).toEqual({
      deleted: [killed.functionName],
      leftAlone: [],
    });
    await makeArchitectureCopy(
      lambda,
      'billing',
      'arm64',
      optionsFor('eeee5555', { deadlineMs: START_MS - HOUR_MS, sweepLeftovers: false }),
    );

    // The next run: its first copy sweeps the region before it is made.
    const logger = recordingLogger();
    const next = await makeArchitectureCopy(lambda, 'billing', 'arm64', optionsFor('99998888', { logger }));

    expect(await gone(killed.functionName)).toBe(true);
    expect(await gone(live.functionName)).toBe(false);
    expect(logger.lines).toContainEqual(
      expect.stringMatching(
        /^warning: Deleted lpg-copy-eeee5555-arm64-billing, a copy of arn:aws:lambda:us-east-1:123456789012:function:billing that run eeee5555 left/,
      ),
    );
    expect(logger.lines).toContainEqual(
      expect.stringMatching(/^info: lpg-copy-ffff6666-arm64-billing is a copy of a run that may still be going until /),
    );
    await Promise.all([live.dispose(), next.dispose()]);
  });
});
