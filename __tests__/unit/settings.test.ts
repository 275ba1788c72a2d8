import { InputError, parseFunctionName, parseSettings, type SettingsContext } from '../../src/settings/index.js';
import { ALL_POWER_VALUES_MB, splitWeightedPayloads } from '../../src/tuning/plan.js';
import { cliInputReader, parseCliArgs } from '../../src/cli-args.js';
import type { Settings } from '../../src/types.js';

const ARN = 'arn:aws:lambda:eu-west-1:123456789012:function:orders';

function enoent(path: string): Error {
  return Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' });
}

function context(env: Record<string, string> = {}, files: Record<string, string> = {}): SettingsContext {
  return {
    env,
    cwd: '/repo',
    readFile: (path) => {
      const text = files[path];
      if (text === undefined) throw enoent(path);
      return text;
    },
  };
}

function parse(inputs: Record<string, string>, env: Record<string, string> = {}, files: Record<string, string> = {}) {
  return parseSettings((name) => inputs[name] ?? '', context(env, files));
}

/** Inputs with a valid function name unless the case overrides it. */
const withArn = (inputs: Record<string, string>) => ({ 'function-name': ARN, ...inputs });

function thrown(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError, but nothing was thrown');
}

describe('parseSettings: malformed inputs', () => {
  // [what, inputs, the input the error must name, env, files, a fragment the message must contain]
  type Case = [string, Record<string, string>, string, Record<string, string>?, Record<string, string>?, string?];
  const weighted = (items: string) => `[${items}]`;
  const cases: Case[] = [
    // power values
    ['memory below 128', withArn({ 'power-values': '64' }), 'power-values', {}, {}, '64 is below 128 MB'],
    ['memory above 10240', withArn({ 'power-values': '128,10241' }), 'power-values', {}, {}, '10241 is above 10240 MB'],
    ['two commas in a row', withArn({ 'power-values': '128,,256' }), 'power-values', {}, {}, 'empty item'],
    ['leading comma', withArn({ 'power-values': ',128' }), 'power-values', {}, {}, 'empty item'],
    ['trailing comma', withArn({ 'power-values': '128,' }), 'power-values', {}, {}, 'empty item'],
    ['fractional memory', withArn({ 'power-values': '256.5' }), 'power-values', {}, {}, 'not a whole number'],
    ['negative memory', withArn({ 'power-values': '-128' }), 'power-values', {}, {}, 'below 128 MB'],
    ['memory not a number', withArn({ 'power-values': 'abc' }), 'power-values', {}, {}, 'not a number'],
    ['memory with a unit', withArn({ 'power-values': '128MB' }), 'power-values', {}, {}, 'not a number'],
    ['ALL inside a list', withArn({ 'power-values': 'ALL,4096' }), 'power-values', {}, {}, 'ALL must be given alone'],
    // invocations
    ['zero invocations', withArn({ invocations: '0' }), 'invocations', {}, {}, 'below 1'],
    ['negative invocations', withArn({ invocations: '-3' }), 'invocations'],
    ['fractional invocations', withArn({ invocations: '2.5' }), 'invocations', {}, {}, 'not a whole number'],
    ['invocations in words', withArn({ invocations: 'ten' }), 'invocations', {}, {}, 'not a number'],
    // payload JSON
    ['trailing comma in JSON', withArn({ payload: '{"a": 1,}' }), 'payload', {}, {}, 'line 1, column 9'],
    ['unterminated array', withArn({ payload: '[1, 2' }), 'payload', {}, {}, 'not valid JSON'],
    ['unterminated string', withArn({ payload: '"abc' }), 'payload', {}, {}, 'not valid JSON'],
    ['unquoted key', withArn({ payload: '{a: 1}' }), 'payload', {}, {}, 'not valid JSON'],
    ['multi-line JSON error', withArn({ payload: '{\n  "a": 1\n  "b": 2\n}' }), 'payload', {}, {}, 'line 3, column 3'],
    // weights
    [
      'a weighted item without weight',
      withArn({ payload: weighted('{"payload":{},"weight":1},{"payload":{}}') }),
      'payload',
      {},
      {},
      'item 2',
    ],
    [
      'weight given as a string',
      withArn({ payload: weighted('{"payload":{},"weight":"3"}') }),
      'payload',
      {},
      {},
      'weight "3", which is not a number',
    ],
    [
      'zero weight',
      withArn({ payload: weighted('{"payload":{},"weight":1},{"payload":{},"weight":0}') }),
      'payload',
      {},
      {},
      'not positive',
    ],
    [
      'negative weight',
      withArn({ payload: weighted('{"payload":{},"weight":-1}') }),
      'payload',
      {},
      {},
      'not positive',
    ],
    ['infinite weight', withArn({ payload: weighted('{"payload":{},"weight":1e999}') }), 'payload'],
    [
      'too few invocations for the weights',
      withArn({ invocations: '5', payload: weighted('{"payload":{"a":1},"weight":1},{"payload":{"b":2},"weight":9}') }),
      'invocations',
      {},
      {},
      'set invocations to 10 or more',
    ],
    [
      'more weighted payloads than invocations',
      withArn({
        invocations: '2',
        payload: weighted('{"payload":1,"weight":1},{"payload":2,"weight":1},{"payload":3,"weight":1}'),
      }),
      'invocations',
      {},
      {},
      'weighted payloads in payload',
    ],
    [
      'payload above 6 MB',
      withArn({ payload: 'x'.repeat(6 * 1024 * 1024 + 1) }),
      'payload',
      {},
      {},
      'smaller than 6291456 bytes',
    ],
    // Lambda: "Request must be smaller than 6291456 bytes for the InvokeFunction operation", so exactly 6 MiB is refused.
    [
      'payload of exactly 6 MiB',
      withArn({ payload: `"${'x'.repeat(6 * 1024 * 1024 - 2)}"` }),
      'payload',
      {},
      {},
      'is 6291456 bytes',
    ],
    // payload-file
    ['missing payload file', withArn({ 'payload-file': 'events/none.json' }), 'payload-file', {}, {}, 'no such file'],
    [
      'payload file and payload both',
      withArn({ 'payload-file': 'e.json', payload: '{"a":1}' }),
      'payload-file',
      {},
      { '/repo/e.json': '{}' },
      'not both',
    ],
    [
      'payload file with bad JSON',
      withArn({ 'payload-file': 'e.json' }),
      'payload-file',
      {},
      { '/repo/e.json': '{"a":' },
      'not valid JSON',
    ],
    [
      'empty payload file',
      withArn({ 'payload-file': 'e.json' }),
      'payload-file',
      {},
      { '/repo/e.json': '\n' },
      'is empty',
    ],
    [
      'weights in a payload file too heavy for invocations',
      withArn({ 'payload-file': 'w.json', invocations: '3' }),
      'invocations',
      {},
      { '/repo/w.json': '[{"payload":1,"weight":1},{"payload":2,"weight":3}]' },
      'raise the small weights in payload-file',
    ],
    // percentages and thresholds
    ['negative percent', withArn({ 'max-cost-increase': '-5' }), 'max-cost-increase', {}, {}, 'below 0%'],
    ['percent in words', withArn({ 'max-cost-increase': 'five' }), 'max-cost-increase', {}, {}, 'not a number'],
    ['double percent sign', withArn({ 'max-duration-increase': '10%%' }), 'max-duration-increase'],
    [
      'memory percent over 100',
      withArn({ 'max-memory-used-percent': '120' }),
      'max-memory-used-percent',
      {},
      {},
      'above 100%',
    ],
    ['memory percent of 0', withArn({ 'max-memory-used-percent': '0' }), 'max-memory-used-percent', {}, {}, '0%'],
    [
      'memory warn above fail',
      withArn({ 'max-memory-used-percent': '85', 'warn-memory-used-percent': '88' }),
      'warn-memory-used-percent',
      {},
      {},
      'above max-memory-used-percent (85%)',
    ],
    [
      'warn above max cost',
      withArn({ 'max-cost-increase': '5', 'warn-cost-increase': '8%' }),
      'warn-cost-increase',
      {},
      {},
      'above max-cost-increase (5%)',
    ],
    [
      'warn above default max duration',
      withArn({ 'warn-duration-increase': '20' }),
      'warn-duration-increase',
      {},
      {},
      'max-duration-increase (10%)',
    ],
    [
      'zero cost ceiling',
      withArn({ 'max-cost-per-invocation': '0' }),
      'max-cost-per-invocation',
      {},
      {},
      'not above 0',
    ],
    ['cost ceiling in words', withArn({ 'max-cost-per-invocation': 'cheap' }), 'max-cost-per-invocation'],
    ['negative duration ceiling', withArn({ 'max-duration-ms': '-1' }), 'max-duration-ms'],
    ['negative monthly increase', withArn({ 'max-monthly-cost-increase': '-10' }), 'max-monthly-cost-increase'],
    ['confidence of 0.5', withArn({ confidence: '0.5' }), 'confidence', {}, {}, 'not above 0.5'],
    ['confidence as percent', withArn({ confidence: '95' }), 'confidence', {}, {}, 'e.g. 0.95'],
    ['confidence of 1', withArn({ confidence: '1' }), 'confidence', {}, {}, 'above 0.999'],
    ['one min sample', withArn({ 'min-samples': '1' }), 'min-samples'],
    [
      'unknown duration statistic',
      withArn({ 'max-duration-statistic': 'p75' }),
      'max-duration-statistic',
      {},
      {},
      'mean, p50, p90, p95, p99',
    ],
    ['zero history', withArn({ 'history-limit': '0' }), 'history-limit'],
    ['13 trend runs', withArn({ 'trend-runs': '13' }), 'trend-runs'],
    ['prune without a data branch', withArn({ mode: 'prune' }), 'baseline-branch'],
    [
      'a real prune without a list of keys to keep',
      withArn({ mode: 'prune', 'baseline-branch': 'data', 'prune-dry-run': 'false' }),
      'prune-keep',
    ],
    ['prune-keep without mode prune', withArn({ 'prune-keep': 'orders' }), 'prune-keep'],
    [
      'a prune-keep entry leaving its folder',
      withArn({ mode: 'prune', 'baseline-branch': 'data', 'prune-keep': 'a/../b' }),
      'prune-keep',
    ],
    ['fractional trend runs', withArn({ 'trend-runs': '2.5' }), 'trend-runs'],
    // function names and ARNs
    ['no function name', {}, 'function-name', {}, {}, 'is required'],
    [
      'space in the name',
      { 'function-name': 'my fn' },
      'function-name',
      { AWS_REGION: 'us-east-1' },
      {},
      'letters, digits, hyphens and underscores',
    ],
    [
      'name of 65 characters',
      { 'function-name': 'a'.repeat(65) },
      'function-name',
      { AWS_REGION: 'us-east-1' },
      {},
      'limit of 64',
    ],
    [
      'ARN without a name',
      { 'function-name': 'arn:aws:lambda:eu-west-1:123456789012:function' },
      'function-name',
      {},
      {},
      'not a complete ARN',
    ],
    [
      'S3 ARN',
      { 'function-name': 'arn:aws:s3:eu-west-1:123456789012:function:x' },
      'function-name',
      {},
      {},
      'service "s3"',
    ],
    [
      'short account id',
      { 'function-name': 'arn:aws:lambda:eu-west-1:12345:function:x' },
      'function-name',
      {},
      {},
      'not 12 digits',
    ],
    [
      'bad region in ARN',
      { 'function-name': 'arn:aws:lambda:euwest1:123456789012:function:x' },
      'function-name',
      {},
      {},
      'not a region code',
    ],
    [
      'layer ARN',
      { 'function-name': 'arn:aws:lambda:eu-west-1:123456789012:layer:x' },
      'function-name',
      {},
      {},
      'not a function ARN',
    ],
    [
      'unknown partition',
      { 'function-name': 'arn:azure:lambda:eu-west-1:123456789012:function:x' },
      'function-name',
      {},
      {},
      'partition',
    ],
    [
      'China partition, European region',
      { 'function-name': 'arn:aws-cn:lambda:eu-west-1:123456789012:function:x' },
      'function-name',
      {},
      {},
      'aws-cn',
    ],
    [
      'empty qualifier',
      { 'function-name': 'my-fn:' },
      'function-name',
      { AWS_REGION: 'us-east-1' },
      {},
      "ends with ':'",
    ],
    [
      'two qualifiers',
      { 'function-name': 'my-fn:a:b' },
      'function-name',
      { AWS_REGION: 'us-east-1' },
      {},
      "too many ':'",
    ],
    [
      'bad qualifier',
      { 'function-name': 'my-fn:bad!q' },
      'function-name',
      { AWS_REGION: 'us-east-1' },
      {},
      'qualifier "bad!q"',
    ],
    [
      'partial ARN with a short account',
      { 'function-name': '12345:function:x' },
      'function-name',
      { AWS_REGION: 'us-east-1' },
      {},
      'not 12 digits',
    ],
    ['ARN with extra parts', { 'function-name': `${ARN}:live:extra` }, 'function-name', {}, {}, "too many ':'"],
    // regions
    ['region differs from the ARN', withArn({ region: 'us-east-1' }), 'region', {}, {}, 'set it to eu-west-1'],
    ['region not a code', withArn({ region: 'Europe' }), 'region', {}, {}, 'us-east-1'],
    ['no region anywhere', { 'function-name': 'orders' }, 'region', {}, {}, 'AWS_REGION'],
    [
      'bad AWS_REGION',
      { 'function-name': 'orders' },
      'region',
      { AWS_REGION: 'nowhere' },
      {},
      'AWS_REGION holds "nowhere"',
    ],
    // endpoint
    ['endpoint without scheme', withArn({ endpoint: 'localhost:9001' }), 'endpoint', {}, {}, 'http://127.0.0.1:9001'],
    ['ftp endpoint', withArn({ endpoint: 'ftp://127.0.0.1' }), 'endpoint'],
    // conflicting options
    [
      'baseline file and branch',
      withArn({ 'baseline-file': 'b.json', 'baseline-branch': 'data' }),
      'baseline-branch',
      {},
      {},
      'at most one',
    ],
    [
      'baseline branch and function',
      withArn({ 'baseline-branch': 'data', 'baseline-function': 'prod' }),
      'baseline-function',
      {},
      {},
      'baseline-branch',
    ],
    [
      'parallel with sleep',
      withArn({ 'parallel-invocation': 'true', 'sleep-between-runs-ms': '100' }),
      'sleep-between-runs-ms',
      {},
      {},
      'parallel-invocation',
    ],
    [
      'percentile limit with cost',
      withArn({ 'percentile-limit': 'p95<=300' }),
      'percentile-limit',
      {},
      {},
      'strategy is cost',
    ],
    [
      'percentile strategy without limit',
      withArn({ strategy: 'percentile' }),
      'percentile-limit',
      {},
      {},
      'is required',
    ],
    [
      'alias without auto-optimize',
      withArn({ 'auto-optimize-alias': 'live' }),
      'auto-optimize-alias',
      {},
      {},
      'auto-optimize true',
    ],
    [
      'numeric alias',
      withArn({ 'auto-optimize': 'true', 'auto-optimize-alias': '123' }),
      'auto-optimize-alias',
      {},
      {},
      'not only digits',
    ],
    [
      'percentile limit with <',
      withArn({ strategy: 'percentile', 'percentile-limit': 'p95<300' }),
      'percentile-limit',
      {},
      {},
      'p95<=300',
    ],
    [
      'percentile of 100',
      withArn({ strategy: 'percentile', 'percentile-limit': 'p100<=300' }),
      'percentile-limit',
      {},
      {},
      'between 0 and 100',
    ],
    [
      'percentile limit of 0 ms',
      withArn({ strategy: 'percentile', 'percentile-limit': 'p95<=0' }),
      'percentile-limit',
      {},
      {},
      'not above 0',
    ],
    ['unknown strategy', withArn({ strategy: 'fastest' }), 'strategy', {}, {}, 'cost, speed, balanced, percentile'],
    ['strategy typo', withArn({ strategy: 'sped' }), 'strategy', {}, {}, 'did you mean speed?'],
    ['unknown comment mode', withArn({ 'comment-mode': 'sticky' }), 'comment-mode', {}, {}, 'hide-and-new'],
    // booleans
    ['boolean maybe', withArn({ 'dry-run': 'maybe' }), 'dry-run', {}, {}, 'use true or false'],
    ['boolean on', withArn({ 'parallel-invocation': 'on' }), 'parallel-invocation', {}, {}, 'yes/no and 1/0'],
    ['boolean Y', withArn({ 'job-summary': 'Y' }), 'job-summary'],
    ['boolean 2', withArn({ 'fail-on-regression': '2' }), 'fail-on-regression'],
    ['boolean only-cold-starts', withArn({ 'only-cold-starts': 'cold' }), 'only-cold-starts'],
    // numbers
    ['zero concurrency', withArn({ concurrency: '0' }), 'concurrency', {}, {}, 'from 1 to 1000'],
    ['concurrency above 1000', withArn({ concurrency: '1001' }), 'concurrency', {}, {}, 'above 1000'],
    ['fractional concurrency', withArn({ concurrency: '1.5' }), 'concurrency'],
    ['timeout above 350', withArn({ 'timeout-minutes': '351' }), 'timeout-minutes', {}, {}, '351 is above 350 minutes'],
    ['zero timeout', withArn({ 'timeout-minutes': '0' }), 'timeout-minutes'],
    ['negative sleep', withArn({ 'sleep-between-runs-ms': '-1' }), 'sleep-between-runs-ms', {}, {}, 'below 0 ms'],
    ['discard in words', withArn({ 'discard-top-bottom': 'lots' }), 'discard-top-bottom', {}, {}, 'not a number'],
    ['balanced weight in words', withArn({ 'balanced-weight': 'half' }), 'balanced-weight'],
    ['hex number', withArn({ invocations: '0x10' }), 'invocations', {}, {}, 'not a number'],
    ['negative monthly invocations', withArn({ 'monthly-invocations': '-1' }), 'monthly-invocations'],
    ['badly grouped monthly invocations', withArn({ 'monthly-invocations': '1,00' }), 'monthly-invocations'],
    // names used as paths and refs
    ['key with a slash', withArn({ key: 'team/orders' }), 'key', {}, {}, "no '/'"],
    ['branch with ..', withArn({ 'baseline-branch': 'data..old' }), 'baseline-branch', {}, {}, 'git branch name'],
    ['branch with a space', withArn({ 'baseline-branch': 'my data' }), 'baseline-branch'],
    ['dashboard without a data branch', withArn({ dashboard: 'true' }), 'dashboard', {}, {}, 'needs baseline-branch'],
    [
      'dashboard-branch without dashboard',
      withArn({ 'baseline-branch': 'data', 'dashboard-branch': 'gh-pages' }),
      'dashboard-branch',
      {},
      {},
      'dashboard: true',
    ],
    [
      'dashboard-branch written as a ref',
      withArn({ 'baseline-branch': 'data', dashboard: 'true', 'dashboard-branch': 'refs/heads/gh-pages' }),
      'dashboard-branch',
      {},
      {},
      'plain name',
    ],
    [
      'baseline function with a space',
      withArn({ 'baseline-function': 'prod fn' }),
      'baseline-function',
      {},
      {},
      'letters, digits',
    ],
  ];

  test('the table has at least 50 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(50);
  });

  test.each(cases)('%s → InputError naming its input', (_what, inputs, input, env = {}, files = {}, fragment) => {
    const error = thrown(() => parse(inputs, env, files));
    expect(error.input).toBe(input);
    expect(error.message).not.toMatch(/[\r\n]/);
    expect(error.message.startsWith(`Input '${input}': `)).toBe(true);
    if (fragment) expect(error.message).toContain(fragment);
  });

  test('dashboard writes to the data branch unless dashboard-branch names another', () => {
    const gate = (inputs: Record<string, string>) =>
      parse(withArn({ 'baseline-branch': 'data', ...inputs })).settings.gate;
    expect(gate({})).toMatchObject({ dashboard: false });
    expect(gate({}).dashboardBranch).toBeUndefined();
    expect(gate({ dashboard: 'true' })).toMatchObject({ dashboard: true, dashboardBranch: 'data' });
    expect(gate({ dashboard: 'true', 'dashboard-branch': 'gh-pages' })).toMatchObject({ dashboardBranch: 'gh-pages' });
  });

  test('the power-values message reads as documented', () => {
    expect(thrown(() => parse(withArn({ 'power-values': '64' }))).message).toBe(
      "Input 'power-values': 64 is below 128 MB; use memory sizes from 128 to 10240 MB (e.g. 128,256,512), or ALL",
    );
  });

  test('a malformed payload is not echoed in the message (it may hold secrets)', () => {
    const error = thrown(() => parse(withArn({ payload: '{"token": "s3cr3t-value" oops}' })));
    expect(error.input).toBe('payload');
    expect(error.message).not.toContain('s3cr3t');
  });

  test('a long value is shown cut short, on one line', () => {
    const error = thrown(() => parse(withArn({ strategy: `fast\n${'x'.repeat(200)}` })));
    expect(error.message).not.toMatch(/\n/);
    expect(error.message.length).toBeLessThan(200);
  });
});

