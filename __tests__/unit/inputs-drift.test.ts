// action.yml, docs/inputs.md, the README's inputs section and the CLI flags must all say what src/settings/inputs.ts says.
// To regenerate after editing INPUTS or OUTPUTS:
//   UPDATE_INPUTS_DOCS=1 npm test -- __tests__/unit/inputs-drift.test.ts
// which rewrites action.yml's inputs and outputs (keeping the rest of the file), docs/inputs.md, and the README
// text between its inputs markers, as rendered by scripts/inputs-docs.ts.

import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { INPUTS, OUTPUTS } from '../../src/settings/inputs.js';
import { cliInputReader, helpText, parseCliArgs } from '../../src/cli-args.js';
import { parseAppSettings } from '../../src/settings/index.js';
import {
  actionInputs,
  actionOutputs,
  readmeInputsSection,
  README_END,
  README_START,
  renderInputsDoc,
  renderInputsTables,
  writeInputsDocs,
  type ActionInput,
} from '../../scripts/inputs-docs.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const ACTION_YML = `${root}action.yml`;
const INPUTS_DOC = `${root}docs/inputs.md`;
const README = `${root}README.md`;

if (process.env['UPDATE_INPUTS_DOCS'] === '1') writeInputsDocs(root);

describe('the inputs table itself', () => {
  test('names are unique kebab-case, defaults of boolean inputs are booleans', () => {
    const names = INPUTS.map((spec) => spec.name);
    expect(new Set(names).size).toBe(names.length);
    for (const spec of INPUTS) {
      expect(spec.name).toMatch(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/);
      if (spec.boolean) expect(['true', 'false']).toContain(spec.default);
    }
    const outputNames = OUTPUTS.map((output) => output.name);
    expect(new Set(outputNames).size).toBe(outputNames.length);
  });

  test('every input is read by parseAppSettings', () => {
    const read = new Set<string>();
    parseAppSettings(
      (name) => {
        read.add(name);
        return name === 'function-name' ? 'arn:aws:lambda:eu-west-1:123456789012:function:fn' : '';
      },
      { env: {}, cwd: '/work', readFile: () => '{}' },
    );
    expect([...read].sort()).toEqual(INPUTS.map((spec) => spec.name).sort());
  });
});

describe('action.yml', () => {
  const action = parse(readFileSync(ACTION_YML, 'utf8')) as {
    inputs?: Record<string, ActionInput>;
    outputs?: Record<string, unknown>;
    runs?: unknown;
    branding?: { icon?: unknown; color?: unknown };
    name?: unknown;
    description?: unknown;
  };

  test('declares exactly the inputs of INPUTS, in order, with their descriptions, required flags and defaults', () => {
    expect(Object.keys(action.inputs ?? {})).toEqual(INPUTS.map((spec) => spec.name));
    expect(action.inputs).toEqual(actionInputs());
  });

  test('declares every default as a string, as the runner passes it', () => {
    for (const input of Object.values(action.inputs ?? {})) {
      if ('default' in input) expect(typeof input.default).toBe('string');
    }
  });

  test('declares exactly the outputs of OUTPUTS, in order', () => {
    expect(Object.keys(action.outputs ?? {})).toEqual(OUTPUTS.map((output) => output.name));
    expect(action.outputs).toEqual(actionOutputs());
  });

  test('runs dist/index.js on node24, with the same bundle as an always-run post step, and has a name, description and branding', () => {
    expect(action.runs).toEqual({
      using: 'node24',
      main: 'dist/index.js',
      post: 'dist/index.js',
      'post-if': 'always()',
    });
    expect(typeof action.name).toBe('string');
    expect(typeof action.description).toBe('string');
    expect(typeof action.branding?.icon).toBe('string');
    expect(typeof action.branding?.color).toBe('string');
  });
});

describe('docs/inputs.md', () => {
  test('is the text generated from INPUTS and OUTPUTS', () => {
    expect(readFileSync(INPUTS_DOC, 'utf8')).toBe(renderInputsDoc());
  });

  test('lists every input and output once', () => {
    const [inputsPart = '', outputsPart = ''] = renderInputsDoc().split('### Outputs');
    const rows = (text: string, name: string) => text.split(`| \`${name}\` |`).length - 1;
    for (const { name } of INPUTS) expect(rows(inputsPart, name)).toBe(1);
    for (const { name } of OUTPUTS) expect(rows(outputsPart, name)).toBe(1);
  });
});

const readme = existsSync(README) ? readFileSync(README, 'utf8') : '';
const section = readmeInputsSection(readme);
if (section === undefined) {
  test.skip(`README.md inputs section: skipped, README.md has no ${README_START} ... ${README_END} markers yet`, () => {});
} else {
  test('README.md inputs section (between the inputs markers) is the generated tables', () => {
    expect(section.trim()).toBe(renderInputsTables().trim());
  });
}

describe('the CLI flags', () => {
  test('every input is a flag of the same name', () => {
    for (const spec of INPUTS) {
      const value = spec.boolean ? 'false' : 'x';
      const { command, inputs } = parseCliArgs(['tune', `--${spec.name}`, value]);
      expect(command).toBe('tune');
      expect(inputs).toEqual({ [spec.name]: value });
      expect(cliInputReader(inputs)(spec.name)).toBe(value);
    }
  });

  test('help documents every flag and every default', () => {
    const help = helpText();
    for (const spec of INPUTS) {
      expect(help).toContain(`--${spec.name}`);
      if (spec.default !== undefined && !spec.defaultText)
        expect(help.replace(/\s+/g, ' ')).toContain(`(default: ${spec.default})`);
    }
  });
});
