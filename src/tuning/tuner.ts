// The tuning run: plan → prepare (one verified version per power value) → invoke (bounded concurrency) →
// collect → always restore and clean up. A power value that fails is reported and skipped; only a run where every
// power value fails is a failed run, and it fails loudly.

import { randomBytes } from 'node:crypto';
import type { LambdaClient } from '@aws-sdk/client-lambda';
import pLimit from 'p-limit';
import { visualizationUrl } from '../report/visualization.js';
import {
  RESULTS_SCHEMA_VERSION,
  type PowerValueResult,
  type Prices,
  type RunResult,
  type Sample,
  type TuningSettings,
} from '../types.js';
import { recommend } from './analyze.js';
import { parseReport } from './logs.js';
import { splitWeightedPayloads } from './plan.js';
import { realSleep, systemClock, type Clock, type EngineLogger, type Sleep } from './ports.js';
import { costPerInvocationUsd, pricesFor } from './pricing.js';
import { errorName } from './retry.js';
import { durationStats, trimmedMean } from './stats.js';
import { LambdaTarget, messageOf, type FunctionSnapshot, type InvokeOutcome, type PreparedVersion } from './target.js';
import { TOOL_VERSION } from '../version.js';

export interface TunerDeps {
  client: LambdaClient;
  logger: EngineLogger;
  clock?: Clock;
  sleep?: Sleep;
  random?: () => number;
  /** Unique per run (alias names, version descriptions); random when unset. */
  runId?: string;
  /** Poll interval of the SDK waiter in seconds; the emulator and tests use a short one. */
  waiterMinDelaySec?: number;
  /** Called once the function's original configuration is known and before anything is changed. */
  onSnapshot?: (snapshot: FunctionSnapshot) => void;
}

/** Every power value failed, the function could not be restored, or clean-up left something behind. */
export class TuningFailedError extends Error {
  override name = 'TuningFailedError';
  constructor(
    message: string,
    readonly result?: RunResult,
  ) {
    super(message);
  }
}

export class TuningCancelledError extends Error {
  override name = 'TuningCancelledError';
}

interface PowerValuePlan {
  memoryMb: number;
  /** payload index per invocation, in order */
  payloadIndexes: number[];
}

export function planRun(settings: TuningSettings): PowerValuePlan[] {
  const payloadIndexes = splitWeightedPayloads(settings.payloads, settings.invocationsPerValue);
  return settings.powerValuesMb.map((memoryMb) => ({ memoryMb, payloadIndexes }));
}

export function newRunId(): string {
  return randomBytes(4).toString('hex');
}

