import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  functionSections,
  htmlPage,
  renderHtmlReport,
  svgLineChart
} from "./chunk-PQN5T7CX.js";
import "./chunk-5NFCYHVM.js";
import "./chunk-EE6MQ7ES.js";
import "./chunk-HSPD55DC.js";
import "./chunk-RMBS6QGU.js";
import "./chunk-5WM6ETGA.js";
import "./chunk-RLDLH3OD.js";
import "./chunk-3LRRCGUT.js";
import "./chunk-XTUQEIAI.js";
import "./chunk-Q3BMP5S5.js";
import "./chunk-LYDXGQBP.js";
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
