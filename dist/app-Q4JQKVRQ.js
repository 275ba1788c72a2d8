import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  APP_COMMENT_MAX_CHARS,
  LEVEL_WORD,
  STANDING_ICON,
  appRow,
  fullReportsWhere,
  renderAppReport
} from "./chunk-O57YS64E.js";
import "./chunk-7NE4EGGQ.js";
import "./chunk-4OM7Z5EQ.js";
import "./chunk-N33P7F4K.js";
import "./chunk-GPDC77GY.js";
import "./chunk-FHMK2VQE.js";
import "./chunk-THOYUKGK.js";
import "./chunk-EU7MXG5S.js";
import "./chunk-ZEFQRGIK.js";
import "./chunk-5WM6ETGA.js";
import "./chunk-D27PZQRW.js";
import "./chunk-XTUQEIAI.js";
import "./chunk-P5327EIW.js";
import "./chunk-Q2HGPL3K.js";
import "./chunk-YTU5BVUS.js";
import "./chunk-URRKCZFK.js";
export {
  APP_COMMENT_MAX_CHARS,
  LEVEL_WORD,
  STANDING_ICON,
  appRow,
  fullReportsWhere,
  renderAppReport
};
