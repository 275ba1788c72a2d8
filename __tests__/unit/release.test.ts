// The release (docs/releasing.md): one version (package.json's) everywhere, a CHANGELOG.md section for it that the
// workflow turns into the release notes, and the release workflow's shape — actionlint checks its syntax
// (`npm run lint:workflows`); this checks what it must do.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { TOOL_VERSION } from '../../src/lib/version.js';

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
  version: string;
  files: string[];
  bin: Record<string, string>;
  dependencies?: Record<string, string>;
  repository: { url: string };
};
const NOTES = resolve('scripts/release-notes.mjs');

function notes(version: string, cwd = process.cwd()) {
  const result = spawnSync(process.execPath, [NOTES, version], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('one version', () => {
  it("src/lib/version.ts (written into results.json) is package.json's version", () => {
    expect(TOOL_VERSION).toBe(manifest.version);
  });

  it("CHANGELOG.md has a section with text for package.json's version: the release's notes", () => {
    const { code, stdout } = notes(manifest.version);
    expect(code).toBe(0);
    expect(stdout.trim().length).toBeGreaterThan(20);
    expect(stdout).not.toMatch(/^## /m);
  });

  it('npm version rewrites src/lib/version.ts from package.json (scripts/sync-version.mjs)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lpg-version-'));
    execFileSync('mkdir', ['-p', join(dir, 'src/lib')]);
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ version: '7.8.9' }));
    writeFileSync(join(dir, 'src/lib/version.ts'), readFileSync('src/lib/version.ts', 'utf8'));
    execFileSync(process.execPath, [resolve('scripts/sync-version.mjs')], { cwd: dir });
    expect(readFileSync(join(dir, 'src/lib/version.ts'), 'utf8')).toContain("export const TOOL_VERSION = '7.8.9';");
  });
});

describe('release notes', () => {
  const changelog = [
    '# Changelog',
    '',
    '## [Unreleased]',
    '',
    '## [1.2.0] - 2027-01-02',
    '',
    '### Fixed',
    '- a',
    '',
    '## [1.1.0] - 2026-12-31',
    '- b',
    '',
    '[1.2.0]: https://example.com/1.2.0',
  ].join('\n');
  const dir = mkdtempSync(join(tmpdir(), 'lpg-notes-'));
  writeFileSync(join(dir, 'CHANGELOG.md'), changelog);

  it("is the version's section only, from a tag or a version", () => {
    expect(notes('1.2.0', dir).stdout).toBe('### Fixed\n- a\n');
    expect(notes('v1.1.0', dir).stdout).toBe('- b\n');
  });

  it('refuses a version without a section, or with an empty one, in one line', () => {
    for (const version of ['1.3.0', '1.2', 'Unreleased']) {
      const { code, stderr } = notes(version, dir);
      expect(code).toBe(1);
      expect(stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});

interface Step {
  name?: string;
  if?: string;
  run?: string;
  uses?: string;
  env?: Record<string, string>;
  with?: Record<string, string | number>;
}

describe('.github/workflows/release.yml', () => {
  const workflow = parse(readFileSync('.github/workflows/release.yml', 'utf8')) as {
    on: { push: { tags: string[]; branches?: string[] } };
    permissions: Record<string, string>;
    jobs: Record<string, { permissions: Record<string, string>; steps: Step[] }>;
  };
  const jobs = Object.values(workflow.jobs);
  const steps = jobs.flatMap((job) => job.steps);
  const runs = steps.map((step) => step.run ?? '').join('\n');
  const indexOf = (pattern: RegExp) => steps.findIndex((step) => pattern.test(step.run ?? ''));

  it('runs on version tags only, read-only by default, writing contents and an OIDC token in its one job', () => {
    expect(workflow.on).toEqual({ push: { tags: ['v*.*.*'] } });
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(jobs).toHaveLength(1);
    expect(jobs[0]?.permissions).toEqual({ contents: 'write', 'id-token': 'write' });
  });

  it("checks the tag is package.json's version and dist/ is built from the source before anything is published", () => {
    const versionCheck = indexOf(/require\('\.\/package\.json'\)\.version/);
    const distCheck = indexOf(/npm run build\n\s*git diff --exit-code --stat -- dist/);
    const packCheck = indexOf(/npm run pack-check/);
    const release = indexOf(/gh release create/);
    const publish = indexOf(/npm publish --provenance --access public/);
    const major = indexOf(/git push --force origin "refs\/tags\/\$major"/);
    expect([versionCheck, distCheck, packCheck, release, publish, major].every((index) => index >= 0)).toBe(true);
    expect(Math.max(versionCheck, distCheck, packCheck)).toBeLessThan(Math.min(release, publish, major));
    expect(runs).toContain('node scripts/release-notes.mjs');
  });

  it('publishes to npm only with an NPM_TOKEN secret, and says so with a notice without one', () => {
    const publish = steps.find((step) => /npm publish/.test(step.run ?? ''));
    expect(publish?.env?.['NODE_AUTH_TOKEN']).toBe('${{ secrets.NPM_TOKEN }}');
    expect(publish?.run).toMatch(/if \[ -z "\$NODE_AUTH_TOKEN" \]; then\n\s*echo "::notice::/);
    const setupNode = steps.find((step) => step.uses?.startsWith('actions/setup-node@'));
    expect(setupNode?.with?.['registry-url']).toBe('https://registry.npmjs.org');
  });

  it('moves the major tag (v0 for v0.2.0) only for a release, not a pre-release', () => {
    const move = steps.find((step) => /refs\/tags\/\$major/.test(step.run ?? ''));
    expect(move?.if).toBe("steps.version.outputs.prerelease == 'false'");
    expect(move?.run).toContain('major="${TAG%%.*}"');
  });
});

describe('package.json for npm', () => {
  it('ships the bundle and the bin with no dependencies (dist/ bundles them), from this repository', () => {
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(manifest.bin).toEqual({ 'lambda-power-gate': 'bin/lambda-power-gate.js' });
    expect(manifest.files).toEqual(expect.arrayContaining(['dist/', 'bin/']));
    // npm provenance requires the repository to be the one the workflow runs in.
    expect(manifest.repository.url).toBe('git+https://github.com/lambda-power-gate/lambda-power-gate.git');
  });
});
