// The results.json schema's version, apart from the schema (schema.ts): the tuner stamps it on every run, and a
// constant here spares a run that reads no results file from building the whole zod schema at start-up.

/** A function's run result (RunResult.schemaVersion): the unit of baseline storage, and all a version 1 file held. */
export const RESULTS_SCHEMA_VERSION = 1;

/**
 * results.json's own version (issue 15): version 2 holds every function of the run (`functions[]`, each with a
 * version 1 run result); results/parse.ts reads a version 1 file as a version 2 file of one function.
 */
export const RESULTS_FILE_SCHEMA_VERSION = 2;
