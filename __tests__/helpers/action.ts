// Drives the action's run() (src/action/main.ts) in the test's own process, as a runner would: inputs as INPUT_*
// variables, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, stdout captured, the exit code read and reset.

import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inputEnv, parseOutputsFile } from '../../emulator/github/runner.js';
import type { Clock } from '../../src/lib/ports.js';

export interface InProcessOutcome {
  exitCode: number;
  /** Everything run() wrote to stdout: workflow commands and log lines. */
  log: string;
  outputs: Record<string, string>;
  summary: string;
}

let summaryPathOfThisFile: string | undefined;

type RunFunction = (options?: {
  env?: NodeJS.ProcessEnv;
  signalSource?: NodeJS.EventEmitter;
  minuteMs?: number;
  clock?: Clock;
}) => Promise<void>;

/**
 * Runs the action's run() with these inputs as INPUT_* variables. The caller imports run() once (after setting
 * the GITHUB_* environment @actions/github reads at import) and passes it in.
 */
export async function runActionInProcess(
  run: RunFunction,
  inputs: Record<string, string>,
  options: {
    workspace: string;
    env?: Record<string, string>;
    minuteMs?: number;
    signalSource?: NodeJS.EventEmitter;
    clock?: Clock;
  },
): Promise<InProcessOutcome> {
  mkdirSync(options.workspace, { recursive: true });
  const outputsPath = join(options.workspace, `output-${Math.random().toString(36).slice(2)}.txt`);
  // One summary file per test file (@actions/core cached the path after its first use; runner.ts reads it each time).
  summaryPathOfThisFile ??= join(mkdtempSync(join(tmpdir(), 'lpg-summary-')), 'summary.md');
  const summaryPath = summaryPathOfThisFile;
  writeFileSync(outputsPath, '');
  writeFileSync(summaryPath, '');
  const saved = { ...process.env };
  for (const key of Object.keys(process.env)) if (key.startsWith('INPUT_')) delete process.env[key];
  Object.assign(
    process.env,
    { GITHUB_OUTPUT: outputsPath, GITHUB_STEP_SUMMARY: summaryPath, GITHUB_WORKSPACE: options.workspace },
    options.env,
    inputEnv(inputs),
  );
  const stdout: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    stdout.push(String(chunk));
    return true;
  }) as typeof process.stdout.write;
  try {
    await run({
      ...(options.minuteMs ? { minuteMs: options.minuteMs } : {}),
      ...(options.signalSource ? { signalSource: options.signalSource } : {}),
      ...(options.clock ? { clock: options.clock } : {}),
    });
  } finally {
    process.stdout.write = write;
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  }
  // setFailed sets the exit code of the process running the action: here, jest's.
  const exitCode = Number(process.exitCode ?? 0);
  process.exitCode = undefined;
  return {
    exitCode,
    log: stdout.join(''),
    outputs: parseOutputsFile(readFileSync(outputsPath, 'utf8')),
    summary: readFileSync(summaryPath, 'utf8'),
  };
}
