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

// src/lib/format.ts
var NO_VALUE = "\u2013";
function finite(value) {
  return typeof value === "number" && Number.isFinite(value);
}
function significant(abs, digits) {
  if (abs < 5e-21) return 0 .toFixed(digits - 1);
  const rounded = Number(abs.toPrecision(digits));
  const decimals = Math.max(0, Math.min(20, digits - 1 - Math.floor(Math.log10(rounded))));
  return rounded.toFixed(decimals);
}
var CENTS = { minimumFractionDigits: 2, maximumFractionDigits: 2 };
function formatUsd(value) {
  if (!finite(value)) return NO_VALUE;
  const abs = Math.abs(value);
  const belowDollar = significant(abs, 3);
  if (Number(belowDollar) === 0) return "$0";
  const sign = value < 0 ? "-" : "";
  if (Number(belowDollar) < 1) return `${sign}$${belowDollar}`;
  return `${sign}$${abs.toLocaleString("en-US", CENTS)}`;
}
function formatUsdDelta(value) {
  if (!finite(value)) return NO_VALUE;
  const text = formatUsd(value);
  return value > 0 && text !== "$0" ? `+${text}` : text;
}
var INVOCATIONS_PER_PRICE_UNIT = 1e6;
function costPerMillionUsd(costPerInvocationUsd) {
  return finite(costPerInvocationUsd) ? costPerInvocationUsd * INVOCATIONS_PER_PRICE_UNIT : null;
}
var MS_PER_SECOND = 1e3;
function formatMs(value) {
  if (!finite(value)) return NO_VALUE;
  const abs = Math.abs(value);
  const inMs = significant(abs, 3);
  const sign = value < 0 && Number(inMs) !== 0 ? "-" : "";
  if (Number(inMs) < MS_PER_SECOND) return `${sign}${inMs} ms`;
  const seconds = Number(abs.toPrecision(3)) / MS_PER_SECOND;
  return `${sign}${seconds >= 1e3 ? (abs / MS_PER_SECOND).toFixed(0) : significant(seconds, 3)} s`;
}
function formatPct(value, digits = 1) {
  if (!finite(value)) return NO_VALUE;
  const rounded = value.toFixed(digits);
  if (Number(rounded) === 0) return `${0 .toFixed(digits)}%`;
  return `${value > 0 ? "+" : ""}${rounded}%`;
}
function formatUnsignedPct(value, digits = 1) {
  if (!finite(value)) return NO_VALUE;
  return `${Math.abs(value).toFixed(digits)}%`;
}
function formatCount(value) {
  if (!finite(value)) return NO_VALUE;
  const abs = Math.abs(value);
  const scaled = (divisor, suffix) => {
    const text = (value / divisor).toFixed(abs / divisor >= 10 ? 0 : 1).replace(/\.0$/, "");
    return `${text}${suffix}`;
  };
  if (abs >= 1e9) return scaled(1e9, "B");
  if (abs >= 1e6) return scaled(1e6, "M");
  if (abs >= 1e4) return scaled(1e3, "k");
  return Math.round(value).toLocaleString("en-US");
}
function formatMemory(memoryMb) {
  return `${memoryMb} MB`;
}
function nonBreaking(text) {
  return text.replace(/ /g, "\xA0");
}
var MAX_INLINE_TEXT_CHARS = MAX_SHOWN_CHARS;
var ZERO_WIDTH_SPACE = "&#8203;";
function escapeMarkdown(text, maxChars = MAX_INLINE_TEXT_CHARS) {
  return inertText(text, maxChars).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/([\\`*_{}[\]()#+!~:$])/g, "\\$1").replace(/\b(www)\./gi, "$1\\.").replace(/@(?=\w)/g, `@${ZERO_WIDTH_SPACE}`).replace(/\\#(?=\d)/g, `\\#${ZERO_WIDTH_SPACE}`).replace(/\|/g, "&#124;");
}
function codeSpan(text, maxChars = MAX_INLINE_TEXT_CHARS) {
  const flat = inertText(text, maxChars).replace(/\|/g, "\\|");
  const longestRun = Math.max(0, ...Array.from(flat.matchAll(/`+/g), (match) => match[0].length));
  const fence = "`".repeat(longestRun + 1);
  const padded = flat.startsWith("`") || flat.endsWith("`") ? ` ${flat} ` : flat;
  return `${fence}${padded}${fence}`;
}
function escapeHtml(text, maxChars = Number.POSITIVE_INFINITY) {
  return inertText(text, maxChars).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}
function safeUrl(url) {
  if (!url) return null;
  if (!/^https?:\/\/[A-Za-z0-9.-]+(?::\d+)?(?:[/?#][A-Za-z0-9\-._~:/?#@!$&*+,;=%]*)?$/.test(url)) return null;
  return url;
}
function measuredInvocationsText(settings) {
  return settings.onlyColdStarts ? "cold starts, Init Duration included" : "warm invocations (cold starts have figures of their own)";
}
function capitalise(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
function lowerFirst(text) {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
function oneLine(text) {
  return text.replace(/\s*[\r\n]+\s*/g, " ").trim();
}
function formatConfidence(confidence, digits = 2) {
  return `${Number((confidence * 100).toFixed(digits))}%`;
}

export {
  MAX_SHOWN_CHARS,
  MAX_RAW_ERROR_TYPE_CHARS,
  truncateText,
  inertText,
  commandSafeLines,
  MAX_LOG_LINE_CHARS,
  newStopToken,
  formatUsd,
  formatUsdDelta,
  costPerMillionUsd,
  formatMs,
  formatPct,
  formatUnsignedPct,
  formatCount,
  formatMemory,
  nonBreaking,
  escapeMarkdown,
  codeSpan,
  escapeHtml,
  safeUrl,
  measuredInvocationsText,
  capitalise,
  lowerFirst,
  oneLine,
  formatConfidence
};
