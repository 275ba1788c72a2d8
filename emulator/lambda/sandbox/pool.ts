// The pool of execution environments of the local Lambda emulator, CPU- and memory-limited the way Lambda limits them.
//
// - Warm reuse: an idle environment of the same function, version and configuration serves the next invocation;
//   otherwise a cold start spawns one (environment.ts) and reports its Init Duration. Idle environments are reaped.
// - CPU: memory / 1769 MB of one vCPU (capped at the cores present) through a cgroup CPU quota. Init runs without
//   the quota, as Lambda boosts CPU during the init phase (Init Duration barely changes with memory size there).
//   Where cgroups are not writable, a declared CPU-time model stands in (scheduler.ts, modeledDurationMs).
// - Memory: a memory cgroup sized so the whole process (node itself included, as Lambda counts it) gets memoryMb
//   less the sandbox's own share (memory.ts, NODE_RUNTIME_FOOTPRINT_MB), plus V8's own heap limit as Lambda's Node
//   runtime sets it; without the cgroup, a watchdog polls the RSS. Max Memory Used is the process tree's resident
//   peak plus that share, never the cgroup's figures, which count page cache (memory.ts says why).
// - Scheduling: the CPU shares of environments *running* at once never add up to more than the cores present;
//   the rest wait in FIFO order (scheduler.ts), so one measurement is not slowed down by another's contention.
// - Outcome: what happened is handed to the pure invocationOutcome (outcome.ts), which returns the response, the
//   figures and the log. This file does the I/O around it: kill and reap, read peaks and output, destroy the
//   environment and remove the cgroups it created.
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { CgroupManager, bytesFromMib, cpuQuotaUs, vcpusForMemory } from '../cgroups.js';
import { ExecutionEnvironment, type RunOutcome, functionArn, sameFunction } from './environment.js';
import { runtimeFootprintBytes } from './memory.js';
import { timedOutInitLog } from './invocation-log.js';
import { type Happened, type InitFailure, type InvocationFacts, classifyExit, invocationOutcome } from './outcome.js';
import { CpuScheduler, MILLICORES_PER_CORE, coldStartUnits, cpuUnits } from './scheduler.js';
import {
  type EnvironmentInfo,
  type FunctionRuntimeSpec,
  type InvokeResult,
  type SandboxPoolOptions,
  environmentKey,
} from './spec.js';

/**
 * Lambda's limit on the init phase of on-demand functions. An init that takes longer does not fail the invocation:
 * "The Init phase is limited to 10 seconds. If all three tasks do not complete within 10 seconds, Lambda retries the
 * Init phase at the time of the first function invocation with the configured function timeout" (AWS docs,
 * lambda-runtime-environment). SandboxPoolOptions.initTimeoutMs shortens it for tests.
 */
export const INIT_TIMEOUT_MS = 10_000;

/** An init that timed out and was retried inside the invocation: its INIT_REPORT, the retry's time and output. */
interface SuppressedInit {
  initReport: string;
  reinitMs: number;
  reinitLog: string;
}

