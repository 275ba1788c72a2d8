import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  actionLog,
  appendSummary,
  setOutput
} from "./chunk-MOY3PVIV.js";
import {
  messageOf
} from "./chunk-ZS2HFFQI.js";

// src/action/github-io.ts
import { existsSync, readFileSync } from "node:fs";
function readGitHubContext(env) {
  let payload = {};
  const eventPath = env.GITHUB_EVENT_PATH;
  if (eventPath) {
    if (existsSync(eventPath)) payload = JSON.parse(readFileSync(eventPath, "utf8"));
    else actionLog.info(`GITHUB_EVENT_PATH ${eventPath} does not exist`);
  }
  const [owner = "", repo = ""] = env.GITHUB_REPOSITORY?.split("/") ?? [
    payload.repository?.owner?.login ?? "",
    payload.repository?.name ?? ""
  ];
  return {
    payload,
    eventName: env.GITHUB_EVENT_NAME ?? "",
    sha: env.GITHUB_SHA ?? "",
    ref: env.GITHUB_REF ?? "",
    runId: Number.parseInt(env.GITHUB_RUN_ID ?? "", 10),
    serverUrl: env.GITHUB_SERVER_URL ?? "https://github.com",
    repo: { owner, repo }
  };
}
function setOutputs(outputs) {
  for (const [name, value] of Object.entries(outputs)) setOutput(name, value);
}
async function writeSummary(markdown) {
  try {
    const { fitToLimit, GITHUB_SUMMARY_MAX_CHARS } = await import("./limits-CAYWCUY6.js");
    await appendSummary(fitToLimit(markdown, GITHUB_SUMMARY_MAX_CHARS, "report.md next to results.json"));
  } catch (error) {
    actionLog.warning(`Could not write the job summary: ${messageOf(error)}`);
  }
}
async function dataBranch(settings, run, env) {
  const branch = settings.gate.baselineBranch;
  const token = settings.report.githubToken;
  if (settings.gate.baselineSource !== "branch" || !branch || !token || !env.GITHUB_REPOSITORY || !run.repository)
    return void 0;
  const [{ getOctokit }, { DataBranch }] = await Promise.all([
    import("./github-ADO4NBSA.js"),
    import("./databranch-YOHASM23.js")
  ]);
  return new DataBranch({
    octokit: getOctokit(token, env.GITHUB_API_URL ? { baseUrl: env.GITHUB_API_URL } : {}),
    owner: run.repository.owner,
    repo: run.repository.repo,
    branch,
    historyLimit: settings.gate.historyLimit,
    trendRuns: settings.gate.trendRuns,
    logger: actionLog
  });
}
async function storeOnDefaultBranch(history, settings, result, run) {
  const push = run.defaultBranchPush;
  if (!push) return;
  if (!result || result.dryRun || !result.powerValues.some((entry) => entry.status === "ok")) {
    actionLog.info(`Not stored on ${history.branch}: this run measured nothing to compare with.`);
    return;
  }
  try {
    const saved = await history.save(settings.gate.key, result, {
      sha: push.sha,
      ref: push.ref,
      ...push.committedAt ? { committedAt: push.committedAt } : {}
    });
    actionLog.info(
      `Stored as ${saved.path} on ${history.branch} (commit ${saved.commitSha.slice(0, 7)}; ${saved.kept} runs kept for ${settings.gate.key}${saved.dropped.length > 0 ? `, ${saved.dropped.length} older dropped` : ""}${saved.attempts > 1 ? `, after ${saved.attempts} attempts` : ""}).`
    );
  } catch (error) {
    actionLog.warning(
      `Could not store this run on ${history.branch} (${messageOf(error)}); pull requests will compare with an older entry. The workflow needs \`permissions: contents: write\` on pushes to ${push.branch}.`
    );
  }
}
async function storeAppOnDefaultBranch(history, functions, run) {
  const push = run.defaultBranchPush;
  if (!push) return;
  try {
    const saved = await history.storeApp(functions, {
      sha: push.sha,
      ref: push.ref,
      ...push.committedAt ? { committedAt: push.committedAt } : {}
    });
    for (const skipped of saved.skipped)
      actionLog.info(`Not stored on ${history.branch}: ${skipped.key} (${skipped.why}).`);
    if (saved.commitSha)
      actionLog.info(
        `Stored ${saved.stored.length} function${saved.stored.length === 1 ? "" : "s"} of ${history.appKey} on ${history.branch} (commit ${saved.commitSha.slice(0, 7)}${saved.attempts > 1 ? `, after ${saved.attempts} attempts` : ""}).`
      );
  } catch (error) {
    actionLog.warning(
      `Could not store this run on ${history.branch} (${messageOf(error)}); pull requests will compare with an older entry. The workflow needs \`permissions: contents: write\` on pushes to ${push.branch}.`
    );
  }
}
async function postComment(settings, markdown, run) {
  if (settings.report.commentMode === "off" || run.pullRequest === void 0) return void 0;
  if (run.fork) {
    actionLog.notice(
      `Pull request from a fork (${run.fork}): its token cannot comment, so the report is in the job summary only. See docs/workflows.md for the two-workflow recipe.`
    );
    return void 0;
  }
  return publish(settings, markdown, run, {
    issueNumber: run.pullRequest,
    ...run.headSha ? { commitSha: run.headSha } : {}
  });
}
async function publish(settings, markdown, run, where) {
  if (!settings.report.githubToken) {
    actionLog.notice("No github-token: the PR comment is skipped; the job summary has the report.");
    return void 0;
  }
  try {
    const repository = requireRepository(run);
    const [{ getOctokit }, { publishComment }] = await Promise.all([
      import("./github-ADO4NBSA.js"),
      import("./comment-6JZYXJH4.js")
    ]);
    const octokit = getOctokit(settings.report.githubToken);
    const outcome = await publishComment(octokit, {
      mode: settings.report.commentMode,
      target: { ...repository, issueNumber: where.issueNumber, key: settings.gate.key },
      body: markdown,
      ...where.commitSha ? { commitSha: where.commitSha } : {},
      ...where.verifyPullRequestHead ? { verifyPullRequestHead: true } : {}
    });
    if (outcome.action === "skipped") {
      actionLog.notice(`PR comment skipped: ${outcome.reason}`);
      return void 0;
    }
    actionLog.info(`PR comment ${outcome.action}: ${outcome.url}`);
    if (outcome.cleanupError) actionLog.warning(`PR comment posted (${outcome.url}), but ${outcome.cleanupError}.`);
    return outcome.url;
  } catch (error) {
    const status = error.status;
    const hint = status === 403 ? " \u2014 the token is read-only or lacks `permissions: pull-requests: write`" : "";
    actionLog.warning(`Could not post the PR comment (${messageOf(error)})${hint}; the job summary has the report.`);
    return void 0;
  }
}
async function pullRequestBase(settings, run, issueNumber) {
  if (!settings.report.githubToken) return void 0;
  try {
    const repository = requireRepository(run);
    const { getOctokit } = await import("./github-ADO4NBSA.js");
    const { data } = await getOctokit(settings.report.githubToken).rest.pulls.get({
      ...repository,
      pull_number: issueNumber
    });
    return data.base.sha;
  } catch (error) {
    actionLog.warning(
      `Could not read pull request #${issueNumber} (${messageOf(error)}); comparing with the newest baseline entry.`
    );
    return void 0;
  }
}
function requireRepository(run) {
  if (!run.repository)
    throw new Error("context.repo requires a GITHUB_REPOSITORY environment variable like 'owner/repo'");
  return run.repository;
}

export {
  readGitHubContext,
  setOutputs,
  writeSummary,
  dataBranch,
  storeOnDefaultBranch,
  storeAppOnDefaultBranch,
  postComment,
  publish,
  pullRequestBase
};
