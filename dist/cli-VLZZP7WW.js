import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  TOOL_VERSION
} from "./chunk-2PNDXB25.js";
import {
  cancellation
} from "./chunk-LYF5N7UT.js";
import {
  parseAppSettings
} from "./chunk-OAEFOCCR.js";
import {
  INPUTS,
  INPUT_GROUPS,
  closestMatch,
  inputSpec
} from "./chunk-CBEWQLWB.js";
import "./chunk-AQSXUJKW.js";
import "./chunk-N3JZZGTO.js";
import "./chunk-BHX5YG2T.js";
import "./chunk-SFJ7IVIP.js";
import {
  readBoundedText
} from "./chunk-7WMIMWEW.js";
import {
  progressThrottle
} from "./chunk-BW7SGPVE.js";
import {
  InputError,
  messageOf
} from "./chunk-ZS2HFFQI.js";
import "./chunk-F67DHOCG.js";
import {
  commandSafeLines,
  inertText,
  newStopToken
} from "./chunk-TM45P2KR.js";
import {
  createLambdaClient,
  waiterMinDelaySecFor
} from "./chunk-E2YF5ZCC.js";
import "./chunk-JZLVYQGD.js";
import "./chunk-UFSOI34G.js";
import "./chunk-CPWGUBW5.js";
import "./chunk-6V3TR7RY.js";
import "./chunk-XRQJGBVU.js";
import "./chunk-6OKLDQKZ.js";
import "./chunk-CZKNJPBW.js";
import "./chunk-W2SSH364.js";
import "./chunk-JF2LMDTB.js";
import "./chunk-EMDC3MXH.js";
import "./chunk-YEL3YNNT.js";
import "./chunk-JK6TZCBJ.js";
import "./chunk-ZEAXL7OW.js";
import "./chunk-WGY342LC.js";
import "./chunk-URRKCZFK.js";

