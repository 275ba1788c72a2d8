// Fault injection: the failures a tuning run meets on real Lambda, on demand and reproducibly.
// Every rule fires either for the next N matching requests (a count) or with a probability drawn from a
// seeded PRNG, so a test that sets the same faults sees the same failures.

export const OPERATIONS = [
  'CreateFunction',
  'DeleteFunction',
  'GetFunction',
  'GetFunctionConfiguration',
  'ListFunctions',
  'UpdateFunctionConfiguration',
  'PublishVersion',
  'ListVersionsByFunction',
  'CreateAlias',
  'GetAlias',
  'UpdateAlias',
  'DeleteAlias',
  'ListAliases',
  'ListTags',
  'GetLayerVersion',
  'GetLayerVersionByArn',
  'Invoke',
] as const;
export type OperationName = (typeof OPERATIONS)[number];

export interface FaultRule {
  /** Only requests of these operations; all operations when absent. */
  operations?: readonly OperationName[];
  /**
   * The first N matching requests pass before the rule applies, to aim at one step of a sequence:
   * `{ operations: ['UpdateFunctionConfiguration'], after: 2, next: 3 }` fails the 3rd to 5th update.
   */
  after?: number;
  /** The next N matching requests fail. */
  next?: number;
  /** Each matching request fails with this probability (0..1), drawn from the seeded PRNG. */
  probability?: number;
}

export interface ThrottleRule extends FaultRule {
  /** Retry-After header (seconds); the SDK waits at least this long before retrying. Default 0. */
  retryAfterSeconds?: number;
  /** TooManyRequestsException.Reason; default ConcurrentInvocationLimitExceeded for Invoke, CallerRateLimitExceeded otherwise. */
  reason?: string;
}

export interface CrashRule {
  /** The first N invocations pass before the rule applies. */
  after?: number;
  /** The next N invocations fail with Runtime.ExitError. */
  next?: number;
  /** Each invocation fails with Runtime.ExitError with this probability. */
  probability?: number;
}

export interface FaultConfig {
  /** 429 TooManyRequestsException bursts. */
  throttle?: ThrottleRule;
  /** 500 ServiceException. */
  serverError?: FaultRule;
  /** The socket is destroyed without an answer (the SDK sees a connection reset). */
  dropConnection?: FaultRule;
  /**
   * The request is carried out, then the socket is destroyed without an answer: the caller cannot tell whether
   * it happened (a timeout or a reset after the service acted), so a retry meets its own earlier effect.
   */
  dropResponse?: FaultRule;
  /** 409 ResourceConflictException, as Lambda answers while another update of the function is in progress. */
  conflict?: FaultRule;
  /**
   * Extra latency before answering each control-plane call (every operation but Invoke): a fixed number of
   * milliseconds, or a range each call draws from (seeded), e.g. `{ minMs: 800, maxMs: 1500 }` for a slow
   * control plane as seen on a busy account.
   */
  controlPlaneLatencyMs?: number | { minMs: number; maxMs: number };
  /** LastUpdateStatus stays InProgress (State Pending after CreateFunction) this long instead of the emulator's default. */
  updateDelayMs?: number;
  /** The handler's runtime exits: X-Amz-Function-Error Unhandled with errorType Runtime.ExitError. */
  crash?: CrashRule;
  /** PRNG seed for probability rules. Default 1. */
  seed?: number;
}

export type RequestFault =
  | { kind: 'throttle'; reason: string; retryAfterSeconds: number }
  | { kind: 'serverError' }
  | { kind: 'conflict' }
  | { kind: 'dropConnection' }
  | { kind: 'dropResponse' };

/** mulberry32: a tiny, well-distributed 32-bit PRNG; enough for reproducible fault rolls. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One scope's faults (global or one function) with the counters and PRNG they consume. */
class FaultScope {
  private readonly remaining = new Map<string, number>();
  /** Matching requests let through so far, per rule with `after`. */
  private readonly passed = new Map<string, number>();
  private readonly random: () => number;

