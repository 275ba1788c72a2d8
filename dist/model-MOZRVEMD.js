import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  ACCEPTED_ICON,
  MAX_TABLE_ROWS,
  NO_VERDICT_ICON,
  VERDICT_ICON,
  coldStartTexts,
  deltaAt,
  errorsText,
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
  savingPct,
  shortSha,
  storedBaselineNote
} from "./chunk-3LRRCGUT.js";
import "./chunk-XTUQEIAI.js";
import "./chunk-Q3BMP5S5.js";
import "./chunk-LYDXGQBP.js";
import "./chunk-SFJ7IVIP.js";
import "./chunk-F67DHOCG.js";
import "./chunk-TM45P2KR.js";
import "./chunk-URRKCZFK.js";
export {
  ACCEPTED_ICON,
  MAX_TABLE_ROWS,
  NO_VERDICT_ICON,
  VERDICT_ICON,
  coldStartTexts,
  deltaAt,
  errorsText,
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
  savingPct,
  shortSha,
  storedBaselineNote
};
