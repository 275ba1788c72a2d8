// Reading a results.json back: the baseline file, the data branch's stored runs and comment-only's results-file
// (which may come from a fork's workflow, so everything in it is untrusted). One parser, the one schema.

import type * as z from 'zod';
import { oneLine } from '../lib/format.js';
import { inertText } from '../lib/untrusted.js';
import { RESULTS_SCHEMA_VERSION, runResultSchema, type RunResult } from './schema.js';

/** What the caller should do about a file that is not a results.json this version reads. */
const FIX = 'give a results.json written by lambda-power-gate (its schema: docs/results-schema.json)';

/**
 * Parses and validates a results.json. `error` turns a one-line problem ("is not valid JSON …") into the error
 * to throw, so each source names its own input and file. Fields this version does not know are dropped (a newer
 * version may add optional ones without a new schemaVersion); a missing or wrong field is refused.
 */
export function parseRunResult(text: string, error: (problem: string) => Error): RunResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    throw error(`is not valid JSON (${oneLine(cause instanceof Error ? cause.message : String(cause)).slice(0, 120)})`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw error('is not a lambda-power-gate results.json (not a JSON object)');
  }
  const version = (parsed as { schemaVersion?: unknown }).schemaVersion;
  if (version !== RESULTS_SCHEMA_VERSION) {
    throw error(
      version === undefined
        ? 'is not a lambda-power-gate results.json (no schemaVersion)'
        : `has schemaVersion ${inertText(JSON.stringify(version) ?? String(version), 40)}, ` +
            `but this version of lambda-power-gate reads schemaVersion ${RESULTS_SCHEMA_VERSION}`,
    );
  }
  const checked = runResultSchema.safeParse(parsed);
  if (!checked.success) {
    throw error(`is not a valid lambda-power-gate results.json: ${describeIssues(checked.error.issues)}; ${FIX}`);
  }
  const result = checked.data;
  if (result.dryRun) throw error('is a dry run, which measured nothing to compare with');
  return result;
}

/** The first problem, where it is (`powerValues[0].samples[3].durationMs`), and how many more there are. */
function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const [first] = issues;
  if (!first) return 'invalid';
  const more = issues.length - 1;
  return `${pathText(first.path)}: ${oneLine(first.message)}${more > 0 ? ` (and ${more} more problem${more === 1 ? '' : 's'})` : ''}`;
}

/** A path as code reads it. Keys come from the file (e.g. an error type chosen by the function): made inert. */
function pathText(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'the document';
  return path
    .map((key, index) => {
      if (typeof key === 'number') return `[${key}]`;
      const name = typeof key === 'symbol' ? key.toString() : key;
      if (/^[A-Za-z_$][\w$]*$/.test(name)) return index === 0 ? name : `.${name}`;
      return `[${JSON.stringify(inertText(name, 60))}]`;
    })
    .join('');
}
