// Discovery from a stack (issue 15) through the real @aws-sdk/client-cloudformation against the emulator over HTTP:
// every page read, only AWS::Lambda::Function resources, include/exclude globs on logical ids, PR and base functions
// paired by logical id, and one-line errors naming the input and the fix.

import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { STACK_RESOURCES_PAGE_SIZE } from '../../emulator/cloudformation/stacks.js';
import { startEmulator, type Emulator, type SandboxPoolLike } from '../../emulator/lambda/server.js';
import { createCloudFormationClient, discoverStackFunctions } from '../../src/app/discovery.js';
import { InputError } from '../../src/lib/errors.js';
import type { StackDiscovery } from '../../src/types.js';

const noPool: SandboxPoolLike = {
  invoke: () => Promise.reject(new Error('no invocations in this test')),
  retire: () => Promise.resolve(),
  close: () => Promise.resolve(),
};

let emulator: Emulator;
/** A second endpoint standing for the base stack's account or region. */
let baseEmulator: Emulator;
let cloudFormation: CloudFormationClient;
let baseCloudFormation: CloudFormationClient;

const client = (endpoint: string) =>
  new CloudFormationClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  });

beforeAll(async () => {
  [emulator, baseEmulator] = await Promise.all([startEmulator({ pool: noPool }), startEmulator({ pool: noPool })]);
  cloudFormation = client(emulator.endpoint);
  baseCloudFormation = client(baseEmulator.endpoint);
});

afterAll(async () => {
  cloudFormation.destroy();
  baseCloudFormation.destroy();
  await Promise.all([emulator.close(), baseEmulator.close()]);
});

function recordingLogger() {
  const lines: string[] = [];
  return {
    lines,
    logger: {
      info: (line: string) => lines.push(`info ${line}`),
      warning: (line: string) => lines.push(`warn ${line}`),
    },
  };
}

const stack = (over: Partial<StackDiscovery> & { stackName: string }): StackDiscovery => ({
  include: [],
  exclude: [],
  ...over,
});

/** What discoverStackFunctions throws, or fails the test when it does not throw. */
async function errorOf(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof Error)) throw new Error('expected an error');
  return error;
}

