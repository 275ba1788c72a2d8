// The results.json schema's version, apart from the schema (schema.ts): the tuner stamps it on every run, and a
// constant here spares a run that reads no results file from building the whole zod schema at start-up.

export const RESULTS_SCHEMA_VERSION = 1;
