// GitHub's size limits on what the report is posted into, and the one way a report is cut to fit them.

/** GitHub rejects a comment body longer than this many characters. */
export const GITHUB_COMMENT_MAX_CHARS = 65_536;
/** GitHub's limit on one step's job summary is 1 MiB; characters never exceed bytes, so this is safe. */
export const GITHUB_SUMMARY_MAX_CHARS = 1_048_576;

/**
 * Cuts markdown to at most maxChars, at a line boundary, closing any code fence or <details> left open, and
 * ends it with a visible notice. The report puts its least important parts last, so the cut takes those.
 */
export function fitToLimit(
  markdown: string,
  maxChars: number,
  fullReportWhere = 'the job summary and in report.md',
): string {
  if (markdown.length <= maxChars) return markdown;
  const notice = `\n\n> [!WARNING]\n> This report was cut to fit GitHub's size limit; the full report is in ${fullReportWhere}.\n`;
  const closersReserve = 64;
  const budget = Math.max(0, maxChars - notice.length - closersReserve);
  let kept = markdown.slice(0, budget);
  const lastNewline = kept.lastIndexOf('\n');
  if (lastNewline > budget / 2) kept = kept.slice(0, lastNewline);
  // Never leave half a surrogate pair at the end (a line longer than half the budget is cut mid-line).
  if (/[\uD800-\uDBFF]$/.test(kept)) kept = kept.slice(0, -1);
  let closers = '';
  const fences = kept.split('\n').filter((line) => /^\s*```/.test(line)).length;
  if (fences % 2 === 1) closers += '\n```';
  const openDetails = (kept.match(/<details>/g) ?? []).length - (kept.match(/<\/details>/g) ?? []).length;
  for (let i = 0; i < openDetails; i++) closers += '\n\n</details>';
  return `${kept}${closers}${notice}`;
}
