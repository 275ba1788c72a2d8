// LambdaTarget: the only code that calls the Lambda API. It follows the protocol in DESIGN.md: snapshot $LATEST,
// publish one version per power value (RevisionId-guarded, verified), alias it under a name unique to this run,
// restore $LATEST, invoke the aliases, and delete exactly what this run created.

import {
  CreateAliasCommand,
  DeleteAliasCommand,
  DeleteFunctionCommand,
  GetAliasCommand,
  GetFunctionConfigurationCommand,
  InvokeCommand,
  ListAliasesCommand,
  ListVersionsByFunctionCommand,
  PublishVersionCommand,
  UpdateAliasCommand,
  UpdateFunctionConfigurationCommand,
  waitUntilFunctionUpdatedV2,
  waitUntilPublishedVersionActive,
  type AliasConfiguration,
  type FunctionConfiguration,
  type PublishVersionCommandOutput,
  type LambdaClient,
} from '@aws-sdk/client-lambda';
import type { Architecture, FunctionIdentity, LogFormat } from '../types.js';
import { parseReport } from './logs.js';
import pLimit from 'p-limit';
import { messageOf } from '../lib/errors.js';
import { abortReason, controlPlaneLimiter, type RateLimiter } from './limiter.js';
import { realSleep, type EngineLogger, type Sleep } from '../lib/ports.js';
import { backoffDelayMs, errorName, isThrottling, isTransient, withRetry } from '../lib/retry.js';

/** $LATEST as found, and the fields this run may touch (MemorySize and Description) to put back. */
export interface FunctionSnapshot {
  identity: FunctionIdentity;
  /** Unqualified ARN: every later call uses it, so a name that is ambiguous across accounts cannot drift. */
  functionArn: string;
  memoryMb: number;
  description: string;
  timeoutSec: number;
  revisionId: string;
  environment: Record<string, string>;
}

export interface PreparedVersion {
  memoryMb: number;
  version: string;
  alias: string;
  /** False when Lambda handed back a version that already existed (never delete what we did not create). */
  createdByRun: boolean;
}

export interface InvokeOutcome {
  /** The base64-decoded log tail (last 4 KB). */
  logTail: string;
  functionError?: string;
  /** Decoded response payload (function output; handle with care, it may be sensitive). */
  payload: string;
  executedVersion?: string;
}

export interface CleanupReport {
  deletedAliases: string[];
  deletedVersions: string[];
  /** Things we could not delete, with the reason: reported loudly, never swallowed. */
  problems: string[];
  /** What is (or may be) still there: failed, or not tried because the clean-up's signal ended it. */
  remaining: RunLeftovers;
}

/** A run's aliases and versions on one function, by name and number. */
export interface RunLeftovers {
  aliases: string[];
  versions: string[];
}

export interface TargetOptions {
  logger: EngineLogger;
  sleep: Sleep;
  /** Unique per run; part of every alias name and version description this run creates. */
  runId: string;
  /** Seconds between polls of LastUpdateStatus (the SDK waiter's minDelay). */
  waiterMinDelaySec?: number;
  waiterMaxWaitSec?: number;
  random?: () => number;
  /**
   * How long another run's marker may sit unchanged on $LATEST before it counts as abandoned (that run was killed
   * before it could restore). Default 5 minutes: a live run changes it every few seconds while it prepares.
   */
  foreignRunStaleMs?: number;
  /** Milliseconds since the epoch; tests inject it. */
  now?: () => number;
  /**
   * What is left of the run's timeout-minutes, in ms: the most a wait for a published version to become Active may
   * take (a SnapStart snapshot takes minutes). Default: no bound but the waiter's own.
   */
  timeLeftMs?: () => number;
  /** Seconds between polls of a published version's State; default 5, the API model's PublishedVersionActive delay. */
  versionWaiterMinDelaySec?: number;
  /**
   * When this run is over for everyone else (ms since the epoch): its start + timeout-minutes + a grace for its
   * own clean-up. Written into every marker and the run's state alias, so a later run can tell a killed run's
   * leftovers from a live run's (docs/recovery.md). Unset: markers without recovery data (old format).
   */
  deadlineMs?: number;
  /**
   * Paces every control-plane request (each HTTP attempt, the SDK's own retries included) under Lambda's
   * account-wide quota; one per run, shared by every function of the run (limiter.ts). Default: a limiter of its own.
   */
  limiter?: RateLimiter;
}

const CONTROL_PLANE_ATTEMPTS = 8;
const INVOKE_ATTEMPTS = 6;
/**
 * Attempts at one prepare step (update, verify, publish) when another run or a deploy changes $LATEST between
 * them. Runs wait for each other's markers, so this is the budget for the races between two reads, which jittered
 * backoff spreads apart: 20 attempts at up to 5 s cover several runs starting in the same second.
 */
const CONCURRENT_CHANGE_ATTEMPTS = 20;
const FOREIGN_RUN_STALE_MS = 5 * 60_000;
/** The API model's PublishedVersionActive waiter: 5 s between polls, 312 attempts (26 minutes). */
const VERSION_WAITER_MIN_DELAY_SEC = 5;
const VERSION_WAITER_MAX_WAIT_SEC = 312 * 5;

/**
 * Which of several versions of one memory size: a number is a cold-start run's per-invocation version; an
 * `{ environment }` is one of the live gate's extra environment blocks (gate/sequential.ts). Lambda keeps execution
 * environments per version, so a fresh version is the only way to be sure of fresh environments.
 */
export type VersionVariant = number | { environment: number };

export function aliasName(runId: string, memoryMb: number, variant?: VersionVariant): string {
  if (variant === undefined) return `lpg-${runId}-${memoryMb}`;
  return typeof variant === 'number' ? `lpg-${runId}-${memoryMb}-c${variant}` : `lpg-${runId}-${memoryMb}-e${variant.environment}`;
}

export function versionDescription(runId: string, memoryMb: number, variant?: VersionVariant): string {
  const suffix = variant === undefined ? '' : typeof variant === 'number' ? ` cold ${variant}` : ` environment ${variant.environment}`;
  return `lambda-power-gate ${runId} ${memoryMb} MB${suffix}`;
}

/** What a later run needs to put $LATEST back without the run that changed it (docs/recovery.md). */
export interface RecoveryData {
  originalMemoryMb: number;
  deadlineMs: number;
}

/**
 * The Description this run puts on $LATEST and on each version it publishes: versionDescription plus the original
 * memory and the run's deadline, e.g. `lambda-power-gate 3f9a12bc 256 MB (was 512 MB, until 2026-12-01T09:40:00Z)`.
 * At most about 110 characters: Lambda's Description limit is 256 (the API model's `Description` shape).
 */
export function runMarker(runId: string, memoryMb: number, variant: VersionVariant | undefined, recovery: RecoveryData | undefined): string {
  const base = versionDescription(runId, memoryMb, variant);
  return recovery ? `${base} (was ${recovery.originalMemoryMb} MB, until ${isoSeconds(recovery.deadlineMs)})` : base;
}

