// docs/ci-recipes.md and examples/ci/: each recipe is a complete file a user copies, so it must parse, give
// `lambda-power-gate tune` only flags the CLI has (the action's inputs, src/settings/inputs.ts), and the page must
// show each file exactly as it is in examples/ci/.

import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { INPUTS } from '../../src/settings/inputs.js';

const RECIPES = ['examples/ci/gitlab-ci.yml', 'examples/ci/bitbucket-pipelines.yml', 'examples/ci/Jenkinsfile'];
const page = readFileSync('docs/ci-recipes.md', 'utf8');

/** Every `lambda-power-gate… tune` command in a file, its shell continuations joined: the flags it gives. */
function tuneFlags(text: string): string[][] {
  const joined = text.replace(/\\\n\s*/g, ' ').replace(/\n\s+--/g, ' --');
  return [...joined.matchAll(/lambda-power-gate(?:@\S+)? tune ([^\n;]*)/g)].map((match) =>
    [...(match[1] ?? '').matchAll(/(?:^|\s)--([a-z][a-z0-9-]*)/g)].map((flag) => flag[1] ?? ''),
  );
}

describe.each(RECIPES)('%s', (path) => {
  const text = readFileSync(path, 'utf8');

  it('runs lambda-power-gate tune with flags the CLI has, always with a function and a results path', () => {
    const names = new Set(INPUTS.map((spec) => spec.name));
    const commands = tuneFlags(text);
    expect(commands).toHaveLength(1);
    for (const flags of commands) {
      expect(flags.filter((flag) => !names.has(flag))).toEqual([]);
      expect(flags).toEqual(expect.arrayContaining(['function-name', 'results-path']));
    }
    expect(text).toContain('npx --yes lambda-power-gate@0 tune');
  });

  it('is shown on docs/ci-recipes.md exactly as it is', () => {
    const block = page.split(`<!-- example: ${path} -->\n`)[1]?.match(/^```\w*\n([\s\S]*?)^```$/m)?.[1];
    expect(block).toBe(text);
  });

  it('keeps the results as artifacts', () => {
    if (path.endsWith('.yml')) {
      expect(() => parse(text) as unknown).not.toThrow();
      expect(JSON.stringify(parse(text))).toMatch(/"lambda-power-gate\/(\*\*)?"/);
    } else {
      expect(text).toMatch(/archiveArtifacts artifacts: 'lambda-power-gate\/\*'/);
    }
  });
});

test('the GitLab job: an artifact of the results, the verdict as the exit code, OIDC for AWS', () => {
  const job = (parse(readFileSync('examples/ci/gitlab-ci.yml', 'utf8')) as Record<string, Record<string, unknown>>)[
    'lambda-power-gate'
  ];
  expect(job?.['artifacts']).toEqual({ when: 'always', expire_in: '90 days', paths: ['lambda-power-gate/'] });
  expect(job?.['id_tokens']).toEqual({ AWS_ID_TOKEN: { aud: 'sts.amazonaws.com' } });
  const script = (job?.['script'] as string[]).join('\n');
  expect(script).toMatch(/status=\$\?[\s\S]*exit \$status$/m);
  expect(script).toContain('/merge_requests/$CI_MERGE_REQUEST_IID/notes');
});

test('tuneFlags finds flags, so a wrong one would fail', () => {
  expect(tuneFlags('npx lambda-power-gate@0 tune \\\n  --function-name x \\\n  --power-value 128')).toEqual([
    ['function-name', 'power-value'],
  ]);
});
