import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  TOOL_VERSION
} from "./chunk-2PNDXB25.js";
import {
  adaptivePolicy,
  describeSampling,
  interleavePayloads,
  planNextRound
} from "./chunk-VJXSU6PO.js";
import {
  measureSpend
} from "./chunk-EE6MQ7ES.js";
import {
  coldStartBilling,
  resolvedColdStartRate,
  withColdStartCosts
} from "./chunk-RGAGO2E6.js";
import {
  CLEANUP_BUDGET_MS,
  cleanupBudget,
  recoverLeftovers,
  restoreAndCleanUp
} from "./chunk-TZQBYUD2.js";
import {
  visualizationUrl
} from "./chunk-5WM6ETGA.js";
import {
  costPerInvocationUsd,
  pricesFor
} from "./chunk-JRNMWUVF.js";
import {
  recommend
} from "./chunk-Q3BMP5S5.js";
import {
  durationStats,
  measuredSamples,
  successfulSamples,
  trimmedMean
} from "./chunk-LYDXGQBP.js";
import {
  RESULTS_SCHEMA_VERSION
} from "./chunk-ISPMOH3G.js";
import {
  splitWeightedPayloads
} from "./chunk-SFJ7IVIP.js";
import {
  LambdaTarget,
  parseReport
} from "./chunk-5Y64ZUDY.js";
import {
  controlPlaneLimiter
} from "./chunk-XCIHNFG2.js";
import {
  pLimit
} from "./chunk-YQ5HGVKP.js";
import {
  InputError,
  messageOf
} from "./chunk-ZS2HFFQI.js";
import {
  capitalise
} from "./chunk-F67DHOCG.js";
import {
  MAX_RAW_ERROR_TYPE_CHARS,
  MAX_SHOWN_CHARS,
  inertText,
  truncateText
} from "./chunk-TM45P2KR.js";
import {
  realSleep,
  systemClock
} from "./chunk-FTQIWBND.js";
import {
  errorName
} from "./chunk-CPWGUBW5.js";

// src/tuning/run-state.ts
import { randomBytes } from "node:crypto";
var CLEANUP_GRACE_MS = 10 * 6e4;
function runDeadlineMs(startedAtMs, timeoutMinutes) {
  return startedAtMs + timeoutMinutes * 6e4 + CLEANUP_GRACE_MS;
}
function newRunId() {
  return randomBytes(4).toString("hex");
}
var TuningFailedError = class extends Error {
  constructor(message, result) {
    super(message);
    this.result = result;
  }
  result;
  name = "TuningFailedError";
};
var TuningCancelledError = class extends Error {
  name = "TuningCancelledError";
};
function planRun(settings) {
  const payloadIndexes = splitWeightedPayloads(settings.payloads, settings.invocationsPerValue);
  return settings.powerValuesMb.map((memoryMb) => ({ memoryMb, payloadIndexes }));
}
function startRun(settings, deps, resume) {
  const clock = deps.clock ?? systemClock;
  const runId = resume?.runId ?? deps.runId ?? newRunId();
  const startedAt = resume?.startedAt ?? clock.now().toISOString();
  const startedAtMs = Date.parse(startedAt);
  return {
    runId,
    startedAt,
    clock,
    sleep: deps.sleep ?? realSleep,
    deadlineMs: runDeadlineMs(startedAtMs, settings.timeoutMinutes),
    // The signal stops the run at timeout-minutes; this bounds the waits inside it.
    timeLeftMs: () => startedAtMs + settings.timeoutMinutes * 6e4 - clock.now().getTime(),
    now: () => clock.now().getTime(),
    // One pace for every control-plane call of this run, whichever function or side of the gate makes it.
    limiter: deps.controlPlaneLimiter ?? controlPlaneLimiter(realSleep)
  };
}
function targetFor(client, settings, owner, run, deps, logger) {
  return new LambdaTarget(client, settings.functionName, settings.region, {
    logger,
    sleep: run.sleep,
    runId: owner,
    random: deps.random,
    waiterMinDelaySec: deps.waiterMinDelaySec,
    timeLeftMs: run.timeLeftMs,
    ...deps.versionWaiterMinDelaySec !== void 0 ? { versionWaiterMinDelaySec: deps.versionWaiterMinDelaySec } : {},
    deadlineMs: run.deadlineMs,
    now: run.now,
    limiter: run.limiter
  });
}
function subjectState(subject, target, snapshot, logger) {
  const prices = pricesFor(subject.settings.region, snapshot.identity.architecture);
  if (prices.fallback) {
    logger.warning(
      `No Lambda prices known for region ${subject.settings.region}; using ${prices.region} prices (see docs/pricing.md)`
    );
  }
  return {
    subject,
    settings: subject.settings,
    target,
    snapshot,
    prices,
    plans: subject.planOnlyConfigured ? planRun(subject.settings).filter((plan) => plan.memoryMb === snapshot.memoryMb) : planRun(subject.settings),
    logger,
    prepared: [],
    running: []
  };
}
function labelledLogger(logger, label, options = {}) {
  return {
    info: (message) => logger.info(`[${label}] ${message}`),
    warning: (message) => logger.warning(`[${label}] ${message}`),
    debug: (message) => logger.debug(`[${label}] ${message}`),
    group: options.flatGroups ? (name, fn) => {
      logger.info(`[${label}] ${name}`);
      return fn();
    } : (name, fn) => logger.group(`[${label}] ${name}`, fn),
    progress: () => {
    }
  };
}
function throwIfAborted(signal) {
  if (signal?.aborted)
    throw signal.reason instanceof Error ? signal.reason : new TuningCancelledError(reasonText(signal.reason));
}
function reasonText(reason) {
  if (reason instanceof Error) return reason.message;
  return reason === void 0 ? "aborted" : String(reason);
}

