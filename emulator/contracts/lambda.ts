// Request validation against the official Lambda API model: every request the emulator receives is matched to an
// operation of the model (method + requestUri) and its input members (uri labels, query string, headers, JSON body)
// are checked against the model's constraints before the emulator handles it — as Lambda's front end does.
//
// The constraints come from contracts/lambda-2015-03-31.json, generated from botocore's service-2.json by
// scripts/gen-lambda-contracts.mjs (provenance inside). A violation is answered as Lambda answers it:
// 400 ValidationException, body {"message": "1 validation error detected: Value '…' at 'description' failed to
// satisfy constraint: Member must have length less than or equal to 256"}. That wording, the lower-camel member path
// ('kMSKeyArn', 'functionName') and "Value null … Member must not be null" are Lambda's own, quoted in
// cloud-custodian/cloud-custodian#5786 (Description over 256 on CreateFunction), awslabs/aws-api-gateway-developer-portal#493
// ('functionName' length), highsource/bitcoin-a-day#1 ('kMSKeyArn' pattern) and appleboy/lambda-action#83 (a list's
// element constraints: "Member must satisfy constraint: [ … ]"). Several violations are joined with "; " under
// "N validation errors detected", as AWS's request validation layer does.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LambdaError } from '../lambda/errors.js';

export interface ContractShape {
  type: string;
  min?: number;
  max?: number;
  enum?: string[];
  pattern?: string;
  jsPattern?: string;
  patternUnsupported?: string;
  sensitive?: boolean;
  required?: string[];
  payload?: string;
  members?: Record<string, { shape: string; location?: string; locationName?: string }>;
  member?: string;
  key?: string;
  value?: string;
}

export interface ContractOperation {
  method: string;
  requestUri: string;
  input?: string;
}

export interface Contracts {
  provenance: Record<string, unknown>;
  operations: Record<string, ContractOperation>;
  shapes: Record<string, ContractShape>;
}

/** One request the emulator answered with an error because it broke the contract, or asked for what it lacks. */
export interface ContractViolation {
  /** validation: the model's constraints; malformed: a body that is not the model's JSON; unknown-operation: no
   *  operation of the model has this method and path; unimplemented: the model has it, the emulator does not. */
  kind: 'validation' | 'malformed' | 'unknown-operation' | 'unimplemented';
  operation?: string;
  method: string;
  path: string;
  message: string;
}

/** Listeners for every violation any emulator of this process answers (the test suites' guard uses it). */
const observers = new Set<(violation: ContractViolation) => void>();

/** Calls `listener` with every contract violation answered from now on, by any emulator; returns the unsubscribe. */
export function observeContractViolations(listener: (violation: ContractViolation) => void): () => void {
  observers.add(listener);
  return () => observers.delete(listener);
}

/** Tells every observer of a violation that another stand-in of this emulator answered (CloudFormation's). */
export function notifyContractObservers(violation: ContractViolation): void {
  for (const observer of observers) observer(violation);
}

export const CONTRACTS_FILE = fileURLToPath(new URL('./lambda-2015-03-31.json', import.meta.url));

let loaded: Contracts | undefined;
export function lambdaContracts(): Contracts {
  loaded ??= JSON.parse(readFileSync(CONTRACTS_FILE, 'utf8')) as Contracts;
  return loaded;
}

// ---- routing: method + path → the model's operation ----

interface CompiledRoute {
  operation: string;
  method: string;
  segments: Array<{ literal: string } | { label: string; greedy: boolean }>;
  query: Array<[string, string]>;
}

const compiledRoutes = new WeakMap<Contracts, CompiledRoute[]>();

function routesOf(contracts: Contracts): CompiledRoute[] {
  let routes = compiledRoutes.get(contracts);
  if (routes) return routes;
  routes = Object.entries(contracts.operations).map(([operation, op]) => {
    const [path = '', queryText] = op.requestUri.split('?');
    const segments = path
      .split('/')
      .filter((part) => part !== '')
      .map((part) => {
        const label = /^\{([^}]+?)(\+)?\}$/.exec(part);
        return label ? { label: label[1] ?? '', greedy: label[2] === '+' } : { literal: part };
      });
    const query = queryText ? [...new URLSearchParams(queryText).entries()] : [];
    return { operation, method: op.method, segments, query };
  });
  // Routes with a literal query part (GET /layers?find=LayerVersion) are more specific than the same path without.
  routes.sort((a, b) => b.query.length - a.query.length);
  compiledRoutes.set(contracts, routes);
  return routes;
}

export interface MatchedOperation {
  operation: string;
  /** URI labels, percent-decoded. */
  labels: Record<string, string>;
}

