import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);

// src/report/limits.ts
var GITHUB_COMMENT_MAX_CHARS = 65536;
var GITHUB_SUMMARY_MAX_CHARS = 1048576;
function fitToLimit(markdown, maxChars, fullReportWhere = "the job summary and in report.md") {
  if (markdown.length <= maxChars) return markdown;
  const notice = `

> [!WARNING]
> This report was cut to fit GitHub's size limit; the full report is in ${fullReportWhere}.
`;
  const closersReserve = 64;
  const budget = Math.max(0, maxChars - notice.length - closersReserve);
  let kept = markdown.slice(0, budget);
  const lastNewline = kept.lastIndexOf("\n");
  if (lastNewline > budget / 2) kept = kept.slice(0, lastNewline);
  if (/[\uD800-\uDBFF]$/.test(kept)) kept = kept.slice(0, -1);
  let closers = "";
  const fences = kept.split("\n").filter((line) => /^\s*```/.test(line)).length;
  if (fences % 2 === 1) closers += "\n```";
  const openDetails = (kept.match(/<details>/g) ?? []).length - (kept.match(/<\/details>/g) ?? []).length;
  for (let i = 0; i < openDetails; i++) closers += "\n\n</details>";
  return `${kept}${closers}${notice}`;
}

export {
  GITHUB_COMMENT_MAX_CHARS,
  GITHUB_SUMMARY_MAX_CHARS,
  fitToLimit
};
