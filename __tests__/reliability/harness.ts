// Shared by the reliability suites: one emulator per test file, the real @aws-sdk/client-lambda, and the checks a
// user would make through the API after a run — $LATEST as found, nothing of the run's left behind.

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  GetFunctionConfigurationCommand,
  LambdaClient,
  ListAliasesCommand,
  ListVersionsByFunctionCommand,
  type InvokeCommandOutput,
  type PublishVersionCommandOutput,
} from '@aws-sdk/client-lambda';
import { inputEnv, parseOutputsFile } from '../../emulator/github/runner.js';
import {
  startEmulator,
  type CreateFunctionSpec,
  type Emulator,
  type EmulatorOptions,
} from '../../emulator/lambda/server.js';
import { parseReport } from '../../src/tuning/logs.js';
import { realSleep, type EngineLogger, type Sleep } from '../../src/lib/ports.js';
import type { TuningSettings } from '../../src/types.js';
import { tuningSettings } from '../helpers/settings.js';

export const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
/** Handlers written for these suites (slow, secret-echoing). */
export const FIXTURE_FUNCTIONS = join(REPO_ROOT, '__tests__/reliability/functions');

/** What every scenario's function looks like before the run; each field is checked after it. */
export const ORIGINAL = {
  memoryMb: 512,
  description: 'as deployed',
  timeoutSec: 7,
  environment: { STAGE: 'test', FEATURE: 'on' },
} as const;

export interface FaultLine {
  operation: string;
  functionName: string;
  kind: string;
}

export interface Harness {
  emulator: Emulator;
  /** Every emulator log line, in order. */
  lines: string[];
  /** No SDK-level retries: every injected fault reaches the engine, which must handle it. */
  engineClient: LambdaClient;
  /** Default SDK retries: for the test's own checks. */
  checkClient: LambdaClient;
  /** Injected faults that fired for one function. */
  faultsFired(functionName: string): FaultLine[];
  /** Requests the emulator received for one function, per operation. */
  requestsFor(functionName: string): Record<string, number>;
  close(): Promise<void>;
}

export async function startHarness(options: EmulatorOptions = {}): Promise<Harness> {
  const lines: string[] = [];
  const emulator = await startEmulator({ updateDelayMs: 30, ...options, logger: (line) => lines.push(line) });
  const credentials = { accessKeyId: 'reliability', secretAccessKey: 'reliability' };
  const engineClient = new LambdaClient({
    region: emulator.region,
    endpoint: emulator.endpoint,
    credentials,
    maxAttempts: 1,
  });
  const checkClient = new LambdaClient({ region: emulator.region, endpoint: emulator.endpoint, credentials });
  const operationLine = /^(\w+) ([\w-]+)\S* → .*\[fault (\w+)\]$/;
  return {
    emulator,
    lines,
    engineClient,
    checkClient,
    faultsFired(functionName) {
      const fired: FaultLine[] = [];
      for (const line of lines) {
        const crash = line.match(/^Invoke ([\w-]+):\S+ → runtime exited \[fault crash\]$/);
        if (crash?.[1] === functionName) {
          fired.push({ operation: 'Invoke', functionName, kind: 'crash' });
          continue;
        }
        const match = line.match(operationLine);
        if (match?.[2] === functionName) fired.push({ operation: match[1] ?? '', functionName, kind: match[3] ?? '' });
      }
      return fired;
    },
    requestsFor(functionName) {
      const counts: Record<string, number> = {};
      for (const line of lines) {
        const match = line.match(/^(\w+) ([\w-]+)[\s?:]/);
        if (match?.[2] === functionName && match[1]) counts[match[1]] = (counts[match[1]] ?? 0) + 1;
      }
      return counts;
    },
    async close() {
      engineClient.destroy();
      checkClient.destroy();
      await emulator.close();
    },
  };
}

