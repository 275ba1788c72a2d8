// mode: prune — which folders of the data branch belong to no configured function any more. Pure;
// databranch-prune.ts reads the branch's files and deletes what this plans, in one commit.
//
// What "configured" means:
// - one function (function-name): its key (`key`, default the function name): `<key>/`;
// - an app (functions, config-file): the app's key and, inside it, each function's key: `<app-key>/<function-key>/`;
// - an app from a stack (stack-name): its functions are known only by asking CloudFormation, so the whole
//   `<app-key>/` folder is kept (prune does not call AWS);
// - plus every entry of prune-keep: a key (`orders-api`, or an app's key, kept whole) or an app's function
//   (`shop/orders`).
// A folder is history when it holds an index.json (databranch-index.ts layout); anything else on the branch
// (README.md, a dashboard, files someone added) is never touched.

export interface KeepSet {
  /** Top-level folders kept whole: one function's key, or an app's key whose functions are not listed. */
  whole: ReadonlySet<string>;
  /** An app's key → the function keys kept inside it (its other function folders go). */
  appFunctions: ReadonlyMap<string, ReadonlySet<string>>;
}

export interface PruneFolder {
  /** `<key>` or `<app-key>/<function-key>`, or `<app-key>` when the whole app goes. */
  folder: string;
  /** Stored runs in it (its index's entries on the branch). */
  runs: number;
  /** Every file under it, deleted. */
  files: string[];
}

export interface PrunePlan {
  remove: PruneFolder[];
  /** History folders kept, for the log. */
  kept: string[];
}

/** The plan for the branch's files (paths, as git/trees lists them recursively). */
export function prunePlan(paths: readonly string[], keep: KeepSet): PrunePlan {
  const files = [...paths].sort();
  const singles = new Set<string>();
  const apps = new Map<string, Set<string>>();
  for (const path of files) {
    const parts = path.split('/');
    if (parts.length === 2 && parts[1] === 'index.json') singles.add(parts[0] as string);
    if (parts.length === 3 && parts[2] === 'index.json') {
      const app = apps.get(parts[0] as string) ?? new Set<string>();
      app.add(parts[1] as string);
      apps.set(parts[0] as string, app);
    }
  }
  const under = (folder: string): string[] => files.filter((path) => path.startsWith(`${folder}/`));
  const runsIn = (folder: string): number =>
    under(folder).filter((path) => path.startsWith(`${folder}/runs/`) && path.endsWith('.json')).length;
  const remove: PruneFolder[] = [];
  const kept: string[] = [];
  for (const key of [...singles].sort()) {
    if (keep.whole.has(key) || keep.appFunctions.has(key)) kept.push(key);
    else remove.push({ folder: key, runs: runsIn(key), files: under(key) });
  }
  for (const [appKey, functions] of [...apps].sort(([a], [b]) => a.localeCompare(b))) {
    if (singles.has(appKey)) continue; // a key folder of one function, already decided above
    const listed = keep.appFunctions.get(appKey);
    if (keep.whole.has(appKey)) {
      kept.push(...[...functions].sort().map((fn) => `${appKey}/${fn}`));
      continue;
    }
    if (!listed) {
      const runs = [...functions].reduce((sum, fn) => sum + runsIn(`${appKey}/${fn}`), 0);
      remove.push({ folder: appKey, runs, files: under(appKey).filter((path) => isUnderFunction(path, functions)) });
      continue;
    }
    for (const fn of [...functions].sort()) {
      const folder = `${appKey}/${fn}`;
      if (listed.has(fn)) kept.push(folder);
      else remove.push({ folder, runs: runsIn(folder), files: under(folder) });
    }
  }
  return { remove, kept };
}

/** An app's file that belongs to one of its function folders (a file of the app folder's own is left alone). */
function isUnderFunction(path: string, functions: ReadonlySet<string>): boolean {
  const [, fn] = path.split('/');
  return fn !== undefined && functions.has(fn) && path.split('/').length > 2;
}

/** The keep set from the configured keys and prune-keep's entries (`key` or `app-key/function-key`). */
export function keepSet(
  configured: { whole?: readonly string[]; appFunctions?: ReadonlyMap<string, readonly string[]> },
  extra: readonly string[],
): KeepSet {
  const whole = new Set(configured.whole ?? []);
  const appFunctions = new Map<string, Set<string>>();
  for (const [app, functions] of configured.appFunctions ?? []) appFunctions.set(app, new Set(functions));
  for (const entry of extra) {
    const [first, second] = entry.split('/');
    if (second === undefined) whole.add(first as string);
    else appFunctions.set(first as string, new Set([...(appFunctions.get(first as string) ?? []), second]));
  }
  return { whole, appFunctions };
}

/** One line per folder, for the log and the job summary. */
export function describePrune(plan: PrunePlan, dryRun: boolean): string[] {
  if (plan.remove.length === 0) return ['Nothing to prune: every history folder on the branch is configured.'];
  const verb = dryRun ? 'Would remove' : 'Removed';
  return plan.remove.map(
    (folder) =>
      `${verb} ${folder.folder}/ (${folder.runs} stored run${folder.runs === 1 ? '' : 's'}, ${folder.files.length} file${folder.files.length === 1 ? '' : 's'})`,
  );
}
