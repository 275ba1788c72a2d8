// The false-alarm campaign of the live gate (issue 13): how often the unchanged sampling rule and verdict fail or
// warn identical code, with intervals narrow enough to show 1%, and how often they catch +10% and +25%.
//
// 40 live repeats bound a rate at 9%; a thousand replays can bound it at 1%. So the gate's own decision code is
// replayed on measured data:
//   collect   live A/A runs on the emulator (two functions, same code, invocations taking turns as the live gate
//             runs them): for each workload and memory size, the planned invocations and 24 more environment blocks
//             per function, every sample kept, per environment. Written to --data (JSON).
//   replay    new A/A pairs made by resampling whole environments — pairs of blocks measured in the same time window,
//             the side each went to drawn at random — never single invocations: environments differ persistently,
//             and resampling invocations would hide exactly that. The live gate's rule (nextGateRound) asks for
//             more environments round by round, each served from the pool, and compareRuns gives the verdict,
//             exactly as in a run. Detection: the PR side's samples scaled by 1.10 or 1.25 (durations and Init,
//             billed duration recomputed as Lambda bills it: whole milliseconds, at least 1).
//
//   npx tsx bench/gate-replay.ts collect [--data bench/data/gate-pools.json] [--blocks 24] [--workloads noop,network,primes]
//                                        [--power-values 128,512,1769] [--reserved-cores 1]
//   npx tsx bench/gate-replay.ts replay  [--data FILE[,FILE…]] [--pools primes,noop:128] [--replays 1000]
//                                        [--detection-replays 400] [--seed 1]
//   npx tsx bench/gate-replay.ts live    [--repeats 20] [--workload noop] [--invocations 4] [--max-invocations 16]
//                                        [--power-values 128,256,1024] [--policies after|before,after] — the issue's
//                                        repro, as a user runs it: live A/A through the action's flow, counted
//                                        verdicts; with before,after the repeats alternate the two policies.
//   npx tsx bench/gate-replay.ts campaign [--data FILE[,FILE…]] [--replays 1000] [--detection-replays 400]
//                                        [--configured 1769,128] [--power-values 128,256,…] [--pools primes,…]
//                                        [--policies before,after,after+full-curve,…] [--seed 1] — issue 20: the live gate's cost before
//                                        and after, in one run. A whole gated PR is replayed: the PR's plan at every
//                                        pooled memory size of a workload (128, 512, 1769 MB), the baseline's plan
//                                        (before: every size; after: its configured memory only), the gate's rounds
//                                        served from the pools at whatever memory sizes the policy asks for, and the
//                                        verdict. Both policies replay the same draws (one seed), at the defaults.
//
// Settings replayed (the gate's default limits: cost 5% / duration 10%, warn at half, 95% confidence):
//   defaults       invocations 10, gate-max-invocations 200
//   demo           invocations 8, gate-max-invocations 130 (what npm run demo uses)
//   cheapest fail  invocations 4, gate-max-invocations 64 (the least that can reach the 7 environments a fail needs)
//   repro          invocations 4, gate-max-invocations 16 (the repro: room for one block, so at most warn)

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { compareRuns } from '../src/gate/compare.js';
import { reducedBaseline, tuneWithLiveBaseline } from '../src/gate/live.js';
import {
  gateSampling,
  LIVE_GATE_POLICY,
  nextGateRound,
  POLICY_BEFORE,
  type ComparedAt,
  type LiveGatePolicy,
} from '../src/gate/sequential.js';
import { silentLogger } from '../src/lib/ports.js';
import type { ExtraSampling } from '../src/tuning/rounds/environment-blocks.js';
import { tuneTogether } from '../src/tuning/tuner.js';
import type { GateSettings, RunResult, Sample } from '../src/types.js';
import { makeRun } from '../emulator/fixtures/runs.js';
import { gateSettings, tuningSettings as fixtureTuning } from '../emulator/fixtures/settings.js';
import { heading, machineNote, note, seededRandom, startBenchEmulator, table, tuningSettings, wilson } from './lib.js';

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    data: { type: 'string', default: join(dirname(new URL(import.meta.url).pathname), 'data', 'gate-pools.json') },
    blocks: { type: 'string', default: '24' },
    workloads: { type: 'string', default: 'noop,network,primes' },
    'power-values': { type: 'string' },
    'reserved-cores': { type: 'string', default: '1' },
    replays: { type: 'string', default: '1000' },
    'detection-replays': { type: 'string', default: '400' },
    seed: { type: 'string', default: '1' },
    pools: { type: 'string' },
    'show-fails': { type: 'string', default: '0' },
    repeats: { type: 'string', default: '20' },
    workload: { type: 'string', default: 'noop' },
    invocations: { type: 'string', default: '4' },
    'max-invocations': { type: 'string', default: '16' },
    policies: { type: 'string', default: 'after' },
    configured: { type: 'string', default: '1769,128' },
  },
});

