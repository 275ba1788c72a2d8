import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  failedApp,
  functionsOutput,
  reportApp,
  verdictOf
} from "./chunk-E3RYSJ4B.js";
import {
  baselinePlan,
  judge,
  measure,
  removePreviousArtefacts,
  runFlow,
  tunerDepsOf
} from "./chunk-4DQHMXTC.js";
import {
  autoOptimize,
  labelledLogger,
  newRunId
} from "./chunk-U5IZFZU5.js";
import "./chunk-2PNDXB25.js";
import "./chunk-VJXSU6PO.js";
import "./chunk-EE6MQ7ES.js";
import "./chunk-RGAGO2E6.js";
import "./chunk-TZQBYUD2.js";
import "./chunk-5WM6ETGA.js";
import "./chunk-JRNMWUVF.js";
import "./chunk-Q3BMP5S5.js";
import "./chunk-LYDXGQBP.js";
import "./chunk-ISPMOH3G.js";
import "./chunk-OAEFOCCR.js";
import "./chunk-CBEWQLWB.js";
import "./chunk-AQSXUJKW.js";
import "./chunk-N3JZZGTO.js";
import "./chunk-BHX5YG2T.js";
import "./chunk-SFJ7IVIP.js";
import "./chunk-7WMIMWEW.js";
import "./chunk-5Y64ZUDY.js";
import {
  GetFunctionConfigurationCommand,
  controlPlaneLimiter,
  environmentSha256
} from "./chunk-XCIHNFG2.js";
import {
  pLimit
} from "./chunk-YQ5HGVKP.js";
import {
  messageOf
} from "./chunk-ZS2HFFQI.js";
import {
  oneLine
} from "./chunk-F67DHOCG.js";
import {
  inertText
} from "./chunk-TM45P2KR.js";
import {
  realSleep
} from "./chunk-FTQIWBND.js";
import "./chunk-UFSOI34G.js";
import "./chunk-CPWGUBW5.js";
import "./chunk-EMDC3MXH.js";
import "./chunk-JK6TZCBJ.js";
import "./chunk-WGY342LC.js";
import "./chunk-URRKCZFK.js";

// src/app/run.ts
import { dirname } from "node:path";

// src/app/unchanged.ts
function fingerprintFromConfiguration(config) {
  if (!config.CodeSha256) return { missing: "its configuration has no CodeSha256" };
  return {
    fingerprint: {
      codeSha256: config.CodeSha256,
      runtime: config.Runtime ?? null,
      architecture: config.Architectures?.[0] === "arm64" ? "arm64" : "x86_64",
      handler: config.Handler ?? null,
      memoryMb: config.MemorySize ?? 128,
      layers: (config.Layers ?? []).flatMap((layer) => layer.Arn ? [layer.Arn] : []),
      environmentSha256: environmentSha256(config.Environment?.Variables ?? {})
    }
  };
}
function fingerprintFromResult(result) {
  const identity = result.function;
  const absent = [
    ...identity.codeSha256 === void 0 ? ["CodeSha256"] : [],
    ...identity.layers === void 0 ? ["layers"] : [],
    ...identity.environmentSha256 === void 0 ? ["the environment hash"] : []
  ];
  if (identity.codeSha256 === void 0 || identity.layers === void 0 || identity.environmentSha256 === void 0)
    return {
      missing: `the stored run does not record ${absent.join(", ")} (written by an older version of lambda-power-gate)`
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
      environmentSha256: identity.environmentSha256
    }
  };
}
var shown = (value) => value === null ? "none" : inertText(value, 80);
function compareFingerprints(pr, base) {
  const differences = [];
  if (pr.codeSha256 !== base.codeSha256) differences.push("code");
  if (pr.runtime !== base.runtime) differences.push(`runtime ${shown(base.runtime)} \u2192 ${shown(pr.runtime)}`);
  if (pr.architecture !== base.architecture) differences.push(`architecture ${base.architecture} \u2192 ${pr.architecture}`);
  if (pr.handler !== base.handler) differences.push(`handler ${shown(base.handler)} \u2192 ${shown(pr.handler)}`);
  if (pr.memoryMb !== base.memoryMb) differences.push(`memory ${base.memoryMb} \u2192 ${pr.memoryMb} MB`);
  if (pr.layers.length !== base.layers.length || pr.layers.some((arn, index) => arn !== base.layers[index]))
    differences.push(
      pr.layers.length === base.layers.length ? "layers" : `layers (${base.layers.length} \u2192 ${pr.layers.length})`
    );
  if (pr.environmentSha256 !== base.environmentSha256) differences.push("environment variables");
  return differences.length === 0 ? { unchanged: true } : { unchanged: false, differences };
}
function checkUnchanged(pr, base) {
  if ("missing" in pr) return { unchanged: false, differences: [`cannot tell: ${pr.missing}`] };
  if ("missing" in base) return { unchanged: false, differences: [`cannot tell: ${base.missing}`] };
  return compareFingerprints(pr.fingerprint, base.fingerprint);
}

