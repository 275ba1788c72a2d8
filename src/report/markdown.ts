// The report body (PR comment, job summary, report.md): data in, string out.
//
// Read top to bottom it answers, in this order: did this PR make the function worse, and by how much that
// matters (headline); what memory to run at (recommendation); the figures per memory size (table); the shape
// (charts); where to look further (links); everything else, collapsed (details). Anything a user or a function
// wrote is escaped on the way in (format.ts), and a results file is treated as untrusted input: the comment-only
// mode may render one uploaded by a fork.

import type { MetricComparison, PowerValueResult, RunResult, Verdict, VerdictLevel } from '../types.js';
import { describeGateSampling } from '../gate/sequential.js';
import { describeSampling } from '../tuning/adaptive.js';
import { chartMarkdown } from './chart.js';
import { inertText } from '../lib/untrusted.js';
import {
  codeSpan,
  costPerMillionUsd,
  escapeMarkdown,
  formatCount,
  formatMemory,
  formatMs,
  formatPct,
  formatUsd,
  formatUsdDelta,
  measuredInvocationsText,
  safeUrl,
  truncateText,
} from '../lib/format.js';
import { compareVisualizationUrl, visualizationUrl, type VisualizationPoint } from '../results/visualization.js';

export interface ReportInput {
  result: RunResult;
  verdict?: Verdict | null;
  /** The baseline run, when there is one: the table's Δ columns, the chart's line and the compare link use it. */
  baseline?: RunResult | null;
  /** Link to the workflow run, when known. */
  runUrl?: string;
}

export const VERDICT_ICON: Record<VerdictLevel, string> = { pass: '✅', warn: '⚠️', fail: '❌' };
const NO_VERDICT_ICON = '⚡';

/** GitHub rejects a comment body longer than this many characters. */
export const GITHUB_COMMENT_MAX_CHARS = 65_536;
/** GitHub's limit on one step's job summary is 1 MiB; characters never exceed bytes, so this is safe. */
export const GITHUB_SUMMARY_MAX_CHARS = 1_048_576;

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

const LEVEL_RANK: Record<VerdictLevel, number> = { pass: 0, warn: 1, fail: 2 };
const KIND_WORDS: Record<MetricComparison['kind'], string> = {
  cost: 'cost per invocation',
  duration: 'duration',
  'monthly-cost': 'monthly cost',
};

/**
 * The comparison the headline quotes: the worst level first; within a level the configured memory (the one with
 * the monthly figure), then cost before duration, significant before not, then the largest change.
 */
