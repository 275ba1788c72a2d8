// One execution environment: a Node (or Python) child process running emulator/runtime/bootstrap.mjs (.py) with the
// function's handler, in its cgroups where they are writable, frozen (SIGSTOP) while idle and thawed (SIGCONT) for its
// next invocation, as Lambda freezes it. While it initializes or runs, a poll samples its process tree's resident
// memory (Max Memory Used, memory.ts) and, without a memory cgroup, kills it when that is over its budget.
// It reports what happened (ready, init error, result, fatal, timeout, exit) and leaves the verdict to outcome.ts.
import { spawn, type ChildProcess } from 'node:child_process';
import type { Socket } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EnvCgroup } from '../cgroups.js';
import { type LambdaError, type LogLevel, formatAppLog, formatRuntimeError } from '../logformat.js';
import { RSS_POLL_MS, readTreeMemory, runtimeFootprintBytes } from './memory.js';
import { type EnvState, type FunctionRuntimeSpec, isPython } from './spec.js';

const RUNTIME_BOOTSTRAP = fileURLToPath(new URL('../../runtime/bootstrap.mjs', import.meta.url));
/** The Python runtime: the same protocol over the IPC channel, as line-delimited JSON (runtime/bootstrap.py). */
const PYTHON_BOOTSTRAP = fileURLToPath(new URL('../../runtime/bootstrap.py', import.meta.url));
/** Handler output kept per invocation (the tail); LogResult only ever shows the last 4 KB. */
const MAX_LOG_CHARS = 1024 * 1024;
// Join the cgroups given before `--`, then become node: every page node touches is charged to the group.
const JOIN_CGROUPS_AND_EXEC = 'while [ "$1" != "--" ]; do echo $$ > "$1" || exit 97; shift; done; shift; exec "$@"';

/** The handler's own timings, as the runtime measured them. */
export interface HandlerTimings {
  wallMs: number;
  cpuMs: number;
  runQueueWaitMs: number;
}

/** What ended one invocation inside an environment. */
export type RunOutcome =
  | ({ kind: 'result'; ok: true; payload: string; maxRssKb: number } & HandlerTimings)
  | ({ kind: 'result'; ok: false; error: LambdaError; maxRssKb: number } & HandlerTimings)
  | { kind: 'fatal'; label: string; error: LambdaError }
  | { kind: 'timeout' }
  | { kind: 'exit' };

export type ReadyOutcome =
  | { kind: 'ready'; rssBytes: number }
  | { kind: 'initError'; error: LambdaError }
  | { kind: 'timeout' }
  | { kind: 'exit' };

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

type ChildMessage =
  | { type: 'ready'; rssBytes: number; maxRssKb: number }
  | { type: 'initError'; error: LambdaError; rssBytes: number; maxRssKb: number }
  | { type: 'log'; level: LogLevel; time: number; requestId?: string; message: string }
  | { type: 'raw'; text: string }
  | {
      type: 'result';
      requestId: string;
      ok: true;
      payload: string;
      wallMs: number;
      cpuMs: number;
      runQueueWaitMs: number;
      maxRssKb: number;
    }
  | {
      type: 'result';
      requestId: string;
      ok: false;
      error: LambdaError;
      wallMs: number;
      cpuMs: number;
      runQueueWaitMs: number;
      maxRssKb: number;
    }
  | { type: 'fatal'; label: string; requestId?: string; error: LambdaError };

