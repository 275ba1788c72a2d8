import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'build/**', 'coverage/**', 'demo-output/**', '.lpg/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', AbortController: 'readonly', AbortSignal: 'readonly', TextEncoder: 'readonly', TextDecoder: 'readonly', fetch: 'readonly', performance: 'readonly', structuredClone: 'readonly', queueMicrotask: 'readonly', setImmediate: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The action never prints directly: it logs through @actions/core or the injected logger.
    files: ['src/**/*.ts'],
    rules: { 'no-console': 'error' },
  },
  {
    // The layers (../shared/DESIGN.md): the engine imports nothing above it, so it runs the same under the action,
    // the CLI and the benches, and never touches GitHub.
    files: ['src/tuning/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['../gate/*', '../report/*', '../action/*', '../settings*', '../inputs*', '../flow*', '../main*', '../cli*', '../post*'], message: 'src/tuning is the engine: it imports nothing above it (DESIGN.md, layers).' },
            { group: ['@actions/*'], message: 'The engine never imports @actions/*: inject a port instead (tuning/ports.ts).' },
          ],
        },
      ],
    },
  },
  {
    // The one sanitiser and the other shared helpers depend on nothing of the project.
    files: ['src/lib/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['../*'], message: 'src/lib is the bottom layer: it imports nothing of the project.' }] }],
    },
  },
);
