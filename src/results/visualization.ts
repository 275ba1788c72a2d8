// Links to lambda-power-tuning.show, the chart site of AWS Lambda Power Tuning: part of results.json
// (visualizationUrl, built by the engine) and of the report (the compare link), so it lives below both.
//
// The site reads everything from the URL fragment, parts joined by ';':
//   single:  powers ; durations ; costs
//   compare: powers1 ; durations1 ; costs1 ; powers2 ; durations2 ; costs2 ; legend1 ; legend2
// powers are the raw bytes of an Int16Array, durations (ms) and costs (USD per invocation) of Float32Arrays,
// each in standard base64 (with padding). The site decodes them into typed arrays on a little-endian machine,
// so the bytes are written little-endian explicitly here. The legends are percent-encoded (the site reads
// them with decodeURIComponent), which also keeps a ';' in a legend from splitting the fragment.

export const VISUALIZATION_BASE_URL = 'https://lambda-power-tuning.show/';

export interface VisualizationPoint {
  memoryMb: number;
  durationMs: number;
  costUsd: number;
}

export type DecodedVisualization =
  | { kind: 'single'; points: VisualizationPoint[] }
  | { kind: 'compare'; a: VisualizationPoint[]; b: VisualizationPoint[]; legendA: string; legendB: string };

const PART_SEPARATOR = ';';
const INT16_BYTES = 2;
const FLOAT32_BYTES = 4;

function int16Base64(values: readonly number[]): string {
  const view = new DataView(new ArrayBuffer(values.length * INT16_BYTES));
  values.forEach((value, i) => {
    if (!Number.isInteger(value) || value < -32768 || value > 32767) {
      throw new RangeError(`memory ${value} MB does not fit the visualization's 16-bit integers`);
    }
    view.setInt16(i * INT16_BYTES, value, true);
  });
  return Buffer.from(view.buffer).toString('base64');
}

function float32Base64(values: readonly number[]): string {
  const view = new DataView(new ArrayBuffer(values.length * FLOAT32_BYTES));
  values.forEach((value, i) => view.setFloat32(i * FLOAT32_BYTES, value, true));
  return Buffer.from(view.buffer).toString('base64');
}

function bytesOf(part: string, elementBytes: number, what: string): DataView {
  const bytes = Buffer.from(part, 'base64');
  if (bytes.length % elementBytes !== 0) {
    throw new Error(`the ${what} part is ${bytes.length} bytes, not a multiple of ${elementBytes}`);
  }
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
}

function decodeInt16(part: string, what: string): number[] {
  const view = bytesOf(part, INT16_BYTES, what);
  return Array.from({ length: view.byteLength / INT16_BYTES }, (_, i) => view.getInt16(i * INT16_BYTES, true));
}

function decodeFloat32(part: string, what: string): number[] {
  const view = bytesOf(part, FLOAT32_BYTES, what);
  return Array.from({ length: view.byteLength / FLOAT32_BYTES }, (_, i) => view.getFloat32(i * FLOAT32_BYTES, true));
}

/** The three hash parts of one series, sorted by memory. */
function seriesParts(points: readonly VisualizationPoint[]): string[] {
  const sorted = [...points].sort((a, b) => a.memoryMb - b.memoryMb);
  return [
    int16Base64(sorted.map((p) => p.memoryMb)),
    float32Base64(sorted.map((p) => p.durationMs)),
    float32Base64(sorted.map((p) => p.costUsd)),
  ];
}

/**
 * The chart of one run. Points are sorted by memory; durations and costs are stored as 32-bit floats, so they
 * round to ~7 significant digits. With no points the hash is ";;" (the site then shows its error page), so a
 * caller with nothing to chart should store null instead.
 */
export function visualizationUrl(points: readonly VisualizationPoint[]): string {
  return `${VISUALIZATION_BASE_URL}#${seriesParts(points).join(PART_SEPARATOR)}`;
}

/** Two runs on one chart (e.g. base branch vs pull request), with their legends. */
export function compareVisualizationUrl(
  a: readonly VisualizationPoint[],
  b: readonly VisualizationPoint[],
  legendA: string,
  legendB: string,
): string {
  const parts = [...seriesParts(a), ...seriesParts(b), encodeURIComponent(legendA), encodeURIComponent(legendB)];
  return `${VISUALIZATION_BASE_URL}#${parts.join(PART_SEPARATOR)}`;
}

function decodeSeries(powers: string, durations: string, costs: string): VisualizationPoint[] {
  const memoryMb = decodeInt16(powers, 'powers');
  const durationMs = decodeFloat32(durations, 'durations');
  const costUsd = decodeFloat32(costs, 'costs');
  if (durationMs.length !== memoryMb.length || costUsd.length !== memoryMb.length) {
    throw new Error(
      `the hash has ${memoryMb.length} powers, ${durationMs.length} durations and ${costUsd.length} costs`,
    );
  }
  return memoryMb.map((memory, i) => ({
    memoryMb: memory,
    durationMs: durationMs[i] ?? NaN,
    costUsd: costUsd[i] ?? NaN,
  }));
}

/**
 * Reads a visualization hash back (with or without the URL and '#' in front). Values come back as the 32-bit
 * floats that were stored.
 * @throws Error when the hash has neither 3 nor 8 parts or the parts do not line up.
 */
export function decodeVisualizationHash(hash: string): DecodedVisualization {
  const fragment = hash.includes('#') ? hash.slice(hash.indexOf('#') + 1) : hash;
  const parts = fragment.split(PART_SEPARATOR);
  const [p1 = '', t1 = '', c1 = '', p2 = '', t2 = '', c2 = '', legendA = '', legendB = ''] = parts;
  if (parts.length === 3) return { kind: 'single', points: decodeSeries(p1, t1, c1) };
  if (parts.length === 8) {
    return {
      kind: 'compare',
      a: decodeSeries(p1, t1, c1),
      b: decodeSeries(p2, t2, c2),
      legendA: decodeURIComponent(legendA),
      legendB: decodeURIComponent(legendB),
    };
  }
  throw new Error(`a visualization hash has 3 or 8 parts separated by ';', this one has ${parts.length}`);
}
