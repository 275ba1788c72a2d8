// Linux control groups for the emulator's execution environments: one CPU group and one memory group per
// environment, nested under the groups this process already lives in (so whatever limits the machine puts on us
// still apply to our children). cgroup v1 (separate `cpu` and `memory` hierarchies) and v2 (one unified
// hierarchy) are both supported; v1 is what this project's machines have, v2 is written to the kernel docs.
//
// Pure parsing and arithmetic at the top, file-system I/O in CgroupManager below. Everything synchronous: these
// are tiny writes to a virtual file system, and the pool's exit hook must be able to clean up synchronously.
import fs from 'node:fs';
import path from 'node:path';

/** Lambda gives a function one full vCPU at 1,769 MB and CPU in proportion to memory below and above that. */
export const MB_PER_VCPU = 1769;
/**
 * CFS period. Lambda throttles in 20 ms intervals, as observed from inside functions (a burst over the share
 * pauses until the end of the 20 ms: github.com/pwrdrvr/lambda-dispatch/issues/246). A short period also keeps
 * a ~100 ms invocation from gaining or losing a whole 100 ms throttling pause depending on where it starts.
 * At 128 MB the quota is 1.45 ms per period, above the kernel's 1 ms minimum.
 */
export const CPU_PERIOD_US = 20_000;
/**
 * The pool's CPU group outweighs everything else on the machine (v1 cpu.shares and v2 cpu.weight maxima; the
 * default is 1024 / 100), so an environment gets its whole quota even while other processes compete for the
 * cores. Without it, a 1024 MB environment loses part of its 0.58 core to a busy machine while a 128 MB one
 * does not, and the durations stop scaling like Lambda's. The quotas, and the pool's scheduler, which never
 * runs more than the cores present, keep the pool from starving anyone.
 */
const POOL_CPU_SHARES = 262_144;
const POOL_CPU_WEIGHT = 10_000;
/** The kernel rejects CFS quotas below 1 ms. */
const MIN_CPU_QUOTA_US = 1000;
const MIB = 1024 * 1024;
const DIR_PREFIX = 'lambda-power-gate-';

/** vCPUs an environment of this memory size gets: memory / 1769 MB of one vCPU, capped at the cores present. */
export function vcpusForMemory(memoryMb: number, cores: number): number {
  return Math.min(memoryMb / MB_PER_VCPU, cores);
}

/** CFS quota (µs of CPU per period) for a share of vCPUs. */
export function cpuQuotaUs(vcpus: number, periodUs: number = CPU_PERIOD_US): number {
  return Math.max(MIN_CPU_QUOTA_US, Math.round(vcpus * periodUs));
}

export interface CgroupMount {
  version: 1 | 2;
  /** Where the hierarchy is mounted, e.g. /sys/fs/cgroup/cpu. */
  mountPoint: string;
  /** The hierarchy path that the mount shows as its root (not '/' inside some containers). */
  root: string;
  /** v1: the controllers bound to this hierarchy. v2: empty (read cgroup.controllers instead). */
  controllers: string[];
}

/** The cgroup mounts listed in /proc/self/mountinfo. */
export function parseMountInfo(text: string): CgroupMount[] {
  const mounts: CgroupMount[] = [];
  for (const line of text.split('\n')) {
    // id parent major:minor root mountPoint options [optional…] - fstype source superOptions
    const [left, right] = line.split(' - ');
    if (left === undefined || right === undefined) continue;
    const fields = left.split(' ');
    const [fsType, , superOptions = ''] = right.split(' ');
    const root = fields[3];
    const mountPoint = fields[4];
    if (root === undefined || mountPoint === undefined) continue;
    if (fsType === 'cgroup2') mounts.push({ version: 2, mountPoint, root, controllers: [] });
    else if (fsType === 'cgroup') {
      const controllers = superOptions.split(',').filter((o) => ['cpu', 'memory', 'cpuacct'].includes(o));
      mounts.push({ version: 1, mountPoint, root, controllers });
    }
  }
  return mounts;
}

