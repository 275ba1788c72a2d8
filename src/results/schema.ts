// results.json, described once. This zod schema is the contract: the RunResult type and its parts are inferred
// from it (src/types.ts re-exports them), every reader parses with it (results/parse.ts: the baseline file, the
// data branch, comment-only's results-file), and docs/results-schema.json is generated from it
// (__tests__/unit/results-schema-drift.test.ts). The descriptions below are the field reference users read there.
//
// Versioning: a change that removes or renames a field, or changes a unit or a meaning, increments
// RESULTS_SCHEMA_VERSION; adding an optional field does not. So a reader accepts fields it does not know (a newer
// writer added them) and drops them — zod's default for z.object — and every field added after version 1 was first
// written is optional here (runId, Sample.environment and the SnapStart restore fields, sampling, gateSampling), so
// the files written before them still parse. When a version 2 comes, this file keeps version 1's schema beside it
// and results/parse.ts upgrades a version 1 document to the new shape after parsing it, so readers see one type.
//
// Bounds are the ones every writer of version 1 kept (a memory size is a positive whole number, a cost is never
// negative), not the input rules of today's settings: those may widen without a new schema version.

import * as z from 'zod';
import { RESULTS_FILE_SCHEMA_VERSION, RESULTS_SCHEMA_VERSION } from './version.js';

export { RESULTS_FILE_SCHEMA_VERSION, RESULTS_SCHEMA_VERSION };

const nonNegative = z.number().nonnegative();
const count = z.int().nonnegative();
const memoryMb = z.int().positive();
const timestamp = z.iso.datetime({ offset: true });

export const strategySchema = z.enum(['cost', 'speed', 'balanced', 'percentile']);
export const architectureSchema = z.enum(['x86_64', 'arm64']);
export const logFormatSchema = z.enum(['Text', 'JSON']);
export const samplingModeSchema = z.enum(['fixed', 'adaptive']);
/** Why adaptive sampling stopped (see src/tuning/adaptive.ts). */
export const samplingStopReasonSchema = z.enum([
  'settled',
  'tied',
  'max-invocations',
  'no-candidates',
  'one-candidate',
]);
export const powerValueStatusSchema = z.enum(['ok', 'failed']);

export const weightedPayloadSchema = z
  .object({
    payload: z.string().describe('The exact bytes sent to Invoke (JSON text, or a raw string the user gave).'),
    weight: z
      .number()
      .positive()
      .describe("This payload's share of the invocations (an unweighted payload has weight 1)."),
  })
  .meta({ id: 'WeightedPayload', description: 'One payload and its share of the invocations.' });

export const percentileLimitSchema = z
  .object({
    percentile: z.number().gt(0).lt(100).describe('e.g. 95 for p95.'),
    maxDurationMs: nonNegative,
  })
  .meta({
    id: 'PercentileLimit',
    description: 'The cheapest memory whose duration percentile stays within a limit (the percentile strategy).',
  });

