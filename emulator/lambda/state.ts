// The emulator's control plane: functions, their published versions and aliases, held in memory.
// No I/O and no timers: time comes from an injected clock and the InProgress → Successful transition is applied
// lazily whenever a function is touched, so tests can step through it deterministically.

import { randomUUID } from 'node:crypto';
// The answers are typed with the SDK's own output shapes (generated from the same API model), so a field the emulator
// returns with a type or value Lambda's model does not have shows up as a type error. Type-only: nothing is loaded.
import type {
  AliasConfiguration,
  ApplicationLogLevel,
  FunctionConfiguration,
  GetFunctionResponse,
  LastUpdateStatusReasonCode,
  ListAliasesResponse,
  ListFunctionsResponse,
  ListVersionsByFunctionResponse,
  Runtime,
  SystemLogLevel,
} from '@aws-sdk/client-lambda';
import { conflict, invalidParameter, LambdaError, notFound, preconditionFailed, validationError } from './errors.js';
import type { FunctionLayer } from './layers.js';

export const ACCOUNT_ID = '123456789012';
export const LATEST = '$LATEST';
export const DEFAULT_RUNTIME = 'nodejs20.x';
const DEFAULT_ROLE = `arn:aws:iam::${ACCOUNT_ID}:role/lambda-power-gate-emulator`;
/** Lambda returns at most 50 items per list page, whatever MaxItems asks for. */
const MAX_PAGE_ITEMS = 50;
const MIN_MEMORY_MB = 128;
const MAX_MEMORY_MB = 10240;
const MAX_TIMEOUT_SEC = 900;
const MAX_ENVIRONMENT_BYTES = 4096;
/** Variables Lambda sets itself; a function configuration may not override them. */
const RESERVED_ENVIRONMENT_KEYS = [
  '_HANDLER',
  '_X_AMZN_TRACE_ID',
  'AWS_DEFAULT_REGION',
  'AWS_REGION',
  'AWS_EXECUTION_ENV',
  'AWS_LAMBDA_FUNCTION_NAME',
  'AWS_LAMBDA_FUNCTION_MEMORY_SIZE',
  'AWS_LAMBDA_FUNCTION_VERSION',
  'AWS_LAMBDA_INITIALIZATION_TYPE',
  'AWS_LAMBDA_LOG_GROUP_NAME',
  'AWS_LAMBDA_LOG_STREAM_NAME',
  'AWS_ACCESS_KEY',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_LAMBDA_RUNTIME_API',
  'LAMBDA_TASK_ROOT',
  'LAMBDA_RUNTIME_DIR',
];
const FUNCTION_NAME_PATTERN =
  /^(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\d{1}:)?(\d{12}:)?(function:)?([a-zA-Z0-9-_.]+)(:(\$LATEST|[a-zA-Z0-9-_]+))?$/;
const ALIAS_NAME_PATTERN = /^(?!^[0-9]+$)([a-zA-Z0-9-_]+)$/;
const UPDATE_IN_PROGRESS_REASON = 'The function is being created.';
/**
 * LastUpdateStatusReasonCode while an update is InProgress. The API model lists 'Creating' for StateReasonCode only,
 * yet Lambda sends it here too: UpdateFunctionConfiguration answers LastUpdateStatus "InProgress",
 * LastUpdateStatusReason "The function is being created.", LastUpdateStatusReasonCode "Creating" (a recorded response
 * in DataDog/stratus-red-team, docs/attack-techniques/AWS/aws.persistence.lambda-layer-extension.md, and the AWS CLI
 * output of update-function-configuration that many published walkthroughs show). So the stand-in says what the
 * service says, not what the SDK's type allows; a client must not reject a reason code it does not know.
 */
const UPDATE_IN_PROGRESS_REASON_CODE = 'Creating' as string as LastUpdateStatusReasonCode;
/** The Python runtimes the emulator runs (with this machine's python3); SnapStart is offered for Python 3.12+. */
export const PYTHON_RUNTIMES = ['python3.12', 'python3.13'] as const;

export type LogFormat = 'Text' | 'JSON';
export type Architecture = 'x86_64' | 'arm64';
/** SnapStart.ApplyOn (the model's SnapStartApplyOn enum). */
export type SnapStartApplyOn = 'PublishedVersions' | 'None';

export interface LoggingConfig {
  LogFormat: LogFormat;
  LogGroup: string;
  ApplicationLogLevel?: ApplicationLogLevel;
  SystemLogLevel?: SystemLogLevel;
}

/** One version's configuration: $LATEST (mutable) or a published version (an immutable snapshot). */
export interface VersionConfig {
  version: string;
  codeDir: string;
  codeSha256: string;
  codeSizeBytes: number;
  /** The package's size extracted (a directory's files); counts toward the 250 MB with the layers. */
  unzippedBytes?: number;
  handler: string;
  runtime: Runtime;
  role: string;
  description: string;
  timeoutSec: number;
  memoryMb: number;
  environment: Record<string, string>;
  logging: LoggingConfig;
  architecture: Architecture;
  /** EphemeralStorage.Size (/tmp), MB. */
  ephemeralStorageMb: number;
  /** Configuration.Layers: the layer versions the function uses, in order. */
  layers: FunctionLayer[];
  lastModifiedMs: number;
  revisionId: string;
  snapStart: SnapStartApplyOn;
  /** For a published version: the fingerprint of $LATEST it was published from. */
  sourceFingerprint?: string;
  /** For a published version: State is Pending (invocations refused) until this time, then Active. */
  pendingUntilMs?: number;
}

export interface AliasRecord {
  name: string;
  functionVersion: string;
  description: string;
  additionalVersionWeights?: Record<string, number>;
  revisionId: string;
}

/**
 * Why a function is busy: CreateFunction (State Pending), or an update (LastUpdateStatus InProgress). PublishVersion
 * does not make $LATEST busy: real Lambda lets the next update follow a publish at once (AWS Lambda Power Tuning
 * 4.0–4.3 ran update → wait → publish → alias → next update with no wait after the publish, for every user), and
 * LocalStack's publish leaves LastUpdateStatus alone. A new version has a Pending window of its own instead.
 */
