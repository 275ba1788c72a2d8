// `npm run demo`: the whole job on this machine. Starts the local Lambda emulator and a stand-in for GitHub's
// API, deploys sample functions, and runs the action's real entrypoint (dist/index.js) on push and pull_request
// events, exactly as a runner would. No AWS account, no network.

import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { startEmulator } from '../emulator/lambda/server.js';
import { renderSpendLine, renderTerminalTable } from '../src/report/terminal.js';
import { parseResultsFile } from '../src/results/parse.js';
import { startGitHubApiStub, type GitHubApiStub } from '../emulator/github/api.js';
import { addedFilePatch } from '../src/iac/diff.js';
import { graphqlSchemaSource, loadRestContract } from '../emulator/contracts/github.js';
import { prettyLogLine, runAction } from '../emulator/github/runner.js';

const OUTPUT_DIR = resolve('demo-output');
const say = (text: string) => process.stdout.write(`${text}\n`);

async function main(): Promise<number> {
  const started = Date.now();
  if (!existsSync('dist/index.js')) {
    say('dist/index.js is missing: run `npm run build` first.');
    return 1;
  }
  rmSync(OUTPUT_DIR, { recursive: true, force: true });
  mkdirSync(OUTPUT_DIR, { recursive: true });

  say('lambda-power-gate demo: the action, end to end, against a local Lambda emulator\n');
  // The emulator logs every request; the demo shows only what it says about itself (CPU limits, functions).
  const emulator = await startEmulator({
    updateDelayMs: 500,
    logger: (line) => {
      if (!/ → \d{3} /.test(line) || line.startsWith('contract violation')) say(`  [emulator] ${line}`);
    },
  });
  const github = await startGitHubApiStub();
  const stop = async () => {
    await emulator.close();
    await github.close();
  };
  process.once('SIGINT', () => void stop().then(() => process.exit(130)));
  try {
    say(
      `Emulator: ${emulator.endpoint} (CPU limits: ${emulator.cpuMode === 'model' ? 'CPU-time model, cgroups not writable' : 'cgroups'})`,
    );
    // The talk's CPU-bound workload ("compute N times all primes ≤ M"), deployed twice per service as a team would:
    // the base branch's stack (staging) and the PR's. The gate tunes both in one run, taking turns (live A/B).
    const work = { PRIMES_N: '10', PRIMES_M: '500000' };
    const deploy = (name: string, environment: Record<string, string>, description: string, sample = 'primes') =>
      emulator.createFunction({ name, sample, memoryMb: 1024, environment, description });
    // The default branch's checkout (two pushes store its history) and PR #42 and #44: one function, same code
    // (function-name with baseline-function, and with baseline-branch).
    await deploy('checkout-staging', work, 'checkout, main');
    await deploy('checkout-pr-42', work, 'checkout, PR #42');
    await deploy('checkout-pr-44', work, 'checkout, PR #44');
    // PR #43: the whole shop app from its stack (stack-name + baseline-stack-name), one step, one comment:
    // Checkout unchanged (skipped), Search doing half as much work again (regressed), Report waiting half as long on
    // the warehouse's API (improved). Report waits on a timer (the network sample), so more memory buys it nothing
    // and 128 MB is the clear recommendation: the IaC suggestion on its MemorySize does not hang on a near tie.
    const app: {
      logicalId: string;
      service: string;
      sample: string;
      base: Record<string, string>;
      pr: Record<string, string>;
      note: string;
    }[] = [
      { logicalId: 'CheckoutFunction', service: 'checkout', sample: 'primes', base: work, pr: work, note: 'same code' },
      {
        logicalId: 'SearchFunction',
        service: 'search',
        sample: 'primes',
        base: work,
        pr: { ...work, WORK_MULTIPLIER: '1.5' },
        note: '50% more work',
      },
      {
        logicalId: 'ReportFunction',
        service: 'report',
        sample: 'network',
        base: { NETWORK_LATENCY_MS: '100' },
        pr: { NETWORK_LATENCY_MS: '50' },
        note: 'half the wait on an API',
      },
    ];
    for (const fn of app) {
      await deploy(`shop-staging-${fn.service}`, fn.base, `${fn.service}, main`, fn.sample);
      await deploy(`shop-pr-43-${fn.service}`, fn.pr, `${fn.service}, PR #43`, fn.sample);
    }
    for (const stack of ['shop-staging', 'shop-pr-43'])
      emulator.declareStack({
        name: stack,
        resources: [
          ...app.map((fn) => ({ logicalId: fn.logicalId, physicalId: `${stack}-${fn.service}` })),
          { logicalId: 'OrdersTable', type: 'AWS::DynamoDB::Table', physicalId: `${stack}-orders` },
        ],
      });
    say(
      'Deployed checkout-staging and checkout-pr-42 (same code); stacks shop-staging and shop-pr-43 with ' +
        app.map((fn) => `${fn.logicalId} (${fn.sample}, ${fn.note})`).join(', ') +
        '; all at 1024 MB\n',
    );

    const shared = {
      endpoint: emulator.endpoint,
      region: emulator.region,
      'power-values': '128,512,1024,1769',
      invocations: '8',
      // The default (200) lets a close call spend up to 200 invocations per function at each compared memory
      // size, a few minutes on this emulator; 130 (up to 12 extra environments, enough for the 7 a fail needs
      // and the sign test over them, docs/gate.md) keeps the demo to one or two minutes.
      'gate-max-invocations': '130',
      payload: '{"orderId": "demo"}',
      'monthly-invocations': '10000000',
      'github-token': 'demo-token',
      'results-path': 'lambda-power-gate/results.json',
    };
    // Pushes to main store the default branch's history on the data branch and draw the dashboard; PR #44 then
    // compares with its base's stored run and charts the trend (docs/dashboard.md, docs/gate.md). It runs right after
    // the pushes: a stored baseline was measured at another time, and the less time between, the less drift.
    const DATA_BRANCH = 'lambda-power-gate-data';
    // Three runs: from 3 stored runs on, the gate estimates the drift between runs (docs/gate.md), so a PR measured
    // at a busier moment than the pushes is not failed for the machine's load; with 2, it could be.
    const mainCommits = [
      { sha: mainSha(1), date: '2026-11-29T09:00:00Z' },
      { sha: mainSha(2), date: '2026-11-30T09:00:00Z' },
      { sha: mainSha(3), date: '2026-12-01T09:00:00Z' },
    ];
    github.addHistory(mainCommits);
    const onMain = { 'function-name': 'checkout-staging', key: 'checkout', 'baseline-branch': DATA_BRANCH };
    const scenarios: Scenario[] = [
      ...mainCommits.map((commit, index): Scenario => ({
        label: `push ${index + 1} to main`,
        dir: `main-${index + 1}`,
        key: 'checkout',
        title: `checkout-staging at ${commit.sha.slice(0, 7)}, stored on ${DATA_BRANCH} with the dashboard`,
        inputs: { ...onMain, dashboard: 'true' },
        shouldPass: true,
        expect: index === 0 ? 'stored: the first run of the history' : 'stored, and compared with the push before',
        event: { name: 'push', sha: commit.sha, committedAt: commit.date, before: mainCommits[index - 1]?.sha },
      })),
      {
        label: 'PR #44',
        dir: 'pr-44',
        key: 'checkout',
        title: `checkout-pr-44 against the history on ${DATA_BRANCH}`,
        inputs: { 'function-name': 'checkout-pr-44', key: 'checkout', 'baseline-branch': DATA_BRANCH },
        shouldPass: true,
        expect: 'passes: same code as main; the comment charts the stored runs and this one',
        event: { name: 'pull_request', number: 44, baseSha: mainSha(3) },
      },
      {
        label: 'PR #42',
        dir: 'pr-42',
        key: 'checkout',
        title: 'checkout-pr-42 against checkout-staging',
        inputs: { 'function-name': 'checkout-pr-42', 'baseline-function': 'checkout-staging', key: 'checkout' },
        shouldPass: true,
        expect: 'passes: same code as the base branch',
        event: { name: 'pull_request', number: 42, baseSha: mainSha(3) },
      },
      {
        label: 'PR #43',
        dir: 'pr-43',
        key: 'shop',
        title: 'the shop app, stack shop-pr-43 against shop-staging',
        inputs: { 'stack-name': 'shop-pr-43', 'baseline-stack-name': 'shop-staging', key: 'shop' },
        shouldPass: false,
        expect: 'fails: Search does 50% more work; Checkout is skipped, Report improves',
        event: { name: 'pull_request', number: 43, baseSha: mainSha(3) },
      },
    ];
    const summaries: string[] = [];
    let asExpected = true;
    for (const scenario of scenarios) {
      say(`━━ ${scenario.label}: ${scenario.title} (expected: ${scenario.expect}) ━━`);
      const workspace = join(OUTPUT_DIR, scenario.dir);
      const pr = scenario.event.name === 'pull_request' ? scenario.event.number : undefined;
      // PR #43 adds the shop's SAM template: the action suggests the recommended MemorySize on it (docs/iac.md).
      if (pr === 43) addTemplateToPullRequest(workspace, pr, github);
      const run = await runAction({
        workspace,
        githubApiUrl: github.url,
        ...eventOf(scenario.event),
        inputs: { ...shared, ...scenario.inputs },
        onLine: (line) => {
          const pretty = prettyLogLine(line);
          if (pretty !== null) say(pretty);
        },
      });
      const outputsPath = join(workspace, 'outputs.json');
      writeFileSync(outputsPath, JSON.stringify(run.outputs, null, 2) + '\n');
      const comment = github.comments.filter((candidate) => candidate.issueNumber === pr).at(-1);
      const commentPath = join(workspace, 'comment.md');
      if (comment) writeFileSync(commentPath, comment.body);
      const reviews = github.reviewComments.filter((review) => review.pullNumber === pr);
      const reviewsPath = join(workspace, 'review-comments.md');
      if (reviews.length > 0)
        writeFileSync(
          reviewsPath,
          reviews.map((review) => `${review.path}:${review.line}\n\n${review.body}\n`).join('\n'),
        );
      const resultsPath = run.outputs['results-path'] || join(workspace, 'lambda-power-gate/results.json');
      say('');
      if (existsSync(resultsPath)) {
        // Read back as every reader does: through the one results schema (a drifted writer fails the demo here).
        const file = parseResultsFile(
          readFileSync(resultsPath, 'utf8'),
          (problem) => new Error(`${resultsPath} ${problem}`),
        );
        for (const entry of file.functions) {
          if (file.functions.length > 1) say(`${entry.key} (${entry.functionName}): ${entry.status}`);
          if (entry.status !== 'measured' || !entry.result) continue;
          say(renderTerminalTable(entry.result));
          if (entry.result.recommendation)
            say(`Recommendation: ${entry.result.recommendation.memoryMb} MB (${entry.result.recommendation.reason})\n`);
        }
        const spent = renderSpendLine(file.functions);
        if (spent) say(`Spent: ${spent}`);
      }
      const verdict = run.outputs.verdict ?? 'none';
      say(
        `Gate: ${verdict} (${run.outputs['cost-delta-percent'] ? `cost ${formatDelta(run.outputs['cost-delta-percent'])}, duration ${formatDelta(run.outputs['duration-delta-percent'])}, ` : ''}` +
          `${run.outputs['monthly-cost-delta'] ? `${formatMonthly(run.outputs['monthly-cost-delta'])}/month at 10M invocations` : 'no monthly delta'}) → exit code ${run.exitCode}\n`,
      );
      if ((run.exitCode === 0) !== scenario.shouldPass) asExpected = false;
      const stored =
        scenario.event.name === 'push' && github.readFile(DATA_BRANCH, `checkout/runs/${scenario.event.sha}.json`);
      if (scenario.event.name === 'push' && !stored) {
        say(`Unexpected: ${scenario.label} stored no run on ${DATA_BRANCH}.`);
        asExpected = false;
      }
      // PR #44's comment is the one that charts the history: without the trend the demo has not shown it.
      if (pr === 44 && !comment?.body.includes('📈 Trend')) {
        say(`Unexpected: PR #44's comment has no trend chart.`);
        asExpected = false;
      }
      const show = (label: string, path: string) => `  ${label.padEnd(13)} ${relative(process.cwd(), path)}`;
      summaries.push(
        [
          `${scenario.label} (${scenario.key}): verdict ${verdict}, job ${run.exitCode === 0 ? 'passes' : 'fails'}` +
            (stored ? `, stored on ${DATA_BRANCH}` : ''),
          show('results.json', resultsPath),
          show('HTML report', join(dirname(resultsPath), 'report.html')),
          show('job summary', run.summaryPath),
          ...(comment ? [show('PR comment', commentPath)] : []),
          ...(reviews.length > 0
            ? [show(`${reviews.length} IaC suggestion${reviews.length === 1 ? '' : 's'}`, reviewsPath)]
            : []),
          show('outputs', outputsPath),
        ].join('\n'),
      );
    }
    // The dashboard the pushes drew on the data branch, copied out to open in a browser.
    const dashboard = github.readFile(DATA_BRANCH, 'index.html');
    if (dashboard) {
      const dashboardPath = join(OUTPUT_DIR, 'dashboard', 'index.html');
      mkdirSync(dirname(dashboardPath), { recursive: true });
      writeFileSync(dashboardPath, dashboard);
      summaries.push(`Dashboard (index.html on ${DATA_BRANCH})\n  ${relative(process.cwd(), dashboardPath)}`);
    } else {
      say(`Unexpected: the pushes wrote no index.html on ${DATA_BRANCH}.`);
      asExpected = false;
    }
    if (github.reviewComments.length === 0) {
      say('Unexpected: PR #43 got no IaC suggestion for demo/shop/template.yaml.');
      asExpected = false;
    }
    // The emulator holds the runs to Lambda's account-wide control-plane quota (15 requests per second).
    const controlPlane = emulator.stats();
    say(
      `Lambda control plane: ${controlPlane.throttledByQuota} requests throttled by the 15-per-second quota; ` +
        `busiest second ${controlPlane.peakControlPlanePerSecond} requests (GetFunction and invocations apart)\n`,
    );
    say(`What it wrote (${((Date.now() - started) / 1000).toFixed(0)} s):`);
    say(summaries.join('\n'));
    // The stand-ins answer as GitHub and Lambda would; a request either would refuse (or one it does not know) is a
    // defect the demo must not hide behind a friendly stand-in.
    const violations = github.violations;
    say(
      `\nGitHub contract: ${github.requests.length} requests, ${violations.length} contract violations ` +
        `(REST: ${loadRestContract().source.split(' ')[0]}; GraphQL: ${graphqlSchemaSource()})`,
    );
    for (const violation of violations) say(`  ${violation.kind}: ${violation.message}`);
    // Every request the action sent was checked against the official Lambda API model (emulator/contracts/lambda.ts);
    // one that broke it is an engine bug real Lambda would refuse.
    const lambdaViolations = emulator.contractViolations();
    say(
      `Lambda API contract violations: ${lambdaViolations.length}${lambdaViolations.length === 0 ? ' (every request satisfied the Lambda API model)' : ''}`,
    );
    for (const violation of lambdaViolations)
      say(
        `  ${violation.kind} ${violation.operation ?? ''} ${violation.method} ${violation.path}: ${violation.message}`,
      );
    // The demo itself succeeds when the gate did what each scenario expects (pass, then fail) and nothing broke
    // GitHub's or Lambda's contract.
    if (!asExpected) say('\nUnexpected: a scenario did not end as expected (see above).');
    return asExpected && violations.length === 0 && lambdaViolations.length === 0 ? 0 : 1;
  } finally {
    await stop();
  }
}

