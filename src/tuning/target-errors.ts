// The errors LambdaTarget throws (each names what went wrong with the function, for the run's one-line reasons), and
// reading the errors the SDK and its waiters throw.

import { errorName } from '../lib/retry.js';

/** $LATEST changed between this run's update and its publish (another run or a deploy): the step is done again. */
export class ConcurrentChangeError extends Error {
  override name = 'ConcurrentChangeError';
}

/** auto-optimize-alias names an alias with weighted routing (a deployment in progress). */
export class AliasRoutingError extends Error {
  override name = 'AliasRoutingError';
}

/** The function's logging hides the REPORT every measurement needs. */
export class LoggingConfigError extends Error {
  override name = 'LoggingConfigError';
}

/** $LATEST could not be put back: the run fails, and says so. */
export class RestoreError extends Error {
  override name = 'RestoreError';
}

/** Another run's marker sat on $LATEST too long: that run died before restoring. */
export class AbandonedRunError extends Error {
  override name = 'AbandonedRunError';
}

/** A published version did not become Active (failed, or not within timeout-minutes). */
export class VersionNotActiveError extends Error {
  override name = 'VersionNotActiveError';
}

/** An invocation ran another version or memory size than the alias was made for. */
export class WrongVersionError extends Error {
  override name = 'WrongVersionError';
}

/** The message of an error from any realm (the SDK's errors are not always this realm's Error). */
export function messageText(error: unknown): string {
  const message = (error as { message?: unknown } | null | undefined)?.message;
  return typeof message === 'string' ? message : String(error);
}

/**
 * The StateReason of a version the SDK waiter saw Failed. The waiter reports its result as JSON in the error's
 * message (@smithy checkExceptions): `{"state":"FAILURE","reason":<the GetFunctionConfiguration output>}`.
 */
export function waiterFailure(error: unknown): string | undefined {
  try {
    const result = JSON.parse(messageText(error)) as {
      state?: string;
      reason?: {
        State?: string;
        StateReason?: string;
        StateReasonCode?: string;
        // The waiters that poll GetFunction (FunctionActiveV2) see its whole answer.
        Configuration?: { StateReason?: string; StateReasonCode?: string };
      };
    };
    if (result.state !== 'FAILURE' || typeof result.reason !== 'object' || result.reason === null) return undefined;
    const reason = result.reason;
    return (
      reason.StateReason ??
      reason.StateReasonCode ??
      reason.Configuration?.StateReason ??
      reason.Configuration?.StateReasonCode ??
      'no reason given'
    );
  } catch {
    return undefined;
  }
}

/** CreateAlias of a name that exists (ResourceConflictException "… already exists"). */
export function isAlreadyExists(error: unknown): boolean {
  return errorName(error) === 'ResourceConflictException' && /already exist/i.test(messageText(error));
}

/** "Not found" is what a delete wanted: the thing is gone. */
export function isNotFound(error: unknown): boolean {
  return errorName(error) === 'ResourceNotFoundException';
}