/** Log text with a cap: keeps the tail, says how much was dropped. */
export class LogBuffer {
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

/** One execution environment: the child process, its cgroup, and what it is doing. */
export class ExecutionEnvironment {
  readonly child: ChildProcess;
  state: EnvState = 'init';
  /** What it was doing when its process exited. */
  stateAtExit: EnvState | undefined;
  retired = false;
  /** Bytes of the process's RSS that its memory cgroup does not see (node's binary, mapped before it joined). */
  unchargedBytes = 0;
  /** The resident peak of its process tree over its life, kB (memory.ts says why resident memory, not the cgroup). */
  residentPeakKb = 0;
  /**
   * What its processes may hold before they are out of memory, bytes: the memory size less the sandbox's own share
   * (NODE_RUNTIME_FOOTPRINT_MB), which Max Memory Used adds back.
   */
  readonly processBudgetBytes: number;
  watchdogOom = false;
  idleTimer: NodeJS.Timeout | undefined;
  readonly exited: Promise<ExitInfo>;
  exitInfo: ExitInfo | undefined;
  private stderrTail = '';
  /** Output outside an invocation (init, or timers firing between invocations): shown before the next START. */
  readonly pendingLog = new LogBuffer();
  private invocationLog: LogBuffer | undefined;
  private settle: ((outcome: RunOutcome) => void) | undefined;
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
    this.processBudgetBytes = memoryMb * 1024 * 1024 - runtimeFootprintBytes(spec);
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
  run(
    message: { requestId: string; payload: string; deadlineMs: number; invokedFunctionArn: string },
    timeoutMs: number,
  ): Promise<RunOutcome> {
    this.thaw();
    this.state = 'busy';
    this.invocationLog = new LogBuffer();
    this.startWatchdog();
    return new Promise((resolve) => {
      const timer = setTimeout(() => done({ kind: 'timeout' }), timeoutMs);
      const done = (outcome: RunOutcome) => {
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
        this.residentPeakKb = Math.max(this.residentPeakKb, message.maxRssKb);
        this.settleReady?.({ kind: 'ready', rssBytes: message.rssBytes });
        return;
      case 'initError':
        this.residentPeakKb = Math.max(this.residentPeakKb, message.maxRssKb);
        this.appendOutput(
          formatRuntimeError(this.spec.logFormat, new Date(), undefined, 'Uncaught Exception', message.error),
        );
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
        this.residentPeakKb = Math.max(this.residentPeakKb, message.maxRssKb);
        const { type: _type, requestId: _requestId, ...outcome } = message;
        this.settle?.({ kind: 'result', ...outcome });
        return;
      }
      case 'fatal':
        this.appendOutput(
          formatRuntimeError(this.spec.logFormat, new Date(), message.requestId, message.label, message.error),
        );
        if (this.settle) this.settle({ kind: 'fatal', label: message.label, error: message.error });
        else if (this.settleReady) this.settleReady({ kind: 'initError', error: message.error });
        return;
    }
  }

  /**
   * Samples the process tree's resident memory now: the runtime process's kernel-kept high-water mark, and the tree's
   * sum (processes the function started count too, as on Lambda). Returns the tree's RSS now, kB.
   */
  sampleMemory(): number | undefined {
    const memory = readTreeMemory(this.child.pid);
    if (memory === undefined) return undefined;
    this.residentPeakKb = Math.max(this.residentPeakKb, memory.hwmKb, memory.treeRssKb);
    return memory.treeRssKb;
  }

  /**
   * While it initializes or runs: samples its memory, and without a memory cgroup enforces the budget (Lambda counts
   * the whole process tree). Linux only (/proc); elsewhere the runtime's own high-water mark is what is known.
   */
  private startWatchdog(): void {
    if (this.watchdog || process.platform !== 'linux') return;
    const budgetKb = this.processBudgetBytes / 1024;
    this.watchdog = setInterval(() => {
      const treeRssKb = this.sampleMemory();
      if (treeRssKb !== undefined && !this.memoryCgroup && treeRssKb > budgetKb) {
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

const DEFAULT_REGION = 'us-east-1';
const DEFAULT_ACCOUNT = '000000000000';

export function functionArn(spec: FunctionRuntimeSpec): string {
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

export const sameFunction = (env: ExecutionEnvironment, functionName: string, version?: string): boolean =>
  env.spec.functionName === functionName && (version === undefined || env.spec.version === version);
