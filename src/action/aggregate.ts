// mode: aggregate, the last job of a matrix (docs/apps.md, "Matrix jobs: mode aggregate"): the shards' results
// files are read (results-files), checked to be of one head commit and one key, and merged; each function is judged
// again here, against the live baseline its shard measured beside it or the baseline this job loads itself (data
// branch, baseline file); then one comment, one job summary, one verdict and exit code for the whole app. It never
// calls AWS. A shard's figures are untrusted input like any results file: validated, and re-rendered.

import { isAbsolute, relative } from 'node:path';
import { judge } from '../flow.js';
import { loadBaseline, type KeyedHistory, type LoadedBaseline } from '../gate/baseline.js';
import { InputError, messageOf } from '../lib/errors.js';
import { readBoundedText } from '../lib/paths.js';
import { inertText } from '../lib/untrusted.js';
import type { AppPlan, FunctionEntry, FunctionOutcome, Settings } from '../types.js';
import { acceptanceReader } from './acceptance.js';
import type { AcceptanceRead } from '../flow.js';
import type { RunContext } from './context.js';
import { dataBranch, postComment, setOutputs, storeAppOnDefaultBranch, writeSummary } from './github-io.js';
import { actionLog, actionsEngineLogger } from './log.js';

export async function aggregate(
  plan: AppPlan,
  context: RunContext,
  env: NodeJS.ProcessEnv,
  workspace: string,
): Promise<void> {
  const [{ readShards, mergeShards }, { reportApp }] = await Promise.all([
    import('../app/shards.js'),
    import('../app/report.js'),
  ]);
  let merged;
  try {
    // Settings resolve results-files against the workspace (and check they stay inside it); the shard reader takes
    // them relative to it, as the user wrote them, and confines each file it finds again.
    const patterns = (plan.shared.report.resultsFiles ?? []).map((pattern) =>
      isAbsolute(pattern) ? relative(workspace, pattern) : pattern,
    );
    const shards = await readShards(patterns, workspace);
    merged = mergeShards(shards, { key: plan.key, ...(context.headSha ? { headSha: context.headSha } : {}) });
    actionLog.info(
      `Aggregating ${shards.length} shard${shards.length === 1 ? '' : 's'}: ${merged.functions.length} functions of ${inertText(plan.key, 128)}`,
    );
  } catch (error) {
    actionLog.setFailed(error instanceof InputError ? error.message : `results-files: ${messageOf(error)}`);
    return;
  }
  const branch = await dataBranch(plan.shared, context, env);
  const history = branch?.forApp(plan.key);
  const logger = actionsEngineLogger();
  const outcomes: FunctionOutcome[] = [];
  // One read for the app: the label is the pull request's, whichever function fails.
  const accept = acceptanceReader(plan.shared, context, env);
  for (const entry of merged.functions) {
    const settings = settingsFor(plan, entry);
    outcomes.push(await judgeEntry(entry, settings, history, context, accept));
  }
  const outcome = await reportApp(plan, outcomes, {
    logger,
    startedAt: merged.startedAt,
    finishedAt: () => merged.finishedAt,
    ...(merged.git ? { git: merged.git } : {}),
    ...(context.runUrl ? { runUrl: context.runUrl } : {}),
  });
  if (history) await storeAppOnDefaultBranch(history, outcome.functions, context);
  if (history && plan.shared.gate.dashboard && context.defaultBranchPush) {
    const { dashboardOnDefaultBranch } = await import('./dashboard.js');
    await dashboardOnDefaultBranch(plan.shared, context, env);
  }
  setOutputs(outcome.outputs);
  if (plan.shared.report.summary) await writeSummary(outcome.summaryMarkdown ?? outcome.markdown);
  const commentUrl = await postComment(
    { ...plan.shared, gate: { ...plan.shared.gate, key: plan.key } },
    outcome.markdown,
    context,
  );
  if (commentUrl) setOutputs({ 'comment-url': commentUrl });
  if (outcome.failure) actionLog.setFailed(outcome.failure);
}

/** The function's own settings when this job was given them (functions, config-file), else the step's. */
function settingsFor(plan: AppPlan, entry: FunctionEntry): Settings {
  const own = plan.functions.find((fn) => fn.key === entry.key)?.settings;
  if (own) return own;
  return {
    ...plan.shared,
    tuning: { ...plan.shared.tuning, functionName: entry.functionName },
    gate: { ...plan.shared.gate, key: entry.key },
  };
}

/** One shard's function, judged here. Unchanged and failed functions are reported as their shard found them. */
async function judgeEntry(
  entry: FunctionEntry,
  settings: Settings,
  history: KeyedHistory | undefined,
  context: RunContext,
  accept: AcceptanceRead | undefined,
): Promise<FunctionOutcome> {
  const base = {
    key: entry.key,
    functionName: entry.functionName,
    ...(entry.failure ? { failure: inertText(entry.failure, 500) } : {}),
    ...(entry.unchangedNote ? { unchangedNote: inertText(entry.unchangedNote, 300) } : {}),
  };
  if (entry.status !== 'measured' || !entry.result)
    return { ...base, status: entry.status, result: entry.result, baseline: entry.baseline ?? null, verdict: null };
  let baseline: LoadedBaseline | null = null;
  let baselineProblem: string | undefined;
  let noBaselineNote: string | undefined;
  if (entry.baseline) {
    // Measured by the shard beside the PR's function, in the same run (the same runId pairs their blocks).
    baseline = {
      result: entry.baseline,
      description: `live baseline function ${entry.baseline.function.name}, measured in the same run with interleaved invocations`,
    };
  } else if (settings.gate.baselineSource === 'file' || settings.gate.baselineSource === 'branch') {
    const loaded = await loadBaseline(settings.gate, {
      readFile: readBoundedText,
      ...(history ? { history } : {}),
      target: context.baselineTarget,
    }).catch((error: unknown) => ({
      source: 'file' as const,
      baseline: null,
      problem: messageOf(error),
      note: undefined,
    }));
    if (loaded.source === 'file' || loaded.source === 'branch') {
      baseline = loaded.baseline;
      baselineProblem = loaded.problem;
      if (!loaded.baseline && !loaded.problem) noBaselineNote = loaded.note;
    }
  }
  const { verdict } = await judge(
    {
      result: entry.result,
      baseline,
      ...(baselineProblem ? { baselineProblem } : {}),
      ...(noBaselineNote ? { noBaselineNote } : {}),
    },
    settings,
    { logger: actionsEngineLogger(), gate: 'inform', ...(accept ? { accept } : {}) },
  );
  const { buildTrend } = await import('../report/trend.js');
  const trend = buildTrend(entry.result, baseline?.trend, settings.gate, context.runUrl);
  return {
    ...base,
    status: 'measured',
    result: entry.result,
    baseline: baseline?.result ?? null,
    verdict,
    ...(trend ? { trend } : {}),
  };
}
