// The lambda-power-tuning.show links under a report, rebuilt from the figures: a results file is untrusted input
// (comment-only mode may render a fork's upload), so its own URL field is never used.

import type { RunResult } from '../types.js';
import { compareVisualizationUrl, visualizationUrl, type VisualizationPoint } from '../results/visualization.js';
import { shortSha } from './model.js';

export function visualizationPoints(result: RunResult): VisualizationPoint[] {
  return result.powerValues.flatMap((entry) => {
    const durationMs = entry.duration?.trimmedMean;
    if (entry.status !== 'ok' || typeof durationMs !== 'number' || typeof entry.costPerInvocationUsd !== 'number')
      return [];
    return [{ memoryMb: entry.memoryMb, durationMs, costUsd: entry.costPerInvocationUsd }];
  });
}

/** Legends for the compare chart: plain words and a short SHA only (they end up in a URL and a third-party page). */
function legendFor(run: RunResult, fallback: string): string {
  const sha = shortSha(run.git?.sha);
  const pr = run.git?.pullRequest;
  if (fallback === 'PR' && Number.isInteger(pr)) return sha ? `PR #${pr} (${sha})` : `PR #${pr}`;
  return sha ? `${fallback} (${sha})` : fallback;
}

/** The lambda-power-tuning.show links, rebuilt from the figures (a results file's own URL field is not trusted). */
export function visualizationLinks(
  result: RunResult,
  baseline?: RunResult | null,
): { single: string | null; compare: string | null } {
  const points = visualizationPoints(result);
  const single = points.length > 0 ? visualizationUrl(points) : null;
  const basePoints = baseline ? visualizationPoints(baseline) : [];
  const compare =
    baseline && points.length > 0 && basePoints.length > 0
      ? compareVisualizationUrl(
          basePoints,
          points,
          legendFor(baseline, 'baseline'),
          legendFor(result, result.git?.pullRequest ? 'PR' : 'this run'),
        )
      : null;
  return { single, compare };
}
