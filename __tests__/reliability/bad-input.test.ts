// Malformed inputs at the front doors — the action's run() with INPUT_* variables, and the CLI with the same
// values as flags: exactly one error line that names the input, exit code 1, no stack trace, and not one request
// to Lambda (the emulator counts every request it receives). parseSettings' own table
// (__tests__/unit/settings.test.ts) checks the messages in detail; this one checks what a user sees.

import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { main } from '../../src/cli.js';
import { createOriginal, runActionInProcess, startHarness, type Harness } from './harness.js';

let harness: Harness;
let workspace: string;
let run: Parameters<typeof runActionInProcess>[0];

const ARN = 'arn:aws:lambda:eu-west-1:123456789012:function:bad-input';

beforeAll(async () => {
  harness = await startHarness();
  await createOriginal(harness, 'bad-input');
  workspace = mkdtempSync(join(tmpdir(), 'lpg-bad-input-'));
  mkdirSync(join(workspace, 'events'));
  writeFileSync(join(workspace, 'events/broken.json'), '{"order": ');
  writeFileSync(join(workspace, 'events/empty.json'), '\n');
  writeFileSync(join(workspace, 'events/ok.json'), '{"order": 1}');
  writeFileSync(join(workspace, 'events/heavy.json'), '[{"payload":1,"weight":1},{"payload":2,"weight":9}]');
  ({ run } = await import('../../src/action/main.js'));
});

afterAll(async () => {
  await harness.close();
});

/** [what, inputs (merged over a valid function name and the emulator endpoint; '' removes one), the input the error must name, env] */
type Case = [string, Record<string, string>, string, Record<string, string>?];

const weighted = (items: string) => `[${items}]`;

