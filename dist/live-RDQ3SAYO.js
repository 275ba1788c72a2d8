import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  gateSampling
} from "./chunk-7YLHKTCD.js";
import "./chunk-CRAAEAMK.js";
import {
  tuneTogether
} from "./chunk-OYW7QBI3.js";
import "./chunk-2PNDXB25.js";
import "./chunk-WRXVBI5R.js";
import "./chunk-BK65RNT3.js";
import "./chunk-5WM6ETGA.js";
import "./chunk-YQCAHPBZ.js";
import "./chunk-XTUQEIAI.js";
import "./chunk-ISPMOH3G.js";
import "./chunk-CYDGGBB2.js";
import "./chunk-B4XUQD3K.js";
import "./chunk-BHX5YG2T.js";
import "./chunk-SFJ7IVIP.js";
import "./chunk-BEQTHXRH.js";
import "./chunk-JIEX5DZV.js";
import "./chunk-XYJEIEPD.js";
import "./chunk-TM45P2KR.js";
import "./chunk-FTQIWBND.js";
import "./chunk-RN7TGPEO.js";
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
async function tuneWithLiveBaseline(settings, baselineFunction, deps, signal, gate) {
  const base = baselineSettings(settings, baselineFunction);
  let client;
  if (base.region !== settings.region) {
    if (!deps.clientFor)
      throw new Error(
        `baseline-function is in ${base.region} and function-name in ${settings.region}; tune functions of one region together`
      );
    client = deps.clientFor(base.region);
  }
  const extra = gate && gate.maxInvocations > settings.invocationsPerValue ? gateSampling(gate) : void 0;
  const subjects = [{ settings }, { settings: base, label: "baseline", ...client ? { client } : {} }];
  const [result, baseResult] = await tuneTogether(subjects, deps, signal, extra);
  if (!result || !baseResult) throw new Error("tuneTogether returned fewer results than functions");
  if (baseResult.dryRun) return { result, baseline: null };
  const failed = baseResult.powerValues.filter((entry) => entry.status === "failed");
  if (failed.length === baseResult.powerValues.length) {
    const reasons = failed.map((entry) => `${entry.memoryMb} MB ${entry.failureReason ?? "failed"}`).join("; ");
    return {
      result,
      baseline: null,
      problem: `the baseline function ${baseResult.function.name} failed at every memory size (${reasons})`
    };
  }
  return {
    result,
    baseline: {
      result: baseResult,
      description: `live baseline function ${baseResult.function.name}, measured in the same run with interleaved invocations`
    }
  };
}
export {
  baselineSettings,
  tuneWithLiveBaseline
};
