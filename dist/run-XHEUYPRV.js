import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  baselinePlan,
  functionEntry,
  judge,
  measure,
  removePreviousArtefacts,
  resultsFile,
  runFlow,
  tunerDepsOf,
  writeFresh
} from "./chunk-DUS53T6Z.js";
import {
  autoOptimize,
  newRunId
} from "./chunk-6DMANUH2.js";
import "./chunk-2PNDXB25.js";
import "./chunk-WRXVBI5R.js";
import "./chunk-BK65RNT3.js";
import "./chunk-5WM6ETGA.js";
import {
  memoryUsedPctAt
} from "./chunk-YQCAHPBZ.js";
import "./chunk-ISPMOH3G.js";
import "./chunk-CYDGGBB2.js";
import "./chunk-B4XUQD3K.js";
import "./chunk-JOBTH4RT.js";
import "./chunk-NWUCCSVP.js";
import "./chunk-BHX5YG2T.js";
import "./chunk-SFJ7IVIP.js";
import "./chunk-N3JZZGTO.js";
import "./chunk-7WMIMWEW.js";
import {
  GetFunctionConfigurationCommand,
  controlPlaneLimiter,
  environmentSha256,
  pLimit
} from "./chunk-BEQTHXRH.js";
import {
  messageOf
} from "./chunk-JIEX5DZV.js";
import {
  oneLine
} from "./chunk-XYJEIEPD.js";
import {
  inertText
} from "./chunk-TM45P2KR.js";
import {
  realSleep
} from "./chunk-FTQIWBND.js";
import "./chunk-RN7TGPEO.js";
import "./chunk-CPWGUBW5.js";
import "./chunk-EMDC3MXH.js";
import "./chunk-JK6TZCBJ.js";
import "./chunk-WGY342LC.js";
import "./chunk-URRKCZFK.js";

