import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  compareRuns,
  initGated,
  judgeRuns,
  relativeLimits
} from "./chunk-6TKHJCTG.js";
import "./chunk-5AOZXIDU.js";
import "./chunk-XTUQEIAI.js";
import "./chunk-OVLY6CSE.js";
import "./chunk-RZWVMN26.js";
import "./chunk-EYMQLSDJ.js";
import "./chunk-BK65RNT3.js";
import "./chunk-MSAJ5NXO.js";
import "./chunk-B4XUQD3K.js";
import "./chunk-SFJ7IVIP.js";
import "./chunk-BHX5YG2T.js";
import "./chunk-F67DHOCG.js";
import "./chunk-TM45P2KR.js";
import "./chunk-URRKCZFK.js";
export {
  compareRuns,
  initGated,
  judgeRuns,
  relativeLimits
};