// src/cli-args.ts
import { parseArgs } from "node:util";
var CLI_NAME = "lambda-power-gate";
var COMMANDS = ["tune", "init", "help", "version"];
var BOOLEAN_WORDS = /* @__PURE__ */ new Set(["true", "false", "yes", "no", "1", "0"]);
var HELP_FLAGS = /* @__PURE__ */ new Set(["--help", "-h"]);
var VERSION_FLAGS = /* @__PURE__ */ new Set(["--version", "-v", "-V"]);
var OPTIONS = Object.fromEntries(
  INPUTS.map((spec) => [spec.name, { type: spec.boolean ? "boolean" : "string" }])
);
function parseCliArgs(argv) {
  const [first] = argv;
  if (first === void 0) return { command: "help", inputs: {} };
  let command = "tune";
  let flags = argv;
  if (!first.startsWith("-")) {
    command = parseCommand(first);
    if (command !== "tune") return { command, inputs: {} };
    flags = argv.slice(1);
  }
  const { tokens = [] } = parseArgs({
    args: flags,
    options: OPTIONS,
    strict: false,
    allowPositionals: true,
    tokens: true
  });
  const inputs = {};
  let wantsHelp = false;
  let wantsVersion = false;
  const set = (name, value) => {
    if (Object.hasOwn(inputs, name)) {
      if (inputSpec(name)?.repeatable) {
        inputs[name] = `${inputs[name]}
${value}`;
        return;
      }
      throw new InputError(name, `Flag --${name} is given twice; give it once`);
    }
    inputs[name] = value;
  };
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if (token === void 0) continue;
    if (token.kind === "option-terminator") throw unknownFlag("", "--");
    if (token.kind === "positional") {
      if (token.value === "-") throw unknownFlag("", "-");
      throw new InputError(
        token.value,
        `Unexpected argument ${JSON.stringify(token.value)}; give values after a flag, as --name value or --name=value (see ${CLI_NAME} help)`
      );
    }
    const given = flags[token.index] ?? token.rawName;
    if (HELP_FLAGS.has(given)) {
      wantsHelp = true;
      continue;
    }
    if (VERSION_FLAGS.has(given)) {
      wantsVersion = true;
      continue;
    }
    if (!given.startsWith("--")) throw unknownFlag(given.replace(/^-+/, ""), given);
    const spec = inputSpec(token.name);
    if (!spec) {
      const negated = token.name.startsWith("no-") ? inputSpec(token.name.slice(3)) : void 0;
      if (negated?.boolean && token.value === void 0) {
        set(negated.name, "false");
        continue;
      }
      throw unknownFlag(token.name, given);
    }
    if (spec.boolean) {
      const next = booleanWordAfter(token, tokens[index + 1]);
      if (next !== void 0) index++;
      set(spec.name, token.value ?? next ?? "true");
      continue;
    }
    if (token.value === void 0 || !token.inlineValue && token.value.startsWith("--")) {
      throw new InputError(
        spec.name,
        `Flag --${spec.name} needs a value, e.g. --${spec.name} <${spec.valueName ?? "value"}> or --${spec.name}=<${spec.valueName ?? "value"}>`
      );
    }
    set(spec.name, token.value);
  }
  if (wantsHelp) return { command: "help", inputs: {} };
  if (wantsVersion) return { command: "version", inputs: {} };
  return { command, inputs };
}
function booleanWordAfter(flag, next) {
  if (flag.kind !== "option" || flag.value !== void 0 || next?.kind !== "positional" || next.index !== flag.index + 1)
    return void 0;
  return BOOLEAN_WORDS.has(next.value.toLowerCase()) ? next.value : void 0;
}
function parseCommand(word) {
  const command = COMMANDS.find((candidate) => candidate === word);
  if (command) return command;
  const suggestion = closestMatch(word, COMMANDS);
  throw new InputError(
    "command",
    `Unknown command ${JSON.stringify(word)}${suggestion ? ` (did you mean ${suggestion}?)` : ""}; commands are ${COMMANDS.join(", ")}`
  );
}
function unknownFlag(name, given) {
  const candidates = [...INPUTS.map((spec) => spec.name), "help", "version"];
  const suggestion = closestMatch(name.toLowerCase(), candidates);
  return new InputError(
    name,
    `Unknown flag ${given}${suggestion ? `; did you mean --${suggestion}?` : ""} (run ${CLI_NAME} help for every flag)`
  );
}
var WIDTH = 100;
var ENVIRONMENT = [
  ["AWS_REGION, AWS_DEFAULT_REGION", "The region when --region is not given and --function-name is not a full ARN."],
  [
    "AWS_PROFILE, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN",
    "Credentials, read by the AWS SDK's default provider chain (any of its sources work)."
  ],
  ["GITHUB_TOKEN", "Token for the pull request comment and the baseline branch when --github-token is not given."],
  [
    "GITHUB_WORKSPACE",
    "Base directory for relative paths (results-path, payload-file, baseline-file); else the current directory."
  ]
];
function helpText() {
  const flag = (spec) => `--${spec.name}${spec.boolean ? "" : ` <${spec.valueName ?? "value"}>`}`;
  const flagWidth = Math.max(...INPUTS.map((spec) => flag(spec).length)) + 4;
  const lines = [
    `${CLI_NAME}: tune an AWS Lambda function's memory, compare cost and speed with a baseline, and fail on regressions.`,
    "",
    "Usage:",
    `  ${CLI_NAME} tune --function-name <name|arn> [flags]`,
    `  ${CLI_NAME} tune --functions <name[=baseline]> [--functions ...] | --config-file <path> | --stack-name <stack> [flags]`,
    `  ${CLI_NAME} init --function <name> --region <region>   (writes a GitHub workflow; init --help)`,
    `  ${CLI_NAME} help       (or --help)`,
    `  ${CLI_NAME} version    (or --version)`,
    "",
    ...wrap(
      `Every flag is the GitHub Action input of the same name. Give values as --flag value or --flag=value; a boolean flag alone means true, and --no-<flag> means false. A list flag (${INPUTS.filter(
        (spec) => spec.repeatable
      ).map((spec) => `--${spec.name}`).join(", ")}) may be repeated, one item each, or take one value with the items on separate lines.`,
      0
    )
  ];
  for (const { group, title } of INPUT_GROUPS) {
    lines.push("", `${title} flags:`);
    for (const spec of INPUTS.filter((input) => input.group === group)) {
      const text = `${spec.description}${defaultNote(spec)}`;
      const [head = "", ...rest] = wrap(text, flagWidth);
      lines.push(`  ${flag(spec).padEnd(flagWidth - 2)}${head.trimStart()}`, ...rest);
    }
  }
  lines.push("", "Environment:");
  for (const [names, text] of ENVIRONMENT) {
    lines.push(`  ${names}`, ...wrap(text, 6));
  }
  return lines.join("\n") + "\n";
}
function defaultNote(spec) {
  if (spec.required) return " (required)";
  if (spec.defaultText) return ` (default: ${spec.defaultText})`;
  if (spec.default !== void 0) return ` (default: ${spec.default})`;
  return "";
}
function wrap(text, indent) {
  const lines = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line !== "" && indent + line.length + 1 + word.length > WIDTH) {
      lines.push(" ".repeat(indent) + line);
      line = word;
    } else {
      line = line === "" ? word : `${line} ${word}`;
    }
  }
  if (line !== "") lines.push(" ".repeat(indent) + line);
  return lines;
}

