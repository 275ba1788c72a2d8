// Publishing the versions a run measures (and the one auto-optimize-alias keeps), by one path: $LATEST set to the
// memory with a Description unique to the run, guarded by the RevisionId just read → the SDK waiter until the update
// is done → read back and verified → PublishVersion guarded by the RevisionId read → the version Active → its memory
// verified. A run's versions are then aliased under names of its own. Remembers what it made, so clean-up finds it
// even when an answer was lost.

import {
  CreateAliasCommand,
  GetAliasCommand,
  PublishVersionCommand,
  UpdateFunctionConfigurationCommand,
} from '@aws-sdk/client-lambda';
import { messageOf } from '../lib/errors.js';
import { errorName, withRetry } from '../lib/retry.js';
import { SETTLE, type ControlPlane } from './control-plane.js';
import type { FunctionSnapshot } from './function-config.js';
import { aliasName, runMarker, type RecoveryData, type VersionVariant } from './markers.js';
import { ConcurrentChangeError, isAlreadyExists } from './target-errors.js';
import { awaitTurn, type TurnOptions } from './turn.js';

export interface PreparedVersion {
  memoryMb: number;
  version: string;
  alias: string;
  /** False when Lambda handed back a version that already existed (never delete what we did not create). */
  createdByRun: boolean;
}

/** A version published by publishVerified(). */
export interface VerifiedVersion {
  version: string;
  /** False when Lambda handed back a version that already existed (never delete what we did not create). */
  createdByRun: boolean;
}

/** Removes a version publishVerified() made and then refused (not Active, wrong memory). */
export type Discard = (made: VerifiedVersion, signal?: AbortSignal) => Promise<void>;

/**
 * Attempts at one prepare step (update, verify, publish) when another run or a deploy changes $LATEST between
 * them. Runs wait for each other's markers, so this is the budget for the races between two reads, which jittered
 * backoff spreads apart: 20 attempts at up to 5 s cover several runs starting in the same second.
 */
export const CONCURRENT_CHANGE_ATTEMPTS = 20;

export class VersionPublisher {
  /** This run's aliases → the version and memory each must run; checked on every invocation. */
  readonly prepared = new Map<string, PreparedVersion>();
  /** Created by a prepare step that then failed, and not removable at once: clean-up retries them. */
  readonly leftovers: PreparedVersion[] = [];
  /** Every alias name this run sent a CreateAlias for: the answer may have been lost, the name is known. */
  readonly attemptedAliases = new Set<string>();
  /** A PublishVersion went unanswered (lost, failed or cut short): clean-up must list versions to find it. */
  publishOutcomeUnknown = false;

  constructor(
    private readonly api: ControlPlane,
    private readonly options: TurnOptions,
  ) {}

  /**
   * Sets $LATEST to memoryMb (with a description unique to this run and power value, so PublishVersion always
   * creates a new version), waits for the update, publishes guarded by the RevisionId we observed, verifies the
   * version's memory, and aliases it.
   */
  async prepareVersion(
    snapshot: FunctionSnapshot,
    recovery: RecoveryData | undefined,
    memoryMb: number,
    variant?: VersionVariant,
    signal?: AbortSignal,
  ): Promise<PreparedVersion> {
    const { runId } = this.options;
    const fn = snapshot.functionArn;
    const description = runMarker(runId, memoryMb, variant, recovery);
    const alias = aliasName(runId, memoryMb, variant);
    const itemOf = (made: VerifiedVersion): PreparedVersion => ({ memoryMb, alias, ...made });
    const made = await this.publishVerified(
      fn,
      memoryMb,
      description,
      `${memoryMb} MB`,
      signal,
      (refused, discardSignal) => this.discard(fn, itemOf(refused), discardSignal),
    );
    const item = itemOf(made);
    this.attemptedAliases.add(alias);
    try {
      await this.api.send(
        'CreateAlias',
        new CreateAliasCommand({
          FunctionName: fn,
          Name: alias,
          FunctionVersion: item.version,
          Description: description,
        }),
        signal,
        SETTLE,
      );
    } catch (error) {
      // The alias name is this run's own: if it exists, our earlier CreateAlias did take effect and only its answer
      // was lost. Anything else, and the version (and an alias we cannot see) must not outlive the run.
      if (!(isAlreadyExists(error) && (await this.aliasPointsAt(fn, alias, item.version, signal)))) {
        await this.discard(fn, item, signal);
        throw error;
      }
    }
    this.prepared.set(alias, item);
    return item;
  }

