// The data branch per function under an app's key (issue 15), through the real Octokit against the local GitHub
// REST stand-in: every function of a run stored in one commit, each read back as its own history; one function-name
// keeps today's layout.

import { getOctokit } from '@actions/github';
import { loadBaseline } from '../../src/gate/baseline.js';
import { DataBranch } from '../../src/gate/databranch.js';
import type { HistoryIndex } from '../../src/gate/databranch-index.js';
import type { RunResult } from '../../src/types.js';
import { gateSettings } from '../helpers/settings.js';
import { startGitHubApiStub, type GitHubApiStub } from '../../emulator/github/api.js';
import { expectNoContractViolations } from '../helpers/github.js';
import { makeRun, repeat } from '../helpers/run-fixture.js';

const BRANCH = 'lambda-power-gate-data';
const C = [1, 2, 3].map((n) => `${n}`.repeat(40));
const at = (index: number): string => C[index] as string;

let stub: GitHubApiStub;
beforeEach(async () => {
  stub = await startGitHubApiStub();
  stub.addHistory(C.map((commit, index) => ({ sha: commit, date: `2026-03-0${index + 1}T10:00:00Z` })));
});
afterEach(async () => {
  await stub.close();
  expectNoContractViolations(stub);
});

function branch(historyLimit = 20): DataBranch {
  return new DataBranch({
    octokit: getOctokit('test-token', { baseUrl: stub.url }),
    owner: stub.owner,
    repo: stub.repo,
    branch: BRANCH,
    historyLimit,
    sleep: async () => {},
    random: () => 0.5,
    clock: () => new Date('2026-03-10T00:00:00Z'),
  });
}

const run = (functionName: string, commit: string, durationMs = 100): RunResult =>
  makeRun({
    configuredMb: 1024,
    functionName,
    sha: commit,
    powerValues: [{ memoryMb: 1024, durationsMs: repeat(durationMs, 5) }],
    runId: `run-${functionName}-${commit.slice(0, 1)}-${durationMs}`,
  });

const index = (folder: string): HistoryIndex =>
  JSON.parse(stub.readFile(BRANCH, `${folder}/index.json`) ?? 'null') as HistoryIndex;

const commitsPosted = (): number =>
  stub.requests.filter((request) => request.method === 'POST' && /\/git\/commits$/.test(request.path)).length;