/** One invocation as measured: what the gate reads of a sample. */
interface PooledSample {
  durationMs: number;
  billedDurationMs: number;
  coldStart: boolean;
  initDurationMs?: number;
}

/** Environments of one workload at one memory size: pairs[j] = [function A's block j, function B's block j]. */
interface Pool {
  workload: string;
  memoryMb: number;
  pairs: [PooledSample[], PooledSample[]][];
}

const WORKLOADS: Record<string, { sample: string; environment: Record<string, string> }> = {
  // The sub-millisecond handler of the repro.
  noop: { sample: 'noop', environment: {} },
  // A 50 ms wait for a downstream call: duration barely depends on memory.
  network: { sample: 'network', environment: { NETWORK_LATENCY_MS: '50' } },
  // CPU-bound and short: one sieve up to 200,000, 1–4 ms, so most changes are under the 1 ms floor, and at 128 MB
  // (0.07 vCPU) an invocation that meets the end of its CPU quota waits for the next period: heavy tails.
  primes: { sample: 'primes', environment: { PRIMES_N: '1', PRIMES_M: '200000' } },
  // CPU-bound as bench/gate.ts runs it: 100 sieves up to 100,000, about 70 ms at 1769 MB and 1 s at 128 MB.
  'primes-heavy': { sample: 'primes', environment: { PRIMES_N: '100', PRIMES_M: '100000' } },
};
const workloadOf = (name: string) => {
  const workload = WORKLOADS[name];
  if (!workload) throw new Error(`unknown workload ${name}: one of ${Object.keys(WORKLOADS).join(', ')}`);
  return workload;
};

// ---------------------------------------------------------------------------------------------------------
// collect

