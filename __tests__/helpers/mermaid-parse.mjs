// Parses mermaid diagrams with mermaid's own parser, in plain Node (outside jest: jsdom, which mermaid's
// sanitiser needs, cannot load in jest's ESM module system). Reads a JSON array of diagram texts on stdin,
// prints a JSON array of { ok: true, diagramType } | { ok: false, error } on stdout.
import { JSDOM } from 'jsdom';

const { window } = new JSDOM('');
Object.assign(globalThis, { window, document: window.document });
const { default: mermaid } = await import('mermaid');

let input = '';
for await (const chunk of process.stdin) input += chunk;
const results = [];
for (const text of JSON.parse(input)) {
  try {
    const parsed = await mermaid.parse(text);
    results.push({ ok: true, diagramType: parsed.diagramType });
  } catch (error) {
    results.push({ ok: false, error: String(error?.message ?? error) });
  }
}
process.stdout.write(JSON.stringify(results));
