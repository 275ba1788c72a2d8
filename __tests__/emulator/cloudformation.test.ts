// The emulator answers CloudFormation's ListStackResources for the stacks declared in its configuration, in the
// protocol CloudFormation speaks (awsQuery: form POST to `/`, XML answers), so the real
// @aws-sdk/client-cloudformation works against it over HTTP with only `endpoint` set.

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import {
  CloudFormationClient,
  CloudFormationServiceException,
  ListStackResourcesCommand,
  paginateListStackResources,
} from '@aws-sdk/client-cloudformation';
import { cloudFormationContracts } from '../../emulator/contracts/cloudformation.js';
import { STACK_RESOURCES_PAGE_SIZE } from '../../emulator/cloudformation/stacks.js';
import { startEmulator, type Emulator, type SandboxPoolLike } from '../../emulator/lambda/server.js';

const ROOT = join(import.meta.dirname, '..', '..');
const GENERATOR = join(ROOT, 'scripts', 'gen-lambda-contracts.mjs');
const modelPresent = spawnSync('python3', ['-c', 'import botocore'], { stdio: 'ignore' }).status === 0;

/** No function runs here: the pool refuses every invocation. */
const noPool: SandboxPoolLike = {
  invoke: () => Promise.reject(new Error('no invocations in this test')),
  retire: () => Promise.resolve(),
  close: () => Promise.resolve(),
};

let emulator: Emulator;
let cloudFormation: CloudFormationClient;
const logLines: string[] = [];

beforeAll(async () => {
  emulator = await startEmulator({
    pool: noPool,
    logger: (line) => logLines.push(line),
    stacks: [
      {
        name: 'orders-pr-42',
        resources: [
          { logicalId: 'CreateOrder', physicalId: 'orders-pr-42-CreateOrder-AbC123' },
          { logicalId: 'OrdersTable', type: 'AWS::DynamoDB::Table', physicalId: 'orders-pr-42-OrdersTable-X' },
          { logicalId: 'GetOrder', physicalId: 'orders-pr-42-GetOrder-DeF456', status: 'UPDATE_COMPLETE' },
        ],
      },
    ],
  });
  cloudFormation = new CloudFormationClient({
    endpoint: emulator.endpoint,
    region: emulator.region,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  });
});

afterAll(async () => {
  cloudFormation.destroy();
  await emulator.close();
});