interface PendingChange {
  kind: 'create' | 'update';
  untilMs: number;
}

interface FunctionRecord {
  name: string;
  latest: VersionConfig;
  versions: Map<string, VersionConfig>;
  nextVersion: number;
  aliases: Map<string, AliasRecord>;
  /** The function's tags (function level, not per version: "Tags apply at the function level", configuration-tags). */
  tags: Record<string, string>;
  pending?: PendingChange;
  /** This function's own Pending window for new versions (ms), overriding the store's default. */
  versionPendingMs?: number;
}

/** A function's code, already located and hashed by the caller (the store does no I/O). */
export interface CodeInfo {
  codeDir: string;
  codeSha256: string;
  codeSizeBytes: number;
  /** Extracted size when it differs from codeSizeBytes (a .zip); a directory's codeSizeBytes is its files' total. */
  unzippedBytes?: number;
}

export interface CreateFunctionInput {
  name: string;
  code: CodeInfo;
  handler?: string;
  runtime?: string;
  role?: string;
  description?: string;
  timeoutSec?: number;
  memoryMb?: number;
  environment?: Record<string, string>;
  logging?: Partial<LoggingConfig>;
  architecture?: Architecture;
  ephemeralStorageMb?: number;
  /** Layer versions already resolved by the caller (LayerStore.resolveForFunction). */
  layers?: FunctionLayer[];
  tags?: Record<string, string>;
  snapStart?: SnapStartApplyOn;
  /** How long each new version of this function stays Pending; default StoreOptions.versionPendingMs. */
  versionPendingMs?: number;
  publish?: boolean;
  /** true: State Pending for the update delay, as after the CreateFunction API; false: Active at once. */
  startPending: boolean;
}

/** The UpdateFunctionConfiguration request members the emulator applies. */
export interface ConfigurationUpdate {
  MemorySize?: number;
  Timeout?: number;
  Description?: string;
  Handler?: string;
  Runtime?: string;
  Role?: string;
  Environment?: { Variables?: Record<string, string> };
  LoggingConfig?: Partial<LoggingConfig>;
  SnapStart?: { ApplyOn?: string };
  EphemeralStorage?: { Size?: number };
  /** Layer version ARNs as sent; the server resolves them (LayerStore) into `resolvedLayers` first. */
  Layers?: string[];
  resolvedLayers?: FunctionLayer[];
  RevisionId?: string;
}

export interface AliasInput {
  Name?: string;
  FunctionVersion?: string;
  Description?: string;
  RoutingConfig?: { AdditionalVersionWeights?: Record<string, number> };
  RevisionId?: string;
}

export interface PageRequest {
  marker?: string;
  maxItems?: number;
}

/** What Invoke needs: the configuration that runs and the version reported in X-Amz-Executed-Version. */
export interface ResolvedInvocation {
  functionName: string;
  /** The ARN the caller named, qualifier included (the handler's context.invokedFunctionArn). */
  invokedFunctionArn: string;
  config: VersionConfig;
  executedVersion: string;
}

export interface StoreOptions {
  region: string;
  now: () => number;
  /** How long a function stays busy after a change, per function (fault injection can lengthen it). */
  updateDelayMs: (functionName: string) => number;
  /** How long a new version stays Pending when its function sets no window of its own (SnapStart: long). */
  versionPendingMs: (functionName: string, snapStart: boolean) => number;
  /** Why a runtime the emulator knows cannot run here (python3 missing), or undefined when it can. */
  runtimeUnavailable?: (runtime: string) => string | undefined;
  /** Warm environments of this function (one version, or all when version is absent) must go. */
  retire: (functionName: string, version?: string) => void;
  /** Uniform in [0, 1): picks a version for weighted aliases. */
  random: () => number;
  /** The account's memory quota, when below Lambda's 10240 MB (new accounts: 3008). */
  accountMemoryLimitMb?: number;
  /** GetFunction's Code.Location for one version of a function (code.ts CodeLinks). Default: none given. */
  codeLocation?: (functionName: string, version: string) => string | undefined;
}

/** A parsed FunctionName: any of Lambda's accepted forms, with the qualifier it carried, if any. */
export interface FunctionReference {
  name: string;
  qualifier?: string;
}

export function parseFunctionName(raw: string, region: string): FunctionReference {
  const match = FUNCTION_NAME_PATTERN.exec(raw);
  if (!match || raw.length > 170) {
    throw validationError(
      raw,
      'functionName',
      `Member must satisfy regular expression pattern: ${FUNCTION_NAME_PATTERN.source}`,
    );
  }
  const [, , , regionPart, , accountPart, , name = '', , qualifier] = match;
  const arnLike = regionPart !== undefined || accountPart !== undefined;
  if (!arnLike && name.length > 64) {
    throw validationError(raw, 'functionName', 'Member must have length less than or equal to 64');
  }
  if ((regionPart && regionPart.slice(0, -1) !== region) || (accountPart && accountPart.slice(0, -1) !== ACCOUNT_ID)) {
    throw notFound(`Function not found: ${raw}`);
  }
  return qualifier === undefined ? { name } : { name, qualifier };
}

/** Lambda's LastModified format: ISO 8601 with milliseconds and a +0000 offset. */
export const formatLastModified = (ms: number) => new Date(ms).toISOString().replace('Z', '+0000');

/** Changes to any of these make PublishVersion create a new version; otherwise it returns the last one. */
function fingerprint(config: VersionConfig): string {
  const environment = Object.entries(config.environment).sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify([
    config.codeSha256,
    config.handler,
    config.runtime,
    config.role,
    config.description,
    config.timeoutSec,
    config.memoryMb,
    environment,
    config.logging,
    config.architecture,
    config.snapStart,
    config.ephemeralStorageMb,
    config.layers.map((layer) => layer.arn),
  ]);
}

const compareVersions = (a: string, b: string) => {
  if (a === b) return 0;
  if (a === LATEST) return -1;
  if (b === LATEST) return 1;
  return Number(a) - Number(b);
};

