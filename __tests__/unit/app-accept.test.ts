// An app whose failing functions were accepted with accept-label (issue 16 item 4): the app report's headline and
// rows say so, and the job passes only when every failing function was accepted (app/run.ts acceptedFunctions).

import { applyAcceptance, type Acceptance } from '../../src/gate/acceptance.js';
import { appVerdict } from '../../src/gate/app.js';
import { acceptedFunctions } from '../../src/app/report.js';
import { renderAppReport } from '../../src/report/app.js';
import type { FunctionOutcome } from '../../src/types.js';
import { failed, measured, threeFunctionApp } from '../helpers/app-fixtures.js';

const ACCEPTANCE: Acceptance = {
  label: 'lambda-power-gate: accept regression',
  by: 'writer',
  at: '2026-03-01T10:00:00Z',
  permission: 'write',
  role: 'maintain',
  headSha: 'c'.repeat(40),
};

const accepted = (outcome: FunctionOutcome): FunctionOutcome =>
  outcome.verdict ? { ...outcome, verdict: applyAcceptance(outcome.verdict, ACCEPTANCE) } : outcome;

const render = (functions: FunctionOutcome[]) =>
  renderAppReport({ key: 'shop', functions, verdict: appVerdict(functions) });

describe('an app and accept-label', () => {
  test('every failing function accepted: the headline, the row and a note say who, when and what it covers', () => {
    const functions = threeFunctionApp().map(accepted);
    expect(acceptedFunctions(functions)?.sentence).toBe(
      'Regression accepted by writer with the label "lambda-power-gate: accept regression" for OrdersApi.',
    );
    const markdown = render(functions);
    expect(markdown).toMatch(/^### ☑️ `shop` \(3 functions\): fail, accepted,/);
    expect(markdown).toContain(
      '**Accepted on purpose, the job passes.** Regression accepted by writer (maintain) on 2026-03-01 10:00 UTC',
    );
    expect(markdown).toContain('| ☑️ fail, accepted by writer |');
    expect(markdown).toMatch(/It covers `OrdersApi`: cost per invocation/);
  });

  test('not accepted: a fail as before, and the job fails', () => {
    const functions = threeFunctionApp();
    expect(acceptedFunctions(functions)).toBeUndefined();
    const markdown = render(functions);
    expect(markdown).not.toContain('Accepted on purpose');
    expect(markdown).toMatch(/^### ❌ `shop`/);
  });

  test('a function that could not be measured is never covered by the label', () => {
    const functions = [accepted(measured('OrdersApi', 1.2)), failed('UsersApi', 'Task timed out after 3.00 seconds.')];
    expect(acceptedFunctions(functions)).toBeUndefined();
    // OrdersApi's own folded report says its regression was accepted; the app's headline does not.
    const [top] = render(functions).split('#### Each function');
    expect(top).toMatch(/^### ❌ `shop`/);
    expect(top).not.toContain('Accepted on purpose');
  });
});
