import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  messageOf
} from "./chunk-JIEX5DZV.js";
import {
  realSleep
} from "./chunk-FTQIWBND.js";
import {
  CreateAlias$,
  DeleteAlias$,
  DeleteFunction$,
  GetAlias$,
  GetFunction$,
  GetFunctionConfiguration$,
  Invoke$,
  ListAliases$,
  ListVersionsByFunction$,
  PublishVersion$,
  UpdateAlias$,
  UpdateFunctionConfiguration$,
  commonParams
} from "./chunk-RN7TGPEO.js";
import {
  backoffDelayMs,
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

// node_modules/yocto-queue/index.js
var Node = class {
  value;
  next;
  constructor(value) {
    this.value = value;
  }
};
var Queue = class {
  #head;
  #tail;
  #size;
  constructor() {
    this.clear();
  }
  enqueue(value) {
    const node = new Node(value);
    if (this.#head) {
      this.#tail.next = node;
      this.#tail = node;
    } else {
      this.#head = node;
      this.#tail = node;
    }
    this.#size++;
  }
  dequeue() {
    const current = this.#head;
    if (!current) {
      return;
    }
    this.#head = this.#head.next;
    this.#size--;
    if (!this.#head) {
      this.#tail = void 0;
    }
    return current.value;
  }
  peek() {
    if (!this.#head) {
      return;
    }
    return this.#head.value;
  }
  clear() {
    this.#head = void 0;
    this.#tail = void 0;
    this.#size = 0;
  }
  get size() {
    return this.#size;
  }
  *[Symbol.iterator]() {
    let current = this.#head;
    while (current) {
      yield current.value;
      current = current.next;
    }
  }
  *drain() {
    while (this.#head) {
      yield this.dequeue();
    }
  }
};

// node_modules/p-limit/index.js
function pLimit(concurrency) {
  let rejectOnClear = false;
  if (typeof concurrency === "object") {
    ({ concurrency, rejectOnClear = false } = concurrency);
  }
  validateConcurrency(concurrency);
  if (typeof rejectOnClear !== "boolean") {
    throw new TypeError("Expected `rejectOnClear` to be a boolean");
  }
  const queue = new Queue();
  let activeCount = 0;
  const resumeNext = () => {
    if (activeCount < concurrency && queue.size > 0) {
      activeCount++;
      queue.dequeue().run();
    }
  };
  const next = () => {
    activeCount--;
    resumeNext();
  };
  const run = async (function_, resolve, arguments_) => {
    const result = (async () => function_(...arguments_))();
    resolve(result);
    try {
      await result;
    } catch {
    }
    next();
  };
  const enqueue = (function_, resolve, reject, arguments_) => {
    const queueItem = { reject };
    new Promise((internalResolve) => {
      queueItem.run = internalResolve;
      queue.enqueue(queueItem);
    }).then(run.bind(void 0, function_, resolve, arguments_));
    if (activeCount < concurrency) {
      resumeNext();
    }
  };
  const generator = (function_, ...arguments_) => new Promise((resolve, reject) => {
    enqueue(function_, resolve, reject, arguments_);
  });
  Object.defineProperties(generator, {
    activeCount: {
      get: () => activeCount
    },
    pendingCount: {
      get: () => queue.size
    },
    clearQueue: {
      value() {
        if (!rejectOnClear) {
          queue.clear();
          return;
        }
        const abortError = AbortSignal.abort().reason;
        while (queue.size > 0) {
          queue.dequeue().reject(abortError);
        }
      }
    },
    concurrency: {
      get: () => concurrency,
      set(newConcurrency) {
        validateConcurrency(newConcurrency);
        concurrency = newConcurrency;
        queueMicrotask(() => {
          while (activeCount < concurrency && queue.size > 0) {
            resumeNext();
          }
        });
      }
    },
    map: {
      async value(iterable, function_) {
        const promises = [];
        try {
          Array.from(iterable, (value, index) => {
            const promise = generator(function_, value, index);
            promises.push(promise);
            return promise;
          });
        } catch (error) {
          for (const promise of promises) {
            promise.catch(() => {
            });
          }
          throw error;
        }
        return Promise.all(promises);
      }
    }
  });
  return generator;
}
function validateConcurrency(concurrency) {
  if (!((Number.isInteger(concurrency) || concurrency === Number.POSITIVE_INFINITY) && concurrency > 0)) {
    throw new TypeError("Expected `concurrency` to be a number from 1 and up");
  }
}

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
    return result.reason.StateReason ?? result.reason.StateReasonCode ?? "no reason given";
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

// node_modules/@aws-sdk/client-lambda/dist-es/commands/CreateAliasCommand.js
var CreateAliasCommand = class extends command(_ep0, _mw0, "CreateAlias", CreateAlias$) {
};

// node_modules/@aws-sdk/client-lambda/dist-es/commands/DeleteAliasCommand.js
var DeleteAliasCommand = class extends command(_ep0, _mw0, "DeleteAlias", DeleteAlias$) {
};

// node_modules/@aws-sdk/client-lambda/dist-es/commands/DeleteFunctionCommand.js
var DeleteFunctionCommand = class extends command(_ep0, _mw0, "DeleteFunction", DeleteFunction$) {
};

// node_modules/@aws-sdk/client-lambda/dist-es/commands/GetAliasCommand.js
var GetAliasCommand = class extends command(_ep0, _mw0, "GetAlias", GetAlias$) {
};

// node_modules/@aws-sdk/client-lambda/dist-es/commands/GetFunctionCommand.js
var GetFunctionCommand = class extends command(_ep0, _mw0, "GetFunction", GetFunction$) {
};

// node_modules/@aws-sdk/client-lambda/dist-es/commands/GetFunctionConfigurationCommand.js
var GetFunctionConfigurationCommand = class extends command(_ep0, _mw0, "GetFunctionConfiguration", GetFunctionConfiguration$) {
};

// node_modules/@aws-sdk/client-lambda/dist-es/commands/InvokeCommand.js
var InvokeCommand = class extends command(_ep0, _mw0, "Invoke", Invoke$) {
};

// node_modules/@aws-sdk/client-lambda/dist-es/commands/ListAliasesCommand.js
var ListAliasesCommand = class extends command(_ep0, _mw0, "ListAliases", ListAliases$) {
};

// node_modules/@aws-sdk/client-lambda/dist-es/commands/ListVersionsByFunctionCommand.js
var ListVersionsByFunctionCommand = class extends command(_ep0, _mw0, "ListVersionsByFunction", ListVersionsByFunction$) {
};

// node_modules/@aws-sdk/client-lambda/dist-es/commands/PublishVersionCommand.js
var PublishVersionCommand = class extends command(_ep0, _mw0, "PublishVersion", PublishVersion$) {
};

// node_modules/@aws-sdk/client-lambda/dist-es/commands/UpdateAliasCommand.js
var UpdateAliasCommand = class extends command(_ep0, _mw0, "UpdateAlias", UpdateAlias$) {
};

// node_modules/@aws-sdk/client-lambda/dist-es/commands/UpdateFunctionConfigurationCommand.js
var UpdateFunctionConfigurationCommand = class extends command(_ep0, _mw0, "UpdateFunctionConfiguration", UpdateFunctionConfiguration$) {
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

// src/tuning/logs.ts
function parseReport(logTail) {
  const text = lastTextReport(logTail);
  const json = lastJsonReport(logTail);
  if (text && json) return text.index > json.index ? text.report : json.report;
  return (text ?? json)?.report ?? null;
}
var TEXT_REPORT = /REPORT RequestId: ?(\S*)([^\n]*)/g;
var TEXT_FIELD = /(?:^|\s)(Billed Restore Duration|Restore Duration|Billed Duration|Init Duration|Max Memory Used|Memory Size|Duration): ([0-9]+(?:\.[0-9]+)?) (ms|MB)/g;
function textFields(rest) {
  const fields = /* @__PURE__ */ new Map();
  for (const match of rest.matchAll(TEXT_FIELD)) {
    const label = match[1];
    const value = Number(match[2]);
    const unitOk = match[3] === "MB" === (label === "Memory Size" || label === "Max Memory Used");
    if (unitOk && !fields.has(label)) fields.set(label, value);
  }
  return fields;
}
function lastTextReport(logTail) {
  let last = null;
  for (const match of logTail.matchAll(TEXT_REPORT)) {
    const fields = textFields(match[2] ?? "");
    const durationMs = fields.get("Duration");
    const billedDurationMs = fields.get("Billed Duration");
    if (durationMs === void 0 || billedDurationMs === void 0) continue;
    last = {
      index: match.index,
      report: withoutUndefined({
        requestId: match[1] || void 0,
        durationMs,
        billedDurationMs,
        memorySizeMb: fields.get("Memory Size"),
        maxMemoryUsedMb: fields.get("Max Memory Used"),
        initDurationMs: fields.get("Init Duration"),
        restoreDurationMs: fields.get("Restore Duration"),
        billedRestoreDurationMs: fields.get("Billed Restore Duration")
      })
    };
  }
  return last;
}
var PLATFORM_REPORT = "platform.report";
var MAX_OPENING_BRACES_TRIED = 32;
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function finiteNumber(value) {
  return typeof value === "number" && Number.isFinite(value) ? value : void 0;
}
function reportFromEvent(event) {
  if (!isRecord(event) || event.type !== PLATFORM_REPORT || !isRecord(event.record)) return null;
  const { record } = event;
  if (!isRecord(record.metrics)) return null;
  const { metrics } = record;
  const durationMs = finiteNumber(metrics.durationMs);
  const billedDurationMs = finiteNumber(metrics.billedDurationMs);
  if (durationMs === void 0 || billedDurationMs === void 0) return null;
  return withoutUndefined({
    requestId: typeof record.requestId === "string" && record.requestId ? record.requestId : void 0,
    durationMs,
    billedDurationMs,
    memorySizeMb: finiteNumber(metrics.memorySizeMB),
    maxMemoryUsedMb: finiteNumber(metrics.maxMemoryUsedMB),
    initDurationMs: finiteNumber(metrics.initDurationMs),
    restoreDurationMs: finiteNumber(metrics.restoreDurationMs),
    billedRestoreDurationMs: finiteNumber(metrics.billedRestoreDurationMs)
  });
}
function balancedObjectAt(text, start) {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === "\\") i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') {
      inString = true;
    } else if (ch === "{") {
      depth++;
    } else if (ch === "}") {
      depth--;
      if (depth === 0) return text.slice(start, i + 1);
    }
  }
  return null;
}
function parseObjectAt(text, start) {
  const candidate = balancedObjectAt(text, start);
  if (candidate === null) return void 0;
  try {
    return JSON.parse(candidate);
  } catch {
    return void 0;
  }
}
function lastJsonReport(logTail) {
  let mention = logTail.lastIndexOf(PLATFORM_REPORT);
  while (mention !== -1) {
    let brace = logTail.lastIndexOf("{", mention);
    for (let tried = 0; brace !== -1 && tried < MAX_OPENING_BRACES_TRIED; tried++) {
      const report = reportFromEvent(parseObjectAt(logTail, brace));
      if (report) return { index: brace, report };
      brace = brace === 0 ? -1 : logTail.lastIndexOf("{", brace - 1);
    }
    mention = mention === 0 ? -1 : logTail.lastIndexOf(PLATFORM_REPORT, mention - 1);
  }
  return null;
}
function withoutUndefined(report) {
  return Object.fromEntries(
    Object.entries(report).filter(([, value]) => value !== void 0)
  );
}

