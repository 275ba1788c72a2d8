// The real-AWS end-to-end stack (e2e/template.yaml) must grant the action exactly docs/SECURITY.md's policy — the
// e2e run then proves the documented least privilege is enough — and deploy the emulator's own primes sample.

import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

interface Statement {
  Sid?: string;
  Effect: string;
  Action: string | string[];
  Resource?: unknown;
}

const list = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

function securityPolicy(): Statement[] {
  const doc = readFileSync('docs/SECURITY.md', 'utf8');
  const policies = [...doc.matchAll(/```json\n([\s\S]*?)```/g)].map(
    (match) => JSON.parse(match[1] ?? '') as { Statement: Statement[] },
  );
  // The architecture copy's optional policy (its statements' Sids start with ArchitectureCopy) is not the e2e run's.
  const found = policies.filter(
    (policy) =>
      !policy.Statement.some((statement) => (statement.Sid ?? '').startsWith('ArchitectureCopy')) &&
      policy.Statement.some((statement) => list(statement.Action).some((action) => action.startsWith('lambda:'))),
  );
  expect(found).toHaveLength(1);
  return found[0]?.Statement ?? [];
}

interface Template {
  Resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
}

const template = parse(readFileSync('e2e/template.yaml', 'utf8')) as Template;
const functions = Object.entries(template.Resources).filter(
  ([, resource]) => resource.Type === 'AWS::Lambda::Function',
);
const suffixes = functions.map(([, resource]) =>
  String((resource.Properties.FunctionName as { 'Fn::Sub': string })['Fn::Sub']).replace('${AWS::StackName}-', ''),
);
const arn = (suffix: string, qualified: boolean) =>
  `arn:\${AWS::Partition}:lambda:\${AWS::Region}:\${AWS::AccountId}:function:\${AWS::StackName}-${suffix}${qualified ? ':*' : ''}`;

describe('e2e/template.yaml', () => {
  it('deploys a PR function, a base function and a SnapStart function', () => {
    expect(suffixes).toEqual(['pr', 'base', 'snapstart']);
    const snapStart = template.Resources.SnapStartFunction?.Properties;
    expect(snapStart?.SnapStart).toEqual({ ApplyOn: 'PublishedVersions' });
    // Lambda offers SnapStart for Java 11+, Python 3.12+ and .NET 8+.
    expect(snapStart?.Runtime).toBe('python3.12');
  });

  it("grants TuningRole exactly docs/SECURITY.md's policy, statement by statement, for the stack's functions", () => {
    const role = template.Resources.TuningRole?.Properties as {
      Policies: { PolicyDocument: { Statement: Statement[] } }[];
    };
    expect(role.Policies).toHaveLength(1);
    const statements = role.Policies[0]?.PolicyDocument.Statement ?? [];
    const documented = securityPolicy();
    expect(statements.map((statement) => [statement.Sid, statement.Effect, list(statement.Action)])).toEqual(
      documented.map((statement) => [statement.Sid, statement.Effect, list(statement.Action)]),
    );
    for (const [index, statement] of documented.entries()) {
      // The same shape of resources: the function and its versions, or (DeleteFunction) only its versions.
      const qualifiedOnly = list(statement.Resource as string | string[]).every((resource) => resource.endsWith(':*'));
      const expected = suffixes.flatMap((suffix) =>
        qualifiedOnly ? [arn(suffix, true)] : [arn(suffix, false), arn(suffix, true)],
      );
      expect(
        list(statements[index]?.Resource as unknown[]).map(
          (resource) => (resource as { 'Fn::Sub': string })['Fn::Sub'],
        ),
      ).toEqual(expected);
    }
  });

  it("runs the emulator's primes sample (as CommonJS: CloudFormation writes inline Node.js code to index.js)", () => {
    const sample = readFileSync('emulator/functions/primes/index.mjs', 'utf8').replace(
      'export const handler = ',
      'exports.handler = ',
    );
    for (const name of ['PrFunction', 'BaseFunction']) {
      const code = (template.Resources[name]?.Properties.Code as { ZipFile: string }).ZipFile;
      expect(code).toBe(sample);
      // Lambda's limit for inline code in a template.
      expect(code.length).toBeLessThanOrEqual(4096);
    }
  });
});
