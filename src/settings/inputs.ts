// The one table of inputs and outputs. action.yml, docs/inputs.md, the README section and the CLI's flags are
// all checked against it (__tests__/unit/inputs-drift.test.ts), so the two front doors cannot drift apart. The
// docs are rendered from it by scripts/inputs-docs.ts, which stays out of the bundle.

export type InputGroup = 'tuning' | 'app' | 'gate' | 'report';

export interface InputSpec {
  /** kebab-case; the action input and the CLI flag (`--<name>`) share it. */
  name: string;
  description: string;
  /** The value used when the input is absent; parseSettings applies it, action.yml declares it. */
  default?: string;
  /** What action.yml declares when it differs from `default`: a GitHub expression the CLI cannot evaluate. */
  actionDefault?: string;
  /** How the docs describe a default computed from other inputs or the environment. */
  defaultText?: string;
  required?: boolean;
  group: InputGroup;
  /** A CLI flag that may be given without a value (meaning true). */
  boolean?: boolean;
  /** Placeholder for the value in CLI help. */
  valueName?: string;
  /**
   * May differ between the functions of one step: config-file's `defaults` and `functions` entries may set it
   * (docs/apps.md). The rest are settings of the whole step (one token, one comment, one timeout, one budget).
   */
  perFunction?: boolean;
  /** A CLI flag that may be repeated, each value one more line (functions, globs, results files). */
  repeatable?: boolean;
}

export interface OutputSpec {
  name: string;
  description: string;
}

export const INPUT_GROUPS: readonly { group: InputGroup; title: string }[] = [
  { group: 'tuning', title: 'Tuning' },
  { group: 'app', title: 'Many functions in one step' },
  { group: 'gate', title: 'Gate' },
  { group: 'report', title: 'Report' },
];

