// The IaC readers, one format at a time, on fixtures written as users write them (__tests__/fixtures/iac/): where
// each function is declared, how its deployed name can be told, and where its memory is set — its own setting, a
// shared one (SAM Globals.Function, Serverless provider.memorySize), an expression, or nothing (the default).
// Comments, strings and heredocs that look like a memory setting are not taken for one.

import { readFileSync } from 'node:fs';
import { readCdk } from '../../src/iac/cdk.js';
import { readTemplate } from '../../src/iac/cloudformation.js';
import type { FunctionDeclaration } from '../../src/iac/declarations.js';
import { readFile } from '../../src/iac/scan.js';
import { isServerlessFile, readServerless } from '../../src/iac/serverless.js';
import { readTerraform } from '../../src/iac/terraform.js';

const fixture = (path: string) => readFileSync(new URL(`../fixtures/iac/${path}`, import.meta.url), 'utf8');
const byLabel = (declarations: FunctionDeclaration[], label: string) => {
  const found = declarations.find((decl) => decl.label === label);
  if (!found) throw new Error(`${label} not among ${declarations.map((decl) => decl.label).join(', ')}`);
  return found;
};
/** The line a memory value points at, with the value's text cut out of it as the reader found it. */
const valueAt = (decl: FunctionDeclaration) => {
  if (decl.memory.kind !== 'own' && decl.memory.kind !== 'shared')
    throw new Error(`${decl.label}: ${decl.memory.kind}`);
  const value = decl.memory.value;
  return { line: value.line, text: value.lineText.slice(value.start, value.end), memoryMb: value.memoryMb };
};

describe('SAM template (YAML, with !Ref, !Sub, !GetAtt)', () => {
  const text = fixture('sam/template.yaml');
  const declarations = readTemplate('sam/template.yaml', text);

  it('finds the four functions and no other resource', () => {
    expect(declarations.map((decl) => decl.label)).toEqual([
      'Resources.OrdersFunction',
      'Resources.SearchFunction',
      'Resources.ReportFunction',
      'Resources.PaymentsFunction',
    ]);
  });

  it("a function's own MemorySize: line 22, the number itself", () => {
    const orders = byLabel(declarations, 'Resources.OrdersFunction');
    expect(orders.identity).toEqual({ logicalId: 'OrdersFunction' });
    expect(valueAt(orders)).toEqual({ line: 22, text: '1024', memoryMb: 1024 });
    expect(text.split('\n')[21]).toBe('      MemorySize: 1024');
  });

  it('Globals.Function.MemorySize for the SAM functions without their own, shared between them', () => {
    const search = byLabel(declarations, 'Resources.SearchFunction');
    expect(search.memory).toMatchObject({
      kind: 'shared',
      where: 'Globals.Function.MemorySize',
      sharedWith: ['Resources.ReportFunction'],
    });
    expect(valueAt(search)).toEqual({ line: 13, text: '1024', memoryMb: 1024 });
    // !Sub '${AWS::StackName}-search': any stack name, then -search.
    expect(search.identity).toMatchObject({ logicalId: 'SearchFunction', namePattern: '.+-search' });
  });

  it('MemorySize: !Ref is an expression, not a number; FunctionName given literally is the name', () => {
    const payments = byLabel(declarations, 'Resources.PaymentsFunction');
    expect(payments.identity).toEqual({ logicalId: 'PaymentsFunction', functionName: 'payments-prod' });
    expect(payments.memory).toMatchObject({ kind: 'own', value: { line: 46, memoryMb: undefined } });
  });

  it('AWS::Lambda::Function never inherits Globals; a plain one without MemorySize has the default', () => {
    const plain = readTemplate(
      't.yaml',
      'Globals:\n  Function:\n    MemorySize: 512\nResources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Handler: x\n',
    );
    expect(plain[0]?.memory).toEqual({ kind: 'default', defaultMb: 128 });
  });

  it('a file that does not parse, or is no template, declares nothing', () => {
    expect(readTemplate('a.yaml', 'Resources: [AWS::Lambda::Function\n  : :')).toEqual([]);
    expect(readTemplate('b.yaml', 'name: ci\non: push\n')).toEqual([]);
  });
});

describe('CloudFormation template (JSON, tab-indented)', () => {
  const declarations = readTemplate('cloudformation/template.json', fixture('cloudformation/template.json'));

  it('reads MemorySize and FunctionName with their lines', () => {
    const thumbnails = byLabel(declarations, 'Resources.ThumbnailFunction');
    expect(thumbnails.identity).toEqual({ logicalId: 'ThumbnailFunction', functionName: 'thumbnails' });
    expect(valueAt(thumbnails)).toEqual({ line: 10, text: '512', memoryMb: 512 });
  });

  it('a quoted "256" is a number, and the change keeps the quotes', () => {
    const resize = byLabel(declarations, 'Resources.ResizeFunction');
    expect(valueAt(resize)).toEqual({ line: 19, text: '256', memoryMb: 256 });
  });
});

