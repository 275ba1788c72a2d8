// The traffic the emulator's functions served, as CloudWatch and CloudWatch Logs would show it, so the action's
// `monthly-invocations: auto` and `cold-start-rate: auto` (src/usage/) read it through the real
// @aws-sdk/client-cloudwatch and @aws-sdk/client-cloudwatch-logs at the emulator's endpoint.
//
// - Every served invocation is recorded: when, which function, its log group (LoggingConfig.LogGroup at the time),
//   and the REPORT line that reached CloudWatch Logs (after the system log level's filter).
// - GetMetricData answers AWS/Lambda `Invocations` by FunctionName (every version and alias of the function, as the
//   dimension means on Lambda: monitoring-metrics-types) with Sum or SampleCount: one datapoint per period that has
//   invocations (CloudWatch sends none for an empty period), timestamps at the period's start counted from StartTime,
//   ordered by ScanBy (default TimestampDescending). Other metrics and metric math are not served (501, recorded).
// - Logs Insights: StartQuery on a log group that exists (Lambda creates it with the first log it sends; "The
//   specified log group does not exist." otherwise) over [startTime, endTime] in epoch seconds, both inclusive. The
//   query language is served for the shape the action sends and the AWS Lambda Operator Guide's cold-start queries
//   use: `filter` on `@type = "REPORT"` / `type = "platform.report"` joined by `or`, then `stats` of `count(*)` and
//   sums of `sum(strcontains(@message, "…"))` joined by `+`, each `as <name>`. Anything else is not served (501,
//   recorded), never answered wrongly. GetQueryResults reports Running on its first call for a query and Complete
//   from the second, so a client that does not poll fails here as it would on CloudWatch, where queries take seconds.
//   A stats query that matches nothing answers no row (suspected from the console; not confirmed in a doc).

import { randomUUID } from 'node:crypto';

export interface ServedInvocation {
  atMs: number;
  /** The bare function name (the FunctionName dimension). */
  functionName: string;
  logGroup: string;
  /** The REPORT line as it reached the log group (text or JSON), or undefined when the log level dropped it. */
  reportLine?: string;
}

/** The REPORT line of an invocation's log: text `REPORT RequestId: …` or a JSON `platform.report` record. */
export function reportLineOf(log: string): string | undefined {
  for (const line of log.split('\n').reverse()) {
    if (line.startsWith('REPORT RequestId:')) return line;
    if (line.startsWith('{') && line.includes('"platform.report"')) {
      try {
        if ((JSON.parse(line) as { type?: unknown }).type === 'platform.report') return line;
      } catch {
        // not JSON: a function's own output
      }
    }
  }
  return undefined;
}

export class UsageError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

interface Query {
  logGroups: string[];
  startMs: number;
  endMs: number;
  plan: InsightsPlan;
  polls: number;
}

export class TrafficStore {
  private readonly served: ServedInvocation[] = [];
  private readonly queries = new Map<string, Query>();

  record(invocation: ServedInvocation): void {
    this.served.push(invocation);
  }

  invocationsOf(functionName: string): readonly ServedInvocation[] {
    return this.served.filter((item) => item.functionName === functionName);
  }

  // ---- CloudWatch GetMetricData ----

  getMetricData(input: Record<string, unknown>): Record<string, unknown> {
    const startMs = toMs(input['StartTime']);
    const endMs = toMs(input['EndTime']);
    const descending = (input['ScanBy'] ?? 'TimestampDescending') === 'TimestampDescending';
    const results = (input['MetricDataQueries'] as Array<Record<string, unknown>>).map((query) => {
      const stat = query['MetricStat'] as Record<string, unknown> | undefined;
      const metric = stat?.['Metric'] as Record<string, unknown> | undefined;
      const dimensions = (metric?.['Dimensions'] ?? []) as Array<{ Name: string; Value: string }>;
      const [dimension] = dimensions;
      if (
        !stat ||
        metric?.['Namespace'] !== 'AWS/Lambda' ||
        metric['MetricName'] !== 'Invocations' ||
        dimensions.length !== 1 ||
        dimension?.Name !== 'FunctionName' ||
        !['Sum', 'SampleCount'].includes(String(stat['Stat']))
      ) {
        throw new UsageError(
          501,
          'NotImplemented',
          'The emulator serves GetMetricData for AWS/Lambda Invocations by FunctionName (Sum or SampleCount) only.',
        );
      }
      const periodMs = Number(stat['Period']) * 1000;
      const counts = new Map<number, number>();
      for (const item of this.invocationsOf(dimension.Value)) {
        if (item.atMs < startMs || item.atMs >= endMs) continue;
        const bucket = startMs + Math.floor((item.atMs - startMs) / periodMs) * periodMs;
        counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
      }
      const buckets = [...counts.keys()].sort((a, b) => (descending ? b - a : a - b));
      return {
        Id: query['Id'],
        Label: 'Invocations',
        // awsJson1_0 carries timestamps as epoch seconds.
        Timestamps: buckets.map((ms) => ms / 1000),
        Values: buckets.map((ms) => counts.get(ms) ?? 0),
        StatusCode: 'Complete',
      };
    });
    return { MetricDataResults: results, Messages: [] };
  }

