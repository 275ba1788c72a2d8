// The turns functions tuned together take at one memory size, so both see the same time window (tuner.ts).

/** Paces one function's invocations at one memory size against the other functions'. */
export interface Pacer {
  /** Resolves when it is this function's turn. */
  acquire(): Promise<void>;
  /** Hands the turn to the next function. */
  release(): void;
  /** This function is done (or stopped early): the others no longer wait for it. */
  leave(): void;
}

/**
 * Turns between parties in a counterbalanced order: forward, then backward, then forward (ABBA for two: 0, 1, 1,
 * 0, 0, 1, …), so neither function always goes first — a fixed order would give one of them a consistent edge
 * (caches, the moment in the host's or service's cycle), which many samples turn into a false "significant" change.
 * A party that leaves is skipped from then on, so one function stopping early (a failed power value) never stalls
 * the other.
 */
export class Turnstile {
  private readonly active: number[];
  private position = 0;
  private direction: 1 | -1 = 1;
  private readonly waiting = new Map<number, () => void>();

  /** `fromLast`: the last party goes first (B A A B …), so alternating blocks cancel any edge of going first. */
  constructor(parties: number, fromLast = false) {
    this.active = Array.from({ length: parties }, (_, index) => index);
    if (fromLast && parties > 1) {
      this.position = parties - 1;
      this.direction = -1;
    }
  }

  pacer(party: number): Pacer {
    return { acquire: () => this.acquire(party), release: () => this.release(party), leave: () => this.leave(party) };
  }

  private current(): number | undefined {
    return this.active[this.position];
  }

  private acquire(party: number): Promise<void> {
    if (this.current() === party || !this.active.includes(party)) return Promise.resolve();
    return new Promise((resolve) => this.waiting.set(party, resolve));
  }

  private release(party: number): void {
    if (this.current() !== party) return;
    const next = this.position + this.direction;
    if (next < 0 || next >= this.active.length) {
      // At either end the direction turns and the same party goes again: A B | B A | A B …
      this.direction = this.direction === 1 ? -1 : 1;
    } else {
      this.position = next;
    }
    this.wake();
  }

  private leave(party: number): void {
    const index = this.active.indexOf(party);
    if (index < 0) return;
    this.active.splice(index, 1);
    if (index < this.position) this.position--;
    this.position = Math.min(this.position, Math.max(0, this.active.length - 1));
    this.wake();
  }

  private wake(): void {
    const party = this.current();
    if (party === undefined) return;
    const resolve = this.waiting.get(party);
    if (resolve) {
      this.waiting.delete(party);
      resolve();
    }
  }
}
