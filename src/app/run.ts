// The app flow (issue 15): many functions in one step, one comment, one verdict. function-name alone (kind
// 'function') is today's flow (flow.ts runFlow) with results.json in version 2; an app (functions, config-file,
// stack-name) goes: find the functions (a stack's, through CloudFormation) → for each, its baseline and the
// unchanged check (equal code and configuration: not measured, the baseline's figures carried) → measure the
// others side by side, a few at a time, within ONE bound on invocations in flight (`concurrency`) and ONE
// control-plane pace (Lambda's 15 requests per second per account and region, limiter.ts) → judge each → the app's
// verdict (the worst) → auto-optimize, only when the app passes → one report, one results.json, the outputs.
// A function that fails is reported and the others go on; a cancel stops new functions from starting, and every
// function already started restores itself and cleans up (tuner.ts), so every function is left as found.

import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import pLimit from 'p-limit';
import type { BaselinePlan } from '../gate/baseline.js';
import {
  baselinePlan,
  judge,
  measure,
  removePreviousArtefacts,
  runFlow,
  tunerDepsOf,
  writeFresh,
  type FlowDeps,
  type FlowOutcome,
  type Measured,
} from '../flow.js';
import { messageOf } from '../lib/errors.js';
import { oneLine } from '../lib/format.js';
import { realSleep, type EngineLogger } from '../lib/ports.js';
import { inertText } from '../lib/untrusted.js';
import { memoryUsedPctAt } from '../results/figures.js';
import { functionEntry, resultsFile } from '../results/file.js';
import { autoOptimize } from '../tuning/apply.js';
import { controlPlaneLimiter } from '../tuning/limiter.js';
import { newRunId, type TunerDeps } from '../tuning/run-state.js';
import type {
  AppFunctionSettings,
  AppPlan,
  AppVerdict,
  FoundFunction,
  FunctionOutcome,
  RunResult,
  Settings,
  StackDiscovery,
} from '../types.js';
import { unchangedAgainstBaseline } from './unchanged-check.js';

export interface AppDeps extends FlowDeps {
  /** The process environment: credentials for the clients of monthly-invocations/cold-start-rate auto (src/usage). */
  env?: Record<string, string | undefined>;
  /** stack-name: the stacks' functions (app/discovery.ts, through CloudFormation). */
  discover?: (stack: StackDiscovery, signal?: AbortSignal) => Promise<FoundFunction[]>;
}

export interface AppOutcome extends FlowOutcome {
  /** One per function, in the order they were given (or found). */
  functions: FunctionOutcome[];
  /** The app's verdict; null when nothing was judged (a dry run, or no function could be found). */
  appVerdict: AppVerdict | null;
  /** The job summary's report when it differs from the comment's (an app: every function's report in full). */
  summaryMarkdown?: string;
}

/** The step, for any AppPlan: the doors call this. */
export async function runApp(plan: AppPlan, deps: AppDeps): Promise<AppOutcome> {
  if (plan.kind === 'function') return runOneFunction(plan, deps);
  return runManyFunctions(plan, deps);
}

/** function-name alone: today's flow, its outcome as the app's one function. */
async function runOneFunction(plan: AppPlan, deps: AppDeps): Promise<AppOutcome> {
  const [only] = plan.functions;
  if (!only) throw new Error('An AppPlan of kind function has one function');
  const outcome = await runFlow(await withUsage(only.settings, deps), deps);
  const status = outcome.result ? 'measured' : 'failed';
  const fn: FunctionOutcome = {
    key: only.key,
    functionName: only.settings.tuning.functionName,
    status,
    result: outcome.result,
    baseline: outcome.baseline,
    verdict: outcome.verdict,
    ...(status === 'failed' && outcome.failure ? { failure: outcome.failure } : {}),
  };
  const appVerdict = outcome.verdict ? await verdictOf([fn]) : null;
  return {
    ...outcome,
    functions: [fn],
    appVerdict,
    outputs: { ...outcome.outputs, functions: functionsOutput([fn]) },
  };
}

