// What the infrastructure code says about a function's memory, whatever the format: where the function is
// declared, how its deployed name can be told from the code, and where its memory is set. The format readers
// (cloudformation.ts, serverless.ts, terraform.ts, cdk.ts) produce these; match.ts pairs them with a tuned function.

export type IacFormat = 'cloudformation' | 'serverless' | 'terraform' | 'cdk';

export const FORMAT_NAMES: Record<IacFormat, string> = {
  cloudformation: 'SAM/CloudFormation',
  serverless: 'Serverless Framework',
  terraform: 'Terraform',
  cdk: 'CDK (TypeScript)',
};

/** One memory value in a file: its line (1-based) and where the value sits in it (0-based columns). */
export interface MemoryValue {
  line: number;
  /** The whole line as the file has it (without the line break). */
  lineText: string;
  start: number;
  end: number;
  /** The value in MB when it is a literal number; undefined for an expression (!Ref, var.x, a constant). */
  memoryMb?: number;
  /** The value as written, for messages. */
  text: string;
}

/**
 * Where a function's memory comes from:
 * - own: its own MemorySize / memorySize / memory_size;
 * - shared: a setting several functions may inherit (SAM Globals.Function, Serverless provider.memorySize);
 *   `sharedWith` lists the other functions of the file that inherit it too;
 * - default: nothing sets it, so the service's default applies (128 MB for Lambda);
 * - unknown: it cannot be read from the code (props given as a variable, a spread), `why` says so.
 */
export type MemorySource =
  | { kind: 'own'; value: MemoryValue }
  | { kind: 'shared'; value: MemoryValue; where: string; sharedWith: string[] }
  | { kind: 'default'; defaultMb: number }
  | { kind: 'unknown'; why: string };

/** A function declared in infrastructure code. */
export interface FunctionDeclaration {
  format: IacFormat;
  /** Workspace-relative, with forward slashes. */
  file: string;
  /** How the file names it, e.g. "Resources.OrdersFunction", "functions.orders", "aws_lambda_function.orders". */
  label: string;
  /** The line the declaration starts on (1-based). */
  line: number;
  /** The way its deployed name is known, strongest first. */
  identity: {
    /** CloudFormation logical id (SAM and CloudFormation templates). */
    logicalId?: string;
    /** CDK construct id: the logical id is the construct path's ids and an 8-character hash. */
    constructId?: string;
    /** The name the code gives literally (FunctionName, name, function_name, functionName). */
    functionName?: string;
    /** A regular expression (source, anchored by the matcher) for a name built with variables. */
    namePattern?: string;
    /** The name is set by an expression the code does not resolve (e.g. "!Ref NameParameter"). */
    nameExpression?: string;
  };
  memory: MemorySource;
}

/** Lambda's MemorySize when none is given (CloudFormation AWS::Lambda::Function, SAM, Serverless v3+, Terraform, CDK). */
export const LAMBDA_DEFAULT_MEMORY_MB = 128;

/** A regular-expression source matching text literally. */
export const literalPattern = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Columns of the first run of digits in text[start, end), or undefined when there is none. */
export function digitsWithin(text: string, start: number, end: number): { start: number; end: number } | undefined {
  const match = /\d+/.exec(text.slice(start, end));
  return match ? { start: start + match.index, end: start + match.index + match[0].length } : undefined;
}

/** A MemoryValue for the value at [start, end) of a line; memoryMb only for a whole positive integer. */
export function memoryValue(lineText: string, line: number, start: number, end: number): MemoryValue {
  const text = lineText.slice(start, end);
  const unquoted = text.replace(/^(["'])(.*)\1$/, '$2').trim();
  if (/^[1-9]\d{0,5}$/.test(unquoted)) {
    const digits = digitsWithin(lineText, start, end);
    if (digits) return { line, lineText, start: digits.start, end: digits.end, memoryMb: Number(unquoted), text };
  }
  return { line, lineText, start, end, text };
}

/**
 * A YAML/JSON value that is a number as written: an untagged number, or an untagged string of digits (JSON templates
 * often quote integers, and CloudFormation reads "256" as 256). A tag (!Ref) or a ${...} variable is an expression.
 */
export function literalNumber(node: unknown): boolean {
  if (typeof node !== 'object' || node === null) return false;
  const { tag, value } = node as { tag?: unknown; value?: unknown };
  if (tag !== undefined && tag !== null) return false;
  return (
    (typeof value === 'number' && Number.isInteger(value)) || (typeof value === 'string' && /^[1-9]\d*$/.test(value))
  );
}