export function createOriginal(
  harness: Harness,
  name: string,
  spec: Partial<CreateFunctionSpec> = {},
): Promise<string> {
  return harness.emulator.createFunction({
    name,
    sample: 'noop',
    memoryMb: ORIGINAL.memoryMb,
    description: ORIGINAL.description,
    timeoutSec: ORIGINAL.timeoutSec,
    ...spec,
    environment: { ...ORIGINAL.environment, ...spec.environment },
  });
}

export function settingsFor(
  harness: Harness,
  functionName: string,
  overrides: Partial<TuningSettings> = {},
): TuningSettings {
  return tuningSettings({
    functionName,
    region: harness.emulator.region,
    endpoint: harness.emulator.endpoint,
    powerValuesMb: [128, 256],
    invocationsPerValue: 2,
    discardTopBottom: 0,
    resultsPath: '/tmp/lpg-reliability-unused.json',
    timeoutMinutes: 5,
    ...overrides,
  });
}

/** The engine's backoff, two hundred times faster: retries keep their order and jitter, the suite keeps its time. */
export const fastSleep: Sleep = (ms, signal) => realSleep(Math.ceil(ms / 200), signal);

/** Collects what the engine logs, so a test can read it. */
export function recordingLogger(): EngineLogger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (message) => lines.push(`info: ${message}`),
    warning: (message) => lines.push(`warning: ${message}`),
    debug: (message) => lines.push(`debug: ${message}`),
    group: (name, fn) => {
      lines.push(`group: ${name}`);
      return fn();
    },
    progress: () => {},
  };
}

export interface LeftState {
  memoryMb: number | undefined;
  description: string | undefined;
  timeoutSec: number | undefined;
  environment: Record<string, string>;
  lastUpdateStatus: string | undefined;
  aliases: string[];
  versions: string[];
}

/** $LATEST and what hangs off it, read through the API as a user would. */
export async function stateOf(client: LambdaClient, functionName: string): Promise<LeftState> {
  const config = await client.send(new GetFunctionConfigurationCommand({ FunctionName: functionName }));
  const aliases = await client.send(new ListAliasesCommand({ FunctionName: functionName }));
  const versions = await client.send(new ListVersionsByFunctionCommand({ FunctionName: functionName }));
  return {
    memoryMb: config.MemorySize,
    description: config.Description,
    timeoutSec: config.Timeout,
    environment: config.Environment?.Variables ?? {},
    lastUpdateStatus: config.LastUpdateStatus,
    aliases: (aliases.Aliases ?? []).map((alias) => alias.Name ?? ''),
    versions: (versions.Versions ?? []).map((version) => version.Version ?? ''),
  };
}

export const LEFT_AS_FOUND = {
  memoryMb: ORIGINAL.memoryMb,
  description: ORIGINAL.description,
  timeoutSec: ORIGINAL.timeoutSec,
  environment: ORIGINAL.environment,
  aliases: [],
  versions: ['$LATEST'],
};

/** Waits until $LATEST has settled (an update may still be InProgress), then returns the state. */
export async function settledStateOf(client: LambdaClient, functionName: string): Promise<LeftState> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const state = await stateOf(client, functionName);
    if (state.lastUpdateStatus !== 'InProgress') return state;
    await realSleep(20);
  }
  return stateOf(client, functionName);
}

/** One measurement as the engine's client saw it: which alias it asked for, what ran, with what memory. */
export interface ObservedInvoke {
  alias: string;
  executedVersion: string | undefined;
  reportMemoryMb: number | undefined;
}

/**
 * Records every Invoke and PublishVersion answer the client receives, from a middleware, so a test can check
 * each measurement against the version that produced it without trusting the engine's own bookkeeping.
 */
