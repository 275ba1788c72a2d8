// The flow for GitHub Actions: inputs → Settings → tune → results.json, job summary, PR comment, outputs, exit code.
// The only module besides cli.ts that touches @actions/* and process.

import { isAbsolute, resolve } from 'node:path';
import * as core from '@actions/core';
import * as github from '@actions/github';
import { actionLog, actionsEngineLogger } from './log.js';
import { outputsFor, runFlow, type FlowOutcome } from '../flow.js';
import { confinePath, describeReadError, MAX_RESULTS_FILE_BYTES, PathProblem, readBoundedText } from '../lib/paths.js';
import { loadBaseline, parseRunResult, type BaselineTarget } from '../gate/baseline.js';
import { compareRuns } from '../gate/compare.js';
import { DataBranch } from '../gate/databranch.js';
import { publishComment, type CommentsApi } from '../report/comment.js';
import { fitToLimit, GITHUB_SUMMARY_MAX_CHARS } from '../report/limits.js';
import { renderReport } from '../report/markdown.js';
import { checkDataBranchNotWorking, InputError, parseSettings, type InputReader, type WorkingBranches } from '../settings/index.js';
import { createLambdaClient, waiterMinDelaySecFor } from '../tuning/client.js';
import { runStateSaver } from './post.js';
import type { Clock } from '../lib/ports.js';
import { messageOf } from '../lib/errors.js';
import type { RunResult, Settings } from '../types.js';

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  /** Tests send signals through this instead of the process. */
  signalSource?: NodeJS.EventEmitter;
  /** How long a minute of timeout-minutes lasts; tests shorten it. Default 60 000. */
  minuteMs?: number;
  /** The engine's clock (run deadlines, markers' age); tests move it forward. */
  clock?: Clock;
}

export async function run(options: RunOptions = {}): Promise<void> {
  const env = options.env ?? process.env;
  let settings: Settings;
  let reported: RunResult | undefined;
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
  try {
    let read: InputReader = (name) => core.getInput(name);
    if (core.getInput('mode').trim().toLowerCase() === 'comment-only') {
      // The results file names the function it measured: the settings are checked as for that function.
      reported = readReportedResults(core.getInput('results-file'), workspace);
      const measured = reported;
      const raw = read;
      read = (name) => raw(name) || (name === 'function-name' ? measured.function.arn || measured.function.name : '');
    }
    const parsed = parseSettings(read, { env, cwd: workspace, readFile: readBoundedText });
    settings = parsed.settings;
    checkDataBranchNotWorking(settings.gate.baselineBranch, workingBranches());
    parsed.warnings.forEach((warning) => actionLog.warning(warning));
  } catch (error) {
    // Bad input: one line, no stack trace, and nothing sent to AWS.
    actionLog.setFailed(error instanceof InputError ? error.message : `Invalid input: ${messageOf(error)}`);
    return;
  }
  if (settings.report.githubToken) core.setSecret(settings.report.githubToken);
  if (!isAbsolute(settings.tuning.resultsPath)) settings.tuning.resultsPath = resolve(workspace, settings.tuning.resultsPath);
  if (reported) {
    await commentOnly(settings, reported, env);
    return;
  }
  const fork = forkPullRequest();
  if (fork && !settings.tuning.endpoint && !env.AWS_ACCESS_KEY_ID && !env.AWS_WEB_IDENTITY_TOKEN_FILE) {
    // A fork's pull_request run has no secrets and no OIDC token: say so instead of an SDK credentials error.
    actionLog.setFailed(
      `Pull request from a fork (${fork}): GitHub gives it no AWS credentials, so it cannot be tuned on AWS; use the local emulator (endpoint) or the two-workflow recipe in docs/workflows.md`,
    );
    return;
  }

  const { signal, dispose } = cancellation(settings.tuning.timeoutMinutes, options.signalSource ?? process, options.minuteMs);
  try {
    const history = dataBranch(settings, env);
    const outcome = await runFlow(settings, {
      client: createLambdaClient(settings.tuning, env),
      clientFor: (region) => createLambdaClient({ ...settings.tuning, region }, env),
      logger: actionsEngineLogger(),
      signal,
      waiterMinDelaySec: waiterMinDelaySecFor(settings.tuning.endpoint),
      runUrl: runUrl(env),
      git: gitContext(),
      ...(history ? { history } : {}),
      baselineTarget: baselineTarget(),
      onSnapshot: runStateSaver(settings.tuning.endpoint, env),
      ...(options.clock ? { clock: options.clock } : {}),
    });
    if (history) await storeOnDefaultBranch(history, settings, outcome);
    for (const [name, value] of Object.entries(outcome.outputs)) core.setOutput(name, value);
    if (settings.report.summary) await writeSummary(outcome.markdown);
    const commentUrl = await postComment(settings, outcome.markdown, gitContext().sha);
    if (commentUrl) core.setOutput('comment-url', commentUrl);
    actionLog.info(outcome.resultsPath ? `Results: ${outcome.resultsPath}` : 'Results: none written (the run measured nothing)');
    if (outcome.failure) actionLog.setFailed(outcome.failure);
  } finally {
    dispose();
  }
}

