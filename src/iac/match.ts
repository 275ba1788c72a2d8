// Which declaration is the tuned function. Only what the code says identifies it: a literal name equal to the
// deployed one, the logical id the stack reported (stack-name), or a naming rule that holds for exactly one
// declaration (CloudFormation's `<stack>-<LogicalId>-<suffix>`, CDK's logical ids, Serverless's
// `<service>-<stage>-<key>`, a !Sub or an interpolated name). Two candidates of equal strength, or none, and
// nothing is changed: the report says which it could not tell apart.

import { literalPattern, type FunctionDeclaration } from './declarations.js';

/** The function as the run knows it. */
export interface TunedFunction {
  /** The deployed name (no ARN, no qualifier). */
  functionName: string;
  /** The CloudFormation logical id, when the stack told it (stack-name). */
  logicalId?: string;
}

export type Match =
  | { kind: 'found'; declaration: FunctionDeclaration; by: string }
  | { kind: 'ambiguous'; candidates: FunctionDeclaration[]; by: string }
  /** `unreadable`: declarations whose names are expressions, so any of them could be it. */
  | { kind: 'none'; unreadable: FunctionDeclaration[] };

// CloudFormation's generated physical names end in a random suffix of letters and digits (12 or 13 for Lambda,
// e.g. "shop-OrdersFunction-AbCdEfGh1234"); 8 or more is accepted.
const SUFFIX = '[A-Za-z0-9]{8,}';
// CDK's logical ids end in the first 8 hex digits, upper case, of the construct path's hash (makeUniqueId).
const CDK_HASH = '[0-9A-F]{8}';

/** How strongly a declaration names the function: 2 by name or logical id, 1 by a naming rule, 0 not at all. */
function strength(decl: FunctionDeclaration, fn: TunedFunction): { level: 0 | 1 | 2; by: string } {
  const id = decl.identity;
  const test = (pattern: string, text: string) => new RegExp(`^(?:${pattern})$`).test(text);
  if (id.functionName !== undefined)
    // A name given literally decides: another name is another function, whatever the logical id.
    return id.functionName === fn.functionName ? { level: 2, by: 'its name' } : { level: 0, by: '' };
  if (fn.logicalId !== undefined && id.logicalId === fn.logicalId) return { level: 2, by: 'its logical id' };
  if (fn.logicalId !== undefined && id.constructId !== undefined) {
    const cdk = `[A-Za-z0-9]*${literalPattern(alphanumeric(id.constructId))}${CDK_HASH}`;
    if (test(cdk, fn.logicalId)) return { level: 1, by: "CDK's logical id for its construct id" };
  }
  if (id.namePattern !== undefined)
    return test(id.namePattern, fn.functionName) ? { level: 1, by: 'its naming rule' } : { level: 0, by: '' };
  if (id.nameExpression !== undefined) return { level: 0, by: '' };
  if (id.logicalId !== undefined && test(`.+-${literalPattern(id.logicalId)}-${SUFFIX}`, fn.functionName))
    return { level: 1, by: "CloudFormation's name for its logical id" };
  if (id.constructId !== undefined) {
    const cdk = `.+-[A-Za-z0-9]*${literalPattern(alphanumeric(id.constructId))}${CDK_HASH}-${SUFFIX}`;
    if (test(cdk, fn.functionName)) return { level: 1, by: "CloudFormation's name for its CDK construct" };
  }
  return { level: 0, by: '' };
}

/** CDK drops every character but letters and digits from a construct id in the logical id. */
const alphanumeric = (text: string) => text.replace(/[^A-Za-z0-9]/g, '');

export function matchFunction(declarations: readonly FunctionDeclaration[], fn: TunedFunction): Match {
  const scored = declarations.map((declaration) => ({ declaration, ...strength(declaration, fn) }));
  for (const level of [2, 1] as const) {
    const at = scored.filter((entry) => entry.level === level);
    const [first] = at;
    if (at.length === 1 && first) return { kind: 'found', declaration: first.declaration, by: first.by };
    if (at.length > 1)
      return { kind: 'ambiguous', candidates: at.map((entry) => entry.declaration), by: first?.by ?? '' };
  }
  const unreadable = declarations.filter(
    (decl) =>
      decl.identity.functionName === undefined &&
      decl.identity.nameExpression !== undefined &&
      !decl.identity.namePattern,
  );
  return { kind: 'none', unreadable };
}
