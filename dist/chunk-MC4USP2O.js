import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  TuningCancelledError,
  TuningFailedError,
  autoOptimize,
  tune
} from "./chunk-UAZQ32MO.js";
import {
  ALL_POWER_VALUES_MB,
  BLOCK_INVOCATIONS,
  MAX_MEMORY_MB,
  MIN_MEMORY_MB,
  environmentSchedule,
  invocationsForFail,
  minFailEnvironments,
  minimumInvocationsForWeights
} from "./chunk-ZKA7SFJ2.js";
import {
  ARTEFACT_NAMES,
  BASELINE_COPY_NAME,
  FileReadProblem,
  MAX_PAYLOAD_FILE_BYTES,
  PathProblem,
  _enum,
  confinePath,
  int,
  looseObject,
  number,
  readBoundedText,
  unknown
} from "./chunk-7WMIMWEW.js";
import {
  InputError,
  messageOf
} from "./chunk-WECR3URA.js";
import {
  oneLine
} from "./chunk-YTU5BVUS.js";

// node_modules/leven/index.js
var array = [];
var characterCodeCache = [];
function leven(first, second, options) {
  if (first === second) {
    return 0;
  }
  const maxDistance = options?.maxDistance;
  const swap = first;
  if (first.length > second.length) {
    first = second;
    second = swap;
  }
  let firstLength = first.length;
  let secondLength = second.length;
  while (firstLength > 0 && first.charCodeAt(~-firstLength) === second.charCodeAt(~-secondLength)) {
    firstLength--;
    secondLength--;
  }
  let start = 0;
  while (start < firstLength && first.charCodeAt(start) === second.charCodeAt(start)) {
    start++;
  }
  firstLength -= start;
  secondLength -= start;
  if (maxDistance !== void 0 && secondLength - firstLength > maxDistance) {
    return maxDistance;
  }
  if (firstLength === 0) {
    return maxDistance !== void 0 && secondLength > maxDistance ? maxDistance : secondLength;
  }
  let bCharacterCode;
  let result;
  let temporary;
  let temporary2;
  let index = 0;
  let index2 = 0;
  while (index < firstLength) {
    characterCodeCache[index] = first.charCodeAt(start + index);
    array[index] = ++index;
  }
  while (index2 < secondLength) {
    bCharacterCode = second.charCodeAt(start + index2);
    temporary = index2++;
    result = index2;
    for (index = 0; index < firstLength; index++) {
      temporary2 = bCharacterCode === characterCodeCache[index] ? temporary : temporary + 1;
      temporary = array[index];
      result = array[index] = temporary > result ? temporary2 > result ? result + 1 : temporary2 : temporary2 > temporary ? temporary + 1 : temporary2;
    }
    if (maxDistance !== void 0) {
      let rowMinimum = result;
      for (index = 0; index < firstLength; index++) {
        if (array[index] < rowMinimum) {
          rowMinimum = array[index];
        }
      }
      if (rowMinimum > maxDistance) {
        return maxDistance;
      }
    }
  }
  array.length = firstLength;
  characterCodeCache.length = firstLength;
  return maxDistance !== void 0 && result > maxDistance ? maxDistance : result;
}
function closestMatch(target, candidates, options) {
  if (!Array.isArray(candidates) || candidates.length === 0) {
    return void 0;
  }
  const userMax = options?.maxDistance;
  const targetLength = target.length;
  for (const candidate of candidates) {
    if (candidate === target) {
      return candidate;
    }
  }
  if (userMax === 0) {
    return void 0;
  }
  let best;
  let bestDist = Number.POSITIVE_INFINITY;
  const seen = /* @__PURE__ */ new Set();
  for (const candidate of candidates) {
    if (seen.has(candidate)) {
      continue;
    }
    seen.add(candidate);
    const lengthDiff = Math.abs(candidate.length - targetLength);
    if (lengthDiff >= bestDist) {
      continue;
    }
    if (userMax !== void 0 && lengthDiff > userMax) {
      continue;
    }
    const cap = Number.isFinite(bestDist) ? userMax === void 0 ? bestDist : Math.min(bestDist, userMax) : userMax;
    const distance = cap === void 0 ? leven(target, candidate) : leven(target, candidate, { maxDistance: cap });
    if (userMax !== void 0 && distance > userMax) {
      continue;
    }
    let actualD = distance;
    if (cap !== void 0 && distance === cap && cap === userMax) {
      actualD = leven(target, candidate);
    }
    if (actualD < bestDist) {
      bestDist = actualD;
      best = candidate;
      if (bestDist === 0) {
        break;
      }
    }
  }
  if (userMax !== void 0 && bestDist > userMax) {
    return void 0;
  }
  return best;
}

