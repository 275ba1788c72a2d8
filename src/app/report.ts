// The second half of an app's run (issue 15), shared by a measuring step (run.ts) and `mode: aggregate` (the
// matrix's last job, action/aggregate.ts): the app's verdict, the job's failure, auto-optimize, the comment and the
// job summary, results.json, report.md and report.html, the outputs.

import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { writeFresh, type FlowOutcome } from '../flow.js';
import { spendOutputs } from '../results/outputs.js';
import type { EngineLogger } from '../lib/ports.js';
import { inertText } from '../lib/untrusted.js';
import { memoryUsedPctAt } from '../results/figures.js';
import { functionEntry, resultsFile } from '../results/file.js';
import { fileSpend, functionSpend } from '../results/spend.js';
import type { AppPlan, AppVerdict, FunctionOutcome, RunResult, RunSpend } from '../types.js';

export interface AppOutcome extends FlowOutcome {
  /** One per function, in the order they were given (or found). */
  functions: FunctionOutcome[];
  /** The app's verdict; null when nothing was judged (a dry run, or no function could be found). */
  appVerdict: AppVerdict | null;
  /** The job summary's report when it differs from the comment's (an app: every function's report in full). */
  summaryMarkdown?: string;
}

export interface AppReportOptions {
  logger: EngineLogger;
  startedAt: string;
  finishedAt: () => string;
  git?: RunResult['git'];
  runUrl?: string;
  /** A measuring run's auto-optimize, given the job's failure so far; returns the failure after it. */
  apply?: (failure: string | undefined) => Promise<string | undefined>;
}

/**
 * The second half of an app's run, shared by a measuring step and `mode: aggregate` (the matrix's last job): the
 * app's verdict, the job's failure, auto-optimize, the comment and the job summary, results.json, report.md and
 * report.html beside it, the outputs.
 */
export async function reportApp(
  plan: AppPlan,
  outcomes: FunctionOutcome[],
  options: AppReportOptions,
): Promise<AppOutcome> {
  const resultsPath = plan.shared.tuning.resultsPath;
  const reportDir = dirname(resultsPath);
  // A dry run judges nothing; any other run has a verdict, whatever happened to each function.
  const dryRun = outcomes.length > 0 && outcomes.every((outcome) => outcome.result?.dryRun);
  const verdict = await verdictOf(outcomes);
  const appVerdict = dryRun ? null : verdict;
  if (appVerdict) options.logger.info(`Gate: ${appVerdict.level}. ${appVerdict.reason}`);
  let failure = failureOf(outcomes, appVerdict, plan.shared.gate.failOnRegression, options.logger);
  if (options.apply) failure = await options.apply(failure);

  const file = resultsFile(
    plan.key,
    outcomes.map((outcome) => functionEntry(outcome, outcome.verdict?.baselineKind === 'live')),
    { startedAt: options.startedAt, finishedAt: options.finishedAt(), ...(options.git ? { git: options.git } : {}) },
  );
  if (options.git)
    for (const entry of file.functions) if (entry.result && entry.status === 'measured') entry.result.git = options.git;

  // One after another: the renderers share modules, and Jest's ESM loader fails on parallel imports of a shared one.
  const { renderAppReport } = await import('../report/app.js');
  const { renderAppHtmlReport } = await import('../report/app-html.js');
  const { GITHUB_SUMMARY_MAX_CHARS } = await import('../report/limits.js');
  const input = { key: plan.key, functions: outcomes, verdict, ...(options.runUrl ? { runUrl: options.runUrl } : {}) };
  const markdown = renderAppReport(input);
  // The job summary holds up to 1 MiB: every function's full report, pointing only to the artifact for the rest.
  const summaryMarkdown = renderAppReport({
    ...input,
    maxChars: GITHUB_SUMMARY_MAX_CHARS,
    fullReportsWhere: 'the results artifact (results.json, report.html)',
  });
  await mkdir(reportDir, { recursive: true });
  await writeFresh(resultsPath, JSON.stringify(file, null, 2) + '\n');
  const reportPath = join(reportDir, 'report.md');
  await writeFresh(reportPath, summaryMarkdown);
  await writeFresh(join(reportDir, 'report.html'), renderAppHtmlReport(input));
  return {
    result: null,
    verdict: null,
    baseline: null,
    markdown,
    summaryMarkdown,
    outputs: appOutputs(outcomes, appVerdict, resultsPath),
    resultsPath,
    reportPath,
    functions: outcomes,
    appVerdict,
    ...(failure ? { failure } : {}),
  };
}

/** Why the job fails, in one sentence: functions that could not be measured, or the gate. */
function failureOf(
  outcomes: FunctionOutcome[],
  verdict: AppVerdict | null,
  failOnRegression: boolean,
  logger: EngineLogger,
): string | undefined {
  const failed = outcomes.filter((outcome) => outcome.failure !== undefined);
  if (failed.length > 0) {
    const list = failed.map((outcome) => `${outcome.key} (${outcome.failure})`).join('; ');
    return `${failed.length} of ${outcomes.length} functions failed: ${list}`;
  }
  if (verdict?.level !== 'fail') return undefined;
  const accepted = acceptedFunctions(outcomes);
  if (accepted) {
    logger.info(`${accepted.sentence} The job passes.`);
    return undefined;
  }
  if (failOnRegression) return `Regression gate failed: ${verdict.reason}`;
  logger.warning('The gate verdict is fail, but fail-on-regression is false: the job passes.');
  return undefined;
}

