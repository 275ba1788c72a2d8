// The unchanged check (issue 15): a function whose code and tuning-relevant configuration equal its baseline's is
// not measured. Every field that counts makes a difference on its own; an environment variable's value never
// appears in a fingerprint, a difference or a stored run; a stored run without the fields is never called unchanged.

import type { FunctionConfiguration } from '@aws-sdk/client-lambda';
import {
  checkUnchanged,
  compareFingerprints,
  fingerprintFromConfiguration,
  fingerprintFromResult,
  type FunctionFingerprint,
} from '../../src/app/unchanged.js';
import { environmentSha256, identityFromConfiguration } from '../../src/tuning/function-config.js';
import { runResult } from '../helpers/fixtures.js';

const SECRET = 'sk_live_0123456789abcdef';

const config = (over: Partial<FunctionConfiguration> = {}): FunctionConfiguration => ({
  FunctionName: 'orders-pr-42-CreateOrder',
  FunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:orders-pr-42-CreateOrder',
  CodeSha256: 'Yl6wT4Zq0c2cE2xw6m1O0bCz5yJ1mAf4s4tWq7bXk3E=',
  Runtime: 'nodejs20.x',
  Architectures: ['x86_64'],
  Handler: 'index.handler',
  MemorySize: 512,
  Layers: [{ Arn: 'arn:aws:lambda:us-east-1:123456789012:layer:shared:7', CodeSize: 10 }],
  Environment: { Variables: { STRIPE_KEY: SECRET, TABLE: 'orders' } },
  Description: 'whatever',
  Timeout: 10,
  ...over,
});

function fingerprint(over: Partial<FunctionConfiguration> = {}): FunctionFingerprint {
  const result = fingerprintFromConfiguration(config(over));
  if (!('fingerprint' in result)) throw new Error(result.missing);
  return result.fingerprint;
}

describe('compareFingerprints', () => {
  it('calls equal configurations unchanged, whatever the description, timeout or order of variables', () => {
    const reordered = fingerprint({
      Description: 'another',
      Timeout: 30,
      Environment: { Variables: { TABLE: 'orders', STRIPE_KEY: SECRET } },
    });
    expect(compareFingerprints(reordered, fingerprint())).toEqual({ unchanged: true });
  });

  it.each<[string, Partial<FunctionConfiguration>, string]>([
    ['the code', { CodeSha256: 'b3RoZXIgY29kZQ==' }, 'code'],
    ['the runtime', { Runtime: 'nodejs22.x' }, 'runtime nodejs20.x → nodejs22.x'],
    ['the architecture', { Architectures: ['arm64'] }, 'architecture x86_64 → arm64'],
    ['the handler', { Handler: 'src/index.main' }, 'handler index.handler → src/index.main'],
    ['the memory', { MemorySize: 1024 }, 'memory 512 → 1024 MB'],
    ['a layer version', { Layers: [{ Arn: 'arn:aws:lambda:us-east-1:123456789012:layer:shared:8' }] }, 'layers'],
    [
      'a layer added',
      {
        Layers: [
          { Arn: 'arn:aws:lambda:us-east-1:123456789012:layer:shared:7' },
          { Arn: 'arn:aws:lambda:us-east-1:123456789012:layer:x:1' },
        ],
      },
      'layers (1 → 2)',
    ],
    [
      'an environment value',
      { Environment: { Variables: { STRIPE_KEY: `${SECRET}x`, TABLE: 'orders' } } },
      'environment variables',
    ],
    [
      'an environment name',
      { Environment: { Variables: { STRIPE_KEY2: SECRET, TABLE: 'orders' } } },
      'environment variables',
    ],
    ['no environment at all', { Environment: undefined }, 'environment variables'],
  ])('%s changed → not unchanged, saying "%s"', (_what, over, difference) => {
    expect(compareFingerprints(fingerprint(over), fingerprint())).toEqual({
      unchanged: false,
      differences: [difference],
    });
  });

  it('names every difference at once, in a fixed order', () => {
    const check = compareFingerprints(fingerprint({ CodeSha256: 'x', MemorySize: 256, Layers: [] }), fingerprint());
    expect(check).toEqual({ unchanged: false, differences: ['code', 'memory 512 → 256 MB', 'layers (1 → 0)'] });
  });

  it('makes a handler from the function inert in what it says', () => {
    const check = compareFingerprints(fingerprint({ Handler: 'a\n::error::x' }), fingerprint());
    expect(check).toEqual({ unchanged: false, differences: ['handler index.handler → a ::error::x'] });
  });

  it('never holds or shows an environment value', () => {
    const pr = fingerprint({ Environment: { Variables: { STRIPE_KEY: 'sk_live_other', TABLE: 'orders' } } });
    const text = JSON.stringify([pr, fingerprint(), compareFingerprints(pr, fingerprint())]);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('sk_live_other');
    expect(text).not.toContain('orders"');
    expect(pr.environmentSha256).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('fingerprints of stored runs', () => {
  it('equal the live function they were measured on (identity recorded by the engine)', () => {
    const identity = identityFromConfiguration(config(), 'us-east-1');
    const stored = runResult({ 1024: 40 }, { function: identity });
    expect(JSON.stringify(stored)).not.toContain(SECRET);
    expect(checkUnchanged(fingerprintFromConfiguration(config()), fingerprintFromResult(stored))).toEqual({
      unchanged: true,
    });
    expect(
      checkUnchanged(fingerprintFromConfiguration(config({ MemorySize: 1024 })), fingerprintFromResult(stored)),
    ).toEqual({ unchanged: false, differences: ['memory 512 → 1024 MB'] });
  });

  it('cannot call a function unchanged against a run stored without layers and the environment hash: it says so', () => {
    const old = runResult({ 1024: 40 }); // a run stored before these fields existed
    expect(old.function.layers).toBeUndefined();
    expect(fingerprintFromResult(old)).toEqual({
      missing:
        'the stored run does not record layers, the environment hash (written by an older version of lambda-power-gate)',
    });
    expect(checkUnchanged(fingerprintFromConfiguration(config()), fingerprintFromResult(old))).toEqual({
      unchanged: false,
      differences: [
        'cannot tell: the stored run does not record layers, the environment hash (written by an older version of lambda-power-gate)',
      ],
    });
  });

  it('cannot fingerprint a configuration without CodeSha256', () => {
    expect(fingerprintFromConfiguration(config({ CodeSha256: undefined }))).toEqual({
      missing: 'its configuration has no CodeSha256',
    });
  });
});

describe('environmentSha256', () => {
  it('depends on names and values, not on their order, and tells no value', () => {
    expect(environmentSha256({ A: '1', B: '2' })).toBe(environmentSha256({ B: '2', A: '1' }));
    expect(environmentSha256({ A: '1' })).not.toBe(environmentSha256({ A: '2' }));
    expect(environmentSha256({ A: '1' })).not.toBe(environmentSha256({ B: '1' }));
    // Names and values cannot be shifted into each other.
    expect(environmentSha256({ AB: 'C' })).not.toBe(environmentSha256({ A: 'BC' }));
    expect(environmentSha256({})).toMatch(/^[0-9a-f]{64}$/);
  });
});
