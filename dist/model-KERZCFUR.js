import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  ACCEPTED_ICON,
  MAX_TABLE_ROWS,
  NO_VERDICT_ICON,
  VERDICT_ICON,
  coldStartLegend,
  coldStartRateOf,
  coldStartTexts,
  deltaAt,
  errorsText,
  expectedCostCell,
  firstErrors,
  hasBaselineColumns,
  hasMemoryColumns,
  headlineComparison,
  headlineNumber,
  keyMemorySizes,
  memoryDeltaAt,
  memoryUseAt,
  memoryUseCellText,
  monthlyChangeUsd,
  noRecommendationReason,
  projectedCosts,
  ratePct,
  savingPct,
  shortSha,
  storedBaselineNote,
  visualizationLinks,
  visualizationPoints
} from "./chunk-YMHSN3C3.js";
import "./chunk-5WM6ETGA.js";
import "./chunk-YQCAHPBZ.js";
import "./chunk-XTUQEIAI.js";
import "./chunk-B4XUQD3K.js";
import "./chunk-SFJ7IVIP.js";
import "./chunk-XYJEIEPD.js";
import "./chunk-TM45P2KR.js";
import "./chunk-URRKCZFK.js";
export {
  ACCEPTED_ICON,
  MAX_TABLE_ROWS,
  NO_VERDICT_ICON,
  VERDICT_ICON,
  coldStartLegend,
  coldStartRateOf,
  coldStartTexts,
  deltaAt,
  errorsText,
  expectedCostCell,
  firstErrors,
  hasBaselineColumns,
  hasMemoryColumns,
  headlineComparison,
  headlineNumber,
  keyMemorySizes,
  memoryDeltaAt,
  memoryUseAt,
  memoryUseCellText,
  monthlyChangeUsd,
  noRecommendationReason,
  projectedCosts,
  ratePct,
  savingPct,
  shortSha,
  storedBaselineNote,
  visualizationLinks,
  visualizationPoints
};
