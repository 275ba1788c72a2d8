// accept-label on GitHub: reads what gate/acceptance.ts decides on, through the REST API with the run's token.
// - the pull request's label events: GET /repos/{owner}/{repo}/issues/{n}/events (labeled / unlabeled, with actor
//   and created_at; every page, oldest first);
// - the actor's permission: GET /repos/{owner}/{repo}/collaborators/{username}/permission (permission, role_name);
//   the token needs only metadata read, which every GITHUB_TOKEN has (step-security/secure-repo#595);
// - the pull request's head now: GET /repos/{owner}/{repo}/pulls/{n} (a re-run reuses its old event, so the
//   event's head is not enough).
// A fork's read-only token reads all three, so the fork recipe's measuring workflow honours the label too. Any
// failure to read leaves the verdict as it is, with a warning: the label can only ever loosen the gate, so not
// reading it is the safe side. Octokit is loaded only when a verdict fails and a label is configured.

import { currentLabelEvent, decideAcceptance, type Acceptance, type LabelEvent } from '../gate/acceptance.js';
import { messageOf } from '../lib/errors.js';
import { inertText } from '../lib/untrusted.js';
import type { Settings } from '../types.js';
import type { RunContext } from './context.js';
import { actionLog } from './log.js';

/** Where to look: the pull request and the commit this run judged (comment-only: the measuring run's). */
export interface AcceptanceTarget {
  pullRequest?: number;
  measuredSha?: string;
}

/** The subset of Octokit this reader calls. */
export interface AcceptanceApi {
  paginate: <T>(route: unknown, parameters: Record<string, unknown>) => Promise<T[]>;
  rest: {
    issues: { listEvents: unknown };
    repos: {
      getCollaboratorPermissionLevel: (parameters: {
        owner: string;
        repo: string;
        username: string;
      }) => Promise<{ data: { permission: string; role_name?: string } }>;
    };
    pulls: {
      get: (parameters: {
        owner: string;
        repo: string;
        pull_number: number;
      }) => Promise<{ data: { head: { sha: string } } }>;
    };
  };
}

export interface AcceptanceLog {
  notice: (message: string) => void;
  warning: (message: string) => void;
}

/**
 * The acceptance that counts for this run, or null: no label configured, no pull request, no token, no label on
 * the pull request, a label that does not count (a notice says why and who added it), or GitHub could not be read
 * (a warning). `api` is for tests; by default Octokit with the report's token.
 */
export async function readAcceptance(
  settings: Settings,
  context: RunContext,
  env: NodeJS.ProcessEnv,
  target: AcceptanceTarget = {},
  options: { api?: AcceptanceApi; log?: AcceptanceLog } = {},
): Promise<Acceptance | null> {
  const label = settings.report.acceptLabel;
  const log = options.log ?? actionLog;
  const pullRequest = target.pullRequest ?? context.pullRequest;
  const measuredSha = target.measuredSha ?? context.headSha;
  if (!label || pullRequest === undefined || !context.repository) return null;
  const token = settings.report.githubToken;
  if (!token && !options.api) {
    log.warning(`No github-token: the label "${inertText(label, 100)}" cannot be read, so a failing verdict stands.`);
    return null;
  }
  const api = options.api ?? (await octokit(token ?? '', env));
  const { owner, repo } = context.repository;
  try {
    const raw = await api.paginate<Record<string, unknown>>(api.rest.issues.listEvents, {
      owner,
      repo,
      issue_number: pullRequest,
      per_page: 100,
    });
    const events = raw.flatMap(labelEventOf);
    // No label on the pull request: nothing more to ask.
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
          return { permission: data.permission, ...(data.role_name ? { roleName: data.role_name } : {}) };
        } catch (error) {
          // 404: no such user (a bot, a deleted account): no permission to accept.
          if ((error as { status?: number }).status === 404) return null;
          throw error;
        }
      },
    });
    if (decision.kind === 'ignored') log.notice(decision.notice);
    return decision.kind === 'accepted' ? decision.acceptance : null;
  } catch (error) {
    const status = (error as { status?: number }).status;
    const hint =
      status === 403 || status === 404
        ? ' — the workflow needs `permissions: pull-requests: read` (or issues: read) to read the label'
        : '';
    log.warning(
      `Could not read the label "${inertText(label, 100)}" on pull request #${pullRequest} (${inertText(messageOf(error), 200)})${hint}; a failing verdict stands.`,
    );
    return null;
  }
}

/** A lazy, once-only reader for the flow: asked only when a verdict fails, and at most once per run. */
export function acceptanceReader(
  settings: Settings,
  context: RunContext,
  env: NodeJS.ProcessEnv,
  target: AcceptanceTarget = {},
): (() => Promise<Acceptance | null>) | undefined {
  if (!settings.report.acceptLabel) return undefined;
  let read: Promise<Acceptance | null> | undefined;
  return () => (read ??= readAcceptance(settings, context, env, target));
}

/** A labeled or unlabeled event as gate/acceptance.ts reads it; other events are left out. */
function labelEventOf(raw: Record<string, unknown>): LabelEvent[] {
  const event = raw['event'];
  if (event !== 'labeled' && event !== 'unlabeled') return [];
  const label = (raw['label'] as { name?: unknown } | null | undefined)?.name;
  const actor = (raw['actor'] as { login?: unknown } | null | undefined)?.login;
  const createdAt = raw['created_at'];
  if (typeof label !== 'string' || typeof createdAt !== 'string') return [];
  return [{ event, label, actor: typeof actor === 'string' ? actor : null, createdAt }];
}

async function octokit(token: string, env: NodeJS.ProcessEnv): Promise<AcceptanceApi> {
  const { getOctokit } = await import('@actions/github');
  return getOctokit(token, env.GITHUB_API_URL ? { baseUrl: env.GITHUB_API_URL } : {}) as unknown as AcceptanceApi;
}
