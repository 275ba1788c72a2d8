// The one formatter set for every text a user reads: the reports (markdown, HTML, terminal), the gate's reasons, the
// recommendation's reason and the log. Pure. Text from users or functions goes through the one sanitiser
// (src/lib/untrusted.ts) before the escaping of each format.

import { inertText, MAX_SHOWN_CHARS } from './untrusted.js';

export { truncateText } from './untrusted.js';

const NO_VALUE = '–';

// One rule per kind of figure, so a figure reads the same in the headline, a gate reason, a table and the log:
// - money: cents from a dollar up ("$1,234.50", as money is written), three significant digits below a dollar
//   ("$0.00000210": a cost per invocation is millionths of a dollar, and cents would show "$0.00"). Trailing zeros
//   stay: they say the figure is known to three digits, and the figures of a column line up;
// - durations: three significant digits, in ms below one second and in s from one second ("4.57 ms", "45.7 ms",
//   "457 ms", "1.50 s", "12.3 s"). Lambda reports durations to 0.01 ms and run-to-run noise is over 1%, so a
//   fourth digit is noise and a third is not;
// - percentage changes: signed, one decimal ("+18.2%", "-3.0%"); a change that rounds to zero has no direction
//   and reads "0.0%", never "+0.0%" or "-0.0%";
// - confidence levels: as users write them, up to two decimals without trailing zeros ("95%", "99.75%").
// Figures are rounded before the unit or the sign is chosen, so 999.95 ms reads "1.00 s" (not "1000 ms") and
// $0.9999 reads "$1.00" (not "$1.000"). A missing or non-finite figure reads "–".

function finite(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** A positive number to `digits` significant digits, trailing zeros kept, never in exponent notation. */
function significant(abs: number, digits: number): string {
  // Below 5e-21 the 20 decimals toFixed is given below would show only zeros anyway.
  if (abs < 5e-21) return (0).toFixed(digits - 1);
  const rounded = Number(abs.toPrecision(digits));
  // At most 20 decimals: plenty for any figure this project prints (a request costs 2e-7 USD).
  const decimals = Math.max(0, Math.min(20, digits - 1 - Math.floor(Math.log10(rounded))));
  return rounded.toFixed(decimals);
}

const CENTS = { minimumFractionDigits: 2, maximumFractionDigits: 2 } as const;

/** Dollars: "$1,234.50", "$42.10", "$0.960", "$0.00000210", "$0", "-$3.00" (the rule above). */
export function formatUsd(value: number | null | undefined): string {
  if (!finite(value)) return NO_VALUE;
  const abs = Math.abs(value);
  const belowDollar = significant(abs, 3);
  if (Number(belowDollar) === 0) return '$0';
  const sign = value < 0 ? '-' : '';
  // Rounded first: $0.9996 is "$1.00" in cents, not "$1.000".
  if (Number(belowDollar) < 1) return `${sign}$${belowDollar}`;
  return `${sign}$${abs.toLocaleString('en-US', CENTS)}`;
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

const MS_PER_SECOND = 1000;

/** Milliseconds: "4.57 ms", "45.7 ms", "457 ms", "1.50 s", "12.3 s", "-1.50 s" (the rule above). */
export function formatMs(value: number | null | undefined): string {
  if (!finite(value)) return NO_VALUE;
  const abs = Math.abs(value);
  const inMs = significant(abs, 3);
  const sign = value < 0 && Number(inMs) !== 0 ? '-' : '';
  // Rounded first: 999.95 ms is "1.00 s", not "1000 ms".
  if (Number(inMs) < MS_PER_SECOND) return `${sign}${inMs} ms`;
  // From the rounded figure, so 9995 ms is "10.0 s" like 9995 rounds, whatever 9995 / 1000 is in floating point.
  const seconds = Number(abs.toPrecision(3)) / MS_PER_SECOND;
  return `${sign}${seconds >= 1000 ? (abs / MS_PER_SECOND).toFixed(0) : significant(seconds, 3)} s`;
}

/** GB-seconds, three significant digits like every measured figure: "0.0123 GB-s", "4.50 GB-s", "1,234 GB-s". */
export function formatGbSeconds(value: number | null | undefined): string {
  if (!finite(value)) return NO_VALUE;
  const text = significant(Math.abs(value), 3);
  if (Number(text) === 0) return '0 GB-s';
  return Number(text) >= 1000 ? `${Math.round(value).toLocaleString('en-US')} GB-s` : `${text} GB-s`;
}

/** Wall time as a clock is read: "42 s", "3 min 05 s", "1 h 02 min" (whole seconds; "0.4 s" below one). */
export function formatWallTime(seconds: number | null | undefined): string {
  if (!finite(seconds)) return NO_VALUE;
  if (seconds < 1) return `${Number(Math.max(0, seconds).toFixed(1))} s`;
  const whole = Math.round(seconds);
  if (whole < 60) return `${whole} s`;
  const pad = (value: number): string => String(value).padStart(2, '0');
  if (whole < 3600) return `${Math.floor(whole / 60)} min ${pad(whole % 60)} s`;
  const minutes = Math.round(whole / 60);
  return `${Math.floor(minutes / 60)} h ${pad(minutes % 60)} min`;
}

/** Signed percentage change: "+18.2%", "-3.0%", "0.0%". The minus is ASCII so the text stays greppable. */
export function formatPct(value: number | null | undefined, digits = 1): string {
  if (!finite(value)) return NO_VALUE;
  const rounded = value.toFixed(digits);
  if (Number(rounded) === 0) return `${(0).toFixed(digits)}%`;
  return `${value > 0 ? '+' : ''}${rounded}%`;
}

/** A share or the size of a change already put in words ("saves 12.3%"): one decimal, no sign. */
export function formatUnsignedPct(value: number | null | undefined, digits = 1): string {
  if (!finite(value)) return NO_VALUE;
  return `${Math.abs(value).toFixed(digits)}%`;
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

/** Keeps a figure and its unit (or an icon and its figure) on one line, e.g. in a narrow table column. */
export function nonBreaking(text: string): string {
  return text.replace(/ /g, '\u00a0');
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
  return (
    inertText(text, maxChars)
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/([\\`*_{}[\]()#+!~:$])/g, '\\$1')
      .replace(/\b(www)\./gi, '$1\\.')
      .replace(/@(?=\w)/g, `@${ZERO_WIDTH_SPACE}`)
      .replace(/\\#(?=\d)/g, `\\#${ZERO_WIDTH_SPACE}`)
      // Last: the entity's own '#' must not be escaped by the rules above.
      .replace(/\|/g, '&#124;')
  );
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

/** Which invocations the duration and cost figures come from (the rule in src/tuning/sample-rule.ts), in words. */
export function measuredInvocationsText(settings: { onlyColdStarts: boolean }): string {
  return settings.onlyColdStarts
    ? 'cold starts, Init Duration included'
    : 'warm invocations (cold starts have figures of their own)';
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

/**
 * 0.95 → "95%", 0.995 → "99.5%", 0.9975 → "99.75%": a confidence level as users wrote it (up to `digits` decimals,
 * no trailing zeros). Two by default: the inputs take up to 0.999, and one decimal would show 0.9975 as "99.8%".
 */
export function formatConfidence(confidence: number, digits = 2): string {
  return `${Number((confidence * 100).toFixed(digits))}%`;
}