/** The data branch, when baseline-branch is set and a token can reach the repository. */
function dataBranch(settings: Settings, env: NodeJS.ProcessEnv): DataBranch | undefined {
  const branch = settings.gate.baselineBranch;
  const token = settings.report.githubToken;
  if (settings.gate.baselineSource !== 'branch' || !branch || !token || !env.GITHUB_REPOSITORY) return undefined;
  const [owner = '', repo = ''] = env.GITHUB_REPOSITORY.split('/');
  return new DataBranch({
    octokit: github.getOctokit(token, env.GITHUB_API_URL ? { baseUrl: env.GITHUB_API_URL } : {}),
    owner,
    repo,
    branch,
    historyLimit: settings.gate.historyLimit,
    logger: actionLog,
  });
}

function workingBranches(): WorkingBranches {
  const { context } = github;
  const pullRequest = context.payload.pull_request as { base?: { ref?: string }; head?: { ref?: string } } | undefined;
  const workflowRun = context.payload.workflow_run as { head_branch?: string } | undefined;
  const defaultBranch = (context.payload.repository as { default_branch?: string } | undefined)?.default_branch;
  const current = /^refs\/heads\/(.+)$/.exec(context.ref ?? '')?.[1];
  return {
    ...(defaultBranch ? { defaultBranch } : {}),
    ...(pullRequest?.base?.ref ? { baseRef: pullRequest.base.ref } : {}),
    ...(pullRequest?.head?.ref ? { headRef: pullRequest.head.ref } : workflowRun?.head_branch ? { headRef: workflowRun.head_branch } : {}),
    ...(current ? { currentBranch: current } : {}),
  };
}

/** A PR compares with its base commit; a push with the commit before it. */
function baselineTarget(): BaselineTarget {
  const { context } = github;
  const pullRequest = context.payload.pull_request as { base?: { sha?: string } } | undefined;
  if (pullRequest?.base?.sha) return { sha: pullRequest.base.sha, label: 'the PR base' };
  const before = (context.payload as { before?: string }).before;
  if (context.eventName === 'push' && before && !/^0+$/.test(before)) return { sha: before, label: 'the commit before this push' };
  return {};
}

/**
 * On a push to the default branch, the run becomes history: results.json goes to the data branch under the key
 * and the commit. A failure to store warns (the job measured what it should) and says how to fix it.
 */
async function storeOnDefaultBranch(history: DataBranch, settings: Settings, outcome: FlowOutcome): Promise<void> {
  const { context } = github;
  const defaultBranch = (context.payload.repository as { default_branch?: string } | undefined)?.default_branch;
  if (context.eventName !== 'push' || !defaultBranch || context.ref !== `refs/heads/${defaultBranch}`) return;
  const result = outcome.result;
  if (!result || result.dryRun || !result.powerValues.some((entry) => entry.status === 'ok')) {
    actionLog.info(`Not stored on ${history.branch}: this run measured nothing to compare with.`);
    return;
  }
  const headCommit = (context.payload as { head_commit?: { timestamp?: string } }).head_commit;
  try {
    const saved = await history.save(settings.gate.key, result, {
      sha: context.sha,
      ref: context.ref,
      ...(headCommit?.timestamp ? { committedAt: headCommit.timestamp } : {}),
    });
    actionLog.info(
      `Stored as ${saved.path} on ${history.branch} (commit ${saved.commitSha.slice(0, 7)}; ${saved.kept} runs kept for ${settings.gate.key}` +
        `${saved.dropped.length > 0 ? `, ${saved.dropped.length} older dropped` : ''}${saved.attempts > 1 ? `, after ${saved.attempts} attempts` : ''}).`,
    );
  } catch (error) {
    actionLog.warning(
      `Could not store this run on ${history.branch} (${messageOf(error)}); pull requests will compare with an older entry. The workflow needs \`permissions: contents: write\` on pushes to ${defaultBranch}.`,
    );
  }
}

