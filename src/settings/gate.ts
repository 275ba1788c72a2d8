// The gate section: which baseline to compare with, the fail and warn limits, and how much evidence a verdict
// needs. Checked against the tuning section, so a gate that could never fail is refused or said before any run.

import * as z from 'zod';
import { BLOCK_INVOCATIONS, environmentSchedule, invocationsForFail, minFailEnvironments } from '../gate/looks.js';
import type { BaselineSource, GateSettings, TuningSettings } from '../types.js';
import { checkDataBranchName, checkKey } from './branches.js';
import { DEFAULT_INVOCATIONS_FIXED } from './tuning.js';
import { parseFunctionName, parseFunctionNameAs } from './function-name.js';
import {
  checkNumber,
  fail,
  omitUndefined,
  optionalNumber,
  parseEnum,
  parseMemoryPercent,
  parsePercent,
  resolvePath,
  show,
  withoutDollar,
  withoutMs,
  type Inputs,
  type SettingsContext,
} from './parse.js';

const DURATION_STATISTICS = [
  'mean',
  'p50',
  'p90',
  'p95',
  'p99',
] as const satisfies readonly GateSettings['maxDurationStatistic'][];
/**
 * max-init-duration-increase's default with a live baseline-function (docs/gate.md, "Init Duration"). Only there
 * does each side get an Init Duration interval over environments; a stored baseline holds one cold start per memory
 * size, so the default stays off for it. 20%, not 10%: environments' Init Durations vary far more than warm
 * figures (paired log sd 0.15–0.2 in bench/gate-init.ts), so identical code rarely settles against 10% within
 * gate-max-invocations and the live gate would spend its whole cap on every PR.
 */
export const DEFAULT_LIVE_MAX_INIT_DURATION_INCREASE_PCT = 20;
/** warn-memory-used-percent's default (docs/gate.md, "Memory headroom"). */
export const DEFAULT_WARN_MEMORY_USED_PCT = 80;
const BASELINE_INPUTS = [
  ['baseline-file', 'file'],
  ['baseline-branch', 'branch'],
  ['baseline-function', 'function'],
] as const satisfies readonly (readonly [string, BaselineSource])[];