const encodeMarker = (key: string) => Buffer.from(key, 'utf8').toString('base64url');

/** One page of items sorted by key; the marker names the first key of the next page. */
function paginate<T>(
  items: T[],
  keyOf: (item: T) => string,
  compare: (a: string, b: string) => number,
  page: PageRequest,
) {
  if (page.maxItems !== undefined && (!Number.isInteger(page.maxItems) || page.maxItems < 1 || page.maxItems > 10000)) {
    throw validationError(page.maxItems, 'maxItems', 'Member must have value between 1 and 10000');
  }
  const pageSize = Math.min(page.maxItems ?? MAX_PAGE_ITEMS, MAX_PAGE_ITEMS);
  let start = 0;
  if (page.marker !== undefined && page.marker !== '') {
    const startKey = Buffer.from(page.marker, 'base64url').toString('utf8');
    if (encodeMarker(startKey) !== page.marker) throw invalidParameter(`Invalid marker: ${page.marker}`);
    start = items.findIndex((item) => compare(keyOf(item), startKey) >= 0);
    if (start === -1) start = items.length;
  }
  const pageItems = items.slice(start, start + pageSize);
  const next = items[start + pageSize];
  return { items: pageItems, nextMarker: next === undefined ? undefined : encodeMarker(keyOf(next)) };
}

function validateMemory(memoryMb: unknown) {
  if (typeof memoryMb !== 'number' || !Number.isInteger(memoryMb)) {
    throw invalidParameter(`MemorySize must be an integer number of MB, got ${String(memoryMb)}`);
  }
  if (memoryMb < MIN_MEMORY_MB) {
    throw validationError(memoryMb, 'memorySize', `Member must have value greater than or equal to ${MIN_MEMORY_MB}`);
  }
  if (memoryMb > MAX_MEMORY_MB) {
    // The model allows up to 32768 (Lambda Managed Instances); an on-demand function's limit is the service's, and
    // Lambda words it without the validation layer's preamble (ubc-cirrus-lab/parrotfish#38, an account limit of 3008:
    // "ValidationException … 'MemorySize' value failed to satisfy constraint: Member must have value less than or equal to 3008").
    throw new LambdaError(
      'ValidationException',
      `'MemorySize' value failed to satisfy constraint: Member must have value less than or equal to ${MAX_MEMORY_MB}`,
    );
  }
}

function validateTimeout(timeoutSec: unknown) {
  if (typeof timeoutSec !== 'number' || !Number.isInteger(timeoutSec) || timeoutSec < 1) {
    throw validationError(timeoutSec, 'timeout', 'Member must have value greater than or equal to 1');
  }
  if (timeoutSec > MAX_TIMEOUT_SEC) {
    throw invalidParameter(
      `${timeoutSec} is not a valid timeout value. The maximum timeout is ${MAX_TIMEOUT_SEC} seconds.`,
    );
  }
}

function validateEnvironment(variables: Record<string, unknown>) {
  const reserved = Object.keys(variables).filter((key) => RESERVED_ENVIRONMENT_KEYS.includes(key));
  if (reserved.length > 0) {
    throw invalidParameter(
      'Lambda was unable to configure your environment variables because the environment variables you have provided ' +
        `contains reserved keys that are currently not supported for modification. Reserved keys used in this request: ${reserved.join(', ')}`,
    );
  }
  for (const [key, value] of Object.entries(variables)) {
    if (!/^[a-zA-Z]([a-zA-Z0-9_])*$/.test(key))
      throw validationError(key, 'environment.variables', 'Member must satisfy key pattern [a-zA-Z]([a-zA-Z0-9_])+');
    if (typeof value !== 'string') throw invalidParameter(`Environment variable ${key} must be a string`);
  }
  const sizeBytes = Buffer.byteLength(JSON.stringify(variables), 'utf8');
  if (sizeBytes > MAX_ENVIRONMENT_BYTES) {
    throw invalidParameter(
      `Lambda was unable to configure your environment variables because the environment variables you have provided exceeded the 4KB limit. String measured: ${sizeBytes}`,
    );
  }
}

export const isPythonRuntime = (runtime: string): boolean => (PYTHON_RUNTIMES as readonly string[]).includes(runtime);

function validateRuntime(
  runtime: string,
  unavailable?: (runtime: string) => string | undefined,
): asserts runtime is Runtime {
  if (!/^nodejs\d+\.x$/.test(runtime) && !isPythonRuntime(runtime)) {
    throw invalidParameter(
      `The runtime parameter of ${runtime} is not supported by the emulator: it runs Node.js handlers (e.g. ${DEFAULT_RUNTIME}) and Python handlers (${PYTHON_RUNTIMES.join(', ')}).`,
    );
  }
  const why = unavailable?.(runtime);
  if (why !== undefined) throw invalidParameter(why);
}

function validateSnapStartApplyOn(applyOn: unknown): SnapStartApplyOn {
  if (applyOn !== 'PublishedVersions' && applyOn !== 'None') {
    throw validationError(
      applyOn,
      'snapStart.applyOn',
      'Member must satisfy enum value set: [PublishedVersions, None]',
    );
  }
  return applyOn;
}

/**
 * Lambda offers SnapStart for Java 11+, Python 3.12+ and .NET 8+ (AWS docs, snapstart.html "Supported features and
 * limitations"), and refuses it elsewhere with "nodejs22.x is not supported for SnapStart enabled functions."
 * (InvalidParameterValueException, seen on AWS by LocalStack, localstack/localstack#12458). Of the runtimes the
 * emulator runs, that leaves Python.
 */
function validateSnapStart(runtime: string, applyOn: SnapStartApplyOn) {
  if (applyOn === 'PublishedVersions' && !isPythonRuntime(runtime)) {
    throw invalidParameter(`${runtime} is not supported for SnapStart enabled functions.`);
  }
}