// src/tuning/apply.ts
async function autoOptimize(result, settings, deps, failure, signal) {
  const recommended = result.recommendation?.memoryMb;
  if (!settings.autoOptimize || result.dryRun || recommended === void 0) return void 0;
  if (failure !== void 0) {
    deps.logger.warning(
      `Auto-optimize did not apply ${recommended} MB: it changes the function only when the run passes, and this one failed (${failure}). ${result.function.name} keeps ${result.current.memoryMb} MB.`
    );
    return void 0;
  }
  try {
    result.applied = await applyRecommendation(result, settings, deps, signal);
    return void 0;
  } catch (error) {
    return error instanceof TuningFailedError ? error.message : messageOf(error);
  }
}
async function applyRecommendation(result, settings, deps, signal) {
  const memoryMb = result.recommendation?.memoryMb;
  if (memoryMb === void 0) throw new TuningFailedError("Auto-optimize has no recommendation to apply", result);
  try {
    const run = startRun(settings, deps, { runId: result.runId, startedAt: result.startedAt });
    const target = targetFor(deps.client, settings, run.runId, run, deps, deps.logger);
    const snapshot = await target.snapshot(signal);
    return await apply(settings, target, snapshot, memoryMb, deps.logger, signal);
  } catch (error) {
    throw new TuningFailedError(`Auto-optimize could not apply ${memoryMb} MB: ${messageOf(error)}`, result);
  }
}
async function checkAutoOptimizeTarget(settings, target, snapshot) {
  if (settings.autoOptimize && settings.autoOptimizeAlias)
    await target.aliasForAutoOptimize(snapshot.functionArn, settings.autoOptimizeAlias);
}
async function apply(settings, target, snapshot, memoryMb, logger, signal) {
  if (settings.autoOptimizeAlias) {
    const version = await target.applyToAlias(snapshot, memoryMb, settings.autoOptimizeAlias, signal);
    logger.info(
      `Auto-optimize: alias ${settings.autoOptimizeAlias} now points at version ${version} with ${memoryMb} MB`
    );
    return { target: "alias", alias: settings.autoOptimizeAlias, version, memoryMb };
  }
  if (memoryMb === snapshot.memoryMb) {
    logger.info(`Auto-optimize: $LATEST already has the recommended ${memoryMb} MB`);
  } else {
    await target.applyToLatest(snapshot, memoryMb);
    logger.info(`Auto-optimize: $LATEST changed from ${snapshot.memoryMb} MB to ${memoryMb} MB`);
  }
  return { target: "$LATEST", memoryMb };
}

// src/tuning/sample.ts
function sampleFromOutcome(outcome, payloadIndex, logPayloads) {
  const report = parseReport(outcome.logTail);
  const error = outcome.functionError ? functionErrorOf(outcome.payload, outcome.functionError) : void 0;
  if (!report) {
    return {
      durationMs: 0,
      billedDurationMs: 0,
      errorType: error?.type ?? "LambdaPowerGate.NoReport",
      errorMessage: error ? visibleMessage(error, logPayloads) : "the log tail had no REPORT record (is LogType Tail blocked, or the log format unknown?)",
      payloadIndex,
      coldStart: false
    };
  }
  const sample = {
    durationMs: report.durationMs + (report.initDurationMs ?? 0) + (report.restoreDurationMs ?? 0),
    // Billed Duration already includes Billed Restore Duration on SnapStart (seen in real REPORT lines:
    // Duration 306.41, Billed Restore 303, Billed 610), so adding it, as the original tool does, double-counts.
    billedDurationMs: report.billedDurationMs,
    payloadIndex,
    coldStart: report.initDurationMs !== void 0 || report.restoreDurationMs !== void 0
  };
  if (report.initDurationMs !== void 0) sample.initDurationMs = report.initDurationMs;
  if (report.restoreDurationMs !== void 0) sample.restoreDurationMs = report.restoreDurationMs;
  if (report.billedRestoreDurationMs !== void 0) sample.billedRestoreDurationMs = report.billedRestoreDurationMs;
  if (report.maxMemoryUsedMb !== void 0) sample.maxMemoryUsedMb = report.maxMemoryUsedMb;
  if (error) {
    sample.errorType = error.type;
    const message = visibleMessage(error, logPayloads);
    if (message) sample.errorMessage = message;
  }
  return sample;
}
function functionErrorOf(payload, functionError) {
  try {
    const parsed = JSON.parse(payload);
    return {
      type: truncateText(
        typeof parsed.errorType === "string" && parsed.errorType ? parsed.errorType : functionError,
        MAX_RAW_ERROR_TYPE_CHARS
      ),
      message: typeof parsed.errorMessage === "string" ? parsed.errorMessage : ""
    };
  } catch {
    return { type: truncateText(functionError, MAX_RAW_ERROR_TYPE_CHARS), message: "" };
  }
}
function visibleMessage(error, logPayloads) {
  const platform = /^(Runtime|Sandbox)\./.test(error.type);
  if (!platform && !logPayloads) return void 0;
  return truncateText(error.message, MAX_SHOWN_CHARS);
}