describe('discoverStackFunctions on the emulator', () => {
  it('reads every page of a stack with more functions than a page, keeping functions only, sorted by logical id', async () => {
    const count = STACK_RESOURCES_PAGE_SIZE + 30;
    // Declared in reverse so the sort is the discovery's, not the listing's.
    const functions = Array.from({ length: count }, (_, i) => ({
      logicalId: `Fn${String(count - 1 - i).padStart(3, '0')}`,
      physicalId: `big-app-fn-${count - 1 - i}`,
    }));
    emulator.declareStack({
      name: 'big-app',
      resources: [
        { logicalId: 'Table', type: 'AWS::DynamoDB::Table', physicalId: 'big-app-table' },
        ...functions,
        { logicalId: 'Role', type: 'AWS::IAM::Role', physicalId: 'big-app-role' },
        { logicalId: 'Leaving', physicalId: 'big-app-leaving', status: 'DELETE_IN_PROGRESS' },
        { logicalId: 'NotYet', physicalId: 'big-app-not-yet', status: 'CREATE_IN_PROGRESS' },
        { logicalId: 'Updating', physicalId: 'big-app-updating', status: 'UPDATE_IN_PROGRESS' },
      ],
    });
    const before = emulator.stats().requests['ListStackResources'] ?? 0;
    const { lines, logger } = recordingLogger();
    const found = await discoverStackFunctions(stack({ stackName: 'big-app' }), { cloudFormation, logger });
    expect(emulator.stats().requests['ListStackResources'] ?? 0).toBe(before + 2);
    expect(found).toHaveLength(count + 1);
    expect(found[0]).toEqual({ key: 'Fn000', functionName: 'big-app-fn-0' });
    expect(found.map((f) => f.key)).toEqual([...found.map((f) => f.key)].sort());
    expect(found.map((f) => f.key)).toContain('Updating');
    expect(found.map((f) => f.key)).not.toEqual(expect.arrayContaining(['Table', 'Role', 'Leaving', 'NotYet']));
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^info Leaving in stack big-app is DELETE_IN_PROGRESS: not measured/),
        expect.stringMatching(/^info NotYet in stack big-app is CREATE_IN_PROGRESS: not measured/),
        expect.stringMatching(/^warn Updating in stack big-app is UPDATE_IN_PROGRESS: measured as it is now/),
      ]),
    );
  });

  it('applies include and exclude globs to logical ids', async () => {
    emulator.declareStack({
      name: 'shop',
      resources: ['OrdersCreate', 'OrdersGet', 'OrdersAdmin', 'PaymentsCharge', 'Search'].map((logicalId) => ({
        logicalId,
        physicalId: `shop-${logicalId}`,
      })),
    });
    const { logger } = recordingLogger();
    const discover = (include: string[], exclude: string[]) =>
      discoverStackFunctions(stack({ stackName: 'shop', include, exclude }), { cloudFormation, logger }).then((f) =>
        f.map((fn) => fn.key),
      );
    expect(await discover(['Orders*'], [])).toEqual(['OrdersAdmin', 'OrdersCreate', 'OrdersGet']);
    expect(await discover(['Orders*', 'Payments*'], ['*Admin'])).toEqual([
      'OrdersCreate',
      'OrdersGet',
      'PaymentsCharge',
    ]);
    expect(await discover([], ['Orders{Get,Admin}', 'Search'])).toEqual(['OrdersCreate', 'PaymentsCharge']);
  });

  it('pairs PR and base functions by logical id, through the base stack client; new ones have no baseline', async () => {
    emulator.declareStack({
      name: 'orders-pr-42',
      resources: [
        { logicalId: 'CreateOrder', physicalId: 'orders-pr-42-CreateOrder-a1' },
        { logicalId: 'GetOrder', physicalId: 'orders-pr-42-GetOrder-b2' },
        { logicalId: 'RefundOrder', physicalId: 'orders-pr-42-RefundOrder-c3' },
        { logicalId: 'Bucket', type: 'AWS::S3::Bucket', physicalId: 'orders-pr-42-bucket' },
      ],
    });
    baseEmulator.declareStack({
      name: 'orders-staging',
      resources: [
        { logicalId: 'GetOrder', physicalId: 'orders-staging-GetOrder-y8' },
        { logicalId: 'CreateOrder', physicalId: 'orders-staging-CreateOrder-x9' },
        { logicalId: 'LegacyExport', physicalId: 'orders-staging-LegacyExport-z7' },
      ],
    });
    const { lines, logger } = recordingLogger();
    const found = await discoverStackFunctions(
      stack({ stackName: 'orders-pr-42', baselineStackName: 'orders-staging' }),
      { cloudFormation, baselineCloudFormation: baseCloudFormation, logger },
    );
    expect(found).toEqual([
      {
        key: 'CreateOrder',
        functionName: 'orders-pr-42-CreateOrder-a1',
        baselineFunction: 'orders-staging-CreateOrder-x9',
      },
      { key: 'GetOrder', functionName: 'orders-pr-42-GetOrder-b2', baselineFunction: 'orders-staging-GetOrder-y8' },
      { key: 'RefundOrder', functionName: 'orders-pr-42-RefundOrder-c3' },
    ]);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^info RefundOrder is new in stack orders-pr-42 .*no baseline/),
        expect.stringMatching(/^info LegacyExport is in the base stack orders-staging only .*not measured/),
      ]),
    );
  });

  it('warns when the base stack has no function to pair with, and measures every function with no baseline', async () => {
    emulator.declareStack({ name: 'paired-pr', resources: [{ logicalId: 'Fn', physicalId: 'paired-pr-fn' }] });
    emulator.declareStack({ name: 'empty-staging', resources: [{ logicalId: 'Q', type: 'AWS::SQS::Queue' }] });
    const { lines, logger } = recordingLogger();
    const found = await discoverStackFunctions(stack({ stackName: 'paired-pr', baselineStackName: 'empty-staging' }), {
      cloudFormation,
      logger,
    });
    expect(found).toEqual([{ key: 'Fn', functionName: 'paired-pr-fn' }]);
    expect(lines).toContainEqual(
      expect.stringMatching(/^warn The base stack empty-staging has no function the globs select: every function/),
    );
  });

  it('names stack-name and the fix in one line when the stack does not exist', async () => {
    const error = await errorOf(
      discoverStackFunctions(stack({ stackName: 'orders-pr-404' }), {
        cloudFormation,
        logger: recordingLogger().logger,
      }),
    );
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).input).toBe('stack-name');
    expect(error.message).toMatch(
      /^stack-name: there is no stack orders-pr-404 in us-east-1: check the name .* region/,
    );
    expect(error.message).not.toContain('\n');
  });

  it('names baseline-stack-name when the base stack is the one missing', async () => {
    emulator.declareStack({ name: 'lonely-pr', resources: [{ logicalId: 'Fn', physicalId: 'lonely-pr-fn' }] });
    const error = await errorOf(
      discoverStackFunctions(stack({ stackName: 'lonely-pr', baselineStackName: 'lonely-staging' }), {
        cloudFormation,
        logger: recordingLogger().logger,
      }),
    );
    expect(error).toMatchObject({ input: 'baseline-stack-name' });
    expect(error.message).toMatch(/^baseline-stack-name: there is no stack lonely-staging in us-east-1/);
  });

  it('says so when the globs match none of the functions, listing them, and when the stack has none', async () => {
    emulator.declareStack({
      name: 'globbed',
      resources: [{ logicalId: 'Alpha' }, { logicalId: 'Beta' }, { logicalId: 'Queue', type: 'AWS::SQS::Queue' }],
    });
    const unmatched = await errorOf(
      discoverStackFunctions(stack({ stackName: 'globbed', include: ['Gamma*'] }), {
        cloudFormation,
        logger: recordingLogger().logger,
      }),
    );
    expect(unmatched).toMatchObject({ input: 'include-functions' });
    expect(unmatched.message).toMatch(
      /match none of the functions of stack-name globbed \(Alpha, Beta\): fix the globs/,
    );

    emulator.declareStack({ name: 'no-functions', resources: [{ logicalId: 'Queue', type: 'AWS::SQS::Queue' }] });
    const empty = await errorOf(
      discoverStackFunctions(stack({ stackName: 'no-functions' }), {
        cloudFormation,
        logger: recordingLogger().logger,
      }),
    );
    expect(empty).toMatchObject({ input: 'stack-name' });
    expect(empty.message).toMatch(/^stack-name: stack no-functions has no AWS::Lambda::Function resource to tune/);
  });

  it('refuses the same stack as its own baseline before any call', async () => {
    const before = emulator.stats().requests['ListStackResources'] ?? 0;
    const error = await errorOf(
      discoverStackFunctions(stack({ stackName: 'shop', baselineStackName: 'shop' }), {
        cloudFormation,
        logger: recordingLogger().logger,
      }),
    );
    expect(error).toMatchObject({ input: 'baseline-stack-name' });
    expect(emulator.stats().requests['ListStackResources'] ?? 0).toBe(before);
  });

  it('works through the client factory with no credentials in the environment, as the Lambda client does', async () => {
    const factoryClient = createCloudFormationClient({ region: emulator.region, endpoint: emulator.endpoint }, {});
    try {
      const found = await discoverStackFunctions(stack({ stackName: 'shop', include: ['Search'] }), {
        cloudFormation: factoryClient,
        logger: recordingLogger().logger,
      });
      expect(found).toEqual([{ key: 'Search', functionName: 'shop-Search' }]);
    } finally {
      factoryClient.destroy();
    }
  });
});
