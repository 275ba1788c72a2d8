// Zero contract violations: every suite that talks to the GitHub API stand-in checks, after each test, that no
// request broke GitHub's contract (emulator/contracts/github.ts). A test that provokes one on purpose takes it out
// with takeViolations() and asserts on it.

import type { ContractViolation, GitHubApiStub } from '../../emulator/github/api.js';

export function expectNoContractViolations(stub: GitHubApiStub): void {
  const found = takeViolations(stub);
  if (found.length > 0) {
    throw new Error(
      `GitHub contract violations (${found.length}):\n${found.map((entry) => `  ${entry.kind}: ${entry.message}`).join('\n')}`,
    );
  }
}

/** Removes and returns the violations recorded so far. */
export function takeViolations(stub: GitHubApiStub): ContractViolation[] {
  return stub.violations.splice(0, stub.violations.length);
}
