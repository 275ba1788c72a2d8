// One typed Settings object from action inputs or CLI flags, and every validation message the user can see.
// Each error is an InputError with a one-line message that names the input, shows what was given and says what
// is allowed, so a failed job tells the user the fix without opening the docs.

import { BLOCK_INVOCATIONS, environmentSchedule, invocationsForFail, minFailEnvironments } from '../gate/looks.js';
import { z } from 'zod';
import { inputSpec } from './inputs.js';
import { ARTEFACT_NAMES, confinePath, FileReadProblem, MAX_PAYLOAD_FILE_BYTES, PathProblem, type PathFileSystem, type PathPurpose } from '../lib/paths.js';
import { ALL_POWER_VALUES_MB, MAX_MEMORY_MB, MIN_MEMORY_MB, minimumInvocationsForWeights } from '../tuning/plan.js';
import type {
  BaselineSource,
  GateSettings,
  PercentileLimit,
  ReportSettings,
  SamplingMode,
  Settings,
  Strategy,
  TuningSettings,
  WeightedPayload,
} from '../types.js';

import { InputError } from '../lib/errors.js';

export { InputError };

/** Returns '' when the input is absent, like @actions/core getInput. */
export type InputReader = (name: string) => string;

export interface SettingsContext {
  env: Record<string, string | undefined>;
  cwd: string;
  /** Reads a UTF-8 file of at most maxBytes; throws (e.g. ENOENT) when it cannot. The front doors use lib/paths.ts readBoundedText. */
  readFile(path: string, maxBytes: number): string;
  /** For confining paths to the workspace; node:fs when absent. */
  pathFileSystem?: PathFileSystem;
}

export interface ParsedFunctionName {
  /** What Lambda's FunctionName takes: the name, or the ARN (full or partial) without qualifier. */
  functionName: string;
  /** The bare function name, e.g. `my-fn` for any of its ARNs. */
  name: string;
  qualifier?: string;
  region?: string;
  accountId?: string;
  partition?: string;
}

/**
 * Lambda's request limit for a synchronous Invoke: the payload must be SMALLER than this, so exactly 6291456 bytes
 * is refused ("Request must be smaller than 6291456 bytes for the InvokeFunction operation"; the emulator's
 * MAX_REQUEST_PAYLOAD_BYTES cites the sources).
 */
export const MAX_PAYLOAD_BYTES = 6 * 1024 * 1024;
export const FEW_INVOCATIONS_WARNING_BELOW = 5;

const STRATEGIES = ['cost', 'speed', 'balanced', 'percentile'] as const satisfies readonly Strategy[];
const SAMPLING_MODES = ['fixed', 'adaptive'] as const satisfies readonly SamplingMode[];
/** Below this cap a first round (a fifth, at least 5) plus one more round already reach it. */
const ADAPTIVE_USEFUL_FROM = 20;
const MODES = ['tune', 'comment-only'] as const satisfies readonly ReportSettings['mode'][];
const COMMENT_MODES = ['update', 'new', 'hide-and-new', 'delete-and-new', 'off'] as const satisfies readonly ReportSettings['commentMode'][];
const DURATION_STATISTICS = ['mean', 'p50', 'p90', 'p95', 'p99'] as const satisfies readonly GateSettings['maxDurationStatistic'][];
const BASELINE_INPUTS = [
  ['baseline-file', 'file'],
  ['baseline-branch', 'branch'],
  ['baseline-function', 'function'],
] as const satisfies readonly (readonly [string, BaselineSource])[];

export function parseSettings(read: InputReader, ctx: SettingsContext): { settings: Settings; warnings: string[] } {
  const inputs = new Inputs(read);
  const warnings: string[] = [];
  const tuning = parseTuning(inputs, ctx, warnings);
  const gate = parseGate(inputs, ctx, tuning, warnings);
  const report = parseReport(inputs, ctx);
  return { settings: { tuning, gate, report }, warnings };
}

// ---------------------------------------------------------------------------------------------------------
// Reading

class Inputs {
  constructor(private readonly read: InputReader) {}

  /** The trimmed value the user gave, '' when absent. */
  given(name: string): string {
    if (!inputSpec(name)) throw new Error(`settings.ts reads '${name}', which is not in INPUTS`);
    return (this.read(name) ?? '').trim();
  }

  isGiven(name: string): boolean {
    return this.given(name) !== '';
  }

  /** The given value, else the table's default, else ''. */
  value(name: string): string {
    return this.given(name) || (inputSpec(name)?.default ?? '');
  }

  boolean(name: string): boolean {
    return parseBoolean(name, this.value(name));
  }
}

// ---------------------------------------------------------------------------------------------------------
// Tuning

