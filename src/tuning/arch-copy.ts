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
// (a killed main step); `removeRunCopies` is the post step's delete; `recoverAbandonedCopies` is the next copying
// run's sweep of copies whose run is over (their `lambda-power-gate:until` tag has passed), which the run's first
// makeArchitectureCopy does itself before creating anything (`sweepLeftovers`, default on). Lambda has no filter by
// tag in ListFunctions (its FunctionConfiguration carries no tags), so the sweep lists the region's functions, keeps
// the names with this tool's prefix and reads their tags with ListTags before deleting anything.

import {
  CreateFunctionCommand,
  DeleteFunctionCommand,
  GetFunctionCommand,
  GetLayerVersionByArnCommand,
  ListFunctionsCommand,
  ListTagsCommand,
  waitUntilFunctionActiveV2,
  type Architecture,
  type CreateFunctionCommandInput,
  type FunctionConfiguration,
  type LambdaClient,
} from '@aws-sdk/client-lambda';
import { createHash } from 'node:crypto';
import { unzipSync } from 'fflate';
import { messageOf } from '../lib/errors.js';
import { withRetry } from '../lib/retry.js';
import { realSleep, type EngineLogger, type Sleep } from '../lib/ports.js';
import { inertText } from '../lib/untrusted.js';
import { CLEANUP_BUDGET_MS, cleanupBudget } from './cleanup.js';
import { ControlPlane, SETTLE } from './control-plane.js';
import type { RateLimiter } from './limiter.js';
import { isoSeconds } from './markers.js';
import { isAlreadyExists, isNotFound, waiterFailure } from './target-errors.js';

/** Every copy's name starts with this; docs/SECURITY.md scopes CreateFunction and DeleteFunction to it. */
export const COPY_NAME_PREFIX = 'lpg-copy-';

/** The tags every copy carries (at most 128-character keys, 256-character values: AWS's tag limits). */
export const COPY_TAGS = {
  /** The source function's ARN. */
  copyOf: 'lambda-power-gate:copy-of',
  runId: 'lambda-power-gate:run-id',
  /** The run's deadline (ISO 8601): after it, a later run may delete the copy. */
  until: 'lambda-power-gate:until',
} as const;

/**
 * A function name: "If you specify only the function name, it is limited to 64 characters in length" (the
 * FunctionName member of CreateFunction, Lambda API reference); the characters are `[a-zA-Z0-9-_]`.
 */
export const MAX_FUNCTION_NAME_CHARS = 64;

/**
 * "50 MB (zipped, when uploaded directly)" (Lambda quotas; AccountLimit.CodeSizeZipped: "Use Amazon S3 for larger
 * files"). A ZipFile upload over it is refused (RequestEntityTooLargeException, emulator/lambda/code.ts).
 */
export const MAX_DIRECT_UPLOAD_BYTES = 50 * 1024 * 1024;

export interface ArchitectureCopy {
  functionName: string;
  functionArn: string;
  architecture: Architecture;
  /** Deletes the copy (every version and alias with it). Idempotent; call it after the run's own clean-up. */
  dispose(signal?: AbortSignal): Promise<void>;
}

export interface ArchitectureCopyOptions {
  /** The run's id: in the copy's name and tags. */
  runId: string;
  /** The run's deadline (runDeadlineMs): the copy's `until` tag; after it a later run may delete the copy. */
  deadlineMs: number;
  logger: EngineLogger;
  /** Downloads Code.Location. Default globalThis.fetch. */
  fetch?: typeof globalThis.fetch;
  sleep?: Sleep;
  random?: () => number;
  /** The run's control-plane pace (limiter.ts); default one of its own. */
  limiter?: RateLimiter;
  /**
   * The Lambda endpoint when it is not AWS (the emulator): its Code.Location links are plain HTTP on that origin.
   * Without it only HTTPS links are followed.
   */
  endpoint?: string;
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
  signal?: AbortSignal;
}

/** The source cannot be copied truthfully: the message names why and the way out. */
export class CopyRefusedError extends Error {
  override name = 'CopyRefusedError';
}

/** The copy's name: `lpg-copy-<run>-<architecture>-<source>`, the source shortened (with a hash) to fit 64. */
export function copyName(runId: string, architecture: Architecture, sourceName: string): string {
  const base = `${COPY_NAME_PREFIX}${runId}-${architecture}-`;
  const room = MAX_FUNCTION_NAME_CHARS - base.length;
  if (room < 8) throw new Error(`run id ${runId} is too long for a copy's name`);
  if (sourceName.length <= room) return base + sourceName;
  const hash = createHash('sha256').update(sourceName).digest('hex').slice(0, 6);
  return `${base}${sourceName.slice(0, room - hash.length - 1)}-${hash}`;
}

/** The run a copy's name belongs to, or undefined for any other function. */
export function copyRunId(functionName: string): string | undefined {
  return new RegExp(`^${COPY_NAME_PREFIX}([A-Za-z0-9_]+)-(?:x86_64|arm64)-`).exec(functionName)?.[1];
}

