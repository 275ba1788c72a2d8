// A copy of a .zip function on the other architecture, made by the run and deleted by it (issue 17, "a copy it
// makes"). The one entry point:
//
//   makeArchitectureCopy(client, source, architecture, { runId, deadlineMs, logger, fetch, ... })
//     → { functionName, functionArn, architecture, dispose(signal?) }
//
// It reads the source with GetFunction (its configuration, tags and `Code.Location`, a pre-signed link to its .zip),
// refuses in one line naming the way out (`compare-function`, a deployment of the other architecture the user makes)
// what a copy cannot measure truthfully — a container image, a layer without the other architecture, native code,
// a package over Lambda's 50 MB direct-upload limit — then creates the copy with the same code (uploaded as ZipFile),
// role, handler, runtime, environment, layers, timeout, memory, ephemeral storage, logging, tracing, VPC and file
// systems, named for the run, tagged so a leftover is recognisable, and waits until it is Active. `dispose` deletes
// it (idempotent; "not found" counts as deleted). If anything fails once CreateFunction was sent, the copy is deleted
// before the error is thrown.
//
// Leftovers: `onCreating` is called before CreateFunction is sent, so the action saves the name for its post step
// (a killed main step); the post step's delete and the next copying run's sweep are arch-copy-leftovers.ts's, which
// also holds the copy's name and tags. The package's download and checks are arch-copy-package.ts's.

import {
  CreateFunctionCommand,
  GetFunctionCommand,
  GetLayerVersionByArnCommand,
  waitUntilFunctionActiveV2,
  type Architecture,
  type CreateFunctionCommandInput,
  type FunctionConfiguration,
  type LambdaClient,
} from '@aws-sdk/client-lambda';
import { messageOf } from '../lib/errors.js';
import type { EngineLogger } from '../lib/ports.js';
import { inertText } from '../lib/untrusted.js';
import { controlPlaneFor, copyName, COPY_TAGS, deleteCopy, recoverAbandonedCopies } from './arch-copy-leftovers.js';
import {
  download,
  entryNames,
  MAX_DIRECT_UPLOAD_BYTES,
  mb,
  nativeFiles,
  type PackageDownloadOptions,
} from './arch-copy-package.js';
import { CLEANUP_BUDGET_MS, cleanupBudget } from './cleanup.js';
import { ControlPlane, SETTLE } from './control-plane.js';
import type { RateLimiter } from './limiter.js';
import { isoSeconds } from './markers.js';
import { isAlreadyExists, waiterFailure } from './target-errors.js';

export interface ArchitectureCopy {
  functionName: string;
  functionArn: string;
  architecture: Architecture;
  /** Deletes the copy (every version and alias with it). Idempotent; call it after the run's own clean-up. */
  dispose(signal?: AbortSignal): Promise<void>;
}

/** With the package download's (arch-copy-package.ts): fetch, endpoint, sleep, random, signal. */
export interface ArchitectureCopyOptions extends PackageDownloadOptions {
  /** The run's id: in the copy's name and tags. */
  runId: string;
  /** The run's deadline (runDeadlineMs): the copy's `until` tag; after it a later run may delete the copy. */
  deadlineMs: number;
  logger: EngineLogger;
  /** The run's control-plane pace (limiter.ts); default one of its own. */
  limiter?: RateLimiter;
  /** Seconds between polls while the copy is Pending (default 1). */
  waiterMinDelaySec?: number;
  /** The most the wait for Active may take (default 300 s). */
  waiterMaxWaitSec?: number;
  /**
   * Before the first copy of the run: delete the copies killed runs left in the region (recoverAbandonedCopies), once
   * per run id in this process. Default true.
   */
  sweepLeftovers?: boolean;
  /** Milliseconds since the epoch, for the sweep's deadline check. Default Date.now. */
  now?: () => number;
  /** Called before CreateFunction is sent, with the name it will have: the action saves it for its post step. */
  onCreating?: (copy: { functionName: string }) => void;
}

