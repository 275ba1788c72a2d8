// Number and text formatting shared by every report (markdown, HTML, terminal). Pure. Text from users or functions
// goes through the one sanitiser (src/lib/untrusted.ts) before the escaping of each format.

import { inertText, MAX_SHOWN_CHARS } from './untrusted.js';

export { truncateText } from './untrusted.js';

const NO_VALUE = '–';

function finite(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/**
 * Dollar amounts span $0.0000002 (one request) to thousands a month: two decimals from a dollar up, three
 * significant digits below (at least two decimals), never exponent notation.
 */
export function formatUsd(value: number | null | undefined): string {
  if (!finite(value)) return NO_VALUE;
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  if (abs === 0) return '$0';
  if (abs >= 1) return `${sign}$${abs.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  // Below a dollar (a cost per 1M invocations, say) two decimals hide a 1% change: keep 3 significant digits.
  const digits = Math.max(2, Math.min(20, 2 - Math.floor(Math.log10(abs))));
  return `${sign}$${Number(abs.toPrecision(3)).toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })}`;
}

/** Like formatUsd with an explicit sign, for changes: "+$42.10", "-$3.00". */
export function formatUsdDelta(value: number | null | undefined): string {
  if (!finite(value)) return NO_VALUE;
  const text = formatUsd(value);
  return value > 0 && text !== '$0' ? `+${text}` : text;
}

/** Cost per invocation is a 7-digit fraction of a dollar; per million invocations it reads like a price. */
export const INVOCATIONS_PER_PRICE_UNIT = 1_000_000;

export function costPerMillionUsd(costPerInvocationUsd: number | null | undefined): number | null {
  return finite(costPerInvocationUsd) ? costPerInvocationUsd * INVOCATIONS_PER_PRICE_UNIT : null;
}

export function formatMs(value: number | null | undefined): string {
  if (!finite(value)) return NO_VALUE;
  if (Math.abs(value) >= 10_000) return `${(value / 1000).toFixed(1)} s`;
  if (Math.abs(value) >= 1000) return `${(value / 1000).toFixed(2)} s`;
  if (Math.abs(value) >= 100) return `${value.toFixed(0)} ms`;
  return `${value.toFixed(1)} ms`;
}

/** Signed percentage: "+18.2%", "-3.0%", "0.0%". The minus is ASCII so the text stays greppable. */
export function formatPct(value: number | null | undefined, digits = 1): string {
  if (!finite(value)) return NO_VALUE;
  const rounded = value.toFixed(digits);
  if (Number(rounded) === 0) return `${(0).toFixed(digits)}%`;
  return `${value > 0 ? '+' : ''}${rounded}%`;
}

/** Counts as people say them: 950, 12k, 1.5M, 10M. */
export function formatCount(value: number | null | undefined): string {
  if (!finite(value)) return NO_VALUE;
  const abs = Math.abs(value);
  const scaled = (divisor: number, suffix: string) => {
    const text = (value / divisor).toFixed(abs / divisor >= 10 ? 0 : 1).replace(/\.0$/, '');
    return `${text}${suffix}`;
  };
  if (abs >= 1e9) return scaled(1e9, 'B');
  if (abs >= 1e6) return scaled(1e6, 'M');
  if (abs >= 1e4) return scaled(1e3, 'k');
  return Math.round(value).toLocaleString('en-US');
}

export function formatMemory(memoryMb: number): string {
  return `${memoryMb} MB`;
}

/** The longest piece of user or function text any report shows inline; the rest is in results.json. */
export const MAX_INLINE_TEXT_CHARS = MAX_SHOWN_CHARS;

const ZERO_WIDTH_SPACE = '&#8203;';

/**
 * Text that came from users or functions (names, error types and messages, descriptions), made inert inside
 * GitHub markdown, in a paragraph, a list item or a table cell alike:
 * - HTML special characters become entities, so no tag, comment or attribute can open;
 * - markdown punctuation is backslash-escaped, so no emphasis, link, image, code span, math ($), emoji
 *   shortcode (:x:) or autolink (scheme:// and www.) forms;
 * - '|' becomes an entity (a backslash does not protect it in every table context);
 * - control, bidi and invisible characters and escape sequences are removed or shown (inertText), and line breaks
 *   become spaces, so a block (heading, list, fence, quote) can never start;
 * - '@name' and '#123' get a zero-width space after the sign: GitHub links mentions and references in the
 *   rendered text, after markdown escapes are gone, so only a character in between stops a notification.
 * Long text is cut to MAX_INLINE_TEXT_CHARS first.
 */
export function escapeMarkdown(text: string, maxChars = MAX_INLINE_TEXT_CHARS): string {
  return inertText(text, maxChars)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/([\\`*_{}[\]()#+!~:$])/g, '\\$1')
    .replace(/\b(www)\./gi, '$1\\.')
    .replace(/@(?=\w)/g, `@${ZERO_WIDTH_SPACE}`)
    .replace(/\\#(?=\d)/g, `\\#${ZERO_WIDTH_SPACE}`)
    // Last: the entity's own '#' must not be escaped by the rules above.
    .replace(/\|/g, '&#124;');
}

/**
 * A code span holding text exactly (identifiers such as a function name or an ARN). Backslashes and entities
 * are literal inside a code span, so escaping would show; instead the fence is one backtick longer than any
 * run of backticks in the text. '|' is backslash-escaped, which GitHub tables honour even inside code spans.
 */
export function codeSpan(text: string, maxChars = MAX_INLINE_TEXT_CHARS): string {
  const flat = inertText(text, maxChars).replace(/\|/g, '\\|');
  const longestRun = Math.max(0, ...Array.from(flat.matchAll(/`+/g), (match) => match[0].length));
  const fence = '`'.repeat(longestRun + 1);
  const padded = flat.startsWith('`') || flat.endsWith('`') ? ` ${flat} ` : flat;
  return `${fence}${padded}${fence}`;
}

/** Text for HTML element content and quoted attribute values: made inert, then entity-escaped. */
export function escapeHtml(text: string, maxChars = Number.POSITIVE_INFINITY): string {
  return inertText(text, maxChars)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * A URL safe to put in a markdown link or an href: http(s) only and no character that could end the link
 * destination or the attribute. Anything else (a results file from a fork is untrusted) gives null.
 */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  if (!/^https?:\/\/[A-Za-z0-9.-]+(?::\d+)?(?:[/?#][A-Za-z0-9\-._~:/?#@!$&*+,;=%]*)?$/.test(url)) return null;
  return url;
}

/** Which invocations the duration and cost figures come from (the rule in src/tuning/samples.ts), in words. */
export function measuredInvocationsText(settings: { onlyColdStarts: boolean }): string {
  return settings.onlyColdStarts ? 'cold starts, Init Duration included' : 'warm invocations (cold starts have figures of their own)';
}

/** "Cost rose…" from "cost rose…": sentences built from parts start with a capital. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "…, and cost per invocation…" from "Cost per invocation…": a part reused inside a sentence. */
export function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** Joins text onto one line (a reason, a message) so it fits a table cell or a log line. */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/** 0.95 → "95%", 0.995 → "99.5%": a confidence level as users wrote it (up to `digits` decimals, no trailing zeros). */
export function formatConfidence(confidence: number, digits = 1): string {
  return `${Number((confidence * 100).toFixed(digits))}%`;
}
