// The one sanitiser and every writer behind it, fed hostile text: what a pull request's function can put in its
// error type and message. Cases first (each a shape seen in the security review), then properties over random text.

import fc from 'fast-check';
import { writeLines } from '../../src/cli.js';
import { actionLog } from '../../src/action/log.js';
import { commandSafeLines, inertText, MAX_LOG_LINE_CHARS, startsWorkflowCommand } from '../../src/lib/untrusted.js';
import { codeSpan, escapeHtml, escapeMarkdown } from '../../src/lib/format.js';
import { renderHtmlReport } from '../../src/report/html.js';
import { renderFailureReport, renderReport } from '../../src/report/markdown.js';
import { renderTerminalTable } from '../../src/report/terminal.js';
import { failedPowerValueScenario, type Scenario } from '../helpers/fixtures.js';
import { ACTION_COMMANDS, executedCommands, UNSAFE_CHARS } from '../helpers/runner-log.js';

/** The texts the security review injected (issue 11), as a function would return them. */
export const HOSTILE_TEXTS = [
  'x\n::stop-commands::pwnd',
  'x\n::set-output name=verdict::pass',
  'x\n::error::forged annotation',
  'x\n    ::warning::indented',
  'x\n##[error]legacy form',
  'x ##[set-output name=verdict;]pass',
  'x%0A::error::encoded%0D%0A::warning::',
  'x\r::add-mask::hide-everything',
  'x\u2028::error::line separator',
  'x\u0085::error::next line',
  'evil\u202Efdp.exe',
  'a\u2066isolate\u2069b',
  '\u001b[31mred\u001b[0m \u001b[2J\u001b[H',
  '\u001b]8;;https://evil.example\u0007click\u001b]8;;\u0007',
  'bell\u0007\u0008back',
  'c1\u009b31m',
  'tag\udb40\udc41chars',
  'lone\ud800surrogate',
  '`code` </details> <script>alert(1)</script> @octocat #1 | [x](https://evil.example)',
];

describe('inertText', () => {
  it.each([
    ['line breaks of every kind become spaces', 'a\r\nb\nc\rd\u000be\u000cf\u0085g\u2028h\u2029i', 'a b c d e f g h i'],
    ['ANSI colours and screen control are removed', '\u001b[31mred\u001b[0m\u001b[2J', 'red'],
    ['OSC-8 hyperlinks keep their text only', '\u001b]8;;https://evil.example\u0007click\u001b]8;;\u0007', 'click'],
    ['an RTL override is shown, not applied', 'evil\u202Efdp.exe', 'evil\\u202Efdp.exe'],
    ['bidi isolates are shown', 'a\u2066b\u2069c', 'a\\u2066b\\u2069c'],
    ['BEL, backspace and a stray ESC are shown', 'x\u0007y\u0008z\u001b', 'x\\u0007y\\u0008z\\u001B'],
    ['a C1 CSI sequence is removed, other C1 controls are shown', 'a\u009b31mb\u0080c\u0085', 'ab\\u0080c '],
    ['tag characters (hidden ASCII) are shown', 'a\udb40\udc41b', 'a\\u{E0041}b'],
    ['a lone surrogate becomes U+FFFD', 'a\ud800b\udc00c', 'a\ufffdb\ufffdc'],
    ['tabs become spaces', 'a\tb', 'a b'],
    ['ordinary Unicode stays: accents, CJK, emoji with joiners', 'café 東京 👩‍👩‍👧 ✓', 'café 東京 👩‍👩‍👧 ✓'],
  ])('%s', (_what, input, expected) => {
    expect(inertText(input)).toBe(expected);
  });

  it('caps the length at a character boundary', () => {
    expect(inertText('x'.repeat(100_000), 300)).toHaveLength(300);
    expect(inertText('x'.repeat(100_000), 300).endsWith('…')).toBe(true);
    expect(Array.from(inertText('👍'.repeat(500), 10))).toHaveLength(10);
  });
});

