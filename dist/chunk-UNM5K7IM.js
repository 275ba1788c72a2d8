import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  SPEND_LEGEND,
  coldStartLegend,
  expectedCostCell,
  reportSpend,
  spendSentence,
  visualizationLinks
} from "./chunk-5NFCYHVM.js";
import {
  describeGateSampling
} from "./chunk-H3NRHUJY.js";
import {
  describeSampling
} from "./chunk-VJXSU6PO.js";
import {
  architectureChangeSentence
} from "./chunk-HSPD55DC.js";
import {
  architectureSection,
  pairHeadline
} from "./chunk-RMBS6QGU.js";
import {
  trendMarkdown
} from "./chunk-FJNBI4AF.js";
import {
  chartMarkdown
} from "./chunk-RLDLH3OD.js";
import {
  ACCEPTED_ICON,
  MAX_TABLE_ROWS,
  NO_VERDICT_ICON,
  VERDICT_ICON,
  coldStartTexts,
  deltaAt,
  errorsText,
  firstErrors,
  hasBaselineColumns,
  hasMemoryColumns,
  headlineNumber,
  keyMemorySizes,
  memoryDeltaAt,
  memoryUseAt,
  memoryUseCellText,
  monthlyChangeUsd,
  noRecommendationReason,
  projectedCosts,
  savingPct,
  shortSha,
  storedBaselineNote
} from "./chunk-3LRRCGUT.js";
import {
  acceptedSentence
} from "./chunk-4JLOGNLJ.js";
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
  safeUrl
} from "./chunk-F67DHOCG.js";

