import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  TuningCancelledError,
  TuningFailedError,
  autoOptimize,
  newRunId,
  runDeadlineMs,
  tune,
  tuneTogether
} from "./chunk-U5IZFZU5.js";
import {
  TOOL_VERSION
} from "./chunk-2PNDXB25.js";
import {
  fileSpend,
  functionSpend
} from "./chunk-EE6MQ7ES.js";
import {
  memoryUsedPctAt
} from "./chunk-Q3BMP5S5.js";
import {
  RESULTS_FILE_SCHEMA_VERSION
} from "./chunk-ISPMOH3G.js";
import {
  parseFunctionName
} from "./chunk-CBEWQLWB.js";
import {
  ARTEFACT_NAMES,
  BASELINE_COPY_NAME,
  readBoundedText
} from "./chunk-7WMIMWEW.js";
import {
  InputError,
  messageOf
} from "./chunk-ZS2HFFQI.js";
import {
  systemClock
} from "./chunk-FTQIWBND.js";

// src/results/file.ts
function functionEntry(outcome, liveBaseline) {
  return {
    key: outcome.key,
    functionName: outcome.functionName,
    status: outcome.status,
    result: outcome.result,
    ...liveBaseline && outcome.baseline ? { baseline: outcome.baseline } : {},
    ...outcome.otherArchitecture ? { otherArchitecture: outcome.otherArchitecture } : {},
    ...outcome.failure ? { failure: outcome.failure } : {},
    ...outcome.unchangedNote ? { unchangedNote: outcome.unchangedNote } : {},
    ...outcome.verdict?.accepted ? { accepted: outcome.verdict.accepted } : {}
  };
}
function resultsFile(key, entries, span) {
  const measured = entries.flatMap((entry) => entry.status === "measured" && entry.result ? [entry.result] : []);
  const starts = measured.map((run) => run.startedAt).sort();
  const ends = measured.map((run) => run.finishedAt).sort();
  const spend = fileSpend(entries);
  return {
    schemaVersion: RESULTS_FILE_SCHEMA_VERSION,
    tool: { name: "lambda-power-gate", version: TOOL_VERSION },
    key,
    ...span.git ? { git: span.git } : {},
    functions: entries,
    ...spend ? { spend } : {},
    startedAt: starts[0] ?? span.startedAt,
    finishedAt: ends[ends.length - 1] ?? span.finishedAt
  };
}

// src/results/outputs.ts
function outputsFor(result, verdict, resultsPath, saving, baseline, otherArchitecture) {
  const outputs = { "results-path": resultsPath };
  if (!result) return outputs;
  Object.assign(
    outputs,
    spendOutputs(functionSpend({ status: "measured", result, baseline, otherArchitecture })?.total ?? null)
  );
  const rec = result.recommendation;
  const pair = result.architectureComparison?.recommendation;
  Object.assign(outputs, {
    "recommended-memory": pair ? String(pair.memoryMb) : rec ? String(rec.memoryMb) : "",
    "recommended-architecture": pair ? pair.architecture : rec ? result.function.architecture : "",
    "recommended-cost": pair ? perInvocationText(pair.costPerInvocationUsd) : rec ? perInvocationText(rec.costPerInvocationUsd) : "",
    "recommended-duration": pair ? String(pair.durationMs) : rec ? String(rec.durationMs) : "",
    "current-memory": String(result.current.memoryMb),
    "current-cost": result.current.costPerInvocationUsd === null ? "" : perInvocationText(result.current.costPerInvocationUsd),
    "saving-percent": pair ? pair.savingPct === null ? "" : pair.savingPct.toFixed(2) : saving === null ? "" : saving.toFixed(2),
    "visualization-url": result.visualizationUrl ?? "",
    "memory-used-percent": percentText(memoryUsedPctAt(result, result.current.memoryMb)),
    "recommended-memory-used-percent": percentText(memoryUsedPctAt(result, rec?.memoryMb))
  });
  if (verdict) {
    Object.assign(outputs, {
      verdict: verdict.level,
      accepted: String(verdict.accepted !== void 0),
      "accepted-by": verdict.accepted?.by ?? "",
      "cost-delta-percent": verdict.costDeltaPct === null ? "" : verdict.costDeltaPct.toFixed(2),
      "duration-delta-percent": verdict.durationDeltaPct === null ? "" : verdict.durationDeltaPct.toFixed(2),
      "init-duration-delta-percent": verdict.initDurationDeltaPct === void 0 || verdict.initDurationDeltaPct === null ? "" : verdict.initDurationDeltaPct.toFixed(2),
      "monthly-cost-delta": verdict.monthlyCostDeltaUsd === null ? "" : verdict.monthlyCostDeltaUsd.toFixed(2)
    });
  }
  return outputs;
}
var percentText = (value) => value === null ? "" : value.toFixed(2);
var plain = (value, decimals) => value.toFixed(decimals).replace(/(\.\d*?)0+$/, "$1").replace(/\.$/, "");
var perInvocationText = (usd) => plain(usd, 12);
function spendOutputs(spend) {
  return {
    "run-invocations": spend ? String(spend.invocations) : "",
    "run-gb-seconds": spend ? plain(spend.gbSeconds, 6) : "",
    "run-cost": spend ? plain(spend.costUsd, 10) : "",
    "run-wall-time-seconds": spend ? plain(spend.wallTimeSeconds, 1) : ""
  };
}

