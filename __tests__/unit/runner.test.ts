// src/action/runner.ts speaks the runner protocol in place of @actions/core (kept out of the bundle for its start-up
// cost). Each case runs the same call through both, in the same environment, and compares what reaches the
// runner: stdout, the GITHUB_OUTPUT / GITHUB_STATE / GITHUB_STEP_SUMMARY files, the exit code, the value returned.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as core from '@actions/core';
import fc from 'fast-check';
import * as runner from '../../src/action/runner.js';
import { ACTION_COMMANDS, executedCommands } from '../helpers/runner-log.js';

interface Observed {
  stdout: string;
  files: Record<string, string>;
  exitCode: number | string | undefined;
  returned: unknown;
  threw?: string;
}

const FILES = ['GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY'] as const;
// The file commands' delimiter is random (ghadelimiter_<uuid>); the rest must match byte for byte.
const sameDelimiter = (text: string) => text.replace(/ghadelimiter_[0-9a-f-]{36}/g, 'ghadelimiter_<uuid>');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lpg-runner-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Runs fn with these variables set (and the three files created empty unless given as undefined). */
async function observe(env: Record<string, string | undefined>, fn: () => unknown): Promise<Observed> {
  const saved = { ...process.env };
  for (const name of FILES) {
    const path = join(dir, name);
    writeFileSync(path, '');
    process.env[name] = path;
  }
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  const chunks: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) =>
    chunks.push(String(chunk)) > 0) as typeof process.stdout.write;
  const observed: Observed = { stdout: '', files: {}, exitCode: undefined, returned: undefined };
  try {
    observed.returned = await fn();
  } catch (error) {
    observed.threw = sameDelimiter((error as Error).message);
  } finally {
    process.stdout.write = write;
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  }
  observed.stdout = sameDelimiter(chunks.join(''));
  for (const name of FILES) observed.files[name] = sameDelimiter(readFileSync(join(dir, name), 'utf8'));
  observed.exitCode = process.exitCode;
  process.exitCode = undefined;
  return observed;
}

async function expectSame(env: Record<string, string | undefined>, ours: () => unknown, theirs: () => unknown) {
  const expected = await observe(env, theirs);
  const actual = await observe(env, ours);
  expect(actual).toEqual(expected);
  return actual;
}

// Text that stresses the escaping: the characters core encodes, a command inside the text, a line break of each kind.
const TRICKY = [
  '',
  'plain',
  '100% done: a, b',
  'line\nbreak\r\nand %0A literal',
  '::error::injected',
  '  padded  ',
  '%25 already encoded',
  'ünïcödé ✓ 🚀',
];

