import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  describePrune,
  keepSet,
  prunePlan
} from "./chunk-BK3AJGIF.js";
import "./chunk-URRKCZFK.js";
export {
  describePrune,
  keepSet,
  prunePlan
};
