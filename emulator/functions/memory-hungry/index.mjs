// memory-hungry — two ways to use memory:
// - per invocation (default): allocates (and touches) MEMORY_HUNGRY_MB of buffers, default 400, so it runs out of
//   memory below 512 MB (Runtime.OutOfMemory) and succeeds from 512 MB up: memory sizes that fail must be skipped.
// - MEMORY_HUNGRY_RSS_MB: a working set loaded at init and kept (a large in-memory cache, a model), grown until the
//   whole process holds that many MB, then each invocation returns at once. Max Memory Used is then that figure plus
//   the sandbox's own share (24 MB for Node, emulator/lambda/sandbox/memory.ts) at every memory size, as on Lambda,
//   where it counts the whole sandbox: e.g. 220 MB reports 244–246 MB, 95% of 256 MB and 48% of 512 MB, so the
//   headroom checks can be shown near a limit without running out (243 MB no longer fits in 256 MB).
const MB = 1024 * 1024;
const workingSetMb = Number(process.env.MEMORY_HUNGRY_RSS_MB ?? 0);
const workingSet = [];
if (workingSetMb > 0) {
  // 1 MB steps so the process stops within a megabyte of the target; filled, so every page is resident.
  while (process.memoryUsage().rss < workingSetMb * MB) workingSet.push(Buffer.alloc(MB, 1));
}

export const handler = async () => {
  if (workingSetMb > 0) return { workingSetMb: Math.round(process.memoryUsage().rss / MB), chunks: workingSet.length };
  const totalMb = Number(process.env.MEMORY_HUNGRY_MB ?? 400);
  const chunks = [];
  for (let allocated = 0; allocated < totalMb; allocated += 10) chunks.push(Buffer.alloc(10 * 1024 * 1024, 1));
  return { allocatedMb: chunks.length * 10 };
};