  /**
   * The one path to a version of `fn` with `memoryMb` (a run's measured versions and auto-optimize-alias's kept one):
   * our turn on $LATEST, an update guarded by the RevisionId just read (another run or a deploy in between fails it
   * with PreconditionFailedException instead of being overwritten), the update waited for, $LATEST read back and
   * verified, PublishVersion guarded by the RevisionId read, then the version waited for until Active and its memory
   * verified. A concurrent change redoes the whole step. What it published and then refuses goes to `discard`.
   */
  async publishVerified(
    fn: string,
    memoryMb: number,
    description: string,
    what: string,
    signal: AbortSignal | undefined,
    discard: Discard,
  ): Promise<VerifiedVersion> {
    const published = await withRetry(
      async () => {
        const before = await awaitTurn(this.api, this.options, fn, signal);
        await this.api.send(
          'UpdateFunctionConfiguration',
          new UpdateFunctionConfigurationCommand({
            FunctionName: fn,
            MemorySize: memoryMb,
            Description: description,
            RevisionId: before.RevisionId,
          }),
          signal,
          SETTLE,
        );
        await this.api.waitUntilUpdated(fn, signal);
        const current = await this.api.readConfiguration(fn, signal);
        if (current.MemorySize !== memoryMb || current.Description !== description) {
          throw new ConcurrentChangeError(
            `$LATEST changed under us while preparing ${memoryMb} MB (another run or a deploy?)`,
          );
        }
        try {
          return await this.api.send(
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
        sleep: this.api.options.sleep,
        signal,
        random: this.api.options.random,
        // A RevisionId mismatch or a concurrent change means someone else touched $LATEST between our update and
        // our publish: redo the whole step rather than publish a configuration we did not verify.
        shouldRetry: (error) =>
          error instanceof ConcurrentChangeError || errorName(error) === 'PreconditionFailedException',
        onRetry: (error, attempt) =>
          this.api.options.logger.warning(
            `Preparing ${memoryMb} MB again (attempt ${attempt + 1}): ${messageOf(error)}`,
          ),
      },
    );
    const version = published.Version;
    if (!version || version === '$LATEST')
      throw new Error(`PublishVersion for ${memoryMb} MB returned no version number`);
    const made: VerifiedVersion = { version, createdByRun: published.Description === description };
    try {
      await this.api.untilVersionActive(fn, published, what, signal);
    } catch (error) {
      // Never leave a version behind that nothing of ours points at (without the signal: it may be what ended the wait).
      await discard(made);
      throw error;
    }
    if (published.MemorySize !== memoryMb) {
      // Never measure (or route traffic to) a version whose memory is not the one asked for.
      await discard(made, signal);
      throw new Error(`Version ${version} has ${published.MemorySize} MB, expected ${memoryMb} MB`);
    }
    return made;
  }

  /** True when the alias exists and points at the version (our own CreateAlias took effect). */
  private async aliasPointsAt(
    functionArn: string,
    alias: string,
    version: string,
    signal?: AbortSignal,
  ): Promise<boolean> {
    try {
      const found = await this.api.send(
        'GetAlias',
        new GetAliasCommand({ FunctionName: functionArn, Name: alias }),
        signal,
      );
      return found.FunctionVersion === version;
    } catch {
      return false;
    }
  }

  /** Removes what a failed prepare step created; what cannot be removed now is left to clean-up. */
  private async discard(functionArn: string, item: PreparedVersion, signal?: AbortSignal): Promise<void> {
    try {
      await this.api.deleteAlias(functionArn, item.alias, signal);
      if (item.createdByRun) await this.api.deleteVersion(functionArn, item.version, signal);
    } catch {
      this.leftovers.push(item);
    }
  }
}
