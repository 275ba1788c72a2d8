// The emulator's HTTP face: the Lambda REST API subset (2015-03-31 paths) that the engine and the AWS CLI use,
// answered the way Lambda answers it, so the real @aws-sdk/client-lambda works against it with only `endpoint`
// set. Control-plane semantics live in state.ts, failures on demand in faults.ts, execution in sandbox/.

import { execFileSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { delimiter, isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FunctionConfiguration } from '@aws-sdk/client-lambda';
import { answerCloudFormation, isCloudFormationRequest, StackStore, type StackSpec } from '../cloudformation/stacks.js';
import { reportLineOf, TrafficStore, UsageError, type ServedInvocation } from '../cloudwatch/usage.js';
import { checkJsonRpcContract, contentTypeOf, jsonRpcTarget } from '../contracts/json-rpc.js';
import {
  checkContract,
  lambdaContracts,
  notifyContractObservers,
  type ContractViolation,
} from '../contracts/lambda.js';
import {
  CodeLinks,
  MAX_CREATE_FUNCTION_REQUEST_BYTES,
  removeDir,
  requestTooLarge,
  s3ErrorXml,
  unpackZip,
  zipDirectory,
  zipSha256,
} from './code.js';
import { conflict, invalidParameter, LambdaError, serviceError, tooManyRequests, validationError } from './errors.js';
import { LayerStore, type LayerSpec } from './layers.js';
import { FaultInjector, seededRandom, type FaultConfig, type OperationName } from './faults.js';
import { filterSystemLog } from './logformat.js';
import { ControlPlaneQuota, peakPerSecond, type ControlPlaneQuotaOptions } from './quota.js';
import type { FunctionRuntimeSpec, InvokeResult } from './sandbox/index.js';
import {
  ACCOUNT_ID,
  FunctionStore,
  isPythonRuntime,
  parseFunctionName,
  type AliasInput,
  type Architecture,
  type CodeInfo,
  type ConfigurationUpdate,
  type LogFormat,
  type LoggingConfig,
  type SnapStartApplyOn,
  type VersionConfig,
} from './state.js';

export type { FaultConfig, OperationName } from './faults.js';
export type { ContractViolation } from '../contracts/lambda.js';
export type { StackResourceSpec, StackSpec } from '../cloudformation/stacks.js';
export type { LayerSpec } from './layers.js';

// ---- the sandbox contract (emulator/lambda/sandbox/ implements it; a type-only import loads nothing) ----

export type { FunctionRuntimeSpec, InvokeResult };

export interface SandboxPoolLike {
  readonly cpuMode?: 'cgroup' | 'model';
  invoke(spec: FunctionRuntimeSpec, payload: Buffer, requestId: string): Promise<InvokeResult>;
  retire(functionName: string, version?: string): Promise<void>;
  close(): Promise<void>;
}

// ---- public API ----

export interface EmulatorOptions {
  /** 0 = the OS picks a free port (default). */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default us-east-1; the account id is always 123456789012. */
  region?: string;
  /** How long LastUpdateStatus stays InProgress after UpdateFunctionConfiguration (and State Pending after the
   *  CreateFunction API). PublishVersion opens no such window on $LATEST, as on Lambda. Default 1000. */
  updateDelayMs?: number;
  /** How long a new version of a function without SnapStart stays State Pending. Default 0: Active at once, as
   *  PublishVersion of an on-demand zip function answers. */
  versionPendingMs?: number;
  /** How long a new version of a SnapStart function (`SnapStart.ApplyOn: PublishedVersions`) stays Pending while
   *  its "snapshot" is made. Lambda takes minutes (AWS Lambda Power Tuning PR #190: "upwards of 2 minutes"); default
   *  5000 here so local runs stay short. A function's own `versionPendingMs` overrides both. */
  snapStartPendingMs?: number;
  /** The Python interpreter for python3.12/python3.13 functions. Default: `python3` found on PATH; null: none, so
   *  Python functions are refused with a message saying so. */
  python?: string | null;
  /** Invocations in flight above this → 429 TooManyRequestsException. Default: unlimited. */
  concurrencyLimit?: number;
  /** Retry-After (seconds) sent with concurrency-limit throttles. Default 1. */
  throttleRetryAfterSeconds?: number;
  /** Global fault injection; per-function faults through setFaults(). */
  faults?: FaultConfig;
  /**
   * Lambda's account-wide control-plane quota (quota.ts): 15 requests per second across all control-plane APIs,
   * GetFunction 100 apart, invocations not counted; over it, 429 TooManyRequestsException (CallerRateLimitExceeded).
   * On by default, as on AWS; `false` turns it off.
   */
  controlPlaneQuota?: ControlPlaneQuotaOptions | false;
  /** The execution environments; default a new SandboxPool from ./sandbox/index.js (closed by close()). */
  pool?: SandboxPoolLike;
  /** For the default pool: cores kept free of running sandboxes (SandboxPoolOptions.reservedCores). Default 0. */
  reservedCores?: number;
  /** For the default pool: freeze idle environments as Lambda does (SandboxPoolOptions.freezeIdle). Default true. */
  freezeIdle?: boolean;
  /** Create every sample function found under emulator/functions/<name>/ at start. */
  sampleFunctions?: boolean;
  /** Where sample functions live; default emulator/functions next to this file. */
  functionsDir?: string;
  /** Milliseconds since the epoch; inject to step through InProgress windows in tests. Default Date.now. */
  clock?: () => number;
  /** Seed for weighted-alias routing. Default 1. */
  seed?: number;
  /** The account's memory quota below Lambda's 10240 MB, as new accounts have (3008): a higher MemorySize is refused. */
  accountMemoryLimitMb?: number;
  /**
   * CloudFormation stacks the emulator lists with ListStackResources (emulator/cloudformation/stacks.ts): each one's
   * resources, functions (AWS::Lambda::Function, physical id = the function's name) and others. Declared, not
   * deployed: the functions themselves are created with createFunction.
   */
  stacks?: StackSpec[];
  /** Layer versions to publish at start (declared, not mounted: layers.ts); or later with publishLayer. */
  layers?: LayerSpec[];
  logger?: (line: string) => void;
}

export interface CreateFunctionSpec {
  name: string;
  /** Absolute directory holding the handler module. */
  codeDir?: string;
  /** A sample function's name (a directory under functionsDir); used when codeDir is absent. */
  sample?: string;
  handler?: string;
  memoryMb?: number;
  timeoutSec?: number;
  environment?: Record<string, string>;
  logFormat?: LogFormat;
  architecture?: Architecture;
  runtime?: string;
  description?: string;
  /** SnapStart.ApplyOn PublishedVersions (Python runtimes only, as on Lambda). */
  snapStart?: boolean;
  /** How long each new version of this function stays Pending (overrides the emulator's defaults). */
  versionPendingMs?: number;
  /** Layer version ARNs (publishLayer's), shown in Configuration.Layers. */
  layers?: string[];
  tags?: Record<string, string>;
  /** EphemeralStorage.Size in MB (512–10240). */
  ephemeralStorageMb?: number;
}

export interface Emulator {
  /** e.g. http://127.0.0.1:54321 */
  endpoint: string;
  region: string;
  /** How the sandbox limits CPU ('cgroup' or the declared CPU-time 'model'), when the pool says. */
  cpuMode?: 'cgroup' | 'model';
  /** Creates a function that is Active at once (no Pending window); returns its ARN. */
  createFunction(spec: CreateFunctionSpec): Promise<string>;
  /** The python3 that runs Python functions, or why there is none (then Python functions are refused). */
  python: { path: string } | { missing: string };
  /** Declares (or replaces) a CloudFormation stack that ListStackResources lists; returns its stack id. */
  declareStack(spec: StackSpec): string;
  /** Publishes the next version of a layer (declared, not mounted); returns its LayerVersionArn. */
  publishLayer(spec: LayerSpec): string;
  /** The functions that exist now, by name (a test's check that nothing was left behind). */
  functionNames(): string[];
  /** Replaces the faults of one function, or the global ones with '*'; `{}` clears. Counters restart. */
  setFaults(functionName: string | '*', faults: FaultConfig): void;
  /** Requests received per operation, including those answered with an injected fault (not those refused by
   *  the contract check, which contractViolations() lists). */
  stats(): EmulatorStats;
  /** Every invocation of `functionName` the emulator served (any version or alias), as CloudWatch counts them. */
  servedInvocations(functionName: string): readonly ServedInvocation[];
  /** Every request answered with an error because it broke the Lambda API model, or asked for an operation the
   *  emulator does not serve, in order. A correct client leaves this empty. */
  contractViolations(): ContractViolation[];
  close(): Promise<void>;
}

export interface EmulatorStats {
  requests: Record<string, number>;
  /** Requests refused by the control-plane quota (not injected throttles). */
  throttledByQuota: number;
  /** The most requests counted against the 15-per-second quota in any one second (GetFunction and Invoke apart). */
  peakControlPlanePerSecond: number;
  /** When each of those requests arrived (Date.now, ms): a recording of requests per second. */
  controlPlaneArrivalsMs: number[];
}

/**
 * Lambda's synchronous request limit: a request body must be SMALLER than 6 MiB, so exactly 6291456 bytes is refused
 * with 413 RequestEntityTooLargeException, "Request must be smaller than 6291456 bytes for the InvokeFunction
 * operation". The type is not the model's RequestTooLargeException: Lambda's front end sends RequestEntityTooLarge
 * (awslabs/aws-athena-query-federation#793: "Status Code: 413; Error Code: RequestEntityTooLargeException";
 * pelmers/streetwarp-web#14; zaccharles, "Deep Dive: Lambda's Request Payload Size Limit").
 */
export const MAX_REQUEST_PAYLOAD_BYTES = 6 * 1024 * 1024;
/** X-Amz-Log-Result carries the last 4 KB of the log. */
const LOG_TAIL_BYTES = 4096;

const defaultFunctionsDir = () => fileURLToPath(new URL('../functions/', import.meta.url));

interface Route {
  operation: OperationName;
  functionName?: string;
  aliasName?: string;
  /** ListTags: the resource's ARN. */
  resource?: string;
  /** GetLayerVersion: the layer and its version. */
  layerName?: string;
  layerVersion?: string;
}

/** Maps method + path to an operation, as the SDK's http traits in @aws-sdk/client-lambda define them. */
export function route(method: string, pathname: string): Route | undefined {
  const parts = pathname.split('/').filter((p) => p !== '');
  // Tags (2017-03-31) and layers (2018-10-31) have paths of their own.
  if (parts[0] === '2017-03-31' && parts[1] === 'tags' && parts.length === 3 && method === 'GET')
    return { operation: 'ListTags', resource: decodeURIComponent(parts[2] ?? '') };
  if (parts[0] === '2018-10-31' && parts[1] === 'layers' && method === 'GET') {
    if (parts.length === 2) return { operation: 'GetLayerVersionByArn' };
    if (parts.length === 5 && parts[3] === 'versions')
      return {
        operation: 'GetLayerVersion',
        layerName: decodeURIComponent(parts[2] ?? ''),
        layerVersion: decodeURIComponent(parts[4] ?? ''),
      };
    return undefined;
  }
  if (parts[0] !== '2015-03-31' || parts[1] !== 'functions') return undefined;
  const [, , rawName, resource, rawAlias, ...rest] = parts;
  if (rest.length > 0) return undefined;
  if (rawName === undefined) {
    if (method === 'POST') return { operation: 'CreateFunction' };
    if (method === 'GET') return { operation: 'ListFunctions' };
    return undefined;
  }
  const functionName = decodeURIComponent(rawName);
  const byResource: Record<string, Partial<Record<string, OperationName>>> = {
    '': { GET: 'GetFunction', DELETE: 'DeleteFunction' },
    configuration: { GET: 'GetFunctionConfiguration', PUT: 'UpdateFunctionConfiguration' },
    versions: { GET: 'ListVersionsByFunction', POST: 'PublishVersion' },
    aliases: { GET: 'ListAliases', POST: 'CreateAlias' },
    invocations: { POST: 'Invoke' },
  };
  if (rawAlias !== undefined) {
    if (resource !== 'aliases') return undefined;
    const aliasOperations: Partial<Record<string, OperationName>> = {
      GET: 'GetAlias',
      PUT: 'UpdateAlias',
      DELETE: 'DeleteAlias',
    };
    const operation = aliasOperations[method];
    return operation ? { operation, functionName, aliasName: decodeURIComponent(rawAlias) } : undefined;
  }
  const operation = byResource[resource ?? '']?.[method];
  return operation ? { operation, functionName } : undefined;
}

/** CodeSha256 and CodeSize of a code directory: a hash over every file's relative path and bytes. */
export function hashCodeDir(codeDir: string): CodeInfo {
  const hash = createHash('sha256');
  let codeSizeBytes = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) {
        const bytes = readFileSync(path);
        codeSizeBytes += bytes.length;
        hash.update(relative(codeDir, path)).update('\0').update(bytes).update('\0');
      }
    }
  };
  walk(codeDir);
  return { codeDir, codeSha256: hash.digest('base64'), codeSizeBytes };
}

