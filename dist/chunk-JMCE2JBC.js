import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  RESULTS_FILE_SCHEMA_VERSION,
  RESULTS_SCHEMA_VERSION
} from "./chunk-ISPMOH3G.js";
import {
  ZodISODate,
  ZodISODateTime,
  ZodISODuration,
  ZodISOTime,
  _enum,
  _isoDate,
  _isoDateTime,
  _isoDuration,
  _isoTime,
  array,
  boolean,
  int,
  literal,
  number,
  object,
  record,
  string
} from "./chunk-7WMIMWEW.js";
import {
  oneLine
} from "./chunk-F67DHOCG.js";
import {
  inertText
} from "./chunk-TM45P2KR.js";
import {
  __export
} from "./chunk-URRKCZFK.js";

// node_modules/zod/v4/classic/iso.js
var iso_exports = {};
__export(iso_exports, {
  ZodISODate: () => ZodISODate,
  ZodISODateTime: () => ZodISODateTime,
  ZodISODuration: () => ZodISODuration,
  ZodISOTime: () => ZodISOTime,
  date: () => date,
  datetime: () => datetime,
  duration: () => duration,
  time: () => time
});
function datetime(params) {
  return _isoDateTime(ZodISODateTime, params);
}
function date(params) {
  return _isoDate(ZodISODate, params);
}
function time(params) {
  return _isoTime(ZodISOTime, params);
}
function duration(params) {
  return _isoDuration(ZodISODuration, params);
}

