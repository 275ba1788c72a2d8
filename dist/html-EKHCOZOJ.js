import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  functionSections,
  htmlPage,
  renderHtmlReport,
  svgLineChart
} from "./chunk-RX3JBCM5.js";
import "./chunk-4OM7Z5EQ.js";
import "./chunk-ZEFQRGIK.js";
import "./chunk-5WM6ETGA.js";
import "./chunk-D27PZQRW.js";
import "./chunk-XTUQEIAI.js";
import "./chunk-YTU5BVUS.js";
import "./chunk-URRKCZFK.js";
export {
  functionSections,
  htmlPage,
  renderHtmlReport,
  svgLineChart
};
