// The data that flows through the action, in one place so every module agrees on it.
// Units are in the names: Ms, Mb, Usd. Everything here is plain JSON so results.json round-trips.

export type Strategy = 'cost' | 'speed' | 'balanced' | 'percentile';
export type Architecture = 'x86_64' | 'arm64';
export type LogFormat = 'Text' | 'JSON';
export type SamplingMode = 'fixed' | 'adaptive';
/** Why adaptive sampling stopped (see src/tuning/adaptive.ts). */
export type SamplingStopReason = 'settled' | 'max-invocations' | 'no-candidates' | 'one-candidate';

/** One payload and its share of the invocations. An unweighted payload is a single entry of weight 1. */
export interface WeightedPayload {
  /** The exact bytes sent to Invoke (JSON text, or a raw string the user gave). */
  payload: string;
  weight: number;
}

/** The cheapest memory whose duration percentile stays within a limit (the `percentile` strategy). */
export interface PercentileLimit {
  /** 0 < percentile < 100, e.g. 95 for p95. */
  percentile: number;
  maxDurationMs: number;
}

/** Everything the engine needs, validated. Built only by settings.ts, from action inputs or CLI flags. */
export interface TuningSettings {
  /** Function name or unqualified ARN (full or partial), as Lambda's FunctionName accepts it. */
  functionName: string;
  /** A qualifier the user gave with the name (`fn:alias`); tuning always measures fresh versions of $LATEST. */
  qualifier?: string;
  region: string;
  /** A Lambda-compatible endpoint (the local emulator); unset means AWS. */
  endpoint?: string;
  powerValuesMb: number[];
  invocationsPerValue: number;
  payloads: WeightedPayload[];
  parallelInvocation: boolean;
  /** Upper bound on invocations in flight across all power values. */
  concurrency: number;
  sleepBetweenRunsMs: number;
  /** Fraction dropped from each end before the trimmed mean, already clamped to [0, 0.4]. */
  discardTopBottom: number;
  allowedExceptions: string[];
  onlyColdStarts: boolean;
  strategy: Strategy;
  /** 0 = speed only, 1 = cost only; clamped to [0, 1]. */
  balancedWeight: number;
  percentileLimit?: PercentileLimit;
  autoOptimize: boolean;
  /** With autoOptimize: point this alias at a version with the recommended memory instead of changing $LATEST. */
  autoOptimizeAlias?: string;
  dryRun: boolean;
  /** Payloads and function output may appear in logs and reports only when this is true. */
  logPayloads: boolean;
  /** Where results.json is written. */
  resultsPath: string;
  /** Abort (restoring and cleaning up first) after this many minutes. */
  timeoutMinutes: number;
  /** Monthly invocations used for cost projections in reports. */
  monthlyInvocations?: number;
  /**
   * fixed (absent = fixed): invocationsPerValue for every memory size. adaptive: a small first round, then more
   * only where the recommendation is still open; invocationsPerValue is then the cap per memory size.
   */
  sampling?: SamplingMode;
  /** Adaptive sampling: two-sided confidence of the intervals that decide whether a comparison is settled. */
  samplingConfidence?: number;
}

export type BaselineSource = 'none' | 'file' | 'branch' | 'function';

export interface GateSettings {
  baselineSource: BaselineSource;
  baselineFile?: string;
  baselineBranch?: string;
  baselineFunction?: string;
  /** Stable key for this function across PR deployments (defaults to the function name). */
  key: string;
  /** Keep this many runs per key on the data branch. */
  historyLimit: number;
  /** Relative thresholds, percent. Undefined = not checked. */
  maxCostIncreasePct?: number;
  maxDurationIncreasePct?: number;
  warnCostIncreasePct?: number;
  warnDurationIncreasePct?: number;
  /** Absolute thresholds. */
  maxCostPerInvocationUsd?: number;
  maxDurationMs?: number;
  /** Which duration statistic maxDurationMs applies to: 'mean' or a percentile like 'p95'. */
  maxDurationStatistic: 'mean' | 'p50' | 'p90' | 'p95' | 'p99';
  maxMonthlyCostIncreaseUsd?: number;
  /** Confidence for significance, e.g. 0.95. */
  confidence: number;
  /** Fewer successful samples than this on either side: the change is never called significant. */
  minSamples: number;
  /** A duration change under this (and a cost change under its price at that memory) is within noise. */
  minDurationChangeMs: number;
  /** Live baseline: the most invocations per function at a compared memory size (sequential sampling); 0 = off. */
  maxInvocations: number;
  failOnRegression: boolean;
}