// src/tuning/invoke-alias.ts
var INVOKE_ATTEMPTS = 6;
async function invokeAlias(client, functionArn, alias, payload, options) {
  const { signal, expected } = options;
  const response = await withRetry(
    () => client.send(
      new InvokeCommand({
        FunctionName: functionArn,
        Qualifier: alias,
        InvocationType: "RequestResponse",
        LogType: "Tail",
        Payload: new TextEncoder().encode(payload)
      }),
      { abortSignal: signal }
    ),
    {
      attempts: INVOKE_ATTEMPTS,
      baseDelayMs: 250,
      maxDelayMs: 8e3,
      sleep: options.sleep,
      signal,
      random: options.random,
      shouldRetry: (error) => isThrottling(error) || isTransient(error),
      onRetry: (error, attempt, delayMs) => options.logger.debug(`Invoke ${alias}: ${errorName(error)}, retry ${attempt} in ${delayMs} ms`)
    }
  );
  const logTail = response.LogResult ? Buffer.from(response.LogResult, "base64").toString("utf8") : "";
  if (expected) {
    const memorySizeMb = parseReport(logTail)?.memorySizeMb;
    if (response.ExecutedVersion !== void 0 && response.ExecutedVersion !== expected.version || memorySizeMb !== void 0 && memorySizeMb !== expected.memoryMb) {
      throw new WrongVersionError(
        `alias ${alias} ran version ${response.ExecutedVersion ?? "?"} at ${memorySizeMb ?? "?"} MB, expected version ${expected.version} at ${expected.memoryMb} MB`
      );
    }
  }
  return {
    logTail,
    functionError: response.FunctionError,
    payload: response.Payload ? new TextDecoder().decode(response.Payload) : "",
    executedVersion: response.ExecutedVersion
  };
}