export function parseGate(
  inputs: Inputs,
  ctx: SettingsContext,
  tuning: TuningSettings,
  warnings: string[],
): GateSettings {
  const baselines = BASELINE_INPUTS.filter(([name]) => inputs.isGiven(name));
  const [first, second] = baselines;
  if (first && second) {
    throw fail(
      second[0],
      `conflicts with ${first[0]}; give at most one of baseline-file, baseline-branch and baseline-function`,
    );
  }
  const baselineSource: BaselineSource = first?.[1] ?? 'none';
  const baselineFile = inputs.isGiven('baseline-file')
    ? resolvePath('baseline-file', inputs.given('baseline-file'), ctx, 'read')
    : undefined;
  const baselineBranch = inputs.isGiven('baseline-branch')
    ? checkDataBranchName(inputs.given('baseline-branch'))
    : undefined;
  const baselineFunction = inputs.isGiven('baseline-function') ? inputs.given('baseline-function') : undefined;
  const { dashboard, dashboardBranch } = parseDashboard(inputs, baselineBranch);
  if (baselineFunction !== undefined) {
    const base = parseFunctionNameAs('baseline-function', baselineFunction, false);
    // Tuning always measures fresh versions of $LATEST, so a qualifier cannot pick other code, and the same
    // function on both sides would compare the PR with itself and always pass.
    if (base.qualifier !== undefined) {
      throw fail(
        'baseline-function',
        `${show(baselineFunction)} has a qualifier (:${base.qualifier}), but tuning measures $LATEST; name the base branch's own deployment, e.g. orders-api-staging`,
      );
    }
    if (
      base.name === parseFunctionName(tuning.functionName).name &&
      (base.accountId ?? '') === (parseFunctionName(tuning.functionName).accountId ?? '')
    ) {
      throw fail(
        'baseline-function',
        `${show(baselineFunction)} is function-name itself; give the base branch's own deployment (e.g. the staging stack) so the PR is compared with something else`,
      );
    }
  }

  const key = inputs.isGiven('key') ? checkKey(inputs.given('key')) : parseFunctionName(tuning.functionName).name;
  const historyLimit = checkNumber(
    'history-limit',
    inputs.value('history-limit'),
    z.int().min(1).max(10000),
    '',
    'use a whole number of runs from 1 to 10000',
  );

  // At most 12: with this run 13 commit labels on the x-axis, as many as stay readable (report/trend.ts).
  const trendText = inputs.value('trend-runs').trim().toLowerCase();
  const trendRuns =
    trendText === 'off'
      ? 0
      : checkNumber(
          'trend-runs',
          trendText,
          z.int().min(0).max(12),
          '',
          'use a whole number of runs from 1 to 12, or off',
        );

  const maxCostIncreasePct = parsePercent(inputs, 'max-cost-increase');
  const maxDurationIncreasePct = parsePercent(inputs, 'max-duration-increase');
  const warnCostIncreasePct = warnLevel(inputs, 'warn-cost-increase', 'max-cost-increase', maxCostIncreasePct);
  const warnDurationIncreasePct = warnLevel(
    inputs,
    'warn-duration-increase',
    'max-duration-increase',
    maxDurationIncreasePct,
  );

  const maxCostPerInvocationUsd = optionalNumber(
    inputs,
    'max-cost-per-invocation',
    z.number().positive(),
    withoutDollar,
    ' USD',
    'use a cost per invocation in USD above 0, e.g. 0.0000025',
  );
  const maxDurationMs = optionalNumber(
    inputs,
    'max-duration-ms',
    z.number().positive(),
    withoutMs,
    ' ms',
    'use a duration in milliseconds above 0, e.g. 300',
  );
  const maxInitDurationMs = optionalNumber(
    inputs,
    'max-init-duration-ms',
    z.number().positive(),
    withoutMs,
    ' ms',
    'use an Init Duration in milliseconds above 0, e.g. 800',
  );
  const maxDurationStatistic = parseEnum(
    'max-duration-statistic',
    inputs.value('max-duration-statistic'),
    DURATION_STATISTICS,
    'a duration statistic',
  );
  const maxMonthlyCostIncreaseUsd = optionalNumber(
    inputs,
    'max-monthly-cost-increase',
    z.number().min(0),
    withoutDollar,
    ' USD',
    'use an amount in USD, 0 or more, e.g. 50',
  );

  // The fail level is the tuning's (it also keeps the recommendation off sizes above it); the warn level is the
  // gate's alone. Its default, 80, follows the fail level down when that is lower.
  const maxMemoryUsedPct = tuning.maxMemoryUsedPct;
  const warnMemoryUsedPct = inputs.isGiven('warn-memory-used-percent')
    ? parseMemoryPercent(inputs, 'warn-memory-used-percent')
    : maxMemoryUsedPct === undefined
      ? DEFAULT_WARN_MEMORY_USED_PCT
      : Math.min(DEFAULT_WARN_MEMORY_USED_PCT, maxMemoryUsedPct);
  if (warnMemoryUsedPct !== undefined && maxMemoryUsedPct !== undefined && warnMemoryUsedPct > maxMemoryUsedPct) {
    throw fail(
      'warn-memory-used-percent',
      `${warnMemoryUsedPct}% is above max-memory-used-percent (${maxMemoryUsedPct}%), and a warning level must not exceed the failure level; lower warn-memory-used-percent or raise max-memory-used-percent`,
    );
  }

  const confidence = checkNumber(
    'confidence',
    inputs.value('confidence'),
    z.number().gt(0.5).max(0.999),
    '',
    'use a fraction above 0.5 and at most 0.999, e.g. 0.95 for 95%',
  );
  const minSamples = checkNumber(
    'min-samples',
    inputs.value('min-samples'),
    z.int().min(2),
    '',
    'use a whole number of samples, 2 or more',
  );
  // Each memory size's first invocation is the cold start tuning causes and is left out of the warm figures.
  const warmSamples = tuning.onlyColdStarts ? tuning.invocationsPerValue : tuning.invocationsPerValue - 1;
  const maxInvocations = checkNumber(
    'gate-max-invocations',
    inputs.value('gate-max-invocations'),
    z.int().min(0).max(10000),
    '',
    'use a whole number of invocations per function from 0 (off) to 10000',
  );
  // A live baseline's sequential sampling tops a comparison up to min-samples itself (gate/sequential.ts).
  const topsUp = baselineSource === 'function' && maxInvocations - 1 >= minSamples;
  if (baselineSource !== 'none' && minSamples > warmSamples && !topsUp) {
    warnings.push(
      `Input 'min-samples': ${minSamples} is above the ${warmSamples} warm samples that invocations (${tuning.invocationsPerValue}) gives each memory size, so no change can be called significant; raise invocations or lower min-samples`,
    );
  }
  const floorText = inputs.value('min-duration-change-ms');
  const minDurationChangeMs = checkNumber(
    'min-duration-change-ms',
    withoutMs(floorText),
    z.number().min(0).max(900_000),
    ' ms',
    'use a duration in milliseconds, 0 (no floor) or more, e.g. 1',
    floorText,
  );
  if (baselineSource === 'function') checkGateEvidence(maxInvocations, confidence, tuning, warnings);
  const initGiven = inputs.isGiven('max-init-duration-increase') || inputs.isGiven('warn-init-duration-increase');
  const initEnvironments = environmentsPerFunction(baselineSource, maxInvocations, tuning);
  const maxInitDurationIncreasePct = inputs.isGiven('max-init-duration-increase')
    ? parsePercent(inputs, 'max-init-duration-increase')
    : baselineSource === 'function' && !tuning.onlyColdStarts && initEnvironments >= minSamples
      ? DEFAULT_LIVE_MAX_INIT_DURATION_INCREASE_PCT
      : undefined;
  const warnInitDurationIncreasePct = warnLevel(
    inputs,
    'warn-init-duration-increase',
    'max-init-duration-increase',
    maxInitDurationIncreasePct,
  );
  // The default is only applied where it has the evidence; a limit the user gave without it gets a warning.
  if (initGiven && (maxInitDurationIncreasePct !== undefined || warnInitDurationIncreasePct !== undefined))
    checkInitEvidence(baselineSource, maxInvocations, minSamples, tuning, warnings);
  const failOnRegression = inputs.boolean('fail-on-regression');
  const baselineFullCurve = inputs.boolean('baseline-full-curve');

  return omitUndefined({
    baselineSource,
    baselineFile,
    baselineBranch,
    baselineFunction,
    dashboard,
    dashboardBranch,
    key,
    historyLimit,
    trendRuns,
    maxCostIncreasePct,
    maxDurationIncreasePct,
    warnCostIncreasePct,
    warnDurationIncreasePct,
    maxInitDurationIncreasePct,
    warnInitDurationIncreasePct,
    maxCostPerInvocationUsd,
    maxDurationMs,
    maxInitDurationMs,
    maxDurationStatistic,
    maxMonthlyCostIncreaseUsd,
    maxMemoryUsedPct,
    warnMemoryUsedPct,
    confidence,
    minSamples,
    minDurationChangeMs,
    maxInvocations,
    ...(baselineFullCurve ? { baselineFullCurve } : {}),
    failOnRegression,
  });
}

