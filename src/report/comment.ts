// The sticky PR comment: one per function key, found by a hidden marker and updated in place.

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
}

/** The subset of Octokit this module uses, so tests can hand it any client that speaks the REST API. */
export interface CommentsApi {
  paginate: <T>(route: unknown, parameters: Record<string, unknown>) => Promise<T[]>;
  rest: {
    issues: {
      listComments: unknown;
      createComment: (parameters: { owner: string; repo: string; issue_number: number; body: string }) => Promise<{ data: RawComment }>;
      updateComment: (parameters: { owner: string; repo: string; comment_id: number; body: string }) => Promise<{ data: RawComment }>;
    };
  };
}

export interface RawComment {
  id: number;
  body?: string | null;
  html_url: string;
}

export function commentMarker(key: string): string {
  // The key is user input: keep it from closing the HTML comment early.
  return `<!-- lambda-power-gate:${key.replace(/-->/g, '').replace(/[\r\n]/g, ' ')} -->`;
}

export function withMarker(body: string, key: string): string {
  return `${commentMarker(key)}\n${body}`;
}

export async function upsertComment(api: CommentsApi, target: CommentTarget, body: string): Promise<CommentOutcome> {
  const marked = withMarker(body, target.key);
  const marker = commentMarker(target.key);
  const comments = await api.paginate<RawComment>(api.rest.issues.listComments, {
    owner: target.owner,
    repo: target.repo,
    issue_number: target.issueNumber,
    per_page: 100,
  });
  const existing = comments.find((comment) => comment.body?.startsWith(marker));
  if (existing) {
    if (existing.body === marked) return { action: 'unchanged', url: existing.html_url, id: existing.id };
    const { data } = await api.rest.issues.updateComment({ owner: target.owner, repo: target.repo, comment_id: existing.id, body: marked });
    return { action: 'updated', url: data.html_url, id: data.id };
  }
  const { data } = await api.rest.issues.createComment({ owner: target.owner, repo: target.repo, issue_number: target.issueNumber, body: marked });
  return { action: 'created', url: data.html_url, id: data.id };
}
