import {
  ALL_POWER_VALUES_MB,
  clampBalancedWeight,
  MAX_MEMORY_MB,
  minimumInvocationsForWeights,
  MIN_MEMORY_MB,
  splitWeightedPayloads,
} from '../../src/tuning/plan.js';
import type { WeightedPayload } from '../../src/types.js';

const weighted = (...weights: number[]): WeightedPayload[] =>
  weights.map((weight, i) => ({ payload: `{"n":${i}}`, weight }));

describe('splitWeightedPayloads', () => {
  it('sends every invocation to a single payload', () => {
    expect(splitWeightedPayloads(weighted(1), 3)).toEqual([0, 0, 0]);
  });

  it('gives floor(w·n/total) to each and the remainder to the last, in contiguous blocks', () => {
    // weights 1,1,1 over 10: floor(10/3) = 3, 3, and the last gets 10 − 6 = 4
    expect(splitWeightedPayloads(weighted(1, 1, 1), 10)).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2, 2]);
  });

  it('follows the weights: 5,3,2 over 10 → 5, 3, 2', () => {
    expect(splitWeightedPayloads(weighted(5, 3, 2), 10)).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 2, 2]);
  });

  it('accepts fractional weights: 0.25, 0.75 over 8 → 2, 6', () => {
    expect(splitWeightedPayloads(weighted(0.25, 0.75), 8)).toEqual([0, 0, 1, 1, 1, 1, 1, 1]);
  });

  it('lets the last payload take a remainder even when its own share rounds down to 0', () => {
    // 3,3,1 over 5: floor(15/7) = 2, 2, last = 5 − 4 = 1
    expect(splitWeightedPayloads(weighted(3, 3, 1), 5)).toEqual([0, 0, 1, 1, 2]);
  });

  it('throws when a payload would get no invocation, naming the weight and the minimum', () => {
    // 5,1,4 over 5: floor(25/10) = 2, floor(5/10) = 0 → the weight-1 payload needs n ≥ 10/1 = 10
    expect(() => splitWeightedPayloads(weighted(5, 1, 4), 5)).toThrow(
      'invocations (5) is too small for 3 weighted payloads: the payload with weight 1 would get 0 invocations; use at least 10',
    );
  });

  it('computes the minimum so that it really works, and one less does not', () => {
    const weights = weighted(5, 1, 4);
    expect(splitWeightedPayloads(weights, 10)).toHaveLength(10);
    expect(() => splitWeightedPayloads(weights, 9)).toThrow('use at least 10');
  });

  it('needs at least one invocation per payload: 3 equal payloads with 2 invocations → use at least 3', () => {
    expect(() => splitWeightedPayloads(weighted(1, 1, 1), 2)).toThrow('use at least 3');
    expect(splitWeightedPayloads(weighted(1, 1, 1), 3)).toEqual([0, 1, 2]);
  });

  it('finds the minimum when the bound is not an integer: 2,1,1 → ceil(4/1) = 4', () => {
    expect(() => splitWeightedPayloads(weighted(2, 1, 1), 3)).toThrow('use at least 4');
    expect(splitWeightedPayloads(weighted(2, 1, 1), 4)).toEqual([0, 0, 1, 2]);
  });

  it('rejects empty payload lists, bad counts and non-positive weights', () => {
    expect(() => splitWeightedPayloads([], 5)).toThrow('at least one payload');
    expect(() => splitWeightedPayloads(weighted(1), 0)).toThrow('at least 1');
    expect(() => splitWeightedPayloads(weighted(1), 2.5)).toThrow('whole number');
    expect(() => splitWeightedPayloads(weighted(1, 0), 5)).toThrow('payload 2 has weight 0');
    expect(() => splitWeightedPayloads(weighted(1, -1), 5)).toThrow('weights must be positive');
    expect(() => splitWeightedPayloads(weighted(NaN), 5)).toThrow('weights must be positive');
  });
});

describe('minimumInvocationsForWeights', () => {
  it('is the number of payloads for equal weights', () => {
    expect(minimumInvocationsForWeights([1, 1, 1, 1])).toBe(4);
  });

  it('is driven by the lightest payload that is not last', () => {
    // total 100; weight 1 (first) needs 100; the last payload's small weight does not matter
    expect(minimumInvocationsForWeights([1, 98, 1])).toBe(100);
    expect(minimumInvocationsForWeights([98, 1, 1])).toBe(100);
    expect(minimumInvocationsForWeights([99, 1])).toBe(2);
  });
});

describe('clamps', () => {
  it.each([
    [-1, 0],
    [0, 0],
    [0.3, 0.3],
    [1, 1],
    [2, 1],
  ])('clampBalancedWeight(%s) = %s', (input, expected) => {
    expect(clampBalancedWeight(input)).toBe(expected);
  });

  it('rejects NaN instead of passing it on', () => {
    expect(() => clampBalancedWeight(NaN)).toThrow(RangeError);
  });
});

describe('power values', () => {
  it('exports the Lambda memory range', () => {
    expect([MIN_MEMORY_MB, MAX_MEMORY_MB]).toEqual([128, 10240]);
  });

  it('ALL is 128…3008 in steps of 64: 46 values', () => {
    expect(ALL_POWER_VALUES_MB).toHaveLength(46);
    expect(ALL_POWER_VALUES_MB[0]).toBe(128);
    expect(ALL_POWER_VALUES_MB[1]).toBe(192);
    expect(ALL_POWER_VALUES_MB[45]).toBe(3008);
    expect(Object.isFrozen(ALL_POWER_VALUES_MB)).toBe(true);
  });
});
