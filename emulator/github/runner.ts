// Runs the action's entrypoint (dist/index.js) the way a GitHub runner does: inputs as INPUT_* variables, the
// event as a file, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY as files, workflow commands on stdout.

import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface ActionRunOptions {
  /** Input name (as in action.yml) → value. */
  inputs: Record<string, string>;
  eventName: string;
  event: Record<string, unknown>;
  /** Where the run's files go: event.json, outputs, summary; also GITHUB_WORKSPACE. */
  workspace: string;
  githubApiUrl: string;
  repository?: string;
  sha?: string;
  ref?: string;
  entrypoint?: string;
  /** Each stdout/stderr line, as it arrives. */
  onLine?: (line: string) => void;
  env?: Record<string, string>;
}

export interface ActionRunResult {
  exitCode: number;
  outputs: Record<string, string>;
  summary: string;
  log: string[];
  summaryPath: string;
  outputsPath: string;
}

export function inputEnv(inputs: Record<string, string>): Record<string, string> {
  // @actions/core reads INPUT_<NAME upper-cased, spaces as underscores>; hyphens stay.
  return Object.fromEntries(
    Object.entries(inputs).map(([name, value]) => [`INPUT_${name.replace(/ /g, '_').toUpperCase()}`, value]),
  );
}

/** GITHUB_OUTPUT holds `name<<DELIMITER\nvalue\nDELIMITER` records. */
export function parseOutputsFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = lines[i]?.match(/^([^<=]+)<<(.+)$/);
    if (match?.[1] && match[2]) {
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== match[2]; i++) value.push(lines[i] ?? '');
      outputs[match[1]] = value.join('\n');
    } else {
      const simple = lines[i]?.match(/^([^=]+)=(.*)$/);
      if (simple?.[1]) outputs[simple[1]] = simple[2] ?? '';
    }
  }
  return outputs;
}

export async function runAction(options: ActionRunOptions): Promise<ActionRunResult> {
  const workspace = resolve(options.workspace);
  mkdirSync(workspace, { recursive: true });
  const eventPath = join(workspace, 'event.json');
  const outputsPath = join(workspace, 'github-output.txt');
  const summaryPath = join(workspace, 'step-summary.md');
  writeFileSync(eventPath, JSON.stringify(options.event, null, 2));
  writeFileSync(outputsPath, '');
  writeFileSync(summaryPath, '');
  const repository = options.repository ?? 'acme/shop';
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? workspace,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_EVENT_NAME: options.eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: repository,
    GITHUB_REPOSITORY_OWNER: repository.split('/')[0] ?? '',
    GITHUB_SHA: options.sha ?? '0000000000000000000000000000000000000000',
    GITHUB_REF: options.ref ?? 'refs/heads/main',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: outputsPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_API_URL: options.githubApiUrl,
    GITHUB_GRAPHQL_URL: `${options.githubApiUrl}/graphql`,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_NUMBER: '7',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_WORKFLOW: 'lambda-power-gate',
    GITHUB_JOB: 'tune',
    GITHUB_ACTOR: 'octocat',
    RUNNER_TEMP: workspace,
    RUNNER_OS: 'Linux',
    // On GitHub the action runs on node24 (action.yml); here on the local Node, where on Node 20 the AWS SDK warns
    // that its releases after January 2027 need Node 22: true, but about this machine, not the action.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    ...inputEnv(options.inputs),
    ...options.env,
  };
  const entrypoint = options.entrypoint ?? resolve('dist/index.js');
  const child = spawn(process.execPath, [entrypoint], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const log: string[] = [];
  const collect = (stream: NodeJS.ReadableStream) => {
    let pending = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        log.push(line);
        options.onLine?.(line);
      }
    });
    stream.on('end', () => {
      if (pending) {
        log.push(pending);
        options.onLine?.(pending);
      }
    });
  };
  collect(child.stdout);
  collect(child.stderr);
  const exitCode = await new Promise<number>((resolvePromise) =>
    child.on('close', (code) => resolvePromise(code ?? 1)),
  );
  return {
    exitCode,
    outputs: parseOutputsFile(readFileSync(outputsPath, 'utf8')),
    summary: readFileSync(summaryPath, 'utf8'),
    log,
    summaryPath,
    outputsPath,
  };
}

/** Workflow commands as a person reads them in the Actions log. */
export function prettyLogLine(line: string): string | null {
  if (line.startsWith('::endgroup::') || line.startsWith('::debug::') || line.startsWith('::add-mask::')) return null;
  const group = line.match(/^::group::(.*)$/);
  if (group) return `▸ ${group[1]}`;
  const annotation = line.match(/^::(warning|error|notice)[^:]*::(.*)$/);
  if (annotation) return `${annotation[1]}: ${(annotation[2] ?? '').replace(/%0A/g, '\n').replace(/%25/g, '%')}`;
  return `  ${line}`;
}