function parseTuning(inputs: Inputs, ctx: SettingsContext, warnings: string[]): TuningSettings {
  const fn = parseFunctionNameAs('function-name', inputs.given('function-name'), true);
  const endpoint = parseEndpoint(inputs.given('endpoint'));
  const region = resolveRegion(inputs.given('region'), fn, ctx.env, endpoint);
  const powerValuesMb = parsePowerValues(inputs.value('power-values'), warnings);

  const invocationsText = inputs.value('invocations');
  const invocationsPerValue = checkNumber('invocations', invocationsText, z.int().min(1), '', 'use a whole number of invocations per memory size, 1 or more (10 is the default)');
  if (invocationsPerValue < FEW_INVOCATIONS_WARNING_BELOW) {
    warnings.push(
      `Input 'invocations': ${invocationsPerValue} ${invocationsPerValue === 1 ? 'invocation per memory size gives' : 'invocations per memory size give'} noisy statistics; ${FEW_INVOCATIONS_WARNING_BELOW} or more are recommended`,
    );
  }

  const payloadSource = readPayloadSource(inputs, ctx);
  const payloads = parsePayloadText(payloadSource.input, payloadSource.text, payloadSource.what);
  checkWeightedSplit(payloads, invocationsPerValue, payloadSource.input);

  const parallelInvocation = inputs.boolean('parallel-invocation');
  const concurrency = checkNumber('concurrency', inputs.value('concurrency'), z.int().min(1).max(1000), '', 'use a whole number from 1 to 1000');
  const sleepBetweenRunsMs = checkNumber('sleep-between-runs-ms', inputs.value('sleep-between-runs-ms'), z.int().min(0), ' ms', 'use a whole number of milliseconds, 0 or more');
  if (parallelInvocation && sleepBetweenRunsMs > 0) {
    throw fail(
      'sleep-between-runs-ms',
      `${sleepBetweenRunsMs} has no effect with parallel-invocation true (invocations start together); set parallel-invocation to false or leave sleep-between-runs-ms at 0`,
    );
  }

  const onlyColdStarts = inputs.boolean('only-cold-starts');
  let discardTopBottom = clamped('discard-top-bottom', inputs.value('discard-top-bottom'), 0, 0.4, warnings, 'a fraction: 0.2 drops the slowest and the fastest 20%');
  if (onlyColdStarts && discardTopBottom !== 0) {
    if (inputs.isGiven('discard-top-bottom')) {
      warnings.push(`Input 'discard-top-bottom': ${discardTopBottom} is ignored with only-cold-starts true, which keeps every sample (using 0)`);
    }
    discardTopBottom = 0;
  }

  const allowedExceptions = [...new Set(inputs.value('allowed-exceptions').split(/[\s,]+/).filter((item) => item !== ''))];

  const strategy = parseEnum('strategy', inputs.value('strategy'), STRATEGIES, 'a strategy');
  const balancedWeight = clamped('balanced-weight', inputs.value('balanced-weight'), 0, 1, warnings, '0 optimises speed only, 1 cost only');
  if (strategy !== 'balanced' && inputs.isGiven('balanced-weight')) {
    warnings.push(`Input 'balanced-weight': has no effect with strategy ${strategy}; it applies to strategy balanced`);
  }
  const percentileLimitText = inputs.given('percentile-limit');
  if (strategy === 'percentile' && percentileLimitText === '') {
    throw fail('percentile-limit', 'is required with strategy percentile; give a limit such as p95<=300 (p95 duration at most 300 ms)');
  }
  if (strategy !== 'percentile' && percentileLimitText !== '') {
    throw fail('percentile-limit', `${show(percentileLimitText)} is only used with strategy percentile, but strategy is ${strategy}; set strategy to percentile or remove percentile-limit`);
  }
  const percentileLimit = percentileLimitText === '' ? undefined : parsePercentileLimit(percentileLimitText);

  const sampling = parseEnum('sampling', inputs.value('sampling'), SAMPLING_MODES, 'a sampling mode');
  if (sampling === 'adaptive' && onlyColdStarts) {
    throw fail('sampling', 'adaptive does not work with only-cold-starts true (every cold start needs a version prepared in advance); set sampling to fixed or only-cold-starts to false');
  }
  const samplingConfidence = checkNumber('sampling-confidence', inputs.value('sampling-confidence'), z.number().gt(0.5).max(0.999), '', 'use a fraction above 0.5 and at most 0.999, e.g. 0.95 for 95%');
  if (sampling !== 'adaptive' && inputs.isGiven('sampling-confidence')) {
    warnings.push(`Input 'sampling-confidence': has no effect with sampling ${sampling}; it applies to sampling adaptive`);
  }
  if (sampling === 'adaptive' && invocationsPerValue < ADAPTIVE_USEFUL_FROM) {
    warnings.push(
      `Input 'invocations': ${invocationsPerValue} leaves adaptive sampling little to save (it is the most any memory size gets); ${ADAPTIVE_USEFUL_FROM} or more, e.g. 50, lets it stop early where the answer is clear`,
    );
  }

  const autoOptimize = inputs.boolean('auto-optimize');
  const autoOptimizeAliasText = inputs.given('auto-optimize-alias');
  if (autoOptimizeAliasText !== '' && !autoOptimize) {
    throw fail('auto-optimize-alias', `${show(autoOptimizeAliasText)} is only used with auto-optimize true; set auto-optimize to true or remove auto-optimize-alias`);
  }
  const autoOptimizeAlias = autoOptimizeAliasText === '' ? undefined : checkAliasName('auto-optimize-alias', autoOptimizeAliasText);
  const dryRun = inputs.boolean('dry-run');
  if (dryRun && autoOptimize) {
    warnings.push("Input 'auto-optimize': has no effect with dry-run true, which changes nothing");
  }

  const logPayloads = inputs.boolean('log-payloads');
  const resultsPath = resolvePath('results-path', inputs.value('results-path'), ctx, 'write');
  const clash = ARTEFACT_NAMES.find((name) => resultsPath.endsWith(`/${name}`) || resultsPath.endsWith(`\\${name}`));
  if (clash) throw fail('results-path', `${show(inputs.value('results-path'))} is the name of the ${clash} the run writes next to results.json; use another file name, e.g. results.json`);
  const timeoutMinutes = checkNumber('timeout-minutes', inputs.value('timeout-minutes'), z.int().min(1).max(350), ' minutes', 'use a whole number of minutes from 1 to 350');
  const monthlyInvocationsText = inputs.value('monthly-invocations');
  const monthlyInvocations = checkNumber(
    'monthly-invocations',
    withoutDigitGrouping(monthlyInvocationsText),
    z.int().min(0),
    '',
    'use a whole number of invocations per month, 0 or more, e.g. 1000000',
    monthlyInvocationsText,
  );

  return omitUndefined({
    functionName: fn.functionName,
    qualifier: fn.qualifier,
    region,
    endpoint,
    powerValuesMb,
    invocationsPerValue,
    payloads,
    parallelInvocation,
    concurrency,
    sleepBetweenRunsMs,
    discardTopBottom,
    allowedExceptions,
    onlyColdStarts,
    strategy,
    balancedWeight,
    percentileLimit,
    autoOptimize,
    autoOptimizeAlias,
    dryRun,
    logPayloads,
    resultsPath,
    timeoutMinutes,
    monthlyInvocations,
    // Absent means fixed: results and settings from before adaptive sampling read the same.
    sampling: sampling === 'adaptive' ? sampling : undefined,
    samplingConfidence: sampling === 'adaptive' ? samplingConfidence : undefined,
  });
}

