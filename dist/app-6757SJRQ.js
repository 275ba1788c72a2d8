import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  APP_COMMENT_MAX_CHARS,
  LEVEL_WORD,
  STANDING_ICON,
  appRow,
  fullReportsWhere,
  renderAppReport
} from "./chunk-SY3Y76DO.js";
import "./chunk-KRVNPDAI.js";
import "./chunk-7YLHKTCD.js";
import "./chunk-CRAAEAMK.js";
import "./chunk-SQASOR6X.js";
import "./chunk-YMHSN3C3.js";
import "./chunk-WRXVBI5R.js";
import "./chunk-BK65RNT3.js";
import "./chunk-5WM6ETGA.js";
import "./chunk-YQCAHPBZ.js";
import "./chunk-4BXJBNHU.js";
import "./chunk-XTUQEIAI.js";
import "./chunk-P5327EIW.js";
import "./chunk-B4XUQD3K.js";
import "./chunk-BHX5YG2T.js";
import "./chunk-SFJ7IVIP.js";
import "./chunk-4JLOGNLJ.js";
import "./chunk-XYJEIEPD.js";
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