export interface ReportSettings {
  /** tune: measure and report; comment-only: report a results.json measured elsewhere (the fork recipe). */
  mode: 'tune' | 'comment-only';
  /** With comment-only: the results.json to report (untrusted: validated and re-rendered). */
  resultsFile?: string;
  /** With comment-only: the pull request to comment on (else the workflow_run event's). */
  pullRequest?: number;
  commentMode: 'update' | 'new' | 'hide-and-new' | 'delete-and-new' | 'off';
  githubToken?: string;
  summary: boolean;
}

export interface Settings {
  tuning: TuningSettings;
  gate: GateSettings;
  report: ReportSettings;
}

// ---------------------------------------------------------------------------------------------------------
// Measurements

/** One REPORT record, as parsed from the invocation's log tail (text or JSON format). */
export interface ReportRecord {
  requestId?: string;
  durationMs: number;
  billedDurationMs: number;
  memorySizeMb?: number;
  maxMemoryUsedMb?: number;
  initDurationMs?: number;
  restoreDurationMs?: number;
  billedRestoreDurationMs?: number;
}

/** One invocation. */
export interface Sample {
  /** Duration + Init + Restore: what a caller waits for (as Power Tuning defines speed). */
  durationMs: number;
  /** What Lambda bills: Billed Duration, which already includes Billed Restore Duration on SnapStart. */
  billedDurationMs: number;
  initDurationMs?: number;
  /** A SnapStart version's cold start: Restore Duration (instead of Init Duration) and Billed Restore Duration. */
  restoreDurationMs?: number;
  billedRestoreDurationMs?: number;
  maxMemoryUsedMb?: number;
  /** Set when the invocation failed: Lambda's FunctionError type (e.g. Runtime.OutOfMemory, Sandbox.Timedout) or the error type. */
  errorType?: string;
  errorMessage?: string;
  /** Index into settings.payloads. */
  payloadIndex: number;
  coldStart: boolean;
  /**
   * The environment block this sample came from, when the live gate measured more than one: 0 (or absent) for the
   * planned invocations, k for the k-th extra version of this memory size (a fresh version means fresh execution
   * environments). The gate's interval counts these blocks, not invocations (gate/stats.ts blockRatioInterval).
   */
  environment?: number;
}

export interface DurationStats {
  count: number;
  mean: number;
  trimmedMean: number;
  median: number;
  p90: number;
  p95: number;
  p99: number;
  min: number;
  max: number;
  stdDev: number;
  /** 95% confidence interval of the mean (Student t). Equal bounds when count < 2. */
  ci95Low: number;
  ci95High: number;
}

export type PowerValueStatus = 'ok' | 'failed';

export interface PowerValueResult {
  memoryMb: number;
  status: PowerValueStatus;
  /** Why this power value was left out of the recommendation, in one sentence. */
  failureReason?: string;
  invocations: number;
  errors: number;
  /** Error type → count, allowed ones included. */
  errorTypes: Record<string, number>;
  samples: Sample[];
  /** Over the successful samples; null when there are none. */
  duration: DurationStats | null;
  /** Init Duration of the cold starts seen at this memory. */
  coldStart: DurationStats | null;
  /** Restore Duration of the SnapStart cold starts seen at this memory (absent when there were none). */
  restore?: DurationStats;
  /** Trimmed mean of per-invocation cost (compute + request price). */
  costPerInvocationUsd: number | null;
  /** Trimmed mean of billed duration. */
  billedDurationMs: number | null;
  /** Peak Max Memory Used seen. */
  maxMemoryUsedMb: number | null;
  /** Adaptive sampling: the rounds this memory size took part in, and whether its comparison with the leader was
   *  still open when sampling stopped. */
  sampling?: { rounds: number; open: boolean };
}