function parseEndpoint(text: string): string | undefined {
  if (text === '') return undefined;
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw fail('endpoint', `${show(text)} is not an http(s) URL; use e.g. http://127.0.0.1:9001 for the local emulator, or leave it empty for AWS`);
  }
  return text;
}

const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;
const REGION_HINT = 'use a region code such as us-east-1 or eu-west-1';

function resolveRegion(given: string, fn: ParsedFunctionName, env: SettingsContext['env'], endpoint: string | undefined): string {
  if (given !== '') {
    if (!REGION.test(given)) throw fail('region', `${show(given)} is not an AWS region code; ${REGION_HINT}`);
    if (fn.region && fn.region !== given) {
      throw fail('region', `${given} differs from the region in function-name's ARN (${fn.region}); leave region empty or set it to ${fn.region}`);
    }
    return given;
  }
  if (fn.region) return fn.region;
  for (const variable of ['AWS_REGION', 'AWS_DEFAULT_REGION']) {
    const fromEnv = env[variable]?.trim();
    if (fromEnv) {
      if (!REGION.test(fromEnv)) {
        throw fail('region', `not given, and ${variable} holds ${show(fromEnv)}, which is not an AWS region code; set region or ${variable} to e.g. us-east-1`);
      }
      return fromEnv;
    }
  }
  if (endpoint) return 'us-east-1';
  throw fail(
    'region',
    "is required: it is not given, function-name is not a full ARN, and neither AWS_REGION nor AWS_DEFAULT_REGION is set; set region (e.g. us-east-1) or give function-name as a full ARN",
  );
}

/** As many as ALL (128 to 3008 MB in steps of 64). */
export const MAX_POWER_VALUES = ALL_POWER_VALUES_MB.length;
const POWER_VALUES_HINT = `use memory sizes from ${MIN_MEMORY_MB} to ${MAX_MEMORY_MB} MB (e.g. 128,256,512), or ALL`;

function parsePowerValues(text: string, warnings: string[]): number[] {
  if (text.toUpperCase() === 'ALL') return [...ALL_POWER_VALUES_MB];
  const items: string[] = [];
  for (const chunk of text.split(',')) {
    const trimmed = chunk.trim();
    if (trimmed === '') {
      throw fail('power-values', `${show(text)} has an empty item (two commas in a row, or one at the start or end); ${POWER_VALUES_HINT}`);
    }
    items.push(...trimmed.split(/\s+/));
  }
  const schema = z.int().min(MIN_MEMORY_MB).max(MAX_MEMORY_MB);
  const seen = new Set<number>();
  const repeated = new Set<number>();
  for (const item of items) {
    if (item.toUpperCase() === 'ALL') throw fail('power-values', `ALL must be given alone, not in a list; ${POWER_VALUES_HINT}`);
    const memoryMb = checkNumber('power-values', item, schema, ' MB', POWER_VALUES_HINT);
    if (seen.has(memoryMb)) repeated.add(memoryMb);
    seen.add(memoryMb);
    // Each memory size costs a published version and its invocations: a list longer than ALL is a mistake.
    if (seen.size > MAX_POWER_VALUES) {
      throw fail('power-values', `has more than ${MAX_POWER_VALUES} different memory sizes (as many as ALL); test fewer, e.g. 128,256,512,1024,1536,3008`);
    }
  }
  if (repeated.size > 0) {
    const list = [...repeated].sort((a, b) => a - b);
    const shown = list.length > 10 ? `${list.slice(0, 10).join(', ')} and ${list.length - 10} more` : list.join(', ');
    warnings.push(`Input 'power-values': ${shown} ${list.length === 1 ? 'is' : 'are'} given more than once; testing each once`);
  }
  return [...seen].sort((a, b) => a - b);
}

// ---------------------------------------------------------------------------------------------------------
// Payloads

interface PayloadSource {
  input: 'payload' | 'payload-file';
  text: string;
  /** How messages refer to it. */
  what: string;
}

function readPayloadSource(inputs: Inputs, ctx: SettingsContext): PayloadSource {
  const file = inputs.given('payload-file');
  const inline = inputs.given('payload');
  if (file === '') return { input: 'payload', text: inputs.value('payload'), what: 'the payload' };
  if (inline !== '' && inline !== inputSpec('payload')?.default) {
    throw fail('payload-file', `${show(file)} conflicts with payload, which is also given; give the payload inline or in a file, not both`);
  }
  const resolved = resolvePath('payload-file', file, ctx, 'read');
  let text: string;
  try {
    text = ctx.readFile(resolved, MAX_PAYLOAD_FILE_BYTES);
  } catch (error) {
    if (error instanceof FileReadProblem && error.code === 'ETOOBIG') {
      throw fail('payload-file', `${show(file)} cannot be the event: ${error.message} (Lambda's limit for a synchronous invocation); use a smaller event`);
    }
    throw fail('payload-file', `cannot read ${show(file)} (${readProblem(error)}, resolved to ${resolved}); give a readable file inside the workspace`);
  }
  if (text.trim() === '') throw fail('payload-file', `${show(file)} is empty; put the JSON event in it, e.g. {}`);
  return { input: 'payload-file', text, what: `the file ${show(file)}` };
}

