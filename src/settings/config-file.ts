// config-file: a YAML file of defaults and functions, e.g. .github/lambda-power-gate.yml (docs/apps.md). This module
// only reads its shape: which keys are where, each value as the text an input would hold, and where it stands in
// the file (for messages). The values themselves are checked by the inputs' own parsers (app.ts layers them under
// parseSettings), so a value means in the file exactly what it means as an input.

import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { INPUTS, inputSpec } from './inputs.js';
import { closestMatch, fail, readProblem, resolvePath, show, type SettingsContext } from './parse.js';

/** A config file is a few KB; a file far larger than any app needs is a mistake (or not a config file). */
export const MAX_CONFIG_FILE_BYTES = 1024 * 1024;

/** The inputs a config file may set for one function (or for all, under defaults): the table's perFunction ones. */
export const PER_FUNCTION_INPUTS: readonly string[] = INPUTS.filter((spec) => spec.perFunction).map(
  (spec) => spec.name,
);

/** An entry's own keys, besides per-function inputs. */
const ENTRY_KEYS = ['name', 'key', 'baseline'] as const;
const TOP_KEYS = ['defaults', 'functions'] as const;

export interface ConfigValue {
  /** The value as an input's text: a scalar as written, a list joined with commas, a payload as JSON. */
  text: string;
  /** Where it is, for messages: e.g. `functions[2].power-values (line 14)`. */
  where: string;
}

export interface ConfigEntry {
  /** Index in the functions list, from 0. */
  index: number;
  /** e.g. `functions[2] (line 12)`. */
  where: string;
  name?: ConfigValue;
  key?: ConfigValue;
  baseline?: ConfigValue;
  /** Per-function inputs by input name. */
  inputs: Map<string, ConfigValue>;
}

export interface ConfigFile {
  /** The path as the user gave it, for messages. */
  shown: string;
  defaults: Map<string, ConfigValue>;
  /** Absent when the file has no functions list (defaults only). */
  functions?: ConfigEntry[];
}

/** Reads and checks the shape of config-file's file (confined to the workspace). */
export function readConfigFile(given: string, ctx: SettingsContext): ConfigFile {
  const resolved = resolvePath('config-file', given, ctx, 'read');
  let text: string;
  try {
    text = ctx.readFile(resolved, MAX_CONFIG_FILE_BYTES);
  } catch (error) {
    throw fail(
      'config-file',
      `cannot read ${show(given)} (${readProblem(error)}, resolved to ${resolved}); give a YAML file inside the workspace, e.g. .github/lambda-power-gate.yml`,
    );
  }
  return parseConfigText(given, text);
}

/** The shape of a config file's text; shown names it in messages. */
export function parseConfigText(shown: string, text: string): ConfigFile {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const lineOf = (node: Node | null | undefined): number | undefined =>
    node?.range ? lines.linePos(node.range[0]).line : undefined;
  const problem = (where: string, node: Node | null | undefined, detail: string) => {
    const line = lineOf(node);
    return fail('config-file', `${shown} ${where}${line === undefined ? '' : ` (line ${line})`}: ${detail}`);
  };

  const [syntax] = doc.errors;
  if (syntax) {
    const { line, col } = lines.linePos(syntax.pos[0]);
    const message = syntax.message.split('\n')[0] ?? syntax.message;
    throw fail(
      'config-file',
      `${shown} is not valid YAML at line ${line}, column ${col}: ${message.replace(/\.$/, '')}; fix the YAML (docs/apps.md has a complete example)`,
    );
  }
  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) {
    throw fail(
      'config-file',
      `${shown} is empty; give defaults and a functions list (docs/apps.md has a complete example)`,
    );
  }
  if (!isMap(root)) {
    throw problem(
      'top level',
      root,
      'is not a mapping; start the file with defaults: and functions: (docs/apps.md has a complete example)',
    );
  }

  const reading: Reading = {
    doc,
    at: (where, node) => {
      const line = lineOf(node);
      return line === undefined ? where : `${where} (line ${line})`;
    },
    problem,
  };
  let defaults = new Map<string, ConfigValue>();
  let functions: ConfigEntry[] | undefined;
  for (const pair of root.items) {
    const key = keyText(pair.key);
    const value = resolved(doc, pair.value as Node | null);
    if (key === 'defaults') {
      defaults = readInputs(reading, value);
    } else if (key === 'functions') {
      if (!isSeq(value)) {
        throw problem(
          'functions',
          value ?? (pair.key as Node),
          'is not a list; give one entry per function, each starting with "- name: <function name or ARN>"',
        );
      }
      functions = value.items.map((item, index) => readEntry(reading, resolved(doc, item as Node | null), index));
      if (functions.length === 0) {
        throw problem('functions', value, 'is an empty list; add an entry per function, e.g. "- name: orders-api"');
      }
    } else {
      throw problem(key, pair.key as Node, unknownKey(key, TOP_KEYS, 'top-level keys are defaults and functions'));
    }
  }
  return functions === undefined ? { shown, defaults } : { shown, defaults, functions };
}

type Problem = (where: string, node: Node | null | undefined, detail: string) => Error;

/** What the readers below share: the document (for aliases), lines for messages, and the error maker. */
interface Reading {
  doc: Document;
  /** `where (line n)` for a node, or where alone when the node has no position. */
  at(where: string, node: Node | null | undefined): string;
  problem: Problem;
}