// src/settings/inputs.ts
var INPUT_GROUPS = [
  { group: "tuning", title: "Tuning" },
  { group: "gate", title: "Gate" },
  { group: "report", title: "Report" }
];
var INPUTS = [
  // --- tuning -------------------------------------------------------------------------------------------
  {
    name: "function-name",
    group: "tuning",
    required: true,
    valueName: "name|arn",
    description: "The function to tune: a name, a full or partial ARN, optionally with :alias or :version. Tuning always measures new versions of $LATEST."
  },
  {
    name: "region",
    group: "tuning",
    valueName: "region",
    defaultText: "the ARN's region, else AWS_REGION / AWS_DEFAULT_REGION; us-east-1 with endpoint",
    description: "AWS region of the function."
  },
  {
    name: "endpoint",
    group: "tuning",
    valueName: "url",
    description: "A Lambda-compatible endpoint URL, e.g. the local emulator (http://127.0.0.1:9001). Empty means AWS."
  },
  {
    name: "power-values",
    group: "tuning",
    default: "128,256,512,1024,1536,3008",
    valueName: "mb-list",
    description: "Memory sizes to test in MB (128 to 10240), separated by commas, spaces or newlines; at most 46 different ones. ALL means 128 to 3008 in steps of 64 (46 values)."
  },
  {
    name: "invocations",
    group: "tuning",
    default: "10",
    valueName: "n",
    description: "Invocations per memory size (at least 1; fewer than 5 gives noisy statistics). With sampling adaptive: the most any memory size gets."
  },
  {
    name: "sampling",
    group: "tuning",
    default: "fixed",
    valueName: "mode",
    description: "fixed: every memory size gets invocations. adaptive: a first round of a fifth of invocations (at least 5), then more only for memory sizes that could still change the recommendation, up to invocations each (e.g. invocations 50). Not with only-cold-starts."
  },
  {
    name: "sampling-confidence",
    group: "tuning",
    default: "0.95",
    valueName: "level",
    description: "With sampling adaptive: a comparison is settled when the confidence intervals at this level (above 0.5, at most 0.999) no longer overlap."
  },
  {
    name: "payload",
    group: "tuning",
    default: "{}",
    valueName: "json",
    description: 'The event sent to the function: JSON, or a plain string (sent as a JSON string). A JSON array of {"payload": ..., "weight": n} objects spreads the invocations over several payloads by weight.'
  },
  {
    name: "payload-file",
    group: "tuning",
    valueName: "path",
    description: "A file holding the payload (same rules as payload), inside the workspace (symlinks included), a regular file of at most 6 MB. Use instead of payload."
  },
  {
    name: "parallel-invocation",
    group: "tuning",
    default: "false",
    boolean: true,
    description: "Start each memory size's invocations all at once (up to concurrency) instead of one after another."
  },
  {
    name: "concurrency",
    group: "tuning",
    default: "10",
    valueName: "n",
    description: "Most invocations in flight at once, across all memory sizes (1 to 1000)."
  },
  {
    name: "sleep-between-runs-ms",
    group: "tuning",
    default: "0",
    valueName: "ms",
    description: "Pause between invocations in ms; only without parallel-invocation."
  },
  {
    name: "discard-top-bottom",
    group: "tuning",
    default: "0.2",
    valueName: "fraction",
    description: "Fraction of the slowest and of the fastest samples dropped before averaging (0 to 0.4; 0 with only-cold-starts)."
  },
  {
    name: "allowed-exceptions",
    group: "tuning",
    valueName: "types",
    description: "Comma-separated error types that are recorded but do not fail a memory size, e.g. Handled.NotFound."
  },
  {
    name: "only-cold-starts",
    group: "tuning",
    default: "false",
    boolean: true,
    description: "Measure cold starts only: every invocation gets a new execution environment."
  },
  {
    name: "strategy",
    group: "tuning",
    default: "cost",
    valueName: "name",
    description: "How to choose the memory: cost (cheapest), speed (fastest), balanced (see balanced-weight) or percentile (cheapest meeting percentile-limit)."
  },
  {
    name: "balanced-weight",
    group: "tuning",
    default: "0.5",
    valueName: "weight",
    description: "With strategy balanced: 0 optimises speed only, 1 cost only (0 to 1)."
  },
  {
    name: "percentile-limit",
    group: "tuning",
    valueName: "limit",
    description: "With strategy percentile, and required by it: the duration limit to meet, e.g. p95<=300 (p95 duration at most 300 ms)."
  },
  {
    name: "auto-optimize",
    group: "tuning",
    default: "false",
    boolean: true,
    description: "Apply the recommended memory to the function after the run, only when it passes: never when the gate (or tuning, or clean-up) fails the job."
  },
  {
    name: "auto-optimize-alias",
    group: "tuning",
    valueName: "alias",
    description: "With auto-optimize: point this alias at a new version with the recommended memory instead of changing $LATEST. An alias with weighted routing (a canary in progress) is refused before tuning, never moved."
  },
  {
    name: "dry-run",
    group: "tuning",
    default: "false",
    boolean: true,
    description: "Check the settings and that the function exists, without changing or invoking it."
  },
  {
    name: "log-payloads",
    group: "tuning",
    default: "false",
    boolean: true,
    description: "Allow payloads and function output in logs and reports (off by default: they may hold secrets)."
  },
  {
    name: "results-path",
    group: "tuning",
    default: "lambda-power-gate/results.json",
    valueName: "path",
    description: "Where results.json is written, inside the workspace (symlinks included); report.md, report.html and baseline-results.json go next to it. A run first removes these four files of an earlier run."
  },
  {
    name: "timeout-minutes",
    group: "tuning",
    default: "30",
    valueName: "minutes",
    description: "Stop after this many minutes (1 to 350), restoring the function and cleaning up first."
  },
  {
    name: "monthly-invocations",
    group: "tuning",
    default: "1000000",
    valueName: "n",
    description: "Invocations per month, for the monthly cost projections in the report."
  },
  // --- gate ---------------------------------------------------------------------------------------------
  {
    name: "baseline-file",
    group: "gate",
    valueName: "path",
    description: "A results.json to compare with, e.g. from an artifact: inside the workspace, a regular file of at most 50 MB. Give at most one of baseline-file, baseline-branch and baseline-function; none means no comparison."
  },
  {
    name: "baseline-branch",
    group: "gate",
    valueName: "branch",
    description: "A data branch holding the history of results, e.g. lambda-power-gate-data: pull requests compare with it, runs on the default branch add to it. A plain branch name used for nothing else: never the default branch, a pull request's base or head, or a ref such as refs/heads/x or HEAD."
  },
  {
    name: "baseline-function",
    group: "gate",
    valueName: "name|arn",
    description: "The base branch's own deployment of the function (e.g. the staging stack; a name or ARN, no qualifier), tuned in the same run with invocations taking turns (live A/B)."
  },
  {
    name: "key",
    group: "gate",
    valueName: "key",
    defaultText: "the function name, without qualifier",
    description: "Name of this function in the baseline history; keep it stable across pull request deployments."
  },
  {
    name: "history-limit",
    group: "gate",
    default: "20",
    valueName: "n",
    description: "Runs kept per key on the baseline branch."
  },
  {
    name: "max-cost-increase",
    group: "gate",
    default: "5",
    valueName: "percent",
    description: 'Fail when cost per invocation rises significantly by more than this percent ("5" or "5%"; off disables).'
  },
  {
    name: "max-duration-increase",
    group: "gate",
    default: "10",
    valueName: "percent",
    description: 'Fail when duration rises significantly by more than this percent ("10" or "10%"; off disables).'
  },
  {
    name: "warn-cost-increase",
    group: "gate",
    valueName: "percent",
    defaultText: "half of max-cost-increase",
    description: "Warn when cost per invocation rises significantly by more than this percent (at most max-cost-increase)."
  },
  {
    name: "warn-duration-increase",
    group: "gate",
    valueName: "percent",
    defaultText: "half of max-duration-increase",
    description: "Warn when duration rises significantly by more than this percent (at most max-duration-increase)."
  },
  {
    name: "max-cost-per-invocation",
    group: "gate",
    valueName: "usd",
    description: "Fail when cost per invocation exceeds this many USD; needs no baseline."
  },
  {
    name: "max-duration-ms",
    group: "gate",
    valueName: "ms",
    description: "Fail when duration (see max-duration-statistic) exceeds this many ms; needs no baseline."
  },
  {
    name: "max-duration-statistic",
    group: "gate",
    default: "mean",
    valueName: "statistic",
    description: "The duration statistic max-duration-ms applies to: mean, p50, p90, p95 or p99."
  },
  {
    name: "max-monthly-cost-increase",
    group: "gate",
    valueName: "usd",
    description: "Fail when the projected monthly cost (see monthly-invocations) rises by more than this many USD."
  },
  {
    name: "confidence",
    group: "gate",
    default: "0.95",
    valueName: "level",
    description: "Confidence level for calling a change significant, above 0.5 and at most 0.999."
  },
  {
    name: "min-samples",
    group: "gate",
    default: "5",
    valueName: "n",
    description: "With fewer successful samples than this on either side a change is never called significant (at least 2)."
  },
  {
    name: "min-duration-change-ms",
    group: "gate",
    default: "1",
    valueName: "ms",
    description: "A duration change smaller than this, and a cost change smaller than this duration's price at that memory size, is within noise whatever its confidence interval says: Lambda bills duration in 1 ms units, so nobody pays for less. 0 turns the floor off."
  },
  {
    name: "gate-max-invocations",
    group: "gate",
    default: "200",
    valueName: "n",
    description: "With baseline-function: while a cost or duration comparison is undecided (its confidence interval contains the limit, it is not yet significant for the whole verdict, or it rests on fewer than the 3 execution environments per function a fail needs), both functions are measured in more environments (a fresh version each, 10 invocations taking turns), doubling them each round, up to this many invocations per function at that memory size. 0 turns it off; with fewer than 3 environments a regression can only warn. See docs/gate.md."
  },
  {
    name: "fail-on-regression",
    group: "gate",
    default: "true",
    boolean: true,
    description: "Fail the job when the verdict is fail; false reports only."
  },
  // --- report -------------------------------------------------------------------------------------------
  {
    name: "mode",
    group: "report",
    default: "tune",
    valueName: "mode",
    description: "tune (measure, gate and report) or comment-only (post the report of a results-file measured by another workflow: the fork-safe recipe in docs/workflows.md)."
  },
  {
    name: "results-file",
    group: "report",
    valueName: "path",
    description: "With mode comment-only, and required by it: the results.json to report, inside the workspace (a regular file of at most 50 MB). It is validated and re-rendered, never posted as is."
  },
  {
    name: "pull-request",
    group: "report",
    valueName: "number",
    defaultText: "the workflow_run event's pull request",
    description: "With mode comment-only: the pull request to comment on. Its head must be the commit that was measured."
  },
  {
    name: "comment-mode",
    group: "report",
    default: "update",
    valueName: "mode",
    description: "The pull request comment: update (one comment, edited), new (a new one each run), hide-and-new (minimise the old one), delete-and-new (delete the old one) or off."
  },
  {
    name: "github-token",
    group: "report",
    actionDefault: "${{ github.token }}",
    defaultText: "${{ github.token }} in the action; GITHUB_TOKEN from the environment in the CLI",
    valueName: "token",
    description: "Token for the pull request comment and the baseline branch."
  },
  {
    name: "job-summary",
    group: "report",
    default: "true",
    boolean: true,
    description: "Write the report to the job summary."
  }
];
var INPUTS_BY_NAME = new Map(INPUTS.map((spec) => [spec.name, spec]));
function inputSpec(name) {
  return INPUTS_BY_NAME.get(name);
}

