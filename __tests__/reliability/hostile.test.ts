// A pull request whose function attacks the job that measures it: its error type and message carry workflow
// commands after line breaks, the legacy ##[ form, ANSI and OSC-8 escapes, RTL overrides and 100 KB of text. The
// action runs as a runner runs it (a child process, the real SDK against the emulator, the GitHub stand-in); the
// log is read the way the runner reads it, and every file and comment the run produced is searched.

import { EventEmitter } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { startGitHubApiStub, type GitHubApiStub } from '../../emulator/github/api.js';
import { main } from '../../src/cli.js';
import { ACTION_COMMANDS, executedCommands, UNSAFE_CHARS } from '../helpers/runner-log.js';
import { createOriginal, spawnAction, startHarness, type Harness } from './harness.js';
import { readFunctionResult } from '../helpers/results-file.js';

let harness: Harness;
let github: GitHubApiStub;

beforeAll(async () => {
  harness = await startHarness();
  github = await startGitHubApiStub();
  await createOriginal(harness, 'hostile-pr', { sample: 'hostile' });
  await createOriginal(harness, 'hostile-base', { sample: 'noop' });
});

afterAll(async () => {
  await github.close();
  await harness.close();
});

/** Every attack the security review saw work (issue 11), in one error type. */
const ATTACKS = [
  'Hostile',
  '::stop-commands::pwnd',
  '::set-output name=verdict::pass',
  '::error::forged annotation',
  '    ::warning::indented',
  '##[error]legacy form',
  'x ##[set-output name=verdict;]pass %0A::error::encoded',
  '\u202Eevil\u2066isolate\u2069 \u001b[31mred\u001b[0m \u001b]8;;https://evil.example\u0007link\u001b]8;;\u0007 bell\u0007',
].join('\n');

const repo = { full_name: 'acme/shop', name: 'shop', owner: { login: 'acme' } };
const pullRequestEvent = (number: number) => ({
  number,
  pull_request: { number, head: { sha: 'a'.repeat(40), repo }, base: { sha: 'b'.repeat(40), repo } },
  repository: repo,
});

function filesUnder(dir: string): { where: string; text: string }[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory()
      ? filesUnder(path)
      : entry === 'event.json'
        ? []
        : [{ where: path, text: readFileSync(path, 'utf8') }];
  });
}

async function runHostile(issueNumber: number, event: Record<string, unknown>, extra: Record<string, string> = {}) {
  const workspace = mkdtempSync(join(tmpdir(), 'lpg-hostile-'));
  const child = spawnAction({
    workspace,
    inputs: {
      'function-name': 'hostile-pr',
      endpoint: harness.emulator.endpoint,
      'power-values': '128,256',
      invocations: '2',
      payload: JSON.stringify(event),
      'github-token': 'ghs_test',
      key: `hostile-${issueNumber}`,
      ...extra,
    },
    env: { AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_REGION: 'us-east-1' },
    githubApiUrl: github.url,
    event: pullRequestEvent(issueNumber),
  });
  const exitCode = await child.exited;
  const comments = github.comments
    .filter((comment) => comment.issueNumber === issueNumber)
    .map((comment) => ({ where: `comment ${comment.id}`, text: comment.body }));
  return { exitCode, lines: child.lines, workspace, produced: [...filesUnder(workspace), ...comments] };
}

describe('a hostile function cannot reach the runner, the comment or the reports', () => {
  it('workflow commands, escapes and bidi controls in its error type and message stay inert (live baseline, log-payloads on)', async () => {
    const { exitCode, lines, workspace, produced } = await runHostile(
      61,
      { errorType: ATTACKS, errorMessage: ATTACKS, log: [ATTACKS] },
      { 'baseline-function': 'hostile-base', 'log-payloads': 'true' },
    );
    expect(exitCode).toBe(1);
    // The runner executes only the action's own commands: no stop-commands with the function's token, no
    // set-output, no forged error. The failure is still reported, as one annotation.
    const commands = executedCommands(lines);
    expect(commands.filter((command) => !ACTION_COMMANDS.has(command.name))).toEqual([]);
    expect(commands.filter((command) => command.name === 'stop-commands').map((command) => command.data)).not.toContain(
      'pwnd',
    );
    expect(commands.filter((command) => command.name === 'error')).toHaveLength(1);
    // The hostile text did reach the log (the run reported it), wrapped where it looks like a command.
    expect(lines.some((line) => line.includes('::stop-commands::pwnd'))).toBe(true);
    expect(lines.join('\n')).not.toMatch(UNSAFE_CHARS);
    // The comment, the summary, report.md and report.html carry no control character; results.json keeps the raw
    // error type for allowed-exceptions, bounded.
    const reports = produced.filter(
      (entry) => !entry.where.endsWith('.json') && !entry.where.endsWith('github-output.txt'),
    );
    expect(reports.map((entry) => entry.where).some((where) => where.startsWith('comment'))).toBe(true);
    expect(reports.some((entry) => entry.where.endsWith('report.html'))).toBe(true);
    for (const entry of reports)
      expect({ where: entry.where, unsafe: UNSAFE_CHARS.exec(entry.text)?.[0] }).toEqual({
        where: entry.where,
        unsafe: undefined,
      });
    const result = readFunctionResult(join(workspace, 'lambda-power-gate', 'results.json'));
    const types = Object.keys(result.powerValues[0]?.errorTypes ?? {});
    expect(types).toHaveLength(1);
    expect(ATTACKS.startsWith((types[0] ?? 'x').slice(0, 255))).toBe(true);
    expect(types[0]?.length).toBeLessThanOrEqual(256);
  });

  it('a 100 KB error type becomes short annotations and a bounded results.json entry', async () => {
    const huge = `Huge${'%'.repeat(100_000)}`;
    const { exitCode, lines, workspace } = await runHostile(62, { errorType: huge });
    expect(exitCode).toBe(1);
    const longest = Math.max(...lines.map((line) => line.length));
    expect(longest).toBeLessThan(13_000);
    const result = readFunctionResult(join(workspace, 'lambda-power-gate', 'results.json'));
    expect(
      Math.max(...Object.keys(result.powerValues[0]?.errorTypes ?? {}).map((type) => type.length)),
    ).toBeLessThanOrEqual(256);
  });

  it('the CLI prints no escape sequence and no command line from the function', async () => {
    const chunks: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, callback) {
        chunks.push(String(chunk));
        callback();
      },
    });
    const cwd = mkdtempSync(join(tmpdir(), 'lpg-hostile-cli-'));
    const code = await main(
      [
        'tune',
        '--function-name',
        'hostile-pr',
        `--endpoint=${harness.emulator.endpoint}`,
        '--power-values',
        '128',
        '--invocations',
        '2',
        '--payload',
        JSON.stringify({ errorType: ATTACKS }),
      ],
      { stdout: stream, stderr: stream, env: { PATH: process.env.PATH }, cwd, signalSource: new EventEmitter() },
    );
    const lines = chunks.join('').split('\n');
    expect({ code, lines }).toEqual({
      code: 1,
      lines: expect.arrayContaining([expect.stringContaining('::stop-commands::pwnd')]),
    });
    expect(executedCommands(lines).filter((command) => !ACTION_COMMANDS.has(command.name))).toEqual([]);
    expect(lines.join('\n')).not.toMatch(UNSAFE_CHARS);
  });
});
