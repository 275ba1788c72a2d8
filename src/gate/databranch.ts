// The baseline history on a data branch (e.g. lambda-power-gate-data), read and written through the GitHub REST
// API's git data endpoints: no checkout, no git binary, and the same code on every runner. The branch's layout and
// its index are databranch-index.ts's; its git data I/O databranch-git.ts's.
//
// Which entry a PR compares with: the one for its base commit; else the nearest earlier one in commit order.
// Commit order comes from the repository's history (GET /repos/{o}/{r}/commits?sha=<base>: the base's ancestors,
// newest first, one request per 100 commits), so a stored commit counts only if it is an ancestor of the base.
// Commit timestamps lie for this purpose (rebases keep old author dates, clocks skew, a merged long-lived branch
// brings old commits), so they are only the fallback when the history cannot be listed or reaches no stored
// entry within HISTORY_PAGES pages: then the newest entry committed no later than the base commit is used, and the
// description says the ancestry was not checked.
//
// Writes: blobs → tree (on the tip's tree; dropped entries deleted with sha null) → commit → fast-forward ref
// update (databranch-git.ts); a write another run raced is redone from a fresh read of the tip, merging the other
// run's entries. An app's run is one commit for all its functions (storeApp, databranch-app.ts): one blob per stored
// run (reused when the write is redone), the small index files inline in the one create-tree request ("content: …
// GitHub will write this blob out and use that SHA for this entry", REST git/create-tree). Fewer writes matter:
// GitHub's secondary rate limit allows "no more than 80 content-generating requests per minute" (docs.github.com,
// Rate limits for the REST API), and a blob per index would double a 40-function app's requests. mode prune:
// databranch-prune.ts.

import type { RunResult } from '../types.js';
import type { Sleep } from '../lib/ports.js';
import type { StoredRun } from './change-points.js';
import type { KeepSet, PrunePlan } from './prune.js';
import { realSleep } from '../lib/ports.js';
import {
  parseRunResult,
  type AppHistory,
  type BaselineHistory,
  type BaselineTarget,
  type CommitInfo,
  type LoadedBaseline,
  type SaveOutcome,
} from './baseline.js';
import { appHistory, type RunToWrite, type WrittenRun } from './databranch-app.js';
import { GitBranch, statusOf, type Octokit, type Tip, type TreeEntry } from './databranch-git.js';
import { pruneBranch } from './databranch-prune.js';
import {
  addEntry,
  BRANCH_README,
  historyEntry,
  indexPath,
  neighbourEntries,
  newestCommittedBy,
  runPath,
  shortCommit,
  trendEntries,
  type HistoryEntry,
} from './databranch-index.js';

/** Pages of 100 commits searched for the nearest stored ancestor before falling back to timestamps. */
const HISTORY_PAGES = 3;

export interface DataBranchOptions {
  octokit: Octokit;
  owner: string;
  repo: string;
  branch: string;
  historyLimit: number;
  /** Stored runs read for the comment's trend (trend-runs; 0: none). */
  trendRuns?: number;
  logger?: { info(message: string): void; warning(message: string): void; debug(message: string): void };
  sleep?: Sleep;
  random?: () => number;
  clock?: () => Date;
}

export class DataBranch implements BaselineHistory {
  readonly branch: string;
  private readonly git: GitBranch;
  private readonly clock: () => Date;

  constructor(private readonly options: DataBranchOptions) {
    this.branch = options.branch;
    this.git = new GitBranch({
      octokit: options.octokit,
      owner: options.owner,
      repo: options.repo,
      branch: options.branch,
      logger: options.logger,
      sleep: options.sleep ?? realSleep,
      random: options.random ?? Math.random,
    });
    this.clock = options.clock ?? (() => new Date());
  }

  find(key: string, target: BaselineTarget): Promise<{ baseline: LoadedBaseline | null; note: string }> {
    return this.findIn(key, target);
  }

  save(key: string, result: RunResult, commit: CommitInfo): Promise<SaveOutcome> {
    return this.saveIn(key, result, commit);
  }

  forApp(appKey: string): AppHistory {
    return appHistory(
      {
        branch: this.branch,
        find: (folder, target) => this.findIn(folder, target),
        save: (folder, result, commit) => this.saveIn(folder, result, commit),
        write: (runs, commit, message) => this.write(runs, commit, message),
      },
      appKey,
    );
  }