async function runManyFunctions(plan: AppPlan, deps: AppDeps): Promise<AppOutcome> {
  const shared = plan.shared;
  const resultsPath = shared.tuning.resultsPath;
  const reportDir = dirname(resultsPath);
  const startedAt = (deps.clock?.now() ?? new Date()).toISOString();
  await removePreviousArtefacts(resultsPath, reportDir);

  let functions: AppFunctionSettings[];
  try {
    functions = plan.stack ? await discovered(plan, deps) : plan.functions;
  } catch (error) {
    return failedApp(plan, deps, `Stack ${inertText(plan.stack?.stackName ?? '', 128)}: ${oneLine(messageOf(error))}`);
  }

  // One budget for the whole step, whatever the number of functions: invocations in flight, control-plane pace,
  // and one run id (the post step restores every function the run changed by it).
  const sleep = realSleep;
  const limiter = deps.controlPlaneLimiter ?? controlPlaneLimiter(sleep);
  const invocationLimit = pLimit(shared.tuning.concurrency);
  const runId = newRunId();
  const oneAtATime = pLimit(plan.parallelFunctions);
  deps.logger.info(
    `Tuning ${functions.length} functions, ${Math.min(plan.parallelFunctions, functions.length)} at a time, ` +
      `within ${shared.tuning.concurrency} invocations in flight and one control-plane pace`,
  );
  const outcomes = await Promise.all(
    functions.map((fn) =>
      oneAtATime(() =>
        measureFunction(plan, fn, {
          ...deps,
          logger: functionLogger(deps.logger, fn.key),
          controlPlaneLimiter: limiter,
          invocationLimit,
          runId,
        }),
      ),
    ),
  );

  const apply = async (failure: string | undefined): Promise<string | undefined> => {
    // Auto-optimize applies only when the app passes: one function's regression stops every change for good.
    for (const [index, fn] of functions.entries()) {
      const outcome = outcomes[index];
      if (!outcome?.result || outcome.status !== 'measured' || !fn.settings.tuning.autoOptimize) continue;
      failure =
        (await autoOptimize(
          outcome.result,
          fn.settings.tuning,
          tunerDepsOf({ ...deps, logger: functionLogger(deps.logger, fn.key), controlPlaneLimiter: limiter }),
          failure,
          deps.signal,
        )) ?? failure;
    }
    return failure;
  };
  return reportApp(plan, outcomes, {
    logger: deps.logger,
    startedAt,
    finishedAt: () => (deps.clock?.now() ?? new Date()).toISOString(),
    ...(deps.git ? { git: deps.git } : {}),
    ...(deps.runUrl ? { runUrl: deps.runUrl } : {}),
    apply,
  });
}

export interface AppReportOptions {
  logger: EngineLogger;
  startedAt: string;
  finishedAt: () => string;
  git?: RunResult['git'];
  runUrl?: string;
  /** A measuring run's auto-optimize, given the job's failure so far; returns the failure after it. */
  apply?: (failure: string | undefined) => Promise<string | undefined>;
}

/**
 * The second half of an app's run, shared by a measuring step and `mode: aggregate` (the matrix's last job): the
 * app's verdict, the job's failure, auto-optimize, the comment and the job summary, results.json, report.md and
 * report.html beside it, the outputs.
 */
