// REPORT parsing. Invoke with LogType: Tail returns the last 4 KB of the invocation's log, base64-encoded, so the
// tail may start mid-line (or mid-character); the REPORT record is written last, so it is whole when present.
//
// Two formats, chosen by the function's LoggingConfig.LogFormat:
//   Text: REPORT RequestId: <id>\tDuration: 12.34 ms\tBilled Duration: 13 ms\tMemory Size: 128 MB\t
//         Max Memory Used: 70 MB[\tInit Duration: 150.12 ms][\tRestore Duration: … ms\tBilled Restore Duration: … ms]
//         (plus optional fields we ignore: XRAY TraceId, SegmentId, Sampled, Status, Error Type).
//   JSON: one object per line; {"type":"platform.report","record":{"requestId":…,"metrics":{durationMs,
//         billedDurationMs, memorySizeMB, maxMemoryUsedMB, initDurationMs?, restoreDurationMs?,
//         billedRestoreDurationMs?}}}.
// Every optional metric may be absent (warm invocations have no Init Duration): absence is undefined, never an
// error (the original tool's bug #305 came from reading an absent JSON metric).

import type { ReportRecord } from '../types.js';

/** The base64 LogResult of an Invoke response as UTF-8 text; '' when absent. */
export function decodeLogResult(base64: string | undefined): string {
  if (!base64) return '';
  return Buffer.from(base64, 'base64').toString('utf8');
}

interface Located {
  /** Where the record starts in the tail, to pick the last one across both formats. */
  index: number;
  report: ReportRecord;
}

/**
 * The last complete REPORT record in a log tail, text or JSON format, or null when there is none.
 * A REPORT without a numeric Duration and Billed Duration does not count (an earlier complete one is used).
 */
export function parseReport(logTail: string): ReportRecord | null {
  const text = lastTextReport(logTail);
  const json = lastJsonReport(logTail);
  if (text && json) return text.index > json.index ? text.report : json.report;
  return (text ?? json)?.report ?? null;
}

// ---------------------------------------------------------------------------------------------------------
// Text format

const TEXT_REPORT = /REPORT RequestId: ?(\S*)([^\n]*)/g;

// Longer labels first: at one position the alternation tries them in order, so "Billed Restore Duration" is
// never read as "Restore Duration" and "Billed Duration" never as "Duration".
const TEXT_FIELD =
  /(?:^|\s)(Billed Restore Duration|Restore Duration|Billed Duration|Init Duration|Max Memory Used|Memory Size|Duration): ([0-9]+(?:\.[0-9]+)?) (ms|MB)/g;

type TextLabel =
  | 'Billed Restore Duration'
  | 'Restore Duration'
  | 'Billed Duration'
  | 'Init Duration'
  | 'Max Memory Used'
  | 'Memory Size'
  | 'Duration';

function textFields(rest: string): Map<TextLabel, number> {
  const fields = new Map<TextLabel, number>();
  for (const match of rest.matchAll(TEXT_FIELD)) {
    const label = match[1] as TextLabel;
    const value = Number(match[2]);
    const unitOk = (match[3] === 'MB') === (label === 'Memory Size' || label === 'Max Memory Used');
    if (unitOk && !fields.has(label)) fields.set(label, value);
  }
  return fields;
}

function lastTextReport(logTail: string): Located | null {
  let last: Located | null = null;
  for (const match of logTail.matchAll(TEXT_REPORT)) {
    const fields = textFields(match[2] ?? '');
    const durationMs = fields.get('Duration');
    const billedDurationMs = fields.get('Billed Duration');
    if (durationMs === undefined || billedDurationMs === undefined) continue;
    last = {
      index: match.index,
      report: withoutUndefined({
        requestId: match[1] || undefined,
        durationMs,
        billedDurationMs,
        memorySizeMb: fields.get('Memory Size'),
        maxMemoryUsedMb: fields.get('Max Memory Used'),
        initDurationMs: fields.get('Init Duration'),
        restoreDurationMs: fields.get('Restore Duration'),
        billedRestoreDurationMs: fields.get('Billed Restore Duration'),
      }),
    };
  }
  return last;
}

// ---------------------------------------------------------------------------------------------------------
// JSON format

const PLATFORM_REPORT = 'platform.report';
/** How many opening braces before a "platform.report" mention are tried as the start of its event object. */
const MAX_OPENING_BRACES_TRIED = 32;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function finiteNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function reportFromEvent(event: unknown): ReportRecord | null {
  if (!isRecord(event) || event.type !== PLATFORM_REPORT || !isRecord(event.record)) return null;
  const { record } = event;
  if (!isRecord(record.metrics)) return null;
  const { metrics } = record;
  const durationMs = finiteNumber(metrics.durationMs);
  const billedDurationMs = finiteNumber(metrics.billedDurationMs);
  if (durationMs === undefined || billedDurationMs === undefined) return null;
  return withoutUndefined({
    requestId: typeof record.requestId === 'string' && record.requestId ? record.requestId : undefined,
    durationMs,
    billedDurationMs,
    memorySizeMb: finiteNumber(metrics.memorySizeMB),
    maxMemoryUsedMb: finiteNumber(metrics.maxMemoryUsedMB),
    initDurationMs: finiteNumber(metrics.initDurationMs),
    restoreDurationMs: finiteNumber(metrics.restoreDurationMs),
    billedRestoreDurationMs: finiteNumber(metrics.billedRestoreDurationMs),
  });
}

/**
 * The JSON object text starting at `start` (an opening brace), balanced with string escapes respected, or null
 * when the tail ends first.
 */
function balancedObjectAt(text: string, start: number): string | null {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') {
      inString = true;
    } else if (ch === '{') {
      depth++;
    } else if (ch === '}') {
      depth--;
      if (depth === 0) return text.slice(start, i + 1);
    }
  }
  return null;
}

function parseObjectAt(text: string, start: number): unknown {
  const candidate = balancedObjectAt(text, start);
  if (candidate === null) return undefined;
  try {
    return JSON.parse(candidate) as unknown;
  } catch {
    return undefined;
  }
}

// Lambda writes one JSON object per line, but the event's keys may come in any order and a tool in between may
// pretty-print it, so the event is found from each "platform.report" mention by trying the opening braces
// before it, nearest first, until one parses to a platform.report event. The last mention wins.
function lastJsonReport(logTail: string): Located | null {
  let mention = logTail.lastIndexOf(PLATFORM_REPORT);
  while (mention !== -1) {
    let brace = logTail.lastIndexOf('{', mention);
    for (let tried = 0; brace !== -1 && tried < MAX_OPENING_BRACES_TRIED; tried++) {
      const report = reportFromEvent(parseObjectAt(logTail, brace));
      if (report) return { index: brace, report };
      brace = brace === 0 ? -1 : logTail.lastIndexOf('{', brace - 1);
    }
    mention = mention === 0 ? -1 : logTail.lastIndexOf(PLATFORM_REPORT, mention - 1);
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------

/** Drops fields that are undefined, so a record compares and serialises without `key: undefined` entries. */
function withoutUndefined(report: ReportRecord): ReportRecord {
  return Object.fromEntries(
    Object.entries(report).filter(([, value]) => value !== undefined),
  ) as unknown as ReportRecord;
}
