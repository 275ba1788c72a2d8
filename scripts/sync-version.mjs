// npm's `version` script (package.json): after `npm version <new>` has written package.json, write the same version
// into src/lib/version.ts, so package.json is the one place a version is chosen. The bundle keeps a constant rather
// than importing package.json (that would pull the whole manifest into dist/); __tests__/unit/version.test.ts holds
// them equal.
import { readFileSync, writeFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const file = 'src/lib/version.ts';
const source = readFileSync(file, 'utf8');
const next = source.replace(/export const TOOL_VERSION = '[^']*';/, `export const TOOL_VERSION = '${version}';`);
if (next === source && !source.includes(`'${version}'`)) throw new Error(`${file}: no TOOL_VERSION constant to update`);
writeFileSync(file, next);
console.log(`${file}: ${version}`);