export async function reportApp(
  plan: AppPlan,
  outcomes: FunctionOutcome[],
  options: AppReportOptions,
): Promise<AppOutcome> {
  const resultsPath = plan.shared.tuning.resultsPath;
  const reportDir = dirname(resultsPath);
  // A dry run judges nothing; any other run has a verdict, whatever happened to each function.
  const dryRun = outcomes.length > 0 && outcomes.every((outcome) => outcome.result?.dryRun);
  const verdict = await verdictOf(outcomes);
  const appVerdict = dryRun ? null : verdict;
  if (appVerdict) options.logger.info(`Gate: ${appVerdict.level}. ${appVerdict.reason}`);
  let failure = failureOf(outcomes, appVerdict, plan.shared.gate.failOnRegression, options.logger);
  if (options.apply) failure = await options.apply(failure);

  const file = resultsFile(
    plan.key,
    outcomes.map((outcome) => functionEntry(outcome, outcome.verdict?.baselineKind === 'live')),
    { startedAt: options.startedAt, finishedAt: options.finishedAt(), ...(options.git ? { git: options.git } : {}) },
  );
  if (options.git)
    for (const entry of file.functions) if (entry.result && entry.status === 'measured') entry.result.git = options.git;

  // One after another: the renderers share modules, and Jest's ESM loader fails on parallel imports of a shared one.
  const { renderAppReport } = await import('../report/app.js');
  const { renderAppHtmlReport } = await import('../report/app-html.js');
  const { GITHUB_SUMMARY_MAX_CHARS } = await import('../report/limits.js');
  const input = { key: plan.key, functions: outcomes, verdict, ...(options.runUrl ? { runUrl: options.runUrl } : {}) };
  const markdown = renderAppReport(input);
  // The job summary holds up to 1 MiB: every function's full report, pointing only to the artifact for the rest.
  const summaryMarkdown = renderAppReport({
    ...input,
    maxChars: GITHUB_SUMMARY_MAX_CHARS,
    fullReportsWhere: 'the results artifact (results.json, report.html)',
  });
  await mkdir(reportDir, { recursive: true });
  await writeFresh(resultsPath, JSON.stringify(file, null, 2) + '\n');
  const reportPath = join(reportDir, 'report.md');
  await writeFresh(reportPath, summaryMarkdown);
  await writeFresh(join(reportDir, 'report.html'), renderAppHtmlReport(input));
  return {
    result: null,
    verdict: null,
    baseline: null,
    markdown,
    summaryMarkdown,
    outputs: appOutputs(outcomes, appVerdict, resultsPath),
    resultsPath,
    reportPath,
    functions: outcomes,
    appVerdict,
    ...(failure ? { failure } : {}),
  };
}

/** stack-name: every function the stacks list, with its config-file overrides and its baseline twin. */
async function discovered(plan: AppPlan, deps: AppDeps): Promise<AppFunctionSettings[]> {
  if (!plan.stack) return plan.functions;
  if (!deps.discover) throw new Error('stack discovery is not available here');
  const found = await deps.discover(plan.stack, deps.signal);
  deps.logger.info(
    `Stack ${plan.stack.stackName}: ${found.length} function${found.length === 1 ? '' : 's'} (${found.map((f) => f.key).join(', ')})`,
  );
  const keys = new Set(found.map((fn) => fn.key));
  const unknown = (plan.stack.overrides ?? []).filter((key) => !keys.has(key));
  if (unknown.length > 0)
    deps.logger.warning(
      `config-file gives settings for ${unknown.map((key) => inertText(key, 128)).join(', ')}, which ${unknown.length === 1 ? 'is' : 'are'} not among the stack's tuned functions (check the logical ids and include-functions/exclude-functions)`,
    );
  return found.map((fn) => plan.settingsFor(fn));
}

/** One function of an app: not started after a cancel; unchanged (not measured); or measured and judged. */
async function measureFunction(
  plan: AppPlan,
  fn: AppFunctionSettings,
  deps: AppDeps & Pick<TunerDeps, 'invocationLimit' | 'runId'>,
): Promise<FunctionOutcome> {
  const base = { key: fn.key, functionName: fn.settings.tuning.functionName };
  if (!deps.signal?.aborted) {
    try {
      fn = { ...fn, settings: await withUsage(fn.settings, deps) };
    } catch (error) {
      return {
        ...base,
        status: 'failed',
        result: null,
        baseline: null,
        verdict: null,
        failure: oneLine(messageOf(error)),
      };
    }
  }
  if (deps.signal?.aborted) {
    return {
      ...base,
      status: 'failed',
      result: null,
      baseline: null,
      verdict: null,
      failure: 'Not started: the run was cancelled first',
    };
  }
  // A function of another region (a full ARN) is read and tuned with that region's client.
  const region = fn.settings.tuning.region;
  const client = region !== plan.shared.tuning.region && deps.clientFor ? deps.clientFor(region) : deps.client;
  const flowDeps: FlowDeps & Pick<TunerDeps, 'invocationLimit' | 'runId'> = { ...deps, client };
  try {
    let baselineOf: BaselinePlan;
    try {
      baselineOf = await baselinePlan(fn.settings, flowDeps);
    } catch {
      // A bad baseline-file of this function: measure() turns it into this function's failure.
      return outcomeOf(base, await measure(fn.settings, flowDeps, undefined), deps);
    }
    if (!plan.measureUnchanged && !fn.settings.tuning.dryRun) {
      const unchanged = await unchangedAgainstBaseline(fn.settings, baselineOf, {
        client,
        logger: deps.logger,
        ...(deps.controlPlaneLimiter ? { limiter: deps.controlPlaneLimiter } : {}),
        ...(deps.signal ? { signal: deps.signal } : {}),
      });
      if (unchanged) {
        deps.logger.info(`Unchanged (${unchanged.note}): not measured`);
        return {
          ...base,
          status: 'unchanged',
          result: unchanged.baseline,
          baseline: unchanged.baseline,
          verdict: null,
          unchangedNote: unchanged.note,
        };
      }
    }
    return await outcomeOf(base, await measure(fn.settings, flowDeps, baselineOf), deps, fn);
  } catch (error) {
    return {
      ...base,
      status: 'failed',
      result: null,
      baseline: null,
      verdict: null,
      failure: oneLine(messageOf(error)),
    };
  }
}

