import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  acceptedBlock,
  errorsCell,
  renderFailureReport,
  renderReport
} from "./chunk-U4WR456B.js";
import "./chunk-JRVBHRUM.js";
import "./chunk-JZY62ZZF.js";
import "./chunk-UXL36FRL.js";
import "./chunk-HTB6H2GZ.js";
import "./chunk-BK65RNT3.js";
import "./chunk-IJWDAN4L.js";
import "./chunk-UVC7EPI4.js";
import "./chunk-GTY34I3D.js";
import "./chunk-EE6MQ7ES.js";
import "./chunk-XTUQEIAI.js";
import "./chunk-LYDD5EQL.js";
import "./chunk-5WM6ETGA.js";
import "./chunk-CYDGGBB2.js";
import "./chunk-B4XUQD3K.js";
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
