// Benchmark 5: the control-plane chain — prepare one version per memory size, then restore $LATEST — with this
// tree's LambdaTarget against the one at a git revision, alternating, on the emulator.
//
// Lambda lets one update run at a time per function: each UpdateFunctionConfiguration opens an InProgress window
// (the emulator's updateDelayMs). PublishVersion opens none (real Lambda has no lock after a publish; AWS Lambda
// Power Tuning ran update → wait → publish → alias → next update for years without waiting after the publish), so
// preparing N versions waits at least N windows plus the restore's one. This shows how close a LambdaTarget gets to
// that floor and how many ResourceConflictExceptions it provokes. (Until the emulator learned this, it held $LATEST
// after every publish too, and the floor here was 2 × N + 1 windows.)
// The revision's src/ is extracted (`git archive <rev> src`) into a temporary directory and its LambdaTarget (and
// tuneTogether) loaded from there: LambdaTarget is several modules (target.ts, versions.ts, control-plane.ts,
// leftovers.ts, …), so the revision's engine is compared whole, not its target.ts over this tree's helpers.
//
// Each chain also reports its busiest second of control-plane requests (clean-up included) and how many the
// emulator refused for Lambda's 15-per-second quota (goal: 0).
//
//   npm run bench -- control-plane [--against HEAD] [--no-quota]

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { peakPerSecond } from '../emulator/lambda/quota.js';
import { realSleep } from '../src/lib/ports.js';
import { LambdaTarget } from '../src/tuning/target.js';
import { tuneTogether } from '../src/tuning/tuner.js';
import {
  heading,
  machineNote,
  note,
  seconds,
  startBenchEmulator,
  table,
  tuningSettings,
  type BenchEmulator,
} from './lib.js';

export interface ControlPlaneOptions {
  /** The git revision to compare with. */
  against: string;
  repeats: number;
  updateDelayMs: number;
  /** Lambda's control-plane quota in the emulator (its default); false shows the unthrottled demand. */
  quota: boolean;
}

export const CONTROL_PLANE_DEFAULTS: ControlPlaneOptions = {
  against: 'HEAD',
  repeats: 3,
  updateDelayMs: 1000,
  quota: true,
};

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const POWER_VALUES_MB = [128, 256, 512, 1024, 1536];

type TargetClass = typeof LambdaTarget;
type TuneTogether = typeof tuneTogether;

/** The revision's src/ under `dir` (with this tree's node_modules beside it), or false when it has no src/tuning/target.ts. */
function extractSourceAt(revision: string, dir: string): boolean {
  try {
    execFileSync('git', ['cat-file', '-e', `${revision}:src/tuning/target.ts`], { cwd: ROOT, stdio: 'ignore' });
  } catch {
    return false;
  }
  const archive = execFileSync('git', ['archive', '--format=tar', revision, 'src'], {
    cwd: ROOT,
    maxBuffer: 256 * 1024 * 1024,
  });
  execFileSync('tar', ['-x', '-C', dir], { input: archive });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  return true;
}

/** The revision's LambdaTarget, or undefined when that revision has no src/tuning/target.ts. */
async function targetAt(revision: string, dir: string): Promise<TargetClass | undefined> {
  if (!extractSourceAt(revision, dir)) return undefined;
  const module = (await import(pathToFileURL(join(dir, 'src/tuning/target.ts')).href)) as { LambdaTarget: TargetClass };
  return module.LambdaTarget;
}

/** The revision's tuneTogether with its own engine (its clean-up is the revision's). Undefined when it has none. */
async function tunerAt(revision: string, dir: string): Promise<TuneTogether | undefined> {
  if (!extractSourceAt(revision, dir)) return undefined;
  const module = (await import(pathToFileURL(join(dir, 'src/tuning/tuner.ts')).href)) as {
    tuneTogether?: TuneTogether;
  };
  return module.tuneTogether;
}

interface GateRun {
  side: string;
  wallMs: number;
  requests: number;
  peakPerSecond: number;
  throttled: number;
}

/** A live gate's whole run: the PR's and the baseline's function tuned together, then restored and cleaned up. */
async function gateRun(bench: BenchEmulator, side: string, tune: TuneTogether, runId: string): Promise<GateRun> {
  const settings = tuningSettings('gate-pr', bench.emulator, {
    powerValuesMb: POWER_VALUES_MB,
    invocationsPerValue: 2,
  });
  const before = bench.emulator.stats();
  const started = performance.now();
  await tune([{ settings }, { settings: { ...settings, functionName: 'gate-base' }, label: 'baseline' }], {
    ...bench.deps,
    sleep: realSleep,
    runId,
  });
  const wallMs = performance.now() - started;
  const after = bench.emulator.stats();
  const arrivals = after.controlPlaneArrivalsMs.slice(before.controlPlaneArrivalsMs.length);
  return {
    side,
    wallMs,
    requests: arrivals.length,
    peakPerSecond: peakPerSecond(arrivals),
    throttled: after.throttledByQuota - before.throttledByQuota,
  };
}

