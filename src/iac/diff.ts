// Which lines of a file a review comment may point at: GitHub accepts `line` with `side: RIGHT` only on a line of
// the pull request's diff — an added line or a context line inside a hunk of the file's patch — and answers 422
// "pull_request_review_thread.line must be part of the diff" otherwise (gitgitgadget/git#1444, 2022). The patch
// is the `patch` field of GET /repos/{owner}/{repo}/pulls/{pull_number}/files; GitHub leaves it out for a binary
// file or a diff too large to show (octokit/octokit.net#1521; tsantalis/RefactoringMiner#1108, 2026): such a file
// has no line to comment on.

/** The right side's lines in the diff, by line number, with their text (to check the checkout agrees). */
export function rightSideLines(patch: string | undefined): Map<number, string> {
  const lines = new Map<number, string>();
  if (!patch) return lines;
  let right = 0;
  let inHunk = false;
  const rows = patch.replace(/\n$/, '').split('\n');
  for (const row of rows) {
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(row);
    if (hunk) {
      right = Number(hunk[1]);
      inHunk = true;
      continue;
    }
    if (!inHunk) continue;
    const sign = row[0];
    if (sign === '+' || sign === ' ') {
      lines.set(right, row.slice(1).replace(/\r$/, ''));
      right++;
    } else if (sign === '\\' || sign === '-') {
      // "\ No newline at end of file", or a line only the left side has.
    } else if (row === '') {
      // A context line that was empty may come without its leading space.
      lines.set(right, '');
      right++;
    }
  }
  return lines;
}

/** A patch that adds a whole file (status added), as GitHub shows one: for tests and the demo. */
export function addedFilePatch(text: string): string {
  const rows = text.replace(/\n$/, '').split('\n');
  return [`@@ -0,0 +1,${rows.length} @@`, ...rows.map((row) => `+${row}`)].join('\n');
}