/** /proc/self/cgroup as controller → path; the v2 entry ("0::/path") is under the key ''. */
export function parseProcCgroup(text: string): Map<string, string> {
  const byController = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = /^\d+:([^:]*):(.*)$/.exec(line.trim());
    if (!match) continue;
    const [, controllers = '', cgroupPath = '/'] = match;
    if (controllers === '') byController.set('', cgroupPath);
    for (const controller of controllers.split(',')) if (controller) byController.set(controller, cgroupPath);
  }
  return byController;
}

/** The directory of this process's own group in a hierarchy mounted at `mount`. */
export function ownGroupDir(mount: CgroupMount, cgroupPath: string): string {
  const relative =
    mount.root !== '/' && (cgroupPath === mount.root || cgroupPath.startsWith(`${mount.root}/`))
      ? cgroupPath.slice(mount.root.length)
      : cgroupPath;
  return path.resolve(mount.mountPoint, `.${relative}`);
}

export type CgroupLayout =
  | { version: 1; cpuDir?: string; memoryDir?: string }
  | { version: 2; unifiedDir: string }
  | { version: 0; reason: string };

/**
 * Where this process may create groups. v1 wins when the cpu or memory controller is bound to a v1 hierarchy
 * (the "hybrid" layout mounts an empty cgroup2 next to them, as on this project's machines).
 */
export function detectLayout(mountInfo: string, procCgroup: string): CgroupLayout {
  const mounts = parseMountInfo(mountInfo);
  const own = parseProcCgroup(procCgroup);
  const v1 = (controller: string): string | undefined => {
    const mount = mounts.find((m) => m.version === 1 && m.controllers.includes(controller));
    const cgroupPath = own.get(controller);
    return mount && cgroupPath !== undefined ? ownGroupDir(mount, cgroupPath) : undefined;
  };
  const cpuDir = v1('cpu');
  const memoryDir = v1('memory');
  if (cpuDir !== undefined || memoryDir !== undefined) return { version: 1, cpuDir, memoryDir };
  const unified = mounts.find((m) => m.version === 2);
  const unifiedPath = own.get('');
  if (unified && unifiedPath !== undefined) return { version: 2, unifiedDir: ownGroupDir(unified, unifiedPath) };
  return { version: 0, reason: 'no cgroup cpu or memory hierarchy is mounted' };
}

/** The group of one execution environment. */
export interface EnvCgroup {
  readonly id: string;
  /** cgroup.procs files the child must join from its first instruction (memory: every page it touches counts). */
  readonly procsFilesAtExec: string[];
  /** Sets the CPU quota once init is done: Lambda runs init with boosted CPU, so the group has none until then. */
  startCpuQuota(): void;
  /**
   * Memory charged to the group now, bytes; undefined without a memory group. It counts page cache charged to the
   * group, so it sizes the limit only; Max Memory Used is the processes' resident memory (sandbox/memory.ts), and the
   * group's peak (memory.max_usage_in_bytes, memory.peak) is not read at all.
   */
  memoryUsageBytes(): number | undefined;
  /** Lower (or raise) the memory limit, bytes. */
  setMemoryLimitBytes(bytes: number): void;
  /** How many times the kernel's OOM killer fired in this group. */
  oomKills(): number;
  /** rmdir the group's directories; false while a process is still inside (retry after it exits). */
  remove(): boolean;
}

export interface EnvLimits {
  /** Undefined: no CPU group. */
  cpuQuotaUs?: number;
  /** Undefined: no memory group. */
  memoryLimitBytes?: number;
}