/** A marker's run id and, in markers written since recovery data exists, the original memory and the deadline. */
export function parseMarker(description: string | undefined): ({ runId: string } & Partial<RecoveryData>) | undefined {
  const runId = markerRunId(description);
  if (runId === undefined) return undefined;
  const match = description?.match(/ \(was (\d+) MB, until (\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)\)$/);
  const deadlineMs = match?.[2] ? Date.parse(match[2]) : NaN;
  if (!match?.[1] || !Number.isFinite(deadlineMs)) return { runId };
  return { runId, originalMemoryMb: Number(match[1]), deadlineMs };
}

/**
 * The run's state alias: it points at $LATEST (the API model's CreateAlias FunctionVersion allows `$LATEST`) and its
 * Description is $LATEST's original Description, verbatim (both are at most 256 characters). Its name carries the
 * deadline, so even alone (a run killed before its first change) it says when its run is over. Created before the
 * run changes anything and deleted last, after $LATEST is confirmed restored: while anything of a run is left, its
 * state alias is too.
 */
export function stateAliasName(runId: string, deadlineMs: number): string {
  return `lpg-${runId}-until-${isoSeconds(deadlineMs).replace(/[-:]/g, '')}`;
}

export function parseStateAliasName(name: string): { runId: string; deadlineMs: number } | undefined {
  const match = name.match(/^lpg-([^-]+)-until-(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/);
  if (!match) return undefined;
  const [, runId = '', year, month, day, hour, minute, second] = match;
  const deadlineMs = Date.parse(`${year}-${month}-${day}T${hour}:${minute}:${second}Z`);
  return Number.isFinite(deadlineMs) ? { runId, deadlineMs } : undefined;
}

/** The run an alias of this tool belongs to: `lpg-<run>-…`. */
export function aliasRunId(name: string): string | undefined {
  return name.match(/^lpg-([^-]+)-/)?.[1];
}

/** The run a version of this tool's was published by (never the kept auto-optimize-alias versions, `<run>:`). */
export function versionRunId(description: string | undefined): string | undefined {
  return description?.match(/^lambda-power-gate ([^\s:]+) \d+ MB\b/)?.[1];
}

function isoSeconds(ms: number): string {
  return new Date(Math.ceil(ms / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * The run whose marker is on $LATEST, if any. A run puts its marker (versionDescription, or the auto-optimize
 * description) on $LATEST with every memory size it sets, so anyone reading $LATEST can tell it is not the
 * function's own configuration: another run must neither snapshot it nor overwrite it.
 */
export function markerRunId(description: string | undefined): string | undefined {
  return description?.match(/^lambda-power-gate (\S+?):? \d+ MB\b/)?.[1];
}

export function identityFromConfiguration(config: FunctionConfiguration, region: string): FunctionIdentity {
  const architecture: Architecture = config.Architectures?.[0] === 'arm64' ? 'arm64' : 'x86_64';
  const logFormat: LogFormat = config.LoggingConfig?.LogFormat === 'JSON' ? 'JSON' : 'Text';
  return {
    name: config.FunctionName ?? '',
    arn: unqualifiedArn(config.FunctionArn ?? ''),
    region,
    architecture,
    runtime: config.Runtime,
    codeSha256: config.CodeSha256,
    originalMemoryMb: config.MemorySize ?? 128,
    logFormat,
  };
}

/**
 * Every measurement comes from the REPORT line (platform.report in JSON logs), which Lambda sends only at system
 * log level INFO or more detailed: at WARN every sample would fail as NoReport after the whole
 * run. Checked at the snapshot, before anything is changed.
 */
export function checkReportIsLogged(config: FunctionConfiguration): void {
  const logging = config.LoggingConfig;
  const level = logging?.SystemLogLevel;
  // The model's SystemLogLevel enum is DEBUG, INFO, WARN; anything above INFO hides the report.
  if (logging?.LogFormat !== 'JSON' || level === undefined || ['DEBUG', 'INFO', 'TRACE'].includes(level)) return;
  throw new LoggingConfigError(
    `${config.FunctionName ?? 'The function'} logs system events at ${level}, so Lambda sends no platform.report and no invocation can be measured; set LoggingConfig.SystemLogLevel to INFO or DEBUG (or LogFormat to Text) and run again`,
  );
}

/** Versions this run published: their Description is versionDescription(runId, …), unique to the run. */
export function isRunVersionDescription(description: string | undefined, runId: string): boolean {
  const escaped = runId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // With recovery data (runMarker) the description ends in " (was <mb> MB, until <time>)".
  return new RegExp(`^lambda-power-gate ${escaped} \\d+ MB(?: cold \\d+| environment \\d+)?(?: \\(was \\d+ MB, until [^)]+\\))?$`).test(description ?? '');
}

/** arn:aws:lambda:r:a:function:name[:qualifier] → without the qualifier. */
export function unqualifiedArn(arn: string): string {
  const parts = arn.split(':');
  return parts.length > 7 ? parts.slice(0, 7).join(':') : arn;
}

export class LambdaTarget {
  private readonly waiterMinDelaySec: number;
  private readonly waiterMaxWaitSec: number;
  private readonly limiter: RateLimiter;
  /** This run's aliases → the version and memory each must run; checked on every invocation. */
  private readonly prepared = new Map<string, PreparedVersion>();
  /** Created by a prepare step that then failed, and not removable at once: cleanup() retries them. */
  private readonly leftovers: PreparedVersion[] = [];
  /** Every alias name this run sent a CreateAlias for: the answer may have been lost, the name is known. */
  private readonly attemptedAliases = new Set<string>();
  /** A PublishVersion went unanswered (lost, failed or cut short): cleanup() must list versions to find it. */
  private publishOutcomeUnknown = false;
  /** Requests that create something (update, publish, alias), still in flight. */
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly client: LambdaClient,
    private readonly functionName: string,
    private readonly region: string,
    private readonly options: TargetOptions,
  ) {
    this.waiterMinDelaySec = options.waiterMinDelaySec ?? 1;
    this.waiterMaxWaitSec = options.waiterMaxWaitSec ?? 300;
    this.limiter = options.limiter ?? controlPlaneLimiter(realSleep);
  }

  /**
   * Reads $LATEST as the function's own configuration: after any update in progress, and never while another
   * run's marker is on it (that would record a tested memory size as the original, and this run's restore would
   * then put it back for good).
   */
  async snapshot(signal?: AbortSignal): Promise<FunctionSnapshot> {
    const config = await this.awaitTurn(this.functionName, signal);
    checkReportIsLogged(config);
    const identity = identityFromConfiguration(config, this.region);
    return {
      identity,
      functionArn: identity.arn || this.functionName,
      memoryMb: config.MemorySize ?? 128,
      description: config.Description ?? '',
      timeoutSec: config.Timeout ?? 3,
      revisionId: config.RevisionId ?? '',
      environment: config.Environment?.Variables ?? {},
    };
  }

  /**
   * Sets $LATEST to memoryMb (with a description unique to this run and power value, so PublishVersion always
   * creates a new version), waits for the update, publishes guarded by the RevisionId we observed, verifies the
   * version's memory, and aliases it.
   */
  async prepareVersion(snapshot: FunctionSnapshot, memoryMb: number, variant?: VersionVariant, signal?: AbortSignal): Promise<PreparedVersion> {
    const { runId } = this.options;
    const description = runMarker(runId, memoryMb, variant, this.recoveryData(snapshot));
    const fn = snapshot.functionArn;
    const published = await withRetry(
      async () => {
        // Our turn, then a change guarded by the RevisionId just read: if another run takes $LATEST between the
        // two, the update fails (PreconditionFailedException) instead of overwriting it, and we wait again.
        const before = await this.awaitTurn(fn, signal);
        await this.controlPlane(
          'UpdateFunctionConfiguration',
          new UpdateFunctionConfigurationCommand({ FunctionName: fn, MemorySize: memoryMb, Description: description, RevisionId: before.RevisionId }),
          signal,
          SETTLE,
        );
        await this.waitUntilUpdated(fn, signal);
        const current = await this.controlPlane('GetFunctionConfiguration', new GetFunctionConfigurationCommand({ FunctionName: fn }), signal);
        if (current.MemorySize !== memoryMb || current.Description !== description) {
          throw new ConcurrentChangeError(`$LATEST changed under us while preparing ${memoryMb} MB (another run or a deploy?)`);
        }
        try {
          return await this.controlPlane(
            'PublishVersion',
            new PublishVersionCommand({ FunctionName: fn, RevisionId: current.RevisionId, Description: description }),
            signal,
            SETTLE,
          );
        } catch (error) {
          // Lambda may have published it and only the answer was lost: clean-up finds it by its description.
          if (errorName(error) !== 'PreconditionFailedException') this.publishOutcomeUnknown = true;
          throw error;
        }
      },
      {
        attempts: CONCURRENT_CHANGE_ATTEMPTS,
        baseDelayMs: 250,
        maxDelayMs: 5_000,
        sleep: this.options.sleep,
        signal,
        random: this.options.random,
        // A RevisionId mismatch or a concurrent change means someone else touched $LATEST between our update and
        // our publish: redo the whole step rather than publish a configuration we did not verify.
        shouldRetry: (error) => error instanceof ConcurrentChangeError || errorName(error) === 'PreconditionFailedException',
        onRetry: (error, attempt) => this.options.logger.warning(`Preparing ${memoryMb} MB again (attempt ${attempt + 1}): ${messageOf(error)}`),
      },
    );
    const version = published.Version;
    if (!version || version === '$LATEST') throw new Error(`PublishVersion for ${memoryMb} MB returned no version number`);
    const createdByRun = published.Description === description;
    const alias = aliasName(runId, memoryMb, variant);
    const item: PreparedVersion = { memoryMb, version, alias, createdByRun };
    try {
      await this.untilVersionActive(fn, published, `${memoryMb} MB`, signal);
    } catch (error) {
      // Never leave a version behind that no alias of ours points at.
      await this.discard(fn, item);
      throw error;
    }
    if (published.MemorySize !== memoryMb) {
      // Never measure a version whose memory is not the one we are measuring.
      await this.discard(fn, item, signal);
      throw new Error(`Version ${version} has ${published.MemorySize} MB, expected ${memoryMb} MB`);
    }
    this.attemptedAliases.add(alias);
    try {
      await this.controlPlane('CreateAlias', new CreateAliasCommand({ FunctionName: fn, Name: alias, FunctionVersion: version, Description: description }), signal, SETTLE);
    } catch (error) {
      // The alias name is this run's own: if it exists, our earlier CreateAlias did take effect and only its answer
      // was lost. Anything else, and the version (and an alias we cannot see) must not outlive the run.
      if (!(isAlreadyExists(error) && (await this.aliasPointsAt(fn, alias, version, signal)))) {
        await this.discard(fn, item, signal);
        throw error;
      }
    }
    this.prepared.set(alias, item);
    return item;
  }

  /**
   * Puts MemorySize and Description back on $LATEST; the only fields this run changes. It runs on cancellation
   * too, so it takes the clean-up's own signal (its time budget), never the run's. When another run's marker is on
   * $LATEST, that run holds it now (it took its own snapshot of the same original after ours was gone) and puts it
   * back itself; overwriting it would only make it prepare that memory size again.
   */
  async restore(snapshot: FunctionSnapshot, signal?: AbortSignal): Promise<void> {
    const fn = snapshot.functionArn;
    // An update of this run still in flight would land after a restore that read $LATEST before it.
    await this.settled(signal);
    try {
      for (let attempt = 1; ; attempt++) {
        let current = await this.readConfiguration(fn, signal);
        if (current.LastUpdateStatus === 'InProgress') {
          await this.untilNotUpdating(fn, signal);
          current = await this.readConfiguration(fn, signal);
        }
        if (current.MemorySize === snapshot.memoryMb && (current.Description ?? '') === snapshot.description) return;
        const owner = markerRunId(current.Description);
        if (owner !== undefined && owner !== this.options.runId) {
          this.options.logger.info(`$LATEST of ${snapshot.identity.name} is held by another lambda-power-gate run (${owner}), which puts it back itself`);
          return;
        }
        try {
          await this.controlPlane(
            'UpdateFunctionConfiguration',
            new UpdateFunctionConfigurationCommand({
              FunctionName: fn,
              MemorySize: snapshot.memoryMb,
              Description: snapshot.description,
              RevisionId: current.RevisionId,
            }),
            signal,
          );
          await this.waitUntilUpdated(fn, signal);
          return;
        } catch (error) {
          // $LATEST changed between our read and our update (or our own update landed and only its answer was
          // lost): read again and decide again.
          if (errorName(error) !== 'PreconditionFailedException' || attempt >= CONCURRENT_CHANGE_ATTEMPTS) throw error;
        }
      }
    } catch (error) {
      throw new RestoreError(`Restoring $LATEST of ${snapshot.identity.name} to ${snapshot.memoryMb} MB failed: ${messageOf(error)}`);
    }
  }

  /** Confirms $LATEST matches the snapshot; returns what differs (empty when it matches). */
  async differencesFrom(snapshot: FunctionSnapshot, signal?: AbortSignal): Promise<string[]> {
    const current = await this.readConfiguration(snapshot.functionArn, signal);
    const differences: string[] = [];
    const owner = markerRunId(current.Description);
    // Another run holding $LATEST has it at one of its memory sizes, and restores it itself (see restore()).
    const heldByOtherRun = owner !== undefined && owner !== this.options.runId;
    if (!heldByOtherRun) {
      if (current.MemorySize !== snapshot.memoryMb) differences.push(`MemorySize is ${current.MemorySize}, was ${snapshot.memoryMb}`);
      if ((current.Description ?? '') !== snapshot.description) differences.push(`Description is "${current.Description ?? ''}", was "${snapshot.description}"`);
    }
    if ((current.Timeout ?? 3) !== snapshot.timeoutSec) differences.push(`Timeout is ${current.Timeout}, was ${snapshot.timeoutSec}`);
    if (JSON.stringify(sortKeys(current.Environment?.Variables ?? {})) !== JSON.stringify(sortKeys(snapshot.environment))) {
      differences.push('Environment variables differ');
    }
    return differences;
  }

  async invoke(functionArn: string, alias: string, payload: string, signal?: AbortSignal): Promise<InvokeOutcome> {
    const response = await withRetry(
      () =>
        this.client.send(
          new InvokeCommand({
            FunctionName: functionArn,
            Qualifier: alias,
            InvocationType: 'RequestResponse',
            LogType: 'Tail',
            Payload: new TextEncoder().encode(payload),
          }),
          { abortSignal: signal },
        ),
      {
        attempts: INVOKE_ATTEMPTS,
        baseDelayMs: 250,
        maxDelayMs: 8_000,
        sleep: this.options.sleep,
        signal,
        random: this.options.random,
        shouldRetry: (error) => isThrottling(error) || isTransient(error),
        onRetry: (error, attempt, delayMs) =>
          this.options.logger.debug(`Invoke ${alias}: ${errorName(error)}, retry ${attempt} in ${delayMs} ms`),
      },
    );
    const logTail = response.LogResult ? Buffer.from(response.LogResult, 'base64').toString('utf8') : '';
    const expected = this.prepared.get(alias);
    if (expected) {
      // Never file a measurement under a memory size it was not taken at.
      const memorySizeMb = parseReport(logTail)?.memorySizeMb;
      if ((response.ExecutedVersion !== undefined && response.ExecutedVersion !== expected.version) || (memorySizeMb !== undefined && memorySizeMb !== expected.memoryMb)) {
        throw new WrongVersionError(
          `alias ${alias} ran version ${response.ExecutedVersion ?? '?'} at ${memorySizeMb ?? '?'} MB, expected version ${expected.version} at ${expected.memoryMb} MB`,
        );
      }
    }
    return {
      logTail,
      functionError: response.FunctionError,
      payload: response.Payload ? new TextDecoder().decode(response.Payload) : '',
      executedVersion: response.ExecutedVersion,
    };
  }

  /**
   * Deletes this run's aliases and versions: every alias it asked for (names are the run's own, so a CreateAlias
   * whose answer was lost is covered), every version it knows it published, and, when a PublishVersion went
   * unanswered, the versions Lambda lists with this run's description. Aliases go first (a version an alias points
   * at cannot be deleted), the listing runs beside them. Every failure is collected and reported; none stops the
   * rest. `signal` is the clean-up's own budget: what it cuts short is in `remaining`.
   */
  async cleanup(functionArn: string, preparedVersions: PreparedVersion[], signal?: AbortSignal): Promise<CleanupReport> {
    // Plus what a failed prepare step could not remove at once.
    const prepared = [...preparedVersions, ...this.leftovers.filter((item) => !preparedVersions.some((other) => other.alias === item.alias))];
    const aliases = union(
      prepared.map((item) => item.alias),
      [...this.attemptedAliases],
    );
    const known = prepared.filter((item) => item.createdByRun).map((item) => item.version);
    const problems: string[] = [];
    // A publish or an alias still in flight when the run stopped lands before we list and delete, not after.
    await this.settled(signal);
    const listing = this.publishOutcomeUnknown
      ? this.listRunVersions(functionArn, this.options.runId, signal).catch((error: unknown) => {
          if (!signal?.aborted) problems.push(`listing this run's versions: ${messageOf(error)}`);
          return [];
        })
      : Promise.resolve([]);
    const aliasReport = await this.removeLeftovers(functionArn, { aliases, versions: [] }, signal);
    const versionReport = await this.removeLeftovers(functionArn, { aliases: [], versions: union(known, await listing) }, signal);
    return {
      deletedAliases: aliasReport.deletedAliases,
      deletedVersions: versionReport.deletedVersions,
      problems: [...problems, ...aliasReport.problems, ...versionReport.problems],
      remaining: { aliases: aliasReport.remaining.aliases, versions: versionReport.remaining.versions },
    };
  }

  /** Resolves when every creating request in flight has its answer (or the signal ends the wait). */
  private async settled(signal?: AbortSignal): Promise<void> {
    if (this.inFlight.size === 0) return;
    const aborted = new Promise<void>((resolve) => {
      if (signal?.aborted) resolve();
      signal?.addEventListener('abort', () => resolve(), { once: true });
    });
    await Promise.race([Promise.all([...this.inFlight]), aborted]);
  }

  /**
   * This run's aliases (named `lpg-<runId>-…`) and the versions it published (found by their Description, which is
   * unique to the run), as Lambda lists them now. For clean-up, and for the post step or a later run that cleans
   * up after a run that was killed. Both lists are paginated (ListVersionsByFunction "returns a maximum of 50 items
   * in each response", botocore's Lambda model).
   */
  async listRunLeftovers(functionArn: string, runId: string = this.options.runId, signal?: AbortSignal): Promise<RunLeftovers> {
    const [aliases, versions] = await Promise.all([this.listRunAliases(functionArn, runId, signal), this.listRunVersions(functionArn, runId, signal)]);
    return { aliases, versions };
  }

  private async listRunAliases(functionArn: string, runId: string, signal?: AbortSignal): Promise<string[]> {
    const aliases: string[] = [];
    let marker: string | undefined;
    do {
      const page = await this.controlPlane('ListAliases', new ListAliasesCommand({ FunctionName: functionArn, Marker: marker, MaxItems: 50 }), signal);
      for (const alias of page.Aliases ?? []) if (alias.Name?.startsWith(`lpg-${runId}-`)) aliases.push(alias.Name);
      marker = page.NextMarker;
    } while (marker);
    return aliases;
  }

  private async listRunVersions(functionArn: string, runId: string, signal?: AbortSignal): Promise<string[]> {
    const versions: string[] = [];
    let marker: string | undefined;
    do {
      const page = await this.controlPlane('ListVersionsByFunction', new ListVersionsByFunctionCommand({ FunctionName: functionArn, Marker: marker, MaxItems: 50 }), signal);
      for (const version of page.Versions ?? []) {
        if (version.Version && version.Version !== '$LATEST' && isRunVersionDescription(version.Description, runId)) versions.push(version.Version);
      }
      marker = page.NextMarker;
    } while (marker);
    return versions.sort((a, b) => Number(a) - Number(b));
  }

  /**
   * Deletes the aliases, then the versions, each group in parallel within the control-plane pace (a slow control
   * plane answers in about a second, so one call at a time would not fit the runner's cancel window). "Not found"
   * counts as deleted. Calls the signal cuts short are left in `remaining`, and never reported as problems.
   */
  async removeLeftovers(functionArn: string, leftovers: RunLeftovers, signal?: AbortSignal): Promise<CleanupReport> {
    const report: CleanupReport = { deletedAliases: [], deletedVersions: [], problems: [], remaining: { aliases: [], versions: [] } };
    const inFlight = pLimit(CLEANUP_IN_FLIGHT);
    // Problems are reported in the order of the leftovers, not in the order the parallel deletes answer.
    const problems = new Map<string, string>();
    const remove = (kind: 'alias' | 'version', name: string, call: () => Promise<unknown>) =>
      inFlight(async () => {
        try {
          await call();
          (kind === 'alias' ? report.deletedAliases : report.deletedVersions).push(name);
        } catch (error) {
          if (errorName(error) === 'ResourceNotFoundException') {
            (kind === 'alias' ? report.deletedAliases : report.deletedVersions).push(name);
            return;
          }
          (kind === 'alias' ? report.remaining.aliases : report.remaining.versions).push(name);
          if (!signal?.aborted) problems.set(`${kind} ${name}`, `${kind} ${name}: ${messageOf(error)}`);
        }
      });
    await Promise.all(
      leftovers.aliases.map((alias) => remove('alias', alias, () => this.controlPlane('DeleteAlias', new DeleteAliasCommand({ FunctionName: functionArn, Name: alias }), signal))),
    );
    // A version an alias still points at cannot be deleted: versions go once the aliases are gone.
    await Promise.all(leftovers.versions.map((version) => remove('version', version, () => this.deleteVersion(functionArn, version, signal))));
    report.remaining.versions.sort((a, b) => Number(a) - Number(b));
    report.problems = [...leftovers.aliases.map((alias) => `alias ${alias}`), ...leftovers.versions.map((version) => `version ${version}`)].flatMap((key) => {
      const problem = problems.get(key);
      return problem === undefined ? [] : [problem];
    });
    return report;
  }

  /** Auto-optimize: $LATEST gets the memory for good. */
  async applyToLatest(snapshot: FunctionSnapshot, memoryMb: number): Promise<void> {
    const fn = snapshot.functionArn;
    // Like every change: never while another run holds $LATEST (its restore would undo this), and guarded by the
    // RevisionId just read.
    const before = await this.awaitTurn(fn);
    await this.controlPlane(
      'UpdateFunctionConfiguration',
      new UpdateFunctionConfigurationCommand({ FunctionName: fn, MemorySize: memoryMb, Description: snapshot.description, RevisionId: before.RevisionId }),
    );
    await this.waitUntilUpdated(fn);
  }

  /**
   * Auto-optimize to an alias: publish a version with the memory (kept, not cleaned up), point the alias at it
   * (creating it when missing), and put $LATEST back.
   */
  /**
   * auto-optimize-alias never moves an alias that splits traffic (RoutingConfig.AdditionalVersionWeights): that is
   * a canary or linear deployment in progress, owned by whoever set the weights (CodeDeploy, SAM, a person).
   * Moving its primary version would change what most of the traffic runs mid-deployment, and dropping the weights
   * would end the canary. Refused with the fix instead; checked before tuning and again before applying.
   */
  async aliasForAutoOptimize(functionArn: string, alias: string): Promise<AliasConfiguration | undefined> {
    const found = await this.controlPlane('GetAlias', new GetAliasCommand({ FunctionName: functionArn, Name: alias })).catch(
      (error: unknown) => {
        if (errorName(error) === 'ResourceNotFoundException') return undefined;
        throw error;
      },
    );
    const weights = Object.entries(found?.RoutingConfig?.AdditionalVersionWeights ?? {});
    if (found && weights.length > 0) {
      const split = weights.map(([version, weight]) => `version ${version} at ${Math.round(weight * 1000) / 10}%`).join(', ');
      throw new AliasRoutingError(
        `alias ${alias} splits traffic (version ${found.FunctionVersion ?? '?'} primary, ${split}): auto-optimize never moves an alias with weighted routing, so a deployment's canary weights are kept; finish or roll back that deployment, or leave auto-optimize-alias unset`,
      );
    }
    return found;
  }

  async applyToAlias(snapshot: FunctionSnapshot, memoryMb: number, alias: string, signal?: AbortSignal): Promise<string> {
    const fn = snapshot.functionArn;
    const recovery = this.recoveryData(snapshot);
    const description =
      `lambda-power-gate ${this.options.runId}: ${memoryMb} MB for alias ${alias}` +
      (recovery ? ` (was ${recovery.originalMemoryMb} MB, until ${isoSeconds(recovery.deadlineMs)})` : '');
    // Before anything is changed: a weighted alias is refused, and its RevisionId guards the update below.
    const existing = await this.aliasForAutoOptimize(fn, alias);
    // The run's clean-up deleted its state alias already: while $LATEST carries this marker, it is needed again.
    await this.recordRun(snapshot);
    try {
      const before = await this.awaitTurn(fn);
      await this.controlPlane(
        'UpdateFunctionConfiguration',
        new UpdateFunctionConfigurationCommand({ FunctionName: fn, MemorySize: memoryMb, Description: description, RevisionId: before.RevisionId }),
      );
      await this.waitUntilUpdated(fn);
      const current = await this.controlPlane('GetFunctionConfiguration', new GetFunctionConfigurationCommand({ FunctionName: fn }));
      const published = await this.controlPlane('PublishVersion', new PublishVersionCommand({ FunctionName: fn, RevisionId: current.RevisionId, Description: description }));
      const version = published.Version ?? '';
      const ours = published.Description === description;
      try {
        if (published.MemorySize !== memoryMb) throw new Error(`Version ${version} has ${published.MemorySize} MB, expected ${memoryMb} MB`);
        // The alias carries the user's traffic: it must never point at a version Lambda does not invoke yet.
        await this.untilVersionActive(fn, published, `Auto-optimize ${memoryMb} MB`, signal);
        if (existing) {
          // Guarded by the RevisionId read before: weights set since then fail the update (412) instead of being kept
          // under a new primary version.
          await this.controlPlane('UpdateAlias', new UpdateAliasCommand({ FunctionName: fn, Name: alias, FunctionVersion: version, RevisionId: existing.RevisionId }));
        } else {
          await this.controlPlane('CreateAlias', new CreateAliasCommand({ FunctionName: fn, Name: alias, FunctionVersion: version }));
        }
      } catch (error) {
        // The alias never pointed at it: the version would be litter.
        if (ours && version) await this.deleteVersion(fn, version).catch(() => undefined);
        throw error;
      }
      return version;
    } finally {
      await this.restore(snapshot);
      await this.forgetRun(snapshot);
    }
  }

  /**
   * Creates this run's state alias (stateAliasName) before the run changes anything: with the marker's original
   * memory it is all a later run needs to put $LATEST back if this process is killed.
   */
  async recordRun(snapshot: FunctionSnapshot): Promise<void> {
    const recovery = this.recoveryData(snapshot);
    if (!recovery) return;
    const name = stateAliasName(this.options.runId, recovery.deadlineMs);
    try {
      await this.controlPlane('CreateAlias', new CreateAliasCommand({ FunctionName: snapshot.functionArn, Name: name, FunctionVersion: '$LATEST', Description: snapshot.description }));
    } catch (error) {
      // Our own earlier CreateAlias whose answer was lost.
      if (!isAlreadyExists(error)) throw error;
    }
  }

  /** The name of this run's state alias on the function (undefined without recovery data). */
  stateAliasOf(snapshot: FunctionSnapshot): string | undefined {
    const recovery = this.recoveryData(snapshot);
    return recovery ? stateAliasName(this.options.runId, recovery.deadlineMs) : undefined;
  }

  /** Deletes this run's state alias: only once $LATEST is confirmed as found and the run's versions are gone. */
  async forgetRun(snapshot: FunctionSnapshot, signal?: AbortSignal): Promise<void> {
    const recovery = this.recoveryData(snapshot);
    if (!recovery) return;
    await this.deleteAlias(snapshot.functionArn, stateAliasName(this.options.runId, recovery.deadlineMs), signal);
  }

  /** Every alias of the function (ListAliases, all pages). */
  async listAliases(functionArn: string): Promise<AliasConfiguration[]> {
    const aliases: AliasConfiguration[] = [];
    let marker: string | undefined;
    do {
      const page = await this.controlPlane('ListAliases', new ListAliasesCommand({ FunctionName: functionArn, Marker: marker }));
      aliases.push(...(page.Aliases ?? []));
      marker = page.NextMarker;
    } while (marker);
    return aliases;
  }

  /** Every published version of the function with its Description (ListVersionsByFunction, all pages; 50 a page). */
  async listVersions(functionArn: string): Promise<{ version: string; description: string }[]> {
    const versions: { version: string; description: string }[] = [];
    let marker: string | undefined;
    do {
      const page = await this.controlPlane('ListVersionsByFunction', new ListVersionsByFunctionCommand({ FunctionName: functionArn, Marker: marker }));
      for (const config of page.Versions ?? []) {
        if (config.Version && config.Version !== '$LATEST') versions.push({ version: config.Version, description: config.Description ?? '' });
      }
      marker = page.NextMarker;
    } while (marker);
    return versions;
  }

  /** Deletes one alias; one already gone counts as deleted. */
  async deleteAlias(functionArn: string, name: string, signal?: AbortSignal): Promise<void> {
    await this.controlPlane('DeleteAlias', new DeleteAliasCommand({ FunctionName: functionArn, Name: name }), signal).catch((error: unknown) => {
      if (errorName(error) !== 'ResourceNotFoundException') throw error;
    });
  }

  /** Deletes one published version (never the function: always with a qualifier); one already gone counts as deleted. */
  async deletePublishedVersion(functionArn: string, version: string): Promise<void> {
    if (!/^\d+$/.test(version)) throw new Error(`refusing to delete "${version}": not a published version`);
    await this.deleteVersion(functionArn, version).catch((error: unknown) => {
      if (errorName(error) !== 'ResourceNotFoundException') throw error;
    });
  }

  /** $LATEST now, after any update in progress. */
  async currentConfiguration(functionArn: string): Promise<FunctionConfiguration> {
    let config = await this.readConfiguration(functionArn);
    if (config.LastUpdateStatus === 'InProgress') {
      await this.untilNotUpdating(functionArn);
      config = await this.readConfiguration(functionArn);
    }
    return config;
  }

  /**
   * Puts back $LATEST that another run's marker holds, from the marker's original memory and its state alias's
   * Description. False when the marker carries no recovery data or the state alias is gone (then nobody knows the
   * original any more). Guarded by the RevisionId read with the marker.
   */
  async takeBack(config: FunctionConfiguration, unchangedMs: number): Promise<boolean> {
    const marker = parseMarker(config.Description);
    if (marker?.originalMemoryMb === undefined || marker.deadlineMs === undefined) return false;
    const fn = config.FunctionArn ? unqualifiedArn(config.FunctionArn) : this.functionName;
    let original: string | undefined;
    try {
      const alias = await this.controlPlane('GetAlias', new GetAliasCommand({ FunctionName: fn, Name: stateAliasName(marker.runId, marker.deadlineMs as number) }));
      original = alias.Description ?? '';
    } catch (error) {
      if (errorName(error) === 'ResourceNotFoundException') return false;
      throw error;
    }
    try {
      await this.controlPlane('UpdateFunctionConfiguration', new UpdateFunctionConfigurationCommand({ FunctionName: fn, MemorySize: marker.originalMemoryMb, Description: original, RevisionId: config.RevisionId }));
    } catch (error) {
      // Changed since we read it: its run is alive after all, or another run took it back first. Read again.
      if (errorName(error) === 'PreconditionFailedException') return true;
      throw error;
    }
    await this.waitUntilUpdated(fn);
    const why = (this.options.now ?? Date.now)() > marker.deadlineMs ? `its deadline ${isoSeconds(marker.deadlineMs)} has passed` : `it has not changed for ${Math.round(unchangedMs / 60_000)} minutes`;
    this.options.logger.warning(
      `$LATEST of ${config.FunctionName ?? fn} carried run ${marker.runId}'s marker and ${why} (was that run killed?): put back to ${marker.originalMemoryMb} MB and its original description`,
    );
    return true;
  }

  private recoveryData(snapshot: FunctionSnapshot): RecoveryData | undefined {
    const { deadlineMs } = this.options;
    return deadlineMs === undefined ? undefined : { originalMemoryMb: snapshot.memoryMb, deadlineMs };
  }

  /**
   * Reads $LATEST once no update is in progress and no other lambda-power-gate run holds it; the RevisionId of
   * what it returns guards the change the caller makes next. A marker that stays unchanged for foreignRunStaleMs
   * belongs to a run that was killed before it could restore: that fails here, loudly, because this run cannot
   * know the function's original configuration.
   */
  private async awaitTurn(functionName: string, signal?: AbortSignal): Promise<FunctionConfiguration> {
    const staleMs = this.options.foreignRunStaleMs ?? FOREIGN_RUN_STALE_MS;
    const now = this.options.now ?? Date.now;
    let held: { key: string; sinceMs: number } | undefined;
    for (let attempt = 1; ; attempt++) {
      if (signal?.aborted) throw abortReason(signal);
      const config = await this.readConfiguration(functionName, signal);
      if (config.LastUpdateStatus === 'InProgress') {
        await this.untilNotUpdating(functionName, signal);
        continue;
      }
      const owner = markerRunId(config.Description);
      if (owner === undefined || owner === this.options.runId) return config;
      const nowMs = now();
      const key = `${config.Description ?? ''}|${config.LastModified ?? ''}`;
      if (held?.key !== key) {
        if (held === undefined) {
          this.options.logger.info(
            `$LATEST of ${config.FunctionName ?? functionName} is held by another lambda-power-gate run (${owner}: "${config.Description}"); waiting until it puts the function back`,
          );
        }
        held = { key, sinceMs: nowMs };
      }
      const modifiedMs = Date.parse(config.LastModified ?? '');
      const unchangedMs = Math.max(nowMs - held.sinceMs, Number.isFinite(modifiedMs) ? nowMs - modifiedMs : 0);
      const marker = parseMarker(config.Description);
      const over = marker?.deadlineMs !== undefined && nowMs > marker.deadlineMs;
      if (unchangedMs >= staleMs || over) {
        // A marker with recovery data says what to put back: take $LATEST back and go on. Safe even if its run is
        // alive after all (stuck, not killed): the original is the same for both runs, and every change of both is
        // guarded by the RevisionId just read. Its aliases and versions are another matter (recovery.ts).
        if (await this.takeBack(config, unchangedMs)) continue;
        throw new AbandonedRunError(
          `$LATEST of ${config.FunctionName ?? functionName} has carried "${config.Description}" since ${config.LastModified ?? 'an unknown time'}: ` +
            `lambda-power-gate run ${owner} set it and never put the function back (was that run killed?). ` +
            (marker?.originalMemoryMb === undefined
              ? 'Its original memory size is unknown here: set MemorySize and Description back by hand'
              : `Its original description is unknown here (its state alias is gone): set MemorySize back to ${marker.originalMemoryMb} and Description by hand`) +
            `, delete the aliases named lpg-${owner}-* and their versions, then run again`,
        );
      }
      await this.options.sleep(backoffDelayMs(Math.min(attempt, 6), 250, 5_000, this.options.random ?? Math.random), signal);
    }
  }

  private readConfiguration(functionName: string, signal?: AbortSignal): Promise<FunctionConfiguration> {
    return this.controlPlane('GetFunctionConfiguration', new GetFunctionConfigurationCommand({ FunctionName: functionName }), signal);
  }

  /** True when the alias exists and points at the version (our own CreateAlias took effect). */
  private async aliasPointsAt(functionArn: string, alias: string, version: string, signal?: AbortSignal): Promise<boolean> {
    try {
      const found = await this.controlPlane('GetAlias', new GetAliasCommand({ FunctionName: functionArn, Name: alias }), signal);
      return found.FunctionVersion === version;
    } catch {
      return false;
    }
  }

  /** Removes what a failed prepare step created; what cannot be removed now is left to cleanup(). */
  private async discard(functionArn: string, item: PreparedVersion, signal?: AbortSignal): Promise<void> {
    try {
      await this.controlPlane('DeleteAlias', new DeleteAliasCommand({ FunctionName: functionArn, Name: item.alias }), signal).catch((error: unknown) => {
        if (errorName(error) !== 'ResourceNotFoundException') throw error;
      });
      if (item.createdByRun) await this.deleteVersion(functionArn, item.version, signal);
    } catch {
      this.leftovers.push(item);
    }
  }

  private async deleteVersion(functionArn: string, version: string, signal?: AbortSignal): Promise<void> {
    await this.controlPlane('DeleteFunction', new DeleteFunctionCommand({ FunctionName: functionArn, Qualifier: version }), signal);
  }

  /**
   * After PublishVersion: a version whose State is not Active yet (SnapStart makes its snapshot now, for minutes;
   * Lambda Managed Instances publish asynchronously) is not invoked by Lambda ("Lambda does not invoke a function
   * during pending state"), so wait with the SDK waiter the API model defines for exactly this (PublishedVersionActive:
   * "This should be used after new version is published"), as AWS Lambda Power Tuning does (waitForAliasActive, up
   * to 4 minutes for SnapStart). Bounded by what is left of timeout-minutes, and stopped by the run's signal.
   * No call at all when PublishVersion already answered Active (on-demand functions).
   */
  private async untilVersionActive(functionArn: string, published: PublishVersionCommandOutput, what: string, signal?: AbortSignal): Promise<void> {
    if (published.State === 'Active' || published.State === undefined) return;
    const version = published.Version ?? '';
    if (published.State === 'Failed') throw new VersionNotActiveError(`${what}: version ${version} failed: ${published.StateReason ?? published.StateReasonCode ?? 'no reason given'}`);
    const leftMs = this.options.timeLeftMs?.() ?? VERSION_WAITER_MAX_WAIT_SEC * 1000;
    const maxWaitSec = Math.floor(Math.min(leftMs, VERSION_WAITER_MAX_WAIT_SEC * 1000) / 1000);
    const why = published.SnapStart?.OptimizationStatus === 'On' ? 'SnapStart snapshot' : (published.StateReasonCode ?? published.StateReason ?? 'not Active yet');
    if (maxWaitSec < 1) {
      throw new VersionNotActiveError(`${what}: version ${version} is ${published.State} (${why}) and no time is left within timeout-minutes to wait for it`);
    }
    this.options.logger.info(`${what}: version ${version} is ${published.State} (${why}), waiting up to ${maxWaitSec} s`);
    const now = this.options.now ?? Date.now;
    const startedMs = now();
    // The SDK wants maxWaitTime above minDelay: with little time left, poll more often rather than not at all.
    const minDelay = Math.min(this.options.versionWaiterMinDelaySec ?? VERSION_WAITER_MIN_DELAY_SEC, maxWaitSec / 2);
    try {
      await waitUntilPublishedVersionActive(
        { client: this.client, minDelay, maxDelay: Math.max(minDelay, minDelay * 2), maxWaitTime: maxWaitSec, abortSignal: signal },
        { FunctionName: functionArn, Qualifier: version },
      );
    } catch (error) {
      if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new Error(String(signal.reason ?? 'aborted'));
      const failed = waiterFailure(error);
      const detail = failed !== undefined ? `failed: ${failed}` : `is still not Active after ${maxWaitSec} s (${leftMs < VERSION_WAITER_MAX_WAIT_SEC * 1000 ? 'all that timeout-minutes left' : 'the API model\'s limit for this waiter'})`;
      throw new VersionNotActiveError(`${what}: version ${version} ${detail}`);
    }
    this.options.logger.info(`${what}: version ${version} is Active after ${((now() - startedMs) / 1000).toFixed(1)} s`);
  }

  /**
   * Before changing $LATEST: wait out an update still in progress (another run's, or a deploy), rather than
   * provoke a ResourceConflictException, whose retry waits the same and then backs off on top. PublishVersion does
   * not open one (Lambda has no lock after a publish; it moves $LATEST's RevisionId on instead, so the RevisionId
   * that guards the next change is read after the publish, here). One GetFunction when nothing is in progress.
   * Best effort: if this fails, the conflict path still covers it.
   */
  private async untilNotUpdating(functionName: string, signal?: AbortSignal): Promise<void> {
    await this.waitUntilUpdated(functionName, signal).catch((error: unknown) => {
      if (signal?.aborted) throw error;
    });
  }

  /**
   * The SDK waiter polls GetFunction, which Lambda meters apart from the other control-plane calls (100 per
   * second): its polls are not paced by the run's limiter.
   */
  private async waitUntilUpdated(functionName: string, signal?: AbortSignal): Promise<void> {
    await waitUntilFunctionUpdatedV2(
      {
        client: this.client,
        minDelay: this.waiterMinDelaySec,
        // The SDK doubles the poll interval up to maxDelay; a low ceiling keeps the overshoot past the end of an
        // update (the serial chain of updates is most of a run's control-plane time) under two intervals.
        maxDelay: this.waiterMinDelaySec * 2,
        maxWaitTime: this.waiterMaxWaitSec,
        abortSignal: signal,
      },
      { FunctionName: functionName },
    );
  }

  /**
   * A control-plane call with retries: throttling and 5xx back off; ResourceConflictException (an update is in
   * progress, ours or someone else's) waits for the update to finish, then tries again. Every HTTP attempt (the
   * SDK's own retries too) first takes a token from the run's limiter. Once `signal` aborts, nothing new starts:
   * not the request in flight (cancelled), not a backoff (cut short), not another attempt.
   */
  private controlPlane<C extends LambdaCommand>(operation: string, command: C, signal?: AbortSignal, settle = false): Promise<OutputOf<C>> {
    const limiter = this.limiter;
    (command.middlewareStack as PaceMiddleware).add(
      (next) => async (args) => {
        await limiter.take(signal);
        return next(args);
      },
      // After the SDK's retry middleware (finalizeRequest, high priority): once per HTTP attempt.
      { step: 'finalizeRequest', priority: 'low', name: 'lambdaPowerGateControlPlanePace' },
    );
    const send = this.client.send.bind(this.client) as unknown as (command: C, options: { abortSignal?: AbortSignal }) => Promise<OutputOf<C>>;
    // A request that creates something is never cut off in flight: Lambda may act on it after the client has gone,
    // and clean-up, which waits for it (settled()), must know what it made. Anything else is cut off at once.
    const attempt = () => {
      if (!settle) return send(command, signal ? { abortSignal: signal } : {});
      const sent = Promise.resolve(send(command, {}));
      const tracked = sent.then(
        () => undefined,
        () => undefined,
      );
      this.inFlight.add(tracked);
      void tracked.then(() => this.inFlight.delete(tracked));
      return sent;
    };
    return withRetry(attempt, {
      attempts: CONTROL_PLANE_ATTEMPTS,
      baseDelayMs: 500,
      maxDelayMs: 10_000,
      sleep: this.options.sleep,
      signal,
      random: this.options.random,
      shouldRetry: async (error) => {
        if (signal?.aborted) return false;
        if (errorName(error) === 'ResourceConflictException') {
          // Only "an update is in progress" passes with time; an alias that exists or a version an alias still
          // references does not.
          if (isAlreadyExists(error) || /referenc/i.test(messageText(error))) return false;
          await this.waitUntilUpdated(this.functionName, signal).catch(() => undefined);
          return true;
        }
        return isThrottling(error) || isTransient(error);
      },
      onRetry: (error, attempt, delayMs) =>
        this.options.logger.debug(`${operation}: ${errorName(error)}, retry ${attempt} in ${delayMs} ms`),
    });
  }
}

/** controlPlane(): let the request in flight finish, whatever the signal says. */
const SETTLE = true;

/** Deletes in flight at once during clean-up; the limiter sets the pace, this only bounds open sockets. */
const CLEANUP_IN_FLIGHT = 10;

/** A command of @aws-sdk/client-lambda, as far as controlPlane() needs to know it. */
interface LambdaCommand {
  middlewareStack: object;
  resolveMiddleware: (...args: never[]) => unknown;
}

/** What controlPlane() adds to a command's own middleware stack (typed loosely: it never reads the arguments). */
type PaceMiddleware = { add(middleware: (next: (args: unknown) => Promise<unknown>) => (args: unknown) => Promise<unknown>, options: Record<string, unknown>): void };

/** A command's output type, read from the handler its resolveMiddleware returns. */
type OutputOf<C> = C extends { resolveMiddleware: (...args: never[]) => infer H } ? (H extends (...args: never[]) => Promise<{ output: infer O }> ? O : never) : never;

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}

export class ConcurrentChangeError extends Error {
  override name = 'ConcurrentChangeError';
}

/** auto-optimize-alias names an alias with weighted routing (a deployment in progress). */
export class AliasRoutingError extends Error {
  override name = 'AliasRoutingError';
}

/** The function's logging hides the REPORT every measurement needs. */
export class LoggingConfigError extends Error {
  override name = 'LoggingConfigError';
}

/** $LATEST could not be put back: the run fails, and says so. */
export class RestoreError extends Error {
  override name = 'RestoreError';
}

/** Another run's marker sat on $LATEST too long: that run died before restoring. */
export class AbandonedRunError extends Error {
  override name = 'AbandonedRunError';
}

/** A published version did not become Active (failed, or not within timeout-minutes). */
export class VersionNotActiveError extends Error {
  override name = 'VersionNotActiveError';
}

/** An invocation ran another version or memory size than the alias was made for. */
export class WrongVersionError extends Error {
  override name = 'WrongVersionError';
}

/** The message of an error from any realm (the SDK's errors are not always this realm's Error). */
function messageText(error: unknown): string {
  const message = (error as { message?: unknown } | null | undefined)?.message;
  return typeof message === 'string' ? message : String(error);
}

/**
 * The StateReason of a version the SDK waiter saw Failed. The waiter reports its result as JSON in the error's
 * message (@smithy checkExceptions): `{"state":"FAILURE","reason":<the GetFunctionConfiguration output>}`.
 */
function waiterFailure(error: unknown): string | undefined {
  try {
    const result = JSON.parse(messageText(error)) as { state?: string; reason?: { State?: string; StateReason?: string; StateReasonCode?: string } };
    if (result.state !== 'FAILURE' || typeof result.reason !== 'object' || result.reason === null) return undefined;
    return result.reason.StateReason ?? result.reason.StateReasonCode ?? 'no reason given';
  } catch {
    return undefined;
  }
}

function isAlreadyExists(error: unknown): boolean {
  return errorName(error) === 'ResourceConflictException' && /already exist/i.test(messageText(error));
}

function sortKeys(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}
