import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  htmlPage
} from "./chunk-PQN5T7CX.js";
import "./chunk-5NFCYHVM.js";
import "./chunk-EE6MQ7ES.js";
import "./chunk-HSPD55DC.js";
import "./chunk-RMBS6QGU.js";
import "./chunk-5WM6ETGA.js";
import {
  findChangePoints
} from "./chunk-SU6SV6QQ.js";
import "./chunk-RZWVMN26.js";
import {
  isOk,
  metricValues
} from "./chunk-2K2G7BBZ.js";
import "./chunk-JRNMWUVF.js";
import {
  niceCeiling
} from "./chunk-RLDLH3OD.js";
import "./chunk-3LRRCGUT.js";
import "./chunk-XTUQEIAI.js";
import {
  entryAt
} from "./chunk-Q3BMP5S5.js";
import "./chunk-LYDXGQBP.js";
import {
  GitBranch,
  parseIndex
} from "./chunk-IPQ5OUWW.js";
import "./chunk-LBJAIOSE.js";
import {
  parseRunResult
} from "./chunk-JMCE2JBC.js";
import "./chunk-ISPMOH3G.js";
import "./chunk-BHX5YG2T.js";
import "./chunk-SFJ7IVIP.js";
import "./chunk-4JLOGNLJ.js";
import "./chunk-7WMIMWEW.js";
import {
  actionLog
} from "./chunk-MOY3PVIV.js";
import "./chunk-BW7SGPVE.js";
import {
  pLimit
} from "./chunk-YQ5HGVKP.js";
import {
  messageOf
} from "./chunk-ZS2HFFQI.js";
import {
  costPerMillionUsd,
  escapeHtml,
  formatConfidence,
  formatMemory,
  formatMs,
  formatPct,
  safeUrl
} from "./chunk-F67DHOCG.js";
import "./chunk-TM45P2KR.js";
import {
  realSleep
} from "./chunk-FTQIWBND.js";
import "./chunk-URRKCZFK.js";

// src/report/dashboard/model.ts
var METRICS = ["cost", "duration", "init"];
function dashboardKey(history, options) {
  const oldestFirst = [...history.runs].reverse();
  const newest = history.runs[0];
  const comparedMemoryMb = newest ? configuredMemoryMb(newest) : 0;
  const points = oldestFirst.map((run) => pointOf(run, comparedMemoryMb));
  const positions = oldestFirst.flatMap((run, index) => configuredMemoryMb(run) === comparedMemoryMb ? [index] : []);
  const found = newest ? findChangePoints(
    positions.map((index) => {
      const run = oldestFirst[index];
      return { sha: run.sha, ...run.carried ? { carriedFrom: "carried" } : {}, result: run.result };
    }),
    {
      memoryMb: comparedMemoryMb,
      confidence: options.confidence,
      minDurationChangeMs: options.minDurationChangeMs,
      prices: newest.result.prices,
      metrics: METRICS
    }
  ) : null;
  const changes = Object.fromEntries(METRICS.map((metric) => [metric, []]));
  for (const point of found?.changePoints ?? [])
    for (const change of point.changes)
      changes[change.metric].push({
        index: positions[point.index],
        previousIndex: positions[point.previousIndex],
        deltaPct: change.deltaPct,
        lowPct: change.lowPct,
        highPct: change.highPct
      });
  return {
    key: history.key,
    functionName: newest?.result.function.name ?? history.key,
    points,
    comparedMemoryMb,
    changes,
    untested: found ? untested(found) : {},
    notRead: history.notRead ?? 0
  };
}
function untested(found) {
  const reasons = {};
  const measured = found.measuredRuns;
  for (const metric of METRICS) {
    const runs = found.testableRuns[metric] ?? 0;
    if (runs >= 3) continue;
    reasons[metric] = measured < 3 ? `not tested: ${measured} measured run${measured === 1 ? "" : "s"}, 3 needed` : `not tested: ${runs} of ${measured} runs have ${metric === "init" ? "2 cold starts" : "2 samples"} or more`;
  }
  return reasons;
}
function configuredMemoryMb(run) {
  return run.result.function.originalMemoryMb;
}
function pointOf(run, comparedMemoryMb) {
  const { result } = run;
  const memoryMb = configuredMemoryMb(run);
  const entry = entryAt(result, memoryMb);
  const ok = isOk(entry);
  const init = ok ? metricValues(result, entry, "init", result.prices) : [];
  return {
    sha: run.sha,
    ...run.committedAt ? { committedAt: run.committedAt } : {},
    carried: run.carried,
    memoryMb,
    costPerMillionUsd: ok ? costPerMillionUsd(entry.costPerInvocationUsd) : null,
    durationMs: ok ? entry.duration?.trimmedMean ?? null : null,
    initDurationMs: init.length > 0 ? init.reduce((sum, value) => sum + value, 0) / init.length : null,
    recommendedMemoryMb: result.recommendation?.memoryMb ?? null,
    chartUrl: safeUrl(result.visualizationUrl),
    otherMemory: memoryMb !== comparedMemoryMb
  };
}
function dashboardModel(histories, options) {
  return {
    ...options,
    keys: [...histories].filter((history) => history.runs.length > 0).sort((a, b) => a.key.localeCompare(b.key)).map((history) => dashboardKey(history, options))
  };
}
function commitUrl(model, sha) {
  if (!/^[0-9a-f]{7,64}$/i.test(sha)) return null;
  const { serverUrl, owner, repo } = model.repository;
  return safeUrl(
    `${serverUrl.replace(/\/+$/, "")}/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}/commit/${sha}`
  );
}
var DASHBOARD_MAX_RUNS = 400;
function readsPerKey(available, budget = DASHBOARD_MAX_RUNS) {
  const reads = available.map(() => 0);
  let left = budget;
  let open = available.map((_, i) => i).filter((i) => (available[i] ?? 0) > 0);
  while (left > 0 && open.length > 0) {
    const share = Math.max(1, Math.floor(left / open.length));
    for (const i of open) {
      if (left === 0) break;
      const take = Math.min(share, (available[i] ?? 0) - (reads[i] ?? 0), left);
      reads[i] = (reads[i] ?? 0) + take;
      left -= take;
    }
    open = open.filter((i) => (reads[i] ?? 0) < (available[i] ?? 0));
  }
  return reads;
}

