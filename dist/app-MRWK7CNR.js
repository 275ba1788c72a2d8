import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  APP_COMMENT_MAX_CHARS,
  LEVEL_WORD,
  STANDING_ICON,
  appRow,
  fullReportsWhere,
  renderAppReport
} from "./chunk-FIUSKK4D.js";
import "./chunk-UNM5K7IM.js";
import "./chunk-5NFCYHVM.js";
import "./chunk-Q6PJKOY2.js";
import "./chunk-H3NRHUJY.js";
import "./chunk-VJXSU6PO.js";
import "./chunk-EE6MQ7ES.js";
import "./chunk-RGAGO2E6.js";
import "./chunk-WALQUMYJ.js";
import "./chunk-HSPD55DC.js";
import "./chunk-RMBS6QGU.js";
import "./chunk-5WM6ETGA.js";
import "./chunk-FJNBI4AF.js";
import "./chunk-SU6SV6QQ.js";
import "./chunk-RZWVMN26.js";
import "./chunk-2K2G7BBZ.js";
import "./chunk-JRNMWUVF.js";
import "./chunk-RLDLH3OD.js";
import "./chunk-3LRRCGUT.js";
import "./chunk-XTUQEIAI.js";
import "./chunk-Q3BMP5S5.js";
import "./chunk-LYDXGQBP.js";
import "./chunk-P5327EIW.js";
import "./chunk-BHX5YG2T.js";
import "./chunk-SFJ7IVIP.js";
import "./chunk-4JLOGNLJ.js";
import "./chunk-F67DHOCG.js";
import "./chunk-TM45P2KR.js";
import "./chunk-URRKCZFK.js";
export {
  APP_COMMENT_MAX_CHARS,
  LEVEL_WORD,
  STANDING_ICON,
  appRow,
  fullReportsWhere,
  renderAppReport
};
