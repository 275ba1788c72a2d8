// The source function's package, read before a copy is made (arch-copy.ts): the .zip downloaded from GetFunction's
// Code.Location (a pre-signed link), at most Lambda's 50 MB direct-upload limit, its entry names, and the files in it
// that only run on the architecture they were built for.

import { unzipSync } from 'fflate';
import { messageOf } from '../lib/errors.js';
import { withRetry } from '../lib/retry.js';
import { realSleep, type Sleep } from '../lib/ports.js';

/**
 * "50 MB (zipped, when uploaded directly)" (Lambda quotas; AccountLimit.CodeSizeZipped: "Use Amazon S3 for larger
 * files"). A ZipFile upload over it is refused (RequestEntityTooLargeException, emulator/lambda/code.ts).
 */
export const MAX_DIRECT_UPLOAD_BYTES = 50 * 1024 * 1024;

/**
 * Files a package holds that only run on the architecture they were built for, by name (the contents are not read):
 * Node.js addons (`.node`), shared libraries and Python extension modules (`.so`, `.so.42`), and the per-platform
 * packages npm installs prebuilt binaries in (`@esbuild/linux-x64/…`, `@img/sharp-linux-arm64/…`). An executable
 * without an extension elsewhere (a bundled ffmpeg) is not recognised.
 */
export function nativeFiles(entryNames: readonly string[]): string[] {
  return entryNames.filter(
    (name) =>
      /\.node$/i.test(name) ||
      /\.so(\.\d+)*$/i.test(name) ||
      /(^|\/)node_modules\/(@[^/]+\/)?([^/]*-)?linux-(x64|arm64)(-gnu|-musl)?\/./.test(name),
  );
}

export interface PackageDownloadOptions {
  /** Downloads Code.Location. Default globalThis.fetch. */
  fetch?: typeof globalThis.fetch;
  sleep?: Sleep;
  random?: () => number;
  /**
   * The Lambda endpoint when it is not AWS (the emulator): its Code.Location links are plain HTTP on that origin.
   * Without it only HTTPS links are followed.
   */
  endpoint?: string;
  signal?: AbortSignal;
}

/** Code.Location's .zip, at most 50 MB; HTTPS only, or plain HTTP on the emulator's own endpoint. */
export async function download(
  location: string | undefined,
  options: PackageDownloadOptions,
  refuse: (why: string) => Error,
): Promise<Uint8Array> {
  if (!location) throw refuse('GetFunction gave no Code.Location to download its package from');
  let url: URL;
  try {
    url = new URL(location);
  } catch {
    throw refuse('its Code.Location is not a URL');
  }
  const emulator = options.endpoint ? new URL(options.endpoint).origin : undefined;
  if (url.protocol !== 'https:' && url.origin !== emulator)
    throw refuse(`its Code.Location is not an HTTPS link (${url.protocol})`);
  const fetchFn = options.fetch ?? globalThis.fetch;
  // The link is pre-signed: its query is the credential, so it is never logged.
  const where = `${url.origin}${url.pathname}`;
  // S3 answers a 5xx or drops a connection now and then: three tries, then the error.
  const response = await withRetry(
    async () => {
      let answer: Response;
      try {
        answer = await fetchFn(url, options.signal ? { signal: options.signal } : {});
      } catch (error) {
        throw new DownloadError(`Downloading the package of the function from ${where} failed: ${messageOf(error)}`, {
          retry: true,
          cause: error,
        });
      }
      if (!answer.ok)
        throw new DownloadError(`Downloading the package of the function from ${where} failed: HTTP ${answer.status}`, {
          retry: answer.status >= 500,
        });
      return answer;
    },
    {
      attempts: 3,
      baseDelayMs: 500,
      maxDelayMs: 4000,
      sleep: options.sleep ?? realSleep,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.random ? { random: options.random } : {}),
      shouldRetry: (error) => error instanceof DownloadError && error.retry,
    },
  );
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > MAX_DIRECT_UPLOAD_BYTES) throw refuse(`its package is ${mb(declared)} zipped, over 50 MB`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.length > MAX_DIRECT_UPLOAD_BYTES) throw refuse(`its package is ${mb(bytes.length)} zipped, over 50 MB`);
  return bytes;
}

class DownloadError extends Error {
  override name = 'DownloadError';
  readonly retry: boolean;
  constructor(message: string, options: { retry: boolean; cause?: unknown }) {
    super(message, options.cause === undefined ? {} : { cause: options.cause });
    this.retry = options.retry;
  }
}

/** The zip's entry names from its central directory; the filter says no to each, so nothing is inflated. */
export function entryNames(zip: Uint8Array): string[] {
  const names: string[] = [];
  unzipSync(zip, {
    filter: (file) => {
      names.push(file.name);
      return false;
    },
  });
  return names;
}

export const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
