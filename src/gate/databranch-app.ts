// An app's functions on the data branch (apps.md): each under `<app-key>/<function-key>/`, found and saved as one
// function's history is, and an app's run stored as one commit for all its functions (storeApp) — fewer writes for
// GitHub's secondary rate limit (databranch.ts's header).

import type { RunResult } from '../types.js';
import type {
  AppHistory,
  AppRunToStore,
  AppSaveOutcome,
  BaselineTarget,
  CommitInfo,
  LoadedBaseline,
  SaveOutcome,
} from './baseline.js';
import { appFolder, pathSegment, shortCommit } from './databranch-index.js';

export interface RunToWrite {
  /** `<key>` (one function-name) or `<app-key>/<function-key>`. */
  folder: string;
  result: RunResult;
  /** An unchanged function's carried figures. */
  carried: boolean;
}

export interface WrittenRun {
  folder: string;
  path: string;
  kept: number;
  dropped: string[];
}

/** What DataBranch does for one history folder, which an app's functions share. */
export interface FolderHistory {
  branch: string;
  find(folder: string, target: BaselineTarget): Promise<{ baseline: LoadedBaseline | null; note: string }>;
  save(folder: string, result: RunResult, commit: CommitInfo): Promise<SaveOutcome>;
  /** Runs (one folder each) in one commit. */
  write(
    runs: readonly RunToWrite[],
    commit: CommitInfo,
    message: string,
  ): Promise<{ commitSha: string; attempts: number; stored: WrittenRun[] }>;
}

export function appHistory(history: FolderHistory, appKey: string): AppHistory {
  pathSegment(appKey, 'app key');
  return {
    branch: history.branch,
    appKey,
    find: async (functionKey, target) => history.find(appFolder(appKey, functionKey), target),
    save: async (functionKey, result, commit) => history.save(appFolder(appKey, functionKey), result, commit),
    storeApp: async (runs, commit) => storeApp(history, appKey, runs, commit),
  };
}

async function storeApp(
  history: FolderHistory,
  appKey: string,
  runs: readonly AppRunToStore[],
  commit: CommitInfo,
): Promise<AppSaveOutcome> {
  const seen = new Set<string>();
  const toWrite: RunToWrite[] = [];
  const keys: string[] = [];
  const skipped: AppSaveOutcome['skipped'] = [];
  for (const run of runs) {
    if (seen.has(run.key)) throw new Error(`the function key ${JSON.stringify(run.key)} is given twice`);
    seen.add(run.key);
    const folder = appFolder(appKey, run.key);
    const why =
      run.status === 'failed'
        ? 'it failed'
        : !run.result
          ? 'it has no figures'
          : run.result.dryRun || !run.result.powerValues.some((entry) => entry.status === 'ok')
            ? 'it measured nothing to compare with'
            : undefined;
    if (why || !run.result) {
      skipped.push({ key: run.key, why: why ?? 'it has no figures' });
      continue;
    }
    toWrite.push({ folder, result: run.result, carried: run.status === 'unchanged' });
    keys.push(run.key);
  }
  if (toWrite.length === 0) return { commitSha: null, attempts: 0, stored: [], skipped };
  const written = await history.write(
    toWrite,
    commit,
    `lambda-power-gate: ${appKey} (${toWrite.length} function${toWrite.length === 1 ? '' : 's'}) at ${shortCommit(commit.sha)}`,
  );
  return {
    commitSha: written.commitSha,
    attempts: written.attempts,
    stored: written.stored.map((item, index) => ({
      key: keys[index] ?? item.folder,
      path: item.path,
      kept: item.kept,
      dropped: item.dropped,
      carried: toWrite[index]?.carried ?? false,
    })),
    skipped,
  };
}