/**
 * A live gate fails a comparison only over minFailEnvironments pairs of execution environments (gate/looks.ts).
 * A cap with no room for one block is a mistake (the extra sampling it asks for can never run); a cap with room
 * for fewer than needed is allowed, and said: its regressions can only warn.
 */
function checkGateEvidence(
  maxInvocations: number,
  confidence: number,
  tuning: TuningSettings,
  warnings: string[],
): void {
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

/**
 * Init Duration has one sample per cold start, and tuning makes one per execution environment: a memory size's
 * first invocation, and the first of each of the live gate's extra blocks. A stored baseline (or a live one that may
 * not sample further) has too few to call an Init change significant unless every invocation is a cold start; said
 * up front rather than found in every verdict.
 */
/** The most execution environments (so cold starts) each function gets at a compared memory size. */
function environmentsPerFunction(source: BaselineSource, maxInvocations: number, tuning: TuningSettings): number {
  return source === 'function' ? (environmentSchedule(maxInvocations, tuning.invocationsPerValue).at(-1) ?? 1) : 1;
}

function checkInitEvidence(
  source: BaselineSource,
  maxInvocations: number,
  minSamples: number,
  tuning: TuningSettings,
  warnings: string[],
): void {
  if (tuning.onlyColdStarts || source === 'none') return;
  const environments = environmentsPerFunction(source, maxInvocations, tuning);
  if (environments >= minSamples) return;
  const why =
    source === 'function'
      ? `gate-max-invocations ${maxInvocations === 0 ? '0 (off)' : maxInvocations} gives each function at most ${environments} execution environment${environments === 1 ? '' : 's'}`
      : 'a stored baseline holds one cold start per memory size';
  // With baseline-function, sampling not given is fixed at its default n (tuning.ts samplingMode), not adaptive's cap.
  const planned =
    source !== 'function' && tuning.sampling === 'adaptive' ? DEFAULT_INVOCATIONS_FIXED : tuning.invocationsPerValue;
  warnings.push(
    `Input 'max-init-duration-increase': ${why}, under min-samples (${minSamples}) cold starts, so no Init Duration change can be called significant; use baseline-function with gate-max-invocations of at least ${planned + (minSamples - 1) * BLOCK_INVOCATIONS}, or only-cold-starts`,
  );
}

function warnLevel(inputs: Inputs, name: string, maxName: string, maxPct: number | undefined): number | undefined {
  if (!inputs.isGiven(name)) return maxPct === undefined ? undefined : maxPct / 2;
  const warnPct = parsePercent(inputs, name);
  if (warnPct !== undefined && maxPct !== undefined && warnPct > maxPct) {
    throw fail(
      name,
      `${warnPct}% is above ${maxName} (${maxPct}%), and a warning level must not exceed the failure level; lower ${name} or raise ${maxName}`,
    );
  }
  return warnPct;
}

/** dashboard / dashboard-branch: the page is drawn from the data branch, so it needs one. */
function parseDashboard(
  inputs: Inputs,
  baselineBranch: string | undefined,
): { dashboard: boolean; dashboardBranch?: string } {
  const dashboard = inputs.boolean('dashboard');
  const given = inputs.isGiven('dashboard-branch')
    ? checkDataBranchName(inputs.given('dashboard-branch'), 'dashboard-branch')
    : undefined;
  if (dashboard && baselineBranch === undefined)
    throw fail(
      'dashboard',
      'needs baseline-branch: the page charts the runs stored there; set baseline-branch: lambda-power-gate-data',
    );
  if (!dashboard && given !== undefined)
    throw fail('dashboard-branch', 'is only used with dashboard: true; set dashboard: true or remove it');
  return dashboard ? { dashboard, dashboardBranch: given ?? baselineBranch } : { dashboard };
}
