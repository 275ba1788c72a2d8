// The live A/B baseline (`baseline-function`): the base branch's deployed function (say the staging stack) is
// tuned in the same run as the PR's function, its invocations taking turns with the PR function's at each memory
// size (tuner.ts tuneTogether). Both sides see the same time window, so the machine's or the service's drift
// between two runs — the main source of false alarms with a stored baseline — cancels out.
//
// The baseline spends only where the gate compares (issue 20): it is planned at its configured memory only, and the
// gate's first round measures it at the PR's recommendation (sequential.ts). What that leaves out is the base's own
// curve, so its recommendation, and the comparison at "the base's recommended memory", which isolates a shift of
// the recommendation; `baseline-full-curve` plans it at every power value and keeps both. So does a cap too small
// for the reduced plan to reach a fail's evidence at the recommendation (reducedBaseline).

import type { LambdaClient } from '@aws-sdk/client-lambda';
import type { TunerDeps, TuningSubject } from '../tuning/run-state.js';
import { tuneTogether } from '../tuning/tuner.js';
import type { GateSettings, RunResult, TuningSettings } from '../types.js';
import type { LoadedBaseline } from './baseline.js';
import { invocationsForFail } from './looks.js';
import { BLOCK_INVOCATIONS, gateSampling, LIVE_GATE_POLICY, type LiveGatePolicy } from './sequential.js';

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
 * Whether the baseline is planned at its configured memory only. Only when the gate samples further (it measures
 * the recommendation in fresh environments of both functions), and only when its cap leaves room there for the
 * environments a fail needs: the PR's planned invocations at the recommendation pair with nothing, so that point
 * needs one block more than a measured one.
 */
export function reducedBaseline(settings: TuningSettings, gate: GateSettings | undefined): boolean {
  if (!gate || gate.baselineFullCurve || settings.onlyColdStarts) return false;
  if (gate.maxInvocations <= settings.invocationsPerValue) return false;
  return gate.maxInvocations >= invocationsForFail(settings.invocationsPerValue, gate.confidence) + BLOCK_INVOCATIONS;
}

/**
 * `gate`, when given, lets the gate ask for more interleaved invocations where a comparison is still open
 * (sequential.ts), up to its maxInvocations per function. `policy`: the gate's sampling policy (bench/gate.ts runs
 * POLICY_BEFORE beside the default); its baselineFullCurve is ORed with the gate's.
 */
export async function tuneWithLiveBaseline(
  settings: TuningSettings,
  baselineFunction: BaselineFunction,
  deps: LiveBaselineDeps,
  signal?: AbortSignal,
  gate?: GateSettings,
  companions: TuningSubject[] = [],
  policy: LiveGatePolicy = LIVE_GATE_POLICY,
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
  const reduced = !policy.baselineFullCurve && reducedBaseline(settings, gate);
  const extra =
    gate && gate.maxInvocations > settings.invocationsPerValue
      ? gateSampling(gate, { ...policy, baselineFullCurve: !reduced })
      : undefined;
  // Companions go last: the gate's extra rounds pair the first two functions only (sequential.ts).
  const subjects = [
    { settings },
    {
      settings: base,
      label: 'baseline',
      ...(client ? { client } : {}),
      ...(reduced ? { planOnlyConfigured: true } : {}),
    },
    ...companions,
  ];
  const [result, measuredBase, ...companionResults] = await tuneTogether(subjects, deps, signal, extra);
  if (!result || !measuredBase) throw new Error('tuneTogether returned fewer results than functions');
  const withCompanions = companions.length > 0 ? { companions: companionResults } : {};
  const pinnedMb = result.gateSampling?.pinned?.recommendedMb;
  if (
    pinnedMb !== undefined &&
    pinnedMb !== null &&
    result.recommendation &&
    result.recommendation.memoryMb !== pinnedMb
  )
    deps.logger.info(
      `The recommendation moved from ${pinnedMb} MB to ${result.recommendation.memoryMb} MB while the gate sampled; the gate compares at ${pinnedMb} MB, pinned at its first look`,
    );
  // Measured only where the gate compares: no curve, so no recommendation of its own.
  const baseResult = reduced ? { ...measuredBase, recommendation: null, curve: 'compared' as const } : measuredBase;
  if (baseResult.dryRun) return { result, baseline: null, ...withCompanions };
  const failed = baseResult.powerValues.filter((entry) => entry.status === 'failed');
  if (failed.length > 0 && failed.length === baseResult.powerValues.length) {
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
