import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  compareRuns,
  initGated,
  relativeLimits
} from "./chunk-CRAAEAMK.js";
import "./chunk-BK65RNT3.js";
import "./chunk-YQCAHPBZ.js";
import "./chunk-XTUQEIAI.js";
import "./chunk-B4XUQD3K.js";
import "./chunk-BHX5YG2T.js";
import "./chunk-SFJ7IVIP.js";
import "./chunk-XYJEIEPD.js";
import "./chunk-TM45P2KR.js";
import "./chunk-URRKCZFK.js";
export {
  compareRuns,
  initGated,
  relativeLimits
};
