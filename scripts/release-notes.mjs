// `node scripts/release-notes.mjs 0.2.0`: prints CHANGELOG.md's section for that version (the text between its
// `## [0.2.0]` heading and the next `## ` heading), the GitHub release's notes in .github/workflows/release.yml.
// Exits 1 when the section is missing or empty, so a release cannot go out without notes.
import { readFileSync } from 'node:fs';

/** The body of the `## [version]` section of a Keep a Changelog file, trimmed; undefined when there is none. */
export function releaseNotes(changelog, version) {
  const lines = changelog.split('\n');
  const heading = new RegExp(`^## \\[?${version.replace(/[.+-]/g, '\\$&')}\\]?(\\s|$)`);
  const start = lines.findIndex((line) => heading.test(line));
  if (start < 0) return undefined;
  const end = lines.findIndex((line, index) => index > start && /^## /.test(line));
  const body = lines
    .slice(start + 1, end < 0 ? undefined : end)
    .filter((line) => !/^\[[^\]]+\]: /.test(line)) // the link references at the end of the file
    .join('\n')
    .trim();
  return body === '' ? undefined : body;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const version = (process.argv[2] ?? '').replace(/^v/, '');
  const notes = version ? releaseNotes(readFileSync('CHANGELOG.md', 'utf8'), version) : undefined;
  if (notes === undefined) {
    process.stderr.write(`release-notes: CHANGELOG.md has no section "## [${version}]" with text: add one\n`);
    process.exit(1);
  }
  process.stdout.write(`${notes}\n`);
}