/**
 * Files a package holds that only run on the architecture they were built for, by name (the contents are not read):
 * Node.js addons (`.node`), shared libraries and Python extension modules (`.so`, `.so.42`), and the per-platform
 * packages npm installs prebuilt binaries in (`@esbuild/linux-x64/…`, `@img/sharp-linux-arm64/…`). An executable
 * without an extension elsewhere (a bundled ffmpeg) is not recognised.
 */
export function nativeFiles(entryNames: readonly string[]): string[] {
  return entryNames.filter(
    (name) =>
      /\.node$/i.test(name) ||
      /\.so(\.\d+)*$/i.test(name) ||
      /(^|\/)node_modules\/(@[^/]+\/)?([^/]*-)?linux-(x64|arm64)(-gnu|-musl)?\/./.test(name),
  );
}

/** Runs whose first copy swept the region already (in this process). */
const swept = new Set<string>();

const wayOut = (architecture: Architecture) =>
  `deploy an ${architecture} build of the function yourself and name it in compare-function`;

/** Makes the copy (see the header). Throws CopyRefusedError for what cannot be copied; deletes what it made on failure. */
export async function makeArchitectureCopy(
  client: LambdaClient,
  source: string,
  architecture: Architecture,
  options: ArchitectureCopyOptions,
): Promise<ArchitectureCopy> {
  const { logger, signal } = options;
  const api = controlPlaneFor(client, source, options);
  const found = await api.send('GetFunction', new GetFunctionCommand({ FunctionName: source }), signal);
  const config = found.Configuration ?? {};
  const sourceName = config.FunctionName ?? source;
  const shown = inertText(sourceName);
  const refuse = (why: string) =>
    new CopyRefusedError(`Cannot make an ${architecture} copy of ${shown}: ${why}; ${wayOut(architecture)}`);

  if (config.PackageType === 'Image' || found.Code?.ImageUri !== undefined)
    throw refuse('it is a container image (PackageType Image), and only a .zip function can be copied');
  const own = config.Architectures?.[0] ?? 'x86_64';
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

function controlPlaneFor(client: LambdaClient, functionName: string, options: ArchitectureCopyOptions): ControlPlane {
  return new ControlPlane(client, functionName, {
    logger: options.logger,
    sleep: options.sleep ?? realSleep,
    ...(options.random ? { random: options.random } : {}),
    ...(options.limiter ? { limiter: options.limiter } : {}),
    ...(options.waiterMinDelaySec !== undefined ? { waiterMinDelaySec: options.waiterMinDelaySec } : {}),
  });
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

/** Code.Location's .zip, at most 50 MB; HTTPS only, or plain HTTP on the emulator's own endpoint. */
async function download(
  location: string | undefined,
  options: ArchitectureCopyOptions,
  refuse: (why: string) => CopyRefusedError,
): Promise<Uint8Array> {
  if (!location) throw refuse('GetFunction gave no Code.Location to download its package from');
  let url: URL;
  try {
    url = new URL(location);
  } catch {
    throw refuse('its Code.Location is not a URL');
  }
  const emulator = options.endpoint ? new URL(options.endpoint).origin : undefined;
  if (url.protocol !== 'https:' && url.origin !== emulator)
    throw refuse(`its Code.Location is not an HTTPS link (${url.protocol})`);
  const fetchFn = options.fetch ?? globalThis.fetch;
  // The link is pre-signed: its query is the credential, so it is never logged.
  const where = `${url.origin}${url.pathname}`;
  // S3 answers a 5xx or drops a connection now and then: three tries, then the error.
  const response = await withRetry(
    async () => {
      let answer: Response;
      try {
        answer = await fetchFn(url, options.signal ? { signal: options.signal } : {});
      } catch (error) {
        throw new DownloadError(`Downloading the package of the function from ${where} failed: ${messageOf(error)}`, {
          retry: true,
          cause: error,
        });
      }
      if (!answer.ok)
        throw new DownloadError(`Downloading the package of the function from ${where} failed: HTTP ${answer.status}`, {
          retry: answer.status >= 500,
        });
      return answer;
    },
    {
      attempts: 3,
      baseDelayMs: 500,
      maxDelayMs: 4000,
      sleep: options.sleep ?? realSleep,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.random ? { random: options.random } : {}),
      shouldRetry: (error) => error instanceof DownloadError && error.retry,
    },
  );
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > MAX_DIRECT_UPLOAD_BYTES) throw refuse(`its package is ${mb(declared)} zipped, over 50 MB`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.length > MAX_DIRECT_UPLOAD_BYTES) throw refuse(`its package is ${mb(bytes.length)} zipped, over 50 MB`);
  return bytes;
}

class DownloadError extends Error {
  override name = 'DownloadError';
  readonly retry: boolean;
  constructor(message: string, options: { retry: boolean; cause?: unknown }) {
    super(message, options.cause === undefined ? {} : { cause: options.cause });
    this.retry = options.retry;
  }
}