// src/report/markdown-details.ts
function comparisonValue(row, value) {
  if (row.kind === "duration" || row.kind === "init") return nonBreaking(formatMs(value));
  if (row.kind === "monthly-cost") return formatUsd(value);
  if (row.kind === "memory") return value === null ? "\u2013" : nonBreaking(formatMemory(value));
  return nonBreaking(`${formatUsd(costPerMillionUsd(value))} / 1M`);
}
function comparisonsTable(verdict) {
  if (verdict.comparisons.length === 0) return "";
  const rows = verdict.comparisons.map((row) => {
    const interval = row.ciLowPct !== null && row.ciHighPct !== null ? nonBreaking(`${formatPct(row.ciLowPct)} \u2026 ${formatPct(row.ciHighPct)}`) : "\u2013";
    return `| ${VERDICT_ICON[row.level]} ${escapeMarkdown(row.metric, 120)} | ${comparisonValue(row, row.baseValue)} | ${comparisonValue(row, row.prValue)} | ${formatPct(row.deltaPct)} | ${interval} | ${row.significant ? "yes" : "no"} | ${escapeMarkdown(row.reason, 400)} |`;
  });
  return [
    "**Gate checks**",
    "",
    "| Check | Baseline | This run | \u0394 | Interval of \u0394 | Significant | Why |",
    "|:--|--:|--:|--:|:-:|:-:|:--|",
    ...rows
  ].join("\n");
}
function statisticsTable(result, title) {
  const ms = (value) => nonBreaking(formatMs(value));
  const rows = result.powerValues.map((entry) => {
    const d = entry.duration;
    const cold = coldStartText(entry);
    const figures = d ? [
      d.count,
      ms(d.mean),
      ms(d.trimmedMean),
      ms(d.median),
      ms(d.p90),
      ms(d.p95),
      ms(d.p99),
      ms(d.stdDev),
      nonBreaking(`${formatMs(d.ci95Low)} \u2026 ${formatMs(d.ci95High)}`)
    ] : [0, "\u2013", "\u2013", "\u2013", "\u2013", "\u2013", "\u2013", "\u2013", "\u2013"];
    return `| ${nonBreaking(formatMemory(entry.memoryMb))} | ${figures.join(" | ")} | ${ms(entry.billedDurationMs)} | ${entry.maxMemoryUsedMb ?? "\u2013"} | ${cold} |`;
  });
  return [
    `**${title}**: successful ${measuredInvocationsText(result.settings)}`,
    "",
    `| Memory | n | Mean | Trimmed | Median | p90 | p95 | p99 | SD | 95% CI of mean | Billed | Max MB used | ${result.powerValues.some((entry) => entry.restore) ? "Cold \xD7 Init / Restore" : "Cold \xD7 Init"} |`,
    "|--:|--:|--:|--:|--:|--:|--:|--:|--:|:-:|--:|--:|--:|",
    ...rows
  ].join("\n");
}
function coldStartText(entry) {
  const parts = coldStartTexts(entry).map(nonBreaking);
  return parts.length > 0 ? parts.join(", ") : "\u2013";
}
function errorMessages(result) {
  const lines = firstErrors(result).map(
    (error) => `- ${formatMemory(error.memoryMb)}: ${escapeMarkdown(error.errorType, 80)}: ${escapeMarkdown(error.errorMessage)}`
  );
  return lines.length > 0 ? ["**First error message per memory size**", "", ...lines].join("\n") : "";
}
function settingsList(result) {
  const s = result.settings;
  const f = result.function;
  const p = result.prices;
  const order = s.parallelInvocation ? `in parallel (concurrency ${s.concurrency})` : "one after another";
  const strategy = s.strategy === "balanced" ? `${codeSpan(s.strategy)} (weight ${s.balancedWeight})` : s.strategy === "percentile" && s.percentileLimit ? `${codeSpan(s.strategy)} (p${s.percentileLimit.percentile} \u2264 ${formatMs(s.percentileLimit.maxDurationMs)})` : codeSpan(s.strategy);
  const lines = [
    "**Settings**",
    "",
    `- Function: ${codeSpan(f.arn)} (${escapeMarkdown(f.architecture)}, ${escapeMarkdown(f.runtime ?? "unknown runtime")}, ${escapeMarkdown(f.logFormat)} logs), configured memory ${formatMemory(f.originalMemoryMb)}${f.codeSha256 ? `, code SHA-256 ${codeSpan(f.codeSha256, 64)}` : ""}`,
    `- ${s.invocationsPerValue} invocations per memory size, ${order}${s.sleepBetweenRunsMs > 0 ? `, ${s.sleepBetweenRunsMs} ms apart` : ""}; ${s.payloadCount} payload${s.payloadCount === 1 ? "" : "s"}${s.onlyColdStarts ? "; cold starts only" : ""}`,
    ...result.sampling ? [
      `- ${escapeMarkdown(describeSampling(result.sampling))} ${escapeMarkdown(capitalise(result.sampling.reason))}.`
    ] : [],
    ...result.gateSampling ? [
      `- ${escapeMarkdown(describeGateSampling(result.gateSampling, result.recommendation?.memoryMb ?? null) ?? "")}`
    ] : [],
    `- Strategy ${strategy}; trimmed mean drops ${Math.round(s.discardTopBottom * 100)}% at each end`,
    `- Allowed error types: ${s.allowedExceptions.length > 0 ? s.allowedExceptions.map((type) => escapeMarkdown(type, 80)).join(", ") : "none"}`,
    ...s.monthlyInvocations ? [`- Monthly projections assume ${formatCount(s.monthlyInvocations)} invocations a month`] : [],
    `- Prices (${escapeMarkdown(p.region)}, ${escapeMarkdown(p.architecture)}): ${formatUsd(p.pricePerGbSecondUsd)} per GB-second and ${formatUsd(p.pricePerRequestUsd)} per request${p.fallback ? " (region not in the price table: the default region\u2019s prices)" : ""}; ${escapeMarkdown(p.source)}, as of ${escapeMarkdown(p.asOf)}`
  ];
  return lines.join("\n");
}
function spendBlock(input) {
  const spend = reportSpend(input);
  if (!spend) return "";
  return `**This run spent:** ${spendSentence(spend)}.\\
<sub>${SPEND_LEGEND}</sub>`;
}
function payloadsList(result) {
  const payloads = result.settings.payloads;
  if (!result.settings.logPayloads || !payloads || payloads.length === 0) return "";
  return [
    "**Payloads** (shown because log-payloads is on)",
    "",
    ...payloads.map((p, i) => `- #${i + 1}, weight ${p.weight}: ${codeSpan(p.payload, 500)}`)
  ].join("\n");
}
function footer(result, baseline) {
  const sha = shortSha(result.git?.sha);
  const parts = [
    `${escapeMarkdown(result.tool.name)} ${escapeMarkdown(result.tool.version)}`,
    `measured ${escapeMarkdown(result.startedAt)} \u2192 ${escapeMarkdown(result.finishedAt)}`,
    ...sha ? [`commit ${sha}`] : []
  ];
  if (baseline) {
    const baseSha = shortSha(baseline.git?.sha);
    parts.push(`baseline measured ${escapeMarkdown(baseline.startedAt)}${baseSha ? ` at ${baseSha}` : ""}`);
  }
  return `<sub>${parts.join(" \xB7 ")}</sub>`;
}
function detailsSection(input) {
  const { result, verdict, baseline } = input;
  const baselineLine = verdict?.baselineDescription ? `**Baseline:** ${escapeMarkdown(verdict.baselineDescription)}` : baseline ? `**Baseline:** run of ${codeSpan(baseline.function.name)}` : "**Baseline:** none (nothing to compare with: a first run, or no baseline configured)";
  const blocks = [
    baselineLine,
    verdict ? comparisonsTable(verdict) : "",
    result.dryRun ? "" : statisticsTable(result, "Statistics of this run"),
    baseline && !result.dryRun ? statisticsTable(baseline, "Statistics of the baseline") : "",
    errorMessages(result),
    result.dryRun ? "" : spendBlock(input),
    settingsList(result),
    payloadsList(result),
    footer(result, baseline)
  ];
  return [
    "<details><summary>Full statistics, settings, prices and baseline</summary>",
    "",
    blocks.filter((block) => block.length > 0).join("\n\n"),
    "",
    "</details>"
  ].join("\n");
}