describe('parseSettings: sampling adaptive by default', () => {
  const tuning = (given: Record<string, string>) => parse({ 'function-name': ARN, ...given }).settings.tuning;

  test('not given: adaptive with a cap of 50', () => {
    expect(tuning({})).toMatchObject({ sampling: 'adaptive', samplingConfidence: 0.95, invocationsPerValue: 50 });
    expect(tuning({ invocations: '30' })).toMatchObject({ sampling: 'adaptive', invocationsPerValue: 30 });
  });

  test('fixed (n = 10 unless given) where adaptive cannot work or has nothing to save', () => {
    const cases: Record<string, string>[] = [
      { 'only-cold-starts': 'true' },
      { 'baseline-function': 'orders-staging' },
      { architectures: 'x86_64,arm64' },
      { 'compare-function': 'orders-arm64' },
      { sampling: 'fixed' },
    ];
    for (const given of cases) {
      const settings = tuning(given);
      expect(settings.sampling).toBeUndefined();
      expect(settings.invocationsPerValue).toBe(10);
    }
    expect(tuning({ invocations: '8' })).toMatchObject({ invocationsPerValue: 8 });
    expect(tuning({ invocations: '8' }).sampling).toBeUndefined();
  });

  test('given adaptive stays adaptive, with its warning for a small cap', () => {
    const { settings, warnings } = parse({ 'function-name': ARN, sampling: 'adaptive', invocations: '8' });
    expect(settings.tuning).toMatchObject({ sampling: 'adaptive', invocationsPerValue: 8 });
    expect(warnings).toEqual([
      expect.stringContaining("Input 'invocations': 8 leaves adaptive sampling little to save"),
    ]);
  });

  test('sampling-confidence with fixed sampling is a warning only when given', () => {
    expect(parse({ 'function-name': ARN, sampling: 'fixed' }).warnings).toEqual([]);
    expect(parse({ 'function-name': ARN, sampling: 'fixed', 'sampling-confidence': '0.9' }).warnings).toEqual([
      expect.stringContaining("Input 'sampling-confidence': has no effect with sampling fixed"),
    ]);
  });
});

