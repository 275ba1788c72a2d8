// The sticky PR comment: one per function key, found by a hidden marker, in one of five modes.
//
// The marker is the body's first line: <!-- lambda-power-gate key=<key> sha=<commit> at=<commit time> -->.
// The key (URI-encoded, so no user text can end the HTML comment) tells functions apart when a workflow tunes
// several. The commit and its time are the stale-run guard: GitHub runs the workflows of two quick pushes at
// the same time, and the run for the older commit can finish last; it must not replace the newer one's report.
//
// Which comments are ours: the marker AND the author. The author is the token's login where GitHub tells it
// (a personal access token); an Actions or App token cannot ask (GET /user answers 403), and then any bot's
// comment counts, never a person's, so nobody can plant a marker that blocks or hijacks the report.

import type { ReportSettings } from '../types.js';
import { withRetry } from '../lib/retry.js';
import type { Sleep } from '../lib/ports.js';
import { realSleep } from '../lib/ports.js';
import { deleteComments, hideComments, type Retry } from './earlier-comments.js';
import { GITHUB_COMMENT_MAX_CHARS, fitToLimit } from './limits.js';

export type CommentMode = ReportSettings['commentMode'];

export interface CommentTarget {
  owner: string;
  repo: string;
  issueNumber: number;
  /** Identifies the function across runs; several functions in one PR get one comment each. */
  key: string;
}

export interface CommentOutcome {
  action: 'created' | 'updated' | 'unchanged';
  url: string;
  id: number;
  /** Earlier comments of this key minimised (hide-and-new) or deleted (delete-and-new). */
  hidden?: number[];
  deleted?: number[];
  /** Set when the body was cut to GitHub's limit. */
  truncated?: boolean;
  /**
   * The comment was posted, but hiding or deleting the earlier ones failed (why, one line). The post stands: the
   * caller warns and still reports the comment's URL.
   */
  cleanupError?: string;
}

export interface SkippedComment {
  action: 'skipped';
  /** One sentence, for the log. */
  reason: string;
}

export type PublishOutcome = CommentOutcome | SkippedComment;

export interface PublishOptions {
  mode: CommentMode;
  target: CommentTarget;
  /** The report markdown; the marker is added here, and the body cut to GitHub's limit when needed. */
  body: string;
  /** The commit the report measured: the stale-run guard compares it with the existing comment's. */
  commitSha?: string;
  /** That commit's committer time (ISO 8601). Looked up (GET /repos/{o}/{r}/commits/{sha}) when absent and commitSha is set. */
  commitTimestamp?: string;
  /**
   * Check first that the pull request's head is commitSha; skip when it is not. For the comment-only mode,
   * where the PR number comes from an artifact a fork could have written: it proves the number belongs to the
   * commit that was measured.
   */
  verifyPullRequestHead?: boolean;
  /** Only comments by this login are ours. Default: the token's login, or any bot when the token cannot tell. */
  authorLogin?: string;
  /** Where the full report is, for the notice when the body is cut. */
  fullReportWhere?: string;
  /** Injected in tests; the default waits for real. */
  sleep?: Sleep;
}

/** The subset of Octokit this module uses (getOctokit from @actions/github satisfies it). */
export interface CommentsApi {
  paginate: <T>(route: unknown, parameters: Record<string, unknown>) => Promise<T[]>;
  graphql: <T>(query: string, variables: Record<string, unknown>) => Promise<T>;
  rest: {
    issues: {
      listComments: unknown;
      createComment: (parameters: {
        owner: string;
        repo: string;
        issue_number: number;
        body: string;
      }) => Promise<{ data: RawComment }>;
      updateComment: (parameters: {
        owner: string;
        repo: string;
        comment_id: number;
        body: string;
      }) => Promise<{ data: RawComment }>;
      deleteComment: (parameters: { owner: string; repo: string; comment_id: number }) => Promise<unknown>;
    };
    repos: {
      getCommit: (parameters: {
        owner: string;
        repo: string;
        ref: string;
      }) => Promise<{ data: { commit: { committer?: { date?: string } | null } } }>;
    };
    pulls: {
      get: (parameters: {
        owner: string;
        repo: string;
        pull_number: number;
      }) => Promise<{ data: { head: { sha: string } } }>;
    };
    users: {
      getAuthenticated: () => Promise<{ data: { login: string } }>;
    };
  };
}

export interface RawComment {
  id: number;
  node_id?: string;
  body?: string | null;
  html_url: string;
  user?: { login?: string; type?: string } | null;
}

// ---------------------------------------------------------------------------------------------------------
// The marker

