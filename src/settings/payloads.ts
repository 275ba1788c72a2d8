// The event sent to the function: inline or from a file, plain or a set of weighted payloads, each checked
// against Lambda's size limit for a synchronous invocation before anything is invoked.

import * as z from 'zod';
import { FileReadProblem, MAX_PAYLOAD_FILE_BYTES } from '../lib/paths.js';
import { oneLine } from '../lib/format.js';
import { minimumInvocationsForWeights } from '../tuning/plan.js';
import type { WeightedPayload } from '../types.js';
import { inputSpec } from './inputs.js';
import { fail, readProblem, resolvePath, show, type Inputs, type SettingsContext } from './parse.js';

/**
 * Lambda's request limit for a synchronous Invoke: the payload must be SMALLER than this, so exactly 6291456 bytes
 * is refused ("Request must be smaller than 6291456 bytes for the InvokeFunction operation"; the emulator's
 * MAX_REQUEST_PAYLOAD_BYTES cites the sources).
 */
export const MAX_PAYLOAD_BYTES = 6 * 1024 * 1024;

export interface PayloadSource {
  input: 'payload' | 'payload-file';
  text: string;
  /** How messages refer to it. */
  what: string;
}

export function readPayloadSource(inputs: Inputs, ctx: SettingsContext): PayloadSource {
  const file = inputs.given('payload-file');
  const inline = inputs.given('payload');
  if (file === '') return { input: 'payload', text: inputs.value('payload'), what: 'the payload' };
  if (inline !== '' && inline !== inputSpec('payload')?.default) {
    throw fail(
      'payload-file',
      `${show(file)} conflicts with payload, which is also given; give the payload inline or in a file, not both`,
    );
  }
  const resolved = resolvePath('payload-file', file, ctx, 'read');
  let text: string;
  try {
    text = ctx.readFile(resolved, MAX_PAYLOAD_FILE_BYTES);
  } catch (error) {
    if (error instanceof FileReadProblem && error.code === 'ETOOBIG') {
      throw fail(
        'payload-file',
        `${show(file)} cannot be the event: ${error.message} (Lambda's limit for a synchronous invocation); use a smaller event`,
      );
    }
    throw fail(
      'payload-file',
      `cannot read ${show(file)} (${readProblem(error)}, resolved to ${resolved}); give a readable file inside the workspace`,
    );
  }
  if (text.trim() === '') throw fail('payload-file', `${show(file)} is empty; put the JSON event in it, e.g. {}`);
  return { input: 'payload-file', text, what: `the file ${show(file)}` };
}

/**
 * The payload rules: JSON text is sent as is; text that is not JSON is sent as a JSON string; an array whose
 * every item is an object with `payload` is a set of weighted payloads. Text that looks like JSON (starts with
 * {, [ or ") must be valid JSON, since a typo there should not silently become a string payload.
 */
export function parsePayloadText(input: string, text: string, what = 'the payload'): WeightedPayload[] {
  const trimmed = text.trim();
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch (error) {
    if (/^[[{"]/.test(trimmed)) {
      throw fail(
        input,
        `${what} is not valid JSON (${jsonProblem(error, trimmed)}); fix the JSON, or give a plain string that does not start with {, [ or "`,
      );
    }
    return [checkPayloadSize(input, JSON.stringify(trimmed), what)];
  }
  if (isWeightedPayloadList(parsed)) return parseWeightedPayloads(input, parsed, what);
  return [checkPayloadSize(input, trimmed, what)];
}

/** Power Tuning's rule: every item an object with a `payload` key. Arrays of other objects are plain payloads. */
function isWeightedPayloadList(value: unknown): value is Record<string, unknown>[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every(
      (item) => typeof item === 'object' && item !== null && !Array.isArray(item) && Object.hasOwn(item, 'payload'),
    )
  );
}

const weightedItemSchema = z.looseObject({ payload: z.unknown(), weight: z.number().positive() });
const WEIGHT_HINT =
  'give every item a positive number weight, e.g. [{"payload": {"id": 1}, "weight": 3}, {"payload": {"id": 2}, "weight": 1}]';

function parseWeightedPayloads(input: string, items: Record<string, unknown>[], what: string): WeightedPayload[] {
  return items.map((item, index) => {
    const result = weightedItemSchema.safeParse(item);
    if (!result.success) {
      const weight = item['weight'];
      const problem =
        weight === undefined
          ? 'has no weight'
          : typeof weight !== 'number'
            ? `has weight ${JSON.stringify(weight)}, which is not a number`
            : `has weight ${weight}, which is not positive`;
      throw fail(input, `item ${index + 1} of the weighted payloads in ${what} ${problem}; ${WEIGHT_HINT}`);
    }
    const payload = item['payload'];
    // As Power Tuning does: a string that is JSON text is sent as is, anything else is serialised.
    const bytes = typeof payload === 'string' && isJsonText(payload) ? payload : JSON.stringify(payload);
    return { ...checkPayloadSize(input, bytes, `item ${index + 1} of ${what}`), weight: result.data.weight };
  });
}

function isJsonText(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function checkPayloadSize(input: string, payload: string, what: string): WeightedPayload {
  const bytes = Buffer.byteLength(payload, 'utf8');
  if (bytes >= MAX_PAYLOAD_BYTES) {
    throw fail(
      input,
      `${what} is ${bytes} bytes; Lambda takes a synchronous invocation's payload only when it is smaller than ${MAX_PAYLOAD_BYTES} bytes (6 MB): use a smaller event`,
    );
  }
  return { payload, weight: 1 };
}

/** V8's message without the excerpt of the text it sometimes quotes (payloads may hold secrets), plus line and column. */
function jsonProblem(error: unknown, text: string): string {
  const message = error instanceof Error ? error.message : String(error);
  let reason = message
    .replace(/,\s*".*" is not valid JSON$/s, '')
    .replace(/\s*in JSON at position \d+.*$/s, '')
    .replace(/^SyntaxError:\s*/, '');
  const position = /at position (\d+)/.exec(message)?.[1];
  if (position !== undefined) {
    const before = text.slice(0, Number(position));
    const line = before.split('\n').length;
    const column = Number(position) - before.lastIndexOf('\n');
    reason += ` at line ${line}, column ${column}`;
  }
  return oneLine(reason);
}

/** Checked here, with the tuner's own split (tuning/plan.ts), so the tuner cannot fail on it later. */
export function checkWeightedSplit(payloads: WeightedPayload[], invocations: number, payloadInput: string): void {
  if (payloads.length <= 1) return;
  const needed = minimumInvocationsForWeights(payloads.map((payload) => payload.weight));
  if (invocations >= needed) return;
  throw fail(
    'invocations',
    `${invocations} cannot give each of the ${payloads.length} weighted payloads in ${payloadInput} at least one invocation (each but the last gets floor(weight × invocations ÷ total weight), the last the rest); set invocations to ${needed} or more, or raise the small weights in ${payloadInput}`,
  );
}
