// The flow both front doors share (the action's main.ts and the CLI): tune, write results.json and report.md,
// compute the outputs. Neither GitHub nor a terminal is known here: the caller turns the outcome into a job
// summary, a comment, outputs and an exit code.

import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { LambdaClient } from '@aws-sdk/client-lambda';
import { renderReport, savingPct } from './report/markdown.js';
import type { Clock, EngineLogger } from './tuning/ports.js';
import { messageOf } from './tuning/target.js';
import { TuningCancelledError, TuningFailedError, tune } from './tuning/tuner.js';
import type { RunResult, Settings, Verdict } from './types.js';

export interface FlowDeps {
  client: LambdaClient;
  logger: EngineLogger;
  clock?: Clock;
  signal?: AbortSignal;
  waiterMinDelaySec?: number;
  runUrl?: string;
  git?: RunResult['git'];
}

export interface FlowOutcome {
  /** Null when the run failed before it measured anything. */
  result: RunResult | null;
  verdict: Verdict | null;
  markdown: string;
  outputs: Record<string, string>;
  resultsPath: string;
  reportPath: string;
  /** Set when the job must fail, in one sentence. */
  failure?: string;
}

export async function runFlow(settings: Settings, deps: FlowDeps): Promise<FlowOutcome> {
  const resultsPath = settings.tuning.resultsPath;
  const reportPath = join(dirname(resultsPath), 'report.md');
  let result: RunResult | null = null;
  let failure: string | undefined;
  try {
    result = await tune(
      settings.tuning,
      { client: deps.client, logger: deps.logger, clock: deps.clock, waiterMinDelaySec: deps.waiterMinDelaySec },
      deps.signal,
    );
  } catch (error) {
    if (error instanceof TuningFailedError) {
      result = error.result ?? null;
      failure = error.message;
    } else if (error instanceof TuningCancelledError) {
      failure = error.message;
    } else {
      failure = `Tuning failed: ${messageOf(error)}`;
    }
  }
  if (result && deps.git) result.git = deps.git;
  const verdict: Verdict | null = null;
  const markdown = result ? renderReport({ result, verdict, runUrl: deps.runUrl }) : `### ❌ Lambda power tuning failed\n\n${failure ?? ''}\n`;
  await mkdir(dirname(resultsPath), { recursive: true });
  if (result) await writeFile(resultsPath, JSON.stringify(result, null, 2) + '\n');
  await writeFile(reportPath, markdown);
  return { result, verdict, markdown, outputs: outputsFor(result, verdict, resultsPath), resultsPath, reportPath, ...(failure ? { failure } : {}) };
}

export function outputsFor(result: RunResult | null, verdict: Verdict | null, resultsPath: string): Record<string, string> {
  const outputs: Record<string, string> = { 'results-path': resultsPath };
  if (!result) return outputs;
  const rec = result.recommendation;
  const saving = savingPct(result);
  Object.assign(outputs, {
    'recommended-memory': rec ? String(rec.memoryMb) : '',
    'recommended-cost': rec ? String(rec.costPerInvocationUsd) : '',
    'recommended-duration': rec ? String(rec.durationMs) : '',
    'current-memory': String(result.current.memoryMb),
    'current-cost': result.current.costPerInvocationUsd === null ? '' : String(result.current.costPerInvocationUsd),
    'saving-percent': saving === null ? '' : saving.toFixed(2),
    'visualization-url': result.visualizationUrl ?? '',
  });
  if (verdict) {
    Object.assign(outputs, {
      verdict: verdict.level,
      'cost-delta-percent': verdict.costDeltaPct === null ? '' : verdict.costDeltaPct.toFixed(2),
      'duration-delta-percent': verdict.durationDeltaPct === null ? '' : verdict.durationDeltaPct.toFixed(2),
      'monthly-cost-delta': verdict.monthlyCostDeltaUsd === null ? '' : verdict.monthlyCostDeltaUsd.toFixed(2),
    });
  }
  return outputs;
}
