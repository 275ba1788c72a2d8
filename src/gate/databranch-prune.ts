// mode prune on the data branch: the history folders the keep set does not name (prune.ts decides which, without
// I/O), deleted in one commit unless it is a dry run.

import type { GitBranch, TreeEntry } from './databranch-git.js';
import { prunePlan, type KeepSet, type PrunePlan } from './prune.js';

/**
 * Redone from a fresh tip when another run moved the branch in between, as writes are, with the plan recomputed
 * (a run stored meanwhile under a removed key is removed too: it is not configured either).
 */
export function pruneBranch(
  git: GitBranch,
  keep: KeepSet,
  dryRun: boolean,
): Promise<{ plan: PrunePlan; commitSha: string | null; attempts: number }> {
  return git.redoOnConflict('pruning', async (attempt) => {
    const tip = await git.readTip();
    if (!tip) return { plan: { remove: [], kept: [] }, commitSha: null, attempts: attempt };
    const plan = prunePlan([...tip.files.keys()], keep);
    if (dryRun || plan.remove.length === 0) return { plan, commitSha: null, attempts: attempt };
    const commitSha = await git.commit(
      tip,
      plan.remove.flatMap((folder) =>
        folder.files.map((path): TreeEntry => ({ path, mode: '100644', type: 'blob', sha: null })),
      ),
      `lambda-power-gate: prune ${plan.remove.map((folder) => folder.folder).join(', ')}`.slice(0, 1000),
    );
    return { plan, commitSha, attempts: attempt };
  });
}
