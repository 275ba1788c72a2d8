import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  acceptedBlock,
  errorsCell,
  renderFailureReport,
  renderReport
} from "./chunk-EUNFDZRT.js";
import "./chunk-O6OKRAYF.js";
import "./chunk-RKX5FPDS.js";
import "./chunk-CYDGGBB2.js";
import "./chunk-6TKHJCTG.js";
import "./chunk-5AOZXIDU.js";
import "./chunk-RMBS6QGU.js";
import "./chunk-R6ZDV253.js";
import "./chunk-EE6MQ7ES.js";
import "./chunk-XTUQEIAI.js";
import "./chunk-OVLY6CSE.js";
import "./chunk-5WM6ETGA.js";
import "./chunk-BSMCYHU3.js";
import "./chunk-L3LW5U3I.js";
import "./chunk-RZWVMN26.js";
import "./chunk-EYMQLSDJ.js";
import "./chunk-BK65RNT3.js";
import "./chunk-RLDLH3OD.js";
import "./chunk-MSAJ5NXO.js";
import "./chunk-B4XUQD3K.js";
import "./chunk-SFJ7IVIP.js";
import "./chunk-BHX5YG2T.js";
import "./chunk-4JLOGNLJ.js";
import "./chunk-F67DHOCG.js";
import "./chunk-TM45P2KR.js";
import "./chunk-URRKCZFK.js";
export {
  acceptedBlock,
  errorsCell,
  renderFailureReport,
  renderReport
};
