// Discovery from a stack (issue 15): `stack-name` lists the stack's AWS::Lambda::Function resources with
// CloudFormation's ListStackResources, every page, keeps those the include/exclude globs select by logical id, and,
// with `baseline-stack-name`, pairs each with the base stack's function of the same logical id — how SAM and CDK
// users deploy a pull request's stack beside a staging stack.
//
// Which resources count, by ResourceStatus (botocore's ResourceStatus enum):
// - left out, with a log line: DELETE_* (the function is leaving the stack, or gone; DELETE_SKIPPED means retained
//   outside it), CREATE_IN_PROGRESS and CREATE_FAILED (it may not exist yet), and any resource with no physical id;
// - kept: *_COMPLETE, and UPDATE_*, IMPORT_*, ROLLBACK states, whose function exists; an *_IN_PROGRESS or *_FAILED
//   one gets a warning, as it is measured as it is now (the engine waits for a pending update itself).
// Functions of nested stacks (AWS::CloudFormation::Stack) are not followed: name the nested stack in stack-name.
//
// Stack names and logical ids come from AWS (and from whoever wrote the template): untrusted text, made inert in
// every message (lib/untrusted.ts).

import {
  CloudFormationClient,
  paginateListStackResources,
  type StackResourceSummary,
} from '@aws-sdk/client-cloudformation';
import picomatch from 'picomatch';
import { InputError } from '../lib/errors.js';
import type { EngineLogger } from '../lib/ports.js';
import { errorName } from '../lib/retry.js';
import { inertText } from '../lib/untrusted.js';
import { placeholderCredentials } from '../tuning/client.js';
import type { FoundFunction, StackDiscovery, TuningSettings } from '../types.js';

export const LAMBDA_FUNCTION_TYPE = 'AWS::Lambda::Function';

export interface DiscoveryDeps {
  cloudFormation: CloudFormationClient;
  /** For the base stack when it lives elsewhere (another account or region); default cloudFormation. */
  baselineCloudFormation?: CloudFormationClient;
  logger: Pick<EngineLogger, 'info' | 'warning'>;
}

/**
 * A CloudFormation client with the same rules as the Lambda client (tuning/client.ts): the region and endpoint of the
 * settings (the emulator serves CloudFormation on its Lambda endpoint), and placeholder credentials only for a
 * loopback endpoint when the environment has none.
 */
export function createCloudFormationClient(
  settings: Pick<TuningSettings, 'region' | 'endpoint'>,
  env: Record<string, string | undefined>,
): CloudFormationClient {
  const dummy = placeholderCredentials(settings.endpoint, env);
  return new CloudFormationClient({
    region: settings.region,
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    maxAttempts: 3,
    ...(dummy ? { credentials: dummy } : {}),
  });
}

/** One function resource of a stack, as listed. */
interface StackFunction {
  logicalId: string;
  functionName: string;
}

const shownName = (name: string) => inertText(name, 128);

/** Whether a function resource of this status is measured, and whether that deserves a warning. */
export function resourceStatusRule(status: string | undefined): 'skip' | 'keep' | 'keep-with-warning' {
  if (status === undefined) return 'keep';
  if (status.startsWith('DELETE_') || status === 'CREATE_IN_PROGRESS' || status === 'CREATE_FAILED') return 'skip';
  if (status.endsWith('_IN_PROGRESS') || status.endsWith('_FAILED')) return 'keep-with-warning';
  return 'keep';
}

/** Every AWS::Lambda::Function resource of a stack, every page read, in the order CloudFormation lists them. */
async function listStackFunctions(
  client: CloudFormationClient,
  stackName: string,
  input: 'stack-name' | 'baseline-stack-name',
  logger: DiscoveryDeps['logger'],
): Promise<StackFunction[]> {
  const summaries: StackResourceSummary[] = [];
  try {
    for await (const page of paginateListStackResources({ client }, { StackName: stackName }))
      summaries.push(...(page.StackResourceSummaries ?? []));
  } catch (error) {
    throw await discoveryError(error, client, stackName, input);
  }
  const functions: StackFunction[] = [];
  let nested = 0;
  for (const resource of summaries) {
    if (resource.ResourceType === 'AWS::CloudFormation::Stack') nested++;
    if (resource.ResourceType !== LAMBDA_FUNCTION_TYPE) continue;
    const logicalId = resource.LogicalResourceId ?? '';
    const rule = resourceStatusRule(resource.ResourceStatus);
    const where = `${shownName(logicalId)} in stack ${shownName(stackName)}`;
    if (rule === 'skip' || !resource.PhysicalResourceId) {
      logger.info(
        `${where} is ${inertText(resource.ResourceStatus ?? 'without a function name', 40)}: not measured (its function is not there to tune)`,
      );
      continue;
    }
    if (rule === 'keep-with-warning')
      logger.warning(
        `${where} is ${inertText(resource.ResourceStatus ?? '', 40)}: measured as it is now; run again when the stack is settled`,
      );
    functions.push({ logicalId, functionName: resource.PhysicalResourceId });
  }
  if (nested > 0)
    logger.info(
      `Stack ${shownName(stackName)} has ${nested} nested stack${nested === 1 ? '' : 's'}: their functions are not listed (name a nested stack in ${input} to tune its functions)`,
    );
  return functions;
}