// src/tuning/summary.ts
function summarisePowerValue(memoryMb, samples, settings, prices, stopReason) {
  const errorTypes = {};
  for (const sample of samples) {
    if (sample.errorType !== void 0) errorTypes[sample.errorType] = (errorTypes[sample.errorType] ?? 0) + 1;
  }
  const successful = successfulSamples(samples, settings);
  const errors = samples.length - successful.length;
  const measured = measuredSamples(samples, settings);
  const failureReason = stopReason ?? (successful.length === 0 ? "no successful invocation" : void 0);
  const coldStarts = samples.map((sample) => sample.initDurationMs).filter((value) => value !== void 0);
  const restores = samples.map((sample) => sample.restoreDurationMs).filter((value) => value !== void 0);
  const memoryUsed = samples.map((sample) => sample.maxMemoryUsedMb).filter((value) => value !== void 0);
  const status = failureReason === void 0 ? "ok" : "failed";
  const result = {
    memoryMb,
    status,
    invocations: samples.length,
    errors,
    errorTypes,
    samples,
    duration: durationStats(
      measured.map((sample) => sample.durationMs),
      settings.discardTopBottom
    ),
    coldStart: durationStats(coldStarts, 0),
    costPerInvocationUsd: measured.length > 0 ? trimmedMean(
      measured.map((sample) => costPerInvocationUsd(sample.billedDurationMs, memoryMb, prices)),
      settings.discardTopBottom
    ) : null,
    billedDurationMs: measured.length > 0 ? trimmedMean(
      measured.map((sample) => sample.billedDurationMs),
      settings.discardTopBottom
    ) : null,
    maxMemoryUsedMb: memoryUsed.length > 0 ? Math.max(...memoryUsed) : null
  };
  const restore = durationStats(restores, 0);
  if (restore) result.restore = restore;
  if (failureReason !== void 0) result.failureReason = failureReason;
  return result;
}
function emptyResult(memoryMb) {
  return {
    memoryMb,
    status: "ok",
    invocations: 0,
    errors: 0,
    errorTypes: {},
    samples: [],
    duration: null,
    coldStart: null,
    costPerInvocationUsd: null,
    billedDurationMs: null,
    maxMemoryUsedMb: null
  };
}
function failedResult(memoryMb, reason) {
  return { ...emptyResult(memoryMb), status: "failed", failureReason: reason };
}
function buildResult(runId, settings, snapshot, prices, measuredValues, startedAt, clock, dryRun) {
  const coldStartRate = resolvedColdStartRate(settings.coldStartRate);
  const powerValues = dryRun ? measuredValues : withColdStartCosts(measuredValues, coldStartRate, prices, settings);
  const recommendation = dryRun ? null : recommend(powerValues, {
    strategy: settings.strategy,
    balancedWeight: settings.balancedWeight,
    percentileLimit: settings.percentileLimit,
    sampleRule: settings,
    maxMemoryUsedPct: settings.maxMemoryUsedPct
  });
  const current = powerValues.find((entry) => entry.memoryMb === snapshot.memoryMb && entry.status === "ok");
  const points = powerValues.filter((entry) => entry.status === "ok" && entry.duration && entry.costPerInvocationUsd !== null).map((entry) => ({
    memoryMb: entry.memoryMb,
    durationMs: entry.duration?.trimmedMean ?? 0,
    costUsd: entry.costPerInvocationUsd ?? 0
  }));
  const { payloads, ...rest } = settings;
  const finishedAt = clock.now().toISOString();
  const spend = measureSpend(powerValues, prices, { startedAt, finishedAt });
  const result = {
    schemaVersion: RESULTS_SCHEMA_VERSION,
    tool: { name: "lambda-power-gate", version: TOOL_VERSION },
    runId,
    function: snapshot.identity,
    settings: {
      ...rest,
      coldStartRate,
      payloadCount: payloads.length,
      ...settings.logPayloads ? { payloads } : {}
    },
    prices,
    powerValues,
    recommendation,
    current: {
      memoryMb: snapshot.memoryMb,
      costPerInvocationUsd: current?.costPerInvocationUsd ?? null,
      ...current?.expectedCostPerInvocationUsd !== void 0 ? { expectedCostPerInvocationUsd: current.expectedCostPerInvocationUsd } : {},
      durationMs: current?.duration?.trimmedMean ?? null
    },
    coldStartBilling: coldStartBilling(snapshot.identity, new Date(startedAt)),
    tuningCostUsd: spend.costUsd,
    spend,
    visualizationUrl: points.length > 0 ? visualizationUrl(points) : null,
    dryRun,
    startedAt,
    finishedAt
  };
  return result;
}
function resultsOf(run) {
  return run.states.map(
    (state, index) => buildResult(
      run.runId,
      state.settings,
      state.snapshot,
      state.prices,
      run.measured[index] ?? [],
      run.startedAt,
      run.clock,
      false
    )
  );
}
function dryRunResults(run) {
  return run.states.map(
    (state) => buildResult(
      run.runId,
      state.settings,
      state.snapshot,
      state.prices,
      state.plans.map((plan) => emptyResult(plan.memoryMb)),
      run.startedAt,
      run.clock,
      true
    )
  );
}

