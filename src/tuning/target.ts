// LambdaTarget: the only code that calls the Lambda API. It follows the protocol in DESIGN.md: snapshot $LATEST,
// publish one version per power value (RevisionId-guarded, verified), alias it under a name unique to this run,
// restore $LATEST, invoke the aliases, and delete exactly what this run created.

import {
  CreateAliasCommand,
  DeleteAliasCommand,
  DeleteFunctionCommand,
  GetAliasCommand,
  GetFunctionConfigurationCommand,
  InvokeCommand,
  PublishVersionCommand,
  UpdateAliasCommand,
  UpdateFunctionConfigurationCommand,
  waitUntilFunctionUpdatedV2,
  type FunctionConfiguration,
  type LambdaClient,
} from '@aws-sdk/client-lambda';
import type { Architecture, FunctionIdentity, LogFormat } from '../types.js';
import type { EngineLogger, Sleep } from './ports.js';
import { errorName, isThrottling, isTransient, withRetry } from './retry.js';

/** $LATEST as found, and the fields this run may touch (MemorySize and Description) to put back. */
export interface FunctionSnapshot {
  identity: FunctionIdentity;
  /** Unqualified ARN: every later call uses it, so a name that is ambiguous across accounts cannot drift. */
  functionArn: string;
  memoryMb: number;
  description: string;
  timeoutSec: number;
  revisionId: string;
  environment: Record<string, string>;
}

export interface PreparedVersion {
  memoryMb: number;
  version: string;
  alias: string;
  /** False when Lambda handed back a version that already existed (never delete what we did not create). */
  createdByRun: boolean;
}

export interface InvokeOutcome {
  /** The base64-decoded log tail (last 4 KB). */
  logTail: string;
  functionError?: string;
  /** Decoded response payload (function output; handle with care, it may be sensitive). */
  payload: string;
  executedVersion?: string;
}

export interface CleanupReport {
  deletedAliases: string[];
  deletedVersions: string[];
  /** Things we could not delete, with the reason: reported loudly, never swallowed. */
  problems: string[];
}

export interface TargetOptions {
  logger: EngineLogger;
  sleep: Sleep;
  /** Unique per run; part of every alias name and version description this run creates. */
  runId: string;
  /** Seconds between polls of LastUpdateStatus (the SDK waiter's minDelay). */
  waiterMinDelaySec?: number;
  waiterMaxWaitSec?: number;
  random?: () => number;
}

const CONTROL_PLANE_ATTEMPTS = 8;
const INVOKE_ATTEMPTS = 6;

export function aliasName(runId: string, memoryMb: number, coldIndex?: number): string {
  return coldIndex === undefined ? `lpg-${runId}-${memoryMb}` : `lpg-${runId}-${memoryMb}-c${coldIndex}`;
}

export function versionDescription(runId: string, memoryMb: number, coldIndex?: number): string {
  const suffix = coldIndex === undefined ? '' : ` cold ${coldIndex}`;
  return `lambda-power-gate ${runId} ${memoryMb} MB${suffix}`;
}

export function identityFromConfiguration(config: FunctionConfiguration, region: string): FunctionIdentity {
  const architecture: Architecture = config.Architectures?.[0] === 'arm64' ? 'arm64' : 'x86_64';
  const logFormat: LogFormat = config.LoggingConfig?.LogFormat === 'JSON' ? 'JSON' : 'Text';
  return {
    name: config.FunctionName ?? '',
    arn: unqualifiedArn(config.FunctionArn ?? ''),
    region,
    architecture,
    runtime: config.Runtime,
    codeSha256: config.CodeSha256,
    originalMemoryMb: config.MemorySize ?? 128,
    logFormat,
  };
}

/** arn:aws:lambda:r:a:function:name[:qualifier] → without the qualifier. */
export function unqualifiedArn(arn: string): string {
  const parts = arn.split(':');
  return parts.length > 7 ? parts.slice(0, 7).join(':') : arn;
}

export class LambdaTarget {
  private readonly waiterMinDelaySec: number;
  private readonly waiterMaxWaitSec: number;

