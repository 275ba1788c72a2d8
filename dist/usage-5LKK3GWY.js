import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  GetQueryResultsCommand,
  StartQueryCommand
} from "./chunk-NFOQSYB2.js";
import {
  GetMetricDataCommand
} from "./chunk-JRUJ24UI.js";
import {
  messageOf
} from "./chunk-ZS2HFFQI.js";
import {
  oneLine
} from "./chunk-F67DHOCG.js";
import {
  inertText
} from "./chunk-TM45P2KR.js";
import {
  realSleep,
  systemClock
} from "./chunk-FTQIWBND.js";
import "./chunk-JZLVYQGD.js";
import {
  errorName
} from "./chunk-CPWGUBW5.js";
import "./chunk-6V3TR7RY.js";
import "./chunk-XRQJGBVU.js";
import "./chunk-6OKLDQKZ.js";
import "./chunk-CZKNJPBW.js";
import "./chunk-W2SSH364.js";
import "./chunk-JF2LMDTB.js";
import "./chunk-EMDC3MXH.js";
import "./chunk-YEL3YNNT.js";
import "./chunk-JK6TZCBJ.js";
import "./chunk-ZEAXL7OW.js";
import "./chunk-WGY342LC.js";
import "./chunk-URRKCZFK.js";

// src/usage/cold-starts.ts
var COLD_START_QUERY = 'filter @type = "REPORT" or type = "platform.report" | stats count(*) as invocations, sum(strcontains(@message, "Init Duration")) + sum(strcontains(@message, "initDurationMs")) as initStarts, sum(strcontains(@message, "Restore Duration")) + sum(strcontains(@message, "restoreDurationMs")) as restores';
var DEFAULT_COLD_START_WINDOW_DAYS = 7;
var DEFAULT_QUERY_TIMEOUT_MS = 6e4;
var POLL_INTERVAL_MS = 1e3;
function defaultLogGroup(functionName) {
  return `/aws/lambda/${functionName}`;
}
function parseColdStartResults(results) {
  const [row] = results ?? [];
  if (!row) return void 0;
  const field = (name) => {
    const value = Number(row.find((item) => item.field === name)?.value ?? "0");
    return Number.isFinite(value) && value >= 0 ? value : 0;
  };
  const invocations = field("invocations");
  if (invocations === 0) return void 0;
  return { invocations, coldStarts: Math.min(invocations, field("initStarts") + field("restores")) };
}
var ColdStartQueryError = class extends Error {
  name = "ColdStartQueryError";
};
async function resolveColdStartRate(functionName, windowDays, deps) {
  const logGroupName = deps.logGroupName ?? defaultLogGroup(functionName);
  const endSeconds = Math.floor(deps.now.getTime() / 1e3);
  const options = deps.signal ? { abortSignal: deps.signal } : {};
  const started = await deps.logs.send(
    new StartQueryCommand({
      logGroupName,
      // Insights takes epoch seconds.
      startTime: endSeconds - Math.round(windowDays * 86400),
      endTime: endSeconds,
      queryString: COLD_START_QUERY
    }),
    options
  );
  const queryId = started.queryId;
  if (!queryId) throw new ColdStartQueryError("StartQuery returned no query id");
  const polls = Math.max(1, Math.ceil((deps.timeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS) / POLL_INTERVAL_MS));
  for (let poll = 0; poll < polls; poll++) {
    const answer = await deps.logs.send(new GetQueryResultsCommand({ queryId }), options);
    const status = answer.status ?? "Unknown";
    if (status === "Complete") {
      const counts = parseColdStartResults(answer.results);
      if (!counts) return void 0;
      const rate = counts.coldStarts / counts.invocations;
      const read = `${counts.coldStarts.toLocaleString("en-US")} cold start${counts.coldStarts === 1 ? "" : "s"} in ${counts.invocations.toLocaleString("en-US")} invocations over ${windowDays} days of ${logGroupName}`;
      return { rate, read, counts };
    }
    if (status === "Failed" || status === "Cancelled" || status === "Timeout")
      throw new ColdStartQueryError(`the Logs Insights query ended ${status}`);
    await deps.sleep(POLL_INTERVAL_MS, deps.signal);
  }
  throw new ColdStartQueryError(
    `the Logs Insights query was not complete after ${Math.round((deps.timeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS) / 1e3)} s`
  );
}

