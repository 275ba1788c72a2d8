// Hostile and careless paths at both front doors (issue 11, "Paths confined"): payload-file, baseline-file,
// results-file and results-path stay inside the workspace (symlinks followed), name regular files, and are read
// with a size limit. Each case: one error line naming the input, exit 1, no Lambda request, nothing written
// outside the workspace, and no hang (a read of /dev/zero or a FIFO without a writer never ends).

import { execFileSync } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { main } from '../../src/cli.js';
import { createOriginal, runActionInProcess, startHarness, type Harness } from './harness.js';

let harness: Harness;
let workspace: string;
/** A directory next to the workspace: nothing may be read from it or written into it. */
let outside: string;
let run: Parameters<typeof runActionInProcess>[0];

beforeAll(async () => {
  harness = await startHarness();
  await createOriginal(harness, 'paths');
  const parent = mkdtempSync(join(tmpdir(), 'lpg-paths-'));
  workspace = join(parent, 'workspace');
  outside = join(parent, 'outside');
  mkdirSync(join(workspace, 'events'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(outside, 'secret.json'), '{"secret": "outside-the-workspace"}');
  writeFileSync(join(workspace, 'events/ok.json'), '{"order": 1}');
  symlinkSync(join(outside, 'secret.json'), join(workspace, 'events/link-out.json'));
  symlinkSync('/dev/zero', join(workspace, 'events/zero.json'));
  symlinkSync(join(outside, 'missing.json'), join(workspace, 'events/dangling.json'));
  symlinkSync(outside, join(workspace, 'linked-dir'));
  execFileSync('mkfifo', [join(workspace, 'events/fifo.json')]);
  // Sparse: the size is what matters, not the bytes on disk.
  writeFileSync(join(workspace, 'events/huge.json'), '');
  truncateSync(join(workspace, 'events/huge.json'), 7 * 1024 * 1024);
  writeFileSync(join(workspace, 'events/huge-results.json'), '');
  truncateSync(join(workspace, 'events/huge-results.json'), 51 * 1024 * 1024);
  ({ run } = await import('../../src/action/main.js'));
});

afterAll(async () => {
  await harness.close();
});

/** [what, inputs merged over a valid function and the emulator, the input the error must name, a fragment of it] */
type Case = [string, Record<string, string>, string, RegExp];

const TUNE_CASES: Case[] = [
  [
    'payload-file climbing out with ..',
    { 'payload-file': '../../../../../../etc/passwd' },
    'payload-file',
    /outside the workspace/,
  ],
  [
    'payload-file as an absolute path outside',
    { 'payload-file': '/etc/passwd' },
    'payload-file',
    /outside the workspace \(an absolute path\)/,
  ],
  [
    'payload-file through a symlink to a file outside',
    { 'payload-file': 'events/link-out.json' },
    'payload-file',
    /through a symlink/,
  ],
  [
    'payload-file through a symlinked directory',
    { 'payload-file': 'linked-dir/secret.json' },
    'payload-file',
    /through a symlink/,
  ],
  [
    'payload-file as a symlink to /dev/zero',
    { 'payload-file': 'events/zero.json' },
    'payload-file',
    /through a symlink/,
  ],
  ['payload-file /dev/zero', { 'payload-file': '/dev/zero' }, 'payload-file', /outside the workspace/],
  ['payload-file as a FIFO', { 'payload-file': 'events/fifo.json' }, 'payload-file', /not a regular file/],
  ['payload-file as a directory', { 'payload-file': 'events' }, 'payload-file', /is a directory/],
  [
    'payload-file as a dangling symlink',
    { 'payload-file': 'events/dangling.json' },
    'payload-file',
    /symlink to a missing target/,
  ],
  [
    'payload-file above 6 MB',
    { 'payload-file': 'events/huge.json' },
    'payload-file',
    /7\.0 MB, above the limit of 6\.0 MB/,
  ],
  [
    'payload-file with a line break',
    { 'payload-file': 'events/ok.json\n::error::injected' },
    'payload-file',
    /control character or line break/,
  ],
  [
    'payload-file with a bidi override',
    { 'payload-file': 'events/\u202eok.json' },
    'payload-file',
    /control character/,
  ],
  ['baseline-file /dev/zero', { 'baseline-file': '/dev/zero' }, 'baseline-file', /outside the workspace/],
  [
    'baseline-file as a symlink to /dev/zero',
    { 'baseline-file': 'events/zero.json' },
    'baseline-file',
    /through a symlink/,
  ],
  ['baseline-file as a FIFO', { 'baseline-file': 'events/fifo.json' }, 'baseline-file', /not a regular file/],
  [
    'baseline-file climbing out with ..',
    { 'baseline-file': '../outside/secret.json' },
    'baseline-file',
    /outside the workspace/,
  ],
  [
    'baseline-file above 50 MB',
    { 'baseline-file': 'events/huge-results.json' },
    'baseline-file',
    /51\.0 MB, above the limit of 50\.0 MB/,
  ],
  ['results-path climbing out with ../../', { 'results-path': '../../' }, 'results-path', /outside the workspace/],
  [
    'results-path in the directory next to the workspace',
    { 'results-path': '../outside/results.json' },
    'results-path',
    /outside the workspace/,
  ],
  [
    'results-path absolute outside',
    { 'results-path': '/tmp/lpg-paths-absolute/results.json' },
    'results-path',
    /outside the workspace/,
  ],
  ['results-path .', { 'results-path': '.' }, 'results-path', /the workspace directory itself/],
  ['results-path an existing directory', { 'results-path': 'events' }, 'results-path', /is a directory/],
  ['results-path ending with a slash', { 'results-path': 'out/' }, 'results-path', /ends with a slash/],
  [
    'results-path through a symlinked directory',
    { 'results-path': 'linked-dir/results.json' },
    'results-path',
    /through a symlink/,
  ],
  [
    'results-path a symlink to a file outside',
    { 'results-path': 'events/link-out.json' },
    'results-path',
    /through a symlink/,
  ],
  [
    'results-path a dangling symlink',
    { 'results-path': 'events/dangling.json' },
    'results-path',
    /symlink to a missing target/,
  ],
  ['results-path as a FIFO', { 'results-path': 'events/fifo.json' }, 'results-path', /not a regular file/],
  [
    'results-path under a file',
    { 'results-path': 'events/ok.json/results.json' },
    'results-path',
    /which is a file, not a directory/,
  ],
  [
    'results-path named like the report',
    { 'results-path': 'out/report.md' },
    'results-path',
    /the name of the report.md/,
  ],
  [
    'results-path with a line break',
    { 'results-path': 'out/a\n::error::x.json' },
    'results-path',
    /control character or line break/,
  ],
];

const COMMENT_ONLY_CASES: Case[] = [
  [
    'results-file climbing out with ..',
    { 'results-file': '../outside/secret.json' },
    'results-file',
    /outside the workspace/,
  ],
  ['results-file /dev/zero', { 'results-file': '/dev/zero' }, 'results-file', /outside the workspace/],
  [
    'results-file as a symlink to /dev/zero',
    { 'results-file': 'events/zero.json' },
    'results-file',
    /through a symlink/,
  ],
  ['results-file as a FIFO', { 'results-file': 'events/fifo.json' }, 'results-file', /not a regular file/],
  ['results-file as a directory', { 'results-file': 'events' }, 'results-file', /is a directory/],
  [
    'results-file above 50 MB',
    { 'results-file': 'events/huge-results.json' },
    'results-file',
    /above the limit of 50\.0 MB/,
  ],
];

function inputsOf(overrides: Record<string, string>): Record<string, string> {
  return {
    'function-name': 'paths',
    endpoint: harness.emulator.endpoint,
    'power-values': '128',
    invocations: '10',
    ...overrides,
  };
}

const totalRequests = () => Object.values(harness.emulator.stats().requests).reduce((sum, count) => sum + count, 0);
const outsideUntouched = () => expect(readdirSync(outside).sort()).toEqual(['secret.json']);

async function runAction(inputs: Record<string, string>) {
  const before = totalRequests();
  const outcome = await runActionInProcess(run, inputs, { workspace, env: { AWS_REGION: '', AWS_DEFAULT_REGION: '' } });
  expect(totalRequests()).toBe(before);
  outsideUntouched();
  expect(existsSync('/tmp/lpg-paths-absolute')).toBe(false);
  return outcome;
}

function expectOneError(log: string, input: string, fragment: RegExp): void {
  const errors = log.split('\n').filter((line) => line.startsWith('::error'));
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatch(new RegExp(`^::error::Input '${input}': \\S`));
  expect(errors[0]).toMatch(fragment);
  expect(log).not.toContain('outside-the-workspace');
  expect(log).not.toContain('::error::injected');
  expect(log).not.toMatch(/\n\s+at /);
}

describe(`hostile paths (${TUNE_CASES.length + COMMENT_ONLY_CASES.length} cases, each at the action and the CLI where it applies)`, () => {
  it.each(TUNE_CASES)(
    'action: %s → one error line, exit 1, no Lambda call, nothing outside touched',
    async (_what, overrides, input, fragment) => {
      const outcome = await runAction(inputsOf(overrides));
      expect(outcome.exitCode).toBe(1);
      expectOneError(outcome.log, input, fragment);
    },
    20_000,
  );

  it.each(TUNE_CASES)(
    'CLI: %s → one stderr line, exit 1, no Lambda call',
    async (_what, overrides, input, fragment) => {
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
        env: { PATH: process.env.PATH },
        cwd: workspace,
        signalSource: new EventEmitter(),
      });
      expect(code).toBe(1);
      const lines = chunks.stderr.join('').trimEnd().split('\n');
      expect(lines).toEqual([expect.stringMatching(new RegExp(`^lambda-power-gate: Input '${input}': \\S`))]);
      expect(lines[0]).toMatch(fragment);
      // A baseline-file is read by the flow, which still writes its failure report; never a results path.
      expect(chunks.stdout.join('')).not.toMatch(/results: \//);
      expect(totalRequests()).toBe(before);
      outsideUntouched();
    },
    20_000,
  );

  it.each(COMMENT_ONLY_CASES)(
    'action, comment-only: %s → one error line, exit 1',
    async (_what, overrides, input, fragment) => {
      const outcome = await runAction({ mode: 'comment-only', 'github-token': '', ...overrides });
      expect(outcome.exitCode).toBe(1);
      expectOneError(outcome.log, input, fragment);
    },
    20_000,
  );

  it('accepts a symlink that stays inside the workspace, and an absolute path inside it', async () => {
    symlinkSync(join(workspace, 'events/ok.json'), join(workspace, 'events/link-in.json'));
    const viaLink = await runActionInProcess(
      run,
      { ...inputsOf({ 'payload-file': 'events/link-in.json' }), 'dry-run': 'true' },
      { workspace },
    );
    expect(viaLink.exitCode).toBe(0);
    const absolute = await runActionInProcess(
      run,
      {
        ...inputsOf({
          'payload-file': join(workspace, 'events/ok.json'),
          'results-path': join(workspace, 'out/r.json'),
        }),
        'dry-run': 'true',
      },
      { workspace },
    );
    expect(absolute.exitCode).toBe(0);
  });
});

