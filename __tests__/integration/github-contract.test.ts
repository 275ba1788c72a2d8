// The GitHub API stand-in holds clients to GitHub's contract: the REST description (@octokit/openapi, compacted in
// emulator/contracts/github-rest.json), the GraphQL schema (@octokit/graphql-schema) and the limits neither
// states. Each refusal is GitHub's answer, and each is recorded as a contract violation.

import { existsSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { startGitHubApiStub, type GitHubApiStub } from '../../emulator/github/api.js';
import { loadRestContract, matchRoute } from '../../emulator/contracts/github.js';
import { expectNoContractViolations, takeViolations } from '../helpers/github.js';

let stub: GitHubApiStub;

beforeEach(async () => {
  stub = await startGitHubApiStub({ owner: 'acme', repo: 'shop' });
});

afterEach(async () => {
  await stub.close();
  // Each test takes the violations it provoked; anything left over is one it did not expect.
  expectNoContractViolations(stub);
});

async function call(
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${stub.url}${path}`, {
    method,
    headers: { authorization: 'token test', 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

const graphql = (query: string, variables: Record<string, unknown> = {}) =>
  call('POST', '/graphql', { query, variables });
const kinds = () => takeViolations(stub).map((entry) => entry.kind);

describe('REST: operations', () => {
  test('a path GitHub does not know: 404 Not Found, as GitHub answers, and a violation', async () => {
    const answer = await call('GET', '/repos/acme/shop/no-such-thing');
    expect(answer).toEqual({
      status: 404,
      body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' },
    });
    expect(kinds()).toEqual(['unknown-operation']);
  });

  test('a method GitHub does not have on a known path: 404 (GitHub never answers 405), and a violation', async () => {
    expect((await call('PUT', '/repos/acme/shop/issues/comments/1', { body: 'x' })).status).toBe(404);
    expect(kinds()).toEqual(['unknown-operation']);
  });

  test('an operation GitHub has but the stand-in does not implement: 501 naming it, never a silent 404', async () => {
    const answer = await call('GET', '/repos/acme/shop/issues');
    expect(answer.status).toBe(501);
    expect(answer.body['message']).toMatch(/does not implement GET \/repos\/\{owner\}\/\{repo\}\/issues/);
    expect(kinds()).toEqual(['not-implemented']);
  });

  test('every operation in the generated contract is implemented by the stand-in', async () => {
    const placeholders: Record<string, string> = {
      owner: 'acme',
      repo: 'shop',
      ref: 'heads/main',
      issue_number: '1',
      pull_number: '1',
      comment_id: '1',
    };
    for (const [id, operation] of Object.entries(loadRestContract().operations)) {
      const path = operation.path.replace(/\{(\w+)\}/g, (_all, name: string) => placeholders[name] ?? 'a'.repeat(40));
      await call(operation.method, path, operation.method === 'GET' || operation.method === 'DELETE' ? undefined : {});
      expect([id, takeViolations(stub).filter((entry) => entry.kind === 'not-implemented')]).toEqual([id, []]);
    }
  });

  test("label events and a user's permission, shaped as GitHub's description gives them", async () => {
    stub.setPermission('mia', 'maintain');
    stub.setPermission('tom', 'triage');
    stub.setPermission('cara', { name: 'release-manager', base: 'write' });
    stub.addLabel(7, 'accept', 'mia');
    stub.removeLabel(7, 'accept', 'tom');
    const events = (await call('GET', '/repos/acme/shop/issues/7/events?per_page=1')) as unknown as {
      status: number;
      body: Record<string, unknown>[];
    };
    expect(events.status).toBe(200);
    expect(events.body).toEqual([
      expect.objectContaining({
        event: 'labeled',
        actor: expect.objectContaining({ login: 'mia' }),
        label: { name: 'accept', color: 'ededed' },
        commit_id: null,
      }),
    ]);
    const second = (await call('GET', '/repos/acme/shop/issues/7/events?per_page=1&page=2')).body as unknown as Record<
      string,
      unknown
    >[];
    expect(second[0]).toMatchObject({ event: 'unlabeled', actor: { login: 'tom' } });
    // "the maintain role is mapped to write and the triage role is mapped to read"; role_name keeps the role.
    const permission = async (login: string) =>
      (await call('GET', `/repos/acme/shop/collaborators/${login}/permission`)).body;
    expect(await permission('mia')).toMatchObject({
      permission: 'write',
      role_name: 'maintain',
      user: { login: 'mia' },
    });
    expect(await permission('tom')).toMatchObject({ permission: 'read', role_name: 'triage' });
    expect(await permission('cara')).toMatchObject({ permission: 'write', role_name: 'release-manager' });
    expect(await permission('someone')).toMatchObject({ permission: 'read', role_name: 'read' });
    expect((await call('GET', '/repos/acme/shop/collaborators/dependabot[bot]/permission')).status).toBe(404);
  });

  test('multi-segment parameters: a ref with slashes reaches git/get-ref, not another template', () => {
    expect(matchRoute('GET', '/repos/acme/shop/git/ref/heads/feature/x')).toMatchObject({
      kind: 'known',
      operationId: 'git/get-ref',
      params: { ref: 'heads/feature/x' },
    });
    expect(matchRoute('PATCH', '/repos/acme/shop/git/refs/heads/lambda-power-gate-data')).toMatchObject({
      operationId: 'git/update-ref',
    });
    expect(matchRoute('GET', '/repos/acme/shop/issues/7/comments')).toMatchObject({
      operationId: 'issues/list-comments',
      params: { issue_number: '7' },
    });
  });

  test('the contract file names its source and version (regenerate: node scripts/github-contract.mjs)', () => {
    const contract = loadRestContract();
    expect(contract.source).toMatch(/^@octokit\/openapi@\d+\.\d+\.\d+ generated\/api\.github\.com\.json/);
    expect(Object.keys(contract.paths).length).toBeGreaterThan(500);
    for (const operation of Object.values(contract.operations))
      expect(contract.paths[operation.path]?.methods).toContain(operation.method);
  });

  // The description itself is 13 MB and not a dependency; when a copy is at hand, the committed file must match it.
  const description = process.env['GITHUB_OPENAPI_DESCRIPTION'];
  (description && existsSync(description) ? test : test.skip)(
    'the committed contract matches the description in GITHUB_OPENAPI_DESCRIPTION',
    () => {
      expect(() =>
        execFileSync('node', ['scripts/github-contract.mjs', '--check', description ?? ''], { encoding: 'utf8' }),
      ).not.toThrow();
    },
  );
});

describe('REST: parameters and bodies against the description', () => {
  test('a required body property missing: 422 "Invalid request" with GitHub\'s wording and the operation\'s docs', async () => {
    const answer = await call('POST', '/repos/acme/shop/issues/7/comments', {});
    expect(answer).toEqual({
      status: 422,
      body: {
        message: 'Invalid request.\n\n"body" wasn\'t supplied.',
        documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
        status: '422',
      },
    });
    expect(kinds()).toEqual(['invalid-request']);
  });

  test('a property of the wrong type and a value outside an enum: 422, with where it is', async () => {
    const force = await call('PATCH', '/repos/acme/shop/git/refs/heads/main', { sha: 'a'.repeat(40), force: 'yes' });
    expect(force.status).toBe(422);
    expect(force.body['message']).toBe('Invalid request.\n\nFor \'properties/force\', "yes" is not a boolean.');
    const mode = await call('POST', '/repos/acme/shop/git/trees', {
      tree: [{ path: 'a.json', mode: '100600', type: 'blob', content: '{}' }],
    });
    expect(mode.status).toBe(422);
    expect(mode.body['message']).toMatch(
      /For 'properties\/tree\/items\/0\/properties\/mode', "100600" is not a member of/,
    );
    expect(kinds()).toEqual(['invalid-request', 'invalid-request']);
  });

  test('a path parameter of the wrong type: GitHub routes nothing there, 404', async () => {
    expect((await call('GET', '/repos/acme/shop/issues/seven/comments')).status).toBe(404);
    expect(kinds()).toEqual(['invalid-request']);
  });

  test('another repository: 404 as GitHub answers for one the token cannot see, not a contract violation', async () => {
    expect((await call('GET', '/repos/other/repo/issues/7/comments')).status).toBe(404);
    expect(kinds()).toEqual([]);
  });

  test('git/get-tree: any value of recursive recurses, "0" and "false" too (the description says so)', async () => {
    const sha = stub.commitFiles('data', { 'a/b.json': '{}' });
    const commit = await call('GET', `/repos/acme/shop/git/commits/${sha}`);
    const tree = (commit.body['tree'] as { sha: string }).sha;
    for (const value of ['0', 'false', '1']) {
      const answer = await call('GET', `/repos/acme/shop/git/trees/${tree}?recursive=${value}`);
      expect((answer.body['tree'] as { path: string }[]).map((entry) => entry.path)).toContain('a/b.json');
    }
  });
});

describe('REST: limits the description does not carry', () => {
  const body = (chars: number) => `${'x'.repeat(chars - 2)}😀!`;

  test('a comment body of 65,537 characters: GitHub\'s 422 "Body is too long", and a violation; 65,536 is accepted', async () => {
    const refused = await call('POST', '/repos/acme/shop/issues/7/comments', { body: body(65_537) });
    expect(refused).toEqual({
      status: 422,
      body: {
        message: 'Validation Failed',
        documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
        status: '422',
        errors: [
          {
            resource: 'IssueComment',
            code: 'unprocessable',
            field: 'data',
            message: 'Body is too long (maximum is 65536 characters)',
          },
        ],
      },
    });
    expect(kinds()).toEqual(['limit']);
    // Characters, not UTF-16 units: the emoji counts once.
    expect((await call('POST', '/repos/acme/shop/issues/7/comments', { body: body(65_536) })).status).toBe(201);
    const [comment] = stub.commentsOn(7);
    expect(
      (await call('PATCH', `/repos/acme/shop/issues/comments/${comment?.id}`, { body: body(65_537) })).status,
    ).toBe(422);
    expect(kinds()).toEqual(['limit']);
  });

  test('per_page=101: GitHub answers 100 (it caps, it does not refuse), and the stand-in records the reliance', async () => {
    for (let i = 0; i < 120; i++) stub.addComment(7, `comment ${i}`, 'reviewer');
    const answer = await call('GET', '/repos/acme/shop/issues/7/comments?per_page=101');
    expect(answer.status).toBe(200);
    expect(answer.body).toHaveLength(100);
    expect(takeViolations(stub)).toEqual([
      expect.objectContaining({
        kind: 'limit',
        message: expect.stringContaining("per_page=101 is over GitHub's documented maximum of 100"),
      }),
    ]);
    expect((await call('GET', '/repos/acme/shop/issues/7/comments?per_page=100')).body).toHaveLength(100);
  });
});

describe("GraphQL against GitHub's schema", () => {
  const NODES = 'query($ids: [ID!]!) { nodes(ids: $ids) { ... on IssueComment { id isMinimized } } }';

  test("a field the schema does not have: HTTP 200 with errors in GitHub's shape, and a violation", async () => {
    const answer = await graphql('query($ids: [ID!]!) { nodes(ids: $ids) { ... on IssueComment { id isHidden } } }', {
      ids: [],
    });
    expect(answer).toEqual({
      status: 200,
      body: {
        errors: [
          {
            locations: [{ line: 1, column: 67 }],
            extensions: { code: 'undefinedField', typeName: 'IssueComment', fieldName: 'isHidden' },
            message: "Field 'isHidden' doesn't exist on type 'IssueComment'",
          },
        ],
      },
    });
    expect(kinds()).toEqual(['graphql']);
  });

  test('variables that do not fit the operation, and a syntax error: errors, and violations', async () => {
    // (A single id where a list is declared is fine: GraphQL coerces it to a list of one.)
    expect((await graphql(NODES, { ids: [true] })).body['errors']).toBeDefined();
    expect((await graphql(NODES, {})).body['errors']).toEqual([
      expect.objectContaining({ message: expect.stringContaining('$ids') }),
    ]);
    expect((await graphql('query { nodes(ids: [) }')).body['errors']).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/^Syntax Error/) }),
    ]);
    expect(kinds()).toEqual(['graphql', 'graphql', 'graphql']);
  });

  test("more than 100 node ids: ARGUMENT_LIMIT with GitHub's message and no data; 100 pass", async () => {
    const ids = Array.from({ length: 101 }, (_, index) => stub.addComment(7, `c${index}`).node_id);
    const refused = await graphql(NODES, { ids });
    expect(refused).toEqual({
      status: 200,
      body: {
        errors: [
          {
            type: 'ARGUMENT_LIMIT',
            path: ['nodes'],
            locations: [{ line: 1, column: 23 }],
            message: 'You may not provide more than 100 node ids; you provided 101.',
          },
        ],
      },
    });
    expect(kinds()).toEqual(['limit']);
    const accepted = await graphql(NODES, { ids: ids.slice(0, 100) });
    expect((accepted.body['data'] as { nodes: unknown[] }).nodes).toHaveLength(100);
    expect(kinds()).toEqual([]);
  });

  test('an unknown node id is null in place with a NOT_FOUND error (a normal answer, not a violation)', async () => {
    const known = stub.addComment(7, 'known');
    const answer = await graphql(NODES, { ids: ['IC_nope', known.node_id] });
    expect(answer.body).toEqual({
      data: { nodes: [null, { id: known.node_id, isMinimized: false }] },
      errors: [
        {
          type: 'NOT_FOUND',
          path: ['nodes', 0],
          locations: [{ line: 1, column: 23 }],
          message: "Could not resolve to a node with the global id of 'IC_nope'.",
        },
      ],
    });
    expect(kinds()).toEqual([]);
  });

  test('minimizeComment with a classifier the schema does not have is refused; OUTDATED minimises', async () => {
    const comment = stub.addComment(7, 'old');
    const mutation = (classifier: string) =>
      `mutation($id: ID!) { minimizeComment(input: { subjectId: $id, classifier: ${classifier} }) { minimizedComment { isMinimized } } }`;
    expect((await graphql(mutation('STALE'), { id: comment.node_id })).body['errors']).toBeDefined();
    expect(kinds()).toEqual(['graphql']);
    expect(comment.isMinimized).toBe(false);
    expect((await graphql(mutation('OUTDATED'), { id: comment.node_id })).body).toEqual({
      data: { minimizeComment: { minimizedComment: { isMinimized: true } } },
    });
    expect([comment.isMinimized, comment.minimizedReason]).toEqual([true, 'OUTDATED']);
  });
});

test('the stand-in never ships: the contract and the schema are devDependencies, outside src/', () => {
  const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
    dependencies: Record<string, string>;
    devDependencies: Record<string, string>;
  };
  for (const name of ['@octokit/graphql-schema', 'graphql']) {
    expect(manifest.devDependencies[name]).toBeDefined();
    expect(manifest.dependencies[name]).toBeUndefined();
  }
});

describe('REST: review comments on a pull request (IaC suggestions)', () => {
  const HEAD = 'c0ffee0000000000000000000000000000000043';
  const patch = [
    '@@ -10,3 +10,4 @@ Resources:',
    '   Fn:',
    '-    MemorySize: 2048',
    '+    MemorySize: 1024',
    '+    Timeout: 3',
    '     Handler: x',
  ].join('\n');
  const comment = (line: number, extra: Record<string, unknown> = {}) =>
    call('POST', '/repos/acme/shop/pulls/43/comments', {
      body: 'x',
      commit_id: HEAD,
      path: 'template.yaml',
      line,
      side: 'RIGHT',
      ...extra,
    });
  beforeEach(() => {
    stub.setPullHead(43, HEAD);
    stub.setPullFiles(43, [
      { filename: 'template.yaml', status: 'modified', patch },
      { filename: 'logo.png', status: 'added' },
    ]);
  });

  test("the PR's files with their patches (none for a binary file), as GitHub lists them", async () => {
    const answer = await call('GET', '/repos/acme/shop/pulls/43/files?per_page=100');
    expect(answer.status).toBe(200);
    const files = answer.body as unknown as Record<string, unknown>[];
    expect(files.map((file) => [file['filename'], file['status'], file['additions'], file['deletions']])).toEqual([
      ['template.yaml', 'modified', 2, 1],
      ['logo.png', 'added', 0, 0],
    ]);
    expect(files[0]?.['patch']).toBe(patch);
    expect('patch' in (files[1] ?? {})).toBe(false);
  });

  test('at most 3000 files, as GitHub documents', async () => {
    stub.setPullFiles(
      43,
      Array.from({ length: 3005 }, (_, i) => ({ filename: `f${i}.txt` })),
    );
    let count = 0;
    for (let page = 1; page <= 31; page++)
      count += (
        (await call('GET', `/repos/acme/shop/pulls/43/files?per_page=100&page=${page}`)).body as unknown as unknown[]
      ).length;
    expect(count).toBe(3000);
  });

  test('on an added or context line of the right side: 201, and listed back', async () => {
    const created = await comment(11);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ path: 'template.yaml', line: 11, side: 'RIGHT', commit_id: HEAD });
    expect((await comment(13)).status).toBe(201);
    const listed = (await call('GET', '/repos/acme/shop/pulls/43/comments')).body as unknown as { line: number }[];
    expect(listed.map((entry) => entry.line)).toEqual([11, 13]);
  });

  test('a line outside the diff: GitHub\'s 422 "must be part of the diff", and a violation', async () => {
    const refused = await comment(30);
    expect(refused).toEqual({
      status: 422,
      body: {
        message: 'Validation Failed',
        documentation_url: 'https://docs.github.com/rest/pulls/comments#create-a-review-comment-for-a-pull-request',
        status: '422',
        errors: [
          {
            resource: 'PullRequestReviewComment',
            code: 'custom',
            field: 'pull_request_review_thread.line',
            message: 'pull_request_review_thread.line must be part of the diff',
          },
          {
            resource: 'PullRequestReviewComment',
            code: 'missing_field',
            field: 'pull_request_review_thread.diff_hunk',
          },
        ],
      },
    });
    expect(kinds()).toEqual(['limit']);
    // The removed line exists on the left side only; a file the PR does not change has no diff at all.
    expect((await comment(11, { side: 'LEFT' })).status).toBe(201);
    expect((await comment(13, { side: 'LEFT' })).status).toBe(422);
    expect((await comment(1, { path: 'README.md' })).status).toBe(422);
    expect((await comment(1, { path: 'logo.png' })).status).toBe(422);
    expect(kinds()).toEqual(['limit', 'limit', 'limit']);
  });

  test('a commit that is not the head: 422 naming end_commit_oid; a body without commit_id: 422 from the description', async () => {
    const stale = await comment(11, { commit_id: 'ba5e000000000000000000000000000000000001' });
    expect(stale.status).toBe(422);
    expect(JSON.stringify(stale.body)).toContain('end_commit_oid is not part of the pull request');
    expect(kinds()).toEqual(['limit']);
    const missing = await call('POST', '/repos/acme/shop/pulls/43/comments', {
      body: 'x',
      path: 'template.yaml',
      line: 11,
    });
    expect(missing.status).toBe(422);
    expect(kinds()).toEqual(['invalid-request']);
  });

  test('what the stand-in does not model (replies, positions, ranges) is 501, never a pretend success', async () => {
    expect((await comment(11, { in_reply_to: 1 })).status).toBe(501);
    expect((await comment(11, { start_line: 10 })).status).toBe(501);
    expect(kinds()).toEqual(['not-implemented', 'not-implemented']);
  });
});
