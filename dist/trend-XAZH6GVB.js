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
} from "./chunk-N773VMEB.js";
import "./chunk-46NTL5E5.js";
import "./chunk-RZWVMN26.js";
import "./chunk-DXPOMOAC.js";
import "./chunk-JRNMWUVF.js";
import "./chunk-RLDLH3OD.js";
import "./chunk-MSAJ5NXO.js";
import "./chunk-LYDXGQBP.js";
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
