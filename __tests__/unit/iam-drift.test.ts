import { readdirSync, readFileSync } from 'node:fs';

/** Every module of the engine (src/tuning, its subfolders too), where LambdaTarget and its helpers call Lambda. */
function engineSource(): string {
  const files = readdirSync('src/tuning', { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
  return files.map((file) => readFileSync(`src/tuning/${file}`, 'utf8')).join('\n');
}

// The README's IAM list must be exactly the Lambda API the engine calls: read the commands out of the engine's
// modules (LambdaTarget and its helpers in src/tuning are the only Lambda callers) so adding a call without
// documenting its permission fails here.
const IAM_ACTION_BY_COMMAND: Record<string, string> = {
  Invoke: 'InvokeFunction',
  // GetLayerVersionByArn is authorised as lambda:GetLayerVersion.
  GetLayerVersionByArn: 'GetLayerVersion',
};

function actionsCalledByEngine(): Set<string> {
  const source = engineSource();
  const actions = new Set<string>();
  for (const [, command] of source.matchAll(/new (\w+)Command\(/g)) {
    actions.add(`lambda:${IAM_ACTION_BY_COMMAND[command ?? ''] ?? command}`);
  }
  // waitUntilFunctionUpdatedV2 and waitUntilFunctionActiveV2 poll GetFunction.
  if (/waitUntilFunction(Updated|Active)V2/.test(source)) actions.add('lambda:GetFunction');
  // Tags given to CreateFunction need lambda:TagResource ("perform a tag on create", Lambda's tagging docs).
  if (/new CreateFunctionCommand\(/.test(source) && source.includes('Tags:')) actions.add('lambda:TagResource');
  return actions;
}

function actionsInReadme(): Set<string> {
  const readme = readFileSync('README.md', 'utf8');
  const section = readme.split('<!-- iam:start -->')[1]?.split('<!-- iam:end -->')[0] ?? '';
  return new Set([...section.matchAll(/`(lambda:\w+)`/g)].map((match) => match[1] ?? ''));
}

describe('README IAM permissions', () => {
  it('lists exactly the Lambda actions the engine calls', () => {
    expect([...actionsInReadme()].sort()).toEqual([...actionsCalledByEngine()].sort());
  });

  it('finds the engine calls it checks (the parser is not silently empty)', () => {
    expect(actionsCalledByEngine().size).toBeGreaterThanOrEqual(8);
  });
});

// The CloudFormation calls (stack-name discovery, src/app) have their own list in the README and their own policy
// statement in docs/SECURITY.md: both must be exactly the CloudFormation API the action calls.
function cloudFormationActionsCalled(): Set<string> {
  const files = readdirSync('src', { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
  const callers = files
    .map((file) => readFileSync(`src/${file}`, 'utf8'))
    .filter((source) => source.includes('@aws-sdk/client-cloudformation'));
  const actions = new Set<string>();
  for (const source of callers)
    for (const match of source.matchAll(/\b(?:new (\w+)Command\(|paginate(\w+)\()/g))
      actions.add(`cloudformation:${match[1] ?? match[2] ?? ''}`);
  return actions;
}

describe('CloudFormation permissions (stack-name)', () => {
  it('the README lists exactly the CloudFormation actions the action calls', () => {
    const readme = readFileSync('README.md', 'utf8');
    const section = readme.split('<!-- iam-stack:start -->')[1]?.split('<!-- iam-stack:end -->')[0] ?? '';
    const listed = new Set([...section.matchAll(/`(cloudformation:\w+)`/g)].map((match) => match[1] ?? ''));
    expect([...listed].sort()).toEqual([...cloudFormationActionsCalled()].sort());
    expect(cloudFormationActionsCalled()).toEqual(new Set(['cloudformation:ListStackResources']));
  });

  it("docs/SECURITY.md's stack statement allows exactly those actions, on stacks only", () => {
    const doc = readFileSync('docs/SECURITY.md', 'utf8');
    const statements = [...doc.matchAll(/```json\n([\s\S]*?)```/g)]
      .map((match) => JSON.parse(match[1] ?? '') as { Statement: { Action: string | string[]; Resource: string[] }[] })
      .flatMap((policy) => policy.Statement)
      .filter((statement) => [statement.Action].flat().some((action) => action.startsWith('cloudformation:')));
    expect(statements).toHaveLength(1);
    const [statement] = statements;
    expect([statement?.Action ?? []].flat().sort()).toEqual([...cloudFormationActionsCalled()].sort());
    for (const resource of statement?.Resource ?? [])
      expect(resource).toMatch(/^arn:aws:cloudformation:[a-z0-9-]+:\d{12}:stack\/[\w*-]+\/\*$/);
  });
});

// monthly-invocations auto and cold-start-rate auto (src/usage) call CloudWatch and CloudWatch Logs: optional
// permissions, listed in the README and in docs/SECURITY.md's optional statements, both exactly the calls made.
function usageActionsCalled(): Set<string> {
  const files = readdirSync('src', { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
  const actions = new Set<string>();
  for (const file of files) {
    const source = readFileSync(`src/${file}`, 'utf8');
    const prefix = source.includes("'@aws-sdk/client-cloudwatch-logs'")
      ? 'logs'
      : source.includes("'@aws-sdk/client-cloudwatch'")
        ? 'cloudwatch'
        : undefined;
    if (!prefix) continue;
    for (const match of source.matchAll(/\bnew (\w+)Command\(/g)) actions.add(`${prefix}:${match[1] ?? ''}`);
  }
  return actions;
}

describe('CloudWatch and CloudWatch Logs permissions (the auto settings, optional)', () => {
  it('finds the calls (the parser is not silently empty)', () => {
    expect(usageActionsCalled()).toEqual(
      new Set(['cloudwatch:GetMetricData', 'logs:StartQuery', 'logs:GetQueryResults']),
    );
  });

  it('the README lists exactly those actions', () => {
    const readme = readFileSync('README.md', 'utf8');
    const section = readme.split('<!-- iam-usage:start -->')[1]?.split('<!-- iam-usage:end -->')[0] ?? '';
    const listed = new Set([...section.matchAll(/`((?:cloudwatch|logs):\w+)`/g)].map((match) => match[1] ?? ''));
    expect([...listed].sort()).toEqual([...usageActionsCalled()].sort());
  });

  it("docs/SECURITY.md's optional statements allow exactly those actions, StartQuery on log groups only", () => {
    const doc = readFileSync('docs/SECURITY.md', 'utf8');
    const statements = [...doc.matchAll(/```json\n([\s\S]*?)```/g)]
      .map(
        (match) =>
          JSON.parse(match[1] ?? '') as { Statement: { Action: string | string[]; Resource: string | string[] }[] },
      )
      .flatMap((policy) => policy.Statement)
      .filter((statement) => [statement.Action].flat().some((action) => /^(cloudwatch|logs):/.test(action)));
    const allowed = statements.flatMap((statement) => [statement.Action].flat());
    expect(allowed.sort()).toEqual([...usageActionsCalled()].sort());
    const startQuery = statements.find((statement) => [statement.Action].flat().includes('logs:StartQuery'));
    for (const resource of [startQuery?.Resource ?? []].flat())
      expect(resource).toMatch(/^arn:aws:logs:[a-z0-9-]+:\d{12}:log-group:[\w/.#-]+:\*$/);
  });
});
