// The emulator's execution environments: real child processes running the sample handlers, plus the pure parts
// (log formatting, the CPU-time model, exit classification, the scheduler, cgroup parsing).
// Timing is never asserted as a number; the one CPU-quota check is a loose ratio.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  CpuScheduler,
  type FunctionRuntimeSpec,
  type InvokeResult,
  SandboxPool,
  classifyExit,
  modeledDurationMs,
} from '../../emulator/lambda/sandbox/index.js';
import { billedDurationMs, formatAppLog, formatReport, formatRuntimeError } from '../../emulator/lambda/logformat.js';
import {
  cpuQuotaUs,
  detectLayout,
  parseMountInfo,
  parseProcCgroup,
  vcpusForMemory,
} from '../../emulator/lambda/cgroups.js';
import {
  NODE_RUNTIME_FOOTPRINT_MB,
  parseChildPids,
  runtimeFootprintBytes,
  statusFieldKb,
} from '../../emulator/lambda/sandbox/memory.js';

const FUNCTIONS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../emulator/functions');

const spec = (name: string, memoryMb: number, overrides: Partial<FunctionRuntimeSpec> = {}): FunctionRuntimeSpec => ({
  functionName: name,
  version: '$LATEST',
  codeDir: path.join(FUNCTIONS, name),
  handler: 'index.handler',
  memoryMb,
  timeoutSec: 10,
  environment: {},
  logFormat: 'Text',
  ...overrides,
});
const event = (value: unknown): Buffer => Buffer.from(JSON.stringify(value));
const body = (result: InvokeResult): Record<string, unknown> => JSON.parse(result.payload.toString('utf8'));
/** A function written for one test: its directory (remove it afterwards) with index.mjs. */
const inlineFunction = (prefix: string, source: string): string => {
  const codeDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.writeFileSync(path.join(codeDir, 'index.mjs'), source);
  return codeDir;
};
/**
 * Writes a fresh file of event.mb MB in event.dir and reads it back in 1 MB steps, then deletes it: page cache charged
 * to the environment's memory group (the group's peak used to count it), while the process holds about 1 MB more.
 */
const PAGE_CACHE_FUNCTION = `import fs from 'node:fs';
import path from 'node:path';
export const handler = async (event) => {
  const file = path.join(event.dir, \`lpg-page-cache-\${process.pid}-\${Date.now()}\`);
  const chunk = Buffer.alloc(1024 * 1024, 7);
  const out = fs.openSync(file, 'w');
  for (let i = 0; i < event.mb; i++) fs.writeSync(out, chunk);
  fs.closeSync(out);
  const input = fs.openSync(file, 'r');
  let readBytes = 0;
  for (let n; (n = fs.readSync(input, chunk, 0, chunk.length, null)) > 0; ) readBytes += n;
  fs.closeSync(input);
  fs.rmSync(file);
  return { readMb: readBytes / 1024 / 1024 };
};
`;
/**
 * A directory on disk for that file. Lambda's /tmp is disk; where this machine's /tmp is tmpfs, a file there is memory
 * that cannot be reclaimed (shmem, charged to the group until deleted), not page cache, so the checkout is used.
 */
const TMPFS_MAGIC = 0x01021994;
const diskScratchDir = (): string => (fs.statfsSync(os.tmpdir()).type === TMPFS_MAGIC ? process.cwd() : os.tmpdir());
/**
 * Starts a child Node process that fills event.mb MB and says so, keeps it 1 s (many RSS polls), then ends it:
 * Lambda counts every process of the sandbox, so the child's memory is in Max Memory Used.
 */
const CHILD_PROCESS_FUNCTION = `import { spawn } from 'node:child_process';
export const handler = async (event) => {
  const child = spawn(process.execPath, ['-e', \`globalThis.b = Buffer.alloc(\${event.mb} * 1024 * 1024, 1); console.log('filled'); setInterval(() => {}, 1000);\`], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve) => child.stdout.once('data', resolve));
  await new Promise((resolve) => setTimeout(resolve, 1000));
  child.kill('SIGKILL');
  await new Promise((resolve) => child.once('exit', resolve));
  return { childMb: event.mb };
};
`;

const TEXT_REPORT =
  /^REPORT RequestId: (\S+)\tDuration: (\d+\.\d{2}) ms\tBilled Duration: (\d+) ms\tMemory Size: (\d+) MB\tMax Memory Used: (\d+) MB\t(?:Init Duration: (\d+\.\d{2}) ms\t)?(?:Status: (\w+)(?:\tError Type: (\S+))?)?$/m;

