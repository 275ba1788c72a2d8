import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  functionSections,
  htmlPage
} from "./chunk-PQN5T7CX.js";
import {
  LEVEL_WORD,
  appRow
} from "./chunk-FIUSKK4D.js";
import "./chunk-UNM5K7IM.js";
import {
  fileSpendSentence
} from "./chunk-5NFCYHVM.js";
import {
  orderOutcomes
} from "./chunk-Q6PJKOY2.js";
import "./chunk-H3NRHUJY.js";
import "./chunk-VJXSU6PO.js";
import {
  fileSpend
} from "./chunk-EE6MQ7ES.js";
import "./chunk-RGAGO2E6.js";
import "./chunk-WALQUMYJ.js";
import "./chunk-HSPD55DC.js";
import "./chunk-RMBS6QGU.js";
import "./chunk-5WM6ETGA.js";
import "./chunk-FJNBI4AF.js";
import "./chunk-SU6SV6QQ.js";
import "./chunk-RZWVMN26.js";
import "./chunk-2K2G7BBZ.js";
import "./chunk-JRNMWUVF.js";
import "./chunk-RLDLH3OD.js";
import {
  VERDICT_ICON
} from "./chunk-3LRRCGUT.js";
import "./chunk-XTUQEIAI.js";
import "./chunk-Q3BMP5S5.js";
import "./chunk-LYDXGQBP.js";
import "./chunk-P5327EIW.js";
import "./chunk-BHX5YG2T.js";
import "./chunk-SFJ7IVIP.js";
import "./chunk-4JLOGNLJ.js";
import {
  escapeHtml,
  formatUsdDelta,
  safeUrl
} from "./chunk-F67DHOCG.js";
import "./chunk-TM45P2KR.js";
import "./chunk-URRKCZFK.js";

// src/report/app-html.ts
var h = (text, maxChars = 2e3) => escapeHtml(String(text ?? ""), maxChars);
function renderAppHtmlReport(input) {
  const ordered = orderOutcomes(input.functions);
  const sections = ordered.map((outcome, index) => functionSection(outcome, `fn-${index + 1}`));
  const body = [appHeader(input), functionsTable(ordered), ...sections].join("\n");
  const count = `${ordered.length} function${ordered.length === 1 ? "" : "s"}`;
  return htmlPage(`${input.key}: Lambda power tuning of ${count}`, "app", body);
}
function appHeader(input) {
  const { verdict } = input;
  const total = input.functions.length;
  const monthly = verdict.monthlyCostDeltaUsd !== null ? `${formatUsdDelta(verdict.monthlyCostDeltaUsd)}/month in all` : "monthly cost change unknown";
  const run = safeUrl(input.runUrl);
  const spend = fileSpend(input.functions);
  const lines = [
    `<h1>${VERDICT_ICON[verdict.level]} <code>${h(input.key, 140)}</code> (${total} function${total === 1 ? "" : "s"})</h1>`,
    `<p><strong><span class="lvl-${verdict.level}">${h(LEVEL_WORD[verdict.level])}</span>: ${h(monthly)}</strong></p>`,
    `<p>${h(verdict.reason)}</p>`,
    spend ? `<p class="small">This run spent ${h(fileSpendSentence(spend))}.</p>` : "",
    run ? `<p class="small"><a href="${h(run)}">\u{1F50E} Workflow run</a></p>` : ""
  ].filter(Boolean);
  return `<div class="level-${verdict.level}"><div class="banner">${lines.join("\n")}</div></div>`;
}
function functionsTable(ordered) {
  const rows = ordered.map((outcome, index) => {
    const row = appRow(outcome);
    const name = outcome.functionName === outcome.key ? "" : `<br><span class="muted small">${h(outcome.functionName, 140)}</span>`;
    const verdict = row.failure !== null ? `failed: ${h(row.failure, 300)}` : h(row.verdictWords);
    const level = row.standing === "failed" ? "fail" : row.standing;
    return `<tr><td class="text"><a href="#fn-${index + 1}"><code>${h(outcome.key, 128)}</code></a>${name}</td><td class="text lvl-${level}">${row.icon} ${verdict}</td><td>${h(row.memory)}</td><td>${h(row.costDelta)}</td><td>${h(row.durationDelta)}</td><td>${h(row.monthlyDelta)}</td></tr>`;
  });
  const head = '<tr><th class="text">Function</th><th class="text">Verdict</th><th>Memory (configured \u2192 recommended)</th><th>\u0394 cost</th><th>\u0394 duration</th><th>Monthly \u0394</th></tr>';
  const legend = "Worst first (regressed, with a warning, failed, passed, unchanged), then by key. \u0394 cost (warm, per invocation) and \u0394 duration: against the baseline at the configured memory; monthly \u0394: at each function's monthly invocations, with cold starts at its cold-start-rate when both sides measured them. Unchanged: same code and configuration as the baseline, so not measured.";
  return `<h2>Functions</h2><div class="scroll"><table>${head}${rows.join("\n")}</table></div><p class="muted small">${legend}</p>`;
}
function functionSection(outcome, id) {
  const row = appRow(outcome);
  const level = row.standing === "failed" ? "fail" : row.standing === "unchanged" ? "none" : row.standing;
  const open = `<section class="fn level-${level}" id="${id}">`;
  const name = `<code>${h(outcome.key, 128)}</code>`;
  if (outcome.status === "failed") {
    const banner = `<div class="banner"><h1>${row.icon} ${name}: failed</h1><p>${h(row.failure, 2e3)}</p></div>`;
    const partial = outcome.result ? functionSections({ result: outcome.result, verdict: outcome.verdict, baseline: outcome.baseline }).slice(1) : [];
    return `${open}${[banner, ...partial].join("\n")}</section>`;
  }
  if (outcome.status === "unchanged") {
    const note = outcome.unchangedNote ? ` as ${h(outcome.unchangedNote, 300)}` : " as its baseline";
    const banner = `<div class="banner"><h1>${row.icon} ${name}: unchanged, not measured</h1><p>The same code and configuration${note}, so no invocation was spent.${outcome.result ? " The figures below are the baseline's run." : ""}</p></div>`;
    const figures = outcome.result ? functionSections({ result: outcome.result, carried: true }).slice(1) : [];
    return `${open}${[banner, ...figures].join("\n")}</section>`;
  }
  if (!outcome.result)
    return `${open}<div class="banner"><h1>${name}</h1><p>No result was recorded.</p></div></section>`;
  return `${open}${functionSections({ result: outcome.result, verdict: outcome.verdict, baseline: outcome.baseline }).join("\n")}</section>`;
}
export {
  renderAppHtmlReport
};
