// noop — the talk's "No-Op (trivial data manipulation < 100 ms)" class: reshapes a small list and returns it.
// Memory size makes almost no difference to its duration, so the cheapest memory wins.
export const handler = async (event) => {
  const items = Array.isArray(event?.items) ? event.items : [3, 1, 2];
  const sorted = [...items].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { statusCode: 200, count: sorted.length, first: sorted[0] ?? null, items: sorted };
};