export interface CommentMarker {
  key: string;
  sha?: string;
  at?: string;
}

const MARKER_PREFIX = '<!-- lambda-power-gate ';
const MARKER_PATTERN = /^<!-- lambda-power-gate key=(\S+?)(?: sha=([0-9a-f]{7,40}))?(?: at=(\S+?))? -->/;

export function commentMarker(marker: CommentMarker): string {
  const sha = marker.sha && /^[0-9a-f]{7,40}$/i.test(marker.sha) ? ` sha=${marker.sha.toLowerCase()}` : '';
  const at = marker.at && !Number.isNaN(Date.parse(marker.at)) ? ` at=${new Date(marker.at).toISOString()}` : '';
  return `${MARKER_PREFIX}key=${encodeURIComponent(marker.key)}${sha}${at} -->`;
}

export function parseMarker(body: string | null | undefined): CommentMarker | null {
  const match = MARKER_PATTERN.exec(body ?? '');
  if (!match?.[1]) return null;
  let key: string;
  try {
    key = decodeURIComponent(match[1]);
  } catch {
    return null;
  }
  return { key, ...(match[2] ? { sha: match[2] } : {}), ...(match[3] ? { at: match[3] } : {}) };
}

/** The body as posted: the marker, then the report, cut so the whole stays within GitHub's limit. */
export function markedBody(
  body: string,
  marker: CommentMarker,
  fullReportWhere?: string,
): { body: string; truncated: boolean } {
  const line = commentMarker(marker);
  const room = GITHUB_COMMENT_MAX_CHARS - line.length - 1;
  const fitted = fitToLimit(body, room, fullReportWhere);
  return { body: `${line}\n${fitted}`, truncated: fitted !== body };
}

/**
 * True when the existing comment reports a newer commit than ours, so ours must not replace it. Same commit
 * (a re-run), unknown times on either side, or an older existing comment: not stale.
 */
export function isStale(ours: CommentMarker, existing: CommentMarker): boolean {
  if (!ours.at || !existing.at) return false;
  if (ours.sha && existing.sha && ours.sha === existing.sha) return false;
  const oursMs = Date.parse(ours.at);
  const existingMs = Date.parse(existing.at);
  return Number.isFinite(oursMs) && Number.isFinite(existingMs) && existingMs > oursMs;
}

// ---------------------------------------------------------------------------------------------------------
// Publishing

interface Ours {
  comment: RawComment;
  marker: CommentMarker;
}