// src/settings/parse.ts
var Inputs = class {
  constructor(read) {
    this.read = read;
  }
  read;
  /** The trimmed value the user gave, '' when absent. */
  given(name) {
    if (!inputSpec(name)) throw new Error(`settings.ts reads '${name}', which is not in INPUTS`);
    return (this.read(name) ?? "").trim();
  }
  isGiven(name) {
    return this.given(name) !== "";
  }
  /** The given value, else the table's default, else ''. */
  value(name) {
    return this.given(name) || (inputSpec(name)?.default ?? "");
  }
  boolean(name) {
    return parseBoolean(name, this.value(name));
  }
};
var TRUE_WORDS = /* @__PURE__ */ new Set(["true", "yes", "1"]);
var FALSE_WORDS = /* @__PURE__ */ new Set(["false", "no", "0"]);
function parseBoolean(input, text) {
  const word = text.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  throw fail(input, `${show(text)} is not a boolean; use true or false (yes/no and 1/0 also work, in any letter case)`);
}
function parseEnum(input, text, options, what) {
  const result = _enum(options).safeParse(text.trim().toLowerCase());
  if (result.success) return result.data;
  const suggestion = closestMatch2(text.toLowerCase(), options);
  throw fail(
    input,
    `${show(text)} is not ${what}; use one of ${options.join(", ")}${suggestion ? ` (did you mean ${suggestion}?)` : ""}`
  );
}
function closestMatch2(word, candidates) {
  return closestMatch(word, candidates, { maxDistance: Math.max(2, Math.floor(word.length / 3)) });
}
var NUMBER_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
function checkNumber(input, text, schema, unit, allowed, given = text) {
  if (schema.isInt && NUMBER_TEXT.test(text) && !/^[+-]?\d+$/.test(text) && Number.isInteger(Number(text))) {
    throw fail(
      input,
      `${show(given)} is not a whole number written in digits (no decimal point or exponent); ${allowed}`
    );
  }
  const result = schema.safeParse(NUMBER_TEXT.test(text) ? Number(text) : Number.NaN);
  if (result.success) return result.data;
  throw fail(input, `${show(given)} ${describeIssue(result.error.issues[0], unit)}; ${allowed}`);
}
function describeIssue(issue, unit) {
  switch (issue?.code) {
    case "too_small":
      return issue.inclusive ? `is below ${issue.minimum}${unit}` : `is not above ${issue.minimum}${unit}`;
    case "too_big":
      if (issue.maximum === Number.MAX_SAFE_INTEGER) return "is too large";
      return issue.inclusive ? `is above ${issue.maximum}${unit}` : `is not below ${issue.maximum}${unit}`;
    case "invalid_type":
      return issue.expected === "int" ? "is not a whole number" : "is not a number";
    default:
      return "is not valid";
  }
}
function clamped(input, text, min, max, warnings, meaning) {
  const value = checkNumber(input, text, number(), "", `use a number from ${min} to ${max} (${meaning})`);
  if (value >= min && value <= max) return value;
  const used = Math.min(max, Math.max(min, value));
  warnings.push(`Input '${input}': ${value} is outside ${min} to ${max}; using ${used} (${meaning})`);
  return used;
}
function optionalNumber(inputs, name, schema, normalise, unit, allowed) {
  const text = inputs.value(name);
  return text === "" ? void 0 : checkNumber(name, normalise(text), schema, unit, allowed, text);
}
var OFF_WORDS = /* @__PURE__ */ new Set(["off", "none"]);
function parsePercent(inputs, name) {
  const text = inputs.value(name);
  if (text === "" || OFF_WORDS.has(text.toLowerCase())) return void 0;
  return checkNumber(
    name,
    text.replace(/\s*%$/, ""),
    number().min(0),
    "%",
    "use a percentage, 0 or more, such as 5 or 5%, or off",
    text
  );
}
var withoutDollar = (text) => text.replace(/^\$\s*/, "");
var withoutMs = (text) => text.replace(/\s*ms$/i, "");
function withoutDigitGrouping(text) {
  return /^\d{1,3}(?:[,_]\d{3})+$/.test(text) ? text.replace(/[,_]/g, "") : text;
}
function resolvePath(input, text, ctx, purpose) {
  try {
    return confinePath(text, ctx.env["GITHUB_WORKSPACE"] || ctx.cwd, purpose, ctx.pathFileSystem);
  } catch (error) {
    if (error instanceof PathProblem) throw fail(input, error.message);
    throw fail(input, `cannot be checked (${readProblem(error)}); give a file path inside the workspace`);
  }
}
function readProblem(error) {
  const errorCode = error?.code;
  if (errorCode === "ENOENT") return "no such file";
  if (errorCode === "EACCES" || errorCode === "EPERM") return "permission denied";
  if (errorCode === "EISDIR") return "it is a directory";
  if (error instanceof FileReadProblem) return error.message;
  return error instanceof Error ? error.message : String(error);
}
function fail(input, detail) {
  return new InputError(input, `Input '${input}': ${detail}`);
}
function show(text) {
  if (NUMBER_TEXT.test(text)) return text;
  const cut = text.length > 60 ? `${text.slice(0, 57)}...` : text;
  return JSON.stringify(cut);
}
function omitUndefined(value) {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== void 0));
}

