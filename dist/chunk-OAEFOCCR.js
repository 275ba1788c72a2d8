import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  INPUTS,
  Inputs,
  REGION,
  checkAliasName,
  checkNumber,
  clamped,
  closestMatch,
  fail,
  inputSpec,
  omitUndefined,
  optionalNumber,
  parseEnum,
  parseFunctionName,
  parseFunctionNameAs,
  parseMemoryPercent,
  parsePercent,
  readProblem,
  resolvePath,
  show,
  withoutDigitGrouping,
  withoutDollar,
  withoutMs
} from "./chunk-CBEWQLWB.js";
import {
  require_dist
} from "./chunk-AQSXUJKW.js";
import {
  require_picomatch
} from "./chunk-N3JZZGTO.js";
import {
  BLOCK_INVOCATIONS,
  environmentSchedule,
  invocationsForFail,
  minFailEnvironments
} from "./chunk-BHX5YG2T.js";
import {
  ALL_POWER_VALUES_MB,
  MAX_MEMORY_MB,
  MIN_MEMORY_MB,
  minimumInvocationsForWeights
} from "./chunk-SFJ7IVIP.js";
import {
  ARTEFACT_NAMES,
  FileReadProblem,
  MAX_PAYLOAD_FILE_BYTES,
  int,
  looseObject,
  number,
  unknown
} from "./chunk-7WMIMWEW.js";
import {
  InputError
} from "./chunk-ZS2HFFQI.js";
import {
  oneLine
} from "./chunk-F67DHOCG.js";
import {
  __toESM
} from "./chunk-URRKCZFK.js";

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
function checkDataBranchName(branch, input = "baseline-branch") {
  checkBranchName(input, branch);
  if (/^(?:refs|heads|tags|remotes)\//i.test(branch) || /^head$/i.test(branch)) {
    throw fail(
      input,
      `${show(branch)} is written as a ref, not a branch name; give the plain name and ${DATA_BRANCH_HINT}`
    );
  }
  return branch;
}
function checkDataBranchNotWorking(branch, working, input = "baseline-branch") {
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
      input,
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

// src/settings/config-file.ts
var import_yaml = __toESM(require_dist(), 1);
var MAX_CONFIG_FILE_BYTES = 1024 * 1024;
var PER_FUNCTION_INPUTS = INPUTS.filter((spec) => spec.perFunction).map(
  (spec) => spec.name
);
var ENTRY_KEYS = ["name", "key", "baseline"];
var TOP_KEYS = ["defaults", "functions"];
function readConfigFile(given, ctx) {
  const resolved2 = resolvePath("config-file", given, ctx, "read");
  let text;
  try {
    text = ctx.readFile(resolved2, MAX_CONFIG_FILE_BYTES);
  } catch (error) {
    throw fail(
      "config-file",
      `cannot read ${show(given)} (${readProblem(error)}, resolved to ${resolved2}); give a YAML file inside the workspace, e.g. .github/lambda-power-gate.yml`
    );
  }
  return parseConfigText(given, text);
}
function parseConfigText(shown, text) {
  const lines = new import_yaml.LineCounter();
  const doc = (0, import_yaml.parseDocument)(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const lineOf = (node) => node?.range ? lines.linePos(node.range[0]).line : void 0;
  const problem = (where, node, detail) => {
    const line = lineOf(node);
    return fail("config-file", `${shown} ${where}${line === void 0 ? "" : ` (line ${line})`}: ${detail}`);
  };
  const [syntax] = doc.errors;
  if (syntax) {
    const { line, col } = lines.linePos(syntax.pos[0]);
    const message = syntax.message.split("\n")[0] ?? syntax.message;
    throw fail(
      "config-file",
      `${shown} is not valid YAML at line ${line}, column ${col}: ${message.replace(/\.$/, "")}; fix the YAML (docs/apps.md has a complete example)`
    );
  }
  const root = doc.contents;
  if (root === null || (0, import_yaml.isScalar)(root) && (root.value === null || root.value === "")) {
    throw fail(
      "config-file",
      `${shown} is empty; give defaults and a functions list (docs/apps.md has a complete example)`
    );
  }
  if (!(0, import_yaml.isMap)(root)) {
    throw problem(
      "top level",
      root,
      "is not a mapping; start the file with defaults: and functions: (docs/apps.md has a complete example)"
    );
  }
  const reading = {
    doc,
    at: (where, node) => {
      const line = lineOf(node);
      return line === void 0 ? where : `${where} (line ${line})`;
    },
    problem
  };
  let defaults = /* @__PURE__ */ new Map();
  let functions;
  for (const pair of root.items) {
    const key = keyText(pair.key);
    const value = resolved(doc, pair.value);
    if (key === "defaults") {
      defaults = readInputs(reading, value);
    } else if (key === "functions") {
      if (!(0, import_yaml.isSeq)(value)) {
        throw problem(
          "functions",
          value ?? pair.key,
          'is not a list; give one entry per function, each starting with "- name: <function name or ARN>"'
        );
      }
      functions = value.items.map((item, index) => readEntry(reading, resolved(doc, item), index));
      if (functions.length === 0) {
        throw problem("functions", value, 'is an empty list; add an entry per function, e.g. "- name: orders-api"');
      }
    } else {
      throw problem(key, pair.key, unknownKey(key, TOP_KEYS, "top-level keys are defaults and functions"));
    }
  }
  return functions === void 0 ? { shown, defaults } : { shown, defaults, functions };
}
function readEntry({ doc, at: located, problem }, node, index) {
  const reading = { doc, at: located, problem };
  const at = `functions[${index}]`;
  if ((0, import_yaml.isScalar)(node) && node.value !== null && typeof node.value !== "object") {
    return {
      index,
      where: located(at, node),
      name: { text: scalarText(node), where: located(at, node) },
      inputs: /* @__PURE__ */ new Map()
    };
  }
  if (!(0, import_yaml.isMap)(node)) {
    throw problem(
      at,
      node,
      `is not a mapping; give e.g. "- name: orders-api" with the function's own settings under it`
    );
  }
  const entry = { index, where: located(at, node), inputs: /* @__PURE__ */ new Map() };
  for (const pair of node.items) {
    const key = keyText(pair.key);
    if (ENTRY_KEYS.includes(key)) {
      const value = resolved(doc, pair.value);
      const where = `${at}.${key}`;
      if (!(0, import_yaml.isScalar)(value) || value.value === null || typeof value.value === "object") {
        throw problem(where, value ?? pair.key, `needs a single value, e.g. ${key}: ${ENTRY_EXAMPLES[key]}`);
      }
      entry[key] = { text: scalarText(value), where: located(where, value) };
      continue;
    }
    readInput(reading, pair, at, entry.inputs, "entry");
  }
  return entry;
}
var ENTRY_EXAMPLES = {
  name: "orders-api (a function name or ARN)",
  key: "orders (letters, digits, ., - and _)",
  baseline: "orders-api-staging (the live baseline function)"
};
function readInputs(reading, node) {
  const values = /* @__PURE__ */ new Map();
  if (node === null || (0, import_yaml.isScalar)(node) && node.value === null) return values;
  if (!(0, import_yaml.isMap)(node)) {
    throw reading.problem("defaults", node, 'is not a mapping; give input names and values, e.g. "invocations: 20"');
  }
  for (const pair of node.items) readInput(reading, pair, "defaults", values, "defaults");
  return values;
}
function readInput({ doc, at: located, problem }, pair, at, into, what) {
  const key = keyText(pair.key);
  const where = `${at}.${key}`;
  const keyNode = pair.key;
  if (!PER_FUNCTION_INPUTS.includes(key)) throw problem(where, keyNode, notPerFunction(key, what));
  const value = resolved(doc, pair.value);
  if (into.has(key)) throw problem(where, keyNode, "is given twice; give it once");
  const text = inputText(doc, key, value, (detail) => problem(where, value ?? keyNode, detail));
  into.set(key, { text, where: located(where, value ?? keyNode) });
}
function notPerFunction(key, what) {
  if (key === "function-name")
    return what === "entry" ? "is written name here; use name: <function name or ARN>" : "cannot be a default; list the functions under functions, each with name";
  if (key === "baseline-function")
    return what === "entry" ? "is written baseline here; use baseline: <the live baseline function>" : "cannot be a default: every function has its own; give each entry a baseline";
  if (what === "defaults" && (key === "name" || key === "key" || key === "baseline"))
    return `belongs to one function, not to defaults; set it in that function's entry under functions`;
  if (inputSpec(key)) {
    return `is a setting of the whole step, not of one function; set it as the step's input (with: ${key}: ...) instead`;
  }
  const candidates = what === "entry" ? [...ENTRY_KEYS, ...PER_FUNCTION_INPUTS] : PER_FUNCTION_INPUTS;
  return unknownKey(
    key,
    candidates,
    `see docs/apps.md for the keys a ${what === "entry" ? "function entry" : "defaults section"} takes`
  );
}
function unknownKey(key, candidates, otherwise) {
  const suggestion = closestMatch(key.toLowerCase(), candidates);
  return `is not a known key; ${suggestion ? `did you mean ${suggestion}?` : otherwise}`;
}
function inputText(doc, key, node, problem) {
  if (node === null || (0, import_yaml.isScalar)(node) && node.value === null) {
    throw problem(`has no value; give one (e.g. ${key}: ${inputSpec(key)?.default || "..."}), or remove the key`);
  }
  if ((0, import_yaml.isScalar)(node)) return scalarText(node);
  if (key === "payload") return JSON.stringify(node.toJS(doc, { maxAliasCount: 100 }));
  if ((0, import_yaml.isSeq)(node) && node.items.every((item) => (0, import_yaml.isScalar)(item) && item.value !== null)) {
    return node.items.map((item) => scalarText(item)).join(",");
  }
  throw problem(`is a ${(0, import_yaml.isMap)(node) ? "mapping" : "nested list"}; give a single value or a list of values`);
}
function scalarText(node) {
  if (!(0, import_yaml.isScalar)(node)) return "";
  if (typeof node.value === "string") return node.value;
  return node.source ?? String(node.value);
}
function keyText(node) {
  const key = (0, import_yaml.isScalar)(node) ? String(node.value) : String(node);
  return /^[A-Za-z0-9_.-]{1,64}$/.test(key) ? key : show(key);
}
function resolved(doc, node) {
  return (0, import_yaml.isAlias)(node) ? node.resolve(doc) ?? null : node;
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
  const resolved2 = resolvePath("payload-file", file, ctx, "read");
  let text;
  try {
    text = ctx.readFile(resolved2, MAX_PAYLOAD_FILE_BYTES);
  } catch (error) {
    if (error instanceof FileReadProblem && error.code === "ETOOBIG") {
      throw fail(
        "payload-file",
        `${show(file)} cannot be the event: ${error.message} (Lambda's limit for a synchronous invocation); use a smaller event`
      );
    }
    throw fail(
      "payload-file",
      `cannot read ${show(file)} (${readProblem(error)}, resolved to ${resolved2}); give a readable file inside the workspace`
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
var DEFAULT_INVOCATIONS_ADAPTIVE = 50;
var DEFAULT_INVOCATIONS_FIXED = 10;
var DEFAULT_SAMPLING_CONFIDENCE_TEXT = "0.95";
function samplingMode(inputs) {
  if (inputs.isGiven("sampling")) {
    return parseEnum("sampling", inputs.given("sampling"), SAMPLING_MODES, "a sampling mode");
  }
  if (inputs.boolean("only-cold-starts") || inputs.isGiven("baseline-function")) return "fixed";
  if (inputs.isGiven("compare-function") || inputs.given("architectures").split(/[\s,]+/).filter(Boolean).length > 1)
    return "fixed";
  const invocations = Number(withoutDigitGrouping(inputs.given("invocations")));
  if (inputs.isGiven("invocations") && Number.isFinite(invocations) && invocations < ADAPTIVE_USEFUL_FROM) {
    return "fixed";
  }
  return "adaptive";
}
function parseTuning(inputs, ctx, warnings) {
  const fn = parseFunctionNameAs("function-name", inputs.given("function-name"), true);
  const endpoint = parseEndpoint(inputs.given("endpoint"));
  const region = resolveRegion(inputs.given("region"), fn, ctx.env, endpoint);
  const powerValuesMb = parsePowerValues(inputs.value("power-values"), warnings);
  const sampling = samplingMode(inputs);
  const invocationsText = inputs.given("invocations") || String(sampling === "adaptive" ? DEFAULT_INVOCATIONS_ADAPTIVE : DEFAULT_INVOCATIONS_FIXED);
  const invocationsPerValue = checkNumber(
    "invocations",
    invocationsText,
    int().min(1),
    "",
    `use a whole number of invocations per memory size, 1 or more (the default: ${DEFAULT_INVOCATIONS_ADAPTIVE} with sampling adaptive, ${DEFAULT_INVOCATIONS_FIXED} with fixed)`
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
  if (sampling === "adaptive" && onlyColdStarts) {
    throw fail(
      "sampling",
      "adaptive does not work with only-cold-starts true (every cold start needs a version prepared in advance); set sampling to fixed or only-cold-starts to false"
    );
  }
  const samplingConfidence = checkNumber(
    "sampling-confidence",
    inputs.given("sampling-confidence") || DEFAULT_SAMPLING_CONFIDENCE_TEXT,
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
  const autoOptimize = inputs.boolean("auto-optimize");
  const autoOptimizeAliasText = inputs.given("auto-optimize-alias");
  if (autoOptimizeAliasText !== "" && !autoOptimize) {
    throw fail(
      "auto-optimize-alias",
      `${show(autoOptimizeAliasText)} is only used with auto-optimize true; set auto-optimize to true or remove auto-optimize-alias`
    );
  }
  const autoOptimizeAlias = autoOptimizeAliasText === "" ? void 0 : checkAliasName("auto-optimize-alias", autoOptimizeAliasText);
  const dryRun = inputs.boolean("dry-run");
  if (dryRun && autoOptimize) {
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
  const monthlyInvocationsAuto = monthlyInvocationsText.trim().toLowerCase() === "auto";
  const monthlyInvocations = monthlyInvocationsAuto ? DEFAULT_MONTHLY_INVOCATIONS : checkNumber(
    "monthly-invocations",
    withoutDigitGrouping(monthlyInvocationsText),
    int().min(0),
    "",
    "use a whole number of invocations per month, 0 or more, e.g. 1000000, or auto (the last 30 days of usage-function in CloudWatch)",
    monthlyInvocationsText
  );
  const usageFunctionText = inputs.given("usage-function");
  const usageFunction = usageFunctionText === "" ? void 0 : parseUsageFunction(usageFunctionText);
  const coldStartRateAuto = inputSpec("cold-start-rate") !== void 0 && /^auto$/i.test(inputs.given("cold-start-rate"));
  if (usageFunction !== void 0 && !monthlyInvocationsAuto && !coldStartRateAuto) {
    warnings.push(
      "Input 'usage-function': has no effect without monthly-invocations auto or cold-start-rate auto, which read its traffic"
    );
  }
  const coldStartRate = parseColdStartRate(inputs.value("cold-start-rate"));
  const { architectures, compareFunction } = parseArchitectures(inputs, fn.functionName);
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
    autoOptimize,
    autoOptimizeAlias,
    dryRun,
    logPayloads,
    resultsPath,
    timeoutMinutes,
    monthlyInvocations,
    monthlyInvocationsAuto: monthlyInvocationsAuto ? true : void 0,
    usageFunction,
    coldStartRate,
    // Absent means fixed: results and settings from before adaptive sampling read the same.
    sampling: sampling === "adaptive" ? sampling : void 0,
    samplingConfidence: sampling === "adaptive" ? samplingConfidence : void 0,
    maxMemoryUsedPct: parseMemoryPercent(inputs, "max-memory-used-percent"),
    architectures,
    compareFunction
  });
}
var ARCHITECTURES = ["x86_64", "arm64"];
function parseArchitectures(inputs, functionName) {
  const text = inputs.given("architectures").trim();
  const listed = [];
  for (const item of text === "" ? [] : text.split(/[\s,]+/).filter(Boolean)) {
    const architecture = parseEnum("architectures", item, ARCHITECTURES, "an architecture");
    if (listed.includes(architecture))
      throw fail("architectures", `lists ${architecture} twice; use x86_64,arm64 for both, or one of them`);
    listed.push(architecture);
  }
  const compareText = inputs.given("compare-function").trim();
  const compareFunction = compareText === "" ? void 0 : parseCompareFunction(compareText, functionName);
  if (compareFunction !== void 0 && listed.length === 1) {
    throw fail(
      "compare-function",
      `tunes a second architecture, but architectures lists only ${listed[0]}; set architectures to x86_64,arm64 or leave it empty`
    );
  }
  if (compareFunction !== void 0) return { architectures: [...ARCHITECTURES], compareFunction };
  if (listed.length === 2) return { architectures: [...ARCHITECTURES] };
  return listed.length === 1 ? { architectures: listed } : {};
}
function parseCompareFunction(text, functionName) {
  const parsed = parseFunctionNameAs("compare-function", text, false);
  if (parsed.qualifier !== void 0) {
    throw fail(
      "compare-function",
      `${show(text)} has a qualifier (:${parsed.qualifier}), but tuning measures new versions of $LATEST; give the name alone, e.g. ${parsed.name}`
    );
  }
  if (parsed.functionName === functionName || parsed.name === functionName) {
    throw fail(
      "compare-function",
      `${show(text)} is function-name itself; name the deployment built for the other architecture`
    );
  }
  return parsed.functionName;
}
var DEFAULT_MONTHLY_INVOCATIONS = 1e6;
function parseUsageFunction(text) {
  const parsed = parseFunctionNameAs("usage-function", text, false);
  if (parsed.qualifier !== void 0) {
    throw fail(
      "usage-function",
      `${show(text)} has a qualifier (:${parsed.qualifier}), but CloudWatch counts a function's invocations across all its versions and aliases; give the name alone, e.g. ${parsed.name}`
    );
  }
  return parsed.functionName;
}
function parseColdStartRate(text) {
  if (text.trim().toLowerCase() === "auto") return "auto";
  const percent = checkNumber(
    "cold-start-rate",
    text.replace(/\s*%$/, ""),
    number().min(0).max(100),
    "%",
    "use a percent of invocations from 0 to 100, such as 1 or 1% (the default), or auto",
    text
  );
  return percent / 100;
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

// src/settings/gate.ts
var DURATION_STATISTICS = [
  "mean",
  "p50",
  "p90",
  "p95",
  "p99"
];
var DEFAULT_LIVE_MAX_INIT_DURATION_INCREASE_PCT = 20;
var DEFAULT_WARN_MEMORY_USED_PCT = 80;
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
  const { dashboard, dashboardBranch } = parseDashboard(inputs, baselineBranch);
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
  const trendText = inputs.value("trend-runs").trim().toLowerCase();
  const trendRuns = trendText === "off" ? 0 : checkNumber(
    "trend-runs",
    trendText,
    int().min(0).max(12),
    "",
    "use a whole number of runs from 1 to 12, or off"
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
  const maxInitDurationMs = optionalNumber(
    inputs,
    "max-init-duration-ms",
    number().positive(),
    withoutMs,
    " ms",
    "use an Init Duration in milliseconds above 0, e.g. 800"
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
  const maxMemoryUsedPct = tuning.maxMemoryUsedPct;
  const warnMemoryUsedPct = inputs.isGiven("warn-memory-used-percent") ? parseMemoryPercent(inputs, "warn-memory-used-percent") : maxMemoryUsedPct === void 0 ? DEFAULT_WARN_MEMORY_USED_PCT : Math.min(DEFAULT_WARN_MEMORY_USED_PCT, maxMemoryUsedPct);
  if (warnMemoryUsedPct !== void 0 && maxMemoryUsedPct !== void 0 && warnMemoryUsedPct > maxMemoryUsedPct) {
    throw fail(
      "warn-memory-used-percent",
      `${warnMemoryUsedPct}% is above max-memory-used-percent (${maxMemoryUsedPct}%), and a warning level must not exceed the failure level; lower warn-memory-used-percent or raise max-memory-used-percent`
    );
  }
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
  const initGiven = inputs.isGiven("max-init-duration-increase") || inputs.isGiven("warn-init-duration-increase");
  const initEnvironments = environmentsPerFunction(baselineSource, maxInvocations, tuning);
  const maxInitDurationIncreasePct = inputs.isGiven("max-init-duration-increase") ? parsePercent(inputs, "max-init-duration-increase") : baselineSource === "function" && !tuning.onlyColdStarts && initEnvironments >= minSamples ? DEFAULT_LIVE_MAX_INIT_DURATION_INCREASE_PCT : void 0;
  const warnInitDurationIncreasePct = warnLevel(
    inputs,
    "warn-init-duration-increase",
    "max-init-duration-increase",
    maxInitDurationIncreasePct
  );
  if (initGiven && (maxInitDurationIncreasePct !== void 0 || warnInitDurationIncreasePct !== void 0))
    checkInitEvidence(baselineSource, maxInvocations, minSamples, tuning, warnings);
  const failOnRegression = inputs.boolean("fail-on-regression");
  const baselineFullCurve = inputs.boolean("baseline-full-curve");
  return omitUndefined({
    baselineSource,
    baselineFile,
    baselineBranch,
    baselineFunction,
    dashboard,
    dashboardBranch,
    key,
    historyLimit,
    trendRuns,
    maxCostIncreasePct,
    maxDurationIncreasePct,
    warnCostIncreasePct,
    warnDurationIncreasePct,
    maxInitDurationIncreasePct,
    warnInitDurationIncreasePct,
    maxCostPerInvocationUsd,
    maxDurationMs,
    maxInitDurationMs,
    maxDurationStatistic,
    maxMonthlyCostIncreaseUsd,
    maxMemoryUsedPct,
    warnMemoryUsedPct,
    confidence,
    minSamples,
    minDurationChangeMs,
    maxInvocations,
    ...baselineFullCurve ? { baselineFullCurve } : {},
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
function environmentsPerFunction(source, maxInvocations, tuning) {
  return source === "function" ? environmentSchedule(maxInvocations, tuning.invocationsPerValue).at(-1) ?? 1 : 1;
}
function checkInitEvidence(source, maxInvocations, minSamples, tuning, warnings) {
  if (tuning.onlyColdStarts || source === "none") return;
  const environments = environmentsPerFunction(source, maxInvocations, tuning);
  if (environments >= minSamples) return;
  const why = source === "function" ? `gate-max-invocations ${maxInvocations === 0 ? "0 (off)" : maxInvocations} gives each function at most ${environments} execution environment${environments === 1 ? "" : "s"}` : "a stored baseline holds one cold start per memory size";
  const planned = source !== "function" && tuning.sampling === "adaptive" ? DEFAULT_INVOCATIONS_FIXED : tuning.invocationsPerValue;
  warnings.push(
    `Input 'max-init-duration-increase': ${why}, under min-samples (${minSamples}) cold starts, so no Init Duration change can be called significant; use baseline-function with gate-max-invocations of at least ${planned + (minSamples - 1) * BLOCK_INVOCATIONS}, or only-cold-starts`
  );
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
function parseDashboard(inputs, baselineBranch) {
  const dashboard = inputs.boolean("dashboard");
  const given = inputs.isGiven("dashboard-branch") ? checkDataBranchName(inputs.given("dashboard-branch"), "dashboard-branch") : void 0;
  if (dashboard && baselineBranch === void 0)
    throw fail(
      "dashboard",
      "needs baseline-branch: the page charts the runs stored there; set baseline-branch: lambda-power-gate-data"
    );
  if (!dashboard && given !== void 0)
    throw fail("dashboard-branch", "is only used with dashboard: true; set dashboard: true or remove it");
  return dashboard ? { dashboard, dashboardBranch: given ?? baselineBranch } : { dashboard };
}

// src/settings/report.ts
var import_picomatch = __toESM(require_picomatch(), 1);
import { isAbsolute, resolve } from "node:path";
var MODES = ["tune", "comment-only", "aggregate", "prune"];
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
  if (mode === "aggregate" && inputs.isGiven("results-file")) {
    throw fail(
      "results-file",
      "is for mode comment-only; with mode aggregate list the shards' files in results-files, e.g. shards/*/results.json"
    );
  }
  if (mode === "aggregate" && !inputs.isGiven("results-files")) {
    throw fail(
      "results-files",
      "is required with mode aggregate; list the shards' results.json files, one path or glob per line, e.g. shards/*/results.json"
    );
  }
  if (mode !== "aggregate" && inputs.isGiven("results-files")) {
    throw fail(
      "results-files",
      `is only used with mode aggregate, but mode is ${mode}; remove it, or set mode: aggregate in the matrix's last job`
    );
  }
  const resultsFiles = mode === "aggregate" ? parseResultsFiles(inputs.given("results-files"), ctx) : void 0;
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
  const { pruneKeep, pruneDryRun } = parsePrune(inputs, mode);
  const acceptLabel = parseAcceptLabel(inputs.value("accept-label"));
  const suggestMinSavingPct = parsePercent(inputs, "suggest-min-saving");
  return omitUndefined({
    mode,
    resultsFile,
    resultsFiles,
    pullRequest,
    commentMode,
    githubToken,
    summary,
    acceptLabel,
    suggestMinSavingPct,
    pruneKeep,
    pruneDryRun
  });
}
var DATA_BRANCH_SEGMENT = /^[A-Za-z0-9._-]{1,128}$/;
function parsePrune(inputs, mode) {
  for (const name of ["prune-keep", "prune-dry-run"])
    if (mode !== "prune" && inputs.isGiven(name))
      throw fail(name, `is only used with mode prune, but mode is ${mode}; remove it, or set mode: prune`);
  if (mode !== "prune") return {};
  if (!inputs.isGiven("baseline-branch"))
    throw fail(
      "baseline-branch",
      "is required with mode prune; name the data branch to prune, e.g. lambda-power-gate-data"
    );
  const pruneKeep = inputs.given("prune-keep").split(/[\n,]/).map((entry) => entry.trim()).filter((entry) => entry !== "");
  for (const entry of pruneKeep) {
    const parts = entry.split("/");
    if (parts.length > 2 || parts.some((part) => !DATA_BRANCH_SEGMENT.test(part) || part === "." || part === ".."))
      throw fail(
        "prune-keep",
        `${show(entry)} is not a key on the data branch; use a key (letters, digits, '.', '-', '_') or app-key/function-key`
      );
  }
  const pruneDryRun = inputs.boolean("prune-dry-run");
  if (!pruneDryRun && pruneKeep.length === 0)
    throw fail(
      "prune-keep",
      "is required with prune-dry-run false: pruning deletes stored runs for good, so list the keys to keep (run with the default prune-dry-run true first to see what would go)"
    );
  return { pruneKeep, pruneDryRun };
}
var MAX_LABEL_CHARS = 50;
function parseAcceptLabel(text) {
  if (text === "" || ["off", "none"].includes(text.toLowerCase())) return void 0;
  if ([...text].length > MAX_LABEL_CHARS)
    throw fail(
      "accept-label",
      `${show(text)} is longer than GitHub's ${MAX_LABEL_CHARS} characters for a label name; use a shorter label, or off`
    );
  if (/[\r\n]/.test(text)) throw fail("accept-label", "is one label name on one line; or off");
  return text;
}
function parseResultsFiles(text, ctx) {
  const workspace = ctx.env["GITHUB_WORKSPACE"] || ctx.cwd;
  const files = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) return;
    const where = `line ${index + 1}: `;
    if (!import_picomatch.default.scan(line).isGlob && !/[*?[\]{}()!]/.test(line)) {
      try {
        files.push(resolvePath("results-files", line, ctx, "read"));
      } catch (error) {
        throw relabelLine(error, where);
      }
      return;
    }
    try {
      import_picomatch.default.makeRe(line, { strictBrackets: true });
    } catch (error) {
      throw fail(
        "results-files",
        `${where}${show(line)} is not a valid glob (${error instanceof Error ? error.message : String(error)}); e.g. shards/*/results.json`
      );
    }
    if (isAbsolute(line) || line.split(/[\\/]/).includes("..")) {
      throw fail(
        "results-files",
        `${where}${show(line)} reaches outside the workspace (${isAbsolute(line) ? "an absolute path" : "it climbs out with .."}); give a glob relative to the workspace, e.g. shards/*/results.json`
      );
    }
    files.push(resolve(workspace, line));
  });
  if (files.length === 0) {
    throw fail("results-files", "lists no file (only blank lines or comments); give e.g. shards/*/results.json");
  }
  return [...new Set(files)];
}
function relabelLine(error, where) {
  if (!(error instanceof Error) || !error.message.startsWith("Input 'results-files': ")) return error;
  return fail("results-files", where + error.message.slice("Input 'results-files': ".length));
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

// src/settings/stack.ts
var import_picomatch2 = __toESM(require_picomatch(), 1);
var STACK_NAME = /^[A-Za-z][A-Za-z0-9-]{0,127}$/;
var STACK_ARN = /^arn:aws(?:-[a-z]+)*:cloudformation:([a-z]{2}(?:-[a-z]+)+-\d{1,2}):(\d{12}):stack\/([^/]+)\/[A-Za-z0-9-]+$/;
function parseStackName(input, text) {
  const arn = STACK_ARN.exec(text);
  if (arn) {
    const [, region = "", accountId = "", name = ""] = arn;
    if (!STACK_NAME.test(name)) throw badStack(input, text);
    return { stackName: text, name, region, accountId };
  }
  if (text.startsWith("arn:")) {
    throw fail(
      input,
      `${show(text)} is not a CloudFormation stack ARN; use arn:aws:cloudformation:<region>:<12-digit account>:stack/<name>/<id>, or the stack's name alone`
    );
  }
  if (!STACK_NAME.test(text)) throw badStack(input, text);
  return { stackName: text, name: text };
}
function badStack(input, text) {
  return fail(
    input,
    `${show(text)} is not a CloudFormation stack name; use the stack's name (letters, digits and hyphens, starting with a letter, up to 128), e.g. orders-pr-42, as sam deploy --stack-name or cdk deploy named it`
  );
}
function parseLogicalIdGlobs(input, text) {
  const globs = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    for (const item of splitOutsideBraces(line)) {
      const glob = item.trim();
      if (glob === "") {
        throw fail(
          input,
          `${show(line)} has an empty item between commas; give one glob per line or separated by commas`
        );
      }
      try {
        import_picomatch2.default.makeRe(glob, { strictBrackets: true });
      } catch (error) {
        throw fail(
          input,
          `${show(glob)} is not a valid glob (${error instanceof Error ? error.message : String(error)}); e.g. Orders*, *Api or {Orders,Users}Function`
        );
      }
      const outsideClasses = glob.replace(/\[[^\]]*\]/g, "");
      const stray = /[-_/:.]/.exec(outsideClasses);
      if (stray) {
        throw fail(
          input,
          `${show(glob)} has ${show(stray[0])}, which no logical id has (they are letters and digits, e.g. OrdersFunction); match the template's logical ids, not the deployed function names`
        );
      }
      globs.push(glob);
    }
  }
  return [...new Set(globs)];
}
function splitOutsideBraces(line) {
  const items = [];
  let depth = 0;
  let current = "";
  for (const char of line) {
    if (char === "{" || char === "(" || char === "[") depth++;
    else if ((char === "}" || char === ")" || char === "]") && depth > 0) depth--;
    if (char === "," && depth === 0) {
      items.push(current);
      current = "";
    } else {
      current += char;
    }
  }
  items.push(current);
  return items;
}

// src/settings/app.ts
var DEFAULT_PARALLEL_FUNCTIONS = 4;
var MAX_PARALLEL_FUNCTIONS = 20;
var DEFAULT_APP_KEY = "app";
var EXCLUSIVE = [
  ["payload", "payload-file"],
  ["baseline-function", "baseline-file", "baseline-branch"]
];
var STAND_IN_FUNCTION = "stack-function";
var STAND_IN_BASELINE = "stack-baseline-function";
function parseAppSettings(read, ctx) {
  const inputs = new Inputs(read);
  const mode = inputs.value("mode").trim().toLowerCase();
  const parallelFunctions = checkNumber(
    "parallel-functions",
    inputs.value("parallel-functions"),
    int().min(1).max(MAX_PARALLEL_FUNCTIONS),
    "",
    `use a whole number of functions from 1 to ${MAX_PARALLEL_FUNCTIONS} (${DEFAULT_PARALLEL_FUNCTIONS} is the default)`
  );
  const measureUnchanged = inputs.boolean("measure-unchanged");
  const given = {
    functionName: inputs.isGiven("function-name"),
    functions: inputs.isGiven("functions"),
    configFile: inputs.isGiven("config-file"),
    stackName: inputs.isGiven("stack-name")
  };
  for (const name of ["baseline-stack-name", "include-functions", "exclude-functions"]) {
    if (inputs.isGiven(name) && !given.stackName) {
      throw fail(
        name,
        "is only used with stack-name; give stack-name (the stack whose functions to tune), or remove it"
      );
    }
  }
  if (given.functionName) {
    const other = ["functions", "config-file", "stack-name"].find((name) => inputs.isGiven(name));
    if (other) {
      throw fail(
        other,
        `conflicts with function-name; give one function in function-name, or every function in ${other === "config-file" ? "config-file's functions list" : other} and remove function-name`
      );
    }
    if (mode === "aggregate") {
      throw fail(
        "function-name",
        "is not used with mode aggregate, which reports an app from its shards; give the shards' functions, config-file or stack-name, or none"
      );
    }
    return oneFunction(read, ctx, inputs, parallelFunctions);
  }
  if (given.functions && given.stackName) {
    throw fail("functions", "conflicts with stack-name; list the functions in functions, or let stack-name find them");
  }
  if (inputs.isGiven("baseline-function")) {
    throw fail(
      "baseline-function",
      "pairs one function-name with its baseline; with functions write name=baseline on each line, in config-file give each entry a baseline, with stack-name use baseline-stack-name"
    );
  }
  const config = given.configFile ? readConfigFile(inputs.given("config-file"), ctx) : void 0;
  if (config?.functions && given.functions) {
    throw fail(
      "config-file",
      `${config.shown} has a functions list, and the functions input is also given; list the functions in one place`
    );
  }
  const none = !given.functions && !given.stackName && !config?.functions;
  if (none && mode !== "aggregate") {
    if (config) {
      throw fail(
        "config-file",
        `${config.shown} has no functions list, and neither functions nor stack-name is given; add functions: with an entry per function (docs/apps.md)`
      );
    }
    throw fail(
      "function-name",
      "is required; give function-name (one function), functions (one per line), config-file (with a functions list) or stack-name (a CloudFormation stack)"
    );
  }
  const stack = given.stackName ? parseStack(inputs, config) : void 0;
  const appKey = inputs.isGiven("key") ? checkKey(inputs.given("key")) : stack?.parsed.name ?? DEFAULT_APP_KEY;
  const maker = new SettingsMaker(read, ctx, config);
  const warnings = [];
  const keep = (parsed) => {
    for (const warning of parsed.warnings) if (!warnings.includes(warning)) warnings.push(warning);
    return parsed.settings;
  };
  const listed = stack ? [] : given.functions ? fromLines(inputs.given("functions")) : fromEntries(config);
  checkUnique(listed);
  const functions = listed.map((item) => ({
    key: item.key,
    origin: item.origin,
    settings: keep(maker.make(item.fixed, item.entry, item.origin))
  }));
  const region = stack?.parsed.region;
  const standIn = fixedLayer({
    "function-name": listed[0]?.name ?? STAND_IN_FUNCTION,
    key: appKey,
    ...region ? { region } : {},
    ...mode === "aggregate" && none ? fallbackRegion(inputs, ctx) : {}
  });
  const shared = blank(keep(withStackRegion(stack?.parsed, () => maker.make(standIn, void 0, void 0))), appKey);
  const overrides = /* @__PURE__ */ new Map();
  if (stack) {
    const withBaseline = (fixed) => fixedLayer({
      ...fixed,
      ...stack.discovery.baselineStackName ? { "baseline-function": STAND_IN_BASELINE } : {}
    });
    if (stack.discovery.baselineStackName)
      keep(
        maker.make(
          withBaseline({ "function-name": STAND_IN_FUNCTION, key: appKey, ...region ? { region } : {} }),
          void 0,
          void 0
        )
      );
    for (const entry of config?.functions ?? []) {
      const key = entry.key?.text ?? "";
      if (overrides.has(key))
        throw configFail(
          config,
          entry.key,
          `another entry already gives overrides for ${show(key)}; merge the two entries`
        );
      overrides.set(key, entry);
      keep(
        maker.make(
          withBaseline({ "function-name": STAND_IN_FUNCTION, key, ...region ? { region } : {} }),
          entry,
          `config-file ${entryName(entry)}`
        )
      );
    }
  }
  const settingsFor = (found) => {
    const known = functions.find((item) => item.key === found.key);
    if (known) return known;
    const origin = stack ? `stack ${stack.parsed.name} ${found.key}` : `results ${found.key}`;
    const entry = overrides.get(found.key);
    const fixed = fixedLayer(
      {
        "function-name": found.functionName,
        key: found.key,
        ...found.baselineFunction ? { "baseline-function": found.baselineFunction } : {},
        ...region ? { region } : {}
      },
      origin
    );
    return { key: found.key, origin, settings: maker.make(fixed, entry, origin).settings };
  };
  return {
    app: {
      kind: "app",
      key: appKey,
      shared,
      functions,
      ...stack ? { stack: { ...stack.discovery, overrides: [...overrides.keys()] } } : {},
      measureUnchanged,
      parallelFunctions,
      settingsFor
    },
    warnings
  };
}
function oneFunction(read, ctx, inputs, parallelFunctions) {
  const { settings, warnings } = parseSettings(read, ctx);
  for (const name of ["measure-unchanged", "parallel-functions"]) {
    if (inputs.isGiven(name)) {
      warnings.push(
        `Input '${name}': has no effect with function-name alone (one function, always measured); it applies to functions, config-file and stack-name`
      );
    }
  }
  const only = { key: settings.gate.key, origin: "function-name", settings };
  return {
    app: {
      kind: "function",
      key: settings.gate.key,
      shared: settings,
      functions: [only],
      measureUnchanged: true,
      parallelFunctions,
      settingsFor: () => only
    },
    warnings
  };
}
function fromLines(text) {
  const listed = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const lineNumber = index + 1;
    const line = raw.replace(/#.*$/, "").trim();
    if (line === "") return;
    const lineFail = (detail) => fail("functions", `line ${lineNumber}: ${detail}`);
    const parts = line.split("=").map((part) => part.trim());
    if (parts.length > 2) {
      throw lineFail(
        `${show(line)} has more than one '='; write one function a line as name=baseline-function, e.g. orders-pr=orders-staging`
      );
    }
    const [name = "", baseline] = parts;
    if (name === "") throw lineFail(`${show(line)} has no function name before '='; write name=baseline-function`);
    if (baseline === "") {
      throw lineFail(
        `${show(line)} has '=' but no baseline function after it; name the baseline (e.g. ${name}=${name}-staging) or remove the '='`
      );
    }
    const parsed = relabelled(
      () => parseFunctionNameAs("function-name", name, true),
      (detail) => lineFail(detail)
    );
    const source = { kind: "line", line: lineNumber };
    const fixed = /* @__PURE__ */ new Map([
      ["function-name", { text: name, source }],
      ["key", { text: parsed.name, source }]
    ]);
    if (baseline !== void 0) fixed.set("baseline-function", { text: baseline, source });
    listed.push({
      key: parsed.name,
      origin: `functions line ${lineNumber}`,
      name,
      parsed,
      place: `line ${lineNumber}`,
      label: `line ${lineNumber}`,
      fixed,
      input: "functions"
    });
  });
  if (listed.length === 0) {
    throw fail(
      "functions",
      "lists no function (only blank lines or comments); give one name[=baseline-function] a line"
    );
  }
  return listed;
}
function fromEntries(config) {
  if (!config?.functions) return [];
  return config.functions.map((entry) => {
    if (!entry.name) {
      throw configFail(
        config,
        { text: "", where: entry.where },
        "has no name; add name: <function name or ARN> (or, with stack-name, key: <logical id>)"
      );
    }
    const name = entry.name;
    const parsed = relabelled(
      () => parseFunctionNameAs("function-name", name.text, true),
      (detail) => configFail(config, name, detail)
    );
    const key = entry.key ?? { text: parsed.name, where: name.where };
    const fixed = /* @__PURE__ */ new Map([
      ["function-name", { text: name.text, source: { kind: "config", where: `${config.shown} ${name.where}` } }],
      ["key", { text: key.text, source: { kind: "config", where: `${config.shown} ${key.where}` } }]
    ]);
    if (entry.baseline) {
      fixed.set("baseline-function", {
        text: entry.baseline.text,
        source: { kind: "config", where: `${config.shown} ${entry.baseline.where}` }
      });
    }
    return {
      key: key.text,
      origin: `config-file ${entryName(entry)}`,
      name: name.text,
      parsed,
      place: `${config.shown} ${entry.where}`,
      label: entry.where,
      fixed,
      entry,
      input: "config-file"
    };
  });
}
function checkUnique(listed) {
  const seen = /* @__PURE__ */ new Map();
  for (const item of listed) {
    const earlier = [...seen.values()].find((other) => sameFunction(other.parsed, item.parsed));
    if (earlier) {
      throw fail(
        item.input,
        `${item.place}: ${show(item.name)} is the same function as ${earlier.label} (${show(earlier.name)}); list each function once`
      );
    }
    const clash = seen.get(item.key);
    if (clash) {
      throw fail(
        item.input,
        `${item.place}: key ${show(item.key)} is already the key of ${clash.label} (${show(clash.name)}); ${item.input === "functions" ? "a line's key is its function name, so list such functions in config-file, each with its own key" : "give each function its own key"}`
      );
    }
    seen.set(item.key, item);
  }
}
function sameFunction(a, b) {
  const agree = (x, y) => x === void 0 || y === void 0 || x === y;
  return a.name === b.name && (a.qualifier ?? "") === (b.qualifier ?? "") && agree(a.accountId, b.accountId) && agree(a.region, b.region);
}
function parseStack(inputs, config) {
  const parsed = parseStackName("stack-name", inputs.given("stack-name"));
  const base = inputs.isGiven("baseline-stack-name") ? parseStackName("baseline-stack-name", inputs.given("baseline-stack-name")) : void 0;
  if (base && base.name === parsed.name && (base.region ?? "") === (parsed.region ?? "")) {
    throw fail(
      "baseline-stack-name",
      `${show(base.stackName)} is stack-name itself; give the base branch's own stack (e.g. the staging stack) so the pull request is compared with something else`
    );
  }
  if (parsed.region && inputs.isGiven("region") && inputs.given("region") !== parsed.region) {
    throw fail(
      "region",
      `${inputs.given("region")} differs from the region in stack-name's ARN (${parsed.region}); leave region empty or set it to ${parsed.region}`
    );
  }
  for (const entry of config?.functions ?? []) {
    if (entry.name) {
      throw configFail(
        config,
        entry.name,
        "names a function, but stack-name gives the functions; with stack-name an entry gives overrides to the function of one logical id: write key: <logical id> instead of name"
      );
    }
    if (entry.baseline) {
      throw configFail(
        config,
        entry.baseline,
        "is not used with stack-name, where each function's baseline is its twin in baseline-stack-name; remove it"
      );
    }
    if (!entry.key) {
      throw configFail(
        config,
        { text: "", where: entry.where },
        "has no key; with stack-name each entry names the logical id it overrides, e.g. key: OrdersFunction"
      );
    }
    if (!/^[A-Za-z0-9]{1,128}$/.test(entry.key.text)) {
      throw configFail(
        config,
        entry.key,
        `${show(entry.key.text)} is not a logical id (letters and digits, as in the template's Resources, e.g. OrdersFunction)`
      );
    }
  }
  const discovery = {
    stackName: parsed.stackName,
    ...base ? { baselineStackName: base.stackName } : {},
    include: parseLogicalIdGlobs("include-functions", inputs.given("include-functions")),
    exclude: parseLogicalIdGlobs("exclude-functions", inputs.given("exclude-functions"))
  };
  return { parsed, discovery };
}
var SettingsMaker = class {
  constructor(read, ctx, config) {
    this.read = read;
    this.ctx = ctx;
    this.config = config;
    this.defaults = config ? configLayer(config, config.defaults) : /* @__PURE__ */ new Map();
  }
  read;
  ctx;
  config;
  defaults;
  /** origin: the function, for messages about a step input that fails only for it; undefined for the shared settings. */
  make(fixed, entry, origin) {
    const layers = [fixed, ...entry && this.config ? [configLayer(this.config, entry.inputs)] : [], this.defaults];
    const sourceOf = (name) => {
      const layer = layerFor(layers, name);
      return layer?.get(name)?.source ?? (layer ? sourceOfGroup(layer, name) : { kind: "step" });
    };
    const read = (name) => {
      const layer = layerFor(layers, name);
      return layer ? layer.get(name)?.text ?? "" : this.read(name);
    };
    let parsed;
    try {
      parsed = parseSettings(read, this.ctx);
    } catch (error) {
      if (error instanceof InputError) throw relabel(error.input, error.message, sourceOf, origin);
      throw error;
    }
    const warnings = parsed.warnings.map((warning) => {
      const input = /^Input '([^']+)': /.exec(warning)?.[1];
      return input && sourceOf(input).kind !== "step" ? relabel(input, warning, sourceOf, origin).message : warning;
    });
    return { settings: parsed.settings, warnings };
  }
};
function layerFor(layers, name) {
  const group = EXCLUSIVE.find((members) => members.includes(name)) ?? [name];
  return layers.find((layer) => group.some((member) => layer.has(member)));
}
function sourceOfGroup(layer, name) {
  const group = EXCLUSIVE.find((members) => members.includes(name)) ?? [name];
  const giver = group.map((member) => layer.get(member)).find((value) => value !== void 0);
  return giver?.source ?? { kind: "step" };
}
function relabel(input, message, sourceOf, origin) {
  const source = sourceOf(input);
  const detail = message.replace(/^Input '[^']*': /, "").replace("is function-name itself", source.kind === "step" ? "is function-name itself" : "is the function itself");
  switch (source.kind) {
    case "config":
      return fail("config-file", `${source.where}: ${detail}`);
    case "line":
      return fail("functions", `line ${source.line}: ${detail}`);
    case "fixed":
      return fail(input, `for ${source.origin}: ${detail}`);
    case "step":
      return origin ? fail(input, `for ${origin}: ${detail}`) : new InputError(input, message);
  }
}
function fixedLayer(values, origin = "the shared settings") {
  return new Map(
    Object.entries(values).map(([name, text]) => [name, { text, source: { kind: "fixed", origin } }])
  );
}
function configLayer(config, values) {
  return new Map(
    [...values].map(([name, value]) => [
      name,
      { text: value.text, source: { kind: "config", where: `${config.shown} ${value.where}` } }
    ])
  );
}
function configFail(config, value, detail) {
  return fail("config-file", `${config?.shown ?? "the file"} ${value?.where ?? "functions"}: ${detail}`);
}
function entryName(entry) {
  const label = entry.key?.text ?? entry.name?.text;
  return `functions[${entry.index}]${label ? ` (${label})` : ""}`;
}
function relabelled(run, wrap) {
  try {
    return run();
  } catch (error) {
    if (error instanceof InputError) throw wrap(error.message.replace(/^Input '[^']*': /, ""));
    throw error;
  }
}
function withStackRegion(stack, run) {
  try {
    return run();
  } catch (error) {
    if (!stack || !(error instanceof InputError) || error.input !== "region" || !/is required/.test(error.message))
      throw error;
    throw fail(
      "region",
      "is required with stack-name: it is not given, stack-name is not a stack ARN, and neither AWS_REGION nor AWS_DEFAULT_REGION is set; set region (e.g. us-east-1) or give stack-name as the stack ARN"
    );
  }
}
function blank(settings, appKey) {
  const { qualifier: _qualifier, ...tuning } = settings.tuning;
  void _qualifier;
  return { ...settings, tuning: { ...tuning, functionName: "" }, gate: { ...settings.gate, key: appKey } };
}
function fallbackRegion(inputs, ctx) {
  const known = inputs.isGiven("region") || inputs.isGiven("endpoint") || ctx.env["AWS_REGION"]?.trim() || ctx.env["AWS_DEFAULT_REGION"]?.trim();
  return known ? {} : { region: "us-east-1" };
}

export {
  checkDataBranchNotWorking,
  parseAppSettings,
  parseSettings
};