const parseTextReport = (log: string) => {
  const match = TEXT_REPORT.exec(log);
  if (!match) throw new Error(`no REPORT line in:\n${log}`);
  const [, requestId, duration, billed, memorySize, maxMemory, init, status, errorType] = match;
  return {
    requestId,
    durationMs: Number(duration),
    billedDurationMs: Number(billed),
    memorySizeMb: Number(memorySize),
    maxMemoryUsedMb: Number(maxMemory),
    initDurationMs: init === undefined ? undefined : Number(init),
    status,
    errorType,
  };
};

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('logformat (pure)', () => {
  const time = new Date('2024-05-01T12:00:00.000Z');

  it('writes the text REPORT line byte for byte, trailing tab included', () => {
    expect(
      formatReport('Text', time, {
        requestId: 'abc',
        durationMs: 12.344,
        billedDurationMs: 163,
        memorySizeMb: 128,
        maxMemoryUsedMb: 70,
        initDurationMs: 150.12,
        status: 'success',
      }),
    ).toBe(
      'REPORT RequestId: abc\tDuration: 12.34 ms\tBilled Duration: 163 ms\tMemory Size: 128 MB\tMax Memory Used: 70 MB\tInit Duration: 150.12 ms\t\n',
    );
  });

  it('ends a timed-out or crashed REPORT with its status instead of the trailing tab', () => {
    const base = { requestId: 'abc', durationMs: 3000, billedDurationMs: 3000, memorySizeMb: 128, maxMemoryUsedMb: 60 };
    expect(formatReport('Text', time, { ...base, status: 'timeout' })).toBe(
      'REPORT RequestId: abc\tDuration: 3000.00 ms\tBilled Duration: 3000 ms\tMemory Size: 128 MB\tMax Memory Used: 60 MB\tStatus: timeout\n',
    );
    expect(formatReport('Text', time, { ...base, status: 'error', errorType: 'Runtime.OutOfMemory' })).toBe(
      'REPORT RequestId: abc\tDuration: 3000.00 ms\tBilled Duration: 3000 ms\tMemory Size: 128 MB\tMax Memory Used: 60 MB\tStatus: error\tError Type: Runtime.OutOfMemory\n',
    );
  });

  it('writes platform.report with the Telemetry API metric names in JSON format', () => {
    const line = formatReport('JSON', time, {
      requestId: 'abc',
      durationMs: 1.5,
      billedDurationMs: 2,
      memorySizeMb: 256,
      maxMemoryUsedMb: 65,
      status: 'success',
    });
    expect(line).toBe(
      '{"time":"2024-05-01T12:00:00.000Z","type":"platform.report","record":{"requestId":"abc","metrics":{"durationMs":1.5,"billedDurationMs":2,"memorySizeMB":256,"maxMemoryUsedMB":65},"status":"success"}}\n',
    );
  });

  it('formats application lines and runtime errors in both formats', () => {
    const line = { time, requestId: 'abc', level: 'INFO' as const, message: 'hello' };
    expect(formatAppLog('Text', line)).toBe('2024-05-01T12:00:00.000Z\tabc\tINFO\thello\n');
    expect(formatAppLog('JSON', line)).toBe(
      '{"timestamp":"2024-05-01T12:00:00.000Z","level":"INFO","requestId":"abc","message":"hello"}\n',
    );
    expect(formatAppLog('Text', { ...line, requestId: undefined })).toBe(
      '2024-05-01T12:00:00.000Z\tundefined\tINFO\thello\n',
    );
    const error = { errorType: 'Error', errorMessage: 'boom', trace: ['Error: boom'] };
    expect(formatRuntimeError('Text', time, 'abc', 'Invoke Error', error)).toBe(
      '2024-05-01T12:00:00.000Z\tabc\tERROR\tInvoke Error \t{"errorType":"Error","errorMessage":"boom","stack":["Error: boom"]}\n',
    );
  });

  it('bills the duration plus init, rounded up to the millisecond, computed in hundredths', () => {
    expect(billedDurationMs(12.34, 150.12)).toBe(163);
    expect(billedDurationMs(1.1, 1.9)).toBe(3);
    expect(billedDurationMs(0.1)).toBe(1);
    expect(billedDurationMs(2000)).toBe(2000);
    expect(billedDurationMs(0)).toBe(1);
  });
});

