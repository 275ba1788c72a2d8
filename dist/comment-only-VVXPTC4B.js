import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  judgeAndReport
} from "./chunk-4DQHMXTC.js";
import "./chunk-U5IZFZU5.js";
import "./chunk-2PNDXB25.js";
import "./chunk-VJXSU6PO.js";
import "./chunk-EE6MQ7ES.js";
import "./chunk-RGAGO2E6.js";
import "./chunk-TZQBYUD2.js";
import "./chunk-5WM6ETGA.js";
import "./chunk-JRNMWUVF.js";
import "./chunk-Q3BMP5S5.js";
import "./chunk-LYDXGQBP.js";
import {
  loadBaseline
} from "./chunk-LBJAIOSE.js";
import {
  parseResultsFile
} from "./chunk-JMCE2JBC.js";
import "./chunk-ISPMOH3G.js";
import {
  acceptanceReader
} from "./chunk-HTI2UHH4.js";
import {
  dataBranch,
  publish,
  pullRequestBase,
  setOutputs,
  writeSummary
} from "./chunk-4MD6V4DB.js";
import "./chunk-OAEFOCCR.js";
import "./chunk-CBEWQLWB.js";
import "./chunk-AQSXUJKW.js";
import "./chunk-N3JZZGTO.js";
import "./chunk-BHX5YG2T.js";
import "./chunk-SFJ7IVIP.js";
import "./chunk-4JLOGNLJ.js";
import {
  MAX_RESULTS_FILE_BYTES,
  PathProblem,
  confinePath,
  describeReadError,
  readBoundedText
} from "./chunk-7WMIMWEW.js";
import {
  actionLog,
  actionsEngineLogger
} from "./chunk-MOY3PVIV.js";
import "./chunk-BW7SGPVE.js";
import "./chunk-5Y64ZUDY.js";
import "./chunk-XCIHNFG2.js";
import "./chunk-YQ5HGVKP.js";
import {
  InputError,
  messageOf
} from "./chunk-ZS2HFFQI.js";
import "./chunk-F67DHOCG.js";
import "./chunk-TM45P2KR.js";
import "./chunk-FTQIWBND.js";
import "./chunk-UFSOI34G.js";
import "./chunk-CPWGUBW5.js";
import "./chunk-EMDC3MXH.js";
import "./chunk-JK6TZCBJ.js";
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
  const fail = (problem) => new InputError("results-file", `Input 'results-file': ${file} ${problem}`);
  const reported = parseResultsFile(text, fail).functions.find((entry) => entry.result !== null)?.result;
  if (!reported) throw fail("has no function with figures (every one failed); nothing to report");
  return reported;
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
  const accept = acceptanceReader(settings, run, env, {
    ...issueNumber ? { pullRequest: issueNumber } : {},
    ...commitSha ? { measuredSha: commitSha } : {}
  });
  const outcome = await judgeAndReport(
    { result, baseline: stored?.baseline ?? null, ...stored?.problem ? { baselineProblem: stored.problem } : {} },
    settings,
    {
      logger: actionsEngineLogger(),
      gate: "inform",
      write: { resultsPath: settings.report.resultsFile ?? "" },
      ...run.runUrl ? { runUrl: run.runUrl } : {},
      ...accept ? { accept } : {}
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