async function collect(): Promise<void> {
  const blocks = Number(args.blocks);
  const workloads = String(args.workloads).split(',');
  const powerValues = String(args['power-values'] ?? '128,512,1769')
    .split(',')
    .map(Number);
  const bench = await startBenchEmulator({ updateDelayMs: 50, reservedCores: Number(args['reserved-cores']) });
  const { emulator, deps } = bench;
  note(`emulator at ${emulator.endpoint}, CPU limits: ${emulator.cpuMode ?? 'unknown'}; ${machineNote()}`);
  const pools: Pool[] = [];
  try {
    for (const workload of workloads) {
      for (const memoryMb of powerValues) {
        const started = Date.now();
        const names = [`${workload}-${memoryMb}-a`, `${workload}-${memoryMb}-b`];
        for (const name of names)
          await emulator.createFunction({
            name,
            sample: workloadOf(workload).sample,
            memoryMb,
            environment: workloadOf(workload).environment,
          });
        const settings = (name: string) =>
          tuningSettings(name, emulator, { powerValuesMb: [memoryMb], invocationsPerValue: 10 });
        // Every round asks for more environments until `blocks` extra ones exist per function, two at a time as the
        // live gate runs them.
        let added = 0;
        const always: ExtraSampling = {
          maxInvocations: 10 + blocks * 10,
          blockInvocations: 10,
          next: () => {
            if (added >= blocks) return { pairings: [], settled: true, reason: 'pool complete' };
            const more = Math.min(8, blocks - added);
            added += more;
            return {
              pairings: [{ memoryBySubject: [memoryMb, memoryMb], environments: more }],
              settled: false,
              reason: `${more} more`,
            };
          },
        };
        const [a, b] = await tuneTogether(
          names.map((name, index) => ({ settings: settings(name), label: index === 0 ? 'a' : 'b' })),
          { ...deps, logger: silentLogger },
          undefined,
          always,
        );
        if (!a || !b) throw new Error('tuneTogether returned fewer runs than functions');
        const byBlock = (run: RunResult) => {
          const map = new Map<number, PooledSample[]>();
          for (const sample of run.powerValues[0]?.samples ?? []) {
            if (sample.errorType !== undefined) continue;
            const list = map.get(sample.environment ?? 0) ?? [];
            list.push({
              durationMs: sample.durationMs,
              billedDurationMs: sample.billedDurationMs,
              coldStart: sample.coldStart,
              ...(sample.initDurationMs !== undefined ? { initDurationMs: sample.initDurationMs } : {}),
            });
            map.set(sample.environment ?? 0, list);
          }
          return map;
        };
        const blocksA = byBlock(a);
        const blocksB = byBlock(b);
        const pairs: [PooledSample[], PooledSample[]][] = [];
        for (const [block, samples] of blocksA) {
          const other = blocksB.get(block);
          if (other && other.length >= 4 && samples.length >= 4) pairs.push([samples, other]);
        }
        pools.push({ workload, memoryMb, pairs });
        const warm = pairs.flatMap(([x, y]) => [...x, ...y]).filter((sample) => !sample.coldStart);
        const meanMs = warm.reduce((sum, sample) => sum + sample.durationMs, 0) / Math.max(1, warm.length);
        note(
          `${workload} at ${memoryMb} MB: ${pairs.length} pairs of environments, warm mean ${meanMs.toFixed(2)} ms (${((Date.now() - started) / 1000).toFixed(0)} s)`,
        );
      }
    }
  } finally {
    await bench.close();
  }
  mkdirSync(dirname(String(args.data)), { recursive: true });
  writeFileSync(
    String(args.data),
    JSON.stringify({ collectedAt: new Date().toISOString(), machine: machineNote(), pools }) + '\n',
  );
  note(`wrote ${args.data}`);
}

// ---------------------------------------------------------------------------------------------------------
// replay

interface ReplaySettings {
  label: string;
  invocations: number;
  maxInvocations: number;
}

const SETTINGS: ReplaySettings[] = [
  { label: 'defaults', invocations: 10, maxInvocations: 200 },
  { label: 'demo', invocations: 8, maxInvocations: 130 },
  { label: 'cheapest fail', invocations: 4, maxInvocations: 64 },
  { label: 'repro', invocations: 4, maxInvocations: 16 },
];

const LIVE_RUN = 'replayed-live-run';

/** A sample as the engine records it, scaled by `factor` (Lambda bills whole milliseconds, at least one). */
function sampleOf(pooled: PooledSample, environment: number, factor: number): Sample {
  const durationMs = pooled.durationMs * factor;
  return {
    durationMs,
    billedDurationMs: factor === 1 ? pooled.billedDurationMs : Math.max(1, Math.ceil(durationMs)),
    payloadIndex: 0,
    coldStart: pooled.coldStart,
    ...(pooled.initDurationMs !== undefined ? { initDurationMs: pooled.initDurationMs * factor } : {}),
    ...(environment > 0 ? { environment } : {}),
  };
}

