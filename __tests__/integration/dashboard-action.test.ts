// The action's run() on pushes to the default branch with dashboard: true: the run is stored on the data branch and
// index.html, drawn from it, lands on dashboard-branch. (@actions/github reads the event once per module registry,
// so this file holds the push event only.)

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type Emulator } from '../../emulator/lambda/server.js';
import { startGitHubApiStub, type GitHubApiStub } from '../../emulator/github/api.js';
import { expectNoContractViolations } from '../helpers/github.js';
import { runActionInProcess } from '../helpers/action.js';

const BEFORE = 'a'.repeat(40);
const HEAD = 'b'.repeat(40);
const DATA = 'lambda-power-gate-data';

let emulator: Emulator;
let stub: GitHubApiStub;
let workspace: string;
let run: () => Promise<void>;
const savedEnv = { ...process.env };

beforeAll(async () => {
  emulator = await startEmulator({ updateDelayMs: 50 });
  await emulator.createFunction({ name: 'orders-main', sample: 'noop', memoryMb: 512, description: 'main' });
  stub = await startGitHubApiStub({ owner: 'acme', repo: 'shop' });
  stub.addHistory([
    { sha: BEFORE, date: '2026-03-01T10:00:00Z' },
    { sha: HEAD, date: '2026-03-02T10:00:00Z' },
  ]);
  workspace = mkdtempSync(join(tmpdir(), 'lpg-dashboard-action-'));
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

const inputs = {
  'github-token': 'test-token',
  'function-name': 'orders-main',
  key: 'orders',
  'power-values': '128,512',
  invocations: '3',
  'baseline-branch': DATA,
  dashboard: 'true',
  'dashboard-branch': 'gh-pages',
  'warn-memory-used-percent': 'off',
  'max-memory-used-percent': 'off',
};

describe('dashboard: true on a push to the default branch', () => {
  it('stores the run, then writes index.html with its point to dashboard-branch', async () => {
    const outcome = await runActionInProcess(run, { ...inputs, endpoint: emulator.endpoint }, { workspace });
    expect(outcome.exitCode).toBe(0);
    expect(stub.listFiles(DATA)).toEqual(['README.md', 'orders/index.json', `orders/runs/${HEAD}.json`]);
    expect(stub.listFiles('gh-pages')).toEqual(['index.html']);
    expect(outcome.log).toMatch(/Dashboard: index\.html on gh-pages \(1 key, 1 runs, \d+ bytes, commit [0-9a-f]{7}\)/);
    const html = stub.readFile('gh-pages', 'index.html') ?? '';
    expect(html).toContain('data-key="orders"');
    expect(html).toContain(`https://github.com/acme/shop/commit/${HEAD}`);
    expect((html.match(/<circle class="pt/g) ?? []).length).toBeGreaterThanOrEqual(3); // cost, duration, recommendation
  });

  it('warns without failing the job when the dashboard cannot be written', async () => {
    // The data branch is written; reading dashboard-branch is refused (a token without access to it).
    stub.failNext({ method: 'GET', path: /\/git\/ref\/heads\/gh-pages$/ }, 403, 1);
    const outcome = await runActionInProcess(run, { ...inputs, endpoint: emulator.endpoint }, { workspace });
    expect(outcome.exitCode).toBe(0);
    expect(outcome.log).toMatch(/Stored as orders\/runs\/b{40}\.json on lambda-power-gate-data/);
    expect(outcome.log).toMatch(/::warning::Could not write the dashboard to gh-pages \(.*\); the run is stored/);
  });
});