// src/tuning/invoke.ts
async function invokePowerValue(state, plan, versions, options) {
  const { limit, sleep, signal, pacer } = options;
  const settings = options.settings ?? state.settings;
  const { target, snapshot, logger } = state;
  const total = plan.payloadIndexes.length;
  const samples = new Array(total);
  let done = 0;
  let stopReason;
  const allowed = new Set(settings.allowedExceptions);
  const invokeOne = async (index) => {
    if (stopReason !== void 0) return;
    throwIfAborted(signal);
    const version = settings.onlyColdStarts ? versions[index] : versions[0];
    const payloadIndex = plan.payloadIndexes[index] ?? 0;
    const payload = settings.payloads[payloadIndex]?.payload ?? "{}";
    const sample = await invokeForSample(
      target,
      snapshot.functionArn,
      version?.alias ?? "",
      payload,
      payloadIndex,
      settings,
      signal
    );
    samples[index] = sample;
    done++;
    logger.progress(plan.memoryMb, done, total);
    if (sample.errorType !== void 0 && !allowed.has(sample.errorType) && stopReason === void 0) {
      stopReason = `failed with ${inertText(sample.errorType, 100)}${sample.errorMessage ? `: ${inertText(sample.errorMessage)}` : ""} (invocation ${index + 1} of ${total})`;
    }
  };
  try {
    if (settings.parallelInvocation && !pacer) {
      await Promise.all(plan.payloadIndexes.map((_, index) => limit(() => invokeOne(index))));
    } else if (settings.parallelInvocation && pacer) {
      const running = [];
      for (let index = 0; index < total; index++) {
        await pacer.acquire();
        const invocation = limit(() => invokeOne(index));
        invocation.catch(() => void 0);
        running.push(invocation);
        pacer.release();
      }
      await Promise.all(running);
    } else {
      for (let index = 0; index < total && stopReason === void 0; index++) {
        if (pacer) await pacer.acquire();
        try {
          await limit(() => invokeOne(index));
        } finally {
          pacer?.release();
        }
        if (settings.sleepBetweenRunsMs > 0 && index < total - 1) await sleep(settings.sleepBetweenRunsMs, signal);
      }
    }
  } finally {
    pacer?.leave();
  }
  const collected = samples.filter((sample) => sample !== void 0);
  return summarisePowerValue(plan.memoryMb, collected, settings, state.prices, stopReason);
}
function morePayloads(state, memoryMb, done, count) {
  const planned = state.plans.find((plan) => plan.memoryMb === memoryMb)?.payloadIndexes ?? splitWeightedPayloads(state.settings.payloads, state.settings.invocationsPerValue);
  const order = interleavePayloads(planned.length > 0 ? planned : [0]);
  return { memoryMb, payloadIndexes: Array.from({ length: count }, (_, i) => order[(done + i) % order.length] ?? 0) };
}
async function invokeForSample(target, functionArn, alias, payload, payloadIndex, settings, signal) {
  let outcome;
  try {
    outcome = await target.invoke(functionArn, alias, payload, signal);
  } catch (error) {
    throwIfAborted(signal);
    return {
      durationMs: 0,
      billedDurationMs: 0,
      errorType: errorName(error),
      errorMessage: messageOf(error),
      payloadIndex,
      coldStart: false
    };
  }
  return sampleFromOutcome(outcome, payloadIndex, settings.logPayloads);
}

// src/tuning/turnstile.ts
var Turnstile = class {
  active;
  position = 0;
  direction = 1;
  waiting = /* @__PURE__ */ new Map();
  /** `fromLast`: the last party goes first (B A A B …), so alternating blocks cancel any edge of going first. */
  constructor(parties, fromLast = false) {
    this.active = Array.from({ length: parties }, (_, index) => index);
    if (fromLast && parties > 1) {
      this.position = parties - 1;
      this.direction = -1;
    }
  }
  pacer(party) {
    return { acquire: () => this.acquire(party), release: () => this.release(party), leave: () => this.leave(party) };
  }
  current() {
    return this.active[this.position];
  }
  acquire(party) {
    if (this.current() === party || !this.active.includes(party)) return Promise.resolve();
    return new Promise((resolve) => this.waiting.set(party, resolve));
  }
  release(party) {
    if (this.current() !== party) return;
    const next = this.position + this.direction;
    if (next < 0 || next >= this.active.length) {
      this.direction = this.direction === 1 ? -1 : 1;
    } else {
      this.position = next;
    }
    this.wake();
  }
  leave(party) {
    const index = this.active.indexOf(party);
    if (index < 0) return;
    this.active.splice(index, 1);
    if (index < this.position) this.position--;
    this.position = Math.min(this.position, Math.max(0, this.active.length - 1));
    this.wake();
  }
  wake() {
    const party = this.current();
    if (party === void 0) return;
    const resolve = this.waiting.get(party);
    if (resolve) {
      this.waiting.delete(party);
      resolve();
    }
  }
};

