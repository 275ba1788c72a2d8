// The app's report.html (issue 15): the app's verdict, one table row per function linking to its section, then each
// function's own report (html.ts's sections). Same page as one function's: self-contained, nothing fetched, one CSP.
// No size limit applies to an artifact, so every function's report is here in full.

import type { FunctionOutcome } from '../types.js';
import { orderOutcomes } from '../gate/app.js';
import { escapeHtml, formatUsdDelta, safeUrl } from '../lib/format.js';
import { appRow, LEVEL_WORD, type AppReportInput } from './app.js';
import { functionSections, htmlPage } from './html.js';
import { VERDICT_ICON } from './model.js';
import { fileSpendSentence } from './spend-sentences.js';
import { fileSpend } from '../results/spend.js';

const h = (text: string | number | null | undefined, maxChars = 2000): string =>
  escapeHtml(String(text ?? ''), maxChars);

export function renderAppHtmlReport(input: Omit<AppReportInput, 'maxChars' | 'fullReportsWhere'>): string {
  const ordered = orderOutcomes(input.functions);
  // Anchors by position, never from a key: an id made of untrusted text is one more thing to escape.
  const sections = ordered.map((outcome, index) => functionSection(outcome, `fn-${index + 1}`));
  const body = [appHeader(input), functionsTable(ordered), ...sections].join('\n');
  const count = `${ordered.length} function${ordered.length === 1 ? '' : 's'}`;
  return htmlPage(`${input.key}: Lambda power tuning of ${count}`, 'app', body);
}

function appHeader(input: Omit<AppReportInput, 'maxChars' | 'fullReportsWhere'>): string {
  const { verdict } = input;
  const total = input.functions.length;
  const monthly =
    verdict.monthlyCostDeltaUsd !== null
      ? `${formatUsdDelta(verdict.monthlyCostDeltaUsd)}/month in all`
      : 'monthly cost change unknown';
  const run = safeUrl(input.runUrl);
  const spend = fileSpend(input.functions);
  const lines = [
    `<h1>${VERDICT_ICON[verdict.level]} <code>${h(input.key, 140)}</code> (${total} function${total === 1 ? '' : 's'})</h1>`,
    `<p><strong><span class="lvl-${verdict.level}">${h(LEVEL_WORD[verdict.level])}</span>: ${h(monthly)}</strong></p>`,
    `<p>${h(verdict.reason)}</p>`,
    spend ? `<p class="small">This run spent ${h(fileSpendSentence(spend))}.</p>` : '',
    run ? `<p class="small"><a href="${h(run)}">🔎 Workflow run</a></p>` : '',
  ].filter(Boolean);
  return `<div class="level-${verdict.level}"><div class="banner">${lines.join('\n')}</div></div>`;
}

function functionsTable(ordered: readonly FunctionOutcome[]): string {
  const rows = ordered.map((outcome, index) => {
    const row = appRow(outcome);
    const name =
      outcome.functionName === outcome.key
        ? ''
        : `<br><span class="muted small">${h(outcome.functionName, 140)}</span>`;
    const verdict = row.failure !== null ? `failed: ${h(row.failure, 300)}` : h(row.verdictWords);
    const level = row.standing === 'failed' ? 'fail' : row.standing;
    return `<tr><td class="text"><a href="#fn-${index + 1}"><code>${h(outcome.key, 128)}</code></a>${name}</td><td class="text lvl-${level}">${row.icon} ${verdict}</td><td>${h(row.memory)}</td><td>${h(row.costDelta)}</td><td>${h(row.durationDelta)}</td><td>${h(row.monthlyDelta)}</td></tr>`;
  });
  const head =
    '<tr><th class="text">Function</th><th class="text">Verdict</th><th>Memory (configured → recommended)</th><th>Δ cost</th><th>Δ duration</th><th>Monthly Δ</th></tr>';
  const legend =
    "Worst first (regressed, with a warning, failed, passed, unchanged), then by key. Δ cost (warm, per invocation) and Δ duration: against the baseline at the configured memory; monthly Δ: at each function's monthly invocations, with cold starts at its cold-start-rate when both sides measured them. Unchanged: same code and configuration as the baseline, so not measured.";
  return `<h2>Functions</h2><div class="scroll"><table>${head}${rows.join('\n')}</table></div><p class="muted small">${legend}</p>`;
}

function functionSection(outcome: FunctionOutcome, id: string): string {
  const row = appRow(outcome);
  const level = row.standing === 'failed' ? 'fail' : row.standing === 'unchanged' ? 'none' : row.standing;
  const open = `<section class="fn level-${level}" id="${id}">`;
  const name = `<code>${h(outcome.key, 128)}</code>`;
  if (outcome.status === 'failed') {
    const banner = `<div class="banner"><h1>${row.icon} ${name}: failed</h1><p>${h(row.failure, 2000)}</p></div>`;
    const partial = outcome.result
      ? functionSections({ result: outcome.result, verdict: outcome.verdict, baseline: outcome.baseline }).slice(1)
      : [];
    return `${open}${[banner, ...partial].join('\n')}</section>`;
  }
  if (outcome.status === 'unchanged') {
    const note = outcome.unchangedNote ? ` as ${h(outcome.unchangedNote, 300)}` : ' as its baseline';
    const banner = `<div class="banner"><h1>${row.icon} ${name}: unchanged, not measured</h1><p>The same code and configuration${note}, so no invocation was spent.${outcome.result ? " The figures below are the baseline's run." : ''}</p></div>`;
    const figures = outcome.result ? functionSections({ result: outcome.result, carried: true }).slice(1) : [];
    return `${open}${[banner, ...figures].join('\n')}</section>`;
  }
  if (!outcome.result)
    return `${open}<div class="banner"><h1>${name}</h1><p>No result was recorded.</p></div></section>`;
  return `${open}${functionSections({ result: outcome.result, verdict: outcome.verdict, baseline: outcome.baseline }).join('\n')}</section>`;
}
