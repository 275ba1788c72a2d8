import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  BRANCH_README,
  GitBranch,
  addEntry,
  appFolder,
  historyEntry,
  indexPath,
  neighbourEntries,
  newestCommittedBy,
  pathSegment,
  runPath,
  shortCommit,
  statusOf,
  trendEntries
} from "./chunk-IPQ5OUWW.js";
import "./chunk-LBJAIOSE.js";
import {
  parseRunResult
} from "./chunk-JMCE2JBC.js";
import "./chunk-ISPMOH3G.js";
import {
  prunePlan
} from "./chunk-BK3AJGIF.js";
import "./chunk-7WMIMWEW.js";
import "./chunk-ZS2HFFQI.js";
import "./chunk-F67DHOCG.js";
import "./chunk-TM45P2KR.js";
import {
  realSleep
} from "./chunk-FTQIWBND.js";
import "./chunk-URRKCZFK.js";

// src/gate/databranch-app.ts
function appHistory(history, appKey) {
  pathSegment(appKey, "app key");
  return {
    branch: history.branch,
    appKey,
    find: async (functionKey, target) => history.find(appFolder(appKey, functionKey), target),
    save: async (functionKey, result, commit) => history.save(appFolder(appKey, functionKey), result, commit),
    storeApp: async (runs, commit) => storeApp(history, appKey, runs, commit)
  };
}
async function storeApp(history, appKey, runs, commit) {
  const seen = /* @__PURE__ */ new Set();
  const toWrite = [];
  const keys = [];
  const skipped = [];
  for (const run of runs) {
    if (seen.has(run.key)) throw new Error(`the function key ${JSON.stringify(run.key)} is given twice`);
    seen.add(run.key);
    const folder = appFolder(appKey, run.key);
    const why = run.status === "failed" ? "it failed" : !run.result ? "it has no figures" : run.result.dryRun || !run.result.powerValues.some((entry) => entry.status === "ok") ? "it measured nothing to compare with" : void 0;
    if (why || !run.result) {
      skipped.push({ key: run.key, why: why ?? "it has no figures" });
      continue;
    }
    toWrite.push({ folder, result: run.result, carried: run.status === "unchanged" });
    keys.push(run.key);
  }
  if (toWrite.length === 0) return { commitSha: null, attempts: 0, stored: [], skipped };
  const written = await history.write(
    toWrite,
    commit,
    `lambda-power-gate: ${appKey} (${toWrite.length} function${toWrite.length === 1 ? "" : "s"}) at ${shortCommit(commit.sha)}`
  );
  return {
    commitSha: written.commitSha,
    attempts: written.attempts,
    stored: written.stored.map((item, index) => ({
      key: keys[index] ?? item.folder,
      path: item.path,
      kept: item.kept,
      dropped: item.dropped,
      carried: toWrite[index]?.carried ?? false
    })),
    skipped
  };
}

// src/gate/databranch-prune.ts
function pruneBranch(git, keep, dryRun) {
  return git.redoOnConflict("pruning", async (attempt) => {
    const tip = await git.readTip();
    if (!tip) return { plan: { remove: [], kept: [] }, commitSha: null, attempts: attempt };
    const plan = prunePlan([...tip.files.keys()], keep);
    if (dryRun || plan.remove.length === 0) return { plan, commitSha: null, attempts: attempt };
    const commitSha = await git.commit(
      tip,
      plan.remove.flatMap(
        (folder) => folder.files.map((path) => ({ path, mode: "100644", type: "blob", sha: null }))
      ),
      `lambda-power-gate: prune ${plan.remove.map((folder) => folder.folder).join(", ")}`.slice(0, 1e3)
    );
    return { plan, commitSha, attempts: attempt };
  });
}

