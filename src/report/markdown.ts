// The markdown report body (PR comment, job summary, report.md): what model.ts decides to show, in markdown.
//
// Read top to bottom it answers, in this order: did this PR make the function worse, and by how much that
// matters (headline); what memory to run at (recommendation); the figures per memory size (table); the shape
// (charts); where to look further (links); everything else, collapsed (details, markdown-details.ts). Anything a
// user or a function wrote is escaped on the way in (lib/format.ts), and a results file is treated as untrusted
// input: the comment-only mode may render one uploaded by a fork. GitHub's size limits are in limits.ts.

import type { PowerValueResult, RunResult } from '../types.js';
import { acceptedSentence } from '../gate/acceptance.js';
import { architectureChangeSentence } from '../gate/reasons.js';
import { architectureSection, pairHeadline } from './architectures.js';
import { chartMarkdown } from './chart.js';
import { detailsSection } from './markdown-details.js';
import { trendMarkdown } from './trend.js';
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
  nonBreaking,
  safeUrl,
} from '../lib/format.js';
import {
  deltaAt,
  memoryDeltaAt,
  memoryUseAt,
  memoryUseCellText,
  noRecommendationReason,
  type MemoryUseCell,
  errorsText,
  ACCEPTED_ICON,
  hasBaselineColumns,
  hasMemoryColumns,
  headlineNumber,
  keyMemorySizes,
  MAX_TABLE_ROWS,
  monthlyChangeUsd,
  NO_VERDICT_ICON,
  projectedCosts,
  savingPct,
  storedBaselineNote,
  VERDICT_ICON,
  type DeltaCell,
  type ReportInput,
} from './model.js';
import { coldStartLegend, expectedCostCell } from './cold-start-legend.js';
import { visualizationLinks } from './links.js';

export interface RenderOptions {
  /**
   * The app report's shorter form of a function's report (report/app.ts, when the whole would not fit a comment):
   * no charts and no folded statistics; this sentence (markdown, escaped by the caller) saying where they are.
   */
  compactNote?: string;
}

