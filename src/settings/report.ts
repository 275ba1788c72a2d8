// The report section: the mode (tune, or comment-only / aggregate on results measured elsewhere), the pull
// request comment, the job summary and the token they use.

import { isAbsolute, resolve } from 'node:path';
import picomatch from 'picomatch';
import type { ReportSettings } from '../types.js';
import {
  fail,
  omitUndefined,
  parseEnum,
  parsePercent,
  resolvePath,
  show,
  type Inputs,
  type SettingsContext,
} from './parse.js';

const MODES = ['tune', 'comment-only', 'aggregate', 'prune'] as const satisfies readonly ReportSettings['mode'][];
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
  if (mode === 'aggregate' && inputs.isGiven('results-file')) {
    throw fail(
      'results-file',
      "is for mode comment-only; with mode aggregate list the shards' files in results-files, e.g. shards/*/results.json",
    );
  }
  if (mode === 'aggregate' && !inputs.isGiven('results-files')) {
    throw fail(
      'results-files',
      "is required with mode aggregate; list the shards' results.json files, one path or glob per line, e.g. shards/*/results.json",
    );
  }
  if (mode !== 'aggregate' && inputs.isGiven('results-files')) {
    throw fail(
      'results-files',
      `is only used with mode aggregate, but mode is ${mode}; remove it, or set mode: aggregate in the matrix's last job`,
    );
  }
  const resultsFiles = mode === 'aggregate' ? parseResultsFiles(inputs.given('results-files'), ctx) : undefined;
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
  const { pruneKeep, pruneDryRun } = parsePrune(inputs, mode);
  const acceptLabel = parseAcceptLabel(inputs.value('accept-label'));
  const suggestMinSavingPct = parsePercent(inputs, 'suggest-min-saving');
  return omitUndefined({
    mode,
    resultsFile,
    resultsFiles,
    pullRequest,
    commentMode,
    githubToken,
    summary,
    acceptLabel,
    suggestMinSavingPct,
    pruneKeep,
    pruneDryRun,
  });
}

const DATA_BRANCH_SEGMENT = /^[A-Za-z0-9._-]{1,128}$/;

/**
 * mode prune: prune-keep's keys and prune-dry-run. Deleting history is for good, so a real prune needs the list of
 * what stays written down (prune-keep), and the data branch to work on.
 */
function parsePrune(inputs: Inputs, mode: ReportSettings['mode']): { pruneKeep?: string[]; pruneDryRun?: boolean } {
  for (const name of ['prune-keep', 'prune-dry-run'])
    if (mode !== 'prune' && inputs.isGiven(name))
      throw fail(name, `is only used with mode prune, but mode is ${mode}; remove it, or set mode: prune`);
  if (mode !== 'prune') return {};
  if (!inputs.isGiven('baseline-branch'))
    throw fail(
      'baseline-branch',
      'is required with mode prune; name the data branch to prune, e.g. lambda-power-gate-data',
    );
  const pruneKeep = inputs
    .given('prune-keep')
    .split(/[\n,]/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  for (const entry of pruneKeep) {
    const parts = entry.split('/');
    if (parts.length > 2 || parts.some((part) => !DATA_BRANCH_SEGMENT.test(part) || part === '.' || part === '..'))
      throw fail(
        'prune-keep',
        `${show(entry)} is not a key on the data branch; use a key (letters, digits, '.', '-', '_') or app-key/function-key`,
      );
  }
  const pruneDryRun = inputs.boolean('prune-dry-run');
  if (!pruneDryRun && pruneKeep.length === 0)
    throw fail(
      'prune-keep',
      'is required with prune-dry-run false: pruning deletes stored runs for good, so list the keys to keep (run with the default prune-dry-run true first to see what would go)',
    );
  return { pruneKeep, pruneDryRun };
}

/** GitHub refuses a label name over 50 characters ("name is too long (maximum is 50 characters)", github/docs#32156). */
export const MAX_LABEL_CHARS = 50;

/** accept-label: a label name GitHub could hold, or off (none) for no label at all. */
function parseAcceptLabel(text: string): string | undefined {
  if (text === '' || ['off', 'none'].includes(text.toLowerCase())) return undefined;
  if ([...text].length > MAX_LABEL_CHARS)
    throw fail(
      'accept-label',
      `${show(text)} is longer than GitHub's ${MAX_LABEL_CHARS} characters for a label name; use a shorter label, or off`,
    );
  if (/[\r\n]/.test(text)) throw fail('accept-label', 'is one label name on one line; or off');
  return text;
}

/**
 * results-files: one path or glob per line (blank lines and # comments ignored). A path is confined as any read
 * path is; a glob is checked for its syntax and for staying inside the workspace as written (not absolute, no
 * ".."), and becomes absolute. Its matches do not exist yet when a matrix's artifacts are still to be downloaded,
 * so the aggregate flow confines each match when it reads it.
 */
export function parseResultsFiles(text: string, ctx: SettingsContext): string[] {
  const workspace = ctx.env['GITHUB_WORKSPACE'] || ctx.cwd;
  const files: string[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const where = `line ${index + 1}: `;
    // Any glob character makes it a glob, so a bracket that does not close is named, not taken as a file name.
    if (!picomatch.scan(line).isGlob && !/[*?[\]{}()!]/.test(line)) {
      try {
        files.push(resolvePath('results-files', line, ctx, 'read'));
      } catch (error) {
        throw relabelLine(error, where);
      }
      return;
    }
    try {
      picomatch.makeRe(line, { strictBrackets: true });
    } catch (error) {
      throw fail(
        'results-files',
        `${where}${show(line)} is not a valid glob (${error instanceof Error ? error.message : String(error)}); e.g. shards/*/results.json`,
      );
    }
    if (isAbsolute(line) || line.split(/[\\/]/).includes('..')) {
      throw fail(
        'results-files',
        `${where}${show(line)} reaches outside the workspace (${isAbsolute(line) ? 'an absolute path' : 'it climbs out with ..'}); give a glob relative to the workspace, e.g. shards/*/results.json`,
      );
    }
    files.push(resolve(workspace, line));
  });
  if (files.length === 0) {
    throw fail('results-files', 'lists no file (only blank lines or comments); give e.g. shards/*/results.json');
  }
  return [...new Set(files)];
}

function relabelLine(error: unknown, where: string): unknown {
  if (!(error instanceof Error) || !error.message.startsWith("Input 'results-files': ")) return error;
  return fail('results-files', where + error.message.slice("Input 'results-files': ".length));
}
