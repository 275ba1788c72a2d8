// docs/SECURITY.md's IAM policy must be exactly the Lambda API the engine calls, like the README's list
// (__tests__/unit/iam-drift.test.ts): read the commands out of the engine (src/tuning), which alone calls Lambda, so a new call
// without its permission, or a permission nothing uses, fails here. Its OIDC trust policy must pin the audience and
// the repository.

import { readdirSync, readFileSync } from 'node:fs';

/** The architecture copy's modules (src/tuning/arch-copy*.ts): their calls have an optional policy of their own. */
const COPY_MODULES = ['arch-copy.ts', 'arch-copy-leftovers.ts', 'arch-copy-package.ts'];

/** Every module of the engine (src/tuning, its subfolders too), where LambdaTarget and its helpers call Lambda. */
function engineSource(which: 'all' | 'without-copy' | 'copy' = 'all'): string {
  const files = readdirSync('src/tuning', { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .filter((file) => which === 'all' || COPY_MODULES.includes(file) === (which === 'copy'));
  return files.map((file) => readFileSync(`src/tuning/${file}`, 'utf8')).join('\n');
}

/** Commands whose IAM action has another name (GetLayerVersionByArn is authorised as lambda:GetLayerVersion). */
const IAM_ACTION_BY_COMMAND: Record<string, string> = {
  Invoke: 'InvokeFunction',
  GetLayerVersionByArn: 'GetLayerVersion',
};

function actionsCalledByEngine(which: 'all' | 'without-copy' | 'copy' = 'all'): Set<string> {
  const source = engineSource(which);
  const actions = new Set<string>();
  for (const [, command] of source.matchAll(/new (\w+)Command\(/g))
    actions.add(`lambda:${IAM_ACTION_BY_COMMAND[command ?? ''] ?? command}`);
  // waitUntilFunctionUpdatedV2 and waitUntilFunctionActiveV2 poll GetFunction.
  if (/waitUntilFunction(Updated|Active)V2/.test(source)) actions.add('lambda:GetFunction');
  // Tags given to CreateFunction need lambda:TagResource ("perform a tag on create", Lambda's tagging docs).
  if (/new CreateFunctionCommand\(/.test(source) && source.includes('Tags:')) actions.add('lambda:TagResource');
  return actions;
}

interface Statement {
  Sid?: string;
  Effect: string;
  Action: string | string[];
  Resource?: string | string[];
  Principal?: { Federated?: string };
  Condition?: Record<string, Record<string, string | string[]>>;
}

interface PolicyDocument {
  Version: string;
  Statement: Statement[];
}

const list = (value: string | string[] | undefined): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

function policies(): PolicyDocument[] {
  const doc = readFileSync('docs/SECURITY.md', 'utf8');
  return [...doc.matchAll(/```json\n([\s\S]*?)```/g)].map((match) => JSON.parse(match[1] ?? '') as PolicyDocument);
}

const isCopyPolicy = (policy: PolicyDocument) =>
  policy.Statement.some((statement) => (statement.Sid ?? '').startsWith('ArchitectureCopy'));

const permissionPolicy = () => {
  const found = policies().filter(
    (policy) =>
      !isCopyPolicy(policy) &&
      policy.Statement.some((statement) => list(statement.Action).some((action) => action.startsWith('lambda:'))),
  );
  expect(found).toHaveLength(1);
  return found[0] as PolicyDocument;
};

const trustPolicy = () => {
  const found = policies().filter((policy) =>
    policy.Statement.some((statement) => list(statement.Action).includes('sts:AssumeRoleWithWebIdentity')),
  );
  expect(found).toHaveLength(1);
  return found[0] as PolicyDocument;
};

describe('docs/SECURITY.md', () => {
  it('the IAM policy allows exactly the Lambda actions the engine calls', () => {
    const allowed = new Set(
      permissionPolicy()
        .Statement.filter((statement) => statement.Effect === 'Allow')
        .flatMap((statement) => list(statement.Action)),
    );
    expect([...allowed].sort()).toEqual([...actionsCalledByEngine('without-copy')].sort());
    expect(actionsCalledByEngine('without-copy').size).toBeGreaterThanOrEqual(9);
  });

  it('the architecture copy’s optional policy allows exactly what the copy needs, on lpg-copy-* functions', () => {
    const copyPolicies = policies().filter(isCopyPolicy);
    expect(copyPolicies).toHaveLength(1);
    const statements = copyPolicies[0]?.Statement ?? [];
    const allowed = new Set(statements.flatMap((statement) => list(statement.Action)));
    // Every Lambda action of the engine is there: the copy is made, tuned like the function, and deleted.
    const lambdaActions = [...allowed].filter((action) => action.startsWith('lambda:')).sort();
    expect(lambdaActions).toEqual([...actionsCalledByEngine('all')].sort());
    for (const action of actionsCalledByEngine('copy')) expect(allowed.has(action)).toBe(true);
    for (const statement of statements) {
      const resources = list(statement.Resource);
      const actions = list(statement.Action);
      if (actions.includes('lambda:CreateFunction') || actions.includes('lambda:DeleteFunction')) {
        // Creating and deleting whole functions: only the copies' names.
        for (const resource of resources)
          expect(resource).toMatch(/^arn:aws:lambda:[a-z0-9-]+:\d{12}:function:lpg-copy-\*(:\*)?$/);
      } else if (actions.includes('iam:PassRole')) {
        expect(actions).toEqual(['iam:PassRole']);
        for (const resource of resources) expect(resource).toMatch(/^arn:aws:iam::\d{12}:role\/[\w+=,.@-]+$/);
        expect(statement.Condition?.StringEquals?.['iam:PassedToService']).toBe('lambda.amazonaws.com');
      } else if (actions.includes('lambda:GetLayerVersion')) {
        expect(actions).toEqual(['lambda:GetLayerVersion']);
        for (const resource of resources) expect(resource).toMatch(/^arn:aws:lambda:[a-z0-9-]+:[\d*]+:layer:/);
      } else {
        // ListFunctions has no resource-level permission.
        expect(actions).toEqual(['lambda:ListFunctions']);
        expect(resources).toEqual(['*']);
      }
    }
  });

  it('the IAM policy is scoped: no wildcards in actions, function ARNs as resources, DeleteFunction on versions only', () => {
    for (const statement of permissionPolicy().Statement) {
      for (const action of list(statement.Action)) expect(action).toMatch(/^lambda:[A-Za-z]+$/);
      const resources = list(statement.Resource);
      expect(resources.length).toBeGreaterThan(0);
      for (const resource of resources)
        expect(resource).toMatch(/^arn:aws:lambda:[a-z0-9-]+:\d{12}:function:[\w-]+(:\*)?$/);
      // Only qualified ARNs: the function itself can never be deleted.
      if (list(statement.Action).includes('lambda:DeleteFunction')) {
        expect(list(statement.Action)).toEqual(['lambda:DeleteFunction']);
        for (const resource of resources) expect(resource.endsWith(':*')).toBe(true);
      }
    }
  });

  it('the OIDC trust policy pins the audience and the repository', () => {
    const [statement, ...others] = trustPolicy().Statement;
    expect(others).toEqual([]);
    expect(statement?.Principal?.Federated).toMatch(/:oidc-provider\/token\.actions\.githubusercontent\.com$/);
    expect(statement?.Condition?.StringEquals?.['token.actions.githubusercontent.com:aud']).toBe('sts.amazonaws.com');
    const subjects = list(
      statement?.Condition?.StringLike?.['token.actions.githubusercontent.com:sub'] ??
        statement?.Condition?.StringEquals?.['token.actions.githubusercontent.com:sub'],
    );
    expect(subjects.length).toBeGreaterThan(0);
    // One repository, named: never repo:* or repo:owner/*.
    for (const subject of subjects)
      expect(subject).toMatch(/^repo:[\w.-]+\/[\w.-]+:(pull_request|ref:refs\/heads\/[\w./-]+|environment:[\w.-]+)$/);
  });
});