export const recordedSettingsSchema = z
  .object({
    functionName: z.string().describe('Function name or unqualified ARN, as given.'),
    qualifier: z
      .string()
      .optional()
      .describe('A qualifier given with the name (fn:alias); tuning always measures fresh versions of $LATEST.'),
    region: z.string(),
    endpoint: z.string().optional().describe('A Lambda-compatible endpoint (the local emulator); absent means AWS.'),
    powerValuesMb: z.array(memoryMb),
    invocationsPerValue: count.describe(
      'Planned invocations per memory size; with adaptive sampling, the cap per memory size.',
    ),
    payloadCount: count.describe('How many payloads were sent (their text is kept only with log-payloads).'),
    payloads: z.array(weightedPayloadSchema).optional().describe('The payloads, only when log-payloads was on.'),
    parallelInvocation: z.boolean(),
    concurrency: z.int().positive().describe('Upper bound on invocations in flight across all memory sizes.'),
    sleepBetweenRunsMs: nonNegative,
    discardTopBottom: z.number().min(0).max(0.5).describe('Fraction dropped from each end before the trimmed mean.'),
    allowedExceptions: z.array(z.string()),
    onlyColdStarts: z.boolean(),
    strategy: strategySchema,
    balancedWeight: z.number().min(0).max(1).describe('0 = speed only, 1 = cost only.'),
    percentileLimit: percentileLimitSchema.optional(),
    autoOptimize: z.boolean(),
    autoOptimizeAlias: z.string().optional(),
    dryRun: z.boolean(),
    logPayloads: z.boolean().describe('Payloads and function output appear in results and reports only when true.'),
    resultsPath: z.string(),
    timeoutMinutes: z.number().positive(),
    monthlyInvocations: nonNegative.optional().describe('Monthly invocations used for cost projections in reports.'),
    monthlyInvocationsAuto: z
      .boolean()
      .optional()
      .describe(
        "monthly-invocations auto: monthlyInvocations was read from CloudWatch (the last 30 days of usageFunction's Invocations), or is the default when that read failed.",
      ),
    usageFunction: z
      .string()
      .optional()
      .describe('usage-function: the production function whose traffic the auto settings read.'),
    coldStartRate: z
      .number()
      .min(0)
      .max(1)
      .optional()
      .describe(
        'The share of invocations assumed to be cold starts (a fraction: 0.01 is 1%), for expected costs; absent in results from before it (read as 0.01).',
      ),
    sampling: samplingModeSchema.optional().describe('fixed (absent = fixed) or adaptive.'),
    samplingConfidence: z
      .number()
      .gt(0)
      .lt(1)
      .optional()
      .describe('Adaptive sampling: the confidence of the intervals that decide a comparison.'),
    maxMemoryUsedPct: z
      .number()
      .gt(0)
      .max(100)
      .optional()
      .describe(
        'max-memory-used-percent: memory sizes whose peak Max Memory Used was above this percent were not recommended (absent: off, or a run before the setting existed).',
      ),
    architectures: z
      .array(architectureSchema)
      .optional()
      .describe('architectures: the architectures asked for (absent: the function’s own only).'),
    compareFunction: z
      .string()
      .optional()
      .describe('compare-function: the other architecture’s deployment, tuned in the same run.'),
  })
  .meta({
    id: 'RecordedSettings',
    description: 'The tuning settings used: every tuning setting except payloads, plus payloadCount.',
  });

export const sampleSchema = z
  .object({
    durationMs: nonNegative.describe(
      'Duration + Init Duration + Restore Duration: what a caller waits for (0 when the invocation had no REPORT).',
    ),
    billedDurationMs: nonNegative.describe(
      'Billed Duration, which already includes Billed Restore Duration on SnapStart.',
    ),
    initDurationMs: nonNegative.optional().describe('Init Duration, on cold starts only.'),
    restoreDurationMs: nonNegative
      .optional()
      .describe("Restore Duration: a SnapStart version's cold start (instead of Init Duration)."),
    billedRestoreDurationMs: nonNegative
      .optional()
      .describe("Billed Restore Duration: a SnapStart version's cold start."),
    maxMemoryUsedMb: nonNegative.optional(),
    errorType: z
      .string()
      .optional()
      .describe(
        "Set when the invocation failed: Lambda's FunctionError type (e.g. Runtime.OutOfMemory, Sandbox.Timedout) or the function's own error type.",
      ),
    errorMessage: z
      .string()
      .optional()
      .describe("Lambda's own error message; a handler's message only with log-payloads."),
    payloadIndex: count.describe('Index into the payloads.'),
    coldStart: z.boolean(),
    environment: count
      .optional()
      .describe(
        'The environment block this sample came from: absent (or 0) for the planned invocations, k for the live gate’s k-th extra version of this memory size (a fresh version means fresh execution environments). The gate’s interval counts these blocks.',
      ),
  })
  .meta({ id: 'Sample', description: 'One invocation.' });

export const durationStatsSchema = z
  .object({
    count: count,
    mean: z.number(),
    trimmedMean: z.number().describe('Mean after dropping floor(n × discardTopBottom) values at each end.'),
    median: z.number(),
    p90: z.number(),
    p95: z.number(),
    p99: z.number(),
    min: z.number(),
    max: z.number(),
    stdDev: nonNegative.describe('Sample standard deviation (n − 1); 0 when count is 1.'),
    ci95Low: z.number().describe('95% Student-t confidence interval of the mean, low bound (the mean when count < 2).'),
    ci95High: z.number().describe('95% Student-t confidence interval of the mean, high bound.'),
  })
  .meta({ id: 'DurationStats', description: 'Statistics of a sample of durations, ms.' });