const read = (file: string): string | undefined => {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
};
const readNumber = (file: string): number | undefined => {
  const text = read(file);
  if (text === undefined) return undefined;
  const value = Number(text.trim());
  return Number.isFinite(value) ? value : undefined;
};
const write = (file: string, value: string): void => fs.writeFileSync(file, value);
const tryWrite = (file: string, value: string): boolean => {
  try {
    write(file, value);
    return true;
  } catch {
    return false;
  }
};
const rmdir = (dir: string): boolean => {
  try {
    fs.rmdirSync(dir);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT';
  }
};

/** A `key value` line of memory.events / memory.oom_control. */
export function readKeyedCounter(text: string | undefined, key: string): number {
  const match = text === undefined ? null : new RegExp(`^${key} (\\d+)$`, 'm').exec(text);
  return match?.[1] === undefined ? 0 : Number(match[1]);
}

let poolSequence = 0;

/**
 * The groups of one SandboxPool: `lambda-power-gate-<pid>-<n>/` under this process's own group in each
 * hierarchy, and one subdirectory per environment. open() probes by creating everything once.
 */
export class CgroupManager {
  readonly cpu: boolean;
  readonly memory: boolean;
  private readonly poolDirs: string[];
  private readonly envs = new Set<EnvCgroup>();

  private constructor(
    private readonly layout: Exclude<CgroupLayout, { version: 0 }>,
    private readonly cpuPoolDir: string | undefined,
    private readonly memoryPoolDir: string | undefined,
  ) {
    this.cpu = cpuPoolDir !== undefined;
    this.memory = memoryPoolDir !== undefined;
    this.poolDirs = [...new Set([cpuPoolDir, memoryPoolDir].filter((d): d is string => d !== undefined))];
  }

  /** The manager, or why cgroups cannot be used here (not Linux, not mounted, not writable). */
  static open(): CgroupManager | { reason: string } {
    if (process.platform !== 'linux') return { reason: `cgroups need Linux (this is ${process.platform})` };
    const mountInfo = read('/proc/self/mountinfo');
    const procCgroup = read('/proc/self/cgroup');
    if (mountInfo === undefined || procCgroup === undefined) return { reason: 'cannot read /proc/self/cgroup' };
    const layout = detectLayout(mountInfo, procCgroup);
    if (layout.version === 0) return { reason: layout.reason };
    const name = `${DIR_PREFIX}${process.pid}-${++poolSequence}`;
    const reasons: string[] = [];
    const probe = (
      parent: string | undefined,
      controller: string,
      setup: (dir: string) => void,
    ): string | undefined => {
      if (parent === undefined) return undefined;
      sweepStaleGroups(parent);
      const dir = path.join(parent, name);
      try {
        fs.mkdirSync(dir);
        setup(dir);
        return dir;
      } catch (error) {
        rmdir(dir);
        reasons.push(`${controller} at ${parent}: ${(error as Error).message}`);
        return undefined;
      }
    };
    if (layout.version === 1) {
      const cpuDir = probe(layout.cpuDir, 'cpu', (dir) => {
        // The quota files must exist and take a value, or the controller is of no use.
        write(path.join(dir, 'cpu.cfs_period_us'), String(CPU_PERIOD_US));
        tryWrite(path.join(dir, 'cpu.shares'), String(POOL_CPU_SHARES));
      });
      const memoryDir = probe(layout.memoryDir, 'memory', (dir) => {
        if (!fs.existsSync(path.join(dir, 'memory.limit_in_bytes'))) throw new Error('no memory.limit_in_bytes');
      });
      if (cpuDir === undefined && memoryDir === undefined) return { reason: reasons.join('; ') };
      return new CgroupManager(layout, cpuDir, memoryDir);
    }
    // v2: cpu and memory must already be enabled in our group's subtree_control. We do not switch them on: that
    // would change a group we do not own, for longer than we live (and the kernel refuses it in a non-root group
    // that holds processes, as ours does). So this works at the root, or where the parent delegates them.
    const parent = layout.unifiedDir;
    const enabled = new Set((read(path.join(parent, 'cgroup.subtree_control')) ?? '').split(/\s+/));
    for (const controller of ['cpu', 'memory']) {
      if (!enabled.has(controller)) reasons.push(`${controller} is not enabled in ${parent}/cgroup.subtree_control`);
    }
    const dir = probe(parent, 'cgroup2', (d) => {
      const available = new Set((read(path.join(d, 'cgroup.controllers')) ?? '').split(/\s+/));
      const wanted = ['cpu', 'memory'].filter((c) => available.has(c));
      if (wanted.length === 0) throw new Error('neither cpu nor memory is delegated');
      write(path.join(d, 'cgroup.subtree_control'), wanted.map((c) => `+${c}`).join(' '));
      if (wanted.includes('cpu')) tryWrite(path.join(d, 'cpu.weight'), String(POOL_CPU_WEIGHT));
    });
    if (dir === undefined) return { reason: reasons.join('; ') };
    const delegated = new Set((read(path.join(dir, 'cgroup.subtree_control')) ?? '').split(/\s+/));
    return new CgroupManager(layout, delegated.has('cpu') ? dir : undefined, delegated.has('memory') ? dir : undefined);
  }

