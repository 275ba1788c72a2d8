// The CLI front door on the emulator: the same flags as the action's inputs, the same results.json and report.

import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { startEmulator, type Emulator } from '../../emulator/lambda/server.js';
import { main } from '../../src/cli.js';
import { INPUTS } from '../../src/settings/inputs.js';
import { readFunctionResult } from '../helpers/results-file.js';

let emulator: Emulator;
let dir: string;

beforeAll(async () => {
  emulator = await startEmulator({ updateDelayMs: 50 });
  await emulator.createFunction({ name: 'cli-fn', sample: 'noop', memoryMb: 256, description: 'cli' });
  dir = mkdtempSync(join(tmpdir(), 'lpg-cli-'));
});

afterAll(async () => {
  await emulator.close();
});

function capture() {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      chunks.push(String(chunk));
      callback();
    },
  });
  return { stream, text: () => chunks.join('') };
}

async function cli(argv: string[]) {
  const stdout = capture();
  const stderr = capture();
  const code = await main(argv, {
    stdout: stdout.stream,
    stderr: stderr.stream,
    env: { PATH: process.env.PATH },
    cwd: dir,
    signalSource: new EventEmitter(),
  });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

describe('lambda-power-gate CLI', () => {
  it('tunes with the same flags as the action inputs and writes results.json and report.md', async () => {
    const { code, stdout, stderr } = await cli([
      'tune',
      '--function-name',
      'cli-fn',
      `--endpoint=${emulator.endpoint}`,
      '--power-values',
      '128,256',
      '--invocations',
      '3',
      '--results-path',
      'out/results.json',
    ]);
    expect(stderr).not.toMatch(/error/i);
    expect(code).toBe(0);
    const result = readFunctionResult(join(dir, 'out/results.json'));
    expect(result.powerValues.map((entry) => entry.status)).toEqual(['ok', 'ok']);
    expect(existsSync(join(dir, 'out/report.md'))).toBe(true);
    expect(stdout).toContain('128 MB');
    expect(stdout).toContain('results: ');
    // Warm and expected cost side by side, as the comment shows them; and what the run spent.
    expect(stdout).toMatch(/cost\/1M inv\.\s+expected\/1M/);
    const invocations = result.powerValues.reduce((sum, entry) => sum + entry.samples.length, 0);
    expect(stdout).toMatch(new RegExp(`^spent: +${invocations} invocations, [\\d.]+ GB-s, \\$`, 'm'));
  });

  it('documents every input as a flag in --help', async () => {
    const { code, stdout } = await cli(['--help']);
    expect(code).toBe(0);
    for (const input of INPUTS) expect(stdout).toContain(`--${input.name}`);
  });

  it('rejects an unknown flag in one line and exits 1', async () => {
    const { code, stderr } = await cli(['tune', '--function-name', 'cli-fn', '--power-value', '128']);
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/power-value.*power-values/);
  });

  it("refuses mode prune in one line (it is the action's: the data branch needs the GitHub API), calling no Lambda API", async () => {
    const before = JSON.stringify(emulator.stats().requests);
    const { code, stderr } = await cli([
      'tune',
      '--function-name',
      'cli-fn',
      '--region',
      'us-east-1',
      '--mode',
      'prune',
      '--baseline-branch',
      'data',
    ]);
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain("Input 'mode': prune runs in the GitHub Action");
    expect(JSON.stringify(emulator.stats().requests)).toBe(before);
  });

  it.each([
    ['comment-only', ['--function-name', 'cli-fn', '--results-file', 'results.json']],
    ['aggregate', ['--results-files', 'shards/*/results.json']],
  ])('refuses mode %s in one line too (it posts to the pull request), calling no Lambda API', async (mode, extra) => {
    const before = JSON.stringify(emulator.stats().requests);
    const { code, stderr } = await cli(['tune', '--region', 'us-east-1', '--mode', mode, ...extra]);
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(new RegExp(`Input 'mode': ${mode}`));
    expect(JSON.stringify(emulator.stats().requests)).toBe(before);
  });

  it('rejects bad input before calling Lambda', async () => {
    const before = JSON.stringify(emulator.stats().requests);
    const { code, stderr } = await cli([
      'tune',
      '--function-name',
      'cli-fn',
      `--endpoint=${emulator.endpoint}`,
      '--invocations',
      'many',
    ]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^lambda-power-gate: Input 'invocations'/);
    expect(JSON.stringify(emulator.stats().requests)).toBe(before);
  });
});
