// Is this function unchanged against its baseline? The I/O around app/unchanged.ts's pure rules: the PR function's
// configuration and, for a live baseline, the baseline function's, read through the run's control-plane pace; for
// a stored baseline (file, data branch), the fingerprint its run recorded. Unchanged: not measured, and it carries
// the baseline's figures (app/run.ts). Any doubt — a read that fails, a stored run without a fingerprint — means
// "measure it": skipping is a saving, never a guess.

import { GetFunctionConfigurationCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import type { BaselinePlan } from '../gate/baseline.js';
import { messageOf } from '../lib/errors.js';
import type { EngineLogger } from '../lib/ports.js';
import { inertText } from '../lib/untrusted.js';
import type { RateLimiter } from '../tuning/limiter.js';
import type { RunResult, Settings } from '../types.js';
import {
  checkUnchanged,
  fingerprintFromConfiguration,
  fingerprintFromResult,
  type FingerprintOrWhy,
} from './unchanged.js';

export interface UnchangedDeps {
  client: LambdaClient;
  logger: EngineLogger;
  limiter?: RateLimiter;
  signal?: AbortSignal;
}

export interface Unchanged {
  /** What it was found equal to, in words. */
  note: string;
  /** The baseline's figures to carry; null for a live baseline (not measured either). */
  baseline: RunResult | null;
}

/** Unchanged against the baseline, or null: measure it (no baseline, something differs, or it cannot be told). */
export async function unchangedAgainstBaseline(
  settings: Settings,
  plan: BaselinePlan,
  deps: UnchangedDeps,
): Promise<Unchanged | null> {
  if (plan.source === 'none') return null;
  try {
    let base: FingerprintOrWhy;
    let note: string;
    let carried: RunResult | null = null;
    if (plan.source === 'function') {
      base = await fingerprintOf(plan.functionName, deps);
      note = `equal to the baseline function ${inertText(plan.functionName, 140)}`;
    } else {
      // No stored run to compare with (a first run): nothing to carry, so it is measured.
      if (!plan.baseline) return null;
      base = fingerprintFromResult(plan.baseline.result);
      carried = plan.baseline.result;
      note = `equal to the ${plan.baseline.description}`;
    }
    const checked = checkUnchanged(await fingerprintOf(settings.tuning.functionName, deps), base);
    if (!checked.unchanged) {
      deps.logger.info(`Measuring it: changed against its baseline (${checked.differences.join(', ')})`);
      return null;
    }
    return { note, baseline: carried };
  } catch (error) {
    deps.logger.warning(`Could not tell whether it changed (${messageOf(error)}): measuring it`);
    return null;
  }
}

/** A function's fingerprint, read through the run's control-plane pace. */
async function fingerprintOf(functionName: string, deps: UnchangedDeps): Promise<FingerprintOrWhy> {
  await deps.limiter?.take(deps.signal);
  const config = await deps.client.send(
    new GetFunctionConfigurationCommand({ FunctionName: functionName }),
    deps.signal ? { abortSignal: deps.signal } : {},
  );
  return fingerprintFromConfiguration(config);
}
