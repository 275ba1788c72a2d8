// architectures x86_64,arm64: where the other architecture comes from, and its place in the run. The other
// architecture is a function name plus a dispose: compare-function's deployment (the user's; dispose does nothing)
// or, once wired in, a copy the action makes (tuning/arch-copy.ts makeArchitectureCopy → { functionName,
// architecture, dispose() }, which deletes the copy). Either way it is tuned beside the function with tuneTogether
// (the same plan, the same payloads, invocations taking turns at each memory size, as the live baseline is) and
// priced at its own architecture's price (run-state.ts prices each function by its snapshot's architecture).

import { InputError } from '../lib/errors.js';
import type { TuningSubject } from '../tuning/run-state.js';
import type { ArchitectureComparison, TuningSettings } from '../types.js';

export interface OtherArchitecture {
  /** What Lambda's FunctionName takes. */
  functionName: string;
  source: ArchitectureComparison['source'];
  /** The input that named it, for messages (compare-function). */
  input: string;
  /** Removes what the run made for it (a copy); nothing for the user's own deployment. */
  dispose(): Promise<void>;
}

/**
 * The other architecture's function. compare-function: the user's deployment. Without it the action would make a
 * copy (issue 17, helper D's makeArchitectureCopy); until that is wired in, one line naming the way that works.
 */
export async function otherArchitecture(settings: TuningSettings): Promise<OtherArchitecture> {
  if (settings.compareFunction !== undefined)
    return {
      functionName: settings.compareFunction,
      source: 'compare-function',
      input: 'compare-function',
      dispose: async () => undefined,
    };
  throw new InputError(
    'architectures',
    "Input 'architectures': tuning both architectures needs compare-function naming the other architecture's deployment (e.g. my-function-arm64)",
  );
}

/** The function's plan aimed at the other architecture's function; auto-optimize never touches it. */
export function otherArchitectureSettings(settings: TuningSettings, functionName: string): TuningSettings {
  const {
    qualifier: _qualifier,
    autoOptimizeAlias: _alias,
    compareFunction: _compare,
    architectures: _architectures,
    ...rest
  } = settings;
  return { ...rest, functionName, autoOptimize: false };
}

/** Its subject for tuneTogether: opening the run refuses it when it has the function's own architecture. */
export function otherArchitectureSubject(settings: TuningSettings, other: OtherArchitecture): TuningSubject {
  return {
    settings: otherArchitectureSettings(settings, other.functionName),
    label: 'other architecture',
    otherArchitectureOf: { input: other.input },
  };
}