// src/results/schema.ts
var nonNegative = number().nonnegative();
var count = int().nonnegative();
var memoryMb = int().positive();
var timestamp = iso_exports.datetime({ offset: true });
var strategySchema = _enum(["cost", "speed", "balanced", "percentile"]);
var architectureSchema = _enum(["x86_64", "arm64"]);
var logFormatSchema = _enum(["Text", "JSON"]);
var samplingModeSchema = _enum(["fixed", "adaptive"]);
var samplingStopReasonSchema = _enum([
  "settled",
  "tied",
  "max-invocations",
  "no-candidates",
  "one-candidate"
]);
var powerValueStatusSchema = _enum(["ok", "failed"]);
var weightedPayloadSchema = object({
  payload: string().describe("The exact bytes sent to Invoke (JSON text, or a raw string the user gave)."),
  weight: number().positive().describe("This payload's share of the invocations (an unweighted payload has weight 1).")
}).meta({ id: "WeightedPayload", description: "One payload and its share of the invocations." });
var percentileLimitSchema = object({
  percentile: number().gt(0).lt(100).describe("e.g. 95 for p95."),
  maxDurationMs: nonNegative
}).meta({
  id: "PercentileLimit",
  description: "The cheapest memory whose duration percentile stays within a limit (the percentile strategy)."
});
var recordedSettingsSchema = object({
  functionName: string().describe("Function name or unqualified ARN, as given."),
  qualifier: string().optional().describe("A qualifier given with the name (fn:alias); tuning always measures fresh versions of $LATEST."),
  region: string(),
  endpoint: string().optional().describe("A Lambda-compatible endpoint (the local emulator); absent means AWS."),
  powerValuesMb: array(memoryMb),
  invocationsPerValue: count.describe(
    "Planned invocations per memory size; with adaptive sampling, the cap per memory size."
  ),
  payloadCount: count.describe("How many payloads were sent (their text is kept only with log-payloads)."),
  payloads: array(weightedPayloadSchema).optional().describe("The payloads, only when log-payloads was on."),
  parallelInvocation: boolean(),
  concurrency: int().positive().describe("Upper bound on invocations in flight across all memory sizes."),
  sleepBetweenRunsMs: nonNegative,
  discardTopBottom: number().min(0).max(0.5).describe("Fraction dropped from each end before the trimmed mean."),
  allowedExceptions: array(string()),
  onlyColdStarts: boolean(),
  strategy: strategySchema,
  balancedWeight: number().min(0).max(1).describe("0 = speed only, 1 = cost only."),
  percentileLimit: percentileLimitSchema.optional(),
  autoOptimize: boolean(),
  autoOptimizeAlias: string().optional(),
  dryRun: boolean(),
  logPayloads: boolean().describe("Payloads and function output appear in results and reports only when true."),
  resultsPath: string(),
  timeoutMinutes: number().positive(),
  monthlyInvocations: nonNegative.optional().describe("Monthly invocations used for cost projections in reports."),
  monthlyInvocationsAuto: boolean().optional().describe(
    "monthly-invocations auto: monthlyInvocations was read from CloudWatch (the last 30 days of usageFunction's Invocations), or is the default when that read failed."
  ),
  usageFunction: string().optional().describe("usage-function: the production function whose traffic the auto settings read."),
  coldStartRate: number().min(0).max(1).optional().describe(
    "The share of invocations assumed to be cold starts (a fraction: 0.01 is 1%), for expected costs; absent in results from before it (read as 0.01)."
  ),
  sampling: samplingModeSchema.optional().describe("fixed (absent = fixed) or adaptive."),
  samplingConfidence: number().gt(0).lt(1).optional().describe("Adaptive sampling: the confidence of the intervals that decide a comparison."),
  maxMemoryUsedPct: number().gt(0).max(100).optional().describe(
    "max-memory-used-percent: memory sizes whose peak Max Memory Used was above this percent were not recommended (absent: off, or a run before the setting existed)."
  ),
  architectures: array(architectureSchema).optional().describe("architectures: the architectures asked for (absent: the function\u2019s own only)."),
  compareFunction: string().optional().describe("compare-function: the other architecture\u2019s deployment, tuned in the same run.")
}).meta({
  id: "RecordedSettings",
  description: "The tuning settings used: every tuning setting except payloads, plus payloadCount."
});
var sampleSchema = object({
  durationMs: nonNegative.describe(
    "Duration + Init Duration + Restore Duration: what a caller waits for (0 when the invocation had no REPORT)."
  ),
  billedDurationMs: nonNegative.describe(
    "Billed Duration, which already includes Billed Restore Duration on SnapStart."
  ),
  initDurationMs: nonNegative.optional().describe("Init Duration, on cold starts only."),
  restoreDurationMs: nonNegative.optional().describe("Restore Duration: a SnapStart version's cold start (instead of Init Duration)."),
  billedRestoreDurationMs: nonNegative.optional().describe("Billed Restore Duration: a SnapStart version's cold start."),
  maxMemoryUsedMb: nonNegative.optional(),
  errorType: string().optional().describe(
    "Set when the invocation failed: Lambda's FunctionError type (e.g. Runtime.OutOfMemory, Sandbox.Timedout) or the function's own error type."
  ),
  errorMessage: string().optional().describe("Lambda's own error message; a handler's message only with log-payloads."),
  payloadIndex: count.describe("Index into the payloads."),
  coldStart: boolean(),
  environment: count.optional().describe(
    "The environment block this sample came from: absent (or 0) for the planned invocations, k for the live gate\u2019s k-th extra version of this memory size (a fresh version means fresh execution environments). The gate\u2019s interval counts these blocks."
  )
}).meta({ id: "Sample", description: "One invocation." });
var durationStatsSchema = object({
  count,
  mean: number(),
  trimmedMean: number().describe("Mean after dropping floor(n \xD7 discardTopBottom) values at each end."),
  median: number(),
  p90: number(),
  p95: number(),
  p99: number(),
  min: number(),
  max: number(),
  stdDev: nonNegative.describe("Sample standard deviation (n \u2212 1); 0 when count is 1."),
  ci95Low: number().describe("95% Student-t confidence interval of the mean, low bound (the mean when count < 2)."),
  ci95High: number().describe("95% Student-t confidence interval of the mean, high bound.")
}).meta({ id: "DurationStats", description: "Statistics of a sample of durations, ms." });
var coldStartCostSchema = object({
  source: _enum(["measured", "estimated", "unknown"]).describe(
    "measured: from this memory size's own cold starts. estimated: it had none, so another memory size's extra billed duration is used (fromMemoryMb). unknown: nothing to measure it from."
  ),
  extraBilledMs: nonNegative.nullable().describe(
    "Mean Billed Duration of the successful cold starts minus the trimmed mean Billed Duration of the warm invocations (INIT or the billed SnapStart restore, plus a slower first run); null when unknown."
  ),
  extraCostUsd: nonNegative.nullable().describe("What a cold invocation costs more than a warm one at this memory size; null when unknown."),
  coldStarts: count.describe("The successful cold starts it was measured from (0 when estimated or unknown)."),
  fromMemoryMb: memoryMb.optional().describe("estimated: the memory size whose extra billed duration is used."),
  note: string().optional().describe("estimated or unknown: why, in one sentence.")
}).meta({ id: "ColdStartCost", description: "What a cold start adds to one invocation at this memory size." });
var coldStartBillingSchema = object({
  billed: _enum(["init", "restore", "none"]).describe(
    "What Lambda bills for a cold start: init (the INIT phase), restore (SnapStart's Billed Restore Duration) or none (zip on a managed runtime before 1 August 2025)."
  ),
  rule: string().describe("The rule that applied, in words.")
}).meta({
  id: "ColdStartBilling",
  description: "What a cold invocation bills, by the function's packaging and runtime."
});
var powerValueResultSchema = object({
  memoryMb,
  status: powerValueStatusSchema.describe("failed: left out of the recommendation (see failureReason)."),
  failureReason: string().optional().describe("Why this memory size was left out of the recommendation, in one sentence."),
  invocations: count,
  errors: count.describe("Failed invocations (allowed exception types are not counted)."),
  errorTypes: record(string(), count).describe("Error type \u2192 count, allowed ones included."),
  samples: array(sampleSchema).describe("Every invocation, in order."),
  duration: durationStatsSchema.nullable().describe(
    "Over the measured samples' durationMs (warm ones unless onlyColdStarts or none); null when nothing succeeded."
  ),
  coldStart: durationStatsSchema.nullable().describe("Over the Init Duration of the cold starts seen at this memory; null when none."),
  restore: durationStatsSchema.optional().describe("Over the Restore Duration of the SnapStart cold starts; absent when there were none."),
  costPerInvocationUsd: nonNegative.nullable().describe("Trimmed mean of the per-invocation cost (compute + request price)."),
  billedDurationMs: nonNegative.nullable().describe("Trimmed mean of the billed duration."),
  coldStartCost: coldStartCostSchema.optional().describe("Absent in results from before it and in dry runs."),
  expectedCostPerInvocationUsd: nonNegative.nullable().optional().describe(
    "costPerInvocationUsd + settings.coldStartRate \xD7 coldStartCost.extraCostUsd: the cost per invocation with cold starts; null when the extra is unknown. Monthly projections and the cost strategy use it."
  ),
  maxMemoryUsedMb: nonNegative.nullable().describe(
    "Peak Max Memory Used seen: the highest of every sample at this memory size, failed ones included (the memory headroom checks use it)."
  ),
  sampling: object({ rounds: count, open: boolean() }).optional().describe(
    "Adaptive sampling: the rounds this memory size took part in, and whether its comparison with the leader was still open when sampling stopped."
  )
}).meta({ id: "PowerValueResult", description: "One memory size: its samples and what they add up to." });
var pricesSchema = object({
  region: string(),
  architecture: architectureSchema,
  pricePerGbSecondUsd: nonNegative.describe("Compute price, first tier, on demand."),
  pricePerRequestUsd: nonNegative,
  source: string().describe("Where the figures come from."),
  asOf: string().describe("When the figures were read."),
  fallback: boolean().describe("True when the region's prices were unknown and the default region's were used.")
}).meta({ id: "Prices", description: "The prices used." });
var recommendationSchema = object({
  strategy: strategySchema,
  memoryMb,
  costPerInvocationUsd: nonNegative.describe("Warm cost per invocation."),
  expectedCostPerInvocationUsd: nonNegative.optional().describe("Expected cost per invocation, cold starts included (see PowerValueResult), when known."),
  durationMs: nonNegative,
  reason: string().describe("One sentence: why this memory."),
  skippedForHeadroom: array(
    object({
      memoryMb,
      maxMemoryUsedMb: nonNegative.describe("The peak Max Memory Used of any sample at this memory size."),
      usedPct: nonNegative.describe("maxMemoryUsedMb / memoryMb \xD7 100."),
      limitPct: number().gt(0).max(100).describe("The max-memory-used-percent limit it was over.")
    })
  ).optional().describe(
    "Memory sizes the strategy would have picked instead, left out because their peak Max Memory Used was above max-memory-used-percent (absent when none was)."
  )
}).meta({ id: "Recommendation", description: "The recommended memory size and why." });
var functionIdentitySchema = object({
  name: string(),
  arn: string().describe("Unqualified."),
  region: string(),
  architecture: architectureSchema,
  runtime: string().optional(),
  codeSha256: string().optional(),
  handler: string().optional(),
  layers: array(string()).optional().describe("The layers' version ARNs, in order."),
  environmentSha256: string().optional().describe(
    "SHA-256 of the environment variables' names and values (never the values themselves): tells an unchanged configuration apart."
  ),
  packageType: _enum(["Zip", "Image"]).optional().describe(
    "How the code is deployed (PackageType): decides, with runtime and SnapStart, what a cold start bills."
  ),
  snapStart: boolean().optional().describe("True when SnapStart applies to published versions (the versions a run measures)."),
  originalMemoryMb: memoryMb.describe("The memory before the run; the run restores it."),
  logFormat: logFormatSchema
}).meta({ id: "FunctionIdentity", description: "What was tuned." });
var samplingSummarySchema = object({
  mode: samplingModeSchema,
  confidence: number().gt(0).lt(1),
  rounds: count,
  stopReason: samplingStopReasonSchema,
  reason: string().describe("One sentence: why sampling stopped."),
  invocations: count.describe("Invocations spent across all memory sizes."),
  maxInvocations: count.describe(
    "What fixed sampling at the cap would have spent: maxInvocationsPerValue \xD7 memory sizes."
  ),
  maxInvocationsPerValue: count
}).meta({
  id: "SamplingSummary",
  description: "Adaptive sampling: what it spent and why it stopped (absent with fixed sampling)."
});
var gateSamplingSummarySchema = object({
  rounds: count.describe(
    "Rounds of extra invocations; 0 when the planned invocations already settled every comparison."
  ),
  added: array(object({ memoryMb, invocations: count, environments: count })).describe(
    "Extra invocations this function got, per memory size (only sizes that got some), in how many extra execution environments."
  ),
  maxInvocations: count.describe(
    "The most invocations per function at a compared memory size (gate-max-invocations)."
  ),
  settled: boolean().describe("True when every comparison was settled; false when the budget ran out first."),
  reason: string().describe("One sentence: why the extra sampling stopped."),
  pinned: object({
    recommendedMb: memoryMb.nullable().describe("The PR function\u2019s recommendation at the first look: where the gate compared it."),
    baseRecommendedMb: memoryMb.nullable().describe("The baseline\u2019s recommendation at the first look; null when its curve was not measured.")
  }).optional().describe(
    "The comparison points, pinned at the gate\u2019s first look so a recommendation that moves while the gate samples opens no new ones; absent in results from before it."
  )
}).meta({
  id: "GateSamplingSummary",
  description: "Live gate only: the extra invocations spent settling the comparisons with the baseline function."
});
var runSpendSchema = object({
  invocations: count.describe(
    "Every Invoke of the function this run recorded (its samples): failed ones, cold starts, samples left out of the figures and the live gate\u2019s environment blocks included."
  ),
  billedInvocations: count.describe(
    "The invocations with a REPORT record (the function ran: success or function error), which Lambda bills as requests; what gbSeconds and the costs count. One without (Lambda refused it, e.g. throttled, which is not billed; or its log tail was lost) is in invocations only."
  ),
  gbSeconds: nonNegative.describe(
    "\u03A3 Billed Duration in seconds \xD7 memory in GB (MB / 1024) over the billed invocations; Billed Duration includes INIT and SnapStart restore where Lambda bills them."
  ),
  requestCostUsd: nonNegative.describe("billedInvocations \xD7 the request price."),
  computeCostUsd: nonNegative.describe("gbSeconds \xD7 the price per GB-second."),
  costUsd: nonNegative.describe("requestCostUsd + computeCostUsd, at the run\u2019s prices (first tier, no free tier)."),
  wallTimeSeconds: nonNegative.describe(
    "Wall-clock time from the first start to the last finish of the runs counted (a run: from reading the function to the end of clean-up)."
  )
}).meta({
  id: "RunSpend",
  description: "What measuring spent: invocations, GB-seconds, dollars and wall time."
});
var architectureFiguresSchema = object({
  costPerInvocationUsd: nonNegative.describe("Warm cost per invocation, at this architecture\u2019s price."),
  expectedCostPerInvocationUsd: nonNegative.optional().describe("Cold starts included, when known."),
  durationMs: nonNegative.describe("Trimmed mean duration.")
}).nullable().describe("null when this architecture has no successful measurement at this memory size.");
var architectureRatioSchema = object({
  ratio: number().positive().describe("arm64 / x86_64: ratio of trimmed geometric means of the samples."),
  low: number().nonnegative(),
  high: number().nonnegative(),
  significant: boolean().describe("The interval excludes 1 (no difference).")
}).nullable().describe("The gate\u2019s interval (gate/stats.ts) of arm64 over x86_64; null with fewer than 2 samples a side.");
var architectureComparisonSchema = object({
  source: _enum(["compare-function", "copy"]).describe(
    "Where the other architecture came from: the deployment compare-function named, or a copy the action made."
  ),
  confidence: number().gt(0).lt(1).describe("Confidence of the intervals (the gate\u2019s confidence)."),
  functions: array(
    object({
      architecture: architectureSchema,
      name: string(),
      arn: string(),
      prices: pricesSchema,
      recommendation: object({ memoryMb, costPerInvocationUsd: nonNegative, durationMs: nonNegative }).nullable().describe("This architecture\u2019s own recommendation by the strategy.")
    })
  ).describe("Both deployments, the tuned function first."),
  memorySizes: array(
    object({
      memoryMb,
      x86_64: architectureFiguresSchema,
      arm64: architectureFiguresSchema,
      cost: architectureRatioSchema,
      duration: architectureRatioSchema
    })
  ).describe("One entry per memory size, ascending: both architectures\u2019 figures and their comparison."),
  configured: object({ architecture: architectureSchema, memoryMb }).describe("The configured pair: the tuned function\u2019s architecture and memory."),
  recommendation: object({
    architecture: architectureSchema,
    memoryMb,
    costPerInvocationUsd: nonNegative,
    expectedCostPerInvocationUsd: nonNegative.optional(),
    durationMs: nonNegative,
    savingPct: number().nullable().describe(
      "Cost saving against the configured pair, percent (cold starts included when both have them); null when unknown."
    ),
    changesArchitecture: boolean(),
    significant: boolean().describe(
      "The interval of this pick against the other architecture\u2019s pick excludes no difference (in the strategy\u2019s measure); false: within noise."
    ),
    reason: string().describe("One sentence: why this pair.")
  }).nullable().describe("The recommended (architecture, memory) pair by the strategy; null when neither architecture has one.")
}).meta({
  id: "ArchitectureComparison",
  description: "architectures x86_64,arm64: the function and its other-architecture deployment, tuned in the same run (docs/architectures.md)."
});
var runResultSchema = object({
  schemaVersion: literal(RESULTS_SCHEMA_VERSION),
  tool: object({ name: literal("lambda-power-gate"), version: string() }),
  runId: string().optional().describe(
    "The tuning run that measured it: functions tuned together (the PR\u2019s and a live baseline) share it, and only then are their environment blocks paired."
  ),
  function: functionIdentitySchema,
  settings: recordedSettingsSchema,
  prices: pricesSchema,
  powerValues: array(powerValueResultSchema).describe("One entry per memory size, ascending."),
  recommendation: recommendationSchema.nullable().describe("null in a dry run or when no memory size qualifies."),
  current: object({
    memoryMb,
    costPerInvocationUsd: nonNegative.nullable(),
    expectedCostPerInvocationUsd: nonNegative.nullable().optional().describe("Cold starts included; null when unknown, absent in results from before it."),
    durationMs: nonNegative.nullable()
  }).describe("The configured memory's figures; null when it was not among the power values or failed."),
  coldStartBilling: coldStartBillingSchema.optional(),
  tuningCostUsd: nonNegative.describe(
    "What this run's invocations cost (compute and requests, failed invocations included)."
  ),
  spend: runSpendSchema.optional().describe(
    "What measuring this function spent in its run (tuningCostUsd broken down, with the invocations, GB-seconds and wall time); absent in results from before it."
  ),
  visualizationUrl: string().nullable().describe("A lambda-power-tuning.show link for the successful memory sizes."),
  sampling: samplingSummarySchema.optional(),
  gateSampling: gateSamplingSummarySchema.optional(),
  architectureComparison: architectureComparisonSchema.optional(),
  curve: _enum(["full", "compared"]).optional().describe(
    "compared: a live baseline measured only at the memory sizes the gate compares (baseline-full-curve off), so it has no recommendation of its own; absent: every power value."
  ),
  applied: object({
    target: _enum(["$LATEST", "alias"]),
    alias: string().optional(),
    version: string().optional(),
    memoryMb
  }).optional().describe("Set when auto-optimize applied the recommendation."),
  dryRun: boolean().describe("A dry run validates and reads the function; its powerValues have no samples."),
  git: object({ sha: string().optional(), ref: string().optional(), pullRequest: int().positive().optional() }).optional().describe("The commit and ref this run measured, when known (CI)."),
  startedAt: timestamp,
  finishedAt: timestamp
}).meta({
  id: "RunResult",
  description: "One function's tuning run (schemaVersion 1; all a version 1 results.json held): the unit of baseline storage, as the data branch stores it."
});
var functionStatusSchema = _enum(["measured", "unchanged", "failed"]).describe(
  "measured: tuned in this run. unchanged: its code and configuration equal its baseline's, so it was not measured and carries the baseline's figures. failed: it could not be measured; the others went on."
);
var functionEntrySchema = object({
  key: string().min(1).describe(
    "The function's name in the app (its logical id, config-file key or function name): baselines are paired by it."
  ),
  functionName: string().min(1),
  status: functionStatusSchema,
  result: runResultSchema.nullable().describe(
    "The function\u2019s run (a version 1 run result). unchanged: the baseline\u2019s figures, carried; null when there were none to carry."
  ),
  baseline: runResultSchema.nullable().optional().describe("The live baseline function\u2019s run, measured beside it (baseline-function or baseline-stack-name)."),
  otherArchitecture: runResultSchema.nullable().optional().describe(
    "architectures x86_64,arm64: the other architecture\u2019s deployment\u2019s run, measured beside it (its samples; the comparison is result.architectureComparison)."
  ),
  failure: string().optional().describe("failed: why, in one sentence."),
  unchangedNote: string().optional().describe("unchanged: what it was found equal to."),
  accepted: object({
    label: string(),
    by: string().describe("The login that added the label."),
    at: string().describe("When the label was added (ISO 8601)."),
    permission: string().describe("GitHub's base permission of who added it: admin or write."),
    role: string().optional().describe("Their role when it says more (maintain, a custom role)."),
    headSha: string().describe("The pull request head it was read for."),
    checks: array(string()).describe("The failing checks it covers.")
  }).optional().describe(
    "A fail verdict accepted on purpose with accept-label: who accepted it, when, and the checks it covers. The run passed."
  )
}).meta({ id: "FunctionEntry", description: "One function of the run." });
var fileSpendSchema = object({
  total: runSpendSchema.describe(
    "Every function measured in this run and every live baseline and other-architecture function beside them."
  ),
  functions: runSpendSchema.describe(
    "The functions measured (or failed part-way) in this run; unchanged functions carry an earlier run\u2019s figures and spent nothing."
  ),
  baselines: runSpendSchema.optional().describe(
    "The live baseline functions measured beside them (baseline-function, baseline-stack-name); absent without one."
  ),
  otherArchitectures: runSpendSchema.optional().describe(
    "architectures x86_64,arm64: the other architecture\u2019s functions (copies the run made, or compare-function deployments) tuned beside them; absent without one."
  ),
  measuredFunctions: count.describe("How many functions\u2019 runs are counted in functions.")
}).meta({
  id: "RunSpendTotal",
  description: "What a run spent in all, split into the functions' own runs and their live baselines (stored baselines were measured, and paid for, by earlier runs)."
});
var resultsFileSchema = object({
  schemaVersion: literal(RESULTS_FILE_SCHEMA_VERSION),
  tool: object({ name: literal("lambda-power-gate"), version: string() }),
  key: string().describe("The app\u2019s key: one sticky comment and one data-branch folder per key."),
  git: object({ sha: string().optional(), ref: string().optional(), pullRequest: int().positive().optional() }).optional().describe(
    "The commit and ref this run measured, when known (CI); aggregate mode refuses shards of another commit."
  ),
  functions: array(functionEntrySchema).min(1).describe("Every function of the run, in the order they were given."),
  spend: fileSpendSchema.optional().describe("What the whole run spent measuring (what a pull request costs); absent in files from before it."),
  startedAt: timestamp,
  finishedAt: timestamp
}).describe("results.json (version 2): one run of lambda-power-gate over one or more functions.");

