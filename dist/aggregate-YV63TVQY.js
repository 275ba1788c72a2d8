import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  judge
} from "./chunk-4DQHMXTC.js";
import "./chunk-U5IZFZU5.js";
import "./chunk-2PNDXB25.js";
import "./chunk-VJXSU6PO.js";
import "./chunk-EE6MQ7ES.js";
import "./chunk-RGAGO2E6.js";
import "./chunk-TZQBYUD2.js";
import "./chunk-5WM6ETGA.js";
import "./chunk-JRNMWUVF.js";
import "./chunk-Q3BMP5S5.js";
import "./chunk-LYDXGQBP.js";
import {
  loadBaseline
} from "./chunk-LBJAIOSE.js";
import "./chunk-JMCE2JBC.js";
import "./chunk-ISPMOH3G.js";
import {
  acceptanceReader
} from "./chunk-HTI2UHH4.js";
import {
  dataBranch,
  postComment,
  setOutputs,
  storeAppOnDefaultBranch,
  writeSummary
} from "./chunk-4MD6V4DB.js";
import "./chunk-OAEFOCCR.js";
import "./chunk-CBEWQLWB.js";
import "./chunk-AQSXUJKW.js";
import "./chunk-N3JZZGTO.js";
import "./chunk-BHX5YG2T.js";
import "./chunk-SFJ7IVIP.js";
import "./chunk-4JLOGNLJ.js";
import {
  readBoundedText
} from "./chunk-7WMIMWEW.js";
import {
  actionLog,
  actionsEngineLogger
} from "./chunk-MOY3PVIV.js";
import "./chunk-BW7SGPVE.js";
import "./chunk-5Y64ZUDY.js";
import "./chunk-XCIHNFG2.js";
import "./chunk-YQ5HGVKP.js";
import {
  InputError,
  messageOf
} from "./chunk-ZS2HFFQI.js";
import "./chunk-F67DHOCG.js";
import {
  inertText
} from "./chunk-TM45P2KR.js";
import "./chunk-FTQIWBND.js";
import "./chunk-UFSOI34G.js";
import "./chunk-CPWGUBW5.js";
import "./chunk-EMDC3MXH.js";
import "./chunk-JK6TZCBJ.js";
import "./chunk-WGY342LC.js";
import "./chunk-URRKCZFK.js";

// src/action/aggregate.ts
import { isAbsolute, relative } from "node:path";
async function aggregate(plan, context, env, workspace) {
  const [{ readShards, mergeShards }, { reportApp }] = await Promise.all([
    import("./shards-5GO2FFWH.js"),
    import("./report-CKZA6JXB.js")
  ]);
  let merged;
  try {
    const patterns = (plan.shared.report.resultsFiles ?? []).map(
      (pattern) => isAbsolute(pattern) ? relative(workspace, pattern) : pattern
    );
    const shards = await readShards(patterns, workspace);
    merged = mergeShards(shards, { key: plan.key, ...context.headSha ? { headSha: context.headSha } : {} });
    actionLog.info(
      `Aggregating ${shards.length} shard${shards.length === 1 ? "" : "s"}: ${merged.functions.length} functions of ${inertText(plan.key, 128)}`
    );
  } catch (error) {
    actionLog.setFailed(error instanceof InputError ? error.message : `results-files: ${messageOf(error)}`);
    return;
  }
  const branch = await dataBranch(plan.shared, context, env);
  const history = branch?.forApp(plan.key);
  const logger = actionsEngineLogger();
  const outcomes = [];
  const accept = acceptanceReader(plan.shared, context, env);
  for (const entry of merged.functions) {
    const settings = settingsFor(plan, entry);
    outcomes.push(await judgeEntry(entry, settings, history, context, accept));
  }
  const outcome = await reportApp(plan, outcomes, {
    logger,
    startedAt: merged.startedAt,
    finishedAt: () => merged.finishedAt,
    ...merged.git ? { git: merged.git } : {},
    ...context.runUrl ? { runUrl: context.runUrl } : {}
  });
  if (history) await storeAppOnDefaultBranch(history, outcome.functions, context);
  if (history && plan.shared.gate.dashboard && context.defaultBranchPush) {
    const { dashboardOnDefaultBranch } = await import("./dashboard-44PSQXV2.js");
    await dashboardOnDefaultBranch(plan.shared, context, env);
  }
  setOutputs(outcome.outputs);
  if (plan.shared.report.summary) await writeSummary(outcome.summaryMarkdown ?? outcome.markdown);
  const commentUrl = await postComment(
    { ...plan.shared, gate: { ...plan.shared.gate, key: plan.key } },
    outcome.markdown,
    context
  );
  if (commentUrl) setOutputs({ "comment-url": commentUrl });
  if (outcome.failure) actionLog.setFailed(outcome.failure);
}
function settingsFor(plan, entry) {
  const own = plan.functions.find((fn) => fn.key === entry.key)?.settings;
  if (own) return own;
  return {
    ...plan.shared,
    tuning: { ...plan.shared.tuning, functionName: entry.functionName },
    gate: { ...plan.shared.gate, key: entry.key }
  };
}
async function judgeEntry(entry, settings, history, context, accept) {
  const base = {
    key: entry.key,
    functionName: entry.functionName,
    ...entry.failure ? { failure: inertText(entry.failure, 500) } : {},
    ...entry.unchangedNote ? { unchangedNote: inertText(entry.unchangedNote, 300) } : {}
  };
  if (entry.status !== "measured" || !entry.result)
    return { ...base, status: entry.status, result: entry.result, baseline: entry.baseline ?? null, verdict: null };
  let baseline = null;
  let baselineProblem;
  let noBaselineNote;
  if (entry.baseline) {
    baseline = {
      result: entry.baseline,
      description: `live baseline function ${entry.baseline.function.name}, measured in the same run with interleaved invocations`
    };
  } else if (settings.gate.baselineSource === "file" || settings.gate.baselineSource === "branch") {
    const loaded = await loadBaseline(settings.gate, {
      readFile: readBoundedText,
      ...history ? { history } : {},
      target: context.baselineTarget
    }).catch((error) => ({
      source: "file",
      baseline: null,
      problem: messageOf(error),
      note: void 0
    }));
    if (loaded.source === "file" || loaded.source === "branch") {
      baseline = loaded.baseline;
      baselineProblem = loaded.problem;
      if (!loaded.baseline && !loaded.problem) noBaselineNote = loaded.note;
    }
  }
  const { verdict } = await judge(
    {
      result: entry.result,
      baseline,
      ...baselineProblem ? { baselineProblem } : {},
      ...noBaselineNote ? { noBaselineNote } : {}
    },
    settings,
    { logger: actionsEngineLogger(), gate: "inform", ...accept ? { accept } : {} }
  );
  const { buildTrend } = await import("./trend-FYLTOO47.js");
  const trend = buildTrend(entry.result, baseline?.trend, settings.gate, context.runUrl);
  return {
    ...base,
    status: "measured",
    result: entry.result,
    baseline: baseline?.result ?? null,
    verdict,
    ...trend ? { trend } : {}
  };
}
export {
  aggregate
};
