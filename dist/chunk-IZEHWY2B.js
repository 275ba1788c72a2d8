import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  actionLog,
  getState,
  saveState
} from "./chunk-MOY3PVIV.js";
import {
  LambdaTarget,
  describeRemoval,
  removeRunLeftovers
} from "./chunk-BEQTHXRH.js";
import {
  messageOf
} from "./chunk-JIEX5DZV.js";
import {
  realSleep
} from "./chunk-FTQIWBND.js";
import {
  createLambdaClient,
  waiterMinDelaySecFor
} from "./chunk-WBOLZZJT.js";
import {
  errorName
} from "./chunk-CPWGUBW5.js";

// src/action/post.ts
var RUN_STATE = "run";
function runStateSaver(endpoint, env) {
  const saved = { runId: "", ...endpoint ? { endpoint } : {}, functions: [] };
  return (snapshot, run) => {
    if (!env.GITHUB_STATE) return;
    saved.runId = run.runId;
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
    saveState(RUN_STATE, JSON.stringify(saved));
  };
}
function parseSavedRun(text) {
  if (!text) return void 0;
  try {
    const parsed = JSON.parse(text);
    if (typeof parsed.runId !== "string" || !/^[A-Za-z0-9_]+$/.test(parsed.runId) || !Array.isArray(parsed.functions))
      return void 0;
    return parsed;
  } catch {
    return void 0;
  }
}
async function post(env = process.env) {
  const saved = parseSavedRun(getState(RUN_STATE));
  if (!saved || saved.functions.length === 0 || !saved.runId) {
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
  runStateSaver,
  parseSavedRun,
  post
};
