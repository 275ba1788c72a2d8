// Function names in every form Lambda takes (name, partial ARN, full ARN, each with an optional :alias or :version),
// and alias names. A full ARN is split by @aws-sdk/util-arn-parser; the checks and their messages are ours, so a
// typo in any part is named with the fix.

import { parse as splitFullArn } from '@aws-sdk/util-arn-parser';
import { fail, omitUndefined, show } from './parse.js';

export interface ParsedFunctionName {
  /** What Lambda's FunctionName takes: the name, or the ARN (full or partial) without qualifier. */
  functionName: string;
  /** The bare function name, e.g. `my-fn` for any of its ARNs. */
  name: string;
  qualifier?: string;
  region?: string;
  accountId?: string;
  partition?: string;
}

/** An AWS region code, e.g. us-east-1, eu-central-2, us-gov-west-1, cn-north-1. */
export const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;

const FUNCTION_NAME = /^[A-Za-z0-9_-]+$/;
const QUALIFIER = /^(?:\$LATEST|[A-Za-z0-9_-]+)$/;
const ACCOUNT_ID = /^\d{12}$/;
const PARTITION = /^aws(?:-[a-z]+)*$/;
const MAX_FUNCTION_NAME_LENGTH = 64;
const MAX_QUALIFIER_LENGTH = 128;
const ARN_SHAPE = 'arn:aws:lambda:<region>:<12-digit account>:function:<name>[:<alias or version>]';
const NAME_HINT = 'give a function name (e.g. my-function), optionally with :alias or :version, or its ARN';

/** Function name forms: my-fn, my-fn:alias, my-fn:7, 123456789012:function:my-fn[:q], arn:<partition>:lambda:<region>:<account>:function:my-fn[:q]. */
export function parseFunctionName(value: string): ParsedFunctionName {
  return parseFunctionNameAs('function-name', value, true);
}

/** parseFunctionName for the named input (function-name or baseline-function); an empty value is an error either way. */
export function parseFunctionNameAs(input: string, value: string, required: boolean): ParsedFunctionName {
  const text = value.trim();
  if (text === '') {
    throw fail(
      input,
      `is ${required ? 'required' : 'empty'}; ${NAME_HINT}, e.g. arn:aws:lambda:us-east-1:123456789012:function:my-function`,
    );
  }
  const parts = text.split(':');
  if (parts[0] === 'arn') return parseFullArn(input, text);
  if (parts.length >= 3 && parts[1] === 'function') {
    const [accountId = '', , name = '', qualifier, ...extra] = parts;
    if (!ACCOUNT_ID.test(accountId)) {
      throw fail(
        input,
        `${show(text)} has account ${show(accountId)}, which is not 12 digits; use <12-digit account>:function:<name>, or the name alone`,
      );
    }
    checkFunctionName(input, text, name);
    checkQualifier(input, text, qualifier, extra);
    return omitUndefined({ functionName: `${accountId}:function:${name}`, name, qualifier, accountId });
  }
  const [name = '', qualifier, ...extra] = parts;
  checkFunctionName(input, text, name);
  checkQualifier(input, text, qualifier, extra);
  return omitUndefined({ functionName: name, name, qualifier });
}

interface ArnParts {
  partition: string;
  service: string;
  region: string;
  accountId: string;
  /** Everything after the account, colons included (function:<name>[:<qualifier>]); absent in an ARN cut short. */
  resource?: string;
}

/**
 * util-arn-parser splits an ARN of at least six parts and refuses a shorter one ("Malformed ARN"). A shorter one
 * still has its leading parts checked first, so "arn:aws:s3" is named an S3 ARN, not just an incomplete one.
 */
function splitArn(text: string): ArnParts {
  try {
    return splitFullArn(text);
  } catch {
    const [, partition = '', service = '', region = '', accountId = ''] = text.split(':');
    return { partition, service, region, accountId };
  }
}

