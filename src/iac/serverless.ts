// Serverless Framework (serverless.yml / serverless.yaml): each `functions` entry, its deployed name and where its
// memory is set. The Framework names a function `<service>-<stage>-<function key>` unless the entry gives `name`
// (Serverless docs, "Functions"); the stage comes from `--stage` at deploy time as well as provider.stage, so it
// is matched as any text. memorySize is the entry's own, else provider.memorySize (shared by every entry without
// its own), else the Framework's default (1024 MB in v1–v3, 128 MB in v4: the version decides, so it is left to
// the user: "default").

import { LineCounter, isMap, isScalar, parseDocument, type Node } from 'yaml';
import {
  literalNumber,
  literalPattern,
  memoryValue,
  type FunctionDeclaration,
  type MemoryValue,
} from './declarations.js';

/** serverless.yml, serverless.yaml, and stage variants such as serverless.prod.yml. */
export function isServerlessFile(path: string): boolean {
  return /(^|\/)serverless(\.[\w-]+)?\.ya?ml$/.test(path);
}

export function readServerless(file: string, text: string): FunctionDeclaration[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false });
  if (doc.errors.length > 0 || !isMap(doc.contents)) return [];
  const lines = text.split(/\r?\n/);
  const at = (node: Node): MemoryValue | undefined => {
    if (!node.range) return undefined;
    const start = lineCounter.linePos(node.range[0]);
    const end = lineCounter.linePos(node.range[1]);
    if (start.line !== end.line) return undefined;
    const value = memoryValue(lines[start.line - 1] ?? '', start.line, start.col - 1, end.col - 1);
    // A ${...} variable or a tag is an expression.
    return literalNumber(node) ? value : { ...value, memoryMb: undefined };
  };
  const functions = doc.contents.get('functions', true);
  if (!isMap(functions)) return [];
  const serviceNode = doc.contents.get('service', true);
  const serviceText = isMap(serviceNode) ? serviceNode.get('name') : isScalar(serviceNode) ? serviceNode.value : null;
  const service = typeof serviceText === 'string' ? serviceText : undefined;
  const provider = doc.contents.get('provider', true);
  const providerMemoryNode = isMap(provider) ? (provider.get('memorySize', true) as Node | undefined) : undefined;
  const providerMemory = providerMemoryNode ? at(providerMemoryNode) : undefined;

  const found: FunctionDeclaration[] = [];
  for (const pair of functions.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    if (!key || !isMap(pair.value)) continue;
    const entry = pair.value;
    const keyNode = pair.key as Node;
    const line = keyNode.range ? lineCounter.linePos(keyNode.range[0]).line : 1;
    const name = entry.get('name');
    const memoryNode = entry.get('memorySize', true) as Node | undefined;
    const own = memoryNode ? at(memoryNode) : undefined;
    found.push({
      format: 'serverless',
      file,
      label: `functions.${key}`,
      line,
      identity: typeof name === 'string' ? nameOf(name) : defaultName(service, key),
      memory: own
        ? { kind: 'own', value: own }
        : memoryNode
          ? { kind: 'unknown', why: 'its memorySize spans several lines' }
          : providerMemory
            ? { kind: 'shared', value: providerMemory, where: 'provider.memorySize', sharedWith: [] }
            : {
                kind: 'unknown',
                why: "nothing sets memorySize, so the Framework's default applies (its version decides)",
              },
    });
  }
  const inheriting = found.filter((decl) => decl.memory.kind === 'shared');
  for (const decl of inheriting)
    if (decl.memory.kind === 'shared')
      decl.memory.sharedWith = inheriting.filter((other) => other !== decl).map((other) => other.label);
  return found;
}

const VARIABLE = /\$\{[^}]*\}/;

function nameOf(text: string): FunctionDeclaration['identity'] {
  if (!VARIABLE.test(text)) return { functionName: text };
  return { namePattern: variablePattern(text), nameExpression: text };
}

/** `<service>-<stage>-<key>`: the stage is any text (it may come from --stage). */
function defaultName(service: string | undefined, key: string): FunctionDeclaration['identity'] {
  if (service === undefined) return { nameExpression: 'the service name is not given' };
  return { namePattern: `${variablePattern(service)}-.+-${literalPattern(key)}` };
}

function variablePattern(text: string): string {
  return text
    .split(/\$\{[^}]*\}/)
    .map(literalPattern)
    .join('.+');
}
