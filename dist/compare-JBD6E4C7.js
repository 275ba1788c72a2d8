import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  compareRuns
} from "./chunk-THOYUKGK.js";
import "./chunk-EU7MXG5S.js";
import "./chunk-D27PZQRW.js";
import "./chunk-XTUQEIAI.js";
import "./chunk-Q2HGPL3K.js";
import "./chunk-YTU5BVUS.js";
import "./chunk-URRKCZFK.js";
export {
  compareRuns
};
