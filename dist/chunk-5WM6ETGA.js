import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);

// src/results/visualization.ts
var VISUALIZATION_BASE_URL = "https://lambda-power-tuning.show/";
var PART_SEPARATOR = ";";
var INT16_BYTES = 2;
var FLOAT32_BYTES = 4;
function int16Base64(values) {
  const view = new DataView(new ArrayBuffer(values.length * INT16_BYTES));
  values.forEach((value, i) => {
    if (!Number.isInteger(value) || value < -32768 || value > 32767) {
      throw new RangeError(`memory ${value} MB does not fit the visualization's 16-bit integers`);
    }
    view.setInt16(i * INT16_BYTES, value, true);
  });
  return Buffer.from(view.buffer).toString("base64");
}
function float32Base64(values) {
  const view = new DataView(new ArrayBuffer(values.length * FLOAT32_BYTES));
  values.forEach((value, i) => view.setFloat32(i * FLOAT32_BYTES, value, true));
  return Buffer.from(view.buffer).toString("base64");
}
function seriesParts(points) {
  const sorted = [...points].sort((a, b) => a.memoryMb - b.memoryMb);
  return [
    int16Base64(sorted.map((p) => p.memoryMb)),
    float32Base64(sorted.map((p) => p.durationMs)),
    float32Base64(sorted.map((p) => p.costUsd))
  ];
}
function visualizationUrl(points) {
  return `${VISUALIZATION_BASE_URL}#${seriesParts(points).join(PART_SEPARATOR)}`;
}
function compareVisualizationUrl(a, b, legendA, legendB) {
  const parts = [...seriesParts(a), ...seriesParts(b), encodeURIComponent(legendA), encodeURIComponent(legendB)];
  return `${VISUALIZATION_BASE_URL}#${parts.join(PART_SEPARATOR)}`;
}

export {
  visualizationUrl,
  compareVisualizationUrl
};
