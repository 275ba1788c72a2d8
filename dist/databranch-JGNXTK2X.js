import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  BRANCH_README,
  addEntry,
  appFolder,
  historyEntry,
  indexPath,
  neighbourEntries,
  newestCommittedBy,
  parseIndex,
  pathSegment,
  runPath,
  shortCommit,
  trendEntries
} from "./chunk-4SBFWOCB.js";
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

// src/gate/databranch-git.ts
var WRITE_ATTEMPTS = 6;
var GitBranch = class {
  constructor(options) {
    this.options = options;
    this.branch = options.branch;
  }
  options;
  branch;
  /**
   * Blobs read in this run, by sha: a blob's content never changes, and the trend and the noise estimate share runs.
   */
  blobs = /* @__PURE__ */ new Map();
  async readTip() {
    let commitSha;
    try {
      const { data } = await this.options.octokit.rest.git.getRef({
        owner: this.options.owner,
        repo: this.options.repo,
        ref: `heads/${this.branch}`
      });
      commitSha = data.object.sha;
    } catch (error) {
      if (statusOf(error) === 404) return null;
      throw error;
    }
    const { data: commit } = await this.options.octokit.rest.git.getCommit({
      owner: this.options.owner,
      repo: this.options.repo,
      commit_sha: commitSha
    });
    const { data: tree } = await this.options.octokit.rest.git.getTree({
      owner: this.options.owner,
      repo: this.options.repo,
      tree_sha: commit.tree.sha,
      recursive: "true"
    });
    if (tree.truncated)
      throw new Error(`the tree of ${this.branch} is too large to list; lower history-limit or prune the branch`);
    const files = /* @__PURE__ */ new Map();
    for (const item of tree.tree) if (item.type === "blob" && item.path && item.sha) files.set(item.path, item.sha);
    return { commitSha, treeSha: commit.tree.sha, files };
  }
  async readIndex(tip, key) {
    const blob = tip.files.get(indexPath(key));
    if (!blob) return null;
    return parseIndex(await this.readBlob(blob), key);
  }
  readBlob(sha) {
    let read = this.blobs.get(sha);
    if (!read) {
      read = this.fetchBlob(sha);
      read.catch(() => this.blobs.delete(sha));
      this.blobs.set(sha, read);
    }
    return read;
  }
  async fetchBlob(sha) {
    const { data } = await this.options.octokit.rest.git.getBlob({
      owner: this.options.owner,
      repo: this.options.repo,
      file_sha: sha
    });
    return data.encoding === "base64" ? Buffer.from(data.content, "base64").toString("utf8") : data.content;
  }
  async createBlob(content) {
    const { data } = await this.options.octokit.rest.git.createBlob({
      owner: this.options.owner,
      repo: this.options.repo,
      content,
      encoding: "utf-8"
    });
    return data.sha;
  }
  /**
   * The tree changes as one commit on the tip (the branch's first commit without one), the branch moved to it
   * fast-forward only (created without a tip). Returns the commit's sha; a refused move throws a WriteConflict.
   */
  async commit(tip, tree, message) {
    const { data: newTree } = await this.options.octokit.rest.git.createTree({
      owner: this.options.owner,
      repo: this.options.repo,
      tree,
      ...tip ? { base_tree: tip.treeSha } : {}
    });
    const { data: newCommit } = await this.options.octokit.rest.git.createCommit({
      owner: this.options.owner,
      repo: this.options.repo,
      message,
      tree: newTree.sha,
      parents: tip ? [tip.commitSha] : []
    });
    try {
      if (tip) {
        await this.options.octokit.rest.git.updateRef({
          owner: this.options.owner,
          repo: this.options.repo,
          ref: `heads/${this.branch}`,
          sha: newCommit.sha,
          force: false
        });
      } else {
        await this.options.octokit.rest.git.createRef({
          owner: this.options.owner,
          repo: this.options.repo,
          ref: `refs/heads/${this.branch}`,
          sha: newCommit.sha
        });
      }
    } catch (error) {
      const status = statusOf(error);
      throw status === 409 || status === 422 ? new WriteConflict(status, error) : error;
    }
    return newCommit.sha;
  }
  /**
   * Runs `attempt` (which reads the tip, then writes on it) up to WRITE_ATTEMPTS times: redone after a write
   * conflict, any other error thrown at once. `activity` names it in the log line ("writing", "pruning").
   */
  async redoOnConflict(activity, attempt) {
    let lastError;
    for (let number = 1; number <= WRITE_ATTEMPTS; number++) {
      try {
        return await attempt(number);
      } catch (error) {
        lastError = error;
        if (!isWriteConflict(error) || number === WRITE_ATTEMPTS) break;
        const delayMs = Math.round(Math.min(8e3, 250 * 2 ** (number - 1)) * (0.5 + this.options.random()));
        this.options.logger?.info(
          `The data branch ${this.branch} moved while ${activity} (${statusOf(error)}); retrying in ${delayMs} ms (attempt ${number + 1} of ${WRITE_ATTEMPTS})`
        );
        await this.options.sleep(delayMs);
      }
    }
    throw lastError instanceof Error ? lastError : new Error(String(lastError));
  }
};
var WriteConflict = class extends Error {
  constructor(status, cause) {
    super(`write conflict (${status})`, { cause });
    this.status = status;
  }
  status;
};
function isWriteConflict(error) {
  return error instanceof WriteConflict || statusOf(error) === 409;
}
function statusOf(error) {
  const status = error?.status;
  if (typeof status === "number") return status;
  return error instanceof Error ? error.message : String(error);
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