/** The source cannot be copied truthfully: the message names why and the way out. */
export class CopyRefusedError extends Error {
  override name = 'CopyRefusedError';
}

/** Runs whose first copy swept the region already (in this process). */
const swept = new Set<string>();

const wayOut = (architecture: Architecture) =>
  `deploy an ${architecture} build of the function yourself and name it in compare-function`;

/** Makes the copy (see the header). Throws CopyRefusedError for what cannot be copied; deletes what it made on failure. */
export async function makeArchitectureCopy(
  client: LambdaClient,
  source: string,
  /** 'other': the one the source does not run on, read from the same GetFunction (no request of its own). */
  wanted: Architecture | 'other',
  options: ArchitectureCopyOptions,
): Promise<ArchitectureCopy> {
  const { logger, signal } = options;
  const api = controlPlaneFor(client, source, options);
  const found = await api.send('GetFunction', new GetFunctionCommand({ FunctionName: source }), signal);
  const config = found.Configuration ?? {};
  const sourceName = config.FunctionName ?? source;
  const shown = inertText(sourceName);
  const own = config.Architectures?.[0] ?? 'x86_64';
  const architecture: Architecture = wanted === 'other' ? (own === 'arm64' ? 'x86_64' : 'arm64') : wanted;
  const refuse = (why: string) =>
    new CopyRefusedError(`Cannot make an ${architecture} copy of ${shown}: ${why}; ${wayOut(architecture)}`);

  if (config.PackageType === 'Image' || found.Code?.ImageUri !== undefined)
    throw refuse('it is a container image (PackageType Image), and only a .zip function can be copied');
  if (own === architecture) throw new Error(`${sourceName} already runs on ${architecture}: there is nothing to copy`);
  if ((config.Runtime ?? '').startsWith('provided'))
    throw refuse(`it runs an OS-only runtime (${inertText(config.Runtime ?? '')}) whose bootstrap is a native binary`);
  if ((config.CodeSize ?? 0) > MAX_DIRECT_UPLOAD_BYTES)
    throw refuse(
      `its package is ${mb(config.CodeSize ?? 0)} zipped, over the 50 MB Lambda takes as a direct upload (a copy through S3 is not built)`,
    );
  await checkLayers(api, config, architecture, refuse, signal);

  const zip = await download(found.Code?.Location, options, refuse);
  let names: string[];
  try {
    names = entryNames(zip);
  } catch (error) {
    throw refuse(`its package could not be read as a .zip (${inertText(messageOf(error))})`);
  }
  const native = nativeFiles(names);
  if (native.length > 0) {
    const listed = native.slice(0, 3).map((name) => inertText(name, 120));
    throw refuse(
      `its package holds native code built for ${own} (${listed.join(', ')}${native.length > 3 ? `, and ${native.length - 3} more` : ''})`,
    );
  }

  if (options.sweepLeftovers !== false && !swept.has(options.runId)) {
    swept.add(options.runId);
    await recoverAbandonedCopies(client, options.runId, (options.now ?? Date.now)(), options);
  }
  const functionName = copyName(options.runId, architecture, sourceName);
  const input = createInput(config, functionName, architecture, zip, options);
  options.onCreating?.({ functionName });
  const copyApi = controlPlaneFor(client, functionName, options);
  const dispose = disposer(copyApi, functionName, logger);
  let functionArn: string;
  try {
    try {
      const created = await copyApi.send('CreateFunction', new CreateFunctionCommand(input), signal, SETTLE);
      functionArn = created.FunctionArn ?? functionName;
    } catch (error) {
      // The name is this run's own: "already exists" is our CreateFunction whose first answer was lost.
      if (!isAlreadyExists(error)) throw error;
      const existing = await copyApi.send(
        'GetFunction',
        new GetFunctionCommand({ FunctionName: functionName }),
        signal,
      );
      if (existing.Tags?.[COPY_TAGS.runId] !== undefined && existing.Tags[COPY_TAGS.runId] !== options.runId)
        throw error;
      functionArn = existing.Configuration?.FunctionArn ?? functionName;
    }
    await waitUntilActive(client, functionName, options);
  } catch (error) {
    await dispose().catch((cleanup: unknown) =>
      logger.warning(`Could not delete the copy ${functionName} after a failure: ${messageOf(cleanup)}`),
    );
    throw error;
  }
  logger.info(`Made ${functionName}, an ${architecture} copy of ${shown} (${mb(zip.length)} package), Active`);
  return { functionName, functionArn, architecture, dispose };
}

