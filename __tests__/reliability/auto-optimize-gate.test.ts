// Auto-optimize and the gate (issue 14): the recommendation is applied after the verdict, and only to a run that
// passes. A gate that fails the job changes nothing for good — $LATEST keeps its memory, auto-optimize-alias is not
// created or moved — and the log and the report say so. With fail-on-regression false the verdict only informs, the
// job passes, and the recommendation is applied. Through the real SDK against the emulator, end to end via runFlow.

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetAliasCommand } from '@aws-sdk/client-lambda';
import { runFlow } from '../../src/flow.js';
import { parseSettings } from '../../src/settings/index.js';
import type { Settings } from '../../src/types.js';
import {
  createOriginal,
  LEFT_AS_FOUND,
  ORIGINAL,
  recordingLogger,
  settledStateOf,
  startHarness,
  type Harness,
} from './harness.js';
import { readFunctionResult } from '../helpers/results-file.js';

let harness: Harness;
let workspace: string;

beforeAll(async () => {
  harness = await startHarness();
  workspace = mkdtempSync(join(tmpdir(), 'lpg-auto-optimize-gate-'));
});
afterAll(async () => {
  await harness.close();
});

let runCount = 0;
function settingsFor(inputs: Record<string, string>): Settings {
  const all: Record<string, string> = {
    endpoint: harness.emulator.endpoint,
    region: harness.emulator.region,
    'power-values': '128,256',
    invocations: '2',
    'auto-optimize': 'true',
    // Every invocation costs at least the request price ($0.0000002): this absolute limit fails any run.
    'max-cost-per-invocation': '0.0000000001',
    'results-path': join(workspace, `run-${runCount++}`, 'results.json'),
    ...inputs,
  };
  return parseSettings((name) => all[name] ?? '', {
    env: {},
    cwd: workspace,
    readFile: (path) => readFileSync(path, 'utf8'),
  }).settings;
}

async function flow(inputs: Record<string, string>) {
  const logger = recordingLogger();
  const outcome = await runFlow(settingsFor(inputs), { client: harness.engineClient, logger, waiterMinDelaySec: 0.05 });
  return { outcome, logger, report: readFileSync(outcome.reportPath, 'utf8') };
}

describe('auto-optimize applies only to a run that passes', () => {
  it('a failing gate leaves $LATEST at its memory, and the log and the report say the recommendation was not applied', async () => {
    await createOriginal(harness, 'gate-fails-latest');
    const { outcome, logger, report } = await flow({ 'function-name': 'gate-fails-latest' });

    expect(outcome.verdict?.level).toBe('fail');
    expect(outcome.failure).toMatch(/^Regression gate failed: /);
    const recommended = outcome.result?.recommendation?.memoryMb;
    expect(recommended).toBeDefined();
    expect(recommended).not.toBe(ORIGINAL.memoryMb);
    expect(outcome.result?.applied).toBeUndefined();
    expect(await settledStateOf(harness.checkClient, 'gate-fails-latest')).toMatchObject(LEFT_AS_FOUND);
    expect(logger.lines).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^warning: Auto-optimize did not apply ${recommended} MB: it changes the function only when the run passes, and this one failed \\(Regression gate failed: `,
        ),
      ),
    );
    expect(report).toContain(
      'Not applied: auto-optimize changes the function only when the run passes, and the gate verdict is fail.',
    );
    // results.json, what a later comment-only run or a data branch reads, agrees.
    expect(readFunctionResult(outcome.resultsPath).applied).toBeUndefined();
  });

  it('a failing gate neither creates nor moves auto-optimize-alias, and leaves no version behind', async () => {
    await createOriginal(harness, 'gate-fails-alias');
    const { outcome } = await flow({ 'function-name': 'gate-fails-alias', 'auto-optimize-alias': 'live' });

    expect(outcome.verdict?.level).toBe('fail');
    expect(outcome.result?.applied).toBeUndefined();
    await expect(
      harness.checkClient.send(new GetAliasCommand({ FunctionName: 'gate-fails-alias', Name: 'live' })),
    ).rejects.toThrow(/not found/i);
    expect(await settledStateOf(harness.checkClient, 'gate-fails-alias')).toMatchObject(LEFT_AS_FOUND);
  });

  it('with fail-on-regression false the verdict only informs: the job passes and the recommendation is applied', async () => {
    await createOriginal(harness, 'gate-informs');
    const { outcome, report } = await flow({ 'function-name': 'gate-informs', 'fail-on-regression': 'false' });

    expect(outcome.verdict?.level).toBe('fail');
    expect(outcome.failure).toBeUndefined();
    const recommended = outcome.result?.recommendation?.memoryMb;
    expect(outcome.result?.applied).toEqual({ target: '$LATEST', memoryMb: recommended });
    const state = await settledStateOf(harness.checkClient, 'gate-informs');
    expect(state).toMatchObject({ ...LEFT_AS_FOUND, memoryMb: recommended });
    expect(report).toContain(`Applied: $LATEST now has`);
    expect(readFunctionResult(outcome.resultsPath).applied).toEqual({
      target: '$LATEST',
      memoryMb: recommended,
    });
  });
});