// src/tuning/state-alias.ts
async function createStateAlias(api, snapshot, name) {
  try {
    await api.send(
      "CreateAlias",
      new CreateAliasCommand({
        FunctionName: snapshot.functionArn,
        Name: name,
        FunctionVersion: "$LATEST",
        Description: snapshot.description
      })
    );
  } catch (error) {
    if (!isAlreadyExists(error)) throw error;
  }
}

// src/tuning/turn.ts
var FOREIGN_RUN_STALE_MS = 5 * 6e4;
async function awaitTurn(api, options, functionName, signal) {
  const { logger, sleep, random } = api.options;
  const staleMs = options.foreignRunStaleMs ?? FOREIGN_RUN_STALE_MS;
  const now = api.options.now ?? Date.now;
  let held;
  for (let attempt = 1; ; attempt++) {
    if (signal?.aborted) throw abortReason(signal);
    const config = await api.readConfiguration(functionName, signal);
    if (config.LastUpdateStatus === "InProgress") {
      await api.untilNotUpdating(functionName, signal);
      continue;
    }
    const owner = markerRunId(config.Description);
    if (owner === void 0 || owner === options.runId) return config;
    const nowMs = now();
    const key = `${config.Description ?? ""}|${config.LastModified ?? ""}`;
    if (held?.key !== key) {
      if (held === void 0) {
        logger.info(
          `$LATEST of ${config.FunctionName ?? functionName} is held by another lambda-power-gate run (${owner}: "${config.Description}"); waiting until it puts the function back`
        );
      }
      held = { key, sinceMs: nowMs };
    }
    const modifiedMs = Date.parse(config.LastModified ?? "");
    const unchangedMs = Math.max(nowMs - held.sinceMs, Number.isFinite(modifiedMs) ? nowMs - modifiedMs : 0);
    const marker = parseMarker(config.Description);
    const over = marker?.deadlineMs !== void 0 && nowMs > marker.deadlineMs;
    if (unchangedMs >= staleMs || over) {
      if (await takeBack(api, functionName, config, unchangedMs)) continue;
      throw new AbandonedRunError(
        `$LATEST of ${config.FunctionName ?? functionName} has carried "${config.Description}" since ${config.LastModified ?? "an unknown time"}: lambda-power-gate run ${owner} set it and never put the function back (was that run killed?). ` + (marker?.originalMemoryMb === void 0 ? "Its original memory size is unknown here: set MemorySize and Description back by hand" : `Its original description is unknown here (its state alias is gone): set MemorySize back to ${marker.originalMemoryMb} and Description by hand`) + `, delete the aliases named lpg-${owner}-* and their versions, then run again`
      );
    }
    await sleep(backoffDelayMs(Math.min(attempt, 6), 250, 5e3, random ?? Math.random), signal);
  }
}
async function takeBack(api, functionName, config, unchangedMs) {
  const marker = parseMarker(config.Description);
  if (marker?.originalMemoryMb === void 0 || marker.deadlineMs === void 0) return false;
  const fn = config.FunctionArn ? unqualifiedArn(config.FunctionArn) : functionName;
  let original;
  try {
    const alias = await api.send(
      "GetAlias",
      new GetAliasCommand({ FunctionName: fn, Name: stateAliasName(marker.runId, marker.deadlineMs) })
    );
    original = alias.Description ?? "";
  } catch (error) {
    if (errorName(error) === "ResourceNotFoundException") return false;
    throw error;
  }
  try {
    await api.send(
      "UpdateFunctionConfiguration",
      new UpdateFunctionConfigurationCommand({
        FunctionName: fn,
        MemorySize: marker.originalMemoryMb,
        Description: original,
        RevisionId: config.RevisionId
      })
    );
  } catch (error) {
    if (errorName(error) === "PreconditionFailedException") return true;
    throw error;
  }
  await api.waitUntilUpdated(fn);
  const why = (api.options.now ?? Date.now)() > marker.deadlineMs ? `its deadline ${isoSeconds(marker.deadlineMs)} has passed` : `it has not changed for ${Math.round(unchangedMs / 6e4)} minutes`;
  api.options.logger.warning(
    `$LATEST of ${config.FunctionName ?? fn} carried run ${marker.runId}'s marker and ${why} (was that run killed?): put back to ${marker.originalMemoryMb} MB and its original description`
  );
  return true;
}

