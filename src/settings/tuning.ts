// The tuning section: which function, where, which memory sizes, how many invocations with which payloads, and
// how the recommendation is chosen. Combinations that cannot work are refused here, before any AWS call.

import * as z from 'zod';
import { ARTEFACT_NAMES } from '../lib/paths.js';
import { ALL_POWER_VALUES_MB, MAX_MEMORY_MB, MIN_MEMORY_MB } from '../tuning/plan.js';
import type { Architecture, PercentileLimit, SamplingMode, Strategy, TuningSettings } from '../types.js';
import { checkAliasName, parseFunctionNameAs, REGION, type ParsedFunctionName } from './function-name.js';
import {
  checkNumber,
  clamped,
  fail,
  omitUndefined,
  parseEnum,
  parseMemoryPercent,
  resolvePath,
  show,
  withoutDigitGrouping,
  type Inputs,
  type SettingsContext,
} from './parse.js';
import { inputSpec } from './inputs.js';
import { checkWeightedSplit, parsePayloadText, readPayloadSource } from './payloads.js';

export const FEW_INVOCATIONS_WARNING_BELOW = 5;

const STRATEGIES = ['cost', 'speed', 'balanced', 'percentile'] as const satisfies readonly Strategy[];
const SAMPLING_MODES = ['fixed', 'adaptive'] as const satisfies readonly SamplingMode[];
/** Below this cap a first round (a fifth, at least 5) plus one more round already reach it. */
const ADAPTIVE_USEFUL_FROM = 20;
/** `invocations` when not given: adaptive sampling's cap (bench/sampling.ts judged it at 50), fixed sampling's n. */
export const DEFAULT_INVOCATIONS_ADAPTIVE = 50;
export const DEFAULT_INVOCATIONS_FIXED = 10;
const DEFAULT_SAMPLING_CONFIDENCE_TEXT = '0.95';

/**
 * `sampling` as given, else adaptive — except where adaptive cannot work (only-cold-starts: every cold start needs a
 * version prepared in advance), where the live gate's own sequential sampling spends instead (baseline-function:
 * its false-alarm rate was measured with fixed n = 10, docs/gate.md), with both architectures, and where a small
 * `invocations` leaves it nothing to save. The inputs have no action.yml default, so "not given" is visible here.
 */
function samplingMode(inputs: Inputs): SamplingMode {
  if (inputs.isGiven('sampling')) {
    return parseEnum('sampling', inputs.given('sampling'), SAMPLING_MODES, 'a sampling mode');
  }
  if (inputs.boolean('only-cold-starts') || inputs.isGiven('baseline-function')) return 'fixed';
  // Both architectures: adaptive rounds would be decided by the function's own samples alone, and the pair's
  // 19-of-20 figure (docs/architectures.md) was measured with the same fixed plan on both.
  if (
    inputs.isGiven('compare-function') ||
    inputs
      .given('architectures')
      .split(/[\s,]+/)
      .filter(Boolean).length > 1
  )
    return 'fixed';
  const invocations = Number(withoutDigitGrouping(inputs.given('invocations')));
  if (inputs.isGiven('invocations') && Number.isFinite(invocations) && invocations < ADAPTIVE_USEFUL_FROM) {
    return 'fixed';
  }
  return 'adaptive';
}

