// What cold starts add to the bill of the demo's functions (issue 16): the monthly projection without INIT (warm
// cost only, as before) and with it at 1% and 10% cold starts (expected cost = warm + rate × a cold start's extra
// billed cost, src/tuning/cold-cost.ts), at the configured 1024 MB and at the recommendation of the cost strategy.
//
// The demo's workloads (demo/demo.ts): the primes sample at PRIMES_N 10, PRIMES_M 500000, with WORK_MULTIPLIER 1
// (checkout, and every staging function), 1.5 (search, PR #43) and 0.5 (report, PR #43), 10,000,000 invocations a
// month, memory sizes 128, 512, 1024 and 1769 MB. Each is tuned once with the real engine on the emulator; the
// extra of a cold start is measured from each memory size's first invocation (a fresh version: a cold start).
//
//   npx tsx bench/init-cost.ts [--invocations 8] [--repeats 1]
//
// The machine is shared (other engineers' tests run beside it): the figures move with its load, which is printed.

import { parseArgs } from 'node:util';
import { recommend } from '../src/tuning/analyze.js';
import { withColdStartCosts } from '../src/tuning/cold-cost.js';
import { tune } from '../src/tuning/tuner.js';
import type { PowerValueResult, RunResult } from '../src/types.js';
import { heading, machineNote, note, startBenchEmulator, table, tuningSettings } from './lib.js';

const { values: flags } = parseArgs({
  options: {
    invocations: { type: 'string', default: '8' },
    repeats: { type: 'string', default: '1' },
  },
});

const MONTHLY = 10_000_000;
const CONFIGURED_MB = 1024;
const RATES = [0.01, 0.1] as const;
const WORKLOADS = [
  { name: 'checkout (and every staging function)', multiplier: '1' },
  { name: 'search, PR #43 (50% more work)', multiplier: '1.5' },
  { name: 'report, PR #43 (half the work)', multiplier: '0.5' },
];

const usd = (value: number | null | undefined): string =>
  value === null || value === undefined ? 'unknown' : `$${value.toFixed(2)}`;
const ms = (value: number | null | undefined): string =>
  value === null || value === undefined ? '–' : `${value.toFixed(0)} ms`;

function at(powerValues: readonly PowerValueResult[], memoryMb: number): PowerValueResult | undefined {
  return powerValues.find((entry) => entry.memoryMb === memoryMb);
}

async function main(): Promise<void> {
  const invocations = Number(flags.invocations);
  const repeats = Number(flags.repeats);
  const bench = await startBenchEmulator({ updateDelayMs: 0 });
  try {
    heading(
      `Monthly cost with and without INIT, demo workloads (primes), ${MONTHLY.toLocaleString('en-US')} invocations/month`,
    );
    const projectionRows: string[][] = [];
    const perSizeRows: string[][] = [];
    for (const [index, workload] of WORKLOADS.entries()) {
      const name = `init-cost-${index}`;
      bench.emulator.createFunction({
        name,
        sample: 'primes',
        memoryMb: CONFIGURED_MB,
        environment: { PRIMES_N: '10', PRIMES_M: '500000', WORK_MULTIPLIER: workload.multiplier },
      });
      for (let repeat = 0; repeat < repeats; repeat++) {
        const settings = tuningSettings(name, bench.emulator, {
          powerValuesMb: [128, 512, 1024, 1769],
          invocationsPerValue: invocations,
          payloads: [{ payload: '{"orderId": "demo"}', weight: 1 }],
          monthlyInvocations: MONTHLY,
        });
        const result: RunResult = await tune(settings, { ...bench.deps, runId: `initcost${index}r${repeat}` });
        const label = repeats > 1 ? `${workload.name} #${repeat + 1}` : workload.name;
        for (const entry of result.powerValues) {
          perSizeRows.push([
            label,
            `${entry.memoryMb} MB`,
            ms(entry.billedDurationMs),
            ms(entry.coldStart?.mean),
            ms(entry.coldStartCost?.extraBilledMs),
            entry.coldStartCost?.source ?? '–',
          ]);
        }
        const byRate = RATES.map((rate) => withColdStartCosts(result.powerValues, rate, result.prices, settings));
        const warmRec = recommend(result.powerValues, { strategy: 'cost', balancedWeight: 0.5 });
        const places: { where: string; memoryMb: number | undefined }[] = [
          { where: `configured ${CONFIGURED_MB} MB`, memoryMb: CONFIGURED_MB },
          { where: `recommended (warm cost) ${warmRec?.memoryMb ?? '?'} MB`, memoryMb: warmRec?.memoryMb },
        ];
        for (const place of places) {
          if (place.memoryMb === undefined) continue;
          const warm = at(result.powerValues, place.memoryMb)?.costPerInvocationUsd ?? null;
          const expected = byRate.map((values) => {
            const cost = at(values, place.memoryMb ?? 0)?.expectedCostPerInvocationUsd;
            return cost === null || cost === undefined ? null : cost * MONTHLY;
          });
          const warmMonthly = warm === null ? null : warm * MONTHLY;
          projectionRows.push([
            label,
            place.where,
            usd(warmMonthly),
            ...expected.flatMap((value) => [
              usd(value),
              value === null || warmMonthly === null || warmMonthly === 0
                ? '–'
                : `+${((value / warmMonthly - 1) * 100).toFixed(1)}%`,
            ]),
          ]);
        }
        const recAt = byRate.map(
          (values, i) =>
            `${(RATES[i] ?? 0) * 100}%: ${recommend(values, { strategy: 'cost', balancedWeight: 0.5 })?.memoryMb ?? '?'} MB`,
        );
        note(
          `${label}: cost strategy with cold starts recommends ${recAt.join(', ')} (warm: ${warmRec?.memoryMb ?? '?'} MB)`,
        );
      }
    }
    console.log(
      table(['Workload', 'Where', 'Monthly, no INIT', 'With 1% cold', 'Δ', 'With 10% cold', 'Δ'], projectionRows),
    );
    console.log('');
    console.log(
      table(['Workload', 'Memory', 'Warm billed', 'Init Duration', 'Cold extra billed', 'Extra is'], perSizeRows),
    );
    console.log('');
    note(
      `${invocations} invocations per memory size (the demo's), one cold start each (a fresh version); ${machineNote()}`,
    );
  } finally {
    await bench.close();
  }
}

await main();
