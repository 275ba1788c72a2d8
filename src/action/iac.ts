// IaC suggestions on GitHub (issue 18 item 3): after a pull request's run, for each function whose recommendation
// changes its monthly cost by at least suggest-min-saving, find where its memory is set in the checked-out
// repository (src/iac) and, when that line is in the pull request's diff, post a review comment with a
// ```suggestion block that changes it; otherwise the PR comment names the file and line. Once per head commit: a
// rerun finds its earlier review comment by the hidden marker (a bot's comment only, so nobody can plant one) and
// links it instead of posting again.
// REST calls (each checked by the GitHub stand-in against GitHub's OpenAPI description):
// - GET /repos/{owner}/{repo}/pulls/{pull_number}/files (every page; at most 3000 files, GitHub's documented cap)
//   for each file's patch, which says what lines are in the diff (iac/diff.ts);
// - GET /repos/{owner}/{repo}/pulls/{pull_number}/comments (every page) for our earlier suggestions;
// - POST /repos/{owner}/{repo}/pulls/{pull_number}/comments with body, commit_id (the head), path, line and
//   side RIGHT. The token needs `pull-requests: write`, which the PR comment needs already.
// A failure to read or post warns and leaves the hint in the comment: a suggestion is a help, never the gate.

import { messageOf } from '../lib/errors.js';
import { inertText } from '../lib/untrusted.js';
import { rightSideLines } from '../iac/diff.js';
import { propose, type Proposal } from '../iac/propose.js';
import {
  iacSection,
  parseSuggestionMarker,
  reviewCommentBody,
  type Delivery,
  type Line,
  type Why,
} from '../iac/render.js';
import { scanWorkspace, type Scan } from '../iac/scan.js';
import type { FunctionOutcome, Settings } from '../types.js';
import type { RunContext } from './context.js';
import { actionLog } from './log.js';

/** The subset of Octokit this module calls. */
export interface IacApi {
  paginate: <T>(route: unknown, parameters: Record<string, unknown>) => Promise<T[]>;
  rest: {
    pulls: {
      listFiles: unknown;
      listReviewComments: unknown;
      createReviewComment: (parameters: {
        owner: string;
        repo: string;
        pull_number: number;
        body: string;
        commit_id: string;
        path: string;
        line: number;
        side: 'RIGHT';
      }) => Promise<{ data: { html_url: string } }>;
    };
  };
}

export interface IacLog {
  info: (message: string) => void;
  warning: (message: string) => void;
}

export interface IacOptions {
  settings: Settings;
  context: RunContext;
  env: NodeJS.ProcessEnv;
  workspace: string;
  /** stack-name: the functions' keys are their CloudFormation logical ids. */
  keysAreLogicalIds: boolean;
  api?: IacApi;
  log?: IacLog;
  /** Tests give the scan; default: the workspace read by src/iac/scan.ts. */
  scan?: (workspace: string) => Promise<Scan>;
}

/** The functions worth a suggestion: measured, with a recommendation, changing the monthly cost enough. */
export async function worthSuggesting(outcomes: readonly FunctionOutcome[], minSavingPct: number): Promise<Why[]> {
  const { savingPct } = await import('../report/model.js');
  return outcomes.flatMap((outcome): Why[] => {
    const result = outcome.result;
    const rec = result?.recommendation;
    if (outcome.status !== 'measured' || !result || result.dryRun || !rec) return [];
    if (rec.memoryMb === result.current.memoryMb) return [];
    const saving = savingPct(result);
    if (saving === null || Math.abs(saving) < minSavingPct) return [];
    return [
      {
        key: outcome.key,
        functionName: result.function.name,
        currentMb: result.current.memoryMb,
        recommendedMb: rec.memoryMb,
        strategy: rec.strategy,
        savingPct: saving,
      },
    ];
  });
}

/**
 * The PR comment's section on the infrastructure code (empty when there is nothing to say), after posting the
 * suggestions that can be posted. Never throws.
 */
export async function suggestInCode(outcomes: readonly FunctionOutcome[], options: IacOptions): Promise<string> {
  const log = options.log ?? actionLog;
  const min = options.settings.report.suggestMinSavingPct;
  if (min === undefined) return '';
  try {
    const whys = await worthSuggesting(outcomes, min);
    if (whys.length === 0) return '';
    const scan = await (options.scan ?? scanWorkspace)(options.workspace);
    log.info(
      `IaC: ${scan.declarations.length} function declaration${scan.declarations.length === 1 ? '' : 's'} in ${scan.filesRead} files read${scan.truncated ? ' (the first 5000 files only)' : ''}.`,
    );
    const lines: Line[] = whys.map((why) => ({
      why,
      proposal: propose(scan.declarations, tunedFunction(why, options.keysAreLogicalIds), why.recommendedMb),
    }));
    const changes = lines.filter((line) => line.proposal.kind === 'change');
    if (changes.length > 0) await deliver(changes, options, log);
    return iacSection(lines);
  } catch (error) {
    log.warning(`IaC suggestions skipped: ${inertText(messageOf(error), 300)}`);
    return '';
  }
}

function tunedFunction(why: Why, keysAreLogicalIds: boolean) {
  return { functionName: why.functionName, ...(keysAreLogicalIds ? { logicalId: why.key } : {}) };
}

