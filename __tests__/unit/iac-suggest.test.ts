// From declarations to what is proposed (src/iac/match.ts, propose.ts), which lines a review comment may point at
// (diff.ts), and the words (render.ts): a change only for a number that belongs to this function alone, found by
// its name, its logical id or a naming rule that holds for exactly one declaration; otherwise a sentence.

import { readFileSync } from 'node:fs';
import { withIacSection } from '../../src/action/iac.js';
import { readCdk } from '../../src/iac/cdk.js';
import { readTemplate } from '../../src/iac/cloudformation.js';
import { addedFilePatch, rightSideLines } from '../../src/iac/diff.js';
import { matchFunction } from '../../src/iac/match.js';
import { propose } from '../../src/iac/propose.js';
import { iacSection, parseSuggestionMarker, proposalLine, reviewCommentBody, type Why } from '../../src/iac/render.js';
import { readServerless } from '../../src/iac/serverless.js';
import { readTerraform } from '../../src/iac/terraform.js';

const fixture = (path: string) => readFileSync(new URL(`../fixtures/iac/${path}`, import.meta.url), 'utf8');
const sam = readTemplate('template.yaml', fixture('sam/template.yaml'));
const terraform = readTerraform('infra/main.tf', fixture('terraform/main.tf'));
const serverless = readServerless('serverless.yml', fixture('serverless/serverless.yml'));
const cdk = readCdk('lib/shop-stack.ts', fixture('cdk/shop-stack.ts.txt'));

describe('matching the tuned function', () => {
  it("CloudFormation's generated name <stack>-<LogicalId>-<suffix> finds the logical id", () => {
    const match = matchFunction(sam, { functionName: 'shop-pr-43-OrdersFunction-AbCdEfGh1234' });
    expect(match).toMatchObject({ kind: 'found', declaration: { label: 'Resources.OrdersFunction' } });
  });

  it('stack-name gives the logical id: found by it whatever the physical name', () => {
    const match = matchFunction(sam, { functionName: 'shop-pr-43-orders', logicalId: 'OrdersFunction' });
    expect(match).toMatchObject({ kind: 'found', by: 'its logical id' });
  });

  it('a FunctionName given literally decides: another name is another function', () => {
    const named = readTemplate(
      't.yaml',
      'Resources:\n  Orders:\n    Type: AWS::Lambda::Function\n    Properties:\n      FunctionName: other\n      MemorySize: 512\n',
    );
    expect(matchFunction(named, { functionName: 'stack-Orders-ABCDEFGH1234' }).kind).toBe('none');
    expect(matchFunction(named, { functionName: 'other' }).kind).toBe('found');
  });

  it('CDK: the logical id (construct id + 8 hex digits) and the generated name', () => {
    expect(matchFunction(cdk, { functionName: 'x', logicalId: 'OrdersFn3BAA72D1' })).toMatchObject({
      kind: 'found',
      declaration: { identity: { constructId: 'OrdersFn' } },
    });
    expect(matchFunction(cdk, { functionName: 'ShopStack-OrdersFn3BAA72D1-AbCdEfGh1234' }).kind).toBe('found');
    expect(matchFunction(cdk, { functionName: 'search-fn' })).toMatchObject({ kind: 'found', by: 'its name' });
  });

  it('Serverless: <service>-<stage>-<key> whatever the stage', () => {
    expect(matchFunction(serverless, { functionName: 'shop-prod-eu-checkout' })).toMatchObject({
      kind: 'found',
      declaration: { label: 'functions.checkout' },
    });
  });

  it('the same logical id in two templates: ambiguous, never the first one', () => {
    const copy = readTemplate('copy/template.yaml', fixture('sam/template.yaml'));
    const match = matchFunction([...sam, ...copy], { functionName: 'x', logicalId: 'OrdersFunction' });
    expect(match.kind).toBe('ambiguous');
  });

  it('two naming rules that both fit: ambiguous', () => {
    // SAM's !Sub "${AWS::StackName}-search" and Terraform's "${var.env}-search" both fit "prod-search".
    expect(matchFunction([...sam, ...terraform], { functionName: 'prod-search' }).kind).toBe('ambiguous');
  });

  it('no match: the declarations whose names are expressions are listed as the ones it could be', () => {
    const unnamed = readTerraform(
      'x.tf',
      'resource "aws_lambda_function" "a" {\n  function_name = var.name\n  memory_size = 256\n}\n',
    );
    expect(matchFunction(unnamed, { functionName: 'orders' })).toMatchObject({
      kind: 'none',
      unreadable: [{ label: 'aws_lambda_function.a' }],
    });
  });
});

