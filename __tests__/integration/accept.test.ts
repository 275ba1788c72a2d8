// accept-label end to end (issue 16 item 4): the action's run() on a pull_request event, the real SDK against the
// Lambda emulator and the real Octokit against the GitHub stand-in, which answers the label events, the
// collaborator permission and the pull request's head as GitHub does (and checks every request against GitHub's
// REST description). A failing verdict passes only while a label added by someone with write permission stays, and
// only for the pull request's head.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGitHubApiStub, type GitHubApiStub } from '../../emulator/github/api.js';
import { startEmulator, type Emulator } from '../../emulator/lambda/server.js';
import { expectNoContractViolations } from '../helpers/github.js';
import { runActionInProcess } from '../helpers/action.js';
import type { ResultsFile } from '../../src/types.js';

const LABEL = 'lambda-power-gate: accept regression';
const PR = 12;
const HEAD = 'c0ffee0000000000000000000000000000000012';
const NEWER = 'c0ffee0000000000000000000000000000000013';

let emulator: Emulator;
let github: GitHubApiStub;
let workspace: string;
let run: (options?: { env?: NodeJS.ProcessEnv }) => Promise<void>;
const savedEnv = { ...process.env };

beforeAll(async () => {
  emulator = await startEmulator({ updateDelayMs: 50 });
  await emulator.createFunction({
    name: 'orders-pr-12',
    sample: 'primes',
    memoryMb: 512,
    environment: { PRIMES_N: '2', PRIMES_M: '100000' },
  });
  github = await startGitHubApiStub();
  github.setPullHead(PR, HEAD);
  github.setPermission('writer', 'write');
  github.setPermission('maintainer', 'maintain');
  github.setPermission('triager', 'triage');
  workspace = mkdtempSync(join(tmpdir(), 'lpg-accept-'));
  const repo = { full_name: 'acme/shop', name: 'shop', owner: { login: 'acme' } };
  writeFileSync(
    join(workspace, 'event.json'),
    JSON.stringify({
      number: PR,
      pull_request: { number: PR, head: { sha: HEAD, repo }, base: { sha: 'def0', repo } },
      repository: repo,
    }),
  );
  Object.assign(process.env, {
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: join(workspace, 'event.json'),
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_SHA: HEAD,
    GITHUB_REF: `refs/pull/${PR}/merge`,
    GITHUB_API_URL: github.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '120',
    GITHUB_WORKSPACE: workspace,
  });
  ({ run } = await import('../../src/action/main.js'));
});

afterAll(async () => {
  process.env = savedEnv;
  await github.close();
  await emulator.close();
});

afterEach(() => {
  expectNoContractViolations(github);
  process.exitCode = undefined;
});

// An absolute limit every run breaks (the request charge alone is $0.0000002): the verdict is a fail without depending on timing.
const gate = () =>
  runActionInProcess(
    run,
    {
      'function-name': 'orders-pr-12',
      'github-token': 'test-token',
      endpoint: emulator.endpoint,
      'power-values': '512',
      invocations: '3',
      'min-samples': '3',
      'gate-max-invocations': '0',
      'max-cost-per-invocation': '0.0000001',
      'results-path': 'out/results.json',
    },
    { workspace },
  );

// The comment as GitHub renders it: markdown escapes and HTML entities undone.
const report = () =>
  (github.commentsOn(PR).at(-1)?.body ?? '')
    .replace(/\\(.)/g, '$1')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
const labelCalls = () =>
  github.requests.filter((request) => /\/issues\/12\/events|\/collaborators\/|\/pulls\/12/.test(request.path));

describe('a failing verdict and accept-label', () => {
  it('without the label: the job fails, and nothing but the events is asked', async () => {
    const outcome = await gate();
    expect(outcome.exitCode).toBe(1);
    expect(outcome.outputs['verdict']).toBe('fail');
    expect(outcome.outputs['accepted']).toBe('false');
    expect(labelCalls().map((request) => request.path.replace(/\?.*/, ''))).toEqual([
      '/repos/acme/shop/issues/12/events',
    ]);
  });

  it('added by someone with triage permission: ignored with a notice naming who added it', async () => {
    github.addLabel(PR, LABEL, 'triager');
    const outcome = await gate();
    expect(outcome.exitCode).toBe(1);
    expect(outcome.log).toContain(
      `::notice::Label "${LABEL}" ignored: it was added by triager, who has triage permission on the repository`,
    );
    expect(outcome.outputs['accepted']).toBe('false');
    github.removeLabel(PR, LABEL, 'triager');
  });

  it('added by a writer: the job passes, the verdict output stays fail, the comment says who and what it covers', async () => {
    const added = github.addLabel(PR, LABEL, 'writer');
    const outcome = await gate();
    expect(outcome.log).not.toMatch(/::error::/);
    expect(outcome.exitCode).toBe(0);
    expect(outcome.outputs).toMatchObject({ verdict: 'fail', accepted: 'true', 'accepted-by': 'writer' });
    expect(outcome.log).toContain('Regression accepted by writer (write)');
    const body = report();
    expect(body).toContain('**Accepted on purpose, the job passes.**');
    expect(body).toContain(
      `Regression accepted by writer (write) on ${added.created_at.slice(0, 16).replace('T', ' ')} UTC`,
    );
    expect(body).toContain(`for ${HEAD.slice(0, 7)} and later commits while the label stays`);
    expect(body).toMatch(/it covers: .*cost/);
    expect(outcome.summary).toContain('Accepted on purpose');
    const file = JSON.parse(readFileSync(join(workspace, 'out/results.json'), 'utf8')) as ResultsFile;
    expect(file.functions[0]?.accepted).toMatchObject({ by: 'writer', permission: 'write', headSha: HEAD });
  });

  it('removed: revoked, the job fails again', async () => {
    github.removeLabel(PR, LABEL, 'writer');
    const outcome = await gate();
    expect(outcome.exitCode).toBe(1);
    expect(outcome.outputs['accepted']).toBe('false');
    expect(report()).not.toContain('Accepted on purpose');
  });

  it('a maintainer (maintain reads as write) accepts; not for a run whose commit the pull request has moved past', async () => {
    github.addLabel(PR, LABEL, 'maintainer');
    const accepted = await gate();
    expect(accepted.exitCode).toBe(0);
    expect(accepted.log).toContain('Regression accepted by maintainer (maintain)');
    // A re-run of this commit's run after a newer push: the label covers the head and later, not this commit.
    github.setPullHead(PR, NEWER);
    const stale = await gate();
    expect(stale.exitCode).toBe(1);
    expect(stale.log).toContain(
      `ignored for this run: it covers the pull request's head (${NEWER.slice(0, 7)}) and the commits after it, and this run measured ${HEAD.slice(0, 7)}`,
    );
    github.setPullHead(PR, HEAD);
  });

  it('accept-label: off never reads GitHub for it', async () => {
    const before = labelCalls().length;
    const outcome = await runActionInProcess(
      run,
      {
        'function-name': 'orders-pr-12',
        'github-token': 'test-token',
        endpoint: emulator.endpoint,
        'power-values': '512',
        invocations: '3',
        'min-samples': '3',
        'gate-max-invocations': '0',
        'max-cost-per-invocation': '0.0000001',
        'results-path': 'out/results.json',
        'accept-label': 'off',
        'comment-mode': 'off',
      },
      { workspace },
    );
    expect(outcome.exitCode).toBe(1);
    expect(labelCalls().length).toBe(before);
  });
});
