// Skip what did not change (issue 15): a function whose code and tuning-relevant configuration equal its baseline's
// is not measured. Pure: the fingerprints come from a GetFunctionConfiguration answer (a live function) or from a
// stored run's `function` (a baseline run), and the comparison names what differs.
//
// What counts: the code (CodeSha256), runtime, architecture, handler, memory, layers (their version ARNs, in order)
// and the environment variables, compared by a SHA-256 of their names and values (environmentSha256 in
// tuning/function-config.ts): a value is never stored, shown or compared as text. The description, timeout, tags and
// the like do not change a function's speed or cost per invocation. What the function calls at run time (a
// database, another service) is outside any fingerprint: measure-unchanged is there for that.

import type { FunctionConfiguration } from '@aws-sdk/client-lambda';
import { inertText } from '../lib/untrusted.js';
import { environmentSha256 } from '../tuning/function-config.js';
import type { Architecture, RunResult } from '../types.js';

export interface FunctionFingerprint {
  codeSha256: string;
  /** null: the function has none (a container image). */
  runtime: string | null;
  architecture: Architecture;
  /** null: the function has none (a container image). */
  handler: string | null;
  memoryMb: number;
  /** The layers' version ARNs, in order (order matters: a later layer's files win). */
  layers: string[];
  /** SHA-256 of the environment variables' names and values. */
  environmentSha256: string;
}

/** A fingerprint, or why there is none (then the function cannot be called unchanged). */
export type FingerprintOrWhy = { fingerprint: FunctionFingerprint } | { missing: string };

/** The fingerprint of a function's configuration, as GetFunctionConfiguration answers it. */
export function fingerprintFromConfiguration(config: FunctionConfiguration): FingerprintOrWhy {
  if (!config.CodeSha256) return { missing: 'its configuration has no CodeSha256' };
  return {
    fingerprint: {
      codeSha256: config.CodeSha256,
      runtime: config.Runtime ?? null,
      architecture: config.Architectures?.[0] === 'arm64' ? 'arm64' : 'x86_64',
      handler: config.Handler ?? null,
      memoryMb: config.MemorySize ?? 128,
      layers: (config.Layers ?? []).flatMap((layer) => (layer.Arn ? [layer.Arn] : [])),
      environmentSha256: environmentSha256(config.Environment?.Variables ?? {}),
    },
  };
}

/**
 * The fingerprint of the function a stored run measured, at the memory it was configured with. A run stored before
 * results recorded layers and the environment's hash (or without a CodeSha256) has none: never guessed.
 */
export function fingerprintFromResult(result: Pick<RunResult, 'function'>): FingerprintOrWhy {
  const identity = result.function;
  const absent = [
    ...(identity.codeSha256 === undefined ? ['CodeSha256'] : []),
    ...(identity.layers === undefined ? ['layers'] : []),
    ...(identity.environmentSha256 === undefined ? ['the environment hash'] : []),
  ];
  if (identity.codeSha256 === undefined || identity.layers === undefined || identity.environmentSha256 === undefined)
    return {
      missing: `the stored run does not record ${absent.join(', ')} (written by an older version of lambda-power-gate)`,
    };
  return {
    fingerprint: {
      codeSha256: identity.codeSha256,
      // A run that records layers and the environment's hash recorded the runtime and handler too when it had them.
      runtime: identity.runtime ?? null,
      architecture: identity.architecture,
      handler: identity.handler ?? null,
      memoryMb: identity.originalMemoryMb,
      layers: identity.layers,
      environmentSha256: identity.environmentSha256,
    },
  };
}

export type UnchangedCheck = { unchanged: true } | { unchanged: false; differences: string[] };

const shown = (value: string | null) => (value === null ? 'none' : inertText(value, 80));

/** Whether two fingerprints are equal, and if not, what differs, in words ("code", "memory 512 → 1024 MB"). */
export function compareFingerprints(pr: FunctionFingerprint, base: FunctionFingerprint): UnchangedCheck {
  const differences: string[] = [];
  if (pr.codeSha256 !== base.codeSha256) differences.push('code');
  if (pr.runtime !== base.runtime) differences.push(`runtime ${shown(base.runtime)} → ${shown(pr.runtime)}`);
  if (pr.architecture !== base.architecture) differences.push(`architecture ${base.architecture} → ${pr.architecture}`);
  if (pr.handler !== base.handler) differences.push(`handler ${shown(base.handler)} → ${shown(pr.handler)}`);
  if (pr.memoryMb !== base.memoryMb) differences.push(`memory ${base.memoryMb} → ${pr.memoryMb} MB`);
  if (pr.layers.length !== base.layers.length || pr.layers.some((arn, index) => arn !== base.layers[index]))
    differences.push(
      pr.layers.length === base.layers.length ? 'layers' : `layers (${base.layers.length} → ${pr.layers.length})`,
    );
  // Only that they differ: the hash says nothing else, and the values are never at hand.
  if (pr.environmentSha256 !== base.environmentSha256) differences.push('environment variables');
  return differences.length === 0 ? { unchanged: true } : { unchanged: false, differences };
}

/**
 * The unchanged check with either side possibly without a fingerprint: a side that has none makes the function
 * "not unchanged", saying why, so it is measured.
 */
export function checkUnchanged(pr: FingerprintOrWhy, base: FingerprintOrWhy): UnchangedCheck {
  if ('missing' in pr) return { unchanged: false, differences: [`cannot tell: ${pr.missing}`] };
  if ('missing' in base) return { unchanged: false, differences: [`cannot tell: ${base.missing}`] };
  return compareFingerprints(pr.fingerprint, base.fingerprint);
}