// src/report/dashboard/render.ts
var h = (text, maxChars = 300) => escapeHtml(String(text ?? ""), maxChars);
var CHARTS = [
  {
    metric: "cost",
    title: "Cost per 1M invocations (configured memory)",
    value: (p) => p.costPerMillionUsd,
    format: (v) => `$${Number(v.toPrecision(3))}`
  },
  { metric: "duration", title: "Duration (configured memory)", value: (p) => p.durationMs, format: formatMs },
  { metric: "init", title: "Init Duration (cold starts)", value: (p) => p.initDurationMs, format: formatMs },
  { metric: "recommendation", title: "Recommended memory", value: (p) => p.recommendedMemoryMb, format: formatMemory }
];
var WIDTH = 520;
var HEIGHT = 200;
var PAD = { left: 64, right: 16, top: 12, bottom: 36 };
function renderDashboard(model) {
  const body = [
    `<h1>Lambda power history: <code>${h(model.repository.owner)}/${h(model.repository.repo)}</code></h1>`,
    `<p class="muted">${model.keys.length} key${model.keys.length === 1 ? "" : "s"} from the data branch <code>${h(model.branch)}</code>, written ${h(model.generatedAt)}. Each point is a run on the default branch: click it for the commit; the table links each run's lambda-power-tuning.show chart. <span class="cp-legend">\u25BC</span> marks a change point, the run where a significant change entered, by the rule of the pull request comment's trend: the gate's ${h(formatConfidence(model.confidence))} interval of the change from the previous measured run, with the drift between runs, the floor of ${h(formatMs(model.minDurationChangeMs))} (min-duration-change) and Holm's procedure over all of a key's pairs and metrics. A key is tested at its newest run's configured memory; runs configured at another memory size (grey) and copies of an earlier run (hollow) are never compared.</p>`,
    model.keys.length === 0 ? "<p>No stored runs yet: the first push to the default branch adds one.</p>" : "",
    ...model.keys.map((key) => keySection(model, key))
  ];
  return htmlPage(
    `Lambda power history: ${model.repository.owner}/${model.repository.repo}`,
    "dashboard",
    body.join("\n"),
    STYLE
  );
}
function keySection(model, key) {
  const name = key.functionName !== key.key ? ` <span class="muted small">(function <code>${h(key.functionName)}</code>)</span>` : "";
  const other = key.points.filter((point) => point.otherMemory).length;
  const compared = `<p class="muted small">Change points tested at ${h(formatMemory(key.comparedMemoryMb))}, the newest run's configured memory${other > 0 ? `; ${other} run${other === 1 ? " was" : "s were"} configured at another memory size: drawn, not compared` : ""}.</p>`;
  const notRead = key.notRead > 0 ? `<p class="muted small">${key.notRead} older stored run${key.notRead === 1 ? "" : "s"} not shown (the dashboard reads a bounded number of runs).</p>` : "";
  return `<section class="fn" id="key-${h(key.key.replace(/[^A-Za-z0-9_-]/g, "-"))}" data-key="${h(key.key)}">
<h1><code>${h(key.key)}</code>${name}</h1>
${compared}
${notRead}
<div class="charts">
${CHARTS.map((spec) => chart(model, key, spec)).join("\n")}
</div>
${runsTable(model, key)}
</section>`;
}
function chart(model, key, spec) {
  const points = key.points;
  const values = points.map(spec.value);
  const shown = values.filter((value) => value !== null && Number.isFinite(value));
  const top = niceCeiling(Math.max(0, ...shown));
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const x = (i) => PAD.left + (points.length === 1 ? innerW / 2 : i * innerW / (points.length - 1));
  const y = (v) => PAD.top + innerH - v / top * innerH;
  const f = (n) => n.toFixed(1);
  const grid = [0, 0.25, 0.5, 0.75, 1].map((t) => {
    const gy = f(y(top * t));
    return `<line class="grid" x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${gy}" y2="${gy}"/><text x="${PAD.left - 6}" y="${gy}" text-anchor="end" dominant-baseline="middle">${h(spec.format(top * t))}</text>`;
  }).join("");
  const labelEvery = Math.max(1, Math.ceil(points.length / 7));
  const xLabels = points.map(
    (p, i) => (points.length - 1 - i) % labelEvery === 0 ? `<text x="${f(x(i))}" y="${HEIGHT - PAD.bottom + 16}" text-anchor="${points.length > 1 && i === points.length - 1 ? "end" : i === 0 && points.length > 1 ? "start" : "middle"}">${h(p.sha.slice(0, 7))}</text>` : ""
  ).join("");
  const line = values.map((v, i) => v === null || !Number.isFinite(v) ? null : `${f(x(i))},${f(y(v))}`).filter(Boolean).join(" ");
  const metric = spec.metric === "recommendation" ? null : spec.metric;
  const changes = metric ? key.changes[metric] : [];
  const marks = changes.map((change) => {
    const v = values[change.index];
    if (v === null || v === void 0 || !metric) return "";
    const cx = x(change.index);
    const cy = y(v) - 10;
    return `<g class="change" data-index="${change.index}" data-previous-index="${change.previousIndex}"><line x1="${f(cx)}" x2="${f(cx)}" y1="${PAD.top}" y2="${PAD.top + innerH}"/><path d="M${f(cx - 5)},${f(cy - 8)} L${f(cx + 5)},${f(cy - 8)} L${f(cx)},${f(cy)} Z"/><title>${h(changeText(model, key, metric, change), 600)}</title></g>`;
  }).join("");
  const untested2 = metric ? key.untested[metric] : void 0;
  const circles = values.map((v, i) => {
    const point = points[i];
    if (v === null || !Number.isFinite(v) || !point) return "";
    const href = commitUrl(model, point.sha);
    const tip = `${point.sha.slice(0, 7)}${point.committedAt ? ` (${point.committedAt})` : ""}: ${spec.format(v)}${point.carried ? ", carried from an earlier run (unchanged function)" : ""}${point.otherMemory ? `, configured at ${formatMemory(point.memoryMb)}: not compared` : ""}`;
    const circle = `<circle class="pt${point.carried ? " carried" : ""}${point.otherMemory ? " other" : ""}" cx="${f(x(i))}" cy="${f(y(v))}" r="4.5"><title>${h(tip)}</title></circle>`;
    return href ? `<a href="${h(href, 2e3)}">${circle}</a>` : circle;
  }).join("");
  const empty = shown.length === 0 ? `<text x="${WIDTH / 2}" y="${HEIGHT / 2}" text-anchor="middle">no ${h(spec.metric === "init" ? "cold starts" : "figures")} stored</text>` : "";
  return `<figure data-metric="${spec.metric}" data-points="${shown.length}">
<figcaption>${h(spec.title)}${untested2 ? ` <span class="muted small">(${h(untested2)})</span>` : ""}</figcaption>
<svg viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${h(`${spec.title}, ${shown.length} runs`)}">${grid}${xLabels}${marks}${line ? `<polyline class="pr" points="${line}"/>` : ""}${circles}${empty}</svg>
</figure>`;
}
var METRIC_NAMES = { cost: "cost", duration: "duration", init: "Init Duration" };
function changeText(model, key, metric, change) {
  const sha = (index) => key.points[index]?.sha.slice(0, 7) ?? "?";
  return `${METRIC_NAMES[metric]} ${formatPct(change.deltaPct)} (${formatConfidence(model.confidence)} interval ${formatPct(change.lowPct)} to ${formatPct(change.highPct)}) entered at ${sha(change.index)}, against ${sha(change.previousIndex)}`;
}
function runsTable(model, key) {
  const changedAt = /* @__PURE__ */ new Map();
  for (const [metric, list] of Object.entries(key.changes))
    for (const change of list)
      changedAt.set(change.index, [
        ...changedAt.get(change.index) ?? [],
        `${METRIC_NAMES[metric]} ${formatPct(change.deltaPct)} (${formatPct(change.lowPct)} to ${formatPct(change.highPct)}) against ${key.points[change.previousIndex]?.sha.slice(0, 7) ?? "?"}`
      ]);
  const rows = key.points.map((point, i) => ({ point, i })).reverse().map(({ point, i }) => {
    const href = commitUrl(model, point.sha);
    const sha = h(point.sha.slice(0, 7));
    const commit = href ? `<a href="${h(href, 2e3)}"><code>${sha}</code></a>` : `<code>${sha}</code>`;
    const chartLink = point.chartUrl ? `<a href="${h(point.chartUrl, 4e3)}">chart</a>` : "\u2014";
    const change = changedAt.get(i);
    return `<tr${change ? ' class="changed"' : ""}><td class="text">${commit}${point.carried ? ' <span class="muted small">carried</span>' : ""}</td><td class="text">${h(point.committedAt ?? "\u2014")}</td><td>${h(formatMemory(point.memoryMb))}${point.otherMemory ? ' <span class="muted small">not compared</span>' : ""}</td><td>${point.costPerMillionUsd === null ? "\u2014" : h(`$${point.costPerMillionUsd.toPrecision(3)}`)}</td><td>${h(formatMs(point.durationMs))}</td><td>${h(formatMs(point.initDurationMs))}</td><td>${point.recommendedMemoryMb === null ? "\u2014" : h(formatMemory(point.recommendedMemoryMb))}</td><td class="text">${change ? `\u25BC ${h(change.join(", "))}` : ""}</td><td class="text">${chartLink}</td></tr>`;
  }).join("\n");
  return `<details><summary>Runs (${key.points.length}, newest first)</summary><div class="scroll"><table>
<thead><tr><th class="text">Commit</th><th class="text">Committed</th><th>Configured</th><th>Cost per 1M</th><th>Duration</th><th>Init Duration</th><th>Recommended</th><th class="text">Change point</th><th class="text">lambda-power-tuning.show</th></tr></thead>
<tbody>
${rows}
</tbody></table></div></details>`;
}
var STYLE = `
svg circle.pt { fill: var(--pr); } svg circle.pt.carried { fill: var(--bg); stroke: var(--pr); stroke-width: 2; }
svg circle.pt.other { fill: var(--muted); }
svg a:hover circle.pt { r: 6.5; }
svg .change line { stroke: var(--fail); stroke-width: 1; stroke-dasharray: 3 3; } svg .change path { fill: var(--fail); }
.cp-legend { color: var(--fail); } tr.changed td { background: color-mix(in srgb, var(--fail) 8%, transparent); }
details { margin: 12px 0 0; } summary { cursor: pointer; color: var(--muted); }
`;

