// Everything the action reads from or writes to GitHub: the event, the step's outputs, the job summary, the PR
// comment and the data branch. Octokit (@actions/github) and the report modules are imported only by the runs that
// use them, and only once the run is measured (see src/index.ts on chunks).

import { existsSync, readFileSync } from 'node:fs';
import * as runner from './runner.js';
import type { AppHistory } from '../gate/baseline.js';
import type { DataBranch } from '../gate/databranch.js';
import type { CommentsApi } from '../report/comment.js';
import { messageOf } from '../lib/errors.js';
import type { FunctionOutcome, RunResult, Settings } from '../types.js';
import type { GitHubContext, RunContext } from './context.js';
import { actionLog } from './log.js';

/**
 * The event as @actions/github's `context` reads it (the same variables, the same event file), without importing
 * @actions/github: that module builds Octokit and its plugins as it loads, which a run that never talks to GitHub
 * would otherwise pay for at every start.
 */
export function readGitHubContext(env: NodeJS.ProcessEnv): GitHubContext {
  let payload: GitHubContext['payload'] = {};
  const eventPath = env.GITHUB_EVENT_PATH;
  if (eventPath) {
    if (existsSync(eventPath)) payload = JSON.parse(readFileSync(eventPath, 'utf8'));
    else actionLog.info(`GITHUB_EVENT_PATH ${eventPath} does not exist`);
  }
  // context.repo: GITHUB_REPOSITORY, else the event's repository; readRunContext treats empty names as unknown.
  const [owner = '', repo = ''] = env.GITHUB_REPOSITORY?.split('/') ?? [
    payload.repository?.owner?.login ?? '',
    payload.repository?.name ?? '',
  ];
  return {
    payload,
    eventName: env.GITHUB_EVENT_NAME ?? '',
    sha: env.GITHUB_SHA ?? '',
    ref: env.GITHUB_REF ?? '',
    runId: Number.parseInt(env.GITHUB_RUN_ID ?? '', 10),
    serverUrl: env.GITHUB_SERVER_URL ?? 'https://github.com',
    repo: { owner, repo },
  };
}

export function setOutputs(outputs: Record<string, string>): void {
  for (const [name, value] of Object.entries(outputs)) runner.setOutput(name, value);
}

/** The job summary, cut to GitHub's limit; a failure to write it warns (the report is in report.md too). */
export async function writeSummary(markdown: string): Promise<void> {
  try {
    const { fitToLimit, GITHUB_SUMMARY_MAX_CHARS } = await import('../report/limits.js');
    await runner.appendSummary(fitToLimit(markdown, GITHUB_SUMMARY_MAX_CHARS, 'report.md next to results.json'));
  } catch (error) {
    actionLog.warning(`Could not write the job summary: ${messageOf(error)}`);
  }
}

/** The data branch, when baseline-branch is set and a token can reach the repository. */
export async function dataBranch(
  settings: Settings,
  run: RunContext,
  env: NodeJS.ProcessEnv,
): Promise<DataBranch | undefined> {
  const branch = settings.gate.baselineBranch;
  const token = settings.report.githubToken;
  if (settings.gate.baselineSource !== 'branch' || !branch || !token || !env.GITHUB_REPOSITORY || !run.repository)
    return undefined;
  const [{ getOctokit }, { DataBranch }] = await Promise.all([
    import('@actions/github'),
    import('../gate/databranch.js'),
  ]);
  return new DataBranch({
    octokit: getOctokit(token, env.GITHUB_API_URL ? { baseUrl: env.GITHUB_API_URL } : {}),
    owner: run.repository.owner,
    repo: run.repository.repo,
    branch,
    historyLimit: settings.gate.historyLimit,
    trendRuns: settings.gate.trendRuns,
    logger: actionLog,
  });
}

/**
 * On a push to the default branch, the run becomes history: results.json goes to the data branch under the key
 * and the commit. A failure to store warns (the job measured what it should) and says how to fix it.
 */
export async function storeOnDefaultBranch(
  history: DataBranch,
  settings: Settings,
  result: RunResult | null,
  run: RunContext,
): Promise<void> {
  const push = run.defaultBranchPush;
  if (!push) return;
  if (!result || result.dryRun || !result.powerValues.some((entry) => entry.status === 'ok')) {
    actionLog.info(`Not stored on ${history.branch}: this run measured nothing to compare with.`);
    return;
  }
  try {
    const saved = await history.save(settings.gate.key, result, {
      sha: push.sha,
      ref: push.ref,
      ...(push.committedAt ? { committedAt: push.committedAt } : {}),
    });
    actionLog.info(
      `Stored as ${saved.path} on ${history.branch} (commit ${saved.commitSha.slice(0, 7)}; ${saved.kept} runs kept for ${settings.gate.key}` +
        `${saved.dropped.length > 0 ? `, ${saved.dropped.length} older dropped` : ''}${saved.attempts > 1 ? `, after ${saved.attempts} attempts` : ''}).`,
    );
  } catch (error) {
    actionLog.warning(
      `Could not store this run on ${history.branch} (${messageOf(error)}); pull requests will compare with an older entry. The workflow needs \`permissions: contents: write\` on pushes to ${push.branch}.`,
    );
  }
}