export function parseTuning(inputs: Inputs, ctx: SettingsContext, warnings: string[]): TuningSettings {
  const fn = parseFunctionNameAs('function-name', inputs.given('function-name'), true);
  const endpoint = parseEndpoint(inputs.given('endpoint'));
  const region = resolveRegion(inputs.given('region'), fn, ctx.env, endpoint);
  const powerValuesMb = parsePowerValues(inputs.value('power-values'), warnings);

  const sampling = samplingMode(inputs);
  const invocationsText =
    inputs.given('invocations') ||
    String(sampling === 'adaptive' ? DEFAULT_INVOCATIONS_ADAPTIVE : DEFAULT_INVOCATIONS_FIXED);
  const invocationsPerValue = checkNumber(
    'invocations',
    invocationsText,
    z.int().min(1),
    '',
    `use a whole number of invocations per memory size, 1 or more (the default: ${DEFAULT_INVOCATIONS_ADAPTIVE} with sampling adaptive, ${DEFAULT_INVOCATIONS_FIXED} with fixed)`,
  );
  if (invocationsPerValue < FEW_INVOCATIONS_WARNING_BELOW) {
    warnings.push(
      `Input 'invocations': ${invocationsPerValue} ${invocationsPerValue === 1 ? 'invocation per memory size gives' : 'invocations per memory size give'} noisy statistics; ${FEW_INVOCATIONS_WARNING_BELOW} or more are recommended`,
    );
  }

  const payloadSource = readPayloadSource(inputs, ctx);
  const payloads = parsePayloadText(payloadSource.input, payloadSource.text, payloadSource.what);
  checkWeightedSplit(payloads, invocationsPerValue, payloadSource.input);

  const parallelInvocation = inputs.boolean('parallel-invocation');
  const concurrency = checkNumber(
    'concurrency',
    inputs.value('concurrency'),
    z.int().min(1).max(1000),
    '',
    'use a whole number from 1 to 1000',
  );
  const sleepBetweenRunsMs = checkNumber(
    'sleep-between-runs-ms',
    inputs.value('sleep-between-runs-ms'),
    z.int().min(0),
    ' ms',
    'use a whole number of milliseconds, 0 or more',
  );
  if (parallelInvocation && sleepBetweenRunsMs > 0) {
    throw fail(
      'sleep-between-runs-ms',
      `${sleepBetweenRunsMs} has no effect with parallel-invocation true (invocations start together); set parallel-invocation to false or leave sleep-between-runs-ms at 0`,
    );
  }

  const onlyColdStarts = inputs.boolean('only-cold-starts');
  let discardTopBottom = clamped(
    'discard-top-bottom',
    inputs.value('discard-top-bottom'),
    0,
    0.4,
    warnings,
    'a fraction: 0.2 drops the slowest and the fastest 20%',
  );
  if (onlyColdStarts && discardTopBottom !== 0) {
    if (inputs.isGiven('discard-top-bottom')) {
      warnings.push(
        `Input 'discard-top-bottom': ${discardTopBottom} is ignored with only-cold-starts true, which keeps every sample (using 0)`,
      );
    }
    discardTopBottom = 0;
  }

  const allowedExceptions = [
    ...new Set(
      inputs
        .value('allowed-exceptions')
        .split(/[\s,]+/)
        .filter((item) => item !== ''),
    ),
  ];

  const strategy = parseEnum('strategy', inputs.value('strategy'), STRATEGIES, 'a strategy');
  const balancedWeight = clamped(
    'balanced-weight',
    inputs.value('balanced-weight'),
    0,
    1,
    warnings,
    '0 optimises speed only, 1 cost only',
  );
  if (strategy !== 'balanced' && inputs.isGiven('balanced-weight')) {
    warnings.push(`Input 'balanced-weight': has no effect with strategy ${strategy}; it applies to strategy balanced`);
  }
  const percentileLimitText = inputs.given('percentile-limit');
  if (strategy === 'percentile' && percentileLimitText === '') {
    throw fail(
      'percentile-limit',
      'is required with strategy percentile; give a limit such as p95<=300 (p95 duration at most 300 ms)',
    );
  }
  if (strategy !== 'percentile' && percentileLimitText !== '') {
    throw fail(
      'percentile-limit',
      `${show(percentileLimitText)} is only used with strategy percentile, but strategy is ${strategy}; set strategy to percentile or remove percentile-limit`,
    );
  }
  const percentileLimit = percentileLimitText === '' ? undefined : parsePercentileLimit(percentileLimitText);

  if (sampling === 'adaptive' && onlyColdStarts) {
    throw fail(
      'sampling',
      'adaptive does not work with only-cold-starts true (every cold start needs a version prepared in advance); set sampling to fixed or only-cold-starts to false',
    );
  }
  const samplingConfidence = checkNumber(
    'sampling-confidence',
    inputs.given('sampling-confidence') || DEFAULT_SAMPLING_CONFIDENCE_TEXT,
    z.number().gt(0.5).max(0.999),
    '',
    'use a fraction above 0.5 and at most 0.999, e.g. 0.95 for 95%',
  );
  if (sampling !== 'adaptive' && inputs.isGiven('sampling-confidence')) {
    warnings.push(
      `Input 'sampling-confidence': has no effect with sampling ${sampling}; it applies to sampling adaptive`,
    );
  }
  if (sampling === 'adaptive' && invocationsPerValue < ADAPTIVE_USEFUL_FROM) {
    warnings.push(
      `Input 'invocations': ${invocationsPerValue} leaves adaptive sampling little to save (it is the most any memory size gets); ${ADAPTIVE_USEFUL_FROM} or more, e.g. 50, lets it stop early where the answer is clear`,
    );
  }

  const autoOptimize = inputs.boolean('auto-optimize');
  const autoOptimizeAliasText = inputs.given('auto-optimize-alias');
  if (autoOptimizeAliasText !== '' && !autoOptimize) {
    throw fail(
      'auto-optimize-alias',
      `${show(autoOptimizeAliasText)} is only used with auto-optimize true; set auto-optimize to true or remove auto-optimize-alias`,
    );
  }
  const autoOptimizeAlias =
    autoOptimizeAliasText === '' ? undefined : checkAliasName('auto-optimize-alias', autoOptimizeAliasText);
  const dryRun = inputs.boolean('dry-run');
  if (dryRun && autoOptimize) {
    warnings.push("Input 'auto-optimize': has no effect with dry-run true, which changes nothing");
  }

  const logPayloads = inputs.boolean('log-payloads');
  const resultsPath = resolvePath('results-path', inputs.value('results-path'), ctx, 'write');
  const clash = ARTEFACT_NAMES.find((name) => resultsPath.endsWith(`/${name}`) || resultsPath.endsWith(`\\${name}`));
  if (clash)
    throw fail(
      'results-path',
      `${show(inputs.value('results-path'))} is the name of the ${clash} the run writes next to results.json; use another file name, e.g. results.json`,
    );
  const timeoutMinutes = checkNumber(
    'timeout-minutes',
    inputs.value('timeout-minutes'),
    z.int().min(1).max(350),
    ' minutes',
    'use a whole number of minutes from 1 to 350',
  );
  const monthlyInvocationsText = inputs.value('monthly-invocations');
  // auto: the default stands until resolveUsage (src/usage/) replaces it with CloudWatch's figure, so a run whose
  // read fails still projects with the documented default.
  const monthlyInvocationsAuto = monthlyInvocationsText.trim().toLowerCase() === 'auto';
  const monthlyInvocations = monthlyInvocationsAuto
    ? DEFAULT_MONTHLY_INVOCATIONS
    : checkNumber(
        'monthly-invocations',
        withoutDigitGrouping(monthlyInvocationsText),
        z.int().min(0),
        '',
        'use a whole number of invocations per month, 0 or more, e.g. 1000000, or auto (the last 30 days of usage-function in CloudWatch)',
        monthlyInvocationsText,
      );
  const usageFunctionText = inputs.given('usage-function');
  const usageFunction = usageFunctionText === '' ? undefined : parseUsageFunction(usageFunctionText);
  // cold-start-rate comes with the INIT cost work; read only where the table has it.
  const coldStartRateAuto =
    inputSpec('cold-start-rate') !== undefined && /^auto$/i.test(inputs.given('cold-start-rate'));
  if (usageFunction !== undefined && !monthlyInvocationsAuto && !coldStartRateAuto) {
    warnings.push(
      "Input 'usage-function': has no effect without monthly-invocations auto or cold-start-rate auto, which read its traffic",
    );
  }

  const coldStartRate = parseColdStartRate(inputs.value('cold-start-rate'));
  const { architectures, compareFunction } = parseArchitectures(inputs, fn.functionName);

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
    monthlyInvocationsAuto: monthlyInvocationsAuto ? true : undefined,
    usageFunction,
    coldStartRate,
    // Absent means fixed: results and settings from before adaptive sampling read the same.
    sampling: sampling === 'adaptive' ? sampling : undefined,
    samplingConfidence: sampling === 'adaptive' ? samplingConfidence : undefined,
    maxMemoryUsedPct: parseMemoryPercent(inputs, 'max-memory-used-percent'),
    architectures,
    compareFunction,
  });
}

