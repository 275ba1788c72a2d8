import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  DEFAULT_COLD_START_RATE,
  INIT_BILLING_STANDARDISED_AT,
  coldStartBilling,
  expectedCostPerInvocationUsd,
  extraCostUsd,
  resolvedColdStartRate,
  withColdStartCosts
} from "./chunk-RGAGO2E6.js";
import "./chunk-LYDXGQBP.js";
import "./chunk-URRKCZFK.js";
export {
  DEFAULT_COLD_START_RATE,
  INIT_BILLING_STANDARDISED_AT,
  coldStartBilling,
  expectedCostPerInvocationUsd,
  extraCostUsd,
  resolvedColdStartRate,
  withColdStartCosts
};
