// x86_64 against arm64 (issue 17): does the recommendation pick the right (architecture, memory) pair, and what does
// the comparison cost against two separate runs? On the emulator, two sample functions, each deployed twice (x86_64
// and arm64, the same code), with their declared arm64 speed (emulator/functions/*/function.json):
//   primes  arm64 at 0.95× the speed, 0.8× the price: arm64 is ~16% cheaper   → the right pair is on arm64
//   matrix  arm64 at 0.6× the speed (numeric code):   arm64 is ~33% dearer    → the right pair is on x86_64
// Each repeat, per sample, in alternating order:
//   together   the action's way: both deployments in one run, invocations taking turns (tuneTogether), the pair
//              from gate/architectures.ts (the other architecture only when its interval says it is better)
//   separate   two separate runs, one per deployment, one after the other; the pair is the cheaper of the two
//              recommendations by their point estimates (what a user comparing two runs by hand would do)
// "Right": the pair's architecture is the right one, and its true cost — the mean cost at that (architecture,
// memory) over every sample of every repeat of both ways — is within --tolerance of the cheapest pair's true cost
// (CPU-bound code costs about the same at every memory size below one vCPU, so near-ties are the rule there).
//
//   npx tsx bench/architectures.ts [--repeats 20] [--invocations 10] [--power-values 512,1024,2048]
//                                  [--tolerance 3] [--samples primes,matrix]
//   npm run bench -- architectures

import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { compareArchitectures } from '../src/gate/architectures.js';
import { otherArchitectureSubject } from '../src/gate/arch-run.js';
import { tune, tuneTogether } from '../src/tuning/tuner.js';
import type { Architecture, RunResult } from '../src/types.js';
import { heading, machineNote, median, note, startBenchEmulator, sum, table, tuningSettings, wilson } from './lib.js';

const { values: args } = parseArgs({
  options: {
    repeats: { type: 'string', default: '20' },
    invocations: { type: 'string', default: '10' },
    'power-values': { type: 'string', default: '512,1024,2048' },
    tolerance: { type: 'string', default: '3' },
    samples: { type: 'string', default: 'primes,matrix' },
  },
});

const REPEATS = Number(args.repeats);
const INVOCATIONS = Number(args.invocations);
const POWER_VALUES = String(args['power-values']).split(',').map(Number);
const TOLERANCE = Number(args.tolerance) / 100;
const CONFIGURED_MB = 1024;

interface SampleSpec {
  name: string;
  right: Architecture;
  environment: Record<string, string>;
}

const SAMPLES: SampleSpec[] = (
  [
    // Enough CPU work that compute, not the $0.20 per 1M request price, is most of the cost at 512 MB.
    { name: 'primes', right: 'arm64', environment: { PRIMES_N: '4', PRIMES_M: '1000000' } },
    { name: 'matrix', right: 'x86_64', environment: { MATRIX_SIZE: '200' } },
  ] as const satisfies readonly SampleSpec[]
).filter((sample) => String(args.samples).split(',').includes(sample.name));

interface Pick {
  architecture: Architecture;
  memoryMb: number;
}

interface Observation {
  sample: string;
  way: 'together' | 'separate';
  pick: Pick | null;
  invocations: number;
  wallMs: number;
  runs: RunResult[];
}

const invocationsOf = (runs: readonly RunResult[]): number =>
  sum(runs.flatMap((run) => run.powerValues.map((entry) => entry.invocations)));

/** The cheaper of two runs' recommendations by their point estimates (cold starts included when both have them). */
function naivePick(x86: RunResult, arm: RunResult): Pick | null {
  const cost = (run: RunResult) =>
    run.recommendation
      ? (run.recommendation.expectedCostPerInvocationUsd ?? run.recommendation.costPerInvocationUsd)
      : Infinity;
  const best = cost(arm) < cost(x86) ? arm : x86;
  return best.recommendation
    ? { architecture: best.function.architecture, memoryMb: best.recommendation.memoryMb }
    : null;
}

