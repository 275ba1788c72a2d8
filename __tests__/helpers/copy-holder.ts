// A main step that holds an architecture copy until it is killed (__tests__/reliability/arch-copy-killed.test.ts):
// it saves the run state the way the action's main step does (runStateSavers, GITHUB_STATE) before the copy is
// created, makes the copy through the real SDK against the emulator, prints `COPY <name>` and waits to be killed.
// Environment: LPG_ENDPOINT, LPG_SOURCE, LPG_RUN_ID, LPG_DEADLINE_MS, GITHUB_STATE.

import { LambdaClient } from '@aws-sdk/client-lambda';
import { runStateSavers } from '../../src/action/post.js';
import { silentLogger } from '../../src/lib/ports.js';
import { makeArchitectureCopy } from '../../src/tuning/arch-copy.js';

const endpoint = process.env.LPG_ENDPOINT ?? '';
const runId = process.env.LPG_RUN_ID ?? '';
const region = 'us-east-1';
const client = new LambdaClient({
  endpoint,
  region,
  credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
});
const savers = runStateSavers(endpoint, process.env);
const copy = await makeArchitectureCopy(client, process.env.LPG_SOURCE ?? '', 'arm64', {
  runId,
  deadlineMs: Number(process.env.LPG_DEADLINE_MS),
  logger: silentLogger,
  endpoint,
  waiterMinDelaySec: 1,
  sweepLeftovers: false,
  onCreating: ({ functionName }) => savers.onCopy({ functionName, region }, { runId }),
});
process.stdout.write(`COPY ${copy.functionName}\n`);
setInterval(() => {}, 60_000);
