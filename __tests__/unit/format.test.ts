import { marked } from 'marked';
import {
  codeSpan,
  escapeHtml,
  escapeMarkdown,
  formatConfidence,
  formatCount,
  formatGbSeconds,
  formatMs,
  formatPct,
  formatUsd,
  formatUsdDelta,
  formatUnsignedPct,
  formatWallTime,
  safeUrl,
  truncateText,
} from '../../src/lib/format.js';

// One rule per kind of figure (src/lib/format.ts): the report, the gate's reasons and the recommendation's reason
// all print a figure with these, so the same figure reads the same everywhere in one comment.
describe('numbers', () => {
  test('formatUsd: cents from $1, three significant digits below, never an exponent', () => {
    expect([1234.5, 42.1, 1, 0.9604, 0.5, 0.0512, 0.0000421, 0.0000021, 0.0000002, 2.1e-9, 0].map(formatUsd)).toEqual([
      '$1,234.50',
      '$42.10',
      '$1.00',
      '$0.960',
      '$0.500',
      '$0.0512',
      '$0.0000421',
      '$0.00000210',
      '$0.000000200',
      '$0.00000000210',
      '$0',
    ]);
  });

  test("formatUsd: thousands separators and cents at every size (the gate's monthly figures and the report's agree)", () => {
    expect([1234.5, 1234.504, 1234.505, 999.994, 999.995, 1_234_567.891].map(formatUsd)).toEqual([
      '$1,234.50',
      '$1,234.50',
      '$1,234.51',
      '$999.99',
      '$1,000.00',
      '$1,234,567.89',
    ]);
  });

  test('formatUsd: a figure that rounds up to a dollar reads in cents, not "$1.000"', () => {
    expect([0.99949, 0.9995, 0.99999, 0.0999].map(formatUsd)).toEqual(['$0.999', '$1.00', '$1.00', '$0.0999']);
    expect(formatUsd(0.099999)).toBe('$0.100');
  });

  test('formatUsd: negatives carry the sign before the dollar; zero and negative zero are "$0"', () => {
    expect([-3, -1234.5, -0.000005, -0, 0, 1e-25].map(formatUsd)).toEqual([
      '-$3.00',
      '-$1,234.50',
      '-$0.00000500',
      '$0',
      '$0',
      '$0',
    ]);
  });

  test('missing figures read "–" in every formatter', () => {
    for (const value of [null, undefined, NaN, Infinity, -Infinity]) {
      expect([
        formatUsd(value),
        formatUsdDelta(value),
        formatMs(value),
        formatPct(value),
        formatUnsignedPct(value),
        formatCount(value),
      ]).toEqual(['–', '–', '–', '–', '–', '–']);
    }
  });

  test('formatUsdDelta signs increases', () => {
    expect([42.1, -0.583, 0, 1234.5, -0].map(formatUsdDelta)).toEqual(['+$42.10', '-$0.583', '$0', '+$1,234.50', '$0']);
  });

  test('formatPct: sign, one decimal, zero without a sign ("0.0%", never "+0.0%" or "-0.0%")', () => {
    expect([18.234, -3, 0, -0, -0.04, 0.04, -0.05, 0.05, null].map((v) => formatPct(v))).toEqual([
      '+18.2%',
      '-3.0%',
      '0.0%',
      '0.0%',
      '0.0%',
      '0.0%',
      '-0.1%',
      '+0.1%',
      '–',
    ]);
    expect(formatPct(12.345, 2)).toBe('+12.35%');
  });

  test('formatUnsignedPct: the size of a change put in words ("saves 12.3%")', () => {
    expect([12.34, -12.34, 0, -0.04].map((v) => formatUnsignedPct(v))).toEqual(['12.3%', '12.3%', '0.0%', '0.0%']);
  });

  test('formatMs: three significant digits, ms below a second, s from a second', () => {
    expect([4, 4.567, 45.67, 99.94, 150.4, 456.7, 1234, 1500, 12_345, 123_456, 900_000].map(formatMs)).toEqual([
      '4.00 ms',
      '4.57 ms',
      '45.7 ms',
      '99.9 ms',
      '150 ms',
      '457 ms',
      '1.23 s',
      '1.50 s',
      '12.3 s',
      '123 s',
      '900 s',
    ]);
  });

  test('formatMs: the unit is chosen after rounding (999.95 ms is "1.00 s", not "1000 ms")', () => {
    expect([99.94, 99.95, 999.4, 999.5, 999.95, 1000, 9994, 9995, 99_949, 99_950].map(formatMs)).toEqual([
      '99.9 ms',
      '100 ms',
      '999 ms',
      '1.00 s',
      '1.00 s',
      '1.00 s',
      '9.99 s',
      '10.0 s',
      '99.9 s',
      '100 s',
    ]);
  });

  test('formatMs: zero and negatives (a change in duration), never "-0.00 ms"', () => {
    expect([0, -0, -0.001, -4.567, -1500, -999.95].map(formatMs)).toEqual([
      '0.00 ms',
      '0.00 ms',
      '-0.00100 ms',
      '-4.57 ms',
      '-1.50 s',
      '-1.00 s',
    ]);
  });

  test('formatConfidence: as users write it, up to two decimals, no trailing zeros', () => {
    expect([0.95, 0.9, 0.99, 0.995, 0.9975, 0.999, 0.501].map((c) => formatConfidence(c))).toEqual([
      '95%',
      '90%',
      '99%',
      '99.5%',
      '99.75%',
      '99.9%',
      '50.1%',
    ]);
  });

  test('formatCount', () => {
    expect([950, 9999, 12_000, 1_500_000, 10_000_000, 2e9].map(formatCount)).toEqual([
      '950',
      '9,999',
      '12k',
      '1.5M',
      '10M',
      '2B',
    ]);
  });

  test('formatGbSeconds: three significant digits, whole GB-s from a thousand', () => {
    expect([0, 0.0001234, 0.5, 1.2, 45.67, 999.4, 1234.5, null].map(formatGbSeconds)).toEqual([
      '0 GB-s',
      '0.000123 GB-s',
      '0.500 GB-s',
      '1.20 GB-s',
      '45.7 GB-s',
      '999 GB-s',
      '1,235 GB-s',
      '–',
    ]);
  });

  test('formatWallTime: as a clock is read', () => {
    expect([0.44, 1, 59.4, 59.6, 72, 3599, 3600, 3725, 86_400, undefined].map(formatWallTime)).toEqual([
      '0.4 s',
      '1 s',
      '59 s',
      '1 min 00 s',
      '1 min 12 s',
      '59 min 59 s',
      '1 h 00 min',
      '1 h 02 min',
      '24 h 00 min',
      '–',
    ]);
  });

  test('truncateText never splits a surrogate pair', () => {
    expect(truncateText('abcdef', 4)).toBe('abc…');
    expect(truncateText('😀😀😀', 2)).toBe('😀…');
    expect(truncateText('short', 10)).toBe('short');
  });
});

