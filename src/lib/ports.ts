// The engine's collaborators, injected so the engine never imports @actions/* or touches process directly.

export interface EngineLogger {
  info(message: string): void;
  warning(message: string): void;
  debug(message: string): void;
  /** A collapsible section on GitHub, a heading in a terminal. */
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
  /** Invocations done out of planned, for one power value. */
  progress(memoryMb: number, done: number, total: number): void;
}

export interface Clock {
  now(): Date;
}

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export const silentLogger: EngineLogger = {
  info: () => {},
  warning: () => {},
  debug: () => {},
  group: (_name, fn) => fn(),
  progress: () => {},
};

export const systemClock: Clock = { now: () => new Date() };

/** Resolves after ms, or rejects with the signal's reason as soon as it aborts. */
export const realSleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