describe('parseSettings: defaults', () => {
  test('a function ARN alone gives every default', () => {
    const { settings, warnings } = parse({ 'function-name': ARN });
    const expected: Settings = {
      tuning: {
        functionName: ARN,
        region: 'eu-west-1',
        powerValuesMb: [128, 256, 512, 1024, 1536, 3008],
        invocationsPerValue: 50,
        payloads: [{ payload: '{}', weight: 1 }],
        parallelInvocation: false,
        concurrency: 10,
        sleepBetweenRunsMs: 0,
        discardTopBottom: 0.2,
        allowedExceptions: [],
        onlyColdStarts: false,
        strategy: 'cost',
        balancedWeight: 0.5,
        coldStartRate: 0.01,
        autoOptimize: false,
        dryRun: false,
        logPayloads: false,
        resultsPath: '/repo/lambda-power-gate/results.json',
        timeoutMinutes: 30,
        monthlyInvocations: 1000000,
        sampling: 'adaptive',
        samplingConfidence: 0.95,
        maxMemoryUsedPct: 90,
      },
      gate: {
        baselineSource: 'none',
        key: 'orders',
        historyLimit: 20,
        dashboard: false,
        trendRuns: 10,
        maxCostIncreasePct: 5,
        maxDurationIncreasePct: 10,
        warnCostIncreasePct: 2.5,
        warnDurationIncreasePct: 5,
        maxDurationStatistic: 'mean',
        maxMemoryUsedPct: 90,
        warnMemoryUsedPct: 80,
        confidence: 0.95,
        minSamples: 5,
        minDurationChangeMs: 1,
        maxInvocations: 200,
        failOnRegression: true,
      },
      report: {
        mode: 'tune',
        commentMode: 'update',
        summary: true,
        acceptLabel: 'lambda-power-gate: accept regression',
        suggestMinSavingPct: 5,
      },
    };
    expect(settings).toStrictEqual(expected);
    expect(warnings).toEqual([]);
  });

  test('relative paths resolve against GITHUB_WORKSPACE when set', () => {
    const { settings } = parse(withArn({ 'baseline-file': 'base/results.json' }), { GITHUB_WORKSPACE: '/ws' });
    expect(settings.tuning.resultsPath).toBe('/ws/lambda-power-gate/results.json');
    expect(settings.gate.baselineFile).toBe('/ws/base/results.json');
    expect(settings.gate.baselineSource).toBe('file');
  });

  test('inputs are trimmed, and whitespace alone counts as absent', () => {
    const { settings } = parse({ 'function-name': `  ${ARN}\n`, invocations: '   ' });
    expect(settings.tuning.functionName).toBe(ARN);
    expect(settings.tuning.invocationsPerValue).toBe(50);
  });
});

