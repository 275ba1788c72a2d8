// monthly-invocations auto: the production function's real traffic, from CloudWatch. Lambda's `Invocations` metric
// (namespace AWS/Lambda, dimension FunctionName: "all versions and aliases of a function") counts every invocation
// that ran the function's code, errors included, but not throttled requests: "The value of Invocations equals the
// number of requests billed" (Lambda docs, monitoring-metrics-types). Summed over the last 30 days it is a month's
// requests as the bill counts them. A month is taken as 30 days, unscaled: the figure is what the function served.
//
// The pure parts (the request, the sum) are separate from the one call (readMonthlyInvocations), so the figures are
// tested by hand and the call through the real SDK against the emulator.

import {
  GetMetricDataCommand,
  type CloudWatchClient,
  type GetMetricDataCommandInput,
} from '@aws-sdk/client-cloudwatch';

export const USAGE_WINDOW_DAYS = 30;
const DAY_SECONDS = 86_400;
const HOUR_MS = 3_600_000;
/** GetMetricData returns at most this many pages here: 30 daily datapoints fit in one; a loop needs a bound. */
const MAX_PAGES = 10;

/**
 * The GetMetricData request for `functionName`'s daily Invocations over the 30 days before `now`. The window ends at
 * the next whole hour: CloudWatch asks for StartTime and EndTime aligned with the period and "the beginning and end
 * of an hour" for better performance (GetMetricData API reference). The period is one day, a multiple of 3600 s, which
 * CloudWatch requires for data older than 15 days at 1-minute resolution (60 s) and older than 63 days (300 s) —
 * a day satisfies every rule.
 */
export function invocationsRequest(functionName: string, now: Date): GetMetricDataCommandInput {
  // Up to the next whole hour, so the invocations of the last minutes count (CloudWatch takes an EndTime ahead).
  const endMs = Math.ceil(now.getTime() / HOUR_MS) * HOUR_MS;
  return {
    StartTime: new Date(endMs - USAGE_WINDOW_DAYS * DAY_SECONDS * 1000),
    EndTime: new Date(endMs),
    ScanBy: 'TimestampAscending',
    MetricDataQueries: [
      {
        Id: 'invocations',
        ReturnData: true,
        MetricStat: {
          Metric: {
            Namespace: 'AWS/Lambda',
            MetricName: 'Invocations',
            Dimensions: [{ Name: 'FunctionName', Value: functionName }],
          },
          Period: DAY_SECONDS,
          Stat: 'Sum',
        },
      },
    ],
  };
}

export interface InvocationsRead {
  /** The sum over the window: the month's invocations. */
  monthlyInvocations: number;
  /** Days with a datapoint (CloudWatch sends none for a day without invocations). */
  daysWithData: number;
}

/** The sum of the daily sums; undefined when CloudWatch has no datapoint at all (no traffic, or no such function). */
export function sumInvocations(values: readonly number[]): InvocationsRead | undefined {
  const finite = values.filter((value) => Number.isFinite(value) && value >= 0);
  if (finite.length === 0) return undefined;
  return { monthlyInvocations: Math.round(finite.reduce((sum, value) => sum + value, 0)), daysWithData: finite.length };
}

/** Thrown when CloudWatch answers without the data (a Forbidden or failed status): the caller falls back. */
export class UsageDataError extends Error {
  override name = 'UsageDataError';
}

/** The 30 days of Invocations of `functionName`, through GetMetricData (following NextToken). */
export async function readMonthlyInvocations(
  client: CloudWatchClient,
  functionName: string,
  now: Date,
  signal?: AbortSignal,
): Promise<InvocationsRead | undefined> {
  const request = invocationsRequest(functionName, now);
  const values: number[] = [];
  let nextToken: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer = await client.send(
      new GetMetricDataCommand({ ...request, ...(nextToken ? { NextToken: nextToken } : {}) }),
      signal ? { abortSignal: signal } : {},
    );
    for (const result of answer.MetricDataResults ?? []) {
      // Forbidden: the metric belongs to an account the caller may not read; InternalError: CloudWatch's own.
      if (result.StatusCode === 'Forbidden' || result.StatusCode === 'InternalError')
        throw new UsageDataError(`CloudWatch answered ${result.StatusCode} for the Invocations metric`);
      values.push(...(result.Values ?? []));
    }
    nextToken = answer.NextToken;
    if (!nextToken) break;
  }
  return sumInvocations(values);
}