/** One AbortSignal for SIGTERM/SIGINT (a cancelled job) and for timeout-minutes. */
function cancellation(timeoutMinutes: number, source: NodeJS.EventEmitter, minuteMs = 60_000): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const onSignal = (name: string) => () => {
    actionLog.warning(`${name} received: stopping, restoring the function and deleting this run's versions and aliases`);
    controller.abort(new Error(`${name} received`));
  };
  const onTerm = onSignal('SIGTERM');
  const onInt = onSignal('SIGINT');
  source.on('SIGTERM', onTerm);
  source.on('SIGINT', onInt);
  const timer = setTimeout(() => controller.abort(new Error(`timeout-minutes (${timeoutMinutes}) reached`)), timeoutMinutes * minuteMs);
  timer.unref();
  return {
    signal: controller.signal,
    dispose: () => {
      clearTimeout(timer);
      // After a cancel signal the runner sends SIGTERM 7.5 s later: a process still winding down (the SDK's last
      // timers) must not die of it with no exit code, so the handlers stay (aborting again is a no-op).
      if (controller.signal.aborted) return;
      source.off('SIGTERM', onTerm);
      source.off('SIGINT', onInt);
    },
  };
}

async function writeSummary(markdown: string): Promise<void> {
  try {
    await core.summary.addRaw(fitToLimit(markdown, GITHUB_SUMMARY_MAX_CHARS, 'report.md next to results.json')).write();
  } catch (error) {
    actionLog.warning(`Could not write the job summary: ${messageOf(error)}`);
  }
}

function runUrl(env: NodeJS.ProcessEnv): string | undefined {
  const { GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_RUN_ID } = env;
  if (!GITHUB_SERVER_URL || !GITHUB_REPOSITORY || !GITHUB_RUN_ID) return undefined;
  return `${GITHUB_SERVER_URL}/${GITHUB_REPOSITORY}/actions/runs/${GITHUB_RUN_ID}`;
}

function gitContext() {
  const { context } = github;
  const pullRequest = context.payload.pull_request as { number?: number; head?: { sha?: string } } | undefined;
  return {
    ...(pullRequest?.head?.sha ?? context.sha ? { sha: pullRequest?.head?.sha ?? context.sha } : {}),
    ...(context.ref ? { ref: context.ref } : {}),
    ...(pullRequest?.number ? { pullRequest: pullRequest.number } : {}),
  };
}

/** The fork's full name when this is a pull_request from a fork (read-only token, no secrets). */
function forkPullRequest(): string | undefined {
  const pullRequest = github.context.payload.pull_request as
    | { head?: { repo?: { full_name?: string; fork?: boolean } }; base?: { repo?: { full_name?: string } } }
    | undefined;
  const head = pullRequest?.head?.repo;
  const base = pullRequest?.base?.repo?.full_name;
  if (!head?.full_name) return undefined;
  return (base && head.full_name !== base) || head.fork === true ? head.full_name : undefined;
}

async function postComment(settings: Settings, markdown: string, commitSha: string | undefined): Promise<string | undefined> {
  const pullRequest = github.context.payload.pull_request as { number: number } | undefined;
  if (settings.report.commentMode === 'off' || !pullRequest) return undefined;
  const fork = forkPullRequest();
  if (fork) {
    actionLog.notice(`Pull request from a fork (${fork}): its token cannot comment, so the report is in the job summary only. See docs/workflows.md for the two-workflow recipe.`);
    return undefined;
  }
  return publish(settings, markdown, { issueNumber: pullRequest.number, ...(commitSha ? { commitSha } : {}) });
}

async function publish(
  settings: Settings,
  markdown: string,
  where: { issueNumber: number; commitSha?: string; verifyPullRequestHead?: boolean },
): Promise<string | undefined> {
  if (!settings.report.githubToken) {
    actionLog.notice('No github-token: the PR comment is skipped; the job summary has the report.');
    return undefined;
  }
  const { context } = github;
  try {
    const octokit = github.getOctokit(settings.report.githubToken);
    const outcome = await publishComment(octokit as unknown as CommentsApi, {
      mode: settings.report.commentMode,
      target: { owner: context.repo.owner, repo: context.repo.repo, issueNumber: where.issueNumber, key: settings.gate.key },
      body: markdown,
      ...(where.commitSha ? { commitSha: where.commitSha } : {}),
      ...(where.verifyPullRequestHead ? { verifyPullRequestHead: true } : {}),
    });
    if (outcome.action === 'skipped') {
      actionLog.notice(`PR comment skipped: ${outcome.reason}`);
      return undefined;
    }
    actionLog.info(`PR comment ${outcome.action}: ${outcome.url}`);
    // The report is posted; only the tidying of earlier ones failed, so warn and still give the URL.
    if (outcome.cleanupError) actionLog.warning(`PR comment posted (${outcome.url}), but ${outcome.cleanupError}.`);
    return outcome.url;
  } catch (error) {
    const status = (error as { status?: number }).status;
    const hint = status === 403 ? ' — the token is read-only or lacks `permissions: pull-requests: write`' : '';
    actionLog.warning(`Could not post the PR comment (${messageOf(error)})${hint}; the job summary has the report.`);
    return undefined;
  }
}