describe('function names', () => {
  test.each([
    ['my-fn', { functionName: 'my-fn', name: 'my-fn' }],
    ['my_fn:live', { functionName: 'my_fn', name: 'my_fn', qualifier: 'live' }],
    ['my-fn:7', { functionName: 'my-fn', name: 'my-fn', qualifier: '7' }],
    ['my-fn:$LATEST', { functionName: 'my-fn', name: 'my-fn', qualifier: '$LATEST' }],
    [
      '123456789012:function:my-fn',
      { functionName: '123456789012:function:my-fn', name: 'my-fn', accountId: '123456789012' },
    ],
    [
      '123456789012:function:my-fn:prod',
      { functionName: '123456789012:function:my-fn', name: 'my-fn', qualifier: 'prod', accountId: '123456789012' },
    ],
    [
      'arn:aws:lambda:eu-west-1:123456789012:function:my-fn',
      {
        functionName: 'arn:aws:lambda:eu-west-1:123456789012:function:my-fn',
        name: 'my-fn',
        region: 'eu-west-1',
        accountId: '123456789012',
        partition: 'aws',
      },
    ],
    [
      'arn:aws:lambda:eu-west-1:123456789012:function:my-fn:$LATEST',
      {
        functionName: 'arn:aws:lambda:eu-west-1:123456789012:function:my-fn',
        name: 'my-fn',
        qualifier: '$LATEST',
        region: 'eu-west-1',
        accountId: '123456789012',
        partition: 'aws',
      },
    ],
    [
      'arn:aws-cn:lambda:cn-north-1:123456789012:function:my-fn',
      {
        functionName: 'arn:aws-cn:lambda:cn-north-1:123456789012:function:my-fn',
        name: 'my-fn',
        region: 'cn-north-1',
        accountId: '123456789012',
        partition: 'aws-cn',
      },
    ],
    [
      'arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:my-fn:3',
      {
        functionName: 'arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:my-fn',
        name: 'my-fn',
        qualifier: '3',
        region: 'us-gov-west-1',
        accountId: '123456789012',
        partition: 'aws-us-gov',
      },
    ],
  ])('%s', (text, expected) => {
    expect(parseFunctionName(text)).toStrictEqual(expected);
  });

  test('a 64-character name is accepted', () => {
    expect(parseFunctionName('a'.repeat(64)).name).toHaveLength(64);
  });

  test('the qualifier goes to settings, and the key defaults to the bare name', () => {
    const { settings } = parse({ 'function-name': 'arn:aws:lambda:eu-west-1:123456789012:function:orders:live' });
    expect(settings.tuning.functionName).toBe(ARN);
    expect(settings.tuning.qualifier).toBe('live');
    expect(settings.gate.key).toBe('orders');
  });
});