// src/gate/databranch.ts
var HISTORY_PAGES = 3;
var DataBranch = class {
  constructor(options) {
    this.options = options;
    this.branch = options.branch;
    this.git = new GitBranch({
      octokit: options.octokit,
      owner: options.owner,
      repo: options.repo,
      branch: options.branch,
      logger: options.logger,
      sleep: options.sleep ?? realSleep,
      random: options.random ?? Math.random
    });
    this.clock = options.clock ?? (() => /* @__PURE__ */ new Date());
  }
  options;
  branch;
  git;
  clock;
  find(key, target) {
    return this.findIn(key, target);
  }
  save(key, result, commit) {
    return this.saveIn(key, result, commit);
  }
  forApp(appKey) {
    return appHistory(
      {
        branch: this.branch,
        find: (folder, target) => this.findIn(folder, target),
        save: (folder, result, commit) => this.saveIn(folder, result, commit),
        write: (runs, commit, message) => this.write(runs, commit, message)
      },
      appKey
    );
  }
  /** mode prune: the folders the keep set does not name, deleted in one commit unless dryRun (databranch-prune.ts). */
  prune(keep, dryRun) {
    return pruneBranch(this.git, keep, dryRun);
  }
  async findIn(key, target) {
    const tip = await this.git.readTip();
    if (!tip)
      return {
        baseline: null,
        note: `the data branch ${this.branch} does not exist yet; the first push to the default branch creates it`
      };
    const index = await this.git.readIndex(tip, key);
    if (!index || index.entries.length === 0)
      return { baseline: null, note: `the data branch ${this.branch} has no entry for ${key} yet` };
    const chosen = await this.choose(index.entries, target);
    if (!chosen) {
      return {
        baseline: null,
        note: `the data branch ${this.branch} has no entry for ${key} at or before ${shortCommit(target.sha)}`
      };
    }
    const blob = tip.files.get(chosen.entry.path);
    if (!blob) throw new Error(`${chosen.entry.path} is listed in ${key}/index.json but missing from ${this.branch}`);
    const text = await this.git.readBlob(blob);
    const result = parseRunResult(text, (problem) => new Error(`${this.branch}:${chosen.entry.path} ${problem}`));
    const history = [result, ...await this.neighbours(tip, index.entries, chosen.entry)];
    const trend = await this.trend(tip, index.entries, chosen.entry);
    return {
      baseline: {
        result,
        description: `data branch ${this.branch} entry for ${shortCommit(chosen.entry.sha)} (${chosen.why})`,
        history,
        ...trend.length > 0 ? { trend } : {}
      },
      note: chosen.why
    };
  }
  /**
   * The stored runs closest to the chosen entry (databranch-index.ts neighbourEntries), for the run-to-run noise
   * estimate. A run that cannot be read is left out, not an error.
   */
  async neighbours(tip, entries, chosen) {
    const runs = await Promise.all(
      neighbourEntries(entries, chosen).map(async (entry) => {
        const blob = tip.files.get(entry.path);
        if (!blob) return null;
        try {
          return parseRunResult(await this.git.readBlob(blob), (problem) => new Error(problem));
        } catch (error) {
          this.options.logger?.debug(
            `Skipping ${entry.path} for the noise estimate: ${error instanceof Error ? error.message : String(error)}`
          );
          return null;
        }
      })
    );
    return runs.filter((run) => run !== null);
  }
  /**
   * The chosen entry and the trend-runs − 1 stored before it, oldest first (databranch-index.ts trendEntries). Costs
   * one blob request per run not already read for the noise estimate (the blob cache): with the defaults (10 and
   * 10) usually none. A run that cannot be read is left out, not an error: the trend is a picture, not the gate.
   */
  async trend(tip, entries, chosen) {
    const wanted = trendEntries(entries, chosen, this.options.trendRuns ?? 0);
    const runs = await Promise.all(
      wanted.map(async (entry) => {
        const blob = tip.files.get(entry.path);
        if (!blob) return null;
        try {
          const result = parseRunResult(await this.git.readBlob(blob), (problem) => new Error(problem));
          return {
            sha: entry.sha,
            ...entry.carriedFrom !== void 0 ? { carriedFrom: entry.carriedFrom } : {},
            ...entry.committedAt ? { committedAt: entry.committedAt } : {},
            result
          };
        } catch (error) {
          this.options.logger?.debug(
            `Skipping ${entry.path} for the trend: ${error instanceof Error ? error.message : String(error)}`
          );
          return null;
        }
      })
    );
    return runs.filter((run) => run !== null);
  }
  async saveIn(folder, result, commit) {
    const written = await this.write(
      [{ folder, result, carried: false }],
      commit,
      `lambda-power-gate: ${folder} at ${shortCommit(commit.sha)}`
    );
    const [only] = written.stored;
    return {
      commitSha: written.commitSha,
      path: only?.path ?? runPath(folder, commit.sha),
      attempts: written.attempts,
      kept: only?.kept ?? 0,
      dropped: only?.dropped ?? []
    };
  }
  /**
   * Writes runs (one folder each) in one commit on the tip, redoing it from a fresh tip when another run moved the
   * branch. The run blobs do not depend on the tip, so a redo reuses them; the indexes are rebuilt each time.
   */
  async write(runs, commit, message) {
    const runBlobs = /* @__PURE__ */ new Map();
    return this.git.redoOnConflict("writing", async (attempt) => {
      const tip = await this.git.readTip();
      const tree = [];
      const stored = [];
      for (const run of runs) {
        const runFile = runPath(run.folder, commit.sha);
        const previous = tip ? await this.git.readIndex(tip, run.folder) : null;
        const entry = historyEntry(commit, run.result, runFile, this.clock(), run.carried);
        const { index, dropped } = addEntry(previous, run.folder, entry, this.options.historyLimit);
        const deletions = dropped.filter((path) => tip?.files.has(path));
        let runBlob = runBlobs.get(runFile);
        if (!runBlob) {
          runBlob = await this.git.createBlob(JSON.stringify(run.result, null, 2) + "\n");
          runBlobs.set(runFile, runBlob);
        }
        tree.push(
          { path: runFile, mode: "100644", type: "blob", sha: runBlob },
          {
            path: indexPath(run.folder),
            mode: "100644",
            type: "blob",
            content: JSON.stringify(index, null, 2) + "\n"
          },
          ...deletions.map((path) => ({ path, mode: "100644", type: "blob", sha: null }))
        );
        stored.push({ folder: run.folder, path: runFile, kept: index.entries.length, dropped: deletions });
      }
      if (!tip) tree.push({ path: "README.md", mode: "100644", type: "blob", content: BRANCH_README });
      const commitSha = await this.git.commit(tip, tree, message);
      return { commitSha, attempts: attempt, stored };
    });
  }
  // -------------------------------------------------------------------------------------------------------
  // Which stored entry a PR compares with (the header)
  async choose(entries, target) {
    const newest = entries[0];
    if (!target.sha) return newest ? { entry: newest, why: "the newest entry; the base commit is not known" } : null;
    const exact = entries.find((entry) => entry.sha === target.sha);
    if (exact) return { entry: exact, why: target.label ?? "the base commit" };
    const bySha = new Map(entries.map((entry) => [entry.sha, entry]));
    try {
      for (let page = 1; page <= HISTORY_PAGES; page++) {
        const { data } = await this.options.octokit.rest.repos.listCommits({
          owner: this.options.owner,
          repo: this.options.repo,
          sha: target.sha,
          per_page: 100,
          page
        });
        for (const [position, commit] of data.entries()) {
          const entry = bySha.get(commit.sha);
          if (entry) {
            const behind = (page - 1) * 100 + position;
            return {
              entry,
              why: `the nearest stored ancestor of the base ${shortCommit(target.sha)}, ${behind} commit${behind === 1 ? "" : "s"} earlier`
            };
          }
        }
        if (data.length < 100) break;
      }
    } catch (error) {
      this.options.logger?.warning(
        `Could not list the history of ${shortCommit(target.sha)} (${statusOf(error)}); choosing the baseline by commit time instead`
      );
    }
    const baseTime = await this.commitTime(target.sha);
    if (baseTime === void 0) return null;
    const earlier = newestCommittedBy(entries, baseTime);
    return earlier ? {
      entry: earlier,
      why: `the newest entry committed before the base ${shortCommit(target.sha)}; its ancestry was not checked`
    } : null;
  }
  async commitTime(sha) {
    try {
      const { data } = await this.options.octokit.rest.repos.getCommit({
        owner: this.options.owner,
        repo: this.options.repo,
        ref: sha
      });
      const date = data.commit.committer?.date ?? data.commit.author?.date;
      return date ? Date.parse(date) : void 0;
    } catch {
      return void 0;
    }
  }
};
export {
  DataBranch
};