function mergeLogging(current: LoggingConfig, update: Partial<LoggingConfig>): LoggingConfig {
  const merged: LoggingConfig = { ...current, ...update };
  if (merged.LogFormat !== 'Text' && merged.LogFormat !== 'JSON') {
    throw validationError(
      merged.LogFormat,
      'loggingConfig.logFormat',
      'Member must satisfy enum value set: [JSON, Text]',
    );
  }
  if (merged.LogFormat === 'Text') {
    if (update.ApplicationLogLevel !== undefined || update.SystemLogLevel !== undefined) {
      throw invalidParameter('Log levels can be set only when LogFormat is JSON.');
    }
    delete merged.ApplicationLogLevel;
    delete merged.SystemLogLevel;
  } else {
    merged.ApplicationLogLevel ??= 'INFO';
    merged.SystemLogLevel ??= 'INFO';
  }
  return merged;
}

/**
 * "250 MB (unzipped)" covers "a function's deployment package and layers when they're extracted" (AccountLimit,
 * CodeSizeUnzipped). Lambda's answers: CreateFunction "Function code combined with layers exceeds the maximum allowed
 * size of 262144000 bytes. The actual size is 263669938 bytes." (lambci/git-lambda-layer#27, serverlesspub/
 * ffmpeg-aws-lambda-layer#23); UpdateFunctionConfiguration "Layers consume more than the available size of 262144000
 * bytes" (bento-video/bento#1, aws-samples/serverless-machine-learning-on-aws#10). Both InvalidParameterValueException.
 */
const MAX_UNZIPPED_WITH_LAYERS_BYTES = 262_144_000;

function unzippedTotal(config: Pick<VersionConfig, 'unzippedBytes' | 'codeSizeBytes' | 'layers'>): number {
  return (
    (config.unzippedBytes ?? config.codeSizeBytes) + config.layers.reduce((sum, layer) => sum + layer.unzippedBytes, 0)
  );
}

/** EphemeralStorage.Size: 512–10240 MB (the model's EphemeralStorageSize; the contract check refuses others first). */
function validateEphemeralStorage(sizeMb: number) {
  if (!Number.isInteger(sizeMb) || sizeMb < 512 || sizeMb > 10240)
    throw validationError(sizeMb, 'ephemeralStorage.size', 'Member must have value between 512 and 10240');
}

/**
 * Tag limits of AWS resources (Tagging AWS Resources, "Tag naming limits and requirements"): at most 50 tags, keys of
 * 1–128 characters, values of at most 256, and the `aws:` prefix reserved for AWS. The wording of Lambda's answer is
 * not confirmed; the type is the one Lambda lists for TagResource (InvalidParameterValueException).
 */
function validateTags(tags: Record<string, unknown>) {
  const entries = Object.entries(tags);
  if (entries.length > 50) throw invalidParameter('A function can have at most 50 tags.');
  for (const [key, value] of entries) {
    if (key.length < 1 || key.length > 128) throw invalidParameter(`Tag key must be 1 to 128 characters: ${key}`);
    if (key.toLowerCase().startsWith('aws:'))
      throw invalidParameter(`Tag keys starting with aws: are reserved: ${key}`);
    if (typeof value !== 'string' || value.length > 256)
      throw invalidParameter(`Tag value must be a string of at most 256 characters, for key ${key}`);
  }
}

export class FunctionStore {
  private readonly functions = new Map<string, FunctionRecord>();

  constructor(private readonly options: StoreOptions) {}

  functionArn(name: string, qualifier?: string): string {
    const base = `arn:aws:lambda:${this.options.region}:${ACCOUNT_ID}:function:${name}`;
    return qualifier === undefined ? base : `${base}:${qualifier}`;
  }

  has(name: string): boolean {
    return this.functions.has(name);
  }

  names(): string[] {
    return [...this.functions.keys()].sort();
  }

  createFunction(input: CreateFunctionInput): FunctionConfiguration {
    if (!/^[a-zA-Z0-9-_]{1,64}$/.test(input.name)) {
      throw validationError(
        input.name,
        'functionName',
        'Member must satisfy regular expression pattern: [a-zA-Z0-9-_]{1,64}',
      );
    }
    if (this.functions.has(input.name)) throw conflict(`Function already exist: ${input.name}`);
    const runtime = input.runtime ?? DEFAULT_RUNTIME;
    validateRuntime(runtime, this.options.runtimeUnavailable);
    const snapStart = validateSnapStartApplyOn(input.snapStart ?? 'None');
    validateSnapStart(runtime, snapStart);
    const memoryMb = input.memoryMb ?? MIN_MEMORY_MB;
    validateMemory(memoryMb);
    const timeoutSec = input.timeoutSec ?? 3;
    validateTimeout(timeoutSec);
    const environment = input.environment ?? {};
    validateEnvironment(environment);
    const architecture = input.architecture ?? 'x86_64';
    if (architecture !== 'x86_64' && architecture !== 'arm64') {
      throw validationError(architecture, 'architectures', 'Member must satisfy enum value set: [x86_64, arm64]');
    }
    const ephemeralStorageMb = input.ephemeralStorageMb ?? 512;
    validateEphemeralStorage(ephemeralStorageMb);
    const tags = input.tags ?? {};
    validateTags(tags);
    const now = this.options.now();
    const latest: VersionConfig = {
      version: LATEST,
      ...input.code,
      handler: input.handler ?? 'index.handler',
      runtime,
      role: input.role ?? DEFAULT_ROLE,
      description: input.description ?? '',
      timeoutSec,
      memoryMb,
      environment: { ...environment },
      logging: mergeLogging({ LogFormat: 'Text', LogGroup: `/aws/lambda/${input.name}` }, input.logging ?? {}),
      architecture,
      ephemeralStorageMb,
      layers: (input.layers ?? []).map((layer) => ({ ...layer })),
      snapStart,
      lastModifiedMs: now,
      revisionId: randomUUID(),
    };
    const total = unzippedTotal(latest);
    if (total > MAX_UNZIPPED_WITH_LAYERS_BYTES)
      throw invalidParameter(
        `Function code combined with layers exceeds the maximum allowed size of ${MAX_UNZIPPED_WITH_LAYERS_BYTES} bytes. The actual size is ${total} bytes.`,
      );
    const fn: FunctionRecord = {
      name: input.name,
      latest,
      versions: new Map(),
      nextVersion: 1,
      aliases: new Map(),
      tags: { ...tags },
    };
    if (input.versionPendingMs !== undefined) fn.versionPendingMs = input.versionPendingMs;
    if (input.startPending) fn.pending = { kind: 'create', untilMs: now + this.options.updateDelayMs(fn.name) };
    this.functions.set(fn.name, fn);
    if (input.publish) this.snapshotVersion(fn, undefined, now);
    return this.render(fn, latest);
  }

