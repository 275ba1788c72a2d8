// architectures x86_64,arm64 end to end (issue 17): the action on the emulator over HTTP, the function (x86_64) and
// its arm64 deployment (compare-function, or a copy the action makes) tuned in one run with invocations taking turns, each priced at its own
// architecture's price; the comparison and the recommended (architecture, memory) pair in results.json, outputs
// and the comment; both functions left as found. The code is the primes sample, with a declared arm64 speed
// (function.json architectureSpeed) far from the 0.8 price ratio either way, so the winner does not depend on how
// busy the machine is: 1.6 (arm64 much faster: arm64 wins) and 0.4 (arm64 2.5× slower: x86_64 wins).

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  GetFunctionConfigurationCommand,
  LambdaClient,
  ListAliasesCommand,
  ListFunctionsCommand,
  ListVersionsByFunctionCommand,
} from '@aws-sdk/client-lambda';
import { startGitHubApiStub, type GitHubApiStub } from '../../emulator/github/api.js';
import { startEmulator, type Emulator } from '../../emulator/lambda/server.js';
import { pricesFor } from '../../src/tuning/pricing.js';
import { parseResultsFile } from '../../src/results/parse.js';
import { runActionInProcess } from '../helpers/action.js';
import { expectNoContractViolations } from '../helpers/github.js';
import { jsonSchemaProblems } from '../helpers/results-schema.js';

const PRIMES = fileURLToPath(new URL('../../emulator/functions/primes/', import.meta.url));

let emulator: Emulator;
let github: GitHubApiStub;
let workspace: string;
let lambda: LambdaClient;
let run: Parameters<typeof runActionInProcess>[0];
const savedEnv = { ...process.env };

/** The primes code with its own declared arm64 speed. */
function codeWithArmSpeed(speed: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'lpg-arch-code-'));
  cpSync(join(PRIMES, 'index.mjs'), join(dir, 'index.mjs'));
  writeFileSync(join(dir, 'function.json'), JSON.stringify({ architectureSpeed: { arm64: speed } }));
  return dir;
}
const codeDirs: string[] = [];

async function deployPair(name: string, armSpeed: number): Promise<void> {
  const codeDir = codeWithArmSpeed(armSpeed);
  codeDirs.push(codeDir);
  // Enough work (four sieves to 10^6, ~15 ms of a whole core here) that CPU time, not the invocation's overhead or
  // the 1 ms billing granularity, is most of a warm invocation.
  const environment = { PRIMES_N: '4', PRIMES_M: '1000000' };
  const common = { codeDir, handler: 'index.handler', memoryMb: 1024, timeoutSec: 30, environment };
  await emulator.createFunction({ name, ...common, architecture: 'x86_64' });
  await emulator.createFunction({ name: `${name}-arm64`, ...common, architecture: 'arm64' });
}

beforeAll(async () => {
  emulator = await startEmulator({ updateDelayMs: 50 });
  github = await startGitHubApiStub();
  workspace = mkdtempSync(join(tmpdir(), 'lpg-arch-'));
  const repo = { full_name: 'acme/shop', name: 'shop', owner: { login: 'acme' } };
  writeFileSync(
    join(workspace, 'event.json'),
    JSON.stringify({
      number: 17,
      pull_request: { number: 17, head: { sha: 'abc', repo }, base: { sha: 'def', repo } },
      repository: repo,
    }),
  );
  Object.assign(process.env, {
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: join(workspace, 'event.json'),
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_SHA: 'abc',
    GITHUB_REF: 'refs/pull/17/merge',
    GITHUB_API_URL: github.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '99',
    GITHUB_WORKSPACE: workspace,
  });
  lambda = new LambdaClient({
    region: 'us-east-1',
    endpoint: emulator.endpoint,
    credentials: { accessKeyId: 't', secretAccessKey: 't' },
  });
  ({ run } = await import('../../src/action/main.js'));
});

afterAll(async () => {
  process.env = savedEnv;
  await github.close();
  await emulator.close();
  for (const dir of codeDirs) rmSync(dir, { recursive: true, force: true });
});

afterEach(() => {
  expectNoContractViolations(github);
  process.exitCode = undefined;
});

const runAction = (inputs: Record<string, string>) =>
  runActionInProcess(run, { 'github-token': 'test-token', endpoint: emulator.endpoint, ...inputs }, { workspace });

/** Both functions as found: memory back, no version or alias of the run left. */
async function expectLeftAsFound(name: string): Promise<void> {
  const config = await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: name }));
  expect(config.MemorySize).toBe(1024);
  expect(config.Description ?? '').toBe('');
  expect((await lambda.send(new ListAliasesCommand({ FunctionName: name }))).Aliases).toEqual([]);
  const versions = (await lambda.send(new ListVersionsByFunctionCommand({ FunctionName: name }))).Versions ?? [];
  expect(versions.map((version) => version.Version)).toEqual(['$LATEST']);
}