  /** mode prune: the folders the keep set does not name, deleted in one commit unless dryRun (databranch-prune.ts). */
  prune(keep: KeepSet, dryRun: boolean): Promise<{ plan: PrunePlan; commitSha: string | null; attempts: number }> {
    return pruneBranch(this.git, keep, dryRun);
  }

  private async findIn(
    key: string,
    target: BaselineTarget,
  ): Promise<{ baseline: LoadedBaseline | null; note: string }> {
    const tip = await this.git.readTip();
    if (!tip)
      return {
        baseline: null,
        note: `the data branch ${this.branch} does not exist yet; the first push to the default branch creates it`,
      };
    const index = await this.git.readIndex(tip, key);
    if (!index || index.entries.length === 0)
      return { baseline: null, note: `the data branch ${this.branch} has no entry for ${key} yet` };
    const chosen = await this.choose(index.entries, target);
    if (!chosen) {
      return {
        baseline: null,
        note: `the data branch ${this.branch} has no entry for ${key} at or before ${shortCommit(target.sha)}`,
      };
    }
    const blob = tip.files.get(chosen.entry.path);
    if (!blob) throw new Error(`${chosen.entry.path} is listed in ${key}/index.json but missing from ${this.branch}`);
    const text = await this.git.readBlob(blob);
    const result = parseRunResult(text, (problem) => new Error(`${this.branch}:${chosen.entry.path} ${problem}`));
    const history = [result, ...(await this.neighbours(tip, index.entries, chosen.entry))];
    const trend = await this.trend(tip, index.entries, chosen.entry);
    return {
      baseline: {
        result,
        description: `data branch ${this.branch} entry for ${shortCommit(chosen.entry.sha)} (${chosen.why})`,
        history,
        ...(trend.length > 0 ? { trend } : {}),
      },
      note: chosen.why,
    };
  }

  /**
   * The stored runs closest to the chosen entry (databranch-index.ts neighbourEntries), for the run-to-run noise
   * estimate. A run that cannot be read is left out, not an error.
   */
  private async neighbours(tip: Tip, entries: HistoryEntry[], chosen: HistoryEntry): Promise<RunResult[]> {
    const runs = await Promise.all(
      neighbourEntries(entries, chosen).map(async (entry) => {
        const blob = tip.files.get(entry.path);
        if (!blob) return null;
        try {
          return parseRunResult(await this.git.readBlob(blob), (problem) => new Error(problem));
        } catch (error) {
          this.options.logger?.debug(
            `Skipping ${entry.path} for the noise estimate: ${error instanceof Error ? error.message : String(error)}`,
          );
          return null;
        }
      }),
    );
    return runs.filter((run): run is RunResult => run !== null);
  }

  /**
   * The chosen entry and the trend-runs − 1 stored before it, oldest first (databranch-index.ts trendEntries). Costs
   * one blob request per run not already read for the noise estimate (the blob cache): with the defaults (10 and
   * 10) usually none. A run that cannot be read is left out, not an error: the trend is a picture, not the gate.
   */
  private async trend(tip: Tip, entries: HistoryEntry[], chosen: HistoryEntry): Promise<StoredRun[]> {
    const wanted = trendEntries(entries, chosen, this.options.trendRuns ?? 0);
    const runs = await Promise.all(
      wanted.map(async (entry): Promise<StoredRun | null> => {
        const blob = tip.files.get(entry.path);
        if (!blob) return null;
        try {
          const result = parseRunResult(await this.git.readBlob(blob), (problem) => new Error(problem));
          return {
            sha: entry.sha,
            ...(entry.carriedFrom !== undefined ? { carriedFrom: entry.carriedFrom } : {}),
            ...(entry.committedAt ? { committedAt: entry.committedAt } : {}),
            result,
          };
        } catch (error) {
          this.options.logger?.debug(
            `Skipping ${entry.path} for the trend: ${error instanceof Error ? error.message : String(error)}`,
          );
          return null;
        }
      }),
    );
    return runs.filter((run): run is StoredRun => run !== null);
  }

  private async saveIn(folder: string, result: RunResult, commit: CommitInfo): Promise<SaveOutcome> {
    const written = await this.write(
      [{ folder, result, carried: false }],
      commit,
      `lambda-power-gate: ${folder} at ${shortCommit(commit.sha)}`,
    );
    const [only] = written.stored;
    return {
      commitSha: written.commitSha,
      path: only?.path ?? runPath(folder, commit.sha),
      attempts: written.attempts,
      kept: only?.kept ?? 0,
      dropped: only?.dropped ?? [],
    };
  }

