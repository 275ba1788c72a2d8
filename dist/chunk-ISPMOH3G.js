import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);

// src/results/version.ts
var RESULTS_SCHEMA_VERSION = 1;
var RESULTS_FILE_SCHEMA_VERSION = 2;

export {
  RESULTS_SCHEMA_VERSION,
  RESULTS_FILE_SCHEMA_VERSION
};
