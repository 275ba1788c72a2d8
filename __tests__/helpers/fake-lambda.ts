// A small stateful Lambda behind aws-sdk-client-mock, for the edge cases the emulator cannot reach on demand
// (an exact sequence of throttles and conflicts, a signal at a precise moment). Integration tests use the emulator.

import {
  CreateAliasCommand,
  DeleteAliasCommand,
  DeleteFunctionCommand,
  GetAliasCommand,
  GetFunctionCommand,
  GetFunctionConfigurationCommand,
  InvokeCommand,
  LambdaClient,
  ListAliasesCommand,
  ListVersionsByFunctionCommand,
  PublishVersionCommand,
  ResourceConflictException,
  ResourceNotFoundException,
  TooManyRequestsException,
  UpdateAliasCommand,
  UpdateFunctionConfigurationCommand,
  type FunctionConfiguration,
} from '@aws-sdk/client-lambda';
import { mockClient } from 'aws-sdk-client-mock';

export interface FakeInvokeResult {
  durationMs: number;
  functionError?: { errorType: string; errorMessage: string };
  initDurationMs?: number;
  /** The REPORT's Max Memory Used (default 60 MB). */
  maxMemoryUsedMb?: number;
}

export interface FakeLambdaOptions {
  memoryMb?: number;
  description?: string;
  /** How each invocation at a memory size behaves. */
  behaviour?: (memoryMb: number, invocationIndex: number) => FakeInvokeResult;
  /** GetFunction calls during which LastUpdateStatus stays InProgress after an update. */
  updatePolls?: number;
  /** The State a new version of this memory size is published with (default Active), and its StateReason. */
  publishedState?: (memoryMb: number) => { State: 'Active' | 'Pending' | 'Failed'; StateReason?: string };
}

const ARN = 'arn:aws:lambda:us-east-1:123456789012:function:fake-fn';

export function reportLine(
  durationMs: number,
  memoryMb: number,
  initDurationMs?: number,
  maxMemoryUsedMb = 60,
): string {
  const billed = Math.ceil(durationMs + (initDurationMs ?? 0));
  const init = initDurationMs === undefined ? '' : `\tInit Duration: ${initDurationMs.toFixed(2)} ms`;
  return `START RequestId: r Version: 1\nEND RequestId: r\nREPORT RequestId: r\tDuration: ${durationMs.toFixed(2)} ms\tBilled Duration: ${billed} ms\tMemory Size: ${memoryMb} MB\tMax Memory Used: ${maxMemoryUsedMb} MB${init}\t\n`;
}

