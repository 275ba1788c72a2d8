// Benchmark 5: the control-plane chain — prepare one version per memory size, then restore $LATEST — with this
// tree's LambdaTarget against the one at a git revision, alternating, on the emulator.
//
// Lambda lets one update run at a time per function: each UpdateFunctionConfiguration opens an InProgress window
// (the emulator's updateDelayMs). PublishVersion opens none (real Lambda has no lock after a publish; AWS Lambda
// Power Tuning ran update → wait → publish → alias → next update for years without waiting after the publish), so
// preparing N versions waits at least N windows plus the restore's one. This shows how close a LambdaTarget gets to
// that floor and how many ResourceConflictExceptions it provokes. (Until the emulator learned this, it held $LATEST
// after every publish too, and the floor here was 2 × N + 1 windows.)
// The revision's target.ts is loaded from `git show <rev>:src/tuning/target.ts` into a temporary directory; its
// imports of the engine's other modules resolve to this tree's.
//
//   npm run bench -- control-plane [--against HEAD]

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { realSleep } from '../src/tuning/ports.js';
import { LambdaTarget } from '../src/tuning/target.js';
import { heading, machineNote, note, seconds, startBenchEmulator, table, type BenchEmulator } from './lib.js';

export interface ControlPlaneOptions {
  /** The git revision to compare with. */
  against: string;
  repeats: number;
  updateDelayMs: number;
}

export const CONTROL_PLANE_DEFAULTS: ControlPlaneOptions = { against: 'HEAD', repeats: 3, updateDelayMs: 1000 };

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const POWER_VALUES_MB = [128, 256, 512, 1024, 1536];

type TargetClass = typeof LambdaTarget;

/** The revision's LambdaTarget, or undefined when that revision has no src/tuning/target.ts. */
async function targetAt(revision: string, dir: string): Promise<TargetClass | undefined> {
  let source: string;
  try {
    source = execFileSync('git', ['show', `${revision}:src/tuning/target.ts`], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return undefined;
  }
  const tuning = join(ROOT, 'src/tuning/');
  const rewritten = source.replace(/from '(\.\.?\/[^']+)'/g, (_match, path: string) => `from '${pathToFileURL(join(tuning, path)).href}'`);
  const file = join(dir, 'target.ts');
  writeFileSync(file, rewritten);
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  const module = (await import(pathToFileURL(file).href)) as { LambdaTarget: TargetClass };
  return module.LambdaTarget;
}

interface ChainRun {
  side: string;
  lastReadyMs: number;
  restoredMs: number;
  conflicts: number;
  polls: number;
}

async function chain(bench: BenchEmulator, side: string, Target: TargetClass, runId: string): Promise<ChainRun> {
  const target = new Target(bench.client, 'control-plane', bench.emulator.region, { logger: bench.deps.logger, sleep: realSleep, runId, waiterMinDelaySec: bench.deps.waiterMinDelaySec });
  const snapshot = await target.snapshot();
  bench.trace.reset();
  const started = performance.now();
  const prepared = [];
  let lastReadyMs = 0;
  let restoredMs: number;
  try {
    for (const memoryMb of POWER_VALUES_MB) {
      prepared.push(await target.prepareVersion(snapshot, memoryMb));
      lastReadyMs = performance.now() - started;
    }
    await target.restore(snapshot);
    restoredMs = performance.now() - started;
  } finally {
    await target.cleanup(snapshot.functionArn, prepared);
  }
  return {
    side,
    lastReadyMs,
    restoredMs,
    conflicts: bench.trace.calls.filter((call) => call.error === 'ResourceConflictException').length,
    polls: bench.trace.count('GetFunction'),
  };
}

export async function runControlPlane(options: ControlPlaneOptions = CONTROL_PLANE_DEFAULTS): Promise<void> {
  heading(`5. Control plane: ${POWER_VALUES_MB.length} versions and the restore, this tree against ${options.against}`);
  const dir = mkdtempSync(join(tmpdir(), 'lpg-target-'));
  const bench = await startBenchEmulator({ updateDelayMs: options.updateDelayMs });
  try {
    const Old = await targetAt(options.against, dir);
    if (!Old) {
      console.log(`${options.against} has no src/tuning/target.ts; nothing to compare.`);
      return;
    }
    await bench.emulator.createFunction({ name: 'control-plane', sample: 'noop', memoryMb: 1024 });
    const before = machineNote();
    const runs: ChainRun[] = [];
    for (let repeat = 1; repeat <= options.repeats; repeat++) {
      note(`control plane: repeat ${repeat} of ${options.repeats}`);
      runs.push(await chain(bench, options.against, Old, `cp${repeat}old`));
      runs.push(await chain(bench, 'this tree', LambdaTarget, `cp${repeat}new`));
    }
    const floorMs = (POWER_VALUES_MB.length + 1) * options.updateDelayMs;
    console.log(
      `${POWER_VALUES_MB.join(', ')} MB prepared one after another, then $LATEST restored; emulator InProgress window ` +
        `${options.updateDelayMs} ms after each update (none after a publish, as on Lambda), so the floor is (${POWER_VALUES_MB.length} + 1) windows = ${seconds(floorMs)} ` +
        `plus round trips. Before: ${before}.\n`,
    );
    console.log(
      table(
        ['target.ts', 'last version ready', 'restored', 'restored / floor', 'ResourceConflictExceptions', 'GetFunction polls'],
        runs.map((run) => [run.side, seconds(run.lastReadyMs), seconds(run.restoredMs), `${(run.restoredMs / floorMs).toFixed(2)}×`, String(run.conflicts), String(run.polls)]),
      ),
    );
    console.log(`After: ${machineNote()}.`);
  } finally {
    await bench.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
