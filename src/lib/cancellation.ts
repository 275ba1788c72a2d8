// One cancellation for both front doors: the run stops on SIGINT/SIGTERM (a cancelled job, Ctrl-C) and when
// timeout-minutes is reached. The engine only sees the AbortSignal; its reason is an Error whose message says why,
// which the engine quotes ("Tuning cancelled (SIGINT received); …").

export type StopSignal = 'SIGINT' | 'SIGTERM';

export interface CancellationOptions {
  timeoutMinutes: number;
  /** How long a minute lasts; tests shorten it. Default 60 000. */
  minuteMs?: number;
  /** The process, or a test's emitter. */
  signalSource: NodeJS.EventEmitter;
  /** Called once per signal received, before the run is aborted: each door says so in its own voice. */
  onSignal: (name: StopSignal) => void;
  /**
   * Keep the signal handlers after an aborted run is disposed. On GitHub the runner sends SIGTERM 7.5 s after a
   * cancel's SIGINT: a process still winding down (the SDK's last timers) must not die of it with no exit code. A
   * terminal wants the opposite: a second Ctrl-C after the run ends kills the process as usual.
   */
  keepHandlersOnceAborted?: boolean;
}

export interface Cancellation {
  signal: AbortSignal;
  /** Stops listening; call when the run is over. A timeout after this changes nothing. */
  dispose(): void;
}

export function cancellation(options: CancellationOptions): Cancellation {
  const { signalSource, onSignal, minuteMs = 60_000 } = options;
  let disposed = false;
  const stopped = new AbortController();
  const handler = (name: StopSignal) => () => {
    onSignal(name);
    stopped.abort(new Error(`${name} received`));
  };
  const onTerm = handler('SIGTERM');
  const onInt = handler('SIGINT');
  signalSource.on('SIGTERM', onTerm);
  signalSource.on('SIGINT', onInt);
  const reason = new Error(`timeout-minutes (${options.timeoutMinutes}) reached`);
  const timedOut = timeoutSignal(options.timeoutMinutes * minuteMs, reason, () => disposed);
  return {
    signal: AbortSignal.any([stopped.signal, timedOut]),
    dispose: () => {
      disposed = true;
      if (options.keepHandlersOnceAborted && stopped.signal.aborted) return;
      signalSource.off('SIGTERM', onTerm);
      signalSource.off('SIGINT', onInt);
    },
  };
}

/**
 * AbortSignal.timeout, with a reason that names the input: its own reason is a DOMException "The operation was
 * aborted due to timeout", which says neither which limit nor its value. Its timer does not keep the process
 * alive, and the listener keeps the signal from being collected before it fires.
 */
function timeoutSignal(ms: number, reason: Error, isDisposed: () => boolean): AbortSignal {
  const controller = new AbortController();
  AbortSignal.timeout(ms).addEventListener(
    'abort',
    () => {
      if (!isDisposed()) controller.abort(reason);
    },
    { once: true },
  );
  return controller.signal;
}