/**
 * An app whose every failing function was accepted (accept-label): the sentence for the log. Undefined when any
 * function fails without acceptance (a function that could not be measured never counts as accepted).
 */
export function acceptedFunctions(outcomes: readonly FunctionOutcome[]): { sentence: string } | undefined {
  const failing = outcomes.filter((outcome) => outcome.status === 'failed' || outcome.verdict?.level === 'fail');
  if (failing.length === 0 || failing.some((outcome) => !outcome.verdict?.accepted)) return undefined;
  const [first] = failing;
  const note = first?.verdict?.accepted;
  if (!note) return undefined;
  const keys = failing.map((outcome) => inertText(outcome.key, 64)).join(', ');
  return {
    sentence: `Regression accepted by ${inertText(note.by, 64)} with the label "${inertText(note.label, 100)}" for ${keys}.`,
  };
}

export async function verdictOf(outcomes: FunctionOutcome[]): Promise<AppVerdict> {
  const { appVerdict } = await import('../gate/app.js');
  return appVerdict(outcomes);
}

/** A run that found no function to tune (the stack could not be read): the report says why, the job fails. */
export async function failedApp(plan: AppPlan, runUrl: string | undefined, failure: string): Promise<AppOutcome> {
  const resultsPath = plan.shared.tuning.resultsPath;
  const reportDir = dirname(resultsPath);
  const { renderFailureReport } = await import('../report/markdown.js');
  const markdown = renderFailureReport(failure, runUrl);
  await mkdir(reportDir, { recursive: true });
  const reportPath = join(reportDir, 'report.md');
  await writeFresh(reportPath, markdown);
  return {
    result: null,
    verdict: null,
    baseline: null,
    markdown,
    outputs: { 'results-path': '', functions: '[]' },
    resultsPath: '',
    reportPath,
    functions: [],
    appVerdict: null,
    failure,
  };
}

/** The outputs of an app: the overall verdict and monthly change, and one JSON entry per function. */
function appOutputs(
  outcomes: FunctionOutcome[],
  verdict: AppVerdict | null,
  resultsPath: string,
): Record<string, string> {
  return {
    'results-path': resultsPath,
    verdict: verdict?.level ?? '',
    accepted: String(verdict?.level === 'fail' && acceptedFunctions(outcomes) !== undefined),
    'accepted-by': verdict?.level === 'fail' ? (acceptedBy(outcomes) ?? '') : '',
    'monthly-cost-delta': verdict?.monthlyCostDeltaUsd == null ? '' : verdict.monthlyCostDeltaUsd.toFixed(2),
    ...spendOutputs(fileSpend(outcomes)?.total ?? null),
    functions: functionsOutput(outcomes),
  };
}

/** The `functions` output: one entry per function, for later steps (fromJSON). */
export function functionsOutput(outcomes: FunctionOutcome[]): string {
  return JSON.stringify(
    outcomes.map((outcome) => ({
      key: outcome.key,
      function: outcome.functionName,
      status: outcome.status,
      verdict: outcome.verdict?.level ?? null,
      ...(outcome.verdict?.accepted ? { acceptedBy: outcome.verdict.accepted.by } : {}),
      currentMemoryMb: outcome.result?.current.memoryMb ?? null,
      recommendedMemoryMb: outcome.result?.recommendation?.memoryMb ?? null,
      costDeltaPercent: round2(outcome.verdict?.costDeltaPct),
      durationDeltaPercent: round2(outcome.verdict?.durationDeltaPct),
      monthlyCostDeltaUsd: round2(outcome.verdict?.monthlyCostDeltaUsd),
      memoryUsedPercent: round2(memoryUsedPctAt(outcome.result, outcome.result?.current.memoryMb)),
      recommendedMemoryUsedPercent: round2(memoryUsedPctAt(outcome.result, outcome.result?.recommendation?.memoryMb)),
      ...runFigures(functionSpend(outcome)?.total),
      ...(outcome.failure ? { failure: outcome.failure } : {}),
    })),
  );
}

/** Who accepted the app's failing functions, when every one of them was accepted. */
function acceptedBy(outcomes: readonly FunctionOutcome[]): string | undefined {
  if (!acceptedFunctions(outcomes)) return undefined;
  return outcomes.find((outcome) => outcome.verdict?.accepted)?.verdict?.accepted?.by;
}

/** What measuring the function (and its live baseline) spent in this run; absent when nothing (unchanged, dry run). */
function runFigures(spend: RunSpend | undefined): Record<string, number> {
  if (!spend) return {};
  return {
    runInvocations: spend.invocations,
    runGbSeconds: Math.round(spend.gbSeconds * 1e6) / 1e6,
    runCostUsd: Math.round(spend.costUsd * 1e10) / 1e10,
  };
}

function round2(value: number | null | undefined): number | null {
  return value === null || value === undefined ? null : Math.round(value * 100) / 100;
}
