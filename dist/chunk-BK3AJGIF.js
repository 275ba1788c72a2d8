import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);

// src/gate/prune.ts
function prunePlan(paths, keep) {
  const files = [...paths].sort();
  const singles = /* @__PURE__ */ new Set();
  const apps = /* @__PURE__ */ new Map();
  for (const path of files) {
    const parts = path.split("/");
    if (parts.length === 2 && parts[1] === "index.json") singles.add(parts[0]);
    if (parts.length === 3 && parts[2] === "index.json") {
      const app = apps.get(parts[0]) ?? /* @__PURE__ */ new Set();
      app.add(parts[1]);
      apps.set(parts[0], app);
    }
  }
  const under = (folder) => files.filter((path) => path.startsWith(`${folder}/`));
  const runsIn = (folder) => under(folder).filter((path) => path.startsWith(`${folder}/runs/`) && path.endsWith(".json")).length;
  const remove = [];
  const kept = [];
  for (const key of [...singles].sort()) {
    if (keep.whole.has(key) || keep.appFunctions.has(key)) kept.push(key);
    else remove.push({ folder: key, runs: runsIn(key), files: under(key) });
  }
  for (const [appKey, functions] of [...apps].sort(([a], [b]) => a.localeCompare(b))) {
    if (singles.has(appKey)) continue;
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
function isUnderFunction(path, functions) {
  const [, fn] = path.split("/");
  return fn !== void 0 && functions.has(fn) && path.split("/").length > 2;
}
function keepSet(configured, extra) {
  const whole = new Set(configured.whole ?? []);
  const appFunctions = /* @__PURE__ */ new Map();
  for (const [app, functions] of configured.appFunctions ?? []) appFunctions.set(app, new Set(functions));
  for (const entry of extra) {
    const [first, second] = entry.split("/");
    if (second === void 0) whole.add(first);
    else appFunctions.set(first, /* @__PURE__ */ new Set([...appFunctions.get(first) ?? [], second]));
  }
  return { whole, appFunctions };
}
function describePrune(plan, dryRun) {
  if (plan.remove.length === 0) return ["Nothing to prune: every history folder on the branch is configured."];
  const verb = dryRun ? "Would remove" : "Removed";
  return plan.remove.map(
    (folder) => `${verb} ${folder.folder}/ (${folder.runs} stored run${folder.runs === 1 ? "" : "s"}, ${folder.files.length} file${folder.files.length === 1 ? "" : "s"})`
  );
}

export {
  prunePlan,
  keepSet,
  describePrune
};
