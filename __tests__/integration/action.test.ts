// The action's run() end to end as a runner drives it: INPUT_* and GITHUB_* environment, a pull_request event
// file, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, the emulator over HTTP and a local GitHub API stand-in.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  GetFunctionConfigurationCommand,
  LambdaClient,
  ListAliasesCommand,
  ListVersionsByFunctionCommand,
} from '@aws-sdk/client-lambda';
import { startGitHubApiStub, type GitHubApiStub } from '../../emulator/github/api.js';
import { expectNoContractViolations } from '../helpers/github.js';
import { startEmulator, type Emulator } from '../../emulator/lambda/server.js';
import { parseResultsFile } from '../../src/results/parse.js';
import { jsonSchemaProblems } from '../helpers/results-schema.js';
import { commentMarker } from '../../src/report/comment.js';
import { runActionInProcess } from '../helpers/action.js';

let emulator: Emulator;
let github: GitHubApiStub;
let workspace: string;
let run: (options?: { env?: NodeJS.ProcessEnv }) => Promise<void>;
const savedEnv = { ...process.env };

beforeAll(async () => {
  emulator = await startEmulator({ updateDelayMs: 50 });
  github = await startGitHubApiStub();
  workspace = mkdtempSync(join(tmpdir(), 'lpg-action-'));
  const repo = { full_name: 'acme/shop', name: 'shop', owner: { login: 'acme' } };
  writeFileSync(
    join(workspace, 'event.json'),
    JSON.stringify({
      number: 7,
      pull_request: { number: 7, head: { sha: 'abc', repo }, base: { sha: 'def', repo } },
      repository: repo,
    }),
  );
  // @actions/github reads the event when it is first imported.
  Object.assign(process.env, {
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: join(workspace, 'event.json'),
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_SHA: 'abc',
    GITHUB_REF: 'refs/pull/7/merge',
    GITHUB_API_URL: github.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '99',
    GITHUB_WORKSPACE: workspace,
  });
  ({ run } = await import('../../src/action/main.js'));
});

afterAll(async () => {
  process.env = savedEnv;
  await github.close();
  await emulator.close();
});

afterEach(() => {
  expectNoContractViolations(github);
  // core.setFailed sets the exit code of the process running the action: here, jest's.
  process.exitCode = undefined;
});

/** Runs the action with these inputs; returns what a runner would collect. */
/** Runs the action with these inputs; returns what a runner would collect. */
async function runAction(inputs: Record<string, string>) {
  return runActionInProcess(run, { 'github-token': 'test-token', ...inputs }, { workspace });
}

const client = () =>
  new LambdaClient({
    region: 'us-east-1',
    endpoint: emulator.endpoint,
    credentials: { accessKeyId: 't', secretAccessKey: 't' },
  });