// src/tuning/rounds/adaptive.ts
function adaptiveRounds() {
  return {
    firstPass: firstRound,
    run: async (run) => {
      const sampling = await sampleUntilSettled(run);
      return run.states.map(() => ({ sampling }));
    }
  };
}
function firstRound(plan, settings) {
  if (settings.sampling !== "adaptive") return plan;
  const { initialInvocations } = adaptivePolicy(settings.invocationsPerValue, settings.samplingConfidence);
  return {
    memoryMb: plan.memoryMb,
    payloadIndexes: interleavePayloads(plan.payloadIndexes).slice(0, initialInvocations)
  };
}
async function sampleUntilSettled(run) {
  const { states, measured, signal } = run;
  const primary = states[0];
  const settings = primary.settings;
  const policy = adaptivePolicy(settings.invocationsPerValue, settings.samplingConfidence);
  const roundsOf = new Map(settings.powerValuesMb.map((memoryMb) => [memoryMb, 1]));
  for (let round = 1; ; round++) {
    throwIfAborted(signal);
    const next = planNextRound(measured[0] ?? [], settings, primary.prices, policy);
    if (next.stopReason !== void 0) {
      for (const list of measured) {
        for (const entry of list)
          entry.sampling = { rounds: roundsOf.get(entry.memoryMb) ?? 1, open: next.openMb.includes(entry.memoryMb) };
      }
      const summary = {
        mode: "adaptive",
        confidence: policy.confidence,
        rounds: round,
        stopReason: next.stopReason,
        reason: next.explanation,
        invocations: (measured[0] ?? []).reduce((sum, entry) => sum + entry.invocations, 0),
        maxInvocations: policy.maxInvocations * settings.powerValuesMb.length,
        maxInvocationsPerValue: policy.maxInvocations
      };
      primary.logger.info(`${describeSampling(summary)} ${capitalise(next.explanation)}.`);
      return summary;
    }
    primary.logger.info(`Adaptive sampling, round ${round + 1}: ${next.explanation}`);
    await Promise.all(
      [...next.additions].map(async ([memoryMb, count]) => {
        roundsOf.set(memoryMb, (roundsOf.get(memoryMb) ?? 1) + 1);
        await extendTogether(run, memoryMb, count);
      })
    );
  }
}
async function extendTogether(run, memoryMb, count) {
  const parties = run.states.map((state, index) => {
    const list = run.measured[index] ?? [];
    return { state, list, at: list.findIndex((entry) => entry.memoryMb === memoryMb && entry.status === "ok") };
  }).filter((party) => party.at >= 0);
  const turnstile = parties.length > 1 ? new Turnstile(parties.length) : void 0;
  await Promise.all(
    parties.map(async ({ state, list, at }, party) => {
      const entry = list[at];
      const versions = state.prepared.filter((version) => version.memoryMb === memoryMb);
      const more = await invokePowerValue(state, morePayloads(state, memoryMb, entry.invocations, count), versions, {
        limit: run.limit,
        sleep: run.sleep,
        signal: run.signal,
        pacer: turnstile?.pacer(party)
      });
      list[at] = summarisePowerValue(
        memoryMb,
        [...entry.samples, ...more.samples],
        state.settings,
        state.prices,
        more.status === "failed" ? more.failureReason : void 0
      );
    })
  );
}