/** comment-only's results file, validated as a baseline file is (it may come from a fork's artifact). */
function readReportedResults(path: string, workspace: string): RunResult {
  if (path.trim() === '') {
    throw new InputError('results-file', "Input 'results-file': is required with mode comment-only; set it to the results.json the measuring workflow uploaded");
  }
  let file: string;
  try {
    file = confinePath(path.trim(), workspace, 'read');
  } catch (error) {
    throw new InputError('results-file', `Input 'results-file': ${error instanceof PathProblem ? error.message : messageOf(error)}`);
  }
  let text: string;
  try {
    text = readBoundedText(file, MAX_RESULTS_FILE_BYTES);
  } catch (error) {
    throw new InputError('results-file', `Input 'results-file': cannot read ${file} (${describeReadError(error, file)}); give the results.json the measuring workflow uploaded`);
  }
  return parseRunResult(text, (problem) => new InputError('results-file', `Input 'results-file': ${file} ${problem}`));
}

/**
 * The second workflow of the fork recipe: report a results.json measured elsewhere. Everything in it is
 * untrusted: the report is rendered again from its figures, the verdict is computed again against a baseline this
 * workflow loads itself, and the comment goes only to a pull request whose head is the measured commit.
 */
async function commentOnly(settings: Settings, result: RunResult, env: NodeJS.ProcessEnv): Promise<void> {
  const { context } = github;
  const workflowRun = context.payload.workflow_run as { head_sha?: string; pull_requests?: { number?: number }[] } | undefined;
  const issueNumber = settings.report.pullRequest ?? workflowRun?.pull_requests?.[0]?.number;
  const commitSha = workflowRun?.head_sha ?? result.git?.sha;
  let baseSha: string | undefined;
  if (issueNumber && settings.report.githubToken) {
    try {
      const octokit = github.getOctokit(settings.report.githubToken);
      const { data } = await octokit.rest.pulls.get({ owner: context.repo.owner, repo: context.repo.repo, pull_number: issueNumber });
      baseSha = data.base.sha;
    } catch (error) {
      actionLog.warning(`Could not read pull request #${issueNumber} (${messageOf(error)}); comparing with the newest baseline entry.`);
    }
  }
  if (settings.gate.baselineSource === 'function') {
    actionLog.setFailed("Input 'baseline-function': needs AWS, which comment-only mode never calls; use baseline-file (the measuring run's baseline-results.json) or baseline-branch");
    return;
  }
  const plan = await loadBaseline(settings.gate, {
    readFile: readBoundedText,
    history: dataBranch(settings, env),
    target: baseSha ? { sha: baseSha, label: 'the PR base' } : {},
  }).catch((error: unknown) => {
    actionLog.setFailed(messageOf(error).replace(/^\w*Error: /, ''));
    return undefined;
  });
  if (!plan) return;
  const baseline = plan.source === 'file' || plan.source === 'branch' ? plan.baseline : null;
  const verdict = compareRuns(result, baseline?.result ?? null, settings.gate, settings.tuning.monthlyInvocations ?? 0, {
    ...(baseline ? { baselineDescription: baseline.description } : {}),
    ...(baseline?.history ? { history: baseline.history } : {}),
    ...((plan.source === 'file' || plan.source === 'branch') && plan.problem ? { baselineProblem: plan.problem } : {}),
  });
  const markdown = renderReport({ result, verdict, baseline: baseline?.result ?? null, runUrl: runUrl(env) });
  for (const [name, value] of Object.entries(outputsFor(result, verdict, settings.report.resultsFile ?? ''))) core.setOutput(name, value);
  if (settings.report.summary) await writeSummary(markdown);
  if (!issueNumber) {
    actionLog.warning('comment-only: no pull request number (input pull-request, or a workflow_run event with one); the report is in the job summary only.');
    return;
  }
  if (settings.report.commentMode === 'off') return;
  const url = await publish(settings, markdown, { issueNumber, ...(commitSha ? { commitSha, verifyPullRequestHead: true } : {}) });
  if (url) core.setOutput('comment-url', url);
  actionLog.info(`comment-only: verdict ${verdict.level} (${verdict.reason}); the measuring workflow's own check is the gate.`);
}
