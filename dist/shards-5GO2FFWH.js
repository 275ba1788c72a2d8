import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  glob
} from "./chunk-4CXX3GKR.js";
import {
  parseResultsFile,
  showKey
} from "./chunk-JMCE2JBC.js";
import {
  RESULTS_FILE_SCHEMA_VERSION
} from "./chunk-ISPMOH3G.js";
import "./chunk-N3JZZGTO.js";
import {
  MAX_RESULTS_FILE_BYTES,
  PathProblem,
  confinePath,
  describeReadError,
  readBoundedText
} from "./chunk-7WMIMWEW.js";
import {
  InputError,
  messageOf
} from "./chunk-ZS2HFFQI.js";
import "./chunk-F67DHOCG.js";
import {
  inertText
} from "./chunk-TM45P2KR.js";
import "./chunk-URRKCZFK.js";

// src/app/shards.ts
import { relative } from "node:path";
var INPUT = "results-files";
var MAX_SHARDS = 256;
var fail = (message) => new InputError(INPUT, `Input '${INPUT}': ${message}`);
var short = (sha) => inertText(sha, 40).slice(0, 12);
var shown = (path) => inertText(path, 200);
function mergeShards(files, expect) {
  const shards = [...files].sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  const [first] = shards;
  if (!first) {
    throw fail(
      "matched no results.json; give the paths or globs of the shards\u2019 results.json files, e.g. shards/*/results.json"
    );
  }
  const headSha = expect.headSha ?? first.file.git?.sha;
  const owner = /* @__PURE__ */ new Map();
  const functions = [];
  for (const { path, file } of shards) {
    if (file.key !== expect.key) {
      throw fail(
        `${shown(path)} is a run of the key ${showKey(file.key)}, not ${showKey(expect.key)}; give every shard the same key input as this step, or leave out the other app\u2019s files`
      );
    }
    const sha = file.git?.sha;
    if (headSha !== void 0 && sha !== headSha) {
      throw fail(
        sha === void 0 ? `${shown(path)} does not say which commit it measured (no git.sha), so it cannot be checked against ${short(headSha)}; give the shards of this run` : `${shown(path)} measured commit ${short(sha)}, not ${short(headSha)}${expect.headSha ? " (this run\u2019s head)" : ` (as ${shown(first.path)} did)`}: a stale shard, e.g. an artifact of an earlier run; download only this run\u2019s artifacts`
      );
    }
    for (const entry of file.functions) {
      const other = owner.get(entry.key);
      if (other !== void 0) {
        throw fail(
          `the function ${showKey(entry.key)} is in both ${shown(other)} and ${shown(path)}; give each function to exactly one shard`
        );
      }
      owner.set(entry.key, path);
      functions.push(entry);
    }
  }
  const git = { ...first.file.git, ...headSha !== void 0 ? { sha: headSha } : {} };
  return {
    schemaVersion: RESULTS_FILE_SCHEMA_VERSION,
    tool: first.file.tool,
    key: expect.key,
    ...Object.keys(git).length > 0 ? { git } : {},
    functions,
    startedAt: earliest(shards.map((shard) => shard.file.startedAt)),
    finishedAt: latest(shards.map((shard) => shard.file.finishedAt))
  };
}
async function readShards(patterns, workspace) {
  const given = patterns.map((pattern) => pattern.trim()).filter((pattern) => pattern !== "");
  if (given.length === 0) {
    throw fail(
      "is required with mode aggregate; set it to the shards\u2019 results.json files, e.g. shards/*/results.json"
    );
  }
  const found = /* @__PURE__ */ new Set();
  for (const pattern of given) {
    const problem = patternProblem(pattern);
    if (problem) throw fail(`${JSON.stringify(inertText(pattern, 200))} ${problem}`);
    let matches;
    try {
      matches = await glob(pattern, {
        cwd: workspace,
        onlyFiles: true,
        expandDirectories: false,
        // Symlinks are not matched: one could lead out of the workspace (a link to / under a ** pattern would crawl
        // the whole disk). A downloaded artifact holds none; a matched file is confined again below anyway.
        followSymbolicLinks: false,
        dot: false
      });
    } catch (error) {
      throw fail(`${JSON.stringify(inertText(pattern, 200))} could not be expanded (${inertText(messageOf(error))})`);
    }
    if (matches.length === 0) {
      throw fail(
        `${JSON.stringify(inertText(pattern, 200))} matched no file in the workspace; download the shards\u2019 artifacts first (actions/download-artifact) or fix the pattern`
      );
    }
    for (const match of matches) found.add(match);
  }
  if (found.size > MAX_SHARDS) {
    throw fail(
      `matched ${found.size} files, more than the ${MAX_SHARDS} jobs a matrix can have; narrow the patterns to the shards\u2019 results.json`
    );
  }
  return [...found].sort().map((match) => readShard(match, workspace));
}
function readShard(match, workspace) {
  let absolute;
  try {
    absolute = confinePath(match, workspace, "read");
  } catch (error) {
    throw fail(error instanceof PathProblem ? error.message : messageOf(error));
  }
  const path = relative(workspace, absolute) || match;
  let text;
  try {
    text = readBoundedText(absolute, MAX_RESULTS_FILE_BYTES);
  } catch (error) {
    throw fail(
      `cannot read ${shown(path)} (${describeReadError(error, absolute)}); give the results.json files the shards uploaded`
    );
  }
  return { path, file: parseResultsFile(text, (problem) => fail(`${shown(path)} ${problem}`)) };
}
function patternProblem(pattern) {
  if (pattern.startsWith("/") || /^[A-Za-z]:[\\/]/.test(pattern))
    return "is an absolute path; give a path or glob relative to the workspace, e.g. shards/*/results.json";
  if (pattern.split(/[\\/]/).includes(".."))
    return "climbs out of the workspace with ..; give a path or glob inside the workspace, e.g. shards/*/results.json";
  if (pattern.startsWith("!")) return "is a negation; give the files to read, e.g. shards/*/results.json";
  return void 0;
}
function earliest(times) {
  return times.reduce((a, b) => Date.parse(b) < Date.parse(a) ? b : a);
}
function latest(times) {
  return times.reduce((a, b) => Date.parse(b) > Date.parse(a) ? b : a);
}
export {
  MAX_SHARDS,
  mergeShards,
  readShards
};