export async function tune(settings: TuningSettings, deps: TunerDeps, signal?: AbortSignal): Promise<RunResult> {
  const clock = deps.clock ?? systemClock;
  const sleep = deps.sleep ?? realSleep;
  const { logger } = deps;
  const runId = deps.runId ?? newRunId();
  const startedAt = clock.now().toISOString();
  const target = new LambdaTarget(deps.client, settings.functionName, settings.region, {
    logger,
    sleep,
    runId,
    random: deps.random,
    waiterMinDelaySec: deps.waiterMinDelaySec,
  });
  const plans = planRun(settings);

  const snapshot = await target.snapshot();
  deps.onSnapshot?.(snapshot);
  const prices = pricesFor(settings.region, snapshot.identity.architecture);
  if (prices.fallback) {
    logger.warning(`No Lambda prices known for region ${settings.region}; using ${prices.region} prices (see docs/pricing.md)`);
  }
  logger.info(
    `Tuning ${snapshot.identity.name} (${snapshot.identity.architecture}, ${snapshot.memoryMb} MB now) at ` +
      `${settings.powerValuesMb.join(', ')} MB, ${settings.invocationsPerValue} invocations each, run ${runId}`,
  );

  if (settings.dryRun) {
    logger.info('Dry run: settings are valid and the function exists; nothing was changed or invoked.');
    return buildResult(settings, snapshot, prices, plans.map((plan) => emptyResult(plan.memoryMb)), startedAt, clock, true);
  }

  const prepared: PreparedVersion[] = [];
  const limit = pLimit(settings.concurrency);
  let powerValues: PowerValueResult[] = [];
  let failure: unknown;
  try {
    const running: Promise<PowerValueResult>[] = [];
    await logger.group('Preparing one version per memory size', async () => {
      for (const plan of plans) {
        throwIfAborted(signal);
        const versions: PreparedVersion[] = [];
        try {
          const count = settings.onlyColdStarts ? plan.payloadIndexes.length : 1;
          for (let i = 0; i < count; i++) {
            const version = await target.prepareVersion(snapshot, plan.memoryMb, settings.onlyColdStarts ? i : undefined, signal);
            prepared.push(version);
            versions.push(version);
          }
          logger.info(`${plan.memoryMb} MB ready: ${versions.length === 1 ? `version ${versions[0]?.version}` : `${versions.length} versions`}`);
        } catch (error) {
          throwIfAborted(signal);
          logger.warning(`${plan.memoryMb} MB could not be prepared and is skipped: ${messageOf(error)}`);
          running.push(Promise.resolve(failedResult(plan.memoryMb, `could not be prepared: ${messageOf(error)}`)));
          continue;
        }
        // Start measuring this memory size now; its version is immutable, so the next update of $LATEST cannot
        // affect it.
        const measuring = invokePowerValue(settings, target, snapshot, plan, versions, prices, limit, logger, sleep, signal);
        // Settled below; until then a rejection (cancellation) must not count as unhandled.
        measuring.catch(() => undefined);
        running.push(measuring);
      }
    });
    // $LATEST goes back as soon as the last version exists, not after the invocations.
    await target.restore(snapshot);
    const settled = await Promise.allSettled(running);
    throwIfAborted(signal);
    powerValues = settled.map((outcome, index) => {
      if (outcome.status === 'fulfilled') return outcome.value;
      return failedResult(plans[index]?.memoryMb ?? 0, `invocations failed: ${messageOf(outcome.reason)}`);
    });
  } catch (error) {
    failure = error;
  } finally {
    await restoreAndCleanUp(target, snapshot, prepared, logger, failure);
  }
  if (failure !== undefined) {
    if (signal?.aborted) throw new TuningCancelledError(`Tuning cancelled (${reasonText(signal.reason)}); ${snapshot.identity.name} was restored and this run's versions and aliases deleted`);
    throw failure;
  }

  const result = buildResult(settings, snapshot, prices, powerValues, startedAt, clock, false);
  const ok = powerValues.filter((entry) => entry.status === 'ok');
  if (ok.length === 0) {
    const reasons = powerValues.map((entry) => `${entry.memoryMb} MB ${entry.failureReason ?? 'failed'}`).join('; ');
    throw new TuningFailedError(`Every memory size failed: ${reasons}`, result);
  }
  if (settings.autoOptimize && result.recommendation) {
    result.applied = await applyRecommendation(settings, target, snapshot, result.recommendation.memoryMb, logger);
  }
  return result;
}

async function restoreAndCleanUp(
  target: LambdaTarget,
  snapshot: FunctionSnapshot,
  prepared: PreparedVersion[],
  logger: EngineLogger,
  failure: unknown,
): Promise<void> {
  const problems: string[] = [];
  try {
    await target.restore(snapshot);
  } catch (error) {
    problems.push(`restoring $LATEST: ${messageOf(error)}`);
  }
  const report = await target.cleanup(snapshot.functionArn, prepared);
  problems.push(...report.problems);
  try {
    const differences = await target.differencesFrom(snapshot);
    if (differences.length > 0) {
      await target.restore(snapshot);
      const after = await target.differencesFrom(snapshot);
      if (after.length > 0) problems.push(`$LATEST differs from how it was found: ${after.join('; ')}`);
    }
  } catch (error) {
    problems.push(`checking $LATEST: ${messageOf(error)}`);
  }
  logger.info(
    `Clean-up: $LATEST restored to ${snapshot.memoryMb} MB; deleted ${report.deletedAliases.length} aliases and ${report.deletedVersions.length} versions`,
  );
  if (problems.length > 0) {
    const message = `Clean-up incomplete for ${snapshot.identity.name}: ${problems.join('; ')}`;
    // Never hide a clean-up failure, but never let it replace the error that caused the clean-up either.
    if (failure === undefined) throw new TuningFailedError(message);
    logger.warning(message);
  }
}

