// Progress for both front doors' logs: 500 invocations must stay readable, so a memory size reports once per tenth
// of its invocations, and its last.

/** Returns whether this progress report is worth a line: the first in a new tenth of the work, or the end. */
export function progressThrottle(): (memoryMb: number, done: number, total: number) => boolean {
  const lastDecile = new Map<number, number>();
  return (memoryMb, done, total) => {
    const decile = Math.floor((done / total) * 10);
    if (decile === lastDecile.get(memoryMb) && done !== total) return false;
    lastDecile.set(memoryMb, decile);
    return true;
  };
}