describe('ListStackResources through the real SDK', () => {
  it('lists a declared stack: functions with their names as physical ids, other resources as they are', async () => {
    const out = await cloudFormation.send(new ListStackResourcesCommand({ StackName: 'orders-pr-42' }));
    expect(out.NextToken).toBeUndefined();
    expect(out.StackResourceSummaries).toEqual([
      expect.objectContaining({
        LogicalResourceId: 'CreateOrder',
        PhysicalResourceId: 'orders-pr-42-CreateOrder-AbC123',
        ResourceType: 'AWS::Lambda::Function',
        ResourceStatus: 'CREATE_COMPLETE',
        LastUpdatedTimestamp: new Date('2024-05-01T10:00:00.000Z'),
        DriftInformation: { StackResourceDriftStatus: 'NOT_CHECKED' },
      }),
      expect.objectContaining({ LogicalResourceId: 'OrdersTable', ResourceType: 'AWS::DynamoDB::Table' }),
      expect.objectContaining({ LogicalResourceId: 'GetOrder', ResourceStatus: 'UPDATE_COMPLETE' }),
    ]);
    expect(emulator.stats().requests['ListStackResources']).toBeGreaterThanOrEqual(1);
  });

  it('finds a stack by its stack id too, as CloudFormation does for a running stack', async () => {
    const stackId = emulator.declareStack({ name: 'by-id', resources: [{ logicalId: 'Fn' }] });
    expect(stackId).toMatch(/^arn:aws:cloudformation:us-east-1:123456789012:stack\/by-id\/[0-9a-f-]{36}$/);
    const out = await cloudFormation.send(new ListStackResourcesCommand({ StackName: stackId }));
    expect(out.StackResourceSummaries?.map((r) => r.PhysicalResourceId)).toEqual(['Fn']);
  });

  it(`pages ${STACK_RESOURCES_PAGE_SIZE} summaries at a time with an opaque NextToken, and the SDK paginator reads them all`, async () => {
    const count = STACK_RESOURCES_PAGE_SIZE * 2 + 7;
    emulator.declareStack({
      name: 'big',
      resources: Array.from({ length: count }, (_, i) => ({ logicalId: `Fn${i}`, physicalId: `big-fn-${i}` })),
    });
    const first = await cloudFormation.send(new ListStackResourcesCommand({ StackName: 'big' }));
    expect(first.StackResourceSummaries).toHaveLength(STACK_RESOURCES_PAGE_SIZE);
    expect(first.NextToken).toEqual(expect.any(String));
    const pages: number[] = [];
    const ids: string[] = [];
    for await (const page of paginateListStackResources({ client: cloudFormation }, { StackName: 'big' })) {
      pages.push(page.StackResourceSummaries?.length ?? 0);
      ids.push(...(page.StackResourceSummaries ?? []).map((r) => r.LogicalResourceId ?? ''));
    }
    expect(pages).toEqual([STACK_RESOURCES_PAGE_SIZE, STACK_RESOURCES_PAGE_SIZE, 7]);
    expect(new Set(ids).size).toBe(count);
  });

  it('answers a stack that does not exist as CloudFormation does: 400 ValidationError "Stack with id … does not exist"', async () => {
    const error = await cloudFormation
      .send(new ListStackResourcesCommand({ StackName: 'no-such-stack' }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CloudFormationServiceException);
    expect(error).toMatchObject({
      name: 'ValidationError',
      message: 'Stack with id no-such-stack does not exist',
      $fault: 'client',
      $metadata: { httpStatusCode: 400 },
    });
  });

  it('refuses a NextToken it did not issue for that stack', async () => {
    const error = await cloudFormation
      .send(new ListStackResourcesCommand({ StackName: 'orders-pr-42', NextToken: 'bm90LWEtdG9rZW4' }))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ValidationError', message: 'Invalid NextToken' });
  });
});

describe('the CloudFormation model holds requests to its constraints', () => {
  const post = (form: string) =>
    fetch(`${emulator.endpoint}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body: form,
    });

  it('answers a missing StackName with the validation layer wording, as XML, and counts it as a contract violation', async () => {
    const before = emulator.contractViolations().length;
    const response = await post('Action=ListStackResources&Version=2010-05-15');
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('text/xml');
    const body = await response.text();
    expect(body).toContain('<ErrorResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">');
    expect(body).toContain('<Type>Sender</Type><Code>ValidationError</Code>');
    expect(body).toContain(
      "<Message>1 validation error detected: Value null at 'stackName' failed to satisfy constraint: Member must not be null</Message>",
    );
    expect(emulator.contractViolations().slice(before)).toEqual([
      expect.objectContaining({ kind: 'validation', operation: 'ListStackResources', method: 'POST', path: '/' }),
    ]);
  });

  it('tells an operation of the model it does not serve (501) from an action CloudFormation does not have (400 InvalidAction)', async () => {
    const unserved = await post('Action=DescribeStacks&Version=2010-05-15');
    expect(unserved.status).toBe(501);
    expect(await unserved.text()).toContain('<Code>NotImplemented</Code>');
    const unknown = await post('Action=FlyToTheMoon&Version=2010-05-15');
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain('<Code>InvalidAction</Code>');
    expect(
      emulator
        .contractViolations()
        .slice(-2)
        .map((v) => v.kind),
    ).toEqual(['unimplemented', 'unknown-operation']);
  });

  it('escapes what it puts in XML', async () => {
    const response = await post('Action=ListStackResources&Version=2010-05-15&StackName=%3Cb%3E%26');
    expect(await response.text()).toContain('<Message>Stack with id &lt;b&gt;&amp; does not exist</Message>');
  });

  it('keeps Lambda requests on the Lambda API: a GET / is not CloudFormation', async () => {
    const response = await fetch(`${emulator.endpoint}/`);
    expect(response.status).toBe(404);
    expect(response.headers.get('x-amzn-errortype')).toBe('UnknownOperationException');
  });
});

describe('the generated CloudFormation constraints file', () => {
  (modelPresent ? it : it.skip)(
    modelPresent
      ? "is current: regenerating it from the machine's botocore model gives the committed file byte for byte"
      : 'is current (SKIPPED: botocore is not installed here; pip install botocore)',
    () => {
      const check = spawnSync(process.execPath, [GENERATOR, '--service', 'cloudformation', '--check'], {
        encoding: 'utf8',
      });
      expect(check.stderr).toBe('');
      expect(check.status).toBe(0);
    },
  );

  it('records the query protocol and ListStackResources as the model has it', () => {
    const contracts = cloudFormationContracts();
    expect(contracts.provenance).toMatchObject({ apiVersion: '2010-05-15', protocol: 'query' });
    expect(contracts.operations['ListStackResources']).toEqual({
      method: 'POST',
      requestUri: '/',
      input: 'ListStackResourcesInput',
    });
    expect(contracts.shapes['ListStackResourcesInput']).toMatchObject({ required: ['StackName'] });
    expect(contracts.shapes['NextToken']).toMatchObject({ type: 'string', min: 1, max: 1024 });
  });
});