export const coldStartCostSchema = z
  .object({
    source: z
      .enum(['measured', 'estimated', 'unknown'])
      .describe(
        "measured: from this memory size's own cold starts. estimated: it had none, so another memory size's extra billed duration is used (fromMemoryMb). unknown: nothing to measure it from.",
      ),
    extraBilledMs: nonNegative
      .nullable()
      .describe(
        'Mean Billed Duration of the successful cold starts minus the trimmed mean Billed Duration of the warm invocations (INIT or the billed SnapStart restore, plus a slower first run); null when unknown.',
      ),
    extraCostUsd: nonNegative
      .nullable()
      .describe('What a cold invocation costs more than a warm one at this memory size; null when unknown.'),
    coldStarts: count.describe('The successful cold starts it was measured from (0 when estimated or unknown).'),
    fromMemoryMb: memoryMb.optional().describe('estimated: the memory size whose extra billed duration is used.'),
    note: z.string().optional().describe('estimated or unknown: why, in one sentence.'),
  })
  .meta({ id: 'ColdStartCost', description: 'What a cold start adds to one invocation at this memory size.' });

export const coldStartBillingSchema = z
  .object({
    billed: z
      .enum(['init', 'restore', 'none'])
      .describe(
        "What Lambda bills for a cold start: init (the INIT phase), restore (SnapStart's Billed Restore Duration) or none (zip on a managed runtime before 1 August 2025).",
      ),
    rule: z.string().describe('The rule that applied, in words.'),
  })
  .meta({
    id: 'ColdStartBilling',
    description: "What a cold invocation bills, by the function's packaging and runtime.",
  });

export const powerValueResultSchema = z
  .object({
    memoryMb: memoryMb,
    status: powerValueStatusSchema.describe('failed: left out of the recommendation (see failureReason).'),
    failureReason: z
      .string()
      .optional()
      .describe('Why this memory size was left out of the recommendation, in one sentence.'),
    invocations: count,
    errors: count.describe('Failed invocations (allowed exception types are not counted).'),
    errorTypes: z.record(z.string(), count).describe('Error type → count, allowed ones included.'),
    samples: z.array(sampleSchema).describe('Every invocation, in order.'),
    duration: durationStatsSchema
      .nullable()
      .describe(
        "Over the measured samples' durationMs (warm ones unless onlyColdStarts or none); null when nothing succeeded.",
      ),
    coldStart: durationStatsSchema
      .nullable()
      .describe('Over the Init Duration of the cold starts seen at this memory; null when none.'),
    restore: durationStatsSchema
      .optional()
      .describe('Over the Restore Duration of the SnapStart cold starts; absent when there were none.'),
    costPerInvocationUsd: nonNegative
      .nullable()
      .describe('Trimmed mean of the per-invocation cost (compute + request price).'),
    billedDurationMs: nonNegative.nullable().describe('Trimmed mean of the billed duration.'),
    coldStartCost: coldStartCostSchema.optional().describe('Absent in results from before it and in dry runs.'),
    expectedCostPerInvocationUsd: nonNegative
      .nullable()
      .optional()
      .describe(
        'costPerInvocationUsd + settings.coldStartRate × coldStartCost.extraCostUsd: the cost per invocation with cold starts; null when the extra is unknown. Monthly projections and the cost strategy use it.',
      ),
    maxMemoryUsedMb: nonNegative
      .nullable()
      .describe(
        'Peak Max Memory Used seen: the highest of every sample at this memory size, failed ones included (the memory headroom checks use it).',
      ),
    sampling: z
      .object({ rounds: count, open: z.boolean() })
      .optional()
      .describe(
        'Adaptive sampling: the rounds this memory size took part in, and whether its comparison with the leader was still open when sampling stopped.',
      ),
  })
  .meta({ id: 'PowerValueResult', description: 'One memory size: its samples and what they add up to.' });

export const pricesSchema = z
  .object({
    region: z.string(),
    architecture: architectureSchema,
    pricePerGbSecondUsd: nonNegative.describe('Compute price, first tier, on demand.'),
    pricePerRequestUsd: nonNegative,
    source: z.string().describe('Where the figures come from.'),
    asOf: z.string().describe('When the figures were read.'),
    fallback: z.boolean().describe("True when the region's prices were unknown and the default region's were used."),
  })
  .meta({ id: 'Prices', description: 'The prices used.' });

