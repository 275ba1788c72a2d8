// The action's main step: inputs → Settings, then by mode: tune (measure → judge and report → GitHub) or
// comment-only (judge and report a results.json measured elsewhere). GitHub I/O is in github-io.ts, the event in
// context.ts; with cli.ts, the only modules that touch @actions/* and process.

import { isAbsolute, resolve } from 'node:path';
import * as runner from './runner.js';
import { cancellation } from '../lib/cancellation.js';
import { InputError, messageOf } from '../lib/errors.js';
import type { Clock } from '../lib/ports.js';
import { readBoundedText } from '../lib/paths.js';
import { checkDataBranchNotWorking, parseAppSettings, parseSettings, type InputReader } from '../settings/index.js';
import { createLambdaClient, waiterMinDelaySecFor } from '../tuning/client.js';
import type { AppPlan, RunResult, Settings, StackDiscovery } from '../types.js';
import { acceptanceReader } from './acceptance.js';
import { readRunContext, type RunContext } from './context.js';
import {
  dataBranch,
  postComment,
  readGitHubContext,
  setOutputs,
  storeAppOnDefaultBranch,
  storeOnDefaultBranch,
  writeSummary,
} from './github-io.js';
import { actionLog, actionsEngineLogger } from './log.js';
import { runStateSavers } from './post.js';

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  /** Tests send signals through this instead of the process. */
  signalSource?: NodeJS.EventEmitter;
  /** How long a minute of timeout-minutes lasts; tests shorten it. Default 60 000. */
  minuteMs?: number;
  /** The engine's clock (run deadlines, markers' age); tests move it forward. */
  clock?: Clock;
}

export async function run(options: RunOptions = {}): Promise<void> {
  const env = options.env ?? process.env;
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
  let settings: Settings;
  let plan: AppPlan | undefined;
  let reported: RunResult | undefined;
  let context: RunContext;
  try {
    context = readRunContext(readGitHubContext(env));
    let read: InputReader = (name) => runner.getInput(name);
    if (runner.getInput('mode').trim().toLowerCase() === 'comment-only') {
      // The results file names the function it measured: the settings are checked as for that function.
      // Loaded only in this mode: it reads results with the full results.json schema, which a tuning run need not build.
      const { readReportedResults } = await import('./comment-only.js');
      const measured = (reported = readReportedResults(runner.getInput('results-file'), workspace));
      read = (name) =>
        runner.getInput(name) || (name === 'function-name' ? measured.function.arn || measured.function.name : '');
    }
    const ctx = { env, cwd: workspace, readFile: readBoundedText };
    let parsed: { settings: Settings; warnings: string[] };
    if (reported) parsed = parseSettings(read, ctx);
    else {
      const app = parseAppSettings(read, ctx);
      plan = app.app;
      parsed = { settings: plan.shared, warnings: app.warnings };
    }
    settings = parsed.settings;
    checkDataBranchNotWorking(settings.gate.baselineBranch, context.workingBranches);
    if (settings.gate.dashboardBranch !== settings.gate.baselineBranch)
      checkDataBranchNotWorking(settings.gate.dashboardBranch, context.workingBranches, 'dashboard-branch');
    parsed.warnings.forEach((warning) => actionLog.warning(warning));
  } catch (error) {
    // Bad input: one line, no stack trace, and nothing sent to AWS.
    actionLog.setFailed(error instanceof InputError ? error.message : `Invalid input: ${messageOf(error)}`);
    return;
  }
  if (settings.report.githubToken) runner.setSecret(settings.report.githubToken);
  if (!isAbsolute(settings.tuning.resultsPath))
    settings.tuning.resultsPath = resolve(workspace, settings.tuning.resultsPath);
  if (reported) return (await import('./comment-only.js')).commentOnly(settings, reported, context, env);
  if (!plan) throw new Error('A tuning run has an AppPlan');
  if (plan.shared.report.mode === 'aggregate')
    return (await import('./aggregate.js')).aggregate(plan, context, env, workspace);
  if (plan.shared.report.mode === 'prune') return (await import('./prune.js')).prune(plan, context, env);
  for (const fn of plan.functions) fn.settings.tuning.resultsPath = settings.tuning.resultsPath;
  if (context.fork && !settings.tuning.endpoint && !env.AWS_ACCESS_KEY_ID && !env.AWS_WEB_IDENTITY_TOKEN_FILE) {
    // A fork's pull_request run has no secrets and no OIDC token: say so instead of an SDK credentials error.
    actionLog.setFailed(
      `Pull request from a fork (${context.fork}): GitHub gives it no AWS credentials, so it cannot be tuned on AWS; use the local emulator (endpoint) or the two-workflow recipe in docs/workflows.md`,
    );
    return;
  }
  const stop = cancellation({
    timeoutMinutes: settings.tuning.timeoutMinutes,
    ...(options.minuteMs ? { minuteMs: options.minuteMs } : {}),
    signalSource: options.signalSource ?? process,
    onSignal: (name) =>
      actionLog.warning(
        `${name} received: stopping, restoring the function and deleting this run's versions and aliases`,
      ),
    keepHandlersOnceAborted: true,
  });
  try {
    await tuneAndReport(plan, context, env, stop.signal, options.clock, workspace);
  } finally {
    stop.dispose();
  }
}

