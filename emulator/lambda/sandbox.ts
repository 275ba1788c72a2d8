// Execution environments of the local Lambda emulator: each one a Node child process running
// emulator/runtime/bootstrap.mjs with the function's handler, CPU- and memory-limited the way Lambda limits it.
//
// - Warm reuse: an idle environment of the same function, version and configuration serves the next invocation;
//   otherwise a cold start spawns one and reports its Init Duration. Idle environments are reaped.
// - CPU: memory / 1769 MB of one vCPU (capped at the cores present) through a cgroup CPU quota. Init runs without
//   the quota, as Lambda boosts CPU during the init phase (Init Duration barely changes with memory size there).
//   Where cgroups are not writable, a declared CPU-time model stands in (modeledDurationMs below).
// - Memory: a memory cgroup sized so the whole process (node itself included, as Lambda counts it) gets memoryMb,
//   plus V8's own heap limit as Lambda's Node runtime sets it; without the cgroup, a watchdog polls the RSS.
// - Scheduling: the CPU shares of environments *running* at once never add up to more than the cores present;
//   the rest wait in FIFO order, so one measurement is not slowed down by another's contention.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { CgroupManager, type EnvCgroup, bytesFromMib, cpuQuotaUs, vcpusForMemory } from './cgroups.js';
import {
  type LambdaError,
  type LogFormat,
  type LogLevel,
  type PlatformStatus,
  billedDurationMs,
  formatAppLog,
  formatEnd,
  formatInitReport,
  formatReport,
  formatRestoreReport,
  formatRuntimeError,
  formatRuntimeExit,
  formatStart,
  formatTimeoutNotice,
  roundTo2,
  timeoutMessage,
} from './logformat.js';

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

type EnvState = 'init' | 'idle' | 'busy' | 'dead';

const RUNTIME_BOOTSTRAP = fileURLToPath(new URL('../runtime/bootstrap.mjs', import.meta.url));
/** The Python runtime: the same protocol over the IPC channel, as line-delimited JSON (runtime/bootstrap.py). */
const PYTHON_BOOTSTRAP = fileURLToPath(new URL('../runtime/bootstrap.py', import.meta.url));
const isPython = (spec: FunctionRuntimeSpec): boolean => spec.runtime?.startsWith('python') ?? false;
/**
 * Lambda's limit on the init phase of on-demand functions. An init that takes longer does not fail the invocation:
 * "The Init phase is limited to 10 seconds. If all three tasks do not complete within 10 seconds, Lambda retries the
 * Init phase at the time of the first function invocation with the configured function timeout" (AWS docs,
 * lambda-runtime-environment). SandboxPoolOptions.initTimeoutMs shortens it for tests.
 */
export const INIT_TIMEOUT_MS = 10_000;
/**
 * Synchronous invocation response limit: 100 bytes more than the request's 6 MiB. Lambda answers a bigger response
 * with "Response payload size exceeded maximum allowed payload size (6291556 bytes)." (zaccharles, "Deep Dive:
 * Lambda's Request Payload Size Limit": "Lambda's payload size limit is 100 bytes more for responses than requests").
 */
export const MAX_RESPONSE_BYTES = 6 * 1024 * 1024 + 100;
/** Handler output kept per invocation (the tail); LogResult only ever shows the last 4 KB. */
const MAX_LOG_CHARS = 1024 * 1024;
const RSS_POLL_MS = 20;
const MILLICORES_PER_CORE = 1000;
// Join the cgroups given before `--`, then become node: every page node touches is charged to the group.
const JOIN_CGROUPS_AND_EXEC = 'while [ "$1" != "--" ]; do echo $$ > "$1" || exit 97; shift; done; shift; exec "$@"';

/**
 * The declared CPU-time model, used where cgroups cannot throttle: reported duration as if the process had only
 * memory/1769 of a vCPU (capped at `cores`).
 *
 * Single-threaded handler: cpu × max(1, 1769 / memoryMb) + off-CPU time, where off-CPU = wall − cpu − the time
 * the handler's thread sat runnable in the run queue behind other processes (Linux schedstat; a Lambda environment
 * does not wait for its own share of CPU, so that wait is contention of this machine, not the function's).
 * Multi-threaded handler (cpu > wall): the measured parallelism p = cpu / wall is kept for the on-CPU part
 * (which lasted cpu / p of the wall time) and limited to the vCPUs the memory size buys:
 * off-CPU + cpu / min(p, vcpus), off-CPU = wall − wait − cpu / p. With p = 1 this is the single-threaded formula.
 */
export function modeledDurationMs(wallMs: number, cpuMs: number, memoryMb: number, cores: number, runQueueWaitMs = 0): number {
  const vcpus = vcpusForMemory(memoryMb, cores);
  const parallelism = Math.max(1, cpuMs / Math.max(wallMs, Number.EPSILON));
  const offCpuMs = Math.max(0, wallMs - runQueueWaitMs - cpuMs / parallelism);
  return offCpuMs + cpuMs / Math.min(parallelism, vcpus);
}

export interface ExitClassification {
  errorType: 'Runtime.OutOfMemory' | 'Runtime.ExitError';
  /** As Lambda words it after "RequestId: <id> Error: ". */
  reason: string;
}

const SIGNAL_WORDS: Partial<Record<NodeJS.Signals, string>> = {
  SIGKILL: 'killed',
  SIGABRT: 'aborted',
  SIGSEGV: 'segmentation fault',
  SIGTERM: 'terminated',
  SIGBUS: 'bus error',
  SIGILL: 'illegal instruction',
};

