// The PR comment through the real Octokit (getOctokit from @actions/github) against a local stand-in of
// GitHub's REST and GraphQL API.

import { getOctokit } from '@actions/github';
import { publishComment, parseMarker, type CommentsApi, type PublishOptions } from '../../src/report/comment.js';
import { renderReport } from '../../src/report/markdown.js';
import { failScenario, passScenario, veryLongScenario } from '../helpers/fixtures.js';
import { startGitHubApiStub, type GitHubApiStub } from '../../emulator/github/api.js';
import { expectNoContractViolations } from '../helpers/github.js';

const ACTIONS_TOKEN = 'ghs_actions';
const PAT = 'ghp_personal';
const FORK_TOKEN = 'ghs_fork';
const BOT = 'github-actions[bot]';
const PR = 42;
const OLD_SHA = '1111111111111111111111111111111111111111';
const NEW_SHA = '2222222222222222222222222222222222222222';

let stub: GitHubApiStub;

beforeEach(async () => {
  stub = await startGitHubApiStub({
    owner: 'acme',
    repo: 'shop',
    tokens: {
      [ACTIONS_TOKEN]: { login: BOT },
      [PAT]: { login: 'release-bot-user', canReadUser: true },
      [FORK_TOKEN]: { login: BOT, readOnly: true },
    },
  });
  stub.addHistory([
    { sha: OLD_SHA, date: '2026-11-28T09:00:00Z' },
    { sha: NEW_SHA, date: '2026-11-28T10:00:00Z' },
  ]);
});

afterEach(async () => {
  await stub.close();
  expectNoContractViolations(stub);
});

const api = (token = ACTIONS_TOKEN): CommentsApi => getOctokit(token, { baseUrl: stub.url }) as unknown as CommentsApi;
const noSleep = async () => {};

function options(overrides: Partial<PublishOptions> = {}): PublishOptions {
  return {
    mode: 'update',
    target: { owner: 'acme', repo: 'shop', issueNumber: PR, key: 'checkout-api' },
    body: renderReport(passScenario()),
    commitSha: NEW_SHA,
    sleep: noSleep,
    ...overrides,
  };
}

const writes = () => stub.requests.filter((request) => request.method !== 'GET' && request.path !== '/graphql');

test('creates the comment with a marker holding the key, the commit and its time', async () => {
  const outcome = await publishComment(api(), options());
  expect(outcome).toMatchObject({ action: 'created', url: expect.stringContaining(`/pull/${PR}#issuecomment-`) });
  const [comment] = stub.commentsOn(PR);
  expect(parseMarker(comment?.body)).toEqual({ key: 'checkout-api', sha: NEW_SHA, at: '2026-11-28T10:00:00.000Z' });
  expect(comment?.body).toContain('### ✅ `checkout-api`');
});

test('updates it in place on the next run, and leaves it alone when the body is unchanged', async () => {
  const first = await publishComment(api(), options({ commitSha: OLD_SHA }));
  const second = await publishComment(api(), options({ body: renderReport(failScenario()) }));
  expect(second).toMatchObject({ action: 'updated', id: (first as { id: number }).id });
  expect(stub.commentsOn(PR)).toHaveLength(1);
  expect(stub.commentsOn(PR)[0]?.body).toContain('### ❌');

  const before = writes().length;
  const third = await publishComment(api(), options({ body: renderReport(failScenario()) }));
  expect(third).toMatchObject({ action: 'unchanged', id: (first as { id: number }).id });
  expect(writes()).toHaveLength(before);
});

