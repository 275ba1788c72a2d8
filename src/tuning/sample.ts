// One invocation's outcome → one Sample: the REPORT record's figures, and the function's error, kept raw where
// allowed-exceptions match it and shown only where it is safe. Pure, so every log shape is unit-tested.

import type { Sample } from '../types.js';
import { parseReport } from './logs.js';
import type { InvokeOutcome } from './invoke-alias.js';
import { MAX_RAW_ERROR_TYPE_CHARS, MAX_SHOWN_CHARS, truncateText } from '../lib/untrusted.js';

/** One invocation's response → a sample. Pure, so every log shape is unit-tested. */
export function sampleFromOutcome(outcome: InvokeOutcome, payloadIndex: number, logPayloads: boolean): Sample {
  const report = parseReport(outcome.logTail);
  const error = outcome.functionError ? functionErrorOf(outcome.payload, outcome.functionError) : undefined;
  if (!report) {
    return {
      durationMs: 0,
      billedDurationMs: 0,
      errorType: error?.type ?? 'LambdaPowerGate.NoReport',
      errorMessage: error
        ? visibleMessage(error, logPayloads)
        : 'the log tail had no REPORT record (is LogType Tail blocked, or the log format unknown?)',
      payloadIndex,
      coldStart: false,
    };
  }
  const sample: Sample = {
    durationMs: report.durationMs + (report.initDurationMs ?? 0) + (report.restoreDurationMs ?? 0),
    // Billed Duration already includes Billed Restore Duration on SnapStart (seen in real REPORT lines:
    // Duration 306.41, Billed Restore 303, Billed 610), so adding it, as the original tool does, double-counts.
    billedDurationMs: report.billedDurationMs,
    payloadIndex,
    coldStart: report.initDurationMs !== undefined || report.restoreDurationMs !== undefined,
  };
  if (report.initDurationMs !== undefined) sample.initDurationMs = report.initDurationMs;
  if (report.restoreDurationMs !== undefined) sample.restoreDurationMs = report.restoreDurationMs;
  if (report.billedRestoreDurationMs !== undefined) sample.billedRestoreDurationMs = report.billedRestoreDurationMs;
  if (report.maxMemoryUsedMb !== undefined) sample.maxMemoryUsedMb = report.maxMemoryUsedMb;
  if (error) {
    sample.errorType = error.type;
    const message = visibleMessage(error, logPayloads);
    if (message) sample.errorMessage = message;
  }
  return sample;
}

export interface FunctionErrorInfo {
  type: string;
  message: string;
}

/** The function chose its error type: results.json keeps it raw (allowed-exceptions match it) but bounded. */
export function functionErrorOf(payload: string, functionError: string): FunctionErrorInfo {
  try {
    const parsed = JSON.parse(payload) as { errorType?: unknown; errorMessage?: unknown };
    return {
      type: truncateText(
        typeof parsed.errorType === 'string' && parsed.errorType ? parsed.errorType : functionError,
        MAX_RAW_ERROR_TYPE_CHARS,
      ),
      message: typeof parsed.errorMessage === 'string' ? parsed.errorMessage : '',
    };
  } catch {
    return { type: truncateText(functionError, MAX_RAW_ERROR_TYPE_CHARS), message: '' };
  }
}

/**
 * Lambda's own error messages (timeouts, out of memory, crashes) are safe and needed to understand a failure;
 * a handler's error message is function output and may carry data, so it is kept only on opt-in.
 */
export function visibleMessage(error: FunctionErrorInfo, logPayloads: boolean): string | undefined {
  const platform = /^(Runtime|Sandbox)\./.test(error.type);
  if (!platform && !logPayloads) return undefined;
  return truncateText(error.message, MAX_SHOWN_CHARS);
}
