// Reading inputs and the value parsers every section shares: booleans, enums, numbers, percents and paths, each
// failing with an InputError whose one line names the input, shows what was given and says what is allowed.

import { closestMatch as nearestWithin } from 'leven';
import * as z from 'zod';
import { InputError } from '../lib/errors.js';
import { confinePath, FileReadProblem, PathProblem, type PathFileSystem, type PathPurpose } from '../lib/paths.js';
import { inputSpec } from './inputs.js';

/** Returns '' when the input is absent, like @actions/core getInput. */
export type InputReader = (name: string) => string;

export interface SettingsContext {
  env: Record<string, string | undefined>;
  cwd: string;
  /** Reads a UTF-8 file of at most maxBytes; throws (e.g. ENOENT) when it cannot. The front doors use lib/paths.ts readBoundedText. */
  readFile(path: string, maxBytes: number): string;
  /** For confining paths to the workspace; node:fs when absent. */
  pathFileSystem?: PathFileSystem;
}

/** The inputs as the sections read them: trimmed, with the table's defaults, and only names the table has. */
export class Inputs {
  constructor(private readonly read: InputReader) {}

  /** The trimmed value the user gave, '' when absent. */
  given(name: string): string {
    if (!inputSpec(name)) throw new Error(`settings.ts reads '${name}', which is not in INPUTS`);
    return (this.read(name) ?? '').trim();
  }

  isGiven(name: string): boolean {
    return this.given(name) !== '';
  }

  /** The given value, else the table's default, else ''. */
  value(name: string): string {
    return this.given(name) || (inputSpec(name)?.default ?? '');
  }

  boolean(name: string): boolean {
    return parseBoolean(name, this.value(name));
  }
}

// ---------------------------------------------------------------------------------------------------------
// Booleans and enums

const TRUE_WORDS = new Set(['true', 'yes', '1']);
const FALSE_WORDS = new Set(['false', 'no', '0']);

export function parseBoolean(input: string, text: string): boolean {
  const word = text.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  throw fail(input, `${show(text)} is not a boolean; use true or false (yes/no and 1/0 also work, in any letter case)`);
}

export function parseEnum<const T extends string>(
  input: string,
  text: string,
  options: readonly [T, ...T[]],
  what: string,
): T {
  const result = z.enum(options).safeParse(text.trim().toLowerCase());
  if (result.success) return result.data;
  const suggestion = closestMatch(text.toLowerCase(), options);
  throw fail(
    input,
    `${show(text)} is not ${what}; use one of ${options.join(', ')}${suggestion ? ` (did you mean ${suggestion}?)` : ''}`,
  );
}

/**
 * The candidate nearest to word by edit distance (leven's closestMatch: the first of the nearest), when it is near
 * enough to be a likely typo: within 2 edits, or a third of the word's length for longer words.
 */
export function closestMatch(word: string, candidates: readonly string[]): string | undefined {
  return nearestWithin(word, candidates, { maxDistance: Math.max(2, Math.floor(word.length / 3)) });
}

// ---------------------------------------------------------------------------------------------------------
// Numbers and percents

const NUMBER_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/** Parses the text strictly (no "12abc", no hex) and validates it with a zod schema, as one line. */
export function checkNumber(
  input: string,
  text: string,
  schema: z.ZodNumber,
  unit: string,
  allowed: string,
  given = text,
): number {
  // Number('1e3') and Number('2.0') are whole numbers, but an integer input written that way is likely a slip.
  if (schema.isInt && NUMBER_TEXT.test(text) && !/^[+-]?\d+$/.test(text) && Number.isInteger(Number(text))) {
    throw fail(
      input,
      `${show(given)} is not a whole number written in digits (no decimal point or exponent); ${allowed}`,
    );
  }
  const result = schema.safeParse(NUMBER_TEXT.test(text) ? Number(text) : Number.NaN);
  if (result.success) return result.data;
  throw fail(input, `${show(given)} ${describeIssue(result.error.issues[0], unit)}; ${allowed}`);
}

function describeIssue(issue: z.core.$ZodIssue | undefined, unit: string): string {
  switch (issue?.code) {
    case 'too_small':
      return issue.inclusive ? `is below ${issue.minimum}${unit}` : `is not above ${issue.minimum}${unit}`;
    case 'too_big':
      // z.int() caps at Number.MAX_SAFE_INTEGER before the schema's own maximum is checked.
      if (issue.maximum === Number.MAX_SAFE_INTEGER) return 'is too large';
      return issue.inclusive ? `is above ${issue.maximum}${unit}` : `is not below ${issue.maximum}${unit}`;
    case 'invalid_type':
      return issue.expected === 'int' ? 'is not a whole number' : 'is not a number';
    default:
      return 'is not valid';
  }
}