describe('CPU model, exit classification, scheduler, cgroup parsing (pure)', () => {
  it('models a single-threaded handler as cpu × max(1, 1769 / memory) + off-CPU time', () => {
    // 80 ms on CPU, 20 ms waiting: at 128 MB the CPU part takes 1769/128 times longer.
    expect(modeledDurationMs(100, 80, 128, 2)).toBeCloseTo(20 + (80 * 1769) / 128, 6);
    expect(modeledDurationMs(100, 80, 1769, 2)).toBeCloseTo(100, 6);
    expect(modeledDurationMs(100, 80, 3008, 2)).toBeCloseTo(100, 6);
    // 15 of the 20 ms off CPU were spent waiting behind other processes: not the function's time.
    expect(modeledDurationMs(100, 80, 1769, 2, 15)).toBeCloseTo(85, 6);
    expect(modeledDurationMs(100, 80, 128, 2, 15)).toBeCloseTo(5 + (80 * 1769) / 128, 6);
  });

  it('models a multi-threaded handler by capping its parallelism at the vCPUs the memory buys', () => {
    // 180 ms of CPU in 100 ms of wall time: parallelism 1.8.
    expect(modeledDurationMs(100, 180, 1769, 2)).toBeCloseTo(180, 6); // one vCPU: serialised
    expect(modeledDurationMs(100, 180, 3008, 2)).toBeCloseTo(180 / (3008 / 1769), 6); // 1.70 vCPUs
    expect(modeledDurationMs(100, 180, 10240, 2)).toBeCloseTo(100, 6); // capped at 2 cores, p = 1.8 < 2
  });

  it("reads resident memory from /proc/<pid>/status and a thread's children list", () => {
    const status = 'Name:\tnode\nVmPeak:\t 1100000 kB\nVmHWM:\t   43012 kB\nVmRSS:\t   41876 kB\nRssFile:\t 20000 kB\n';
    expect(statusFieldKb(status, 'VmHWM')).toBe(43012);
    expect(statusFieldKb(status, 'VmRSS')).toBe(41876);
    // A zombie's status has neither.
    expect(statusFieldKb('Name:\tnode\nState:\tZ (zombie)\n', 'VmRSS')).toBeUndefined();
    expect(parseChildPids('4242 4250 \n')).toEqual([4242, 4250]);
    expect(parseChildPids('')).toEqual([]);
  });

  it("gives a Node environment Lambda's sandbox share (64–68 MB for a no-op at 128 MB), a Python one none yet", () => {
    const node = spec('noop', 128);
    expect(runtimeFootprintBytes(node)).toBe(NODE_RUNTIME_FOOTPRINT_MB * 1024 * 1024);
    expect(NODE_RUNTIME_FOOTPRINT_MB).toBe(24);
    expect(runtimeFootprintBytes({ ...node, runtime: 'python3.12' })).toBe(0);
  });

  it('classifies how an environment died', () => {
    const base = { code: null, signal: null, oomKills: 0, watchdogOom: false, stderrTail: '' };
    expect(classifyExit({ ...base, signal: 'SIGKILL', oomKills: 1 })).toEqual({
      errorType: 'Runtime.OutOfMemory',
      reason: 'Runtime exited with error: signal: killed',
    });
    expect(classifyExit({ ...base, signal: 'SIGKILL' }).errorType).toBe('Runtime.ExitError');
    expect(
      classifyExit({
        ...base,
        signal: 'SIGABRT',
        stderrTail: 'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory',
      }),
    ).toEqual({
      errorType: 'Runtime.OutOfMemory',
      reason: 'Runtime exited with error: signal: aborted',
    });
    expect(classifyExit({ ...base, code: 3 })).toEqual({
      errorType: 'Runtime.ExitError',
      reason: 'Runtime exited with error: exit status 3',
    });
    expect(classifyExit({ ...base, code: 0 }).reason).toBe('Runtime exited without providing a reason');
    expect(classifyExit({ ...base, signal: 'SIGKILL', watchdogOom: true }).errorType).toBe('Runtime.OutOfMemory');
  });

  it('admits CPU shares first in, first out, never above capacity', async () => {
    const scheduler = new CpuScheduler(2000);
    const granted: string[] = [];
    const first = scheduler.acquire(1700).then(() => granted.push('a'));
    const second = scheduler.acquire(1700).then(() => granted.push('b'));
    const third = scheduler.acquire(100).then(() => granted.push('c')); // would fit, but waits its turn
    await first;
    await Promise.resolve();
    expect(granted).toEqual(['a']);
    expect(scheduler.usedUnits).toBe(1700);
    expect(scheduler.queued).toBe(2);
    scheduler.release(1700);
    await Promise.all([second, third]);
    expect(granted).toEqual(['a', 'b', 'c']);
    expect(scheduler.usedUnits).toBe(1800);
    // A request above capacity is clamped to it, so it can still run alone.
    scheduler.release(1800);
    await scheduler.acquire(5000);
    expect(scheduler.usedUnits).toBe(2000);
  });

  it('computes quotas and finds the groups of this process in v1 and v2 layouts', () => {
    expect(vcpusForMemory(3008, 2)).toBeCloseTo(1.7004, 4);
    expect(vcpusForMemory(10240, 2)).toBe(2);
    expect(cpuQuotaUs(128 / 1769)).toBe(1447); // of a 20 ms period
    expect(cpuQuotaUs(0.001)).toBe(1000); // the kernel's minimum
    const v1Mounts = [
      '32 31 0:29 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu',
      '35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory',
      '41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw',
    ].join('\n');
    const v1Own = '4:memory:/process_api/abc\n1:cpu:/\n0::/';
    expect(parseMountInfo(v1Mounts).map((m) => [m.version, m.mountPoint, m.controllers])).toEqual([
      [1, '/sys/fs/cgroup/cpu', ['cpu']],
      [1, '/sys/fs/cgroup/memory', ['memory']],
      [2, '/sys/fs/cgroup/unified', []],
    ]);
    expect(parseProcCgroup(v1Own).get('memory')).toBe('/process_api/abc');
    expect(detectLayout(v1Mounts, v1Own)).toEqual({
      version: 1,
      cpuDir: '/sys/fs/cgroup/cpu',
      memoryDir: '/sys/fs/cgroup/memory/process_api/abc',
    });
    const v2Mounts = '30 23 0:26 / /sys/fs/cgroup rw,nosuid - cgroup2 cgroup2 rw,nsdelegate';
    expect(detectLayout(v2Mounts, '0::/user.slice/session-1.scope')).toEqual({
      version: 2,
      unifiedDir: '/sys/fs/cgroup/user.slice/session-1.scope',
    });
    // A container whose mount shows a subtree of the hierarchy as its root.
    const nested = '32 31 0:29 /docker/x /sys/fs/cgroup/cpu rw - cgroup cgroup rw,cpu,cpuacct';
    expect(detectLayout(nested, '5:cpu,cpuacct:/docker/x/inner')).toEqual({
      version: 1,
      cpuDir: '/sys/fs/cgroup/cpu/inner',
      memoryDir: undefined,
    });
  });
});

