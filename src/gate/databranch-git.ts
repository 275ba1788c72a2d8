// The data branch's git data, read and written through the GitHub REST API (databranch.ts says why not a
// checkout): the tip (ref → commit → recursive tree), blobs (read once a run), and a commit of tree changes moved
// onto the branch fast-forward only.
//
// When another run moved the branch in between, GitHub answers 422 "Update is not a fast forward" (or 409); the
// caller's write is redone from a fresh read of the tip (redoOnConflict), with jittered backoff.

import type { getOctokit } from '@actions/github';
import type { Sleep } from '../lib/ports.js';
import { indexPath, parseIndex, type HistoryIndex } from './databranch-index.js';

export type Octokit = ReturnType<typeof getOctokit>;

const WRITE_ATTEMPTS = 6;

export interface GitBranchOptions {
  octokit: Octokit;
  owner: string;
  repo: string;
  branch: string;
  logger?: { info(message: string): void } | undefined;
  sleep: Sleep;
  random: () => number;
}

export interface Tip {
  commitSha: string;
  treeSha: string;
  /** path → blob sha */
  files: Map<string, string>;
}

/** A blob entry of git/create-tree: a blob's sha, null to delete the path, or the content inline. */
export type TreeEntry = { path: string; mode: '100644'; type: 'blob' } & ({ sha: string | null } | { content: string });

export class GitBranch {
  readonly branch: string;
  /**
   * Blobs read in this run, by sha: a blob's content never changes, and the trend and the noise estimate share runs.
   */
  private readonly blobs = new Map<string, Promise<string>>();

  constructor(private readonly options: GitBranchOptions) {
    this.branch = options.branch;
  }

  async readTip(): Promise<Tip | null> {
    let commitSha: string;
    try {
      const { data } = await this.options.octokit.rest.git.getRef({
        owner: this.options.owner,
        repo: this.options.repo,
        ref: `heads/${this.branch}`,
      });
      commitSha = data.object.sha;
    } catch (error) {
      if (statusOf(error) === 404) return null;
      throw error;
    }
    const { data: commit } = await this.options.octokit.rest.git.getCommit({
      owner: this.options.owner,
      repo: this.options.repo,
      commit_sha: commitSha,
    });
    const { data: tree } = await this.options.octokit.rest.git.getTree({
      owner: this.options.owner,
      repo: this.options.repo,
      tree_sha: commit.tree.sha,
      recursive: 'true',
    });
    if (tree.truncated)
      throw new Error(`the tree of ${this.branch} is too large to list; lower history-limit or prune the branch`);
    const files = new Map<string, string>();
    for (const item of tree.tree) if (item.type === 'blob' && item.path && item.sha) files.set(item.path, item.sha);
    return { commitSha, treeSha: commit.tree.sha, files };
  }

  async readIndex(tip: Tip, key: string): Promise<HistoryIndex | null> {
    const blob = tip.files.get(indexPath(key));
    if (!blob) return null;
    return parseIndex(await this.readBlob(blob), key);
  }

  readBlob(sha: string): Promise<string> {
    let read = this.blobs.get(sha);
    if (!read) {
      read = this.fetchBlob(sha);
      // A failed read is not remembered: the next caller asks again.
      read.catch(() => this.blobs.delete(sha));
      this.blobs.set(sha, read);
    }
    return read;
  }

  private async fetchBlob(sha: string): Promise<string> {
    const { data } = await this.options.octokit.rest.git.getBlob({
      owner: this.options.owner,
      repo: this.options.repo,
      file_sha: sha,
    });
    return data.encoding === 'base64' ? Buffer.from(data.content, 'base64').toString('utf8') : data.content;
  }

  async createBlob(content: string): Promise<string> {
    const { data } = await this.options.octokit.rest.git.createBlob({
      owner: this.options.owner,
      repo: this.options.repo,
      content,
      encoding: 'utf-8',
    });
    return data.sha;
  }

  /**
   * The tree changes as one commit on the tip (the branch's first commit without one), the branch moved to it
   * fast-forward only (created without a tip). Returns the commit's sha; a refused move throws a WriteConflict.
   */
  async commit(tip: Tip | null, tree: TreeEntry[], message: string): Promise<string> {
    const { data: newTree } = await this.options.octokit.rest.git.createTree({
      owner: this.options.owner,
      repo: this.options.repo,
      tree,
      ...(tip ? { base_tree: tip.treeSha } : {}),
    });
    const { data: newCommit } = await this.options.octokit.rest.git.createCommit({
      owner: this.options.owner,
      repo: this.options.repo,
      message,
      tree: newTree.sha,
      parents: tip ? [tip.commitSha] : [],
    });
    try {
      if (tip) {
        await this.options.octokit.rest.git.updateRef({
          owner: this.options.owner,
          repo: this.options.repo,
          ref: `heads/${this.branch}`,
          sha: newCommit.sha,
          force: false,
        });
      } else {
        await this.options.octokit.rest.git.createRef({
          owner: this.options.owner,
          repo: this.options.repo,
          ref: `refs/heads/${this.branch}`,
          sha: newCommit.sha,
        });
      }
    } catch (error) {
      // 422 here means "not a fast forward" (or "reference already exists"): someone else wrote first.
      const status = statusOf(error);
      throw status === 409 || status === 422 ? new WriteConflict(status, error) : error;
    }
    return newCommit.sha;
  }

  /**
   * Runs `attempt` (which reads the tip, then writes on it) up to WRITE_ATTEMPTS times: redone after a write
   * conflict, any other error thrown at once. `activity` names it in the log line ("writing", "pruning").
   */
  async redoOnConflict<T>(activity: string, attempt: (attempt: number) => Promise<T>): Promise<T> {
    let lastError: unknown;
    for (let number = 1; number <= WRITE_ATTEMPTS; number++) {
      try {
        return await attempt(number);
      } catch (error) {
        lastError = error;
        if (!isWriteConflict(error) || number === WRITE_ATTEMPTS) break;
        // Another run moved the branch (or created it) between our read and our ref update: read again and redo.
        const delayMs = Math.round(Math.min(8000, 250 * 2 ** (number - 1)) * (0.5 + this.options.random()));
        this.options.logger?.info(
          `The branch ${this.branch} moved while ${activity} (${statusOf(error)}); retrying in ${delayMs} ms (attempt ${number + 1} of ${WRITE_ATTEMPTS})`,
        );
        await this.options.sleep(delayMs);
      }
    }
    throw lastError instanceof Error ? lastError : new Error(String(lastError));
  }
}

/** The branch moved under us: the ref update was refused (422/409), or GitHub reported a conflict anywhere (409). */
class WriteConflict extends Error {
  constructor(
    readonly status: number,
    cause: unknown,
  ) {
    super(`write conflict (${status})`, { cause });
  }
}

function isWriteConflict(error: unknown): boolean {
  return error instanceof WriteConflict || statusOf(error) === 409;
}

export function statusOf(error: unknown): number | string {
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status === 'number') return status;
  return error instanceof Error ? error.message : String(error);
}
