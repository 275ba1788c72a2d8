import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  acceptedBlock,
  errorsCell,
  renderFailureReport,
  renderReport
} from "./chunk-KRVNPDAI.js";
import "./chunk-7YLHKTCD.js";
import "./chunk-CRAAEAMK.js";
import "./chunk-SQASOR6X.js";
import "./chunk-YMHSN3C3.js";
import "./chunk-WRXVBI5R.js";
import "./chunk-BK65RNT3.js";
import "./chunk-5WM6ETGA.js";
import "./chunk-YQCAHPBZ.js";
import "./chunk-XTUQEIAI.js";
import "./chunk-B4XUQD3K.js";
import "./chunk-BHX5YG2T.js";
import "./chunk-SFJ7IVIP.js";
import "./chunk-4JLOGNLJ.js";
import "./chunk-XYJEIEPD.js";
import "./chunk-TM45P2KR.js";
import "./chunk-URRKCZFK.js";
export {
  acceptedBlock,
  errorsCell,
  renderFailureReport,
  renderReport
};
