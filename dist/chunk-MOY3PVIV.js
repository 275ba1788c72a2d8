import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  progressThrottle
} from "./chunk-BW7SGPVE.js";
import {
  MAX_LOG_LINE_CHARS,
  commandSafeLines,
  inertText,
  newStopToken
} from "./chunk-TM45P2KR.js";

// src/action/runner.ts
import { randomUUID } from "node:crypto";
import { appendFileSync, constants, existsSync } from "node:fs";
import { access, appendFile } from "node:fs/promises";
import { EOL } from "node:os";
function getInput(name) {
  return (process.env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] || "").trim();
}
function getState(name) {
  return process.env[`STATE_${name}`] || "";
}
function setOutput(name, value) {
  if (process.env.GITHUB_OUTPUT) return issueFileCommand("OUTPUT", keyValueMessage(name, value));
  process.stdout.write(EOL);
  issueCommand("set-output", { name }, value);
}
function saveState(name, value) {
  if (process.env.GITHUB_STATE) return issueFileCommand("STATE", keyValueMessage(name, value));
  issueCommand("save-state", { name }, value);
}
function setSecret(secret) {
  issueCommand("add-mask", {}, secret);
}
function info(message) {
  process.stdout.write(message + EOL);
}
function debug(message) {
  issueCommand("debug", {}, message);
}
function notice(message) {
  issueCommand("notice", {}, message);
}
function warning(message) {
  issueCommand("warning", {}, message);
}
function error(message) {
  issueCommand("error", {}, message);
}
function setFailed(message) {
  process.exitCode = 1;
  error(message);
}
async function group(name, fn) {
  issueCommand("group", {}, name);
  try {
    return await fn();
  } finally {
    issueCommand("endgroup", {}, "");
  }
}
async function appendSummary(markdown) {
  const path = process.env.GITHUB_STEP_SUMMARY;
  if (!path)
    throw new Error(
      "Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries."
    );
  try {
    await access(path, constants.R_OK | constants.W_OK);
  } catch {
    throw new Error(`Unable to access summary file: '${path}'. Check if the file has correct read/write permissions.`);
  }
  await appendFile(path, markdown, { encoding: "utf8" });
}
function commandLine(command, properties, message) {
  const entries = Object.entries(properties);
  const pairs = entries.filter(([, value]) => value).map(([key, value]) => `${key}=${escapeProperty(value)}`);
  return `::${command}${entries.length > 0 ? ` ${pairs.join(",")}` : ""}::${escapeData(message)}`;
}
function issueCommand(command, properties, message) {
  process.stdout.write(commandLine(command, properties, message) + EOL);
}
var escapeData = (text) => text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
var escapeProperty = (text) => escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
function issueFileCommand(command, message) {
  const path = process.env[`GITHUB_${command}`];
  if (!path) throw new Error(`Unable to find environment variable for file command ${command}`);
  if (!existsSync(path)) throw new Error(`Missing file at path: ${path}`);
  appendFileSync(path, `${message}${EOL}`, { encoding: "utf8" });
}
function keyValueMessage(name, value, delimiter = `ghadelimiter_${randomUUID()}`) {
  if (name.includes(delimiter))
    throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
  if (value.includes(delimiter))
    throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
  return `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}`;
}

// src/action/log.ts
var annotation = (message) => inertText(message, MAX_LOG_LINE_CHARS);
var actionLog = {
  info(message) {
    for (const line of commandSafeLines(message, newStopToken)) info(line);
  },
  warning: (message) => warning(annotation(message)),
  notice: (message) => notice(annotation(message)),
  debug: (message) => debug(annotation(message)),
  /** Marks the step failed (exit code 1) with one error annotation. */
  setFailed: (message) => setFailed(annotation(message)),
  group: (name, fn) => group(inertText(name, 200), fn)
};
function actionsEngineLogger() {
  const worthALine = progressThrottle();
  return {
    info: actionLog.info,
    warning: actionLog.warning,
    debug: actionLog.debug,
    group: actionLog.group,
    progress: (memoryMb, done, total) => {
      if (worthALine(memoryMb, done, total)) actionLog.info(`${memoryMb} MB: ${done}/${total} invocations`);
    }
  };
}

export {
  getInput,
  getState,
  setOutput,
  saveState,
  setSecret,
  setFailed,
  appendSummary,
  actionLog,
  actionsEngineLogger
};