describe('architectures x86_64,arm64 on the emulator', () => {
  it('recommends arm64 where it is cheaper, each side at its own price, and leaves both functions as found', async () => {
    await deployPair('fast-on-arm', 1.6);
    const outcome = await runAction({
      'function-name': 'fast-on-arm',
      'compare-function': 'fast-on-arm-arm64',
      'power-values': '512,1024',
      invocations: '8',
      key: 'fast-on-arm',
    });
    expect(outcome.exitCode).toBe(0);
    expect(outcome.log).toContain('Invocations of the 2 functions take turns at each memory size');
    const written = readFileSync(outcome.outputs['results-path'] ?? '', 'utf8');
    expect(jsonSchemaProblems(JSON.parse(written))).toEqual([]);
    const entry = parseResultsFile(written, (problem) => new Error(`results.json ${problem}`)).functions[0];
    const result = entry?.result;
    const other = entry?.otherArchitecture;
    if (!result || !other) throw new Error('no result or no other architecture');
    // Each side priced at its own architecture's price.
    expect(result.prices.pricePerGbSecondUsd).toBe(pricesFor('us-east-1', 'x86_64').pricePerGbSecondUsd);
    expect(other.prices.pricePerGbSecondUsd).toBe(pricesFor('us-east-1', 'arm64').pricePerGbSecondUsd);
    expect(other.function).toEqual(expect.objectContaining({ name: 'fast-on-arm-arm64', architecture: 'arm64' }));
    // The same plan on both: same memory sizes, same number of invocations, one run.
    expect(other.runId).toBe(result.runId);
    expect(other.powerValues.map((entry) => [entry.memoryMb, entry.invocations])).toEqual(
      result.powerValues.map((entry) => [entry.memoryMb, entry.invocations]),
    );
    const comparison = result.architectureComparison;
    expect(comparison?.source).toBe('compare-function');
    expect(comparison?.configured).toEqual({ architecture: 'x86_64', memoryMb: 1024 });
    expect(comparison?.memorySizes.map((row) => row.memoryMb)).toEqual([512, 1024]);
    for (const row of comparison?.memorySizes ?? []) {
      // arm64 runs the CPU work 1.6× as fast at 0.8× the price: cheaper at every memory size (the recommendation
      // below also needs the difference to be significant).
      expect(row.cost?.ratio).toBeLessThan(1);
    }
    const pair = comparison?.recommendation;
    expect(pair).toEqual(expect.objectContaining({ architecture: 'arm64', changesArchitecture: true }));
    expect(outcome.outputs['recommended-architecture']).toBe('arm64');
    expect(pair?.savingPct).toBeGreaterThan(0);
    expect(outcome.outputs['recommended-memory']).toBe(String(pair?.memoryMb));
    expect(outcome.outputs['saving-percent']).toBe(pair?.savingPct?.toFixed(2));
    // The report: the pair in the headline, one table with both architectures, both charts, the compare link.
    const comment = github.comments.find((c) => c.body.includes('key=fast-on-arm '))?.body ?? '';
    expect(comment).toContain(`arm64 at ${pair?.memoryMb} MB recommended`);
    expect(comment).toContain('| Memory | x86_64 mean | arm64 mean | Δ mean arm64 |');
    expect(comment).toContain('(bars: x86_64, line: arm64)');
    expect(comment).toMatch(
      /\[⚖️ x86_64 against arm64 in Lambda Power Tuning\]\(https:\/\/lambda-power-tuning\.show\/#/,
    );
    expect(readFileSync(join(dirname(outcome.outputs['results-path'] ?? ''), 'report.html'), 'utf8')).toContain(
      '<h2>x86_64 against arm64</h2>',
    );
    await expectLeftAsFound('fast-on-arm');
    await expectLeftAsFound('fast-on-arm-arm64');
  });

  it('keeps x86_64 where arm64 is slower than its lower price makes up for', async () => {
    await deployPair('slow-on-arm', 0.4);
    const outcome = await runAction({
      'function-name': 'slow-on-arm',
      'compare-function': 'slow-on-arm-arm64',
      'power-values': '512,1024',
      invocations: '8',
      key: 'slow-on-arm',
    });
    expect(outcome.exitCode).toBe(0);
    expect(outcome.outputs['recommended-architecture']).toBe('x86_64');
    const written = readFileSync(outcome.outputs['results-path'] ?? '', 'utf8');
    const result = parseResultsFile(written, (problem) => new Error(problem)).functions[0]?.result;
    for (const row of result?.architectureComparison?.memorySizes ?? []) expect(row.cost?.ratio).toBeGreaterThan(1);
    expect(result?.architectureComparison?.recommendation?.changesArchitecture).toBe(false);
    await expectLeftAsFound('slow-on-arm');
    await expectLeftAsFound('slow-on-arm-arm64');
  });

  it('refuses a compare-function of the same architecture in one line before changing anything', async () => {
    await emulator.createFunction({ name: 'twin-a', sample: 'noop', memoryMb: 1024 });
    await emulator.createFunction({ name: 'twin-b', sample: 'noop', memoryMb: 1024 });
    const outcome = await runAction({
      'function-name': 'twin-a',
      'compare-function': 'twin-b',
      'power-values': '512',
      invocations: '2',
      key: 'twins',
    });
    expect(outcome.exitCode).toBe(1);
    expect(outcome.log).toContain(
      "Input 'compare-function': twin-b is x86_64 like twin-a; name the deployment built for arm64",
    );
    await expectLeftAsFound('twin-a');
    await expectLeftAsFound('twin-b');
    expect(emulator.servedInvocations('twin-a')).toEqual([]);
  });

  it('refuses architectures: arm64 for an x86_64 function before changing anything', async () => {
    const outcome = await runAction({
      'function-name': 'twin-a',
      architectures: 'arm64',
      'power-values': '512',
      invocations: '2',
      key: 'twins',
    });
    expect(outcome.exitCode).toBe(1);
    expect(outcome.log).toContain(
      "Input 'architectures': twin-a is x86_64, not arm64; leave architectures empty, list x86_64, or list both (x86_64,arm64) with compare-function naming the arm64 deployment",
    );
    await expectLeftAsFound('twin-a');
    expect(emulator.servedInvocations('twin-a')).toEqual([]);
  });

  it('without compare-function makes an arm64 copy, tunes it beside the function and deletes it', async () => {
    await deployPair('copied', 1.6);
    const outcome = await runAction({
      'function-name': 'copied',
      architectures: 'x86_64,arm64',
      'power-values': '512,1024',
      invocations: '8',
      key: 'copied',
    });
    expect(outcome.exitCode).toBe(0);
    const written = readFileSync(outcome.outputs['results-path'] ?? '', 'utf8');
    const entry = parseResultsFile(written, (problem) => new Error(`results.json ${problem}`)).functions[0];
    const comparison = entry?.result?.architectureComparison;
    expect(comparison?.source).toBe('copy');
    // The copy: the same code on arm64, named and tagged for the run, priced at arm64's price.
    expect(entry?.otherArchitecture?.function.name).toMatch(/^lpg-copy-.*arm64.*copied$/);
    expect(entry?.otherArchitecture?.function.architecture).toBe('arm64');
    expect(entry?.otherArchitecture?.prices.pricePerGbSecondUsd).toBe(
      pricesFor('us-east-1', 'arm64').pricePerGbSecondUsd,
    );
    expect(outcome.outputs['recommended-architecture']).toBe('arm64');
    // What the run spent counts the copy's invocations too.
    const own = entry?.result?.spend?.invocations ?? 0;
    const copy = entry?.otherArchitecture?.spend?.invocations ?? 0;
    expect(copy).toBeGreaterThan(0);
    expect(Number(outcome.outputs['run-invocations'])).toBe(own + copy);
    expect(outcome.log).toMatch(/Made lpg-copy-\S+, an arm64 copy of copied/);
    // Deleted when the run ended; the source is as found.
    const left = (await lambda.send(new ListFunctionsCommand({}))).Functions ?? [];
    expect(left.filter((fn) => fn.FunctionName?.startsWith('lpg-copy-'))).toEqual([]);
    await expectLeftAsFound('copied');
  });

  it('refuses a copy of code that cannot move (a native module) in one line naming compare-function', async () => {
    const codeDir = codeWithArmSpeed(1);
    codeDirs.push(codeDir);
    writeFileSync(join(codeDir, 'sharp.node'), 'not really a native module');
    await emulator.createFunction({ name: 'native', codeDir, handler: 'index.handler', memoryMb: 1024 });
    const outcome = await runAction({ 'function-name': 'native', architectures: 'x86_64,arm64', key: 'native' });
    expect(outcome.exitCode).toBe(1);
    expect(outcome.log).toMatch(
      /Input 'architectures': Cannot make an arm64 copy of native: its package holds native code built for x86_64 \(sharp\.node\); deploy an arm64 build of the function yourself and name it in compare-function/,
    );
    expect(emulator.servedInvocations('native')).toEqual([]);
    await expectLeftAsFound('native');
  });
});