describe('what is proposed', () => {
  it("its own number: a change of that line's number only (comments, quotes and indentation kept)", () => {
    expect(propose(sam, { functionName: 'x', logicalId: 'OrdersFunction' }, 512)).toMatchObject({
      kind: 'change',
      value: { line: 22 },
      newLineText: '      MemorySize: 512',
    });
    expect(propose(terraform, { functionName: 'orders-api' }, 512)).toMatchObject({
      kind: 'change',
      newLineText: '  memory_size   = 512 # tuned by hand in 2024',
    });
    expect(propose(serverless, { functionName: 'shop-dev-checkout' }, 1024)).toMatchObject({
      newLineText: '    memorySize: 1024 # checkout is CPU bound',
    });
    expect(propose(cdk, { functionName: 'search-fn' }, 1024)).toMatchObject({
      newLineText: '      memorySize: 1024,',
    });
    const json = readTemplate('t.json', fixture('cloudformation/template.json'));
    expect(propose(json, { functionName: 'x', logicalId: 'ResizeFunction' }, 512)).toMatchObject({
      newLineText: '\t\t\t\t"MemorySize": "512",',
    });
  });

  it('a shared setting other functions inherit is never changed', () => {
    expect(propose(sam, { functionName: 'x', logicalId: 'ReportFunction' }, 512)).toMatchObject({
      kind: 'shared',
      where: 'Globals.Function.MemorySize',
      sharedWith: ['Resources.SearchFunction'],
    });
  });

  it('a shared setting only this function inherits is its own to change', () => {
    const one = readTemplate(
      't.yaml',
      'Globals:\n  Function:\n    MemorySize: 1024\nResources:\n  Only:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: x\n',
    );
    expect(propose(one, { functionName: 'x', logicalId: 'Only' }, 256)).toMatchObject({
      kind: 'change',
      sharedSetting: 'Globals.Function.MemorySize',
      value: { line: 3 },
      newLineText: '    MemorySize: 256',
    });
  });

  it('an expression, the recommended value already, nothing set, unknown props: a sentence, no change', () => {
    expect(propose(sam, { functionName: 'payments-prod' }, 512).kind).toBe('expression');
    expect(propose(sam, { functionName: 'x', logicalId: 'OrdersFunction' }, 1024).kind).toBe('already');
    expect(propose(terraform, { functionName: 'report' }, 512)).toMatchObject({ kind: 'not-set', defaultMb: 128 });
    expect(propose(cdk, { functionName: 'x', logicalId: 'Report1A2B3C4D' }, 512).kind).toBe('unknown');
  });

  it('a line with hidden characters is not rewritten', () => {
    const hidden = readTemplate(
      't.yaml',
      'Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      MemorySize: 1024 # \u202e hidden\n',
    );
    expect(propose(hidden, { functionName: 'x', logicalId: 'Fn' }, 512)).toMatchObject({ kind: 'unknown' });
  });
});

describe("the pull request's diff", () => {
  it('added and context lines of the right side, by number; removed lines are not', () => {
    const patch = [
      '@@ -10,4 +10,5 @@ Resources:',
      '   OrdersFunction:',
      '-    MemorySize: 2048',
      '+    MemorySize: 1024',
      '+    Timeout: 10',
      '     Handler: x',
      '@@ -40,2 +41,2 @@',
      ' a',
      '\\ No newline at end of file',
    ].join('\n');
    const lines = rightSideLines(patch);
    expect([...lines.keys()]).toEqual([10, 11, 12, 13, 41]);
    expect(lines.get(11)).toBe('    MemorySize: 1024');
    expect(rightSideLines(undefined).size).toBe(0);
  });

  it('a whole added file: every line', () => {
    expect([...rightSideLines(addedFilePatch('a\nb\nc\n')).entries()]).toEqual([
      [1, 'a'],
      [2, 'b'],
      [3, 'c'],
    ]);
  });
});

