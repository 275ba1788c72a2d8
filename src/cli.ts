// The same flow for any shell: `lambda-power-gate tune --function-name my-fn …`. Flags are the action's inputs,
// 1:1, so a workflow and a terminal produce the same results.json and report.

import { parseCliArgs, helpText } from './cli-args.js';
import { runFlow } from './flow.js';
import { readBoundedText } from './lib/paths.js';
import { renderTerminalTable } from './report/terminal.js';
import { InputError, parseSettings } from './settings/index.js';
import { createLambdaClient, waiterMinDelaySecFor } from './tuning/client.js';
import type { EngineLogger } from './lib/ports.js';
import { messageOf } from './lib/errors.js';
import { TOOL_VERSION } from './lib/version.js';
import { commandSafeLines, newStopToken } from './lib/untrusted.js';

/**
 * Writes text a line at a time through the one sanitiser: the CLI also runs inside CI jobs (a `run:` step on
 * GitHub), where a line of function output could otherwise become a workflow command, and in terminals, where an
 * escape sequence could rewrite the screen.
 */
export function writeLines(stream: NodeJS.WritableStream, text: string): void {
  for (const line of text.split('\n')) for (const safe of commandSafeLines(line, newStopToken)) stream.write(`${safe}\n`);
}

export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
  signalSource: NodeJS.EventEmitter;
}

const defaultIo = (): CliIo => ({ stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(), signalSource: process });

export async function main(argv: string[], io: CliIo = defaultIo()): Promise<number> {
  let parsed;
  try {
    parsed = parseCliArgs(argv);
  } catch (error) {
    writeLines(io.stderr, `lambda-power-gate: ${error instanceof InputError ? error.message : messageOf(error)}`);
    return 1;
  }
  if (parsed.command === 'help') {
    io.stdout.write(helpText());
    return 0;
  }
  if (parsed.command === 'version') {
    io.stdout.write(`${TOOL_VERSION}\n`);
    return 0;
  }
  let settings;
  try {
    const result = parseSettings((name) => parsed.inputs[name] ?? '', {
      env: io.env,
      cwd: io.cwd,
      readFile: readBoundedText,
    });
    settings = result.settings;
    result.warnings.forEach((warning) => writeLines(io.stderr, `warning: ${warning}`));
  } catch (error) {
    writeLines(io.stderr, `lambda-power-gate: ${error instanceof InputError ? error.message : messageOf(error)}`);
    return 1;
  }

  const controller = new AbortController();
  const onSignal = (name: string) => () => {
    io.stderr.write(`\n${name}: stopping, restoring the function and deleting this run's versions and aliases…\n`);
    controller.abort(new Error(`${name} received`));
  };
  const onTerm = onSignal('SIGTERM');
  const onInt = onSignal('SIGINT');
  io.signalSource.on('SIGTERM', onTerm);
  io.signalSource.on('SIGINT', onInt);
  const timer = setTimeout(
    () => controller.abort(new Error(`timeout-minutes (${settings.tuning.timeoutMinutes}) reached`)),
    settings.tuning.timeoutMinutes * 60_000,
  );
  timer.unref();
  const logger = terminalLogger(io.stderr);
  try {
    const outcome = await runFlow(settings, {
      client: createLambdaClient(settings.tuning, io.env),
      logger,
      signal: controller.signal,
      waiterMinDelaySec: waiterMinDelaySecFor(settings.tuning.endpoint),
    });
    logger.finish();
    if (outcome.result) writeLines(io.stdout, `\n${renderTerminalTable(outcome.result)}\n`);
    writeLines(io.stdout, `results: ${outcome.resultsPath || 'none written (the run measured nothing)'}\nreport:  ${outcome.reportPath}`);
    if (outcome.result?.visualizationUrl) writeLines(io.stdout, `chart:   ${outcome.result.visualizationUrl}`);
    if (outcome.failure) {
      writeLines(io.stderr, `lambda-power-gate: ${outcome.failure}`);
      return 1;
    }
    return 0;
  } finally {
    clearTimeout(timer);
    io.signalSource.off('SIGTERM', onTerm);
    io.signalSource.off('SIGINT', onInt);
  }
}

/** Logs to stderr; on a terminal, progress is one live line for all memory sizes. */
function terminalLogger(stream: NodeJS.WritableStream & { isTTY?: boolean }): EngineLogger & { finish(): void } {
  const progress = new Map<number, string>();
  const lastDecile = new Map<number, number>();
  let live = false;
  const clearLive = () => {
    if (live) stream.write('\r\x1b[K');
    live = false;
  };
  const line = (text: string) => {
    clearLive();
    writeLines(stream, text);
  };
  return {
    info: line,
    warning: (message) => line(`warning: ${message}`),
    debug: () => {},
    group: async (name, fn) => {
      line(`▸ ${name}`);
      return fn();
    },
    progress: (memoryMb, done, total) => {
      if (stream.isTTY) {
        progress.set(memoryMb, `${memoryMb} MB ${done}/${total}`);
        stream.write(`\r\x1b[K${[...progress.values()].join(' · ')}`);
        live = true;
        return;
      }
      const decile = Math.floor((done / total) * 10);
      if (decile === lastDecile.get(memoryMb) && done !== total) return;
      lastDecile.set(memoryMb, decile);
      line(`${memoryMb} MB: ${done}/${total} invocations`);
    },
    finish: clearLive,
  };
}
