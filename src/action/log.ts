// The runner log, as the action writes it: every line, annotation and group title passes through the one
// sanitiser, so no text from the function under test (or from a results file a fork uploaded) can become a
// workflow command, a colour code or a 300 KB annotation. The action never calls runner.info/warning directly.

import * as runner from './runner.js';
import type { EngineLogger } from '../lib/ports.js';
import { progressThrottle } from '../lib/progress.js';
import { commandSafeLines, inertText, MAX_LOG_LINE_CHARS, newStopToken } from '../lib/untrusted.js';

/** Annotations (warning, notice, error) are escaped by runner.ts as @actions/core does (%, CR, LF); what is left is made inert. */
const annotation = (message: string): string => inertText(message, MAX_LOG_LINE_CHARS);

export const actionLog = {
  info(message: string): void {
    for (const line of commandSafeLines(message, newStopToken)) runner.info(line);
  },
  warning: (message: string): void => runner.warning(annotation(message)),
  notice: (message: string): void => runner.notice(annotation(message)),
  debug: (message: string): void => runner.debug(annotation(message)),
  /** Marks the step failed (exit code 1) with one error annotation. */
  setFailed: (message: string): void => runner.setFailed(annotation(message)),
  group: <T>(name: string, fn: () => Promise<T>): Promise<T> => runner.group(inertText(name, 200), fn),
};

/** The engine's logger on GitHub: progress is a line per tenth of the work, to keep 500 invocations readable. */
export function actionsEngineLogger(): EngineLogger {
  const worthALine = progressThrottle();
  return {
    info: actionLog.info,
    warning: actionLog.warning,
    debug: actionLog.debug,
    group: actionLog.group,
    progress: (memoryMb, done, total) => {
      if (worthALine(memoryMb, done, total)) actionLog.info(`${memoryMb} MB: ${done}/${total} invocations`);
    },
  };
}
