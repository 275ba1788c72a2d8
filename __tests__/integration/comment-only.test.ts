// comment-only mode, the second workflow of the fork recipe: a workflow_run event, a results.json from an
// artifact (untrusted), the real Octokit against the local GitHub stand-in, and never a Lambda call.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGitHubApiStub, type GitHubApiStub } from '../../emulator/github/api.js';
import { expectNoContractViolations } from '../helpers/github.js';
import { baselineRun } from '../helpers/fixtures.js';
import { runActionInProcess } from '../helpers/action.js';

const MEASURED_SHA = 'f00dfeed00000000000000000000000000000043';

let github: GitHubApiStub;
let workspace: string;
let run: () => Promise<void>;
const savedEnv = { ...process.env };

beforeAll(async () => {
  github = await startGitHubApiStub();
  github.setPullHead(43, MEASURED_SHA);
  workspace = mkdtempSync(join(tmpdir(), 'lpg-comment-only-'));
  writeFileSync(
    join(workspace, 'event.json'),
    JSON.stringify({
      workflow_run: { id: 1, event: 'pull_request', head_sha: MEASURED_SHA, pull_requests: [] },
      repository: { full_name: 'acme/shop' },
    }),
  );
  writeFileSync(join(workspace, 'results.json'), JSON.stringify(baselineRun()));
  writeFileSync(join(workspace, 'forged.json'), JSON.stringify({ ...baselineRun(), schemaVersion: 99 }));
  Object.assign(process.env, {
    GITHUB_EVENT_NAME: 'workflow_run',
    GITHUB_EVENT_PATH: join(workspace, 'event.json'),
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_API_URL: github.url,
    GITHUB_WORKSPACE: workspace,
    GITHUB_STEP_SUMMARY: join(workspace, 'summary.md'),
    // No credentials and no endpoint: a Lambda call would fail loudly.
    AWS_ACCESS_KEY_ID: '',
  });
  ({ run } = await import('../../src/action/main.js'));
});

afterEach(() => expectNoContractViolations(github));

afterAll(async () => {
  process.env = savedEnv;
  await github.close();
});

async function runAction(inputs: Record<string, string>) {
  return runActionInProcess(run, { 'github-token': 'token', mode: 'comment-only', ...inputs }, { workspace });
}

describe('comment-only mode', () => {
  it('renders the uploaded results again, writes the summary and comments on the measured pull request', async () => {
    const outcome = await runAction({ 'results-file': 'results.json', 'pull-request': '43', key: 'orders' });
    expect(outcome.log).not.toMatch(/::error::/);
    expect(outcome.exitCode).toBe(0);
    expect(outcome.summary).toContain('MB');
    expect(outcome.outputs['recommended-memory']).toBe(String(baselineRun().recommendation?.memoryMb));
    expect(outcome.outputs.verdict).toBeDefined();
    const comments = github.commentsOn(43);
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).toContain('lambda-power-gate');
    expect(github.requests.some((request) => request.path.includes('/functions/'))).toBe(false);
  });

  it('does not comment on a pull request whose head is not the measured commit', async () => {
    github.setPullHead(44, 'another0000000000000000000000000000000044');
    const outcome = await runAction({ 'results-file': 'results.json', 'pull-request': '44', key: 'orders' });
    expect(outcome.exitCode).toBe(0);
    expect(github.commentsOn(44)).toHaveLength(0);
    expect(outcome.log).toMatch(/PR comment skipped/);
  });

  it("honours accept-label as the measuring run does: a writer's label on the measured head shows as accepted", async () => {
    github.setPullHead(45, MEASURED_SHA);
    github.setPermission('writer', 'write');
    github.addLabel(45, 'lambda-power-gate: accept regression', 'writer');
    // 40 ms is over this limit: the verdict is a fail.
    // The uploaded run with warm samples of 40 ms at its configured 1024 MB.
    const measured = baselineRun();
    for (const entry of measured.powerValues)
      entry.samples = [40, 41, 39, 40, 42].map((durationMs) => ({
        durationMs,
        billedDurationMs: durationMs,
        payloadIndex: 0,
        coldStart: false,
      }));
    writeFileSync(join(workspace, 'sampled.json'), JSON.stringify(measured));
    const inputs = { 'results-file': 'sampled.json', 'pull-request': '45', key: 'orders' };
    const outcome = await runAction({ ...inputs, 'max-duration-ms': '1' });
    expect(outcome.exitCode).toBe(0);
    expect(outcome.outputs).toMatchObject({ verdict: 'fail', accepted: 'true', 'accepted-by': 'writer' });
    expect(github.commentsOn(45).at(-1)?.body).toContain('**Accepted on purpose, the job passes.**');
    // The label read on GitHub, never from the artifact: a label by someone who may not accept is ignored.
    github.removeLabel(45, 'lambda-power-gate: accept regression', 'writer');
    github.addLabel(45, 'lambda-power-gate: accept regression', 'drive-by');
    const ignored = await runAction({ ...inputs, 'max-duration-ms': '1' });
    expect(ignored.outputs['accepted']).toBe('false');
    expect(ignored.log).toContain('ignored: it was added by drive-by, who has read permission');
    expect(github.commentsOn(45).at(-1)?.body).not.toContain('Accepted on purpose');
  });

  it('rejects a results file that is not a lambda-power-gate results.json in one line', async () => {
    const outcome = await runAction({ 'results-file': 'forged.json', 'pull-request': '43', key: 'orders' });
    expect(outcome.exitCode).toBe(1);
    const errors = outcome.log.split('\n').filter((line) => line.startsWith('::error'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/results-file/);
  });

  it('requires results-file', async () => {
    const outcome = await runAction({ 'pull-request': '43' });
    expect(outcome.exitCode).toBe(1);
    expect(outcome.log).toMatch(/::error::Input 'results-file': is required with mode comment-only/);
  });
});
