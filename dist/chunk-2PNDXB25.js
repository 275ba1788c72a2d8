import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);

// src/lib/version.ts
var TOOL_VERSION = "0.1.0";

export {
  TOOL_VERSION
};
