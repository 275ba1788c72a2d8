// The data branch through the real Octokit (@actions/github getOctokit) against the local GitHub REST stand-in.

import { getOctokit } from '@actions/github';
import { loadBaseline } from '../../src/gate/baseline.js';
import { DataBranch } from '../../src/gate/databranch.js';
import type { HistoryIndex } from '../../src/gate/databranch-index.js';
import { gateSettings } from '../helpers/settings.js';
import { startGitHubApiStub, type GitHubApiStub } from '../../emulator/github/api.js';
import { expectNoContractViolations } from '../helpers/github.js';
import { makeRun, repeat } from '../helpers/run-fixture.js';

const BRANCH = 'lambda-power-gate-data';
const C = [1, 2, 3, 4, 5, 6].map((n) => `${n}`.repeat(40));

let stub: GitHubApiStub;
beforeEach(async () => {
  stub = await startGitHubApiStub();
  // main: C1 ← C2 ← … ← C6, an hour apart.
  stub.addHistory(C.map((commit, index) => ({ sha: commit, date: `2026-03-0${index + 1}T10:00:00Z` })));
});
afterEach(async () => {
  await stub.close();
  expectNoContractViolations(stub);
});

function branch(historyLimit = 20, trendRuns = 0): DataBranch {
  return new DataBranch({
    trendRuns,
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

const run = (commit: string, durationMs = 100) =>
  makeRun({
    configuredMb: 1024,
    sha: commit,
    powerValues: [{ memoryMb: 1024, durationsMs: repeat(durationMs, 5) }],
    runId: `run-${commit}-${durationMs}`,
  });

function index(key = 'orders-api'): HistoryIndex {
  return JSON.parse(stub.readFile(BRANCH, `${key}/index.json`) ?? 'null') as HistoryIndex;
}

describe('DataBranch', () => {
  it('says there is no baseline before the branch exists', async () => {
    const found = await branch().find('orders-api', { sha: C[2] });
    expect(found).toEqual({
      baseline: null,
      note: 'the data branch lambda-power-gate-data does not exist yet; the first push to the default branch creates it',
    });
  });

  it('creates the branch on the first save and reads the entry back for the same commit', async () => {
    const saved = await branch().save('orders-api', run(C[0] as string), {
      sha: C[0] as string,
      ref: 'refs/heads/main',
      committedAt: '2026-03-01T10:00:00Z',
    });
    expect(saved).toEqual({
      commitSha: stub.refSha(BRANCH),
      path: `orders-api/runs/${C[0]}.json`,
      attempts: 1,
      kept: 1,
      dropped: [],
    });
    expect(stub.listFiles(BRANCH)).toEqual(['README.md', 'orders-api/index.json', `orders-api/runs/${C[0]}.json`]);
    expect(index().entries).toEqual([
      {
        sha: C[0],
        ref: 'refs/heads/main',
        committedAt: '2026-03-01T10:00:00Z',
        storedAt: '2026-03-10T00:00:00.000Z',
        path: `orders-api/runs/${C[0]}.json`,
        toolVersion: '0.0.0-test',
        recommendedMemoryMb: 1024,
      },
    ]);
    // The token went to the API.
    expect(stub.requests.every((request) => request.authorization === 'token test-token')).toBe(true);

    const found = await branch().find('orders-api', { sha: C[0], label: 'the PR base' });
    expect(found.baseline?.description).toBe('data branch lambda-power-gate-data entry for 1111111 (the PR base)');
    expect(found.baseline?.result).toEqual(run(C[0] as string));
  });

  it('without an entry for the base, uses the nearest stored ancestor and says how far back', async () => {
    const data = branch();
    await data.save('orders-api', run(C[0] as string, 100), { sha: C[0] as string });
    await data.save('orders-api', run(C[2] as string, 110), { sha: C[2] as string });
    const found = await data.find('orders-api', { sha: C[4] });
    expect(found.baseline?.description).toBe(
      'data branch lambda-power-gate-data entry for 3333333 (the nearest stored ancestor of the base 5555555, 2 commits earlier)',
    );
    expect(found.baseline?.result.git?.sha).toBe(C[2]);
    const older = await data.find('orders-api', { sha: C[1] });
    expect(older.baseline?.result.git?.sha).toBe(C[0]);
  });

  it('never picks a newer commit that is not an ancestor (commit order, not timestamps)', async () => {
    // X branches off C1 and is committed after C3; a PR based on C3 must still compare with C1.
    const x = 'f'.repeat(40);
    stub.addHistory([{ sha: x, date: '2026-03-03T12:00:00Z', parents: [C[0] as string] }]);
    const data = branch();
    await data.save('orders-api', run(C[0] as string), { sha: C[0] as string, committedAt: '2026-03-01T10:00:00Z' });
    await data.save('orders-api', run(x), { sha: x, committedAt: '2026-03-03T12:00:00Z' });
    const found = await data.find('orders-api', { sha: C[2] });
    expect(found.baseline?.result.git?.sha).toBe(C[0]);
  });

  it('falls back to commit times when the history cannot be listed, and says the ancestry was not checked', async () => {
    const data = branch();
    await data.save('orders-api', run(C[0] as string), { sha: C[0] as string, committedAt: '2026-03-01T10:00:00Z' });
    await data.save('orders-api', run(C[5] as string), { sha: C[5] as string, committedAt: '2026-03-06T10:00:00Z' });
    stub.failNext({ method: 'GET', path: /\/commits$/ }, 500);
    const found = await data.find('orders-api', { sha: C[3] });
    expect(found.baseline?.result.git?.sha).toBe(C[0]);
    expect(found.baseline?.description).toMatch(
      /the newest entry committed before the base 4444444; its ancestry was not checked/,
    );
  });

  it('reads the trend: the chosen entry and the runs stored before it, oldest first, in few requests', async () => {
    for (const commit of C) await branch().save('orders-api', run(commit), { sha: commit });
    const before = stub.requests.length;
    // The PR's base is C5: C6 was stored after it and is not in its history.
    const found = await branch(20, 3).find('orders-api', { sha: C[4] });
    expect(found.baseline?.trend?.map((entry) => entry.sha)).toEqual([C[2], C[3], C[4]]);
    expect(found.baseline?.trend?.[2]?.result.git?.sha).toBe(C[4]);
    const requests = stub.requests.slice(before).map((request) => `${request.method} ${request.path.split('?')[0]}`);
    // ref, commit, tree, the index, then one blob per stored run read (the chosen one and its 5 neighbours for the
    // noise estimate); the trend's runs are among them, so it costs no request of its own.
    expect(requests.filter((request) => request.includes('/git/blobs/'))).toHaveLength(1 + 1 + 5);
    expect(requests).toHaveLength(3 + 1 + 1 + 5);
  });

  it('reads no trend with trend-runs off', async () => {
    for (const commit of C.slice(0, 3)) await branch().save('orders-api', run(commit), { sha: commit });
    const found = await branch(20, 0).find('orders-api', { sha: C[2] });
    expect(found.baseline?.trend).toBeUndefined();
  });

  it('keeps the last history-limit runs and deletes the rest', async () => {
    const data = branch(2);
    for (const commit of C.slice(0, 3)) await data.save('orders-api', run(commit), { sha: commit });
    expect(index().entries.map((entry) => entry.sha)).toEqual([C[2], C[1]]);
    expect(stub.listFiles(BRANCH)).toEqual([
      'README.md',
      'orders-api/index.json',
      `orders-api/runs/${C[1]}.json`,
      `orders-api/runs/${C[2]}.json`,
    ]);
  });

  it('replaces the entry of a commit measured again', async () => {
    const data = branch();
    await data.save('orders-api', run(C[0] as string, 100), { sha: C[0] as string });
    await data.save('orders-api', run(C[0] as string, 120), { sha: C[0] as string });
    expect(index().entries).toHaveLength(1);
    const found = await data.find('orders-api', { sha: C[0] });
    expect(found.baseline?.result.powerValues[0]?.samples[0]?.durationMs).toBe(120);
  });

  it('retries when another run moves the branch between its read and its write, keeping both entries', async () => {
    const data = branch();
    await data.save('orders-api', run(C[0] as string), { sha: C[0] as string });
    let moved = 0;
    stub.beforeRefUpdate = () => {
      if (moved++ === 0)
        stub.commitFiles(BRANCH, {
          'payments-api/index.json': '{"schemaVersion":1,"key":"payments-api","entries":[]}',
        });
    };
    const saved = await data.save('orders-api', run(C[1] as string), { sha: C[1] as string });
    expect(saved.attempts).toBe(2);
    const refused = stub.requests.filter((request) => request.method === 'PATCH' && request.status === 422);
    expect(refused).toHaveLength(1);
    // The other writer's file survived, and our entry is on top of its commit.
    expect(stub.listFiles(BRANCH)).toContain('payments-api/index.json');
    expect(index().entries.map((entry) => entry.sha)).toEqual([C[1], C[0]]);
  });

  it('retries a 409 conflict on the ref update', async () => {
    const data = branch();
    await data.save('orders-api', run(C[0] as string), { sha: C[0] as string });
    stub.failNext({ method: 'PATCH', path: /\/git\/refs\/heads\// }, 409, 2);
    const saved = await data.save('orders-api', run(C[1] as string), { sha: C[1] as string });
    expect(saved.attempts).toBe(3);
  });

  it('retries when two first runs race to create the branch', async () => {
    const data = branch();
    stub.failNext({ method: 'POST', path: /\/git\/refs$/ }, 422, 1, { message: 'Reference already exists' });
    const saved = await data.save('orders-api', run(C[0] as string), { sha: C[0] as string });
    expect(saved.attempts).toBe(2);
  });

  it('gives up on errors that are not conflicts', async () => {
    stub.failNext({ method: 'POST', path: /\/git\/blobs$/ }, 403, 1, {
      message: 'Resource not accessible by integration',
    });
    await expect(branch().save('orders-api', run(C[0] as string), { sha: C[0] as string })).rejects.toThrow(
      /Resource not accessible by integration/,
    );
  });
});

describe('loadBaseline from the data branch', () => {
  const gate = gateSettings({ baselineSource: 'branch', baselineBranch: BRANCH });
  const readFile = () => {
    throw new Error('not used');
  };

  it('reports a first run as no baseline, with the reason', async () => {
    const plan = await loadBaseline(gate, { readFile, history: branch(), target: { sha: C[1] } });
    expect(plan).toEqual({
      source: 'branch',
      baseline: null,
      note: 'the data branch lambda-power-gate-data does not exist yet; the first push to the default branch creates it',
    });
  });

  it('turns an unreadable branch into a problem, not a crash', async () => {
    stub.failNext({ method: 'GET', path: /\/git\/ref\// }, 401, 1, { message: 'Bad credentials' });
    const plan = await loadBaseline(gate, { readFile, history: branch(), target: { sha: C[1] } });
    expect(plan).toEqual({
      source: 'branch',
      baseline: null,
      problem: 'the data branch lambda-power-gate-data could not be read (Bad credentials)',
    });
  });

  it('rejects a stored entry that is not a results.json', async () => {
    await branch().save('orders-api', run(C[0] as string), { sha: C[0] as string });
    stub.commitFiles(BRANCH, { [`orders-api/runs/${C[0]}.json`]: '{"schemaVersion": 2}' });
    const plan = await loadBaseline(gate, { readFile, history: branch(), target: { sha: C[0] } });
    expect(plan).toEqual(
      expect.objectContaining({
        baseline: null,
        problem: expect.stringMatching(
          /has schemaVersion 2, but this version of lambda-power-gate reads schemaVersion 1/,
        ),
      }),
    );
  });
});
