// One bundle, two front doors: GitHub runs this file as the action; bin/lambda-power-gate.js runs it as the CLI
// (it sets LAMBDA_POWER_GATE_CLI first). One bundle halves the build time and the size of dist/.
import * as core from '@actions/core';
import { main } from './cli.js';
import { inertText, MAX_LOG_LINE_CHARS } from './lib/untrusted.js';
import { run } from './main.js';

if (process.env.LAMBDA_POWER_GATE_CLI === '1') {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`lambda-power-gate: unexpected failure: ${inertText(error instanceof Error ? error.message : String(error), MAX_LOG_LINE_CHARS)}\n`);
      process.exitCode = 1;
    },
  );
} else {
  // run() reports every failure through core.setFailed; anything reaching here is a bug, still one line.
  run().catch((error: unknown) => {
    // setFailed escapes the message as command data; inertText caps it and removes control characters.
    core.setFailed(`Unexpected failure: ${inertText(error instanceof Error ? error.message : String(error), MAX_LOG_LINE_CHARS)}`);
  });
}