export const INPUTS: readonly InputSpec[] = [
  // --- tuning -------------------------------------------------------------------------------------------
  {
    name: 'function-name',
    group: 'tuning',
    valueName: 'name|arn',
    defaultText: 'required, unless functions, config-file or stack-name gives the functions',
    description:
      'The function to tune: a name, a full or partial ARN, optionally with :alias or :version. Tuning always measures new versions of $LATEST. For several functions in one step use functions, config-file or stack-name instead (docs/apps.md).',
  },
  {
    name: 'region',
    group: 'tuning',
    valueName: 'region',
    defaultText: "the ARN's region, else AWS_REGION / AWS_DEFAULT_REGION; us-east-1 with endpoint",
    description: 'AWS region of the function.',
  },
  {
    name: 'endpoint',
    group: 'tuning',
    valueName: 'url',
    description: 'A Lambda-compatible endpoint URL, e.g. the local emulator (http://127.0.0.1:9001). Empty means AWS.',
  },
  {
    name: 'power-values',
    perFunction: true,
    group: 'tuning',
    default: '128,256,512,1024,1536,3008',
    valueName: 'mb-list',
    description:
      'Memory sizes to test in MB (128 to 10240), separated by commas, spaces or newlines; at most 46 different ones. ALL means 128 to 3008 in steps of 64 (46 values).',
  },
  {
    name: 'invocations',
    perFunction: true,
    group: 'tuning',
    defaultText: '50 with sampling adaptive (the cap), 10 with sampling fixed',
    valueName: 'n',
    description:
      'Invocations per memory size (at least 1; fewer than 5 gives noisy statistics). With sampling adaptive: the most any memory size gets (each gets at least a first round of a fifth of it, at least 5).',
  },
  {
    name: 'sampling',
    perFunction: true,
    group: 'tuning',
    defaultText:
      'adaptive; fixed with only-cold-starts true, baseline-function, both architectures, or invocations below 20',
    valueName: 'mode',
    description:
      'adaptive: a first round of a fifth of invocations (at least 5) per memory size, then more only for memory sizes that could still change the recommendation by more than 0.5%, up to invocations each. fixed: every memory size gets invocations. Not adaptive with only-cold-starts. docs/performance.md has the regret and invocations of each.',
  },
  {
    name: 'sampling-confidence',
    perFunction: true,
    group: 'tuning',
    defaultText: '0.95',
    valueName: 'level',
    description:
      'With sampling adaptive: the confidence level (above 0.5, at most 0.999) of the interval of each difference between the leading memory size and another; a comparison is settled when that interval shows the leader ahead, or the two within 0.5% of each other (a tie).',
  },
  {
    name: 'payload',
    perFunction: true,
    group: 'tuning',
    default: '{}',
    valueName: 'json',
    description:
      'The event sent to the function: JSON, or a plain string (sent as a JSON string). A JSON array of {"payload": ..., "weight": n} objects spreads the invocations over several payloads by weight.',
  },
  {
    name: 'payload-file',
    perFunction: true,
    group: 'tuning',
    valueName: 'path',
    description:
      'A file holding the payload (same rules as payload), inside the workspace (symlinks included), a regular file of at most 6 MB. Use instead of payload.',
  },
  {
    name: 'parallel-invocation',
    perFunction: true,
    group: 'tuning',
    default: 'false',
    boolean: true,
    description: "Start each memory size's invocations all at once (up to concurrency) instead of one after another.",
  },
  {
    name: 'concurrency',
    group: 'tuning',
    default: '10',
    valueName: 'n',
    description: 'Most invocations in flight at once, across all memory sizes (1 to 1000).',
  },
  {
    name: 'sleep-between-runs-ms',
    perFunction: true,
    group: 'tuning',
    default: '0',
    valueName: 'ms',
    description: 'Pause between invocations in ms; only without parallel-invocation.',
  },
  {
    name: 'discard-top-bottom',
    perFunction: true,
    group: 'tuning',
    default: '0.2',
    valueName: 'fraction',
    description:
      'Fraction of the slowest and of the fastest samples dropped before averaging (0 to 0.4; 0 with only-cold-starts).',
  },
  {
    name: 'allowed-exceptions',
    perFunction: true,
    group: 'tuning',
    valueName: 'types',
    description: 'Comma-separated error types that are recorded but do not fail a memory size, e.g. Handled.NotFound.',
  },
  {
    name: 'only-cold-starts',
    perFunction: true,
    group: 'tuning',
    default: 'false',
    boolean: true,
    description: 'Measure cold starts only: every invocation gets a new execution environment.',
  },
  {
    name: 'strategy',
    perFunction: true,
    group: 'tuning',
    default: 'cost',
    valueName: 'name',
    description:
      'How to choose the memory: cost (cheapest), speed (fastest), balanced (see balanced-weight) or percentile (cheapest meeting percentile-limit).',
  },
  {
    name: 'balanced-weight',
    perFunction: true,
    group: 'tuning',
    default: '0.5',
    valueName: 'weight',
    description: 'With strategy balanced: 0 optimises speed only, 1 cost only (0 to 1).',
  },
  {
    name: 'percentile-limit',
    perFunction: true,
    group: 'tuning',
    valueName: 'limit',
    description:
      'With strategy percentile, and required by it: the duration limit to meet, e.g. p95<=300 (p95 duration at most 300 ms).',
  },
  {
    name: 'auto-optimize',
    perFunction: true,
    group: 'tuning',
    default: 'false',
    boolean: true,
    description:
      'Apply the recommended memory to the function after the run, only when it passes: never when the gate (or tuning, or clean-up) fails the job.',
  },
  {
    name: 'auto-optimize-alias',
    perFunction: true,
    group: 'tuning',
    valueName: 'alias',
    description:
      'With auto-optimize: point this alias at a new version with the recommended memory instead of changing $LATEST. An alias with weighted routing (a canary in progress) is refused before tuning, never moved.',
  },
  {
    name: 'dry-run',
    group: 'tuning',
    default: 'false',
    boolean: true,
    description: 'Check the settings and that the function exists, without changing or invoking it.',
  },
  {
    name: 'log-payloads',
    group: 'tuning',
    default: 'false',
    boolean: true,
    description: 'Allow payloads and function output in logs and reports (off by default: they may hold secrets).',
  },
  {
    name: 'results-path',
    group: 'tuning',
    default: 'lambda-power-gate/results.json',
    valueName: 'path',
    description:
      'Where results.json is written, inside the workspace (symlinks included); report.md, report.html and baseline-results.json go next to it. A run first removes these four files of an earlier run.',
  },
  {
    name: 'timeout-minutes',
    group: 'tuning',
    default: '30',
    valueName: 'minutes',
    description: 'Stop after this many minutes (1 to 350), restoring the function and cleaning up first.',
  },
  {
    name: 'monthly-invocations',
    perFunction: true,
    group: 'tuning',
    default: '1000000',
    valueName: 'n|auto',
    description:
      "Invocations per month, for the monthly cost projections in the report. auto: the sum of the last 30 days of usage-function's Invocations metric (CloudWatch GetMetricData; needs cloudwatch:GetMetricData), falling back to 1000000 with a warning when the permission or the data is missing.",
  },
  {
    name: 'usage-function',
    perFunction: true,
    group: 'tuning',
    valueName: 'name|arn',
    defaultText: 'baseline-function, when there is one',
    description:
      "The production function whose real traffic monthly-invocations auto and cold-start-rate auto read (a name or ARN, no qualifier: CloudWatch's FunctionName metrics cover every version and alias), e.g. orders-prod.",
  },
  {
    name: 'architectures',
    perFunction: true,
    group: 'tuning',
    valueName: 'list',
    defaultText: "the function's own architecture only",
    description:
      "x86_64,arm64: tune the function on both architectures in one run, invocations taking turns, each priced at its own architecture's price, and recommend an (architecture, memory) pair by the strategy (docs/architectures.md). The other architecture is the deployment compare-function names, or else a temporary copy of the function the run makes and deletes (zip packages without native code). One value: the function's own, checked before anything changes.",
  },
  {
    name: 'compare-function',
    perFunction: true,
    group: 'tuning',
    valueName: 'name|arn',
    description:
      'A second deployment of the same code on the other architecture (e.g. orders-pr-arm64; a name or ARN, no qualifier), tuned in the same run with the same plan, invocations taking turns. Implies architectures x86_64,arm64.',
  },
  {
    name: 'cold-start-rate',
    perFunction: true,
    group: 'tuning',
    default: '1%',
    valueName: 'percent',
    description:
      'The share of invocations that are cold starts, a percent ("1" or "1%", 0 to 100), or auto (measured from the production function\'s logs). Expected cost = warm cost + this share × what a cold start bills extra (INIT, billed since 1 August 2025 for every on-demand configuration; SnapStart\'s restore). Monthly projections and the cost strategy use the expected cost; the gate\'s % cost limits use the warm cost. The default is AWS\'s "under 1% of invocations" (docs/pricing.md).',
  },

  // --- many functions in one step (docs/apps.md) ----------------------------------------------------------
  {
    name: 'functions',
    group: 'app',
    valueName: 'lines',
    repeatable: true,
    description:
      'Several functions to tune in one step, one per line: name[=baseline-function], each a name or ARN as function-name takes, the optional second one its live baseline (e.g. orders-pr=orders-staging). Blank lines and # comments are ignored. One comment covers them all, under key. Not with function-name or stack-name.',
  },
  {
    name: 'config-file',
    group: 'app',
    valueName: 'path',
    description:
      'A YAML file inside the workspace, e.g. .github/lambda-power-gate.yml: defaults (inputs for every function) and a functions list (name, key, baseline, and per-function inputs such as power-values, payload, strategy and the gate limits; docs/apps.md). Entry beats defaults beats the step inputs. With stack-name, entries give overrides by logical id (key) instead.',
  },
  {
    name: 'stack-name',
    group: 'app',
    valueName: 'stack',
    description:
      "A CloudFormation stack (SAM, CDK) whose AWS::Lambda::Function resources are the functions to tune, each keyed by its logical id: the stack's name or ARN (e.g. the pull request's stack, orders-pr-42). Needs cloudformation:ListStackResources.",
  },
  {
    name: 'baseline-stack-name',
    group: 'app',
    valueName: 'stack',
    description:
      "With stack-name: the base branch's own stack (e.g. orders-staging); each function is compared live with the function of the same logical id in it.",
  },
  {
    name: 'include-functions',
    group: 'app',
    valueName: 'globs',
    repeatable: true,
    description:
      'With stack-name: only functions whose logical id matches one of these globs (one per line or separated by commas, e.g. Orders*, *Api). Empty means every function.',
  },
  {
    name: 'exclude-functions',
    group: 'app',
    valueName: 'globs',
    repeatable: true,
    description:
      'With stack-name: leave out functions whose logical id matches one of these globs (one per line or separated by commas), e.g. *Custom* for CDK helper functions.',
  },
  {
    name: 'measure-unchanged',
    group: 'app',
    default: 'false',
    boolean: true,
    description:
      "With several functions: measure a function even when its code and configuration equal its baseline's (by default it is skipped and carries the baseline's figures).",
  },
  {
    name: 'parallel-functions',
    group: 'app',
    default: '4',
    valueName: 'n',
    description:
      'With several functions: how many are tuned at once (1 to 20). Invocations share concurrency and control-plane requests share one rate limit whatever this is.',
  },

  // --- gate ---------------------------------------------------------------------------------------------
  {
    name: 'baseline-file',
    group: 'gate',
    valueName: 'path',
    description:
      'A results.json to compare with, e.g. from an artifact: inside the workspace, a regular file of at most 50 MB. One stored run cannot show the drift between runs, so against it a relative regression warns and never fails (docs/gate.md). Give at most one of baseline-file, baseline-branch and baseline-function; none means no comparison.',
  },
  {
    name: 'baseline-branch',
    group: 'gate',
    valueName: 'branch',
    description:
      "A data branch holding the history of results, e.g. lambda-power-gate-data: pull requests compare with it, runs on the default branch add to it; a relative regression fails once 3 stored runs measured the memory size (the drift between runs is estimated from them), and warns before. A plain branch name used for nothing else: never the default branch, a pull request's base or head, or a ref such as refs/heads/x or HEAD.",
  },
  {
    name: 'baseline-function',
    group: 'gate',
    valueName: 'name|arn',
    description:
      "The base branch's own deployment of the function (e.g. the staging stack; a name or ARN, no qualifier), tuned in the same run with invocations taking turns (live A/B).",
  },
  {
    name: 'key',
    group: 'gate',
    valueName: 'key',
    defaultText: 'the function name, without qualifier',
    description: 'Name of this function in the baseline history; keep it stable across pull request deployments.',
  },
  {
    name: 'history-limit',
    group: 'gate',
    default: '20',
    valueName: 'n',
    description: 'Runs kept per key on the baseline branch.',
  },
  {
    name: 'dashboard',
    group: 'gate',
    default: 'false',
    valueName: 'bool',
    description:
      "On pushes to the default branch, write index.html: a self-contained page charting every key's stored history (cost, duration, Init Duration, recommendation) with change points (docs/dashboard.md). Needs baseline-branch.",
  },
  {
    name: 'dashboard-branch',
    group: 'gate',
    valueName: 'branch',
    defaultText: 'baseline-branch',
    description:
      'Where dashboard writes index.html, e.g. gh-pages for GitHub Pages (created when missing; only index.html is changed). A plain branch name, never a working branch.',
  },
  {
    name: 'trend-runs',
    group: 'gate',
    default: '10',
    valueName: 'n',
    description:
      'Stored default-branch runs the PR comment charts as a trend, with this PR last and the commits where a significant change entered (data branch only; 1 to 12, or off).',
  },
  {
    name: 'max-cost-increase',
    perFunction: true,
    group: 'gate',
    default: '5',
    valueName: 'percent',
    description:
      'Fail when cost per invocation rises significantly by more than this percent ("5" or "5%"; off disables). A fail also needs enough evidence: 7 pairs of execution environments with baseline-function (at confidence 0.95), 3 stored runs at that memory with baseline-branch (baseline-file only warns); with less it warns (docs/gate.md).',
  },
  {
    name: 'max-duration-increase',
    perFunction: true,
    group: 'gate',
    default: '10',
    valueName: 'percent',
    description:
      'Fail when duration rises significantly by more than this percent ("10" or "10%"; off disables). A fail needs the same evidence as max-cost-increase; with less it warns.',
  },
  {
    name: 'warn-cost-increase',
    perFunction: true,
    group: 'gate',
    valueName: 'percent',
    defaultText: 'half of max-cost-increase',
    description:
      'Warn when cost per invocation rises significantly by more than this percent (at most max-cost-increase).',
  },
  {
    name: 'warn-duration-increase',
    perFunction: true,
    group: 'gate',
    valueName: 'percent',
    defaultText: 'half of max-duration-increase',
    description: 'Warn when duration rises significantly by more than this percent (at most max-duration-increase).',
  },
  {
    name: 'max-init-duration-increase',
    perFunction: true,
    group: 'gate',
    valueName: 'percent',
    defaultText: '20 with baseline-function; off otherwise',
    description:
      'Fail when Init Duration (cold starts, one per execution environment) rises significantly by more than this percent ("20" or "20%"; "off" turns it off). On by default only with a live baseline-function, whose environment blocks give an interval over environments; a stored baseline holds one cold start per memory size.',
  },
  {
    name: 'warn-init-duration-increase',
    perFunction: true,
    group: 'gate',
    valueName: 'percent',
    defaultText: 'half of max-init-duration-increase',
    description:
      'Warn when Init Duration rises significantly by more than this percent (at most max-init-duration-increase).',
  },
  {
    name: 'max-cost-per-invocation',
    perFunction: true,
    group: 'gate',
    valueName: 'usd',
    description: 'Fail when cost per invocation exceeds this many USD; needs no baseline.',
  },
  {
    name: 'max-duration-ms',
    perFunction: true,
    group: 'gate',
    valueName: 'ms',
    description: 'Fail when duration (see max-duration-statistic) exceeds this many ms; needs no baseline.',
  },
  {
    name: 'max-init-duration-ms',
    perFunction: true,
    group: 'gate',
    valueName: 'ms',
    description: 'Fail when the mean Init Duration of the cold starts exceeds this many ms; needs no baseline.',
  },
  {
    name: 'max-duration-statistic',
    perFunction: true,
    group: 'gate',
    default: 'mean',
    valueName: 'statistic',
    description: 'The duration statistic max-duration-ms applies to: mean, p50, p90, p95 or p99.',
  },
  {
    name: 'max-memory-used-percent',
    perFunction: true,
    group: 'gate',
    default: '90',
    valueName: 'percent',
    description:
      'Memory headroom: fail when the peak Max Memory Used exceeds this percent of the memory size at the configured memory or at the recommendation, and never recommend a memory size above it; needs no baseline ("90" or "90%"; off disables).',
  },
  {
    name: 'warn-memory-used-percent',
    perFunction: true,
    group: 'gate',
    valueName: 'percent',
    defaultText: '80, or max-memory-used-percent when lower',
    description:
      'Warn when the peak Max Memory Used exceeds this percent of the memory size at the configured memory or at the recommendation (at most max-memory-used-percent; off disables).',
  },
  {
    name: 'max-monthly-cost-increase',
    perFunction: true,
    group: 'gate',
    valueName: 'usd',
    description: 'Fail when the projected monthly cost (see monthly-invocations) rises by more than this many USD.',
  },
  {
    name: 'confidence',
    perFunction: true,
    group: 'gate',
    default: '0.95',
    valueName: 'level',
    description: 'Confidence level for calling a change significant, above 0.5 and at most 0.999.',
  },
  {
    name: 'min-samples',
    perFunction: true,
    group: 'gate',
    default: '5',
    valueName: 'n',
    description:
      'With fewer successful samples than this on either side a change is never called significant (at least 2).',
  },
  {
    name: 'min-duration-change-ms',
    perFunction: true,
    group: 'gate',
    default: '1',
    valueName: 'ms',
    description:
      "A duration change smaller than this, and a cost change smaller than this duration's price at that memory size, is within noise whatever its confidence interval says: Lambda bills duration in 1 ms units, so nobody pays for less. 0 turns the floor off.",
  },
  {
    name: 'gate-max-invocations',
    perFunction: true,
    group: 'gate',
    default: '200',
    valueName: 'n',
    description:
      'With baseline-function: while a cost or duration comparison is undecided (its confidence interval contains the limit, it is not yet significant for the whole verdict, or it rests on fewer than the execution environments per function a fail needs: 7 at confidence 0.95, 9 at 0.99), both functions are measured in more environments (a fresh version each, 10 invocations taking turns), doubling them each round, up to this many invocations per function at that memory size. 0 turns it off; with fewer environments than a fail needs a regression can only warn. See docs/gate.md.',
  },
  {
    name: 'baseline-full-curve',
    perFunction: true,
    group: 'gate',
    default: 'false',
    boolean: true,
    description:
      "With baseline-function: measure the baseline at every power value, as the PR's function, and compare at the base's own recommended memory too. By default it is measured only where the gate compares (its configured memory and the PR's recommendation), which costs a fraction of the invocations. See docs/gate.md.",
  },
  {
    name: 'fail-on-regression',
    group: 'gate',
    default: 'true',
    boolean: true,
    description: 'Fail the job when the verdict is fail; false reports only.',
  },
  {
    name: 'accept-label',
    group: 'gate',
    default: 'lambda-power-gate: accept regression',
    valueName: 'label',
    description:
      "A pull request label that accepts a failing verdict on purpose: the job passes and the report says who accepted it and which checks it covers. It counts only when added by someone with write, maintain or admin permission, for the pull request's head while the label stays (docs/gate.md). off turns it off.",
  },

  // --- report -------------------------------------------------------------------------------------------
  {
    name: 'mode',
    group: 'report',
    default: 'tune',
    valueName: 'mode',
    description:
      "tune (measure, gate and report), comment-only (post the report of a results-file measured by another workflow: the fork-safe recipe in docs/workflows.md) or aggregate (the last job of a matrix: read the shards' results-files, check they belong to one head commit, and post the one comment and verdict; docs/apps.md) or prune (remove the baseline-branch folders of keys no longer configured: a dry run by default; docs/gate.md).",
  },
  {
    name: 'results-file',
    group: 'report',
    valueName: 'path',
    description:
      'With mode comment-only, and required by it: the results.json to report, inside the workspace (a regular file of at most 50 MB). It is validated and re-rendered, never posted as is.',
  },
  {
    name: 'prune-keep',
    group: 'report',
    valueName: 'keys',
    repeatable: true,
    description:
      "With mode prune: data-branch keys kept besides the configured ones (one per line or comma-separated; an app's function as app-key/function-key). Required with prune-dry-run false, so nothing is deleted without a list someone wrote.",
  },
  {
    name: 'prune-dry-run',
    group: 'report',
    default: 'true',
    valueName: 'boolean',
    description:
      'With mode prune: list the folders that would be removed and remove nothing. Set false (with prune-keep) to delete them in one data-branch commit.',
  },
  {
    name: 'results-files',
    group: 'report',
    valueName: 'paths',
    repeatable: true,
    description:
      "With mode aggregate, and required by it: the shards' results.json files, one path or glob per line inside the workspace (e.g. shards/*/results.json, where the matrix jobs' artifacts were downloaded).",
  },
  {
    name: 'pull-request',
    group: 'report',
    valueName: 'number',
    defaultText: "the workflow_run event's pull request",
    description:
      'With mode comment-only: the pull request to comment on. Its head must be the commit that was measured.',
  },
  {
    name: 'comment-mode',
    group: 'report',
    default: 'update',
    valueName: 'mode',
    description:
      'The pull request comment: update (one comment, edited), new (a new one each run), hide-and-new (minimise the old one), delete-and-new (delete the old one) or off.',
  },
  {
    name: 'github-token',
    group: 'report',
    actionDefault: '${{ github.token }}',
    defaultText: '${{ github.token }} in the action; GITHUB_TOKEN from the environment in the CLI',
    valueName: 'token',
    description: 'Token for the pull request comment and the baseline branch.',
  },
  {
    name: 'job-summary',
    group: 'report',
    default: 'true',
    boolean: true,
    description: 'Write the report to the job summary.',
  },
  {
    name: 'suggest-min-saving',
    group: 'report',
    default: '5',
    valueName: 'percent',
    description:
      "On a pull request, when the recommendation changes a function's monthly cost by at least this percent, find where its memory is set in the repository (SAM/CloudFormation, Serverless Framework, Terraform, CDK TypeScript) and post a review comment with a suggestion when that line is in the pull request's diff, else name the file and line in the comment (docs/iac.md). off turns it off.",
  },
];

