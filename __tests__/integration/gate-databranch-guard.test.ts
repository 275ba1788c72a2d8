// The data branch is never a working branch (issue 11, 3): through the action's run(), a baseline-branch that
// is the default branch, the pull request's base or head, the pushed branch, or written as a ref fails with one
// line before any request to GitHub or Lambda, so nothing is committed onto main or onto a branch named
// "refs/heads/main". Each case writes its event file and sets GITHUB_EVENT_NAME and GITHUB_REF, as a runner does
// (the action reads them at the start of each run).

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type Emulator } from '../../emulator/lambda/server.js';
import { startGitHubApiStub, type GitHubApiStub } from '../../emulator/github/api.js';
import { runActionInProcess } from '../helpers/action.js';

const BEFORE = 'a'.repeat(40);
const HEAD = 'b'.repeat(40);
const repository = { full_name: 'acme/shop', name: 'shop', owner: { login: 'acme' }, default_branch: 'main' };

let emulator: Emulator;
let stub: GitHubApiStub;
let workspace: string;
let run: () => Promise<void>;
let eventEnv: Record<string, string> = {};
const savedEnv = { ...process.env };

beforeAll(async () => {
  emulator = await startEmulator({ updateDelayMs: 20 });
  await emulator.createFunction({ name: 'orders-main', sample: 'noop', memoryMb: 512, description: 'main' });
  stub = await startGitHubApiStub({ owner: 'acme', repo: 'shop' });
  stub.addHistory([
    { sha: BEFORE, date: '2026-03-01T10:00:00Z' },
    { sha: HEAD, date: '2026-03-02T10:00:00Z' },
  ]);
  workspace = mkdtempSync(join(tmpdir(), 'lpg-databranch-guard-'));
  writeFileSync(
    join(workspace, 'event.json'),
    JSON.stringify({ ref: 'refs/heads/main', before: BEFORE, after: HEAD, repository }),
  );
  Object.assign(process.env, {
    GITHUB_EVENT_NAME: 'push',
    GITHUB_EVENT_PATH: join(workspace, 'event.json'),
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_SHA: HEAD,
    GITHUB_REF: 'refs/heads/main',
    GITHUB_API_URL: stub.url,
    GITHUB_WORKSPACE: workspace,
  });
  ({ run } = await import('../../src/action/main.js'));
});

afterAll(async () => {
  process.env = savedEnv;
  await stub.close();
  await emulator.close();
});

const lambdaRequests = () => Object.values(emulator.stats().requests).reduce((sum, count) => sum + count, 0);

function setEvent(name: string, ref: string, payload: Record<string, unknown>): void {
  const path = join(workspace, `event-${name}.json`);
  writeFileSync(path, JSON.stringify(payload));
  eventEnv = { GITHUB_EVENT_NAME: name, GITHUB_EVENT_PATH: path, GITHUB_REF: ref };
}

function onPush(branch: string): void {
  setEvent('push', `refs/heads/${branch}`, { ref: `refs/heads/${branch}`, before: BEFORE, after: HEAD, repository });
}

function onPullRequest(base: string, head: string): void {
  setEvent('pull_request', 'refs/pull/7/merge', {
    pull_request: { number: 7, base: { ref: base, sha: BEFORE }, head: { ref: head, sha: HEAD } },
    repository,
  });
}

async function runWith(branch: string) {
  const requestsBefore = stub.requests.length;
  const lambdaBefore = lambdaRequests();
  const outcome = await runActionInProcess(
    run,
    {
      'function-name': 'orders-main',
      endpoint: emulator.endpoint,
      'power-values': '128',
      invocations: '5',
      'baseline-branch': branch,
      'github-token': 'test-token',
    },
    { workspace, env: eventEnv },
  );
  return {
    ...outcome,
    githubRequests: stub.requests.slice(requestsBefore),
    lambdaRequests: lambdaRequests() - lambdaBefore,
  };
}

describe('baseline-branch is never a working branch', () => {
  it.each([
    ['the default branch, on a push to it', () => onPush('main'), 'main', /"main" is the repository's default branch/],
    ['the pushed branch', () => onPush('release'), 'release', /"release" is the branch this workflow runs on/],
    [
      "the pull request's base",
      () => onPullRequest('develop', 'feature-x'),
      'develop',
      /"develop" is the pull request's base branch/,
    ],
    [
      "the pull request's head",
      () => onPullRequest('develop', 'feature-x'),
      'feature-x',
      /"feature-x" is the pull request's head branch/,
    ],
    [
      'the default branch, on a pull request',
      () => onPullRequest('develop', 'feature-x'),
      'main',
      /"main" is the repository's default branch/,
    ],
    ['written as refs/heads/…', () => onPush('main'), 'refs/heads/main', /is written as a ref, not a branch name/],
    ['written as heads/…', () => onPush('main'), 'heads/main', /is written as a ref, not a branch name/],
    ['HEAD', () => onPush('main'), 'HEAD', /is written as a ref, not a branch name/],
  ])(
    '%s → one error line, no request to GitHub or Lambda, nothing written',
    async (_what, setEvent, branch, fragment) => {
      setEvent();
      const outcome = await runWith(branch);
      expect(outcome.exitCode).toBe(1);
      const errors = outcome.log.split('\n').filter((line) => line.startsWith('::error'));
      expect(errors).toEqual([expect.stringMatching(/^::error::Input 'baseline-branch': \S/)]);
      expect(errors[0]).toMatch(fragment);
      expect(errors[0]).toMatch(/e\.g\. lambda-power-gate-data/);
      expect(outcome.githubRequests).toEqual([]);
      expect(outcome.lambdaRequests).toBe(0);
    },
  );

  it('a branch of its own still works: the push to main stores the run there', async () => {
    onPush('main');
    const outcome = await runWith('lambda-power-gate-data');
    expect(outcome.exitCode).toBe(0);
    expect(outcome.log).toMatch(/Stored as orders-main\/runs\/b{40}\.json on lambda-power-gate-data/);
  });
});
