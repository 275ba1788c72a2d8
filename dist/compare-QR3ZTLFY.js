import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  compareRuns
} from "./chunk-MZX6TSM7.js";
import "./chunk-ZQ7LVMDX.js";
import "./chunk-ZKA7SFJ2.js";
import "./chunk-YTU5BVUS.js";
import "./chunk-URRKCZFK.js";
export {
  compareRuns
};
