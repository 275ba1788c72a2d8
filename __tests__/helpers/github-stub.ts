// A local stand-in for the GitHub REST API, enough for the real Octokit (`getOctokit(token, { baseUrl })`) to
// drive lambda-power-gate's GitHub code end to end:
//   git data     refs, commits, trees (base_tree, nested paths, sha: null deletes), blobs — the data branch;
//   commits      GET /repos/{o}/{r}/commits?sha= (ancestors, newest first, paginated) and /commits/{sha};
//   comments     list (paginated with a Link header), create, update, delete; POST /graphql minimizeComment.
// Faults: failNext() answers matching requests with a given status; beforeRefUpdate lets a test move a ref
// between a client's read and its write, producing a real non-fast-forward conflict.
// Reused by the gate's tests, the report's comment tests and the demo.

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
  body: string;
  user: { login: string; type: string };
  html_url: string;
  created_at: string;
  updated_at: string;
  minimized?: string;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  status: number;
  body?: unknown;
  authorization?: string;
}

interface Fault {
  method?: string;
  path: RegExp;
  status: number;
  body: unknown;
  remaining: number;
}

export interface GitHubStubOptions {
  owner?: string;
  repo?: string;
  /** Login of the token's user: the author of comments it creates. Default github-actions[bot]. */
  login?: string;
  /** Comments per page when the client asks for more than this (exercises pagination). Default 100. */
  maxPerPage?: number;
}

