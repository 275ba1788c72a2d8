// What cold starts add to the bill: per memory size, the extra billed cost of a cold invocation over a warm one,
// and the expected cost per invocation = warm cost + cold-start rate × that extra. Pure.
//
// Lambda's rules for what a cold invocation bills (on-demand):
// - Since 1 August 2025 the INIT phase is billed for every configuration: "Effective August 1, 2025, AWS will
//   standardize billing for the initialization (INIT) phase across all AWS Lambda function configurations. This
//   change specifically affects on-demand invocations of Lambda functions packaged as ZIP files that use managed
//   runtimes, for which the INIT phase duration was previously unbilled" (AWS Compute Blog, "AWS Lambda
//   standardizes billing for INIT Phase", aws.amazon.com/blogs/compute/aws-lambda-standardizes-billing-for-init-phase/).
//   Container images (PackageType Image) and custom runtimes (provided.*) were billed for INIT before that date;
//   REPORT's Billed Duration includes it (the blog's example: Duration 250.06 ms + Init Duration 100.77 ms → Billed
//   Duration 351 ms).
// - SnapStart: INIT runs when the version is published, not on an invocation; a cold invocation restores a
//   snapshot instead and bills its Billed Restore Duration ("the time it takes for Lambda to load the runtime and
//   run any after-restore runtime hooks. You are not charged for the time it takes to restore a snapshot";
//   docs.aws.amazon.com/lambda/latest/dg/snapstart-monitoring.html), which Billed Duration already includes (a real
//   REPORT: Duration 306.34 ms, Billed Restore Duration 303 ms, Billed Duration 610 ms).
// - How often: "INITs (cold starts) typically occur in under 1% of invocations" (the same blog post, from an
//   analysis of production workloads): the default cold-start rate, 1%, is that bound.
//
// So the extra of a measured cold start is read from its Billed Duration, the bill's own figure: it holds whatever
// the rule above bills (INIT, or the billed restore), plus a cold handler's slower first run. The rule is recorded
// so the report can say what the extra consists of. Not modelled: provisioned concurrency (its INIT is billed at
// the provisioned price, not per invocation) and SnapStart's cache charge for Python and .NET (per GB-second of
// the version's life, not per invocation).

import type { ColdStartBilling, ColdStartCost, FunctionIdentity, PowerValueResult, Prices } from '../types.js';
import { successfulSamples, type SampleRule } from './sample-rule.js';
import { trimmedMean } from './stats.js';

/** AWS: cold starts "typically occur in under 1% of invocations" (see above). A fraction of invocations. */
export const DEFAULT_COLD_START_RATE = 0.01;

/** From this instant INIT is billed for zip functions on managed runtimes too. */
export const INIT_BILLING_STANDARDISED_AT = '2025-08-01T00:00:00Z';

/**
 * The rate a computation uses: a number as given; 'auto' (measured from production logs by the front door before
 * tuning) or absent falls back to the default until it is resolved, so pure code never sees 'auto' unresolved.
 */
export function resolvedColdStartRate(rate: number | 'auto' | undefined): number {
  return typeof rate === 'number' ? rate : DEFAULT_COLD_START_RATE;
}

/** What Lambda bills for a cold invocation of this function, by packaging, runtime and SnapStart, at `at`. */
export function coldStartBilling(
  fn: Pick<FunctionIdentity, 'runtime' | 'packageType' | 'snapStart'>,
  at: Date,
): ColdStartBilling {
  if (fn.snapStart === true) {
    return {
      billed: 'restore',
      rule: 'SnapStart: INIT ran when the version was published; a cold start bills its Billed Restore Duration',
    };
  }
  if (fn.packageType === 'Image') {
    return { billed: 'init', rule: 'container image: the INIT phase is billed (it was before 1 August 2025 too)' };
  }
  if (fn.runtime?.startsWith('provided')) {
    return {
      billed: 'init',
      rule: 'custom runtime (provided.*): the INIT phase is billed (it was before 1 August 2025 too)',
    };
  }
  const standardised = at.getTime() >= Date.parse(INIT_BILLING_STANDARDISED_AT);
  if (fn.runtime === undefined || fn.runtime === '') {
    return {
      billed: 'init',
      rule: standardised
        ? 'the INIT phase is billed (every on-demand configuration since 1 August 2025)'
        : 'runtime unknown: the INIT phase is assumed billed',
    };
  }
  return standardised
    ? { billed: 'init', rule: 'zip package on a managed runtime: the INIT phase is billed since 1 August 2025' }
    : { billed: 'none', rule: 'zip package on a managed runtime: the INIT phase was not billed before 1 August 2025' };
}

/** Lambda bills a GB as 1024 MB. */
const MB_PER_GB = 1024;