/** Why an environment's process died: out of memory (kernel OOM kill, V8 heap limit, RSS watchdog) or otherwise. */
export function classifyExit(exit: {
  code: number | null;
  signal: NodeJS.Signals | null;
  oomKills: number;
  watchdogOom: boolean;
  stderrTail: string;
}): ExitClassification {
  const how =
    exit.signal !== null
      ? `signal: ${SIGNAL_WORDS[exit.signal] ?? exit.signal.toLowerCase()}`
      : exit.code === 0
        ? undefined
        : `exit status ${exit.code ?? 'unknown'}`;
  const reason = how === undefined ? 'Runtime exited without providing a reason' : `Runtime exited with error: ${how}`;
  const heapOom = /heap out of memory|Reached heap limit|Fatal process out of memory/i.test(exit.stderrTail);
  const oom = exit.watchdogOom || (exit.signal === 'SIGKILL' && exit.oomKills > 0) || heapOom;
  return { errorType: oom ? 'Runtime.OutOfMemory' : 'Runtime.ExitError', reason };
}

/** FIFO admission of CPU shares (in millicores) so running environments never oversubscribe the cores. */
export class CpuScheduler {
  private inUse = 0;
  private readonly queue: Array<{ units: number; grant: () => void; refuse: (error: Error) => void }> = [];

  constructor(readonly capacity: number) {}

  acquire(units: number): Promise<void> {
    const wanted = Math.min(units, this.capacity);
    if (this.queue.length === 0 && this.inUse + wanted <= this.capacity) {
      this.inUse += wanted;
      return Promise.resolve();
    }
    return new Promise((grant, refuse) => this.queue.push({ units: wanted, grant, refuse }));
  }

  release(units: number): void {
    this.inUse -= Math.min(units, this.capacity);
    for (let head = this.queue[0]; head && this.inUse + head.units <= this.capacity; head = this.queue[0]) {
      this.queue.shift();
      this.inUse += head.units;
      head.grant();
    }
  }

  refuseAll(error: Error): void {
    for (const waiter of this.queue.splice(0)) waiter.refuse(error);
  }

  get usedUnits(): number {
    return this.inUse;
  }

  get queued(): number {
    return this.queue.length;
  }
}

/** What ended one invocation inside an environment. */
type Outcome =
  | { kind: 'result'; ok: true; payload: string; wallMs: number; cpuMs: number; runQueueWaitMs: number; maxRssKb: number }
  | { kind: 'result'; ok: false; error: LambdaError; wallMs: number; cpuMs: number; runQueueWaitMs: number; maxRssKb: number }
  | { kind: 'fatal'; label: string; error: LambdaError }
  | { kind: 'timeout' }
  | { kind: 'exit' };

type ReadyOutcome = { kind: 'ready'; rssBytes: number } | { kind: 'initError'; error: LambdaError } | { kind: 'timeout' } | { kind: 'exit' };

/** An init that timed out and was retried inside the invocation: its INIT_REPORT, the retry's time and output. */
interface SuppressedInit {
  initReport: string;
  reinitMs: number;
  reinitLog: string;
}

interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

type ChildMessage =
  | { type: 'ready'; rssBytes: number; maxRssKb: number }
  | { type: 'initError'; error: LambdaError; rssBytes: number; maxRssKb: number }
  | { type: 'log'; level: LogLevel; time: number; requestId?: string; message: string }
  | { type: 'raw'; text: string }
  | { type: 'result'; requestId: string; ok: true; payload: string; wallMs: number; cpuMs: number; runQueueWaitMs: number; maxRssKb: number }
  | { type: 'result'; requestId: string; ok: false; error: LambdaError; wallMs: number; cpuMs: number; runQueueWaitMs: number; maxRssKb: number }
  | { type: 'fatal'; label: string; requestId?: string; error: LambdaError };

/** Log text with a cap: keeps the tail, says how much was dropped. */
class LogBuffer {
  private parts: string[] = [];
  private chars = 0;
  private droppedChars = 0;

  append(text: string): void {
    if (text.length === 0) return;
    this.parts.push(text);
    this.chars += text.length;
    while (this.chars > MAX_LOG_CHARS && this.parts.length > 1) {
      const dropped = this.parts.shift() ?? '';
      this.chars -= dropped.length;
      this.droppedChars += dropped.length;
    }
  }

  take(): string {
    const note = this.droppedChars > 0 ? `[emulator: ${this.droppedChars} earlier characters of output dropped]\n` : '';
    const text = note + this.parts.join('');
    this.parts = [];
    this.chars = 0;
    this.droppedChars = 0;
    return text;
  }
}

let environmentSequence = 0;

/** One execution environment: the child process, its cgroup, and what it is doing. */
class ExecutionEnvironment {
  readonly child: ChildProcess;
  state: EnvState = 'init';
  /** What it was doing when its process exited. */
  stateAtExit: EnvState | undefined;
  retired = false;
  /** Bytes of the process's RSS that its memory cgroup does not see (node's binary, mapped before it joined). */
  unchargedBytes = 0;
  maxRssKb = 0;
  watchdogOom = false;
  idleTimer: NodeJS.Timeout | undefined;
  readonly exited: Promise<ExitInfo>;
  exitInfo: ExitInfo | undefined;
  private stderrTail = '';
  /** Output outside an invocation (init, or timers firing between invocations): shown before the next START. */
  readonly pendingLog = new LogBuffer();
  private invocationLog: LogBuffer | undefined;
  private settle: ((outcome: Outcome) => void) | undefined;
  private settleReady: ((outcome: ReadyOutcome) => void) | undefined;
  private watchdog: NodeJS.Timeout | undefined;
  private frozen = false;

