// What the pool is asked to run and what it answers: a function's runtime spec, an invocation's result, the pool's
// options. Types and the warm-reuse key only; no I/O.
import { createHash } from 'node:crypto';
import type { LogFormat } from '../logformat.js';

export interface FunctionRuntimeSpec {
  functionName: string;
  /** '$LATEST' or '1', '2'… — environments are never shared across versions. */
  version: string;
  /** Absolute directory containing the handler module. */
  codeDir: string;
  /** 'index.handler' → <codeDir>/index.js, .mjs or .cjs, export `handler`. */
  handler: string;
  memoryMb: number;
  timeoutSec: number;
  environment: Record<string, string>;
  logFormat: LogFormat;
  /** context.invokedFunctionArn (the ARN the caller used, alias included). Default: the function's ARN. */
  invokedFunctionArn?: string;
  /** Lambda's runtime name; python3.12/python3.13 run runtime/bootstrap.py with `pythonPath`. Default Node.js. */
  runtime?: string;
  /** The python3 for Python runtimes. */
  pythonPath?: string;
  /**
   * A published version of a SnapStart function: a cold start reports Restore Duration and Billed Restore Duration
   * instead of Init Duration. The emulator has no snapshots: its "restore" is the same process start and init as
   * any cold start, reported under Lambda's SnapStart names (see emulator/README.md).
   */
  snapStart?: boolean;
  /**
   * How fast this function's code runs on its architecture, relative to x86_64 (1: as fast; 0.6: arm64 takes
   * 1/0.6 as long per unit of CPU work). From the code's `function.json` (`architectureSpeed`), default 1: the
   * emulator runs every architecture on this machine's CPU, so a declared factor stands in for Graviton's own speed
   * (server.ts architectureSpeedOf, scheduler.ts architectureAdjustedMs).
   */
  cpuSpeed?: number;
}

export interface InvokeResult {
  /** JSON of the handler's return value, or Lambda's error object {errorType, errorMessage, trace}. */
  payload: Buffer;
  /** Set when the handler threw/rejected, timed out, crashed or ran out of memory. */
  functionError?: 'Unhandled';
  /** 'Error', 'Runtime.OutOfMemory', 'Sandbox.Timedout', 'Runtime.ExitError'… */
  errorType?: string;
  /** The whole log of this invocation: START, output, END, REPORT (text or JSON lines). */
  log: string;
  durationMs: number;
  billedDurationMs: number;
  /** Cold starts only. */
  initDurationMs?: number;
  /** Cold starts of a SnapStart version, instead of initDurationMs. */
  restoreDurationMs?: number;
  billedRestoreDurationMs?: number;
  maxMemoryUsedMb: number;
  executedVersion: string;
}

export interface SandboxPoolOptions {
  /** Default os.availableParallelism(). */
  cores?: number;
  /**
   * Cores kept free of running sandboxes (default 0): on Lambda the invoker's CPU is never the function's, but
   * here the emulator's HTTP server and its client share the machine. With sandboxes on every core, a sandbox
   * that shares its core with them runs persistently slower than its twin, which on a 2-core machine looks like
   * one execution environment being several percent slower than another. Quotas stay memory / 1769 of a vCPU.
   */
  reservedCores?: number;
  /** Reap environments idle this long (default 60 000). */
  idleTimeoutMs?: number;
  /** auto: cgroup CPU quotas when writable, else the CPU-time model. */
  cpuMode?: 'auto' | 'cgroup' | 'model';
  /** Where the pool says how it limits CPU and memory, once, at start. */
  logger?: (line: string) => void;
  /** auto: a memory cgroup when writable; watchdog: always the fallback (RSS polling + V8 heap limit). */
  memoryMode?: 'auto' | 'watchdog';
  /**
   * Freeze idle environments (SIGSTOP until the next invocation), as Lambda does. Default true; false only to
   * measure what freezing changes (bench/freeze.ts).
   */
  freezeIdle?: boolean;
  /** The init phase's limit (default 10 000, Lambda's); past it, init is retried inside the first invocation. */
  initTimeoutMs?: number;
}

export interface EnvironmentInfo {
  id: string;
  functionName: string;
  version: string;
  memoryMb: number;
  pid: number | undefined;
  state: EnvState;
}

export type EnvState = 'init' | 'idle' | 'busy' | 'dead';

export const isPython = (spec: FunctionRuntimeSpec): boolean => spec.runtime?.startsWith('python') ?? false;

/** Environments serve only invocations of exactly this function, version and configuration. */
export function environmentKey(spec: FunctionRuntimeSpec): string {
  const environment = Object.entries(spec.environment).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const config = JSON.stringify([
    spec.codeDir,
    spec.handler,
    spec.memoryMb,
    spec.timeoutSec,
    spec.logFormat,
    environment,
    spec.runtime ?? '',
    spec.snapStart === true,
    spec.cpuSpeed ?? 1,
  ]);
  const digest = createHash('sha256').update(config).digest('hex').slice(0, 16);
  return `${spec.functionName}\u0000${spec.version}\u0000${digest}`;
}
