// Real traffic, measured (issue 16): `monthly-invocations: auto` and `cold-start-rate: auto` read the production
// function's traffic (usage-function, default the live baseline-function) before tuning. Both say what they read,
// and neither ever fails the run: without the permission or the data the setting keeps its documented default and
// the run says why in a warning. The reads are optional extras on top of the Lambda permissions, so a missing one
// is the common case, not an error (docs/SECURITY.md lists them as optional).
//
// The app flow calls resolveUsage once per function before tuning and applyUsage to put the figures into its
// settings; everything else in a run reads the numbers as if they had been typed in.

import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { messageOf } from '../lib/errors.js';
import { oneLine } from '../lib/format.js';
import { realSleep, systemClock, type Clock, type EngineLogger, type Sleep } from '../lib/ports.js';
import { errorName } from '../lib/retry.js';
import { inertText } from '../lib/untrusted.js';
import type { Settings } from '../types.js';
import { DEFAULT_COLD_START_WINDOW_DAYS, resolveColdStartRate } from './cold-starts.js';
import { readMonthlyInvocations, USAGE_WINDOW_DAYS } from './invocations.js';

export interface UsageClients {
  cloudWatch: CloudWatchClient;
  logs: CloudWatchLogsClient;
}

export interface UsageDeps {
  logger: EngineLogger;
  /** The clients for the production function's region; default createUsageClients (tuning's endpoint, if any). */
  clientsFor?: (region: string) => UsageClients | Promise<UsageClients>;
  clock?: Clock;
  sleep?: Sleep;
  signal?: AbortSignal;
  env?: Record<string, string | undefined>;
  /** cold-start-rate auto: how many days of logs, default 7. */
  coldStartWindowDays?: number;
  /** cold-start-rate auto: the longest wait for Logs Insights, default 60 s. */
  queryTimeoutMs?: number;
  /**
   * The production function's log group when it is not Lambda's default `/aws/lambda/<name>` (LoggingConfig.LogGroup,
   * e.g. from GetFunctionConfiguration); undefined keeps the default.
   */
  logGroupOf?: (functionName: string) => Promise<string | undefined>;
}

export interface ResolvedUsage {
  /** Set when monthly-invocations is auto and CloudWatch had the figure; absent: keep the setting's default. */
  monthlyInvocations?: number;
  /** Set when cold-start-rate is auto and Logs Insights had the figure (0 to 1); absent: use the default rate. */
  coldStartRate?: number;
  /** What was read, one sentence each (already logged as info). */
  notes: string[];
  /** Why a default stands, one sentence each (already logged as warnings). */
  warnings: string[];
}

/** The production function of `settings`, or undefined: usage-function, else the live baseline-function. */
export function usageFunctionOf(settings: Settings): string | undefined {
  return settings.tuning.usageFunction ?? settings.gate.baselineFunction;
}

/** True when cold-start-rate is `auto` (the field comes from the init-cost work; absent means no). */
function coldStartRateIsAuto(settings: Settings): boolean {
  return (settings.tuning as { coldStartRate?: unknown }).coldStartRate === 'auto';
}

/** The bare name CloudWatch's FunctionName dimension holds, and the region an ARN names. */
export function nameAndRegion(functionName: string): { name: string; region?: string } {
  const parts = functionName.split(':');
  if (parts[0] === 'arn') return { name: parts[6] ?? functionName, ...(parts[3] ? { region: parts[3] } : {}) };
  if (parts[1] === 'function') return { name: parts[2] ?? functionName };
  return { name: functionName };
}

/** Permission problems, as CloudWatch (awsQuery-compatible codes) and CloudWatch Logs name them. */
const PERMISSION_ERRORS = new Set(['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation']);

function whyNot(error: unknown, permission: string): string {
  const name = errorName(error);
  if (PERMISSION_ERRORS.has(name)) return `no permission (${permission} was refused)`;
  const what = inertText(oneLine(messageOf(error)), 260);
  if (name === 'ResourceNotFoundException') return `no data (${what})`;
  return `the read failed (${what})`;
}

/**
 * Resolves the auto settings of one function. Never throws for what AWS answers (a cancelled run's abort excepted):
 * each figure it cannot read is left out of the result with a warning, and the caller keeps the default.
 */
