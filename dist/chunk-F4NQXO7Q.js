import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  ControlPlane,
  DeleteFunctionCommand,
  GetFunctionCommand,
  _ep0,
  _mw0,
  command,
  isNotFound,
  isoSeconds
} from "./chunk-XCIHNFG2.js";
import {
  messageOf
} from "./chunk-ZS2HFFQI.js";
import {
  inertText
} from "./chunk-TM45P2KR.js";
import {
  realSleep
} from "./chunk-FTQIWBND.js";
import {
  ListFunctions$,
  ListTags$
} from "./chunk-UFSOI34G.js";

// node_modules/@aws-sdk/client-lambda/dist-es/commands/ListFunctionsCommand.js
var ListFunctionsCommand = class extends command(_ep0, _mw0, "ListFunctions", ListFunctions$) {
};

// node_modules/@aws-sdk/client-lambda/dist-es/commands/ListTagsCommand.js
var ListTagsCommand = class extends command(_ep0, _mw0, "ListTags", ListTags$) {
};

// src/tuning/arch-copy-leftovers.ts
import { createHash } from "node:crypto";
var COPY_NAME_PREFIX = "lpg-copy-";
var COPY_TAGS = {
  /** The source function's ARN. */
  copyOf: "lambda-power-gate:copy-of",
  runId: "lambda-power-gate:run-id",
  /** The run's deadline (ISO 8601): after it, a later run may delete the copy. */
  until: "lambda-power-gate:until"
};
var MAX_FUNCTION_NAME_CHARS = 64;
function copyName(runId, architecture, sourceName) {
  const base = `${COPY_NAME_PREFIX}${runId}-${architecture}-`;
  const room = MAX_FUNCTION_NAME_CHARS - base.length;
  if (room < 8) throw new Error(`run id ${runId} is too long for a copy's name`);
  if (sourceName.length <= room) return base + sourceName;
  const hash = createHash("sha256").update(sourceName).digest("hex").slice(0, 6);
  return `${base}${sourceName.slice(0, room - hash.length - 1)}-${hash}`;
}
function copyRunId(functionName) {
  return new RegExp(`^${COPY_NAME_PREFIX}([A-Za-z0-9_]+)-(?:x86_64|arm64)-`).exec(functionName)?.[1];
}
function controlPlaneFor(client, functionName, options) {
  return new ControlPlane(client, functionName, {
    logger: options.logger,
    sleep: options.sleep ?? realSleep,
    ...options.random ? { random: options.random } : {},
    ...options.limiter ? { limiter: options.limiter } : {},
    ...options.waiterMinDelaySec !== void 0 ? { waiterMinDelaySec: options.waiterMinDelaySec } : {}
  });
}
async function deleteCopy(api, functionName, signal) {
  if (copyRunId(functionName) === void 0) throw new Error(`refusing to delete ${functionName}: not a copy's name`);
  await api.send("DeleteFunction", new DeleteFunctionCommand({ FunctionName: functionName }), signal).catch((error) => {
    if (!isNotFound(error)) throw error;
  });
}
async function removeRunCopies(client, runId, functionNames, options) {
  const deleted = [];
  const problems = [];
  for (const name of functionNames) {
    if (copyRunId(name) !== runId) {
      problems.push(`${name}: not a copy of run ${runId}, left alone`);
      continue;
    }
    const api = controlPlaneFor(client, name, options);
    try {
      const exists = await api.send("GetFunction", new GetFunctionCommand({ FunctionName: name }), options.signal).then(() => true).catch((error) => {
        if (isNotFound(error)) return false;
        throw error;
      });
      if (!exists) continue;
      await deleteCopy(api, name, options.signal);
      deleted.push(name);
    } catch (error) {
      problems.push(`copy ${name}: ${messageOf(error)}`);
    }
  }
  return { deleted, problems };
}
var PAGE_SIZE = 50;
async function recoverAbandonedCopies(client, ownRunId, nowMs, options) {
  const { logger, signal } = options;
  const api = controlPlaneFor(client, "lambda-power-gate-copies", options);
  const deleted = [];
  const leftAlone = [];
  try {
    const candidates = [];
    let marker;
    do {
      const page = await api.send(
        "ListFunctions",
        new ListFunctionsCommand({ Marker: marker, MaxItems: PAGE_SIZE }),
        signal
      );
      for (const fn of page.Functions ?? []) {
        const name = fn.FunctionName ?? "";
        const runId = copyRunId(name);
        if (runId !== void 0 && runId !== ownRunId) candidates.push({ name, arn: fn.FunctionArn ?? name });
      }
      marker = page.NextMarker;
    } while (marker);
    for (const { name, arn } of candidates) {
      const { Tags: tags = {} } = await api.send("ListTags", new ListTagsCommand({ Resource: arn }), signal);
      const untilMs = Date.parse(tags[COPY_TAGS.until] ?? "");
      if (tags[COPY_TAGS.copyOf] === void 0 || !Number.isFinite(untilMs)) {
        logger.info(`${name} looks like a lambda-power-gate copy but lacks its tags: left alone; delete it by hand`);
        leftAlone.push(name);
        continue;
      }
      if (nowMs <= untilMs) {
        logger.info(`${name} is a copy of a run that may still be going until ${isoSeconds(untilMs)}: left alone`);
        leftAlone.push(name);
        continue;
      }
      await deleteCopy(controlPlaneFor(client, name, options), name, signal);
      deleted.push(name);
      logger.warning(
        `Deleted ${name}, a copy of ${inertText(tags[COPY_TAGS.copyOf] ?? "")} that run ${inertText(tags[COPY_TAGS.runId] ?? "?")} left (it ended at ${isoSeconds(untilMs)} without cleaning up: was it killed?)`
      );
    }
  } catch (error) {
    if (signal?.aborted) throw error;
    logger.warning(
      `Could not look for copies killed runs left (${messageOf(error)}); the policy needs lambda:ListFunctions, lambda:ListTags and lambda:DeleteFunction on lpg-copy-* (docs/SECURITY.md)`
    );
  }
  return { deleted, leftAlone };
}

export {
  COPY_TAGS,
  copyName,
  controlPlaneFor,
  deleteCopy,
  removeRunCopies,
  recoverAbandonedCopies
};