/**
 * monthly-invocations and cold-start-rate `auto`: read from the production function (src/usage) before tuning, so
 * every projection uses them. Loaded only when asked for; a figure it cannot read keeps the default, with a warning.
 */
async function withUsage(settings: Settings, deps: AppDeps): Promise<Settings> {
  const auto =
    settings.tuning.monthlyInvocationsAuto === true ||
    (settings.tuning as { coldStartRate?: unknown }).coldStartRate === 'auto';
  if (!auto) return settings;
  const [{ applyUsage, resolveUsage }, { DEFAULT_COLD_START_RATE }] = [
    await import('../usage/usage.js'),
    await import('../tuning/cold-cost.js'),
  ];
  const usage = await resolveUsage(settings, {
    logger: deps.logger,
    ...(deps.signal ? { signal: deps.signal } : {}),
    ...(deps.env ? { env: deps.env } : {}),
    ...(deps.clock ? { clock: deps.clock } : {}),
  });
  return applyUsage(settings, usage, DEFAULT_COLD_START_RATE);
}

/** A measured function judged: a fail verdict is the app's to report; only a failure to measure makes it 'failed'. */
async function outcomeOf(
  base: Pick<FunctionOutcome, 'key' | 'functionName'>,
  measured: Measured,
  deps: AppDeps,
  fn?: AppFunctionSettings,
): Promise<FunctionOutcome> {
  const settings = fn?.settings;
  const judged = settings
    ? await judge(measured, settings, {
        logger: deps.logger,
        gate: 'inform',
        ...(deps.accept ? { accept: deps.accept } : {}),
      })
    : { verdict: null };
  const failed = measured.failure !== undefined;
  return {
    ...base,
    status: failed && !measured.result ? 'failed' : 'measured',
    result: measured.result,
    baseline: measured.baseline?.result ?? null,
    verdict: judged.verdict,
    ...(failed ? { failure: measured.failure } : {}),
  };
}

/** Why the job fails, in one sentence: functions that could not be measured, or the gate. */
function failureOf(
  outcomes: FunctionOutcome[],
  verdict: AppVerdict | null,
  failOnRegression: boolean,
  logger: EngineLogger,
): string | undefined {
  const failed = outcomes.filter((outcome) => outcome.failure !== undefined);
  if (failed.length > 0) {
    const list = failed.map((outcome) => `${outcome.key} (${outcome.failure})`).join('; ');
    return `${failed.length} of ${outcomes.length} functions failed: ${list}`;
  }
  if (verdict?.level !== 'fail') return undefined;
  const accepted = acceptedFunctions(outcomes);
  if (accepted) {
    logger.info(`${accepted.sentence} The job passes.`);
    return undefined;
  }
  if (failOnRegression) return `Regression gate failed: ${verdict.reason}`;
  logger.warning('The gate verdict is fail, but fail-on-regression is false: the job passes.');
  return undefined;
}

/**
 * An app whose every failing function was accepted (accept-label): the sentence for the log. Undefined when any
 * function fails without acceptance (a function that could not be measured never counts as accepted).
 */
export function acceptedFunctions(outcomes: readonly FunctionOutcome[]): { sentence: string } | undefined {
  const failing = outcomes.filter((outcome) => outcome.status === 'failed' || outcome.verdict?.level === 'fail');
  if (failing.length === 0 || failing.some((outcome) => !outcome.verdict?.accepted)) return undefined;
  const [first] = failing;
  const note = first?.verdict?.accepted;
  if (!note) return undefined;
  const keys = failing.map((outcome) => inertText(outcome.key, 64)).join(', ');
  return {
    sentence: `Regression accepted by ${inertText(note.by, 64)} with the label "${inertText(note.label, 100)}" for ${keys}.`,
  };
}

