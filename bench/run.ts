// `npm run bench`: the performance benchmarks, each printing a table of figures measured side by side in one run.
//
//   npm run bench                          wall, sampling, overhead, startup, control-plane (about 6 minutes
//                                          on 2 cores)
//   npm run bench -- sampling              one benchmark (or several: wall overhead)
//   npm run bench -- --quick               fewer repeats, for a quick look (noisier)
//   npm run bench -- sampling --policy-grid   also replays other adaptive-sampling policies
//   npm run bench -- sampling --record        records the sampling pools anew (else the stored ones are replayed)
//   npm run bench -- control-plane --against HEAD~1   this tree's LambdaTarget against a git revision's
//   npm run bench -- apps [--quick]        a whole app in one step against sequential runs (bench/apps.ts)
//   npm run bench -- init-cost             the demo's monthly cost with and without INIT (bench/init-cost.ts)
//   npm run bench -- architectures         x86_64 against arm64: the right pair, and its cost against two separate
//                                          runs (bench/architectures.ts)
//   npm run bench -- fidelity | gate | freeze   the emulator's fidelity (bench/fidelity.ts), the gate's benchmark
//                                          (bench/gate.ts) or what freezing idle environments changes
//                                          (bench/freeze.ts), run as they are
//   npm run bench -- max-memory            the emulator's Max Memory Used for a no-op, page cache and memory-hungry
//                                          (bench/max-memory.ts)
//
// docs/performance.md lists the figures of the last full run with the commands that produced them. The machine may
// be shared: each table says the load average around it, and the ratios are measured side by side so that load
// affects both sides alike.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { APPS_DEFAULTS, runApps } from './apps.js';
import { CONTROL_PLANE_DEFAULTS, runControlPlane } from './control-plane.js';
import { machineNote } from './lib.js';
import { runOverhead, OVERHEAD_DEFAULTS } from './overhead.js';
import { runSampling, SAMPLING_DEFAULTS } from './sampling.js';
import { runStartup, STARTUP_DEFAULTS } from './startup.js';
import { runWallTime, WALL_TIME_DEFAULTS } from './wall-time.js';

const OURS = ['wall', 'sampling', 'overhead', 'startup', 'control-plane', 'apps'] as const;
/** What `npm run bench` alone runs (apps is asked for by name: about 3 minutes on its own). */
const DEFAULT_SET = ['wall', 'sampling', 'overhead', 'startup', 'control-plane'] as const;
/** Other benchmarks in bench/, run by name as separate scripts. */
const OTHERS: Record<string, string> = {
  fidelity: 'fidelity.ts',
  gate: 'gate.ts',
  freeze: 'freeze.ts',
  'init-cost': 'init-cost.ts',
  architectures: 'architectures.ts',
  'max-memory': 'max-memory.ts',
};

const { values: flags, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    quick: { type: 'boolean', default: false },
    'policy-grid': { type: 'boolean', default: false },
    record: { type: 'boolean', default: false },
    live: { type: 'boolean', default: false },
    against: { type: 'string', default: CONTROL_PLANE_DEFAULTS.against },
    'no-quota': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

function usage(): string {
  return [
    'usage: npm run bench -- [--quick] [--policy-grid] [--record] [--live] [--against <git revision>] [name ...]',
    `  names: ${OURS.join(', ')} (the default: all of these), or ${Object.keys(OTHERS).join(', ')} (separate scripts)`,
    '  --quick        fewer repeats and invocations: a quick look, noisier figures',
    '  --policy-grid  sampling: also replay other first rounds, growth factors and tie margins',
    '  --record       sampling: record the pools anew on the emulator (bench/data/sampling-pools.json)',
    '  --live         sampling: also live runs, adaptive against fixed n = 50',
    '  --against REV  control-plane: the git revision whose engine (src/) to compare with (default HEAD);',
    '                 startup: a revision whose committed dist/ is measured in the same run',
    "  --no-quota     control-plane: turn off the emulator's 15-per-second control-plane quota (to see the demand)",
  ].join('\n');
}

async function runOurs(name: (typeof OURS)[number]): Promise<void> {
  const { quick } = flags;
  switch (name) {
    case 'wall':
      return runWallTime(quick ? { ...WALL_TIME_DEFAULTS, repeats: 1, invocations: 5 } : WALL_TIME_DEFAULTS);
    case 'sampling':
      return runSampling({
        ...SAMPLING_DEFAULTS,
        ...(quick ? { repeats: 200, poolSize: 80, liveRuns: 1 } : {}),
        policyGrid: flags['policy-grid'],
        record: flags.record,
        live: flags.live,
      });
    case 'overhead':
      return runOverhead(quick ? { ...OVERHEAD_DEFAULTS, invocations: 100 } : OVERHEAD_DEFAULTS);
    case 'startup':
      // --against only when given: the control-plane bench's default (HEAD) would compare dist/ with itself.
      return runStartup({
        ...STARTUP_DEFAULTS,
        ...(quick ? { repeats: 3 } : {}),
        ...(process.argv.includes('--against') ? { against: flags.against } : {}),
      });
    case 'apps':
      return runApps(quick ? { ...APPS_DEFAULTS, functions: 8, unchanged: 6, invocations: 3 } : APPS_DEFAULTS);
    case 'control-plane':
      return runControlPlane({
        ...CONTROL_PLANE_DEFAULTS,
        against: flags.against,
        quota: !flags['no-quota'],
        ...(quick ? { repeats: 1 } : {}),
      });
  }
}

function runOther(name: string): number {
  const script = fileURLToPath(new URL(`./${OTHERS[name]}`, import.meta.url));
  if (!existsSync(script)) {
    console.error(`bench/${OTHERS[name]} does not exist (yet)`);
    return 1;
  }
  const child = spawnSync(process.execPath, ['--import', 'tsx', script], { stdio: 'inherit' });
  return child.status ?? 1;
}

async function main(): Promise<number> {
  if (flags.help) {
    console.log(usage());
    return 0;
  }
  const unknown = positionals.filter((name) => !(OURS as readonly string[]).includes(name) && !(name in OTHERS));
  if (unknown.length > 0) {
    console.error(`unknown benchmark ${unknown.join(', ')}\n${usage()}`);
    return 2;
  }
  const names = positionals.length > 0 ? positionals : [...DEFAULT_SET];
  const started = Date.now();
  console.log(`lambda-power-gate benchmarks${flags.quick ? ' (quick)' : ''}: ${names.join(', ')}; ${machineNote()}`);
  let status = 0;
  for (const name of names) {
    if (name in OTHERS) status ||= runOther(name);
    else await runOurs(name as (typeof OURS)[number]);
  }
  console.log(`\nAll done in ${((Date.now() - started) / 1000).toFixed(0)} s; ${machineNote()}`);
  return status;
}

process.exitCode = await main();
