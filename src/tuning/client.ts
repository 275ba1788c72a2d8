import { LambdaClient } from '@aws-sdk/client-lambda';
import type { TuningSettings } from '../types.js';
import { errorName, PERMANENT_SERVICE_ERRORS } from '../lib/retry.js';

/** A loopback endpoint is the local emulator (or another stand-in): it needs no real credentials. */
export function isLoopbackEndpoint(endpoint: string | undefined): boolean {
  if (!endpoint) return false;
  try {
    const host = new URL(endpoint).hostname;
    return host === 'localhost' || host === '[::1]' || host === '::1' || host.startsWith('127.');
  } catch {
    return false;
  }
}

/**
 * Placeholder credentials for a loopback endpoint when the environment has none (the emulator checks none, the SDK
 * needs some); undefined otherwise, so the SDK's own chain finds the real ones. Every AWS client of the action uses it.
 */
export function placeholderCredentials(
  endpoint: string | undefined,
  env: Record<string, string | undefined>,
): { accessKeyId: string; secretAccessKey: string } | undefined {
  const haveCredentials = Boolean(
    env.AWS_ACCESS_KEY_ID ||
    env.AWS_PROFILE ||
    env.AWS_WEB_IDENTITY_TOKEN_FILE ||
    env.AWS_CONTAINER_CREDENTIALS_FULL_URI,
  );
  return isLoopbackEndpoint(endpoint) && !haveCredentials
    ? { accessKeyId: 'local', secretAccessKey: 'local' }
    : undefined;
}

export function createLambdaClient(
  settings: Pick<TuningSettings, 'region' | 'endpoint'>,
  env: Record<string, string | undefined>,
): LambdaClient {
  const dummy = placeholderCredentials(settings.endpoint, env);
  const client = new LambdaClient({
    region: settings.region,
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    // The SDK's own quick retries handle blips; the engine adds longer backoff on top (retry.ts).
    maxAttempts: 3,
    ...(dummy ? { credentials: dummy } : {}),
  });
  withoutRetriesOfPermanentErrors(client);
  return client;
}

/** The part of the SDK's RetryStrategyV2 (@smithy/types) this wrapper touches. */
interface RetryStrategyLike {
  refreshRetryTokenForRetry(token: unknown, errorInfo: { error?: unknown }): Promise<unknown>;
}

/**
 * The SDK's standard retry strategy retries every 5xx, so a KMSAccessDeniedException (502) would be sent three
 * times. Its retry middleware reads config.retryStrategy on each request and rethrows the original error when
 * refreshRetryTokenForRetry throws, so wrapping the strategy stops the retry without touching anything else.
 */
export function withoutRetriesOfPermanentErrors(client: LambdaClient): void {
  const config = client.config as unknown as { retryStrategy: () => Promise<RetryStrategyLike> };
  const standard = config.retryStrategy;
  config.retryStrategy = async () => {
    const strategy = await standard();
    return new Proxy(strategy, {
      get(target, property, receiver) {
        if (property !== 'refreshRetryTokenForRetry') return Reflect.get(target, property, receiver) as unknown;
        return (token: unknown, errorInfo: { error?: unknown }) => {
          if (PERMANENT_SERVICE_ERRORS.has(errorName(errorInfo.error)))
            return Promise.reject(new Error('not retryable'));
          return target.refreshRetryTokenForRetry(token, errorInfo);
        };
      },
    });
  };
}

/** How often to poll LastUpdateStatus: Lambda takes seconds to apply an update, the emulator a fraction of one. */
export function waiterMinDelaySecFor(endpoint: string | undefined): number {
  return isLoopbackEndpoint(endpoint) ? 0.1 : 1;
}
