import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  acceptedFunctions,
  failedApp,
  functionsOutput,
  reportApp,
  verdictOf
} from "./chunk-E3RYSJ4B.js";
import "./chunk-4DQHMXTC.js";
import "./chunk-U5IZFZU5.js";
import "./chunk-2PNDXB25.js";
import "./chunk-VJXSU6PO.js";
import "./chunk-EE6MQ7ES.js";
import "./chunk-RGAGO2E6.js";
import "./chunk-TZQBYUD2.js";
import "./chunk-5WM6ETGA.js";
import "./chunk-JRNMWUVF.js";
import "./chunk-Q3BMP5S5.js";
import "./chunk-LYDXGQBP.js";
import "./chunk-ISPMOH3G.js";
import "./chunk-OAEFOCCR.js";
import "./chunk-CBEWQLWB.js";
import "./chunk-AQSXUJKW.js";
import "./chunk-N3JZZGTO.js";
import "./chunk-BHX5YG2T.js";
import "./chunk-SFJ7IVIP.js";
import "./chunk-7WMIMWEW.js";
import "./chunk-5Y64ZUDY.js";
import "./chunk-XCIHNFG2.js";
import "./chunk-YQ5HGVKP.js";
import "./chunk-ZS2HFFQI.js";
import "./chunk-F67DHOCG.js";
import "./chunk-TM45P2KR.js";
import "./chunk-FTQIWBND.js";
import "./chunk-UFSOI34G.js";
import "./chunk-CPWGUBW5.js";
import "./chunk-EMDC3MXH.js";
import "./chunk-JK6TZCBJ.js";
import "./chunk-WGY342LC.js";
import "./chunk-URRKCZFK.js";
export {
  acceptedFunctions,
  failedApp,
  functionsOutput,
  reportApp,
  verdictOf
};