const CASES: Case[] = [
  // power values
  ['memory below 128', { 'power-values': '64,128' }, 'power-values'],
  ['memory above 10240', { 'power-values': '128,10241' }, 'power-values'],
  ['empty item', { 'power-values': '128,,256' }, 'power-values'],
  ['trailing comma', { 'power-values': '128,' }, 'power-values'],
  ['fractional memory', { 'power-values': '256.5' }, 'power-values'],
  ['memory in words', { 'power-values': 'lots' }, 'power-values'],
  ['memory with a unit', { 'power-values': '128MB,256MB' }, 'power-values'],
  ['ALL with others', { 'power-values': 'ALL,4096' }, 'power-values'],
  ['negative memory', { 'power-values': '-128' }, 'power-values'],
  // invocations
  ['zero invocations', { invocations: '0' }, 'invocations'],
  ['fractional invocations', { invocations: '2.5' }, 'invocations'],
  ['invocations in words', { invocations: 'ten' }, 'invocations'],
  ['hex invocations', { invocations: '0x10' }, 'invocations'],
  // payload JSON
  ['trailing comma in JSON', { payload: '{"a": 1,}' }, 'payload'],
  ['unterminated array', { payload: '[1, 2' }, 'payload'],
  ['unquoted key', { payload: '{a: 1}' }, 'payload'],
  ['single quotes', { payload: "{'a': 1}" }, 'payload'],
  ['unterminated string', { payload: '"abc' }, 'payload'],
  // weights
  ['weighted item without weight', { payload: weighted('{"payload":{},"weight":1},{"payload":{}}') }, 'payload'],
  ['weight as a string', { payload: weighted('{"payload":{},"weight":"3"}') }, 'payload'],
  ['zero weight', { payload: weighted('{"payload":{},"weight":1},{"payload":{},"weight":0}') }, 'payload'],
  ['negative weight', { payload: weighted('{"payload":{},"weight":-1}') }, 'payload'],
  [
    'weights need more invocations',
    { invocations: '5', payload: weighted('{"payload":{"a":1},"weight":1},{"payload":{"b":2},"weight":9}') },
    'invocations',
  ],
  // payload files
  ['missing payload file', { 'payload-file': 'events/none.json' }, 'payload-file'],
  ['payload file with bad JSON', { 'payload-file': 'events/broken.json' }, 'payload-file'],
  ['empty payload file', { 'payload-file': 'events/empty.json' }, 'payload-file'],
  ['payload and payload file', { 'payload-file': 'events/ok.json', payload: '{"a":1}' }, 'payload-file'],
  [
    'payload file weights need more invocations',
    { 'payload-file': 'events/heavy.json', invocations: '3' },
    'invocations',
  ],
  // thresholds and percentages
  ['negative cost increase', { 'max-cost-increase': '-5' }, 'max-cost-increase'],
  ['cost increase in words', { 'max-cost-increase': 'five' }, 'max-cost-increase'],
  ['double percent sign', { 'max-duration-increase': '10%%' }, 'max-duration-increase'],
  ['warn above max', { 'max-cost-increase': '5', 'warn-cost-increase': '8%' }, 'warn-cost-increase'],
  ['warn above default max duration', { 'warn-duration-increase': '20' }, 'warn-duration-increase'],
  ['zero cost ceiling', { 'max-cost-per-invocation': '0' }, 'max-cost-per-invocation'],
  ['negative duration ceiling', { 'max-duration-ms': '-1' }, 'max-duration-ms'],
  ['negative monthly increase', { 'max-monthly-cost-increase': '-10' }, 'max-monthly-cost-increase'],
  ['confidence 0.5', { confidence: '0.5' }, 'confidence'],
  ['confidence as percent', { confidence: '95' }, 'confidence'],
  ['one min sample', { 'min-samples': '1' }, 'min-samples'],
  ['fractional gate budget', { 'gate-max-invocations': '2.5' }, 'gate-max-invocations'],
  ['negative gate budget', { 'gate-max-invocations': '-1' }, 'gate-max-invocations'],
  ['unknown duration statistic', { 'max-duration-statistic': 'p75' }, 'max-duration-statistic'],
  ['zero history', { 'history-limit': '0' }, 'history-limit'],
  ['too many trend runs', { 'trend-runs': '13' }, 'trend-runs'],
  // function names and ARNs
  ['no function name', { 'function-name': '' }, 'function-name'],
  ['space in the name', { 'function-name': 'my fn' }, 'function-name'],
  ['name of 65 characters', { 'function-name': 'a'.repeat(65) }, 'function-name'],
  ['ARN without a name', { 'function-name': 'arn:aws:lambda:eu-west-1:123456789012:function' }, 'function-name'],
  ['S3 ARN', { 'function-name': 'arn:aws:s3:eu-west-1:123456789012:function:x' }, 'function-name'],
  ['short account id', { 'function-name': 'arn:aws:lambda:eu-west-1:12345:function:x' }, 'function-name'],
  ['layer ARN', { 'function-name': 'arn:aws:lambda:eu-west-1:123456789012:layer:x' }, 'function-name'],
  ['two qualifiers', { 'function-name': 'bad-input:a:b' }, 'function-name'],
  ['bad qualifier', { 'function-name': 'bad-input:bad!q' }, 'function-name'],
  // regions
  ['region not a code', { region: 'Europe' }, 'region'],
  ['region differs from the ARN', { 'function-name': ARN, region: 'us-east-1' }, 'region'],
  ['no region anywhere', { endpoint: '' }, 'region'],
  ['bad AWS_REGION', { endpoint: '' }, 'region', { AWS_REGION: 'nowhere' }],
  // endpoint
  ['endpoint without scheme', { endpoint: 'localhost:9001' }, 'endpoint'],
  ['ftp endpoint', { endpoint: 'ftp://127.0.0.1' }, 'endpoint'],
  // conflicting options
  ['baseline file and branch', { 'baseline-file': 'b.json', 'baseline-branch': 'data' }, 'baseline-branch'],
  ['parallel with sleep', { 'parallel-invocation': 'true', 'sleep-between-runs-ms': '100' }, 'sleep-between-runs-ms'],
  ['percentile limit with cost', { 'percentile-limit': 'p95<=300' }, 'percentile-limit'],
  ['percentile without limit', { strategy: 'percentile' }, 'percentile-limit'],
  ['alias without auto-optimize', { 'auto-optimize-alias': 'live' }, 'auto-optimize-alias'],
  // enums, booleans, numbers, names
  ['unknown strategy', { strategy: 'fastest' }, 'strategy'],
  ['unknown comment mode', { 'comment-mode': 'sticky' }, 'comment-mode'],
  ['boolean maybe', { 'dry-run': 'maybe' }, 'dry-run'],
  ['boolean on', { 'log-payloads': 'on' }, 'log-payloads'],
  ['zero concurrency', { concurrency: '0' }, 'concurrency'],
  ['timeout above 350', { 'timeout-minutes': '351' }, 'timeout-minutes'],
  ['fractional timeout', { 'timeout-minutes': '0.5' }, 'timeout-minutes'],
  ['discard in words', { 'discard-top-bottom': 'lots' }, 'discard-top-bottom'],
  ['key with a slash', { key: 'team/orders' }, 'key'],
  ['branch with ..', { 'baseline-branch': 'data..old' }, 'baseline-branch'],
  ['data branch as refs/heads/…', { 'baseline-branch': 'refs/heads/main' }, 'baseline-branch'],
  ['data branch as heads/…', { 'baseline-branch': 'heads/main' }, 'baseline-branch'],
  ['data branch HEAD', { 'baseline-branch': 'HEAD' }, 'baseline-branch'],
  // integers written as decimals or with an exponent, and too many memory sizes (issue 11, 4)
  ['invocations 1e3', { invocations: '1e3' }, 'invocations'],
  ['concurrency 2.0', { concurrency: '2.0' }, 'concurrency'],
  ['memory 128.0', { 'power-values': '128.0,256' }, 'power-values'],
  ['timeout 3e1', { 'timeout-minutes': '3e1' }, 'timeout-minutes'],
  ['history limit 20.0', { 'history-limit': '20.0' }, 'history-limit'],
  ['47 memory sizes', { 'power-values': Array.from({ length: 47 }, (_, i) => 128 + 64 * i).join(',') }, 'power-values'],
  ['secret in malformed payload', { payload: '{"token": "s3cr3t-value" oops}' }, 'payload'],
];