  constructor(
    readonly id: string,
    readonly key: string,
    readonly spec: FunctionRuntimeSpec,
    readonly cgroup: EnvCgroup | undefined,
    private readonly memoryCgroup: boolean,
  ) {
    const memoryMb = spec.memoryMb;
    // Lambda's Node runtime sizes V8 from the memory setting the same way: new space 10 %, old space the rest.
    const nodeArgs = [
      `--max-old-space-size=${Math.max(16, Math.floor(memoryMb * 0.9))}`,
      `--max-semi-space-size=${Math.max(1, Math.floor(memoryMb / 20))}`,
      '--expose-gc',
      RUNTIME_BOOTSTRAP,
    ];
    // Python: unbuffered, no user site-packages, no bytecode written into the function's directory.
    const [program, programArgs] = isPython(spec)
      ? [spec.pythonPath ?? 'python3', ['-u', '-s', '-B', PYTHON_BOOTSTRAP]]
      : [process.execPath, nodeArgs];
    const procsFiles = cgroup?.procsFilesAtExec ?? [];
    const [command, args] =
      procsFiles.length > 0
        ? ['/bin/sh', ['-c', JOIN_CGROUPS_AND_EXEC, 'lambda-env', ...procsFiles, '--', program, ...programArgs]]
        : [program, programArgs];
    this.child = spawn(command, args, {
      cwd: spec.codeDir,
      env: lambdaEnvironment(spec, this.id),
      // 'json' serialization: line-delimited JSON on the channel, which the Python bootstrap speaks too.
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      serialization: 'json',
    });
    // Idle environments must not keep the emulator's process alive; in-flight work holds its own timers.
    this.child.unref();
    this.child.channel?.unref();
    for (const stream of [this.child.stdout, this.child.stderr]) (stream as Socket | null)?.unref?.();

    this.child.stdout?.setEncoding('utf8').on('data', (text: string) => this.appendOutput(text));
    this.child.stderr?.setEncoding('utf8').on('data', (text: string) => {
      this.stderrTail = (this.stderrTail + text).slice(-4096);
      this.appendOutput(text);
    });
    this.child.on('message', (message: ChildMessage) => this.onMessage(message));
    this.exited = new Promise((resolve) => {
      let exit: ExitInfo | undefined;
      const finish = () => {
        if (!exit) return;
        this.exitInfo = exit;
        resolve(exit);
      };
      this.child.once('error', () => {
        exit ??= { code: -1, signal: null };
        finish();
      });
      this.child.once('exit', (code, signal) => {
        exit = { code, signal };
        this.stateAtExit = this.state;
        this.state = 'dead';
        this.stopWatchdog();
        // 'close' (all output read) normally follows at once; a grandchild holding the pipes must not stall us.
        setTimeout(finish, 200);
      });
      this.child.once('close', finish);
    });
    void this.exited.then(() => {
      this.settleReady?.({ kind: 'exit' });
      this.settle?.({ kind: 'exit' });
    });
    this.startWatchdog();
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get stderr(): string {
    return this.stderrTail;
  }

  /** Until the handler module is imported (ready), failed, timed out or the process died. */
  waitReady(timeoutMs: number): Promise<ReadyOutcome> {
    if (this.state === 'dead') return Promise.resolve({ kind: 'exit' });
    return new Promise((resolve) => {
      const timer = setTimeout(() => done({ kind: 'timeout' }), timeoutMs);
      const done = (outcome: ReadyOutcome) => {
        clearTimeout(timer);
        this.settleReady = undefined;
        resolve(outcome);
      };
      this.settleReady = done;
    });
  }

  /** Runs one invocation; resolves with how it ended. The log so far is collected with takeInvocationLog(). */
  run(message: { requestId: string; payload: string; deadlineMs: number; invokedFunctionArn: string }, timeoutMs: number): Promise<Outcome> {
    this.thaw();
    this.state = 'busy';
    this.invocationLog = new LogBuffer();
    this.startWatchdog();
    return new Promise((resolve) => {
      const timer = setTimeout(() => done({ kind: 'timeout' }), timeoutMs);
      const done = (outcome: Outcome) => {
        clearTimeout(timer);
        this.settle = undefined;
        this.stopWatchdog();
        resolve(outcome);
      };
      this.settle = done;
      if (this.state === 'dead' || !this.child.connected) {
        done({ kind: 'exit' });
        return;
      }
      this.child.send({ type: 'invoke', ...message });
    });
  }

  takeInvocationLog(): string {
    const text = this.invocationLog?.take() ?? '';
    this.invocationLog = undefined;
    return text;
  }

  /**
   * Lambda freezes an environment between invocations: nothing in it runs until the next one, its runtime's
   * background threads (garbage collection, JIT compilation) and the handler's leftover timers included. Without
   * this, that work catches up while the environment is idle, unbilled and uncounted, and competes with whatever
   * else is running: a function invoked back to back then measures differently from one taking turns with another.
   */
  freeze(): void {
    if (this.frozen || this.state !== 'idle' || this.child.pid === undefined || this.exitInfo !== undefined) return;
    try {
      process.kill(this.child.pid, 'SIGSTOP');
      this.frozen = true;
    } catch {
      // Gone already, or no job control here (Windows): it stays unfrozen, as before.
    }
  }

  /** Before an invocation (and before a signal it must handle): continue a frozen environment. */
  thaw(): void {
    if (!this.frozen || this.child.pid === undefined) return;
    this.frozen = false;
    try {
      process.kill(this.child.pid, 'SIGCONT');
    } catch {
      // Exited meanwhile: run() finds it dead.
    }
  }

  /** SIGKILL; the child handle is ref'd again so whoever awaits `exited` keeps the event loop alive meanwhile. */
  kill(): void {
    if (this.exitInfo !== undefined || this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.ref();
    this.child.kill('SIGKILL');
  }

  private appendOutput(text: string): void {
    (this.invocationLog ?? this.pendingLog).append(text);
  }

  private onMessage(message: ChildMessage): void {
    switch (message.type) {
      case 'ready':
        this.maxRssKb = Math.max(this.maxRssKb, message.maxRssKb);
        this.settleReady?.({ kind: 'ready', rssBytes: message.rssBytes });
        return;
      case 'initError':
        this.maxRssKb = Math.max(this.maxRssKb, message.maxRssKb);
        this.appendOutput(formatRuntimeError(this.spec.logFormat, new Date(), undefined, 'Uncaught Exception', message.error));
        this.settleReady?.({ kind: 'initError', error: message.error });
        return;
      case 'log':
        this.appendOutput(
          formatAppLog(this.spec.logFormat, {
            time: new Date(message.time),
            requestId: message.requestId,
            level: message.level,
            message: message.message,
          }),
        );
        return;
      case 'raw':
        this.appendOutput(message.text);
        return;
      case 'result': {
        this.maxRssKb = Math.max(this.maxRssKb, message.maxRssKb);
        const { type: _type, requestId: _requestId, ...outcome } = message;
        this.settle?.({ kind: 'result', ...outcome });
        return;
      }
      case 'fatal':
        this.appendOutput(formatRuntimeError(this.spec.logFormat, new Date(), message.requestId, message.label, message.error));
        if (this.settle) this.settle({ kind: 'fatal', label: message.label, error: message.error });
        else if (this.settleReady) this.settleReady({ kind: 'initError', error: message.error });
        return;
    }
  }

  /** Without a memory cgroup, memory is enforced by polling the process's RSS (Lambda counts the whole process). */
  private startWatchdog(): void {
    if (this.memoryCgroup || this.watchdog || process.platform !== 'linux') return;
    const limitKb = this.spec.memoryMb * 1024;
    this.watchdog = setInterval(() => {
      const rssKb = readRssKb(this.child.pid);
      if (rssKb === undefined) return;
      this.maxRssKb = Math.max(this.maxRssKb, rssKb);
      if (rssKb > limitKb) {
        this.watchdogOom = true;
        this.kill();
      }
    }, RSS_POLL_MS);
    this.watchdog.unref();
  }

  private stopWatchdog(): void {
    clearInterval(this.watchdog);
    this.watchdog = undefined;
  }
}

function readRssKb(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match?.[1] === undefined ? undefined : Number(match[1]);
  } catch {
    return undefined;
  }
}

const DEFAULT_REGION = 'us-east-1';
const DEFAULT_ACCOUNT = '000000000000';

function functionArn(spec: FunctionRuntimeSpec): string {
  const region = process.env.AWS_REGION ?? DEFAULT_REGION;
  const base = `arn:aws:lambda:${region}:${DEFAULT_ACCOUNT}:function:${spec.functionName}`;
  return spec.version === '$LATEST' ? base : `${base}:${spec.version}`;
}

/** The environment Lambda gives a Node function: its own variables, then the reserved ones (which win). */
function lambdaEnvironment(spec: FunctionRuntimeSpec, environmentId: string): NodeJS.ProcessEnv {
  const region = process.env.AWS_REGION ?? DEFAULT_REGION;
  const day = new Date().toISOString().slice(0, 10).replaceAll('-', '/');
  const nodeMajor = process.versions.node.split('.')[0] ?? '20';
  const python = isPython(spec);
  return {
    // Deliberately not the emulator's own environment (NODE_OPTIONS of a test runner, credentials…).
    PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
    LANG: 'en_US.UTF-8',
    ...spec.environment,
    TZ: ':UTC',
    AWS_REGION: region,
    AWS_DEFAULT_REGION: region,
    AWS_EXECUTION_ENV: python ? `AWS_Lambda_${spec.runtime ?? 'python3.12'}` : `AWS_Lambda_nodejs${nodeMajor}.x`,
    AWS_LAMBDA_FUNCTION_NAME: spec.functionName,
    AWS_LAMBDA_FUNCTION_VERSION: spec.version,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(spec.memoryMb),
    AWS_LAMBDA_INITIALIZATION_TYPE: spec.snapStart ? 'snap-start' : 'on-demand',
    AWS_LAMBDA_LOG_FORMAT: spec.logFormat,
    AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${spec.functionName}`,
    AWS_LAMBDA_LOG_STREAM_NAME: `${day}/[${spec.version}]${environmentId}`,
    LAMBDA_TASK_ROOT: spec.codeDir,
    LAMBDA_RUNTIME_DIR: path.dirname(RUNTIME_BOOTSTRAP),
    ...(python ? { PYTHONPATH: spec.codeDir, PYTHONDONTWRITEBYTECODE: '1' } : {}),
    _HANDLER: spec.handler,
  };
}

/** Environments serve only invocations of exactly this function, version and configuration. */
function environmentKey(spec: FunctionRuntimeSpec): string {
  const environment = Object.entries(spec.environment).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const config = JSON.stringify([spec.codeDir, spec.handler, spec.memoryMb, spec.timeoutSec, spec.logFormat, environment, spec.runtime ?? '', spec.snapStart === true]);
  const digest = createHash('sha256').update(config).digest('hex').slice(0, 16);
  return `${spec.functionName}\u0000${spec.version}\u0000${digest}`;
}

const sameFunction = (env: ExecutionEnvironment, functionName: string, version?: string): boolean =>
  env.spec.functionName === functionName && (version === undefined || env.spec.version === version);

const errorBody = (error: LambdaError): Buffer => Buffer.from(JSON.stringify(error));
const platformError = (errorType: string, requestId: string, reason: string): LambdaError => ({
  errorType,
  errorMessage: `RequestId: ${requestId} Error: ${reason}`,
});

const livePools = new Set<SandboxPool>();
let exitHookInstalled = false;

/** Best effort when the emulator's process exits without close(): kill the children, remove the groups. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const pool of livePools) pool.killSync();
  });
}

const sleepSync = (ms: number): void => {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
};
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class SandboxPool {
  readonly cpuMode: 'cgroup' | 'model';
  /** Whether memory is limited by a cgroup (else: RSS watchdog + V8 heap limit). */
  readonly memoryMode: 'cgroup' | 'watchdog';
  readonly cores: number;
  private readonly idleTimeoutMs: number;
  private readonly freezeIdle: boolean;
  private readonly initTimeoutMs: number;
  private readonly cgroups: CgroupManager | undefined;
  /** Admission of CPU shares; public for tests. */
  readonly scheduler: CpuScheduler;
  private readonly envs = new Set<ExecutionEnvironment>();
  private closing: Promise<void> | undefined;

  constructor(options: SandboxPoolOptions = {}) {
    this.cores = options.cores ?? os.availableParallelism();
    this.idleTimeoutMs = options.idleTimeoutMs ?? 60_000;
    this.freezeIdle = options.freezeIdle ?? true;
    this.initTimeoutMs = options.initTimeoutMs ?? INIT_TIMEOUT_MS;
    this.scheduler = new CpuScheduler(Math.round(Math.max(1, this.cores - (options.reservedCores ?? 0)) * MILLICORES_PER_CORE));
    const say = options.logger ?? (() => {});
    const requested = options.cpuMode ?? 'auto';
    const opened = CgroupManager.open();
    const cgroups = opened instanceof CgroupManager ? opened : undefined;
    const unavailable = opened instanceof CgroupManager ? undefined : opened.reason;
    if (requested === 'cgroup' && !cgroups?.cpu) {
      cgroups?.removeAll();
      throw new Error(`cpuMode 'cgroup' requested but the cgroup cpu controller is not writable: ${unavailable ?? 'no cpu hierarchy'}`);
    }
    this.cgroups = cgroups;
    this.cpuMode = requested !== 'model' && cgroups?.cpu ? 'cgroup' : 'model';
    this.memoryMode = cgroups?.memory && options.memoryMode !== 'watchdog' ? 'cgroup' : 'watchdog';
    if (this.cpuMode === 'cgroup') {
      say(`sandbox: CPU quota per environment = memory / 1769 MB of a vCPU (max ${this.cores} cores) through cgroups under ${cgroups?.directories().join(', ')}`);
    } else if (requested === 'model') {
      say(`sandbox: cpuMode 'model': using the CPU-time model (duration = CPU time × max(1, 1769 / memory MB) + off-CPU time)`);
    } else {
      say(
        `sandbox: cgroups not writable (${unavailable ?? 'no cpu controller'}): using the CPU-time model ` +
          `(duration = CPU time × max(1, 1769 / memory MB) + off-CPU time); durations are estimates, not throttled runs`,
      );
    }
    if (this.memoryMode === 'watchdog') say("sandbox: no memory cgroup: memory enforced by polling each environment's RSS and by V8's heap limit");
    livePools.add(this);
    installExitHook();
  }

  /** The environments alive now (for diagnostics and tests). */
  environments(): EnvironmentInfo[] {
    return [...this.envs].map((env) => ({
      id: env.id,
      functionName: env.spec.functionName,
      version: env.spec.version,
      memoryMb: env.spec.memoryMb,
      pid: env.pid,
      state: env.state,
    }));
  }

  /** Cgroup directories this pool created and still holds. */
  cgroupDirectories(): string[] {
    return this.cgroups?.directories() ?? [];
  }

  async invoke(spec: FunctionRuntimeSpec, payload: Buffer, requestId: string): Promise<InvokeResult> {
    this.assertOpen();
    const key = environmentKey(spec);
    let env = this.claimIdle(spec, key);
    const runUnits = this.cpuUnits(spec.memoryMb);
    // A cold start runs init without a quota (one full core at most), so it reserves a full core until init is done.
    const coldUnits = this.cpuMode === 'cgroup' ? Math.max(runUnits, Math.min(MILLICORES_PER_CORE, this.scheduler.capacity)) : runUnits;
    let heldUnits = env ? runUnits : coldUnits;
    try {
      await this.scheduler.acquire(heldUnits);
    } catch (error) {
      if (env) env.state = 'idle';
      throw error;
    }
    try {
      this.assertOpen();
      if (env?.state === 'dead' || env?.retired) {
        // Retired while queued: a cold start after all (with the warm share of CPU reserved; close enough).
        void this.destroy(env);
        env = undefined;
      }
      let initDurationMs: number | undefined;
      let suppressedInit: SuppressedInit | undefined;
      if (!env) {
        let started = await this.startEnvironment(spec, key, requestId, { phase: 'init' });
        if ('initTimedOut' in started) {
          // Lambda retries the init inside this invocation, limited by the function's timeout (INIT_TIMEOUT_MS).
          const initReport = started.log;
          started = await this.startEnvironment(spec, key, requestId, { phase: 'invoke', initReport });
          if ('failed' in started) return started.failed;
          if ('initTimedOut' in started) throw new Error('an init retried inside the invocation cannot time out as an init');
          suppressedInit = { initReport, reinitMs: started.initDurationMs, reinitLog: started.env.pendingLog.take() };
        } else if ('failed' in started) return started.failed;
        else initDurationMs = started.initDurationMs;
        env = started.env;
        if (heldUnits > runUnits) {
          this.scheduler.release(heldUnits - runUnits);
          heldUnits = runUnits;
        }
      }
      return await this.runInvocation(env, payload, requestId, initDurationMs, suppressedInit);
    } finally {
      this.scheduler.release(heldUnits);
    }
  }

  async retire(functionName: string, version?: string): Promise<void> {
    const idle: ExecutionEnvironment[] = [];
    for (const env of this.envs) {
      if (!sameFunction(env, functionName, version)) continue;
      env.retired = true;
      // Busy environments finish their invocation (as in Lambda) and are dropped right after.
      if (env.state === 'idle' || env.state === 'dead') idle.push(env);
    }
    await Promise.all(idle.map((env) => this.destroy(env)));
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      this.scheduler.refuseAll(new Error('SandboxPool is closed'));
      await Promise.all([...this.envs].map((env) => this.destroy(env)));
      for (let attempt = 0; attempt < 50 && this.cgroups && !this.cgroups.removeAll(); attempt++) await sleep(10);
      livePools.delete(this);
    })();
    return this.closing;
  }

  /** For the process exit hook: no event loop left, so everything synchronous. */
  killSync(): void {
    for (const env of this.envs) env.kill();
    for (let attempt = 0; attempt < 50 && this.cgroups && !this.cgroups.removeAll(); attempt++) sleepSync(5);
  }

  private assertOpen(): void {
    if (this.closing) throw new Error('SandboxPool is closed');
  }

  /** Millicores an invocation of this memory size occupies while it runs. */
  private cpuUnits(memoryMb: number): number {
    const vcpus = vcpusForMemory(memoryMb, this.cores);
    // The model lets the process run unthrottled: it occupies a whole core even when it is billed for less.
    const cores = this.cpuMode === 'cgroup' ? vcpus : Math.min(this.cores, Math.max(1, vcpus));
    return Math.max(1, Math.round(cores * MILLICORES_PER_CORE));
  }

  /** An idle environment for this exact configuration, marked busy; stale-configuration ones are dropped. */
  private claimIdle(spec: FunctionRuntimeSpec, key: string): ExecutionEnvironment | undefined {
    let claimed: ExecutionEnvironment | undefined;
    for (const env of [...this.envs].reverse()) {
      if (env.state !== 'idle' || !sameFunction(env, spec.functionName, spec.version)) continue;
      if (env.key !== key || env.retired) void this.destroy(env);
      else if (!claimed) claimed = env;
    }
    if (claimed) {
      clearTimeout(claimed.idleTimer);
      claimed.state = 'busy';
    }
    return claimed;
  }

  /**
   * Spawns an environment and waits for its init. Phase 'init': Lambda's init phase, limited to initTimeoutMs; a
   * timeout comes back as initTimedOut with its INIT_REPORT. Phase 'invoke': the init retried inside the first
   * invocation, limited by the function's timeout; its failures are that invocation's.
   */
  private async startEnvironment(
    spec: FunctionRuntimeSpec,
    key: string,
    requestId: string,
    attempt: { phase: 'init' } | { phase: 'invoke'; initReport: string },
  ): Promise<{ env: ExecutionEnvironment; initDurationMs: number } | { failed: InvokeResult } | { initTimedOut: true; log: string }> {
    const limitBytes = bytesFromMib(spec.memoryMb);
    const id = `env-${++environmentSequence}-${randomBytes(3).toString('hex')}`;
    const cgroup =
      this.cpuMode === 'cgroup' || this.memoryMode === 'cgroup'
        ? this.cgroups?.createEnv(id, {
            cpuQuotaUs: this.cpuMode === 'cgroup' ? cpuQuotaUs(vcpusForMemory(spec.memoryMb, this.cores)) : undefined,
            memoryLimitBytes: this.memoryMode === 'cgroup' ? limitBytes : undefined,
          })
        : undefined;
    const startedAt = performance.now();
    const env = new ExecutionEnvironment(id, key, spec, cgroup, this.memoryMode === 'cgroup');
    this.envs.add(env);
    // Died between invocations (a timer threw, killed from outside): nobody else will clean it up.
    void env.exited.then(() => {
      if (env.stateAtExit === 'idle') void this.destroy(env);
    });
    const limitMs = attempt.phase === 'init' ? this.initTimeoutMs : spec.timeoutSec * 1000;
    let ready = await env.waitReady(limitMs);
    const initDurationMs = performance.now() - startedAt;
    if (ready.kind === 'timeout' && attempt.phase === 'init') {
      // What the timed-out init wrote stays in its INIT_REPORT's place, before the invocation's START.
      env.kill();
      const initLog = env.pendingLog.take();
      await this.destroy(env);
      const report = formatInitReport(spec.logFormat, new Date(), { durationMs: initDurationMs, phase: 'init', status: 'timeout' });
      return { initTimedOut: true, log: initLog + report };
    }
    if (ready.kind === 'ready') {
      // Whole-process accounting, as Lambda's: node's binary and libraries are file pages already in the page cache,
      // charged to whoever read them first, so the group sees only ~7 of a no-op's ~40 MB RSS. Lower its limit by
      // the part it cannot see, so the RSS as a whole is held to memoryMb. RSS over the limit already: out of memory.
      const usage = this.memoryMode === 'cgroup' ? cgroup?.memoryUsageBytes() : undefined;
      if (cgroup && usage !== undefined) {
        env.unchargedBytes = Math.max(0, ready.rssBytes - usage);
        try {
          if (ready.rssBytes > limitBytes) throw new Error('over the limit after init');
          cgroup.setMemoryLimitBytes(limitBytes - env.unchargedBytes);
        } catch {
          env.watchdogOom = true;
          env.kill();
          await env.exited;
          ready = { kind: 'exit' };
        }
      }
    }
    if (ready.kind === 'ready') {
      try {
        if (this.cpuMode === 'cgroup' && env.pid !== undefined) cgroup?.joinCpu(env.pid);
      } catch (error) {
        await this.destroy(env);
        throw new Error(`could not move the execution environment into its CPU cgroup: ${(error as Error).message}`, { cause: error });
      }
      return { env, initDurationMs };
    }
    // Init failed: Lambda answers the invocation with the init error and drops the environment.
    const format = spec.logFormat;
    let error: LambdaError;
    let reportType: string;
    let status: PlatformStatus = 'error';
    const platformLog: string[] = [];
    if (ready.kind === 'initError') {
      error = ready.error;
      reportType = ready.error.errorType;
    } else if (ready.kind === 'timeout') {
      // Only the init retried inside an invocation gets here: it used up the function's timeout.
      env.kill();
      error = platformError('Sandbox.Timedout', requestId, timeoutMessage(spec.timeoutSec));
      reportType = 'Sandbox.Timedout';
      status = 'timeout';
      platformLog.push(formatTimeoutNotice(format, new Date(), requestId, spec.timeoutSec));
    } else {
      const exit = await env.exited;
      const why = classifyExit({ ...exit, oomKills: cgroup?.oomKills() ?? 0, watchdogOom: env.watchdogOom, stderrTail: env.stderr });
      error = platformError(why.errorType, requestId, why.reason);
      reportType = why.errorType;
      platformLog.push(formatRuntimeExit(format, requestId, why.reason, why.errorType));
    }
    if (attempt.phase === 'invoke') {
      const errorType = status === 'timeout' ? undefined : reportType;
      platformLog.push(formatInitReport(format, new Date(), { durationMs: initDurationMs, phase: 'invoke', status, ...(errorType ? { errorType } : {}) }));
    }
    const maxMemoryUsedMb = this.maxMemoryUsedMb(env, reportType === 'Runtime.OutOfMemory');
    await this.destroy(env);
    const durationMs = roundTo2(initDurationMs);
    const billed = billedDurationMs(durationMs);
    const now = new Date();
    // A first init's output comes before START; a retried one runs inside the invocation, after its INIT_REPORT.
    const start = formatStart(format, now, requestId, spec.version);
    const log =
      (attempt.phase === 'init' ? env.pendingLog.take() + start : attempt.initReport + start + env.pendingLog.take()) +
      platformLog.join('') +
      formatEnd(format, now, requestId, { status, errorType: reportType, durationMs, producedBytes: 0 }) +
      formatReport(format, now, {
        requestId,
        durationMs,
        billedDurationMs: billed,
        memorySizeMb: spec.memoryMb,
        maxMemoryUsedMb,
        status,
        errorType: reportType,
      });
    return {
      failed: {
        payload: errorBody(error),
        functionError: 'Unhandled',
        errorType: error.errorType,
        log,
        durationMs,
        billedDurationMs: billed,
        maxMemoryUsedMb,
        executedVersion: spec.version,
      },
    };
  }

  private async runInvocation(
    env: ExecutionEnvironment,
    payload: Buffer,
    requestId: string,
    initDurationMs: number | undefined,
    suppressedInit?: SuppressedInit,
  ): Promise<InvokeResult> {
    const spec = env.spec;
    const format = spec.logFormat;
    // An init retried inside the invocation spends the invocation's own time: the handler gets what is left, and the
    // invocation's Duration includes the init (no Init Duration is reported).
    const reinitMs = suppressedInit?.reinitMs ?? 0;
    const functionTimeoutMs = spec.timeoutSec * 1000;
    const timeoutMs = Math.max(1, functionTimeoutMs - reinitMs);
    const before = suppressedInit ? suppressedInit.initReport : env.pendingLog.take();
    const start = formatStart(format, new Date(), requestId, spec.version) + (suppressedInit?.reinitLog ?? '');
    const sentAt = performance.now();
    const outcome = await env.run(
      {
        requestId,
        payload: payload.toString('utf8'),
        deadlineMs: Date.now() + timeoutMs,
        invokedFunctionArn: spec.invokedFunctionArn ?? functionArn(spec),
      },
      timeoutMs,
    );
    const parentWallMs = performance.now() - sentAt;
    if (this.closing) throw new Error('SandboxPool is closed');

    let responseBody: Buffer;
    let error: LambdaError | undefined;
    let status: PlatformStatus = 'success';
    let runtimeStatus: PlatformStatus | 'failure' = 'success';
    let reportErrorType: string | undefined;
    let durationMs: number;
    let discard = false;
    let outOfMemory = false;
    const platformLog: string[] = [];

    if (outcome.kind === 'result') {
      durationMs =
        this.cpuMode === 'cgroup'
          ? outcome.wallMs
          : modeledDurationMs(outcome.wallMs, outcome.cpuMs, spec.memoryMb, this.cores, outcome.runQueueWaitMs);
      if (this.memoryMode === 'watchdog' && outcome.maxRssKb > spec.memoryMb * 1024) {
        // It went over between two polls: Lambda would have killed it.
        outOfMemory = true;
      }
    } else if (outcome.kind === 'timeout') {
      durationMs = timeoutMs;
    } else {
      durationMs = parentWallMs;
    }
    durationMs += reinitMs;

    if (outcome.kind === 'result' && !outOfMemory) {
      if (outcome.ok) {
        responseBody = Buffer.from(outcome.payload);
        if (responseBody.length > MAX_RESPONSE_BYTES) {
          error = {
            errorType: 'Function.ResponseSizeTooLarge',
            errorMessage: `Response payload size exceeded maximum allowed payload size (${MAX_RESPONSE_BYTES} bytes).`,
          };
          responseBody = errorBody(error);
          runtimeStatus = 'failure';
        }
      } else {
        error = outcome.error;
        responseBody = errorBody(error);
        runtimeStatus = 'failure';
        platformLog.push(formatRuntimeError(format, new Date(), requestId, 'Invoke Error', error));
      }
    } else if (outcome.kind === 'fatal') {
      // The runtime reported an uncaught exception / unhandled rejection, then exited: the response is that error.
      error = outcome.error;
      responseBody = errorBody(error);
      status = 'error';
      runtimeStatus = 'error';
      reportErrorType = 'Runtime.ExitError';
      discard = true;
    } else if (outcome.kind === 'timeout') {
      env.kill();
      await env.exited;
      error = platformError('Sandbox.Timedout', requestId, timeoutMessage(spec.timeoutSec));
      responseBody = errorBody(error);
      status = runtimeStatus = 'timeout';
      platformLog.push(formatTimeoutNotice(format, new Date(), requestId, spec.timeoutSec));
      discard = true;
    } else {
      if (outOfMemory) env.watchdogOom = true;
      env.kill();
      const exit = await env.exited;
      const why = classifyExit({
        ...exit,
        oomKills: env.cgroup?.oomKills() ?? 0,
        watchdogOom: env.watchdogOom,
        stderrTail: env.stderr,
      });
      outOfMemory = why.errorType === 'Runtime.OutOfMemory';
      error = platformError(why.errorType, requestId, why.reason);
      responseBody = errorBody(error);
      status = runtimeStatus = 'error';
      reportErrorType = why.errorType;
      platformLog.push(formatRuntimeExit(format, requestId, why.reason, why.errorType));
      discard = true;
    }

    durationMs = roundTo2(durationMs);
    const coldMs = initDurationMs === undefined ? undefined : roundTo2(initDurationMs);
    // A SnapStart version reports its cold start as a restore; Billed Duration includes Billed Restore Duration
    // (real REPORT: 306.34 ms + 303 ms billed restore → 610 ms). The emulator bills the restore rounded up.
    const restoreMs = spec.snapStart ? coldMs : undefined;
    const initMs = spec.snapStart ? undefined : coldMs;
    const billedRestoreMs = restoreMs === undefined ? undefined : Math.max(1, Math.ceil(restoreMs));
    const billed = billedDurationMs(durationMs, initMs) + (billedRestoreMs ?? 0);
    const maxMemoryUsedMb = this.maxMemoryUsedMb(env, outOfMemory);
    const handlerLog = env.takeInvocationLog();
    const end = new Date();
    const log =
      before +
      (restoreMs === undefined ? '' : formatRestoreReport(format, new Date(), restoreMs)) +
      start +
      handlerLog +
      platformLog.join('') +
      formatEnd(format, end, requestId, {
        status: runtimeStatus,
        errorType: error?.errorType,
        durationMs,
        producedBytes: responseBody.length,
      }) +
      formatReport(format, end, {
        requestId,
        durationMs,
        billedDurationMs: billed,
        memorySizeMb: spec.memoryMb,
        maxMemoryUsedMb,
        initDurationMs: initMs,
        restoreDurationMs: restoreMs,
        billedRestoreDurationMs: billedRestoreMs,
        status,
        errorType: reportErrorType,
      });

    if (discard || env.retired || env.state === 'dead') await this.destroy(env);
    else this.makeIdle(env);

    const result: InvokeResult = {
      payload: responseBody,
      log,
      durationMs,
      billedDurationMs: billed,
      maxMemoryUsedMb,
      executedVersion: spec.version,
    };
    if (initMs !== undefined) result.initDurationMs = initMs;
    if (restoreMs !== undefined) result.restoreDurationMs = restoreMs;
    if (billedRestoreMs !== undefined) result.billedRestoreDurationMs = billedRestoreMs;
    if (error) {
      result.functionError = 'Unhandled';
      result.errorType = error.errorType;
    }
    return result;
  }

  /** Peak memory of the environment's whole life, as Lambda reports it; the full size when it ran out. */
  private maxMemoryUsedMb(env: ExecutionEnvironment, outOfMemory: boolean): number {
    const memoryMb = env.spec.memoryMb;
    if (outOfMemory) return memoryMb;
    const cgroupPeak = env.cgroup?.memoryPeakBytes();
    const peakBytes = Math.max(env.maxRssKb * 1024, cgroupPeak === undefined ? 0 : cgroupPeak + env.unchargedBytes);
    return Math.min(memoryMb, Math.max(1, Math.round(peakBytes / (1024 * 1024))));
  }

  private makeIdle(env: ExecutionEnvironment): void {
    env.state = 'idle';
    if (this.freezeIdle) env.freeze();
    clearTimeout(env.idleTimer);
    env.idleTimer = setTimeout(() => void this.destroy(env), this.idleTimeoutMs);
    env.idleTimer.unref();
  }

  private async destroy(env: ExecutionEnvironment): Promise<void> {
    clearTimeout(env.idleTimer);
    env.state = 'dead';
    env.kill();
    await env.exited;
    // The group can be removed once the kernel has taken the process out of it.
    for (let attempt = 0; attempt < 50 && env.cgroup && !env.cgroup.remove(); attempt++) await sleep(10);
    this.envs.delete(env);
  }
}