export const recommendationSchema = z
  .object({
    strategy: strategySchema,
    memoryMb: memoryMb,
    costPerInvocationUsd: nonNegative.describe('Warm cost per invocation.'),
    expectedCostPerInvocationUsd: nonNegative
      .optional()
      .describe('Expected cost per invocation, cold starts included (see PowerValueResult), when known.'),
    durationMs: nonNegative,
    reason: z.string().describe('One sentence: why this memory.'),
    skippedForHeadroom: z
      .array(
        z.object({
          memoryMb: memoryMb,
          maxMemoryUsedMb: nonNegative.describe('The peak Max Memory Used of any sample at this memory size.'),
          usedPct: nonNegative.describe('maxMemoryUsedMb / memoryMb × 100.'),
          limitPct: z.number().gt(0).max(100).describe('The max-memory-used-percent limit it was over.'),
        }),
      )
      .optional()
      .describe(
        'Memory sizes the strategy would have picked instead, left out because their peak Max Memory Used was above max-memory-used-percent (absent when none was).',
      ),
  })
  .meta({ id: 'Recommendation', description: 'The recommended memory size and why.' });

export const functionIdentitySchema = z
  .object({
    name: z.string(),
    arn: z.string().describe('Unqualified.'),
    region: z.string(),
    architecture: architectureSchema,
    runtime: z.string().optional(),
    codeSha256: z.string().optional(),
    handler: z.string().optional(),
    layers: z.array(z.string()).optional().describe("The layers' version ARNs, in order."),
    environmentSha256: z
      .string()
      .optional()
      .describe(
        "SHA-256 of the environment variables' names and values (never the values themselves): tells an unchanged configuration apart.",
      ),
    packageType: z
      .enum(['Zip', 'Image'])
      .optional()
      .describe(
        'How the code is deployed (PackageType): decides, with runtime and SnapStart, what a cold start bills.',
      ),
    snapStart: z
      .boolean()
      .optional()
      .describe('True when SnapStart applies to published versions (the versions a run measures).'),
    originalMemoryMb: memoryMb.describe('The memory before the run; the run restores it.'),
    logFormat: logFormatSchema,
  })
  .meta({ id: 'FunctionIdentity', description: 'What was tuned.' });

export const samplingSummarySchema = z
  .object({
    mode: samplingModeSchema,
    confidence: z.number().gt(0).lt(1),
    rounds: count,
    stopReason: samplingStopReasonSchema,
    reason: z.string().describe('One sentence: why sampling stopped.'),
    invocations: count.describe('Invocations spent across all memory sizes.'),
    maxInvocations: count.describe(
      'What fixed sampling at the cap would have spent: maxInvocationsPerValue × memory sizes.',
    ),
    maxInvocationsPerValue: count,
  })
  .meta({
    id: 'SamplingSummary',
    description: 'Adaptive sampling: what it spent and why it stopped (absent with fixed sampling).',
  });

export const gateSamplingSummarySchema = z
  .object({
    rounds: count.describe(
      'Rounds of extra invocations; 0 when the planned invocations already settled every comparison.',
    ),
    added: z
      .array(z.object({ memoryMb: memoryMb, invocations: count, environments: count }))
      .describe(
        'Extra invocations this function got, per memory size (only sizes that got some), in how many extra execution environments.',
      ),
    maxInvocations: count.describe(
      'The most invocations per function at a compared memory size (gate-max-invocations).',
    ),
    settled: z.boolean().describe('True when every comparison was settled; false when the budget ran out first.'),
    reason: z.string().describe('One sentence: why the extra sampling stopped.'),
    pinned: z
      .object({
        recommendedMb: memoryMb
          .nullable()
          .describe('The PR function’s recommendation at the first look: where the gate compared it.'),
        baseRecommendedMb: memoryMb
          .nullable()
          .describe('The baseline’s recommendation at the first look; null when its curve was not measured.'),
      })
      .optional()
      .describe(
        'The comparison points, pinned at the gate’s first look so a recommendation that moves while the gate samples opens no new ones; absent in results from before it.',
      ),
  })
  .meta({
    id: 'GateSamplingSummary',
    description: 'Live gate only: the extra invocations spent settling the comparisons with the baseline function.',
  });

