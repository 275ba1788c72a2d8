// The same flow for any shell: `lambda-power-gate tune --function-name my-fn …`. Flags are the action's inputs,
// 1:1, so a workflow and a terminal produce the same results.json and report.

import { parseCliArgs, helpText } from './cli-args.js';
import { readBoundedText } from './lib/paths.js';
import { InputError, parseAppSettings } from './settings/index.js';
import type { AppPlan, StackDiscovery, TuningSettings } from './types.js';
import { createLambdaClient, waiterMinDelaySecFor } from './tuning/client.js';
import type { EngineLogger } from './lib/ports.js';
import { messageOf } from './lib/errors.js';
import { inertText } from './lib/untrusted.js';
import { cancellation } from './lib/cancellation.js';
import { progressThrottle } from './lib/progress.js';
import { TOOL_VERSION } from './lib/version.js';
import { commandSafeLines, newStopToken } from './lib/untrusted.js';

/**
 * Writes text a line at a time through the one sanitiser: the CLI also runs inside CI jobs (a `run:` step on
 * GitHub), where a line of function output could otherwise become a workflow command, and in terminals, where an
 * escape sequence could rewrite the screen.
 */
export function writeLines(stream: NodeJS.WritableStream, text: string): void {
  for (const line of text.split('\n'))
    for (const safe of commandSafeLines(line, newStopToken)) stream.write(`${safe}\n`);
}

export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
  signalSource: NodeJS.EventEmitter;
}

const defaultIo = (): CliIo => ({
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  signalSource: process,
});

export async function main(argv: string[], io: CliIo = defaultIo()): Promise<number> {
  if (argv[0] === 'init') return initCommand(argv.slice(1), io);
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
  let plan: AppPlan;
  try {
    const result = parseAppSettings((name) => parsed.inputs[name] ?? '', {
      env: io.env,
      cwd: io.cwd,
      readFile: readBoundedText,
    });
    plan = result.app;
    result.warnings.forEach((warning) => writeLines(io.stderr, `warning: ${warning}`));
  } catch (error) {
    writeLines(io.stderr, `lambda-power-gate: ${error instanceof InputError ? error.message : messageOf(error)}`);
    return 1;
  }

  const settings = plan.shared;
  if (settings.report.mode !== 'tune') {
    // prune, comment-only and aggregate work on the pull request and the data branch through the GitHub API, which
    // only the action is given: tuning instead would surprise whoever asked for them.
    writeLines(
      io.stderr,
      `lambda-power-gate: Input 'mode': ${settings.report.mode} runs in the GitHub Action (it needs the pull request or the data branch and a token); the CLI tunes: leave --mode out`,
    );
    return 1;
  }
  const stop = cancellation({
    timeoutMinutes: settings.tuning.timeoutMinutes,
    signalSource: io.signalSource,
    onSignal: (name) =>
      io.stderr.write(`\n${name}: stopping, restoring the function and deleting this run's versions and aliases…\n`),
  });
  const logger = terminalLogger(io.stderr);
  try {
    const { runApp } = await import('./app/run.js');
    const outcome = await runApp(plan, {
      client: createLambdaClient(settings.tuning, io.env),
      clientFor: (region) => createLambdaClient({ ...settings.tuning, region }, io.env),
      logger,
      signal: stop.signal,
      env: io.env,
      waiterMinDelaySec: waiterMinDelaySecFor(settings.tuning.endpoint),
      ...(plan.stack ? { discover: await stackDiscovery(settings.tuning, io.env, logger) } : {}),
    });
    logger.finish();
    if (plan.kind === 'app' && outcome.appVerdict) {
      const { renderAppTerminalTable } = await import('./report/terminal.js');
      writeLines(io.stdout, `\n${renderAppTerminalTable(outcome.functions, outcome.appVerdict)}\n`);
    } else if (outcome.result) {
      const { renderTerminalTable } = await import('./report/terminal.js');
      writeLines(io.stdout, `\n${renderTerminalTable(outcome.result)}\n`);
      const comparison = outcome.result.architectureComparison;
      if (comparison) {
        // architectures x86_64,arm64: the pair, in the report's words (the table above is the function's own).
        const { pairHeadline } = await import('./report/architectures.js');
        const pair = pairHeadline(comparison);
        if (pair) writeLines(io.stdout, `architectures: ${inertText(pair)}\n`);
      }
    }
    const { renderSpendLine } = await import('./report/terminal.js');
    const spent = renderSpendLine(outcome.functions);
    if (spent) writeLines(io.stdout, `spent:   ${spent}`);
    writeLines(
      io.stdout,
      `results: ${outcome.resultsPath || 'none written (the run measured nothing)'}\nreport:  ${outcome.reportPath}`,
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

/** stack-name: CloudFormation discovery, loaded only when a stack is named. */
async function stackDiscovery(tuning: TuningSettings, env: NodeJS.ProcessEnv, logger: EngineLogger) {
  const { createCloudFormationClient, discoverStackFunctions } = await import('./app/discovery.js');
  const cloudFormation = createCloudFormationClient(tuning, env);
  return (stack: StackDiscovery) => discoverStackFunctions(stack, { cloudFormation, logger });
}

/** `init`: its own flags (src/init.ts), not the inputs'; loaded only when asked for. */
async function initCommand(argv: string[], io: CliIo): Promise<number> {
  const { runInit } = await import('./init.js');
  try {
    return runInit(argv, io, io.env);
  } catch (error) {
    writeLines(io.stderr, `lambda-power-gate: ${error instanceof InputError ? error.message : messageOf(error)}`);
    return 1;
  }
}

/** Logs to stderr; on a terminal, progress is one live line for all memory sizes. */
function terminalLogger(stream: NodeJS.WritableStream & { isTTY?: boolean }): EngineLogger & { finish(): void } {
  const progress = new Map<number, string>();
  const worthALine = progressThrottle();
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
      if (worthALine(memoryMb, done, total)) line(`${memoryMb} MB: ${done}/${total} invocations`);
    },
    finish: clearLive,
  };
}