/** One line naming the input and the fix, for the errors a user can fix; anything else as it came. */
async function discoveryError(
  error: unknown,
  client: CloudFormationClient,
  stackName: string,
  input: 'stack-name' | 'baseline-stack-name',
): Promise<Error> {
  const name = errorName(error);
  const message = error instanceof Error ? error.message : String(error);
  const region = await client.config.region().catch(() => 'this region');
  const stack = shownName(stackName);
  // Real CloudFormation: 400 ValidationError "Stack with id <name> does not exist" (cloudquery/cq-provider-aws#824).
  if (name === 'ValidationError' && /does not exist/i.test(message))
    return new InputError(
      input,
      `${input}: there is no stack ${stack} in ${region}: check the name (a running stack's name or its stack id) and the region (aws-region), and that the stack is deployed before this step`,
    );
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  if (/AccessDenied|UnauthorizedOperation|NotAuthorized/i.test(name) || status === 403)
    return new InputError(
      input,
      `${input}: not allowed to list the resources of stack ${stack} in ${region} (${inertText(name, 60)}): allow cloudformation:ListStackResources on it for the role this step uses (docs/apps.md)`,
    );
  return new Error(
    `${input}: listing the resources of stack ${stack} in ${region} failed: ${inertText(`${name}: ${message}`)}`,
  );
}

/** Whether a logical id is selected by the include globs (all when there are none) and no exclude glob. */
export function globFilter(include: string[], exclude: string[]): (logicalId: string) => boolean {
  const included = include.length === 0 ? () => true : picomatch(include);
  const excluded = exclude.length === 0 ? () => false : picomatch(exclude);
  return (logicalId) => included(logicalId) && !excluded(logicalId);
}

const byKey = (a: FoundFunction, b: FoundFunction) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * The functions of the stack to tune, sorted by key (the logical id), each with its base stack twin when
 * baselineStackName is given. Errors are one line naming stack-name (or baseline-stack-name) and the fix.
 */
export async function discoverStackFunctions(stack: StackDiscovery, deps: DiscoveryDeps): Promise<FoundFunction[]> {
  const { logger } = deps;
  if (stack.baselineStackName !== undefined && stack.baselineStackName === stack.stackName)
    throw new InputError(
      'baseline-stack-name',
      `baseline-stack-name: ${shownName(stack.stackName)} is stack-name too, so every function would be its own baseline: name the base branch's stack (for example the staging stack)`,
    );
  const selected = globFilter(stack.include, stack.exclude);
  const all = await listStackFunctions(deps.cloudFormation, stack.stackName, 'stack-name', logger);
  if (all.length === 0)
    throw new InputError(
      'stack-name',
      `stack-name: stack ${shownName(stack.stackName)} has no ${LAMBDA_FUNCTION_TYPE} resource to tune: name the stack that holds the functions (a nested stack's own name when they are in one)`,
    );
  const chosen = all.filter((fn) => selected(fn.logicalId));
  if (chosen.length === 0) {
    const ids = all.map((fn) => fn.logicalId).sort();
    const shown = ids.slice(0, 10).map(shownName).join(', ') + (ids.length > 10 ? `, … (${ids.length} in all)` : '');
    throw new InputError(
      'include-functions',
      `include-functions/exclude-functions match none of the functions of stack-name ${shownName(stack.stackName)} (${shown}): fix the globs, which match logical ids`,
    );
  }
  let base: Map<string, string> | undefined;
  if (stack.baselineStackName !== undefined) {
    const baseFunctions = await listStackFunctions(
      deps.baselineCloudFormation ?? deps.cloudFormation,
      stack.baselineStackName,
      'baseline-stack-name',
      logger,
    );
    base = new Map(baseFunctions.filter((fn) => selected(fn.logicalId)).map((fn) => [fn.logicalId, fn.functionName]));
    if (base.size === 0)
      logger.warning(
        `The base stack ${shownName(stack.baselineStackName)} has no function the globs select: every function is measured with no baseline (is baseline-stack-name the right stack?)`,
      );
    const inPr = new Set(chosen.map((fn) => fn.logicalId));
    for (const logicalId of [...base.keys()].sort())
      if (!inPr.has(logicalId))
        logger.info(
          `${shownName(logicalId)} is in the base stack ${shownName(stack.baselineStackName)} only (removed in this pull request?): not measured`,
        );
  }
  const found = chosen.map((fn): FoundFunction => {
    const baselineFunction = base?.get(fn.logicalId);
    if (base && baselineFunction === undefined)
      logger.info(
        `${shownName(fn.logicalId)} is new in stack ${shownName(stack.stackName)} (not in the base stack): measured, with no baseline`,
      );
    return {
      key: fn.logicalId,
      functionName: fn.functionName,
      ...(baselineFunction !== undefined ? { baselineFunction } : {}),
    };
  });
  logger.info(
    `Stack ${shownName(stack.stackName)}: ${found.length} of ${all.length} function${all.length === 1 ? '' : 's'} selected${base ? `, ${found.filter((f) => f.baselineFunction).length} paired with stack ${shownName(stack.baselineStackName ?? '')}` : ''}`,
  );
  return found.sort(byKey);
}
