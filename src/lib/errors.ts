// The errors every layer shares. InputError is the one kind of error the front doors print as a single line without
// a stack (the user's input is wrong, and the message names the input and the fix); messageOf is how any other
// error becomes text.

import { oneLine } from './format.js';

/** A bad input: names the input and the fix; the action exits 1 with this one line and makes no AWS call. */
export class InputError extends Error {
  override readonly name = 'InputError';

  constructor(
    readonly input: string,
    message: string,
  ) {
    // One line: an input error is printed as exactly one line in the log.
    super(oneLine(message));
  }
}

/** "Name: message" of an error of any kind (or its text when it is not an Error). */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