const ARCHITECTURES = ['x86_64', 'arm64'] as const satisfies readonly Architecture[];

/**
 * architectures and compare-function: which architectures to tune and the deployment of the other one. Both
 * architectures without compare-function: the run makes a copy of the function on the other one.
 */
export function parseArchitectures(
  inputs: Inputs,
  functionName: string,
): { architectures?: Architecture[]; compareFunction?: string } {
  const text = inputs.given('architectures').trim();
  const listed: Architecture[] = [];
  for (const item of text === '' ? [] : text.split(/[\s,]+/).filter(Boolean)) {
    const architecture = parseEnum('architectures', item, ARCHITECTURES, 'an architecture');
    if (listed.includes(architecture))
      throw fail('architectures', `lists ${architecture} twice; use x86_64,arm64 for both, or one of them`);
    listed.push(architecture);
  }
  const compareText = inputs.given('compare-function').trim();
  const compareFunction = compareText === '' ? undefined : parseCompareFunction(compareText, functionName);
  if (compareFunction !== undefined && listed.length === 1) {
    throw fail(
      'compare-function',
      `tunes a second architecture, but architectures lists only ${listed[0]}; set architectures to x86_64,arm64 or leave it empty`,
    );
  }
  // Both without compare-function: the run makes a copy on the other architecture (gate/arch-run.ts).
  if (compareFunction !== undefined) return { architectures: [...ARCHITECTURES], compareFunction };
  if (listed.length === 2) return { architectures: [...ARCHITECTURES] };
  return listed.length === 1 ? { architectures: listed } : {};
}

