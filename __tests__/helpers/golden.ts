// Golden files and mermaid's own parser, for the report tests.

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HELPERS_DIR = dirname(fileURLToPath(import.meta.url));
export const GOLDEN_DIR = join(HELPERS_DIR, '..', 'golden');

/** Compares with __tests__/golden/<name>; UPDATE_GOLDEN=1 rewrites the file instead (review the diff!). */
export function expectGolden(name: string, actual: string): void {
  const path = join(GOLDEN_DIR, name);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(path)) {
    if (process.env.CI) throw new Error(`golden file ${name} is missing; run UPDATE_GOLDEN=1 locally`);
    writeFileSync(path, actual);
  }
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

export type MermaidParseResult = { ok: true; diagramType: string } | { ok: false; error: string };

/** mermaid.parse in a plain Node process (mermaid needs jsdom, which jest's ESM runtime cannot load). */
export function mermaidParse(diagrams: string[]): MermaidParseResult[] {
  const out = execFileSync(process.execPath, [join(HELPERS_DIR, 'mermaid-parse.mjs')], {
    input: JSON.stringify(diagrams),
    encoding: 'utf8',
    timeout: 60_000,
  });
  return JSON.parse(out) as MermaidParseResult[];
}

/** The mermaid blocks of a markdown body. */
export function mermaidBlocks(markdown: string): string[] {
  return Array.from(markdown.matchAll(/^```mermaid\n([\s\S]*?)\n```$/gm), (match) => match[1] ?? '');
}
