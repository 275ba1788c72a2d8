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
} from "./chunk-Q6PJKOY2.js";
import "./chunk-XTUQEIAI.js";
import "./chunk-F67DHOCG.js";
import "./chunk-TM45P2KR.js";
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
