// Benchmark 3: the engine's own overhead on the runner — CPU ms per invocation and peak memory — for 10 power
// values × 500 invocations of the no-op function.
//
// Two clients, side by side in one run:
// - the real @aws-sdk/client-lambda over HTTP to the emulator, which runs in a child process (so its CPU, and its
//   sandboxes', are not counted here): the engine plus the SDK and HTTP, as on a runner;
// - an in-process fake client answering at once with a canned REPORT: the engine alone.
// CPU is process.cpuUsage() (user + system) around tune(); memory is the growth of RSS and of the V8 heap over
// their values before tune(), sampled every 100 ms, plus process.resourceUsage().maxRSS for the whole process.
//
//   npm run bench -- overhead [--quick]

import {
  CreateAliasCommand,
  DeleteAliasCommand,
  DeleteFunctionCommand,
  GetFunctionCommand,
  GetFunctionConfigurationCommand,
  InvokeCommand,
  ListAliasesCommand,
  ListVersionsByFunctionCommand,
  LambdaClient,
  PublishVersionCommand,
  UpdateFunctionConfigurationCommand,
  type FunctionConfiguration,
} from '@aws-sdk/client-lambda';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import { tune } from '../src/tuning/tuner.js';
import type { TuningSettings } from '../src/types.js';
import { heading, machineNote, note, quietLogger, seconds, table } from './lib.js';
import { tuningSettings } from '../emulator/fixtures/settings.js';

export interface OverheadOptions {
  invocations: number;
  powerValuesMb: number[];
}

export const OVERHEAD_DEFAULTS: OverheadOptions = {
  invocations: 500,
  powerValuesMb: [128, 192, 256, 384, 512, 768, 1024, 1536, 2048, 3008],
};

const EMULATOR_CLI = fileURLToPath(new URL('../emulator/cli.ts', import.meta.url));

interface Measurement {
  client: string;
  invocations: number;
  wallMs: number;
  cpuMs: number;
  rssGrowthMb: number;
  heapGrowthMb: number;
  /** Heap still used after a full GC, the result held. */
  retainedMb: number;
  /** CPU of the emulator's own process (not its sandboxes), when it runs in a child. */
  emulatorCpuMs?: number;
}

function settingsFor(options: OverheadOptions, endpoint?: string): TuningSettings {
  return tuningSettings({
    functionName: 'noop',
    ...(endpoint ? { endpoint } : {}),
    powerValuesMb: options.powerValuesMb,
    invocationsPerValue: options.invocations,
    concurrency: 10,
  });
}

// A full GC on demand, without starting node with --expose-gc: heap figures then start from live objects only.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/** CPU and memory of this process around fn. */
async function measure(
  client: string,
  invocations: number,
  fn: () => Promise<unknown>,
  emulatorCpu?: () => number,
): Promise<Measurement> {
  gc();
  const rssBefore = process.memoryUsage().rss;
  const heapBefore = process.memoryUsage().heapUsed;
  let rssPeak = rssBefore;
  let heapPeak = heapBefore;
  // Every 100 ms: memoryUsage() has a CPU cost of its own, which would count as the engine's.
  const sampler = setInterval(() => {
    const usage = process.memoryUsage();
    rssPeak = Math.max(rssPeak, usage.rss);
    heapPeak = Math.max(heapPeak, usage.heapUsed);
  }, 100);
  const emulatorBefore = emulatorCpu?.();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  let result: unknown;
  try {
    result = await fn();
  } finally {
    clearInterval(sampler);
  }
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const usage = process.memoryUsage();
  rssPeak = Math.max(rssPeak, usage.rss);
  heapPeak = Math.max(heapPeak, usage.heapUsed);
  gc();
  // What the run leaves behind while its result is still held: the samples, the statistics.
  const retainedMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  void result;
  const measurement: Measurement = {
    client,
    invocations,
    wallMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    rssGrowthMb: (rssPeak - rssBefore) / 2 ** 20,
    heapGrowthMb: (heapPeak - heapBefore) / 2 ** 20,
    retainedMb,
  };
  if (emulatorCpu && emulatorBefore !== undefined) measurement.emulatorCpuMs = emulatorCpu() - emulatorBefore;
  return measurement;
}

