import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  loadBaseline,
  parseRunResult
} from "./chunk-AFBPOKWL.js";
import {
  dataBranch,
  publish,
  pullRequestBase,
  setOutputs,
  writeSummary
} from "./chunk-RKQJNEFW.js";
import {
  actionLog,
  actionsEngineLogger
} from "./chunk-UO5YPKHR.js";
import {
  judgeAndReport
} from "./chunk-MC4USP2O.js";
import "./chunk-BW7SGPVE.js";
import "./chunk-UAZQ32MO.js";
import "./chunk-OY2HRFOL.js";
import "./chunk-CPWGUBW5.js";
import "./chunk-H5X3UUQF.js";
import "./chunk-ZKA7SFJ2.js";
import "./chunk-5WM6ETGA.js";
import "./chunk-FTQIWBND.js";
import {
  MAX_RESULTS_FILE_BYTES,
  PathProblem,
  confinePath,
  describeReadError,
  readBoundedText
} from "./chunk-7WMIMWEW.js";
import "./chunk-2BCDQTB2.js";
import {
  InputError,
  messageOf
} from "./chunk-WECR3URA.js";
import "./chunk-YTU5BVUS.js";
import "./chunk-HUHDTG3S.js";
import "./chunk-YHN4IYSO.js";
import "./chunk-WGY342LC.js";
import "./chunk-URRKCZFK.js";

// src/action/comment-only.ts
function readReportedResults(path, workspace) {
  if (path.trim() === "") {
    throw new InputError(
      "results-file",
      "Input 'results-file': is required with mode comment-only; set it to the results.json the measuring workflow uploaded"
    );
  }
  let file;
  try {
    file = confinePath(path.trim(), workspace, "read");
  } catch (error) {
    throw new InputError(
      "results-file",
      `Input 'results-file': ${error instanceof PathProblem ? error.message : messageOf(error)}`
    );
  }
  let text;
  try {
    text = readBoundedText(file, MAX_RESULTS_FILE_BYTES);
  } catch (error) {
    throw new InputError(
      "results-file",
      `Input 'results-file': cannot read ${file} (${describeReadError(error, file)}); give the results.json the measuring workflow uploaded`
    );
  }
  return parseRunResult(text, (problem) => new InputError("results-file", `Input 'results-file': ${file} ${problem}`));
}
async function commentOnly(settings, result, run, env) {
  const issueNumber = settings.report.pullRequest ?? run.workflowRun?.pullRequest;
  const commitSha = run.workflowRun?.headSha ?? result.git?.sha;
  const baseSha = issueNumber ? await pullRequestBase(settings, run, issueNumber) : void 0;
  if (settings.gate.baselineSource === "function") {
    actionLog.setFailed(
      "Input 'baseline-function': needs AWS, which comment-only mode never calls; use baseline-file (the measuring run's baseline-results.json) or baseline-branch"
    );
    return;
  }
  const plan = await loadBaseline(settings.gate, {
    readFile: readBoundedText,
    history: await dataBranch(settings, run, env),
    target: baseSha ? { sha: baseSha, label: "the PR base" } : {}
  }).catch((error) => {
    actionLog.setFailed(messageOf(error).replace(/^\w*Error: /, ""));
    return void 0;
  });
  if (!plan) return;
  const stored = plan.source === "file" || plan.source === "branch" ? plan : void 0;
  const outcome = await judgeAndReport(
    { result, baseline: stored?.baseline ?? null, ...stored?.problem ? { baselineProblem: stored.problem } : {} },
    settings,
    {
      logger: actionsEngineLogger(),
      gate: "inform",
      write: { resultsPath: settings.report.resultsFile ?? "" },
      ...run.runUrl ? { runUrl: run.runUrl } : {}
    }
  );
  setOutputs(outcome.outputs);
  if (settings.report.summary) await writeSummary(outcome.markdown);
  if (!issueNumber) {
    actionLog.warning(
      "comment-only: no pull request number (input pull-request, or a workflow_run event with one); the report is in the job summary only."
    );
    return;
  }
  if (settings.report.commentMode === "off") return;
  const url = await publish(settings, outcome.markdown, run, {
    issueNumber,
    ...commitSha ? { commitSha, verifyPullRequestHead: true } : {}
  });
  if (url) setOutputs({ "comment-url": url });
  const verdict = outcome.verdict ? `verdict ${outcome.verdict.level} (${outcome.verdict.reason})` : "no verdict (a dry run measures nothing)";
  actionLog.info(`comment-only: ${verdict}; the measuring workflow's own check is the gate.`);
}
export {
  commentOnly,
  readReportedResults
};