async function invokePowerValue(
  settings: TuningSettings,
  target: LambdaTarget,
  snapshot: FunctionSnapshot,
  plan: PowerValuePlan,
  versions: PreparedVersion[],
  prices: Prices,
  limit: ReturnType<typeof pLimit>,
  logger: EngineLogger,
  sleep: Sleep,
  signal: AbortSignal | undefined,
): Promise<PowerValueResult> {
  const total = plan.payloadIndexes.length;
  const samples: (Sample | undefined)[] = new Array(total);
  let done = 0;
  let stopReason: string | undefined;
  const allowed = new Set(settings.allowedExceptions);

  const invokeOne = async (index: number): Promise<void> => {
    if (stopReason !== undefined) return;
    throwIfAborted(signal);
    const version = settings.onlyColdStarts ? versions[index] : versions[0];
    const payloadIndex = plan.payloadIndexes[index] ?? 0;
    const payload = settings.payloads[payloadIndex]?.payload ?? '{}';
    const sample = await invokeForSample(target, snapshot.functionArn, version?.alias ?? '', payload, payloadIndex, settings, signal);
    samples[index] = sample;
    done++;
    logger.progress(plan.memoryMb, done, total);
    if (sample.errorType !== undefined && !allowed.has(sample.errorType) && stopReason === undefined) {
      // The first error that is not allowed settles it: more invocations would only cost money.
      stopReason = `failed with ${sample.errorType}${sample.errorMessage ? `: ${sample.errorMessage}` : ''} (invocation ${index + 1} of ${total})`;
    }
  };

  if (settings.parallelInvocation) {
    await Promise.all(plan.payloadIndexes.map((_, index) => limit(() => invokeOne(index))));
  } else {
    for (let index = 0; index < total && stopReason === undefined; index++) {
      await limit(() => invokeOne(index));
      if (settings.sleepBetweenRunsMs > 0 && index < total - 1) await sleep(settings.sleepBetweenRunsMs, signal);
    }
  }
  const collected = samples.filter((sample): sample is Sample => sample !== undefined);
  return summarisePowerValue(plan.memoryMb, collected, settings, prices, stopReason);
}

async function invokeForSample(
  target: LambdaTarget,
  functionArn: string,
  alias: string,
  payload: string,
  payloadIndex: number,
  settings: TuningSettings,
  signal: AbortSignal | undefined,
): Promise<Sample> {
  let outcome: InvokeOutcome;
  try {
    outcome = await target.invoke(functionArn, alias, payload, signal);
  } catch (error) {
    throwIfAborted(signal);
    return { durationMs: 0, billedDurationMs: 0, errorType: errorName(error), errorMessage: messageOf(error), payloadIndex, coldStart: false };
  }
  return sampleFromOutcome(outcome, payloadIndex, settings.logPayloads);
}

