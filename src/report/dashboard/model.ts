// What the dashboard shows: per key (a function-name's key, or an app's function as <app-key>/<function-key>), its
// stored default-branch runs as points, oldest first, with the figures at the configured memory and the change
// points of each metric. Pure: the data branch read is databranch.ts's, the HTML render.ts's.
//
// Change points are the comment trend's (gate/change-points.ts findChangePoints, the one rule), with Init Duration
// tested too, and set up so that every comparison is one the gate would make:
// - One memory size per key: the newest run's configured memory. Each point is drawn at its own run's configured
//   memory, so a run configured at another memory size is drawn but not compared (neither with its neighbours nor
//   at the compared memory, which it may have measured as a power value: its charted figures would then not be the
//   ones tested). Figures from two memory sizes are never compared.
// - One price list for every run, the newest run's, as the trend uses the PR's: a price change is not a change in
//   the code. (The charted cost is each run's own, as stored.)
// - Carried entries are copies, never compared; a change is between two measured runs, the one before it named.

import { findChangePoints, type ChangePointResult, type TrendMetric } from '../../gate/change-points.js';
import { isOk, metricValues } from '../../gate/metrics.js';
import type { RelativeMetric } from '../../gate/findings.js';
import { entryAt } from '../../results/figures.js';
import { costPerMillionUsd, safeUrl } from '../../lib/format.js';
import type { RunResult } from '../../types.js';

/** One stored run of a key, as the data branch's index lists it. */
export interface StoredRun {
  sha: string;
  committedAt?: string;
  /** An unchanged function's copied figures (index entry carriedFrom). */
  carried: boolean;
  result: RunResult;
}

export interface KeyHistory {
  key: string;
  /** Newest first, as the index keeps them. */
  runs: readonly StoredRun[];
  /** Stored runs the index lists but the dashboard did not read (its read budget), oldest ones. */
  notRead?: number;
}

export interface DashboardPoint {
  sha: string;
  committedAt?: string;
  carried: boolean;
  memoryMb: number;
  costPerMillionUsd: number | null;
  durationMs: number | null;
  /** Mean Init Duration of the cold starts at the configured memory; null when there were none. */
  initDurationMs: number | null;
  recommendedMemoryMb: number | null;
  /** lambda-power-tuning.show chart of the run (results.json's visualizationUrl), when it is a safe http(s) URL. */
  chartUrl: string | null;
  /** Configured at another memory size than the key's compared one: drawn, never tested for a change. */
  otherMemory: boolean;
}

/** Where a significant change of one metric entered: the run that first shows it and the one it was compared with. */
export interface DashboardChange {
  /** Index in the key's points (oldest first). */
  index: number;
  previousIndex: number;
  /** Change of the trimmed mean from the previous measured run, percent, and the gate's interval of it. */
  deltaPct: number;
  lowPct: number;
  highPct: number;
}

export type DashboardMetric = RelativeMetric | 'recommendation';

export interface DashboardKey {
  key: string;
  /** Function name of the newest run (function-derived: escaped by the renderer). */
  functionName: string;
  points: DashboardPoint[];
  /** The memory size the change points are tested at: the newest run's configured memory. */
  comparedMemoryMb: number;
  changes: Record<RelativeMetric, DashboardChange[]>;
  /** Why a metric could not be tested at all, when so (too few measured runs; Init: too few cold starts a run). */
  untested: Partial<Record<RelativeMetric, string>>;
  notRead: number;
}

export interface DashboardModel {
  repository: { owner: string; repo: string; serverUrl: string };
  branch: string;
  generatedAt: string;
  /** The gate's confidence and practical floor (min-duration-change), as the trend tests with them. */
  confidence: number;
  minDurationChangeMs: number;
  keys: DashboardKey[];
}

const METRICS: readonly TrendMetric[] = ['cost', 'duration', 'init'];