/** Where CreateFunction's code lives: an absolute directory, or a sample function's name. */
function locateCode(location: string, functionsDir: string): CodeInfo {
  const codeDir = isAbsolute(location) ? location : join(functionsDir, location);
  if (!isAbsolute(location) && !/^[a-zA-Z0-9-_]+$/.test(location)) {
    throw invalidParameter(`Code.S3Key must be an absolute directory or a sample function name, got ${location}`);
  }
  if (!existsSync(codeDir) || !statSync(codeDir).isDirectory()) {
    throw invalidParameter(
      `Code directory ${codeDir} does not exist. ${isAbsolute(location) ? '' : `Sample functions: ${listSamples(functionsDir).join(', ') || 'none'}.`}`.trim(),
    );
  }
  return hashCodeDir(codeDir);
}

function listSamples(functionsDir: string): string[] {
  if (!existsSync(functionsDir)) return [];
  return readdirSync(functionsDir, { withFileTypes: true })
    .filter(
      (e) =>
        e.isDirectory() &&
        ['index.mjs', 'index.js', 'index.cjs', 'index.py'].some((f) => existsSync(join(functionsDir, e.name, f))),
    )
    .map((e) => e.name)
    .sort();
}

/** A sample's own settings: `function.json` next to its handler ({ runtime, snapStart, memoryMb, timeoutSec }). */
export function sampleManifest(
  functionsDir: string,
  sample: string,
): Partial<Pick<CreateFunctionSpec, 'runtime' | 'snapStart' | 'memoryMb' | 'timeoutSec'>> {
  const file = join(functionsDir, sample, 'function.json');
  if (!existsSync(file)) return {};
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  return {
    ...(typeof parsed['runtime'] === 'string' ? { runtime: parsed['runtime'] } : {}),
    ...(typeof parsed['snapStart'] === 'boolean' ? { snapStart: parsed['snapStart'] } : {}),
    ...(typeof parsed['memoryMb'] === 'number' ? { memoryMb: parsed['memoryMb'] } : {}),
    ...(typeof parsed['timeoutSec'] === 'number' ? { timeoutSec: parsed['timeoutSec'] } : {}),
  };
}

