// What an execution environment reports as Max Memory Used, and the memory it may hold before it runs out.
//
// Lambda's figure is the memory the function's processes hold, over the environment's life: "the peak memory
// provided to the underlying Lambda function … the maximum memory the program (usually via an allocator library)
// has requested" from the operating system (AWS's own Rust runtime README, FAQ "Is the runtime leaking?",
// aws/aws-lambda-rust-runtime PR #1053), a high-water mark across the environment, not per invocation. Page cache
// is not memory a program requested: files it reads stay out of the figure.
//
// So the figure here is the resident memory of the environment's process tree, never its memory cgroup's usage or
// peak. Those count page cache charged to the group (memory.max_usage_in_bytes on v1, memory.peak on v2): a no-op
// that reads a cold file, or whose node_modules were just checked out, reached all of its 128 MB that way in CI,
// and how much cache a group holds depends on what else the machine did. Resident memory (VmRSS) counts anonymous
// memory (heap, buffers) plus the pages of files the process has mapped (node's binary and libraries) whether or
// not the page cache held them already, so it moves with what the function does and nothing else. Measured as:
// - the runtime process's own high-water mark (VmHWM, kept by the kernel at every page fault, so no sampling gap:
//   a spike between two polls is still counted), sent by the runtime after init and each invocation and read here
//   at each invocation's end. Not ru_maxrss (process.resourceUsage().maxRSS): the kernel carries it over exec, so
//   it held the RSS of the emulator the environment was forked from (a no-op reported all of its 128 MB under the
//   full test suite); VmHWM belongs to the process image and starts afresh at exec;
// - plus, for processes the function starts (Lambda counts the whole sandbox), the tree's summed VmRSS, polled
//   every RSS_POLL_MS while the environment initializes or runs; their spikes shorter than that can be missed.
// Out of memory is still enforced by the memory cgroup (the kernel reclaims page cache before it kills) or, without
// one, by the poll; an environment that ran out reports its whole memory size, as Lambda does.
import fs from 'node:fs';
import { type FunctionRuntimeSpec, isPython } from './spec.js';

/** How often the process tree's resident memory is sampled while an environment initializes or runs. */
export const RSS_POLL_MS = 20;

/**
 * What Lambda's Node.js sandbox holds beyond the function's own Node process, MB: counted in Max Memory Used and
 * taken from the memory the process may use, as on Lambda, where it is part of the environment's memory size.
 *
 * A trivial Node function on Lambda at 128 MB reports Max Memory Used 64–68 MB in published REPORT lines, e.g. a
 * cold echo handler: "Duration: 16.00 ms  Billed Duration: 16 ms  Memory Size: 128 MB  Max Memory Used: 65 MB  Init
 * Duration: 133.86 ms" (github.com/demisto/content, Packs/AWS-Lambda/Integrations/AWS-Lambda/README.md); others
 * show 64, 67 and 68 MB. The same no-op's Node process here peaks at 41–42 MB resident (bench/max-memory.ts). Lambda's
 * figure is larger than what the Node process holds: a function there logged process.memoryUsage().rss 47 MB while
 * its REPORT said Max Memory Used 81 MB at 128 MB (awsdocs/aws-lambda-developer-guide issue #202), so the difference
 * is not in the process (its runtime interface client and the sandbox's own processes are). It is modeled here as a
 * constant added to the figure and removed from the process's budget, not held as ballast in the process: the
 * function's own process.memoryUsage() then reads what it would on Lambda.
 */
export const NODE_RUNTIME_FOOTPRINT_MB = 24;
const MIB = 1024 * 1024;

/** The sandbox's own share of the memory size, bytes (Node only: no published figure for Python was checked). */
export function runtimeFootprintBytes(spec: FunctionRuntimeSpec): number {
  return isPython(spec) ? 0 : NODE_RUNTIME_FOOTPRINT_MB * MIB;
}

/** A `Field:   123 kB` line of /proc/<pid>/status, in kB; undefined when absent. */
export function statusFieldKb(status: string, field: 'VmRSS' | 'VmHWM'): number | undefined {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/** The pids in /proc/<pid>/task/<tid>/children (space-separated). */
export function parseChildPids(text: string): number[] {
  return text
    .split(/\s+/)
    .filter((field) => /^\d+$/.test(field))
    .map(Number);
}

export interface TreeMemory {
  /** The runtime process's resident high-water mark, kB. */
  hwmKb: number;
  /** Resident memory of the process and every descendant now, kB. */
  treeRssKb: number;
}

const readText = (file: string): string | undefined => {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
};

/** The children of every thread of a process (a process spawned from a worker thread is a child of that thread). */
function childPids(pid: number): number[] {
  let tids: string[];
  try {
    tids = fs.readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
  return tids.flatMap((tid) => parseChildPids(readText(`/proc/${pid}/task/${tid}/children`) ?? ''));
}

/** The process's VmHWM and its tree's summed VmRSS now (Linux /proc); undefined once the process is gone. */
export function readTreeMemory(pid: number | undefined): TreeMemory | undefined {
  if (pid === undefined || process.platform !== 'linux') return undefined;
  const status = readText(`/proc/${pid}/status`);
  if (status === undefined) return undefined;
  const rssKb = statusFieldKb(status, 'VmRSS');
  if (rssKb === undefined) return undefined; // a zombie has no memory left to count
  let treeRssKb = rssKb;
  const seen = new Set([pid]);
  const queue = childPids(pid);
  while (queue.length > 0) {
    const child = queue.shift() as number;
    if (seen.has(child)) continue;
    seen.add(child);
    treeRssKb += statusFieldKb(readText(`/proc/${child}/status`) ?? '', 'VmRSS') ?? 0;
    queue.push(...childPids(child));
  }
  return { hwmKb: statusFieldKb(status, 'VmHWM') ?? rssKb, treeRssKb };
}
