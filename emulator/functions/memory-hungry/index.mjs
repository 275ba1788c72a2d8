// memory-hungry — allocates (and touches) MEMORY_HUNGRY_MB of buffers, default 400, so it runs out of memory
// below 512 MB (Runtime.OutOfMemory) and succeeds from 512 MB up: memory sizes that fail must be skipped.
export const handler = async () => {
  const totalMb = Number(process.env.MEMORY_HUNGRY_MB ?? 400);
  const chunks = [];
  for (let allocated = 0; allocated < totalMb; allocated += 10) chunks.push(Buffer.alloc(10 * 1024 * 1024, 1));
  return { allocatedMb: chunks.length * 10 };
};