export const OUTPUTS: readonly OutputSpec[] = [
  {
    name: 'recommended-memory',
    description:
      'Recommended memory in MB (with architectures x86_64,arm64: the memory of the recommended pair, on recommended-architecture).',
  },
  {
    name: 'recommended-architecture',
    description:
      "The recommended pair's architecture (x86_64 or arm64); with one architecture tuned, the function's own.",
  },
  { name: 'recommended-cost', description: 'Cost per invocation at the recommended memory, in USD.' },
  { name: 'recommended-duration', description: 'Duration at the recommended memory, in ms.' },
  { name: 'current-memory', description: "The function's configured memory in MB before tuning." },
  {
    name: 'current-cost',
    description: 'Cost per invocation at the configured memory, in USD (empty when it was not among the power values).',
  },
  { name: 'saving-percent', description: 'Cost saving of the recommendation over the configured memory, in percent.' },
  {
    name: 'results-path',
    description:
      'Absolute path of the results.json this run wrote; empty when it wrote none (the run failed before measuring).',
  },
  { name: 'visualization-url', description: 'A lambda-power-tuning.show chart of this run.' },
  {
    name: 'pruned',
    description:
      'With mode prune: the data-branch folders removed (or, in a dry run, that would be), one per line; empty when none.',
  },
  {
    name: 'verdict',
    description: 'The gate verdict: pass, warn or fail (a fail accepted with accept-label stays fail; see accepted).',
  },
  {
    name: 'accepted',
    description:
      'true when a fail verdict was accepted with accept-label (the job passes), else false; accepted-by names who.',
  },
  { name: 'accepted-by', description: 'The login that added accept-label, when it accepted a fail verdict.' },
  { name: 'cost-delta-percent', description: 'Change in cost per invocation against the baseline, in percent.' },
  { name: 'duration-delta-percent', description: 'Change in duration against the baseline, in percent.' },
  {
    name: 'init-duration-delta-percent',
    description: 'Change in Init Duration (cold starts) against the baseline, in percent; empty when not compared.',
  },
  { name: 'monthly-cost-delta', description: 'Change in projected monthly cost against the baseline, in USD.' },
  {
    name: 'memory-used-percent',
    description:
      'The peak Max Memory Used at the configured memory, in percent of it (empty when that memory was not measured).',
  },
  {
    name: 'recommended-memory-used-percent',
    description: 'The peak Max Memory Used at the recommended memory, in percent of it.',
  },
  {
    name: 'run-invocations',
    description:
      "Invocations this run made to measure: every function's and every live baseline function's, failed ones included (what a pull request costs; see docs/pricing.md).",
  },
  {
    name: 'run-gb-seconds',
    description:
      'GB-seconds those invocations were billed (Billed Duration × memory, INIT included where Lambda bills it).',
  },
  {
    name: 'run-cost',
    description:
      "What those invocations cost, in USD (requests + compute, at the run's on-demand prices, no free tier).",
  },
  {
    name: 'run-wall-time-seconds',
    description: 'Wall-clock seconds the measuring took, from reading the first function to the end of clean-up.',
  },
  { name: 'comment-url', description: 'URL of the pull request comment (empty when none).' },
  {
    name: 'functions',
    description:
      "JSON: one entry per function (key, function, status measured/unchanged/failed, verdict, currentMemoryMb, recommendedMemoryMb, costDeltaPercent, durationDeltaPercent, monthlyCostDeltaUsd, memoryUsedPercent, recommendedMemoryUsedPercent, runInvocations, runGbSeconds, runCostUsd (this run's spend on it and its live baseline; absent for an unchanged function), failure). With several functions, verdict, monthly-cost-delta and the run-* outputs are the app's (run-*: the whole run), and the per-function outputs above are empty.",
  },
];

const INPUTS_BY_NAME: ReadonlyMap<string, InputSpec> = new Map(INPUTS.map((spec) => [spec.name, spec]));

export function inputSpec(name: string): InputSpec | undefined {
  return INPUTS_BY_NAME.get(name);
}
