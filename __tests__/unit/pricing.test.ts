import {
  costPerInvocationUsd,
  DEFAULT_PRICE_REGION,
  PRICED_REGIONS,
  pricesFor,
  PRICES_AS_OF,
} from '../../src/tuning/pricing.js';

describe('pricesFor', () => {
  it('us-east-1 x86_64: $0.0000166667 per GB-s and $0.20 per million requests', () => {
    expect(pricesFor('us-east-1', 'x86_64')).toMatchObject({
      region: 'us-east-1',
      architecture: 'x86_64',
      pricePerGbSecondUsd: 0.0000166667,
      pricePerRequestUsd: 0.0000002,
      fallback: false,
      asOf: PRICES_AS_OF,
    });
  });

  it('us-east-1 arm64 is 20% cheaper per GB-s, same request price', () => {
    const arm = pricesFor('us-east-1', 'arm64');
    expect(arm.pricePerGbSecondUsd).toBe(0.0000133334);
    expect(arm.pricePerRequestUsd).toBe(0.0000002);
  });

  it.each([
    // region, x86 $/GB-s, arm $/GB-s, $/request
    ['af-south-1', 0.0000221, 0.00001768, 0.00000027],
    ['ap-east-1', 0.00002292, 0.0000183, 0.00000028],
    ['eu-south-1', 0.0000195172, 0.0000156138, 0.00000023],
    ['eu-central-2', 0.0000183334, 0.0000146667, 0.00000022],
    ['me-south-1', 0.0000206667, 0.0000165334, 0.00000025],
    ['me-central-1', 0.0000206667, 0.0000165334, 0.00000025],
    ['ap-southeast-5', 0.000015, 0.000012, 0.00000018],
    ['eu-west-1', 0.0000166667, 0.0000133334, 0.0000002],
    ['ap-northeast-3', 0.0000166667, 0.0000133334, 0.0000002],
    // Not fallbacks any more (issue 12): Tel Aviv about 5% above us-east-1, the others standard.
    ['il-central-1', 0.0000175, 0.000014, 0.00000021],
    ['ap-south-2', 0.0000166667, 0.0000133334, 0.0000002],
    ['eu-south-2', 0.0000166667, 0.0000133334, 0.0000002],
    ['ca-west-1', 0.0000166667, 0.0000133334, 0.0000002],
  ])('%s has its own prices', (region, x86, arm, request) => {
    expect(pricesFor(region, 'x86_64')).toMatchObject({
      pricePerGbSecondUsd: x86,
      pricePerRequestUsd: request,
      fallback: false,
    });
    expect(pricesFor(region, 'arm64')).toMatchObject({
      pricePerGbSecondUsd: arm,
      pricePerRequestUsd: request,
      fallback: false,
    });
  });

  it('an unknown region gets the us-east-1 prices, flagged as a fallback, and keeps its own name', () => {
    const prices = pricesFor('xx-nowhere-9', 'arm64');
    const reference = pricesFor(DEFAULT_PRICE_REGION, 'arm64');
    expect(prices).toMatchObject({
      region: 'xx-nowhere-9',
      architecture: 'arm64',
      pricePerGbSecondUsd: reference.pricePerGbSecondUsd,
      pricePerRequestUsd: reference.pricePerRequestUsd,
      fallback: true,
    });
    expect(prices.source).toContain('us-east-1 prices used');
  });

  it('does not treat Object prototype names as regions', () => {
    expect(pricesFor('constructor', 'x86_64').fallback).toBe(true);
    expect(pricesFor('__proto__', 'x86_64').fallback).toBe(true);
  });

  it('names a source and a date', () => {
    const prices = pricesFor('eu-west-1', 'x86_64');
    expect(prices.source).toMatch(/AWS/);
    expect(prices.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('lists at least the main commercial regions', () => {
    expect(PRICED_REGIONS.length).toBeGreaterThanOrEqual(26);
    expect(PRICED_REGIONS).toEqual(
      expect.arrayContaining(['us-east-1', 'eu-central-1', 'ap-southeast-2', 'sa-east-1']),
    );
  });

  it('arm64 is 0.8 × x86_64 per GB-s in every region (within rounding of the published figures)', () => {
    for (const region of PRICED_REGIONS) {
      const ratio = pricesFor(region, 'arm64').pricePerGbSecondUsd / pricesFor(region, 'x86_64').pricePerGbSecondUsd;
      expect(ratio).toBeCloseTo(0.8, 2);
    }
  });

  it('never charges more for arm64 than for x86_64, and the request price is the same for both', () => {
    for (const region of PRICED_REGIONS) {
      const x86 = pricesFor(region, 'x86_64');
      const arm = pricesFor(region, 'arm64');
      expect(arm.pricePerGbSecondUsd).toBeLessThan(x86.pricePerGbSecondUsd);
      expect(arm.pricePerRequestUsd).toBe(x86.pricePerRequestUsd);
    }
  });
});

describe('costPerInvocationUsd', () => {
  const usEast1 = pricesFor('us-east-1', 'x86_64');

  it('1 s at 1024 MB = 1 GB-s: $0.0000166667 + $0.0000002', () => {
    expect(costPerInvocationUsd(1000, 1024, usEast1)).toBeCloseTo(0.0000168667, 15);
  });

  it('bills a GB as 1024 MB: 100 ms at 512 MB = 0.05 GB-s', () => {
    // 0.1 s × 0.5 GB × 0.0000166667 = 0.000000833335; + 0.0000002
    expect(costPerInvocationUsd(100, 512, usEast1)).toBeCloseTo(0.000001033335, 15);
  });

  it('128 MB for 1 ms costs 1/8000 GB-s plus the request', () => {
    // 0.001 × 0.125 × 0.0000166667 = 2.0833375e-9
    expect(costPerInvocationUsd(1, 128, usEast1)).toBeCloseTo(2.0833375e-9 + 2e-7, 18);
  });

  it('0 ms still costs the request price', () => {
    expect(costPerInvocationUsd(0, 3008, usEast1)).toBe(0.0000002);
  });

  it('uses the given prices: arm64 in af-south-1, 250 ms at 2048 MB', () => {
    // 0.25 s × 2 GB × 0.00001768 = 0.00000884; + 0.00000027
    expect(costPerInvocationUsd(250, 2048, pricesFor('af-south-1', 'arm64'))).toBeCloseTo(0.00000911, 15);
  });
});
