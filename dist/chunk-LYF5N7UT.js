import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);

// src/lib/cancellation.ts
function cancellation(options) {
  const { signalSource, onSignal, minuteMs = 6e4 } = options;
  let disposed = false;
  const stopped = new AbortController();
  const handler = (name) => () => {
    onSignal(name);
    stopped.abort(new Error(`${name} received`));
  };
  const onTerm = handler("SIGTERM");
  const onInt = handler("SIGINT");
  signalSource.on("SIGTERM", onTerm);
  signalSource.on("SIGINT", onInt);
  const reason = new Error(`timeout-minutes (${options.timeoutMinutes}) reached`);
  const timedOut = timeoutSignal(options.timeoutMinutes * minuteMs, reason, () => disposed);
  return {
    signal: AbortSignal.any([stopped.signal, timedOut]),
    dispose: () => {
      disposed = true;
      if (options.keepHandlersOnceAborted && stopped.signal.aborted) return;
      signalSource.off("SIGTERM", onTerm);
      signalSource.off("SIGINT", onInt);
    }
  };
}
function timeoutSignal(ms, reason, isDisposed) {
  const controller = new AbortController();
  AbortSignal.timeout(ms).addEventListener(
    "abort",
    () => {
      if (!isDisposed()) controller.abort(reason);
    },
    { once: true }
  );
  return controller.signal;
}

export {
  cancellation
};