/** One replayed live A/A (or A/B) run: the gate's rounds served from the pool, then its verdict. */
function replayOnce(
  pool: Pool,
  settings: ReplaySettings,
  gate: GateSettings,
  factor: number,
  random: () => number,
): { level: string; invocations: number; reason: string } {
  const pr: Sample[] = [];
  const base: Sample[] = [];
  const draw = (environment: number, count: number) => {
    const pair = pool.pairs[Math.floor(random() * pool.pairs.length)] ?? pool.pairs[0];
    if (!pair) throw new Error('empty pool');
    const [first, second] = random() < 0.5 ? [pair[0], pair[1]] : [pair[1], pair[0]];
    // The planned invocations start with the memory size's cold start, as each block does.
    pr.push(...first.slice(0, count).map((sample) => sampleOf(sample, environment, factor)));
    base.push(...second.slice(0, count).map((sample) => sampleOf(sample, environment, 1)));
  };
  draw(0, settings.invocations);
  const run = (samples: Sample[]) =>
    makeRun({
      configuredMb: pool.memoryMb,
      invocationsPerValue: settings.invocations,
      powerValues: [{ memoryMb: pool.memoryMb, samples: [...samples] }],
      runId: LIVE_RUN,
    });
  let environments = 1;
  for (let round = 0; round < 10; round++) {
    const next = nextGateRound(run(pr), run(base), gate);
    const pairing = next.pairings[0];
    if (!pairing) break;
    for (let k = 0; k < pairing.environments; k++) draw(environments++, 10);
  }
  const verdict = compareRuns(run(pr), run(base), gate, 0);
  return { level: verdict.level, invocations: pr.length, reason: verdict.reason };
}

const pct = (value: number) => `${(value * 100).toFixed(value < 0.1 ? 1 : 0)}%`;
const rate = (hits: number, n: number) => {
  const [low, high] = wilson(hits, n);
  return `${hits}/${n} ${pct(hits / n)} [${pct(low)}–${pct(high)}]`;
};

function replay(): void {
  const files = String(args.data).split(',');
  const loaded = files.map(
    (file) => JSON.parse(readFileSync(file, 'utf8')) as { collectedAt: string; machine: string; pools: Pool[] },
  );
  const only = args.pools ? new Set(String(args.pools).split(',')) : undefined;
  const data = {
    collectedAt: loaded.map((entry) => entry.collectedAt).join(', '),
    machine: loaded[0]?.machine ?? '',
    pools: loaded
      .flatMap((entry) => entry.pools)
      .filter((pool) => !only || only.has(pool.workload) || only.has(`${pool.workload}:${pool.memoryMb}`)),
  };
  const replays = Number(args.replays);
  const detectionReplays = Number(args['detection-replays']);
  heading('The live gate replayed on measured environments (bench/gate-replay.ts)');
  note(
    `pools collected ${data.collectedAt} (${data.machine}); ${replays} A/A replays and ${detectionReplays} per detection scenario per row, seed ${args.seed}`,
  );
  const rows: string[][] = [];
  const totals = new Map<string, { fail: number; warn: number; n: number }>();
  for (const pool of data.pools) {
    for (const settings of SETTINGS) {
      const gate = gateSettings({
        baselineSource: 'function',
        baselineFunction: 'twin',
        maxInvocations: settings.maxInvocations,
        maxCostIncreasePct: 5,
        warnCostIncreasePct: 2.5,
        maxDurationIncreasePct: 10,
        warnDurationIncreasePct: 5,
      });
      const random = seededRandom(Number(args.seed) * 7919 + pool.memoryMb + settings.maxInvocations);
      const aa = Array.from({ length: replays }, () => replayOnce(pool, settings, gate, 1, random));
      const detect = (factor: number) =>
        Array.from({ length: detectionReplays }, () => replayOnce(pool, settings, gate, factor, random));
      const b10 = detect(1.1);
      const b25 = detect(1.25);
      const fails = aa.filter((entry) => entry.level === 'fail').length;
      // --show-fails N: why the first N false fails failed, to see what kind of noise gets through.
      for (const entry of aa
        .filter((candidate) => candidate.level === 'fail')
        .slice(0, Number(args['show-fails'] ?? 0)))
        note(`false fail, ${pool.workload} ${pool.memoryMb} MB, ${settings.label}: ${entry.reason}`);
      const warns = aa.filter((entry) => entry.level === 'warn').length;
      const total = totals.get(settings.label) ?? { fail: 0, warn: 0, n: 0 };
      totals.set(settings.label, { fail: total.fail + fails, warn: total.warn + warns, n: total.n + replays });
      rows.push([
        `${pool.workload} ${pool.memoryMb} MB`,
        settings.label,
        rate(fails, replays),
        rate(warns, replays),
        rate(b10.filter((entry) => entry.level === 'fail').length, detectionReplays),
        rate(b25.filter((entry) => entry.level === 'fail').length, detectionReplays),
        `${median(aa.map((entry) => entry.invocations))} / ${median(b25.map((entry) => entry.invocations))}`,
      ]);
    }
  }
  console.log(
    table(
      [
        'workload',
        'settings',
        'A/A false fail [95% Wilson]',
        'A/A false warn',
        '+10% fail',
        '+25% fail',
        'invocations per function, median (A/A / +25%)',
      ],
      rows,
    ),
  );
  console.log();
  console.log(
    table(
      ['settings', 'A/A false fail, all workloads', 'A/A false warn, all workloads'],
      [...totals].map(([label, total]) => [label, rate(total.fail, total.n), rate(total.warn, total.n)]),
    ),
  );
}

