import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  GITHUB_COMMENT_MAX_CHARS,
  GITHUB_SUMMARY_MAX_CHARS,
  fitToLimit
} from "./chunk-P5327EIW.js";
import "./chunk-URRKCZFK.js";
export {
  GITHUB_COMMENT_MAX_CHARS,
  GITHUB_SUMMARY_MAX_CHARS,
  fitToLimit
};