/**
 * A Lambda that answers every call at once with what the engine needs: the protocol, nothing behind it. A plain
 * object with send(), not aws-sdk-client-mock, whose argument matching would add its own CPU to every call.
 */
function fakeClient(): LambdaClient {
  let revision = 1;
  let nextVersion = 1;
  const latest: FunctionConfiguration = {
    FunctionName: 'noop',
    FunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:noop',
    MemorySize: 128,
    Description: '',
    Timeout: 30,
    Architectures: ['x86_64'],
    LastUpdateStatus: 'Successful',
    RevisionId: 'r1',
  };
  const memoryOfVersion = new Map<string, number>();
  const versionOfAlias = new Map<string, string>();
  const logResultFor = new Map<number, string>();
  const logResult = (memoryMb: number) => {
    let text = logResultFor.get(memoryMb);
    if (text === undefined) {
      text = Buffer.from(
        `START RequestId: r Version: 1\nEND RequestId: r\nREPORT RequestId: r\tDuration: 1.23 ms\tBilled Duration: 2 ms\tMemory Size: ${memoryMb} MB\tMax Memory Used: 60 MB\t\n`,
      ).toString('base64');
      logResultFor.set(memoryMb, text);
    }
    return text;
  };
  const payload = new TextEncoder().encode('{"statusCode":200}');
  const send = async (command: object): Promise<unknown> => {
    const input = (command as { input: Record<string, unknown> }).input;
    if (command instanceof InvokeCommand) {
      const memoryMb = memoryOfVersion.get(versionOfAlias.get(String(input.Qualifier)) ?? '') ?? 128;
      return { StatusCode: 200, LogResult: logResult(memoryMb), Payload: payload };
    }
    if (command instanceof GetFunctionConfigurationCommand) return { ...latest };
    if (command instanceof GetFunctionCommand) return { Configuration: { ...latest } };
    if (command instanceof UpdateFunctionConfigurationCommand) {
      if (typeof input.MemorySize === 'number') latest.MemorySize = input.MemorySize;
      if (typeof input.Description === 'string') latest.Description = input.Description;
      latest.RevisionId = `r${++revision}`;
      return { ...latest };
    }
    if (command instanceof PublishVersionCommand) {
      const version = String(nextVersion++);
      memoryOfVersion.set(version, latest.MemorySize ?? 128);
      return { ...latest, Version: version, Description: input.Description };
    }
    if (command instanceof CreateAliasCommand) {
      versionOfAlias.set(String(input.Name), String(input.FunctionVersion));
      return {};
    }
    if (command instanceof DeleteAliasCommand) {
      versionOfAlias.delete(String(input.Name));
      return {};
    }
    if (command instanceof DeleteFunctionCommand) {
      memoryOfVersion.delete(String(input.Qualifier));
      return {};
    }
    // The engine looks for what a killed run left before it starts (recovery.ts), and lists its own at clean-up.
    if (command instanceof ListAliasesCommand) {
      return { Aliases: [...versionOfAlias].map(([Name, FunctionVersion]) => ({ Name, FunctionVersion })) };
    }
    if (command instanceof ListVersionsByFunctionCommand) {
      return {
        Versions: [
          { ...latest, Version: '$LATEST' },
          ...[...memoryOfVersion.keys()].map((Version) => ({ ...latest, Version })),
        ],
      };
    }
    throw new Error(`the fake client does not know ${command.constructor.name}`);
  };
  return { send, destroy: () => {}, config: {} } as unknown as LambdaClient;
}

