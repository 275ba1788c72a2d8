import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  ACCEPTED_ICON,
  MAX_TABLE_ROWS,
  NO_VERDICT_ICON,
  SPEND_LEGEND,
  VERDICT_ICON,
  coldStartLegend,
  coldStartRateOf,
  coldStartTexts,
  deltaAt,
  errorsText,
  expectedCostCell,
  fileSpendSentence,
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
  reportSpend,
  savingPct,
  shortSha,
  spendSentence,
  storedBaselineNote,
  visualizationLinks,
  visualizationPoints
} from "./chunk-R6ZDV253.js";
import "./chunk-EE6MQ7ES.js";
import "./chunk-XTUQEIAI.js";
import "./chunk-OVLY6CSE.js";
import "./chunk-5WM6ETGA.js";
import "./chunk-MSAJ5NXO.js";
import "./chunk-B4XUQD3K.js";
import "./chunk-SFJ7IVIP.js";
import "./chunk-F67DHOCG.js";
import "./chunk-TM45P2KR.js";
import "./chunk-URRKCZFK.js";
export {
  ACCEPTED_ICON,
  MAX_TABLE_ROWS,
  NO_VERDICT_ICON,
  SPEND_LEGEND,
  VERDICT_ICON,
  coldStartLegend,
  coldStartRateOf,
  coldStartTexts,
  deltaAt,
  errorsText,
  expectedCostCell,
  fileSpendSentence,
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
  reportSpend,
  savingPct,
  shortSha,
  spendSentence,
  storedBaselineNote,
  visualizationLinks,
  visualizationPoints
};