describe('runner.ts speaks the runner protocol as @actions/core 3 does', () => {
  it.each([
    ['function-name', { 'INPUT_FUNCTION-NAME': '  my-fn \n' }],
    ['my input', { INPUT_MY_INPUT: 'spaces become underscores' }],
    ['Mode', { INPUT_MODE: 'comment-only' }],
    ['absent', {}],
  ])('getInput(%j)', async (name, env) => {
    await expectSame(
      env,
      () => runner.getInput(name),
      () => core.getInput(name),
    );
  });

  it.each([
    ['isPost', { STATE_isPost: 'true' }],
    ['run', { STATE_run: '{"runId":"x"}' }],
    ['run', {}],
  ])('getState(%j)', async (name, env) => {
    await expectSame(
      env,
      () => runner.getState(name),
      () => core.getState(name),
    );
  });

  it.each(TRICKY.map((text) => [text]))(
    'setOutput and saveState write the same file commands for %j',
    async (value) => {
      const seen = await expectSame(
        {},
        () => {
          runner.setOutput('verdict', value);
          runner.saveState('run', value);
        },
        () => {
          core.setOutput('verdict', value);
          core.saveState('run', value);
        },
      );
      expect(seen.files.GITHUB_OUTPUT).toBe(`verdict<<ghadelimiter_<uuid>\n${value}\nghadelimiter_<uuid>\n`);
    },
  );

  it('without the files, setOutput and saveState fall back to the deprecated commands, escaped', async () => {
    await expectSame(
      { GITHUB_OUTPUT: undefined, GITHUB_STATE: undefined },
      () => {
        runner.setOutput('a,b:c', '50%\nx');
        runner.saveState('isPost', 'true');
      },
      () => {
        core.setOutput('a,b:c', '50%\nx');
        core.saveState('isPost', 'true');
      },
    );
  });

  it('a file command to a file that does not exist throws as core does', async () => {
    const seen = await expectSame(
      { GITHUB_OUTPUT: join(dir, 'missing.txt') },
      () => runner.setOutput('x', 'y'),
      () => core.setOutput('x', 'y'),
    );
    expect(seen.threw).toMatch(/^Missing file at path: /);
  });

  it('refuses a name or value holding the delimiter', () => {
    expect(() => runner.keyValueMessage('x', 'a\nghadelimiter_1\nb', 'ghadelimiter_1')).toThrow(
      'Unexpected input: value should not contain the delimiter "ghadelimiter_1"',
    );
    expect(() => runner.keyValueMessage('ghadelimiter_1', 'v', 'ghadelimiter_1')).toThrow(
      'Unexpected input: name should not contain the delimiter "ghadelimiter_1"',
    );
  });

  it.each(TRICKY.map((text) => [text]))('every log command for %j', async (text) => {
    await expectSame(
      {},
      () => {
        runner.info(text);
        runner.debug(text);
        runner.notice(text);
        runner.warning(text);
        runner.error(text);
        runner.setSecret(text);
        runner.setFailed(text);
      },
      () => {
        core.info(text);
        core.debug(text);
        core.notice(text);
        core.warning(text);
        core.error(text);
        core.setSecret(text);
        core.setFailed(text);
      },
    );
  });

  it('escapes any text exactly as core (property test)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary' }), async (text) => {
        const ours = await observe({}, () => runner.warning(text));
        const theirs = await observe({}, () => core.warning(text));
        expect(ours.stdout).toBe(theirs.stdout);
        // The runner model reads one warning command whose data is the whole text, encoded (the line trimmed).
        expect(executedCommands(ours.stdout.split('\n').slice(0, -1))).toEqual([
          { line: 0, name: 'warning', data: runner.escapeData(text).trimEnd() },
        ]);
      }),
    );
  });

  it('a group closes however its function ends, and returns or throws what it did', async () => {
    const seen = await expectSame(
      {},
      () => runner.group('Tuning ::x', async () => 42),
      () => core.group('Tuning ::x', async () => 42),
    );
    expect(seen.returned).toBe(42);
    const failed = await expectSame(
      {},
      () =>
        runner.group('g', async () => {
          throw new Error('boom');
        }),
      () =>
        core.group('g', async () => {
          throw new Error('boom');
        }),
    );
    expect(failed.threw).toBe('boom');
    expect(
      executedCommands(failed.stdout.split('\n').slice(0, -1)).every((command) => ACTION_COMMANDS.has(command.name)),
    ).toBe(true);
  });

  it('appendSummary is summary.addRaw(text).write(): appended, unchanged', async () => {
    await expectSame(
      {},
      async () => {
        await runner.appendSummary('# one\n');
        await runner.appendSummary('two %\r\n');
      },
      async () => {
        await core.summary.addRaw('# one\n').write();
        await core.summary.addRaw('two %\r\n').write();
      },
    );
  });

  it('appendSummary fails with core’s messages without a variable or a writable file', async () => {
    const unset = await observe({ GITHUB_STEP_SUMMARY: undefined }, () => runner.appendSummary('x'));
    expect(unset.threw).toBe(
      'Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.',
    );
    const missing = join(dir, 'missing.md');
    const denied = await observe({ GITHUB_STEP_SUMMARY: missing }, () => runner.appendSummary('x'));
    expect(denied.threw).toBe(
      `Unable to access summary file: '${missing}'. Check if the file has correct read/write permissions.`,
    );
  });
});
