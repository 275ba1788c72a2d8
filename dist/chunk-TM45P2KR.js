import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);

// src/lib/untrusted.ts
import { randomUUID } from "node:crypto";

// node_modules/strip-ansi/node_modules/ansi-regex/index.js
var ST = String.raw`(?:\u001B\u005C|\u009C)`;
var stringControls = String.raw`\u0018\u001A\u001B\u0080-\u009F`;
var osc = String.raw`(?:\u001B\]|\u009D)[^\u0007${stringControls}]*(?:\u0007|${ST})`;
var controlString = String.raw`(?:\u001B[PX^_k]|[\u0090\u0098\u009E\u009F])[^${stringControls}]*${ST}`;
var linuxPalette = String.raw`\u001B\](?:P[\dA-Fa-f]{7}|R)(?:\u0007|${ST})?`;
var csi = String.raw`(?:\u001B\[|\u009B)[\u0030-\u003F]*[\u0020-\u002F]*[\u0040-\u007E]`;
var escape = String.raw`\u001B(?:[\u0020-\u002F]+[\u0030-\u007E]|[\dA-PR-TZcf-oq-uy=><~|}])`;
var pattern = `${linuxPalette}|${osc}|${controlString}|${csi}|${escape}`;
function ansiRegex({ onlyFirst = false } = {}) {
  return new RegExp(pattern, onlyFirst ? void 0 : "g");
}

// node_modules/strip-ansi/index.js
var regex = ansiRegex();
function stripAnsi(string) {
  if (typeof string !== "string") {
    throw new TypeError(`Expected a \`string\`, got \`${typeof string}\``);
  }
  if (!string.includes("\x1B") && !string.includes("\x9B")) {
    return string;
  }
  return string.replace(regex, "");
}

// src/lib/untrusted.ts
var MAX_SHOWN_CHARS = 300;
var MAX_RAW_ERROR_TYPE_CHARS = 256;
function truncateText(text, maxChars) {
  if (text.length <= maxChars) return text;
  const chars = Array.from(text);
  if (chars.length <= maxChars) return text;
  return `${chars.slice(0, Math.max(0, maxChars - 1)).join("")}\u2026`;
}
var LINE_BREAKS = /\r\n|[\n\v\f\r\u0085\u2028\u2029]/g;
var INVISIBLE = (
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f\u061c\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]|\udb40[\udc00-\udc7f]/g
);
var LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
function visible(char) {
  const code = char.codePointAt(0) ?? 0;
  return code > 65535 ? `\\u{${code.toString(16).toUpperCase()}}` : `\\u${code.toString(16).toUpperCase().padStart(4, "0")}`;
}
function inertText(text, maxChars = MAX_SHOWN_CHARS) {
  const cleaned = stripAnsi(text.replace(LONE_SURROGATE, "\uFFFD")).replace(LINE_BREAKS, " ").replace(/\t/g, " ").replace(INVISIBLE, visible);
  return truncateText(cleaned, maxChars);
}
function startsWorkflowCommand(line) {
  return /^\s*::/.test(line) || line.includes("##[");
}
function commandSafeLines(message, newToken, maxChars = MAX_LOG_LINE_CHARS) {
  const line = inertText(message, maxChars);
  if (!startsWorkflowCommand(line)) return [line];
  let token = newToken();
  while (line.includes(token)) token = newToken();
  return [`::stop-commands::${token}`, line, `::${token}::`];
}
var MAX_LOG_LINE_CHARS = 4e3;
var newStopToken = () => randomUUID().replace(/-/g, "");

export {
  MAX_SHOWN_CHARS,
  MAX_RAW_ERROR_TYPE_CHARS,
  truncateText,
  inertText,
  commandSafeLines,
  MAX_LOG_LINE_CHARS,
  newStopToken
};