// ---------------------------------------------------------------------------------------------------------
// live: the repro through the flow a user runs

async function live(): Promise<void> {
  const repeats = Number(args.repeats);
  const workload = String(args.workload);
  const powerValues = String(args['power-values'] ?? '128,256,1024')
    .split(',')
    .map(Number);
  const bench = await startBenchEmulator({ updateDelayMs: 50, reservedCores: Number(args['reserved-cores']) });
  const { emulator, deps } = bench;
  heading(
    `Live A/A: ${workload}, invocations ${args.invocations}, gate-max-invocations ${args['max-invocations']}, power values ${powerValues.join(',')}`,
  );
  note(`emulator at ${emulator.endpoint}, CPU limits: ${emulator.cpuMode ?? 'unknown'}; ${machineNote()}`);
  const levels: string[] = [];
  const spent: { policy: string; level: string; invocations: number }[] = [];
  try {
    // Configured at the first power value, so the gate compares there and at the recommendation.
    const configuredMb = powerValues[0] ?? 1024;
    for (const name of ['live-pr', 'live-base'])
      await emulator.createFunction({
        name,
        sample: workloadOf(workload).sample,
        memoryMb: configuredMb,
        environment: workloadOf(workload).environment,
      });
    const gate = gateSettings({
      baselineSource: 'function',
      baselineFunction: 'live-base',
      maxInvocations: Number(args['max-invocations']),
      maxCostIncreasePct: 5,
      warnCostIncreasePct: 2.5,
      maxDurationIncreasePct: 10,
      warnDurationIncreasePct: 5,
    });
    const policies = String(args.policies).split(',');
    for (let repeat = 0; repeat < repeats; repeat++) {
      // before,after: the two policies take turns, so both see the same time window.
      const policyName = policies[repeat % policies.length] ?? 'after';
      const settings = tuningSettings('live-pr', emulator, {
        powerValuesMb: powerValues,
        invocationsPerValue: Number(args.invocations),
      });
      const outcome = await tuneWithLiveBaseline(
        settings,
        { functionName: 'live-base' },
        { ...deps, logger: silentLogger },
        undefined,
        gate,
        [],
        policyName === 'before' ? POLICY_BEFORE : LIVE_GATE_POLICY,
      );
      if (!outcome.baseline) throw new Error(`no baseline: ${outcome.problem ?? 'unknown'}`);
      const verdict = compareRuns(outcome.result, outcome.baseline.result, gate, 0);
      levels.push(verdict.level);
      const total = [outcome.result, outcome.baseline.result]
        .flatMap((run) => run.powerValues)
        .reduce((sum, entry) => sum + entry.invocations, 0);
      spent.push({ policy: policyName, level: verdict.level, invocations: total });
      const invocations = outcome.result.powerValues
        .map((entry) => `${entry.memoryMb} MB ×${entry.invocations}`)
        .join(', ');
      note(
        `repeat ${repeat + 1} (${policyName}): ${verdict.level} (${invocations}; ${total} invocations of both functions) — ${verdict.reason}`,
      );
    }
  } finally {
    await bench.close();
  }
  const count = (level: string) => levels.filter((entry) => entry === level).length;
  console.log(
    table(
      ['verdict', 'runs'],
      [
        ['fail', rate(count('fail'), repeats)],
        ['warn', rate(count('warn'), repeats)],
        ['pass', rate(count('pass'), repeats)],
      ],
    ),
  );
  const byPolicy = [...new Set(spent.map((entry) => entry.policy))];
  if (byPolicy.length > 1)
    console.log(
      table(
        ['policy', 'runs', 'fail', 'warn', 'invocations per gated PR (both functions), median'],
        byPolicy.map((policy) => {
          const runs = spent.filter((entry) => entry.policy === policy);
          return [
            policy,
            String(runs.length),
            String(runs.filter((entry) => entry.level === 'fail').length),
            String(runs.filter((entry) => entry.level === 'warn').length),
            String(median(runs.map((entry) => entry.invocations))),
          ];
        }),
      ),
    );
}

