import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);

// src/gate/databranch-index.ts
var INDEX_SCHEMA_VERSION = 1;
var HISTORY_RUNS = 10;
var indexPath = (key) => `${key}/index.json`;
var runPath = (key, sha) => `${key}/runs/${sha}.json`;
function appFolder(appKey, functionKey) {
  return `${pathSegment(appKey, "app key")}/${pathSegment(functionKey, "function key")}`;
}
function pathSegment(name, what) {
  if (!/^[A-Za-z0-9._-]{1,128}$/.test(name) || name === "." || name === "..")
    throw new Error(
      `the ${what} ${JSON.stringify(name.slice(0, 60))} cannot name a folder on the data branch (letters, digits, '.', '-', '_')`
    );
  return name;
}
function historyEntry(commit, result, path, storedAt, carried = false) {
  return {
    sha: commit.sha,
    ...commit.ref ? { ref: commit.ref } : {},
    ...commit.committedAt ? { committedAt: commit.committedAt } : {},
    storedAt: storedAt.toISOString(),
    path,
    toolVersion: result.tool.version,
    recommendedMemoryMb: result.recommendation?.memoryMb ?? null,
    ...carried ? { carriedFrom: result.git?.sha ?? "unknown" } : {}
  };
}
function addEntry(previous, key, entry, limit) {
  const others = (previous?.entries ?? []).filter((existing) => existing.sha !== entry.sha);
  const entries = [entry, ...others];
  const kept = entries.slice(0, Math.max(1, limit));
  const keptPaths = new Set(kept.map((item) => item.path));
  const dropped = entries.slice(kept.length).map((item) => item.path).filter((path) => !keptPaths.has(path));
  return { index: { schemaVersion: INDEX_SCHEMA_VERSION, key, entries: kept }, dropped };
}
function parseIndex(text, key) {
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`${key}/index.json on the data branch is not valid JSON`);
  }
  const index = parsed;
  if (!index || index.schemaVersion !== INDEX_SCHEMA_VERSION || !Array.isArray(index.entries)) {
    throw new Error(
      `${key}/index.json on the data branch is not a lambda-power-gate index (schemaVersion ${INDEX_SCHEMA_VERSION})`
    );
  }
  const entries = index.entries.filter(
    (entry) => typeof entry?.sha === "string" && typeof entry.path === "string"
  );
  return { schemaVersion: INDEX_SCHEMA_VERSION, key, entries };
}
function neighbourEntries(entries, chosen) {
  const at = entries.indexOf(chosen);
  return entries.map((entry, index) => ({ entry, distance: Math.abs(index - at) + (index > at ? 0 : 0.5) })).filter(({ entry }) => entry !== chosen && entry.carriedFrom === void 0 && entry.sha !== chosen.carriedFrom).sort((a, b) => a.distance - b.distance).slice(0, HISTORY_RUNS - 1).map(({ entry }) => entry);
}
function trendEntries(entries, chosen, runs) {
  const at = entries.indexOf(chosen);
  if (at < 0 || runs <= 0) return [];
  return entries.slice(at, at + runs).reverse();
}
function newestCommittedBy(entries, baseTimeMs) {
  return entries.filter((entry) => entry.committedAt !== void 0 && Date.parse(entry.committedAt) <= baseTimeMs).sort((a, b) => Date.parse(b.committedAt ?? "") - Date.parse(a.committedAt ?? ""))[0];
}
function shortCommit(sha) {
  return sha ? sha.slice(0, 7) : "an unknown commit";
}
var BRANCH_README = `# lambda-power-gate data

This branch is written by lambda-power-gate on pushes to the default branch: one
directory per function key, with \`index.json\` (newest first) and \`runs/<commit>.json\` (the results.json of the
run that measured that commit). An app's functions are one directory each under the app's key:
\`<app-key>/<function-key>/\`. Pull requests compare with the entry for their base commit, else the nearest
earlier one. Do not merge this branch; deleting it starts the history afresh.
`;

export {
  indexPath,
  runPath,
  appFolder,
  pathSegment,
  historyEntry,
  addEntry,
  parseIndex,
  neighbourEntries,
  trendEntries,
  newestCommittedBy,
  shortCommit,
  BRANCH_README
};
