// Branch names: git's ref-name rules, the data branch that holds the results history (a plain branch used for
// nothing else), and the key that names a function's file on it.

import { fail, show } from './parse.js';

/** Git's ref-name rules, the ones a typo can break. */
function checkBranchName(input: string, branch: string): string {
  const broken =
    /[\s~^:?*[\\]/.test(branch) ||
    [...branch].some((char) => char.charCodeAt(0) < 0x20 || char === '\u007f') ||
    branch.includes('..') ||
    branch.includes('@{') ||
    branch.includes('//') ||
    branch.startsWith('-') ||
    branch.startsWith('/') ||
    branch.endsWith('/') ||
    branch.endsWith('.') ||
    branch.endsWith('.lock') ||
    branch === '@';
  if (broken) {
    throw fail(
      input,
      `${show(branch)} is not a valid git branch name (no spaces, ~ ^ : ? * [ \\, "..", or a leading - or /); use e.g. lambda-power-gate-data`,
    );
  }
  return branch;
}

const DATA_BRANCH_HINT = 'name a branch used only for results, e.g. lambda-power-gate-data';

/**
 * The data branch is written through the Git data API by name: "refs/heads/main" or "heads/main" would create a
 * branch with that literal name next to main, and HEAD is not a branch. Given as a plain branch name only.
 */
export function checkDataBranchName(branch: string, input = 'baseline-branch'): string {
  checkBranchName(input, branch);
  if (/^(?:refs|heads|tags|remotes)\//i.test(branch) || /^head$/i.test(branch)) {
    throw fail(
      input,
      `${show(branch)} is written as a ref, not a branch name; give the plain name and ${DATA_BRANCH_HINT}`,
    );
  }
  return branch;
}

/** The branches a workflow run works on, from the event: none of them may be the data branch. */
export interface WorkingBranches {
  defaultBranch?: string;
  /** A pull request's base and head branch names. */
  baseRef?: string;
  headRef?: string;
  /** The branch a push or a dispatch runs on (`refs/heads/<name>` → name). */
  currentBranch?: string;
}

/**
 * Refuses a data branch that is a working branch: every run commits results.json files onto it and drops old
 * ones, which on the default branch (or a pull request's branch) would mix them into the project's own history.
 */
export function checkDataBranchNotWorking(
  branch: string | undefined,
  working: WorkingBranches,
  input = 'baseline-branch',
): void {
  if (branch === undefined) return;
  const roles: [string | undefined, string][] = [
    [working.defaultBranch, "the repository's default branch"],
    [working.baseRef, "the pull request's base branch"],
    [working.headRef, "the pull request's head branch"],
    [working.currentBranch, 'the branch this workflow runs on'],
  ];
  const role = roles.find(([name]) => name !== undefined && name === branch)?.[1];
  if (role) {
    throw fail(
      input,
      `${show(branch)} is ${role}; every run commits results onto the data branch, so ${DATA_BRANCH_HINT}`,
    );
  }
}

/** The key names a file on the data branch, so it is kept to one safe path segment. */
export function checkKey(key: string): string {
  if (!/^[A-Za-z0-9._-]{1,128}$/.test(key) || key === '.' || key === '..') {
    throw fail(
      'key',
      `${show(key)} is not a usable key; use letters, digits, '.', '-' and '_' (up to 128, no '/'), e.g. orders-api`,
    );
  }
  return key;
}
