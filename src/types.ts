// The data that flows through the action, in one place so every module agrees on it.
// Units are in the names: Ms, Mb, Usd. Everything here is plain JSON so results.json round-trips.

// results.json's parts are inferred from its one zod schema (src/results/schema.ts); re-exported here so every
// module keeps importing its types from one place. The tuning settings below use some of them.
export { RESULTS_FILE_SCHEMA_VERSION, RESULTS_SCHEMA_VERSION } from './results/version.js';
export type {
  Architecture,
  ArchitectureComparison,
  ColdStartBilling,
  ColdStartCost,
  DurationStats,
  FileSpend,
  FunctionEntry,
  FunctionIdentity,
  GateSamplingSummary,
  LogFormat,
  PercentileLimit,
  PowerValueResult,
  PowerValueStatus,
  Prices,
  Recommendation,
  RecordedSettings,
  ResultsFile,
  RunResult,
  RunSpend,
  Sample,
  SamplingMode,
  SamplingStopReason,
  SamplingSummary,
  Strategy,
  WeightedPayload,
} from './results/schema.js';
import type {
  Architecture,
  PercentileLimit,
  RecordedSettings,
  RunResult,
  SamplingMode,
  Strategy,
  WeightedPayload,
} from './results/schema.js';

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
   * monthly-invocations auto: monthlyInvocations holds the default until resolveUsage (src/usage/) replaces it with
   * the sum of the last 30 days of usageFunction's Invocations metric.
   */
  monthlyInvocationsAuto?: boolean;
  /** The production function whose traffic the auto settings read (default: the gate's baseline function). */
  usageFunction?: string;
  /**
   * The share of invocations that are cold starts, a fraction (0.01 = 1%), for expected costs; 'auto' is measured
   * from the production function's logs by the front door before tuning. Absent, or 'auto' not yet resolved, reads
   * as the default (tuning/cold-cost.ts DEFAULT_COLD_START_RATE) wherever a figure is computed.
   */
  coldStartRate?: number | 'auto';
  /**
   * fixed (absent = fixed): invocationsPerValue for every memory size. adaptive: a small first round, then more
   * only where the recommendation is still open; invocationsPerValue is then the cap per memory size.
   */
  sampling?: SamplingMode;
  /** Adaptive sampling: two-sided confidence of the intervals that decide whether a comparison is settled. */
  samplingConfidence?: number;
  /**
   * max-memory-used-percent: a memory size whose peak Max Memory Used is above this percent of its size is not
   * recommended (tuning/headroom.ts). Undefined = off.
   */
  maxMemoryUsedPct?: number;
  /**
   * architectures: absent = the function's own only. One value: the function's own, checked at the snapshot. Both:
   * the function and compareFunction (the other architecture's deployment) tuned together (gate/arch-run.ts).
   */
  architectures?: Architecture[];
  /** compare-function: the other architecture's deployment, as Lambda's FunctionName takes it. */
  compareFunction?: string;
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
  /** dashboard: write index.html charting the data branch's history on pushes to the default branch. */
  dashboard: boolean;
  /** Where index.html goes: dashboard-branch, else the data branch itself; set only with dashboard. */
  dashboardBranch?: string;
  /** Stored runs the comment's trend shows (trend-runs); 0: no trend. */
  trendRuns: number;
  /** Relative thresholds, percent. Undefined = not checked. */
  maxCostIncreasePct?: number;
  maxDurationIncreasePct?: number;
  warnCostIncreasePct?: number;
  warnDurationIncreasePct?: number;
  /**
   * Init Duration (cold starts), percent. Undefined = not compared: the Init comparisons join the verdict (and its
   * error rate) only when one of these is set.
   */
  maxInitDurationIncreasePct?: number;
  warnInitDurationIncreasePct?: number;
  /** Absolute thresholds. */
  maxCostPerInvocationUsd?: number;
  maxDurationMs?: number;
  /** The (trimmed) mean Init Duration of the cold starts, ms. */
  maxInitDurationMs?: number;
  /** Which duration statistic maxDurationMs applies to: 'mean' or a percentile like 'p95'. */
  maxDurationStatistic: 'mean' | 'p50' | 'p90' | 'p95' | 'p99';
  maxMonthlyCostIncreaseUsd?: number;
  /**
   * Memory headroom, percent of the memory size (the peak Max Memory Used), checked at the configured memory and at
   * the recommendation; needs no baseline. Undefined = not checked.
   */
  maxMemoryUsedPct?: number;
  warnMemoryUsedPct?: number;
  /** Confidence for significance, e.g. 0.95. */
  confidence: number;
  /** Fewer successful samples than this on either side: the change is never called significant. */
  minSamples: number;
  /** A duration change under this (and a cost change under its price at that memory) is within noise. */
  minDurationChangeMs: number;
  /** Live baseline: the most invocations per function at a compared memory size (sequential sampling); 0 = off. */
  maxInvocations: number;
  /**
   * Live baseline: plan it at every power value (its own curve and recommendation, compared too) instead of only
   * where the gate compares (gate/live.ts). Undefined: false.
   */
  baselineFullCurve?: boolean;
  failOnRegression: boolean;
}