  getConfiguration(functionName: string, qualifier?: string): FunctionConfiguration {
    const { fn, ref } = this.lookup(functionName, qualifier);
    const { config, arnQualifier } = this.configFor(fn, ref.qualifier);
    return this.render(fn, config, arnQualifier);
  }

  getFunction(functionName: string, qualifier?: string): GetFunctionResponse {
    const { fn, ref } = this.lookup(functionName, qualifier);
    const { config, arnQualifier } = this.configFor(fn, ref.qualifier);
    const location = this.options.codeLocation?.(fn.name, config.version);
    // Tags come with GetFunction (API_GetFunction: "Lambda returns tag data only if you have explicit allow
    // permissions for lambda:ListTags"; the emulator has no IAM, so always).
    return {
      Configuration: this.render(fn, config, arnQualifier),
      Code: { RepositoryType: 'S3', ...(location !== undefined ? { Location: location } : {}) },
      ...(Object.keys(fn.tags).length > 0 ? { Tags: { ...fn.tags } } : {}),
    };
  }

  /** ListTags: the function's tags, by its ARN (tags belong to the function, so a qualified ARN is refused). */
  listTags(resource: string): { Tags: Record<string, string> } {
    const fn = this.taggable(resource);
    return { Tags: { ...fn.tags } };
  }

  /** The code a version of a function runs (what its Code.Location serves), or undefined when it is gone. */
  codeOf(functionName: string, version: string): VersionConfig | undefined {
    const fn = this.functions.get(functionName);
    if (!fn) return undefined;
    return version === LATEST ? fn.latest : fn.versions.get(version);
  }

  private taggable(resource: string): FunctionRecord {
    const match = /^arn:aws:lambda:([a-z0-9-]+):(\d{12}):function:([a-zA-Z0-9-_]+)(:.+)?$/.exec(resource);
    if (!match) throw invalidParameter(`Invalid resource ARN: ${resource}`);
    if (match[4] !== undefined) throw invalidParameter('Tags are not supported on function versions or aliases.');
    if (match[1] !== this.options.region || match[2] !== ACCOUNT_ID) throw notFound(`Function not found: ${resource}`);
    return this.settled(match[3] ?? '');
  }

  listFunctions(page: PageRequest, allVersions: boolean): ListFunctionsResponse {
    const configs: Array<{ key: string; fn: FunctionRecord; config: VersionConfig }> = [];
    for (const name of this.names()) {
      const fn = this.settled(name);
      configs.push({ key: `${name}\u0000`, fn, config: fn.latest });
      if (allVersions) {
        for (const config of [...fn.versions.values()].sort((a, b) => compareVersions(a.version, b.version))) {
          configs.push({ key: `${name}\u0000${config.version.padStart(10, '0')}`, fn, config });
        }
      }
    }
    const { items, nextMarker } = paginate(
      configs,
      (c) => c.key,
      (a, b) => a.localeCompare(b),
      page,
    );
    return {
      Functions: items.map(({ fn, config }) => this.render(fn, config, allVersions ? config.version : undefined)),
      ...(nextMarker === undefined ? {} : { NextMarker: nextMarker }),
    };
  }

  /**
   * "New accounts have reduced concurrency and memory quotas" (Lambda docs, gettingstarted-limits). Lambda answers
   * 400 ValidationException "'MemorySize' value failed to satisfy constraint: Member must have value less than or
   * equal to 3008" (as reported in aws-lambda-power-tuning PR #181 and many CDK/CloudFormation issues).
   */
  private checkAccountMemoryQuota(memoryMb: number): void {
    const limit = this.options.accountMemoryLimitMb;
    if (limit !== undefined && memoryMb > limit) {
      throw new LambdaError(
        'ValidationException',
        `'MemorySize' value failed to satisfy constraint: Member must have value less than or equal to ${limit}`,
      );
    }
  }

  updateConfiguration(functionName: string, update: ConfigurationUpdate): FunctionConfiguration {
    const { fn, ref } = this.lookup(functionName);
    if (ref.qualifier !== undefined && ref.qualifier !== LATEST) {
      throw invalidParameter(
        'Only the $LATEST version of a function can be updated; published versions are immutable.',
      );
    }
    this.assertNotBusy(fn);
    this.assertRevision(fn.latest.revisionId, update.RevisionId);
    const next: VersionConfig = {
      ...fn.latest,
      environment: { ...fn.latest.environment },
      logging: { ...fn.latest.logging },
    };
    if (update.MemorySize !== undefined) {
      validateMemory(update.MemorySize);
      this.checkAccountMemoryQuota(update.MemorySize);
      next.memoryMb = update.MemorySize;
    }
    if (update.Timeout !== undefined) {
      validateTimeout(update.Timeout);
      next.timeoutSec = update.Timeout;
    }
    if (update.Description !== undefined) next.description = update.Description;
    if (update.Handler !== undefined) next.handler = update.Handler;
    if (update.Role !== undefined) next.role = update.Role;
    if (update.Runtime !== undefined) {
      validateRuntime(update.Runtime, this.options.runtimeUnavailable);
      next.runtime = update.Runtime;
    }
    if (update.SnapStart !== undefined) next.snapStart = validateSnapStartApplyOn(update.SnapStart.ApplyOn ?? 'None');
    validateSnapStart(next.runtime, next.snapStart);
    if (update.Environment !== undefined) {
      const variables = update.Environment.Variables ?? {};
      validateEnvironment(variables);
      next.environment = { ...variables };
    }
    if (update.LoggingConfig !== undefined) next.logging = mergeLogging(next.logging, update.LoggingConfig);
    if (update.EphemeralStorage?.Size !== undefined) {
      validateEphemeralStorage(update.EphemeralStorage.Size);
      next.ephemeralStorageMb = update.EphemeralStorage.Size;
    }
    if (update.resolvedLayers !== undefined) {
      next.layers = update.resolvedLayers.map((layer) => ({ ...layer }));
      if (unzippedTotal(next) > MAX_UNZIPPED_WITH_LAYERS_BYTES)
        throw invalidParameter(
          `Layers consume more than the available size of ${MAX_UNZIPPED_WITH_LAYERS_BYTES} bytes`,
        );
    }
    const now = this.options.now();
    next.lastModifiedMs = now;
    next.revisionId = randomUUID();
    fn.latest = next;
    fn.pending = { kind: 'update', untilMs: now + this.options.updateDelayMs(fn.name) };
    this.options.retire(fn.name, LATEST);
    return this.render(fn, next);
  }