/** One line for the log: GitHub's status and the first line of its message. */
function reasonOf(error: unknown): string {
  const status = statusOf(error);
  const message = error instanceof Error ? error.message : String(error);
  return `${status === undefined ? '' : `${status} `}${message.split('\n')[0] ?? ''}`;
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

/** 5xx and 429 may pass on a second try; a 403 or 404 will not. */
function isRetryable(error: unknown): boolean {
  const status = statusOf(error);
  return status === undefined ? false : status >= 500 || status === 429;
}

/**
 * Posts the report as the PR's sticky comment for target.key, following mode. Never throws for an expected
 * refusal (mode off, a stale run, a head that moved); API errors (e.g. 403 from a fork's read-only token) do
 * throw, with GitHub's status, for the caller to log as a warning.
 */
export async function publishComment(api: CommentsApi, options: PublishOptions): Promise<PublishOutcome> {
  const { mode, target } = options;
  if (mode === 'off') return { action: 'skipped', reason: 'comment-mode is off.' };
  const sleep = options.sleep ?? realSleep;
  const retry = <T>(fn: () => Promise<T>): Promise<T> =>
    withRetry(fn, { attempts: 4, baseDelayMs: 1000, maxDelayMs: 8000, sleep, shouldRetry: isRetryable });
  const repo = { owner: target.owner, repo: target.repo };

  if (options.verifyPullRequestHead) {
    if (!options.commitSha)
      return { action: 'skipped', reason: 'the pull request head cannot be verified without the measured commit SHA.' };
    const { data } = await retry(() => api.rest.pulls.get({ ...repo, pull_number: target.issueNumber }));
    if (data.head.sha.toLowerCase() !== options.commitSha.toLowerCase()) {
      return {
        action: 'skipped',
        reason: `pull request #${target.issueNumber} is at ${data.head.sha.slice(0, 7)}, not at the measured commit ${options.commitSha.slice(0, 7)} (a newer push, or a results file that belongs to another pull request).`,
      };
    }
  }

  const at =
    options.commitTimestamp ?? (options.commitSha ? await commitTime(api, repo, options.commitSha, retry) : undefined);
  const marker: CommentMarker = {
    key: target.key,
    ...(options.commitSha ? { sha: options.commitSha } : {}),
    ...(at ? { at } : {}),
  };
  const { body, truncated } = markedBody(options.body, marker, options.fullReportWhere);
  const extra = truncated ? { truncated } : {};

  const comments = await retry(() =>
    api.paginate<RawComment>(api.rest.issues.listComments, {
      ...repo,
      issue_number: target.issueNumber,
      per_page: 100,
    }),
  );
  const isAuthor = await authorFilter(api, options.authorLogin);
  const ours: Ours[] = comments.flatMap((comment) => {
    const found = parseMarker(comment.body);
    return found && found.key === target.key && isAuthor(comment) ? [{ comment, marker: found }] : [];
  });
  const latest = ours.at(-1);
  if (
    latest &&
    isStale(marker, latest.marker) &&
    !(await isPullRequestHead(api, repo, target.issueNumber, options.commitSha, retry))
  ) {
    return {
      action: 'skipped',
      reason: `the comment already reports a newer commit (${latest.marker.sha?.slice(0, 7) ?? 'unknown'}, ${latest.marker.at}) than this run's (${marker.sha?.slice(0, 7) ?? 'unknown'}, ${marker.at}).`,
    };
  }
  if (latest && latest.comment.body === body) {
    return { action: 'unchanged', url: latest.comment.html_url, id: latest.comment.id, ...extra };
  }

  if (mode === 'update' && latest) {
    const { data } = await retry(() => api.rest.issues.updateComment({ ...repo, comment_id: latest.comment.id, body }));
    return { action: 'updated', url: data.html_url, id: data.id, ...extra };
  }

  // A create is not retried: a 5xx may still have posted it, and a second one would be a duplicate.
  const { data: created } = await api.rest.issues.createComment({ ...repo, issue_number: target.issueNumber, body });
  const outcome: CommentOutcome = { action: 'created', url: created.html_url, id: created.id, ...extra };
  const previous = ours.filter((entry) => entry.comment.id !== created.id).map((entry) => entry.comment);
  // From here on the report is posted: a failure to tidy up the earlier ones is reported, never thrown, so it
  // cannot hide the new comment's URL from the caller.
  if (mode === 'hide-and-new') {
    outcome.hidden = [];
    try {
      await hideComments(api, previous, retry, outcome.hidden);
    } catch (error) {
      outcome.cleanupError = `could not hide the earlier comments: ${reasonOf(error)}`;
    }
  } else if (mode === 'delete-and-new') {
    outcome.deleted = [];
    try {
      await deleteComments(api, repo, previous, retry, outcome.deleted);
    } catch (error) {
      outcome.cleanupError = `could not delete the earlier comments: ${reasonOf(error)}`;
    }
  }
  return outcome;
}

/**
 * Commit times order runs, except when a branch is reset to an older commit: then the pull request's head is the
 * older commit, and its report is the one to show. So a run the times call stale still posts if it measured the
 * head. Unknown (no SHA, or the lookup failed): not the head.
 */
async function isPullRequestHead(
  api: CommentsApi,
  repo: { owner: string; repo: string },
  issueNumber: number,
  sha: string | undefined,
  retry: Retry,
): Promise<boolean> {
  if (!sha) return false;
  try {
    const { data } = await retry(() => api.rest.pulls.get({ ...repo, pull_number: issueNumber }));
    return data.head.sha.toLowerCase() === sha.toLowerCase();
  } catch {
    return false;
  }
}

async function commitTime(
  api: CommentsApi,
  repo: { owner: string; repo: string },
  sha: string,
  retry: Retry,
): Promise<string | undefined> {
  try {
    const { data } = await retry(() => api.rest.repos.getCommit({ ...repo, ref: sha }));
    return data.commit.committer?.date ?? undefined;
  } catch {
    // Without a time the guard cannot order runs; the comment is still posted, with the SHA in its marker.
    return undefined;
  }
}

async function authorFilter(api: CommentsApi, login: string | undefined): Promise<(comment: RawComment) => boolean> {
  let author = login;
  if (!author) {
    try {
      author = (await api.rest.users.getAuthenticated()).data.login;
    } catch {
      author = undefined;
    }
  }
  if (author) {
    const expected = author.toLowerCase();
    return (comment) => comment.user?.login?.toLowerCase() === expected;
  }
  // GitHub marks bots by type, and only bots have '[bot]' in their login (a person's login cannot hold '[').
  return (comment) => comment.user?.type === 'Bot' || (comment.user?.login ?? '').endsWith('[bot]');
}