  constructor(readonly config: FaultConfig) {
    this.random = seededRandom(config.seed ?? 1);
    for (const key of ['throttle', 'serverError', 'conflict', 'dropConnection', 'dropResponse', 'crash'] as const) {
      const next = config[key]?.next;
      if (next !== undefined) this.remaining.set(key, next);
    }
  }

  requestFault(operation: OperationName): RequestFault | undefined {
    // A dropped connection pre-empts an answer, and a throttle is decided before any work is done.
    if (this.fires('dropConnection', this.config.dropConnection, operation)) return { kind: 'dropConnection' };
    const throttle = this.config.throttle;
    if (this.fires('throttle', throttle, operation)) {
      const reason =
        throttle?.reason ?? (operation === 'Invoke' ? 'ConcurrentInvocationLimitExceeded' : 'CallerRateLimitExceeded');
      return { kind: 'throttle', reason, retryAfterSeconds: throttle?.retryAfterSeconds ?? 0 };
    }
    if (this.fires('serverError', this.config.serverError, operation)) return { kind: 'serverError' };
    if (this.fires('conflict', this.config.conflict, operation)) return { kind: 'conflict' };
    if (this.fires('dropResponse', this.config.dropResponse, operation)) return { kind: 'dropResponse' };
    return undefined;
  }

  crashes(): boolean {
    return this.fires('crash', this.config.crash, 'Invoke');
  }

  latencyMs(): number | undefined {
    const latency = this.config.controlPlaneLatencyMs;
    if (latency === undefined || typeof latency === 'number') return latency;
    return Math.round(latency.minMs + this.random() * Math.max(0, latency.maxMs - latency.minMs));
  }

  private fires(key: string, rule: FaultRule | undefined, operation: OperationName): boolean {
    if (!rule) return false;
    if (rule.operations && !rule.operations.includes(operation)) return false;
    const passed = this.passed.get(key) ?? 0;
    if (rule.after !== undefined && passed < rule.after) {
      this.passed.set(key, passed + 1);
      return false;
    }
    const left = this.remaining.get(key);
    if (left !== undefined && left > 0) {
      this.remaining.set(key, left - 1);
      return true;
    }
    return rule.probability !== undefined && rule.probability > 0 && this.random() < rule.probability;
  }
}

/** Faults set globally ('*') and per function; a function's own faults are consulted before the global ones. */
export class FaultInjector {
  private readonly scopes = new Map<string, FaultScope>();

  constructor(global?: FaultConfig) {
    if (global) this.set('*', global);
  }

  /** Replaces the faults of one scope and restarts its counters; `{}` clears them. */
  set(functionName: string | '*', config: FaultConfig): void {
    this.scopes.set(functionName, new FaultScope(config));
  }

  requestFault(operation: OperationName, functionName?: string): RequestFault | undefined {
    for (const scope of this.scopesFor(functionName)) {
      const fault = scope.requestFault(operation);
      if (fault) return fault;
    }
    return undefined;
  }

  crashes(functionName: string): boolean {
    return this.scopesFor(functionName).some((scope) => scope.crashes());
  }

  controlPlaneLatencyMs(functionName?: string): number {
    for (const scope of this.scopesFor(functionName)) {
      const latencyMs = scope.latencyMs();
      if (latencyMs !== undefined) return latencyMs;
    }
    return 0;
  }

  updateDelayMs(functionName: string): number | undefined {
    return this.firstDefined(functionName, (c) => c.updateDelayMs);
  }

  private firstDefined<T>(functionName: string | undefined, pick: (c: FaultConfig) => T | undefined): T | undefined {
    for (const scope of this.scopesFor(functionName)) {
      const value = pick(scope.config);
      if (value !== undefined) return value;
    }
    return undefined;
  }

  private scopesFor(functionName?: string): FaultScope[] {
    const own = functionName === undefined ? undefined : this.scopes.get(functionName);
    const global = this.scopes.get('*');
    return [own, global].filter((s): s is FaultScope => s !== undefined);
  }
}
