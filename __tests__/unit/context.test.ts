// readRunContext: what the action reads of the event, from hand-built @actions/github contexts (the payloads are
// trimmed copies of GitHub's webhook payloads: only the fields the action reads, and a few it must not trip on).

import { readRunContext, type GitHubContext } from '../../src/action/context.js';

const HEAD = 'a'.repeat(40);
const BASE = 'b'.repeat(40);
const BEFORE = 'c'.repeat(40);
const repository = { full_name: 'acme/shop', name: 'shop', owner: { login: 'acme' }, default_branch: 'main' };

function contextOf(overrides: Partial<GitHubContext>): GitHubContext {
  return {
    eventName: 'push',
    sha: HEAD,
    ref: 'refs/heads/main',
    payload: {},
    serverUrl: 'https://github.com',
    runId: 99,
    repo: { owner: 'acme', repo: 'shop' },
    ...overrides,
  };
}

const pullRequestPayload = (headRepo: Record<string, unknown> = { full_name: 'acme/shop', fork: false }) => ({
  number: 7,
  pull_request: {
    number: 7,
    head: { sha: HEAD, ref: 'feature-x', repo: headRepo },
    base: { sha: BASE, ref: 'develop', repo: { full_name: 'acme/shop' } },
  },
  repository,
});

describe('readRunContext', () => {
  test('pull_request: the PR, its head commit, its base as the baseline, its branches and the run URL', () => {
    const context = readRunContext(
      contextOf({
        eventName: 'pull_request',
        sha: 'f'.repeat(40),
        ref: 'refs/pull/7/merge',
        payload: pullRequestPayload(),
      }),
    );
    expect(context).toEqual({
      eventName: 'pull_request',
      repository: { owner: 'acme', repo: 'shop' },
      pullRequest: 7,
      headSha: HEAD,
      ref: 'refs/pull/7/merge',
      baselineTarget: { sha: BASE, label: 'the PR base' },
      workingBranches: { defaultBranch: 'main', baseRef: 'develop', headRef: 'feature-x' },
      runUrl: 'https://github.com/acme/shop/actions/runs/99',
    });
  });

  test('pull_request_target: read as a pull request (the same payload, run in the base repository)', () => {
    const context = readRunContext(
      contextOf({ eventName: 'pull_request_target', ref: 'refs/heads/develop', payload: pullRequestPayload() }),
    );
    expect(context.pullRequest).toBe(7);
    expect(context.headSha).toBe(HEAD);
    expect(context.baselineTarget).toEqual({ sha: BASE, label: 'the PR base' });
    expect(context.workingBranches).toEqual({
      defaultBranch: 'main',
      baseRef: 'develop',
      headRef: 'feature-x',
      currentBranch: 'develop',
    });
    expect(context.defaultBranchPush).toBeUndefined();
  });

  test.each([
    ['another repository', { full_name: 'mallory/shop', fork: true }],
    ['another repository not marked as a fork', { full_name: 'mallory/shop' }],
    ['the same name but marked as a fork', { full_name: 'acme/shop', fork: true }],
  ])('a fork PR (%s): named, so the action neither tunes on AWS nor comments', (_what, headRepo) => {
    expect(readRunContext(contextOf({ eventName: 'pull_request', payload: pullRequestPayload(headRepo) })).fork).toBe(
      headRepo.full_name,
    );
  });

  test('a PR from a branch of the same repository is not a fork', () => {
    expect(
      readRunContext(contextOf({ eventName: 'pull_request', payload: pullRequestPayload() })).fork,
    ).toBeUndefined();
  });

  test('a push to the default branch: stored as history under its commit, compared with the commit before it', () => {
    const payload = {
      ref: 'refs/heads/main',
      before: BEFORE,
      after: HEAD,
      repository,
      head_commit: { id: HEAD, timestamp: '2026-03-02T10:00:00Z' },
    };
    const context = readRunContext(contextOf({ payload }));
    expect(context.defaultBranchPush).toEqual({
      branch: 'main',
      sha: HEAD,
      ref: 'refs/heads/main',
      committedAt: '2026-03-02T10:00:00Z',
    });
    expect(context.baselineTarget).toEqual({ sha: BEFORE, label: 'the commit before this push' });
    expect(context.workingBranches).toEqual({ defaultBranch: 'main', currentBranch: 'main' });
    expect(context.headSha).toBe(HEAD);
    expect(context.pullRequest).toBeUndefined();
  });

  test('a push to another branch: not history; the first push of a new branch has no commit before it', () => {
    const context = readRunContext(
      contextOf({
        ref: 'refs/heads/release',
        payload: { ref: 'refs/heads/release', before: '0'.repeat(40), repository },
      }),
    );
    expect(context.defaultBranchPush).toBeUndefined();
    expect(context.baselineTarget).toEqual({});
    expect(context.workingBranches).toEqual({ defaultBranch: 'main', currentBranch: 'release' });
  });

  test('workflow_run (comment-only): the measuring run, its head commit and pull request; its branch is a working branch', () => {
    const payload = {
      workflow_run: {
        id: 1,
        event: 'pull_request',
        head_sha: HEAD,
        head_branch: 'feature-x',
        pull_requests: [{ number: 43 }, { number: 44 }],
      },
      repository,
    };
    const context = readRunContext(contextOf({ eventName: 'workflow_run', payload }));
    expect(context.workflowRun).toEqual({ headSha: HEAD, pullRequest: 43 });
    expect(context.workingBranches.headRef).toBe('feature-x');
    expect(context.pullRequest).toBeUndefined();
  });

  test('workflow_run from a fork: GitHub lists no pull requests', () => {
    const payload = { workflow_run: { head_sha: HEAD, pull_requests: [] }, repository };
    expect(readRunContext(contextOf({ eventName: 'workflow_run', payload })).workflowRun).toEqual({ headSha: HEAD });
  });

  test('missing fields: no event file, no GITHUB_* values, no repository — nothing is invented', () => {
    // As @actions/github builds it with nothing set: '' where the runner gives nothing, NaN for the run id, and a
    // `repo` getter that throws.
    const context = readRunContext({
      eventName: '',
      sha: '',
      ref: '',
      payload: {},
      serverUrl: 'https://github.com',
      runId: Number.NaN,
      get repo(): GitHubContext['repo'] {
        throw new Error("context.repo requires a GITHUB_REPOSITORY environment variable like 'owner/repo'");
      },
    });
    expect(context).toEqual({ eventName: '', baselineTarget: {}, workingBranches: {} });
  });

  test('fields of the wrong type are ignored, never trusted', () => {
    // As the runner hands it over: JSON, typed by @actions/github but never checked.
    const payload = JSON.parse(
      JSON.stringify({
        pull_request: { number: '7', head: { sha: 42, ref: ['x'], repo: 'acme/shop' }, base: null },
        repository: { default_branch: 1 },
        workflow_run: { head_sha: null, pull_requests: 'all' },
        before: 12,
      }),
    );
    const context = readRunContext(contextOf({ eventName: 'pull_request', ref: 'refs/pull/7/merge', payload }));
    expect(context).toEqual({
      eventName: 'pull_request',
      repository: { owner: 'acme', repo: 'shop' },
      headSha: HEAD,
      ref: 'refs/pull/7/merge',
      baselineTarget: {},
      workingBranches: {},
      workflowRun: {},
      runUrl: 'https://github.com/acme/shop/actions/runs/99',
    });
  });
});
