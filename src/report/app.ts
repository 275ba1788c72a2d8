// The app's report (issue 15): one sticky comment and one job summary for every function of an app. Read top to
// bottom it answers: did this PR make the app worse, and by how much a month (headline); which functions, by how
// much (one table row per function, worst first); and each function's own report (markdown.ts), folded below.
//
// GitHub refuses a comment over 65,536 characters and an app has up to ~100 functions of ~7 KB of report each, so
// the reports are kept function by function in the table's order while they fit: the worst ones stay, the one at
// the edge is cut (limits.ts fitToLimit, which closes what it leaves open), and the rest point to the job summary
// and the results artifact. Every function keeps its table row. Function keys and names come from stacks and config
// files, failure texts from the functions: all of them are escaped on the way in (lib/format.ts).

import type { AppVerdict, FunctionOutcome, VerdictLevel } from '../types.js';
import { orderOutcomes, standingOf, type FunctionStanding } from '../gate/app.js';
import {
  codeSpan,
  escapeHtml,
  escapeMarkdown,
  formatMemory,
  formatPct,
  formatUsdDelta,
  nonBreaking,
  safeUrl,
} from '../lib/format.js';
import { fitToLimit, GITHUB_COMMENT_MAX_CHARS } from './limits.js';
import { renderFailureReport, renderReport } from './markdown.js';
import { ACCEPTED_ICON, VERDICT_ICON } from './model.js';
import { fileSpendSentence } from './spend-sentences.js';
import { fileSpend } from '../results/spend.js';
import { formatUtc } from '../gate/acceptance.js';

/**
 * What the app report may take of a comment: GitHub's limit less room for the sticky marker comment.ts puts in
 * front (`<!-- lambda-power-gate key=… sha=… at=… -->`: under 250 characters with a 128-character key), so
 * markedBody never has to cut what this file already fitted.
 */
export const APP_COMMENT_MAX_CHARS = GITHUB_COMMENT_MAX_CHARS - 512;

const EACH_FUNCTION_HEADING = '#### Each function\n\n';
/** Kept free for the closing note that points to the reports not shown. */
const CLOSING_NOTE_RESERVE_CHARS = 1_000;
/** The longest failure reason a table cell shows; the function's folded report has it in full. */
const MAX_CELL_FAILURE_CHARS = 120;

export interface AppReportInput {
  /** The app's key (AppPlan.key): named in the headline. */
  key: string;
  functions: FunctionOutcome[];
  verdict: AppVerdict;
  runUrl?: string;
  /** Where the results artifact is, in words (e.g. "the lambda-power-gate-results artifact"). */
  resultsArtifactHint?: string;
  /** The most characters to return: the comment's budget by default; the job summary passes its own. */
  maxChars?: number;
  /** Where the reports not shown are, in words; by default the job summary and the results artifact. */
  fullReportsWhere?: string;
}

export const STANDING_ICON: Readonly<Record<FunctionStanding, string>> = {
  fail: VERDICT_ICON.fail,
  warn: VERDICT_ICON.warn,
  failed: '💥',
  pass: VERDICT_ICON.pass,
  unchanged: '➖',
};

export const LEVEL_WORD: Readonly<Record<VerdictLevel, string>> = { pass: 'pass', warn: 'warning', fail: 'fail' };

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/** Where the reports that are not in this body are. */
export function fullReportsWhere(input: Pick<AppReportInput, 'resultsArtifactHint' | 'fullReportsWhere'>): string {
  if (input.fullReportsWhere) return input.fullReportsWhere;
  const hint = input.resultsArtifactHint ? ` (${escapeMarkdown(input.resultsArtifactHint, 200)})` : '';
  return `the job summary and the results artifact${hint}`;
}

export function renderAppReport(input: AppReportInput): string {
  const maxChars = input.maxChars ?? APP_COMMENT_MAX_CHARS;
  const ordered = orderOutcomes(input.functions);
  const top = [headline(input), summaryTable(ordered)].join('\n\n');
  const where = fullReportsWhere(input);

  // Function by function in the table's order: the full report while it fits, then the compact one (no charts or
  // statistics) while that fits, then none. Each step only shortens, so a report shown is never of a better
  // function than one left out.
  const kept: string[] = [];
  let used = top.length + EACH_FUNCTION_HEADING.length + CLOSING_NOTE_RESERVE_CHARS;
  let compact = false;
  for (const outcome of ordered) {
    const room = maxChars - used - 2;
    let block = compact ? null : detailsBlock(outcome, null);
    if (block === null || block.length > room) {
      compact = true;
      block = detailsBlock(
        outcome,
        `Charts, statistics and settings are left out here to stay within GitHub's comment size limit: they are in ${where}.`,
      );
      if (block.length > room) break;
    }
    kept.push(block);
    used += block.length + 2;
  }
  const notShown = ordered.length - kept.length;
  const parts = [top];
  if (kept.length > 0) parts.push(`${EACH_FUNCTION_HEADING}${kept.join('\n\n')}`);
  if (notShown > 0) parts.push(closingNote(notShown, ordered.length, where));
  const run = safeUrl(input.runUrl);
  if (run) parts.push(`[🔎 Workflow run](${run})`);
  // A table too long for the budget on its own (hundreds of functions) is cut like any report.
  return fitToLimit(parts.join('\n\n') + '\n', maxChars, where);
}

