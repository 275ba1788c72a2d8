// Which samples a power value's figures come from. One rule for the tuner's statistics, adaptive sampling and the
// gate, so they can never disagree about what was measured.

import type { Sample, TuningSettings } from '../types.js';

export type SampleRule = Pick<TuningSettings, 'allowedExceptions' | 'onlyColdStarts'>;

/** Samples without an error, or with an error type the user allowed. */
export function successfulSamples(samples: readonly Sample[], rule: Pick<SampleRule, 'allowedExceptions'>): Sample[] {
  const allowed = new Set(rule.allowedExceptions);
  return samples.filter((sample) => sample.errorType === undefined || allowed.has(sample.errorType));
}

/**
 * The successful samples the figures use. Each memory size runs on a fresh version, so its first invocation is
 * always a cold start: an artefact of tuning, not of the function's traffic. Warm figures leave cold starts out
 * (they get statistics of their own) unless cold starts are what is being measured, or all there is.
 */
export function measuredSamples(samples: readonly Sample[], rule: SampleRule): Sample[] {
  const successful = successfulSamples(samples, rule);
  const warm = successful.filter((sample) => !sample.coldStart);
  return rule.onlyColdStarts || warm.length === 0 ? successful : warm;
}