// src/tuning/versions.ts
var CONCURRENT_CHANGE_ATTEMPTS = 20;
var VersionPublisher = class {
  constructor(api, options) {
    this.api = api;
    this.options = options;
  }
  api;
  options;
  /** This run's aliases → the version and memory each must run; checked on every invocation. */
  prepared = /* @__PURE__ */ new Map();
  /** Created by a prepare step that then failed, and not removable at once: clean-up retries them. */
  leftovers = [];
  /** Every alias name this run sent a CreateAlias for: the answer may have been lost, the name is known. */
  attemptedAliases = /* @__PURE__ */ new Set();
  /** A PublishVersion went unanswered (lost, failed or cut short): clean-up must list versions to find it. */
  publishOutcomeUnknown = false;
  /**
   * Sets $LATEST to memoryMb (with a description unique to this run and power value, so PublishVersion always
   * creates a new version), waits for the update, publishes guarded by the RevisionId we observed, verifies the
   * version's memory, and aliases it.
   */
  async prepareVersion(snapshot, recovery, memoryMb, variant, signal) {
    const { runId } = this.options;
    const fn = snapshot.functionArn;
    const description = runMarker(runId, memoryMb, variant, recovery);
    const alias = aliasName(runId, memoryMb, variant);
    const itemOf = (made2) => ({ memoryMb, alias, ...made2 });
    const made = await this.publishVerified(
      fn,
      memoryMb,
      description,
      `${memoryMb} MB`,
      signal,
      (refused, discardSignal) => this.discard(fn, itemOf(refused), discardSignal)
    );
    const item = itemOf(made);
    this.attemptedAliases.add(alias);
    try {
      await this.api.send(
        "CreateAlias",
        new CreateAliasCommand({
          FunctionName: fn,
          Name: alias,
          FunctionVersion: item.version,
          Description: description
        }),
        signal,
        SETTLE
      );
    } catch (error) {
      if (!(isAlreadyExists(error) && await this.aliasPointsAt(fn, alias, item.version, signal))) {
        await this.discard(fn, item, signal);
        throw error;
      }
    }
    this.prepared.set(alias, item);
    return item;
  }
  /**
   * The one path to a version of `fn` with `memoryMb` (a run's measured versions and auto-optimize-alias's kept one):
   * our turn on $LATEST, an update guarded by the RevisionId just read (another run or a deploy in between fails it
   * with PreconditionFailedException instead of being overwritten), the update waited for, $LATEST read back and
   * verified, PublishVersion guarded by the RevisionId read, then the version waited for until Active and its memory
   * verified. A concurrent change redoes the whole step. What it published and then refuses goes to `discard`.
   */
  async publishVerified(fn, memoryMb, description, what, signal, discard) {
    const published = await withRetry(
      async () => {
        const before = await awaitTurn(this.api, this.options, fn, signal);
        await this.api.send(
          "UpdateFunctionConfiguration",
          new UpdateFunctionConfigurationCommand({
            FunctionName: fn,
            MemorySize: memoryMb,
            Description: description,
            RevisionId: before.RevisionId
          }),
          signal,
          SETTLE
        );
        await this.api.waitUntilUpdated(fn, signal);
        const current = await this.api.readConfiguration(fn, signal);
        if (current.MemorySize !== memoryMb || current.Description !== description) {
          throw new ConcurrentChangeError(
            `$LATEST changed under us while preparing ${memoryMb} MB (another run or a deploy?)`
          );
        }
        try {
          return await this.api.send(
            "PublishVersion",
            new PublishVersionCommand({ FunctionName: fn, RevisionId: current.RevisionId, Description: description }),
            signal,
            SETTLE
          );
        } catch (error) {
          if (errorName(error) !== "PreconditionFailedException") this.publishOutcomeUnknown = true;
          throw error;
        }
      },
      {
        attempts: CONCURRENT_CHANGE_ATTEMPTS,
        baseDelayMs: 250,
        maxDelayMs: 5e3,
        sleep: this.api.options.sleep,
        signal,
        random: this.api.options.random,
        // A RevisionId mismatch or a concurrent change means someone else touched $LATEST between our update and
        // our publish: redo the whole step rather than publish a configuration we did not verify.
        shouldRetry: (error) => error instanceof ConcurrentChangeError || errorName(error) === "PreconditionFailedException",
        onRetry: (error, attempt) => this.api.options.logger.warning(
          `Preparing ${memoryMb} MB again (attempt ${attempt + 1}): ${messageOf(error)}`
        )
      }
    );
    const version = published.Version;
    if (!version || version === "$LATEST")
      throw new Error(`PublishVersion for ${memoryMb} MB returned no version number`);
    const made = { version, createdByRun: published.Description === description };
    try {
      await this.api.untilVersionActive(fn, published, what, signal);
    } catch (error) {
      await discard(made);
      throw error;
    }
    if (published.MemorySize !== memoryMb) {
      await discard(made, signal);
      throw new Error(`Version ${version} has ${published.MemorySize} MB, expected ${memoryMb} MB`);
    }
    return made;
  }
  /** True when the alias exists and points at the version (our own CreateAlias took effect). */
  async aliasPointsAt(functionArn, alias, version, signal) {
    try {
      const found = await this.api.send(
        "GetAlias",
        new GetAliasCommand({ FunctionName: functionArn, Name: alias }),
        signal
      );
      return found.FunctionVersion === version;
    } catch {
      return false;
    }
  }
  /** Removes what a failed prepare step created; what cannot be removed now is left to clean-up. */
  async discard(functionArn, item, signal) {
    try {
      await this.api.deleteAlias(functionArn, item.alias, signal);
      if (item.createdByRun) await this.api.deleteVersion(functionArn, item.version, signal);
    } catch {
      this.leftovers.push(item);
    }
  }
};