// ---------------------------------------------------------------------------------------------------------
// Headline

function countsLine(verdict: AppVerdict): string {
  const c = verdict.counts;
  const parts = [
    c.fail - c.failed > 0 ? `${STANDING_ICON.fail} ${c.fail - c.failed} regressed` : '',
    c.warn > 0 ? `${STANDING_ICON.warn} ${c.warn} with a warning` : '',
    c.failed > 0 ? `${STANDING_ICON.failed} ${c.failed} not measured (failed)` : '',
    c.pass - c.unchanged > 0 ? `${STANDING_ICON.pass} ${c.pass - c.unchanged} passed` : '',
    c.unchanged > 0 ? `${STANDING_ICON.unchanged} ${c.unchanged} unchanged, not measured` : '',
  ].filter(Boolean);
  return parts.join(' · ');
}

function headline(input: AppReportInput): string {
  const { verdict } = input;
  const total = input.functions.length;
  const monthly =
    verdict.monthlyCostDeltaUsd !== null
      ? `${formatUsdDelta(verdict.monthlyCostDeltaUsd)}/month in all`
      : 'monthly cost change unknown';
  const accepted = verdict.level === 'fail' ? acceptedNote(input.functions) : undefined;
  const icon = accepted ? ACCEPTED_ICON : VERDICT_ICON[verdict.level];
  const word = accepted ? 'fail, accepted' : LEVEL_WORD[verdict.level];
  return [
    `### ${icon} ${codeSpan(input.key, 140)} (${plural(total, 'function')}): ${word}, ${monthly}`,
    '',
    escapeMarkdown(verdict.reason, 2000),
    ...(accepted ? ['', accepted] : []),
    '',
    `<sub>${countsLine(verdict)}</sub>`,
    ...spendLine(input.functions),
  ].join('\n');
}

/** The run's one total line: what measuring every function and live baseline cost (issue 20, what a PR costs). */
function spendLine(functions: readonly FunctionOutcome[]): string[] {
  const spend = fileSpend(functions);
  return spend ? ['', `<sub>This run spent ${fileSpendSentence(spend)}.</sub>`] : [];
}

/**
 * When every failing function was accepted (accept-label): who accepted, when, and each function's checks it covers.
 * A function that could not be measured is never accepted, so then there is no note and the app fails.
 */
function acceptedNote(functions: readonly FunctionOutcome[]): string | undefined {
  const failing = functions.filter((outcome) => outcome.status === 'failed' || outcome.verdict?.level === 'fail');
  if (failing.length === 0 || failing.some((outcome) => !outcome.verdict?.accepted)) return undefined;
  const note = failing[0]?.verdict?.accepted;
  if (!note) return undefined;
  const covers = failing
    .map(
      (outcome) =>
        `${codeSpan(outcome.key, 128)}: ${escapeMarkdown((outcome.verdict?.accepted?.checks ?? []).join('; '), 400)}`,
    )
    .join(' · ');
  const role = note.role ?? note.permission;
  return `> [!NOTE]\n> **Accepted on purpose, the job passes.** Regression accepted by ${escapeMarkdown(note.by, 64)} (${escapeMarkdown(role, 40)}) on ${formatUtc(note.at)} with the label ${codeSpan(note.label, 100)}, for ${note.headSha.slice(0, 7)} and later commits while the label stays. It covers ${covers}. Remove the label to gate this pull request again.`;
}

// ---------------------------------------------------------------------------------------------------------
// The table: one row per function, whatever else is cut

/** One function's table row in plain words and figures, for every renderer (markdown, HTML, terminal) to escape. */
export interface AppRow {
  standing: FunctionStanding;
  icon: string;
  /** "fail", "warning", "pass", "unchanged, not measured", "failed", "measured, not judged". */
  verdictWords: string;
  /** failed: the reason, untrusted (each renderer escapes it). */
  failure: string | null;
  /** "1024 MB → 512 MB", "512 MB", "1024 MB → none", "–". */
  memory: string;
  costDelta: string;
  durationDelta: string;
  monthlyDelta: string;
}

export function appRow(outcome: FunctionOutcome): AppRow {
  const standing = standingOf(outcome);
  const verdict = outcome.status === 'measured' ? outcome.verdict : null;
  const accepted = standing === 'fail' ? verdict?.accepted : undefined;
  const verdictWords = accepted
    ? `fail, accepted by ${accepted.by.replace(/[^A-Za-z0-9_.[\]-]/g, '').slice(0, 64)}`
    : standing === 'failed'
      ? 'failed'
      : standing === 'unchanged'
        ? 'unchanged, not measured'
        : verdict
          ? LEVEL_WORD[verdict.level]
          : 'measured, not judged';
  return {
    standing,
    icon: accepted ? ACCEPTED_ICON : STANDING_ICON[standing],
    verdictWords,
    failure: standing === 'failed' ? (outcome.failure ?? 'no reason given') : null,
    memory: memoryText(outcome),
    costDelta: verdict ? formatPct(verdict.costDeltaPct) : '–',
    durationDelta: verdict ? formatPct(verdict.durationDeltaPct) : '–',
    monthlyDelta: verdict ? formatUsdDelta(verdict.monthlyCostDeltaUsd) : '–',
  };
}

