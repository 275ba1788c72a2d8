// The action's run() on a push to the default branch with baseline-branch: it compares with the previous
// commit's entry and stores this run on the data branch, through the real Octokit against the GitHub stand-in.
// (@actions/github reads the event once per module registry, so this file holds the push event only.)

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { startEmulator, type Emulator } from '../../emulator/lambda/server.js';
import { DataBranch } from '../../src/gate/databranch.js';
import type { HistoryIndex } from '../../src/gate/databranch-index.js';
import type { ResultsFile, RunResult } from '../../src/types.js';
import { startGitHubApiStub, type GitHubApiStub } from '../../emulator/github/api.js';
import { expectNoContractViolations } from '../helpers/github.js';
import { runActionInProcess } from '../helpers/action.js';

const BEFORE = 'a'.repeat(40);
const HEAD = 'b'.repeat(40);
const BRANCH = 'lambda-power-gate-data';

let emulator: Emulator;
let stub: GitHubApiStub;
let workspace: string;
let run: () => Promise<void>;
// Imported after the environment is set: @actions/github reads the event on its first import.
let getOctokit: typeof import('@actions/github').getOctokit;
const savedEnv = { ...process.env };

beforeAll(async () => {
  emulator = await startEmulator({ updateDelayMs: 50 });
  await emulator.createFunction({ name: 'orders-main', sample: 'noop', memoryMb: 512, description: 'main' });
  stub = await startGitHubApiStub({ owner: 'acme', repo: 'shop' });
  stub.addHistory([
    { sha: BEFORE, date: '2026-03-01T10:00:00Z' },
    { sha: HEAD, date: '2026-03-02T10:00:00Z' },
  ]);
  workspace = mkdtempSync(join(tmpdir(), 'lpg-gate-action-'));
  const repository = { full_name: 'acme/shop', name: 'shop', owner: { login: 'acme' }, default_branch: 'main' };
  writeFileSync(
    join(workspace, 'event.json'),
    JSON.stringify({
      ref: 'refs/heads/main',
      before: BEFORE,
      after: HEAD,
      head_commit: { id: HEAD, timestamp: '2026-03-02T10:00:00Z' },
      repository,
    }),
  );
  Object.assign(process.env, {
    GITHUB_EVENT_NAME: 'push',
    GITHUB_EVENT_PATH: join(workspace, 'event.json'),
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_SHA: HEAD,
    GITHUB_REF: 'refs/heads/main',
    GITHUB_API_URL: stub.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '100',
    GITHUB_WORKSPACE: workspace,
  });
  ({ run } = await import('../../src/action/main.js'));
  ({ getOctokit } = await import('@actions/github'));
});

afterAll(async () => {
  process.env = savedEnv;
  await stub.close();
  await emulator.close();
});

afterEach(() => {
  process.exitCode = undefined;
  expectNoContractViolations(stub);
});

async function runAction(inputs: Record<string, string>) {
  return runActionInProcess(run, { 'github-token': 'test-token', ...inputs }, { workspace });
}

