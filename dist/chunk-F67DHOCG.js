import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  MAX_SHOWN_CHARS,
  inertText
} from "./chunk-TM45P2KR.js";

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
function formatGbSeconds(value) {
  if (!finite(value)) return NO_VALUE;
  const text = significant(Math.abs(value), 3);
  if (Number(text) === 0) return "0 GB-s";
  return Number(text) >= 1e3 ? `${Math.round(value).toLocaleString("en-US")} GB-s` : `${text} GB-s`;
}
function formatWallTime(seconds) {
  if (!finite(seconds)) return NO_VALUE;
  if (seconds < 1) return `${Number(Math.max(0, seconds).toFixed(1))} s`;
  const whole = Math.round(seconds);
  if (whole < 60) return `${whole} s`;
  const pad = (value) => String(value).padStart(2, "0");
  if (whole < 3600) return `${Math.floor(whole / 60)} min ${pad(whole % 60)} s`;
  const minutes = Math.round(whole / 60);
  return `${Math.floor(minutes / 60)} h ${pad(minutes % 60)} min`;
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
  formatUsd,
  formatUsdDelta,
  costPerMillionUsd,
  formatMs,
  formatGbSeconds,
  formatWallTime,
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
