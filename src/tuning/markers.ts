// The names and descriptions a run writes on a function, and reading them back: the run's marker on $LATEST and on
// each version it publishes, its aliases `lpg-<run>-…`, and its state alias. Everything a later run or the post step
// needs to find a run's leftovers is written here, on the function itself (docs/recovery.md). Pure functions.

/**
 * Which of several versions of one memory size: a number is a cold-start run's per-invocation version; an
 * `{ environment }` is one of the live gate's extra environment blocks (gate/sequential.ts). Lambda keeps execution
 * environments per version, so a fresh version is the only way to be sure of fresh environments.
 */
export type VersionVariant = number | { environment: number };

/** What a later run needs to put $LATEST back without the run that changed it (docs/recovery.md). */
export interface RecoveryData {
  originalMemoryMb: number;
  deadlineMs: number;
}

export function aliasName(runId: string, memoryMb: number, variant?: VersionVariant): string {
  if (variant === undefined) return `lpg-${runId}-${memoryMb}`;
  return typeof variant === 'number'
    ? `lpg-${runId}-${memoryMb}-c${variant}`
    : `lpg-${runId}-${memoryMb}-e${variant.environment}`;
}

export function versionDescription(runId: string, memoryMb: number, variant?: VersionVariant): string {
  const suffix =
    variant === undefined
      ? ''
      : typeof variant === 'number'
        ? ` cold ${variant}`
        : ` environment ${variant.environment}`;
  return `lambda-power-gate ${runId} ${memoryMb} MB${suffix}`;
}

/**
 * The Description this run puts on $LATEST and on each version it publishes: versionDescription plus the original
 * memory and the run's deadline, e.g. `lambda-power-gate 3f9a12bc 256 MB (was 512 MB, until 2026-12-01T09:40:00Z)`.
 * At most about 110 characters: Lambda's Description limit is 256 (the API model's `Description` shape).
 */
export function runMarker(
  runId: string,
  memoryMb: number,
  variant: VersionVariant | undefined,
  recovery: RecoveryData | undefined,
): string {
  return versionDescription(runId, memoryMb, variant) + recoverySuffix(recovery);
}

/**
 * The Description of the version auto-optimize-alias publishes, and of $LATEST while it does: the run's marker (other
 * runs wait for it), but with `<run>:`, so no clean-up ever takes the kept version for one of the run's own
 * (versionRunId and isRunVersionDescription do not match it).
 */
export function autoOptimizeDescription(
  runId: string,
  memoryMb: number,
  alias: string,
  recovery: RecoveryData | undefined,
): string {
  return `lambda-power-gate ${runId}: ${memoryMb} MB for alias ${alias}` + recoverySuffix(recovery);
}

function recoverySuffix(recovery: RecoveryData | undefined): string {
  return recovery ? ` (was ${recovery.originalMemoryMb} MB, until ${isoSeconds(recovery.deadlineMs)})` : '';
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

/** A time as ISO 8601 to the second, rounded up (a deadline is never earlier than the one given). */
export function isoSeconds(ms: number): string {
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

/**
 * A version the run published, by its Description: runMarker(runId, …) (isRunVersionDescription), or any
 * `lambda-power-gate <run> <n> MB…` of the run (versionRunId: what an earlier release of the tool wrote). The run id
 * is unique to the run, so neither takes another's version; the kept auto-optimize-alias versions (`<run>:`) match
 * neither.
 */
export function isRunVersion(description: string | undefined, runId: string): boolean {
  return isRunVersionDescription(description, runId) || versionRunId(description) === runId;
}

/** Versions this run published: their Description is versionDescription(runId, …), unique to the run. */
export function isRunVersionDescription(description: string | undefined, runId: string): boolean {
  const escaped = runId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // With recovery data (runMarker) the description ends in " (was <mb> MB, until <time>)".
  return new RegExp(
    `^lambda-power-gate ${escaped} \\d+ MB(?: cold \\d+| environment \\d+)?(?: \\(was \\d+ MB, until [^)]+\\))?$`,
  ).test(description ?? '');
}
