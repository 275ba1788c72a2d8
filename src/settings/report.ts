// The report section: the mode (tune, or comment-only on results measured elsewhere), the pull request comment,
// the job summary and the token they use.

import type { ReportSettings } from '../types.js';
import { fail, omitUndefined, parseEnum, resolvePath, show, type Inputs, type SettingsContext } from './parse.js';

const MODES = ['tune', 'comment-only'] as const satisfies readonly ReportSettings['mode'][];
const COMMENT_MODES = [
  'update',
  'new',
  'hide-and-new',
  'delete-and-new',
  'off',
] as const satisfies readonly ReportSettings['commentMode'][];

export function parseReport(inputs: Inputs, ctx: SettingsContext): ReportSettings {
  const mode = parseEnum('mode', inputs.value('mode'), MODES, 'a mode');
  const commentMode = parseEnum('comment-mode', inputs.value('comment-mode'), COMMENT_MODES, 'a comment mode');
  const githubToken = inputs.given('github-token') || ctx.env['GITHUB_TOKEN']?.trim() || undefined;
  const summary = inputs.boolean('job-summary');
  if (mode === 'comment-only' && !inputs.isGiven('results-file')) {
    throw fail(
      'results-file',
      'is required with mode comment-only; set it to the results.json the measuring workflow uploaded',
    );
  }
  if (mode === 'tune' && inputs.isGiven('results-file')) {
    throw fail('results-file', 'is only used with mode comment-only; remove it, or set mode: comment-only');
  }
  const resultsFile = inputs.isGiven('results-file')
    ? resolvePath('results-file', inputs.given('results-file'), ctx, 'read')
    : undefined;
  const pullText = inputs.given('pull-request');
  let pullRequest: number | undefined;
  if (pullText !== '') {
    if (!/^[1-9][0-9]{0,9}$/.test(pullText))
      throw fail(
        'pull-request',
        `${show(pullText)} is not a pull request number; use a positive whole number such as 42`,
      );
    pullRequest = Number(pullText);
  }
  return omitUndefined({ mode, resultsFile, pullRequest, commentMode, githubToken, summary });
}
