// A local stand-in for the parts of GitHub's REST and GraphQL API lambda-power-gate uses, enough for the real
// Octokit (`getOctokit(token, { baseUrl: stub.url })`) and for the action run as a child (GITHUB_API_URL).
// It holds to GitHub's contract (emulator/contracts/github.ts): every REST request is matched against GitHub's OpenAPI
// description (emulator/contracts/github-rest.json) and checked against its parameters and body schema; every
// GraphQL request is validated and executed against GitHub's published schema (@octokit/graphql-schema). What
// GitHub would refuse gets GitHub's answer, and every such request is recorded in `violations` (tests and the demo
// require none). Operations served (the description's operationIds):
//   git data   git/get-ref, git/create-ref, git/update-ref (fast-forward only unless force), git/get-commit,
//              git/create-commit, git/get-tree, git/create-tree (base_tree, nested paths, sha: null deletes),
//              git/get-blob, git/create-blob: the data branch;
//   history    repos/list-commits (?sha=: ancestors, newest first, paginated), repos/get-commit (committer date);
//   comments   issues/list-comments (per_page capped at 100, Link header), issues/create-comment,
//              issues/update-comment, issues/delete-comment; a body over 65,536 characters gets GitHub's 422;
//   pulls      pulls/get (head.sha, set by setPullHead); pulls/list-files (setPullFiles: filename, status,
//              patch; at most 3000 files, paginated); pulls/list-review-comments and pulls/create-review-comment
//              (line and side RIGHT or LEFT on a line of the file's patch, else GitHub's 422; commit_id the head);
//   labels     issues/list-events (labeled/unlabeled events, oldest first, paginated; addLabel/removeLabel),
//              repos/get-collaborator-permission-level (permission: the base role with maintain → write and
//              triage → read, role_name: the role; setPermission; a login it does not know reads as a user
//              without access to a public repository, a bot's login is 404);
//   user       users/get-authenticated (the token's login, or 403 as for an Actions or App token);
//   graphql    Query.nodes (IssueComment id, isMinimized, minimizedReason; at most 100 ids) and
//              Mutation.minimizeComment.
// Tokens: without `tokens`, any request is served as github-actions[bot] (the demo, the action's tests); with
// them, an unknown token gets 401 and a read-only one gets 403 on every write, as a fork's GITHUB_TOKEN does.
// Faults: failNext() answers matching requests with a status; beforeRefUpdate runs between a client's read and
// its ref update, so a test can move the ref there and produce a real non-fast-forward conflict.
// The demo imports this under tsx, outside jest: it must not import jest.

import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GraphQLError } from 'graphql';
import {
  GITHUB_LIMITS,
  checkParameters,
  githubGraphqlSchema,
  matchRoute,
  schemaProblems,
} from '../contracts/github.js';

export interface StubCommit {
  sha: string;
  /** Committer date, ISO 8601. */
  date: string;
  parents: string[];
  message: string;
  /** Only for data-branch commits: the tree. */
  tree?: string;
}

export interface StubComment {
  id: number;
  node_id: string;
  /** The pull request it is on (not in GitHub's JSON, which has issue_url). */
  issueNumber: number;
  body: string;
  user: { login: string; type: 'Bot' | 'User' };
  html_url: string;
  created_at: string;
  updated_at: string;
  /** GraphQL-only state, not in the REST JSON. */
  isMinimized: boolean;
  minimizedReason: string | null;
}

/** A file of a pull request as GET /pulls/{n}/files lists it; without a patch GitHub shows none (binary, too large). */
export interface StubPullFile {
  filename: string;
  status?: 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';
  patch?: string;
}

/** A review comment on a pull request's diff. */
export interface StubReviewComment {
  id: number;
  node_id: string;
  pullNumber: number;
  body: string;
  path: string;
  line: number;
  side: 'LEFT' | 'RIGHT';
  commit_id: string;
  diff_hunk: string;
  user: { login: string; type: 'Bot' | 'User' };
  html_url: string;
  created_at: string;
  updated_at: string;
}

/** A role on the repository, as GitHub names them (custom roles are named by the organisation; a base is given). */
export type StubRole = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none';

/** A labeled or unlabeled event of an issue or pull request (the issue events API's fields). */
export interface StubLabelEvent {
  id: number;
  issueNumber: number;
  event: 'labeled' | 'unlabeled';
  label: string;
  actor: string;
  created_at: string;
}

export interface StubToken {
  login: string;
  /** Actions and App tokens cannot read /user (403); personal access tokens can. */
  canReadUser?: boolean;
  /** A fork's pull_request token: every write answers 403. */
  readOnly?: boolean;
}

export interface RecordedRequest {
  method: string;
  /** The path as requested, with its query string; a ref's encoded slashes (heads%2Fx) decoded. */
  path: string;
  query: Record<string, string>;
  status: number;
  body?: Record<string, unknown>;
  authorization?: string;
  /** What this request broke of GitHub's contract, if anything. */
  violations?: ContractViolation[];
}

/**
 * A request GitHub would refuse or answer differently, or one the stand-in cannot answer truthfully:
 * - unknown-operation: method + path not in GitHub's REST description (GitHub: 404);
 * - not-implemented: in the description, not in the stand-in (answered 501, so it is never mistaken for "absent");
 * - invalid-request: parameters or body against the description's schemas (GitHub: 404 for a path, 422 otherwise);
 * - limit: a limit GitHub applies that the description does not carry (comment length, per_page, node ids);
 * - graphql: a query or variables GitHub's GraphQL schema refuses;
 * - stand-in: the stand-in answered what the description does not allow (a defect of the stand-in).
 */
export interface ContractViolation {
  kind: 'unknown-operation' | 'not-implemented' | 'invalid-request' | 'limit' | 'graphql' | 'stand-in';
  method: string;
  path: string;
  message: string;
}

export interface GitHubApiStubOptions {
  /** Default acme/shop. */
  owner?: string;
  repo?: string;
  /** The tokens it knows, by secret. Without it every request is served as github-actions[bot]. */
  tokens?: Record<string, StubToken>;
}