// src/tuning/target.ts
var LambdaTarget = class {
  constructor(client, functionName, region, options) {
    this.functionName = functionName;
    this.region = region;
    this.options = options;
    this.api = new ControlPlane(client, functionName, options);
    this.versions = new VersionPublisher(this.api, options);
  }
  functionName;
  region;
  options;
  api;
  versions;
  /**
   * Reads $LATEST as the function's own configuration: after any update in progress, and never while another
   * run's marker is on it (that would record a tested memory size as the original, and this run's restore would
   * then put it back for good).
   */
  async snapshot(signal) {
    const config = await awaitTurn(this.api, this.options, this.functionName, signal);
    checkReportIsLogged(config);
    return snapshotOf(config, this.region, this.functionName);
  }
  /**
   * Sets $LATEST to memoryMb (with a description unique to this run and power value, so PublishVersion always
   * creates a new version), waits for the update, publishes guarded by the RevisionId we observed, verifies the
   * version's memory, and aliases it (versions.ts).
   */
  prepareVersion(snapshot, memoryMb, variant, signal) {
    return this.versions.prepareVersion(snapshot, this.recoveryData(snapshot), memoryMb, variant, signal);
  }
  /**
   * Puts MemorySize and Description back on $LATEST; the only fields this run changes. It runs on cancellation
   * too, so it takes the clean-up's own signal (its time budget), never the run's. When another run's marker is on
   * $LATEST, that run holds it now (it took its own snapshot of the same original after ours was gone) and puts it
   * back itself; overwriting it would only make it prepare that memory size again.
   */
  async restore(snapshot, signal) {
    const fn = snapshot.functionArn;
    await this.api.settled(signal);
    try {
      for (let attempt = 1; ; attempt++) {
        const current = await this.api.settledConfiguration(fn, signal);
        if (current.MemorySize === snapshot.memoryMb && (current.Description ?? "") === snapshot.description) return;
        const owner = markerRunId(current.Description);
        if (owner !== void 0 && owner !== this.options.runId) {
          this.options.logger.info(
            `$LATEST of ${snapshot.identity.name} is held by another lambda-power-gate run (${owner}), which puts it back itself`
          );
          return;
        }
        try {
          await this.api.send(
            "UpdateFunctionConfiguration",
            new UpdateFunctionConfigurationCommand({
              FunctionName: fn,
              MemorySize: snapshot.memoryMb,
              Description: snapshot.description,
              RevisionId: current.RevisionId
            }),
            signal
          );
          await this.api.waitUntilUpdated(fn, signal);
          return;
        } catch (error) {
          if (errorName(error) !== "PreconditionFailedException" || attempt >= CONCURRENT_CHANGE_ATTEMPTS) throw error;
        }
      }
    } catch (error) {
      throw new RestoreError(
        `Restoring $LATEST of ${snapshot.identity.name} to ${snapshot.memoryMb} MB failed: ${messageOf(error)}`
      );
    }
  }
  /** Confirms $LATEST matches the snapshot; returns what differs (empty when it matches). */
  async differencesFrom(snapshot, signal) {
    return differencesBetween(
      await this.api.readConfiguration(snapshot.functionArn, signal),
      snapshot,
      this.options.runId
    );
  }
  /** Invokes one of this run's aliases, checked against the version it must run (invoke-alias.ts). */
  invoke(functionArn, alias, payload, signal) {
    const { sleep, random, logger } = this.options;
    const expected = this.versions.prepared.get(alias);
    return invokeAlias(this.api.client, functionArn, alias, payload, { sleep, random, logger, signal, expected });
  }
  /**
   * Deletes this run's aliases and versions: every alias it asked for (names are the run's own, so a CreateAlias
   * whose answer was lost is covered), every version it knows it published, and, when a PublishVersion went
   * unanswered, the versions Lambda lists with this run's description. Aliases go first (a version an alias points
   * at cannot be deleted), the listing runs beside them. Every failure is collected and reported; none stops the
   * rest. `signal` is the clean-up's own budget: what it cuts short is in `remaining`.
   */
  async cleanup(functionArn, preparedVersions, signal) {
    const prepared = [
      ...preparedVersions,
      ...this.versions.leftovers.filter((item) => !preparedVersions.some((other) => other.alias === item.alias))
    ];
    const aliases = union(
      prepared.map((item) => item.alias),
      [...this.versions.attemptedAliases]
    );
    const known = prepared.filter((item) => item.createdByRun).map((item) => item.version);
    const problems = [];
    await this.api.settled(signal);
    const listing = this.versions.publishOutcomeUnknown ? listRunVersions(this.api, functionArn, this.options.runId, signal).catch((error) => {
      if (!signal?.aborted) problems.push(`listing this run's versions: ${messageOf(error)}`);
      return [];
    }) : Promise.resolve([]);
    const aliasReport = await this.removeLeftovers(functionArn, { aliases, versions: [] }, signal);
    const versionReport = await this.removeLeftovers(
      functionArn,
      { aliases: [], versions: union(known, await listing) },
      signal
    );
    return {
      deletedAliases: aliasReport.deletedAliases,
      deletedVersions: versionReport.deletedVersions,
      problems: [...problems, ...aliasReport.problems, ...versionReport.problems],
      remaining: { aliases: aliasReport.remaining.aliases, versions: versionReport.remaining.versions }
    };
  }
  /**
   * This run's aliases (named `lpg-<runId>-…`) and the versions it published (found by their Description, which is
   * unique to the run), as Lambda lists them now: for the post step or a later run that cleans up after a run that
   * was killed (leftovers.ts).
   */
  listRunLeftovers(functionArn, runId = this.options.runId, signal) {
    return listRunLeftovers(this.api, functionArn, runId, signal);
  }
  /** The versions a run published, as Lambda lists them now, in number order. */
  listRunVersions(functionArn, runId = this.options.runId, signal) {
    return listRunVersions(this.api, functionArn, runId, signal);
  }
  /** Deletes the aliases, then the versions, in parallel within the control-plane pace (leftovers.ts). */
  removeLeftovers(functionArn, found, signal) {
    return removeLeftovers(this.api, functionArn, found, signal);
  }
  /** Auto-optimize: $LATEST gets the memory for good. */
  async applyToLatest(snapshot, memoryMb) {
    const fn = snapshot.functionArn;
    const before = await awaitTurn(this.api, this.options, fn);
    await this.api.send(
      "UpdateFunctionConfiguration",
      new UpdateFunctionConfigurationCommand({
        FunctionName: fn,
        MemorySize: memoryMb,
        Description: snapshot.description,
        RevisionId: before.RevisionId
      })
    );
    await this.api.waitUntilUpdated(fn);
  }
  /**
   * auto-optimize-alias never moves an alias that splits traffic (RoutingConfig.AdditionalVersionWeights): that is
   * a canary or linear deployment in progress, owned by whoever set the weights (CodeDeploy, SAM, a person).
   * Moving its primary version would change what most of the traffic runs mid-deployment, and dropping the weights
   * would end the canary. Refused with the fix instead; checked before tuning and again before applying.
   */
  async aliasForAutoOptimize(functionArn, alias) {
    const found = await this.api.send("GetAlias", new GetAliasCommand({ FunctionName: functionArn, Name: alias })).catch((error) => {
      if (errorName(error) === "ResourceNotFoundException") return void 0;
      throw error;
    });
    const weights = Object.entries(found?.RoutingConfig?.AdditionalVersionWeights ?? {});
    if (found && weights.length > 0) {
      const split = weights.map(([version, weight]) => `version ${version} at ${Math.round(weight * 1e3) / 10}%`).join(", ");
      throw new AliasRoutingError(
        `alias ${alias} splits traffic (version ${found.FunctionVersion ?? "?"} primary, ${split}): auto-optimize never moves an alias with weighted routing, so a deployment's canary weights are kept; finish or roll back that deployment, or leave auto-optimize-alias unset`
      );
    }
    return found;
  }
  /**
   * Auto-optimize to an alias: publish a version with the memory (kept, not cleaned up) by the same path as the
   * run's own versions (versions.ts publishVerified: RevisionId-guarded, verified, Active), point the alias at it
   * (creating it when missing), and put $LATEST back. Returns the version.
   */
  async applyToAlias(snapshot, memoryMb, alias, signal) {
    const fn = snapshot.functionArn;
    const description = autoOptimizeDescription(this.options.runId, memoryMb, alias, this.recoveryData(snapshot));
    const existing = await this.aliasForAutoOptimize(fn, alias);
    await this.recordRun(snapshot);
    const discard = async ({ version, createdByRun }) => {
      if (createdByRun) await this.api.deleteVersion(fn, version).catch(() => void 0);
    };
    try {
      const made = await this.versions.publishVerified(
        fn,
        memoryMb,
        description,
        `Auto-optimize ${memoryMb} MB`,
        signal,
        discard
      );
      try {
        if (existing) {
          await this.api.send(
            "UpdateAlias",
            new UpdateAliasCommand({
              FunctionName: fn,
              Name: alias,
              FunctionVersion: made.version,
              RevisionId: existing.RevisionId
            })
          );
        } else {
          await this.api.send(
            "CreateAlias",
            new CreateAliasCommand({ FunctionName: fn, Name: alias, FunctionVersion: made.version })
          );
        }
      } catch (error) {
        await discard(made);
        throw error;
      }
      return made.version;
    } finally {
      await this.restore(snapshot);
      await this.forgetRun(snapshot);
    }
  }
  /**
   * Creates this run's state alias (state-alias.ts) before the run changes anything: with the marker's original
   * memory it is all a later run needs to put $LATEST back if this process is killed.
   */
  async recordRun(snapshot) {
    const name = this.stateAliasOf(snapshot);
    if (name !== void 0) await createStateAlias(this.api, snapshot, name);
  }
  /** The name of this run's state alias on the function (undefined without recovery data). */
  stateAliasOf(snapshot) {
    const recovery = this.recoveryData(snapshot);
    return recovery ? stateAliasName(this.options.runId, recovery.deadlineMs) : void 0;
  }
  /** Deletes this run's state alias: only once $LATEST is confirmed as found and the run's versions are gone. */
  async forgetRun(snapshot, signal) {
    const name = this.stateAliasOf(snapshot);
    if (name !== void 0) await this.api.deleteAlias(snapshot.functionArn, name, signal);
  }
  /** Every alias of the function (ListAliases, all pages). */
  listAliases(functionArn) {
    return listAliases(this.api, functionArn);
  }
  /** Deletes one alias; one already gone counts as deleted. */
  deleteAlias(functionArn, name, signal) {
    return this.api.deleteAlias(functionArn, name, signal);
  }
  /** $LATEST now, after any update in progress. */
  currentConfiguration(functionArn) {
    return this.api.settledConfiguration(functionArn);
  }
  recoveryData(snapshot) {
    const { deadlineMs } = this.options;
    return deadlineMs === void 0 ? void 0 : { originalMemoryMb: snapshot.memoryMb, deadlineMs };
  }
};
function union(a, b) {
  return [.../* @__PURE__ */ new Set([...a, ...b])];
}

export {
  GetFunctionConfigurationCommand,
  environmentSha256,
  pLimit,
  removeRunLeftovers,
  describeRemoval,
  recoverAbandonedRuns,
  controlPlaneLimiter,
  parseReport,
  LambdaTarget
};
