import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  RUN_STATE,
  parseSavedRun,
  post,
  runStateSavers
} from "./chunk-XXHVQPQT.js";
import "./chunk-MOY3PVIV.js";
import "./chunk-BW7SGPVE.js";
import "./chunk-F4NQXO7Q.js";
import "./chunk-5Y64ZUDY.js";
import "./chunk-XCIHNFG2.js";
import "./chunk-YQ5HGVKP.js";
import "./chunk-ZS2HFFQI.js";
import "./chunk-F67DHOCG.js";
import "./chunk-TM45P2KR.js";
import "./chunk-FTQIWBND.js";
import "./chunk-E2YF5ZCC.js";
import "./chunk-JZLVYQGD.js";
import "./chunk-UFSOI34G.js";
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
  runStateSavers
};
