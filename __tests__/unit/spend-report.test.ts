// What a PR costs, where users read it: the comment's details and report.html (one function, its live baseline
// added), the app comment's and app page's one total line, the run-* outputs, and the CLI's table (with the expected
// cost column) and its spend line.

import { spendOutputs } from '../../src/results/outputs.js';
import { appVerdict } from '../../src/gate/app.js';
import { renderAppReport } from '../../src/report/app.js';
import { renderAppHtmlReport } from '../../src/report/app-html.js';
import { renderHtmlReport } from '../../src/report/html.js';
import { renderReport } from '../../src/report/markdown.js';
import { renderSpendLine, renderTerminalTable } from '../../src/report/terminal.js';
import { fileSpend } from '../../src/results/spend.js';
import type { FunctionOutcome, RunResult } from '../../src/types.js';
import { measured, threeFunctionApp } from '../helpers/app-fixtures.js';
import { makeRun, repeat } from '../helpers/run-fixture.js';

/** n invocations of 100 ms at 1024 MB in run `runId`; ROUND_PRICES: 1e-8 USD a billed ms, no request price. */
function run(functionName: string, runId: string, n: number, extra: Partial<RunResult> = {}): RunResult {
  return {
    ...makeRun({
      configuredMb: 1024,
      functionName,
      runId,
      powerValues: [{ memoryMb: 1024, durationsMs: repeat(100, n) }],
    }),
    ...extra,
  };
}

describe('one function’s report', () => {
  it('the comment’s details: the run’s and the live baseline’s invocations, GB-s, dollars and wall time', () => {
    const body = renderReport({ result: run('orders', 'r1', 5), baseline: run('orders-base', 'r1', 7) });
    // 12 × 0.1 s × 1 GB = 1.2 GB-s at $0.00001 = $0.000012; the fixture's run lasts a minute.
    expect(body).toContain(
      '**This run spent:** 12 invocations (5 of this function, 7 of the baseline function), 1.20 GB-s, $0.0000120 ($0 requests + $0.0000120 compute), 1 min 00 s of wall time.',
    );
  });

  it('a stored baseline is not this run’s spend', () => {
    const body = renderReport({ result: run('orders', 'r1', 5), baseline: run('orders-base', 'r0', 7) });
    expect(body).toContain('**This run spent:** 5 invocations, 0.500 GB-s, $0.00000500');
  });

  it('says which invocations were left out of the dollars (no REPORT: refused by Lambda, not billed)', () => {
    const result = makeRun({
      configuredMb: 1024,
      runId: 'r1',
      powerValues: [
        {
          memoryMb: 1024,
          samples: [
            { durationMs: 100, billedDurationMs: 100, payloadIndex: 0, coldStart: false },
            {
              durationMs: 0,
              billedDurationMs: 0,
              payloadIndex: 0,
              coldStart: false,
              errorType: 'TooManyRequestsException',
            },
          ],
        },
      ],
    });
    expect(renderReport({ result })).toContain(
      '2 invocations, 0.100 GB-s, $0.00000100 ($0 requests + $0.00000100 compute), 1 min 00 s of wall time; 1 invocation without a REPORT record (refused by Lambda, e.g. throttled, which is not billed) is left out of the GB-seconds and dollars.',
    );
  });

  it('report.html has its own section', () => {
    const html = renderHtmlReport({ result: run('orders', 'r1', 5), baseline: run('orders-base', 'r1', 7) });
    expect(html).toContain(
      '<h2>What this run spent</h2><p>12 invocations (5 of this function, 7 of the baseline function), 1.20 GB-s',
    );
  });

  it('an unchanged function’s carried run spent nothing here: no spend shown for it', () => {
    const carried = run('search', 'old', 5);
    expect(renderReport({ result: carried, carried: true })).not.toContain('This run spent');
    expect(renderHtmlReport({ result: carried, carried: true })).not.toContain('What this run spent');
  });
});

