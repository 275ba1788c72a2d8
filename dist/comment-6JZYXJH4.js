import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  GITHUB_COMMENT_MAX_CHARS,
  fitToLimit
} from "./chunk-P5327EIW.js";
import {
  realSleep
} from "./chunk-FTQIWBND.js";
import {
  withRetry
} from "./chunk-CPWGUBW5.js";
import "./chunk-URRKCZFK.js";

// src/report/earlier-comments.ts
var IS_MINIMIZED_QUERY = `query($ids: [ID!]!) { nodes(ids: $ids) { ... on IssueComment { id isMinimized } } }`;
var MINIMIZE_MUTATION = `mutation($id: ID!) { minimizeComment(input: { subjectId: $id, classifier: OUTDATED }) { minimizedComment { isMinimized } } }`;
var MAX_NODE_IDS_PER_QUERY = 100;
async function hideComments(api, comments, retry, hidden) {
  const withNode = comments.filter((comment) => typeof comment.node_id === "string").reverse();
  for (let start = 0; start < withNode.length; start += MAX_NODE_IDS_PER_QUERY) {
    const batch = withNode.slice(start, start + MAX_NODE_IDS_PER_QUERY);
    const { nodes } = await retry(
      () => api.graphql(IS_MINIMIZED_QUERY, { ids: batch.map((comment) => comment.node_id) })
    );
    const minimized = new Set(nodes.filter((node) => node?.isMinimized).map((node) => node?.id));
    for (const comment of batch) {
      if (minimized.has(comment.node_id)) continue;
      await retry(() => api.graphql(MINIMIZE_MUTATION, { id: comment.node_id }));
      hidden.push(comment.id);
    }
  }
}
async function deleteComments(api, repo, comments, retry, deleted) {
  for (const comment of comments) {
    await retry(() => api.rest.issues.deleteComment({ ...repo, comment_id: comment.id }));
    deleted.push(comment.id);
  }
}