// src/tuning/rounds/environment-blocks.ts
var GATE_BLOCKS_IN_FLIGHT = 2;
var INVOCATION_OVERHEAD_MS = 25;
var BLOCK_OVERHEAD_MS = 2e3;
var BLOCKS_SHARE_OF_TIMEOUT = 0.75;
function environmentBlocks(extra) {
  return {
    run: async (run) => {
      const deadlineMs = Date.parse(run.startedAt) + run.settings.timeoutMinutes * 6e4 * BLOCKS_SHARE_OF_TIMEOUT;
      const summaries = await sampleForGate(run, extra, () => deadlineMs - run.clock.now().getTime());
      return summaries.map((gateSampling) => ({ gateSampling }));
    }
  };
}
async function sampleForGate(run, extra, timeLeftMs) {
  const { states, measured, signal } = run;
  const primary = states[0];
  const added = states.map(() => /* @__PURE__ */ new Map());
  const blockLimit = pLimit(Math.max(1, Math.min(GATE_BLOCKS_IN_FLIGHT, primary.settings.concurrency)));
  let rounds = 0;
  let last;
  let pinned;
  for (; ; ) {
    throwIfAborted(signal);
    last = extra.next(resultsOf(run));
    pinned ??= last.pinned;
    if (last.pairings.length === 0) break;
    const fitted = fitInTime(last, measured, extra.blockInvocations, timeLeftMs());
    if (fitted.pairings.length === 0) {
      last = {
        pairings: [],
        settled: false,
        reason: "no time was left for more within three quarters of timeout-minutes"
      };
      break;
    }
    last = fitted;
    rounds++;
    primary.logger.info(`Gate sampling, round ${rounds}: ${last.reason}`);
    const blocks = await prepareBlocks(states, measured, last.pairings, signal);
    await Promise.all(states.map((state) => state.target.restore(state.snapshot, signal)));
    let any = false;
    await Promise.all(
      blocks.map(
        (block) => blockLimit(async () => {
          const counts = await invokeBlock(run, block, extra.blockInvocations);
          for (const [index, count] of counts.entries()) {
            if (count === 0) continue;
            any = true;
            const memoryMb = block.memoryBySubject[index] ?? 0;
            const map = added[index];
            const sum = map.get(memoryMb) ?? { invocations: 0, environments: 0 };
            map.set(memoryMb, { invocations: sum.invocations + count, environments: sum.environments + 1 });
          }
        })
      )
    );
    if (!any) {
      last = { pairings: [], settled: false, reason: "the memory sizes still open could not be invoked again" };
      break;
    }
  }
  if (rounds > 0)
    primary.logger.info(`Gate sampling stopped after ${rounds} round${rounds === 1 ? "" : "s"}: ${last.reason}.`);
  return added.map((map) => ({
    rounds,
    added: [...map].sort(([a], [b]) => a - b).map(([memoryMb, sum]) => ({ memoryMb, ...sum })),
    maxInvocations: extra.maxInvocations,
    settled: last.settled,
    reason: last.reason,
    ...pinned ? { pinned } : {}
  }));
}
async function prepareBlocks(states, measured, pairings, signal) {
  const blocks = [];
  for (const pairing of pairings) {
    const first = nextEnvironment(measured, pairing.memoryBySubject);
    for (let i = 0; i < pairing.environments; i++) {
      blocks.push({
        memoryBySubject: pairing.memoryBySubject,
        environment: first + i,
        versions: states.map(() => null)
      });
    }
  }
  await Promise.all(
    states.map(async (state, index) => {
      for (const block of blocks) {
        throwIfAborted(signal);
        const memoryMb = block.memoryBySubject[index] ?? 0;
        const entry = (measured[index] ?? []).find((candidate) => candidate.memoryMb === memoryMb);
        if (entry && entry.status !== "ok") continue;
        try {
          const version = await state.target.prepareVersion(
            state.snapshot,
            memoryMb,
            { environment: block.environment },
            signal
          );
          state.prepared.push(version);
          block.versions[index] = version;
        } catch (error) {
          throwIfAborted(signal);
          state.logger.warning(`An extra environment at ${memoryMb} MB could not be prepared: ${messageOf(error)}`);
        }
      }
    })
  );
  return blocks;
}
function nextEnvironment(measured, memoryBySubject) {
  let highest = 0;
  for (const [index, memoryMb] of memoryBySubject.entries()) {
    const entry = (measured[index] ?? []).find((candidate) => candidate.memoryMb === memoryMb);
    for (const sample of entry?.samples ?? []) highest = Math.max(highest, sample.environment ?? 0);
  }
  return highest + 1;
}
async function invokeBlock(run, block, count) {
  const { states, measured } = run;
  const added = states.map(() => 0);
  const parties = states.map((state, index) => ({
    state,
    index,
    memoryMb: block.memoryBySubject[index] ?? 0,
    version: block.versions[index]
  })).filter(
    (party) => party.version !== null && party.version !== void 0
  );
  const turnstile = parties.length > 1 ? new Turnstile(parties.length, block.environment % 2 === 1) : void 0;
  const serial = pLimit(parties.length || 1);
  await Promise.all(
    parties.map(async ({ state, index, memoryMb, version }, party) => {
      const list = measured[index] ?? [];
      const start = list.find((entry) => entry.memoryMb === memoryMb);
      if (start && start.status !== "ok") return;
      const more = await invokePowerValue(
        state,
        morePayloads(state, memoryMb, start?.invocations ?? 0, count),
        [version],
        {
          limit: serial,
          sleep: run.sleep,
          signal: run.signal,
          pacer: turnstile?.pacer(party),
          settings: { ...state.settings, parallelInvocation: false }
        }
      );
      const tagged = more.samples.map((sample) => ({ ...sample, environment: block.environment }));
      const at = list.findIndex((entry) => entry.memoryMb === memoryMb);
      const current = list[at];
      const summary = summarisePowerValue(
        memoryMb,
        [...current?.samples ?? [], ...tagged],
        state.settings,
        state.prices,
        more.status === "failed" ? more.failureReason : current?.failureReason
      );
      if (current) list[at] = summary;
      else {
        list.push(summary);
        list.sort((a, b) => a.memoryMb - b.memoryMb);
      }
      added[index] = tagged.length;
    })
  );
  return added;
}
function fitInTime(round, measured, blockInvocations, timeLeftMs) {
  const perBlockMs = round.pairings.map((pairing) => {
    const means = pairing.memoryBySubject.map((memoryMb, index) => {
      const entry = (measured[index] ?? []).find((candidate) => candidate.memoryMb === memoryMb);
      const billed = entry?.samples.map((sample) => sample.billedDurationMs) ?? [];
      return billed.length > 0 ? billed.reduce((total, value) => total + value, 0) / billed.length : void 0;
    });
    const known = means.filter((mean) => mean !== void 0);
    const fallback = known.length > 0 ? Math.max(...known) : 0;
    return BLOCK_OVERHEAD_MS + blockInvocations * means.reduce((sum, mean) => sum + (mean ?? fallback) + INVOCATION_OVERHEAD_MS, 0);
  });
  const needMs = round.pairings.reduce(
    (sum, pairing, index) => sum + pairing.environments * (perBlockMs[index] ?? 0),
    0
  );
  if (needMs <= timeLeftMs) return round;
  let leftMs = Math.max(0, timeLeftMs);
  const pairings = round.pairings.map((pairing, index) => {
    const perBlock = perBlockMs[index] ?? 0;
    const environments = perBlock > 0 ? Math.min(pairing.environments, Math.floor(leftMs / perBlock)) : 0;
    leftMs -= environments * perBlock;
    return { ...pairing, environments };
  }).filter((pairing) => pairing.environments > 0);
  return { ...round, pairings, reason: `${round.reason} (fewer, to stay within three quarters of timeout-minutes)` };
}

