import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  dataBranch,
  writeSummary
} from "./chunk-4MD6V4DB.js";
import {
  actionLog,
  setOutput
} from "./chunk-MOY3PVIV.js";
import "./chunk-BW7SGPVE.js";
import {
  messageOf
} from "./chunk-ZS2HFFQI.js";
import "./chunk-F67DHOCG.js";
import "./chunk-TM45P2KR.js";
import "./chunk-URRKCZFK.js";

// src/action/prune.ts
async function prune(plan, context, env) {
  const settings = plan.shared;
  const branch = await dataBranch(settings, context, env);
  if (!branch) {
    actionLog.setFailed(
      "mode prune needs the GitHub API: a github-token (contents: write) and the repository (GITHUB_REPOSITORY)"
    );
    return;
  }
  const { keepSet, describePrune } = await import("./prune-NK5HCSDY.js");
  const keep = keepSet(configuredKeys(plan), settings.report.pruneKeep ?? []);
  const dryRun = settings.report.pruneDryRun !== false;
  try {
    const outcome = await branch.prune(keep, dryRun);
    const lines = describePrune(outcome.plan, dryRun);
    for (const line of lines) actionLog.info(line);
    const kept = `Kept: ${outcome.plan.kept.join(", ") || "nothing"}.`;
    actionLog.info(kept);
    if (outcome.commitSha) actionLog.info(`Pruned ${branch.branch} in commit ${outcome.commitSha.slice(0, 7)}.`);
    else if (dryRun && outcome.plan.remove.length > 0)
      actionLog.info("Dry run: nothing was removed. Set prune-dry-run: false and list the keys to keep in prune-keep.");
    setOutput("pruned", outcome.plan.remove.map((folder) => folder.folder).join("\n"));
    if (settings.report.summary)
      await writeSummary(
        [
          `### Data branch \`${branch.branch}\`: ${dryRun ? "prune (dry run)" : "pruned"}`,
          "",
          ...lines.map((line) => `- ${line}`),
          "",
          kept,
          ""
        ].join("\n")
      );
  } catch (error) {
    actionLog.setFailed(`Could not prune ${branch.branch}: ${messageOf(error)}`);
  }
}
function configuredKeys(plan) {
  if (plan.kind === "function") return { whole: [plan.key], appFunctions: /* @__PURE__ */ new Map() };
  if (plan.stack) return { whole: [plan.key], appFunctions: /* @__PURE__ */ new Map() };
  return { whole: [], appFunctions: /* @__PURE__ */ new Map([[plan.key, plan.functions.map((fn) => fn.key)]]) };
}
export {
  configuredKeys,
  prune
};
