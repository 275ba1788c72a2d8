import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  functionEntry,
  resultsFile,
  spendOutputs,
  writeFresh
} from "./chunk-4DQHMXTC.js";
import {
  fileSpend,
  functionSpend
} from "./chunk-EE6MQ7ES.js";
import {
  memoryUsedPctAt
} from "./chunk-Q3BMP5S5.js";
import {
  inertText
} from "./chunk-TM45P2KR.js";

// src/app/report.ts
import { mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
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
  const { renderAppReport } = await import("./app-MRWK7CNR.js");
  const { renderAppHtmlReport } = await import("./app-html-DN5HTYHB.js");
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
  const { appVerdict } = await import("./app-VMBQ7YFD.js");
  return appVerdict(outcomes);
}
async function failedApp(plan, runUrl, failure) {
  const resultsPath = plan.shared.tuning.resultsPath;
  const reportDir = dirname(resultsPath);
  const { renderFailureReport } = await import("./markdown-SE4I3OKG.js");
  const markdown = renderFailureReport(failure, runUrl);
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
    ...spendOutputs(fileSpend(outcomes)?.total ?? null),
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
      ...runFigures(functionSpend(outcome)?.total),
      ...outcome.failure ? { failure: outcome.failure } : {}
    }))
  );
}
function acceptedBy(outcomes) {
  if (!acceptedFunctions(outcomes)) return void 0;
  return outcomes.find((outcome) => outcome.verdict?.accepted)?.verdict?.accepted?.by;
}
function runFigures(spend) {
  if (!spend) return {};
  return {
    runInvocations: spend.invocations,
    runGbSeconds: Math.round(spend.gbSeconds * 1e6) / 1e6,
    runCostUsd: Math.round(spend.costUsd * 1e10) / 1e10
  };
}
function round2(value) {
  return value === null || value === void 0 ? null : Math.round(value * 100) / 100;
}

export {
  reportApp,
  acceptedFunctions,
  verdictOf,
  failedApp,
  functionsOutput
};
