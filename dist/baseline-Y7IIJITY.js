import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  loadBaseline,
  readBaselineFile
} from "./chunk-LBJAIOSE.js";
import {
  parseRunResult
} from "./chunk-JMCE2JBC.js";
import "./chunk-ISPMOH3G.js";
import "./chunk-7WMIMWEW.js";
import "./chunk-ZS2HFFQI.js";
import "./chunk-F67DHOCG.js";
import "./chunk-TM45P2KR.js";
import "./chunk-URRKCZFK.js";
export {
  loadBaseline,
  parseRunResult,
  readBaselineFile
};