  constructor(
    private readonly client: LambdaClient,
    private readonly functionName: string,
    private readonly region: string,
    private readonly options: TargetOptions,
  ) {
    this.waiterMinDelaySec = options.waiterMinDelaySec ?? 1;
    this.waiterMaxWaitSec = options.waiterMaxWaitSec ?? 300;
  }

  async snapshot(): Promise<FunctionSnapshot> {
    const config = await this.controlPlane('GetFunctionConfiguration', () =>
      this.client.send(new GetFunctionConfigurationCommand({ FunctionName: this.functionName })),
    );
    if (config.LastUpdateStatus === 'InProgress') {
      // Snapshotting mid-update would record a configuration that is about to change.
      await this.waitUntilUpdated(config.FunctionArn ?? this.functionName);
      return this.snapshot();
    }
    const identity = identityFromConfiguration(config, this.region);
    return {
      identity,
      functionArn: identity.arn || this.functionName,
      memoryMb: config.MemorySize ?? 128,
      description: config.Description ?? '',
      timeoutSec: config.Timeout ?? 3,
      revisionId: config.RevisionId ?? '',
      environment: config.Environment?.Variables ?? {},
    };
  }

  /**
   * Sets $LATEST to memoryMb (with a description unique to this run and power value, so PublishVersion always
   * creates a new version), waits for the update, publishes guarded by the RevisionId we observed, verifies the
   * version's memory, and aliases it.
   */
  async prepareVersion(snapshot: FunctionSnapshot, memoryMb: number, coldIndex?: number, signal?: AbortSignal): Promise<PreparedVersion> {
    const { runId } = this.options;
    const description = versionDescription(runId, memoryMb, coldIndex);
    const fn = snapshot.functionArn;
    const published = await withRetry(
      async () => {
        await this.controlPlane('UpdateFunctionConfiguration', () =>
          this.client.send(new UpdateFunctionConfigurationCommand({ FunctionName: fn, MemorySize: memoryMb, Description: description })),
        );
        await this.waitUntilUpdated(fn, signal);
        const current = await this.controlPlane('GetFunctionConfiguration', () =>
          this.client.send(new GetFunctionConfigurationCommand({ FunctionName: fn })),
        );
        if (current.MemorySize !== memoryMb || current.Description !== description) {
          throw new ConcurrentChangeError(`$LATEST changed under us while preparing ${memoryMb} MB (another run or a deploy?)`);
        }
        return this.controlPlane('PublishVersion', () =>
          this.client.send(new PublishVersionCommand({ FunctionName: fn, RevisionId: current.RevisionId, Description: description })),
        );
      },
      {
        attempts: CONTROL_PLANE_ATTEMPTS,
        baseDelayMs: 500,
        maxDelayMs: 10_000,
        sleep: this.options.sleep,
        signal,
        random: this.options.random,
        // A RevisionId mismatch or a concurrent change means someone else touched $LATEST between our update and
        // our publish: redo the whole step rather than publish a configuration we did not verify.
        shouldRetry: (error) => error instanceof ConcurrentChangeError || errorName(error) === 'PreconditionFailedException',
        onRetry: (error, attempt) => this.options.logger.warning(`Preparing ${memoryMb} MB again (attempt ${attempt + 1}): ${messageOf(error)}`),
      },
    );
    const version = published.Version;
    if (!version || version === '$LATEST') throw new Error(`PublishVersion for ${memoryMb} MB returned no version number`);
    const createdByRun = published.Description === description;
    if (published.MemorySize !== memoryMb) {
      // Never measure a version whose memory is not the one we are measuring.
      if (createdByRun) await this.deleteVersion(fn, version).catch(() => undefined);
      throw new Error(`Version ${version} has ${published.MemorySize} MB, expected ${memoryMb} MB`);
    }
    const alias = aliasName(runId, memoryMb, coldIndex);
    try {
      await this.controlPlane('CreateAlias', () =>
        this.client.send(new CreateAliasCommand({ FunctionName: fn, Name: alias, FunctionVersion: version, Description: description })),
      );
    } catch (error) {
      if (createdByRun) await this.deleteVersion(fn, version).catch(() => undefined);
      throw error;
    }
    return { memoryMb, version, alias, createdByRun };
  }

