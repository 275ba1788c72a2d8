import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  RUN_STATE,
  parseSavedRun,
  post,
  runStateSaver
} from "./chunk-ENHFPYUY.js";
import "./chunk-7XIQCLNC.js";
import "./chunk-UO5YPKHR.js";
import "./chunk-BW7SGPVE.js";
import "./chunk-YA26YFCY.js";
import "./chunk-O3FMZZVF.js";
import "./chunk-WECR3URA.js";
import "./chunk-CPWGUBW5.js";
import "./chunk-FTQIWBND.js";
import "./chunk-YTU5BVUS.js";
import "./chunk-6V3TR7RY.js";
import "./chunk-JMW3LBHJ.js";
import "./chunk-6XXKYTYS.js";
import "./chunk-CZKNJPBW.js";
import "./chunk-GGPSQYZW.js";
import "./chunk-B5DSFTXJ.js";
import "./chunk-HUHDTG3S.js";
import "./chunk-6SWYNXQT.js";
import "./chunk-YHN4IYSO.js";
import "./chunk-ZEAXL7OW.js";
import "./chunk-WGY342LC.js";
import "./chunk-URRKCZFK.js";
export {
  RUN_STATE,
  parseSavedRun,
  post,
  runStateSaver
};