describe('no stale artefacts (issue 11, 6)', () => {
  const artefacts = ['results.json', 'report.md', 'report.html', 'baseline-results.json'];
  const present = (dir: string) => artefacts.filter((name) => existsSync(join(dir, name)));

  it("action: a run that fails before measuring removes the earlier run's files, and results-path is empty", async () => {
    const dir = join(workspace, 'stale-action');
    const first = await runActionInProcess(
      run,
      inputsOf({ 'results-path': 'stale-action/results.json', invocations: '2' }),
      { workspace },
    );
    expect(first.exitCode).toBe(0);
    expect(first.outputs['results-path']).toBe(join(dir, 'results.json'));
    writeFileSync(join(dir, 'baseline-results.json'), '{}');
    writeFileSync(join(dir, 'notes.txt'), "the user's own file");
    expect(present(dir)).toEqual(artefacts);

    const failed = await runActionInProcess(
      run,
      inputsOf({ 'results-path': 'stale-action/results.json', 'baseline-file': 'events/none.json' }),
      { workspace },
    );
    expect(failed.exitCode).toBe(1);
    expect(failed.outputs['results-path']).toBe('');
    expect(failed.log).toContain('Results: none written');
    // Only the failure report of this run; other files in the directory are left alone.
    expect(present(dir)).toEqual(['report.md']);
    expect(existsSync(join(dir, 'notes.txt'))).toBe(true);
  }, 30_000);

  it("CLI: says that no results were written instead of printing the earlier run's path", async () => {
    const dir = join(workspace, 'stale-cli');
    mkdirSync(dir);
    for (const name of artefacts) writeFileSync(join(dir, name), 'an earlier run');
    const out: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, callback) {
        out.push(String(chunk));
        callback();
      },
    });
    const flags = Object.entries(
      inputsOf({ 'results-path': 'stale-cli/results.json', 'baseline-file': 'events/none.json' }),
    ).map(([name, value]) => `--${name}=${value}`);
    const code = await main(['tune', ...flags], {
      stdout: sink,
      stderr: new Writable({ write: (_c, _e, cb) => cb() }),
      env: { PATH: process.env.PATH },
      cwd: workspace,
      signalSource: new EventEmitter(),
    });
    expect(code).toBe(1);
    expect(out.join('')).toContain('results: none written');
    expect(out.join('')).not.toContain('results.json');
    expect(present(dir)).toEqual(['report.md']);
  });
});