function memoryText(outcome: FunctionOutcome): string {
  const run = outcome.result;
  if (!run || run.dryRun) return '–';
  const configured = run.current.memoryMb;
  const recommended = run.recommendation?.memoryMb;
  if (recommended === undefined) return `${formatMemory(configured)} → none`;
  if (recommended === configured) return formatMemory(configured);
  return `${formatMemory(configured)} → ${formatMemory(recommended)}`;
}

function verdictCell(row: AppRow): string {
  return row.failure !== null
    ? `${row.icon} failed: ${escapeMarkdown(row.failure, MAX_CELL_FAILURE_CHARS)}`
    : `${row.icon} ${row.verdictWords}`;
}

function functionCell(outcome: FunctionOutcome): string {
  const key = codeSpan(outcome.key, 128);
  return outcome.functionName === outcome.key
    ? key
    : `${key}<br><sub>${escapeMarkdown(outcome.functionName, 140)}</sub>`;
}

function summaryTable(ordered: readonly FunctionOutcome[]): string {
  const header = '| Function | Verdict | Memory (configured → recommended) | Δ cost | Δ duration | Monthly Δ |';
  const align = '|:---|:---|---:|---:|---:|---:|';
  const rows = ordered.map((outcome) => {
    const row = appRow(outcome);
    const cells = [
      functionCell(outcome),
      verdictCell(row),
      row.memory,
      row.costDelta,
      row.durationDelta,
      row.monthlyDelta,
    ];
    return `| ${cells.map((cell, index) => (index < 2 ? cell : nonBreaking(cell))).join(' | ')} |`;
  });
  const legend =
    "<sub>Worst first (regressed, with a warning, failed, passed, unchanged), then by key. Δ cost (warm, per invocation) and Δ duration: against the baseline at the configured memory; monthly Δ: at each function's monthly invocations, with cold starts at its cold-start-rate when both sides measured them. Unchanged: same code and configuration as the baseline, so not measured and no invocation spent.</sub>";
  return [header, align, ...rows, '', legend].join('\n');
}

// ---------------------------------------------------------------------------------------------------------
// Each function's report, folded

function summaryLine(outcome: FunctionOutcome): string {
  const row = appRow(outcome);
  const name = `<code>${escapeHtml(outcome.key, 128)}</code>`;
  const verdict = outcome.status === 'measured' ? outcome.verdict : null;
  const figures = verdict
    ? [
        verdict.costDeltaPct !== null ? `cost ${row.costDelta}` : '',
        verdict.durationDeltaPct !== null ? `duration ${row.durationDelta}` : '',
      ].filter(Boolean)
    : [];
  return `${row.icon} ${name}: ${row.verdictWords}${figures.length > 0 ? ` (${figures.join(', ')})` : ''}`;
}

/** The function's own report: today's single report, or the failure report, or the baseline's figures. */
function functionReport(outcome: FunctionOutcome, compactNote: string | null): string {
  const options = compactNote === null ? {} : { compactNote };
  if (outcome.status === 'failed') {
    const failure = renderFailureReport(outcome.failure ?? 'The function could not be measured.');
    return outcome.result
      ? `${failure}\n${renderReport({ result: outcome.result, verdict: outcome.verdict, baseline: outcome.baseline }, options)}`
      : failure;
  }
  if (outcome.status === 'unchanged') {
    const note = outcome.unchangedNote ? ` as ${escapeMarkdown(outcome.unchangedNote, 300)}` : ' as its baseline';
    const said = `**Unchanged, not measured:** the same code and configuration${note}, so no invocation was spent.`;
    return outcome.result
      ? `${said} The figures below are the baseline's run.\n\n${renderReport({ result: outcome.result, carried: true }, options)}`
      : `${said}\n`;
  }
  if (!outcome.result) return 'No result was recorded for this function.\n';
  return renderReport(
    {
      result: outcome.result,
      verdict: outcome.verdict,
      baseline: outcome.baseline,
      ...(outcome.trend ? { trend: outcome.trend } : {}),
    },
    options,
  );
}

/** A function's report folded under its one-line summary; compactNote: the compact form, saying where the rest is. */
function detailsBlock(outcome: FunctionOutcome, compactNote: string | null): string {
  return [
    `<details><summary>${summaryLine(outcome)}</summary>`,
    '',
    functionReport(outcome, compactNote).trimEnd(),
    '',
    '</details>',
  ].join('\n');
}

function closingNote(notShown: number, total: number, where: string): string {
  return `> [!NOTE]\n> ${plural(notShown, 'function')} of ${total} ${notShown === 1 ? 'has its' : 'have their'} row above but no report here, to stay within GitHub's comment size limit; every function's full report is in ${where}.`;
}
