import { marked, type Token, type Tokens } from 'marked';
import { appVerdict, orderOutcomes, standingOf } from '../../src/gate/app.js';
import { APP_COMMENT_MAX_CHARS, renderAppReport } from '../../src/report/app.js';
import { renderAppHtmlReport } from '../../src/report/app-html.js';
import { markedBody } from '../../src/report/comment.js';
import { GITHUB_COMMENT_MAX_CHARS, GITHUB_SUMMARY_MAX_CHARS } from '../../src/report/limits.js';
import { renderReport } from '../../src/report/markdown.js';
import { renderAppTerminalTable } from '../../src/report/terminal.js';
import type { FunctionOutcome } from '../../src/types.js';
import { failed, measured, sixtyFunctionApp, threeFunctionApp, unchanged } from '../helpers/app-fixtures.js';
import { expectGolden, mermaidBlocks, mermaidParse } from '../helpers/golden.js';

const RUN_URL = 'https://github.com/acme/shop/actions/runs/123456789';
const MARKER = {
  key: 'shop',
  sha: 'bbbbbbb2222222222222222222222222222222222'.slice(0, 40),
  at: '2026-11-28T10:00:00Z',
};

function report(functions: FunctionOutcome[], extra: { maxChars?: number } = {}): string {
  return renderAppReport({
    key: 'shop',
    functions,
    verdict: appVerdict(functions),
    runUrl: RUN_URL,
    resultsArtifactHint: 'artifact lambda-power-gate-results',
    ...extra,
  });
}

/** The first GFM table of a markdown body, as marked (GitHub-flavoured) reads it. */
function firstTable(markdown: string): Tokens.Table {
  const table = marked.lexer(markdown, { gfm: true }).find((token: Token) => token.type === 'table');
  if (!table) throw new Error('no table');
  return table as Tokens.Table;
}

const cellText = (cell: Tokens.TableCell): string => cell.text;

describe('appVerdict', () => {
  test('the worst function decides; an unchanged function passes; the monthly change is the sum of the known ones', () => {
    const functions = threeFunctionApp();
    const verdict = appVerdict(functions);
    expect(verdict.level).toBe('fail');
    expect(verdict.counts).toEqual({ measured: 2, unchanged: 1, failed: 0, pass: 2, warn: 0, fail: 1 });
    // OrdersApi: 1.2 × 100 ms at 1024 MB, +$0.20 per 1M → +$2.00 at 10M; CatalogApi 0.75 × → -$2.49 (rounded ms).
    const known = functions.map((outcome) => outcome.verdict?.monthlyCostDeltaUsd ?? 0);
    expect(verdict.monthlyCostDeltaUsd).toBeCloseTo(
      known.reduce((a, b) => a + b, 0),
      6,
    );
    expect(verdict.monthlyCostDeltaUsd).toBeCloseTo(-0.49, 6);
    expect(verdict.reason).toBe(
      '1 of 3 functions regressed: OrdersApi (cost +20.0% at 1024 MB); 1 improved: CatalogApi (cost -24.9% at 1024 MB); 1 unchanged, not measured.',
    );
  });

  test('a function that could not be measured fails the app, by name and reason, even when the rest pass', () => {
    const verdict = appVerdict([measured('CatalogApi', 1), failed('OrdersApi', 'Task timed out after 3.00 seconds.')]);
    expect(verdict.level).toBe('fail');
    expect(verdict.counts).toMatchObject({ failed: 1, fail: 1, pass: 1 });
    expect(verdict.reason).toBe(
      '1 function could not be measured, which fails the gate: OrdersApi (Task timed out after 3.00 seconds); 1 passed.',
    );
  });

  test('an app of unchanged functions passes with no monthly change known', () => {
    const verdict = appVerdict([unchanged('A'), unchanged('B')]);
    expect(verdict).toEqual({
      level: 'pass',
      reason: 'No regression in 2 functions: 2 unchanged, not measured.',
      monthlyCostDeltaUsd: null,
      counts: { measured: 0, unchanged: 2, failed: 0, pass: 2, warn: 0, fail: 0 },
    });
  });

  test('an app with no function warns: a stack or a filter that matches nothing is most likely a mistake', () => {
    expect(appVerdict([])).toMatchObject({ level: 'warn', monthlyCostDeltaUsd: null });
  });

  test('the sentence names five functions of a kind and counts the rest', () => {
    const functions = Array.from({ length: 7 }, (_, i) => measured(`Fn${i}`, 1.3));
    expect(appVerdict(functions).reason).toMatch(
      /^7 of 7 functions regressed: Fn0 \(cost \+30\.0% at 1024 MB\), .*Fn4 \(cost \+30\.0% at 1024 MB\) and 2 more\.$/,
    );
  });

  test('keys and failure texts are made inert in the sentence', () => {
    const verdict = appVerdict([failed('Evil\u001b[31m\nKey', 'line one\nline two \u202e')]);
    for (const char of ['\u001b', '\n', '\u202e']) expect(verdict.reason).not.toContain(char);
    expect(verdict.reason).toContain('Evil Key (line one line two \\u202E)');
  });

  test('report order: fail, warn, failed, pass, unchanged; then by key', () => {
    const functions = [
      unchanged('A'),
      measured('B', 1),
      failed('C', 'x'),
      measured('D', 1.04),
      measured('Z', 1.3),
      measured('E', 1.3),
    ];
    expect(orderOutcomes(functions).map((outcome) => `${standingOf(outcome)}:${outcome.key}`)).toEqual([
      'fail:E',
      'fail:Z',
      'warn:D',
      'failed:C',
      'pass:B',
      'unchanged:A',
    ]);
  });
});