/**
 * The copy for the length of `use`, deleted on every path: `use` returns or throws, or the run's signal aborts
 * (timeout-minutes, SIGINT/SIGTERM), in which case the delete runs on the clean-up's budget after the signal
 * (CLEANUP_BUDGET_MS, cleanup.ts), as the run's own clean-up does. A delete that fails is one warning; the post step
 * or the next copying run removes the copy then. The tuner's clean-up of the copy's versions and aliases belongs
 * inside `use` (DeleteFunction takes them with it anyway).
 */
export async function withArchitectureCopy<T>(
  client: LambdaClient,
  source: string,
  architecture: Architecture,
  options: ArchitectureCopyOptions & { cleanupBudgetMs?: number },
  use: (copy: ArchitectureCopy) => Promise<T>,
): Promise<T> {
  const copy = await makeArchitectureCopy(client, source, architecture, options);
  const budget = cleanupBudget(options.signal, options.cleanupBudgetMs ?? CLEANUP_BUDGET_MS);
  try {
    return await use(copy);
  } finally {
    try {
      await copy.dispose(budget.signal);
    } catch (error) {
      options.logger.warning(
        `Could not delete the copy ${copy.functionName} (${messageOf(error)}); the post step or the next run that makes a copy deletes it`,
      );
    } finally {
      budget.dispose();
    }
  }
}

/**
 * Every layer must declare the other architecture (GetLayerVersion's CompatibleArchitectures). Lambda itself does not
 * check it (it lets a layer of one architecture be used by a function of the other: aws/aws-cdk PR #16719), so the
 * copy would run and measure crashes or a wrong binary; a layer that declares no architecture at all is refused
 * the same way, since nothing says it runs on the other one.
 */
async function checkLayers(
  api: ControlPlane,
  config: FunctionConfiguration,
  architecture: Architecture,
  refuse: (why: string) => CopyRefusedError,
  signal?: AbortSignal,
): Promise<void> {
  for (const layer of config.Layers ?? []) {
    const arn = layer.Arn ?? '';
    let compatible: Architecture[];
    try {
      const version = await api.send('GetLayerVersion', new GetLayerVersionByArnCommand({ Arn: arn }), signal);
      compatible = version.CompatibleArchitectures ?? [];
    } catch (error) {
      throw refuse(`its layer ${inertText(arn)} could not be read (${inertText(messageOf(error))})`);
    }
    if (!compatible.includes(architecture))
      throw refuse(
        compatible.length === 0
          ? `its layer ${inertText(arn)} declares no compatible architectures, so nothing says it runs on ${architecture}`
          : `its layer ${inertText(arn)} is built for ${compatible.join(', ')} only`,
      );
  }
}

