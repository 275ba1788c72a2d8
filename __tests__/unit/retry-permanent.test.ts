// Non-transient 5xx from Invoke (issue 12, "Smaller differences"): a misconfigured KMS key, runtime, VPC or file
// system answers 502 (or 4xx) every time, so neither the engine's retry (isTransient) nor the SDK's own standard
// retry strategy may send the request again. The SDK part runs the real client against a tiny HTTP server that
// answers as Lambda does (status, x-amzn-ErrorType, JSON body), counting requests.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InvokeCommand } from '@aws-sdk/client-lambda';
import { createLambdaClient } from '../../src/tuning/client.js';
import { isTransient, PERMANENT_SERVICE_ERRORS } from '../../src/lib/retry.js';

const serviceError = (name: string, status: number) =>
  Object.assign(new Error(`${name} from Lambda`), { name, $metadata: { httpStatusCode: status } });

describe('isTransient', () => {
  it.each([
    ['KMSAccessDeniedException', 502],
    ['KMSDisabledException', 502],
    ['KMSInvalidStateException', 502],
    ['KMSNotFoundException', 502],
    ['InvalidRuntimeException', 502],
    ['ENILimitReachedException', 502],
    ['SubnetIPAddressLimitReachedException', 502],
    ['InvalidSubnetIDException', 502],
    ['InvalidSecurityGroupIDException', 502],
    ['EFSIOException', 410],
    ['EFSMountConnectivityException', 408],
    ['EFSMountFailureException', 403],
    ['EFSMountTimeoutException', 408],
  ])('%s (%i) is not retried', (name, status) => {
    expect(PERMANENT_SERVICE_ERRORS.has(name)).toBe(true);
    expect(isTransient(serviceError(name, status))).toBe(false);
  });

  it.each([
    ['ServiceException', 500],
    ['EC2UnexpectedException', 502],
    ['ResourceNotReadyException', 502],
  ])('%s (%i) still is', (name, status) => {
    expect(isTransient(serviceError(name, status))).toBe(true);
  });
});

describe("the SDK client's own retries", () => {
  let server: Server;
  let requests = 0;
  let answer: { status: number; type: string } = { status: 502, type: 'KMSAccessDeniedException' };

  beforeAll(async () => {
    server = createServer((request, response) => {
      requests++;
      request.resume();
      request.on('end', () => {
        response.writeHead(answer.status, { 'content-type': 'application/json', 'x-amzn-errortype': answer.type });
        response.end(JSON.stringify({ Type: 'User', Message: `${answer.type} for the test` }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  async function invokeOnce(status: number, type: string): Promise<{ requests: number; name: string }> {
    answer = { status, type };
    requests = 0;
    const client = createLambdaClient(
      { region: 'us-east-1', endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}` },
      {},
    );
    try {
      await client.send(new InvokeCommand({ FunctionName: 'f', Qualifier: 'a' }));
      return { requests, name: 'none' };
    } catch (error) {
      return { requests, name: (error as Error).name };
    } finally {
      client.destroy();
    }
  }

  it('sends a KMSAccessDeniedException (502) request once, and the error names it', async () => {
    expect(await invokeOnce(502, 'KMSAccessDeniedException')).toEqual({
      requests: 1,
      name: 'KMSAccessDeniedException',
    });
  });

  it('sends an ENILimitReachedException (502) request once', async () => {
    expect(await invokeOnce(502, 'ENILimitReachedException')).toEqual({
      requests: 1,
      name: 'ENILimitReachedException',
    });
  });

  it('still retries a ServiceException (500) up to maxAttempts', async () => {
    expect(await invokeOnce(500, 'ServiceException')).toEqual({ requests: 3, name: 'ServiceException' });
  });
});