  publishVersion(
    functionName: string,
    request: { RevisionId?: string; CodeSha256?: string; Description?: string },
  ): FunctionConfiguration {
    const { fn, ref } = this.lookup(functionName);
    if (ref.qualifier !== undefined)
      throw invalidParameter('PublishVersion takes an unqualified function name or ARN.');
    this.assertNotBusy(fn);
    this.assertRevision(fn.latest.revisionId, request.RevisionId);
    if (request.CodeSha256 !== undefined && request.CodeSha256 !== fn.latest.codeSha256) {
      throw invalidParameter(
        `CodeSHA256 (${request.CodeSha256}) is different from current CodeSHA256 in $LATEST. Please try again with the CodeSHA256 in $LATEST.`,
      );
    }
    const newest = this.newestVersion(fn);
    if (newest && newest.sourceFingerprint === fingerprint(fn.latest)) {
      // Lambda publishes nothing when code and configuration are unchanged since the last version.
      return this.render(fn, newest, newest.version);
    }
    const now = this.options.now();
    const version = this.snapshotVersion(fn, request.Description, now);
    // No InProgress window on $LATEST (see PendingChange), but its RevisionId moves on, as LocalStack's publish
    // does ("Update revision id for $LATEST version"): a RevisionId read before the publish no longer guards a change.
    fn.latest = { ...fn.latest, revisionId: randomUUID() };
    return this.render(fn, version, version.version);
  }

  listVersions(functionName: string, page: PageRequest): ListVersionsByFunctionResponse {
    const { fn, ref } = this.lookup(functionName);
    if (ref.qualifier !== undefined)
      throw invalidParameter('ListVersionsByFunction takes an unqualified function name or ARN.');
    const all = [fn.latest, ...[...fn.versions.values()].sort((a, b) => compareVersions(a.version, b.version))];
    const { items, nextMarker } = paginate(all, (c) => c.version, compareVersions, page);
    return {
      Versions: items.map((config) => this.render(fn, config, config.version)),
      ...(nextMarker === undefined ? {} : { NextMarker: nextMarker }),
    };
  }

  /** DeleteFunction: the whole function, or one published version when a qualifier is given. */
  deleteFunction(functionName: string, qualifier?: string): void {
    const { fn, ref } = this.lookup(functionName, qualifier);
    if (ref.qualifier === undefined) {
      this.functions.delete(fn.name);
      this.options.retire(fn.name);
      return;
    }
    const version = ref.qualifier;
    if (version === LATEST) throw invalidParameter('$LATEST version cannot be deleted without deleting the function.');
    if (!/^\d+$/.test(version)) {
      throw invalidParameter(
        `Deletion of aliases is not supported with DeleteFunction; use DeleteAlias for ${version}.`,
      );
    }
    if (!fn.versions.has(version)) throw notFound(`Function not found: ${this.functionArn(fn.name, version)}`);
    const referencing = [...fn.aliases.values()]
      .filter((a) => a.functionVersion === version || a.additionalVersionWeights?.[version] !== undefined)
      .map((a) => a.name);
    if (referencing.length > 0) {
      throw conflict(
        `Unable to delete version because the following aliases reference it: [${referencing.join(', ')}]`,
      );
    }
    fn.versions.delete(version);
    this.options.retire(fn.name, version);
  }

  createAlias(functionName: string, input: AliasInput): AliasConfiguration {
    const fn = this.unqualified(functionName, 'CreateAlias');
    const name = input.Name ?? '';
    if (!ALIAS_NAME_PATTERN.test(name) || name.length > 128) {
      throw validationError(
        name,
        'name',
        `Member must satisfy regular expression pattern: ${ALIAS_NAME_PATTERN.source}`,
      );
    }
    if (fn.aliases.has(name)) throw conflict(`Alias already exists: ${this.functionArn(fn.name, name)}`);
    const functionVersion = input.FunctionVersion ?? '';
    this.assertVersionExists(fn, functionVersion);
    const alias: AliasRecord = {
      name,
      functionVersion,
      description: input.Description ?? '',
      revisionId: randomUUID(),
    };
    const weights = this.validatedWeights(fn, functionVersion, input.RoutingConfig);
    if (weights) alias.additionalVersionWeights = weights;
    fn.aliases.set(name, alias);
    return this.renderAlias(fn, alias);
  }

  getAlias(functionName: string, aliasName: string): AliasConfiguration {
    const fn = this.unqualified(functionName, 'GetAlias');
    return this.renderAlias(fn, this.alias(fn, aliasName));
  }

  updateAlias(functionName: string, aliasName: string, input: AliasInput): AliasConfiguration {
    const fn = this.unqualified(functionName, 'UpdateAlias');
    const alias = this.alias(fn, aliasName);
    this.assertRevision(alias.revisionId, input.RevisionId);
    const functionVersion = input.FunctionVersion ?? alias.functionVersion;
    this.assertVersionExists(fn, functionVersion);
    const updated: AliasRecord = {
      ...alias,
      functionVersion,
      description: input.Description ?? alias.description,
      revisionId: randomUUID(),
    };
    if (input.RoutingConfig !== undefined) {
      const weights = this.validatedWeights(fn, functionVersion, input.RoutingConfig);
      if (weights) updated.additionalVersionWeights = weights;
      else delete updated.additionalVersionWeights;
    }
    fn.aliases.set(aliasName, updated);
    return this.renderAlias(fn, updated);
  }

