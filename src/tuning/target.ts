// LambdaTarget: the only code that calls the Lambda API. It follows the protocol in DESIGN.md: snapshot $LATEST,
// publish one version per power value (RevisionId-guarded, verified; versions.ts), alias it under a name unique to
// this run, restore $LATEST, invoke the aliases (invoke-alias.ts), and delete exactly what this run created
// (leftovers.ts, state-alias.ts). Every control-plane request goes through the run's limiter (control-plane.ts);
// turn.ts keeps runs from overwriting each other's changes; markers.ts names what a run writes on the function.

import {
  CreateAliasCommand,
  GetAliasCommand,
  UpdateAliasCommand,
  UpdateFunctionConfigurationCommand,
  type AliasConfiguration,
  type FunctionConfiguration,
  type LambdaClient,
} from '@aws-sdk/client-lambda';
import { messageOf } from '../lib/errors.js';
import { errorName } from '../lib/retry.js';
import { ControlPlane, type ControlPlaneOptions } from './control-plane.js';
import { checkReportIsLogged, differencesBetween, snapshotOf, type FunctionSnapshot } from './function-config.js';
import * as leftovers from './leftovers.js';
import type { CleanupReport, RunLeftovers } from './leftovers.js';
import { invokeAlias, type InvokeOutcome } from './invoke-alias.js';
import {
  autoOptimizeDescription,
  markerRunId,
  stateAliasName,
  type RecoveryData,
  type VersionVariant,
} from './markers.js';
import { createStateAlias } from './state-alias.js';
import { AliasRoutingError, RestoreError } from './target-errors.js';
import { awaitTurn, type TurnOptions } from './turn.js';
import { CONCURRENT_CHANGE_ATTEMPTS, VersionPublisher, type PreparedVersion } from './versions.js';

export type { FunctionSnapshot } from './function-config.js';
export type { CleanupReport, RunLeftovers } from './leftovers.js';
export type { PreparedVersion } from './versions.js';

export interface TargetOptions extends ControlPlaneOptions, TurnOptions {
  /** Unique per run; part of every alias name and version description this run creates. */
  runId: string;
  /**
   * When this run is over for everyone else (ms since the epoch): its start + timeout-minutes + a grace for its
   * own clean-up. Written into every marker and the run's state alias, so a later run can tell a killed run's
   * leftovers from a live run's (docs/recovery.md). Unset: markers without recovery data (old format).
   */
  deadlineMs?: number;
}

export class LambdaTarget {
  private readonly api: ControlPlane;
  private readonly versions: VersionPublisher;

  constructor(
    client: LambdaClient,
    private readonly functionName: string,
    private readonly region: string,
    private readonly options: TargetOptions,
  ) {
    this.api = new ControlPlane(client, functionName, options);
    this.versions = new VersionPublisher(this.api, options);
  }

  /**
   * Reads $LATEST as the function's own configuration: after any update in progress, and never while another
   * run's marker is on it (that would record a tested memory size as the original, and this run's restore would
   * then put it back for good).
   */
  async snapshot(signal?: AbortSignal): Promise<FunctionSnapshot> {
    const config = await awaitTurn(this.api, this.options, this.functionName, signal);
    checkReportIsLogged(config);
    return snapshotOf(config, this.region, this.functionName);
  }

  /**
   * Sets $LATEST to memoryMb (with a description unique to this run and power value, so PublishVersion always
   * creates a new version), waits for the update, publishes guarded by the RevisionId we observed, verifies the
   * version's memory, and aliases it (versions.ts).
   */
  prepareVersion(
    snapshot: FunctionSnapshot,
    memoryMb: number,
    variant?: VersionVariant,
    signal?: AbortSignal,
  ): Promise<PreparedVersion> {
    return this.versions.prepareVersion(snapshot, this.recoveryData(snapshot), memoryMb, variant, signal);
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
    await this.api.settled(signal);
    try {
      for (let attempt = 1; ; attempt++) {
        const current = await this.api.settledConfiguration(fn, signal);
        if (current.MemorySize === snapshot.memoryMb && (current.Description ?? '') === snapshot.description) return;
        const owner = markerRunId(current.Description);
        if (owner !== undefined && owner !== this.options.runId) {
          this.options.logger.info(
            `$LATEST of ${snapshot.identity.name} is held by another lambda-power-gate run (${owner}), which puts it back itself`,
          );
          return;
        }
        try {
          await this.api.send(
            'UpdateFunctionConfiguration',
            new UpdateFunctionConfigurationCommand({
              FunctionName: fn,
              MemorySize: snapshot.memoryMb,
              Description: snapshot.description,
              RevisionId: current.RevisionId,
            }),
            signal,
          );
          await this.api.waitUntilUpdated(fn, signal);
          return;
        } catch (error) {
          // $LATEST changed between our read and our update (or our own update landed and only its answer was
          // lost): read again and decide again.
          if (errorName(error) !== 'PreconditionFailedException' || attempt >= CONCURRENT_CHANGE_ATTEMPTS) throw error;
        }
      }
    } catch (error) {
      throw new RestoreError(
        `Restoring $LATEST of ${snapshot.identity.name} to ${snapshot.memoryMb} MB failed: ${messageOf(error)}`,
      );
    }
  }

