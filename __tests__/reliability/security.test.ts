// What the action must never print: AWS credentials, the GitHub token — and, unless log-payloads is on, the
// payloads it sends and what the function answers or logs (both may carry customer data). The action runs as a
// process with fake secrets in its environment; every byte it produces (log, outputs, job summary, results.json,
// report.md, the PR comment) is searched for them.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { startGitHubApiStub, type GitHubApiStub } from '../../emulator/github/api.js';
import { expectNoContractViolations } from '../helpers/github.js';
import { FIXTURE_FUNCTIONS, createOriginal, spawnAction, startHarness, type Harness } from './harness.js';

let harness: Harness;
let github: GitHubApiStub;

beforeAll(async () => {
  harness = await startHarness();
  github = await startGitHubApiStub();
});

afterEach(() => expectNoContractViolations(github));

afterAll(async () => {
  await github.close();
  await harness.close();
});

const SECRETS = {
  AWS_ACCESS_KEY_ID: `AKIAFAKE${randomUUID().replace(/-/g, '').slice(0, 12).toUpperCase()}`,
  AWS_SECRET_ACCESS_KEY: `fakeSecret/${randomUUID()}+Key`,
  AWS_SESSION_TOKEN: `FakeSessionToken${randomUUID()}`,
  GITHUB_TOKEN: `ghs_fakeGitHubToken${randomUUID().replace(/-/g, '')}`,
};

const repo = { full_name: 'acme/shop', name: 'shop', owner: { login: 'acme' } };
const pullRequestEvent = (number: number) => ({
  number,
  pull_request: { number, head: { sha: 'a'.repeat(40), repo }, base: { sha: 'b'.repeat(40), repo } },
  repository: repo,
});

/** Every file the run wrote under its workspace, plus its log and the comments it posted. */
function everythingProduced(
  workspace: string,
  lines: string[],
  issueNumber: number,
): { where: string; text: string }[] {
  const produced: { where: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (entry !== 'event.json') produced.push({ where: path, text: readFileSync(path, 'utf8') });
    }
  };
  walk(workspace);
  // The runner consumes ::add-mask:: itself (it is how a secret gets masked); everything else is shown.
  produced.push({ where: 'log', text: lines.filter((line) => !line.startsWith('::add-mask::')).join('\n') });
  for (const comment of github.comments.filter((entry) => entry.issueNumber === issueNumber))
    produced.push({ where: `comment ${comment.id}`, text: comment.body });
  return produced;
}

function leaks(produced: { where: string; text: string }[], needle: string): string[] {
  return produced.filter((entry) => entry.text.includes(needle)).map((entry) => entry.where);
}

async function runEcho(name: string, issueNumber: number, inputs: Record<string, string>) {
  const workspace = mkdtempSync(join(tmpdir(), `lpg-security-${name}-`));
  const child = spawnAction({
    workspace,
    inputs: {
      'function-name': name,
      endpoint: harness.emulator.endpoint,
      'power-values': '128,256',
      invocations: '2',
      'github-token': SECRETS.GITHUB_TOKEN,
      key: name,
      ...inputs,
    },
    env: {
      AWS_ACCESS_KEY_ID: SECRETS.AWS_ACCESS_KEY_ID,
      AWS_SECRET_ACCESS_KEY: SECRETS.AWS_SECRET_ACCESS_KEY,
      AWS_SESSION_TOKEN: SECRETS.AWS_SESSION_TOKEN,
      GITHUB_TOKEN: SECRETS.GITHUB_TOKEN,
      AWS_REGION: 'us-east-1',
    },
    githubApiUrl: github.url,
    event: pullRequestEvent(issueNumber),
  });
  const exitCode = await child.exited;
  return { exitCode, child, produced: everythingProduced(workspace, child.lines, issueNumber) };
}

describe('secrets and payloads stay out of every output', () => {
  it('a successful run prints no credential, token, payload or function output', async () => {
    const name = 'secure-ok';
    const functionSecret = `fn-env-secret-${randomUUID()}`;
    await createOriginal(harness, name, {
      codeDir: join(FIXTURE_FUNCTIONS, 'echo'),
      environment: { ECHO_SECRET: functionSecret },
    });
    const marker = `payload-marker-${randomUUID()}`;
    const { exitCode, child, produced } = await runEcho(name, 31, {
      payload: JSON.stringify({ marker, card: '4111111111111111' }),
    });
    expect(exitCode).toBe(0);
    // The run did report: a comment, a summary, results.json — so the search below has something to search.
    expect(github.comments.filter((comment) => comment.issueNumber === 31)).toHaveLength(1);
    expect(produced.map((entry) => entry.where).some((where) => where.endsWith('results.json'))).toBe(true);
    for (const [label, secret] of Object.entries({ ...SECRETS, marker, card: '4111111111111111', functionSecret })) {
      expect({ label, leaks: leaks(produced, secret) }).toEqual({ label, leaks: [] });
    }
    // The token is registered as a secret, so the runner masks it wherever a library might echo it.
    expect(child.lines).toContain(`::add-mask::${SECRETS.GITHUB_TOKEN}`);
  });

  it('a failing handler: its error message (function output) stays out, the error type is reported', async () => {
    const name = 'secure-fail';
    await createOriginal(harness, name, { codeDir: join(FIXTURE_FUNCTIONS, 'echo') });
    const marker = `error-marker-${randomUUID()}`;
    const { exitCode, child, produced } = await runEcho(name, 32, { payload: JSON.stringify({ marker, fail: true }) });
    expect(exitCode).toBe(1);
    expect(child.lines.filter((line) => line.startsWith('::error'))).toEqual([
      expect.stringMatching(/^::error::Every memory size failed: 128 MB failed with Error \(invocation 1 of 2\)/),
    ]);
    for (const [label, secret] of Object.entries({ ...SECRETS, marker })) {
      expect({ label, leaks: leaks(produced, secret) }).toEqual({ label, leaks: [] });
    }
  });

  it('with log-payloads true, payloads and handler errors are shown — credentials still never', async () => {
    const name = 'secure-opt-in';
    await createOriginal(harness, name, { codeDir: join(FIXTURE_FUNCTIONS, 'echo') });
    const marker = `opt-in-marker-${randomUUID()}`;
    const { exitCode, produced } = await runEcho(name, 33, {
      payload: JSON.stringify({ marker, fail: true }),
      'log-payloads': 'true',
    });
    expect(exitCode).toBe(1);
    // Opted in: the payload is in results.json and the handler's message (which quotes it) in the log.
    expect(leaks(produced, marker).some((where) => where.endsWith('results.json'))).toBe(true);
    expect(leaks(produced, `handler failed on ${marker}`)).toContain('log');
    for (const [label, secret] of Object.entries(SECRETS)) {
      expect({ label, leaks: leaks(produced, secret) }).toEqual({ label, leaks: [] });
    }
  });
});
