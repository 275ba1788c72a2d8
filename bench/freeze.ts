// What freezing idle execution environments changes in the emulator (emulator/README.md, "Frozen between
// invocations"). Lambda freezes an environment as soon as it has answered; the emulator does the same with
// SIGSTOP/SIGCONT unless started with freezeIdle: false. Unfrozen, a runtime's background work (V8's garbage
// collector and JIT compiler threads, the handler's timers) goes on while the environment waits, unmeasured, so a
// function's measured duration depends on how long it idles between invocations — which is exactly what differs
// between a function invoked back to back and one taking turns with another, as the live gate's A/B does.
//
// For each mode, the same `primes` function at one memory size:
//   alone   N invocations back to back
//   turns   N invocations taking turns with a twin function (the live gate's pattern); the function's own figures
//   paced   N invocations with an idle pause of its own typical duration after each
// and the figures: median Duration, the spread (sd of log Duration), and the alone/turns ratio of medians, which is
// 1 when the idle time between invocations does not matter.
//
//   npx tsx bench/freeze.ts [--invocations 60] [--memory 1769] [--n 100] [--m 100000] [--repeats 3]

import { InvokeCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import { parseArgs } from 'node:util';
import { parseReport } from '../src/tuning/logs.js';
import { heading, machineNote, note, startBenchEmulator, table } from './lib.js';

const { values: args } = parseArgs({
  options: {
    invocations: { type: 'string', default: '60' },
    memory: { type: 'string', default: '1769' },
    n: { type: 'string', default: '100' },
    m: { type: 'string', default: '100000' },
    repeats: { type: 'string', default: '3' },
  },
});
const INVOCATIONS = Number(args.invocations);
const MEMORY_MB = Number(args.memory);
const REPEATS = Number(args.repeats);

async function invoke(client: LambdaClient, name: string): Promise<number> {
  const response = await client.send(
    new InvokeCommand({ FunctionName: name, LogType: 'Tail', Payload: new TextEncoder().encode('{}') }),
  );
  const report = parseReport(Buffer.from(response.LogResult ?? '', 'base64').toString('utf8'));
  if (!report) throw new Error(`no REPORT line from ${name}`);
  return report.durationMs;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};
const logSd = (values: number[]) => {
  const logs = values.map((value) => Math.log(value));
  const mean = logs.reduce((sum, value) => sum + value, 0) / logs.length;
  return Math.sqrt(logs.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (logs.length - 1));
};

type Pattern = 'alone' | 'turns' | 'paced';

async function measure(freezeIdle: boolean, repeat: number): Promise<Record<Pattern, number[]>> {
  // One core stays free for the emulator's server and this process, as in bench/gate.ts.
  const bench = await startBenchEmulator({ updateDelayMs: 50, reservedCores: 1, freezeIdle });
  try {
    const environment = { PRIMES_N: String(args.n), PRIMES_M: String(args.m) };
    // Fresh functions per mode and repeat: each pattern starts from a cold environment of its own.
    const names = (pattern: Pattern) => [`primes-${pattern}-${repeat}`, `primes-${pattern}-${repeat}-twin`];
    const out: Record<Pattern, number[]> = { alone: [], turns: [], paced: [] };
    for (const pattern of ['alone', 'turns', 'paced'] as const) {
      const [name, twin] = names(pattern) as [string, string];
      await bench.emulator.createFunction({ name, sample: 'primes', memoryMb: MEMORY_MB, environment });
      await bench.emulator.createFunction({ name: twin, sample: 'primes', memoryMb: MEMORY_MB, environment });
      await invoke(bench.client, name);
      await invoke(bench.client, twin);
      for (let index = 0; index < INVOCATIONS; index++) {
        const duration = await invoke(bench.client, name);
        out[pattern].push(duration);
        if (pattern === 'turns') await invoke(bench.client, twin);
        if (pattern === 'paced') await sleep(duration);
      }
    }
    return out;
  } finally {
    await bench.close();
  }
}

async function main(): Promise<void> {
  note(
    `${INVOCATIONS} warm invocations per pattern, primes n=${args.n} m=${args.m} at ${MEMORY_MB} MB, ${REPEATS} repeats per mode; ${machineNote()}`,
  );
  const rows: string[][] = [];
  // Modes alternate within each repeat, so slow drift of the machine hits both alike.
  const results: Record<'frozen' | 'unfrozen', Record<Pattern, number[]>> = {
    frozen: { alone: [], turns: [], paced: [] },
    unfrozen: { alone: [], turns: [], paced: [] },
  };
  for (let repeat = 0; repeat < REPEATS; repeat++) {
    for (const mode of ['frozen', 'unfrozen'] as const) {
      const measured = await measure(mode === 'frozen', repeat);
      for (const pattern of ['alone', 'turns', 'paced'] as const) results[mode][pattern].push(...measured[pattern]);
    }
    note(`repeat ${repeat + 1}/${REPEATS} done`);
  }
  for (const mode of ['frozen', 'unfrozen'] as const) {
    const figures = results[mode];
    rows.push([
      mode,
      ...(['alone', 'turns', 'paced'] as const).map(
        (pattern) => `${median(figures[pattern]).toFixed(1)} ms (sd ${logSd(figures[pattern]).toFixed(2)})`,
      ),
      (median(figures.alone) / median(figures.turns)).toFixed(2),
      (median(figures.paced) / median(figures.turns)).toFixed(2),
    ]);
  }
  heading(`Freezing idle environments: median Duration (sd of log Duration) at ${MEMORY_MB} MB`);
  console.log(
    table(
      ['emulator', 'back to back', 'taking turns', 'paced (idle = own duration)', 'alone / turns', 'paced / turns'],
      rows,
    ),
  );
  console.log(
    `\n1.00 means the idle time between invocations does not change what is measured, as on Lambda. ${machineNote()}.`,
  );
}

await main();