const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)] ?? 0;

// ---------------------------------------------------------------------------------------------------------
// campaign: a whole gated PR replayed, before and after issue 20

interface CampaignOutcome {
  level: string;
  /** Invocations of both functions at every memory size: what the gated PR cost. */
  invocations: number;
  baseInvocations: number;
  /** The PR's recommendation moved after the points were pinned. */
  moved: boolean;
  /** Comparison points that needed their own rounds after the first look (before: a moving recommendation opens them). */
  lateOpened: number;
  reason: string;
}

/** One gated PR replayed under `policy`: the PR's plan everywhere, the baseline's as the policy plans it, the rounds. */
function replayGatedPr(
  pools: Map<number, Pool>,
  configuredMb: number,
  invocations: number,
  gate: GateSettings,
  policy: LiveGatePolicy,
  factor: number,
  random: () => number,
): CampaignOutcome {
  const memories = [...pools.keys()].sort((a, b) => a - b);
  const pr = new Map<number, Sample[]>(memories.map((memoryMb) => [memoryMb, []]));
  const base = new Map<number, Sample[]>();
  const settings = fixtureTuning({ powerValuesMb: memories, invocationsPerValue: invocations });
  const reduced = !policy.baselineFullCurve && reducedBaseline(settings, gate);
  const draw = (memoryMb: number, environment: number, count: number, sides: { pr: boolean; base: boolean }) => {
    const pool = pools.get(memoryMb);
    const pair = pool?.pairs[Math.floor(random() * pool.pairs.length)];
    if (!pair) throw new Error(`no pool at ${memoryMb} MB`);
    const [first, second] = random() < 0.5 ? [pair[0], pair[1]] : [pair[1], pair[0]];
    if (sides.pr) pr.get(memoryMb)?.push(...first.slice(0, count).map((item) => sampleOf(item, environment, factor)));
    if (sides.base) {
      const list = base.get(memoryMb) ?? [];
      list.push(...second.slice(0, count).map((item) => sampleOf(item, environment, 1)));
      base.set(memoryMb, list);
    }
  };
  // The plan: both functions take turns at each memory size; a reduced baseline only at its configured memory.
  for (const memoryMb of memories)
    draw(memoryMb, 0, invocations, { pr: true, base: !reduced || memoryMb === configuredMb });
  const run = (samples: Map<number, Sample[]>, extra: Partial<RunResult> = {}) => ({
    ...makeRun({
      configuredMb,
      invocationsPerValue: invocations,
      powerValues: [...samples].map(([memoryMb, list]) => ({ memoryMb, samples: [...list] })),
      runId: LIVE_RUN,
    }),
    ...extra,
  });
  const sampling = gateSampling(gate, { ...policy, baselineFullCurve: !reduced });
  let pinned: ComparedAt | undefined;
  const firstPoints = new Set<number>();
  const opened = new Set<number>();
  for (let round = 0; round < 12; round++) {
    const next = sampling.next([run(pr), run(base)]);
    pinned ??= next.pinned;
    if (next.pairings.length === 0) break;
    for (const pairing of next.pairings) {
      const [prMb, baseMb] = pairing.memoryBySubject;
      if (prMb === undefined || baseMb !== prMb) throw new Error('the campaign pairs equal memory sizes only');
      if (round === 0) firstPoints.add(prMb);
      else if (!firstPoints.has(prMb)) opened.add(prMb);
      const highest = Math.max(
        0,
        ...[...(pr.get(prMb) ?? []), ...(base.get(prMb) ?? [])].map((item) => item.environment ?? 0),
      );
      for (let k = 1; k <= pairing.environments; k++) draw(prMb, highest + k, 10, { pr: true, base: true });
    }
  }
  const prRun = run(pr);
  const finalPr = pinned
    ? {
        ...prRun,
        gateSampling: { rounds: 0, added: [], maxInvocations: gate.maxInvocations, settled: true, reason: '', pinned },
      }
    : prRun;
  const finalBase = reduced ? run(base, { recommendation: null, curve: 'compared' }) : run(base);
  const verdict = compareRuns(finalPr, finalBase, gate, 0);
  const count = (samples: Map<number, Sample[]>) => [...samples.values()].reduce((sum, list) => sum + list.length, 0);
  return {
    level: verdict.level,
    invocations: count(pr) + count(base),
    baseInvocations: count(base),
    moved: pinned !== undefined && pinned.recommendedMb !== (prRun.recommendation?.memoryMb ?? null),
    lateOpened: opened.size,
    reason: verdict.reason,
  };
}