export function headlineComparison(verdict: Verdict): MetricComparison | null {
  const candidates = verdict.comparisons.filter((row) => row.deltaPct !== null && row.kind !== 'monthly-cost');
  if (candidates.length === 0) return null;
  const monthlyMemory = verdict.comparisons.find((row) => row.kind === 'monthly-cost')?.memoryMb;
  const score = (row: MetricComparison): number[] => [
    LEVEL_RANK[row.level],
    // The configured memory is what production pays for: quote it whenever it is at the worst level.
    row.memoryMb === monthlyMemory ? 1 : 0,
    row.kind === 'cost' ? 1 : 0,
    row.significant ? 1 : 0,
    Math.abs(row.deltaPct ?? 0),
  ];
  const better = (a: number[], b: number[]): boolean => {
    for (let i = 0; i < a.length; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
    return false;
  };
  return candidates.reduce((best, row) => (better(score(row), score(best)) ? row : best));
}

/**
 * "cost per invocation +18.2% at 512 MB, +$42.10/month at 10M invocations/month" (prefixed "no significant
 * change: " when the quoted change is within noise), or null when nothing was compared.
 */
export function headlineNumber(verdict: Verdict, monthlyInvocations: number | undefined): string | null {
  const row = headlineComparison(verdict);
  if (!row) return null;
  const at = row.memoryMb !== undefined ? ` at ${formatMemory(row.memoryMb)}` : '';
  const prefix = row.significant ? '' : 'no significant change: ';
  const parts = [`${prefix}${KIND_WORDS[row.kind]} ${formatPct(row.deltaPct)}${at}`];
  if (verdict.monthlyCostDeltaUsd !== null && Number.isFinite(verdict.monthlyCostDeltaUsd)) {
    const volume = monthlyInvocations ? ` at ${formatCount(monthlyInvocations)} invocations/month` : '';
    parts.push(`${formatUsdDelta(verdict.monthlyCostDeltaUsd)}/month${volume}`);
  }
  return parts.join(', ');
}

function recommendationNumber(result: RunResult): string | null {
  const rec = result.recommendation;
  if (!rec) return null;
  const saving = savingPct(result);
  if (rec.memoryMb !== result.current.memoryMb && saving !== null && Math.abs(saving) >= 0.05) {
    const word = saving >= 0 ? 'cheaper' : 'more expensive';
    return `${formatMemory(rec.memoryMb)} recommended, ${Math.abs(saving).toFixed(1)}% ${word} than the current ${formatMemory(result.current.memoryMb)}`;
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
  if (verdict?.baselineDescription) lines.push('', `<sub>Baseline: ${escapeMarkdown(verdict.baselineDescription)}${storedBaselineNote(verdict)}</sub>`);
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------------------
// Recommendation

/** Cost saving of the recommendation over the configured memory, percent; null when either is unknown. */
export function savingPct(result: RunResult): number | null {
  const recommended = result.recommendation?.costPerInvocationUsd;
  const current = result.current.costPerInvocationUsd;
  if (recommended === undefined || current === null || current === 0) return null;
  return (1 - recommended / current) * 100;
}

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
    const monthly = result.settings.monthlyInvocations;
    const monthlyText =
      monthly && current.costPerInvocationUsd !== null
        ? ` (${formatUsdDelta((rec.costPerInvocationUsd - current.costPerInvocationUsd) * monthly)}/month at ${formatCount(monthly)} invocations/month)`
        : '';
    const verb = saving >= 0 ? 'saves' : 'costs';
    lines.push(
      `Currently ${formatMemory(current.memoryMb)}: ${perMillion(current.costPerInvocationUsd)}, ${formatMs(current.durationMs)}. Switching ${verb} ${Math.abs(saving).toFixed(1)}%${monthlyText}.`,
    );
  } else {
    lines.push(`Currently ${formatMemory(current.memoryMb)} (not among the tuned memory sizes, so no saving is computed).`);
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

interface DeltaCell {
  deltaPct: number;
  /** Undefined when the gate did not test this memory size. */
  significant?: boolean;
  level?: VerdictLevel;
}

function entryAt(run: RunResult | null | undefined, memoryMb: number): PowerValueResult | undefined {
  return run?.powerValues.find((entry) => entry.memoryMb === memoryMb);
}

function ratioPct(pr: number | null | undefined, base: number | null | undefined): number | null {
  if (typeof pr !== 'number' || typeof base !== 'number' || !Number.isFinite(pr) || !Number.isFinite(base) || base <= 0) return null;
  return (pr / base - 1) * 100;
}

/**
 * Δ at one memory size: the gate's comparison when it compared this memory with the same memory on the base
 * (it knows the significance), else the change of the two runs' own figures, without a significance mark.
 */
export function deltaAt(input: ReportInput, memoryMb: number, kind: 'cost' | 'duration'): DeltaCell | null {
  const tested = input.verdict?.comparisons.find(
    (row) => row.kind === kind && row.memoryMb === memoryMb && (row.baseMemoryMb ?? memoryMb) === memoryMb && row.deltaPct !== null,
  );
  if (tested && tested.deltaPct !== null) return { deltaPct: tested.deltaPct, significant: tested.significant, level: tested.level };
  const pr = entryAt(input.result, memoryMb);
  const base = entryAt(input.baseline, memoryMb);
  if (pr?.status !== 'ok' || base?.status !== 'ok') return null;
  const deltaPct =
    kind === 'cost' ? ratioPct(pr.costPerInvocationUsd, base.costPerInvocationUsd) : ratioPct(pr.duration?.trimmedMean, base.duration?.trimmedMean);
  return deltaPct === null ? null : { deltaPct };
}

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

/** "3 / 10 (Runtime.OutOfMemory ×3, 1 more type)": the most frequent error type only, so the cell stays narrow. */
export function errorsText(entry: PowerValueResult, escape: (text: string) => string = (text) => text): string {
  const types = Object.entries(entry.errorTypes).sort(([, a], [, b]) => b - a);
  const count = `${entry.errors}\u00a0/\u00a0${entry.invocations}`;
  const [top] = types;
  if (!top) return count;
  const more = types.length > 1 ? `, ${types.length - 1} more type${types.length === 2 ? '' : 's'}` : '';
  return `${count} (${escape(truncateText(top[0], 40))} ×${top[1]}${more})`;
}

export function errorsCell(entry: PowerValueResult): string {
  return errorsText(entry, (text) => escapeMarkdown(text));
}

function hasBaselineColumns(input: ReportInput): boolean {
  return Boolean(input.baseline) || Boolean(input.verdict?.comparisons.some((row) => row.deltaPct !== null && row.memoryMb !== undefined));
}

/** Beyond this many memory sizes (power-values ALL has 46) the table shows the rows that matter, the rest folded. */
export const MAX_TABLE_ROWS = 12;

/** The rows a reviewer needs: recommended, configured, those the gate compared, the fastest and the cheapest. */
function keyMemorySizes(input: ReportInput): Set<number> {
  const { result } = input;
  const keys = new Set<number>();
  if (result.recommendation) keys.add(result.recommendation.memoryMb);
  keys.add(result.current.memoryMb);
  for (const row of input.verdict?.comparisons ?? []) if (row.memoryMb !== undefined) keys.add(row.memoryMb);
  const ok = result.powerValues.filter((entry) => entry.status === 'ok' && entry.duration && entry.costPerInvocationUsd !== null);
  const fastest = ok.reduce<PowerValueResult | undefined>((best, entry) => (!best || (entry.duration?.trimmedMean ?? Infinity) < (best.duration?.trimmedMean ?? Infinity) ? entry : best), undefined);
  const cheapest = ok.reduce<PowerValueResult | undefined>((best, entry) => (!best || (entry.costPerInvocationUsd ?? Infinity) < (best.costPerInvocationUsd ?? Infinity) ? entry : best), undefined);
  if (fastest) keys.add(fastest.memoryMb);
  if (cheapest) keys.add(cheapest.memoryMb);
  return keys;
}

function tableOf(input: ReportInput, entries: readonly PowerValueResult[], withDelta: boolean): string {
  const { result } = input;
  const header = ['Memory', 'Mean', 'p90', 'Cost / 1M', ...(withDelta ? ['Δ cost', 'Δ mean'] : []), 'Errors'];
  const align = ['---:', '---:', '---:', '---:', ...(withDelta ? ['---:', '---:'] : []), ':---'];
  const rows = entries.map((entry) => {
    const deltas = withDelta ? [deltaText(deltaAt(input, entry.memoryMb, 'cost')), deltaText(deltaAt(input, entry.memoryMb, 'duration'))] : [];
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
  return [`| ${header.join(' | ')} |`, `|${align.join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}

function powerValueTable(input: ReportInput): string {
  const { result } = input;
  const withDelta = hasBaselineColumns(input);
  const legend = [
    `${RECOMMENDED_MARK} recommended · ${CURRENT_MARK} configured now · Mean: trimmed mean duration (the slowest and fastest ${Math.round(result.settings.discardTopBottom * 100)}% dropped), ${measuredInvocationsText(result.settings)} · Cost in USD per 1M invocations.`,
    withDelta ? 'Δ: change against the baseline at the same memory; **bold**: significant (its confidence interval excludes 0); ⚠️ ❌: over the warn or fail limit.' : '',
  ].filter(Boolean);
  const all = result.powerValues;
  if (all.length <= MAX_TABLE_ROWS) return [tableOf(input, all, withDelta), '', `<sub>${legend.join(' ')}</sub>`].join('\n');
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
    ...failed.slice(0, MAX_LISTED_FAILURES).map((entry) => `- ${formatMemory(entry.memoryMb)}: ${escapeMarkdown(entry.failureReason ?? 'failed', 160)}`),
    ...(more > 0 ? [`- and ${more} more memory size${more === 1 ? '' : 's'} (every reason is in results.json)`] : []),
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------------------
// Links

export function visualizationPoints(result: RunResult): VisualizationPoint[] {
  return result.powerValues.flatMap((entry) => {
    const durationMs = entry.duration?.trimmedMean;
    if (entry.status !== 'ok' || typeof durationMs !== 'number' || typeof entry.costPerInvocationUsd !== 'number') return [];
    return [{ memoryMb: entry.memoryMb, durationMs, costUsd: entry.costPerInvocationUsd }];
  });
}

const shortSha = (sha: string | undefined): string | null => (sha && /^[0-9a-f]{7,40}$/i.test(sha) ? sha.slice(0, 7) : null);

/** Legends for the compare chart: plain words and a short SHA only (they end up in a URL and a third-party page). */
function legendFor(run: RunResult, fallback: string): string {
  const sha = shortSha(run.git?.sha);
  const pr = run.git?.pullRequest;
  if (fallback === 'PR' && Number.isInteger(pr)) return sha ? `PR #${pr} (${sha})` : `PR #${pr}`;
  return sha ? `${fallback} (${sha})` : fallback;
}

/** The lambda-power-tuning.show links, rebuilt from the figures (a results file's own URL field is not trusted). */
export function visualizationLinks(result: RunResult, baseline?: RunResult | null): { single: string | null; compare: string | null } {
  const points = visualizationPoints(result);
  const single = points.length > 0 ? visualizationUrl(points) : null;
  const basePoints = baseline ? visualizationPoints(baseline) : [];
  const compare =
    baseline && points.length > 0 && basePoints.length > 0
      ? compareVisualizationUrl(basePoints, points, legendFor(baseline, 'baseline'), legendFor(result, result.git?.pullRequest ? 'PR' : 'this run'))
      : null;
  return { single, compare };
}

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
    const interval = row.ciLowPct !== null && row.ciHighPct !== null ? nb(`${formatPct(row.ciLowPct)} … ${formatPct(row.ciHighPct)}`) : '–';
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
      ? [d.count, ms(d.mean), ms(d.trimmedMean), ms(d.median), ms(d.p90), ms(d.p95), ms(d.p99), ms(d.stdDev), nb(`${formatMs(d.ci95Low)} … ${formatMs(d.ci95High)}`)]
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
function coldStartText(entry: RunResult['powerValues'][number]): string {
  const parts: string[] = [];
  if (entry.coldStart) parts.push(nb(`${entry.coldStart.count} × ${formatMs(entry.coldStart.mean)}`));
  if (entry.restore) parts.push(nb(`${entry.restore.count} × ${formatMs(entry.restore.mean)} restore`));
  return parts.length > 0 ? parts.join(', ') : '–';
}

function errorMessages(result: RunResult): string {
  // Messages are kept in results.json only when Lambda wrote them or the user opted in (log-payloads).
  const lines = result.powerValues.flatMap((entry) => {
    const sample = entry.samples.find((s) => s.errorType !== undefined && s.errorMessage);
    return sample ? [`- ${formatMemory(entry.memoryMb)}: ${escapeMarkdown(sample.errorType ?? '', 80)}: ${escapeMarkdown(sample.errorMessage ?? '')}`] : [];
  });
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
    ...(result.sampling ? [`- ${escapeMarkdown(describeSampling(result.sampling))} ${escapeMarkdown(capitalise(result.sampling.reason))}.`] : []),
    ...(result.gateSampling ? [`- ${escapeMarkdown(describeGateSampling(result.gateSampling) ?? '')}`] : []),
    `- Strategy ${strategy}; trimmed mean drops ${Math.round(s.discardTopBottom * 100)}% at each end`,
    `- Allowed error types: ${s.allowedExceptions.length > 0 ? s.allowedExceptions.map((type) => escapeMarkdown(type, 80)).join(', ') : 'none'}`,
    ...(s.monthlyInvocations ? [`- Monthly projections assume ${formatCount(s.monthlyInvocations)} invocations a month`] : []),
    `- Prices (${escapeMarkdown(p.region)}, ${escapeMarkdown(p.architecture)}): ${formatUsd(p.pricePerGbSecondUsd)} per GB-second and ${formatUsd(p.pricePerRequestUsd)} per request${p.fallback ? ' (region not in the price table: the default region\u2019s prices)' : ''}; ${escapeMarkdown(p.source)}, as of ${escapeMarkdown(p.asOf)}`,
    `- This tuning run's own invocations cost ${formatUsd(result.tuningCostUsd)}`,
  ];
  return lines.join('\n');
}

function payloadsList(result: RunResult): string {
  // Payloads are in results.json only on opt-in; check the flag too, in case a hand-made file carries them.
  const payloads = result.settings.payloads;
  if (!result.settings.logPayloads || !payloads || payloads.length === 0) return '';
  return ['**Payloads** (shown because log-payloads is on)', '', ...payloads.map((p, i) => `- #${i + 1}, weight ${p.weight}: ${codeSpan(p.payload, 500)}`)].join('\n');
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

/**
 * A warn or fail against a stored run says what the reader should weigh: that run was measured at another time, in
 * other execution environments, which no interval over one run's samples can fully see (docs/gate.md, "Stored
 * baselines"); a live baseline can.
 */
export function storedBaselineNote(verdict: Verdict): string {
  if (verdict.baselineKind !== 'stored' || verdict.level === 'pass') return '';
  return ' — a stored run, measured at another time in other execution environments: it can flag what a live baseline-function would show as noise (docs/gate.md)';
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

// ---------------------------------------------------------------------------------------------------------
// Size limits

/**
 * Cuts markdown to at most maxChars, at a line boundary, closing any code fence or <details> left open, and
 * ends it with a visible notice. The report puts its least important parts last, so the cut takes those.
 */
export function fitToLimit(markdown: string, maxChars: number, fullReportWhere = 'the job summary and in report.md'): string {
  if (markdown.length <= maxChars) return markdown;
  const notice = `\n\n> [!WARNING]\n> This report was cut to fit GitHub's size limit; the full report is in ${fullReportWhere}.\n`;
  const closersReserve = 64;
  const budget = Math.max(0, maxChars - notice.length - closersReserve);
  let kept = markdown.slice(0, budget);
  const lastNewline = kept.lastIndexOf('\n');
  if (lastNewline > budget / 2) kept = kept.slice(0, lastNewline);
  // Never leave half a surrogate pair at the end (a line longer than half the budget is cut mid-line).
  if (/[\uD800-\uDBFF]$/.test(kept)) kept = kept.slice(0, -1);
  let closers = '';
  const fences = kept.split('\n').filter((line) => /^\s*```/.test(line)).length;
  if (fences % 2 === 1) closers += '\n```';
  const openDetails = (kept.match(/<details>/g) ?? []).length - (kept.match(/<\/details>/g) ?? []).length;
  for (let i = 0; i < openDetails; i++) closers += '\n\n</details>';
  return `${kept}${closers}${notice}`;
}

// ---------------------------------------------------------------------------------------------------------
// Terminal

/** A short plain-text table for terminals (the CLI and the demo). */
export function renderTerminalTable(result: RunResult): string {
  const header = ['memory', 'duration', 'p90', 'cost/1M inv.', 'errors', ''];
  const rows = result.powerValues.map((entry) => [
    `${entry.memoryMb} MB`,
    entry.status === 'failed' ? 'failed' : formatMs(entry.duration?.trimmedMean),
    formatMs(entry.duration?.p90),
    formatUsd(costPerMillionUsd(entry.costPerInvocationUsd)),
    `${entry.errors}/${entry.invocations}`,
    entry.memoryMb === result.recommendation?.memoryMb ? '← recommended' : entry.status === 'failed' ? inertText(entry.failureReason ?? '', 160) : '',
  ]);
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => (row[column] ?? '').length)));
  return [header, ...rows].map((row) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd()).join('\n');
}

export { formatPct };

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
