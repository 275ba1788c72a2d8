// IaC suggestions end to end (issue 18 item 3): the action's run() on a pull_request event, the real SDK against
// the Lambda emulator and the real Octokit against the GitHub stand-in, which lists the PR's files with their
// patches and refuses a review comment off the diff as GitHub does (every request checked against GitHub's REST
// description). The workspace holds a SAM template naming the function and a Terraform file that does not.

import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGitHubApiStub, type GitHubApiStub } from '../../emulator/github/api.js';
import { startEmulator, type Emulator } from '../../emulator/lambda/server.js';
import { addedFilePatch } from '../../src/iac/diff.js';
import { expectNoContractViolations } from '../helpers/github.js';
import { runActionInProcess } from '../helpers/action.js';

const PR = 21;
const HEAD = 'c0ffee0000000000000000000000000000000021';
const NEWER = 'c0ffee0000000000000000000000000000000022';
const WAIT = { NETWORK_LATENCY_MS: '50' };
const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  OrdersFunction:
    Type: AWS::Serverless::Function
    Properties:
      FunctionName: orders-pr-21
      Handler: index.handler
      Runtime: nodejs20.x
      MemorySize: 1024 # as deployed
      Role: !GetAtt OrdersRole.Arn
`;

let emulator: Emulator;
let github: GitHubApiStub;
let workspace: string;
let run: Parameters<typeof runActionInProcess>[0];
const savedEnv = { ...process.env };

const writeEvent = (head: string) =>
  writeFileSync(
    join(workspace, 'event.json'),
    JSON.stringify({
      number: PR,
      pull_request: {
        number: PR,
        head: { sha: head, repo: { full_name: 'acme/shop' } },
        base: { sha: 'def0', repo: { full_name: 'acme/shop' } },
      },
      repository: { full_name: 'acme/shop', name: 'shop', owner: { login: 'acme' } },
    }),
  );

beforeAll(async () => {
  emulator = await startEmulator({ updateDelayMs: 50 });
  // A function that waits 50 ms on a timer: more memory buys nothing, so 512 MB is the cheapest by far (about half
  // of 1024 MB). Not 128 MB: at its 0.07 vCPU the handler's own few milliseconds of CPU stretched past the timer
  // while the full suite loaded the machine, and 1024 MB came out cheaper once.
  await emulator.createFunction({ name: 'orders-pr-21', sample: 'network', memoryMb: 1024, environment: WAIT });
  github = await startGitHubApiStub();
  github.setPullHead(PR, HEAD);
  workspace = mkdtempSync(join(tmpdir(), 'lpg-iac-'));
  writeFileSync(join(workspace, 'template.yaml'), TEMPLATE);
  cpSync(new URL('../fixtures/iac/terraform/main.tf', import.meta.url), join(workspace, 'infra/main.tf'));
  writeEvent(HEAD);
  Object.assign(process.env, {
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: join(workspace, 'event.json'),
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_SHA: HEAD,
    GITHUB_REF: `refs/pull/${PR}/merge`,
    GITHUB_API_URL: github.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '210',
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
  process.exitCode = undefined;
});

const tune = (inputs: Record<string, string> = {}) =>
  runActionInProcess(
    run,
    {
      'function-name': 'orders-pr-21',
      'github-token': 'test-token',
      endpoint: emulator.endpoint,
      'power-values': '512,1024',
      invocations: '3',
      'min-samples': '3',
      'suggest-min-saving': '1',
      'results-path': 'out/results.json',
      ...inputs,
    },
    { workspace },
  );
const report = () => github.commentsOn(PR).at(-1)?.body ?? '';
const filesRequests = () =>
  github.requests.filter((request) => request.path.startsWith(`/repos/acme/shop/pulls/${PR}/files`));

describe('a pull request that adds the template', () => {
  beforeAll(() =>
    github.setPullFiles(PR, [{ filename: 'template.yaml', status: 'added', patch: addedFilePatch(TEMPLATE) }]),
  );

  it('posts a review comment with a suggestion that changes the MemorySize line, and the comment links it', async () => {
    const outcome = await tune();
    expect(outcome.exitCode).toBe(0);
    expect(outcome.outputs['recommended-memory']).toBe('512');
    expect(github.reviewComments).toHaveLength(1);
    const [review] = github.reviewComments;
    expect(review).toMatchObject({ path: 'template.yaml', line: 10, side: 'RIGHT', commit_id: HEAD });
    expect(review?.body).toContain('```suggestion\n      MemorySize: 512 # as deployed\n```');
    expect(review?.body.split('\n')[0]).toBe(`<!-- lambda-power-gate iac key=orders-pr-21 sha=${HEAD} -->`);
    const body = report();
    expect(body).toContain('### Memory in the infrastructure code');
    expect(body).toContain(`Suggested in [a review comment](${review?.html_url}) on \`template.yaml\` line 10`);
    // Before the folded details: a cut to GitHub's size limit takes the end first.
    expect(body.indexOf('### Memory in the infrastructure code')).toBeLessThan(body.indexOf('<details>'));
    expect(outcome.summary).toContain('### Memory in the infrastructure code');
  });

  it('a rerun on the same head commit posts nothing new and links the earlier suggestion', async () => {
    const outcome = await tune();
    expect(outcome.exitCode).toBe(0);
    expect(github.reviewComments).toHaveLength(1);
    expect(report()).toContain(`Suggested in [a review comment](${github.reviewComments[0]?.html_url})`);
    expect(outcome.log).toContain('is posted already');
  });
});

