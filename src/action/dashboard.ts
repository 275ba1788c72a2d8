// dashboard: true — on a push to the default branch, after the run is stored, index.html is drawn from the data
// branch (every key's index.json and its newest runs, DASHBOARD_MAX_RUNS in all) and committed to dashboard-branch
// (the data branch itself unless given), in one more commit through the git data API (databranch-git.ts, as the
// data branch's own writes).
//
// Requests per push: 3 to read the data branch's tip and tree, 1 per key (index.json), 1 per run read (at most
// DASHBOARD_MAX_RUNS), then 3 to read the target's tip when it is another branch, and 4 to write (blob, tree,
// commit, ref update). A single function with history-limit 20: about 31. A write that loses a race (422 "not a fast
// forward", or 409) is redone from a fresh tip; only index.html is ever changed on the target branch, so a redo
// never undoes another run's write. A failure warns: the run itself measured and stored what it should.

import pLimit from 'p-limit';
import { parseRunResult } from '../gate/baseline.js';
import { GitBranch, type Octokit } from '../gate/databranch-git.js';
import { parseIndex, type HistoryIndex } from '../gate/databranch-index.js';
import { messageOf } from '../lib/errors.js';
import { realSleep, type Sleep } from '../lib/ports.js';
import { dashboardModel, readsPerKey, type KeyHistory, type StoredRun } from '../report/dashboard/model.js';
import { renderDashboard } from '../report/dashboard/render.js';
import type { Settings } from '../types.js';
import type { RunContext } from './context.js';
import { actionLog } from './log.js';

export const DASHBOARD_PATH = 'index.html';
/** Blob reads in flight: GitHub asks integrators to avoid many concurrent requests (secondary rate limits). */
const READ_CONCURRENCY = 4;

export interface DashboardDeps {
  octokit: Octokit;
  owner: string;
  repo: string;
  serverUrl: string;
  clock?: () => Date;
  sleep?: Sleep;
  random?: () => number;
  logger?: { info(message: string): void; warning(message: string): void };
}

/** The front door's call: warns instead of failing, and does nothing unless dashboard is on and this is a push. */
export async function dashboardOnDefaultBranch(
  settings: Settings,
  run: RunContext,
  env: NodeJS.ProcessEnv,
): Promise<void> {
  const { dashboard, baselineBranch, dashboardBranch } = settings.gate;
  const token = settings.report.githubToken;
  if (!dashboard || !baselineBranch || !run.defaultBranchPush || !run.repository) return;
  if (!token) {
    actionLog.warning('No dashboard written: it needs github-token (contents: write).');
    return;
  }
  const { getOctokit } = await import('@actions/github');
  try {
    const written = await writeDashboard(
      {
        octokit: getOctokit(token, env.GITHUB_API_URL ? { baseUrl: env.GITHUB_API_URL } : {}),
        owner: run.repository.owner,
        repo: run.repository.repo,
        serverUrl: env.GITHUB_SERVER_URL || 'https://github.com',
        logger: actionLog,
      },
      {
        dataBranch: baselineBranch,
        targetBranch: dashboardBranch ?? baselineBranch,
        confidence: settings.gate.confidence,
        minDurationChangeMs: settings.gate.minDurationChangeMs,
      },
    );
    actionLog.info(
      `Dashboard: ${DASHBOARD_PATH} on ${written.branch} (${written.keys} key${written.keys === 1 ? '' : 's'}, ${written.runs} runs, ${written.bytes} bytes, commit ${written.commitSha.slice(0, 7)}).`,
    );
  } catch (error) {
    actionLog.warning(
      `Could not write the dashboard to ${dashboardBranch ?? baselineBranch} (${messageOf(error)}); the run is stored. The workflow needs \`permissions: contents: write\`.`,
    );
  }
}

export interface DashboardTarget {
  dataBranch: string;
  targetBranch: string;
  /** The gate's confidence and practical floor: the change points are the trend's (gate/change-points.ts). */
  confidence: number;
  minDurationChangeMs: number;
}

export interface DashboardWritten {
  branch: string;
  commitSha: string;
  keys: number;
  runs: number;
  bytes: number;
  attempts: number;
}