// src/tuning/tuner.ts
async function tune(settings, deps, signal) {
  const [result] = await tuneTogether([{ settings }], deps, signal);
  if (!result) throw new Error("tuneTogether returned no result");
  return result;
}
async function tuneTogether(subjects, deps, signal, extra) {
  const run = await openRun(subjects, deps, signal);
  if (run.settings.dryRun) {
    run.logger.info("Dry run: settings are valid and the function exists; nothing was changed or invoked.");
    return dryRunResults(run);
  }
  const rounds = roundsFor(run.settings, extra);
  const budget = cleanupBudget(signal, deps.cleanupBudgetMs ?? CLEANUP_BUDGET_MS);
  const records = [];
  let failure;
  let cleanup;
  try {
    await recordRuns(run);
    await prepareAndMeasure(run, rounds);
    await Promise.all(run.states.map((state) => state.target.restore(state.snapshot, signal)));
    await collectMeasured(run);
    throwIfAborted(signal);
    for (const plugin of rounds) records.push(await plugin.run(run));
  } catch (error) {
    failure = error;
  } finally {
    cleanup = await restoreAndCleanUp(run.states, budget, run.logger).finally(() => budget.dispose());
  }
  return finish(run, records, failure, cleanup, signal);
}
function roundsFor(settings, extra) {
  return [
    ...settings.sampling === "adaptive" ? [adaptiveRounds()] : [],
    ...extra ? [environmentBlocks(extra)] : []
  ];
}
function memoryRefusal(error, memoryMb) {
  const name = errorName(error);
  const message = error?.message;
  if (name !== "ValidationException" && name !== "InvalidParameterValueException" || typeof message !== "string" || !/MemorySize/i.test(message))
    return void 0;
  const limit = /less than or equal to (\d+)/.exec(message)?.[1];
  return `Lambda refused ${memoryMb} MB${limit ? ` (this account allows at most ${limit} MB)` : ""}: new accounts have reduced memory quotas; use power-values up to ${limit ? `${limit} MB` : "the allowed memory"}, or ask AWS (Service Quotas or Support) to raise the memory quota`;
}
async function openRun(subjects, deps, signal) {
  const primary = subjects[0];
  if (!primary) throw new Error("tuneTogether needs at least one function");
  for (const other of subjects.slice(1)) {
    if (other.settings.powerValuesMb.join(",") !== primary.settings.powerValuesMb.join(",") || other.settings.invocationsPerValue !== primary.settings.invocationsPerValue) {
      throw new Error("functions tuned together need the same power values and invocations");
    }
  }
  const settings = primary.settings;
  const { logger } = deps;
  const started = startRun(settings, deps);
  const { runId, deadlineMs } = started;
  const states = [];
  for (const [index, subject] of subjects.entries()) {
    const subjectLogger = index === 0 ? logger : labelledLogger(logger, subject.label ?? `function ${index + 1}`);
    const targetOf = (owner) => targetFor(subject.client ?? deps.client, subject.settings, owner, started, deps, subjectLogger);
    const target = targetOf(runId);
    const snapshot = await target.snapshot(signal).catch((error) => {
      if (signal?.aborted)
        throw new TuningCancelledError(`Tuning cancelled (${reasonText(signal.reason)}) before anything was changed`);
      throw error;
    });
    const refusal = architectureRefusal(subject, snapshot, states[0]?.snapshot);
    if (refusal) throw refusal;
    if (!settings.dryRun) await recoverLeftovers(targetOf, subject.settings, runId, started.now(), subjectLogger);
    deps.onSnapshot?.(snapshot, { runId, deadlineMs });
    states.push(subjectState(subject, target, snapshot, subjectLogger));
  }
  for (const state of states) {
    const planned = state.plans.map((plan) => plan.memoryMb);
    state.logger.info(
      `Tuning ${state.snapshot.identity.name} (${state.snapshot.identity.architecture}, ${state.snapshot.memoryMb} MB now) at ${planned.length > 0 ? planned.join(", ") : "no planned"} MB, ${state.settings.invocationsPerValue} invocations each, run ${runId}` + (state.subject.planOnlyConfigured ? " (its configured memory only; more where the gate compares)" : "")
    );
  }
  if (states.length > 1)
    logger.info(
      `Invocations of the ${states.length} functions take turns at each memory size, so they share one time window`
    );
  const first = states[0];
  await checkAutoOptimizeTarget(settings, first.target, first.snapshot);
  return {
    runId,
    startedAt: started.startedAt,
    settings,
    states,
    measured: states.map(() => []),
    logger,
    clock: started.clock,
    sleep: started.sleep,
    signal,
    limit: deps.invocationLimit ?? pLimit(settings.concurrency)
  };
}
function architectureRefusal(subject, snapshot, primary) {
  const { name, architecture } = snapshot.identity;
  const listed = subject.settings.architectures;
  if (!primary && listed?.length === 1 && listed[0] !== architecture) {
    return new InputError(
      "architectures",
      `Input 'architectures': ${name} is ${architecture}, not ${listed[0]}; leave architectures empty, list ${architecture}, or list both (x86_64,arm64) with compare-function naming the ${listed[0]} deployment`
    );
  }
  if (primary && subject.otherArchitectureOf && primary.identity.architecture === architecture) {
    const other = architecture === "arm64" ? "x86_64" : "arm64";
    return new InputError(
      subject.otherArchitectureOf.input,
      `Input '${subject.otherArchitectureOf.input}': ${name} is ${architecture} like ${primary.identity.name}; name the deployment built for ${other}`
    );
  }
  return void 0;
}
async function recordRuns(run) {
  for (const state of run.states) {
    try {
      await state.target.recordRun(state.snapshot);
      state.recorded = true;
    } catch (error) {
      state.logger.warning(
        `Could not create this run's state alias (${messageOf(error)}): if this run is killed before it restores ${state.snapshot.identity.name}, neither the post step nor the next run can put its description back`
      );
    }
  }
}
async function prepareAndMeasure(run, rounds) {
  const { states, signal, logger } = run;
  const firstPass = (plan, settings) => rounds.reduce((current, plugin) => plugin.firstPass?.(current, settings) ?? current, plan);
  const groupName = states.length === 1 ? "Preparing one version per memory size" : `Preparing one version per memory size of each of the ${states.length} functions`;
  await logger.group(groupName, async () => {
    for (const plan of states[0]?.plans ?? []) {
      const ready = [];
      for (const state of states) {
        throwIfAborted(signal);
        const statePlan = state.plans.find((candidate) => candidate.memoryMb === plan.memoryMb);
        if (!statePlan) continue;
        try {
          ready.push({ state, plan: statePlan, versions: await prepareVersions(state, statePlan, signal) });
        } catch (error) {
          throwIfAborted(signal);
          const why = memoryRefusal(error, statePlan.memoryMb) ?? messageOf(error);
          state.logger.warning(`${statePlan.memoryMb} MB could not be prepared and is skipped: ${why}`);
          state.running.push(Promise.resolve(failedResult(statePlan.memoryMb, `could not be prepared: ${why}`)));
        }
      }
      const turnstile = ready.length > 1 ? new Turnstile(ready.length) : void 0;
      for (const [party, { state, plan: statePlan, versions }] of ready.entries()) {
        const options = { limit: run.limit, sleep: run.sleep, signal, pacer: turnstile?.pacer(party) };
        const measuring = invokePowerValue(state, firstPass(statePlan, state.settings), versions, options);
        measuring.catch(() => void 0);
        state.running.push(measuring);
      }
    }
  });
}
async function prepareVersions(state, plan, signal) {
  const versions = [];
  const count = state.settings.onlyColdStarts ? plan.payloadIndexes.length : 1;
  for (let i = 0; i < count; i++) {
    const version = await state.target.prepareVersion(
      state.snapshot,
      plan.memoryMb,
      state.settings.onlyColdStarts ? i : void 0,
      signal
    );
    state.prepared.push(version);
    versions.push(version);
  }
  throwIfAborted(signal);
  state.logger.info(
    `${plan.memoryMb} MB ready: ${versions.length === 1 ? `version ${versions[0]?.version}` : `${versions.length} versions`}`
  );
  return versions;
}
async function collectMeasured(run) {
  for (const [index, state] of run.states.entries()) {
    const settled = await Promise.allSettled(state.running);
    run.measured[index] = settled.map((outcome, planIndex) => {
      if (outcome.status === "fulfilled") return outcome.value;
      return failedResult(state.plans[planIndex]?.memoryMb ?? 0, `invocations failed: ${messageOf(outcome.reason)}`);
    });
  }
}
function finish(run, records, caught, cleanup, signal) {
  let failure = caught;
  let cleanUpOnly = false;
  if (cleanup.problem !== void 0) {
    if (failure === void 0) {
      failure = new TuningFailedError(cleanup.problem);
      cleanUpOnly = true;
    } else {
      run.logger.warning(cleanup.problem);
    }
  }
  if (failure !== void 0 && cleanUpOnly && !signal?.aborted) {
    throw new TuningFailedError(messageOf(failure).replace(/^TuningFailedError: /, ""), resultsOf(run)[0]);
  }
  if (failure !== void 0) {
    if (signal?.aborted) {
      const names = run.states.map((state) => state.snapshot.identity.name).join(" and ");
      if (!cleanup.complete) {
        throw new TuningCancelledError(
          `Tuning cancelled (${reasonText(signal.reason)}); clean-up of ${names} is incomplete, and the warning above names what is left`
        );
      }
      throw new TuningCancelledError(
        `Tuning cancelled (${reasonText(signal.reason)}); ${names} ${run.states.length === 1 ? "was" : "were"} restored and this run's versions and aliases deleted`
      );
    }
    throw failure;
  }
  const results = resultsOf(run);
  for (const perFunction of records)
    for (const [index, record] of perFunction.entries()) Object.assign(results[index] ?? {}, record);
  const result = results[0];
  if (!result.powerValues.some((entry) => entry.status === "ok")) {
    const reasons = result.powerValues.map((entry) => `${entry.memoryMb} MB ${entry.failureReason ?? "failed"}`).join("; ");
    throw new TuningFailedError(`Every memory size failed: ${reasons}`, result);
  }
  return results;
}

export {
  runDeadlineMs,
  newRunId,
  TuningFailedError,
  TuningCancelledError,
  labelledLogger,
  autoOptimize,
  tune,
  tuneTogether
};
