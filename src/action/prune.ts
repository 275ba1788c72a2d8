// mode: prune — the data branch keeps only the history of what this step configures (gate/prune.ts says what that
// means) and the keys prune-keep lists. A dry run by default: it lists the folders that would go. No AWS call.

import { messageOf } from '../lib/errors.js';
import type { AppPlan } from '../types.js';
import type { RunContext } from './context.js';
import { dataBranch, writeSummary } from './github-io.js';
import { actionLog } from './log.js';
import * as runner from './runner.js';

export async function prune(plan: AppPlan, context: RunContext, env: NodeJS.ProcessEnv): Promise<void> {
  const settings = plan.shared;
  const branch = await dataBranch(settings, context, env);
  if (!branch) {
    actionLog.setFailed(
      'mode prune needs the GitHub API: a github-token (contents: write) and the repository (GITHUB_REPOSITORY)',
    );
    return;
  }
  const { keepSet, describePrune } = await import('../gate/prune.js');
  const keep = keepSet(configuredKeys(plan), settings.report.pruneKeep ?? []);
  const dryRun = settings.report.pruneDryRun !== false;
  try {
    const outcome = await branch.prune(keep, dryRun);
    const lines = describePrune(outcome.plan, dryRun);
    for (const line of lines) actionLog.info(line);
    const kept = `Kept: ${outcome.plan.kept.join(', ') || 'nothing'}.`;
    actionLog.info(kept);
    if (outcome.commitSha) actionLog.info(`Pruned ${branch.branch} in commit ${outcome.commitSha.slice(0, 7)}.`);
    else if (dryRun && outcome.plan.remove.length > 0)
      actionLog.info('Dry run: nothing was removed. Set prune-dry-run: false and list the keys to keep in prune-keep.');
    runner.setOutput('pruned', outcome.plan.remove.map((folder) => folder.folder).join('\n'));
    if (settings.report.summary)
      await writeSummary(
        [
          `### Data branch \`${branch.branch}\`: ${dryRun ? 'prune (dry run)' : 'pruned'}`,
          '',
          ...lines.map((line) => `- ${line}`),
          '',
          kept,
          '',
        ].join('\n'),
      );
  } catch (error) {
    actionLog.setFailed(`Could not prune ${branch.branch}: ${messageOf(error)}`);
  }
}

/**
 * What this step configures: one function's key; an app's key with its functions' keys; a stack's app key whole
 * (its functions are known only by asking CloudFormation, which prune does not do).
 */
export function configuredKeys(plan: AppPlan): { whole: string[]; appFunctions: Map<string, string[]> } {
  if (plan.kind === 'function') return { whole: [plan.key], appFunctions: new Map() };
  if (plan.stack) return { whole: [plan.key], appFunctions: new Map() };
  return { whole: [], appFunctions: new Map([[plan.key, plan.functions.map((fn) => fn.key)]]) };
}
