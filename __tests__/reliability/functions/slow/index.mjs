// slow — answers after SLEEP_MS (default 200 ms) of waiting, so a test can act while a run is mid-invocation.
export const handler = async () => {
  await new Promise((resolve) => setTimeout(resolve, Number(process.env.SLEEP_MS ?? 200)));
  return { ok: true };
};
