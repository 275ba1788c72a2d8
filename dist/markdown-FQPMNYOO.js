import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  acceptedBlock,
  errorsCell,
  renderFailureReport,
  renderReport
} from "./chunk-E546SGUV.js";
import "./chunk-ZCZ2G52T.js";
import "./chunk-GSJAK3YH.js";
import "./chunk-WKHIWHHQ.js";
import "./chunk-EE6MQ7ES.js";
import "./chunk-RGAGO2E6.js";
import "./chunk-YMXLYRKN.js";
import "./chunk-NM4ITGES.js";
import "./chunk-RMBS6QGU.js";
import "./chunk-5WM6ETGA.js";
import "./chunk-D36M7HOP.js";
import "./chunk-XTUQEIAI.js";
import "./chunk-ZCU36BR5.js";
import "./chunk-N773VMEB.js";
import "./chunk-46NTL5E5.js";
import "./chunk-RZWVMN26.js";
import "./chunk-DXPOMOAC.js";
import "./chunk-JRNMWUVF.js";
import "./chunk-RLDLH3OD.js";
import "./chunk-MSAJ5NXO.js";
import "./chunk-LYDXGQBP.js";
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