/** Review comments where the line is in the diff; the reason in the line where it is not. */
async function deliver(changes: Line[], options: IacOptions, log: IacLog): Promise<void> {
  const { context } = options;
  const hint = (why: string): Delivery => ({ kind: 'hint', why });
  const pull = context.pullRequest;
  const token = options.settings.report.githubToken;
  const blocked =
    pull === undefined || !context.headSha || !context.repository
      ? 'not a pull request run, so no suggestion was posted'
      : context.fork
        ? "a fork's token cannot post review comments"
        : !token && !options.api
          ? 'no github-token to post a suggestion'
          : options.settings.report.commentMode === 'off'
            ? 'comment-mode is off, so no suggestion was posted'
            : undefined;
  if (blocked !== undefined || pull === undefined || !context.headSha || !context.repository) {
    for (const line of changes) line.delivery = hint(blocked ?? 'no suggestion posted');
    return;
  }
  const headSha = context.headSha;
  const { owner, repo } = context.repository;
  const api = options.api ?? (await octokit(token ?? '', options.env));
  let files: { filename: string; patch?: string; status?: string }[];
  let earlier: {
    body?: string;
    html_url: string;
    path: string;
    line?: number | null;
    user?: { login?: string; type?: string } | null;
  }[];
  try {
    files = await api.paginate(api.rest.pulls.listFiles, { owner, repo, pull_number: pull, per_page: 100 });
    earlier = await api.paginate(api.rest.pulls.listReviewComments, { owner, repo, pull_number: pull, per_page: 100 });
  } catch (error) {
    const why = `the pull request's files could not be read (${inertText(messageOf(error), 200)})`;
    log.warning(`IaC suggestions: ${why}; the comment names the lines instead.`);
    for (const line of changes) line.delivery = hint(why);
    return;
  }
  const patches = new Map(files.map((file) => [file.filename, file.patch]));
  for (const line of changes) {
    const proposal = line.proposal as Extract<Proposal, { kind: 'change' }>;
    const path = proposal.declaration.file;
    const lineNo = proposal.value.line;
    if (!patches.has(path)) {
      line.delivery = hint('this pull request does not change that file, so no suggestion was posted');
      continue;
    }
    const inDiff = rightSideLines(patches.get(path));
    const diffText = inDiff.get(lineNo);
    if (diffText === undefined) {
      line.delivery = hint("that line is not in this pull request's diff, so no suggestion was posted");
      continue;
    }
    // The checkout may be the merge commit: the head's line must be the one read, or the suggestion would replace
    // another line.
    if (diffText !== proposal.value.lineText) {
      line.delivery = hint("the checked-out line differs from the pull request head's, so no suggestion was posted");
      continue;
    }
    const mine = earlier.find((comment) => {
      const marker = parseSuggestionMarker(comment.body);
      const bot = comment.user?.type === 'Bot' || (comment.user?.login ?? '').endsWith('[bot]');
      return bot && marker?.key === line.why.key && marker.sha === headSha.toLowerCase() && comment.path === path;
    });
    if (mine) {
      line.delivery = { kind: 'posted', url: mine.html_url, reused: true };
      log.info(
        `IaC: the suggestion for ${inertText(line.why.key, 64)} on ${headSha.slice(0, 7)} is posted already: ${mine.html_url}`,
      );
      continue;
    }
    try {
      const { data } = await api.rest.pulls.createReviewComment({
        owner,
        repo,
        pull_number: pull,
        body: reviewCommentBody(line.why, proposal, headSha),
        commit_id: headSha,
        path,
        line: lineNo,
        side: 'RIGHT',
      });
      line.delivery = { kind: 'posted', url: data.html_url, reused: false };
      log.info(
        `IaC: suggested ${line.why.recommendedMb} MB for ${inertText(line.why.key, 64)} at ${inertText(path, 200)}:${lineNo}: ${data.html_url}`,
      );
    } catch (error) {
      const status = (error as { status?: number }).status;
      const why = `the review comment could not be posted (${inertText(messageOf(error), 200)})${status === 403 ? ' — the workflow needs `permissions: pull-requests: write`' : ''}`;
      log.warning(`IaC suggestions: ${why}; the comment names the line instead.`);
      line.delivery = hint(why);
    }
  }
}

async function octokit(token: string, env: NodeJS.ProcessEnv): Promise<IacApi> {
  const { getOctokit } = await import('@actions/github');
  return getOctokit(token, env.GITHUB_API_URL ? { baseUrl: env.GITHUB_API_URL } : {}) as unknown as IacApi;
}

/**
 * Where the section goes: after the run's own figures and charts, before the history (the trend), an app's
 * per-function reports, the links and the folded details, so cutting the comment to GitHub's limit, which takes the
 * end first, never takes the suggestions. The first of these that the report has; else before its first fold (a
 * report without links); else at the end. (The first fold alone is not the place: the trend's figures and a long
 * table's other memory sizes are folds of their own, and the section landed inside the trend.)
 */
const IAC_SECTION_BEFORE = [
  '\n#### 📈 Trend',
  '\n#### Each function',
  '\n[📈 Chart',
  '\n<details><summary>Full statistics',
];

export function withIacSection(markdown: string, section: string): string {
  if (section === '') return markdown;
  const anchors = IAC_SECTION_BEFORE.map((anchor) => markdown.indexOf(anchor)).filter((index) => index >= 0);
  const at = anchors.length > 0 ? Math.min(...anchors) : markdown.indexOf('\n<details>');
  if (at < 0) return `${markdown.replace(/\n+$/, '')}\n\n${section}\n`;
  return `${markdown.slice(0, at)}\n${section}\n${markdown.slice(at)}`;
}
