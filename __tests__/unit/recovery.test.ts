// The recovery data a run writes on the function (docs/recovery.md): markers that carry the original memory and the
// run's deadline, and the state alias whose name carries the deadline. Pure formatting and parsing.

import {
  aliasRunId,
  markerRunId,
  parseMarker,
  parseStateAliasName,
  runMarker,
  stateAliasName,
  versionRunId,
} from '../../src/tuning/markers.js';
import { runDeadlineMs } from '../../src/tuning/run-state.js';

const DEADLINE_MS = Date.parse('2026-12-01T10:05:00Z');

describe('the marker', () => {
  it('carries the run, the memory, the original memory and the deadline, and parses back', () => {
    const marker = runMarker('3f9a12bc', 256, undefined, { originalMemoryMb: 512, deadlineMs: DEADLINE_MS });
    expect(marker).toBe('lambda-power-gate 3f9a12bc 256 MB (was 512 MB, until 2026-12-01T10:05:00Z)');
    expect(parseMarker(marker)).toEqual({ runId: '3f9a12bc', originalMemoryMb: 512, deadlineMs: DEADLINE_MS });
    expect(markerRunId(marker)).toBe('3f9a12bc');
    expect(versionRunId(marker)).toBe('3f9a12bc');
  });

  it("fits Lambda's 256-character Description at the largest values", () => {
    const marker = runMarker(
      'ffffffff',
      10240,
      { environment: 999 },
      { originalMemoryMb: 10240, deadlineMs: DEADLINE_MS },
    );
    expect(marker).toBe(
      'lambda-power-gate ffffffff 10240 MB environment 999 (was 10240 MB, until 2026-12-01T10:05:00Z)',
    );
    expect(marker.length).toBeLessThanOrEqual(256);
    expect(parseMarker(marker)).toEqual({ runId: 'ffffffff', originalMemoryMb: 10240, deadlineMs: DEADLINE_MS });
  });

  it('an older marker has no recovery data; text that is not a marker is none', () => {
    expect(parseMarker('lambda-power-gate deadbeef 256 MB')).toEqual({ runId: 'deadbeef' });
    expect(parseMarker('lambda-power-gate deadbeef 256 MB cold 2')).toEqual({ runId: 'deadbeef' });
    expect(parseMarker('as deployed (was 512 MB, until 2026-12-01T10:05:00Z)')).toBeUndefined();
    expect(parseMarker(undefined)).toBeUndefined();
  });

  it("the kept auto-optimize-alias version is the run's marker on $LATEST, never one of its versions to delete", () => {
    const kept = 'lambda-power-gate 3f9a12bc: 512 MB for alias live (was 256 MB, until 2026-12-01T10:05:00Z)';
    expect(parseMarker(kept)).toEqual({ runId: '3f9a12bc', originalMemoryMb: 256, deadlineMs: DEADLINE_MS });
    expect(versionRunId(kept)).toBeUndefined();
  });
});

describe('the state alias', () => {
  it('names the run and the deadline, to the second, within the alias name pattern', () => {
    const name = stateAliasName('3f9a12bc', DEADLINE_MS + 400);
    expect(name).toBe('lpg-3f9a12bc-until-20261201T100501Z');
    expect(name).toMatch(/^(?!^[0-9]+$)([a-zA-Z0-9-_]+)$/);
    expect(parseStateAliasName(name)).toEqual({ runId: '3f9a12bc', deadlineMs: DEADLINE_MS + 1000 });
    expect(aliasRunId(name)).toBe('3f9a12bc');
    expect(parseStateAliasName('lpg-3f9a12bc-256')).toBeUndefined();
  });

  it("a run's deadline is its start + timeout-minutes + 10 minutes for its own clean-up", () => {
    expect(runDeadlineMs(Date.parse('2026-12-01T09:25:00Z'), 30)).toBe(Date.parse('2026-12-01T10:05:00Z'));
  });
});
