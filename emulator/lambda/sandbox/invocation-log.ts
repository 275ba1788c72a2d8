// The log of one invocation, composed in one place from logformat.ts's lines, in the order Lambda writes them:
//   <before START: init output, or an INIT_REPORT of an init that timed out>
//   [RESTORE_REPORT]  START  <retried init's output, handler output>  <platform lines>  END  REPORT
// Pure: the caller says what happened (outcome.ts decides it); the strings come from logformat.ts.
import {
  type LogFormat,
  type ReportFields,
  formatEnd,
  formatInitReport,
  formatReport,
  formatRestoreReport,
  formatStart,
} from '../logformat.js';

export interface InvocationLogParts {
  format: LogFormat;
  requestId: string;
  version: string;
  /** START's time; every other line is stamped `endedAt`. */
  startedAt: Date;
  endedAt: Date;
  /** Output before START: what a first init wrote, or the INIT_REPORT of an init that timed out. */
  beforeStart: string;
  /** A SnapStart cold start's Restore Duration: a RESTORE_REPORT before START. */
  restoreDurationMs?: number;
  /** Output after START: a retried init's, then the handler's. */
  output: string;
  /** The platform's lines before END: Invoke Error, a timeout notice, a dead runtime's lines, an INIT_REPORT. */
  platformLines: string[];
  /** END (JSON: platform.runtimeDone). */
  end: Parameters<typeof formatEnd>[3];
  /** REPORT (JSON: platform.report); its requestId is the invocation's. */
  report: Omit<ReportFields, 'requestId'>;
}

export function composeInvocationLog(parts: InvocationLogParts): string {
  const { format, requestId, endedAt } = parts;
  return (
    parts.beforeStart +
    (parts.restoreDurationMs === undefined ? '' : formatRestoreReport(format, endedAt, parts.restoreDurationMs)) +
    formatStart(format, parts.startedAt, requestId, parts.version) +
    parts.output +
    parts.platformLines.join('') +
    formatEnd(format, endedAt, requestId, parts.end) +
    formatReport(format, endedAt, { requestId, ...parts.report })
  );
}

/**
 * An init phase that outlasted its limit: what it wrote, then its INIT_REPORT (`Phase: init\tStatus: timeout`). This
 * stands before the START of the invocation that retries the init.
 */
export function timedOutInitLog(format: LogFormat, time: Date, initOutput: string, initDurationMs: number): string {
  return initOutput + formatInitReport(format, time, { durationMs: initDurationMs, phase: 'init', status: 'timeout' });
}
