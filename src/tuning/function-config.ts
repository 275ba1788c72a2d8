// What a function's configuration ($LATEST, as GetFunctionConfiguration returns it) tells the engine: its identity,
// the snapshot a run restores, whether its logging lets it be measured at all, and how it differs from a snapshot.

import { createHash } from 'node:crypto';
import type { FunctionConfiguration } from '@aws-sdk/client-lambda';
import type { Architecture, FunctionIdentity, LogFormat } from '../types.js';
import { markerRunId } from './markers.js';
import { LoggingConfigError } from './target-errors.js';

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
    // What an unchanged check compares with the baseline's (src/app/unchanged.ts). Only a hash of the environment:
    // its values are often secrets, and results.json is published (artifact, data branch).
    ...(config.Handler !== undefined ? { handler: config.Handler } : {}),
    layers: (config.Layers ?? []).flatMap((layer) => (layer.Arn ? [layer.Arn] : [])),
    environmentSha256: environmentSha256(config.Environment?.Variables ?? {}),
    // What a cold start bills depends on these (tuning/cold-cost.ts). PackageType defaults to Zip in the API model.
    ...(config.PackageType === 'Image' || config.PackageType === 'Zip' ? { packageType: config.PackageType } : {}),
    ...(config.SnapStart?.ApplyOn === 'PublishedVersions' ? { snapStart: true } : {}),
    originalMemoryMb: config.MemorySize ?? 128,
    logFormat,
  };
}

/**
 * SHA-256 (hex) of environment variables' names and values, independent of their order: equal hashes mean equal
 * variables, and the hash tells nothing of the values. No variables and an empty set hash alike (Lambda leaves
 * Environment out of the configuration when there are none).
 */
export function environmentSha256(variables: Record<string, string>): string {
  const entries = Object.entries(variables).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash('sha256').update(JSON.stringify(entries)).digest('hex');
}

/**
 * The snapshot of `config`: as found, or with the original MemorySize and Description given (a later run or the
 * post step restoring a run whose marker is on $LATEST knows them from elsewhere).
 */
export function snapshotOf(
  config: FunctionConfiguration,
  region: string,
  fallbackArn: string,
  original?: { memoryMb: number; description: string },
): FunctionSnapshot {
  const identity = identityFromConfiguration(config, region);
  return {
    identity,
    functionArn: identity.arn || fallbackArn,
    memoryMb: original?.memoryMb ?? config.MemorySize ?? 128,
    description: original?.description ?? config.Description ?? '',
    timeoutSec: config.Timeout ?? 3,
    revisionId: config.RevisionId ?? '',
    environment: config.Environment?.Variables ?? {},
  };
}

/**
 * Every measurement comes from the REPORT line (platform.report in JSON logs), which Lambda sends only at system
 * log level INFO or more detailed: at WARN every sample would fail as NoReport after the whole
 * run. Checked at the snapshot, before anything is changed.
 */
export function checkReportIsLogged(config: FunctionConfiguration): void {
  const logging = config.LoggingConfig;
  const level = logging?.SystemLogLevel;
  // The model's SystemLogLevel enum is DEBUG, INFO, WARN; anything above INFO hides the report.
  if (logging?.LogFormat !== 'JSON' || level === undefined || ['DEBUG', 'INFO', 'TRACE'].includes(level)) return;
  throw new LoggingConfigError(
    `${config.FunctionName ?? 'The function'} logs system events at ${level}, so Lambda sends no platform.report and no invocation can be measured; set LoggingConfig.SystemLogLevel to INFO or DEBUG (or LogFormat to Text) and run again`,
  );
}

/** arn:aws:lambda:r:a:function:name[:qualifier] → without the qualifier. */
export function unqualifiedArn(arn: string): string {
  const parts = arn.split(':');
  return parts.length > 7 ? parts.slice(0, 7).join(':') : arn;
}

/**
 * What differs between $LATEST now and the snapshot (empty when it matches). When another run's marker is on
 * $LATEST, that run has it at one of its memory sizes and restores it itself: MemorySize and Description are its.
 */
export function differencesBetween(
  current: FunctionConfiguration,
  snapshot: FunctionSnapshot,
  ownRunId: string,
): string[] {
  const differences: string[] = [];
  const owner = markerRunId(current.Description);
  const heldByOtherRun = owner !== undefined && owner !== ownRunId;
  if (!heldByOtherRun) {
    if (current.MemorySize !== snapshot.memoryMb)
      differences.push(`MemorySize is ${current.MemorySize}, was ${snapshot.memoryMb}`);
    if ((current.Description ?? '') !== snapshot.description)
      differences.push(`Description is "${current.Description ?? ''}", was "${snapshot.description}"`);
  }
  if ((current.Timeout ?? 3) !== snapshot.timeoutSec)
    differences.push(`Timeout is ${current.Timeout}, was ${snapshot.timeoutSec}`);
  if (
    JSON.stringify(sortKeys(current.Environment?.Variables ?? {})) !== JSON.stringify(sortKeys(snapshot.environment))
  ) {
    differences.push('Environment variables differ');
  }
  return differences;
}

function sortKeys(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}
