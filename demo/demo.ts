// `npm run demo`: the whole job on this machine. Starts the local Lambda emulator and a stand-in for GitHub's
// API, deploys sample functions, and runs the action's real entrypoint (dist/index.js) on a pull_request event,
// exactly as a runner would. No AWS account, no network.

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
    const deploy = (name: string, environment: Record<string, string>, description: string) =>
      emulator.createFunction({ name, sample: 'primes', memoryMb: 1024, environment, description });
    // PR #42: one function, same code as staging (function-name + baseline-function).
    await deploy('checkout-staging', work, 'checkout, main');
    await deploy('checkout-pr-42', work, 'checkout, PR #42');
    // PR #43: the whole shop app from its stack (stack-name + baseline-stack-name), one step, one comment:
    // Checkout unchanged (skipped), Search doing half as much work again (regressed), Report doing half the work
    // (improved).
    const app = [
      { logicalId: 'CheckoutFunction', service: 'checkout', pr: work, note: 'same code' },
      {
        logicalId: 'SearchFunction',
        service: 'search',
        pr: { ...work, WORK_MULTIPLIER: '1.5' },
        note: '50% more work',
      },
      {
        logicalId: 'ReportFunction',
        service: 'report',
        pr: { ...work, WORK_MULTIPLIER: '0.5' },
        note: 'half the work',
      },
    ];
    for (const fn of app) {
      await deploy(`shop-staging-${fn.service}`, work, `${fn.service}, main`);
      await deploy(`shop-pr-43-${fn.service}`, fn.pr, `${fn.service}, PR #43`);
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
        app.map((fn) => `${fn.logicalId} (${fn.note})`).join(', ') +
        ': primes, 1024 MB\n',
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
    const scenarios: {
      pr: number;
      key: string;
      title: string;
      inputs: Record<string, string>;
      shouldPass: boolean;
      expect: string;
    }[] = [
      {
        pr: 42,
        key: 'checkout',
        title: 'checkout-pr-42 against checkout-staging',
        inputs: { 'function-name': 'checkout-pr-42', 'baseline-function': 'checkout-staging', key: 'checkout' },
        shouldPass: true,
        expect: 'passes: same code as the base branch',
      },
      {
        pr: 43,
        key: 'shop',
        title: 'the shop app, stack shop-pr-43 against shop-staging',
        inputs: { 'stack-name': 'shop-pr-43', 'baseline-stack-name': 'shop-staging', key: 'shop' },
        shouldPass: false,
        expect: 'fails: Search does 50% more work; Checkout is skipped, Report improves',
      },
    ];
    const summaries: string[] = [];
    let asExpected = true;
    for (const scenario of scenarios) {
      say(`━━ PR #${scenario.pr}: ${scenario.title} (expected: ${scenario.expect}) ━━`);
      const workspace = join(OUTPUT_DIR, `pr-${scenario.pr}`);
      // PR #43 adds the shop's SAM template: the action suggests the recommended MemorySize on it (docs/iac.md).
      if (scenario.pr === 43) addTemplateToPullRequest(workspace, scenario.pr, github);
      const run = await runAction({
        workspace,
        githubApiUrl: github.url,
        eventName: 'pull_request',
        sha: headSha(scenario.pr),
        ref: `refs/pull/${scenario.pr}/merge`,
        event: pullRequestEvent(scenario.pr),
        inputs: { ...shared, ...scenario.inputs },
        onLine: (line) => {
          const pretty = prettyLogLine(line);
          if (pretty !== null) say(pretty);
        },
      });
      const outputsPath = join(workspace, 'outputs.json');
      writeFileSync(outputsPath, JSON.stringify(run.outputs, null, 2) + '\n');
      const comment = github.comments.filter((candidate) => candidate.issueNumber === scenario.pr).at(-1);
      const commentPath = join(workspace, 'comment.md');
      if (comment) writeFileSync(commentPath, comment.body);
      const reviews = github.reviewComments.filter((review) => review.pullNumber === scenario.pr);
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
      const show = (label: string, path: string) => `  ${label.padEnd(13)} ${relative(process.cwd(), path)}`;
      summaries.push(
        [
          `PR #${scenario.pr} (${scenario.key}): verdict ${verdict}, job ${run.exitCode === 0 ? 'passes' : 'fails'}`,
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

function pullRequestEvent(number: number): Record<string, unknown> {
  const repo = { full_name: 'acme/shop', name: 'shop', owner: { login: 'acme' } };
  return {
    action: 'synchronize',
    number,
    pull_request: {
      number,
      head: { sha: headSha(number), ref: `feature/pr-${number}`, repo },
      base: { sha: 'ba5e000000000000000000000000000000000001', ref: 'main', repo },
    },
    repository: repo,
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
