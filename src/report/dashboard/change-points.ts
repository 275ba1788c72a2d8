// Where a significant change entered a key's history, for the dashboard's marks. Pure.
//
// The rule, kept simple on purpose (helper G's src/gate/change-points.ts is the comment's; the two are to be
// unified): between consecutive stored runs that are measurements of their own (carried entries are copies of an
// earlier run, not new evidence), the gate's interval of the newer/older ratio (gate/stats.ts ratioInterval, Yuen's
// trimmed Welch on log values at the run's trim) with a run-to-run term (the drift between runs that one run's
// samples cannot show). A change point is where that interval excludes 1, i.e. "no change" is outside it.
// The run-to-run term here is estimated from the successive differences of the runs' trimmed log means, by their
// median (E[d²] = 2σ²_b + the two runs' within-run errors; the median of a χ²₁ is 0.4549 of its mean): the gate's
// runToRunVariance takes the spread around the grand mean, so a step in the history itself would count as noise
// and hide every step. A median of successive differences ignores a few steps. With fewer than 3 measured runs
// there is no such estimate, and consecutive runs on different days would look different far too often, so no
// change point is named then.

import { ratioInterval, summariseLogs, type RunToRunVariance, type TrimmedLogSummary } from '../../gate/stats.js';

/** One stored run's values of a metric at the compared memory size, oldest run first; null when not measured. */
export interface SeriesRun {
  values: readonly number[];
  trim: number;
  /** A copy of an earlier run's figures (an unchanged function): never compared. */
  carried: boolean;
}

export interface ChangePoint {
  /** Index (in the series given) of the run where the change entered. */
  index: number;
  /** Index of the run it was compared with (the previous measured one). */
  previousIndex: number;
  /** Ratio newer/older of trimmed geometric means, and the interval's bounds. */
  ratio: number;
  low: number;
  high: number;
}

/** Stored runs the run-to-run term needs, as the gate's stored-baseline comparison needs them. */
export const MIN_RUNS_FOR_CHANGE_POINTS = 3;

export function changePoints(series: readonly (SeriesRun | null)[], confidence: number): ChangePoint[] {
  const measured = series
    .map((run, index) => ({ run, index }))
    .filter((item): item is { run: SeriesRun; index: number } => item.run !== null && !item.run.carried)
    .filter((item) => item.run.values.length >= 2);
  const runToRun = successiveRunToRun(measured.map(({ run }) => summariseLogs(run.values, run.trim)));
  if (!runToRun || measured.length < MIN_RUNS_FOR_CHANGE_POINTS) return [];
  const points: ChangePoint[] = [];
  for (let i = 1; i < measured.length; i++) {
    const older = measured[i - 1];
    const newer = measured[i];
    if (!older || !newer) continue;
    const interval = ratioInterval(
      newer.run.values,
      older.run.values,
      newer.run.trim,
      older.run.trim,
      confidence,
      runToRun,
    );
    if (interval && (interval.low > 1 || interval.high < 1))
      points.push({
        index: newer.index,
        previousIndex: older.index,
        ratio: interval.ratio,
        low: interval.low,
        high: interval.high,
      });
  }
  return points;
}

/** Median of χ²₁ over its mean (1): a median of squared differences estimates 0.4549 × their expected square. */
const CHI2_1_MEDIAN = 0.4549;

/** σ²_b from the successive differences of trimmed log means (see the header); null with fewer than 3 runs. */
export function successiveRunToRun(summaries: readonly (TrimmedLogSummary | null)[]): RunToRunVariance | null {
  const runs = summaries.filter((summary): summary is TrimmedLogSummary => summary !== null);
  if (runs.length < MIN_RUNS_FOR_CHANGE_POINTS) return null;
  const excess: number[] = [];
  for (let i = 1; i < runs.length; i++) {
    const older = runs[i - 1] as TrimmedLogSummary;
    const newer = runs[i] as TrimmedLogSummary;
    excess.push((newer.trimmedMean - older.trimmedMean) ** 2 / CHI2_1_MEDIAN - older.squaredError - newer.squaredError);
  }
  const sorted = excess.sort((a, b) => a - b);
  const middle = sorted.length / 2;
  const median =
    sorted.length % 2 === 1
      ? (sorted[Math.floor(middle)] as number)
      : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
  return { variance: Math.max(0, median / 2), degreesOfFreedom: runs.length - 1, runs: runs.length };
}
