import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);

// src/lib/retry.ts
function backoffDelayMs(attempt, baseDelayMs, maxDelayMs, random) {
  const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + random() * ceiling / 2);
}
async function withRetry(fn, options) {
  const random = options.random ?? Math.random;
  for (let attempt = 1; ; attempt++) {
    if (options.signal?.aborted) throw abortError(options.signal);
    try {
      return await fn();
    } catch (error) {
      if (options.signal?.aborted || attempt >= options.attempts) throw error;
      if (!await options.shouldRetry(error, attempt)) throw error;
      const delayMs = backoffDelayMs(attempt, options.baseDelayMs, options.maxDelayMs, random);
      options.onRetry?.(error, attempt, delayMs);
      await options.sleep(delayMs, options.signal);
    }
  }
}
function abortError(signal) {
  return signal.reason instanceof Error ? signal.reason : new Error(String(signal.reason ?? "aborted"));
}
function errorName(error) {
  if (error && typeof error === "object" && "name" in error && typeof error.name === "string") return error.name;
  return "Error";
}
var THROTTLING = /* @__PURE__ */ new Set(["TooManyRequestsException", "ThrottlingException", "Throttling", "EC2ThrottledException"]);
function isThrottling(error) {
  return THROTTLING.has(errorName(error));
}
var PERMANENT_SERVICE_ERRORS = /* @__PURE__ */ new Set([
  "KMSAccessDeniedException",
  "KMSDisabledException",
  "KMSInvalidStateException",
  "KMSNotFoundException",
  "InvalidRuntimeException",
  "InvalidZipFileException",
  "ENILimitReachedException",
  "SubnetIPAddressLimitReachedException",
  "InvalidSubnetIDException",
  "InvalidSecurityGroupIDException",
  "EC2AccessDeniedException",
  "EFSIOException",
  "EFSMountConnectivityException",
  "EFSMountFailureException",
  "EFSMountTimeoutException",
  "S3FilesMountConnectivityException",
  "S3FilesMountFailureException",
  "S3FilesMountTimeoutException"
]);
function isTransient(error) {
  if (!error || typeof error !== "object") return false;
  if (PERMANENT_SERVICE_ERRORS.has(errorName(error))) return false;
  const status = error.$metadata?.httpStatusCode;
  if (status !== void 0 && status >= 500) return true;
  const name = errorName(error);
  if (name === "ServiceException" || name === "TimeoutError" || name === "RequestTimeout") return true;
  const code = error.code;
  if (code === "ECONNRESET" || code === "EPIPE" || code === "ECONNREFUSED" || code === "ETIMEDOUT" || code === "UND_ERR_SOCKET")
    return true;
  const message = error.message;
  return typeof message === "string" && WRAPPED_SOCKET_ERROR.test(message);
}
var WRAPPED_SOCKET_ERROR = /^AWS SDK error wrapper for .*(TimeoutError|socket hang up|ECONNRESET|ECONNREFUSED|EPIPE|ETIMEDOUT)/;

export {
  backoffDelayMs,
  withRetry,
  errorName,
  isThrottling,
  PERMANENT_SERVICE_ERRORS,
  isTransient
};
