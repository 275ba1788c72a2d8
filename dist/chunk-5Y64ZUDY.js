import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  AbandonedRunError,
  AliasRoutingError,
  ConcurrentChangeError,
  ControlPlane,
  RestoreError,
  SETTLE,
  WrongVersionError,
  _ep0,
  _mw0,
  abortReason,
  aliasName,
  autoOptimizeDescription,
  checkReportIsLogged,
  command,
  differencesBetween,
  isAlreadyExists,
  isoSeconds,
  listAliases,
  listRunLeftovers,
  listRunVersions,
  markerRunId,
  parseMarker,
  removeLeftovers,
  runMarker,
  snapshotOf,
  stateAliasName,
  unqualifiedArn
} from "./chunk-XCIHNFG2.js";
import {
  messageOf
} from "./chunk-ZS2HFFQI.js";
import {
  CreateAlias$,
  GetAlias$,
  Invoke$,
  PublishVersion$,
  UpdateAlias$,
  UpdateFunctionConfiguration$
} from "./chunk-UFSOI34G.js";
import {
  backoffDelayMs,
  errorName,
  isThrottling,
  isTransient,
  withRetry
} from "./chunk-CPWGUBW5.js";

// node_modules/@aws-sdk/client-lambda/dist-es/commands/CreateAliasCommand.js
var CreateAliasCommand = class extends command(_ep0, _mw0, "CreateAlias", CreateAlias$) {
};

// node_modules/@aws-sdk/client-lambda/dist-es/commands/GetAliasCommand.js
var GetAliasCommand = class extends command(_ep0, _mw0, "GetAlias", GetAlias$) {
};

// node_modules/@aws-sdk/client-lambda/dist-es/commands/InvokeCommand.js
var InvokeCommand = class extends command(_ep0, _mw0, "Invoke", Invoke$) {
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
  parseReport,
  LambdaTarget
};
