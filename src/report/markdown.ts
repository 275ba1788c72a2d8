// The markdown report body (PR comment, job summary, report.md): what model.ts decides to show, in markdown.
//
// Read top to bottom it answers, in this order: did this PR make the function worse, and by how much that
// matters (headline); what memory to run at (recommendation); the figures per memory size (table); the shape
// (charts); where to look further (links); everything else, collapsed (details). Anything a user or a function
// wrote is escaped on the way in (lib/format.ts), and a results file is treated as untrusted input: the
// comment-only mode may render one uploaded by a fork. GitHub's size limits are in limits.ts.

import type { MetricComparison, PowerValueResult, RunResult, Verdict } from '../types.js';
import { describeGateSampling } from '../gate/sequential.js';
import { describeSampling } from '../tuning/adaptive.js';
import { chartMarkdown } from './chart.js';
import {
  capitalise,
  codeSpan,
  costPerMillionUsd,
  escapeMarkdown,
  formatCount,
  formatMemory,
  formatMs,
  formatPct,
  formatUnsignedPct,
  formatUsd,
  formatUsdDelta,
  measuredInvocationsText,
  safeUrl,
} from '../lib/format.js';
import {
  coldStartTexts,
  deltaAt,
  errorsText,
  firstErrors,
  hasBaselineColumns,
  headlineNumber,
  keyMemorySizes,
  MAX_TABLE_ROWS,
  monthlyChangeUsd,
  NO_VERDICT_ICON,
  savingPct,
  shortSha,
  storedBaselineNote,
  VERDICT_ICON,
  visualizationLinks,
  type DeltaCell,
  type ReportInput,
} from './model.js';

export function renderReport(input: ReportInput): string {
  const { result } = input;
  if (result.dryRun) return [headline(input), dryRunSection(result), links(input), details(input)].join('\n\n') + '\n';
  const sections = [
    headline(input),
    recommendationSection(result, input.verdict),
    powerValueTable(input),
    failures(result),
    chartMarkdown(result, input.baseline),
    links(input),
    details(input),
  ];
  return sections.filter((section) => section.length > 0).join('\n\n') + '\n';
}

/** The report of a run that measured nothing (bad baseline, every memory size failed before a result, …). */
export function renderFailureReport(message: string, runUrl?: string): string {
  const run = safeUrl(runUrl);
  return `### ❌ Lambda power tuning failed\n\n${escapeMarkdown(message, 2000)}\n${run ? `\n[🔎 Workflow run](${run})\n` : ''}`;
}

// ---------------------------------------------------------------------------------------------------------
// Headline

function recommendationNumber(result: RunResult): string | null {
  const rec = result.recommendation;
  if (!rec) return null;
  const saving = savingPct(result);
  if (rec.memoryMb !== result.current.memoryMb && saving !== null && Math.abs(saving) >= 0.05) {
    const word = saving >= 0 ? 'cheaper' : 'more expensive';
    return `${formatMemory(rec.memoryMb)} recommended, ${formatUnsignedPct(saving)} ${word} than the current ${formatMemory(result.current.memoryMb)}`;
  }
  return `${formatMemory(rec.memoryMb)} recommended: ${formatUsd(costPerMillionUsd(rec.costPerInvocationUsd))} per 1M invocations, ${formatMs(rec.durationMs)}`;
}

