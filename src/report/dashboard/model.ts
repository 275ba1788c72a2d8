// What the dashboard shows: per key (a function-name's key, or an app's function as <app-key>/<function-key>), its
// stored default-branch runs as points, oldest first, with the figures at the configured memory and the change
// points of each metric. Pure: the data branch read is databranch.ts's, the HTML render.ts's.

import { isOk, metricValues } from '../../gate/metrics.js';
import type { RelativeMetric } from '../../gate/findings.js';
import { entryAt } from '../../results/figures.js';
import { costPerMillionUsd, safeUrl } from '../../lib/format.js';
import type { RunResult } from '../../types.js';
import { changePoints, type ChangePoint, type SeriesRun } from './change-points.js';

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
}

export type DashboardMetric = RelativeMetric | 'recommendation';

export interface DashboardKey {
  key: string;
  /** Function name of the newest run (function-derived: escaped by the renderer). */
  functionName: string;
  points: DashboardPoint[];
  changes: Record<RelativeMetric, ChangePoint[]>;
  notRead: number;
}

export interface DashboardModel {
  repository: { owner: string; repo: string; serverUrl: string };
  branch: string;
  generatedAt: string;
  confidence: number;
  keys: DashboardKey[];
}

const METRICS: readonly RelativeMetric[] = ['cost', 'duration', 'init'];

export function dashboardKey(history: KeyHistory, confidence: number): DashboardKey {
  const oldestFirst = [...history.runs].reverse();
  const points = oldestFirst.map(pointOf);
  const changes = Object.fromEntries(
    METRICS.map((metric) => [
      metric,
      changePoints(
        oldestFirst.map((run) => seriesRun(run, metric)),
        confidence,
      ),
    ]),
  ) as Record<RelativeMetric, ChangePoint[]>;
  return {
    key: history.key,
    functionName: history.runs[0]?.result.function.name ?? history.key,
    points,
    changes,
    notRead: history.notRead ?? 0,
  };
}

function pointOf(run: StoredRun): DashboardPoint {
  const { result } = run;
  const memoryMb = result.function.originalMemoryMb;
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
  };
}

/** The values the gate would compare for this metric at the run's configured memory. */
function seriesRun(run: StoredRun, metric: RelativeMetric): SeriesRun | null {
  const entry = entryAt(run.result, run.result.function.originalMemoryMb);
  if (!isOk(entry)) return null;
  return {
    values: metricValues(run.result, entry, metric, run.result.prices),
    trim: run.result.settings.discardTopBottom,
    carried: run.carried,
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
      .map((history) => dashboardKey(history, options.confidence)),
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
