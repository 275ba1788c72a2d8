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
import { compareFingerprints, fingerprintOfConfiguration, fingerprintOfIdentity, type Fingerprint } from './unchanged.js';

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
export async function checkUnchanged(
  settings: Settings,
  plan: BaselinePlan,
  deps: UnchangedDeps,
): Promise<Unchanged | null> {
  if (plan.source === 'none') return null;
  if ((plan.source === 'file' || plan.source === 'branch') && !plan.baseline) return null;
  try {
    const pr = await configurationOf(settings.tuning.functionName, deps);
    let base: Fingerprint | null;
    let note: string;
    let carried: RunResult | null = null;
    if (plan.source === 'function') {
      base = await configurationOf(plan.functionName, deps);
      note = `equal to the baseline function ${inertText(plan.functionName, 140)}`;
    } else {
      const stored = plan.baseline;
      if (!stored) return null;
      base = fingerprintOfIdentity(stored.result.function);
      carried = stored.result;
      note = `equal to ${stored.description}`;
    }
    if (!pr || !base) return null;
    const compared = compareFingerprints(pr, base);
    if (!compared.unchanged) {
      deps.logger.debug(`Changed against the baseline: ${compared.differences.join(', ')}`);
      return null;
    }
    return { note, baseline: carried };
  } catch (error) {
    deps.logger.warning(`Could not tell whether it changed (${messageOf(error)}): measuring it`);
    return null;
  }
}

async function configurationOf(functionName: string, deps: UnchangedDeps): Promise<Fingerprint | null> {
  await deps.limiter?.take(deps.signal);
  const config = await deps.client.send(
    new GetFunctionConfigurationCommand({ FunctionName: functionName }),
    deps.signal ? { abortSignal: deps.signal } : {},
  );
  return fingerprintOfConfiguration(config);
}