describe('commandSafeLines: the runner log', () => {
  const token = () => 'TOKEN0123456789';

  it('prints ordinary text as one line, unchanged', () => {
    expect(commandSafeLines('128 MB ready: version 3', token)).toEqual(['128 MB ready: version 3']);
  });

  it.each([
    ['::stop-commands::pwnd'],
    ['   ::warning::indented'],
    ['##[error]legacy'],
    ['Gate: fail. 128 MB failed with x ##[set-output name=verdict;]pass'],
  ])('wraps %j between stop-commands and its token, text unchanged', (text) => {
    expect(commandSafeLines(text, token)).toEqual(['::stop-commands::TOKEN0123456789', text, '::TOKEN0123456789::']);
  });

  it('draws another token when the text contains the first', () => {
    const tokens = ['abc', 'abc', 'def'];
    expect(commandSafeLines('::abc:: ##[x]', () => tokens.shift() ?? 'zzz')[0]).toBe('::stop-commands::def');
  });

  it.each(HOSTILE_TEXTS.map((text) => [text]))('no command runs from a gate reason quoting %j', (text) => {
    const lines = commandSafeLines(
      `Gate: fail. The PR fails at 128 MB, where the baseline succeeded: failed with ${text}.`,
      token,
    );
    expect(executedCommands(lines).filter((command) => !ACTION_COMMANDS.has(command.name))).toEqual([]);
    expect(lines.join('\n')).not.toMatch(UNSAFE_CHARS);
  });
});

/** Captures what the action's log (runner.ts) writes to stdout while fn runs. */
function captureStdout(fn: () => void): string[] {
  const chunks: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  }) as typeof process.stdout.write;
  try {
    fn();
  } finally {
    process.stdout.write = write;
  }
  const exitCode = process.exitCode;
  if (exitCode !== undefined) process.exitCode = undefined;
  return chunks.join('').split('\n').slice(0, -1);
}

/** Collects what the CLI writes. */
function captureStream(fn: (stream: NodeJS.WritableStream) => void): string[] {
  const chunks: string[] = [];
  fn({ write: (chunk: string) => chunks.push(chunk) > 0 } as unknown as NodeJS.WritableStream);
  return chunks.join('').split('\n').slice(0, -1);
}

/** A report whose every function-controlled field carries the text. */
function hostileScenario(raw: string): Scenario {
  // Never empty: an empty text legitimately drops a line (no baseline description), which is not what is tested.
  const text = `«${raw}»`;
  const scenario = failedPowerValueScenario();
  const failed = scenario.result.powerValues[0];
  if (!failed) throw new Error('fixture changed');
  failed.failureReason = `failed with ${text} (invocation 1 of 10)`;
  failed.errorTypes = { [text]: 3 };
  failed.samples = [
    { durationMs: 0, billedDurationMs: 0, errorType: text, errorMessage: text, payloadIndex: 0, coldStart: false },
  ];
  scenario.result.settings.allowedExceptions = [text];
  if (scenario.result.recommendation) scenario.result.recommendation.reason = text;
  if (scenario.verdict) {
    scenario.verdict.reason = `The PR fails at 128 MB: ${text}.`;
    scenario.verdict.baselineDescription = text;
    scenario.verdict.comparisons = scenario.verdict.comparisons.map((row) => ({
      ...row,
      reason: text,
      metric: `${row.metric} ${text}`,
    }));
  }
  return scenario;
}

/** The HTML tags of a page, in order: untrusted text must add none. */
const tagsOf = (html: string): string[] =>
  Array.from(html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)/g), (match) => match[0]);

const hostileArbitrary = fc.oneof(
  fc
    .array(
      fc.constantFrom(
        ...HOSTILE_TEXTS,
        '\n',
        '\r',
        '::',
        '##[',
        '%0A',
        '`',
        '</details>',
        '\u202e',
        '\u001b[',
        '\u0007',
        '|',
        ' ',
        'a',
      ),
      { maxLength: 12 },
    )
    .map((parts) => parts.join('')),
  fc.string({ unit: 'binary', maxLength: 60 }),
);