describe('regions', () => {
  test.each([
    [
      'the region input',
      { 'function-name': 'orders', region: 'ap-southeast-2' },
      { AWS_REGION: 'us-east-1' },
      'ap-southeast-2',
    ],
    ['the region input equal to the ARN', withArn({ region: 'eu-west-1' }), {}, 'eu-west-1'],
    ['the ARN before the environment', withArn({}), { AWS_REGION: 'us-east-1' }, 'eu-west-1'],
    [
      'AWS_REGION',
      { 'function-name': 'orders' },
      { AWS_REGION: 'us-west-2', AWS_DEFAULT_REGION: 'eu-central-1' },
      'us-west-2',
    ],
    ['AWS_DEFAULT_REGION', { 'function-name': 'orders' }, { AWS_DEFAULT_REGION: 'eu-central-1' }, 'eu-central-1'],
    ['us-east-1 with an endpoint', { 'function-name': 'orders', endpoint: 'http://127.0.0.1:9001' }, {}, 'us-east-1'],
  ])('from %s', (_what, inputs, env, region) => {
    expect(parse(inputs, env).settings.tuning.region).toBe(region);
  });

  test('the endpoint is kept', () => {
    expect(parse(withArn({ endpoint: 'http://127.0.0.1:9001' })).settings.tuning.endpoint).toBe(
      'http://127.0.0.1:9001',
    );
  });
});

describe('power values', () => {
  test('ALL is 128 to 3008 MB in steps of 64', () => {
    const { settings } = parse(withArn({ 'power-values': 'all' }));
    expect(settings.tuning.powerValuesMb).toEqual(ALL_POWER_VALUES_MB);
    expect(ALL_POWER_VALUES_MB).toHaveLength(46);
    expect(ALL_POWER_VALUES_MB[0]).toBe(128);
    expect(ALL_POWER_VALUES_MB[1]).toBe(192);
    expect(ALL_POWER_VALUES_MB.at(-1)).toBe(3008);
  });

  test('commas, spaces and newlines separate; duplicates are dropped with a warning; the result is sorted', () => {
    const { settings, warnings } = parse(withArn({ 'power-values': '512, 128\n256 256,10240' }));
    expect(settings.tuning.powerValuesMb).toEqual([128, 256, 512, 10240]);
    expect(warnings).toEqual(["Input 'power-values': 256 is given more than once; testing each once"]);
  });

  test('10,000 duplicates give one warning, not one per duplicate', () => {
    const { settings, warnings } = parse(
      withArn({ 'power-values': [...Array(5000).fill('128'), ...Array(5000).fill('256')].join(',') }),
    );
    expect(settings.tuning.powerValuesMb).toEqual([128, 256]);
    expect(warnings).toEqual(["Input 'power-values': 128, 256 are given more than once; testing each once"]);
  });

  test('at most 46 different memory sizes (as many as ALL): the 47th is refused in one line', () => {
    const values = (count: number) => Array.from({ length: count }, (_, i) => 128 + i).join(',');
    expect(parse(withArn({ 'power-values': values(46) })).settings.tuning.powerValuesMb).toHaveLength(46);
    const error = thrown(() => parse(withArn({ 'power-values': values(10_000) })));
    expect(error.input).toBe('power-values');
    expect(error.message).toBe(
      "Input 'power-values': has more than 46 different memory sizes (as many as ALL); test fewer, e.g. 128,256,512,1024,1536,3008",
    );
  });

  test.each([
    ['invocations', '1e3'],
    ['invocations', '10.0'],
    ['power-values', '128.0'],
    ['power-values', '1.28e2'],
    ['concurrency', '2.0'],
    ['sleep-between-runs-ms', '1e2'],
    ['timeout-minutes', '3e1'],
    ['monthly-invocations', '1e6'],
    ['history-limit', '20.0'],
    ['min-samples', '5.0'],
    ['gate-max-invocations', '2e2'],
  ])('integer input %s refuses %s (integers are written in digits)', (input, text) => {
    const error = thrown(() => parse(withArn({ [input]: text })));
    expect(error.input).toBe(input);
    expect(error.message).toMatch(
      new RegExp(
        `^Input '${input}': ${text.replace('.', '\\.')} is not a whole number written in digits \\(no decimal point or exponent\\); \\S`,
      ),
    );
  });
});

