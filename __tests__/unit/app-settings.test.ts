// parseAppSettings: which functions a step tunes (function-name, functions, config-file, stack-name) and each one's
// settings, layered entry > defaults > step inputs > table defaults; mode aggregate's inputs. Every mistake is one
// line naming the input (and, in a config file, the place) and the fix, with no AWS call.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cliInputReader, parseCliArgs } from '../../src/cli-args.js';
import {
  InputError,
  parseAppSettings,
  parseSettings,
  PER_FUNCTION_INPUTS,
  type SettingsContext,
} from '../../src/settings/index.js';
import { INPUTS } from '../../src/settings/inputs.js';

const CONFIG = '/repo/.github/lpg.yml';

function context(
  files: Record<string, string> = {},
  env: Record<string, string> = { AWS_REGION: 'eu-west-1' },
): SettingsContext {
  return {
    env,
    cwd: '/repo',
    readFile: (path) => {
      const text = files[path];
      if (text === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      return text;
    },
  };
}

function parse(inputs: Record<string, string>, files: Record<string, string> = {}, env?: Record<string, string>) {
  return parseAppSettings((name) => inputs[name] ?? '', context(files, env));
}

/** Inputs and a config file at .github/lpg.yml. */
function withConfig(yaml: string, inputs: Record<string, string> = {}) {
  return parse({ 'config-file': '.github/lpg.yml', ...inputs }, { [CONFIG]: yaml });
}

function thrown(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError, but nothing was thrown');
}

describe('parseAppSettings: every mistake is one line naming the input and the fix', () => {
  // [what, run, the input the error names, fragments the message contains]
  type Case = [string, () => unknown, string, string[]];
  const cases: Case[] = [
    // which functions
    [
      'nothing names a function',
      () => parse({}),
      'function-name',
      ['is required', 'functions', 'config-file', 'stack-name'],
    ],
    [
      'function-name and functions',
      () => parse({ 'function-name': 'a', functions: 'b' }),
      'functions',
      ['conflicts with function-name'],
    ],
    [
      'function-name and config-file',
      () => withConfig('functions: [a]', { 'function-name': 'a' }),
      'config-file',
      ['conflicts with function-name'],
    ],
    [
      'function-name and stack-name',
      () => parse({ 'function-name': 'a', 'stack-name': 's' }),
      'stack-name',
      ['conflicts with function-name'],
    ],
    [
      'functions and stack-name',
      () => parse({ functions: 'a', 'stack-name': 's' }),
      'functions',
      ['conflicts with stack-name'],
    ],
    [
      'a step baseline-function with functions',
      () => parse({ functions: 'a', 'baseline-function': 'b' }),
      'baseline-function',
      ['name=baseline'],
    ],
    [
      'function-name in aggregate mode',
      () => parse({ 'function-name': 'a', mode: 'aggregate', 'results-files': 'r.json' }),
      'function-name',
      ['mode aggregate'],
    ],
    // functions lines
    [
      'a bad name on a line',
      () => parse({ functions: 'a\n\nb c' }),
      'functions',
      ['line 3:', '"b c"', 'letters, digits'],
    ],
    ['two = on a line', () => parse({ functions: 'a=b=c' }), 'functions', ['line 1:', "more than one '='"]],
    ['= without a baseline', () => parse({ functions: 'a=' }), 'functions', ['line 1:', 'no baseline function']],
    ['= without a name', () => parse({ functions: '=b' }), 'functions', ['line 1:', 'no function name']],
    ['a bad baseline on a line', () => parse({ functions: 'a=b:live' }), 'functions', ['line 1:', 'qualifier']],
    [
      'a line whose baseline is itself',
      () => parse({ functions: '# pairs\norders=orders' }),
      'functions',
      ['line 2:', 'is the function itself'],
    ],
    ['only comments', () => parse({ functions: '# none yet\n\n' }), 'functions', ['lists no function']],
    [
      'the same function twice, by name and by ARN',
      () => parse({ functions: 'orders\narn:aws:lambda:eu-west-1:123456789012:function:orders' }),
      'functions',
      ['line 2:', 'same function as line 1'],
    ],
    [
      'two functions with the same key',
      () =>
        parse({
          functions:
            'arn:aws:lambda:eu-west-1:123456789012:function:orders\narn:aws:lambda:us-east-1:123456789012:function:orders',
        }),
      'functions',
      ['line 2:', 'key "orders"', 'config-file'],
    ],
    // the config file itself
    [
      'a missing config file',
      () => parse({ 'config-file': '.github/none.yml' }),
      'config-file',
      ['".github/none.yml"', 'no such file'],
    ],
    [
      'a config file outside the workspace',
      () => parse({ 'config-file': '../lpg.yml' }),
      'config-file',
      ['outside the workspace'],
    ],
    [
      'a YAML syntax error',
      () => withConfig('defaults:\n  invocations: 20\nfunctions: [a\n  - b: [\n'),
      'config-file',
      ['not valid YAML at line', 'fix the YAML'],
    ],
    [
      'a key given twice',
      () => withConfig('functions:\n  - name: a\n    invocations: 1\n    invocations: 2\n'),
      'config-file',
      ['line 4', 'unique'],
    ],
    ['an empty file', () => withConfig(''), 'config-file', ['is empty']],
    ['a list at the top', () => withConfig('- a\n'), 'config-file', ['not a mapping', 'defaults:']],
    [
      'an unknown top-level key',
      () => withConfig('function:\n  - name: a\n'),
      'config-file',
      ['.github/lpg.yml function (line 1)', 'did you mean functions?'],
    ],
    ['functions not a list', () => withConfig('functions:\n  name: a\n'), 'config-file', ['functions', 'not a list']],
    [
      'an unknown key in an entry',
      () => withConfig('functions:\n  - name: a\n    power-value: 256\n'),
      'config-file',
      ['functions[0].power-value (line 3)', 'did you mean power-values?'],
    ],
    [
      'an unknown key in defaults',
      () => withConfig('defaults:\n  invocatoins: 20\nfunctions: [a]\n'),
      'config-file',
      ['defaults.invocatoins (line 2)', 'did you mean invocations?'],
    ],
    [
      'a step-wide input in an entry',
      () => withConfig('functions:\n  - name: a\n    github-token: x\n'),
      'config-file',
      ['functions[0].github-token', 'whole step'],
    ],
    [
      'a step-wide input in defaults',
      () => withConfig('defaults:\n  timeout-minutes: 5\nfunctions: [a]\n'),
      'config-file',
      ['defaults.timeout-minutes', 'whole step'],
    ],
    [
      'comment-mode in an entry',
      () => withConfig('functions:\n  - name: a\n    comment-mode: off\n'),
      'config-file',
      ['comment-mode', 'whole step'],
    ],
    [
      'function-name in an entry',
      () => withConfig('functions:\n  - function-name: a\n'),
      'config-file',
      ['functions[0].function-name', 'use name:'],
    ],
    [
      'baseline-function in an entry',
      () => withConfig('functions:\n  - name: a\n    baseline-function: b\n'),
      'config-file',
      ['use baseline:'],
    ],
    [
      'a key in defaults',
      () => withConfig('defaults:\n  key: x\nfunctions: [a]\n'),
      'config-file',
      ['defaults.key', "that function's entry"],
    ],
    [
      'an entry without a name',
      () => withConfig('functions:\n  - invocations: 5\n'),
      'config-file',
      ['functions[0] (line 2)', 'has no name'],
    ],
    [
      'a bad name in an entry',
      () => withConfig('functions:\n  - name: a\n  - name: "b c"\n'),
      'config-file',
      ['functions[1].name (line 3)', 'letters, digits'],
    ],
    [
      'a bad override',
      () => withConfig('functions:\n  - name: a\n  - name: b\n    power-values: [64, 128]\n'),
      'config-file',
      ['.github/lpg.yml functions[1].power-values (line 4):', '64 is below 128 MB'],
    ],
    [
      'a bad default',
      () => withConfig('defaults:\n  invocations: 0\nfunctions: [a]\n'),
      'config-file',
      ['defaults.invocations (line 2):', 'below 1'],
    ],
    [
      'a value that is not there',
      () => withConfig('functions:\n  - name: a\n    invocations:\n'),
      'config-file',
      ['functions[0].invocations', 'has no value'],
    ],
    [
      'a mapping where a value goes',
      () => withConfig('functions:\n  - name: a\n    strategy: {a: 1}\n'),
      'config-file',
      ['functions[0].strategy', 'is a mapping'],
    ],
    [
      'a bad key',
      () => withConfig('functions:\n  - name: a\n    key: a/b\n'),
      'config-file',
      ['functions[0].key (line 3)', 'not a usable key'],
    ],
    [
      'two entries with one key',
      () => withConfig('functions:\n  - name: a\n    key: k\n  - name: b\n    key: k\n'),
      'config-file',
      ['functions[1]', 'key "k" is already the key of functions[0]'],
    ],
    [
      'the same function twice in the file',
      () => withConfig('functions:\n  - a\n  - name: a\n    key: other\n'),
      'config-file',
      ['functions[1]', 'same function as functions[0]'],
    ],
    [
      'a payload file outside the workspace',
      () => withConfig('functions:\n  - name: a\n    payload-file: /etc/passwd\n'),
      'config-file',
      ['functions[0].payload-file', 'outside the workspace'],
    ],
    [
      'a functions list and the functions input',
      () => withConfig('functions: [a]', { functions: 'b' }),
      'config-file',
      ['has a functions list', 'one place'],
    ],
    [
      'defaults only, and no functions anywhere',
      () => withConfig('defaults:\n  invocations: 5\n'),
      'config-file',
      ['has no functions list'],
    ],
    // stack-name
    ['a bad stack name', () => parse({ 'stack-name': 'orders_pr' }), 'stack-name', ['not a CloudFormation stack name']],
    [
      'an ARN of something else',
      () => parse({ 'stack-name': 'arn:aws:lambda:eu-west-1:123456789012:function:x' }),
      'stack-name',
      ['not a CloudFormation stack ARN'],
    ],
    [
      'baseline-stack-name alone',
      () => parse({ functions: 'a', 'baseline-stack-name': 'base' }),
      'baseline-stack-name',
      ['only used with stack-name'],
    ],
    [
      'include-functions alone',
      () => parse({ functions: 'a', 'include-functions': 'A*' }),
      'include-functions',
      ['only used with stack-name'],
    ],
    [
      'exclude-functions alone',
      () => parse({ functions: 'a', 'exclude-functions': 'A*' }),
      'exclude-functions',
      ['only used with stack-name'],
    ],
    [
      'the base stack is the stack',
      () => parse({ 'stack-name': 'orders', 'baseline-stack-name': 'orders' }),
      'baseline-stack-name',
      ['stack-name itself'],
    ],
    [
      'a glob that does not close',
      () => parse({ 'stack-name': 's', 'include-functions': 'Orders[ab' }),
      'include-functions',
      ['"Orders[ab" is not a valid glob'],
    ],
    [
      'a glob of function names',
      () => parse({ 'stack-name': 's', 'exclude-functions': 'Api, orders-*' }),
      'exclude-functions',
      ['"orders-*"', 'logical ids'],
    ],
    [
      'an empty glob between commas',
      () => parse({ 'stack-name': 's', 'include-functions': 'A*,,B*' }),
      'include-functions',
      ['empty item'],
    ],
    [
      'a region other than the stack ARN',
      () =>
        parse({ 'stack-name': 'arn:aws:cloudformation:eu-west-1:123456789012:stack/orders/1a2b', region: 'us-east-1' }),
      'region',
      ["stack-name's ARN (eu-west-1)"],
    ],
    [
      'no region for a stack',
      () => parse({ 'stack-name': 's' }, {}, {}),
      'region',
      ['required with stack-name', 'stack ARN'],
    ],
    [
      'an entry naming a function with stack-name',
      () => withConfig('functions:\n  - name: a\n', { 'stack-name': 's' }),
      'config-file',
      ['functions[0].name', 'key: <logical id>'],
    ],
    [
      'an entry without a key with stack-name',
      () => withConfig('functions:\n  - invocations: 5\n', { 'stack-name': 's' }),
      'config-file',
      ['has no key', 'logical id'],
    ],
    [
      'an entry key that is no logical id',
      () => withConfig('functions:\n  - key: orders-fn\n', { 'stack-name': 's' }),
      'config-file',
      ['functions[0].key', 'not a logical id'],
    ],
    [
      'a baseline in an entry with stack-name',
      () => withConfig('functions:\n  - key: Orders\n    baseline: x\n', { 'stack-name': 's' }),
      'config-file',
      ['baseline-stack-name'],
    ],
    [
      'a bad override for a logical id',
      () => withConfig('functions:\n  - key: Orders\n    invocations: many\n', { 'stack-name': 's' }),
      'config-file',
      ['functions[0].invocations (line 3)', 'not a number'],
    ],
    [
      'an override leaving no room for the live gate',
      () =>
        withConfig('functions:\n  - key: Orders\n    gate-max-invocations: 12\n', {
          'stack-name': 's',
          'baseline-stack-name': 'b',
        }),
      'config-file',
      ['functions[0].gate-max-invocations', 'no room'],
    ],
    // app inputs
    [
      'parallel-functions 0',
      () => parse({ functions: 'a', 'parallel-functions': '0' }),
      'parallel-functions',
      ['below 1', '1 to 20'],
    ],
    [
      'parallel-functions 21',
      () => parse({ functions: 'a', 'parallel-functions': '21' }),
      'parallel-functions',
      ['above 20'],
    ],
    [
      'parallel-functions 2.5',
      () => parse({ functions: 'a', 'parallel-functions': '2.5' }),
      'parallel-functions',
      ['not a whole number'],
    ],
    [
      'measure-unchanged maybe',
      () => parse({ functions: 'a', 'measure-unchanged': 'maybe' }),
      'measure-unchanged',
      ['not a boolean'],
    ],
    ['a bad app key', () => parse({ functions: 'a', key: 'my app' }), 'key', ['not a usable key']],
    // aggregate
    [
      'aggregate without results-files',
      () => parse({ mode: 'aggregate' }),
      'results-files',
      ['required with mode aggregate'],
    ],
    [
      'aggregate with results-file',
      () => parse({ mode: 'aggregate', 'results-file': 'r.json', 'results-files': 'r.json' }),
      'results-file',
      ['results-files'],
    ],
    [
      'results-files in tune mode',
      () => parse({ functions: 'a', 'results-files': 'r.json' }),
      'results-files',
      ['only used with mode aggregate'],
    ],
    [
      'a results file outside the workspace',
      () => parse({ mode: 'aggregate', 'results-files': 'a.json\n../b.json' }),
      'results-files',
      ['line 2:', 'outside the workspace'],
    ],
    [
      'a results glob climbing out',
      () => parse({ mode: 'aggregate', 'results-files': 'shards/../../*.json' }),
      'results-files',
      ['line 1:', 'climbs out'],
    ],
    [
      'a results glob that does not close',
      () => parse({ mode: 'aggregate', 'results-files': 'shards/*/{a,b.json' }),
      'results-files',
      ['not a valid glob'],
    ],
    [
      'a results bracket that does not close',
      () => parse({ mode: 'aggregate', 'results-files': 'shards/[ab/*.json' }),
      'results-files',
      ['not a valid glob'],
    ],
    [
      'only comments in results-files',
      () => parse({ mode: 'aggregate', 'results-files': '# later' }),
      'results-files',
      ['lists no file'],
    ],
    ['a mistyped mode', () => parse({ functions: 'a', mode: 'agregate' }), 'mode', ['did you mean aggregate?']],
    // a step input that fails only for one function says which
    [
      'a step input that conflicts with one entry',
      () =>
        withConfig('functions:\n  - name: a\n  - name: b\n    strategy: balanced\n', {
          'percentile-limit': 'p95<=300',
          strategy: 'percentile',
        }),
      'percentile-limit',
      ['for config-file functions[1] (b):', 'strategy percentile'],
    ],
  ];

  test.each(cases)('%s', (_what, run, input, fragments) => {
    const error = thrown(run);
    expect(error.input).toBe(input);
    expect(error.message).toMatch(new RegExp(`^Input '${input}': `));
    expect(error.message).not.toContain('\n');
    for (const fragment of fragments) expect(error.message).toContain(fragment);
  });
});

describe('function-name alone is today', () => {
  test('kind function: the settings parseSettings makes, its key, always measured', () => {
    const inputs = { 'function-name': 'orders', key: 'orders-key', 'baseline-branch': 'lpg-data' };
    const { app, warnings } = parse(inputs);
    const today = parseSettings((name) => inputs[name as keyof typeof inputs] ?? '', context());
    expect(app.kind).toBe('function');
    expect(app.key).toBe('orders-key');
    expect(app.shared).toEqual(today.settings);
    expect(app.functions).toEqual([{ key: 'orders-key', origin: 'function-name', settings: today.settings }]);
    expect(app.measureUnchanged).toBe(true);
    expect(app.stack).toBeUndefined();
    expect(warnings).toEqual(today.warnings);
  });

  test('the app inputs are said to have no effect', () => {
    const { warnings } = parse({ 'function-name': 'orders', 'measure-unchanged': 'true', 'parallel-functions': '8' });
    expect(warnings).toEqual([
      expect.stringMatching(/^Input 'measure-unchanged': has no effect with function-name alone/),
      expect.stringMatching(/^Input 'parallel-functions': has no effect with function-name alone/),
    ]);
  });
});

describe('functions', () => {
  test('one per line, with and without a baseline; comments and blank lines ignored', () => {
    const { app } = parse({
      functions:
        '# the PR stack and its twins\norders-pr=orders-staging\n\n  users-pr = users-staging  # trailing\nreports\n',
      'baseline-branch': 'lpg-data',
    });
    expect(app.kind).toBe('app');
    expect(app.key).toBe('app');
    expect(app.measureUnchanged).toBe(false);
    expect(app.parallelFunctions).toBe(4);
    expect(
      app.functions.map(({ key, origin, settings }) => ({
        key,
        origin,
        name: settings.tuning.functionName,
        source: settings.gate.baselineSource,
        baseline: settings.gate.baselineFunction ?? settings.gate.baselineBranch,
        gateKey: settings.gate.key,
      })),
    ).toEqual([
      {
        key: 'orders-pr',
        origin: 'functions line 2',
        name: 'orders-pr',
        source: 'function',
        baseline: 'orders-staging',
        gateKey: 'orders-pr',
      },
      {
        key: 'users-pr',
        origin: 'functions line 4',
        name: 'users-pr',
        source: 'function',
        baseline: 'users-staging',
        gateKey: 'users-pr',
      },
      // Without a twin the step's baseline applies.
      {
        key: 'reports',
        origin: 'functions line 5',
        name: 'reports',
        source: 'branch',
        baseline: 'lpg-data',
        gateKey: 'reports',
      },
    ]);
  });

  test('an ARN keys the function by its name; the app key, measure-unchanged and parallel-functions are read', () => {
    const { app } = parse({
      functions: 'arn:aws:lambda:us-east-1:123456789012:function:orders:live',
      key: 'orders-app',
      'measure-unchanged': 'true',
      'parallel-functions': '8',
    });
    expect(app.key).toBe('orders-app');
    expect(app.functions[0]?.key).toBe('orders');
    expect(app.functions[0]?.settings.tuning.region).toBe('us-east-1');
    expect(app.functions[0]?.settings.tuning.qualifier).toBe('live');
    expect(app.measureUnchanged).toBe(true);
    expect(app.parallelFunctions).toBe(8);
    // The shared settings are the step's under the app's key, with no function of their own.
    expect(app.shared.gate.key).toBe('orders-app');
    expect(app.shared.tuning.functionName).toBe('');
  });

  test("a step's warning is said once, not once a function", () => {
    const { warnings } = parse({ functions: 'a\nb\nc', invocations: '3' });
    expect(warnings.filter((warning) => warning.startsWith("Input 'invocations'"))).toHaveLength(1);
  });

  test('the CLI takes --functions repeated, one function each, or once with lines', () => {
    const repeated = parseCliArgs(['tune', '--functions', 'a=a-staging', '--functions', 'b']);
    expect(repeated.inputs['functions']).toBe('a=a-staging\nb');
    const { app } = parseAppSettings(cliInputReader(repeated.inputs), context());
    expect(app.functions.map((item) => item.key)).toEqual(['a', 'b']);
    expect(parseCliArgs(['tune', '--functions', 'a\nb']).inputs['functions']).toBe('a\nb');
    // An input that is not a list is still given once.
    expect(() => parseCliArgs(['tune', '--function-name', 'a', '--function-name', 'b'])).toThrow('given twice');
  });
});

describe('config-file', () => {
  const yaml = [
    'defaults:',
    '  invocations: 20',
    '  power-values: [128, 256]',
    '  max-cost-increase: 3%',
    'functions:',
    '  - name: orders-pr',
    '    key: orders',
    '    baseline: orders-staging',
    '    invocations: 30',
    '    payload: {orderId: 42, items: [a, b]}',
    '    max-cost-per-invocation: 0.00000025',
    '  - users-pr',
    '  - name: reports-pr',
    '    payload-file: events/report.json',
    '',
  ].join('\n');
  const files = { [CONFIG]: yaml, '/repo/events/report.json': '{"day":"monday"}' };
  const run = (inputs: Record<string, string> = {}) =>
    parse(
      {
        'config-file': '.github/lpg.yml',
        invocations: '15',
        payload: '{"step":true}',
        'baseline-branch': 'lpg-data',
        ...inputs,
      },
      files,
    );

  test('precedence: entry > defaults > step inputs > table defaults', () => {
    const { app } = run();
    const [orders, users] = app.functions.map((item) => item.settings);
    expect(orders?.tuning.invocationsPerValue).toBe(30); // entry
    expect(users?.tuning.invocationsPerValue).toBe(20); // defaults
    expect(users?.tuning.powerValuesMb).toEqual([128, 256]); // defaults, a YAML list
    expect(users?.gate.maxCostIncreasePct).toBe(3); // defaults
    expect(users?.gate.maxDurationIncreasePct).toBe(10); // table default
    expect(users?.tuning.payloads).toEqual([{ payload: '{"step":true}', weight: 1 }]); // step input
    expect(app.shared.tuning.invocationsPerValue).toBe(20); // the step with the defaults
    // Without defaults the step's input applies, and without that the table's default.
    const bare = parse({ 'config-file': '.github/lpg.yml', invocations: '15' }, { [CONFIG]: 'functions: [a]' });
    expect(bare.app.functions[0]?.settings.tuning.invocationsPerValue).toBe(15);
    const none = parse({ 'config-file': '.github/lpg.yml' }, { [CONFIG]: 'functions: [a]' });
    // Sampling adaptive by default, whose cap is 50.
    expect(none.app.functions[0]?.settings.tuning.invocationsPerValue).toBe(50);
  });

  test('overrides: names, keys, baselines, a payload as YAML, a number as written, a payload file', () => {
    const { app } = run();
    expect(app.functions.map(({ key, origin }) => [key, origin])).toEqual([
      ['orders', 'config-file functions[0] (orders)'],
      ['users-pr', 'config-file functions[1] (users-pr)'],
      ['reports-pr', 'config-file functions[2] (reports-pr)'],
    ]);
    const [orders, users, reports] = app.functions.map((item) => item.settings);
    expect(orders?.tuning.functionName).toBe('orders-pr');
    expect(orders?.gate.key).toBe('orders');
    expect(orders?.gate.baselineSource).toBe('function');
    expect(orders?.gate.baselineFunction).toBe('orders-staging');
    expect(orders?.gate.baselineBranch).toBeUndefined(); // its own baseline replaces the step's
    expect(users?.gate.baselineSource).toBe('branch');
    expect(JSON.parse(orders?.tuning.payloads[0]?.payload ?? '')).toEqual({ orderId: 42, items: ['a', 'b'] });
    expect(orders?.gate.maxCostPerInvocationUsd).toBe(0.00000025);
    // payload-file in an entry replaces the step's payload instead of conflicting with it.
    expect(reports?.tuning.payloads).toEqual([{ payload: '{"day":"monday"}', weight: 1 }]);
  });

  test("an entry's warning names its place in the file", () => {
    const { warnings } = withConfig('functions:\n  - name: a\n    invocations: 2\n');
    expect(warnings).toContain(
      "Input 'config-file': .github/lpg.yml functions[0].invocations (line 3): 2 invocations per memory size give noisy statistics; 5 or more are recommended",
    );
  });

  test('defaults apply to the functions input too', () => {
    const { app } = parse(
      { 'config-file': '.github/lpg.yml', functions: 'a\nb' },
      { [CONFIG]: 'defaults:\n  strategy: speed\n' },
    );
    expect(app.functions.map((item) => item.settings.tuning.strategy)).toEqual(['speed', 'speed']);
  });

  test('the allowed keys are the per-function inputs of the table', () => {
    expect(PER_FUNCTION_INPUTS).toEqual(INPUTS.filter((spec) => spec.perFunction).map((spec) => spec.name));
    for (const stepWide of [
      'function-name',
      'region',
      'endpoint',
      'concurrency',
      'dry-run',
      'log-payloads',
      'results-path',
      'timeout-minutes',
      'baseline-file',
      'baseline-branch',
      'key',
      'history-limit',
      'fail-on-regression',
      'mode',
      'comment-mode',
      'github-token',
      'job-summary',
      'functions',
      'stack-name',
    ]) {
      expect(PER_FUNCTION_INPUTS).not.toContain(stepWide);
    }
  });

  test('docs/apps.md shows examples/lambda-power-gate.yml as it is', () => {
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const doc = readFileSync(`${root}docs/apps.md`, 'utf8');
    const shown = /### A complete example[\s\S]*?```yaml\n([\s\S]*?)```\n/.exec(doc)?.[1];
    expect(shown).toBe(readFileSync(`${root}examples/lambda-power-gate.yml`, 'utf8'));
  });

  test('examples/lambda-power-gate.yml is a complete, valid config file', () => {
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const example = readFileSync(`${root}examples/lambda-power-gate.yml`, 'utf8');
    const { app, warnings } = parse(
      {
        'config-file': '.github/lambda-power-gate.yml',
        key: 'orders-app',
        'baseline-branch': 'lambda-power-gate-data',
      },
      { '/repo/.github/lambda-power-gate.yml': example, '/repo/events/order-created.json': '{"orderId":"42"}' },
    );
    expect(warnings).toEqual([]);
    expect(app.key).toBe('orders-app');
    expect(app.functions.map((item) => item.key)).toEqual(['orders-api', 'orders-worker', 'orders-report']);
    const [api, worker, report] = app.functions.map((item) => item.settings);
    expect(api?.tuning.strategy).toBe('percentile');
    expect(api?.tuning.monthlyInvocations).toBe(30_000_000);
    expect(worker?.tuning.region).toBe('eu-west-1');
    expect(worker?.tuning.powerValuesMb).toEqual([256, 512, 1024, 2048, 3008]);
    expect(worker?.gate.warnCostIncreasePct).toBe(1);
    expect(report?.gate.baselineSource).toBe('branch');
    expect(report?.gate.maxCostIncreasePct).toBeUndefined();
    expect(report?.tuning.allowedExceptions).toEqual(['Handled.NoData']);
  });
});

describe('stack-name', () => {
  test('fills AppPlan.stack; the app key is the stack name; globs by line and comma, braces kept whole', () => {
    const { app } = parse({
      'stack-name': 'orders-pr-42',
      'baseline-stack-name': 'orders-staging',
      'include-functions': 'Orders*, {Users,Carts}Function\n# helpers\n*Api',
      'exclude-functions': '*Custom*',
    });
    expect(app.kind).toBe('app');
    expect(app.key).toBe('orders-pr-42');
    expect(app.functions).toEqual([]);
    expect(app.stack).toEqual({
      stackName: 'orders-pr-42',
      baselineStackName: 'orders-staging',
      include: ['Orders*', '{Users,Carts}Function', '*Api'],
      exclude: ['*Custom*'],
      overrides: [],
    });
  });

  test('settingsFor: a found function gets its names, its twin, and its overrides by logical id', () => {
    const { app } = withConfig(
      'defaults:\n  invocations: 12\nfunctions:\n  - key: OrdersFunction\n    power-values: 512, 1024\n',
      {
        'stack-name': 'arn:aws:cloudformation:eu-central-1:123456789012:stack/orders-pr/0f1e',
        key: 'orders',
      },
    );
    expect(app.key).toBe('orders');
    expect(app.stack?.overrides).toEqual(['OrdersFunction']);
    const orders = app.settingsFor({
      key: 'OrdersFunction',
      functionName: 'orders-pr-OrdersFunction-1A2B',
      baselineFunction: 'orders-staging-OrdersFunction-9Z',
    });
    expect(orders.key).toBe('OrdersFunction');
    expect(orders.origin).toBe('stack orders-pr OrdersFunction');
    expect(orders.settings.tuning.functionName).toBe('orders-pr-OrdersFunction-1A2B');
    expect(orders.settings.tuning.region).toBe('eu-central-1'); // the stack's
    expect(orders.settings.tuning.powerValuesMb).toEqual([512, 1024]);
    expect(orders.settings.tuning.invocationsPerValue).toBe(12);
    expect(orders.settings.gate.key).toBe('OrdersFunction');
    expect(orders.settings.gate.baselineFunction).toBe('orders-staging-OrdersFunction-9Z');
    const users = app.settingsFor({ key: 'UsersFunction', functionName: 'orders-pr-UsersFunction-3C' });
    expect(users.settings.tuning.powerValuesMb).toEqual([128, 256, 512, 1024, 1536, 3008]);
    expect(users.settings.tuning.invocationsPerValue).toBe(12);
    expect(users.settings.gate.baselineSource).toBe('none');
  });
});

describe('mode aggregate', () => {
  test('results-files: paths and globs, absolute inside the workspace; no function list needed', () => {
    const { app } = parse(
      {
        mode: 'aggregate',
        'results-files': 'shards/*/results.json\n# and the one from the big job\nbig/results.json\nbig/results.json',
        key: 'orders',
      },
      {},
      {},
    );
    expect(app.kind).toBe('app');
    expect(app.key).toBe('orders');
    expect(app.functions).toEqual([]);
    expect(app.shared.report.mode).toBe('aggregate');
    expect(app.shared.report.resultsFiles).toEqual(['/repo/shards/*/results.json', '/repo/big/results.json']);
  });

  test("with the shards' config file, the per-function settings are there to judge by", () => {
    const { app } = parse(
      { mode: 'aggregate', 'results-files': 'shards/**/results.json', 'config-file': '.github/lpg.yml' },
      { [CONFIG]: 'functions:\n  - name: a\n    max-cost-increase: 1\n' },
    );
    expect(app.functions[0]?.settings.gate.maxCostIncreasePct).toBe(1);
    expect(app.settingsFor({ key: 'a', functionName: 'a' }).settings.gate.maxCostIncreasePct).toBe(1);
  });
});