  /** Every directory this manager created and still holds (tests check they are gone after close()). */
  directories(): string[] {
    return this.poolDirs.filter((dir) => fs.existsSync(dir));
  }

  createEnv(id: string, limits: EnvLimits): EnvCgroup {
    const env = this.layout.version === 1 ? this.createV1(id, limits) : this.createV2(id, limits);
    this.envs.add(env);
    return env;
  }

  private createV1(id: string, limits: EnvLimits): EnvCgroup {
    const cpuDir =
      this.cpuPoolDir !== undefined && limits.cpuQuotaUs !== undefined ? path.join(this.cpuPoolDir, id) : undefined;
    const memoryDir =
      this.memoryPoolDir !== undefined && limits.memoryLimitBytes !== undefined
        ? path.join(this.memoryPoolDir, id)
        : undefined;
    const created: string[] = [];
    try {
      if (cpuDir !== undefined) {
        fs.mkdirSync(cpuDir);
        created.push(cpuDir);
        write(path.join(cpuDir, 'cpu.cfs_period_us'), String(CPU_PERIOD_US));
        // No quota until init is done (startCpuQuota sets it): init runs unthrottled, as on Lambda, but inside the pool's
        // group, whose shares outweigh the rest of the machine, so other work on the host does not stretch Init
        // Duration (it did when init ran outside the group: the Init bench's paired spread doubled at load 9).
        write(path.join(cpuDir, 'cpu.cfs_quota_us'), '-1');
      }
      if (memoryDir !== undefined) {
        fs.mkdirSync(memoryDir);
        created.push(memoryDir);
        write(path.join(memoryDir, 'memory.limit_in_bytes'), String(limits.memoryLimitBytes));
        // With swap on, the kernel would swap instead of killing; Lambda has no swap. Absent without swap accounting.
        tryWrite(path.join(memoryDir, 'memory.memsw.limit_in_bytes'), String(limits.memoryLimitBytes));
      }
    } catch (error) {
      created.reverse().forEach(rmdir);
      throw error;
    }
    const forget = (env: EnvCgroup) => this.envs.delete(env);
    const env: EnvCgroup = {
      id,
      procsFilesAtExec: [memoryDir, cpuDir]
        .filter((dir): dir is string => dir !== undefined)
        .map((dir) => path.join(dir, 'cgroup.procs')),
      startCpuQuota() {
        if (cpuDir !== undefined) write(path.join(cpuDir, 'cpu.cfs_quota_us'), String(limits.cpuQuotaUs));
      },
      memoryUsageBytes: () =>
        memoryDir === undefined ? undefined : readNumber(path.join(memoryDir, 'memory.usage_in_bytes')),
      setMemoryLimitBytes(bytes) {
        if (memoryDir === undefined) return;
        // memsw must stay >= limit: raise it first when growing, lower it last when shrinking.
        const memsw = path.join(memoryDir, 'memory.memsw.limit_in_bytes');
        tryWrite(memsw, String(bytes));
        write(path.join(memoryDir, 'memory.limit_in_bytes'), String(bytes));
        tryWrite(memsw, String(bytes));
      },
      oomKills: () =>
        memoryDir === undefined ? 0 : readKeyedCounter(read(path.join(memoryDir, 'memory.oom_control')), 'oom_kill'),
      remove() {
        const removed = [cpuDir, memoryDir].every((dir) => dir === undefined || rmdir(dir));
        if (removed) forget(env);
        return removed;
      },
    };
    return env;
  }