/** One invocation's response → a sample. Pure, so every log shape is unit-tested. */
export function sampleFromOutcome(outcome: InvokeOutcome, payloadIndex: number, logPayloads: boolean): Sample {
  const report = parseReport(outcome.logTail);
  const error = outcome.functionError ? functionErrorOf(outcome.payload, outcome.functionError) : undefined;
  if (!report) {
    return {
      durationMs: 0,
      billedDurationMs: 0,
      errorType: error?.type ?? 'LambdaPowerGate.NoReport',
      errorMessage: error ? visibleMessage(error, logPayloads) : 'the log tail had no REPORT record (is LogType Tail blocked, or the log format unknown?)',
      payloadIndex,
      coldStart: false,
    };
  }
  const sample: Sample = {
    durationMs: report.durationMs + (report.initDurationMs ?? 0) + (report.restoreDurationMs ?? 0),
    // Billed Duration already includes Billed Restore Duration on SnapStart (seen in real REPORT lines:
    // Duration 306.41, Billed Restore 303, Billed 610), so adding it, as the original tool does, double-counts.
    billedDurationMs: report.billedDurationMs,
    payloadIndex,
    coldStart: report.initDurationMs !== undefined || report.restoreDurationMs !== undefined,
  };
  if (report.initDurationMs !== undefined) sample.initDurationMs = report.initDurationMs;
  if (report.maxMemoryUsedMb !== undefined) sample.maxMemoryUsedMb = report.maxMemoryUsedMb;
  if (error) {
    sample.errorType = error.type;
    const message = visibleMessage(error, logPayloads);
    if (message) sample.errorMessage = message;
  }
  return sample;
}

interface FunctionErrorInfo {
  type: string;
  message: string;
}

function functionErrorOf(payload: string, functionError: string): FunctionErrorInfo {
  try {
    const parsed = JSON.parse(payload) as { errorType?: unknown; errorMessage?: unknown };
    return {
      type: typeof parsed.errorType === 'string' && parsed.errorType ? parsed.errorType : functionError,
      message: typeof parsed.errorMessage === 'string' ? parsed.errorMessage : '',
    };
  } catch {
    return { type: functionError, message: '' };
  }
}

/**
 * Lambda's own error messages (timeouts, out of memory, crashes) are safe and needed to understand a failure;
 * a handler's error message is function output and may carry data, so it is kept only on opt-in.
 */
function visibleMessage(error: FunctionErrorInfo, logPayloads: boolean): string | undefined {
  const platform = /^(Runtime|Sandbox)\./.test(error.type);
  if (!platform && !logPayloads) return undefined;
  return error.message.length > 300 ? `${error.message.slice(0, 300)}…` : error.message;
}

export function summarisePowerValue(
  memoryMb: number,
  samples: Sample[],
  settings: Pick<TuningSettings, 'allowedExceptions' | 'discardTopBottom' | 'onlyColdStarts'>,
  prices: Prices,
  stopReason?: string,
): PowerValueResult {
  const allowed = new Set(settings.allowedExceptions);
  const errorTypes: Record<string, number> = {};
  for (const sample of samples) {
    if (sample.errorType !== undefined) errorTypes[sample.errorType] = (errorTypes[sample.errorType] ?? 0) + 1;
  }
  const successful = samples.filter((sample) => sample.errorType === undefined || allowed.has(sample.errorType));
  const errors = samples.length - successful.length;
  // Each memory size runs on a fresh version, so its first invocation is always a cold start: an artefact of
  // tuning, not of the function's traffic. Warm figures leave cold starts out (they get statistics of their own)
  // unless cold starts are what is being measured, or all there is.
  const warm = successful.filter((sample) => !sample.coldStart);
  const measured = settings.onlyColdStarts || warm.length === 0 ? successful : warm;
  const failureReason = stopReason ?? (successful.length === 0 ? 'no successful invocation' : undefined);
  const coldStarts = samples.map((sample) => sample.initDurationMs).filter((value): value is number => value !== undefined);
  const memoryUsed = samples.map((sample) => sample.maxMemoryUsedMb).filter((value): value is number => value !== undefined);
  const status = failureReason === undefined ? 'ok' : 'failed';
  const result: PowerValueResult = {
    memoryMb,
    status,
    invocations: samples.length,
    errors,
    errorTypes,
    samples,
    duration: durationStats(
      measured.map((sample) => sample.durationMs),
      settings.discardTopBottom,
    ),
    coldStart: durationStats(coldStarts, 0),
    costPerInvocationUsd:
      measured.length > 0
        ? trimmedMean(
            measured.map((sample) => costPerInvocationUsd(sample.billedDurationMs, memoryMb, prices)),
            settings.discardTopBottom,
          )
        : null,
    billedDurationMs: measured.length > 0 ? trimmedMean(measured.map((sample) => sample.billedDurationMs), settings.discardTopBottom) : null,
    maxMemoryUsedMb: memoryUsed.length > 0 ? Math.max(...memoryUsed) : null,
  };
  if (failureReason !== undefined) result.failureReason = failureReason;
  return result;
}