/** The model's operation for this request, or undefined when no operation has this method and path. */
export function matchOperation(
  contracts: Contracts,
  method: string,
  pathname: string,
  query: URLSearchParams,
): MatchedOperation | undefined {
  const parts = pathname.split('/').filter((part) => part !== '');
  for (const route of routesOf(contracts)) {
    if (route.method !== method || !route.query.every(([key, value]) => query.get(key) === value)) continue;
    const labels = matchSegments(route.segments, parts);
    if (labels) return { operation: route.operation, labels };
  }
  return undefined;
}

function matchSegments(segments: CompiledRoute['segments'], parts: string[]): Record<string, string> | undefined {
  const labels: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    if (!segment) return undefined;
    if ('literal' in segment) {
      if (parts[i] !== segment.literal) return undefined;
      continue;
    }
    const rest = segment.greedy ? parts.slice(i).join('/') : parts[i];
    if (rest === undefined || rest === '') return undefined;
    labels[segment.label] = safeDecode(rest);
    if (segment.greedy) return labels;
  }
  return parts.length === segments.length ? labels : undefined;
}

const safeDecode = (text: string) => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

// ---- validation ----

export interface RequestParts {
  labels: Record<string, string>;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** Lambda's member path: the member name with its first letter lower-cased ('KMSKeyArn' → 'kMSKeyArn'). */
const memberPath = (parent: string, member: string) => {
  const name = member.charAt(0).toLowerCase() + member.slice(1);
  return parent === '' ? name : `${parent}.${name}`;
};

/** A value as Java's toString renders it in AWS's messages: lists [a, b], maps {k=v}. */
function render(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(render).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>)
      .map(([key, item]) => `${key}=${render(item)}`)
      .join(', ')}}`;
  }
  return String(value);
}

/** Java prints a double bound with a decimal point (1.0); integers as they are. */
const bound = (shape: ContractShape, value: number) =>
  (shape.type === 'double' || shape.type === 'float') && Number.isInteger(value) ? value.toFixed(1) : String(value);

/**
 * String lengths count code points, as Smithy's @length trait defines them (a Java service might count UTF-16 units:
 * not checked against Lambda, and only characters outside the BMP differ); blobs count bytes.
 */
function lengthOf(shape: ContractShape, value: unknown): number | undefined {
  if (shape.type === 'string' && typeof value === 'string') return [...value].length;
  if (shape.type === 'blob' && typeof value === 'string') return Buffer.byteLength(value, 'base64');
  if (shape.type === 'blob' && Buffer.isBuffer(value)) return value.length;
  if (shape.type === 'list' && Array.isArray(value)) return value.length;
  if (shape.type === 'map' && value !== null && typeof value === 'object') return Object.keys(value).length;
  return undefined;
}

class Malformed extends Error {}

const JSON_KINDS: Record<string, (value: unknown) => boolean> = {
  string: (v) => typeof v === 'string',
  blob: (v) => typeof v === 'string' || Buffer.isBuffer(v),
  boolean: (v) => typeof v === 'boolean',
  integer: (v) => typeof v === 'number' && Number.isInteger(v),
  long: (v) => typeof v === 'number' && Number.isInteger(v),
  double: (v) => typeof v === 'number',
  float: (v) => typeof v === 'number',
  timestamp: (v) => typeof v === 'number' || typeof v === 'string',
  structure: (v) => v !== null && typeof v === 'object' && !Array.isArray(v),
  map: (v) => v !== null && typeof v === 'object' && !Array.isArray(v),
  list: (v) => Array.isArray(v),
};

class Validator {
  readonly errors: string[] = [];
  constructor(private readonly contracts: Contracts) {}

  shape(name: string): ContractShape {
    const shape = this.contracts.shapes[name];
    if (!shape) throw new Error(`contracts have no shape ${name}`);
    return shape;
  }

  /** The constraints of a scalar/list/map value, without recursing: the messages for one member. */
  constraints(shape: ContractShape, value: unknown): string[] {
    const failed: string[] = [];
    const length = lengthOf(shape, value);
    const isNumber = ['integer', 'long', 'double', 'float'].includes(shape.type) && typeof value === 'number';
    if (length !== undefined) {
      if (shape.max !== undefined && length > shape.max)
        failed.push(`Member must have length less than or equal to ${shape.max}`);
      if (shape.min !== undefined && length < shape.min)
        failed.push(`Member must have length greater than or equal to ${shape.min}`);
    }
    if (isNumber) {
      if (shape.max !== undefined && value > shape.max)
        failed.push(`Member must have value less than or equal to ${bound(shape, shape.max)}`);
      if (shape.min !== undefined && value < shape.min)
        failed.push(`Member must have value greater than or equal to ${bound(shape, shape.min)}`);
    }
    if (typeof value === 'string' && shape.type === 'string') {
      if (shape.jsPattern !== undefined && !new RegExp(shape.jsPattern).test(value)) {
        failed.push(`Member must satisfy regular expression pattern: ${shape.pattern ?? ''}`);
      }
      if (shape.enum && !shape.enum.includes(value))
        failed.push(`Member must satisfy enum value set: [${shape.enum.join(', ')}]`);
    }
    return failed;
  }

  report(path: string, shape: ContractShape, value: unknown, constraint: string) {
    // A sensitive member's value is left out of the message (AWS writes "Value at 'password' failed …").
    const shown = value === null ? 'Value null' : shape.sensitive ? 'Value' : `Value '${render(value)}'`;
    this.errors.push(`${shown} at '${path}' failed to satisfy constraint: ${constraint}`);
  }

  /** Checks a value and everything inside it; type mismatches are malformed requests, not validation errors. */
  check(path: string, shapeName: string, value: unknown) {
    const shape = this.shape(shapeName);
    const isKind = JSON_KINDS[shape.type];
    if (isKind && !isKind(value))
      throw new Malformed(`'${path}' must be a ${shape.type}, got ${Array.isArray(value) ? 'array' : typeof value}`);
    for (const constraint of this.constraints(shape, value)) this.report(path, shape, value, constraint);
    if (shape.type === 'structure') this.structure(path, shape, value as Record<string, unknown>);
    if (shape.type === 'list') this.elements(path, shape, value as unknown[]);
    if (shape.type === 'map') this.entries(path, shape, value as Record<string, unknown>);
  }

  structure(path: string, shape: ContractShape, value: Record<string, unknown>) {
    for (const [name, member] of Object.entries(shape.members ?? {})) {
      const memberValue = value[name];
      const childPath = memberPath(path, name);
      if (memberValue === undefined || memberValue === null) {
        if (shape.required?.includes(name))
          this.report(childPath, this.shape(member.shape), null, 'Member must not be null');
        continue;
      }
      this.check(childPath, member.shape, memberValue);
    }
  }

  /** Element violations are reported on the list: "Member must satisfy constraint: [ … ]". */
  elements(path: string, shape: ContractShape, value: unknown[]) {
    const elementShape = this.shape(shape.member ?? '');
    const failed = new Set<string>();
    value.forEach((item, index) => {
      if (item === null || item === undefined) failed.add('Member must not be null');
      else if (['structure', 'list', 'map'].includes(elementShape.type))
        this.check(`${path}.${index + 1}.member`, shape.member ?? '', item);
      else {
        const isKind = JSON_KINDS[elementShape.type];
        if (isKind && !isKind(item)) throw new Malformed(`'${path}' must hold ${elementShape.type} values`);
        for (const constraint of this.constraints(elementShape, item)) failed.add(constraint);
      }
    });
    if (failed.size > 0) this.report(path, shape, value, `Member must satisfy constraint: [${[...failed].join(', ')}]`);
  }

  entries(path: string, shape: ContractShape, value: Record<string, unknown>) {
    const keyShape = this.shape(shape.key ?? '');
    const valueShape = this.shape(shape.value ?? '');
    const keyFailures = new Set<string>();
    const valueFailures = new Set<string>();
    for (const [key, item] of Object.entries(value)) {
      for (const constraint of this.constraints(keyShape, key)) keyFailures.add(constraint);
      if (['structure', 'list', 'map'].includes(valueShape.type)) this.check(`${path}.${key}`, shape.value ?? '', item);
      else {
        const isKind = JSON_KINDS[valueShape.type];
        if (item !== null && isKind && !isKind(item))
          throw new Malformed(`'${path}' must hold ${valueShape.type} values`);
        for (const constraint of this.constraints(valueShape, item)) valueFailures.add(constraint);
      }
    }
    const shape2 = { ...shape, sensitive: shape.sensitive || keyShape.sensitive || valueShape.sensitive };
    if (keyFailures.size > 0)
      this.report(path, shape2, value, `Map keys must satisfy constraint: [${[...keyFailures].join(', ')}]`);
    if (valueFailures.size > 0)
      this.report(path, shape2, value, `Map value must satisfy constraint: [${[...valueFailures].join(', ')}]`);
  }
}

/** A query-string or header value converted to its member's type; undefined when it cannot be. */
function fromText(shape: ContractShape, text: string): unknown {
  switch (shape.type) {
    case 'integer':
    case 'long':
      return /^-?\d+$/.test(text) ? Number(text) : undefined;
    case 'double':
    case 'float':
      return text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : undefined;
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : undefined;
    default:
      return text;
  }
}

/**
 * Checks one request against its operation's input shape. Returns the error to answer with (ValidationException
 * for constraint violations, InvalidRequestContentException for a body that is not the model's JSON), or undefined.
 */
export function validateRequest(
  contracts: Contracts,
  operation: string,
  request: RequestParts,
): { error: LambdaError; kind: 'validation' | 'malformed' } | undefined {
  const op = contracts.operations[operation];
  if (!op?.input) return undefined;
  const validator = new Validator(contracts);
  const input = validator.shape(op.input);
  // The members as the service sees them: from the URI, the query string, the headers and the body.
  const values: Record<string, unknown> = {};
  let body: Record<string, unknown> = {};
  const payloadMember = input.payload;
  try {
    const bodyMembers = Object.entries(input.members ?? {}).filter(
      ([name, member]) => member.location === undefined && name !== payloadMember,
    );
    if (payloadMember === undefined && bodyMembers.length > 0 && request.body.length > 0) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(request.body.toString('utf8'));
      } catch {
        throw new Malformed('the body is not JSON');
      }
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
        throw new Malformed('the body is not a JSON object');
      body = parsed as Record<string, unknown>;
    }
    for (const [name, member] of Object.entries(input.members ?? {})) {
      const shape = validator.shape(member.shape);
      const wire = member.locationName ?? name;
      let raw: unknown;
      if (member.location === 'uri') raw = request.labels[wire];
      else if (member.location === 'querystring') {
        const all = request.query.getAll(wire);
        raw = shape.type === 'list' ? (all.length > 0 ? all : undefined) : all[0];
      } else if (member.location === 'header') {
        const header = request.headers[wire.toLowerCase()];
        raw = Array.isArray(header) ? header[0] : header;
      } else if (member.location === undefined)
        raw = name === payloadMember ? (request.body.length > 0 ? request.body : undefined) : body[name];
      else continue;
      // Every value on the wire outside the body is text, uri labels too (GetLayerVersion's VersionNumber is a long).
      if (typeof raw === 'string' && member.location !== undefined) {
        const converted = fromText(shape, raw);
        if (converted === undefined)
          throw new Malformed(`'${memberPath('', name)}' must be a ${shape.type}, got '${raw}'`);
        raw = converted;
      }
      if (raw !== undefined) values[name] = raw;
    }
    validator.structure('', input, values);
  } catch (error) {
    if (!(error instanceof Malformed)) throw error;
    // Not confirmed against Lambda word for word: the type and the "Could not parse request body into json" start
    // are what Lambda answers for an unparsable body (the emulator's Invoke already says so).
    return {
      error: new LambdaError(
        'InvalidRequestContentException',
        `Could not parse request body into json: ${error.message}`,
      ),
      kind: 'malformed',
    };
  }
  if (validator.errors.length === 0) return undefined;
  const count = validator.errors.length;
  const message = `${count} validation error${count === 1 ? '' : 's'} detected: ${validator.errors.join('; ')}`;
  return { error: new LambdaError('ValidationException', message), kind: 'validation' };
}

export interface IncomingRequest {
  method: string;
  pathname: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/**
 * The emulator's one contract check, before it handles a request: the error to answer with and what to record, or
 * undefined when the request is one the model allows and the emulator serves.
 */
export function checkContract(
  contracts: Contracts,
  request: IncomingRequest,
  serves: (operation: string) => boolean,
): (ContractViolation & { error: LambdaError }) | undefined {
  const violation = findViolation(contracts, request, serves);
  if (violation) {
    const { error: _error, ...recorded } = violation;
    for (const observer of observers) observer(recorded);
  }
  return violation;
}

function findViolation(
  contracts: Contracts,
  request: IncomingRequest,
  serves: (operation: string) => boolean,
): (ContractViolation & { error: LambdaError }) | undefined {
  const where = { method: request.method, path: request.pathname };
  const matched = matchOperation(contracts, request.method, request.pathname, request.query);
  if (!matched) {
    // Lambda's front end answers a path no operation has with 404 UnknownOperationException (AWS's REST services
    // do; aws-amplify/docs#2173 shows it for a request to the wrong path).
    const error = new LambdaError('UnknownOperationException', 'Unknown operation');
    return {
      kind: 'unknown-operation',
      ...where,
      message: `${request.method} ${request.pathname}: no operation of the Lambda API has this method and path`,
      error,
    };
  }
  const checked = validateRequest(contracts, matched.operation, {
    labels: matched.labels,
    query: request.query,
    headers: request.headers,
    body: request.body,
  });
  if (checked)
    return {
      kind: checked.kind,
      operation: matched.operation,
      ...where,
      message: checked.error.message,
      error: checked.error,
    };
  if (!serves(matched.operation)) {
    const op = contracts.operations[matched.operation];
    const message =
      `${matched.operation} (${op?.method ?? request.method} ${op?.requestUri ?? request.pathname}) is a Lambda API operation that this emulator ` +
      'does not implement; see emulator/README.md for the operations it serves.';
    return {
      kind: 'unimplemented',
      operation: matched.operation,
      ...where,
      message,
      error: new LambdaError('NotImplementedException', message),
    };
  }
  return undefined;
}