let environmentSequence = 0;

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
    this.scheduler = new CpuScheduler(
      Math.round(Math.max(1, this.cores - (options.reservedCores ?? 0)) * MILLICORES_PER_CORE),
    );
    const say = options.logger ?? (() => {});
    const requested = options.cpuMode ?? 'auto';
    const opened = CgroupManager.open();
    const cgroups = opened instanceof CgroupManager ? opened : undefined;
    const unavailable = opened instanceof CgroupManager ? undefined : opened.reason;
    if (requested === 'cgroup' && !cgroups?.cpu) {
      cgroups?.removeAll();
      throw new Error(
        `cpuMode 'cgroup' requested but the cgroup cpu controller is not writable: ${unavailable ?? 'no cpu hierarchy'}`,
      );
    }
    this.cgroups = cgroups;
    this.cpuMode = requested !== 'model' && cgroups?.cpu ? 'cgroup' : 'model';
    this.memoryMode = cgroups?.memory && options.memoryMode !== 'watchdog' ? 'cgroup' : 'watchdog';
    if (this.cpuMode === 'cgroup') {
      say(
        `sandbox: CPU quota per environment = memory / 1769 MB of a vCPU (max ${this.cores} cores) through cgroups under ${cgroups?.directories().join(', ')}`,
      );
    } else if (requested === 'model') {
      say(
        `sandbox: cpuMode 'model': using the CPU-time model (duration = CPU time × max(1, 1769 / memory MB) + off-CPU time)`,
      );
    } else {
      say(
        `sandbox: cgroups not writable (${unavailable ?? 'no cpu controller'}): using the CPU-time model ` +
          `(duration = CPU time × max(1, 1769 / memory MB) + off-CPU time); durations are estimates, not throttled runs`,
      );
    }
    if (this.memoryMode === 'watchdog')
      say("sandbox: no memory cgroup: memory enforced by polling each environment's RSS and by V8's heap limit");
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
    const runUnits = cpuUnits(spec.memoryMb, this.cores, this.cpuMode);
    const coldUnits = coldStartUnits(runUnits, this.scheduler.capacity, this.cpuMode);
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
          if ('initTimedOut' in started)
            throw new Error('an init retried inside the invocation cannot time out as an init');
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
  ): Promise<
    | { env: ExecutionEnvironment; initDurationMs: number }
    | { failed: InvokeResult }
    | { initTimedOut: true; log: string }
  > {
    // What the function's processes may hold: the memory size less what Lambda's sandbox holds itself.
    const budgetBytes = bytesFromMib(spec.memoryMb) - runtimeFootprintBytes(spec);
    const id = `env-${++environmentSequence}-${randomBytes(3).toString('hex')}`;
    const cgroup =
      this.cpuMode === 'cgroup' || this.memoryMode === 'cgroup'
        ? this.cgroups?.createEnv(id, {
            cpuQuotaUs: this.cpuMode === 'cgroup' ? cpuQuotaUs(vcpusForMemory(spec.memoryMb, this.cores)) : undefined,
            memoryLimitBytes: this.memoryMode === 'cgroup' ? budgetBytes : undefined,
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
      return { initTimedOut: true, log: timedOutInitLog(spec.logFormat, new Date(), initLog, initDurationMs) };
    }
    if (ready.kind === 'ready') {
      // Whole-process accounting, as Lambda's: node's binary and libraries are file pages already in the page cache,
      // charged to whoever read them first, so the group sees only ~7 of a no-op's ~40 MB RSS. Lower its limit by
      // the part it cannot see, so the RSS as a whole is held to its budget. RSS over it already: out of memory.
      const usage = this.memoryMode === 'cgroup' ? cgroup?.memoryUsageBytes() : undefined;
      if (cgroup && usage !== undefined) {
        env.unchargedBytes = Math.max(0, ready.rssBytes - usage);
        try {
          if (ready.rssBytes > budgetBytes) throw new Error('over the limit after init');
          cgroup.setMemoryLimitBytes(budgetBytes - env.unchargedBytes);
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
        if (this.cpuMode === 'cgroup') cgroup?.startCpuQuota();
      } catch (error) {
        await this.destroy(env);
        throw new Error(`could not set the execution environment's CPU quota: ${(error as Error).message}`, {
          cause: error,
        });
      }
      return { env, initDurationMs };
    }
    // Init failed: Lambda answers the invocation with the init error and drops the environment.
    let failure: InitFailure;
    if (ready.kind === 'initError') failure = { kind: 'initError', error: ready.error };
    else if (ready.kind === 'timeout') {
      // Only the init retried inside an invocation gets here: it used up the function's timeout.
      env.kill();
      failure = { kind: 'timedOut' };
    } else failure = { kind: 'died', exit: await this.whyExited(env) };
    const peakMemoryBytes = this.peakMemoryBytes(env);
    await this.destroy(env);
    const now = new Date();
    // A first init's output comes before START; a retried one runs inside the invocation, after its INIT_REPORT.
    const pending = env.pendingLog.take();
    const { result } = invocationOutcome({
      requestId,
      spec,
      happened: { kind: 'initFailed', phase: attempt.phase, failure },
      cpu: { mode: this.cpuMode, cores: this.cores },
      elapsedMs: initDurationMs,
      handlerTimeoutMs: spec.timeoutSec * 1000,
      peakMemoryBytes,
      log:
        attempt.phase === 'init'
          ? { beforeStart: pending, output: '' }
          : { beforeStart: attempt.initReport, output: pending },
      startedAt: now,
      endedAt: now,
    });
    return { failed: result };
  }

  private async runInvocation(
    env: ExecutionEnvironment,
    payload: Buffer,
    requestId: string,
    initDurationMs: number | undefined,
    suppressedInit?: SuppressedInit,
  ): Promise<InvokeResult> {
    const spec = env.spec;
    // An init retried inside the invocation spends the invocation's own time: the handler gets what is left, and the
    // invocation's Duration includes the init (no Init Duration is reported).
    const reinitMs = suppressedInit?.reinitMs ?? 0;
    const functionTimeoutMs = spec.timeoutSec * 1000;
    const timeoutMs = Math.max(1, functionTimeoutMs - reinitMs);
    const before = suppressedInit ? suppressedInit.initReport : env.pendingLog.take();
    const reinitLog = suppressedInit?.reinitLog ?? '';
    const startedAt = new Date();
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
    const elapsedMs = performance.now() - sentAt;
    if (this.closing) throw new Error('SandboxPool is closed');
    const happened = await this.reap(env, outcome);
    const facts: InvocationFacts = {
      requestId,
      spec,
      happened,
      cpu: { mode: this.cpuMode, cores: this.cores },
      elapsedMs,
      handlerTimeoutMs: timeoutMs,
      ...(initDurationMs === undefined ? {} : { coldInitMs: initDurationMs }),
      ...(suppressedInit ? { reinitMs } : {}),
      peakMemoryBytes: this.peakMemoryBytes(env),
      log: { beforeStart: before, output: reinitLog + env.takeInvocationLog() },
      startedAt,
      endedAt: new Date(),
    };
    const { result, discard } = invocationOutcome(facts);
    if (discard || env.retired || env.state === 'dead') await this.destroy(env);
    else this.makeIdle(env);
    return result;
  }

  /**
   * What happened, once what must die is dead: a timed-out environment is killed; a process that died, or that
   * answered but went over its memory between two RSS polls (Lambda would have killed it), is killed and reaped,
   * and its exit classified.
   */
  private async reap(env: ExecutionEnvironment, outcome: RunOutcome): Promise<Happened> {
    const overMemory =
      outcome.kind === 'result' && this.memoryMode === 'watchdog' && outcome.maxRssKb * 1024 > env.processBudgetBytes;
    if (outcome.kind === 'result' && !overMemory) {
      const { wallMs, cpuMs, runQueueWaitMs } = outcome;
      const timings = { wallMs, cpuMs, runQueueWaitMs };
      return outcome.ok
        ? { kind: 'returned', payload: outcome.payload, timings }
        : { kind: 'threw', error: outcome.error, timings };
    }
    if (outcome.kind === 'fatal') return { kind: 'crashed', error: outcome.error };
    if (outcome.kind === 'timeout') {
      env.kill();
      await env.exited;
      return { kind: 'timedOut' };
    }
    if (overMemory) env.watchdogOom = true;
    env.kill();
    const exit = await this.whyExited(env);
    if (outcome.kind !== 'result') return { kind: 'died', exit };
    const { wallMs, cpuMs, runQueueWaitMs } = outcome;
    return { kind: 'died', exit, timings: { wallMs, cpuMs, runQueueWaitMs } };
  }

  /** Waits for the process to exit and says why it did (out of memory or otherwise). */
  private async whyExited(env: ExecutionEnvironment) {
    const exit = await env.exited;
    return classifyExit({
      ...exit,
      oomKills: env.cgroup?.oomKills() ?? 0,
      watchdogOom: env.watchdogOom,
      stderrTail: env.stderr,
    });
  }

  /**
   * Peak memory of the environment's whole life, as Lambda counts it: its process tree's resident peak (read once
   * more now, for a runtime that died before it could say) plus the sandbox's own share. Not the memory cgroup's
   * peak, which counts page cache (memory.ts).
   */
  private peakMemoryBytes(env: ExecutionEnvironment): number {
    env.sampleMemory();
    return env.residentPeakKb * 1024 + runtimeFootprintBytes(env.spec);
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