/** Text content of rendered HTML: tags dropped, entities decoded, zero-width spaces removed. */
function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\u200B/g, '')
    .trim();
}

const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '<!-- hidden --> after',
  '[click](https://evil.example) ![x](https://evil.example/x.png)',
  '**bold** _em_ ~~strike~~ `code`',
  'https://evil.example and www.evil.example and a@b.example',
  'line one\nline two\n# heading\n- item\n> quote\n```',
  'a | b | c',
  'ping @octocat about #123 and $x^2$ :tada:',
  'back\\slash \\* &amp; &lt;b&gt;',
];

describe('escapeMarkdown', () => {
  test.each(HOSTILE)('%j renders as its own text, with no element, in a paragraph', (text) => {
    const html = marked.parse(escapeMarkdown(text), { async: false, gfm: true });
    expect(html.trim()).toMatch(/^<p>[^<]*<\/p>$/);
    expect(textOf(html)).toBe(text.replace(/\n/g, ' '));
  });

  test.each(HOSTILE)('%j stays inside its table cell', (text) => {
    const table = `| a | b |\n|---|---|\n| ${escapeMarkdown(text)} | end |`;
    const html = marked.parse(table, { async: false, gfm: true });
    const cells = Array.from(html.matchAll(/<td>([\s\S]*?)<\/td>/g), (match) => match[1] ?? '');
    expect(cells).toHaveLength(2);
    expect(cells[0]).not.toMatch(/</);
    expect(textOf(cells[0] ?? '')).toBe(text.replace(/\n/g, ' '));
    expect(cells[1]).toBe('end');
  });

  test('mentions and issue references get a zero-width space, so GitHub links neither', () => {
    expect(escapeMarkdown('@octocat #12')).toBe('@&#8203;octocat \\#&#8203;12');
  });

  test('long text is cut', () => {
    expect(escapeMarkdown('x'.repeat(500), 10)).toBe('xxxxxxxxx…');
  });
});

describe('codeSpan', () => {
  test('holds text exactly, whatever backticks it contains', () => {
    for (const text of ['my_function', 'a`b', '``x``', '`lead', 'arn:aws:lambda:us-east-1:1:function:f']) {
      const html = marked.parseInline(codeSpan(text), { async: false }) as string;
      expect(html).toMatch(/^<code>[^<]*<\/code>$/);
      expect(textOf(html)).toBe(text);
    }
  });

  test('escapes a pipe for tables', () => {
    expect(codeSpan('a|b')).toBe('`a\\|b`');
  });
});

describe('escapeHtml and safeUrl', () => {
  test('escapeHtml covers element content and both attribute quotes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  test('safeUrl admits http(s) URLs without characters that could end a link', () => {
    expect(safeUrl('https://github.com/acme/shop/actions/runs/1')).toBe('https://github.com/acme/shop/actions/runs/1');
    expect(safeUrl('https://lambda-power-tuning.show/#gAA=;AIC2;x%20y')).not.toBeNull();
    for (const bad of [
      'javascript:alert(1)',
      'https://x.example/a)b',
      'https://x.example/"onmouseover=',
      'https://x.example/ a',
      'data:text/html,x',
      '',
      null,
    ]) {
      expect(safeUrl(bad)).toBeNull();
    }
  });
});