  /** Confirms $LATEST matches the snapshot; returns what differs (empty when it matches). */
  async differencesFrom(snapshot: FunctionSnapshot, signal?: AbortSignal): Promise<string[]> {
    return differencesBetween(
      await this.api.readConfiguration(snapshot.functionArn, signal),
      snapshot,
      this.options.runId,
    );
  }

  /** Invokes one of this run's aliases, checked against the version it must run (invoke-alias.ts). */
  invoke(functionArn: string, alias: string, payload: string, signal?: AbortSignal): Promise<InvokeOutcome> {
    const { sleep, random, logger } = this.options;
    const expected = this.versions.prepared.get(alias);
    return invokeAlias(this.api.client, functionArn, alias, payload, { sleep, random, logger, signal, expected });
  }

  /**
   * Deletes this run's aliases and versions: every alias it asked for (names are the run's own, so a CreateAlias
   * whose answer was lost is covered), every version it knows it published, and, when a PublishVersion went
   * unanswered, the versions Lambda lists with this run's description. Aliases go first (a version an alias points
   * at cannot be deleted), the listing runs beside them. Every failure is collected and reported; none stops the
   * rest. `signal` is the clean-up's own budget: what it cuts short is in `remaining`.
   */
  async cleanup(
    functionArn: string,
    preparedVersions: PreparedVersion[],
    signal?: AbortSignal,
  ): Promise<CleanupReport> {
    // Plus what a failed prepare step could not remove at once.
    const prepared = [
      ...preparedVersions,
      ...this.versions.leftovers.filter((item) => !preparedVersions.some((other) => other.alias === item.alias)),
    ];
    const aliases = union(
      prepared.map((item) => item.alias),
      [...this.versions.attemptedAliases],
    );
    const known = prepared.filter((item) => item.createdByRun).map((item) => item.version);
    const problems: string[] = [];
    // A publish or an alias still in flight when the run stopped lands before we list and delete, not after.
    await this.api.settled(signal);
    const listing = this.versions.publishOutcomeUnknown
      ? leftovers.listRunVersions(this.api, functionArn, this.options.runId, signal).catch((error: unknown) => {
          if (!signal?.aborted) problems.push(`listing this run's versions: ${messageOf(error)}`);
          return [];
        })
      : Promise.resolve([]);
    const aliasReport = await this.removeLeftovers(functionArn, { aliases, versions: [] }, signal);
    const versionReport = await this.removeLeftovers(
      functionArn,
      { aliases: [], versions: union(known, await listing) },
      signal,
    );
    return {
      deletedAliases: aliasReport.deletedAliases,
      deletedVersions: versionReport.deletedVersions,
      problems: [...problems, ...aliasReport.problems, ...versionReport.problems],
      remaining: { aliases: aliasReport.remaining.aliases, versions: versionReport.remaining.versions },
    };
  }

  /**
   * This run's aliases (named `lpg-<runId>-…`) and the versions it published (found by their Description, which is
   * unique to the run), as Lambda lists them now: for the post step or a later run that cleans up after a run that
   * was killed (leftovers.ts).
   */
  listRunLeftovers(
    functionArn: string,
    runId: string = this.options.runId,
    signal?: AbortSignal,
  ): Promise<RunLeftovers> {
    return leftovers.listRunLeftovers(this.api, functionArn, runId, signal);
  }

  /** The versions a run published, as Lambda lists them now, in number order. */
  listRunVersions(functionArn: string, runId: string = this.options.runId, signal?: AbortSignal): Promise<string[]> {
    return leftovers.listRunVersions(this.api, functionArn, runId, signal);
  }

  /** Deletes the aliases, then the versions, in parallel within the control-plane pace (leftovers.ts). */
  removeLeftovers(functionArn: string, found: RunLeftovers, signal?: AbortSignal): Promise<CleanupReport> {
    return leftovers.removeLeftovers(this.api, functionArn, found, signal);
  }

  /** Auto-optimize: $LATEST gets the memory for good. */
  async applyToLatest(snapshot: FunctionSnapshot, memoryMb: number): Promise<void> {
    const fn = snapshot.functionArn;
    // Like every change: never while another run holds $LATEST (its restore would undo this), and guarded by the
    // RevisionId just read.
    const before = await awaitTurn(this.api, this.options, fn);
    await this.api.send(
      'UpdateFunctionConfiguration',
      new UpdateFunctionConfigurationCommand({
        FunctionName: fn,
        MemorySize: memoryMb,
        Description: snapshot.description,
        RevisionId: before.RevisionId,
      }),
    );
    await this.api.waitUntilUpdated(fn);
  }

