import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);

// src/gate/databranch-index.ts
var INDEX_SCHEMA_VERSION = 1;
var HISTORY_RUNS = 10;
var indexPath = (key) => `${key}/index.json`;
var runPath = (key, sha) => `${key}/runs/${sha}.json`;
function appFolder(appKey, functionKey) {
  return `${pathSegment(appKey, "app key")}/${pathSegment(functionKey, "function key")}`;
}
function pathSegment(name, what) {
  if (!/^[A-Za-z0-9._-]{1,128}$/.test(name) || name === "." || name === "..")
    throw new Error(
      `the ${what} ${JSON.stringify(name.slice(0, 60))} cannot name a folder on the data branch (letters, digits, '.', '-', '_')`
    );
  return name;
}
function historyEntry(commit, result, path, storedAt, carried = false) {
  return {
    sha: commit.sha,
    ...commit.ref ? { ref: commit.ref } : {},
    ...commit.committedAt ? { committedAt: commit.committedAt } : {},
    storedAt: storedAt.toISOString(),
    path,
    toolVersion: result.tool.version,
    recommendedMemoryMb: result.recommendation?.memoryMb ?? null,
    ...carried ? { carriedFrom: result.git?.sha ?? "unknown" } : {}
  };
}
function addEntry(previous, key, entry, limit) {
  const others = (previous?.entries ?? []).filter((existing) => existing.sha !== entry.sha);
  const entries = [entry, ...others];
  const kept = entries.slice(0, Math.max(1, limit));
  const keptPaths = new Set(kept.map((item) => item.path));
  const dropped = entries.slice(kept.length).map((item) => item.path).filter((path) => !keptPaths.has(path));
  return { index: { schemaVersion: INDEX_SCHEMA_VERSION, key, entries: kept }, dropped };
}
function parseIndex(text, key) {
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`${key}/index.json on the data branch is not valid JSON`);
  }
  const index = parsed;
  if (!index || index.schemaVersion !== INDEX_SCHEMA_VERSION || !Array.isArray(index.entries)) {
    throw new Error(
      `${key}/index.json on the data branch is not a lambda-power-gate index (schemaVersion ${INDEX_SCHEMA_VERSION})`
    );
  }
  const entries = index.entries.filter(
    (entry) => typeof entry?.sha === "string" && typeof entry.path === "string"
  );
  return { schemaVersion: INDEX_SCHEMA_VERSION, key, entries };
}
function neighbourEntries(entries, chosen) {
  const at = entries.indexOf(chosen);
  return entries.map((entry, index) => ({ entry, distance: Math.abs(index - at) + (index > at ? 0 : 0.5) })).filter(({ entry }) => entry !== chosen && entry.carriedFrom === void 0 && entry.sha !== chosen.carriedFrom).sort((a, b) => a.distance - b.distance).slice(0, HISTORY_RUNS - 1).map(({ entry }) => entry);
}
function trendEntries(entries, chosen, runs) {
  const at = entries.indexOf(chosen);
  if (at < 0 || runs <= 0) return [];
  return entries.slice(at, at + runs).reverse();
}
function newestCommittedBy(entries, baseTimeMs) {
  return entries.filter((entry) => entry.committedAt !== void 0 && Date.parse(entry.committedAt) <= baseTimeMs).sort((a, b) => Date.parse(b.committedAt ?? "") - Date.parse(a.committedAt ?? ""))[0];
}
function shortCommit(sha) {
  return sha ? sha.slice(0, 7) : "an unknown commit";
}
var BRANCH_README = `# lambda-power-gate data

This branch is written by lambda-power-gate on pushes to the default branch: one
directory per function key, with \`index.json\` (newest first) and \`runs/<commit>.json\` (the results.json of the
run that measured that commit). An app's functions are one directory each under the app's key:
\`<app-key>/<function-key>/\`. Pull requests compare with the entry for their base commit, else the nearest
earlier one. Do not merge this branch; deleting it starts the history afresh.
`;

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
          `The branch ${this.branch} moved while ${activity} (${statusOf(error)}); retrying in ${delayMs} ms (attempt ${number + 1} of ${WRITE_ATTEMPTS})`
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

export {
  indexPath,
  runPath,
  appFolder,
  pathSegment,
  historyEntry,
  addEntry,
  parseIndex,
  neighbourEntries,
  trendEntries,
  newestCommittedBy,
  shortCommit,
  BRANCH_README,
  GitBranch,
  statusOf
};