  // ---- CloudWatch Logs Insights ----

  startQuery(input: Record<string, unknown>): Record<string, unknown> {
    const single = input['logGroupName'];
    const several = input['logGroupNames'];
    const groups = typeof single === 'string' ? [single] : Array.isArray(several) ? (several as string[]) : [];
    if (groups.length === 0 || (single !== undefined && several !== undefined)) {
      throw new UsageError(
        400,
        'InvalidParameterException',
        'Exactly one of logGroupName or logGroupNames is required.',
      );
    }
    for (const group of groups) {
      if (!this.served.some((item) => item.logGroup === group))
        throw new UsageError(400, 'ResourceNotFoundException', 'The specified log group does not exist.');
    }
    const plan = planQuery(String(input['queryString'] ?? ''));
    if (!plan) {
      throw new UsageError(
        501,
        'NotImplemented',
        'The emulator runs Logs Insights queries of the form filter @type = "REPORT" [or type = "platform.report"] | stats count(*) as a, sum(strcontains(@message, "…")) [+ …] as b only.',
      );
    }
    const queryId = randomUUID();
    this.queries.set(queryId, {
      logGroups: groups,
      startMs: Number(input['startTime']) * 1000,
      endMs: Number(input['endTime']) * 1000,
      plan,
      polls: 0,
    });
    return { queryId };
  }

  getQueryResults(input: Record<string, unknown>): Record<string, unknown> {
    const query = this.queries.get(String(input['queryId']));
    if (!query) throw new UsageError(400, 'ResourceNotFoundException', 'Query does not exist.');
    query.polls++;
    if (query.polls === 1) return { status: 'Running', results: [], statistics: statistics(0, 0, 0) };
    const scanned = this.served.filter(
      (item) => query.logGroups.includes(item.logGroup) && item.atMs >= query.startMs && item.atMs <= query.endMs + 999,
    );
    const lines = scanned.map((item) => item.reportLine).filter((line): line is string => line !== undefined);
    const matched = lines.filter((line) => query.plan.filter(line));
    const bytes = lines.reduce((sum, line) => sum + Buffer.byteLength(line), 0);
    const results =
      matched.length === 0
        ? []
        : [query.plan.stats.map(({ name, value }) => ({ field: name, value: String(value(matched)) }))];
    return { status: 'Complete', results, statistics: statistics(matched.length, lines.length, bytes) };
  }
}

function statistics(matched: number, scanned: number, bytes: number) {
  return { recordsMatched: matched, recordsScanned: scanned, bytesScanned: bytes };
}

function toMs(value: unknown): number {
  return typeof value === 'number' ? value * 1000 : Date.parse(String(value));
}

interface InsightsPlan {
  filter: (line: string) => boolean;
  stats: Array<{ name: string; value: (lines: string[]) => number }>;
}

const isTextReport = (line: string) => line.startsWith('REPORT RequestId:');
const isJsonReport = (line: string) => {
  if (!line.startsWith('{')) return false;
  try {
    return (JSON.parse(line) as { type?: unknown }).type === 'platform.report';
  } catch {
    return false;
  }
};

/** The served subset of the Insights language (see the header), or undefined for anything else. */
export function planQuery(text: string): InsightsPlan | undefined {
  const [filterPart, statsPart, ...rest] = text.split('|').map((part) => part.trim());
  if (!filterPart || !statsPart || rest.length > 0) return undefined;
  const filterMatch = /^filter\s+(.+)$/.exec(filterPart);
  if (!filterMatch?.[1]) return undefined;
  const conditions: Array<(line: string) => boolean> = [];
  for (const condition of filterMatch[1].split(/\s+or\s+/)) {
    const c = condition.trim();
    if (/^@type\s*=\s*"REPORT"$/.test(c)) conditions.push(isTextReport);
    else if (/^type\s*=\s*"platform\.report"$/.test(c)) conditions.push(isJsonReport);
    else return undefined;
  }
  const statsMatch = /^stats\s+(.+)$/.exec(statsPart);
  if (!statsMatch?.[1]) return undefined;
  const stats: InsightsPlan['stats'] = [];
  for (const item of statsMatch[1].split(/,(?![^(]*\))/)) {
    const named = /^(.+?)\s+as\s+([A-Za-z_]\w*)$/.exec(item.trim());
    if (!named?.[1] || !named[2]) return undefined;
    const expression = named[1].trim();
    if (/^count\(\*\)$/.test(expression)) {
      stats.push({ name: named[2], value: (lines) => lines.length });
      continue;
    }
    const needles: string[] = [];
    for (const term of expression.split('+')) {
      const sum = /^sum\(strcontains\(@message,\s*"([^"]*)"\)\)$/.exec(term.trim());
      if (sum?.[1] === undefined) return undefined;
      needles.push(sum[1]);
    }
    stats.push({
      name: named[2],
      value: (lines) => needles.reduce((total, needle) => total + lines.filter((l) => l.includes(needle)).length, 0),
    });
  }
  return { filter: (line) => conditions.some((condition) => condition(line)), stats };
}
