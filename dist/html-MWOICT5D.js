import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  functionSections,
  htmlPage,
  renderHtmlReport,
  svgLineChart
} from "./chunk-IU6RSZG7.js";
import "./chunk-5AOZXIDU.js";
import "./chunk-RMBS6QGU.js";
import "./chunk-R6ZDV253.js";
import "./chunk-EE6MQ7ES.js";
import "./chunk-XTUQEIAI.js";
import "./chunk-OVLY6CSE.js";
import "./chunk-5WM6ETGA.js";
import "./chunk-RLDLH3OD.js";
import "./chunk-MSAJ5NXO.js";
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
