import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  currentLabelEvent,
  decideAcceptance
} from "./chunk-4JLOGNLJ.js";
import {
  actionLog,
  appendSummary,
  setOutput
} from "./chunk-MOY3PVIV.js";
import {
  messageOf
} from "./chunk-ZS2HFFQI.js";
import {
  inertText
} from "./chunk-TM45P2KR.js";

// src/action/acceptance.ts
async function readAcceptance(settings, context, env, target = {}, options = {}) {
  const label = settings.report.acceptLabel;
  const log = options.log ?? actionLog;
  const pullRequest = target.pullRequest ?? context.pullRequest;
  const measuredSha = target.measuredSha ?? context.headSha;
  if (!label || pullRequest === void 0 || !context.repository) return null;
  const token = settings.report.githubToken;
  if (!token && !options.api) {
    log.warning(`No github-token: the label "${inertText(label, 100)}" cannot be read, so a failing verdict stands.`);
    return null;
  }
  const api = options.api ?? await octokit(token ?? "", env);
  const { owner, repo } = context.repository;
  try {
    const raw = await api.paginate(api.rest.issues.listEvents, {
      owner,
      repo,
      issue_number: pullRequest,
      per_page: 100
    });
    const events = raw.flatMap(labelEventOf);
    if (!currentLabelEvent(events, label)) return null;
    const { data: pull } = await api.rest.pulls.get({ owner, repo, pull_number: pullRequest });
    const decision = await decideAcceptance({
      label,
      events,
      measuredSha,
      pullHeadSha: pull.head.sha,
      permissionOf: async (username) => {
        try {
          const { data } = await api.rest.repos.getCollaboratorPermissionLevel({ owner, repo, username });
          return { permission: data.permission, ...data.role_name ? { roleName: data.role_name } : {} };
        } catch (error) {
          if (error.status === 404) return null;
          throw error;
        }
      }
    });
    if (decision.kind === "ignored") log.notice(decision.notice);
    return decision.kind === "accepted" ? decision.acceptance : null;
  } catch (error) {
    const status = error.status;
    const hint = status === 403 || status === 404 ? " \u2014 the workflow needs `permissions: pull-requests: read` (or issues: read) to read the label" : "";
    log.warning(
      `Could not read the label "${inertText(label, 100)}" on pull request #${pullRequest} (${inertText(messageOf(error), 200)})${hint}; a failing verdict stands.`
    );
    return null;
  }
}
function acceptanceReader(settings, context, env, target = {}) {
  if (!settings.report.acceptLabel) return void 0;
  let read;
  return () => read ??= readAcceptance(settings, context, env, target);
}
function labelEventOf(raw) {
  const event = raw["event"];
  if (event !== "labeled" && event !== "unlabeled") return [];
  const label = raw["label"]?.name;
  const actor = raw["actor"]?.login;
  const createdAt = raw["created_at"];
  if (typeof label !== "string" || typeof createdAt !== "string") return [];
  return [{ event, label, actor: typeof actor === "string" ? actor : null, createdAt }];
}
async function octokit(token, env) {
  const { getOctokit } = await import("./github-ADO4NBSA.js");
  return getOctokit(token, env.GITHUB_API_URL ? { baseUrl: env.GITHUB_API_URL } : {});
}

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
    import("./databranch-YZYQGM76.js")
  ]);
  return new DataBranch({
    octokit: getOctokit(token, env.GITHUB_API_URL ? { baseUrl: env.GITHUB_API_URL } : {}),
    owner: run.repository.owner,
    repo: run.repository.repo,
    branch,
    historyLimit: settings.gate.historyLimit,
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
    const octokit2 = getOctokit(settings.report.githubToken);
    const outcome = await publishComment(octokit2, {
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
  acceptanceReader,
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