describe('the words', () => {
  const why: Why = {
    key: 'OrdersFunction',
    functionName: 'shop-pr-43-orders',
    currentMb: 1024,
    recommendedMb: 512,
    strategy: 'cost',
    savingPct: 23.44,
  };
  const change = propose(sam, { functionName: 'x', logicalId: 'OrdersFunction' }, 512);
  if (change.kind !== 'change') throw new Error('a change');

  it('the review comment: the marker, why, and a suggestion block with the changed line', () => {
    const body = reviewCommentBody(why, change, 'C0FFEE0000000000000000000000000000000043');
    expect(body.split('\n')).toEqual([
      '<!-- lambda-power-gate iac key=OrdersFunction sha=c0ffee0000000000000000000000000000000043 -->',
      '**lambda-power-gate:** `OrdersFunction` at 512 MB instead of 1024 MB: 23.4% less per month (strategy cost), measured on C0FFEE0.',
      '',
      '```suggestion',
      '      MemorySize: 512',
      '```',
    ]);
    expect(parseSuggestionMarker(body)).toEqual({
      key: 'OrdersFunction',
      sha: 'c0ffee0000000000000000000000000000000043',
    });
  });

  it('says when the file and the function measured disagree', () => {
    const body = reviewCommentBody({ ...why, currentMb: 2048 }, change, 'abcdef1');
    expect(body).toContain('The file says 1024 MB; the function measured runs with 2048 MB.');
    expect(reviewCommentBody(why, change, 'abcdef1')).not.toContain('The file says');
  });

  it('a line with backticks gets a longer fence, so it cannot close the block', () => {
    const ticks = { ...change, newLineText: '  memorySize: 512, // ``` not a fence' };
    expect(reviewCommentBody(why, ticks, 'abcdef1').split('\n')[3]).toBe('````suggestion');
  });

  it('hints name file and line; file names from the pull request are escaped', () => {
    const line = proposalLine({
      why,
      proposal: { ...change, declaration: { ...change.declaration, file: 'infra/<b>[x](y).yaml' } },
      delivery: { kind: 'hint', why: "that line is not in this pull request's diff, so no suggestion was posted" },
    });
    expect(line).toContain('Change `1024` to 512 in `infra/<b>[x](y).yaml` line 22');
    expect(line).toContain("not in this pull request's diff");
    expect(
      proposalLine({ why, proposal: change, delivery: { kind: 'posted', url: 'https://x/y', reused: false } }),
    ).toContain('Suggested in [a review comment](https://x/y) on `template.yaml` line 22');
    expect(iacSection([])).toBe('');
  });

  it('the section goes before the folded details, so cutting the comment never takes it', () => {
    const report = '### ✅ headline\n\ntable\n\n<details><summary>Full</summary>\n\nx\n\n</details>\n';
    const placed = withIacSection(report, '### Memory in the infrastructure code\n\n- a');
    expect(placed.indexOf('### Memory')).toBeLessThan(placed.indexOf('<details>'));
    expect(withIacSection('no details', '### M')).toBe('no details\n\n### M\n');
    expect(withIacSection(report, '')).toBe(report);
  });

  it('the section goes before the trend, not inside it (the trend folds its figures)', () => {
    const report = [
      '### ✅ headline',
      'table',
      '#### 📈 Trend at 1024 MB',
      'chart',
      "<details><summary>The trend's figures</summary>\n\nx\n\n</details>",
      '[📈 Chart of this run](https://x)',
      '<details><summary>Full statistics, settings, prices and baseline</summary>\n\ny\n\n</details>',
    ].join('\n\n');
    const placed = withIacSection(report, '### Memory in the infrastructure code\n\n- a');
    expect(placed.indexOf('### Memory')).toBeGreaterThan(placed.indexOf('table'));
    expect(placed.indexOf('### Memory')).toBeLessThan(placed.indexOf('#### 📈 Trend'));
    const withoutTrend = report.replace(/#### 📈 Trend[\s\S]*?<\/details>\n\n/, '');
    const placedLinks = withIacSection(withoutTrend, '### M');
    expect(placedLinks.indexOf('### M')).toBeLessThan(placedLinks.indexOf('[📈 Chart'));
  });
});