export function renderReport(input: ReportInput, options: RenderOptions = {}): string {
  const { result } = input;
  const compact = options.compactNote !== undefined;
  const rest = compact ? `<sub>${options.compactNote}</sub>` : detailsSection(input);
  if (result.dryRun) return [headline(input), dryRunSection(result), links(input), rest].join('\n\n') + '\n';
  const sections = [
    headline(input),
    recommendationSection(result, input.verdict),
    architectureSection(result, { charts: !compact }),
    powerValueTable(input),
    failures(result),
    compact ? '' : chartMarkdown(result, input.baseline),
    compact || !input.trend ? '' : trendMarkdown(input.trend, result),
    links(input),
    rest,
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
  const icon = verdict?.accepted ? ACCEPTED_ICON : verdict ? VERDICT_ICON[verdict.level] : NO_VERDICT_ICON;
  const number = verdict ? headlineNumber(verdict, result.settings.monthlyInvocations) : null;
  const lines: string[] = [];
  if (number) {
    lines.push(`### ${icon} ${name}: ${number}`, '', escapeMarkdown(verdict?.reason ?? '', 1000));
  } else if (verdict && verdict.level !== 'pass') {
    // An absolute limit or a failed memory size: the reason is the headline.
    lines.push(`### ${icon} ${name}: ${escapeMarkdown(verdict.reason, 400)}`);
  } else {
    const pair = result.architectureComparison ? pairHeadline(result.architectureComparison) : null;
    const recommended = pair ?? recommendationNumber(result);
    lines.push(`### ${icon} ${name}: ${recommended ?? 'no recommendation'}`);
    if (verdict) lines.push('', escapeMarkdown(verdict.reason, 1000));
  }
  if (number && result.architectureComparison) {
    const pair = pairHeadline(result.architectureComparison);
    if (pair) lines.push('', `**${escapeMarkdown(pair)}.**`);
  }
  if (verdict?.architectureChange)
    lines.push('', `> [!NOTE]\n> ${architectureChangeSentence(verdict.architectureChange)}`);
  if (verdict?.accepted) lines.push('', acceptedBlock(verdict.accepted));
  if (verdict?.baselineDescription)
    lines.push('', `<sub>Baseline: ${escapeMarkdown(verdict.baselineDescription)}${storedBaselineNote(verdict)}</sub>`);
  return lines.join('\n');
}

/** Who accepted the regression, when, and the checks it covers: a note, so nobody reads it as a pass. */
export function acceptedBlock(note: NonNullable<NonNullable<ReportInput['verdict']>['accepted']>): string {
  return `> [!NOTE]\n> **Accepted on purpose, the job passes.** ${escapeMarkdown(acceptedSentence(note), 1500)} Remove the label to gate this pull request again.`;
}

// ---------------------------------------------------------------------------------------------------------
// Recommendation

function perMillion(costPerInvocationUsd: number | null | undefined): string {
  return `${formatUsd(costPerMillionUsd(costPerInvocationUsd))} per 1M invocations`;
}

function recommendationSection(result: RunResult, verdict: ReportInput['verdict']): string {
  const rec = result.recommendation;
  if (!rec) {
    const why = noRecommendationReason(result);
    return why
      ? `**No recommendation:** ${escapeMarkdown(why, 1000)}`
      : `**No recommendation:** no memory size met the ${codeSpan(result.settings.strategy)} strategy's conditions (see the table).`;
  }
  const lines = [
    `**Recommendation: ${formatMemory(rec.memoryMb)}${result.architectureComparison ? ` on ${escapeMarkdown(result.function.architecture)}` : ''}** (strategy ${codeSpan(rec.strategy)}): ${perMillion(rec.costPerInvocationUsd)}, ${formatMs(rec.durationMs)} mean duration. ${escapeMarkdown(capitalise(rec.reason))}`,
  ];
  const current = result.current;
  const saving = savingPct(result);
  if (rec.memoryMb === current.memoryMb) {
    lines.push(`The function already runs at ${formatMemory(rec.memoryMb)}.`);
  } else if (saving !== null) {
    const monthly = monthlyChangeUsd(result);
    const monthlyText =
      monthly !== null
        ? ` (${formatUsdDelta(monthly)}/month at ${formatCount(result.settings.monthlyInvocations)} invocations/month${projectedCosts(result)?.withColdStarts ? ', cold starts included' : ''})`
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

/** "241 MB (94%)", with ⚠️ or ❌ where the gate's headroom check warned or failed. */
function memoryUseText(cell: MemoryUseCell | null): string {
  if (!cell) return '–';
  const icon = cell.level === 'fail' ? '❌\u00a0' : cell.level === 'warn' ? '⚠️\u00a0' : '';
  return nonBreaking(`${icon}${memoryUseCellText(cell)}`);
}

const RECOMMENDED_MARK = '⭐';
const CURRENT_MARK = '📌';

function memoryCell(result: RunResult, entry: PowerValueResult): string {
  const marks: string[] = [];
  if (entry.memoryMb === result.recommendation?.memoryMb) marks.push(RECOMMENDED_MARK);
  if (entry.memoryMb === result.current.memoryMb) marks.push(CURRENT_MARK);
  const memory = nonBreaking(formatMemory(entry.memoryMb));
  return marks.length > 0 ? `**${memory}**\u00a0${marks.join('')}` : memory;
}

export function errorsCell(entry: PowerValueResult): string {
  return errorsText(entry, (text) => escapeMarkdown(text));
}

/** "≈$1.23", "$1.23" or "unknown": an expected cost per 1M invocations. */
function expectedText(entry: PowerValueResult): string {
  const cell = expectedCostCell(entry);
  if (!cell || cell.costUsd === null) return 'unknown';
  return `${cell.estimated ? '≈' : ''}${formatUsd(costPerMillionUsd(cell.costUsd))}`;
}

function tableOf(
  input: ReportInput,
  entries: readonly PowerValueResult[],
  withDelta: boolean,
  withMemory: boolean,
): string {
  const { result } = input;
  const withExpected = result.powerValues.some((entry) => expectedCostCell(entry) !== null);
  const header = [
    'Memory',
    'Mean',
    'p90',
    'Cost / 1M',
    ...(withExpected ? ['Expected / 1M'] : []),
    ...(withDelta ? ['Δ cost', 'Δ mean'] : []),
    ...(withMemory ? ['Max used', ...(withDelta ? ['Δ max used'] : [])] : []),
    'Errors',
  ];
  const align = [
    '---:',
    '---:',
    '---:',
    '---:',
    ...(withExpected ? ['---:'] : []),
    ...(withDelta ? ['---:', '---:'] : []),
    ...(withMemory ? ['---:', ...(withDelta ? ['---:'] : [])] : []),
    ':---',
  ];
  const rows = entries.map((entry) => {
    const deltas = withDelta
      ? [deltaText(deltaAt(input, entry.memoryMb, 'cost')), deltaText(deltaAt(input, entry.memoryMb, 'duration'))]
      : [];
    const memory = withMemory
      ? [
          memoryUseText(memoryUseAt(input, entry.memoryMb)),
          ...(withDelta ? [deltaText(memoryDeltaAt(input, entry.memoryMb))] : []),
        ]
      : [];
    if (entry.status === 'failed' || !entry.duration) {
      const noExpected = withExpected ? ['–'] : [];
      return [
        memoryCell(result, entry),
        nonBreaking('❌ failed'),
        '–',
        '–',
        ...noExpected,
        ...deltas,
        ...memory,
        errorsCell(entry),
      ];
    }
    return [
      memoryCell(result, entry),
      nonBreaking(formatMs(entry.duration.trimmedMean)),
      nonBreaking(formatMs(entry.duration.p90)),
      formatUsd(costPerMillionUsd(entry.costPerInvocationUsd)),
      ...(withExpected ? [expectedText(entry)] : []),
      ...deltas,
      ...memory,
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
  const withMemory = hasMemoryColumns(input);
  const legend = [
    `${RECOMMENDED_MARK} recommended · ${CURRENT_MARK} configured now · Mean: trimmed mean duration (the slowest and fastest ${Math.round(result.settings.discardTopBottom * 100)}% dropped), ${measuredInvocationsText(result.settings)} · Cost in USD per 1M invocations${withMemory ? ' · Max used: peak Max Memory Used, % of the memory size' : ''}.`,
    coldStartLegend(result, (text) => escapeMarkdown(text, 200)) ?? '',
    withDelta
      ? 'Δ: change against the baseline at the same memory; **bold**: significant (its confidence interval excludes 0); ⚠️ ❌: over the warn or fail limit.'
      : '',
  ].filter(Boolean);
  const all = result.powerValues;
  if (all.length <= MAX_TABLE_ROWS)
    return [tableOf(input, all, withDelta, withMemory), '', `<sub>${legend.join(' ')}</sub>`].join('\n');
  const keys = keyMemorySizes(input);
  const shown = all.filter((entry) => keys.has(entry.memoryMb));
  return [
    tableOf(input, shown, withDelta, withMemory),
    '',
    `<sub>${legend.join(' ')} Key memory sizes only (recommended, configured, compared, fastest, cheapest): all ${all.length} are below.</sub>`,
    '',
    `<details><summary>All ${all.length} memory sizes</summary>`,
    '',
    tableOf(input, all, withDelta, withMemory),
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