function readProblem(error: unknown): string {
  const errorCode = (error as { code?: unknown } | null)?.code;
  if (errorCode === 'ENOENT') return 'no such file';
  if (errorCode === 'EACCES' || errorCode === 'EPERM') return 'permission denied';
  if (errorCode === 'EISDIR') return 'it is a directory';
  if (error instanceof FileReadProblem) return error.message;
  return error instanceof Error ? error.message : String(error);
}

/**
 * The payload rules: JSON text is sent as is; text that is not JSON is sent as a JSON string; an array whose
 * every item is an object with `payload` is a set of weighted payloads. Text that looks like JSON (starts with
 * {, [ or ") must be valid JSON, since a typo there should not silently become a string payload.
 */
export function parsePayloadText(input: string, text: string, what = 'the payload'): WeightedPayload[] {
  const trimmed = text.trim();
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch (error) {
    if (/^[[{"]/.test(trimmed)) {
      throw fail(input, `${what} is not valid JSON (${jsonProblem(error, trimmed)}); fix the JSON, or give a plain string that does not start with {, [ or "`);
    }
    return [checkPayloadSize(input, JSON.stringify(trimmed), what)];
  }
  if (isWeightedPayloadList(parsed)) return parseWeightedPayloads(input, parsed, what);
  return [checkPayloadSize(input, trimmed, what)];
}

/** Power Tuning's rule: every item an object with a `payload` key. Arrays of other objects are plain payloads. */
function isWeightedPayloadList(value: unknown): value is Record<string, unknown>[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((item) => typeof item === 'object' && item !== null && !Array.isArray(item) && Object.hasOwn(item, 'payload'))
  );
}

const weightedItemSchema = z.looseObject({ payload: z.unknown(), weight: z.number().positive() });
const WEIGHT_HINT = 'give every item a positive number weight, e.g. [{"payload": {"id": 1}, "weight": 3}, {"payload": {"id": 2}, "weight": 1}]';

function parseWeightedPayloads(input: string, items: Record<string, unknown>[], what: string): WeightedPayload[] {
  return items.map((item, index) => {
    const result = weightedItemSchema.safeParse(item);
    if (!result.success) {
      const weight = item['weight'];
      const problem =
        weight === undefined
          ? 'has no weight'
          : typeof weight !== 'number'
            ? `has weight ${JSON.stringify(weight)}, which is not a number`
            : `has weight ${weight}, which is not positive`;
      throw fail(input, `item ${index + 1} of the weighted payloads in ${what} ${problem}; ${WEIGHT_HINT}`);
    }
    const payload = item['payload'];
    // As Power Tuning does: a string that is JSON text is sent as is, anything else is serialised.
    const bytes = typeof payload === 'string' && isJsonText(payload) ? payload : JSON.stringify(payload);
    return { ...checkPayloadSize(input, bytes, `item ${index + 1} of ${what}`), weight: result.data.weight };
  });
}

function isJsonText(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function checkPayloadSize(input: string, payload: string, what: string): WeightedPayload {
  const bytes = Buffer.byteLength(payload, 'utf8');
  if (bytes >= MAX_PAYLOAD_BYTES) {
    throw fail(
      input,
      `${what} is ${bytes} bytes; Lambda takes a synchronous invocation's payload only when it is smaller than ${MAX_PAYLOAD_BYTES} bytes (6 MB): use a smaller event`,
    );
  }
  return { payload, weight: 1 };
}

/** V8's message without the excerpt of the text it sometimes quotes (payloads may hold secrets), plus line and column. */
function jsonProblem(error: unknown, text: string): string {
  const message = error instanceof Error ? error.message : String(error);
  let reason = message
    .replace(/,\s*".*" is not valid JSON$/s, '')
    .replace(/\s*in JSON at position \d+.*$/s, '')
    .replace(/^SyntaxError:\s*/, '');
  const position = /at position (\d+)/.exec(message)?.[1];
  if (position !== undefined) {
    const before = text.slice(0, Number(position));
    const line = before.split('\n').length;
    const column = Number(position) - before.lastIndexOf('\n');
    reason += ` at line ${line}, column ${column}`;
  }
  return oneLine(reason);
}

/** Checked here, with the tuner's own split (tuning/plan.ts), so the tuner cannot fail on it later. */
function checkWeightedSplit(payloads: WeightedPayload[], invocations: number, payloadInput: string): void {
  if (payloads.length <= 1) return;
  const needed = minimumInvocationsForWeights(payloads.map((payload) => payload.weight));
  if (invocations >= needed) return;
  throw fail(
    'invocations',
    `${invocations} cannot give each of the ${payloads.length} weighted payloads in ${payloadInput} at least one invocation (each but the last gets floor(weight × invocations ÷ total weight), the last the rest); set invocations to ${needed} or more, or raise the small weights in ${payloadInput}`,
  );
}

// ---------------------------------------------------------------------------------------------------------
// Function names and ARNs

const FUNCTION_NAME = /^[A-Za-z0-9_-]+$/;
const QUALIFIER = /^(?:\$LATEST|[A-Za-z0-9_-]+)$/;
const ACCOUNT_ID = /^\d{12}$/;
const PARTITION = /^aws(?:-[a-z]+)*$/;
const MAX_FUNCTION_NAME_LENGTH = 64;
const MAX_QUALIFIER_LENGTH = 128;
const ARN_SHAPE = 'arn:aws:lambda:<region>:<12-digit account>:function:<name>[:<alias or version>]';
const NAME_HINT = 'give a function name (e.g. my-function), optionally with :alias or :version, or its ARN';

/** Function name forms: my-fn, my-fn:alias, my-fn:7, 123456789012:function:my-fn[:q], arn:<partition>:lambda:<region>:<account>:function:my-fn[:q]. */
export function parseFunctionName(value: string): ParsedFunctionName {
  return parseFunctionNameAs('function-name', value, true);
}

function parseFunctionNameAs(input: string, value: string, required: boolean): ParsedFunctionName {
  const text = value.trim();
  if (text === '') {
    throw fail(input, `is ${required ? 'required' : 'empty'}; ${NAME_HINT}, e.g. arn:aws:lambda:us-east-1:123456789012:function:my-function`);
  }
  const parts = text.split(':');
  if (parts[0] === 'arn') return parseFullArn(input, text, parts);
  if (parts.length >= 3 && parts[1] === 'function') {
    const [accountId = '', , name = '', qualifier, ...extra] = parts;
    if (!ACCOUNT_ID.test(accountId)) {
      throw fail(input, `${show(text)} has account ${show(accountId)}, which is not 12 digits; use <12-digit account>:function:<name>, or the name alone`);
    }
    checkFunctionName(input, text, name);
    checkQualifier(input, text, qualifier, extra);
    return omitUndefined({ functionName: `${accountId}:function:${name}`, name, qualifier, accountId });
  }
  const [name = '', qualifier, ...extra] = parts;
  checkFunctionName(input, text, name);
  checkQualifier(input, text, qualifier, extra);
  return omitUndefined({ functionName: name, name, qualifier });
}

function parseFullArn(input: string, text: string, parts: string[]): ParsedFunctionName {
  const [, partition = '', service = '', region = '', accountId = '', resource = '', name = '', qualifier, ...extra] = parts;
  const malformed = (problem: string) => fail(input, `${show(text)} ${problem}; a Lambda function ARN looks like ${ARN_SHAPE}`);
  if (!PARTITION.test(partition)) throw malformed(`has partition ${show(partition)}, not aws, aws-cn or aws-us-gov`);
  if (service !== 'lambda') throw malformed(`is ${service === '' ? 'missing the service' : `an ARN of service ${show(service)}`}, not of lambda`);
  if (parts.length < 7) throw malformed('is not a complete ARN');
  if (!REGION.test(region)) throw malformed(region === '' ? 'has no region' : `has region ${show(region)}, which is not a region code`);
  if (partition === 'aws-cn' && !region.startsWith('cn-')) throw malformed(`has region ${region}, which is not in partition aws-cn`);
  if (partition === 'aws-us-gov' && !region.startsWith('us-gov-')) throw malformed(`has region ${region}, which is not in partition aws-us-gov`);
  if (partition === 'aws' && (region.startsWith('cn-') || region.startsWith('us-gov-'))) {
    throw malformed(`has region ${region} in partition aws (use ${region.startsWith('cn-') ? 'aws-cn' : 'aws-us-gov'})`);
  }
  if (!ACCOUNT_ID.test(accountId)) throw malformed(`has account ${show(accountId)}, which is not 12 digits`);
  if (resource !== 'function') throw malformed(`is a ${show(resource)} ARN, not a function ARN`);
  checkFunctionName(input, text, name);
  checkQualifier(input, text, qualifier, extra);
  return omitUndefined({
    functionName: `arn:${partition}:lambda:${region}:${accountId}:function:${name}`,
    name,
    qualifier,
    region,
    accountId,
    partition,
  });
}

function checkFunctionName(input: string, text: string, name: string): void {
  if (name === '') throw fail(input, `${show(text)} has an empty function name; ${NAME_HINT}`);
  if (!FUNCTION_NAME.test(name)) {
    const within = text === name ? '' : ` in ${show(text)}`;
    throw fail(input, `the function name ${show(name)}${within} has characters other than letters, digits, hyphens and underscores; ${NAME_HINT}`);
  }
  if (name.length > MAX_FUNCTION_NAME_LENGTH) {
    throw fail(input, `the function name is ${name.length} characters, above Lambda's limit of ${MAX_FUNCTION_NAME_LENGTH}; check the name`);
  }
}

function checkQualifier(input: string, text: string, qualifier: string | undefined, extra: string[]): void {
  if (extra.length > 0) throw fail(input, `${show(text)} has too many ':' parts; ${NAME_HINT}`);
  if (qualifier === undefined) return;
  if (qualifier === '') throw fail(input, `${show(text)} ends with ':' but has no alias or version after it; remove the ':' or add the qualifier`);
  if (!QUALIFIER.test(qualifier) || qualifier.length > MAX_QUALIFIER_LENGTH) {
    throw fail(input, `${show(text)} has qualifier ${show(qualifier)}, which is not a version ($LATEST or a number) or an alias (letters, digits, - and _, up to ${MAX_QUALIFIER_LENGTH})`);
  }
}

function checkAliasName(input: string, alias: string): string {
  if (!/^[A-Za-z0-9_-]+$/.test(alias) || /^\d+$/.test(alias) || alias.length > MAX_QUALIFIER_LENGTH) {
    throw fail(input, `${show(alias)} is not an alias name; use letters, digits, - and _ (not only digits, up to ${MAX_QUALIFIER_LENGTH}), e.g. live`);
  }
  return alias;
}

// ---------------------------------------------------------------------------------------------------------
// Gate

function parseGate(inputs: Inputs, ctx: SettingsContext, tuning: TuningSettings, warnings: string[]): GateSettings {
  const baselines = BASELINE_INPUTS.filter(([name]) => inputs.isGiven(name));
  const [first, second] = baselines;
  if (first && second) {
    throw fail(second[0], `conflicts with ${first[0]}; give at most one of baseline-file, baseline-branch and baseline-function`);
  }
  const baselineSource: BaselineSource = first?.[1] ?? 'none';
  const baselineFile = inputs.isGiven('baseline-file') ? resolvePath('baseline-file', inputs.given('baseline-file'), ctx, 'read') : undefined;
  const baselineBranch = inputs.isGiven('baseline-branch') ? checkDataBranchName(inputs.given('baseline-branch')) : undefined;
  const baselineFunction = inputs.isGiven('baseline-function') ? inputs.given('baseline-function') : undefined;
  if (baselineFunction !== undefined) {
    const base = parseFunctionNameAs('baseline-function', baselineFunction, false);
    // Tuning always measures fresh versions of $LATEST, so a qualifier cannot pick other code, and the same
    // function on both sides would compare the PR with itself and always pass.
    if (base.qualifier !== undefined) {
      throw fail('baseline-function', `${show(baselineFunction)} has a qualifier (:${base.qualifier}), but tuning measures $LATEST; name the base branch's own deployment, e.g. orders-api-staging`);
    }
    if (base.name === parseFunctionName(tuning.functionName).name && (base.accountId ?? '') === (parseFunctionName(tuning.functionName).accountId ?? '')) {
      throw fail('baseline-function', `${show(baselineFunction)} is function-name itself; give the base branch's own deployment (e.g. the staging stack) so the PR is compared with something else`);
    }
  }

  const key = inputs.isGiven('key') ? checkKey(inputs.given('key')) : parseFunctionName(tuning.functionName).name;
  const historyLimit = checkNumber('history-limit', inputs.value('history-limit'), z.int().min(1).max(10000), '', 'use a whole number of runs from 1 to 10000');

  const maxCostIncreasePct = parsePercent(inputs, 'max-cost-increase');
  const maxDurationIncreasePct = parsePercent(inputs, 'max-duration-increase');
  const warnCostIncreasePct = warnLevel(inputs, 'warn-cost-increase', 'max-cost-increase', maxCostIncreasePct);
  const warnDurationIncreasePct = warnLevel(inputs, 'warn-duration-increase', 'max-duration-increase', maxDurationIncreasePct);

  const maxCostPerInvocationUsd = optionalNumber(inputs, 'max-cost-per-invocation', z.number().positive(), withoutDollar, ' USD', 'use a cost per invocation in USD above 0, e.g. 0.0000025');
  const maxDurationMs = optionalNumber(inputs, 'max-duration-ms', z.number().positive(), withoutMs, ' ms', 'use a duration in milliseconds above 0, e.g. 300');
  const maxDurationStatistic = parseEnum('max-duration-statistic', inputs.value('max-duration-statistic'), DURATION_STATISTICS, 'a duration statistic');
  const maxMonthlyCostIncreaseUsd = optionalNumber(inputs, 'max-monthly-cost-increase', z.number().min(0), withoutDollar, ' USD', 'use an amount in USD, 0 or more, e.g. 50');

  const confidence = checkNumber('confidence', inputs.value('confidence'), z.number().gt(0.5).max(0.999), '', 'use a fraction above 0.5 and at most 0.999, e.g. 0.95 for 95%');
  const minSamples = checkNumber('min-samples', inputs.value('min-samples'), z.int().min(2), '', 'use a whole number of samples, 2 or more');
  // Each memory size's first invocation is the cold start tuning causes and is left out of the warm figures.
  const warmSamples = tuning.onlyColdStarts ? tuning.invocationsPerValue : tuning.invocationsPerValue - 1;
  const maxInvocations = checkNumber('gate-max-invocations', inputs.value('gate-max-invocations'), z.int().min(0).max(10000), '', 'use a whole number of invocations per function from 0 (off) to 10000');
  // A live baseline's sequential sampling tops a comparison up to min-samples itself (gate/sequential.ts).
  const topsUp = baselineSource === 'function' && maxInvocations - 1 >= minSamples;
  if (baselineSource !== 'none' && minSamples > warmSamples && !topsUp) {
    warnings.push(
      `Input 'min-samples': ${minSamples} is above the ${warmSamples} warm samples that invocations (${tuning.invocationsPerValue}) gives each memory size, so no change can be called significant; raise invocations or lower min-samples`,
    );
  }
  const floorText = inputs.value('min-duration-change-ms');
  const minDurationChangeMs = checkNumber('min-duration-change-ms', withoutMs(floorText), z.number().min(0).max(900_000), ' ms', 'use a duration in milliseconds, 0 (no floor) or more, e.g. 1', floorText);
  if (baselineSource === 'function') checkGateEvidence(maxInvocations, confidence, tuning, warnings);
  const failOnRegression = inputs.boolean('fail-on-regression');

  return omitUndefined({
    baselineSource,
    baselineFile,
    baselineBranch,
    baselineFunction,
    key,
    historyLimit,
    maxCostIncreasePct,
    maxDurationIncreasePct,
    warnCostIncreasePct,
    warnDurationIncreasePct,
    maxCostPerInvocationUsd,
    maxDurationMs,
    maxDurationStatistic,
    maxMonthlyCostIncreaseUsd,
    confidence,
    minSamples,
    minDurationChangeMs,
    maxInvocations,
    failOnRegression,
  });
}

/**
 * A live gate fails a comparison only over minFailEnvironments pairs of execution environments (gate/looks.ts).
 * A cap with no room for one block is a mistake (the extra sampling it asks for can never run); a cap with room
 * for fewer than needed is allowed, and said: its regressions can only warn.
 */
function checkGateEvidence(maxInvocations: number, confidence: number, tuning: TuningSettings, warnings: string[]): void {
  if (tuning.onlyColdStarts) return;
  const planned = tuning.invocationsPerValue;
  const needed = invocationsForFail(planned, confidence);
  const environments = minFailEnvironments(confidence);
  if (maxInvocations > 0 && maxInvocations < planned + BLOCK_INVOCATIONS) {
    throw fail(
      'gate-max-invocations',
      `${maxInvocations} leaves no room for one more execution environment (${BLOCK_INVOCATIONS} invocations) after the ${planned} planned; set it to at least ${needed} so a regression can fail, or 0 to turn the extra sampling off`,
    );
  }
  const schedule = environmentSchedule(maxInvocations, planned);
  if ((schedule[schedule.length - 1] ?? 1) < environments) {
    warnings.push(
      `Input 'gate-max-invocations': ${maxInvocations === 0 ? 'with 0 (off)' : `at ${maxInvocations}`} each function is measured in fewer than the ${environments} execution environments a fail needs at confidence ${confidence}, so a regression can only warn; set it to at least ${needed} for the gate to fail`,
    );
  }
}

const OFF_WORDS = new Set(['off', 'none']);

/** "5" or "5%"; "off" disables the check. */
function parsePercent(inputs: Inputs, name: string): number | undefined {
  const text = inputs.value(name);
  if (text === '' || OFF_WORDS.has(text.toLowerCase())) return undefined;
  return checkNumber(name, text.replace(/\s*%$/, ''), z.number().min(0), '%', 'use a percentage, 0 or more, such as 5 or 5%, or off', text);
}

function warnLevel(inputs: Inputs, name: string, maxName: string, maxPct: number | undefined): number | undefined {
  if (!inputs.isGiven(name)) return maxPct === undefined ? undefined : maxPct / 2;
  const warnPct = parsePercent(inputs, name);
  if (warnPct !== undefined && maxPct !== undefined && warnPct > maxPct) {
    throw fail(name, `${warnPct}% is above ${maxName} (${maxPct}%), and a warning level must not exceed the failure level; lower ${name} or raise ${maxName}`);
  }
  return warnPct;
}

function optionalNumber(
  inputs: Inputs,
  name: string,
  schema: z.ZodNumber,
  normalise: (text: string) => string,
  unit: string,
  allowed: string,
): number | undefined {
  const text = inputs.value(name);
  return text === '' ? undefined : checkNumber(name, normalise(text), schema, unit, allowed, text);
}

const withoutDollar = (text: string): string => text.replace(/^\$\s*/, '');
const withoutMs = (text: string): string => text.replace(/\s*ms$/i, '');

/** Git's ref-name rules, the ones a typo can break. */
function checkBranchName(input: string, branch: string): string {
  const broken =
    /[\s~^:?*[\\]/.test(branch) ||
    [...branch].some((char) => char.charCodeAt(0) < 0x20 || char === '\u007f') ||
    branch.includes('..') ||
    branch.includes('@{') ||
    branch.includes('//') ||
    branch.startsWith('-') ||
    branch.startsWith('/') ||
    branch.endsWith('/') ||
    branch.endsWith('.') ||
    branch.endsWith('.lock') ||
    branch === '@';
  if (broken) {
    throw fail(input, `${show(branch)} is not a valid git branch name (no spaces, ~ ^ : ? * [ \\, "..", or a leading - or /); use e.g. lambda-power-gate-data`);
  }
  return branch;
}

const DATA_BRANCH_HINT = 'name a branch used only for results, e.g. lambda-power-gate-data';

/**
 * The data branch is written through the Git data API by name: "refs/heads/main" or "heads/main" would create a
 * branch with that literal name next to main, and HEAD is not a branch. Given as a plain branch name only.
 */
function checkDataBranchName(branch: string): string {
  checkBranchName('baseline-branch', branch);
  if (/^(?:refs|heads|tags|remotes)\//i.test(branch) || /^head$/i.test(branch)) {
    throw fail('baseline-branch', `${show(branch)} is written as a ref, not a branch name; give the plain name and ${DATA_BRANCH_HINT}`);
  }
  return branch;
}

/** The branches a workflow run works on, from the event: none of them may be the data branch. */
export interface WorkingBranches {
  defaultBranch?: string;
  /** A pull request's base and head branch names. */
  baseRef?: string;
  headRef?: string;
  /** The branch a push or a dispatch runs on (`refs/heads/<name>` → name). */
  currentBranch?: string;
}

/**
 * Refuses a data branch that is a working branch: every run commits results.json files onto it and drops old
 * ones, which on the default branch (or a pull request's branch) would mix them into the project's own history.
 */
export function checkDataBranchNotWorking(branch: string | undefined, working: WorkingBranches): void {
  if (branch === undefined) return;
  const roles: [string | undefined, string][] = [
    [working.defaultBranch, "the repository's default branch"],
    [working.baseRef, "the pull request's base branch"],
    [working.headRef, "the pull request's head branch"],
    [working.currentBranch, 'the branch this workflow runs on'],
  ];
  const role = roles.find(([name]) => name !== undefined && name === branch)?.[1];
  if (role) {
    throw fail('baseline-branch', `${show(branch)} is ${role}; every run commits results onto the data branch, so ${DATA_BRANCH_HINT}`);
  }
}

/** The key names a file on the data branch, so it is kept to one safe path segment. */
function checkKey(key: string): string {
  if (!/^[A-Za-z0-9._-]{1,128}$/.test(key) || key === '.' || key === '..') {
    throw fail('key', `${show(key)} is not a usable key; use letters, digits, '.', '-' and '_' (up to 128, no '/'), e.g. orders-api`);
  }
  return key;
}

// ---------------------------------------------------------------------------------------------------------
// Report

function parseReport(inputs: Inputs, ctx: SettingsContext): ReportSettings {
  const mode = parseEnum('mode', inputs.value('mode'), MODES, 'a mode');
  const commentMode = parseEnum('comment-mode', inputs.value('comment-mode'), COMMENT_MODES, 'a comment mode');
  const githubToken = inputs.given('github-token') || ctx.env['GITHUB_TOKEN']?.trim() || undefined;
  const summary = inputs.boolean('job-summary');
  if (mode === 'comment-only' && !inputs.isGiven('results-file')) {
    throw fail('results-file', 'is required with mode comment-only; set it to the results.json the measuring workflow uploaded');
  }
  if (mode === 'tune' && inputs.isGiven('results-file')) {
    throw fail('results-file', 'is only used with mode comment-only; remove it, or set mode: comment-only');
  }
  const resultsFile = inputs.isGiven('results-file') ? resolvePath('results-file', inputs.given('results-file'), ctx, 'read') : undefined;
  const pullText = inputs.given('pull-request');
  let pullRequest: number | undefined;
  if (pullText !== '') {
    if (!/^[1-9][0-9]{0,9}$/.test(pullText)) throw fail('pull-request', `${show(pullText)} is not a pull request number; use a positive whole number such as 42`);
    pullRequest = Number(pullText);
  }
  return omitUndefined({ mode, resultsFile, pullRequest, commentMode, githubToken, summary });
}

// ---------------------------------------------------------------------------------------------------------
// Value parsers shared by the sections

const TRUE_WORDS = new Set(['true', 'yes', '1']);
const FALSE_WORDS = new Set(['false', 'no', '0']);

export function parseBoolean(input: string, text: string): boolean {
  const word = text.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  throw fail(input, `${show(text)} is not a boolean; use true or false (yes/no and 1/0 also work, in any letter case)`);
}

function parseEnum<const T extends string>(input: string, text: string, options: readonly [T, ...T[]], what: string): T {
  const result = z.enum(options).safeParse(text.trim().toLowerCase());
  if (result.success) return result.data;
  const suggestion = closestMatch(text.toLowerCase(), options);
  throw fail(input, `${show(text)} is not ${what}; use one of ${options.join(', ')}${suggestion ? ` (did you mean ${suggestion}?)` : ''}`);
}

function parsePercentileLimit(text: string): PercentileLimit {
  const hint = 'write p<percentile><=<milliseconds>, e.g. p95<=300 for a p95 duration of at most 300 ms';
  const match = /^p(\d+(?:\.\d+)?)(?:<=|≤)(\d+(?:\.\d+)?)(?:ms)?$/i.exec(text.replace(/\s+/g, ''));
  if (!match) throw fail('percentile-limit', `${show(text)} is not a percentile limit; ${hint}`);
  const percentile = Number(match[1]);
  const maxDurationMs = Number(match[2]);
  if (!(percentile > 0 && percentile < 100)) {
    throw fail('percentile-limit', `${show(text)} has percentile ${percentile}, which is not between 0 and 100 (exclusive); ${hint}`);
  }
  if (!(maxDurationMs > 0)) throw fail('percentile-limit', `${show(text)} has a limit of ${maxDurationMs} ms, which is not above 0; ${hint}`);
  return { percentile, maxDurationMs };
}

/** A number outside [min, max] is used clamped, with a warning (as Power Tuning clamps). */
function clamped(input: string, text: string, min: number, max: number, warnings: string[], meaning: string): number {
  const value = checkNumber(input, text, z.number(), '', `use a number from ${min} to ${max} (${meaning})`);
  if (value >= min && value <= max) return value;
  const used = Math.min(max, Math.max(min, value));
  warnings.push(`Input '${input}': ${value} is outside ${min} to ${max}; using ${used} (${meaning})`);
  return used;
}

/** An absolute path inside the workspace (symlinks followed) that names a regular file, or none yet for 'write'. */
function resolvePath(input: string, text: string, ctx: SettingsContext, purpose: PathPurpose): string {
  try {
    return confinePath(text, ctx.env['GITHUB_WORKSPACE'] || ctx.cwd, purpose, ctx.pathFileSystem);
  } catch (error) {
    if (error instanceof PathProblem) throw fail(input, error.message);
    throw fail(input, `cannot be checked (${readProblem(error)}); give a file path inside the workspace`);
  }
}

/** "1,000,000" and "1_000_000" read as 1000000. */
function withoutDigitGrouping(text: string): string {
  return /^\d{1,3}(?:[,_]\d{3})+$/.test(text) ? text.replace(/[,_]/g, '') : text;
}

const NUMBER_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/** Parses the text strictly (no "12abc", no hex) and validates it with a zod schema, as one line. */
function checkNumber(input: string, text: string, schema: z.ZodNumber, unit: string, allowed: string, given = text): number {
  // Number('1e3') and Number('2.0') are whole numbers, but an integer input written that way is likely a slip.
  if (schema.isInt && NUMBER_TEXT.test(text) && !/^[+-]?\d+$/.test(text) && Number.isInteger(Number(text))) {
    throw fail(input, `${show(given)} is not a whole number written in digits (no decimal point or exponent); ${allowed}`);
  }
  const result = schema.safeParse(NUMBER_TEXT.test(text) ? Number(text) : Number.NaN);
  if (result.success) return result.data;
  throw fail(input, `${show(given)} ${describeIssue(result.error.issues[0], unit)}; ${allowed}`);
}

function describeIssue(issue: z.core.$ZodIssue | undefined, unit: string): string {
  switch (issue?.code) {
    case 'too_small':
      return issue.inclusive ? `is below ${issue.minimum}${unit}` : `is not above ${issue.minimum}${unit}`;
    case 'too_big':
      // z.int() caps at Number.MAX_SAFE_INTEGER before the schema's own maximum is checked.
      if (issue.maximum === Number.MAX_SAFE_INTEGER) return 'is too large';
      return issue.inclusive ? `is above ${issue.maximum}${unit}` : `is not below ${issue.maximum}${unit}`;
    case 'invalid_type':
      return issue.expected === 'int' ? 'is not a whole number' : 'is not a number';
    default:
      return 'is not valid';
  }
}

// ---------------------------------------------------------------------------------------------------------
// Small helpers

function fail(input: string, detail: string): InputError {
  return new InputError(input, `Input '${input}': ${detail}`);
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/** Numbers as they are, anything else quoted (JSON escapes keep it on one line) and cut short. */
function show(text: string): string {
  if (NUMBER_TEXT.test(text)) return text;
  const cut = text.length > 60 ? `${text.slice(0, 57)}...` : text;
  return JSON.stringify(cut);
}

function omitUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}

/** The candidate nearest to word by edit distance, when it is near enough to be a likely typo. */
export function closestMatch(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(word, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
