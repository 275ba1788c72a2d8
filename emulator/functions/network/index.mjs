// network — the talk's "Network-bound (third-party API call)" class: awaits an HTTP call to env NETWORK_URL
// (a local server with fixed latency, provided by the emulator's tests or the bench). More memory buys nothing,
// so the cheapest memory wins. Without NETWORK_URL it waits NETWORK_LATENCY_MS (default 100) instead, and says so.
export const handler = async () => {
  const url = process.env.NETWORK_URL;
  const started = Date.now();
  if (!url) {
    const latencyMs = Number(process.env.NETWORK_LATENCY_MS ?? 100);
    console.log(`NETWORK_URL is not set: simulating a ${latencyMs} ms call with a timer`);
    await new Promise((resolve) => setTimeout(resolve, latencyMs));
    return { simulated: true, latencyMs: Date.now() - started };
  }
  const response = await fetch(url);
  const body = await response.text();
  return { simulated: false, status: response.status, bytes: body.length, latencyMs: Date.now() - started };
};
