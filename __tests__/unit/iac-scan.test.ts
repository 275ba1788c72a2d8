// Reading the workspace (src/iac/scan.ts): every format by its reader, build output and dependencies left out, and
// no symbolic link followed (the repository is the pull request's: a link could point anywhere on the runner).

import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scanWorkspace } from '../../src/iac/scan.js';

const fixture = (path: string) => readFileSync(new URL(`../fixtures/iac/${path}`, import.meta.url), 'utf8');

describe('scanWorkspace', () => {
  it('reads the source, not node_modules, .aws-sam, cdk.out, .serverless or .terraform, and follows no link', async () => {
    const root = mkdtempSync(join(tmpdir(), 'lpg-iac-scan-'));
    const outside = mkdtempSync(join(tmpdir(), 'lpg-iac-outside-'));
    const put = (path: string, text: string) => {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), text);
    };
    put('template.yaml', fixture('sam/template.yaml'));
    put('api/serverless.yml', fixture('serverless/serverless.yml'));
    put('infra/main.tf', fixture('terraform/main.tf'));
    put('cdk/lib/shop-stack.ts', fixture('cdk/shop-stack.ts.txt'));
    put('cdk/lib/shop-stack.d.ts', fixture('cdk/shop-stack.ts.txt'));
    for (const copy of [
      'node_modules/x',
      '.aws-sam/build',
      'cdk/cdk.out',
      'api/.serverless',
      'infra/.terraform/modules',
    ])
      put(`${copy}/template.yaml`, fixture('sam/template.yaml'));
    writeFileSync(join(outside, 'template.yaml'), fixture('sam/template.yaml'));
    symlinkSync(join(outside, 'template.yaml'), join(root, 'linked.yaml'));
    symlinkSync(outside, join(root, 'linked-dir'));

    const scan = await scanWorkspace(root);
    const files = [...new Set(scan.declarations.map((decl) => `${decl.format} ${decl.file}`))].sort();
    expect(files).toEqual([
      'cdk cdk/lib/shop-stack.ts',
      'cloudformation template.yaml',
      'serverless api/serverless.yml',
      'terraform infra/main.tf',
    ]);
    expect(scan.declarations).toHaveLength(4 + 4 + 3 + 5);
    expect(scan.truncated).toBe(false);
  });
});
