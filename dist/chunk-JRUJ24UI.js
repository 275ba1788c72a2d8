import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  defaultProvider
} from "./chunk-JZLVYQGD.js";
import {
  AwsJson1_0Protocol,
  AwsSdkSigV4Signer,
  NODE_AUTH_SCHEME_PREFERENCE_OPTIONS,
  resolveAwsSdkSigV4Config
} from "./chunk-6OKLDQKZ.js";
import {
  Sha256Node
} from "./chunk-CZKNJPBW.js";
import {
  NodeHttpHandler
} from "./chunk-W2SSH364.js";
import {
  DEFAULT_RETRY_MODE,
  DefaultIdentityProviderConfig,
  NODE_APP_ID_CONFIG_OPTIONS,
  NODE_MAX_ATTEMPT_CONFIG_OPTIONS,
  NODE_RETRY_MODE_CONFIG_OPTIONS,
  awsEndpointFunctions,
  createDefaultUserAgentProvider,
  createPaginator,
  emitWarningIfUnsupportedVersion as emitWarningIfUnsupportedVersion2,
  getAwsRegionExtensionConfiguration,
  getDefaultSocketTimeout,
  getHostHeaderPlugin,
  getHttpAuthSchemeEndpointRuleSetPlugin,
  getHttpSigningPlugin,
  getLoggerPlugin,
  getRecursionDetectionPlugin,
  getRetryPlugin,
  getUserAgentPlugin,
  resolveAwsRegionExtensionConfiguration,
  resolveHostHeaderConfig,
  resolveRetryConfig,
  resolveUserAgentConfig,
  setFeature
} from "./chunk-JF2LMDTB.js";
import {
  BinaryDecisionDiagram,
  Client,
  EndpointCache,
  NoOpLogger,
  ServiceException,
  WaiterState,
  checkExceptions,
  createAggregatedClient,
  createWaiter,
  customEndpointFunctions,
  decideEndpoint,
  emitWarningIfUnsupportedVersion,
  getDefaultExtensionConfiguration,
  getEndpointPlugin,
  loadConfigsForDefaultMode,
  makeBuilder,
  resolveDefaultRuntimeConfig,
  resolveEndpointConfig
} from "./chunk-EMDC3MXH.js";
import {
  getContentLengthPlugin,
  getHttpHandlerExtensionConfiguration,
  resolveHttpHandlerRuntimeConfig
} from "./chunk-YEL3YNNT.js";
import {
  NODE_REGION_CONFIG_FILE_OPTIONS,
  NODE_REGION_CONFIG_OPTIONS,
  NODE_USE_DUALSTACK_ENDPOINT_CONFIG_OPTIONS,
  NODE_USE_FIPS_ENDPOINT_CONFIG_OPTIONS,
  SelectorType,
  booleanSelector,
  loadConfig,
  numberSelector,
  resolveDefaultsModeConfig,
  resolveRegionConfig
} from "./chunk-JK6TZCBJ.js";
import {
  calculateBodyLength,
  fromBase64,
  fromUtf8,
  isArrayBuffer,
  streamCollector,
  toBase64,
  toUint8Array,
  toUtf8
} from "./chunk-ZEAXL7OW.js";
import {
  HttpRequest,
  TypeRegistry,
  getSchemaSerdePlugin,
  getSmithyContext,
  normalizeProvider,
  parseUrl
} from "./chunk-WGY342LC.js";

// node_modules/@smithy/middleware-compression/dist-es/NODE_DISABLE_REQUEST_COMPRESSION_CONFIG_OPTIONS.js
var NODE_DISABLE_REQUEST_COMPRESSION_ENV_NAME = "AWS_DISABLE_REQUEST_COMPRESSION";
var NODE_DISABLE_REQUEST_COMPRESSION_INI_NAME = "disable_request_compression";
var DEFAULT_DISABLE_REQUEST_COMPRESSION = false;
var NODE_DISABLE_REQUEST_COMPRESSION_CONFIG_OPTIONS = {
  environmentVariableSelector: (env) => booleanSelector(env, NODE_DISABLE_REQUEST_COMPRESSION_ENV_NAME, SelectorType.ENV),
  configFileSelector: (profile) => booleanSelector(profile, NODE_DISABLE_REQUEST_COMPRESSION_INI_NAME, SelectorType.CONFIG),
  default: DEFAULT_DISABLE_REQUEST_COMPRESSION
};

// node_modules/@smithy/middleware-compression/dist-es/NODE_REQUEST_MIN_COMPRESSION_SIZE_BYTES_CONFIG_OPTIONS.js
var NODE_REQUEST_MIN_COMPRESSION_SIZE_BYTES_ENV_NAME = "AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES";
var NODE_REQUEST_MIN_COMPRESSION_SIZE_BYTES_INI_NAME = "request_min_compression_size_bytes";
var DEFAULT_NODE_REQUEST_MIN_COMPRESSION_SIZE_BYTES = 10240;
var NODE_REQUEST_MIN_COMPRESSION_SIZE_BYTES_CONFIG_OPTIONS = {
  environmentVariableSelector: (env) => numberSelector(env, NODE_REQUEST_MIN_COMPRESSION_SIZE_BYTES_ENV_NAME, SelectorType.ENV),
  configFileSelector: (profile) => numberSelector(profile, NODE_REQUEST_MIN_COMPRESSION_SIZE_BYTES_INI_NAME, SelectorType.CONFIG),
  default: DEFAULT_NODE_REQUEST_MIN_COMPRESSION_SIZE_BYTES
};

// node_modules/@smithy/middleware-compression/dist-es/compressStream.js
import { createGzip } from "node:zlib";
var compressStream = async (body) => body.pipe(createGzip());

// node_modules/@smithy/middleware-compression/dist-es/compressString.js
import { promisify } from "node:util";
import { gzip } from "node:zlib";
var gzipAsync = promisify(gzip);
var compressString = async (body) => {
  try {
    const compressedBuffer = await gzipAsync(toUint8Array(body || ""));
    return toUint8Array(compressedBuffer);
  } catch (err) {
    throw new Error("Failure during compression: " + err.message);
  }
};

// node_modules/@smithy/middleware-compression/dist-es/constants.js
var CompressionAlgorithm;
(function(CompressionAlgorithm2) {
  CompressionAlgorithm2["GZIP"] = "gzip";
})(CompressionAlgorithm || (CompressionAlgorithm = {}));
var CLIENT_SUPPORTED_ALGORITHMS = [CompressionAlgorithm.GZIP];

// node_modules/@smithy/middleware-compression/dist-es/isStreaming.js
var isStreaming = (body) => body !== void 0 && typeof body !== "string" && !ArrayBuffer.isView(body) && !isArrayBuffer(body);

// node_modules/@smithy/middleware-compression/dist-es/compressionMiddleware.js
var compressionMiddleware = (config, middlewareConfig) => (next, context) => async (args) => {
  if (!HttpRequest.isInstance(args.request)) {
    return next(args);
  }
  const disableRequestCompression = await config.disableRequestCompression();
  if (disableRequestCompression) {
    return next(args);
  }
  const { request } = args;
  const { body, headers } = request;
  const { encodings, streamRequiresLength } = middlewareConfig;
  let updatedBody = body;
  let updatedHeaders = headers;
  for (const algorithm of encodings) {
    if (CLIENT_SUPPORTED_ALGORITHMS.includes(algorithm)) {
      let isRequestCompressed = false;
      if (isStreaming(body)) {
        if (!streamRequiresLength) {
          updatedBody = await compressStream(body);
          isRequestCompressed = true;
        } else {
          throw new Error("Compression is not supported for streaming blobs that require a length.");
        }
      } else {
        const bodyLength = config.bodyLengthChecker(body);
        const requestMinCompressionSizeBytes = await config.requestMinCompressionSizeBytes();
        if (bodyLength && bodyLength >= requestMinCompressionSizeBytes) {
          updatedBody = await compressString(body);
          isRequestCompressed = true;
        }
      }
      if (isRequestCompressed) {
        if (headers["content-encoding"]) {
          updatedHeaders = {
            ...headers,
            "content-encoding": `${headers["content-encoding"]}, ${algorithm}`
          };
        } else {
          updatedHeaders = { ...headers, "content-encoding": algorithm };
        }
        if (updatedHeaders["content-encoding"].includes("gzip")) {
          setFeature(context, "GZIP_REQUEST_COMPRESSION", "L");
        }
        break;
      }
    }
  }
  return next({
    ...args,
    request: {
      ...request,
      body: updatedBody,
      headers: updatedHeaders
    }
  });
};
var compressionMiddlewareOptions = {
  name: "compressionMiddleware",
  step: "build",
  tags: ["REQUEST_BODY_COMPRESSION", "GZIP"],
  override: true,
  priority: "high"
};

// node_modules/@smithy/middleware-compression/dist-es/getCompressionPlugin.js
var getCompressionPlugin = (config, middlewareConfig) => ({
  applyToStack: (clientStack) => {
    clientStack.add(compressionMiddleware(config, middlewareConfig), compressionMiddlewareOptions);
  }
});

// node_modules/@smithy/middleware-compression/dist-es/resolveCompressionConfig.js
var resolveCompressionConfig = (input) => {
  const { disableRequestCompression, requestMinCompressionSizeBytes: _requestMinCompressionSizeBytes } = input;
  return Object.assign(input, {
    disableRequestCompression: normalizeProvider(disableRequestCompression),
    requestMinCompressionSizeBytes: async () => {
      const requestMinCompressionSizeBytes = await normalizeProvider(_requestMinCompressionSizeBytes)();
      if (requestMinCompressionSizeBytes < 0 || requestMinCompressionSizeBytes > 10485760) {
        throw new RangeError(`The value for requestMinCompressionSizeBytes must be between 0 and 10485760 inclusive. The provided value ${requestMinCompressionSizeBytes} is outside this range."`);
      }
      return requestMinCompressionSizeBytes;
    }
  });
};

// node_modules/@aws-sdk/client-cloudwatch/dist-es/auth/httpAuthSchemeProvider.js
var defaultCloudWatchHttpAuthSchemeParametersProvider = async (config, context, input) => {
  return {
    operation: getSmithyContext(context).operation,
    region: await normalizeProvider(config.region)() || (() => {
      throw new Error("expected `region` to be configured for `aws.auth#sigv4`");
    })()
  };
};
function createAwsAuthSigv4HttpAuthOption(authParameters) {
  return {
    schemeId: "aws.auth#sigv4",
    signingProperties: {
      name: "monitoring",
      region: authParameters.region
    },
    propertiesExtractor: (config, context) => ({
      signingProperties: {
        config,
        context
      }
    })
  };
}
var defaultCloudWatchHttpAuthSchemeProvider = (authParameters) => {
  const options = [];
  switch (authParameters.operation) {
    default: {
      options.push(createAwsAuthSigv4HttpAuthOption(authParameters));
    }
  }
  return options;
};
var resolveHttpAuthSchemeConfig = (config) => {
  const config_0 = resolveAwsSdkSigV4Config(config);
  return Object.assign(config_0, {
    authSchemePreference: normalizeProvider(config.authSchemePreference ?? [])
  });
};

// node_modules/@aws-sdk/client-cloudwatch/dist-es/endpoint/EndpointParameters.js
var resolveClientEndpointParameters = (options) => {
  return Object.assign(options, {
    useDualstackEndpoint: options.useDualstackEndpoint ?? false,
    useFipsEndpoint: options.useFipsEndpoint ?? false,
    defaultSigningName: "monitoring"
  });
};
var commonParams = {
  UseFIPS: { type: "builtInParams", name: "useFipsEndpoint" },
  Endpoint: { type: "builtInParams", name: "endpoint" },
  Region: { type: "builtInParams", name: "region" },
  UseDualStack: { type: "builtInParams", name: "useDualstackEndpoint" }
};

// node_modules/@aws-sdk/client-cloudwatch/package.json
var package_default = {
  name: "@aws-sdk/client-cloudwatch",
  version: "3.1164.0",
  description: "AWS SDK for JavaScript Cloudwatch Client for Node.js, Browser and React Native",
  homepage: "https://github.com/aws/aws-sdk-js-v3/tree/main/clients/client-cloudwatch",
  license: "Apache-2.0",
  author: {
    name: "AWS SDK for JavaScript Team",
    url: "https://aws.amazon.com/sdk-for-javascript/"
  },
  repository: {
    type: "git",
    url: "https://github.com/aws/aws-sdk-js-v3.git",
    directory: "clients/client-cloudwatch"
  },
  files: [
    "dist-*/**"
  ],
  sideEffects: false,
  main: "./dist-cjs/index.js",
  module: "./dist-es/index.js",
  browser: {
    "./dist-es/runtimeConfig": "./dist-es/runtimeConfig.browser"
  },
  types: "./dist-types/index.d.ts",
  typesVersions: {
    "<4.5": {
      "dist-types/*": [
        "dist-types/ts3.4/*"
      ]
    }
  },
  "react-native": {
    "./dist-es/runtimeConfig": "./dist-es/runtimeConfig.native"
  },
  scripts: {
    build: "concurrently 'yarn:build:types' 'yarn:build:es' && yarn build:cjs",
    "build:cjs": "node ../../scripts/compilation/inline",
    "build:es": "premove dist-es && tsc -p tsconfig.es.json",
    "build:include:deps": 'yarn g:turbo run build -F="$npm_package_name"',
    "build:types": "premove dist-types && tsc -p tsconfig.types.json",
    "build:types:downlevel": "downlevel-dts dist-types dist-types/ts3.4",
    clean: "premove dist-cjs dist-es dist-types",
    "extract:docs": "api-extractor run --local",
    "generate:client": "node ../../scripts/generate-clients/single-service",
    test: "yarn g:vitest run --passWithNoTests",
    "test:watch": "yarn g:vitest watch --passWithNoTests",
    "test:integration": "yarn g:vitest run --passWithNoTests -c vitest.config.integ.mts",
    "test:integration:watch": "yarn g:vitest watch --passWithNoTests -c vitest.config.integ.mts",
    "test:e2e": "yarn g:vitest run -c vitest.config.e2e.mts",
    "test:e2e:watch": "yarn g:vitest watch -c vitest.config.e2e.mts",
    "test:index": "tsc -p tsconfig.test.json && node ./test/index-objects.spec.mjs"
  },
  dependencies: {
    "@aws-sdk/core": "^3.980.1",
    "@aws-sdk/credential-provider-node": "^3.972.94",
    "@aws-sdk/types": "^3.975.0",
    "@smithy/core": "^3.38.0",
    "@smithy/fetch-http-handler": "^5.8.0",
    "@smithy/middleware-compression": "^4.6.2",
    "@smithy/node-http-handler": "^4.14.0",
    "@smithy/types": "^4.19.0",
    tslib: "^2.6.2"
  },
  devDependencies: {
    "@smithy/snapshot-testing": "^2.4.0",
    "@tsconfig/node20": "20.1.8",
    "@types/node": "^20.14.8",
    concurrently: "7.0.0",
    "downlevel-dts": "0.10.1",
    premove: "4.0.0",
    typescript: "~7.0.2",
    vitest: "^4.0.17"
  },
  engines: {
    node: ">=20.0.0"
  }
};

// node_modules/@aws-sdk/client-cloudwatch/dist-es/endpoint/bdd.js
var k = "ref";
var a = -1;
var b = true;
var c = "isSet";
var d = "PartitionResult";
var e = "booleanEquals";
var f = "getAttr";
var g = { [k]: "Endpoint" };
var h = { [k]: d };
var i = {};
var j = [{ [k]: "Region" }];
var _data = {
  conditions: [
    [c, [g]],
    [c, j],
    ["aws.partition", j, d],
    [e, [{ [k]: "UseFIPS" }, b]],
    [e, [{ [k]: "UseDualStack" }, b]],
    ["stringEquals", [{ fn: f, argv: [h, "name"] }, "aws-us-gov"]],
    [e, [{ fn: f, argv: [h, "supportsFIPS"] }, b]],
    [e, [{ fn: f, argv: [h, "supportsDualStack"] }, b]]
  ],
  results: [
    [a],
    [a, "Invalid Configuration: FIPS and custom endpoint are not supported"],
    [a, "Invalid Configuration: Dualstack and custom endpoint are not supported"],
    [g, i],
    ["https://monitoring.{Region}.{PartitionResult#dnsSuffix}", i],
    ["https://monitoring.{Region}.{PartitionResult#dualStackDnsSuffix}", i],
    ["https://monitoring-fips.{Region}.{PartitionResult#dualStackDnsSuffix}", i],
    [a, "FIPS and DualStack are enabled, but this partition does not support one or both"],
    ["https://monitoring-fips.{Region}.{PartitionResult#dnsSuffix}", i],
    [a, "FIPS is enabled but this partition does not support FIPS"],
    [a, "DualStack is enabled but this partition does not support DualStack"],
    [a, "Invalid Configuration: Missing Region"]
  ]
};
var root = 2;
var r = 1e8;
var nodes = new Int32Array([
  -1,
  1,
  -1,
  0,
  14,
  3,
  1,
  4,
  r + 11,
  2,
  5,
  r + 11,
  3,
  8,
  6,
  4,
  7,
  r + 4,
  7,
  r + 5,
  r + 10,
  4,
  11,
  9,
  5,
  r + 4,
  10,
  6,
  r + 8,
  r + 9,
  5,
  r + 5,
  12,
  6,
  13,
  r + 7,
  7,
  r + 6,
  r + 7,
  3,
  r + 1,
  15,
  4,
  r + 2,
  r + 3
]);
var bdd = BinaryDecisionDiagram.from(nodes, root, _data.conditions, _data.results);

// node_modules/@aws-sdk/client-cloudwatch/dist-es/endpoint/endpointResolver.js
var cache = new EndpointCache({
  size: 50,
  params: ["Endpoint", "Region", "UseDualStack", "UseFIPS"]
});
var defaultEndpointResolver = (endpointParams, context = {}) => {
  return cache.get(endpointParams, () => decideEndpoint(bdd, {
    endpointParams,
    logger: context.logger
  }));
};
customEndpointFunctions.aws = awsEndpointFunctions;

// node_modules/@aws-sdk/client-cloudwatch/dist-es/models/CloudWatchServiceException.js
var CloudWatchServiceException = class _CloudWatchServiceException extends ServiceException {
  static shapeId = "smithy.ts.sdk.synthetic.com.amazonaws.cloudwatch#CloudWatchServiceException";
  constructor(options) {
    super(options);
    Object.setPrototypeOf(this, _CloudWatchServiceException.prototype);
  }
};

