// The app: which functions the step tunes and each one's settings (issue 15). function-name alone is an app of
// one function, with today's key; `functions`, `config-file` and `stack-name` give many.

import type { AppPlan } from '../types.js';
import { parseSettings } from './index.js';
import type { InputReader, SettingsContext } from './parse.js';

/** Default number of functions tuned at once. */
export const DEFAULT_PARALLEL_FUNCTIONS = 4;

export function parseAppSettings(read: InputReader, ctx: SettingsContext): { app: AppPlan; warnings: string[] } {
  const { settings, warnings } = parseSettings(read, ctx);
  const only = { key: settings.gate.key, origin: 'function-name', settings };
  return {
    app: {
      kind: 'function',
      key: settings.gate.key,
      shared: settings,
      functions: [only],
      measureUnchanged: true,
      parallelFunctions: DEFAULT_PARALLEL_FUNCTIONS,
      settingsFor: () => only,
    },
    warnings,
  };
}
