// Written into results.json so a stored baseline says which version produced it; a test keeps it equal to
// package.json's version (importing package.json would pull the whole file into the bundle).
export const TOOL_VERSION = '0.1.0';
