import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  loadBaseline,
  parseRunResult,
  readBaselineFile
} from "./chunk-AFBPOKWL.js";
import "./chunk-7WMIMWEW.js";
import "./chunk-2BCDQTB2.js";
import "./chunk-WECR3URA.js";
import "./chunk-YTU5BVUS.js";
import "./chunk-URRKCZFK.js";
export {
  loadBaseline,
  parseRunResult,
  readBaselineFile
};
