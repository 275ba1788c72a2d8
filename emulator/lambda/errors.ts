// Lambda's error responses: an HTTP status, the `x-amzn-errortype` header (how @aws-sdk/client-lambda picks the
// exception class) and a JSON body whose keys follow the service model. The model spells the message key
// `Message` for some exceptions and `message` for others; the SDK reads either, but we answer as Lambda does.

export type ErrorCode =
  | 'ResourceNotFoundException'
  | 'ResourceConflictException'
  | 'TooManyRequestsException'
  | 'InvalidParameterValueException'
  | 'InvalidRequestContentException'
  | 'RequestTooLargeException'
  | 'RequestEntityTooLargeException'
  | 'PreconditionFailedException'
  | 'ValidationException'
  | 'ServiceException'
  | 'UnknownOperationException'
  /** The emulator's own: an operation of the Lambda model that it does not serve (never sent by Lambda). */
  | 'NotImplementedException';

const STATUS: Record<ErrorCode, number> = {
  ResourceNotFoundException: 404,
  ResourceConflictException: 409,
  TooManyRequestsException: 429,
  InvalidParameterValueException: 400,
  InvalidRequestContentException: 400,
  RequestTooLargeException: 413,
  RequestEntityTooLargeException: 413,
  PreconditionFailedException: 412,
  ValidationException: 400,
  ServiceException: 500,
  UnknownOperationException: 404,
  // 501 is a server error the SDK does not retry (only 500, 502, 503 and 504 are transient to it).
  NotImplementedException: 501,
};

/** Exceptions whose model member is `Message` (capital M); the others use `message`. */
const CAPITAL_MESSAGE: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'ResourceNotFoundException',
  'ServiceException',
  'UnknownOperationException',
]);

export class LambdaError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Extra body members (TooManyRequestsException's Reason) and headers (its Retry-After). */
    readonly extra: { body?: Record<string, string>; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = code;
    this.status = STATUS[code];
  }

  body(): Record<string, string> {
    // ValidationException comes from the request validation layer, which sends only `message`.
    if (this.code === 'ValidationException') return { message: this.message };
    const type = this.status >= 500 ? 'Service' : 'User';
    const messageKey = CAPITAL_MESSAGE.has(this.code) ? 'Message' : 'message';
    return { Type: type, [messageKey]: this.message, ...this.extra.body };
  }
}

export const notFound = (message: string) => new LambdaError('ResourceNotFoundException', message);
export const conflict = (message: string) => new LambdaError('ResourceConflictException', message);
export const invalidParameter = (message: string) => new LambdaError('InvalidParameterValueException', message);
export const preconditionFailed = (message: string) => new LambdaError('PreconditionFailedException', message);
export const serviceError = (message: string) => new LambdaError('ServiceException', message);

/** The request-validation error Lambda returns for values outside the model's constraints. */
export const validationError = (value: unknown, member: string, constraint: string) =>
  new LambdaError(
    'ValidationException',
    `1 validation error detected: Value '${String(value)}' at '${member}' failed to satisfy constraint: ${constraint}`,
  );

export const tooManyRequests = (reason: string, message: string, retryAfterSeconds: number) =>
  new LambdaError('TooManyRequestsException', message, {
    body: { Reason: reason },
    headers: { 'Retry-After': String(retryAfterSeconds) },
  });