describe('payloads', () => {
  test.each([
    ['JSON object, as given', '{"id": 1}', '{"id": 1}'],
    ['JSON number', '42', '42'],
    ['JSON string', '"hi"', '"hi"'],
    ['plain string, sent as a JSON string', 'hello world', '"hello world"'],
    ['an array of objects without payload keys is one payload', '[{"sku":"a","weight":3}]', '[{"sku":"a","weight":3}]'],
  ])('%s', (_what, payload, sent) => {
    expect(parse(withArn({ payload })).settings.tuning.payloads).toEqual([{ payload: sent, weight: 1 }]);
  });

  test('weighted payloads: objects serialised, JSON-text strings as is, other strings as JSON strings', () => {
    const payload = JSON.stringify([
      { payload: { a: 1 }, weight: 3 },
      { payload: 'plain', weight: 1 },
      { payload: '{"b":2}', weight: 1.5 },
    ]);
    const { settings } = parse(withArn({ payload }));
    expect(settings.tuning.payloads).toEqual([
      { payload: '{"a":1}', weight: 3 },
      { payload: '"plain"', weight: 1 },
      { payload: '{"b":2}', weight: 1.5 },
    ]);
  });

  test('payload-file is read relative to the workspace; payload "{}" given explicitly does not conflict', () => {
    const files = { '/ws/events/order.json': '{"order": 7}\n' };
    const { settings } = parse(
      withArn({ 'payload-file': 'events/order.json', payload: '{}' }),
      { GITHUB_WORKSPACE: '/ws' },
      files,
    );
    expect(settings.tuning.payloads).toEqual([{ payload: '{"order": 7}', weight: 1 }]);
  });

  test('weighted payloads from a file', () => {
    const files = { '/repo/w.json': '[{"payload":{"a":1},"weight":1},{"payload":{"b":2},"weight":1}]' };
    const { settings } = parse(withArn({ 'payload-file': 'w.json', invocations: '2' }), {}, files);
    expect(settings.tuning.payloads.map((p) => p.weight)).toEqual([1, 1]);
  });

  test.each([
    [[1, 9], 10],
    [[9, 1], 2],
    [[1, 2], 3],
    [[0.1, 0.2, 0.7], 10],
    [[0.7, 0.2, 0.1], 5],
  ])('weights %j: %i invocations is the fewest accepted, and the tuner can split it', (weights, minimum) => {
    const payload = JSON.stringify(weights.map((weight, i) => ({ payload: { i }, weight })));
    const accepted = parse(withArn({ payload, invocations: String(minimum) })).settings.tuning;
    expect(splitWeightedPayloads(accepted.payloads, minimum)).toHaveLength(minimum);
    const error = thrown(() => parse(withArn({ payload, invocations: String(minimum - 1) })));
    expect(error.input).toBe('invocations');
    expect(error.message).toContain(`set invocations to ${minimum} or more`);
  });
});

describe('clamping and warnings', () => {
  test.each([
    ['discard-top-bottom', '0.5', 0.4, (s: Settings) => s.tuning.discardTopBottom],
    ['discard-top-bottom', '-0.1', 0, (s: Settings) => s.tuning.discardTopBottom],
    ['balanced-weight', '1.5', 1, (s: Settings) => s.tuning.balancedWeight],
    ['balanced-weight', '-1', 0, (s: Settings) => s.tuning.balancedWeight],
  ])('%s %s is clamped to %d with a warning', (input, given, used, pick) => {
    const strategy: Record<string, string> = input === 'balanced-weight' ? { strategy: 'balanced' } : {};
    const { settings, warnings } = parse(withArn({ [input]: given, ...strategy }));
    expect(pick(settings)).toBe(used);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`Input '${input}': ${given} is outside`);
    expect(warnings[0]).toContain(`using ${used}`);
  });

  test('in-range values are used as given, without warnings', () => {
    const { settings, warnings } = parse(
      withArn({ 'discard-top-bottom': '0.4', strategy: 'Balanced', 'balanced-weight': '0' }),
    );
    expect(settings.tuning.discardTopBottom).toBe(0.4);
    expect(settings.tuning.balancedWeight).toBe(0);
    expect(settings.tuning.strategy).toBe('balanced');
    expect(warnings).toEqual([]);
  });

  test('only-cold-starts forces discard-top-bottom to 0, warning only when the user set it', () => {
    const silent = parse(withArn({ 'only-cold-starts': 'true' }));
    expect(silent.settings.tuning.discardTopBottom).toBe(0);
    expect(silent.warnings).toEqual([]);
    const warned = parse(withArn({ 'only-cold-starts': 'yes', 'discard-top-bottom': '0.1' }));
    expect(warned.settings.tuning.discardTopBottom).toBe(0);
    expect(warned.warnings).toEqual([
      expect.stringContaining("Input 'discard-top-bottom': 0.1 is ignored with only-cold-starts"),
    ]);
  });

  test('fewer than 5 invocations is a warning, not an error', () => {
    const { settings, warnings } = parse(withArn({ invocations: '3' }));
    expect(settings.tuning.invocationsPerValue).toBe(3);
    expect(warnings).toEqual([
      expect.stringContaining("Input 'invocations': 3 invocations per memory size give noisy statistics"),
    ]);
  });

  test('balanced-weight without strategy balanced, auto-optimize in a dry run, and min-samples above invocations warn', () => {
    const { warnings } = parse(
      withArn({
        'balanced-weight': '0.7',
        'auto-optimize': '1',
        'dry-run': 'TRUE',
        'baseline-branch': 'data',
        'min-samples': '8',
        invocations: '6',
      }),
    );
    expect(warnings).toEqual([
      expect.stringContaining("Input 'balanced-weight'"),
      expect.stringContaining("Input 'auto-optimize'"),
      expect.stringContaining("Input 'min-samples': 8 is above the 5 warm samples"),
    ]);
  });

  test('min-samples above invocations is no warning with a live baseline whose sequential sampling tops up', () => {
    const live = { 'baseline-function': 'orders-prod', 'min-samples': '8', invocations: '6' };
    expect(parse(withArn(live)).warnings).toEqual([]);
    expect(parse(withArn({ ...live, 'gate-max-invocations': '0' })).warnings).toEqual([
      expect.stringContaining("Input 'min-samples': 8 is above the 5 warm samples"),
      "Input 'gate-max-invocations': with 0 (off) each function is measured in fewer than the 7 execution environments a fail needs at confidence 0.95, so a regression can only warn; set it to at least 66 for the gate to fail",
    ]);
  });
});