// src/app/unchanged-check.ts
async function unchangedAgainstBaseline(settings, plan, deps) {
  if (plan.source === "none") return null;
  try {
    let base;
    let note;
    let carried = null;
    if (plan.source === "function") {
      base = await fingerprintOf(plan.functionName, deps);
      note = `equal to the baseline function ${inertText(plan.functionName, 140)}`;
    } else {
      if (!plan.baseline) return null;
      base = fingerprintFromResult(plan.baseline.result);
      carried = plan.baseline.result;
      note = `equal to the ${plan.baseline.description}`;
    }
    const checked = checkUnchanged(await fingerprintOf(settings.tuning.functionName, deps), base);
    if (!checked.unchanged) {
      deps.logger.info(`Measuring it: changed against its baseline (${checked.differences.join(", ")})`);
      return null;
    }
    return { note, baseline: carried };
  } catch (error) {
    deps.logger.warning(`Could not tell whether it changed (${messageOf(error)}): measuring it`);
    return null;
  }
}
async function fingerprintOf(functionName, deps) {
  await deps.limiter?.take(deps.signal);
  const config = await deps.client.send(
    new GetFunctionConfigurationCommand({ FunctionName: functionName }),
    deps.signal ? { abortSignal: deps.signal } : {}
  );
  return fingerprintFromConfiguration(config);
}