function parseFullArn(input: string, text: string): ParsedFunctionName {
  const { partition, service, region, accountId, resource } = splitArn(text);
  const malformed = (problem: string) =>
    fail(input, `${show(text)} ${problem}; a Lambda function ARN looks like ${ARN_SHAPE}`);
  if (!PARTITION.test(partition)) throw malformed(`has partition ${show(partition)}, not aws, aws-cn or aws-us-gov`);
  if (service !== 'lambda')
    throw malformed(
      `is ${service === '' ? 'missing the service' : `an ARN of service ${show(service)}`}, not of lambda`,
    );
  // A function ARN's resource is function:<name>[:<qualifier>]: at least two parts.
  if (resource === undefined || !resource.includes(':')) throw malformed('is not a complete ARN');
  if (!REGION.test(region))
    throw malformed(region === '' ? 'has no region' : `has region ${show(region)}, which is not a region code`);
  if (partition === 'aws-cn' && !region.startsWith('cn-'))
    throw malformed(`has region ${region}, which is not in partition aws-cn`);
  if (partition === 'aws-us-gov' && !region.startsWith('us-gov-'))
    throw malformed(`has region ${region}, which is not in partition aws-us-gov`);
  if (partition === 'aws' && (region.startsWith('cn-') || region.startsWith('us-gov-'))) {
    throw malformed(
      `has region ${region} in partition aws (use ${region.startsWith('cn-') ? 'aws-cn' : 'aws-us-gov'})`,
    );
  }
  if (!ACCOUNT_ID.test(accountId)) throw malformed(`has account ${show(accountId)}, which is not 12 digits`);
  const [resourceType = '', name = '', qualifier, ...extra] = resource.split(':');
  if (resourceType !== 'function') throw malformed(`is a ${show(resourceType)} ARN, not a function ARN`);
  checkFunctionName(input, text, name);
  checkQualifier(input, text, qualifier, extra);
  return omitUndefined({
    functionName: `arn:${partition}:lambda:${region}:${accountId}:function:${name}`,
    name,
    qualifier,
    region,
    accountId,
    partition,
  });
}

function checkFunctionName(input: string, text: string, name: string): void {
  if (name === '') throw fail(input, `${show(text)} has an empty function name; ${NAME_HINT}`);
  if (!FUNCTION_NAME.test(name)) {
    const within = text === name ? '' : ` in ${show(text)}`;
    throw fail(
      input,
      `the function name ${show(name)}${within} has characters other than letters, digits, hyphens and underscores; ${NAME_HINT}`,
    );
  }
  if (name.length > MAX_FUNCTION_NAME_LENGTH) {
    throw fail(
      input,
      `the function name is ${name.length} characters, above Lambda's limit of ${MAX_FUNCTION_NAME_LENGTH}; check the name`,
    );
  }
}

function checkQualifier(input: string, text: string, qualifier: string | undefined, extra: string[]): void {
  if (extra.length > 0) throw fail(input, `${show(text)} has too many ':' parts; ${NAME_HINT}`);
  if (qualifier === undefined) return;
  if (qualifier === '')
    throw fail(
      input,
      `${show(text)} ends with ':' but has no alias or version after it; remove the ':' or add the qualifier`,
    );
  if (!QUALIFIER.test(qualifier) || qualifier.length > MAX_QUALIFIER_LENGTH) {
    throw fail(
      input,
      `${show(text)} has qualifier ${show(qualifier)}, which is not a version ($LATEST or a number) or an alias (letters, digits, - and _, up to ${MAX_QUALIFIER_LENGTH})`,
    );
  }
}

/** An alias Lambda accepts: letters, digits, - and _, not only digits (that would be a version), up to 128. */
export function checkAliasName(input: string, alias: string): string {
  if (!/^[A-Za-z0-9_-]+$/.test(alias) || /^\d+$/.test(alias) || alias.length > MAX_QUALIFIER_LENGTH) {
    throw fail(
      input,
      `${show(alias)} is not an alias name; use letters, digits, - and _ (not only digits, up to ${MAX_QUALIFIER_LENGTH}), e.g. live`,
    );
  }
  return alias;
}
