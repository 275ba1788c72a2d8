import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'build/**', 'coverage/**', 'demo-output/**', '.lpg/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        AbortController: 'readonly',
        AbortSignal: 'readonly',
        TextEncoder: 'readonly',
        TextDecoder: 'readonly',
        fetch: 'readonly',
        performance: 'readonly',
        structuredClone: 'readonly',
        queueMicrotask: 'readonly',
        setImmediate: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The action never prints directly: it logs through src/action/log.ts (runner.ts) or the injected logger.
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
            {
              group: [
                '**/gate/**',
                '**/report/**',
                '**/action/**',
                '**/settings/**',
                '**/flow.js',
                '**/cli.js',
                '**/cli-args.js',
                '../index.js',
                '../../index.js',
              ],
              message: 'src/tuning is the engine: it imports nothing above it (DESIGN.md, layers).',
            },
            {
              group: ['@actions/*'],
              message: 'The engine never imports @actions/*: inject a port instead (lib/ports.ts).',
            },
          ],
        },
      ],
    },
  },
  {
    // The gate judges results; it reads no inputs (the front doors parse them) and renders nothing.
    files: ['src/gate/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/settings/**', '**/report/**', '**/action/**', '**/flow.js', '**/cli.js', '**/cli-args.js'],
              message: 'src/gate judges what it is given: no settings parsing, no rendering (DESIGN.md, layers).',
            },
          ],
        },
      ],
      // The data branch takes an injected Octokit: the gate may name its type, never load @actions/*.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@actions/*'],
              allowTypeImports: true,
              message: 'The gate never loads @actions/*: the front doors inject the client.',
            },
          ],
        },
      ],
    },
  },
  {
    // The report renders what it is given: it parses no inputs and calls no service but through injected ports.
    files: ['src/report/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/settings/**',
                '**/action/**',
                '**/flow.js',
                '**/cli.js',
                '**/cli-args.js',
                '**/tuning/target*',
                '**/tuning/tuner*',
              ],
              message: 'src/report renders what it is given (DESIGN.md, layers).',
            },
            {
              group: ['@actions/*'],
              message: 'The report never imports @actions/*: the front doors do the GitHub I/O.',
            },
          ],
        },
      ],
    },
  },
  {
    // The app flow wires the boxes for many functions (measure, judge, report) like flow.ts, but stays below the
    // doors: no settings parsing (it gets an AppPlan), no runner protocol, no GitHub.
    files: ['src/app/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/settings/**', '**/action/**', '**/cli.js', '**/cli-args.js'],
              message: 'src/app runs an AppPlan it is given: no settings parsing, no front doors (DESIGN.md, layers).',
            },
            {
              group: ['@actions/*'],
              message: 'src/app knows no GitHub: the doors (src/action) post, store and set outputs.',
            },
          ],
        },
      ],
    },
  },
  {
    // results.json's contract sits under everything that reads or writes it.
    files: ['src/results/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/tuning/**',
                '**/gate/**',
                '**/report/**',
                '**/settings/**',
                '**/action/**',
                '**/flow.js',
                '**/cli.js',
                '**/cli-args.js',
              ],
              message: 'src/results is the contract: it imports only lib/ and the types (DESIGN.md, layers).',
            },
          ],
        },
      ],
    },
  },
  {
    // IaC suggestions read files and propose text; GitHub is the door's (src/action/iac.ts).
    files: ['src/iac/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/tuning/**',
                '**/gate/**',
                '**/report/**',
                '**/settings/**',
                '**/action/**',
                '**/app/**',
                '**/flow.js',
                '**/cli.js',
                '**/cli-args.js',
              ],
              message:
                'src/iac reads infrastructure code and proposes text: it imports only lib/ (docs/architecture.md).',
            },
            { group: ['@actions/*'], message: 'src/iac knows no GitHub: src/action/iac.ts posts.' },
          ],
        },
      ],
    },
  },
  {
    // The front doors speak the runner protocol through src/action/runner.ts: @actions/core imports undici (for
    // OIDC) as it loads, which cost the action's start-up about 20 ms (runner.ts says more).
    files: ['src/*.ts', 'src/action/**/*.ts', 'src/settings/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: '@actions/core', message: 'Use src/action/runner.ts (start-up cost; see its header).' }] },
      ],
    },
  },
  {
    // The one sanitiser and the other shared helpers depend on nothing of the project.
    files: ['src/lib/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['../*'], message: 'src/lib is the bottom layer: it imports nothing of the project.' }] },
      ],
    },
  },
);
