// Full ARNs are split by @aws-sdk/util-arn-parser (src/settings/function-name.ts); the checks after the split, and
// every message, are the project's. These pin what the split must give for each partition and qualifier, and
// that an ARN the library refuses still gets our one-line message naming the first wrong part.

import { InputError, parseFunctionName, parseSettings } from '../../src/settings/index.js';

const SHAPE =
  'a Lambda function ARN looks like arn:aws:lambda:<region>:<12-digit account>:function:<name>[:<alias or version>]';

function messageOf(text: string): string {
  try {
    parseFunctionName(text);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).input).toBe('function-name');
    return (error as InputError).message;
  }
  throw new Error(`expected ${text} to be refused`);
}

describe('full ARNs, split by util-arn-parser', () => {
  test('partition aws-cn: region, account and name come from their own parts', () => {
    expect(parseFunctionName('arn:aws-cn:lambda:cn-northwest-1:210987654321:function:orders-api')).toStrictEqual({
      functionName: 'arn:aws-cn:lambda:cn-northwest-1:210987654321:function:orders-api',
      name: 'orders-api',
      region: 'cn-northwest-1',
      accountId: '210987654321',
      partition: 'aws-cn',
    });
  });

  test('partition aws-us-gov with an alias: the qualifier is split off the resource, not kept in the function name', () => {
    expect(
      parseFunctionName('arn:aws-us-gov:lambda:us-gov-east-1:210987654321:function:orders-api:live'),
    ).toStrictEqual({
      functionName: 'arn:aws-us-gov:lambda:us-gov-east-1:210987654321:function:orders-api',
      name: 'orders-api',
      qualifier: 'live',
      region: 'us-gov-east-1',
      accountId: '210987654321',
      partition: 'aws-us-gov',
    });
  });

  test('a version qualifier: the resource keeps its colons through the split, so function:<name>:<version> is read whole', () => {
    expect(parseFunctionName('arn:aws:lambda:ap-southeast-2:123456789012:function:resize:42')).toStrictEqual({
      functionName: 'arn:aws:lambda:ap-southeast-2:123456789012:function:resize',
      name: 'resize',
      qualifier: '42',
      region: 'ap-southeast-2',
      accountId: '123456789012',
      partition: 'aws',
    });
  });

  test('the region of an aws-cn ARN becomes the settings region, and a different region input is refused', () => {
    const arn = 'arn:aws-cn:lambda:cn-north-1:123456789012:function:orders:7';
    const { settings } = parseSettings((name) => (name === 'function-name' ? arn : ''), {
      env: {},
      cwd: '/repo',
      readFile: () => '{}',
    });
    expect(settings.tuning).toMatchObject({
      functionName: 'arn:aws-cn:lambda:cn-north-1:123456789012:function:orders',
      qualifier: '7',
      region: 'cn-north-1',
    });
    expect(() =>
      parseSettings((name) => (name === 'function-name' ? arn : name === 'region' ? 'us-east-1' : ''), {
        env: {},
        cwd: '/repo',
        readFile: () => '{}',
      }),
    ).toThrow(
      "Input 'region': us-east-1 differs from the region in function-name's ARN (cn-north-1); leave region empty or set it to cn-north-1",
    );
  });
});

describe('malformed ARNs: one line naming the first wrong part, never the library\'s "Malformed ARN"', () => {
  test.each([
    // Fewer than six parts: util-arn-parser refuses them, and the leading parts are still checked first.
    ['arn:aws:lambda:us-east-1', `"arn:aws:lambda:us-east-1" is not a complete ARN; ${SHAPE}`],
    ['arn:aws:s3:::bucket', `"arn:aws:s3:::bucket" is an ARN of service "s3", not of lambda; ${SHAPE}`],
    ['arn:aws', `"arn:aws" is missing the service, not of lambda; ${SHAPE}`],
    ['arn:azure:lambda', `"arn:azure:lambda" has partition "azure", not aws, aws-cn or aws-us-gov; ${SHAPE}`],
    // Six parts: the library splits it, but the resource has no function name.
    [
      'arn:aws:lambda:us-east-1:123456789012:function',
      `"arn:aws:lambda:us-east-1:123456789012:function" is not a complete ARN; ${SHAPE}`,
    ],
    [
      'arn:aws-cn:lambda:us-east-1:123456789012:function:f',
      `"arn:aws-cn:lambda:us-east-1:123456789012:function:f" has region us-east-1, which is not in partition aws-cn; ${SHAPE}`,
    ],
    [
      'arn:aws:lambda:us-gov-west-1:123456789012:function:f',
      `"arn:aws:lambda:us-gov-west-1:123456789012:function:f" has region us-gov-west-1 in partition aws (use aws-us-gov); ${SHAPE}`,
    ],
    [
      'arn:aws:lambda:us-east-1:123456789012:layer:f:1',
      `"arn:aws:lambda:us-east-1:123456789012:layer:f:1" is a "layer" ARN, not a function ARN; ${SHAPE}`,
    ],
    [
      'arn:aws:lambda:us-east-1:123456789012:function:f:1:2',
      `"arn:aws:lambda:us-east-1:123456789012:function:f:1:2" has too many ':' parts; give a function name (e.g. my-function), optionally with :alias or :version, or its ARN`,
    ],
  ])('%s', (text, detail) => {
    const message = messageOf(text);
    expect(message).toBe(`Input 'function-name': ${detail}`);
    expect(message).not.toContain('Malformed ARN');
  });
});