// node_modules/@aws-sdk/client-cloudwatch/dist-es/models/errors.js
var ConflictException = class _ConflictException extends CloudWatchServiceException {
  static shapeId = "com.amazonaws.cloudwatch#ConflictException";
  name = "ConflictException";
  $fault = "client";
  Message;
  constructor(opts) {
    super({
      name: "ConflictException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _ConflictException.prototype);
    this.Message = opts.Message;
  }
};
var KmsAccessDeniedException = class _KmsAccessDeniedException extends CloudWatchServiceException {
  static shapeId = "com.amazonaws.cloudwatch#KmsAccessDeniedException";
  name = "KmsAccessDeniedException";
  $fault = "client";
  Message;
  constructor(opts) {
    super({
      name: "KmsAccessDeniedException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _KmsAccessDeniedException.prototype);
    this.Message = opts.Message;
  }
};
var KmsKeyDisabledException = class _KmsKeyDisabledException extends CloudWatchServiceException {
  static shapeId = "com.amazonaws.cloudwatch#KmsKeyDisabledException";
  name = "KmsKeyDisabledException";
  $fault = "client";
  Message;
  constructor(opts) {
    super({
      name: "KmsKeyDisabledException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _KmsKeyDisabledException.prototype);
    this.Message = opts.Message;
  }
};
var KmsKeyNotFoundException = class _KmsKeyNotFoundException extends CloudWatchServiceException {
  static shapeId = "com.amazonaws.cloudwatch#KmsKeyNotFoundException";
  name = "KmsKeyNotFoundException";
  $fault = "client";
  Message;
  constructor(opts) {
    super({
      name: "KmsKeyNotFoundException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _KmsKeyNotFoundException.prototype);
    this.Message = opts.Message;
  }
};
var ResourceNotFoundException = class _ResourceNotFoundException extends CloudWatchServiceException {
  static shapeId = "com.amazonaws.cloudwatch#ResourceNotFoundException";
  name = "ResourceNotFoundException";
  $fault = "client";
  ResourceType;
  ResourceId;
  Message;
  constructor(opts) {
    super({
      name: "ResourceNotFoundException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _ResourceNotFoundException.prototype);
    this.ResourceType = opts.ResourceType;
    this.ResourceId = opts.ResourceId;
    this.Message = opts.Message;
  }
};
var ConcurrentModificationException = class _ConcurrentModificationException extends CloudWatchServiceException {
  static shapeId = "com.amazonaws.cloudwatch#ConcurrentModificationException";
  name = "ConcurrentModificationException";
  $fault = "client";
  Message;
  constructor(opts) {
    super({
      name: "ConcurrentModificationException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _ConcurrentModificationException.prototype);
    this.Message = opts.Message;
  }
};
var DashboardInvalidInputError = class _DashboardInvalidInputError extends CloudWatchServiceException {
  static shapeId = "com.amazonaws.cloudwatch#DashboardInvalidInputError";
  name = "DashboardInvalidInputError";
  $fault = "client";
  dashboardValidationMessages;
  constructor(opts) {
    super({
      name: "DashboardInvalidInputError",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _DashboardInvalidInputError.prototype);
    this.dashboardValidationMessages = opts.dashboardValidationMessages;
  }
};
var DashboardNotFoundError = class _DashboardNotFoundError extends CloudWatchServiceException {
  static shapeId = "com.amazonaws.cloudwatch#DashboardNotFoundError";
  name = "DashboardNotFoundError";
  $fault = "client";
  constructor(opts) {
    super({
      name: "DashboardNotFoundError",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _DashboardNotFoundError.prototype);
  }
};
var ResourceConflict = class _ResourceConflict extends CloudWatchServiceException {
  static shapeId = "com.amazonaws.cloudwatch#ResourceConflict";
  name = "ResourceConflict";
  $fault = "client";
  constructor(opts) {
    super({
      name: "ResourceConflict",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _ResourceConflict.prototype);
  }
};
var ResourceNotFound = class _ResourceNotFound extends CloudWatchServiceException {
  static shapeId = "com.amazonaws.cloudwatch#ResourceNotFound";
  name = "ResourceNotFound";
  $fault = "client";
  constructor(opts) {
    super({
      name: "ResourceNotFound",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _ResourceNotFound.prototype);
  }
};
var InternalServiceFault = class _InternalServiceFault extends CloudWatchServiceException {
  static shapeId = "com.amazonaws.cloudwatch#InternalServiceFault";
  name = "InternalServiceFault";
  $fault = "server";
  Message;
  constructor(opts) {
    super({
      name: "InternalServiceFault",
      $fault: "server",
      ...opts
    });
    Object.setPrototypeOf(this, _InternalServiceFault.prototype);
    this.Message = opts.Message;
  }
};
var InvalidParameterCombinationException = class _InvalidParameterCombinationException extends CloudWatchServiceException {
  static shapeId = "com.amazonaws.cloudwatch#InvalidParameterCombinationException";
  name = "InvalidParameterCombinationException";
  $fault = "client";
  constructor(opts) {
    super({
      name: "InvalidParameterCombinationException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _InvalidParameterCombinationException.prototype);
  }
};
var InvalidParameterValueException = class _InvalidParameterValueException extends CloudWatchServiceException {
  static shapeId = "com.amazonaws.cloudwatch#InvalidParameterValueException";
  name = "InvalidParameterValueException";
  $fault = "client";
  constructor(opts) {
    super({
      name: "InvalidParameterValueException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _InvalidParameterValueException.prototype);
  }
};
var MissingRequiredParameterException = class _MissingRequiredParameterException extends CloudWatchServiceException {
  static shapeId = "com.amazonaws.cloudwatch#MissingRequiredParameterException";
  name = "MissingRequiredParameterException";
  $fault = "client";
  constructor(opts) {
    super({
      name: "MissingRequiredParameterException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _MissingRequiredParameterException.prototype);
  }
};
var InvalidNextToken = class _InvalidNextToken extends CloudWatchServiceException {
  static shapeId = "com.amazonaws.cloudwatch#InvalidNextToken";
  name = "InvalidNextToken";
  $fault = "client";
  constructor(opts) {
    super({
      name: "InvalidNextToken",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _InvalidNextToken.prototype);
  }
};
var LimitExceededException = class _LimitExceededException extends CloudWatchServiceException {
  static shapeId = "com.amazonaws.cloudwatch#LimitExceededException";
  name = "LimitExceededException";
  $fault = "client";
  Message;
  constructor(opts) {
    super({
      name: "LimitExceededException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _LimitExceededException.prototype);
    this.Message = opts.Message;
  }
};
var LimitExceededFault = class _LimitExceededFault extends CloudWatchServiceException {
  static shapeId = "com.amazonaws.cloudwatch#LimitExceededFault";
  name = "LimitExceededFault";
  $fault = "client";
  constructor(opts) {
    super({
      name: "LimitExceededFault",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _LimitExceededFault.prototype);
  }
};
var InvalidFormatFault = class _InvalidFormatFault extends CloudWatchServiceException {
  static shapeId = "com.amazonaws.cloudwatch#InvalidFormatFault";
  name = "InvalidFormatFault";
  $fault = "client";
  constructor(opts) {
    super({
      name: "InvalidFormatFault",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _InvalidFormatFault.prototype);
  }
};
var ValidationException = class _ValidationException extends CloudWatchServiceException {
  static shapeId = "com.amazonaws.cloudwatch#ValidationException";
  name = "ValidationException";
  $fault = "client";
  constructor(opts) {
    super({
      name: "ValidationException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _ValidationException.prototype);
  }
};

// node_modules/@aws-sdk/client-cloudwatch/dist-es/schemas/schemas_0.js
var _A = "Average";
var _AA = "AlarmActions";
var _AAV = "ApproximateAggregateValue";
var _AAl = "AlarmArn";
var _AC = "ActionConfiguration";
var _ACA = "AlarmContributorAttributes";
var _ACI = "AlarmContributorId";
var _ACUT = "AlarmConfigurationUpdatedTimestamp";
var _ACl = "AlarmContributor";
var _ACla = "AlarmContributors";
var _AD = "AnomalyDetector";
var _ADC = "AnomalyDetectorConfiguration";
var _ADETR = "AnomalyDetectorExcludedTimeRanges";
var _ADI = "AnomalyDetectorId";
var _ADIn = "AnomalyDetectorIds";
var _ADKK = "AssociateDatasetKmsKey";
var _ADKKI = "AssociateDatasetKmsKeyInput";
var _ADKKO = "AssociateDatasetKmsKeyOutput";
var _ADT = "AnomalyDetectorTypes";
var _ADl = "AlarmDescription";
var _ADn = "AnomalyDetectors";
var _AE = "ActionsEnabled";
var _AEg = "AggregationExpression";
var _AHI = "AlarmHistoryItem";
var _AHIl = "AlarmHistoryItems";
var _AI = "AccountId";
var _ALLC = "ActionLogLineCount";
var _ALLRA = "ActionLogLineRoleArn";
var _AMRA = "AlarmMuteRuleArn";
var _AMRN = "AlarmMuteRuleName";
var _AMRS = "AlarmMuteRuleSummary";
var _AMRSl = "AlarmMuteRuleSummaries";
var _AN = "AlarmName";
var _ANP = "AlarmNamePrefix";
var _ANl = "AlarmNames";
var _AOTL = "ApplyOnTransformedLogs";
var _AP = "ActionPrefix";
var _APQLC = "AlarmPromQLCriteria";
var _AR = "AlarmRule";
var _AS = "AdaptationSpeed";
var _ASB = "ActionsSuppressedBy";
var _ASEP = "ActionsSuppressorExtensionPeriod";
var _ASR = "ActionsSuppressedReason";
var _ASWP = "ActionsSuppressorWaitPeriod";
var _ASc = "ActionsSuppressor";
var _ASd = "AdditionalStatistics";
var _ASg = "AggregationStatistic";
var _AT = "AlarmType";
var _ATP = "AlarmTagsPropagation";
var _ATl = "AlarmTypes";
var _AUC = "ApproximateUniqueCount";
var _AV = "AggregateValue";
var _AVp = "ApproximateValue";
var _Ar = "Arn";
var _At = "Attributes";
var _BF = "BatchFailures";
var _C = "Configuration";
var _CA = "ContributorAttributes";
var _CAo = "CompositeAlarm";
var _CAom = "CompositeAlarms";
var _CAr = "CreatedAt";
var _CD = "CreationDate";
var _CE = "ConflictException";
var _CI = "ContributorId";
var _CME = "ConcurrentModificationException";
var _CO = "ComparisonOperator";
var _COAN = "ChildrenOfAlarmName";
var _CRMC = "CreateResourceMetricsConfiguration";
var _CRMCI = "CreateResourceMetricsConfigurationInput";
var _CRMCO = "CreateResourceMetricsConfigurationOutput";
var _Co = "Contributors";
var _Cod = "Code";
var _Cou = "Counts";
var _D = "Dimensions";
var _DA = "DashboardArn";
var _DAA = "DisableAlarmActions";
var _DAAI = "DisableAlarmActionsInput";
var _DAC = "DescribeAlarmContributors";
var _DACI = "DescribeAlarmContributorsInput";
var _DACO = "DescribeAlarmContributorsOutput";
var _DAD = "DeleteAnomalyDetector";
var _DADI = "DeleteAnomalyDetectorInput";
var _DADIe = "DescribeAnomalyDetectorsInput";
var _DADO = "DeleteAnomalyDetectorOutput";
var _DADOe = "DescribeAnomalyDetectorsOutput";
var _DADe = "DescribeAnomalyDetectors";
var _DAFM = "DescribeAlarmsForMetric";
var _DAFMI = "DescribeAlarmsForMetricInput";
var _DAFMO = "DescribeAlarmsForMetricOutput";
var _DAH = "DescribeAlarmHistory";
var _DAHI = "DescribeAlarmHistoryInput";
var _DAHO = "DescribeAlarmHistoryOutput";
var _DAI = "DeleteAlarmsInput";
var _DAIe = "DescribeAlarmsInput";
var _DAMR = "DeleteAlarmMuteRule";
var _DAMRI = "DeleteAlarmMuteRuleInput";
var _DAO = "DescribeAlarmsOutput";
var _DAe = "DeleteAlarms";
var _DAes = "DescribeAlarms";
var _DB = "DashboardBody";
var _DD = "DeleteDashboards";
var _DDI = "DeleteDashboardsInput";
var _DDKK = "DisassociateDatasetKmsKey";
var _DDKKI = "DisassociateDatasetKmsKeyInput";
var _DDKKO = "DisassociateDatasetKmsKeyOutput";
var _DDO = "DeleteDashboardsOutput";
var _DE = "DashboardEntry";
var _DEa = "DashboardEntries";
var _DF = "DimensionFilter";
var _DFi = "DimensionFilters";
var _DI = "DatasetIdentifier";
var _DIIE = "DashboardInvalidInputError";
var _DIR = "DeleteInsightRules";
var _DIRI = "DeleteInsightRulesInput";
var _DIRIe = "DescribeInsightRulesInput";
var _DIRIi = "DisableInsightRulesInput";
var _DIRO = "DeleteInsightRulesOutput";
var _DIROe = "DescribeInsightRulesOutput";
var _DIROi = "DisableInsightRulesOutput";
var _DIRe = "DescribeInsightRules";
var _DIRi = "DisableInsightRules";
var _DIa = "DatasetId";
var _DMS = "DeleteMetricStream";
var _DMSI = "DeleteMetricStreamInput";
var _DMSO = "DeleteMetricStreamOutput";
var _DN = "DashboardName";
var _DNFE = "DashboardNotFoundError";
var _DNP = "DashboardNamePrefix";
var _DNa = "DashboardNames";
var _DP = "DataPath";
var _DRMC = "DeleteResourceMetricsConfiguration";
var _DRMCI = "DeleteResourceMetricsConfigurationInput";
var _DRMCO = "DeleteResourceMetricsConfigurationOutput";
var _DTA = "DatapointsToAlarm";
var _DVM = "DashboardValidationMessage";
var _DVMa = "DashboardValidationMessages";
var _Da = "Datapoint";
var _Dat = "Datapoints";
var _De = "Description";
var _Def = "Definition";
var _Di = "Dimension";
var _Du = "Duration";
var _E = "Enabled";
var _EAA = "EnableAlarmActions";
var _EAAI = "EnableAlarmActionsInput";
var _EC = "EvaluationCriteria";
var _ED = "ExpireDate";
var _EDn = "EndDate";
var _EF = "ExcludeFilters";
var _EI = "EvaluationInterval";
var _EIR = "EnableInsightRules";
var _EIRI = "EnableInsightRulesInput";
var _EIRO = "EnableInsightRulesOutput";
var _ELSCP = "EvaluateLowSampleCountPercentile";
var _EMD = "EntityMetricData";
var _EMDL = "EntityMetricDataList";
var _EP = "EvaluationPeriods";
var _ES = "ExtendedStatistics";
var _ESv = "EvaluationState";
var _ESx = "ExtendedStatistic";
var _ET = "EndTime";
var _ETK = "ExcludedTagKeys";
var _ETO = "EndTimeOffset";
var _ETR = "ExcludedTimeRanges";
var _ETx = "ExceptionType";
var _EW = "EvaluationWindow";
var _En = "Entity";
var _Ent = "Entries";
var _Ex = "Expression";
var _F = "Failures";
var _FA = "FirehoseArn";
var _FC = "FailureCode";
var _FD = "FailureDescription";
var _FR = "FailureResource";
var _GAMR = "GetAlarmMuteRule";
var _GAMRI = "GetAlarmMuteRuleInput";
var _GAMRO = "GetAlarmMuteRuleOutput";
var _GD = "GetDashboard";
var _GDI = "GetDashboardInput";
var _GDIe = "GetDatasetInput";
var _GDO = "GetDashboardOutput";
var _GDOe = "GetDatasetOutput";
var _GDe = "GetDataset";
var _GIRR = "GetInsightRuleReport";
var _GIRRI = "GetInsightRuleReportInput";
var _GIRRO = "GetInsightRuleReportOutput";
var _GMD = "GetMetricData";
var _GMDI = "GetMetricDataInput";
var _GMDO = "GetMetricDataOutput";
var _GMS = "GetMetricStatistics";
var _GMSI = "GetMetricStatisticsInput";
var _GMSIe = "GetMetricStreamInput";
var _GMSO = "GetMetricStatisticsOutput";
var _GMSOe = "GetMetricStreamOutput";
var _GMSe = "GetMetricStream";
var _GMWI = "GetMetricWidgetImage";
var _GMWII = "GetMetricWidgetImageInput";
var _GMWIO = "GetMetricWidgetImageOutput";
var _GOTE = "GetOTelEnrichment";
var _GOTEI = "GetOTelEnrichmentInput";
var _GOTEO = "GetOTelEnrichmentOutput";
var _GRMC = "GetResourceMetricsConfiguration";
var _GRMCI = "GetResourceMetricsConfigurationInput";
var _GRMCO = "GetResourceMetricsConfigurationOutput";
var _HD = "HistoryData";
var _HIT = "HistoryItemType";
var _HS = "HistorySummary";
var _I = "Id";
var _IDA = "InsufficientDataActions";
var _IF = "IncludeFilters";
var _IFF = "InvalidFormatFault";
var _ILA = "IncludeLinkedAccounts";
var _ILAM = "IncludeLinkedAccountsMetrics";
var _IM = "IncludeMetrics";
var _INT = "InvalidNextToken";
var _IPCE = "InvalidParameterCombinationException";
var _IPVE = "InvalidParameterValueException";
var _IR = "InsightRules";
var _IRC = "InsightRuleContributor";
var _IRCD = "InsightRuleContributorDatapoint";
var _IRCDn = "InsightRuleContributorDatapoints";
var _IRCn = "InsightRuleContributors";
var _IRMD = "InsightRuleMetricDatapoint";
var _IRMDn = "InsightRuleMetricDatapoints";
var _IRn = "InsightRule";
var _ISF = "InternalServiceFault";
var _ITK = "IncludedTagKeys";
var _K = "Keys";
var _KA = "KeyAttributes";
var _KADE = "KmsAccessDeniedException";
var _KKA = "KmsKeyArn";
var _KKDE = "KmsKeyDisabledException";
var _KKNFE = "KmsKeyNotFoundException";
var _KL = "KeyLabels";
var _Ke = "Key";
var _L = "Label";
var _LA = "LogAlarms";
var _LAMR = "ListAlarmMuteRules";
var _LAMRI = "ListAlarmMuteRulesInput";
var _LAMRO = "ListAlarmMuteRulesOutput";
var _LAo = "LogAlarm";
var _LD = "ListDashboards";
var _LDI = "ListDashboardsInput";
var _LDO = "ListDashboardsOutput";
var _LEE = "LimitExceededException";
var _LEF = "LimitExceededFault";
var _LGI = "LogGroupIdentifiers";
var _LM = "LastModified";
var _LMI = "ListMetricsInput";
var _LMIR = "ListManagedInsightRules";
var _LMIRI = "ListManagedInsightRulesInput";
var _LMIRO = "ListManagedInsightRulesOutput";
var _LMO = "ListMetricsOutput";
var _LMS = "ListMetricStreams";
var _LMSI = "ListMetricStreamsInput";
var _LMSO = "ListMetricStreamsOutput";
var _LMi = "ListMetrics";
var _LO = "LabelOptions";
var _LTFR = "ListTagsForResource";
var _LTFRI = "ListTagsForResourceInput";
var _LTFRO = "ListTagsForResourceOutput";
var _LUD = "LastUpdateDate";
var _LUT = "LastUpdatedTimestamp";
var _M = "Message";
var _MA = "MetricAlarms";
var _MAe = "MetricAlarm";
var _MC = "MetricCharacteristics";
var _MCC = "MaxContributorCount";
var _MCV = "MaxContributorValue";
var _MD = "MetricData";
var _MDQ = "MetricDataQueries";
var _MDQe = "MetricDataQuery";
var _MDR = "MetricDataResults";
var _MDRM = "MetricDataResultMessages";
var _MDRe = "MetricDataResult";
var _MDa = "MaxDatapoints";
var _MDe = "MetricDatapoints";
var _MDes = "MessageData";
var _MDet = "MetricDatum";
var _MMAD = "MetricMathAnomalyDetector";
var _MN = "MetricName";
var _MNe = "MetricNames";
var _MR = "MaxRecords";
var _MRD = "ManagedRuleDescription";
var _MRDa = "ManagedRuleDescriptions";
var _MRPE = "MissingRequiredParameterException";
var _MRS = "ManagedRuleState";
var _MRa = "MaxResults";
var _MRan = "ManagedRule";
var _MRana = "ManagedRules";
var _MS = "MetricSelections";
var _MSE = "MetricStreamEntry";
var _MSEe = "MetricStreamEntries";
var _MSF = "MetricStreamFilter";
var _MSFe = "MetricStreamFilters";
var _MSSC = "MetricStreamStatisticsConfiguration";
var _MSSCe = "MetricStreamStatisticsConfigurations";
var _MSSIM = "MetricStreamStatisticsIncludeMetrics";
var _MSSM = "MetricStreamStatisticsMetric";
var _MSe = "MetricStat";
var _MT = "MuteType";
var _MTe = "MetricTimezone";
var _MTu = "MuteTargets";
var _MW = "MetricWidget";
var _MWI = "MetricWidgetImage";
var _Ma = "Maximum";
var _Me = "Metrics";
var _Mes = "Messages";
var _Met = "Metric";
var _Mi = "Minimum";
var _N = "Namespace";
var _NT = "NextToken";
var _Na = "Name";
var _Nam = "Names";
var _OA = "OwningAccount";
var _OAw = "OwningAccounts";
var _OB = "OrderBy";
var _OF = "OutputFormat";
var _OFS = "OutlierFilteringStrength";
var _OKA = "OKActions";
var _OSEAWUPE = "OnlyStartEvaluatingAfterWarmUpPeriodEnds";
var _OTEMS = "OTelEnrichmentMetricSelector";
var _OTEMSL = "OTelEnrichmentMetricSelectorList";
var _P = "Period";
var _PAD = "PutAnomalyDetector";
var _PADI = "PutAnomalyDetectorInput";
var _PADO = "PutAnomalyDetectorOutput";
var _PAMR = "PutAlarmMuteRule";
var _PAMRI = "PutAlarmMuteRuleInput";
var _PCA = "PutCompositeAlarm";
var _PCAI = "PutCompositeAlarmInput";
var _PD = "PutDashboard";
var _PDI = "PutDashboardInput";
var _PDO = "PutDashboardOutput";
var _PF = "PartialFailure";
var _PIR = "PutInsightRule";
var _PIRI = "PutInsightRuleInput";
var _PIRO = "PutInsightRuleOutput";
var _PLA = "PutLogAlarm";
var _PLAI = "PutLogAlarmInput";
var _PMA = "PutMetricAlarm";
var _PMAI = "PutMetricAlarmInput";
var _PMD = "PutMetricData";
var _PMDI = "PutMetricDataInput";
var _PMIR = "PutManagedInsightRules";
var _PMIRI = "PutManagedInsightRulesInput";
var _PMIRO = "PutManagedInsightRulesOutput";
var _PMS = "PutMetricStream";
var _PMSI = "PutMetricStreamInput";
var _PMSO = "PutMetricStreamOutput";
var _POAN = "ParentsOfAlarmName";
var _PP = "PendingPeriod";
var _PQLC = "PromQLCriteria";
var _PS = "PeriodicSpikes";
var _Q = "Query";
var _QARN = "QueryARN";
var _QRTA = "QueryResultsToAlarm";
var _QRTE = "QueryResultsToEvaluate";
var _QS = "QueryString";
var _R = "Rule";
var _RA = "ResourceArn";
var _RARN = "ResourceARN";
var _RAe = "RecentlyActive";
var _RAo = "RoleArn";
var _RC = "ResourceConflict";
var _RD = "ReturnData";
var _RDu = "RuleDefinition";
var _RI = "ResourceId";
var _RMC = "ResourceMetricsConfiguration";
var _RMS = "ResourceMetricSelection";
var _RMSL = "ResourceMetricSelectionList";
var _RN = "RuleNames";
var _RNF = "ResourceNotFound";
var _RNFE = "ResourceNotFoundException";
var _RNu = "RuleName";
var _RP = "RecoveryPeriod";
var _RS = "RuleState";
var _RT = "ResourceType";
var _Ra = "Range";
var _S = "Status";
var _SAS = "SetAlarmState";
var _SASI = "SetAlarmStateInput";
var _SB = "ScanBy";
var _SC = "SampleCount";
var _SCc = "ScheduleConfiguration";
var _SCt = "StatisticsConfigurations";
var _SCta = "StatusCode";
var _SD = "StartDate";
var _SE = "ScheduleExpression";
var _SEV = "StrictEntityValidation";
var _SMAD = "SingleMetricAnomalyDetector";
var _SMS = "StartMetricStreams";
var _SMSI = "StartMetricStreamsInput";
var _SMSIt = "StopMetricStreamsInput";
var _SMSO = "StartMetricStreamsOutput";
var _SMSOt = "StopMetricStreamsOutput";
var _SMSt = "StopMetricStreams";
var _SOTE = "StartOTelEnrichment";
var _SOTEI = "StartOTelEnrichmentInput";
var _SOTEIt = "StopOTelEnrichmentInput";
var _SOTEO = "StartOTelEnrichmentOutput";
var _SOTEOt = "StopOTelEnrichmentOutput";
var _SOTEt = "StopOTelEnrichment";
var _SQC = "ScheduledQueryConfiguration";
var _SQRARN = "ScheduledQueryRoleARN";
var _SR = "StateReason";
var _SRD = "StateReasonData";
var _SRt = "StorageResolution";
var _SS = "StatisticSet";
var _ST = "StartTime";
var _STO = "StartTimeOffset";
var _STT = "StateTransitionedTimestamp";
var _SUT = "StateUpdatedTimestamp";
var _SV = "StateValue";
var _SVt = "StatisticValues";
var _SW = "SlidingWindow";
var _Sc = "Schema";
var _Sch = "Schedule";
var _Si = "Size";
var _St = "Stat";
var _Sta = "Statistic";
var _Stat = "Statistics";
var _State = "State";
var _Statu = "Statuses";
var _Su = "Sum";
var _T = "Timestamp";
var _TK = "TagKeys";
var _TL = "TagList";
var _TMD = "TreatMissingData";
var _TMI = "ThresholdMetricId";
var _TN = "TemplateName";
var _TR = "TagResource";
var _TRI = "TagResourceInput";
var _TRO = "TagResourceOutput";
var _Ta = "Tags";
var _Tag = "Tag";
var _Th = "Threshold";
var _Ti = "Timezone";
var _Tim = "Timestamps";
var _U = "Unit";
var _UA = "UpdatedAt";
var _UC = "UniqueContributors";
var _UOTE = "UpdateOTelEnrichment";
var _UOTEI = "UpdateOTelEnrichmentInput";
var _UOTEO = "UpdateOTelEnrichmentOutput";
var _UR = "UntagResource";
var _URI = "UntagResourceInput";
var _URMC = "UpdateResourceMetricsConfiguration";
var _URMCI = "UpdateResourceMetricsConfigurationInput";
var _URMCO = "UpdateResourceMetricsConfigurationOutput";
var _URO = "UntagResourceOutput";
var _V = "Value";
var _VE = "ValidationException";
var _Va = "Values";
var _WCW = "WallClockWindow";
var _WUC = "WarmUpConfiguration";
var _WUPDIM = "WarmUpPeriodDurationInMinutes";
var _aQE = "awsQueryError";
var _c = "client";
var _dVM = "dashboardValidationMessages";
var _e = "error";
var _hE = "httpError";
var _m = "message";
var _s = "smithy.ts.sdk.synthetic.com.amazonaws.cloudwatch";
var _se = "server";
var n0 = "com.amazonaws.cloudwatch";
var _s_registry = new TypeRegistry(_s);
var CloudWatchServiceException$ = [-3, _s, "CloudWatchServiceException", 0, [], []];
_s_registry.registerError(CloudWatchServiceException$, CloudWatchServiceException);
var n0_registry = new TypeRegistry(n0);
var ConcurrentModificationException$ = [
  -3,
  n0,
  _CME,
  { [_aQE]: [`ConcurrentModificationException`, 429], [_e]: _c, [_hE]: 429 },
  [_M],
  [0]
];
n0_registry.registerError(ConcurrentModificationException$, ConcurrentModificationException);
var ConflictException$ = [
  -3,
  n0,
  _CE,
  { [_e]: _c, [_hE]: 409 },
  [_M],
  [0]
];
n0_registry.registerError(ConflictException$, ConflictException);
var DashboardInvalidInputError$ = [
  -3,
  n0,
  _DIIE,
  { [_aQE]: [`InvalidParameterInput`, 400], [_e]: _c, [_hE]: 400 },
  [_m, _dVM],
  [0, () => DashboardValidationMessages]
];
n0_registry.registerError(DashboardInvalidInputError$, DashboardInvalidInputError);
var DashboardNotFoundError$ = [
  -3,
  n0,
  _DNFE,
  { [_aQE]: [`ResourceNotFound`, 404], [_e]: _c, [_hE]: 404 },
  [_m],
  [0]
];
n0_registry.registerError(DashboardNotFoundError$, DashboardNotFoundError);
var InternalServiceFault$ = [
  -3,
  n0,
  _ISF,
  { [_aQE]: [`InternalServiceError`, 500], [_e]: _se, [_hE]: 500 },
  [_M],
  [0]
];
n0_registry.registerError(InternalServiceFault$, InternalServiceFault);
var InvalidFormatFault$ = [
  -3,
  n0,
  _IFF,
  { [_aQE]: [`InvalidFormat`, 400], [_e]: _c, [_hE]: 400 },
  [_m],
  [0]
];
n0_registry.registerError(InvalidFormatFault$, InvalidFormatFault);
var InvalidNextToken$ = [
  -3,
  n0,
  _INT,
  { [_aQE]: [`InvalidNextToken`, 400], [_e]: _c, [_hE]: 400 },
  [_m],
  [0]
];
n0_registry.registerError(InvalidNextToken$, InvalidNextToken);
var InvalidParameterCombinationException$ = [
  -3,
  n0,
  _IPCE,
  { [_aQE]: [`InvalidParameterCombination`, 400], [_e]: _c, [_hE]: 400 },
  [_m],
  [0]
];
n0_registry.registerError(InvalidParameterCombinationException$, InvalidParameterCombinationException);
var InvalidParameterValueException$ = [
  -3,
  n0,
  _IPVE,
  { [_aQE]: [`InvalidParameterValue`, 400], [_e]: _c, [_hE]: 400 },
  [_m],
  [0]
];
n0_registry.registerError(InvalidParameterValueException$, InvalidParameterValueException);
var KmsAccessDeniedException$ = [
  -3,
  n0,
  _KADE,
  { [_e]: _c },
  [_M],
  [0],
  1
];
n0_registry.registerError(KmsAccessDeniedException$, KmsAccessDeniedException);
var KmsKeyDisabledException$ = [
  -3,
  n0,
  _KKDE,
  { [_e]: _c },
  [_M],
  [0],
  1
];
n0_registry.registerError(KmsKeyDisabledException$, KmsKeyDisabledException);
var KmsKeyNotFoundException$ = [
  -3,
  n0,
  _KKNFE,
  { [_e]: _c },
  [_M],
  [0],
  1
];
n0_registry.registerError(KmsKeyNotFoundException$, KmsKeyNotFoundException);
var LimitExceededException$ = [
  -3,
  n0,
  _LEE,
  { [_aQE]: [`LimitExceededException`, 400], [_e]: _c, [_hE]: 400 },
  [_M],
  [0]
];
n0_registry.registerError(LimitExceededException$, LimitExceededException);
var LimitExceededFault$ = [
  -3,
  n0,
  _LEF,
  { [_aQE]: [`LimitExceeded`, 400], [_e]: _c, [_hE]: 400 },
  [_m],
  [0]
];
n0_registry.registerError(LimitExceededFault$, LimitExceededFault);
var MissingRequiredParameterException$ = [
  -3,
  n0,
  _MRPE,
  { [_aQE]: [`MissingParameter`, 400], [_e]: _c, [_hE]: 400 },
  [_m],
  [0]
];
n0_registry.registerError(MissingRequiredParameterException$, MissingRequiredParameterException);
var ResourceConflict$ = [
  -3,
  n0,
  _RC,
  { [_aQE]: [`ResourceConflict`, 409], [_e]: _c, [_hE]: 409 },
  [_m],
  [0]
];
n0_registry.registerError(ResourceConflict$, ResourceConflict);
var ResourceNotFound$ = [
  -3,
  n0,
  _RNF,
  { [_aQE]: [`ResourceNotFound`, 404], [_e]: _c, [_hE]: 404 },
  [_m],
  [0]
];
n0_registry.registerError(ResourceNotFound$, ResourceNotFound);
var ResourceNotFoundException$ = [
  -3,
  n0,
  _RNFE,
  { [_aQE]: [`ResourceNotFoundException`, 404], [_e]: _c, [_hE]: 404 },
  [_RT, _RI, _M],
  [0, 0, 0]
];
n0_registry.registerError(ResourceNotFoundException$, ResourceNotFoundException);
var ValidationException$ = [
  -3,
  n0,
  _VE,
  { [_aQE]: [`ValidationError`, 400], [_e]: _c, [_hE]: 400 },
  [_m],
  [0]
];
n0_registry.registerError(ValidationException$, ValidationException);
var errorTypeRegistries = [
  _s_registry,
  n0_registry
];
var ActionConfiguration$ = [
  3,
  n0,
  _AC,
  0,
  [_ATP],
  [() => AlarmTagsPropagation$]
];
var AlarmContributor$ = [
  3,
  n0,
  _ACl,
  0,
  [_CI, _CA, _SR, _STT],
  [0, 128 | 0, 0, 4],
  3
];
var AlarmHistoryItem$ = [
  3,
  n0,
  _AHI,
  0,
  [_AN, _ACI, _AT, _T, _HIT, _HS, _HD, _ACA],
  [0, 0, 0, 4, 0, 0, 0, 128 | 0]
];
var AlarmMuteRuleSummary$ = [
  3,
  n0,
  _AMRS,
  0,
  [_AMRA, _ED, _S, _MT, _LUT],
  [0, 4, 0, 0, 4]
];
var AlarmPromQLCriteria$ = [
  3,
  n0,
  _APQLC,
  0,
  [_Q, _PP, _RP],
  [0, 1, 1],
  1
];
var AlarmTagsPropagation$ = [
  3,
  n0,
  _ATP,
  0,
  [_E, _ITK, _ETK],
  [2, 64 | 0, 64 | 0],
  1
];
var AnomalyDetector$ = [
  3,
  n0,
  _AD,
  0,
  [_ADI, _N, _MN, _D, _St, _C, _SV, _MC, _SMAD, _MMAD],
  [0, 0, 0, () => Dimensions, 0, () => AnomalyDetectorConfiguration$, 0, () => MetricCharacteristics$, () => SingleMetricAnomalyDetector$, () => MetricMathAnomalyDetector$]
];
var AnomalyDetectorConfiguration$ = [
  3,
  n0,
  _ADC,
  0,
  [_ETR, _MTe, _AS, _OFS],
  [() => AnomalyDetectorExcludedTimeRanges, 0, 0, 0]
];
var AssociateDatasetKmsKeyInput$ = [
  3,
  n0,
  _ADKKI,
  0,
  [_DI, _KKA],
  [0, 0],
  2
];
var AssociateDatasetKmsKeyOutput$ = [
  3,
  n0,
  _ADKKO,
  0,
  [],
  []
];
var CompositeAlarm$ = [
  3,
  n0,
  _CAo,
  0,
  [_AE, _AA, _AAl, _ACUT, _ADl, _AN, _AR, _IDA, _OKA, _SR, _SRD, _SUT, _SV, _STT, _ASB, _ASR, _ASc, _ASWP, _ASEP, _AC],
  [2, 64 | 0, 0, 4, 0, 0, 0, 64 | 0, 64 | 0, 0, 0, 4, 0, 4, 0, 0, 0, 1, 1, () => ActionConfiguration$]
];
var CreateResourceMetricsConfigurationInput$ = [
  3,
  n0,
  _CRMCI,
  0,
  [_RA, _MS],
  [0, () => ResourceMetricSelectionList],
  1
];
var CreateResourceMetricsConfigurationOutput$ = [
  3,
  n0,
  _CRMCO,
  0,
  [_RMC],
  [() => ResourceMetricsConfiguration$],
  1
];
var DashboardEntry$ = [
  3,
  n0,
  _DE,
  0,
  [_DN, _DA, _LM, _Si],
  [0, 0, 4, 1]
];
var DashboardValidationMessage$ = [
  3,
  n0,
  _DVM,
  0,
  [_DP, _M],
  [0, 0]
];
var Datapoint$ = [
  3,
  n0,
  _Da,
  0,
  [_T, _SC, _A, _Su, _Mi, _Ma, _U, _ES],
  [4, 1, 1, 1, 1, 1, 0, 128 | 1]
];
var DeleteAlarmMuteRuleInput$ = [
  3,
  n0,
  _DAMRI,
  0,
  [_AMRN],
  [0],
  1
];
var DeleteAlarmsInput$ = [
  3,
  n0,
  _DAI,
  0,
  [_ANl],
  [64 | 0],
  1
];
var DeleteAnomalyDetectorInput$ = [
  3,
  n0,
  _DADI,
  0,
  [_ADI, _N, _MN, _D, _St, _SMAD, _MMAD],
  [0, 0, 0, () => Dimensions, 0, () => SingleMetricAnomalyDetector$, () => MetricMathAnomalyDetector$]
];
var DeleteAnomalyDetectorOutput$ = [
  3,
  n0,
  _DADO,
  0,
  [],
  []
];
var DeleteDashboardsInput$ = [
  3,
  n0,
  _DDI,
  0,
  [_DNa],
  [64 | 0],
  1
];
var DeleteDashboardsOutput$ = [
  3,
  n0,
  _DDO,
  0,
  [],
  []
];
var DeleteInsightRulesInput$ = [
  3,
  n0,
  _DIRI,
  0,
  [_RN],
  [64 | 0],
  1
];
var DeleteInsightRulesOutput$ = [
  3,
  n0,
  _DIRO,
  0,
  [_F],
  [() => BatchFailures]
];
var DeleteMetricStreamInput$ = [
  3,
  n0,
  _DMSI,
  0,
  [_Na],
  [0],
  1
];
var DeleteMetricStreamOutput$ = [
  3,
  n0,
  _DMSO,
  0,
  [],
  []
];
var DeleteResourceMetricsConfigurationInput$ = [
  3,
  n0,
  _DRMCI,
  0,
  [_RA],
  [0],
  1
];
var DeleteResourceMetricsConfigurationOutput$ = [
  3,
  n0,
  _DRMCO,
  0,
  [],
  []
];
var DescribeAlarmContributorsInput$ = [
  3,
  n0,
  _DACI,
  0,
  [_AN, _NT],
  [0, 0],
  1
];
var DescribeAlarmContributorsOutput$ = [
  3,
  n0,
  _DACO,
  0,
  [_ACla, _NT],
  [() => AlarmContributors, 0],
  1
];
var DescribeAlarmHistoryInput$ = [
  3,
  n0,
  _DAHI,
  0,
  [_AN, _ACI, _ATl, _HIT, _SD, _EDn, _MR, _NT, _SB],
  [0, 0, 64 | 0, 0, 4, 4, 1, 0, 0]
];
var DescribeAlarmHistoryOutput$ = [
  3,
  n0,
  _DAHO,
  0,
  [_AHIl, _NT],
  [() => AlarmHistoryItems, 0]
];
var DescribeAlarmsForMetricInput$ = [
  3,
  n0,
  _DAFMI,
  0,
  [_MN, _N, _Sta, _ESx, _D, _P, _U],
  [0, 0, 0, 0, () => Dimensions, 1, 0],
  2
];
var DescribeAlarmsForMetricOutput$ = [
  3,
  n0,
  _DAFMO,
  0,
  [_MA],
  [() => MetricAlarms]
];
var DescribeAlarmsInput$ = [
  3,
  n0,
  _DAIe,
  0,
  [_ANl, _ANP, _ATl, _COAN, _POAN, _SV, _AP, _MR, _NT],
  [64 | 0, 0, 64 | 0, 0, 0, 0, 0, 1, 0]
];
var DescribeAlarmsOutput$ = [
  3,
  n0,
  _DAO,
  0,
  [_CAom, _MA, _LA, _NT],
  [() => CompositeAlarms, () => MetricAlarms, () => LogAlarms, 0]
];
var DescribeAnomalyDetectorsInput$ = [
  3,
  n0,
  _DADIe,
  0,
  [_ADIn, _NT, _MRa, _N, _MN, _D, _ADT],
  [64 | 0, 0, 1, 0, 0, () => Dimensions, 64 | 0]
];
var DescribeAnomalyDetectorsOutput$ = [
  3,
  n0,
  _DADOe,
  0,
  [_ADn, _NT],
  [() => AnomalyDetectors, 0]
];
var DescribeInsightRulesInput$ = [
  3,
  n0,
  _DIRIe,
  0,
  [_NT, _MRa],
  [0, 1]
];
var DescribeInsightRulesOutput$ = [
  3,
  n0,
  _DIROe,
  0,
  [_NT, _IR],
  [0, () => InsightRules]
];
var Dimension$ = [
  3,
  n0,
  _Di,
  0,
  [_Na, _V],
  [0, 0],
  2
];
var DimensionFilter$ = [
  3,
  n0,
  _DF,
  0,
  [_Na, _V],
  [0, 0],
  1
];
var DisableAlarmActionsInput$ = [
  3,
  n0,
  _DAAI,
  0,
  [_ANl],
  [64 | 0],
  1
];
var DisableInsightRulesInput$ = [
  3,
  n0,
  _DIRIi,
  0,
  [_RN],
  [64 | 0],
  1
];
var DisableInsightRulesOutput$ = [
  3,
  n0,
  _DIROi,
  0,
  [_F],
  [() => BatchFailures]
];
var DisassociateDatasetKmsKeyInput$ = [
  3,
  n0,
  _DDKKI,
  0,
  [_DI],
  [0],
  1
];
var DisassociateDatasetKmsKeyOutput$ = [
  3,
  n0,
  _DDKKO,
  0,
  [],
  []
];
var EnableAlarmActionsInput$ = [
  3,
  n0,
  _EAAI,
  0,
  [_ANl],
  [64 | 0],
  1
];
var EnableInsightRulesInput$ = [
  3,
  n0,
  _EIRI,
  0,
  [_RN],
  [64 | 0],
  1
];
var EnableInsightRulesOutput$ = [
  3,
  n0,
  _EIRO,
  0,
  [_F],
  [() => BatchFailures]
];
var Entity$ = [
  3,
  n0,
  _En,
  0,
  [_KA, _At],
  [128 | 0, 128 | 0]
];
var EntityMetricData$ = [
  3,
  n0,
  _EMD,
  0,
  [_En, _MD],
  [() => Entity$, () => MetricData]
];
var GetAlarmMuteRuleInput$ = [
  3,
  n0,
  _GAMRI,
  0,
  [_AMRN],
  [0],
  1
];
var GetAlarmMuteRuleOutput$ = [
  3,
  n0,
  _GAMRO,
  0,
  [_Na, _AMRA, _De, _R, _MTu, _SD, _ED, _S, _LUT, _MT],
  [0, 0, 0, () => Rule$, () => MuteTargets$, 4, 4, 0, 4, 0]
];
var GetDashboardInput$ = [
  3,
  n0,
  _GDI,
  0,
  [_DN],
  [0],
  1
];
var GetDashboardOutput$ = [
  3,
  n0,
  _GDO,
  0,
  [_DA, _DB, _DN],
  [0, 0, 0]
];
var GetDatasetInput$ = [
  3,
  n0,
  _GDIe,
  0,
  [_DI],
  [0],
  1
];
var GetDatasetOutput$ = [
  3,
  n0,
  _GDOe,
  0,
  [_DIa, _Ar, _KKA],
  [0, 0, 0],
  2
];
var GetInsightRuleReportInput$ = [
  3,
  n0,
  _GIRRI,
  0,
  [_RNu, _ST, _ET, _P, _MCC, _Me, _OB],
  [0, 4, 4, 1, 1, 64 | 0, 0],
  4
];
var GetInsightRuleReportOutput$ = [
  3,
  n0,
  _GIRRO,
  0,
  [_KL, _ASg, _AV, _AUC, _Co, _MDe],
  [64 | 0, 0, 1, 1, () => InsightRuleContributors, () => InsightRuleMetricDatapoints]
];
var GetMetricDataInput$ = [
  3,
  n0,
  _GMDI,
  0,
  [_MDQ, _ST, _ET, _NT, _SB, _MDa, _LO],
  [() => MetricDataQueries, 4, 4, 0, 0, 1, () => LabelOptions$],
  3
];
var GetMetricDataOutput$ = [
  3,
  n0,
  _GMDO,
  0,
  [_MDR, _NT, _Mes],
  [() => MetricDataResults, 0, () => MetricDataResultMessages]
];
var GetMetricStatisticsInput$ = [
  3,
  n0,
  _GMSI,
  0,
  [_N, _MN, _ST, _ET, _P, _D, _Stat, _ES, _U],
  [0, 0, 4, 4, 1, () => Dimensions, 64 | 0, 64 | 0, 0],
  5
];
var GetMetricStatisticsOutput$ = [
  3,
  n0,
  _GMSO,
  0,
  [_L, _Dat],
  [0, () => Datapoints]
];
var GetMetricStreamInput$ = [
  3,
  n0,
  _GMSIe,
  0,
  [_Na],
  [0],
  1
];
var GetMetricStreamOutput$ = [
  3,
  n0,
  _GMSOe,
  0,
  [_Ar, _Na, _IF, _EF, _FA, _RAo, _State, _CD, _LUD, _OF, _SCt, _ILAM],
  [0, 0, () => MetricStreamFilters, () => MetricStreamFilters, 0, 0, 0, 4, 4, 0, () => MetricStreamStatisticsConfigurations, 2]
];
var GetMetricWidgetImageInput$ = [
  3,
  n0,
  _GMWII,
  0,
  [_MW, _OF],
  [0, 0],
  1
];
var GetMetricWidgetImageOutput$ = [
  3,
  n0,
  _GMWIO,
  0,
  [_MWI],
  [21]
];
var GetOTelEnrichmentInput$ = [
  3,
  n0,
  _GOTEI,
  0,
  [],
  []
];
var GetOTelEnrichmentOutput$ = [
  3,
  n0,
  _GOTEO,
  0,
  [_S, _IF, _EF, _CAr, _UA],
  [0, () => OTelEnrichmentMetricSelectorList, () => OTelEnrichmentMetricSelectorList, 4, 4],
  1
];
var GetResourceMetricsConfigurationInput$ = [
  3,
  n0,
  _GRMCI,
  0,
  [_RA],
  [0],
  1
];
var GetResourceMetricsConfigurationOutput$ = [
  3,
  n0,
  _GRMCO,
  0,
  [_RMC],
  [() => ResourceMetricsConfiguration$],
  1
];
var InsightRule$ = [
  3,
  n0,
  _IRn,
  0,
  [_Na, _State, _Sc, _Def, _MRan, _AOTL],
  [0, 0, 0, 0, 2, 2],
  4
];
var InsightRuleContributor$ = [
  3,
  n0,
  _IRC,
  0,
  [_K, _AAV, _Dat],
  [64 | 0, 1, () => InsightRuleContributorDatapoints],
  3
];
var InsightRuleContributorDatapoint$ = [
  3,
  n0,
  _IRCD,
  0,
  [_T, _AVp],
  [4, 1],
  2
];
var InsightRuleMetricDatapoint$ = [
  3,
  n0,
  _IRMD,
  0,
  [_T, _UC, _MCV, _SC, _A, _Su, _Mi, _Ma],
  [4, 1, 1, 1, 1, 1, 1, 1],
  1
];
var LabelOptions$ = [
  3,
  n0,
  _LO,
  0,
  [_Ti],
  [0]
];
var ListAlarmMuteRulesInput$ = [
  3,
  n0,
  _LAMRI,
  0,
  [_AN, _Statu, _MR, _NT],
  [0, 64 | 0, 1, 0]
];
var ListAlarmMuteRulesOutput$ = [
  3,
  n0,
  _LAMRO,
  0,
  [_AMRSl, _NT],
  [() => AlarmMuteRuleSummaries, 0]
];
var ListDashboardsInput$ = [
  3,
  n0,
  _LDI,
  0,
  [_DNP, _NT],
  [0, 0]
];
var ListDashboardsOutput$ = [
  3,
  n0,
  _LDO,
  0,
  [_DEa, _NT],
  [() => DashboardEntries, 0]
];
var ListManagedInsightRulesInput$ = [
  3,
  n0,
  _LMIRI,
  0,
  [_RARN, _NT, _MRa],
  [0, 0, 1],
  1
];
var ListManagedInsightRulesOutput$ = [
  3,
  n0,
  _LMIRO,
  0,
  [_MRana, _NT],
  [() => ManagedRuleDescriptions, 0]
];
var ListMetricsInput$ = [
  3,
  n0,
  _LMI,
  0,
  [_N, _MN, _D, _NT, _RAe, _ILA, _OA],
  [0, 0, () => DimensionFilters, 0, 0, 2, 0]
];
var ListMetricsOutput$ = [
  3,
  n0,
  _LMO,
  0,
  [_Me, _NT, _OAw],
  [() => Metrics, 0, 64 | 0]
];
var ListMetricStreamsInput$ = [
  3,
  n0,
  _LMSI,
  0,
  [_NT, _MRa],
  [0, 1]
];
var ListMetricStreamsOutput$ = [
  3,
  n0,
  _LMSO,
  0,
  [_NT, _Ent],
  [0, () => MetricStreamEntries]
];
var ListTagsForResourceInput$ = [
  3,
  n0,
  _LTFRI,
  0,
  [_RARN],
  [0],
  1
];
var ListTagsForResourceOutput$ = [
  3,
  n0,
  _LTFRO,
  0,
  [_Ta],
  [() => TagList]
];
var LogAlarm$ = [
  3,
  n0,
  _LAo,
  0,
  [_AN, _AAl, _ADl, _ACUT, _AE, _OKA, _AA, _IDA, _SV, _SR, _SRD, _SUT, _SQC, _QRTE, _QRTA, _Th, _CO, _TMD, _STT, _ESv, _ALLC, _ALLRA, _WUC, _AC],
  [0, 0, 0, 4, 2, 64 | 0, 64 | 0, 64 | 0, 0, 0, 0, 4, () => ScheduledQueryConfiguration$, 1, 1, 1, 0, 0, 4, 0, 1, 0, () => WarmUpConfiguration$, () => ActionConfiguration$]
];
var ManagedRule$ = [
  3,
  n0,
  _MRan,
  0,
  [_TN, _RARN, _Ta],
  [0, 0, () => TagList],
  2
];
var ManagedRuleDescription$ = [
  3,
  n0,
  _MRD,
  0,
  [_TN, _RARN, _RS],
  [0, 0, () => ManagedRuleState$]
];
var ManagedRuleState$ = [
  3,
  n0,
  _MRS,
  0,
  [_RNu, _State],
  [0, 0],
  2
];
var MessageData$ = [
  3,
  n0,
  _MDes,
  0,
  [_Cod, _V],
  [0, 0]
];
var Metric$ = [
  3,
  n0,
  _Met,
  0,
  [_N, _MN, _D],
  [0, 0, () => Dimensions]
];
var MetricAlarm$ = [
  3,
  n0,
  _MAe,
  0,
  [_AN, _AAl, _ADl, _ACUT, _AE, _OKA, _AA, _IDA, _SV, _SR, _SRD, _SUT, _MN, _N, _Sta, _ESx, _D, _P, _U, _EP, _DTA, _Th, _CO, _TMD, _ELSCP, _Me, _TMI, _ESv, _STT, _EW, _WUC, _EC, _EI, _AC],
  [0, 0, 0, 4, 2, 64 | 0, 64 | 0, 64 | 0, 0, 0, 0, 4, 0, 0, 0, 0, () => Dimensions, 1, 0, 1, 1, 1, 0, 0, 0, () => MetricDataQueries, 0, 0, 4, () => EvaluationWindow$, () => WarmUpConfiguration$, () => EvaluationCriteria$, 1, () => ActionConfiguration$]
];
var MetricCharacteristics$ = [
  3,
  n0,
  _MC,
  0,
  [_PS],
  [2]
];
var MetricDataQuery$ = [
  3,
  n0,
  _MDQe,
  0,
  [_I, _MSe, _Ex, _L, _RD, _P, _AI],
  [0, () => MetricStat$, 0, 0, 2, 1, 0],
  1
];
var MetricDataResult$ = [
  3,
  n0,
  _MDRe,
  0,
  [_I, _L, _Tim, _Va, _SCta, _Mes],
  [0, 0, 64 | 4, 64 | 1, 0, () => MetricDataResultMessages]
];
var MetricDatum$ = [
  3,
  n0,
  _MDet,
  0,
  [_MN, _D, _T, _V, _SVt, _Va, _Cou, _U, _SRt],
  [0, () => Dimensions, 4, 1, () => StatisticSet$, 64 | 1, 64 | 1, 0, 1],
  1
];
var MetricMathAnomalyDetector$ = [
  3,
  n0,
  _MMAD,
  0,
  [_MDQ],
  [() => MetricDataQueries]
];
var MetricStat$ = [
  3,
  n0,
  _MSe,
  0,
  [_Met, _P, _St, _U],
  [() => Metric$, 1, 0, 0],
  3
];
var MetricStreamEntry$ = [
  3,
  n0,
  _MSE,
  0,
  [_Ar, _CD, _LUD, _Na, _FA, _State, _OF],
  [0, 4, 4, 0, 0, 0, 0]
];
var MetricStreamFilter$ = [
  3,
  n0,
  _MSF,
  0,
  [_N, _MNe],
  [0, 64 | 0]
];
var MetricStreamStatisticsConfiguration$ = [
  3,
  n0,
  _MSSC,
  0,
  [_IM, _ASd],
  [() => MetricStreamStatisticsIncludeMetrics, 64 | 0],
  2
];
var MetricStreamStatisticsMetric$ = [
  3,
  n0,
  _MSSM,
  0,
  [_N, _MN],
  [0, 0],
  2
];
var MuteTargets$ = [
  3,
  n0,
  _MTu,
  0,
  [_ANl],
  [64 | 0],
  1
];
var OTelEnrichmentMetricSelector$ = [
  3,
  n0,
  _OTEMS,
  0,
  [_N, _MNe],
  [0, 64 | 0],
  1
];
var PartialFailure$ = [
  3,
  n0,
  _PF,
  0,
  [_FR, _ETx, _FC, _FD],
  [0, 0, 0, 0]
];
var PutAlarmMuteRuleInput$ = [
  3,
  n0,
  _PAMRI,
  0,
  [_Na, _R, _De, _MTu, _Ta, _SD, _ED],
  [0, () => Rule$, 0, () => MuteTargets$, () => TagList, 4, 4],
  2
];
var PutAnomalyDetectorInput$ = [
  3,
  n0,
  _PADI,
  0,
  [_N, _MN, _D, _St, _C, _MC, _SMAD, _MMAD],
  [0, 0, () => Dimensions, 0, () => AnomalyDetectorConfiguration$, () => MetricCharacteristics$, () => SingleMetricAnomalyDetector$, () => MetricMathAnomalyDetector$]
];
var PutAnomalyDetectorOutput$ = [
  3,
  n0,
  _PADO,
  0,
  [_ADI],
  [0]
];
var PutCompositeAlarmInput$ = [
  3,
  n0,
  _PCAI,
  0,
  [_AN, _AR, _AE, _AA, _ADl, _IDA, _OKA, _Ta, _ASc, _ASWP, _ASEP, _AC],
  [0, 0, 2, 64 | 0, 0, 64 | 0, 64 | 0, () => TagList, 0, 1, 1, () => ActionConfiguration$],
  2
];
var PutDashboardInput$ = [
  3,
  n0,
  _PDI,
  0,
  [_DN, _DB, _Ta],
  [0, 0, () => TagList],
  2
];
var PutDashboardOutput$ = [
  3,
  n0,
  _PDO,
  0,
  [_DVMa],
  [() => DashboardValidationMessages]
];
var PutInsightRuleInput$ = [
  3,
  n0,
  _PIRI,
  0,
  [_RNu, _RDu, _RS, _Ta, _AOTL],
  [0, 0, 0, () => TagList, 2],
  2
];
var PutInsightRuleOutput$ = [
  3,
  n0,
  _PIRO,
  0,
  [],
  []
];
var PutLogAlarmInput$ = [
  3,
  n0,
  _PLAI,
  0,
  [_AN, _SQC, _QRTE, _QRTA, _Th, _CO, _ADl, _ALLC, _ALLRA, _AE, _OKA, _AA, _IDA, _TMD, _Ta, _WUC, _AC],
  [0, () => ScheduledQueryConfiguration$, 1, 1, 1, 0, 0, 1, 0, 2, 64 | 0, 64 | 0, 64 | 0, 0, () => TagList, () => WarmUpConfiguration$, () => ActionConfiguration$],
  6
];
var PutManagedInsightRulesInput$ = [
  3,
  n0,
  _PMIRI,
  0,
  [_MRana],
  [() => ManagedRules],
  1
];
var PutManagedInsightRulesOutput$ = [
  3,
  n0,
  _PMIRO,
  0,
  [_F],
  [() => BatchFailures]
];
var PutMetricAlarmInput$ = [
  3,
  n0,
  _PMAI,
  0,
  [_AN, _ADl, _AE, _OKA, _AA, _IDA, _MN, _N, _Sta, _ESx, _D, _P, _U, _EP, _DTA, _Th, _CO, _TMD, _ELSCP, _Me, _Ta, _TMI, _EW, _WUC, _EC, _EI, _AC],
  [0, 0, 2, 64 | 0, 64 | 0, 64 | 0, 0, 0, 0, 0, () => Dimensions, 1, 0, 1, 1, 1, 0, 0, 0, () => MetricDataQueries, () => TagList, 0, () => EvaluationWindow$, () => WarmUpConfiguration$, () => EvaluationCriteria$, 1, () => ActionConfiguration$],
  1
];
var PutMetricDataInput$ = [
  3,
  n0,
  _PMDI,
  0,
  [_N, _MD, _EMD, _SEV],
  [0, () => MetricData, () => EntityMetricDataList, 2],
  1
];
var PutMetricStreamInput$ = [
  3,
  n0,
  _PMSI,
  0,
  [_Na, _FA, _RAo, _OF, _IF, _EF, _Ta, _SCt, _ILAM],
  [0, 0, 0, 0, () => MetricStreamFilters, () => MetricStreamFilters, () => TagList, () => MetricStreamStatisticsConfigurations, 2],
  4
];
var PutMetricStreamOutput$ = [
  3,
  n0,
  _PMSO,
  0,
  [_Ar],
  [0]
];
var Range$ = [
  3,
  n0,
  _Ra,
  0,
  [_ST, _ET],
  [4, 4],
  2
];
var ResourceMetricsConfiguration$ = [
  3,
  n0,
  _RMC,
  0,
  [_RA, _CAr, _UA, _MS],
  [0, 4, 4, () => ResourceMetricSelectionList],
  3
];
var ResourceMetricSelection$ = [
  3,
  n0,
  _RMS,
  0,
  [_IM],
  [64 | 0],
  1
];
var Rule$ = [
  3,
  n0,
  _R,
  0,
  [_Sch],
  [() => Schedule$],
  1
];
var Schedule$ = [
  3,
  n0,
  _Sch,
  0,
  [_Ex, _Du, _Ti],
  [0, 0, 0],
  2
];
var ScheduleConfiguration$ = [
  3,
  n0,
  _SCc,
  0,
  [_SE, _STO, _ETO],
  [0, 1, 1],
  2
];
var ScheduledQueryConfiguration$ = [
  3,
  n0,
  _SQC,
  0,
  [_QS, _SQRARN, _SCc, _AEg, _LGI, _QARN, _Ta],
  [0, 0, () => ScheduleConfiguration$, 0, 64 | 0, 0, () => TagList],
  4
];
var SetAlarmStateInput$ = [
  3,
  n0,
  _SASI,
  0,
  [_AN, _SV, _SR, _SRD],
  [0, 0, 0, 0],
  3
];
var SingleMetricAnomalyDetector$ = [
  3,
  n0,
  _SMAD,
  0,
  [_AI, _N, _MN, _D, _St],
  [0, 0, 0, () => Dimensions, 0]
];
var SlidingWindow$ = [
  3,
  n0,
  _SW,
  0,
  [],
  []
];
var StartMetricStreamsInput$ = [
  3,
  n0,
  _SMSI,
  0,
  [_Nam],
  [64 | 0],
  1
];
var StartMetricStreamsOutput$ = [
  3,
  n0,
  _SMSO,
  0,
  [],
  []
];
var StartOTelEnrichmentInput$ = [
  3,
  n0,
  _SOTEI,
  0,
  [_IF, _EF],
  [() => OTelEnrichmentMetricSelectorList, () => OTelEnrichmentMetricSelectorList]
];
var StartOTelEnrichmentOutput$ = [
  3,
  n0,
  _SOTEO,
  0,
  [_IF, _EF, _CAr, _UA],
  [() => OTelEnrichmentMetricSelectorList, () => OTelEnrichmentMetricSelectorList, 4, 4]
];
var StatisticSet$ = [
  3,
  n0,
  _SS,
  0,
  [_SC, _Su, _Mi, _Ma],
  [1, 1, 1, 1],
  4
];
var StopMetricStreamsInput$ = [
  3,
  n0,
  _SMSIt,
  0,
  [_Nam],
  [64 | 0],
  1
];
var StopMetricStreamsOutput$ = [
  3,
  n0,
  _SMSOt,
  0,
  [],
  []
];
var StopOTelEnrichmentInput$ = [
  3,
  n0,
  _SOTEIt,
  0,
  [],
  []
];
var StopOTelEnrichmentOutput$ = [
  3,
  n0,
  _SOTEOt,
  0,
  [],
  []
];
var Tag$ = [
  3,
  n0,
  _Tag,
  0,
  [_Ke, _V],
  [0, 0],
  2
];
var TagResourceInput$ = [
  3,
  n0,
  _TRI,
  0,
  [_RARN, _Ta],
  [0, () => TagList],
  2
];
var TagResourceOutput$ = [
  3,
  n0,
  _TRO,
  0,
  [],
  []
];
var UntagResourceInput$ = [
  3,
  n0,
  _URI,
  0,
  [_RARN, _TK],
  [0, 64 | 0],
  2
];
var UntagResourceOutput$ = [
  3,
  n0,
  _URO,
  0,
  [],
  []
];
var UpdateOTelEnrichmentInput$ = [
  3,
  n0,
  _UOTEI,
  0,
  [_IF, _EF],
  [() => OTelEnrichmentMetricSelectorList, () => OTelEnrichmentMetricSelectorList]
];
var UpdateOTelEnrichmentOutput$ = [
  3,
  n0,
  _UOTEO,
  0,
  [_IF, _EF, _CAr, _UA],
  [() => OTelEnrichmentMetricSelectorList, () => OTelEnrichmentMetricSelectorList, 4, 4]
];
var UpdateResourceMetricsConfigurationInput$ = [
  3,
  n0,
  _URMCI,
  0,
  [_RA, _MS],
  [0, () => ResourceMetricSelectionList],
  1
];
var UpdateResourceMetricsConfigurationOutput$ = [
  3,
  n0,
  _URMCO,
  0,
  [_RMC],
  [() => ResourceMetricsConfiguration$],
  1
];
var WallClockWindow$ = [
  3,
  n0,
  _WCW,
  0,
  [_Ti],
  [0]
];
var WarmUpConfiguration$ = [
  3,
  n0,
  _WUC,
  0,
  [_WUPDIM, _OSEAWUPE],
  [1, 2],
  1
];
var __Unit = "unit";
var AlarmContributors = [
  1,
  n0,
  _ACla,
  0,
  () => AlarmContributor$
];
var AlarmHistoryItems = [
  1,
  n0,
  _AHIl,
  0,
  () => AlarmHistoryItem$
];
var AlarmMuteRuleStatuses = 64 | 0;
var AlarmMuteRuleSummaries = [
  1,
  n0,
  _AMRSl,
  0,
  () => AlarmMuteRuleSummary$
];
var AlarmNames = 64 | 0;
var AlarmTagsPropagationTagKeys = 64 | 0;
var AlarmTypes = 64 | 0;
var AnomalyDetectorExcludedTimeRanges = [
  1,
  n0,
  _ADETR,
  0,
  () => Range$
];
var AnomalyDetectorIds = 64 | 0;
var AnomalyDetectors = [
  1,
  n0,
  _ADn,
  0,
  () => AnomalyDetector$
];
var AnomalyDetectorTypes = 64 | 0;
var BatchFailures = [
  1,
  n0,
  _BF,
  0,
  () => PartialFailure$
];
var CompositeAlarms = [
  1,
  n0,
  _CAom,
  0,
  () => CompositeAlarm$
];
var Counts = 64 | 1;
var DashboardEntries = [
  1,
  n0,
  _DEa,
  0,
  () => DashboardEntry$
];
var DashboardNames = 64 | 0;
var DashboardValidationMessages = [
  1,
  n0,
  _DVMa,
  0,
  () => DashboardValidationMessage$
];
var Datapoints = [
  1,
  n0,
  _Dat,
  0,
  () => Datapoint$
];
var DatapointValues = 64 | 1;
var DimensionFilters = [
  1,
  n0,
  _DFi,
  0,
  () => DimensionFilter$
];
var Dimensions = [
  1,
  n0,
  _D,
  0,
  () => Dimension$
];
var EntityMetricDataList = [
  1,
  n0,
  _EMDL,
  0,
  () => EntityMetricData$
];
var ExtendedStatistics = 64 | 0;
var InsightRuleContributorDatapoints = [
  1,
  n0,
  _IRCDn,
  0,
  () => InsightRuleContributorDatapoint$
];
var InsightRuleContributorKeyLabels = 64 | 0;
var InsightRuleContributorKeys = 64 | 0;
var InsightRuleContributors = [
  1,
  n0,
  _IRCn,
  0,
  () => InsightRuleContributor$
];
var InsightRuleMetricDatapoints = [
  1,
  n0,
  _IRMDn,
  0,
  () => InsightRuleMetricDatapoint$
];
var InsightRuleMetricList = 64 | 0;
var InsightRuleNames = 64 | 0;
var InsightRules = [
  1,
  n0,
  _IR,
  0,
  () => InsightRule$
];
var LogAlarms = [
  1,
  n0,
  _LA,
  0,
  () => LogAlarm$
];
var LogGroupIdentifiers = 64 | 0;
var ManagedRuleDescriptions = [
  1,
  n0,
  _MRDa,
  0,
  () => ManagedRuleDescription$
];
var ManagedRules = [
  1,
  n0,
  _MRana,
  0,
  () => ManagedRule$
];
var MetricAlarms = [
  1,
  n0,
  _MA,
  0,
  () => MetricAlarm$
];
var MetricData = [
  1,
  n0,
  _MD,
  0,
  () => MetricDatum$
];
var MetricDataQueries = [
  1,
  n0,
  _MDQ,
  0,
  () => MetricDataQuery$
];
var MetricDataResultMessages = [
  1,
  n0,
  _MDRM,
  0,
  () => MessageData$
];
var MetricDataResults = [
  1,
  n0,
  _MDR,
  0,
  () => MetricDataResult$
];
var MetricNameList = 64 | 0;
var Metrics = [
  1,
  n0,
  _Me,
  0,
  () => Metric$
];
var MetricStreamEntries = [
  1,
  n0,
  _MSEe,
  0,
  () => MetricStreamEntry$
];
var MetricStreamFilterMetricNames = 64 | 0;
var MetricStreamFilters = [
  1,
  n0,
  _MSFe,
  0,
  () => MetricStreamFilter$
];
var MetricStreamNames = 64 | 0;
var MetricStreamStatisticsAdditionalStatistics = 64 | 0;
var MetricStreamStatisticsConfigurations = [
  1,
  n0,
  _MSSCe,
  0,
  () => MetricStreamStatisticsConfiguration$
];
var MetricStreamStatisticsIncludeMetrics = [
  1,
  n0,
  _MSSIM,
  0,
  () => MetricStreamStatisticsMetric$
];
var MuteTargetAlarmNameList = 64 | 0;
var OTelEnrichmentMetricNameList = 64 | 0;
var OTelEnrichmentMetricSelectorList = [
  1,
  n0,
  _OTEMSL,
  0,
  () => OTelEnrichmentMetricSelector$
];
var OwningAccounts = 64 | 0;
var ResourceList = 64 | 0;
var ResourceMetricSelectionList = [
  1,
  n0,
  _RMSL,
  0,
  () => ResourceMetricSelection$
];
var Statistics = 64 | 0;
var TagKeyList = 64 | 0;
var TagList = [
  1,
  n0,
  _TL,
  0,
  () => Tag$
];
var Timestamps = 64 | 4;
var Values = 64 | 1;
var ContributorAttributes = 128 | 0;
var DatapointValueMap = 128 | 1;
var EntityAttributesMap = 128 | 0;
var EntityKeyAttributesMap = 128 | 0;
var EvaluationCriteria$ = [
  4,
  n0,
  _EC,
  0,
  [_PQLC],
  [() => AlarmPromQLCriteria$]
];
var EvaluationWindow$ = [
  4,
  n0,
  _EW,
  0,
  [_WCW, _SW],
  [() => WallClockWindow$, () => SlidingWindow$]
];
var AssociateDatasetKmsKey$ = [
  9,
  n0,
  _ADKK,
  0,
  () => AssociateDatasetKmsKeyInput$,
  () => AssociateDatasetKmsKeyOutput$
];
var CreateResourceMetricsConfiguration$ = [
  9,
  n0,
  _CRMC,
  0,
  () => CreateResourceMetricsConfigurationInput$,
  () => CreateResourceMetricsConfigurationOutput$
];
var DeleteAlarmMuteRule$ = [
  9,
  n0,
  _DAMR,
  0,
  () => DeleteAlarmMuteRuleInput$,
  () => __Unit
];
var DeleteAlarms$ = [
  9,
  n0,
  _DAe,
  0,
  () => DeleteAlarmsInput$,
  () => __Unit
];
var DeleteAnomalyDetector$ = [
  9,
  n0,
  _DAD,
  0,
  () => DeleteAnomalyDetectorInput$,
  () => DeleteAnomalyDetectorOutput$
];
var DeleteDashboards$ = [
  9,
  n0,
  _DD,
  0,
  () => DeleteDashboardsInput$,
  () => DeleteDashboardsOutput$
];
var DeleteInsightRules$ = [
  9,
  n0,
  _DIR,
  0,
  () => DeleteInsightRulesInput$,
  () => DeleteInsightRulesOutput$
];
var DeleteMetricStream$ = [
  9,
  n0,
  _DMS,
  0,
  () => DeleteMetricStreamInput$,
  () => DeleteMetricStreamOutput$
];
var DeleteResourceMetricsConfiguration$ = [
  9,
  n0,
  _DRMC,
  0,
  () => DeleteResourceMetricsConfigurationInput$,
  () => DeleteResourceMetricsConfigurationOutput$
];
var DescribeAlarmContributors$ = [
  9,
  n0,
  _DAC,
  0,
  () => DescribeAlarmContributorsInput$,
  () => DescribeAlarmContributorsOutput$
];
var DescribeAlarmHistory$ = [
  9,
  n0,
  _DAH,
  0,
  () => DescribeAlarmHistoryInput$,
  () => DescribeAlarmHistoryOutput$
];
var DescribeAlarms$ = [
  9,
  n0,
  _DAes,
  0,
  () => DescribeAlarmsInput$,
  () => DescribeAlarmsOutput$
];
var DescribeAlarmsForMetric$ = [
  9,
  n0,
  _DAFM,
  0,
  () => DescribeAlarmsForMetricInput$,
  () => DescribeAlarmsForMetricOutput$
];
var DescribeAnomalyDetectors$ = [
  9,
  n0,
  _DADe,
  0,
  () => DescribeAnomalyDetectorsInput$,
  () => DescribeAnomalyDetectorsOutput$
];
var DescribeInsightRules$ = [
  9,
  n0,
  _DIRe,
  0,
  () => DescribeInsightRulesInput$,
  () => DescribeInsightRulesOutput$
];
var DisableAlarmActions$ = [
  9,
  n0,
  _DAA,
  0,
  () => DisableAlarmActionsInput$,
  () => __Unit
];
var DisableInsightRules$ = [
  9,
  n0,
  _DIRi,
  0,
  () => DisableInsightRulesInput$,
  () => DisableInsightRulesOutput$
];
var DisassociateDatasetKmsKey$ = [
  9,
  n0,
  _DDKK,
  2,
  () => DisassociateDatasetKmsKeyInput$,
  () => DisassociateDatasetKmsKeyOutput$
];
var EnableAlarmActions$ = [
  9,
  n0,
  _EAA,
  0,
  () => EnableAlarmActionsInput$,
  () => __Unit
];
var EnableInsightRules$ = [
  9,
  n0,
  _EIR,
  0,
  () => EnableInsightRulesInput$,
  () => EnableInsightRulesOutput$
];
var GetAlarmMuteRule$ = [
  9,
  n0,
  _GAMR,
  0,
  () => GetAlarmMuteRuleInput$,
  () => GetAlarmMuteRuleOutput$
];
var GetDashboard$ = [
  9,
  n0,
  _GD,
  0,
  () => GetDashboardInput$,
  () => GetDashboardOutput$
];
var GetDataset$ = [
  9,
  n0,
  _GDe,
  0,
  () => GetDatasetInput$,
  () => GetDatasetOutput$
];
var GetInsightRuleReport$ = [
  9,
  n0,
  _GIRR,
  0,
  () => GetInsightRuleReportInput$,
  () => GetInsightRuleReportOutput$
];
var GetMetricData$ = [
  9,
  n0,
  _GMD,
  0,
  () => GetMetricDataInput$,
  () => GetMetricDataOutput$
];
var GetMetricStatistics$ = [
  9,
  n0,
  _GMS,
  0,
  () => GetMetricStatisticsInput$,
  () => GetMetricStatisticsOutput$
];
var GetMetricStream$ = [
  9,
  n0,
  _GMSe,
  0,
  () => GetMetricStreamInput$,
  () => GetMetricStreamOutput$
];
var GetMetricWidgetImage$ = [
  9,
  n0,
  _GMWI,
  0,
  () => GetMetricWidgetImageInput$,
  () => GetMetricWidgetImageOutput$
];
var GetOTelEnrichment$ = [
  9,
  n0,
  _GOTE,
  0,
  () => GetOTelEnrichmentInput$,
  () => GetOTelEnrichmentOutput$
];
var GetResourceMetricsConfiguration$ = [
  9,
  n0,
  _GRMC,
  0,
  () => GetResourceMetricsConfigurationInput$,
  () => GetResourceMetricsConfigurationOutput$
];
var ListAlarmMuteRules$ = [
  9,
  n0,
  _LAMR,
  0,
  () => ListAlarmMuteRulesInput$,
  () => ListAlarmMuteRulesOutput$
];
var ListDashboards$ = [
  9,
  n0,
  _LD,
  0,
  () => ListDashboardsInput$,
  () => ListDashboardsOutput$
];
var ListManagedInsightRules$ = [
  9,
  n0,
  _LMIR,
  0,
  () => ListManagedInsightRulesInput$,
  () => ListManagedInsightRulesOutput$
];
var ListMetrics$ = [
  9,
  n0,
  _LMi,
  0,
  () => ListMetricsInput$,
  () => ListMetricsOutput$
];
var ListMetricStreams$ = [
  9,
  n0,
  _LMS,
  0,
  () => ListMetricStreamsInput$,
  () => ListMetricStreamsOutput$
];
var ListTagsForResource$ = [
  9,
  n0,
  _LTFR,
  0,
  () => ListTagsForResourceInput$,
  () => ListTagsForResourceOutput$
];
var PutAlarmMuteRule$ = [
  9,
  n0,
  _PAMR,
  0,
  () => PutAlarmMuteRuleInput$,
  () => __Unit
];
var PutAnomalyDetector$ = [
  9,
  n0,
  _PAD,
  0,
  () => PutAnomalyDetectorInput$,
  () => PutAnomalyDetectorOutput$
];
var PutCompositeAlarm$ = [
  9,
  n0,
  _PCA,
  0,
  () => PutCompositeAlarmInput$,
  () => __Unit
];
var PutDashboard$ = [
  9,
  n0,
  _PD,
  0,
  () => PutDashboardInput$,
  () => PutDashboardOutput$
];
var PutInsightRule$ = [
  9,
  n0,
  _PIR,
  0,
  () => PutInsightRuleInput$,
  () => PutInsightRuleOutput$
];
var PutLogAlarm$ = [
  9,
  n0,
  _PLA,
  0,
  () => PutLogAlarmInput$,
  () => __Unit
];
var PutManagedInsightRules$ = [
  9,
  n0,
  _PMIR,
  0,
  () => PutManagedInsightRulesInput$,
  () => PutManagedInsightRulesOutput$
];
var PutMetricAlarm$ = [
  9,
  n0,
  _PMA,
  0,
  () => PutMetricAlarmInput$,
  () => __Unit
];
var PutMetricData$ = [
  9,
  n0,
  _PMD,
  0,
  () => PutMetricDataInput$,
  () => __Unit
];
var PutMetricStream$ = [
  9,
  n0,
  _PMS,
  0,
  () => PutMetricStreamInput$,
  () => PutMetricStreamOutput$
];
var SetAlarmState$ = [
  9,
  n0,
  _SAS,
  0,
  () => SetAlarmStateInput$,
  () => __Unit
];
var StartMetricStreams$ = [
  9,
  n0,
  _SMS,
  0,
  () => StartMetricStreamsInput$,
  () => StartMetricStreamsOutput$
];
var StartOTelEnrichment$ = [
  9,
  n0,
  _SOTE,
  0,
  () => StartOTelEnrichmentInput$,
  () => StartOTelEnrichmentOutput$
];
var StopMetricStreams$ = [
  9,
  n0,
  _SMSt,
  0,
  () => StopMetricStreamsInput$,
  () => StopMetricStreamsOutput$
];
var StopOTelEnrichment$ = [
  9,
  n0,
  _SOTEt,
  0,
  () => StopOTelEnrichmentInput$,
  () => StopOTelEnrichmentOutput$
];
var TagResource$ = [
  9,
  n0,
  _TR,
  0,
  () => TagResourceInput$,
  () => TagResourceOutput$
];
var UntagResource$ = [
  9,
  n0,
  _UR,
  0,
  () => UntagResourceInput$,
  () => UntagResourceOutput$
];
var UpdateOTelEnrichment$ = [
  9,
  n0,
  _UOTE,
  0,
  () => UpdateOTelEnrichmentInput$,
  () => UpdateOTelEnrichmentOutput$
];
var UpdateResourceMetricsConfiguration$ = [
  9,
  n0,
  _URMC,
  0,
  () => UpdateResourceMetricsConfigurationInput$,
  () => UpdateResourceMetricsConfigurationOutput$
];

// node_modules/@aws-sdk/client-cloudwatch/dist-es/runtimeConfig.shared.js
var getRuntimeConfig = (config) => {
  return {
    apiVersion: "2010-08-01",
    base64Decoder: config?.base64Decoder ?? fromBase64,
    base64Encoder: config?.base64Encoder ?? toBase64,
    disableHostPrefix: config?.disableHostPrefix ?? false,
    endpointProvider: config?.endpointProvider ?? defaultEndpointResolver,
    extensions: config?.extensions ?? [],
    httpAuthSchemeProvider: config?.httpAuthSchemeProvider ?? defaultCloudWatchHttpAuthSchemeProvider,
    httpAuthSchemes: config?.httpAuthSchemes ?? [
      {
        schemeId: "aws.auth#sigv4",
        identityProvider: (ipc) => ipc.getIdentityProvider("aws.auth#sigv4"),
        signer: new AwsSdkSigV4Signer()
      }
    ],
    logger: config?.logger ?? new NoOpLogger(),
    protocol: config?.protocol ?? AwsJson1_0Protocol,
    protocolSettings: config?.protocolSettings ?? {
      defaultNamespace: "com.amazonaws.cloudwatch",
      errorTypeRegistries,
      xmlNamespace: "http://monitoring.amazonaws.com/doc/2010-08-01/",
      version: "2010-08-01",
      serviceTarget: "GraniteServiceVersion20100801",
      awsQueryCompatible: true
    },
    serviceId: config?.serviceId ?? "CloudWatch",
    sha256: config?.sha256 ?? Sha256Node,
    urlParser: config?.urlParser ?? parseUrl,
    utf8Decoder: config?.utf8Decoder ?? fromUtf8,
    utf8Encoder: config?.utf8Encoder ?? toUtf8
  };
};

// node_modules/@aws-sdk/client-cloudwatch/dist-es/runtimeConfig.js
var getRuntimeConfig2 = (config) => {
  emitWarningIfUnsupportedVersion(process.version);
  const defaultsMode = resolveDefaultsModeConfig(config);
  const defaultConfigProvider = () => defaultsMode().then(loadConfigsForDefaultMode);
  const clientSharedValues = getRuntimeConfig(config);
  emitWarningIfUnsupportedVersion2(process.version);
  const loaderConfig = {
    profile: config?.profile,
    logger: clientSharedValues.logger
  };
  return {
    ...clientSharedValues,
    ...config,
    runtime: "node",
    defaultsMode,
    authSchemePreference: config?.authSchemePreference ?? loadConfig(NODE_AUTH_SCHEME_PREFERENCE_OPTIONS, loaderConfig),
    bodyLengthChecker: config?.bodyLengthChecker ?? calculateBodyLength,
    credentialDefaultProvider: config?.credentialDefaultProvider ?? defaultProvider,
    defaultSocketTimeout: getDefaultSocketTimeout(config?.requestHandler, 9e5),
    defaultUserAgentProvider: config?.defaultUserAgentProvider ?? createDefaultUserAgentProvider({ serviceId: clientSharedValues.serviceId, clientVersion: package_default.version }),
    disableRequestCompression: config?.disableRequestCompression ?? loadConfig(NODE_DISABLE_REQUEST_COMPRESSION_CONFIG_OPTIONS, config),
    maxAttempts: config?.maxAttempts ?? loadConfig(NODE_MAX_ATTEMPT_CONFIG_OPTIONS, config),
    region: config?.region ?? loadConfig(NODE_REGION_CONFIG_OPTIONS, { ...NODE_REGION_CONFIG_FILE_OPTIONS, ...loaderConfig }),
    requestHandler: NodeHttpHandler.create(config?.requestHandler ?? defaultConfigProvider),
    requestMinCompressionSizeBytes: config?.requestMinCompressionSizeBytes ?? loadConfig(NODE_REQUEST_MIN_COMPRESSION_SIZE_BYTES_CONFIG_OPTIONS, config),
    retryMode: config?.retryMode ?? loadConfig({
      ...NODE_RETRY_MODE_CONFIG_OPTIONS,
      default: async () => (await defaultConfigProvider()).retryMode || DEFAULT_RETRY_MODE
    }, config),
    streamCollector: config?.streamCollector ?? streamCollector,
    useDualstackEndpoint: config?.useDualstackEndpoint ?? loadConfig(NODE_USE_DUALSTACK_ENDPOINT_CONFIG_OPTIONS, loaderConfig),
    useFipsEndpoint: config?.useFipsEndpoint ?? loadConfig(NODE_USE_FIPS_ENDPOINT_CONFIG_OPTIONS, loaderConfig),
    userAgentAppId: config?.userAgentAppId ?? loadConfig(NODE_APP_ID_CONFIG_OPTIONS, loaderConfig)
  };
};

// node_modules/@aws-sdk/client-cloudwatch/dist-es/auth/httpAuthExtensionConfiguration.js
var getHttpAuthExtensionConfiguration = (runtimeConfig) => {
  const _httpAuthSchemes = runtimeConfig.httpAuthSchemes;
  let _httpAuthSchemeProvider = runtimeConfig.httpAuthSchemeProvider;
  let _credentials = runtimeConfig.credentials;
  return {
    setHttpAuthScheme(httpAuthScheme) {
      const index = _httpAuthSchemes.findIndex((scheme) => scheme.schemeId === httpAuthScheme.schemeId);
      if (index === -1) {
        _httpAuthSchemes.push(httpAuthScheme);
      } else {
        _httpAuthSchemes.splice(index, 1, httpAuthScheme);
      }
    },
    httpAuthSchemes() {
      return _httpAuthSchemes;
    },
    setHttpAuthSchemeProvider(httpAuthSchemeProvider) {
      _httpAuthSchemeProvider = httpAuthSchemeProvider;
    },
    httpAuthSchemeProvider() {
      return _httpAuthSchemeProvider;
    },
    setCredentials(credentials) {
      _credentials = credentials;
    },
    credentials() {
      return _credentials;
    }
  };
};
var resolveHttpAuthRuntimeConfig = (config) => {
  return {
    httpAuthSchemes: config.httpAuthSchemes(),
    httpAuthSchemeProvider: config.httpAuthSchemeProvider(),
    credentials: config.credentials()
  };
};

// node_modules/@aws-sdk/client-cloudwatch/dist-es/runtimeExtensions.js
var resolveRuntimeExtensions = (runtimeConfig, extensions) => {
  const extensionConfiguration = Object.assign(getAwsRegionExtensionConfiguration(runtimeConfig), getDefaultExtensionConfiguration(runtimeConfig), getHttpHandlerExtensionConfiguration(runtimeConfig), getHttpAuthExtensionConfiguration(runtimeConfig));
  extensions.forEach((extension) => extension.configure(extensionConfiguration));
  return Object.assign(runtimeConfig, resolveAwsRegionExtensionConfiguration(extensionConfiguration), resolveDefaultRuntimeConfig(extensionConfiguration), resolveHttpHandlerRuntimeConfig(extensionConfiguration), resolveHttpAuthRuntimeConfig(extensionConfiguration));
};

// node_modules/@aws-sdk/client-cloudwatch/dist-es/CloudWatchClient.js
var CloudWatchClient = class extends Client {
  config;
  constructor(...[configuration]) {
    const _config_0 = getRuntimeConfig2(configuration || {});
    super(_config_0);
    this.initConfig = _config_0;
    const _config_1 = resolveClientEndpointParameters(_config_0);
    const _config_2 = resolveUserAgentConfig(_config_1);
    const _config_3 = resolveRetryConfig(_config_2);
    const _config_4 = resolveRegionConfig(_config_3);
    const _config_5 = resolveHostHeaderConfig(_config_4);
    const _config_6 = resolveEndpointConfig(_config_5);
    const _config_7 = resolveHttpAuthSchemeConfig(_config_6);
    const _config_8 = resolveCompressionConfig(_config_7);
    const _config_9 = resolveRuntimeExtensions(_config_8, configuration?.extensions || []);
    this.config = _config_9;
    this.middlewareStack.use(getSchemaSerdePlugin(this.config));
    this.middlewareStack.use(getUserAgentPlugin(this.config));
    this.middlewareStack.use(getRetryPlugin(this.config));
    this.middlewareStack.use(getContentLengthPlugin(this.config));
    this.middlewareStack.use(getHostHeaderPlugin(this.config));
    this.middlewareStack.use(getLoggerPlugin(this.config));
    this.middlewareStack.use(getRecursionDetectionPlugin(this.config));
    this.middlewareStack.use(getHttpAuthSchemeEndpointRuleSetPlugin(this.config, {
      httpAuthSchemeParametersProvider: defaultCloudWatchHttpAuthSchemeParametersProvider,
      identityProviderConfigProvider: async (config) => new DefaultIdentityProviderConfig({
        "aws.auth#sigv4": config.credentials
      })
    }));
    this.middlewareStack.use(getHttpSigningPlugin(this.config));
  }
  destroy() {
    super.destroy();
  }
};

// node_modules/@aws-sdk/client-cloudwatch/dist-es/commandBuilder.js
var command = makeBuilder(commonParams, "GraniteServiceVersion20100801", "CloudWatchClient", getEndpointPlugin);
var _ep0 = {};
var _mw0 = (Command2, cs, config, o) => [];
var _mw1 = (Command2, cs, config, o) => [
  getCompressionPlugin(config, {
    encodings: ["gzip"]
  })
];

// node_modules/@aws-sdk/client-cloudwatch/dist-es/commands/AssociateDatasetKmsKeyCommand.js
var AssociateDatasetKmsKeyCommand = class extends command(_ep0, _mw0, "AssociateDatasetKmsKey", AssociateDatasetKmsKey$) {
};

// node_modules/@aws-sdk/client-cloudwatch/dist-es/commands/CreateResourceMetricsConfigurationCommand.js
var CreateResourceMetricsConfigurationCommand = class extends command(_ep0, _mw0, "CreateResourceMetricsConfiguration", CreateResourceMetricsConfiguration$) {
};

// node_modules/@aws-sdk/client-cloudwatch/dist-es/commands/DeleteAlarmMuteRuleCommand.js
var DeleteAlarmMuteRuleCommand = class extends command(_ep0, _mw0, "DeleteAlarmMuteRule", DeleteAlarmMuteRule$) {
};

// node_modules/@aws-sdk/client-cloudwatch/dist-es/commands/DeleteAlarmsCommand.js
var DeleteAlarmsCommand = class extends command(_ep0, _mw0, "DeleteAlarms", DeleteAlarms$) {
};

// node_modules/@aws-sdk/client-cloudwatch/dist-es/commands/DeleteAnomalyDetectorCommand.js
var DeleteAnomalyDetectorCommand = class extends command(_ep0, _mw0, "DeleteAnomalyDetector", DeleteAnomalyDetector$) {
};

// node_modules/@aws-sdk/client-cloudwatch/dist-es/commands/DeleteDashboardsCommand.js
var DeleteDashboardsCommand = class extends command(_ep0, _mw0, "DeleteDashboards", DeleteDashboards$) {
};

// node_modules/@aws-sdk/client-cloudwatch/dist-es/commands/DeleteInsightRulesCommand.js
var DeleteInsightRulesCommand = class extends command(_ep0, _mw0, "DeleteInsightRules", DeleteInsightRules$) {
};

// node_modules/@aws-sdk/client-cloudwatch/dist-es/commands/DeleteMetricStreamCommand.js
var DeleteMetricStreamCommand = class extends command(_ep0, _mw0, "DeleteMetricStream", DeleteMetricStream$) {
};

// node_modules/@aws-sdk/client-cloudwatch/dist-es/commands/DeleteResourceMetricsConfigurationCommand.js
var DeleteResourceMetricsConfigurationCommand = class extends command(_ep0, _mw0, "DeleteResourceMetricsConfiguration", DeleteResourceMetricsConfiguration$) {
};

// node_modules/@aws-sdk/client-cloudwatch/dist-es/commands/DescribeAlarmContributorsCommand.js
var DescribeAlarmContributorsCommand = class extends command(_ep0, _mw0, "DescribeAlarmContributors", DescribeAlarmContributors$) {
};

// node_modules/@aws-sdk/client-cloudwatch/dist-es/commands/DescribeAlarmHistoryCommand.js
var DescribeAlarmHistoryCommand = class extends command(_ep0, _mw0, "DescribeAlarmHistory", DescribeAlarmHistory$) {
};

// node_modules/@aws-sdk/client-cloudwatch/dist-es/commands/DescribeAlarmsCommand.js
var DescribeAlarmsCommand = class extends command(_ep0, _mw0, "DescribeAlarms", DescribeAlarms$) {
};

// node_modules/@aws-sdk/client-cloudwatch/dist-es/commands/DescribeAlarmsForMetricCommand.js
var DescribeAlarmsForMetricCommand = class extends command(_ep0, _mw0, "DescribeAlarmsForMetric", DescribeAlarmsForMetric$) {
};

// node_modules/@aws-sdk/client-cloudwatch/dist-es/commands/DescribeAnomalyDetectorsCommand.js
var DescribeAnomalyDetectorsCommand = class extends command(_ep0, _mw0, "DescribeAnomalyDetectors", DescribeAnomalyDetectors$) {
};

// node_modules/@aws-sdk/client-cloudwatch/dist-es/commands/DescribeInsightRulesCommand.js
var DescribeInsightRulesCommand = class extends command(_ep0, _mw0, "DescribeInsightRules", DescribeInsightRules$) {
};

// node_modules/@aws-sdk/client-cloudwatch/dist-es/commands/DisableAlarmActionsCommand.js
var DisableAlarmActionsCommand = class extends command(_ep0, _mw0, "DisableAlarmActions", DisableAlarmActions$) {
};

// node_modules/@aws-sdk/client-cloudwatch/dist-es/commands/DisableInsightRulesCommand.js
var DisableInsightRulesCommand = class extends command(_ep0, _mw0, "DisableInsightRules", DisableInsightRules$) {
};

// node_modules/@aws-sdk/client-cloudwatch/dist-es/commands/DisassociateDatasetKmsKeyCommand.js
var DisassociateDatasetKmsKeyCommand = class extends command(_ep0, _mw0, "DisassociateDatasetKmsKey", DisassociateDatasetKmsKey$) {
};

// node_modules/@aws-sdk/client-cloudwatch/dist-es/commands/EnableAlarmActionsCommand.js
var EnableAlarmActionsCommand = class extends command(_ep0, _mw0, "EnableAlarmActions", EnableAlarmActions$) {
};

// node_modules/@aws-sdk/client-cloudwatch/dist-es/commands/EnableInsightRulesCommand.js
var EnableInsightRulesCommand = class extends command(_ep0, _mw0, "EnableInsightRules", EnableInsightRules$) {
};

// node_modules/@aws-sdk/client-cloudwatch/dist-es/commands/GetAlarmMuteRuleCommand.js
var GetAlarmMuteRuleCommand = class extends command(_ep0, _mw0, "GetAlarmMuteRule", GetAlarmMuteRule$) {
};

// node_modules/@aws-sdk/client-cloudwatch/dist-es/commands/GetDashboardCommand.js
var GetDashboardCommand = class extends command(_ep0, _mw0, "GetDashboard", GetDashboard$) {
};

// node_modules/@aws-sdk/client-cloudwatch/dist-es/commands/GetDatasetCommand.js
var GetDatasetCommand = class extends command(_ep0, _mw0, "GetDataset", GetDataset$) {
};

// node_modules/@aws-sdk/client-cloudwatch/dist-es/commands/GetInsightRuleReportCommand.js
var GetInsightRuleReportCommand = class extends command(_ep0, _mw0, "GetInsightRuleReport", GetInsightRuleReport$) {
};

// node_modules/@aws-sdk/client-cloudwatch/dist-es/commands/GetMetricDataCommand.js
var GetMetricDataCommand = class extends command(_ep0, _mw0, "GetMetricData", GetMetricData$) {
};

// node_modules/@aws-sdk/client-cloudwatch/dist-es/commands/GetMetricStatisticsCommand.js
var GetMetricStatisticsCommand = class extends command(_ep0, _mw0, "GetMetricStatistics", GetMetricStatistics$) {
};

// node_modules/@aws-sdk/client-cloudwatch/dist-es/commands/GetMetricStreamCommand.js
var GetMetricStreamCommand = class extends command(_ep0, _mw0, "GetMetricStream", GetMetricStream$) {
};

// node_modules/@aws-sdk/client-cloudwatch/dist-es/commands/GetMetricWidgetImageCommand.js
var GetMetricWidgetImageCommand = class extends command(_ep0, _mw0, "GetMetricWidgetImage", GetMetricWidgetImage$) {
};

// node_modules/@aws-sdk/client-cloudwatch/dist-es/commands/GetOTelEnrichmentCommand.js
var GetOTelEnrichmentCommand = class extends command(_ep0, _mw0, "GetOTelEnrichment", GetOTelEnrichment$) {
};

// node_modules/@aws-sdk/client-cloudwatch/dist-es/commands/GetResourceMetricsConfigurationCommand.js
var GetResourceMetricsConfigurationCommand = class extends command(_ep0, _mw0, "GetResourceMetricsConfiguration", GetResourceMetricsConfiguration$) {
};

// node_modules/@aws-sdk/client-cloudwatch/dist-es/commands/ListAlarmMuteRulesCommand.js
var ListAlarmMuteRulesCommand = class extends command(_ep0, _mw0, "ListAlarmMuteRules", ListAlarmMuteRules$) {
};

// node_modules/@aws-sdk/client-cloudwatch/dist-es/commands/ListDashboardsCommand.js
var ListDashboardsCommand = class extends command(_ep0, _mw0, "ListDashboards", ListDashboards$) {
};

// node_modules/@aws-sdk/client-cloudwatch/dist-es/commands/ListManagedInsightRulesCommand.js
var ListManagedInsightRulesCommand = class extends command(_ep0, _mw0, "ListManagedInsightRules", ListManagedInsightRules$) {
};

// node_modules/@aws-sdk/client-cloudwatch/dist-es/commands/ListMetricsCommand.js
var ListMetricsCommand = class extends command(_ep0, _mw0, "ListMetrics", ListMetrics$) {
};

// node_modules/@aws-sdk/client-cloudwatch/dist-es/commands/ListMetricStreamsCommand.js
var ListMetricStreamsCommand = class extends command(_ep0, _mw0, "ListMetricStreams", ListMetricStreams$) {
};

// node_modules/@aws-sdk/client-cloudwatch/dist-es/commands/ListTagsForResourceCommand.js
var ListTagsForResourceCommand = class extends command(_ep0, _mw0, "ListTagsForResource", ListTagsForResource$) {
};

// node_modules/@aws-sdk/client-cloudwatch/dist-es/commands/PutAlarmMuteRuleCommand.js
var PutAlarmMuteRuleCommand = class extends command(_ep0, _mw0, "PutAlarmMuteRule", PutAlarmMuteRule$) {
};

// node_modules/@aws-sdk/client-cloudwatch/dist-es/commands/PutAnomalyDetectorCommand.js
var PutAnomalyDetectorCommand = class extends command(_ep0, _mw0, "PutAnomalyDetector", PutAnomalyDetector$) {
};

// node_modules/@aws-sdk/client-cloudwatch/dist-es/commands/PutCompositeAlarmCommand.js
var PutCompositeAlarmCommand = class extends command(_ep0, _mw0, "PutCompositeAlarm", PutCompositeAlarm$) {
};

// node_modules/@aws-sdk/client-cloudwatch/dist-es/commands/PutDashboardCommand.js
var PutDashboardCommand = class extends command(_ep0, _mw0, "PutDashboard", PutDashboard$) {
};

// node_modules/@aws-sdk/client-cloudwatch/dist-es/commands/PutInsightRuleCommand.js
var PutInsightRuleCommand = class extends command(_ep0, _mw0, "PutInsightRule", PutInsightRule$) {
};

// node_modules/@aws-sdk/client-cloudwatch/dist-es/commands/PutLogAlarmCommand.js
var PutLogAlarmCommand = class extends command(_ep0, _mw0, "PutLogAlarm", PutLogAlarm$) {
};

// node_modules/@aws-sdk/client-cloudwatch/dist-es/commands/PutManagedInsightRulesCommand.js
var PutManagedInsightRulesCommand = class extends command(_ep0, _mw0, "PutManagedInsightRules", PutManagedInsightRules$) {
};

// node_modules/@aws-sdk/client-cloudwatch/dist-es/commands/PutMetricAlarmCommand.js
var PutMetricAlarmCommand = class extends command(_ep0, _mw0, "PutMetricAlarm", PutMetricAlarm$) {
};

// node_modules/@aws-sdk/client-cloudwatch/dist-es/commands/PutMetricDataCommand.js
var PutMetricDataCommand = class extends command(_ep0, _mw1, "PutMetricData", PutMetricData$) {
};

// node_modules/@aws-sdk/client-cloudwatch/dist-es/commands/PutMetricStreamCommand.js
var PutMetricStreamCommand = class extends command(_ep0, _mw0, "PutMetricStream", PutMetricStream$) {
};

// node_modules/@aws-sdk/client-cloudwatch/dist-es/commands/SetAlarmStateCommand.js
var SetAlarmStateCommand = class extends command(_ep0, _mw0, "SetAlarmState", SetAlarmState$) {
};

// node_modules/@aws-sdk/client-cloudwatch/dist-es/commands/StartMetricStreamsCommand.js
var StartMetricStreamsCommand = class extends command(_ep0, _mw0, "StartMetricStreams", StartMetricStreams$) {
};

// node_modules/@aws-sdk/client-cloudwatch/dist-es/commands/StartOTelEnrichmentCommand.js
var StartOTelEnrichmentCommand = class extends command(_ep0, _mw0, "StartOTelEnrichment", StartOTelEnrichment$) {
};

// node_modules/@aws-sdk/client-cloudwatch/dist-es/commands/StopMetricStreamsCommand.js
var StopMetricStreamsCommand = class extends command(_ep0, _mw0, "StopMetricStreams", StopMetricStreams$) {
};

// node_modules/@aws-sdk/client-cloudwatch/dist-es/commands/StopOTelEnrichmentCommand.js
var StopOTelEnrichmentCommand = class extends command(_ep0, _mw0, "StopOTelEnrichment", StopOTelEnrichment$) {
};

// node_modules/@aws-sdk/client-cloudwatch/dist-es/commands/TagResourceCommand.js
var TagResourceCommand = class extends command(_ep0, _mw0, "TagResource", TagResource$) {
};

// node_modules/@aws-sdk/client-cloudwatch/dist-es/commands/UntagResourceCommand.js
var UntagResourceCommand = class extends command(_ep0, _mw0, "UntagResource", UntagResource$) {
};

// node_modules/@aws-sdk/client-cloudwatch/dist-es/commands/UpdateOTelEnrichmentCommand.js
var UpdateOTelEnrichmentCommand = class extends command(_ep0, _mw0, "UpdateOTelEnrichment", UpdateOTelEnrichment$) {
};

// node_modules/@aws-sdk/client-cloudwatch/dist-es/commands/UpdateResourceMetricsConfigurationCommand.js
var UpdateResourceMetricsConfigurationCommand = class extends command(_ep0, _mw0, "UpdateResourceMetricsConfiguration", UpdateResourceMetricsConfiguration$) {
};

// node_modules/@aws-sdk/client-cloudwatch/dist-es/pagination/DescribeAlarmHistoryPaginator.js
var paginateDescribeAlarmHistory = createPaginator(CloudWatchClient, DescribeAlarmHistoryCommand, "NextToken", "NextToken", "MaxRecords");

// node_modules/@aws-sdk/client-cloudwatch/dist-es/pagination/DescribeAlarmsPaginator.js
var paginateDescribeAlarms = createPaginator(CloudWatchClient, DescribeAlarmsCommand, "NextToken", "NextToken", "MaxRecords");

// node_modules/@aws-sdk/client-cloudwatch/dist-es/pagination/DescribeAnomalyDetectorsPaginator.js
var paginateDescribeAnomalyDetectors = createPaginator(CloudWatchClient, DescribeAnomalyDetectorsCommand, "NextToken", "NextToken", "MaxResults");

// node_modules/@aws-sdk/client-cloudwatch/dist-es/pagination/DescribeInsightRulesPaginator.js
var paginateDescribeInsightRules = createPaginator(CloudWatchClient, DescribeInsightRulesCommand, "NextToken", "NextToken", "MaxResults");

// node_modules/@aws-sdk/client-cloudwatch/dist-es/pagination/GetMetricDataPaginator.js
var paginateGetMetricData = createPaginator(CloudWatchClient, GetMetricDataCommand, "NextToken", "NextToken", "MaxDatapoints");

// node_modules/@aws-sdk/client-cloudwatch/dist-es/pagination/ListAlarmMuteRulesPaginator.js
var paginateListAlarmMuteRules = createPaginator(CloudWatchClient, ListAlarmMuteRulesCommand, "NextToken", "NextToken", "MaxRecords");

// node_modules/@aws-sdk/client-cloudwatch/dist-es/pagination/ListDashboardsPaginator.js
var paginateListDashboards = createPaginator(CloudWatchClient, ListDashboardsCommand, "NextToken", "NextToken", "");

// node_modules/@aws-sdk/client-cloudwatch/dist-es/pagination/ListManagedInsightRulesPaginator.js
var paginateListManagedInsightRules = createPaginator(CloudWatchClient, ListManagedInsightRulesCommand, "NextToken", "NextToken", "MaxResults");

// node_modules/@aws-sdk/client-cloudwatch/dist-es/pagination/ListMetricsPaginator.js
var paginateListMetrics = createPaginator(CloudWatchClient, ListMetricsCommand, "NextToken", "NextToken", "");

// node_modules/@aws-sdk/client-cloudwatch/dist-es/pagination/ListMetricStreamsPaginator.js
var paginateListMetricStreams = createPaginator(CloudWatchClient, ListMetricStreamsCommand, "NextToken", "NextToken", "MaxResults");

// node_modules/@aws-sdk/client-cloudwatch/dist-es/waiters/waitForAlarmExists.js
var checkState = async (client, input) => {
  let reason;
  try {
    let result = await client.send(new DescribeAlarmsCommand(input));
    reason = result;
    try {
      const returnComparator = () => {
        let flat_1 = [].concat(...result.MetricAlarms);
        return flat_1.length > 0;
      };
      if (returnComparator() == true) {
        return { state: WaiterState.SUCCESS, reason };
      }
    } catch (e2) {
    }
  } catch (exception) {
    reason = exception;
  }
  return { state: WaiterState.RETRY, reason };
};
var waitForAlarmExists = async (params, input) => {
  const serviceDefaults = { minDelay: 5, maxDelay: 120 };
  return createWaiter({ ...serviceDefaults, ...params }, input, checkState);
};
var waitUntilAlarmExists = async (params, input) => {
  const serviceDefaults = { minDelay: 5, maxDelay: 120 };
  const result = await createWaiter({ ...serviceDefaults, ...params }, input, checkState);
  return checkExceptions(result);
};

// node_modules/@aws-sdk/client-cloudwatch/dist-es/waiters/waitForAlarmMuteRuleExists.js
var checkState2 = async (client, input) => {
  let reason;
  try {
    let result = await client.send(new GetAlarmMuteRuleCommand(input));
    reason = result;
    return { state: WaiterState.SUCCESS, reason };
  } catch (exception) {
    reason = exception;
    if (exception.name === "ResourceNotFoundException") {
      return { state: WaiterState.RETRY, reason };
    }
  }
  return { state: WaiterState.RETRY, reason };
};
var waitForAlarmMuteRuleExists = async (params, input) => {
  const serviceDefaults = { minDelay: 5, maxDelay: 120 };
  return createWaiter({ ...serviceDefaults, ...params }, input, checkState2);
};
var waitUntilAlarmMuteRuleExists = async (params, input) => {
  const serviceDefaults = { minDelay: 5, maxDelay: 120 };
  const result = await createWaiter({ ...serviceDefaults, ...params }, input, checkState2);
  return checkExceptions(result);
};

// node_modules/@aws-sdk/client-cloudwatch/dist-es/waiters/waitForCompositeAlarmExists.js
var checkState3 = async (client, input) => {
  let reason;
  try {
    let result = await client.send(new DescribeAlarmsCommand(input));
    reason = result;
    try {
      const returnComparator = () => {
        let flat_1 = [].concat(...result.CompositeAlarms);
        return flat_1.length > 0;
      };
      if (returnComparator() == true) {
        return { state: WaiterState.SUCCESS, reason };
      }
    } catch (e2) {
    }
  } catch (exception) {
    reason = exception;
  }
  return { state: WaiterState.RETRY, reason };
};
var waitForCompositeAlarmExists = async (params, input) => {
  const serviceDefaults = { minDelay: 5, maxDelay: 120 };
  return createWaiter({ ...serviceDefaults, ...params }, input, checkState3);
};
var waitUntilCompositeAlarmExists = async (params, input) => {
  const serviceDefaults = { minDelay: 5, maxDelay: 120 };
  const result = await createWaiter({ ...serviceDefaults, ...params }, input, checkState3);
  return checkExceptions(result);
};

// node_modules/@aws-sdk/client-cloudwatch/dist-es/waiters/waitForLogAlarmExists.js
var checkState4 = async (client, input) => {
  let reason;
  try {
    let result = await client.send(new DescribeAlarmsCommand(input));
    reason = result;
    try {
      const returnComparator = () => {
        let flat_1 = [].concat(...result.LogAlarms);
        return flat_1.length > 0;
      };
      if (returnComparator() == true) {
        return { state: WaiterState.SUCCESS, reason };
      }
    } catch (e2) {
    }
  } catch (exception) {
    reason = exception;
  }
  return { state: WaiterState.RETRY, reason };
};
var waitForLogAlarmExists = async (params, input) => {
  const serviceDefaults = { minDelay: 5, maxDelay: 120 };
  return createWaiter({ ...serviceDefaults, ...params }, input, checkState4);
};
var waitUntilLogAlarmExists = async (params, input) => {
  const serviceDefaults = { minDelay: 5, maxDelay: 120 };
  const result = await createWaiter({ ...serviceDefaults, ...params }, input, checkState4);
  return checkExceptions(result);
};

// node_modules/@aws-sdk/client-cloudwatch/dist-es/CloudWatch.js
var commands = {
  AssociateDatasetKmsKeyCommand,
  CreateResourceMetricsConfigurationCommand,
  DeleteAlarmMuteRuleCommand,
  DeleteAlarmsCommand,
  DeleteAnomalyDetectorCommand,
  DeleteDashboardsCommand,
  DeleteInsightRulesCommand,
  DeleteMetricStreamCommand,
  DeleteResourceMetricsConfigurationCommand,
  DescribeAlarmContributorsCommand,
  DescribeAlarmHistoryCommand,
  DescribeAlarmsCommand,
  DescribeAlarmsForMetricCommand,
  DescribeAnomalyDetectorsCommand,
  DescribeInsightRulesCommand,
  DisableAlarmActionsCommand,
  DisableInsightRulesCommand,
  DisassociateDatasetKmsKeyCommand,
  EnableAlarmActionsCommand,
  EnableInsightRulesCommand,
  GetAlarmMuteRuleCommand,
  GetDashboardCommand,
  GetDatasetCommand,
  GetInsightRuleReportCommand,
  GetMetricDataCommand,
  GetMetricStatisticsCommand,
  GetMetricStreamCommand,
  GetMetricWidgetImageCommand,
  GetOTelEnrichmentCommand,
  GetResourceMetricsConfigurationCommand,
  ListAlarmMuteRulesCommand,
  ListDashboardsCommand,
  ListManagedInsightRulesCommand,
  ListMetricsCommand,
  ListMetricStreamsCommand,
  ListTagsForResourceCommand,
  PutAlarmMuteRuleCommand,
  PutAnomalyDetectorCommand,
  PutCompositeAlarmCommand,
  PutDashboardCommand,
  PutInsightRuleCommand,
  PutLogAlarmCommand,
  PutManagedInsightRulesCommand,
  PutMetricAlarmCommand,
  PutMetricDataCommand,
  PutMetricStreamCommand,
  SetAlarmStateCommand,
  StartMetricStreamsCommand,
  StartOTelEnrichmentCommand,
  StopMetricStreamsCommand,
  StopOTelEnrichmentCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateOTelEnrichmentCommand,
  UpdateResourceMetricsConfigurationCommand
};
var paginators = {
  paginateDescribeAlarmHistory,
  paginateDescribeAlarms,
  paginateDescribeAnomalyDetectors,
  paginateDescribeInsightRules,
  paginateGetMetricData,
  paginateListAlarmMuteRules,
  paginateListDashboards,
  paginateListManagedInsightRules,
  paginateListMetrics,
  paginateListMetricStreams
};
var waiters = {
  waitUntilAlarmExists,
  waitUntilCompositeAlarmExists,
  waitUntilLogAlarmExists,
  waitUntilAlarmMuteRuleExists
};
var CloudWatch = class extends CloudWatchClient {
};
createAggregatedClient(commands, CloudWatch, { paginators, waiters });

// node_modules/@aws-sdk/client-cloudwatch/dist-es/models/enums.js
var ActionsSuppressedBy = {
  Alarm: "Alarm",
  ExtensionPeriod: "ExtensionPeriod",
  WaitPeriod: "WaitPeriod"
};
var AlarmType = {
  CompositeAlarm: "CompositeAlarm",
  LogAlarm: "LogAlarm",
  MetricAlarm: "MetricAlarm"
};
var HistoryItemType = {
  Action: "Action",
  AlarmContributorAction: "AlarmContributorAction",
  AlarmContributorStateUpdate: "AlarmContributorStateUpdate",
  ConfigurationUpdate: "ConfigurationUpdate",
  StateUpdate: "StateUpdate"
};
var AlarmMuteRuleStatus = {
  ACTIVE: "ACTIVE",
  EXPIRED: "EXPIRED",
  SCHEDULED: "SCHEDULED"
};
var AnomalyDetectorAdaptationSpeed = {
  FAST: "FAST",
  NORMAL: "NORMAL",
  SLOW: "SLOW"
};
var AnomalyDetectorOutlierFilteringStrength = {
  MINIMAL: "MINIMAL",
  MODERATE: "MODERATE",
  STRICT: "STRICT"
};
var StandardUnit = {
  Bits: "Bits",
  Bits_Second: "Bits/Second",
  Bytes: "Bytes",
  Bytes_Second: "Bytes/Second",
  Count: "Count",
  Count_Second: "Count/Second",
  Gigabits: "Gigabits",
  Gigabits_Second: "Gigabits/Second",
  Gigabytes: "Gigabytes",
  Gigabytes_Second: "Gigabytes/Second",
  Kilobits: "Kilobits",
  Kilobits_Second: "Kilobits/Second",
  Kilobytes: "Kilobytes",
  Kilobytes_Second: "Kilobytes/Second",
  Megabits: "Megabits",
  Megabits_Second: "Megabits/Second",
  Megabytes: "Megabytes",
  Megabytes_Second: "Megabytes/Second",
  Microseconds: "Microseconds",
  Milliseconds: "Milliseconds",
  None: "None",
  Percent: "Percent",
  Seconds: "Seconds",
  Terabits: "Terabits",
  Terabits_Second: "Terabits/Second",
  Terabytes: "Terabytes",
  Terabytes_Second: "Terabytes/Second"
};
var AnomalyDetectorStateValue = {
  PENDING_TRAINING: "PENDING_TRAINING",
  TRAINED: "TRAINED",
  TRAINED_INSUFFICIENT_DATA: "TRAINED_INSUFFICIENT_DATA"
};
var AnomalyDetectorType = {
  METRIC_MATH: "METRIC_MATH",
  SINGLE_METRIC: "SINGLE_METRIC"
};
var ComparisonOperator = {
  GreaterThanOrEqualToThreshold: "GreaterThanOrEqualToThreshold",
  GreaterThanThreshold: "GreaterThanThreshold",
  GreaterThanUpperThreshold: "GreaterThanUpperThreshold",
  LessThanLowerOrGreaterThanUpperThreshold: "LessThanLowerOrGreaterThanUpperThreshold",
  LessThanLowerThreshold: "LessThanLowerThreshold",
  LessThanOrEqualToThreshold: "LessThanOrEqualToThreshold",
  LessThanThreshold: "LessThanThreshold"
};
var StateValue = {
  ALARM: "ALARM",
  INSUFFICIENT_DATA: "INSUFFICIENT_DATA",
  OK: "OK"
};
var ScanBy = {
  TIMESTAMP_ASCENDING: "TimestampAscending",
  TIMESTAMP_DESCENDING: "TimestampDescending"
};
var EvaluationState = {
  EVALUATION_ERROR: "EVALUATION_ERROR",
  EVALUATION_FAILURE: "EVALUATION_FAILURE",
  PARTIAL_DATA: "PARTIAL_DATA"
};
var Statistic = {
  Average: "Average",
  Maximum: "Maximum",
  Minimum: "Minimum",
  SampleCount: "SampleCount",
  Sum: "Sum"
};
var StatusCode = {
  COMPLETE: "Complete",
  FORBIDDEN: "Forbidden",
  INTERNAL_ERROR: "InternalError",
  PARTIAL_DATA: "PartialData"
};
var MetricStreamOutputFormat = {
  JSON: "json",
  OPEN_TELEMETRY_0_7: "opentelemetry0.7",
  OPEN_TELEMETRY_1_0: "opentelemetry1.0"
};
var OTelEnrichmentStatus = {
  RUNNING: "Running",
  STOPPED: "Stopped"
};
var RecentlyActive = {
  PT3H: "PT3H"
};

export {
  CloudWatchServiceException,
  ConflictException,
  KmsAccessDeniedException,
  KmsKeyDisabledException,
  KmsKeyNotFoundException,
  ResourceNotFoundException,
  ConcurrentModificationException,
  DashboardInvalidInputError,
  DashboardNotFoundError,
  ResourceConflict,
  ResourceNotFound,
  InternalServiceFault,
  InvalidParameterCombinationException,
  InvalidParameterValueException,
  MissingRequiredParameterException,
  InvalidNextToken,
  LimitExceededException,
  LimitExceededFault,
  InvalidFormatFault,
  ValidationException,
  CloudWatchServiceException$,
  ConcurrentModificationException$,
  ConflictException$,
  DashboardInvalidInputError$,
  DashboardNotFoundError$,
  InternalServiceFault$,
  InvalidFormatFault$,
  InvalidNextToken$,
  InvalidParameterCombinationException$,
  InvalidParameterValueException$,
  KmsAccessDeniedException$,
  KmsKeyDisabledException$,
  KmsKeyNotFoundException$,
  LimitExceededException$,
  LimitExceededFault$,
  MissingRequiredParameterException$,
  ResourceConflict$,
  ResourceNotFound$,
  ResourceNotFoundException$,
  ValidationException$,
  errorTypeRegistries,
  ActionConfiguration$,
  AlarmContributor$,
  AlarmHistoryItem$,
  AlarmMuteRuleSummary$,
  AlarmPromQLCriteria$,
  AlarmTagsPropagation$,
  AnomalyDetector$,
  AnomalyDetectorConfiguration$,
  AssociateDatasetKmsKeyInput$,
  AssociateDatasetKmsKeyOutput$,
  CompositeAlarm$,
  CreateResourceMetricsConfigurationInput$,
  CreateResourceMetricsConfigurationOutput$,
  DashboardEntry$,
  DashboardValidationMessage$,
  Datapoint$,
  DeleteAlarmMuteRuleInput$,
  DeleteAlarmsInput$,
  DeleteAnomalyDetectorInput$,
  DeleteAnomalyDetectorOutput$,
  DeleteDashboardsInput$,
  DeleteDashboardsOutput$,
  DeleteInsightRulesInput$,
  DeleteInsightRulesOutput$,
  DeleteMetricStreamInput$,
  DeleteMetricStreamOutput$,
  DeleteResourceMetricsConfigurationInput$,
  DeleteResourceMetricsConfigurationOutput$,
  DescribeAlarmContributorsInput$,
  DescribeAlarmContributorsOutput$,
  DescribeAlarmHistoryInput$,
  DescribeAlarmHistoryOutput$,
  DescribeAlarmsForMetricInput$,
  DescribeAlarmsForMetricOutput$,
  DescribeAlarmsInput$,
  DescribeAlarmsOutput$,
  DescribeAnomalyDetectorsInput$,
  DescribeAnomalyDetectorsOutput$,
  DescribeInsightRulesInput$,
  DescribeInsightRulesOutput$,
  Dimension$,
  DimensionFilter$,
  DisableAlarmActionsInput$,
  DisableInsightRulesInput$,
  DisableInsightRulesOutput$,
  DisassociateDatasetKmsKeyInput$,
  DisassociateDatasetKmsKeyOutput$,
  EnableAlarmActionsInput$,
  EnableInsightRulesInput$,
  EnableInsightRulesOutput$,
  Entity$,
  EntityMetricData$,
  GetAlarmMuteRuleInput$,
  GetAlarmMuteRuleOutput$,
  GetDashboardInput$,
  GetDashboardOutput$,
  GetDatasetInput$,
  GetDatasetOutput$,
  GetInsightRuleReportInput$,
  GetInsightRuleReportOutput$,
  GetMetricDataInput$,
  GetMetricDataOutput$,
  GetMetricStatisticsInput$,
  GetMetricStatisticsOutput$,
  GetMetricStreamInput$,
  GetMetricStreamOutput$,
  GetMetricWidgetImageInput$,
  GetMetricWidgetImageOutput$,
  GetOTelEnrichmentInput$,
  GetOTelEnrichmentOutput$,
  GetResourceMetricsConfigurationInput$,
  GetResourceMetricsConfigurationOutput$,
  InsightRule$,
  InsightRuleContributor$,
  InsightRuleContributorDatapoint$,
  InsightRuleMetricDatapoint$,
  LabelOptions$,
  ListAlarmMuteRulesInput$,
  ListAlarmMuteRulesOutput$,
  ListDashboardsInput$,
  ListDashboardsOutput$,
  ListManagedInsightRulesInput$,
  ListManagedInsightRulesOutput$,
  ListMetricsInput$,
  ListMetricsOutput$,
  ListMetricStreamsInput$,
  ListMetricStreamsOutput$,
  ListTagsForResourceInput$,
  ListTagsForResourceOutput$,
  LogAlarm$,
  ManagedRule$,
  ManagedRuleDescription$,
  ManagedRuleState$,
  MessageData$,
  Metric$,
  MetricAlarm$,
  MetricCharacteristics$,
  MetricDataQuery$,
  MetricDataResult$,
  MetricDatum$,
  MetricMathAnomalyDetector$,
  MetricStat$,
  MetricStreamEntry$,
  MetricStreamFilter$,
  MetricStreamStatisticsConfiguration$,
  MetricStreamStatisticsMetric$,
  MuteTargets$,
  OTelEnrichmentMetricSelector$,
  PartialFailure$,
  PutAlarmMuteRuleInput$,
  PutAnomalyDetectorInput$,
  PutAnomalyDetectorOutput$,
  PutCompositeAlarmInput$,
  PutDashboardInput$,
  PutDashboardOutput$,
  PutInsightRuleInput$,
  PutInsightRuleOutput$,
  PutLogAlarmInput$,
  PutManagedInsightRulesInput$,
  PutManagedInsightRulesOutput$,
  PutMetricAlarmInput$,
  PutMetricDataInput$,
  PutMetricStreamInput$,
  PutMetricStreamOutput$,
  Range$,
  ResourceMetricsConfiguration$,
  ResourceMetricSelection$,
  Rule$,
  Schedule$,
  ScheduleConfiguration$,
  ScheduledQueryConfiguration$,
  SetAlarmStateInput$,
  SingleMetricAnomalyDetector$,
  SlidingWindow$,
  StartMetricStreamsInput$,
  StartMetricStreamsOutput$,
  StartOTelEnrichmentInput$,
  StartOTelEnrichmentOutput$,
  StatisticSet$,
  StopMetricStreamsInput$,
  StopMetricStreamsOutput$,
  StopOTelEnrichmentInput$,
  StopOTelEnrichmentOutput$,
  Tag$,
  TagResourceInput$,
  TagResourceOutput$,
  UntagResourceInput$,
  UntagResourceOutput$,
  UpdateOTelEnrichmentInput$,
  UpdateOTelEnrichmentOutput$,
  UpdateResourceMetricsConfigurationInput$,
  UpdateResourceMetricsConfigurationOutput$,
  WallClockWindow$,
  WarmUpConfiguration$,
  EvaluationCriteria$,
  EvaluationWindow$,
  AssociateDatasetKmsKey$,
  CreateResourceMetricsConfiguration$,
  DeleteAlarmMuteRule$,
  DeleteAlarms$,
  DeleteAnomalyDetector$,
  DeleteDashboards$,
  DeleteInsightRules$,
  DeleteMetricStream$,
  DeleteResourceMetricsConfiguration$,
  DescribeAlarmContributors$,
  DescribeAlarmHistory$,
  DescribeAlarms$,
  DescribeAlarmsForMetric$,
  DescribeAnomalyDetectors$,
  DescribeInsightRules$,
  DisableAlarmActions$,
  DisableInsightRules$,
  DisassociateDatasetKmsKey$,
  EnableAlarmActions$,
  EnableInsightRules$,
  GetAlarmMuteRule$,
  GetDashboard$,
  GetDataset$,
  GetInsightRuleReport$,
  GetMetricData$,
  GetMetricStatistics$,
  GetMetricStream$,
  GetMetricWidgetImage$,
  GetOTelEnrichment$,
  GetResourceMetricsConfiguration$,
  ListAlarmMuteRules$,
  ListDashboards$,
  ListManagedInsightRules$,
  ListMetrics$,
  ListMetricStreams$,
  ListTagsForResource$,
  PutAlarmMuteRule$,
  PutAnomalyDetector$,
  PutCompositeAlarm$,
  PutDashboard$,
  PutInsightRule$,
  PutLogAlarm$,
  PutManagedInsightRules$,
  PutMetricAlarm$,
  PutMetricData$,
  PutMetricStream$,
  SetAlarmState$,
  StartMetricStreams$,
  StartOTelEnrichment$,
  StopMetricStreams$,
  StopOTelEnrichment$,
  TagResource$,
  UntagResource$,
  UpdateOTelEnrichment$,
  UpdateResourceMetricsConfiguration$,
  CloudWatchClient,
  AssociateDatasetKmsKeyCommand,
  CreateResourceMetricsConfigurationCommand,
  DeleteAlarmMuteRuleCommand,
  DeleteAlarmsCommand,
  DeleteAnomalyDetectorCommand,
  DeleteDashboardsCommand,
  DeleteInsightRulesCommand,
  DeleteMetricStreamCommand,
  DeleteResourceMetricsConfigurationCommand,
  DescribeAlarmContributorsCommand,
  DescribeAlarmHistoryCommand,
  DescribeAlarmsCommand,
  DescribeAlarmsForMetricCommand,
  DescribeAnomalyDetectorsCommand,
  DescribeInsightRulesCommand,
  DisableAlarmActionsCommand,
  DisableInsightRulesCommand,
  DisassociateDatasetKmsKeyCommand,
  EnableAlarmActionsCommand,
  EnableInsightRulesCommand,
  GetAlarmMuteRuleCommand,
  GetDashboardCommand,
  GetDatasetCommand,
  GetInsightRuleReportCommand,
  GetMetricDataCommand,
  GetMetricStatisticsCommand,
  GetMetricStreamCommand,
  GetMetricWidgetImageCommand,
  GetOTelEnrichmentCommand,
  GetResourceMetricsConfigurationCommand,
  ListAlarmMuteRulesCommand,
  ListDashboardsCommand,
  ListManagedInsightRulesCommand,
  ListMetricsCommand,
  ListMetricStreamsCommand,
  ListTagsForResourceCommand,
  PutAlarmMuteRuleCommand,
  PutAnomalyDetectorCommand,
  PutCompositeAlarmCommand,
  PutDashboardCommand,
  PutInsightRuleCommand,
  PutLogAlarmCommand,
  PutManagedInsightRulesCommand,
  PutMetricAlarmCommand,
  PutMetricDataCommand,
  PutMetricStreamCommand,
  SetAlarmStateCommand,
  StartMetricStreamsCommand,
  StartOTelEnrichmentCommand,
  StopMetricStreamsCommand,
  StopOTelEnrichmentCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateOTelEnrichmentCommand,
  UpdateResourceMetricsConfigurationCommand,
  paginateDescribeAlarmHistory,
  paginateDescribeAlarms,
  paginateDescribeAnomalyDetectors,
  paginateDescribeInsightRules,
  paginateGetMetricData,
  paginateListAlarmMuteRules,
  paginateListDashboards,
  paginateListManagedInsightRules,
  paginateListMetrics,
  paginateListMetricStreams,
  waitForAlarmExists,
  waitUntilAlarmExists,
  waitForAlarmMuteRuleExists,
  waitUntilAlarmMuteRuleExists,
  waitForCompositeAlarmExists,
  waitUntilCompositeAlarmExists,
  waitForLogAlarmExists,
  waitUntilLogAlarmExists,
  CloudWatch,
  ActionsSuppressedBy,
  AlarmType,
  HistoryItemType,
  AlarmMuteRuleStatus,
  AnomalyDetectorAdaptationSpeed,
  AnomalyDetectorOutlierFilteringStrength,
  StandardUnit,
  AnomalyDetectorStateValue,
  AnomalyDetectorType,
  ComparisonOperator,
  StateValue,
  ScanBy,
  EvaluationState,
  Statistic,
  StatusCode,
  MetricStreamOutputFormat,
  OTelEnrichmentStatus,
  RecentlyActive
};
