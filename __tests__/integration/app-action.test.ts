// A whole app through the action's own door (run() as a runner drives it), on the emulator over HTTP and the local
// GitHub stand-in: a stack discovered with the real CloudFormation client and gated in one step with one comment;
// and the matrix recipe (docs/apps.md): two shards tune their share, the aggregate job merges them and posts the one
// comment, and refuses a shard of another head commit.

import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGitHubApiStub, type GitHubApiStub } from '../../emulator/github/api.js';
import { startEmulator, type Emulator } from '../../emulator/lambda/server.js';
import { expectNoContractViolations } from '../helpers/github.js';
import { runActionInProcess } from '../helpers/action.js';
import { readResultsFile } from '../helpers/results-file.js';

let emulator: Emulator;
let github: GitHubApiStub;
let workspace: string;
let run: (options?: { env?: NodeJS.ProcessEnv }) => Promise<void>;
const savedEnv = { ...process.env };
const PRIMES = { PRIMES_N: '2', PRIMES_M: '100000' };

beforeAll(async () => {
  emulator = await startEmulator({ updateDelayMs: 50 });
  github = await startGitHubApiStub();
  workspace = mkdtempSync(join(tmpdir(), 'lpg-app-action-'));
  const repo = { full_name: 'acme/shop', name: 'shop', owner: { login: 'acme' } };
  writeFileSync(
    join(workspace, 'event.json'),
    JSON.stringify({
      number: 9,
      pull_request: { number: 9, head: { sha: 'abc9', repo }, base: { sha: 'def9', repo } },
      repository: repo,
    }),
  );
  Object.assign(process.env, {
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: join(workspace, 'event.json'),
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_SHA: 'abc9',
    GITHUB_REF: 'refs/pull/9/merge',
    GITHUB_API_URL: github.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '99',
    GITHUB_WORKSPACE: workspace,
  });
  for (const stack of ['shop-staging', 'shop-pr-9']) {
    for (const [service, environment] of [
      ['orders', PRIMES],
      ['users', stack === 'shop-pr-9' ? { ...PRIMES, WORK_MULTIPLIER: '4' } : PRIMES],
    ] as const)
      await emulator.createFunction({ name: `${stack}-${service}`, sample: 'primes', memoryMb: 1024, environment });
    emulator.declareStack({
      name: stack,
      resources: [
        { logicalId: 'OrdersFunction', physicalId: `${stack}-orders` },
        { logicalId: 'UsersFunction', physicalId: `${stack}-users` },
        { logicalId: 'Bucket', type: 'AWS::S3::Bucket', physicalId: `${stack}-bucket` },
      ],
    });
  }
  ({ run } = await import('../../src/action/main.js'));
});

afterAll(async () => {
  process.env = savedEnv;
  await github.close();
  await emulator.close();
});

afterEach(() => {
  expectNoContractViolations(github);
  process.exitCode = undefined;
});

const common = (resultsPath: string): Record<string, string> => ({
  'github-token': 'test-token',
  endpoint: emulator.endpoint,
  'power-values': '1024',
  invocations: '6',
  'min-samples': '4',
  // The doors are under test here, not the gate's statistics (app.test.ts, gate.test.ts): no extra environments, and
  // an absolute limit every measured function breaks, so the verdict is a fail without depending on timing.
  'gate-max-invocations': '0',
  'max-duration-ms': '1',
  'results-path': resultsPath,
});

const appComments = (key: string) =>
  github.comments.filter((comment) => comment.issueNumber === 9 && comment.body.includes(`key=${key} `));

describe('an app through the action', () => {
  it('a stack: functions found with CloudFormation, the unchanged one skipped, one comment and one verdict', async () => {
    const outcome = await runActionInProcess(
      run,
      {
        ...common('stack/results.json'),
        'stack-name': 'shop-pr-9',
        'baseline-stack-name': 'shop-staging',
        key: 'shop',
      },
      { workspace },
    );
    expect(outcome.exitCode).toBe(1);
    expect(outcome.outputs.verdict).toBe('fail');
    const functions = JSON.parse(outcome.outputs.functions ?? '[]') as { key: string; status: string }[];
    expect(functions.map((fn) => [fn.key, fn.status])).toEqual([
      ['OrdersFunction', 'unchanged'],
      ['UsersFunction', 'measured'],
    ]);
    const comments = appComments('shop');
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).toContain('`UsersFunction`');
    expect(comments[0]?.body).toContain('unchanged, not measured');
    expect(outcome.summary).toContain('UsersFunction');
  }, 120_000);

  it('the matrix recipe: two shards, then one aggregate comment; a stale shard is refused', async () => {
    // Each shard tunes its share, posts no comment and leaves the verdict to the aggregate job (examples/matrix.yml).
    const shards = ['shop-pr-9-orders=shop-staging-orders', 'shop-pr-9-users=shop-staging-users'];
    for (const [index, functions] of shards.entries()) {
      const shard = await runActionInProcess(
        run,
        {
          ...common(`shards/shard-${index}/results.json`),
          functions,
          key: 'matrix',
          'comment-mode': 'off',
          'fail-on-regression': 'false',
        },
        { workspace },
      );
      expect(shard.exitCode).toBe(0);
    }
    expect(appComments('matrix')).toHaveLength(0);

    const aggregate = await runActionInProcess(
      run,
      {
        'github-token': 'test-token',
        mode: 'aggregate',
        'results-files': 'shards/*/results.json',
        key: 'matrix',
        'max-duration-ms': '1',
        'results-path': 'aggregate/results.json',
      },
      { workspace },
    );
    expect(aggregate.exitCode).toBe(1);
    expect(aggregate.log).toContain('::error::Regression gate failed');
    expect(aggregate.outputs.verdict).toBe('fail');
    const merged = readResultsFile(join(workspace, 'aggregate/results.json'));
    expect(merged.functions.map((entry) => [entry.key, entry.status])).toEqual([
      ['shop-pr-9-orders', 'unchanged'],
      ['shop-pr-9-users', 'measured'],
    ]);
    const comments = appComments('matrix');
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).toContain('`shop-pr-9-users`');

    // A shard of another head commit (a re-run of an older commit's artifact) is refused, naming the file.
    const stalePath = join(workspace, 'shards/shard-1/results.json');
    const stale = JSON.parse(readFileSync(stalePath, 'utf8')) as { git?: { sha?: string } };
    stale.git = { ...stale.git, sha: '0ld' };
    mkdirSync(join(workspace, 'stale/shard-1'), { recursive: true });
    mkdirSync(join(workspace, 'stale/shard-0'), { recursive: true });
    writeFileSync(join(workspace, 'stale/shard-1/results.json'), JSON.stringify(stale));
    writeFileSync(
      join(workspace, 'stale/shard-0/results.json'),
      readFileSync(join(workspace, 'shards/shard-0/results.json')),
    );
    const refused = await runActionInProcess(
      run,
      {
        'github-token': 'test-token',
        mode: 'aggregate',
        'results-files': 'stale/*/results.json',
        key: 'matrix',
        'results-path': 'aggregate-stale/results.json',
      },
      { workspace },
    );
    expect(refused.exitCode).toBe(1);
    expect(refused.log).toMatch(/::error::Input 'results-files': .*stale\/shard-1\/results\.json.*0ld/);
    expect(appComments('matrix')).toHaveLength(1);
  }, 180_000);
});