export interface Prices {
  region: string;
  architecture: Architecture;
  /** Compute price, first tier. */
  pricePerGbSecondUsd: number;
  pricePerRequestUsd: number;
  /** Where the figures come from and when they were read. */
  source: string;
  asOf: string;
  /** True when the region was unknown and the default region's prices were used. */
  fallback: boolean;
}

export interface Recommendation {
  strategy: Strategy;
  memoryMb: number;
  costPerInvocationUsd: number;
  durationMs: number;
  /** One sentence: why this memory. */
  reason: string;
}

export interface FunctionIdentity {
  name: string;
  arn: string;
  region: string;
  architecture: Architecture;
  runtime?: string;
  codeSha256?: string;
  originalMemoryMb: number;
  logFormat: LogFormat;
}

export interface SamplingSummary {
  mode: SamplingMode;
  confidence: number;
  rounds: number;
  stopReason: SamplingStopReason;
  /** One sentence: why sampling stopped. */
  reason: string;
  /** Invocations spent across all memory sizes. */
  invocations: number;
  /** What fixed sampling at the cap would have spent: maxInvocationsPerValue × memory sizes. */
  maxInvocations: number;
  maxInvocationsPerValue: number;
}

/**
 * The live gate's extra invocations (gate/sequential.ts): after the plan, more interleaved invocations of both
 * functions where a comparison was still open, until settled or gate-max-invocations.
 */
export interface GateSamplingSummary {
  /** Rounds of extra invocations; 0 when the planned invocations already settled every comparison. */
  rounds: number;
  /** Extra invocations this function got, per memory size (only sizes that got some), in how many extra environments. */
  added: { memoryMb: number; invocations: number; environments: number }[];
  /** The most invocations per function at a compared memory size (gate-max-invocations). */
  maxInvocations: number;
  /** True when every comparison was settled; false when the budget ran out first. */
  settled: boolean;
  /** One sentence: why the extra sampling stopped. */
  reason: string;
}

export const RESULTS_SCHEMA_VERSION = 1;

/** results.json: one tuning run. The unit of baseline storage, so it must round-trip through JSON. */
export interface RunResult {
  schemaVersion: typeof RESULTS_SCHEMA_VERSION;
  tool: { name: 'lambda-power-gate'; version: string };
  /**
   * The tuning run that measured it: functions tuned together (the PR's and a live baseline) share it, and only
   * then are their environment blocks paired (gate/stats.ts blockRatioInterval). Absent in files from before it.
   */
  runId?: string;
  function: FunctionIdentity;
  /** The tuning settings used (payloads omitted unless logPayloads). */
  settings: Omit<TuningSettings, 'payloads'> & { payloadCount: number; payloads?: WeightedPayload[] };
  prices: Prices;
  powerValues: PowerValueResult[];
  recommendation: Recommendation | null;
  /** The configured memory's figures, when it was among the power values. */
  current: { memoryMb: number; costPerInvocationUsd: number | null; durationMs: number | null };
  /** What the invocations of this run cost. */
  tuningCostUsd: number;
  visualizationUrl: string | null;
  /** Adaptive sampling: how much was spent and why it stopped (absent with fixed sampling). */
  sampling?: SamplingSummary;
  /** Live gate only: the extra invocations spent settling the comparisons with the baseline function. */
  gateSampling?: GateSamplingSummary;
  /** Set when autoOptimize applied the recommendation. */
  applied?: { target: '$LATEST' | 'alias'; alias?: string; version?: string; memoryMb: number };
  dryRun: boolean;
  /** The commit and ref this run measured, when known (CI). */
  git?: { sha?: string; ref?: string; pullRequest?: number };
  startedAt: string;
  finishedAt: string;
}

// ---------------------------------------------------------------------------------------------------------
// The gate

// Verdict, MetricComparison and VerdictLevel live with the gate that makes them (src/gate/verdict.ts).
export type { MetricComparison, Verdict, VerdictLevel } from './gate/verdict.js';