export async function resolveUsage(settings: Settings, deps: UsageDeps): Promise<ResolvedUsage> {
  const wantInvocations = settings.tuning.monthlyInvocationsAuto === true;
  const wantColdStarts = coldStartRateIsAuto(settings);
  const out: ResolvedUsage = { notes: [], warnings: [] };
  if (!wantInvocations && !wantColdStarts) return out;
  const note = (text: string) => {
    out.notes.push(text);
    deps.logger.info(text);
  };
  const warn = (text: string) => {
    out.warnings.push(text);
    deps.logger.warning(text);
  };

  const production = usageFunctionOf(settings);
  if (production === undefined) {
    for (const [wanted, input, fallback] of [
      [wantInvocations, 'monthly-invocations', `${(settings.tuning.monthlyInvocations ?? 0).toLocaleString('en-US')}`],
      [wantColdStarts, 'cold-start-rate', 'the default rate'],
    ] as const) {
      if (wanted)
        warn(
          `${input}: auto needs a production function to read (usage-function, or baseline-function); using ${fallback}. Set usage-function, e.g. orders-prod`,
        );
    }
    return out;
  }
  const { name, region: arnRegion } = nameAndRegion(production);
  const shownName = inertText(name, 140);
  const region = arnRegion ?? settings.tuning.region;
  const now = (deps.clock ?? systemClock).now();
  let clients: UsageClients;
  try {
    clients = await (deps.clientsFor ?? ((r: string) => createUsageClients(settings, r, deps.env ?? {})))(region);
  } catch (error) {
    warn(
      `monthly-invocations/cold-start-rate: auto could not start (${inertText(oneLine(messageOf(error)), 200)}); using the defaults`,
    );
    return out;
  }

  if (wantInvocations) {
    const fallback = (settings.tuning.monthlyInvocations ?? 0).toLocaleString('en-US');
    try {
      const read = await readMonthlyInvocations(clients.cloudWatch, name, now, deps.signal);
      if (read) {
        out.monthlyInvocations = read.monthlyInvocations;
        const sparse = read.daysWithData < USAGE_WINDOW_DAYS ? ` (invocations on ${read.daysWithData} of them)` : '';
        note(
          `monthly-invocations: ${read.monthlyInvocations.toLocaleString('en-US')} from ${USAGE_WINDOW_DAYS} days of Invocations of ${shownName}${sparse}`,
        );
      } else {
        warn(
          `monthly-invocations: CloudWatch has no Invocations of ${shownName} in the last ${USAGE_WINDOW_DAYS} days (a new or idle function, or another name or region?); using ${fallback}`,
        );
      }
    } catch (error) {
      if (deps.signal?.aborted) throw error;
      warn(
        `monthly-invocations: could not read ${shownName}'s Invocations: ${whyNot(error, 'cloudwatch:GetMetricData')}; using ${fallback}`,
      );
    }
  }

  if (wantColdStarts) {
    const windowDays = deps.coldStartWindowDays ?? DEFAULT_COLD_START_WINDOW_DAYS;
    try {
      const logGroupName = await deps.logGroupOf?.(production);
      const rate = await resolveColdStartRate(name, windowDays, {
        ...(logGroupName ? { logGroupName } : {}),
        logs: clients.logs,
        now,
        sleep: deps.sleep ?? realSleep,
        ...(deps.signal ? { signal: deps.signal } : {}),
        ...(deps.queryTimeoutMs !== undefined ? { timeoutMs: deps.queryTimeoutMs } : {}),
      });
      if (rate) {
        out.coldStartRate = rate.rate;
        note(`cold-start-rate: ${(rate.rate * 100).toFixed(2)}% from ${inertText(rate.read, 300)}`);
      } else {
        warn(
          `cold-start-rate: no REPORT line of ${shownName} in the last ${windowDays} days of its log group; using the default rate`,
        );
      }
    } catch (error) {
      if (deps.signal?.aborted) throw error;
      warn(
        `cold-start-rate: could not query ${shownName}'s logs: ${whyNot(error, 'logs:StartQuery / logs:GetQueryResults')}; using the default rate`,
      );
    }
  }
  return out;
}

/**
 * The settings with the resolved figures in place of the defaults: monthlyInvocations when one was read, and
 * coldStartRate when it is auto (the resolved rate, else `defaultColdStartRate`).
 */
export function applyUsage(settings: Settings, usage: ResolvedUsage, defaultColdStartRate?: number): Settings {
  const tuning: Settings['tuning'] & { coldStartRate?: unknown } = { ...settings.tuning };
  if (usage.monthlyInvocations !== undefined) tuning.monthlyInvocations = usage.monthlyInvocations;
  if (tuning.coldStartRate === 'auto') {
    const rate = usage.coldStartRate ?? defaultColdStartRate;
    if (rate !== undefined) tuning.coldStartRate = rate;
  }
  return { ...settings, tuning };
}

/** CloudWatch and CloudWatch Logs clients for `region`, at tuning's endpoint when it has one (the emulator). */
export async function createUsageClients(
  settings: Settings,
  region: string,
  env: Record<string, string | undefined>,
): Promise<UsageClients> {
  // Loaded only by a run that asks for auto: most runs never need these SDKs.
  const [{ CloudWatchClient }, { CloudWatchLogsClient }, { placeholderCredentials }] = await Promise.all([
    import('@aws-sdk/client-cloudwatch'),
    import('@aws-sdk/client-cloudwatch-logs'),
    import('../tuning/client.js'),
  ]);
  const endpoint = settings.tuning.endpoint;
  const dummy = placeholderCredentials(endpoint, env);
  const config = {
    region,
    ...(endpoint ? { endpoint } : {}),
    maxAttempts: 3,
    ...(dummy ? { credentials: dummy } : {}),
  };
  return { cloudWatch: new CloudWatchClient(config), logs: new CloudWatchLogsClient(config) };
}
