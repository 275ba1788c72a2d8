// The log lines Lambda writes for an invocation, byte for byte, in both LoggingConfig.LogFormat values.
// Pure functions: data in, string out (each string ends with its newline).
//
// Text format, as CloudWatch and LogResult show it (AWS docs, nodejs-logging / monitoring-cloudwatchlogs):
//   START RequestId: <id> Version: $LATEST
//   2024-01-01T00:00:00.000Z\t<id>\tINFO\thello
//   END RequestId: <id>
//   REPORT RequestId: <id>\tDuration: 12.34 ms\tBilled Duration: 13 ms\tMemory Size: 128 MB\tMax Memory Used: 70 MB\tInit Duration: 150.12 ms\t
// A SnapStart version's cold start reports `Restore Duration: … ms\tBilled Restore Duration: … ms` after Max Memory
// Used instead of Init Duration, and its Billed Duration includes the Billed Restore Duration (a real REPORT:
// Duration 306.34 ms, Billed Restore Duration 303 ms, Billed Duration 610 ms).
// A successful REPORT ends with a tab; a timed-out or crashed one ends with `Status: timeout` or
// `Status: error\tError Type: Runtime.OutOfMemory` and no trailing tab.
// JSON format: platform events `{"time","type","record"}` (platform.start, platform.runtimeDone,
// platform.report with record.metrics durationMs/billedDurationMs/memorySizeMB/maxMemoryUsedMB/initDurationMs,
// names as in the Telemetry API schema) and application lines `{"timestamp","level","requestId","message"}`.

export type LogFormat = 'Text' | 'JSON';
export type LogLevel = 'TRACE' | 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'FATAL';
/** What happened to the invocation, as the platform sees it (a handler that threw is still 'success' here). */
export type PlatformStatus = 'success' | 'error' | 'timeout';

/** Lambda's error object: the invocation response body of a failed invocation. */
export interface LambdaError {
  errorType: string;
  errorMessage: string;
  trace?: string[];
}

export interface ReportFields {
  requestId: string;
  durationMs: number;
  billedDurationMs: number;
  memorySizeMb: number;
  maxMemoryUsedMb: number;
  /** Cold starts only (on-demand). */
  initDurationMs?: number;
  /** Cold starts of a SnapStart version, instead of Init Duration. */
  restoreDurationMs?: number;
  billedRestoreDurationMs?: number;
  status: PlatformStatus;
  /** With status 'error': Runtime.OutOfMemory, Runtime.ExitError… */
  errorType?: string;
}

/** Durations are reported with two decimals; everything downstream uses the rounded value. */
export const roundTo2 = (ms: number): number => Math.round(ms * 100) / 100;

/**
 * Billed Duration: the duration rounded up to the millisecond, plus the Init Duration on a cold start (Lambda bills
 * the init phase of on-demand zip functions). Computed in hundredths so 1.10 + 1.90 bills 3, not 4.
 */
export function billedDurationMs(durationMs: number, initDurationMs?: number): number {
  const hundredths = Math.round(durationMs * 100) + Math.round((initDurationMs ?? 0) * 100);
  return Math.max(1, Math.ceil(hundredths / 100));
}

const ms2 = (ms: number): string => roundTo2(ms).toFixed(2);
const jsonLine = (value: unknown): string => `${JSON.stringify(value)}\n`;
const platformEvent = (time: Date, type: string, record: Record<string, unknown>): string =>
  jsonLine({ time: time.toISOString(), type, record });

export function formatStart(format: LogFormat, time: Date, requestId: string, version: string): string {
  return format === 'JSON'
    ? platformEvent(time, 'platform.start', { requestId, version })
    : `START RequestId: ${requestId} Version: ${version}\n`;
}

/** Text: the END line. JSON: platform.runtimeDone, which carries the outcome. */
export function formatEnd(
  format: LogFormat,
  time: Date,
  requestId: string,
  outcome: { status: PlatformStatus | 'failure'; errorType?: string; durationMs: number; producedBytes: number },
): string {
  if (format === 'Text') return `END RequestId: ${requestId}\n`;
  const record: Record<string, unknown> = { requestId, status: outcome.status };
  if (outcome.errorType !== undefined) record.errorType = outcome.errorType;
  record.metrics = { durationMs: roundTo2(outcome.durationMs), producedBytes: outcome.producedBytes };
  return platformEvent(time, 'platform.runtimeDone', record);
}

