// Reads the checked-out repository for infrastructure code: every SAM/CloudFormation template (YAML or JSON),
// serverless.yml, Terraform file and CDK TypeScript file, each by its own reader. Build output and dependencies are
// left out (node_modules, .aws-sam, cdk.out, .serverless, .terraform): the code to change is the source, not a copy
// a build wrote. Bounded: at most MAX_FILES files of at most MAX_FILE_BYTES each, symbolic links not followed (the
// repository is the pull request's, and a link could point anywhere on the runner).

import { lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { glob } from 'tinyglobby';
import { readCdk } from './cdk.js';
import { readTemplate } from './cloudformation.js';
import type { FunctionDeclaration } from './declarations.js';
import { isServerlessFile, readServerless } from './serverless.js';
import { readTerraform } from './terraform.js';

export const MAX_FILES = 5000;
export const MAX_FILE_BYTES = 1024 * 1024;

const PATTERNS = ['**/*.{yaml,yml,json,template,tf,ts}'];
const IGNORED = [
  '**/node_modules/**',
  '**/.git/**',
  '**/.aws-sam/**',
  '**/cdk.out/**',
  '**/.serverless/**',
  '**/.terraform/**',
  '**/*.d.ts',
  '**/package.json',
  '**/package-lock.json',
  '**/tsconfig*.json',
];

export interface Scan {
  declarations: FunctionDeclaration[];
  /** Files read (candidates by extension, within the bounds). */
  filesRead: number;
  /** Set when the bound on files was reached. */
  truncated: boolean;
}

/** Every function declaration in the workspace; `read` is for tests (default: the file system, bounded). */
export async function scanWorkspace(
  workspace: string,
  read: (path: string) => string | null = boundedRead,
): Promise<Scan> {
  const files = (
    await glob(PATTERNS, { cwd: workspace, ignore: IGNORED, dot: false, followSymbolicLinks: false, onlyFiles: true })
  ).sort();
  const truncated = files.length > MAX_FILES;
  const declarations: FunctionDeclaration[] = [];
  let filesRead = 0;
  for (const file of files.slice(0, MAX_FILES)) {
    const text = read(join(workspace, file));
    if (text === null) continue;
    filesRead++;
    declarations.push(...readFile(file, text));
  }
  return { declarations, filesRead, truncated };
}

/** One file's declarations, by the reader its name and content call for. */
export function readFile(file: string, text: string): FunctionDeclaration[] {
  try {
    if (file.endsWith('.tf')) return readTerraform(file, text);
    if (file.endsWith('.ts')) return readCdk(file, text);
    if (isServerlessFile(file)) return readServerless(file, text);
    return readTemplate(file, text);
  } catch {
    // A file a reader cannot make sense of declares nothing it can point at.
    return [];
  }
}

function boundedRead(path: string): string | null {
  try {
    const stat = lstatSync(path);
    if (!stat.isFile() || stat.size > MAX_FILE_BYTES) return null;
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}