export interface GitHubApiStub {
  /** Base URL for Octokit (no trailing slash). */
  url: string;
  owner: string;
  repo: string;
  /** Every request, in order, with the status it got. */
  requests: RecordedRequest[];
  /** Every contract violation, in order (see ContractViolation); a truthful client makes none. */
  violations: ContractViolation[];
  /** Every comment on every pull request, in creation order; a deleted one is removed. */
  comments: StubComment[];
  /** The comments of one pull request, in creation order. */
  commentsOn(issue: number): StubComment[];
  /** Adds a comment as someone else (default github-actions[bot]). */
  addComment(issue: number, body: string, login?: string): StubComment;
  /** Adds commits to the repository's history; parents default to the previous commit given. */
  addHistory(commits: { sha: string; date: string; parents?: string[] }[]): void;
  setPullHead(issue: number, sha: string): void;
  /** The files a pull request changes, with their patches (GitHub's unified diff hunks). */
  setPullFiles(issue: number, files: StubPullFile[]): void;
  /** Every review comment, in creation order. */
  reviewComments: StubReviewComment[];
  /** Adds a label to a pull request as `login` (a labeled event at the stand-in's clock). */
  addLabel(issue: number, label: string, login: string): StubLabelEvent;
  /** Removes it (an unlabeled event). */
  removeLabel(issue: number, label: string, login: string): StubLabelEvent;
  /** Every label event, in order. */
  labelEvents: StubLabelEvent[];
  /** A user's role on the repository (a custom role: its name, and the base role it builds on). */
  setPermission(login: string, role: StubRole | { name: string; base: StubRole }): void;
  /** Current commit of a branch (`heads/<name>` refs), or undefined. */
  refSha(branch: string): string | undefined;
  /** A file's text at the tip of a branch, or undefined. */
  readFile(branch: string, path: string): string | undefined;
  /** Every file path at the tip of a branch, sorted. */
  listFiles(branch: string): string[];
  /** Commits to a branch as another writer would (creating the branch when missing); returns the commit. */
  commitFiles(branch: string, files: Record<string, string | null>, message?: string): string;
  /** The next `times` requests matching are answered with status and body (default: a GitHub-like message). */
  failNext(match: { method?: string; path: RegExp }, status: number, times?: number, body?: unknown): void;
  /** Called before a ref update is applied (PATCH git/refs); may move the ref to force a conflict. */
  beforeRefUpdate?: (branch: string) => void;
  close(): Promise<void>;
}