  /** Puts MemorySize and Description back on $LATEST; the only fields this run changes. */
  async restore(snapshot: FunctionSnapshot): Promise<void> {
    const fn = snapshot.functionArn;
    const current = await this.controlPlane('GetFunctionConfiguration', () =>
      this.client.send(new GetFunctionConfigurationCommand({ FunctionName: fn })),
    );
    if (current.MemorySize === snapshot.memoryMb && (current.Description ?? '') === snapshot.description) {
      if (current.LastUpdateStatus === 'InProgress') await this.waitUntilUpdated(fn);
      return;
    }
    await this.controlPlane('UpdateFunctionConfiguration', () =>
      this.client.send(
        new UpdateFunctionConfigurationCommand({ FunctionName: fn, MemorySize: snapshot.memoryMb, Description: snapshot.description }),
      ),
    );
    await this.waitUntilUpdated(fn);
  }

  /** Confirms $LATEST matches the snapshot; returns what differs (empty when it matches). */
  async differencesFrom(snapshot: FunctionSnapshot): Promise<string[]> {
    const current = await this.controlPlane('GetFunctionConfiguration', () =>
      this.client.send(new GetFunctionConfigurationCommand({ FunctionName: snapshot.functionArn })),
    );
    const differences: string[] = [];
    if (current.MemorySize !== snapshot.memoryMb) differences.push(`MemorySize is ${current.MemorySize}, was ${snapshot.memoryMb}`);
    if ((current.Description ?? '') !== snapshot.description) differences.push(`Description is "${current.Description ?? ''}", was "${snapshot.description}"`);
    if ((current.Timeout ?? 3) !== snapshot.timeoutSec) differences.push(`Timeout is ${current.Timeout}, was ${snapshot.timeoutSec}`);
    if (JSON.stringify(sortKeys(current.Environment?.Variables ?? {})) !== JSON.stringify(sortKeys(snapshot.environment))) {
      differences.push('Environment variables differ');
    }
    return differences;
  }

  async invoke(functionArn: string, alias: string, payload: string, signal?: AbortSignal): Promise<InvokeOutcome> {
    const response = await withRetry(
      () =>
        this.client.send(
          new InvokeCommand({
            FunctionName: functionArn,
            Qualifier: alias,
            InvocationType: 'RequestResponse',
            LogType: 'Tail',
            Payload: new TextEncoder().encode(payload),
          }),
          { abortSignal: signal },
        ),
      {
        attempts: INVOKE_ATTEMPTS,
        baseDelayMs: 250,
        maxDelayMs: 8_000,
        sleep: this.options.sleep,
        signal,
        random: this.options.random,
        shouldRetry: (error) => isThrottling(error) || isTransient(error),
        onRetry: (error, attempt, delayMs) =>
          this.options.logger.debug(`Invoke ${alias}: ${errorName(error)}, retry ${attempt} in ${delayMs} ms`),
      },
    );
    return {
      logTail: response.LogResult ? Buffer.from(response.LogResult, 'base64').toString('utf8') : '',
      functionError: response.FunctionError,
      payload: response.Payload ? new TextDecoder().decode(response.Payload) : '',
      executedVersion: response.ExecutedVersion,
    };
  }

  /** Deletes this run's aliases, then its versions. Every failure is collected and reported; none stops the rest. */
  async cleanup(functionArn: string, prepared: PreparedVersion[]): Promise<CleanupReport> {
    const report: CleanupReport = { deletedAliases: [], deletedVersions: [], problems: [] };
    for (const item of prepared) {
      try {
        await this.controlPlane('DeleteAlias', () => this.client.send(new DeleteAliasCommand({ FunctionName: functionArn, Name: item.alias })));
        report.deletedAliases.push(item.alias);
      } catch (error) {
        if (errorName(error) === 'ResourceNotFoundException') report.deletedAliases.push(item.alias);
        else report.problems.push(`alias ${item.alias}: ${messageOf(error)}`);
      }
    }
    for (const item of prepared) {
      if (!item.createdByRun) continue;
      try {
        await this.deleteVersion(functionArn, item.version);
        report.deletedVersions.push(item.version);
      } catch (error) {
        if (errorName(error) === 'ResourceNotFoundException') report.deletedVersions.push(item.version);
        else report.problems.push(`version ${item.version}: ${messageOf(error)}`);
      }
    }
    return report;
  }