/**
 * An app's run on a push to the default branch: every function's figures (measured, or carried when unchanged) in
 * one data-branch commit under the app's key. A failure to store warns, as for one function.
 */
export async function storeAppOnDefaultBranch(
  history: AppHistory,
  functions: readonly FunctionOutcome[],
  run: RunContext,
): Promise<void> {
  const push = run.defaultBranchPush;
  if (!push) return;
  try {
    const saved = await history.storeApp(functions, {
      sha: push.sha,
      ref: push.ref,
      ...(push.committedAt ? { committedAt: push.committedAt } : {}),
    });
    for (const skipped of saved.skipped)
      actionLog.info(`Not stored on ${history.branch}: ${skipped.key} (${skipped.why}).`);
    if (saved.commitSha)
      actionLog.info(
        `Stored ${saved.stored.length} function${saved.stored.length === 1 ? '' : 's'} of ${history.appKey} on ${history.branch} ` +
          `(commit ${saved.commitSha.slice(0, 7)}${saved.attempts > 1 ? `, after ${saved.attempts} attempts` : ''}).`,
      );
  } catch (error) {
    actionLog.warning(
      `Could not store this run on ${history.branch} (${messageOf(error)}); pull requests will compare with an older entry. The workflow needs \`permissions: contents: write\` on pushes to ${push.branch}.`,
    );
  }
}

/** The measuring run's comment on its own pull request; a fork's token cannot comment, so it says where the report is. */
export async function postComment(settings: Settings, markdown: string, run: RunContext): Promise<string | undefined> {
  if (settings.report.commentMode === 'off' || run.pullRequest === undefined) return undefined;
  if (run.fork) {
    actionLog.notice(
      `Pull request from a fork (${run.fork}): its token cannot comment, so the report is in the job summary only. See docs/workflows.md for the two-workflow recipe.`,
    );
    return undefined;
  }
  return publish(settings, markdown, run, {
    issueNumber: run.pullRequest,
    ...(run.headSha ? { commitSha: run.headSha } : {}),
  });
}

/** Posts (or updates, per comment-mode) the report on a pull request; returns its URL, or undefined with a notice or warning. */
export async function publish(
  settings: Settings,
  markdown: string,
  run: RunContext,
  where: { issueNumber: number; commitSha?: string; verifyPullRequestHead?: boolean },
): Promise<string | undefined> {
  if (!settings.report.githubToken) {
    actionLog.notice('No github-token: the PR comment is skipped; the job summary has the report.');
    return undefined;
  }
  try {
    const repository = requireRepository(run);
    const [{ getOctokit }, { publishComment }] = await Promise.all([
      import('@actions/github'),
      import('../report/comment.js'),
    ]);
    const octokit = getOctokit(settings.report.githubToken);
    const outcome = await publishComment(octokit as unknown as CommentsApi, {
      mode: settings.report.commentMode,
      target: { ...repository, issueNumber: where.issueNumber, key: settings.gate.key },
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

/** A pull request's base commit (comment-only compares with it); undefined with a warning when it cannot be read. */
export async function pullRequestBase(
  settings: Settings,
  run: RunContext,
  issueNumber: number,
): Promise<string | undefined> {
  if (!settings.report.githubToken) return undefined;
  try {
    const repository = requireRepository(run);
    const { getOctokit } = await import('@actions/github');
    const { data } = await getOctokit(settings.report.githubToken).rest.pulls.get({
      ...repository,
      pull_number: issueNumber,
    });
    return data.base.sha;
  } catch (error) {
    actionLog.warning(
      `Could not read pull request #${issueNumber} (${messageOf(error)}); comparing with the newest baseline entry.`,
    );
    return undefined;
  }
}

/** As @actions/github's context.repo: without GITHUB_REPOSITORY or a repository in the event, nothing can be posted. */
function requireRepository(run: RunContext): { owner: string; repo: string } {
  if (!run.repository)
    throw new Error("context.repo requires a GITHUB_REPOSITORY environment variable like 'owner/repo'");
  return run.repository;
}
