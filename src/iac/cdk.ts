// CDK in TypeScript: each `new <…>Function(scope, 'Id', { … })` (lambda.Function, NodejsFunction, PythonFunction,
// GoFunction, DockerImageFunction…) with its construct id, a literal functionName, and memorySize at the props'
// own level. CDK's logical id is the construct path's ids followed by an 8-character hash ("OrdersFn3BAA72D1"), and
// CloudFormation names an unnamed function `<stack>-<logical id>-<suffix>`. Props given as a variable, a spread
// without its own memorySize, or a value that is not a number leave the memory unknown (the change is elsewhere).

import { LAMBDA_DEFAULT_MEMORY_MB, memoryValue, type FunctionDeclaration } from './declarations.js';
import { closingBrace, maskCode, positionOf, topLevelMask } from './mask.js';

export function mayBeCdk(text: string): boolean {
  return /aws-lambda|aws-cdk-lib|@aws-cdk\//.test(text) && /Function\s*\(/.test(text);
}

export function readCdk(file: string, text: string): FunctionDeclaration[] {
  if (!mayBeCdk(text)) return [];
  const masked = maskCode(text, 'typescript');
  const lines = text.split('\n');
  const found: FunctionDeclaration[] = [];
  // The id's quotes survive masking (their content is blank): read it from the original at the same offsets.
  const constructs = /\bnew\s+([\w.]*Function)\s*\(\s*[\w.]+\s*,\s*(['"`])[ ]*\2\s*,\s*/g;
  for (let match = constructs.exec(masked); match; match = constructs.exec(masked)) {
    const className = match[1] ?? '';
    const source = text.slice(match.index, match.index + match[0].length);
    const id = /,\s*(['"`])(.*?)\1\s*,\s*$/.exec(source)?.[2];
    if (!id || /\$\{/.test(id)) continue;
    const start = positionOf(text, match.index);
    const afterArgs = match.index + match[0].length;
    const base = {
      format: 'cdk' as const,
      file,
      label: `new ${className}(this, '${id}')`,
      line: start.line,
    };
    if (masked[afterArgs] !== '{') {
      const props = /^[\w.]+/.exec(masked.slice(afterArgs))?.[0] ?? 'a variable';
      found.push({
        ...base,
        identity: { constructId: id },
        memory: { kind: 'unknown', why: `its props are given as ${props}` },
      });
      continue;
    }
    const close = closingBrace(masked, afterArgs);
    if (close === -1) continue;
    const body = topLevelMask(masked, afterArgs, close);
    const property = (name: string) => {
      const hit = new RegExp(`(^|[\\s,{])${name}\\s*:\\s*`).exec(body);
      if (!hit) return undefined;
      const valueStart = afterArgs + 1 + hit.index + hit[0].length;
      const { line, col } = positionOf(text, valueStart);
      const lineText = (lines[line - 1] ?? '').replace(/\r$/, '');
      const maskedLine = masked.split('\n')[line - 1] ?? '';
      // The value ends at the next comma or closing brace at its level, or at a comment.
      let end = col;
      let level = 0;
      for (; end < maskedLine.length; end++) {
        const c = maskedLine[end] ?? '';
        if ('([{'.includes(c)) level++;
        else if (')]}'.includes(c)) {
          if (level === 0) break;
          level--;
        } else if (c === ',' && level === 0) break;
        else if (c === '/' && (maskedLine[end + 1] === '/' || maskedLine[end + 1] === '*')) break;
      }
      const value = lineText.slice(col, end).replace(/\s+$/, '');
      return { line, col, value, lineText };
    };
    const memory = property('memorySize');
    const name = property('functionName');
    const spread = /\.\.\.\s*[\w.]+/.exec(body)?.[0];
    const shorthand = new RegExp(`(^|[\\s,{])memorySize\\s*(,|$)`, 'm').test(body);
    found.push({
      ...base,
      identity: { constructId: id, ...(name ? nameIdentity(name.value) : {}) },
      memory: memory
        ? {
            kind: 'own',
            value: memoryValue(memory.lineText, memory.line, memory.col, memory.col + memory.value.length),
          }
        : shorthand
          ? { kind: 'unknown', why: 'memorySize is given by a variable of the same name' }
          : spread
            ? { kind: 'unknown', why: `its props spread ${spread.slice(3).trim()}, which may set memorySize` }
            : { kind: 'default', defaultMb: LAMBDA_DEFAULT_MEMORY_MB },
    });
  }
  return found;
}

function nameIdentity(value: string): FunctionDeclaration['identity'] {
  const quoted = /^(['"])(.*)\1$/.exec(value);
  if (quoted) return { functionName: quoted[2] ?? '' };
  return { nameExpression: value };
}
