// CloudFormation for the emulator: stacks declared in its configuration (they are not deployed from templates),
// listed with ListStackResources in the protocol CloudFormation really speaks, so the real
// @aws-sdk/client-cloudformation works against the emulator's endpoint. That protocol is awsQuery (botocore's model,
// data/cloudformation/2010-05-15/service-2.json: "protocol": "query", ListStackResources `POST /`, output wrapped in
// ListStackResourcesResult): a form-encoded POST `Action=ListStackResources&Version=2010-05-15&StackName=…&NextToken=…`
// answered with XML, errors as an XML ErrorResponse.

import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { checkCloudFormationContract, type QueryError } from '../contracts/cloudformation.js';
import type { ContractViolation } from '../contracts/lambda.js';

/** The model's xmlNamespace for CloudFormation 2010-05-15. */
const XML_NAMESPACE = 'http://cloudformation.amazonaws.com/doc/2010-05-15/';

/**
 * Summaries per ListStackResources page. AWS documents no item count: the API reference says NextToken comes "If
 * the output exceeds 1 MB" (API_ListStackResources, and botocore's model for NextToken), and a summary is a few
 * hundred bytes, so a real page may hold every resource of most stacks. 100 is the page CloudFormation's own
 * DescribeStackResources stops at ("Only the first 100 resources will be returned") and the page other stand-ins
 * chose for ListStackResources (ministackorg/ministack#1654). Smaller than AWS's, it makes every client that reads
 * only the first page fail here, which is the point: a client must follow NextToken whatever the page holds.
 */
export const STACK_RESOURCES_PAGE_SIZE = 100;

/** The status enum of botocore's ResourceStatus shape (a few of its values; any of the model's is accepted). */
export type ResourceStatus =
  | 'CREATE_IN_PROGRESS'
  | 'CREATE_FAILED'
  | 'CREATE_COMPLETE'
  | 'DELETE_IN_PROGRESS'
  | 'DELETE_FAILED'
  | 'DELETE_COMPLETE'
  | 'DELETE_SKIPPED'
  | 'UPDATE_IN_PROGRESS'
  | 'UPDATE_FAILED'
  | 'UPDATE_COMPLETE'
  | 'UPDATE_ROLLBACK_COMPLETE'
  | 'IMPORT_COMPLETE'
  | 'ROLLBACK_COMPLETE';

export interface StackResourceSpec {
  logicalId: string;
  /** Default AWS::Lambda::Function. */
  type?: string;
  /** The physical id: for a function, its name (default: the logical id). */
  physicalId?: string;
  /** Default CREATE_COMPLETE. */
  status?: ResourceStatus;
  statusReason?: string;
}

/** A stack as the emulator's configuration declares it: a name and its resources, in order. */
export interface StackSpec {
  name: string;
  resources: StackResourceSpec[];
}

/** When every declared resource was last updated (a fixed time, as the Lambda store's LastModified is). */
const LAST_UPDATED = '2024-05-01T10:00:00.000Z';

interface Stack {
  name: string;
  stackId: string;
  resources: StackResourceSpec[];
}

export class StackStore {
  private readonly stacks = new Map<string, Stack>();

  constructor(
    private readonly region: string,
    private readonly accountId: string,
  ) {}

  /** Declares (or replaces) a stack; returns its stack id (an ARN, as CloudFormation's StackId is). */
  declare(spec: StackSpec): string {
    // A stable id per name, so runs are reproducible; CloudFormation's is a random UUID.
    const hex = createHash('sha256').update(spec.name).digest('hex');
    const uuid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
    const stackId = `arn:aws:cloudformation:${this.region}:${this.accountId}:stack/${spec.name}/${uuid}`;
    this.stacks.set(spec.name, { name: spec.name, stackId, resources: spec.resources.map((r) => ({ ...r })) });
    return stackId;
  }

  /** A running stack by name or by stack id, as ListStackResources accepts either. */
  find(nameOrId: string): Stack | undefined {
    return this.stacks.get(nameOrId) ?? [...this.stacks.values()].find((stack) => stack.stackId === nameOrId);
  }
}

/** Whether a request is for CloudFormation: awsQuery is a form POST to `/`, a path no Lambda operation has. */
export function isCloudFormationRequest(method: string, pathname: string, headers: IncomingHttpHeaders): boolean {
  const contentType = String(headers['content-type'] ?? '').toLowerCase();
  return method === 'POST' && pathname === '/' && contentType.startsWith('application/x-www-form-urlencoded');
}

