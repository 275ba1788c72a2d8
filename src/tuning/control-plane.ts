// One function's Lambda control plane as the engine calls it: every request paced by the run's limiter and retried
// as Lambda's errors deserve, creating requests tracked until answered, and the SDK's waiters (an update finished, a
// published version Active). LambdaTarget and its helpers (versions.ts, leftovers.ts) call Lambda only through this.

import {
  DeleteAliasCommand,
  DeleteFunctionCommand,
  GetFunctionConfigurationCommand,
  waitUntilFunctionUpdatedV2,
  waitUntilPublishedVersionActive,
  type FunctionConfiguration,
  type LambdaClient,
  type PublishVersionCommandOutput,
} from '@aws-sdk/client-lambda';
import { controlPlaneLimiter, type RateLimiter } from './limiter.js';
import { realSleep, type EngineLogger, type Sleep } from '../lib/ports.js';
import { errorName, isThrottling, isTransient, withRetry } from '../lib/retry.js';
import { isAlreadyExists, isNotFound, messageText, VersionNotActiveError, waiterFailure } from './target-errors.js';

export interface ControlPlaneOptions {
  logger: EngineLogger;
  sleep: Sleep;
  random?: () => number;
  /** Milliseconds since the epoch; tests inject it. */
  now?: () => number;
  /** Seconds between polls of LastUpdateStatus (the SDK waiter's minDelay). */
  waiterMinDelaySec?: number;
  waiterMaxWaitSec?: number;
  /** What is left of the run's timeout-minutes, in ms: the most a wait for a published version to become Active may take. */
  timeLeftMs?: () => number;
  /** Seconds between polls of a published version's State; default 5, the API model's PublishedVersionActive delay. */
  versionWaiterMinDelaySec?: number;
  /** The run's pace under Lambda's account-wide quota (limiter.ts). Default: a limiter of its own. */
  limiter?: RateLimiter;
}

/** send(): let the request in flight finish, whatever the signal says. */
export const SETTLE = true;

const CONTROL_PLANE_ATTEMPTS = 8;
/** The API model's PublishedVersionActive waiter: 5 s between polls, 312 attempts (26 minutes). */
const VERSION_WAITER_MIN_DELAY_SEC = 5;
const VERSION_WAITER_MAX_WAIT_SEC = 312 * 5;

/** A command of @aws-sdk/client-lambda, as far as send() needs to know it. */
interface LambdaCommand {
  middlewareStack: object;
  resolveMiddleware: (...args: never[]) => unknown;
}

/** What send() adds to a command's own middleware stack (typed loosely: it never reads the arguments). */
type PaceMiddleware = {
  add(
    middleware: (next: (args: unknown) => Promise<unknown>) => (args: unknown) => Promise<unknown>,
    options: Record<string, unknown>,
  ): void;
};

/** A command's output type, read from the handler its resolveMiddleware returns. */
type OutputOf<C> = C extends { resolveMiddleware: (...args: never[]) => infer H }
  ? H extends (...args: never[]) => Promise<{ output: infer O }>
    ? O
    : never
  : never;

