// A function's deployment package as Lambda holds it: CreateFunction's `Code.ZipFile` unpacked into a directory the
// emulator owns (deleted with the function), and GetFunction's `Code.Location`, a pre-signed-looking link to the
// package's .zip that the emulator itself serves for 10 minutes. Zip reading and writing is fflate's (a small,
// well-kept, dependency-free zip library), never a hand-written parser.

import { createHash, createHmac, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, normalize, relative, sep } from 'node:path';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { invalidParameter, LambdaError } from './errors.js';

/**
 * The direct-upload limit: "50 MB (zipped, when uploaded directly)" (Lambda quotas page; AccountLimit.CodeSizeZipped,
 * "The maximum size of a deployment package when it's uploaded directly to Lambda. Use Amazon S3 for larger files").
 * The ZipFile travels base64 in the JSON body, so Lambda's front end counts the request: 50 MiB × 4/3 rounded up is
 * 69905067, the figure of its answer "RequestEntityTooLargeException: Request must be smaller than 69905067 bytes for
 * the CreateFunction operation" (motdotla/node-lambda#123, serverless-nextjs/serverless-next.js#336, LocalStack PR
 * #2999, which checked it against AWS).
 */
export const MAX_DIRECT_UPLOAD_ZIP_BYTES = 50 * 1024 * 1024;
export const MAX_CREATE_FUNCTION_REQUEST_BYTES = Math.ceil((MAX_DIRECT_UPLOAD_ZIP_BYTES * 4) / 3);

/**
 * "250 MB (unzipped)": a function's package and layers when extracted (AccountLimit.CodeSizeUnzipped). Lambda answers
 * InvalidParameterValueException "Unzipped size must be smaller than 262144000 bytes" (repost.aws and many deploy
 * logs quote it for CreateFunction and UpdateFunctionCode).
 */
export const MAX_UNZIPPED_BYTES = 262_144_000;

/** How long a Code.Location link works: "The URL is valid for up to 10 minutes" (FunctionCodeLocation.Location). */
export const CODE_LOCATION_TTL_SEC = 600;

/** Lambda's answer to a ZipFile it cannot open (also given here for an entry that would land outside the package). */
const UNZIP_FAILED = 'Could not unzip uploaded file. Please check your file, then try to upload again.';

export function requestTooLarge(): LambdaError {
  return new LambdaError(
    'RequestEntityTooLargeException',
    `Request must be smaller than ${MAX_CREATE_FUNCTION_REQUEST_BYTES} bytes for the CreateFunction operation`,
  );
}

/** CodeSha256 as Lambda gives it: the SHA-256 of the .zip, base64. */
export const zipSha256 = (zip: Uint8Array) => createHash('sha256').update(zip).digest('base64');

/**
 * Unpacks a ZipFile into a new directory under the OS temp directory and returns it with the package's unzipped size;
 * the caller owns the directory (removeDir).
 * Sizes are checked from the zip's own directory before anything is inflated, so a zip bomb is refused unopened.
 */
export function unpackZip(zip: Uint8Array): { dir: string; unzippedBytes: number } {
  let unzippedBytes = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(zip, {
      filter: (file) => {
        unzippedBytes += file.originalSize;
        if (unzippedBytes >= MAX_UNZIPPED_BYTES)
          throw invalidParameter(`Unzipped size must be smaller than ${MAX_UNZIPPED_BYTES} bytes`);
        return true;
      },
    });
  } catch (error) {
    if (error instanceof LambdaError) throw error;
    throw invalidParameter(UNZIP_FAILED);
  }
  const dir = mkdtempSync(join(tmpdir(), 'lpg-emulator-code-'));
  try {
    for (const [name, bytes] of Object.entries(files)) {
      if (name.endsWith('/')) continue;
      const target = normalize(join(dir, name));
      const inside = relative(dir, target);
      if (inside.startsWith(`..${sep}`) || inside === '..' || inside === '' || name.startsWith('/'))
        throw invalidParameter(UNZIP_FAILED);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, bytes);
    }
  } catch (error) {
    removeDir(dir);
    throw error;
  }
  return { dir, unzippedBytes };
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/**
 * A directory as the .zip `zip -r` of it would upload, byte for byte the same on every call (sorted entries, one fixed
 * time): what Code.Location serves for a function the emulator created from a directory.
 */