function parseCompareFunction(text: string, functionName: string): string {
  const parsed = parseFunctionNameAs('compare-function', text, false);
  if (parsed.qualifier !== undefined) {
    throw fail(
      'compare-function',
      `${show(text)} has a qualifier (:${parsed.qualifier}), but tuning measures new versions of $LATEST; give the name alone, e.g. ${parsed.name}`,
    );
  }
  if (parsed.functionName === functionName || parsed.name === functionName) {
    throw fail(
      'compare-function',
      `${show(text)} is function-name itself; name the deployment built for the other architecture`,
    );
  }
  return parsed.functionName;
}

/** monthly-invocations' documented default, used until auto resolves and when it cannot. */
export const DEFAULT_MONTHLY_INVOCATIONS = 1_000_000;

function parseUsageFunction(text: string): string {
  const parsed = parseFunctionNameAs('usage-function', text, false);
  if (parsed.qualifier !== undefined) {
    throw fail(
      'usage-function',
      `${show(text)} has a qualifier (:${parsed.qualifier}), but CloudWatch counts a function's invocations across all its versions and aliases; give the name alone, e.g. ${parsed.name}`,
    );
  }
  return parsed.functionName;
}

/**
 * "1", "1%" or "0.5 %": a percent of invocations, 0 to 100, as a fraction (0.01); or auto, resolved before tuning
 * from the production function's logs. Written as a percent like every other percent input (max-cost-increase).
 */
export function parseColdStartRate(text: string): number | 'auto' {
  if (text.trim().toLowerCase() === 'auto') return 'auto';
  const percent = checkNumber(
    'cold-start-rate',
    text.replace(/\s*%$/, ''),
    z.number().min(0).max(100),
    '%',
    'use a percent of invocations from 0 to 100, such as 1 or 1% (the default), or auto',
    text,
  );
  return percent / 100;
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
    throw fail(
      'endpoint',
      `${show(text)} is not an http(s) URL; use e.g. http://127.0.0.1:9001 for the local emulator, or leave it empty for AWS`,
    );
  }
  return text;
}

