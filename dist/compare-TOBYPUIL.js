import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  compareRuns,
  judgeRuns
} from "./chunk-WALQUMYJ.js";
import "./chunk-HSPD55DC.js";
import "./chunk-RZWVMN26.js";
import "./chunk-2K2G7BBZ.js";
import "./chunk-JRNMWUVF.js";
import "./chunk-XTUQEIAI.js";
import "./chunk-Q3BMP5S5.js";
import "./chunk-LYDXGQBP.js";
import "./chunk-BHX5YG2T.js";
import "./chunk-SFJ7IVIP.js";
import "./chunk-F67DHOCG.js";
import "./chunk-TM45P2KR.js";
import "./chunk-URRKCZFK.js";
export {
  compareRuns,
  judgeRuns
};