// src/usage/invocations.ts
var USAGE_WINDOW_DAYS = 30;
var DAY_SECONDS = 86400;
var HOUR_MS = 36e5;
var MAX_PAGES = 10;
function invocationsRequest(functionName, now) {
  const endMs = Math.ceil(now.getTime() / HOUR_MS) * HOUR_MS;
  return {
    StartTime: new Date(endMs - USAGE_WINDOW_DAYS * DAY_SECONDS * 1e3),
    EndTime: new Date(endMs),
    ScanBy: "TimestampAscending",
    MetricDataQueries: [
      {
        Id: "invocations",
        ReturnData: true,
        MetricStat: {
          Metric: {
            Namespace: "AWS/Lambda",
            MetricName: "Invocations",
            Dimensions: [{ Name: "FunctionName", Value: functionName }]
          },
          Period: DAY_SECONDS,
          Stat: "Sum"
        }
      }
    ]
  };
}
function sumInvocations(values) {
  const finite = values.filter((value) => Number.isFinite(value) && value >= 0);
  if (finite.length === 0) return void 0;
  return { monthlyInvocations: Math.round(finite.reduce((sum, value) => sum + value, 0)), daysWithData: finite.length };
}
var UsageDataError = class extends Error {
  name = "UsageDataError";
};
async function readMonthlyInvocations(client, functionName, now, signal) {
  const request = invocationsRequest(functionName, now);
  const values = [];
  let nextToken;
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer = await client.send(
      new GetMetricDataCommand({ ...request, ...nextToken ? { NextToken: nextToken } : {} }),
      signal ? { abortSignal: signal } : {}
    );
    for (const result of answer.MetricDataResults ?? []) {
      if (result.StatusCode === "Forbidden" || result.StatusCode === "InternalError")
        throw new UsageDataError(`CloudWatch answered ${result.StatusCode} for the Invocations metric`);
      values.push(...result.Values ?? []);
    }
    nextToken = answer.NextToken;
    if (!nextToken) break;
  }
  return sumInvocations(values);
}