test('stale guard: a run for an older commit never overwrites the newer commit’s comment; a re-run of the same commit may', async () => {
  stub.setPullHead(PR, NEW_SHA);
  await publishComment(api(), options({ commitSha: NEW_SHA, body: 'report of the new commit' }));
  const stale = await publishComment(api(), options({ commitSha: OLD_SHA, body: 'report of the old commit' }));
  expect(stale).toEqual({
    action: 'skipped',
    reason: expect.stringMatching(/newer commit \(2222222, 2026-11-28T10:00:00.000Z\) than this run's \(1111111/),
  });
  expect(stub.commentsOn(PR)[0]?.body).toContain('report of the new commit');

  const rerun = await publishComment(api(), options({ commitSha: NEW_SHA, body: 're-run of the new commit' }));
  expect(rerun.action).toBe('updated');
  // The stale guard holds in the new-comment modes too.
  expect((await publishComment(api(), options({ mode: 'hide-and-new', commitSha: OLD_SHA }))).action).toBe('skipped');
  expect(stub.commentsOn(PR)).toHaveLength(1);
});

test('stale guard: a branch reset to an older commit is the PR head, so its report is posted', async () => {
  await publishComment(api(), options({ commitSha: NEW_SHA, body: 'report of the new commit' }));
  stub.setPullHead(PR, OLD_SHA);
  const outcome = await publishComment(api(), options({ commitSha: OLD_SHA, body: 'report after the reset' }));
  expect(outcome.action).toBe('updated');
  expect(stub.commentsOn(PR)[0]?.body).toContain('report after the reset');
});

test('hide-and-new: posts a new comment and minimises the earlier ones as OUTDATED, each only once', async () => {
  await publishComment(api(), options({ mode: 'hide-and-new', commitSha: OLD_SHA, body: 'first' }));
  const second = await publishComment(api(), options({ mode: 'hide-and-new', body: 'second' }));
  expect(second).toMatchObject({ action: 'created', hidden: [stub.commentsOn(PR)[0]?.id] });
  const third = await publishComment(api(), options({ mode: 'hide-and-new', body: 'third' }));
  // Only 'second' is minimised now: 'first' already was (the nodes query said so).
  expect(third).toMatchObject({ action: 'created', hidden: [stub.commentsOn(PR)[1]?.id] });
  expect(
    stub.commentsOn(PR).map((comment) => [comment.body.split('\n')[1], comment.isMinimized, comment.minimizedReason]),
  ).toEqual([
    ['first', true, 'OUTDATED'],
    ['second', true, 'OUTDATED'],
    ['third', false, null],
  ]);
  const mutations = stub.requests.filter(
    (request) => request.path === '/graphql' && String(request.body?.['query']).includes('minimizeComment'),
  );
  expect(mutations).toHaveLength(2);
});

test('delete-and-new replaces the comment; new keeps the old one', async () => {
  await publishComment(api(), options({ commitSha: OLD_SHA, body: 'first' }));
  const created = await publishComment(api(), options({ mode: 'delete-and-new', body: 'second' }));
  expect(created).toMatchObject({ action: 'created', deleted: [expect.any(Number)] });
  expect(stub.commentsOn(PR).map((comment) => comment.body.split('\n')[1])).toEqual(['second']);
  await publishComment(api(), options({ mode: 'new', body: 'third' }));
  expect(stub.commentsOn(PR).map((comment) => comment.body.split('\n')[1])).toEqual(['second', 'third']);
});

test('a failure to tidy up after posting is reported with the posted comment, never thrown over it', async () => {
  await publishComment(api(), options({ commitSha: OLD_SHA, body: 'first' }));
  stub.failNext({ method: 'DELETE', path: /\/issues\/comments\/\d+$/ }, 403);
  const deleted = await publishComment(api(), options({ mode: 'delete-and-new', body: 'second' }));
  expect(deleted).toMatchObject({
    action: 'created',
    deleted: [],
    cleanupError: expect.stringMatching(/^could not delete the earlier comments: 403 /),
  });
  stub.failNext({ method: 'POST', path: /^\/graphql$/ }, 502, 4);
  const hidden = await publishComment(api(), options({ mode: 'hide-and-new', body: 'third' }));
  expect(hidden).toMatchObject({
    action: 'created',
    hidden: [],
    cleanupError: expect.stringMatching(/^could not hide the earlier comments: 502 /),
  });
  expect(stub.commentsOn(PR).map((comment) => comment.body.split('\n')[1])).toEqual(['first', 'second', 'third']);
});

test('off posts nothing and calls nothing', async () => {
  expect(await publishComment(api(), options({ mode: 'off' }))).toEqual({
    action: 'skipped',
    reason: 'comment-mode is off.',
  });
  expect(stub.requests).toHaveLength(0);
});

test('finds its comment past the first 100 (pagination) and updates it', async () => {
  for (let i = 0; i < 130; i++) stub.addComment(PR, `review comment ${i}`, 'reviewer');
  await publishComment(api(), options({ commitSha: OLD_SHA, body: 'ours' }));
  for (let i = 0; i < 20; i++) stub.addComment(PR, `later comment ${i}`, 'reviewer');
  const outcome = await publishComment(api(), options({ body: 'ours, updated' }));
  expect(outcome.action).toBe('updated');
  expect(stub.commentsOn(PR)).toHaveLength(151);
  expect(stub.commentsOn(PR)[130]?.body).toContain('ours, updated');
  expect(stub.requests.some((request) => request.path.includes('/comments?per_page=100&page=2'))).toBe(true);
});

test("only a bot's comment is ours with an Actions token: a person's planted marker neither blocks nor is edited", async () => {
  const planted = `<!-- lambda-power-gate key=checkout-api sha=${'9'.repeat(40)} at=2030-01-01T00:00:00.000Z -->\nfake`;
  stub.addComment(PR, planted, 'mallory');
  const outcome = await publishComment(api(), options());
  expect(outcome.action).toBe('created');
  expect(stub.commentsOn(PR)[0]?.body).toBe(planted);
});

test("with a personal access token only that user's comments are ours", async () => {
  stub.addComment(PR, `<!-- lambda-power-gate key=checkout-api -->\nsomeone else's bot`, 'other-app[bot]');
  const outcome = await publishComment(api(PAT), options());
  expect(outcome.action).toBe('created');
  expect(stub.commentsOn(PR)[1]?.user.login).toBe('release-bot-user');
  expect((await publishComment(api(PAT), options({ body: 'again' }))).action).toBe('updated');
});

test('a fork’s read-only token: GitHub answers 403 and the error reaches the caller with its status', async () => {
  await expect(publishComment(api(FORK_TOKEN), options())).rejects.toMatchObject({
    status: 403,
    message: expect.stringContaining('Resource not accessible by integration'),
  });
});

test('comment-only mode: the PR head must be the measured commit', async () => {
  stub.setPullHead(PR, NEW_SHA);
  const wrong = await publishComment(api(), options({ verifyPullRequestHead: true, commitSha: OLD_SHA }));
  expect(wrong).toEqual({
    action: 'skipped',
    reason: expect.stringMatching(/^pull request #42 is at 2222222, not at the measured commit 1111111/),
  });
  expect(stub.commentsOn(PR)).toHaveLength(0);
  expect((await publishComment(api(), options({ verifyPullRequestHead: true }))).action).toBe('created');
});

test('retries a 502 on a read; does not retry a create', async () => {
  stub.failNext({ method: 'GET', path: /\/comments$/ }, 502);
  expect((await publishComment(api(), options())).action).toBe('created');
  stub.failNext({ method: 'POST', path: /\/comments$/ }, 502);
  await expect(publishComment(api(), options({ mode: 'new', body: 'x' }))).rejects.toMatchObject({ status: 502 });
  expect(stub.commentsOn(PR)).toHaveLength(1);
});

test('a body over 65,536 characters is cut to fit, with the notice, and GitHub accepts it', async () => {
  const outcome = await publishComment(api(), options({ body: renderReport(veryLongScenario()) }));
  expect(outcome).toMatchObject({ action: 'created', truncated: true });
  const body = stub.commentsOn(PR)[0]?.body ?? '';
  expect(body.length).toBeLessThanOrEqual(65_536);
  expect(body).toContain("This report was cut to fit GitHub's size limit");
});

test('without the commit time (unknown commit) the comment is still posted, with the SHA in its marker', async () => {
  const sha = '3'.repeat(40);
  const outcome = await publishComment(api(), options({ commitSha: sha }));
  expect(outcome.action).toBe('created');
  expect(parseMarker(stub.commentsOn(PR)[0]?.body)).toEqual({ key: 'checkout-api', sha });
});