/**
 * The interpreter behind the first `python3` on PATH (sys.executable, so a version manager's shim is not paid for
 * on every cold start), or undefined when there is none or it does not run.
 */
export function findPython(path = process.env.PATH ?? ''): string | undefined {
  for (const dir of path.split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, 'python3');
    try {
      if (!statSync(candidate).isFile()) continue;
      const executable = execFileSync(candidate, ['-c', 'import sys; print(sys.executable)'], {
        encoding: 'utf8',
        timeout: 10_000,
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim();
      return executable || candidate;
    } catch {
      // not here, or it does not run
    }
  }
  return undefined;
}

/**
 * How fast a function's code runs on an architecture relative to x86_64: `architectureSpeed` in the code's
 * `function.json`, e.g. `{ "arm64": 0.6 }` (numeric code that Graviton runs at 0.6× the speed) or `{ "arm64": 1.1 }`.
 * Published measurements range from about 8% faster on arm64 to 36–99% slower at low memory for numeric Python
 * (issue 17): the emulator cannot run arm64, so each sample declares where it stands. Default 1 (x86_64 always 1).
 */
export function architectureSpeedOf(codeDir: string, architecture: Architecture): number {
  if (architecture === 'x86_64') return 1;
  const key = `${codeDir}\u0000${architecture}`;
  const known = speedCache.get(key);
  if (known !== undefined) return known;
  let speed = 1;
  const file = join(codeDir, 'function.json');
  if (existsSync(file)) {
    try {
      const declared = (JSON.parse(readFileSync(file, 'utf8')) as { architectureSpeed?: Record<string, unknown> })
        .architectureSpeed?.[architecture];
      if (typeof declared === 'number' && declared > 0 && Number.isFinite(declared)) speed = declared;
    } catch {
      // Not JSON: the code's own file, not the emulator's to judge; the architecture runs at x86_64's speed.
    }
  }
  speedCache.set(key, speed);
  return speed;
}
const speedCache = new Map<string, number>();

/** The runtime spec's cpuSpeed: only when the architecture runs this code at another speed than x86_64. */
function speedOf(config: VersionConfig): Pick<FunctionRuntimeSpec, 'cpuSpeed'> {
  const speed = architectureSpeedOf(config.codeDir, config.architecture);
  return speed === 1 ? {} : { cpuSpeed: speed };
}

/** The code's function.json gives a speed for this architecture (architectureSpeedOf reads it). */
export function declaresArchitectureSpeed(codeDir: string, architecture: Architecture): boolean {
  try {
    const parsed = JSON.parse(readFileSync(join(codeDir, 'function.json'), 'utf8')) as {
      architectureSpeed?: Record<string, unknown>;
    };
    return typeof parsed.architectureSpeed?.[architecture] === 'number';
  } catch {
    return false;
  }
}

const toRuntimeSpec = (
  functionName: string,
  config: VersionConfig,
  invokedFunctionArn: string,
): FunctionRuntimeSpec => ({
  functionName,
  ...speedOf(config),
  invokedFunctionArn,
  runtime: config.runtime,
  // SnapStart applies to published versions only; $LATEST cold-starts on demand (AWS docs, snapstart.html).
  snapStart: config.snapStart === 'PublishedVersions' && config.version !== '$LATEST',
  version: config.version,
  codeDir: config.codeDir,
  handler: config.handler,
  memoryMb: config.memoryMb,
  timeoutSec: config.timeoutSec,
  environment: { ...config.environment },
  logFormat: config.logging.LogFormat,
});

/** The last 4 KB of the log, base64: what Lambda puts in X-Amz-Log-Result. */
export const logTail = (log: string) => Buffer.from(log, 'utf8').subarray(-LOG_TAIL_BYTES).toString('base64');

/**
 * An injected crash: the invocation ran, but its runtime "exited". The result becomes Runtime.ExitError and the
 * log reads as Lambda's does for a dead runtime: Text gets the platform's two error lines before END and a REPORT
 * ending `Status: error\tError Type: Runtime.ExitError`; JSON gets status/errorType on the platform records.
 */
export function asRuntimeExit(result: InvokeResult, requestId: string, logFormat: LogFormat): InvokeResult {
  const errorType = 'Runtime.ExitError';
  const errorMessage = `RequestId: ${requestId} Error: Runtime exited with error: exit status 1`;
  const lines = result.log.split(/(?<=\n)/);
  const rewritten = lines.map((line) => {
    if (logFormat === 'Text') {
      if (line.startsWith('END RequestId:')) return `${errorMessage}\n${errorType}\n${line}`;
      if (line.startsWith('REPORT RequestId:') && !line.includes('\tStatus: ')) {
        return `${line.replace(/\t?\n?$/, '')}\tStatus: error\tError Type: ${errorType}\n`;
      }
      return line;
    }
    try {
      const event = JSON.parse(line) as { type?: string; record?: Record<string, unknown> };
      if ((event.type === 'platform.runtimeDone' || event.type === 'platform.report') && event.record) {
        event.record = { ...event.record, status: 'error', errorType };
        return `${JSON.stringify(event)}\n`;
      }
    } catch {
      // an application line that is not JSON: keep it as it is
    }
    return line;
  });
  return {
    ...result,
    payload: Buffer.from(JSON.stringify({ errorType, errorMessage })),
    functionError: 'Unhandled',
    errorType,
    log: rewritten.join(''),
  };
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function parseJsonBody(body: Buffer): Record<string, unknown> {
  if (body.length === 0) return {};
  try {
    const parsed: unknown = JSON.parse(body.toString('utf8'));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new LambdaError('InvalidRequestContentException', 'Could not parse request body into json');
}

const optionalString = (body: Record<string, unknown>, key: string): string | undefined => {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalidParameter(`${key} must be a string`);
  return value;
};

const optionalNumber = (body: Record<string, unknown>, key: string): number | undefined => {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number') throw invalidParameter(`${key} must be a number`);
  return value;
};

function pageOf(query: URLSearchParams) {
  const marker = query.get('Marker') ?? undefined;
  const maxItemsRaw = query.get('MaxItems');
  const maxItems = maxItemsRaw === null ? undefined : Number(maxItemsRaw);
  return { ...(marker === undefined ? {} : { marker }), ...(maxItems === undefined ? {} : { maxItems }) };
}

interface Reply {
  status: number;
  /** Raw bytes, or an object sent as JSON (the store's answers are the SDK's output shapes). */
  body?: Buffer | object;
  headers?: Record<string, string>;
}

/** Resolves after ms, or at once when the emulator closes, so injected latency never outlives the server. */
const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const region = options.region ?? 'us-east-1';
  const host = options.host ?? '127.0.0.1';
  const clock = options.clock ?? Date.now;
  const log = options.logger ?? (() => {});
  const functionsDir = options.functionsDir ?? defaultFunctionsDir();
  const faults = new FaultInjector(options.faults);
  const ownsPool = options.pool === undefined;
  const pool =
    options.pool ??
    (await defaultPool(log, { reservedCores: options.reservedCores ?? 0, freezeIdle: options.freezeIdle ?? true }));
  const requests: Record<string, number> = {};
  const violations: ContractViolation[] = [];
  const quota =
    options.controlPlaneQuota === false ? undefined : new ControlPlaneQuota(options.controlPlaneQuota ?? {});
  let throttledByQuota = 0;
  /** Arrival times of requests the 15-per-second quota counts, for the peak per second. */
  const controlPlaneArrivalsMs: number[] = [];
  let inFlight = 0;
  // Looked up when a Python function first needs it, so Node-only runs never start an interpreter.
  let pythonFound: Emulator['python'] | undefined;
  const python = (): Emulator['python'] => {
    if (pythonFound === undefined) {
      const path = options.python === undefined ? findPython() : (options.python ?? undefined);
      pythonFound = path
        ? { path }
        : {
            missing:
              "no python3 on PATH: this emulator runs python3.12/python3.13 functions with the machine's python3; install Python 3 to use them",
          };
    }
    return pythonFound;
  };
  const closing = new AbortController();
  // Retiring is housekeeping: a failure is logged, never turned into an API error.
  const retireQuietly = (name: string, version?: string) => {
    pool
      .retire(name, version)
      .catch((error: unknown) => log(`retire ${name}:${version ?? '*'} failed: ${String(error)}`));
  };

  const stacks = new StackStore(region, ACCOUNT_ID);
  const layers = new LayerStore(region, ACCOUNT_ID, clock);
  for (const spec of options.layers ?? []) layers.publish(spec);
  // Code.Location links need the endpoint, known once the server listens.
  const linkBase: { endpoint?: string } = {};
  const codeLinks = new CodeLinks(clock);
  /** Directories the emulator unpacked a ZipFile into, by function: removed with the function, or at close. */
  const ownedCodeDirs = new Map<string, string>();
  /** The uploaded .zip of each of those directories: what Code.Location serves, byte for byte. */
  const uploadedZips = new Map<string, Uint8Array>();
  // What CloudWatch and CloudWatch Logs would hold of the invocations served (emulator/cloudwatch/usage.ts).
  const traffic = new TrafficStore();
  const recordServed = (
    functionName: string,
    config: { logging: LoggingConfig },
    logFormat: LogFormat,
    result: InvokeResult,
  ) => {
    const reportLine = reportLineOf(filterSystemLog(result.log, logFormat, config.logging.SystemLogLevel));
    traffic.record({
      atMs: clock(),
      functionName,
      logGroup: config.logging.LogGroup,
      ...(reportLine !== undefined ? { reportLine } : {}),
    });
  };
  for (const spec of options.stacks ?? []) stacks.declare(spec);

  const store = new FunctionStore({
    region,
    now: clock,
    updateDelayMs: (name) => faults.updateDelayMs(name) ?? options.updateDelayMs ?? 1000,
    versionPendingMs: (_name, snapStart) =>
      snapStart ? (options.snapStartPendingMs ?? 5000) : (options.versionPendingMs ?? 0),
    runtimeUnavailable: (runtime) => {
      const found = isPythonRuntime(runtime) ? python() : undefined;
      return found && 'missing' in found
        ? `The runtime parameter of ${runtime} cannot run here: ${found.missing}.`
        : undefined;
    },
    retire: (name, version) => retireQuietly(name, version),
    random: seededRandom(options.seed ?? 1),
    codeLocation: (name, version) =>
      linkBase.endpoint === undefined ? undefined : codeLinks.link(linkBase.endpoint, ACCOUNT_ID, name, version),
    ...(options.accountMemoryLimitMb !== undefined ? { accountMemoryLimitMb: options.accountMemoryLimitMb } : {}),
  });

  const createFromSpec = (
    spec: CreateFunctionSpec,
    code: CodeInfo,
    startPending: boolean,
    extra: { publish?: boolean; role?: string; logging?: Partial<LoggingConfig>; snapStart?: SnapStartApplyOn } = {},
  ) =>
    store.createFunction({
      layers: layers.resolveForFunction(spec.layers ?? []),
      tags: spec.tags,
      ephemeralStorageMb: spec.ephemeralStorageMb,
      name: spec.name,
      code,
      startPending,
      handler: spec.handler,
      runtime: spec.runtime,
      description: spec.description,
      timeoutSec: spec.timeoutSec,
      memoryMb: spec.memoryMb,
      environment: spec.environment,
      architecture: spec.architecture,
      snapStart: extra.snapStart ?? (spec.snapStart ? 'PublishedVersions' : 'None'),
      versionPendingMs: spec.versionPendingMs,
      logging: { ...extra.logging, ...(spec.logFormat !== undefined ? { LogFormat: spec.logFormat } : {}) },
      role: extra.role,
      publish: extra.publish,
    });

  async function invoke(
    route: Route,
    query: URLSearchParams,
    req: IncomingMessage,
    body: Buffer,
    requestId: string,
  ): Promise<Reply> {
    const invocationType = header(req, 'x-amz-invocation-type') ?? 'RequestResponse';
    if (!['RequestResponse', 'Event', 'DryRun'].includes(invocationType)) {
      throw validationError(
        invocationType,
        'invocationType',
        'Member must satisfy enum value set: [Event, RequestResponse, DryRun]',
      );
    }
    const logType = header(req, 'x-amz-log-type') ?? 'None';
    if (!['None', 'Tail'].includes(logType)) {
      throw validationError(logType, 'logType', 'Member must satisfy enum value set: [Tail, None]');
    }
    if (body.length >= MAX_REQUEST_PAYLOAD_BYTES) {
      throw new LambdaError(
        'RequestEntityTooLargeException',
        `Request must be smaller than ${MAX_REQUEST_PAYLOAD_BYTES} bytes for the InvokeFunction operation`,
      );
    }
    // No payload means an empty event, as on Lambda; anything else must be JSON.
    const payload = body.length === 0 ? Buffer.from('{}') : body;
    try {
      JSON.parse(payload.toString('utf8'));
    } catch (error) {
      throw new LambdaError(
        'InvalidRequestContentException',
        `Could not parse request body into json: ${(error as Error).message}`,
      );
    }
    const resolved = store.resolveInvocation(route.functionName ?? '', query.get('Qualifier') ?? undefined);
    if (invocationType === 'DryRun') return { status: 204 };
    const spec = toRuntimeSpec(resolved.functionName, resolved.config, resolved.invokedFunctionArn);
    const interpreter = isPythonRuntime(spec.runtime ?? '') ? python() : undefined;
    if (interpreter && 'path' in interpreter) spec.pythonPath = interpreter.path;
    if (invocationType === 'Event') {
      // Asynchronous invocations are queued by Lambda, never throttled at the caller: run and forget.
      pool
        .invoke(spec, payload, requestId)
        .then((result) => recordServed(resolved.functionName, resolved.config, spec.logFormat, result))
        .catch((error: unknown) => log(`Event invocation ${requestId} failed: ${String(error)}`));
      return { status: 202 };
    }
    if (options.concurrencyLimit !== undefined && inFlight >= options.concurrencyLimit) {
      throw tooManyRequests(
        'ConcurrentInvocationLimitExceeded',
        'Rate Exceeded.',
        options.throttleRetryAfterSeconds ?? 1,
      );
    }
    const crash = faults.crashes(resolved.functionName);
    inFlight++;
    let result: InvokeResult;
    try {
      result = await pool.invoke(spec, payload, requestId);
    } catch (error) {
      log(`Invoke ${resolved.functionName}:${resolved.executedVersion} ${requestId}: sandbox failed: ${String(error)}`);
      throw serviceError(
        `Lambda encountered an internal error while running ${resolved.functionName}: ${(error as Error).message ?? String(error)}`,
      );
    } finally {
      inFlight--;
    }
    if (crash) {
      log(`Invoke ${resolved.functionName}:${resolved.executedVersion} → runtime exited [fault crash]`);
      result = asRuntimeExit(result, requestId, spec.logFormat);
      // The runtime exited, so its environment is gone: the next invocation is a cold start.
      retireQuietly(resolved.functionName, resolved.config.version);
    }
    // Counted as Lambda's Invocations metric counts: every invocation that ran, function errors included.
    recordServed(resolved.functionName, resolved.config, spec.logFormat, result);
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      'X-Amz-Executed-Version': result.executedVersion || resolved.executedVersion,
    };
    if (result.functionError) headers['X-Amz-Function-Error'] = result.functionError;
    if (logType === 'Tail')
      headers['X-Amz-Log-Result'] = logTail(
        filterSystemLog(result.log, spec.logFormat, resolved.config.logging.SystemLogLevel),
      );
    return { status: 200, body: result.payload, headers };
  }

  async function dispatch(
    route: Route,
    query: URLSearchParams,
    req: IncomingMessage,
    body: Buffer,
    requestId: string,
  ): Promise<Reply> {
    const name = route.functionName ?? '';
    const qualifier = query.get('Qualifier') ?? undefined;
    switch (route.operation) {
      case 'Invoke':
        return invoke(route, query, req, body, requestId);
      case 'GetFunctionConfiguration':
        return { status: 200, body: store.getConfiguration(name, qualifier) };
      case 'GetFunction':
        return { status: 200, body: store.getFunction(name, qualifier) };
      case 'ListFunctions':
        return { status: 200, body: store.listFunctions(pageOf(query), query.get('FunctionVersion') === 'ALL') };
      case 'UpdateFunctionConfiguration': {
        const request = parseJsonBody(body) as ConfigurationUpdate;
        delete request.resolvedLayers;
        if (Array.isArray(request.Layers)) request.resolvedLayers = layers.resolveForFunction(request.Layers);
        return { status: 200, body: store.updateConfiguration(name, request) };
      }
      case 'PublishVersion': {
        const request = parseJsonBody(body);
        const publish = {
          RevisionId: optionalString(request, 'RevisionId'),
          CodeSha256: optionalString(request, 'CodeSha256'),
          Description: optionalString(request, 'Description'),
        };
        return { status: 201, body: store.publishVersion(name, publish) };
      }
      case 'ListVersionsByFunction':
        return { status: 200, body: store.listVersions(name, pageOf(query)) };
      case 'DeleteFunction':
        store.deleteFunction(name, qualifier);
        if (qualifier === undefined || qualifier === '') forgetCode(parseFunctionName(name, region).name);
        return { status: 204 };
      case 'ListTags':
        return { status: 200, body: store.listTags(route.resource ?? '') };
      case 'GetLayerVersion':
        return { status: 200, body: layers.getVersion(route.layerName ?? '', Number(route.layerVersion)) };
      case 'GetLayerVersionByArn':
        return { status: 200, body: layers.getVersionByArn(query.get('Arn') ?? '') };
      case 'CreateAlias':
        return { status: 201, body: store.createAlias(name, parseJsonBody(body) as AliasInput) };
      case 'GetAlias':
        return { status: 200, body: store.getAlias(name, route.aliasName ?? '') };
      case 'UpdateAlias':
        return { status: 200, body: store.updateAlias(name, route.aliasName ?? '', parseJsonBody(body) as AliasInput) };
      case 'DeleteAlias':
        store.deleteAlias(name, route.aliasName ?? '');
        return { status: 204 };
      case 'ListAliases':
        return { status: 200, body: store.listAliases(name, query.get('FunctionVersion') ?? undefined, pageOf(query)) };
      case 'CreateFunction':
        return { status: 201, body: createFunctionFromApi(parseJsonBody(body)) };
    }
  }

  /** An unpacked ZipFile's directory goes once its function is deleted (after its environments are retired). */
  function forgetCode(functionName: string) {
    const dir = ownedCodeDirs.get(functionName);
    if (dir === undefined) return;
    ownedCodeDirs.delete(functionName);
    uploadedZips.delete(dir);
    void pool
      .retire(functionName)
      .catch(() => undefined)
      .finally(() => removeDir(dir));
  }

  /** CreateFunction's code: a ZipFile (unpacked into a directory the emulator owns), or a local directory. */
  function codeOfRequest(code: Record<string, unknown>, packageType: unknown): { info: CodeInfo; zip?: Uint8Array } {
    if (packageType === 'Image' || code['ImageUri'] !== undefined) {
      throw invalidParameter(
        'The emulator runs .zip functions only: container images (PackageType Image, Code.ImageUri) are not supported.',
      );
    }
    if (code['ZipFile'] !== undefined) {
      // A blob travels base64 in the JSON body (rest-json); the request-size check came first (handle()).
      if (typeof code['ZipFile'] !== 'string') throw invalidParameter('Code.ZipFile must be base64 text');
      const zip = Buffer.from(code['ZipFile'], 'base64');
      const { dir, unzippedBytes } = unpackZip(zip);
      return { info: { codeDir: dir, codeSha256: zipSha256(zip), codeSizeBytes: zip.length, unzippedBytes }, zip };
    }
    if (code['S3Bucket'] !== 'local') {
      throw invalidParameter(
        "The emulator takes Code.ZipFile (a .zip, as Lambda does), or code from a local directory: Code.S3Bucket 'local' and Code.S3Key an absolute " +
          `directory path or a sample function name (${listSamples(functionsDir).join(', ') || 'see emulator/functions'}). Real S3 locations and ImageUri are not supported.`,
      );
    }
    const location = optionalString(code, 'S3Key');
    if (!location)
      throw invalidParameter(
        "Code.S3Key must name a directory (absolute path) or a sample function when Code.S3Bucket is 'local'.",
      );
    return { info: locateCode(location, functionsDir) };
  }

  function createFunctionFromApi(request: Record<string, unknown>): FunctionConfiguration {
    const name = optionalString(request, 'FunctionName') ?? '';
    const code = (request['Code'] ?? {}) as Record<string, unknown>;
    const { info: codeInfo, zip } = codeOfRequest(code, request['PackageType']);
    try {
      const created = createFunctionOf(name, request, codeInfo);
      if (zip !== undefined) {
        ownedCodeDirs.set(name, codeInfo.codeDir);
        uploadedZips.set(codeInfo.codeDir, zip);
      }
      return created;
    } catch (error) {
      if (zip !== undefined) removeDir(codeInfo.codeDir);
      throw error;
    }
  }

  function createFunctionOf(name: string, request: Record<string, unknown>, codeInfo: CodeInfo): FunctionConfiguration {
    const environment = (request['Environment'] as { Variables?: Record<string, string> } | undefined)?.Variables;
    const architectures = request['Architectures'];
    if (architectures !== undefined && (!Array.isArray(architectures) || architectures.length !== 1)) {
      throw validationError(
        JSON.stringify(architectures),
        'architectures',
        'Member must have length less than or equal to 1',
      );
    }
    const spec: CreateFunctionSpec = {
      name,
      handler: optionalString(request, 'Handler'),
      runtime: optionalString(request, 'Runtime'),
      description: optionalString(request, 'Description'),
      timeoutSec: optionalNumber(request, 'Timeout'),
      memoryMb: optionalNumber(request, 'MemorySize'),
      environment,
      architecture: Array.isArray(architectures) ? (architectures[0] as Architecture) : undefined,
      layers: Array.isArray(request['Layers']) ? (request['Layers'] as string[]) : undefined,
      tags: request['Tags'] as Record<string, string> | undefined,
      ephemeralStorageMb: (request['EphemeralStorage'] as { Size?: number } | undefined)?.Size,
    };
    const snapStart = (request['SnapStart'] as { ApplyOn?: SnapStartApplyOn } | undefined)?.ApplyOn;
    return createFromSpec(spec, codeInfo, true, {
      publish: request['Publish'] === true,
      role: optionalString(request, 'Role'),
      logging: request['LoggingConfig'] as Partial<LoggingConfig> | undefined,
      ...(snapStart !== undefined ? { snapStart } : {}),
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const requestId = randomUUID();
    const url = new URL(req.url ?? '/', 'http://emulator');
    const body = await readBody(req);
    const method = req.method ?? 'GET';
    const target = jsonRpcTarget(header(req, 'x-amz-target'));
    if (method === 'POST' && url.pathname === '/' && target) {
      answerUsage(res, requestId, target.service, target.operation, body);
      return;
    }
    if (isCloudFormationRequest(method, url.pathname, req.headers)) {
      // CloudFormation's awsQuery requests share the endpoint: a form POST to `/`, which no Lambda path is.
      const reply = answerCloudFormation(stacks, body, url.pathname, requestId);
      if (reply.violation) {
        violations.push(reply.violation);
        log(
          `contract violation [${reply.violation.kind}] ${reply.violation.operation ?? ''} POST / → ${reply.status}: ${reply.violation.message}`,
        );
      } else if (reply.operation) {
        requests[reply.operation] = (requests[reply.operation] ?? 0) + 1;
        log(
          `${reply.operation} ${new URLSearchParams(body.toString('utf8')).get('StackName') ?? ''} → ${reply.status}`,
        );
      }
      send(res, requestId, {
        status: reply.status,
        body: Buffer.from(reply.body),
        headers: { 'Content-Type': 'text/xml' },
      });
      return;
    }
    if (method === 'GET' && url.pathname.startsWith(CodeLinks.PREFIX)) {
      serveCode(res, requestId, url);
      return;
    }
    if (
      method === 'POST' &&
      route(method, url.pathname)?.operation === 'CreateFunction' &&
      body.length >= MAX_CREATE_FUNCTION_REQUEST_BYTES
    ) {
      // Lambda's front end refuses the request before reading it (code.ts cites the figure).
      const error = requestTooLarge();
      log(`CreateFunction → ${error.status} ${error.code} (${body.length} bytes)`);
      send(res, requestId, { status: error.status, body: error.body(), headers: { 'x-amzn-errortype': error.code } });
      return;
    }
    // Every request is held to the official Lambda API model first, as Lambda's front end does (contracts.ts).
    const violation = checkContract(
      lambdaContracts(),
      { method, pathname: url.pathname, query: url.searchParams, headers: req.headers, body },
      (operation) => route(method, url.pathname)?.operation === operation,
    );
    if (violation) {
      const { error, ...recorded } = violation;
      violations.push(recorded);
      log(
        `contract violation [${recorded.kind}] ${recorded.operation ?? ''} ${req.method ?? ''} ${url.pathname} → ${error.status} ${error.code}: ${error.message}`,
      );
      send(res, requestId, { status: error.status, body: error.body(), headers: { 'x-amzn-errortype': error.code } });
      return;
    }
    const matched = route(req.method ?? 'GET', url.pathname);
    if (!matched) {
      send(res, requestId, {
        status: 404,
        body: new LambdaError('UnknownOperationException', 'Unknown operation').body(),
        headers: { 'x-amzn-errortype': 'UnknownOperationException' },
      });
      return;
    }
    const operation = matched.operation;
    requests[operation] = (requests[operation] ?? 0) + 1;
    let scope: string | undefined;
    try {
      scope =
        operation === 'CreateFunction'
          ? optionalString(parseJsonBody(body), 'FunctionName')
          : matched.functionName && parseFunctionName(matched.functionName, region).name;
    } catch {
      scope = undefined; // the operation itself reports the bad name
    }
    const startedMs = Date.now();
    let reply: Reply;
    if (operation !== 'Invoke' && operation !== 'GetFunction') controlPlaneArrivalsMs.push(Date.now());
    const overQuota = quota?.admit(operation);
    if (overQuota) {
      throttledByQuota++;
      const error = tooManyRequests('CallerRateLimitExceeded', 'Rate exceeded', overQuota.retryAfterSeconds);
      log(`${operation} ${scope ?? ''} → 429 over the control-plane quota [quota]`);
      send(res, requestId, {
        status: error.status,
        body: error.body(),
        headers: { 'x-amzn-errortype': error.code, ...error.extra.headers },
      });
      return;
    }
    const fault = faults.requestFault(operation, scope);
    try {
      if (fault?.kind === 'dropConnection') {
        log(`${operation} ${scope ?? ''} → connection dropped [fault dropConnection]`);
        req.socket.destroy();
        return;
      }
      if (fault?.kind === 'throttle') {
        throw tooManyRequests(
          fault.reason,
          operation === 'Invoke' ? 'Rate Exceeded.' : 'Rate exceeded',
          fault.retryAfterSeconds,
        );
      }
      if (fault?.kind === 'serverError') throw serviceError('Lambda encountered an internal error (injected fault)');
      if (fault?.kind === 'conflict') {
        throw conflict(
          `The operation cannot be performed at this time. An update is in progress for resource: ${scope ?? ''} (injected fault)`,
        );
      }
      if (operation !== 'Invoke') {
        const latencyMs = faults.controlPlaneLatencyMs(scope);
        if (latencyMs > 0) await sleep(latencyMs, closing.signal);
      }
      reply = await dispatch(matched, url.searchParams, req, body, requestId);
    } catch (error) {
      const lambdaError =
        error instanceof LambdaError ? error : serviceError(`Lambda encountered an internal error: ${String(error)}`);
      if (!(error instanceof LambdaError)) log(`${operation} failed: ${(error as Error).stack ?? String(error)}`);
      reply = {
        status: lambdaError.status,
        body: lambdaError.body(),
        headers: { 'x-amzn-errortype': lambdaError.code, ...lambdaError.extra.headers },
      };
    }
    if (fault?.kind === 'dropResponse') {
      log(`${operation} ${scope ?? ''} → ${reply.status}, answer dropped [fault dropResponse]`);
      req.socket.destroy();
      return;
    }
    // Injected faults are tagged so a test can count the ones that fired.
    log(
      `${operation} ${scope ?? ''}${url.search} → ${reply.status} (${Date.now() - startedMs} ms)${fault ? ` [fault ${fault.kind}]` : ''}`,
    );
    send(res, requestId, reply);
  }

  /** A Code.Location link: the version's .zip, as S3 serves a pre-signed GET (code.ts), or S3's XML error. */
  function serveCode(res: ServerResponse, requestId: string, url: URL) {
    const resolved = codeLinks.resolve(url.pathname, url.searchParams);
    const config = 'functionName' in resolved ? store.codeOf(resolved.functionName, resolved.version) : undefined;
    if (!('functionName' in resolved) || config === undefined) {
      const [status, code, message] =
        'functionName' in resolved
          ? [404, 'NoSuchKey', 'The specified key does not exist.']
          : [resolved.status, resolved.code, resolved.message];
      log(`GET code ${url.pathname} → ${status} ${code}`);
      send(res, requestId, {
        status,
        body: Buffer.from(s3ErrorXml(code, message)),
        headers: { 'Content-Type': 'application/xml' },
      });
      return;
    }
    const zip = uploadedZips.get(config.codeDir) ?? zipDirectory(config.codeDir);
    log(`GET code ${resolved.functionName}:${resolved.version} → 200 (${zip.length} bytes)`);
    send(res, requestId, { status: 200, body: Buffer.from(zip), headers: { 'Content-Type': 'application/zip' } });
  }

  /** CloudWatch GetMetricData and CloudWatch Logs StartQuery / GetQueryResults, JSON RPC at `/` (json-rpc.ts). */
  function answerUsage(
    res: ServerResponse,
    requestId: string,
    service: 'cloudwatch' | 'logs',
    operation: string,
    body: Buffer,
  ) {
    const served: Record<string, (input: Record<string, unknown>) => Record<string, unknown>> =
      service === 'cloudwatch'
        ? { GetMetricData: (input) => traffic.getMetricData(input) }
        : {
            StartQuery: (input) => traffic.startQuery(input),
            GetQueryResults: (input) => traffic.getQueryResults(input),
          };
    const contentType = contentTypeOf(service);
    const answerError = (status: number, code: string, message: string) => {
      // awsJson: the error's type in the body's __type (and x-amzn-errortype); CloudWatch, awsQuery-compatible, also
      // sends its query error code, which the SDK prefers (x-amzn-query-error: <code>;<Sender|Receiver>).
      const headers: Record<string, string> = { 'Content-Type': contentType, 'x-amzn-errortype': code };
      if (service === 'cloudwatch')
        headers['x-amzn-query-error'] = `${code.replace(/Exception$/, '')};${status < 500 ? 'Sender' : 'Receiver'}`;
      send(res, requestId, { status, body: { __type: code, message }, headers });
    };
    const violation = checkJsonRpcContract(service, operation, body, (op) => Object.hasOwn(served, op));
    if (violation) {
      const { error, ...recorded } = violation;
      violations.push(recorded);
      log(
        `contract violation [${recorded.kind}] ${service} ${operation} → ${error.status} ${error.code}: ${error.message}`,
      );
      answerError(error.status, error.code, error.message);
      return;
    }
    requests[operation] = (requests[operation] ?? 0) + 1;
    try {
      const input = (body.length > 0 ? JSON.parse(body.toString('utf8')) : {}) as Record<string, unknown>;
      const answer = served[operation]?.(input) ?? {};
      log(`${operation} → 200`);
      send(res, requestId, { status: 200, body: answer, headers: { 'Content-Type': contentType } });
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      if (error.status === 501) {
        const recorded = {
          kind: 'unimplemented' as const,
          operation,
          method: 'POST',
          path: '/',
          message: error.message,
        };
        violations.push(recorded);
        notifyContractObservers(recorded);
      }
      log(`${operation} → ${error.status} ${error.code}: ${error.message}`);
      answerError(error.status, error.code, error.message);
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log(`request failed: ${String(error)}`);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  // Invocations can run for up to 900 s; never let Node cut a request short.
  server.requestTimeout = 0;
  server.headersTimeout = 0;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://${host}:${port}`;
  linkBase.endpoint = endpoint;

  const emulator: Emulator = {
    endpoint,
    region,
    get python() {
      return python();
    },
    ...(pool.cpuMode !== undefined ? { cpuMode: pool.cpuMode } : {}),
    async createFunction(spec) {
      const location = spec.codeDir ?? spec.sample;
      if (location === undefined) throw invalidParameter(`createFunction(${spec.name}): give codeDir or sample`);
      const config = createFromSpec(spec, locateCode(location, functionsDir), false);
      return String(config['FunctionArn']);
    },
    declareStack(spec) {
      return stacks.declare(spec);
    },
    publishLayer(spec) {
      return layers.publish(spec);
    },
    functionNames() {
      return store.names();
    },
    setFaults(functionName, config) {
      faults.set(functionName, config);
    },
    stats() {
      return {
        requests: { ...requests },
        throttledByQuota,
        peakControlPlanePerSecond: peakPerSecond(controlPlaneArrivalsMs),
        controlPlaneArrivalsMs: [...controlPlaneArrivalsMs],
      };
    },
    servedInvocations(functionName) {
      return traffic.invocationsOf(functionName);
    },
    contractViolations() {
      return violations.map((violation) => ({ ...violation }));
    },
    async close() {
      closing.abort();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      if (ownsPool) await pool.close();
      for (const dir of ownedCodeDirs.values()) removeDir(dir);
      ownedCodeDirs.clear();
    },
  };

  if (options.sampleFunctions) {
    for (const sample of listSamples(functionsDir)) {
      if (store.has(sample)) continue;
      const manifest = sampleManifest(functionsDir, sample);
      const interpreter = manifest.runtime !== undefined && isPythonRuntime(manifest.runtime) ? python() : undefined;
      if (interpreter && 'missing' in interpreter) {
        log(`sample ${sample} (${manifest.runtime}) not created: ${interpreter.missing}`);
        continue;
      }
      await emulator.createFunction({ name: sample, sample, timeoutSec: 30, ...manifest });
      // A sample that declares its arm64 speed gets an arm64 twin, the compare-function of architectures x86_64,arm64.
      const twin = `${sample}-arm64`;
      if (declaresArchitectureSpeed(join(functionsDir, sample), 'arm64') && !store.has(twin))
        await emulator.createFunction({ name: twin, sample, timeoutSec: 30, ...manifest, architecture: 'arm64' });
    }
  }
  log(`Lambda emulator listening on ${endpoint} (region ${region}, account ${ACCOUNT_ID})`);
  return emulator;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function send(res: ServerResponse, requestId: string, reply: Reply) {
  const headers: Record<string, string> = { 'x-amzn-RequestId': requestId, ...reply.headers };
  let payload: Buffer | undefined;
  if (reply.body !== undefined) {
    payload = Buffer.isBuffer(reply.body) ? reply.body : Buffer.from(JSON.stringify(reply.body));
    headers['Content-Type'] ??= 'application/json';
    headers['Content-Length'] = String(payload.length);
  } else if (reply.status !== 204) {
    headers['Content-Length'] = '0';
  }
  res.writeHead(reply.status, headers);
  res.end(payload);
}

/** The real execution environments; imported lazily so tests that inject a pool never load child-process code. */
async function defaultPool(
  logger: (line: string) => void,
  options: { reservedCores: number; freezeIdle: boolean },
): Promise<SandboxPoolLike> {
  const { SandboxPool } = await import('./sandbox/index.js');
  return new SandboxPool({ logger, ...options });
}
