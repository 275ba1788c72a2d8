import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  ARCHITECTURES,
  architectureCompareUrl,
  architectureMermaid,
  architectureSection,
  chartedRows,
  marksAt,
  pairHeadline,
  ratioDeltaText
} from "./chunk-RMBS6QGU.js";
import "./chunk-5WM6ETGA.js";
import "./chunk-RLDLH3OD.js";
import "./chunk-F67DHOCG.js";
import "./chunk-TM45P2KR.js";
import "./chunk-URRKCZFK.js";
export {
  ARCHITECTURES,
  architectureCompareUrl,
  architectureMermaid,
  architectureSection,
  chartedRows,
  marksAt,
  pairHeadline,
  ratioDeltaText
};
