// docs/architecture.md lists every file in src/ with its job: a file added, moved or removed must be described there
// too, so the page stays a true map of the house.

import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = process.cwd();
const doc = readFileSync(join(ROOT, 'docs/architecture.md'), 'utf8');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') ? [relative(ROOT, path)] : [];
  });
}

/** The `src/….ts` paths the page's tables name, one per row. */
function listed(): string[] {
  return [...doc.matchAll(/^\| `(src\/[^`]+\.ts)` \|/gm)].map((match) => match[1] as string);
}

describe('docs/architecture.md', () => {
  it('describes every file in src/', () => {
    const missing = sourceFiles(join(ROOT, 'src')).filter((file) => !listed().includes(file));
    expect(missing).toEqual([]);
  });

  it('names no file that src/ does not have, and none twice', () => {
    const files = new Set(sourceFiles(join(ROOT, 'src')));
    expect(listed().filter((file) => !files.has(file))).toEqual([]);
    expect(listed().length).toBe(new Set(listed()).size);
  });
});