export function observe(client: LambdaClient): { invokes: ObservedInvoke[]; publishedMemoryMb: Map<string, number> } {
  const invokes: ObservedInvoke[] = [];
  const publishedMemoryMb = new Map<string, number>();
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const out = await next(args);
      const input = args.input as { Qualifier?: string; FunctionName?: string };
      if (context.commandName === 'InvokeCommand') {
        const output = out.output as InvokeCommandOutput;
        const tail = output.LogResult ? Buffer.from(output.LogResult, 'base64').toString('utf8') : '';
        invokes.push({
          alias: input.Qualifier ?? '',
          executedVersion: output.ExecutedVersion,
          reportMemoryMb: parseReport(tail)?.memorySizeMb,
        });
      }
      if (context.commandName === 'PublishVersionCommand') {
        const output = out.output as PublishVersionCommandOutput;
        if (output.Version && output.MemorySize !== undefined)
          publishedMemoryMb.set(`${output.FunctionName}:${output.Version}`, output.MemorySize);
      }
      return out;
    },
    { step: 'initialize', name: 'reliabilityObserver' },
  );
  return { invokes, publishedMemoryMb };
}

/** The memory an alias of this tool stands for: lpg-<runId>-<memory>[-c<n>]. */
export function aliasMemoryMb(alias: string): number | undefined {
  const match = alias.match(/^lpg-[^-]+-(\d+)(?:-c\d+)?$/);
  return match?.[1] ? Number(match[1]) : undefined;
}

// ---- the action as a process ----

export interface ActionProcess {
  child: ChildProcess;
  lines: string[];
  /** Resolves with the exit code once the process has exited and its output is read. */
  exited: Promise<number>;
  outputsPath: string;
  summaryPath: string;
  outputs(): Record<string, string>;
  summary(): string;
}

/**
 * Starts the action's entrypoint as a GitHub runner does (emulator/github/runner.ts's environment), from src/ through tsx,
 * so the test exercises the code in the tree even when dist/ has not been rebuilt yet.
 */
export function spawnAction(options: {
  workspace: string;
  inputs: Record<string, string>;
  env?: Record<string, string>;
  githubApiUrl?: string;
  event?: Record<string, unknown>;
  onLine?: (line: string) => void;
}): ActionProcess {
  const workspace = options.workspace;
  mkdirSync(workspace, { recursive: true });
  const eventPath = join(workspace, 'event.json');
  const outputsPath = join(workspace, 'github-output.txt');
  const summaryPath = join(workspace, 'step-summary.md');
  writeFileSync(eventPath, JSON.stringify(options.event ?? {}));
  writeFileSync(outputsPath, '');
  writeFileSync(summaryPath, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? workspace,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_EVENT_NAME: options.event ? 'pull_request' : 'push',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_REPOSITORY_OWNER: 'acme',
    GITHUB_SHA: '1111111111111111111111111111111111111111',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: outputsPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_API_URL: options.githubApiUrl ?? 'http://127.0.0.1:9',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    RUNNER_TEMP: workspace,
    ...inputEnv(options.inputs),
    ...options.env,
  };
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'src/index.ts')], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const collect = (stream: NodeJS.ReadableStream) =>
    new Promise<void>((done) => {
      let pending = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        pending += chunk;
        const parts = pending.split('\n');
        pending = parts.pop() ?? '';
        for (const line of parts) {
          lines.push(line);
          options.onLine?.(line);
        }
      });
      stream.on('end', () => {
        if (pending) {
          lines.push(pending);
          options.onLine?.(pending);
        }
        done();
      });
    });
  const streams = Promise.all([
    collect(child.stdout as NodeJS.ReadableStream),
    collect(child.stderr as NodeJS.ReadableStream),
  ]);
  const exited = new Promise<number>((resolveExit) =>
    child.on('exit', (code, signal) => resolveExit(code ?? (signal ? 128 : 1))),
  ).then(async (code) => {
    await streams;
    return code;
  });
  return {
    child,
    lines,
    exited,
    outputsPath,
    summaryPath,
    outputs: () => parseOutputsFile(readFileSync(outputsPath, 'utf8')),
    summary: () => readFileSync(summaryPath, 'utf8'),
  };
}

/** Resolves once the predicate holds for the emulator's log (checked as lines arrive, by polling). */
export async function until(predicate: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const started = Date.now();
  while (!predicate()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await realSleep(10);
  }
}

// The action in this process: shared with the integration tests.
export { runActionInProcess, type InProcessOutcome } from '../helpers/action.js';
