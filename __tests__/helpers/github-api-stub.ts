// A local stand-in for the parts of GitHub's REST and GraphQL API the PR comment uses, for the real Octokit
// (`getOctokit(token, { baseUrl: stub.url })`):
//   GET/POST   /repos/{o}/{r}/issues/{n}/comments   (paginated: per_page capped at 100, Link header)
//   PATCH/DELETE /repos/{o}/{r}/issues/comments/{id}
//   GET        /repos/{o}/{r}/commits/{sha}          (commit.committer.date)
//   GET        /repos/{o}/{r}/pulls/{n}              (head.sha)
//   GET        /user                                 (the token's login, or 403 as for an Actions token)
//   POST       /graphql                              nodes(ids) { isMinimized } and minimizeComment
// Tokens: each token maps to a login; a token marked read-only gets GitHub's 403 on every write, as a fork's
// GITHUB_TOKEN does. (__tests__/helpers/github-stub.ts, the gate's stand-in, covers git data and a simpler
// comment API; this one adds what the comment modes need: pulls, /user, and the GraphQL minimised state.)

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StubIssueComment {
  id: number;
  node_id: string;
  body: string;
  user: { login: string; type: 'Bot' | 'User' };
  html_url: string;
  created_at: string;
  updated_at: string;
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

export interface StubRequest {
  method: string;
  path: string;
  status: number;
  body?: Record<string, unknown>;
}

export interface GitHubApiStub {
  url: string;
  owner: string;
  repo: string;
  requests: StubRequest[];
  /** Comments of one pull request, in creation order. */
  comments(issue: number): StubIssueComment[];
  addComment(issue: number, body: string, login: string): StubIssueComment;
  setCommit(sha: string, committerDate: string): void;
  setPullHead(issue: number, sha: string): void;
  /** The next `times` requests matching are answered with status (and a GitHub-like message). */
  failNext(match: { method?: string; path: RegExp }, status: number, times?: number): void;
  close(): Promise<void>;
}

const FORBIDDEN = { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest', status: '403' };
const MAX_BODY = 65_536;

export async function startGitHubApiStub(options: { owner?: string; repo?: string; tokens: Record<string, StubToken> }): Promise<GitHubApiStub> {
  const owner = options.owner ?? 'acme';
  const repo = options.repo ?? 'shop';
  const prefix = `/repos/${owner}/${repo}`;
  const byIssue = new Map<number, StubIssueComment[]>();
  const commits = new Map<string, string>();
  const pullHeads = new Map<number, string>();
  const requests: StubRequest[] = [];
  const faults: { method?: string; path: RegExp; status: number; remaining: number }[] = [];
  let nextId = 5000;
  let clock = Date.parse('2026-11-28T12:00:00Z');
  let url = '';
  const now = () => new Date((clock += 1000)).toISOString();

  const addComment = (issue: number, body: string, login: string): StubIssueComment => {
    const id = nextId++;
    const at = now();
    const comment: StubIssueComment = {
      id,
      node_id: `IC_kwDO${id}`,
      body,
      user: { login, type: login.endsWith('[bot]') ? 'Bot' : 'User' },
      html_url: `https://github.com/${owner}/${repo}/pull/${issue}#issuecomment-${id}`,
      created_at: at,
      updated_at: at,
      isMinimized: false,
      minimizedReason: null,
    };
    byIssue.set(issue, [...(byIssue.get(issue) ?? []), comment]);
    return comment;
  };
  const findComment = (id: number): { list: StubIssueComment[]; comment: StubIssueComment } | undefined => {
    for (const list of byIssue.values()) {
      const comment = list.find((entry) => entry.id === id);
      if (comment) return { list, comment };
    }
    return undefined;
  };
  const rest = (comment: StubIssueComment) => {
    const { isMinimized: _hidden, minimizedReason: _reason, ...json } = comment;
    return json;
  };

  type Reply = { status: number; body?: unknown; headers?: Record<string, string> };

  function route(method: string, path: string, query: URLSearchParams, body: Record<string, unknown>, token: StubToken): Reply {
    const write = method !== 'GET';
    if (path === '/user' && method === 'GET') return token.canReadUser ? { status: 200, body: { login: token.login, type: 'User' } } : { status: 403, body: FORBIDDEN };
    if (path === '/graphql' && method === 'POST') return graphql(String(body['query'] ?? ''), (body['variables'] as Record<string, unknown>) ?? {}, token);
    if (!path.startsWith(`${prefix}/`)) return { status: 404, body: { message: 'Not Found' } };
    const local = path.slice(prefix.length);
    if (write && token.readOnly) return { status: 403, body: FORBIDDEN };

    let m = /^\/issues\/(\d+)\/comments$/.exec(local);
    if (m && method === 'GET') {
      const all = byIssue.get(Number(m[1])) ?? [];
      const perPage = Math.min(Number(query.get('per_page') ?? 30) || 30, 100);
      const page = Math.max(1, Number(query.get('page') ?? 1) || 1);
      const pages = Math.max(1, Math.ceil(all.length / perPage));
      const headers: Record<string, string> = {};
      if (page < pages) {
        const next = `${url}${path}?per_page=${perPage}&page=${page + 1}`;
        const last = `${url}${path}?per_page=${perPage}&page=${pages}`;
        headers['link'] = `<${next}>; rel="next", <${last}>; rel="last"`;
      }
      return { status: 200, body: all.slice((page - 1) * perPage, page * perPage).map(rest), headers };
    }
    if (m && method === 'POST') {
      const text = body['body'];
      if (typeof text !== 'string') return { status: 422, body: { message: 'Invalid request' } };
      if (text.length > MAX_BODY) return { status: 422, body: { message: 'Validation Failed', errors: [{ message: `Body is too long (maximum is ${MAX_BODY} characters)` }] } };
      return { status: 201, body: rest(addComment(Number(m[1]), text, token.login)) };
    }
    m = /^\/issues\/comments\/(\d+)$/.exec(local);
    if (m) {
      const found = findComment(Number(m[1]));
      if (!found) return { status: 404, body: { message: 'Not Found' } };
      if (method === 'PATCH') {
        const text = body['body'];
        if (typeof text !== 'string') return { status: 422, body: { message: 'Invalid request' } };
        if (text.length > MAX_BODY) return { status: 422, body: { message: 'Validation Failed' } };
        found.comment.body = text;
        found.comment.updated_at = now();
        return { status: 200, body: rest(found.comment) };
      }
      if (method === 'DELETE') {
        found.list.splice(found.list.indexOf(found.comment), 1);
        return { status: 204 };
      }
    }
    m = /^\/commits\/([0-9a-f]{7,40})$/.exec(local);
    if (m && method === 'GET') {
      const date = commits.get(m[1] ?? '');
      if (!date) return { status: 422, body: { message: `No commit found for SHA: ${m[1]}` } };
      return { status: 200, body: { sha: m[1], commit: { committer: { name: 'dev', date }, author: { name: 'dev', date }, message: 'change' } } };
    }
    m = /^\/pulls\/(\d+)$/.exec(local);
    if (m && method === 'GET') {
      const head = pullHeads.get(Number(m[1]));
      if (!head) return { status: 404, body: { message: 'Not Found' } };
      return { status: 200, body: { number: Number(m[1]), head: { sha: head, ref: 'feature' }, base: { sha: '0'.repeat(40), ref: 'main' } } };
    }
    return { status: 404, body: { message: 'Not Found' } };
  }

  function graphql(query: string, variables: Record<string, unknown>, token: StubToken): Reply {
    const all = [...byIssue.values()].flat();
    if (/\bminimizeComment\b/.test(query)) {
      if (token.readOnly) return { status: 200, body: { data: { minimizeComment: null }, errors: [{ type: 'FORBIDDEN', message: 'Resource not accessible by integration' }] } };
      const classifier = /classifier:\s*(\w+)/.exec(query)?.[1] ?? String(variables['classifier'] ?? '');
      const comment = all.find((entry) => entry.node_id === variables['id']);
      if (!comment) return { status: 200, body: { data: null, errors: [{ type: 'NOT_FOUND', message: `Could not resolve to a node with the global id of '${String(variables['id'])}'` }] } };
      comment.isMinimized = true;
      comment.minimizedReason = classifier;
      return { status: 200, body: { data: { minimizeComment: { minimizedComment: { isMinimized: true } } } } };
    }
    if (/\bnodes\s*\(/.test(query)) {
      const ids = (variables['ids'] as string[] | undefined) ?? [];
      const nodes = ids.map((id) => {
        const comment = all.find((entry) => entry.node_id === id);
        return comment ? { id: comment.node_id, isMinimized: comment.isMinimized } : null;
      });
      return { status: 200, body: { data: { nodes } } };
    }
    return { status: 200, body: { errors: [{ message: 'the stub does not know this query' }] } };
  }

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const parsed = new URL(request.url ?? '/', 'http://stub');
    const method = request.method ?? 'GET';
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    const auth = /^(?:token|bearer)\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const token = auth ? options.tokens[auth] : undefined;
    let reply: Reply;
    const fault = faults.find((entry) => entry.remaining > 0 && (!entry.method || entry.method === method) && entry.path.test(parsed.pathname));
    if (!token) {
      reply = { status: 401, body: { message: 'Bad credentials' } };
    } else if (fault) {
      fault.remaining--;
      reply = { status: fault.status, body: fault.status === 403 ? FORBIDDEN : { message: `injected ${fault.status}` } };
    } else {
      reply = route(method, parsed.pathname, parsed.searchParams, body, token);
    }
    requests.push({ method, path: `${parsed.pathname}${parsed.search}`, status: reply.status, ...(raw ? { body } : {}) });
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

  return {
    url,
    owner,
    repo,
    requests,
    comments: (issue) => byIssue.get(issue) ?? [],
    addComment,
    setCommit: (sha, date) => void commits.set(sha, date),
    setPullHead: (issue, sha) => void pullHeads.set(issue, sha),
    failNext: (match, status, times = 1) => void faults.push({ ...match, status, remaining: times }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