const REGION_HINT = 'use a region code such as us-east-1 or eu-west-1';

function resolveRegion(
  given: string,
  fn: ParsedFunctionName,
  env: SettingsContext['env'],
  endpoint: string | undefined,
): string {
  if (given !== '') {
    if (!REGION.test(given)) throw fail('region', `${show(given)} is not an AWS region code; ${REGION_HINT}`);
    if (fn.region && fn.region !== given) {
      throw fail(
        'region',
        `${given} differs from the region in function-name's ARN (${fn.region}); leave region empty or set it to ${fn.region}`,
      );
    }
    return given;
  }
  if (fn.region) return fn.region;
  for (const variable of ['AWS_REGION', 'AWS_DEFAULT_REGION']) {
    const fromEnv = env[variable]?.trim();
    if (fromEnv) {
      if (!REGION.test(fromEnv)) {
        throw fail(
          'region',
          `not given, and ${variable} holds ${show(fromEnv)}, which is not an AWS region code; set region or ${variable} to e.g. us-east-1`,
        );
      }
      return fromEnv;
    }
  }
  if (endpoint) return 'us-east-1';
  throw fail(
    'region',
    'is required: it is not given, function-name is not a full ARN, and neither AWS_REGION nor AWS_DEFAULT_REGION is set; set region (e.g. us-east-1) or give function-name as a full ARN',
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
      throw fail(
        'power-values',
        `${show(text)} has an empty item (two commas in a row, or one at the start or end); ${POWER_VALUES_HINT}`,
      );
    }
    items.push(...trimmed.split(/\s+/));
  }
  const schema = z.int().min(MIN_MEMORY_MB).max(MAX_MEMORY_MB);
  const seen = new Set<number>();
  const repeated = new Set<number>();
  for (const item of items) {
    if (item.toUpperCase() === 'ALL')
      throw fail('power-values', `ALL must be given alone, not in a list; ${POWER_VALUES_HINT}`);
    const memoryMb = checkNumber('power-values', item, schema, ' MB', POWER_VALUES_HINT);
    if (seen.has(memoryMb)) repeated.add(memoryMb);
    seen.add(memoryMb);
    // Each memory size costs a published version and its invocations: a list longer than ALL is a mistake.
    if (seen.size > MAX_POWER_VALUES) {
      throw fail(
        'power-values',
        `has more than ${MAX_POWER_VALUES} different memory sizes (as many as ALL); test fewer, e.g. 128,256,512,1024,1536,3008`,
      );
    }
  }
  if (repeated.size > 0) {
    const list = [...repeated].sort((a, b) => a - b);
    const shown = list.length > 10 ? `${list.slice(0, 10).join(', ')} and ${list.length - 10} more` : list.join(', ');
    warnings.push(
      `Input 'power-values': ${shown} ${list.length === 1 ? 'is' : 'are'} given more than once; testing each once`,
    );
  }
  return [...seen].sort((a, b) => a - b);
}

function parsePercentileLimit(text: string): PercentileLimit {
  const hint = 'write p<percentile><=<milliseconds>, e.g. p95<=300 for a p95 duration of at most 300 ms';
  const match = /^p(\d+(?:\.\d+)?)(?:<=|≤)(\d+(?:\.\d+)?)(?:ms)?$/i.exec(text.replace(/\s+/g, ''));
  if (!match) throw fail('percentile-limit', `${show(text)} is not a percentile limit; ${hint}`);
  const percentile = Number(match[1]);
  const maxDurationMs = Number(match[2]);
  if (!(percentile > 0 && percentile < 100)) {
    throw fail(
      'percentile-limit',
      `${show(text)} has percentile ${percentile}, which is not between 0 and 100 (exclusive); ${hint}`,
    );
  }
  if (!(maxDurationMs > 0))
    throw fail('percentile-limit', `${show(text)} has a limit of ${maxDurationMs} ms, which is not above 0; ${hint}`);
  return { percentile, maxDurationMs };
}