/** The zip's entry names from its central directory; the filter says no to each, so nothing is inflated. */
function entryNames(zip: Uint8Array): string[] {
  const names: string[] = [];
  unzipSync(zip, {
    filter: (file) => {
      names.push(file.name);
      return false;
    },
  });
  return names;
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

/** DeleteFunction without a qualifier (the copy, its versions and aliases); "not found" counts as deleted. */
async function deleteCopy(api: ControlPlane, functionName: string, signal?: AbortSignal): Promise<void> {
  if (copyRunId(functionName) === undefined) throw new Error(`refusing to delete ${functionName}: not a copy's name`);
  await api
    .send('DeleteFunction', new DeleteFunctionCommand({ FunctionName: functionName }), signal)
    .catch((error: unknown) => {
      if (!isNotFound(error)) throw error;
    });
}

export interface CopyCleanupOptions {
  logger: EngineLogger;
  sleep?: Sleep;
  limiter?: RateLimiter;
  signal?: AbortSignal;
}

/**
 * The post step's delete of the copies a run saved (by name): only names of that run (`lpg-copy-<run>-…`); one already
 * gone counts as deleted. Returns the names deleted and the problems, one per copy that could not be deleted.
 */
export async function removeRunCopies(
  client: LambdaClient,
  runId: string,
  functionNames: readonly string[],
  options: CopyCleanupOptions,
): Promise<{ deleted: string[]; problems: string[] }> {
  const deleted: string[] = [];
  const problems: string[] = [];
  for (const name of functionNames) {
    if (copyRunId(name) !== runId) {
      problems.push(`${name}: not a copy of run ${runId}, left alone`);
      continue;
    }
    const api = controlPlaneFor(client, name, { runId, deadlineMs: 0, ...options });
    try {
      const exists = await api
        .send('GetFunction', new GetFunctionCommand({ FunctionName: name }), options.signal)
        .then(() => true)
        .catch((error: unknown) => {
          if (isNotFound(error)) return false;
          throw error;
        });
      if (!exists) continue;
      await deleteCopy(api, name, options.signal);
      deleted.push(name);
    } catch (error) {
      problems.push(`copy ${name}: ${messageOf(error)}`);
    }
  }
  return { deleted, problems };
}

/** Lambda's page size for ListFunctions ("up to 50 functions per call"). */
const PAGE_SIZE = 50;

/**
 * Before a run makes a copy: deletes the copies killed runs left in this region — a function named `lpg-copy-…` whose
 * tags say it is this tool's copy (`lambda-power-gate:copy-of`) and whose run's deadline (`lambda-power-gate:until`)
 * has passed. A copy of a run that may still be going, or without those tags, is left alone with one line. Never
 * fails the run: a policy without lambda:ListFunctions or lambda:ListTags gets one warning naming them.
 */
export async function recoverAbandonedCopies(
  client: LambdaClient,
  ownRunId: string,
  nowMs: number,
  options: CopyCleanupOptions,
): Promise<{ deleted: string[]; leftAlone: string[] }> {
  const { logger, signal } = options;
  const api = controlPlaneFor(client, 'lambda-power-gate-copies', { runId: ownRunId, deadlineMs: 0, ...options });
  const deleted: string[] = [];
  const leftAlone: string[] = [];
  try {
    const candidates: Array<{ name: string; arn: string }> = [];
    let marker: string | undefined;
    do {
      const page = await api.send(
        'ListFunctions',
        new ListFunctionsCommand({ Marker: marker, MaxItems: PAGE_SIZE }),
        signal,
      );
      for (const fn of page.Functions ?? []) {
        const name = fn.FunctionName ?? '';
        const runId = copyRunId(name);
        if (runId !== undefined && runId !== ownRunId) candidates.push({ name, arn: fn.FunctionArn ?? name });
      }
      marker = page.NextMarker;
    } while (marker);
    for (const { name, arn } of candidates) {
      const { Tags: tags = {} } = await api.send('ListTags', new ListTagsCommand({ Resource: arn }), signal);
      const untilMs = Date.parse(tags[COPY_TAGS.until] ?? '');
      if (tags[COPY_TAGS.copyOf] === undefined || !Number.isFinite(untilMs)) {
        logger.info(`${name} looks like a lambda-power-gate copy but lacks its tags: left alone; delete it by hand`);
        leftAlone.push(name);
        continue;
      }
      if (nowMs <= untilMs) {
        logger.info(`${name} is a copy of a run that may still be going until ${isoSeconds(untilMs)}: left alone`);
        leftAlone.push(name);
        continue;
      }
      await deleteCopy(controlPlaneFor(client, name, { runId: ownRunId, deadlineMs: 0, ...options }), name, signal);
      deleted.push(name);
      logger.warning(
        `Deleted ${name}, a copy of ${inertText(tags[COPY_TAGS.copyOf] ?? '')} that run ${inertText(tags[COPY_TAGS.runId] ?? '?')} left (it ended at ${isoSeconds(untilMs)} without cleaning up: was it killed?)`,
      );
    }
  } catch (error) {
    if (signal?.aborted) throw error;
    logger.warning(
      `Could not look for copies killed runs left (${messageOf(error)}); the policy needs lambda:ListFunctions, lambda:ListTags and lambda:DeleteFunction on lpg-copy-* (docs/SECURITY.md)`,
    );
  }
  return { deleted, leftAlone };
}

const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
