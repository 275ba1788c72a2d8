import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  recoverAbandonedRuns
} from "./chunk-XCIHNFG2.js";
import {
  messageOf
} from "./chunk-ZS2HFFQI.js";

// src/tuning/cleanup.ts
import { setMaxListeners } from "node:events";
var CLEANUP_BUDGET_MS = 7e3;
async function recoverLeftovers(targetFor, settings, runId, nowMs, logger) {
  try {
    await recoverAbandonedRuns(
      targetFor,
      settings.functionName,
      settings.functionName,
      settings.region,
      runId,
      nowMs,
      logger
    );
  } catch (error) {
    logger.warning(
      `Could not look for what killed runs left on ${settings.functionName} (${messageOf(error)}); the policy needs lambda:ListAliases and lambda:ListVersionsByFunction (docs/SECURITY.md)`
    );
  }
}
function cleanupBudget(runSignal, budgetMs) {
  const controller = new AbortController();
  setMaxListeners(0, controller.signal);
  let timer;
  let armed = false;
  const arm = () => {
    armed = true;
    timer = setTimeout(
      () => controller.abort(new CleanupBudgetError(`clean-up's ${budgetMs / 1e3} s after the cancel signal ran out`)),
      budgetMs
    );
  };
  if (runSignal?.aborted) arm();
  else runSignal?.addEventListener("abort", arm, { once: true });
  return {
    signal: controller.signal,
    budgetMs,
    get armed() {
      return armed;
    },
    dispose: () => {
      clearTimeout(timer);
      runSignal?.removeEventListener("abort", arm);
    }
  };
}
var CleanupBudgetError = class extends Error {
  name = "CleanupBudgetError";
};
async function restoreAndCleanUp(states, budget, logger) {
  const signal = budget.signal;
  const problems = states.map(() => []);
  const restoring = Promise.all(
    states.map(
      (state, index) => state.target.restore(state.snapshot, signal).then(
        () => true,
        (error) => {
          if (!signal.aborted) problems[index]?.push(`restoring $LATEST: ${messageOf(error)}`);
          return false;
        }
      )
    )
  );
  const cleaning = Promise.all(
    states.map((state) => state.target.cleanup(state.snapshot.functionArn, state.prepared, signal))
  );
  const restored = await restoring;
  const reports = await cleaning;
  const checked = await Promise.all(
    states.map(async (state, index) => {
      if (signal.aborted) return restored[index] ?? false;
      if (budget.armed && restored[index]) return true;
      try {
        const differences = await state.target.differencesFrom(state.snapshot, signal);
        if (differences.length === 0) return true;
        await state.target.restore(state.snapshot, signal);
        const after = await state.target.differencesFrom(state.snapshot, signal);
        if (after.length > 0 && !signal.aborted)
          problems[index]?.push(`$LATEST differs from how it was found: ${after.join("; ")}`);
        return after.length === 0;
      } catch (error) {
        if (!signal.aborted) problems[index]?.push(`checking $LATEST: ${messageOf(error)}`);
        return false;
      }
    })
  );
  const left = [];
  for (const [index, state] of states.entries()) {
    const report = reports[index];
    problems[index]?.push(...report.problems);
    const { aliases, versions } = report.remaining;
    const name = state.snapshot.identity.name;
    const kept = state.recorded ? state.target.stateAliasOf(state.snapshot) : void 0;
    const done = checked[index] && aliases.length === 0 && versions.length === 0 && (problems[index] ?? []).length === 0;
    let stateAliasKept = kept !== void 0;
    if (kept !== void 0 && done && !signal.aborted) {
      try {
        await state.target.forgetRun(state.snapshot, signal);
        stateAliasKept = false;
      } catch (error) {
        if (!signal.aborted) problems[index]?.push(`deleting the run's state alias ${kept}: ${messageOf(error)}`);
      }
    }
    if (stateAliasKept && kept !== void 0 && (problems[index] ?? []).length > 0) {
      problems[index]?.push(
        `kept alias ${kept} (the original configuration) so that the post step or the next run can finish the clean-up`
      );
    }
    if (signal.aborted && (!checked[index] || aliases.length > 0 || versions.length > 0 || stateAliasKept)) {
      const parts = [
        ...checked[index] ? [] : [`$LATEST not confirmed back at ${state.snapshot.memoryMb} MB and "${state.snapshot.description}"`],
        ...aliases.length > 0 ? [`aliases ${aliases.join(", ")}`] : [],
        ...versions.length > 0 ? [`versions ${versions.join(", ")}`] : [],
        ...stateAliasKept && kept !== void 0 ? [`alias ${kept} (the original configuration, for whoever finishes)`] : []
      ];
      left.push(`on ${name}: ${parts.join("; ")}`);
    }
    state.logger.info(
      `Clean-up: $LATEST ${checked[index] ? `restored to ${state.snapshot.memoryMb} MB` : "not confirmed restored"}; deleted ${report.deletedAliases.length} aliases and ${report.deletedVersions.length} versions`
    );
  }
  if (left.length > 0) {
    logger.warning(
      `Clean-up stopped when its ${budget.budgetMs / 1e3} s after the cancel signal ran out (the runner kills the job 10 s after it). Left ${left.join("; and ")}. The post step removes them, or else the next run on ${states.length === 1 ? "this function" : "these functions"} does.`
    );
  }
  const problem = states.map(
    (state, index) => (problems[index] ?? []).length > 0 ? `Clean-up incomplete for ${state.snapshot.identity.name}: ${(problems[index] ?? []).join("; ")}` : ""
  ).filter((text) => text !== "").join(". ");
  return { complete: left.length === 0 && problem === "", ...problem ? { problem } : {} };
}

export {
  CLEANUP_BUDGET_MS,
  recoverLeftovers,
  cleanupBudget,
  restoreAndCleanUp
};
