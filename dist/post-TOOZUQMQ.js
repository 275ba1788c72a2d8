import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  RUN_STATE,
  parseSavedRun,
  post,
  runStateSaver
} from "./chunk-IZEHWY2B.js";
import "./chunk-MOY3PVIV.js";
import "./chunk-BW7SGPVE.js";
import "./chunk-BEQTHXRH.js";
import "./chunk-JIEX5DZV.js";
import "./chunk-XYJEIEPD.js";
import "./chunk-TM45P2KR.js";
import "./chunk-FTQIWBND.js";
import "./chunk-WBOLZZJT.js";
import "./chunk-JZLVYQGD.js";
import "./chunk-RN7TGPEO.js";
import "./chunk-CPWGUBW5.js";
import "./chunk-6V3TR7RY.js";
import "./chunk-XRQJGBVU.js";
import "./chunk-6OKLDQKZ.js";
import "./chunk-CZKNJPBW.js";
import "./chunk-W2SSH364.js";
import "./chunk-JF2LMDTB.js";
import "./chunk-EMDC3MXH.js";
import "./chunk-YEL3YNNT.js";
import "./chunk-JK6TZCBJ.js";
import "./chunk-ZEAXL7OW.js";
import "./chunk-WGY342LC.js";
import "./chunk-URRKCZFK.js";
export {
  RUN_STATE,
  parseSavedRun,
  post,
  runStateSaver
};
