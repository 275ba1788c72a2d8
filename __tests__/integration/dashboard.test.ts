// The dashboard's write through the real Octokit against the GitHub REST stand-in: index.html lands on the data
// branch or on dashboard-branch, drawn from every key's (and app function's) stored runs, and a race is redone.

import { getOctokit } from '@actions/github';
import { writeDashboard, type DashboardDeps } from '../../src/action/dashboard.js';
import { DataBranch } from '../../src/gate/databranch.js';
import { startGitHubApiStub, type GitHubApiStub } from '../../emulator/github/api.js';
import { expectNoContractViolations } from '../helpers/github.js';
import { makeRun, repeat } from '../helpers/run-fixture.js';

const DATA = 'lambda-power-gate-data';
const C = [1, 2, 3, 4].map((n) => `${n}`.repeat(40));

let stub: GitHubApiStub;
beforeEach(async () => {
  stub = await startGitHubApiStub({ owner: 'acme', repo: 'shop' });
});
afterEach(async () => {
  await stub.close();
  expectNoContractViolations(stub);
});

const octokit = () => getOctokit('test-token', { baseUrl: stub.url });
const deps = (): DashboardDeps => ({
  octokit: octokit(),
  owner: 'acme',
  repo: 'shop',
  serverUrl: 'https://github.com',
  clock: () => new Date('2026-03-10T00:00:00Z'),
  sleep: async () => {},
  random: () => 0.5,
});
const history = () =>
  new DataBranch({ octokit: octokit(), owner: 'acme', repo: 'shop', branch: DATA, historyLimit: 20 });

const run = (commit: string, name = 'orders-api', durationMs = 100) =>
  makeRun({
    configuredMb: 1024,
    functionName: name,
    sha: commit,
    powerValues: [{ memoryMb: 1024, durationsMs: repeat(durationMs, 5), coldFirst: true }],
  });

const circles = (html: string, metric: string) => {
  const start = html.indexOf(`<figure data-metric="${metric}"`);
  return (html.slice(start, html.indexOf('</figure>', start)).match(/<circle class="pt/g) ?? []).length;
};

async function seed(): Promise<void> {
  for (const commit of C.slice(0, 3)) await history().save('orders-api', run(commit), { sha: commit });
  await history()
    .forApp('shop')
    .storeApp(
      [
        { key: 'Checkout', status: 'measured', result: run(C[3] as string, 'shop-Checkout-X1') },
        { key: 'Search', status: 'measured', result: run(C[3] as string, 'shop-Search-X2') },
      ] as never,
      { sha: C[3] as string },
    );
}

describe('writeDashboard', () => {
  it('writes index.html on the data branch with every key and app function, one point per stored run', async () => {
    await seed();
    const before = stub.listFiles(DATA);
    const requestsBefore = stub.requests.length;
    const written = await writeDashboard(deps(), {
      dataBranch: DATA,
      targetBranch: DATA,
      confidence: 0.95,
      minDurationChangeMs: 1,
    });
    expect(written).toMatchObject({ branch: DATA, keys: 3, runs: 5, attempts: 1 });
    expect(stub.listFiles(DATA)).toEqual([...before, 'index.html'].sort());
    const html = stub.readFile(DATA, 'index.html') ?? '';
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    expect(html).toContain('data-key="orders-api"');
    expect(html).toContain('data-key="shop/Checkout"');
    expect(html).toContain('data-key="shop/Search"');
    expect(circles(html, 'duration')).toBe(3); // the first section is orders-api's
    expect((html.match(/<circle class="pt/g) ?? []).length).toBe(5 * 4);
    // The bound stated in src/action/dashboard.ts: 3 tip reads, 3 indexes, 5 runs, 3 target tip reads, 4 writes.
    expect(stub.requests.length - requestsBefore).toBe(3 + 3 + 5 + 3 + 4);
  });

  it('writes to dashboard-branch, creating it, and leaves the data branch alone', async () => {
    await seed();
    const dataTip = stub.refSha(DATA);
    await writeDashboard(deps(), {
      dataBranch: DATA,
      targetBranch: 'gh-pages',
      confidence: 0.95,
      minDurationChangeMs: 1,
    });
    expect(stub.refSha(DATA)).toBe(dataTip);
    expect(stub.listFiles('gh-pages')).toEqual(['index.html']);
    // A second push replaces the page in one more commit on top of the first.
    await history().save('orders-api', run(C[3] as string), { sha: C[3] as string });
    const first = stub.refSha('gh-pages');
    await writeDashboard(deps(), {
      dataBranch: DATA,
      targetBranch: 'gh-pages',
      confidence: 0.95,
      minDurationChangeMs: 1,
    });
    expect(stub.refSha('gh-pages')).not.toBe(first);
    expect(circles(stub.readFile('gh-pages', 'index.html') ?? '', 'cost')).toBe(4);
  });

  it('redoes the write from a fresh tip when another run moved the branch, keeping its files', async () => {
    await seed();
    let moved = false;
    stub.beforeRefUpdate = (branch) => {
      if (branch !== DATA || moved) return;
      moved = true;
      stub.commitFiles(DATA, { 'other.txt': 'written by another run\n' });
    };
    const written = await writeDashboard(deps(), {
      dataBranch: DATA,
      targetBranch: DATA,
      confidence: 0.95,
      minDurationChangeMs: 1,
    });
    expect(written.attempts).toBe(2);
    expect(stub.readFile(DATA, 'other.txt')).toBe('written by another run\n');
    expect(stub.readFile(DATA, 'index.html')).toContain('data-key="orders-api"');
  });

  it('draws an empty page when the data branch does not exist yet', async () => {
    const written = await writeDashboard(deps(), {
      dataBranch: DATA,
      targetBranch: 'gh-pages',
      confidence: 0.95,
      minDurationChangeMs: 1,
    });
    expect(written.keys).toBe(0);
    expect(stub.readFile('gh-pages', 'index.html')).toContain('No stored runs yet');
  });
});
