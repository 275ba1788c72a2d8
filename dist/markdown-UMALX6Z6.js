import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  acceptedBlock,
  errorsCell,
  renderFailureReport,
  renderReport
} from "./chunk-J3YP2MQW.js";
import "./chunk-5NFCYHVM.js";
import "./chunk-4HFRNY5W.js";
import "./chunk-VJXSU6PO.js";
import "./chunk-EE6MQ7ES.js";
import "./chunk-RGAGO2E6.js";
import "./chunk-PDCMVIKS.js";
import "./chunk-E3KUH2Y6.js";
import "./chunk-RMBS6QGU.js";
import "./chunk-5WM6ETGA.js";
import "./chunk-TBJBC6ZK.js";
import "./chunk-3MOGZ7TB.js";
import "./chunk-RZWVMN26.js";
import "./chunk-M6AOZWIH.js";
import "./chunk-JRNMWUVF.js";
import "./chunk-RLDLH3OD.js";
import "./chunk-3LRRCGUT.js";
import "./chunk-XTUQEIAI.js";
import "./chunk-Q3BMP5S5.js";
import "./chunk-LYDXGQBP.js";
import "./chunk-BHX5YG2T.js";
import "./chunk-SFJ7IVIP.js";
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
