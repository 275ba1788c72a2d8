// What a copy on the other architecture costs a run (src/tuning/arch-copy.ts): wall time and control-plane requests
// to make it (GetFunction, the layer check, the download, CreateFunction, the wait for Active) and to delete it, on the
// emulator with Lambda's control-plane quota on and a 1 s Pending window after CreateFunction (the emulator's default
// updateDelayMs). On AWS the Pending window is Lambda's own (seconds for a .zip function); the request counts hold.
//
//   npx tsx bench/arch-copy.ts [--repeats 5]

import { parseArgs } from 'node:util';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { startEmulator } from '../emulator/lambda/server.js';
import { silentLogger } from '../src/lib/ports.js';
import { makeArchitectureCopy } from '../src/tuning/arch-copy.js';
import { machineNote } from './lib.js';

const { values } = parseArgs({ options: { repeats: { type: 'string', default: '5' } } });
const repeats = Number(values.repeats);

const emulator = await startEmulator({ updateDelayMs: 1000 });
const lambda = new LambdaClient({
  endpoint: emulator.endpoint,
  region: emulator.region,
  credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
});
const layer = emulator.publishLayer({ name: 'deps', compatibleArchitectures: ['x86_64', 'arm64'] });
await emulator.createFunction({ name: 'shop', sample: 'primes', layers: [layer] });

const count = () => ({ ...emulator.stats().requests });
const diff = (after: Record<string, number>, before: Record<string, number>) =>
  Object.fromEntries(
    Object.entries(after)
      .map(([operation, n]) => [operation, n - (before[operation] ?? 0)] as const)
      .filter(([, n]) => n > 0),
  );

const makeMs: number[] = [];
const disposeMs: number[] = [];
let makeRequests: Record<string, number> = {};
let disposeRequests: Record<string, number> = {};
for (let repeat = 0; repeat < repeats; repeat++) {
  const before = count();
  const started = performance.now();
  const copy = await makeArchitectureCopy(lambda, 'shop', 'arm64', {
    runId: `bench${repeat}`,
    deadlineMs: Date.now() + 3_600_000,
    logger: silentLogger,
    endpoint: emulator.endpoint,
    waiterMinDelaySec: 1,
  });
  const made = performance.now();
  const between = count();
  await copy.dispose();
  disposeMs.push(performance.now() - made);
  makeMs.push(made - started);
  makeRequests = diff(between, before);
  disposeRequests = diff(count(), between);
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

console.log(`Architecture copy of the primes sample (${repeats} repeats; ${machineNote()})`);
console.log(`  make (GetFunction … Active): median ${(median(makeMs) / 1000).toFixed(2)} s`);
console.log(`    requests: ${JSON.stringify(makeRequests)}`);
console.log(`  dispose (DeleteFunction):    median ${(median(disposeMs) / 1000).toFixed(2)} s`);
console.log(`    requests: ${JSON.stringify(disposeRequests)}`);
lambda.destroy();
await emulator.close();
