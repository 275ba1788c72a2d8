// The documentation generated from the inputs table (src/settings/inputs.ts): action.yml's inputs and outputs,
// docs/inputs.md and the README's inputs section. Kept out of src/ so the bundle does not carry it;
// __tests__/unit/inputs-drift.test.ts checks the files against it.
//
// Regenerate after editing INPUTS or OUTPUTS, either way:
//   UPDATE_INPUTS_DOCS=1 npm test -- __tests__/unit/inputs-drift.test.ts
//   npx tsx scripts/inputs-docs.ts

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { INPUT_GROUPS, INPUTS, OUTPUTS, type InputSpec } from '../src/settings/inputs.js';

export const README_START = '<!-- inputs:start -->';
export const README_END = '<!-- inputs:end -->';

export interface ActionInput {
  description?: unknown;
  required?: unknown;
  default?: unknown;
}

const escapeCell = (text: string): string => text.replace(/\|/g, '\\|');
const code = (text: string): string => '`' + text + '`';

function defaultCell(spec: InputSpec): string {
  if (spec.required) return '**required**';
  if (spec.defaultText)
    return `_${escapeCell(spec.defaultText.replace('${{ github.token }}', code('${{ github.token }}')))}_`;
  if (spec.default !== undefined) return code(escapeCell(spec.default));
  return '';
}

/** The inputs and outputs tables, as the README includes them between its inputs markers. */
export function renderInputsTables(): string {
  const lines: string[] = ['### Inputs', ''];
  for (const { group, title } of INPUT_GROUPS) {
    lines.push(`#### ${title}`, '', '| Input | Default | Description |', '| --- | --- | --- |');
    for (const spec of INPUTS.filter((input) => input.group === group)) {
      // A per-function input may also be set in config-file's defaults and entries (docs/apps.md).
      const perFunction = spec.perFunction ? ' _Per function in config-file._' : '';
      lines.push(`| ${code(spec.name)} | ${defaultCell(spec)} | ${escapeCell(spec.description)}${perFunction} |`);
    }
    lines.push('');
  }
  lines.push('### Outputs', '', '| Output | Description |', '| --- | --- |');
  for (const output of OUTPUTS) lines.push(`| ${code(output.name)} | ${escapeCell(output.description)} |`);
  return lines.join('\n') + '\n';
}

/** The whole of docs/inputs.md. */
export function renderInputsDoc(): string {
  return [
    '# Inputs and outputs',
    '',
    '<!-- Generated from src/settings/inputs.ts; regenerate with: UPDATE_INPUTS_DOCS=1 npm test -- __tests__/unit/inputs-drift.test.ts -->',
    '',
    'Every input is also a CLI flag of the same name: `lambda-power-gate tune --<input> <value>`.',
    '',
    renderInputsTables(),
  ].join('\n');
}

/** action.yml's inputs: each with its description, required flag and the default the runner passes (a string). */
export function actionInputs(): Record<string, ActionInput> {
  return Object.fromEntries(
    INPUTS.map((spec) => {
      const declaredDefault = spec.actionDefault ?? spec.default;
      return [
        spec.name,
        {
          description: spec.description,
          required: spec.required ?? false,
          ...(declaredDefault === undefined ? {} : { default: declaredDefault }),
        },
      ];
    }),
  );
}

/** action.yml's outputs. */
export function actionOutputs(): Record<string, { description: string }> {
  return Object.fromEntries(OUTPUTS.map((output) => [output.name, { description: output.description }]));
}

/** The README's text between the inputs markers, or undefined when it has none. */
export function readmeInputsSection(text: string): string | undefined {
  const start = text.indexOf(README_START);
  const end = text.indexOf(README_END);
  if (start === -1 || end === -1 || end < start) return undefined;
  return text.slice(start + README_START.length, end);
}

/** Rewrites action.yml's inputs and outputs (keeping the rest of the file), docs/inputs.md, and the README section. */
export function writeInputsDocs(root: string): void {
  const actionYml = `${root}action.yml`;
  const readmePath = `${root}README.md`;
  const document = parseDocument(readFileSync(actionYml, 'utf8'));
  document.set('inputs', document.createNode(actionInputs()));
  document.set('outputs', document.createNode(actionOutputs()));
  writeFileSync(actionYml, document.toString({ lineWidth: 0 }));
  writeFileSync(`${root}docs/inputs.md`, renderInputsDoc());
  if (existsSync(readmePath)) {
    const readme = readFileSync(readmePath, 'utf8');
    if (readmeInputsSection(readme) !== undefined) {
      const start = readme.indexOf(README_START) + README_START.length;
      writeFileSync(
        readmePath,
        `${readme.slice(0, start)}\n${renderInputsTables()}${readme.slice(readme.indexOf(README_END))}`,
      );
    }
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeInputsDocs(fileURLToPath(new URL('../', import.meta.url)));
}