function headline(input: ReportInput): string {
  const { result, verdict } = input;
  const name = codeSpan(result.function.name, 140);
  if (result.dryRun) return `### 🧪 ${name}: dry run`;
  const icon = verdict ? VERDICT_ICON[verdict.level] : NO_VERDICT_ICON;
  const number = verdict ? headlineNumber(verdict, result.settings.monthlyInvocations) : null;
  const lines: string[] = [];
  if (number) {
    lines.push(`### ${icon} ${name}: ${number}`, '', escapeMarkdown(verdict?.reason ?? '', 1000));
  } else if (verdict && verdict.level !== 'pass') {
    // An absolute limit or a failed memory size: the reason is the headline.
    lines.push(`### ${icon} ${name}: ${escapeMarkdown(verdict.reason, 400)}`);
  } else {
    const recommended = recommendationNumber(result);
    lines.push(`### ${icon} ${name}: ${recommended ?? 'no recommendation'}`);
    if (verdict) lines.push('', escapeMarkdown(verdict.reason, 1000));
  }
  if (verdict?.baselineDescription)
    lines.push('', `<sub>Baseline: ${escapeMarkdown(verdict.baselineDescription)}${storedBaselineNote(verdict)}</sub>`);
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------------------
// Recommendation

function perMillion(costPerInvocationUsd: number | null | undefined): string {
  return `${formatUsd(costPerMillionUsd(costPerInvocationUsd))} per 1M invocations`;
}

function recommendationSection(result: RunResult, verdict: ReportInput['verdict']): string {
  const rec = result.recommendation;
  if (!rec) {
    return `**No recommendation:** no memory size met the ${codeSpan(result.settings.strategy)} strategy's conditions (see the table).`;
  }
  const lines = [
    `**Recommendation: ${formatMemory(rec.memoryMb)}** (strategy ${codeSpan(rec.strategy)}): ${perMillion(rec.costPerInvocationUsd)}, ${formatMs(rec.durationMs)} mean duration. ${escapeMarkdown(rec.reason)}`,
  ];
  const current = result.current;
  const saving = savingPct(result);
  if (rec.memoryMb === current.memoryMb) {
    lines.push(`The function already runs at ${formatMemory(rec.memoryMb)}.`);
  } else if (saving !== null) {
    const monthly = monthlyChangeUsd(result);
    const monthlyText =
      monthly !== null
        ? ` (${formatUsdDelta(monthly)}/month at ${formatCount(result.settings.monthlyInvocations)} invocations/month)`
        : '';
    const verb = saving >= 0 ? 'saves' : 'costs';
    lines.push(
      `Currently ${formatMemory(current.memoryMb)}: ${perMillion(current.costPerInvocationUsd)}, ${formatMs(current.durationMs)}. Switching ${verb} ${formatUnsignedPct(saving)}${monthlyText}.`,
    );
  } else {
    lines.push(
      `Currently ${formatMemory(current.memoryMb)} (not among the tuned memory sizes, so no saving is computed).`,
    );
  }
  if (result.applied) {
    lines.push(
      result.applied.target === 'alias'
        ? `Applied: alias ${codeSpan(result.applied.alias ?? '')} now points at version ${escapeMarkdown(result.applied.version ?? '?')} (${formatMemory(result.applied.memoryMb)}).`
        : `Applied: $LATEST now has ${formatMemory(result.applied.memoryMb)}.`,
    );
  } else if (result.settings.autoOptimize) {
    // Auto-optimize applies only to a run that passes (tuning/apply.ts, docs/gate.md).
    lines.push(
      verdict?.level === 'fail'
        ? 'Not applied: auto-optimize changes the function only when the run passes, and the gate verdict is fail.'
        : 'Not applied: auto-optimize changes the function only when the run passes (the log says why this one did not).',
    );
  }
  return lines.join('\\\n');
}

function dryRunSection(result: RunResult): string {
  const s = result.settings;
  const invocations = s.invocationsPerValue * s.powerValuesMb.length;
  return `Would tune ${s.powerValuesMb.map(formatMemory).join(', ')} with ${s.invocationsPerValue} invocations each (${invocations} in all, strategy ${codeSpan(s.strategy)}). Nothing was changed or invoked.`;
}

// ---------------------------------------------------------------------------------------------------------
// The table

function deltaText(cell: DeltaCell | null): string {
  if (!cell) return '–';
  const text = formatPct(cell.deltaPct);
  const icon = cell.level === 'fail' ? '❌\u00a0' : cell.level === 'warn' ? '⚠️\u00a0' : '';
  return `${icon}${cell.significant ? `**${text}**` : text}`;
}

/** Keeps a figure and its unit (or an icon and its figure) on one line in a narrow table column. */
const nb = (text: string): string => text.replace(/ /g, '\u00a0');

const RECOMMENDED_MARK = '⭐';
const CURRENT_MARK = '📌';

function memoryCell(result: RunResult, entry: PowerValueResult): string {
  const marks: string[] = [];
  if (entry.memoryMb === result.recommendation?.memoryMb) marks.push(RECOMMENDED_MARK);
  if (entry.memoryMb === result.current.memoryMb) marks.push(CURRENT_MARK);
  const memory = nb(formatMemory(entry.memoryMb));
  return marks.length > 0 ? `**${memory}**\u00a0${marks.join('')}` : memory;
}

export function errorsCell(entry: PowerValueResult): string {
  return errorsText(entry, (text) => escapeMarkdown(text));
}

function tableOf(input: ReportInput, entries: readonly PowerValueResult[], withDelta: boolean): string {
  const { result } = input;
  const header = ['Memory', 'Mean', 'p90', 'Cost / 1M', ...(withDelta ? ['Δ cost', 'Δ mean'] : []), 'Errors'];
  const align = ['---:', '---:', '---:', '---:', ...(withDelta ? ['---:', '---:'] : []), ':---'];
  const rows = entries.map((entry) => {
    const deltas = withDelta
      ? [deltaText(deltaAt(input, entry.memoryMb, 'cost')), deltaText(deltaAt(input, entry.memoryMb, 'duration'))]
      : [];
    if (entry.status === 'failed' || !entry.duration) {
      return [memoryCell(result, entry), nb('❌ failed'), '–', '–', ...deltas, errorsCell(entry)];
    }
    return [
      memoryCell(result, entry),
      nb(formatMs(entry.duration.trimmedMean)),
      nb(formatMs(entry.duration.p90)),
      formatUsd(costPerMillionUsd(entry.costPerInvocationUsd)),
      ...deltas,
      errorsCell(entry),
    ];
  });
  return [`| ${header.join(' | ')} |`, `|${align.join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join(
    '\n',
  );
}

function powerValueTable(input: ReportInput): string {
  const { result } = input;
  const withDelta = hasBaselineColumns(input);
  const legend = [
    `${RECOMMENDED_MARK} recommended · ${CURRENT_MARK} configured now · Mean: trimmed mean duration (the slowest and fastest ${Math.round(result.settings.discardTopBottom * 100)}% dropped), ${measuredInvocationsText(result.settings)} · Cost in USD per 1M invocations.`,
    withDelta
      ? 'Δ: change against the baseline at the same memory; **bold**: significant (its confidence interval excludes 0); ⚠️ ❌: over the warn or fail limit.'
      : '',
  ].filter(Boolean);
  const all = result.powerValues;
  if (all.length <= MAX_TABLE_ROWS)
    return [tableOf(input, all, withDelta), '', `<sub>${legend.join(' ')}</sub>`].join('\n');
  const keys = keyMemorySizes(input);
  const shown = all.filter((entry) => keys.has(entry.memoryMb));
  return [
    tableOf(input, shown, withDelta),
    '',
    `<sub>${legend.join(' ')} Key memory sizes only (recommended, configured, compared, fastest, cheapest): all ${all.length} are below.</sub>`,
    '',
    `<details><summary>All ${all.length} memory sizes</summary>`,
    '',
    tableOf(input, all, withDelta),
    '',
    '</details>',
  ].join('\n');
}

/** Listed one by one up to this many; the rest are counted (every reason is in results.json). */
const MAX_LISTED_FAILURES = 10;

function failures(result: RunResult): string {
  const failed = result.powerValues.filter((entry) => entry.status === 'failed');
  if (failed.length === 0) return '';
  const more = failed.length - MAX_LISTED_FAILURES;
  return [
    '**Not measured** (left out of the recommendation):',
    ...failed
      .slice(0, MAX_LISTED_FAILURES)
      .map((entry) => `- ${formatMemory(entry.memoryMb)}: ${escapeMarkdown(entry.failureReason ?? 'failed', 160)}`),
    ...(more > 0 ? [`- and ${more} more memory size${more === 1 ? '' : 's'} (every reason is in results.json)`] : []),
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------------------
// Links

function links(input: ReportInput): string {
  const { single, compare } = visualizationLinks(input.result, input.baseline);
  const parts: string[] = [];
  if (single) parts.push(`[📈 Chart of this run](${single})`);
  if (compare) parts.push(`[⚖️ Compared with the baseline](${compare})`);
  const run = safeUrl(input.runUrl);
  if (run) parts.push(`[🔎 Workflow run](${run})`);
  return parts.join(' · ');
}

// ---------------------------------------------------------------------------------------------------------
// Details

function comparisonValue(row: MetricComparison, value: number | null): string {
  if (row.kind === 'duration') return nb(formatMs(value));
  if (row.kind === 'monthly-cost') return formatUsd(value);
  return nb(`${formatUsd(costPerMillionUsd(value))} / 1M`);
}

function comparisonsTable(verdict: Verdict): string {
  if (verdict.comparisons.length === 0) return '';
  const rows = verdict.comparisons.map((row) => {
    const interval =
      row.ciLowPct !== null && row.ciHighPct !== null
        ? nb(`${formatPct(row.ciLowPct)} … ${formatPct(row.ciHighPct)}`)
        : '–';
    return `| ${VERDICT_ICON[row.level]} ${escapeMarkdown(row.metric, 120)} | ${comparisonValue(row, row.baseValue)} | ${comparisonValue(row, row.prValue)} | ${formatPct(row.deltaPct)} | ${interval} | ${row.significant ? 'yes' : 'no'} | ${escapeMarkdown(row.reason, 400)} |`;
  });
  return [
    '**Gate checks**',
    '',
    '| Check | Baseline | This run | Δ | Interval of Δ | Significant | Why |',
    '|:--|--:|--:|--:|:-:|:-:|:--|',
    ...rows,
  ].join('\n');
}

function statisticsTable(result: RunResult, title: string): string {
  const ms = (value: number | null | undefined): string => nb(formatMs(value));
  const rows = result.powerValues.map((entry) => {
    const d = entry.duration;
    const cold = coldStartText(entry);
    const figures = d
      ? [
          d.count,
          ms(d.mean),
          ms(d.trimmedMean),
          ms(d.median),
          ms(d.p90),
          ms(d.p95),
          ms(d.p99),
          ms(d.stdDev),
          nb(`${formatMs(d.ci95Low)} … ${formatMs(d.ci95High)}`),
        ]
      : [0, '–', '–', '–', '–', '–', '–', '–', '–'];
    return `| ${nb(formatMemory(entry.memoryMb))} | ${figures.join(' | ')} | ${ms(entry.billedDurationMs)} | ${entry.maxMemoryUsedMb ?? '–'} | ${cold} |`;
  });
  return [
    `**${title}**: successful ${measuredInvocationsText(result.settings)}`,
    '',
    `| Memory | n | Mean | Trimmed | Median | p90 | p95 | p99 | SD | 95% CI of mean | Billed | Max MB used | ${result.powerValues.some((entry) => entry.restore) ? 'Cold × Init / Restore' : 'Cold × Init'} |`,
    '|--:|--:|--:|--:|--:|--:|--:|--:|--:|:-:|--:|--:|--:|',
    ...rows,
  ].join('\n');
}

/** Cold starts and their mean Init Duration, or for SnapStart versions their mean Restore Duration. */
function coldStartText(entry: PowerValueResult): string {
  const parts = coldStartTexts(entry).map(nb);
  return parts.length > 0 ? parts.join(', ') : '–';
}

function errorMessages(result: RunResult): string {
  const lines = firstErrors(result).map(
    (error) =>
      `- ${formatMemory(error.memoryMb)}: ${escapeMarkdown(error.errorType, 80)}: ${escapeMarkdown(error.errorMessage)}`,
  );
  return lines.length > 0 ? ['**First error message per memory size**', '', ...lines].join('\n') : '';
}

function settingsList(result: RunResult): string {
  const s = result.settings;
  const f = result.function;
  const p = result.prices;
  const order = s.parallelInvocation ? `in parallel (concurrency ${s.concurrency})` : 'one after another';
  const strategy =
    s.strategy === 'balanced'
      ? `${codeSpan(s.strategy)} (weight ${s.balancedWeight})`
      : s.strategy === 'percentile' && s.percentileLimit
        ? `${codeSpan(s.strategy)} (p${s.percentileLimit.percentile} ≤ ${formatMs(s.percentileLimit.maxDurationMs)})`
        : codeSpan(s.strategy);
  const lines = [
    '**Settings**',
    '',
    `- Function: ${codeSpan(f.arn)} (${escapeMarkdown(f.architecture)}, ${escapeMarkdown(f.runtime ?? 'unknown runtime')}, ${escapeMarkdown(f.logFormat)} logs), configured memory ${formatMemory(f.originalMemoryMb)}${f.codeSha256 ? `, code SHA-256 ${codeSpan(f.codeSha256, 64)}` : ''}`,
    `- ${s.invocationsPerValue} invocations per memory size, ${order}${s.sleepBetweenRunsMs > 0 ? `, ${s.sleepBetweenRunsMs} ms apart` : ''}; ${s.payloadCount} payload${s.payloadCount === 1 ? '' : 's'}${s.onlyColdStarts ? '; cold starts only' : ''}`,
    ...(result.sampling
      ? [
          `- ${escapeMarkdown(describeSampling(result.sampling))} ${escapeMarkdown(capitalise(result.sampling.reason))}.`,
        ]
      : []),
    ...(result.gateSampling ? [`- ${escapeMarkdown(describeGateSampling(result.gateSampling) ?? '')}`] : []),
    `- Strategy ${strategy}; trimmed mean drops ${Math.round(s.discardTopBottom * 100)}% at each end`,
    `- Allowed error types: ${s.allowedExceptions.length > 0 ? s.allowedExceptions.map((type) => escapeMarkdown(type, 80)).join(', ') : 'none'}`,
    ...(s.monthlyInvocations
      ? [`- Monthly projections assume ${formatCount(s.monthlyInvocations)} invocations a month`]
      : []),
    `- Prices (${escapeMarkdown(p.region)}, ${escapeMarkdown(p.architecture)}): ${formatUsd(p.pricePerGbSecondUsd)} per GB-second and ${formatUsd(p.pricePerRequestUsd)} per request${p.fallback ? ' (region not in the price table: the default region\u2019s prices)' : ''}; ${escapeMarkdown(p.source)}, as of ${escapeMarkdown(p.asOf)}`,
    `- This tuning run's own invocations cost ${formatUsd(result.tuningCostUsd)}`,
  ];
  return lines.join('\n');
}

function payloadsList(result: RunResult): string {
  // Payloads are in results.json only on opt-in; check the flag too, in case a hand-made file carries them.
  const payloads = result.settings.payloads;
  if (!result.settings.logPayloads || !payloads || payloads.length === 0) return '';
  return [
    '**Payloads** (shown because log-payloads is on)',
    '',
    ...payloads.map((p, i) => `- #${i + 1}, weight ${p.weight}: ${codeSpan(p.payload, 500)}`),
  ].join('\n');
}

function footer(result: RunResult, baseline: RunResult | null | undefined): string {
  const sha = shortSha(result.git?.sha);
  const parts = [
    `${escapeMarkdown(result.tool.name)} ${escapeMarkdown(result.tool.version)}`,
    `measured ${escapeMarkdown(result.startedAt)} → ${escapeMarkdown(result.finishedAt)}`,
    ...(sha ? [`commit ${sha}`] : []),
  ];
  if (baseline) {
    const baseSha = shortSha(baseline.git?.sha);
    parts.push(`baseline measured ${escapeMarkdown(baseline.startedAt)}${baseSha ? ` at ${baseSha}` : ''}`);
  }
  return `<sub>${parts.join(' · ')}</sub>`;
}

function details(input: ReportInput): string {
  const { result, verdict, baseline } = input;
  const baselineLine = verdict?.baselineDescription
    ? `**Baseline:** ${escapeMarkdown(verdict.baselineDescription)}`
    : baseline
      ? `**Baseline:** run of ${codeSpan(baseline.function.name)}`
      : '**Baseline:** none (nothing to compare with: a first run, or no baseline configured)';
  const blocks = [
    baselineLine,
    verdict ? comparisonsTable(verdict) : '',
    result.dryRun ? '' : statisticsTable(result, 'Statistics of this run'),
    baseline && !result.dryRun ? statisticsTable(baseline, 'Statistics of the baseline') : '',
    errorMessages(result),
    settingsList(result),
    payloadsList(result),
    footer(result, baseline),
  ];
  return [
    '<details><summary>Full statistics, settings, prices and baseline</summary>',
    '',
    blocks.filter((block) => block.length > 0).join('\n\n'),
    '',
    '</details>',
  ].join('\n');
}