// src/flow.ts
import { mkdir, unlink, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
async function runFlow(settings, deps) {
  const resultsPath = settings.tuning.resultsPath;
  const reportDir = dirname(resultsPath);
  await removePreviousArtefacts(resultsPath, reportDir);
  const measured = await measure(settings, deps);
  if (measured.baseline && measured.liveBaseline) await writeBaselineCopy(reportDir, measured.baseline.result);
  const runUrl = deps.runUrl ? { runUrl: deps.runUrl } : {};
  const apply = (result, failure) => autoOptimize(result, settings.tuning, tunerDepsOf(deps), failure, deps.signal);
  return judgeAndReport(measured, settings, {
    logger: deps.logger,
    gate: "enforce",
    write: true,
    apply,
    ...runUrl,
    ...deps.accept ? { accept: deps.accept } : {}
  });
}
async function measure(settings, deps, loaded) {
  let plan;
  try {
    plan = loaded ?? await baselinePlan(settings, deps);
  } catch (error) {
    return {
      result: null,
      baseline: null,
      failure: error instanceof InputError ? error.message : `Baseline: ${messageOf(error)}`
    };
  }
  let baseline = plan.source === "file" || plan.source === "branch" ? plan.baseline : null;
  let baselineProblem = plan.source === "file" || plan.source === "branch" ? plan.problem : void 0;
  const noBaselineNote = plan.source === "branch" && !plan.baseline ? plan.note : void 0;
  if (baseline) deps.logger.info(`Baseline: ${baseline.description}`);
  else if (baselineProblem) deps.logger.warning(`No baseline: ${baselineProblem}`);
  else if (noBaselineNote) deps.logger.info(`No baseline: ${noBaselineNote}`);
  const tunerDeps = { ...tunerDepsOf(deps), runId: deps.runId ?? newRunId() };
  let result = null;
  let otherResult;
  let failure;
  const arch = (settings.tuning.architectures?.length ?? 0) > 1 ? await import("./arch-run-6LT6P4XP.js") : void 0;
  let other;
  try {
    other = arch ? await arch.otherArchitecture(settings.tuning, {
      client: deps.client,
      runId: tunerDeps.runId,
      deadlineMs: runDeadlineMs((deps.clock ?? systemClock).now().getTime(), settings.tuning.timeoutMinutes),
      logger: deps.logger,
      ...settings.tuning.endpoint ? { endpoint: settings.tuning.endpoint } : {},
      ...deps.waiterMinDelaySec !== void 0 ? { waiterMinDelaySec: deps.waiterMinDelaySec } : {},
      ...deps.controlPlaneLimiter ? { limiter: deps.controlPlaneLimiter } : {},
      ...deps.onCopy ? { onCreating: (copy) => deps.onCopy?.(copy, { runId: tunerDeps.runId }) } : {},
      ...deps.signal ? { signal: deps.signal } : {}
    }) : void 0;
    const companions = arch && other ? [arch.otherArchitectureSubject(settings.tuning, other)] : [];
    if (plan.source === "function") {
      const { tuneWithLiveBaseline } = await import("./live-Y3RHEN2B.js");
      const live = await tuneWithLiveBaseline(
        settings.tuning,
        parseFunctionName(plan.functionName),
        { ...tunerDeps, clientFor: deps.clientFor },
        deps.signal,
        settings.gate,
        companions
      );
      result = live.result;
      otherResult = live.companions?.[0];
      baseline = live.baseline;
      baselineProblem = live.problem;
    } else if (companions.length > 0) {
      const [own, companion] = await tuneTogether(
        [{ settings: settings.tuning }, ...companions],
        tunerDeps,
        deps.signal
      );
      result = own ?? null;
      otherResult = companion;
    } else {
      result = await tune(settings.tuning, tunerDeps, deps.signal);
    }
  } catch (error) {
    if (error instanceof InputError) {
      failure = error.message;
    } else if (error instanceof TuningFailedError) {
      result = error.result ?? null;
      failure = error.message;
    } else if (error instanceof TuningCancelledError) {
      failure = error.message;
    } else {
      failure = `Tuning failed: ${messageOf(error)}`;
    }
  } finally {
    await other?.dispose().catch((error) => deps.logger.warning(`Could not remove ${other?.functionName}: ${messageOf(error)}`));
  }
  if (result && deps.git) result.git = deps.git;
  if (result && otherResult && other && !result.dryRun && !otherResult.dryRun) {
    if (deps.git) otherResult.git = deps.git;
    const { compareArchitectures } = await import("./architectures-WWO5G2AZ.js");
    result.architectureComparison = compareArchitectures(result, otherResult, {
      confidence: settings.gate.confidence,
      source: other.source
    });
  }
  return {
    result,
    ...otherResult ? { otherArchitecture: otherResult } : {},
    baseline,
    ...baselineProblem ? { baselineProblem } : {},
    ...noBaselineNote ? { noBaselineNote } : {},
    ...plan.source === "function" ? { liveBaseline: true } : {},
    ...failure ? { failure } : {}
  };
}
async function judgeAndReport(measured, settings, options) {
  const { result, baseline } = measured;
  const judged = await judge(measured, settings, options);
  const { verdict } = judged;
  let failure = judged.failure;
  if (result && options.apply) failure = await options.apply(result, failure) ?? failure;
  const { renderFailureReport, renderReport } = await import("./markdown-SE4I3OKG.js");
  const { savingPct } = await import("./model-MOZRVEMD.js");
  const baselineResult = baseline?.result ?? null;
  const otherArchitecture = measured.otherArchitecture ?? null;
  const { buildTrend } = await import("./trend-FYLTOO47.js");
  const trend = result ? buildTrend(result, baseline?.trend, settings.gate, options.runUrl) : null;
  const reportInput = result ? {
    result,
    verdict,
    baseline: baselineResult,
    otherArchitecture,
    runUrl: options.runUrl,
    ...trend ? { trend } : {}
  } : null;
  const markdown = reportInput ? renderReport(reportInput) : renderFailureReport(failure ?? "Tuning failed", options.runUrl);
  const saving = result ? savingPct(result) : null;
  const resultsPath = settings.tuning.resultsPath;
  const reportDir = dirname(resultsPath);
  const reportPath = join(reportDir, "report.md");
  if (options.write !== true) {
    const given = options.write.resultsPath;
    const outputs = outputsFor(result, verdict, given, saving, baselineResult, otherArchitecture);
    return {
      result,
      verdict,
      baseline: baselineResult,
      markdown,
      outputs,
      resultsPath: given,
      reportPath: "",
      ...failure ? { failure } : {}
    };
  }
  await mkdir(reportDir, { recursive: true });
  if (result) {
    const outcome = {
      key: settings.gate.key,
      functionName: settings.tuning.functionName,
      status: "measured",
      result,
      baseline: baselineResult,
      verdict,
      ...measured.otherArchitecture ? { otherArchitecture: measured.otherArchitecture } : {}
    };
    const file = resultsFile(settings.gate.key, [functionEntry(outcome, verdict?.baselineKind === "live")], {
      ...result
    });
    await writeFresh(resultsPath, JSON.stringify(file, null, 2) + "\n");
  }
  await writeFresh(reportPath, markdown);
  if (reportInput) {
    const { renderHtmlReport } = await import("./html-IWJQVP6G.js");
    await writeFresh(join(reportDir, "report.html"), renderHtmlReport(reportInput));
  }
  const written = result ? resultsPath : "";
  return {
    result,
    verdict,
    baseline: baselineResult,
    ...measured.otherArchitecture ? { otherArchitecture: measured.otherArchitecture } : {},
    markdown,
    outputs: outputsFor(result, verdict, written, saving, baselineResult, otherArchitecture),
    resultsPath: written,
    reportPath,
    ...failure ? { failure } : {}
  };
}
async function baselinePlan(settings, deps) {
  if (settings.gate.baselineSource === "none") return { source: "none" };
  const { loadBaseline } = await import("./baseline-Y7IIJITY.js");
  return loadBaseline(settings.gate, {
    readFile: deps.readFile ?? readBoundedText,
    history: deps.history,
    target: deps.baselineTarget
  });
}
async function judge(measured, settings, options) {
  const { result, baseline } = measured;
  let failure = measured.failure;
  if (!result || result.dryRun) return failure ? { verdict: null, failure } : { verdict: null };
  const { compareRuns } = await import("./compare-TOBYPUIL.js");
  let verdict = compareRuns(result, baseline?.result ?? null, settings.gate, settings.tuning.monthlyInvocations ?? 0, {
    ...baseline ? { baselineDescription: baseline.description } : {},
    ...baseline?.history ? { history: baseline.history } : {},
    ...measured.noBaselineNote ? { noBaselineNote: measured.noBaselineNote } : {},
    ...measured.baselineProblem ? { baselineProblem: measured.baselineProblem } : {}
  });
  if (verdict.level === "fail" && options.accept) {
    const { applyAcceptance } = await import("./acceptance-KPGIP4Y2.js");
    verdict = applyAcceptance(verdict, await options.accept());
  }
  if (options.gate === "enforce") {
    options.logger.info(`Gate: ${verdict.level}. ${verdict.reason}`);
    if (verdict.level === "fail" && failure === void 0) {
      if (verdict.accepted) {
        const { acceptedSentence } = await import("./acceptance-KPGIP4Y2.js");
        options.logger.info(`${acceptedSentence(verdict.accepted)} The job passes.`);
      } else if (settings.gate.failOnRegression) failure = `Regression gate failed: ${verdict.reason}`;
      else options.logger.warning("The gate verdict is fail, but fail-on-regression is false: the job passes.");
    }
  }
  return failure ? { verdict, failure } : { verdict };
}
async function writeBaselineCopy(reportDir, baseline) {
  await mkdir(reportDir, { recursive: true });
  await writeFresh(join(reportDir, BASELINE_COPY_NAME), JSON.stringify(baseline, null, 2) + "\n");
}
async function removePreviousArtefacts(resultsPath, reportDir) {
  for (const path of [resultsPath, ...ARTEFACT_NAMES.map((name) => join(reportDir, name))]) {
    try {
      await unlink(path);
    } catch (error) {
      const code = error.code;
      if (code !== "ENOENT" && code !== "ENOTDIR") throw error;
    }
  }
}
async function writeFresh(path, text) {
  await writeFile(path, text, { flag: "wx" });
}
function tunerDepsOf(deps) {
  return {
    client: deps.client,
    logger: deps.logger,
    clock: deps.clock,
    waiterMinDelaySec: deps.waiterMinDelaySec,
    onSnapshot: deps.onSnapshot,
    ...deps.controlPlaneLimiter ? { controlPlaneLimiter: deps.controlPlaneLimiter } : {},
    ...deps.invocationLimit ? { invocationLimit: deps.invocationLimit } : {},
    ...deps.runId ? { runId: deps.runId } : {}
  };
}

export {
  functionEntry,
  resultsFile,
  spendOutputs,
  runFlow,
  measure,
  judgeAndReport,
  baselinePlan,
  judge,
  removePreviousArtefacts,
  writeFresh,
  tunerDepsOf
};
