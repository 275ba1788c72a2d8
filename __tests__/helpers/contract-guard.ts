// Runs before every test file (jest.config.js setupFilesAfterEnv): in the integration and reliability suites, any
// request an emulator refused for breaking the official Lambda API model fails the file. Such a request is an
// engine bug that real Lambda would answer with a ValidationException, even where the engine survives the error.
// The emulator's own tests (__tests__/emulator/) send bad requests on purpose and are not guarded.

import { afterAll, expect } from '@jest/globals';
import { observeContractViolations, type ContractViolation } from '../../emulator/contracts/lambda.js';

const guarded = /[\\/]__tests__[\\/](integration|reliability)[\\/]/.test(expect.getState().testPath ?? '');
const seen: ContractViolation[] = [];
const stop = observeContractViolations((violation) => seen.push(violation));

afterAll(() => {
  stop();
  if (!guarded || seen.length === 0) return;
  const list = seen
    .map((v) => `  ${v.kind} ${v.operation ?? ''} ${v.method} ${v.path}: ${v.message.slice(0, 300)}`)
    .join('\n');
  throw new Error(
    `${seen.length} Lambda API contract violation(s) in this file (emulator/contracts/lambda.ts):\n${list}`,
  );
});