// src/app/run.ts
import { mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";

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
    return failedApp(plan, deps, `Stack ${inertText(plan.stack?.stackName ?? "", 128)}: ${oneLine(messageOf(error))}`);
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
          logger: functionLogger(deps.logger, fn.key),
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
        tunerDepsOf({ ...deps, logger: functionLogger(deps.logger, fn.key), controlPlaneLimiter: limiter }),
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
async function reportApp(plan, outcomes, options) {
  const resultsPath = plan.shared.tuning.resultsPath;
  const reportDir = dirname(resultsPath);
  const dryRun = outcomes.length > 0 && outcomes.every((outcome) => outcome.result?.dryRun);
  const verdict = await verdictOf(outcomes);
  const appVerdict = dryRun ? null : verdict;
  if (appVerdict) options.logger.info(`Gate: ${appVerdict.level}. ${appVerdict.reason}`);
  let failure = failureOf(outcomes, appVerdict, plan.shared.gate.failOnRegression, options.logger);
  if (options.apply) failure = await options.apply(failure);
  const file = resultsFile(
    plan.key,
    outcomes.map((outcome) => functionEntry(outcome, outcome.verdict?.baselineKind === "live")),
    { startedAt: options.startedAt, finishedAt: options.finishedAt(), ...options.git ? { git: options.git } : {} }
  );
  if (options.git) {
    for (const entry of file.functions) if (entry.result && entry.status === "measured") entry.result.git = options.git;
  }
  const { renderAppReport } = await import("./app-6757SJRQ.js");
  const { renderAppHtmlReport } = await import("./app-html-W2OHWV3M.js");
  const { GITHUB_SUMMARY_MAX_CHARS } = await import("./limits-CAYWCUY6.js");
  const input = { key: plan.key, functions: outcomes, verdict, ...options.runUrl ? { runUrl: options.runUrl } : {} };
  const markdown = renderAppReport(input);
  const summaryMarkdown = renderAppReport({
    ...input,
    maxChars: GITHUB_SUMMARY_MAX_CHARS,
    fullReportsWhere: "the results artifact (results.json, report.html)"
  });
  await mkdir(reportDir, { recursive: true });
  await writeFresh(resultsPath, JSON.stringify(file, null, 2) + "\n");
  const reportPath = join(reportDir, "report.md");
  await writeFresh(reportPath, summaryMarkdown);
  await writeFresh(join(reportDir, "report.html"), renderAppHtmlReport(input));
  return {
    result: null,
    verdict: null,
    baseline: null,
    markdown,
    summaryMarkdown,
    outputs: appOutputs(outcomes, appVerdict, resultsPath),
    resultsPath,
    reportPath,
    functions: outcomes,
    appVerdict,
    ...failure ? { failure } : {}
  };
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
  if (!deps.signal?.aborted) {
    try {
      fn = { ...fn, settings: await withUsage(fn.settings, deps) };
    } catch (error) {
      return {
        ...base,
        status: "failed",
        result: null,
        baseline: null,
        verdict: null,
        failure: oneLine(messageOf(error))
      };
    }
  }
  if (deps.signal?.aborted) {
    return {
      ...base,
      status: "failed",
      result: null,
      baseline: null,
      verdict: null,
      failure: "Not started: the run was cancelled first"
    };
  }
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
    return {
      ...base,
      status: "failed",
      result: null,
      baseline: null,
      verdict: null,
      failure: oneLine(messageOf(error))
    };
  }
}
async function withUsage(settings, deps) {
  const auto = settings.tuning.monthlyInvocationsAuto === true || settings.tuning.coldStartRate === "auto";
  if (!auto) return settings;
  const [{ applyUsage, resolveUsage }, { DEFAULT_COLD_START_RATE }] = [
    await import("./usage-JXJDRPTK.js"),
    await import("./cold-cost-L6TPUWN7.js")
  ];
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
  return {
    ...base,
    status: failed && !measured.result ? "failed" : "measured",
    result: measured.result,
    baseline: measured.baseline?.result ?? null,
    verdict: judged.verdict,
    ...failed ? { failure: measured.failure } : {}
  };
}
function failureOf(outcomes, verdict, failOnRegression, logger) {
  const failed = outcomes.filter((outcome) => outcome.failure !== void 0);
  if (failed.length > 0) {
    const list = failed.map((outcome) => `${outcome.key} (${outcome.failure})`).join("; ");
    return `${failed.length} of ${outcomes.length} functions failed: ${list}`;
  }
  if (verdict?.level !== "fail") return void 0;
  const accepted = acceptedFunctions(outcomes);
  if (accepted) {
    logger.info(`${accepted.sentence} The job passes.`);
    return void 0;
  }
  if (failOnRegression) return `Regression gate failed: ${verdict.reason}`;
  logger.warning("The gate verdict is fail, but fail-on-regression is false: the job passes.");
  return void 0;
}
function acceptedFunctions(outcomes) {
  const failing = outcomes.filter((outcome) => outcome.status === "failed" || outcome.verdict?.level === "fail");
  if (failing.length === 0 || failing.some((outcome) => !outcome.verdict?.accepted)) return void 0;
  const [first] = failing;
  const note = first?.verdict?.accepted;
  if (!note) return void 0;
  const keys = failing.map((outcome) => inertText(outcome.key, 64)).join(", ");
  return {
    sentence: `Regression accepted by ${inertText(note.by, 64)} with the label "${inertText(note.label, 100)}" for ${keys}.`
  };
}
async function verdictOf(outcomes) {
  const { appVerdict } = await import("./app-R73UWJ3Y.js");
  return appVerdict(outcomes);
}
async function failedApp(plan, deps, failure) {
  const resultsPath = plan.shared.tuning.resultsPath;
  const reportDir = dirname(resultsPath);
  const { renderFailureReport } = await import("./markdown-NVPTX2ZW.js");
  const markdown = renderFailureReport(failure, deps.runUrl);
  await mkdir(reportDir, { recursive: true });
  const reportPath = join(reportDir, "report.md");
  await writeFresh(reportPath, markdown);
  return {
    result: null,
    verdict: null,
    baseline: null,
    markdown,
    outputs: { "results-path": "", functions: "[]" },
    resultsPath: "",
    reportPath,
    functions: [],
    appVerdict: null,
    failure
  };
}
function appOutputs(outcomes, verdict, resultsPath) {
  return {
    "results-path": resultsPath,
    verdict: verdict?.level ?? "",
    accepted: String(verdict?.level === "fail" && acceptedFunctions(outcomes) !== void 0),
    "accepted-by": verdict?.level === "fail" ? acceptedBy(outcomes) ?? "" : "",
    "monthly-cost-delta": verdict?.monthlyCostDeltaUsd == null ? "" : verdict.monthlyCostDeltaUsd.toFixed(2),
    functions: functionsOutput(outcomes)
  };
}
function functionsOutput(outcomes) {
  return JSON.stringify(
    outcomes.map((outcome) => ({
      key: outcome.key,
      function: outcome.functionName,
      status: outcome.status,
      verdict: outcome.verdict?.level ?? null,
      ...outcome.verdict?.accepted ? { acceptedBy: outcome.verdict.accepted.by } : {},
      currentMemoryMb: outcome.result?.current.memoryMb ?? null,
      recommendedMemoryMb: outcome.result?.recommendation?.memoryMb ?? null,
      costDeltaPercent: round2(outcome.verdict?.costDeltaPct),
      durationDeltaPercent: round2(outcome.verdict?.durationDeltaPct),
      monthlyCostDeltaUsd: round2(outcome.verdict?.monthlyCostDeltaUsd),
      memoryUsedPercent: round2(memoryUsedPctAt(outcome.result, outcome.result?.current.memoryMb)),
      recommendedMemoryUsedPercent: round2(memoryUsedPctAt(outcome.result, outcome.result?.recommendation?.memoryMb)),
      ...outcome.failure ? { failure: outcome.failure } : {}
    }))
  );
}
function acceptedBy(outcomes) {
  if (!acceptedFunctions(outcomes)) return void 0;
  return outcomes.find((outcome) => outcome.verdict?.accepted)?.verdict?.accepted?.by;
}
function round2(value) {
  return value === null || value === void 0 ? null : Math.round(value * 100) / 100;
}
function functionLogger(logger, key) {
  const label = inertText(key, 64);
  return {
    info: (message) => logger.info(`[${label}] ${message}`),
    warning: (message) => logger.warning(`[${label}] ${message}`),
    debug: (message) => logger.debug(`[${label}] ${message}`),
    group: (name, fn) => {
      logger.info(`[${label}] ${name}`);
      return fn();
    },
    progress: () => {
    }
  };
}
export {
  acceptedFunctions,
  functionsOutput,
  reportApp,
  runApp
};