function campaign(): void {
  const files = String(args.data).split(',');
  const loaded = files.map(
    (file) => JSON.parse(readFileSync(file, 'utf8')) as { collectedAt: string; machine: string; pools: Pool[] },
  );
  const workloads = new Map<string, Map<number, Pool>>();
  // --power-values: the PR's plan, from the pools at these memory sizes (default: every pooled size).
  const only = args['power-values'] ? new Set(String(args['power-values']).split(',').map(Number)) : undefined;
  for (const pool of loaded.flatMap((entry) => entry.pools)) {
    if (only && !only.has(pool.memoryMb)) continue;
    if (args.pools && !String(args.pools).split(',').includes(pool.workload)) continue;
    const byMemory = workloads.get(pool.workload) ?? new Map<number, Pool>();
    byMemory.set(pool.memoryMb, pool);
    workloads.set(pool.workload, byMemory);
  }
  const replays = Number(args.replays);
  const detectionReplays = Number(args['detection-replays']);
  const configured = String(args.configured).split(',').map(Number);
  // The action's defaults: invocations 10, gate-max-invocations 200, cost 5% / duration 10% (warn at half), 95%.
  const gate = gateSettings({
    baselineSource: 'function',
    baselineFunction: 'twin',
    maxInvocations: 200,
    maxCostIncreasePct: 5,
    warnCostIncreasePct: 2.5,
    maxDurationIncreasePct: 10,
    warnDurationIncreasePct: 5,
  });
  heading("The live gate's cost before and after issue 20 (bench/gate-replay.ts campaign)");
  note(
    `pools collected ${loaded.map((entry) => entry.collectedAt).join(', ')}; ${replays} A/A replays and ${detectionReplays} per detection scenario per row, seed ${args.seed}; ` +
      `defaults: invocations 10, gate-max-invocations 200; power values = the pooled sizes; ${machineNote()}`,
  );
  // --policies before,after (default), or variants to see what each part does: after+full-curve, after-no-pin.
  const variants: Record<string, LiveGatePolicy> = {
    before: POLICY_BEFORE,
    after: LIVE_GATE_POLICY,
    'after+full-curve': { ...LIVE_GATE_POLICY, baselineFullCurve: true },
    'after-no-pin': { ...LIVE_GATE_POLICY, pin: false },
    'after-no-stop': { ...LIVE_GATE_POLICY, stopWhenDecided: false },
  };
  const policies: [string, LiveGatePolicy][] = (args.policies === 'after' ? 'before,after' : String(args.policies))
    .split(',')
    .map((name) => {
      const policy = variants[name];
      if (!policy) throw new Error(`unknown policy ${name}: one of ${Object.keys(variants).join(', ')}`);
      return [name, policy];
    });
  const rows: string[][] = [];
  const totals = new Map<string, { aa: CampaignOutcome[]; b10: CampaignOutcome[]; b25: CampaignOutcome[] }>();
  for (const [workload, pools] of workloads) {
    for (const configuredMb of configured) {
      if (!pools.has(configuredMb)) continue;
      for (const [label, policy] of policies) {
        // One seed per row, the same for both policies: they replay the same first draws.
        const random = seededRandom(Number(args.seed) * 7919 + configuredMb + workload.length * 31);
        const many = (n: number, factor: number) =>
          Array.from({ length: n }, () => replayGatedPr(pools, configuredMb, 10, gate, policy, factor, random));
        const aa = many(replays, 1);
        const b10 = many(detectionReplays, 1.1);
        const b25 = many(detectionReplays, 1.25);
        const total = totals.get(label) ?? { aa: [], b10: [], b25: [] };
        total.aa.push(...aa);
        total.b10.push(...b10);
        total.b25.push(...b25);
        totals.set(label, total);
        const fails = (list: CampaignOutcome[]) => list.filter((entry) => entry.level === 'fail').length;
        rows.push([
          `${workload}, configured ${configuredMb} MB`,
          label,
          rate(fails(aa), aa.length),
          rate(aa.filter((entry) => entry.level === 'warn').length, aa.length),
          rate(fails(b10), b10.length),
          rate(fails(b25), b25.length),
          `${median(aa.map((entry) => entry.invocations))} / ${median(b10.map((entry) => entry.invocations))} / ${median(b25.map((entry) => entry.invocations))}`,
          `${median(aa.map((entry) => entry.baseInvocations))} / ${median(b25.map((entry) => entry.baseInvocations))}`,
          `${pct([...aa, ...b10, ...b25].filter((entry) => entry.lateOpened > 0).length / (aa.length + b10.length + b25.length))}`,
          label !== 'before'
            ? pct([...aa, ...b10, ...b25].filter((entry) => entry.moved).length / (aa.length + b10.length + b25.length))
            : '–',
        ]);
      }
    }
  }
  console.log(
    table(
      [
        'workload',
        'policy',
        'A/A false fail [95% Wilson]',
        'A/A false warn',
        '+10% fail',
        '+25% fail',
        'invocations per gated PR, median (A/A / +10% / +25%)',
        'of them the baseline (A/A / +25%)',
        'runs where a point opened after the first look',
        'runs where the recommendation moved after pinning',
      ],
      rows,
    ),
  );
  console.log();
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
  console.log(
    table(
      [
        'policy',
        'A/A false fail, all',
        '+10% fail, all',
        '+25% fail, all',
        'invocations per gated PR, mean (A/A / +10% / +25%)',
      ],
      [...totals].map(([label, total]) => [
        label,
        rate(total.aa.filter((entry) => entry.level === 'fail').length, total.aa.length),
        rate(total.b10.filter((entry) => entry.level === 'fail').length, total.b10.length),
        rate(total.b25.filter((entry) => entry.level === 'fail').length, total.b25.length),
        [total.aa, total.b10, total.b25]
          .map((list) => mean(list.map((entry) => entry.invocations)).toFixed(0))
          .join(' / '),
      ]),
    ),
  );
}

const command = positionals[0] ?? 'replay';
if (command === 'collect') await collect();
else if (command === 'live') await live();
else if (command === 'campaign') campaign();
else replay();