describe('Serverless Framework', () => {
  const declarations = readServerless('serverless/serverless.yml', fixture('serverless/serverless.yml'));

  it('recognises its file names only', () => {
    expect(['serverless.yml', 'api/serverless.yaml', 'serverless.prod.yml'].map(isServerlessFile)).toEqual([
      true,
      true,
      true,
    ]);
    expect(isServerlessFile('template.yaml')).toBe(false);
  });

  it("a function's own memorySize, before a comment", () => {
    const checkout = byLabel(declarations, 'functions.checkout');
    expect(valueAt(checkout)).toEqual({ line: 16, text: '2048', memoryMb: 2048 });
    // <service>-<stage>-<key>, the stage from --stage or provider.stage: any text.
    expect(checkout.identity).toEqual({ namePattern: 'shop-.+-checkout' });
  });

  it('provider.memorySize is shared by the functions without their own', () => {
    expect(byLabel(declarations, 'functions.search').memory).toMatchObject({
      kind: 'shared',
      where: 'provider.memorySize',
      sharedWith: ['functions.report'],
      value: { line: 11, memoryMb: 1024 },
    });
  });

  it('a ${self:…} variable is an expression; `name` is the deployed name', () => {
    const named = byLabel(declarations, 'functions.named');
    expect(named.identity).toEqual({ functionName: 'custom-report-fn' });
    expect(named.memory).toMatchObject({
      kind: 'own',
      value: { memoryMb: undefined, text: '${self:custom.reportMemory}' },
    });
  });
});

describe('Terraform', () => {
  const text = fixture('terraform/main.tf');
  const declarations = readTerraform('terraform/main.tf', text);

  it('finds each aws_lambda_function block, not its nested blocks, strings, heredocs or comments', () => {
    expect(declarations.map((decl) => decl.label)).toEqual([
      'aws_lambda_function.orders',
      'aws_lambda_function.search',
      'aws_lambda_function.report',
    ]);
    const orders = byLabel(declarations, 'aws_lambda_function.orders');
    expect(orders.identity).toEqual({ functionName: 'orders-api' });
    // Not the comment's 4096, the string's 2048 or the environment variable's: the block's own attribute.
    expect(valueAt(orders)).toEqual({ line: 17, text: '1024', memoryMb: 1024 });
  });

  it('var.x is an expression; an interpolated name is a pattern; no memory_size is the default 128 MB', () => {
    const search = byLabel(declarations, 'aws_lambda_function.search');
    expect(search.identity).toMatchObject({ namePattern: '.+-search' });
    expect(search.memory).toMatchObject({ kind: 'own', value: { text: 'var.search_memory' } });
    expect(search.memory.kind === 'own' && search.memory.value.memoryMb).toBeUndefined();
    expect(byLabel(declarations, 'aws_lambda_function.report').memory).toEqual({ kind: 'default', defaultMb: 128 });
  });
});

describe('CDK (TypeScript)', () => {
  const declarations = readCdk('cdk/shop-stack.ts', fixture('cdk/shop-stack.ts.txt'));

  it("finds each Function construct with its id; memorySize at the props' own level only", () => {
    expect(declarations.map((decl) => decl.identity.constructId)).toEqual([
      'OrdersFn',
      'Search',
      'Report',
      'Shared',
      'Plain',
    ]);
    const orders = byLabel(declarations, "new lambda.Function(this, 'OrdersFn')");
    // Not the comment's 4096 nor the environment's '64'.
    expect(valueAt(orders)).toEqual({ line: 18, text: '1024', memoryMb: 1024 });
  });

  it('functionName is the name; a string holding "memorySize:" is not a setting', () => {
    const search = byLabel(declarations, "new NodejsFunction(this, 'Search')");
    expect(search.identity).toEqual({ constructId: 'Search', functionName: 'search-fn' });
    expect(valueAt(search)).toEqual({ line: 25, text: '512', memoryMb: 512 });
  });

  it('props in a variable or a spread: unknown, never guessed; nothing set: the default', () => {
    expect(byLabel(declarations, "new lambda.Function(this, 'Report')").memory).toEqual({
      kind: 'unknown',
      why: 'its props are given as reportProps',
    });
    expect(byLabel(declarations, "new lambda.Function(this, 'Shared')").memory).toMatchObject({ kind: 'unknown' });
    expect(byLabel(declarations, "new lambda.Function(this, 'Plain')").memory).toEqual({
      kind: 'default',
      defaultMb: 128,
    });
  });
});

describe('readFile picks the reader by name and content', () => {
  it('each fixture through the one entry', () => {
    expect(readFile('sam/template.yaml', fixture('sam/template.yaml'))).toHaveLength(4);
    expect(readFile('serverless.yml', fixture('serverless/serverless.yml'))).toHaveLength(4);
    expect(readFile('main.tf', fixture('terraform/main.tf'))).toHaveLength(3);
    expect(readFile('stack.ts', fixture('cdk/shop-stack.ts.txt'))).toHaveLength(5);
    expect(readFile('package.json', '{"name": "x"}')).toEqual([]);
  });
});
