// mode: comment-only, the second workflow of the fork recipe (docs/workflows.md): a workflow_run event reports a
// results.json that the pull request's own workflow measured and uploaded. Everything in it is untrusted: the
// report is rendered again from its figures, the verdict is computed again against a baseline this workflow loads
// itself, and the comment goes only to a pull request whose head is the measured commit. It never calls AWS: it
// runs the flow's second half ("judge and report") on results measured elsewhere.

import { judgeAndReport } from '../flow.js';
import { loadBaseline } from '../gate/baseline.js';
import { InputError, messageOf } from '../lib/errors.js';
import { confinePath, describeReadError, MAX_RESULTS_FILE_BYTES, PathProblem, readBoundedText } from '../lib/paths.js';
import { parseResultsFile } from '../results/parse.js';
import type { RunResult, Settings } from '../types.js';
import { acceptanceReader } from './acceptance.js';
import type { RunContext } from './context.js';
import { dataBranch, publish, pullRequestBase, setOutputs, writeSummary } from './github-io.js';
import { actionLog, actionsEngineLogger } from './log.js';

/**
 * comment-only's results file, validated as a baseline file is (it may come from a fork's artifact). Either
 * version: for now the report is one function's, so a version 2 file gives its first function with figures (the
 * app flow reports every function).
 */
export function readReportedResults(path: string, workspace: string): RunResult {
  if (path.trim() === '') {
    throw new InputError(
      'results-file',
      "Input 'results-file': is required with mode comment-only; set it to the results.json the measuring workflow uploaded",
    );
  }
  let file: string;
  try {
    file = confinePath(path.trim(), workspace, 'read');
  } catch (error) {
    throw new InputError(
      'results-file',
      `Input 'results-file': ${error instanceof PathProblem ? error.message : messageOf(error)}`,
    );
  }
  let text: string;
  try {
    text = readBoundedText(file, MAX_RESULTS_FILE_BYTES);
  } catch (error) {
    throw new InputError(
      'results-file',
      `Input 'results-file': cannot read ${file} (${describeReadError(error, file)}); give the results.json the measuring workflow uploaded`,
    );
  }
  const fail = (problem: string) => new InputError('results-file', `Input 'results-file': ${file} ${problem}`);
  const reported = parseResultsFile(text, fail).functions.find((entry) => entry.result !== null)?.result;
  if (!reported) throw fail('has no function with figures (every one failed); nothing to report');
  return reported;
}

export async function commentOnly(
  settings: Settings,
  result: RunResult,
  run: RunContext,
  env: NodeJS.ProcessEnv,
): Promise<void> {
  const issueNumber = settings.report.pullRequest ?? run.workflowRun?.pullRequest;
  const commitSha = run.workflowRun?.headSha ?? result.git?.sha;
  const baseSha = issueNumber ? await pullRequestBase(settings, run, issueNumber) : undefined;
  if (settings.gate.baselineSource === 'function') {
    actionLog.setFailed(
      "Input 'baseline-function': needs AWS, which comment-only mode never calls; use baseline-file (the measuring run's baseline-results.json) or baseline-branch",
    );
    return;
  }
  const plan = await loadBaseline(settings.gate, {
    readFile: readBoundedText,
    history: await dataBranch(settings, run, env),
    target: baseSha ? { sha: baseSha, label: 'the PR base' } : {},
  }).catch((error: unknown) => {
    actionLog.setFailed(messageOf(error).replace(/^\w*Error: /, ''));
    return undefined;
  });
  if (!plan) return;
  const stored = plan.source === 'file' || plan.source === 'branch' ? plan : undefined;
  // accept-label, as the measuring run read it: for the measured commit, which must be the pull request's head.
  const accept = acceptanceReader(settings, run, env, {
    ...(issueNumber ? { pullRequest: issueNumber } : {}),
    ...(commitSha ? { measuredSha: commitSha } : {}),
  });
  const outcome = await judgeAndReport(
    { result, baseline: stored?.baseline ?? null, ...(stored?.problem ? { baselineProblem: stored.problem } : {}) },
    settings,
    {
      logger: actionsEngineLogger(),
      gate: 'inform',
      write: { resultsPath: settings.report.resultsFile ?? '' },
      ...(run.runUrl ? { runUrl: run.runUrl } : {}),
      ...(accept ? { accept } : {}),
    },
  );
  setOutputs(outcome.outputs);
  if (settings.report.summary) await writeSummary(outcome.markdown);
  if (!issueNumber) {
    actionLog.warning(
      'comment-only: no pull request number (input pull-request, or a workflow_run event with one); the report is in the job summary only.',
    );
    return;
  }
  if (settings.report.commentMode === 'off') return;
  const url = await publish(settings, outcome.markdown, run, {
    issueNumber,
    ...(commitSha ? { commitSha, verifyPullRequestHead: true } : {}),
  });
  if (url) setOutputs({ 'comment-url': url });
  const verdict = outcome.verdict
    ? `verdict ${outcome.verdict.level} (${outcome.verdict.reason})`
    : 'no verdict (a dry run measures nothing)';
  actionLog.info(`comment-only: ${verdict}; the measuring workflow's own check is the gate.`);
}
