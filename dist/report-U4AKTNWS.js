import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  acceptedFunctions,
  failedApp,
  functionsOutput,
  reportApp,
  verdictOf
} from "./chunk-D554DM34.js";
import "./chunk-4DEACO4A.js";
import "./chunk-OYW7QBI3.js";
import "./chunk-2PNDXB25.js";
import "./chunk-WRXVBI5R.js";
import "./chunk-BK65RNT3.js";
import "./chunk-5WM6ETGA.js";
import "./chunk-YQCAHPBZ.js";
import "./chunk-ISPMOH3G.js";
import "./chunk-CYDGGBB2.js";
import "./chunk-B4XUQD3K.js";
import "./chunk-JOBTH4RT.js";
import "./chunk-NWUCCSVP.js";
import "./chunk-BHX5YG2T.js";
import "./chunk-SFJ7IVIP.js";
import "./chunk-N3JZZGTO.js";
import "./chunk-7WMIMWEW.js";
import "./chunk-BEQTHXRH.js";
import "./chunk-JIEX5DZV.js";
import "./chunk-XYJEIEPD.js";
import "./chunk-TM45P2KR.js";
import "./chunk-FTQIWBND.js";
import "./chunk-RN7TGPEO.js";
import "./chunk-CPWGUBW5.js";
import "./chunk-EMDC3MXH.js";
import "./chunk-JK6TZCBJ.js";
import "./chunk-WGY342LC.js";
import "./chunk-URRKCZFK.js";
export {
  acceptedFunctions,
  failedApp,
  functionsOutput,
  reportApp,
  verdictOf
};
