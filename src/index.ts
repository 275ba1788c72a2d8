// One bundle, three front doors: GitHub runs this file as the action's main step and as its post step (action.yml
// runs.post; the main step leaves `isPost` in the step state, as actions/checkout does); bin/lambda-power-gate.js runs
// it as the CLI (it sets LAMBDA_POWER_GATE_CLI first). One bundle halves the build time and the size of dist/.
// The CLI and the post step are imported only when they are the door that runs, so the main step does not load them.
// Every import() in src/ is a chunk of its own in dist/ (scripts/build.mjs, esbuild --splitting): what a run does
// not reach (Octokit and undici, the renderers, the CLI, the post step) is neither compiled nor run at its start.
import * as runner from './action/runner.js';
import { run } from './action/main.js';
import { inertText, MAX_LOG_LINE_CHARS } from './lib/untrusted.js';

/** An unexpected error in one line, through the sanitiser (it may quote anything, function output included). */
const inertMessage = (error: unknown) =>
  inertText(error instanceof Error ? error.message : String(error), MAX_LOG_LINE_CHARS);

if (process.env.LAMBDA_POWER_GATE_CLI === '1') {
  import('./cli.js')
    .then(({ main }) => main(process.argv.slice(2)))
    .then(
      (code) => {
        process.exitCode = code;
      },
      (error: unknown) => {
        process.stderr.write(`lambda-power-gate: unexpected failure: ${inertMessage(error)}\n`);
        process.exitCode = 1;
      },
    );
} else if (runner.getState('isPost') === 'true') {
  // setFailed escapes the message as command data.
  import('./action/post.js')
    .then(({ post }) => post())
    .catch((error: unknown) => runner.setFailed(`Post step: unexpected failure: ${inertMessage(error)}`));
} else {
  // The deprecated ::save-state command is never used: without a state file there is no post step to tell.
  if (process.env.GITHUB_STATE) runner.saveState('isPost', 'true');
  // run() reports every failure through setFailed; anything reaching here is a bug, still one line.
  run().catch((error: unknown) => runner.setFailed(`Unexpected failure: ${inertMessage(error)}`));
}
