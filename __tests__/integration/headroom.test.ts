// Memory headroom end to end: the action on the emulator, over HTTP, with a function whose working set (a 220 MB
// process, loaded at init, and the sandbox's own 24 MB as on Lambda: 244–246 MB) is 95% of its configured 256 MB. The default max-memory-used-percent (90) keeps the cheaper 256 MB
// out of the recommendation, with the reason, and fails the check at the configured memory; no baseline is needed.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetFunctionConfigurationCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { startGitHubApiStub, type GitHubApiStub } from '../../emulator/github/api.js';
import { startEmulator, type Emulator } from '../../emulator/lambda/server.js';
import { parseResultsFile } from '../../src/results/parse.js';
import { runActionInProcess } from '../helpers/action.js';
import { expectNoContractViolations } from '../helpers/github.js';
import { jsonSchemaProblems } from '../helpers/results-schema.js';

let emulator: Emulator;
let github: GitHubApiStub;
let workspace: string;
let run: Parameters<typeof runActionInProcess>[0];
const savedEnv = { ...process.env };

beforeAll(async () => {
  emulator = await startEmulator({ updateDelayMs: 50 });
  github = await startGitHubApiStub();
  workspace = mkdtempSync(join(tmpdir(), 'lpg-headroom-'));
  const repo = { full_name: 'acme/shop', name: 'shop', owner: { login: 'acme' } };
  writeFileSync(
    join(workspace, 'event.json'),
    JSON.stringify({
      number: 7,
      pull_request: { number: 7, head: { sha: 'abc', repo }, base: { sha: 'def', repo } },
      repository: repo,
    }),
  );
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
  process.exitCode = undefined;
});

const runAction = (inputs: Record<string, string>) =>
  runActionInProcess(run, { 'github-token': 'test-token', endpoint: emulator.endpoint, ...inputs }, { workspace });

describe('memory headroom on the emulator', () => {
  it('skips a memory size used to 95% as the recommendation and fails the check at the configured memory', async () => {
    await emulator.createFunction({
      name: 'near-limit',
      sample: 'memory-hungry',
      memoryMb: 256,
      timeoutSec: 30,
      environment: { MEMORY_HUNGRY_RSS_MB: '220' },
      description: 'near-limit',
    });
    const outcome = await runAction({
      'function-name': 'near-limit',
      // 1024 MB costs 4× per ms, so 256 MB stays the cheaper even when a loaded machine slows its ~1 ms warm invocation.
      'power-values': '256,1024',
      invocations: '5',
      key: 'near-limit',
    });
    expect(outcome.exitCode).toBe(1);
    expect(outcome.outputs['recommended-memory']).toBe('1024');
    const written = readFileSync(outcome.outputs['results-path'] ?? '', 'utf8');
    expect(jsonSchemaProblems(JSON.parse(written))).toEqual([]);
    const result = parseResultsFile(written, (problem) => new Error(`results.json ${problem}`)).functions[0]?.result;
    if (!result) throw new Error('no result');
    expect(result.settings.maxMemoryUsedPct).toBe(90);
    const [small, large] = result.powerValues;
    // Every invocation succeeded: 256 MB is near its limit, not over it.
    expect(small).toEqual(expect.objectContaining({ memoryMb: 256, status: 'ok', errors: 0 }));
    // The process's 220 MB and the sandbox's 24 (emulator README, Max Memory Used); page cache is not counted, so
    // the figure does not depend on what else the machine is doing.
    expect(small?.maxMemoryUsedMb).toBeGreaterThanOrEqual(244);
    expect(small?.maxMemoryUsedMb).toBeLessThanOrEqual(250);
    const usedMb = small?.maxMemoryUsedMb ?? 0;
    const pct = Math.floor((usedMb / 256) * 100);
    // 256 MB is the cheaper (a warm invocation is ~1 ms at either size), so it is the one skipped.
    expect(small?.costPerInvocationUsd ?? 1).toBeLessThan(large?.costPerInvocationUsd ?? 0);
    expect(result.recommendation?.memoryMb).toBe(1024);
    expect(result.recommendation?.reason).toContain(
      `256 MB skipped: ${usedMb} of 256 MB used (${pct}%), over the 90% limit`,
    );
    expect(result.recommendation?.skippedForHeadroom).toEqual([
      { memoryMb: 256, maxMemoryUsedMb: usedMb, usedPct: (usedMb / 256) * 100, limitPct: 90 },
    ]);
    expect(outcome.outputs['memory-used-percent']).toBe(((usedMb / 256) * 100).toFixed(2));
    expect(outcome.outputs['recommended-memory-used-percent']).toBe(
      (((large?.maxMemoryUsedMb ?? 0) / 1024) * 100).toFixed(2),
    );
    expect(JSON.parse(outcome.outputs.functions ?? '[]')).toMatchObject([
      { memoryUsedPercent: Math.round((usedMb / 256) * 10000) / 100 },
    ]);
    // The gate: the configured memory fails the headroom check; the recommendation passes it.
    expect(outcome.log).toContain(
      `Max Memory Used at 256 MB (configured): ${usedMb} of 256 MB used (${pct}%), above the 90% max-memory-used-percent limit`,
    );
    const comment = github.comments.find((entry) => entry.body.includes('key=near-limit '));
    expect(comment?.body).toContain('max memory used at 1024 MB \\(recommended\\)');
    expect(comment?.body).toMatch(new RegExp(`❌\u00a0${usedMb}\u00a0MB\u00a0\\(${pct}%\\)`));
    const lambda = new LambdaClient({
      region: 'us-east-1',
      endpoint: emulator.endpoint,
      credentials: { accessKeyId: 't', secretAccessKey: 't' },
    });
    expect((await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'near-limit' }))).MemorySize).toBe(
      256,
    );
  });
});
