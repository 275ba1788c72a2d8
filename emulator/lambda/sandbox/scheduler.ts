// The CPU a running environment occupies: memory / 1769 MB of a vCPU (capped at the cores present), admitted FIFO so
// the shares of environments running at once never add up to more than the cores present; and, where cgroups cannot
// throttle, the declared CPU-time model that stands in for the quota.
import { vcpusForMemory } from '../cgroups.js';

export const MILLICORES_PER_CORE = 1000;

/**
 * The declared CPU-time model, used where cgroups cannot throttle: reported duration as if the process had only
 * memory/1769 of a vCPU (capped at `cores`).
 *
 * Single-threaded handler: cpu × max(1, 1769 / memoryMb) + off-CPU time, where off-CPU = wall − cpu − the time
 * the handler's thread sat runnable in the run queue behind other processes (Linux schedstat; a Lambda environment
 * does not wait for its own share of CPU, so that wait is contention of this machine, not the function's).
 * Multi-threaded handler (cpu > wall): the measured parallelism p = cpu / wall is kept for the on-CPU part
 * (which lasted cpu / p of the wall time) and limited to the vCPUs the memory size buys:
 * off-CPU + cpu / min(p, vcpus), off-CPU = wall − wait − cpu / p. With p = 1 this is the single-threaded formula.
 */
export function modeledDurationMs(
  wallMs: number,
  cpuMs: number,
  memoryMb: number,
  cores: number,
  runQueueWaitMs = 0,
): number {
  const vcpus = vcpusForMemory(memoryMb, cores);
  const parallelism = Math.max(1, cpuMs / Math.max(wallMs, Number.EPSILON));
  const offCpuMs = Math.max(0, wallMs - runQueueWaitMs - cpuMs / parallelism);
  return offCpuMs + cpuMs / Math.min(parallelism, vcpus);
}

/**
 * The architecture's speed on a measured duration: the time the handler spent on CPU (cpu / min(p, vcpus), as in
 * modeledDurationMs; under a cgroup quota the same share of the wall time) stretched by 1 / speed, the rest (waiting
 * on I/O, sleeping) unchanged. speed 1 changes nothing. A declared model, applied alike in both CPU modes, so a
 * function that is slower per unit of work on arm64 is slower at every memory size, as on Graviton, and not only
 * below one vCPU (a smaller cgroup quota would stop slowing a single thread once it reaches a whole core).
 */
export function architectureAdjustedMs(
  durationMs: number,
  wallMs: number,
  cpuMs: number,
  memoryMb: number,
  cores: number,
  speed: number,
): number {
  if (speed === 1 || !(speed > 0)) return durationMs;
  const vcpus = vcpusForMemory(memoryMb, cores);
  const parallelism = Math.max(1, cpuMs / Math.max(wallMs, Number.EPSILON));
  const onCpuMs = Math.min(durationMs, cpuMs / Math.min(parallelism, vcpus));
  return Math.max(0, durationMs + onCpuMs * (1 / speed - 1));
}

/** FIFO admission of CPU shares (in millicores) so running environments never oversubscribe the cores. */
export class CpuScheduler {
  private inUse = 0;
  private readonly queue: Array<{ units: number; grant: () => void; refuse: (error: Error) => void }> = [];

  constructor(readonly capacity: number) {}

  acquire(units: number): Promise<void> {
    const wanted = Math.min(units, this.capacity);
    if (this.queue.length === 0 && this.inUse + wanted <= this.capacity) {
      this.inUse += wanted;
      return Promise.resolve();
    }
    return new Promise((grant, refuse) => this.queue.push({ units: wanted, grant, refuse }));
  }

  release(units: number): void {
    this.inUse -= Math.min(units, this.capacity);
    for (let head = this.queue[0]; head && this.inUse + head.units <= this.capacity; head = this.queue[0]) {
      this.queue.shift();
      this.inUse += head.units;
      head.grant();
    }
  }

  refuseAll(error: Error): void {
    for (const waiter of this.queue.splice(0)) waiter.refuse(error);
  }

  get usedUnits(): number {
    return this.inUse;
  }

  get queued(): number {
    return this.queue.length;
  }
}

/** Millicores an invocation of this memory size occupies while it runs. */
export function cpuUnits(memoryMb: number, cores: number, cpuMode: 'cgroup' | 'model'): number {
  const vcpus = vcpusForMemory(memoryMb, cores);
  // The model lets the process run unthrottled: it occupies a whole core even when it is billed for less.
  const occupied = cpuMode === 'cgroup' ? vcpus : Math.min(cores, Math.max(1, vcpus));
  return Math.max(1, Math.round(occupied * MILLICORES_PER_CORE));
}

/** A cold start runs init without a quota (one full core at most), so it reserves a full core until init is done. */
export function coldStartUnits(runUnits: number, capacity: number, cpuMode: 'cgroup' | 'model'): number {
  return cpuMode === 'cgroup' ? Math.max(runUnits, Math.min(MILLICORES_PER_CORE, capacity)) : runUnits;
}
