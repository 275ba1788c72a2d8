import {
  compareVisualizationUrl,
  decodeVisualizationHash,
  visualizationUrl,
  type VisualizationPoint,
} from '../../src/results/visualization.js';

// Hand-computed little-endian bytes:
//   Int16 128, 256      → 80 00 | 00 01          → "gAAAAQ=="
//   Float32 1.0, 2.0    → 00 00 80 3F | 00 00 00 40 → "AACAPwAAAEA="
//   Float32 0.5         → 00 00 00 3F             → "AAAAPw=="
const BASE = 'https://lambda-power-tuning.show/#';

// Published outputs of AWS Lambda Power Tuning (public tuning write-ups), with the figures the tool printed
// next to them: {"power":128,"cost":4.2e-9,"duration":1.135} and {"power":512,"cost":0.0000509712,"duration":6067.418}.
const PUBLISHED_HASH_1 = 'gAAAAQACAAQACMAL;rkeRP8P1qD/JL4Y/lvySP7y7mz/lF4s/;l0+QMZdPEDKXT5Ayl08QM5dPkDPm9NMz';
const PUBLISHED_HASH_2 =
  'gAAAAQACAAQABgAIwAsAKA==;5njERiCGREZZm71F9rxARW12AkU66d5EDqzeRLFs30Q=;a4NdODSTXTjpyVU42k9ZOLixXDipans4V224ONx8nTk=';

describe('visualizationUrl', () => {
  it('encodes powers as Int16 and durations/costs as Float32, little-endian base64, joined by ";"', () => {
    const url = visualizationUrl([
      { memoryMb: 128, durationMs: 1, costUsd: 0.5 },
      { memoryMb: 256, durationMs: 2, costUsd: 0.5 },
    ]);
    expect(url).toBe(`${BASE}gAAAAQ==;AACAPwAAAEA=;AAAAPwAAAD8=`);
  });

  it('sorts the points by memory first', () => {
    const sorted = visualizationUrl([
      { memoryMb: 128, durationMs: 1, costUsd: 0.5 },
      { memoryMb: 256, durationMs: 2, costUsd: 0.5 },
    ]);
    const shuffled = visualizationUrl([
      { memoryMb: 256, durationMs: 2, costUsd: 0.5 },
      { memoryMb: 128, durationMs: 1, costUsd: 0.5 },
    ]);
    expect(shuffled).toBe(sorted);
  });

  it('reproduces hashes the original tool published, byte for byte', () => {
    for (const hash of [PUBLISHED_HASH_1, PUBLISHED_HASH_2]) {
      const decoded = decodeVisualizationHash(hash);
      if (decoded.kind !== 'single') throw new Error('expected a single series');
      expect(visualizationUrl(decoded.points)).toBe(`${BASE}${hash}`);
    }
  });

  it('decodes a published hash to the figures the tool printed', () => {
    const first = decodeVisualizationHash(PUBLISHED_HASH_1);
    const second = decodeVisualizationHash(PUBLISHED_HASH_2);
    if (first.kind !== 'single' || second.kind !== 'single') throw new Error('expected single series');
    expect(first.points.map((p) => p.memoryMb)).toEqual([128, 256, 512, 1024, 2048, 3008]);
    expect(first.points[0]?.durationMs).toBeCloseTo(1.135, 6);
    expect(first.points[0]?.costUsd).toBeCloseTo(4.2e-9, 15);
    expect(second.points.map((p) => p.memoryMb)).toEqual([128, 256, 512, 1024, 1536, 2048, 3008, 10240]);
    expect(second.points[2]?.durationMs).toBeCloseTo(6067.418, 2);
    expect(second.points[2]?.costUsd).toBeCloseTo(0.0000509712, 11);
  });

  it('gives an empty three-part hash for no points', () => {
    expect(visualizationUrl([])).toBe(`${BASE};;`);
  });

  it('rejects memory that does not fit 16-bit integers', () => {
    expect(() => visualizationUrl([{ memoryMb: 40000, durationMs: 1, costUsd: 1 }])).toThrow(RangeError);
    expect(() => visualizationUrl([{ memoryMb: 128.5, durationMs: 1, costUsd: 1 }])).toThrow('16-bit');
  });
});

describe('compareVisualizationUrl', () => {
  const base: VisualizationPoint[] = [
    { memoryMb: 256, durationMs: 2, costUsd: 0.5 },
    { memoryMb: 128, durationMs: 1, costUsd: 0.5 },
  ];
  const pr: VisualizationPoint[] = [{ memoryMb: 128, durationMs: 0.5, costUsd: 1 }];

  it('is the 8-part hash p1;t1;c1;p2;t2;c2;legend1;legend2 with percent-encoded legends', () => {
    // Int16 128 → "gAA=", Float32 0.5 → "AAAAPw==", Float32 1.0 → "AACAPw=="
    expect(compareVisualizationUrl(base, pr, 'main (base)', 'PR #12; arm64')).toBe(
      `${BASE}gAAAAQ==;AACAPwAAAEA=;AAAAPwAAAD8=;gAA=;AAAAPw==;AACAPw==;main%20(base);PR%20%2312%3B%20arm64`,
    );
  });

  it('round-trips through decodeVisualizationHash, legends with ";" and Unicode included', () => {
    const url = compareVisualizationUrl(base, pr, 'base ✓', 'a;b#c%');
    expect(decodeVisualizationHash(url)).toEqual({
      kind: 'compare',
      a: [
        { memoryMb: 128, durationMs: 1, costUsd: 0.5 },
        { memoryMb: 256, durationMs: 2, costUsd: 0.5 },
      ],
      b: [{ memoryMb: 128, durationMs: 0.5, costUsd: 1 }],
      legendA: 'base ✓',
      legendB: 'a;b#c%',
    });
  });
});

describe('decodeVisualizationHash', () => {
  it('accepts a full URL, a "#hash" or a bare hash', () => {
    const points = [{ memoryMb: 512, durationMs: 0.5, costUsd: 2 }];
    const url = visualizationUrl(points);
    const fragment = url.slice(url.indexOf('#'));
    for (const input of [url, fragment, fragment.slice(1)]) {
      expect(decodeVisualizationHash(input)).toEqual({ kind: 'single', points });
    }
  });

  it('returns the float32 values that were stored', () => {
    const decoded = decodeVisualizationHash(visualizationUrl([{ memoryMb: 128, durationMs: 0.1, costUsd: 0.1 }]));
    if (decoded.kind !== 'single') throw new Error('expected a single series');
    expect(decoded.points[0]?.durationMs).toBe(Math.fround(0.1));
    expect(decoded.points[0]?.durationMs).not.toBe(0.1);
  });

  it('rejects a hash with the wrong number of parts', () => {
    expect(() => decodeVisualizationHash('gAA=;AACAPw==')).toThrow('3 or 8 parts');
    expect(() => decodeVisualizationHash('a;b;c;d')).toThrow('this one has 4');
  });

  it('rejects parts that do not line up', () => {
    expect(() => decodeVisualizationHash('gAAAAQ==;AACAPw==;AACAPw==')).toThrow('2 powers, 1 durations and 1 costs');
    expect(() => decodeVisualizationHash('gA==;AACAPw==;AACAPw==')).toThrow('not a multiple of 2');
  });
});
