// The flow both front doors share (the action's main.ts and the CLI), in two halves. "Measure": load the baseline,
// tune (with the live baseline when there is one). "Judge and report": the verdict, the report, results.json and
// report.md, the outputs. comment-only (action/comment-only.ts) runs the second half on results measured elsewhere.
// Neither GitHub nor a terminal is known here: the caller turns the outcome into a job summary, a comment, outputs
// and an exit code. What only some runs need (the live gate, the verdict, the renderers) is imported when it is
// needed (see src/index.ts on chunks).

import { mkdir, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { LambdaClient } from '@aws-sdk/client-lambda';
import type { Acceptance } from './gate/acceptance.js';
import type { BaselinePlan, BaselineTarget, KeyedHistory, LoadedBaseline } from './gate/baseline.js';
import { ARTEFACT_NAMES, BASELINE_COPY_NAME, readBoundedText } from './lib/paths.js';
import { parseFunctionName } from './settings/index.js';
import { systemClock, type Clock, type EngineLogger } from './lib/ports.js';
import { InputError, messageOf } from './lib/errors.js';
import { autoOptimize } from './tuning/apply.js';
import {
  newRunId,
  runDeadlineMs,
  TuningCancelledError,
  TuningFailedError,
  type TunerDeps,
} from './tuning/run-state.js';
import { tune, tuneTogether } from './tuning/tuner.js';
import type { OtherArchitecture } from './gate/arch-run.js';
import { functionEntry, resultsFile } from './results/file.js';
import { outputsFor } from './results/outputs.js';
import type { FunctionOutcome, RunResult, Settings, Verdict } from './types.js';

export interface FlowDeps {
  client: LambdaClient;
  logger: EngineLogger;
  clock?: Clock;
  signal?: AbortSignal;
  waiterMinDelaySec?: number;
  runUrl?: string;
  git?: RunResult['git'];
  /** baseline-branch: the data branch (main.ts builds it from the token and the repository; an app's: forApp). */
  history?: KeyedHistory;
  /** The commit to compare with on the data branch: the PR's base, or the commit before a push. */
  baselineTarget?: BaselineTarget;
  /** baseline-function in another region than function-name: a client for that region. */
  clientFor?: (region: string) => LambdaClient;
  /** Reads baseline-file (at most maxBytes); defaults to the file system. */
  readFile?: (path: string, maxBytes: number) => string;
  /** Each function's original configuration, before anything is changed: the action saves it for its post step. */
  onSnapshot?: TunerDeps['onSnapshot'];
  /** An architecture copy's name, before it is created: the action saves it for its post step (post.ts). */
  onCopy?: (copy: { functionName: string; region: string }, run: { runId: string }) => void;
  /** The run's control-plane pace; default Lambda's quota with headroom (tuning/limiter.ts). Tests of logic pass an unpaced one. */
  controlPlaneLimiter?: TunerDeps['controlPlaneLimiter'];
  /** An app's functions share one bound on invocations in flight, and one run id. */
  invocationLimit?: TunerDeps['invocationLimit'];
  runId?: string;
  /** accept-label: who accepted a failing verdict, asked only when a verdict fails (action/acceptance.ts). */
  accept?: AcceptanceRead;
}

/** Reads the acceptance that counts for this run (null: none); called only for a fail verdict, at most once. */
export type AcceptanceRead = () => Promise<Acceptance | null>;

/** What "measure" hands to "judge and report". */
export interface Measured {
  /** Null when the run failed before it measured anything. */
  result: RunResult | null;
  /** The baseline to compare with, when there is one. */
  baseline: LoadedBaseline | null;
  /** Why a baseline that was asked for could not be used (the verdict says so). */
  baselineProblem?: string;
  /** Why there is no baseline, when that is expected (a data branch without an entry yet). */
  noBaselineNote?: string;
  /** Set when measuring failed, in one sentence. */
  failure?: string;
  /** The baseline is a live function, measured in this run beside the PR's. */
  liveBaseline?: boolean;
  /** architectures x86_64,arm64: the other architecture's deployment's run (result.architectureComparison compares). */
  otherArchitecture?: RunResult;
}

export interface FlowOutcome {
  /** Null when the run failed before it measured anything. */
  result: RunResult | null;
  verdict: Verdict | null;
  /** The baseline run compared with, when there was one. */
  baseline: RunResult | null;
  /** architectures x86_64,arm64: the other architecture's run. */
  otherArchitecture?: RunResult;
  markdown: string;
  outputs: Record<string, string>;
  /** The results.json this run wrote; '' when it wrote none (never a file left by an earlier run). */
  resultsPath: string;
  reportPath: string;
  /** Set when the job must fail, in one sentence. */
  failure?: string;
}

export interface ReportOptions {
  logger: EngineLogger;
  runUrl?: string;
  /**
   * 'enforce' (a measuring run): a fail verdict fails the job unless fail-on-regression is false. 'inform'
   * (comment-only): the verdict is reported, and the measuring workflow's own check is the gate.
   */
  gate: 'enforce' | 'inform';
  /**
   * true: write results.json (settings.tuning.resultsPath), report.md and report.html beside it. `{ resultsPath }`:
   * write nothing, and name that file in the outputs (comment-only's results-file, measured elsewhere).
   */
  write: true | { resultsPath: string };
  /**
   * Auto-optimize (tuning/apply.ts), given only by a measuring run (comment-only never calls AWS). It runs after the
   * verdict, so "apply even if the gate fails?" is decided with the verdict in hand (it applies only on a run that
   * passes: docs/gate.md), and before the report, so the report and results.json say what was applied. Returns a
   * failure when applying failed.
   */
  apply?: (result: RunResult, failure: string | undefined) => Promise<string | undefined>;
  /** accept-label: a fail verdict accepted on purpose passes the job (gate/acceptance.ts). */
  accept?: AcceptanceRead;
}

/** Both halves, as both doors run them. */
export async function runFlow(settings: Settings, deps: FlowDeps): Promise<FlowOutcome> {
  const resultsPath = settings.tuning.resultsPath;
  const reportDir = dirname(resultsPath);
  // An earlier run's files would otherwise outlive a run that fails or is cancelled before writing its own, and
  // the outputs, the CLI and an artifact upload would present them as this run's.
  await removePreviousArtefacts(resultsPath, reportDir);
  const measured = await measure(settings, deps);
  // The live baseline's own results.json, next to the PR's: the run's evidence, and usable as a baseline-file.
  if (measured.baseline && measured.liveBaseline) await writeBaselineCopy(reportDir, measured.baseline.result);
  const runUrl = deps.runUrl ? { runUrl: deps.runUrl } : {};
  const apply = (result: RunResult, failure: string | undefined) =>
    autoOptimize(result, settings.tuning, tunerDepsOf(deps), failure, deps.signal);
  return judgeAndReport(measured, settings, {
    logger: deps.logger,
    gate: 'enforce',
    write: true,
    apply,
    ...runUrl,
    ...(deps.accept ? { accept: deps.accept } : {}),
  });
}

/**
 * Loads the baseline (a bad baseline-file fails here, before any AWS call) and tunes. Never throws for what a run
 * can meet: a failure is in the outcome, with whatever was measured before it.
 */
export async function measure(settings: Settings, deps: FlowDeps, loaded?: BaselinePlan): Promise<Measured> {
  let plan: BaselinePlan;
  try {
    plan = loaded ?? (await baselinePlan(settings, deps));
  } catch (error) {
    return {
      result: null,
      baseline: null,
      failure: error instanceof InputError ? error.message : `Baseline: ${messageOf(error)}`,
    };
  }
  let baseline: LoadedBaseline | null = plan.source === 'file' || plan.source === 'branch' ? plan.baseline : null;
  let baselineProblem = plan.source === 'file' || plan.source === 'branch' ? plan.problem : undefined;
  const noBaselineNote = plan.source === 'branch' && !plan.baseline ? plan.note : undefined;
  if (baseline) deps.logger.info(`Baseline: ${baseline.description}`);
  else if (baselineProblem) deps.logger.warning(`No baseline: ${baselineProblem}`);
  else if (noBaselineNote) deps.logger.info(`No baseline: ${noBaselineNote}`);

  // A copy of the function on the other architecture is named and tagged for the run, so the run id is fixed here.
  const tunerDeps = { ...tunerDepsOf(deps), runId: deps.runId ?? newRunId() };
  let result: RunResult | null = null;
  let otherResult: RunResult | undefined;
  let failure: string | undefined;
  // architectures x86_64,arm64: the other architecture's function, tuned beside this one (gate/arch-run.ts).
  const arch = (settings.tuning.architectures?.length ?? 0) > 1 ? await import('./gate/arch-run.js') : undefined;
  let other: OtherArchitecture | undefined;
  try {
    other = arch
      ? await arch.otherArchitecture(settings.tuning, {
          client: deps.client,
          runId: tunerDeps.runId,
          deadlineMs: runDeadlineMs((deps.clock ?? systemClock).now().getTime(), settings.tuning.timeoutMinutes),
          logger: deps.logger,
          ...(settings.tuning.endpoint ? { endpoint: settings.tuning.endpoint } : {}),
          ...(deps.waiterMinDelaySec !== undefined ? { waiterMinDelaySec: deps.waiterMinDelaySec } : {}),
          ...(deps.controlPlaneLimiter ? { limiter: deps.controlPlaneLimiter } : {}),
          ...(deps.onCopy ? { onCreating: (copy) => deps.onCopy?.(copy, { runId: tunerDeps.runId }) } : {}),
          ...(deps.signal ? { signal: deps.signal } : {}),
        })
      : undefined;
    const companions = arch && other ? [arch.otherArchitectureSubject(settings.tuning, other)] : [];
    if (plan.source === 'function') {
      const { tuneWithLiveBaseline } = await import('./gate/live.js');
      const live = await tuneWithLiveBaseline(
        settings.tuning,
        parseFunctionName(plan.functionName),
        { ...tunerDeps, clientFor: deps.clientFor },
        deps.signal,
        settings.gate,
        companions,
      );
      result = live.result;
      otherResult = live.companions?.[0];
      baseline = live.baseline;
      baselineProblem = live.problem;
    } else if (companions.length > 0) {
      const [own, companion] = await tuneTogether(
        [{ settings: settings.tuning }, ...companions],
        tunerDeps,
        deps.signal,
      );
      result = own ?? null;
      otherResult = companion;
    } else {
      result = await tune(settings.tuning, tunerDeps, deps.signal);
    }
  } catch (error) {
    if (error instanceof InputError) {
      failure = error.message;
    } else if (error instanceof TuningFailedError) {
      result = error.result ?? null;
      failure = error.message;
    } else if (error instanceof TuningCancelledError) {
      failure = error.message;
    } else {
      failure = `Tuning failed: ${messageOf(error)}`;
    }
  } finally {
    // A copy the run made goes on every path; the user's own deployment has nothing to dispose.
    await other
      ?.dispose()
      .catch((error: unknown) => deps.logger.warning(`Could not remove ${other?.functionName}: ${messageOf(error)}`));
  }
  if (result && deps.git) result.git = deps.git;
  if (result && otherResult && other && !result.dryRun && !otherResult.dryRun) {
    if (deps.git) otherResult.git = deps.git;
    const { compareArchitectures } = await import('./gate/architectures.js');
    result.architectureComparison = compareArchitectures(result, otherResult, {
      confidence: settings.gate.confidence,
      source: other.source,
    });
  }
  return {
    result,
    ...(otherResult ? { otherArchitecture: otherResult } : {}),
    baseline,
    ...(baselineProblem ? { baselineProblem } : {}),
    ...(noBaselineNote ? { noBaselineNote } : {}),
    ...(plan.source === 'function' ? { liveBaseline: true } : {}),
    ...(failure ? { failure } : {}),
  };
}

/** The verdict against the baseline, the report, and (for a measuring run) results.json, report.md and report.html. */
export async function judgeAndReport(
  measured: Measured,
  settings: Settings,
  options: ReportOptions,
): Promise<FlowOutcome> {
  const { result, baseline } = measured;
  const judged = await judge(measured, settings, options);
  const { verdict } = judged;
  let failure = judged.failure;
  if (result && options.apply) failure = (await options.apply(result, failure)) ?? failure;

  const { renderFailureReport, renderReport } = await import('./report/markdown.js');
  const { savingPct } = await import('./report/model.js');
  const baselineResult = baseline?.result ?? null;
  const otherArchitecture = measured.otherArchitecture ?? null;
  const { buildTrend } = await import('./report/trend.js');
  const trend = result ? buildTrend(result, baseline?.trend, settings.gate, options.runUrl) : null;
  const reportInput = result
    ? {
        result,
        verdict,
        baseline: baselineResult,
        otherArchitecture,
        runUrl: options.runUrl,
        ...(trend ? { trend } : {}),
      }
    : null;
  const markdown = reportInput
    ? renderReport(reportInput)
    : renderFailureReport(failure ?? 'Tuning failed', options.runUrl);
  const saving = result ? savingPct(result) : null;
  const resultsPath = settings.tuning.resultsPath;
  const reportDir = dirname(resultsPath);
  const reportPath = join(reportDir, 'report.md');
  if (options.write !== true) {
    const given = options.write.resultsPath;
    const outputs = outputsFor(result, verdict, given, saving, baselineResult, otherArchitecture);
    return {
      result,
      verdict,
      baseline: baselineResult,
      markdown,
      outputs,
      resultsPath: given,
      reportPath: '',
      ...(failure ? { failure } : {}),
    };
  }
  await mkdir(reportDir, { recursive: true });
  if (result) {
    const outcome: FunctionOutcome = {
      key: settings.gate.key,
      functionName: settings.tuning.functionName,
      status: 'measured',
      result,
      baseline: baselineResult,
      verdict,
      ...(measured.otherArchitecture ? { otherArchitecture: measured.otherArchitecture } : {}),
    };
    const file = resultsFile(settings.gate.key, [functionEntry(outcome, verdict?.baselineKind === 'live')], {
      ...result,
    });
    await writeFresh(resultsPath, JSON.stringify(file, null, 2) + '\n');
  }
  await writeFresh(reportPath, markdown);
  if (reportInput) {
    // A self-contained page (inline SVG charts, no network) for an artifact upload.
    const { renderHtmlReport } = await import('./report/html.js');
    await writeFresh(join(reportDir, 'report.html'), renderHtmlReport(reportInput));
  }
  const written = result ? resultsPath : '';
  return {
    result,
    verdict,
    baseline: baselineResult,
    ...(measured.otherArchitecture ? { otherArchitecture: measured.otherArchitecture } : {}),
    markdown,
    outputs: outputsFor(result, verdict, written, saving, baselineResult, otherArchitecture),
    resultsPath: written,
    reportPath,
    ...(failure ? { failure } : {}),
  };
}

/** The baseline this function is compared with. Throws an InputError for a bad baseline-file. */
export async function baselinePlan(settings: Settings, deps: FlowDeps): Promise<BaselinePlan> {
  // The baseline module reads results.json with the full zod schema: a run without a baseline does not load it.
  if (settings.gate.baselineSource === 'none') return { source: 'none' };
  const { loadBaseline } = await import('./gate/baseline.js');
  return loadBaseline(settings.gate, {
    readFile: deps.readFile ?? readBoundedText,
    history: deps.history,
    target: deps.baselineTarget,
  });
}

/**
 * The verdict on one function's measured run against its baseline; with gate 'enforce', a fail verdict becomes the
 * job's failure (unless fail-on-regression is false), after any failure measuring already had.
 */
export async function judge(
  measured: Measured,
  settings: Settings,
  options: Pick<ReportOptions, 'logger' | 'gate' | 'accept'>,
): Promise<{ verdict: Verdict | null; failure?: string }> {
  const { result, baseline } = measured;
  let failure = measured.failure;
  if (!result || result.dryRun) return failure ? { verdict: null, failure } : { verdict: null };
  const { compareRuns } = await import('./gate/compare.js');
  let verdict = compareRuns(result, baseline?.result ?? null, settings.gate, settings.tuning.monthlyInvocations ?? 0, {
    ...(baseline ? { baselineDescription: baseline.description } : {}),
    ...(baseline?.history ? { history: baseline.history } : {}),
    ...(measured.noBaselineNote ? { noBaselineNote: measured.noBaselineNote } : {}),
    ...(measured.baselineProblem ? { baselineProblem: measured.baselineProblem } : {}),
  });
  if (verdict.level === 'fail' && options.accept) {
    const { applyAcceptance } = await import('./gate/acceptance.js');
    verdict = applyAcceptance(verdict, await options.accept());
  }
  if (options.gate === 'enforce') {
    options.logger.info(`Gate: ${verdict.level}. ${verdict.reason}`);
    if (verdict.level === 'fail' && failure === undefined) {
      if (verdict.accepted) {
        const { acceptedSentence } = await import('./gate/acceptance.js');
        options.logger.info(`${acceptedSentence(verdict.accepted)} The job passes.`);
      } else if (settings.gate.failOnRegression) failure = `Regression gate failed: ${verdict.reason}`;
      else options.logger.warning('The gate verdict is fail, but fail-on-regression is false: the job passes.');
    }
  }
  return failure ? { verdict, failure } : { verdict };
}

/** The live baseline's own results.json, next to the PR's: the run's evidence, and usable as a baseline-file. */
async function writeBaselineCopy(reportDir: string, baseline: RunResult): Promise<void> {
  await mkdir(reportDir, { recursive: true });
  await writeFresh(join(reportDir, BASELINE_COPY_NAME), JSON.stringify(baseline, null, 2) + '\n');
}

export async function removePreviousArtefacts(resultsPath: string, reportDir: string): Promise<void> {
  for (const path of [resultsPath, ...ARTEFACT_NAMES.map((name) => join(reportDir, name))]) {
    try {
      // unlink removes a symlink itself, never what it points at.
      await unlink(path);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
    }
  }
}

/** Creates the file, refusing to follow anything that appeared at its path since the start of the run. */
export async function writeFresh(path: string, text: string): Promise<void> {
  await writeFile(path, text, { flag: 'wx' });
}

/** What the engine needs of the flow's collaborators. */
export function tunerDepsOf(deps: FlowDeps): TunerDeps {
  return {
    client: deps.client,
    logger: deps.logger,
    clock: deps.clock,
    waiterMinDelaySec: deps.waiterMinDelaySec,
    onSnapshot: deps.onSnapshot,
    ...(deps.controlPlaneLimiter ? { controlPlaneLimiter: deps.controlPlaneLimiter } : {}),
    ...(deps.invocationLimit ? { invocationLimit: deps.invocationLimit } : {}),
    ...(deps.runId ? { runId: deps.runId } : {}),
  };
}
