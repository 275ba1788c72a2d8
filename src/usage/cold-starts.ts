// cold-start-rate auto: the share of the production function's invocations that were cold starts, from its REPORT
// lines with CloudWatch Logs Insights. A cold start is an invocation whose REPORT has an Init Duration (or, for
// SnapStart, a Restore Duration): the query is the one AWS's Lambda Operator Guide gives for "Percentage of cold
// starts in total invocations" (`filter @type = "REPORT" | stats sum(strcontains(@message, "Init Duration"))/count(*)`,
// serverlessland.com/content/service/lambda/guides/aws-lambda-operator-guide/useful-queries), widened to JSON log
// format, whose report is a `platform.report` record with `initDurationMs` / `restoreDurationMs` in its metrics
// (Lambda telemetry schema reference). The text and JSON markers never occur in the other format's report, so the
// sums add up without counting a line twice.
//
// Logs Insights is asynchronous: StartQuery returns a query id, GetQueryResults is polled until the status is
// Complete (or Failed, Cancelled, Timeout). The window is bounded (7 days by default: Insights bills by bytes scanned)
// and so is the wait.

import {
  GetQueryResultsCommand,
  StartQueryCommand,
  type CloudWatchLogsClient,
  type ResultField,
} from '@aws-sdk/client-cloudwatch-logs';
import type { Sleep } from '../lib/ports.js';

/** The query, constant: nothing the function or the user wrote is put into it (the log group is a separate field). */
export const COLD_START_QUERY =
  'filter @type = "REPORT" or type = "platform.report"' +
  ' | stats count(*) as invocations,' +
  ' sum(strcontains(@message, "Init Duration")) + sum(strcontains(@message, "initDurationMs")) as initStarts,' +
  ' sum(strcontains(@message, "Restore Duration")) + sum(strcontains(@message, "restoreDurationMs")) as restores';

export const DEFAULT_COLD_START_WINDOW_DAYS = 7;
export const DEFAULT_QUERY_TIMEOUT_MS = 60_000;
const POLL_INTERVAL_MS = 1_000;

/** Lambda's default log group; a function's LoggingConfig.LogGroup may name another. */
export function defaultLogGroup(functionName: string): string {
  return `/aws/lambda/${functionName}`;
}

export interface ColdStartCounts {
  invocations: number;
  coldStarts: number;
}

/** The stats row of COLD_START_QUERY; undefined when there is none (no REPORT line in the window). */
export function parseColdStartResults(
  results: readonly (readonly ResultField[])[] | undefined,
): ColdStartCounts | undefined {
  const [row] = results ?? [];
  if (!row) return undefined;
  const field = (name: string) => {
    const value = Number(row.find((item) => item.field === name)?.value ?? '0');
    return Number.isFinite(value) && value >= 0 ? value : 0;
  };
  const invocations = field('invocations');
  if (invocations === 0) return undefined;
  return { invocations, coldStarts: Math.min(invocations, field('initStarts') + field('restores')) };
}

export interface ColdStartRate {
  /** Cold starts per invocation, 0 to 1. */
  rate: number;
  /** What was read, for the log: "3 cold starts in 1,234 invocations over 7 days of /aws/lambda/orders-prod". */
  read: string;
  counts: ColdStartCounts;
}

export interface ColdStartDeps {
  logs: CloudWatchLogsClient;
  now: Date;
  sleep: Sleep;
  signal?: AbortSignal;
  /** Default DEFAULT_QUERY_TIMEOUT_MS; counted in polls of one second, so an injected sleep keeps tests instant. */
  timeoutMs?: number;
  /** Default the function's default log group. */
  logGroupName?: string;
}

/** Thrown when the query ends without a result (failed, cancelled, timed out, or not done in time). */
export class ColdStartQueryError extends Error {
  override name = 'ColdStartQueryError';
}

/**
 * The cold-start share of `functionName` over the last `windowDays` days; undefined when its log group has no REPORT
 * line in the window. Errors (AccessDenied, a missing log group, a query that fails) are the caller's to turn into a
 * fallback.
 */
export async function resolveColdStartRate(
  functionName: string,
  windowDays: number,
  deps: ColdStartDeps,
): Promise<ColdStartRate | undefined> {
  const logGroupName = deps.logGroupName ?? defaultLogGroup(functionName);
  const endSeconds = Math.floor(deps.now.getTime() / 1000);
  const options = deps.signal ? { abortSignal: deps.signal } : {};
  const started = await deps.logs.send(
    new StartQueryCommand({
      logGroupName,
      // Insights takes epoch seconds.
      startTime: endSeconds - Math.round(windowDays * 86_400),
      endTime: endSeconds,
      queryString: COLD_START_QUERY,
    }),
    options,
  );
  const queryId = started.queryId;
  if (!queryId) throw new ColdStartQueryError('StartQuery returned no query id');
  const polls = Math.max(1, Math.ceil((deps.timeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS) / POLL_INTERVAL_MS));
  for (let poll = 0; poll < polls; poll++) {
    const answer = await deps.logs.send(new GetQueryResultsCommand({ queryId }), options);
    const status = answer.status ?? 'Unknown';
    if (status === 'Complete') {
      const counts = parseColdStartResults(answer.results);
      if (!counts) return undefined;
      const rate = counts.coldStarts / counts.invocations;
      const read = `${counts.coldStarts.toLocaleString('en-US')} cold start${counts.coldStarts === 1 ? '' : 's'} in ${counts.invocations.toLocaleString('en-US')} invocations over ${windowDays} days of ${logGroupName}`;
      return { rate, read, counts };
    }
    if (status === 'Failed' || status === 'Cancelled' || status === 'Timeout')
      throw new ColdStartQueryError(`the Logs Insights query ended ${status}`);
    await deps.sleep(POLL_INTERVAL_MS, deps.signal);
  }
  throw new ColdStartQueryError(
    `the Logs Insights query was not complete after ${Math.round((deps.timeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS) / 1000)} s`,
  );
}
