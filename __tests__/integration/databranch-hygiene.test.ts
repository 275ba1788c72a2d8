// Data branch hygiene (issue 18 item 4), through the real Octokit against the GitHub REST stand-in: history-limit
// is honoured for one function's key and for each function of an app (also when it is lowered), and mode prune
// removes the folders of keys no longer configured — a dry run first, one commit, retried when the branch moves.

import { getOctokit } from '@actions/github';
import { DataBranch } from '../../src/gate/databranch.js';
import type { HistoryIndex } from '../../src/gate/databranch-index.js';
import { keepSet } from '../../src/gate/prune.js';
import type { RunResult } from '../../src/types.js';
import { startGitHubApiStub, type GitHubApiStub } from '../../emulator/github/api.js';
import { expectNoContractViolations } from '../helpers/github.js';
import { makeRun, repeat } from '../helpers/run-fixture.js';

const BRANCH = 'lambda-power-gate-data';
const C = [1, 2, 3, 4, 5].map((n) => `${n}`.repeat(40));
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

const run = (functionName: string, commit: string): RunResult =>
  makeRun({
    configuredMb: 1024,
    functionName,
    sha: commit,
    powerValues: [{ memoryMb: 1024, durationsMs: repeat(100, 5) }],
    runId: `run-${functionName}-${commit.slice(0, 1)}`,
  });

const index = (folder: string): HistoryIndex =>
  JSON.parse(stub.readFile(BRANCH, `${folder}/index.json`) ?? 'null') as HistoryIndex;
const commitsPosted = (): number =>
  stub.requests.filter((request) => request.method === 'POST' && /\/git\/commits$/.test(request.path)).length;

describe('history-limit', () => {
  it("keeps each app function's last history-limit runs and deletes the older run files in the same commit", async () => {
    for (const commit of C.slice(0, 4))
      await branch(2)
        .forApp('shop')
        .storeApp(
          [
            { key: 'Orders', status: 'measured', result: run('orders', commit) },
            { key: 'Search', status: 'measured', result: run('search', commit) },
          ],
          { sha: commit },
        );
    for (const fn of ['Orders', 'Search']) {
      expect(index(`shop/${fn}`).entries.map((entry) => entry.sha)).toEqual([at(3), at(2)]);
      expect(stub.listFiles(BRANCH).filter((path) => path.startsWith(`shop/${fn}/runs/`))).toEqual([
        `shop/${fn}/runs/${at(2)}.json`,
        `shop/${fn}/runs/${at(3)}.json`,
      ]);
    }
    expect(commitsPosted()).toBe(4);
  });

  it('drops every run over a lowered limit at the next store, not one per run', async () => {
    for (const commit of C.slice(0, 4)) await branch(20).save('orders-api', run('orders', commit), { sha: commit });
    const saved = await branch(1).save('orders-api', run('orders', at(4)), { sha: at(4) });
    expect(saved.kept).toBe(1);
    expect(saved.dropped).toHaveLength(4);
    expect(stub.listFiles(BRANCH)).toEqual(['README.md', 'orders-api/index.json', `orders-api/runs/${at(4)}.json`]);
  });
});

describe('mode prune', () => {
  async function seed(): Promise<void> {
    await branch().save('orders-api', run('orders', at(0)), { sha: at(0) });
    await branch().save('old-api', run('old', at(0)), { sha: at(0) });
    await branch().save('old-api', run('old', at(1)), { sha: at(1) });
    await branch()
      .forApp('shop')
      .storeApp(
        [
          { key: 'Orders', status: 'measured', result: run('orders', at(0)) },
          { key: 'Gone', status: 'measured', result: run('gone', at(0)) },
        ],
        { sha: at(0) },
      );
    await branch()
      .forApp('legacy')
      .storeApp([{ key: 'Fn', status: 'measured', result: run('fn', at(0)) }], { sha: at(0) });
    // Not history (no index.json): never touched.
    stub.commitFiles(BRANCH, { 'index.html': '<!doctype html>', 'notes/readme.txt': 'kept' });
  }

  const configured = keepSet({ whole: ['orders-api'], appFunctions: new Map([['shop', ['Orders']]]) }, []);

  it('a dry run lists the folders of unconfigured keys and app functions, and writes nothing', async () => {
    await seed();
    const before = stub.refSha(BRANCH);
    const commits = commitsPosted();
    const outcome = await branch().prune(configured, true);
    expect(outcome.commitSha).toBeNull();
    expect(outcome.plan.remove.map((folder) => [folder.folder, folder.runs])).toEqual([
      ['old-api', 2],
      ['legacy', 1],
      ['shop/Gone', 1],
    ]);
    expect(outcome.plan.kept).toEqual(['orders-api', 'shop/Orders']);
    expect(stub.refSha(BRANCH)).toBe(before);
    expect(commitsPosted()).toBe(commits);
  });

  it('removes them in one commit, keeping prune-keep and everything that is not history', async () => {
    await seed();
    const commits = commitsPosted();
    const outcome = await branch().prune(
      keepSet({ whole: ['orders-api'], appFunctions: new Map([['shop', ['Orders']]]) }, ['legacy']),
      false,
    );
    expect(outcome.commitSha).toBe(stub.refSha(BRANCH));
    expect(commitsPosted()).toBe(commits + 1);
    expect(outcome.plan.remove.map((folder) => folder.folder)).toEqual(['old-api', 'shop/Gone']);
    expect(stub.listFiles(BRANCH)).toEqual([
      'README.md',
      'index.html',
      'legacy/Fn/index.json',
      `legacy/Fn/runs/${at(0)}.json`,
      'notes/readme.txt',
      'orders-api/index.json',
      `orders-api/runs/${at(0)}.json`,
      'shop/Orders/index.json',
      `shop/Orders/runs/${at(0)}.json`,
    ]);
  });

  it('redoes the prune from the new tip when another run moves the branch, removing what that run added too', async () => {
    await seed();
    let moved = 0;
    stub.beforeRefUpdate = () => {
      if (moved++ === 0) stub.commitFiles(BRANCH, { 'old-api/runs/extra.json': '{}' });
    };
    const outcome = await branch().prune(configured, false);
    expect(outcome.attempts).toBe(2);
    expect(stub.listFiles(BRANCH).filter((path) => path.startsWith('old-api/'))).toEqual([]);
  });

  it('does nothing on a branch that does not exist', async () => {
    const outcome = await branch().prune(configured, false);
    expect(outcome).toEqual({ plan: { remove: [], kept: [] }, commitSha: null, attempts: 1 });
  });
});