export interface ReportSettings {
  /**
   * tune: measure and report; comment-only: report a results.json measured elsewhere (the fork recipe); aggregate:
   * the last job of a matrix, reporting the shards' results.json files as one app (one comment, one verdict); prune:
   * remove the data branch's folders of keys no longer configured (gate/prune.ts).
   */
  mode: 'tune' | 'comment-only' | 'aggregate' | 'prune';
  /** With prune: keys (or `app-key/function-key`) kept besides the configured ones; required to prune for real. */
  pruneKeep?: string[];
  /** With prune: only say what would be removed (the default). */
  pruneDryRun?: boolean;
  /** With comment-only: the results.json to report (untrusted: validated and re-rendered). */
  resultsFile?: string;
  /**
   * With aggregate: the shards' results.json files, each an absolute path or an absolute glob (picomatch syntax),
   * both inside the workspace as written. Globs are expanded by the aggregate flow, which confines every match
   * (symlinks included) again when it reads it; a file is untrusted like comment-only's.
   */
  resultsFiles?: string[];
  /** With comment-only: the pull request to comment on (else the workflow_run event's). */
  pullRequest?: number;
  commentMode: 'update' | 'new' | 'hide-and-new' | 'delete-and-new' | 'off';
  githubToken?: string;
  summary: boolean;
  /** accept-label: the label that accepts a fail verdict (gate/acceptance.ts); undefined when off. */
  acceptLabel?: string;
  /**
   * suggest-min-saving: the monthly cost change (percent, either way) from which the memory setting in the
   * repository's infrastructure code is pointed at or suggested (src/iac, action/iac.ts); undefined when off.
   */
  suggestMinSavingPct?: number;
}

export interface Settings {
  tuning: TuningSettings;
  gate: GateSettings;
  report: ReportSettings;
}

// ---------------------------------------------------------------------------------------------------------
// Many functions in one step (issue 15): an app. A single function-name is an app of one.

/** One function of the app and its own settings (the step's inputs with its config-file overrides applied). */
export interface AppFunctionSettings {
  /**
   * The function's name in the app: its logical id (stack-name), its config-file `key`, or its function name. Rows,
   * results.json entries and the data branch pair a function with its baseline by it. Unique in the app.
   */
  key: string;
  /** Where it was given, for messages: "function-name", "functions line 3", "config-file functions[2]", "stack orders-pr". */
  origin: string;
  /** tuning.functionName is the function; gate.baselineFunction its live twin when it has one. */
  settings: Settings;
}

/** stack-name: the functions are the stack's AWS::Lambda::Function resources (CloudFormation ListStackResources). */
export interface StackDiscovery {
  stackName: string;
  /** The base stack: its functions are the live baselines, paired by logical id. */
  baselineStackName?: string;
  /** Globs on logical ids (picomatch); empty include = every function. */
  include: string[];
  exclude: string[];
  /**
   * The logical ids config-file gives overrides for (its entries' keys). Settings cannot check them without AWS; a
   * key the stack does not have is most likely a typo, for the flow to report once it has listed the stack.
   */
  overrides?: string[];
}

