import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  require_lib,
  require_lib2,
  require_lib3,
  require_lib4,
  require_lib6 as require_lib5,
  require_lib7 as require_lib6
} from "./chunk-LYDXGQBP.js";
import {
  __commonJS
} from "./chunk-URRKCZFK.js";

// node_modules/@stdlib/math-base-assert-is-nonnegative-integer/lib/main.js
var require_main = __commonJS({
  "node_modules/@stdlib/math-base-assert-is-nonnegative-integer/lib/main.js"(exports, module) {
    "use strict";
    var floor = require_lib4();
    function isNonNegativeInteger(x) {
      return floor(x) === x && x >= 0;
    }
    module.exports = isNonNegativeInteger;
  }
});

// node_modules/@stdlib/math-base-assert-is-nonnegative-integer/lib/index.js
var require_lib7 = __commonJS({
  "node_modules/@stdlib/math-base-assert-is-nonnegative-integer/lib/index.js"(exports, module) {
    "use strict";
    var main = require_main();
    module.exports = main;
  }
});

// node_modules/@stdlib/stats-base-dists-binomial-cdf/lib/main.js
var require_main2 = __commonJS({
  "node_modules/@stdlib/stats-base-dists-binomial-cdf/lib/main.js"(exports, module) {
    "use strict";
    var isNonNegativeInteger = require_lib7();
    var betainc = require_lib5();
    var isnan = require_lib2();
    var floor = require_lib4();
    var PINF = require_lib3();
    function cdf(x, n, p) {
      if (isnan(x) || isnan(n) || isnan(p) || p < 0 || p > 1 || !isNonNegativeInteger(n) || n === PINF) {
        return NaN;
      }
      if (x < 0) {
        return 0;
      }
      if (x >= n) {
        return 1;
      }
      x = floor(x + 1e-7);
      return betainc(p, x + 1, n - x, true, true);
    }
    module.exports = cdf;
  }
});

// node_modules/@stdlib/stats-base-dists-binomial-cdf/lib/factory.js
var require_factory = __commonJS({
  "node_modules/@stdlib/stats-base-dists-binomial-cdf/lib/factory.js"(exports, module) {
    "use strict";
    var isNonNegativeInteger = require_lib7();
    var constantFunction = require_lib6();
    var betainc = require_lib5();
    var isnan = require_lib2();
    var floor = require_lib4();
    var PINF = require_lib3();
    function factory(n, p) {
      if (isnan(n) || isnan(p) || p < 0 || p > 1 || !isNonNegativeInteger(n) || n === PINF) {
        return constantFunction(NaN);
      }
      return cdf;
      function cdf(x) {
        if (isnan(x)) {
          return NaN;
        }
        if (x < 0) {
          return 0;
        }
        if (x >= n) {
          return 1;
        }
        x = floor(x + 1e-7);
        return betainc(p, x + 1, n - x, true, true);
      }
    }
    module.exports = factory;
  }
});

// node_modules/@stdlib/stats-base-dists-binomial-cdf/lib/index.js
var require_lib8 = __commonJS({
  "node_modules/@stdlib/stats-base-dists-binomial-cdf/lib/index.js"(exports, module) {
    "use strict";
    var setReadOnly = require_lib();
    var main = require_main2();
    var factory = require_factory();
    setReadOnly(main, "factory", factory);
    module.exports = main;
  }
});

// src/tuning/pricing.ts
var PRICES_SOURCE = "AWS Pricing Calculator Lambda price data (first-tier on-demand duration and request prices), as transcribed in remotion-dev/remotion and cross-checked with aws.amazon.com/lambda/pricing";
var PRICES_AS_OF = "2026-11-28";
var DEFAULT_PRICE_REGION = "us-east-1";
var STANDARD = {
  x86PerGbSecondUsd: 166667e-10,
  armPerGbSecondUsd: 133334e-10,
  perRequestUsd: 2e-7
};
var REGION_PRICES = {
  "us-east-1": STANDARD,
  "us-east-2": STANDARD,
  "us-west-1": STANDARD,
  "us-west-2": STANDARD,
  "ca-central-1": STANDARD,
  "sa-east-1": STANDARD,
  "eu-west-1": STANDARD,
  "eu-west-2": STANDARD,
  "eu-west-3": STANDARD,
  "eu-central-1": STANDARD,
  "eu-north-1": STANDARD,
  "ap-south-1": STANDARD,
  "ap-northeast-1": STANDARD,
  "ap-northeast-2": STANDARD,
  "ap-northeast-3": STANDARD,
  "ap-southeast-1": STANDARD,
  "ap-southeast-2": STANDARD,
  "ap-southeast-3": STANDARD,
  "ap-southeast-4": STANDARD,
  "ap-south-2": STANDARD,
  "eu-south-2": STANDARD,
  "ca-west-1": STANDARD,
  "il-central-1": { x86PerGbSecondUsd: 175e-7, armPerGbSecondUsd: 14e-6, perRequestUsd: 21e-8 },
  "eu-central-2": { x86PerGbSecondUsd: 183334e-10, armPerGbSecondUsd: 146667e-10, perRequestUsd: 22e-8 },
  "eu-south-1": { x86PerGbSecondUsd: 195172e-10, armPerGbSecondUsd: 156138e-10, perRequestUsd: 23e-8 },
  "me-south-1": { x86PerGbSecondUsd: 206667e-10, armPerGbSecondUsd: 165334e-10, perRequestUsd: 25e-8 },
  "me-central-1": { x86PerGbSecondUsd: 206667e-10, armPerGbSecondUsd: 165334e-10, perRequestUsd: 25e-8 },
  "af-south-1": { x86PerGbSecondUsd: 221e-7, armPerGbSecondUsd: 1768e-8, perRequestUsd: 27e-8 },
  "ap-east-1": { x86PerGbSecondUsd: 2292e-8, armPerGbSecondUsd: 183e-7, perRequestUsd: 28e-8 },
  "ap-southeast-5": { x86PerGbSecondUsd: 15e-6, armPerGbSecondUsd: 12e-6, perRequestUsd: 18e-8 }
};
var PRICED_REGIONS = Object.keys(REGION_PRICES).sort();
function pricesFor(region, architecture) {
  const known = Object.hasOwn(REGION_PRICES, region) ? REGION_PRICES[region] : void 0;
  const table = known ?? STANDARD;
  return {
    region,
    architecture,
    pricePerGbSecondUsd: architecture === "arm64" ? table.armPerGbSecondUsd : table.x86PerGbSecondUsd,
    pricePerRequestUsd: table.perRequestUsd,
    source: known ? PRICES_SOURCE : `${PRICES_SOURCE}; region not in the table, ${DEFAULT_PRICE_REGION} prices used`,
    asOf: PRICES_AS_OF,
    fallback: known === void 0
  };
}
var MB_PER_GB = 1024;
function costPerInvocationUsd(billedDurationMs, memoryMb, prices) {
  const gbSeconds = billedDurationMs / 1e3 * (memoryMb / MB_PER_GB);
  return gbSeconds * prices.pricePerGbSecondUsd + prices.pricePerRequestUsd;
}

export {
  pricesFor,
  costPerInvocationUsd,
  require_lib8 as require_lib
};
