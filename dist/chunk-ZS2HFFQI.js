import { createRequire as __lpgCreateRequire } from 'node:module'; const require = __lpgCreateRequire(import.meta.url);
import {
  oneLine
} from "./chunk-F67DHOCG.js";

// src/lib/errors.ts
var InputError = class extends Error {
  constructor(input, message) {
    super(oneLine(message));
    this.input = input;
  }
  input;
  name = "InputError";
};
function messageOf(error) {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

export {
  InputError,
  messageOf
};
