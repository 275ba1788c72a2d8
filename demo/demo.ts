// `npm run demo`: the whole job on this machine. Starts the local Lambda emulator and a stand-in for GitHub's
// API, deploys sample functions, and runs the action's real entrypoint (dist/index.js) on a pull_request event,
// exactly as a runner would. No AWS account, no network.

import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { startEmulator } from '../emulator/server.js';
import { renderTerminalTable } from '../src/report/markdown.js';
import type { RunResult } from '../src/types.js';
import { startGitHubApiStub } from './github-api.js';
import { prettyLogLine, runAction } from './runner.js';

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
      if (!/ → \d{3} /.test(line)) say(`  [emulator] ${line}`);
    },
  });
  const github = await startGitHubApiStub();
  const stop = async () => {
    await emulator.close();
    await github.close();
  };
  process.once('SIGINT', () => void stop().then(() => process.exit(130)));
  try {
    say(`Emulator: ${emulator.endpoint} (CPU limits: ${emulator.cpuMode === 'model' ? 'CPU-time model, cgroups not writable' : 'cgroups'})`);
    // The talk's CPU-bound workload: "compute N times all primes ≤ M", deployed at 1024 MB as a team might.
    await emulator.createFunction({
      name: 'checkout-pr-42',
      sample: 'primes',
      memoryMb: 1024,
      timeoutSec: 30,
      environment: { PRIMES_N: '10', PRIMES_M: '500000' },
      description: 'checkout service, PR #42',
    });
    say('Deployed checkout-pr-42 (primes, 1024 MB)\n');

    const run = await runAction({
      workspace: join(OUTPUT_DIR, 'pr-42'),
      githubApiUrl: github.url,
      eventName: 'pull_request',
      sha: 'c0ffee0000000000000000000000000000000042',
      ref: 'refs/pull/42/merge',
      event: pullRequestEvent(42),
      inputs: {
        'function-name': 'checkout-pr-42',
        endpoint: emulator.endpoint,
        region: emulator.region,
        'power-values': '128,256,512,1024,1536',
        invocations: '8',
        payload: '{"orderId": "demo"}',
        strategy: 'cost',
        'github-token': 'demo-token',
        key: 'checkout',
        'results-path': 'lambda-power-gate/results.json',
      },
      onLine: (line) => {
        const pretty = prettyLogLine(line);
        if (pretty !== null) say(pretty);
      },
    });

    const resultsPath = run.outputs['results-path'] ?? join(OUTPUT_DIR, 'pr-42/lambda-power-gate/results.json');
    const commentPath = join(OUTPUT_DIR, 'comment.md');
    const outputsPath = join(OUTPUT_DIR, 'outputs.json');
    writeFileSync(outputsPath, JSON.stringify(run.outputs, null, 2) + '\n');
    const comment = github.comments.at(-1);
    if (comment) writeFileSync(commentPath, comment.body);

    say('');
    if (existsSync(resultsPath)) {
      const result = JSON.parse(readFileSync(resultsPath, 'utf8')) as RunResult;
      say(renderTerminalTable(result));
      say('');
      if (result.recommendation) {
        say(`Recommendation: ${result.recommendation.memoryMb} MB (${result.recommendation.reason})`);
      }
    }
    say(`Action exit code: ${run.exitCode}${run.exitCode === 0 ? ' (job passes)' : ' (job fails)'}`);
    say(`\nWhat it wrote (${((Date.now() - started) / 1000).toFixed(0)} s):`);
    const show = (label: string, path: string) => say(`  ${label.padEnd(13)} ${relative(process.cwd(), path)}`);
    show('results.json', resultsPath);
    show('job summary', run.summaryPath);
    if (comment) show('PR comment', commentPath);
    show('outputs', outputsPath);
    return run.exitCode;
  } finally {
    await stop();
  }
}

function pullRequestEvent(number: number): Record<string, unknown> {
  const repo = { full_name: 'acme/shop', name: 'shop', owner: { login: 'acme' } };
  return {
    action: 'synchronize',
    number,
    pull_request: {
      number,
      head: { sha: 'c0ffee0000000000000000000000000000000042', ref: 'feature/faster-checkout', repo },
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
