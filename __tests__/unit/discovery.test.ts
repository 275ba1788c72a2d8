// Discovery's edge cases with aws-sdk-client-mock (the emulator covers the ordinary paths in
// __tests__/integration/discovery.test.ts): access denied, untrusted names from AWS, which resource states count.

import {
  CloudFormationClient,
  CloudFormationServiceException,
  ListStackResourcesCommand,
} from '@aws-sdk/client-cloudformation';
import { mockClient } from 'aws-sdk-client-mock';
import { discoverStackFunctions, globFilter, resourceStatusRule } from '../../src/app/discovery.js';
import { InputError } from '../../src/lib/errors.js';

const client = new CloudFormationClient({
  region: 'eu-west-1',
  credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  maxAttempts: 1,
});
const mock = mockClient(client);

afterEach(() => mock.reset());
afterAll(() => client.destroy());

const stack = { stackName: 'orders-pr-42', include: [], exclude: [] };

function recordingLogger() {
  const lines: string[] = [];
  return { lines, logger: { info: (l: string) => lines.push(l), warning: (l: string) => lines.push(l) } };
}

describe('discoverStackFunctions edge cases', () => {
  it('turns access denied into one line naming stack-name and the permission to add', async () => {
    mock.on(ListStackResourcesCommand).rejects(
      new CloudFormationServiceException({
        name: 'AccessDenied',
        $fault: 'client',
        $metadata: { httpStatusCode: 403 },
        message:
          'User: arn:aws:sts::123456789012:assumed-role/ci/gh is not authorized to perform: cloudformation:ListStackResources',
      }),
    );
    const error = await discoverStackFunctions(stack, {
      cloudFormation: client,
      logger: recordingLogger().logger,
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe(
      'stack-name: not allowed to list the resources of stack orders-pr-42 in eu-west-1 (AccessDenied): allow cloudformation:ListStackResources on it for the role this step uses (docs/apps.md)',
    );
  });

  it('passes other failures on in one line that names the stack', async () => {
    mock.on(ListStackResourcesCommand).rejects(
      new CloudFormationServiceException({
        name: 'InternalFailure',
        $fault: 'server',
        $metadata: { httpStatusCode: 500 },
        message: 'boom\n::error::injected',
      }),
    );
    const error = (await discoverStackFunctions(stack, {
      cloudFormation: client,
      logger: recordingLogger().logger,
    }).catch((e: unknown) => e)) as Error;
    expect(error).not.toBeInstanceOf(InputError);
    expect(error.message).toBe(
      'stack-name: listing the resources of stack orders-pr-42 in eu-west-1 failed: InternalFailure: boom ::error::injected',
    );
  });

  it('makes logical ids from AWS inert in every line it writes, and keeps them as they are in the result', async () => {
    const hostile = 'Fn\n::error::pwned\u001b[31m';
    mock.on(ListStackResourcesCommand).resolves({
      StackResourceSummaries: [
        {
          LogicalResourceId: hostile,
          PhysicalResourceId: 'fn-1',
          ResourceType: 'AWS::Lambda::Function',
          ResourceStatus: 'UPDATE_FAILED',
          LastUpdatedTimestamp: new Date(),
        },
      ],
    });
    const { lines, logger } = recordingLogger();
    const found = await discoverStackFunctions(stack, { cloudFormation: client, logger });
    expect(found).toEqual([{ key: hostile, functionName: 'fn-1' }]);
    for (const line of lines) {
      expect(line).not.toMatch(/\n/);
      expect(line).not.toContain(String.fromCharCode(27));
    }
    expect(
      lines.filter((line) => line.startsWith('Fn ::error::pwned in stack orders-pr-42 is UPDATE_FAILED')),
    ).toHaveLength(1);
  });

  it('follows NextToken until there is none', async () => {
    const summary = (id: string) => ({
      LogicalResourceId: id,
      PhysicalResourceId: `fn-${id}`,
      ResourceType: 'AWS::Lambda::Function',
      ResourceStatus: 'CREATE_COMPLETE' as const,
      LastUpdatedTimestamp: new Date(),
    });
    mock
      .on(ListStackResourcesCommand, { StackName: 'orders-pr-42', NextToken: undefined })
      .resolves({ StackResourceSummaries: [summary('B')], NextToken: 't1' })
      .on(ListStackResourcesCommand, { NextToken: 't1' })
      .resolves({ StackResourceSummaries: [summary('A')], NextToken: 't2' })
      .on(ListStackResourcesCommand, { NextToken: 't2' })
      .resolves({ StackResourceSummaries: [] });
    const found = await discoverStackFunctions(stack, { cloudFormation: client, logger: recordingLogger().logger });
    expect(found.map((f) => f.key)).toEqual(['A', 'B']);
    expect(mock.commandCalls(ListStackResourcesCommand)).toHaveLength(3);
  });
});

describe('which resource states are measured', () => {
  it.each([
    ['CREATE_COMPLETE', 'keep'],
    ['UPDATE_COMPLETE', 'keep'],
    ['IMPORT_COMPLETE', 'keep'],
    ['UPDATE_ROLLBACK_COMPLETE', 'keep'],
    ['UPDATE_IN_PROGRESS', 'keep-with-warning'],
    ['UPDATE_FAILED', 'keep-with-warning'],
    ['CREATE_IN_PROGRESS', 'skip'],
    ['CREATE_FAILED', 'skip'],
    ['DELETE_IN_PROGRESS', 'skip'],
    ['DELETE_FAILED', 'skip'],
    ['DELETE_COMPLETE', 'skip'],
    ['DELETE_SKIPPED', 'skip'],
  ])('%s → %s', (status, rule) => {
    expect(resourceStatusRule(status)).toBe(rule);
  });
});

describe('globFilter', () => {
  it('selects every logical id without include globs, and exclude wins over include', () => {
    expect(['A', 'B'].filter(globFilter([], []))).toEqual(['A', 'B']);
    expect(['OrdersGet', 'OrdersAdmin', 'Search'].filter(globFilter(['Orders*'], ['*Admin']))).toEqual(['OrdersGet']);
  });

  it('is case-sensitive, as logical ids are', () => {
    expect(['orders', 'Orders'].filter(globFilter(['Orders'], []))).toEqual(['Orders']);
  });
});
