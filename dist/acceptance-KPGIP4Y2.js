import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  ACCEPTING_PERMISSIONS,
  acceptedSentence,
  applyAcceptance,
  currentLabelEvent,
  decideAcceptance,
  failingChecks,
  formatUtc,
  isAccepted
} from "./chunk-4JLOGNLJ.js";
import "./chunk-TM45P2KR.js";
import "./chunk-URRKCZFK.js";
export {
  ACCEPTING_PERMISSIONS,
  acceptedSentence,
  applyAcceptance,
  currentLabelEvent,
  decideAcceptance,
  failingChecks,
  formatUtc,
  isAccepted
};
