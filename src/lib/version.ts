// Written into results.json so a stored baseline says which version produced it. package.json's version is the one
// source: `npm version` runs scripts/sync-version.mjs, which rewrites this line, and __tests__/unit/version.test.ts
// keeps the two equal (importing package.json would pull the whole file into the bundle).
export const TOOL_VERSION = '0.1.0';
