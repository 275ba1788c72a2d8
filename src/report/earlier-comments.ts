// The earlier reports of a key, once the new one is posted: minimised as OUTDATED through GraphQL's minimizeComment
// (comment-mode hide-and-new) or deleted (delete-and-new). Each pushes what it did as it goes, so a failure part-way
// still tells the caller what was done (comment.ts reports it; the new comment stands).

import type { CommentsApi, RawComment } from './comment.js';

/** comment.ts's retry of a GitHub request (5xx and 429). */
export type Retry = <T>(fn: () => Promise<T>) => Promise<T>;

interface MinimizedNodes {
  nodes: ({ id: string; isMinimized?: boolean } | null)[];
}

const IS_MINIMIZED_QUERY = `query($ids: [ID!]!) { nodes(ids: $ids) { ... on IssueComment { id isMinimized } } }`;
const MINIMIZE_MUTATION = `mutation($id: ID!) { minimizeComment(input: { subjectId: $id, classifier: OUTDATED }) { minimizedComment { isMinimized } } }`;

/**
 * GitHub refuses more than 100 ids in one nodes(ids:) query (ARGUMENT_LIMIT: "You may not provide more than 100
 * node ids; you provided 101."), a limit its GraphQL schema does not state (sourcecred/sourcecred#908).
 */
export const MAX_NODE_IDS_PER_QUERY = 100;

/**
 * Minimises (as OUTDATED) the earlier comments not minimised yet, so a long PR does not redo them every run;
 * pushes each one hidden onto `hidden` as it goes, so a failure part-way still tells what was done.
 *
 * Every earlier comment is checked, in batches of 100, newest first, rather than only the last few: a run whose
 * hiding failed (a 502, a cancelled job) leaves older reports visible, and checking them all is what repairs that
 * on the next run. The cost is one GraphQL query per 100 earlier reports — never more requests than the REST
 * listing of the same comments (100 a page) the run has just made.
 */
export async function hideComments(
  api: CommentsApi,
  comments: RawComment[],
  retry: Retry,
  hidden: number[],
): Promise<void> {
  const withNode = comments
    .filter((comment): comment is RawComment & { node_id: string } => typeof comment.node_id === 'string')
    .reverse();
  for (let start = 0; start < withNode.length; start += MAX_NODE_IDS_PER_QUERY) {
    const batch = withNode.slice(start, start + MAX_NODE_IDS_PER_QUERY);
    const { nodes } = await retry(() =>
      api.graphql<MinimizedNodes>(IS_MINIMIZED_QUERY, { ids: batch.map((comment) => comment.node_id) }),
    );
    const minimized = new Set(nodes.filter((node) => node?.isMinimized).map((node) => node?.id));
    for (const comment of batch) {
      if (minimized.has(comment.node_id)) continue;
      await retry(() => api.graphql(MINIMIZE_MUTATION, { id: comment.node_id }));
      hidden.push(comment.id);
    }
  }
}

/** Deletes the earlier comments one by one, pushing each one deleted onto `deleted`. */
export async function deleteComments(
  api: CommentsApi,
  repo: { owner: string; repo: string },
  comments: RawComment[],
  retry: Retry,
  deleted: number[],
): Promise<void> {
  for (const comment of comments) {
    await retry(() => api.rest.issues.deleteComment({ ...repo, comment_id: comment.id }));
    deleted.push(comment.id);
  }
}
