// What to propose for one function, from where its memory is set: a one-line change when the value is a number
// that belongs to this function alone (its own setting, or a shared one nobody else inherits), else a sentence
// saying where the change belongs and why it is not made here. Never a change to a setting other functions share,
// to an expression, or to a declaration the run could not tell apart from another.

import type { FunctionDeclaration, MemoryValue } from './declarations.js';
import { matchFunction, type TunedFunction } from './match.js';

export type Proposal =
  /** Replace `value` in its line by the recommended memory: `newLineText` is the line after the change. */
  | {
      kind: 'change';
      declaration: FunctionDeclaration;
      value: MemoryValue;
      newLineText: string;
      sharedSetting?: string;
    }
  /** The code already sets the recommended memory. */
  | { kind: 'already'; declaration: FunctionDeclaration; value: MemoryValue }
  /** Set by an expression (!Ref, var.x, a constant): change it where its value is given. */
  | { kind: 'expression'; declaration: FunctionDeclaration; value: MemoryValue }
  /** Inherited from a setting other functions share too. */
  | { kind: 'shared'; declaration: FunctionDeclaration; value: MemoryValue; where: string; sharedWith: string[] }
  /** Nothing sets it: the default applies; a line would have to be added to the declaration. */
  | { kind: 'not-set'; declaration: FunctionDeclaration; defaultMb: number }
  /** The memory cannot be read from the code. */
  | { kind: 'unknown'; declaration: FunctionDeclaration; why: string }
  | { kind: 'ambiguous'; candidates: FunctionDeclaration[] }
  | { kind: 'not-found'; unreadable: FunctionDeclaration[] };

// A line holding control, bidirectional or invisible characters is not rewritten: a suggestion would carry them
// into a block a reviewer accepts with one click, unseen.
// eslint-disable-next-line no-control-regex
const HIDDEN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/;

export function propose(
  declarations: readonly FunctionDeclaration[],
  fn: TunedFunction,
  recommendedMb: number,
): Proposal {
  const match = matchFunction(declarations, fn);
  if (match.kind === 'ambiguous') return { kind: 'ambiguous', candidates: match.candidates };
  if (match.kind === 'none') return { kind: 'not-found', unreadable: match.unreadable };
  const declaration = match.declaration;
  const memory = declaration.memory;
  switch (memory.kind) {
    case 'default':
      return { kind: 'not-set', declaration, defaultMb: memory.defaultMb };
    case 'unknown':
      return { kind: 'unknown', declaration, why: memory.why };
    case 'shared':
      if (memory.sharedWith.length > 0)
        return { kind: 'shared', declaration, value: memory.value, where: memory.where, sharedWith: memory.sharedWith };
      return changeOf(declaration, memory.value, recommendedMb, memory.where);
    case 'own':
      return changeOf(declaration, memory.value, recommendedMb);
  }
}

function changeOf(
  declaration: FunctionDeclaration,
  value: MemoryValue,
  recommendedMb: number,
  sharedSetting?: string,
): Proposal {
  if (value.memoryMb === undefined) return { kind: 'expression', declaration, value };
  if (value.memoryMb === recommendedMb) return { kind: 'already', declaration, value };
  if (HIDDEN.test(value.lineText)) return { kind: 'unknown', declaration, why: 'its line holds hidden characters' };
  const newLineText = value.lineText.slice(0, value.start) + String(recommendedMb) + value.lineText.slice(value.end);
  return { kind: 'change', declaration, value, newLineText, ...(sharedSetting ? { sharedSetting } : {}) };
}