describe('a push to the default branch with baseline-branch', () => {
  it('stores the run under the key and commit, and compares with the entry of the commit before the push', async () => {
    const inputs = {
      'function-name': 'orders-main',
      key: 'orders',
      endpoint: emulator.endpoint,
      'power-values': '128,512',
      invocations: '3',
      'baseline-branch': BRANCH,
      // The data branch is under test, not memory headroom: a Node sandbox's peak at 128 MB sits near the 80% warn
      // level and moves with the machine's load (seen once in a full run), which would make the verdict flaky.
      'warn-memory-used-percent': 'off',
      'max-memory-used-percent': 'off',
    };

    // First push ever: no branch yet, so no baseline; the run creates the branch.
    const first = await runAction(inputs);
    expect(first.exitCode).toBe(0);
    expect(first.outputs['verdict']).toBe('pass');
    expect(first.log).toContain('No baseline: the data branch lambda-power-gate-data does not exist yet');
    expect(first.log).toMatch(
      /Stored as orders\/runs\/b{40}\.json on lambda-power-gate-data \(commit [0-9a-f]{7}; 1 runs kept for orders\)/,
    );
    const index = JSON.parse(stub.readFile(BRANCH, 'orders/index.json') ?? 'null') as HistoryIndex;
    expect(index.entries).toEqual([
      expect.objectContaining({
        sha: HEAD,
        ref: 'refs/heads/main',
        committedAt: '2026-03-02T10:00:00Z',
        path: `orders/runs/${HEAD}.json`,
      }),
    ]);
    const stored = JSON.parse(stub.readFile(BRANCH, `orders/runs/${HEAD}.json`) ?? 'null') as RunResult;
    expect(stored.git?.sha).toBe(HEAD);
    expect(stored.powerValues.map((entry) => entry.samples.length)).toEqual([3, 3]);

    // An earlier push had stored the commit before this one; a re-run of this push compares with it, and replaces
    // its own entry instead of adding a second one.
    await new DataBranch({
      octokit: getOctokit('t', { baseUrl: stub.url }),
      owner: 'acme',
      repo: 'shop',
      branch: BRANCH,
      historyLimit: 20,
    }).save('orders', stored, { sha: BEFORE });
    const again = await runAction(inputs);
    expect(again.exitCode).toBe(0);
    expect(again.log).toContain(
      'Baseline: data branch lambda-power-gate-data entry for aaaaaaa (the commit before this push)',
    );
    expect(again.outputs['cost-delta-percent']).toMatch(/^-?\d+\.\d\d$/);
    // The trend: the stored runs up to the baseline in the order they were stored (this push's first run, then the
    // entry for the commit before it), and this run last; two stored runs are too few to test for a change.
    const report = readFileSync(join(dirname(again.outputs['results-path'] ?? ''), 'report.md'), 'utf8');
    expect(report).toContain('#### 📈 Trend at 512 MB: the last 2 default-branch runs and this run');
    expect(report).toContain('x-axis "Default-branch commit, oldest first" [bbbbbbb, aaaaaaa, "this run"]');
    expect(report).toContain('No change points tested: 2 measured runs at 512 MB');
    // The stored baseline was measured, and paid for, by the earlier push: this run spent only its own invocations.
    const mine = JSON.parse(readFileSync(again.outputs['results-path'] ?? '', 'utf8')) as ResultsFile;
    const own = mine.functions[0]?.result?.powerValues.reduce((sum, entry) => sum + entry.samples.length, 0);
    expect(own).toBeGreaterThan(0);
    expect(again.outputs['run-invocations']).toBe(String(own));
    expect(mine.spend?.baselines).toBeUndefined();
    expect(
      (JSON.parse(stub.readFile(BRANCH, 'orders/index.json') ?? 'null') as HistoryIndex).entries.map(
        (entry) => entry.sha,
      ),
    ).toEqual([HEAD, BEFORE]);
  });

  it('warns, without failing the job, when the token may not write the branch', async () => {
    stub.failNext({ method: 'POST', path: /\/git\/blobs$/ }, 403, 2, {
      message: 'Resource not accessible by integration',
    });
    const outcome = await runAction({
      'function-name': 'orders-main',
      key: 'payments',
      endpoint: emulator.endpoint,
      'power-values': '128',
      invocations: '2',
      'baseline-branch': BRANCH,
    });
    expect(outcome.exitCode).toBe(0);
    expect(outcome.log).toMatch(
      /::warning::Could not store this run on lambda-power-gate-data \(.*Resource not accessible by integration.*\); .*permissions: contents: write/,
    );
  });
});

describe('mode prune', () => {
  it('lists the keys no longer configured in a dry run, then removes them with prune-keep, calling no AWS API', async () => {
    // The branch holds `orders` (the test above) and maybe `payments`; this step configures only `checkout`.
    // The same inputs as the tuning step (region included), plus the mode.
    const inputs = {
      'function-name': 'checkout-main',
      key: 'checkout',
      region: 'us-east-1',
      'baseline-branch': BRANCH,
      mode: 'prune',
    };
    const dry = await runAction(inputs);
    expect(dry.exitCode).toBe(0);
    expect(dry.log).toMatch(/Would remove orders\/ \(2 stored runs, 3 files\)/);
    expect(dry.log).toContain('Dry run: nothing was removed.');
    expect(dry.outputs['pruned']?.split('\n')).toContain('orders');
    expect(stub.readFile(BRANCH, 'orders/index.json')).toBeDefined();

    const refused = await runAction({ ...inputs, 'prune-dry-run': 'false' });
    expect(refused.exitCode).toBe(1);
    expect(refused.log).toContain("Input 'prune-keep': is required with prune-dry-run false");

    const pruned = await runAction({ ...inputs, 'prune-dry-run': 'false', 'prune-keep': 'payments' });
    expect(pruned.exitCode).toBe(0);
    expect(pruned.log).toMatch(/Removed orders\/ \(2 stored runs, 3 files\)/);
    expect(stub.readFile(BRANCH, 'orders/index.json')).toBeUndefined();
    expect(stub.listFiles(BRANCH)).toContain('README.md');
  });
});