function inputsOf(overrides: Record<string, string>): Record<string, string> {
  const inputs: Record<string, string> = {
    'function-name': 'bad-input',
    endpoint: harness.emulator.endpoint,
    ...overrides,
  };
  return Object.fromEntries(Object.entries(inputs).filter(([, value]) => value !== ''));
}

const totalRequests = () => Object.values(harness.emulator.stats().requests).reduce((sum, count) => sum + count, 0);

describe(`malformed inputs (${CASES.length} cases)`, () => {
  it('has at least 50 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(50);
  });

  it.each(CASES)(
    'action: %s → one error line naming the input, exit 1, no Lambda call',
    async (_what, overrides, input, env = {}) => {
      const before = totalRequests();
      const outcome = await runActionInProcess(run, inputsOf(overrides), {
        workspace,
        env: { AWS_REGION: '', AWS_DEFAULT_REGION: '', ...env },
      });
      expect(outcome.exitCode).toBe(1);
      const errors = outcome.log.split('\n').filter((line) => line.startsWith('::error'));
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(new RegExp(`^::error::Input '${input}': \\S`));
      expect(outcome.log).not.toMatch(/\n\s+at /);
      expect(outcome.log).not.toContain('s3cr3t');
      expect(totalRequests()).toBe(before);
    },
  );

  it.each(CASES)(
    'CLI: %s → one stderr line naming the input, exit 1, no Lambda call',
    async (_what, overrides, input, env = {}) => {
      const before = totalRequests();
      const chunks = { stdout: [] as string[], stderr: [] as string[] };
      const sink = (into: string[]) =>
        new Writable({
          write(chunk, _encoding, callback) {
            into.push(String(chunk));
            callback();
          },
        });
      const flags = Object.entries(inputsOf(overrides)).map(([name, value]) => `--${name}=${value}`);
      const code = await main(['tune', ...flags], {
        stdout: sink(chunks.stdout),
        stderr: sink(chunks.stderr),
        env: { PATH: process.env.PATH, ...env },
        cwd: workspace,
        signalSource: new EventEmitter(),
      });
      expect(code).toBe(1);
      const stderr = chunks.stderr.join('');
      expect(stderr.trimEnd().split('\n')).toEqual([
        expect.stringMatching(new RegExp(`^lambda-power-gate: Input '${input}': \\S`)),
      ]);
      expect(chunks.stdout.join('')).toBe('');
      expect(stderr).not.toContain('s3cr3t');
      expect(totalRequests()).toBe(before);
    },
  );
});