function emptyResult(memoryMb: number): PowerValueResult {
  return {
    memoryMb,
    status: 'ok',
    invocations: 0,
    errors: 0,
    errorTypes: {},
    samples: [],
    duration: null,
    coldStart: null,
    costPerInvocationUsd: null,
    billedDurationMs: null,
    maxMemoryUsedMb: null,
  };
}

function failedResult(memoryMb: number, reason: string): PowerValueResult {
  return { ...emptyResult(memoryMb), status: 'failed', failureReason: reason };
}

function buildResult(
  settings: TuningSettings,
  snapshot: FunctionSnapshot,
  prices: Prices,
  powerValues: PowerValueResult[],
  startedAt: string,
  clock: Clock,
  dryRun: boolean,
): RunResult {
  const recommendation = dryRun
    ? null
    : recommend(powerValues, { strategy: settings.strategy, balancedWeight: settings.balancedWeight, percentileLimit: settings.percentileLimit });
  const current = powerValues.find((entry) => entry.memoryMb === snapshot.memoryMb && entry.status === 'ok');
  const points = powerValues
    .filter((entry) => entry.status === 'ok' && entry.duration && entry.costPerInvocationUsd !== null)
    .map((entry) => ({ memoryMb: entry.memoryMb, durationMs: entry.duration?.trimmedMean ?? 0, costUsd: entry.costPerInvocationUsd ?? 0 }));
  const { payloads, ...rest } = settings;
  const tuningCostUsd = powerValues.reduce(
    (sum, entry) =>
      sum +
      entry.samples.reduce((inner, sample) => inner + (sample.billedDurationMs > 0 ? costPerInvocationUsd(sample.billedDurationMs, entry.memoryMb, prices) : 0), 0),
    0,
  );
  const result: RunResult = {
    schemaVersion: RESULTS_SCHEMA_VERSION,
    tool: { name: 'lambda-power-gate', version: TOOL_VERSION },
    function: snapshot.identity,
    settings: { ...rest, payloadCount: payloads.length, ...(settings.logPayloads ? { payloads } : {}) },
    prices,
    powerValues,
    recommendation,
    current: {
      memoryMb: snapshot.memoryMb,
      costPerInvocationUsd: current?.costPerInvocationUsd ?? null,
      durationMs: current?.duration?.trimmedMean ?? null,
    },
    tuningCostUsd,
    visualizationUrl: points.length > 0 ? visualizationUrl(points) : null,
    dryRun,
    startedAt,
    finishedAt: clock.now().toISOString(),
  };
  return result;
}

async function applyRecommendation(
  settings: TuningSettings,
  target: LambdaTarget,
  snapshot: FunctionSnapshot,
  memoryMb: number,
  logger: EngineLogger,
): Promise<RunResult['applied']> {
  if (settings.autoOptimizeAlias) {
    const version = await target.applyToAlias(snapshot, memoryMb, settings.autoOptimizeAlias);
    logger.info(`Auto-optimize: alias ${settings.autoOptimizeAlias} now points at version ${version} with ${memoryMb} MB`);
    return { target: 'alias', alias: settings.autoOptimizeAlias, version, memoryMb };
  }
  if (memoryMb === snapshot.memoryMb) {
    logger.info(`Auto-optimize: $LATEST already has the recommended ${memoryMb} MB`);
  } else {
    await target.applyToLatest(snapshot, memoryMb);
    logger.info(`Auto-optimize: $LATEST changed from ${snapshot.memoryMb} MB to ${memoryMb} MB`);
  }
  return { target: '$LATEST', memoryMb };
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new TuningCancelledError(reasonText(signal.reason));
}

function reasonText(reason: unknown): string {
  if (reason instanceof Error) return reason.message;
  return reason === undefined ? 'aborted' : String(reason);
}
