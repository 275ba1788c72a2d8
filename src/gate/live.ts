// The live A/B baseline (`baseline-function`): the base branch's deployed function (say the staging stack) is
// tuned in the same run as the PR's function, with the same plan, its invocations taking turns with the PR
// function's at each memory size (tuner.ts tuneTogether). Both sides see the same time window, so the machine's
// or the service's drift between two runs — the main source of false alarms with a stored baseline — cancels out.

import type { LambdaClient } from '@aws-sdk/client-lambda';
import type { TunerDeps, TuningSubject } from '../tuning/run-state.js';
import { tuneTogether } from '../tuning/tuner.js';
import type { GateSettings, RunResult, TuningSettings } from '../types.js';
import type { LoadedBaseline } from './baseline.js';
import { gateSampling } from './sequential.js';

export interface LiveBaselineDeps extends TunerDeps {
  /** A client for the baseline function's region, when its ARN names another region than function-name's. */
  clientFor?: (region: string) => LambdaClient;
}

export interface LiveOutcome {
  result: RunResult;
  /** The companions' results (architectures x86_64,arm64: the other architecture's deployment), in order. */
  companions?: RunResult[];
  /** Null when the baseline function produced nothing to compare with (then `problem` says why). */
  baseline: LoadedBaseline | null;
  problem?: string;
}

/**
 * The baseline function as the caller parsed it (baseline-function: a name, a partial or a full ARN). Parsing and
 * validating names is the settings' job; the gate takes the parts it needs and does not import settings.
 */
export interface BaselineFunction {
  /** What Lambda's FunctionName takes: the name, or the ARN without qualifier. */
  functionName: string;
  qualifier?: string;
  /** The region a full ARN names; absent: function-name's region. */
  region?: string;
}

/** The PR's plan, aimed at the baseline function; auto-optimize never touches the baseline. */
export function baselineSettings(settings: TuningSettings, baselineFunction: BaselineFunction): TuningSettings {
  const { qualifier: _qualifier, autoOptimizeAlias: _alias, ...rest } = settings;
  return {
    ...rest,
    functionName: baselineFunction.functionName,
    ...(baselineFunction.qualifier ? { qualifier: baselineFunction.qualifier } : {}),
    region: baselineFunction.region ?? settings.region,
    autoOptimize: false,
  };
}

/**
 * `gate`, when given, lets the gate ask for more interleaved invocations where a comparison is still open
 * (sequential.ts), up to its maxInvocations per function.
 */
export async function tuneWithLiveBaseline(
  settings: TuningSettings,
  baselineFunction: BaselineFunction,
  deps: LiveBaselineDeps,
  signal?: AbortSignal,
  gate?: GateSettings,
  companions: TuningSubject[] = [],
): Promise<LiveOutcome> {
  const base = baselineSettings(settings, baselineFunction);
  let client: LambdaClient | undefined;
  if (base.region !== settings.region) {
    if (!deps.clientFor)
      throw new Error(
        `baseline-function is in ${base.region} and function-name in ${settings.region}; tune functions of one region together`,
      );
    client = deps.clientFor(base.region);
  }
  const extra = gate && gate.maxInvocations > settings.invocationsPerValue ? gateSampling(gate) : undefined;
  // Companions go last: the gate's extra rounds pair the first two functions only (sequential.ts).
  const subjects = [{ settings }, { settings: base, label: 'baseline', ...(client ? { client } : {}) }, ...companions];
  const [result, baseResult, ...companionResults] = await tuneTogether(subjects, deps, signal, extra);
  if (!result || !baseResult) throw new Error('tuneTogether returned fewer results than functions');
  const withCompanions = companions.length > 0 ? { companions: companionResults } : {};
  if (baseResult.dryRun) return { result, baseline: null, ...withCompanions };
  const failed = baseResult.powerValues.filter((entry) => entry.status === 'failed');
  if (failed.length === baseResult.powerValues.length) {
    const reasons = failed.map((entry) => `${entry.memoryMb} MB ${entry.failureReason ?? 'failed'}`).join('; ');
    return {
      result,
      ...withCompanions,
      baseline: null,
      problem: `the baseline function ${baseResult.function.name} failed at every memory size (${reasons})`,
    };
  }
  return {
    result,
    ...withCompanions,
    baseline: {
      result: baseResult,
      description: `live baseline function ${baseResult.function.name}, measured in the same run with interleaved invocations`,
    },
  };
}