export async function writeDashboard(deps: DashboardDeps, target: DashboardTarget): Promise<DashboardWritten> {
  const clock = deps.clock ?? (() => new Date());
  const histories = await readHistories(deps, target.dataBranch);
  const html = renderDashboard(
    dashboardModel(histories, {
      repository: { owner: deps.owner, repo: deps.repo, serverUrl: deps.serverUrl },
      branch: target.dataBranch,
      generatedAt: clock().toISOString(),
      confidence: target.confidence,
      minDurationChangeMs: target.minDurationChangeMs,
    }),
  );
  const written = await commitFile(deps, target.targetBranch, DASHBOARD_PATH, html, 'lambda-power-gate: dashboard');
  return {
    branch: target.targetBranch,
    ...written,
    keys: histories.filter((history) => history.runs.length > 0).length,
    runs: histories.reduce((sum, history) => sum + history.runs.length, 0),
    bytes: Buffer.byteLength(html),
  };
}

/** Every key's index and its newest runs within DASHBOARD_MAX_RUNS; a run that cannot be read is left out. */
export async function readHistories(deps: DashboardDeps, branch: string): Promise<KeyHistory[]> {
  const git = gitBranch(deps, branch);
  const tip = await git.readTip();
  if (!tip) return [];
  const indexPaths = [...tip.files.keys()].filter((path) => /^[^/]+(?:\/[^/]+)?\/index\.json$/.test(path)).sort();
  const limit = pLimit(READ_CONCURRENCY);
  const indexes = (
    await Promise.all(
      indexPaths.map((path) =>
        limit(async (): Promise<HistoryIndex | null> => {
          const key = path.slice(0, -'/index.json'.length);
          try {
            return parseIndex(await git.readBlob(tip.files.get(path) as string), key);
          } catch (error) {
            deps.logger?.warning(`Dashboard: skipping ${path} (${messageOf(error)})`);
            return null;
          }
        }),
      ),
    )
  ).filter((index): index is HistoryIndex => index !== null);
  const available = indexes.map((index) => index.entries.filter((entry) => tip.files.has(entry.path)).length);
  const reads = readsPerKey(available);
  return Promise.all(
    indexes.map(async (index, i): Promise<KeyHistory> => {
      const entries = index.entries.filter((entry) => tip.files.has(entry.path)).slice(0, reads[i] ?? 0);
      const runs = await Promise.all(
        entries.map((entry) =>
          limit(async (): Promise<StoredRun | null> => {
            try {
              const text = await git.readBlob(tip.files.get(entry.path) as string);
              const result = parseRunResult(text, (problem) => new Error(`${entry.path} ${problem}`));
              return {
                sha: entry.sha,
                ...(entry.committedAt ? { committedAt: entry.committedAt } : {}),
                carried: entry.carriedFrom !== undefined,
                result,
              };
            } catch (error) {
              deps.logger?.warning(`Dashboard: skipping ${entry.path} (${messageOf(error)})`);
              return null;
            }
          }),
        ),
      );
      return {
        key: index.key,
        runs: runs.filter((stored): stored is StoredRun => stored !== null),
        notRead: (available[i] ?? 0) - entries.length,
      };
    }),
  );
}

function gitBranch(deps: DashboardDeps, branch: string): GitBranch {
  return new GitBranch({
    octokit: deps.octokit,
    owner: deps.owner,
    repo: deps.repo,
    branch,
    logger: deps.logger,
    sleep: deps.sleep ?? realSleep,
    random: deps.random ?? Math.random,
  });
}

/** One file committed on the branch's tip (the branch created when missing), redone from a fresh tip on a race. */
async function commitFile(
  deps: DashboardDeps,
  branch: string,
  path: string,
  content: string,
  message: string,
): Promise<{ commitSha: string; attempts: number }> {
  const git = gitBranch(deps, branch);
  const blob = await git.createBlob(content);
  return git.redoOnConflict('writing the dashboard', async (attempt) => {
    const tip = await git.readTip();
    // Already there (an earlier attempt's ref update went through before its answer was lost): nothing to write.
    if (tip?.files.get(path) === blob) return { commitSha: tip.commitSha, attempts: attempt };
    const commitSha = await git.commit(tip, [{ path, mode: '100644', type: 'blob', sha: blob }], message);
    return { commitSha, attempts: attempt };
  });
}