function readEntry({ doc, at: located, problem }: Reading, node: Node | null, index: number): ConfigEntry {
  const reading = { doc, at: located, problem };
  const at = `functions[${index}]`;
  // "- orders-api" is short for "- name: orders-api".
  if (isScalar(node) && node.value !== null && typeof node.value !== 'object') {
    return {
      index,
      where: located(at, node),
      name: { text: scalarText(node), where: located(at, node) },
      inputs: new Map(),
    };
  }
  if (!isMap(node)) {
    throw problem(
      at,
      node,
      'is not a mapping; give e.g. "- name: orders-api" with the function\'s own settings under it',
    );
  }
  const entry: ConfigEntry = { index, where: located(at, node), inputs: new Map() };
  for (const pair of node.items) {
    const key = keyText(pair.key);
    if ((ENTRY_KEYS as readonly string[]).includes(key)) {
      const value = resolved(doc, pair.value as Node | null);
      const where = `${at}.${key}`;
      if (!isScalar(value) || value.value === null || typeof value.value === 'object') {
        throw problem(where, value ?? (pair.key as Node), `needs a single value, e.g. ${key}: ${ENTRY_EXAMPLES[key]}`);
      }
      entry[key as (typeof ENTRY_KEYS)[number]] = { text: scalarText(value), where: located(where, value) };
      continue;
    }
    readInput(reading, pair, at, entry.inputs, 'entry');
  }
  return entry;
}

const ENTRY_EXAMPLES: Record<string, string> = {
  name: 'orders-api (a function name or ARN)',
  key: 'orders (letters, digits, ., - and _)',
  baseline: 'orders-api-staging (the live baseline function)',
};

function readInputs(reading: Reading, node: Node | null): Map<string, ConfigValue> {
  const values = new Map<string, ConfigValue>();
  if (node === null || (isScalar(node) && node.value === null)) return values;
  if (!isMap(node)) {
    throw reading.problem('defaults', node, 'is not a mapping; give input names and values, e.g. "invocations: 20"');
  }
  for (const pair of node.items) readInput(reading, pair, 'defaults', values, 'defaults');
  return values;
}

function readInput(
  { doc, at: located, problem }: Reading,
  pair: { key: unknown; value: unknown },
  at: string,
  into: Map<string, ConfigValue>,
  what: 'defaults' | 'entry',
): void {
  const key = keyText(pair.key);
  const where = `${at}.${key}`;
  const keyNode = pair.key as Node;
  if (!PER_FUNCTION_INPUTS.includes(key)) throw problem(where, keyNode, notPerFunction(key, what));
  const value = resolved(doc, pair.value as Node | null);
  if (into.has(key)) throw problem(where, keyNode, 'is given twice; give it once');
  const text = inputText(doc, key, value, (detail) => problem(where, value ?? keyNode, detail));
  into.set(key, { text, where: located(where, value ?? keyNode) });
}

/** Why a key cannot be set here, with the fix. */
function notPerFunction(key: string, what: 'defaults' | 'entry'): string {
  if (key === 'function-name')
    return what === 'entry'
      ? 'is written name here; use name: <function name or ARN>'
      : 'cannot be a default; list the functions under functions, each with name';
  if (key === 'baseline-function')
    return what === 'entry'
      ? 'is written baseline here; use baseline: <the live baseline function>'
      : 'cannot be a default: every function has its own; give each entry a baseline';
  if (what === 'defaults' && (key === 'name' || key === 'key' || key === 'baseline'))
    return `belongs to one function, not to defaults; set it in that function's entry under functions`;
  if (inputSpec(key)) {
    return `is a setting of the whole step, not of one function; set it as the step's input (with: ${key}: ...) instead`;
  }
  const candidates = what === 'entry' ? [...ENTRY_KEYS, ...PER_FUNCTION_INPUTS] : PER_FUNCTION_INPUTS;
  return unknownKey(
    key,
    candidates,
    `see docs/apps.md for the keys a ${what === 'entry' ? 'function entry' : 'defaults section'} takes`,
  );
}

function unknownKey(key: string, candidates: readonly string[], otherwise: string): string {
  const suggestion = closestMatch(key.toLowerCase(), candidates);
  return `is not a known key; ${suggestion ? `did you mean ${suggestion}?` : otherwise}`;
}

/**
 * A YAML value as the input's text: scalars as written (so 0.00000025 stays as typed and 010 is not read as
 * octal), a list of scalars joined with commas (power-values: [128, 256]), and a payload that is a mapping or
 * list as its JSON (payload: {orderId: 42}).
 */
function inputText(doc: Document, key: string, node: Node | null, problem: (detail: string) => Error): string {
  if (node === null || (isScalar(node) && node.value === null)) {
    throw problem(`has no value; give one (e.g. ${key}: ${inputSpec(key)?.default || '...'}), or remove the key`);
  }
  if (isScalar(node)) return scalarText(node);
  if (key === 'payload') return JSON.stringify(node.toJS(doc, { maxAliasCount: 100 }));
  if (isSeq(node) && node.items.every((item) => isScalar(item) && item.value !== null)) {
    return node.items.map((item) => scalarText(item as Node)).join(',');
  }
  throw problem(`is a ${isMap(node) ? 'mapping' : 'nested list'}; give a single value or a list of values`);
}

function scalarText(node: Node): string {
  if (!isScalar(node)) return '';
  if (typeof node.value === 'string') return node.value;
  return node.source ?? String(node.value);
}

/** A key as messages name it: a plain key as is, anything else (never a valid key) quoted and cut short. */
function keyText(node: unknown): string {
  const key = isScalar(node) ? String(node.value) : String(node);
  return /^[A-Za-z0-9_.-]{1,64}$/.test(key) ? key : show(key);
}

function resolved(doc: Document, node: Node | null): Node | null {
  return isAlias(node) ? ((node.resolve(doc) as Node | undefined) ?? null) : node;
}
