import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  loadBaseline,
  readBaselineFile
} from "./chunk-ZNZTE3MN.js";
import {
  parseRunResult
} from "./chunk-HB6WSC4G.js";
import "./chunk-ISPMOH3G.js";
import "./chunk-7WMIMWEW.js";
import "./chunk-JIEX5DZV.js";
import "./chunk-XYJEIEPD.js";
import "./chunk-TM45P2KR.js";
import "./chunk-URRKCZFK.js";
export {
  loadBaseline,
  parseRunResult,
  readBaselineFile
};