export const runSpendSchema = z
  .object({
    invocations: count.describe(
      'Every Invoke of the function this run recorded (its samples): failed ones, cold starts, samples left out of the figures and the live gate’s environment blocks included.',
    ),
    billedInvocations: count.describe(
      'The invocations with a REPORT record (the function ran: success or function error), which Lambda bills as requests; what gbSeconds and the costs count. One without (Lambda refused it, e.g. throttled, which is not billed; or its log tail was lost) is in invocations only.',
    ),
    gbSeconds: nonNegative.describe(
      'Σ Billed Duration in seconds × memory in GB (MB / 1024) over the billed invocations; Billed Duration includes INIT and SnapStart restore where Lambda bills them.',
    ),
    requestCostUsd: nonNegative.describe('billedInvocations × the request price.'),
    computeCostUsd: nonNegative.describe('gbSeconds × the price per GB-second.'),
    costUsd: nonNegative.describe('requestCostUsd + computeCostUsd, at the run’s prices (first tier, no free tier).'),
    wallTimeSeconds: nonNegative.describe(
      'Wall-clock time from the first start to the last finish of the runs counted (a run: from reading the function to the end of clean-up).',
    ),
  })
  .meta({
    id: 'RunSpend',
    description: 'What measuring spent: invocations, GB-seconds, dollars and wall time.',
  });

const architectureFiguresSchema = z
  .object({
    costPerInvocationUsd: nonNegative.describe('Warm cost per invocation, at this architecture’s price.'),
    expectedCostPerInvocationUsd: nonNegative.optional().describe('Cold starts included, when known.'),
    durationMs: nonNegative.describe('Trimmed mean duration.'),
  })
  .nullable()
  .describe('null when this architecture has no successful measurement at this memory size.');

const architectureRatioSchema = z
  .object({
    ratio: z.number().positive().describe('arm64 / x86_64: ratio of trimmed geometric means of the samples.'),
    low: z.number().nonnegative(),
    high: z.number().nonnegative(),
    significant: z.boolean().describe('The interval excludes 1 (no difference).'),
  })
  .nullable()
  .describe('The gate’s interval (gate/stats.ts) of arm64 over x86_64; null with fewer than 2 samples a side.');

export const architectureComparisonSchema = z
  .object({
    source: z
      .enum(['compare-function', 'copy'])
      .describe(
        'Where the other architecture came from: the deployment compare-function named, or a copy the action made.',
      ),
    confidence: z.number().gt(0).lt(1).describe('Confidence of the intervals (the gate’s confidence).'),
    functions: z
      .array(
        z.object({
          architecture: architectureSchema,
          name: z.string(),
          arn: z.string(),
          prices: pricesSchema,
          recommendation: z
            .object({ memoryMb: memoryMb, costPerInvocationUsd: nonNegative, durationMs: nonNegative })
            .nullable()
            .describe('This architecture’s own recommendation by the strategy.'),
        }),
      )
      .describe('Both deployments, the tuned function first.'),
    memorySizes: z
      .array(
        z.object({
          memoryMb: memoryMb,
          x86_64: architectureFiguresSchema,
          arm64: architectureFiguresSchema,
          cost: architectureRatioSchema,
          duration: architectureRatioSchema,
        }),
      )
      .describe('One entry per memory size, ascending: both architectures’ figures and their comparison.'),
    configured: z
      .object({ architecture: architectureSchema, memoryMb: memoryMb })
      .describe('The configured pair: the tuned function’s architecture and memory.'),
    recommendation: z
      .object({
        architecture: architectureSchema,
        memoryMb: memoryMb,
        costPerInvocationUsd: nonNegative,
        expectedCostPerInvocationUsd: nonNegative.optional(),
        durationMs: nonNegative,
        savingPct: z
          .number()
          .nullable()
          .describe(
            'Cost saving against the configured pair, percent (cold starts included when both have them); null when unknown.',
          ),
        changesArchitecture: z.boolean(),
        significant: z
          .boolean()
          .describe(
            'The interval of this pick against the other architecture’s pick excludes no difference (in the strategy’s measure); false: within noise.',
          ),
        reason: z.string().describe('One sentence: why this pair.'),
      })
      .nullable()
      .describe('The recommended (architecture, memory) pair by the strategy; null when neither architecture has one.'),
  })
  .meta({
    id: 'ArchitectureComparison',
    description:
      'architectures x86_64,arm64: the function and its other-architecture deployment, tuned in the same run (docs/architectures.md).',
  });