/** CreateFunction's request: the source's configuration on the other architecture, with the run's name and tags. */
export function createInput(
  config: FunctionConfiguration,
  functionName: string,
  architecture: Architecture,
  zip: Uint8Array,
  options: Pick<ArchitectureCopyOptions, 'runId' | 'deadlineMs'>,
): CreateFunctionCommandInput {
  const sourceName = config.FunctionName ?? '';
  const logging = config.LoggingConfig;
  // The source's own default log group (/aws/lambda/<source>) is not copied: the copy logs to its own.
  const logGroup =
    logging?.LogGroup !== undefined && logging.LogGroup !== `/aws/lambda/${sourceName}` ? logging.LogGroup : undefined;
  const vpc = config.VpcConfig;
  return {
    FunctionName: functionName,
    Role: config.Role,
    Handler: config.Handler,
    Runtime: config.Runtime,
    Code: { ZipFile: zip },
    PackageType: 'Zip',
    Architectures: [architecture],
    Description: `lambda-power-gate ${options.runId}: ${architecture} copy of ${sourceName}`,
    Timeout: config.Timeout,
    MemorySize: config.MemorySize,
    Publish: false,
    ...(config.Environment?.Variables ? { Environment: { Variables: { ...config.Environment.Variables } } } : {}),
    ...(config.Layers && config.Layers.length > 0
      ? { Layers: config.Layers.map((layer) => layer.Arn ?? '').filter((arn) => arn !== '') }
      : {}),
    ...(config.EphemeralStorage?.Size !== undefined
      ? { EphemeralStorage: { Size: config.EphemeralStorage.Size } }
      : {}),
    ...(logging
      ? {
          LoggingConfig: {
            ...(logging.LogFormat ? { LogFormat: logging.LogFormat } : {}),
            ...(logging.ApplicationLogLevel ? { ApplicationLogLevel: logging.ApplicationLogLevel } : {}),
            ...(logging.SystemLogLevel ? { SystemLogLevel: logging.SystemLogLevel } : {}),
            ...(logGroup ? { LogGroup: logGroup } : {}),
          },
        }
      : {}),
    ...(config.TracingConfig?.Mode ? { TracingConfig: { Mode: config.TracingConfig.Mode } } : {}),
    ...(vpc?.SubnetIds && vpc.SubnetIds.length > 0
      ? {
          VpcConfig: {
            SubnetIds: [...vpc.SubnetIds],
            SecurityGroupIds: [...(vpc.SecurityGroupIds ?? [])],
            ...(vpc.Ipv6AllowedForDualStack !== undefined
              ? { Ipv6AllowedForDualStack: vpc.Ipv6AllowedForDualStack }
              : {}),
          },
        }
      : {}),
    ...(config.FileSystemConfigs && config.FileSystemConfigs.length > 0
      ? { FileSystemConfigs: config.FileSystemConfigs.map((fs) => ({ ...fs })) }
      : {}),
    ...(config.KMSKeyArn ? { KMSKeyArn: config.KMSKeyArn } : {}),
    ...(config.SnapStart?.ApplyOn === 'PublishedVersions' ? { SnapStart: { ApplyOn: 'PublishedVersions' } } : {}),
    Tags: {
      [COPY_TAGS.copyOf]: config.FunctionArn ?? sourceName,
      [COPY_TAGS.runId]: options.runId,
      [COPY_TAGS.until]: isoSeconds(options.deadlineMs),
    },
  };
}

/**
 * A new function is Pending until Lambda has set it up ("Lambda does not invoke a function during pending state",
 * functions-states): the SDK's waiter for it (FunctionActiveV2, which polls GetFunction).
 */
async function waitUntilActive(client: LambdaClient, functionName: string, options: ArchitectureCopyOptions) {
  const minDelay = options.waiterMinDelaySec ?? 1;
  try {
    await waitUntilFunctionActiveV2(
      {
        client,
        minDelay,
        maxDelay: minDelay * 2,
        maxWaitTime: options.waiterMaxWaitSec ?? 300,
        ...(options.signal ? { abortSignal: options.signal } : {}),
      },
      { FunctionName: functionName },
    );
  } catch (error) {
    const failed = waiterFailure(error);
    throw new Error(
      `The copy ${functionName} did not become Active: ${failed !== undefined ? inertText(failed) : messageOf(error)}`,
      { cause: error },
    );
  }
}

function disposer(api: ControlPlane, functionName: string, logger: EngineLogger) {
  let done = false;
  return async (signal?: AbortSignal) => {
    if (done) return;
    await deleteCopy(api, functionName, signal);
    done = true;
    logger.info(`Deleted the copy ${functionName}`);
  };
}