async function main(): Promise<void> {
  const bench = await startBenchEmulator({ updateDelayMs: 50, sampleFunctions: false });
  const { emulator, deps } = bench;
  for (const sample of SAMPLES) {
    for (const architecture of ['x86_64', 'arm64'] as const)
      await emulator.createFunction({
        name: `${sample.name}-${architecture}`,
        sample: sample.name,
        architecture,
        memoryMb: CONFIGURED_MB,
        timeoutSec: 60,
        environment: sample.environment,
      });
  }
  const settingsOf = (name: string) =>
    tuningSettings(name, emulator, { powerValuesMb: POWER_VALUES, invocationsPerValue: INVOCATIONS, concurrency: 1 });
  const observations: Observation[] = [];
  note(
    `${REPEATS} repeats × ${SAMPLES.length} samples, ${POWER_VALUES.join(', ')} MB × ${INVOCATIONS}; ${machineNote()}`,
  );
  for (let repeat = 0; repeat < REPEATS; repeat++) {
    for (const sample of SAMPLES) {
      const x86Name = `${sample.name}-x86_64`;
      const armName = `${sample.name}-arm64`;
      const together = async () => {
        const started = performance.now();
        const other = {
          functionName: armName,
          source: 'compare-function' as const,
          input: 'compare-function',
          dispose: async () => undefined,
        };
        const runs = await tuneTogether(
          [{ settings: settingsOf(x86Name) }, otherArchitectureSubject(settingsOf(x86Name), other)],
          deps,
        );
        const [own, arm] = runs as [RunResult, RunResult];
        const pair = compareArchitectures(own, arm, { confidence: 0.95, source: 'compare-function' }).recommendation;
        observations.push({
          sample: sample.name,
          way: 'together',
          pick: pair ? { architecture: pair.architecture, memoryMb: pair.memoryMb } : null,
          invocations: invocationsOf(runs),
          wallMs: performance.now() - started,
          runs,
        });
      };
      const separate = async () => {
        const started = performance.now();
        const x86 = await tune(settingsOf(x86Name), deps);
        const arm = await tune(settingsOf(armName), deps);
        observations.push({
          sample: sample.name,
          way: 'separate',
          pick: naivePick(x86, arm),
          invocations: invocationsOf([x86, arm]),
          wallMs: performance.now() - started,
          runs: [x86, arm],
        });
      };
      // Alternate which way goes first, so a drift of the machine's load does not favour one.
      if (repeat % 2 === 0) {
        await together();
        await separate();
      } else {
        await separate();
        await together();
      }
    }
    note(`repeat ${repeat + 1}/${REPEATS} done; ${machineNote()}`);
  }
  await bench.close();
  report(observations);
}

/** Mean warm cost per invocation at each (architecture, memory), over every run of every repeat. */
function trueCosts(observations: readonly Observation[], sample: string): Map<string, number> {
  const pooled = new Map<string, number[]>();
  for (const observation of observations.filter((o) => o.sample === sample)) {
    for (const run of observation.runs) {
      for (const entry of run.powerValues) {
        if (entry.costPerInvocationUsd === null) continue;
        const key = `${run.function.architecture}@${entry.memoryMb}`;
        pooled.set(key, [...(pooled.get(key) ?? []), entry.costPerInvocationUsd]);
      }
    }
  }
  return new Map([...pooled].map(([key, values]) => [key, sum(values) / values.length]));
}

function report(observations: readonly Observation[]): void {
  heading(`x86_64 against arm64: the right pair, and the comparison's cost (${machineNote()})`);
  const rows: string[][] = [];
  for (const sample of SAMPLES) {
    const costs = trueCosts(observations, sample.name);
    const best = Math.min(...costs.values());
    const bestKey = [...costs].find(([, value]) => value === best)?.[0] ?? '?';
    note(
      `${sample.name}: true cost per 1M by pair ${[...costs]
        .sort()
        .map(([key, value]) => `${key} $${(value * 1e6).toFixed(3)}`)
        .join(', ')}; cheapest ${bestKey}`,
    );
    for (const way of ['together', 'separate'] as const) {
      const mine = observations.filter((o) => o.sample === sample.name && o.way === way);
      const right = mine.filter((o) => {
        if (!o.pick || o.pick.architecture !== sample.right) return false;
        const cost = costs.get(`${o.pick.architecture}@${o.pick.memoryMb}`);
        return cost !== undefined && cost <= best * (1 + TOLERANCE);
      }).length;
      const rightArchitecture = mine.filter((o) => o.pick?.architecture === sample.right).length;
      const [low, high] = wilson(right, mine.length);
      rows.push([
        sample.name,
        way,
        `${right}/${mine.length} (${(low * 100).toFixed(0)}–${(high * 100).toFixed(0)} %)`,
        `${rightArchitecture}/${mine.length}`,
        String(median(mine.map((o) => o.invocations))),
        `${(median(mine.map((o) => o.wallMs)) / 1000).toFixed(1)} s`,
      ]);
    }
  }
  console.log(
    table(['sample', 'way', 'right pair (95% CI)', 'right architecture', 'invocations', 'wall time (median)'], rows),
  );
  const ratio = (way: 'together' | 'separate', pick: (o: Observation) => number) =>
    median(observations.filter((o) => o.way === way).map(pick));
  console.log(
    `\nTogether against separate: invocations ${(ratio('together', (o) => o.invocations) / ratio('separate', (o) => o.invocations)).toFixed(2)}×, wall time ${(ratio('together', (o) => o.wallMs) / ratio('separate', (o) => o.wallMs)).toFixed(2)}× (medians over both samples); ${machineNote()}`,
  );
}

await main();