describe('the app’s one total line', () => {
  it('counts the measured functions, not the unchanged one, in the comment and the page', () => {
    const functions = threeFunctionApp();
    const verdict = appVerdict(functions);
    const comment = renderAppReport({ key: 'shop', functions, verdict });
    // Two measured functions of 30 invocations each (ROUND_PRICES, stored baselines): the unchanged one spent nothing.
    expect(comment).toMatch(/^<sub>This run spent 60 invocations of 2 functions, [\d.]+ GB-s, \$[\d.]+ /m);
    const page = renderAppHtmlReport({ key: 'shop', functions, verdict });
    expect(page).toContain('<p class="small">This run spent 60 invocations of 2 functions, ');
  });

  it('splits the functions’ own invocations from their live baselines’', () => {
    const live: FunctionOutcome = {
      ...measured('OrdersApi', 1),
      result: run('orders', 'app', 5),
      baseline: run('orders-base', 'app', 6),
    };
    const spend = fileSpend([live]);
    expect(spend?.total.invocations).toBe(11);
    expect(renderAppReport({ key: 'shop', functions: [live], verdict: appVerdict([live]) })).toContain(
      'This run spent 11 invocations (5 of 1 function, 6 of their live baselines), 1.10 GB-s',
    );
  });
});

describe('the run-* outputs', () => {
  it('plain decimals, never exponent notation; empty when nothing was measured', () => {
    expect(
      spendOutputs({
        invocations: 12,
        billedInvocations: 12,
        gbSeconds: 1.2,
        requestCostUsd: 0.0000002,
        computeCostUsd: 0.000012,
        costUsd: 0.0000122,
        wallTimeSeconds: 61.25,
      }),
    ).toEqual({
      'run-invocations': '12',
      'run-gb-seconds': '1.2',
      'run-cost': '0.0000122',
      'run-wall-time-seconds': '61.3',
    });
    expect(spendOutputs(null)).toEqual({
      'run-invocations': '',
      'run-gb-seconds': '',
      'run-cost': '',
      'run-wall-time-seconds': '',
    });
  });
});

describe('the CLI', () => {
  it('the table has the expected cost beside the warm cost, ≈ where estimated, and says what expected means', () => {
    const result = makeRun({
      configuredMb: 1024,
      powerValues: [
        { memoryMb: 512, durationsMs: repeat(200, 5) },
        { memoryMb: 1024, durationsMs: repeat(100, 5) },
      ],
    });
    const [small, large] = result.powerValues;
    if (!small || !large) throw new Error('fixture');
    small.expectedCostPerInvocationUsd = 0.0000011;
    small.coldStartCost = { source: 'estimated', extraBilledMs: 10, extraCostUsd: 0.0000001, coldStarts: 0 };
    large.expectedCostPerInvocationUsd = null;
    result.settings.coldStartRate = 0.01;
    const table = renderTerminalTable(result);
    const [header, first, second] = table.split('\n');
    expect(header).toMatch(/cost\/1M inv\.\s+expected\/1M\s+max used/);
    expect(first).toMatch(/^512 MB .*\$1\.00\s+≈\$1\.10 /);
    expect(second).toMatch(/^1024 MB .*\$1\.00\s+unknown /);
    expect(table).toContain('expected: with 1% cold starts (cold-start-rate)');
  });

  it('results from before expected costs: no such column', () => {
    const result = run('orders', 'r1', 3);
    expect(renderTerminalTable(result)).not.toContain('expected');
  });

  it('the spend line: one function with its live baseline, or the app in all', () => {
    const one: FunctionOutcome = {
      key: 'orders',
      functionName: 'orders',
      status: 'measured',
      result: run('orders', 'r1', 5),
      baseline: run('orders-base', 'r1', 5),
      verdict: null,
    };
    expect(renderSpendLine([one])).toBe(
      '10 invocations (5 of this function, 5 of the baseline function), 1.00 GB-s, $0.0000100 ($0 requests + $0.0000100 compute), 1 min 00 s of wall time',
    );
    expect(renderSpendLine(threeFunctionApp())).toMatch(/^60 invocations of 2 functions, /);
    expect(renderSpendLine([{ ...one, status: 'unchanged' }])).toBeNull();
  });
});
