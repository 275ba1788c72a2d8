// `npm run emulator`: the local Lambda-compatible endpoint with the sample functions, until Ctrl-C.

import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startEmulator, type StackSpec } from './lambda/server.js';

const USAGE = `Usage: npm run emulator -- [options]

  --port <n>               port to listen on (default 9001; 0 = any free port)
  --host <addr>            address to bind (default 127.0.0.1)
  --region <region>        region in ARNs (default us-east-1)
  --update-delay-ms <ms>   how long LastUpdateStatus stays InProgress after an update (default 1000)
  --snapstart-pending-ms <ms>  how long a new version of a SnapStart function stays Pending (default 5000)
  --concurrency-limit <n>  invocations in flight above this get 429 TooManyRequestsException (default unlimited)
  --control-plane-quota <n|off>
                           control-plane requests per second across all APIs (GetFunction 100 apart, invocations
                           not counted) before 429 TooManyRequestsException, as Lambda's account-wide quota
                           (default 15, Lambda's own; off = unlimited)
  --stacks <file.json>     CloudFormation stacks ListStackResources lists: a JSON array of
                           { "name": "app-pr", "resources": [{ "logicalId": "Api", "physicalId": "noop" }] }
                           (resources are AWS::Lambda::Function unless "type" says otherwise)
  --quiet                  do not log each request
  -h, --help               this text
`;

function integerFlag(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0)
    throw new Error(`--${name} must be a non-negative integer, got ${value}`);
  return parsed;
}

function positiveFlag(value: string, name: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1)
    throw new Error(`--${name} must be a positive integer or off, got ${value}`);
  return parsed;
}

/** --stacks: a JSON array of stacks, each a name and its resources (checked enough to fail with the file's name). */
function readStacks(file: string): StackSpec[] {
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  const valid =
    Array.isArray(parsed) &&
    parsed.every(
      (stack: unknown) =>
        typeof (stack as StackSpec | null)?.name === 'string' &&
        Array.isArray((stack as StackSpec).resources) &&
        (stack as StackSpec).resources.every((resource) => typeof resource?.logicalId === 'string'),
    );
  if (!valid)
    throw new Error(
      `--stacks ${file} must be a JSON array of { "name": string, "resources": [{ "logicalId": string, … }] }`,
    );
  return parsed as StackSpec[];
}

interface ListedFunction {
  FunctionName?: string;
  MemorySize?: number;
  Timeout?: number;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      region: { type: 'string' },
      'update-delay-ms': { type: 'string' },
      'snapstart-pending-ms': { type: 'string' },
      'concurrency-limit': { type: 'string' },
      'control-plane-quota': { type: 'string' },
      stacks: { type: 'string' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const port = integerFlag(values.port, 'port') ?? 9001;
  const updateDelayMs = integerFlag(values['update-delay-ms'], 'update-delay-ms');
  const concurrencyLimit = integerFlag(values['concurrency-limit'], 'concurrency-limit');
  const snapStartPendingMs = integerFlag(values['snapstart-pending-ms'], 'snapstart-pending-ms');
  const quotaFlag = values['control-plane-quota'];
  const controlPlaneQuota =
    quotaFlag === 'off'
      ? false
      : quotaFlag === undefined
        ? undefined
        : { requestsPerSecond: positiveFlag(quotaFlag, 'control-plane-quota') };
  const stamp = () => new Date().toISOString().slice(11, 23);
  const stacks = values.stacks === undefined ? undefined : readStacks(values.stacks);

  const emulator = await startEmulator({
    port,
    ...(values.host !== undefined ? { host: values.host } : {}),
    ...(values.region !== undefined ? { region: values.region } : {}),
    ...(updateDelayMs !== undefined ? { updateDelayMs } : {}),
    ...(concurrencyLimit !== undefined ? { concurrencyLimit } : {}),
    ...(snapStartPendingMs !== undefined ? { snapStartPendingMs } : {}),
    ...(controlPlaneQuota !== undefined ? { controlPlaneQuota } : {}),
    ...(stacks !== undefined ? { stacks } : {}),
    sampleFunctions: true,
    logger: values.quiet ? () => {} : (line) => process.stdout.write(`${stamp()} ${line}\n`),
  });

  // Ask the emulator itself, over its own API, so what is printed is what clients will see.
  const listed = (await (await fetch(`${emulator.endpoint}/2015-03-31/functions?MaxItems=50`)).json()) as {
    Functions?: ListedFunction[];
  };
  const functions = listed.Functions ?? [];
  const cpu =
    emulator.cpuMode === 'cgroup'
      ? 'cgroups: each environment gets a CPU quota of memory / 1769 MB of one vCPU (details in the sandbox line above)'
      : emulator.cpuMode === 'model'
        ? 'cgroups are not writable here: CPU time follows the declared model (memory / 1769 MB of one vCPU)'
        : 'unknown (the sandbox did not say)';
  const names = functions.map((f) => f.FunctionName ?? '');
  const example = names.includes('noop') ? 'noop' : (names[0] ?? 'noop');
  process.stdout.write(
    [
      '',
      `Lambda emulator: ${emulator.endpoint}  (region ${emulator.region}, account 123456789012)`,
      `CPU limits: ${cpu}`,
      functions.length === 0
        ? 'Functions: none (no sample functions under emulator/functions/)'
        : `Functions:\n${functions.map((f) => `  ${(f.FunctionName ?? '').padEnd(16)} ${f.MemorySize} MB, timeout ${f.Timeout} s`).join('\n')}`,
      '',
      'Point a client at it:',
      `  AWS SDK / CLI   export AWS_ENDPOINT_URL_LAMBDA=${emulator.endpoint} AWS_REGION=${emulator.region} AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test`,
      `  AWS CLI         aws lambda invoke --endpoint-url ${emulator.endpoint} --function-name ${example} /dev/stdout`,
      `  this tool       lambda-power-gate tune --function-name ${example} --endpoint ${emulator.endpoint}`,
      `  the action      with: { function-name: ${example}, endpoint: ${emulator.endpoint} }`,
      `  your own code   CreateFunction with Code: { S3Bucket: 'local', S3Key: '/absolute/handler/dir' }`,
      '',
      'Ctrl-C to stop.',
      '',
    ].join('\n'),
  );

  await new Promise<void>((resolve) => {
    const stop = (signal: string) => () => {
      process.stdout.write(`\n${signal}: stopping the emulator…\n`);
      resolve();
    };
    process.once('SIGINT', stop('SIGINT'));
    process.once('SIGTERM', stop('SIGTERM'));
  });
  await emulator.close();
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`emulator: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    process.exit(1);
  },
);