  /**
   * Writes runs (one folder each) in one commit on the tip, redoing it from a fresh tip when another run moved the
   * branch. The run blobs do not depend on the tip, so a redo reuses them; the indexes are rebuilt each time.
   */
  private async write(
    runs: readonly RunToWrite[],
    commit: CommitInfo,
    message: string,
  ): Promise<{ commitSha: string; attempts: number; stored: WrittenRun[] }> {
    const runBlobs = new Map<string, string>();
    return this.git.redoOnConflict('writing', async (attempt) => {
      const tip = await this.git.readTip();
      const tree: TreeEntry[] = [];
      const stored: WrittenRun[] = [];
      for (const run of runs) {
        const runFile = runPath(run.folder, commit.sha);
        const previous = tip ? await this.git.readIndex(tip, run.folder) : null;
        const entry = historyEntry(commit, run.result, runFile, this.clock(), run.carried);
        const { index, dropped } = addEntry(previous, run.folder, entry, this.options.historyLimit);
        const deletions = dropped.filter((path) => tip?.files.has(path));
        let runBlob = runBlobs.get(runFile);
        if (!runBlob) {
          runBlob = await this.git.createBlob(JSON.stringify(run.result, null, 2) + '\n');
          runBlobs.set(runFile, runBlob);
        }
        tree.push(
          { path: runFile, mode: '100644', type: 'blob', sha: runBlob },
          {
            path: indexPath(run.folder),
            mode: '100644',
            type: 'blob',
            content: JSON.stringify(index, null, 2) + '\n',
          },
          ...deletions.map((path): TreeEntry => ({ path, mode: '100644', type: 'blob', sha: null })),
        );
        stored.push({ folder: run.folder, path: runFile, kept: index.entries.length, dropped: deletions });
      }
      if (!tip) tree.push({ path: 'README.md', mode: '100644', type: 'blob', content: BRANCH_README });
      const commitSha = await this.git.commit(tip, tree, message);
      return { commitSha, attempts: attempt, stored };
    });
  }

  // -------------------------------------------------------------------------------------------------------
  // Which stored entry a PR compares with (the header)

  private async choose(
    entries: HistoryEntry[],
    target: BaselineTarget,
  ): Promise<{ entry: HistoryEntry; why: string } | null> {
    const newest = entries[0];
    if (!target.sha) return newest ? { entry: newest, why: 'the newest entry; the base commit is not known' } : null;
    const exact = entries.find((entry) => entry.sha === target.sha);
    if (exact) return { entry: exact, why: target.label ?? 'the base commit' };
    const bySha = new Map(entries.map((entry) => [entry.sha, entry]));
    try {
      for (let page = 1; page <= HISTORY_PAGES; page++) {
        const { data } = await this.options.octokit.rest.repos.listCommits({
          owner: this.options.owner,
          repo: this.options.repo,
          sha: target.sha,
          per_page: 100,
          page,
        });
        for (const [position, commit] of data.entries()) {
          const entry = bySha.get(commit.sha);
          if (entry) {
            const behind = (page - 1) * 100 + position;
            return {
              entry,
              why: `the nearest stored ancestor of the base ${shortCommit(target.sha)}, ${behind} commit${behind === 1 ? '' : 's'} earlier`,
            };
          }
        }
        if (data.length < 100) break;
      }
    } catch (error) {
      this.options.logger?.warning(
        `Could not list the history of ${shortCommit(target.sha)} (${statusOf(error)}); choosing the baseline by commit time instead`,
      );
    }
    const baseTime = await this.commitTime(target.sha);
    if (baseTime === undefined) return null;
    const earlier = newestCommittedBy(entries, baseTime);
    return earlier
      ? {
          entry: earlier,
          why: `the newest entry committed before the base ${shortCommit(target.sha)}; its ancestry was not checked`,
        }
      : null;
  }

  private async commitTime(sha: string): Promise<number | undefined> {
    try {
      const { data } = await this.options.octokit.rest.repos.getCommit({
        owner: this.options.owner,
        repo: this.options.repo,
        ref: sha,
      });
      const date = data.commit.committer?.date ?? data.commit.author?.date;
      return date ? Date.parse(date) : undefined;
    } catch {
      return undefined;
    }
  }
}
