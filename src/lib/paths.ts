// Paths the user names (payload-file, baseline-file, results-file, results-path) stay inside the workspace and
// name regular files, and files are read with a size limit.
//
// Why: these inputs may come from a pull request's own workflow file or artefact, so "../../etc/passwd", an
// absolute path, a symlink that points elsewhere, a directory, /dev/zero or a FIFO must each fail with one line
// before any AWS call, instead of sending a host file to the function as its event, writing outside the workspace,
// failing with EISDIR after the whole tuning, or hanging on a read that never ends.
//
// Confinement compares real paths (symlinks resolved) of the workspace and of the file, or of the nearest
// existing ancestor for a file not yet written. Nothing here can stop a file from being swapped between the check
// and the use; the workspace belongs to the job, so that needs code already running in it.

import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** payload-file: Lambda's 6 MB limit for a synchronous request (the payload itself is checked again on parse). */
export const MAX_PAYLOAD_FILE_BYTES = 6 * 1024 * 1024;
/** baseline-file and results-file: a results.json of 46 memory sizes × 1000 samples is about 10 MB. */
export const MAX_RESULTS_FILE_BYTES = 50 * 1024 * 1024;

export const BASELINE_COPY_NAME = 'baseline-results.json';
/** The files a run writes next to results.json; a run removes only these (and results.json), never a directory. */
export const ARTEFACT_NAMES = ['report.md', 'report.html', BASELINE_COPY_NAME] as const;

export type PathPurpose = 'read' | 'write';

/** A path the user gave that breaks a rule: the sentence after "Input 'x': ". */
export class PathProblem extends Error {
  override readonly name = 'PathProblem';
}

/** The file-system calls confinement makes; injected in tests, node:fs otherwise. */
export interface PathFileSystem {
  realpath(path: string): string;
  /** Follows symlinks; throws ENOENT when nothing is there. */
  kind(path: string): 'file' | 'directory' | 'other';
  /** The path itself is a symlink (lstat); false when nothing is there. */
  isSymlink(path: string): boolean;
}

export const nodePathFileSystem: PathFileSystem = {
  realpath: (path) => realpathSync.native(path),
  kind: (path) => {
    const stats = statSync(path);
    return stats.isFile() ? 'file' : stats.isDirectory() ? 'directory' : 'other';
  },
  isSymlink: (path) => {
    try {
      return lstatSync(path).isSymbolicLink();
    } catch {
      return false;
    }
  },
};

/**
 * C0 and C1 controls, DEL, line and paragraph separators and bidi controls. A path holding one would print as
 * something else in a log line (or start a workflow command after a line break), and no real project needs it.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff]/u;

/**
 * The absolute path a user's path names, after checking that it stays inside the workspace (symlinks included)
 * and does not name a directory, device or FIFO. Throws PathProblem with the reason and the fix.
 */
export function confinePath(
  text: string,
  workspace: string,
  purpose: PathPurpose,
  fs: PathFileSystem = nodePathFileSystem,
): string {
  const position = text.search(CONTROL);
  if (position >= 0) {
    throw new PathProblem(
      `has a control character or line break at position ${position + 1}; give a plain file path relative to the workspace`,
    );
  }
  if (text === '') throw new PathProblem('is empty; give a file path relative to the workspace');
  const root = resolve(workspace);
  const absolute = resolve(root, text);
  const hint = `give a path inside the workspace (${root}), e.g. lambda-power-gate/results.json`;
  if (!isInside(absolute, root)) {
    throw new PathProblem(
      `${JSON.stringify(text)} is outside the workspace (${isAbsolute(text) ? 'an absolute path' : 'it climbs out with ..'}); ${hint}`,
    );
  }
  if (absolute === root)
    throw new PathProblem(`${JSON.stringify(text)} is the workspace directory itself, not a file; ${hint}`);
  if (purpose === 'write' && /[\\/]$/.test(text)) {
    throw new PathProblem(
      `${JSON.stringify(text)} ends with a slash, so it names a directory; name the file, e.g. ${text}results.json`,
    );
  }
  const realRoot = realOfNearest(root, fs).real;
  const nearest = realOfNearest(absolute, fs);
  if (!isInside(nearest.real, realRoot)) {
    throw new PathProblem(
      `${JSON.stringify(text)} leads outside the workspace through a symlink (to ${nearest.real}); ${hint}`,
    );
  }
  if (nearest.exists) {
    const kind = fs.kind(absolute);
    if (kind === 'directory') {
      throw new PathProblem(
        `${JSON.stringify(text)} is a directory, not a file; ${purpose === 'write' ? `name the file to write, e.g. ${join(text, 'results.json')}` : 'give the path of the file'}`,
      );
    }
    if (kind !== 'file')
      throw new PathProblem(
        `${JSON.stringify(text)} is not a regular file (a device, FIFO or socket); give the path of a regular file`,
      );
  } else if (nearest.ancestorKind !== 'directory') {
    throw new PathProblem(
      `${JSON.stringify(text)} goes through ${nearest.ancestor}, which is a file, not a directory; give a path whose directories are directories`,
    );
  }
  return absolute;
}

