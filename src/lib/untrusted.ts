// The one sanitiser for untrusted text. The function under test is the pull request's own code, so everything it
// returns (error types and messages, log lines) is chosen by whoever wrote the PR; so are names and descriptions
// read back from AWS, and results files uploaded by a fork's workflow. Every writer — the runner log, annotations,
// the terminal, the PR comment, the job summary, report.md and report.html — passes such text through here first.
// Pure: no I/O, so the property tests can feed it anything.

import { randomUUID } from 'node:crypto';
import stripAnsi from 'strip-ansi';

/** The longest piece of untrusted text a report or log line shows inline; results.json keeps more (bounded). */
export const MAX_SHOWN_CHARS = 300;

/**
 * The most results.json keeps of an error type a function chose (a 100 KB type once became a 301,897-character
 * annotation). Real error types are identifiers: `Runtime.OutOfMemory`, `PaymentDeclined`.
 */
export const MAX_RAW_ERROR_TYPE_CHARS = 256;

/** Cuts text longer than maxChars at a character boundary (never inside a surrogate pair) and adds "…". */
export function truncateText(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const chars = Array.from(text);
  if (chars.length <= maxChars) return text;
  return `${chars.slice(0, Math.max(0, maxChars - 1)).join('')}…`;
}

// Line breaks of every kind a terminal, the runner or a markdown renderer honours: CR, LF, VT, FF, NEL and the
// Unicode line and paragraph separators. Each becomes one space, so untrusted text can never start a line.
const LINE_BREAKS = /\r\n|[\n\v\f\r\u0085\u2028\u2029]/g;

// What is left after escape sequences are gone and shows nothing, or reorders or hides what follows:
// - C0 controls (BEL, BS, a stray ESC, NUL …), DEL and the C1 controls (U+0080–U+009F, CSI U+009B included);
// - bidirectional controls: LRM/RLM/ALM, the embeddings and overrides U+202A–U+202E (the "Trojan Source" RLO) and
//   the isolates U+2066–U+2069;
// - invisible operators and the BOM (U+2060–U+2064, U+FEFF), interlinear annotations (U+FFF9–U+FFFB), and the tag
//   characters U+E0000–U+E007F, which carry hidden ASCII.
// Tabs become a space; the rest is made visible as a \uXXXX escape, so a reviewer sees that something was there.
const INVISIBLE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f\u061c\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]|\udb40[\udc00-\udc7f]/g;

// What String.prototype.toWellFormed replaces (ES2024, past this project's ES2022 lib).
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function visible(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  return code > 0xffff
    ? `\\u{${code.toString(16).toUpperCase()}}`
    : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Untrusted text made inert for any writer: one line, no escape sequences (ANSI colours, cursor moves, OSC-8
 * hyperlinks, window titles), no invisible or reordering character, well-formed UTF-16 (a lone surrogate becomes
 * U+FFFD), at most maxChars characters. Writers still apply their own escaping on top (markdown, HTML, workflow
 * commands); this removes what no escaping can make safe.
 */
export function inertText(text: string, maxChars = MAX_SHOWN_CHARS): string {
  const cleaned = stripAnsi(text.replace(LONE_SURROGATE, '\ufffd'))
    .replace(LINE_BREAKS, ' ')
    .replace(/\t/g, ' ')
    .replace(INVISIBLE, visible);
  return truncateText(cleaned, maxChars);
}

/**
 * True when the runner would read this log line as a workflow command: `::name…::` after leading white space
 * (actions/runner ActionCommand.TryParseV2 trims the line first), or the legacy `##[name…]`, which the runner
 * looks for anywhere in the line (ActionCommand.TryParse: `message.IndexOf("##[")`).
 */
export function startsWorkflowCommand(line: string): boolean {
  return /^\s*::/.test(line) || line.includes('##[');
}

/**
 * The lines to print for one log message so that no part of it is read as a workflow command. The message is made
 * inert (one line, capped); when it still looks like a command it is printed between `::stop-commands::<token>`
 * and `::<token>::` — GitHub's documented way to print untrusted text ("Stopping and starting workflow commands"),
 * with a token the text cannot guess. The text itself is shown unchanged, so nothing a user reads is altered.
 */
export function commandSafeLines(message: string, newToken: () => string, maxChars = MAX_LOG_LINE_CHARS): string[] {
  const line = inertText(message, maxChars);
  if (!startsWorkflowCommand(line)) return [line];
  let token = newToken();
  while (line.includes(token)) token = newToken();
  return [`::stop-commands::${token}`, line, `::${token}::`];
}

/** A log line or annotation is capped too: the runner shows up to 64 KB a line, nobody reads past a few hundred. */
export const MAX_LOG_LINE_CHARS = 4000;

/** A stop-commands token: random, so text written before it was drawn cannot contain the resume line. */
export const newStopToken = (): string => randomUUID().replace(/-/g, '');
