// The CLI's front door: flags are the action's inputs 1:1 (`--<input-name>`), so both doors share INPUTS and
// parseSettings. This module only turns argv into the same name → string map the action's getInput would give,
// with node:util parseArgs built from the inputs table.

import { parseArgs, type ParseArgsConfig } from 'node:util';
import { INPUT_GROUPS, INPUTS, inputSpec, type InputSpec } from './settings/inputs.js';
import { closestMatch, InputError, type InputReader } from './settings/index.js';

export type CliCommand = 'tune' | 'init' | 'help' | 'version';

export interface CliArgs {
  command: CliCommand;
  /** Input name → the value given on the command line; absent flags are absent. */
  inputs: Record<string, string>;
}

export const CLI_NAME = 'lambda-power-gate';
// `init` is dispatched by cli.ts before these flags are parsed (src/init.ts has its own); listed here for help and typos.
const COMMANDS: readonly CliCommand[] = ['tune', 'init', 'help', 'version'];
const BOOLEAN_WORDS = new Set(['true', 'false', 'yes', 'no', '1', '0']);
const HELP_FLAGS = new Set(['--help', '-h']);
const VERSION_FLAGS = new Set(['--version', '-v', '-V']);

/** parseArgs' options: one flag per input, a boolean input a boolean flag (it takes no value of its own). */
const OPTIONS: ParseArgsConfig['options'] = Object.fromEntries(
  INPUTS.map((spec) => [spec.name, { type: spec.boolean ? ('boolean' as const) : ('string' as const) }]),
);

type Token = NonNullable<ReturnType<typeof parseArgs>['tokens']>[number];

/**
 * argv without node and the script (process.argv.slice(2)). No arguments means help; flags without a command
 * mean tune. `--flag value` and `--flag=value` both work; a boolean flag alone means true, `--no-<flag>` false.
 * node:util parseArgs splits argv into tokens (non-strict, so that an unknown flag gets our "did you mean" rather
 * than its error); what a token means is decided here.
 */
export function parseCliArgs(argv: string[]): CliArgs {
  const [first] = argv;
  if (first === undefined) return { command: 'help', inputs: {} };
  let command: CliCommand = 'tune';
  let flags = argv;
  if (!first.startsWith('-')) {
    command = parseCommand(first);
    if (command !== 'tune') return { command, inputs: {} };
    flags = argv.slice(1);
  }
  const { tokens = [] } = parseArgs({
    args: flags,
    options: OPTIONS,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });

  const inputs: Record<string, string> = {};
  let wantsHelp = false;
  let wantsVersion = false;
  const set = (name: string, value: string) => {
    if (Object.hasOwn(inputs, name)) {
      // A list input (functions, globs, results files) takes one item a flag, as many flags as items: its lines.
      if (inputSpec(name)?.repeatable) {
        inputs[name] = `${inputs[name]}\n${value}`;
        return;
      }
      throw new InputError(name, `Flag --${name} is given twice; give it once`);
    }
    inputs[name] = value;
  };

  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if (token === undefined) continue;
    if (token.kind === 'option-terminator') throw unknownFlag('', '--');
    if (token.kind === 'positional') {
      if (token.value === '-') throw unknownFlag('', '-');
      throw new InputError(
        token.value,
        `Unexpected argument ${JSON.stringify(token.value)}; give values after a flag, as --name value or --name=value (see ${CLI_NAME} help)`,
      );
    }
    // What was typed: parseArgs splits `-xyz` into -x -y -z, and the message quotes the argument as given.
    const given = flags[token.index] ?? token.rawName;
    if (HELP_FLAGS.has(given)) {
      wantsHelp = true;
      continue;
    }
    if (VERSION_FLAGS.has(given)) {
      wantsVersion = true;
      continue;
    }
    if (!given.startsWith('--')) throw unknownFlag(given.replace(/^-+/, ''), given);
    const spec = inputSpec(token.name);
    if (!spec) {
      const negated = token.name.startsWith('no-') ? inputSpec(token.name.slice(3)) : undefined;
      if (negated?.boolean && token.value === undefined) {
        set(negated.name, 'false');
        continue;
      }
      throw unknownFlag(token.name, given);
    }
    if (spec.boolean) {
      // A boolean flag takes the next word only when it is a boolean, so `--dry-run --region x` works.
      const next = booleanWordAfter(token, tokens[index + 1]);
      if (next !== undefined) index++;
      set(spec.name, token.value ?? next ?? 'true');
      continue;
    }
    if (token.value === undefined || (!token.inlineValue && token.value.startsWith('--'))) {
      throw new InputError(
        spec.name,
        `Flag --${spec.name} needs a value, e.g. --${spec.name} <${spec.valueName ?? 'value'}> or --${spec.name}=<${spec.valueName ?? 'value'}>`,
      );
    }
    set(spec.name, token.value);
  }
  if (wantsHelp) return { command: 'help', inputs: {} };
  if (wantsVersion) return { command: 'version', inputs: {} };
  return { command, inputs };
}