// src/report/comment.ts
var MARKER_PREFIX = "<!-- lambda-power-gate ";
var MARKER_PATTERN = /^<!-- lambda-power-gate key=(\S+?)(?: sha=([0-9a-f]{7,40}))?(?: at=(\S+?))? -->/;
function commentMarker(marker) {
  const sha = marker.sha && /^[0-9a-f]{7,40}$/i.test(marker.sha) ? ` sha=${marker.sha.toLowerCase()}` : "";
  const at = marker.at && !Number.isNaN(Date.parse(marker.at)) ? ` at=${new Date(marker.at).toISOString()}` : "";
  return `${MARKER_PREFIX}key=${encodeURIComponent(marker.key)}${sha}${at} -->`;
}
function parseMarker(body) {
  const match = MARKER_PATTERN.exec(body ?? "");
  if (!match?.[1]) return null;
  let key;
  try {
    key = decodeURIComponent(match[1]);
  } catch {
    return null;
  }
  return { key, ...match[2] ? { sha: match[2] } : {}, ...match[3] ? { at: match[3] } : {} };
}
function markedBody(body, marker, fullReportWhere) {
  const line = commentMarker(marker);
  const room = GITHUB_COMMENT_MAX_CHARS - line.length - 1;
  const fitted = fitToLimit(body, room, fullReportWhere);
  return { body: `${line}
${fitted}`, truncated: fitted !== body };
}
function isStale(ours, existing) {
  if (!ours.at || !existing.at) return false;
  if (ours.sha && existing.sha && ours.sha === existing.sha) return false;
  const oursMs = Date.parse(ours.at);
  const existingMs = Date.parse(existing.at);
  return Number.isFinite(oursMs) && Number.isFinite(existingMs) && existingMs > oursMs;
}
function reasonOf(error) {
  const status = statusOf(error);
  const message = error instanceof Error ? error.message : String(error);
  return `${status === void 0 ? "" : `${status} `}${message.split("\n")[0] ?? ""}`;
}
function statusOf(error) {
  const status = error?.status;
  return typeof status === "number" ? status : void 0;
}
function isRetryable(error) {
  const status = statusOf(error);
  return status === void 0 ? false : status >= 500 || status === 429;
}
async function publishComment(api, options) {
  const { mode, target } = options;
  if (mode === "off") return { action: "skipped", reason: "comment-mode is off." };
  const sleep = options.sleep ?? realSleep;
  const retry = (fn) => withRetry(fn, { attempts: 4, baseDelayMs: 1e3, maxDelayMs: 8e3, sleep, shouldRetry: isRetryable });
  const repo = { owner: target.owner, repo: target.repo };
  if (options.verifyPullRequestHead) {
    if (!options.commitSha)
      return { action: "skipped", reason: "the pull request head cannot be verified without the measured commit SHA." };
    const { data } = await retry(() => api.rest.pulls.get({ ...repo, pull_number: target.issueNumber }));
    if (data.head.sha.toLowerCase() !== options.commitSha.toLowerCase()) {
      return {
        action: "skipped",
        reason: `pull request #${target.issueNumber} is at ${data.head.sha.slice(0, 7)}, not at the measured commit ${options.commitSha.slice(0, 7)} (a newer push, or a results file that belongs to another pull request).`
      };
    }
  }
  const at = options.commitTimestamp ?? (options.commitSha ? await commitTime(api, repo, options.commitSha, retry) : void 0);
  const marker = {
    key: target.key,
    ...options.commitSha ? { sha: options.commitSha } : {},
    ...at ? { at } : {}
  };
  const { body, truncated } = markedBody(options.body, marker, options.fullReportWhere);
  const extra = truncated ? { truncated } : {};
  const comments = await retry(
    () => api.paginate(api.rest.issues.listComments, {
      ...repo,
      issue_number: target.issueNumber,
      per_page: 100
    })
  );
  const isAuthor = await authorFilter(api, options.authorLogin);
  const ours = comments.flatMap((comment) => {
    const found = parseMarker(comment.body);
    return found && found.key === target.key && isAuthor(comment) ? [{ comment, marker: found }] : [];
  });
  const latest = ours.at(-1);
  if (latest && isStale(marker, latest.marker) && !await isPullRequestHead(api, repo, target.issueNumber, options.commitSha, retry)) {
    return {
      action: "skipped",
      reason: `the comment already reports a newer commit (${latest.marker.sha?.slice(0, 7) ?? "unknown"}, ${latest.marker.at}) than this run's (${marker.sha?.slice(0, 7) ?? "unknown"}, ${marker.at}).`
    };
  }
  if (latest && latest.comment.body === body) {
    return { action: "unchanged", url: latest.comment.html_url, id: latest.comment.id, ...extra };
  }
  if (mode === "update" && latest) {
    const { data } = await retry(() => api.rest.issues.updateComment({ ...repo, comment_id: latest.comment.id, body }));
    return { action: "updated", url: data.html_url, id: data.id, ...extra };
  }
  const { data: created } = await api.rest.issues.createComment({ ...repo, issue_number: target.issueNumber, body });
  const outcome = { action: "created", url: created.html_url, id: created.id, ...extra };
  const previous = ours.filter((entry) => entry.comment.id !== created.id).map((entry) => entry.comment);
  if (mode === "hide-and-new") {
    outcome.hidden = [];
    try {
      await hideComments(api, previous, retry, outcome.hidden);
    } catch (error) {
      outcome.cleanupError = `could not hide the earlier comments: ${reasonOf(error)}`;
    }
  } else if (mode === "delete-and-new") {
    outcome.deleted = [];
    try {
      await deleteComments(api, repo, previous, retry, outcome.deleted);
    } catch (error) {
      outcome.cleanupError = `could not delete the earlier comments: ${reasonOf(error)}`;
    }
  }
  return outcome;
}
async function isPullRequestHead(api, repo, issueNumber, sha, retry) {
  if (!sha) return false;
  try {
    const { data } = await retry(() => api.rest.pulls.get({ ...repo, pull_number: issueNumber }));
    return data.head.sha.toLowerCase() === sha.toLowerCase();
  } catch {
    return false;
  }
}
async function commitTime(api, repo, sha, retry) {
  try {
    const { data } = await retry(() => api.rest.repos.getCommit({ ...repo, ref: sha }));
    return data.commit.committer?.date ?? void 0;
  } catch {
    return void 0;
  }
}
async function authorFilter(api, login) {
  let author = login;
  if (!author) {
    try {
      author = (await api.rest.users.getAuthenticated()).data.login;
    } catch {
      author = void 0;
    }
  }
  if (author) {
    const expected = author.toLowerCase();
    return (comment) => comment.user?.login?.toLowerCase() === expected;
  }
  return (comment) => comment.user?.type === "Bot" || (comment.user?.login ?? "").endsWith("[bot]");
}
export {
  commentMarker,
  isStale,
  markedBody,
  parseMarker,
  publishComment
};
