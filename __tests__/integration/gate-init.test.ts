// The Init Duration gate end to end through runFlow, on the emulator (real SDK over HTTP), with a live baseline: the
// heavy-init sample's PR variant does five times its init work (INIT_MULTIPLIER 5) and leaves its warm work alone, so the
// Init comparison fails while warm cost and duration pass. Robust to machine load: the Init change is about +300% (+200% at ×3 failed once at load average 13)
// against a 50% limit, and the warm handler reads a few map entries (well under the 1 ms floor), with generous warm
// limits besides; only the verdict's levels are asserted, never a time.

import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LambdaClient, ListVersionsByFunctionCommand } from '@aws-sdk/client-lambda';
import { startEmulator, type Emulator } from '../../emulator/lambda/server.js';
import { runFlow, type FlowDeps } from '../../src/flow.js';
import { silentLogger } from '../../src/lib/ports.js';
import { parseSettings } from '../../src/settings/index.js';
import type { Settings } from '../../src/types.js';
import { unpacedLimiter } from '../helpers/settings.js';

let emulator: Emulator;
let client: LambdaClient;
let workspace: string;

// 60,000 entries: ~100 ms of init at ×1 on an idle core, ~500 ms at ×5.
const HEAVY = { INIT_ENTRIES: '60000' };

beforeAll(async () => {
  emulator = await startEmulator({ updateDelayMs: 50, controlPlaneQuota: false });
  client = new LambdaClient({
    region: emulator.region,
    endpoint: emulator.endpoint,
    credentials: { accessKeyId: 't', secretAccessKey: 't' },
  });
  workspace = mkdtempSync(join(tmpdir(), 'lpg-gate-init-'));
  await emulator.createFunction({
    name: 'catalog',
    sample: 'heavy-init',
    memoryMb: 1024,
    description: 'base',
    environment: HEAVY,
  });
  await emulator.createFunction({
    name: 'catalog-pr',
    sample: 'heavy-init',
    memoryMb: 1024,
    description: 'PR: five times the init work',
    environment: { ...HEAVY, INIT_MULTIPLIER: '5' },
  });
});

afterAll(async () => {
  client.destroy();
  await emulator.close();
});

function settingsFor(inputs: Record<string, string>): Settings {
  const all: Record<string, string> = {
    endpoint: emulator.endpoint,
    'power-values': '1024',
    invocations: '6',
    'min-samples': '4',
    'gate-max-invocations': '126',
    'max-cost-increase': '200',
    'max-duration-increase': '200',
    'warn-cost-increase': '200',
    'warn-duration-increase': '200',
    'max-init-duration-increase': '50',
    'results-path': join(workspace, 'run', 'results.json'),
    ...inputs,
  };
  return parseSettings((name) => all[name] ?? '', {
    env: {},
    cwd: workspace,
    readFile: (path) => readFileSync(path, 'utf8'),
  }).settings;
}

const flowDeps = (): FlowDeps => ({
  client,
  logger: silentLogger,
  waiterMinDelaySec: 0.05,
  controlPlaneLimiter: unpacedLimiter(),
});

it('fails a PR that quintuples its init against the live baseline, while warm cost and duration pass', async () => {
  const outcome = await runFlow(
    settingsFor({ 'function-name': 'catalog-pr', 'baseline-function': 'catalog' }),
    flowDeps(),
  );
  const verdict = outcome.verdict;
  expect(verdict?.level).toBe('fail');
  const init = verdict?.comparisons.find((row) => row.kind === 'init');
  expect(init?.finding?.kind).toBe('fail-limit');
  expect(init?.reason).toMatch(
    /^Init Duration at 1024 MB \(configured, recommended\) rose \d+\.\d% \(95% CI \+\d+\.\d% to \+\d+\.\d% over \d+ pairs of execution environments\), significant and above the 50% fail limit\.$/,
  );
  for (const row of verdict?.comparisons.filter((row) => row.kind === 'cost' || row.kind === 'duration') ?? [])
    expect(row.level).toBe('pass');
  expect(verdict?.reason).toBe(init?.reason);
  expect(outcome.failure).toMatch(/^Regression gate failed: Init Duration at 1024 MB/);
  expect(Number(outcome.outputs['init-duration-delta-percent'])).toBeGreaterThan(50);
  // One cold start per environment on each side: the planned one and one per extra block, paired block by block.
  const cold = (run: typeof outcome.result) =>
    (run?.powerValues[0]?.samples ?? []).filter((sample) => sample.coldStart && sample.initDurationMs !== undefined);
  const environments = (run: typeof outcome.result) =>
    new Set((run?.powerValues[0]?.samples ?? []).map((sample) => sample.environment ?? 0)).size;
  expect(cold(outcome.result)).toHaveLength(environments(outcome.result));
  expect(cold(outcome.baseline)).toHaveLength(environments(outcome.baseline));
  expect(environments(outcome.result)).toBeGreaterThanOrEqual(7);
  // The report's gate checks name it.
  expect(outcome.markdown).toMatch(/Init Duration at 1024 MB/);
  for (const name of ['catalog', 'catalog-pr']) {
    const versions = await client.send(new ListVersionsByFunctionCommand({ FunctionName: name }));
    expect((versions.Versions ?? []).map((version) => version.Version)).toEqual(['$LATEST']);
  }
}, 240_000);