describe('the app comment (golden files)', () => {
  test('app-1.md: one function keeps its whole single report, folded under its row', () => {
    const functions = [measured('OrdersApi', 1.2)];
    const body = report(functions);
    const [only] = functions;
    expect(body).toContain(
      renderReport({ result: only!.result!, verdict: only!.verdict, baseline: only!.baseline }).trimEnd(),
    );
    expect(markedBody(body, MARKER).truncated).toBe(false);
    expectGolden('app-1.md', body);
  });

  test('app-3.md: unchanged, improved and regressed → fail, worst first, every report in full', () => {
    const body = report(threeFunctionApp());
    expect(body.split('\n')[0]).toBe('### ❌ `shop` (3 functions): fail, -$0.490/month in all');
    const table = firstTable(body);
    expect(table.rows.map((row) => row.map(cellText).slice(1, 2))).toEqual([
      ['❌ fail'],
      ['✅ pass'],
      ['➖ unchanged, not measured'],
    ]);
    expect(body.match(/<summary>Full statistics, settings, prices and baseline<\/summary>/g)).toHaveLength(3);
    expect(body).not.toContain('[!NOTE]');
    expectGolden('app-3.md', body);
  });

  test('app-60.md: under the limit, the worst reports kept, the rest pointed to, every function with its row', () => {
    const functions = sixtyFunctionApp();
    const body = report(functions);
    const { body: posted, truncated } = markedBody(body, MARKER);
    expect(truncated).toBe(false);
    expect(posted.length).toBeLessThanOrEqual(GITHUB_COMMENT_MAX_CHARS);
    expect(body.length).toBeLessThanOrEqual(APP_COMMENT_MAX_CHARS);

    // Every function has its row, in a table GitHub reads as one: 60 rows of 6 cells.
    const table = firstTable(body);
    expect(table.header).toHaveLength(6);
    expect(table.rows).toHaveLength(60);
    expect(table.rows.every((row) => row.length === 6)).toBe(true);
    const ordered = orderOutcomes(functions);
    expect(table.rows.map((row) => row[0]!.text.split('<br>')[0])).toEqual(ordered.map((o) => `\`${o.key}\``));

    // The regressed, warning and failed functions keep their full report; the report order is the table's.
    const summaries = Array.from(body.matchAll(/^<details><summary>\S+ <code>([^<]+)<\/code>/gm), (m) => m[1]);
    expect(summaries).toEqual(ordered.slice(0, summaries.length).map((o) => o.key));
    const worst = ordered.filter((o) => ['fail', 'warn', 'failed'].includes(standingOf(o)));
    expect(worst).toHaveLength(10);
    const full = body.split(/^<details><summary>(?=\S+ <code>)/m).slice(1);
    for (const [index, outcome] of worst.entries()) {
      expect(full[index]).toContain(`<code>${outcome.key}</code>`);
      if (outcome.status === 'measured')
        expect(full[index]).toContain('Full statistics, settings, prices and baseline');
    }
    expect(summaries.length).toBeLessThan(60);
    // Shortened function by function: after the full reports, the compact form (no charts or statistics) while it fits.
    const firstCompact = full.findIndex((block) => block.includes('are left out here'));
    expect(firstCompact).toBeGreaterThan(0);
    expect(full.slice(firstCompact).every((block) => block.includes('are left out here'))).toBe(true);
    expect(full.slice(0, firstCompact).join('')).not.toContain('are left out here');
    expect(body).toContain(
      `> ${60 - summaries.length} functions of 60 have their row above but no report here, to stay within GitHub's comment size limit; every function's full report is in the job summary and the results artifact (artifact lambda-power-gate-results).`,
    );
    expect(body.match(/<details>/g)?.length).toBe(body.match(/<\/details>/g)?.length);
    expect((body.match(/^```/gm)?.length ?? 0) % 2).toBe(0);
    expectGolden('app-60.md', body);
  });

  test('the job summary, with its own limit, holds all 60 reports in full', () => {
    const body = report(sixtyFunctionApp(), { maxChars: GITHUB_SUMMARY_MAX_CHARS });
    expect(body.match(/<summary>Full statistics, settings, prices and baseline<\/summary>/g)).toHaveLength(58);
    expect(body).not.toContain('[!NOTE]');
    expect(body).not.toContain('left out here');
  });

  test('an app too big for even its table is cut to the limit, closed, with a notice', () => {
    const functions = Array.from({ length: 600 }, (_, i) =>
      failed(`${'K'.repeat(120)}${String(i).padStart(3, '0')}`, 'x'.repeat(200)),
    );
    const body = report(functions);
    expect(body.length).toBeLessThanOrEqual(APP_COMMENT_MAX_CHARS);
    expect(body).toContain("This report was cut to fit GitHub's size limit");
  });

  test("every mermaid chart of the 1, 3 and 60-function comments is accepted by mermaid's own parser", () => {
    const diagrams = [
      ...mermaidBlocks(report([measured('OrdersApi', 1.2)])),
      ...mermaidBlocks(report(threeFunctionApp())),
      ...mermaidBlocks(report(sixtyFunctionApp())),
    ];
    expect(diagrams.length).toBeGreaterThanOrEqual(2 + 6 + 16);
    expect(mermaidParse(diagrams)).toEqual(diagrams.map(() => ({ ok: true, diagramType: 'xychart' })));
  });

  test('keys, function names and failures from a stack stay inert inside their cells', () => {
    const hostile = failed(
      'Orders|Api',
      '<img src=x onerror=alert(1)> | @octocat #1 `code`\n# heading',
      'name|<b>x</b>',
    );
    const body = report([hostile, measured('CatalogApi', 1)]);
    const table = firstTable(body);
    expect(table.rows).toHaveLength(2);
    expect(table.rows.every((row) => row.length === 6)).toBe(true);
    const html = marked.parse(body, { gfm: true, async: false });
    expect(html).not.toMatch(/<img|<b>x|<h1>heading/);
    expect(body).toContain('@&#8203;octocat');
  });
});

describe('the app HTML page', () => {
  test('self-contained, one row and one section per function, anchors by position, text escaped', () => {
    const functions = [...threeFunctionApp(), failed('Pay<b>ments', 'Could not prepare <i>version</i>')];
    const html = renderAppHtmlReport({ key: 'shop', functions, verdict: appVerdict(functions), runUrl: RUN_URL });
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    expect(html).not.toMatch(/<script|<b>ments|<i>version/);
    expect(html.match(/<section class="fn /g)).toHaveLength(4);
    expect(Array.from(html.matchAll(/<a href="#(fn-\d+)">/g), (m) => m[1])).toEqual(['fn-1', 'fn-2', 'fn-3', 'fn-4']);
    expect(html).toContain(
      '<section class="fn level-fail" id="fn-2"><div class="banner"><h1>💥 <code>Pay&lt;b&gt;ments</code>: failed</h1>',
    );
    expect(html).toContain(
      'unchanged, not measured</h1><p>The same code and configuration as the baseline function shop-pr-42-UsersApi-1A2B3C-staging',
    );
  });
});

describe('the app terminal table', () => {
  test('one row per function, worst first, the verdict below; untrusted text inert', () => {
    const functions = [...threeFunctionApp(), failed('Pay\u001b[2Jments', 'boom\nagain')];
    const lines = renderAppTerminalTable(functions, appVerdict(functions)).split('\n');
    expect(lines.slice(0, 5).map((line) => line.split(/\s{2,}/).slice(0, 2))).toEqual([
      ['function', 'verdict'],
      ['OrdersApi', 'fail'],
      ['Payments', 'failed: boom again'],
      ['CatalogApi', 'pass'],
      ['UsersApi', 'unchanged, not measured'],
    ]);
    expect(lines.join('\n')).not.toContain('\u001b');
    expect(lines.at(-1)).toMatch(/^fail, -\$0\.490\/month in all: 1 of 4 functions regressed: OrdersApi /);
  });
});
