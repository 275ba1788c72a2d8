// Terraform (*.tf): each `resource "aws_lambda_function" "<name>"` block, its function_name and memory_size
// (Terraform AWS provider: memory_size defaults to 128). A value given by a variable or a local is an expression:
// the change belongs where the variable's value is given, which the block does not say.

import { LAMBDA_DEFAULT_MEMORY_MB, literalPattern, memoryValue, type FunctionDeclaration } from './declarations.js';
import { closingBrace, maskCode, positionOf, topLevelMask } from './mask.js';

export function mayBeTerraform(text: string): boolean {
  return text.includes('aws_lambda_function');
}

export function readTerraform(file: string, text: string): FunctionDeclaration[] {
  if (!mayBeTerraform(text)) return [];
  const masked = maskCode(text, 'hcl');
  const lines = text.split('\n');
  const found: FunctionDeclaration[] = [];
  const blocks = /(^|\n)[ \t]*resource[ \t]+"[ ]*"[ \t]+"[ ]*"[ \t]*\{/g;
  // The masked text blanks the labels' contents; read them from the original at the same offsets.
  for (let match = blocks.exec(masked); match; match = blocks.exec(masked)) {
    const header = text.slice(match.index, match.index + match[0].length);
    const labels = /resource[ \t]+"([^"]*)"[ \t]+"([^"]*)"/.exec(header);
    if (!labels || labels[1] !== 'aws_lambda_function') continue;
    const open = match.index + match[0].length - 1;
    const close = closingBrace(masked, open);
    if (close === -1) continue;
    const body = topLevelMask(masked, open, close);
    const attribute = (name: string) => {
      const found = new RegExp(`(^|\\n)[ \\t]*${name}[ \\t]*=[ \\t]*`).exec(body);
      if (!found) return undefined;
      const valueStart = open + 1 + found.index + found[0].length;
      const { line, col } = positionOf(text, valueStart);
      const lineText = (lines[line - 1] ?? '').replace(/\r$/, '');
      // The value runs to the end of the line, less a trailing comment: the mask blanks comments, and a string keeps
      // its quotes, so the masked line's last visible character ends the value.
      const maskedRest = (masked.split('\n')[line - 1] ?? '').replace(/\r$/, '').slice(col);
      const value = lineText.slice(col, col + maskedRest.trimEnd().length);
      return { line, col, value, lineText };
    };
    const name = attribute('function_name');
    const memory = attribute('memory_size');
    const startLine = positionOf(text, match.index + (match[1] ?? '').length).line;
    found.push({
      format: 'terraform',
      file,
      label: `aws_lambda_function.${labels[2]}`,
      line: startLine,
      identity: name ? nameIdentity(name.value) : { nameExpression: 'no function_name' },
      memory: memory
        ? {
            kind: 'own',
            value: memoryValue(memory.lineText, memory.line, memory.col, memory.col + memory.value.length),
          }
        : { kind: 'default', defaultMb: LAMBDA_DEFAULT_MEMORY_MB },
    });
  }
  return found;
}

/** "orders" is the name; "${var.env}-orders" a pattern; var.name or local.name an expression. */
function nameIdentity(value: string): FunctionDeclaration['identity'] {
  const quoted = /^"(.*)"$/.exec(value);
  if (!quoted) return { nameExpression: value };
  const text = quoted[1] ?? '';
  if (!text.includes('${')) return { functionName: text };
  return {
    namePattern: text
      .split(/\$\{[^}]*\}/)
      .map(literalPattern)
      .join('.+'),
    nameExpression: value,
  };
}