// src/usage/usage.ts
function usageFunctionOf(settings) {
  return settings.tuning.usageFunction ?? settings.gate.baselineFunction;
}
function coldStartRateIsAuto(settings) {
  return settings.tuning.coldStartRate === "auto";
}
function nameAndRegion(functionName) {
  const parts = functionName.split(":");
  if (parts[0] === "arn") return { name: parts[6] ?? functionName, ...parts[3] ? { region: parts[3] } : {} };
  if (parts[1] === "function") return { name: parts[2] ?? functionName };
  return { name: functionName };
}
var PERMISSION_ERRORS = /* @__PURE__ */ new Set(["AccessDenied", "AccessDeniedException", "UnauthorizedOperation"]);
function whyNot(error, permission) {
  const name = errorName(error);
  if (PERMISSION_ERRORS.has(name)) return `no permission (${permission} was refused)`;
  const what = inertText(oneLine(messageOf(error)), 260);
  if (name === "ResourceNotFoundException") return `no data (${what})`;
  return `the read failed (${what})`;
}
async function resolveUsage(settings, deps) {
  const wantInvocations = settings.tuning.monthlyInvocationsAuto === true;
  const wantColdStarts = coldStartRateIsAuto(settings);
  const out = { notes: [], warnings: [] };
  if (!wantInvocations && !wantColdStarts) return out;
  const note = (text) => {
    out.notes.push(text);
    deps.logger.info(text);
  };
  const warn = (text) => {
    out.warnings.push(text);
    deps.logger.warning(text);
  };
  const production = usageFunctionOf(settings);
  if (production === void 0) {
    for (const [wanted, input, fallback] of [
      [wantInvocations, "monthly-invocations", `${(settings.tuning.monthlyInvocations ?? 0).toLocaleString("en-US")}`],
      [wantColdStarts, "cold-start-rate", "the default rate"]
    ]) {
      if (wanted)
        warn(
          `${input}: auto needs a production function to read (usage-function, or baseline-function); using ${fallback}. Set usage-function, e.g. orders-prod`
        );
    }
    return out;
  }
  const { name, region: arnRegion } = nameAndRegion(production);
  const shownName = inertText(name, 140);
  const region = arnRegion ?? settings.tuning.region;
  const now = (deps.clock ?? systemClock).now();
  let clients;
  try {
    clients = await (deps.clientsFor ?? ((r) => createUsageClients(settings, r, deps.env ?? {})))(region);
  } catch (error) {
    warn(
      `monthly-invocations/cold-start-rate: auto could not start (${inertText(oneLine(messageOf(error)), 200)}); using the defaults`
    );
    return out;
  }
  if (wantInvocations) {
    const fallback = (settings.tuning.monthlyInvocations ?? 0).toLocaleString("en-US");
    try {
      const read = await readMonthlyInvocations(clients.cloudWatch, name, now, deps.signal);
      if (read) {
        out.monthlyInvocations = read.monthlyInvocations;
        const sparse = read.daysWithData < USAGE_WINDOW_DAYS ? ` (invocations on ${read.daysWithData} of them)` : "";
        note(
          `monthly-invocations: ${read.monthlyInvocations.toLocaleString("en-US")} from ${USAGE_WINDOW_DAYS} days of Invocations of ${shownName}${sparse}`
        );
      } else {
        warn(
          `monthly-invocations: CloudWatch has no Invocations of ${shownName} in the last ${USAGE_WINDOW_DAYS} days (a new or idle function, or another name or region?); using ${fallback}`
        );
      }
    } catch (error) {
      if (deps.signal?.aborted) throw error;
      warn(
        `monthly-invocations: could not read ${shownName}'s Invocations: ${whyNot(error, "cloudwatch:GetMetricData")}; using ${fallback}`
      );
    }
  }
  if (wantColdStarts) {
    const windowDays = deps.coldStartWindowDays ?? DEFAULT_COLD_START_WINDOW_DAYS;
    try {
      const logGroupName = await deps.logGroupOf?.(production);
      const rate = await resolveColdStartRate(name, windowDays, {
        ...logGroupName ? { logGroupName } : {},
        logs: clients.logs,
        now,
        sleep: deps.sleep ?? realSleep,
        ...deps.signal ? { signal: deps.signal } : {},
        ...deps.queryTimeoutMs !== void 0 ? { timeoutMs: deps.queryTimeoutMs } : {}
      });
      if (rate) {
        out.coldStartRate = rate.rate;
        note(`cold-start-rate: ${(rate.rate * 100).toFixed(2)}% from ${inertText(rate.read, 300)}`);
      } else {
        warn(
          `cold-start-rate: no REPORT line of ${shownName} in the last ${windowDays} days of its log group; using the default rate`
        );
      }
    } catch (error) {
      if (deps.signal?.aborted) throw error;
      warn(
        `cold-start-rate: could not query ${shownName}'s logs: ${whyNot(error, "logs:StartQuery / logs:GetQueryResults")}; using the default rate`
      );
    }
  }
  return out;
}
function applyUsage(settings, usage, defaultColdStartRate) {
  const tuning = { ...settings.tuning };
  if (usage.monthlyInvocations !== void 0) tuning.monthlyInvocations = usage.monthlyInvocations;
  if (tuning.coldStartRate === "auto") {
    const rate = usage.coldStartRate ?? defaultColdStartRate;
    if (rate !== void 0) tuning.coldStartRate = rate;
  }
  return { ...settings, tuning };
}
async function createUsageClients(settings, region, env) {
  const [{ CloudWatchClient }, { CloudWatchLogsClient }, { placeholderCredentials }] = await Promise.all([
    import("./dist-es-HPIVCDEM.js"),
    import("./dist-es-XFD3JQ2M.js"),
    import("./client-J65XOMEP.js")
  ]);
  const endpoint = settings.tuning.endpoint;
  const dummy = placeholderCredentials(endpoint, env);
  const config = {
    region,
    ...endpoint ? { endpoint } : {},
    maxAttempts: 3,
    ...dummy ? { credentials: dummy } : {}
  };
  return { cloudWatch: new CloudWatchClient(config), logs: new CloudWatchLogsClient(config) };
}
export {
  applyUsage,
  createUsageClients,
  nameAndRegion,
  resolveUsage,
  usageFunctionOf
};