async function verdictOf(outcomes: FunctionOutcome[]): Promise<AppVerdict> {
  const { appVerdict } = await import('../gate/app.js');
  return appVerdict(outcomes);
}

/** A run that found no function to tune (the stack could not be read): the report says why, the job fails. */
async function failedApp(plan: AppPlan, deps: AppDeps, failure: string): Promise<AppOutcome> {
  const resultsPath = plan.shared.tuning.resultsPath;
  const reportDir = dirname(resultsPath);
  const { renderFailureReport } = await import('../report/markdown.js');
  const markdown = renderFailureReport(failure, deps.runUrl);
  await mkdir(reportDir, { recursive: true });
  const reportPath = join(reportDir, 'report.md');
  await writeFresh(reportPath, markdown);
  return {
    result: null,
    verdict: null,
    baseline: null,
    markdown,
    outputs: { 'results-path': '', functions: '[]' },
    resultsPath: '',
    reportPath,
    functions: [],
    appVerdict: null,
    failure,
  };
}

/** The outputs of an app: the overall verdict and monthly change, and one JSON entry per function. */
function appOutputs(
  outcomes: FunctionOutcome[],
  verdict: AppVerdict | null,
  resultsPath: string,
): Record<string, string> {
  return {
    'results-path': resultsPath,
    verdict: verdict?.level ?? '',
    accepted: String(verdict?.level === 'fail' && acceptedFunctions(outcomes) !== undefined),
    'accepted-by': verdict?.level === 'fail' ? (acceptedBy(outcomes) ?? '') : '',
    'monthly-cost-delta': verdict?.monthlyCostDeltaUsd == null ? '' : verdict.monthlyCostDeltaUsd.toFixed(2),
    functions: functionsOutput(outcomes),
  };
}

/** The `functions` output: one entry per function, for later steps (fromJSON). */
export function functionsOutput(outcomes: FunctionOutcome[]): string {
  return JSON.stringify(
    outcomes.map((outcome) => ({
      key: outcome.key,
      function: outcome.functionName,
      status: outcome.status,
      verdict: outcome.verdict?.level ?? null,
      ...(outcome.verdict?.accepted ? { acceptedBy: outcome.verdict.accepted.by } : {}),
      currentMemoryMb: outcome.result?.current.memoryMb ?? null,
      recommendedMemoryMb: outcome.result?.recommendation?.memoryMb ?? null,
      costDeltaPercent: round2(outcome.verdict?.costDeltaPct),
      durationDeltaPercent: round2(outcome.verdict?.durationDeltaPct),
      monthlyCostDeltaUsd: round2(outcome.verdict?.monthlyCostDeltaUsd),
      memoryUsedPercent: round2(memoryUsedPctAt(outcome.result, outcome.result?.current.memoryMb)),
      recommendedMemoryUsedPercent: round2(memoryUsedPctAt(outcome.result, outcome.result?.recommendation?.memoryMb)),
      ...(outcome.failure ? { failure: outcome.failure } : {}),
    })),
  );
}

/** Who accepted the app's failing functions, when every one of them was accepted. */
function acceptedBy(outcomes: readonly FunctionOutcome[]): string | undefined {
  if (!acceptedFunctions(outcomes)) return undefined;
  return outcomes.find((outcome) => outcome.verdict?.accepted)?.verdict?.accepted?.by;
}

function round2(value: number | null | undefined): number | null {
  return value === null || value === undefined ? null : Math.round(value * 100) / 100;
}

/**
 * An app's functions log side by side: each line names its function, and a group is only a line (the runner's
 * log groups cannot interleave).
 */
function functionLogger(logger: EngineLogger, key: string): EngineLogger {
  const label = inertText(key, 64);
  return {
    info: (message) => logger.info(`[${label}] ${message}`),
    warning: (message) => logger.warning(`[${label}] ${message}`),
    debug: (message) => logger.debug(`[${label}] ${message}`),
    group: (name, fn) => {
      logger.info(`[${label}] ${name}`);
      return fn();
    },
    progress: () => {},
  };
}