/** A function found in a stack, before its settings are made (AppPlan.settingsFor). */
export interface FoundFunction {
  /** The logical id. */
  key: string;
  /** The physical id: the function's name. */
  functionName: string;
  /** The base stack's function with the same logical id. */
  baselineFunction?: string;
}

/** Everything the step was asked to do, across functions. Built only by settings/, like Settings. */
export interface AppPlan {
  /**
   * function: function-name alone — today's behaviour: today's report, data-branch layout and outputs. app: functions,
   * config-file or stack-name — the app's comment, and the data branch per function under the app's key.
   */
  kind: 'function' | 'app';
  /** The app's key: one sticky comment and one data-branch folder per key. For one function-name, gate.key. */
  key: string;
  /**
   * The settings every function shares: what the step's own inputs say (report, timeout, concurrency, …). For kind
   * app: the step's inputs with config-file's defaults, with no function of its own (tuning.functionName is '') and
   * gate.key the app's key; each function's own settings are in functions / settingsFor.
   */
  shared: Settings;
  /** The functions given by function-name, functions or config-file; empty when they come from a stack. */
  functions: AppFunctionSettings[];
  stack?: StackDiscovery;
  /** measure-unchanged: measure a function whose code and configuration equal its baseline's anyway. */
  measureUnchanged: boolean;
  /** How many functions are tuned at once; invocations and control-plane requests share one budget regardless. */
  parallelFunctions: number;
  /** A discovered function's settings: the shared ones, its config-file overrides by logical id, its names. */
  settingsFor(found: FoundFunction): AppFunctionSettings;
}

/**
 * What happened to one function of the app. measured: tuned in this run. unchanged: its code and configuration
 * equal its baseline's, so it was not measured and carries the baseline's figures (result is the baseline's run, or
 * null when the baseline is a live function that was not measured either). failed: it could not be measured; the
 * others went on.
 */
export type FunctionStatus = 'measured' | 'unchanged' | 'failed';

export interface FunctionOutcome {
  key: string;
  functionName: string;
  status: FunctionStatus;
  result: RunResult | null;
  baseline: RunResult | null;
  verdict: Verdict | null;
  /** failed: why, in one sentence (already made inert). */
  failure?: string;
  /** unchanged: what it was found equal to, in words (e.g. "the baseline function orders-staging"). */
  unchangedNote?: string;
  /** architectures x86_64,arm64: the other architecture's run, measured beside it. */
  otherArchitecture?: RunResult;
  /** With a data-branch baseline: the function's stored history and its change points, for its report. */
  trend?: TrendInput;
}

/** The app's verdict: the worst function's level, and the app's monthly cost change. */
export interface AppVerdict {
  level: VerdictLevel;
  /** One sentence for the headline. */
  reason: string;
  /** Sum of the functions' monthly cost changes that are known; null when none is. */
  monthlyCostDeltaUsd: number | null;
  counts: Record<FunctionStatus, number> & Record<VerdictLevel, number>;
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

/**
 * Compile-time guard: results.json records every tuning setting but the payloads (results/schema.ts,
 * recordedSettingsSchema). A setting added here and not there fails the typecheck, naming it, instead of being
 * dropped when a stored run is read back.
 */
export type EveryTuningSettingRecorded = NoneLeft<
  Exclude<keyof Omit<TuningSettings, 'payloads'>, keyof RecordedSettings>
>;
type NoneLeft<T extends never> = T;

// ---------------------------------------------------------------------------------------------------------
// The gate

// Verdict, MetricComparison and VerdictLevel live with the gate that makes them (src/gate/verdict.ts).
export type { MetricComparison, Verdict, VerdictLevel } from './gate/verdict.js';
import type { Verdict, VerdictLevel } from './gate/verdict.js';
import type { TrendInput } from './report/trend.js';