describe('the action on the emulator', () => {
  it('tunes, writes results.json, the summary, the outputs and one sticky comment', async () => {
    await emulator.createFunction({ name: 'orders', sample: 'noop', memoryMb: 512, description: 'orders' });
    const inputs = {
      'function-name': 'orders',
      endpoint: emulator.endpoint,
      'power-values': '128,512',
      invocations: '3',
      key: 'orders',
    };
    const first = await runAction(inputs);
    expect(first.exitCode).toBe(0);
    expect(first.outputs['recommended-memory']).toMatch(/^(128|512)$/);
    expect(first.outputs['current-memory']).toBe('512');
    // Plain decimals a shell or a comparison can use: a no-op costs about 2×10⁻⁷ USD, which String() writes as "2e-7".
    expect(first.outputs['recommended-cost']).toMatch(/^0\.0000\d{1,8}$/);
    expect(first.outputs['current-cost']).toMatch(/^0\.0000\d{1,8}$/);
    expect(first.outputs['visualization-url']).toMatch(/^https:\/\/lambda-power-tuning\.show\/#/);
    // The action's own results.json, read back as every reader reads it, and valid against the published JSON Schema.
    const written = readFileSync(first.outputs['results-path'] ?? '', 'utf8');
    const file = parseResultsFile(written, (problem) => new Error(`results.json ${problem}`));
    expect(file.functions.map((entry) => [entry.key, entry.status])).toEqual([['orders', 'measured']]);
    const result = file.functions[0]?.result;
    if (!result) throw new Error('no result');
    expect(JSON.parse(first.outputs.functions ?? '[]')).toMatchObject([{ key: 'orders', status: 'measured' }]);
    expect(jsonSchemaProblems(JSON.parse(written))).toEqual([]);
    expect(result.powerValues.map((entry) => entry.memoryMb)).toEqual([128, 512]);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    // What this run spent: every invocation it made (the samples), in results.json, the outputs and the summary.
    const invocations = result.powerValues.reduce((sum, entry) => sum + entry.samples.length, 0);
    expect(result.spend?.invocations).toBe(invocations);
    expect(file.spend?.total).toEqual(result.spend);
    expect(first.outputs['run-invocations']).toBe(String(invocations));
    expect(Number(first.outputs['run-cost'])).toBeCloseTo(result.tuningCostUsd, 10);
    expect(first.outputs['run-cost']).toMatch(/^\d+\.\d+$/);
    expect(Number(first.outputs['run-gb-seconds'])).toBeGreaterThan(0);
    expect(Number(first.outputs['run-wall-time-seconds'])).toBeGreaterThan(0);
    expect(first.summary).toContain(`**This run spent:** ${invocations} invocations, `);
    // The table's row (a no-break space keeps figure and unit together), whichever memory size was recommended.
    expect(first.summary).toMatch(/\| 128\sMB \|/);
    const mine = github.comments.filter(
      (comment) => comment.body.includes('lambda-power-gate') && comment.body.includes('orders'),
    );
    expect(mine).toHaveLength(1);

    // A second run on the same PR updates the same comment instead of adding one.
    const second = await runAction(inputs);
    expect(second.exitCode).toBe(0);
    expect(
      github.comments.filter(
        (comment) => comment.body.includes('lambda-power-gate') && comment.body.includes('orders'),
      ),
    ).toHaveLength(1);
    const lambda = client();
    expect((await lambda.send(new ListAliasesCommand({ FunctionName: 'orders' }))).Aliases).toEqual([]);
    expect(
      (await lambda.send(new ListVersionsByFunctionCommand({ FunctionName: 'orders' }))).Versions?.map(
        (v) => v.Version,
      ),
    ).toEqual(['$LATEST']);
  });

  it('rejects bad input in one line, exit code 1, without calling Lambda', async () => {
    const before = JSON.stringify(emulator.stats().requests);
    const outcome = await runAction({
      'function-name': 'orders',
      endpoint: emulator.endpoint,
      'power-values': '64,128',
    });
    expect(outcome.exitCode).toBe(1);
    const errors = outcome.log.split('\n').filter((line) => line.startsWith('::error'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/power-values/);
    expect(outcome.log).not.toMatch(/\n\s+at /);
    expect(JSON.stringify(emulator.stats().requests)).toBe(before);
  });

  it('fails the job loudly when every memory size fails, and restores the function', async () => {
    // A long timeout so a loaded runner reaches the memory limit before the function's timeout.
    await emulator.createFunction({
      name: 'oom',
      sample: 'memory-hungry',
      memoryMb: 256,
      timeoutSec: 30,
      description: 'oom',
    });
    const outcome = await runAction({
      'function-name': 'oom',
      endpoint: emulator.endpoint,
      'power-values': '128,256',
      invocations: '2',
      key: 'oom',
    });
    expect(outcome.exitCode).toBe(1);
    expect(outcome.log).toMatch(/::error::.*Every memory size failed/);
    expect(outcome.summary).toMatch(/failed/i);
    const config = await client().send(new GetFunctionConfigurationCommand({ FunctionName: 'oom' }));
    expect(config.MemorySize).toBe(256);
  });
});

describe('hide-and-new on a pull request with many earlier reports', () => {
  /** Earlier reports of the key by the Actions bot, all minimised by earlier runs except the last one. */
  function earlierReports(key: string, count: number) {
    const earlier = Array.from({ length: count }, (_, index) =>
      github.addComment(7, `${commentMarker({ key })}\nrun ${index + 1}`),
    );
    for (const comment of earlier.slice(0, -1))
      Object.assign(comment, { isMinimized: true, minimizedReason: 'OUTDATED' });
    return earlier;
  }
  const inputs = (name: string) => ({
    'function-name': name,
    endpoint: emulator.endpoint,
    'power-values': '128,256',
    invocations: '2',
    key: name,
    'comment-mode': 'hide-and-new',
  });

  it('the 151st run posts, hides the last report, sets comment-url and warns of nothing (GitHub takes 100 node ids a query)', async () => {
    await emulator.createFunction({ name: 'reports', sample: 'noop', memoryMb: 256, description: 'reports' });
    const earlier = earlierReports('reports', 150);
    const from = github.requests.length;
    const outcome = await runAction(inputs('reports'));
    expect(outcome.exitCode).toBe(0);
    expect(outcome.log).not.toContain('Could not post the PR comment');
    expect(outcome.log).not.toContain('::warning::PR comment');
    const posted = github.commentsOn(7).at(-1);
    expect(posted?.body).toContain('key=reports ');
    expect(outcome.outputs['comment-url']).toBe(posted?.html_url);
    expect(posted?.isMinimized).toBe(false);
    expect(earlier.every((comment) => comment.isMinimized)).toBe(true);
    const nodeQueries = github.requests
      .slice(from)
      .filter((request) => request.path === '/graphql' && String(request.body?.['query']).includes('nodes('));
    expect(nodeQueries.map((request) => (request.body?.['variables'] as { ids: string[] }).ids.length)).toEqual([
      100, 50,
    ]);
  });

  it('a failure to hide the earlier reports does not mask the posted one: comment-url is set, the warning says what failed', async () => {
    await emulator.createFunction({ name: 'reports-403', sample: 'noop', memoryMb: 256, description: 'reports-403' });
    earlierReports('reports-403', 3);
    github.failNext({ method: 'POST', path: /^\/graphql$/ }, 403);
    const outcome = await runAction(inputs('reports-403'));
    expect(outcome.exitCode).toBe(0);
    const posted = github.commentsOn(7).at(-1);
    expect(outcome.outputs['comment-url']).toBe(posted?.html_url);
    expect(outcome.log).toContain(
      `::warning::PR comment posted (${posted?.html_url}), but could not hide the earlier comments: 403`,
    );
    expect(outcome.log).not.toContain('Could not post the PR comment');
  });
});