export const runResultSchema = z
  .object({
    schemaVersion: z.literal(RESULTS_SCHEMA_VERSION),
    tool: z.object({ name: z.literal('lambda-power-gate'), version: z.string() }),
    runId: z
      .string()
      .optional()
      .describe(
        'The tuning run that measured it: functions tuned together (the PR’s and a live baseline) share it, and only then are their environment blocks paired.',
      ),
    function: functionIdentitySchema,
    settings: recordedSettingsSchema,
    prices: pricesSchema,
    powerValues: z.array(powerValueResultSchema).describe('One entry per memory size, ascending.'),
    recommendation: recommendationSchema.nullable().describe('null in a dry run or when no memory size qualifies.'),
    current: z
      .object({
        memoryMb: memoryMb,
        costPerInvocationUsd: nonNegative.nullable(),
        expectedCostPerInvocationUsd: nonNegative
          .nullable()
          .optional()
          .describe('Cold starts included; null when unknown, absent in results from before it.'),
        durationMs: nonNegative.nullable(),
      })
      .describe("The configured memory's figures; null when it was not among the power values or failed."),
    coldStartBilling: coldStartBillingSchema.optional(),
    tuningCostUsd: nonNegative.describe(
      "What this run's invocations cost (compute and requests, failed invocations included).",
    ),
    spend: runSpendSchema
      .optional()
      .describe(
        'What measuring this function spent in its run (tuningCostUsd broken down, with the invocations, GB-seconds and wall time); absent in results from before it.',
      ),
    visualizationUrl: z
      .string()
      .nullable()
      .describe('A lambda-power-tuning.show link for the successful memory sizes.'),
    sampling: samplingSummarySchema.optional(),
    gateSampling: gateSamplingSummarySchema.optional(),
    architectureComparison: architectureComparisonSchema.optional(),
    curve: z
      .enum(['full', 'compared'])
      .optional()
      .describe(
        'compared: a live baseline measured only at the memory sizes the gate compares (baseline-full-curve off), so it has no recommendation of its own; absent: every power value.',
      ),
    applied: z
      .object({
        target: z.enum(['$LATEST', 'alias']),
        alias: z.string().optional(),
        version: z.string().optional(),
        memoryMb: memoryMb,
      })
      .optional()
      .describe('Set when auto-optimize applied the recommendation.'),
    dryRun: z.boolean().describe('A dry run validates and reads the function; its powerValues have no samples.'),
    git: z
      .object({ sha: z.string().optional(), ref: z.string().optional(), pullRequest: z.int().positive().optional() })
      .optional()
      .describe('The commit and ref this run measured, when known (CI).'),
    startedAt: timestamp,
    finishedAt: timestamp,
  })
  .meta({
    id: 'RunResult',
    description:
      "One function's tuning run (schemaVersion 1; all a version 1 results.json held): the unit of baseline storage, as the data branch stores it.",
  });

export const functionStatusSchema = z
  .enum(['measured', 'unchanged', 'failed'])
  .describe(
    "measured: tuned in this run. unchanged: its code and configuration equal its baseline's, so it was not measured and carries the baseline's figures. failed: it could not be measured; the others went on.",
  );

export const functionEntrySchema = z
  .object({
    key: z
      .string()
      .min(1)
      .describe(
        "The function's name in the app (its logical id, config-file key or function name): baselines are paired by it.",
      ),
    functionName: z.string().min(1),
    status: functionStatusSchema,
    result: runResultSchema
      .nullable()
      .describe(
        'The function’s run (a version 1 run result). unchanged: the baseline’s figures, carried; null when there were none to carry.',
      ),
    baseline: runResultSchema
      .nullable()
      .optional()
      .describe('The live baseline function’s run, measured beside it (baseline-function or baseline-stack-name).'),
    otherArchitecture: runResultSchema
      .nullable()
      .optional()
      .describe(
        'architectures x86_64,arm64: the other architecture’s deployment’s run, measured beside it (its samples; the comparison is result.architectureComparison).',
      ),
    failure: z.string().optional().describe('failed: why, in one sentence.'),
    unchangedNote: z.string().optional().describe('unchanged: what it was found equal to.'),
    accepted: z
      .object({
        label: z.string(),
        by: z.string().describe('The login that added the label.'),
        at: z.string().describe('When the label was added (ISO 8601).'),
        permission: z.string().describe("GitHub's base permission of who added it: admin or write."),
        role: z.string().optional().describe('Their role when it says more (maintain, a custom role).'),
        headSha: z.string().describe('The pull request head it was read for.'),
        checks: z.array(z.string()).describe('The failing checks it covers.'),
      })
      .optional()
      .describe(
        'A fail verdict accepted on purpose with accept-label: who accepted it, when, and the checks it covers. The run passed.',
      ),
  })
  .meta({ id: 'FunctionEntry', description: 'One function of the run.' });

