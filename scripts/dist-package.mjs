// The bundle is ESM (scripts/build.mjs); dist/ needs its own package.json so Node treats the bundle as a module
// even when the action is checked out without the root package.json (GitHub runs dist/index.js in place).
import { writeFileSync } from 'node:fs';
writeFileSync('dist/package.json', JSON.stringify({ type: 'module' }, null, 2) + '\n');