describe('max-init-duration-increase default', () => {
  const gate = (inputs: Record<string, string>) => parse(withArn(inputs)).settings.gate;

  it('is 20% (warn 10%) with a live baseline-function, whose environment blocks give an interval over environments', () => {
    expect(gate({ 'baseline-function': 'orders-prod' })).toMatchObject({
      maxInitDurationIncreasePct: 20,
      warnInitDurationIncreasePct: 10,
    });
  });

  it('stays off with a stored baseline, with no baseline, with too few environments and when set to off', () => {
    for (const inputs of [
      { 'baseline-branch': 'perf-data' } as Record<string, string>,
      {},
      { 'baseline-function': 'orders-prod', 'gate-max-invocations': '0' },
      { 'baseline-function': 'orders-prod', 'max-init-duration-increase': 'off' },
    ]) {
      expect(gate(inputs).maxInitDurationIncreasePct).toBeUndefined();
      expect(gate(inputs).warnInitDurationIncreasePct).toBeUndefined();
    }
  });

  it('applies no default silently: a limit given with a stored baseline still gets its warning', () => {
    const { settings, warnings } = parse(
      withArn({ 'baseline-branch': 'perf-data', 'max-init-duration-increase': '30' }),
    );
    expect(settings.gate.maxInitDurationIncreasePct).toBe(30);
    expect(warnings).toEqual([expect.stringContaining("Input 'max-init-duration-increase': a stored baseline")]);
    expect(parse(withArn({ 'baseline-function': 'orders-prod' })).warnings).toEqual([]);
  });
});

describe('accept-label', () => {
  it('defaults to lambda-power-gate: accept regression; off or none turns it off; any label GitHub holds', () => {
    expect(parse(withArn({})).settings.report.acceptLabel).toBe('lambda-power-gate: accept regression');
    expect(parse(withArn({ 'accept-label': 'off' })).settings.report.acceptLabel).toBeUndefined();
    expect(parse(withArn({ 'accept-label': 'None' })).settings.report.acceptLabel).toBeUndefined();
    expect(parse(withArn({ 'accept-label': 'perf: ok 🚀' })).settings.report.acceptLabel).toBe('perf: ok 🚀');
  });

  it("refuses a label longer than GitHub's 50 characters, in one line naming the input", () => {
    expect(() => parse(withArn({ 'accept-label': 'x'.repeat(51) }))).toThrow(
      /^Input 'accept-label': "x{51}" is longer than GitHub's 50 characters for a label name; use a shorter label, or off$/,
    );
  });
});

describe('everything else, well-formed', () => {
  test.each([
    ['TRUE', true],
    ['Yes', true],
    ['1', true],
    ['false', false],
    ['NO', false],
    ['0', false],
  ])('boolean %s', (text, value) => {
    expect(parse(withArn({ 'dry-run': text })).settings.tuning.dryRun).toBe(value);
  });

  test('tuning inputs', () => {
    const { settings } = parse(
      withArn({
        'parallel-invocation': 'true',
        concurrency: '1000',
        'allowed-exceptions': 'Handled.NotFound, TypeError,Handled.NotFound\nRuntime.OutOfMemory',
        strategy: 'percentile',
        'percentile-limit': 'p99.9 <= 1500ms',
        'auto-optimize': 'true',
        'auto-optimize-alias': 'live',
        'log-payloads': 'true',
        'results-path': '/repo/out/results.json',
        'timeout-minutes': '350',
        'monthly-invocations': '2,500,000',
      }),
    );
    expect(settings.tuning).toMatchObject({
      parallelInvocation: true,
      concurrency: 1000,
      allowedExceptions: ['Handled.NotFound', 'TypeError', 'Runtime.OutOfMemory'],
      strategy: 'percentile',
      percentileLimit: { percentile: 99.9, maxDurationMs: 1500 },
      autoOptimize: true,
      autoOptimizeAlias: 'live',
      logPayloads: true,
      resultsPath: '/repo/out/results.json',
      timeoutMinutes: 350,
      monthlyInvocations: 2500000,
    });
  });

  test('gate inputs: percent forms, off, explicit warn levels, absolute limits', () => {
    const { settings } = parse(
      withArn({
        'baseline-function': 'orders-prod',
        key: 'orders.api',
        'history-limit': '50',
        'max-cost-increase': '8%',
        'warn-cost-increase': '8',
        'max-duration-increase': 'off',
        'max-cost-per-invocation': '$0.0000025',
        'max-duration-ms': '300ms',
        'max-duration-statistic': 'P95',
        'max-monthly-cost-increase': '0',
        confidence: '0.999',
        'min-samples': '2',
        'min-duration-change-ms': '0.5ms',
        'gate-max-invocations': '60',
        'fail-on-regression': 'false',
      }),
    );
    expect(settings.gate).toStrictEqual({
      baselineSource: 'function',
      baselineFunction: 'orders-prod',
      key: 'orders.api',
      historyLimit: 50,
      dashboard: false,
      trendRuns: 10,
      maxCostIncreasePct: 8,
      warnCostIncreasePct: 8,
      maxCostPerInvocationUsd: 0.0000025,
      maxDurationMs: 300,
      maxDurationStatistic: 'p95',
      // The live baseline's Init Duration default (max-init-duration-increase default).
      maxInitDurationIncreasePct: 20,
      warnInitDurationIncreasePct: 10,
      maxMonthlyCostIncreaseUsd: 0,
      maxMemoryUsedPct: 90,
      warnMemoryUsedPct: 80,
      confidence: 0.999,
      minSamples: 2,
      minDurationChangeMs: 0.5,
      maxInvocations: 60,
      failOnRegression: false,
    });
  });

  test('gate-max-invocations with no room for one environment block is refused; room for fewer than a fail needs warns', () => {
    const live = { 'baseline-function': 'orders-prod', invocations: '4' };
    expect(() => parse(withArn({ ...live, 'gate-max-invocations': '8' }))).toThrow(
      "Input 'gate-max-invocations': 8 leaves no room for one more execution environment (10 invocations) after the 4 planned; set it to at least 64 so a regression can fail, or 0 to turn the extra sampling off",
    );
    expect(parse(withArn({ ...live, 'gate-max-invocations': '16' })).warnings).toContain(
      "Input 'gate-max-invocations': at 16 each function is measured in fewer than the 7 execution environments a fail needs at confidence 0.95, so a regression can only warn; set it to at least 64 for the gate to fail",
    );
    expect(
      parse(withArn({ ...live, 'gate-max-invocations': '64' })).warnings.filter((text) =>
        text.includes('gate-max-invocations'),
      ),
    ).toEqual([]);
    expect(
      parse(withArn({ ...live, 'gate-max-invocations': '63' })).warnings.filter((text) =>
        text.includes('gate-max-invocations'),
      ),
    ).toHaveLength(1);
    expect(() => parse(withArn({ 'min-duration-change-ms': '-1' }))).toThrow(/Input 'min-duration-change-ms'/);
  });

  test('a warn level may stand alone when its max is off', () => {
    const { settings } = parse(withArn({ 'max-cost-increase': 'off', 'warn-cost-increase': '3%' }));
    expect(settings.gate.maxCostIncreasePct).toBeUndefined();
    expect(settings.gate.warnCostIncreasePct).toBe(3);
  });

  test('baseline branch, comment mode and token (input before GITHUB_TOKEN)', () => {
    const fromEnv = parse(
      withArn({ 'baseline-branch': 'lambda-power-gate-data', 'comment-mode': 'hide-and-new', 'job-summary': 'no' }),
      {
        GITHUB_TOKEN: 'env-token',
      },
    ).settings;
    expect(fromEnv.gate.baselineSource).toBe('branch');
    expect(fromEnv.gate.baselineBranch).toBe('lambda-power-gate-data');
    expect(fromEnv.report).toStrictEqual({
      mode: 'tune',
      commentMode: 'hide-and-new',
      githubToken: 'env-token',
      summary: false,
      acceptLabel: 'lambda-power-gate: accept regression',
      suggestMinSavingPct: 5,
    });
    const fromInput = parse(withArn({ 'github-token': 'input-token' }), { GITHUB_TOKEN: 'env-token' }).settings;
    expect(fromInput.report.githubToken).toBe('input-token');
  });
});