describe('SandboxPool', () => {
  let pool: SandboxPool;
  const said: string[] = [];

  beforeAll(() => {
    pool = new SandboxPool({ idleTimeoutMs: 120_000, logger: (line) => said.push(line) });
  });
  afterAll(async () => {
    await pool.close();
  });

  it('says how it limits CPU at start', () => {
    expect(said.join('\n')).toMatch(pool.cpuMode === 'cgroup' ? /CPU quota per environment/ : /CPU-time model/);
  });

  it('reports Init Duration on the cold start only, and REPORT agrees with the result', async () => {
    const cold = await pool.invoke(spec('noop', 128), event({ items: [3, 1, 2] }), 'cold-1');
    const warm = await pool.invoke(spec('noop', 128), event({ items: ['b', 'a'] }), 'warm-1');
    expect(body(cold)).toEqual({ statusCode: 200, count: 3, first: 1, items: [1, 2, 3] });
    expect(body(warm)).toMatchObject({ items: ['a', 'b'] });
    expect(cold.initDurationMs).toBeGreaterThan(0);
    expect(warm.initDurationMs).toBeUndefined();
    const coldReport = parseTextReport(cold.log);
    const warmReport = parseTextReport(warm.log);
    expect(coldReport).toMatchObject({
      requestId: 'cold-1',
      durationMs: cold.durationMs,
      billedDurationMs: cold.billedDurationMs,
      memorySizeMb: 128,
      maxMemoryUsedMb: cold.maxMemoryUsedMb,
      initDurationMs: cold.initDurationMs,
      status: undefined,
    });
    expect(warmReport.initDurationMs).toBeUndefined();
    expect(cold.billedDurationMs).toBe(billedDurationMs(cold.durationMs, cold.initDurationMs));
    expect(warm.billedDurationMs).toBe(billedDurationMs(warm.durationMs));
    expect(cold.log.startsWith('START RequestId: cold-1 Version: $LATEST\nEND RequestId: cold-1\nREPORT ')).toBe(true);
    // A trivial Node function on Lambda at 128 MB reports Max Memory Used 64–68 MB (published REPORT lines, cited
    // at NODE_RUNTIME_FOOTPRINT_MB); here its process peaks at 41–42 MB resident plus the sandbox's 24 MB. The
    // margin is for another Node version's own size, not for load: the figure is resident memory, not page cache.
    for (const result of [cold, warm]) {
      expect(result.maxMemoryUsedMb).toBeGreaterThanOrEqual(60);
      expect(result.maxMemoryUsedMb).toBeLessThanOrEqual(72);
    }
    expect(cold.executedVersion).toBe('$LATEST');
    expect(cold.functionError).toBeUndefined();
  });

  it('freezes an environment between invocations, as Lambda does: its timers do not run while it is idle', async () => {
    const codeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lpg-freeze-'));
    try {
      // Counts 5 ms timer ticks since the last invocation. Unfrozen, 300 ms of idling would give about 60.
      fs.writeFileSync(
        path.join(codeDir, 'index.mjs'),
        'let ticks = 0;\nsetInterval(() => { ticks++; }, 5);\nexport const handler = async () => { const seen = ticks; ticks = 0; return { seen }; };\n',
      );
      const ticker = spec('ticker', 1024, { codeDir });
      await pool.invoke(ticker, event({}), 'freeze-1');
      await new Promise((resolve) => setTimeout(resolve, 300));
      const second = await pool.invoke(ticker, event({}), 'freeze-2');
      expect(second.initDurationMs).toBeUndefined();
      expect((body(second) as { seen: number }).seen).toBeLessThan(10);
    } finally {
      await pool.retire('ticker');
      fs.rmSync(codeDir, { recursive: true, force: true });
    }
  });

  it('never shares an environment across versions', async () => {
    const v1 = await pool.invoke(spec('noop', 128, { version: '1' }), event({}), 'v1');
    expect(v1.initDurationMs).toBeDefined();
    expect(v1.executedVersion).toBe('1');
    expect(v1.log).toContain('START RequestId: v1 Version: 1\n');
  });

  it('passes the environment and captures console output as Lambda formats it', async () => {
    const primes = await pool.invoke(
      spec('primes', 1024, { environment: { PRIMES_N: '2', PRIMES_M: '100' } }),
      event({}),
      'env-1',
    );
    expect(body(primes)).toEqual({ times: 2, limit: 100, primes: 25 });
    const logged = await pool.invoke(spec('faulty', 256), event({ mode: 'log' }), 'log-1');
    expect(logged.log).toMatch(
      /^\S+Z\tundefined\tINFO\tfaulty: module loaded\nSTART RequestId: log-1 Version: \$LATEST\n/,
    );
    expect(logged.log).toMatch(
      /\tlog-1\tINFO\tinfo line \{ a: 1 \}\n\S+\tlog-1\tWARN\twarn line\n\S+\tlog-1\tERROR\terror line\nraw stdout line\nEND RequestId: log-1\n/,
    );
    expect(Number(body(logged).remainingMs)).toBeGreaterThan(0);
    expect(Number(body(logged).remainingMs)).toBeLessThanOrEqual(10_000);
  });

  it('supports callback-style handlers and fills the context', async () => {
    const result = await pool.invoke(
      spec('callback', 256, { invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:callback:live' }),
      event({ x: 1 }),
      'cb-1',
    );
    expect(body(result)).toEqual({
      awsRequestId: 'cb-1',
      functionName: 'callback',
      functionVersion: '$LATEST',
      memoryLimitInMB: '256',
      invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:callback:live',
      remainingPositive: true,
      echo: { x: 1 },
    });
    const failed = await pool.invoke(spec('callback', 256), event({ fail: true }), 'cb-2');
    expect(failed.functionError).toBe('Unhandled');
    expect(body(failed)).toMatchObject({ errorType: 'Error', errorMessage: 'callback failure' });
  });

  it('turns a thrown or rejected error into an Unhandled function error and keeps the environment warm', async () => {
    const thrown = await pool.invoke(spec('faulty', 256), event({ mode: 'custom' }), 'err-1');
    expect(thrown.functionError).toBe('Unhandled');
    expect(thrown.errorType).toBe('PaymentDeclined');
    const payload = body(thrown);
    expect(payload).toMatchObject({ errorType: 'PaymentDeclined', errorMessage: 'card declined' });
    expect(Array.isArray(payload.trace)).toBe(true);
    expect(thrown.log).toMatch(
      /\terr-1\tERROR\tInvoke Error \t\{"errorType":"PaymentDeclined","errorMessage":"card declined","stack":\[/,
    );
    expect(parseTextReport(thrown.log).status).toBeUndefined(); // the platform saw a normal invocation
    const rejected = await pool.invoke(spec('faulty', 256), event({ mode: 'reject' }), 'err-2');
    expect(rejected.errorType).toBe('TypeError');
    expect(rejected.initDurationMs).toBeUndefined(); // same environment as before
  });

  it('kills a timed-out invocation with Sandbox.Timedout and discards the environment', async () => {
    const result = await pool.invoke(spec('faulty', 128, { timeoutSec: 1 }), event({ mode: 'hang' }), 'hang-1');
    expect(result.functionError).toBe('Unhandled');
    expect(result.errorType).toBe('Sandbox.Timedout');
    expect(body(result)).toEqual({
      errorType: 'Sandbox.Timedout',
      errorMessage: 'RequestId: hang-1 Error: Task timed out after 1.00 seconds',
    });
    expect(result.durationMs).toBe(1000);
    expect(result.log).toMatch(/Z hang-1 Task timed out after 1\.00 seconds\nEND RequestId: hang-1\n/);
    expect(parseTextReport(result.log)).toMatchObject({ durationMs: 1000, status: 'timeout' });
    const next = await pool.invoke(spec('faulty', 128, { timeoutSec: 1 }), event({}), 'hang-2');
    expect(next.initDurationMs).toBeDefined();
  });

  it('reports a crash as Runtime.ExitError and starts a fresh environment next time', async () => {
    const crashed = await pool.invoke(
      spec('faulty', 256, { environment: { CASE: 'exit' } }),
      event({ mode: 'exit' }),
      'exit-1',
    );
    expect(crashed.errorType).toBe('Runtime.ExitError');
    expect(body(crashed)).toEqual({
      errorType: 'Runtime.ExitError',
      errorMessage: 'RequestId: exit-1 Error: Runtime exited with error: exit status 3',
    });
    expect(parseTextReport(crashed.log)).toMatchObject({ status: 'error', errorType: 'Runtime.ExitError' });
    const next = await pool.invoke(spec('faulty', 256, { environment: { CASE: 'exit' } }), event({}), 'exit-2');
    expect(next.initDurationMs).toBeDefined();
    expect(next.functionError).toBeUndefined();
  });

  it('answers an uncaught exception with that error, then drops the environment', async () => {
    const result = await pool.invoke(
      spec('faulty', 256, { environment: { CASE: 'uncaught' } }),
      event({ mode: 'uncaught' }),
      'unc-1',
    );
    expect(result.errorType).toBe('RangeError');
    expect(result.log).toContain('\tunc-1\tERROR\tUncaught Exception \t{"errorType":"RangeError"');
    expect(parseTextReport(result.log)).toMatchObject({ status: 'error', errorType: 'Runtime.ExitError' });
    const next = await pool.invoke(spec('faulty', 256, { environment: { CASE: 'uncaught' } }), event({}), 'unc-2');
    expect(next.initDurationMs).toBeDefined();
  });

  it('ends an invocation that exceeds its memory with Runtime.OutOfMemory, and the same code succeeds with more', async () => {
    const small = await pool.invoke(spec('memory-hungry', 128), event({}), 'oom-1');
    expect(small.functionError).toBe('Unhandled');
    expect(small.errorType).toBe('Runtime.OutOfMemory');
    expect(small.maxMemoryUsedMb).toBe(128);
    expect(parseTextReport(small.log)).toMatchObject({
      status: 'error',
      errorType: 'Runtime.OutOfMemory',
      maxMemoryUsedMb: 128,
    });
    const large = await pool.invoke(spec('memory-hungry', 1024), event({}), 'oom-2');
    expect(large.functionError).toBeUndefined();
    expect(body(large)).toEqual({ allocatedMb: 400 });
    // Its 400 MB, Node's own ~40 and the sandbox's 24.
    expect(large.maxMemoryUsedMb).toBeGreaterThanOrEqual(400 + NODE_RUNTIME_FOOTPRINT_MB + 30);
    expect(large.maxMemoryUsedMb).toBeLessThanOrEqual(520);
  });

  it('leaves page cache out of Max Memory Used: a no-op that writes and reads back 96 MB still reports a no-op figure at 128 MB', async () => {
    // The memory group's peak counted this cache and reported all 128 MB (over the 90% headroom limit); Lambda counts
    // the memory the function's processes hold (emulator/lambda/sandbox/memory.ts).
    const codeDir = inlineFunction('lpg-page-cache-', PAGE_CACHE_FUNCTION);
    try {
      const cacheWriter = spec('page-cache', 128, { codeDir });
      const dir = diskScratchDir();
      const cold = await pool.invoke(cacheWriter, event({ mb: 96, dir }), 'cache-1');
      const warm = await pool.invoke(cacheWriter, event({ mb: 96, dir }), 'cache-2');
      for (const result of [cold, warm]) {
        expect(result.functionError).toBeUndefined();
        expect(body(result)).toEqual({ readMb: 96 });
        expect(result.maxMemoryUsedMb).toBeGreaterThanOrEqual(60);
        expect(result.maxMemoryUsedMb).toBeLessThanOrEqual(75);
      }
    } finally {
      await pool.retire('page-cache');
      fs.rmSync(codeDir, { recursive: true, force: true });
    }
  });

  it("does not count the emulator's own memory: a no-op spawned by a 300 MB process still reports a no-op figure", async () => {
    // ru_maxrss (process.resourceUsage().maxRSS) survives exec, so the runtime inherited the peak of the process it
    // was forked from: under the full test suite a no-op reported all of its 128 MB. VmHWM starts afresh at exec.
    const held = Buffer.alloc(300 * 1024 * 1024, 1);
    const own = new SandboxPool({ idleTimeoutMs: 60_000 });
    try {
      const result = await own.invoke(spec('noop', 128), event({}), 'parent-rss-1');
      expect(held[held.length - 1]).toBe(1);
      expect(result.functionError).toBeUndefined();
      expect(result.maxMemoryUsedMb).toBeGreaterThanOrEqual(60);
      expect(result.maxMemoryUsedMb).toBeLessThanOrEqual(72);
    } finally {
      await own.close();
    }
  });

  it('counts the processes a function starts in Max Memory Used, as Lambda counts the whole sandbox', async () => {
    const codeDir = inlineFunction('lpg-child-memory-', CHILD_PROCESS_FUNCTION);
    try {
      const starter = spec('child-memory', 1024, { codeDir });
      const result = await pool.invoke(starter, event({ mb: 80 }), 'child-1');
      expect(result.functionError).toBeUndefined();
      // The function's ~42 MB, the child's own Node (~40 MB) and its 80 MB, and the sandbox's 24.
      expect(result.maxMemoryUsedMb).toBeGreaterThanOrEqual(42 + 80 + NODE_RUNTIME_FOOTPRINT_MB);
    } finally {
      await pool.retire('child-memory');
      fs.rmSync(codeDir, { recursive: true, force: true });
    }
  });

  it('reports Max Memory Used as the whole process, init included: a working set loaded at init shows on every invocation', async () => {
    // Lambda's Max Memory Used counts the runtime process (runtime included) over the environment's life, so a cache
    // loaded at init is in every REPORT after it. A 220 MB process and the sandbox's 24 MB are 95% of 256 MB: the
    // near-limit case the headroom gate checks.
    const near = spec('memory-hungry', 256, { environment: { MEMORY_HUNGRY_RSS_MB: '220' } });
    const cold = await pool.invoke(near, event({}), 'ws-1');
    const warm = await pool.invoke(near, event({}), 'ws-2');
    expect(cold.functionError).toBeUndefined();
    expect(cold.initDurationMs).toBeDefined();
    expect(warm.initDurationMs).toBeUndefined();
    for (const result of [cold, warm]) {
      expect(result.maxMemoryUsedMb).toBeGreaterThanOrEqual(220 + NODE_RUNTIME_FOOTPRINT_MB);
      expect(result.maxMemoryUsedMb).toBeLessThanOrEqual(250);
      expect(result.functionError).toBeUndefined();
      expect(parseTextReport(result.log)).toMatchObject({ maxMemoryUsedMb: result.maxMemoryUsedMb });
    }
  });

  it('runs out of memory when the process leaves the sandbox less than its share: 243 MB resident at 256 MB', async () => {
    // On Lambda the sandbox's own ~24 MB is part of the memory size, so a process can hold only the rest.
    const over = spec('memory-hungry', 256, { environment: { MEMORY_HUNGRY_RSS_MB: '243' } });
    const result = await pool.invoke(over, event({}), 'ws-over-1');
    expect(result.errorType).toBe('Runtime.OutOfMemory');
    expect(result.maxMemoryUsedMb).toBe(256);
  });

  it('writes the JSON log format: platform events and JSON application lines', async () => {
    const result = await pool.invoke(spec('faulty', 256, { logFormat: 'JSON' }), event({ mode: 'log' }), 'json-1');
    const lines = result.log
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map(
        (line) =>
          JSON.parse(line) as {
            type?: string;
            record?: Record<string, unknown>;
            level?: string;
            requestId?: string;
            message?: string;
          },
      );
    expect(lines.find((l) => l.type === 'platform.start')?.record).toEqual({ requestId: 'json-1', version: '$LATEST' });
    expect(lines.filter((l) => l.requestId === 'json-1' && l.level).map((l) => [l.level, l.message])).toEqual([
      ['INFO', 'info line { a: 1 }'],
      ['WARN', 'warn line'],
      ['ERROR', 'error line'],
    ]);
    const report = lines.find((l) => l.type === 'platform.report')?.record as {
      requestId: string;
      status: string;
      metrics: Record<string, number>;
    };
    expect(report.requestId).toBe('json-1');
    expect(report.status).toBe('success');
    expect(Object.keys(report.metrics)).toEqual([
      'durationMs',
      'billedDurationMs',
      'memorySizeMB',
      'maxMemoryUsedMB',
      'initDurationMs',
    ]);
    expect(report.metrics).toMatchObject({
      durationMs: result.durationMs,
      billedDurationMs: result.billedDurationMs,
      memorySizeMB: 256,
      initDurationMs: result.initDurationMs,
    });
    expect(lines.some((l) => l.type === 'platform.runtimeDone')).toBe(true);
  });

  it('gives CPU in proportion to memory: primes at 256 MB is much slower than at 1024 MB', async () => {
    const measure = async (memoryMb: number): Promise<number> => {
      await pool.invoke(spec('primes', memoryMb), event({}), `warmup-${memoryMb}`);
      return (await pool.invoke(spec('primes', memoryMb), event({}), `primes-${memoryMb}`)).durationMs;
    };
    const at1024 = await measure(1024);
    const at256 = await measure(256);
    // 4× less CPU; assert only a loose ratio.
    expect(at256 / at1024).toBeGreaterThan(2);
  });

  it('never runs two environments whose CPU shares exceed the cores at once', async () => {
    const twoCorePool = new SandboxPool({ cores: 2 });
    try {
      // 3008 MB = 1.7 vCPUs each: the second must wait for the first to finish its 300 ms wait.
      const slow = spec('network', 3008, { environment: { NETWORK_LATENCY_MS: '300' } });
      const [first, second] = await Promise.all([
        twoCorePool.invoke(slow, event({}), 'big-1'),
        twoCorePool.invoke(slow, event({}), 'big-2'),
      ]);
      const handlerStart = (result: InvokeResult): number => {
        const match = /^(\S+Z)\t\S+\tINFO\tNETWORK_URL is not set/m.exec(result.log);
        if (!match?.[1]) throw new Error(`no handler line in ${result.log}`);
        return Date.parse(match[1]);
      };
      const gap = Math.abs(handlerStart(second) - handlerStart(first));
      expect(gap).toBeGreaterThanOrEqual(295);
    } finally {
      await twoCorePool.close();
    }
  });

  it('retire() kills the environments of a function; the next invocation is cold', async () => {
    await pool.invoke(spec('noop', 128), event({}), 'ret-1');
    const pids = pool
      .environments()
      .filter((env) => env.functionName === 'noop')
      .map((env) => env.pid)
      .filter((pid): pid is number => pid !== undefined);
    expect(pids.length).toBeGreaterThan(0);
    await pool.retire('noop');
    expect(pool.environments().filter((env) => env.functionName === 'noop')).toEqual([]);
    for (const pid of pids) expect(isAlive(pid)).toBe(false);
    const next = await pool.invoke(spec('noop', 128), event({}), 'ret-2');
    expect(next.initDurationMs).toBeDefined();
  });
});

describe('SandboxPool lifecycle and fallbacks', () => {
  it('reservedCores keeps cores free of running sandboxes, never fewer than one for them', async () => {
    const pools = [
      new SandboxPool({ cores: 4 }),
      new SandboxPool({ cores: 4, reservedCores: 1 }),
      new SandboxPool({ cores: 2, reservedCores: 5 }),
    ];
    try {
      expect(pools.map((pool) => pool.scheduler.capacity)).toEqual([4000, 3000, 1000]);
    } finally {
      await Promise.all(pools.map((pool) => pool.close()));
    }
  });

  it('kills every environment and removes every cgroup it created', async () => {
    const pool = new SandboxPool();
    await pool.invoke(spec('noop', 128), event({}), 'close-1');
    await pool.invoke(spec('callback', 256), event({}), 'close-2');
    const pids = pool
      .environments()
      .map((env) => env.pid)
      .filter((pid): pid is number => pid !== undefined);
    const dirs = pool.cgroupDirectories();
    if (pool.cpuMode === 'cgroup') expect(dirs.length).toBeGreaterThan(0);
    await pool.close();
    for (const pid of pids) expect(isAlive(pid)).toBe(false);
    for (const dir of dirs) expect(fs.existsSync(dir)).toBe(false);
    expect(pool.cgroupDirectories()).toEqual([]);
    if (fs.existsSync('/sys/fs/cgroup/cpu')) {
      const leftovers = fs
        .readdirSync('/sys/fs/cgroup/cpu')
        .filter((d) => d.startsWith(`lambda-power-gate-${process.pid}-`));
      // Other pools of this test file may still be open; none of this pool's directories may remain.
      for (const dir of dirs) expect(leftovers).not.toContain(path.basename(dir));
    }
    await expect(pool.invoke(spec('noop', 128), event({}), 'close-3')).rejects.toThrow(/closed/);
  });

  it('removes groups left behind by an emulator process that died without cleaning up', async () => {
    const cpuRoot = '/sys/fs/cgroup/cpu';
    const probe = new SandboxPool();
    const writable =
      probe.cpuMode === 'cgroup' && probe.cgroupDirectories().some((dir) => path.dirname(dir) === cpuRoot);
    await probe.close();
    if (!writable) return; // nothing to leave behind where cgroups are not writable
    const { spawnSync } = await import('node:child_process');
    const deadPid = spawnSync('true').pid; // exited: its pid is free
    const stale = path.join(cpuRoot, `lambda-power-gate-${deadPid}-1`);
    fs.mkdirSync(path.join(stale, 'env-1-abc'), { recursive: true });
    const pool = new SandboxPool();
    try {
      expect(fs.existsSync(stale)).toBe(false);
    } finally {
      await pool.close();
      for (const dir of [path.join(stale, 'env-1-abc'), stale]) if (fs.existsSync(dir)) fs.rmdirSync(dir);
    }
  });

  it('reaps environments that stay idle', async () => {
    const pool = new SandboxPool({ idleTimeoutMs: 100 });
    try {
      await pool.invoke(spec('noop', 128), event({}), 'reap-1');
      const [env] = pool.environments();
      expect(env?.state).toBe('idle');
      for (let waited = 0; pool.environments().length > 0 && waited < 5000; waited += 50)
        await new Promise((r) => setTimeout(r, 50));
      expect(pool.environments()).toEqual([]);
      if (env?.pid !== undefined) expect(isAlive(env.pid)).toBe(false);
    } finally {
      await pool.close();
    }
  });

  it('drops an environment whose process dies between invocations', async () => {
    const pool = new SandboxPool();
    try {
      await pool.invoke(spec('noop', 128), event({}), 'die-1');
      const pid = pool.environments()[0]?.pid;
      expect(pid).toBeDefined();
      process.kill(pid as number, 'SIGKILL');
      for (let waited = 0; pool.environments().length > 0 && waited < 5000; waited += 50)
        await new Promise((r) => setTimeout(r, 50));
      expect(pool.environments()).toEqual([]);
      const next = await pool.invoke(spec('noop', 128), event({}), 'die-2');
      expect(next.initDurationMs).toBeDefined();
    } finally {
      await pool.close();
    }
  });

  it('enforces memory without a memory cgroup too (RSS watchdog), and says so', async () => {
    const said: string[] = [];
    const pool = new SandboxPool({ memoryMode: 'watchdog', logger: (line) => said.push(line) });
    try {
      expect(pool.memoryMode).toBe('watchdog');
      expect(said.join('\n')).toMatch(/no memory cgroup/);
      const result = await pool.invoke(spec('memory-hungry', 256), event({}), 'watchdog-1');
      expect(result.errorType).toBe('Runtime.OutOfMemory');
      expect(result.maxMemoryUsedMb).toBe(256);
      const fits = await pool.invoke(
        spec('memory-hungry', 256, { environment: { MEMORY_HUNGRY_MB: '50' } }),
        event({}),
        'watchdog-2',
      );
      expect(body(fits)).toEqual({ allocatedMb: 50 });
      // The poll counts the processes the function starts, not only its own.
      const codeDir = inlineFunction('lpg-child-watchdog-', CHILD_PROCESS_FUNCTION);
      try {
        const child = await pool.invoke(spec('child-memory', 1024, { codeDir }), event({ mb: 80 }), 'watchdog-3');
        expect(child.functionError).toBeUndefined();
        expect(child.maxMemoryUsedMb).toBeGreaterThanOrEqual(42 + 80 + NODE_RUNTIME_FOOTPRINT_MB);
      } finally {
        fs.rmSync(codeDir, { recursive: true, force: true });
      }
    } finally {
      await pool.close();
    }
  });

  it('uses the declared CPU-time model when asked, and says so', async () => {
    const said: string[] = [];
    const pool = new SandboxPool({ cpuMode: 'model', logger: (line) => said.push(line) });
    try {
      expect(pool.cpuMode).toBe('model');
      expect(said.join('\n')).toMatch(/CPU-time model/);
      const result = await pool.invoke(
        spec('primes', 512, { environment: { PRIMES_N: '1', PRIMES_M: '1000' } }),
        event({}),
        'model-1',
      );
      expect(body(result)).toEqual({ times: 1, limit: 1000, primes: 168 });
    } finally {
      await pool.close();
    }
  });
});

describe('init over the init phase limit, and the response limit', () => {
  // The init limit is 10 s on Lambda; a 300 ms limit shows the same behaviour without the wait.
  let pool: SandboxPool;
  beforeAll(() => {
    pool = new SandboxPool({ idleTimeoutMs: 60_000, initTimeoutMs: 300 });
  });
  afterAll(async () => {
    await pool.close();
  });
  const slowInit = (initSleepMs: number, timeoutSec: number, logFormat: 'Text' | 'JSON' = 'Text') =>
    spec('slow-init', 256, { environment: { INIT_SLEEP_MS: String(initSleepMs) }, timeoutSec, logFormat });

  it('retries an init that outlasts the init phase inside the first invocation, which then includes it (Lambda does not fail it)', async () => {
    const first = await pool.invoke(slowInit(800, 5), event({}), 'slow-1');
    expect(first.functionError).toBeUndefined();
    expect(body(first)).toMatchObject({ statusCode: 200 });
    // The retried init ran inside the invocation: its Duration includes it and no Init Duration is reported.
    expect(first.initDurationMs).toBeUndefined();
    expect(first.durationMs).toBeGreaterThanOrEqual(800);
    expect(first.log).toMatch(
      /^.*init: sleeping 800 ms\n(.|\n)*INIT_REPORT Init Duration: \d+\.\d\d ms\tPhase: init\tStatus: timeout\nSTART RequestId: slow-1 Version: \$LATEST\n.*init: sleeping 800 ms\nEND RequestId: slow-1\nREPORT RequestId: slow-1\tDuration: /,
    );
    const report = parseTextReport(first.log);
    expect(report).toMatchObject({ durationMs: first.durationMs, initDurationMs: undefined, status: undefined });
    expect(first.billedDurationMs).toBe(billedDurationMs(first.durationMs));
    // The environment the retry made is kept: the next invocation is warm and quick.
    const second = await pool.invoke(slowInit(800, 5), event({}), 'slow-2');
    expect(second.initDurationMs).toBeUndefined();
    expect(second.log).not.toContain('INIT_REPORT');
    expect(second.log).not.toContain('init: sleeping');
  });

  it("times the invocation out when the retried init uses up the function's timeout", async () => {
    const result = await pool.invoke(slowInit(2500, 1), event({}), 'slow-3');
    expect(result.errorType).toBe('Sandbox.Timedout');
    expect(body(result)).toEqual({
      errorType: 'Sandbox.Timedout',
      errorMessage: 'RequestId: slow-3 Error: Task timed out after 1.00 seconds',
    });
    expect(result.log).toMatch(
      /INIT_REPORT Init Duration: [\d.]+ ms\tPhase: init\tStatus: timeout\nSTART RequestId: slow-3/,
    );
    expect(result.log).toMatch(
      /INIT_REPORT Init Duration: [\d.]+ ms\tPhase: invoke\tStatus: timeout\nEND RequestId: slow-3\n/,
    );
    expect(parseTextReport(result.log)).toMatchObject({ status: 'timeout' });
  });

  it('writes platform.initReport in the JSON log format', async () => {
    const result = await pool.invoke(slowInit(600, 5, 'JSON'), event({}), 'slow-4');
    const events = result.log
      .split('\n')
      .filter((line) => line.startsWith('{"time"'))
      .map((line) => JSON.parse(line) as { type: string; record: Record<string, unknown> });
    expect(events.map((e) => e.type)).toEqual([
      'platform.initReport',
      'platform.start',
      'platform.runtimeDone',
      'platform.report',
    ]);
    expect(events[0]?.record).toMatchObject({
      initializationType: 'on-demand',
      phase: 'init',
      status: 'timeout',
      metrics: { durationMs: expect.any(Number) },
    });
    expect(events[3]?.record['metrics']).not.toHaveProperty('initDurationMs');
  });

  it('returns a response of 6291556 bytes and refuses one byte more, as Lambda does', async () => {
    const codeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lpg-response-'));
    try {
      // The handler returns a string of `bytes` - 2 characters: its JSON (with the quotes) is `bytes` long.
      fs.writeFileSync(
        path.join(codeDir, 'index.mjs'),
        "export const handler = async (event) => 'r'.repeat(event.bytes - 2);\n",
      );
      const fn = spec('response-limit', 512, { codeDir });
      const fits = await pool.invoke(fn, event({ bytes: 6291556 }), 'resp-1');
      expect(fits.functionError).toBeUndefined();
      expect(fits.payload.length).toBe(6291556);
      const over = await pool.invoke(fn, event({ bytes: 6291557 }), 'resp-2');
      expect(body(over)).toEqual({
        errorType: 'Function.ResponseSizeTooLarge',
        errorMessage: 'Response payload size exceeded maximum allowed payload size (6291556 bytes).',
      });
    } finally {
      fs.rmSync(codeDir, { recursive: true, force: true });
    }
  });
});