// src/results/parse.ts
var FIX = "give a results.json written by lambda-power-gate (its schema: docs/results-schema.json)";
function parseRunResult(text, error) {
  const parsed = parseObject(text, error);
  const version = parsed["schemaVersion"];
  if (version !== RESULTS_SCHEMA_VERSION) {
    throw error(
      version === void 0 ? "is not a lambda-power-gate results.json (no schemaVersion)" : `has schemaVersion ${showVersion(version)}, but this version of lambda-power-gate reads schemaVersion ${RESULTS_SCHEMA_VERSION}`
    );
  }
  return checkRunResult(parsed, error);
}
function parseResultsFile(text, error) {
  const parsed = parseObject(text, error);
  const version = parsed["schemaVersion"];
  if (version === RESULTS_SCHEMA_VERSION) return upgradeRunResult(checkRunResult(parsed, error));
  if (version !== RESULTS_FILE_SCHEMA_VERSION) {
    throw error(
      version === void 0 ? "is not a lambda-power-gate results.json (no schemaVersion)" : `has schemaVersion ${showVersion(version)}, but this version of lambda-power-gate reads schemaVersion ${RESULTS_FILE_SCHEMA_VERSION} (and ${RESULTS_SCHEMA_VERSION}, one function's run)`
    );
  }
  const checked = resultsFileSchema.safeParse(parsed);
  if (!checked.success) {
    throw error(`is not a valid lambda-power-gate results.json: ${describeIssues(checked.error.issues)}; ${FIX}`);
  }
  const file = checked.data;
  const seen = /* @__PURE__ */ new Set();
  for (const [position, entry] of file.functions.entries()) {
    const where = `functions[${position}] (${showKey(entry.key)})`;
    if (seen.has(entry.key)) throw error(`has two functions with the key ${showKey(entry.key)}; ${FIX}`);
    seen.add(entry.key);
    if (entry.status === "measured" && entry.result === null) throw error(`${where} is measured but has no result`);
    if (entry.result?.dryRun || entry.baseline?.dryRun)
      throw error(`${where} is a dry run, which measured nothing to compare with`);
  }
  return file;
}
function upgradeRunResult(result) {
  const key = result.function.name;
  return {
    schemaVersion: RESULTS_FILE_SCHEMA_VERSION,
    tool: result.tool,
    key,
    ...result.git ? { git: result.git } : {},
    functions: [{ key, functionName: result.function.name, status: "measured", result }],
    startedAt: result.startedAt,
    finishedAt: result.finishedAt
  };
}
function entryFor(file, key) {
  return file.functions.find((entry) => entry.key === key) ?? (file.functions.length === 1 ? file.functions[0] : void 0);
}
function describeKeys(file, max = 5) {
  const keys = file.functions.map((entry) => showKey(entry.key));
  const more = keys.length - max;
  return keys.slice(0, max).join(", ") + (more > 0 ? ` and ${more} more` : "");
}
function showKey(key) {
  return `"${inertText(key, 60)}"`;
}
function parseObject(text, error) {
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    throw error(`is not valid JSON (${oneLine(cause instanceof Error ? cause.message : String(cause)).slice(0, 120)})`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw error("is not a lambda-power-gate results.json (not a JSON object)");
  }
  return parsed;
}
function checkRunResult(parsed, error) {
  const checked = runResultSchema.safeParse(parsed);
  if (!checked.success) {
    throw error(`is not a valid lambda-power-gate results.json: ${describeIssues(checked.error.issues)}; ${FIX}`);
  }
  const result = checked.data;
  if (result.dryRun) throw error("is a dry run, which measured nothing to compare with");
  return result;
}
function showVersion(version) {
  return inertText(JSON.stringify(version) ?? String(version), 40);
}
function describeIssues(issues) {
  const [first] = issues;
  if (!first) return "invalid";
  const more = issues.length - 1;
  return `${pathText(first.path)}: ${inertText(oneLine(first.message), 200)}${more > 0 ? ` (and ${more} more problem${more === 1 ? "" : "s"})` : ""}`;
}
function pathText(path) {
  if (path.length === 0) return "the document";
  return path.map((key, index) => {
    if (typeof key === "number") return `[${key}]`;
    const name = typeof key === "symbol" ? key.toString() : key;
    if (/^[A-Za-z_$][\w$]*$/.test(name)) return index === 0 ? name : `.${name}`;
    return `[${JSON.stringify(inertText(name, 60))}]`;
  }).join("");
}

export {
  parseRunResult,
  parseResultsFile,
  entryFor,
  describeKeys,
  showKey
};