/** The checkout holds demo/shop/template.yaml, and the stand-in lists it as a file the pull request adds. */
function addTemplateToPullRequest(workspace: string, pr: number, github: GitHubApiStub): void {
  const template = readFileSync('demo/shop/template.yaml', 'utf8');
  mkdirSync(workspace, { recursive: true });
  writeFileSync(join(workspace, 'template.yaml'), template);
  github.setPullHead(pr, headSha(pr));
  github.setPullFiles(pr, [{ filename: 'template.yaml', status: 'added', patch: addedFilePatch(template) }]);
}

interface Scenario {
  label: string;
  /** Under demo-output/. */
  dir: string;
  key: string;
  title: string;
  inputs: Record<string, string>;
  shouldPass: boolean;
  expect: string;
  event:
    | { name: 'pull_request'; number: number; baseSha: string }
    | { name: 'push'; sha: string; committedAt: string; before: string | undefined };
}

/** The runner's view of a push to main or a pull_request event, as GitHub sends them. */
function eventOf(event: Scenario['event']): {
  eventName: string;
  sha: string;
  ref: string;
  event: Record<string, unknown>;
} {
  if (event.name === 'pull_request')
    return {
      eventName: 'pull_request',
      sha: headSha(event.number),
      ref: `refs/pull/${event.number}/merge`,
      event: pullRequestEvent(event.number, event.baseSha),
    };
  return {
    eventName: 'push',
    sha: event.sha,
    ref: 'refs/heads/main',
    event: {
      ref: 'refs/heads/main',
      before: event.before ?? '0'.repeat(40),
      after: event.sha,
      head_commit: { id: event.sha, timestamp: event.committedAt },
      repository: { ...REPOSITORY, default_branch: 'main' },
    },
  };
}

const REPOSITORY = { full_name: 'acme/shop', name: 'shop', owner: { login: 'acme' } };

function mainSha(number: number): string {
  // Distinct short SHAs (the first 7 characters), as real commits have.
  return `a11ce${number}`.padEnd(40, '0');
}

function headSha(number: number): string {
  return `c0ffee${String(number).padStart(34, '0')}`;
}

function formatMonthly(value: string): string {
  const number = Number(value);
  return `${number < 0 ? '-' : '+'}$${Math.abs(number).toFixed(2)}`;
}

function formatDelta(value: string | undefined): string {
  if (!value) return 'n/a';
  const number = Number(value);
  return `${number > 0 ? '+' : ''}${number.toFixed(1)}%`;
}

function pullRequestEvent(number: number, baseSha: string): Record<string, unknown> {
  const repo = REPOSITORY;
  return {
    action: 'synchronize',
    number,
    pull_request: {
      number,
      head: { sha: headSha(number), ref: `feature/pr-${number}`, repo },
      base: { sha: baseSha, ref: 'main', repo },
    },
    repository: { ...repo, default_branch: 'main' },
  };
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`demo failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  },
);