describe('a newer head whose diff does not touch the MemorySize line', () => {
  beforeAll(() => {
    writeEvent(NEWER);
    process.env['GITHUB_SHA'] = NEWER;
    github.setPullHead(PR, NEWER);
    github.setPullFiles(PR, [
      {
        filename: 'template.yaml',
        status: 'modified',
        patch: '@@ -9,1 +9,1 @@\n-      Runtime: nodejs18.x\n+      Runtime: nodejs20.x',
      },
    ]);
  });

  it('names the file and line in the comment instead, and says why no suggestion was posted', async () => {
    const outcome = await tune();
    expect(outcome.exitCode).toBe(0);
    expect(github.reviewComments).toHaveLength(1);
    const body = report();
    expect(body).toContain('Change `1024` to 512 in `template.yaml` line 10');
    expect(body).toContain("that line is not in this pull request's diff, so no suggestion was posted");
  });

  it('suggest-min-saving: off reads no PR files and adds no section', async () => {
    const before = filesRequests().length;
    await tune({ 'suggest-min-saving': 'off' });
    expect(filesRequests()).toHaveLength(before);
    expect(report()).not.toContain('Memory in the infrastructure code');
  });

  it('a saving under suggest-min-saving: nothing suggested', async () => {
    await tune({ 'suggest-min-saving': '99.9' });
    expect(report()).not.toContain('Memory in the infrastructure code');
  });
});

describe('an app from its stack: functions known by their logical ids', () => {
  const APP_TEMPLATE = `Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    MemorySize: 1024
Resources:
  OrdersFunction:
    Type: AWS::Serverless::Function
    Properties:
      Handler: orders.handler
      MemorySize: 1024
  ReportFunction:
    Type: AWS::Serverless::Function
    Properties:
      Handler: report.handler
  ArchiveFunction:
    Type: AWS::Serverless::Function
    Properties:
      Handler: archive.handler
`;
  let appWorkspace: string;
  beforeAll(async () => {
    for (const service of ['orders', 'report'])
      await emulator.createFunction({
        name: `shop-pr-21-${service}`,
        sample: 'network',
        memoryMb: 1024,
        environment: WAIT,
      });
    emulator.declareStack({
      name: 'shop-pr-21',
      resources: [
        { logicalId: 'OrdersFunction', physicalId: 'shop-pr-21-orders' },
        { logicalId: 'ReportFunction', physicalId: 'shop-pr-21-report' },
      ],
    });
    writeEvent(NEWER);
    process.env['GITHUB_SHA'] = NEWER;
    github.setPullHead(PR, NEWER);
    appWorkspace = mkdtempSync(join(tmpdir(), 'lpg-iac-app-'));
    writeFileSync(join(appWorkspace, 'template.yaml'), APP_TEMPLATE);
    github.setPullFiles(PR, [{ filename: 'template.yaml', status: 'added', patch: addedFilePatch(APP_TEMPLATE) }]);
  });

  it("suggests on the function's own line; a Globals setting other functions inherit is named, not changed", async () => {
    const before = github.reviewComments.length;
    const outcome = await runActionInProcess(
      run,
      {
        'stack-name': 'shop-pr-21',
        key: 'shop',
        'github-token': 'test-token',
        endpoint: emulator.endpoint,
        'power-values': '512,1024',
        invocations: '3',
        'min-samples': '3',
        'suggest-min-saving': '1',
        'results-path': 'out/results.json',
      },
      { workspace: appWorkspace },
    );
    expect(outcome.exitCode).toBe(0);
    const added = github.reviewComments.slice(before);
    expect(added.map((review) => [review.path, review.line, review.body.split('\n')[0]])).toEqual([
      ['template.yaml', 10, `<!-- lambda-power-gate iac key=OrdersFunction sha=${NEWER} -->`],
    ]);
    expect(added[0]?.body).toContain('```suggestion\n      MemorySize: 512\n```');
    const body =
      github.comments.filter((comment) => comment.issueNumber === PR && comment.body.includes('key=shop ')).at(-1)
        ?.body ?? '';
    expect(body).toContain('Suggested in [a review comment]');
    expect(body).toContain(
      'Not changed: its memory comes from `Globals.Function.MemorySize` (`template.yaml` line 4), which `Resources.ArchiveFunction` inherits too; set MemorySize to 512 on `Resources.ReportFunction` (`template.yaml` line 11) itself.',
    );
  });
});
