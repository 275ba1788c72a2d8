// architectures x86_64,arm64: where the other architecture comes from, and its place in the run. The other
// architecture is a function name plus a dispose: compare-function's deployment (the user's; dispose does nothing)
// or a copy the action makes (tuning/arch-copy.ts makeArchitectureCopy → { functionName, architecture, dispose() },
// which deletes the copy; flow.ts disposes on every path, the post step and the next run remove what a killed run
// left). Either way it is tuned beside the function with tuneTogether
// (the same plan, the same payloads, invocations taking turns at each memory size, as the live baseline is) and
// priced at its own architecture's price (run-state.ts prices each function by its snapshot's architecture).

import type { LambdaClient } from '@aws-sdk/client-lambda';
import { InputError } from '../lib/errors.js';
import { CopyRefusedError, makeArchitectureCopy, type ArchitectureCopyOptions } from '../tuning/arch-copy.js';
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

/** What making a copy needs from the run (flow.ts): its client, run id, deadline and savers. */
export interface CopyContext extends Omit<ArchitectureCopyOptions, 'onCreating'> {
  client: LambdaClient;
  /** The action's post step saver: the copy's name, before CreateFunction is sent. */
  onCreating?: (copy: { functionName: string; region: string }) => void;
}

/**
 * The other architecture's function: compare-function's deployment when given, else a copy of the function on the
 * other architecture (arch-copy.ts). What cannot be copied truthfully (an image, a layer without that architecture,
 * native code, a package over 50 MB) is an input error naming compare-function as the way out.
 */
export async function otherArchitecture(settings: TuningSettings, copy: CopyContext): Promise<OtherArchitecture> {
  if (settings.compareFunction !== undefined)
    return {
      functionName: settings.compareFunction,
      source: 'compare-function',
      input: 'compare-function',
      dispose: async () => undefined,
    };
  const { client, onCreating, ...options } = copy;
  try {
    const made = await makeArchitectureCopy(client, settings.functionName, 'other', {
      ...options,
      ...(onCreating
        ? { onCreating: ({ functionName }) => onCreating({ functionName, region: settings.region }) }
        : {}),
    });
    return {
      functionName: made.functionName,
      source: 'copy',
      input: 'architectures',
      dispose: () => made.dispose(),
    };
  } catch (error) {
    if (error instanceof CopyRefusedError)
      throw new InputError('architectures', `Input 'architectures': ${error.message}`);
    throw error;
  }
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
