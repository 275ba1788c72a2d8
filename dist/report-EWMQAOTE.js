import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  acceptedFunctions,
  failedApp,
  functionsOutput,
  reportApp,
  verdictOf
} from "./chunk-JD3J427L.js";
import "./chunk-SP5X674O.js";
import "./chunk-XBH2ZKN4.js";
import "./chunk-2PNDXB25.js";
import "./chunk-RKX5FPDS.js";
import "./chunk-CYDGGBB2.js";
import "./chunk-EE6MQ7ES.js";
import "./chunk-OVLY6CSE.js";
import "./chunk-5WM6ETGA.js";
import "./chunk-BK65RNT3.js";
import "./chunk-MSAJ5NXO.js";
import "./chunk-B4XUQD3K.js";
import "./chunk-ISPMOH3G.js";
import "./chunk-CUY5GXSR.js";
import "./chunk-VTQ6UDEI.js";
import "./chunk-AQSXUJKW.js";
import "./chunk-N3JZZGTO.js";
import "./chunk-SFJ7IVIP.js";
import "./chunk-BHX5YG2T.js";
import "./chunk-7WMIMWEW.js";
import "./chunk-WYTYZFRO.js";
import "./chunk-6XCFET7M.js";
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
