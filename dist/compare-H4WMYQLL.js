import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  compareRuns,
  judgeRuns
} from "./chunk-YMXLYRKN.js";
import "./chunk-NM4ITGES.js";
import "./chunk-XTUQEIAI.js";
import "./chunk-ZCU36BR5.js";
import "./chunk-RZWVMN26.js";
import "./chunk-DXPOMOAC.js";
import "./chunk-JRNMWUVF.js";
import "./chunk-MSAJ5NXO.js";
import "./chunk-LYDXGQBP.js";
import "./chunk-SFJ7IVIP.js";
import "./chunk-BHX5YG2T.js";
import "./chunk-F67DHOCG.js";
import "./chunk-TM45P2KR.js";
import "./chunk-URRKCZFK.js";
export {
  compareRuns,
  judgeRuns
};