  /** Auto-optimize: $LATEST gets the memory for good. */
  async applyToLatest(snapshot: FunctionSnapshot, memoryMb: number): Promise<void> {
    const fn = snapshot.functionArn;
    await this.controlPlane('UpdateFunctionConfiguration', () =>
      this.client.send(new UpdateFunctionConfigurationCommand({ FunctionName: fn, MemorySize: memoryMb, Description: snapshot.description })),
    );
    await this.waitUntilUpdated(fn);
  }

  /**
   * Auto-optimize to an alias: publish a version with the memory (kept, not cleaned up), point the alias at it
   * (creating it when missing), and put $LATEST back.
   */
  async applyToAlias(snapshot: FunctionSnapshot, memoryMb: number, alias: string): Promise<string> {
    const fn = snapshot.functionArn;
    const description = `lambda-power-gate ${this.options.runId}: ${memoryMb} MB for alias ${alias}`;
    try {
      await this.controlPlane('UpdateFunctionConfiguration', () =>
        this.client.send(new UpdateFunctionConfigurationCommand({ FunctionName: fn, MemorySize: memoryMb, Description: description })),
      );
      await this.waitUntilUpdated(fn);
      const current = await this.controlPlane('GetFunctionConfiguration', () =>
        this.client.send(new GetFunctionConfigurationCommand({ FunctionName: fn })),
      );
      const published = await this.controlPlane('PublishVersion', () =>
        this.client.send(new PublishVersionCommand({ FunctionName: fn, RevisionId: current.RevisionId, Description: description })),
      );
      const version = published.Version ?? '';
      if (published.MemorySize !== memoryMb) throw new Error(`Version ${version} has ${published.MemorySize} MB, expected ${memoryMb} MB`);
      const exists = await this.client.send(new GetAliasCommand({ FunctionName: fn, Name: alias })).then(
        () => true,
        (error: unknown) => {
          if (errorName(error) === 'ResourceNotFoundException') return false;
          throw error;
        },
      );
      await this.controlPlane(exists ? 'UpdateAlias' : 'CreateAlias', () =>
        this.client.send(
          exists
            ? new UpdateAliasCommand({ FunctionName: fn, Name: alias, FunctionVersion: version })
            : new CreateAliasCommand({ FunctionName: fn, Name: alias, FunctionVersion: version }),
        ),
      );
      return version;
    } finally {
      await this.restore(snapshot);
    }
  }

  private async deleteVersion(functionArn: string, version: string): Promise<void> {
    await this.controlPlane('DeleteFunction', () => this.client.send(new DeleteFunctionCommand({ FunctionName: functionArn, Qualifier: version })));
  }

  private async waitUntilUpdated(functionName: string, signal?: AbortSignal): Promise<void> {
    await waitUntilFunctionUpdatedV2(
      {
        client: this.client,
        minDelay: this.waiterMinDelaySec,
        maxDelay: Math.max(this.waiterMinDelaySec, 5),
        maxWaitTime: this.waiterMaxWaitSec,
        abortSignal: signal,
      },
      { FunctionName: functionName },
    );
  }

  /**
   * A control-plane call with retries: throttling and 5xx back off; ResourceConflictException (an update is in
   * progress, ours or someone else's) waits for the update to finish, then tries again.
   */
  private controlPlane<T>(operation: string, call: () => Promise<T>): Promise<T> {
    return withRetry(call, {
      attempts: CONTROL_PLANE_ATTEMPTS,
      baseDelayMs: 500,
      maxDelayMs: 10_000,
      sleep: this.options.sleep,
      random: this.options.random,
      shouldRetry: async (error) => {
        if (errorName(error) === 'ResourceConflictException') {
          await this.waitUntilUpdated(this.functionName).catch(() => undefined);
          return true;
        }
        return isThrottling(error) || isTransient(error);
      },
      onRetry: (error, attempt, delayMs) =>
        this.options.logger.debug(`${operation}: ${errorName(error)}, retry ${attempt} in ${delayMs} ms`),
    });
  }
}

export class ConcurrentChangeError extends Error {
  override name = 'ConcurrentChangeError';
}

export function messageOf(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

function sortKeys(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}