// src/cli.ts
function writeLines(stream, text) {
  for (const line of text.split("\n"))
    for (const safe of commandSafeLines(line, newStopToken)) stream.write(`${safe}
`);
}
var defaultIo = () => ({
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  signalSource: process
});
async function main(argv, io = defaultIo()) {
  if (argv[0] === "init") return initCommand(argv.slice(1), io);
  let parsed;
  try {
    parsed = parseCliArgs(argv);
  } catch (error) {
    writeLines(io.stderr, `lambda-power-gate: ${error instanceof InputError ? error.message : messageOf(error)}`);
    return 1;
  }
  if (parsed.command === "help") {
    io.stdout.write(helpText());
    return 0;
  }
  if (parsed.command === "version") {
    io.stdout.write(`${TOOL_VERSION}
`);
    return 0;
  }
  let plan;
  try {
    const result = parseAppSettings((name) => parsed.inputs[name] ?? "", {
      env: io.env,
      cwd: io.cwd,
      readFile: readBoundedText
    });
    plan = result.app;
    result.warnings.forEach((warning) => writeLines(io.stderr, `warning: ${warning}`));
  } catch (error) {
    writeLines(io.stderr, `lambda-power-gate: ${error instanceof InputError ? error.message : messageOf(error)}`);
    return 1;
  }
  const settings = plan.shared;
  if (settings.report.mode !== "tune") {
    writeLines(
      io.stderr,
      `lambda-power-gate: Input 'mode': ${settings.report.mode} runs in the GitHub Action (it needs the pull request or the data branch and a token); the CLI tunes: leave --mode out`
    );
    return 1;
  }
  const stop = cancellation({
    timeoutMinutes: settings.tuning.timeoutMinutes,
    signalSource: io.signalSource,
    onSignal: (name) => io.stderr.write(`
${name}: stopping, restoring the function and deleting this run's versions and aliases\u2026
`)
  });
  const logger = terminalLogger(io.stderr);
  try {
    const { runApp } = await import("./run-UFTQW2YG.js");
    const outcome = await runApp(plan, {
      client: createLambdaClient(settings.tuning, io.env),
      clientFor: (region) => createLambdaClient({ ...settings.tuning, region }, io.env),
      logger,
      signal: stop.signal,
      env: io.env,
      waiterMinDelaySec: waiterMinDelaySecFor(settings.tuning.endpoint),
      ...plan.stack ? { discover: await stackDiscovery(settings.tuning, io.env, logger) } : {}
    });
    logger.finish();
    if (plan.kind === "app" && outcome.appVerdict) {
      const { renderAppTerminalTable } = await import("./terminal-4XZ6MBCM.js");
      writeLines(io.stdout, `
${renderAppTerminalTable(outcome.functions, outcome.appVerdict)}
`);
    } else if (outcome.result) {
      const { renderTerminalTable } = await import("./terminal-4XZ6MBCM.js");
      writeLines(io.stdout, `
${renderTerminalTable(outcome.result)}
`);
      const comparison = outcome.result.architectureComparison;
      if (comparison) {
        const { pairHeadline } = await import("./architectures-4Y4FPGWC.js");
        const pair = pairHeadline(comparison);
        if (pair) writeLines(io.stdout, `architectures: ${inertText(pair)}
`);
      }
    }
    const { renderSpendLine } = await import("./terminal-4XZ6MBCM.js");
    const spent = renderSpendLine(outcome.functions);
    if (spent) writeLines(io.stdout, `spent:   ${spent}`);
    writeLines(
      io.stdout,
      `results: ${outcome.resultsPath || "none written (the run measured nothing)"}
report:  ${outcome.reportPath}`
    );
    if (outcome.result?.visualizationUrl) writeLines(io.stdout, `chart:   ${outcome.result.visualizationUrl}`);
    if (outcome.failure) {
      writeLines(io.stderr, `lambda-power-gate: ${outcome.failure}`);
      return 1;
    }
    return 0;
  } finally {
    stop.dispose();
  }
}
async function stackDiscovery(tuning, env, logger) {
  const { createCloudFormationClient, discoverStackFunctions } = await import("./discovery-JPS6NWWJ.js");
  const cloudFormation = createCloudFormationClient(tuning, env);
  return (stack) => discoverStackFunctions(stack, { cloudFormation, logger });
}
async function initCommand(argv, io) {
  const { runInit } = await import("./init-3M75MJUI.js");
  try {
    return runInit(argv, io, io.env);
  } catch (error) {
    writeLines(io.stderr, `lambda-power-gate: ${error instanceof InputError ? error.message : messageOf(error)}`);
    return 1;
  }
}
function terminalLogger(stream) {
  const progress = /* @__PURE__ */ new Map();
  const worthALine = progressThrottle();
  let live = false;
  const clearLive = () => {
    if (live) stream.write("\r\x1B[K");
    live = false;
  };
  const line = (text) => {
    clearLive();
    writeLines(stream, text);
  };
  return {
    info: line,
    warning: (message) => line(`warning: ${message}`),
    debug: () => {
    },
    group: async (name, fn) => {
      line(`\u25B8 ${name}`);
      return fn();
    },
    progress: (memoryMb, done, total) => {
      if (stream.isTTY) {
        progress.set(memoryMb, `${memoryMb} MB ${done}/${total}`);
        stream.write(`\r\x1B[K${[...progress.values()].join(" \xB7 ")}`);
        live = true;
        return;
      }
      if (worthALine(memoryMb, done, total)) line(`${memoryMb} MB: ${done}/${total} invocations`);
    },
    finish: clearLive
  };
}
export {
  main,
  writeLines
};
