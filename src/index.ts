import { run } from './main.js';

// run() reports every failure through core.setFailed; anything reaching here is a bug, still one line.
run().catch((error: unknown) => {
  process.exitCode = 1;
  process.stdout.write(`::error::Unexpected failure: ${error instanceof Error ? error.message : String(error)}\n`);
});