// src/action/dashboard.ts
var DASHBOARD_PATH = "index.html";
var READ_CONCURRENCY = 4;
async function dashboardOnDefaultBranch(settings, run, env) {
  const { dashboard, baselineBranch, dashboardBranch } = settings.gate;
  const token = settings.report.githubToken;
  if (!dashboard || !baselineBranch || !run.defaultBranchPush || !run.repository) return;
  if (!token) {
    actionLog.warning("No dashboard written: it needs github-token (contents: write).");
    return;
  }
  const { getOctokit } = await import("./github-ADO4NBSA.js");
  try {
    const written = await writeDashboard(
      {
        octokit: getOctokit(token, env.GITHUB_API_URL ? { baseUrl: env.GITHUB_API_URL } : {}),
        owner: run.repository.owner,
        repo: run.repository.repo,
        serverUrl: env.GITHUB_SERVER_URL || "https://github.com",
        logger: actionLog
      },
      {
        dataBranch: baselineBranch,
        targetBranch: dashboardBranch ?? baselineBranch,
        confidence: settings.gate.confidence,
        minDurationChangeMs: settings.gate.minDurationChangeMs
      }
    );
    actionLog.info(
      `Dashboard: ${DASHBOARD_PATH} on ${written.branch} (${written.keys} key${written.keys === 1 ? "" : "s"}, ${written.runs} runs, ${written.bytes} bytes, commit ${written.commitSha.slice(0, 7)}).`
    );
  } catch (error) {
    actionLog.warning(
      `Could not write the dashboard to ${dashboardBranch ?? baselineBranch} (${messageOf(error)}); the run is stored. The workflow needs \`permissions: contents: write\`.`
    );
  }
}
async function writeDashboard(deps, target) {
  const clock = deps.clock ?? (() => /* @__PURE__ */ new Date());
  const histories = await readHistories(deps, target.dataBranch);
  const html = renderDashboard(
    dashboardModel(histories, {
      repository: { owner: deps.owner, repo: deps.repo, serverUrl: deps.serverUrl },
      branch: target.dataBranch,
      generatedAt: clock().toISOString(),
      confidence: target.confidence,
      minDurationChangeMs: target.minDurationChangeMs
    })
  );
  const written = await commitFile(deps, target.targetBranch, DASHBOARD_PATH, html, "lambda-power-gate: dashboard");
  return {
    branch: target.targetBranch,
    ...written,
    keys: histories.filter((history) => history.runs.length > 0).length,
    runs: histories.reduce((sum, history) => sum + history.runs.length, 0),
    bytes: Buffer.byteLength(html)
  };
}
async function readHistories(deps, branch) {
  const git = gitBranch(deps, branch);
  const tip = await git.readTip();
  if (!tip) return [];
  const indexPaths = [...tip.files.keys()].filter((path) => /^[^/]+(?:\/[^/]+)?\/index\.json$/.test(path)).sort();
  const limit = pLimit(READ_CONCURRENCY);
  const indexes = (await Promise.all(
    indexPaths.map(
      (path) => limit(async () => {
        const key = path.slice(0, -"/index.json".length);
        try {
          return parseIndex(await git.readBlob(tip.files.get(path)), key);
        } catch (error) {
          deps.logger?.warning(`Dashboard: skipping ${path} (${messageOf(error)})`);
          return null;
        }
      })
    )
  )).filter((index) => index !== null);
  const available = indexes.map((index) => index.entries.filter((entry) => tip.files.has(entry.path)).length);
  const reads = readsPerKey(available);
  return Promise.all(
    indexes.map(async (index, i) => {
      const entries = index.entries.filter((entry) => tip.files.has(entry.path)).slice(0, reads[i] ?? 0);
      const runs = await Promise.all(
        entries.map(
          (entry) => limit(async () => {
            try {
              const text = await git.readBlob(tip.files.get(entry.path));
              const result = parseRunResult(text, (problem) => new Error(`${entry.path} ${problem}`));
              return {
                sha: entry.sha,
                ...entry.committedAt ? { committedAt: entry.committedAt } : {},
                carried: entry.carriedFrom !== void 0,
                result
              };
            } catch (error) {
              deps.logger?.warning(`Dashboard: skipping ${entry.path} (${messageOf(error)})`);
              return null;
            }
          })
        )
      );
      return {
        key: index.key,
        runs: runs.filter((stored) => stored !== null),
        notRead: (available[i] ?? 0) - entries.length
      };
    })
  );
}
function gitBranch(deps, branch) {
  return new GitBranch({
    octokit: deps.octokit,
    owner: deps.owner,
    repo: deps.repo,
    branch,
    logger: deps.logger,
    sleep: deps.sleep ?? realSleep,
    random: deps.random ?? Math.random
  });
}
async function commitFile(deps, branch, path, content, message) {
  const git = gitBranch(deps, branch);
  const blob = await git.createBlob(content);
  return git.redoOnConflict("writing the dashboard", async (attempt) => {
    const tip = await git.readTip();
    if (tip?.files.get(path) === blob) return { commitSha: tip.commitSha, attempts: attempt };
    const commitSha = await git.commit(tip, [{ path, mode: "100644", type: "blob", sha: blob }], message);
    return { commitSha, attempts: attempt };
  });
}
export {
  DASHBOARD_PATH,
  dashboardOnDefaultBranch,
  readHistories,
  writeDashboard
};