const DOCS = 'https://docs.github.com/rest';
const MAX_BODY = GITHUB_LIMITS.commentBodyChars;
const MAX_PER_PAGE = GITHUB_LIMITS.perPage;
const MAX_PULL_FILES = GITHUB_LIMITS.pullRequestFiles;
const ACTIONS_TOKEN: StubToken = { login: 'github-actions[bot]' };
const FORBIDDEN = 'Resource not accessible by integration';

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly documentationUrl: string = DOCS,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** A GraphQL error as GitHub types it: { type, path, locations, message } (octokit/graphql.js#314). */
class GitHubGraphqlError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * GitHub's shape for a GraphQL error. Messages of validation errors are graphql-js's where GitHub (graphql-ruby)
 * words them differently ("Field 'x' doesn't exist on type 'Y'"): the stand-in rewords that common one.
 */
function githubGraphqlError(error: GraphQLError): Record<string, unknown> {
  const type = error.originalError instanceof GitHubGraphqlError ? error.originalError.type : undefined;
  const field = /^Cannot query field "(\w+)" on type "(\w+)"\./.exec(error.message);
  const message = field ? `Field '${field[1]}' doesn't exist on type '${field[2]}'` : error.message;
  return {
    ...(type ? { type } : {}),
    ...(error.path ? { path: error.path } : {}),
    ...(error.locations ? { locations: error.locations } : {}),
    ...(field ? { extensions: { code: 'undefinedField', typeName: field[2], fieldName: field[1] } } : {}),
    message,
  };
}

const forbidden = () => new HttpError(403, FORBIDDEN);
// GitHub's error body: { message, documentation_url, status } (and errors for a 422), e.g. { message: 'Not Found',
// documentation_url: 'https://docs.github.com/rest/releases/releases#get-the-latest-release', status: '404' }
// (github/rest-api-description#3726, 2024); a path GitHub does not know points at https://docs.github.com/rest
// (github/rest-api-description#715).
const errorBody = (status: number, message: string, documentationUrl = DOCS, extra: Record<string, unknown> = {}) => ({
  message,
  documentation_url: documentationUrl,
  status: String(status),
  ...extra,
});

type Reply = { status: number; body?: unknown; headers?: Record<string, string> };
interface Call {
  body: Record<string, unknown>;
  /** The body as sent ('' when none). */
  rawBody: string;
  record: RecordedRequest;
  query: Record<string, string>;
  token: StubToken;
}
/** Path parameters by name, as the description's template names them. */
type Handler = (params: Record<string, string>, call: Call) => Reply;

export async function startGitHubApiStub(options: GitHubApiStubOptions = {}): Promise<GitHubApiStub> {
  const owner = options.owner ?? 'acme';
  const repo = options.repo ?? 'shop';
  const prefix = `/repos/${owner}/${repo}`;
  const blobs = new Map<string, Buffer>();
  /** Trees are flat: full path → blob sha. */
  const trees = new Map<string, Map<string, string>>();
  const commits = new Map<string, StubCommit>();
  const refs = new Map<string, string>();
  const history: string[] = [];
  const pullHeads = new Map<number, string>();
  const pullFiles = new Map<number, StubPullFile[]>();
  const reviewComments: StubReviewComment[] = [];
  const comments: StubComment[] = [];
  const labelEvents: StubLabelEvent[] = [];
  const roles = new Map<string, { name: string; base: StubRole }>();
  let nextEventId = 5000;
  const faults: { method?: string; path: RegExp; status: number; body: unknown; remaining: number }[] = [];
  const requests: RecordedRequest[] = [];
  const violations: ContractViolation[] = [];
  let nextCommentId = 1000;
  // A fixed clock: comment and commit times are the same on every run.
  let clock = Date.parse('2026-03-01T12:00:00Z');
  let url = '';
  const now = () => new Date((clock += 1000)).toISOString();

  // ---- git objects
  const gitSha = (kind: string, content: Buffer | string): string => {
    const bytes = Buffer.isBuffer(content) ? content : Buffer.from(content);
    return createHash('sha1').update(`${kind} ${bytes.length}\0`).update(bytes).digest('hex');
  };
  const storeBlob = (content: Buffer): string => {
    const sha = gitSha('blob', content);
    blobs.set(sha, content);
    return sha;
  };
  const storeTree = (entries: Map<string, string>): string => {
    const sorted = [...entries.entries()].sort(([a], [b]) => a.localeCompare(b));
    const sha = gitSha('tree', JSON.stringify(sorted));
    trees.set(sha, new Map(sorted));
    return sha;
  };
  const storeCommit = (commit: Omit<StubCommit, 'sha'>): StubCommit => {
    const sha = gitSha('commit', JSON.stringify(commit) + Math.random());
    const stored = { ...commit, sha };
    commits.set(sha, stored);
    return stored;
  };
  /** Breadth first from `from` through parents: `from` itself first. */
  const ancestors = (from: string): StubCommit[] => {
    const found: StubCommit[] = [];
    const seen = new Set<string>();
    const queue = [from];
    while (queue.length > 0) {
      const sha = queue.shift() as string;
      if (seen.has(sha)) continue;
      seen.add(sha);
      const commit = commits.get(sha);
      if (!commit) continue;
      found.push(commit);
      queue.push(...commit.parents);
    }
    return found;
  };
  const treeAt = (branch: string): Map<string, string> | undefined => {
    const head = refs.get(`heads/${branch}`);
    const tree = head ? commits.get(head)?.tree : undefined;
    return tree ? trees.get(tree) : undefined;
  };
  const commitFiles = (branch: string, files: Record<string, string | null>, message = 'another writer'): string => {
    const head = refs.get(`heads/${branch}`);
    const next = new Map(treeAt(branch));
    for (const [path, content] of Object.entries(files)) {
      if (content === null) next.delete(path);
      else next.set(path, storeBlob(Buffer.from(content)));
    }
    const commit = storeCommit({ date: now(), parents: head ? [head] : [], message, tree: storeTree(next) });
    refs.set(`heads/${branch}`, commit.sha);
    return commit.sha;
  };

  // ---- comments
  const commentsOn = (issue: number) => comments.filter((comment) => comment.issueNumber === issue);
  const addComment = (issue: number, body: string, login = ACTIONS_TOKEN.login): StubComment => {
    const id = nextCommentId++;
    const at = now();
    const comment: StubComment = {
      id,
      node_id: `IC_kwDO${id}`,
      issueNumber: issue,
      body,
      user: { login, type: login.endsWith('[bot]') ? 'Bot' : 'User' },
      html_url: `https://github.com/${owner}/${repo}/pull/${issue}#issuecomment-${id}`,
      created_at: at,
      updated_at: at,
      isMinimized: false,
      minimizedReason: null,
    };
    comments.push(comment);
    return comment;
  };
  const findComment = (id: number): StubComment => {
    const comment = comments.find((entry) => entry.id === id);
    if (!comment) throw new HttpError(404, 'Not Found');
    return comment;
  };
  /**
   * The body the description's schema has already checked, within GitHub's length limit (GITHUB_LIMITS): the same
   * for an issue comment and a review comment, each answered with its own resource in the 422.
   */
  const limitedBody = (
    { body, record }: Call,
    resource: 'IssueComment' | 'PullRequestReviewComment',
    what: string,
  ): string => {
    const text = String(body['body']);
    const chars = [...text].length;
    if (chars > MAX_BODY) {
      violation(record, 'limit', `${what} body of ${chars} characters; GitHub's maximum is ${MAX_BODY}`);
      throw new HttpError(422, 'Validation Failed', DOCS, {
        errors: [
          {
            resource,
            code: 'unprocessable',
            field: 'data',
            message: `Body is too long (maximum is ${MAX_BODY} characters)`,
          },
        ],
      });
    }
    return text;
  };
  const commentBody = (call: Call): string => limitedBody(call, 'IssueComment', 'comment');

  // ---- review comments on a pull request's diff
  const reviewBody = (call: Call): string => limitedBody(call, 'PullRequestReviewComment', 'review comment');
  /** GitHub's 422 for a review comment it cannot place: recorded as a limit the client should have kept. */
  const reviewThreadError = (call: Call, field: string, message: string, ...more: Record<string, unknown>[]) => {
    violation(call.record, 'limit', `pulls/create-review-comment: ${message}`);
    return new HttpError(422, 'Validation Failed', DOCS, {
      errors: [{ resource: 'PullRequestReviewComment', code: 'custom', field, message }, ...more],
    });
  };
  /** The lines a side of a patch shows, by line number (the diff hunk's text is the line, for the JSON). */
  const diffLines = (patch: string | undefined, side: 'LEFT' | 'RIGHT'): Map<number, string> => {
    const lines = new Map<number, string>();
    let left = 0;
    let right = 0;
    for (const row of (patch ?? '').replace(/\n$/, '').split('\n')) {
      const hunk = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(row);
      if (hunk) {
        left = Number(hunk[1]);
        right = Number(hunk[2]);
        continue;
      }
      if (left === 0 && right === 0) continue;
      const sign = row[0] ?? ' ';
      if (sign === '+') {
        if (side === 'RIGHT') lines.set(right, row);
        right++;
      } else if (sign === '-') {
        if (side === 'LEFT') lines.set(left, row);
        left++;
      } else if (sign === ' ' || row === '') {
        lines.set(side === 'RIGHT' ? right : left, row);
        left++;
        right++;
      }
    }
    return lines;
  };
  const pullFileJson = (file: StubPullFile) => {
    const rows = (file.patch ?? '').split('\n');
    const additions = rows.filter((row) => row.startsWith('+')).length;
    const deletions = rows.filter((row) => row.startsWith('-')).length;
    const sha = gitSha('blob', file.filename + (file.patch ?? ''));
    return {
      sha,
      filename: file.filename,
      status: file.status ?? 'modified',
      additions,
      deletions,
      changes: additions + deletions,
      blob_url: `https://github.com/${owner}/${repo}/blob/${sha}/${file.filename}`,
      raw_url: `https://github.com/${owner}/${repo}/raw/${sha}/${file.filename}`,
      contents_url: `${url}${prefix}/contents/${file.filename}?ref=${sha}`,
      ...(file.patch !== undefined ? { patch: file.patch } : {}),
    };
  };
  const reviewCommentJson = (comment: StubReviewComment) => {
    const { pullNumber, ...json } = comment;
    return {
      ...json,
      url: `${url}${prefix}/pulls/comments/${comment.id}`,
      pull_request_review_id: comment.id + 100_000,
      original_commit_id: comment.commit_id,
      original_line: comment.line,
      author_association: 'NONE',
      pull_request_url: `${url}${prefix}/pulls/${pullNumber}`,
      _links: {
        self: { href: `${url}${prefix}/pulls/comments/${comment.id}` },
        html: { href: comment.html_url },
        pull_request: { href: `${url}${prefix}/pulls/${pullNumber}` },
      },
    };
  };

  // ---- labels and permissions
  const labelEvent = (issue: number, event: StubLabelEvent['event'], label: string, actor: string) => {
    const entry: StubLabelEvent = { id: nextEventId++, issueNumber: issue, event, label, actor, created_at: now() };
    labelEvents.push(entry);
    return entry;
  };
  const userJson = (login: string) => ({
    login,
    id: [...login].reduce((sum, char) => sum * 31 + char.charCodeAt(0), 7) % 1e9,
    type: login.endsWith('[bot]') ? 'Bot' : 'User',
    html_url: `https://github.com/${login}`,
  });
  // GitHub's issue event: { id, node_id, url, actor, event, commit_id, commit_url, created_at, label: { name,
  // color }, performed_via_github_app } (the description's labeled-issue-event / unlabeled-issue-event).
  const labelEventJson = (entry: StubLabelEvent) => ({
    id: entry.id,
    node_id: `LE_${entry.id}`,
    url: `${url}${prefix}/issues/events/${entry.id}`,
    actor: userJson(entry.actor),
    event: entry.event,
    commit_id: null,
    commit_url: null,
    created_at: entry.created_at,
    label: { name: entry.label, color: 'ededed' },
    performed_via_github_app: null,
  });
  // "The permission attribute provides the legacy base roles of admin, write, read, and none, where the maintain
  // role is mapped to write and the triage role is mapped to read" (the description's
  // repos/get-collaborator-permission-level).
  const BASE_PERMISSION: Record<StubRole, string> = {
    admin: 'admin',
    maintain: 'write',
    write: 'write',
    triage: 'read',
    read: 'read',
    none: 'none',
  };

  // ---- JSON as GitHub shapes it
  const commitJson = (commit: StubCommit) => ({
    sha: commit.sha,
    node_id: `C_${commit.sha.slice(0, 10)}`,
    url: `${url}${prefix}/git/commits/${commit.sha}`,
    message: commit.message,
    tree: { sha: commit.tree ?? '', url: `${url}${prefix}/git/trees/${commit.tree ?? ''}` },
    parents: commit.parents.map((sha) => ({ sha, url: `${url}${prefix}/git/commits/${sha}` })),
    author: { name: 'stub', email: 'stub@example.com', date: commit.date },
    committer: { name: 'stub', email: 'stub@example.com', date: commit.date },
  });
  const repoCommitJson = (commit: StubCommit) => ({
    sha: commit.sha,
    node_id: `C_${commit.sha.slice(0, 10)}`,
    commit: {
      message: commit.message,
      author: { name: 'dev', date: commit.date },
      committer: { name: 'dev', date: commit.date },
    },
    parents: commit.parents.map((sha) => ({ sha })),
    html_url: `https://github.com/${owner}/${repo}/commit/${commit.sha}`,
  });
  const refJson = (ref: string, sha: string) => ({
    ref: `refs/${ref}`,
    node_id: 'REF',
    url: `${url}${prefix}/git/refs/${ref}`,
    object: { sha, type: 'commit' },
  });
  const commentJson = (comment: StubComment) => {
    const { issueNumber, isMinimized: _hidden, minimizedReason: _reason, ...json } = comment;
    return { ...json, issue_url: `${url}${prefix}/issues/${issueNumber}` };
  };
  const paginate = (items: unknown[], query: Record<string, string>, path: string): Reply => {
    const perPage = Math.min(Number(query['per_page'] ?? 30) || 30, MAX_PER_PAGE);
    const page = Math.max(1, Number(query['page'] ?? 1) || 1);
    const pages = Math.max(1, Math.ceil(items.length / perPage));
    const headers: Record<string, string> = {};
    if (page < pages) {
      const next = new URLSearchParams({ ...query, per_page: String(perPage), page: String(page + 1) });
      const last = new URLSearchParams({ ...query, per_page: String(perPage), page: String(pages) });
      headers['link'] = `<${url}${path}?${next}>; rel="next", <${url}${path}?${last}>; rel="last"`;
    }
    return { status: 200, body: items.slice((page - 1) * perPage, page * perPage), headers };
  };

  /** The operations served, by the description's operationId; the contract matches paths to them. */
  const routes: { operationId: string; handler: Handler }[] = [
    // ---- git data
    {
      operationId: 'git/get-ref',
      handler: (p) => {
        const ref = p['ref'] ?? '';
        const sha = refs.get(ref);
        if (!sha) throw new HttpError(404, 'Not Found');
        return { status: 200, body: refJson(ref, sha) };
      },
    },
    {
      operationId: 'git/create-ref',
      handler: (_p, { body }) => {
        const full = String(body['ref'] ?? '');
        const sha = String(body['sha'] ?? '');
        if (!full.startsWith('refs/') || full.split('/').length < 3)
          throw new HttpError(422, 'Reference name is invalid');
        if (!commits.has(sha)) throw new HttpError(422, 'Object does not exist');
        const ref = full.slice('refs/'.length);
        if (refs.has(ref)) throw new HttpError(422, 'Reference already exists');
        refs.set(ref, sha);
        return { status: 201, body: refJson(ref, sha) };
      },
    },
    {
      operationId: 'git/update-ref',
      handler: (p, { body }) => {
        const ref = p['ref'] ?? '';
        const sha = String(body['sha'] ?? '');
        if (ref.startsWith('heads/')) stub.beforeRefUpdate?.(ref.slice('heads/'.length));
        const current = refs.get(ref);
        if (!current) throw new HttpError(422, 'Reference does not exist');
        if (!commits.has(sha)) throw new HttpError(422, 'Object does not exist');
        if (body['force'] !== true && !ancestors(sha).some((commit) => commit.sha === current))
          throw new HttpError(422, 'Update is not a fast forward');
        refs.set(ref, sha);
        return { status: 200, body: refJson(ref, sha) };
      },
    },
    {
      operationId: 'git/get-commit',
      handler: (p) => {
        const commit = commits.get(p['commit_sha'] ?? '');
        if (!commit || commit.tree === undefined) throw new HttpError(404, 'Not Found');
        return { status: 200, body: commitJson(commit) };
      },
    },
    {
      operationId: 'git/create-commit',
      handler: (_p, { body }) => {
        const tree = String(body['tree'] ?? '');
        if (!trees.has(tree)) throw new HttpError(422, 'Tree SHA does not exist');
        const parents = (body['parents'] as string[] | undefined) ?? [];
        for (const parent of parents)
          if (!commits.has(parent)) throw new HttpError(422, 'Parent SHA does not exist or is not a commit object');
        return {
          status: 201,
          body: commitJson(storeCommit({ date: now(), parents, message: String(body['message'] ?? ''), tree })),
        };
      },
    },
    {
      operationId: 'git/get-tree',
      handler: (p, { query }) => {
        const sha = p['tree_sha'] ?? '';
        const tree = trees.get(sha);
        if (!tree) throw new HttpError(404, 'Not Found');
        // "Setting this parameter to any value returns the objects or subtrees referenced by the tree specified in
        // :tree_sha. For example, setting recursive to any of the following will enable returning objects or
        // subtrees: 0, 1, "true", and "false"" (the description's git/get-tree).
        const recursive = query['recursive'] !== undefined;
        const entries: unknown[] = [];
        const dirs = new Set<string>();
        for (const [path, blob] of tree) {
          const parts = path.split('/');
          for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
          if (recursive || parts.length === 1)
            entries.push({ path, mode: '100644', type: 'blob', sha: blob, size: blobs.get(blob)?.length ?? 0 });
        }
        for (const dir of dirs) {
          if (recursive || !dir.includes('/'))
            entries.push({ path: dir, mode: '040000', type: 'tree', sha: gitSha('tree', dir + sha) });
        }
        return { status: 200, body: { sha, url: `${url}${prefix}/git/trees/${sha}`, tree: entries, truncated: false } };
      },
    },
    {
      operationId: 'git/create-tree',
      handler: (_p, call) => {
        const { body } = call;
        const baseTree = body['base_tree'] as string | undefined;
        if (baseTree !== undefined && !trees.has(baseTree))
          throw new HttpError(422, 'base_tree is not a valid tree oid');
        const next = new Map(baseTree ? trees.get(baseTree) : undefined);
        for (const entry of (body['tree'] as Record<string, unknown>[] | undefined) ?? []) {
          const path = String(entry['path'] ?? '');
          if (entry['type'] !== 'blob') {
            violation(call.record, 'not-implemented', `git/create-tree entries of type ${String(entry['type'])}`);
            throw new HttpError(501, 'The GitHub API stand-in only supports blob entries in git/create-tree.');
          }
          if (entry['sha'] === null) {
            if (!next.has(path)) throw new HttpError(422, `GitRPC::BadObjectState: path ${path} does not exist`);
            next.delete(path);
          } else if (typeof entry['content'] === 'string') {
            next.set(path, storeBlob(Buffer.from(entry['content'])));
          } else {
            const blob = String(entry['sha'] ?? '');
            if (!blobs.has(blob)) throw new HttpError(422, 'Invalid tree info');
            next.set(path, blob);
          }
        }
        const sha = storeTree(next);
        return { status: 201, body: { sha, url: `${url}${prefix}/git/trees/${sha}`, tree: [], truncated: false } };
      },
    },
    {
      operationId: 'git/get-blob',
      handler: (p) => {
        const sha = p['file_sha'] ?? '';
        const blob = blobs.get(sha);
        if (!blob) throw new HttpError(404, 'Not Found');
        // GitHub wraps base64 at 60 characters; clients must cope.
        const content = (blob.toString('base64').match(/.{1,60}/g) ?? []).join('\n');
        return {
          status: 200,
          body: {
            sha,
            node_id: 'B',
            size: blob.length,
            url: `${url}${prefix}/git/blobs/${sha}`,
            content,
            encoding: 'base64',
          },
        };
      },
    },
    {
      operationId: 'git/create-blob',
      handler: (_p, { body }) => {
        const content = String(body['content'] ?? '');
        const sha = storeBlob(
          body['encoding'] === 'base64' ? Buffer.from(content, 'base64') : Buffer.from(content, 'utf8'),
        );
        return { status: 201, body: { sha, url: `${url}${prefix}/git/blobs/${sha}` } };
      },
    },
    // ---- repository history
    {
      operationId: 'repos/list-commits',
      handler: (_p, { query }) => {
        const start = query['sha'] ?? history[history.length - 1];
        if (!start || !commits.has(start)) throw new HttpError(404, `No commit found for SHA: ${String(start)}`);
        const ordered = ancestors(start).sort((a, b) => b.date.localeCompare(a.date));
        return paginate(ordered.map(repoCommitJson), query, `${prefix}/commits`);
      },
    },
    {
      operationId: 'repos/get-commit',
      handler: (p) => {
        const wanted = p['ref'] ?? '';
        const commit = [...commits.values()].find((entry) => entry.sha.startsWith(wanted));
        if (!commit) throw new HttpError(422, `No commit found for SHA: ${wanted}`);
        return { status: 200, body: repoCommitJson(commit) };
      },
    },
    // ---- pull requests
    {
      operationId: 'pulls/get',
      handler: (p) => {
        const head = pullHeads.get(Number(p['pull_number']));
        if (!head) throw new HttpError(404, 'Not Found');
        return {
          status: 200,
          body: {
            number: Number(p['pull_number']),
            head: { sha: head, ref: 'feature' },
            base: { sha: '0'.repeat(40), ref: 'main' },
          },
        };
      },
    },
    {
      operationId: 'pulls/list-files',
      handler: (p, { query }) => {
        const number = Number(p['pull_number']);
        if (!pullHeads.has(number)) throw new HttpError(404, 'Not Found');
        // "Responses include a maximum of 3000 files" (the description's pulls/list-files).
        const files = (pullFiles.get(number) ?? []).slice(0, MAX_PULL_FILES).map(pullFileJson);
        return paginate(files, query, `${prefix}/pulls/${number}/files`);
      },
    },
    {
      operationId: 'pulls/list-review-comments',
      handler: (p, { query }) => {
        const number = Number(p['pull_number']);
        if (!pullHeads.has(number)) throw new HttpError(404, 'Not Found');
        // "By default, review comments are in ascending order by ID" (the description).
        const list = reviewComments.filter((entry) => entry.pullNumber === number).map(reviewCommentJson);
        return paginate(list, query, `${prefix}/pulls/${number}/comments`);
      },
    },
    {
      operationId: 'pulls/create-review-comment',
      handler: (p, call) => {
        const number = Number(p['pull_number']);
        const head = pullHeads.get(number);
        if (!head) throw new HttpError(404, 'Not Found');
        const { body } = call;
        for (const unmodelled of ['in_reply_to', 'position', 'start_line', 'start_side'])
          if (body[unmodelled] !== undefined) {
            violation(call.record, 'not-implemented', `pulls/create-review-comment with ${unmodelled}`);
            throw new HttpError(501, `The GitHub API stand-in does not model ${unmodelled} in review comments.`);
          }
        if (body['subject_type'] === 'file') {
          violation(call.record, 'not-implemented', 'pulls/create-review-comment with subject_type file');
          throw new HttpError(501, 'The GitHub API stand-in does not model file-level review comments.');
        }
        const text = reviewBody(call);
        // A commit that is not the pull request's (the stand-in knows its head only): GitHub's 422 names
        // end_commit_oid (octokit/octokit.rb#1131, 2019; "commit_id is not part of the pull request" before).
        if (body['commit_id'] !== head)
          throw reviewThreadError(call, 'end_commit_oid', 'end_commit_oid is not part of the pull request');
        const path = String(body['path']);
        const side = body['side'] === 'LEFT' ? 'LEFT' : 'RIGHT';
        const line = body['line'];
        const file = (pullFiles.get(number) ?? []).find((entry) => entry.filename === path);
        const lines = file ? diffLines(file.patch, side) : new Map<number, string>();
        // "Pull request review thread line must be part of the diff", with "diff hunk can't be blank" beside it
        // when the line is in no hunk (gitgitgadget/git#1444, 2022; parkerbxyz/suggest-changes#28, 2024). A line
        // is part of the diff when a hunk of the file's patch shows it: added, removed (LEFT) or context.
        if (typeof line !== 'number' || !lines.has(line))
          throw reviewThreadError(
            call,
            'pull_request_review_thread.line',
            'pull_request_review_thread.line must be part of the diff',
            {
              resource: 'PullRequestReviewComment',
              code: 'missing_field',
              field: 'pull_request_review_thread.diff_hunk',
            },
          );
        const at = now();
        const id = nextCommentId++;
        const comment: StubReviewComment = {
          id,
          node_id: `PRRC_kwDO${id}`,
          pullNumber: number,
          body: text,
          path,
          line,
          side,
          commit_id: head,
          diff_hunk: lines.get(line) ?? '',
          user: userJson(call.token.login) as StubReviewComment['user'],
          html_url: `https://github.com/${owner}/${repo}/pull/${number}#discussion_r${id}`,
          created_at: at,
          updated_at: at,
        };
        reviewComments.push(comment);
        return { status: 201, body: reviewCommentJson(comment) };
      },
    },
    // ---- labels and who may set them
    {
      operationId: 'issues/list-events',
      handler: (p, { query }) =>
        paginate(
          labelEvents.filter((entry) => entry.issueNumber === Number(p['issue_number'])).map(labelEventJson),
          query,
          `${prefix}/issues/${p['issue_number']}/events`,
        ),
    },
    {
      operationId: 'repos/get-collaborator-permission-level',
      handler: (p) => {
        const login = p['username'] ?? '';
        // A bot is no user: GitHub answers 404 for it. Anyone else without a role is a user who can read a public
        // repository: every user reads as read there (aws-ia/cloudformation-github-resource-providers#14).
        if (login.endsWith('[bot]')) throw new HttpError(404, 'Not Found');
        const role = roles.get(login.toLowerCase()) ?? { name: 'read', base: 'read' as StubRole };
        return {
          status: 200,
          body: { permission: BASE_PERMISSION[role.base], role_name: role.name, user: userJson(login) },
        };
      },
    },
    // ---- the token's user
    {
      operationId: 'users/get-authenticated',
      handler: (_p, { token }) => {
        if (!token.canReadUser) throw forbidden();
        return { status: 200, body: { login: token.login, type: 'User' } };
      },
    },
    // ---- issue comments
    {
      operationId: 'issues/list-comments',
      handler: (p, { query }) =>
        paginate(
          commentsOn(Number(p['issue_number'])).map(commentJson),
          query,
          `${prefix}/issues/${p['issue_number']}/comments`,
        ),
    },
    {
      operationId: 'issues/create-comment',
      handler: (p, call) => ({
        status: 201,
        body: commentJson(addComment(Number(p['issue_number']), commentBody(call), call.token.login)),
      }),
    },
    {
      operationId: 'issues/update-comment',
      handler: (p, call) => {
        const comment = findComment(Number(p['comment_id']));
        comment.body = commentBody(call);
        comment.updated_at = now();
        return { status: 200, body: commentJson(comment) };
      },
    },
    {
      operationId: 'issues/delete-comment',
      handler: (p) => {
        comments.splice(comments.indexOf(findComment(Number(p['comment_id']))), 1);
        return { status: 204 };
      },
    },
  ];

  // ---- GraphQL: GitHub's schema validates the document and the variables; resolvers answer what the stand-in models.
  const commentNode = (comment: StubComment) => ({
    __typename: 'IssueComment',
    id: comment.node_id,
    isMinimized: comment.isMinimized,
    minimizedReason: comment.minimizedReason,
  });
  const notFound = (id: unknown) =>
    new GitHubGraphqlError('NOT_FOUND', `Could not resolve to a node with the global id of '${String(id)}'.`);
  const rootValue = (call: Call) => ({
    nodes: ({ ids }: { ids: string[] }) => {
      if (ids.length > GITHUB_LIMITS.nodeIds) {
        violation(call.record, 'limit', `nodes(ids:) with ${ids.length} ids; GitHub allows ${GITHUB_LIMITS.nodeIds}`);
        throw new GitHubGraphqlError(
          'ARGUMENT_LIMIT',
          `You may not provide more than ${GITHUB_LIMITS.nodeIds} node ids; you provided ${ids.length}.`,
        );
      }
      // An unknown id is null in place, with a NOT_FOUND error whose path is ["nodes", index] (as GitHub answers).
      return ids.map((id) => {
        const comment = comments.find((entry) => entry.node_id === id);
        return comment ? commentNode(comment) : notFound(id);
      });
    },
    minimizeComment: ({ input }: { input: { subjectId: string; classifier: string } }) => {
      if (call.token.readOnly) throw new GitHubGraphqlError('FORBIDDEN', FORBIDDEN);
      const comment = comments.find((entry) => entry.node_id === input.subjectId);
      if (!comment) throw notFound(input.subjectId);
      comment.isMinimized = true;
      comment.minimizedReason = input.classifier;
      return { minimizedComment: commentNode(comment) };
    },
  });

  async function graphql(call: Call): Promise<Reply> {
    const { body } = call;
    const { parse, validate, execute, GraphQLError } = await import('graphql');
    const schema = await githubGraphqlSchema();
    const refuse = (errors: readonly InstanceType<typeof GraphQLError>[]): Reply => {
      violation(call.record, 'graphql', errors.map((error) => error.message).join(' | '));
      return { status: 200, body: { errors: errors.map(githubGraphqlError) } };
    };
    let document;
    try {
      document = parse(String(body['query'] ?? ''));
    } catch (error) {
      return refuse([error instanceof GraphQLError ? error : new GraphQLError(String(error))]);
    }
    const invalid = validate(schema, document);
    if (invalid.length > 0) return refuse(invalid);
    const variables = (body['variables'] as Record<string, unknown> | undefined) ?? {};
    const result = await execute({ schema, document, rootValue: rootValue(call), variableValues: variables });
    // No data at all: the variables did not fit the operation's definitions (a request error, not a field error).
    if (result.data === undefined) return refuse(result.errors ?? []);
    const errors = result.errors?.map(githubGraphqlError);
    // A field error that nulls the whole result (ARGUMENT_LIMIT on the non-null nodes field) comes without data.
    return {
      status: 200,
      body: { ...(result.data === null ? {} : { data: result.data }), ...(errors ? { errors } : {}) },
    };
  }

  /** The description's operation for the request, checked against its parameters and body schema. */
  function route(method: string, path: string, call: Call): Reply {
    if (method === 'POST' && path === '/graphql') throw new Error('graphql is answered asynchronously');
    const found = matchRoute(method, path);
    if (found.kind === 'unknown') {
      violation(call.record, 'unknown-operation', `${method} ${path}: no such path in GitHub's REST description`);
      throw new HttpError(404, 'Not Found');
    }
    if (found.kind === 'wrong-method') {
      // "If you send a request with an HTTP method that the endpoint does not support, you will receive a 404 Not
      // Found response instead of 405" (GitHub docs, Troubleshooting the REST API).
      violation(call.record, 'unknown-operation', `${method} ${found.template}: GitHub has the path, not this method`);
      throw new HttpError(404, 'Not Found');
    }
    const handler = routes.find((entry) => entry.operationId === found.operationId)?.handler;
    if (!found.operation || !handler) {
      // GitHub would answer it; the stand-in cannot, so it must not pretend (a 404 would read as "absent").
      violation(
        call.record,
        'not-implemented',
        `${method} ${found.template} (${found.operationId ?? 'in the description'}) is not implemented by the stand-in`,
      );
      throw new HttpError(
        501,
        `The GitHub API stand-in does not implement ${method} ${found.template}; teach it (emulator/github/api.ts, scripts/github-contract.mjs).`,
      );
    }
    const operation = found.operation;
    const docs = operation.documentationUrl;
    const { owner: ownerParam, repo: repoParam } = found.params;
    if (
      ownerParam !== undefined &&
      (ownerParam.toLowerCase() !== owner.toLowerCase() || repoParam?.toLowerCase() !== repo.toLowerCase())
    )
      throw new HttpError(404, 'Not Found', docs);
    const checked = checkParameters(operation, found.params, call.query);
    if (checked.notFound.length > 0) {
      violation(call.record, 'invalid-request', `${method} ${path}: ${checked.notFound.join(' ')}`);
      throw new HttpError(404, 'Not Found', docs);
    }
    if (checked.invalid.length > 0) {
      violation(call.record, 'invalid-request', `${method} ${path}: ${checked.invalid.join(' ')}`);
      throw new HttpError(422, `Invalid request.\n\n${checked.invalid.join('\n')}`, docs);
    }
    for (const limit of checked.limits) violation(call.record, 'limit', `${method} ${path}: ${limit}`);
    if (operation.body) {
      const problems =
        call.rawBody === '' && !operation.bodyRequired
          ? []
          : schemaProblems(operation.body, call.rawBody === '' ? {} : call.body);
      if (problems.length > 0) {
        violation(call.record, 'invalid-request', `${method} ${path}: ${problems.join(' ')}`);
        throw new HttpError(422, `Invalid request.\n\n${problems.join('\n')}`, docs);
      }
    }
    if (method !== 'GET' && call.token.readOnly) throw new HttpError(403, FORBIDDEN, docs);
    let reply: Reply;
    try {
      reply = handler(found.params, call);
    } catch (error) {
      if (error instanceof HttpError && error.documentationUrl === DOCS)
        throw new HttpError(error.status, error.message, docs, error.extra);
      throw error;
    }
    if (reply.status >= 200 && reply.status < 300 && reply.status !== operation.successStatus) {
      violation(
        call.record,
        'stand-in',
        `${method} ${path} answered ${reply.status}; GitHub's description says ${operation.successStatus}`,
      );
    }
    return reply;
  }

  const tokenOf = (authorization: string | undefined): StubToken | undefined => {
    if (!options.tokens) return ACTIONS_TOKEN;
    const secret = /^(?:token|bearer)\s+(.+)$/i.exec(authorization ?? '')?.[1];
    return secret ? options.tokens[secret] : undefined;
  };

  async function answer(method: string, path: string, raw: string, record: RecordedRequest): Promise<Reply> {
    let body: Record<string, unknown> = {};
    try {
      if (raw) body = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      throw new HttpError(400, 'Problems parsing JSON');
    }
    if (raw) record.body = body;
    const token = tokenOf(record.authorization);
    if (!token) throw new HttpError(401, 'Bad credentials');
    const fault = faults.find(
      (entry) => entry.remaining > 0 && (!entry.method || entry.method === method) && entry.path.test(path),
    );
    if (fault) {
      fault.remaining--;
      return { status: fault.status, body: fault.body };
    }
    const call: Call = { body, rawBody: raw, query: record.query, token, record };
    return method === 'POST' && path === '/graphql' ? graphql(call) : route(method, path, call);
  }

  /** Records a contract violation against the request being answered (and on its RecordedRequest). */
  function violation(record: RecordedRequest, kind: ContractViolation['kind'], message: string): void {
    const entry: ContractViolation = { kind, method: record.method, path: record.path, message };
    violations.push(entry);
    (record.violations ??= []).push(entry);
  }

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const parsed = new URL(request.url ?? '/', 'http://stub');
    // Octokit encodes a ref's slashes ({ref} = heads%2Fbranch); match and record the decoded path.
    const path = decodeURIComponent(parsed.pathname);
    const method = request.method ?? 'GET';
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const record: RecordedRequest = {
      method,
      path: `${path}${parsed.search}`,
      query: Object.fromEntries(parsed.searchParams.entries()),
      status: 0,
      ...(request.headers.authorization ? { authorization: request.headers.authorization } : {}),
    };
    let reply: Reply;
    try {
      reply = await answer(method, path, Buffer.concat(chunks).toString('utf8'), record);
    } catch (error) {
      reply =
        error instanceof HttpError
          ? { status: error.status, body: errorBody(error.status, error.message, error.documentationUrl, error.extra) }
          : { status: 500, body: { message: String(error) } };
    }
    record.status = reply.status;
    requests.push(record);
    response.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8', ...(reply.headers ?? {}) });
    response.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
  };
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      response.writeHead(500, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ message: String(error) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const stub: GitHubApiStub = {
    url,
    owner,
    repo,
    requests,
    violations,
    comments,
    commentsOn,
    addComment,
    addHistory(list) {
      for (const entry of list) {
        const previous = history[history.length - 1];
        const parents = entry.parents ?? (previous ? [previous] : []);
        commits.set(entry.sha, {
          sha: entry.sha,
          date: entry.date,
          parents,
          message: `commit ${entry.sha.slice(0, 7)}`,
        });
        history.push(entry.sha);
      }
    },
    setPullHead: (issue, sha) => void pullHeads.set(issue, sha),
    setPullFiles: (issue, files) => void pullFiles.set(issue, files),
    reviewComments,
    addLabel: (issue, label, login) => labelEvent(issue, 'labeled', label, login),
    removeLabel: (issue, label, login) => labelEvent(issue, 'unlabeled', label, login),
    labelEvents,
    setPermission(login, role) {
      roles.set(login.toLowerCase(), typeof role === 'string' ? { name: role, base: role } : role);
    },
    refSha: (branch) => refs.get(`heads/${branch}`),
    readFile(branch, path) {
      const blob = treeAt(branch)?.get(path);
      return blob ? blobs.get(blob)?.toString('utf8') : undefined;
    },
    listFiles: (branch) => [...(treeAt(branch)?.keys() ?? [])].sort(),
    commitFiles,
    failNext(match, status, times = 1, body) {
      const fallback = status === 403 ? errorBody(403, FORBIDDEN) : { message: `injected ${status}` };
      faults.push({ ...match, status, body: body ?? fallback, remaining: times });
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
  return stub;
}
