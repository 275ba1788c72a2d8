// The runner protocol, as much of it as the action speaks: inputs, outputs, step state, masking, log commands,
// groups, the exit code and the job summary — written to match @actions/core 3.0.1 (lib/core.js, command.js,
// file-command.js, utils.js, summary.js) line for line, and checked against it in __tests__/unit/runner.test.ts.
//
// Why not @actions/core itself: importing it imports @actions/http-client (for getIDToken's OIDC client, which this
// action never calls), and that imports undici — 769 KB of the bundle, parsed and run before the first Lambda
// request. Measured: without it the action's start-up share fell by about 20 ms of about 140
// (`npm run bench -- startup`). Upstream: actions/toolkit#1697 and #1621 (a lazy import is proposed in #1800).
// Only src/action/ and src/index.ts use this module; the rest of the action logs through src/action/log.ts, which
// passes every line through the one sanitiser first.

import { randomUUID } from 'node:crypto';
import { appendFileSync, constants, existsSync } from 'node:fs';
import { access, appendFile } from 'node:fs/promises';
import { EOL } from 'node:os';

/** core.getInput: INPUT_<name, spaces as underscores, upper-cased> (hyphens stay), trimmed; '' when absent. */
export function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '').trim();
}

/** core.getState: what the main step saved, handed to the post step as STATE_<name>; '' when absent. */
export function getState(name: string): string {
  return process.env[`STATE_${name}`] || '';
}

/** core.setOutput: the GITHUB_OUTPUT file; without one, the deprecated `::set-output` command. */
export function setOutput(name: string, value: string): void {
  if (process.env.GITHUB_OUTPUT) return issueFileCommand('OUTPUT', keyValueMessage(name, value));
  process.stdout.write(EOL);
  issueCommand('set-output', { name }, value);
}

/** core.saveState: the GITHUB_STATE file; without one, the deprecated `::save-state` command. */
export function saveState(name: string, value: string): void {
  if (process.env.GITHUB_STATE) return issueFileCommand('STATE', keyValueMessage(name, value));
  issueCommand('save-state', { name }, value);
}

/** core.setSecret: the runner masks the value in every later line of the log. */
export function setSecret(secret: string): void {
  issueCommand('add-mask', {}, secret);
}

/** core.info: the message as a log line, unescaped (callers pass it through commandSafeLines first). */
export function info(message: string): void {
  process.stdout.write(message + EOL);
}

export function debug(message: string): void {
  issueCommand('debug', {}, message);
}

export function notice(message: string): void {
  issueCommand('notice', {}, message);
}

export function warning(message: string): void {
  issueCommand('warning', {}, message);
}

export function error(message: string): void {
  issueCommand('error', {}, message);
}

/** core.setFailed: the process will exit with code 1, and the message becomes an error annotation. */
export function setFailed(message: string): void {
  process.exitCode = 1;
  error(message);
}

/** core.group: fn's output folds under the name; the group is closed however fn ends. */
export async function group<T>(name: string, fn: () => Promise<T>): Promise<T> {
  issueCommand('group', {}, name);
  try {
    return await fn();
  } finally {
    issueCommand('endgroup', {}, '');
  }
}

/**
 * core.summary.addRaw(markdown).write(): appends to the GITHUB_STEP_SUMMARY file, with core's checks and messages.
 * Unlike core, the file's path is read at every call rather than cached after the first.
 */
export async function appendSummary(markdown: string): Promise<void> {
  const path = process.env.GITHUB_STEP_SUMMARY;
  if (!path)
    throw new Error(
      'Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.',
    );
  try {
    await access(path, constants.R_OK | constants.W_OK);
  } catch {
    throw new Error(`Unable to access summary file: '${path}'. Check if the file has correct read/write permissions.`);
  }
  await appendFile(path, markdown, { encoding: 'utf8' });
}

/**
 * `::name key=value,…::message` (command.js): properties with an empty value are left out (the space before them
 * stays, as in core).
 */
export function commandLine(command: string, properties: Record<string, string>, message: string): string {
  const entries = Object.entries(properties);
  const pairs = entries.filter(([, value]) => value).map(([key, value]) => `${key}=${escapeProperty(value)}`);
  return `::${command}${entries.length > 0 ? ` ${pairs.join(',')}` : ''}::${escapeData(message)}`;
}

function issueCommand(command: string, properties: Record<string, string>, message: string): void {
  process.stdout.write(commandLine(command, properties, message) + EOL);
}

/** A command's data: %, CR and LF percent-encoded, so the message stays on the command's line. */
export const escapeData = (text: string): string =>
  text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

/** A command's property value: as data, and `:` and `,`, which end a value. */
export const escapeProperty = (text: string): string => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

function issueFileCommand(command: 'OUTPUT' | 'STATE', message: string): void {
  const path = process.env[`GITHUB_${command}`];
  if (!path) throw new Error(`Unable to find environment variable for file command ${command}`);
  if (!existsSync(path)) throw new Error(`Missing file at path: ${path}`);
  appendFileSync(path, `${message}${EOL}`, { encoding: 'utf8' });
}

/** `name<<delimiter`, the value, the delimiter: a random delimiter that neither the name nor the value contains. */
export function keyValueMessage(name: string, value: string, delimiter = `ghadelimiter_${randomUUID()}`): string {
  if (name.includes(delimiter))
    throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
  if (value.includes(delimiter))
    throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
  return `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}`;
}
