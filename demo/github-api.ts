// A local stand-in for the part of GitHub's REST API the action uses to comment on a pull request. It records
// every comment so the demo can show what a reviewer would see, and tests can assert on it.

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StoredComment {
  id: number;
  issueNumber: number;
  body: string;
  html_url: string;
  user: { login: string };
  created_at: string;
  updated_at: string;
}

export interface GitHubApiStub {
  url: string;
  comments: StoredComment[];
  /** Every request as "METHOD path", in order. */
  requests: string[];
  close(): Promise<void>;
}

export async function startGitHubApiStub(options: { owner?: string; repo?: string } = {}): Promise<GitHubApiStub> {
  const owner = options.owner ?? 'acme';
  const repo = options.repo ?? 'shop';
  const comments: StoredComment[] = [];
  const requests: string[] = [];
  let nextId = 1000;

  const send = (response: ServerResponse, status: number, body: unknown) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  };
  const readBody = async (request: IncomingMessage): Promise<Record<string, unknown>> => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    return chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>) : {};
  };

  const server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://stub');
      requests.push(`${request.method} ${url.pathname}`);
      const list = url.pathname.match(new RegExp(`^/repos/${owner}/${repo}/issues/(\\d+)/comments$`));
      const single = url.pathname.match(new RegExp(`^/repos/${owner}/${repo}/issues/comments/(\\d+)$`));
      if (list && request.method === 'GET') {
        const issueNumber = Number(list[1]);
        const perPage = Number(url.searchParams.get('per_page') ?? 30);
        const page = Number(url.searchParams.get('page') ?? 1);
        const all = comments.filter((comment) => comment.issueNumber === issueNumber);
        const slice = all.slice((page - 1) * perPage, page * perPage);
        if (page * perPage < all.length) {
          const next = new URL(url.toString());
          next.searchParams.set('page', String(page + 1));
          response.setHeader('link', `<http://${request.headers.host}${next.pathname}${next.search}>; rel="next"`);
        }
        send(response, 200, slice);
        return;
      }
      if (list && request.method === 'POST') {
        const body = await readBody(request);
        const now = new Date().toISOString();
        const comment: StoredComment = {
          id: nextId++,
          issueNumber: Number(list[1]),
          body: String(body.body ?? ''),
          html_url: `https://github.com/${owner}/${repo}/pull/${list[1]}#issuecomment-${nextId - 1}`,
          user: { login: 'github-actions[bot]' },
          created_at: now,
          updated_at: now,
        };
        comments.push(comment);
        send(response, 201, comment);
        return;
      }
      if (single && request.method === 'PATCH') {
        const comment = comments.find((candidate) => candidate.id === Number(single[1]));
        if (!comment) return send(response, 404, { message: 'Not Found' });
        comment.body = String((await readBody(request)).body ?? '');
        comment.updated_at = new Date().toISOString();
        send(response, 200, comment);
        return;
      }
      if (single && request.method === 'DELETE') {
        const index = comments.findIndex((candidate) => candidate.id === Number(single[1]));
        if (index < 0) return send(response, 404, { message: 'Not Found' });
        comments.splice(index, 1);
        response.writeHead(204).end();
        return;
      }
      send(response, 404, { message: `Not Found: ${request.method} ${url.pathname}` });
    })().catch((error: unknown) => send(response, 500, { message: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    comments,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
