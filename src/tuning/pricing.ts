// AWS Lambda on-demand prices: compute per GB-second (first monthly tier) and price per request, by region and
// architecture.
//
// Source: the AWS Pricing Calculator's Lambda price data (calculator.aws, pricing/2.0/meteredUnitMaps/lambda/
// USD/current/lambda.json: "Lambda Duration", "Lambda Duration-ARM", "Lambda Requests", "Lambda Requests-ARM"),
// as transcribed in the remotion-dev/remotion repository (packages/lambda pricing table), cross-checked with
// aws.amazon.com/lambda/pricing (us-east-1: $0.0000166667/GB-s x86, $0.0000133334/GB-s Arm, $0.20 per 1M
// requests) and with independently published regional tables for af-south-1, ap-east-1, eu-south-1, me-south-1.
// me-central-1 and ap-southeast-3 are not in that transcription: each is taken from two independent public
// tables that agree (see docs/pricing.md). Read on 2026-11-28.
// il-central-1 ($0.0000175 per GB-s x86, $0.21 per 1M requests) and the standard prices of ap-south-2, eu-south-2
// and ca-west-1 are from the project's checked reference (shared/reference/real-service-facts.md, "Lambda
// billing"), read on 2026-12-01; il-central-1's arm64 price is its x86 price × 0.8, the ratio every region in this
// table has (0.0000133334 / 0.0000166667, 0.0000146667 / 0.0000183334, …).
//
// Not modelled: the cheaper higher tiers (x86 above 6 billion GB-s a month, Arm above 7.5 billion), the free
// tier, Savings Plans, provisioned concurrency, ephemeral storage above 512 MB, SnapStart cache/restore charges
// and data transfer. See docs/pricing.md.

import type { Architecture, Prices } from '../types.js';

export const PRICES_SOURCE =
  'AWS Pricing Calculator Lambda price data (first-tier on-demand duration and request prices), ' +
  'as transcribed in remotion-dev/remotion and cross-checked with aws.amazon.com/lambda/pricing';
export const PRICES_AS_OF = '2026-11-28';
export const DEFAULT_PRICE_REGION = 'us-east-1';

interface RegionPrices {
  x86PerGbSecondUsd: number;
  armPerGbSecondUsd: number;
  /** Same for both architectures in every region listed. */
  perRequestUsd: number;
}

// Most regions share the us-east-1 figures; the differing ones are spelled out.
const STANDARD: RegionPrices = {
  x86PerGbSecondUsd: 0.0000166667,
  armPerGbSecondUsd: 0.0000133334,
  perRequestUsd: 0.0000002,
};

const REGION_PRICES: Readonly<Record<string, RegionPrices>> = {
  'us-east-1': STANDARD,
  'us-east-2': STANDARD,
  'us-west-1': STANDARD,
  'us-west-2': STANDARD,
  'ca-central-1': STANDARD,
  'sa-east-1': STANDARD,
  'eu-west-1': STANDARD,
  'eu-west-2': STANDARD,
  'eu-west-3': STANDARD,
  'eu-central-1': STANDARD,
  'eu-north-1': STANDARD,
  'ap-south-1': STANDARD,
  'ap-northeast-1': STANDARD,
  'ap-northeast-2': STANDARD,
  'ap-northeast-3': STANDARD,
  'ap-southeast-1': STANDARD,
  'ap-southeast-2': STANDARD,
  'ap-southeast-3': STANDARD,
  'ap-southeast-4': STANDARD,
  'ap-south-2': STANDARD,
  'eu-south-2': STANDARD,
  'ca-west-1': STANDARD,
  'il-central-1': { x86PerGbSecondUsd: 0.0000175, armPerGbSecondUsd: 0.000014, perRequestUsd: 0.00000021 },
  'eu-central-2': { x86PerGbSecondUsd: 0.0000183334, armPerGbSecondUsd: 0.0000146667, perRequestUsd: 0.00000022 },
  'eu-south-1': { x86PerGbSecondUsd: 0.0000195172, armPerGbSecondUsd: 0.0000156138, perRequestUsd: 0.00000023 },
  'me-south-1': { x86PerGbSecondUsd: 0.0000206667, armPerGbSecondUsd: 0.0000165334, perRequestUsd: 0.00000025 },
  'me-central-1': { x86PerGbSecondUsd: 0.0000206667, armPerGbSecondUsd: 0.0000165334, perRequestUsd: 0.00000025 },
  'af-south-1': { x86PerGbSecondUsd: 0.0000221, armPerGbSecondUsd: 0.00001768, perRequestUsd: 0.00000027 },
  'ap-east-1': { x86PerGbSecondUsd: 0.00002292, armPerGbSecondUsd: 0.0000183, perRequestUsd: 0.00000028 },
  'ap-southeast-5': { x86PerGbSecondUsd: 0.000015, armPerGbSecondUsd: 0.000012, perRequestUsd: 0.00000018 },
};

/** Regions with their own prices, sorted; any other region gets the us-east-1 prices with fallback: true. */
export const PRICED_REGIONS: readonly string[] = Object.keys(REGION_PRICES).sort();

/**
 * Prices for one region and architecture. An unknown region (GovCloud, China, a region newer than this table)
 * gets the us-east-1 prices with `fallback: true`; the caller warns.
 */
export function pricesFor(region: string, architecture: Architecture): Prices {
  const known = Object.hasOwn(REGION_PRICES, region) ? REGION_PRICES[region] : undefined;
  const table = known ?? STANDARD;
  return {
    region,
    architecture,
    pricePerGbSecondUsd: architecture === 'arm64' ? table.armPerGbSecondUsd : table.x86PerGbSecondUsd,
    pricePerRequestUsd: table.perRequestUsd,
    source: known ? PRICES_SOURCE : `${PRICES_SOURCE}; region not in the table, ${DEFAULT_PRICE_REGION} prices used`,
    asOf: PRICES_AS_OF,
    fallback: known === undefined,
  };
}

/** Lambda bills a GB as 1024 MB. */
const MB_PER_GB = 1024;

/**
 * Compute plus request price of one invocation:
 * billedDurationMs / 1000 × memoryMb / 1024 × pricePerGbSecondUsd + pricePerRequestUsd.
 */
export function costPerInvocationUsd(billedDurationMs: number, memoryMb: number, prices: Prices): number {
  const gbSeconds = (billedDurationMs / 1000) * (memoryMb / MB_PER_GB);
  return gbSeconds * prices.pricePerGbSecondUsd + prices.pricePerRequestUsd;
}