/** The real path of path, or of its nearest existing ancestor with the missing part appended. */
function realOfNearest(
  path: string,
  fs: PathFileSystem,
): { real: string; exists: boolean; ancestor: string; ancestorKind?: string } {
  const missing: string[] = [];
  let current = path;
  for (;;) {
    try {
      const real = fs.realpath(current);
      const ancestorKind = missing.length > 0 ? fs.kind(current) : undefined;
      return {
        real: missing.length === 0 ? real : join(real, ...missing.reverse()),
        exists: missing.length === 0,
        ancestor: current,
        ...(ancestorKind ? { ancestorKind } : {}),
      };
    } catch (error) {
      if (!isMissing(error)) throw error;
      // A symlink to nothing: where it points could be created outside the workspace later.
      if (fs.isSymlink(current))
        throw new PathProblem(
          `goes through ${current}, a symlink to a missing target; remove the symlink or give another path`,
        );
      const parent = dirname(current);
      if (parent === current)
        return {
          real: join(current, ...missing.reverse()),
          exists: false,
          ancestor: current,
          ancestorKind: 'directory',
        };
      missing.push(current.slice(parent.length).replace(/^[\\/]+/, ''));
      current = parent;
    }
  }
}

function isMissing(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

function isInside(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** Raised by readBoundedText; `code` lets callers word it. */
export class FileReadProblem extends Error {
  constructor(
    readonly code: 'ETOOBIG' | 'ENOTREGULAR',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Reads a regular file as UTF-8, refusing one above maxBytes. Opens without blocking (a FIFO would otherwise wait
 * for a writer), checks the open file's type and size, and never reads more than maxBytes + 1 bytes, so a device
 * or a file that grows while it is read cannot make the read unbounded.
 */
export function readBoundedText(path: string, maxBytes: number): string {
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) {
      throw new FileReadProblem(
        'ENOTREGULAR',
        stats.isDirectory() ? 'it is a directory' : 'it is not a regular file (a device, FIFO or socket)',
      );
    }
    if (stats.size > maxBytes)
      throw new FileReadProblem(
        'ETOOBIG',
        `it is ${formatBytes(stats.size)}, above the limit of ${formatBytes(maxBytes)}`,
      );
    const buffer = Buffer.alloc(Math.min(maxBytes + 1, Math.max(stats.size, 0) + 1));
    let length = 0;
    for (;;) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
      if (length === buffer.length) break;
    }
    if (length > stats.size)
      throw new FileReadProblem('ETOOBIG', 'it grew while being read; give a file that is not being written to');
    return buffer.subarray(0, length).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** "a dangling symlink" and friends, for messages about a file that could not be read. */
export function describeReadError(error: unknown, path: string): string {
  if (error instanceof FileReadProblem) return error.message;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') {
    try {
      if (lstatSync(path).isSymbolicLink()) return 'it is a symlink to nothing';
    } catch {
      // not there at all
    }
    return 'no such file';
  }
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'ENOTDIR') return 'a directory in the path is a file';
  return error instanceof Error ? error.message : String(error);
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${bytes} bytes`;
}
