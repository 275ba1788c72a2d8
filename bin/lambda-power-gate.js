#!/usr/bin/env node
// The CLI front door: the same flow as the action, bundled to dist/cli by `npm run build`.
import '../dist/cli/index.js';
