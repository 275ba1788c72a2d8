// The layers of DESIGN.md, as eslint enforces them: an import that runs back up the layers fails the lint.
// Each case lints one line as if it were a file in that folder, with the project's own eslint.config.js.

import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: process.cwd() });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => /no-restricted-imports/.test(m.ruleId ?? '')).map((m) => m.message);
}

describe('the layers (eslint no-restricted-imports)', () => {
  it.each([
    ['src/tuning/x.ts', "import { parseSettings } from '../settings/index.js';"],
    ['src/tuning/rounds/x.ts', "import { compareRuns } from '../../gate/compare.js';"],
    ['src/tuning/x.ts', "import { renderReport } from '../report/markdown.js';"],
    ['src/tuning/x.ts', "import * as core from '@actions/core';"],
    ['src/gate/x.ts', "import { parseSettings } from '../settings/index.js';"],
    ['src/gate/x.ts', "import { renderReport } from '../report/markdown.js';"],
    ['src/gate/x.ts', "import { getOctokit } from '@actions/github';"],
    ['src/report/x.ts', "import { parseSettings } from '../settings/index.js';"],
    ['src/results/x.ts', "import { tune } from '../tuning/tuner.js';"],
    ['src/lib/x.ts', "import type { RunResult } from '../types.js';"],
    ['src/action/x.ts', "import * as core from '@actions/core';"],
    ['src/index.ts', "import * as core from '@actions/core';"],
    ['src/app/x.ts', "import { parseAppSettings } from '../settings/index.js';"],
    ['src/app/x.ts', "import { postComment } from '../action/github-io.js';"],
    ['src/app/x.ts', "import { getOctokit } from '@actions/github';"],
    ['src/iac/x.ts', "import { getOctokit } from '@actions/github';"],
    ['src/iac/x.ts', "import { savingPct } from '../report/model.js';"],
  ])('%s may not: %s', async (file, code) => {
    expect(await problems(file, `${code}\nexport {};\n`)).not.toEqual([]);
  });

  it.each([
    ['src/tuning/x.ts', "import { messageOf } from '../lib/errors.js';"],
    ['src/tuning/x.ts', "import { LambdaClient } from '@aws-sdk/client-lambda';"],
    ['src/gate/x.ts', "import type { getOctokit } from '@actions/github';"],
    ['src/gate/x.ts', "import { tuneTogether } from '../tuning/tuner.js';"],
    ['src/report/x.ts', "import { worseLevel } from '../gate/levels.js';"],
    ['src/action/x.ts', "import { parseSettings } from '../settings/index.js';"],
    ['src/app/x.ts', "import { judge } from '../flow.js';"],
    ['src/app/x.ts', "import { renderAppReport } from '../report/app.js';"],
    ['src/iac/x.ts', "import { codeSpan } from '../lib/format.js';"],
  ])('%s may: %s', async (file, code) => {
    expect(await problems(file, `${code}\nexport {};\n`)).toEqual([]);
  });
});
