import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  actionLog,
  getState,
  saveState
} from "./chunk-MOY3PVIV.js";
import {
  removeRunCopies
} from "./chunk-F4NQXO7Q.js";
import {
  LambdaTarget
} from "./chunk-5Y64ZUDY.js";
import {
  describeRemoval,
  removeRunLeftovers
} from "./chunk-XCIHNFG2.js";
import {
  messageOf
} from "./chunk-ZS2HFFQI.js";
import {
  realSleep
} from "./chunk-FTQIWBND.js";
import {
  createLambdaClient,
  waiterMinDelaySecFor
} from "./chunk-E2YF5ZCC.js";
import {
  errorName
} from "./chunk-CPWGUBW5.js";

// src/action/post.ts
var RUN_STATE = "run";
function runStateSavers(endpoint, env) {
  const saved = { runId: "", ...endpoint ? { endpoint } : {}, functions: [] };
  const save = (runId) => {
    saved.runId = runId;
    saveState(RUN_STATE, JSON.stringify(saved));
  };
  return {
    onSnapshot: (snapshot, run) => {
      if (!env.GITHUB_STATE) return;
      saved.functions = [
        ...saved.functions.filter((entry) => entry.functionArn !== snapshot.functionArn),
        {
          name: snapshot.identity.name,
          functionArn: snapshot.functionArn,
          region: snapshot.identity.region,
          memoryMb: snapshot.memoryMb,
          description: snapshot.description,
          revisionId: snapshot.revisionId
        }
      ];
      save(run.runId);
    },
    onCopy: (copy, run) => {
      if (!env.GITHUB_STATE) return;
      saved.copies = [...(saved.copies ?? []).filter((entry) => entry.functionName !== copy.functionName), copy];
      save(run.runId);
    }
  };
}
function parseSavedRun(text) {
  if (!text) return void 0;
  try {
    const parsed = JSON.parse(text);
    if (typeof parsed.runId !== "string" || !/^[A-Za-z0-9_]+$/.test(parsed.runId) || !Array.isArray(parsed.functions))
      return void 0;
    const copies = Array.isArray(parsed.copies) ? parsed.copies.filter(
      (copy) => typeof copy?.functionName === "string" && typeof copy.region === "string" && copy.region !== ""
    ) : [];
    return { ...parsed, copies };
  } catch {
    return void 0;
  }
}
async function post(env = process.env) {
  const saved = parseSavedRun(getState(RUN_STATE));
  const copies = saved?.copies ?? [];
  if (!saved || saved.functions.length === 0 && copies.length === 0 || !saved.runId) {
    actionLog.info("lambda-power-gate post step: the main step changed no function; nothing to clean up.");
    return;
  }
  const logger = {
    info: (message) => actionLog.info(message),
    warning: (message) => actionLog.warning(message),
    debug: (message) => actionLog.debug(message),
    group: (name, fn) => actionLog.group(name, fn),
    progress: () => {
    }
  };
  const problems = [];
  const lines = [];
  for (const fn of saved.functions) {
    const client = createLambdaClient(
      { region: fn.region, ...saved.endpoint ? { endpoint: saved.endpoint } : {} },
      env
    );
    const target = new LambdaTarget(client, fn.functionArn, fn.region, {
      logger,
      sleep: realSleep,
      runId: saved.runId,
      waiterMinDelaySec: waiterMinDelaySecFor(saved.endpoint)
    });
    try {
      const removed = await removeRunLeftovers(target, fn.functionArn, fn.region, saved.runId, {
        memoryMb: fn.memoryMb,
        description: fn.description
      });
      const found = removed.restoredMemoryMb !== void 0 || removed.deletedAliases.length + removed.deletedVersions.length + removed.problems.length > 0;
      if (found) lines.push(describeRemoval(removed, fn.name));
      problems.push(...removed.problems.map((problem) => `${fn.name}: ${problem}`));
    } catch (error) {
      if (errorName(error) === "ResourceNotFoundException")
        actionLog.info(`lambda-power-gate post step: ${fn.name} no longer exists; nothing to clean up there.`);
      else problems.push(`${fn.name}: ${messageOf(error)}`);
    } finally {
      client.destroy();
    }
  }
  for (const region of [...new Set(copies.map((copy) => copy.region))]) {
    const client = createLambdaClient({ region, ...saved.endpoint ? { endpoint: saved.endpoint } : {} }, env);
    try {
      const names = copies.filter((copy) => copy.region === region).map((copy) => copy.functionName);
      const removed = await removeRunCopies(client, saved.runId, names, { logger, sleep: realSleep });
      if (removed.deleted.length > 0)
        lines.push(`deleted the architecture copies ${removed.deleted.join(", ")} (${region})`);
      problems.push(...removed.problems);
    } finally {
      client.destroy();
    }
  }
  if (lines.length === 0 && problems.length === 0) {
    actionLog.info(`lambda-power-gate post step: run ${saved.runId} left nothing behind; nothing to clean up.`);
    return;
  }
  for (const line of lines)
    actionLog.warning(
      `The main step did not finish cleaning up run ${saved.runId} (was it cancelled or killed?); the post step did: ${line}`
    );
  if (problems.length > 0) {
    actionLog.setFailed(`lambda-power-gate post step could not clean up run ${saved.runId}: ${problems.join("; ")}`);
  }
}

export {
  RUN_STATE,
  runStateSavers,
  parseSavedRun,
  post
};
