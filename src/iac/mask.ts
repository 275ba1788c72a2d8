// Blanks out what is not code structure — comments, the inside of strings and heredocs — keeping every other
// character and every line break in place, so regular expressions and brace counting on the masked text find
// blocks and attributes at the same offsets as in the original, and a brace or "memorySize:" inside a string or a
// comment is never taken for code. Written here rather than with a full HCL or TypeScript parser: the readers need
// only blocks, object literals and one attribute each, and the bundle stays small (the TypeScript compiler is 9 MB).

export type MaskLanguage = 'hcl' | 'typescript';

export function maskCode(text: string, language: MaskLanguage): string {
  const out = text.split('');
  const blank = (from: number, to: number) => {
    for (let i = from; i < to; i++) if (out[i] !== '\n' && out[i] !== '\r') out[i] = ' ';
  };
  const quotes = language === 'hcl' ? ['"'] : ['"', "'", '`'];
  let i = 0;
  const n = text.length;
  // Interpolations open inside strings: each entry is the quote to return to after its closing brace.
  const interpolations: { quote: string; depth: number }[] = [];
  let depth = 0;
  const skipString = (quote: string): void => {
    // i is just after the opening quote.
    const start = i;
    while (i < n) {
      const c = text[i];
      if (c === '\\') {
        i += 2;
        continue;
      }
      if (c === quote) {
        blank(start, i);
        i++;
        return;
      }
      if (c === '\n' && quote !== '`' && language === 'typescript') break;
      if (c === '$' && text[i + 1] === '{' && (language === 'hcl' || quote === '`')) {
        blank(start, i);
        interpolations.push({ quote, depth });
        i += 2;
        depth++;
        return;
      }
      i++;
    }
    blank(start, i);
  };
  while (i < n) {
    const c = text[i] ?? '';
    const next = text[i + 1];
    if ((c === '/' && next === '/') || (language === 'hcl' && c === '#')) {
      const end = text.indexOf('\n', i);
      const stop = end === -1 ? n : end;
      blank(i, stop);
      i = stop;
      continue;
    }
    if (c === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end === -1 ? n : end + 2;
      blank(i, stop);
      i = stop;
      continue;
    }
    if (language === 'hcl' && c === '<' && next === '<') {
      const heredoc = /^<<-?([A-Za-z_][\w-]*)[ \t]*\r?\n/.exec(text.slice(i, i + 200));
      if (heredoc) {
        const marker = heredoc[1] ?? '';
        const bodyStart = i + heredoc[0].length;
        const close = new RegExp(`^[ \\t]*${marker}[ \\t]*$`, 'm');
        const rest = text.slice(bodyStart);
        const found = close.exec(rest);
        const stop = found ? bodyStart + found.index + found[0].length : n;
        blank(bodyStart, stop);
        i = stop;
        continue;
      }
    }
    if (quotes.includes(c)) {
      i++;
      skipString(c);
      continue;
    }
    if (c === '{') depth++;
    if (c === '}') {
      depth--;
      const open = interpolations.at(-1);
      if (open && open.depth === depth) {
        interpolations.pop();
        i++;
        skipString(open.quote);
        continue;
      }
    }
    i++;
  }
  return out.join('');
}

/** The offset of the brace closing the one at `open` in masked text, or -1. */
export function closingBrace(masked: string, open: number): number {
  let depth = 0;
  for (let i = open; i < masked.length; i++) {
    const c = masked[i];
    if (c === '{') depth++;
    else if (c === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** 1-based line and 0-based column of an offset. */
export function positionOf(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++)
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  return { line, col: offset - lineStart };
}

/**
 * The offsets of the depth-1 content of the block whose braces are at [open, close]: every offset inside nested
 * braces, brackets and parentheses is left out, so an attribute is found only at the block's own level.
 */
export function topLevelMask(masked: string, open: number, close: number): string {
  let depth = 0;
  let out = '';
  for (let i = open + 1; i < close; i++) {
    const c = masked[i] ?? '';
    if (c === '{' || c === '[' || c === '(') depth++;
    out += depth === 0 || c === '\n' ? c : ' ';
    if (c === '}' || c === ']' || c === ')') depth--;
  }
  return out;
}
