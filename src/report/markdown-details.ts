// The markdown report's last section, collapsed: the gate's checks, the statistics of each run per memory size, the
// first error messages, the settings and prices, the payloads (on opt-in) and a footer. markdown.ts places it.

import type { MetricComparison, PowerValueResult, RunResult, Verdict } from '../types.js';
import { describeGateSampling } from '../gate/sequential.js';
import { describeSampling } from '../tuning/adaptive.js';
import {
  capitalise,
  codeSpan,
  costPerMillionUsd,
  escapeMarkdown,
  formatCount,
  formatMemory,
  formatMs,
  formatPct,
  formatUsd,
  measuredInvocationsText,
  nonBreaking,
} from '../lib/format.js';
import { coldStartTexts, firstErrors, shortSha, VERDICT_ICON, type ReportInput } from './model.js';
import { reportSpend, SPEND_LEGEND, spendSentence } from './spend-sentences.js';

function comparisonValue(row: MetricComparison, value: number | null): string {
  if (row.kind === 'duration' || row.kind === 'init') return nonBreaking(formatMs(value));
  if (row.kind === 'monthly-cost') return formatUsd(value);
  if (row.kind === 'memory') return value === null ? '–' : nonBreaking(formatMemory(value));
  return nonBreaking(`${formatUsd(costPerMillionUsd(value))} / 1M`);
}

function comparisonsTable(verdict: Verdict): string {
  if (verdict.comparisons.length === 0) return '';
  const rows = verdict.comparisons.map((row) => {
    const interval =
      row.ciLowPct !== null && row.ciHighPct !== null
        ? nonBreaking(`${formatPct(row.ciLowPct)} … ${formatPct(row.ciHighPct)}`)
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
  const ms = (value: number | null | undefined): string => nonBreaking(formatMs(value));
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
          nonBreaking(`${formatMs(d.ci95Low)} … ${formatMs(d.ci95High)}`),
        ]
      : [0, '–', '–', '–', '–', '–', '–', '–', '–'];
    return `| ${nonBreaking(formatMemory(entry.memoryMb))} | ${figures.join(' | ')} | ${ms(entry.billedDurationMs)} | ${entry.maxMemoryUsedMb ?? '–'} | ${cold} |`;
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
  const parts = coldStartTexts(entry).map(nonBreaking);
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
    ...(result.gateSampling
      ? [
          `- ${escapeMarkdown(describeGateSampling(result.gateSampling, result.recommendation?.memoryMb ?? null) ?? '')}`,
        ]
      : []),
    `- Strategy ${strategy}; trimmed mean drops ${Math.round(s.discardTopBottom * 100)}% at each end`,
    `- Allowed error types: ${s.allowedExceptions.length > 0 ? s.allowedExceptions.map((type) => escapeMarkdown(type, 80)).join(', ') : 'none'}`,
    ...(s.monthlyInvocations
      ? [`- Monthly projections assume ${formatCount(s.monthlyInvocations)} invocations a month`]
      : []),
    `- Prices (${escapeMarkdown(p.region)}, ${escapeMarkdown(p.architecture)}): ${formatUsd(p.pricePerGbSecondUsd)} per GB-second and ${formatUsd(p.pricePerRequestUsd)} per request${p.fallback ? ' (region not in the price table: the default region\u2019s prices)' : ''}; ${escapeMarkdown(p.source)}, as of ${escapeMarkdown(p.asOf)}`,
  ];
  return lines.join('\n');
}

/** What this run spent measuring the function (and a live baseline beside it): what the PR cost. */
function spendBlock(input: ReportInput): string {
  const spend = reportSpend(input);
  if (!spend) return '';
  return `**This run spent:** ${spendSentence(spend)}.\\\n<sub>${SPEND_LEGEND}</sub>`;
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

export function detailsSection(input: ReportInput): string {
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
    result.dryRun ? '' : spendBlock(input),
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
