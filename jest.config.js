/** ts-jest's ESM preset: the action and its dependencies are ESM-only (@actions/core 3, @actions/github 9). */
export default {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.test.json' }] },
  testTimeout: 60000,
  // Zero Lambda API contract violations in the integration and reliability suites (see the file).
  setupFilesAfterEnv: ['<rootDir>/__tests__/helpers/contract-guard.ts'],
};
