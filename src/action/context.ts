// What the action needs to know of the event that started it, read in one place from @actions/github's context:
// the pull request, the commit measured, whether it comes from a fork, what to compare with, whether this run
// becomes history, and the link to the run. Pure: a hand-built context in, plain facts out. The payload is
// untyped JSON from the runner (`[key: string]: any`), so every field is checked as it is read, never cast.

import type { context as githubContext } from '@actions/github';
import type { BaselineTarget } from '../gate/baseline.js';
import type { WorkingBranches } from '../settings/index.js';

/** The part of @actions/github's `context` this module reads. */
export type GitHubContext = Pick<
  typeof githubContext,
  'eventName' | 'sha' | 'ref' | 'payload' | 'serverUrl' | 'runId' | 'repo'
>;

export interface RunContext {
  eventName: string;
  /** The repository the run belongs to (GITHUB_REPOSITORY), when known. */
  repository?: { owner: string; repo: string };
  /** The pull request this run reports on: pull_request or pull_request_target events. */
  pullRequest?: number;
  /** The commit measured: the pull request's head, else the commit the run checked out. */
  headSha?: string;
  ref?: string;
  /** The fork's full name when the pull request comes from a fork (a read-only token, no secrets). */
  fork?: string;
  /** What to compare with on the data branch: the PR base, or the commit before a push. */
  baselineTarget: BaselineTarget;
  /** The branches a data branch must not be (settings refuses them). */
  workingBranches: WorkingBranches;
  /** Set on a push to the default branch: the run is stored as history under this commit. */
  defaultBranchPush?: { branch: string; sha: string; ref: string; committedAt?: string };
  /** comment-only's event: the measuring workflow's run, with its head commit and pull request. */
  workflowRun?: { headSha?: string; pullRequest?: number };
  runUrl?: string;
}

export function readRunContext(context: GitHubContext): RunContext {
  const payload = record(context.payload) ?? {};
  const eventName = text(context.eventName) ?? '';
  const sha = text(context.sha);
  const ref = text(context.ref);
  const pullRequestEvent = record(payload.pull_request);
  const head = record(pullRequestEvent?.head);
  const base = record(pullRequestEvent?.base);
  const pullRequest = whole(pullRequestEvent?.number);
  const headSha = text(head?.sha) ?? sha;
  const fork = forkOf(head, base);
  const repository = repositoryOf(context);
  const runId = whole(context.runId);
  const serverUrl = text(context.serverUrl);
  return {
    eventName,
    ...(repository ? { repository } : {}),
    ...(pullRequest !== undefined ? { pullRequest } : {}),
    ...(headSha ? { headSha } : {}),
    ...(ref ? { ref } : {}),
    ...(fork ? { fork } : {}),
    baselineTarget: baselineTarget(eventName, text(base?.sha), text(payload.before)),
    workingBranches: workingBranches(payload, head, base, ref),
    ...defaultBranchPush(eventName, payload, sha, ref),
    ...workflowRun(payload),
    ...(serverUrl && repository && runId !== undefined
      ? { runUrl: `${serverUrl}/${repository.owner}/${repository.repo}/actions/runs/${runId}` }
      : {}),
  };
}

type Json = Record<string, unknown>;

function workingBranches(
  payload: Json,
  head: Json | undefined,
  base: Json | undefined,
  ref: string | undefined,
): WorkingBranches {
  const defaultBranch = text(record(payload.repository)?.default_branch);
  const baseRef = text(base?.ref);
  const headRef = text(head?.ref) ?? text(record(payload.workflow_run)?.head_branch);
  const currentBranch = /^refs\/heads\/(.+)$/.exec(ref ?? '')?.[1];
  return {
    ...(defaultBranch ? { defaultBranch } : {}),
    ...(baseRef ? { baseRef } : {}),
    ...(headRef ? { headRef } : {}),
    ...(currentBranch ? { currentBranch } : {}),
  };
}

/** A push to the default branch becomes history, stored under its commit. */
function defaultBranchPush(
  eventName: string,
  payload: Json,
  sha: string | undefined,
  ref: string | undefined,
): Pick<RunContext, 'defaultBranchPush'> {
  const branch = text(record(payload.repository)?.default_branch);
  if (eventName !== 'push' || !branch || !sha || ref !== `refs/heads/${branch}`) return {};
  const committedAt = text(record(payload.head_commit)?.timestamp);
  return { defaultBranchPush: { branch, sha, ref, ...(committedAt ? { committedAt } : {}) } };
}

function workflowRun(payload: Json): Pick<RunContext, 'workflowRun'> {
  const run = record(payload.workflow_run);
  if (!run) return {};
  const headSha = text(run.head_sha);
  const pullRequests = run.pull_requests;
  const pullRequest = Array.isArray(pullRequests) ? whole(record(pullRequests[0])?.number) : undefined;
  return { workflowRun: { ...(headSha ? { headSha } : {}), ...(pullRequest !== undefined ? { pullRequest } : {}) } };
}

/** A PR compares with its base commit; a push with the commit before it (none for a new branch's first push). */
function baselineTarget(eventName: string, baseSha: string | undefined, before: string | undefined): BaselineTarget {
  if (baseSha) return { sha: baseSha, label: 'the PR base' };
  if (eventName === 'push' && before && !/^0+$/.test(before))
    return { sha: before, label: 'the commit before this push' };
  return {};
}

/** A head repository other than the base's, or one GitHub marks as a fork. */
function forkOf(head: Json | undefined, base: Json | undefined): string | undefined {
  const headRepo = record(head?.repo);
  const headName = text(headRepo?.full_name);
  const baseName = text(record(base?.repo)?.full_name);
  if (!headName) return undefined;
  return (baseName && headName !== baseName) || headRepo?.fork === true ? headName : undefined;
}

/** @actions/github's `repo` throws when neither GITHUB_REPOSITORY nor the payload names the repository. */
function repositoryOf(context: GitHubContext): { owner: string; repo: string } | undefined {
  let repo: unknown;
  try {
    repo = context.repo;
  } catch {
    return undefined;
  }
  const found = record(repo);
  const owner = text(found?.owner);
  const name = text(found?.repo);
  return owner && name ? { owner, repo: name } : undefined;
}

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function record(value: unknown): Json | undefined {
  return isRecord(value) ? value : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function whole(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : undefined;
}