/** A number outside [min, max] is used clamped, with a warning (as Power Tuning clamps). */
export function clamped(
  input: string,
  text: string,
  min: number,
  max: number,
  warnings: string[],
  meaning: string,
): number {
  const value = checkNumber(input, text, z.number(), '', `use a number from ${min} to ${max} (${meaning})`);
  if (value >= min && value <= max) return value;
  const used = Math.min(max, Math.max(min, value));
  warnings.push(`Input '${input}': ${value} is outside ${min} to ${max}; using ${used} (${meaning})`);
  return used;
}

/** An input without a default: absent is undefined, anything else a number after normalise (e.g. without "$"). */
export function optionalNumber(
  inputs: Inputs,
  name: string,
  schema: z.ZodNumber,
  normalise: (text: string) => string,
  unit: string,
  allowed: string,
): number | undefined {
  const text = inputs.value(name);
  return text === '' ? undefined : checkNumber(name, normalise(text), schema, unit, allowed, text);
}

const OFF_WORDS = new Set(['off', 'none']);

/** "5" or "5%"; "off" disables the check. */
export function parsePercent(inputs: Inputs, name: string): number | undefined {
  const text = inputs.value(name);
  if (text === '' || OFF_WORDS.has(text.toLowerCase())) return undefined;
  return checkNumber(
    name,
    text.replace(/\s*%$/, ''),
    z.number().min(0),
    '%',
    'use a percentage, 0 or more, such as 5 or 5%, or off',
    text,
  );
}

/** A share of a memory size, "90" or "90%", above 0 and at most 100; "off" (or empty) disables it. */
export function parseMemoryPercent(inputs: Inputs, name: string): number | undefined {
  const text = inputs.value(name);
  if (text === '' || OFF_WORDS.has(text.toLowerCase())) return undefined;
  return checkNumber(
    name,
    text.replace(/\s*%$/, ''),
    z.number().gt(0).max(100),
    '%',
    'use a percentage of the memory size above 0 and at most 100, such as 90 or 90%, or off',
    text,
  );
}

export const withoutDollar = (text: string): string => text.replace(/^\$\s*/, '');
export const withoutMs = (text: string): string => text.replace(/\s*ms$/i, '');

/** "1,000,000" and "1_000_000" read as 1000000. */
export function withoutDigitGrouping(text: string): string {
  return /^\d{1,3}(?:[,_]\d{3})+$/.test(text) ? text.replace(/[,_]/g, '') : text;
}

// ---------------------------------------------------------------------------------------------------------
// Paths

/** An absolute path inside the workspace (symlinks followed) that names a regular file, or none yet for 'write'. */
export function resolvePath(input: string, text: string, ctx: SettingsContext, purpose: PathPurpose): string {
  try {
    return confinePath(text, ctx.env['GITHUB_WORKSPACE'] || ctx.cwd, purpose, ctx.pathFileSystem);
  } catch (error) {
    if (error instanceof PathProblem) throw fail(input, error.message);
    throw fail(input, `cannot be checked (${readProblem(error)}); give a file path inside the workspace`);
  }
}

/** Why a file could not be read, in words (no stack, no path: the message adds the path it names). */
export function readProblem(error: unknown): string {
  const errorCode = (error as { code?: unknown } | null)?.code;
  if (errorCode === 'ENOENT') return 'no such file';
  if (errorCode === 'EACCES' || errorCode === 'EPERM') return 'permission denied';
  if (errorCode === 'EISDIR') return 'it is a directory';
  if (error instanceof FileReadProblem) return error.message;
  return error instanceof Error ? error.message : String(error);
}

// ---------------------------------------------------------------------------------------------------------
// Messages

export function fail(input: string, detail: string): InputError {
  return new InputError(input, `Input '${input}': ${detail}`);
}

/** Numbers as they are, anything else quoted (JSON escapes keep it on one line) and cut short. */
export function show(text: string): string {
  if (NUMBER_TEXT.test(text)) return text;
  const cut = text.length > 60 ? `${text.slice(0, 57)}...` : text;
  return JSON.stringify(cut);
}

export function omitUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}
