// A local stand-in for the parts of GitHub's REST and GraphQL API lambda-power-gate uses, enough for the real
// Octokit (`getOctokit(token, { baseUrl: stub.url })`) and for the action run as a child (GITHUB_API_URL):
//   git data   GET git/ref/{ref}, POST git/refs, PATCH git/refs/{ref} (fast-forward only unless force),
//              git/commits, git/trees (base_tree, nested paths, sha: null deletes), git/blobs: the data branch;
//   history    GET commits?sha= (ancestors, newest first, paginated) and GET commits/{sha} (commit.committer.date);
//   comments   GET/POST issues/{n}/comments (paginated: per_page capped at 100, Link header),
//              PATCH/DELETE issues/comments/{id}; a body over 65,536 characters gets GitHub's 422;
//   pulls      GET pulls/{n} (head.sha, set by setPullHead);
//   user       GET /user (the token's login, or 403 as for an Actions or App token);
//   graphql    POST /graphql: nodes(ids) { isMinimized } and minimizeComment.
// Tokens: without `tokens`, any request is served as github-actions[bot] (the demo, the action's tests); with
// them, an unknown token gets 401 and a read-only one gets 403 on every write, as a fork's GITHUB_TOKEN does.
// Faults: failNext() answers matching requests with a status; beforeRefUpdate runs between a client's read and
// its ref update, so a test can move the ref there and produce a real non-fast-forward conflict.
// The demo imports this under tsx, outside jest: it must not import jest.

import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

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
  /** Every comment on every pull request, in creation order; a deleted one is removed. */
  comments: StubComment[];
  /** The comments of one pull request, in creation order. */
  commentsOn(issue: number): StubComment[];
  /** Adds a comment as someone else (default github-actions[bot]). */
  addComment(issue: number, body: string, login?: string): StubComment;
  /** Adds commits to the repository's history; parents default to the previous commit given. */
  addHistory(commits: { sha: string; date: string; parents?: string[] }[]): void;
  setPullHead(issue: number, sha: string): void;
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
const MAX_BODY = 65_536;
const MAX_PER_PAGE = 100;
const ACTIONS_TOKEN: StubToken = { login: 'github-actions[bot]' };
const FORBIDDEN = 'Resource not accessible by integration';

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

const forbidden = () => new HttpError(403, FORBIDDEN, { status: '403' });
const errorBody = (message: string, extra: Record<string, unknown> = {}) => ({ message, documentation_url: DOCS, ...extra });

