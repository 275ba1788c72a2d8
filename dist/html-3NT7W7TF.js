import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  functionSections,
  htmlPage,
  renderHtmlReport,
  svgLineChart
} from "./chunk-RWMMMLAE.js";
import "./chunk-IJWDAN4L.js";
import "./chunk-UVC7EPI4.js";
import "./chunk-GTY34I3D.js";
import "./chunk-EE6MQ7ES.js";
import "./chunk-XTUQEIAI.js";
import "./chunk-LYDD5EQL.js";
import "./chunk-5WM6ETGA.js";
import "./chunk-B4XUQD3K.js";
import "./chunk-SFJ7IVIP.js";
import "./chunk-4JLOGNLJ.js";
import "./chunk-F67DHOCG.js";
import "./chunk-TM45P2KR.js";
import "./chunk-URRKCZFK.js";
export {
  functionSections,
  htmlPage,
  renderHtmlReport,
  svgLineChart
};