/** Compute price of extra billed milliseconds at a memory size (a cold invocation is one request, like a warm one). */
export function extraCostUsd(extraBilledMs: number, memoryMb: number, prices: Prices): number {
  return (extraBilledMs / 1000) * (memoryMb / MB_PER_GB) * prices.pricePerGbSecondUsd;
}

/** warm + rate × extra: what one invocation costs on average when `rate` of them are cold starts. */
export function expectedCostPerInvocationUsd(warmCostUsd: number, rate: number, coldExtraUsd: number): number {
  return warmCostUsd + rate * coldExtraUsd;
}

/**
 * The measured extra at one memory size: mean Billed Duration of its successful cold starts minus the trimmed mean
 * Billed Duration of its warm invocations (never below 0: a cold start never bills less than it ran). Null when it
 * has no successful cold start or no warm invocation to compare with.
 */
function measuredExtra(
  entry: PowerValueResult,
  rule: SampleRule,
  discardTopBottom: number,
): { billedMs: number; coldStarts: number } | null {
  if (entry.status !== 'ok') return null;
  const successful = successfulSamples(entry.samples, rule);
  const cold = successful.filter((sample) => sample.coldStart).map((sample) => sample.billedDurationMs);
  const warm = successful.filter((sample) => !sample.coldStart).map((sample) => sample.billedDurationMs);
  if (cold.length === 0 || warm.length === 0) return null;
  const coldMean = cold.reduce((sum, value) => sum + value, 0) / cold.length;
  return { billedMs: Math.max(0, coldMean - trimmedMean(warm, discardTopBottom)), coldStarts: cold.length };
}

/**
 * Every power value with its cold-start cost and expected cost. A memory size without a measured cold start (its
 * cold invocation failed, or a stored result lacks one) takes the extra billed milliseconds of the nearest memory
 * size that has one, marked as estimated. How much Init Duration depends on memory is not documented by AWS; INIT
 * that is CPU-bound would follow the memory size's CPU share like the handler, while the runtime's own start-up
 * need not (on the emulator Init Duration showed no trend from 128 to 1769 MB: bench/init-cost.ts), so the nearest
 * size is the closest guess either way. With nothing to estimate from, the extra and the expected cost are null
 * ("unknown"), never zero.
 */
export function withColdStartCosts(
  powerValues: readonly PowerValueResult[],
  rate: number,
  prices: Prices,
  settings: SampleRule & { discardTopBottom: number },
): PowerValueResult[] {
  const measured = new Map<number, { billedMs: number; coldStarts: number }>();
  for (const entry of powerValues) {
    if (settings.onlyColdStarts) break;
    const extra = measuredExtra(entry, settings, settings.discardTopBottom);
    if (extra) measured.set(entry.memoryMb, extra);
  }
  return powerValues.map((entry) => {
    if (entry.status !== 'ok' || entry.costPerInvocationUsd === null) return entry;
    const coldStartCost = coldStartCostAt(entry.memoryMb, measured, prices, settings.onlyColdStarts);
    const expected =
      coldStartCost.extraCostUsd === null
        ? null
        : expectedCostPerInvocationUsd(entry.costPerInvocationUsd, rate, coldStartCost.extraCostUsd);
    return { ...entry, coldStartCost, expectedCostPerInvocationUsd: expected };
  });
}

function coldStartCostAt(
  memoryMb: number,
  measured: ReadonlyMap<number, { billedMs: number; coldStarts: number }>,
  prices: Prices,
  onlyColdStarts: boolean,
): ColdStartCost {
  const own = measured.get(memoryMb);
  if (own) {
    return {
      source: 'measured',
      extraBilledMs: own.billedMs,
      extraCostUsd: extraCostUsd(own.billedMs, memoryMb, prices),
      coldStarts: own.coldStarts,
    };
  }
  const nearest = [...measured.keys()].reduce<number | undefined>(
    (best, size) =>
      best === undefined ||
      Math.abs(size - memoryMb) < Math.abs(best - memoryMb) ||
      (Math.abs(size - memoryMb) === Math.abs(best - memoryMb) && size < best)
        ? size
        : best,
    undefined,
  );
  const from = nearest === undefined ? undefined : measured.get(nearest);
  if (nearest === undefined || !from) {
    return {
      source: 'unknown',
      extraBilledMs: null,
      extraCostUsd: null,
      coldStarts: 0,
      note: onlyColdStarts
        ? 'only-cold-starts measures no warm invocation to compare a cold start with'
        : 'no memory size has both a successful cold start and a warm invocation',
    };
  }
  return {
    source: 'estimated',
    extraBilledMs: from.billedMs,
    extraCostUsd: extraCostUsd(from.billedMs, memoryMb, prices),
    coldStarts: 0,
    fromMemoryMb: nearest,
    note: `no successful cold start at ${memoryMb} MB; the extra billed duration of ${nearest} MB's is used`,
  };
}
