import { renderHtmlReport, svgLineChart } from '../../src/report/html.js';
import { failScenario, failedPowerValueScenario, noBaselineScenario, prRun } from '../helpers/fixtures.js';

describe('renderHtmlReport', () => {
  test('self-contained: a CSP that forbids every fetch, and nothing that would fetch', () => {
    const html = renderHtmlReport(failScenario());
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    );
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\ssrc=|url\(|@import/i);
    // The only absolute URLs are the links a reader may follow, and the SVG namespace.
    const urls = Array.from(html.matchAll(/https?:\/\/[^"'\s<)]+/g), (match) => match[0].replace(/[#?].*/, ''));
    expect(new Set(urls)).toEqual(
      new Set([
        'https://lambda-power-tuning.show/',
        'https://github.com/acme/shop/actions/runs/123456789',
        'http://www.w3.org/2000/svg',
      ]),
    );
  });

  test('two charts, each with this run and the baseline', () => {
    const html = renderHtmlReport(failScenario());
    expect(html.match(/<svg /g)).toHaveLength(2);
    expect(html.match(/<polyline class="pr"/g)).toHaveLength(2);
    expect(html.match(/<polyline class="base"/g)).toHaveLength(2);
    expect(html).toContain('<title>Baseline, 512 MB: 74.0 ms</title>');
    expect(html).toContain('>$0.30</text>'); // cost axis: 0 to $1.50 in steps of $0.30
  });

  test('verdict, headline number and the per-memory table', () => {
    const html = renderHtmlReport(failScenario());
    expect(html).toContain('<body class="level-fail">');
    expect(html).toContain(
      '<span class="lvl-fail">Fail</span>: cost per invocation +15.4% at 1024 MB, +$1.33/month at 10M invocations/month',
    );
    expect(html.match(/<tr( class="[^"]*")?><td>\d+ MB/g)).toHaveLength(5 + 5 + 5); // memory table + two statistics tables
    expect(html).toContain('<td class="significant lvl-fail" title="significant">❌ +18.9%</td>');
  });

  test('function text is escaped; the failed memory size says why', () => {
    const scenario = failedPowerValueScenario();
    scenario.result.function.name = '<script>alert(1)</script>';
    const html = renderHtmlReport(scenario);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toMatch(/<td class="text" colspan="3">❌ failed with Runtime.OutOfMemory/);
  });

  test('no baseline: one series per chart and no delta columns', () => {
    const html = renderHtmlReport(noBaselineScenario());
    expect(html).not.toContain('class="base"');
    expect(html).not.toContain('Δ cost');
    expect(html).toContain('Baseline: none');
  });

  test('payloads only with log-payloads on', () => {
    const result = prRun({ 512: 74 });
    result.settings.payloads = [{ payload: '{"token":"s3cr3t"}', weight: 1 }];
    expect(renderHtmlReport({ result })).not.toContain('s3cr3t');
    result.settings.logPayloads = true;
    expect(renderHtmlReport({ result })).toContain('s3cr3t');
  });
});

test('svgLineChart places points on a 0-based axis over equally spaced memory sizes', () => {
  const svg = svgLineChart([128, 256, 512], [{ className: 'pr', label: 'PR', values: [100, 50, 0] }], 'ms', 'x');
  // Plot: x from 64 to 504 (520 − 16), y from 12 (top) to 220 (260 − 40); yMax = niceCeiling(105) = 120.
  expect(svg).toContain('<polyline class="pr" points="64.0,46.7 284.0,133.3 504.0,220.0"/>');
});