describe('an app on the data branch', () => {
  it('stores three functions in one commit, each under the app key, and reads each back as its own', async () => {
    const shop = branch().forApp('shop');
    const orders = run('shop-orders', at(0), 90);
    const search = run('shop-search', at(0), 120);
    const payments = run('shop-payments', at(0), 150);
    const saved = await shop.storeApp(
      [
        { key: 'Orders', status: 'measured', result: orders },
        { key: 'Search', status: 'measured', result: search },
        { key: 'Payments', status: 'measured', result: payments },
        { key: 'Broken', status: 'failed', result: null },
      ],
      { sha: at(0), ref: 'refs/heads/main' },
    );
    expect(commitsPosted()).toBe(1);
    expect(saved).toEqual({
      commitSha: stub.refSha(BRANCH),
      attempts: 1,
      stored: ['Orders', 'Search', 'Payments'].map((key) => ({
        key,
        path: `shop/${key}/runs/${at(0)}.json`,
        kept: 1,
        dropped: [],
        carried: false,
      })),
      skipped: [{ key: 'Broken', why: 'it failed' }],
    });
    expect(stub.listFiles(BRANCH)).toEqual([
      'README.md',
      'shop/Orders/index.json',
      `shop/Orders/runs/${at(0)}.json`,
      'shop/Payments/index.json',
      `shop/Payments/runs/${at(0)}.json`,
      'shop/Search/index.json',
      `shop/Search/runs/${at(0)}.json`,
    ]);
    expect(index('shop/Search').key).toBe('shop/Search');

    const again = branch().forApp('shop');
    for (const [key, result] of [
      ['Orders', orders],
      ['Search', search],
      ['Payments', payments],
    ] as const) {
      const found = await again.find(key, { sha: at(0), label: 'the PR base' });
      expect(found.baseline?.result).toEqual(result);
      expect(found.baseline?.description).toBe('data branch lambda-power-gate-data entry for 1111111 (the PR base)');
    }
    expect(await again.find('Broken', { sha: at(0) })).toEqual({
      baseline: null,
      note: 'the data branch lambda-power-gate-data has no entry for shop/Broken yet',
    });
  });

  it("loads a function's baseline through loadBaseline with the function's key", async () => {
    const shop = branch().forApp('shop');
    await shop.storeApp([{ key: 'Orders', status: 'measured', result: run('shop-orders', at(0)) }], { sha: at(0) });
    const gate = gateSettings({ baselineSource: 'branch', baselineBranch: BRANCH, key: 'Orders' });
    const plan = await loadBaseline(gate, {
      readFile: () => '',
      history: branch().forApp('shop'),
      target: { sha: at(1), label: 'the PR base' },
    });
    expect(plan).toEqual(
      expect.objectContaining({
        source: 'branch',
        baseline: expect.objectContaining({ result: run('shop-orders', at(0)) }),
      }),
    );
  });

  it("gives each function its own history: a function added later starts its own, and an unchanged one's carried figures say so", async () => {
    const shop = branch().forApp('shop');
    const first = run('shop-search', at(0), 120);
    await shop.storeApp(
      [
        { key: 'Orders', status: 'measured', result: run('shop-orders', at(0)) },
        { key: 'Search', status: 'measured', result: first },
      ],
      { sha: at(0) },
    );
    const saved = await shop.storeApp(
      [
        { key: 'Orders', status: 'measured', result: run('shop-orders', at(1), 95) },
        { key: 'Search', status: 'unchanged', result: first },
        { key: 'Refunds', status: 'measured', result: run('shop-refunds', at(1)) },
      ],
      { sha: at(1) },
    );
    expect(commitsPosted()).toBe(2);
    expect(saved.stored.map((item) => [item.key, item.kept, item.carried])).toEqual([
      ['Orders', 2, false],
      ['Search', 2, true],
      ['Refunds', 1, false],
    ]);
    expect(index('shop/Search').entries.map((entry) => [entry.sha, entry.carriedFrom])).toEqual([
      [at(1), at(0)],
      [at(0), undefined],
    ]);
    // The carried copy is the baseline for the next PR, but never counted again as a second run for the noise.
    const found = await branch()
      .forApp('shop')
      .find('Search', { sha: at(1) });
    expect(found.baseline?.result).toEqual(first);
    expect(found.baseline?.history).toEqual([first]);
    const refunds = await branch()
      .forApp('shop')
      .find('Refunds', { sha: at(1) });
    expect(refunds.baseline?.history).toHaveLength(1);
  });

  it('merges shards of one commit stored by separate jobs, and keeps one function-name key beside the app', async () => {
    await branch().save('orders-api', run('orders-api', at(0)), { sha: at(0) });
    await branch()
      .forApp('shop')
      .storeApp([{ key: 'Orders', status: 'measured', result: run('shop-orders', at(0)) }], { sha: at(0) });
    await branch()
      .forApp('shop')
      .storeApp([{ key: 'Search', status: 'measured', result: run('shop-search', at(0)) }], { sha: at(0) });
    expect(stub.listFiles(BRANCH)).toEqual([
      'README.md',
      'orders-api/index.json',
      `orders-api/runs/${at(0)}.json`,
      'shop/Orders/index.json',
      `shop/Orders/runs/${at(0)}.json`,
      'shop/Search/index.json',
      `shop/Search/runs/${at(0)}.json`,
    ]);
    // The one function-name key is read exactly as before.
    expect((await branch().find('orders-api', { sha: at(0) })).baseline?.result).toEqual(run('orders-api', at(0)));
  });

  it('redoes the whole commit when another run moves the branch, reusing the run blobs', async () => {
    const shop = branch().forApp('shop');
    await shop.storeApp([{ key: 'Orders', status: 'measured', result: run('shop-orders', at(0)) }], { sha: at(0) });
    let moved = 0;
    stub.beforeRefUpdate = () => {
      if (moved++ === 0)
        stub.commitFiles(BRANCH, { 'other/index.json': '{"schemaVersion":1,"key":"other","entries":[]}' });
    };
    const blobsBefore = stub.requests.filter((request) => /\/git\/blobs$/.test(request.path)).length;
    const saved = await shop.storeApp(
      [
        { key: 'Orders', status: 'measured', result: run('shop-orders', at(1)) },
        { key: 'Search', status: 'measured', result: run('shop-search', at(1)) },
      ],
      { sha: at(1) },
    );
    expect(saved.attempts).toBe(2);
    const blobs = stub.requests.filter((request) => /\/git\/blobs$/.test(request.path)).length - blobsBefore;
    expect(blobs).toBe(2);
    expect(stub.listFiles(BRANCH)).toContain('other/index.json');
    expect(index('shop/Orders').entries.map((entry) => entry.sha)).toEqual([at(1), at(0)]);
  });

  it('stores nothing (no commit) when no function has figures, and says why for each', async () => {
    const saved = await branch()
      .forApp('shop')
      .storeApp(
        [
          { key: 'Orders', status: 'failed', result: null },
          { key: 'Search', status: 'unchanged', result: null },
        ],
        { sha: at(0) },
      );
    expect(saved).toEqual({
      commitSha: null,
      attempts: 0,
      stored: [],
      skipped: [
        { key: 'Orders', why: 'it failed' },
        { key: 'Search', why: 'it has no figures' },
      ],
    });
    expect(commitsPosted()).toBe(0);
  });

  it('refuses a key that would leave its folder, and a function given twice, before any request', async () => {
    expect(() => branch().forApp('../main')).toThrow(/the app key "..\/main" cannot name a folder/);
    await expect(
      branch()
        .forApp('shop')
        .find('a/b', { sha: at(0) }),
    ).rejects.toThrow(/the function key "a\/b" cannot name a folder/);
    await expect(
      branch()
        .forApp('shop')
        .storeApp(
          [
            { key: 'Orders', status: 'measured', result: run('a', at(0)) },
            { key: 'Orders', status: 'measured', result: run('b', at(0)) },
          ],
          { sha: at(0) },
        ),
    ).rejects.toThrow('the function key "Orders" is given twice');
    expect(stub.requests).toEqual([]);
  });
});