// src/settings/branches.ts
function checkBranchName(input, branch) {
  const broken = /[\s~^:?*[\\]/.test(branch) || [...branch].some((char) => char.charCodeAt(0) < 32 || char === "\x7F") || branch.includes("..") || branch.includes("@{") || branch.includes("//") || branch.startsWith("-") || branch.startsWith("/") || branch.endsWith("/") || branch.endsWith(".") || branch.endsWith(".lock") || branch === "@";
  if (broken) {
    throw fail(
      input,
      `${show(branch)} is not a valid git branch name (no spaces, ~ ^ : ? * [ \\, "..", or a leading - or /); use e.g. lambda-power-gate-data`
    );
  }
  return branch;
}
var DATA_BRANCH_HINT = "name a branch used only for results, e.g. lambda-power-gate-data";
function checkDataBranchName(branch) {
  checkBranchName("baseline-branch", branch);
  if (/^(?:refs|heads|tags|remotes)\//i.test(branch) || /^head$/i.test(branch)) {
    throw fail(
      "baseline-branch",
      `${show(branch)} is written as a ref, not a branch name; give the plain name and ${DATA_BRANCH_HINT}`
    );
  }
  return branch;
}
function checkDataBranchNotWorking(branch, working) {
  if (branch === void 0) return;
  const roles = [
    [working.defaultBranch, "the repository's default branch"],
    [working.baseRef, "the pull request's base branch"],
    [working.headRef, "the pull request's head branch"],
    [working.currentBranch, "the branch this workflow runs on"]
  ];
  const role = roles.find(([name]) => name !== void 0 && name === branch)?.[1];
  if (role) {
    throw fail(
      "baseline-branch",
      `${show(branch)} is ${role}; every run commits results onto the data branch, so ${DATA_BRANCH_HINT}`
    );
  }
}
function checkKey(key) {
  if (!/^[A-Za-z0-9._-]{1,128}$/.test(key) || key === "." || key === "..") {
    throw fail(
      "key",
      `${show(key)} is not a usable key; use letters, digits, '.', '-' and '_' (up to 128, no '/'), e.g. orders-api`
    );
  }
  return key;
}

// node_modules/@aws-sdk/core/dist-es/submodules/util/util-arn-parser/arn.js
var parse = (arn) => {
  const segments = arn.split(":");
  if (segments.length < 6 || segments[0] !== "arn") {
    throw new Error("Malformed ARN");
  }
  const [, partition, service, region, accountId, ...resource] = segments;
  return {
    partition,
    service,
    region,
    accountId,
    resource: resource.join(":")
  };
};

// src/settings/function-name.ts
var REGION = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;
var FUNCTION_NAME = /^[A-Za-z0-9_-]+$/;
var QUALIFIER = /^(?:\$LATEST|[A-Za-z0-9_-]+)$/;
var ACCOUNT_ID = /^\d{12}$/;
var PARTITION = /^aws(?:-[a-z]+)*$/;
var MAX_FUNCTION_NAME_LENGTH = 64;
var MAX_QUALIFIER_LENGTH = 128;
var ARN_SHAPE = "arn:aws:lambda:<region>:<12-digit account>:function:<name>[:<alias or version>]";
var NAME_HINT = "give a function name (e.g. my-function), optionally with :alias or :version, or its ARN";
function parseFunctionName(value) {
  return parseFunctionNameAs("function-name", value, true);
}
function parseFunctionNameAs(input, value, required) {
  const text = value.trim();
  if (text === "") {
    throw fail(
      input,
      `is ${required ? "required" : "empty"}; ${NAME_HINT}, e.g. arn:aws:lambda:us-east-1:123456789012:function:my-function`
    );
  }
  const parts = text.split(":");
  if (parts[0] === "arn") return parseFullArn(input, text);
  if (parts.length >= 3 && parts[1] === "function") {
    const [accountId = "", , name2 = "", qualifier2, ...extra2] = parts;
    if (!ACCOUNT_ID.test(accountId)) {
      throw fail(
        input,
        `${show(text)} has account ${show(accountId)}, which is not 12 digits; use <12-digit account>:function:<name>, or the name alone`
      );
    }
    checkFunctionName(input, text, name2);
    checkQualifier(input, text, qualifier2, extra2);
    return omitUndefined({ functionName: `${accountId}:function:${name2}`, name: name2, qualifier: qualifier2, accountId });
  }
  const [name = "", qualifier, ...extra] = parts;
  checkFunctionName(input, text, name);
  checkQualifier(input, text, qualifier, extra);
  return omitUndefined({ functionName: name, name, qualifier });
}
function splitArn(text) {
  try {
    return parse(text);
  } catch {
    const [, partition = "", service = "", region = "", accountId = ""] = text.split(":");
    return { partition, service, region, accountId };
  }
}
function parseFullArn(input, text) {
  const { partition, service, region, accountId, resource } = splitArn(text);
  const malformed = (problem) => fail(input, `${show(text)} ${problem}; a Lambda function ARN looks like ${ARN_SHAPE}`);
  if (!PARTITION.test(partition)) throw malformed(`has partition ${show(partition)}, not aws, aws-cn or aws-us-gov`);
  if (service !== "lambda")
    throw malformed(
      `is ${service === "" ? "missing the service" : `an ARN of service ${show(service)}`}, not of lambda`
    );
  if (resource === void 0 || !resource.includes(":")) throw malformed("is not a complete ARN");
  if (!REGION.test(region))
    throw malformed(region === "" ? "has no region" : `has region ${show(region)}, which is not a region code`);
  if (partition === "aws-cn" && !region.startsWith("cn-"))
    throw malformed(`has region ${region}, which is not in partition aws-cn`);
  if (partition === "aws-us-gov" && !region.startsWith("us-gov-"))
    throw malformed(`has region ${region}, which is not in partition aws-us-gov`);
  if (partition === "aws" && (region.startsWith("cn-") || region.startsWith("us-gov-"))) {
    throw malformed(
      `has region ${region} in partition aws (use ${region.startsWith("cn-") ? "aws-cn" : "aws-us-gov"})`
    );
  }
  if (!ACCOUNT_ID.test(accountId)) throw malformed(`has account ${show(accountId)}, which is not 12 digits`);
  const [resourceType = "", name = "", qualifier, ...extra] = resource.split(":");
  if (resourceType !== "function") throw malformed(`is a ${show(resourceType)} ARN, not a function ARN`);
  checkFunctionName(input, text, name);
  checkQualifier(input, text, qualifier, extra);
  return omitUndefined({
    functionName: `arn:${partition}:lambda:${region}:${accountId}:function:${name}`,
    name,
    qualifier,
    region,
    accountId,
    partition
  });
}
function checkFunctionName(input, text, name) {
  if (name === "") throw fail(input, `${show(text)} has an empty function name; ${NAME_HINT}`);
  if (!FUNCTION_NAME.test(name)) {
    const within = text === name ? "" : ` in ${show(text)}`;
    throw fail(
      input,
      `the function name ${show(name)}${within} has characters other than letters, digits, hyphens and underscores; ${NAME_HINT}`
    );
  }
  if (name.length > MAX_FUNCTION_NAME_LENGTH) {
    throw fail(
      input,
      `the function name is ${name.length} characters, above Lambda's limit of ${MAX_FUNCTION_NAME_LENGTH}; check the name`
    );
  }
}
function checkQualifier(input, text, qualifier, extra) {
  if (extra.length > 0) throw fail(input, `${show(text)} has too many ':' parts; ${NAME_HINT}`);
  if (qualifier === void 0) return;
  if (qualifier === "")
    throw fail(
      input,
      `${show(text)} ends with ':' but has no alias or version after it; remove the ':' or add the qualifier`
    );
  if (!QUALIFIER.test(qualifier) || qualifier.length > MAX_QUALIFIER_LENGTH) {
    throw fail(
      input,
      `${show(text)} has qualifier ${show(qualifier)}, which is not a version ($LATEST or a number) or an alias (letters, digits, - and _, up to ${MAX_QUALIFIER_LENGTH})`
    );
  }
}
function checkAliasName(input, alias) {
  if (!/^[A-Za-z0-9_-]+$/.test(alias) || /^\d+$/.test(alias) || alias.length > MAX_QUALIFIER_LENGTH) {
    throw fail(
      input,
      `${show(alias)} is not an alias name; use letters, digits, - and _ (not only digits, up to ${MAX_QUALIFIER_LENGTH}), e.g. live`
    );
  }
  return alias;
}

// src/settings/gate.ts
var DURATION_STATISTICS = [
  "mean",
  "p50",
  "p90",
  "p95",
  "p99"
];
var BASELINE_INPUTS = [
  ["baseline-file", "file"],
  ["baseline-branch", "branch"],
  ["baseline-function", "function"]
];
function parseGate(inputs, ctx, tuning, warnings) {
  const baselines = BASELINE_INPUTS.filter(([name]) => inputs.isGiven(name));
  const [first, second] = baselines;
  if (first && second) {
    throw fail(
      second[0],
      `conflicts with ${first[0]}; give at most one of baseline-file, baseline-branch and baseline-function`
    );
  }
  const baselineSource = first?.[1] ?? "none";
  const baselineFile = inputs.isGiven("baseline-file") ? resolvePath("baseline-file", inputs.given("baseline-file"), ctx, "read") : void 0;
  const baselineBranch = inputs.isGiven("baseline-branch") ? checkDataBranchName(inputs.given("baseline-branch")) : void 0;
  const baselineFunction = inputs.isGiven("baseline-function") ? inputs.given("baseline-function") : void 0;
  if (baselineFunction !== void 0) {
    const base = parseFunctionNameAs("baseline-function", baselineFunction, false);
    if (base.qualifier !== void 0) {
      throw fail(
        "baseline-function",
        `${show(baselineFunction)} has a qualifier (:${base.qualifier}), but tuning measures $LATEST; name the base branch's own deployment, e.g. orders-api-staging`
      );
    }
    if (base.name === parseFunctionName(tuning.functionName).name && (base.accountId ?? "") === (parseFunctionName(tuning.functionName).accountId ?? "")) {
      throw fail(
        "baseline-function",
        `${show(baselineFunction)} is function-name itself; give the base branch's own deployment (e.g. the staging stack) so the PR is compared with something else`
      );
    }
  }
  const key = inputs.isGiven("key") ? checkKey(inputs.given("key")) : parseFunctionName(tuning.functionName).name;
  const historyLimit = checkNumber(
    "history-limit",
    inputs.value("history-limit"),
    int().min(1).max(1e4),
    "",
    "use a whole number of runs from 1 to 10000"
  );
  const maxCostIncreasePct = parsePercent(inputs, "max-cost-increase");
  const maxDurationIncreasePct = parsePercent(inputs, "max-duration-increase");
  const warnCostIncreasePct = warnLevel(inputs, "warn-cost-increase", "max-cost-increase", maxCostIncreasePct);
  const warnDurationIncreasePct = warnLevel(
    inputs,
    "warn-duration-increase",
    "max-duration-increase",
    maxDurationIncreasePct
  );
  const maxCostPerInvocationUsd = optionalNumber(
    inputs,
    "max-cost-per-invocation",
    number().positive(),
    withoutDollar,
    " USD",
    "use a cost per invocation in USD above 0, e.g. 0.0000025"
  );
  const maxDurationMs = optionalNumber(
    inputs,
    "max-duration-ms",
    number().positive(),
    withoutMs,
    " ms",
    "use a duration in milliseconds above 0, e.g. 300"
  );
  const maxDurationStatistic = parseEnum(
    "max-duration-statistic",
    inputs.value("max-duration-statistic"),
    DURATION_STATISTICS,
    "a duration statistic"
  );
  const maxMonthlyCostIncreaseUsd = optionalNumber(
    inputs,
    "max-monthly-cost-increase",
    number().min(0),
    withoutDollar,
    " USD",
    "use an amount in USD, 0 or more, e.g. 50"
  );
  const confidence = checkNumber(
    "confidence",
    inputs.value("confidence"),
    number().gt(0.5).max(0.999),
    "",
    "use a fraction above 0.5 and at most 0.999, e.g. 0.95 for 95%"
  );
  const minSamples = checkNumber(
    "min-samples",
    inputs.value("min-samples"),
    int().min(2),
    "",
    "use a whole number of samples, 2 or more"
  );
  const warmSamples = tuning.onlyColdStarts ? tuning.invocationsPerValue : tuning.invocationsPerValue - 1;
  const maxInvocations = checkNumber(
    "gate-max-invocations",
    inputs.value("gate-max-invocations"),
    int().min(0).max(1e4),
    "",
    "use a whole number of invocations per function from 0 (off) to 10000"
  );
  const topsUp = baselineSource === "function" && maxInvocations - 1 >= minSamples;
  if (baselineSource !== "none" && minSamples > warmSamples && !topsUp) {
    warnings.push(
      `Input 'min-samples': ${minSamples} is above the ${warmSamples} warm samples that invocations (${tuning.invocationsPerValue}) gives each memory size, so no change can be called significant; raise invocations or lower min-samples`
    );
  }
  const floorText = inputs.value("min-duration-change-ms");
  const minDurationChangeMs = checkNumber(
    "min-duration-change-ms",
    withoutMs(floorText),
    number().min(0).max(9e5),
    " ms",
    "use a duration in milliseconds, 0 (no floor) or more, e.g. 1",
    floorText
  );
  if (baselineSource === "function") checkGateEvidence(maxInvocations, confidence, tuning, warnings);
  const failOnRegression = inputs.boolean("fail-on-regression");
  return omitUndefined({
    baselineSource,
    baselineFile,
    baselineBranch,
    baselineFunction,
    key,
    historyLimit,
    maxCostIncreasePct,
    maxDurationIncreasePct,
    warnCostIncreasePct,
    warnDurationIncreasePct,
    maxCostPerInvocationUsd,
    maxDurationMs,
    maxDurationStatistic,
    maxMonthlyCostIncreaseUsd,
    confidence,
    minSamples,
    minDurationChangeMs,
    maxInvocations,
    failOnRegression
  });
}
function checkGateEvidence(maxInvocations, confidence, tuning, warnings) {
  if (tuning.onlyColdStarts) return;
  const planned = tuning.invocationsPerValue;
  const needed = invocationsForFail(planned, confidence);
  const environments = minFailEnvironments(confidence);
  if (maxInvocations > 0 && maxInvocations < planned + BLOCK_INVOCATIONS) {
    throw fail(
      "gate-max-invocations",
      `${maxInvocations} leaves no room for one more execution environment (${BLOCK_INVOCATIONS} invocations) after the ${planned} planned; set it to at least ${needed} so a regression can fail, or 0 to turn the extra sampling off`
    );
  }
  const schedule = environmentSchedule(maxInvocations, planned);
  if ((schedule[schedule.length - 1] ?? 1) < environments) {
    warnings.push(
      `Input 'gate-max-invocations': ${maxInvocations === 0 ? "with 0 (off)" : `at ${maxInvocations}`} each function is measured in fewer than the ${environments} execution environments a fail needs at confidence ${confidence}, so a regression can only warn; set it to at least ${needed} for the gate to fail`
    );
  }
}
function warnLevel(inputs, name, maxName, maxPct) {
  if (!inputs.isGiven(name)) return maxPct === void 0 ? void 0 : maxPct / 2;
  const warnPct = parsePercent(inputs, name);
  if (warnPct !== void 0 && maxPct !== void 0 && warnPct > maxPct) {
    throw fail(
      name,
      `${warnPct}% is above ${maxName} (${maxPct}%), and a warning level must not exceed the failure level; lower ${name} or raise ${maxName}`
    );
  }
  return warnPct;
}

// src/settings/report.ts
var MODES = ["tune", "comment-only"];
var COMMENT_MODES = [
  "update",
  "new",
  "hide-and-new",
  "delete-and-new",
  "off"
];
function parseReport(inputs, ctx) {
  const mode = parseEnum("mode", inputs.value("mode"), MODES, "a mode");
  const commentMode = parseEnum("comment-mode", inputs.value("comment-mode"), COMMENT_MODES, "a comment mode");
  const githubToken = inputs.given("github-token") || ctx.env["GITHUB_TOKEN"]?.trim() || void 0;
  const summary = inputs.boolean("job-summary");
  if (mode === "comment-only" && !inputs.isGiven("results-file")) {
    throw fail(
      "results-file",
      "is required with mode comment-only; set it to the results.json the measuring workflow uploaded"
    );
  }
  if (mode === "tune" && inputs.isGiven("results-file")) {
    throw fail("results-file", "is only used with mode comment-only; remove it, or set mode: comment-only");
  }
  const resultsFile = inputs.isGiven("results-file") ? resolvePath("results-file", inputs.given("results-file"), ctx, "read") : void 0;
  const pullText = inputs.given("pull-request");
  let pullRequest;
  if (pullText !== "") {
    if (!/^[1-9][0-9]{0,9}$/.test(pullText))
      throw fail(
        "pull-request",
        `${show(pullText)} is not a pull request number; use a positive whole number such as 42`
      );
    pullRequest = Number(pullText);
  }
  return omitUndefined({ mode, resultsFile, pullRequest, commentMode, githubToken, summary });
}

// src/settings/payloads.ts
var MAX_PAYLOAD_BYTES = 6 * 1024 * 1024;
function readPayloadSource(inputs, ctx) {
  const file = inputs.given("payload-file");
  const inline = inputs.given("payload");
  if (file === "") return { input: "payload", text: inputs.value("payload"), what: "the payload" };
  if (inline !== "" && inline !== inputSpec("payload")?.default) {
    throw fail(
      "payload-file",
      `${show(file)} conflicts with payload, which is also given; give the payload inline or in a file, not both`
    );
  }
  const resolved = resolvePath("payload-file", file, ctx, "read");
  let text;
  try {
    text = ctx.readFile(resolved, MAX_PAYLOAD_FILE_BYTES);
  } catch (error) {
    if (error instanceof FileReadProblem && error.code === "ETOOBIG") {
      throw fail(
        "payload-file",
        `${show(file)} cannot be the event: ${error.message} (Lambda's limit for a synchronous invocation); use a smaller event`
      );
    }
    throw fail(
      "payload-file",
      `cannot read ${show(file)} (${readProblem(error)}, resolved to ${resolved}); give a readable file inside the workspace`
    );
  }
  if (text.trim() === "") throw fail("payload-file", `${show(file)} is empty; put the JSON event in it, e.g. {}`);
  return { input: "payload-file", text, what: `the file ${show(file)}` };
}
function parsePayloadText(input, text, what = "the payload") {
  const trimmed = text.trim();
  let parsed;
  try {
    parsed = JSON.parse(trimmed);
  } catch (error) {
    if (/^[[{"]/.test(trimmed)) {
      throw fail(
        input,
        `${what} is not valid JSON (${jsonProblem(error, trimmed)}); fix the JSON, or give a plain string that does not start with {, [ or "`
      );
    }
    return [checkPayloadSize(input, JSON.stringify(trimmed), what)];
  }
  if (isWeightedPayloadList(parsed)) return parseWeightedPayloads(input, parsed, what);
  return [checkPayloadSize(input, trimmed, what)];
}
function isWeightedPayloadList(value) {
  return Array.isArray(value) && value.length > 0 && value.every(
    (item) => typeof item === "object" && item !== null && !Array.isArray(item) && Object.hasOwn(item, "payload")
  );
}
var weightedItemSchema = looseObject({ payload: unknown(), weight: number().positive() });
var WEIGHT_HINT = 'give every item a positive number weight, e.g. [{"payload": {"id": 1}, "weight": 3}, {"payload": {"id": 2}, "weight": 1}]';
function parseWeightedPayloads(input, items, what) {
  return items.map((item, index) => {
    const result = weightedItemSchema.safeParse(item);
    if (!result.success) {
      const weight = item["weight"];
      const problem = weight === void 0 ? "has no weight" : typeof weight !== "number" ? `has weight ${JSON.stringify(weight)}, which is not a number` : `has weight ${weight}, which is not positive`;
      throw fail(input, `item ${index + 1} of the weighted payloads in ${what} ${problem}; ${WEIGHT_HINT}`);
    }
    const payload = item["payload"];
    const bytes = typeof payload === "string" && isJsonText(payload) ? payload : JSON.stringify(payload);
    return { ...checkPayloadSize(input, bytes, `item ${index + 1} of ${what}`), weight: result.data.weight };
  });
}
function isJsonText(text) {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
function checkPayloadSize(input, payload, what) {
  const bytes = Buffer.byteLength(payload, "utf8");
  if (bytes >= MAX_PAYLOAD_BYTES) {
    throw fail(
      input,
      `${what} is ${bytes} bytes; Lambda takes a synchronous invocation's payload only when it is smaller than ${MAX_PAYLOAD_BYTES} bytes (6 MB): use a smaller event`
    );
  }
  return { payload, weight: 1 };
}
function jsonProblem(error, text) {
  const message = error instanceof Error ? error.message : String(error);
  let reason = message.replace(/,\s*".*" is not valid JSON$/s, "").replace(/\s*in JSON at position \d+.*$/s, "").replace(/^SyntaxError:\s*/, "");
  const position = /at position (\d+)/.exec(message)?.[1];
  if (position !== void 0) {
    const before = text.slice(0, Number(position));
    const line = before.split("\n").length;
    const column = Number(position) - before.lastIndexOf("\n");
    reason += ` at line ${line}, column ${column}`;
  }
  return oneLine(reason);
}
function checkWeightedSplit(payloads, invocations, payloadInput) {
  if (payloads.length <= 1) return;
  const needed = minimumInvocationsForWeights(payloads.map((payload) => payload.weight));
  if (invocations >= needed) return;
  throw fail(
    "invocations",
    `${invocations} cannot give each of the ${payloads.length} weighted payloads in ${payloadInput} at least one invocation (each but the last gets floor(weight \xD7 invocations \xF7 total weight), the last the rest); set invocations to ${needed} or more, or raise the small weights in ${payloadInput}`
  );
}

// src/settings/tuning.ts
var FEW_INVOCATIONS_WARNING_BELOW = 5;
var STRATEGIES = ["cost", "speed", "balanced", "percentile"];
var SAMPLING_MODES = ["fixed", "adaptive"];
var ADAPTIVE_USEFUL_FROM = 20;
function parseTuning(inputs, ctx, warnings) {
  const fn = parseFunctionNameAs("function-name", inputs.given("function-name"), true);
  const endpoint = parseEndpoint(inputs.given("endpoint"));
  const region = resolveRegion(inputs.given("region"), fn, ctx.env, endpoint);
  const powerValuesMb = parsePowerValues(inputs.value("power-values"), warnings);
  const invocationsText = inputs.value("invocations");
  const invocationsPerValue = checkNumber(
    "invocations",
    invocationsText,
    int().min(1),
    "",
    "use a whole number of invocations per memory size, 1 or more (10 is the default)"
  );
  if (invocationsPerValue < FEW_INVOCATIONS_WARNING_BELOW) {
    warnings.push(
      `Input 'invocations': ${invocationsPerValue} ${invocationsPerValue === 1 ? "invocation per memory size gives" : "invocations per memory size give"} noisy statistics; ${FEW_INVOCATIONS_WARNING_BELOW} or more are recommended`
    );
  }
  const payloadSource = readPayloadSource(inputs, ctx);
  const payloads = parsePayloadText(payloadSource.input, payloadSource.text, payloadSource.what);
  checkWeightedSplit(payloads, invocationsPerValue, payloadSource.input);
  const parallelInvocation = inputs.boolean("parallel-invocation");
  const concurrency = checkNumber(
    "concurrency",
    inputs.value("concurrency"),
    int().min(1).max(1e3),
    "",
    "use a whole number from 1 to 1000"
  );
  const sleepBetweenRunsMs = checkNumber(
    "sleep-between-runs-ms",
    inputs.value("sleep-between-runs-ms"),
    int().min(0),
    " ms",
    "use a whole number of milliseconds, 0 or more"
  );
  if (parallelInvocation && sleepBetweenRunsMs > 0) {
    throw fail(
      "sleep-between-runs-ms",
      `${sleepBetweenRunsMs} has no effect with parallel-invocation true (invocations start together); set parallel-invocation to false or leave sleep-between-runs-ms at 0`
    );
  }
  const onlyColdStarts = inputs.boolean("only-cold-starts");
  let discardTopBottom = clamped(
    "discard-top-bottom",
    inputs.value("discard-top-bottom"),
    0,
    0.4,
    warnings,
    "a fraction: 0.2 drops the slowest and the fastest 20%"
  );
  if (onlyColdStarts && discardTopBottom !== 0) {
    if (inputs.isGiven("discard-top-bottom")) {
      warnings.push(
        `Input 'discard-top-bottom': ${discardTopBottom} is ignored with only-cold-starts true, which keeps every sample (using 0)`
      );
    }
    discardTopBottom = 0;
  }
  const allowedExceptions = [
    ...new Set(
      inputs.value("allowed-exceptions").split(/[\s,]+/).filter((item) => item !== "")
    )
  ];
  const strategy = parseEnum("strategy", inputs.value("strategy"), STRATEGIES, "a strategy");
  const balancedWeight = clamped(
    "balanced-weight",
    inputs.value("balanced-weight"),
    0,
    1,
    warnings,
    "0 optimises speed only, 1 cost only"
  );
  if (strategy !== "balanced" && inputs.isGiven("balanced-weight")) {
    warnings.push(`Input 'balanced-weight': has no effect with strategy ${strategy}; it applies to strategy balanced`);
  }
  const percentileLimitText = inputs.given("percentile-limit");
  if (strategy === "percentile" && percentileLimitText === "") {
    throw fail(
      "percentile-limit",
      "is required with strategy percentile; give a limit such as p95<=300 (p95 duration at most 300 ms)"
    );
  }
  if (strategy !== "percentile" && percentileLimitText !== "") {
    throw fail(
      "percentile-limit",
      `${show(percentileLimitText)} is only used with strategy percentile, but strategy is ${strategy}; set strategy to percentile or remove percentile-limit`
    );
  }
  const percentileLimit = percentileLimitText === "" ? void 0 : parsePercentileLimit(percentileLimitText);
  const sampling = parseEnum("sampling", inputs.value("sampling"), SAMPLING_MODES, "a sampling mode");
  if (sampling === "adaptive" && onlyColdStarts) {
    throw fail(
      "sampling",
      "adaptive does not work with only-cold-starts true (every cold start needs a version prepared in advance); set sampling to fixed or only-cold-starts to false"
    );
  }
  const samplingConfidence = checkNumber(
    "sampling-confidence",
    inputs.value("sampling-confidence"),
    number().gt(0.5).max(0.999),
    "",
    "use a fraction above 0.5 and at most 0.999, e.g. 0.95 for 95%"
  );
  if (sampling !== "adaptive" && inputs.isGiven("sampling-confidence")) {
    warnings.push(
      `Input 'sampling-confidence': has no effect with sampling ${sampling}; it applies to sampling adaptive`
    );
  }
  if (sampling === "adaptive" && invocationsPerValue < ADAPTIVE_USEFUL_FROM) {
    warnings.push(
      `Input 'invocations': ${invocationsPerValue} leaves adaptive sampling little to save (it is the most any memory size gets); ${ADAPTIVE_USEFUL_FROM} or more, e.g. 50, lets it stop early where the answer is clear`
    );
  }
  const autoOptimize2 = inputs.boolean("auto-optimize");
  const autoOptimizeAliasText = inputs.given("auto-optimize-alias");
  if (autoOptimizeAliasText !== "" && !autoOptimize2) {
    throw fail(
      "auto-optimize-alias",
      `${show(autoOptimizeAliasText)} is only used with auto-optimize true; set auto-optimize to true or remove auto-optimize-alias`
    );
  }
  const autoOptimizeAlias = autoOptimizeAliasText === "" ? void 0 : checkAliasName("auto-optimize-alias", autoOptimizeAliasText);
  const dryRun = inputs.boolean("dry-run");
  if (dryRun && autoOptimize2) {
    warnings.push("Input 'auto-optimize': has no effect with dry-run true, which changes nothing");
  }
  const logPayloads = inputs.boolean("log-payloads");
  const resultsPath = resolvePath("results-path", inputs.value("results-path"), ctx, "write");
  const clash = ARTEFACT_NAMES.find((name) => resultsPath.endsWith(`/${name}`) || resultsPath.endsWith(`\\${name}`));
  if (clash)
    throw fail(
      "results-path",
      `${show(inputs.value("results-path"))} is the name of the ${clash} the run writes next to results.json; use another file name, e.g. results.json`
    );
  const timeoutMinutes = checkNumber(
    "timeout-minutes",
    inputs.value("timeout-minutes"),
    int().min(1).max(350),
    " minutes",
    "use a whole number of minutes from 1 to 350"
  );
  const monthlyInvocationsText = inputs.value("monthly-invocations");
  const monthlyInvocations = checkNumber(
    "monthly-invocations",
    withoutDigitGrouping(monthlyInvocationsText),
    int().min(0),
    "",
    "use a whole number of invocations per month, 0 or more, e.g. 1000000",
    monthlyInvocationsText
  );
  return omitUndefined({
    functionName: fn.functionName,
    qualifier: fn.qualifier,
    region,
    endpoint,
    powerValuesMb,
    invocationsPerValue,
    payloads,
    parallelInvocation,
    concurrency,
    sleepBetweenRunsMs,
    discardTopBottom,
    allowedExceptions,
    onlyColdStarts,
    strategy,
    balancedWeight,
    percentileLimit,
    autoOptimize: autoOptimize2,
    autoOptimizeAlias,
    dryRun,
    logPayloads,
    resultsPath,
    timeoutMinutes,
    monthlyInvocations,
    // Absent means fixed: results and settings from before adaptive sampling read the same.
    sampling: sampling === "adaptive" ? sampling : void 0,
    samplingConfidence: sampling === "adaptive" ? samplingConfidence : void 0
  });
}
function parseEndpoint(text) {
  if (text === "") return void 0;
  let url;
  try {
    url = new URL(text);
  } catch {
    url = void 0;
  }
  if (!url || url.protocol !== "http:" && url.protocol !== "https:") {
    throw fail(
      "endpoint",
      `${show(text)} is not an http(s) URL; use e.g. http://127.0.0.1:9001 for the local emulator, or leave it empty for AWS`
    );
  }
  return text;
}
var REGION_HINT = "use a region code such as us-east-1 or eu-west-1";
function resolveRegion(given, fn, env, endpoint) {
  if (given !== "") {
    if (!REGION.test(given)) throw fail("region", `${show(given)} is not an AWS region code; ${REGION_HINT}`);
    if (fn.region && fn.region !== given) {
      throw fail(
        "region",
        `${given} differs from the region in function-name's ARN (${fn.region}); leave region empty or set it to ${fn.region}`
      );
    }
    return given;
  }
  if (fn.region) return fn.region;
  for (const variable of ["AWS_REGION", "AWS_DEFAULT_REGION"]) {
    const fromEnv = env[variable]?.trim();
    if (fromEnv) {
      if (!REGION.test(fromEnv)) {
        throw fail(
          "region",
          `not given, and ${variable} holds ${show(fromEnv)}, which is not an AWS region code; set region or ${variable} to e.g. us-east-1`
        );
      }
      return fromEnv;
    }
  }
  if (endpoint) return "us-east-1";
  throw fail(
    "region",
    "is required: it is not given, function-name is not a full ARN, and neither AWS_REGION nor AWS_DEFAULT_REGION is set; set region (e.g. us-east-1) or give function-name as a full ARN"
  );
}
var MAX_POWER_VALUES = ALL_POWER_VALUES_MB.length;
var POWER_VALUES_HINT = `use memory sizes from ${MIN_MEMORY_MB} to ${MAX_MEMORY_MB} MB (e.g. 128,256,512), or ALL`;
function parsePowerValues(text, warnings) {
  if (text.toUpperCase() === "ALL") return [...ALL_POWER_VALUES_MB];
  const items = [];
  for (const chunk of text.split(",")) {
    const trimmed = chunk.trim();
    if (trimmed === "") {
      throw fail(
        "power-values",
        `${show(text)} has an empty item (two commas in a row, or one at the start or end); ${POWER_VALUES_HINT}`
      );
    }
    items.push(...trimmed.split(/\s+/));
  }
  const schema = int().min(MIN_MEMORY_MB).max(MAX_MEMORY_MB);
  const seen = /* @__PURE__ */ new Set();
  const repeated = /* @__PURE__ */ new Set();
  for (const item of items) {
    if (item.toUpperCase() === "ALL")
      throw fail("power-values", `ALL must be given alone, not in a list; ${POWER_VALUES_HINT}`);
    const memoryMb = checkNumber("power-values", item, schema, " MB", POWER_VALUES_HINT);
    if (seen.has(memoryMb)) repeated.add(memoryMb);
    seen.add(memoryMb);
    if (seen.size > MAX_POWER_VALUES) {
      throw fail(
        "power-values",
        `has more than ${MAX_POWER_VALUES} different memory sizes (as many as ALL); test fewer, e.g. 128,256,512,1024,1536,3008`
      );
    }
  }
  if (repeated.size > 0) {
    const list = [...repeated].sort((a, b) => a - b);
    const shown = list.length > 10 ? `${list.slice(0, 10).join(", ")} and ${list.length - 10} more` : list.join(", ");
    warnings.push(
      `Input 'power-values': ${shown} ${list.length === 1 ? "is" : "are"} given more than once; testing each once`
    );
  }
  return [...seen].sort((a, b) => a - b);
}
function parsePercentileLimit(text) {
  const hint = "write p<percentile><=<milliseconds>, e.g. p95<=300 for a p95 duration of at most 300 ms";
  const match = /^p(\d+(?:\.\d+)?)(?:<=|≤)(\d+(?:\.\d+)?)(?:ms)?$/i.exec(text.replace(/\s+/g, ""));
  if (!match) throw fail("percentile-limit", `${show(text)} is not a percentile limit; ${hint}`);
  const percentile = Number(match[1]);
  const maxDurationMs = Number(match[2]);
  if (!(percentile > 0 && percentile < 100)) {
    throw fail(
      "percentile-limit",
      `${show(text)} has percentile ${percentile}, which is not between 0 and 100 (exclusive); ${hint}`
    );
  }
  if (!(maxDurationMs > 0))
    throw fail("percentile-limit", `${show(text)} has a limit of ${maxDurationMs} ms, which is not above 0; ${hint}`);
  return { percentile, maxDurationMs };
}

// src/settings/index.ts
function parseSettings(read, ctx) {
  const inputs = new Inputs(read);
  const warnings = [];
  const tuning = parseTuning(inputs, ctx, warnings);
  const gate = parseGate(inputs, ctx, tuning, warnings);
  const report = parseReport(inputs, ctx);
  return { settings: { tuning, gate, report }, warnings };
}

// src/flow.ts
import { mkdir, unlink, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
async function runFlow(settings, deps) {
  const measured = await measure(settings, deps);
  const runUrl = deps.runUrl ? { runUrl: deps.runUrl } : {};
  const apply = (result, failure) => autoOptimize(result, settings.tuning, tunerDepsOf(deps), failure, deps.signal);
  return judgeAndReport(measured, settings, { logger: deps.logger, gate: "enforce", write: true, apply, ...runUrl });
}
async function measure(settings, deps) {
  const resultsPath = settings.tuning.resultsPath;
  const reportDir = dirname(resultsPath);
  await removePreviousArtefacts(resultsPath, reportDir);
  let plan;
  try {
    if (settings.gate.baselineSource === "none") plan = { source: "none" };
    else {
      const { loadBaseline } = await import("./baseline-VNDE7JIU.js");
      plan = await loadBaseline(settings.gate, {
        readFile: deps.readFile ?? readBoundedText,
        history: deps.history,
        target: deps.baselineTarget
      });
    }
  } catch (error) {
    return {
      result: null,
      baseline: null,
      failure: error instanceof InputError ? error.message : `Baseline: ${messageOf(error)}`
    };
  }
  let baseline = plan.source === "file" || plan.source === "branch" ? plan.baseline : null;
  let baselineProblem = plan.source === "file" || plan.source === "branch" ? plan.problem : void 0;
  const noBaselineNote = plan.source === "branch" && !plan.baseline ? plan.note : void 0;
  if (baseline) deps.logger.info(`Baseline: ${baseline.description}`);
  else if (baselineProblem) deps.logger.warning(`No baseline: ${baselineProblem}`);
  else if (noBaselineNote) deps.logger.info(`No baseline: ${noBaselineNote}`);
  const tunerDeps = tunerDepsOf(deps);
  let result = null;
  let failure;
  try {
    if (plan.source === "function") {
      const { tuneWithLiveBaseline } = await import("./live-BFGOVTTA.js");
      const live = await tuneWithLiveBaseline(
        settings.tuning,
        parseFunctionName(plan.functionName),
        { ...tunerDeps, clientFor: deps.clientFor },
        deps.signal,
        settings.gate
      );
      result = live.result;
      baseline = live.baseline;
      baselineProblem = live.problem;
      if (live.baseline) await writeBaselineCopy(reportDir, live.baseline.result);
    } else {
      result = await tune(settings.tuning, tunerDeps, deps.signal);
    }
  } catch (error) {
    if (error instanceof TuningFailedError) {
      result = error.result ?? null;
      failure = error.message;
    } else if (error instanceof TuningCancelledError) {
      failure = error.message;
    } else {
      failure = `Tuning failed: ${messageOf(error)}`;
    }
  }
  if (result && deps.git) result.git = deps.git;
  return {
    result,
    baseline,
    ...baselineProblem ? { baselineProblem } : {},
    ...noBaselineNote ? { noBaselineNote } : {},
    ...failure ? { failure } : {}
  };
}
async function judgeAndReport(measured, settings, options) {
  const { result, baseline } = measured;
  let failure = measured.failure;
  let verdict = null;
  if (result && !result.dryRun) {
    const { compareRuns } = await import("./compare-QR3ZTLFY.js");
    verdict = compareRuns(result, baseline?.result ?? null, settings.gate, settings.tuning.monthlyInvocations ?? 0, {
      ...baseline ? { baselineDescription: baseline.description } : {},
      ...baseline?.history ? { history: baseline.history } : {},
      ...measured.noBaselineNote ? { noBaselineNote: measured.noBaselineNote } : {},
      ...measured.baselineProblem ? { baselineProblem: measured.baselineProblem } : {}
    });
    if (options.gate === "enforce") {
      options.logger.info(`Gate: ${verdict.level}. ${verdict.reason}`);
      if (verdict.level === "fail" && failure === void 0) {
        if (settings.gate.failOnRegression) failure = `Regression gate failed: ${verdict.reason}`;
        else options.logger.warning("The gate verdict is fail, but fail-on-regression is false: the job passes.");
      }
    }
  }
  if (result && options.apply) failure = await options.apply(result, failure) ?? failure;
  const { renderFailureReport, renderReport } = await import("./markdown-2ZFTUZAX.js");
  const { savingPct } = await import("./model-N6RWTQY2.js");
  const baselineResult = baseline?.result ?? null;
  const reportInput = result ? { result, verdict, baseline: baselineResult, runUrl: options.runUrl } : null;
  const markdown = reportInput ? renderReport(reportInput) : renderFailureReport(failure ?? "Tuning failed", options.runUrl);
  const saving = result ? savingPct(result) : null;
  const resultsPath = settings.tuning.resultsPath;
  const reportDir = dirname(resultsPath);
  const reportPath = join(reportDir, "report.md");
  if (options.write !== true) {
    const given = options.write.resultsPath;
    const outputs = outputsFor(result, verdict, given, saving);
    return {
      result,
      verdict,
      baseline: baselineResult,
      markdown,
      outputs,
      resultsPath: given,
      reportPath: "",
      ...failure ? { failure } : {}
    };
  }
  await mkdir(reportDir, { recursive: true });
  if (result) await writeFresh(resultsPath, JSON.stringify(result, null, 2) + "\n");
  await writeFresh(reportPath, markdown);
  if (reportInput) {
    const { renderHtmlReport } = await import("./html-7O5LHVC3.js");
    await writeFresh(join(reportDir, "report.html"), renderHtmlReport(reportInput));
  }
  const written = result ? resultsPath : "";
  return {
    result,
    verdict,
    baseline: baselineResult,
    markdown,
    outputs: outputsFor(result, verdict, written, saving),
    resultsPath: written,
    reportPath,
    ...failure ? { failure } : {}
  };
}
async function writeBaselineCopy(reportDir, baseline) {
  await mkdir(reportDir, { recursive: true });
  await writeFresh(join(reportDir, BASELINE_COPY_NAME), JSON.stringify(baseline, null, 2) + "\n");
}
async function removePreviousArtefacts(resultsPath, reportDir) {
  for (const path of [resultsPath, ...ARTEFACT_NAMES.map((name) => join(reportDir, name))]) {
    try {
      await unlink(path);
    } catch (error) {
      const code = error.code;
      if (code !== "ENOENT" && code !== "ENOTDIR") throw error;
    }
  }
}
async function writeFresh(path, text) {
  await writeFile(path, text, { flag: "wx" });
}
function outputsFor(result, verdict, resultsPath, saving) {
  const outputs = { "results-path": resultsPath };
  if (!result) return outputs;
  const rec = result.recommendation;
  Object.assign(outputs, {
    "recommended-memory": rec ? String(rec.memoryMb) : "",
    "recommended-cost": rec ? String(rec.costPerInvocationUsd) : "",
    "recommended-duration": rec ? String(rec.durationMs) : "",
    "current-memory": String(result.current.memoryMb),
    "current-cost": result.current.costPerInvocationUsd === null ? "" : String(result.current.costPerInvocationUsd),
    "saving-percent": saving === null ? "" : saving.toFixed(2),
    "visualization-url": result.visualizationUrl ?? ""
  });
  if (verdict) {
    Object.assign(outputs, {
      verdict: verdict.level,
      "cost-delta-percent": verdict.costDeltaPct === null ? "" : verdict.costDeltaPct.toFixed(2),
      "duration-delta-percent": verdict.durationDeltaPct === null ? "" : verdict.durationDeltaPct.toFixed(2),
      "monthly-cost-delta": verdict.monthlyCostDeltaUsd === null ? "" : verdict.monthlyCostDeltaUsd.toFixed(2)
    });
  }
  return outputs;
}
function tunerDepsOf(deps) {
  return {
    client: deps.client,
    logger: deps.logger,
    clock: deps.clock,
    waiterMinDelaySec: deps.waiterMinDelaySec,
    onSnapshot: deps.onSnapshot,
    ...deps.controlPlaneLimiter ? { controlPlaneLimiter: deps.controlPlaneLimiter } : {}
  };
}

export {
  INPUT_GROUPS,
  INPUTS,
  inputSpec,
  closestMatch2 as closestMatch,
  checkDataBranchNotWorking,
  parseSettings,
  runFlow,
  judgeAndReport
};
