// stack-name and its companions: which CloudFormation stack holds the functions, which base stack holds their
// live baselines, and the globs on logical ids that pick among them. Checked here without any AWS call; the
// discovery (src/app/discovery.ts) lists the stack and applies the globs with the same picomatch.

import picomatch from 'picomatch';
import { fail, show } from './parse.js';

export interface ParsedStackName {
  /** What ListStackResources' StackName takes: the name or the stack ARN, as given. */
  stackName: string;
  /** The stack's name (from an ARN, its name part). */
  name: string;
  region?: string;
  accountId?: string;
}

/**
 * CloudFormation's rule for a stack name: letters, digits and hyphens, starting with a letter, at most 128
 * characters (CreateStack, StackName). A stack ARN: arn:<partition>:cloudformation:<region>:<account>:stack/<name>/<id>.
 */
const STACK_NAME = /^[A-Za-z][A-Za-z0-9-]{0,127}$/;
const STACK_ARN =
  /^arn:aws(?:-[a-z]+)*:cloudformation:([a-z]{2}(?:-[a-z]+)+-\d{1,2}):(\d{12}):stack\/([^/]+)\/[A-Za-z0-9-]+$/;

export function parseStackName(input: string, text: string): ParsedStackName {
  const arn = STACK_ARN.exec(text);
  if (arn) {
    const [, region = '', accountId = '', name = ''] = arn;
    if (!STACK_NAME.test(name)) throw badStack(input, text);
    return { stackName: text, name, region, accountId };
  }
  if (text.startsWith('arn:')) {
    throw fail(
      input,
      `${show(text)} is not a CloudFormation stack ARN; use arn:aws:cloudformation:<region>:<12-digit account>:stack/<name>/<id>, or the stack's name alone`,
    );
  }
  if (!STACK_NAME.test(text)) throw badStack(input, text);
  return { stackName: text, name: text };
}

function badStack(input: string, text: string) {
  return fail(
    input,
    `${show(text)} is not a CloudFormation stack name; use the stack's name (letters, digits and hyphens, starting with a letter, up to 128), e.g. orders-pr-42, as sam deploy --stack-name or cdk deploy named it`,
  );
}

/**
 * Globs on logical ids, one per line or separated by commas (not the commas inside braces, as in {Orders,Users}*);
 * blank lines and # comments are ignored. Each is checked with picomatch (brackets, braces and parentheses must
 * close), and must be able to match a logical id: those are letters and digits only (CloudFormation template
 * anatomy, Resources), so a glob with "-", "_", "/" or ":" outside a [class] is a function name by mistake.
 */
export function parseLogicalIdGlobs(input: string, text: string): string[] {
  const globs: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    for (const item of splitOutsideBraces(line)) {
      const glob = item.trim();
      if (glob === '') {
        throw fail(
          input,
          `${show(line)} has an empty item between commas; give one glob per line or separated by commas`,
        );
      }
      try {
        picomatch.makeRe(glob, { strictBrackets: true });
      } catch (error) {
        throw fail(
          input,
          `${show(glob)} is not a valid glob (${error instanceof Error ? error.message : String(error)}); e.g. Orders*, *Api or {Orders,Users}Function`,
        );
      }
      const outsideClasses = glob.replace(/\[[^\]]*\]/g, '');
      const stray = /[-_/:.]/.exec(outsideClasses);
      if (stray) {
        throw fail(
          input,
          `${show(glob)} has ${show(stray[0])}, which no logical id has (they are letters and digits, e.g. OrdersFunction); match the template's logical ids, not the deployed function names`,
        );
      }
      globs.push(glob);
    }
  }
  return [...new Set(globs)];
}

/** Splits on commas at depth 0 of {} () []. */
function splitOutsideBraces(line: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of line) {
    if (char === '{' || char === '(' || char === '[') depth++;
    else if ((char === '}' || char === ')' || char === ']') && depth > 0) depth--;
    if (char === ',' && depth === 0) {
      items.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  items.push(current);
  return items;
}