/** mode: tune — measure, judge and report, then tell GitHub: the data branch, outputs, summary, comment, exit code. */
async function tuneAndReport(
  plan: AppPlan,
  context: RunContext,
  env: NodeJS.ProcessEnv,
  signal: AbortSignal,
  clock: Clock | undefined,
  workspace: string,
): Promise<void> {
  const settings = plan.shared;
  const history = await dataBranch(settings, context, env);
  // An app's functions are stored and read per function under the app's key.
  const appHistory = history && plan.kind === 'app' ? history.forApp(plan.key) : undefined;
  const { headSha: sha, ref, pullRequest, runUrl } = context;
  const { runApp } = await import('../app/run.js');
  const accept = acceptanceReader(settings, context, env);
  const outcome = await runApp(plan, {
    client: createLambdaClient(settings.tuning, env),
    clientFor: (region) => createLambdaClient({ ...settings.tuning, region }, env),
    logger: actionsEngineLogger(),
    signal,
    env,
    waiterMinDelaySec: waiterMinDelaySecFor(settings.tuning.endpoint),
    ...(runUrl ? { runUrl } : {}),
    git: { ...(sha ? { sha } : {}), ...(ref ? { ref } : {}), ...(pullRequest ? { pullRequest } : {}) },
    ...(appHistory ? { history: appHistory } : history ? { history } : {}),
    ...(plan.stack ? { discover: await stackDiscovery(settings, env) } : {}),
    baselineTarget: context.baselineTarget,
    ...runStateSavers(settings.tuning.endpoint, env),
    ...(clock ? { clock } : {}),
    ...(accept ? { accept } : {}),
  });
  if (history) {
    if (plan.kind === 'function') await storeOnDefaultBranch(history, settings, outcome.result, context);
    else if (appHistory) await storeAppOnDefaultBranch(appHistory, outcome.functions, context);
    if (settings.gate.dashboard && context.defaultBranchPush) {
      const { dashboardOnDefaultBranch } = await import('./dashboard.js');
      await dashboardOnDefaultBranch(settings, context, env);
    }
  }
  setOutputs(outcome.outputs);
  // suggest-min-saving: on a pull request, where the code sets the memory (a review comment or a hint; docs/iac.md).
  let { markdown } = outcome;
  let summaryMarkdown = outcome.summaryMarkdown ?? outcome.markdown;
  if (settings.report.suggestMinSavingPct !== undefined && context.pullRequest !== undefined) {
    const { suggestInCode, withIacSection } = await import('./iac.js');
    const section = await suggestInCode(outcome.functions, {
      settings,
      context,
      env,
      workspace,
      keysAreLogicalIds: plan.stack !== undefined,
    });
    markdown = withIacSection(markdown, section);
    summaryMarkdown = withIacSection(summaryMarkdown, section);
  }
  if (settings.report.summary) await writeSummary(summaryMarkdown);
  const commentUrl = await postComment({ ...settings, gate: { ...settings.gate, key: plan.key } }, markdown, context);
  if (commentUrl) setOutputs({ 'comment-url': commentUrl });
  actionLog.info(
    outcome.resultsPath ? `Results: ${outcome.resultsPath}` : 'Results: none written (the run measured nothing)',
  );
  if (outcome.failure) actionLog.setFailed(outcome.failure);
}

/** stack-name: the CloudFormation client(s) and discovery, loaded only when a stack is named. */
async function stackDiscovery(settings: Settings, env: NodeJS.ProcessEnv) {
  const { createCloudFormationClient, discoverStackFunctions } = await import('../app/discovery.js');
  const cloudFormation = createCloudFormationClient(settings.tuning, env);
  return (stack: StackDiscovery) => discoverStackFunctions(stack, { cloudFormation, logger: actionsEngineLogger() });
}