interface ChildEmulator {
  endpoint: string;
  child: ChildProcess;
  /** utime + stime of the emulator's own process (Linux /proc), ms. */
  cpuMs(): number;
  stop(): Promise<void>;
}

async function startChildEmulator(): Promise<ChildEmulator> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', EMULATOR_CLI, '--port', '0', '--update-delay-ms', '50', '--quiet'],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const endpoint = await new Promise<string>((resolve, reject) => {
    let text = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      text += chunk;
      const match = /Lambda emulator: (http:\/\/\S+)/.exec(text);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`the emulator exited with ${code} before it listened`)));
  });
  const ticksPerMs = 100 / 1000; // USER_HZ is 100 on Linux
  return {
    endpoint,
    child,
    cpuMs: () => {
      try {
        // Fields 14 and 15 of /proc/<pid>/stat (after the command in parentheses): utime, stime in clock ticks.
        const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8')
          .replace(/^.*\) /, '')
          .split(' ');
        return (Number(fields[11]) + Number(fields[12])) / ticksPerMs;
      } catch {
        return NaN;
      }
    },
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export async function runOverhead(options: OverheadOptions = OVERHEAD_DEFAULTS): Promise<void> {
  heading('3. The engine’s own overhead: CPU per invocation and peak memory');
  const total = options.invocations * options.powerValuesMb.length;
  const before = machineNote();
  const results: Measurement[] = [];

  note(`overhead: fake client, ${total} invocations`);
  const fake = fakeClient();
  // A warm-up run first, so both measurements see code the JIT has already compiled.
  await tune(
    { ...settingsFor({ ...options, invocations: 20 }) },
    { client: fake, logger: quietLogger, waiterMinDelaySec: 0.01 },
  );
  results.push(
    await measure('fake client (the engine alone)', total, () =>
      tune(settingsFor(options), { client: fake, logger: quietLogger, waiterMinDelaySec: 0.01 }),
    ),
  );

  note('overhead: starting the emulator in a child process');
  const emulator = await startChildEmulator();
  const client = new LambdaClient({
    region: 'us-east-1',
    endpoint: emulator.endpoint,
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
  });
  try {
    const deps = { client, logger: quietLogger, waiterMinDelaySec: 0.05 };
    await tune(settingsFor({ ...options, invocations: 20 }, emulator.endpoint), deps);
    note(`overhead: real SDK over HTTP to the emulator, ${total} invocations`);
    results.push(
      await measure(
        'SDK over HTTP (emulator in a child)',
        total,
        () => tune(settingsFor(options, emulator.endpoint), deps),
        () => emulator.cpuMs(),
      ),
    );
  } finally {
    client.destroy();
    await emulator.stop();
  }

  console.log(
    `noop, ${options.powerValuesMb.length} power values (${options.powerValuesMb.join(', ')} MB) × ${options.invocations} invocations = ${total}; ` +
      `serial per power value, power values side by side (concurrency 10). Before: ${before}.\n`,
  );
  console.log(
    table(
      [
        'client',
        'wall',
        'engine CPU',
        'CPU per invocation',
        'RSS growth (peak)',
        'heap growth (peak)',
        'heap retained',
        'emulator process CPU per invocation',
      ],
      results.map((m) => [
        m.client,
        seconds(m.wallMs),
        `${m.cpuMs.toFixed(0)} ms`,
        `${(m.cpuMs / m.invocations).toFixed(3)} ms`,
        `${m.rssGrowthMb.toFixed(1)} MB`,
        `${m.heapGrowthMb.toFixed(1)} MB`,
        `${m.retainedMb.toFixed(1)} MB`,
        m.emulatorCpuMs === undefined ? '—' : `${(m.emulatorCpuMs / m.invocations).toFixed(3)} ms`,
      ]),
    ),
  );
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  console.log(
    `\nThis process's peak RSS over its whole life (tsx and every benchmark so far included): ${maxRssMb.toFixed(0)} MB. After: ${machineNote()}.`,
  );
}
