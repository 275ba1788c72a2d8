import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  describeKeys,
  entryFor,
  parseResultsFile,
  showKey
} from "./chunk-JMCE2JBC.js";
import {
  MAX_RESULTS_FILE_BYTES,
  describeReadError
} from "./chunk-7WMIMWEW.js";
import {
  InputError
} from "./chunk-ZS2HFFQI.js";
import {
  oneLine
} from "./chunk-F67DHOCG.js";

// src/gate/baseline.ts
async function loadBaseline(gate, ctx) {
  switch (gate.baselineSource) {
    case "none":
      return { source: "none" };
    case "file": {
      const path = gate.baselineFile ?? "";
      return {
        source: "file",
        baseline: { result: readBaselineFile(path, ctx.readFile, gate.key), description: `baseline file ${path}` }
      };
    }
    case "branch": {
      if (!ctx.history) {
        throw new InputError(
          "baseline-branch",
          "Input 'baseline-branch': needs the GitHub API, so a github-token and the repository (GITHUB_REPOSITORY); give github-token, or use baseline-file"
        );
      }
      try {
        const found = await ctx.history.find(gate.key, ctx.target ?? {});
        return { source: "branch", baseline: found.baseline, note: found.note };
      } catch (error) {
        if (error instanceof InputError) throw error;
        const message = error instanceof Error ? error.message : String(error);
        return {
          source: "branch",
          baseline: null,
          problem: `the data branch ${ctx.history.branch} could not be read (${oneLine(message)})`
        };
      }
    }
    case "function":
      return { source: "function", functionName: gate.baselineFunction ?? "" };
  }
}
function readBaselineFile(path, readFile, key) {
  let text;
  try {
    text = readFile(path, MAX_RESULTS_FILE_BYTES);
  } catch (error) {
    const why = describeReadError(error, path);
    throw new InputError(
      "baseline-file",
      `Input 'baseline-file': cannot read ${path} (${why}); give the path of a results.json written by lambda-power-gate`
    );
  }
  const fail = (problem) => new InputError("baseline-file", `Input 'baseline-file': ${path} ${problem}`);
  const file = parseResultsFile(text, fail);
  const entry = entryFor(file, key ?? "");
  if (!entry) {
    throw fail(
      `holds ${file.functions.length} functions but none with the key ${showKey(key ?? "")} (it holds ${describeKeys(file)}); give the key of the function to compare with (input key), or a results.json of that function`
    );
  }
  if (!entry.result) {
    throw fail(
      `has no figures for ${showKey(entry.key)} (status ${entry.status}); give a results.json of a run that measured it`
    );
  }
  return entry.result;
}

export {
  loadBaseline,
  readBaselineFile
};