  /**
   * auto-optimize-alias never moves an alias that splits traffic (RoutingConfig.AdditionalVersionWeights): that is
   * a canary or linear deployment in progress, owned by whoever set the weights (CodeDeploy, SAM, a person).
   * Moving its primary version would change what most of the traffic runs mid-deployment, and dropping the weights
   * would end the canary. Refused with the fix instead; checked before tuning and again before applying.
   */
  async aliasForAutoOptimize(functionArn: string, alias: string): Promise<AliasConfiguration | undefined> {
    const found = await this.api
      .send('GetAlias', new GetAliasCommand({ FunctionName: functionArn, Name: alias }))
      .catch((error: unknown) => {
        if (errorName(error) === 'ResourceNotFoundException') return undefined;
        throw error;
      });
    const weights = Object.entries(found?.RoutingConfig?.AdditionalVersionWeights ?? {});
    if (found && weights.length > 0) {
      const split = weights
        .map(([version, weight]) => `version ${version} at ${Math.round(weight * 1000) / 10}%`)
        .join(', ');
      throw new AliasRoutingError(
        `alias ${alias} splits traffic (version ${found.FunctionVersion ?? '?'} primary, ${split}): auto-optimize never moves an alias with weighted routing, so a deployment's canary weights are kept; finish or roll back that deployment, or leave auto-optimize-alias unset`,
      );
    }
    return found;
  }

  /**
   * Auto-optimize to an alias: publish a version with the memory (kept, not cleaned up) by the same path as the
   * run's own versions (versions.ts publishVerified: RevisionId-guarded, verified, Active), point the alias at it
   * (creating it when missing), and put $LATEST back. Returns the version.
   */
  async applyToAlias(
    snapshot: FunctionSnapshot,
    memoryMb: number,
    alias: string,
    signal?: AbortSignal,
  ): Promise<string> {
    const fn = snapshot.functionArn;
    const description = autoOptimizeDescription(this.options.runId, memoryMb, alias, this.recoveryData(snapshot));
    // Before anything is changed: a weighted alias is refused, and its RevisionId guards the update below.
    const existing = await this.aliasForAutoOptimize(fn, alias);
    // The run's clean-up deleted its state alias already: while $LATEST carries this marker, it is needed again.
    await this.recordRun(snapshot);
    // A version the alias never pointed at would be litter.
    const discard = async ({ version, createdByRun }: { version: string; createdByRun: boolean }) => {
      if (createdByRun) await this.api.deleteVersion(fn, version).catch(() => undefined);
    };
    try {
      // The alias carries the user's traffic: it must never point at a version Lambda does not invoke yet.
      const made = await this.versions.publishVerified(
        fn,
        memoryMb,
        description,
        `Auto-optimize ${memoryMb} MB`,
        signal,
        discard,
      );
      try {
        if (existing) {
          // Guarded by the RevisionId read before: weights set since then fail the update (412) instead of being kept
          // under a new primary version.
          await this.api.send(
            'UpdateAlias',
            new UpdateAliasCommand({
              FunctionName: fn,
              Name: alias,
              FunctionVersion: made.version,
              RevisionId: existing.RevisionId,
            }),
          );
        } else {
          await this.api.send(
            'CreateAlias',
            new CreateAliasCommand({ FunctionName: fn, Name: alias, FunctionVersion: made.version }),
          );
        }
      } catch (error) {
        await discard(made);
        throw error;
      }
      return made.version;
    } finally {
      await this.restore(snapshot);
      await this.forgetRun(snapshot);
    }
  }

  /**
   * Creates this run's state alias (state-alias.ts) before the run changes anything: with the marker's original
   * memory it is all a later run needs to put $LATEST back if this process is killed.
   */
  async recordRun(snapshot: FunctionSnapshot): Promise<void> {
    const name = this.stateAliasOf(snapshot);
    if (name !== undefined) await createStateAlias(this.api, snapshot, name);
  }

  /** The name of this run's state alias on the function (undefined without recovery data). */
  stateAliasOf(snapshot: FunctionSnapshot): string | undefined {
    const recovery = this.recoveryData(snapshot);
    return recovery ? stateAliasName(this.options.runId, recovery.deadlineMs) : undefined;
  }

  /** Deletes this run's state alias: only once $LATEST is confirmed as found and the run's versions are gone. */
  async forgetRun(snapshot: FunctionSnapshot, signal?: AbortSignal): Promise<void> {
    const name = this.stateAliasOf(snapshot);
    if (name !== undefined) await this.api.deleteAlias(snapshot.functionArn, name, signal);
  }

  /** Every alias of the function (ListAliases, all pages). */
  listAliases(functionArn: string): Promise<AliasConfiguration[]> {
    return leftovers.listAliases(this.api, functionArn);
  }

  /** Deletes one alias; one already gone counts as deleted. */
  deleteAlias(functionArn: string, name: string, signal?: AbortSignal): Promise<void> {
    return this.api.deleteAlias(functionArn, name, signal);
  }

  /** $LATEST now, after any update in progress. */
  currentConfiguration(functionArn: string): Promise<FunctionConfiguration> {
    return this.api.settledConfiguration(functionArn);
  }

  private recoveryData(snapshot: FunctionSnapshot): RecoveryData | undefined {
    const { deadlineMs } = this.options;
    return deadlineMs === undefined ? undefined : { originalMemoryMb: snapshot.memoryMb, deadlineMs };
  }
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}
