// slow-init — a function whose init (module load) takes longer than Lambda's 10-second init phase: INIT_SLEEP_MS
// (default 11000) of top-level await before the handler exists. Lambda does not fail it: it retries the init inside
// the first invocation with the function's timeout, so that invocation's Duration includes the init.
const initSleepMs = Number(process.env.INIT_SLEEP_MS ?? 11_000);
const initStartedAt = Date.now();
console.log(`init: sleeping ${initSleepMs} ms`);
await new Promise((resolve) => setTimeout(resolve, initSleepMs));
const initMs = Date.now() - initStartedAt;

export const handler = async () => ({ statusCode: 200, initMs });