export const fileSpendSchema = z
  .object({
    total: runSpendSchema.describe(
      'Every function measured in this run and every live baseline and other-architecture function beside them.',
    ),
    functions: runSpendSchema.describe(
      'The functions measured (or failed part-way) in this run; unchanged functions carry an earlier run’s figures and spent nothing.',
    ),
    baselines: runSpendSchema
      .optional()
      .describe(
        'The live baseline functions measured beside them (baseline-function, baseline-stack-name); absent without one.',
      ),
    otherArchitectures: runSpendSchema
      .optional()
      .describe(
        'architectures x86_64,arm64: the other architecture’s functions (copies the run made, or compare-function deployments) tuned beside them; absent without one.',
      ),
    measuredFunctions: count.describe('How many functions’ runs are counted in functions.'),
  })
  .meta({
    id: 'RunSpendTotal',
    description:
      "What a run spent in all, split into the functions' own runs and their live baselines (stored baselines were measured, and paid for, by earlier runs).",
  });

export const resultsFileSchema = z
  .object({
    schemaVersion: z.literal(RESULTS_FILE_SCHEMA_VERSION),
    tool: z.object({ name: z.literal('lambda-power-gate'), version: z.string() }),
    key: z.string().describe('The app’s key: one sticky comment and one data-branch folder per key.'),
    git: z
      .object({ sha: z.string().optional(), ref: z.string().optional(), pullRequest: z.int().positive().optional() })
      .optional()
      .describe(
        'The commit and ref this run measured, when known (CI); aggregate mode refuses shards of another commit.',
      ),
    functions: z.array(functionEntrySchema).min(1).describe('Every function of the run, in the order they were given.'),
    spend: fileSpendSchema
      .optional()
      .describe('What the whole run spent measuring (what a pull request costs); absent in files from before it.'),
    startedAt: timestamp,
    finishedAt: timestamp,
  })
  .describe('results.json (version 2): one run of lambda-power-gate over one or more functions.');

export type Strategy = z.output<typeof strategySchema>;
export type Architecture = z.output<typeof architectureSchema>;
export type LogFormat = z.output<typeof logFormatSchema>;
export type SamplingMode = z.output<typeof samplingModeSchema>;
export type SamplingStopReason = z.output<typeof samplingStopReasonSchema>;
export type PowerValueStatus = z.output<typeof powerValueStatusSchema>;
export type WeightedPayload = z.output<typeof weightedPayloadSchema>;
export type PercentileLimit = z.output<typeof percentileLimitSchema>;
export type RecordedSettings = z.output<typeof recordedSettingsSchema>;
export type Sample = z.output<typeof sampleSchema>;
export type DurationStats = z.output<typeof durationStatsSchema>;
export type PowerValueResult = z.output<typeof powerValueResultSchema>;
export type ColdStartCost = z.output<typeof coldStartCostSchema>;
export type ColdStartBilling = z.output<typeof coldStartBillingSchema>;
export type Prices = z.output<typeof pricesSchema>;
export type Recommendation = z.output<typeof recommendationSchema>;
export type FunctionIdentity = z.output<typeof functionIdentitySchema>;
export type SamplingSummary = z.output<typeof samplingSummarySchema>;
export type GateSamplingSummary = z.output<typeof gateSamplingSummarySchema>;
export type RunSpend = z.output<typeof runSpendSchema>;
export type FileSpend = z.output<typeof fileSpendSchema>;
export type ArchitectureComparison = z.output<typeof architectureComparisonSchema>;
/** results.json: one tuning run. The unit of baseline storage, so it round-trips through JSON. */
export type RunResult = z.output<typeof runResultSchema>;
export type FunctionEntry = z.output<typeof functionEntrySchema>;
/** results.json: one run over one or more functions (version 2). */
export type ResultsFile = z.output<typeof resultsFileSchema>;
