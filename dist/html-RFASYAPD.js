import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  functionSections,
  htmlPage,
  renderHtmlReport,
  svgLineChart
} from "./chunk-Y6PUM4R7.js";
import "./chunk-ZCZ2G52T.js";
import "./chunk-EE6MQ7ES.js";
import "./chunk-NM4ITGES.js";
import "./chunk-RMBS6QGU.js";
import "./chunk-5WM6ETGA.js";
import "./chunk-D36M7HOP.js";
import "./chunk-XTUQEIAI.js";
import "./chunk-ZCU36BR5.js";
import "./chunk-RLDLH3OD.js";
import "./chunk-MSAJ5NXO.js";
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
