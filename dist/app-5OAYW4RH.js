import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  MAX_NAMED_FUNCTIONS,
  STANDING_RANK,
  appVerdict,
  decidingComparison,
  functionLevel,
  isImproved,
  orderOutcomes,
  standingOf
} from "./chunk-N33P7F4K.js";
import "./chunk-XTUQEIAI.js";
import "./chunk-YTU5BVUS.js";
import "./chunk-URRKCZFK.js";
export {
  MAX_NAMED_FUNCTIONS,
  STANDING_RANK,
  appVerdict,
  decidingComparison,
  functionLevel,
  isImproved,
  orderOutcomes,
  standingOf
};