export interface QueryReply {
  status: number;
  body: string;
  operation: string | undefined;
  violation?: ContractViolation;
}

/** Escapes element text (no value is ever put in an attribute). */
const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const element = (name: string, value: string | undefined) =>
  value === undefined ? '' : `<${name}>${escapeXml(value)}</${name}>`;

/** The query protocol's error body: Type Sender for the caller's mistakes, Receiver for the service's. */
export function errorXml(error: QueryError, requestId: string): string {
  return (
    `<ErrorResponse xmlns="${XML_NAMESPACE}"><Error><Type>${error.status >= 500 ? 'Receiver' : 'Sender'}</Type>` +
    `${element('Code', error.code)}${element('Message', error.message)}</Error>${element('RequestId', requestId)}</ErrorResponse>`
  );
}

/** The opaque NextToken: which stack and where the next page starts. */
const encodeToken = (stackId: string, offset: number) =>
  Buffer.from(JSON.stringify({ s: stackId, o: offset })).toString('base64url');

function decodeToken(token: string): { s: string; o: number } | undefined {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { s?: unknown; o?: unknown };
    return typeof parsed.s === 'string' && typeof parsed.o === 'number' && Number.isInteger(parsed.o) && parsed.o > 0
      ? { s: parsed.s, o: parsed.o }
      : undefined;
  } catch {
    return undefined;
  }
}

/** Answers one CloudFormation request (the form body already read). */
export function answerCloudFormation(store: StackStore, body: Buffer, pathname: string, requestId: string): QueryReply {
  const form = new URLSearchParams(body.toString('utf8'));
  const violation = checkCloudFormationContract(form, pathname, (operation) => operation === 'ListStackResources');
  if (violation) {
    const { error, ...recorded } = violation;
    return {
      status: error.status,
      body: errorXml(error, requestId),
      operation: recorded.operation,
      violation: recorded,
    };
  }
  const fail = (error: QueryError): QueryReply => ({
    status: error.status,
    body: errorXml(error, requestId),
    operation: 'ListStackResources',
  });
  const stackName = form.get('StackName') ?? '';
  const stack = store.find(stackName);
  // Real CloudFormation: HTTP 400, "ValidationError: Stack with id <name> does not exist" for ListStackResources
  // (cloudquery/cq-provider-aws#824 quotes it from the Go SDK; localstack/localstack#2179 shows the XML body).
  if (!stack)
    return fail({ status: 400, code: 'ValidationError', message: `Stack with id ${stackName} does not exist` });
  const token = form.get('NextToken');
  let offset = 0;
  if (token !== null) {
    const decoded = decodeToken(token);
    // AWS's wording for a token it did not issue is not measured; the code is the query protocol's ValidationError.
    if (!decoded || decoded.s !== stack.stackId || decoded.o >= stack.resources.length)
      return fail({ status: 400, code: 'ValidationError', message: 'Invalid NextToken' });
    offset = decoded.o;
  }
  const page = stack.resources.slice(offset, offset + STACK_RESOURCES_PAGE_SIZE);
  const next =
    offset + page.length < stack.resources.length ? encodeToken(stack.stackId, offset + page.length) : undefined;
  const members = page
    .map((resource) => {
      const type = resource.type ?? 'AWS::Lambda::Function';
      return (
        '<member>' +
        element('LogicalResourceId', resource.logicalId) +
        element('PhysicalResourceId', resource.physicalId ?? resource.logicalId) +
        element('ResourceType', type) +
        element('LastUpdatedTimestamp', LAST_UPDATED) +
        element('ResourceStatus', resource.status ?? 'CREATE_COMPLETE') +
        element('ResourceStatusReason', resource.statusReason) +
        '<DriftInformation><StackResourceDriftStatus>NOT_CHECKED</StackResourceDriftStatus></DriftInformation>' +
        '</member>'
      );
    })
    .join('');
  const xml =
    `<ListStackResourcesResponse xmlns="${XML_NAMESPACE}"><ListStackResourcesResult>` +
    `<StackResourceSummaries>${members}</StackResourceSummaries>${element('NextToken', next)}` +
    `</ListStackResourcesResult><ResponseMetadata>${element('RequestId', requestId)}</ResponseMetadata>` +
    '</ListStackResourcesResponse>';
  return { status: 200, body: xml, operation: 'ListStackResources' };
}