export function createFakeLambda(options: FakeLambdaOptions = {}) {
  const client = new LambdaClient({ region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
  const mock = mockClient(client);
  let revision = 1;
  const latest: FunctionConfiguration = {
    FunctionName: 'fake-fn',
    FunctionArn: ARN,
    MemorySize: options.memoryMb ?? 1024,
    Description: options.description ?? 'original',
    Timeout: 30,
    Runtime: 'nodejs20.x',
    Handler: 'index.handler',
    Architectures: ['x86_64'],
    CodeSha256: 'sha',
    Environment: { Variables: { A: '1' } },
    LastUpdateStatus: 'Successful',
    RevisionId: `rev-${revision}`,
  };
  const versions = new Map<string, FunctionConfiguration>();
  const aliases = new Map<string, string>();
  const invocationsByMemory = new Map<number, number>();
  let pollsLeft = 0;
  let nextVersion = 1;
  const calls: string[] = [];
  /** The qualifier (alias) of every Invoke, in order. */
  const invokedQualifiers: (string | undefined)[] = [];
  const hooks: {
    beforeInvoke?: (memoryMb: number) => void | Promise<void>;
    beforeUpdate?: (memoryMb: number | undefined) => void;
    /** Before GetFunctionConfiguration answers: a deploy may land here. */
    beforeRead?: () => void;
    /** Before PublishVersion: may throw, as Lambda refuses a publish. */
    beforePublish?: () => void;
    beforeCreateAlias?: (name: string) => void;
    beforeDeleteVersion?: (version: string) => void;
  } = {};

  const touch = () => {
    revision++;
    latest.RevisionId = `rev-${revision}`;
    pollsLeft = options.updatePolls ?? 0;
    latest.LastUpdateStatus = pollsLeft > 0 ? 'InProgress' : 'Successful';
  };
  const status = () => {
    if (pollsLeft > 0) {
      pollsLeft--;
      if (pollsLeft === 0) latest.LastUpdateStatus = 'Successful';
    }
  };
  const conflictIfUpdating = () => {
    if (latest.LastUpdateStatus === 'InProgress') {
      throw new ResourceConflictException({ message: 'An update is in progress', $metadata: {} });
    }
  };

  mock.on(GetFunctionConfigurationCommand).callsFake(() => {
    calls.push('GetFunctionConfiguration');
    hooks.beforeRead?.();
    return structuredClone(latest);
  });
  mock.on(GetFunctionCommand).callsFake(() => {
    calls.push('GetFunction');
    status();
    return { Configuration: structuredClone(latest) };
  });
  mock.on(UpdateFunctionConfigurationCommand).callsFake((input) => {
    calls.push('UpdateFunctionConfiguration');
    hooks.beforeUpdate?.(input.MemorySize);
    conflictIfUpdating();
    if (input.MemorySize !== undefined) latest.MemorySize = input.MemorySize;
    if (input.Description !== undefined) latest.Description = input.Description;
    touch();
    return structuredClone(latest);
  });
  mock.on(PublishVersionCommand).callsFake((input) => {
    calls.push('PublishVersion');
    hooks.beforePublish?.();
    conflictIfUpdating();
    if (input.RevisionId && input.RevisionId !== latest.RevisionId) {
      const error = new Error('revision mismatch');
      error.name = 'PreconditionFailedException';
      throw error;
    }
    const version = String(nextVersion++);
    const state = options.publishedState?.(latest.MemorySize ?? 0) ?? { State: 'Active' };
    const config = {
      ...structuredClone(latest),
      Version: version,
      Description: input.Description ?? latest.Description,
      ...state,
    };
    versions.set(version, config);
    // Publishing moves $LATEST's RevisionId on, as LocalStack's publish does (no lock, though).
    revision++;
    latest.RevisionId = `rev-${revision}`;
    return config;
  });
  mock.on(CreateAliasCommand).callsFake((input) => {
    calls.push('CreateAlias');
    hooks.beforeCreateAlias?.(input.Name);
    aliases.set(input.Name, input.FunctionVersion);
    return { Name: input.Name, FunctionVersion: input.FunctionVersion };
  });
  mock.on(GetAliasCommand).callsFake((input) => {
    const version = aliases.get(input.Name);
    if (!version) throw new ResourceNotFoundException({ message: 'no alias', $metadata: {} });
    return { Name: input.Name, FunctionVersion: version };
  });
  mock.on(UpdateAliasCommand).callsFake((input) => {
    aliases.set(input.Name, input.FunctionVersion);
    return { Name: input.Name, FunctionVersion: input.FunctionVersion };
  });
  mock.on(DeleteAliasCommand).callsFake((input) => {
    calls.push('DeleteAlias');
    aliases.delete(input.Name);
    return {};
  });
  mock.on(DeleteFunctionCommand).callsFake((input) => {
    calls.push('DeleteFunction');
    hooks.beforeDeleteVersion?.(input.Qualifier);
    versions.delete(input.Qualifier);
    return {};
  });
  // One page each: clean-up lists this run's aliases and versions by name and description.
  mock.on(ListAliasesCommand).callsFake(() => {
    calls.push('ListAliases');
    return { Aliases: [...aliases].map(([Name, FunctionVersion]) => ({ Name, FunctionVersion })) };
  });
  mock.on(ListVersionsByFunctionCommand).callsFake(() => {
    calls.push('ListVersionsByFunction');
    return { Versions: [structuredClone(latest), ...[...versions.values()].map((config) => structuredClone(config))] };
  });
  mock.on(InvokeCommand).callsFake(async (input) => {
    calls.push('Invoke');
    invokedQualifiers.push(input.Qualifier);
    const version = aliases.get(input.Qualifier) ?? input.Qualifier;
    const config = versions.get(version);
    if (!config) throw new ResourceNotFoundException({ message: `no version ${input.Qualifier}`, $metadata: {} });
    const memoryMb = config.MemorySize ?? 0;
    await hooks.beforeInvoke?.(memoryMb);
    const index = invocationsByMemory.get(memoryMb) ?? 0;
    invocationsByMemory.set(memoryMb, index + 1);
    const behaviour = options.behaviour ?? ((memory: number): FakeInvokeResult => ({ durationMs: 100_000 / memory }));
    const outcome: FakeInvokeResult = behaviour(memoryMb, index);
    const payload = outcome.functionError ? JSON.stringify(outcome.functionError) : '"ok"';
    return {
      StatusCode: 200,
      ExecutedVersion: version,
      ...(outcome.functionError ? { FunctionError: 'Unhandled' } : {}),
      LogResult: Buffer.from(
        reportLine(outcome.durationMs, memoryMb, outcome.initDurationMs, outcome.maxMemoryUsedMb),
      ).toString('base64'),
      Payload: new TextEncoder().encode(payload),
    };
  });

  return {
    client,
    mock,
    latest,
    versions,
    aliases,
    calls,
    invokedQualifiers,
    hooks,
    throttling: () => new TooManyRequestsException({ message: 'Rate exceeded', $metadata: {} }),
  };
}