type Reply = { status: number; body?: unknown; headers?: Record<string, string> };
interface Call {
  body: Record<string, unknown>;
  query: Record<string, string>;
  token: StubToken;
}
type Handler = (match: RegExpMatchArray, call: Call) => Reply;

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
  const comments: StubComment[] = [];
  const faults: { method?: string; path: RegExp; status: number; body: unknown; remaining: number }[] = [];
  const requests: RecordedRequest[] = [];
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
  const commentBody = (body: Record<string, unknown>): string => {
    const text = body['body'];
    if (typeof text !== 'string') throw new HttpError(422, 'Invalid request', { errors: [{ message: '"body" wasn\'t supplied.' }] });
    if (text.length > MAX_BODY) {
      throw new HttpError(422, 'Validation Failed', { errors: [{ resource: 'IssueComment', code: 'unprocessable', field: 'data', message: `Body is too long (maximum is ${MAX_BODY} characters)` }] });
    }
    return text;
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
    commit: { message: commit.message, author: { name: 'dev', date: commit.date }, committer: { name: 'dev', date: commit.date } },
    parents: commit.parents.map((sha) => ({ sha })),
    html_url: `https://github.com/${owner}/${repo}/commit/${commit.sha}`,
  });
  const refJson = (ref: string, sha: string) => ({ ref: `refs/${ref}`, node_id: 'REF', url: `${url}${prefix}/git/refs/${ref}`, object: { sha, type: 'commit' } });
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

  /** Routes under /repos/{owner}/{repo}, matched against the rest of the path. */
  const routes: { method: string; path: RegExp; handler: Handler }[] = [
    // ---- git data
    {
      method: 'GET',
      path: /^\/git\/ref\/(.+)$/,
      handler: (m) => {
        const ref = m[1] ?? '';
        const sha = refs.get(ref);
        if (!sha) throw new HttpError(404, 'Not Found');
        return { status: 200, body: refJson(ref, sha) };
      },
    },
    {
      method: 'POST',
      path: /^\/git\/refs$/,
      handler: (_m, { body }) => {
        const full = String(body['ref'] ?? '');
        const sha = String(body['sha'] ?? '');
        if (!full.startsWith('refs/') || full.split('/').length < 3) throw new HttpError(422, 'Reference name is invalid');
        if (!commits.has(sha)) throw new HttpError(422, 'Object does not exist');
        const ref = full.slice('refs/'.length);
        if (refs.has(ref)) throw new HttpError(422, 'Reference already exists');
        refs.set(ref, sha);
        return { status: 201, body: refJson(ref, sha) };
      },
    },
    {
      method: 'PATCH',
      path: /^\/git\/refs\/(.+)$/,
      handler: (m, { body }) => {
        const ref = m[1] ?? '';
        const sha = String(body['sha'] ?? '');
        if (ref.startsWith('heads/')) stub.beforeRefUpdate?.(ref.slice('heads/'.length));
        const current = refs.get(ref);
        if (!current) throw new HttpError(422, 'Reference does not exist');
        if (!commits.has(sha)) throw new HttpError(422, 'Object does not exist');
        if (body['force'] !== true && !ancestors(sha).some((commit) => commit.sha === current)) throw new HttpError(422, 'Update is not a fast forward');
        refs.set(ref, sha);
        return { status: 200, body: refJson(ref, sha) };
      },
    },
    {
      method: 'GET',
      path: /^\/git\/commits\/([0-9a-f]{40})$/,
      handler: (m) => {
        const commit = commits.get(m[1] ?? '');
        if (!commit || commit.tree === undefined) throw new HttpError(404, 'Not Found');
        return { status: 200, body: commitJson(commit) };
      },
    },
    {
      method: 'POST',
      path: /^\/git\/commits$/,
      handler: (_m, { body }) => {
        const tree = String(body['tree'] ?? '');
        if (!trees.has(tree)) throw new HttpError(422, 'Tree SHA does not exist');
        const parents = (body['parents'] as string[] | undefined) ?? [];
        for (const parent of parents) if (!commits.has(parent)) throw new HttpError(422, 'Parent SHA does not exist or is not a commit object');
        return { status: 201, body: commitJson(storeCommit({ date: now(), parents, message: String(body['message'] ?? ''), tree })) };
      },
    },
    {
      method: 'GET',
      path: /^\/git\/trees\/([0-9a-f]{40})$/,
      handler: (m, { query }) => {
        const sha = m[1] ?? '';
        const tree = trees.get(sha);
        if (!tree) throw new HttpError(404, 'Not Found');
        const recursive = query['recursive'] !== undefined && query['recursive'] !== '0' && query['recursive'] !== 'false';
        const entries: unknown[] = [];
        const dirs = new Set<string>();
        for (const [path, blob] of tree) {
          const parts = path.split('/');
          for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
          if (recursive || parts.length === 1) entries.push({ path, mode: '100644', type: 'blob', sha: blob, size: blobs.get(blob)?.length ?? 0 });
        }
        for (const dir of dirs) {
          if (recursive || !dir.includes('/')) entries.push({ path: dir, mode: '040000', type: 'tree', sha: gitSha('tree', dir + sha) });
        }
        return { status: 200, body: { sha, url: `${url}${prefix}/git/trees/${sha}`, tree: entries, truncated: false } };
      },
    },
    {
      method: 'POST',
      path: /^\/git\/trees$/,
      handler: (_m, { body }) => {
        const baseTree = body['base_tree'] as string | undefined;
        if (baseTree !== undefined && !trees.has(baseTree)) throw new HttpError(422, 'base_tree is not a valid tree oid');
        const next = new Map(baseTree ? trees.get(baseTree) : undefined);
        for (const entry of (body['tree'] as Record<string, unknown>[] | undefined) ?? []) {
          const path = String(entry['path'] ?? '');
          if (entry['type'] !== 'blob') throw new HttpError(422, 'the stub only supports blob entries');
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
      method: 'GET',
      path: /^\/git\/blobs\/([0-9a-f]{40})$/,
      handler: (m) => {
        const sha = m[1] ?? '';
        const blob = blobs.get(sha);
        if (!blob) throw new HttpError(404, 'Not Found');
        // GitHub wraps base64 at 60 characters; clients must cope.
        const content = (blob.toString('base64').match(/.{1,60}/g) ?? []).join('\n');
        return { status: 200, body: { sha, node_id: 'B', size: blob.length, url: `${url}${prefix}/git/blobs/${sha}`, content, encoding: 'base64' } };
      },
    },
    {
      method: 'POST',
      path: /^\/git\/blobs$/,
      handler: (_m, { body }) => {
        const content = String(body['content'] ?? '');
        const sha = storeBlob(body['encoding'] === 'base64' ? Buffer.from(content, 'base64') : Buffer.from(content, 'utf8'));
        return { status: 201, body: { sha, url: `${url}${prefix}/git/blobs/${sha}` } };
      },
    },
    // ---- repository history
    {
      method: 'GET',
      path: /^\/commits$/,
      handler: (_m, { query }) => {
        const start = query['sha'] ?? history[history.length - 1];
        if (!start || !commits.has(start)) throw new HttpError(404, `No commit found for SHA: ${String(start)}`);
        const ordered = ancestors(start).sort((a, b) => b.date.localeCompare(a.date));
        return paginate(ordered.map(repoCommitJson), query, `${prefix}/commits`);
      },
    },
    {
      method: 'GET',
      path: /^\/commits\/([0-9a-f]{7,40})$/,
      handler: (m) => {
        const wanted = m[1] ?? '';
        const commit = [...commits.values()].find((entry) => entry.sha.startsWith(wanted));
        if (!commit) throw new HttpError(422, `No commit found for SHA: ${wanted}`);
        return { status: 200, body: repoCommitJson(commit) };
      },
    },
    // ---- pull requests
    {
      method: 'GET',
      path: /^\/pulls\/(\d+)$/,
      handler: (m) => {
        const head = pullHeads.get(Number(m[1]));
        if (!head) throw new HttpError(404, 'Not Found');
        return { status: 200, body: { number: Number(m[1]), head: { sha: head, ref: 'feature' }, base: { sha: '0'.repeat(40), ref: 'main' } } };
      },
    },
    // ---- issue comments
    {
      method: 'GET',
      path: /^\/issues\/(\d+)\/comments$/,
      handler: (m, { query }) => paginate(commentsOn(Number(m[1])).map(commentJson), query, `${prefix}/issues/${m[1]}/comments`),
    },
    {
      method: 'POST',
      path: /^\/issues\/(\d+)\/comments$/,
      handler: (m, { body, token }) => ({ status: 201, body: commentJson(addComment(Number(m[1]), commentBody(body), token.login)) }),
    },
    {
      method: 'PATCH',
      path: /^\/issues\/comments\/(\d+)$/,
      handler: (m, { body }) => {
        const comment = findComment(Number(m[1]));
        comment.body = commentBody(body);
        comment.updated_at = now();
        return { status: 200, body: commentJson(comment) };
      },
    },
    {
      method: 'DELETE',
      path: /^\/issues\/comments\/(\d+)$/,
      handler: (m) => {
        comments.splice(comments.indexOf(findComment(Number(m[1]))), 1);
        return { status: 204 };
      },
    },
  ];

  function graphql({ body, token }: Call): Reply {
    const query = String(body['query'] ?? '');
    const variables = (body['variables'] as Record<string, unknown> | undefined) ?? {};
    if (/\bminimizeComment\b/.test(query)) {
      if (token.readOnly) return { status: 200, body: { data: { minimizeComment: null }, errors: [{ type: 'FORBIDDEN', message: FORBIDDEN }] } };
      const id = variables['id'] ?? variables['subjectId'];
      const comment = comments.find((entry) => entry.node_id === id);
      if (!comment) return { status: 200, body: { data: null, errors: [{ type: 'NOT_FOUND', message: `Could not resolve to a node with the global id of '${String(id)}'` }] } };
      comment.isMinimized = true;
      comment.minimizedReason = /classifier:\s*(\w+)/.exec(query)?.[1] ?? String(variables['classifier'] ?? '');
      return { status: 200, body: { data: { minimizeComment: { minimizedComment: { isMinimized: true } } } } };
    }
    if (/\bnodes\s*\(/.test(query)) {
      const ids = (variables['ids'] as string[] | undefined) ?? [];
      const nodes = ids.map((id) => {
        const comment = comments.find((entry) => entry.node_id === id);
        return comment ? { id: comment.node_id, isMinimized: comment.isMinimized } : null;
      });
      return { status: 200, body: { data: { nodes } } };
    }
    return { status: 200, body: { errors: [{ message: 'the stub does not know this query' }] } };
  }

  function route(method: string, path: string, call: Call): Reply {
    if (method === 'GET' && path === '/user') {
      if (!call.token.canReadUser) throw forbidden();
      return { status: 200, body: { login: call.token.login, type: 'User' } };
    }
    if (method === 'POST' && path === '/graphql') return graphql(call);
    if (!path.startsWith(`${prefix}/`)) throw new HttpError(404, 'Not Found');
    if (method !== 'GET' && call.token.readOnly) throw forbidden();
    const local = path.slice(prefix.length);
    for (const entry of routes) {
      const match = entry.method === method ? local.match(entry.path) : null;
      if (match) return entry.handler(match, call);
    }
    throw new HttpError(404, 'Not Found');
  }

  const tokenOf = (authorization: string | undefined): StubToken | undefined => {
    if (!options.tokens) return ACTIONS_TOKEN;
    const secret = /^(?:token|bearer)\s+(.+)$/i.exec(authorization ?? '')?.[1];
    return secret ? options.tokens[secret] : undefined;
  };

  function answer(method: string, path: string, raw: string, record: RecordedRequest): Reply {
    let body: Record<string, unknown> = {};
    try {
      if (raw) body = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      throw new HttpError(400, 'Problems parsing JSON');
    }
    if (raw) record.body = body;
    const token = tokenOf(record.authorization);
    if (!token) throw new HttpError(401, 'Bad credentials');
    const fault = faults.find((entry) => entry.remaining > 0 && (!entry.method || entry.method === method) && entry.path.test(path));
    if (fault) {
      fault.remaining--;
      return { status: fault.status, body: fault.body };
    }
    return route(method, path, { body, query: record.query, token });
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
      reply = answer(method, path, Buffer.concat(chunks).toString('utf8'), record);
    } catch (error) {
      reply = error instanceof HttpError ? { status: error.status, body: errorBody(error.message, error.extra) } : { status: 500, body: { message: String(error) } };
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
    comments,
    commentsOn,
    addComment,
    addHistory(list) {
      for (const entry of list) {
        const previous = history[history.length - 1];
        const parents = entry.parents ?? (previous ? [previous] : []);
        commits.set(entry.sha, { sha: entry.sha, date: entry.date, parents, message: `commit ${entry.sha.slice(0, 7)}` });
        history.push(entry.sha);
      }
    },
    setPullHead: (issue, sha) => void pullHeads.set(issue, sha),
    refSha: (branch) => refs.get(`heads/${branch}`),
    readFile(branch, path) {
      const blob = treeAt(branch)?.get(path);
      return blob ? blobs.get(blob)?.toString('utf8') : undefined;
    },
    listFiles: (branch) => [...(treeAt(branch)?.keys() ?? [])].sort(),
    commitFiles,
    failNext(match, status, times = 1, body) {
      const fallback = status === 403 ? errorBody(FORBIDDEN, { status: '403' }) : { message: `injected ${status}` };
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