  deleteAlias(functionName: string, aliasName: string): void {
    const fn = this.unqualified(functionName, 'DeleteAlias');
    this.alias(fn, aliasName);
    fn.aliases.delete(aliasName);
  }

  listAliases(functionName: string, functionVersion: string | undefined, page: PageRequest): ListAliasesResponse {
    const fn = this.unqualified(functionName, 'ListAliases');
    const aliases = [...fn.aliases.values()]
      .filter((a) => functionVersion === undefined || a.functionVersion === functionVersion)
      .sort((a, b) => a.name.localeCompare(b.name));
    const { items, nextMarker } = paginate(
      aliases,
      (a) => a.name,
      (a, b) => a.localeCompare(b),
      page,
    );
    return {
      Aliases: items.map((a) => this.renderAlias(fn, a)),
      ...(nextMarker === undefined ? {} : { NextMarker: nextMarker }),
    };
  }

  /** The configuration an invocation runs with: $LATEST, a version snapshot, or the version an alias routes to. */
  resolveInvocation(functionName: string, qualifier?: string): ResolvedInvocation {
    const { fn, ref } = this.lookup(functionName, qualifier);
    if (fn.pending?.kind === 'create') throw this.pendingStateConflict();
    const target = ref.qualifier ?? LATEST;
    const alias = fn.aliases.get(target);
    const version = alias ? this.routeAlias(alias) : target;
    const config = version === LATEST ? fn.latest : fn.versions.get(version);
    if (!config) throw notFound(`Function not found: ${this.functionArn(fn.name, target)}`);
    // "Lambda does not invoke a function during pending state" (AWS docs, functions-states); for a SnapStart version:
    // "Any invocations or other API actions that operate on the function version will fail" (snapstart-activate,
    // "Lambda SnapStart and function states"). The answer is the one Lambda gives for a Pending function
    // (troubleshooting-invocation: "ResourceConflictException: The operation cannot be performed at this time. The
    // function is currently in the following state: Pending"), which LocalStack also gives for a Pending version.
    // SnapStartNotReadyException (409) is what Lambda sends for an Inactive SnapStart version whose snapshot was
    // deleted (snapstart-troubleshooting), which the emulator does not model.
    if (this.versionState(config) === 'Pending') throw this.pendingStateConflict();
    return {
      functionName: fn.name,
      invokedFunctionArn: this.functionArn(fn.name, ref.qualifier),
      config,
      executedVersion: config.version,
    };
  }

  // ---- internals ----

  /** A function record with any finished change applied. */
  private settled(name: string): FunctionRecord {
    const fn = this.functions.get(name);
    if (!fn) throw notFound(`Function not found: ${this.functionArn(name)}`);
    if (fn.pending && this.options.now() >= fn.pending.untilMs) {
      // Finishing an update changes the configuration again (state fields), so RevisionId moves on: the
      // RevisionId an UpdateFunctionConfiguration returned is stale once the update is Successful, as on Lambda.
      fn.latest = { ...fn.latest, revisionId: randomUUID() };
      delete fn.pending;
    }
    return fn;
  }

  private lookup(functionName: string, qualifierParam?: string): { fn: FunctionRecord; ref: FunctionReference } {
    const parsed = parseFunctionName(functionName, this.options.region);
    const qualifierGiven = qualifierParam !== undefined && qualifierParam !== '';
    if (parsed.qualifier !== undefined && qualifierGiven && parsed.qualifier !== qualifierParam) {
      throw invalidParameter('The derived qualifier from the function name does not match the specified qualifier.');
    }
    const qualifier = parsed.qualifier ?? (qualifierGiven ? qualifierParam : undefined);
    const fn = this.settled(parsed.name);
    return { fn, ref: qualifier === undefined ? { name: parsed.name } : { name: parsed.name, qualifier } };
  }

  private unqualified(functionName: string, operation: string): FunctionRecord {
    const { fn, ref } = this.lookup(functionName);
    if (ref.qualifier !== undefined) throw invalidParameter(`${operation} takes an unqualified function name or ARN.`);
    return fn;
  }

  private configFor(fn: FunctionRecord, qualifier?: string): { config: VersionConfig; arnQualifier?: string } {
    if (qualifier === undefined) return { config: fn.latest };
    if (qualifier === LATEST) return { config: fn.latest, arnQualifier: LATEST };
    const alias = fn.aliases.get(qualifier);
    const config =
      fn.versions.get(alias ? alias.functionVersion : qualifier) ??
      (alias?.functionVersion === LATEST ? fn.latest : undefined);
    if (!config) throw notFound(`Function not found: ${this.functionArn(fn.name, qualifier)}`);
    return { config, arnQualifier: qualifier };
  }

  private alias(fn: FunctionRecord, aliasName: string): AliasRecord {
    const alias = fn.aliases.get(aliasName);
    if (!alias) throw notFound(`Alias not found: ${this.functionArn(fn.name, aliasName)}`);
    return alias;
  }

  private routeAlias(alias: AliasRecord): string {
    let roll = this.options.random();
    for (const [version, weight] of Object.entries(alias.additionalVersionWeights ?? {})) {
      if (roll < weight) return version;
      roll -= weight;
    }
    return alias.functionVersion;
  }

  private validatedWeights(
    fn: FunctionRecord,
    primaryVersion: string,
    routing: AliasInput['RoutingConfig'],
  ): Record<string, number> | undefined {
    const weights = routing?.AdditionalVersionWeights;
    if (!weights || Object.keys(weights).length === 0) return undefined;
    let total = 0;
    for (const [version, weight] of Object.entries(weights)) {
      if (version === primaryVersion)
        throw invalidParameter('The primary version and the additional version cannot be the same.');
      if (version === LATEST || primaryVersion === LATEST)
        throw invalidParameter('Routing configuration is supported only between published versions.');
      this.assertVersionExists(fn, version);
      if (typeof weight !== 'number' || weight < 0 || weight > 1) {
        throw validationError(
          weight,
          'routingConfig.additionalVersionWeights',
          'Member must have value between 0.0 and 1.0',
        );
      }
      total += weight;
    }
    if (total > 1) throw invalidParameter('The sum of additional version weights must not exceed 1.');
    return { ...weights };
  }

