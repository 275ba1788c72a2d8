import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  pLimit
} from "./chunk-YQ5HGVKP.js";
import {
  messageOf
} from "./chunk-ZS2HFFQI.js";
import {
  realSleep
} from "./chunk-FTQIWBND.js";
import {
  DeleteAlias$,
  DeleteFunction$,
  GetFunction$,
  GetFunctionConfiguration$,
  ListAliases$,
  ListVersionsByFunction$,
  commonParams
} from "./chunk-UFSOI34G.js";
import {
  errorName,
  isThrottling,
  isTransient,
  withRetry
} from "./chunk-CPWGUBW5.js";
import {
  WaiterState,
  checkExceptions,
  createWaiter,
  getEndpointPlugin,
  makeBuilder
} from "./chunk-EMDC3MXH.js";

// src/tuning/function-config.ts
import { createHash } from "node:crypto";

// src/tuning/markers.ts
function aliasName(runId, memoryMb, variant) {
  if (variant === void 0) return `lpg-${runId}-${memoryMb}`;
  return typeof variant === "number" ? `lpg-${runId}-${memoryMb}-c${variant}` : `lpg-${runId}-${memoryMb}-e${variant.environment}`;
}
function versionDescription(runId, memoryMb, variant) {
  const suffix = variant === void 0 ? "" : typeof variant === "number" ? ` cold ${variant}` : ` environment ${variant.environment}`;
  return `lambda-power-gate ${runId} ${memoryMb} MB${suffix}`;
}
function runMarker(runId, memoryMb, variant, recovery) {
  return versionDescription(runId, memoryMb, variant) + recoverySuffix(recovery);
}
function autoOptimizeDescription(runId, memoryMb, alias, recovery) {
  return `lambda-power-gate ${runId}: ${memoryMb} MB for alias ${alias}` + recoverySuffix(recovery);
}
function recoverySuffix(recovery) {
  return recovery ? ` (was ${recovery.originalMemoryMb} MB, until ${isoSeconds(recovery.deadlineMs)})` : "";
}
function parseMarker(description) {
  const runId = markerRunId(description);
  if (runId === void 0) return void 0;
  const match = description?.match(/ \(was (\d+) MB, until (\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)\)$/);
  const deadlineMs = match?.[2] ? Date.parse(match[2]) : NaN;
  if (!match?.[1] || !Number.isFinite(deadlineMs)) return { runId };
  return { runId, originalMemoryMb: Number(match[1]), deadlineMs };
}
function stateAliasName(runId, deadlineMs) {
  return `lpg-${runId}-until-${isoSeconds(deadlineMs).replace(/[-:]/g, "")}`;
}
function parseStateAliasName(name) {
  const match = name.match(/^lpg-([^-]+)-until-(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/);
  if (!match) return void 0;
  const [, runId = "", year, month, day, hour, minute, second] = match;
  const deadlineMs = Date.parse(`${year}-${month}-${day}T${hour}:${minute}:${second}Z`);
  return Number.isFinite(deadlineMs) ? { runId, deadlineMs } : void 0;
}
function aliasRunId(name) {
  return name.match(/^lpg-([^-]+)-/)?.[1];
}
function versionRunId(description) {
  return description?.match(/^lambda-power-gate ([^\s:]+) \d+ MB\b/)?.[1];
}
function isoSeconds(ms) {
  return new Date(Math.ceil(ms / 1e3) * 1e3).toISOString().replace(/\.\d{3}Z$/, "Z");
}
function markerRunId(description) {
  return description?.match(/^lambda-power-gate (\S+?):? \d+ MB\b/)?.[1];
}
function isRunVersion(description, runId) {
  return isRunVersionDescription(description, runId) || versionRunId(description) === runId;
}
function isRunVersionDescription(description, runId) {
  const escaped = runId.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(
    `^lambda-power-gate ${escaped} \\d+ MB(?: cold \\d+| environment \\d+)?(?: \\(was \\d+ MB, until [^)]+\\))?$`
  ).test(description ?? "");
}

// src/tuning/target-errors.ts
var ConcurrentChangeError = class extends Error {
  name = "ConcurrentChangeError";
};
var AliasRoutingError = class extends Error {
  name = "AliasRoutingError";
};
var LoggingConfigError = class extends Error {
  name = "LoggingConfigError";
};
var RestoreError = class extends Error {
  name = "RestoreError";
};
var AbandonedRunError = class extends Error {
  name = "AbandonedRunError";
};
var VersionNotActiveError = class extends Error {
  name = "VersionNotActiveError";
};
var WrongVersionError = class extends Error {
  name = "WrongVersionError";
};
function messageText(error) {
  const message = error?.message;
  return typeof message === "string" ? message : String(error);
}
function waiterFailure(error) {
  try {
    const result = JSON.parse(messageText(error));
    if (result.state !== "FAILURE" || typeof result.reason !== "object" || result.reason === null) return void 0;
    const reason = result.reason;
    return reason.StateReason ?? reason.StateReasonCode ?? reason.Configuration?.StateReason ?? reason.Configuration?.StateReasonCode ?? "no reason given";
  } catch {
    return void 0;
  }
}
function isAlreadyExists(error) {
  return errorName(error) === "ResourceConflictException" && /already exist/i.test(messageText(error));
}
function isNotFound(error) {
  return errorName(error) === "ResourceNotFoundException";
}

// src/tuning/function-config.ts
function identityFromConfiguration(config, region) {
  const architecture = config.Architectures?.[0] === "arm64" ? "arm64" : "x86_64";
  const logFormat = config.LoggingConfig?.LogFormat === "JSON" ? "JSON" : "Text";
  return {
    name: config.FunctionName ?? "",
    arn: unqualifiedArn(config.FunctionArn ?? ""),
    region,
    architecture,
    runtime: config.Runtime,
    codeSha256: config.CodeSha256,
    // What an unchanged check compares with the baseline's (src/app/unchanged.ts). Only a hash of the environment:
    // its values are often secrets, and results.json is published (artifact, data branch).
    ...config.Handler !== void 0 ? { handler: config.Handler } : {},
    layers: (config.Layers ?? []).flatMap((layer) => layer.Arn ? [layer.Arn] : []),
    environmentSha256: environmentSha256(config.Environment?.Variables ?? {}),
    // What a cold start bills depends on these (tuning/cold-cost.ts). PackageType defaults to Zip in the API model.
    ...config.PackageType === "Image" || config.PackageType === "Zip" ? { packageType: config.PackageType } : {},
    ...config.SnapStart?.ApplyOn === "PublishedVersions" ? { snapStart: true } : {},
    originalMemoryMb: config.MemorySize ?? 128,
    logFormat
  };
}
function environmentSha256(variables) {
  const entries = Object.entries(variables).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
  return createHash("sha256").update(JSON.stringify(entries)).digest("hex");
}
function snapshotOf(config, region, fallbackArn, original) {
  const identity = identityFromConfiguration(config, region);
  return {
    identity,
    functionArn: identity.arn || fallbackArn,
    memoryMb: original?.memoryMb ?? config.MemorySize ?? 128,
    description: original?.description ?? config.Description ?? "",
    timeoutSec: config.Timeout ?? 3,
    revisionId: config.RevisionId ?? "",
    environment: config.Environment?.Variables ?? {}
  };
}
function checkReportIsLogged(config) {
  const logging = config.LoggingConfig;
  const level = logging?.SystemLogLevel;
  if (logging?.LogFormat !== "JSON" || level === void 0 || ["DEBUG", "INFO", "TRACE"].includes(level)) return;
  throw new LoggingConfigError(
    `${config.FunctionName ?? "The function"} logs system events at ${level}, so Lambda sends no platform.report and no invocation can be measured; set LoggingConfig.SystemLogLevel to INFO or DEBUG (or LogFormat to Text) and run again`
  );
}
function unqualifiedArn(arn) {
  const parts = arn.split(":");
  return parts.length > 7 ? parts.slice(0, 7).join(":") : arn;
}
function differencesBetween(current, snapshot, ownRunId) {
  const differences = [];
  const owner = markerRunId(current.Description);
  const heldByOtherRun = owner !== void 0 && owner !== ownRunId;
  if (!heldByOtherRun) {
    if (current.MemorySize !== snapshot.memoryMb)
      differences.push(`MemorySize is ${current.MemorySize}, was ${snapshot.memoryMb}`);
    if ((current.Description ?? "") !== snapshot.description)
      differences.push(`Description is "${current.Description ?? ""}", was "${snapshot.description}"`);
  }
  if ((current.Timeout ?? 3) !== snapshot.timeoutSec)
    differences.push(`Timeout is ${current.Timeout}, was ${snapshot.timeoutSec}`);
  if (JSON.stringify(sortKeys(current.Environment?.Variables ?? {})) !== JSON.stringify(sortKeys(snapshot.environment))) {
    differences.push("Environment variables differ");
  }
  return differences;
}
function sortKeys(record) {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}

// node_modules/@aws-sdk/client-lambda/dist-es/commandBuilder.js
var command = makeBuilder(commonParams, "AWSGirApiService", "LambdaClient", getEndpointPlugin);
var _ep0 = {};
var _mw0 = (Command, cs, config, o) => [];

// node_modules/@aws-sdk/client-lambda/dist-es/commands/DeleteAliasCommand.js
var DeleteAliasCommand = class extends command(_ep0, _mw0, "DeleteAlias", DeleteAlias$) {
};

// node_modules/@aws-sdk/client-lambda/dist-es/commands/DeleteFunctionCommand.js
var DeleteFunctionCommand = class extends command(_ep0, _mw0, "DeleteFunction", DeleteFunction$) {
};

// node_modules/@aws-sdk/client-lambda/dist-es/commands/GetFunctionCommand.js
var GetFunctionCommand = class extends command(_ep0, _mw0, "GetFunction", GetFunction$) {
};

// node_modules/@aws-sdk/client-lambda/dist-es/commands/GetFunctionConfigurationCommand.js
var GetFunctionConfigurationCommand = class extends command(_ep0, _mw0, "GetFunctionConfiguration", GetFunctionConfiguration$) {
};

// node_modules/@aws-sdk/client-lambda/dist-es/commands/ListAliasesCommand.js
var ListAliasesCommand = class extends command(_ep0, _mw0, "ListAliases", ListAliases$) {
};

// node_modules/@aws-sdk/client-lambda/dist-es/commands/ListVersionsByFunctionCommand.js
var ListVersionsByFunctionCommand = class extends command(_ep0, _mw0, "ListVersionsByFunction", ListVersionsByFunction$) {
};

// node_modules/@aws-sdk/client-lambda/dist-es/waiters/waitForFunctionUpdatedV2.js
var checkState = async (client, input) => {
  let reason;
  try {
    let result = await client.send(new GetFunctionCommand(input));
    reason = result;
    try {
      const returnComparator = () => {
        return result.Configuration.LastUpdateStatus;
      };
      if (returnComparator() === "Successful") {
        return { state: WaiterState.SUCCESS, reason };
      }
    } catch (e) {
    }
    try {
      const returnComparator = () => {
        return result.Configuration.LastUpdateStatus;
      };
      if (returnComparator() === "Failed") {
        return { state: WaiterState.FAILURE, reason };
      }
    } catch (e) {
    }
    try {
      const returnComparator = () => {
        return result.Configuration.LastUpdateStatus;
      };
      if (returnComparator() === "InProgress") {
        return { state: WaiterState.RETRY, reason };
      }
    } catch (e) {
    }
  } catch (exception) {
    reason = exception;
  }
  return { state: WaiterState.RETRY, reason };
};
var waitUntilFunctionUpdatedV2 = async (params, input) => {
  const serviceDefaults = { minDelay: 1, maxDelay: 300 };
  const result = await createWaiter({ ...serviceDefaults, ...params }, input, checkState);
  return checkExceptions(result);
};

// node_modules/@aws-sdk/client-lambda/dist-es/waiters/waitForPublishedVersionActive.js
var checkState2 = async (client, input) => {
  let reason;
  try {
    let result = await client.send(new GetFunctionConfigurationCommand(input));
    reason = result;
    try {
      const returnComparator = () => {
        return result.State;
      };
      if (returnComparator() === "Active") {
        return { state: WaiterState.SUCCESS, reason };
      }
    } catch (e) {
    }
    try {
      const returnComparator = () => {
        return result.State;
      };
      if (returnComparator() === "Failed") {
        return { state: WaiterState.FAILURE, reason };
      }
    } catch (e) {
    }
    try {
      const returnComparator = () => {
        return result.State;
      };
      if (returnComparator() === "Pending") {
        return { state: WaiterState.RETRY, reason };
      }
    } catch (e) {
    }
  } catch (exception) {
    reason = exception;
  }
  return { state: WaiterState.RETRY, reason };
};
var waitUntilPublishedVersionActive = async (params, input) => {
  const serviceDefaults = { minDelay: 5, maxDelay: 1560 };
  const result = await createWaiter({ ...serviceDefaults, ...params }, input, checkState2);
  return checkExceptions(result);
};

// src/tuning/leftovers.ts
var DELETES_IN_FLIGHT = 10;
var PAGE_SIZE = 50;
async function listAliases(api, functionArn, signal) {
  const aliases = [];
  let marker;
  do {
    const page = await api.send(
      "ListAliases",
      new ListAliasesCommand({ FunctionName: functionArn, Marker: marker, MaxItems: PAGE_SIZE }),
      signal
    );
    aliases.push(...page.Aliases ?? []);
    marker = page.NextMarker;
  } while (marker);
  return aliases;
}
async function listVersions(api, functionArn, signal) {
  const versions = [];
  let marker;
  do {
    const command2 = new ListVersionsByFunctionCommand({
      FunctionName: functionArn,
      Marker: marker,
      MaxItems: PAGE_SIZE
    });
    const page = await api.send("ListVersionsByFunction", command2, signal);
    for (const config of page.Versions ?? []) {
      if (config.Version && config.Version !== "$LATEST")
        versions.push({ version: config.Version, description: config.Description ?? "" });
    }
    marker = page.NextMarker;
  } while (marker);
  return versions;
}
function runAliasNames(aliases, runId) {
  return aliases.map((alias) => alias.Name ?? "").filter((name) => name.startsWith(`lpg-${runId}-`));
}
function runVersionNumbers(versions, runId) {
  return versions.filter((entry) => isRunVersion(entry.description, runId)).map((entry) => entry.version).sort((a, b) => Number(a) - Number(b));
}
async function listRunVersions(api, functionArn, runId, signal) {
  return runVersionNumbers(await listVersions(api, functionArn, signal), runId);
}
async function listRunLeftovers(api, functionArn, runId, signal) {
  const [aliases, versions] = await Promise.all([
    listAliases(api, functionArn, signal),
    listRunVersions(api, functionArn, runId, signal)
  ]);
  return { aliases: runAliasNames(aliases, runId), versions };
}
async function removeLeftovers(api, functionArn, leftovers, signal) {
  const inFlight = pLimit(DELETES_IN_FLIGHT);
  const deleted = /* @__PURE__ */ new Set();
  const problems = /* @__PURE__ */ new Map();
  const remove = (key, call) => inFlight(async () => {
    try {
      await call();
      deleted.add(key);
    } catch (error) {
      if (isNotFound(error)) deleted.add(key);
      else if (!signal?.aborted) problems.set(key, `${key}: ${messageOf(error)}`);
    }
  });
  await Promise.all(
    leftovers.aliases.map((alias) => remove(`alias ${alias}`, () => api.deleteAlias(functionArn, alias, signal)))
  );
  await Promise.all(
    leftovers.versions.map(
      (version) => remove(`version ${version}`, () => api.deleteVersion(functionArn, version, signal))
    )
  );
  const isDeleted = (kind) => (name) => deleted.has(`${kind} ${name}`);
  const isLeft = (kind) => (name) => !deleted.has(`${kind} ${name}`);
  return {
    deletedAliases: leftovers.aliases.filter(isDeleted("alias")),
    deletedVersions: leftovers.versions.filter(isDeleted("version")),
    problems: [
      ...leftovers.aliases.map((alias) => `alias ${alias}`),
      ...leftovers.versions.map((version) => `version ${version}`)
    ].flatMap((key) => {
      const problem = problems.get(key);
      return problem === void 0 ? [] : [problem];
    }),
    remaining: {
      aliases: leftovers.aliases.filter(isLeft("alias")),
      versions: leftovers.versions.filter(isLeft("version")).sort((a, b) => Number(a) - Number(b))
    }
  };
}

// src/tuning/recovery.ts
function runAliases(aliases, runId) {
  const names = runAliasNames(aliases, runId);
  const state = aliases.find((alias) => parseStateAliasName(alias.Name ?? "")?.runId === runId);
  const parsed = state ? parseStateAliasName(state.Name ?? "") : void 0;
  return {
    names,
    ...parsed ? { deadlineMs: parsed.deadlineMs, originalDescription: state?.Description ?? "" } : {}
  };
}
async function removeRunLeftovers(target, functionArn, region, runId, original) {
  const removed = { runId, deletedAliases: [], deletedVersions: [], problems: [] };
  const config = await target.currentConfiguration(functionArn);
  const marker = parseMarker(config.Description);
  const markerIsOurs = marker?.runId === runId;
  const aliases = runAliases(await target.listAliases(functionArn), runId);
  if (!markerIsOurs && aliases.names.length === 0) return removed;
  if (markerIsOurs) {
    const memoryMb = original?.memoryMb ?? marker.originalMemoryMb;
    const description = original?.description ?? aliases.originalDescription;
    if (memoryMb === void 0 || description === void 0) {
      removed.problems.push(
        `$LATEST carries run ${runId}'s marker but its original configuration is unknown (no state alias): set MemorySize and Description back by hand`
      );
    } else {
      const snapshot = { ...snapshotOf(config, region, functionArn, { memoryMb, description }), functionArn };
      try {
        await target.restore(snapshot);
        removed.restoredMemoryMb = memoryMb;
      } catch (error) {
        removed.problems.push(messageOf(error));
      }
    }
  }
  const stateAlias = aliases.names.find((name) => parseStateAliasName(name) !== void 0);
  const aliasReport = await target.removeLeftovers(functionArn, {
    aliases: aliases.names.filter((entry) => entry !== stateAlias),
    versions: []
  });
  const versionReport = await target.removeLeftovers(functionArn, {
    aliases: [],
    versions: await target.listRunVersions(functionArn, runId)
  });
  for (const report of [aliasReport, versionReport]) {
    removed.deletedAliases.push(...report.deletedAliases);
    removed.deletedVersions.push(...report.deletedVersions);
    removed.problems.push(...report.problems);
  }
  if (stateAlias && removed.problems.length === 0) {
    try {
      await target.deleteAlias(functionArn, stateAlias);
      removed.deletedAliases.push(stateAlias);
    } catch (error) {
      removed.problems.push(`alias ${stateAlias}: ${messageOf(error)}`);
    }
  }
  return removed;
}
function describeRemoval(removed, functionName) {
  const parts = [];
  if (removed.restoredMemoryMb !== void 0)
    parts.push(`$LATEST put back to ${removed.restoredMemoryMb} MB and its original description`);
  if (removed.deletedAliases.length > 0)
    parts.push(`deleted ${removed.deletedAliases.length} aliases (${removed.deletedAliases.join(", ")})`);
  if (removed.deletedVersions.length > 0)
    parts.push(`deleted ${removed.deletedVersions.length} versions (${removed.deletedVersions.join(", ")})`);
  return `${functionName}: ${parts.length > 0 ? parts.join("; ") : "nothing to remove"}`;
}
async function recoverAbandonedRuns(targetFor, functionArn, functionName, region, ownRunId, nowMs, logger) {
  const aliases = await targetFor(ownRunId).listAliases(functionArn);
  const runIds = [
    ...new Set(
      aliases.map((alias) => aliasRunId(alias.Name ?? "")).filter((id) => id !== void 0 && id !== ownRunId)
    )
  ];
  const removedRuns = [];
  for (const runId of runIds) {
    const found = runAliases(aliases, runId);
    if (found.deadlineMs === void 0) {
      logger.info(
        `${functionName} has aliases of lambda-power-gate run ${runId} (${found.names.join(", ")}) that record no deadline (an older version of the tool, or the run is still cleaning up): left alone; delete them and their versions by hand if no run is in progress`
      );
      continue;
    }
    const until = new Date(found.deadlineMs).toISOString();
    if (nowMs <= found.deadlineMs) {
      logger.info(
        `${functionName} has ${found.names.length} aliases of lambda-power-gate run ${runId}, which may still be running until ${until}: left alone`
      );
      continue;
    }
    const removed = await removeRunLeftovers(targetFor(runId), functionArn, region, runId);
    removedRuns.push(removed);
    logger.warning(
      `Run ${runId} ended at ${until} without cleaning up (was it killed?); removed what it left: ${describeRemoval(removed, functionName)}`
    );
    if (removed.problems.length > 0)
      logger.warning(
        `Could not remove everything run ${runId} left on ${functionName}: ${removed.problems.join("; ")}`
      );
  }
  return removedRuns;
}

// src/tuning/limiter.ts
var CONTROL_PLANE_RATE_PER_SECOND = 10;
var CONTROL_PLANE_BURST = 5;
var RateLimiter = class {
  constructor(options) {
    this.options = options;
    this.tokens = options.burst;
    this.updatedMs = options.now();
  }
  options;
  tokens;
  updatedMs;
  /** Waiters in arrival order: first come, first served, so no caller starves. */
  queue = Promise.resolve();
  /** Requests let through so far (for benches and tests). */
  granted = 0;
  /**
   * Resolves when one request may go; rejects with the signal's reason as soon as it aborts (a cancelled run
   * starts no new request). A caller that gives up keeps its place from blocking the others.
   */
  take(signal) {
    const turn = this.queue.then(() => this.waitForToken(signal));
    this.queue = turn.catch(() => void 0);
    return turn;
  }
  /** Runs `call` once a token is there. */
  async schedule(call, signal) {
    await this.take(signal);
    return call();
  }
  async waitForToken(signal) {
    for (; ; ) {
      if (signal?.aborted) throw abortReason(signal);
      this.refill();
      if (this.tokens >= 1) {
        this.tokens -= 1;
        this.granted++;
        return;
      }
      const waitMs = Math.ceil((1 - this.tokens) / this.options.ratePerSecond * 1e3);
      await this.options.sleep(Math.max(1, waitMs), signal);
    }
  }
  refill() {
    const nowMs = this.options.now();
    const elapsedMs = Math.max(0, nowMs - this.updatedMs);
    this.tokens = Math.min(this.options.burst, this.tokens + elapsedMs / 1e3 * this.options.ratePerSecond);
    this.updatedMs = nowMs;
  }
};
function abortReason(signal) {
  return signal.reason instanceof Error ? signal.reason : new Error(String(signal.reason ?? "aborted"));
}
function controlPlaneLimiter(sleep, now = Date.now) {
  return new RateLimiter({ ratePerSecond: CONTROL_PLANE_RATE_PER_SECOND, burst: CONTROL_PLANE_BURST, now, sleep });
}

// src/tuning/control-plane.ts
var SETTLE = true;
var CONTROL_PLANE_ATTEMPTS = 8;
var VERSION_WAITER_MIN_DELAY_SEC = 5;
var VERSION_WAITER_MAX_WAIT_SEC = 312 * 5;
var ControlPlane = class {
  constructor(client, functionName, options) {
    this.client = client;
    this.functionName = functionName;
    this.options = options;
    this.waiterMinDelaySec = options.waiterMinDelaySec ?? 1;
    this.waiterMaxWaitSec = options.waiterMaxWaitSec ?? 300;
    this.limiter = options.limiter ?? controlPlaneLimiter(realSleep);
  }
  client;
  functionName;
  options;
  limiter;
  waiterMinDelaySec;
  waiterMaxWaitSec;
  /** Requests that create something (update, publish, alias), still in flight. */
  inFlight = /* @__PURE__ */ new Set();
  /**
   * A control-plane call with retries: throttling and 5xx back off; ResourceConflictException (an update is in
   * progress, ours or someone else's) waits for the update to finish, then tries again. Every HTTP attempt (the
   * SDK's own retries too) first takes a token from the run's limiter. Once `signal` aborts, nothing new starts:
   * not the request in flight (cancelled), not a backoff (cut short), not another attempt.
   */
  send(operation, command2, signal, settle = false) {
    const limiter = this.limiter;
    command2.middlewareStack.add(
      (next) => async (args) => {
        await limiter.take(signal);
        return next(args);
      },
      // After the SDK's retry middleware (finalizeRequest, high priority): once per HTTP attempt.
      { step: "finalizeRequest", priority: "low", name: "lambdaPowerGateControlPlanePace" }
    );
    const send = this.client.send.bind(this.client);
    const attempt = () => {
      if (!settle) return send(command2, signal ? { abortSignal: signal } : {});
      const sent = Promise.resolve(send(command2, {}));
      const tracked = sent.then(
        () => void 0,
        () => void 0
      );
      this.inFlight.add(tracked);
      void tracked.then(() => this.inFlight.delete(tracked));
      return sent;
    };
    return withRetry(attempt, {
      attempts: CONTROL_PLANE_ATTEMPTS,
      baseDelayMs: 500,
      maxDelayMs: 1e4,
      sleep: this.options.sleep,
      signal,
      random: this.options.random,
      shouldRetry: async (error) => {
        if (signal?.aborted) return false;
        if (errorName(error) === "ResourceConflictException") {
          if (isAlreadyExists(error) || /referenc/i.test(messageText(error))) return false;
          await this.waitUntilUpdated(this.functionName, signal).catch(() => void 0);
          return true;
        }
        return isThrottling(error) || isTransient(error);
      },
      onRetry: (error, attempt2, delayMs) => this.options.logger.debug(`${operation}: ${errorName(error)}, retry ${attempt2} in ${delayMs} ms`)
    });
  }
  /** Resolves when every creating request in flight has its answer (or the signal ends the wait). */
  async settled(signal) {
    if (this.inFlight.size === 0) return;
    const aborted = new Promise((resolve) => {
      if (signal?.aborted) resolve();
      signal?.addEventListener("abort", () => resolve(), { once: true });
    });
    await Promise.race([Promise.all([...this.inFlight]), aborted]);
  }
  readConfiguration(functionName, signal) {
    return this.send(
      "GetFunctionConfiguration",
      new GetFunctionConfigurationCommand({ FunctionName: functionName }),
      signal
    );
  }
  /** $LATEST once no update is in progress. */
  async settledConfiguration(functionName, signal) {
    const config = await this.readConfiguration(functionName, signal);
    if (config.LastUpdateStatus !== "InProgress") return config;
    await this.untilNotUpdating(functionName, signal);
    return this.readConfiguration(functionName, signal);
  }
  /** Deletes one alias; one already gone counts as deleted. */
  async deleteAlias(functionArn, name, signal) {
    await this.send("DeleteAlias", new DeleteAliasCommand({ FunctionName: functionArn, Name: name }), signal).catch(
      (error) => {
        if (!isNotFound(error)) throw error;
      }
    );
  }
  /** Deletes one published version: always with a number as qualifier, so never the function itself. */
  async deleteVersion(functionArn, version, signal) {
    if (!/^\d+$/.test(version)) throw new Error(`refusing to delete "${version}": not a published version`);
    await this.send(
      "DeleteFunction",
      new DeleteFunctionCommand({ FunctionName: functionArn, Qualifier: version }),
      signal
    );
  }
  /**
   * The SDK waiter polls GetFunction, which Lambda meters apart from the other control-plane calls (100 per
   * second): its polls are not paced by the run's limiter.
   */
  async waitUntilUpdated(functionName, signal) {
    await waitUntilFunctionUpdatedV2(
      {
        client: this.client,
        minDelay: this.waiterMinDelaySec,
        // The SDK doubles the poll interval up to maxDelay; a low ceiling keeps the overshoot past the end of an
        // update (the serial chain of updates is most of a run's control-plane time) under two intervals.
        maxDelay: this.waiterMinDelaySec * 2,
        maxWaitTime: this.waiterMaxWaitSec,
        abortSignal: signal
      },
      { FunctionName: functionName }
    );
  }
  /**
   * Before changing $LATEST: wait out an update still in progress (another run's, or a deploy), rather than
   * provoke a ResourceConflictException, whose retry waits the same and then backs off on top. PublishVersion does
   * not open one (Lambda has no lock after a publish; it moves $LATEST's RevisionId on instead, so the RevisionId
   * that guards the next change is read after the publish). One GetFunction when nothing is in progress.
   * Best effort: if this fails, the conflict path still covers it.
   */
  async untilNotUpdating(functionName, signal) {
    await this.waitUntilUpdated(functionName, signal).catch((error) => {
      if (signal?.aborted) throw error;
    });
  }
  /**
   * After PublishVersion: a version whose State is not Active yet (SnapStart makes its snapshot now, for minutes;
   * Lambda Managed Instances publish asynchronously) is not invoked by Lambda ("Lambda does not invoke a function
   * during pending state"), so wait with the SDK waiter the API model defines for exactly this (PublishedVersionActive:
   * "This should be used after new version is published"), as AWS Lambda Power Tuning does (waitForAliasActive, up
   * to 4 minutes for SnapStart). Bounded by what is left of timeout-minutes, and stopped by the run's signal.
   * No call at all when PublishVersion already answered Active (on-demand functions).
   */
  async untilVersionActive(functionArn, published, what, signal) {
    if (published.State === "Active" || published.State === void 0) return;
    const version = published.Version ?? "";
    if (published.State === "Failed")
      throw new VersionNotActiveError(
        `${what}: version ${version} failed: ${published.StateReason ?? published.StateReasonCode ?? "no reason given"}`
      );
    const leftMs = this.options.timeLeftMs?.() ?? VERSION_WAITER_MAX_WAIT_SEC * 1e3;
    const maxWaitSec = Math.floor(Math.min(leftMs, VERSION_WAITER_MAX_WAIT_SEC * 1e3) / 1e3);
    const why = published.SnapStart?.OptimizationStatus === "On" ? "SnapStart snapshot" : published.StateReasonCode ?? published.StateReason ?? "not Active yet";
    if (maxWaitSec < 1) {
      throw new VersionNotActiveError(
        `${what}: version ${version} is ${published.State} (${why}) and no time is left within timeout-minutes to wait for it`
      );
    }
    this.options.logger.info(
      `${what}: version ${version} is ${published.State} (${why}), waiting up to ${maxWaitSec} s`
    );
    const now = this.options.now ?? Date.now;
    const startedMs = now();
    const minDelay = Math.min(this.options.versionWaiterMinDelaySec ?? VERSION_WAITER_MIN_DELAY_SEC, maxWaitSec / 2);
    try {
      await waitUntilPublishedVersionActive(
        {
          client: this.client,
          minDelay,
          maxDelay: Math.max(minDelay, minDelay * 2),
          maxWaitTime: maxWaitSec,
          abortSignal: signal
        },
        { FunctionName: functionArn, Qualifier: version }
      );
    } catch (error) {
      if (signal?.aborted)
        throw signal.reason instanceof Error ? signal.reason : new Error(String(signal.reason ?? "aborted"));
      const failed = waiterFailure(error);
      const limit = leftMs < VERSION_WAITER_MAX_WAIT_SEC * 1e3 ? "all that timeout-minutes left" : "the API model's limit for this waiter";
      const detail = failed !== void 0 ? `failed: ${failed}` : `is still not Active after ${maxWaitSec} s (${limit})`;
      throw new VersionNotActiveError(`${what}: version ${version} ${detail}`);
    }
    this.options.logger.info(
      `${what}: version ${version} is Active after ${((now() - startedMs) / 1e3).toFixed(1)} s`
    );
  }
};

export {
  command,
  _ep0,
  _mw0,
  DeleteFunctionCommand,
  GetFunctionCommand,
  GetFunctionConfigurationCommand,
  aliasName,
  runMarker,
  autoOptimizeDescription,
  parseMarker,
  stateAliasName,
  isoSeconds,
  markerRunId,
  ConcurrentChangeError,
  AliasRoutingError,
  RestoreError,
  AbandonedRunError,
  WrongVersionError,
  waiterFailure,
  isAlreadyExists,
  isNotFound,
  environmentSha256,
  snapshotOf,
  checkReportIsLogged,
  unqualifiedArn,
  differencesBetween,
  listAliases,
  listRunVersions,
  listRunLeftovers,
  removeLeftovers,
  removeRunLeftovers,
  describeRemoval,
  recoverAbandonedRuns,
  abortReason,
  controlPlaneLimiter,
  SETTLE,
  ControlPlane
};
