import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  MAX_TABLE_ROWS,
  NO_VERDICT_ICON,
  VERDICT_ICON,
  coldStartTexts,
  deltaAt,
  errorsText,
  firstErrors,
  hasBaselineColumns,
  headlineComparison,
  headlineNumber,
  keyMemorySizes,
  monthlyChangeUsd,
  savingPct,
  shortSha,
  storedBaselineNote,
  visualizationLinks,
  visualizationPoints
} from "./chunk-ZEFQRGIK.js";
import "./chunk-5WM6ETGA.js";
import "./chunk-D27PZQRW.js";
import "./chunk-XTUQEIAI.js";
import "./chunk-YTU5BVUS.js";
import "./chunk-URRKCZFK.js";
export {
  MAX_TABLE_ROWS,
  NO_VERDICT_ICON,
  VERDICT_ICON,
  coldStartTexts,
  deltaAt,
  errorsText,
  firstErrors,
  hasBaselineColumns,
  headlineComparison,
  headlineNumber,
  keyMemorySizes,
  monthlyChangeUsd,
  savingPct,
  shortSha,
  storedBaselineNote,
  visualizationLinks,
  visualizationPoints
};