  private assertVersionExists(fn: FunctionRecord, version: string) {
    if (version === LATEST) return;
    if (!/^\d+$/.test(version)) {
      throw validationError(
        version,
        'functionVersion',
        'Member must satisfy regular expression pattern: (\\$LATEST|[0-9]+)',
      );
    }
    if (!fn.versions.has(version)) throw notFound(`Function not found: ${this.functionArn(fn.name, version)}`);
  }

  private assertNotBusy(fn: FunctionRecord) {
    if (!fn.pending) return;
    if (fn.pending.kind === 'create') throw this.pendingStateConflict();
    throw conflict(
      `The operation cannot be performed at this time. An update is in progress for resource: ${this.functionArn(fn.name)}`,
    );
  }

  private pendingStateConflict() {
    return conflict(
      'The operation cannot be performed at this time. The function is currently in the following state: Pending',
    );
  }

  private assertRevision(current: string, requested: string | undefined) {
    if (requested !== undefined && requested !== current) {
      throw preconditionFailed(
        'The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id',
      );
    }
  }

  private newestVersion(fn: FunctionRecord): VersionConfig | undefined {
    let newest: VersionConfig | undefined;
    for (const config of fn.versions.values()) {
      if (!newest || Number(config.version) > Number(newest.version)) newest = config;
    }
    return newest;
  }

  private snapshotVersion(fn: FunctionRecord, description: string | undefined, now: number): VersionConfig {
    const version: VersionConfig = {
      ...fn.latest,
      environment: { ...fn.latest.environment },
      logging: { ...fn.latest.logging },
      version: String(fn.nextVersion++),
      description: description ?? fn.latest.description,
      lastModifiedMs: now,
      revisionId: randomUUID(),
      sourceFingerprint: fingerprint(fn.latest),
    };
    const pendingMs =
      fn.versionPendingMs ?? this.options.versionPendingMs(fn.name, fn.latest.snapStart === 'PublishedVersions');
    if (pendingMs > 0) version.pendingUntilMs = now + pendingMs;
    fn.versions.set(version.version, version);
    return version;
  }

  /** A published version is Pending for its window after PublishVersion (the snapshot, for SnapStart), then Active. */
  private versionState(config: VersionConfig): 'Pending' | 'Active' {
    return config.pendingUntilMs !== undefined && this.options.now() < config.pendingUntilMs ? 'Pending' : 'Active';
  }

  private render(fn: FunctionRecord, config: VersionConfig, arnQualifier?: string): FunctionConfiguration {
    const isLatest = config.version === LATEST;
    const pending = isLatest ? fn.pending : undefined;
    const creating = pending?.kind === 'create';
    // A version in its Pending window reads as Lambda shows a SnapStart version while the snapshot is made: State
    // Pending, StateReasonCode Creating, and LastUpdateStatus InProgress (a version carries LastUpdateStatus through
    // its creation: one whose SnapStart init failed lands on LastUpdateStatus Failed, hashicorp/terraform-provider-aws#49904).
    const versionPending = !isLatest && this.versionState(config) === 'Pending';
    const updating = (pending !== undefined && !creating) || versionPending;
    return {
      FunctionName: fn.name,
      FunctionArn: this.functionArn(fn.name, arnQualifier),
      Runtime: config.runtime,
      Role: config.role,
      Handler: config.handler,
      CodeSize: config.codeSizeBytes,
      Description: config.description,
      Timeout: config.timeoutSec,
      MemorySize: config.memoryMb,
      LastModified: formatLastModified(config.lastModifiedMs),
      CodeSha256: config.codeSha256,
      Version: config.version,
      ...(Object.keys(config.environment).length > 0 ? { Environment: { Variables: { ...config.environment } } } : {}),
      TracingConfig: { Mode: 'PassThrough' },
      RevisionId: config.revisionId,
      State: creating || versionPending ? 'Pending' : 'Active',
      ...(creating || versionPending
        ? { StateReason: 'The function is being created.', StateReasonCode: 'Creating' }
        : {}),
      ...(creating ? {} : { LastUpdateStatus: updating ? 'InProgress' : 'Successful' }),
      ...(updating
        ? {
            LastUpdateStatusReason: UPDATE_IN_PROGRESS_REASON,
            LastUpdateStatusReasonCode: UPDATE_IN_PROGRESS_REASON_CODE,
          }
        : {}),
      PackageType: 'Zip',
      Architectures: [config.architecture],
      EphemeralStorage: { Size: config.ephemeralStorageMb },
      ...(config.layers.length > 0
        ? { Layers: config.layers.map((layer) => ({ Arn: layer.arn, CodeSize: layer.codeSizeBytes })) }
        : {}),
      // OptimizationStatus is On only for a published version of a SnapStart function (API_SnapStartResponse: "When
      // you provide a qualified ARN, this response element indicates whether SnapStart is activated for the version").
      SnapStart: {
        ApplyOn: config.snapStart,
        OptimizationStatus: !isLatest && config.snapStart === 'PublishedVersions' ? 'On' : 'Off',
      },
      LoggingConfig: { ...config.logging },
    };
  }

  private renderAlias(fn: FunctionRecord, alias: AliasRecord): AliasConfiguration {
    return {
      AliasArn: this.functionArn(fn.name, alias.name),
      Name: alias.name,
      FunctionVersion: alias.functionVersion,
      Description: alias.description,
      ...(alias.additionalVersionWeights
        ? { RoutingConfig: { AdditionalVersionWeights: { ...alias.additionalVersionWeights } } }
        : {}),
      RevisionId: alias.revisionId,
    };
  }
}
