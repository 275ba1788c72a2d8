import { LambdaClient } from '@aws-sdk/client-lambda';
import type { TuningSettings } from '../types.js';

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

export function createLambdaClient(settings: Pick<TuningSettings, 'region' | 'endpoint'>, env: Record<string, string | undefined>): LambdaClient {
  const haveCredentials = Boolean(env.AWS_ACCESS_KEY_ID || env.AWS_PROFILE || env.AWS_WEB_IDENTITY_TOKEN_FILE || env.AWS_CONTAINER_CREDENTIALS_FULL_URI);
  const dummy = isLoopbackEndpoint(settings.endpoint) && !haveCredentials;
  return new LambdaClient({
    region: settings.region,
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    // The SDK's own quick retries handle blips; the engine adds longer backoff on top (retry.ts).
    maxAttempts: 3,
    ...(dummy ? { credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
  });
}

/** How often to poll LastUpdateStatus: Lambda takes seconds to apply an update, the emulator a fraction of one. */
export function waiterMinDelaySecFor(endpoint: string | undefined): number {
  return isLoopbackEndpoint(endpoint) ? 0.1 : 1;
}
