// The flow for GitHub Actions: inputs → Settings → tune → results.json, job summary, PR comment, outputs, exit code.
// The only module besides cli.ts that touches @actions/* and process.

import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import * as core from '@actions/core';
import * as github from '@actions/github';
import { runFlow, type FlowOutcome } from './flow.js';
import type { BaselineTarget } from './gate/baseline.js';
import { DataBranch } from './gate/databranch.js';
import { upsertComment, type CommentsApi } from './report/comment.js';
import { InputError, parseSettings } from './settings.js';
import { createLambdaClient, waiterMinDelaySecFor } from './tuning/client.js';
import type { EngineLogger } from './tuning/ports.js';
import { messageOf } from './tuning/target.js';
import type { Settings } from './types.js';

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  /** Tests send signals through this instead of the process. */
  signalSource?: NodeJS.EventEmitter;
  /** How long a minute of timeout-minutes lasts; tests shorten it. Default 60 000. */
  minuteMs?: number;
}

export async function run(options: RunOptions = {}): Promise<void> {
  const env = options.env ?? process.env;
  let settings: Settings;
  try {
    const parsed = parseSettings((name) => core.getInput(name), {
      env,
      cwd: env.GITHUB_WORKSPACE ?? process.cwd(),
      readFile: (path) => readFileSync(path, 'utf8'),
    });
    settings = parsed.settings;
    parsed.warnings.forEach((warning) => core.warning(warning));
  } catch (error) {
    // Bad input: one line, no stack trace, and nothing sent to AWS.
    core.setFailed(error instanceof InputError ? error.message : `Invalid input: ${messageOf(error)}`);
    return;
  }
  if (settings.report.githubToken) core.setSecret(settings.report.githubToken);
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
  if (!isAbsolute(settings.tuning.resultsPath)) settings.tuning.resultsPath = resolve(workspace, settings.tuning.resultsPath);

  const { signal, dispose } = cancellation(settings.tuning.timeoutMinutes, options.signalSource ?? process, options.minuteMs);
  try {
    const history = dataBranch(settings, env);
    const outcome = await runFlow(settings, {
      client: createLambdaClient(settings.tuning, env),
      clientFor: (region) => createLambdaClient({ ...settings.tuning, region }, env),
      logger: actionsLogger(),
      signal,
      waiterMinDelaySec: waiterMinDelaySecFor(settings.tuning.endpoint),
      runUrl: runUrl(env),
      git: gitContext(),
      ...(history ? { history } : {}),
      baselineTarget: baselineTarget(),
    });
    if (history) await storeOnDefaultBranch(history, settings, outcome);
    for (const [name, value] of Object.entries(outcome.outputs)) core.setOutput(name, value);
    if (settings.report.summary) await writeSummary(outcome.markdown);
    const commentUrl = await postComment(settings, outcome.markdown);
    if (commentUrl) core.setOutput('comment-url', commentUrl);
    core.info(`Results: ${outcome.resultsPath}`);
    if (outcome.failure) core.setFailed(outcome.failure);
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
    logger: { info: (message) => core.info(message), warning: (message) => core.warning(message), debug: (message) => core.debug(message) },
  });
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
    core.info(`Not stored on ${history.branch}: this run measured nothing to compare with.`);
    return;
  }
  const headCommit = (context.payload as { head_commit?: { timestamp?: string } }).head_commit;
  try {
    const saved = await history.save(settings.gate.key, result, {
      sha: context.sha,
      ref: context.ref,
      ...(headCommit?.timestamp ? { committedAt: headCommit.timestamp } : {}),
    });
    core.info(
      `Stored as ${saved.path} on ${history.branch} (commit ${saved.commitSha.slice(0, 7)}; ${saved.kept} runs kept for ${settings.gate.key}` +
        `${saved.dropped.length > 0 ? `, ${saved.dropped.length} older dropped` : ''}${saved.attempts > 1 ? `, after ${saved.attempts} attempts` : ''}).`,
    );
  } catch (error) {
    core.warning(
      `Could not store this run on ${history.branch} (${messageOf(error)}); pull requests will compare with an older entry. The workflow needs \`permissions: contents: write\` on pushes to ${defaultBranch}.`,
    );
  }
}

/** One AbortSignal for SIGTERM/SIGINT (a cancelled job) and for timeout-minutes. */
function cancellation(timeoutMinutes: number, source: NodeJS.EventEmitter, minuteMs = 60_000): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const onSignal = (name: string) => () => {
    core.warning(`${name} received: stopping, restoring the function and deleting this run's versions and aliases`);
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
      source.off('SIGTERM', onTerm);
      source.off('SIGINT', onInt);
    },
  };
}

function actionsLogger(): EngineLogger {
  const lastDecile = new Map<number, number>();
  return {
    info: (message) => core.info(message),
    warning: (message) => core.warning(message),
    debug: (message) => core.debug(message),
    group: (name, fn) => core.group(name, fn),
    progress: (memoryMb, done, total) => {
      // A line per tenth of the work keeps the log readable at 500 invocations per memory size.
      const decile = Math.floor((done / total) * 10);
      if (decile === lastDecile.get(memoryMb) && done !== total) return;
      lastDecile.set(memoryMb, decile);
      core.info(`${memoryMb} MB: ${done}/${total} invocations`);
    },
  };
}

async function writeSummary(markdown: string): Promise<void> {
  try {
    await core.summary.addRaw(markdown).write();
  } catch (error) {
    core.warning(`Could not write the job summary: ${messageOf(error)}`);
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

async function postComment(settings: Settings, markdown: string): Promise<string | undefined> {
  const { context } = github;
  const pullRequest = context.payload.pull_request as
    | { number: number; head?: { repo?: { full_name?: string } }; base?: { repo?: { full_name?: string } } }
    | undefined;
  if (settings.report.commentMode === 'off' || !pullRequest) return undefined;
  if (!settings.report.githubToken) {
    core.notice('No github-token: the PR comment is skipped; the job summary has the report.');
    return undefined;
  }
  const head = pullRequest.head?.repo?.full_name;
  const base = pullRequest.base?.repo?.full_name;
  if (head && base && head !== base) {
    core.notice(`Pull request from a fork (${head}): its token cannot comment, so the report is in the job summary only. See docs/workflows.md for the two-workflow recipe.`);
    return undefined;
  }
  try {
    const octokit = github.getOctokit(settings.report.githubToken);
    const outcome = await upsertComment(
      octokit as unknown as CommentsApi,
      { owner: context.repo.owner, repo: context.repo.repo, issueNumber: pullRequest.number, key: settings.gate.key },
      markdown,
    );
    core.info(`PR comment ${outcome.action}: ${outcome.url}`);
    return outcome.url;
  } catch (error) {
    core.warning(`Could not post the PR comment (${messageOf(error)}); the job summary has the report.`);
    return undefined;
  }
}