export interface GitHubStub {
  /** Base URL for Octokit (no trailing slash). */
  url: string;
  owner: string;
  repo: string;
  requests: RecordedRequest[];
  /** Adds commits to the repository's history; parents default to the previous commit given. */
  addHistory(commits: { sha: string; date: string; parents?: string[] }[]): void;
  /** Current commit of a branch (`heads/<name>` refs), or undefined. */
  refSha(branch: string): string | undefined;
  /** A file's text at the tip of a branch, or undefined. */
  readFile(branch: string, path: string): string | undefined;
  /** Every file path at the tip of a branch, sorted. */
  listFiles(branch: string): string[];
  /** Commits to a branch as another writer would (creating the branch when missing). */
  commitFiles(branch: string, files: Record<string, string | null>, message?: string): string;
  /** The next `times` requests matching method and path are answered with status and body. */
  failNext(match: { method?: string; path: RegExp }, status: number, times?: number, body?: unknown): void;
  /** Called before a ref update is applied (PATCH git/refs); may move the ref to force a conflict. */
  beforeRefUpdate?: (branch: string) => void;
  comments: Map<number, StubComment[]>;
  /** Adds a comment as someone else (or as `login`). */
  addComment(issue: number, body: string, login?: string): StubComment;
  /** GraphQL requests received (query and variables). */
  graphqlCalls: { query: string; variables: Record<string, unknown> }[];
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export async function startGitHubStub(options: GitHubStubOptions = {}): Promise<GitHubStub> {
  const owner = options.owner ?? 'octo-org';
  const repo = options.repo ?? 'orders-service';
  const login = options.login ?? 'github-actions[bot]';
  const maxPerPage = options.maxPerPage ?? 100;
  const blobs = new Map<string, Buffer>();
  /** Trees are flat: full path → blob sha. */
  const trees = new Map<string, Map<string, string>>();
  const commits = new Map<string, StubCommit>();
  const refs = new Map<string, string>();
  const history: string[] = [];
  const faults: Fault[] = [];
  const requests: RecordedRequest[] = [];
  const comments = new Map<number, StubComment[]>();
  const graphqlCalls: GitHubStub['graphqlCalls'] = [];
  let nextCommentId = 1000;
  let clock = Date.parse('2026-03-01T12:00:00Z');
  let url = '';

  const gitSha = (kind: string, content: Buffer | string): string => {
    const bytes = Buffer.isBuffer(content) ? content : Buffer.from(content);
    return createHash('sha1').update(`${kind} ${bytes.length}\0`).update(bytes).digest('hex');
  };
  const now = () => new Date((clock += 1000)).toISOString();

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
  const isAncestor = (ancestor: string, of: string): boolean => {
    const seen = new Set<string>();
    const queue = [of];
    while (queue.length > 0) {
      const sha = queue.shift() as string;
      if (sha === ancestor) return true;
      if (seen.has(sha)) continue;
      seen.add(sha);
      queue.push(...(commits.get(sha)?.parents ?? []));
    }
    return false;
  };
  const treeAt = (branch: string): Map<string, string> | undefined => {
    const head = refs.get(`heads/${branch}`);
    const tree = head ? commits.get(head)?.tree : undefined;
    return tree ? trees.get(tree) : undefined;
  };

  const commitFiles = (branch: string, files: Record<string, string | null>, message = 'another writer'): string => {
    const head = refs.get(`heads/${branch}`);
    const base = treeAt(branch) ?? new Map<string, string>();
    const next = new Map(base);
    for (const [path, content] of Object.entries(files)) {
      if (content === null) next.delete(path);
      else next.set(path, storeBlob(Buffer.from(content)));
    }
    const commit = storeCommit({ date: now(), parents: head ? [head] : [], message, tree: storeTree(next) });
    refs.set(`heads/${branch}`, commit.sha);
    return commit.sha;
  };

  const repoPrefix = `/repos/${owner}/${repo}`;

  const commitJson = (commit: StubCommit) => ({
    sha: commit.sha,
    node_id: `C_${commit.sha.slice(0, 10)}`,
    url: `${url}${repoPrefix}/git/commits/${commit.sha}`,
    message: commit.message,
    tree: { sha: commit.tree ?? '', url: `${url}${repoPrefix}/git/trees/${commit.tree ?? ''}` },
    parents: commit.parents.map((sha) => ({ sha, url: `${url}${repoPrefix}/git/commits/${sha}` })),
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
  const refJson = (ref: string, sha: string) => ({ ref: `refs/${ref}`, node_id: 'REF', url: `${url}${repoPrefix}/git/refs/${ref}`, object: { sha, type: 'commit' } });
  const commentJson = (issue: number, comment: StubComment) => ({
    ...comment,
    issue_url: `${url}${repoPrefix}/issues/${issue}`,
  });
  const findComment = (id: number): { issue: number; comment: StubComment; list: StubComment[] } => {
    for (const [issue, list] of comments) {
      const comment = list.find((entry) => entry.id === id);
      if (comment) return { issue, comment, list };
    }
    throw new HttpError(404, 'Not Found');
  };
  const addComment = (issue: number, body: string, author = login): StubComment => {
    const id = nextCommentId++;
    const at = now();
    const comment: StubComment = {
      id,
      node_id: `IC_${id}`,
      body,
      user: { login: author, type: author.endsWith('[bot]') ? 'Bot' : 'User' },
      html_url: `https://github.com/${owner}/${repo}/pull/${issue}#issuecomment-${id}`,
      created_at: at,
      updated_at: at,
    };
    comments.set(issue, [...(comments.get(issue) ?? []), comment]);
    return comment;
  };

  type Handler = (match: RegExpMatchArray, body: Record<string, unknown>, query: Record<string, string>) => { status: number; body: unknown; headers?: Record<string, string> };
  const routes: { method: string; path: RegExp; handler: Handler }[] = [
    // ---- git data
    {
      method: 'GET',
      path: /^\/git\/ref\/(.+)$/,
      handler: (m) => {
        const ref = decodeURIComponent(m[1] ?? '');
        const sha = refs.get(ref);
        if (!sha) throw new HttpError(404, 'Not Found');
        return { status: 200, body: refJson(ref, sha) };
      },
    },
    {
      method: 'POST',
      path: /^\/git\/refs$/,
      handler: (_m, body) => {
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
      handler: (m, body) => {
        const ref = decodeURIComponent(m[1] ?? '');
        const sha = String(body['sha'] ?? '');
        if (ref.startsWith('heads/')) stub.beforeRefUpdate?.(ref.slice('heads/'.length));
        const current = refs.get(ref);
        if (!current) throw new HttpError(422, 'Reference does not exist');
        if (!commits.has(sha)) throw new HttpError(422, 'Object does not exist');
        if (body['force'] !== true && !isAncestor(current, sha)) throw new HttpError(422, 'Update is not a fast forward');
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
      handler: (_m, body) => {
        const tree = String(body['tree'] ?? '');
        if (!trees.has(tree)) throw new HttpError(422, 'Tree SHA does not exist');
        const parents = (body['parents'] as string[] | undefined) ?? [];
        for (const parent of parents) if (!commits.has(parent)) throw new HttpError(422, 'Parent SHA does not exist or is not a commit object');
        const commit = storeCommit({ date: now(), parents, message: String(body['message'] ?? ''), tree });
        return { status: 201, body: commitJson(commit) };
      },
    },
    {
      method: 'GET',
      path: /^\/git\/trees\/([0-9a-f]{40})$/,
      handler: (m, _body, query) => {
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
        return { status: 200, body: { sha, url: `${url}${repoPrefix}/git/trees/${sha}`, tree: entries, truncated: false } };
      },
    },
    {
      method: 'POST',
      path: /^\/git\/trees$/,
      handler: (_m, body) => {
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
        return { status: 201, body: { sha, url: `${url}${repoPrefix}/git/trees/${sha}`, tree: [], truncated: false } };
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
        return { status: 200, body: { sha, node_id: 'B', size: blob.length, url: `${url}${repoPrefix}/git/blobs/${sha}`, content, encoding: 'base64' } };
      },
    },
    {
      method: 'POST',
      path: /^\/git\/blobs$/,
      handler: (_m, body) => {
        const content = String(body['content'] ?? '');
        const bytes = body['encoding'] === 'base64' ? Buffer.from(content, 'base64') : Buffer.from(content, 'utf8');
        const sha = storeBlob(bytes);
        return { status: 201, body: { sha, url: `${url}${repoPrefix}/git/blobs/${sha}` } };
      },
    },
    // ---- repository history
    {
      method: 'GET',
      path: /^\/commits$/,
      handler: (_m, _body, query) => {
        const start = query['sha'] ?? history[history.length - 1];
        const head = start ? commits.get(start) : undefined;
        if (!head) throw new HttpError(404, 'No commit found for SHA: ' + String(start));
        const ordered: StubCommit[] = [];
        const seen = new Set<string>();
        const queue = [head.sha];
        while (queue.length > 0) {
          const sha = queue.shift() as string;
          if (seen.has(sha)) continue;
          seen.add(sha);
          const commit = commits.get(sha);
          if (!commit) continue;
          ordered.push(commit);
          queue.push(...commit.parents);
        }
        ordered.sort((a, b) => b.date.localeCompare(a.date));
        return paginate(ordered.map(repoCommitJson), query, '/commits');
      },
    },
    {
      method: 'GET',
      path: /^\/commits\/([0-9a-f]{7,40})$/,
      handler: (m) => {
        const wanted = m[1] ?? '';
        const commit = [...commits.values()].find((entry) => entry.sha === wanted || entry.sha.startsWith(wanted));
        if (!commit) throw new HttpError(422, `No commit found for SHA: ${wanted}`);
        return { status: 200, body: repoCommitJson(commit) };
      },
    },
    // ---- issue comments
    {
      method: 'GET',
      path: /^\/issues\/(\d+)\/comments$/,
      handler: (m, _body, query) => paginate((comments.get(Number(m[1])) ?? []).map((comment) => commentJson(Number(m[1]), comment)), query, `/issues/${m[1]}/comments`),
    },
    {
      method: 'POST',
      path: /^\/issues\/(\d+)\/comments$/,
      handler: (m, body) => {
        if (typeof body['body'] !== 'string') throw new HttpError(422, 'body is required');
        if (body['body'].length > 65536) throw new HttpError(422, 'Body is too long (maximum is 65536 characters)');
        const issue = Number(m[1]);
        return { status: 201, body: commentJson(issue, addComment(issue, body['body'])) };
      },
    },
    {
      method: 'PATCH',
      path: /^\/issues\/comments\/(\d+)$/,
      handler: (m, body) => {
        const { issue, comment } = findComment(Number(m[1]));
        if (typeof body['body'] !== 'string') throw new HttpError(422, 'body is required');
        if (body['body'].length > 65536) throw new HttpError(422, 'Body is too long (maximum is 65536 characters)');
        comment.body = body['body'];
        comment.updated_at = now();
        return { status: 200, body: commentJson(issue, comment) };
      },
    },
    {
      method: 'DELETE',
      path: /^\/issues\/comments\/(\d+)$/,
      handler: (m) => {
        const { list, comment } = findComment(Number(m[1]));
        list.splice(list.indexOf(comment), 1);
        return { status: 204, body: undefined };
      },
    },
  ];

  function paginate(items: unknown[], query: Record<string, string>, path: string) {
    const perPage = Math.min(Number(query['per_page'] ?? 30) || 30, maxPerPage);
    const page = Math.max(1, Number(query['page'] ?? 1) || 1);
    const pages = Math.max(1, Math.ceil(items.length / perPage));
    const headers: Record<string, string> = {};
    if (page < pages) {
      const params = new URLSearchParams({ ...query, per_page: String(perPage), page: String(page + 1) });
      const last = new URLSearchParams({ ...query, per_page: String(perPage), page: String(pages) });
      headers['link'] = `<${url}${repoPrefix}${path}?${params}>; rel="next", <${url}${repoPrefix}${path}?${last}>; rel="last"`;
    }
    return { status: 200, body: items.slice((page - 1) * perPage, page * perPage), headers };
  }

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const parsed = new URL(request.url ?? '/', 'http://stub');
    // Octokit encodes a ref's slashes ({ref} = heads%2Fbranch); match and record the decoded path.
    parsed.pathname = decodeURIComponent(parsed.pathname);
    const query = Object.fromEntries(parsed.searchParams.entries());
    const method = request.method ?? 'GET';
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    let body: Record<string, unknown>;
    try {
      body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    } catch {
      return send(response, 400, { message: 'Problems parsing JSON' }, {}, { method, path: parsed.pathname, query, status: 400 });
    }
    const record: RecordedRequest = { method, path: parsed.pathname, query, status: 0, ...(raw ? { body } : {}), authorization: request.headers.authorization };
    const fault = faults.find((entry) => entry.remaining > 0 && (!entry.method || entry.method === method) && entry.path.test(parsed.pathname));
    if (fault) {
      fault.remaining--;
      return send(response, fault.status, fault.body, {}, record);
    }
    try {
      if (method === 'POST' && parsed.pathname === '/graphql') {
        graphqlCalls.push({ query: String(body['query'] ?? ''), variables: (body['variables'] as Record<string, unknown>) ?? {} });
        const id = String((body['variables'] as Record<string, unknown> | undefined)?.['id'] ?? (body['variables'] as Record<string, unknown> | undefined)?.['subjectId'] ?? '');
        for (const list of comments.values()) {
          const comment = list.find((entry) => entry.node_id === id);
          if (comment) comment.minimized = String((body['variables'] as Record<string, unknown>)?.['classifier'] ?? 'OUTDATED');
        }
        return send(response, 200, { data: { minimizeComment: { minimizedComment: { isMinimized: true } } } }, {}, record);
      }
      if (!parsed.pathname.startsWith(`${repoPrefix}/`)) throw new HttpError(404, 'Not Found');
      const rest = parsed.pathname.slice(repoPrefix.length);
      for (const route of routes) {
        if (route.method !== method) continue;
        const match = rest.match(route.path);
        if (!match) continue;
        const result = route.handler(match, body, query);
        return send(response, result.status, result.body, result.headers ?? {}, record);
      }
      throw new HttpError(404, 'Not Found');
    } catch (error) {
      if (error instanceof HttpError) return send(response, error.status, { message: error.message, documentation_url: 'https://docs.github.com/rest', ...error.extra }, {}, record);
      return send(response, 500, { message: error instanceof Error ? error.message : String(error) }, {}, record);
    }
  };

  function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string>, record: RecordedRequest): void {
    record.status = status;
    requests.push(record);
    const text = body === undefined ? '' : JSON.stringify(body);
    response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    response.end(text);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      response.writeHead(500);
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const stub: GitHubStub = {
    url,
    owner,
    repo,
    requests,
    addHistory(list) {
      for (const entry of list) {
        const previous = history[history.length - 1];
        const parents = entry.parents ?? (previous ? [previous] : []);
        commits.set(entry.sha, { sha: entry.sha, date: entry.date, parents, message: `commit ${entry.sha.slice(0, 7)}` });
        history.push(entry.sha);
      }
    },
    refSha: (branch) => refs.get(`heads/${branch}`),
    readFile(branch, path) {
      const blob = treeAt(branch)?.get(path);
      return blob ? blobs.get(blob)?.toString('utf8') : undefined;
    },
    listFiles: (branch) => [...(treeAt(branch)?.keys() ?? [])].sort(),
    commitFiles,
    failNext(match, status, times = 1, body = { message: `injected ${status}` }) {
      faults.push({ method: match.method, path: match.path, status, body, remaining: times });
    },
    comments,
    addComment,
    graphqlCalls,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
  return stub;
}
