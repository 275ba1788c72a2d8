// The dashboard in a real browser: Debian's headless Chromium loads index.html from a file, and the test checks
// that it renders (a screenshot of real size), logs nothing to the console (the page has no script, so any console
// line is a CSP violation or a parse error), and that the DOM Chromium built has the points the model has.
//
// Console: `--enable-logging=stderr --v=0` makes Chromium print every console message of the page as
// `INFO:CONSOLE…` on stderr, CSP violations included; simpler than a DevTools-protocol client and enough for a page
// without script. Skipped, with a message saying why, when no Chromium is installed (CHROMIUM names another binary).
// UPDATE_DASHBOARD_SCREENSHOT=1 writes docs/img/dashboard.png from the same page.

import { execFile } from 'node:child_process';
import {
  accessSync,
  constants,
  copyFileSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { renderDashboard } from '../../src/report/dashboard/render.js';
import { sampleModel } from '../fixtures/dashboard/histories.js';

const run = promisify(execFile);

function findChromium(): string | undefined {
  const candidates = process.env.CHROMIUM
    ? [process.env.CHROMIUM]
    : (process.env.PATH ?? '')
        .split(delimiter)
        .flatMap((dir) => ['chromium', 'chromium-browser', 'google-chrome'].map((name) => join(dir, name)));
  return candidates.find((path) => {
    try {
      accessSync(path, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

const chromium = findChromium();
if (!chromium)
  process.stderr.write(
    'dashboard-chromium.test.ts: skipped, no Chromium found (apt-get install chromium, or set CHROMIUM=/path/to/chrome)\n',
  );

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--enable-logging=stderr', '--v=0'];

/** Chromium on a local file: its dumped DOM, console lines, and (with a path) a screenshot. */
async function load(file: string, screenshot?: string): Promise<{ dom: string; console: string[] }> {
  const extra = screenshot ? [`--screenshot=${screenshot}`, '--window-size=1200,1500'] : ['--dump-dom'];
  const { stdout, stderr } = await run(chromium as string, [...FLAGS, ...extra, `file://${file}`], {
    timeout: 90_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { dom: stdout, console: stderr.split('\n').filter((line) => line.includes(':CONSOLE')) };
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(path: string): { width: number; height: number } {
  const bytes = readFileSync(path);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

(chromium ? describe : describe.skip)('the dashboard in headless Chromium', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'lpg-dashboard-chromium-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('renders with no console message, and its charts have one point per stored run', async () => {
    const model = sampleModel();
    const page = join(dir, 'index.html');
    writeFileSync(page, renderDashboard(model));
    const { dom, console } = await load(page);
    expect(console).toEqual([]);
    // The DOM Chromium parsed: one section per key, four charts each, the points the model has in each chart.
    const sections = dom.split('<section class="fn"').slice(1);
    expect(sections).toHaveLength(model.keys.length);
    sections.forEach((section, i) => {
      const key = model.keys[i];
      expect(section).toContain(`data-key="${key?.key}"`);
      for (const [metric, pick] of [
        ['cost', (p: { costPerMillionUsd: number | null }) => p.costPerMillionUsd],
        ['duration', (p: { durationMs: number | null }) => p.durationMs],
        ['init', (p: { initDurationMs: number | null }) => p.initDurationMs],
        ['recommendation', (p: { recommendedMemoryMb: number | null }) => p.recommendedMemoryMb],
      ] as const) {
        const start = section.indexOf(`<figure data-metric="${metric}"`);
        const figure = section.slice(start, section.indexOf('</figure>', start));
        const expected = key?.points.filter((point) => (pick as (p: typeof point) => number | null)(point) !== null);
        expect((figure.match(/<circle class="pt/g) ?? []).length).toBe(expected?.length);
      }
    });
    // The regression entering at orders-api's 8th run and its fix at the 11th are marked in the duration chart.
    const orders = sections[0] ?? '';
    const duration = orders.slice(orders.indexOf('<figure data-metric="duration"'));
    expect(
      [...duration.slice(0, duration.indexOf('</figure>')).matchAll(/class="change" data-index="(\d+)"/g)].map(
        (m) => m[1],
      ),
    ).toEqual(['7', '10']);

    const shot = join(dir, 'dashboard.png');
    const rendered = await load(page, shot);
    expect(rendered.console).toEqual([]);
    expect(statSync(shot).size).toBeGreaterThan(20_000);
    expect(pngSize(shot)).toEqual({ width: 1200, height: 1500 });
    if (process.env.UPDATE_DASHBOARD_SCREENSHOT === '1') copyFileSync(shot, join('docs', 'img', 'dashboard.png'));
  }, 180_000);

  it('the console check sees what the CSP blocks (a page with a script and a remote image)', async () => {
    const page = join(dir, 'bad.html');
    writeFileSync(
      page,
      renderDashboard(sampleModel([])).replace(
        '</main>',
        '<script>1</script><img src="https://example.invalid/x.png"></main>',
      ),
    );
    const { console } = await load(page);
    expect(console.join('\n')).toMatch(/Content Security Policy/);
  }, 120_000);
});
