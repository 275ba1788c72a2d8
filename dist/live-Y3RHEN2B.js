import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  LIVE_GATE_POLICY,
  gateSampling
} from "./chunk-H3NRHUJY.js";
import {
  tuneTogether
} from "./chunk-U5IZFZU5.js";
import "./chunk-2PNDXB25.js";
import "./chunk-VJXSU6PO.js";
import "./chunk-EE6MQ7ES.js";
import "./chunk-RGAGO2E6.js";
import "./chunk-TZQBYUD2.js";
import "./chunk-WALQUMYJ.js";
import "./chunk-HSPD55DC.js";
import "./chunk-5WM6ETGA.js";
import "./chunk-RZWVMN26.js";
import "./chunk-2K2G7BBZ.js";
import "./chunk-JRNMWUVF.js";
import "./chunk-XTUQEIAI.js";
import "./chunk-Q3BMP5S5.js";
import "./chunk-LYDXGQBP.js";
import "./chunk-ISPMOH3G.js";
import {
  BLOCK_INVOCATIONS,
  invocationsForFail
} from "./chunk-BHX5YG2T.js";
import "./chunk-SFJ7IVIP.js";
import "./chunk-5Y64ZUDY.js";
import "./chunk-XCIHNFG2.js";
import "./chunk-YQ5HGVKP.js";
import "./chunk-ZS2HFFQI.js";
import "./chunk-F67DHOCG.js";
import "./chunk-TM45P2KR.js";
import "./chunk-FTQIWBND.js";
import "./chunk-UFSOI34G.js";
import "./chunk-CPWGUBW5.js";
import "./chunk-EMDC3MXH.js";
import "./chunk-JK6TZCBJ.js";
import "./chunk-WGY342LC.js";
import "./chunk-URRKCZFK.js";

// src/gate/live.ts
function baselineSettings(settings, baselineFunction) {
  const { qualifier: _qualifier, autoOptimizeAlias: _alias, ...rest } = settings;
  return {
    ...rest,
    functionName: baselineFunction.functionName,
    ...baselineFunction.qualifier ? { qualifier: baselineFunction.qualifier } : {},
    region: baselineFunction.region ?? settings.region,
    autoOptimize: false
  };
}
function reducedBaseline(settings, gate) {
  if (!gate || gate.baselineFullCurve || settings.onlyColdStarts) return false;
  if (gate.maxInvocations <= settings.invocationsPerValue) return false;
  return gate.maxInvocations >= invocationsForFail(settings.invocationsPerValue, gate.confidence) + BLOCK_INVOCATIONS;
}
async function tuneWithLiveBaseline(settings, baselineFunction, deps, signal, gate, companions = [], policy = LIVE_GATE_POLICY) {
  const base = baselineSettings(settings, baselineFunction);
  let client;
  if (base.region !== settings.region) {
    if (!deps.clientFor)
      throw new Error(
        `baseline-function is in ${base.region} and function-name in ${settings.region}; tune functions of one region together`
      );
    client = deps.clientFor(base.region);
  }
  const reduced = !policy.baselineFullCurve && reducedBaseline(settings, gate);
  const extra = gate && gate.maxInvocations > settings.invocationsPerValue ? gateSampling(gate, { ...policy, baselineFullCurve: !reduced }) : void 0;
  const subjects = [
    { settings },
    {
      settings: base,
      label: "baseline",
      ...client ? { client } : {},
      ...reduced ? { planOnlyConfigured: true } : {}
    },
    ...companions
  ];
  const [result, measuredBase, ...companionResults] = await tuneTogether(subjects, deps, signal, extra);
  if (!result || !measuredBase) throw new Error("tuneTogether returned fewer results than functions");
  const withCompanions = companions.length > 0 ? { companions: companionResults } : {};
  const pinnedMb = result.gateSampling?.pinned?.recommendedMb;
  if (pinnedMb !== void 0 && pinnedMb !== null && result.recommendation && result.recommendation.memoryMb !== pinnedMb)
    deps.logger.info(
      `The recommendation moved from ${pinnedMb} MB to ${result.recommendation.memoryMb} MB while the gate sampled; the gate compares at ${pinnedMb} MB, pinned at its first look`
    );
  const baseResult = reduced ? { ...measuredBase, recommendation: null, curve: "compared" } : measuredBase;
  if (baseResult.dryRun) return { result, baseline: null, ...withCompanions };
  const failed = baseResult.powerValues.filter((entry) => entry.status === "failed");
  if (failed.length > 0 && failed.length === baseResult.powerValues.length) {
    const reasons = failed.map((entry) => `${entry.memoryMb} MB ${entry.failureReason ?? "failed"}`).join("; ");
    return {
      result,
      ...withCompanions,
      baseline: null,
      problem: `the baseline function ${baseResult.function.name} failed at every memory size (${reasons})`
    };
  }
  return {
    result,
    ...withCompanions,
    baseline: {
      result: baseResult,
      description: `live baseline function ${baseResult.function.name}, measured in the same run with interleaved invocations`
    }
  };
}
export {
  baselineSettings,
  reducedBaseline,
  tuneWithLiveBaseline
};
