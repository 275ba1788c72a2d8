// One typed Settings object from action inputs or CLI flags, and every validation message the user can see.
// Each error is an InputError with a one-line message that names the input, shows what was given and says what
// is allowed, so a failed job tells the user the fix without opening the docs.
//
// parseAppSettings (app.ts) is the whole step: which functions (function-name, functions, config-file with
// config-file.ts, stack-name with stack.ts) and each one's Settings from parseSettings over layered inputs.
//
// One section a file: tuning.ts, gate.ts, report.ts; the values they share: function-name.ts (names, ARNs,
// qualifiers), payloads.ts, branches.ts (git ref rules, the data branch), parse.ts (reading inputs, numbers,
// booleans, enums, percents, paths, messages); inputs.ts is the table of every input.

import type { Settings } from '../types.js';
import { parseGate } from './gate.js';
import { Inputs, type InputReader, type SettingsContext } from './parse.js';
import { parseReport } from './report.js';
import { parseTuning } from './tuning.js';

export { InputError } from '../lib/errors.js';
export { DEFAULT_PARALLEL_FUNCTIONS, MAX_PARALLEL_FUNCTIONS, parseAppSettings } from './app.js';
export { MAX_CONFIG_FILE_BYTES, PER_FUNCTION_INPUTS } from './config-file.js';
export { checkDataBranchNotWorking, type WorkingBranches } from './branches.js';
export { parseFunctionName, type ParsedFunctionName } from './function-name.js';
export { closestMatch, parseBoolean, type InputReader, type SettingsContext } from './parse.js';
export { MAX_PAYLOAD_BYTES, parsePayloadText } from './payloads.js';
export { FEW_INVOCATIONS_WARNING_BELOW, MAX_POWER_VALUES } from './tuning.js';
// The sections' types live in src/types.ts (beside RunResult, which records them); importable from here too.
export type {
  BaselineSource,
  GateSettings,
  PercentileLimit,
  ReportSettings,
  SamplingMode,
  Settings,
  Strategy,
  TuningSettings,
  WeightedPayload,
} from '../types.js';

export function parseSettings(read: InputReader, ctx: SettingsContext): { settings: Settings; warnings: string[] } {
  const inputs = new Inputs(read);
  const warnings: string[] = [];
  const tuning = parseTuning(inputs, ctx, warnings);
  const gate = parseGate(inputs, ctx, tuning, warnings);
  const report = parseReport(inputs, ctx);
  return { settings: { tuning, gate, report }, warnings };
}
