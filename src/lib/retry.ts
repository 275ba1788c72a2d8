// Retries with exponential backoff and full jitter, on top of the SDK's own retries.
//
// Why not the SDK's retry strategy alone: it retries each request a few times in quick succession, which is right
// for a blip but not for a throttling burst that lasts seconds, nor for ResourceConflictException (the function is
// still updating), which the SDK never retries. Why not p-retry: we need the injected sleep (tests run without
// real time passing) and an AbortSignal that ends the wait immediately on cancellation; the loop is ten lines.

import type { Sleep } from './ports.js';

export interface RetryOptions {
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  sleep: Sleep;
  signal?: AbortSignal;
  /** Decides per error whether another attempt may help; may also wait itself (e.g. for an update to finish). */
  shouldRetry: (error: unknown, attempt: number) => boolean | Promise<boolean>;
  random?: () => number;
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
}

export function backoffDelayMs(attempt: number, baseDelayMs: number, maxDelayMs: number, random: () => number): number {
  const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

export async function withRetry<T>(fn: () => Promise<T>, options: RetryOptions): Promise<T> {
  const random = options.random ?? Math.random;
  for (let attempt = 1; ; attempt++) {
    // No attempt starts once the signal has aborted: a cancelled run stops here, and clean-up (which passes its
    // own signal) stops when its budget is spent.
    if (options.signal?.aborted) throw abortError(options.signal);
    try {
      return await fn();
    } catch (error) {
      if (options.signal?.aborted || attempt >= options.attempts) throw error;
      if (!(await options.shouldRetry(error, attempt))) throw error;
      const delayMs = backoffDelayMs(attempt, options.baseDelayMs, options.maxDelayMs, random);
      options.onRetry?.(error, attempt, delayMs);
      await options.sleep(delayMs, options.signal);
    }
  }
}

function abortError(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new Error(String(signal.reason ?? 'aborted'));
}

export function errorName(error: unknown): string {
  if (error && typeof error === 'object' && 'name' in error && typeof error.name === 'string') return error.name;
  return 'Error';
}

const THROTTLING = new Set(['TooManyRequestsException', 'ThrottlingException', 'Throttling', 'EC2ThrottledException']);

export function isThrottling(error: unknown): boolean {
  return THROTTLING.has(errorName(error));
}

/**
 * Errors Invoke answers with a 5xx (or 4xx) status that no retry can fix: the function's KMS key, runtime, VPC or
 * file system is misconfigured, and stays so until someone changes it. From the Invoke operation's errors in
 * botocore's Lambda model (data/lambda/2015-03-31/service-2.json, botocore 1.43.11): KMS* and InvalidRuntime,
 * ENILimitReached, SubnetIPAddressLimitReached, InvalidSubnetID, InvalidSecurityGroupID, EC2AccessDenied and
 * InvalidZipFile are 502; EFS* and S3Files* mount errors are 403/408/410. Retrying them only delays the answer.
 */
export const PERMANENT_SERVICE_ERRORS: ReadonlySet<string> = new Set([
  'KMSAccessDeniedException',
  'KMSDisabledException',
  'KMSInvalidStateException',
  'KMSNotFoundException',
  'InvalidRuntimeException',
  'InvalidZipFileException',
  'ENILimitReachedException',
  'SubnetIPAddressLimitReachedException',
  'InvalidSubnetIDException',
  'InvalidSecurityGroupIDException',
  'EC2AccessDeniedException',
  'EFSIOException',
  'EFSMountConnectivityException',
  'EFSMountFailureException',
  'EFSMountTimeoutException',
  'S3FilesMountConnectivityException',
  'S3FilesMountFailureException',
  'S3FilesMountTimeoutException',
]);

/**
 * 5xx from the service, or a connection that dropped. The request may or may not have taken effect; the engine
 * only retries calls that are safe either way (reads, deletes that accept "not found", RevisionId-guarded updates,
 * and alias creation that checks an existing alias).
 */
export function isTransient(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  if (PERMANENT_SERVICE_ERRORS.has(errorName(error))) return false;
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  if (status !== undefined && status >= 500) return true;
  const name = errorName(error);
  if (name === 'ServiceException' || name === 'TimeoutError' || name === 'RequestTimeout') return true;
  const code = (error as { code?: string }).code;
  if (
    code === 'ECONNRESET' ||
    code === 'EPIPE' ||
    code === 'ECONNREFUSED' ||
    code === 'ETIMEDOUT' ||
    code === 'UND_ERR_SOCKET'
  )
    return true;
  // When the code runs in another VM realm than Node's own (jest, vm sandboxes), the SDK's retry layer does not
  // recognise a socket error as an Error and wraps it, keeping only its text:
  // "AWS SDK error wrapper for TimeoutError: socket hang up". Still a dropped connection.
  const message = (error as { message?: unknown }).message;
  return typeof message === 'string' && WRAPPED_SOCKET_ERROR.test(message);
}

const WRAPPED_SOCKET_ERROR =
  /^AWS SDK error wrapper for .*(TimeoutError|socket hang up|ECONNRESET|ECONNREFUSED|EPIPE|ETIMEDOUT)/;