interface ChainRun {
  side: string;
  lastReadyMs: number;
  restoredMs: number;
  conflicts: number;
  polls: number;
  /** Control-plane requests (GetFunction apart) in the busiest second, clean-up included. */
  peakPerSecond: number;
  /** Requests the emulator refused for Lambda's 15-per-second quota. */
  throttled: number;
}

async function chain(bench: BenchEmulator, side: string, Target: TargetClass, runId: string): Promise<ChainRun> {
  const target = new Target(bench.client, 'control-plane', bench.emulator.region, {
    logger: bench.deps.logger,
    sleep: realSleep,
    runId,
    waiterMinDelaySec: bench.deps.waiterMinDelaySec,
  });
  const snapshot = await target.snapshot();
  bench.trace.reset();
  const before = bench.emulator.stats();
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
  const after = bench.emulator.stats();
  return {
    side,
    lastReadyMs,
    restoredMs,
    conflicts: bench.trace.calls.filter((call) => call.error === 'ResourceConflictException').length,
    polls: bench.trace.count('GetFunction'),
    peakPerSecond: peakPerSecond(after.controlPlaneArrivalsMs.slice(before.controlPlaneArrivalsMs.length)),
    throttled: after.throttledByQuota - before.throttledByQuota,
  };
}

export async function runControlPlane(options: ControlPlaneOptions = CONTROL_PLANE_DEFAULTS): Promise<void> {
  heading(`5. Control plane: ${POWER_VALUES_MB.length} versions and the restore, this tree against ${options.against}`);
  const dir = mkdtempSync(join(tmpdir(), 'lpg-target-'));
  const bench = await startBenchEmulator({
    updateDelayMs: options.updateDelayMs,
    ...(options.quota ? {} : { controlPlaneQuota: false }),
  });
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
        [
          'target.ts',
          'last version ready',
          'restored',
          'restored / floor',
          'ResourceConflictExceptions',
          'GetFunction polls',
          'peak requests/s',
          'throttled',
        ],
        runs.map((run) => [
          run.side,
          seconds(run.lastReadyMs),
          seconds(run.restoredMs),
          `${(run.restoredMs / floorMs).toFixed(2)}×`,
          String(run.conflicts),
          String(run.polls),
          String(run.peakPerSecond),
          String(run.throttled),
        ]),
      ),
    );
    console.log(
      `peak requests/s: control-plane requests Lambda counts against its account-wide quota of 15 per second (GetFunction ` +
        `apart) in the busiest second of the chain and its clean-up; throttled: those the emulator refused for that quota ` +
        `(goal 0). The emulator enforces the quota unless --no-quota (then "throttled" stays 0 and the peak shows the demand).`,
    );

    const tunerDir = mkdtempSync(join(tmpdir(), 'lpg-tuner-'));
    const OldTune = await tunerAt(options.against, tunerDir);
    if (OldTune) {
      await bench.emulator.createFunction({ name: 'gate-pr', sample: 'noop', memoryMb: 1024 });
      await bench.emulator.createFunction({ name: 'gate-base', sample: 'noop', memoryMb: 1024 });
      const gateRuns: GateRun[] = [];
      for (let repeat = 1; repeat <= options.repeats; repeat++) {
        note(`live gate run: repeat ${repeat} of ${options.repeats}`);
        gateRuns.push(await gateRun(bench, options.against, OldTune, `gr${repeat}old`));
        gateRuns.push(await gateRun(bench, 'this tree', tuneTogether, `gr${repeat}new`));
      }
      console.log(
        `\nA live gate's run: two functions tuned together at ${POWER_VALUES_MB.join(', ')} MB, 2 invocations each, then restored ` +
          `and cleaned up (10 versions and 10 aliases), the revision's tuner and target against this tree's.\n`,
      );
      console.log(
        table(
          ['tuner + target', 'wall time', 'control-plane requests', 'peak requests/s', 'throttled'],
          gateRuns.map((run) => [
            run.side,
            seconds(run.wallMs),
            String(run.requests),
            String(run.peakPerSecond),
            String(run.throttled),
          ]),
        ),
      );
    }
    rmSync(tunerDir, { recursive: true, force: true });
    console.log(`After: ${machineNote()}.`);
  } finally {
    await bench.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
