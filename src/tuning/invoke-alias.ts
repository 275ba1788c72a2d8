// One Invoke of a run's alias, the call every measurement comes from: a data-plane request, so it does not go through
// the control-plane limiter; retried on throttling and transient errors; and checked against the version and memory
// the alias must run, so a measurement is never filed under a memory size it was not taken at.

import { InvokeCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import type { EngineLogger, Sleep } from '../lib/ports.js';
import { errorName, isThrottling, isTransient, withRetry } from '../lib/retry.js';
import { parseReport } from './logs.js';
import { WrongVersionError } from './target-errors.js';
import type { PreparedVersion } from './versions.js';

export interface InvokeOutcome {
  /** The base64-decoded log tail (last 4 KB). */
  logTail: string;
  functionError?: string;
  /** Decoded response payload (function output; handle with care, it may be sensitive). */
  payload: string;
  executedVersion?: string;
}

export interface InvokeAliasOptions {
  sleep: Sleep;
  random?: () => number;
  logger: EngineLogger;
  signal?: AbortSignal;
  /** The version and memory the alias must run (a version this run prepared); unchecked when absent. */
  expected?: Pick<PreparedVersion, 'version' | 'memoryMb'>;
}

const INVOKE_ATTEMPTS = 6;

export async function invokeAlias(
  client: LambdaClient,
  functionArn: string,
  alias: string,
  payload: string,
  options: InvokeAliasOptions,
): Promise<InvokeOutcome> {
  const { signal, expected } = options;
  const response = await withRetry(
    () =>
      client.send(
        new InvokeCommand({
          FunctionName: functionArn,
          Qualifier: alias,
          InvocationType: 'RequestResponse',
          LogType: 'Tail',
          Payload: new TextEncoder().encode(payload),
        }),
        { abortSignal: signal },
      ),
    {
      attempts: INVOKE_ATTEMPTS,
      baseDelayMs: 250,
      maxDelayMs: 8_000,
      sleep: options.sleep,
      signal,
      random: options.random,
      shouldRetry: (error) => isThrottling(error) || isTransient(error),
      onRetry: (error, attempt, delayMs) =>
        options.logger.debug(`Invoke ${alias}: ${errorName(error)}, retry ${attempt} in ${delayMs} ms`),
    },
  );
  const logTail = response.LogResult ? Buffer.from(response.LogResult, 'base64').toString('utf8') : '';
  if (expected) {
    const memorySizeMb = parseReport(logTail)?.memorySizeMb;
    if (
      (response.ExecutedVersion !== undefined && response.ExecutedVersion !== expected.version) ||
      (memorySizeMb !== undefined && memorySizeMb !== expected.memoryMb)
    ) {
      throw new WrongVersionError(
        `alias ${alias} ran version ${response.ExecutedVersion ?? '?'} at ${memorySizeMb ?? '?'} MB, expected version ${expected.version} at ${expected.memoryMb} MB`,
      );
    }
  }
  return {
    logTail,
    functionError: response.FunctionError,
    payload: response.Payload ? new TextDecoder().decode(response.Payload) : '',
    executedVersion: response.ExecutedVersion,
  };
}
