// Request validation against the official CloudWatch and CloudWatch Logs API models, for the operations the
// emulator's usage stand-in serves (emulator/cloudwatch/usage.ts). Both speak a JSON RPC protocol: a POST to `/`
// whose `X-Amz-Target: <targetPrefix>.<Operation>` header names the operation and whose JSON body is its input.
// CloudWatch Logs is awsJson1_1 (botocore: "protocol": "json", "jsonVersion": "1.1", targetPrefix Logs_20140328).
// CloudWatch lists smithy-rpc-v2-cbor, json and query (botocore 1.43, "protocols"); @aws-sdk/client-cloudwatch
// 3.1164 sends awsJson1_0 (AwsJson1_0Protocol, serviceTarget GraniteServiceVersion20100801, awsQueryCompatible), so
// that is what the emulator answers. A CBOR client would be refused here as an unknown request, not misread.
//
// The constraints come from contracts/cloudwatch-2010-08-01.json and contracts/logs-2014-03-28.json, generated from
// botocore by `node scripts/gen-lambda-contracts.mjs --service cloudwatch|logs`. A violation is answered with the AWS
// validation layer's wording (contracts/lambda.ts) and the service's error code: CloudWatch Logs answers
// InvalidParameterException "1 validation error detected: Value '…' at 'logGroupName' failed to satisfy constraint:
// Member must satisfy regular expression pattern: [\.\-_/#A-Za-z0-9]+" (seen in hashicorp/terraform-provider-aws
// issues); CloudWatch, awsQuery-compatible, has no validation error of its own in the model and answers a bad value
// with InvalidParameterValueException (query code InvalidParameterValue), which the emulator uses (not measured).

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { notifyContractObservers, validateRequest, type ContractViolation, type Contracts } from './lambda.js';

export type JsonRpcService = 'cloudwatch' | 'logs';

const FILES: Record<JsonRpcService, string> = {
  cloudwatch: fileURLToPath(new URL('./cloudwatch-2010-08-01.json', import.meta.url)),
  logs: fileURLToPath(new URL('./logs-2014-03-28.json', import.meta.url)),
};
const TITLES: Record<JsonRpcService, string> = { cloudwatch: 'CloudWatch', logs: 'CloudWatch Logs' };
/** The Content-Type each service's protocol sends (awsJson1_0 / awsJson1_1). */
const CONTENT_TYPES: Record<JsonRpcService, string> = {
  cloudwatch: 'application/x-amz-json-1.0',
  logs: 'application/x-amz-json-1.1',
};

const loaded = new Map<JsonRpcService, Contracts>();
export function jsonRpcContracts(service: JsonRpcService): Contracts {
  let contracts = loaded.get(service);
  if (!contracts) {
    contracts = JSON.parse(readFileSync(FILES[service], 'utf8')) as Contracts;
    loaded.set(service, contracts);
  }
  return contracts;
}

export function contentTypeOf(service: JsonRpcService): string {
  return CONTENT_TYPES[service];
}

/** The service and operation an `X-Amz-Target` names, or undefined when it names neither service. */
export function jsonRpcTarget(target: string | undefined): { service: JsonRpcService; operation: string } | undefined {
  if (!target) return undefined;
  const dot = target.lastIndexOf('.');
  const prefix = target.slice(0, dot);
  for (const service of ['cloudwatch', 'logs'] as const) {
    if (jsonRpcContracts(service).provenance['targetPrefix'] === prefix)
      return { service, operation: target.slice(dot + 1) };
  }
  return undefined;
}

export interface JsonRpcError {
  status: number;
  code: string;
  message: string;
}

/**
 * The error to answer a JSON RPC request with when it breaks its model or asks for an operation the emulator does
 * not serve (recorded and reported to the contract observers like Lambda's), or undefined.
 */
export function checkJsonRpcContract(
  service: JsonRpcService,
  operation: string,
  body: Buffer,
  serves: (operation: string) => boolean,
): (ContractViolation & { error: JsonRpcError }) | undefined {
  const violation = findViolation(service, operation, body, serves);
  if (violation) {
    const { error: _error, ...recorded } = violation;
    notifyContractObservers(recorded);
  }
  return violation;
}

function findViolation(
  service: JsonRpcService,
  operation: string,
  body: Buffer,
  serves: (operation: string) => boolean,
): (ContractViolation & { error: JsonRpcError }) | undefined {
  const contracts = jsonRpcContracts(service);
  const where = { method: 'POST', path: '/' };
  if (!Object.hasOwn(contracts.operations, operation)) {
    const message = `${TITLES[service]} has no operation ${operation}`;
    return {
      kind: 'unknown-operation',
      ...where,
      message,
      error: { status: 400, code: 'UnknownOperationException', message },
    };
  }
  const checked = validateRequest(contracts, operation, {
    labels: {},
    query: new URLSearchParams(),
    headers: {},
    body: body.length > 0 ? body : Buffer.from('{}'),
  });
  if (checked) {
    const code =
      checked.kind === 'malformed'
        ? 'SerializationException'
        : service === 'logs'
          ? 'InvalidParameterException'
          : 'InvalidParameterValueException';
    const message = checked.error.message;
    return { kind: checked.kind, operation, ...where, message, error: { status: 400, code, message } };
  }
  if (!serves(operation)) {
    const message = `${operation} is a ${TITLES[service]} API operation that this emulator does not implement (see emulator/README.md).`;
    return {
      kind: 'unimplemented',
      operation,
      ...where,
      message,
      error: { status: 501, code: 'NotImplemented', message },
    };
  }
  return undefined;
}