// src/report/markdown.ts
function renderReport(input, options = {}) {
  const { result } = input;
  const compact = options.compactNote !== void 0;
  const rest = compact ? `<sub>${options.compactNote}</sub>` : detailsSection(input);
  if (result.dryRun) return [headline(input), dryRunSection(result), links(input), rest].join("\n\n") + "\n";
  const sections = [
    headline(input),
    recommendationSection(result, input.verdict),
    architectureSection(result, { charts: !compact }),
    powerValueTable(input),
    failures(result),
    compact ? "" : chartMarkdown(result, input.baseline),
    compact || !input.trend ? "" : trendMarkdown(input.trend, result),
    links(input),
    rest
  ];
  return sections.filter((section) => section.length > 0).join("\n\n") + "\n";
}
function renderFailureReport(message, runUrl) {
  const run = safeUrl(runUrl);
  return `### \u274C Lambda power tuning failed

${escapeMarkdown(message, 2e3)}
${run ? `
[\u{1F50E} Workflow run](${run})
` : ""}`;
}
function recommendationNumber(result) {
  const rec = result.recommendation;
  if (!rec) return null;
  const saving = savingPct(result);
  if (rec.memoryMb !== result.current.memoryMb && saving !== null && Math.abs(saving) >= 0.05) {
    const word = saving >= 0 ? "cheaper" : "more expensive";
    return `${formatMemory(rec.memoryMb)} recommended, ${formatUnsignedPct(saving)} ${word} than the current ${formatMemory(result.current.memoryMb)}`;
  }
  return `${formatMemory(rec.memoryMb)} recommended: ${formatUsd(costPerMillionUsd(rec.costPerInvocationUsd))} per 1M invocations, ${formatMs(rec.durationMs)}`;
}
function headline(input) {
  const { result, verdict } = input;
  const name = codeSpan(result.function.name, 140);
  if (result.dryRun) return `### \u{1F9EA} ${name}: dry run`;
  const icon = verdict?.accepted ? ACCEPTED_ICON : verdict ? VERDICT_ICON[verdict.level] : NO_VERDICT_ICON;
  const number = verdict ? headlineNumber(verdict, result.settings.monthlyInvocations) : null;
  const lines = [];
  if (number) {
    lines.push(`### ${icon} ${name}: ${number}`, "", escapeMarkdown(verdict?.reason ?? "", 1e3));
  } else if (verdict && verdict.level !== "pass") {
    lines.push(`### ${icon} ${name}: ${escapeMarkdown(verdict.reason, 400)}`);
  } else {
    const pair = result.architectureComparison ? pairHeadline(result.architectureComparison) : null;
    const recommended = pair ?? recommendationNumber(result);
    lines.push(`### ${icon} ${name}: ${recommended ?? "no recommendation"}`);
    if (verdict) lines.push("", escapeMarkdown(verdict.reason, 1e3));
  }
  if (number && result.architectureComparison) {
    const pair = pairHeadline(result.architectureComparison);
    if (pair) lines.push("", `**${escapeMarkdown(pair)}.**`);
  }
  if (verdict?.architectureChange)
    lines.push("", `> [!NOTE]
> ${architectureChangeSentence(verdict.architectureChange)}`);
  if (verdict?.accepted) lines.push("", acceptedBlock(verdict.accepted));
  if (verdict?.baselineDescription)
    lines.push("", `<sub>Baseline: ${escapeMarkdown(verdict.baselineDescription)}${storedBaselineNote(verdict)}</sub>`);
  return lines.join("\n");
}
function acceptedBlock(note) {
  return `> [!NOTE]
> **Accepted on purpose, the job passes.** ${escapeMarkdown(acceptedSentence(note), 1500)} Remove the label to gate this pull request again.`;
}
function perMillion(costPerInvocationUsd) {
  return `${formatUsd(costPerMillionUsd(costPerInvocationUsd))} per 1M invocations`;
}
function recommendationSection(result, verdict) {
  const rec = result.recommendation;
  if (!rec) {
    const why = noRecommendationReason(result);
    return why ? `**No recommendation:** ${escapeMarkdown(why, 1e3)}` : `**No recommendation:** no memory size met the ${codeSpan(result.settings.strategy)} strategy's conditions (see the table).`;
  }
  const lines = [
    `**Recommendation: ${formatMemory(rec.memoryMb)}${result.architectureComparison ? ` on ${escapeMarkdown(result.function.architecture)}` : ""}** (strategy ${codeSpan(rec.strategy)}): ${perMillion(rec.costPerInvocationUsd)}, ${formatMs(rec.durationMs)} mean duration. ${escapeMarkdown(capitalise(rec.reason))}`
  ];
  const current = result.current;
  const saving = savingPct(result);
  if (rec.memoryMb === current.memoryMb) {
    lines.push(`The function already runs at ${formatMemory(rec.memoryMb)}.`);
  } else if (saving !== null) {
    const monthly = monthlyChangeUsd(result);
    const monthlyText = monthly !== null ? ` (${formatUsdDelta(monthly)}/month at ${formatCount(result.settings.monthlyInvocations)} invocations/month${projectedCosts(result)?.withColdStarts ? ", cold starts included" : ""})` : "";
    const verb = saving >= 0 ? "saves" : "costs";
    lines.push(
      `Currently ${formatMemory(current.memoryMb)}: ${perMillion(current.costPerInvocationUsd)}, ${formatMs(current.durationMs)}. Switching ${verb} ${formatUnsignedPct(saving)}${monthlyText}.`
    );
  } else {
    lines.push(
      `Currently ${formatMemory(current.memoryMb)} (not among the tuned memory sizes, so no saving is computed).`
    );
  }
  if (result.applied) {
    lines.push(
      result.applied.target === "alias" ? `Applied: alias ${codeSpan(result.applied.alias ?? "")} now points at version ${escapeMarkdown(result.applied.version ?? "?")} (${formatMemory(result.applied.memoryMb)}).` : `Applied: $LATEST now has ${formatMemory(result.applied.memoryMb)}.`
    );
  } else if (result.settings.autoOptimize) {
    lines.push(
      verdict?.level === "fail" ? "Not applied: auto-optimize changes the function only when the run passes, and the gate verdict is fail." : "Not applied: auto-optimize changes the function only when the run passes (the log says why this one did not)."
    );
  }
  return lines.join("\\\n");
}
function dryRunSection(result) {
  const s = result.settings;
  const invocations = s.invocationsPerValue * s.powerValuesMb.length;
  return `Would tune ${s.powerValuesMb.map(formatMemory).join(", ")} with ${s.invocationsPerValue} invocations each (${invocations} in all, strategy ${codeSpan(s.strategy)}). Nothing was changed or invoked.`;
}
function deltaText(cell) {
  if (!cell) return "\u2013";
  const text = formatPct(cell.deltaPct);
  const icon = cell.level === "fail" ? "\u274C\xA0" : cell.level === "warn" ? "\u26A0\uFE0F\xA0" : "";
  return `${icon}${cell.significant ? `**${text}**` : text}`;
}
function memoryUseText(cell) {
  if (!cell) return "\u2013";
  const icon = cell.level === "fail" ? "\u274C\xA0" : cell.level === "warn" ? "\u26A0\uFE0F\xA0" : "";
  return nonBreaking(`${icon}${memoryUseCellText(cell)}`);
}
var RECOMMENDED_MARK = "\u2B50";
var CURRENT_MARK = "\u{1F4CC}";
function memoryCell(result, entry) {
  const marks = [];
  if (entry.memoryMb === result.recommendation?.memoryMb) marks.push(RECOMMENDED_MARK);
  if (entry.memoryMb === result.current.memoryMb) marks.push(CURRENT_MARK);
  const memory = nonBreaking(formatMemory(entry.memoryMb));
  return marks.length > 0 ? `**${memory}**\xA0${marks.join("")}` : memory;
}
function errorsCell(entry) {
  return errorsText(entry, (text) => escapeMarkdown(text));
}
function expectedText(entry) {
  const cell = expectedCostCell(entry);
  if (!cell || cell.costUsd === null) return "unknown";
  return `${cell.estimated ? "\u2248" : ""}${formatUsd(costPerMillionUsd(cell.costUsd))}`;
}
function tableOf(input, entries, withDelta, withMemory) {
  const { result } = input;
  const withExpected = result.powerValues.some((entry) => expectedCostCell(entry) !== null);
  const header = [
    "Memory",
    "Mean",
    "p90",
    "Cost / 1M",
    ...withExpected ? ["Expected / 1M"] : [],
    ...withDelta ? ["\u0394 cost", "\u0394 mean"] : [],
    ...withMemory ? ["Max used", ...withDelta ? ["\u0394 max used"] : []] : [],
    "Errors"
  ];
  const align = [
    "---:",
    "---:",
    "---:",
    "---:",
    ...withExpected ? ["---:"] : [],
    ...withDelta ? ["---:", "---:"] : [],
    ...withMemory ? ["---:", ...withDelta ? ["---:"] : []] : [],
    ":---"
  ];
  const rows = entries.map((entry) => {
    const deltas = withDelta ? [deltaText(deltaAt(input, entry.memoryMb, "cost")), deltaText(deltaAt(input, entry.memoryMb, "duration"))] : [];
    const memory = withMemory ? [
      memoryUseText(memoryUseAt(input, entry.memoryMb)),
      ...withDelta ? [deltaText(memoryDeltaAt(input, entry.memoryMb))] : []
    ] : [];
    if (entry.status === "failed" || !entry.duration) {
      const noExpected = withExpected ? ["\u2013"] : [];
      return [
        memoryCell(result, entry),
        nonBreaking("\u274C failed"),
        "\u2013",
        "\u2013",
        ...noExpected,
        ...deltas,
        ...memory,
        errorsCell(entry)
      ];
    }
    return [
      memoryCell(result, entry),
      nonBreaking(formatMs(entry.duration.trimmedMean)),
      nonBreaking(formatMs(entry.duration.p90)),
      formatUsd(costPerMillionUsd(entry.costPerInvocationUsd)),
      ...withExpected ? [expectedText(entry)] : [],
      ...deltas,
      ...memory,
      errorsCell(entry)
    ];
  });
  return [`| ${header.join(" | ")} |`, `|${align.join("|")}|`, ...rows.map((row) => `| ${row.join(" | ")} |`)].join(
    "\n"
  );
}
function powerValueTable(input) {
  const { result } = input;
  const withDelta = hasBaselineColumns(input);
  const withMemory = hasMemoryColumns(input);
  const legend = [
    `${RECOMMENDED_MARK} recommended \xB7 ${CURRENT_MARK} configured now \xB7 Mean: trimmed mean duration (the slowest and fastest ${Math.round(result.settings.discardTopBottom * 100)}% dropped), ${measuredInvocationsText(result.settings)} \xB7 Cost in USD per 1M invocations${withMemory ? " \xB7 Max used: peak Max Memory Used, % of the memory size" : ""}.`,
    coldStartLegend(result, (text) => escapeMarkdown(text, 200)) ?? "",
    withDelta ? "\u0394: change against the baseline at the same memory; **bold**: significant (its confidence interval excludes 0); \u26A0\uFE0F \u274C: over the warn or fail limit." : ""
  ].filter(Boolean);
  const all = result.powerValues;
  if (all.length <= MAX_TABLE_ROWS)
    return [tableOf(input, all, withDelta, withMemory), "", `<sub>${legend.join(" ")}</sub>`].join("\n");
  const keys = keyMemorySizes(input);
  const shown = all.filter((entry) => keys.has(entry.memoryMb));
  return [
    tableOf(input, shown, withDelta, withMemory),
    "",
    `<sub>${legend.join(" ")} Key memory sizes only (recommended, configured, compared, fastest, cheapest): all ${all.length} are below.</sub>`,
    "",
    `<details><summary>All ${all.length} memory sizes</summary>`,
    "",
    tableOf(input, all, withDelta, withMemory),
    "",
    "</details>"
  ].join("\n");
}
var MAX_LISTED_FAILURES = 10;
function failures(result) {
  const failed = result.powerValues.filter((entry) => entry.status === "failed");
  if (failed.length === 0) return "";
  const more = failed.length - MAX_LISTED_FAILURES;
  return [
    "**Not measured** (left out of the recommendation):",
    ...failed.slice(0, MAX_LISTED_FAILURES).map((entry) => `- ${formatMemory(entry.memoryMb)}: ${escapeMarkdown(entry.failureReason ?? "failed", 160)}`),
    ...more > 0 ? [`- and ${more} more memory size${more === 1 ? "" : "s"} (every reason is in results.json)`] : []
  ].join("\n");
}
function links(input) {
  const { single, compare } = visualizationLinks(input.result, input.baseline);
  const parts = [];
  if (single) parts.push(`[\u{1F4C8} Chart of this run](${single})`);
  if (compare) parts.push(`[\u2696\uFE0F Compared with the baseline](${compare})`);
  const run = safeUrl(input.runUrl);
  if (run) parts.push(`[\u{1F50E} Workflow run](${run})`);
  return parts.join(" \xB7 ");
}

export {
  renderReport,
  renderFailureReport,
  acceptedBlock,
  errorsCell
};