  private createV2(id: string, limits: EnvLimits): EnvCgroup {
    const poolDir = this.cpuPoolDir ?? this.memoryPoolDir;
    if (poolDir === undefined) throw new Error('no cgroup2 pool directory');
    const dir = path.join(poolDir, id);
    fs.mkdirSync(dir);
    try {
      if (this.cpuPoolDir !== undefined && limits.cpuQuotaUs !== undefined) {
        write(path.join(dir, 'cpu.max'), `${limits.cpuQuotaUs} ${CPU_PERIOD_US}`);
      }
      if (this.memoryPoolDir !== undefined && limits.memoryLimitBytes !== undefined) {
        write(path.join(dir, 'memory.max'), String(limits.memoryLimitBytes));
        tryWrite(path.join(dir, 'memory.swap.max'), '0');
      }
    } catch (error) {
      rmdir(dir);
      throw error;
    }
    // v2 has one group per process for all controllers: the child joins at exec and the CPU quota is lifted until
    // init is done (cpu.max "max"), then set, as in v1.
    const quota = this.cpuPoolDir === undefined ? undefined : limits.cpuQuotaUs;
    if (quota !== undefined) write(path.join(dir, 'cpu.max'), `max ${CPU_PERIOD_US}`);
    const memory = this.memory && limits.memoryLimitBytes !== undefined;
    const forget = (env: EnvCgroup) => this.envs.delete(env);
    const env: EnvCgroup = {
      id,
      procsFilesAtExec: [path.join(dir, 'cgroup.procs')],
      startCpuQuota() {
        if (quota !== undefined) write(path.join(dir, 'cpu.max'), `${quota} ${CPU_PERIOD_US}`);
      },
      memoryUsageBytes: () => (memory ? readNumber(path.join(dir, 'memory.current')) : undefined),
      setMemoryLimitBytes(bytes) {
        if (memory) write(path.join(dir, 'memory.max'), String(bytes));
      },
      oomKills: () => readKeyedCounter(read(path.join(dir, 'memory.events')), 'oom_kill'),
      remove() {
        const removed = rmdir(dir);
        if (removed) forget(env);
        return removed;
      },
    };
    return env;
  }

  /** rmdir every group still held; false if some are still busy (processes not reaped yet). */
  removeAll(): boolean {
    let clean = true;
    for (const env of [...this.envs]) clean = env.remove() && clean;
    if (!clean) return false;
    for (const dir of this.poolDirs) clean = rmdir(dir) && clean;
    return clean;
  }
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Remove groups left behind by emulator processes that died without cleaning up (best effort, empty ones only). */
export function sweepStaleGroups(parent: string): void {
  let entries: string[];
  try {
    entries = fs.readdirSync(parent);
  } catch {
    return;
  }
  for (const entry of entries) {
    const match = /^lambda-power-gate-(\d+)-\d+$/.exec(entry);
    if (!match || isAlive(Number(match[1]))) continue;
    const dir = path.join(parent, entry);
    try {
      for (const child of fs.readdirSync(dir, { withFileTypes: true }))
        if (child.isDirectory()) rmdir(path.join(dir, child.name));
    } catch {
      // not ours to worry about
    }
    rmdir(dir);
  }
}

export const bytesFromMib = (mib: number): number => Math.round(mib * MIB);