export function formatReport(format: LogFormat, time: Date, report: ReportFields): string {
  if (format === 'JSON') {
    const metrics: Record<string, number> = {
      durationMs: roundTo2(report.durationMs),
      billedDurationMs: report.billedDurationMs,
      memorySizeMB: report.memorySizeMb,
      maxMemoryUsedMB: report.maxMemoryUsedMb,
    };
    if (report.initDurationMs !== undefined) metrics.initDurationMs = roundTo2(report.initDurationMs);
    if (report.restoreDurationMs !== undefined) metrics.restoreDurationMs = roundTo2(report.restoreDurationMs);
    if (report.billedRestoreDurationMs !== undefined) metrics.billedRestoreDurationMs = report.billedRestoreDurationMs;
    const record: Record<string, unknown> = { requestId: report.requestId, metrics, status: report.status };
    if (report.status === 'error' && report.errorType !== undefined) record.errorType = report.errorType;
    return platformEvent(time, 'platform.report', record);
  }
  const fields = [
    `REPORT RequestId: ${report.requestId}`,
    `Duration: ${ms2(report.durationMs)} ms`,
    `Billed Duration: ${report.billedDurationMs} ms`,
    `Memory Size: ${report.memorySizeMb} MB`,
    `Max Memory Used: ${report.maxMemoryUsedMb} MB`,
  ];
  if (report.initDurationMs !== undefined) fields.push(`Init Duration: ${ms2(report.initDurationMs)} ms`);
  if (report.restoreDurationMs !== undefined) fields.push(`Restore Duration: ${ms2(report.restoreDurationMs)} ms`);
  if (report.billedRestoreDurationMs !== undefined)
    fields.push(`Billed Restore Duration: ${report.billedRestoreDurationMs} ms`);
  if (report.status === 'success') return `${fields.join('\t')}\t\n`;
  if (report.status === 'timeout') fields.push('Status: timeout');
  else fields.push('Status: error', `Error Type: ${report.errorType ?? 'Runtime.Unknown'}`);
  return `${fields.join('\t')}\n`;
}

/**
 * The platform's restore record before START on a SnapStart cold start. Text: `RESTORE_REPORT Restore Duration: … ms`
 * (as CloudWatch shows it for SnapStart functions); JSON: a `platform.restoreReport` event (Telemetry API schema).
 */
export function formatRestoreReport(format: LogFormat, time: Date, restoreDurationMs: number): string {
  return format === 'JSON'
    ? platformEvent(time, 'platform.restoreReport', {
        status: 'success',
        metrics: { durationMs: roundTo2(restoreDurationMs) },
      })
    : `RESTORE_REPORT Restore Duration: ${ms2(restoreDurationMs)} ms\n`;
}

/** One console.* call of the handler. requestId is undefined for output during init or between invocations. */
export function formatAppLog(
  format: LogFormat,
  line: { time: Date; requestId: string | undefined; level: LogLevel; message: string },
): string {
  if (format === 'JSON') {
    const entry: Record<string, unknown> = { timestamp: line.time.toISOString(), level: line.level };
    if (line.requestId !== undefined) entry.requestId = line.requestId;
    entry.message = line.message;
    return jsonLine(entry);
  }
  return `${line.time.toISOString()}\t${line.requestId ?? 'undefined'}\t${line.level}\t${line.message}\n`;
}

/**
 * The runtime's own ERROR line for an error it reports: 'Invoke Error' (handler threw or rejected),
 * 'Uncaught Exception', 'Unhandled Promise Rejection', 'Init Error'. Text: `…\tERROR\tInvoke Error \t{json}`.
 */
