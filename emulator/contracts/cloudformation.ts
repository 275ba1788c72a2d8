// Request validation against the official CloudFormation API model, for the one CloudFormation operation the
// emulator serves (ListStackResources, emulator/cloudformation/stacks.ts). CloudFormation speaks the awsQuery
// protocol: a form-encoded POST to `/` whose `Action` and `Version` name the operation and whose other fields are
// the input's members (botocore's model: "protocol": "query", every operation `POST /`).
//
// The constraints come from contracts/cloudformation-2010-05-15.json, generated from botocore's
// data/cloudformation/2010-05-15/service-2.json by `node scripts/gen-lambda-contracts.mjs --service cloudformation`.
// A violation is answered as CloudFormation answers it: 400 with an XML ErrorResponse whose code is ValidationError
// (the query services' name for it) and whose message has the AWS validation layer's wording, e.g. "1 validation
// error detected: Value null at 'stackName' failed to satisfy constraint: Member must not be null" (the same layer
// words Lambda's, contracts/lambda.ts cites where). Only top-level scalar members are read from the form (`a.b`,
// `x.member.N` flattening is not decoded): ListStackResources has no other kind.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { notifyContractObservers, validateRequest, type ContractViolation, type Contracts } from './lambda.js';

export const CLOUDFORMATION_CONTRACTS_FILE = fileURLToPath(
  new URL('./cloudformation-2010-05-15.json', import.meta.url),
);

let loaded: Contracts | undefined;
export function cloudFormationContracts(): Contracts {
  loaded ??= JSON.parse(readFileSync(CLOUDFORMATION_CONTRACTS_FILE, 'utf8')) as Contracts;
  return loaded;
}

/** An error CloudFormation answers: HTTP status, the query protocol's error code, and the message. */
export interface QueryError {
  status: number;
  code: string;
  message: string;
}

/**
 * The error to answer a CloudFormation request with when it breaks the model or asks for an operation the emulator
 * does not serve (recorded and reported to the contract observers like Lambda's), or undefined.
 */
export function checkCloudFormationContract(
  form: URLSearchParams,
  pathname: string,
  serves: (operation: string) => boolean,
): (ContractViolation & { error: QueryError }) | undefined {
  const violation = findViolation(cloudFormationContracts(), form, pathname, serves);
  if (violation) {
    const { error: _error, ...recorded } = violation;
    notifyContractObservers(recorded);
  }
  return violation;
}

function findViolation(
  contracts: Contracts,
  form: URLSearchParams,
  pathname: string,
  serves: (operation: string) => boolean,
): (ContractViolation & { error: QueryError }) | undefined {
  const where = { method: 'POST', path: pathname };
  const action = form.get('Action') ?? '';
  const version = form.get('Version') ?? '';
  const apiVersion = String(contracts.provenance['apiVersion'] ?? '');
  if (!Object.hasOwn(contracts.operations, action) || version !== apiVersion) {
    // AWS's query services answer an action they do not have with 400 InvalidAction ("The action or operation
    // requested is invalid", AWS common errors); the exact message is not measured here.
    const message = `Could not find operation ${action || '(no Action)'} for version ${version || '(no Version)'}`;
    return {
      kind: 'unknown-operation',
      ...where,
      message,
      error: { status: 400, code: 'InvalidAction', message },
    };
  }
  const input = contracts.operations[action]?.input;
  const members = input ? Object.keys(contracts.shapes[input]?.members ?? {}) : [];
  const values: Record<string, string> = {};
  for (const member of members) {
    const value = form.get(member);
    if (value !== null) values[member] = value;
  }
  // The model's members are plain strings here, so the JSON validator checks them as they are.
  const checked = validateRequest(contracts, action, {
    labels: {},
    query: new URLSearchParams(),
    headers: {},
    body: Buffer.from(JSON.stringify(values)),
  });
  if (checked) {
    return {
      kind: checked.kind,
      operation: action,
      ...where,
      message: checked.error.message,
      error: { status: 400, code: 'ValidationError', message: checked.error.message },
    };
  }
  if (!serves(action)) {
    const message = `${action} is a CloudFormation API operation that this emulator does not implement; it serves ListStackResources only (see emulator/README.md).`;
    return {
      kind: 'unimplemented',
      operation: action,
      ...where,
      message,
      error: { status: 501, code: 'NotImplemented', message },
    };
  }
  return undefined;
}
