// primes — the talk's CPU-bound example, "compute N times all prime numbers <= M" (sieve of Eratosthenes).
// env PRIMES_N (times, default 10), PRIMES_M (limit, default 1000000), WORK_MULTIPLIER (default 1; 2 = the
// "slower PR" variant that does twice the work). event.n / event.m override the environment.
// Duration × memory stays roughly constant up to 1,769 MB (one vCPU), so cost is flat while speed improves.
const positiveNumber = (value, fallback) => {
  const number = Number(value);
  return Number.isFinite(number) && number > 0 ? number : fallback;
};

const countPrimesUpTo = (limit) => {
  const composite = new Uint8Array(limit + 1);
  let count = 0;
  for (let i = 2; i <= limit; i++) {
    if (composite[i]) continue;
    count++;
    for (let j = i * i; j <= limit; j += i) composite[j] = 1;
  }
  return count;
};

export const handler = async (event) => {
  const multiplier = positiveNumber(process.env.WORK_MULTIPLIER, 1);
  const times = Math.round(positiveNumber(event?.n ?? process.env.PRIMES_N, 10) * multiplier);
  const limit = Math.floor(positiveNumber(event?.m ?? process.env.PRIMES_M, 1_000_000));
  let primes = 0;
  for (let i = 0; i < times; i++) primes = countPrimesUpTo(limit);
  return { times, limit, primes };
};
