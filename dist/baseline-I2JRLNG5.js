import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  loadBaseline,
  readBaselineFile
} from "./chunk-HQKIDABN.js";
import {
  parseRunResult
} from "./chunk-JBU3L2GI.js";
import "./chunk-ISPMOH3G.js";
import "./chunk-7WMIMWEW.js";
import "./chunk-WECR3URA.js";
import "./chunk-YTU5BVUS.js";
import "./chunk-URRKCZFK.js";
export {
  loadBaseline,
  parseRunResult,
  readBaselineFile
};
