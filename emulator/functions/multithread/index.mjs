// multithread — CPU work split across worker_threads (THREADS, default 2): counts the primes below
// MULTITHREAD_LIMIT (default 600000) by trial division, one worker per thread, WORK_MULTIPLIER times.
// Gains above 1,769 MB, where Lambda gives more than one vCPU (the talk's "S3 download multithread" pattern).
import { Worker } from 'node:worker_threads';

const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
let count = 0;
for (const [from, to] of workerData.ranges) {
  for (let n = Math.max(2, from); n < to; n++) {
    let prime = true;
    for (let d = 2; d * d <= n; d++) if (n % d === 0) { prime = false; break; }
    if (prime) count++;
  }
}
parentPort.postMessage(count);
`;

const countInWorker = (ranges) =>
  new Promise((resolve, reject) => {
    const worker = new Worker(workerSource, { eval: true, workerData: { ranges } });
    worker.once('message', resolve);
    worker.once('error', reject);
  });

export const handler = async () => {
  const threads = Math.max(1, Number(process.env.THREADS ?? 2));
  const limit = Math.max(10, Number(process.env.MULTITHREAD_LIMIT ?? 600_000));
  const repetitions = Math.max(1, Math.round(Number(process.env.WORK_MULTIPLIER ?? 1)));
  // Trial division gets dearer as n grows, so deal the ranges out in turn instead of cutting equal halves.
  const slices = 16 * threads;
  const step = Math.ceil(limit / slices);
  const perThread = Array.from({ length: threads }, () => []);
  for (let s = 0; s < slices; s++) perThread[s % threads].push([s * step, Math.min(limit, (s + 1) * step)]);
  let primes = 0;
  for (let r = 0; r < repetitions; r++) {
    const counts = await Promise.all(perThread.map(countInWorker));
    primes = counts.reduce((a, b) => a + b, 0);
  }
  return { threads, limit, primes };
};
