// One bundle, three front doors: GitHub runs this file as the action's main step and as its post step (action.yml
// runs.post; the main step leaves `isPost` in the step state, as actions/checkout does); bin/lambda-power-gate.js runs
// it as the CLI (it sets LAMBDA_POWER_GATE_CLI first). One bundle halves the build time and the size of dist/.
// The CLI and the post step are imported only when they are the door that runs, so the main step does not load them.
// `webpackMode: "eager"` on every import() in src/ keeps ncc's output one file: with chunk files, ncc's licenses.txt
// lists only the last chunk's packages (license-webpack-plugin writes one file per chunk under the same name). The
// code is still in index.js, parsed at start, but a module is run only when its import() is.
import * as core from '@actions/core';
import { run } from './action/main.js';
import { inertText, MAX_LOG_LINE_CHARS } from './lib/untrusted.js';

/** An unexpected error in one line, through the sanitiser (it may quote anything, function output included). */
const oneLine = (error: unknown) =>
  inertText(error instanceof Error ? error.message : String(error), MAX_LOG_LINE_CHARS);

if (process.env.LAMBDA_POWER_GATE_CLI === '1') {
  import(/* webpackMode: "eager" */ './cli.js')
    .then(({ main }) => main(process.argv.slice(2)))
    .then(
      (code) => {
        process.exitCode = code;
      },
      (error: unknown) => {
        process.stderr.write(`lambda-power-gate: unexpected failure: ${oneLine(error)}\n`);
        process.exitCode = 1;
      },
    );
} else if (core.getState('isPost') === 'true') {
  // setFailed escapes the message as command data.
  import(/* webpackMode: "eager" */ './action/post.js')
    .then(({ post }) => post())
    .catch((error: unknown) => core.setFailed(`Post step: unexpected failure: ${oneLine(error)}`));
} else {
  // The deprecated ::save-state command is never used: without a state file there is no post step to tell.
  if (process.env.GITHUB_STATE) core.saveState('isPost', 'true');
  // run() reports every failure through core.setFailed; anything reaching here is a bug, still one line.
  run().catch((error: unknown) => core.setFailed(`Unexpected failure: ${oneLine(error)}`));
}
