import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  renderFailureReport,
  renderReport
} from "./chunk-UNM5K7IM.js";
import {
  fileSpendSentence
} from "./chunk-5NFCYHVM.js";
import {
  orderOutcomes,
  standingOf
} from "./chunk-Q6PJKOY2.js";
import {
  fileSpend
} from "./chunk-EE6MQ7ES.js";
import {
  ACCEPTED_ICON,
  VERDICT_ICON
} from "./chunk-3LRRCGUT.js";
import {
  GITHUB_COMMENT_MAX_CHARS,
  fitToLimit
} from "./chunk-P5327EIW.js";
import {
  formatUtc
} from "./chunk-4JLOGNLJ.js";
import {
  codeSpan,
  escapeHtml,
  escapeMarkdown,
  formatMemory,
  formatPct,
  formatUsdDelta,
  nonBreaking,
  safeUrl
} from "./chunk-F67DHOCG.js";

// src/report/app.ts
var APP_COMMENT_MAX_CHARS = GITHUB_COMMENT_MAX_CHARS - 512;
var EACH_FUNCTION_HEADING = "#### Each function\n\n";
var CLOSING_NOTE_RESERVE_CHARS = 1e3;
var MAX_CELL_FAILURE_CHARS = 120;
var STANDING_ICON = {
  fail: VERDICT_ICON.fail,
  warn: VERDICT_ICON.warn,
  failed: "\u{1F4A5}",
  pass: VERDICT_ICON.pass,
  unchanged: "\u2796"
};
var LEVEL_WORD = { pass: "pass", warn: "warning", fail: "fail" };
var plural = (count, word) => `${count} ${word}${count === 1 ? "" : "s"}`;
function fullReportsWhere(input) {
  if (input.fullReportsWhere) return input.fullReportsWhere;
  const hint = input.resultsArtifactHint ? ` (${escapeMarkdown(input.resultsArtifactHint, 200)})` : "";
  return `the job summary and the results artifact${hint}`;
}
function renderAppReport(input) {
  const maxChars = input.maxChars ?? APP_COMMENT_MAX_CHARS;
  const ordered = orderOutcomes(input.functions);
  const top = [headline(input), summaryTable(ordered)].join("\n\n");
  const where = fullReportsWhere(input);
  const kept = [];
  let used = top.length + EACH_FUNCTION_HEADING.length + CLOSING_NOTE_RESERVE_CHARS;
  let compact = false;
  for (const outcome of ordered) {
    const room = maxChars - used - 2;
    let block = compact ? null : detailsBlock(outcome, null);
    if (block === null || block.length > room) {
      compact = true;
      block = detailsBlock(
        outcome,
        `Charts, statistics and settings are left out here to stay within GitHub's comment size limit: they are in ${where}.`
      );
      if (block.length > room) break;
    }
    kept.push(block);
    used += block.length + 2;
  }
  const notShown = ordered.length - kept.length;
  const parts = [top];
  if (kept.length > 0) parts.push(`${EACH_FUNCTION_HEADING}${kept.join("\n\n")}`);
  if (notShown > 0) parts.push(closingNote(notShown, ordered.length, where));
  const run = safeUrl(input.runUrl);
  if (run) parts.push(`[\u{1F50E} Workflow run](${run})`);
  return fitToLimit(parts.join("\n\n") + "\n", maxChars, where);
}
function countsLine(verdict) {
  const c = verdict.counts;
  const parts = [
    c.fail - c.failed > 0 ? `${STANDING_ICON.fail} ${c.fail - c.failed} regressed` : "",
    c.warn > 0 ? `${STANDING_ICON.warn} ${c.warn} with a warning` : "",
    c.failed > 0 ? `${STANDING_ICON.failed} ${c.failed} not measured (failed)` : "",
    c.pass - c.unchanged > 0 ? `${STANDING_ICON.pass} ${c.pass - c.unchanged} passed` : "",
    c.unchanged > 0 ? `${STANDING_ICON.unchanged} ${c.unchanged} unchanged, not measured` : ""
  ].filter(Boolean);
  return parts.join(" \xB7 ");
}
function headline(input) {
  const { verdict } = input;
  const total = input.functions.length;
  const monthly = verdict.monthlyCostDeltaUsd !== null ? `${formatUsdDelta(verdict.monthlyCostDeltaUsd)}/month in all` : "monthly cost change unknown";
  const accepted = verdict.level === "fail" ? acceptedNote(input.functions) : void 0;
  const icon = accepted ? ACCEPTED_ICON : VERDICT_ICON[verdict.level];
  const word = accepted ? "fail, accepted" : LEVEL_WORD[verdict.level];
  return [
    `### ${icon} ${codeSpan(input.key, 140)} (${plural(total, "function")}): ${word}, ${monthly}`,
    "",
    escapeMarkdown(verdict.reason, 2e3),
    ...accepted ? ["", accepted] : [],
    "",
    `<sub>${countsLine(verdict)}</sub>`,
    ...spendLine(input.functions)
  ].join("\n");
}
function spendLine(functions) {
  const spend = fileSpend(functions);
  return spend ? ["", `<sub>This run spent ${fileSpendSentence(spend)}.</sub>`] : [];
}
function acceptedNote(functions) {
  const failing = functions.filter((outcome) => outcome.status === "failed" || outcome.verdict?.level === "fail");
  if (failing.length === 0 || failing.some((outcome) => !outcome.verdict?.accepted)) return void 0;
  const note = failing[0]?.verdict?.accepted;
  if (!note) return void 0;
  const covers = failing.map(
    (outcome) => `${codeSpan(outcome.key, 128)}: ${escapeMarkdown((outcome.verdict?.accepted?.checks ?? []).join("; "), 400)}`
  ).join(" \xB7 ");
  const role = note.role ?? note.permission;
  return `> [!NOTE]
> **Accepted on purpose, the job passes.** Regression accepted by ${escapeMarkdown(note.by, 64)} (${escapeMarkdown(role, 40)}) on ${formatUtc(note.at)} with the label ${codeSpan(note.label, 100)}, for ${note.headSha.slice(0, 7)} and later commits while the label stays. It covers ${covers}. Remove the label to gate this pull request again.`;
}
function appRow(outcome) {
  const standing = standingOf(outcome);
  const verdict = outcome.status === "measured" ? outcome.verdict : null;
  const accepted = standing === "fail" ? verdict?.accepted : void 0;
  const verdictWords = accepted ? `fail, accepted by ${accepted.by.replace(/[^A-Za-z0-9_.[\]-]/g, "").slice(0, 64)}` : standing === "failed" ? "failed" : standing === "unchanged" ? "unchanged, not measured" : verdict ? LEVEL_WORD[verdict.level] : "measured, not judged";
  return {
    standing,
    icon: accepted ? ACCEPTED_ICON : STANDING_ICON[standing],
    verdictWords,
    failure: standing === "failed" ? outcome.failure ?? "no reason given" : null,
    memory: memoryText(outcome),
    costDelta: verdict ? formatPct(verdict.costDeltaPct) : "\u2013",
    durationDelta: verdict ? formatPct(verdict.durationDeltaPct) : "\u2013",
    monthlyDelta: verdict ? formatUsdDelta(verdict.monthlyCostDeltaUsd) : "\u2013"
  };
}
function memoryText(outcome) {
  const run = outcome.result;
  if (!run || run.dryRun) return "\u2013";
  const configured = run.current.memoryMb;
  const recommended = run.recommendation?.memoryMb;
  if (recommended === void 0) return `${formatMemory(configured)} \u2192 none`;
  if (recommended === configured) return formatMemory(configured);
  return `${formatMemory(configured)} \u2192 ${formatMemory(recommended)}`;
}
function verdictCell(row) {
  return row.failure !== null ? `${row.icon} failed: ${escapeMarkdown(row.failure, MAX_CELL_FAILURE_CHARS)}` : `${row.icon} ${row.verdictWords}`;
}
function functionCell(outcome) {
  const key = codeSpan(outcome.key, 128);
  return outcome.functionName === outcome.key ? key : `${key}<br><sub>${escapeMarkdown(outcome.functionName, 140)}</sub>`;
}
function summaryTable(ordered) {
  const header = "| Function | Verdict | Memory (configured \u2192 recommended) | \u0394 cost | \u0394 duration | Monthly \u0394 |";
  const align = "|:---|:---|---:|---:|---:|---:|";
  const rows = ordered.map((outcome) => {
    const row = appRow(outcome);
    const cells = [
      functionCell(outcome),
      verdictCell(row),
      row.memory,
      row.costDelta,
      row.durationDelta,
      row.monthlyDelta
    ];
    return `| ${cells.map((cell, index) => index < 2 ? cell : nonBreaking(cell)).join(" | ")} |`;
  });
  const legend = "<sub>Worst first (regressed, with a warning, failed, passed, unchanged), then by key. \u0394 cost (warm, per invocation) and \u0394 duration: against the baseline at the configured memory; monthly \u0394: at each function's monthly invocations, with cold starts at its cold-start-rate when both sides measured them. Unchanged: same code and configuration as the baseline, so not measured and no invocation spent.</sub>";
  return [header, align, ...rows, "", legend].join("\n");
}
function summaryLine(outcome) {
  const row = appRow(outcome);
  const name = `<code>${escapeHtml(outcome.key, 128)}</code>`;
  const verdict = outcome.status === "measured" ? outcome.verdict : null;
  const figures = verdict ? [
    verdict.costDeltaPct !== null ? `cost ${row.costDelta}` : "",
    verdict.durationDeltaPct !== null ? `duration ${row.durationDelta}` : ""
  ].filter(Boolean) : [];
  return `${row.icon} ${name}: ${row.verdictWords}${figures.length > 0 ? ` (${figures.join(", ")})` : ""}`;
}
function functionReport(outcome, compactNote) {
  const options = compactNote === null ? {} : { compactNote };
  if (outcome.status === "failed") {
    const failure = renderFailureReport(outcome.failure ?? "The function could not be measured.");
    return outcome.result ? `${failure}
${renderReport({ result: outcome.result, verdict: outcome.verdict, baseline: outcome.baseline }, options)}` : failure;
  }
  if (outcome.status === "unchanged") {
    const note = outcome.unchangedNote ? ` as ${escapeMarkdown(outcome.unchangedNote, 300)}` : " as its baseline";
    const said = `**Unchanged, not measured:** the same code and configuration${note}, so no invocation was spent.`;
    return outcome.result ? `${said} The figures below are the baseline's run.

${renderReport({ result: outcome.result, carried: true }, options)}` : `${said}
`;
  }
  if (!outcome.result) return "No result was recorded for this function.\n";
  return renderReport(
    {
      result: outcome.result,
      verdict: outcome.verdict,
      baseline: outcome.baseline,
      ...outcome.trend ? { trend: outcome.trend } : {}
    },
    options
  );
}
function detailsBlock(outcome, compactNote) {
  return [
    `<details><summary>${summaryLine(outcome)}</summary>`,
    "",
    functionReport(outcome, compactNote).trimEnd(),
    "",
    "</details>"
  ].join("\n");
}
function closingNote(notShown, total, where) {
  return `> [!NOTE]
> ${plural(notShown, "function")} of ${total} ${notShown === 1 ? "has its" : "have their"} row above but no report here, to stay within GitHub's comment size limit; every function's full report is in ${where}.`;
}

export {
  APP_COMMENT_MAX_CHARS,
  STANDING_ICON,
  LEVEL_WORD,
  fullReportsWhere,
  renderAppReport,
  appRow
};
