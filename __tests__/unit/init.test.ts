// `lambda-power-gate init`: the workflow it writes is valid YAML, passes actionlint, uses only the action's inputs
// with OIDC permissions; its IAM policy is docs/SECURITY.md's (which security-doc.test.ts holds equal to the engine's
// Lambda calls); it never overwrites a file without --force.

import { EventEmitter } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { parse } from 'yaml';
import { actionlint } from '../helpers/actionlint.js';
import { main } from '../../src/cli.js';
import { ACTION_REF, parseInitArgs, permissionPolicy, renderWorkflow, type InitOptions } from '../../src/init.js';
import { TOOL_VERSION } from '../../src/lib/version.js';
import { INPUTS } from '../../src/settings/inputs.js';
import { parseAppSettings } from '../../src/settings/index.js';

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

async function cli(argv: string[], cwd: string) {
  const stdout = capture();
  const stderr = capture();
  const code = await main(argv, {
    stdout: stdout.stream,
    stderr: stderr.stream,
    env: {},
    cwd,
    signalSource: new EventEmitter(),
  });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

const options = (argv: string[]) => parseInitArgs(argv) as InitOptions;

interface Step {
  name?: string;
  if?: string;
  uses?: string;
  with?: Record<string, string | number | boolean>;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, { steps: Step[] }>;
}

const actionSteps = (workflow: Workflow) =>
  Object.values(workflow.jobs)
    .flatMap((job) => job.steps)
    .filter((step) => step.uses?.startsWith('lambda-power-gate/lambda-power-gate@'));

describe('lambda-power-gate init', () => {
  const generated = renderWorkflow(
    options([
      '--function',
      'checkout',
      '--function',
      'orders,arn:aws:lambda:us-east-2:210987654321:function:billing',
      '--region',
      'eu-west-1',
      '--role-arn',
      'arn:aws:iam::123456789012:role/lambda-power-gate',
    ]),
  );

  it('writes a workflow with OIDC permissions and one action step for all the functions (one comment)', () => {
    const workflow = parse(generated) as Workflow;
    expect(workflow.permissions).toEqual({ 'id-token': 'write', contents: 'read', 'pull-requests': 'write' });
    expect(Object.keys(workflow.on)).toEqual(['pull_request']);
    const steps = actionSteps(workflow);
    expect(steps).toHaveLength(1);
    expect(String(steps[0]?.with?.['functions']).trim().split('\n')).toEqual([
      'checkout',
      'orders',
      'arn:aws:lambda:us-east-2:210987654321:function:billing',
    ]);
    expect(steps[0]?.with?.['key']).toBe('app');
    // The step's inputs are valid as the action reads them: an app of three functions.
    const inputs = steps[0]?.with ?? {};
    // configure-aws-credentials gives the region through the environment.
    const { app } = parseAppSettings((name) => String(inputs[name] ?? ''), {
      env: { AWS_REGION: 'eu-west-1' },
      cwd: '/tmp',
      readFile: () => '',
    });
    expect(app.functions.map((fn) => [fn.key, fn.settings.tuning.region])).toEqual([
      ['checkout', 'eu-west-1'],
      ['orders', 'eu-west-1'],
      ['billing', 'us-east-2'],
    ]);
    const credentials = Object.values(workflow.jobs)[0]?.steps.find((step) => step.uses?.startsWith('aws-actions/'));
    expect(credentials?.with).toEqual({
      'role-to-assume': 'arn:aws:iam::123456789012:role/lambda-power-gate',
      'aws-region': 'eu-west-1',
    });
  });

  it('uses only inputs the action has, and the major tag of this version', () => {
    const names = new Set(INPUTS.map((spec) => spec.name));
    for (const step of actionSteps(parse(generated) as Workflow)) {
      expect(step.uses).toBe(`lambda-power-gate/lambda-power-gate@v${TOOL_VERSION.split('.')[0]}`);
      for (const input of Object.keys(step.with ?? {})) expect(names.has(input)).toBe(true);
    }
    expect(ACTION_REF).toMatch(/@v\d+$/);
  });

  it('passes actionlint, one function or several', () => {
    const single = renderWorkflow(options(['--function', 'checkout', '--region', 'eu-west-1']));
    expect(
      actionlint([
        { name: 'several.yml', text: generated },
        { name: 'single.yml', text: single },
      ]),
    ).toBe('');
    // The check sees problems (it is not silently empty): an unknown function in an expression.
    expect(actionlint([{ name: 'bad.yml', text: generated.replace('key: app', 'key: ${{ nope() }}') }])).toMatch(
      /nope/,
    );
  }, 60_000);

  it("prints docs/SECURITY.md's permission policy for the function", () => {
    const security = readFileSync('docs/SECURITY.md', 'utf8');
    const documented = [...security.matchAll(/```json\n([\s\S]*?)```/g)]
      .map((match) => JSON.parse(match[1] ?? '') as { Statement: { Action: string | string[] }[] })
      .find((policy) => policy.Statement.some((statement) => String(statement.Action).includes('lambda:')));
    const printed = permissionPolicy(
      options(['--function', 'checkout', '--region', 'eu-west-1', '--role-arn', 'arn:aws:iam::123456789012:role/x']),
    );
    expect(printed).toEqual(documented);
  });

  it('writes the file, refuses to overwrite it without --force, and overwrites with it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lpg-init-'));
    const argv = ['init', '--function', 'checkout', '--region', 'eu-west-1'];
    const first = await cli(argv, dir);
    expect(first.code).toBe(0);
    const path = join(dir, '.github/workflows/lambda-power-gate.yml');
    expect(readFileSync(path, 'utf8')).toBe(renderWorkflow(options(argv.slice(1))));
    expect(first.stdout).toContain('"lambda:DeleteFunction"');
    expect(first.stdout).toContain('Replace the placeholders: ACCOUNT_ID');

    writeFileSync(path, 'mine\n');
    const refused = await cli(argv, dir);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toMatch(/exists; give --force/);
    expect(readFileSync(path, 'utf8')).toBe('mine\n');

    expect((await cli([...argv, '--force'], dir)).code).toBe(0);
    expect(readFileSync(path, 'utf8')).toContain('function-name: checkout');
  });

  it('has its own help, and the CLI help names it', async () => {
    const own = await cli(['init', '--help'], tmpdir());
    expect(own.code).toBe(0);
    expect(own.stdout).toMatch(/--function <name\|arn>[\s\S]*--role-arn[\s\S]*--force/);
    expect((await cli(['--help'], tmpdir())).stdout).toContain('lambda-power-gate init --function');
  });

  it('prints instead of writing with --dry-run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lpg-init-'));
    mkdirSync(join(dir, 'x'));
    const { code, stdout } = await cli(['init', '--function', 'a', '--region', 'us-east-1', '--dry-run'], dir);
    expect(code).toBe(0);
    expect(stdout).toContain('function-name: a');
    expect(existsSync(join(dir, '.github'))).toBe(false);
  });

  it.each([
    [['--region', 'eu-west-1'], /--function/],
    [['--function', 'checkout'], /--region/],
    [['--function', 'check out', '--region', 'eu-west-1'], /function/],
    [['--function', 'a,a', '--region', 'eu-west-1'], /given twice/],
    [['--function', 'a', '--region', 'europe'], /not an AWS region/],
    [['--function', 'a', '--region', 'eu-west-1', '--role-arn', 'lpg'], /IAM role ARN/],
    [['--function', 'a', '--region', 'eu-west-1', '--fnction', 'b'], /fnction/],
  ])('rejects %j in one line, exit 1, writing nothing', async (argv, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'lpg-init-'));
    const { code, stderr } = await cli(['init', ...argv], dir);
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
    expect(existsSync(join(dir, '.github'))).toBe(false);
  });
});
