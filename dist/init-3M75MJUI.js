import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  TOOL_VERSION
} from "./chunk-2PNDXB25.js";
import {
  REGION,
  parseFunctionNameAs
} from "./chunk-CBEWQLWB.js";
import "./chunk-7WMIMWEW.js";
import {
  InputError
} from "./chunk-ZS2HFFQI.js";
import "./chunk-F67DHOCG.js";
import "./chunk-TM45P2KR.js";
import "./chunk-URRKCZFK.js";

// src/init.ts
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
var DEFAULT_WORKFLOW_PATH = ".github/workflows/lambda-power-gate.yml";
var ACTION_REF = `lambda-power-gate/lambda-power-gate@v${TOOL_VERSION.split(".")[0]}`;
var ROLE_ARN = /^arn:aws(?:-[a-z]+)*:iam::(\d{12}):role\/[\w+=,.@/-]{1,512}$/;
var REPOSITORY = /^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/;
var ACCOUNT_PLACEHOLDER = "ACCOUNT_ID";
var SECURITY_DOC = "https://github.com/lambda-power-gate/lambda-power-gate/blob/main/docs/SECURITY.md";
var ROLE_PLACEHOLDER = `arn:aws:iam::${ACCOUNT_PLACEHOLDER}:role/lambda-power-gate`;
var TUNE_ACTIONS = [
  "lambda:GetFunctionConfiguration",
  "lambda:GetFunction",
  "lambda:UpdateFunctionConfiguration",
  "lambda:PublishVersion",
  "lambda:CreateAlias",
  "lambda:GetAlias",
  "lambda:UpdateAlias",
  "lambda:DeleteAlias",
  "lambda:InvokeFunction",
  "lambda:ListAliases",
  "lambda:ListVersionsByFunction"
];
var INIT_HELP = `Usage: lambda-power-gate init --function <name|arn> --region <region> [flags]

Writes a GitHub Actions workflow that tunes the function(s) on every pull request with OIDC credentials, and prints
the IAM policies the role needs.

  --function <name|arn>   a function to tune; repeat it or separate names with commas (required)
  --region <region>       the functions' AWS region, e.g. eu-west-1 (required unless every function is a full ARN)
  --role-arn <arn>        the IAM role the workflow assumes through OIDC (default: a placeholder to replace)
  --repository <o/r>      owner/repo, for the role's trust policy (default: $GITHUB_REPOSITORY, else a placeholder)
  --output <path>         where to write the workflow (default: ${DEFAULT_WORKFLOW_PATH})
  --force                 overwrite the file if it exists
  --dry-run               print the workflow instead of writing it
`;
function parseInitArgs(argv, env = {}) {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        function: { type: "string", multiple: true },
        region: { type: "string" },
        "role-arn": { type: "string" },
        repository: { type: "string" },
        output: { type: "string" },
        force: { type: "boolean" },
        "dry-run": { type: "boolean" },
        help: { type: "boolean", short: "h" }
      },
      strict: true,
      allowPositionals: false
    }));
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new InputError("init", `${message} (run lambda-power-gate init --help)`);
  }
  if (values.help) return "help";
  const names = (values.function ?? []).flatMap((value) => value.split(",")).map((name) => name.trim());
  if (names.filter((name) => name !== "").length === 0)
    throw new InputError("function", "init needs --function <name>: the function to tune (repeat it for several)");
  const functions = names.filter((name) => name !== "").map((name) => parseFunctionNameAs("function", name, true));
  const keys = functions.map((fn) => fn.name);
  const twice = keys.find((key, index) => keys.indexOf(key) !== index);
  if (twice) throw new InputError("function", `--function ${twice} is given twice; give each function once`);
  const region = values.region?.trim() ?? "";
  if (region !== "" && !REGION.test(region))
    throw new InputError("region", `--region ${JSON.stringify(region)} is not an AWS region; use e.g. eu-west-1`);
  if (region === "" && functions.some((fn) => fn.region === void 0))
    throw new InputError(
      "region",
      "init needs --region <region> (e.g. eu-west-1) unless every --function is a full ARN"
    );
  const roleArn = values["role-arn"]?.trim();
  if (roleArn !== void 0 && !ROLE_ARN.test(roleArn))
    throw new InputError("role-arn", `--role-arn must be an IAM role ARN, e.g. arn:aws:iam::123456789012:role/name`);
  const repository = values.repository?.trim() || env["GITHUB_REPOSITORY"] || void 0;
  if (repository !== void 0 && !REPOSITORY.test(repository))
    throw new InputError("repository", `--repository must be owner/repo, e.g. acme/shop`);
  const output = values.output?.trim() || DEFAULT_WORKFLOW_PATH;
  return {
    functions,
    region: region || (functions[0]?.region ?? ""),
    ...roleArn !== void 0 ? { roleArn } : {},
    ...repository !== void 0 ? { repository } : {},
    output,
    force: values.force ?? false,
    dryRun: values["dry-run"] ?? false
  };
}
function renderWorkflow(options) {
  const several = options.functions.length > 1;
  const names = options.functions.map((fn) => fn.name).join(", ");
  const steps = several ? [
    `      - name: Tune ${names}`,
    `        uses: ${ACTION_REF}`,
    `        with:`,
    `          functions: |`,
    ...options.functions.map((fn) => `            ${fn.functionName}`),
    `          key: app`
  ] : options.functions.flatMap((fn) => [
    `      - name: Tune ${fn.name}`,
    `        uses: ${ACTION_REF}`,
    `        with:`,
    `          function-name: ${fn.functionName}`,
    ...fn.region !== void 0 && fn.region !== options.region ? [`          region: ${fn.region}`] : []
  ]);
  return [
    `# Written by \`lambda-power-gate init\` ${TOOL_VERSION}: tunes ${names} on every pull request, posts the`,
    "# results as a comment and fails the job on a cost or speed regression.",
    ...options.roleArn ? [] : ["# Before the first run: replace the role-to-assume placeholder (ACCOUNT_ID) with your role."],
    `# The role and its policies: lambda-power-gate init prints them; ${SECURITY_DOC} explains them.`,
    "name: lambda-power-gate",
    "on:",
    "  pull_request:",
    "permissions:",
    "  id-token: write # OIDC: AWS credentials without stored keys",
    "  contents: read",
    "  pull-requests: write # the pull request comment",
    "jobs:",
    "  tune:",
    "    # Pull requests from forks get no OIDC token and a read-only token: skip them (docs/workflows.md has a recipe).",
    "    if: github.event.pull_request.head.repo.full_name == github.repository",
    "    runs-on: ubuntu-latest",
    "    steps:",
    "      - uses: actions/checkout@v4",
    "      - uses: aws-actions/configure-aws-credentials@v4",
    "        with:",
    `          role-to-assume: ${options.roleArn ?? ROLE_PLACEHOLDER}`,
    `          aws-region: ${options.region}`,
    "      # Deploy this pull request's code before tuning, where your pipeline deploys it: the action measures what is",
    "      # deployed. A copy per pull request (a stack per PR) keeps your shared functions untouched.",
    ...steps,
    ""
  ].join("\n");
}
function accountOf(options) {
  return options.roleArn && ROLE_ARN.exec(options.roleArn)?.[1] || ACCOUNT_PLACEHOLDER;
}
function permissionPolicy(options) {
  const arns = options.functions.map((fn) => {
    const partition = fn.partition ?? "aws";
    return `arn:${partition}:lambda:${fn.region ?? options.region}:${fn.accountId ?? accountOf(options)}:function:${fn.name}`;
  });
  const one = (list) => list.length === 1 ? list[0] : list;
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "TuneTheFunction",
        Effect: "Allow",
        Action: TUNE_ACTIONS,
        Resource: arns.flatMap((arn) => [arn, `${arn}:*`])
      },
      {
        Sid: "DeleteOnlyVersionsNeverTheFunction",
        Effect: "Allow",
        Action: "lambda:DeleteFunction",
        Resource: one(arns.map((arn) => `${arn}:*`))
      }
    ]
  };
}
function trustPolicy(options) {
  const repository = options.repository ?? "OWNER/REPO";
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: {
          Federated: `arn:aws:iam::${accountOf(options)}:oidc-provider/token.actions.githubusercontent.com`
        },
        Action: "sts:AssumeRoleWithWebIdentity",
        Condition: {
          StringEquals: { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" },
          StringLike: { "token.actions.githubusercontent.com:sub": `repo:${repository}:pull_request` }
        }
      }
    ]
  };
}
function runInit(argv, io, env = {}) {
  const options = parseInitArgs(argv, env);
  if (options === "help") {
    io.stdout.write(INIT_HELP);
    return 0;
  }
  const workflow = renderWorkflow(options);
  if (options.dryRun) {
    io.stdout.write(workflow);
  } else {
    const path = resolve(io.cwd, options.output);
    const shown = relative(io.cwd, path);
    const display = shown.startsWith("..") || isAbsolute(shown) ? path : shown;
    if (existsSync(path) && !options.force)
      throw new InputError("output", `${display} exists; give --force to overwrite it, or --output <another path>`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, workflow);
    io.stdout.write(`wrote ${display}
`);
  }
  const placeholders = [
    ...options.roleArn ? [] : ["ACCOUNT_ID (your 12-digit AWS account)"],
    ...options.repository ? [] : ["OWNER/REPO (this repository)"]
  ];
  io.stdout.write(
    [
      "",
      `The role the workflow assumes needs this permission policy (${SECURITY_DOC} says why each action):`,
      JSON.stringify(permissionPolicy(options), null, 2),
      "",
      "and this trust policy (GitHub's OIDC identity provider must exist in the account, step 1 of the page above):",
      JSON.stringify(trustPolicy(options), null, 2),
      "",
      ...placeholders.length > 0 ? [`Replace the placeholders: ${placeholders.join(", ")}.`] : [],
      `Then open a pull request: the job tunes ${options.functions.map((fn) => fn.name).join(", ")} and comments.`,
      ""
    ].join("\n")
  );
  return 0;
}
export {
  ACTION_REF,
  DEFAULT_WORKFLOW_PATH,
  INIT_HELP,
  parseInitArgs,
  permissionPolicy,
  renderWorkflow,
  runInit,
  trustPolicy
};