export function formatRuntimeError(
  format: LogFormat,
  time: Date,
  requestId: string | undefined,
  label: string,
  error: LambdaError,
): string {
  if (format === 'JSON') {
    const entry: Record<string, unknown> = { timestamp: time.toISOString(), level: 'ERROR' };
    if (requestId !== undefined) entry.requestId = requestId;
    Object.assign(entry, {
      message: label,
      errorType: error.errorType,
      errorMessage: error.errorMessage,
      stackTrace: error.trace ?? [],
    });
    return jsonLine(entry);
  }
  const body = JSON.stringify({
    errorType: error.errorType,
    errorMessage: error.errorMessage,
    stack: error.trace ?? [],
  });
  return `${time.toISOString()}\t${requestId ?? 'undefined'}\tERROR\t${label} \t${body}\n`;
}

export const timeoutMessage = (timeoutSec: number): string => `Task timed out after ${timeoutSec.toFixed(2)} seconds`;

/** The platform's line when it stops a timed-out invocation (text only; JSON carries it in status 'timeout'). */
export function formatTimeoutNotice(format: LogFormat, time: Date, requestId: string, timeoutSec: number): string {
  return format === 'JSON' ? '' : `${time.toISOString()} ${requestId} ${timeoutMessage(timeoutSec)}\n`;
}

/** The platform's lines when the runtime process died: `RequestId: <id> Error: <why>` then the error type. */
export function formatRuntimeExit(format: LogFormat, requestId: string, reason: string, errorType: string): string {
  return format === 'JSON' ? '' : `RequestId: ${requestId} Error: ${reason}\n${errorType}\n`;
}

/**
 * The platform's INIT_REPORT, written when an init phase ends other than in success: `phase` 'init' for the init
 * phase itself, 'invoke' for an init Lambda retried inside an invocation (a suppressed init). Field names as in the
 * Telemetry API's platform.initReport (initializationType, phase, status, errorType, metrics.durationMs).
 * Text: `INIT_REPORT Init Duration: 10000.05 ms\tPhase: init\tStatus: timeout`.
 */
export function formatInitReport(
  format: LogFormat,
  time: Date,
  report: { durationMs: number; phase: 'init' | 'invoke'; status: PlatformStatus; errorType?: string },
): string {
  if (format === 'JSON') {
    const record: Record<string, unknown> = {
      initializationType: 'on-demand',
      phase: report.phase,
      status: report.status,
    };
    if (report.errorType !== undefined) record.errorType = report.errorType;
    record.metrics = { durationMs: roundTo2(report.durationMs) };
    return platformEvent(time, 'platform.initReport', record);
  }
  const fields = [
    `INIT_REPORT Init Duration: ${ms2(report.durationMs)} ms`,
    `Phase: ${report.phase}`,
    `Status: ${report.status}`,
  ];
  if (report.errorType !== undefined) fields.push(`Error Type: ${report.errorType}`);
  return `${fields.join('\t')}\n`;
}

const SYSTEM_LEVELS = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL'];

/**
 * Log-level filtering of system logs, as Lambda applies it with LogFormat JSON: "Lambda can filter your function's
 * logs so that only logs of a certain detail level or lower are sent" (AWS docs, monitoring-cloudwatchlogs-log-level),
 * and platform.start, platform.runtimeDone and platform.report are INFO events ("By default, Lambda sets the system
 * log level to INFO. With this setting, Lambda automatically sends 'start' and 'report' log messages"). At WARN,
 * ERROR or FATAL they are dropped, from CloudWatch and from the LogResult tail alike. Text logs are never filtered.
 */
export function filterSystemLog(log: string, format: LogFormat, systemLogLevel: string | undefined): string {
  if (format !== 'JSON' || systemLogLevel === undefined) return log;
  if (SYSTEM_LEVELS.indexOf(systemLogLevel) <= SYSTEM_LEVELS.indexOf('INFO')) return log;
  return log
    .split(/(?<=\n)/)
    .filter((line) => {
      try {
        const type = (JSON.parse(line) as { type?: unknown }).type;
        return !(
          typeof type === 'string' &&
          /^platform\.(start|runtimeDone|report|initStart|initRuntimeDone|initReport|restoreStart|restoreRuntimeDone|restoreReport)$/.test(
            type,
          )
        );
      } catch {
        return true;
      }
    })
    .join('');
}
