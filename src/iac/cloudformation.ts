// SAM and CloudFormation templates, YAML or JSON (JSON is read by the same YAML parser, which keeps positions):
// every AWS::Lambda::Function and AWS::Serverless::Function with its logical id, its FunctionName when the template
// gives it literally, and where its MemorySize is set — its own Properties.MemorySize, or for a SAM function
// Globals.Function.MemorySize, which every AWS::Serverless::Function without its own inherits ("Globals" in the SAM
// specification; AWS::Lambda::Function resources never inherit them). Intrinsic function tags (!Ref, !Sub, !GetAtt)
// parse as tagged nodes: a value written with one is an expression, never read as a number.

import { LineCounter, isMap, isScalar, parseDocument, type Node, type YAMLMap } from 'yaml';
import {
  LAMBDA_DEFAULT_MEMORY_MB,
  literalPattern,
  memoryValue,
  type FunctionDeclaration,
  type MemoryValue,
  literalNumber,
} from './declarations.js';

const FUNCTION_TYPES = new Set(['AWS::Lambda::Function', 'AWS::Serverless::Function']);

/** Cheap test before parsing: the text names a function resource type. */
export function mayBeTemplate(text: string): boolean {
  return text.includes('AWS::Lambda::Function') || text.includes('AWS::Serverless::Function');
}

/** The template's functions; [] when the text is not a template (or does not parse). */
export function readTemplate(file: string, text: string): FunctionDeclaration[] {
  if (!mayBeTemplate(text)) return [];
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false });
  if (doc.errors.length > 0 || !isMap(doc.contents)) return [];
  const lines = text.split(/\r?\n/);
  const at = (node: Node): MemoryValue | undefined => {
    const range = node.range;
    if (!range) return undefined;
    const start = lineCounter.linePos(range[0]);
    const end = lineCounter.linePos(range[1]);
    // A value over several lines cannot be replaced by one line.
    if (start.line !== end.line) return undefined;
    const lineText = lines[start.line - 1] ?? '';
    const value = memoryValue(lineText, start.line, start.col - 1, end.col - 1);
    return literalNumber(node) ? value : { ...value, memoryMb: undefined };
  };
  const resources = doc.contents.get('Resources', true);
  if (!isMap(resources)) return [];
  const globalMemoryNode = mapAt(doc.contents, 'Globals', 'Function')?.get('MemorySize', true) as Node | undefined;
  const globalMemory = globalMemoryNode ? at(globalMemoryNode) : undefined;

  const found: (FunctionDeclaration & { serverless: boolean })[] = [];
  for (const pair of resources.items) {
    const logicalId = isScalar(pair.key) ? String(pair.key.value) : undefined;
    const resource = pair.value;
    if (!logicalId || !isMap(resource)) continue;
    const type = resource.get('Type');
    if (typeof type !== 'string' || !FUNCTION_TYPES.has(type)) continue;
    const properties = resource.get('Properties', true);
    const props = isMap(properties) ? properties : undefined;
    const line = pair.key && (pair.key as Node).range ? lineCounter.linePos((pair.key as Node).range![0]).line : 1;
    const nameNode = props?.get('FunctionName', true) as Node | undefined;
    const memoryNode = props?.get('MemorySize', true) as Node | undefined;
    const serverless = type === 'AWS::Serverless::Function';
    const own = memoryNode ? at(memoryNode) : undefined;
    found.push({
      format: 'cloudformation',
      file,
      label: `Resources.${logicalId}`,
      line,
      identity: { logicalId, ...nameIdentity(nameNode) },
      memory: own
        ? { kind: 'own', value: own }
        : memoryNode
          ? { kind: 'unknown', why: `its MemorySize spans several lines` }
          : serverless && globalMemory
            ? { kind: 'shared', value: globalMemory, where: 'Globals.Function.MemorySize', sharedWith: [] }
            : { kind: 'default', defaultMb: LAMBDA_DEFAULT_MEMORY_MB },
      serverless,
    });
  }
  // Globals.Function is shared by every SAM function that does not set its own.
  const inheriting = found.filter((decl) => decl.memory.kind === 'shared');
  for (const decl of inheriting)
    if (decl.memory.kind === 'shared')
      decl.memory.sharedWith = inheriting.filter((other) => other !== decl).map((other) => other.label);
  return found.map(({ serverless: _serverless, ...decl }) => decl);
}

function mapAt(map: YAMLMap, ...keys: string[]): YAMLMap | undefined {
  let current: unknown = map;
  for (const key of keys) {
    if (!isMap(current)) return undefined;
    current = current.get(key, true);
  }
  return isMap(current) ? current : undefined;
}

/** FunctionName: a plain string is the name; !Sub "${AWS::StackName}-orders" a pattern; anything else unknown. */
function nameIdentity(node: Node | undefined): FunctionDeclaration['identity'] {
  if (!node) return {};
  if (isScalar(node) && typeof node.value === 'string') {
    if (!node.tag) return { functionName: node.value };
    if (node.tag === '!Sub') return subPattern(node.value);
    return { nameExpression: `${node.tag} ${node.value}` };
  }
  if (isMap(node)) {
    const sub = node.get('Fn::Sub');
    if (typeof sub === 'string') return subPattern(sub);
    return { nameExpression: 'an intrinsic function' };
  }
  return { nameExpression: isScalar(node) && node.tag ? String(node.tag) : 'an expression' };
}

/** A !Sub string: each ${...} may be anything (no dash-free guess: stack names hold dashes). */
function subPattern(text: string): FunctionDeclaration['identity'] {
  if (!text.includes('${')) return { functionName: text };
  const pattern = text
    .split(/\$\{[^}]*\}/)
    .map(literalPattern)
    .join('.+');
  return { namePattern: pattern, nameExpression: `!Sub ${text}` };
}
