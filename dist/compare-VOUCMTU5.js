import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  compareRuns,
  initGated,
  judgeRuns,
  relativeLimits
} from "./chunk-UXL36FRL.js";
import "./chunk-HTB6H2GZ.js";
import "./chunk-BK65RNT3.js";
import "./chunk-IJWDAN4L.js";
import "./chunk-XTUQEIAI.js";
import "./chunk-LYDD5EQL.js";
import "./chunk-B4XUQD3K.js";
import "./chunk-BHX5YG2T.js";
import "./chunk-SFJ7IVIP.js";
import "./chunk-F67DHOCG.js";
import "./chunk-TM45P2KR.js";
import "./chunk-URRKCZFK.js";
export {
  compareRuns,
  initGated,
  judgeRuns,
  relativeLimits
};
