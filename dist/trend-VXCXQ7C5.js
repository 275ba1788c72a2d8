import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  THIS_RUN,
  buildTrend,
  changeSentence,
  commitLink,
  repositoryUrlOf,
  shortSha,
  trendMarkdown,
  trendPoints
} from "./chunk-BSMCYHU3.js";
import "./chunk-L3LW5U3I.js";
import "./chunk-RZWVMN26.js";
import "./chunk-EYMQLSDJ.js";
import "./chunk-BK65RNT3.js";
import "./chunk-RLDLH3OD.js";
import "./chunk-MSAJ5NXO.js";
import "./chunk-B4XUQD3K.js";
import "./chunk-BHX5YG2T.js";
import "./chunk-F67DHOCG.js";
import "./chunk-TM45P2KR.js";
import "./chunk-URRKCZFK.js";
export {
  THIS_RUN,
  buildTrend,
  changeSentence,
  commitLink,
  repositoryUrlOf,
  shortSha,
  trendMarkdown,
  trendPoints
};
