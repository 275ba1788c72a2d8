import { marked } from 'marked';
import {
  codeSpan,
  escapeHtml,
  escapeMarkdown,
  formatCount,
  formatMs,
  formatPct,
  formatUsd,
  formatUsdDelta,
  safeUrl,
  truncateText,
} from '../../src/lib/format.js';

describe('numbers', () => {
  test('formatUsd: two decimals from $1, three significant digits below, never an exponent', () => {
    expect([1234.5, 42.1, 1, 0.9604, 0.5, 0.0512, 0.0000421, 0.0000002, 2.1e-9, 0, -3].map(formatUsd)).toEqual([
      '$1,234.50',
      '$42.10',
      '$1.00',
      '$0.960',
      '$0.500',
      '$0.0512',
      '$0.0000421',
      '$0.000000200',
      '$0.00000000210',
      '$0',
      '-$3.00',
    ]);
    expect([null, undefined, NaN, Infinity].map(formatUsd)).toEqual(['–', '–', '–', '–']);
  });

  test('formatUsdDelta signs increases', () => {
    expect([42.1, -0.583, 0].map(formatUsdDelta)).toEqual(['+$42.10', '-$0.583', '$0']);
  });

  test('formatPct: sign, one decimal, no "-0.0%"', () => {
    expect([18.234, -3, 0, -0.04, 0.04, null].map((v) => formatPct(v))).toEqual(['+18.2%', '-3.0%', '0.0%', '0.0%', '0.0%', '–']);
  });

  test('formatMs and formatCount', () => {
    expect([4, 99.94, 150.4, 1234, 12_345].map(formatMs)).toEqual(['4.0 ms', '99.9 ms', '150 ms', '1.23 s', '12.3 s']);
    expect([950, 9999, 12_000, 1_500_000, 10_000_000, 2e9].map(formatCount)).toEqual(['950', '9,999', '12k', '1.5M', '10M', '2B']);
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
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  test('safeUrl admits http(s) URLs without characters that could end a link', () => {
    expect(safeUrl('https://github.com/acme/shop/actions/runs/1')).toBe('https://github.com/acme/shop/actions/runs/1');
    expect(safeUrl('https://lambda-power-tuning.show/#gAA=;AIC2;x%20y')).not.toBeNull();
    for (const bad of ['javascript:alert(1)', 'https://x.example/a)b', 'https://x.example/"onmouseover=', 'https://x.example/ a', 'data:text/html,x', '', null]) {
      expect(safeUrl(bad)).toBeNull();
    }
  });
});
