import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  currentLabelEvent,
  decideAcceptance
} from "./chunk-4JLOGNLJ.js";
import {
  actionLog
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

export {
  acceptanceReader
};
