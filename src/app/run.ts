// The app flow (issue 15): many functions in one step, one comment, one verdict. function-name alone (kind
// 'function') is today's flow (flow.ts runFlow) with results.json in version 2; an app (functions, config-file,
// stack-name) goes: find the functions (a stack's, through CloudFormation) → for each, its baseline and the
// unchanged check (equal code and configuration: not measured, the baseline's figures carried) → measure the
// others side by side, a few at a time, within ONE bound on invocations in flight (`concurrency`) and ONE
// control-plane pace (Lambda's 15 requests per second per account and region, limiter.ts) → judge each → the app's
// verdict (the worst) → auto-optimize, only when the app passes → one report, one results.json, the outputs.
// A function that fails is reported and the others go on; a cancel stops new functions from starting, and every
// function already started restores itself and cleans up (tuner.ts), so every function is left as found.

import { dirname } from 'node:path';
import pLimit from 'p-limit';
import type { BaselinePlan } from '../gate/baseline.js';
import {
  baselinePlan,
  judge,
  measure,
  removePreviousArtefacts,
  runFlow,
  tunerDepsOf,
  type FlowDeps,
  type Measured,
} from '../flow.js';
import { messageOf } from '../lib/errors.js';
import { oneLine } from '../lib/format.js';
import { realSleep } from '../lib/ports.js';
import { inertText } from '../lib/untrusted.js';
import { autoOptimize } from '../tuning/apply.js';
import { controlPlaneLimiter } from '../tuning/limiter.js';
import { labelledLogger, newRunId, type TunerDeps } from '../tuning/run-state.js';
import type {
  AppFunctionSettings,
  AppPlan,
  FoundFunction,
  FunctionOutcome,
  Settings,
  StackDiscovery,
} from '../types.js';
import { failedApp, functionsOutput, reportApp, verdictOf, type AppOutcome } from './report.js';
import { unchangedAgainstBaseline } from './unchanged-check.js';

export type { AppOutcome } from './report.js';

export interface AppDeps extends FlowDeps {
  /** The process environment: credentials for the clients of monthly-invocations/cold-start-rate auto (src/usage). */
  env?: Record<string, string | undefined>;
  /** stack-name: the stacks' functions (app/discovery.ts, through CloudFormation). */
  discover?: (stack: StackDiscovery, signal?: AbortSignal) => Promise<FoundFunction[]>;
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
    ...(outcome.otherArchitecture ? { otherArchitecture: outcome.otherArchitecture } : {}),
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
    return failedApp(
      plan,
      deps.runUrl,
      `Stack ${inertText(plan.stack?.stackName ?? '', 128)}: ${oneLine(messageOf(error))}`,
    );
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
          logger: labelledLogger(deps.logger, inertText(fn.key, 64), { flatGroups: true }),
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
          tunerDepsOf({
            ...deps,
            logger: labelledLogger(deps.logger, inertText(fn.key, 64), { flatGroups: true }),
            controlPlaneLimiter: limiter,
          }),
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
  const failed = (failure: string): FunctionOutcome => ({
    ...base,
    status: 'failed',
    result: null,
    baseline: null,
    verdict: null,
    failure,
  });
  try {
    if (!deps.signal?.aborted) fn = { ...fn, settings: await withUsage(fn.settings, deps) };
  } catch (error) {
    return failed(oneLine(messageOf(error)));
  }
  if (deps.signal?.aborted) return failed('Not started: the run was cancelled first');
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
    return failed(oneLine(messageOf(error)));
  }
}

/**
 * monthly-invocations and cold-start-rate `auto`: read from the production function (src/usage) before tuning, so
 * every projection uses them. Loaded only when asked for; a figure it cannot read keeps the default, with a warning.
 */
async function withUsage(settings: Settings, deps: AppDeps): Promise<Settings> {
  const auto = settings.tuning.monthlyInvocationsAuto === true || settings.tuning.coldStartRate === 'auto';
  if (!auto) return settings;
  const { applyUsage, resolveUsage } = await import('../usage/usage.js');
  const { DEFAULT_COLD_START_RATE } = await import('../tuning/cold-cost.js');
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
  const { buildTrend } = await import('../report/trend.js');
  const trend =
    settings && measured.result
      ? buildTrend(measured.result, measured.baseline?.trend, settings.gate, deps.runUrl)
      : null;
  return {
    ...base,
    ...(trend ? { trend } : {}),
    status: failed && !measured.result ? 'failed' : 'measured',
    result: measured.result,
    baseline: measured.baseline?.result ?? null,
    verdict: judged.verdict,
    ...(measured.otherArchitecture ? { otherArchitecture: measured.otherArchitecture } : {}),
    ...(failed ? { failure: measured.failure } : {}),
  };
}