// src/app/run.ts
async function runApp(plan, deps) {
  if (plan.kind === "function") return runOneFunction(plan, deps);
  return runManyFunctions(plan, deps);
}
async function runOneFunction(plan, deps) {
  const [only] = plan.functions;
  if (!only) throw new Error("An AppPlan of kind function has one function");
  const outcome = await runFlow(await withUsage(only.settings, deps), deps);
  const status = outcome.result ? "measured" : "failed";
  const fn = {
    key: only.key,
    functionName: only.settings.tuning.functionName,
    status,
    result: outcome.result,
    baseline: outcome.baseline,
    verdict: outcome.verdict,
    ...outcome.otherArchitecture ? { otherArchitecture: outcome.otherArchitecture } : {},
    ...status === "failed" && outcome.failure ? { failure: outcome.failure } : {}
  };
  const appVerdict = outcome.verdict ? await verdictOf([fn]) : null;
  return {
    ...outcome,
    functions: [fn],
    appVerdict,
    outputs: { ...outcome.outputs, functions: functionsOutput([fn]) }
  };
}
async function runManyFunctions(plan, deps) {
  const shared = plan.shared;
  const resultsPath = shared.tuning.resultsPath;
  const reportDir = dirname(resultsPath);
  const startedAt = (deps.clock?.now() ?? /* @__PURE__ */ new Date()).toISOString();
  await removePreviousArtefacts(resultsPath, reportDir);
  let functions;
  try {
    functions = plan.stack ? await discovered(plan, deps) : plan.functions;
  } catch (error) {
    return failedApp(
      plan,
      deps.runUrl,
      `Stack ${inertText(plan.stack?.stackName ?? "", 128)}: ${oneLine(messageOf(error))}`
    );
  }
  const sleep = realSleep;
  const limiter = deps.controlPlaneLimiter ?? controlPlaneLimiter(sleep);
  const invocationLimit = pLimit(shared.tuning.concurrency);
  const runId = newRunId();
  const oneAtATime = pLimit(plan.parallelFunctions);
  deps.logger.info(
    `Tuning ${functions.length} functions, ${Math.min(plan.parallelFunctions, functions.length)} at a time, within ${shared.tuning.concurrency} invocations in flight and one control-plane pace`
  );
  const outcomes = await Promise.all(
    functions.map(
      (fn) => oneAtATime(
        () => measureFunction(plan, fn, {
          ...deps,
          logger: labelledLogger(deps.logger, inertText(fn.key, 64), { flatGroups: true }),
          controlPlaneLimiter: limiter,
          invocationLimit,
          runId
        })
      )
    )
  );
  const apply = async (failure) => {
    for (const [index, fn] of functions.entries()) {
      const outcome = outcomes[index];
      if (!outcome?.result || outcome.status !== "measured" || !fn.settings.tuning.autoOptimize) continue;
      failure = await autoOptimize(
        outcome.result,
        fn.settings.tuning,
        tunerDepsOf({
          ...deps,
          logger: labelledLogger(deps.logger, inertText(fn.key, 64), { flatGroups: true }),
          controlPlaneLimiter: limiter
        }),
        failure,
        deps.signal
      ) ?? failure;
    }
    return failure;
  };
  return reportApp(plan, outcomes, {
    logger: deps.logger,
    startedAt,
    finishedAt: () => (deps.clock?.now() ?? /* @__PURE__ */ new Date()).toISOString(),
    ...deps.git ? { git: deps.git } : {},
    ...deps.runUrl ? { runUrl: deps.runUrl } : {},
    apply
  });
}
async function discovered(plan, deps) {
  if (!plan.stack) return plan.functions;
  if (!deps.discover) throw new Error("stack discovery is not available here");
  const found = await deps.discover(plan.stack, deps.signal);
  deps.logger.info(
    `Stack ${plan.stack.stackName}: ${found.length} function${found.length === 1 ? "" : "s"} (${found.map((f) => f.key).join(", ")})`
  );
  const keys = new Set(found.map((fn) => fn.key));
  const unknown = (plan.stack.overrides ?? []).filter((key) => !keys.has(key));
  if (unknown.length > 0)
    deps.logger.warning(
      `config-file gives settings for ${unknown.map((key) => inertText(key, 128)).join(", ")}, which ${unknown.length === 1 ? "is" : "are"} not among the stack's tuned functions (check the logical ids and include-functions/exclude-functions)`
    );
  return found.map((fn) => plan.settingsFor(fn));
}
async function measureFunction(plan, fn, deps) {
  const base = { key: fn.key, functionName: fn.settings.tuning.functionName };
  const failed = (failure) => ({
    ...base,
    status: "failed",
    result: null,
    baseline: null,
    verdict: null,
    failure
  });
  try {
    if (!deps.signal?.aborted) fn = { ...fn, settings: await withUsage(fn.settings, deps) };
  } catch (error) {
    return failed(oneLine(messageOf(error)));
  }
  if (deps.signal?.aborted) return failed("Not started: the run was cancelled first");
  const region = fn.settings.tuning.region;
  const client = region !== plan.shared.tuning.region && deps.clientFor ? deps.clientFor(region) : deps.client;
  const flowDeps = { ...deps, client };
  try {
    let baselineOf;
    try {
      baselineOf = await baselinePlan(fn.settings, flowDeps);
    } catch {
      return outcomeOf(base, await measure(fn.settings, flowDeps, void 0), deps);
    }
    if (!plan.measureUnchanged && !fn.settings.tuning.dryRun) {
      const unchanged = await unchangedAgainstBaseline(fn.settings, baselineOf, {
        client,
        logger: deps.logger,
        ...deps.controlPlaneLimiter ? { limiter: deps.controlPlaneLimiter } : {},
        ...deps.signal ? { signal: deps.signal } : {}
      });
      if (unchanged) {
        deps.logger.info(`Unchanged (${unchanged.note}): not measured`);
        return {
          ...base,
          status: "unchanged",
          result: unchanged.baseline,
          baseline: unchanged.baseline,
          verdict: null,
          unchangedNote: unchanged.note
        };
      }
    }
    return await outcomeOf(base, await measure(fn.settings, flowDeps, baselineOf), deps, fn);
  } catch (error) {
    return failed(oneLine(messageOf(error)));
  }
}
async function withUsage(settings, deps) {
  const auto = settings.tuning.monthlyInvocationsAuto === true || settings.tuning.coldStartRate === "auto";
  if (!auto) return settings;
  const { applyUsage, resolveUsage } = await import("./usage-5LKK3GWY.js");
  const { DEFAULT_COLD_START_RATE } = await import("./cold-cost-BW4GGWGR.js");
  const usage = await resolveUsage(settings, {
    logger: deps.logger,
    ...deps.signal ? { signal: deps.signal } : {},
    ...deps.env ? { env: deps.env } : {},
    ...deps.clock ? { clock: deps.clock } : {}
  });
  return applyUsage(settings, usage, DEFAULT_COLD_START_RATE);
}
async function outcomeOf(base, measured, deps, fn) {
  const settings = fn?.settings;
  const judged = settings ? await judge(measured, settings, {
    logger: deps.logger,
    gate: "inform",
    ...deps.accept ? { accept: deps.accept } : {}
  }) : { verdict: null };
  const failed = measured.failure !== void 0;
  const { buildTrend } = await import("./trend-FYLTOO47.js");
  const trend = settings && measured.result ? buildTrend(measured.result, measured.baseline?.trend, settings.gate, deps.runUrl) : null;
  return {
    ...base,
    ...trend ? { trend } : {},
    status: failed && !measured.result ? "failed" : "measured",
    result: measured.result,
    baseline: measured.baseline?.result ?? null,
    verdict: judged.verdict,
    ...measured.otherArchitecture ? { otherArchitecture: measured.otherArchitecture } : {},
    ...failed ? { failure: measured.failure } : {}
  };
}
export {
  runApp
};
