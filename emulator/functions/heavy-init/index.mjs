// heavy-init — a function whose cold start is dominated by its init, as when a PR adds a heavy dependency: at module
// load it builds a large lookup table (INIT_ENTRIES entries, default 100,000: about 100–250 ms of CPU), and each
// invocation reads a few entries of it (well under a millisecond). INIT_MULTIPLIER (default 1; 3 = the "heavier
// PR" variant) multiplies the init work and nothing else, so warm cost and duration stay as they are while Init
// Duration grows. event.key picks the entry to read.
const positiveNumber = (value, fallback) => {
  const number = Number(value);
  return Number.isFinite(number) && number > 0 ? number : fallback;
};

const entries = Math.round(
  positiveNumber(process.env.INIT_ENTRIES, 100_000) * positiveNumber(process.env.INIT_MULTIPLIER, 1),
);
const initStartedAt = performance.now();
const table = new Map();
for (let i = 0; i < entries; i++) {
  // Strings and small objects, as a parsed dependency leaves them: allocation and hashing, not one tight loop.
  table.set(`key-${i}`, { id: i, name: `entry ${i}`, tags: [i % 7, i % 11, i % 13] });
}
const initMs = performance.now() - initStartedAt;

export const handler = async (event) => {
  const key = Number.isInteger(event?.key) ? event.key : 42;
  let sum = 0;
  for (let i = 0; i < 100; i++) sum += table.get(`key-${(key + i) % entries}`)?.tags[0] ?? 0;
  return { entries, initMs: Math.round(initMs), sum };
};