export function dashboardKey(
  history: KeyHistory,
  options: Pick<DashboardModel, 'confidence' | 'minDurationChangeMs'>,
): DashboardKey {
  const oldestFirst = [...history.runs].reverse();
  const newest = history.runs[0];
  const comparedMemoryMb = newest ? configuredMemoryMb(newest) : 0;
  const points = oldestFirst.map((run) => pointOf(run, comparedMemoryMb));
  // Only the runs configured at the compared memory go to the test; `positions` maps its indices back to points.
  const positions = oldestFirst.flatMap((run, index) => (configuredMemoryMb(run) === comparedMemoryMb ? [index] : []));
  const found: ChangePointResult | null = newest
    ? findChangePoints(
        positions.map((index) => {
          const run = oldestFirst[index] as StoredRun;
          // The index entry's carriedFrom is read as a flag here (model.ts StoredRun); only its presence counts.
          return { sha: run.sha, ...(run.carried ? { carriedFrom: 'carried' } : {}), result: run.result };
        }),
        {
          memoryMb: comparedMemoryMb,
          confidence: options.confidence,
          minDurationChangeMs: options.minDurationChangeMs,
          prices: newest.result.prices,
          metrics: METRICS,
        },
      )
    : null;
  const changes = Object.fromEntries(METRICS.map((metric) => [metric, [] as DashboardChange[]])) as Record<
    RelativeMetric,
    DashboardChange[]
  >;
  for (const point of found?.changePoints ?? [])
    for (const change of point.changes)
      changes[change.metric].push({
        index: positions[point.index] as number,
        previousIndex: positions[point.previousIndex] as number,
        deltaPct: change.deltaPct,
        lowPct: change.lowPct,
        highPct: change.highPct,
      });
  return {
    key: history.key,
    functionName: newest?.result.function.name ?? history.key,
    points,
    comparedMemoryMb,
    changes,
    untested: found ? untested(found) : {},
    notRead: history.notRead ?? 0,
  };
}

/** Why each metric that could not be tested at all was not: fewer than 3 runs with the values a test needs. */
function untested(found: ChangePointResult): Partial<Record<RelativeMetric, string>> {
  const reasons: Partial<Record<RelativeMetric, string>> = {};
  const measured = found.measuredRuns;
  for (const metric of METRICS) {
    const runs = found.testableRuns[metric] ?? 0;
    if (runs >= 3) continue;
    reasons[metric] =
      measured < 3
        ? `not tested: ${measured} measured run${measured === 1 ? '' : 's'}, 3 needed`
        : `not tested: ${runs} of ${measured} runs have ${metric === 'init' ? '2 cold starts' : '2 samples'} or more`;
  }
  return reasons;
}

function configuredMemoryMb(run: StoredRun): number {
  return run.result.function.originalMemoryMb;
}

function pointOf(run: StoredRun, comparedMemoryMb: number): DashboardPoint {
  const { result } = run;
  const memoryMb = configuredMemoryMb(run);
  const entry = entryAt(result, memoryMb);
  const ok = isOk(entry);
  const init = ok ? metricValues(result, entry, 'init', result.prices) : [];
  return {
    sha: run.sha,
    ...(run.committedAt ? { committedAt: run.committedAt } : {}),
    carried: run.carried,
    memoryMb,
    costPerMillionUsd: ok ? costPerMillionUsd(entry.costPerInvocationUsd) : null,
    durationMs: ok ? (entry.duration?.trimmedMean ?? null) : null,
    initDurationMs: init.length > 0 ? init.reduce((sum, value) => sum + value, 0) / init.length : null,
    recommendedMemoryMb: result.recommendation?.memoryMb ?? null,
    chartUrl: safeUrl(result.visualizationUrl),
    otherMemory: memoryMb !== comparedMemoryMb,
  };
}

export function dashboardModel(
  histories: readonly KeyHistory[],
  options: Omit<DashboardModel, 'keys'>,
): DashboardModel {
  return {
    ...options,
    keys: [...histories]
      .filter((history) => history.runs.length > 0)
      .sort((a, b) => a.key.localeCompare(b.key))
      .map((history) => dashboardKey(history, options)),
  };
}

/** The commit's page on GitHub; null unless the sha is a plain hex object id. */
export function commitUrl(model: Pick<DashboardModel, 'repository'>, sha: string): string | null {
  if (!/^[0-9a-f]{7,64}$/i.test(sha)) return null;
  const { serverUrl, owner, repo } = model.repository;
  return safeUrl(
    `${serverUrl.replace(/\/+$/, '')}/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}/commit/${sha}`,
  );
}

/**
 * Stored runs read for the page, across all keys: each is one GitHub request (a blob) on every push, and each is a
 * point in four charts and a table row (~1.5 kB of HTML), so the page and its cost stay bounded however many keys
 * the branch holds.
 */
export const DASHBOARD_MAX_RUNS = 400;

/**
 * How many of each key's newest runs to read within `budget`: an equal share each, the share a key does not need
 * handed on to the others (water-filling), so one long history cannot crowd out the rest. Pure.
 */
export function readsPerKey(available: readonly number[], budget = DASHBOARD_MAX_RUNS): number[] {
  const reads = available.map(() => 0);
  let left = budget;
  let open = available.map((_, i) => i).filter((i) => (available[i] ?? 0) > 0);
  while (left > 0 && open.length > 0) {
    const share = Math.max(1, Math.floor(left / open.length));
    for (const i of open) {
      if (left === 0) break;
      const take = Math.min(share, (available[i] ?? 0) - (reads[i] ?? 0), left);
      reads[i] = (reads[i] ?? 0) + take;
      left -= take;
    }
    open = open.filter((i) => (reads[i] ?? 0) < (available[i] ?? 0));
  }
  return reads;
}