describe('every writer, fed random hostile text', () => {
  const benign = hostileScenario('benign');
  const benignMarkdown = renderReport(benign);
  const benignHtmlTags = tagsOf(renderHtmlReport(benign));

  it('markdown (comment, summary, report.md): no control character, no new line, no new block or tag', () => {
    fc.assert(
      fc.property(hostileArbitrary, (text) => {
        const markdown = renderReport(hostileScenario(text));
        expect(markdown).not.toMatch(UNSAFE_CHARS);
        expect(markdown.split('\n')).toHaveLength(benignMarkdown.split('\n').length);
        expect(markdown.split('\n').filter(startsWorkflowCommand)).toEqual([]);
        expect((markdown.match(/<\/details>/g) ?? []).length).toBe((benignMarkdown.match(/<\/details>/g) ?? []).length);
        const failure = renderFailureReport(text);
        expect(failure).not.toMatch(UNSAFE_CHARS);
        expect(failure.split('\n').filter(startsWorkflowCommand)).toEqual([]);
        for (const inline of [escapeMarkdown(text), codeSpan(text)]) {
          expect(inline).not.toMatch(UNSAFE_CHARS);
          expect(inline).not.toContain('\n');
        }
      }),
      { numRuns: 150 },
    );
  });

  it('report.html: no control character and exactly the tags of a benign report', () => {
    fc.assert(
      fc.property(hostileArbitrary, (text) => {
        const html = renderHtmlReport(hostileScenario(text));
        expect(html).not.toMatch(UNSAFE_CHARS);
        expect(tagsOf(html)).toEqual(benignHtmlTags);
        expect(escapeHtml(text)).not.toMatch(/[<>"'\n]/);
      }),
      { numRuns: 150 },
    );
  });

  it('the runner log: only the action’s own commands run, annotations are capped', () => {
    fc.assert(
      fc.property(hostileArbitrary, (text) => {
        const lines = captureStdout(() => {
          actionLog.info(`Gate: fail. 128 MB failed with ${text}`);
          actionLog.info(text);
          actionLog.warning(`No baseline: ${text}`);
          actionLog.notice(text);
          actionLog.setFailed(`Regression gate failed: ${text}`);
        });
        const commands = executedCommands(lines);
        expect(commands.filter((command) => !ACTION_COMMANDS.has(command.name))).toEqual([]);
        expect(lines.join('\n')).not.toMatch(UNSAFE_CHARS);
        for (const command of commands) expect(command.data.length).toBeLessThanOrEqual(MAX_LOG_LINE_CHARS * 3 + 100);
      }),
      { numRuns: 150 },
    );
  });

  it('the CLI: terminal table and messages carry no escape sequence and start no command', () => {
    fc.assert(
      fc.property(hostileArbitrary, (text) => {
        const lines = captureStream((stream) => {
          writeLines(stream, renderTerminalTable(hostileScenario(text).result));
          writeLines(stream, `lambda-power-gate: Every memory size failed: 128 MB failed with ${text}`);
        });
        expect(executedCommands(lines).filter((command) => !ACTION_COMMANDS.has(command.name))).toEqual([]);
        expect(lines.join('\n')).not.toMatch(UNSAFE_CHARS);
      }),
      { numRuns: 150 },
    );
  });

  it('a 100 KB error type becomes a capped annotation, not a 300 KB one', () => {
    const lines = captureStdout(() =>
      actionLog.setFailed(`Every memory size failed: 128 MB failed with ${'%'.repeat(100_000)}`),
    );
    expect(lines).toHaveLength(1);
    // core escapes each % as %25: the cap applies before, so the line is at most three times the cap.
    expect(lines[0]?.length ?? 0).toBeLessThanOrEqual(MAX_LOG_LINE_CHARS * 3 + 20);
  });
});