export class ControlPlane {
  readonly limiter: RateLimiter;
  private readonly waiterMinDelaySec: number;
  private readonly waiterMaxWaitSec: number;
  /** Requests that create something (update, publish, alias), still in flight. */
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    readonly client: LambdaClient,
    /** The function a ResourceConflictException waits for. */
    private readonly functionName: string,
    readonly options: ControlPlaneOptions,
  ) {
    this.waiterMinDelaySec = options.waiterMinDelaySec ?? 1;
    this.waiterMaxWaitSec = options.waiterMaxWaitSec ?? 300;
    this.limiter = options.limiter ?? controlPlaneLimiter(realSleep);
  }

  /**
   * A control-plane call with retries: throttling and 5xx back off; ResourceConflictException (an update is in
   * progress, ours or someone else's) waits for the update to finish, then tries again. Every HTTP attempt (the
   * SDK's own retries too) first takes a token from the run's limiter. Once `signal` aborts, nothing new starts:
   * not the request in flight (cancelled), not a backoff (cut short), not another attempt.
   */
  send<C extends LambdaCommand>(
    operation: string,
    command: C,
    signal?: AbortSignal,
    settle = false,
  ): Promise<OutputOf<C>> {
    const limiter = this.limiter;
    (command.middlewareStack as PaceMiddleware).add(
      (next) => async (args) => {
        await limiter.take(signal);
        return next(args);
      },
      // After the SDK's retry middleware (finalizeRequest, high priority): once per HTTP attempt.
      { step: 'finalizeRequest', priority: 'low', name: 'lambdaPowerGateControlPlanePace' },
    );
    const send = this.client.send.bind(this.client) as unknown as (
      command: C,
      options: { abortSignal?: AbortSignal },
    ) => Promise<OutputOf<C>>;
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

  /** Resolves when every creating request in flight has its answer (or the signal ends the wait). */
  async settled(signal?: AbortSignal): Promise<void> {
    if (this.inFlight.size === 0) return;
    const aborted = new Promise<void>((resolve) => {
      if (signal?.aborted) resolve();
      signal?.addEventListener('abort', () => resolve(), { once: true });
    });
    await Promise.race([Promise.all([...this.inFlight]), aborted]);
  }

  readConfiguration(functionName: string, signal?: AbortSignal): Promise<FunctionConfiguration> {
    return this.send(
      'GetFunctionConfiguration',
      new GetFunctionConfigurationCommand({ FunctionName: functionName }),
      signal,
    );
  }

  /** $LATEST once no update is in progress. */
  async settledConfiguration(functionName: string, signal?: AbortSignal): Promise<FunctionConfiguration> {
    const config = await this.readConfiguration(functionName, signal);
    if (config.LastUpdateStatus !== 'InProgress') return config;
    await this.untilNotUpdating(functionName, signal);
    return this.readConfiguration(functionName, signal);
  }

  /** Deletes one alias; one already gone counts as deleted. */
  async deleteAlias(functionArn: string, name: string, signal?: AbortSignal): Promise<void> {
    await this.send('DeleteAlias', new DeleteAliasCommand({ FunctionName: functionArn, Name: name }), signal).catch(
      (error: unknown) => {
        if (!isNotFound(error)) throw error;
      },
    );
  }

  /** Deletes one published version: always with a number as qualifier, so never the function itself. */
  async deleteVersion(functionArn: string, version: string, signal?: AbortSignal): Promise<void> {
    if (!/^\d+$/.test(version)) throw new Error(`refusing to delete "${version}": not a published version`);
    await this.send(
      'DeleteFunction',
      new DeleteFunctionCommand({ FunctionName: functionArn, Qualifier: version }),
      signal,
    );
  }

  /**
   * The SDK waiter polls GetFunction, which Lambda meters apart from the other control-plane calls (100 per
   * second): its polls are not paced by the run's limiter.
   */
  async waitUntilUpdated(functionName: string, signal?: AbortSignal): Promise<void> {
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
   * Before changing $LATEST: wait out an update still in progress (another run's, or a deploy), rather than
   * provoke a ResourceConflictException, whose retry waits the same and then backs off on top. PublishVersion does
   * not open one (Lambda has no lock after a publish; it moves $LATEST's RevisionId on instead, so the RevisionId
   * that guards the next change is read after the publish). One GetFunction when nothing is in progress.
   * Best effort: if this fails, the conflict path still covers it.
   */
  async untilNotUpdating(functionName: string, signal?: AbortSignal): Promise<void> {
    await this.waitUntilUpdated(functionName, signal).catch((error: unknown) => {
      if (signal?.aborted) throw error;
    });
  }

  /**
   * After PublishVersion: a version whose State is not Active yet (SnapStart makes its snapshot now, for minutes;
   * Lambda Managed Instances publish asynchronously) is not invoked by Lambda ("Lambda does not invoke a function
   * during pending state"), so wait with the SDK waiter the API model defines for exactly this (PublishedVersionActive:
   * "This should be used after new version is published"), as AWS Lambda Power Tuning does (waitForAliasActive, up
   * to 4 minutes for SnapStart). Bounded by what is left of timeout-minutes, and stopped by the run's signal.
   * No call at all when PublishVersion already answered Active (on-demand functions).
   */
  async untilVersionActive(
    functionArn: string,
    published: PublishVersionCommandOutput,
    what: string,
    signal?: AbortSignal,
  ): Promise<void> {
    if (published.State === 'Active' || published.State === undefined) return;
    const version = published.Version ?? '';
    if (published.State === 'Failed')
      throw new VersionNotActiveError(
        `${what}: version ${version} failed: ${published.StateReason ?? published.StateReasonCode ?? 'no reason given'}`,
      );
    const leftMs = this.options.timeLeftMs?.() ?? VERSION_WAITER_MAX_WAIT_SEC * 1000;
    const maxWaitSec = Math.floor(Math.min(leftMs, VERSION_WAITER_MAX_WAIT_SEC * 1000) / 1000);
    const why =
      published.SnapStart?.OptimizationStatus === 'On'
        ? 'SnapStart snapshot'
        : (published.StateReasonCode ?? published.StateReason ?? 'not Active yet');
    if (maxWaitSec < 1) {
      throw new VersionNotActiveError(
        `${what}: version ${version} is ${published.State} (${why}) and no time is left within timeout-minutes to wait for it`,
      );
    }
    this.options.logger.info(
      `${what}: version ${version} is ${published.State} (${why}), waiting up to ${maxWaitSec} s`,
    );
    const now = this.options.now ?? Date.now;
    const startedMs = now();
    // The SDK wants maxWaitTime above minDelay: with little time left, poll more often rather than not at all.
    const minDelay = Math.min(this.options.versionWaiterMinDelaySec ?? VERSION_WAITER_MIN_DELAY_SEC, maxWaitSec / 2);
    try {
      await waitUntilPublishedVersionActive(
        {
          client: this.client,
          minDelay,
          maxDelay: Math.max(minDelay, minDelay * 2),
          maxWaitTime: maxWaitSec,
          abortSignal: signal,
        },
        { FunctionName: functionArn, Qualifier: version },
      );
    } catch (error) {
      if (signal?.aborted)
        throw signal.reason instanceof Error ? signal.reason : new Error(String(signal.reason ?? 'aborted'));
      const failed = waiterFailure(error);
      const limit =
        leftMs < VERSION_WAITER_MAX_WAIT_SEC * 1000
          ? 'all that timeout-minutes left'
          : "the API model's limit for this waiter";
      const detail =
        failed !== undefined ? `failed: ${failed}` : `is still not Active after ${maxWaitSec} s (${limit})`;
      throw new VersionNotActiveError(`${what}: version ${version} ${detail}`);
    }
    this.options.logger.info(
      `${what}: version ${version} is Active after ${((now() - startedMs) / 1000).toFixed(1)} s`,
    );
  }
}