describe('suggest-min-saving', () => {
  it('a percent of monthly cost, 5 by default; off turns IaC suggestions off; a bad value names the input', () => {
    expect(parse(withArn({ 'suggest-min-saving': '12.5%' })).settings.report.suggestMinSavingPct).toBe(12.5);
    expect(parse(withArn({ 'suggest-min-saving': 'off' })).settings.report.suggestMinSavingPct).toBeUndefined();
    expect(() => parse(withArn({ 'suggest-min-saving': 'lots' }))).toThrow(
      /^Input 'suggest-min-saving': "lots" is not a number; use a percentage/,
    );
  });
});

describe('CLI flags', () => {
  test('tune with --flag value, a bare boolean flag, and --flag=value', () => {
    expect(parseCliArgs(['tune', '--function-name', 'x', '--power-values', '128,256', '--dry-run'])).toEqual({
      command: 'tune',
      inputs: { 'function-name': 'x', 'power-values': '128,256', 'dry-run': 'true' },
    });
    expect(parseCliArgs(['tune', '--function-name=x', '--payload={"a":"b=c"}', '--invocations=-1']).inputs).toEqual({
      'function-name': 'x',
      payload: '{"a":"b=c"}',
      invocations: '-1',
    });
  });

  test('boolean flags: a following boolean word is their value, --no-<flag> is false', () => {
    expect(
      parseCliArgs(['tune', '--dry-run', 'false', '--log-payloads', '--region', 'eu-west-1', '--no-job-summary'])
        .inputs,
    ).toEqual({
      'dry-run': 'false',
      'log-payloads': 'true',
      region: 'eu-west-1',
      'job-summary': 'false',
    });
  });

  test.each([
    [[], 'help'],
    [['help'], 'help'],
    [['--help'], 'help'],
    [['tune', '--function-name', 'x', '-h'], 'help'],
    [['version'], 'version'],
    [['--version'], 'version'],
    [['--function-name', 'x'], 'tune'],
  ])('%j → %s', (argv, command) => {
    expect(parseCliArgs(argv).command).toBe(command);
  });

  test.each([
    [['tune', '--functon-name', 'x'], 'functon-name', 'did you mean --function-name?'],
    [['tune', '--dryrun'], 'dryrun', 'did you mean --dry-run?'],
    [['tune', '--no-region'], 'no-region', 'Unknown flag --no-region'],
    [['tune', '--completely-unrelated-thing'], 'completely-unrelated-thing', 'help for every flag'],
    [['tune', '-x'], 'x', 'Unknown flag -x'],
    [['tune', '--function-name'], 'function-name', 'needs a value'],
    [['tune', '--region', '--dry-run'], 'region', 'needs a value'],
    [['tune', '--region', 'a', '--region', 'b'], 'region', 'given twice'],
    [['tnue'], 'command', 'did you mean tune?'],
    [['tune', 'extra'], 'extra', 'Unexpected argument'],
  ])('%j → InputError', (argv, input, fragment) => {
    const error = thrown(() => parseCliArgs(argv));
    expect(error.input).toBe(input);
    expect(error.message).toContain(fragment);
    expect(error.message).not.toMatch(/\n/);
  });

  test('the CLI reader gives the same settings as the action reader', () => {
    const argv = ['tune', '--function-name', ARN, '--power-values', '128 512', '--dry-run', '--strategy', 'speed'];
    const viaCli = parseSettings(cliInputReader(parseCliArgs(argv).inputs), context());
    const viaAction = parse({ 'function-name': ARN, 'power-values': '128 512', 'dry-run': 'true', strategy: 'speed' });
    expect(viaCli).toStrictEqual(viaAction);
  });
});

describe('baseline-function must be another deployment', () => {
  test.each([
    [
      'a qualifier, which tuning cannot honour',
      { 'function-name': 'orders-pr-7', 'baseline-function': 'orders-prod:live' },
      /has a qualifier \(:live\)/,
    ],
    [
      'the PR function itself, which would always pass',
      { 'function-name': 'orders-pr-7', 'baseline-function': 'orders-pr-7' },
      /is function-name itself/,
    ],
  ])('rejects %s', (_why, inputs, message) => {
    expect(() => parse({ region: 'us-east-1', ...inputs })).toThrow(message);
  });
});

describe('memory headroom inputs', () => {
  it('defaults to a 90% fail level (which the recommendation honours) and an 80% warn level', () => {
    const { settings } = parse(withArn({}));
    expect(settings.tuning.maxMemoryUsedPct).toBe(90);
    expect(settings.gate.maxMemoryUsedPct).toBe(90);
    expect(settings.gate.warnMemoryUsedPct).toBe(80);
  });

  it('lets the warn level follow a lower fail level, and turns off with off', () => {
    expect(parse(withArn({ 'max-memory-used-percent': '75%' })).settings.gate.warnMemoryUsedPct).toBe(75);
    const off = parse(withArn({ 'max-memory-used-percent': 'off', 'warn-memory-used-percent': 'off' })).settings;
    expect(off.tuning.maxMemoryUsedPct).toBeUndefined();
    expect(off.gate.maxMemoryUsedPct).toBeUndefined();
    expect(off.gate.warnMemoryUsedPct).toBeUndefined();
  });
});

describe('mode prune', () => {
  it('is a dry run by default, and takes prune-keep as keys or app-key/function-key', () => {
    const dry = parse(
      withArn({ mode: 'prune', 'baseline-branch': 'data', 'prune-keep': 'old-api, shop/Orders\nlegacy' }),
    ).settings.report;
    expect(dry).toMatchObject({ mode: 'prune', pruneDryRun: true, pruneKeep: ['old-api', 'shop/Orders', 'legacy'] });
  });
});