export function zipDirectory(dir: string): Uint8Array {
  const entries: Zippable = {};
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile())
        entries[relative(dir, path).split(sep).join('/')] = [readFileSync(path), { mtime: FIXED_ZIP_TIME }];
    }
  };
  walk(dir);
  return zipSync(entries, { level: 6 });
}

const FIXED_ZIP_TIME = new Date('2020-01-01T00:00:00Z');

/**
 * Code.Location links: shaped like the S3 pre-signed URL Lambda returns (`…/snapshots/<account>/<function>-<id>?
 * versionId=…&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=…&X-Amz-Expires=600&X-Amz-SignedHeaders=host&
 * X-Amz-Credential=…&X-Amz-Signature=…`), on the emulator's own endpoint (plain HTTP: it has no certificate), signed
 * with a key of this emulator so a link cannot be forged or stretched past its 10 minutes.
 */
export class CodeLinks {
  private readonly key = randomBytes(32);

  constructor(private readonly now: () => number) {}

  /** The path every link starts with; the server answers it before the Lambda API's routes. */
  static readonly PREFIX = '/snapshots/';

  link(endpoint: string, account: string, functionName: string, version: string): string {
    const date = amzDate(this.now());
    const path = `${CodeLinks.PREFIX}${account}/${functionName}-${randomBytes(8).toString('hex')}`;
    const query = new URLSearchParams({
      versionId: version,
      'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
      'X-Amz-Credential': `EMULATOR/${date.slice(0, 8)}/us-east-1/s3/aws4_request`,
      'X-Amz-Date': date,
      'X-Amz-Expires': String(CODE_LOCATION_TTL_SEC),
      'X-Amz-SignedHeaders': 'host',
    });
    query.set('X-Amz-Signature', this.sign(path, query));
    return `${endpoint}${path}?${query.toString()}`;
  }

  /**
   * What a link names (function and version), or why S3 would refuse it: 403 AccessDenied for a bad signature or an
   * expired link ("Request has expired", S3's message).
   */
  resolve(
    pathname: string,
    query: URLSearchParams,
  ): { functionName: string; version: string } | { status: 403; code: string; message: string } {
    const signature = query.get('X-Amz-Signature') ?? '';
    const unsigned = new URLSearchParams(query);
    unsigned.delete('X-Amz-Signature');
    if (signature !== this.sign(pathname, unsigned))
      return {
        status: 403,
        code: 'SignatureDoesNotMatch',
        message: 'The request signature we calculated does not match the signature you provided.',
      };
    const signedAtMs = parseAmzDate(query.get('X-Amz-Date') ?? '');
    if (!(this.now() <= signedAtMs + CODE_LOCATION_TTL_SEC * 1000))
      return { status: 403, code: 'AccessDenied', message: 'Request has expired' };
    const name = pathname.slice(CodeLinks.PREFIX.length).split('/')[1] ?? '';
    return { functionName: name.replace(/-[0-9a-f]{16}$/, ''), version: query.get('versionId') ?? '$LATEST' };
  }

  private sign(path: string, query: URLSearchParams): string {
    const sorted = [...query.entries()].sort(([a], [b]) => a.localeCompare(b));
    return createHmac('sha256', this.key)
      .update(`${path}?${new URLSearchParams(sorted).toString()}`)
      .digest('hex');
  }
}

/** S3's error body. */
export function s3ErrorXml(code: string, message: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`;
}

const amzDate = (ms: number) =>
  new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');

function parseAmzDate(text: string): number {
  const match = /^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/.exec(text);
  if (!match) return NaN;
  const [, y, mo, d, h, mi, s] = match;
  return Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s}Z`);
}