/** The word right after a bare boolean flag, when it is a boolean word (`--dry-run false`). */
function booleanWordAfter(flag: Token, next: Token | undefined): string | undefined {
  if (
    flag.kind !== 'option' ||
    flag.value !== undefined ||
    next?.kind !== 'positional' ||
    next.index !== flag.index + 1
  )
    return undefined;
  return BOOLEAN_WORDS.has(next.value.toLowerCase()) ? next.value : undefined;
}

/** The CLI's InputReader: '' for an absent flag, as getInput gives, so parseSettings applies the defaults. */
export function cliInputReader(inputs: Record<string, string>): InputReader {
  return (name) => (Object.hasOwn(inputs, name) ? (inputs[name] ?? '') : '');
}

function parseCommand(word: string): CliCommand {
  const command = COMMANDS.find((candidate) => candidate === word);
  if (command) return command;
  const suggestion = closestMatch(word, COMMANDS);
  throw new InputError(
    'command',
    `Unknown command ${JSON.stringify(word)}${suggestion ? ` (did you mean ${suggestion}?)` : ''}; commands are ${COMMANDS.join(', ')}`,
  );
}

function unknownFlag(name: string, given: string): InputError {
  const candidates = [...INPUTS.map((spec) => spec.name), 'help', 'version'];
  const suggestion = closestMatch(name.toLowerCase(), candidates);
  return new InputError(
    name,
    `Unknown flag ${given}${suggestion ? `; did you mean --${suggestion}?` : ''} (run ${CLI_NAME} help for every flag)`,
  );
}

// ---------------------------------------------------------------------------------------------------------
// Help

const WIDTH = 100;

const ENVIRONMENT: readonly [string, string][] = [
  ['AWS_REGION, AWS_DEFAULT_REGION', 'The region when --region is not given and --function-name is not a full ARN.'],
  [
    'AWS_PROFILE, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN',
    "Credentials, read by the AWS SDK's default provider chain (any of its sources work).",
  ],
  ['GITHUB_TOKEN', 'Token for the pull request comment and the baseline branch when --github-token is not given.'],
  [
    'GITHUB_WORKSPACE',
    'Base directory for relative paths (results-path, payload-file, baseline-file); else the current directory.',
  ],
];

export function helpText(): string {
  const flag = (spec: InputSpec) => `--${spec.name}${spec.boolean ? '' : ` <${spec.valueName ?? 'value'}>`}`;
  const flagWidth = Math.max(...INPUTS.map((spec) => flag(spec).length)) + 4;
  const lines: string[] = [
    `${CLI_NAME}: tune an AWS Lambda function's memory, compare cost and speed with a baseline, and fail on regressions.`,
    '',
    'Usage:',
    `  ${CLI_NAME} tune --function-name <name|arn> [flags]`,
    `  ${CLI_NAME} tune --functions <name[=baseline]> [--functions ...] | --config-file <path> | --stack-name <stack> [flags]`,
    `  ${CLI_NAME} init --function <name> --region <region>   (writes a GitHub workflow; init --help)`,
    `  ${CLI_NAME} help       (or --help)`,
    `  ${CLI_NAME} version    (or --version)`,
    '',
    ...wrap(
      `Every flag is the GitHub Action input of the same name. Give values as --flag value or --flag=value; a boolean flag alone means true, and --no-<flag> means false. A list flag (${INPUTS.filter(
        (spec) => spec.repeatable,
      )
        .map((spec) => `--${spec.name}`)
        .join(', ')}) may be repeated, one item each, or take one value with the items on separate lines.`,
      0,
    ),
  ];
  for (const { group, title } of INPUT_GROUPS) {
    lines.push('', `${title} flags:`);
    for (const spec of INPUTS.filter((input) => input.group === group)) {
      const text = `${spec.description}${defaultNote(spec)}`;
      const [head = '', ...rest] = wrap(text, flagWidth);
      lines.push(`  ${flag(spec).padEnd(flagWidth - 2)}${head.trimStart()}`, ...rest);
    }
  }
  lines.push('', 'Environment:');
  for (const [names, text] of ENVIRONMENT) {
    lines.push(`  ${names}`, ...wrap(text, 6));
  }
  return lines.join('\n') + '\n';
}

function defaultNote(spec: InputSpec): string {
  if (spec.required) return ' (required)';
  if (spec.defaultText) return ` (default: ${spec.defaultText})`;
  if (spec.default !== undefined) return ` (default: ${spec.default})`;
  return '';
}

/** Word-wraps text to WIDTH columns, every line indented by `indent` spaces. */
function wrap(text: string, indent: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line !== '' && indent + line.length + 1 + word.length > WIDTH) {
      lines.push(' '.repeat(indent) + line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(' '.repeat(indent) + line);
  return lines;
}
